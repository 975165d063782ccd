//! Common subexpression elimination of pure instructions.
//!
//! A pure instruction (including a call to a helper declared `pure`) whose
//! op, type and operands equal an earlier one's is replaced by the earlier
//! one. Commutative operands are put in a canonical order first. Since the
//! preamble of a peeled loop dominates the loop body, this is also what
//! hoists loop-invariant computations out of the loop. Phis with the same
//! entry and back-edge values merge too.

use std::collections::HashMap;

use crate::ir::{Flags, IrRef, Op, Operand, Type};
use crate::opt::Rewriter;
use crate::trace::Trace;

#[derive(PartialEq, Eq, Hash)]
struct Key {
    op: Op,
    ty: Type,
    args: [Operand; 3],
    call_args: Vec<IrRef>,
}

/// The CSE pass.
pub fn cse(trace: &Trace) -> Trace {
    let mut rw = Rewriter::new(trace);
    let mut seen: HashMap<Key, IrRef> = HashMap::new();
    for i in 0..trace.len() {
        let mut inst = rw.translate(i);
        let flags = rw.new.flags_of(&inst);
        if inst.op == Op::Phi && !inst.sunk {
            // Two phis with the same entry and back-edge values are the same
            // value in every iteration. (The back edge is still an old
            // reference here, so phis only ever match phis.)
            let key = Key {
                op: inst.op,
                ty: inst.ty,
                args: inst.args,
                call_args: Vec::new(),
            };
            match seen.get(&key) {
                Some(&r) => rw.set(i, r),
                None => {
                    let r = rw.copy_translated(i, inst);
                    seen.insert(key, r);
                }
            }
            continue;
        }
        if !flags.contains(Flags::PURE) || inst.sunk || inst.op == Op::Phi {
            rw.copy_translated(i, inst);
            continue;
        }
        if flags.contains(Flags::COMM) && inst.args[0].as_ref() > inst.args[1].as_ref() {
            inst.args.swap(0, 1);
        }
        let mut key = Key {
            op: inst.op,
            ty: inst.ty,
            args: inst.args,
            call_args: Vec::new(),
        };
        if inst.op == Op::Call {
            let (h, a) = rw.new.call_parts(&inst);
            key.args = [Operand::Helper(h), Operand::None, Operand::None];
            key.call_args = a.to_vec();
        }
        match seen.get(&key) {
            Some(&r) => rw.set(i, r),
            None => {
                let r = rw.emit(inst);
                rw.set(i, r);
                seen.insert(key, r);
            }
        }
    }
    rw.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merges_identical_phis() {
        let t = Trace::parse(
            "trace t0
             v0 = sload.i64 s0
             loop
             v1 = phi.i64 v0, v3
             v2 = phi.i64 v0, v3
             v3 = add.i64 v1, 1
             v4 = add.i64 v2, 2
             snap0 [s0 pc 0] s0=v4
             gtrue true snap0
             again",
        )
        .unwrap();
        let out = cse(&t).to_string();
        assert_eq!(out.matches("phi").count(), 1, "{out}");
        assert!(out.contains("add.i64 v2, 2"), "{out}");
    }

    #[test]
    fn merges_commuted_duplicates_but_not_loads() {
        let t = Trace::parse(
            "trace t0
             v0 = sload.i64 s0
             v1 = sload.ref s1
             v2 = add.i64 v0, 5
             v3 = add.i64 5, v0
             v4 = fload.i64 v1, +8
             v5 = fload.i64 v1, +8
             v6 = add.i64 v3, v4
             v7 = add.i64 v2, v5
             snap0 [s0 pc 0] s0=v6 s2=v7
             exit snap0",
        )
        .unwrap();
        let out = cse(&t).to_string();
        assert!(!out.contains("add.i64 5, v0"), "{out}");
        assert_eq!(
            out.matches("fload").count(),
            2,
            "loads are the mem pass's job"
        );
    }
}
