//! `sys`: the interpreter's settings and hooks as CPython 3.11 shows them.
//!
//! `sys.modules` is the VM's module dict (`GlobalSlot::Modules`);
//! `sys.stdin/stdout/stderr` are `_io.TextIOWrapper` objects; `print`
//! writes straight into `Vm::out` while `sys.stdout` is the original one.
//! Struct sequences (`version_info`, `flags`, `float_info`, ...) are tuples
//! whose class derives from `tuple` and holds the field values as class
//! attributes (each has one instance), so they index, unpack and compare
//! like tuples and read like named tuples.

use pyvm_objmodel::Value;

use super::{ModuleRef, NativeModule};
use crate::runtime::builtins::arity;
use crate::runtime::call::{Args, NativeFn};
use crate::runtime::exception::PyResult;
use crate::runtime::heap::Vm;
use crate::runtime::layout::{ExcField, Kind, TYPE_FIELDS, TypeField};
use crate::runtime::types::{GlobalSlot, TypeId};

const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("exit", exit),
    ("getrecursionlimit", getrecursionlimit),
    ("setrecursionlimit", setrecursionlimit),
    ("getsizeof", getsizeof),
    ("intern", intern),
    ("exc_info", exc_info),
    ("exception", exception),
    ("_getframe", getframe),
    ("getrefcount", getrefcount),
    ("getdefaultencoding", getdefaultencoding),
    ("getfilesystemencoding", getdefaultencoding),
    ("getfilesystemencodeerrors", getfilesystemencodeerrors),
    ("set_int_max_str_digits", set_int_max_str_digits),
    ("get_int_max_str_digits", get_int_max_str_digits),
    ("settrace", settrace),
    ("setprofile", settrace),
    ("gettrace", gettrace),
    ("getprofile", gettrace),
    ("displayhook", displayhook),
    ("excepthook", excepthook),
    ("audit", audit),
    ("addaudithook", audit),
    ("breakpointhook", breakpointhook),
    ("getswitchinterval", crate::runtime::gil::getswitchinterval),
    ("setswitchinterval", crate::runtime::gil::setswitchinterval),
    ("is_finalizing", is_finalizing),
    ("call_tracing", call_tracing),
    ("getallocatedblocks", getrefcount),
    ("_clear_type_cache", audit),
];

/// The `sys` module.
pub(crate) const MODULE: NativeModule = NativeModule {
    name: "sys",
    functions: FUNCTIONS,
    init: Some(init),
};

/// The version pyvm reports.
pub const VERSION: (i64, i64, i64) = (3, 11, 0);

/// The directory of CPython's pure-Python standard library that pyvm
/// runs (`PYVM_STDLIB` overrides the search), if found.
pub fn stdlib_dir() -> Option<String> {
    if let Ok(d) = std::env::var("PYVM_STDLIB") {
        return Some(d);
    }
    let candidates = ["/usr/lib/python3.11", "/usr/local/lib/python3.11"];
    candidates
        .iter()
        .find(|d| std::path::Path::new(d).join("os.py").exists())
        .map(|d| d.to_string())
}

fn int(n: i64) -> Value {
    Value::from_int(n).unwrap_or(Value::NONE)
}

