//! `__new__` and `__init__` of the subclassable builtin types, and the
//! special methods a subclass reaches through `super()` or `base.__x__`
//! (`dict.__repr__(self)`, `tuple.__eq__`, `str.__str__`...). Instances of
//! subclasses are laid out as their base (see `runtime/subclass.rs`).

use pyvm_objmodel::Value;

use super::super::call::Args;
use super::super::exception::PyResult;
use super::super::heap::Vm;
use super::super::layout::{Kind, PROP_FIELDS};
use super::super::ops::CmpOp;
use super::super::types::TypeId;
use super::{NativeTable, Place};

const TU: TypeId = TypeId::Tuple;
const LI: TypeId = TypeId::List;
const DI: TypeId = TypeId::Dict;
const SE: TypeId = TypeId::Set;
const FS: TypeId = TypeId::FrozenSet;
const ST: TypeId = TypeId::Str;
const BY: TypeId = TypeId::Bytes;
const BA: TypeId = TypeId::ByteArray;
const CM: TypeId = TypeId::ClassMethod;
const SM: TypeId = TypeId::StaticMethod;
const PR: TypeId = TypeId::Property;

macro_rules! cmp_entries {
    ($($t:ident),*) => {
        [$(
            ("__eq__", Place::Method($t), cmp_eq as super::super::call::NativeFn),
            ("__ne__", Place::Method($t), cmp_ne),
            ("__lt__", Place::Method($t), cmp_lt),
            ("__le__", Place::Method($t), cmp_le),
            ("__gt__", Place::Method($t), cmp_gt),
            ("__ge__", Place::Method($t), cmp_ge),
        )*]
    };
}

/// The natives of this file.
pub(crate) const SUBCLASS_NATIVES: NativeTable = &[
    ("__new__", Place::Method(TU), new_tuple),
    ("__new__", Place::Method(LI), new_list),
    ("__new__", Place::Method(DI), new_dict),
    ("__new__", Place::Method(SE), new_set),
    ("__new__", Place::Method(FS), new_frozenset),
    ("__new__", Place::Method(ST), new_str),
    ("__new__", Place::Method(BY), new_bytes),
    ("__new__", Place::Method(BA), new_bytearray),
    ("__new__", Place::Method(CM), new_classmethod),
    ("__new__", Place::Method(SM), new_staticmethod),
    ("__new__", Place::Method(PR), new_property),
    ("__init__", Place::Method(LI), init_list),
    ("__init__", Place::Method(DI), init_dict),
    ("__init__", Place::Method(SE), init_set),
    ("__init__", Place::Method(BA), init_bytearray),
    ("__init__", Place::Method(CM), init_callable_wrapper),
    ("__init__", Place::Method(SM), init_callable_wrapper),
    ("__init__", Place::Method(PR), init_property),
    ("__repr__", Place::Method(TU), base_repr),
    ("__repr__", Place::Method(LI), base_repr),
    ("__repr__", Place::Method(DI), base_repr),
    ("__repr__", Place::Method(SE), base_repr),
    ("__repr__", Place::Method(FS), base_repr),
    ("__repr__", Place::Method(ST), base_repr),
    ("__repr__", Place::Method(BY), base_repr),
    ("__repr__", Place::Method(BA), base_repr),
    ("__str__", Place::Method(ST), str_str),
    ("__format__", Place::Method(ST), str_format),
    ("__hash__", Place::Method(TU), base_hash),
    ("__hash__", Place::Method(ST), base_hash),
    ("__hash__", Place::Method(BY), base_hash),
    ("__hash__", Place::Method(FS), base_hash),
];

/// Comparison natives (`list.__eq__`...), a separate table.
pub(crate) const SUBCLASS_CMP: NativeTable = &cmp_entries!(TU, LI, DI, SE, FS, ST, BY, BA);

fn rest(a: &Args) -> Args {
    Args {
        start: a.start + 1,
        n: a.n - 1,
        kw: a.kw,
    }
}

fn no_args(vm: &Vm) -> Args {
    Args {
        start: vm.temps_len(),
        n: 0,
        kw: None,
    }
}

