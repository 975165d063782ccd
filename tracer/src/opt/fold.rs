//! Constant folding and algebraic simplification, driven by a fold table.
//!
//! The table [`FOLD_RULES`] maps patterns `op left right` to small named
//! fold functions. A pattern operand is `Any`, `K` (a constant) or `Of(op)`
//! (an instruction with that op). For each instruction the rules whose
//! pattern matches are tried in table order; a fold function answers:
//!
//! * [`Fold::Next`]: does not apply; try the next matching rule (if none is
//!   left, the instruction is emitted as it is);
//! * [`Fold::Value`]: the instruction's value is this existing value or
//!   constant; nothing is emitted;
//! * [`Fold::Drop`]: the instruction (a guard) always passes; it is removed;
//! * [`Fold::Retry`]: replace the instruction by this simpler one and fold
//!   that from the first rule again.
//!
//! Constant evaluation uses [`crate::interp::eval_pure`], the reference
//! interpreter's own semantics, so folding cannot disagree with execution.

use crate::interp::{eval_ov, eval_pure};
use crate::ir::{Flags, Inst, IrRef, Op, Operand, Type};
use crate::opt::Rewriter;
use crate::trace::Trace;

/// An operand pattern.
#[derive(Clone, Copy, Debug)]
pub enum Pat {
    /// Anything.
    Any,
    /// A constant.
    K,
    /// An instruction with this op.
    Of(Op),
}

/// A fold function's answer (see the module docs for the protocol).
#[derive(Clone, Debug)]
pub enum Fold {
    /// Try the next rule.
    Next,
    /// The instruction equals this value.
    Value(IrRef),
    /// The guard always passes: remove it.
    Drop,
    /// Fold this replacement instead.
    Retry(Inst),
}

/// A fold function: the trace being built (operands already translated)
/// and the instruction.
pub type FoldFn = fn(&mut Trace, &Inst) -> Fold;

/// A fold rule: pattern and function.
pub struct FoldRule {
    /// The op.
    pub op: Op,
    /// Left operand pattern.
    pub left: Pat,
    /// Right operand pattern.
    pub right: Pat,
    /// The function's name (for debugging and docs).
    pub name: &'static str,
    /// The function.
    pub f: FoldFn,
}

macro_rules! fold_rules {
    ($( $op:ident $l:ident$(($lo:ident))? $r:ident$(($ro:ident))? => $f:ident; )*) => {
        /// The fold table.
        pub static FOLD_RULES: &[FoldRule] = &[
            $( FoldRule {
                op: Op::$op,
                left: fold_rules!(@pat $l $($lo)?),
                right: fold_rules!(@pat $r $($ro)?),
                name: stringify!($f),
                f: $f,
            }, )*
        ];
    };
    (@pat Any) => { Pat::Any };
    (@pat K) => { Pat::K };
    (@pat Of $o:ident) => { Pat::Of(Op::$o) };
}