/// A value for a struct-sequence field, made lazily (strs and floats).
enum Field {
    Int(i64),
    Big(i128),
    Float(f64),
    Str(&'static str),
    Bool(bool),
}

fn field_value(vm: &mut Vm, f: &Field) -> PyResult<Value> {
    Ok(match *f {
        Field::Int(n) => int(n),
        Field::Big(n) => vm.new_int(num_bigint::BigInt::from(n))?,
        Field::Float(x) => Value::from_float(x),
        Field::Str(s) => vm.new_str(s)?,
        Field::Bool(b) => Value::from_bool(b),
    })
}

/// Creates a struct-sequence type `name` (deriving from tuple) and its one
/// instance holding `fields`.
fn struct_seq(vm: &mut Vm, name: &str, fields: &[(&str, Field)]) -> PyResult<Value> {
    let mark = vm.temps_len();
    let r = (|| {
        let n = vm.new_str(name)?;
        vm.push_temp(n);
        let d = vm.new_dict()?;
        vm.push_temp(d);
        let bases = vm.new_tuple(&[vm.ty(TypeId::Tuple)])?;
        vm.push_temp(bases);
        let mut tf = [Value::NONE; TYPE_FIELDS];
        tf[TypeField::Name as usize] = vm.temp(mark);
        tf[TypeField::Dict as usize] = vm.temp(mark + 1);
        tf[TypeField::Bases as usize] = vm.temp(mark + 2);
        tf[TypeField::InstanceKind as usize] = int(Kind::Tuple as i64);
        let meta = vm.ty(TypeId::Type);
        let t = vm.alloc_record(Kind::Type, meta, &tf, 0)?;
        vm.push_temp(t); // mark + 3
        let mro = vm.new_tuple(&[
            vm.temp(mark + 3),
            vm.ty(TypeId::Tuple),
            vm.ty(TypeId::Object),
        ])?;
        vm.set_field(vm.temp(mark + 3), TypeField::Mro as usize, mro);
        let items_at = vm.temps_len();
        for (_, f) in fields {
            let v = field_value(vm, f)?;
            vm.push_temp(v);
        }
        let mut names = Vec::new();
        for (i, (fname, _)) in fields.iter().enumerate() {
            let v = vm.temp(items_at + i);
            vm.dict_set_str(vm.temp(mark + 1), fname, v)?;
            names.push(*fname);
        }
        let names_at = vm.temps_len();
        for fname in &names {
            let s = vm.new_str(fname)?;
            vm.push_temp(s);
        }
        let nt = vm.m.roots().temps[names_at..].to_vec();
        let nt = vm.new_tuple(&nt)?;
        vm.dict_set_str(vm.temp(mark + 1), "_fields", nt)?;
        vm.dict_set_str(vm.temp(mark + 1), "n_fields", int(fields.len() as i64))?;
        vm.dict_set_str(
            vm.temp(mark + 1),
            "n_sequence_fields",
            int(fields.len() as i64),
        )?;
        let items = vm.m.roots().temps[items_at..items_at + fields.len()].to_vec();
        let class = vm.temp(mark + 3);
        vm.alloc_record(Kind::Tuple, class, &items, 0)
    })();
    vm.pop_temps(mark);
    r
}

/// `repr()` of a struct sequence: `sys.flags(debug=0, ...)`; None for
/// other tuples.
pub fn struct_seq_repr(vm: &mut Vm, v: Value) -> PyResult<Option<String>> {
    let class = vm.class_of(v);
    if class == vm.ty(TypeId::Tuple) || vm.is_builtin_type(class) {
        return Ok(None);
    }
    let vi = vm.push_temp(v);
    let r = struct_seq_repr_inner(vm, vi);
    vm.pop_temps(vi);
    r
}

fn struct_seq_repr_inner(vm: &mut Vm, vi: usize) -> PyResult<Option<String>> {
    let class = vm.class_of(vm.temp(vi));
    let d = vm.field(class, TypeField::Dict as usize);
    let Some(names) = vm.dict_get_str(d, "_fields")? else {
        return Ok(None);
    };
    if vm.kind_of(names) != Some(Kind::Tuple) {
        return Ok(None);
    }
    let names: Vec<String> = vm
        .tuple_items(names)
        .iter()
        .map(|&n| vm.str_text(n).into_owned())
        .collect();
    let mut parts = Vec::new();
    for (i, n) in names.iter().enumerate() {
        let Some(&x) = vm.tuple_items(vm.temp(vi)).get(i) else {
            break;
        };
        let s = vm.repr_string(x)?;
        parts.push(format!("{n}={s}"));
    }
    let cname = vm.class_name(vm.class_of(vm.temp(vi)));
    Ok(Some(format!("{cname}({})", parts.join(", "))))
}

/// A list of strs.
fn str_list(vm: &mut Vm, items: &[String]) -> PyResult<Value> {
    let mark = vm.temps_len();
    for s in items {
        let v = vm.new_str(s)?;
        vm.push_temp(v);
    }
    let vals = vm.m.roots().temps[mark..].to_vec();
    let l = vm.new_list(&vals);
    vm.pop_temps(mark);
    l
}

fn str_tuple(vm: &mut Vm, items: &[&str]) -> PyResult<Value> {
    let mark = vm.temps_len();
    for s in items {
        let v = vm.new_str(s)?;
        vm.push_temp(v);
    }
    let vals = vm.m.roots().temps[mark..].to_vec();
    let t = vm.new_tuple(&vals);
    vm.pop_temps(mark);
    t
}

/// `sys.path` as first built: the script directory (or `''`),
/// `PYTHONPATH`, then the standard library.
pub fn initial_path(vm: &Vm) -> Vec<String> {
    let mut path = vec![vm.sysio.path0.clone().unwrap_or_default()];
    if !vm.sysio.ignore_env
        && let Ok(pp) = std::env::var("PYTHONPATH")
    {
        path.extend(pp.split(':').filter(|s| !s.is_empty()).map(String::from));
    }
    if let Some(lib) = stdlib_dir() {
        path.push(format!("{lib}/lib-dynload"));
        path.insert(path.len() - 1, lib);
    }
    path
}

fn init(vm: &mut Vm, m: ModuleRef) -> PyResult<()> {
    vm.roots().globals[GlobalSlot::Sys as usize] = m.get(vm);
    // path, modules, meta_path, path_hooks, path_importer_cache,
    // dont_write_bytecode: the import system's.
    crate::runtime::import::sys_hook::install(vm, m)?;
    let argv = if !vm.import.argv.is_empty() {
        vm.import.argv.clone()
    } else if !vm.sysio.argv.is_empty() {
        vm.sysio.argv.clone()
    } else {
        vec![String::new()]
    };
    let v = str_list(vm, &argv)?;
    m.set(vm, "argv", v)?;
    let orig = vm.sysio.orig_argv.clone();
    let v = str_list(vm, &orig)?;
    m.set(vm, "orig_argv", v)?;
    let streams = super::io::make_std_streams(vm)?;
    let si = vm.push_temp(streams);
    for (i, name) in ["stdin", "stdout", "stderr"].iter().enumerate() {
        let s = vm.tuple_items(vm.temp(si))[i];
        m.set(vm, name, s)?;
        let s = vm.tuple_items(vm.temp(si))[i];
        m.set(vm, &format!("__{name}__"), s)?;
    }
    vm.pop_temps(si);
    let (ma, mi, mc) = VERSION;
    let vi = struct_seq(
        vm,
        "sys.version_info",
        &[
            ("major", Field::Int(ma)),
            ("minor", Field::Int(mi)),
            ("micro", Field::Int(mc)),
            ("releaselevel", Field::Str("final")),
            ("serial", Field::Int(0)),
        ],
    )?;
    m.set(vm, "version_info", vi)?;
    let s = &vm.sysio;
    let flags = [
        ("debug", Field::Int(0)),
        ("inspect", Field::Int(s.inspect as i64)),
        ("interactive", Field::Int(s.inspect as i64)),
        ("optimize", Field::Int(s.optimize as i64)),
        (
            "dont_write_bytecode",
            Field::Int(s.dont_write_bytecode as i64),
        ),
        ("no_user_site", Field::Int(s.no_user_site as i64)),
        ("no_site", Field::Int(s.no_site as i64)),
        ("ignore_environment", Field::Int(s.ignore_env as i64)),
        ("verbose", Field::Int(s.verbose as i64)),
        ("bytes_warning", Field::Int(s.bytes_warning as i64)),
        ("quiet", Field::Int(s.quiet as i64)),
        ("hash_randomization", Field::Int(1)),
        ("isolated", Field::Int(s.isolated as i64)),
        ("dev_mode", Field::Bool(false)),
        ("utf8_mode", Field::Int(0)),
        ("warn_default_encoding", Field::Int(0)),
        ("safe_path", Field::Bool(s.isolated)),
        ("int_max_str_digits", Field::Int(-1)),
    ];
    let dont_write = s.dont_write_bytecode;
    let v = struct_seq(vm, "sys.flags", &flags)?;
    m.set(vm, "flags", v)?;
    let v = struct_seq(
        vm,
        "sys.float_info",
        &[
            ("max", Field::Float(f64::MAX)),
            ("max_exp", Field::Int(f64::MAX_EXP as i64)),
            ("max_10_exp", Field::Int(f64::MAX_10_EXP as i64)),
            ("min", Field::Float(f64::MIN_POSITIVE)),
            ("min_exp", Field::Int(f64::MIN_EXP as i64)),
            ("min_10_exp", Field::Int(f64::MIN_10_EXP as i64)),
            ("dig", Field::Int(f64::DIGITS as i64)),
            ("mant_dig", Field::Int(f64::MANTISSA_DIGITS as i64)),
            ("epsilon", Field::Float(f64::EPSILON)),
            ("radix", Field::Int(2)),
            ("rounds", Field::Int(1)),
        ],
    )?;
    m.set(vm, "float_info", v)?;
    let v = struct_seq(
        vm,
        "sys.int_info",
        &[
            ("bits_per_digit", Field::Int(30)),
            ("sizeof_digit", Field::Int(4)),
            ("default_max_str_digits", Field::Int(4300)),
            ("str_digits_check_threshold", Field::Int(640)),
        ],
    )?;
    m.set(vm, "int_info", v)?;
    let v = struct_seq(
        vm,
        "sys.hash_info",
        &[
            ("width", Field::Int(64)),
            ("modulus", Field::Big((1i128 << 61) - 1)),
            ("inf", Field::Int(314159)),
            ("nan", Field::Int(0)),
            ("imag", Field::Int(1000003)),
            ("algorithm", Field::Str("siphash13")),
            ("hash_bits", Field::Int(64)),
            ("seed_bits", Field::Int(128)),
            ("cutoff", Field::Int(0)),
        ],
    )?;
    m.set(vm, "hash_info", v)?;
    let v = struct_seq(
        vm,
        "sys.thread_info",
        &[
            ("name", Field::Str("pthread")),
            ("lock", Field::Str("semaphore")),
            ("version", Field::Str("NPTL")),
        ],
    )?;
    m.set(vm, "thread_info", v)?;
    init_implementation(vm, m)?;
    super::time_mod::exec_in_module(vm, m, include_str!("../py/sys_asyncgen.py"), "<pyvm sys>")?;
    let version = format!("{ma}.{mi}.{mc} (pyvm {}) [Rust]", env!("CARGO_PKG_VERSION"));
    for (name, text) in [
        ("version", version.as_str()),
        ("platform", "linux"),
        ("byteorder", "little"),
        ("float_repr_style", "short"),
        ("abiflags", ""),
        ("platlibdir", "lib"),
        (
            "copyright",
            "Copyright (c) pyvm authors; Python is Copyright (c) Python Software Foundation.",
        ),
        ("_framework", ""),
    ] {
        let v = vm.new_str(text)?;
        m.set(vm, name, v)?;
    }
    let exe = std::env::current_exe()
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_default();
    let v = vm.new_str(&exe)?;
    m.set(vm, "executable", v)?;
    let v = vm.new_str(&exe)?;
    m.set(vm, "_base_executable", v)?;
    let prefix = stdlib_dir()
        .and_then(|d| {
            std::path::Path::new(&d)
                .parent()
                .and_then(|p| p.parent())
                .map(|p| p.to_string_lossy().into_owned())
        })
        .unwrap_or_else(|| "/usr".to_string());
    for name in ["prefix", "base_prefix", "exec_prefix", "base_exec_prefix"] {
        let v = vm.new_str(&prefix)?;
        m.set(vm, name, v)?;
    }
    m.set(vm, "hexversion", int(0x030b00f0 | (mc << 8)))?;
    m.set(vm, "api_version", int(1013))?;
    let v = vm.new_int(num_bigint::BigInt::from(i64::MAX))?;
    m.set(vm, "maxsize", v)?;
    m.set(vm, "maxunicode", int(0x10ffff))?;
    let _ = dont_write;
    m.set(vm, "pycache_prefix", Value::NONE)?;
    let warn = vm.sysio.warnoptions.clone();
    let v = str_list(vm, &warn)?;
    m.set(vm, "warnoptions", v)?;
    let d = vm.new_dict()?;
    let di = vm.push_temp(d);
    for (k, v) in vm.sysio.xoptions.clone() {
        let val = match v {
            Some(s) => vm.new_str(&s)?,
            None => Value::TRUE,
        };
        vm.dict_set_str(vm.temp(di), &k, val)?;
    }
    let d = vm.temp(di);
    vm.pop_temps(di);
    m.set(vm, "_xoptions", d)?;
    let mut names: Vec<&str> = super::native_names();
    names.push("builtins");
    names.sort();
    names.dedup();
    let v = str_tuple(vm, &names)?;
    m.set(vm, "builtin_module_names", v)?;
    let stdlib = STDLIB_NAMES;
    let t = str_tuple(vm, stdlib)?;
    let ti = vm.push_temp(t);
    let s = vm.new_set()?;
    let si = vm.push_temp(s);
    for i in 0..stdlib.len() {
        let x = vm.tuple_items(vm.temp(ti))[i];
        let set = vm.temp(si);
        let r = vm.dict_mut(set).insert(&mut vm.keys(), x, Value::NONE);
        // SAFETY: `set` is live (read from a root, no allocation since).
        unsafe { vm.barrier(set) };
        r.map_err(|e| vm.raise_key_error(e))?;
    }
    let s = vm.temp(si);
    vm.pop_temps(ti);
    m.set(vm, "stdlib_module_names", s)?;
    // The original hooks, as `sys.__displayhook__` etc.
    for name in ["displayhook", "excepthook", "breakpointhook"] {
        let d = vm.field(m.get(vm), 0);
        if let Some(f) = vm.dict_get_str(d, name)? {
            m.set(vm, &format!("__{name}__"), f)?;
        }
    }
    if vm.sysio.inspect {
        let v = vm.new_str(">>> ")?;
        m.set(vm, "ps1", v)?;
        let v = vm.new_str("... ")?;
        m.set(vm, "ps2", v)?;
    }
    Ok(())
}

/// Names of CPython 3.11's standard library modules (a subset: enough for
/// tools that test membership of common modules).
const STDLIB_NAMES: &[&str] = &[
    "__future__",
    "_abc",
    "_codecs",
    "_collections",
    "_collections_abc",
    "_functools",
    "_io",
    "_signal",
    "_sre",
    "_stat",
    "_thread",
    "_weakref",
    "abc",
    "argparse",
    "array",
    "ast",
    "asyncio",
    "atexit",
    "base64",
    "bisect",
    "builtins",
    "calendar",
    "cmath",
    "codecs",
    "collections",
    "contextlib",
    "copy",
    "copyreg",
    "csv",
    "dataclasses",
    "datetime",
    "decimal",
    "difflib",
    "dis",
    "enum",
    "errno",
    "faulthandler",
    "fnmatch",
    "fractions",
    "functools",
    "gc",
    "genericpath",
    "getopt",
    "glob",
    "hashlib",
    "heapq",
    "hmac",
    "html",
    "http",
    "importlib",
    "inspect",
    "io",
    "itertools",
    "json",
    "keyword",
    "linecache",
    "locale",
    "logging",
    "marshal",
    "math",
    "numbers",
    "operator",
    "os",
    "pathlib",
    "pickle",
    "platform",
    "posix",
    "posixpath",
    "pprint",
    "random",
    "re",
    "reprlib",
    "select",
    "shlex",
    "shutil",
    "signal",
    "socket",
    "sre_compile",
    "sre_constants",
    "sre_parse",
    "stat",
    "statistics",
    "string",
    "struct",
    "subprocess",
    "sys",
    "tempfile",
    "textwrap",
    "threading",
    "time",
    "timeit",
    "token",
    "tokenize",
    "traceback",
    "types",
    "typing",
    "unicodedata",
    "unittest",
    "urllib",
    "uuid",
    "warnings",
    "weakref",
    "zipfile",
    "zlib",
];

fn init_implementation(vm: &mut Vm, m: ModuleRef) -> PyResult<()> {
    // A `types.SimpleNamespace`, as CPython's.
    let ns = vm.new_namespace()?;
    let mark = vm.push_temp(ns);
    let r = (|| {
        let name = vm.new_str("pyvm")?;
        let attrs = vm.instance_dict(vm.temp(mark));
        vm.dict_set_str(attrs, "name", name)?;
        let tag = vm.new_str("pyvm-311")?;
        let attrs = vm.instance_dict(vm.temp(mark));
        vm.dict_set_str(attrs, "cache_tag", tag)?;
        let sysd = vm.field(m.get(vm), 0);
        if let Some(vi) = vm.dict_get_str(sysd, "version_info")? {
            let attrs = vm.instance_dict(vm.temp(mark));
            vm.dict_set_str(attrs, "version", vi)?;
        }
        let attrs = vm.instance_dict(vm.temp(mark));
        vm.dict_set_str(attrs, "hexversion", int(0x030b00f0))?;
        let arch = vm.new_str("x86_64-linux-gnu")?;
        let attrs = vm.instance_dict(vm.temp(mark));
        vm.dict_set_str(attrs, "_multiarch", arch)?;
        m.set(vm, "implementation", vm.temp(mark))
    })();
    vm.pop_temps(mark);
    r
}

// ---- functions -------------------------------------------------------------

/// `sys.exit([status])`.
fn exit(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = arity(vm, &a, "exit", 0, 1)?;
    let args: Vec<Value> = (0..n).map(|i| a.get(vm, i)).collect();
    Err(vm.raise_args(TypeId::SystemExit, &args))
}

fn getrecursionlimit(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "getrecursionlimit", 0, 0)?;
    Ok(int(vm.recursion_limit as i64))
}

