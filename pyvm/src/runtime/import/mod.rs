//! The import system: `import`, `from ... import`, `__import__`,
//! `sys.modules`, `sys.path`, packages and relative imports, natively (no
//! `importlib._bootstrap`).
//!
//! - [`find`]: searching directories for modules, packages and namespace
//!   portions (plain Rust);
//! - `load`: creating module objects from specs and running their code;
//! - `spec`: the Python-visible front (`_frozen_importlib`: `ModuleSpec`,
//!   loaders, finders), pyvm's own Python source embedded in the binary;
//! - `natives`: `__import__`, `module(...)` and the `_imp` module;
//! - `sys_hook`: the import attributes of `sys`;
//! - [`stdlib_path`]: where CPython's standard library is;
//! - `cache`: the bytecode cache.
//!
//! The algorithm is CPython's `_bootstrap._gcd_import` /
//! `_find_and_load` / `_handle_fromlist`, with its messages.

pub mod archive_main;
pub mod cache;
pub mod find;
mod load;
mod locks;
pub mod main_module;
mod natives;
mod path_hooks;
mod spec;
pub mod stdlib_path;
pub(crate) mod sys_hook;

pub(crate) use natives::{IMP_MODULE, NATIVES};

use pyvm_objmodel::Value;

use super::exception::PyResult;
use super::heap::Vm;
use super::layout::Kind;
use super::types::{GlobalSlot, TypeId};

/// Import state kept on the Rust side of the VM.
#[derive(Default, Debug)]
pub struct ImportState {
    /// `sys.path[0]`: the script's directory, `""` for `-c`, the current
    /// directory for `-m`; `None` when embedding (no entry).
    pub path0: Option<String>,
    /// `-B` / `PYTHONDONTWRITEBYTECODE`: do not write the bytecode cache.
    pub dont_write_bytecode: bool,
    /// Modules whose code is running (for CPython's "partially initialized
    /// module" message).
    pub initializing: Vec<String>,
    /// `sys.argv` as the command line gave it.
    pub argv: Vec<String>,
    /// `-E`/`-I`: ignore `PYTHON*` environment variables.
    pub ignore_environment: bool,
}

impl Vm {
    /// `import name` (absolute): the module named `name` (dotted names
    /// import their parents first), from `sys.modules` when present.
    pub fn import_module(&mut self, name: &str) -> PyResult<Value> {
        self.gcd_import(name)
    }

    /// The `ImportName` instruction: `__import__(name, globals, None,
    /// fromlist, level)` with the running frame's globals.
    pub fn import_name(&mut self, name: &str, fromlist: Value, level: usize) -> PyResult<Value> {
        let globals = self
            .m
            .roots()
            .frames
            .last()
            .map(|f| f.globals)
            .unwrap_or(Value::NONE);
        self.dunder_import(name, globals, fromlist, level)
    }

    /// `__import__(name, globals, locals, fromlist, level)`.
    pub fn dunder_import(
        &mut self,
        name: &str,
        globals: Value,
        fromlist: Value,
        level: usize,
    ) -> PyResult<Value> {
        let mark = self.temps_len();
        self.push_temp(fromlist);
        let r = self.dunder_import_inner(name, globals, mark, level);
        self.pop_temps(mark);
        r
    }

    fn dunder_import_inner(
        &mut self,
        name: &str,
        globals: Value,
        fl: usize,
        level: usize,
    ) -> PyResult<Value> {
        let absname = if level > 0 {
            let package = self.calc_package(globals)?;
            resolve_relative(self, name, package.as_deref(), level)?
        } else {
            if name.is_empty() {
                return Err(self.raise_msg(TypeId::ValueError, "Empty module name"));
            }
            name.to_string()
        };
        let module = self.gcd_import(&absname)?;
        let mi = self.push_temp(module);
        let fromlist = self.temp(fl);
        let has_fromlist = match self.kind_of(fromlist) {
            Some(Kind::Tuple) => !self.tuple_items(fromlist).is_empty(),
            Some(Kind::List) => !self.list_vec(fromlist).is_empty(),
            _ => !fromlist.is_none() && self.truthy(fromlist)?,
        };
        if !has_fromlist {
            if level == 0 {
                let top = name.split('.').next().unwrap_or(name);
                return self
                    .sys_modules_get(top)
                    .map(|m| m.unwrap_or(self.temp(mi)));
            }
            if name.is_empty() {
                return Ok(self.temp(mi));
            }
            // `from .. import` never gets here; `__import__('a.b', level=1)`
            // returns the package that `a` resolved to.
            let first = name.split('.').next().unwrap_or(name);
            let cut = name.len() - first.len();
            let full = self.module_name_of(self.temp(mi))?;
            let want = &full[..full.len().saturating_sub(cut)];
            return self
                .sys_modules_get(want)
                .map(|m| m.unwrap_or(self.temp(mi)));
        }
        if self.has_attr_str(self.temp(mi), "__path__")? {
            self.handle_fromlist(mi, fl, false)?;
        }
        Ok(self.temp(mi))
    }

