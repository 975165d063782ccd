//! Definitions and imports: `def`, `class`, decorators, annotations,
//! `import` and `from ... import`.

use std::sync::Arc;

use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};

use super::expr::SeqKind;
use super::stmt::has_annotations;
use super::{CResult, Compiler, collect_deleted, docstring_of};
use crate::code::{CodeObject, Constant};
use crate::opcode::*;

impl<'a> Compiler<'a> {
    pub(crate) fn import_from(&mut self, i: &'a ast::StmtImportFrom) -> CResult<()> {
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
                self.emit(Instruction::ImportStar { module: m }, range);
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
                range,
            );
            let bound = a.asname.as_ref().unwrap_or(&a.name);
            self.store_name(bound.as_str(), v, range);
        }
        Ok(())
    }

    pub(crate) fn check_future(&mut self, i: &'a ast::StmtImportFrom) -> CResult<()> {
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
                return Err(self.error("not a chance", i.range));
            }
            if !FEATURES.contains(&n) {
                return Err(self.error(format!("future feature {n} is not defined"), i.range));
            }
        }
        Ok(())
    }

    pub(crate) fn decorators(&mut self, list: &'a [ast::Decorator]) -> CResult<Vec<Reg>> {
        let mut regs = Vec::new();
        for d in list {
            let r = self.tmp();
            self.expr_into(&d.expression, r)?;
            regs.push(r);
        }
        Ok(regs)
    }

    pub(crate) fn apply_decorators(&mut self, decorators: &[Reg], value: Reg, range: TextRange) {
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

    pub(crate) fn function_def(&mut self, f: &'a ast::StmtFunctionDef) -> CResult<()> {
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

    pub(crate) fn function_annotations(
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

    pub(crate) fn function_body(
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
        let has_doc = docstring_of(body).is_some();
        if let Some(doc) = docstring_of(body).filter(|_| self.optimize < 2) {
            self.u().docstring = Some(super::strings::string_value(doc, self.source));
        }
        let body_start = usize::from(has_doc);
        self.body(&body[body_start..])?;
        if !self.last_is_terminal() {
            let end = body.last().map_or(range, |s| s.range());
            let none = self.const_reg(Constant::None, end);
            self.emit(Instruction::Return { src: none }, end);
        }
        self.leave_unit()
    }

    pub(crate) fn class_def(&mut self, c: &'a ast::StmtClassDef) -> CResult<()> {
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
            if self.optimize < 2 {
                let s = super::strings::string_value(doc, self.source);
                self.u().docstring = Some(s.clone());
                let r = self.const_reg(Constant::Str(s), doc.range);
                let d = self.name_idx("__doc__");
                self.emit(Instruction::StoreName { name: d, src: r }, doc.range);
                self.release(r.0);
            }
            body = &body[1..];
        }
        self.body(body)?;
        let needs_cell = self.table.get(scope).needs_class_closure;
        // The implicit return is located at the last statement, as in CPython.
        let end = c.body.last().map_or(range, |s| s.range());
        let r = self.tmp();
        if needs_cell {
            let cell = CellIdx(
                self.ur()
                    .cells
                    .iter()
                    .position(|n| n == "__class__")
                    .unwrap_or(0) as u32,
            );
            self.emit(Instruction::LoadClosure { dst: r, cell }, end);
            let cc = self.name_idx("__classcell__");
            self.emit(Instruction::StoreName { name: cc, src: r }, end);
        } else {
            self.load_const(Constant::None, r, end);
        }
        self.emit(Instruction::Return { src: r }, end);
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

    pub(crate) fn class_keywords(
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
