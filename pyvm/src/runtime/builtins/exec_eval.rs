//! `exec`, `eval`, `compile`, `globals`, `locals`, `vars`, `input`,
//! `breakpoint`: running source text and looking at namespaces.
//!
//! `exec`/`eval` compile (or take a code object), push a module-style
//! frame whose globals and locals are the given dicts, and run it through
//! the bounded re-entry point like any native calling back into Python.
//! `locals()` in a function is a snapshot dict of its registers and cells
//! (writes to it do not change the function's variables, as in CPython).

use pyvm_bytecode::{CompileOptions, Mode};
use pyvm_objmodel::Value;

use super::{NativeTable, Place};
use crate::runtime::call::Args;
use crate::runtime::exception::PyResult;
use crate::runtime::heap::{MAX_REENTRY, Vm};
use crate::runtime::layout::{ExcField, Kind, TypeField};
use crate::runtime::types::{GlobalSlot, TypeId};

/// The natives of this file.
pub(crate) const EXEC_EVAL: NativeTable = &[
    ("exec", Place::Builtins, exec),
    ("eval", Place::Builtins, eval),
    ("compile", Place::Builtins, compile),
    ("globals", Place::Builtins, globals),
    ("locals", Place::Builtins, locals),
    ("vars", Place::Builtins, vars),
    ("input", Place::Builtins, input),
    ("breakpoint", Place::Builtins, breakpoint),
    ("dir", Place::Builtins, dir),
];

/// `PyCF_ONLY_AST`: compile() returns an AST (needs the `ast` module).
const PYCF_ONLY_AST: i64 = 0x400;

/// Positional-or-keyword argument `i` named `name` (None when absent).
fn arg_or_kw(vm: &Vm, a: &Args, i: usize, name: &str) -> Option<Value> {
    if i < a.npos(vm) {
        Some(a.get(vm, i))
    } else {
        a.kwarg(vm, name)
    }
}

impl Vm {
    /// The `builtins` module object (created on first use).
    pub fn builtins_module(&mut self) -> PyResult<Value> {
        let modules = self.global(GlobalSlot::Modules);
        if let Some(m) = self.dict_get_str(modules, "builtins")? {
            return Ok(m);
        }
        match self.import_native("builtins")? {
            Some(m) => Ok(m),
            None => Ok(self.global(GlobalSlot::Builtins)),
        }
    }

    /// Puts `__builtins__` in a globals dict that lacks it.
    pub fn ensure_builtins_in(&mut self, globals: Value) -> PyResult<()> {
        let gi = self.push_temp(globals);
        let r = (|| {
            if self.dict_get_str(self.temp(gi), "__builtins__")?.is_none() {
                let b = self.builtins_module()?;
                self.dict_set_str(self.temp(gi), "__builtins__", b)?;
            }
            Ok(())
        })();
        self.pop_temps(gi);
        r
    }

    /// `locals[key]` for a non-dict locals mapping (exec/eval with a
    /// mapping): None when it raises KeyError.
    pub fn mapping_lookup(&mut self, locals: Value, key: Value) -> PyResult<Option<Value>> {
        match self.get_item(locals, key) {
            Ok(v) => Ok(Some(v)),
            Err(e) => {
                if self.exc_matches(self.raised(), TypeId::KeyError) {
                    self.take_raised();
                    Ok(None)
                } else {
                    Err(e)
                }
            }
        }
    }

    /// The globals of the running Python frame.
    pub fn current_globals(&self) -> Option<Value> {
        self.m.roots().frames.last().map(|f| f.globals)
    }

    /// `locals()` of the running Python frame: its locals dict for module
    /// and class bodies; for functions the frame object's `f_locals` dict,
    /// refreshed (the same dict each time, as CPython 3.11).
    pub fn current_locals(&mut self) -> PyResult<Value> {
        let Some(f) = self.m.roots().frames.last() else {
            return self.new_dict();
        };
        if !f.locals.is_empty() {
            return Ok(f.locals);
        }
        let top = self.m.roots().frames.len() - 1;
        let fo = self.frame_object_at(top)?;
        self.frame_f_locals(fo)
    }

