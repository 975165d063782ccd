//! The generational write barrier, and what a JIT needs to emit it inline.
//!
//! The barrier is *object-remembering*: after (or before) storing a
//! reference into an object, the mutator checks one bit of the object's
//! header. Old objects carry the [`UNLOGGED_BIT`] while they are not in a
//! remembered set; young objects never do. The fast path is therefore
//!
//! ```text
//! mov  rax, [obj + HEADER_OFFSET]        ; the GC header word
//! test rax, UNLOGGED_BIT
//! jnz  slow                              ; rare: first store into this old object since the last GC
//! ...
//! slow: call write_barrier_slow::<B>(mutator_state, obj)
//! ```
//!
//! The slow path clears the bit atomically and appends the object to the
//! mutator's remembered set; the next minor collection rescans the whole
//! object, updating its references to young objects, and sets the bit again
//! once it no longer points into the young generation. The barrier does not
//! look at the stored value, so it works for tagged words of any encoding,
//! and a store of several references into one object needs a single check.
//! No safepoint may occur between the barrier and the store.

use crate::binding::VMBinding;
use crate::header;
use crate::mutator::MutatorState;
use crate::object::ObjectRef;

/// Offset of the header word from an object address.
pub const HEADER_OFFSET: usize = header::HEADER_OFFSET;
/// The bit of the header word the fast path tests.
pub const UNLOGGED_BIT: u64 = header::UNLOGGED;

/// The barrier slow path for compiled code: `state` is a
/// [`crate::Mutator::state_ptr`], `obj` the address of the object written
/// to.
///
/// # Safety
/// `state` must be the state of a live mutator used by the calling thread
/// (no Rust borrow of it active), and `obj` a live object of its heap.
pub unsafe extern "C" fn write_barrier_slow<B: VMBinding>(state: *mut u8, obj: usize) {
    let Some(obj) = ObjectRef::from_address(obj) else {
        return;
    };
    // SAFETY: `obj` is live (caller); the clear is atomic so one thread wins.
    let prev = unsafe { header::clear_bits(obj, header::UNLOGGED) };
    if prev & header::UNLOGGED != 0 {
        let st = state.cast::<MutatorState<B>>();
        // SAFETY: the caller passes its own live mutator state.
        unsafe { (*st).remset.push(obj) };
    }
}
