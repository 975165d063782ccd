//! Calls: argument binding, frame push, natives, and the one re-entry point
//! through which native code calls back into Python.

use std::sync::Arc;

use pyvm_bytecode::{CodeFlags, CodeObject};
use pyvm_objmodel::Value;

use super::exception::{PyResult, Raised};
use super::frame::{Frame, ReturnTo};
use super::heap::{MAX_REENTRY, Vm};
use super::layout::{BuiltinField, CodeField, FuncField, Kind};
use super::types::TypeId;

/// Arguments on `Roots::temps`: `n` values from `start`; when `kw` is set
/// (the temp index of a tuple of names), the last `len(names)` values are
/// keyword arguments.
#[derive(Clone, Copy, Debug)]
pub struct Args {
    /// First argument's temp index.
    pub start: usize,
    /// Number of values (positional then keyword).
    pub n: usize,
    /// Temp index of the keyword-names tuple.
    pub kw: Option<usize>,
}

/// A native function: reads its arguments from the temps, returns a value.
pub type NativeFn = fn(&mut Vm, Args) -> PyResult<Value>;

/// What invoking a callable did.
pub enum Invoked {
    /// A Python frame was pushed; the dispatch loop runs it.
    Pushed,
    /// The call completed with this value.
    Done(Value),
}

impl Args {
    /// Number of keyword arguments.
    pub fn nkw(&self, vm: &Vm) -> usize {
        self.kw
            .map(|k| vm.tuple_items(vm.temp(k)).len())
            .unwrap_or(0)
    }
    /// Number of positional arguments.
    pub fn npos(&self, vm: &Vm) -> usize {
        self.n - self.nkw(vm)
    }
    /// Positional argument `i`.
    pub fn get(&self, vm: &Vm, i: usize) -> Value {
        vm.temp(self.start + i)
    }
    /// The keyword argument named `name`, if given.
    pub fn kwarg(&self, vm: &Vm, name: &str) -> Option<Value> {
        let k = self.kw?;
        let names = vm.tuple_items(vm.temp(k));
        let first = self.n - names.len();
        names
            .iter()
            .position(|&s| vm.str_bytes(s) == name.as_bytes())
            .map(|i| vm.temp(self.start + first + i))
    }
}

impl Vm {
    /// Calls `callee` with `args` (values) from native code and returns its
    /// result: the bounded re-entry point into the dispatch loop.
    pub fn call_value(&mut self, callee: Value, args: &[Value]) -> PyResult<Value> {
        let mark = self.temps_len();
        self.push_temp(callee);
        self.roots().temps.extend_from_slice(args);
        let a = Args {
            start: mark + 1,
            n: args.len(),
            kw: None,
        };
        let r = self.call_args(mark, a);
        self.pop_temps(mark);
        r
    }

    /// Calls the callable at temp `callee` with `args`, running Python
    /// frames to completion (re-entering the dispatch loop, bounded).
    pub fn call_args(&mut self, callee: usize, args: Args) -> PyResult<Value> {
        if self.reentry_depth >= MAX_REENTRY {
            return Err(self.raise_msg(TypeId::RecursionError, "maximum recursion depth exceeded"));
        }
        let depth = self.m.roots().frames.len();
        match self.invoke(callee, args, ReturnTo::Native)? {
            Invoked::Done(v) => Ok(v),
            Invoked::Pushed => {
                self.reentry_depth += 1;
                let r = self.run_frames(depth);
                self.reentry_depth -= 1;
                r
            }
        }
    }

