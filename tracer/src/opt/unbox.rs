//! Phi unboxing: moves a pure wrapper (boxing) operation below a phi.
//!
//! A VM that boxes values in tagged words re-boxes a loop-carried value at
//! the end of each iteration and unboxes it at the start of the next:
//! `p = phi(or(shr(a, 16), TAG), or(shr(b, 16), TAG))` followed by
//! `shl(p, 16)`. When both phi operands are the same pure operation with
//! the same constant operand, this pass carries the unwrapped value
//! instead: `q = phi(shr(a, 16)..)` becomes `phi(a, b)` and the wrapper is
//! applied once at the loop header (where snapshots still find the boxed
//! word). Folding then cancels the unbox against the box, the box at the
//! end of the body becomes dead when only the phi used it, and the loop
//! computes on raw values.
//!
//! A phi that only snapshots read is left alone (the wrapper at the header
//! would be an extra op for nothing). Runs after `loop` (it needs phis) and
//! before `sink`; run `fold`, `cse` and `dce` after it.

use crate::ir::{Inst, IrRef, Op, Operand};
use crate::opt::Rewriter;
use crate::trace::Trace;

/// Ops that may move below a phi: pure, one value operand plus possibly a
/// constant.
fn movable(op: Op) -> bool {
    matches!(
        op,
        Op::Or
            | Op::And
            | Op::Xor
            | Op::Add
            | Op::Sub
            | Op::Shl
            | Op::Shr
            | Op::Sar
            | Op::F2Bits
            | Op::Bits2F
            | Op::I2Ref
            | Op::Ref2I
            | Op::Neg
            | Op::FNeg
    )
}

/// How to unwrap one phi.
#[derive(Clone, Copy)]
struct Unwrap {
    /// The wrapper op.
    op: Op,
    /// Its constant operand, if binary.
    k: Option<IrRef>,
    /// The unwrapped entry value.
    entry: IrRef,
    /// The unwrapped back-edge value.
    back: IrRef,
}

/// For phi `j`: how to unwrap it, if both operands share a wrapper.
fn unwrap(t: &Trace, j: usize) -> Option<Unwrap> {
    let phi = &t.insts()[j];
    if phi.sunk {
        return None;
    }
    let (a, b) = (phi.arg(0), phi.arg(1));
    if a.is_const() || b.is_const() || a == b {
        return None;
    }
    let (ia, ib) = (t.inst(a), t.inst(b));
    if ia.op != ib.op || !movable(ia.op) || ia.sunk || ib.sunk {
        return None;
    }
    let binary = ia.op.info().operands.len() == 2;
    let k = if binary {
        let (ka, kb) = (ia.arg(1), ib.arg(1));
        if !ka.is_const() || ka != kb {
            return None;
        }
        Some(ka)
    } else {
        None
    };
    // Only worth it when something in the loop unwraps the phi: a phi that
    // only snapshots read would just gain a wrapper at the header.
    let p = IrRef::inst(j);
    if !t.insts()[j + 1..].iter().any(|u| t.uses(u).contains(&p)) {
        return None;
    }
    let (ua, ub) = (ia.arg(0), ib.arg(0));
    // The back edge's inner value must not be the phi itself (nothing to gain).
    if ub == IrRef::inst(j) {
        return None;
    }
    Some(Unwrap {
        op: ia.op,
        k,
        entry: ua,
        back: ub,
    })
}

fn unbox_once(trace: &Trace) -> Option<Trace> {
    let l = trace.loop_index()?;
    let phis: Vec<usize> = (l + 1..trace.len())
        .take_while(|&j| trace.insts()[j].op == Op::Phi)
        .collect();
    let plans: Vec<(usize, Unwrap)> = phis
        .iter()
        .filter_map(|&j| unwrap(trace, j).map(|p| (j, p)))
        .collect();
    if plans.is_empty() {
        return None;
    }
    let mut rw = Rewriter::new(trace);
    let last_phi = *phis.last().expect("phis");
    let mut inner: Vec<(usize, IrRef)> = Vec::new();
    for i in 0..trace.len() {
        match plans.iter().find(|(j, _)| *j == i) {
            Some(&(
                _,
                Unwrap {
                    entry: ua,
                    back: ub,
                    ..
                },
            )) => {
                // The unwrapped phi (its back edge resolved at the end).
                let ty = trace.type_of(ua);
                let entry = rw.subst(ua);
                let q = rw.emit(Inst::new(
                    Op::Phi,
                    ty,
                    &[Operand::Ref(entry), Operand::Ref(ub)],
                ));
                inner.push((i, q));
            }
            None => {
                rw.copy(i);
            }
        }
        if i == last_phi {
            // The wrappers, once per iteration at the header.
            for &(j, Unwrap { op, k, .. }) in &plans {
                let q = inner.iter().find(|(p, _)| *p == j).expect("phi").1;
                let mut args = vec![Operand::Ref(q)];
                args.extend(k.map(Operand::Ref));
                let w = rw.emit(Inst::new(op, trace.insts()[j].ty, &args));
                rw.set(j, w);
            }
        }
    }
    Some(rw.finish())
}

/// The phi unboxing pass (repeated while a phi's operands share a wrapper,
/// at most 4 layers deep).
pub fn unbox_phis(trace: &Trace) -> Trace {
    let mut t = trace.clone();
    for _ in 0..4 {
        match unbox_once(&t) {
            Some(n) => t = n,
            None => break,
        }
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::opt::run_passes;

    #[test]
    fn reboxed_counter_is_carried_raw() {
        let t = Trace::parse(
            "trace t0
             snap0 [s0 pc 0]
             v0 = sload.i64 s0
             v1 = shl.i64 v0, 16
             v2 = addov.i64 v1, 0x10000 snap0
             v3 = shr.i64 v2, 16
             v4 = or.i64 v3, 0x7ffc000000000000
             loop
             v5 = phi.i64 v4, v10
             v6 = shl.i64 v5, 16
             v7 = addov.i64 v6, 0x10000 snap0
             v8 = lt.bool v7, 0x640000
             snap1 [s0 pc 0] s0=v5
             gtrue v8 snap1
             v9 = shr.i64 v7, 16
             v10 = or.i64 v9, 0x7ffc000000000000
             again",
        )
        .unwrap();
        let out = run_passes(&t, &["unbox", "fold", "cse", "dce"]);
        let text = out.to_string();
        let body = text.split("loop\n").nth(1).unwrap();
        // The phi carries the shifted integer; no shl/shr/or pair per iteration
        // but the header's box for the snapshot.
        assert!(body.contains("= phi.i64 v2, "), "{text}");
        assert_eq!(body.matches("shl").count(), 0, "{text}");
        assert_eq!(body.matches("or.i64").count(), 1, "{text}");
        for start in [0u64, 5, 99, 100, 0x7ffc_0000_0000_0000 | 7] {
            let mut a = vec![0x7ffc_0000_0000_0000 | (start & 0xffff)];
            let mut b = a.clone();
            let mut h = crate::interp::FakeHeap::new();
            crate::interp::run(&t, &mut a, &mut h, 1000);
            crate::interp::run(&out, &mut b, &mut h, 1000);
            assert_eq!(a, b);
        }
    }
}
