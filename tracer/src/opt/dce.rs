//! Dead-code elimination.
//!
//! Roots are instructions with an effect (stores, effectful calls, guards,
//! markers, terminators) and the snapshot entries of the guards that remain.
//! Everything they use, transitively, is live; sunk allocations and their
//! sunk stores are live when a live snapshot (or a live sunk store) refers to
//! the allocation. The rest is dropped and the trace renumbered.

use crate::ir::{Flags, IrRef, Op};
use crate::opt::Rewriter;
use crate::trace::Trace;

fn is_root(trace: &Trace, i: usize) -> bool {
    let inst = &trace.insts()[i];
    !inst.sunk
        && trace
            .flags_of(inst)
            .intersects(Flags::EFFECT | Flags::GUARD | Flags::STORE | Flags::TERM)
}

/// Which instructions are live.
pub fn live_set(trace: &Trace) -> Vec<bool> {
    let n = trace.len();
    let mut live = vec![false; n];
    let mut work: Vec<usize> = (0..n).filter(|&i| is_root(trace, i)).collect();
    // Sunk stores by the allocation they initialise.
    let mut stores_of: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (i, inst) in trace.insts().iter().enumerate() {
        if inst.op == Op::FStore && inst.sunk && !inst.arg(0).is_const() {
            stores_of[inst.arg(0).index()].push(i);
        }
    }
    let mark = |r: IrRef, work: &mut Vec<usize>, live: &[bool]| {
        if !r.is_const() && !live[r.index()] {
            work.push(r.index());
        }
    };
    while let Some(i) = work.pop() {
        if live[i] {
            continue;
        }
        live[i] = true;
        let inst = &trace.insts()[i];
        for r in trace.uses(inst) {
            mark(r, &mut work, &live);
        }
        if let Some(s) = inst.snap {
            for e in trace.snap_entries(s) {
                mark(e.value, &mut work, &live);
            }
        }
        if matches!(inst.op, Op::New | Op::Phi) && inst.sunk {
            work.extend(stores_of[i].iter().copied().filter(|&s| !live[s]));
        }
    }
    live
}

/// The DCE pass.
pub fn dce(trace: &Trace) -> Trace {
    let live = live_set(trace);
    let mut rw = Rewriter::new(trace);
    for (i, &is_live) in live.iter().enumerate() {
        if is_live {
            rw.copy(i);
        }
    }
    rw.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_what_snapshots_need_and_drops_the_rest() {
        let t = Trace::parse(
            "trace t0
             v0 = sload.i64 s0
             v1 = mul.i64 v0, 3
             v2 = add.i64 v0, 1
             v3 = sload.ref s1
             v4 = fload.i64 v3, +8
             snap0 [s0 pc 0] s0=v2
             exit snap0",
        )
        .unwrap();
        let out = dce(&t).to_string();
        assert!(!out.contains("mul"), "{out}");
        assert!(!out.contains("fload"), "{out}");
        assert!(out.contains("v1 = add.i64 v0, 1"), "{out}");
        assert!(out.contains("s0=v1"), "{out}");
    }
}
