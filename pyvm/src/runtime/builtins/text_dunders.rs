//! The special methods of `str`, `bytes` and `bytearray` as callable
//! attributes (`s.__len__()`, `ba.__setitem__(i, x)`, `str.__mod__`), each
//! the operation the interpreter performs for the syntax.

use pyvm_objmodel::Value;

use super::super::call::Args;
use super::super::exception::PyResult;
use super::super::heap::Vm;
use super::super::layout::Kind;
use super::super::ops::BinOp;
use super::super::types::TypeId;
use super::native_args::{noargs, one, recv};
use super::{NativeTable, Place};

const S: Place = Place::Method(TypeId::Str);
const B: Place = Place::Method(TypeId::Bytes);
const BA: Place = Place::Method(TypeId::ByteArray);

/// The natives of this file.
pub(crate) const TEXT_DUNDERS: NativeTable = &[
    ("__len__", S, d_len),
    ("__len__", B, d_len),
    ("__len__", BA, d_len),
    ("__getitem__", S, d_getitem),
    ("__getitem__", B, d_getitem),
    ("__getitem__", BA, d_getitem),
    ("__contains__", S, d_contains),
    ("__contains__", B, d_contains),
    ("__contains__", BA, d_contains),
    ("__iter__", S, d_iter),
    ("__iter__", B, d_iter),
    ("__iter__", BA, d_iter),
    ("__add__", S, d_add),
    ("__add__", B, d_add),
    ("__add__", BA, d_add),
    ("__mul__", S, d_mul),
    ("__mul__", B, d_mul),
    ("__mul__", BA, d_mul),
    ("__rmul__", S, d_mul),
    ("__rmul__", B, d_mul),
    ("__rmul__", BA, d_mul),
    ("__mod__", S, d_mod),
    ("__mod__", B, d_mod),
    ("__mod__", BA, d_mod),
    ("__setitem__", BA, d_setitem),
    ("__delitem__", BA, d_delitem),
];

/// The receiver and its type name.
fn me(vm: &mut Vm, a: &Args, meth: &str) -> PyResult<(Value, &'static str)> {
    let t = match a.npos(vm).checked_sub(1).map(|_| vm.kind_of(a.get(vm, 0))) {
        Some(Some(Kind::Bytes)) => "bytes",
        Some(Some(Kind::ByteArray)) => "bytearray",
        _ => "str",
    };
    let kinds: &[Kind] = match t {
        "bytes" => &[Kind::Bytes],
        "bytearray" => &[Kind::ByteArray],
        _ => &[Kind::Str],
    };
    let v = recv(vm, a, kinds, t, meth)?;
    Ok((v, t))
}

fn d_len(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (v, t) = me(vm, &a, "__len__")?;
    noargs(vm, &a, &format!("{t}.__len__"))?;
    let _ = v;
    let n = vm.len_of(a.get(vm, 0))?;
    vm.new_i64(n as i64)
}

fn d_getitem(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, t) = me(vm, &a, "__getitem__")?;
    let k = one(vm, &a, &format!("{t}.__getitem__"))?;
    vm.get_item(a.get(vm, 0), k)
}

fn d_contains(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, t) = me(vm, &a, "__contains__")?;
    let k = one(vm, &a, &format!("{t}.__contains__"))?;
    vm.contains(a.get(vm, 0), k).map(Value::from_bool)
}

fn d_iter(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, t) = me(vm, &a, "__iter__")?;
    noargs(vm, &a, &format!("{t}.__iter__"))?;
    vm.get_iter(a.get(vm, 0))
}

/// A binary operator method: NotImplemented where the operation would
/// fall back to the other operand.
fn binary(vm: &mut Vm, a: Args, meth: &str, op: BinOp) -> PyResult<Value> {
    let (_, t) = me(vm, &a, meth)?;
    let x = one(vm, &a, &format!("{t}.{meth}"))?;
    let s = a.get(vm, 0);
    if op == BinOp::Mul && (vm.index_value(x).is_none() || x.as_float().is_some()) {
        super::native_args::index_arg(vm, x)?;
        let t = vm.type_name(x);
        return Err(vm.type_error(&format!("'{t}' object cannot be interpreted as an integer")));
    }
    vm.binary_op(op, s, x)
}

fn d_add(vm: &mut Vm, a: Args) -> PyResult<Value> {
    binary(vm, a, "__add__", BinOp::Add)
}

fn d_mul(vm: &mut Vm, a: Args) -> PyResult<Value> {
    binary(vm, a, "__mul__", BinOp::Mul)
}

fn d_mod(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, t) = me(vm, &a, "__mod__")?;
    let x = one(vm, &a, &format!("{t}.__mod__"))?;
    vm.percent_format(a.get(vm, 0), x)
}

fn d_setitem(vm: &mut Vm, a: Args) -> PyResult<Value> {
    recv(vm, &a, &[Kind::ByteArray], "bytearray", "__setitem__")?;
    let n = a.npos(vm) - 1;
    if n != 2 || a.nkw(vm) > 0 {
        return Err(vm.type_error(&format!("expected 2 arguments, got {n}")));
    }
    vm.set_item(a.get(vm, 0), a.get(vm, 1), a.get(vm, 2))?;
    Ok(Value::NONE)
}

fn d_delitem(vm: &mut Vm, a: Args) -> PyResult<Value> {
    recv(vm, &a, &[Kind::ByteArray], "bytearray", "__delitem__")?;
    let k = one(vm, &a, "bytearray.__delitem__")?;
    vm.del_item(a.get(vm, 0), k)?;
    Ok(Value::NONE)
}
