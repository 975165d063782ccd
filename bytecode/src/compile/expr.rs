//! Expressions. Results go to a register chosen by the caller (`want`) or to
//! a fresh temporary; a local read returns the local's own register, so
//! `a = b + c * d` is two instructions. Every instruction reads all its
//! operands before writing its destination, so a destination may alias an
//! operand.

use ruff_python_ast::{self as ast, BoolOp, CmpOp, Expr, ExprContext, Operator, UnaryOp};
use ruff_text_size::Ranged;

use super::fold::{const_value, is_foldable_kind};
use super::{CResult, Compiler};
use crate::code::Constant;
use crate::opcode::*;

/// Whether an expression contains an assignment expression (outside nested scopes).
pub(crate) fn has_named(e: &Expr) -> bool {
    stacker::maybe_grow(crate::STACK_RED_ZONE, crate::STACK_GROWTH, || {
        has_named_inner(e)
    })
}

fn has_named_inner(e: &Expr) -> bool {
    match e {
        Expr::Named(_) => true,
        Expr::Lambda(_) | Expr::NumberLiteral(_) | Expr::StringLiteral(_) | Expr::Name(_) => false,
        Expr::ListComp(c) => c.generators.first().is_some_and(|g| has_named(&g.iter)),
        Expr::SetComp(c) => c.generators.first().is_some_and(|g| has_named(&g.iter)),
        Expr::DictComp(c) => c.generators.first().is_some_and(|g| has_named(&g.iter)),
        Expr::Generator(c) => c.generators.first().is_some_and(|g| has_named(&g.iter)),
        Expr::BinOp(b) => has_named(&b.left) || has_named(&b.right),
        Expr::UnaryOp(u) => has_named(&u.operand),
        Expr::Attribute(a) => has_named(&a.value),
        Expr::Subscript(s) => has_named(&s.value) || has_named(&s.slice),
        Expr::Call(c) => {
            has_named(&c.func)
                || c.arguments.args.iter().any(has_named)
                || c.arguments.keywords.iter().any(|k| has_named(&k.value))
        }
        Expr::Compare(c) => has_named(&c.left) || c.comparators.iter().any(has_named),
        Expr::BoolOp(b) => b.values.iter().any(has_named),
        Expr::If(i) => has_named(&i.test) || has_named(&i.body) || has_named(&i.orelse),
        Expr::Tuple(t) => t.elts.iter().any(has_named),
        Expr::List(t) => t.elts.iter().any(has_named),
        Expr::Set(t) => t.elts.iter().any(has_named),
        Expr::Dict(d) => d
            .items
            .iter()
            .any(|i| i.key.as_ref().is_some_and(has_named) || has_named(&i.value)),
        Expr::Starred(s) => has_named(&s.value),
        Expr::Await(a) => has_named(&a.value),
        Expr::Yield(y) => y.value.as_deref().is_some_and(has_named),
        Expr::YieldFrom(y) => has_named(&y.value),
        Expr::Slice(s) => [&s.lower, &s.upper, &s.step]
            .into_iter()
            .flatten()
            .any(|e| has_named(e)),
        Expr::FString(_) => true,
        _ => false,
    }
}

/// Expressions that write their destination once, after reading everything.
fn writes_once(e: &Expr) -> bool {
    match e {
        Expr::BoolOp(_) | Expr::If(_) | Expr::Named(_) => false,
        Expr::Compare(c) => c.ops.len() == 1,
        Expr::List(l) => !l.elts.iter().any(|e| e.is_starred_expr()),
        Expr::Tuple(l) => !l.elts.iter().any(|e| e.is_starred_expr()),
        Expr::Set(l) => !l.elts.iter().any(|e| e.is_starred_expr()),
        Expr::Dict(d) => d.items.iter().all(|i| i.key.is_some()),
        _ => true,
    }
}