    /// `__package__` of the importing module (CPython's `_calc___package__`).
    fn calc_package(&mut self, globals: Value) -> PyResult<Option<String>> {
        if self.kind_of(globals) != Some(Kind::Dict) {
            return Ok(None);
        }
        let gi = self.push_temp(globals);
        let r = (|| {
            if let Some(p) = self.dict_get_str(self.temp(gi), "__package__")?
                && !p.is_none()
            {
                if !self.is_str(p) {
                    return Err(self.type_error("package must be a string"));
                }
                return Ok(Some(self.str_text(p).into_owned()));
            }
            if let Some(s) = self.dict_get_str(self.temp(gi), "__spec__")?
                && !s.is_none()
                && let Some(p) = self.attr_str(s, "parent")?
                && self.is_str(p)
            {
                return Ok(Some(self.str_text(p).into_owned()));
            }
            let Some(n) = self.dict_get_str(self.temp(gi), "__name__")? else {
                return Err(self.raise_msg(TypeId::KeyError, "'__name__' not in globals"));
            };
            if !self.is_str(n) {
                return Err(self.type_error("__name__ must be a string"));
            }
            let n = self.str_text(n).into_owned();
            if self.dict_get_str(self.temp(gi), "__path__")?.is_some() {
                Ok(Some(n))
            } else {
                Ok(Some(
                    n.rsplit_once('.').map(|p| p.0).unwrap_or("").to_string(),
                ))
            }
        })();
        self.pop_temps(gi);
        r
    }

    /// CPython's `_handle_fromlist`: imports `module.x` for each `x` of the
    /// fromlist that is not an attribute yet (`*` means `__all__`).
    fn handle_fromlist(&mut self, mi: usize, fl: usize, recursive: bool) -> PyResult<()> {
        let items = match self.kind_of(self.temp(fl)) {
            Some(Kind::Tuple) => self.tuple_items(self.temp(fl)).to_vec(),
            Some(Kind::List) => self.list_vec(self.temp(fl)).clone(),
            _ => self.collect_iterable(self.temp(fl))?,
        };
        let mark = self.temps_len();
        self.roots().temps.extend_from_slice(&items);
        let r = (|| {
            for i in 0..items.len() {
                let x = self.temp(mark + i);
                if !self.is_str(x) {
                    let mname = self.module_name_of(self.temp(mi))?;
                    let (what, tn) = if recursive {
                        (format!("{mname}.__all__"), self.type_name(x))
                    } else {
                        (format!("{mname}.__dict__"), self.type_name(x))
                    };
                    let _ = what;
                    let msg = if recursive {
                        format!("Item in {mname}.__all__ must be str, not {tn}")
                    } else {
                        format!("Item in ``from list'' must be str, not {tn}")
                    };
                    return Err(self.type_error(&msg));
                }
                let xs = self.str_text(x).into_owned();
                if xs == "*" {
                    if !recursive && let Some(all) = self.attr_str(self.temp(mi), "__all__")? {
                        let ai = self.push_temp(all);
                        let r = self.handle_fromlist(mi, ai, true);
                        self.pop_temps(ai);
                        r?;
                    }
                    continue;
                }
                if self.has_attr_str(self.temp(mi), &xs)? {
                    continue;
                }
                let mname = self.module_name_of(self.temp(mi))?;
                let sub = format!("{mname}.{xs}");
                if self.gcd_import(&sub).is_err() {
                    // A missing submodule is not an error here (the name
                    // may be looked up later and fail there).
                    let exc = self.raised();
                    if self.exc_matches(exc, TypeId::ModuleNotFoundError)
                        && self.exc_name_is(exc, &sub)?
                        && self.sys_modules_get(&sub)?.is_none()
                    {
                        self.take_raised();
                        continue;
                    }
                    return Err(super::exception::Raised);
                }
            }
            Ok(())
        })();
        self.pop_temps(mark);
        r
    }