fn setrecursionlimit(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "setrecursionlimit", 1, 1)?;
    let v = a.get(vm, 0);
    let Some(n) = v.as_int() else {
        let t = vm.type_name(v);
        return Err(vm.type_error(&format!("'{t}' object cannot be interpreted as an integer")));
    };
    if n < 1 {
        return Err(vm.raise_msg(
            TypeId::ValueError,
            "recursion limit must be greater or equal than 1",
        ));
    }
    let depth = vm.m.roots().frames.len() as i64;
    if n <= depth {
        return Err(vm.raise_msg(
            TypeId::RecursionError,
            &format!(
                "cannot set the recursion limit to {n} at the recursion depth {depth}: the limit is too low"
            ),
        ));
    }
    vm.recursion_limit = n as usize;
    Ok(Value::NONE)
}

fn getsizeof(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = arity(vm, &a, "getsizeof", 1, 2)?;
    let v = a.get(vm, 0);
    let size = if v.is_int() {
        if v.as_int() == Some(0) { 24 } else { 28 }
    } else if v.is_float() {
        24
    } else if v.is_bool() {
        28
    } else if v.is_none() {
        16
    } else {
        match vm.kind_of(v) {
            Some(Kind::Str) => {
                let b = vm.str_bytes(v).len();
                let c = vm.str_chars(v);
                if b == c { 49 + b } else { 74 + 4 * c }
            }
            Some(Kind::Tuple) => 40 + 8 * vm.tuple_items(v).len(),
            Some(Kind::List) => 56 + 8 * vm.list_vec(v).capacity(),
            Some(Kind::Dict) => 64 + 24 * vm.dict_mut(v).len().max(8).next_power_of_two(),
            Some(Kind::Set) => 216 + 16 * vm.dict_mut(v).len().max(8).next_power_of_two(),
            Some(Kind::BigInt) => 24 + 4 * (vm.bigint(v).bits() as usize).div_ceil(30),
            Some(Kind::Instance) => 48,
            Some(Kind::Function) => 152,
            _ => 8 * (2 + vm.len_word(v)),
        }
    };
    let _ = n;
    Ok(int(size as i64))
}

