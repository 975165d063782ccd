//! A code-object verifier: the checks an interpreter can run before trusting
//! a code object (for example one loaded from a file), and that the tests
//! run on everything the compiler produces.
//!
//! Structure: every word decodes, operands are in range (registers and
//! register windows below `nregs`, constants, names, cells, caches), jump
//! and handler targets start an instruction, every cache slot is owned by
//! exactly one instruction, `KwNames` precedes a call, and execution cannot
//! run off the end of the code.
//!
//! Data flow: no register is read before it is written on every path
//! (exception edges included). Parameters are written at entry; a local is
//! also "written" by `CheckBound` (which raises if it is empty) and emptied
//! by `DeleteFast`. So a dispatch loop never reads an empty register except
//! where the bytecode checks it.

use std::fmt;

use crate::code::{CodeFlags, CodeObject, Constant};
use crate::encode::decode_all;
use crate::opcode::{Flags, Instruction, Opcode, OperandKind};

/// Why a code object was rejected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerifyError {
    /// Qualified name of the code object.
    pub code: String,
    /// Word index of the offending instruction (or 0).
    pub pc: usize,
    /// What is wrong.
    pub msg: String,
}

impl fmt::Display for VerifyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at {}: {}", self.code, self.pc, self.msg)
    }
}

impl std::error::Error for VerifyError {}

/// Largest `nregs * instructions` for which the data-flow check runs (the
/// structural checks always run).
const DATAFLOW_LIMIT: usize = 1 << 26;

/// Verifies `code` and every nested code object.
pub fn verify(code: &CodeObject) -> Result<(), VerifyError> {
    verify_one(code)?;
    code.nested().try_for_each(|c| verify(c))
}

/// Registers read and written by one instruction.
struct Effects {
    reads: Vec<(u32, u32)>,
    writes: Vec<(u32, u32)>,
    /// Written only when execution falls through (`ForIter`).
    fall_writes: Vec<(u32, u32)>,
    /// `DeleteFast`: the register is empty afterwards.
    clears: Option<u32>,
}

fn effects(ins: &Instruction) -> Effects {
    use Instruction as I;
    let mut e = Effects {
        reads: Vec::new(),
        writes: Vec::new(),
        fall_writes: Vec::new(),
        clears: None,
    };
    let one = |r: crate::opcode::Reg| (r.0, 1);
    match *ins {
        I::CheckBound { reg } => e.writes.push(one(reg)),
        I::DeleteFast { reg } => e.clears = Some(reg.0),
        I::LoadMethod { dst, obj, .. } => {
            e.reads.push(one(obj));
            e.writes.push((dst.0, 2));
        }
        I::ForIter { dst, iter, .. } => {
            e.reads.push(one(iter));
            e.fall_writes.push(one(dst));
        }
        I::Call {
            dst, base, argc, ..
        } => {
            e.reads.push((base.0, argc.0 + 1));
            e.writes.push(one(dst));
        }
        I::CallMethod {
            dst, base, argc, ..
        } => {
            e.reads.push((base.0, argc.0 + 2));
            e.writes.push(one(dst));
        }
        I::MakeFunction {
            dst, flags, base, ..
        } => {
            e.reads.push((base.0, flags.0.count_ones()));
            e.writes.push(one(dst));
        }
        I::BuildTuple { dst, base, count }
        | I::BuildList { dst, base, count }
        | I::BuildSet { dst, base, count }
        | I::BuildString { dst, base, count }
        | I::BuildSlice { dst, base, count } => {
            e.reads.push((base.0, count.0));
            e.writes.push(one(dst));
        }
        I::BuildMap { dst, base, count } => {
            e.reads.push((base.0, 2 * count.0));
            e.writes.push(one(dst));
        }
        I::UnpackSequence { base, src, count } => {
            e.reads.push(one(src));
            e.writes.push((base.0, count.0));
        }
        I::UnpackEx {
            base,
            src,
            before,
            after,
        } => {
            e.reads.push(one(src));
            e.writes.push((base.0, before.0 + 1 + after.0));
        }
        I::PushExcInfo { saved, exc } => {
            e.reads.push(one(exc));
            e.writes.push(one(saved));
        }
        I::WithEnter { exit, dst, mgr } | I::AsyncWithEnter { exit, dst, mgr } => {
            e.reads.push(one(mgr));
            e.writes.push(one(exit));
            e.writes.push(one(dst));
        }
        I::CheckEgMatch {
            matched,
            rest,
            exc,
            ty,
        } => {
            e.reads.push(one(exc));
            e.reads.push(one(ty));
            e.writes.push(one(matched));
            e.writes.push(one(rest));
        }
        I::MatchClass {
            dst_cls, subject, ..
        } => {
            e.reads.push(one(dst_cls));
            e.reads.push(one(subject));
            e.writes.push(one(dst_cls));
        }
        _ => {
            // Default: an operand named `dst` is written, other registers are read.
            let op = ins.opcode();
            let raw = ins.raw_operands();
            for (i, (name, kind)) in op.operands().iter().enumerate() {
                if *kind == OperandKind::Reg {
                    if *name == "dst" {
                        e.writes.push((raw[i], 1));
                    } else {
                        e.reads.push((raw[i], 1));
                    }
                }
            }
        }
    }
    e
}

