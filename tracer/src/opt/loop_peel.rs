//! Loop peeling with loop-invariant code motion, LuaJIT's way.
//!
//! A recorded root trace ends in `link` to itself. This pass copies the
//! body once more after a `loop` header: the first copy becomes the
//! preamble (the first iteration), the second the loop. In the second copy
//! each slot read (`sload`) is replaced by the slot's value at the end of
//! the previous iteration: a `phi` of the preamble's value and the loop's
//! (or the preamble's value itself when the loop does not change the slot).
//! Nothing is moved explicitly: after peeling, CSE finds that an invariant
//! computation in the loop equals the one in the preamble, guard
//! elimination that a repeated invariant guard already passed, and memory
//! forwarding that a load the loop cannot clobber was already done; what is
//! left in the loop is what varies. Snapshots in the loop also list the
//! slots the preamble changed (their phis), since the frame in memory still
//! holds the values from trace entry.

use std::collections::BTreeMap;

use crate::ir::{Inst, IrRef, Op, Operand, SlotIdx, Type};
use crate::opt::Rewriter;
use crate::snapshot::SnapEntry;
use crate::trace::Trace;

/// The loop peeling pass (traces that are not self-linked loops, or are
/// already peeled, are returned unchanged).
pub fn peel_loop(trace: &Trace) -> Trace {
    let Some(last) = trace.insts().last() else {
        return trace.clone();
    };
    let self_link = last.op == Op::Link && last.args[0] == Operand::Trace(trace.id);
    if !self_link || trace.loop_index().is_some() {
        return trace.clone();
    }
    let n = trace.len() - 1;
    let link_snap = last.snap.expect("link has a snapshot");
    let mut rw = Rewriter::new(trace);
    for i in 0..n {
        rw.copy(i);
    }
    // End-of-preamble slot values.
    let carried_in: Vec<(SlotIdx, IrRef)> = trace
        .snap_entries(link_snap)
        .iter()
        .map(|e| (e.slot, rw.subst(e.value)))
        .collect();
    let loads_of_slot: Vec<(SlotIdx, Type)> = trace
        .insts()
        .iter()
        .filter_map(|i| match i.args[0] {
            Operand::Slot(s) if i.op == Op::SLoad => Some((s, i.ty)),
            _ => None,
        })
        .collect();
    let pre_map: Vec<IrRef> = (0..n).map(|i| rw.subst(IrRef::inst(i))).collect();
    rw.new.push(Inst::new(Op::Loop, Type::Void, &[]));
    let mut carried: BTreeMap<SlotIdx, IrRef> = BTreeMap::new();
    let mut phis: Vec<(IrRef, SlotIdx, IrRef)> = Vec::new();
    for &(slot, p) in &carried_in {
        let ty = rw.new.type_of(p);
        if loads_of_slot.iter().any(|&(s, lt)| s == slot && lt != ty) {
            // The slot changes type around the loop: leave the trace as is.
            return trace.clone();
        }
        if p.is_const() {
            carried.insert(slot, p);
        } else {
            let phi = rw
                .new
                .push(Inst::new(Op::Phi, ty, &[Operand::Ref(p), Operand::Ref(p)]));
            carried.insert(slot, phi);
            phis.push((phi, slot, p));
        }
    }
    // Second copy: the loop body.
    rw.restart();
    rw.base_entries = carried
        .iter()
        .map(|(&slot, &value)| SnapEntry { slot, value })
        .collect();
    for (i, inst) in trace.insts()[..n].iter().enumerate() {
        if let (Op::SLoad, Operand::Slot(s)) = (inst.op, inst.args[0]) {
            rw.set(i, carried.get(&s).copied().unwrap_or(pre_map[i]));
        } else {
            rw.copy(i);
        }
    }
    let back: Vec<IrRef> = phis
        .iter()
        .map(|(_, slot, _)| {
            let e = trace
                .snap_entries(link_snap)
                .iter()
                .find(|e| e.slot == *slot);
            rw.subst(e.expect("carried slot").value)
        })
        .collect();
    rw.new.push(Inst::new(Op::Again, Type::Void, &[]));
    let mut out = rw.finish();
    let mut redundant: Vec<(IrRef, IrRef)> = Vec::new();
    let mut kept: Vec<(IrRef, IrRef, IrRef)> = Vec::new();
    for ((phi, _, p), q) in phis.iter().zip(back) {
        out.insts_mut()[phi.index()].args[1] = Operand::Ref(q);
        if q == *phi || q == *p {
            redundant.push((*phi, *p));
        } else if let Some(&(first, _, _)) = kept.iter().find(|(_, kp, kq)| (*kp, *kq) == (*p, q)) {
            // Two slots carry the same value: one phi, so that the object
            // identity of a carried reference is kept.
            redundant.push((*phi, first));
        } else {
            kept.push((*phi, *p, q));
        }
    }
    drop_redundant_phis(&out, &redundant)
}

/// Removes phis whose value never changes (replaced by their entry value)
/// and duplicate phis (replaced by the first).
fn drop_redundant_phis(trace: &Trace, redundant: &[(IrRef, IrRef)]) -> Trace {
    if redundant.is_empty() {
        return trace.clone();
    }
    let mut rw = Rewriter::new(trace);
    for i in 0..trace.len() {
        match redundant.iter().find(|(phi, _)| phi.index() == i) {
            Some(&(_, p)) => rw.set(i, rw.subst(p)),
            None => {
                rw.copy(i);
            }
        }
    }
    rw.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interp::{FakeHeap, Outcome, run};

    const COUNT: &str = "trace t0
        snap0 [s0 pc 0]
        v0 = sload.i64 s0
        v1 = sload.i64 s1
        v2 = mul.i64 v1, 3
        v3 = addov.i64 v0, v2 snap0
        v4 = lt.bool v3, 100
        snap1 [s0 pc 1] s0=v3
        gtrue v4 snap1
        link t0 snap1";

    #[test]
    fn a_slot_changing_type_around_the_loop_is_left_unpeeled() {
        let t = Trace::parse(
            "trace t0
             v0 = sload.i64 s0
             v1 = sload.f64 s0
             v2 = i2f.f64 v0
             v3 = fadd.f64 v1, v2
             snap0 [s0 pc 0] s0=v3
             link t0 snap0",
        )
        .unwrap();
        assert_eq!(peel_loop(&t).to_string(), t.to_string());
    }

    #[test]
    fn peeled_loop_has_phi_for_the_counter_only() {
        let t = Trace::parse(COUNT).unwrap();
        let p = peel_loop(&t);
        let text = p.to_string();
        assert_eq!(text.matches("phi").count(), 1, "{text}");
        assert!(text.ends_with("again\n"), "{text}");
        for start in [0i64, 50, 99, 100, i64::MAX - 1] {
            let mut a = vec![start as u64, 2];
            let mut b = a.clone();
            let ra = run(&t, &mut a, &mut FakeHeap::new(), 1000);
            let rb = run(&p, &mut b, &mut FakeHeap::new(), 1000);
            assert_eq!(a, b, "start {start}");
            assert_eq!(
                matches!(ra, Outcome::Exit(_)),
                matches!(rb, Outcome::Exit(_))
            );
        }
    }
}