    /// Whether exception `exc` has attribute `name` equal to `want`.
    fn exc_name_is(&mut self, exc: Value, want: &str) -> PyResult<bool> {
        let ei = self.push_temp(exc);
        let r = self.attr_str(self.temp(ei), "name");
        self.pop_temps(ei);
        Ok(matches!(r?, Some(n) if self.is_str(n) && self.str_text(n) == want))
    }

    /// CPython's `_gcd_import` for an absolute name.
    pub fn gcd_import(&mut self, name: &str) -> PyResult<Value> {
        if let Some(m) = self.sys_modules_lookup(name)?
            && !locks::loading_elsewhere(name)
        {
            if m.is_none() {
                let msg = format!("import of {name} halted; None in sys.modules");
                return Err(self.import_error(TypeId::ModuleNotFoundError, &msg, Some(name), None));
            }
            return Ok(m);
        }
        self.find_and_load(name)
    }

    fn find_and_load(&mut self, name: &str) -> PyResult<Value> {
        let locked = self.lock_module(name)?;
        let mark = self.temps_len();
        // Another thread may have loaded it while this one waited.
        let r = match self.sys_modules_lookup(name) {
            Ok(Some(m)) if !m.is_none() => Ok(m),
            Ok(Some(_)) => {
                let msg = format!("import of {name} halted; None in sys.modules");
                Err(self.import_error(TypeId::ModuleNotFoundError, &msg, Some(name), None))
            }
            Ok(None) => self.find_and_load_inner(name, mark),
            Err(e) => Err(e),
        };
        self.pop_temps(mark);
        if locked {
            self.unlock_module(name);
        }
        r
    }

    fn find_and_load_inner(&mut self, name: &str, mark: usize) -> PyResult<Value> {
        let (parent, child) = match name.rsplit_once('.') {
            Some((p, c)) => (p, c),
            None => ("", name),
        };
        // temps[mark]: the search path (list) or None.
        self.push_temp(Value::NONE);
        if !parent.is_empty() {
            if self.sys_modules_lookup(parent)?.is_none() {
                self.gcd_import(parent)?;
            }
            // Importing the parent may have imported this module.
            if let Some(m) = self.sys_modules_lookup(name)? {
                return Ok(m);
            }
            let pm = self.sys_modules_get(parent)?.unwrap_or(Value::NONE);
            match self.attr_str(pm, "__path__")? {
                Some(p) => self.roots().temps[mark] = p,
                None => {
                    let msg = format!("No module named '{name}'; '{parent}' is not a package");
                    return Err(self.import_error(
                        TypeId::ModuleNotFoundError,
                        &msg,
                        Some(name),
                        None,
                    ));
                }
            }
        }
        if parent.is_empty()
            && crate::runtime::modules::is_native(name)
            && self.meta_path_is_native()?
            && let Some(m) = self.import_native(name)?
        {
            return Ok(m);
        }
        let spec = self.find_spec(name, self.temp(mark))?;
        if spec.is_none() {
            let msg = format!("No module named '{name}'");
            return Err(self.import_error(TypeId::ModuleNotFoundError, &msg, Some(name), None));
        }
        let si = self.push_temp(spec);
        let module = self.load_spec(si, name)?;
        let mi = self.push_temp(module);
        if !parent.is_empty()
            && let Some(pm) = self.sys_modules_get(parent)?
        {
            let pi = self.push_temp(pm);
            let key = self.new_str(child)?;
            let (pm, m) = (self.temp(pi), self.temp(mi));
            if self.set_attr(pm, key, m).is_err() {
                // CPython warns ("Cannot set an attribute on ...") and goes on.
                self.take_raised();
            }
        }
        Ok(self.temp(mi))
    }