fn verify_one(code: &CodeObject) -> Result<(), VerifyError> {
    let fail = |pc: usize, msg: String| VerifyError {
        code: code.qualname.clone(),
        pc,
        msg,
    };
    let instrs = decode_all(&code.code).map_err(|e| fail(0, format!("undecodable: {e:?}")))?;
    if code.locations.len() != code.code.len() {
        return Err(fail(0, "locations do not match the code length".into()));
    }
    let Some((last_pc, last)) = instrs.last() else {
        return Err(fail(0, "empty code".into()));
    };
    let lf = last.opcode().flags();
    if !(lf.contains(Flags::JUMP) || lf.contains(Flags::EXIT)) {
        return Err(fail(*last_pc, "execution can run off the end".into()));
    }
    let mut index_of = vec![u32::MAX; code.code.len() + 1];
    for (i, (pc, _)) in instrs.iter().enumerate() {
        index_of[*pc] = i as u32;
    }
    let is_start = |t: usize| t < code.code.len() && index_of[t] != u32::MAX;
    let ncells = (code.cell_names.len() + code.free_names.len()) as u32;
    let mut cache_owner = vec![false; code.ncaches as usize];
    for (k, (pc, ins)) in instrs.iter().enumerate() {
        let op = ins.opcode();
        let raw = ins.raw_operands();
        for (i, (name, kind)) in op.operands().iter().enumerate() {
            let v = raw[i];
            let ok = match kind {
                OperandKind::Reg => v < code.nregs,
                OperandKind::Const => (v as usize) < code.consts.len(),
                OperandKind::Name => (v as usize) < code.names.len(),
                OperandKind::Cell => v < ncells,
                OperandKind::Target => is_start(v as usize),
                OperandKind::Cache => {
                    let slot = cache_owner.get_mut(v as usize);
                    match slot {
                        Some(owned) if !*owned => {
                            *owned = true;
                            true
                        }
                        _ => false,
                    }
                }
                OperandKind::Count | OperandKind::Imm => true,
            };
            if !ok {
                return Err(fail(
                    *pc,
                    format!("{op} operand {name} = {v} is out of range"),
                ));
            }
        }
        let fx = effects(ins);
        for &(base, n) in fx.reads.iter().chain(&fx.writes).chain(&fx.fall_writes) {
            if base as u64 + n as u64 > code.nregs as u64 {
                return Err(fail(
                    *pc,
                    format!(
                        "{op} register window {base}+{n} exceeds {} registers",
                        code.nregs
                    ),
                ));
            }
        }
        if op == Opcode::KwNames {
            let next = instrs.get(k + 1).map(|(_, i)| i.opcode());
            if !matches!(next, Some(Opcode::Call | Opcode::CallMethod)) {
                return Err(fail(*pc, "KwNames is not followed by a call".into()));
            }
            let Instruction::KwNames { names } = ins else {
                unreachable!("KwNames")
            };
            if !matches!(&code.consts[names.0 as usize], Constant::Tuple(t) if t.iter().all(|c| matches!(c, Constant::Str(_))))
            {
                return Err(fail(*pc, "KwNames constant is not a tuple of str".into()));
            }
        }
    }
    if let Some(i) = cache_owner.iter().position(|o| !o) {
        return Err(fail(0, format!("cache slot {i} has no instruction")));
    }
    for e in &code.exception_table {
        if e.start >= e.end
            || !is_start(e.start as usize)
            || !is_start(e.handler as usize)
            || e.exc.0 >= code.nregs
        {
            return Err(fail(
                e.start as usize,
                format!("bad exception table entry {e:?}"),
            ));
        }
        if e.end as usize != code.code.len() && !is_start(e.end as usize) {
            return Err(fail(
                e.end as usize,
                "exception range ends inside an instruction".into(),
            ));
        }
    }
    if (code.nregs as usize).saturating_mul(instrs.len()) <= DATAFLOW_LIMIT {
        check_dataflow(code, &instrs, &index_of).map_err(|(pc, msg)| fail(pc, msg))?;
    }
    Ok(())
}

