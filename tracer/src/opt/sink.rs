//! Allocation sinking (escape analysis of VM-declared allocations).
//!
//! A `new` whose object is only initialised (`fstore` to it), stored into
//! other sinkable objects, or mentioned by snapshots never needs to exist
//! while the trace runs: the pass marks it and its stores `sunk`. Backends
//! skip sunk instructions; an exit whose snapshot mentions the object
//! rebuilds it ([`Trace::remat_plan`]). Any other use (a load that memory
//! forwarding could not remove, a call argument, a guard, a phi) makes the
//! object escape. In a peeled loop, an object and its stores must be on
//! the same side of the loop header.
//!
//! Run `mem` first, so that loads from fresh objects are forwarded away.

use crate::ir::{IrRef, Op};
use crate::trace::Trace;

/// The allocation sinking pass.
pub fn sink(trace: &Trace) -> Trace {
    let n = trace.len();
    let loop_at = trace.loop_index().unwrap_or(usize::MAX);
    let region = |i: usize| i > loop_at;
    let mut sinkable: Vec<bool> = trace
        .insts()
        .iter()
        .map(|i| i.op == Op::New && !i.sunk)
        .collect();
    let is = |s: &[bool], r: IrRef| !r.is_const() && s[r.index()];
    loop {
        let mut changed = false;
        for (i, inst) in trace.insts().iter().enumerate() {
            let mut escape = |r: IrRef, s: &mut Vec<bool>| {
                if is(s, r) {
                    s[r.index()] = false;
                    changed = true;
                }
            };
            if inst.op == Op::FStore {
                let (obj, val) = (inst.arg(0), inst.arg(2));
                if is(&sinkable, obj) && region(obj.index()) != region(i) {
                    escape(obj, &mut sinkable);
                }
                if !is(&sinkable, obj) {
                    escape(val, &mut sinkable);
                }
                continue;
            }
            for r in trace.uses(inst) {
                escape(r, &mut sinkable);
            }
        }
        if !changed {
            break;
        }
    }
    let mut out = trace.clone();
    for i in 0..n {
        let inst = &trace.insts()[i];
        let sink_it = sinkable[i] || (inst.op == Op::FStore && is(&sinkable, inst.arg(0)));
        if sink_it {
            out.insts_mut()[i].sunk = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interp::{FakeHeap, Outcome, run};
    use crate::opt::run_passes;

    #[test]
    fn boxed_float_is_sunk_and_rebuilt_on_exit() {
        let t = Trace::parse(
            "trace t0
             helper h0 box(f64) -> ref [alloc collect]
             helper h1 show(ref) -> void [store]
             v0 = sload.f64 s0
             v1 = fmul.f64 v0, 2.0
             v2 = new.ref h0(0.0)
             fstore v2, +8, v1
             v3 = fload.f64 v2, +8
             v4 = flt.bool v3, 100.0
             snap0 [s0 pc 0] s1=v2
             gtrue v4 snap0
             v5 = new.ref h0(0.0)
             fstore v5, +8, v3
             call h1(v5)
             snap1 [s0 pc 1] s1=v2
             exit snap1",
        )
        .unwrap();
        let out = run_passes(&t, &["mem", "sink", "dce"]);
        let text = out.to_string();
        assert!(text.contains("new.ref h0(0.0) sunk"), "{text}");
        assert_eq!(
            text.matches("sunk").count(),
            2,
            "the escaping box stays: {text}"
        );
        for x in [1.0f64, 70.0] {
            let mut heap = FakeHeap::new();
            heap.define("box", |h, _| h.alloc(2));
            heap.define("show", |_, _| 0);
            let mut slots = vec![x.to_bits(), 0];
            let got = run(&out, &mut slots, &mut heap, 1);
            assert!(matches!(got, Outcome::Exit(_)));
            assert_eq!(f64::from_bits(heap.mem[&(slots[1] + 8)]), 2.0 * x);
            let boxes = if x < 50.0 { 2 } else { 1 };
            assert_eq!(
                heap.calls["box"], boxes,
                "the escaping box (if reached) and the rebuilt one"
            );
        }
    }
}
