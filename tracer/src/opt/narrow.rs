//! Integer range narrowing: removes overflow checks that cannot fail.
//!
//! A forward walk computes a range `[lo, hi]` for each i64 value: from
//! constants, masks (`and`), shifts, booleans, arithmetic on ranged
//! operands, and from guards on comparisons (after `gtrue (lt x, y)`,
//! `x <= hi(y) - 1` and `y >= lo(x) + 1` for the rest of the trace). An
//! `addov`/`subov`/`mulov` whose operand ranges cannot overflow becomes a
//! plain `add`/`sub`/`mul` without a guard. The classic case is a loop
//! counter `i = i + 1` guarded by `i < n`: the increment cannot overflow.
//! Comparisons the ranges decide become constants, and guards on them go:
//! after `i < 10` passed, a check `i < 20` is redundant.
//!
//! Facts from guards hold for the rest of the trace in execution order,
//! which is also textual order: the preamble dominates the loop body. A
//! phi's range joins its entry value's with what the body's guards prove
//! about its back-edge value against loop-invariant bounds (the previous
//! iteration passed them): for `i = phi(i0, i + 1)` with a guard
//! `i + 1 < n`, `i <= max(i0, n - 1)`, so `i + 1` cannot overflow even when
//! the increment comes before the test.

use std::collections::HashMap;

use crate::ir::{Inst, IrRef, Op, Operand, Type};
use crate::opt::Rewriter;
use crate::trace::Trace;

/// An inclusive range of i64 values.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Range {
    /// Lowest possible value.
    pub lo: i64,
    /// Highest possible value.
    pub hi: i64,
}

const FULL: Range = Range {
    lo: i64::MIN,
    hi: i64::MAX,
};

fn range_of(t: &Trace, ranges: &HashMap<IrRef, Range>, r: IrRef) -> Range {
    if let Some(c) = t.get_const(r) {
        let v = c.bits as i64;
        return Range { lo: v, hi: v };
    }
    ranges.get(&r).copied().unwrap_or(FULL)
}

fn arith(op: Op, a: Range, b: Range) -> Option<Range> {
    let f = |x: i64, y: i64| match op {
        Op::Add | Op::AddOv => x.checked_add(y),
        Op::Sub | Op::SubOv => x.checked_sub(y),
        _ => x.checked_mul(y),
    };
    let (lo, hi) = match op {
        Op::Sub | Op::SubOv => (f(a.lo, b.hi)?, f(a.hi, b.lo)?),
        Op::Add | Op::AddOv => (f(a.lo, b.lo)?, f(a.hi, b.hi)?),
        _ => {
            let c = [
                f(a.lo, b.lo)?,
                f(a.lo, b.hi)?,
                f(a.hi, b.lo)?,
                f(a.hi, b.hi)?,
            ];
            (*c.iter().min()?, *c.iter().max()?)
        }
    };
    Some(Range { lo, hi })
}

fn transfer(t: &Trace, ranges: &HashMap<IrRef, Range>, inst: &Inst) -> Option<Range> {
    let r = |i: usize| range_of(t, ranges, inst.arg(i));
    match inst.op {
        Op::B2I => Some(Range { lo: 0, hi: 1 }),
        Op::And => {
            let (a, b) = (r(0), r(1));
            let nonneg = [a, b].into_iter().filter(|x| x.lo >= 0).map(|x| x.hi).min();
            nonneg.map(|hi| Range { lo: 0, hi })
        }
        Op::Shr => {
            let k = t.get_const(inst.arg(1))?.bits & 63;
            (k > 0).then(|| Range {
                lo: 0,
                hi: (u64::MAX >> k) as i64,
            })
        }
        Op::Add | Op::Sub | Op::Mul | Op::AddOv | Op::SubOv | Op::MulOv => {
            arith(inst.op, r(0), r(1))
        }
        _ => None,
    }
}

