//! `match` statements. Each case tests the subject with pattern
//! instructions; captured values go to temporaries and are bound to their
//! names only once the whole pattern matched (then the guard runs).

use std::collections::HashSet;
use std::sync::Arc;

use ruff_python_ast::{self as ast, Pattern};
use ruff_text_size::{Ranged, TextRange};

use super::fold::const_value;
use super::{CResult, Compiler, Label};
use crate::code::Constant;
use crate::opcode::*;

type Captures<'a> = Vec<(&'a str, Reg)>;

impl<'a> Compiler<'a> {
    pub fn match_stmt(&mut self, m: &'a ast::StmtMatch) -> CResult<()> {
        let subject = self.tmp();
        self.expr_into(&m.subject, subject)?;
        let end = self.new_label();
        let assigned = self.ur().assigned.clone();
        let n = m.cases.len();
        for (i, case) in m.cases.iter().enumerate() {
            let is_last = i + 1 == n;
            if !is_last
                && case.guard.is_none()
                && let Some(msg) = irrefutable_message(&case.pattern)
            {
                return Err(self.error(msg, case.pattern.range()));
            }
            let next = self.new_label();
            let mark = self.mark();
            let mut caps: Captures<'a> = Vec::new();
            self.pattern(&case.pattern, subject, next, &mut caps)?;
            for (name, reg) in &caps {
                self.store_name(name, *reg, case.pattern.range());
            }
            if let Some(g) = &case.guard {
                self.jump_if(g, false, next)?;
            }
            self.body(&case.body)?;
            if !self.last_is_terminal() {
                self.jump(end, case.range);
            }
            self.release(mark);
            self.bind(next);
            self.u().assigned = assigned.clone();
        }
        self.bind(end);
        Ok(())
    }

    pub(crate) fn capture(
        &mut self,
        name: &'a str,
        value: Reg,
        caps: &mut Captures<'a>,
        range: TextRange,
    ) -> CResult<()> {
        if caps.iter().any(|(n, _)| *n == name) {
            return Err(self.error(
                format!("multiple assignments to name '{name}' in pattern"),
                range,
            ));
        }
        let r = self.tmp();
        self.emit(Instruction::Move { dst: r, src: value }, range);
        caps.push((name, r));
        Ok(())
    }

    pub(crate) fn fail_if_false(&mut self, cond: Reg, fail: Label, range: TextRange) {
        self.emit(
            Instruction::JumpIfFalse {
                cond,
                target: Self::target(fail),
            },
            range,
        );
    }

    pub fn pattern(
        &mut self,
        p: &'a Pattern,
        subj: Reg,
        fail: Label,
        caps: &mut Captures<'a>,
    ) -> CResult<()> {
        let range = p.range();
        match p {
            Pattern::MatchValue(v) => {
                let m = self.mark();
                let value = self.expr(&v.value)?;
                let t = self.tmp();
                let cache = self.cache();
                self.emit(
                    Instruction::Eq {
                        dst: t,
                        lhs: subj,
                        rhs: value,
                        cache,
                    },
                    range,
                );
                self.fail_if_false(t, fail, range);
                self.release(m);
            }
            Pattern::MatchSingleton(s) => {
                let m = self.mark();
                let c = match s.value {
                    ast::Singleton::None => Constant::None,
                    ast::Singleton::True => Constant::Bool(true),
                    ast::Singleton::False => Constant::Bool(false),
                };
                let v = self.const_reg(c, range);
                let t = self.tmp();
                self.emit(
                    Instruction::Is {
                        dst: t,
                        lhs: subj,
                        rhs: v,
                    },
                    range,
                );
                self.fail_if_false(t, fail, range);
                self.release(m);
            }
            Pattern::MatchAs(a) => {
                if let Some(inner) = &a.pattern {
                    self.pattern(inner, subj, fail, caps)?;
                }
                if let Some(name) = &a.name {
                    self.check_capture_name(name.as_str(), name.range)?;
                    self.capture(name.as_str(), subj, caps, range)?;
                }
            }
            Pattern::MatchStar(_) => return Err(self.error("can't use starred name here", range)),
            Pattern::MatchSequence(s) => self.sequence_pattern(s, subj, fail, caps)?,
            Pattern::MatchMapping(mp) => self.mapping_pattern(mp, subj, fail, caps)?,
            Pattern::MatchClass(c) => self.class_pattern(c, subj, fail, caps)?,
            Pattern::MatchOr(o) => self.or_pattern(o, subj, fail, caps)?,
        }
        Ok(())
    }

