//! AST → register bytecode. `mod.rs` holds the per-code-object state
//! ([`Unit`]): registers, labels, the handler stack for the zero-cost
//! exception table, and the frame-block stack used to unwind `finally`,
//! `with` and `except` bodies on `return`/`break`/`continue`.

mod assemble;
mod call;
mod define;
mod display;
mod expr;
pub(crate) mod fold;
mod function;
mod handler;
mod pattern;
mod stmt;
pub(crate) mod strings;
mod unparse;

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};

use crate::code::{CodeFlags, CodeObject, Constant};
use crate::error::SyntaxError;
use crate::opcode::*;
use crate::pystr::PyStr;
use crate::source::LineIndex;
use crate::symtable::{ScopeId, ScopeKind, SymScope, SymbolTable, mangle};

pub(crate) type CResult<T> = Result<T, SyntaxError>;

/// A forward-referenceable position in the instruction list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Label(u32);

/// An instruction before assembly: targets hold label numbers.
#[derive(Clone, Debug)]
pub(crate) struct Emitted {
    pub ins: Instruction,
    pub range: TextRange,
    pub handler: Option<u32>,
}

/// A `try` region's handler: its label and the register receiving the exception.
#[derive(Clone, Copy, Debug)]
pub(crate) struct HandlerDef {
    pub label: Label,
    pub exc: Reg,
}

/// What must be undone when control leaves a block early.
#[derive(Clone, Debug)]
pub(crate) enum FBlock<'a> {
    /// A loop: `break` and `continue` destinations.
    Loop { cont: Label, brk: Label },
    /// The body of `try ... finally`: leaving runs the final body.
    TryFinally { body: &'a [Stmt] },
    /// A `with` body: leaving calls `__exit__(None, None, None)`.
    With { exit: Reg, is_async: bool },
    /// An `except` or exceptional `finally` body: leaving restores the
    /// handled exception, and clears the `as` name.
    HandlerCleanup { saved: Reg, name: Option<&'a str> },
    /// An `except*` body: `break`/`continue`/`return` are errors.
    ExceptStar,
}

pub(crate) struct FBlockEntry<'a> {
    pub block: FBlock<'a>,
    /// Handler-stack depth outside the block.
    pub handler_depth: usize,
}

/// State of one code object being compiled.
pub(crate) struct Unit<'a> {
    pub scope: ScopeId,
    pub kind: ScopeKind,
    pub name: String,
    pub qualname: String,
    pub first_line: u32,
    pub flags: CodeFlags,
    pub arg_count: u32,
    pub posonly_count: u32,
    pub kwonly_count: u32,
    pub instrs: Vec<Emitted>,
    pub labels: Vec<u32>,
    pub handlers: Vec<HandlerDef>,
    pub handler_stack: Vec<u32>,
    pub consts: Vec<Constant>,
    pub names: Vec<String>,
    pub name_map: HashMap<String, u32>,
    pub locals: HashMap<String, Reg>,
    pub local_names: Vec<String>,
    pub cells: Vec<String>,
    pub frees: Vec<String>,
    pub cell_args: Vec<(CellIdx, Reg)>,
    pub next_reg: u32,
    pub max_reg: u32,
    pub ncaches: u32,
    pub fblocks: Vec<FBlockEntry<'a>>,
    /// Named locals known to be bound at this point (no `CheckBound` needed).
    pub assigned: Vec<bool>,
    /// Locals that are deleted somewhere in the function (never trusted).
    pub deleted: HashSet<String>,
    pub docstring: Option<PyStr>,
    /// Instruction index where a label was last bound (a jump target).
    pub label_here: usize,
    /// Nesting of loops, `try` and `with` statements.
    pub block_depth: u32,
}

/// The compiler: one per compilation, with a stack of units.
pub(crate) struct Compiler<'a> {
    pub source: &'a str,
    pub filename: Arc<str>,
    pub index: LineIndex,
    pub table: SymbolTable,
    pub units: Vec<Unit<'a>>,
    pub future_annotations: bool,
    pub interactive: bool,
    pub fold_memo: fold::FoldMemo,
    /// `-O` level (see [`crate::CompileOptions`]).
    pub optimize: u8,
}

/// Which expression operation a name reference performs.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum NameOp {
    Load,
    Store,
    Delete,
}