/// Checks `T.__new__(cls, ...)`'s first argument.
fn new_cls(vm: &mut Vm, a: &Args, t: TypeId) -> PyResult<Value> {
    let tn = vm.class_name(vm.ty(t));
    if a.npos(vm) == 0 {
        return Err(vm.type_error(&format!("{tn}.__new__(): not enough arguments")));
    }
    let cls = a.get(vm, 0);
    if vm.kind_of(cls) != Some(Kind::Type) {
        let n = vm.type_name(cls);
        return Err(vm.type_error(&format!("{tn}.__new__(X): X is not a type object ({n})")));
    }
    if !vm.is_subclass(cls, vm.ty(t)) {
        let n = vm.class_name(cls);
        return Err(vm.type_error(&format!("{tn}.__new__({n}): {n} is not a subtype of {tn}")));
    }
    Ok(cls)
}

/// `T.__new__(cls, *args)`: `base` makes the value of the exact type.
fn base_new(
    vm: &mut Vm,
    a: Args,
    t: TypeId,
    kind: Kind,
    base: fn(&mut Vm, Args) -> PyResult<Value>,
) -> PyResult<Value> {
    new_cls(vm, &a, t)?;
    let v = base(vm, rest(&a))?;
    let cls = a.get(vm, 0);
    if cls == vm.ty(t) {
        return Ok(v);
    }
    vm.rebox(v, cls, kind)
}

fn ctor(vm: &Vm, t: TypeId) -> fn(&mut Vm, Args) -> PyResult<Value> {
    super::constructor_for(vm, vm.ty(t)).expect("builtin constructor")
}

fn new_tuple(vm: &mut Vm, a: Args) -> PyResult<Value> {
    base_new(vm, a, TU, Kind::Tuple, |vm, r| ctor(vm, TU)(vm, r))
}

fn new_str(vm: &mut Vm, a: Args) -> PyResult<Value> {
    base_new(vm, a, ST, Kind::Str, |vm, r| ctor(vm, ST)(vm, r))
}

fn new_bytes(vm: &mut Vm, a: Args) -> PyResult<Value> {
    base_new(vm, a, BY, Kind::Bytes, |vm, r| ctor(vm, BY)(vm, r))
}

fn new_frozenset(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let cls = new_cls(vm, &a, FS)?;
    if cls == vm.ty(FS) {
        return ctor(vm, FS)(vm, rest(&a));
    }
    // A fresh set (never a shared frozenset) whose box the copy takes.
    base_new(vm, a, FS, Kind::FrozenSet, |vm, r| {
        if r.nkw(vm) > 0 {
            return Err(vm.type_error("frozenset() takes no keyword arguments"));
        }
        if r.n > 1 {
            return Err(vm.type_error(&format!(
                "frozenset expected at most 1 argument, got {}",
                r.n
            )));
        }
        ctor(vm, SE)(vm, r)
    })
}

fn new_list(vm: &mut Vm, a: Args) -> PyResult<Value> {
    base_new(vm, a, LI, Kind::List, |vm, _| vm.new_list(&[]))
}

fn new_dict(vm: &mut Vm, a: Args) -> PyResult<Value> {
    base_new(vm, a, DI, Kind::Dict, |vm, _| vm.new_dict())
}

fn new_set(vm: &mut Vm, a: Args) -> PyResult<Value> {
    base_new(vm, a, SE, Kind::Set, |vm, _| ctor(vm, SE)(vm, no_args(vm)))
}

fn new_bytearray(vm: &mut Vm, a: Args) -> PyResult<Value> {
    base_new(vm, a, BA, Kind::ByteArray, |vm, _| {
        ctor(vm, BA)(vm, no_args(vm))
    })
}

fn new_classmethod(vm: &mut Vm, a: Args) -> PyResult<Value> {
    base_new(vm, a, CM, Kind::ClassMethod, |vm, r| {
        let class = vm.ty(CM);
        let f = if r.npos(vm) > 0 {
            r.get(vm, 0)
        } else {
            Value::NONE
        };
        vm.alloc_record(Kind::ClassMethod, class, &[f, Value::EMPTY], 0)
    })
}

fn new_staticmethod(vm: &mut Vm, a: Args) -> PyResult<Value> {
    base_new(vm, a, SM, Kind::StaticMethod, |vm, r| {
        let class = vm.ty(SM);
        let f = if r.npos(vm) > 0 {
            r.get(vm, 0)
        } else {
            Value::NONE
        };
        vm.alloc_record(Kind::StaticMethod, class, &[f, Value::EMPTY], 0)
    })
}

