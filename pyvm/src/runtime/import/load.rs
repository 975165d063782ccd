//! Finding specs (through `sys.meta_path`), creating modules from specs
//! and running module code: CPython's `_find_spec`, `module_from_spec`,
//! `_init_module_attrs` and `_load_unlocked`.
//!
//! `sys.meta_path` starts empty and the front (`spec.rs`) appends its
//! `BuiltinImporter`, `FrozenImporter` and `PathFinder` when it loads;
//! those entries are recognized by identity and searched natively, other
//! entries are called through the finder protocol (`find_spec`). A
//! `meta_path` without any of pyvm's entries still gets the native search
//! at the end, so that importing works before the front is loaded.

use std::sync::Arc;

use pyvm_bytecode::{CodeObject, Mode};
use pyvm_objmodel::Value;

use super::find::{Found, find_in};
use crate::runtime::exception::{PyResult, Raised};
use crate::runtime::heap::{MAX_REENTRY, Vm};
use crate::runtime::layout::Kind;
use crate::runtime::modules::is_native;
use crate::runtime::types::{GlobalSlot, TypeId};

/// What a `sys.meta_path` entry is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Finder {
    Builtin,
    Frozen,
    Path,
    Other,
}

impl Vm {
    /// The entries of `sys.meta_path` (rooted on temps from the returned
    /// index) classified; empty when `sys.meta_path` is missing or empty.
    fn meta_path(&mut self) -> PyResult<(usize, Vec<Finder>)> {
        let mark = self.temps_len();
        let Some(mp) = self.sys_attr("meta_path")? else {
            return Ok((mark, Vec::new()));
        };
        let items = match self.kind_of(mp) {
            Some(Kind::List) => self.list_vec(mp).clone(),
            _ => self.collect_iterable(mp)?,
        };
        self.roots().temps.extend_from_slice(&items);
        let mut kinds = Vec::with_capacity(items.len());
        let markers = [
            ("BuiltinImporter", Finder::Builtin),
            ("FrozenImporter", Finder::Frozen),
            ("PathFinder", Finder::Path),
        ];
        let mut found = [Value::EMPTY; 3];
        for (i, (n, _)) in markers.iter().enumerate() {
            if let Some(v) = self.front_attr_if_loaded(n)? {
                found[i] = v;
            }
        }
        for i in 0..items.len() {
            let v = self.temp(mark + i);
            let k = found
                .iter()
                .position(|&f| f == v)
                .map(|j| markers[j].1)
                .unwrap_or(Finder::Other);
            kinds.push(k);
        }
        Ok((mark, kinds))
    }

    /// Whether `sys.meta_path` holds only pyvm's own finders (so the
    /// native search alone decides).
    pub(crate) fn meta_path_is_native(&mut self) -> PyResult<bool> {
        let (mark, kinds) = self.meta_path()?;
        self.pop_temps(mark);
        Ok(kinds.iter().all(|&k| k != Finder::Other))
    }

    /// CPython's `_find_spec(name, path)`: a spec or None.
    pub(crate) fn find_spec(&mut self, name: &str, path: Value) -> PyResult<Value> {
        let pi = self.push_temp(path);
        let r = self.find_spec_inner(name, pi);
        self.pop_temps(pi);
        r
    }

    fn find_spec_inner(&mut self, name: &str, pi: usize) -> PyResult<Value> {
        let (mark, kinds) = self.meta_path()?;
        if !kinds.iter().any(|&k| k != Finder::Other) {
            // No pyvm finder listed: user finders first, then the native search.
            for (i, _) in kinds.iter().enumerate() {
                let spec = self.call_finder(self.temp(mark + i), name, self.temp(pi))?;
                if !spec.is_none() {
                    return Ok(spec);
                }
            }
            let spec = self.native_find_spec(name, self.temp(pi), true)?;
            if !spec.is_none() {
                return Ok(spec);
            }
            return self.native_find_spec(name, self.temp(pi), false);
        }
        for (i, &k) in kinds.iter().enumerate() {
            let spec = match k {
                Finder::Builtin => self.native_find_spec(name, self.temp(pi), true)?,
                Finder::Frozen => Value::NONE,
                Finder::Path => self.native_find_spec(name, self.temp(pi), false)?,
                Finder::Other => self.call_finder(self.temp(mark + i), name, self.temp(pi))?,
            };
            if !spec.is_none() {
                return Ok(spec);
            }
        }
        Ok(Value::NONE)
    }

