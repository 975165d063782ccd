//! Buffered and text streams over Python-level objects.
//!
//! The native `_io` layers share one Rust `FdFile` (a descriptor or a
//! `BytesIO`). When the raw stream of `BufferedReader`/`BufferedWriter`/
//! `BufferedRandom`, or the buffer of `TextIOWrapper`, is any other object
//! (`socket.SocketIO`, a user `RawIOBase` subclass, a stream made here),
//! the constructor returns the stdlib's pure-Python implementation of the
//! same class (`_pyio`, run from the installation), which calls the
//! object's `readinto`/`write`/`readable`/`flush`... with CPython's
//! semantics (`readline`, `read(n)`, `peek`, flushing). `BufferedRWPair`
//! always comes from there.

use pyvm_objmodel::Value;

use super::super::ModuleRef;
use crate::runtime::call::Args;
use crate::runtime::exception::PyResult;
use crate::runtime::heap::Vm;

/// `io.__all__` (the names `_pyio` re-exports).
const ALL: &[&str] = &[
    "BlockingIOError",
    "open",
    "open_code",
    "IOBase",
    "RawIOBase",
    "FileIO",
    "BytesIO",
    "StringIO",
    "BufferedIOBase",
    "BufferedReader",
    "BufferedWriter",
    "BufferedRWPair",
    "BufferedRandom",
    "TextIOBase",
    "TextIOWrapper",
    "UnsupportedOperation",
    "SEEK_SET",
    "SEEK_CUR",
    "SEEK_END",
    "DEFAULT_BUFFER_SIZE",
    "text_encoding",
    "IncrementalNewlineDecoder",
];

/// Adds `__all__` to `io`.
pub(super) fn add_all(vm: &mut Vm, m: ModuleRef) -> PyResult<()> {
    let mark = vm.temps_len();
    let r = (|| {
        for n in ALL {
            let s = vm.new_str(n)?;
            vm.push_temp(s);
        }
        let items = vm.m.roots().temps[mark..].to_vec();
        vm.new_list(&items)
    })();
    vm.pop_temps(mark);
    m.set(vm, "__all__", r?)
}

/// Calls `_pyio.<class_name>` with the constructor's arguments `a`.
pub(super) fn construct(vm: &mut Vm, a: Args, class_name: &str) -> PyResult<Value> {
    let m = vm.import_module("_pyio")?;
    let key = vm.new_str(class_name)?;
    let cls = vm.get_attr(m, key)?;
    let ci = vm.push_temp(cls);
    let r = vm.call_args(ci, a);
    vm.pop_temps(ci);
    r
}

/// `io.BufferedRWPair(reader, writer, buffer_size=DEFAULT_BUFFER_SIZE)`.
pub(super) fn buffered_rw_pair(vm: &mut Vm, a: Args) -> PyResult<Value> {
    construct(vm, a, "BufferedRWPair")
}

/// `io.IOBase.register(cls)`: accepted and ignored (CPython's `io` classes
/// are ABCs; pyvm's are the native types, so `_pyio`'s classes register
/// without becoming virtual subclasses).
pub(crate) const IO_REGISTER_NATIVES: crate::runtime::builtins::NativeTable = &[(
    "register",
    crate::runtime::builtins::Place::Method(crate::runtime::types::TypeId::IOBase),
    register,
)];

fn register(vm: &mut Vm, a: Args) -> PyResult<Value> {
    // Reached through the class, so the registered class is the receiver.
    crate::runtime::builtins::arity(vm, &a, "register", 1, 2)?;
    Ok(a.get(vm, a.npos(vm) - 1))
}