fold_rules! {
    // Constant operands everywhere: evaluate.
    Add K K => kfold; Sub K K => kfold; Mul K K => kfold;
    And K K => kfold; Or K K => kfold; Xor K K => kfold;
    Shl K K => kfold; Shr K K => kfold; Sar K K => kfold;
    Eq K K => kfold; Ne K K => kfold;
    Lt K K => kfold; Le K K => kfold; Gt K K => kfold; Ge K K => kfold;
    FAdd K K => kfold; FSub K K => kfold; FMul K K => kfold; FDiv K K => kfold;
    FEq K K => kfold; FNe K K => kfold; FLt K K => kfold; FLe K K => kfold;
    FGt K K => kfold; FGe K K => kfold;
    Neg K Any => kfold; Not K Any => kfold; FNeg K Any => kfold;
    I2F K Any => kfold; F2I K Any => kfold; F2Bits K Any => kfold; Bits2F K Any => kfold;
    Ptr2I K Any => kfold; I2Ptr K Any => kfold; B2I K Any => kfold;
    Ref2I K Any => kfold; I2Ref K Any => kfold;
    AddOv K K => kfold_ov; SubOv K K => kfold_ov; MulOv K K => kfold_ov;
    // Constants go to the right of commutative ops.
    Add K Any => swap_const; Mul K Any => swap_const; And K Any => swap_const;
    Or K Any => swap_const; Xor K Any => swap_const; AddOv K Any => swap_const;
    MulOv K Any => swap_const; FAdd K Any => swap_const; FMul K Any => swap_const;
    Eq K Any => swap_const; Ne K Any => swap_const;
    // Identities.
    Add Any K => right_zero_is_left; Sub Any K => right_zero_is_left;
    Or Any K => right_zero_is_left; Xor Any K => right_zero_is_left;
    Shl Any K => right_zero_is_left; Shr Any K => right_zero_is_left; Sar Any K => right_zero_is_left;
    AddOv Any K => right_zero_is_left; SubOv Any K => right_zero_is_left;
    Mul Any K => mul_by_const; MulOv Any K => mul_by_const;
    And Any K => and_by_const; Or Any K => or_ones;
    Sub Any K => sub_const_to_add;
    Add Of(Add) K => reassociate_add;
    Shl Of(Or) K => shl_drops_high_const; Shl Of(Shr) K => shl_undoes_shr;
    Sub Any Any => same_operands; Xor Any Any => same_operands;
    And Any Any => same_operands; Or Any Any => same_operands;
    Eq Any Any => same_operands; Ne Any Any => same_operands;
    Lt Any Any => same_operands; Gt Any Any => same_operands;
    Le Any Any => same_operands; Ge Any Any => same_operands;
    SubOv Any Any => same_operands;
    Neg Of(Neg) Any => involution; Not Of(Not) Any => involution; FNeg Of(FNeg) Any => involution;
    F2Bits Of(Bits2F) Any => involution; Bits2F Of(F2Bits) Any => involution;
    Ref2I Of(I2Ref) Any => involution; I2Ref Of(Ref2I) Any => involution;
    Ptr2I Of(I2Ptr) Any => involution; I2Ptr Of(Ptr2I) Any => involution;
    Ne Of(B2I) K => bool_ne_zero;
    // Guards with known outcomes.
    GTrue K Any => guard_const; GFalse K Any => guard_const;
    GTrue Of(Not) Any => guard_not; GFalse Of(Not) Any => guard_not;
    GEq K K => guard_const; GNe K K => guard_const; GEq Any Any => guard_same;
    GEq K Any => swap_const; GNe K Any => swap_const;
    GTag K Any => guard_const;
}

fn konst(t: &Trace, r: IrRef) -> Option<u64> {
    t.get_const(r).map(|c| c.bits)
}

fn kfold(t: &mut Trace, i: &Inst) -> Fold {
    let a = konst(t, i.arg(0)).expect("pattern K");
    let b = if i.op.info().operands.len() > 1 {
        konst(t, i.arg(1)).expect("pattern K")
    } else {
        0
    };
    match eval_pure(i.op, a, b) {
        Some(v) => Fold::Value(t.konst(i.ty, v)),
        None => Fold::Next,
    }
}

fn kfold_ov(t: &mut Trace, i: &Inst) -> Fold {
    let (a, b) = (konst(t, i.arg(0)).unwrap(), konst(t, i.arg(1)).unwrap());
    match eval_ov(i.op, a, b) {
        Some(v) => Fold::Value(t.kint(v as i64)),
        None => Fold::Next, // always exits: keep the guard
    }
}

fn swap_const(_: &mut Trace, i: &Inst) -> Fold {
    if i.arg(1).is_const() {
        return Fold::Next;
    }
    let mut n = i.clone();
    n.args.swap(0, 1);
    Fold::Retry(n)
}

fn right_zero_is_left(t: &mut Trace, i: &Inst) -> Fold {
    let k = konst(t, i.arg(1)).unwrap();
    let zero_shift = matches!(i.op, Op::Shl | Op::Shr | Op::Sar) && k & 63 == 0;
    if k == 0 || zero_shift {
        Fold::Value(i.arg(0))
    } else {
        Fold::Next
    }
}

fn mul_by_const(t: &mut Trace, i: &Inst) -> Fold {
    match konst(t, i.arg(1)).unwrap() as i64 {
        0 => Fold::Value(t.kint(0)),
        1 => Fold::Value(i.arg(0)),
        2 => {
            // x * 2 == x + x (and overflows exactly when it does).
            let op = if i.op == Op::MulOv {
                Op::AddOv
            } else {
                Op::Add
            };
            let mut n = Inst::new(
                op,
                Type::I64,
                &[Operand::Ref(i.arg(0)), Operand::Ref(i.arg(0))],
            );
            n.snap = i.snap;
            Fold::Retry(n)
        }
        k if i.op == Op::Mul && k > 0 && (k as u64).is_power_of_two() => {
            let s = t.kint(k.trailing_zeros() as i64);
            Fold::Retry(Inst::new(
                Op::Shl,
                Type::I64,
                &[Operand::Ref(i.arg(0)), Operand::Ref(s)],
            ))
        }
        _ => Fold::Next,
    }
}