    pub(crate) fn check_capture_name(&self, name: &str, range: TextRange) -> CResult<()> {
        if name == "__debug__" {
            return Err(self.error("cannot assign to __debug__", range));
        }
        Ok(())
    }

    pub(crate) fn sequence_pattern(
        &mut self,
        s: &'a ast::PatternMatchSequence,
        subj: Reg,
        fail: Label,
        caps: &mut Captures<'a>,
    ) -> CResult<()> {
        let range = s.range;
        let stars: Vec<usize> = s
            .patterns
            .iter()
            .enumerate()
            .filter(|(_, p)| p.is_match_star())
            .map(|(i, _)| i)
            .collect();
        if stars.len() > 1 {
            return Err(self.error("multiple starred names in sequence pattern", range));
        }
        let m = self.mark();
        let t = self.tmp();
        self.emit(
            Instruction::MatchSequence {
                dst: t,
                subject: subj,
            },
            range,
        );
        self.fail_if_false(t, fail, range);
        let n = s.patterns.len() as u32;
        let len = self.tmp();
        self.emit(
            Instruction::GetLen {
                dst: len,
                src: subj,
            },
            range,
        );
        let (want, cmp_exact) = match stars.first() {
            None => (n, true),
            Some(_) => (n - 1, false),
        };
        if want != 0 || cmp_exact {
            let k = self.const_reg(Constant::Int(want as i64), range);
            let cache = self.cache();
            let ins = if cmp_exact {
                Instruction::Eq {
                    dst: t,
                    lhs: len,
                    rhs: k,
                    cache,
                }
            } else {
                Instruction::Ge {
                    dst: t,
                    lhs: len,
                    rhs: k,
                    cache,
                }
            };
            self.emit(ins, range);
            self.fail_if_false(t, fail, range);
        }
        let all_wild = s.patterns.iter().all(is_wildcard);
        if n > 0 && !all_wild {
            let base = self.window(n);
            match stars.first() {
                None => self.emit(
                    Instruction::UnpackSequence {
                        base,
                        src: subj,
                        count: Count(n),
                    },
                    range,
                ),
                Some(&i) => self.emit(
                    Instruction::UnpackEx {
                        base,
                        src: subj,
                        before: Count(i as u32),
                        after: Count(n - i as u32 - 1),
                    },
                    range,
                ),
            }
            for (i, p) in s.patterns.iter().enumerate() {
                let r = Reg(base.0 + i as u32);
                match p {
                    Pattern::MatchStar(star) => {
                        if let Some(name) = &star.name {
                            self.capture(name.as_str(), r, caps, star.range)?;
                        }
                    }
                    other => self.pattern(other, r, fail, caps)?,
                }
            }
        }
        self.keep_captures(m, caps);
        Ok(())
    }

    /// Releases temporaries above `mark` except capture registers (which
    /// are always allocated last and moved down if needed).
    pub(crate) fn keep_captures(&mut self, mark: u32, caps: &mut Captures<'a>) {
        let top = caps
            .iter()
            .map(|(_, r)| r.0 + 1)
            .max()
            .unwrap_or(mark)
            .max(mark);
        self.release(top);
    }