impl<'a> Compiler<'a> {
    pub fn new(
        source: &'a str,
        filename: &str,
        table: SymbolTable,
        future_annotations: bool,
    ) -> Self {
        Compiler {
            source,
            filename: Arc::from(filename),
            index: LineIndex::new(source),
            table,
            units: Vec::new(),
            future_annotations,
            interactive: false,
            fold_memo: fold::FoldMemo::default(),
            optimize: 0,
        }
    }

    /// `e` as an iteration or membership operand: a constant tuple or
    /// frozenset when it is a list or set display of constants.
    pub fn iter_operand(&mut self, e: &'a Expr) -> CResult<Reg> {
        if let Some(c) = fold::const_container(e, self.source, &mut self.fold_memo) {
            return Ok(self.const_reg(c, e.range()));
        }
        self.expr(e)
    }

    /// The folded constant value of `e`, if it has one.
    pub fn fold(&mut self, e: &Expr) -> Option<Constant> {
        fold::const_value_with(e, self.source, &mut self.fold_memo)
    }

    pub fn error(&self, msg: impl Into<String>, range: TextRange) -> SyntaxError {
        SyntaxError::at(msg, &self.filename, self.source, &self.index, range)
    }

    pub fn u(&mut self) -> &mut Unit<'a> {
        self.units.last_mut().expect("unit")
    }

    pub fn ur(&self) -> &Unit<'a> {
        self.units.last().expect("unit")
    }

    /// Starts a code object for `scope`; parameters get the first registers.
    pub fn enter_unit(&mut self, scope: ScopeId, name: &str, qualname: String, range: TextRange) {
        let s = self.table.get(scope).clone();
        let first_line = self.index.position(range.start()).0;
        let mut flags = CodeFlags::default();
        if s.is_function_like() {
            flags.insert(CodeFlags::OPTIMIZED);
            flags.insert(CodeFlags::NEWLOCALS);
        }
        if s.nested {
            flags.insert(CodeFlags::NESTED);
        }
        if s.is_function_like() {
            match (s.is_async, s.is_generator) {
                (true, true) => flags.insert(CodeFlags::ASYNC_GENERATOR),
                (true, false) => flags.insert(CodeFlags::COROUTINE),
                (false, true) => flags.insert(CodeFlags::GENERATOR),
                _ => {}
            }
            if s.kind == ScopeKind::Comprehension && s.has_await && !s.is_generator {
                flags.insert(CodeFlags::COROUTINE);
            }
            if s.kind == ScopeKind::Comprehension && s.has_await && s.is_generator {
                flags.0 &= !CodeFlags::GENERATOR.0;
                flags.insert(CodeFlags::ASYNC_GENERATOR);
            }
        }
        if self.future_annotations {
            flags.insert(CodeFlags::FUTURE_ANNOTATIONS);
        }
        let mut unit = Unit {
            scope,
            kind: s.kind,
            name: name.to_string(),
            qualname,
            first_line,
            flags,
            arg_count: 0,
            posonly_count: 0,
            kwonly_count: 0,
            instrs: Vec::new(),
            labels: Vec::new(),
            handlers: Vec::new(),
            handler_stack: Vec::new(),
            consts: Vec::new(),
            names: Vec::new(),
            name_map: HashMap::new(),
            locals: HashMap::new(),
            local_names: Vec::new(),
            cells: Vec::new(),
            frees: Vec::new(),
            cell_args: Vec::new(),
            next_reg: 0,
            max_reg: 0,
            ncaches: 0,
            fblocks: Vec::new(),
            assigned: Vec::new(),
            deleted: HashSet::new(),
            docstring: None,
            label_here: usize::MAX,
            block_depth: 0,
        };
        // Cells: sorted like CPython (cell vars by name; `__class__` for classes).
        let mut cells: Vec<String> = s
            .symbols
            .iter()
            .filter(|sym| sym.scope == SymScope::Cell)
            .map(|sym| sym.name.clone())
            .collect();
        if s.kind == ScopeKind::Class && s.needs_class_closure {
            cells.push("__class__".into());
        }
        cells.sort();
        let mut frees: Vec<String> = s
            .symbols
            .iter()
            .filter(|sym| {
                sym.scope == SymScope::Free
                    || (s.kind == ScopeKind::Class
                        && sym.flags & crate::symtable::flag::FREE_CLASS != 0)
            })
            .map(|sym| sym.name.clone())
            .collect();
        frees.sort();
        unit.cells = cells;
        unit.frees = frees;
        if s.is_function_like() {
            for p in &s.params {
                let r = Reg(unit.local_names.len() as u32);
                unit.locals.insert(p.clone(), r);
                unit.local_names.push(p.clone());
                unit.assigned.push(true);
                if let Some(ci) = unit.cells.iter().position(|c| c == p) {
                    unit.cell_args.push((CellIdx(ci as u32), r));
                }
            }
            for sym in &s.symbols {
                if sym.scope == SymScope::Local && !unit.locals.contains_key(&sym.name) {
                    let r = Reg(unit.local_names.len() as u32);
                    unit.locals.insert(sym.name.clone(), r);
                    unit.local_names.push(sym.name.clone());
                    unit.assigned.push(false);
                }
            }
        }
        unit.next_reg = unit.local_names.len() as u32;
        unit.max_reg = unit.next_reg;
        self.units.push(unit);
    }

    /// Finishes the current unit into a code object.
    pub fn leave_unit(&mut self) -> CResult<Arc<CodeObject>> {
        let unit = self.units.pop().expect("unit");
        assemble::assemble(self, unit).map(Arc::new)
    }

    // ---- registers -------------------------------------------------------

    pub fn tmp(&mut self) -> Reg {
        let u = self.u();
        let r = Reg(u.next_reg);
        u.next_reg += 1;
        u.max_reg = u.max_reg.max(u.next_reg);
        r
    }

    /// `n` consecutive fresh registers.
    pub fn window(&mut self, n: u32) -> Reg {
        let u = self.u();
        let r = Reg(u.next_reg);
        u.next_reg += n;
        u.max_reg = u.max_reg.max(u.next_reg);
        r
    }

    pub fn mark(&self) -> u32 {
        self.ur().next_reg
    }

    pub fn release(&mut self, mark: u32) {
        self.u().next_reg = mark;
    }

    pub fn is_named_local(&self, r: Reg) -> bool {
        (r.0 as usize) < self.ur().local_names.len()
    }

    // ---- emission ----------------------------------------------------------

    pub fn emit(&mut self, ins: Instruction, range: TextRange) {
        let u = self.u();
        let handler = u.handler_stack.last().copied();
        u.instrs.push(Emitted {
            ins,
            range,
            handler,
        });
    }

    pub fn cache(&mut self) -> CacheIdx {
        let u = self.u();
        u.ncaches += 1;
        CacheIdx(u.ncaches - 1)
    }

    pub fn new_label(&mut self) -> Label {
        let u = self.u();
        u.labels.push(u32::MAX);
        Label(u.labels.len() as u32 - 1)
    }

    pub fn bind(&mut self, l: Label) {
        let u = self.u();
        u.labels[l.0 as usize] = u.instrs.len() as u32;
        u.label_here = u.instrs.len();
    }

    pub fn target(l: Label) -> Target {
        Target(l.0)
    }

    pub fn jump(&mut self, l: Label, range: TextRange) {
        self.emit(
            Instruction::Jump {
                target: Self::target(l),
            },
            range,
        );
    }

    /// Whether the last emitted instruction never falls through.
    pub fn last_is_terminal(&self) -> bool {
        let u = self.ur();
        if u.label_here == u.instrs.len() {
            return false;
        }
        u.instrs.last().is_some_and(|e| {
            let f = e.ins.opcode().flags();
            f.contains(Flags::JUMP) || f.contains(Flags::EXIT)
        })
    }

    pub fn add_const(&mut self, c: Constant) -> ConstIdx {
        let u = self.u();
        if !matches!(c, Constant::Code(_))
            && let Some(i) = u.consts.iter().position(|k| k.same_as(&c))
        {
            return ConstIdx(i as u32);
        }
        u.consts.push(c);
        ConstIdx(u.consts.len() as u32 - 1)
    }

    pub fn load_const(&mut self, c: Constant, dst: Reg, range: TextRange) {
        let value = self.add_const(c);
        self.emit(Instruction::LoadConst { dst, value }, range);
    }

    pub fn const_reg(&mut self, c: Constant, range: TextRange) -> Reg {
        let r = self.tmp();
        self.load_const(c, r, range);
        r
    }

    pub fn name_idx(&mut self, name: &str) -> NameIdx {
        let u = self.u();
        if let Some(&i) = u.name_map.get(name) {
            return NameIdx(i);
        }
        u.names.push(name.to_string());
        u.name_map
            .insert(name.to_string(), u.names.len() as u32 - 1);
        NameIdx(u.names.len() as u32 - 1)
    }

    pub fn mangle(&self, name: &str) -> String {
        let s = self.table.get(self.ur().scope);
        mangle(s.private.as_deref(), name)
    }

    pub(crate) fn cell_idx(&self, name: &str) -> Option<CellIdx> {
        let u = self.ur();
        u.cells
            .iter()
            .chain(u.frees.iter())
            .position(|c| c == name)
            .map(|i| CellIdx(i as u32))
    }

    // ---- exception handlers and frame blocks ----------------------------

    /// Opens a `try` region whose handler is `label` with the exception in `exc`.
    pub fn push_handler(&mut self, label: Label, exc: Reg) {
        let u = self.u();
        u.handlers.push(HandlerDef { label, exc });
        let id = u.handlers.len() as u32 - 1;
        u.handler_stack.push(id);
    }

    pub fn pop_handler(&mut self) {
        self.u().handler_stack.pop();
    }

    pub fn push_fblock(&mut self, block: FBlock<'a>) {
        let depth = self.ur().handler_stack.len();
        self.u().fblocks.push(FBlockEntry {
            block,
            handler_depth: depth,
        });
    }

    pub fn pop_fblock(&mut self) {
        self.u().fblocks.pop();
    }

    // ---- names -------------------------------------------------------------

    /// Resolves a (mangled) name in the current unit.
    pub(crate) fn scope_of_name(&self, name: &str) -> SymScope {
        let s = self.table.get(self.ur().scope);
        s.lookup(name)
            .map_or(SymScope::GlobalImplicit, |sym| sym.scope)
    }

    /// The register of a local of a function-like unit, if the name is one.
    pub fn local_reg(&self, name: &str) -> Option<Reg> {
        let u = self.ur();
        if !matches!(
            u.kind,
            ScopeKind::Function | ScopeKind::Lambda | ScopeKind::Comprehension
        ) {
            return None;
        }
        let name = self.mangle(name);
        if self.scope_of_name(&name) != SymScope::Local {
            return None;
        }
        u.locals.get(&name).copied()
    }

    /// Loads a name into a register; returns the local's own register when
    /// possible (`want` forces the destination).
    pub fn load_name(&mut self, name: &str, want: Option<Reg>, range: TextRange) -> Reg {
        if let Some(r) = self.local_reg(name) {
            let trusted =
                self.ur().assigned[r.0 as usize] && !self.ur().deleted.contains(&self.mangle(name));
            if !trusted {
                self.emit(Instruction::CheckBound { reg: r }, range);
            }
            return match want {
                Some(d) if d != r => {
                    self.emit(Instruction::Move { dst: d, src: r }, range);
                    d
                }
                _ => r,
            };
        }
        let dst = want.unwrap_or_else(|| self.tmp());
        self.name_op(name, NameOp::Load, dst, range);
        dst
    }

    /// Stores `src` into a name.
    pub fn store_name(&mut self, name: &str, src: Reg, range: TextRange) {
        if let Some(r) = self.local_reg(name) {
            if r != src {
                self.emit(Instruction::Move { dst: r, src }, range);
            }
            self.u().assigned[r.0 as usize] = true;
            return;
        }
        self.name_op(name, NameOp::Store, src, range);
    }

    pub fn delete_name(&mut self, name: &str, range: TextRange) {
        if let Some(r) = self.local_reg(name) {
            self.emit(Instruction::DeleteFast { reg: r }, range);
            self.u().assigned[r.0 as usize] = false;
            return;
        }
        self.name_op(name, NameOp::Delete, Reg(0), range);
    }

    /// Marks a local as bound (after a store done by another instruction).
    pub fn note_assigned(&mut self, r: Reg) {
        if self.is_named_local(r) {
            self.u().assigned[r.0 as usize] = true;
        }
    }

    pub(crate) fn name_op(&mut self, name: &str, op: NameOp, reg: Reg, range: TextRange) {
        let mangled = self.mangle(name);
        let scope = self.scope_of_name(&mangled);
        let kind = self.ur().kind;
        let function_like = matches!(
            kind,
            ScopeKind::Function | ScopeKind::Lambda | ScopeKind::Comprehension
        );
        match scope {
            SymScope::Free | SymScope::Cell => {
                let cell = self.cell_idx(&mangled).unwrap_or(CellIdx(0));
                let ins = match op {
                    NameOp::Load if kind == ScopeKind::Class => {
                        Instruction::LoadClassDeref { dst: reg, cell }
                    }
                    NameOp::Load => Instruction::LoadDeref { dst: reg, cell },
                    NameOp::Store => Instruction::StoreDeref { cell, src: reg },
                    NameOp::Delete => Instruction::DeleteDeref { cell },
                };
                self.emit(ins, range);
            }
            SymScope::GlobalExplicit | SymScope::GlobalImplicit
                if function_like || scope == SymScope::GlobalExplicit =>
            {
                let name = self.name_idx(&mangled);
                let ins = match op {
                    NameOp::Load => Instruction::LoadGlobal {
                        dst: reg,
                        name,
                        cache: self.cache(),
                    },
                    NameOp::Store => Instruction::StoreGlobal { name, src: reg },
                    NameOp::Delete => Instruction::DeleteGlobal { name },
                };
                self.emit(ins, range);
            }
            _ => {
                let name = self.name_idx(&mangled);
                let ins = match op {
                    NameOp::Load => Instruction::LoadName { dst: reg, name },
                    NameOp::Store => Instruction::StoreName { name, src: reg },
                    NameOp::Delete => Instruction::DeleteName { name },
                };
                self.emit(ins, range);
            }
        }
    }

    /// The qualified name of a child scope named `name`.
    pub fn child_qualname(&self, name: &str) -> String {
        let u = self.ur();
        match u.kind {
            ScopeKind::Module => name.to_string(),
            ScopeKind::Class => format!("{}.{name}", u.qualname),
            _ => {
                // A function declared global keeps its bare name.
                let s = self.table.get(u.scope);
                if s.lookup(name)
                    .is_some_and(|sym| sym.scope == SymScope::GlobalExplicit)
                {
                    name.to_string()
                } else {
                    format!("{}.<locals>.{name}", u.qualname)
                }
            }
        }
    }

    /// Emits the closure tuple for child code `code` into `dst`.
    pub fn emit_closure(&mut self, code: &CodeObject, dst: Reg, range: TextRange) -> bool {
        if code.free_names.is_empty() {
            return false;
        }
        let n = code.free_names.len() as u32;
        let mark = self.mark();
        let base = self.window(n);
        for (i, name) in code.free_names.iter().enumerate() {
            let cell = self.cell_idx(name).unwrap_or(CellIdx(0));
            self.emit(
                Instruction::LoadClosure {
                    dst: Reg(base.0 + i as u32),
                    cell,
                },
                range,
            );
        }
        self.emit(
            Instruction::BuildTuple {
                dst,
                base,
                count: Count(n),
            },
            range,
        );
        self.release(mark);
        true
    }
}