thread_local! {
    /// Set while `_pyio` is being imported (its classes are not yet there).
    static IMPORTING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// The abstract `io` classes and their `_pyio` counterparts.
const ABSTRACT: [(crate::runtime::types::TypeId, &str); 4] = [
    (crate::runtime::types::TypeId::IOBase, "IOBase"),
    (crate::runtime::types::TypeId::RawIOBase, "RawIOBase"),
    (
        crate::runtime::types::TypeId::BufferedIOBase,
        "BufferedIOBase",
    ),
    (crate::runtime::types::TypeId::TextIOBase, "TextIOBase"),
];

/// The concrete `io` classes a Python class may derive from: the class
/// gets `_pyio`'s class of the same name as its base instead (doctest's
/// `_SpoofOut(StringIO)`, tarfile's `ExFileObject(BufferedReader)`), so
/// its instances are `_pyio` streams, not native ones.
pub(crate) const CONCRETE: [(crate::runtime::types::TypeId, &str); 7] = [
    (crate::runtime::types::TypeId::FileIO, "FileIO"),
    (
        crate::runtime::types::TypeId::BufferedReader,
        "BufferedReader",
    ),
    (
        crate::runtime::types::TypeId::BufferedWriter,
        "BufferedWriter",
    ),
    (
        crate::runtime::types::TypeId::BufferedRandom,
        "BufferedRandom",
    ),
    (
        crate::runtime::types::TypeId::TextIOWrapper,
        "TextIOWrapper",
    ),
    (crate::runtime::types::TypeId::StringIO, "StringIO"),
    (crate::runtime::types::TypeId::BytesIO, "BytesIO"),
];

/// Whether `b` is one of the [`CONCRETE`] native stream classes.
pub(crate) fn is_concrete_io(vm: &Vm, b: Value) -> bool {
    CONCRETE.iter().any(|(t, _)| vm.ty(*t) == b)
}

/// The bases for a class statement deriving from an abstract `io` class
/// (`class SocketIO(io.RawIOBase)`): each such base is preceded by
/// `_pyio`'s class of the same name, whose Python methods (`closed`,
/// `close`, `read` over `readinto`, `readline`, iteration, the `_check*`
/// helpers...) are CPython's semantics for objects that are not native
/// streams. None when nothing changes.
pub(crate) fn pyio_bases(vm: &mut Vm, bases: &[Value]) -> PyResult<Option<Value>> {
    let wanted: Vec<&str> = bases
        .iter()
        .filter_map(|&b| {
            ABSTRACT
                .iter()
                .chain(CONCRETE.iter())
                .find(|(t, _)| vm.ty(*t) == b)
                .map(|p| p.1)
        })
        .collect();
    let replaced: Vec<bool> = bases.iter().map(|&b| is_concrete_io(vm, b)).collect();
    if wanted.is_empty() || IMPORTING.with(|c| c.get()) {
        return Ok(None);
    }
    // The bases, rooted (importing allocates), then for each the `_pyio`
    // class to put before it (EMPTY for none).
    let mark = vm.temps_len();
    for &b in bases {
        vm.push_temp(b);
    }
    IMPORTING.with(|c| c.set(true));
    let m = vm.import_module("_pyio");
    IMPORTING.with(|c| c.set(false));
    let m = match m {
        Ok(m) => m,
        Err(e) => {
            vm.pop_temps(mark);
            return Err(e);
        }
    };
    let mi = vm.push_temp(m);
    let r = (|| {
        let mut changed = false;
        for i in 0..bases.len() {
            let b = vm.temp(mark + i);
            let mut extra = Value::EMPTY;
            if let Some(&(_, name)) = ABSTRACT
                .iter()
                .chain(CONCRETE.iter())
                .find(|(t, _)| vm.ty(*t) == b)
            {
                let key = vm.new_str(name)?;
                let py = vm.get_attr(vm.temp(mi), key)?;
                // Already there (a metaclass re-entering type.__new__).
                if !(0..bases.len()).any(|j| vm.temp(mark + j) == py) {
                    extra = py;
                    changed = true;
                }
            }
            vm.push_temp(extra);
        }
        if !changed {
            return Ok(None);
        }
        let mut items = Vec::new();
        for (i, &replace) in replaced.iter().enumerate() {
            let e = vm.temp(mi + 1 + i);
            if !e.is_empty() {
                items.push(e);
            }
            if !replace || e.is_empty() {
                items.push(vm.temp(mark + i));
            }
        }
        vm.new_tuple(&items).map(Some)
    })();
    vm.pop_temps(mark);
    r
}

/// `io.IOBase.close(obj)` for an object that is not a native stream (a
/// Python subclass calling the base explicitly, as `socket.SocketIO`
/// does): `_pyio.IOBase.close`.
pub(super) fn close_python_object(vm: &mut Vm, obj: Value) -> PyResult<Value> {
    let oi = vm.push_temp(obj);
    let r = (|| {
        let m = vm.import_module("_pyio")?;
        let key = vm.new_str("IOBase")?;
        let cls = vm.get_attr(m, key)?;
        let key = vm.new_str("close")?;
        let f = vm.get_attr(cls, key)?;
        vm.call_value(f, &[vm.temp(oi)])
    })();
    vm.pop_temps(oi);
    r
}
/// The function `meth` of the first `_pyio` class in the MRO of `cls`
/// that defines it.
pub(super) fn pyio_method(vm: &mut Vm, cls: Value, meth: &str) -> PyResult<Option<Value>> {
    use crate::runtime::layout::TypeField;
    let mro = vm
        .tuple_items(vm.field(cls, TypeField::Mro as usize))
        .to_vec();
    let mark = vm.temps_len();
    vm.roots().temps.extend_from_slice(&mro);
    let r = (|| {
        for i in 0..mro.len() {
            let d = vm.field(vm.temp(mark + i), TypeField::Dict as usize);
            let module = vm.dict_get_str(d, "__module__")?;
            if !module.is_some_and(|m| vm.is_str(m) && vm.str_text(m) == "_pyio") {
                continue;
            }
            let d = vm.field(vm.temp(mark + i), TypeField::Dict as usize);
            if let Some(f) = vm.dict_get_str(d, meth)? {
                return Ok(Some(f));
            }
        }
        Ok(None)
    })();
    vm.pop_temps(mark);
    r
}

/// `_pyio` classes whose instances are not instances of the native class
/// a `_pyio` base of theirs stands for: in `_pyio`, `StringIO` derives
/// from `TextIOWrapper` and `BufferedRandom` from `BufferedReader` and
/// `BufferedWriter`; in CPython's `io` they do not.
const NOT_UNDER: [(&str, &str); 3] = [
    ("TextIOWrapper", "StringIO"),
    ("BufferedReader", "BufferedRandom"),
    ("BufferedWriter", "BufferedRandom"),
];

/// Whether the class `cls` stands for a subclass of the native `io`
/// class `spec` through `_pyio`: Python subclasses of the concrete `io`
/// classes (and the streams the constructors make over Python objects)
/// are `_pyio` classes, so `isinstance(x, io.StringIO)` and
/// `issubclass(X, io.BufferedReader)` ask about `_pyio`'s class of the
/// same name. `_pyio` is not imported for this: without it no such class
/// exists. Called only after the ordinary check said no.
pub(crate) fn pyio_subclass(vm: &mut Vm, cls: Value, spec: Value) -> PyResult<bool> {
    let Some(&(_, name)) = ABSTRACT
        .iter()
        .chain(CONCRETE.iter())
        .find(|(t, _)| vm.ty(*t) == spec)
    else {
        return Ok(false);
    };
    if vm.kind_of(cls) != Some(crate::runtime::layout::Kind::Type) {
        return Ok(false);
    }
    let ci = vm.push_temp(cls);
    let r = (|| {
        let Some(m) = vm.sys_modules_get("_pyio")? else {
            return Ok(false);
        };
        if vm.kind_of(m) != Some(crate::runtime::layout::Kind::Module) {
            return Ok(false);
        }
        let mi = vm.push_temp(m);
        let d = vm.field(m, 0);
        let Some(py) = vm.dict_get_str(d, name)? else {
            return Ok(false);
        };
        if !vm.is_subclass(vm.temp(ci), py) {
            return Ok(false);
        }
        for (under, excluded) in NOT_UNDER {
            if under != name {
                continue;
            }
            let d = vm.field(vm.temp(mi), 0);
            if let Some(ex) = vm.dict_get_str(d, excluded)?
                && vm.is_subclass(vm.temp(ci), ex)
            {
                return Ok(false);
            }
        }
        Ok(true)
    })();
    vm.pop_temps(ci);
    r
}
