//! The one trait a virtual machine implements to use this collector.

use crate::object::{ObjectRef, Tracer};

/// How the collector sees a VM: its object model, its roots, and the native
/// cleanup of its objects. A binding is normally a zero-sized type; every
/// method is an associated function, so everything monomorphizes and the
/// collector never holds a VM value (in the manner of mmtk-core's
/// `VMBinding`).
///
/// # Safety
///
/// The collector trusts the binding for memory safety. An implementation
/// must uphold, for every object the collector asks about:
///
/// 1. [`object_size`](VMBinding::object_size) returns the payload size the
///    object was allocated with (the header is not included), computed only
///    from the object's own payload, and the same value before and after the
///    object is copied.
/// 2. [`trace_object`](VMBinding::trace_object) reports every reference
///    stored in the object, exactly once per slot, and writes back the
///    reference the tracer returns (re-encoded as the slot requires). It
///    reads only the object's own payload and must not allocate, trace other
///    objects itself, or keep the references it saw.
/// 3. [`scan_roots`](VMBinding::scan_roots) does the same for every
///    reference the VM holds for one mutator outside the heap (frame stack,
///    registers spilled by compiled code, globals owned by that mutator).
/// 4. [`drop_object`](VMBinding::drop_object) may read the dying object's
///    payload and release memory it owns outside the heap, but must not
///    dereference references to other heap objects (they may already be
///    reclaimed or moved), must not allocate, must not call into the heap
///    (the collector holds its lock) and must not resurrect it.
/// 5. A freshly allocated object's payload is zeroed; until the VM has
///    written its own type information, it must not reach a safepoint or
///    allocate again, and a zeroed payload must be a valid object for the
///    three functions above if the VM may collect before initialising it.
/// 6. [`drop_object`](VMBinding::drop_object) leaves the object parsable:
///    [`object_size`](VMBinding::object_size) must return the same value
///    after the hook ran (a compacting collection walks dead old objects
///    after their hooks).
/// 7. None of these functions unwinds out of a collection: a panic there
///    leaves the heap half moved, so the collector aborts the process.
pub unsafe trait VMBinding: Sized + 'static {
    /// Roots owned by one mutator (the VM's frame stack, thread state...),
    /// handed back to the binding at every collection.
    type MutatorRoots: Send + 'static;

    /// Payload size in bytes of `object` (excluding the GC header).
    fn object_size(object: ObjectRef) -> usize;

    /// Reports the references held by `object` to `tracer`, storing back
    /// what it returns.
    fn trace_object<T: Tracer>(object: ObjectRef, tracer: &mut T);

    /// Reports the references held in one mutator's roots.
    fn scan_roots<T: Tracer>(roots: &mut Self::MutatorRoots, tracer: &mut T);

    /// Releases what a dead object registered with
    /// [`crate::Mutator::register_drop`] owns outside the heap. Called once,
    /// before the object's memory is reused. The default does nothing.
    fn drop_object(object: ObjectRef) {
        let _ = object;
    }
}