    /// Runs a code object with the given globals and locals (a module-style
    /// frame), through the bounded re-entry point; returns its value.
    pub fn run_code_in(&mut self, code: Value, globals: Value, locals: Value) -> PyResult<Value> {
        if self.reentry_depth >= MAX_REENTRY {
            return Err(self.raise_msg(TypeId::RecursionError, "maximum recursion depth exceeded"));
        }
        let mark = self.temps_len();
        self.push_temp(code);
        self.push_temp(globals);
        self.push_temp(locals);
        let r = (|| {
            self.ensure_builtins_in(self.temp(mark + 1))?;
            if self.code_arc(self.temp(mark)).free_names.is_empty() {
                let depth = self.m.roots().frames.len();
                self.push_code_frame(
                    self.temp(mark),
                    self.temp(mark + 1),
                    self.temp(mark + 2),
                    Value::EMPTY,
                )?;
                self.reentry_depth += 1;
                let r = self.run_frames(depth);
                self.reentry_depth -= 1;
                r
            } else {
                Err(self.type_error("code object passed to exec() may not contain free variables"))
            }
        })();
        self.pop_temps(mark);
        r
    }
}

/// Source text of an exec/eval/compile argument, if it is str or bytes-like.
fn source_text(vm: &mut Vm, v: Value) -> Option<Result<String, pyvm_bytecode::error::SyntaxError>> {
    if vm.is_str(v) {
        return Some(Ok(vm.str_text(v).into_owned()));
    }
    if vm.kind_of(v) == Some(Kind::Bytes) {
        // Decoded per PEP 263 (BOM or coding declaration, else UTF-8).
        let text = pyvm_bytecode::source::decode_source(vm.str_bytes(v), "<string>");
        return Some(text);
    }
    None
}

/// CPython's error for a source string holding a NUL (a SyntaxError
/// without a location, unlike a file's).
fn null_byte_error(vm: &mut Vm) -> super::super::exception::Raised {
    match vm.new_str("source code string cannot contain null bytes") {
        Ok(msg) => vm.raise_args(TypeId::SyntaxError, &[msg]),
        Err(e) => e,
    }
}

/// Compiles `src` for `exec`/`eval`, raising CPython's errors.
fn compile_source(vm: &mut Vm, src: &str, filename: &str, mode: Mode) -> PyResult<Value> {
    if src.contains('\0') {
        return Err(null_byte_error(vm));
    }
    let opts = CompileOptions {
        optimize: vm.sysio.optimize,
        ..CompileOptions::default()
    };
    match pyvm_bytecode::compile_with(src, filename, mode, &opts) {
        Ok(c) => {
            vm.issue_compile_warnings(filename)?;
            vm.new_code(c)
        }
        Err(e) => Err(vm.raise_syntax_error(&e)),
    }
}

/// The (globals, locals) pair for exec/eval from their arguments.
fn namespaces(vm: &mut Vm, a: &Args, fname: &str) -> PyResult<(Value, Value)> {
    let g = arg_or_kw(vm, a, 1, "globals").filter(|v| !v.is_none());
    let l = arg_or_kw(vm, a, 2, "locals").filter(|v| !v.is_none());
    if let Some(g) = g
        && vm.kind_of(g) != Some(Kind::Dict)
    {
        let msg = if fname == "exec" {
            format!("exec() globals must be a dict, not {}", vm.type_name(g))
        } else {
            "globals must be a real dict; try eval(expr, {}, mapping)".to_string()
        };
        return Err(vm.type_error(&msg));
    }
    if let Some(l) = l
        && vm.kind_of(l) != Some(Kind::Dict)
        && !matches!(vm.kind_of(l), Some(Kind::Instance))
    {
        let msg = if fname == "exec" {
            format!("locals must be a mapping or None, not {}", vm.type_name(l))
        } else {
            "locals must be a mapping".to_string()
        };
        return Err(vm.type_error(&msg));
    }
    match (g, l) {
        (Some(g), Some(l)) => Ok((g, l)),
        (Some(g), None) => Ok((g, g)),
        (None, l) => {
            let li = l.map(|l| vm.push_temp(l));
            let locals = match li {
                Some(i) => vm.temp(i),
                None => vm.current_locals()?,
            };
            if let Some(i) = li {
                vm.pop_temps(i);
            }
            let g = match vm.current_globals() {
                Some(g) => g,
                None => {
                    let li = vm.push_temp(locals);
                    let d = vm.new_dict();
                    vm.pop_temps(li);
                    d?
                }
            };
            Ok((g, locals))
        }
    }
}