pub(crate) fn binop_kind(
    op: Operator,
    inplace: bool,
    dst: Reg,
    lhs: Reg,
    rhs: Reg,
    cache: CacheIdx,
) -> Instruction {
    use Instruction as I;
    match (op, inplace) {
        (Operator::Add, false) => I::Add {
            dst,
            lhs,
            rhs,
            cache,
        },
        (Operator::Sub, false) => I::Sub {
            dst,
            lhs,
            rhs,
            cache,
        },
        (Operator::Mult, false) => I::Mul {
            dst,
            lhs,
            rhs,
            cache,
        },
        (Operator::MatMult, false) => I::MatMul {
            dst,
            lhs,
            rhs,
            cache,
        },
        (Operator::Div, false) => I::TrueDiv {
            dst,
            lhs,
            rhs,
            cache,
        },
        (Operator::FloorDiv, false) => I::FloorDiv {
            dst,
            lhs,
            rhs,
            cache,
        },
        (Operator::Mod, false) => I::Mod {
            dst,
            lhs,
            rhs,
            cache,
        },
        (Operator::Pow, false) => I::Pow {
            dst,
            lhs,
            rhs,
            cache,
        },
        (Operator::LShift, false) => I::LShift {
            dst,
            lhs,
            rhs,
            cache,
        },
        (Operator::RShift, false) => I::RShift {
            dst,
            lhs,
            rhs,
            cache,
        },
        (Operator::BitAnd, false) => I::BitAnd {
            dst,
            lhs,
            rhs,
            cache,
        },
        (Operator::BitOr, false) => I::BitOr {
            dst,
            lhs,
            rhs,
            cache,
        },
        (Operator::BitXor, false) => I::BitXor {
            dst,
            lhs,
            rhs,
            cache,
        },
        (Operator::Add, true) => I::InplaceAdd {
            dst,
            lhs,
            rhs,
            cache,
        },
        (Operator::Sub, true) => I::InplaceSub {
            dst,
            lhs,
            rhs,
            cache,
        },
        (Operator::Mult, true) => I::InplaceMul {
            dst,
            lhs,
            rhs,
            cache,
        },
        (Operator::MatMult, true) => I::InplaceMatMul {
            dst,
            lhs,
            rhs,
            cache,
        },
        (Operator::Div, true) => I::InplaceTrueDiv {
            dst,
            lhs,
            rhs,
            cache,
        },
        (Operator::FloorDiv, true) => I::InplaceFloorDiv {
            dst,
            lhs,
            rhs,
            cache,
        },
        (Operator::Mod, true) => I::InplaceMod {
            dst,
            lhs,
            rhs,
            cache,
        },
        (Operator::Pow, true) => I::InplacePow {
            dst,
            lhs,
            rhs,
            cache,
        },
        (Operator::LShift, true) => I::InplaceLShift {
            dst,
            lhs,
            rhs,
            cache,
        },
        (Operator::RShift, true) => I::InplaceRShift {
            dst,
            lhs,
            rhs,
            cache,
        },
        (Operator::BitAnd, true) => I::InplaceBitAnd {
            dst,
            lhs,
            rhs,
            cache,
        },
        (Operator::BitOr, true) => I::InplaceBitOr {
            dst,
            lhs,
            rhs,
            cache,
        },
        (Operator::BitXor, true) => I::InplaceBitXor {
            dst,
            lhs,
            rhs,
            cache,
        },
    }
}