    /// `finder.find_spec(name, path, None)` (None if it has no `find_spec`).
    fn call_finder(&mut self, finder: Value, name: &str, path: Value) -> PyResult<Value> {
        let mark = self.push_temp(path);
        let r = (|| {
            let Some(f) = self.attr_str(finder, "find_spec")? else {
                return Ok(Value::NONE);
            };
            let fi = self.push_temp(f);
            let n = self.new_str(name)?;
            let (f, p) = (self.temp(fi), self.temp(mark));
            self.call_value(f, &[n, p, Value::NONE])
        })();
        self.pop_temps(mark);
        r
    }

    /// The native finders: built-in modules (`builtin`, only for top-level
    /// searches) or files on `path` (a list of directories; None for
    /// `sys.path`).
    pub(crate) fn native_find_spec(
        &mut self,
        name: &str,
        path: Value,
        builtin: bool,
    ) -> PyResult<Value> {
        if builtin {
            if path.is_none() && is_native(name) {
                let n = self.new_str(name)?;
                return self.front_call("_new_builtin_spec", &[n]);
            }
            return Ok(Value::NONE);
        }
        let dirs = if path.is_none() {
            self.sys_path()?
        } else {
            self.str_list(path)?
        };
        if dirs.iter().any(|d| super::path_hooks::is_file_entry(d)) {
            return self.find_spec_with_hooks(name, &dirs);
        }
        let last = name.rsplit('.').next().unwrap_or(name);
        match find_in(last, &dirs) {
            None => Ok(Value::NONE),
            Some(found) => self.spec_for_found(name, found),
        }
    }

    /// A spec object for what the native search found.
    pub(super) fn spec_for_found(&mut self, name: &str, found: Found) -> PyResult<Value> {
        let mark = self.temps_len();
        let r = (|| {
            let n = self.new_str(name)?;
            self.push_temp(n);
            match found {
                Found::Module(file) => {
                    let p = self.new_str(&file.to_string_lossy())?;
                    self.push_temp(p);
                    let args = [self.temp(mark), self.temp(mark + 1), Value::NONE];
                    self.front_call("_new_file_spec", &args)
                }
                Found::Package(init, dir) => {
                    let p = self.new_str(&init.to_string_lossy())?;
                    self.push_temp(p);
                    let d = self.new_str(&dir.to_string_lossy())?;
                    let l = self.new_list(&[d])?;
                    self.push_temp(l);
                    let args = [self.temp(mark), self.temp(mark + 1), self.temp(mark + 2)];
                    self.front_call("_new_file_spec", &args)
                }
                Found::Namespace(portions) => {
                    let l = self.new_list(&[])?;
                    self.push_temp(l);
                    for p in portions {
                        let s = self.new_str(&p.to_string_lossy())?;
                        self.list_vec(self.temp(mark + 1)).push(s);
                        // SAFETY: the list is live (rooted on temps).
                        unsafe { self.barrier(self.temp(mark + 1)) };
                    }
                    let args = [self.temp(mark), self.temp(mark + 1)];
                    self.front_call("_new_namespace_spec", &args)
                }
            }
        })();
        self.pop_temps(mark);
        r
    }

    /// The str items of a list or other iterable (others are skipped).
    pub(crate) fn str_list(&mut self, v: Value) -> PyResult<Vec<String>> {
        let items = match self.kind_of(v) {
            Some(Kind::List) => self.list_vec(v).clone(),
            Some(Kind::Tuple) => self.tuple_items(v).to_vec(),
            _ => self.collect_iterable(v)?,
        };
        Ok(items
            .into_iter()
            .filter(|&s| self.is_str(s))
            .map(|s| self.str_text(s).into_owned())
            .collect())
    }

    /// `sys.path` as text.
    pub(crate) fn sys_path(&mut self) -> PyResult<Vec<String>> {
        match self.sys_attr("path")? {
            Some(p) => self.str_list(p),
            None => Ok(Vec::new()),
        }
    }

    /// Attribute `name` of the `sys` module (created if not imported yet).
    pub(crate) fn sys_attr(&mut self, name: &str) -> PyResult<Option<Value>> {
        let sys = match self.sys_modules_get("sys")? {
            Some(s) => s,
            None => match self.import_native("sys")? {
                Some(s) => s,
                None => return Ok(None),
            },
        };
        if self.kind_of(sys) == Some(Kind::Module) {
            let d = self.field(sys, 0);
            return self.dict_get_str(d, name);
        }
        self.attr_str(sys, name)
    }