fn refine(t: &Trace, ranges: &mut HashMap<IrRef, Range>, cond: IrRef, truth: bool) {
    if cond.is_const() {
        return;
    }
    let c = t.inst(cond);
    // Normalise to `x < y` or `x <= y`.
    let (strict, x, y) = match (c.op, truth) {
        (Op::Lt, true) | (Op::Ge, false) => (true, c.arg(0), c.arg(1)),
        (Op::Le, true) | (Op::Gt, false) => (false, c.arg(0), c.arg(1)),
        (Op::Gt, true) | (Op::Le, false) => (true, c.arg(1), c.arg(0)),
        (Op::Ge, true) | (Op::Lt, false) => (false, c.arg(1), c.arg(0)),
        _ => return,
    };
    let (rx, ry) = (range_of(t, ranges, x), range_of(t, ranges, y));
    let d = strict as i64;
    if !x.is_const() {
        let hi = rx.hi.min(ry.hi.saturating_sub(d));
        ranges.insert(x, Range { lo: rx.lo, hi });
    }
    if !y.is_const() {
        let lo = ry.lo.max(rx.lo.saturating_add(d));
        ranges.insert(y, Range { lo, hi: ry.hi });
    }
}

fn decide(always: bool, never: bool) -> Option<bool> {
    if always {
        Some(true)
    } else if never {
        Some(false)
    } else {
        None
    }
}

/// Bounds the loop body's guards put on a phi's back-edge value `b`
/// against values from before the loop: `(upper, strict, bound)`, meaning
/// `b < bound` (`upper`, `strict`), `b <= bound`, `b > bound` or
/// `b >= bound`. Every guard of the straight-line body dominates `again`.
fn back_edge_bounds(trace: &Trace, phi: usize, b: IrRef) -> Vec<(bool, bool, IrRef)> {
    let Some(l) = trace.loop_index() else {
        return Vec::new();
    };
    let invariant = |y: IrRef| y.is_const() || y.index() < l;
    let mut out = Vec::new();
    for g in &trace.insts()[phi..] {
        let truth = match g.op {
            Op::GTrue => true,
            Op::GFalse => false,
            _ => continue,
        };
        let c = g.arg(0);
        if c.is_const() {
            continue;
        }
        let cmp = trace.inst(c);
        if !matches!(cmp.op, Op::Lt | Op::Le | Op::Gt | Op::Ge) {
            continue;
        }
        // Normalise to `x < y` / `x <= y` as in `refine`.
        let (strict, x, y) = match (cmp.op, truth) {
            (Op::Lt, true) | (Op::Ge, false) => (true, cmp.arg(0), cmp.arg(1)),
            (Op::Le, true) | (Op::Gt, false) => (false, cmp.arg(0), cmp.arg(1)),
            (Op::Gt, true) | (Op::Le, false) => (true, cmp.arg(1), cmp.arg(0)),
            _ => (false, cmp.arg(1), cmp.arg(0)),
        };
        if x == b && invariant(y) {
            out.push((true, strict, y));
        } else if y == b && invariant(x) {
            out.push((false, strict, x));
        }
    }
    out
}