fn and_by_const(t: &mut Trace, i: &Inst) -> Fold {
    match konst(t, i.arg(1)).unwrap() {
        0 => Fold::Value(i.arg(1)),
        u64::MAX => Fold::Value(i.arg(0)),
        _ => Fold::Next,
    }
}

fn or_ones(t: &mut Trace, i: &Inst) -> Fold {
    if konst(t, i.arg(1)) == Some(u64::MAX) {
        Fold::Value(i.arg(1))
    } else {
        Fold::Next
    }
}

fn sub_const_to_add(t: &mut Trace, i: &Inst) -> Fold {
    let k = konst(t, i.arg(1)).unwrap() as i64;
    let neg = t.kint(k.wrapping_neg());
    Fold::Retry(Inst::new(
        Op::Add,
        Type::I64,
        &[Operand::Ref(i.arg(0)), Operand::Ref(neg)],
    ))
}

fn reassociate_add(t: &mut Trace, i: &Inst) -> Fold {
    let inner = t.inst(i.arg(0)).clone();
    let (Some(k1), Some(k2)) = (konst(t, inner.arg(1)), konst(t, i.arg(1))) else {
        return Fold::Next;
    };
    let k = t.kint((k1 as i64).wrapping_add(k2 as i64));
    Fold::Retry(Inst::new(
        Op::Add,
        Type::I64,
        &[Operand::Ref(inner.arg(0)), Operand::Ref(k)],
    ))
}

/// `(x | K) << k` is `x << k` when `K`'s bits all shift out (a tag).
fn shl_drops_high_const(t: &mut Trace, i: &Inst) -> Fold {
    let inner = t.inst(i.arg(0)).clone();
    let (Some(kor), Some(k)) = (konst(t, inner.arg(1)), konst(t, i.arg(1))) else {
        return Fold::Next;
    };
    if kor.wrapping_shl(k as u32 & 63) != 0 {
        return Fold::Next;
    }
    Fold::Retry(Inst::new(
        Op::Shl,
        Type::I64,
        &[Operand::Ref(inner.arg(0)), Operand::Ref(i.arg(1))],
    ))
}

/// `(x >> k) << k` (logical) clears the low `k` bits.
fn shl_undoes_shr(t: &mut Trace, i: &Inst) -> Fold {
    let inner = t.inst(i.arg(0)).clone();
    let (Some(k1), Some(k2)) = (konst(t, inner.arg(1)), konst(t, i.arg(1))) else {
        return Fold::Next;
    };
    let k = k2 & 63;
    if k1 & 63 != k || k == 0 {
        return Fold::Next;
    }
    let mask = t.kint(!((1u64 << k) - 1) as i64);
    Fold::Retry(Inst::new(
        Op::And,
        Type::I64,
        &[Operand::Ref(inner.arg(0)), Operand::Ref(mask)],
    ))
}

fn same_operands(t: &mut Trace, i: &Inst) -> Fold {
    if i.arg(0) != i.arg(1) {
        return Fold::Next;
    }
    let x = i.arg(0);
    match i.op {
        Op::Sub | Op::Xor | Op::SubOv => Fold::Value(t.kint(0)),
        Op::And | Op::Or => Fold::Value(x),
        Op::Eq | Op::Le | Op::Ge => Fold::Value(t.kbool(true)),
        Op::Ne | Op::Lt | Op::Gt => Fold::Value(t.kbool(false)),
        _ => Fold::Next,
    }
}

fn involution(t: &mut Trace, i: &Inst) -> Fold {
    Fold::Value(t.inst(i.arg(0)).arg(0))
}

fn bool_ne_zero(t: &mut Trace, i: &Inst) -> Fold {
    if konst(t, i.arg(1)) == Some(0) {
        Fold::Value(t.inst(i.arg(0)).arg(0))
    } else {
        Fold::Next
    }
}

fn guard_const(t: &mut Trace, i: &Inst) -> Fold {
    let vals: Vec<Option<u64>> = i.value_args().map(|r| konst(t, r)).collect();
    if vals.iter().any(Option::is_none) {
        return Fold::Next;
    }
    let v: Vec<u64> = vals.into_iter().map(Option::unwrap).collect();
    let passes = match i.op {
        Op::GTrue => v[0] != 0,
        Op::GFalse => v[0] == 0,
        Op::GEq => v[0] == v[1],
        Op::GNe => v[0] != v[1],
        Op::GTag => v[0] & v[1] == v[2],
        _ => false,
    };
    // A guard that always fails stays: the trace always exits there.
    if passes { Fold::Drop } else { Fold::Next }
}

