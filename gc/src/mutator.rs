//! Mutators: the per-thread face of a heap (nursery, remembered set,
//! handles, the VM's roots) and the allocation paths.

use core::cell::Cell;
use core::marker::PhantomData;
use core::mem::offset_of;
use core::ptr::NonNull;

use crate::binding::VMBinding;
use crate::collect;
use crate::config::AllocError;
use crate::handle::{Gc, Persistent};
use crate::header;
use crate::heap::{Heap, Shared};
use crate::identity::ObjectId;
use crate::object::{ObjectRef, object_bytes_for};
use crate::space::Region;
use crate::stats::{CollectionKind, Stats};
use crate::sync::{Arc, Ordering, lock};
use crate::weak::WeakRef;

/// The bump-pointer window of a nursery, at offset 0 of the state a
/// [`Mutator::state_ptr`] points to. Compiled code allocates inline with
///
/// ```text
/// new = [state + NURSERY_CURSOR_OFFSET] + size      ; size: header included, multiple of 8
/// if new > [state + NURSERY_LIMIT_OFFSET]: call the slow path (alloc_slow_extern)
/// obj = [state + NURSERY_CURSOR_OFFSET]; [state + NURSERY_CURSOR_OFFSET] = new
/// ```
///
/// Only sizes below [`Mutator::max_inline_alloc_bytes`] may be allocated
/// inline (larger objects go to the large-object space). The memory is
/// zeroed, the header word included (a young object's header is 0). Under
/// stress or poisoning the limit is 0, so every allocation takes the slow
/// path.
#[repr(C)]
#[derive(Debug)]
pub struct AllocBuffer {
    /// Next free byte of the nursery.
    pub cursor: usize,
    /// End of the inline-allocatable window.
    pub limit: usize,
}

/// Offset of the nursery cursor from [`Mutator::state_ptr`].
pub const NURSERY_CURSOR_OFFSET: usize = offset_of!(AllocBuffer, cursor);
/// Offset of the nursery limit from [`Mutator::state_ptr`].
pub const NURSERY_LIMIT_OFFSET: usize = offset_of!(AllocBuffer, limit);

/// Per-mutator state; `buf` must stay first (JIT offsets are relative to
/// the start of this struct).
#[repr(C)]
pub(crate) struct MutatorState<B: VMBinding> {
    pub(crate) buf: AllocBuffer,
    pub(crate) eden: Region,
    /// Allocations of at least this many bytes go to the large-object space.
    pub(crate) large_bytes: usize,
    pub(crate) stress_countdown: u32,
    pub(crate) stress_collections: u64,
    /// Old objects whose unlogged bit this mutator cleared.
    pub(crate) remset: Vec<ObjectRef>,
    /// Handle-scope roots (see [`crate::Scope`]).
    pub(crate) handles: Vec<ObjectRef>,
    pub(crate) new_finalizable: Vec<ObjectRef>,
    pub(crate) new_droppable: Vec<ObjectRef>,
    pub(crate) roots: Option<B::MutatorRoots>,
    pub(crate) detached: bool,
    /// The heap, kept alive by the owning `Mutator` (for the extern slow
    /// path, which only receives this state).
    pub(crate) shared: *const Shared<B>,
}

impl<B: VMBinding> MutatorState<B> {
    /// Empties the nursery after a collection evacuated it.
    pub(crate) fn reset_nursery(&mut self, poison: bool, fast_path: bool) {
        let used_end = self.buf.cursor;
        self.eden.scrub(self.eden.start(), used_end, poison);
        self.buf.cursor = self.eden.start();
        self.buf.limit = if fast_path { self.eden.end() } else { 0 };
    }

    /// Bytes allocated in the nursery since it was last reset.
    pub(crate) fn nursery_used(&self) -> usize {
        self.buf.cursor - self.eden.start()
    }
}

/// One thread's access to a [`Heap`]: allocation, write barrier, rooting,
/// weak references, finalization, safepoints.
///
/// A mutator is `Send` but not `Sync`: it belongs to one thread at a time.
/// Anything that may collect takes `&mut self`, and every raw reference
/// ([`Gc`]) borrows the mutator, so no raw reference survives a
/// collection.
pub struct Mutator<B: VMBinding> {
    state: NonNull<MutatorState<B>>,
    shared: Arc<Shared<B>>,
    _not_sync: PhantomData<Cell<()>>,
}