    /// The `ImportFrom` instruction: `module.name`, or the submodule
    /// `sys.modules[module.__name__ + '.' + name]`, or CPython's ImportError.
    pub fn import_from(&mut self, module: Value, name: Value) -> PyResult<Value> {
        let mi = self.push_temp(module);
        let ni = self.push_temp(name);
        let r = self.import_from_inner(mi, ni);
        self.pop_temps(mi);
        r
    }

    fn import_from_inner(&mut self, mi: usize, ni: usize) -> PyResult<Value> {
        match self.get_attr(self.temp(mi), self.temp(ni)) {
            Ok(v) => return Ok(v),
            Err(e) => {
                if !self.exc_matches(self.raised(), TypeId::AttributeError) {
                    return Err(e);
                }
                self.take_raised();
            }
        }
        let n = self.str_text(self.temp(ni)).into_owned();
        let pkgname = match self.attr_str(self.temp(mi), "__name__")? {
            Some(p) if self.is_str(p) => Some(self.str_text(p).into_owned()),
            _ => None,
        };
        if let Some(p) = &pkgname
            && let Some(m) = self.sys_modules_get(&format!("{p}.{n}"))?
        {
            return Ok(m);
        }
        let mname = pkgname
            .clone()
            .unwrap_or_else(|| "<unknown module name>".to_string());
        let path = match self.attr_str(self.temp(mi), "__file__")? {
            Some(p) if self.is_str(p) => Some(self.str_text(p).into_owned()),
            _ => None,
        };
        let initializing = pkgname
            .as_ref()
            .is_some_and(|p| self.import.initializing.iter().any(|x| x == p));
        let msg = match (&path, initializing) {
            (Some(p), true) => format!(
                "cannot import name '{n}' from partially initialized module '{mname}' \
                 (most likely due to a circular import) ({p})"
            ),
            (None, true) => format!(
                "cannot import name '{n}' from partially initialized module '{mname}' \
                 (most likely due to a circular import) (unknown location)"
            ),
            (Some(p), false) => format!("cannot import name '{n}' from '{mname}' ({p})"),
            (None, false) => format!("cannot import name '{n}' from '{mname}' (unknown location)"),
        };
        Err(self.import_error(
            TypeId::ImportError,
            &msg,
            pkgname.as_deref(),
            path.as_deref(),
        ))
    }

    /// The `ImportStar` instruction: binds the public names of `module`
    /// (its `__all__`, else the names not starting with `_`) in the
    /// running frame's locals mapping.
    pub fn import_star(&mut self, module: Value) -> PyResult<()> {
        let mark = self.temps_len();
        self.push_temp(module);
        let r = self.import_star_inner(mark);
        self.pop_temps(mark);
        r
    }

    fn import_star_inner(&mut self, mi: usize) -> PyResult<()> {
        let (all, from_all) = match self.attr_str(self.temp(mi), "__all__")? {
            Some(a) => (self.collect_iterable(a)?, true),
            None => {
                let m = self.temp(mi);
                let d = match self.kind_of(m) {
                    Some(Kind::Module | Kind::Instance) => self.field(m, 0),
                    _ => match self.attr_str(m, "__dict__")? {
                        Some(d) if self.kind_of(d) == Some(Kind::Dict) => d,
                        _ => {
                            return Err(self.raise_msg(
                                TypeId::ImportError,
                                "from-import-* object has no __dict__ and no __all__",
                            ));
                        }
                    },
                };
                let keys: Vec<Value> = self.dict_mut(d).items(&self.keys()).map(|p| p.0).collect();
                (keys, false)
            }
        };
        let base = self.temps_len();
        self.roots().temps.extend_from_slice(&all);
        for i in 0..all.len() {
            let k = self.temp(base + i);
            if !self.is_str(k) {
                let mname = self.module_name_of(self.temp(mi))?;
                let tn = self.type_name(k);
                let msg = if from_all {
                    format!("Item in {mname}.__all__ must be str, not {tn}")
                } else {
                    format!("Key in {mname}.__dict__ must be str, not {tn}")
                };
                return Err(self.type_error(&msg));
            }
            if !from_all && self.str_bytes(k).first() == Some(&b'_') {
                continue;
            }
            let v = self.get_attr(self.temp(mi), self.temp(base + i))?;
            let f = self.m.roots().frames.last().expect("frame");
            let ns = if f.locals.is_empty() {
                f.globals
            } else {
                f.locals
            };
            let k = self.temp(base + i);
            if self.kind_of(ns) == Some(Kind::Dict) {
                self.dict_set(ns, k, v)?;
            } else {
                self.set_item(ns, k, v)?;
            }
        }
        Ok(())
    }