fn intern(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "intern", 1, 1)?;
    let s = a.get(vm, 0);
    if !vm.is_str(s) {
        let t = vm.type_name(s);
        return Err(vm.type_error(&format!("intern() argument must be str, not {t}")));
    }
    Ok(s)
}

fn exc_info(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "exc_info", 0, 0)?;
    let h = vm.m.roots().handled;
    if h.is_empty() || h.is_none() {
        return vm.new_tuple(&[Value::NONE, Value::NONE, Value::NONE]);
    }
    let c = vm.class_of(h);
    let tb = if vm.kind_of(h) == Some(Kind::Exception) {
        vm.field(h, ExcField::Traceback as usize)
    } else {
        Value::NONE
    };
    let tb = if tb.is_empty() { Value::NONE } else { tb };
    vm.new_tuple(&[c, h, tb])
}

fn exception(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "exception", 0, 0)?;
    let h = vm.m.roots().handled;
    Ok(if h.is_empty() { Value::NONE } else { h })
}

fn getrefcount(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let _ = (vm, a);
    Ok(int(2))
}

fn getdefaultencoding(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let _ = a;
    vm.new_str("utf-8")
}

fn getfilesystemencodeerrors(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let _ = a;
    vm.new_str("surrogateescape")
}

fn set_int_max_str_digits(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = if a.npos(vm) > 0 {
        Some(a.get(vm, 0))
    } else {
        a.kwarg(vm, "maxdigits")
    };
    let Some(n) = v.and_then(|v| v.as_int()) else {
        return Err(
            vm.type_error("set_int_max_str_digits() missing required argument 'maxdigits' (pos 1)")
        );
    };
    if n != 0 && n < 640 {
        return Err(vm.raise_msg(TypeId::ValueError, "maxdigits must be 0 or larger than 640"));
    }
    vm.int_max_str_digits = n as usize;
    Ok(Value::NONE)
}

