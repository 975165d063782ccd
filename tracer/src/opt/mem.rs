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
//! the loop cannot change it. A field of an object from before the loop
//! that only the loop itself stores (`o.x = o.x + 1`) becomes a phi of its
//! entry value and the value last stored in the body, so the loop keeps the
//! store but loses the load; phis of two allocations get field phis too.

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
    // Fields of objects from before the loop that only the loop stores
    // (no other object's store may alias them): at the header their value
    // is a phi of the entry value and the last value stored in the body.
    let mut carried: Vec<((IrRef, i32), IrRef, IrRef)> = Vec::new();
    if !clobber_all {
        for (&(obj, off), &entry) in entry_fields.iter() {
            if !offs.contains(&off) || (!obj.is_const() && obj.index() >= i) {
                continue;
            }
            let mut last = None;
            let mut ok = true;
            for st in &trace.insts()[i..] {
                if st.op != Op::FStore || st.off() != off || st.sunk {
                    continue;
                }
                let target = st.arg(0);
                let before_loop = target.is_const() || target.index() < i;
                if before_loop && rw.subst(target) == obj {
                    last = Some(st.arg(2));
                } else if before_loop || !is_new(trace, target) {
                    // Another object that may be this one.
                    ok = false;
                }
            }
            if let (true, Some(back)) = (ok, last)
                && rw.new.type_of(entry) == trace.type_of(back)
            {
                carried.push(((obj, off), entry, back));
            }
        }
    }
    let phis: Vec<usize> = (i + 1..trace.len())
        .take_while(|&j| trace.insts()[j].op == Op::Phi)
        .collect();
    for &j in &phis {
        rw.copy(j);
    }
    carried.sort_by_key(|((o, off), _, _)| (*o, *off));
    for ((obj, off), entry, back) in carried {
        let ty = rw.new.type_of(entry);
        let f = rw.emit(Inst::new(
            Op::Phi,
            ty,
            &[Operand::Ref(entry), Operand::Ref(back)],
        ));
        fields.insert((obj, off), f);
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

    #[test]
    fn loop_carried_field_respects_possible_aliases() {
        use crate::interp::{FakeHeap, run};
        // Per iteration `a.x = a.x + 1; b.x = 100`: `b` may be `a`, so the
        // load of `a.x` must not become a phi of the values stored to `a`.
        let text = "trace t0
             v0 = sload.ref s0
             v1 = sload.ref s1
             v2 = sload.i64 s2
             fstore v0, +8, 1
             loop
             v3 = phi.i64 v2, v7
             v4 = fload.i64 v0, +8
             v5 = add.i64 v4, 1
             fstore v0, +8, v5
             fstore v1, +8, 100
             snap0 [s0 pc 0] s2=v3 s3=v5
             v7 = addov.i64 v3, 1 snap0
             v8 = lt.bool v7, 3
             gtrue v8 snap0
             again";
        let t = Trace::parse(text).unwrap();
        let opt = forward_memory(&t);
        for aliased in [false, true] {
            let results: Vec<u64> = [&t, &opt]
                .iter()
                .map(|tr| {
                    let mut h = FakeHeap::new();
                    let a = h.alloc(2);
                    let b = if aliased { a } else { h.alloc(2) };
                    let mut slots = vec![a, b, 0, 0];
                    run(tr, &mut slots, &mut h, 100);
                    slots[3]
                })
                .collect();
            assert_eq!(results[0], results[1], "aliased: {aliased}\n{opt}");
        }
        // Without the other store, the field is carried in a phi.
        let alone = text.replace("             fstore v1, +8, 100\n", "");
        let opt = forward_memory(&Trace::parse(&alone).unwrap());
        assert_eq!(opt.to_string().matches("fload").count(), 0, "{opt}");
    }
}