    /// Invokes the callable at temp index `callee` with `args`: pushes a
    /// frame for a Python function, runs a native to completion.
    pub fn invoke(&mut self, callee: usize, args: Args, ret: ReturnTo) -> PyResult<Invoked> {
        let f = self.temp(callee);
        match self.kind_of(f) {
            Some(Kind::Function) => match self.push_function_frame(callee, args, ret)? {
                None => Ok(Invoked::Pushed),
                Some(generator) => Ok(Invoked::Done(generator)),
            },
            Some(Kind::Builtin) => {
                let idx = self
                    .field(f, BuiltinField::Native as usize)
                    .as_int()
                    .unwrap_or(0);
                let me = self.field(f, BuiltinField::SelfValue as usize);
                let native = super::builtins::native(idx as usize);
                let base = self.enter_base_dunder(f, me, &args);
                let r = if me.is_empty() {
                    native(self, args)
                } else {
                    self.roots().temps.insert(args.start, me);
                    let a = Args {
                        n: args.n + 1,
                        kw: args.kw.map(|k| if k >= args.start { k + 1 } else { k }),
                        ..args
                    };
                    native(self, a)
                };
                if base {
                    self.leave_base_dunder();
                }
                Ok(Invoked::Done(r?))
            }
            Some(Kind::BoundMethod) => {
                let func = self.field(f, 0);
                let me = self.field(f, 1);
                self.roots().temps[callee] = func;
                self.roots().temps.insert(args.start, me);
                let a = Args {
                    n: args.n + 1,
                    kw: args.kw.map(|k| if k >= args.start { k + 1 } else { k }),
                    ..args
                };
                self.invoke(callee, a, ret)
            }
            Some(Kind::Type) => Ok(Invoked::Done(self.call_type(callee, args)?)),
            Some(Kind::StaticMethod) => {
                let func = self.field(f, 0);
                self.roots().temps[callee] = func;
                self.invoke(callee, args, ret)
            }
            Some(Kind::Native) if !self.native_call_override(f)? => {
                self.roots().temps.insert(args.start, f);
                let a = Args {
                    n: args.n + 1,
                    kw: args.kw.map(|k| if k >= args.start { k + 1 } else { k }),
                    ..args
                };
                Ok(Invoked::Done(self.native_call(a)?))
            }
            _ => {
                let call = self.lookup_type_attr(self.class_of(f), "__call__")?;
                match call {
                    Some(m)
                        if matches!(
                            self.kind_of(self.temp(callee)),
                            Some(Kind::Instance | Kind::Exception)
                        ) || self.builtin_sub(self.temp(callee)) =>
                    {
                        let f = self.temp(callee);
                        self.roots().temps[callee] = m;
                        self.roots().temps.insert(args.start, f);
                        let a = Args {
                            n: args.n + 1,
                            kw: args.kw.map(|k| if k >= args.start { k + 1 } else { k }),
                            ..args
                        };
                        self.invoke(callee, a, ret)
                    }
                    _ => {
                        let name = self.type_name(self.temp(callee));
                        Err(self.type_error(&format!("'{name}' object is not callable")))
                    }
                }
            }
        }
    }

    /// Calls a class (see `class_create::call_class`).
    fn call_type(&mut self, callee: usize, args: Args) -> PyResult<Value> {
        self.call_class(callee, args)
    }

    /// Pushes a frame for the Python function at temp `callee`, binding
    /// `args`; for a generator function, moves the new frame into a
    /// generator object instead and returns it.
    fn push_function_frame(
        &mut self,
        callee: usize,
        args: Args,
        ret: ReturnTo,
    ) -> PyResult<Option<Value>> {
        if self.m.roots().frames.len() >= self.recursion_limit {
            return Err(self.raise_msg(TypeId::RecursionError, "maximum recursion depth exceeded"));
        }
        let func = self.temp(callee);
        let code_obj = self.field(func, FuncField::Code as usize);
        let code = self.code_arc(code_obj).clone();
        let base = self.m.roots().stack.len();
        let nregs = code.nregs as usize;
        self.roots().stack.resize(base + nregs, Value::EMPTY);
        let globals = self.field(func, FuncField::Globals as usize);
        let decoded = self.code_box(code_obj).decoded.clone();
        self.roots().frames.push(Frame {
            code: code.clone(),
            decoded,
            code_obj,
            func,
            globals,
            locals: Value::EMPTY,
            cells: Value::EMPTY,
            kwnames: Value::EMPTY,
            base,
            pc: 0,
            last_pc: 0,
            ret,
            generator: Value::EMPTY,
            frame_obj: Value::EMPTY,
        });
        if let Err(e) = self.bind_args(&code, callee, args, base) {
            let f = self.roots().frames.pop();
            self.roots().stack.truncate(base);
            drop(f);
            return Err(e);
        }
        if let Err(e) = self.make_cells(&code, base) {
            let f = self.roots().frames.pop();
            self.roots().stack.truncate(base);
            drop(f);
            return Err(e);
        }
        if code.flags.contains(CodeFlags::GENERATOR)
            || code.flags.contains(CodeFlags::COROUTINE)
            || code.flags.contains(CodeFlags::ASYNC_GENERATOR)
        {
            return self
                .frame_to_generator()
                .and_then(|g| self.register_generator(g))
                .map(Some);
        }
        Ok(None)
    }