    /// CPython's `_load_unlocked`: creates the module, enters it in
    /// `sys.modules`, runs it (removing it again if that fails), and
    /// returns what `sys.modules` then holds.
    pub(crate) fn load_spec(&mut self, si: usize, name: &str) -> PyResult<Value> {
        let module = self.module_from_spec(self.temp(si))?;
        let mi = self.push_temp(module);
        let r = (|| {
            self.sys_modules_set(name, self.temp(mi))?;
            self.import.initializing.push(name.to_string());
            let r = self.exec_spec_loader(si, mi);
            self.import.initializing.pop();
            if let Err(e) = r {
                let exc = self.take_raised();
                let ei = self.push_temp(exc);
                let _ = self.sys_modules_remove(name);
                self.take_raised();
                let exc = self.temp(ei);
                self.pop_temps(ei);
                self.raise_value(exc);
                return Err(e);
            }
            match self.sys_modules_lookup(name)? {
                Some(m) => Ok(m),
                None => {
                    let msg = format!("Loaded module {name} not found in sys.modules");
                    Err(self.import_error(TypeId::ImportError, &msg, Some(name), None))
                }
            }
        })();
        self.pop_temps(mi);
        r
    }

    /// `module_from_spec(spec)`.
    pub(crate) fn module_from_spec(&mut self, spec: Value) -> PyResult<Value> {
        let si = self.push_temp(spec);
        let r = (|| {
            let loader = self
                .attr_str(self.temp(si), "loader")?
                .unwrap_or(Value::NONE);
            let li = self.push_temp(loader);
            let mut module = Value::NONE;
            if !loader.is_none() && !self.is_front_instance(loader, "SourceFileLoader")? {
                if let Some(cm) = self.attr_str(self.temp(li), "create_module")? {
                    module = self.call_value(cm, &[self.temp(si)])?;
                } else if self.has_attr_str(self.temp(li), "exec_module")? {
                    return Err(self.raise_msg(
                        TypeId::ImportError,
                        "loaders that define exec_module() must also define create_module()",
                    ));
                }
            }
            if module.is_none() {
                let n = self.attr_str(self.temp(si), "name")?.unwrap_or(Value::NONE);
                if !self.is_str(n) {
                    return Err(self.type_error("module name must be str"));
                }
                let n = self.str_text(n).into_owned();
                module = self.new_module(&n)?;
            }
            let mi = self.push_temp(module);
            self.init_module_attrs(si, mi, false)?;
            Ok(self.temp(mi))
        })();
        self.pop_temps(si);
        r
    }

    /// CPython's `_init_module_attrs`.
    pub(crate) fn init_module_attrs(&mut self, si: usize, mi: usize, reset: bool) -> PyResult<()> {
        if (reset
            || self
                .attr_str(self.temp(mi), "__name__")?
                .is_none_or(|v| v.is_none()))
            && let Some(n) = self.attr_str(self.temp(si), "name")?
        {
            self.set_attr_str(self.temp(mi), "__name__", n)?;
        }
        let set = |vm: &mut Vm, attr: &str, v: Value| -> PyResult<()> {
            let m = vm.temp(mi);
            if vm.set_attr_str(m, attr, v).is_err() {
                // Modules that refuse attributes keep going, as in CPython.
                vm.take_raised();
            }
            Ok(())
        };
        let loader = self
            .attr_str(self.temp(si), "loader")?
            .unwrap_or(Value::NONE);
        set(self, "__loader__", loader)?;
        let parent = self
            .attr_str(self.temp(si), "parent")?
            .unwrap_or(Value::NONE);
        set(self, "__package__", parent)?;
        set(self, "__spec__", self.temp(si))?;
        let locs = self
            .attr_str(self.temp(si), "submodule_search_locations")?
            .unwrap_or(Value::NONE);
        let namespace = !locs.is_none();
        if namespace {
            set(self, "__path__", locs)?;
        }
        let has_loc = self
            .attr_str(self.temp(si), "has_location")?
            .unwrap_or(Value::FALSE);
        if self.truthy(has_loc)? {
            let origin = self
                .attr_str(self.temp(si), "origin")?
                .unwrap_or(Value::NONE);
            set(self, "__file__", origin)?;
            let cached = self
                .attr_str(self.temp(si), "cached")?
                .unwrap_or(Value::NONE);
            if !cached.is_none() {
                set(self, "__cached__", cached)?;
            }
        } else if namespace
            && self
                .attr_str(self.temp(si), "origin")?
                .is_none_or(|o| o.is_none())
        {
            // CPython gives namespace packages `__file__ = None`.
            set(self, "__file__", Value::NONE)?;
        }
        Ok(())
    }