fn get_int_max_str_digits(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let _ = a;
    Ok(int(vm.int_max_str_digits as i64))
}

/// `sys.settrace`/`setprofile`: accepted, but tracing is not supported
/// (the function is never called).
fn settrace(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "settrace", 1, 1)?;
    Ok(Value::NONE)
}

fn gettrace(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let _ = (vm, a);
    Ok(Value::NONE)
}

/// `sys.displayhook(value)`: prints `repr(value)` to `sys.stdout` and
/// stores it in `builtins._` (None prints nothing).
fn displayhook(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "displayhook", 1, 1)?;
    let v = a.get(vm, 0);
    if v.is_none() {
        return Ok(Value::NONE);
    }
    let b = vm.global(GlobalSlot::Builtins);
    vm.dict_set_str(b, "_", Value::NONE)?;
    let r = vm.repr_value(a.get(vm, 0))?;
    let ri = vm.push_temp(r);
    let res = (|| {
        super::io::write_stdout(vm, vm.temp(ri))?;
        let nl = vm.new_str("\n")?;
        super::io::write_stdout(vm, nl)?;
        let b = vm.global(GlobalSlot::Builtins);
        vm.dict_set_str(b, "_", a.get(vm, 0))
    })();
    vm.pop_temps(ri);
    res?;
    Ok(Value::NONE)
}

