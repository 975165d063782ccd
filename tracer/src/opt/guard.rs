//! Redundant guard elimination.
//!
//! A guard identical to an earlier one (same op and operands) always passes
//! and is removed; so is a repeated overflow-checked operation, which is
//! replaced by the earlier result. Version guards (`gver`) read memory, so
//! a store or a storing call in between (or anywhere in the loop body, for
//! a guard repeated across the loop header) makes them needed again. After
//! `geq x, K` with a constant `K` (and `x` not a reference), later uses of
//! `x` become `K`, which lets folding go further.

use std::collections::HashMap;

use crate::ir::{Flags, IrRef, Op, Operand, Type};
use crate::opt::{Rewriter, replace_uses};
use crate::trace::Trace;

fn has_store(trace: &Trace, from: usize) -> bool {
    trace.insts()[from..]
        .iter()
        .any(|i| !i.sunk && trace.flags_of(i).contains(Flags::STORE))
}

/// The guard elimination pass.
pub fn eliminate_guards(trace: &Trace) -> Trace {
    let mut rw = Rewriter::new(trace);
    let mut seen: HashMap<(Op, [Operand; 3]), IrRef> = HashMap::new();
    let mut known: Vec<(IrRef, IrRef, usize)> = Vec::new();
    let is_ov = |op| matches!(op, Op::AddOv | Op::SubOv | Op::MulOv);
    for i in 0..trace.len() {
        let mut inst = rw.translate(i);
        let flags = rw.new.flags_of(&inst);
        if inst.op == Op::Loop && has_store(trace, i) {
            seen.retain(|(op, _), _| *op != Op::GVer);
        }
        if flags.contains(Flags::STORE) && !inst.sunk {
            seen.retain(|(op, _), _| *op != Op::GVer);
        }
        let dedup = matches!(
            inst.op,
            Op::GTrue | Op::GFalse | Op::GTag | Op::GEq | Op::GNe | Op::GVer
        ) || is_ov(inst.op);
        if !dedup {
            rw.copy_translated(i, inst);
            continue;
        }
        if flags.contains(Flags::COMM) && inst.args[0].as_ref() > inst.args[1].as_ref() {
            inst.args.swap(0, 1);
        }
        let key = (inst.op, inst.args);
        if let Some(&r) = seen.get(&key) {
            rw.set(i, r);
            continue;
        }
        let (op, a0, a1) = (inst.op, inst.args[0].as_ref(), inst.args[1].as_ref());
        let r = rw.copy_translated(i, inst);
        seen.insert(key, r);
        if op == Op::GEq
            && let (Some(x), Some(k)) = (a0, a1)
            && k.is_const()
            && !x.is_const()
            && rw.new.type_of(x) != Type::Ref
        {
            known.push((x, k, r.index() + 1));
        }
    }
    let mut out = rw.finish();
    for (x, k, from) in known {
        replace_uses(&mut out, x, k, from);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_guard_survives_an_intervening_store() {
        let t = Trace::parse(
            "trace t0
             snap0 [s0 pc 0]
             v0 = sload.ref s0
             gver ptr:0x100, 3 snap0
             gver ptr:0x100, 3 snap0
             gtag v0, 7, 1 snap0
             fstore v0, +8, 1
             gtag v0, 7, 1 snap0
             gver ptr:0x100, 3 snap0
             exit snap0",
        )
        .unwrap();
        let out = eliminate_guards(&t).to_string();
        assert_eq!(out.matches("gver").count(), 2, "{out}");
        assert_eq!(out.matches("gtag").count(), 1, "{out}");
    }
}