    /// CPython's module repr: `<module 'm' from '/path/m.py'>`,
    /// `<module 'math' (built-in)>`, `<module 'm'>`.
    pub fn module_repr(&mut self, m: Value) -> PyResult<String> {
        let mi = self.push_temp(m);
        let r = self.module_repr_inner(mi);
        self.pop_temps(mi);
        r
    }

    fn module_repr_inner(&mut self, mi: usize) -> PyResult<String> {
        let d = self.field(self.temp(mi), 0);
        let name = self.field(self.temp(mi), 1);
        let name = if self.is_str(name) {
            self.repr_string(name)?
        } else {
            "'?'".to_string()
        };
        let get = |vm: &mut Vm, k: &str| -> PyResult<Value> {
            let d = vm.field(vm.temp(mi), 0);
            Ok(vm.dict_get_str(d, k)?.unwrap_or(Value::NONE))
        };
        let _ = d;
        let spec = get(self, "__spec__")?;
        if !spec.is_none() {
            let si = self.push_temp(spec);
            let origin = self.attr_str(spec, "origin")?.unwrap_or(Value::NONE);
            let oi = self.push_temp(origin);
            let r = if origin.is_none() {
                let loader = self
                    .attr_str(self.temp(si), "loader")?
                    .unwrap_or(Value::NONE);
                if loader.is_none() {
                    format!("<module {name}>")
                } else {
                    format!("<module {name} ({})>", self.repr_string(loader)?)
                }
            } else {
                let has = self
                    .attr_str(self.temp(si), "has_location")?
                    .unwrap_or(Value::FALSE);
                if self.truthy(has)? {
                    format!("<module {name} from {}>", self.repr_string(self.temp(oi))?)
                } else {
                    format!("<module {name} ({})>", self.str_string(self.temp(oi))?)
                }
            };
            self.pop_temps(si);
            return Ok(r);
        }
        let file = get(self, "__file__")?;
        if self.is_str(file) {
            return Ok(format!("<module {name} from {}>", self.repr_string(file)?));
        }
        let n = self.field(self.temp(mi), 1);
        if self.is_str(n) && crate::runtime::modules::is_native(&self.str_text(n)) {
            return Ok(format!("<module {name} (built-in)>"));
        }
        let loader = get(self, "__loader__")?;
        if !loader.is_none() {
            return Ok(format!("<module {name} ({})>", self.repr_string(loader)?));
        }
        Ok(format!("<module {name}>"))
    }

    // ---- helpers -----------------------------------------------------

    /// `sys.modules.get(name)` (None when absent; a stored None is `Some(NONE)`).
    pub(crate) fn sys_modules_lookup(&mut self, name: &str) -> PyResult<Option<Value>> {
        let modules = self.global(GlobalSlot::Modules);
        self.dict_get_str(modules, name)
    }

    /// `sys.modules.get(name)` with a stored `None` treated as absent.
    pub(crate) fn sys_modules_get(&mut self, name: &str) -> PyResult<Option<Value>> {
        Ok(self.sys_modules_lookup(name)?.filter(|m| !m.is_none()))
    }

    /// `sys.modules[name] = m`.
    pub(crate) fn sys_modules_set(&mut self, name: &str, m: Value) -> PyResult<()> {
        let modules = self.global(GlobalSlot::Modules);
        self.dict_set_str(modules, name, m)
    }

    /// `sys.modules.pop(name, None)`.
    pub(crate) fn sys_modules_remove(&mut self, name: &str) -> PyResult<()> {
        let key = self.new_str(name)?;
        let modules = self.global(GlobalSlot::Modules);
        self.dict_del(modules, key).map(|_| ())
    }

    /// `getattr(obj, name, <absent>)`: `None` when AttributeError.
    pub(crate) fn attr_str(&mut self, obj: Value, name: &str) -> PyResult<Option<Value>> {
        let oi = self.push_temp(obj);
        let key = self.new_str(name);
        let obj = self.temp(oi);
        self.pop_temps(oi);
        match self.get_attr(obj, key?) {
            Ok(v) => Ok(Some(v)),
            Err(e) => {
                if self.exc_matches(self.raised(), TypeId::AttributeError) {
                    self.take_raised();
                    Ok(None)
                } else {
                    Err(e)
                }
            }
        }
    }

