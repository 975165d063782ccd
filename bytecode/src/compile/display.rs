//! Displays: tuples, lists, sets and dicts (with `*`/`**` unpacking) and
//! f-strings.

use ruff_python_ast::{self as ast, Expr};
use ruff_text_size::{Ranged, TextRange};

use super::expr::{FPart, PartText, SeqKind};
use super::{CResult, Compiler};
use crate::code::Constant;
use crate::opcode::*;

impl<'a> Compiler<'a> {
    pub(crate) fn sequence(
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

    pub(crate) fn dict(&mut self, d: &'a ast::ExprDict, want: Option<Reg>) -> CResult<Reg> {
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
            let base = if n == 0 { dst } else { base };
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

    pub(crate) fn fstring(&mut self, f: &'a ast::ExprFString, want: Option<Reg>) -> CResult<Reg> {
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

    pub(crate) fn collect_fstring(
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

    pub(crate) fn fstring_value(
        &mut self,
        el: &'a ast::InterpolatedElement,
        slot: Reg,
    ) -> CResult<()> {
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
}
