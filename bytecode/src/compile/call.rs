//! Calls: a contiguous register window (callable, then arguments), a
//! `KwNames` prefix naming keyword arguments, `LoadMethod`/`CallMethod` for
//! `obj.m(...)`, and `CallEx`/`CallExKw` when `*`/`**` unpacking is used.

use std::sync::Arc;

use ruff_python_ast::{self as ast, Expr};
use ruff_text_size::{Ranged, TextRange};

use super::expr::SeqKind;
use super::{CResult, Compiler};
use crate::code::Constant;
use crate::opcode::*;

impl<'a> Compiler<'a> {
    pub fn call(&mut self, c: &'a ast::ExprCall, want: Option<Reg>) -> CResult<Reg> {
        let range = c.range();
        let args = &c.arguments;
        self.check_keywords(&args.keywords)?;
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
    pub(crate) fn call_args(&mut self, args: &'a ast::Arguments, first: u32) -> CResult<()> {
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

    pub(crate) fn emit_call(
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
        match elts.as_slice() {
            // `f(*x)`: `x` itself is passed (as CPython does), so that a
            // non-iterable is reported as "f() argument after * ...".
            [Expr::Starred(st)] => self.expr_into(&st.value, tuple)?,
            _ => self.build_sequence(&elts, SeqKind::Tuple, tuple, range)?,
        }
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

    pub(crate) fn flush_keywords(
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

    /// `f(x=1, x=2)` is a SyntaxError.
    pub(crate) fn check_keywords(&self, keywords: &[ast::Keyword]) -> CResult<()> {
        let mut seen = std::collections::HashSet::new();
        for k in keywords {
            if let Some(name) = k.arg.as_ref().filter(|n| !seen.insert(n.as_str())) {
                return Err(self.error(
                    format!("keyword argument repeated: {}", name.as_str()),
                    k.range,
                ));
            }
        }
        Ok(())
    }
}