fn exec_or_eval(vm: &mut Vm, a: Args, mode: Mode) -> PyResult<Value> {
    let fname = if mode == Mode::Eval { "eval" } else { "exec" };
    let npos = a.npos(vm);
    if npos == 0 && a.kwarg(vm, "source").is_none() {
        return Err(vm.type_error(&if mode == Mode::Eval {
            "eval expected at least 1 argument, got 0".to_string()
        } else {
            "exec() takes at least 1 positional argument (0 given)".to_string()
        }));
    }
    if npos > 3 {
        return Err(vm.type_error(&if mode == Mode::Eval {
            format!("eval expected at most 3 arguments, got {npos}")
        } else {
            format!("exec() takes at most 3 positional arguments ({npos} given)")
        }));
    }
    if mode == Mode::Exec
        && let Some(c) = a.kwarg(vm, "closure")
        && !c.is_none()
    {
        return Err(vm.not_supported("exec(closure=...)"));
    }
    let src = a.get(vm, 0);
    let (g, l) = namespaces(vm, &a, fname)?;
    let mark = vm.temps_len();
    vm.push_temp(g);
    vm.push_temp(l);
    let r = (|| {
        let src = a.get(vm, 0);
        let code = if vm.kind_of(src) == Some(Kind::Code) {
            src
        } else {
            match source_text(vm, src) {
                Some(Ok(text)) => {
                    let text = if mode == Mode::Eval {
                        text.trim_start_matches([' ', '\t']).to_string()
                    } else {
                        text
                    };
                    compile_source(vm, &text, "<string>", mode)?
                }
                Some(Err(e)) => return Err(vm.raise_syntax_error(&e)),
                None => {
                    return Err(vm.type_error(&format!(
                        "{fname}() arg 1 must be a string, bytes or code object"
                    )));
                }
            }
        };
        let v = vm.run_code_in(code, vm.temp(mark), vm.temp(mark + 1))?;
        Ok(if mode == Mode::Eval { v } else { Value::NONE })
    })();
    let _ = src;
    vm.pop_temps(mark);
    r
}

/// `exec(source, globals=None, locals=None, /, *, closure=None)`.
fn exec(vm: &mut Vm, a: Args) -> PyResult<Value> {
    exec_or_eval(vm, a, Mode::Exec)
}

/// `eval(source, globals=None, locals=None, /)`.
fn eval(vm: &mut Vm, a: Args) -> PyResult<Value> {
    exec_or_eval(vm, a, Mode::Eval)
}

