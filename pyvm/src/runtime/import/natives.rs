//! The import system's natives: the `__import__` builtin, the `module`
//! type's constructor (`types.ModuleType(name, doc=None)`) and the `_imp`
//! module (CPython's names, plus pyvm's entry points for the import front).

use pyvm_objmodel::Value;

use crate::runtime::builtins::{NativeTable, Place};
use crate::runtime::call::Args;
use crate::runtime::exception::PyResult;
use crate::runtime::heap::Vm;
use crate::runtime::layout::Kind;
use crate::runtime::modules::{ModuleRef, NativeModule, is_native};
use crate::runtime::types::TypeId;

/// The builtins of the import system.
pub(crate) const NATIVES: NativeTable = &[
    ("__import__", Place::Builtins, dunder_import),
    ("module", Place::Constructor(TypeId::Module), module_new),
];

/// Argument `i` (positional) or keyword `name`, or `default`.
fn arg(vm: &Vm, a: &Args, i: usize, name: &str, default: Value) -> Value {
    if i < a.npos(vm) {
        a.get(vm, i)
    } else {
        a.kwarg(vm, name).unwrap_or(default)
    }
}

/// A str argument as text, or CPython's TypeError.
fn text_arg(vm: &mut Vm, v: Value, what: &str) -> PyResult<String> {
    if vm.is_str(v) {
        Ok(vm.str_text(v).into_owned())
    } else {
        let t = vm.type_name(v);
        Err(vm.type_error(&format!("{what} must be str, not {t}")))
    }
}

/// `__import__(name, globals=None, locals=None, fromlist=(), level=0)`.
fn dunder_import(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if a.npos(vm) + a.nkw(vm) == 0 {
        return Err(vm.type_error("__import__() missing required argument 'name' (pos 1)"));
    }
    if a.npos(vm) > 5 {
        let n = a.npos(vm);
        return Err(vm.type_error(&format!(
            "__import__() takes at most 5 arguments ({n} given)"
        )));
    }
    let name = arg(vm, &a, 0, "name", Value::EMPTY);
    if name.is_empty() {
        return Err(vm.type_error("__import__() missing required argument 'name' (pos 1)"));
    }
    if !vm.is_str(name) {
        return Err(vm.type_error("module name must be a string"));
    }
    let name = text_arg(vm, name, "__import__() argument 1")?;
    let globals = arg(vm, &a, 1, "globals", Value::NONE);
    let fromlist = arg(vm, &a, 3, "fromlist", Value::NONE);
    let level = arg(vm, &a, 4, "level", Value::from_int(0).expect("small"));
    let Some(level) = level.as_int() else {
        let t = vm.type_name(level);
        return Err(vm.type_error(&format!("'{t}' object cannot be interpreted as an integer")));
    };
    if level < 0 {
        return Err(vm.raise_msg(TypeId::ValueError, "level must be >= 0"));
    }
    let globals = if vm.kind_of(globals) == Some(Kind::Dict) {
        globals
    } else {
        Value::NONE
    };
    vm.dunder_import(&name, globals, fromlist, level as usize)
}

/// `module(name, doc=None)`.
fn module_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let name = arg(vm, &a, 0, "name", Value::EMPTY);
    if name.is_empty() {
        return Err(vm.type_error("module() missing required argument 'name' (pos 1)"));
    }
    let name = text_arg(vm, name, "module() argument 'name'")?;
    if a.npos(vm) > 2 {
        let n = a.npos(vm);
        return Err(vm.type_error(&format!("module() takes at most 2 arguments ({n} given)")));
    }
    let doc = arg(vm, &a, 1, "doc", Value::NONE);
    let di = vm.push_temp(doc);
    let r = (|| {
        let m = vm.new_module(&name)?;
        let mi = vm.push_temp(m);
        let d = vm.field(m, 0);
        vm.dict_set_str(d, "__doc__", vm.temp(di))?;
        let d = vm.field(vm.temp(mi), 0);
        vm.dict_set_str(d, "__package__", Value::NONE)?;
        let d = vm.field(vm.temp(mi), 0);
        vm.dict_set_str(d, "__loader__", Value::NONE)?;
        let d = vm.field(vm.temp(mi), 0);
        vm.dict_set_str(d, "__spec__", Value::NONE)?;
        Ok(vm.temp(mi))
    })();
    vm.pop_temps(di);
    r
}