fn guard_not(t: &mut Trace, i: &Inst) -> Fold {
    let x = t.inst(i.arg(0)).arg(0);
    let op = if i.op == Op::GTrue {
        Op::GFalse
    } else {
        Op::GTrue
    };
    let mut n = Inst::new(op, Type::Void, &[Operand::Ref(x)]);
    n.snap = i.snap;
    Fold::Retry(n)
}

fn guard_same(_: &mut Trace, i: &Inst) -> Fold {
    if i.arg(0) == i.arg(1) {
        Fold::Drop
    } else {
        Fold::Next
    }
}

/// `w & mask`, if it is known from how `w` was built (constants, `or`
/// with a constant, `and`, logical shifts, casts, and phis whose entry and
/// back-edge values agree). NaN-boxing VMs build tagged words this way, so
/// this proves tag guards on re-boxed values, also around a loop.
pub fn masked_bits(
    t: &Trace,
    w: IrRef,
    mask: u64,
    assume: Option<(IrRef, u64)>,
    depth: u32,
) -> Option<u64> {
    let mut budget = 64;
    known_bits(t, w, mask, assume, depth, &mut budget)
}

/// [`masked_bits`] with a bound on the instructions visited (arithmetic
/// has two operands, so unbounded recursion could blow up on long traces).
fn known_bits(
    t: &Trace,
    w: IrRef,
    mask: u64,
    assume: Option<(IrRef, u64)>,
    depth: u32,
    budget: &mut u32,
) -> Option<u64> {
    if mask == 0 {
        return Some(0);
    }
    if let Some(c) = t.get_const(w) {
        return Some(c.bits & mask);
    }
    if let Some((r, v)) = assume
        && r == w
    {
        return Some(v);
    }
    if depth == 0 || *budget == 0 {
        return None;
    }
    *budget -= 1;
    let i = t.inst(w);
    let k = |n: usize| {
        i.args[n]
            .as_ref()
            .and_then(|r| t.get_const(r))
            .map(|c| c.bits)
    };
    match i.op {
        Op::Or => {
            let kb = k(1)?;
            known_bits(t, i.arg(0), mask & !kb, assume, depth - 1, budget).map(|x| x | (kb & mask))
        }
        Op::And => {
            let kb = k(1)?;
            known_bits(t, i.arg(0), mask & kb, assume, depth - 1, budget)
        }
        Op::Shr => {
            let sh = k(1)? & 63;
            (mask & (u64::MAX >> sh) == 0).then_some(0)
        }
        Op::Shl => {
            let sh = k(1)? & 63;
            (mask & ((1u64 << sh) - 1) == mask).then_some(0)
        }
        Op::Add | Op::Sub | Op::AddOv | Op::SubOv | Op::Mul | Op::MulOv => {
            // Low bits that are zero in both operands stay zero.
            let low = u64::MAX >> mask.leading_zeros();
            let a = known_bits(t, i.arg(0), low, assume, depth - 1, budget)?;
            let b = known_bits(t, i.arg(1), low, assume, depth - 1, budget)?;
            (a == 0 && b == 0).then_some(0)
        }
        Op::Ref2I | Op::I2Ref => known_bits(t, i.arg(0), mask, assume, depth - 1, budget),
        Op::Phi if assume.is_none() => {
            let v = known_bits(t, i.arg(0), mask, None, depth - 1, budget)?;
            let back = known_bits(t, i.arg(1), mask, Some((w, v)), depth - 1, budget)?;
            (back == v).then_some(v)
        }
        _ => None,
    }
}

fn matches(t: &Trace, p: Pat, r: Option<IrRef>) -> bool {
    match (p, r) {
        (Pat::Any, _) => true,
        (Pat::K, Some(r)) => r.is_const(),
        (Pat::Of(op), Some(r)) => !r.is_const() && t.inst(r).op == op,
        _ => false,
    }
}

