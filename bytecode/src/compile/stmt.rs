//! Statements: assignments, control flow, `try`/`with` with the zero-cost
//! exception table, function and class definitions, imports.

use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::Ranged;

use super::expr::binop_kind;
use super::{CResult, Compiler, FBlock};
use crate::code::Constant;
use crate::opcode::*;
use crate::symtable::ScopeKind;

impl<'a> Compiler<'a> {
    pub fn body(&mut self, body: &'a [Stmt]) -> CResult<()> {
        body.iter().try_for_each(|s| self.stmt(s))
    }

    /// Compiles a block whose local bindings must not be trusted after it.
    pub(crate) fn scoped_body(&mut self, body: &'a [Stmt]) -> CResult<()> {
        let saved = self.ur().assigned.clone();
        self.body(body)?;
        self.u().assigned = saved;
        Ok(())
    }

    pub fn stmt(&mut self, s: &'a Stmt) -> CResult<()> {
        stacker::maybe_grow(crate::STACK_RED_ZONE, crate::STACK_GROWTH, || {
            self.stmt_outer(s)
        })
    }

    pub fn stmt_outer(&mut self, s: &'a Stmt) -> CResult<()> {
        // CPython allows 20 statically nested blocks (CO_MAXBLOCKS).
        let block = matches!(
            s,
            Stmt::For(_) | Stmt::While(_) | Stmt::Try(_) | Stmt::With(_)
        );
        if block {
            self.u().block_depth += 1;
            if self.ur().block_depth > 20 {
                return Err(self.error("too many statically nested blocks", s.range()));
            }
        }
        let mark = self.mark();
        let r = self.stmt_inner(s);
        self.release(mark);
        if block && r.is_ok() {
            let u = self.u();
            u.block_depth = u.block_depth.saturating_sub(1);
        }
        r
    }

