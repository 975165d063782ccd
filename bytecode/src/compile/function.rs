//! Function objects: `MakeFunction` with defaults and closures, lambdas,
//! and comprehensions (each a nested function called with the first
//! iterator, as in CPython 3.11).

use std::sync::Arc;

use ruff_python_ast::{self as ast, Expr};
use ruff_text_size::{Ranged, TextRange};

use super::expr::{CompKind, CompNode, SeqKind};
use super::{CResult, Compiler};
use crate::code::Constant;
use crate::opcode::*;

impl<'a> Compiler<'a> {
    pub(crate) fn lambda(&mut self, l: &'a ast::ExprLambda, want: Option<Reg>) -> CResult<Reg> {
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

    pub(crate) fn comprehension<T: Ranged + CompNode<'a>>(
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
        let outer_iter = self.iter_operand(&generators[0].iter)?;
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
        // A plain local target receives the item directly.
        let direct = match &g.target {
            Expr::Name(n) if !g.is_async => self.local_reg(n.id.as_str()),
            _ => None,
        };
        let item = direct.unwrap_or_else(|| self.tmp());
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
        match direct {
            Some(r) => self.note_assigned(r),
            None => self.assign(&g.target, item)?,
        }
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