/// The `_imp` module.
pub(crate) const IMP_MODULE: NativeModule = NativeModule {
    name: "_imp",
    functions: &[
        ("is_builtin", is_builtin),
        ("is_frozen", false_fn),
        ("create_builtin", create_builtin),
        ("exec_builtin", exec_builtin),
        ("acquire_lock", none_fn),
        ("release_lock", none_fn),
        ("lock_held", false_fn),
        ("extension_suffixes", extension_suffixes),
        ("_fix_co_filename", none_fn),
        ("_spec_parent", spec_parent),
        ("_find_path_spec", find_path_spec),
        ("_find_spec", find_spec),
        ("_exec_file", exec_file),
        ("_is_init_file", is_init_file),
        ("_cache_path", cache_path),
        ("_fspath", fspath),
        ("_dirname", dirname),
        ("_module_from_spec", module_from_spec),
        ("_resolve_name", resolve_name),
        ("_gcd_import", gcd_import),
        ("_exec_spec", exec_spec),
        ("_load_spec", load_spec),
        ("_load_by_name", load_by_name),
        ("_dunder_import", dunder_import),
    ],
    init: Some(imp_init),
};

fn imp_init(vm: &mut Vm, m: ModuleRef) -> PyResult<()> {
    let s = vm.new_str("never")?;
    m.set(vm, "check_hash_based_pycs", s)?;
    crate::runtime::modules::exec_in_module(vm, m, IMP_FROZEN, "<pyvm _imp>")
}

/// `_imp`'s frozen-module calls: pyvm freezes nothing (`imp` imports them).
const IMP_FROZEN: &str = r#"
def get_frozen_object(name, data=None, /):
    """Create a code object for a frozen module."""
    raise ImportError(f"No such frozen object named {name!r}", name=name)


def is_frozen_package(name, /):
    """Returns True if the module name is of a frozen package."""
    raise ImportError(f"No such frozen object named {name!r}", name=name)


def init_frozen(name, /):
    """Initializes a frozen module."""
    return None


def find_frozen(name, /, *, withdata=False):
    """Return info about the corresponding frozen module (if there is one)."""
    return None


def _frozen_module_names():
    """Returns the list of available frozen modules."""
    return []


def _override_frozen_modules_for_tests(override, /):
    """(internal-only) Override PyConfig.use_frozen_modules."""
    return None
"#;

fn none_fn(_: &mut Vm, _: Args) -> PyResult<Value> {
    Ok(Value::NONE)
}

fn false_fn(_: &mut Vm, _: Args) -> PyResult<Value> {
    Ok(Value::FALSE)
}

fn str_at(vm: &mut Vm, a: &Args, i: usize, fname: &str) -> PyResult<String> {
    if i >= a.n {
        return Err(vm.type_error(&format!("{fname}() missing required argument {}", i + 1)));
    }
    let v = a.get(vm, i);
    text_arg(vm, v, &format!("{fname}() argument {}", i + 1))
}

fn is_builtin(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = str_at(vm, &a, 0, "is_builtin")?;
    // CPython's answer: -1 for the modules that cannot be re-initialized.
    Ok(Value::from_int(match n.as_str() {
        "sys" | "builtins" => -1,
        _ if is_native(&n) => 1,
        _ => 0,
    })
    .unwrap_or(Value::NONE))
}

fn create_builtin(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if a.n < 1 {
        return Err(vm.type_error("create_builtin() takes exactly one argument (0 given)"));
    }
    let n = vm.attr_str(a.get(vm, 0), "name")?.unwrap_or(Value::NONE);
    let n = text_arg(vm, n, "spec.name")?;
    if let Some(m) = vm.sys_modules_get(&n)? {
        return Ok(m);
    }
    match vm.import_native(&n)? {
        Some(m) => Ok(m),
        None => {
            let msg = format!("no built-in module named {n}");
            Err(vm.import_error(TypeId::ImportError, &msg, Some(&n), None))
        }
    }
}

fn exec_builtin(_: &mut Vm, _: Args) -> PyResult<Value> {
    Ok(Value::from_int(0).expect("small"))
}

fn extension_suffixes(vm: &mut Vm, _: Args) -> PyResult<Value> {
    vm.new_list(&[])
}

fn spec_parent(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = str_at(vm, &a, 0, "_spec_parent")?;
    let is_pkg = a.n > 1 && vm.truthy(a.get(vm, 1))?;
    let p = if is_pkg {
        n.as_str()
    } else {
        n.rsplit_once('.').map(|p| p.0).unwrap_or("")
    };
    vm.new_str(p)
}

fn find_path_spec(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = str_at(vm, &a, 0, "_find_path_spec")?;
    let path = if a.n > 1 { a.get(vm, 1) } else { Value::NONE };
    vm.native_find_spec(&n, path, false)
}

fn find_spec(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = str_at(vm, &a, 0, "_find_spec")?;
    let path = if a.n > 1 { a.get(vm, 1) } else { Value::NONE };
    vm.find_spec(&n, path)
}

