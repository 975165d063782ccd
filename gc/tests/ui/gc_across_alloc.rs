//! A raw reference from `Mutator::alloc` cannot be used after the next
//! allocation (which may collect and move the object).
use pyvm_gc::{Config, Heap, ObjectRef, Tracer, VMBinding};

struct Vm;
unsafe impl VMBinding for Vm {
    type MutatorRoots = ();
    fn object_size(_: ObjectRef) -> usize { 8 }
    fn trace_object<T: Tracer>(_: ObjectRef, _: &mut T) {}
    fn scan_roots<T: Tracer>(_: &mut (), _: &mut T) {}
}

fn main() {
    let heap = Heap::<Vm>::new(Config::default()).unwrap();
    let mut m = heap.mutator(()).unwrap();
    let a = m.alloc(8).unwrap();
    let _b = m.alloc(8).unwrap();
    let _ = a.payload();
}