fn new_property(vm: &mut Vm, a: Args) -> PyResult<Value> {
    base_new(vm, a, PR, Kind::Property, |vm, _| {
        let class = vm.ty(PR);
        vm.alloc_record(Kind::Property, class, &[Value::NONE; PROP_FIELDS], 0)
    })
}

/// The receiver of `T.__init__(self, ...)`, checked.
fn init_self(vm: &mut Vm, a: &Args, t: TypeId, kind: Kind) -> PyResult<Value> {
    let tn = vm.class_name(vm.ty(t));
    if a.npos(vm) == 0 {
        return Err(vm.type_error(&format!(
            "descriptor '__init__' of '{tn}' object needs an argument"
        )));
    }
    let s = a.get(vm, 0);
    if vm.kind_of(s) != Some(kind) {
        let n = vm.type_name(s);
        return Err(vm.type_error(&format!(
            "descriptor '__init__' requires a '{tn}' object but received a '{n}'"
        )));
    }
    Ok(s)
}

fn init_list(vm: &mut Vm, a: Args) -> PyResult<Value> {
    init_self(vm, &a, LI, Kind::List)?;
    let l = ctor(vm, LI)(vm, rest(&a))?;
    let items = vm.list_vec(l).clone();
    let s = a.get(vm, 0);
    *vm.list_vec(s) = items;
    // SAFETY: `s` was just read from the arguments' temps.
    unsafe { vm.barrier(s) };
    Ok(Value::NONE)
}

fn init_dict(vm: &mut Vm, a: Args) -> PyResult<Value> {
    init_self(vm, &a, DI, Kind::Dict)?;
    let d = ctor(vm, DI)(vm, rest(&a))?;
    let di = vm.push_temp(d);
    let r = (|| {
        let items: Vec<(Value, Value)> = vm.dict_mut(vm.temp(di)).items(&vm.keys()).collect();
        let m = vm.temps_len();
        for (k, v) in &items {
            vm.push_temp(*k);
            vm.push_temp(*v);
        }
        for i in 0..items.len() {
            let (k, v) = (vm.temp(m + 2 * i), vm.temp(m + 2 * i + 1));
            vm.dict_set(a.get(vm, 0), k, v)?;
        }
        Ok(Value::NONE)
    })();
    vm.pop_temps(di);
    r
}

fn init_set(vm: &mut Vm, a: Args) -> PyResult<Value> {
    init_self(vm, &a, SE, Kind::Set)?;
    let n = rest(&a);
    if n.nkw(vm) > 0 {
        return Err(vm.type_error("set() takes no keyword arguments"));
    }
    let s = ctor(vm, SE)(vm, n)?;
    let si = vm.push_temp(s);
    let r = (|| {
        let keys = vm.set_keys(vm.temp(si));
        let m = vm.temps_len();
        vm.roots().temps.extend_from_slice(&keys);
        vm.dict_mut(a.get(vm, 0)).clear();
        for i in 0..keys.len() {
            vm.set_add_value(a.get(vm, 0), vm.temp(m + i))?;
        }
        Ok(Value::NONE)
    })();
    vm.pop_temps(si);
    r
}

fn init_bytearray(vm: &mut Vm, a: Args) -> PyResult<Value> {
    init_self(vm, &a, BA, Kind::ByteArray)?;
    let b = ctor(vm, BA)(vm, rest(&a))?;
    let data = vm.bytearray_vec(b).clone();
    let s = a.get(vm, 0);
    *vm.bytearray_vec(s) = data;
    Ok(Value::NONE)
}

fn init_callable_wrapper(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = a.get(vm, 0);
    let (t, kind) = match vm.kind_of(s) {
        Some(Kind::StaticMethod) => (SM, Kind::StaticMethod),
        _ => (CM, Kind::ClassMethod),
    };
    init_self(vm, &a, t, kind)?;
    let tn = vm.class_name(vm.ty(t));
    if a.nkw(vm) > 0 {
        return Err(vm.type_error(&format!("{tn}() takes no keyword arguments")));
    }
    if a.n != 2 {
        return Err(vm.type_error(&format!("{tn} expected 1 argument, got {}", a.n - 1)));
    }
    let (s, f) = (a.get(vm, 0), a.get(vm, 1));
    vm.set_field(s, 0, f);
    Ok(Value::NONE)
}