/// `compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1)`.
fn compile(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let names = [
        "source",
        "filename",
        "mode",
        "flags",
        "dont_inherit",
        "optimize",
    ];
    let npos = a.npos(vm);
    if npos > 6 {
        return Err(vm.type_error(&format!(
            "compile() takes at most 6 arguments ({npos} given)"
        )));
    }
    let mut vals = [None; 6];
    for (i, n) in names.iter().enumerate() {
        vals[i] = arg_or_kw(vm, &a, i, n);
    }
    for (i, n) in names.iter().enumerate().take(3) {
        if vals[i].is_none() {
            return Err(vm.type_error(&format!(
                "compile() missing required argument '{n}' (pos {})",
                i + 1
            )));
        }
    }
    let mode_v = vals[2].unwrap_or(Value::NONE);
    if !vm.is_str(mode_v) {
        let t = vm.type_name(mode_v);
        return Err(vm.type_error(&format!("compile() argument 'mode' must be str, not {t}")));
    }
    let mode = match &*vm.str_text(mode_v) {
        "exec" => Mode::Exec,
        "eval" => Mode::Eval,
        "single" => Mode::Single,
        "func_type" => {
            let flags = vals[3].and_then(|v| v.as_int()).unwrap_or(0);
            if flags & PYCF_ONLY_AST != 0 {
                return Err(vm.not_supported("compile() mode 'func_type'"));
            }
            return Err(vm.raise_msg(
                TypeId::ValueError,
                "compile() mode 'func_type' requires flag PyCF_ONLY_AST",
            ));
        }
        _ => {
            return Err(vm.raise_msg(
                TypeId::ValueError,
                "compile() mode must be 'exec', 'eval' or 'single'",
            ));
        }
    };
    let flags = vals[3].and_then(|v| v.as_int()).unwrap_or(0);
    // The `__future__` flags, `CO_NESTED`, and the `PyCF_*` compile flags.
    const KNOWN_FLAGS: i64 = 0x1fe_0000 | 0x10 | 0x200 | 0x400 | 0x1000 | 0x2000 | 0x4000;
    if flags & !KNOWN_FLAGS != 0 {
        return Err(vm.raise_msg(TypeId::ValueError, "compile(): unrecognised flags"));
    }
    let fv = vals[1].unwrap_or(Value::NONE);
    let filename = if vm.is_str(fv) {
        vm.str_text(fv).into_owned()
    } else {
        let t = vm.type_name(fv);
        return Err(vm.type_error(&format!(
            "compile() argument 'filename' must be str, bytes or os.PathLike, not {t}"
        )));
    };
    let optimize = match vals[5].and_then(|v| v.as_int()) {
        Some(-1) | None => vm.sysio.optimize,
        Some(o) if (0..=2).contains(&o) => o as u8,
        Some(_) => {
            return Err(vm.raise_msg(TypeId::ValueError, "compile(): invalid optimize value"));
        }
    };
    let src = vals[0].unwrap_or(Value::NONE);
    if vm.kind_of(src) == Some(Kind::Code) {
        return Ok(src);
    }
    let is_tree = crate::runtime::ast::is_ast_node(vm, src)?;
    // (Re-read: the check allocates.)
    let src = arg_or_kw(vm, &a, 0, "source").unwrap_or(Value::NONE);
    if is_tree && flags & PYCF_ONLY_AST != 0 {
        return Ok(src);
    }
    let text = match source_text(vm, src) {
        _ if is_tree => crate::runtime::ast::tree_source(vm, src, mode)?,
        Some(Ok(t)) if t.contains('\0') => return Err(null_byte_error(vm)),
        Some(Ok(t)) if flags & PYCF_ONLY_AST != 0 => {
            return crate::runtime::ast::parse_to_tree(vm, &t, &filename, mode);
        }
        Some(Ok(t)) => t,
        Some(Err(e)) => return Err(vm.raise_syntax_error(&e)),
        None => {
            return Err(vm.type_error("compile() arg 1 must be a string, bytes or AST object"));
        }
    };
    let opts = CompileOptions {
        optimize,
        ..CompileOptions::default()
    };
    match pyvm_bytecode::compile_with(&text, &filename, mode, &opts) {
        Ok(c) => {
            vm.issue_compile_warnings(&filename)?;
            vm.new_code(c)
        }
        Err(e) => Err(vm.raise_syntax_error(&e)),
    }
}

/// `globals()`.
fn globals(vm: &mut Vm, a: Args) -> PyResult<Value> {
    no_args(vm, &a, "globals")?;
    match vm.current_globals() {
        Some(g) => Ok(g),
        None => vm.new_dict(),
    }
}

fn no_args(vm: &mut Vm, a: &Args, name: &str) -> PyResult<()> {
    if a.n > 0 {
        if a.nkw(vm) > 0 {
            return Err(vm.type_error(&format!("{name}() takes no keyword arguments")));
        }
        return Err(vm.type_error(&format!("{name}() takes no arguments ({} given)", a.n)));
    }
    Ok(())
}