    pub(crate) fn mapping_pattern(
        &mut self,
        mp: &'a ast::PatternMatchMapping,
        subj: Reg,
        fail: Label,
        caps: &mut Captures<'a>,
    ) -> CResult<()> {
        let range = mp.range;
        let m = self.mark();
        let t = self.tmp();
        self.emit(
            Instruction::MatchMapping {
                dst: t,
                subject: subj,
            },
            range,
        );
        self.fail_if_false(t, fail, range);
        let n = mp.keys.len() as u32;
        if n == 0 && mp.rest.is_none() {
            self.keep_captures(m, caps);
            return Ok(());
        }
        // Literal keys must be distinct.
        let mut seen: Vec<Constant> = Vec::new();
        for k in &mp.keys {
            if let Some(c) = const_value(k, self.source) {
                if seen.iter().any(|s| s.same_as(&c)) {
                    return Err(self.error(
                        format!("mapping pattern checks duplicate key ({})", c.repr()),
                        mp.range,
                    ));
                }
                seen.push(c);
            } else if !matches!(k, ruff_python_ast::Expr::Attribute(_)) {
                return Err(self.error(
                    "mapping pattern keys may only match literals and attribute lookups",
                    k.range(),
                ));
            }
        }
        if n > 0 {
            let len = self.tmp();
            self.emit(
                Instruction::GetLen {
                    dst: len,
                    src: subj,
                },
                range,
            );
            let k = self.const_reg(Constant::Int(n as i64), range);
            let cache = self.cache();
            self.emit(
                Instruction::Ge {
                    dst: t,
                    lhs: len,
                    rhs: k,
                    cache,
                },
                range,
            );
            self.fail_if_false(t, fail, range);
        }
        let keys = self.tmp();
        let kb = self.window(n);
        for (i, k) in mp.keys.iter().enumerate() {
            self.expr_into(k, Reg(kb.0 + i as u32))?;
        }
        self.emit(
            Instruction::BuildTuple {
                dst: keys,
                base: kb,
                count: Count(n),
            },
            range,
        );
        if n > 0 {
            let values = self.tmp();
            self.emit(
                Instruction::MatchKeys {
                    dst: values,
                    subject: subj,
                    keys,
                },
                range,
            );
            self.emit(
                Instruction::JumpIfNone {
                    src: values,
                    target: Self::target(fail),
                },
                range,
            );
            let base = self.window(n);
            self.emit(
                Instruction::UnpackSequence {
                    base,
                    src: values,
                    count: Count(n),
                },
                range,
            );
            for (i, p) in mp.patterns.iter().enumerate() {
                self.pattern(p, Reg(base.0 + i as u32), fail, caps)?;
            }
        }
        if let Some(rest) = &mp.rest {
            let r = self.tmp();
            self.emit(
                Instruction::CopyDictWithoutKeys {
                    dst: r,
                    subject: subj,
                    keys,
                },
                range,
            );
            self.capture(rest.as_str(), r, caps, rest.range)?;
        }
        self.keep_captures(m, caps);
        Ok(())
    }

    pub(crate) fn class_pattern(
        &mut self,
        c: &'a ast::PatternMatchClass,
        subj: Reg,
        fail: Label,
        caps: &mut Captures<'a>,
    ) -> CResult<()> {
        let range = c.range;
        let m = self.mark();
        let npos = c.arguments.patterns.len() as u32;
        let mut names = Vec::new();
        let mut seen = HashSet::new();
        for k in &c.arguments.keywords {
            let a = k.attr.as_str();
            if !seen.insert(a) {
                return Err(self.error(
                    format!("attribute name repeated in class pattern: {a}"),
                    k.attr.range,
                ));
            }
            names.push(Constant::Str(a.into()));
        }
        let nkw = names.len() as u32;
        let names = self.add_const(Constant::Tuple(Arc::from(names)));
        let r = self.tmp();
        self.expr_into(&c.cls, r)?;
        self.emit(
            Instruction::MatchClass {
                dst_cls: r,
                subject: subj,
                npos: Count(npos),
                names,
            },
            range,
        );
        self.emit(
            Instruction::JumpIfNone {
                src: r,
                target: Self::target(fail),
            },
            range,
        );
        let total = npos + nkw;
        let subs: Vec<&'a Pattern> = c
            .arguments
            .patterns
            .iter()
            .chain(c.arguments.keywords.iter().map(|k| &k.pattern))
            .collect();
        if total > 0 && !subs.iter().all(|p| is_wildcard(p)) {
            let base = self.window(total);
            self.emit(
                Instruction::UnpackSequence {
                    base,
                    src: r,
                    count: Count(total),
                },
                range,
            );
            for (i, p) in subs.into_iter().enumerate() {
                self.pattern(p, Reg(base.0 + i as u32), fail, caps)?;
            }
        }
        self.keep_captures(m, caps);
        Ok(())
    }

