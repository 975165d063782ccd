//! Store-to-load forwarding for fields of VM objects.
//!
//! Walking forward, the pass remembers the value of each field `(object,
//! offset)` it has seen stored or loaded. A later `fload` of a remembered
//! field (of the same type) is replaced by the value. An `fstore` forgets
//! the fields at the same offset of objects that may be the same object
//! (two different `new` results never are); a raw store (`pstore`) or a
//! call to a helper declared `store` forgets everything. At the loop
//! header, fields that the loop body may store are forgotten, so a load
//! repeated in the body is forwarded to the preamble's (hoisted) only when
//! the loop cannot change it.

use std::collections::HashMap;

use crate::ir::{Flags, Inst, IrRef, Op, Operand};
use crate::opt::Rewriter;
use crate::trace::Trace;

fn is_new(t: &Trace, r: IrRef) -> bool {
    !r.is_const() && t.inst(r).op == Op::New
}

/// Whether two object references may name the same object. A `new`
/// result is a fresh object: nothing defined before it can refer to it.
fn may_alias(t: &Trace, a: IrRef, b: IrRef) -> bool {
    let fresh_after = |x: IrRef, y: IrRef| is_new(t, x) && (y.is_const() || y < x);
    a == b || !(fresh_after(a, b) || fresh_after(b, a))
}

/// For a phi of two allocations (one before the loop, one in the body)
/// that are only initialised and whose phi is only loaded from: the field
/// offsets with the last value stored to the body's object (old refs).
fn phi_of_allocations(t: &Trace, phi: usize) -> Option<Vec<(i32, IrRef)>> {
    let inst = &t.insts()[phi];
    let (a, b) = (inst.arg(0), inst.arg(1));
    if !is_new(t, a) || !is_new(t, b) || inst.ty != crate::ir::Type::Ref {
        return None;
    }
    let p = IrRef::inst(phi);
    let mut stores = Vec::new();
    for (i, u) in t.insts().iter().enumerate() {
        let uses = t.uses(u);
        let ok = match u.op {
            _ if u.op == Op::FStore && uses[1..].iter().any(|x| [a, b, p].contains(x)) => false,
            Op::FStore if u.arg(0) == b => {
                stores.retain(|(o, _)| *o != u.off());
                stores.push((u.off(), u.arg(2)));
                true
            }
            Op::FStore if u.arg(0) == a => i < phi,
            Op::FLoad if [a, b, p].contains(&u.arg(0)) => true,
            Op::Phi if i == phi => true,
            _ => !uses.contains(&a) && !uses.contains(&b) && !uses.contains(&p),
        };
        if !ok {
            return None;
        }
    }
    Some(stores)
}

/// At the loop header: forgets what the loop body may store, copies the
/// phis, and gives phis of allocations field phis. Returns the index of
/// the first old instruction after the phis.
fn enter_loop(
    trace: &Trace,
    rw: &mut Rewriter<'_>,
    fields: &mut HashMap<(IrRef, i32), IrRef>,
    i: usize,
) -> usize {
    let entry_fields = fields.clone();
    let mut offs = Vec::new();
    let mut clobber_all = false;
    for later in &trace.insts()[i..] {
        match later.op {
            Op::FStore => offs.push(later.off()),
            _ if trace.flags_of(later).contains(Flags::STORE) => clobber_all = true,
            _ => {}
        }
    }
    if clobber_all {
        fields.clear();
    } else {
        fields.retain(|(_, off), _| !offs.contains(off));
    }
    rw.copy(i);
    let phis: Vec<usize> = (i + 1..trace.len())
        .take_while(|&j| trace.insts()[j].op == Op::Phi)
        .collect();
    for &j in &phis {
        rw.copy(j);
    }
    for &j in &phis {
        let Some(stores) = phi_of_allocations(trace, j) else {
            continue;
        };
        let a = rw.subst(trace.insts()[j].arg(0));
        let p = rw.subst(IrRef::inst(j));
        for (off, back) in stores {
            if let Some(&entry) = entry_fields.get(&(a, off))
                && rw.new.type_of(entry) == trace.type_of(back)
            {
                let ty = rw.new.type_of(entry);
                let f = rw.emit(Inst::new(
                    Op::Phi,
                    ty,
                    &[Operand::Ref(entry), Operand::Ref(back)],
                ));
                fields.insert((p, off), f);
            }
        }
    }
    i + 1 + phis.len()
}

/// The store-to-load forwarding pass.
pub fn forward_memory(trace: &Trace) -> Trace {
    let mut rw = Rewriter::new(trace);
    let mut fields: HashMap<(IrRef, i32), IrRef> = HashMap::new();
    let mut i = 0;
    while i < trace.len() {
        if trace.insts()[i].op == Op::Loop {
            i = enter_loop(trace, &mut rw, &mut fields, i);
            continue;
        }
        let inst = rw.translate(i);
        match inst.op {
            Op::FLoad => {
                let key = (inst.arg(0), inst.off());
                match fields.get(&key) {
                    Some(&v) if rw.new.type_of(v) == inst.ty => rw.set(i, v),
                    _ => {
                        let r = rw.copy_translated(i, inst);
                        fields.insert(key, r);
                    }
                }
            }
            Op::FStore => {
                let (obj, off, val) = (inst.arg(0), inst.off(), inst.arg(2));
                let t = &rw.new;
                fields.retain(|(o, f), _| *f != off || !may_alias(t, *o, obj));
                fields.insert((obj, off), val);
                rw.copy_translated(i, inst);
            }
            _ => {
                if rw.new.flags_of(&inst).contains(Flags::STORE) {
                    fields.clear();
                }
                rw.copy_translated(i, inst);
            }
        }
        i += 1;
    }
    rw.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forwards_stores_and_loads_until_clobbered() {
        let t = Trace::parse(
            "trace t0
             helper h0 poke(ref) -> void [store]
             v0 = sload.ref s0
             v1 = sload.ref s1
             fstore v0, +8, 5
             v2 = fload.i64 v0, +8
             v3 = fload.i64 v1, +16
             v4 = fload.i64 v1, +16
             fstore v1, +8, 6
             v5 = fload.i64 v0, +8
             call h0(v0)
             v6 = fload.i64 v1, +16
             v7 = add.i64 v2, v4
             v8 = add.i64 v5, v6
             snap0 [s0 pc 0] s2=v7 s3=v8
             exit snap0",
        )
        .unwrap();
        let out = forward_memory(&t).to_string();
        // v2 forwarded from the store, v4 from v3; v5 reloaded (v1 may be v0);
        // v6 reloaded after the storing call.
        assert_eq!(out.matches("fload").count(), 3, "{out}");
    }
}