/// The narrowing pass.
pub fn narrow(trace: &Trace) -> Trace {
    let mut rw = Rewriter::new(trace);
    let mut ranges: HashMap<IrRef, Range> = HashMap::new();
    for i in 0..trace.len() {
        let inst = rw.translate(i);
        match inst.op {
            Op::GTrue | Op::GFalse if rw.new.get_const(inst.arg(0)).is_some() => {
                let holds = rw.new.get_const(inst.arg(0)).unwrap().bits != 0;
                if holds == (inst.op == Op::GTrue) {
                    // Always passes: drop it.
                    let nop = rw.new.kint(0);
                    rw.set(i, nop);
                } else {
                    rw.copy_translated(i, inst);
                }
            }
            Op::GTrue | Op::GFalse => {
                let cond = inst.arg(0);
                rw.copy_translated(i, inst.clone());
                refine(&rw.new, &mut ranges, cond, inst.op == Op::GTrue);
            }
            Op::Lt | Op::Le | Op::Gt | Op::Ge if rw.new.type_of(inst.arg(0)) == Type::I64 => {
                let (a, b) = (
                    range_of(&rw.new, &ranges, inst.arg(0)),
                    range_of(&rw.new, &ranges, inst.arg(1)),
                );
                // Decided by the ranges? (`a < b` for all values, or never.)
                let decided = match inst.op {
                    Op::Lt => decide(a.hi < b.lo, a.lo >= b.hi),
                    Op::Le => decide(a.hi <= b.lo, a.lo > b.hi),
                    Op::Gt => decide(a.lo > b.hi, a.hi <= b.lo),
                    _ => decide(a.lo >= b.hi, a.hi < b.lo),
                };
                match decided {
                    Some(v) => {
                        let k = rw.new.kbool(v);
                        rw.set(i, k);
                    }
                    None => {
                        rw.copy_translated(i, inst);
                    }
                }
            }
            Op::Phi if inst.ty == Type::I64 => {
                // First iteration: the entry value. Later ones: the back-edge
                // value of the previous iteration, which passed the body's
                // guards against loop-invariant bounds.
                let entry = range_of(&rw.new, &ranges, inst.arg(0));
                let mut back = FULL;
                for (upper, strict, y) in back_edge_bounds(trace, i, trace.insts()[i].arg(1)) {
                    let ry = range_of(&rw.new, &ranges, rw.subst(y));
                    let d = strict as i64;
                    if upper {
                        back.hi = back.hi.min(ry.hi.saturating_sub(d));
                    } else {
                        back.lo = back.lo.max(ry.lo.saturating_add(d));
                    }
                }
                let r = rw.copy_translated(i, inst);
                let range = Range {
                    lo: entry.lo.min(back.lo),
                    hi: entry.hi.max(back.hi),
                };
                if range != FULL {
                    ranges.insert(r, range);
                }
            }
            _ if inst.ty == Type::I64 => {
                let range = transfer(&rw.new, &ranges, &inst);
                let plain = match inst.op {
                    Op::AddOv => Some(Op::Add),
                    Op::SubOv => Some(Op::Sub),
                    Op::MulOv => Some(Op::Mul),
                    _ => None,
                };
                let r = match (plain, range) {
                    (Some(op), Some(_)) => {
                        let args = [Operand::Ref(inst.arg(0)), Operand::Ref(inst.arg(1))];
                        rw.copy_translated(i, Inst::new(op, Type::I64, &args))
                    }
                    _ => rw.copy_translated(i, inst),
                };
                if let Some(range) = range {
                    ranges.insert(r, range);
                }
            }
            _ => {
                rw.copy_translated(i, inst);
            }
        }
    }
    rw.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guarded_increment_loses_its_overflow_check() {
        let t = Trace::parse(
            "trace t0
             snap0 [s0 pc 0]
             v0 = sload.i64 s0
             v1 = sload.i64 s1
             v2 = lt.bool v0, v1
             gtrue v2 snap0
             v3 = addov.i64 v0, 1 snap0
             v4 = and.i64 v1, 255
             v5 = mulov.i64 v4, v4 snap0
             v6 = addov.i64 v1, 1 snap0
             snap1 [s0 pc 0] s0=v3 s2=v5 s3=v6
             exit snap1",
        )
        .unwrap();
        let out = narrow(&t).to_string();
        assert!(out.contains("= add.i64 v0, 1\n"), "{out}");
        assert!(out.contains("= mul.i64"), "{out}");
        assert!(
            out.contains("addov.i64 v1, 1"),
            "v1 is unbounded above: {out}"
        );
    }

    #[test]
    fn increment_before_the_test_is_narrowed_through_the_phi() {
        // `for` style: i = i + 1 first, then `i < n` (n from before the loop).
        let t = Trace::parse(
            "trace t0
             snap0 [s0 pc 0]
             v0 = sload.i64 s0
             v1 = sload.i64 s1
             v2 = addov.i64 v0, 1 snap0
             v3 = lt.bool v2, v1
             snap1 [s0 pc 0] s0=v2
             gtrue v3 snap1
             loop
             v4 = phi.i64 v2, v5
             v5 = addov.i64 v4, 1 snap1
             v6 = lt.bool v5, v1
             gtrue v6 snap1
             again",
        )
        .unwrap();
        let out = narrow(&t).to_string();
        let body = out.split("loop\n").nth(1).unwrap();
        assert!(body.contains("= add.i64"), "{out}");
        assert!(
            out.contains("addov.i64 v0, 1"),
            "the preamble's increment is unbounded: {out}"
        );
    }

    #[test]
    fn implied_comparison_guards_go() {
        let t = Trace::parse(
            "trace t0
             snap0 [s0 pc 0]
             v0 = sload.i64 s0
             v1 = lt.bool v0, 10
             gtrue v1 snap0
             v2 = lt.bool v0, 20
             gtrue v2 snap0
             v3 = ge.bool v0, 10
             gfalse v3 snap0
             v4 = gt.bool v0, 5
             gtrue v4 snap0
             exit snap0",
        )
        .unwrap();
        let out = narrow(&t).to_string();
        assert_eq!(out.matches("gtrue").count(), 2, "{out}");
        assert_eq!(out.matches("gfalse").count(), 0, "{out}");
    }
}