    /// Runs the module through its spec's loader (`exec_module`).
    pub(crate) fn exec_spec_loader(&mut self, si: usize, mi: usize) -> PyResult<()> {
        let loader = self
            .attr_str(self.temp(si), "loader")?
            .unwrap_or(Value::NONE);
        if loader.is_none() {
            let locs = self.attr_str(self.temp(si), "submodule_search_locations")?;
            if locs.is_some_and(|l| !l.is_none()) {
                return Ok(());
            }
            return Err(self.raise_msg(TypeId::ImportError, "missing loader"));
        }
        let li = self.push_temp(loader);
        let r = (|| {
            if self.is_front_instance(self.temp(li), "SourceFileLoader")? {
                let p = self.attr_str(self.temp(li), "path")?.unwrap_or(Value::NONE);
                if self.is_str(p) {
                    let p = self.str_text(p).into_owned();
                    return self.exec_file(self.temp(mi), &p);
                }
            }
            if let Some(em) = self.attr_str(self.temp(li), "exec_module")? {
                self.call_value(em, &[self.temp(mi)])?;
                return Ok(());
            }
            if let Some(lm) = self.attr_str(self.temp(li), "load_module")? {
                let n = self.attr_str(self.temp(si), "name")?.unwrap_or(Value::NONE);
                self.call_value(lm, &[n])?;
                return Ok(());
            }
            Err(self.raise_msg(TypeId::ImportError, "loader has no exec_module()"))
        })();
        self.pop_temps(li);
        r
    }

    /// Whether `v`'s class is the front's class `class`.
    fn is_front_instance(&mut self, v: Value, class: &str) -> PyResult<bool> {
        let vi = self.push_temp(v);
        let c = self.front_attr_if_loaded(class);
        let v = self.temp(vi);
        self.pop_temps(vi);
        Ok(matches!(c?, Some(c) if self.class_of(v) == c))
    }

    /// Compiles the source file at `path` and runs it in `module`'s namespace.
    pub(crate) fn exec_file(&mut self, module: Value, path: &str) -> PyResult<()> {
        let mi = self.push_temp(module);
        let r = (|| {
            let code = self.compile_file(path)?;
            let m = self.temp(mi);
            let d = if self.kind_of(m) == Some(Kind::Module) {
                self.field(m, 0)
            } else {
                match self.attr_str(m, "__dict__")? {
                    Some(d) if self.kind_of(d) == Some(Kind::Dict) => d,
                    _ => return Err(self.type_error("module has no __dict__")),
                }
            };
            let di = self.push_temp(d);
            self.exec_code_in(code, d)?;
            self.stdlib_fixup(path, self.temp(di))
        })();
        self.pop_temps(mi);
        r
    }

    /// Runs module-level `code` with `dict` as globals and locals.
    pub(crate) fn exec_code_in(&mut self, code: Arc<CodeObject>, dict: Value) -> PyResult<()> {
        if self.reentry_depth >= MAX_REENTRY {
            return Err(self.raise_msg(TypeId::RecursionError, "maximum recursion depth exceeded"));
        }
        let di = self.push_temp(dict);
        let r = (|| {
            if self.dict_get_str(self.temp(di), "__builtins__")?.is_none() {
                let b = self.global(GlobalSlot::Builtins);
                self.dict_set_str(self.temp(di), "__builtins__", b)?;
            }
            let c = self.new_code(code)?;
            let depth = self.m.roots().frames.len();
            let d = self.temp(di);
            self.push_code_frame(c, d, d, Value::EMPTY)?;
            self.reentry_depth += 1;
            let r = self.run_frames(depth);
            self.reentry_depth -= 1;
            r.map(|_| ())
        })();
        self.pop_temps(di);
        r
    }

