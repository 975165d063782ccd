//! `object.__lt__`, `__le__`, `__gt__`, `__ge__`: they exist (so that
//! `x.__lt__(y)` and `functools.total_ordering`'s `getattr(object, op)`
//! see them) and answer NotImplemented, as CPython's `object_richcompare`.

use pyvm_objmodel::Value;

use super::super::call::Args;
use super::super::exception::PyResult;
use super::super::heap::Vm;
use super::super::types::TypeId;
use super::{NativeTable, Place};

/// Natives of this file.
pub(crate) const OBJECT_ORDER: NativeTable = &[
    ("__lt__", Place::Method(TypeId::Object), object_lt),
    ("__le__", Place::Method(TypeId::Object), object_le),
    ("__gt__", Place::Method(TypeId::Object), object_gt),
    ("__ge__", Place::Method(TypeId::Object), object_ge),
];

fn order(vm: &mut Vm, a: &Args, name: &str) -> PyResult<Value> {
    let n = a.npos(vm);
    if n == 0 {
        return Err(vm.type_error(&format!(
            "descriptor '{name}' of 'object' object needs an argument"
        )));
    }
    if n != 2 || a.nkw(vm) > 0 {
        return Err(vm.type_error(&format!("expected 1 argument, got {}", n - 1)));
    }
    Ok(Value::NOT_IMPLEMENTED)
}

fn object_lt(vm: &mut Vm, a: Args) -> PyResult<Value> {
    order(vm, &a, "__lt__")
}
fn object_le(vm: &mut Vm, a: Args) -> PyResult<Value> {
    order(vm, &a, "__le__")
}
fn object_gt(vm: &mut Vm, a: Args) -> PyResult<Value> {
    order(vm, &a, "__gt__")
}
fn object_ge(vm: &mut Vm, a: Args) -> PyResult<Value> {
    order(vm, &a, "__ge__")
}
