//! A mutator belongs to one thread at a time: it cannot be shared.
use pyvm_gc::{Config, Heap, ObjectRef, Tracer, VMBinding};

struct Vm;
unsafe impl VMBinding for Vm {
    type MutatorRoots = ();
    fn object_size(_: ObjectRef) -> usize { 8 }
    fn trace_object<T: Tracer>(_: ObjectRef, _: &mut T) {}
    fn scan_roots<T: Tracer>(_: &mut (), _: &mut T) {}
}

fn shared<T: Sync>(_: &T) {}

fn main() {
    let heap = Heap::<Vm>::new(Config::default()).unwrap();
    let m = heap.mutator(()).unwrap();
    shared(&m);
}
