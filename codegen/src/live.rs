//! Which GC references are live across a collecting call.
//!
//! The backend keeps references safe across a call that may run a moving
//! collection by writing them to frame slots the VM scans (see
//! [`crate::lower`]). This module finds the references that need it: the
//! `ref` values defined before the call and used after it, counting uses by
//! snapshots (and by the field values of allocations rebuilt on exit), and,
//! inside the loop, every value from before the loop that the loop body
//! uses (the next iteration reads it again). A use as a phi's entry
//! operand counts at the `loop` op itself, so it does not keep the value
//! alive inside the loop.

use pyvm_tracer::{IrRef, Op, SnapId, Trace, Type};

/// Last-use positions of every instruction's value.
pub(crate) struct Liveness {
    last_use: Vec<usize>,
    loop_at: Option<usize>,
}

impl Liveness {
    /// Computes last uses over the whole trace.
    pub(crate) fn compute(trace: &Trace) -> Liveness {
        let insts = trace.insts();
        let loop_at = trace.loop_index();
        let end = insts.len().saturating_sub(1);
        let mut last_use = vec![0usize; insts.len()];
        let note = |r: IrRef, at: usize, last_use: &mut Vec<usize>| {
            if !r.is_const() && last_use[r.index()] < at {
                last_use[r.index()] = at;
            }
        };
        for (i, inst) in insts.iter().enumerate() {
            if inst.sunk {
                continue;
            }
            if inst.op == Op::Phi {
                note(inst.arg(0), loop_at.unwrap_or(i), &mut last_use);
                note(inst.arg(1), end, &mut last_use);
                continue;
            }
            for r in trace.uses(inst) {
                note(r, i, &mut last_use);
            }
            if let Some(snap) = inst.snap {
                for r in snapshot_uses(trace, snap) {
                    note(r, i, &mut last_use);
                }
            }
        }
        Liveness { last_use, loop_at }
    }

    /// The `ref` values that must survive a collection at instruction `at`.
    pub(crate) fn refs_live_across(&self, trace: &Trace, at: usize) -> Vec<IrRef> {
        let insts = trace.insts();
        (0..at)
            .filter(|&v| {
                let inst = &insts[v];
                if inst.ty != Type::Ref || inst.sunk {
                    return false;
                }
                let used_later = self.last_use[v] > at;
                let loop_carried =
                    matches!(self.loop_at, Some(l) if at > l && v < l && self.last_use[v] > l);
                used_later || loop_carried
            })
            .map(IrRef::inst)
            .collect()
    }
}

/// The values an exit through `snap` reads: its slot values and the field
/// values of the allocations it rebuilds (never the sunk allocations
/// themselves, which do not exist until the exit makes them).
pub(crate) fn snapshot_uses(trace: &Trace, snap: SnapId) -> Vec<IrRef> {
    // A sunk allocation: a `new`, or a `phi` carrying one around the loop.
    let is_sunk_new = |r: IrRef| {
        !r.is_const() && trace.inst(r).sunk && matches!(trace.inst(r).op, Op::New | Op::Phi)
    };
    let mut out: Vec<IrRef> = Vec::new();
    for e in trace.snap_entries(snap) {
        if !is_sunk_new(e.value) {
            out.push(e.value);
        }
    }
    for remat in trace.remat_plan(snap) {
        out.extend(remat.args.iter().copied().filter(|r| !is_sunk_new(*r)));
        out.extend(
            remat
                .fields
                .iter()
                .map(|f| f.1)
                .filter(|r| !is_sunk_new(*r)),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refs_at(text: &str, at: usize) -> Vec<usize> {
        let trace = Trace::parse(text).unwrap();
        let live = Liveness::compute(&trace);
        live.refs_live_across(&trace, at)
            .iter()
            .map(|r| r.index())
            .collect()
    }

    const LOOP: &str = "
        trace t0
        helper h0 gc() -> i64 [collect]
        snap0 [s0 pc 0]
        a = sload.ref s1
        b = sload.ref s2
        c = sload.ref s3
        loop
        p = phi.ref b, vq
        g = call.i64 h0()
        x = fload.i64 a, +8
        vq = i2ref.ref x
        snap1 [s0 pc 1] s4=p
        exit snap1
    ";

    #[test]
    fn loop_invariant_refs_are_live_across_calls_in_the_loop() {
        // Instructions: 0 a, 1 b, 2 c, 3 loop, 4 p, 5 call, ...
        let live = refs_at(LOOP, 5);
        assert!(live.contains(&0), "`a` is read after the call: {live:?}");
        assert!(
            live.contains(&4),
            "the phi is read by a later exit: {live:?}"
        );
        assert!(!live.contains(&1), "`b` only enters the phi: {live:?}");
        assert!(!live.contains(&2), "`c` is never used: {live:?}");
    }

    #[test]
    fn exits_read_the_fields_of_a_sunk_loop_phi_not_the_phi() {
        let trace = Trace::parse(
            "
            trace t0
            helper h0 box(i64) -> ref [alloc collect]
            snap0 [s0 pc 0]
            v0 = sload.f64 s1
            v1 = sload.ref s2
            v2 = new.ref h0(3) sunk
            fstore v2, +8, v0 sunk
            loop
            v5 = phi.ref v2, v10 sunk
            v6 = phi.f64 v0, v9
            fstore v5, +8, v6 sunk
            snap1 [s0 pc 0] s1=v6 s2=v5 s3=v1
            gtrue true snap1
            v9 = fadd.f64 v6, 1.0
            v10 = new.ref h0(3) sunk
            fstore v10, +8, v9 sunk
            again
        ",
        )
        .unwrap();
        let uses = snapshot_uses(&trace, SnapId(1));
        assert!(uses.contains(&IrRef::inst(6)), "the field phi: {uses:?}");
        assert!(uses.contains(&IrRef::inst(1)), "a plain slot: {uses:?}");
        assert!(!uses.contains(&IrRef::inst(5)), "the sunk phi: {uses:?}");
    }
}