/// Writes text to `sys.stderr` (falling back to the process's stderr).
pub fn write_stderr(vm: &mut Vm, text: &str) -> PyResult<()> {
    match super::io::sys_attr(vm, "stderr")? {
        Some(e) if !e.is_none() => {
            let ei = vm.push_temp(e);
            let s = vm.new_str(text);
            let e = vm.temp(ei);
            vm.pop_temps(ei);
            let s = s?;
            super::io::call_method(vm, e, "write", &[s])?;
            Ok(())
        }
        _ => {
            vm.flush_out();
            eprint!("{text}");
            Ok(())
        }
    }
}

/// `sys.excepthook(type, value, traceback)`: prints the traceback.
fn excepthook(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "excepthook", 3, 3)?;
    let v = a.get(vm, 1);
    let text = if vm.kind_of(v) == Some(Kind::Exception) {
        vm.format_exception(v)
    } else {
        let t = vm.type_name(v);
        format!("TypeError: print_exception(): Exception expected for value, {t} found\n")
    };
    vm.flush_out();
    write_stderr(vm, &text)?;
    Ok(Value::NONE)
}

fn audit(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let _ = (vm, a);
    Ok(Value::NONE)
}

fn breakpointhook(vm: &mut Vm, a: Args) -> PyResult<Value> {
    // `$PYTHONBREAKPOINT`: "0" disables, "mod.attr" (or a builtin's name)
    // names the hook to call instead of the debugger.
    let hook = std::env::var("PYTHONBREAKPOINT").unwrap_or_default();
    if hook == "0" {
        return Ok(Value::NONE);
    }
    if !hook.is_empty() {
        let (module, attr) = hook.rsplit_once('.').unwrap_or(("builtins", hook.as_str()));
        let found = vm
            .import_module(module)
            .and_then(|m| vm.get_attr_str(m, attr));
        let f = match found {
            Ok(f) => f,
            Err(e) => {
                let ex = vm.raised();
                if !vm.exc_matches(ex, TypeId::ImportError)
                    && !vm.exc_matches(ex, TypeId::AttributeError)
                {
                    return Err(e);
                }
                vm.take_raised();
                let msg = format!("Ignoring unimportable $PYTHONBREAKPOINT: \"{hook}\"");
                vm.warn(TypeId::RuntimeWarning, &msg)?;
                return Ok(Value::NONE);
            }
        };
        let fi = vm.push_temp(f);
        let r = vm.call_args(fi, a);
        vm.pop_temps(fi);
        return r;
    }
    write_stderr(
        vm,
        "breakpoint(): the debugger is not supported yet by pyvm\n",
    )?;
    Ok(Value::NONE)
}

