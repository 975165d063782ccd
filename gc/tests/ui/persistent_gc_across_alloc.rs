//! A raw reference read through a persistent root borrows the mutator, so
//! it cannot be held across an allocation either.
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
    let o = m.alloc(8).unwrap().object_ref();
    // SAFETY: `o` was just allocated.
    let p = unsafe { m.persist(o) };
    let raw = p.get(&m);
    let _other = m.alloc(8).unwrap();
    let _ = raw.payload();
}