/// Collects names deleted in a function body (`del x`, `except ... as x`),
/// not descending into nested scopes.
pub(crate) fn collect_deleted(body: &[Stmt], out: &mut HashSet<String>) {
    pub(crate) fn targets(e: &Expr, out: &mut HashSet<String>) {
        match e {
            Expr::Name(n) => {
                out.insert(n.id.to_string());
            }
            Expr::Tuple(t) => t.elts.iter().for_each(|e| targets(e, out)),
            Expr::List(t) => t.elts.iter().for_each(|e| targets(e, out)),
            _ => {}
        }
    }
    for s in body {
        match s {
            Stmt::Delete(d) => d.targets.iter().for_each(|t| targets(t, out)),
            Stmt::For(f) => {
                collect_deleted(&f.body, out);
                collect_deleted(&f.orelse, out);
            }
            Stmt::While(w) => {
                collect_deleted(&w.body, out);
                collect_deleted(&w.orelse, out);
            }
            Stmt::If(i) => {
                collect_deleted(&i.body, out);
                for c in &i.elif_else_clauses {
                    collect_deleted(&c.body, out);
                }
            }
            Stmt::With(w) => collect_deleted(&w.body, out),
            Stmt::Match(m) => m.cases.iter().for_each(|c| collect_deleted(&c.body, out)),
            Stmt::Try(t) => {
                collect_deleted(&t.body, out);
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    if let Some(n) = &h.name {
                        out.insert(n.to_string());
                    }
                    collect_deleted(&h.body, out);
                }
                collect_deleted(&t.orelse, out);
                collect_deleted(&t.finalbody, out);
            }
            _ => {}
        }
    }
}

