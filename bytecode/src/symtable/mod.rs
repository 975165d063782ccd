//! Symbol tables: Python's scoping rules, computed before code generation.
//!
//! The builder walks the AST once and records, per scope, how each name is
//! used (assigned, parameter, declared `global`/`nonlocal`, read, imported,
//! annotated). [`analyze`] then resolves every name to a [`SymScope`] with
//! the same algorithm as CPython 3.11: free variables are bound in the
//! nearest enclosing function scope (class scopes are skipped), names free
//! in a child become cells of the binding scope, a class whose methods use
//! `super` or `__class__` gets an implicit `__class__` cell, and assignment
//! expressions in comprehensions bind in the enclosing function.

use std::collections::HashMap;

use ruff_python_ast as ast;
use ruff_python_ast::{Expr, Pattern, Stmt};
use ruff_text_size::TextRange;

/// Index of a scope in [`SymbolTable::scopes`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ScopeId(pub u32);

/// What kind of block a scope is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    /// A module (or `eval`/`single` input).
    Module,
    /// A class body.
    Class,
    /// A `def` or `async def`.
    Function,
    /// A `lambda`.
    Lambda,
    /// A comprehension or generator expression.
    Comprehension,
}

/// How a name is reached once the analysis is done.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SymScope {
    /// A local (a register in functions, the locals mapping elsewhere).
    Local,
    /// Declared `global`.
    GlobalExplicit,
    /// Not bound anywhere visible: global then builtins (module/class: name lookup).
    GlobalImplicit,
    /// Bound in an enclosing function: a free variable cell.
    Free,
    /// Local to this function and used by nested scopes: a cell.
    Cell,
}

/// Usage flags recorded for one name in one scope.
pub mod flag {
    /// Assigned (or deleted, or a `for`/`with`/`except` target).
    pub const LOCAL: u32 = 1;
    /// A parameter.
    pub const PARAM: u32 = 2;
    /// Declared `global`.
    pub const GLOBAL: u32 = 4;
    /// Declared `nonlocal`.
    pub const NONLOCAL: u32 = 8;
    /// Read.
    pub const USE: u32 = 16;
    /// A class-scope name that is also free in a method.
    pub const FREE_CLASS: u32 = 32;
    /// Bound by `import`.
    pub const IMPORT: u32 = 64;
    /// Annotated (`x: T`).
    pub const ANNOT: u32 = 128;
    /// Comprehension iteration variable.
    pub const COMP_ITER: u32 = 256;
    /// Any binding.
    pub const BOUND: u32 = LOCAL | PARAM | IMPORT;
}

/// One name of a scope.
#[derive(Clone, Debug)]
pub struct Symbol {
    /// The name.
    pub name: String,
    /// Usage [`flag`]s.
    pub flags: u32,
    /// The resolved scope.
    pub scope: SymScope,
}

/// One scope.
#[derive(Clone, Debug)]
pub struct Scope {
    /// Its kind.
    pub kind: ScopeKind,
    /// Its name (`<module>`, function or class name, `<lambda>`, `<listcomp>`...).
    pub name: String,
    /// Symbols in order of first appearance.
    pub symbols: Vec<Symbol>,
    index: HashMap<String, usize>,
    /// Nested scopes, in source order.
    pub children: Vec<ScopeId>,
    /// Parameter names in `co_varnames` order.
    pub params: Vec<String>,
    /// Contains `yield` or `yield from` (or is a generator expression).
    pub is_generator: bool,
    /// `async def`, or an async comprehension.
    pub is_async: bool,
    /// Contains `await` / `async for` / `async with` (for comprehensions).
    pub has_await: bool,
    /// Class scopes: a method uses `super`/`__class__`, so a `__class__` cell exists.
    pub needs_class_closure: bool,
    /// Nested inside a function.
    pub nested: bool,
    /// Parent scope.
    pub parent: Option<ScopeId>,
    /// Where each `global`/`nonlocal` declaration was written.
    pub decl_ranges: HashMap<String, TextRange>,
    /// The class whose name mangles private names (`__x`) in this scope.
    pub private: Option<String>,
}

