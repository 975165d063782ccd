//! Statements and modules → `_ast` nodes.

use pyvm_bytecode::Mode;
use pyvm_bytecode::parse_tree::ruff_python_ast::{self as ast, ExceptHandler, Mod, Stmt};
use pyvm_bytecode::parse_tree::ruff_text_size::{Ranged, TextRange};
use pyvm_objmodel::Value;

use super::build::Builder;
use crate::runtime::exception::PyResult;
use crate::runtime::heap::Vm;

impl Builder<'_> {
    /// Pushes the `Module`/`Expression`/`Interactive` node.
    pub(crate) fn module(&mut self, vm: &mut Vm, m: &Mod, mode: Mode) -> PyResult<()> {
        let mark = vm.temps_len();
        match m {
            Mod::Expression(e) => {
                self.expr(vm, &e.body)?;
                self.finish(vm, "Expression", mark, None)
            }
            Mod::Module(m) => {
                self.stmts(vm, &m.body)?;
                if mode == Mode::Single {
                    return self.finish(vm, "Interactive", mark, None);
                }
                self.seq(vm, std::iter::empty::<&Stmt>(), |_, _, _| Ok(()))?;
                self.finish(vm, "Module", mark, None)
            }
        }
    }

    /// Pushes a list of statement nodes.
    pub(crate) fn stmts<'a>(
        &mut self,
        vm: &mut Vm,
        body: impl IntoIterator<Item = &'a Stmt>,
    ) -> PyResult<()> {
        self.seq(vm, body, |b, vm, s| b.stmt(vm, s))
    }

    fn stmt(&mut self, vm: &mut Vm, s: &Stmt) -> PyResult<()> {
        stacker::maybe_grow(128 * 1024, 4 * 1024 * 1024, || self.stmt_inner(vm, s))
    }

    fn none(vm: &mut Vm) {
        vm.push_temp(Value::NONE);
    }

    fn stmt_inner(&mut self, vm: &mut Vm, s: &Stmt) -> PyResult<()> {
        let mark = vm.temps_len();
        let mut range = s.range();
        let name = match s {
            Stmt::FunctionDef(x) => {
                self.text(vm, x.name.as_str())?;
                self.arguments(vm, Some(&x.parameters))?;
                self.stmts(vm, &x.body)?;
                self.exprs(vm, x.decorator_list.iter().map(|d| &d.expression))?;
                self.opt_expr(vm, x.returns.as_deref())?;
                Self::none(vm);
                if !x.decorator_list.is_empty() {
                    let mut start = self.keyword_before(x.name.range.start(), "def");
                    if x.is_async {
                        start = self.keyword_before(start, "async");
                    }
                    range = TextRange::new(start, range.end());
                }
                if x.is_async {
                    "AsyncFunctionDef"
                } else {
                    "FunctionDef"
                }
            }
            Stmt::ClassDef(x) => {
                self.text(vm, x.name.as_str())?;
                let empty = ast::Arguments {
                    range: TextRange::default(),
                    node_index: Default::default(),
                    args: Box::new([]),
                    keywords: Default::default(),
                };
                let args = x.arguments.as_deref().unwrap_or(&empty);
                self.exprs(vm, args.args.iter())?;
                self.seq(vm, &args.keywords, |b, vm, k| b.keyword(vm, k))?;
                self.stmts(vm, &x.body)?;
                self.exprs(vm, x.decorator_list.iter().map(|d| &d.expression))?;
                if !x.decorator_list.is_empty() {
                    let start = self.keyword_before(x.name.range.start(), "class");
                    range = TextRange::new(start, range.end());
                }
                "ClassDef"
            }
            Stmt::Return(x) => {
                self.opt_expr(vm, x.value.as_deref())?;
                "Return"
            }
            Stmt::Delete(x) => {
                self.exprs(vm, &x.targets)?;
                "Delete"
            }
            Stmt::Assign(x) => {
                self.exprs(vm, &x.targets)?;
                self.expr(vm, &x.value)?;
                Self::none(vm);
                "Assign"
            }
            Stmt::AugAssign(x) => {
                self.expr(vm, &x.target)?;
                let op = format!("{:?}", x.op);
                self.singleton(vm, &op)?;
                self.expr(vm, &x.value)?;
                "AugAssign"
            }
            Stmt::AnnAssign(x) => {
                self.expr(vm, &x.target)?;
                self.expr(vm, &x.annotation)?;
                self.opt_expr(vm, x.value.as_deref())?;
                self.int(vm, i64::from(x.simple));
                "AnnAssign"
            }
            Stmt::For(x) => {
                self.expr(vm, &x.target)?;
                self.expr(vm, &x.iter)?;
                self.stmts(vm, &x.body)?;
                self.stmts(vm, &x.orelse)?;
                Self::none(vm);
                if x.is_async { "AsyncFor" } else { "For" }
            }
            Stmt::While(x) => {
                self.expr(vm, &x.test)?;
                self.stmts(vm, &x.body)?;
                self.stmts(vm, &x.orelse)?;
                "While"
            }
            Stmt::If(x) => {
                self.expr(vm, &x.test)?;
                self.stmts(vm, &x.body)?;
                self.elif_chain(vm, &x.elif_else_clauses)?;
                "If"
            }
            Stmt::With(x) => {
                self.seq(vm, &x.items, |b, vm, it| {
                    let m = vm.temps_len();
                    b.expr(vm, &it.context_expr)?;
                    b.opt_expr(vm, it.optional_vars.as_deref())?;
                    b.finish(vm, "withitem", m, None)
                })?;
                self.stmts(vm, &x.body)?;
                Self::none(vm);
                if x.is_async { "AsyncWith" } else { "With" }
            }
            Stmt::Match(x) => {
                self.expr(vm, &x.subject)?;
                self.seq(vm, &x.cases, |b, vm, c| {
                    let m = vm.temps_len();
                    b.pattern(vm, &c.pattern)?;
                    b.opt_expr(vm, c.guard.as_deref())?;
                    b.stmts(vm, &c.body)?;
                    b.finish(vm, "match_case", m, None)
                })?;
                "Match"
            }
            Stmt::Raise(x) => {
                self.opt_expr(vm, x.exc.as_deref())?;
                self.opt_expr(vm, x.cause.as_deref())?;
                "Raise"
            }
            Stmt::Try(x) => {
                self.stmts(vm, &x.body)?;
                self.seq(vm, &x.handlers, |b, vm, h| {
                    let ExceptHandler::ExceptHandler(h) = h;
                    let m = vm.temps_len();
                    b.opt_expr(vm, h.type_.as_deref())?;
                    b.opt_text(vm, h.name.as_ref().map(|n| n.as_str()))?;
                    b.stmts(vm, &h.body)?;
                    let r = TextRange::new(h.range.start(), b.block_end(h.range.end()));
                    b.finish(vm, "ExceptHandler", m, Some(r))
                })?;
                self.stmts(vm, &x.orelse)?;
                self.stmts(vm, &x.finalbody)?;
                if x.is_star { "TryStar" } else { "Try" }
            }
            Stmt::Assert(x) => {
                self.expr(vm, &x.test)?;
                self.opt_expr(vm, x.msg.as_deref())?;
                "Assert"
            }
            Stmt::Import(x) => {
                self.aliases(vm, &x.names)?;
                "Import"
            }
            Stmt::ImportFrom(x) => {
                self.opt_text(vm, x.module.as_ref().map(|n| n.as_str()))?;
                self.aliases(vm, &x.names)?;
                self.int(vm, i64::from(x.level));
                "ImportFrom"
            }
            Stmt::Global(x) => {
                self.seq(vm, &x.names, |b, vm, n| b.text(vm, n.as_str()))?;
                "Global"
            }
            Stmt::Nonlocal(x) => {
                self.seq(vm, &x.names, |b, vm, n| b.text(vm, n.as_str()))?;
                "Nonlocal"
            }
            Stmt::Expr(x) => {
                self.expr(vm, &x.value)?;
                "Expr"
            }
            Stmt::Pass(_) => "Pass",
            Stmt::Break(_) => "Break",
            Stmt::Continue(_) => "Continue",
            Stmt::TypeAlias(_) | Stmt::IpyEscapeCommand(_) => {
                return Err(vm.not_supported("this statement in ast.parse"));
            }
        };
        if matches!(
            s,
            Stmt::FunctionDef(_)
                | Stmt::ClassDef(_)
                | Stmt::For(_)
                | Stmt::While(_)
                | Stmt::If(_)
                | Stmt::With(_)
                | Stmt::Match(_)
                | Stmt::Try(_)
        ) {
            range = TextRange::new(range.start(), self.block_end(range.end()));
        }
        self.finish(vm, name, mark, Some(range))
    }

    fn aliases(&mut self, vm: &mut Vm, names: &[ast::Alias]) -> PyResult<()> {
        self.seq(vm, names, |b, vm, a| {
            let m = vm.temps_len();
            b.text(vm, a.name.as_str())?;
            b.opt_text(vm, a.asname.as_ref().map(|n| n.as_str()))?;
            b.finish(vm, "alias", m, Some(a.range))
        })
    }

    /// An `if`'s `orelse`: the `else` body, or one nested `If` per `elif`
    /// (spanning from its `elif` to the end of the chain).
    fn elif_chain(&mut self, vm: &mut Vm, clauses: &[ast::ElifElseClause]) -> PyResult<()> {
        let Some(first) = clauses.first() else {
            return self.stmts(vm, std::iter::empty());
        };
        let Some(test) = &first.test else {
            return self.stmts(vm, &first.body);
        };
        let list_mark = vm.temps_len();
        let mark = vm.temps_len();
        self.expr(vm, test)?;
        self.stmts(vm, &first.body)?;
        self.elif_chain(vm, &clauses[1..])?;
        let end = clauses.last().map_or(first.range.end(), |c| c.range.end());
        let end = self.block_end(end);
        self.finish(
            vm,
            "If",
            mark,
            Some(TextRange::new(first.range.start(), end)),
        )?;
        let node = vm.temp(list_mark);
        let l = vm.new_list(&[node])?;
        vm.pop_temps(list_mark);
        vm.push_temp(l);
        Ok(())
    }
}