/// The docstring of a body, if its first statement is a plain string.
pub(crate) fn docstring_of(body: &[Stmt]) -> Option<&ast::ExprStringLiteral> {
    match body.first() {
        Some(Stmt::Expr(e)) => match &*e.value {
            Expr::StringLiteral(s) => Some(s),
            _ => None,
        },
        _ => None,
    }
}

/// Compiles a parsed module body (exec or single mode).
pub(crate) fn compile_module_body(
    source: &str,
    filename: &str,
    body: &[Stmt],
    interactive: bool,
    opts: &crate::CompileOptions,
) -> CResult<Arc<CodeObject>> {
    let future_annotations = check_futures(source, filename, body)? || opts.future_annotations;
    let index = LineIndex::new(source);
    let table = crate::symtable::build_module(body, future_annotations)
        .map_err(|e| SyntaxError::at(e.msg, filename, source, &index, e.range))?;
    let mut c = Compiler::new(source, filename, table, future_annotations);
    c.interactive = interactive;
    c.optimize = opts.optimize;
    let range = TextRange::up_to(ruff_text_size::TextSize::of(source));
    c.enter_unit(ScopeId(0), "<module>", "<module>".into(), range);
    c.u().first_line = 1;
    if stmt::has_annotations(body) {
        c.emit(Instruction::SetupAnnotations {}, range);
    }
    let mut rest = body;
    if let Some(doc) = docstring_of(body)
        && !interactive
    {
        if opts.optimize < 2 {
            let s = strings::string_value(doc, source);
            c.u().docstring = Some(s.clone());
            let r = c.const_reg(Constant::Str(s), doc.range);
            let name = c.name_idx("__doc__");
            c.emit(Instruction::StoreName { name, src: r }, doc.range);
            c.release(r.0);
        }
        rest = &body[1..];
    }
    c.body(rest)?;
    let end = body.last().map_or(range, |s| s.range());
    let none = c.const_reg(Constant::None, end);
    c.emit(Instruction::Return { src: none }, end);
    c.leave_unit()
}