impl Scope {
    fn new(kind: ScopeKind, name: String, parent: Option<ScopeId>, nested: bool) -> Scope {
        Scope {
            kind,
            name,
            symbols: Vec::new(),
            index: HashMap::new(),
            children: Vec::new(),
            params: Vec::new(),
            is_generator: false,
            is_async: false,
            has_await: false,
            needs_class_closure: false,
            nested,
            parent,
            decl_ranges: HashMap::new(),
            private: None,
        }
    }

    /// Looks a name up.
    pub fn lookup(&self, name: &str) -> Option<&Symbol> {
        self.index.get(name).map(|&i| &self.symbols[i])
    }

    /// Whether locals are registers (function-like scopes).
    pub fn is_function_like(&self) -> bool {
        matches!(
            self.kind,
            ScopeKind::Function | ScopeKind::Lambda | ScopeKind::Comprehension
        )
    }

    fn flags(&self, name: &str) -> u32 {
        self.lookup(name).map_or(0, |s| s.flags)
    }

    fn add(&mut self, name: &str, f: u32) {
        match self.index.get(name) {
            Some(&i) => self.symbols[i].flags |= f,
            None => {
                self.index.insert(name.to_string(), self.symbols.len());
                self.symbols.push(Symbol {
                    name: name.to_string(),
                    flags: f,
                    scope: SymScope::GlobalImplicit,
                });
            }
        }
    }
}

/// A scoping error: a SyntaxError message and where it points.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScopeError {
    /// CPython's message.
    pub msg: String,
    /// The offending source range.
    pub range: TextRange,
}

/// All scopes of one compilation.
#[derive(Clone, Debug)]
pub struct SymbolTable {
    /// Scopes; index 0 is the module.
    pub scopes: Vec<Scope>,
    by_node: HashMap<usize, ScopeId>,
}

impl SymbolTable {
    /// The scope created for an AST node (function, class, lambda, comprehension).
    pub fn scope_of<T>(&self, node: &T) -> Option<ScopeId> {
        self.by_node.get(&(node as *const T as usize)).copied()
    }

    /// A scope by id.
    pub fn get(&self, id: ScopeId) -> &Scope {
        &self.scopes[id.0 as usize]
    }
}

/// Builds and analyzes the symbol table of a module body.
pub fn build_module(body: &[Stmt], future_annotations: bool) -> Result<SymbolTable, ScopeError> {
    let mut b = Builder::new(future_annotations);
    for s in body {
        b.visit_stmt(s)?;
    }
    b.finish()
}

/// Builds and analyzes the symbol table of an `eval` expression.
pub fn build_expression(expr: &Expr) -> Result<SymbolTable, ScopeError> {
    let mut b = Builder::new(false);
    b.visit_expr(expr)?;
    b.finish()
}

struct Builder {
    scopes: Vec<Scope>,
    by_node: HashMap<usize, ScopeId>,
    stack: Vec<ScopeId>,
    future_annotations: bool,
    /// Inside the iterable of a comprehension (walrus is forbidden there).
    in_comp_iter: u32,
    /// Names of `global`/`nonlocal` declarations seen, with their ranges, for
    /// "used prior to global declaration" checks.
    uses: Vec<HashMap<String, (u32, TextRange)>>,
}

type R = Result<(), ScopeError>;

fn err(msg: impl Into<String>, range: TextRange) -> ScopeError {
    ScopeError {
        msg: msg.into(),
        range,
    }
}

impl Builder {
    fn new(future_annotations: bool) -> Builder {
        let mut b = Builder {
            scopes: Vec::new(),
            by_node: HashMap::new(),
            stack: Vec::new(),
            future_annotations,
            in_comp_iter: 0,
            uses: Vec::new(),
        };
        b.scopes.push(Scope::new(
            ScopeKind::Module,
            "<module>".into(),
            None,
            false,
        ));
        b.stack.push(ScopeId(0));
        b.uses.push(HashMap::new());
        b
    }