/// `locals()`.
fn locals(vm: &mut Vm, a: Args) -> PyResult<Value> {
    no_args(vm, &a, "locals")?;
    vm.current_locals()
}

/// `vars([object])`.
fn vars(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = super::arity(vm, &a, "vars", 0, 1)?;
    if n == 0 {
        return vm.current_locals();
    }
    let obj = a.get(vm, 0);
    if vm.kind_of(obj) == Some(Kind::Type) {
        return Ok(vm.field(obj, TypeField::Dict as usize));
    }
    let key = vm.new_str("__dict__")?;
    let obj = a.get(vm, 0);
    match vm.get_attr(obj, key) {
        Ok(d) => Ok(d),
        Err(e) => {
            if vm.exc_matches(vm.raised(), TypeId::AttributeError) {
                vm.take_raised();
                Err(vm.type_error("vars() argument must have __dict__ attribute"))
            } else {
                Err(e)
            }
        }
    }
}

/// `input([prompt])`: writes the prompt to `sys.stdout`, reads a line from
/// `sys.stdin` (EOFError at end of file).
fn input(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if a.nkw(vm) > 0 {
        return Err(vm.type_error("input() takes no keyword arguments"));
    }
    let n = a.npos(vm);
    if n > 1 {
        return Err(vm.type_error(&format!("input expected at most 1 argument, got {n}")));
    }
    if n == 1 {
        let p = a.get(vm, 0);
        let s = vm.str_value(p)?;
        crate::runtime::modules::io::write_stdout(vm, s)?;
    }
    crate::runtime::modules::io::flush_stdout(vm)?;
    let line = crate::runtime::modules::io::readline_stdin(vm)?;
    let li = vm.push_temp(line);
    let b = vm.str_bytes(vm.temp(li)).to_vec();
    vm.pop_temps(li);
    if b.is_empty() {
        return Err(vm.raise_msg(TypeId::EOFError, "EOF when reading a line"));
    }
    let mut end = b.len();
    if b[end - 1] == b'\n' {
        end -= 1;
    }
    let text = String::from_utf8_lossy(&b[..end]).into_owned();
    vm.new_str(&text)
}

/// `breakpoint()`: calls `sys.breakpointhook` (whatever it is), whose
/// default follows `$PYTHONBREAKPOINT` or says the debugger is not
/// available.
fn breakpoint(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let sys = vm.global(GlobalSlot::Sys);
    if vm.kind_of(sys) == Some(Kind::Module) {
        let d = vm.field(sys, 0);
        let Some(h) = vm.dict_get_str(d, "breakpointhook")? else {
            return Err(vm.raise_msg(TypeId::RuntimeError, "lost sys.breakpointhook"));
        };
        {
            let mark = vm.temps_len();
            vm.push_temp(h);
            for i in 0..a.n {
                let v = vm.temp(a.start + i);
                vm.push_temp(v);
            }
            let kw = a.kw.map(|k| {
                let t = vm.temp(k);
                vm.push_temp(t)
            });
            let args = Args {
                start: mark + 1,
                n: a.n,
                kw,
            };
            let r = vm.call_args(mark, args);
            vm.pop_temps(mark);
            return r;
        }
    }
    vm.flush_out();
    eprintln!("breakpoint(): the debugger is not supported yet by pyvm");
    Ok(Value::NONE)
}

