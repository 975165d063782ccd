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

use crate::ir::{Flags, IrRef, Op};
use crate::opt::Rewriter;
use crate::trace::Trace;

fn is_new(t: &Trace, r: IrRef) -> bool {
    !r.is_const() && t.inst(r).op == Op::New
}

fn may_alias(t: &Trace, a: IrRef, b: IrRef) -> bool {
    a == b || !(is_new(t, a) && is_new(t, b))
}

/// The store-to-load forwarding pass.
pub fn forward_memory(trace: &Trace) -> Trace {
    let mut rw = Rewriter::new(trace);
    let mut fields: HashMap<(IrRef, i32), IrRef> = HashMap::new();
    for i in 0..trace.len() {
        let inst = rw.translate(i);
        match inst.op {
            Op::Loop => {
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
                rw.copy_translated(i, inst);
            }
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