/// Must-be-written analysis over the control-flow graph.
fn check_dataflow(
    code: &CodeObject,
    instrs: &[(usize, Instruction)],
    index_of: &[u32],
) -> Result<(), (usize, String)> {
    let words = (code.nregs as usize).div_ceil(64).max(1);
    let n = instrs.len();
    // `None` = not reached yet (top of the lattice).
    let mut state: Vec<Option<Vec<u64>>> = vec![None; n];
    let mut entry = vec![0u64; words];
    let mut nparams = code.arg_count + code.kwonly_count;
    if code.flags.contains(CodeFlags::VARARGS) {
        nparams += 1;
    }
    if code.flags.contains(CodeFlags::VARKEYWORDS) {
        nparams += 1;
    }
    for r in 0..nparams.min(code.nregs) {
        entry[r as usize / 64] |= 1 << (r % 64);
    }
    let set = |s: &mut [u64], base: u32, len: u32| {
        for r in base..base + len {
            s[r as usize / 64] |= 1 << (r % 64);
        }
    };
    let has = |s: &[u64], r: u32| s[r as usize / 64] & (1 << (r % 64)) != 0;
    let mut work = vec![0usize];
    state[0] = Some(entry);
    let merge = |state: &mut Vec<Option<Vec<u64>>>, work: &mut Vec<usize>, i: usize, s: &[u64]| {
        match &mut state[i] {
            None => {
                state[i] = Some(s.to_vec());
                work.push(i);
            }
            Some(cur) => {
                let mut changed = false;
                for (c, v) in cur.iter_mut().zip(s) {
                    let m = *c & v;
                    if m != *c {
                        *c = m;
                        changed = true;
                    }
                }
                if changed {
                    work.push(i);
                }
            }
        }
    };
    while let Some(i) = work.pop() {
        let Some(s_in) = state[i].clone() else {
            continue;
        };
        let (pc, ins) = &instrs[i];
        let fx = effects(ins);
        for &(base, len) in &fx.reads {
            for r in base..base + len {
                if !has(&s_in, r) {
                    let name = code
                        .local_names
                        .get(r as usize)
                        .map_or(format!("r{r}"), |n| n.clone());
                    return Err((
                        *pc,
                        format!(
                            "{} reads {name} before it is written on every path",
                            ins.opcode()
                        ),
                    ));
                }
            }
        }
        // Exception edge: the handler sees the state before this instruction.
        if let Some(entry) = code.find_handler(*pc as u32) {
            let mut h = s_in.clone();
            set(&mut h, entry.exc.0, 1);
            merge(
                &mut state,
                &mut work,
                index_of[entry.handler as usize] as usize,
                &h,
            );
        }
        let mut out = s_in;
        for &(base, len) in &fx.writes {
            set(&mut out, base, len);
        }
        if let Some(r) = fx.clears {
            out[r as usize / 64] &= !(1 << (r % 64));
        }
        let flags = ins.opcode().flags();
        let raw = ins.raw_operands();
        for (k, (_, kind)) in ins.opcode().operands().iter().enumerate() {
            if *kind == OperandKind::Target {
                merge(
                    &mut state,
                    &mut work,
                    index_of[raw[k] as usize] as usize,
                    &out,
                );
            }
        }
        if !(flags.contains(Flags::JUMP) || flags.contains(Flags::EXIT)) && i + 1 < n {
            let mut fall = out;
            for &(base, len) in &fx.fall_writes {
                set(&mut fall, base, len);
            }
            merge(&mut state, &mut work, i + 1, &fall);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Mode, compile};

    #[test]
    fn compiled_code_verifies() {
        let src = "def f(a, *b, c=1, **d):\n    for x in b:\n        try:\n            y = x\n        except E as e:\n            y = e\n        finally:\n            z = 1\n    return y, z\n";
        verify(&compile(src, "t", Mode::Exec).expect("compiles")).expect("verifies");
    }

    #[test]
    fn reads_of_unwritten_registers_are_rejected() {
        let mut code =
            (*compile("def f():\n    x = 1\n    return x\n", "t", Mode::Exec).expect("ok")).clone();
        let f = code.nested().next().expect("f").clone();
        let mut f = (*f).clone();
        // Drop the store: `return x` now reads an empty register.
        f.code.remove(0);
        f.locations.remove(0);
        let err = verify_one(&f).expect_err("rejected");
        assert!(err.msg.contains("before it is written"), "{err}");
        code.consts.clear();
        assert!(verify_one(&code).is_err(), "dangling constant index");
    }
}