impl<'a> Compiler<'a> {
    pub(crate) fn compare_kind(&mut self, op: CmpOp, dst: Reg, lhs: Reg, rhs: Reg) -> Instruction {
        use Instruction as I;
        match op {
            CmpOp::Eq => I::Eq {
                dst,
                lhs,
                rhs,
                cache: self.cache(),
            },
            CmpOp::NotEq => I::Ne {
                dst,
                lhs,
                rhs,
                cache: self.cache(),
            },
            CmpOp::Lt => I::Lt {
                dst,
                lhs,
                rhs,
                cache: self.cache(),
            },
            CmpOp::LtE => I::Le {
                dst,
                lhs,
                rhs,
                cache: self.cache(),
            },
            CmpOp::Gt => I::Gt {
                dst,
                lhs,
                rhs,
                cache: self.cache(),
            },
            CmpOp::GtE => I::Ge {
                dst,
                lhs,
                rhs,
                cache: self.cache(),
            },
            CmpOp::Is => I::Is { dst, lhs, rhs },
            CmpOp::IsNot => I::IsNot { dst, lhs, rhs },
            CmpOp::In => I::Contains {
                dst,
                item: lhs,
                container: rhs,
            },
            CmpOp::NotIn => I::NotContains {
                dst,
                item: lhs,
                container: rhs,
            },
        }
    }

    /// Evaluates `e` into any register.
    pub fn expr(&mut self, e: &'a Expr) -> CResult<Reg> {
        self.expr_to(e, None)
    }

    /// Evaluates `e` into exactly `dst`.
    pub fn expr_into(&mut self, e: &'a Expr, dst: Reg) -> CResult<()> {
        self.expr_to(e, Some(dst)).map(|_| ())
    }