fn is_finalizing(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let _ = a;
    Ok(Value::from_bool(vm.sysio.finished))
}

fn call_tracing(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "call_tracing", 2, 2)?;
    let f = a.get(vm, 0);
    let args = a.get(vm, 1);
    if vm.kind_of(args) != Some(Kind::Tuple) {
        return Err(vm.type_error("call_tracing(): argument 2 must be tuple"));
    }
    vm.call_with_tuple_dict(f, args, Value::NONE)
}

// ---- frames -----------------------------------------------------------------

/// `sys._getframe([depth])`: the frame object `depth` calls up
/// (`frame_obj.rs`; natives have no frames).
fn getframe(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = arity(vm, &a, "_getframe", 0, 1)?;
    let depth = if n == 1 {
        vm.index_isize(a.get(vm, 0))?.max(0) as usize
    } else {
        0
    };
    let nframes = vm.m.roots().frames.len();
    if depth >= nframes {
        return Err(vm.raise_msg(TypeId::ValueError, "call stack is not deep enough"));
    }
    vm.frame_object_at(nframes - 1 - depth)
}

/// Reads the exception dict attribute `name` of `exc`, if set.
pub fn exc_attr(vm: &mut Vm, exc: Value, name: &str) -> PyResult<Option<Value>> {
    let d = vm.field(exc, ExcField::Dict as usize);
    if vm.kind_of(d) != Some(Kind::Dict) {
        return Ok(None);
    }
    vm.dict_get_str(d, name)
}