fn init_property(vm: &mut Vm, a: Args) -> PyResult<Value> {
    init_self(vm, &a, PR, Kind::Property)?;
    let p = ctor(vm, PR)(vm, rest(&a))?;
    let s = a.get(vm, 0);
    for i in 0..PROP_FIELDS {
        let x = vm.field(p, i);
        vm.set_field(s, i, x);
    }
    Ok(Value::NONE)
}

/// The receiver of a base special method: an instance of the base's kind.
fn recv(vm: &mut Vm, a: &Args, name: &str) -> PyResult<Value> {
    if a.npos(vm) == 0 {
        return Err(vm.type_error(&format!(
            "descriptor '{name}' of 'object' object needs an argument"
        )));
    }
    Ok(a.get(vm, 0))
}

fn base_repr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = recv(vm, &a, "__repr__")?;
    let text = vm.repr_string(s)?;
    vm.new_str(&text)
}

fn str_str(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = recv(vm, &a, "__str__")?;
    if !vm.is_str(s) {
        let n = vm.type_name(s);
        return Err(vm.type_error(&format!(
            "descriptor '__str__' requires a 'str' object but received a '{n}'"
        )));
    }
    vm.exact_str(s)
}

/// `str.__format__(self, spec)`: `str(self)` for an empty spec, else the
/// text formatted by the spec.
fn str_format(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = recv(vm, &a, "__format__")?;
    if !vm.is_str(s) || a.n != 2 || !vm.is_str(a.get(vm, 1)) {
        return Err(vm.type_error("str.__format__() takes a str self and a str format spec"));
    }
    if vm.str_bytes(a.get(vm, 1)).is_empty() {
        return vm.str_value(s);
    }
    let e = vm.exact_str(s)?;
    vm.format_value(e, a.get(vm, 1))
}

fn base_hash(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = recv(vm, &a, "__hash__")?;
    let h = vm.py_hash_full(s)?;
    vm.new_i64(h)
}

/// Whether `a` and `b` are of kinds the base comparison handles.
fn comparable(vm: &Vm, a: Value, b: Value) -> bool {
    let (ka, kb) = (vm.kind_of(a), vm.kind_of(b));
    match ka {
        Some(Kind::Set | Kind::FrozenSet) => matches!(kb, Some(Kind::Set | Kind::FrozenSet)),
        Some(Kind::Bytes | Kind::ByteArray) => matches!(kb, Some(Kind::Bytes | Kind::ByteArray)),
        Some(k) => kb == Some(k),
        None => false,
    }
}

fn base_cmp(vm: &mut Vm, a: Args, op: CmpOp, name: &str) -> PyResult<Value> {
    let s = recv(vm, &a, name)?;
    if a.n != 2 {
        return Err(vm.type_error(&format!(
            "expected 1 argument, got {}",
            a.n.saturating_sub(1)
        )));
    }
    let o = a.get(vm, 1);
    if !comparable(vm, s, o)
        || (vm.kind_of(s) == Some(Kind::Dict) && !matches!(op, CmpOp::Eq | CmpOp::Ne))
    {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    vm.compare(op, s, o)
}

fn cmp_eq(vm: &mut Vm, a: Args) -> PyResult<Value> {
    base_cmp(vm, a, CmpOp::Eq, "__eq__")
}
fn cmp_ne(vm: &mut Vm, a: Args) -> PyResult<Value> {
    base_cmp(vm, a, CmpOp::Ne, "__ne__")
}
fn cmp_lt(vm: &mut Vm, a: Args) -> PyResult<Value> {
    base_cmp(vm, a, CmpOp::Lt, "__lt__")
}
fn cmp_le(vm: &mut Vm, a: Args) -> PyResult<Value> {
    base_cmp(vm, a, CmpOp::Le, "__le__")
}
fn cmp_gt(vm: &mut Vm, a: Args) -> PyResult<Value> {
    base_cmp(vm, a, CmpOp::Gt, "__gt__")
}
fn cmp_ge(vm: &mut Vm, a: Args) -> PyResult<Value> {
    base_cmp(vm, a, CmpOp::Ge, "__ge__")
}
