//! The trace container: instructions, interned constants, helper
//! declarations, argument lists and snapshots.

use std::collections::HashMap;
use std::fmt;

use crate::ir::{ArgsId, Flags, HelperId, Inst, IrRef, Kind, Op, Operand, SnapId, TraceId, Type};
use crate::snapshot::{SnapEntry, SnapFrame, Snapshot};

/// An interned constant: a type and 64 bits (f64 by bit pattern, bool as 0/1).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Const {
    /// The constant's type (never `Void`).
    pub ty: Type,
    /// Its bits.
    pub bits: u64,
}

impl Const {
    /// The value as i64.
    pub fn as_i64(self) -> i64 {
        self.bits as i64
    }

    /// The value as f64.
    pub fn as_f64(self) -> f64 {
        f64::from_bits(self.bits)
    }
}

/// A VM helper a trace may call: its C ABI signature and declared effects.
///
/// Effects use the op [`Flags`]: `PURE` (no memory access: calls may be
/// folded, CSE'd and removed), `LOAD`, `STORE`, `COLLECT` (may run the GC),
/// `RAISE` (may fail: the call then exits through its snapshot with the
/// VM's error pending; the helper signals failure by returning
/// `error_value`), `ALLOC` (returns a fresh object).
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub struct HelperDecl {
    /// Name (identifier characters only; used in the text format).
    pub name: String,
    /// Parameter types.
    pub params: Vec<Type>,
    /// Result type (`Void` for none).
    pub ret: Type,
    /// Declared effects.
    pub effects: Flags,
    /// The word a raising helper returns on failure.
    pub error_value: u64,
    /// The function's address for native code (0 when unknown, e.g. in
    /// tests and in the reference interpreter).
    pub addr: usize,
}

impl HelperDecl {
    /// A helper declaration with no address and error value 0.
    pub fn new(name: &str, params: &[Type], ret: Type, effects: Flags) -> HelperDecl {
        HelperDecl {
            name: name.to_string(),
            params: params.to_vec(),
            ret,
            effects,
            error_value: 0,
            addr: 0,
        }
    }
}

/// A recorded (and possibly optimized) trace.
///
/// Instructions are in execution order; an instruction's operands always
/// come before it, except the second operand of a `phi`. See the crate docs
/// ("For backends") for how to walk one.
#[derive(Clone, Default)]
pub struct Trace {
    /// This trace's number.
    pub id: TraceId,
    /// For a side trace: the parent trace and the exit it is attached to.
    pub parent: Option<(TraceId, SnapId)>,
    /// Mask applied to a `ref` word to get the object's address for
    /// `fload`/`fstore` (all ones when references are plain addresses).
    pub ref_addr_mask: u64,
    insts: Vec<Inst>,
    consts: Vec<Const>,
    const_map: HashMap<Const, u32>,
    args: Vec<Vec<IrRef>>,
    helpers: Vec<HelperDecl>,
    pub(crate) snaps: Vec<Snapshot>,
    pub(crate) entries: Vec<SnapEntry>,
    pub(crate) frames: Vec<SnapFrame>,
}

/// A malformed trace, as found by [`Trace::verify`] or the parser.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct IrError {
    /// Instruction index (or line number, from the parser).
    pub at: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for IrError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "at {}: {}", self.at, self.message)
    }
}

impl std::error::Error for IrError {}

impl Trace {
    /// An empty trace.
    pub fn new(id: TraceId) -> Trace {
        Trace {
            id,
            ref_addr_mask: u64::MAX,
            ..Trace::default()
        }
    }

    /// A copy with the same header, helpers and constants but no
    /// instructions or snapshots (passes rebuild into it).
    pub fn empty_like(&self) -> Trace {
        Trace {
            id: self.id,
            parent: self.parent,
            ref_addr_mask: self.ref_addr_mask,
            consts: self.consts.clone(),
            const_map: self.const_map.clone(),
            helpers: self.helpers.clone(),
            ..Trace::default()
        }
    }

    /// The instructions, in order.
    pub fn insts(&self) -> &[Inst] {
        &self.insts
    }

    /// Mutable access to the instructions (for passes that rewrite in place).
    pub fn insts_mut(&mut self) -> &mut [Inst] {
        &mut self.insts
    }

    /// Number of instructions.
    pub fn len(&self) -> usize {
        self.insts.len()
    }

    /// Whether the trace has no instructions.
    pub fn is_empty(&self) -> bool {
        self.insts.is_empty()
    }

    /// The instruction `r` names (panics for constants).
    pub fn inst(&self, r: IrRef) -> &Inst {
        assert!(!r.is_const(), "{r:?} is a constant");
        &self.insts[r.index()]
    }