    fn cur(&mut self) -> &mut Scope {
        let id = *self.stack.last().expect("scope stack");
        &mut self.scopes[id.0 as usize]
    }

    fn cur_ref(&self) -> &Scope {
        &self.scopes[self.stack.last().expect("scope stack").0 as usize]
    }

    fn enter<T>(&mut self, node: &T, kind: ScopeKind, name: &str) -> ScopeId {
        let parent = *self.stack.last().expect("scope stack");
        let nested = self.scopes[parent.0 as usize].is_function_like()
            || self.scopes[parent.0 as usize].nested;
        let id = ScopeId(self.scopes.len() as u32);
        let mut scope = Scope::new(kind, name.into(), Some(parent), nested);
        scope.private = if kind == ScopeKind::Class {
            Some(name.to_string())
        } else {
            self.scopes[parent.0 as usize].private.clone()
        };
        self.scopes.push(scope);
        self.scopes[parent.0 as usize].children.push(id);
        self.by_node.insert(node as *const T as usize, id);
        self.stack.push(id);
        self.uses.push(HashMap::new());
        id
    }

    fn leave(&mut self) {
        self.stack.pop();
        self.uses.pop();
    }

    fn mangled(&self, name: &str) -> String {
        mangle(self.cur_ref().private.as_deref(), name)
    }

    fn def(&mut self, name: &str, f: u32, range: TextRange) -> R {
        let name = &self.mangled(name);
        let old = self.cur_ref().flags(name);
        if f & flag::PARAM != 0 && old & flag::PARAM != 0 {
            return Err(err(
                format!("duplicate argument '{name}' in function definition"),
                range,
            ));
        }
        if f & (flag::LOCAL | flag::IMPORT) != 0 {
            self.uses
                .last_mut()
                .expect("uses")
                .entry(name.to_string())
                .or_insert((flag::LOCAL, range));
        }
        self.cur().add(name, f);
        Ok(())
    }

    fn use_name(&mut self, name: &str, range: TextRange) {
        let name = &self.mangled(name);
        self.uses
            .last_mut()
            .expect("uses")
            .entry(name.to_string())
            .or_insert((flag::USE, range));
        self.cur().add(name, flag::USE);
    }

    fn finish(mut self) -> Result<SymbolTable, ScopeError> {
        analyze(&mut self.scopes)?;
        Ok(SymbolTable {
            scopes: self.scopes,
            by_node: self.by_node,
        })
    }

    fn visit_body(&mut self, body: &[Stmt]) -> R {
        body.iter().try_for_each(|s| self.visit_stmt(s))
    }

    fn visit_annotation(&mut self, e: &Expr) -> R {
        if self.future_annotations {
            Ok(())
        } else {
            self.visit_expr(e)
        }
    }

    fn visit_params_defaults(&mut self, p: &ast::Parameters) -> R {
        for a in p.posonlyargs.iter().chain(&p.args).chain(&p.kwonlyargs) {
            if let Some(d) = &a.default {
                self.visit_expr(d)?;
            }
        }
        Ok(())
    }

    fn visit_params_annotations(&mut self, p: &ast::Parameters) -> R {
        for a in p.iter() {
            if let Some(ann) = a.annotation() {
                self.visit_annotation(ann)?;
            }
        }
        Ok(())
    }

    fn define_params(&mut self, p: &ast::Parameters) -> R {
        let ordered = p
            .posonlyargs
            .iter()
            .chain(&p.args)
            .chain(&p.kwonlyargs)
            .map(|a| &a.parameter);
        let rest = p.vararg.iter().chain(p.kwarg.iter()).map(|b| &**b);
        for a in ordered.chain(rest) {
            self.def(a.name.as_str(), flag::PARAM, a.name.range)?;
            self.cur().params.push(a.name.to_string());
        }
        Ok(())
    }

    fn visit_stmt(&mut self, s: &Stmt) -> R {
        stacker::maybe_grow(crate::STACK_RED_ZONE, crate::STACK_GROWTH, || {
            self.visit_stmt_inner(s)
        })
    }