    fn bind_args(
        &mut self,
        code: &Arc<CodeObject>,
        callee: usize,
        args: Args,
        base: usize,
    ) -> PyResult<()> {
        let argc = code.arg_count as usize;
        let kwonly = code.kwonly_count as usize;
        let varargs = code.flags.contains(CodeFlags::VARARGS);
        let varkw = code.flags.contains(CodeFlags::VARKEYWORDS);
        if args.kw.is_none() && args.n == argc && kwonly == 0 && !varargs && !varkw {
            // The common call: exactly the positional parameters, nothing
            // to bind by name, no defaults needed.
            for i in 0..argc {
                let v = args.get(self, i);
                self.roots().stack[base + i] = v;
            }
            return Ok(());
        }
        let npos = args.npos(self);
        let name = code.name.clone();
        // CPython names the function by its `__qualname__`, which the
        // program may have changed (namedtuple's `__new__`).
        let fq = self.field(self.temp(callee), FuncField::Qualname as usize);
        let qual = if self.is_str(fq) {
            self.str_text(fq).into_owned()
        } else {
            code.qualname.clone()
        };
        for i in 0..npos.min(argc) {
            let v = args.get(self, i);
            self.roots().stack[base + i] = v;
        }
        let star_reg = argc + kwonly;
        let kw_reg = star_reg + usize::from(varargs);
        if npos > argc {
            if !varargs {
                let given = npos;
                let was = if given == 1 { "was" } else { "were" };
                let defaults = self.field(self.temp(callee), FuncField::Defaults as usize);
                let ndef = if self.kind_of(defaults) == Some(Kind::Tuple) {
                    self.tuple_items(defaults).len().min(argc)
                } else {
                    0
                };
                let plural = if argc == 1 && ndef == 0 { "" } else { "s" };
                let takes = if ndef > 0 {
                    format!("from {} to {argc}", argc - ndef)
                } else {
                    argc.to_string()
                };
                // Keyword-only parameters given by keyword are mentioned.
                let kwonly_names = &code.local_names[argc..argc + kwonly];
                let kw_given = match args.kw {
                    Some(k) => self
                        .tuple_items(self.temp(k))
                        .iter()
                        .filter(|&&n| {
                            kwonly_names
                                .iter()
                                .any(|p| p.as_bytes() == self.str_bytes(n))
                        })
                        .count(),
                    None => 0,
                };
                if kw_given > 0 {
                    let gs = if given == 1 { "" } else { "s" };
                    let ks = if kw_given == 1 { "" } else { "s" };
                    return Err(self.type_error(&format!(
                        "{qual}() takes {takes} positional argument{plural} but {given} \
                         positional argument{gs} (and {kw_given} keyword-only argument{ks}) \
                         were given"
                    )));
                }
                return Err(self.type_error(&format!(
                    "{qual}() takes {takes} positional argument{plural} but {given} {was} given"
                )));
            }
            let extra: Vec<Value> = (argc..npos).map(|i| args.get(self, i)).collect();
            let t = self.new_tuple(&extra)?;
            self.roots().stack[base + star_reg] = t;
        } else if varargs {
            let t = self.new_tuple(&[])?;
            self.roots().stack[base + star_reg] = t;
        }
        if varkw {
            let d = self.new_dict()?;
            self.roots().stack[base + kw_reg] = d;
        }
        if let Some(k) = args.kw {
            let nkw = args.nkw(self);
            for j in 0..nkw {
                let kname = self.tuple_items(self.temp(k))[j];
                let text = self.str_text(kname).into_owned();
                let value = self.temp(args.start + npos + j);
                let pos = code.local_names[code.posonly_count as usize..argc + kwonly]
                    .iter()
                    .position(|n| *n == text)
                    .map(|p| p + code.posonly_count as usize);
                match pos {
                    Some(p) => {
                        if !self.m.roots().stack[base + p].is_empty() {
                            return Err(self.type_error(&format!(
                                "{qual}() got multiple values for argument '{text}'"
                            )));
                        }
                        self.roots().stack[base + p] = value;
                    }
                    None if varkw => {
                        let d = self.m.roots().stack[base + kw_reg];
                        self.dict_set(d, kname, value)?;
                    }
                    None => {
                        // Positional-only names given by keyword are
                        // reported first (all of them), as CPython does.
                        let posonly = &code.local_names[..code.posonly_count as usize];
                        let given: Vec<String> = self
                            .tuple_items(self.temp(k))
                            .iter()
                            .map(|&n| self.str_text(n).into_owned())
                            .filter(|n| posonly.contains(n))
                            .collect();
                        if !given.is_empty() {
                            return Err(self.type_error(&format!(
                                "{qual}() got some positional-only arguments passed as \
                                 keyword arguments: '{}'",
                                given.join(", ")
                            )));
                        }
                        return Err(self.type_error(&format!(
                            "{qual}() got an unexpected keyword argument '{text}'"
                        )));
                    }
                }
            }
        }
        // Defaults.
        let func = self.temp(callee);
        let defaults = self.field(func, FuncField::Defaults as usize);
        let ndef = if self.kind_of(defaults) == Some(Kind::Tuple) {
            self.tuple_items(defaults).len()
        } else {
            0
        };
        let mut missing = Vec::new();
        for i in 0..argc {
            if self.m.roots().stack[base + i].is_empty() {
                if i + ndef >= argc {
                    let v = self.tuple_items(defaults)[i + ndef - argc];
                    self.roots().stack[base + i] = v;
                } else {
                    missing.push(code.local_names[i].clone());
                }
            }
        }
        if !missing.is_empty() {
            return Err(self.missing_args(&qual, "positional", &missing));
        }
        for i in argc..argc + kwonly {
            // Re-read each time: the lookup below allocates its key.
            let kwdefaults = self.field(self.temp(callee), FuncField::KwDefaults as usize);
            if self.m.roots().stack[base + i].is_empty() {
                let found = if self.kind_of(kwdefaults) == Some(Kind::Dict) {
                    self.dict_get_str(kwdefaults, &code.local_names[i])?
                } else {
                    None
                };
                match found {
                    Some(v) => self.roots().stack[base + i] = v,
                    None => missing.push(code.local_names[i].clone()),
                }
            }
        }
        let _ = name;
        if !missing.is_empty() {
            return Err(self.missing_args(&qual, "keyword-only", &missing));
        }
        Ok(())
    }