// SAFETY: the state is owned by this mutator (the collector touches it only
// while the owning thread is stopped), and the roots it holds are `Send`.
unsafe impl<B: VMBinding> Send for Mutator<B> {}

impl<B: VMBinding> Mutator<B> {
    pub(crate) fn new(shared: Arc<Shared<B>>, roots: B::MutatorRoots) -> Result<Self, AllocError> {
        let cfg = &shared.config;
        let eden = Region::new(cfg.nursery_bytes).ok_or(AllocError {
            requested: cfg.nursery_bytes,
        })?;
        let fast = cfg.fast_path();
        let state = Box::new(MutatorState {
            buf: AllocBuffer {
                cursor: eden.start(),
                limit: if fast { eden.end() } else { 0 },
            },
            eden,
            large_bytes: cfg.large_object_bytes.min(cfg.nursery_bytes / 2),
            stress_countdown: cfg.stress.map_or(0, |s| s.every.max(1)),
            stress_collections: 0,
            remset: Vec::new(),
            handles: Vec::new(),
            new_finalizable: Vec::new(),
            new_droppable: Vec::new(),
            roots: Some(roots),
            detached: false,
            shared: Arc::as_ptr(&shared),
        });
        let state = NonNull::from(Box::leak(state));
        shared.handshake.register();
        lock(&shared.state).mutators.push(state);
        Ok(Mutator {
            state,
            shared,
            _not_sync: PhantomData,
        })
    }

    #[inline]
    fn st(&self) -> *mut MutatorState<B> {
        self.state.as_ptr()
    }

    /// The heap this mutator allocates in.
    pub fn heap(&self) -> Heap<B> {
        Heap {
            shared: self.shared.clone(),
        }
    }

    /// The VM's roots for this mutator.
    pub fn roots(&self) -> &B::MutatorRoots {
        // SAFETY: only this thread touches the state while it runs; the
        // roots are present until the mutator is dropped.
        unsafe { (*self.st()).roots.as_ref() }.expect("roots present until drop")
    }

    /// The VM's roots for this mutator, mutably.
    pub fn roots_mut(&mut self) -> &mut B::MutatorRoots {
        // SAFETY: as in `roots`, and `&mut self` makes the access unique.
        unsafe { (*self.st()).roots.as_mut() }.expect("roots present until drop")
    }