    /// Appends an instruction and returns its reference.
    pub fn push(&mut self, inst: Inst) -> IrRef {
        self.insts.push(inst);
        IrRef::inst(self.insts.len() - 1)
    }

    /// Interns a constant.
    pub fn konst(&mut self, ty: Type, bits: u64) -> IrRef {
        let c = Const {
            ty,
            bits: if ty == Type::Bool { bits & 1 } else { bits },
        };
        if let Some(&i) = self.const_map.get(&c) {
            return IrRef::konst(i as usize);
        }
        self.consts.push(c);
        let i = self.consts.len() - 1;
        self.const_map.insert(c, i as u32);
        IrRef::konst(i)
    }

    /// Interns an i64 constant.
    pub fn kint(&mut self, v: i64) -> IrRef {
        self.konst(Type::I64, v as u64)
    }

    /// Interns an f64 constant.
    pub fn kfloat(&mut self, v: f64) -> IrRef {
        self.konst(Type::F64, v.to_bits())
    }

    /// Interns a bool constant.
    pub fn kbool(&mut self, v: bool) -> IrRef {
        self.konst(Type::Bool, v as u64)
    }

    /// The constant `r` names, if it names one.
    pub fn get_const(&self, r: IrRef) -> Option<Const> {
        r.is_const().then(|| self.consts[r.index()])
    }

    /// All constants, indexed by [`IrRef::index`] of constant references.
    pub fn consts(&self) -> &[Const] {
        &self.consts
    }

    /// The type of a value.
    pub fn type_of(&self, r: IrRef) -> Type {
        if r.is_const() {
            self.consts[r.index()].ty
        } else {
            self.insts[r.index()].ty
        }
    }

    /// Declares a helper (or returns the existing id of an identical one).
    pub fn declare_helper(&mut self, decl: HelperDecl) -> HelperId {
        if let Some(i) = self.helpers.iter().position(|h| *h == decl) {
            return HelperId(i as u32);
        }
        self.helpers.push(decl);
        HelperId(self.helpers.len() as u32 - 1)
    }

    /// Appends a helper declaration (even if an identical one exists).
    pub fn push_helper(&mut self, decl: HelperDecl) -> HelperId {
        self.helpers.push(decl);
        HelperId(self.helpers.len() as u32 - 1)
    }

    /// The helper declarations, indexed by [`HelperId`].
    pub fn helpers(&self) -> &[HelperDecl] {
        &self.helpers
    }

    /// A helper's declaration.
    pub fn helper(&self, id: HelperId) -> &HelperDecl {
        &self.helpers[id.index()]
    }

    /// Adds an argument list.
    pub fn add_args(&mut self, args: &[IrRef]) -> ArgsId {
        self.args.push(args.to_vec());
        ArgsId(self.args.len() as u32 - 1)
    }

    /// An argument list.
    pub fn args(&self, id: ArgsId) -> &[IrRef] {
        &self.args[id.index()]
    }

    /// Mutable access to an argument list.
    pub fn args_mut(&mut self, id: ArgsId) -> &mut Vec<IrRef> {
        &mut self.args[id.index()]
    }

    /// The helper and arguments of a `call` or `new`.
    pub fn call_parts(&self, inst: &Inst) -> (HelperId, &[IrRef]) {
        match (inst.args[0], inst.args[1]) {
            (Operand::Helper(h), Operand::Args(a)) => (h, self.args(a)),
            _ => panic!("{} is not a call", inst.op),
        }
    }

    /// Every value an instruction uses: its value operands and, for calls,
    /// its arguments.
    pub fn uses(&self, inst: &Inst) -> Vec<IrRef> {
        let mut v: Vec<IrRef> = inst.value_args().collect();
        if matches!(inst.op, Op::Call | Op::New) {
            v.extend_from_slice(self.call_parts(inst).1);
        }
        v
    }

    /// The effective flags of an instruction: the op's, plus for `call` and
    /// `new` the helper's declared effects. A raising call is a guard; a
    /// storing or collecting call has an effect.
    pub fn flags_of(&self, inst: &Inst) -> Flags {
        let mut f = inst.op.flags();
        if f.contains(Flags::HELPER) {
            let h = self.call_parts(inst).0;
            let e = self.helper(h).effects;
            f |= e;
            if e.contains(Flags::RAISE) {
                f |= Flags::GUARD;
            }
            if e.intersects(Flags::STORE | Flags::COLLECT | Flags::RAISE) && inst.op == Op::Call {
                f |= Flags::EFFECT;
            }
            if f.contains(Flags::PURE) && f.intersects(Flags::EFFECT | Flags::LOAD | Flags::STORE) {
                f = Flags(f.0 & !Flags::PURE.0);
            }
        }
        f
    }