    fn missing_args(&mut self, qual: &str, what: &str, names: &[String]) -> Raised {
        let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
        let list = match quoted.len() {
            1 => quoted[0].clone(),
            2 => format!("{} and {}", quoted[0], quoted[1]),
            _ => format!(
                "{}, and {}",
                quoted[..quoted.len() - 1].join(", "),
                quoted[quoted.len() - 1]
            ),
        };
        let plural = if names.len() == 1 { "" } else { "s" };
        self.type_error(&format!(
            "{qual}() missing {} required {what} argument{plural}: {list}",
            names.len()
        ))
    }

    /// Creates the top frame's cells (and copies parameters that are cells).
    fn make_cells(&mut self, code: &Arc<CodeObject>, base: usize) -> PyResult<()> {
        let ncell = code.cell_names.len();
        let nfree = code.free_names.len();
        if ncell + nfree == 0 {
            return Ok(());
        }
        let mark = self.temps_len();
        for _ in 0..ncell {
            let class = self.ty(TypeId::Cell);
            let c = self.alloc_record(Kind::Cell, class, &[Value::EMPTY], 0)?;
            self.push_temp(c);
        }
        let func = self
            .m
            .roots()
            .frames
            .last()
            .map(|f| f.func)
            .unwrap_or(Value::EMPTY);
        if nfree > 0 {
            let closure = self.field(func, FuncField::Closure as usize);
            if self.kind_of(closure) == Some(Kind::Tuple) {
                let items = self.tuple_items(closure).to_vec();
                self.roots().temps.extend(items);
            }
        }
        let items = self.m.roots().temps[mark..].to_vec();
        let cells = self.new_tuple(&items);
        self.pop_temps(mark);
        let cells = cells?;
        for &(cell, reg) in &code.cell_args {
            let v = self.m.roots().stack[base + reg.0 as usize];
            let c = self.tuple_items(cells)[cell.0 as usize];
            self.set_field(c, 0, v);
        }
        if let Some(f) = self.roots().frames.last_mut() {
            f.cells = cells;
        }
        Ok(())
    }

    /// Pushes a frame running module or class-body code with a locals dict.
    pub fn push_code_frame(
        &mut self,
        code_obj: Value,
        globals: Value,
        locals: Value,
        func: Value,
    ) -> PyResult<()> {
        let code = self.code_arc(code_obj).clone();
        let base = self.m.roots().stack.len();
        self.roots()
            .stack
            .resize(base + code.nregs as usize, Value::EMPTY);
        let decoded = self.code_box(code_obj).decoded.clone();
        self.roots().frames.push(Frame {
            code: code.clone(),
            decoded,
            code_obj,
            func,
            globals,
            locals,
            cells: Value::EMPTY,
            kwnames: Value::EMPTY,
            base,
            pc: 0,
            last_pc: 0,
            ret: ReturnTo::Native,
            generator: Value::EMPTY,
            frame_obj: Value::EMPTY,
        });
        self.make_cells(&code, base)
    }

    /// The constants tuple of a code object.
    pub fn code_consts(&self, code_obj: Value) -> Value {
        self.field(code_obj, CodeField::Consts as usize)
    }
}
