//! Statements: assignments, control flow, `try`/`with` with the zero-cost
//! exception table, function and class definitions, imports.

use std::sync::Arc;

use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};

use super::expr::{SeqKind, binop_kind};
use super::{CResult, Compiler, FBlock, Label, collect_deleted, docstring_of};
use crate::code::{CodeObject, Constant};
use crate::opcode::*;
use crate::symtable::ScopeKind;

impl<'a> Compiler<'a> {
    pub fn body(&mut self, body: &'a [Stmt]) -> CResult<()> {
        body.iter().try_for_each(|s| self.stmt(s))
    }

    /// Compiles a block whose local bindings must not be trusted after it.
    fn scoped_body(&mut self, body: &'a [Stmt]) -> CResult<()> {
        let saved = self.ur().assigned.clone();
        self.body(body)?;
        self.u().assigned = saved;
        Ok(())
    }

    pub fn stmt(&mut self, s: &'a Stmt) -> CResult<()> {
        let mark = self.mark();
        let r = self.stmt_inner(s);
        self.release(mark);
        r
    }

    fn stmt_inner(&mut self, s: &'a Stmt) -> CResult<()> {
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
            Stmt::Assert(a) => {
                let end = self.new_label();
                self.jump_if(&a.test, true, end)?;
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
                        alias.range,
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
                                    alias.range,
                                );
                            }
                            self.store_name(asname.as_str(), dst, alias.range);
                        }
                        None => {
                            let top = name.split('.').next().unwrap_or(name);
                            self.store_name(top, dst, alias.range);
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
    fn simple_target_reg(&self, t: &Expr) -> Option<Reg> {
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

    fn delete(&mut self, t: &'a Expr) -> CResult<()> {
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

    fn aug_assign(&mut self, a: &'a ast::StmtAugAssign) -> CResult<()> {
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
                    expr_description(other)
                );
                return Err(self.error(msg, other.range()));
            }
        }
        Ok(())
    }

    fn ann_assign(&mut self, a: &'a ast::StmtAnnAssign) -> CResult<()> {
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
            let text = annotation_text(&self.source[e.range()]);
            return Ok(self.const_reg(Constant::Str(text.as_str().into()), e.range()));
        }
        self.expr(e)
    }

    // ---- control flow -------------------------------------------------------------

    fn if_stmt(&mut self, i: &'a ast::StmtIf) -> CResult<()> {
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

    fn while_stmt(&mut self, w: &'a ast::StmtWhile) -> CResult<()> {
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

    fn for_stmt(&mut self, f: &'a ast::StmtFor) -> CResult<()> {
        let range = f.range;
        let top = self.new_label();
        let orelse = self.new_label();
        let brk = self.new_label();
        let src = self.expr(&f.iter)?;
        let it = self.tmp();
        let saved = self.ur().assigned.clone();
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

    fn break_continue(&mut self, is_break: bool, range: TextRange) -> CResult<()> {
        let loop_at = self
            .ur()
            .fblocks
            .iter()
            .rposition(|f| matches!(f.block, FBlock::Loop { .. }));
        let except_star = self
            .ur()
            .fblocks
            .iter()
            .rposition(|f| matches!(f.block, FBlock::ExceptStar));
        if let (Some(s), l) = (except_star, loop_at)
            && l.is_none_or(|l| l < s)
        {
            return Err(self.error(
                "'break', 'continue' and 'return' cannot appear in an except* block",
                range,
            ));
        }
        let Some(at) = loop_at else {
            let msg = if is_break {
                "'break' outside loop"
            } else {
                "'continue' not properly in loop"
            };
            return Err(self.error(msg, range));
        };
        let FBlock::Loop { cont, brk } = self.ur().fblocks[at].block else {
            unreachable!("loop")
        };
        self.unwind(Some(at), range, false)?;
        self.jump(if is_break { brk } else { cont }, range);
        Ok(())
    }

    /// Emits the cleanup of every frame block above `stop` (all for `return`).
    fn unwind(&mut self, stop: Option<usize>, range: TextRange, is_return: bool) -> CResult<()> {
        if is_return
            && self
                .ur()
                .fblocks
                .iter()
                .any(|f| matches!(f.block, FBlock::ExceptStar))
        {
            return Err(self.error(
                "'break', 'continue' and 'return' cannot appear in an except* block",
                range,
            ));
        }
        let saved_handlers = self.ur().handler_stack.clone();
        let saved_blocks_len = self.ur().fblocks.len();
        let mut popped = Vec::new();
        let floor = stop.map_or(0, |s| s + 1);
        while self.ur().fblocks.len() > floor {
            let entry = self.u().fblocks.pop().expect("fblock");
            let depth = entry.handler_depth;
            self.u().handler_stack.truncate(depth);
            match &entry.block {
                FBlock::Loop { .. } | FBlock::ExceptStar => {}
                FBlock::TryFinally { body } => {
                    let body: &'a [Stmt] = body;
                    let assigned = self.ur().assigned.clone();
                    self.body(body)?;
                    self.u().assigned = assigned;
                }
                FBlock::With { exit, is_async } => {
                    let none = self.const_reg(Constant::None, range);
                    let res = self.tmp();
                    self.emit(
                        Instruction::WithExit {
                            dst: res,
                            exit: *exit,
                            exc: none,
                        },
                        range,
                    );
                    if *is_async {
                        self.emit(
                            Instruction::GetAwaitable {
                                dst: res,
                                src: res,
                                kind: Imm(2),
                            },
                            range,
                        );
                        self.emit(
                            Instruction::YieldFrom {
                                dst: res,
                                iter: res,
                            },
                            range,
                        );
                    }
                }
                FBlock::HandlerCleanup { saved, name } => {
                    self.emit(Instruction::PopExcInfo { saved: *saved }, range);
                    if let Some(n) = name {
                        let none = self.const_reg(Constant::None, range);
                        self.store_name(n, none, range);
                        self.delete_name(n, range);
                    }
                }
            }
            popped.push(entry);
        }
        while let Some(e) = popped.pop() {
            self.u().fblocks.push(e);
        }
        debug_assert_eq!(self.ur().fblocks.len(), saved_blocks_len);
        self.u().handler_stack = saved_handlers;
        Ok(())
    }

    // ---- try ------------------------------------------------------------------------

    fn try_finally(&mut self, t: &'a ast::StmtTry) -> CResult<()> {
        let range = t.range;
        let handler = self.new_label();
        let end = self.new_label();
        let exc = self.tmp();
        let assigned = self.ur().assigned.clone();
        self.push_handler(handler, exc);
        self.push_fblock(FBlock::TryFinally { body: &t.finalbody });
        if t.handlers.is_empty() {
            self.body(&t.body)?;
            self.body(&t.orelse)?;
        } else {
            self.try_except(t)?;
        }
        self.pop_fblock();
        self.pop_handler();
        self.u().assigned = assigned.clone();
        self.body(&t.finalbody)?;
        self.jump(end, range);
        // Exceptional path.
        self.u().assigned = assigned.clone();
        self.bind(handler);
        let saved = self.tmp();
        let cleanup = self.new_label();
        let exc2 = self.tmp();
        self.emit(Instruction::PushExcInfo { saved, exc }, range);
        self.push_handler(cleanup, exc2);
        self.push_fblock(FBlock::HandlerCleanup { saved, name: None });
        self.body(&t.finalbody)?;
        self.pop_fblock();
        self.emit(Instruction::Reraise { exc }, range);
        self.pop_handler();
        self.bind(cleanup);
        self.emit(Instruction::PopExcInfo { saved }, range);
        self.emit(Instruction::Reraise { exc: exc2 }, range);
        self.bind(end);
        self.u().assigned = assigned;
        Ok(())
    }

    fn try_except(&mut self, t: &'a ast::StmtTry) -> CResult<()> {
        let range = t.range;
        let handler = self.new_label();
        let end = self.new_label();
        let exc = self.tmp();
        let assigned = self.ur().assigned.clone();
        self.push_handler(handler, exc);
        self.body(&t.body)?;
        self.pop_handler();
        self.body(&t.orelse)?;
        self.jump(end, range);
        self.u().assigned = assigned.clone();
        self.bind(handler);
        let saved = self.tmp();
        let cleanup = self.new_label();
        let exc2 = self.tmp();
        self.emit(Instruction::PushExcInfo { saved, exc }, range);
        self.push_handler(cleanup, exc2);
        let n = t.handlers.len();
        for (i, h) in t.handlers.iter().enumerate() {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            let next = self.new_label();
            match &h.type_ {
                Some(ty) => {
                    let m = self.mark();
                    let tyr = self.expr(ty)?;
                    let matched = self.tmp();
                    self.emit(
                        Instruction::CheckExcMatch {
                            dst: matched,
                            exc,
                            ty: tyr,
                        },
                        ty.range(),
                    );
                    self.emit(
                        Instruction::JumpIfFalse {
                            cond: matched,
                            target: Self::target(next),
                        },
                        ty.range(),
                    );
                    self.release(m);
                }
                None if i + 1 < n => {
                    return Err(self.error("default 'except:' must be last", h.range));
                }
                None => {}
            }
            self.handler_body(h, exc, saved, end)?;
            self.bind(next);
            self.u().assigned = assigned.clone();
        }
        self.emit(Instruction::Reraise { exc }, range);
        self.pop_handler();
        self.bind(cleanup);
        self.emit(Instruction::PopExcInfo { saved }, range);
        self.emit(Instruction::Reraise { exc: exc2 }, range);
        self.bind(end);
        self.u().assigned = assigned;
        Ok(())
    }

    /// The body of one `except` clause (exception already matched and in `exc`).
    fn handler_body(
        &mut self,
        h: &'a ast::ExceptHandlerExceptHandler,
        exc: Reg,
        saved: Reg,
        end: Label,
    ) -> CResult<()> {
        let range = h.range;
        match &h.name {
            Some(name) => {
                let name = name.as_str();
                self.store_name(name, exc, range);
                let name_cleanup = self.new_label();
                let exc3 = self.tmp();
                self.push_handler(name_cleanup, exc3);
                self.push_fblock(FBlock::HandlerCleanup {
                    saved,
                    name: Some(name),
                });
                self.body(&h.body)?;
                self.pop_fblock();
                self.pop_handler();
                self.emit(Instruction::PopExcInfo { saved }, range);
                self.clear_name(name, range);
                self.jump(end, range);
                self.bind(name_cleanup);
                self.clear_name(name, range);
                self.emit(Instruction::Reraise { exc: exc3 }, range);
            }
            None => {
                self.push_fblock(FBlock::HandlerCleanup { saved, name: None });
                self.body(&h.body)?;
                self.pop_fblock();
                self.emit(Instruction::PopExcInfo { saved }, range);
                self.jump(end, range);
            }
        }
        Ok(())
    }

    fn clear_name(&mut self, name: &str, range: TextRange) {
        let m = self.mark();
        let none = self.const_reg(Constant::None, range);
        self.store_name(name, none, range);
        self.delete_name(name, range);
        self.release(m);
    }

    fn try_star(&mut self, t: &'a ast::StmtTry) -> CResult<()> {
        if !t.finalbody.is_empty() {
            // try/except*/finally: the finally wraps the except* statement.
            let handler = self.new_label();
            let end = self.new_label();
            let exc = self.tmp();
            let range = t.range;
            self.push_handler(handler, exc);
            self.push_fblock(FBlock::TryFinally { body: &t.finalbody });
            self.try_star_inner(t)?;
            self.pop_fblock();
            self.pop_handler();
            self.body(&t.finalbody)?;
            self.jump(end, range);
            self.bind(handler);
            let saved = self.tmp();
            let cleanup = self.new_label();
            let exc2 = self.tmp();
            self.emit(Instruction::PushExcInfo { saved, exc }, range);
            self.push_handler(cleanup, exc2);
            self.push_fblock(FBlock::HandlerCleanup { saved, name: None });
            self.body(&t.finalbody)?;
            self.pop_fblock();
            self.emit(Instruction::Reraise { exc }, range);
            self.pop_handler();
            self.bind(cleanup);
            self.emit(Instruction::PopExcInfo { saved }, range);
            self.emit(Instruction::Reraise { exc: exc2 }, range);
            self.bind(end);
            return Ok(());
        }
        self.try_star_inner(t)
    }

    fn try_star_inner(&mut self, t: &'a ast::StmtTry) -> CResult<()> {
        let range = t.range;
        let handler = self.new_label();
        let end = self.new_label();
        let exc = self.tmp();
        let assigned = self.ur().assigned.clone();
        self.push_handler(handler, exc);
        self.body(&t.body)?;
        self.pop_handler();
        self.body(&t.orelse)?;
        self.jump(end, range);
        self.u().assigned = assigned.clone();
        self.bind(handler);
        let saved = self.tmp();
        let cleanup = self.new_label();
        let exc2 = self.tmp();
        self.emit(Instruction::PushExcInfo { saved, exc }, range);
        self.push_handler(cleanup, exc2);
        let rest = self.tmp();
        let raised = self.tmp();
        self.emit(
            Instruction::Move {
                dst: rest,
                src: exc,
            },
            range,
        );
        self.emit(
            Instruction::BuildList {
                dst: raised,
                base: raised,
                count: Count(0),
            },
            range,
        );
        for h in &t.handlers {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            let next = self.new_label();
            let Some(ty) = &h.type_ else {
                return Err(self.error("expected one or more exception types", h.range));
            };
            let m = self.mark();
            let tyr = self.expr(ty)?;
            let matched = self.tmp();
            self.emit(
                Instruction::JumpIfNone {
                    src: rest,
                    target: Self::target(next),
                },
                ty.range(),
            );
            self.emit(
                Instruction::CheckEgMatch {
                    matched,
                    rest,
                    exc: rest,
                    ty: tyr,
                },
                ty.range(),
            );
            self.emit(
                Instruction::JumpIfNone {
                    src: matched,
                    target: Self::target(next),
                },
                ty.range(),
            );
            let body_fail = self.new_label();
            let exc3 = self.tmp();
            if let Some(name) = &h.name {
                self.store_name(name.as_str(), matched, h.range);
            }
            self.push_handler(body_fail, exc3);
            self.push_fblock(FBlock::ExceptStar);
            self.body(&h.body)?;
            self.pop_fblock();
            self.pop_handler();
            if let Some(name) = &h.name {
                self.clear_name(name.as_str(), h.range);
            }
            self.jump(next, h.range);
            self.bind(body_fail);
            self.emit(
                Instruction::ListAppend {
                    list: raised,
                    src: exc3,
                },
                h.range,
            );
            if let Some(name) = &h.name {
                self.clear_name(name.as_str(), h.range);
            }
            self.release(m);
            self.bind(next);
            self.u().assigned = assigned.clone();
        }
        let done = self.new_label();
        let skip_rest = self.new_label();
        self.emit(
            Instruction::JumpIfNone {
                src: rest,
                target: Self::target(skip_rest),
            },
            range,
        );
        self.emit(
            Instruction::ListAppend {
                list: raised,
                src: rest,
            },
            range,
        );
        self.bind(skip_rest);
        let to_raise = self.tmp();
        self.emit(
            Instruction::PrepReraiseStar {
                dst: to_raise,
                orig: exc,
                raised,
            },
            range,
        );
        self.emit(
            Instruction::JumpIfNone {
                src: to_raise,
                target: Self::target(done),
            },
            range,
        );
        self.emit(Instruction::Reraise { exc: to_raise }, range);
        self.pop_handler();
        self.bind(done);
        self.emit(Instruction::PopExcInfo { saved }, range);
        self.jump(end, range);
        self.bind(cleanup);
        self.emit(Instruction::PopExcInfo { saved }, range);
        self.emit(Instruction::Reraise { exc: exc2 }, range);
        self.bind(end);
        self.u().assigned = assigned;
        Ok(())
    }

    // ---- with -------------------------------------------------------------------------

    fn with_stmt(&mut self, w: &'a ast::StmtWith, item: usize) -> CResult<()> {
        if item == w.items.len() {
            return self.body(&w.body);
        }
        let it = &w.items[item];
        let range = it.range;
        let assigned = self.ur().assigned.clone();
        let mgr = self.expr(&it.context_expr)?;
        let exit = self.tmp();
        let value = self.tmp();
        if w.is_async {
            if !self.table.get(self.ur().scope).is_async {
                return Err(self.error("'async with' outside async function", w.range));
            }
            self.emit(
                Instruction::AsyncWithEnter {
                    exit,
                    dst: value,
                    mgr,
                },
                range,
            );
            self.emit(
                Instruction::GetAwaitable {
                    dst: value,
                    src: value,
                    kind: Imm(1),
                },
                range,
            );
            self.emit(
                Instruction::YieldFrom {
                    dst: value,
                    iter: value,
                },
                range,
            );
        } else {
            self.emit(
                Instruction::WithEnter {
                    exit,
                    dst: value,
                    mgr,
                },
                range,
            );
        }
        let handler = self.new_label();
        let end = self.new_label();
        let exc = self.tmp();
        self.push_handler(handler, exc);
        self.push_fblock(FBlock::With {
            exit,
            is_async: w.is_async,
        });
        if let Some(target) = &it.optional_vars {
            self.assign(target, value)?
        }
        self.with_stmt(w, item + 1)?;
        self.pop_fblock();
        self.pop_handler();
        let none = self.const_reg(Constant::None, w.range);
        let res = self.tmp();
        self.emit(
            Instruction::WithExit {
                dst: res,
                exit,
                exc: none,
            },
            w.range,
        );
        if w.is_async {
            self.emit(
                Instruction::GetAwaitable {
                    dst: res,
                    src: res,
                    kind: Imm(2),
                },
                w.range,
            );
            self.emit(
                Instruction::YieldFrom {
                    dst: res,
                    iter: res,
                },
                w.range,
            );
        }
        self.jump(end, w.range);
        self.u().assigned = assigned.clone();
        self.bind(handler);
        let saved = self.tmp();
        let cleanup = self.new_label();
        let exc2 = self.tmp();
        self.emit(Instruction::PushExcInfo { saved, exc }, range);
        self.push_handler(cleanup, exc2);
        self.emit(
            Instruction::WithExit {
                dst: res,
                exit,
                exc,
            },
            range,
        );
        if w.is_async {
            self.emit(
                Instruction::GetAwaitable {
                    dst: res,
                    src: res,
                    kind: Imm(2),
                },
                range,
            );
            self.emit(
                Instruction::YieldFrom {
                    dst: res,
                    iter: res,
                },
                range,
            );
        }
        let suppress = self.new_label();
        self.emit(
            Instruction::JumpIfTrue {
                cond: res,
                target: Self::target(suppress),
            },
            range,
        );
        self.emit(Instruction::Reraise { exc }, range);
        self.pop_handler();
        self.bind(suppress);
        self.emit(Instruction::PopExcInfo { saved }, range);
        self.jump(end, range);
        self.bind(cleanup);
        self.emit(Instruction::PopExcInfo { saved }, range);
        self.emit(Instruction::Reraise { exc: exc2 }, range);
        self.bind(end);
        self.u().assigned = assigned;
        Ok(())
    }

    // ---- imports ----------------------------------------------------------------------

    fn import_from(&mut self, i: &'a ast::StmtImportFrom) -> CResult<()> {
        let range = i.range;
        let module = i.module.as_ref().map_or("", |m| m.as_str());
        if module == "__future__" {
            self.check_future(i)?;
        }
        let names: Vec<Constant> = i
            .names
            .iter()
            .map(|a| Constant::Str(a.name.as_str().into()))
            .collect();
        let fromlist = self.add_const(Constant::Tuple(Arc::from(names)));
        let name = self.name_idx(module);
        let m = self.tmp();
        self.emit(
            Instruction::ImportName {
                dst: m,
                name,
                fromlist,
                level: Imm(i.level),
            },
            range,
        );
        for a in &i.names {
            if a.name.as_str() == "*" {
                self.emit(Instruction::ImportStar { module: m }, a.range);
                continue;
            }
            let v = self.tmp();
            let n = self.name_idx(a.name.as_str());
            self.emit(
                Instruction::ImportFrom {
                    dst: v,
                    module: m,
                    name: n,
                },
                a.range,
            );
            let bound = a.asname.as_ref().unwrap_or(&a.name);
            self.store_name(bound.as_str(), v, a.range);
        }
        Ok(())
    }

    fn check_future(&mut self, i: &'a ast::StmtImportFrom) -> CResult<()> {
        const FEATURES: [&str; 10] = [
            "nested_scopes",
            "generators",
            "division",
            "absolute_import",
            "with_statement",
            "print_function",
            "unicode_literals",
            "barry_as_FLUFL",
            "generator_stop",
            "annotations",
        ];
        for a in &i.names {
            let n = a.name.as_str();
            if n == "braces" {
                return Err(self.error("not a chance", a.range));
            }
            if !FEATURES.contains(&n) {
                return Err(self.error(format!("future feature {n} is not defined"), a.range));
            }
        }
        Ok(())
    }

    // ---- definitions --------------------------------------------------------------------

    fn decorators(&mut self, list: &'a [ast::Decorator]) -> CResult<Vec<Reg>> {
        let mut regs = Vec::new();
        for d in list {
            let r = self.tmp();
            self.expr_into(&d.expression, r)?;
            regs.push(r);
        }
        Ok(regs)
    }

    fn apply_decorators(&mut self, decorators: &[Reg], value: Reg, range: TextRange) {
        for &d in decorators.iter().rev() {
            let base = self.window(2);
            self.emit(Instruction::Move { dst: base, src: d }, range);
            self.emit(
                Instruction::Move {
                    dst: Reg(base.0 + 1),
                    src: value,
                },
                range,
            );
            let cache = self.cache();
            self.emit(
                Instruction::Call {
                    dst: value,
                    base,
                    argc: Count(1),
                    cache,
                },
                range,
            );
        }
    }

    fn function_def(&mut self, f: &'a ast::StmtFunctionDef) -> CResult<()> {
        let range = f.range;
        if f.type_params.is_some() {
            return Err(self.error("invalid syntax", range));
        }
        let decorators = self.decorators(&f.decorator_list)?;
        let annotations = self.function_annotations(&f.parameters, f.returns.as_deref())?;
        let scope = self
            .table
            .scope_of(f)
            .ok_or_else(|| self.error("internal: function scope", range))?;
        let qualname = self.child_qualname(f.name.as_str());
        let code = self.function_body(
            scope,
            f.name.as_str(),
            qualname,
            &f.parameters,
            &f.body,
            range,
        )?;
        let dst = self.tmp();
        self.make_function(code, Some(&f.parameters), annotations, dst, range)?;
        self.apply_decorators(&decorators, dst, range);
        self.store_name(f.name.as_str(), dst, range);
        Ok(())
    }

    fn function_annotations(
        &mut self,
        p: &'a ast::Parameters,
        returns: Option<&'a Expr>,
    ) -> CResult<Option<Reg>> {
        let mut items: Vec<(String, &'a Expr)> = Vec::new();
        for a in p.iter() {
            if let Some(ann) = a.annotation() {
                items.push((self.mangle(a.name().as_str()), ann));
            }
        }
        if let Some(r) = returns {
            items.push(("return".into(), r));
        }
        if items.is_empty() {
            return Ok(None);
        }
        let dst = self.tmp();
        let n = items.len() as u32;
        let m = self.mark();
        let base = self.window(2 * n);
        for (i, (name, e)) in items.into_iter().enumerate() {
            self.load_const(
                Constant::Str(name.as_str().into()),
                Reg(base.0 + 2 * i as u32),
                e.range(),
            );
            let slot = Reg(base.0 + 2 * i as u32 + 1);
            match e {
                // `*args: *Ts` (PEP 646): the annotation is the single item of `[*Ts]`.
                Expr::Starred(s) if !self.future_annotations => {
                    let v = self.expr(&s.value)?;
                    self.emit(
                        Instruction::UnpackSequence {
                            base: slot,
                            src: v,
                            count: Count(1),
                        },
                        e.range(),
                    );
                }
                _ => {
                    let v = self.annotation(e)?;
                    self.emit(Instruction::Move { dst: slot, src: v }, e.range());
                }
            }
        }
        self.emit(
            Instruction::BuildTuple {
                dst,
                base,
                count: Count(2 * n),
            },
            p.range,
        );
        self.release(m);
        Ok(Some(dst))
    }

    fn function_body(
        &mut self,
        scope: crate::symtable::ScopeId,
        name: &str,
        qualname: String,
        params: &'a ast::Parameters,
        body: &'a [Stmt],
        range: TextRange,
    ) -> CResult<Arc<CodeObject>> {
        self.enter_unit(scope, name, qualname, range);
        self.set_arg_counts(params);
        let mut deleted = std::collections::HashSet::new();
        collect_deleted(body, &mut deleted);
        self.u().deleted = deleted;
        if let Some(doc) = docstring_of(body) {
            self.u().docstring = Some(super::strings::string_value(doc, self.source));
        }
        let body_start = if self.ur().docstring.is_some() { 1 } else { 0 };
        self.body(&body[body_start..])?;
        if !self.last_is_terminal() {
            let end = body.last().map_or(range, |s| s.range());
            let none = self.const_reg(Constant::None, end);
            self.emit(Instruction::Return { src: none }, end);
        }
        self.leave_unit()
    }

    fn class_def(&mut self, c: &'a ast::StmtClassDef) -> CResult<()> {
        let range = c.range;
        if c.type_params.is_some() {
            return Err(self.error("invalid syntax", range));
        }
        let decorators = self.decorators(&c.decorator_list)?;
        let scope = self
            .table
            .scope_of(c)
            .ok_or_else(|| self.error("internal: class scope", range))?;
        let qualname = self.child_qualname(c.name.as_str());
        // The class body.
        self.enter_unit(scope, c.name.as_str(), qualname.clone(), range);
        let t = self.tmp();
        let module_name = self.name_idx("__name__");
        self.emit(
            Instruction::LoadName {
                dst: t,
                name: module_name,
            },
            range,
        );
        let module_attr = self.name_idx("__module__");
        self.emit(
            Instruction::StoreName {
                name: module_attr,
                src: t,
            },
            range,
        );
        self.load_const(Constant::Str(qualname.as_str().into()), t, range);
        let q = self.name_idx("__qualname__");
        self.emit(Instruction::StoreName { name: q, src: t }, range);
        self.release(t.0);
        if has_annotations(&c.body) {
            self.emit(Instruction::SetupAnnotations {}, range);
        }
        let mut body: &'a [Stmt] = &c.body;
        if let Some(doc) = docstring_of(body) {
            let s = super::strings::string_value(doc, self.source);
            self.u().docstring = Some(s.clone());
            let r = self.const_reg(Constant::Str(s), doc.range);
            let d = self.name_idx("__doc__");
            self.emit(Instruction::StoreName { name: d, src: r }, doc.range);
            self.release(r.0);
            body = &body[1..];
        }
        self.body(body)?;
        let needs_cell = self.table.get(scope).needs_class_closure;
        let r = self.tmp();
        if needs_cell {
            let cell = CellIdx(
                self.ur()
                    .cells
                    .iter()
                    .position(|n| n == "__class__")
                    .unwrap_or(0) as u32,
            );
            self.emit(Instruction::LoadClosure { dst: r, cell }, range);
            let cc = self.name_idx("__classcell__");
            self.emit(Instruction::StoreName { name: cc, src: r }, range);
        } else {
            self.load_const(Constant::None, r, range);
        }
        self.emit(Instruction::Return { src: r }, range);
        let code = self.leave_unit()?;
        // __build_class__(func, name, *bases, **keywords)
        let (args, keywords): (&'a [Expr], &'a [ast::Keyword]) = match &c.arguments {
            Some(a) => (&a.args, &a.keywords),
            None => (&[], &[]),
        };
        let dynamic =
            args.iter().any(|a| a.is_starred_expr()) || keywords.iter().any(|k| k.arg.is_none());
        let dst = self.tmp();
        if dynamic {
            let m = self.mark();
            let bc = self.tmp();
            self.emit(Instruction::LoadBuildClass { dst: bc }, range);
            let func = self.tmp();
            self.make_function(code, None, None, func, range)?;
            let name = self.tmp();
            self.load_const(Constant::Str(c.name.as_str().into()), name, range);
            let list = self.tmp();
            self.emit(
                Instruction::BuildList {
                    dst: list,
                    base: func,
                    count: Count(2),
                },
                range,
            );
            let rest: Vec<&'a Expr> = args.iter().collect();
            let tail = self.tmp();
            self.build_sequence(&rest, SeqKind::List, tail, range)?;
            self.emit(Instruction::ListExtend { list, src: tail }, range);
            let tuple = self.tmp();
            self.emit(
                Instruction::ListToTuple {
                    dst: tuple,
                    src: list,
                },
                range,
            );
            if keywords.is_empty() {
                self.emit(
                    Instruction::CallEx {
                        dst,
                        func: bc,
                        args: tuple,
                    },
                    range,
                );
            } else {
                let kw = self.tmp();
                self.class_keywords(keywords, kw, bc, range)?;
                self.emit(
                    Instruction::CallExKw {
                        dst,
                        func: bc,
                        args: tuple,
                        kwargs: kw,
                    },
                    range,
                );
            }
            self.release(m);
        } else {
            let n = 2 + args.len() as u32 + keywords.len() as u32;
            let base = self.window(1 + n);
            self.emit(Instruction::LoadBuildClass { dst: base }, range);
            self.make_function(code, None, None, Reg(base.0 + 1), range)?;
            self.load_const(
                Constant::Str(c.name.as_str().into()),
                Reg(base.0 + 2),
                range,
            );
            let mut slot = base.0 + 3;
            for a in args {
                self.expr_into(a, Reg(slot))?;
                slot += 1;
            }
            for k in keywords {
                self.expr_into(&k.value, Reg(slot))?;
                slot += 1;
            }
            if !keywords.is_empty() {
                let names: Vec<Constant> = keywords
                    .iter()
                    .map(|k| Constant::Str(k.arg.as_ref().map_or("", |a| a.as_str()).into()))
                    .collect();
                let names = self.add_const(Constant::Tuple(Arc::from(names)));
                self.emit(Instruction::KwNames { names }, range);
            }
            let cache = self.cache();
            self.emit(
                Instruction::Call {
                    dst,
                    base,
                    argc: Count(n),
                    cache,
                },
                range,
            );
            self.release(dst.0 + 1);
        }
        self.apply_decorators(&decorators, dst, range);
        self.store_name(c.name.as_str(), dst, range);
        Ok(())
    }

    fn class_keywords(
        &mut self,
        keywords: &'a [ast::Keyword],
        dict: Reg,
        func: Reg,
        range: TextRange,
    ) -> CResult<()> {
        self.emit(
            Instruction::BuildMap {
                dst: dict,
                base: dict,
                count: Count(0),
            },
            range,
        );
        for k in keywords {
            let m = self.mark();
            let v = self.expr(&k.value)?;
            match &k.arg {
                Some(name) => {
                    let key = self.const_reg(Constant::Str(name.as_str().into()), k.range);
                    self.emit(
                        Instruction::MapAdd {
                            map: dict,
                            key,
                            value: v,
                        },
                        k.range,
                    );
                }
                None => self.emit(Instruction::DictMerge { dict, src: v, func }, k.range),
            }
            self.release(m);
        }
        Ok(())
    }
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

/// The source text of an annotation for `from __future__ import
/// annotations`: whitespace runs outside string literals collapse to one
/// space and line continuations disappear (CPython unparses the AST; the
/// source text matches it for the common, already-normalized spellings).
fn annotation_text(src: &str) -> String {
    let mut out = String::with_capacity(src.len());
    let mut quote: Option<char> = None;
    let mut prev_space = false;
    let mut chars = src.chars().peekable();
    while let Some(c) = chars.next() {
        if let Some(q) = quote {
            out.push(c);
            if c == '\\' {
                if let Some(n) = chars.next() {
                    out.push(n);
                }
            } else if c == q {
                quote = None;
            }
            continue;
        }
        match c {
            '\'' | '"' => {
                quote = Some(c);
                out.push(c);
                prev_space = false;
            }
            '\\' if matches!(chars.peek(), Some('\n' | '\r')) => {}
            c if c.is_whitespace() => {
                if !prev_space && !out.is_empty() && !out.ends_with(['(', '[']) {
                    out.push(' ');
                }
                prev_space = true;
            }
            ')' | ']' if prev_space => {
                out.pop();
                out.push(c);
                prev_space = false;
            }
            c => {
                out.push(c);
                prev_space = false;
            }
        }
    }
    out.trim_end().to_string()
}

/// CPython's description of an expression in "cannot assign to ..." messages.
pub(crate) fn expr_description(e: &Expr) -> &'static str {
    match e {
        Expr::Call(_) => "function call",
        Expr::Compare(_) => "comparison",
        Expr::BoolOp(_) | Expr::BinOp(_) | Expr::UnaryOp(_) => "expression",
        Expr::Lambda(_) => "lambda",
        Expr::If(_) => "conditional expression",
        Expr::Named(_) => "named expression",
        Expr::Await(_) => "await expression",
        Expr::Yield(_) | Expr::YieldFrom(_) => "yield expression",
        Expr::ListComp(_) => "list comprehension",
        Expr::SetComp(_) => "set comprehension",
        Expr::DictComp(_) => "dict comprehension",
        Expr::Generator(_) => "generator expression",
        Expr::Dict(_) => "dict literal",
        Expr::Set(_) => "set display",
        Expr::FString(_) => "f-string expression",
        Expr::NoneLiteral(_) => "None",
        Expr::BooleanLiteral(b) => {
            if b.value {
                "True"
            } else {
                "False"
            }
        }
        Expr::EllipsisLiteral(_) => "ellipsis",
        Expr::StringLiteral(_) | Expr::BytesLiteral(_) | Expr::NumberLiteral(_) => "literal",
        Expr::Tuple(_) => "tuple",
        Expr::List(_) => "list",
        Expr::Starred(_) => "starred",
        Expr::Attribute(_) => "attribute",
        Expr::Subscript(_) => "subscript",
        Expr::Name(_) => "name",
        Expr::Slice(_) => "slice",
        _ => "expression",
    }
}

fn cannot_assign_message(e: &Expr, verb: &str) -> String {
    let what = expr_description(e);
    match e {
        Expr::NoneLiteral(_) | Expr::BooleanLiteral(_) | Expr::EllipsisLiteral(_) => {
            format!("cannot {verb} {what}")
        }
        _ => format!("cannot {verb} {what}"),
    }
}