fn exec_file(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let p = str_at(vm, &a, 1, "_exec_file")?;
    let m = a.get(vm, 0);
    let name = vm.attr_str(m, "__name__")?;
    let name = match name {
        Some(n) if vm.is_str(n) => Some(vm.str_text(n).into_owned()),
        _ => None,
    };
    if let Some(n) = &name {
        vm.import.initializing.push(n.clone());
    }
    let r = vm.exec_file(a.get(vm, 0), &p);
    if name.is_some() {
        vm.import.initializing.pop();
    }
    r.map(|_| Value::NONE)
}

fn is_init_file(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let p = str_at(vm, &a, 0, "_is_init_file")?;
    let stem = std::path::Path::new(&p)
        .file_stem()
        .map(|s| s == "__init__")
        .unwrap_or(false);
    Ok(Value::from_bool(stem))
}

fn cache_path(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let p = str_at(vm, &a, 0, "_cache_path")?;
    match super::cache::cache_path(std::path::Path::new(&p)) {
        Some(c) => vm.new_str(&c.to_string_lossy()),
        None => Ok(Value::NONE),
    }
}

fn fspath(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = a.get(vm, 0);
    if vm.is_str(v) {
        return Ok(v);
    }
    if let Some(f) = vm.attr_str(v, "__fspath__")? {
        return vm.call_value(f, &[]);
    }
    let t = vm.type_name(v);
    Err(vm.type_error(&format!(
        "expected str, bytes or os.PathLike object, not {t}"
    )))
}

fn dirname(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let p = str_at(vm, &a, 0, "_dirname")?;
    let d = match p.rfind('/') {
        Some(0) => "/",
        Some(i) => &p[..i],
        None => "",
    };
    vm.new_str(d)
}

fn module_from_spec(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = a.get(vm, 0);
    vm.module_from_spec(s)
}

fn resolve_name(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = str_at(vm, &a, 0, "_resolve_name")?;
    let p = str_at(vm, &a, 1, "_resolve_name")?;
    let level = a.get(vm, 2).as_int().unwrap_or(0).max(0) as usize;
    match super::resolve_name(&n, &p, level) {
        Some(r) => vm.new_str(&r),
        None => Err(vm.import_error(
            TypeId::ImportError,
            "attempted relative import beyond top-level package",
            None,
            None,
        )),
    }
}

/// `_gcd_import(name, package, level)` (what `importlib.import_module` calls).
fn gcd_import(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = str_at(vm, &a, 0, "_gcd_import")?;
    let package = if a.n > 1 { a.get(vm, 1) } else { Value::NONE };
    let level = if a.n > 2 {
        a.get(vm, 2).as_int().unwrap_or(0)
    } else {
        0
    };
    let name = if level > 0 {
        if !vm.is_str(package) {
            return Err(vm.type_error("__package__ not set to a string"));
        }
        let p = vm.str_text(package).into_owned();
        if p.is_empty() {
            return Err(vm.import_error(
                TypeId::ImportError,
                "attempted relative import with no known parent package",
                None,
                None,
            ));
        }
        match super::resolve_name(&n, &p, level as usize) {
            Some(r) => r,
            None => {
                return Err(vm.import_error(
                    TypeId::ImportError,
                    "attempted relative import beyond top-level package",
                    None,
                    None,
                ));
            }
        }
    } else {
        if n.is_empty() {
            return Err(vm.raise_msg(TypeId::ValueError, "Empty module name"));
        }
        n
    };
    vm.gcd_import(&name)
}

/// `_exec(spec, module)`: what `importlib.reload` runs.
fn exec_spec(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let si = a.start;
    let mi = a.start + 1;
    let n = vm.attr_str(vm.temp(si), "name")?.unwrap_or(Value::NONE);
    let name = text_arg(vm, n, "spec.name")?;
    let current = vm.sys_modules_lookup(&name)?;
    if current != Some(vm.temp(mi)) {
        let msg = format!("module '{name}' not in sys.modules");
        return Err(vm.import_error(TypeId::ImportError, &msg, Some(&name), None));
    }
    vm.init_module_attrs(si, mi, true)?;
    vm.import.initializing.push(name.clone());
    let r = vm.exec_spec_loader(si, mi);
    vm.import.initializing.pop();
    r?;
    Ok(vm.sys_modules_get(&name)?.unwrap_or(vm.temp(mi)))
}

fn load_spec(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = vm.attr_str(a.get(vm, 0), "name")?.unwrap_or(Value::NONE);
    let name = text_arg(vm, n, "spec.name")?;
    vm.load_spec(a.start, &name)
}

fn load_by_name(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = str_at(vm, &a, 0, "load_module")?;
    vm.gcd_import(&n)
}