    /// `hasattr(obj, name)`.
    pub(crate) fn has_attr_str(&mut self, obj: Value, name: &str) -> PyResult<bool> {
        Ok(self.attr_str(obj, name)?.is_some())
    }

    /// `setattr(obj, name, value)`.
    pub(crate) fn set_attr_str(&mut self, obj: Value, name: &str, value: Value) -> PyResult<()> {
        let mark = self.push_temp(obj);
        self.push_temp(value);
        let key = self.new_str(name);
        let (obj, value) = (self.temp(mark), self.temp(mark + 1));
        self.pop_temps(mark);
        self.set_attr(obj, key?, value)
    }

    /// A module's `__name__` (as text), for messages.
    fn module_name_of(&mut self, m: Value) -> PyResult<String> {
        if self.kind_of(m) == Some(Kind::Module) {
            let n = self.field(m, 1);
            if self.is_str(n) {
                return Ok(self.str_text(n).into_owned());
            }
        }
        match self.attr_str(m, "__name__")? {
            Some(n) if self.is_str(n) => Ok(self.str_text(n).into_owned()),
            _ => Ok("<unknown module name>".to_string()),
        }
    }

    /// Raises ImportError (or a subclass) with `msg` and the `name`, `path`
    /// and `msg` attributes CPython sets.
    pub(crate) fn import_error(
        &mut self,
        t: TypeId,
        msg: &str,
        name: Option<&str>,
        path: Option<&str>,
    ) -> super::exception::Raised {
        let r = self.raise_msg(t, msg);
        let exc = self.take_raised();
        let ei = self.push_temp(exc);
        let _ = (|| -> PyResult<()> {
            let m = self.new_str(msg)?;
            self.set_attr_str(self.temp(ei), "msg", m)?;
            let n = match name {
                Some(n) => self.new_str(n)?,
                None => Value::NONE,
            };
            self.set_attr_str(self.temp(ei), "name", n)?;
            let p = match path {
                Some(p) => self.new_str(p)?,
                None => Value::NONE,
            };
            self.set_attr_str(self.temp(ei), "path", p)
        })();
        let exc = self.temp(ei);
        self.pop_temps(ei);
        if self.raised().is_empty() {
            self.raise_value(exc)
        } else {
            r
        }
    }
}

/// CPython's `_resolve_name` after `_sanity_check`.
fn resolve_relative(
    vm: &mut Vm,
    name: &str,
    package: Option<&str>,
    level: usize,
) -> PyResult<String> {
    let Some(package) = package.filter(|p| !p.is_empty()) else {
        return Err(vm.import_error(
            TypeId::ImportError,
            "attempted relative import with no known parent package",
            None,
            None,
        ));
    };
    let bits: Vec<&str> = package.rsplitn(level, '.').collect();
    if bits.len() < level {
        return Err(vm.import_error(
            TypeId::ImportError,
            "attempted relative import beyond top-level package",
            None,
            None,
        ));
    }
    let base = bits[bits.len() - 1];
    Ok(if name.is_empty() {
        base.to_string()
    } else {
        format!("{base}.{name}")
    })
}

/// The pure part of `_resolve_name` (for `importlib` and tests).
pub fn resolve_name(name: &str, package: &str, level: usize) -> Option<String> {
    let bits: Vec<&str> = package.rsplitn(level.max(1), '.').collect();
    if bits.len() < level {
        return None;
    }
    let base = bits[bits.len() - 1];
    Some(if name.is_empty() {
        base.to_string()
    } else {
        format!("{base}.{name}")
    })
}

#[cfg(test)]
mod tests {
    use super::resolve_name;

    #[test]
    fn relative_names_resolve_like_cpython() {
        assert_eq!(resolve_name("x", "a.b", 1).as_deref(), Some("a.b.x"));
        assert_eq!(resolve_name("x", "a.b", 2).as_deref(), Some("a.x"));
        assert_eq!(resolve_name("", "a.b", 2).as_deref(), Some("a"));
        assert_eq!(resolve_name("x", "a.b", 3), None);
    }
}
