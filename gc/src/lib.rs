//! A precise, moving, generational garbage collector that any virtual
//! machine can plug into.
//!
//! A VM describes its objects through one trait, [`VMBinding`]; the crate
//! knows nothing else about it. A [`Heap`] is a value you create; each
//! thread that touches it owns a [`Mutator`].
//!
//! ```
//! use pyvm_gc::{Config, Heap, ObjectRef, Tracer, VMBinding, CollectionKind};
//!
//! // Objects: payload = [number of reference slots][slot]...
//! struct Vm;
//! unsafe impl VMBinding for Vm {
//!     type MutatorRoots = Vec<ObjectRef>;
//!     fn object_size(o: ObjectRef) -> usize {
//!         8 + 8 * unsafe { *(o.payload() as *const usize) }
//!     }
//!     fn trace_object<T: Tracer>(o: ObjectRef, t: &mut T) {
//!         let n = unsafe { *(o.payload() as *const usize) };
//!         for i in 0..n {
//!             let slot = unsafe { (o.payload() as *mut usize).add(1 + i) };
//!             if let Some(r) = ObjectRef::from_address(unsafe { *slot }) {
//!                 unsafe { *slot = t.trace(r).address() };
//!             }
//!         }
//!     }
//!     fn scan_roots<T: Tracer>(roots: &mut Vec<ObjectRef>, t: &mut T) {
//!         roots.iter_mut().for_each(|r| t.trace_slot(r));
//!     }
//! }
//!
//! let heap = Heap::<Vm>::new(Config::default()).unwrap();
//! let mut m = heap.mutator(Vec::new()).unwrap();
//! m.scope(|s| {
//!     // A pair whose first slot points to a leaf; both rooted by handles.
//!     let pair = s.alloc(8 + 16).unwrap();
//!     let leaf = s.alloc(8).unwrap();
//!     let (p, l) = (s.get(pair), s.get(leaf).object_ref());
//!     unsafe {
//!         *(p.payload() as *mut usize) = 2;
//!         s.write_word(p, 8, l.address() as u64);
//!     }
//!     let before = s.get(leaf).object_ref();
//!     s.collect(CollectionKind::Major); // moves both objects
//!     let (p, l) = (s.get(pair), s.get(leaf).object_ref());
//!     assert_ne!(l, before);
//!     assert_eq!(unsafe { p.read_word(8) }, l.address() as u64);
//! });
//! ```
//!
//! The pieces:
//!
//! * **Binding** ([`VMBinding`]): object size, tracing (through a
//!   [`Tracer`] that returns the possibly moved address, so slots may hold
//!   tagged words), root scanning per mutator, native drop hooks.
//! * **Allocation**: a bump-pointer nursery per mutator, survivor
//!   semispaces with promotion by age, old blocks, and a non-moving
//!   large-object space. Failure (heap limit, system out of memory) is an
//!   [`AllocError`]; only the system refusing a block to a collection that
//!   is already copying, or a binding function panicking during a
//!   collection, aborts.
//! * **Collection** ([`CollectionKind`]): minor collections copy young
//!   survivors; major collections compact the old blocks in place (sliding)
//!   or, with `Config::compact` off (stress mode), evacuate every old object
//!   into fresh blocks. No fragmentation survives a major collection.
//! * **Write barrier** ([`barrier`]): one header bit test.
//! * **Rooting**: [`Gc`] raw references borrow the mutator; [`Scope`] and
//!   [`Handle`] for native code; [`Persistent`] roots. [`ObjectRef`] is the
//!   unchecked currency underneath (an address with no lifetime): every
//!   method that takes one and touches the object (`write_barrier`,
//!   `register_finalizer`, `object_id`, `new_weak`, `persist`,
//!   `Scope::root`, ...) is `unsafe`, with the contract that the reference
//!   is live, i.e. allocated or read from a root, handle or field since the
//!   last safepoint.
//! * **Weak references** ([`WeakRef`]), **finalization** queues and drop
//!   hooks; **identity** ([`ObjectId`]) that survives moves.
//! * **Threads**: a safepoint [`Handshake`] stops every mutator.
//! * **Stress and verification** ([`Config::stress`], [`VerifyReport`]) and
//!   **statistics** ([`Stats`]).

pub mod barrier;
mod binding;
mod collect;
mod compact;
mod config;
mod finalize;
mod handle;
pub mod header;
mod heap;
mod identity;
mod los;
mod major;
mod minor;
mod mutator;
mod object;
mod safepoint;
mod space;
mod stats;
mod sync;
mod verify;
mod weak;

pub use binding::VMBinding;
pub use config::{AllocError, Config, POISON_BYTE, Stress};
pub use handle::{Gc, Handle, Persistent, Scope};
pub use heap::Heap;
pub use identity::ObjectId;
pub use mutator::{
    AllocBuffer, Mutator, NURSERY_CURSOR_OFFSET, NURSERY_LIMIT_OFFSET, alloc_slow_extern,
};
pub use object::{ObjectRef, Tracer, object_bytes_for};
pub use safepoint::Handshake;
pub use stats::{CollectionKind, PAUSE_BUCKETS, Stats};
pub use verify::VerifyReport;
pub use weak::WeakRef;
