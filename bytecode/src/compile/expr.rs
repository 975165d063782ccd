//! Expressions. Results go to a register chosen by the caller (`want`) or to
//! a fresh temporary; a local read returns the local's own register, so
//! `a = b + c * d` is two instructions. Every instruction reads all its
//! operands before writing its destination, so a destination may alias an
//! operand.

use std::sync::Arc;

use ruff_python_ast::{self as ast, BoolOp, CmpOp, Expr, ExprContext, Operator, UnaryOp};
use ruff_text_size::{Ranged, TextRange};

use super::fold::{const_value, is_foldable_kind};
use super::{CResult, Compiler};
use crate::code::Constant;
use crate::opcode::*;

/// Whether an expression contains an assignment expression (outside nested scopes).
pub(crate) fn has_named(e: &Expr) -> bool {
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
    fn compare_kind(&mut self, op: CmpOp, dst: Reg, lhs: Reg, rhs: Reg) -> Instruction {
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

    fn dst(&mut self, want: Option<Reg>) -> Reg {
        want.unwrap_or_else(|| self.tmp())
    }

    pub fn expr_to(&mut self, e: &'a Expr, want: Option<Reg>) -> CResult<Reg> {
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
            && let Some(c) = const_value(e, self.source)
        {
            let d = self.dst(want);
            self.load_const(c, d, range);
            return Ok(d);
        }
        let mark = self.mark();
        match e {
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

    fn compare(&mut self, c: &'a ast::ExprCompare, want: Option<Reg>) -> CResult<Reg> {
        let range = c.range;
        let mark = self.mark();
        let rest: Vec<&Expr> = c.comparators.iter().collect();
        if c.ops.len() == 1 {
            let l = self.operand(&c.left, &rest)?;
            let r = self.expr(&c.comparators[0])?;
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
                let r = self.operand(right, &later)?;
                if self.is_named_local(r) {
                    r
                } else {
                    self.copy_to_fresh(r, right.range())
                }
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

    fn copy_to_fresh(&mut self, r: Reg, range: TextRange) -> Reg {
        // Temporaries are already private; keep them.
        let _ = range;
        r
    }

    /// Conditional jump on the truth of `e`: to `label` when truth == `when`.
    pub fn jump_if(&mut self, e: &'a Expr, when: bool, label: super::Label) -> CResult<()> {
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
        if let Some(c) = is_foldable_kind(e)
            .then(|| const_value(e, self.source))
            .flatten()
        {
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

    pub fn call(&mut self, c: &'a ast::ExprCall, want: Option<Reg>) -> CResult<Reg> {
        let range = c.range();
        let args = &c.arguments;
        let dynamic = args.args.iter().any(|a| a.is_starred_expr())
            || args.keywords.iter().any(|k| k.arg.is_none());
        if dynamic {
            return self.call_ex(&c.func, args, want, range);
        }
        let mark = self.mark();
        let nargs = (args.args.len() + args.keywords.len()) as u32;
        let method = matches!(&*c.func, Expr::Attribute(_));
        let base;
        let first_arg;
        if let Expr::Attribute(a) = &*c.func {
            base = self.window(2 + nargs);
            let obj = self.expr(&a.value)?;
            let name = self.name_idx(&self.mangle(a.attr.as_str()));
            let cache = self.cache();
            self.emit(
                Instruction::LoadMethod {
                    dst: base,
                    obj,
                    name,
                    cache,
                },
                a.range,
            );
            first_arg = base.0 + 2;
        } else {
            base = self.window(1 + nargs);
            self.expr_into(&c.func, base)?;
            first_arg = base.0 + 1;
        }
        self.call_args(args, first_arg)?;
        self.release(mark);
        let d = self.dst(want);
        self.emit_call(method, d, base, nargs, args, range);
        Ok(d)
    }

    /// Evaluates positional then keyword argument values into consecutive registers.
    fn call_args(&mut self, args: &'a ast::Arguments, first: u32) -> CResult<()> {
        let mut slot = first;
        for a in args.args.iter() {
            self.expr_into(a, Reg(slot))?;
            slot += 1;
        }
        for k in args.keywords.iter() {
            self.expr_into(&k.value, Reg(slot))?;
            slot += 1;
        }
        Ok(())
    }

    fn emit_call(
        &mut self,
        method: bool,
        dst: Reg,
        base: Reg,
        nargs: u32,
        args: &ast::Arguments,
        range: TextRange,
    ) {
        if !args.keywords.is_empty() {
            let names: Vec<Constant> = args
                .keywords
                .iter()
                .map(|k| Constant::Str(k.arg.as_ref().map_or("", |a| a.as_str()).into()))
                .collect();
            let names = self.add_const(Constant::Tuple(Arc::from(names)));
            self.emit(Instruction::KwNames { names }, range);
        }
        let cache = self.cache();
        let argc = Count(nargs);
        let ins = if method {
            Instruction::CallMethod {
                dst,
                base,
                argc,
                cache,
            }
        } else {
            Instruction::Call {
                dst,
                base,
                argc,
                cache,
            }
        };
        self.emit(ins, range);
    }

    /// `f(*args, **kwargs)` and any call mixing unpacking.
    pub fn call_ex(
        &mut self,
        func: &'a Expr,
        args: &'a ast::Arguments,
        want: Option<Reg>,
        range: TextRange,
    ) -> CResult<Reg> {
        let mark = self.mark();
        let f = self.tmp();
        self.expr_into(func, f)?;
        let tuple = self.tmp();
        let elts: Vec<&'a Expr> = args.args.iter().collect();
        self.build_sequence(&elts, SeqKind::Tuple, tuple, range)?;
        let kwargs = if args.keywords.is_empty() {
            None
        } else {
            let dict = self.tmp();
            self.emit(
                Instruction::BuildMap {
                    dst: dict,
                    base: dict,
                    count: Count(0),
                },
                range,
            );
            let mut pending: Vec<&'a ast::Keyword> = Vec::new();
            for k in args.keywords.iter() {
                if k.arg.is_some() {
                    pending.push(k);
                    continue;
                }
                self.flush_keywords(&mut pending, dict, f, range)?;
                let m = self.mark();
                let v = self.expr(&k.value)?;
                self.emit(
                    Instruction::DictMerge {
                        dict,
                        src: v,
                        func: f,
                    },
                    k.range,
                );
                self.release(m);
            }
            self.flush_keywords(&mut pending, dict, f, range)?;
            Some(dict)
        };
        self.release(mark);
        let d = self.dst(want);
        let ins = match kwargs {
            Some(kwargs) => Instruction::CallExKw {
                dst: d,
                func: f,
                args: tuple,
                kwargs,
            },
            None => Instruction::CallEx {
                dst: d,
                func: f,
                args: tuple,
            },
        };
        self.emit(ins, range);
        Ok(d)
    }

    fn flush_keywords(
        &mut self,
        pending: &mut Vec<&'a ast::Keyword>,
        dict: Reg,
        func: Reg,
        range: TextRange,
    ) -> CResult<()> {
        if pending.is_empty() {
            return Ok(());
        }
        let m = self.mark();
        let n = pending.len() as u32;
        let base = self.window(2 * n);
        for (i, k) in pending.iter().enumerate() {
            let name = k.arg.as_ref().map_or("", |a| a.as_str());
            self.load_const(
                Constant::Str(name.into()),
                Reg(base.0 + 2 * i as u32),
                k.range,
            );
            self.expr_into(&k.value, Reg(base.0 + 2 * i as u32 + 1))?;
        }
        let tmp = self.tmp();
        self.emit(
            Instruction::BuildMap {
                dst: tmp,
                base,
                count: Count(n),
            },
            range,
        );
        self.emit(
            Instruction::DictMerge {
                dict,
                src: tmp,
                func,
            },
            range,
        );
        self.release(m);
        pending.clear();
        Ok(())
    }

    // ---- collections -------------------------------------------------------------

    fn sequence(
        &mut self,
        elts: &'a [Expr],
        kind: SeqKind,
        want: Option<Reg>,
        range: TextRange,
    ) -> CResult<Reg> {
        let refs: Vec<&'a Expr> = elts.iter().collect();
        let starred = elts.iter().any(|e| e.is_starred_expr());
        if !starred {
            let mark = self.mark();
            let n = elts.len() as u32;
            let base = self.window(n);
            for (i, e) in elts.iter().enumerate() {
                self.expr_into(e, Reg(base.0 + i as u32))?;
            }
            self.release(mark);
            let d = self.dst(want);
            self.emit(kind.build(d, base, n), range);
            return Ok(d);
        }
        let d = self.dst(want);
        self.build_sequence(&refs, kind, d, range)?;
        Ok(d)
    }

    /// Builds a tuple/list/set with possible `*x` items into `dst` (a temporary).
    pub fn build_sequence(
        &mut self,
        elts: &[&'a Expr],
        kind: SeqKind,
        dst: Reg,
        range: TextRange,
    ) -> CResult<()> {
        let mark = self.mark();
        let lead = elts.iter().take_while(|e| !e.is_starred_expr()).count();
        if lead == elts.len() {
            let base = self.window(lead as u32);
            for (i, e) in elts.iter().enumerate() {
                self.expr_into(e, Reg(base.0 + i as u32))?;
            }
            self.emit(kind.build(dst, base, lead as u32), range);
            self.release(mark);
            return Ok(());
        }
        let acc_kind = if kind == SeqKind::Set {
            SeqKind::Set
        } else {
            SeqKind::List
        };
        let base = self.window(lead as u32);
        for (i, e) in elts[..lead].iter().enumerate() {
            self.expr_into(e, Reg(base.0 + i as u32))?;
        }
        let acc = if kind == SeqKind::Tuple {
            self.tmp()
        } else {
            dst
        };
        self.emit(acc_kind.build(acc, base, lead as u32), range);
        for e in &elts[lead..] {
            let m = self.mark();
            match e {
                Expr::Starred(s) => {
                    let v = self.expr(&s.value)?;
                    let ins = if acc_kind == SeqKind::Set {
                        Instruction::SetUpdate { set: acc, src: v }
                    } else {
                        Instruction::ListExtend { list: acc, src: v }
                    };
                    self.emit(ins, s.range);
                }
                other => {
                    let v = self.expr(other)?;
                    let ins = if acc_kind == SeqKind::Set {
                        Instruction::SetAdd { set: acc, src: v }
                    } else {
                        Instruction::ListAppend { list: acc, src: v }
                    };
                    self.emit(ins, other.range());
                }
            }
            self.release(m);
        }
        if kind == SeqKind::Tuple {
            self.emit(Instruction::ListToTuple { dst, src: acc }, range);
        }
        self.release(mark);
        Ok(())
    }

    fn dict(&mut self, d: &'a ast::ExprDict, want: Option<Reg>) -> CResult<Reg> {
        let range = d.range;
        let mark = self.mark();
        if d.items.iter().all(|i| i.key.is_some()) {
            let n = d.items.len() as u32;
            let base = self.window(2 * n);
            for (i, item) in d.items.iter().enumerate() {
                if let Some(k) = &item.key {
                    self.expr_into(k, Reg(base.0 + 2 * i as u32))?;
                }
                self.expr_into(&item.value, Reg(base.0 + 2 * i as u32 + 1))?;
            }
            self.release(mark);
            let dst = self.dst(want);
            self.emit(
                Instruction::BuildMap {
                    dst,
                    base,
                    count: Count(n),
                },
                range,
            );
            return Ok(dst);
        }
        let dst = self.dst(want);
        self.emit(
            Instruction::BuildMap {
                dst,
                base: dst,
                count: Count(0),
            },
            range,
        );
        for item in &d.items {
            let m = self.mark();
            match &item.key {
                Some(k) => {
                    let key = self.operand(k, &[&item.value])?;
                    let value = self.expr(&item.value)?;
                    self.emit(
                        Instruction::MapAdd {
                            map: dst,
                            key,
                            value,
                        },
                        range,
                    );
                }
                None => {
                    let v = self.expr(&item.value)?;
                    self.emit(
                        Instruction::DictUpdate { dict: dst, src: v },
                        item.value.range(),
                    );
                }
            }
            self.release(m);
        }
        Ok(dst)
    }

    // ---- f-strings ------------------------------------------------------------------

    fn fstring(&mut self, f: &'a ast::ExprFString, want: Option<Reg>) -> CResult<Reg> {
        let range = f.range;
        let mut parts: Vec<FPart<'a>> = Vec::new();
        for part in f.value.iter() {
            match part {
                ast::FStringPart::Literal(l) => {
                    let s = PartText::Lit(super::strings::string_value_part(l, self.source));
                    parts.push(FPart::Text(s));
                }
                ast::FStringPart::FString(fs) => self.collect_fstring(&fs.elements, &mut parts),
            }
        }
        // Merge adjacent literal texts.
        let mut merged: Vec<FPart<'a>> = Vec::new();
        for p in parts {
            match (merged.last_mut(), p) {
                (Some(FPart::Text(PartText::Lit(a))), FPart::Text(PartText::Lit(b))) => {
                    *a = a.concat(&b)
                }
                (_, p) => merged.push(p),
            }
        }
        merged.retain(|p| !matches!(p, FPart::Text(PartText::Lit(s)) if s.as_bytes().is_empty()));
        if merged.is_empty() {
            let d = self.dst(want);
            self.load_const(Constant::Str("".into()), d, range);
            return Ok(d);
        }
        if let [FPart::Text(PartText::Lit(s))] = merged.as_slice() {
            let d = self.dst(want);
            self.load_const(Constant::Str(s.clone()), d, range);
            return Ok(d);
        }
        let mark = self.mark();
        let n = merged.len() as u32;
        let base = self.window(n);
        for (i, p) in merged.into_iter().enumerate() {
            let slot = Reg(base.0 + i as u32);
            match p {
                FPart::Text(PartText::Lit(s)) => self.load_const(Constant::Str(s), slot, range),
                FPart::Value(el) => self.fstring_value(el, slot)?,
            }
        }
        if n == 1 {
            self.release(mark);
            let d = self.dst(want);
            if d != base {
                self.emit(Instruction::Move { dst: d, src: base }, range);
            }
            return Ok(d);
        }
        self.release(mark);
        let d = self.dst(want);
        self.emit(
            Instruction::BuildString {
                dst: d,
                base,
                count: Count(n),
            },
            range,
        );
        Ok(d)
    }

    fn collect_fstring(
        &mut self,
        elements: &'a ast::InterpolatedStringElements,
        out: &mut Vec<FPart<'a>>,
    ) {
        for el in elements.iter() {
            match el {
                ast::InterpolatedStringElement::Literal(l) => {
                    out.push(FPart::Text(PartText::Lit((&*l.value).into())))
                }
                ast::InterpolatedStringElement::Interpolation(i) => {
                    if let Some(debug) = &i.debug_text {
                        let text = format!(
                            "{}{}{}",
                            debug.leading(),
                            debug.expression(),
                            debug.trailing()
                        );
                        out.push(FPart::Text(PartText::Lit(text.as_str().into())));
                    }
                    out.push(FPart::Value(i));
                }
            }
        }
    }

    fn fstring_value(&mut self, el: &'a ast::InterpolatedElement, slot: Reg) -> CResult<()> {
        let range = el.range;
        let mark = self.mark();
        let v = self.expr(&el.expression)?;
        let mut conv = match el.conversion {
            ast::ConversionFlag::None => 0,
            ast::ConversionFlag::Str => 1,
            ast::ConversionFlag::Repr => 2,
            ast::ConversionFlag::Ascii => 3,
        };
        if el.debug_text.is_some() && conv == 0 && el.format_spec.is_none() {
            conv = 2;
        }
        match &el.format_spec {
            None => self.emit(
                Instruction::FormatValue {
                    dst: slot,
                    src: v,
                    conv: Imm(conv),
                },
                range,
            ),
            Some(spec) => {
                let src = if conv != 0 {
                    let t = self.tmp();
                    self.emit(
                        Instruction::ConvertValue {
                            dst: t,
                            src: v,
                            conv: Imm(conv),
                        },
                        range,
                    );
                    t
                } else {
                    v
                };
                let mut parts = Vec::new();
                self.collect_fstring(&spec.elements, &mut parts);
                let n = parts.len() as u32;
                let spec_reg = self.tmp();
                if n == 0 {
                    self.load_const(Constant::Str("".into()), spec_reg, range);
                } else {
                    let base = self.window(n);
                    for (i, p) in parts.into_iter().enumerate() {
                        let r = Reg(base.0 + i as u32);
                        match p {
                            FPart::Text(PartText::Lit(s)) => {
                                self.load_const(Constant::Str(s), r, range)
                            }
                            FPart::Value(inner) => self.fstring_value(inner, r)?,
                        }
                    }
                    self.emit(
                        Instruction::BuildString {
                            dst: spec_reg,
                            base,
                            count: Count(n),
                        },
                        range,
                    );
                }
                self.emit(
                    Instruction::FormatWithSpec {
                        dst: slot,
                        src,
                        spec: spec_reg,
                    },
                    range,
                );
            }
        }
        self.release(mark);
        Ok(())
    }

    // ---- functions, lambdas, comprehensions ----------------------------------------

    fn lambda(&mut self, l: &'a ast::ExprLambda, want: Option<Reg>) -> CResult<Reg> {
        let scope = self
            .table
            .scope_of(l)
            .ok_or_else(|| self.error("internal: lambda scope", l.range))?;
        let qualname = self.child_qualname("<lambda>");
        self.enter_unit(scope, "<lambda>", qualname, l.range);
        if let Some(p) = &l.parameters {
            self.set_arg_counts(p);
        }
        let mark = self.mark();
        let r = self.expr(&l.body)?;
        let is_gen = self.table.get(scope).is_generator;
        if is_gen {
            let none = self.const_reg(Constant::None, l.body.range());
            self.emit(Instruction::Return { src: none }, l.body.range());
        } else {
            self.emit(Instruction::Return { src: r }, l.body.range());
        }
        self.release(mark);
        let code = self.leave_unit()?;
        let d = self.dst(want);
        self.make_function(code, l.parameters.as_deref(), None, d, l.range)?;
        Ok(d)
    }

    pub fn set_arg_counts(&mut self, p: &ast::Parameters) {
        let u = self.u();
        u.posonly_count = p.posonlyargs.len() as u32;
        u.arg_count = (p.posonlyargs.len() + p.args.len()) as u32;
        u.kwonly_count = p.kwonlyargs.len() as u32;
        if p.vararg.is_some() {
            u.flags.insert(crate::code::CodeFlags::VARARGS);
        }
        if p.kwarg.is_some() {
            u.flags.insert(crate::code::CodeFlags::VARKEYWORDS);
        }
    }

    /// Emits `MakeFunction` for `code` with the defaults of `params`, the
    /// annotations register (if any) and the closure.
    pub fn make_function(
        &mut self,
        code: Arc<crate::code::CodeObject>,
        params: Option<&'a ast::Parameters>,
        annotations: Option<Reg>,
        dst: Reg,
        range: TextRange,
    ) -> CResult<()> {
        let mark = self.mark();
        let base = self.window(4);
        let mut slot = base.0;
        let mut flags = 0;
        if let Some(p) = params {
            let defaults: Vec<&'a Expr> = p
                .posonlyargs
                .iter()
                .chain(p.args.iter())
                .filter_map(|a| a.default.as_deref())
                .collect();
            if !defaults.is_empty() {
                flags |= 1;
                self.build_sequence(&defaults, SeqKind::Tuple, Reg(slot), range)?;
                slot += 1;
            }
            let kw: Vec<(&'a str, &'a Expr)> = p
                .kwonlyargs
                .iter()
                .filter_map(|a| a.default.as_deref().map(|d| (a.parameter.name.as_str(), d)))
                .collect();
            if !kw.is_empty() {
                flags |= 2;
                let m = self.mark();
                let n = kw.len() as u32;
                let kb = self.window(2 * n);
                for (i, (name, value)) in kw.iter().enumerate() {
                    let name = self.mangle(name);
                    self.load_const(
                        Constant::Str(name.as_str().into()),
                        Reg(kb.0 + 2 * i as u32),
                        range,
                    );
                    self.expr_into(value, Reg(kb.0 + 2 * i as u32 + 1))?;
                }
                self.emit(
                    Instruction::BuildMap {
                        dst: Reg(slot),
                        base: kb,
                        count: Count(n),
                    },
                    range,
                );
                self.release(m);
                slot += 1;
            }
        }
        if let Some(a) = annotations {
            flags |= 4;
            self.emit(
                Instruction::Move {
                    dst: Reg(slot),
                    src: a,
                },
                range,
            );
            slot += 1;
        }
        if self.emit_closure(&code, Reg(slot), range) {
            flags |= 8;
        }
        let code = self.add_const(Constant::Code(code));
        self.emit(
            Instruction::MakeFunction {
                dst,
                code,
                flags: Imm(flags),
                base,
            },
            range,
        );
        self.release(mark);
        Ok(())
    }

    fn comprehension<T: Ranged + CompNode<'a>>(
        &mut self,
        node: &'a T,
        generators: &'a [ast::Comprehension],
        want: Option<Reg>,
    ) -> CResult<Reg> {
        let range = node.range();
        let scope = self
            .table
            .scope_of(node)
            .ok_or_else(|| self.error("internal: comprehension scope", range))?;
        let name = self.table.get(scope).name.clone();
        let qualname = self.child_qualname(&name);
        let mark = self.mark();
        // The first iterable is evaluated in the enclosing scope.
        let outer_iter = self.expr(&generators[0].iter)?;
        let it = self.tmp();
        let is_async_first = generators[0].is_async;
        if is_async_first {
            self.emit(
                Instruction::GetAIter {
                    dst: it,
                    src: outer_iter,
                },
                generators[0].iter.range(),
            );
        } else {
            self.emit(
                Instruction::GetIter {
                    dst: it,
                    src: outer_iter,
                },
                generators[0].iter.range(),
            );
        }
        self.enter_unit(scope, &name, qualname, range);
        self.u().arg_count = 1;
        let kind = node.kind();
        let result = match kind {
            CompKind::Gen => None,
            _ => {
                let r = self.tmp();
                let ins = match kind {
                    CompKind::List => Instruction::BuildList {
                        dst: r,
                        base: r,
                        count: Count(0),
                    },
                    CompKind::Set => Instruction::BuildSet {
                        dst: r,
                        base: r,
                        count: Count(0),
                    },
                    _ => Instruction::BuildMap {
                        dst: r,
                        base: r,
                        count: Count(0),
                    },
                };
                self.emit(ins, range);
                Some(r)
            }
        };
        self.comp_generator(node, generators, 0, result, range)?;
        let ret = match result {
            Some(r) => r,
            None => self.const_reg(Constant::None, range),
        };
        self.emit(Instruction::Return { src: ret }, range);
        let code = self.leave_unit()?;
        let is_coroutine_comp = code.flags.contains(crate::code::CodeFlags::COROUTINE);
        let f = self.tmp();
        self.make_function(code, None, None, f, range)?;
        let base = self.window(2);
        self.emit(Instruction::Move { dst: base, src: f }, range);
        self.emit(
            Instruction::Move {
                dst: Reg(base.0 + 1),
                src: it,
            },
            range,
        );
        self.release(mark);
        let d = self.dst(want);
        let cache = self.cache();
        self.emit(
            Instruction::Call {
                dst: d,
                base,
                argc: Count(1),
                cache,
            },
            range,
        );
        if is_coroutine_comp {
            self.emit(
                Instruction::GetAwaitable {
                    dst: d,
                    src: d,
                    kind: Imm(0),
                },
                range,
            );
            self.emit(Instruction::YieldFrom { dst: d, iter: d }, range);
        }
        Ok(d)
    }

    fn comp_generator<T: CompNode<'a>>(
        &mut self,
        node: &'a T,
        generators: &'a [ast::Comprehension],
        i: usize,
        result: Option<Reg>,
        range: TextRange,
    ) -> CResult<()> {
        let g = &generators[i];
        let mark = self.mark();
        let it = if i == 0 {
            Reg(0)
        } else {
            let src = self.expr(&g.iter)?;
            let it = self.tmp();
            if g.is_async {
                self.emit(Instruction::GetAIter { dst: it, src }, g.iter.range());
            } else {
                self.emit(Instruction::GetIter { dst: it, src }, g.iter.range());
            }
            it
        };
        let top = self.new_label();
        let end = self.new_label();
        self.bind(top);
        let item = self.tmp();
        if g.is_async {
            let handler = self.new_label();
            let exc = self.tmp();
            self.push_handler(handler, exc);
            self.emit(
                Instruction::GetANext {
                    dst: item,
                    aiter: it,
                },
                g.range,
            );
            self.emit(
                Instruction::GetAwaitable {
                    dst: item,
                    src: item,
                    kind: Imm(0),
                },
                g.range,
            );
            self.emit(
                Instruction::YieldFrom {
                    dst: item,
                    iter: item,
                },
                g.range,
            );
            self.pop_handler();
            let body = self.new_label();
            self.jump(body, g.range);
            self.bind(handler);
            self.emit(Instruction::EndAsyncFor { exc }, g.range);
            self.jump(end, g.range);
            self.bind(body);
        } else {
            self.emit(
                Instruction::ForIter {
                    dst: item,
                    iter: it,
                    target: Self::target(end),
                },
                g.iter.range(),
            );
        }
        self.assign(&g.target, item)?;
        for cond in &g.ifs {
            self.jump_if(cond, false, top)?;
        }
        if i + 1 < generators.len() {
            self.comp_generator(node, generators, i + 1, result, range)?;
        } else {
            let m = self.mark();
            match (node.kind(), result) {
                (CompKind::Gen, _) => {
                    let v = self.expr(node.elt())?;
                    let sent = self.tmp();
                    self.emit(
                        Instruction::YieldValue { dst: sent, src: v },
                        node.elt().range(),
                    );
                }
                (CompKind::Dict, Some(map)) => {
                    let key_expr = node.key().unwrap_or(node.elt());
                    let key = self.operand(key_expr, &[node.elt()])?;
                    let value = self.expr(node.elt())?;
                    self.emit(Instruction::MapAdd { map, key, value }, range);
                }
                (CompKind::Set, Some(set)) => {
                    let v = self.expr(node.elt())?;
                    self.emit(Instruction::SetAdd { set, src: v }, node.elt().range());
                }
                (_, Some(list)) => {
                    let v = self.expr(node.elt())?;
                    self.emit(Instruction::ListAppend { list, src: v }, node.elt().range());
                }
                _ => {}
            }
            self.release(m);
        }
        self.jump(top, range);
        self.bind(end);
        self.release(mark);
        Ok(())
    }
}

/// What a display builds.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum SeqKind {
    Tuple,
    List,
    Set,
}

impl SeqKind {
    fn build(self, dst: Reg, base: Reg, n: u32) -> Instruction {
        let count = Count(n);
        match self {
            SeqKind::Tuple => Instruction::BuildTuple { dst, base, count },
            SeqKind::List => Instruction::BuildList { dst, base, count },
            SeqKind::Set => Instruction::BuildSet { dst, base, count },
        }
    }
}

enum PartText {
    Lit(crate::pystr::PyStr),
}

enum FPart<'a> {
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