    /// Whether the instruction may run the garbage collector.
    pub fn may_collect(&self, inst: &Inst) -> bool {
        self.flags_of(inst).contains(Flags::COLLECT)
    }

    /// The index of the `loop` instruction, if the trace has been peeled.
    pub fn loop_index(&self) -> Option<usize> {
        self.insts.iter().position(|i| i.op == Op::Loop)
    }

    /// Checks the trace is well formed: operand kinds and types match the op
    /// table, operands are defined before use (except phi back edges),
    /// guards have snapshots, phis follow `loop`, the trace ends in a
    /// terminator, only allocations (their stores, phis of them) are sunk and
    /// nothing executed uses a sunk value, raising helpers return a word.
    pub fn verify(&self) -> Result<(), IrError> {
        let err = |at: usize, message: String| Err(IrError { at, message });
        let loop_at = self.loop_index();
        for (i, inst) in self.insts.iter().enumerate() {
            let info = inst.op.info();
            if let Some(t) = info.ret.fixed()
                && t != inst.ty
            {
                return err(
                    i,
                    format!("{} must have type {t}, has {}", inst.op, inst.ty),
                );
            }
            if info.ret.fixed().is_none() && inst.ty == Type::Void && inst.op != Op::Call {
                return err(i, format!("{} needs a result type", inst.op));
            }
            for (k, (kind, arg)) in info.operands.iter().zip(inst.args.iter()).enumerate() {
                let ok = match (kind, arg) {
                    (kd, Operand::Ref(r)) if kd.is_value() => {
                        if r.is_const() {
                            if r.index() >= self.consts.len() {
                                return err(i, format!("operand {k:?} names no constant"));
                            }
                        } else {
                            let back_edge = inst.op == Op::Phi && k == 1;
                            if r.index() >= self.insts.len() || (!back_edge && r.index() >= i) {
                                return err(i, format!("operand {r:?} used before definition"));
                            }
                        }
                        kind.accepts(self.type_of(*r))
                    }
                    (Kind::Slot, Operand::Slot(_)) | (Kind::Off, Operand::Off(_)) => true,
                    (Kind::Helper, Operand::Helper(h)) => h.index() < self.helpers.len(),
                    (Kind::Args, Operand::Args(a)) => a.index() < self.args.len(),
                    (Kind::Trace, Operand::Trace(_)) => true,
                    _ => false,
                };
                if !ok {
                    return err(
                        i,
                        format!("operand {k} of {} is ill-typed: {arg:?}", inst.op),
                    );
                }
            }
            if info.operands.len() < 3
                && inst.args[info.operands.len()..]
                    .iter()
                    .any(|a| *a != Operand::None)
            {
                return err(i, format!("{} has too many operands", inst.op));
            }
            if matches!(inst.op, Op::Phi) {
                if self.type_of(inst.arg(0)) != inst.ty || self.type_of(inst.arg(1)) != inst.ty {
                    return err(i, "phi operand types differ from its type".into());
                }
                match loop_at {
                    Some(l) if l < i && self.insts[l + 1..i].iter().all(|x| x.op == Op::Phi) => {}
                    _ => return err(i, "phi must directly follow loop".into()),
                }
            }
            if matches!(inst.op, Op::Eq | Op::Ne | Op::GEq | Op::GNe)
                && self.type_of(inst.arg(0)) != self.type_of(inst.arg(1))
            {
                return err(i, format!("{} compares different types", inst.op));
            }
            if matches!(inst.op, Op::Call | Op::New) {
                let (h, args) = self.call_parts(inst);
                let decl = self.helper(h);
                if decl.params.len() != args.len()
                    || decl
                        .params
                        .iter()
                        .zip(args)
                        .any(|(t, a)| self.type_of(*a) != *t)
                {
                    return err(i, format!("arguments do not match helper {}", decl.name));
                }
                if args.iter().any(|a| !a.is_const() && a.index() >= i) {
                    return err(i, "call argument used before definition".into());
                }
                if inst.op == Op::Call && decl.ret != inst.ty {
                    return err(i, format!("call type differs from helper {}", decl.name));
                }
            }
            let is_sunk = |r: IrRef| !r.is_const() && self.insts[r.index()].sunk;
            if inst.sunk {
                let ok = match inst.op {
                    Op::New => true,
                    Op::FStore => is_sunk(inst.arg(0)),
                    Op::Phi => {
                        let is_new = |r: IrRef| is_sunk(r) && self.insts[r.index()].op == Op::New;
                        is_new(inst.arg(0)) && is_new(inst.arg(1))
                    }
                    _ => false,
                };
                if !ok {
                    return err(i, format!("{} cannot be sunk here", inst.op));
                }
            } else if let Some(r) = self.uses(inst).into_iter().find(|r| is_sunk(*r)) {
                return err(
                    i,
                    format!("{} uses sunk {r:?}, which has no value", inst.op),
                );
            }
            if matches!(inst.op, Op::Call | Op::New) {
                let decl = self.helper(self.call_parts(inst).0);
                if decl.effects.contains(Flags::RAISE) && decl.ret == Type::Void {
                    return err(
                        i,
                        format!("raising helper {} must return a word", decl.name),
                    );
                }
            }
            let flags = self.flags_of(inst);
            let needs_snap = flags.contains(Flags::GUARD) || inst.op == Op::Link;
            match inst.snap {
                Some(s) if s.index() >= self.snaps.len() => {
                    return err(i, format!("{s:?} does not exist"));
                }
                None if needs_snap => return err(i, format!("{} needs a snapshot", inst.op)),
                _ => {}
            }
            if flags.contains(Flags::TERM) != (i + 1 == self.insts.len()) {
                return err(i, "a terminator must end the trace, and only there".into());
            }
            if inst.op == Op::Again && loop_at.is_none() {
                return err(i, "again without loop".into());
            }
        }
        if self.insts.is_empty() {
            return err(0, "empty trace".into());
        }
        for (s, snap) in self.snaps.iter().enumerate() {
            for e in self.snap_entries(SnapId(s as u32)) {
                let v = e.value;
                let bad = if v.is_const() {
                    v.index() >= self.consts.len()
                } else {
                    v.index() >= self.insts.len() || v.index() >= snap.at as usize
                };
                if bad {
                    return err(
                        snap.at as usize,
                        format!("snapshot {s} names {v:?} out of range"),
                    );
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn verify_err(text: &str) -> String {
        Trace::parse(text).unwrap_err().message
    }

    #[test]
    fn constants_are_interned() {
        let mut t = Trace::new(TraceId(0));
        assert_eq!(t.kint(5), t.kint(5));
        assert_ne!(t.kint(5), t.konst(Type::Ref, 5), "same bits, other type");
        assert_eq!(t.kfloat(0.0), t.kfloat(0.0));
        assert_ne!(t.kfloat(0.0), t.kfloat(-0.0), "by bit pattern");
        assert_eq!(t.consts().len(), 4);
    }

    #[test]
    fn verify_names_what_is_wrong() {
        let head = "trace t0\nsnap0 [s0 pc 0]\n";
        let cases = [
            ("v0 = add.f64 1, 2\nexit snap0", "must have type"),
            ("v0 = add.i64 1.5, 2\nexit snap0", "ill-typed"),
            ("gtrue true\nexit snap0", "needs a snapshot"),
            (
                "v0 = sload.i64 s0\nexit snap0\nv1 = add.i64 v0, v0",
                "terminator",
            ),
            (
                "v0 = sload.i64 s0\nv1 = phi.i64 v0, v0\nexit snap0",
                "phi must directly follow loop",
            ),
            ("v0 = eq.bool 1, 1.0\nexit snap0", "different types"),
            ("v0 = sload.i64 s0 sunk\nexit snap0", "cannot be sunk"),
        ];
        for (body, want) in cases {
            let msg = verify_err(&format!("{head}{body}"));
            assert!(msg.contains(want), "{body}: {msg}");
        }
        let sunk_use = "trace t0
            helper h0 box() -> ref [alloc]
            v0 = new.ref h0() sunk
            v1 = fload.i64 v0, +8
            snap0 [s0 pc 0] s0=v1
            exit snap0";
        assert!(verify_err(sunk_use).contains("uses sunk"));
        let raise_void = "trace t0
            helper h0 f() -> void [raise]
            snap0 [s0 pc 0]
            call h0() snap0
            exit snap0";
        assert!(verify_err(raise_void).contains("must return a word"));
    }

    #[test]
    fn helper_effects_make_calls_guards_and_effects() {
        let t = Trace::parse(
            "trace t0
             helper h0 f(i64) -> i64 [raise collect]
             helper h1 g(i64) -> i64 [pure]
             snap0 [s0 pc 0]
             v0 = call.i64 h0(1) snap0
             v1 = call.i64 h1(v0)
             snap1 [s0 pc 0] s0=v1
             exit snap1",
        )
        .unwrap();
        let f0 = t.flags_of(&t.insts()[0]);
        assert!(f0.contains(Flags::GUARD | Flags::EFFECT | Flags::COLLECT));
        assert!(t.may_collect(&t.insts()[0]));
        let f1 = t.flags_of(&t.insts()[1]);
        assert!(f1.contains(Flags::PURE) && !f1.contains(Flags::EFFECT));
    }
}
