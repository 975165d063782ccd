//! Leaving blocks early and exception handling: `try`/`except`/`finally`,
//! `except*` and `with`, compiled to zero-cost exception-table regions.
//! A handler receives the exception in a register, saves the previously
//! handled exception (`PushExcInfo`), and a cleanup region restores it
//! (`PopExcInfo`) if the handler body itself raises.

use ruff_python_ast::{self as ast, Stmt};
use ruff_text_size::{Ranged, TextRange};

use super::{CResult, Compiler, FBlock, Label};
use crate::code::Constant;
use crate::opcode::*;

impl<'a> Compiler<'a> {
    pub(crate) fn break_continue(&mut self, is_break: bool, range: TextRange) -> CResult<()> {
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
    pub(crate) fn unwind(
        &mut self,
        stop: Option<usize>,
        range: TextRange,
        is_return: bool,
    ) -> CResult<()> {
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

    pub(crate) fn try_finally(&mut self, t: &'a ast::StmtTry) -> CResult<()> {
        let range = t.range;
        let handler = self.new_label();
        let end = self.new_label();
        let exc = self.tmp();
        let assigned = self.ur().assigned.clone();
        self.push_fblock(FBlock::TryFinally { body: &t.finalbody });
        self.push_handler(handler, exc);
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
        let (saved, cleanup, exc2) = self.enter_handler(handler, exc, range);
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

    /// Starts a handler at `handler`, where the exception arrives in `exc`:
    /// saves the previously handled exception (`PushExcInfo`) and opens a
    /// cleanup region whose own exception lands in `exc2`. Returns
    /// `(saved, cleanup, exc2)`; the caller closes the region and binds
    /// `cleanup`, which restores `saved` and re-raises `exc2`.
    fn enter_handler(&mut self, handler: Label, exc: Reg, range: TextRange) -> (Reg, Label, Reg) {
        self.bind(handler);
        let saved = self.tmp();
        let cleanup = self.new_label();
        let exc2 = self.tmp();
        self.emit(Instruction::PushExcInfo { saved, exc }, range);
        self.push_handler(cleanup, exc2);
        (saved, cleanup, exc2)
    }

    pub(crate) fn try_except(&mut self, t: &'a ast::StmtTry) -> CResult<()> {
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
        let (saved, cleanup, exc2) = self.enter_handler(handler, exc, range);
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
    pub(crate) fn handler_body(
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

    pub(crate) fn clear_name(&mut self, name: &str, range: TextRange) {
        let m = self.mark();
        let none = self.const_reg(Constant::None, range);
        self.store_name(name, none, range);
        self.delete_name(name, range);
        self.release(m);
    }

    pub(crate) fn try_star(&mut self, t: &'a ast::StmtTry) -> CResult<()> {
        if !t.finalbody.is_empty() {
            // try/except*/finally: the finally wraps the except* statement.
            let handler = self.new_label();
            let end = self.new_label();
            let exc = self.tmp();
            let range = t.range;
            self.push_fblock(FBlock::TryFinally { body: &t.finalbody });
            self.push_handler(handler, exc);
            self.try_star_inner(t)?;
            self.pop_fblock();
            self.pop_handler();
            self.body(&t.finalbody)?;
            self.jump(end, range);
            let (saved, cleanup, exc2) = self.enter_handler(handler, exc, range);
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

    pub(crate) fn try_star_inner(&mut self, t: &'a ast::StmtTry) -> CResult<()> {
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
        let (saved, cleanup, exc2) = self.enter_handler(handler, exc, range);
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

    pub(crate) fn with_stmt(&mut self, w: &'a ast::StmtWith, item: usize) -> CResult<()> {
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
        self.push_fblock(FBlock::With {
            exit,
            is_async: w.is_async,
        });
        self.push_handler(handler, exc);
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
        let (saved, cleanup, exc2) = self.enter_handler(handler, exc, range);
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
}