    /// Evaluates an operand that must keep its value while `later` runs: a
    /// local read is copied when a later operand may rebind it.
    pub fn operand(&mut self, e: &'a Expr, later: &[&'a Expr]) -> CResult<Reg> {
        let r = self.expr(e)?;
        if self.is_named_local(r) && later.iter().any(|l| has_named(l)) {
            let t = self.tmp();
            self.emit(Instruction::Move { dst: t, src: r }, e.range());
            return Ok(t);
        }
        Ok(r)
    }

    pub(crate) fn dst(&mut self, want: Option<Reg>) -> Reg {
        want.unwrap_or_else(|| self.tmp())
    }

    /// Evaluates `e`, into `want` when given.
    pub fn expr_to(&mut self, e: &'a Expr, want: Option<Reg>) -> CResult<Reg> {
        stacker::maybe_grow(crate::STACK_RED_ZONE, crate::STACK_GROWTH, || {
            self.expr_to_inner(e, want)
        })
    }

    pub fn expr_to_inner(&mut self, e: &'a Expr, want: Option<Reg>) -> CResult<Reg> {
        if let Some(d) = want
            && self.is_named_local(d)
            && !writes_once(e)
        {
            let mark = self.mark();
            let r = self.expr_to(e, None)?;
            self.release(mark);
            self.emit(Instruction::Move { dst: d, src: r }, e.range());
            return Ok(d);
        }
        let range = e.range();
        if is_foldable_kind(e)
            && let Some(c) = self.fold(e)
        {
            let d = self.dst(want);
            self.load_const(c, d, range);
            return Ok(d);
        }
        let mark = self.mark();
        match e {
            Expr::Name(n) if n.id.as_str() == "__debug__" && n.ctx == ExprContext::Load => {
                let d = self.dst(want);
                self.load_const(Constant::Bool(self.optimize == 0), d, range);
                Ok(d)
            }
            Expr::Name(n) => {
                if n.ctx != ExprContext::Load {
                    return Err(self.error("invalid syntax", range));
                }
                Ok(self.load_name(n.id.as_str(), want, range))
            }
            Expr::BinOp(b) => {
                let l = self.operand(&b.left, &[&b.right])?;
                let r = self.expr(&b.right)?;
                self.release(mark);
                let d = self.dst(want);
                let cache = self.cache();
                self.emit(binop_kind(b.op, false, d, l, r, cache), range);
                Ok(d)
            }
            Expr::UnaryOp(u) => {
                let v = self.expr(&u.operand)?;
                self.release(mark);
                let d = self.dst(want);
                let ins = match u.op {
                    UnaryOp::Not => Instruction::Not { dst: d, src: v },
                    UnaryOp::USub => Instruction::Neg { dst: d, src: v },
                    UnaryOp::UAdd => Instruction::Pos { dst: d, src: v },
                    UnaryOp::Invert => Instruction::Invert { dst: d, src: v },
                };
                self.emit(ins, range);
                Ok(d)
            }
            Expr::BoolOp(b) => {
                let d = self.dst(want);
                let end = self.new_label();
                let n = b.values.len();
                for (i, v) in b.values.iter().enumerate() {
                    self.expr_into(v, d)?;
                    if i + 1 < n {
                        let target = Self::target(end);
                        let ins = match b.op {
                            BoolOp::And => Instruction::JumpIfFalse { cond: d, target },
                            BoolOp::Or => Instruction::JumpIfTrue { cond: d, target },
                        };
                        self.emit(ins, range);
                    }
                }
                self.bind(end);
                Ok(d)
            }
            Expr::If(i) => {
                let d = self.dst(want);
                let orelse = self.new_label();
                let end = self.new_label();
                self.jump_if(&i.test, false, orelse)?;
                self.expr_into(&i.body, d)?;
                self.jump(end, range);
                self.bind(orelse);
                self.expr_into(&i.orelse, d)?;
                self.bind(end);
                Ok(d)
            }
            Expr::Compare(c) => self.compare(c, want),
            Expr::Call(c) => self.call(c, want),
            Expr::Attribute(a) => {
                if a.ctx != ExprContext::Load {
                    return Err(self.error("invalid syntax", range));
                }
                let obj = self.expr(&a.value)?;
                self.release(mark);
                let d = self.dst(want);
                let name = self.name_idx(&self.mangle(a.attr.as_str()));
                let cache = self.cache();
                self.emit(
                    Instruction::LoadAttr {
                        dst: d,
                        obj,
                        name,
                        cache,
                    },
                    range,
                );
                Ok(d)
            }
            Expr::Subscript(s) => {
                let obj = self.operand(&s.value, &[&s.slice])?;
                let key = self.expr(&s.slice)?;
                self.release(mark);
                let d = self.dst(want);
                let cache = self.cache();
                self.emit(
                    Instruction::GetItem {
                        dst: d,
                        obj,
                        key,
                        cache,
                    },
                    range,
                );
                Ok(d)
            }
            Expr::Slice(s) => {
                let count = if s.step.is_some() { 3 } else { 2 };
                let base = self.window(count);
                for (i, part) in [&s.lower, &s.upper, &s.step]
                    .into_iter()
                    .take(count as usize)
                    .enumerate()
                {
                    let r = Reg(base.0 + i as u32);
                    match part {
                        Some(p) => self.expr_into(p, r)?,
                        None => self.load_const(Constant::None, r, range),
                    }
                }
                self.release(mark);
                let d = self.dst(want);
                self.emit(
                    Instruction::BuildSlice {
                        dst: d,
                        base,
                        count: Count(count),
                    },
                    range,
                );
                Ok(d)
            }
            Expr::Tuple(t) => self.sequence(&t.elts, SeqKind::Tuple, want, range),
            Expr::List(l) => self.sequence(&l.elts, SeqKind::List, want, range),
            Expr::Set(s) => self.sequence(&s.elts, SeqKind::Set, want, range),
            Expr::Dict(d) => self.dict(d, want),
            Expr::Starred(_) => Err(self.error("can't use starred expression here", range)),
            Expr::Named(n) => {
                let Expr::Name(target) = &*n.target else {
                    return Err(self.error("invalid syntax", range));
                };
                let r = self.expr(&n.value)?;
                self.store_name(target.id.as_str(), r, range);
                self.release(mark);
                let d = self.dst(want);
                if d != r {
                    self.emit(Instruction::Move { dst: d, src: r }, range);
                }
                Ok(d)
            }
            Expr::Lambda(l) => self.lambda(l, want),
            Expr::ListComp(c) => self.comprehension(c, &c.generators, want),
            Expr::SetComp(c) => self.comprehension(c, &c.generators, want),
            Expr::DictComp(c) => self.comprehension(c, &c.generators, want),
            Expr::Generator(c) => self.comprehension(c, &c.generators, want),
            Expr::Await(a) => {
                let v = self.expr(&a.value)?;
                self.release(mark);
                let d = self.dst(want);
                self.emit(
                    Instruction::GetAwaitable {
                        dst: d,
                        src: v,
                        kind: Imm(0),
                    },
                    range,
                );
                self.emit(Instruction::YieldFrom { dst: d, iter: d }, range);
                Ok(d)
            }
            Expr::Yield(y) => {
                let v = match &y.value {
                    Some(v) => self.expr(v)?,
                    None => self.const_reg(Constant::None, range),
                };
                self.release(mark);
                let d = self.dst(want);
                self.emit(Instruction::YieldValue { dst: d, src: v }, range);
                Ok(d)
            }
            Expr::YieldFrom(y) => {
                let v = self.expr(&y.value)?;
                self.release(mark);
                let d = self.dst(want);
                self.emit(Instruction::GetYieldFromIter { dst: d, src: v }, range);
                self.emit(Instruction::YieldFrom { dst: d, iter: d }, range);
                Ok(d)
            }
            Expr::FString(f) => self.fstring(f, want),
            Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_) => {
                let c = const_value(e, self.source).unwrap_or(Constant::None);
                let d = self.dst(want);
                self.load_const(c, d, range);
                Ok(d)
            }
            Expr::TString(_) | Expr::IpyEscapeCommand(_) => {
                Err(self.error("invalid syntax", range))
            }
        }
    }

    pub(crate) fn compare(&mut self, c: &'a ast::ExprCompare, want: Option<Reg>) -> CResult<Reg> {
        let range = c.range;
        let mark = self.mark();
        let rest: Vec<&Expr> = c.comparators.iter().collect();
        if c.ops.len() == 1 {
            let l = self.operand(&c.left, &rest)?;
            let r = if matches!(c.ops[0], CmpOp::In | CmpOp::NotIn) {
                self.iter_operand(&c.comparators[0])?
            } else {
                self.expr(&c.comparators[0])?
            };
            self.release(mark);
            let d = self.dst(want);
            let ins = self.compare_kind(c.ops[0], d, l, r);
            self.emit(ins, range);
            return Ok(d);
        }
        let d = self.dst(want);
        let end = self.new_label();
        let mut left = self.operand(&c.left, &rest)?;
        let n = c.ops.len();
        for (i, (op, right)) in c.ops.iter().zip(c.comparators.iter()).enumerate() {
            let r = if i + 1 < n {
                let later: Vec<&Expr> = c.comparators[i + 1..].iter().collect();
                self.operand(right, &later)?
            } else {
                self.expr(right)?
            };
            let ins = self.compare_kind(*op, d, left, r);
            self.emit(ins, range);
            if i + 1 < n {
                self.emit(
                    Instruction::JumpIfFalse {
                        cond: d,
                        target: Self::target(end),
                    },
                    range,
                );
            }
            left = r;
        }
        self.bind(end);
        self.release(mark.max(d.0 + 1));
        Ok(d)
    }

    /// Conditional jump on the truth of `e`: to `label` when truth == `when`.
    pub fn jump_if(&mut self, e: &'a Expr, when: bool, label: super::Label) -> CResult<()> {
        stacker::maybe_grow(crate::STACK_RED_ZONE, crate::STACK_GROWTH, || {
            self.jump_if_inner(e, when, label)
        })
    }

    pub fn jump_if_inner(&mut self, e: &'a Expr, when: bool, label: super::Label) -> CResult<()> {
        let range = e.range();
        match e {
            Expr::UnaryOp(u) if u.op == UnaryOp::Not => {
                return self.jump_if(&u.operand, !when, label);
            }
            Expr::BoolOp(b) => {
                let is_and = b.op == BoolOp::And;
                let n = b.values.len();
                if is_and != when {
                    // `a and b` jumping when false / `a or b` jumping when true: any operand decides.
                    for v in &b.values {
                        self.jump_if(v, when, label)?;
                    }
                } else {
                    let skip = self.new_label();
                    for (i, v) in b.values.iter().enumerate() {
                        if i + 1 < n {
                            self.jump_if(v, !when, skip)?;
                        } else {
                            self.jump_if(v, when, label)?;
                        }
                    }
                    self.bind(skip);
                }
                return Ok(());
            }
            _ => {}
        }
        if let Some(c) = is_foldable_kind(e).then(|| self.fold(e)).flatten() {
            let truth = match c {
                Constant::None => Some(false),
                Constant::Bool(b) => Some(b),
                Constant::Int(i) => Some(i != 0),
                Constant::Str(s) => Some(!s.as_bytes().is_empty()),
                _ => None,
            };
            if let Some(t) = truth {
                if t == when {
                    self.jump(label, range);
                }
                return Ok(());
            }
        }
        let mark = self.mark();
        let cond = self.expr(e)?;
        self.release(mark);
        let target = Self::target(label);
        let ins = if when {
            Instruction::JumpIfTrue { cond, target }
        } else {
            Instruction::JumpIfFalse { cond, target }
        };
        self.emit(ins, range);
        Ok(())
    }

    // ---- calls ------------------------------------------------------------------

    // ---- collections -------------------------------------------------------------

    // ---- f-strings ------------------------------------------------------------------

    // ---- functions, lambdas, comprehensions ----------------------------------------
}

