//! A raw reference cannot be held across an explicit collection.
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
    m.scope(|s| {
        let h = s.alloc(8).unwrap();
        let raw = s.get(h);
        s.collect(pyvm_gc::CollectionKind::Major);
        let _ = raw.payload();
    });
}