    /// Allocates an object with a zeroed payload of `payload_bytes`.
    ///
    /// May collect (which is why it takes `&mut self`). The result borrows
    /// the mutator: store it somewhere the collector sees (a VM root, a
    /// handle, a field of a reachable object) before allocating again.
    #[inline]
    pub fn alloc(&mut self, payload_bytes: usize) -> Result<Gc<'_>, AllocError> {
        let bytes = object_bytes_for(payload_bytes);
        let st = self.st();
        // SAFETY: the state is ours while we run; the window [cursor, limit)
        // is zeroed nursery memory owned by this mutator.
        unsafe {
            let cur = (*st).buf.cursor;
            let new = cur.wrapping_add(bytes);
            if new <= (*st).buf.limit && bytes < (*st).large_bytes {
                (*st).buf.cursor = new;
                return Ok(Gc::new(ObjectRef::from_address_unchecked(cur)));
            }
        }
        self.alloc_slow(bytes).map(Gc::new)
    }

    /// Allocates an object that never moves (in the large-object space,
    /// whatever its size), for memory whose address is handed to native code.
    /// Like large objects, it is only reclaimed by major collections.
    pub fn alloc_pinned(&mut self, payload_bytes: usize) -> Result<Gc<'_>, AllocError> {
        let obj = alloc_large(&self.shared, object_bytes_for(payload_bytes))?;
        // SAFETY: our own state, and `obj` was just allocated.
        unsafe { remember_fresh(self.st(), obj) };
        Ok(Gc::new(obj))
    }

    #[cold]
    #[inline(never)]
    pub(crate) fn alloc_slow(&mut self, bytes: usize) -> Result<ObjectRef, AllocError> {
        // SAFETY: our own state, and `&mut self` guarantees no `Gc` borrows
        // the mutator while we may collect.
        unsafe { alloc_slow_in(&self.shared, self.st(), bytes) }
    }

    /// Runs a collection of at least `kind` (a minor one may be followed by a
    /// major one when the old generation is due). If another thread is
    /// collecting already, waits for it instead.
    pub fn collect(&mut self, kind: CollectionKind) {
        collect_in(&self.shared, kind);
    }

    /// A safepoint: if another thread wants to collect, stops here until it
    /// is done. Call it regularly (loop back-edges, calls) when not
    /// allocating.
    #[inline]
    pub fn safepoint(&mut self) {
        self.shared.handshake.poll();
    }

    /// Runs `f` (which cannot touch the heap) with this mutator counted as
    /// stopped, so other threads may collect meanwhile: use it around
    /// blocking calls (waiting for a lock, I/O).
    pub fn blocking<R>(&mut self, f: impl FnOnce() -> R) -> R {
        self.shared.handshake.enter_blocked();
        struct Resume<'a>(&'a crate::safepoint::Handshake);
        impl Drop for Resume<'_> {
            fn drop(&mut self) {
                self.0.leave_blocked();
            }
        }
        let _resume = Resume(&self.shared.handshake);
        f()
    }

    /// The generational write barrier: call it with an object whose
    /// reference fields are about to be (or were just) written, before the
    /// next safepoint. Costs a load and a branch unless `obj` is an old
    /// object not yet remembered. See [`crate::barrier`] for the
    /// inline sequence compiled code emits.
    ///
    /// # Safety
    /// `obj` must be a live object of this heap: allocated or read from a
    /// root, handle or field since the last safepoint (a stale address from
    /// before a collection is invalid).
    #[inline]
    pub unsafe fn write_barrier(&self, obj: ObjectRef) {
        // SAFETY: `obj` is a live object (the caller's contract), and its
        // header is accessed atomically.
        let h = unsafe { header::load(obj) };
        if h & header::UNLOGGED != 0 {
            self.remember(obj);
        }
    }

    #[cold]
    #[inline(never)]
    pub(crate) fn remember(&self, obj: ObjectRef) {
        // SAFETY: as in `write_barrier`; the atomic clear makes sure only one
        // thread records the object.
        let prev = unsafe { header::clear_bits(obj, header::UNLOGGED) };
        if prev & header::UNLOGGED != 0 {
            // SAFETY: our own state; `Mutator` is not `Sync`, so no other
            // reference to the remembered set is live.
            unsafe { (*self.st()).remset.push(obj) };
        }
    }

    /// Writes `word` at `offset` bytes into the payload of `obj`, with the
    /// write barrier.
    ///
    /// # Safety
    /// `obj` must be an object of this mutator's heap (a `Gc` borrowed from
    /// a mutator of another heap type-checks too, and would put a foreign
    /// object in this heap's remembered set); `offset + 8` must be within
    /// the object's payload and 8-aligned, and `word` must be valid for that
    /// slot in the VM's object model.
    #[inline]
    pub unsafe fn write_word(&self, obj: Gc<'_>, offset: usize, word: u64) {
        // SAFETY: a `Gc` is a live object while it borrows its mutator, and
        // the caller promises that mutator's heap is this one.
        unsafe { self.write_barrier(obj.object_ref()) };
        // SAFETY: bounds and alignment are the caller's promise.
        unsafe { (obj.payload().add(offset) as *mut u64).write(word) };
    }

    /// Registers `obj` for a Python-style finalizer: once it becomes
    /// unreachable it is kept alive, queued, and handed back by
    /// [`crate::Scope::pop_finalizable`] (once; register again to be told
    /// again).
    ///
    /// # Safety
    /// `obj` must be a live object of this heap: allocated or read from a
    /// root, handle or field since the last safepoint (a stale address from
    /// before a collection is invalid).
    pub unsafe fn register_finalizer(&self, obj: ObjectRef) {
        // SAFETY: `obj` is live (the caller's contract); the header is
        // updated atomically.
        let prev = unsafe { header::set_bits(obj, header::FINALIZABLE) };
        if prev & header::FINALIZABLE == 0 {
            // SAFETY: our own state; `Mutator` is not `Sync`.
            unsafe { (*self.st()).new_finalizable.push(obj) };
        }
    }

    /// Registers `obj` for the binding's [`VMBinding::drop_object`], called
    /// when the collector finds it dead (or when the heap is dropped).
    ///
    /// # Safety
    /// `obj` must be a live object of this heap: allocated or read from a
    /// root, handle or field since the last safepoint (a stale address from
    /// before a collection is invalid).
    pub unsafe fn register_drop(&self, obj: ObjectRef) {
        // SAFETY: as in `register_finalizer`.
        let prev = unsafe { header::set_bits(obj, header::NEEDS_DROP) };
        if prev & header::NEEDS_DROP == 0 {
            // SAFETY: our own state; `Mutator` is not `Sync`.
            unsafe { (*self.st()).new_droppable.push(obj) };
        }
    }

    /// The identity of `obj` (Python's `id()`): assigned on first request,
    /// stored in the object's header so it moves with the object, and never
    /// reused within this heap.
    ///
    /// # Safety
    /// `obj` must be a live object of this heap: allocated or read from a
    /// root, handle or field since the last safepoint (a stale address from
    /// before a collection is invalid).
    pub unsafe fn object_id(&self, obj: ObjectRef) -> ObjectId {
        // SAFETY: `obj` is live (the caller's contract).
        let h = unsafe { header::load(obj) };
        if h & header::HAS_ID != 0 {
            return ObjectId(h >> header::ID_SHIFT);
        }
        let id = self.shared.next_id.fetch_add(1, Ordering::Relaxed);
        assert!(id <= header::MAX_ID, "object identities exhausted");
        // SAFETY: `obj` is live; the install is a compare-and-swap.
        ObjectId(unsafe { header::install_id(obj, id) })
    }

    /// Creates a weak reference to `obj`. With `notify`, its clearing is
    /// reported by [`Mutator::pop_cleared_weak`] (for weakref callbacks).
    ///
    /// # Safety
    /// `obj` must be a live object of this heap: allocated or read from a
    /// root, handle or field since the last safepoint (a stale address from
    /// before a collection is invalid).
    pub unsafe fn new_weak(&self, obj: ObjectRef, notify: bool) -> WeakRef {
        // SAFETY: `obj` is live (the caller's contract).
        let young = unsafe { header::load(obj) } & header::OLD == 0;
        lock(&self.shared.state).weak.create(obj, notify, young)
    }

    /// The referent of `w`, or `None` once it died. Panics if `w` was
    /// released.
    pub fn weak_get(&self, w: WeakRef) -> Option<Gc<'_>> {
        lock(&self.shared.state).weak.get(w).map(Gc::new)
    }

    /// Releases `w`; using it afterwards panics. When the VM object holding
    /// a weak reference dies, its drop hook cannot call into the heap, so it
    /// should queue the `WeakRef` for the VM to release afterwards.
    pub fn release_weak(&self, w: WeakRef) {
        lock(&self.shared.state).weak.release(w);
    }

    /// Next cleared weak reference created with `notify`, oldest first.
    pub fn pop_cleared_weak(&self) -> Option<WeakRef> {
        lock(&self.shared.state).cleared_weak.pop_front()
    }

    /// Number of objects waiting in the finalization queue.
    pub fn pending_finalizers(&self) -> usize {
        lock(&self.shared.state).finalize_queue.len()
    }

    pub(crate) fn pop_finalizable_raw(&mut self) -> Option<ObjectRef> {
        lock(&self.shared.state).finalize_queue.pop_front()
    }

    /// A root that lives until dropped, independent of handle scopes (for
    /// globals, caches, objects handed to other threads).
    ///
    /// # Safety
    /// `obj` must be a live object of this heap: allocated or read from a
    /// root, handle or field since the last safepoint (a stale address from
    /// before a collection is invalid).
    pub unsafe fn persist(&self, obj: ObjectRef) -> Persistent<B> {
        Persistent::new(self.shared.clone(), obj)
    }

    pub(crate) fn shared(&self) -> &Arc<Shared<B>> {
        &self.shared
    }

    pub(crate) fn handles_mut(&mut self) -> &mut Vec<ObjectRef> {
        // SAFETY: our own state, uniquely borrowed through `&mut self`.
        unsafe { &mut (*self.st()).handles }
    }

    pub(crate) fn handles(&self) -> &Vec<ObjectRef> {
        // SAFETY: our own state; handles change only through `&mut self`.
        unsafe { &(*self.st()).handles }
    }

    /// Statistics of the heap.
    pub fn stats(&self) -> Stats {
        self.shared.stats()
    }

    /// Stops every mutator and checks the whole heap (see
    /// [`crate::VerifyReport`]); `Err` describes the first broken invariants.
    pub fn verify(&mut self) -> Result<crate::VerifyReport, String> {
        while !self.shared.handshake.request() {}
        let _release = ReleaseOnDrop(&self.shared.handshake);
        let mut st = lock(&self.shared.state);
        crate::verify::verify_heap(&mut st)
    }

    /// Objects of this many bytes or more (header included) must be
    /// allocated through the slow path: they go to the large-object space.
    pub fn max_inline_alloc_bytes(&self) -> usize {
        // SAFETY: our own state; the field never changes.
        unsafe { (*self.st()).large_bytes }
    }

    /// Pointer to this mutator's state for compiled code: the nursery
    /// cursor and limit are at [`NURSERY_CURSOR_OFFSET`] and
    /// [`NURSERY_LIMIT_OFFSET`]; pass it to [`alloc_slow_extern`] and
    /// [`crate::barrier::write_barrier_slow`].
    pub fn state_ptr(&self) -> *mut u8 {
        self.st().cast()
    }
}