    pub(crate) fn stmt_inner(&mut self, s: &'a Stmt) -> CResult<()> {
        let range = s.range();
        match s {
            Stmt::Expr(e) => {
                if self.interactive && self.ur().kind == ScopeKind::Module {
                    let v = self.expr(&e.value)?;
                    self.emit(Instruction::PrintExpr { src: v }, range);
                    return Ok(());
                }
                if super::fold::is_foldable_kind(&e.value)
                    && !matches!(
                        &*e.value,
                        Expr::BinOp(_) | Expr::UnaryOp(_) | Expr::Tuple(_)
                    )
                {
                    // A constant expression statement has no effect.
                    self.emit(Instruction::Nop {}, range);
                    return Ok(());
                }
                self.expr(&e.value)?;
            }
            Stmt::Assign(a) => {
                if a.targets.len() == 1 {
                    if let Some(r) = self.simple_target_reg(&a.targets[0]) {
                        self.expr_into(&a.value, r)?;
                        self.note_assigned(r);
                        return Ok(());
                    }
                    if let (Expr::Tuple(_) | Expr::List(_), Expr::Tuple(_) | Expr::List(_)) =
                        (&a.targets[0], &*a.value)
                    {
                        // Unpacking a display: fall through to the generic path.
                    }
                }
                let v = self.expr(&a.value)?;
                let v = if a.targets.len() > 1 && self.is_named_local(v) {
                    let t = self.tmp();
                    self.emit(Instruction::Move { dst: t, src: v }, range);
                    t
                } else {
                    v
                };
                for t in &a.targets {
                    self.assign(t, v)?;
                }
            }
            Stmt::AugAssign(a) => self.aug_assign(a)?,
            Stmt::AnnAssign(a) => self.ann_assign(a)?,
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.delete(t)?;
                }
            }
            Stmt::Pass(_) => self.emit(Instruction::Nop {}, range),
            Stmt::Return(r) => {
                let v = match &r.value {
                    Some(v) => {
                        if self.table.get(self.ur().scope).is_async
                            && self.table.get(self.ur().scope).is_generator
                        {
                            return Err(self.error("'return' with value in async generator", range));
                        }
                        let t = self.tmp();
                        self.expr_into(v, t)?;
                        t
                    }
                    None => self.const_reg(Constant::None, range),
                };
                self.unwind(None, range, true)?;
                self.emit(Instruction::Return { src: v }, range);
            }
            Stmt::Break(_) => self.break_continue(true, range)?,
            Stmt::Continue(_) => self.break_continue(false, range)?,
            Stmt::If(i) => self.if_stmt(i)?,
            Stmt::While(w) => self.while_stmt(w)?,
            Stmt::For(f) => self.for_stmt(f)?,
            Stmt::Raise(r) => match (&r.exc, &r.cause) {
                (None, _) => self.emit(Instruction::ReraiseCurrent {}, range),
                (Some(e), None) => {
                    let exc = self.expr(e)?;
                    self.emit(Instruction::Raise { exc }, range);
                }
                (Some(e), Some(c)) => {
                    let exc = self.operand(e, &[c])?;
                    let cause = self.expr(c)?;
                    self.emit(Instruction::RaiseFrom { exc, cause }, range);
                }
            },
            Stmt::Assert(_) if self.optimize > 0 => {}
            Stmt::Assert(a) => {
                let end = self.new_label();
                self.jump_if(&a.test, true, end)?;
                // CPython's jump on a comparison leaves its location on the
                // instructions that follow (the traceback's carets mark the
                // comparison); other tests leave the statement's.
                let range = if matches!(&*a.test, ruff_python_ast::Expr::Compare(_)) {
                    a.test.range()
                } else {
                    range
                };
                let base = self.window(2);
                self.emit(Instruction::LoadAssertionError { dst: base }, range);
                let argc = match &a.msg {
                    Some(m) => {
                        self.expr_into(m, Reg(base.0 + 1))?;
                        1
                    }
                    None => 0,
                };
                let cache = self.cache();
                self.emit(
                    Instruction::Call {
                        dst: base,
                        base,
                        argc: Count(argc),
                        cache,
                    },
                    range,
                );
                self.emit(Instruction::Raise { exc: base }, range);
                self.bind(end);
            }
            Stmt::Import(i) => {
                // Every instruction of an import is located at the whole
                // statement, as in CPython (no carets in tracebacks).
                for alias in &i.names {
                    let name = alias.name.as_str();
                    let dst = self.tmp();
                    let name_idx = self.name_idx(name);
                    let fromlist = self.add_const(Constant::None);
                    self.emit(
                        Instruction::ImportName {
                            dst,
                            name: name_idx,
                            fromlist,
                            level: Imm(0),
                        },
                        range,
                    );
                    match &alias.asname {
                        Some(asname) => {
                            for part in name.split('.').skip(1) {
                                let n = self.name_idx(part);
                                self.emit(
                                    Instruction::ImportFrom {
                                        dst,
                                        module: dst,
                                        name: n,
                                    },
                                    range,
                                );
                            }
                            self.store_name(asname.as_str(), dst, range);
                        }
                        None => {
                            let top = name.split('.').next().unwrap_or(name);
                            self.store_name(top, dst, range);
                        }
                    }
                }
            }
            Stmt::ImportFrom(i) => self.import_from(i)?,
            Stmt::Global(_) | Stmt::Nonlocal(_) => self.emit(Instruction::Nop {}, range),
            Stmt::FunctionDef(f) => self.function_def(f)?,
            Stmt::ClassDef(c) => self.class_def(c)?,
            Stmt::With(w) => self.with_stmt(w, 0)?,
            Stmt::Try(t) => {
                if t.is_star {
                    self.try_star(t)?;
                } else if t.finalbody.is_empty() {
                    self.try_except(t)?;
                } else {
                    self.try_finally(t)?;
                }
            }
            Stmt::Match(m) => self.match_stmt(m)?,
            Stmt::TypeAlias(_) | Stmt::IpyEscapeCommand(_) => {
                return Err(self.error("invalid syntax", range));
            }
        }
        Ok(())
    }

    /// The register of a plain local assignment target, if it is one.
    pub(crate) fn simple_target_reg(&self, t: &Expr) -> Option<Reg> {
        match t {
            Expr::Name(n) => self.local_reg(n.id.as_str()),
            _ => None,
        }
    }

    /// Stores `v` into an assignment target.
    pub fn assign(&mut self, t: &'a Expr, v: Reg) -> CResult<()> {
        let range = t.range();
        match t {
            Expr::Name(n) => {
                if n.id.as_str() == "__debug__" {
                    return Err(self.error("cannot assign to __debug__", range));
                }
                self.store_name(n.id.as_str(), v, range);
            }
            Expr::Attribute(a) => {
                let m = self.mark();
                let obj = self.expr(&a.value)?;
                let name = self.name_idx(&self.mangle(a.attr.as_str()));
                let cache = self.cache();
                self.emit(
                    Instruction::StoreAttr {
                        obj,
                        name,
                        src: v,
                        cache,
                    },
                    range,
                );
                self.release(m);
            }
            Expr::Subscript(s) => {
                let m = self.mark();
                let obj = self.operand(&s.value, &[&s.slice])?;
                let key = self.expr(&s.slice)?;
                self.emit(Instruction::StoreItem { obj, key, src: v }, range);
                self.release(m);
            }
            Expr::Tuple(_) | Expr::List(_) => {
                let elts = match t {
                    Expr::Tuple(t) => &t.elts,
                    Expr::List(l) => &l.elts,
                    _ => unreachable!("matched above"),
                };
                let m = self.mark();
                let stars: Vec<usize> = elts
                    .iter()
                    .enumerate()
                    .filter(|(_, e)| e.is_starred_expr())
                    .map(|(i, _)| i)
                    .collect();
                if stars.len() > 1 {
                    return Err(self.error("multiple starred expressions in assignment", range));
                }
                let n = elts.len() as u32;
                let base = self.window(n);
                match stars.first() {
                    None => self.emit(
                        Instruction::UnpackSequence {
                            base,
                            src: v,
                            count: Count(n),
                        },
                        range,
                    ),
                    Some(&i) => {
                        let after = n - i as u32 - 1;
                        self.emit(
                            Instruction::UnpackEx {
                                base,
                                src: v,
                                before: Count(i as u32),
                                after: Count(after),
                            },
                            range,
                        );
                    }
                }
                for (i, e) in elts.iter().enumerate() {
                    let target = match e {
                        Expr::Starred(s) => &*s.value,
                        other => other,
                    };
                    self.assign(target, Reg(base.0 + i as u32))?;
                }
                self.release(m);
            }
            Expr::Starred(_) => {
                return Err(self.error(
                    "starred assignment target must be in a list or tuple",
                    range,
                ));
            }
            _ => return Err(self.error(cannot_assign_message(t, "assign to"), range)),
        }
        Ok(())
    }

    pub(crate) fn delete(&mut self, t: &'a Expr) -> CResult<()> {
        let range = t.range();
        match t {
            Expr::Name(n) => self.delete_name(n.id.as_str(), range),
            Expr::Attribute(a) => {
                let obj = self.expr(&a.value)?;
                let name = self.name_idx(&self.mangle(a.attr.as_str()));
                self.emit(Instruction::DeleteAttr { obj, name }, range);
            }
            Expr::Subscript(s) => {
                let obj = self.operand(&s.value, &[&s.slice])?;
                let key = self.expr(&s.slice)?;
                self.emit(Instruction::DeleteItem { obj, key }, range);
            }
            Expr::Tuple(t) => t.elts.iter().try_for_each(|e| self.delete(e))?,
            Expr::List(t) => t.elts.iter().try_for_each(|e| self.delete(e))?,
            _ => return Err(self.error(cannot_assign_message(t, "delete"), range)),
        }
        Ok(())
    }

    pub(crate) fn aug_assign(&mut self, a: &'a ast::StmtAugAssign) -> CResult<()> {
        let range = a.range;
        match &*a.target {
            Expr::Name(n) => {
                let name = n.id.as_str();
                let cur = self.load_name(name, None, range);
                let v = self.expr(&a.value)?;
                let dst = self.local_reg(name).unwrap_or(cur);
                let cache = self.cache();
                self.emit(binop_kind(a.op, true, dst, cur, v, cache), range);
                if self.local_reg(name).is_none() {
                    self.store_name(name, dst, range);
                }
            }
            Expr::Attribute(at) => {
                let obj = self.operand(&at.value, &[&a.value])?;
                let name = self.name_idx(&self.mangle(at.attr.as_str()));
                let cur = self.tmp();
                let cache = self.cache();
                self.emit(
                    Instruction::LoadAttr {
                        dst: cur,
                        obj,
                        name,
                        cache,
                    },
                    at.range,
                );
                let v = self.expr(&a.value)?;
                let cache = self.cache();
                self.emit(binop_kind(a.op, true, cur, cur, v, cache), range);
                let cache = self.cache();
                self.emit(
                    Instruction::StoreAttr {
                        obj,
                        name,
                        src: cur,
                        cache,
                    },
                    at.range,
                );
            }
            Expr::Subscript(s) => {
                let obj = self.operand(&s.value, &[&s.slice, &a.value])?;
                let key = self.operand(&s.slice, &[&a.value])?;
                let cur = self.tmp();
                let cache = self.cache();
                self.emit(
                    Instruction::GetItem {
                        dst: cur,
                        obj,
                        key,
                        cache,
                    },
                    s.range,
                );
                let v = self.expr(&a.value)?;
                let cache = self.cache();
                self.emit(binop_kind(a.op, true, cur, cur, v, cache), range);
                self.emit(Instruction::StoreItem { obj, key, src: cur }, s.range);
            }
            other => {
                let msg = format!(
                    "'{}' is an illegal expression for augmented assignment",
                    crate::error::describe_expr(other)
                );
                return Err(self.error(msg, other.range()));
            }
        }
        Ok(())
    }

    pub(crate) fn ann_assign(&mut self, a: &'a ast::StmtAnnAssign) -> CResult<()> {
        let range = a.range;
        let at_top = matches!(self.ur().kind, ScopeKind::Module | ScopeKind::Class);
        if let Some(v) = &a.value {
            match self.simple_target_reg(&a.target) {
                Some(r) => {
                    self.expr_into(v, r)?;
                    self.note_assigned(r);
                }
                None => {
                    let r = self.expr(v)?;
                    self.assign(&a.target, r)?;
                }
            }
        }
        match &*a.target {
            Expr::Name(n) if a.simple => {
                if at_top {
                    let m = self.mark();
                    let value = self.annotation(&a.annotation)?;
                    let dict = self.tmp();
                    let ann = self.name_idx("__annotations__");
                    self.emit(
                        Instruction::LoadName {
                            dst: dict,
                            name: ann,
                        },
                        range,
                    );
                    let key = self.const_reg(
                        Constant::Str(self.mangle(n.id.as_str()).as_str().into()),
                        range,
                    );
                    self.emit(
                        Instruction::StoreItem {
                            obj: dict,
                            key,
                            src: value,
                        },
                        range,
                    );
                    self.release(m);
                }
            }
            Expr::Name(_) => {
                if at_top && !self.future_annotations {
                    self.expr(&a.annotation)?;
                }
            }
            Expr::Attribute(at) => {
                if a.value.is_none() {
                    self.expr(&at.value)?;
                }
                if at_top && !self.future_annotations {
                    self.expr(&a.annotation)?;
                }
            }
            Expr::Subscript(s) => {
                if a.value.is_none() {
                    self.expr(&s.value)?;
                    self.expr(&s.slice)?;
                }
                if at_top && !self.future_annotations {
                    self.expr(&a.annotation)?;
                }
            }
            other => {
                let msg = match other {
                    Expr::Tuple(_) => "only single target (not tuple) can be annotated",
                    Expr::List(_) => "only single target (not list) can be annotated",
                    _ => "illegal target for annotation",
                };
                return Err(self.error(msg, other.range()));
            }
        }
        Ok(())
    }

    /// An annotation value: evaluated, or its source text under
    /// `from __future__ import annotations`.
    pub fn annotation(&mut self, e: &'a Expr) -> CResult<Reg> {
        if self.future_annotations {
            let text = super::unparse::unparse(e, self.source);
            return Ok(self.const_reg(Constant::Str(text.as_str().into()), e.range()));
        }
        self.expr(e)
    }

    // ---- control flow -------------------------------------------------------------

    pub(crate) fn if_stmt(&mut self, i: &'a ast::StmtIf) -> CResult<()> {
        let end = self.new_label();
        let mut next = self.new_label();
        self.jump_if(&i.test, false, next)?;
        self.scoped_body(&i.body)?;
        for clause in &i.elif_else_clauses {
            if !self.last_is_terminal() {
                self.jump(end, clause.range);
            }
            self.bind(next);
            next = self.new_label();
            if let Some(test) = &clause.test {
                self.jump_if(test, false, next)?;
            }
            self.scoped_body(&clause.body)?;
        }
        self.bind(next);
        self.bind(end);
        Ok(())
    }

    pub(crate) fn while_stmt(&mut self, w: &'a ast::StmtWhile) -> CResult<()> {
        let top = self.new_label();
        let orelse = self.new_label();
        let brk = self.new_label();
        let saved = self.ur().assigned.clone();
        self.bind(top);
        self.jump_if(&w.test, false, orelse)?;
        self.push_fblock(FBlock::Loop { cont: top, brk });
        self.body(&w.body)?;
        self.pop_fblock();
        self.jump(top, w.range);
        self.u().assigned = saved.clone();
        self.bind(orelse);
        self.body(&w.orelse)?;
        self.bind(brk);
        self.u().assigned = saved;
        Ok(())
    }

    pub(crate) fn for_stmt(&mut self, f: &'a ast::StmtFor) -> CResult<()> {
        let range = f.range;
        let top = self.new_label();
        let orelse = self.new_label();
        let brk = self.new_label();
        let src = self.iter_operand(&f.iter)?;
        let it = self.tmp();
        let saved = self.ur().assigned.clone();
        if f.is_async && !self.table.get(self.ur().scope).is_async {
            return Err(self.error("'async for' outside async function", range));
        }
        if f.is_async {
            self.emit(Instruction::GetAIter { dst: it, src }, f.iter.range());
            self.bind(top);
            let item = self.tmp();
            let handler = self.new_label();
            let exc = self.tmp();
            self.push_handler(handler, exc);
            self.emit(
                Instruction::GetANext {
                    dst: item,
                    aiter: it,
                },
                f.iter.range(),
            );
            self.emit(
                Instruction::GetAwaitable {
                    dst: item,
                    src: item,
                    kind: Imm(0),
                },
                f.iter.range(),
            );
            self.emit(
                Instruction::YieldFrom {
                    dst: item,
                    iter: item,
                },
                f.iter.range(),
            );
            self.pop_handler();
            let body = self.new_label();
            self.jump(body, range);
            self.bind(handler);
            self.emit(Instruction::EndAsyncFor { exc }, range);
            self.jump(orelse, range);
            self.bind(body);
            self.assign(&f.target, item)?;
        } else {
            self.emit(Instruction::GetIter { dst: it, src }, f.iter.range());
            self.bind(top);
            match self.simple_target_reg(&f.target) {
                Some(r) => {
                    self.emit(
                        Instruction::ForIter {
                            dst: r,
                            iter: it,
                            target: Self::target(orelse),
                        },
                        f.iter.range(),
                    );
                    self.note_assigned(r);
                }
                None => {
                    let item = self.tmp();
                    self.emit(
                        Instruction::ForIter {
                            dst: item,
                            iter: it,
                            target: Self::target(orelse),
                        },
                        f.iter.range(),
                    );
                    self.assign(&f.target, item)?;
                }
            }
        }
        self.push_fblock(FBlock::Loop { cont: top, brk });
        self.body(&f.body)?;
        self.pop_fblock();
        self.jump(top, range);
        self.u().assigned = saved.clone();
        self.bind(orelse);
        self.body(&f.orelse)?;
        self.bind(brk);
        self.u().assigned = saved;
        Ok(())
    }

    // ---- try ------------------------------------------------------------------------

    // ---- with -------------------------------------------------------------------------

    // ---- imports ----------------------------------------------------------------------

    // ---- definitions --------------------------------------------------------------------
}