    /// The code of a source file (from the bytecode cache when valid).
    pub(crate) fn compile_file(&mut self, path: &str) -> PyResult<Arc<CodeObject>> {
        let p = std::path::Path::new(path);
        let key = std::fs::metadata(p)
            .ok()
            .map(|md| super::cache::key_for(&md));
        if let Some(k) = &key
            && let Some(code) = super::cache::load(p, k, path)
        {
            return Ok(code);
        }
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => return Err(self.os_error(&e, path)),
        };
        let code = match pyvm_bytecode::compile_bytes(&bytes, path, Mode::Exec) {
            Ok(c) => c,
            Err(e) => return Err(self.raise_syntax_error(&e)),
        };
        self.issue_compile_warnings(path)?;
        if let Some(k) = &key
            && !self.dont_write_bytecode()?
        {
            super::cache::store(p, k, &code);
        }
        Ok(code)
    }

    /// `-B`, `PYTHONDONTWRITEBYTECODE` or `sys.dont_write_bytecode`.
    fn dont_write_bytecode(&mut self) -> PyResult<bool> {
        if self.import.dont_write_bytecode {
            return Ok(true);
        }
        match self.sys_attr("dont_write_bytecode")? {
            Some(v) => self.truthy(v),
            None => Ok(false),
        }
    }

    /// Raises the `SyntaxError` (or subclass) a compile error describes.
    pub(crate) fn raise_syntax_error(&mut self, e: &pyvm_bytecode::SyntaxError) -> Raised {
        let class_name = e.to_string();
        let class_name = class_name
            .split(':')
            .next()
            .unwrap_or("SyntaxError")
            .to_string();
        let b = self.global(GlobalSlot::Builtins);
        let class = match self.dict_get_str(b, &class_name) {
            Ok(Some(c)) => Some(c),
            _ => {
                self.take_raised();
                let b = self.global(GlobalSlot::Builtins);
                self.dict_get_str(b, "SyntaxError").ok().flatten()
            }
        };
        let Some(class) = class else {
            let msg = format!("{class_name}: {} ({}, line {})", e.msg, e.filename, e.line);
            return self.raise_msg(TypeId::SystemError, &msg);
        };
        let ci = self.push_temp(class);
        let made = (|| {
            let msg = self.new_str(&e.msg)?;
            self.push_temp(msg);
            let f = self.new_str(&e.filename)?;
            self.push_temp(f);
            let text = match &e.text {
                Some(t) => self.new_str(t)?,
                None => Value::NONE,
            };
            self.push_temp(text);
            let details = [
                self.temp(ci + 2),
                Value::from_int(e.line as i64).unwrap_or(Value::NONE),
                Value::from_int(e.col as i64).unwrap_or(Value::NONE),
                self.temp(ci + 3),
                Value::from_int(e.end_line as i64).unwrap_or(Value::NONE),
                // (`NO_END` is CPython's -1.)
                Value::from_int(e.end_col as i32 as i64).unwrap_or(Value::NONE),
            ];
            let t = self.new_tuple(&details)?;
            self.call_value(self.temp(ci), &[self.temp(ci + 1), t])
        })();
        self.pop_temps(ci);
        match made {
            Ok(exc) => self.raise_value(exc),
            Err(r) => r,
        }
    }

    /// Raises the OSError subclass for an I/O error on `path` (ImportError
    /// when pyvm has no OSError yet).
    pub(crate) fn os_error(&mut self, e: &std::io::Error, path: &str) -> Raised {
        let (cls, text) = match e.kind() {
            std::io::ErrorKind::NotFound => ("FileNotFoundError", "No such file or directory"),
            std::io::ErrorKind::PermissionDenied => ("PermissionError", "Permission denied"),
            _ => ("OSError", "I/O error"),
        };
        let errno = e.raw_os_error().unwrap_or(0);
        let b = self.global(GlobalSlot::Builtins);
        if let Ok(Some(c)) = self.dict_get_str(b, cls) {
            let ci = self.push_temp(c);
            let made = (|| {
                let t = self.new_str(text)?;
                self.push_temp(t);
                let p = self.new_str(path)?;
                let errno = Value::from_int(errno as i64).unwrap_or(Value::NONE);
                self.call_value(self.temp(ci), &[errno, self.temp(ci + 1), p])
            })();
            self.pop_temps(ci);
            return match made {
                Ok(exc) => self.raise_value(exc),
                Err(r) => r,
            };
        }
        self.take_raised();
        let msg = format!("[Errno {errno}] {text}: '{path}'");
        self.raise_msg(TypeId::ImportError, &msg)
    }
}