impl<B: VMBinding> Drop for Mutator<B> {
    /// Detaches the mutator: its roots and handles are dropped, and its
    /// nursery (which may hold objects other mutators reach) is handed to the
    /// heap, which evacuates and frees it at the next collection.
    fn drop(&mut self) {
        let roots = {
            let _st = lock(&self.shared.state);
            let st = self.st();
            // SAFETY: our own state; the heap lock keeps the collector out.
            unsafe {
                (*st).detached = true;
                (*st).handles.clear();
                (*st).roots.take()
            }
        };
        drop(roots);
        self.shared.handshake.unregister();
    }
}

/// The allocation slow path for compiled code: `state` is a
/// [`Mutator::state_ptr`], `bytes` the object size header included (a
/// multiple of 8; other sizes are rounded up to one, at least 8, so that a
/// wrong size from compiled code cannot misalign the nursery cursor for
/// every later allocation). Returns the object address, or 0 when
/// allocation failed. May collect: compiled code must have written its live
/// references back to roots the binding scans.
///
/// # Safety
/// `state` must come from a live mutator of binding `B`, used by the calling
/// thread, with no Rust borrow of that mutator active.
pub unsafe extern "C" fn alloc_slow_extern<B: VMBinding>(state: *mut u8, bytes: usize) -> usize {
    let Some(rounded) = bytes.max(8).checked_add(7) else {
        return 0;
    };
    let bytes = rounded & !7;
    let st = state.cast::<MutatorState<B>>();
    // SAFETY: the caller passes the state of a live mutator, whose `Mutator`
    // keeps the shared heap alive; nothing else borrows the state now.
    unsafe {
        let shared = &*(*st).shared;
        alloc_slow_in(shared, st, bytes).map_or(0, ObjectRef::address)
    }
}