/// Compiles an `eval` expression.
pub(crate) fn compile_expression(
    source: &str,
    filename: &str,
    e: &Expr,
    opts: &crate::CompileOptions,
) -> CResult<Arc<CodeObject>> {
    let index = LineIndex::new(source);
    let table = crate::symtable::build_expression(e)
        .map_err(|err| SyntaxError::at(err.msg, filename, source, &index, err.range))?;
    let mut c = Compiler::new(source, filename, table, opts.future_annotations);
    c.optimize = opts.optimize;
    let range = e.range();
    c.enter_unit(ScopeId(0), "<module>", "<module>".into(), range);
    c.u().first_line = 1;
    let r = c.expr(e)?;
    c.emit(Instruction::Return { src: r }, range);
    c.leave_unit()
}

/// Checks `from __future__` placement and reports whether annotations are
/// postponed.
fn check_futures(source: &str, filename: &str, body: &[Stmt]) -> CResult<bool> {
    let index = LineIndex::new(source);
    let mut annotations = false;
    let mut allowed = true;
    for (i, s) in body.iter().enumerate() {
        match s {
            Stmt::ImportFrom(f)
                if f.module
                    .as_ref()
                    .is_some_and(|m| m.as_str() == "__future__")
                    && f.level == 0 =>
            {
                if !allowed {
                    let msg = "from __future__ imports must occur at the beginning of the file";
                    return Err(SyntaxError::at(msg, filename, source, &index, f.range));
                }
                if f.names.iter().any(|a| a.name.as_str() == "annotations") {
                    annotations = true;
                }
            }
            Stmt::Expr(e) if i == 0 && matches!(&*e.value, Expr::StringLiteral(_)) => {}
            _ => allowed = false,
        }
    }
    Ok(annotations)
}