/// `dir([object])`: sorted names of the scope, or of the object's own
/// namespace and its class's MRO (a user `__dir__` decides when defined).
fn dir(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = super::arity(vm, &a, "dir", 0, 1)?;
    let names = if n == 0 {
        let l = vm.current_locals()?;
        dict_keys(vm, l)?
    } else {
        let obj = a.get(vm, 0);
        if vm.kind_of(obj) == Some(Kind::Instance)
            && let Some(r) = vm.call_dunder0(obj, "__dir__")?
        {
            let items = vm.collect_iterable(r)?;
            return sorted_list(vm, items);
        }
        // PEP 562: a module's own `__dir__` function decides.
        if vm.kind_of(obj) == Some(Kind::Module)
            && let Ok(Some(f)) = vm.dict_get_str(vm.field(obj, 0), "__dir__")
        {
            let r = vm.call_value(f, &[])?;
            let items = vm.collect_iterable(r)?;
            return sorted_list(vm, items);
        }
        let mark = vm.temps_len();
        let obj = a.get(vm, 0);
        let mut sources = Vec::new();
        // The data descriptors pyvm makes on demand (`builtin_descrs.rs`).
        let mut builtin_data: Vec<&'static str> = Vec::new();
        match vm.kind_of(obj) {
            Some(Kind::Module) => sources.push(vm.field(obj, 0)),
            Some(Kind::Type) => {
                let mro = vm.field(obj, TypeField::Mro as usize);
                for &t in vm.tuple_items(mro) {
                    sources.push(vm.field(t, TypeField::Dict as usize));
                    builtin_data.extend(vm.builtin_data_names(t).iter().map(|p| p.0));
                }
            }
            k => {
                if matches!(k, Some(Kind::Instance | Kind::Io)) {
                    sources.push(vm.field(obj, 0));
                }
                if k == Some(Kind::Exception) {
                    let d = vm.field(obj, ExcField::Dict as usize);
                    if vm.kind_of(d) == Some(Kind::Dict) {
                        sources.push(d);
                    }
                }
                let mro = vm.field(vm.class_of(obj), TypeField::Mro as usize);
                for &t in vm.tuple_items(mro) {
                    sources.push(vm.field(t, TypeField::Dict as usize));
                    builtin_data.extend(vm.builtin_data_names(t).iter().map(|p| p.0));
                }
            }
        }
        vm.roots().temps.extend_from_slice(&sources);
        let mut all = Vec::new();
        for i in 0..sources.len() {
            let d = vm.temp(mark + i);
            if vm.kind_of(d) == Some(Kind::Dict) {
                let keys = dict_keys(vm, d)?;
                all.extend(keys);
            }
        }
        vm.pop_temps(mark);
        all.extend(builtin_data.iter().map(|n| n.to_string()));
        if vm.kind_of(a.get(vm, 0)) != Some(Kind::Module) {
            all.push("__class__".to_string());
        }
        all.sort();
        all.dedup();
        all
    };
    let mark = vm.temps_len();
    for s in &names {
        let v = vm.new_str(s)?;
        vm.push_temp(v);
    }
    let items = vm.m.roots().temps[mark..].to_vec();
    let l = vm.new_list(&items);
    vm.pop_temps(mark);
    l
}

/// The str keys of a dict, sorted.
fn dict_keys(vm: &mut Vm, d: Value) -> PyResult<Vec<String>> {
    let keys: Vec<Value> = {
        let k = vm.keys();
        vm.dict_mut(d).items(&k).map(|(k, _)| k).collect()
    };
    let mut out: Vec<String> = keys
        .into_iter()
        .filter(|&k| vm.is_str(k))
        .map(|k| vm.str_text(k).into_owned())
        .collect();
    out.sort();
    Ok(out)
}

/// A new list of `items` sorted as strs (`dir` with a user `__dir__`).
fn sorted_list(vm: &mut Vm, items: Vec<Value>) -> PyResult<Value> {
    let mark = vm.temps_len();
    vm.roots().temps.extend_from_slice(&items);
    let r = (|| {
        let mut idx: Vec<usize> = (0..items.len()).collect();
        let mut bad = None;
        idx.sort_by(|&x, &y| {
            let (a, b) = (vm.temp(mark + x), vm.temp(mark + y));
            if !vm.is_str(a) || !vm.is_str(b) {
                bad = Some(if vm.is_str(a) { b } else { a });
                return std::cmp::Ordering::Equal;
            }
            vm.str_bytes(a).cmp(vm.str_bytes(b))
        });
        if let Some(b) = bad {
            let t = vm.type_name(b);
            return Err(vm.type_error(&format!(
                "'<' not supported between instances of 'str' and '{t}'"
            )));
        }
        let sorted: Vec<Value> = idx.iter().map(|&i| vm.temp(mark + i)).collect();
        vm.new_list(&sorted)
    })();
    vm.pop_temps(mark);
    r
}