/// The allocation slow path: stress schedule, large objects, nursery
/// refills through minor collections.
///
/// # Safety
/// `st` is the state of a live mutator of `shared`, used by the calling
/// thread, with no reference into it live across this call.
unsafe fn alloc_slow_in<B: VMBinding>(
    shared: &Shared<B>,
    st: *mut MutatorState<B>,
    bytes: usize,
) -> Result<ObjectRef, AllocError> {
    let cfg = &shared.config;
    if let Some(stress) = cfg.stress {
        // SAFETY: the caller's contract.
        let due = unsafe {
            // `every` may be 0 (public field): it means every allocation.
            (*st).stress_countdown = (*st).stress_countdown.saturating_sub(1);
            if (*st).stress_countdown == 0 {
                (*st).stress_countdown = stress.every.max(1);
                (*st).stress_collections += 1;
                Some((*st).stress_collections)
            } else {
                None
            }
        };
        if let Some(n) = due {
            let kind = if n % u64::from(stress.major_every.max(1)) == 0 {
                CollectionKind::Major
            } else {
                CollectionKind::Minor
            };
            collect_in(shared, kind);
        }
    }
    // SAFETY: the caller's contract.
    if bytes >= unsafe { (*st).large_bytes } {
        let obj = alloc_large(shared, bytes)?;
        // SAFETY: the caller's contract; `obj` was just allocated.
        unsafe { remember_fresh(st, obj) };
        return Ok(obj);
    }
    // SAFETY: the caller's contract.
    if let Some(obj) = unsafe { bump(st, bytes) } {
        return Ok(obj);
    }
    collect_in(shared, CollectionKind::Minor);
    if lock(&shared.state).old_bytes() > cfg.max_heap_bytes {
        return Err(AllocError { requested: bytes });
    }
    // SAFETY: the caller's contract.
    unsafe { bump(st, bytes) }.ok_or(AllocError { requested: bytes })
}

