//! Special methods of the builtin containers callable explicitly
//! (`list.__getitem__(l, 0)`, `l.__len__()`, `[].__iadd__(x)`): each runs
//! the operation the interpreter uses for the syntax.

use pyvm_objmodel::Value;

use super::super::call::Args;
use super::super::exception::PyResult;
use super::super::heap::Vm;
use super::super::layout::Kind;
use super::super::ops::BinOp;
use super::super::types::TypeId;
use super::list_methods::marity;
use super::{NativeTable, Place};

const L: TypeId = TypeId::List;
const T: TypeId = TypeId::Tuple;
const R: TypeId = TypeId::Range;

/// This file's natives.
pub(crate) const DUNDER_NATIVES: NativeTable = &[
    ("__getitem__", Place::Method(L), getitem),
    ("__setitem__", Place::Method(L), setitem),
    ("__delitem__", Place::Method(L), delitem),
    ("__len__", Place::Method(L), len),
    ("__contains__", Place::Method(L), contains),
    ("__iter__", Place::Method(L), iter),
    ("__add__", Place::Method(L), add),
    ("__iadd__", Place::Method(L), iadd),
    ("__mul__", Place::Method(L), mul),
    ("__getitem__", Place::Method(T), getitem),
    ("__len__", Place::Method(T), len),
    ("__contains__", Place::Method(T), contains),
    ("__iter__", Place::Method(T), iter),
    ("__add__", Place::Method(T), add),
    ("__mul__", Place::Method(T), mul),
    ("__getitem__", Place::Method(R), getitem),
    ("__len__", Place::Method(R), len),
    ("__contains__", Place::Method(R), contains),
    ("__iter__", Place::Method(R), iter),
    ("__iter__", Place::Method(TypeId::Dict), iter),
    ("__iter__", Place::Method(TypeId::Set), iter),
    ("__iter__", Place::Method(TypeId::FrozenSet), iter),
];

/// The receiver, checked to be of a container kind; `qual` names the method.
fn recv(vm: &mut Vm, a: &Args, qual: &str) -> PyResult<Value> {
    let ok = a.n > 0
        && matches!(
            vm.kind_of(a.get(vm, 0)),
            Some(Kind::List | Kind::Tuple | Kind::Range | Kind::Dict | Kind::Set | Kind::FrozenSet)
        );
    if !ok {
        let (t, m) = qual.split_once('.').unwrap_or(("object", qual));
        let got = if a.n == 0 {
            "nothing".to_string()
        } else {
            format!("a '{}' object", vm.type_name(a.get(vm, 0)))
        };
        return Err(vm.type_error(&format!(
            "descriptor '{m}' for '{t}' objects doesn't apply to {got}"
        )));
    }
    Ok(a.get(vm, 0))
}

fn qual(vm: &Vm, a: &Args, name: &str) -> String {
    let t = if a.n > 0 {
        vm.type_name(a.get(vm, 0))
    } else {
        "object".into()
    };
    format!("{t}.{name}")
}

/// `seq.__getitem__(key)`.
pub fn getitem(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let q = qual(vm, &a, "__getitem__");
    marity(vm, &a, &q, 1, 1)?;
    let s = recv(vm, &a, &q)?;
    vm.get_item(s, a.get(vm, 1))
}

/// `list.__setitem__(key, value)`.
pub fn setitem(vm: &mut Vm, a: Args) -> PyResult<Value> {
    marity(vm, &a, "list.__setitem__", 2, 2)?;
    let s = recv(vm, &a, "list.__setitem__")?;
    vm.set_item(s, a.get(vm, 1), a.get(vm, 2))?;
    Ok(Value::NONE)
}

/// `list.__delitem__(key)`.
pub fn delitem(vm: &mut Vm, a: Args) -> PyResult<Value> {
    marity(vm, &a, "list.__delitem__", 1, 1)?;
    let s = recv(vm, &a, "list.__delitem__")?;
    vm.del_item(s, a.get(vm, 1))?;
    Ok(Value::NONE)
}

/// `c.__len__()`.
pub fn len(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let q = qual(vm, &a, "__len__");
    marity(vm, &a, &q, 0, 0)?;
    let s = recv(vm, &a, &q)?;
    let n = vm.len_of(s)?;
    vm.new_i64(n as i64)
}

/// `c.__contains__(x)`.
pub fn contains(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let q = qual(vm, &a, "__contains__");
    marity(vm, &a, &q, 1, 1)?;
    let s = recv(vm, &a, &q)?;
    vm.contains(s, a.get(vm, 1)).map(Value::from_bool)
}

/// `c.__iter__()`.
pub fn iter(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let q = qual(vm, &a, "__iter__");
    marity(vm, &a, &q, 0, 0)?;
    let s = recv(vm, &a, &q)?;
    vm.get_iter(s)
}

/// `seq.__add__(other)`.
pub fn add(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let q = qual(vm, &a, "__add__");
    marity(vm, &a, &q, 1, 1)?;
    let s = recv(vm, &a, &q)?;
    if vm.kind_of(s) != vm.kind_of(a.get(vm, 1)) {
        let (t, o) = (vm.type_name(s), vm.type_name(a.get(vm, 1)));
        return Err(vm.type_error(&format!("can only concatenate {t} (not \"{o}\") to {t}")));
    }
    vm.binary_op(BinOp::Add, s, a.get(vm, 1))
}

/// `list.__iadd__(iterable)`: extends in place, returns the list.
pub fn iadd(vm: &mut Vm, a: Args) -> PyResult<Value> {
    marity(vm, &a, "list.__iadd__", 1, 1)?;
    let s = recv(vm, &a, "list.__iadd__")?;
    vm.list_extend(s, a.get(vm, 1))?;
    Ok(a.get(vm, 0))
}

/// `seq.__mul__(n)`: NotImplemented for non-integers.
pub fn mul(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let q = qual(vm, &a, "__mul__");
    marity(vm, &a, &q, 1, 1)?;
    let s = recv(vm, &a, &q)?;
    if vm.index_value(a.get(vm, 1)).is_none() {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    vm.binary_op(BinOp::Mul, s, a.get(vm, 1))
}
