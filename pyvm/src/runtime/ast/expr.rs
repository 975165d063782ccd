//! Expressions, strings and patterns → `_ast` nodes (CPython 3.11's
//! shapes: literals are `Constant`, f-strings `JoinedStr` of `Constant`s
//! and `FormattedValue`s carrying the whole string's position).

use pyvm_bytecode::parse_tree::ruff_python_ast::{self as ast, Expr, ExprContext, Pattern};
use pyvm_bytecode::parse_tree::ruff_text_size::{Ranged, TextRange, TextSize};
use pyvm_bytecode::parse_tree::{number_value, string_part_value, string_value};
use pyvm_bytecode::{Constant, PyStr};
use pyvm_objmodel::Value;

use super::build::Builder;
use crate::runtime::exception::PyResult;
use crate::runtime::heap::Vm;

/// One piece of a `JoinedStr` being assembled.
enum Piece<'a> {
    Text(Vec<u32>),
    Value(&'a ast::InterpolatedElement, TextRange),
}

impl Builder<'_> {
    /// Pushes the node for `e`.
    pub(crate) fn expr(&mut self, vm: &mut Vm, e: &Expr) -> PyResult<()> {
        stacker::maybe_grow(128 * 1024, 4 * 1024 * 1024, || self.expr_inner(vm, e, None))
    }

    /// Pushes the node for `e`, or None.
    pub(crate) fn opt_expr(&mut self, vm: &mut Vm, e: Option<&Expr>) -> PyResult<()> {
        match e {
            Some(e) => self.expr(vm, e),
            None => {
                vm.push_temp(Value::NONE);
                Ok(())
            }
        }
    }

    /// Pushes a list of the nodes for `es`.
    pub(crate) fn exprs<'a>(
        &mut self,
        vm: &mut Vm,
        es: impl IntoIterator<Item = &'a Expr>,
    ) -> PyResult<()> {
        self.seq(vm, es, |b, vm, e| b.expr(vm, e))
    }

    fn ctx(&mut self, vm: &mut Vm, c: ExprContext) -> PyResult<()> {
        let name = match c {
            ExprContext::Store => "Store",
            ExprContext::Del => "Del",
            _ => "Load",
        };
        self.singleton(vm, name)
    }

    fn op_node<T: std::fmt::Debug>(&mut self, vm: &mut Vm, op: T) -> PyResult<()> {
        let name = format!("{op:?}");
        self.singleton(vm, &name)
    }

    fn constant(&mut self, vm: &mut Vm, c: &Constant) -> PyResult<()> {
        let v = vm.new_constant(c)?;
        vm.push_temp(v);
        Ok(())
    }

    /// `range` overrides the node's own range (a generator expression that
    /// is a call's only argument spans the call's parentheses).
    fn expr_inner(&mut self, vm: &mut Vm, e: &Expr, range: Option<TextRange>) -> PyResult<()> {
        let mark = vm.temps_len();
        let r = Some(range.unwrap_or_else(|| e.range()));
        let name = match e {
            Expr::BoolOp(x) => {
                self.op_node(vm, x.op)?;
                self.exprs(vm, &x.values)?;
                "BoolOp"
            }
            Expr::Named(x) => {
                self.expr(vm, &x.target)?;
                self.expr(vm, &x.value)?;
                "NamedExpr"
            }
            Expr::BinOp(x) => {
                self.expr(vm, &x.left)?;
                self.op_node(vm, x.op)?;
                self.expr(vm, &x.right)?;
                "BinOp"
            }
            Expr::UnaryOp(x) => {
                self.op_node(vm, x.op)?;
                self.expr(vm, &x.operand)?;
                "UnaryOp"
            }
            Expr::Lambda(x) => {
                self.arguments(vm, x.parameters.as_deref())?;
                self.expr(vm, &x.body)?;
                "Lambda"
            }
            Expr::If(x) => {
                self.expr(vm, &x.test)?;
                self.expr(vm, &x.body)?;
                self.expr(vm, &x.orelse)?;
                "IfExp"
            }
            Expr::Dict(x) => {
                self.seq(vm, &x.items, |b, vm, it| b.opt_expr(vm, it.key.as_ref()))?;
                self.seq(vm, &x.items, |b, vm, it| b.expr(vm, &it.value))?;
                "Dict"
            }
            Expr::Set(x) => {
                self.exprs(vm, &x.elts)?;
                "Set"
            }
            Expr::ListComp(x) => {
                self.expr(vm, &x.elt)?;
                self.comprehensions(vm, &x.generators)?;
                "ListComp"
            }
            Expr::SetComp(x) => {
                self.expr(vm, &x.elt)?;
                self.comprehensions(vm, &x.generators)?;
                "SetComp"
            }
            Expr::DictComp(x) => {
                self.opt_expr(vm, x.key.as_deref())?;
                self.expr(vm, &x.value)?;
                self.comprehensions(vm, &x.generators)?;
                "DictComp"
            }
            Expr::Generator(x) => {
                self.expr(vm, &x.elt)?;
                self.comprehensions(vm, &x.generators)?;
                "GeneratorExp"
            }
            Expr::Await(x) => {
                self.expr(vm, &x.value)?;
                "Await"
            }
            Expr::Yield(x) => {
                self.opt_expr(vm, x.value.as_deref())?;
                "Yield"
            }
            Expr::YieldFrom(x) => {
                self.expr(vm, &x.value)?;
                "YieldFrom"
            }
            Expr::Compare(x) => {
                self.expr(vm, &x.left)?;
                self.seq(vm, x.ops.iter(), |b, vm, op| b.op_node(vm, *op))?;
                self.exprs(vm, x.comparators.iter())?;
                "Compare"
            }
            Expr::Call(x) => {
                self.expr(vm, &x.func)?;
                self.call_args(vm, &x.arguments)?;
                self.seq(vm, &x.arguments.keywords, |b, vm, k| b.keyword(vm, k))?;
                "Call"
            }
            Expr::FString(x) => {
                self.fstring(vm, x)?;
                "JoinedStr"
            }
            Expr::StringLiteral(x) => {
                let v = string_value(x, self.src);
                self.constant(vm, &Constant::Str(v))?;
                let kind = x.value.is_unicode().then_some("u");
                self.opt_text(vm, kind)?;
                "Constant"
            }
            Expr::BytesLiteral(x) => {
                let mut v = Vec::new();
                for part in x.value.iter() {
                    v.extend_from_slice(&part.value);
                }
                self.constant(vm, &Constant::Bytes(v.into()))?;
                vm.push_temp(Value::NONE);
                "Constant"
            }
            Expr::NumberLiteral(x) => {
                self.constant(vm, &number_value(&x.value))?;
                vm.push_temp(Value::NONE);
                "Constant"
            }
            Expr::BooleanLiteral(x) => {
                vm.push_temp(Value::from_bool(x.value));
                vm.push_temp(Value::NONE);
                "Constant"
            }
            Expr::NoneLiteral(_) => {
                vm.push_temp(Value::NONE);
                vm.push_temp(Value::NONE);
                "Constant"
            }
            Expr::EllipsisLiteral(_) => {
                vm.push_temp(Value::ELLIPSIS);
                vm.push_temp(Value::NONE);
                "Constant"
            }
            Expr::Attribute(x) => {
                self.expr(vm, &x.value)?;
                self.text(vm, x.attr.as_str())?;
                self.ctx(vm, x.ctx)?;
                "Attribute"
            }
            Expr::Subscript(x) => {
                self.expr(vm, &x.value)?;
                self.expr(vm, &x.slice)?;
                self.ctx(vm, x.ctx)?;
                "Subscript"
            }
            Expr::Starred(x) => {
                self.expr(vm, &x.value)?;
                self.ctx(vm, x.ctx)?;
                "Starred"
            }
            Expr::Name(x) => {
                self.text(vm, x.id.as_str())?;
                self.ctx(vm, x.ctx)?;
                "Name"
            }
            Expr::List(x) => {
                self.exprs(vm, &x.elts)?;
                self.ctx(vm, x.ctx)?;
                "List"
            }
            Expr::Tuple(x) => {
                self.exprs(vm, &x.elts)?;
                self.ctx(vm, x.ctx)?;
                "Tuple"
            }
            Expr::Slice(x) => {
                self.opt_expr(vm, x.lower.as_deref())?;
                self.opt_expr(vm, x.upper.as_deref())?;
                self.opt_expr(vm, x.step.as_deref())?;
                "Slice"
            }
            Expr::TString(_) | Expr::IpyEscapeCommand(_) => {
                return Err(vm.not_supported("this expression in ast.parse"));
            }
        };
        self.finish(vm, name, mark, r)
    }

    /// A call's positional arguments; an unparenthesized generator
    /// expression (the only argument) spans the call's parentheses.
    fn call_args(&mut self, vm: &mut Vm, args: &ast::Arguments) -> PyResult<()> {
        let mark = vm.temps_len();
        for a in args.args.iter() {
            match a {
                Expr::Generator(g) if !g.parenthesized => {
                    stacker::maybe_grow(128 * 1024, 4 * 1024 * 1024, || {
                        self.expr_inner(vm, a, Some(args.range))
                    })?
                }
                _ => self.expr(vm, a)?,
            }
        }
        let vals: Vec<Value> = (mark..vm.temps_len()).map(|i| vm.temp(i)).collect();
        let l = vm.new_list(&vals)?;
        vm.pop_temps(mark);
        vm.push_temp(l);
        Ok(())
    }

    /// Pushes a `keyword` node.
    pub(crate) fn keyword(&mut self, vm: &mut Vm, k: &ast::Keyword) -> PyResult<()> {
        let mark = vm.temps_len();
        self.opt_text(vm, k.arg.as_ref().map(|a| a.as_str()))?;
        self.expr(vm, &k.value)?;
        self.finish(vm, "keyword", mark, Some(k.range))
    }

    fn comprehensions(&mut self, vm: &mut Vm, gens: &[ast::Comprehension]) -> PyResult<()> {
        self.seq(vm, gens, |b, vm, g| {
            let mark = vm.temps_len();
            b.expr(vm, &g.target)?;
            b.expr(vm, &g.iter)?;
            b.exprs(vm, &g.ifs)?;
            b.int(vm, i64::from(g.is_async));
            b.finish(vm, "comprehension", mark, None)
        })
    }

    /// Pushes an `arguments` node (`None`: a lambda without parameters).
    pub(crate) fn arguments(&mut self, vm: &mut Vm, p: Option<&ast::Parameters>) -> PyResult<()> {
        let mark = vm.temps_len();
        let empty = ast::Parameters::default();
        let p = p.unwrap_or(&empty);
        self.seq(vm, &p.posonlyargs, |b, vm, a| b.arg(vm, &a.parameter))?;
        self.seq(vm, &p.args, |b, vm, a| b.arg(vm, &a.parameter))?;
        match &p.vararg {
            Some(a) => self.arg(vm, a)?,
            None => {
                vm.push_temp(Value::NONE);
            }
        }
        self.seq(vm, &p.kwonlyargs, |b, vm, a| b.arg(vm, &a.parameter))?;
        self.seq(vm, &p.kwonlyargs, |b, vm, a| {
            b.opt_expr(vm, a.default.as_deref())
        })?;
        match &p.kwarg {
            Some(a) => self.arg(vm, a)?,
            None => {
                vm.push_temp(Value::NONE);
            }
        }
        let defaults: Vec<&Expr> = p
            .posonlyargs
            .iter()
            .chain(p.args.iter())
            .filter_map(|a| a.default.as_deref())
            .collect();
        self.seq(vm, defaults.iter().copied(), |b, vm, e| b.expr(vm, e))?;
        self.finish(vm, "arguments", mark, None)
    }

    fn arg(&mut self, vm: &mut Vm, a: &ast::Parameter) -> PyResult<()> {
        let mark = vm.temps_len();
        self.text(vm, a.name.as_str())?;
        self.opt_expr(vm, a.annotation.as_deref())?;
        vm.push_temp(Value::NONE);
        let r = TextRange::new(a.name.range.start(), a.range.end());
        self.finish(vm, "arg", mark, Some(r))
    }

    /// The values of an f-string (with its plain-string neighbours).
    fn fstring(&mut self, vm: &mut Vm, f: &ast::ExprFString) -> PyResult<()> {
        let mut pieces: Vec<Piece<'_>> = Vec::new();
        for part in f.value.iter() {
            match part {
                ast::FStringPart::Literal(l) => {
                    let s = string_part_value(l, self.src);
                    pieces.push(Piece::Text(s.code_points().collect()));
                }
                ast::FStringPart::FString(fs) => {
                    collect_pieces(&fs.elements, fs.range, &mut pieces)
                }
            }
        }
        self.joined_values(vm, pieces, f.range)
    }

    /// Pushes the list of `Constant`/`FormattedValue` nodes for `pieces`
    /// (adjacent texts merged, empty ones dropped), all at `whole`.
    fn joined_values(
        &mut self,
        vm: &mut Vm,
        pieces: Vec<Piece<'_>>,
        whole: TextRange,
    ) -> PyResult<()> {
        let mut merged: Vec<Piece<'_>> = Vec::new();
        for p in pieces {
            match (merged.last_mut(), p) {
                (Some(Piece::Text(a)), Piece::Text(b)) => a.extend(b),
                (_, p) => merged.push(p),
            }
        }
        merged.retain(|p| !matches!(p, Piece::Text(t) if t.is_empty()));
        let mark = vm.temps_len();
        for p in merged {
            let m = vm.temps_len();
            match p {
                Piece::Text(t) => {
                    self.constant(vm, &Constant::Str(PyStr::from_code_points(t)))?;
                    vm.push_temp(Value::NONE);
                    self.finish(vm, "Constant", m, Some(whole))?;
                }
                Piece::Value(el, part_range) => {
                    match &*el.expression {
                        // CPython 3.11 parses `{a, b}` as `(a, b)` with the
                        // parentheses at the braces.
                        Expr::Tuple(t) if !t.parenthesized => {
                            let stop = self.skip_spaces(t.range.end());
                            let r = TextRange::new(el.range.start(), stop + TextSize::from(1));
                            stacker::maybe_grow(128 * 1024, 4 * 1024 * 1024, || {
                                self.expr_inner(vm, &el.expression, Some(r))
                            })?
                        }
                        _ => self.expr(vm, &el.expression)?,
                    }
                    let mut conv: i64 = match el.conversion {
                        ast::ConversionFlag::None => -1,
                        ast::ConversionFlag::Str => 115,
                        ast::ConversionFlag::Repr => 114,
                        ast::ConversionFlag::Ascii => 97,
                    };
                    if el.debug_text.is_some() && conv == -1 && el.format_spec.is_none() {
                        conv = 114;
                    }
                    self.int(vm, conv);
                    match &el.format_spec {
                        None => {
                            vm.push_temp(Value::NONE);
                        }
                        Some(spec) => {
                            let mut inner = Vec::new();
                            collect_pieces(&spec.elements, part_range, &mut inner);
                            // CPython 3.11 places a spec at its f-string
                            // part, and a spec that is only text there too.
                            let only_text = inner.iter().all(|p| matches!(p, Piece::Text(_)));
                            let at = if only_text { part_range } else { whole };
                            let sm = vm.temps_len();
                            self.joined_values(vm, inner, at)?;
                            self.finish(vm, "JoinedStr", sm, Some(part_range))?;
                        }
                    }
                    self.finish(vm, "FormattedValue", m, Some(whole))?;
                }
            }
        }
        let vals: Vec<Value> = (mark..vm.temps_len()).map(|i| vm.temp(i)).collect();
        let l = vm.new_list(&vals)?;
        vm.pop_temps(mark);
        vm.push_temp(l);
        Ok(())
    }

    /// Pushes the node for a `case` pattern.
    pub(crate) fn pattern(&mut self, vm: &mut Vm, p: &Pattern) -> PyResult<()> {
        stacker::maybe_grow(128 * 1024, 4 * 1024 * 1024, || self.pattern_inner(vm, p))
    }

    fn pattern_inner(&mut self, vm: &mut Vm, p: &Pattern) -> PyResult<()> {
        let mark = vm.temps_len();
        let name = match p {
            Pattern::MatchValue(x) => {
                self.expr(vm, &x.value)?;
                "MatchValue"
            }
            Pattern::MatchSingleton(x) => {
                vm.push_temp(match x.value {
                    ast::Singleton::None => Value::NONE,
                    ast::Singleton::True => Value::from_bool(true),
                    ast::Singleton::False => Value::from_bool(false),
                });
                "MatchSingleton"
            }
            Pattern::MatchSequence(x) => {
                self.seq(vm, &x.patterns, |b, vm, p| b.pattern(vm, p))?;
                "MatchSequence"
            }
            Pattern::MatchMapping(x) => {
                self.exprs(vm, x.keys.iter())?;
                self.seq(vm, x.patterns.iter(), |b, vm, p| b.pattern(vm, p))?;
                self.opt_text(vm, x.rest.as_ref().map(|r| r.as_str()))?;
                "MatchMapping"
            }
            Pattern::MatchClass(x) => {
                self.expr(vm, &x.cls)?;
                self.seq(vm, x.arguments.patterns.iter(), |b, vm, p| b.pattern(vm, p))?;
                self.seq(vm, &x.arguments.keywords, |b, vm, k| {
                    b.text(vm, k.attr.as_str())
                })?;
                self.seq(vm, &x.arguments.keywords, |b, vm, k| {
                    b.pattern(vm, &k.pattern)
                })?;
                "MatchClass"
            }
            Pattern::MatchStar(x) => {
                self.opt_text(vm, x.name.as_ref().map(|r| r.as_str()))?;
                "MatchStar"
            }
            Pattern::MatchAs(x) => {
                match &x.pattern {
                    Some(p) => self.pattern(vm, p)?,
                    None => {
                        vm.push_temp(Value::NONE);
                    }
                }
                self.opt_text(vm, x.name.as_ref().map(|r| r.as_str()))?;
                "MatchAs"
            }
            Pattern::MatchOr(x) => {
                self.seq(vm, &x.patterns, |b, vm, p| b.pattern(vm, p))?;
                "MatchOr"
            }
        };
        self.finish(vm, name, mark, Some(p.range()))
    }
}

/// Appends an f-string's elements (`part` is the range of the f-string
/// they belong to; a nested format spec's `JoinedStr` ends where it ends).
fn collect_pieces<'a>(
    elements: &'a ast::InterpolatedStringElements,
    part: TextRange,
    out: &mut Vec<Piece<'a>>,
) {
    for el in elements.iter() {
        match el {
            ast::InterpolatedStringElement::Literal(l) => {
                out.push(Piece::Text(l.value.chars().map(|c| c as u32).collect()))
            }
            ast::InterpolatedStringElement::Interpolation(i) => {
                if let Some(debug) = &i.debug_text {
                    let text = format!(
                        "{}{}{}",
                        debug.leading(),
                        debug.expression(),
                        debug.trailing()
                    );
                    out.push(Piece::Text(text.chars().map(|c| c as u32).collect()));
                }
                out.push(Piece::Value(i, part));
            }
        }
    }
}