    pub(crate) fn or_pattern(
        &mut self,
        o: &'a ast::PatternMatchOr,
        subj: Reg,
        fail: Label,
        caps: &mut Captures<'a>,
    ) -> CResult<()> {
        let range = o.range;
        let n = o.patterns.len();
        for (i, p) in o.patterns.iter().enumerate() {
            if let Some(msg) = irrefutable_message(p).filter(|_| i + 1 < n) {
                return Err(self.error(msg, p.range()));
            }
        }
        let done = self.new_label();
        let mut shared: Option<Vec<(&'a str, Reg)>> = None;
        let mark_outer = self.mark();
        for (i, p) in o.patterns.iter().enumerate() {
            let next = if i + 1 < n { self.new_label() } else { fail };
            let mut alt: Captures<'a> = Vec::new();
            self.pattern(p, subj, next, &mut alt)?;
            match &shared {
                None => {
                    // The first alternative's capture registers become the shared ones.
                    shared = Some(alt.clone());
                }
                Some(s) => {
                    let want: HashSet<&str> = s.iter().map(|(n, _)| *n).collect();
                    let got: HashSet<&str> = alt.iter().map(|(n, _)| *n).collect();
                    if want != got {
                        return Err(
                            self.error("alternative patterns bind different names", p.range())
                        );
                    }
                    for (name, reg) in &alt {
                        let dst = s
                            .iter()
                            .find(|(n, _)| n == name)
                            .map(|(_, r)| *r)
                            .unwrap_or(*reg);
                        if dst != *reg {
                            self.emit(Instruction::Move { dst, src: *reg }, range);
                        }
                    }
                }
            }
            if i + 1 < n {
                self.jump(done, range);
                self.bind(next);
                // Registers of the first alternative stay reserved.
                let keep = shared.as_ref().map_or(mark_outer, |s| {
                    s.iter().map(|(_, r)| r.0 + 1).max().unwrap_or(mark_outer)
                });
                self.release(keep.max(mark_outer));
            }
        }
        self.bind(done);
        for (name, r) in shared.unwrap_or_default() {
            if caps.iter().any(|(n, _)| *n == name) {
                return Err(self.error(
                    format!("multiple assignments to name '{name}' in pattern"),
                    range,
                ));
            }
            caps.push((name, r));
        }
        Ok(())
    }
}

fn is_wildcard(p: &Pattern) -> bool {
    matches!(p, Pattern::MatchAs(a) if a.pattern.is_none() && a.name.is_none())
}

/// CPython's error for an irrefutable pattern that is not the last case.
fn irrefutable_message(p: &Pattern) -> Option<String> {
    match p {
        Pattern::MatchAs(a) if a.pattern.is_none() => Some(match &a.name {
            Some(n) => format!(
                "name capture '{}' makes remaining patterns unreachable",
                n.as_str()
            ),
            None => "wildcard makes remaining patterns unreachable".into(),
        }),
        Pattern::MatchOr(o) => o.patterns.iter().find_map(irrefutable_message),
        _ => None,
    }
}
