//! Allocation sinking (escape analysis of VM-declared allocations).
//!
//! A `new` whose object is only initialised (`fstore` to it), stored into
//! other sinkable objects, or mentioned by snapshots never needs to exist
//! while the trace runs: the pass marks it and its stores `sunk`. Backends
//! skip sunk instructions; an exit whose snapshot mentions the object
//! rebuilds it ([`Trace::remat_plan`]). Any other use (a load that memory
//! forwarding could not remove, a call argument, a guard) makes the object
//! escape. In a peeled loop, an object and its stores must be on the same
//! side of the loop header.
//!
//! A loop-carried object (a boxed number kept in a slot across iterations)
//! is a `phi` of two allocations, one in the preamble and one in the body.
//! When both sink and the memory pass gave the phi a field phi for every
//! stored field, the phi sinks too: the pass adds sunk stores of the field
//! phis to it right after the phis, so an exit rebuilds it like any other
//! sunk allocation.
//!
//! Run `mem` first, so that loads from fresh objects are forwarded away.

use crate::ir::{Inst, IrRef, Op, Operand, Type};
use crate::opt::Rewriter;
use crate::trace::Trace;

/// Last value stored at each offset of `obj` among instructions in `range`.
fn stores_to(t: &Trace, obj: IrRef, range: std::ops::Range<usize>) -> Vec<(i32, IrRef)> {
    let mut out: Vec<(i32, IrRef)> = Vec::new();
    for u in &t.insts()[range] {
        if u.op == Op::FStore && u.arg(0) == obj {
            out.retain(|(o, _)| *o != u.off());
            out.push((u.off(), u.arg(2)));
        }
    }
    out
}

/// For a phi of two like allocations: its fields as `(offset, field phi)`.
fn phi_fields(t: &Trace, phi: usize, loop_at: usize) -> Option<Vec<(i32, IrRef)>> {
    let inst = &t.insts()[phi];
    if inst.op != Op::Phi || inst.ty != Type::Ref {
        return None;
    }
    let (a, b) = (inst.arg(0), inst.arg(1));
    let is_new = |r: IrRef| !r.is_const() && t.inst(r).op == Op::New;
    if !is_new(a) || !is_new(b) {
        return None;
    }
    let (ha, hb) = (t.call_parts(t.inst(a)), t.call_parts(t.inst(b)));
    if ha != hb {
        return None;
    }
    let sa = stores_to(t, a, 0..loop_at);
    let sb = stores_to(t, b, loop_at..t.len());
    if sa.len() != sb.len() {
        return None;
    }
    let mut fields = Vec::new();
    for (off, va) in sa {
        let vb = sb.iter().find(|(o, _)| *o == off)?.1;
        let f = (loop_at + 1..t.len())
            .take_while(|&j| t.insts()[j].op == Op::Phi)
            .find(|&j| t.insts()[j].arg(0) == va && t.insts()[j].arg(1) == vb)?;
        fields.push((off, IrRef::inst(f)));
    }
    Some(fields)
}

/// The allocation sinking pass.
pub fn sink(trace: &Trace) -> Trace {
    let n = trace.len();
    let loop_at = trace.loop_index();
    let region = |i: usize| loop_at.is_some_and(|l| i > l);
    let mut phi_field_map: Vec<Option<Vec<(i32, IrRef)>>> = vec![None; n];
    let mut sinkable: Vec<bool> = vec![false; n];
    for (i, inst) in trace.insts().iter().enumerate() {
        if inst.sunk {
            continue;
        }
        if inst.op == Op::New {
            sinkable[i] = true;
        }
        if let Some(l) = loop_at
            && let Some(f) = phi_fields(trace, i, l)
        {
            phi_field_map[i] = Some(f);
            sinkable[i] = true;
        }
    }
    let sinkable_phis: Vec<usize> = (0..n).filter(|&i| phi_field_map[i].is_some()).collect();
    // Two phis sharing an allocation would rebuild it twice: neither sinks.
    for (k, &i) in sinkable_phis.iter().enumerate() {
        for &j in &sinkable_phis[k + 1..] {
            let (pi, pj) = (&trace.insts()[i], &trace.insts()[j]);
            if pi.arg(0) == pj.arg(0) || pi.arg(1) == pj.arg(1) {
                sinkable[i] = false;
                sinkable[j] = false;
            }
        }
    }
    // A loop snapshot naming the preamble's object directly would rebuild
    // it apart from the phi that may hold the same object.
    if let Some(l) = loop_at
        && !sinkable_phis.is_empty()
    {
        for s in 0..trace.snap_count() {
            let id = crate::ir::SnapId(s as u32);
            if (trace.snap(id).at as usize) <= l {
                continue;
            }
            for e in trace.snap_entries(id) {
                for &i in &sinkable_phis {
                    if trace.insts()[i].arg(0) == e.value {
                        sinkable[i] = false;
                    }
                }
            }
        }
    }
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
            match inst.op {
                Op::FStore => {
                    let (obj, val) = (inst.arg(0), inst.arg(2));
                    if is(&sinkable, obj) && region(obj.index()) != region(i) {
                        escape(obj, &mut sinkable);
                    }
                    if !is(&sinkable, obj) {
                        escape(val, &mut sinkable);
                    }
                }
                Op::Phi if phi_field_map[i].is_some() => {
                    let (a, b) = (inst.arg(0), inst.arg(1));
                    if !(sinkable[i] && is(&sinkable, a) && is(&sinkable, b)) {
                        escape(IrRef::inst(i), &mut sinkable);
                        escape(a, &mut sinkable);
                        escape(b, &mut sinkable);
                    }
                }
                _ => {
                    for r in trace.uses(inst) {
                        escape(r, &mut sinkable);
                    }
                }
            }
        }
        if !changed {
            break;
        }
    }
    let last_phi = loop_at.map(|l| {
        (l + 1..n)
            .take_while(|&j| trace.insts()[j].op == Op::Phi)
            .last()
            .unwrap_or(l)
    });
    let mut rw = Rewriter::new(trace);
    for i in 0..n {
        let mut inst = rw.translate(i);
        let sink_it =
            sinkable[i] || (inst.op == Op::FStore && is(&sinkable, trace.insts()[i].arg(0)));
        inst.sunk |= sink_it;
        rw.copy_translated(i, inst);
        if Some(i) == last_phi {
            for (p, fields) in phi_field_map.iter().enumerate() {
                let Some(fields) = fields.as_ref().filter(|_| sinkable[p]) else {
                    continue;
                };
                for &(off, f) in fields {
                    let obj = rw.subst(IrRef::inst(p));
                    let val = rw.subst(f);
                    let args = [Operand::Ref(obj), Operand::Off(off), Operand::Ref(val)];
                    let mut st = Inst::new(Op::FStore, Type::Void, &args);
                    st.sunk = true;
                    rw.emit(st);
                }
            }
        }
    }
    rw.finish()
}