/// Folds one instruction against the table; `None` means "dropped".
/// Returns the value the instruction is equal to, or the instruction to emit.
pub fn fold_inst(t: &mut Trace, mut inst: Inst) -> Result<IrRef, Option<Inst>> {
    'retry: for _ in 0..16 {
        if inst.sunk || inst.op.flags().contains(Flags::HELPER) {
            break;
        }
        let left = inst.args[0].as_ref();
        let right = inst.args[1].as_ref();
        for rule in FOLD_RULES.iter().filter(|r| r.op == inst.op) {
            if !matches(t, rule.left, left) || !matches(t, rule.right, right) {
                continue;
            }
            match (rule.f)(t, &inst) {
                Fold::Next => continue,
                Fold::Value(v) => return Ok(v),
                Fold::Drop => return Err(None),
                Fold::Retry(n) => {
                    inst = n;
                    continue 'retry;
                }
            }
        }
        break;
    }
    Err(Some(inst))
}

/// The fold pass: every instruction through the fold table.
pub fn fold(trace: &Trace) -> Trace {
    let mut rw = Rewriter::new(trace);
    for i in 0..trace.len() {
        let inst = rw.translate(i);
        match fold_inst(&mut rw.new, inst) {
            Ok(v) => rw.set(i, v),
            Err(Some(inst)) => {
                let r = rw.emit(inst);
                rw.set(i, r);
            }
            Err(None) => {
                // A dropped guard has no value; nothing may refer to it.
                let nop = rw.new.kint(0);
                rw.set(i, nop);
            }
        }
    }
    drop_known_bits(&rw.finish())
}

/// Whether float `r` can never be a NaN: IEEE guarantees it for integer
/// conversions and non-NaN constants, and negation keeps it.
fn never_nan(t: &Trace, r: IrRef, depth: u32) -> bool {
    if let Some(c) = t.get_const(r) {
        return !c.as_f64().is_nan();
    }
    if depth == 0 {
        return false;
    }
    let i = t.inst(r);
    match i.op {
        Op::I2F => true,
        Op::FNeg => never_nan(t, i.arg(0), depth - 1),
        Op::Bits2F => {
            let a = i.arg(0);
            !a.is_const() && t.inst(a).op == Op::F2Bits && never_nan(t, t.inst(a).arg(0), depth - 1)
        }
        _ => false,
    }
}

/// Whether `w` is `f2bits(x) & M` with `x` never NaN while `tag` (under
/// `M`) is a NaN pattern: then `w != tag` always holds. This is how a
/// NaN-boxing VM's "is it a float?" check looks on a converted integer.
fn never_matches_nan_tag(t: &Trace, w: IrRef, tag: u64) -> bool {
    const EXP: u64 = 0x7ff0_0000_0000_0000;
    const MANT: u64 = 0x000f_ffff_ffff_ffff;
    if w.is_const() {
        return false;
    }
    let i = t.inst(w);
    let Some(mask) = (i.op == Op::And)
        .then(|| t.get_const(i.arg(1)))
        .flatten()
        .map(|c| c.bits)
    else {
        return false;
    };
    let nan_pattern = mask & EXP == EXP && tag & EXP == EXP && tag & mask & MANT != 0;
    let inner = i.arg(0);
    nan_pattern
        && !inner.is_const()
        && t.inst(inner).op == Op::F2Bits
        && never_nan(t, t.inst(inner).arg(0), 4)
}

/// The known-bits step of the fold pass, on the finished trace (phi back
/// edges resolved): removes tag guards whose outcome [`masked_bits`]
/// proves, and `and`s that clear only bits already known to be zero.
fn drop_known_bits(trace: &Trace) -> Trace {
    let konst = |r: IrRef| trace.get_const(r).map(|c| c.bits);
    let known = |i: &Inst| match i.op {
        Op::GTag => match (konst(i.arg(1)), konst(i.arg(2))) {
            (Some(m), Some(tag)) => masked_bits(trace, i.arg(0), m, None, 8) == Some(tag),
            _ => false,
        },
        Op::And => {
            konst(i.arg(1)).is_some_and(|k| masked_bits(trace, i.arg(0), !k, None, 8) == Some(0))
        }
        Op::GNe => match konst(i.arg(1)) {
            Some(tag) => never_matches_nan_tag(trace, i.arg(0), tag),
            None => false,
        },
        _ => false,
    };
    let drop: Vec<bool> = trace.insts().iter().map(known).collect();
    if !drop.contains(&true) {
        return trace.clone();
    }
    let mut rw = Rewriter::new(trace);
    for (i, inst) in trace.insts().iter().enumerate() {
        match (drop[i], inst.op) {
            (true, Op::GTag | Op::GNe) => {
                let nop = rw.new.kint(0);
                rw.set(i, nop);
            }
            (true, _) => rw.set(i, rw.subst(inst.arg(0))),
            _ => {
                rw.copy(i);
            }
        }
    }
    rw.finish()
}
