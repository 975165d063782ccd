//! A raw reference read through a shared borrow (here `weak_get`) cannot be
//! held across `blocking`, during which other threads may collect.
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
    let obj = m.alloc(8).unwrap().object_ref();
    let w = unsafe { m.new_weak(obj, false) };
    let g = m.weak_get(w).unwrap();
    m.blocking(|| std::thread::yield_now());
    let _ = g.payload();
}