    fn visit_stmt_inner(&mut self, s: &Stmt) -> R {
        match s {
            Stmt::FunctionDef(f) => {
                for d in &f.decorator_list {
                    self.visit_expr(&d.expression)?;
                }
                self.visit_params_defaults(&f.parameters)?;
                self.visit_params_annotations(&f.parameters)?;
                if let Some(r) = &f.returns {
                    self.visit_annotation(r)?;
                }
                self.def(f.name.as_str(), flag::LOCAL, f.name.range)?;
                self.enter(f, ScopeKind::Function, f.name.as_str());
                self.cur().is_async = f.is_async;
                self.define_params(&f.parameters)?;
                self.visit_body(&f.body)?;
                self.leave();
            }
            Stmt::ClassDef(c) => {
                for d in &c.decorator_list {
                    self.visit_expr(&d.expression)?;
                }
                if let Some(args) = &c.arguments {
                    args.args.iter().try_for_each(|a| self.visit_expr(a))?;
                    args.keywords
                        .iter()
                        .try_for_each(|k| self.visit_expr(&k.value))?;
                }
                self.def(c.name.as_str(), flag::LOCAL, c.name.range)?;
                self.enter(c, ScopeKind::Class, c.name.as_str());
                self.visit_body(&c.body)?;
                self.leave();
            }
            Stmt::Return(r) => {
                if !self.cur_ref().is_function_like() {
                    return Err(err("'return' outside function", r.range));
                }
                if let Some(v) = &r.value {
                    self.visit_expr(v)?;
                }
            }
            Stmt::Delete(d) => d.targets.iter().try_for_each(|t| self.visit_expr(t))?,
            Stmt::Assign(a) => {
                self.visit_expr(&a.value)?;
                a.targets.iter().try_for_each(|t| self.visit_expr(t))?;
            }
            Stmt::AugAssign(a) => {
                self.visit_expr(&a.value)?;
                self.visit_expr(&a.target)?;
                if let Expr::Name(n) = &*a.target {
                    self.use_name(n.id.as_str(), n.range);
                }
            }
            Stmt::AnnAssign(a) => {
                if let Expr::Name(n) = &*a.target {
                    let cur = self.cur_ref().flags(n.id.as_str());
                    if cur & (flag::GLOBAL | flag::NONLOCAL) != 0 && a.simple {
                        let kind = if cur & flag::GLOBAL != 0 {
                            "global"
                        } else {
                            "nonlocal"
                        };
                        return Err(err(
                            format!("annotated name '{}' can't be {kind}", n.id),
                            n.range,
                        ));
                    }
                    if a.simple {
                        self.def(n.id.as_str(), flag::LOCAL | flag::ANNOT, n.range)?;
                    } else if a.value.is_some() {
                        self.visit_expr(&a.target)?;
                    }
                } else {
                    self.visit_expr(&a.target)?;
                }
                self.visit_annotation(&a.annotation)?;
                if let Some(v) = &a.value {
                    self.visit_expr(v)?;
                }
            }
            Stmt::TypeAlias(t) => return Err(err("invalid syntax", t.range)),
            Stmt::For(f) => {
                self.visit_expr(&f.target)?;
                self.visit_expr(&f.iter)?;
                self.visit_body(&f.body)?;
                self.visit_body(&f.orelse)?;
            }
            Stmt::While(w) => {
                self.visit_expr(&w.test)?;
                self.visit_body(&w.body)?;
                self.visit_body(&w.orelse)?;
            }
            Stmt::If(i) => {
                self.visit_expr(&i.test)?;
                self.visit_body(&i.body)?;
                for c in &i.elif_else_clauses {
                    if let Some(t) = &c.test {
                        self.visit_expr(t)?;
                    }
                    self.visit_body(&c.body)?;
                }
            }
            Stmt::With(w) => {
                for item in &w.items {
                    self.visit_expr(&item.context_expr)?;
                    if let Some(v) = &item.optional_vars {
                        self.visit_expr(v)?;
                    }
                }
                self.visit_body(&w.body)?;
            }
            Stmt::Match(m) => {
                self.visit_expr(&m.subject)?;
                for c in &m.cases {
                    self.visit_pattern(&c.pattern)?;
                    if let Some(g) = &c.guard {
                        self.visit_expr(g)?;
                    }
                    self.visit_body(&c.body)?;
                }
            }
            Stmt::Raise(r) => {
                if let Some(e) = &r.exc {
                    self.visit_expr(e)?;
                }
                if let Some(c) = &r.cause {
                    self.visit_expr(c)?;
                }
            }
            Stmt::Try(t) => {
                self.visit_body(&t.body)?;
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    if let Some(ty) = &h.type_ {
                        self.visit_expr(ty)?;
                    }
                    if let Some(n) = &h.name {
                        self.def(n.as_str(), flag::LOCAL, n.range)?;
                    }
                    self.visit_body(&h.body)?;
                }
                self.visit_body(&t.orelse)?;
                self.visit_body(&t.finalbody)?;
            }
            Stmt::Assert(a) => {
                self.visit_expr(&a.test)?;
                if let Some(m) = &a.msg {
                    self.visit_expr(m)?;
                }
            }
            Stmt::Import(i) => {
                for a in &i.names {
                    let bound = match &a.asname {
                        Some(n) => n.as_str(),
                        None => a.name.as_str().split('.').next().unwrap_or(""),
                    };
                    self.def(bound, flag::IMPORT, a.range)?;
                }
            }
            Stmt::ImportFrom(i) => {
                for a in &i.names {
                    if a.name.as_str() == "*" {
                        if self.cur_ref().kind != ScopeKind::Module {
                            return Err(err("import * only allowed at module level", a.range));
                        }
                        continue;
                    }
                    let bound = a.asname.as_ref().unwrap_or(&a.name).as_str();
                    self.def(bound, flag::IMPORT, a.range)?;
                }
            }
            Stmt::Global(g) => self.declare(&g.names, flag::GLOBAL, g.range)?,
            Stmt::Nonlocal(n) => {
                if self.cur_ref().kind == ScopeKind::Module {
                    return Err(err(
                        "nonlocal declaration not allowed at module level",
                        n.range,
                    ));
                }
                self.declare(&n.names, flag::NONLOCAL, n.range)?;
            }
            Stmt::Expr(e) => self.visit_expr(&e.value)?,
            Stmt::Pass(_) | Stmt::Break(_) | Stmt::Continue(_) => {}
            Stmt::IpyEscapeCommand(c) => return Err(err("invalid syntax", c.range)),
        }
        Ok(())
    }

    fn declare(&mut self, names: &[ast::Identifier], f: u32, range: TextRange) -> R {
        let kind = if f == flag::GLOBAL {
            "global"
        } else {
            "nonlocal"
        };
        for n in names {
            let name = &self.mangled(n.as_str());
            let cur = self.cur_ref().flags(name);
            if cur & (flag::PARAM | flag::LOCAL | flag::USE | flag::ANNOT) != 0 {
                let msg = if cur & flag::PARAM != 0 {
                    format!("name '{name}' is parameter and {kind}")
                } else if cur & flag::ANNOT != 0 {
                    format!("annotated name '{name}' can't be {kind}")
                } else if cur & flag::LOCAL != 0 {
                    format!("name '{name}' is assigned to before {kind} declaration")
                } else {
                    format!("name '{name}' is used prior to {kind} declaration")
                };
                return Err(err(msg, range));
            }
            let other = if f == flag::GLOBAL {
                flag::NONLOCAL
            } else {
                flag::GLOBAL
            };
            if cur & other != 0 {
                return Err(err(format!("name '{name}' is nonlocal and global"), range));
            }
            self.cur().add(name, f);
            self.cur()
                .decl_ranges
                .entry(name.to_string())
                .or_insert(range);
        }
        Ok(())
    }

    fn visit_pattern(&mut self, p: &Pattern) -> R {
        stacker::maybe_grow(crate::STACK_RED_ZONE, crate::STACK_GROWTH, || {
            self.visit_pattern_inner(p)
        })
    }

    fn visit_pattern_inner(&mut self, p: &Pattern) -> R {
        match p {
            Pattern::MatchValue(v) => self.visit_expr(&v.value),
            Pattern::MatchSingleton(_) => Ok(()),
            Pattern::MatchSequence(s) => s.patterns.iter().try_for_each(|p| self.visit_pattern(p)),
            Pattern::MatchMapping(m) => {
                m.keys.iter().try_for_each(|k| self.visit_expr(k))?;
                m.patterns.iter().try_for_each(|p| self.visit_pattern(p))?;
                if let Some(r) = &m.rest {
                    self.def(r.as_str(), flag::LOCAL, r.range)?;
                }
                Ok(())
            }
            Pattern::MatchClass(c) => {
                self.visit_expr(&c.cls)?;
                c.arguments
                    .patterns
                    .iter()
                    .try_for_each(|p| self.visit_pattern(p))?;
                c.arguments
                    .keywords
                    .iter()
                    .try_for_each(|k| self.visit_pattern(&k.pattern))
            }
            Pattern::MatchStar(s) => match &s.name {
                Some(n) => self.def(n.as_str(), flag::LOCAL, n.range),
                None => Ok(()),
            },
            Pattern::MatchAs(a) => {
                if let Some(p) = &a.pattern {
                    self.visit_pattern(p)?;
                }
                match &a.name {
                    Some(n) => self.def(n.as_str(), flag::LOCAL, n.range),
                    None => Ok(()),
                }
            }
            Pattern::MatchOr(o) => o.patterns.iter().try_for_each(|p| self.visit_pattern(p)),
        }
    }

    fn visit_comprehension<T>(
        &mut self,
        node: &T,
        name: &str,
        generators: &[ast::Comprehension],
        elts: &[&Expr],
        is_genexp: bool,
        node_range: TextRange,
    ) -> R {
        let first = &generators[0];
        self.in_comp_iter += 1;
        self.visit_expr(&first.iter)?;
        self.in_comp_iter -= 1;
        let outer_async = self.cur_ref().is_async;
        self.enter(node, ScopeKind::Comprehension, name);
        if is_genexp {
            self.cur().is_generator = true;
        }
        self.def(".0", flag::PARAM, first.range)?;
        self.cur().params.push(".0".into());
        for (i, g) in generators.iter().enumerate() {
            if g.is_async {
                self.cur().is_async = true;
            }
            self.visit_comp_target(&g.target)?;
            if i > 0 {
                self.in_comp_iter += 1;
                self.visit_expr(&g.iter)?;
                self.in_comp_iter -= 1;
            }
            g.ifs.iter().try_for_each(|e| self.visit_expr(e))?;
        }
        for e in elts {
            self.visit_expr(e)?;
        }
        let s = self.cur_ref();
        let is_async = s.is_async || s.has_await;
        self.leave();
        if is_async && !is_genexp && !outer_async && self.cur_ref().kind != ScopeKind::Comprehension
        {
            return Err(err(
                "asynchronous comprehension outside of an asynchronous function",
                node_range,
            ));
        }
        Ok(())
    }

    fn visit_comp_target(&mut self, e: &Expr) -> R {
        match e {
            Expr::Name(n) => self.def(n.id.as_str(), flag::LOCAL | flag::COMP_ITER, n.range),
            Expr::Tuple(t) => t.elts.iter().try_for_each(|e| self.visit_comp_target(e)),
            Expr::List(t) => t.elts.iter().try_for_each(|e| self.visit_comp_target(e)),
            Expr::Starred(s) => self.visit_comp_target(&s.value),
            other => self.visit_expr(other),
        }
    }

    fn visit_named_target(&mut self, n: &ast::ExprName) -> R {
        let name = n.id.as_str();
        if self.cur_ref().kind != ScopeKind::Comprehension {
            return self.def(name, flag::LOCAL, n.range);
        }
        // Walk outwards to the first non-comprehension scope.
        for &sid in self.stack.iter().rev() {
            let s = &self.scopes[sid.0 as usize];
            if s.kind == ScopeKind::Comprehension {
                if s.flags(name) & flag::COMP_ITER != 0 {
                    let msg = format!(
                        "assignment expression cannot rebind comprehension iteration variable '{name}'"
                    );
                    return Err(err(msg, n.range));
                }
                continue;
            }
            match s.kind {
                ScopeKind::Class => {
                    return Err(err(
                        "assignment expression within a comprehension cannot be used in a class body",
                        n.range,
                    ));
                }
                ScopeKind::Module => {
                    self.scopes[sid.0 as usize].add(name, flag::LOCAL);
                    self.cur().add(name, flag::GLOBAL);
                }
                _ => {
                    let global = s.flags(name) & flag::GLOBAL != 0;
                    self.scopes[sid.0 as usize].add(name, flag::LOCAL);
                    self.cur()
                        .add(name, if global { flag::GLOBAL } else { flag::NONLOCAL });
                }
            }
            return Ok(());
        }
        Ok(())
    }

    fn check_yield_allowed(&mut self, range: TextRange, what: &str) -> R {
        let s = self.cur_ref();
        match s.kind {
            ScopeKind::Module | ScopeKind::Class => {
                Err(err(format!("'{what}' outside function"), range))
            }
            ScopeKind::Comprehension => {
                let kind = match s.name.as_str() {
                    "<listcomp>" => "list comprehension",
                    "<setcomp>" => "set comprehension",
                    "<dictcomp>" => "dict comprehension",
                    _ => "generator expression",
                };
                Err(err(format!("'{what}' inside {kind}"), range))
            }
            _ => Ok(()),
        }
    }

    fn visit_expr(&mut self, e: &Expr) -> R {
        stacker::maybe_grow(crate::STACK_RED_ZONE, crate::STACK_GROWTH, || {
            self.visit_expr_inner(e)
        })
    }

    fn visit_expr_inner(&mut self, e: &Expr) -> R {
        match e {
            Expr::BoolOp(b) => b.values.iter().try_for_each(|v| self.visit_expr(v))?,
            Expr::Named(n) => {
                // CPython checks this in any scope (the first iterable is
                // evaluated in the enclosing one), at the whole expression.
                if self.in_comp_iter > 0 {
                    return Err(err(
                        "assignment expression cannot be used in a comprehension iterable expression",
                        n.range,
                    ));
                }
                self.visit_expr(&n.value)?;
                if let Expr::Name(t) = &*n.target {
                    self.visit_named_target(t)?;
                }
            }
            Expr::BinOp(b) => {
                self.visit_expr(&b.left)?;
                self.visit_expr(&b.right)?;
            }
            Expr::UnaryOp(u) => self.visit_expr(&u.operand)?,
            Expr::Lambda(l) => {
                if let Some(p) = &l.parameters {
                    self.visit_params_defaults(p)?;
                }
                self.enter(l, ScopeKind::Lambda, "<lambda>");
                if let Some(p) = &l.parameters {
                    self.define_params(p)?;
                }
                self.visit_expr(&l.body)?;
                self.leave();
            }
            Expr::If(i) => {
                self.visit_expr(&i.test)?;
                self.visit_expr(&i.body)?;
                self.visit_expr(&i.orelse)?;
            }
            Expr::Dict(d) => {
                for item in &d.items {
                    if let Some(k) = &item.key {
                        self.visit_expr(k)?;
                    }
                    self.visit_expr(&item.value)?;
                }
            }
            Expr::Set(s) => s.elts.iter().try_for_each(|e| self.visit_expr(e))?,
            Expr::ListComp(c) => {
                self.visit_comprehension(c, "<listcomp>", &c.generators, &[&c.elt], false, c.range)?
            }
            Expr::SetComp(c) => {
                self.visit_comprehension(c, "<setcomp>", &c.generators, &[&c.elt], false, c.range)?
            }
            Expr::DictComp(c) => {
                let key = c.key.as_deref();
                let elts: Vec<&Expr> = key.into_iter().chain(std::iter::once(&*c.value)).collect();
                self.visit_comprehension(c, "<dictcomp>", &c.generators, &elts, false, c.range)?
            }
            Expr::Generator(c) => {
                self.visit_comprehension(c, "<genexpr>", &c.generators, &[&c.elt], true, c.range)?
            }
            Expr::Await(a) => {
                let s = self.cur_ref();
                match s.kind {
                    ScopeKind::Module | ScopeKind::Class => {
                        return Err(err("'await' outside function", a.range));
                    }
                    ScopeKind::Function | ScopeKind::Lambda if !s.is_async => {
                        return Err(err("'await' outside async function", a.range));
                    }
                    _ => {}
                }
                self.cur().has_await = true;
                self.visit_expr(&a.value)?;
            }
            Expr::Yield(y) => {
                self.check_yield_allowed(y.range, "yield")?;
                self.cur().is_generator = true;
                if let Some(v) = &y.value {
                    self.visit_expr(v)?;
                }
            }
            Expr::YieldFrom(y) => {
                self.check_yield_allowed(y.range, "yield")?;
                if self.cur_ref().is_async {
                    return Err(err("'yield from' inside async function", y.range));
                }
                self.cur().is_generator = true;
                self.visit_expr(&y.value)?;
            }
            Expr::Compare(c) => {
                self.visit_expr(&c.left)?;
                c.comparators.iter().try_for_each(|e| self.visit_expr(e))?;
            }
            Expr::Call(c) => {
                self.visit_expr(&c.func)?;
                c.arguments
                    .args
                    .iter()
                    .try_for_each(|e| self.visit_expr(e))?;
                c.arguments
                    .keywords
                    .iter()
                    .try_for_each(|k| self.visit_expr(&k.value))?;
            }
            Expr::FString(f) => {
                for part in f.value.iter() {
                    if let ast::FStringPart::FString(fs) = part {
                        self.visit_fstring_elements(&fs.elements)?;
                    }
                }
            }
            Expr::TString(t) => return Err(err("invalid syntax", t.range)),
            Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_) => {}
            Expr::Attribute(a) => self.visit_expr(&a.value)?,
            Expr::Subscript(s) => {
                self.visit_expr(&s.value)?;
                self.visit_expr(&s.slice)?;
            }
            Expr::Starred(s) => self.visit_expr(&s.value)?,
            Expr::Name(n) => {
                let name = n.id.as_str();
                match n.ctx {
                    ast::ExprContext::Load | ast::ExprContext::Invalid => {
                        self.use_name(name, n.range);
                        if name == "super" && self.cur_ref().is_function_like() {
                            self.cur().add("__class__", flag::USE);
                        }
                    }
                    ast::ExprContext::Store | ast::ExprContext::Del => {
                        self.def(name, flag::LOCAL, n.range)?
                    }
                }
            }
            Expr::List(l) => l.elts.iter().try_for_each(|e| self.visit_expr(e))?,
            Expr::Tuple(t) => t.elts.iter().try_for_each(|e| self.visit_expr(e))?,
            Expr::Slice(s) => {
                for part in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                    self.visit_expr(part)?;
                }
            }
            Expr::IpyEscapeCommand(c) => return Err(err("invalid syntax", c.range)),
        }
        Ok(())
    }

    fn visit_fstring_elements(&mut self, elements: &ast::InterpolatedStringElements) -> R {
        for el in elements.iter() {
            if let ast::InterpolatedStringElement::Interpolation(i) = el {
                self.visit_expr(&i.expression)?;
                if let Some(spec) = &i.format_spec {
                    self.visit_fstring_elements(&spec.elements)?;
                }
            }
        }
        Ok(())
    }
}

mod analyze;

use analyze::analyze;
pub use analyze::mangle;

#[cfg(test)]
mod tests;
