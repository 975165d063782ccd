//! The `__main__` module: what `sys.path[0]` and `sys.argv` are for a
//! script, `-c` and `-m`, and running a module or package (`-m`) as
//! `__main__` without `runpy`.

use pyvm_objmodel::Value;

use crate::runtime::exception::PyResult;
use crate::runtime::heap::Vm;
use crate::runtime::layout::Kind;
use crate::runtime::types::GlobalSlot;

/// How the program was named on the command line.
pub enum MainKind<'a> {
    /// A script file (as given).
    File(&'a str),
    /// `-c CODE`.
    Command,
    /// `-m NAME`.
    Module(&'a str),
}

/// Sets `sys.path[0]`, `sys.argv` and the `-B`/`-E`/`-I` flags from the
/// process arguments (the options before the program, the arguments after).
pub fn prepare(vm: &mut Vm, kind: MainKind) {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut i = 0;
    let mut rest = Vec::new();
    while i < args.len() {
        let a = args[i].as_str();
        match a {
            "-B" => vm.import.dont_write_bytecode = true,
            "-E" | "-I" => vm.import.ignore_environment = true,
            "-X" | "-W" => i += 1,
            "-c" | "-m" => {
                rest = args[(i + 2).min(args.len())..].to_vec();
                break;
            }
            s if s.starts_with('-') && s.len() > 1 => {}
            _ => {
                rest = args[i + 1..].to_vec();
                break;
            }
        }
        i += 1;
    }
    if !vm.import.ignore_environment
        && std::env::var_os("PYTHONDONTWRITEBYTECODE").is_some_and(|v| !v.is_empty())
    {
        vm.import.dont_write_bytecode = true;
    }
    let cwd = std::env::current_dir()
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_default();
    let (path0, argv0) = match kind {
        MainKind::File(f) => {
            let abs = std::path::absolute(f).unwrap_or_else(|_| f.into());
            let dir = abs
                .parent()
                .map(|d| d.to_string_lossy().into_owned())
                .unwrap_or_default();
            (dir, f.to_string())
        }
        MainKind::Command => (String::new(), "-c".to_string()),
        // CPython shows `-m` until the module is found.
        MainKind::Module(_) => (cwd, "-m".to_string()),
    };
    vm.import.path0 = Some(path0);
    vm.import.argv = std::iter::once(argv0).chain(rest).collect();
}

impl Vm {
    /// Makes the `__main__` module (entered in `sys.modules`) and returns
    /// its namespace, with `__file__` when running a file.
    pub fn new_main_module(&mut self, file: Option<&str>) -> PyResult<Value> {
        let m = self.new_module("__main__")?;
        let mi = self.push_temp(m);
        let r = (|| {
            let d = self.field(self.temp(mi), 0);
            let b = self.global(GlobalSlot::Builtins);
            self.dict_set_str(d, "__builtins__", b)?;
            for k in ["__package__", "__loader__", "__spec__"] {
                let d = self.field(self.temp(mi), 0);
                self.dict_set_str(d, k, Value::NONE)?;
            }
            if let Some(f) = file {
                let s = self.new_str(f)?;
                let d = self.field(self.temp(mi), 0);
                self.dict_set_str(d, "__file__", s)?;
            }
            self.sys_modules_set("__main__", self.temp(mi))?;
            Ok(self.field(self.temp(mi), 0))
        })();
        self.pop_temps(mi);
        r
    }

    /// `-m name`: runs module `name` (or package `name`'s `__main__`) as
    /// `__main__`. `Ok(Err(message))` when it cannot be found (printed by
    /// the caller as CPython does, exit status 1).
    pub fn run_module_as_main(&mut self, name: &str) -> PyResult<Result<(), String>> {
        let mut name = name.to_string();
        let mark = self.temps_len();
        let r = (|| {
            let spec = 'found: {
                if name.is_empty() || name.starts_with('.') {
                    return Ok(Err("Relative module names not supported".to_string()));
                }
                let mut path = Value::NONE;
                if let Some((parent, _)) = name.rsplit_once('.') {
                    let pm = self.gcd_import(parent)?;
                    match self.attr_str(pm, "__path__")? {
                        Some(p) => path = p,
                        None => {
                            return Ok(Err(format!(
                                "Error while finding module specification for '{name}' \
                                 (ModuleNotFoundError: __path__ attribute not found on \
                                 '{parent}' while trying to find '{name}')"
                            )));
                        }
                    }
                }
                let spec = self.find_spec(&name, path)?;
                if spec.is_none() {
                    return Ok(Err(format!("No module named {name}")));
                }
                let si = self.push_temp(spec);
                let locs = self.attr_str(self.temp(si), "submodule_search_locations")?;
                if locs.is_some_and(|l| !l.is_none()) {
                    if name.ends_with(".__main__") || name == "__main__" {
                        return Ok(Err(format!(
                            "Cannot use package as __main__ module; '{name}' is a package"
                        )));
                    }
                    // A package: import it, then run its `__main__`.
                    self.gcd_import(&name)?;
                    self.pop_temps(si);
                    name = format!("{name}.__main__");
                    let spec = {
                        let (parent, _) = name.rsplit_once('.').expect("dotted");
                        let pm = self.sys_modules_get(parent)?.unwrap_or(Value::NONE);
                        let path = self.attr_str(pm, "__path__")?.unwrap_or(Value::NONE);
                        self.find_spec(&name, path)?
                    };
                    if spec.is_none() {
                        let pkg = name.trim_end_matches(".__main__");
                        return Ok(Err(format!(
                            "No module named {name}; '{pkg}' is a package and cannot be directly executed"
                        )));
                    }
                    break 'found spec;
                }
                self.pop_temps(si);
                spec
            };
            let si = self.push_temp(spec);
            let origin = self
                .attr_str(self.temp(si), "origin")?
                .unwrap_or(Value::NONE);
            if !self.is_str(origin) {
                return Ok(Err(format!("No code object available for {name}")));
            }
            let origin = self.str_text(origin).into_owned();
            if let Some(first) = self.import.argv.first_mut() {
                *first = origin.clone();
            }
            if let Some(argv) = self.sys_attr("argv")?
                && self.kind_of(argv) == Some(Kind::List)
                && !self.list_vec(argv).is_empty()
            {
                let ai = self.push_temp(argv);
                let s = self.new_str(&origin)?;
                self.list_vec(self.temp(ai))[0] = s;
                // SAFETY: the list is live (rooted on temps).
                unsafe { self.barrier(self.temp(ai)) };
                self.pop_temps(ai);
            }
            let code = self.compile_file(&origin)?;
            let d = self.new_main_module(Some(&origin))?;
            self.push_temp(d);
            let m = self.sys_modules_get("__main__")?.unwrap_or(Value::NONE);
            let mi = self.push_temp(m);
            self.init_module_attrs(si, mi, false)?;
            let main_name = self.new_str("__main__")?;
            self.set_attr_str(self.temp(mi), "__name__", main_name)?;
            let d = self.field(self.temp(mi), 0);
            self.exec_code_in(code, d)?;
            Ok(Ok(()))
        })();
        self.pop_temps(mark);
        r
    }
}