/// What a display builds.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum SeqKind {
    Tuple,
    List,
    Set,
}

impl SeqKind {
    pub(crate) fn build(self, dst: Reg, base: Reg, n: u32) -> Instruction {
        // An empty window names no register; point it at `dst`.
        let base = if n == 0 { dst } else { base };
        let count = Count(n);
        match self {
            SeqKind::Tuple => Instruction::BuildTuple { dst, base, count },
            SeqKind::List => Instruction::BuildList { dst, base, count },
            SeqKind::Set => Instruction::BuildSet { dst, base, count },
        }
    }
}

pub(crate) enum PartText {
    Lit(crate::pystr::PyStr),
}

pub(crate) enum FPart<'a> {
    Text(PartText),
    Value(&'a ast::InterpolatedElement),
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum CompKind {
    List,
    Set,
    Dict,
    Gen,
}

/// Uniform access to the four comprehension node types.
pub(crate) trait CompNode<'a> {
    fn kind(&self) -> CompKind;
    fn elt(&'a self) -> &'a Expr;
    fn key(&'a self) -> Option<&'a Expr> {
        None
    }
}

impl<'a> CompNode<'a> for ast::ExprListComp {
    fn kind(&self) -> CompKind {
        CompKind::List
    }
    fn elt(&'a self) -> &'a Expr {
        &self.elt
    }
}

impl<'a> CompNode<'a> for ast::ExprSetComp {
    fn kind(&self) -> CompKind {
        CompKind::Set
    }
    fn elt(&'a self) -> &'a Expr {
        &self.elt
    }
}

impl<'a> CompNode<'a> for ast::ExprGenerator {
    fn kind(&self) -> CompKind {
        CompKind::Gen
    }
    fn elt(&'a self) -> &'a Expr {
        &self.elt
    }
}

impl<'a> CompNode<'a> for ast::ExprDictComp {
    fn kind(&self) -> CompKind {
        CompKind::Dict
    }
    fn elt(&'a self) -> &'a Expr {
        &self.value
    }
    fn key(&'a self) -> Option<&'a Expr> {
        self.key.as_deref()
    }
}