/// Whether a module or class body has annotated assignments (outside nested scopes).
pub(crate) fn has_annotations(body: &[Stmt]) -> bool {
    body.iter().any(|s| match s {
        Stmt::AnnAssign(_) => true,
        Stmt::For(f) => has_annotations(&f.body) || has_annotations(&f.orelse),
        Stmt::While(w) => has_annotations(&w.body) || has_annotations(&w.orelse),
        Stmt::If(i) => {
            has_annotations(&i.body) || i.elif_else_clauses.iter().any(|c| has_annotations(&c.body))
        }
        Stmt::With(w) => has_annotations(&w.body),
        Stmt::Try(t) => {
            has_annotations(&t.body)
                || has_annotations(&t.orelse)
                || has_annotations(&t.finalbody)
                || t.handlers.iter().any(|h| {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    has_annotations(&h.body)
                })
        }
        Stmt::Match(m) => m.cases.iter().any(|c| has_annotations(&c.body)),
        _ => false,
    })
}

fn cannot_assign_message(e: &Expr, verb: &str) -> String {
    let what = crate::error::describe_expr(e);
    match e {
        Expr::NoneLiteral(_) | Expr::BooleanLiteral(_) | Expr::EllipsisLiteral(_) => {
            format!("cannot {verb} {what}")
        }
        _ => format!("cannot {verb} {what}"),
    }
}