/// Bump allocation against the real end of the nursery (ignoring the
/// inline limit), zeroing the object.
///
/// # Safety
/// As [`alloc_slow_in`].
unsafe fn bump<B: VMBinding>(st: *mut MutatorState<B>, bytes: usize) -> Option<ObjectRef> {
    // SAFETY: the caller's contract; the range handed out is unused nursery.
    unsafe {
        let cur = (*st).buf.cursor;
        if cur + bytes > (*st).eden.end() {
            return None;
        }
        (*st).buf.cursor = cur + bytes;
        core::ptr::write_bytes(cur as *mut u8, 0, bytes);
        Some(ObjectRef::from_address_unchecked(cur))
    }
}

/// Puts a just-allocated large object (born old) in the mutator's
/// remembered set, so that, like a nursery object, it needs no write
/// barrier for the stores that initialise it.
///
/// # Safety
/// As [`alloc_slow_in`], and `obj` is a large object allocated since the
/// last safepoint.
unsafe fn remember_fresh<B: VMBinding>(st: *mut MutatorState<B>, obj: ObjectRef) {
    // SAFETY: `obj` is live (just allocated); `st` is the caller's own state.
    unsafe {
        header::clear_bits(obj, header::UNLOGGED);
        (*st).remset.push(obj);
    }
}

fn alloc_large<B: VMBinding>(shared: &Shared<B>, bytes: usize) -> Result<ObjectRef, AllocError> {
    let max = shared.config.max_heap_bytes;
    for attempt in 0..2 {
        {
            let mut st = lock(&shared.state);
            let after = st.old_bytes().saturating_add(bytes);
            if after <= max && (attempt == 1 || after <= st.major_threshold) {
                let obj = st
                    .spaces
                    .los
                    .alloc(bytes)
                    .ok_or(AllocError { requested: bytes })?;
                st.stats.bytes_allocated += bytes as u64;
                return Ok(obj);
            }
        }
        if attempt == 0 {
            collect_in(shared, CollectionKind::Major);
        }
    }
    Err(AllocError { requested: bytes })
}

/// Stops the world and collects, or waits for the thread already doing so.
fn collect_in<B: VMBinding>(shared: &Shared<B>, kind: CollectionKind) {
    if !shared.handshake.request() {
        return;
    }
    let _release = ReleaseOnDrop(&shared.handshake);
    let mut st = lock(&shared.state);
    collect::run(shared, &mut st, kind);
}

/// Ends a collection, also when it panics (a verification failure), so that
/// the other mutators and this one's destructor do not deadlock.
struct ReleaseOnDrop<'a>(&'a crate::safepoint::Handshake);

impl Drop for ReleaseOnDrop<'_> {
    fn drop(&mut self) {
        self.0.release();
    }
}
