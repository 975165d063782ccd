//! `int.__new__`, `float.__new__`, `complex.__new__`: they exist in the
//! types' dicts as in CPython (the stdlib's `enum` finds a mixed-in data
//! type by looking for `__new__` in a base's `__dict__`), make the value
//! with the type's constructor, and box it for a subclass
//! (`Vm::new_boxed_number`).

use pyvm_objmodel::Value;

use super::super::call::Args;
use super::super::exception::PyResult;
use super::super::heap::Vm;
use super::super::layout::Kind;
use super::super::types::TypeId;
use super::{NativeTable, Place};

pub(crate) const NUM_NEW: NativeTable = &[
    ("__new__", Place::Method(TypeId::Int), int_new),
    ("__new__", Place::Method(TypeId::Float), float_new),
    ("__new__", Place::Method(TypeId::Complex), complex_new),
    ("__repr__", Place::Method(TypeId::Int), num_repr),
    ("__repr__", Place::Method(TypeId::Float), num_repr),
    ("__repr__", Place::Method(TypeId::Complex), num_repr),
];

/// `int.__repr__(x)` and friends: the number's own repr, also for an
/// instance of a subclass (json's encoder and `IntFlag.__str__` call
/// `int.__repr__` directly).
fn num_repr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if a.npos(vm) != 1 {
        return Err(vm.type_error("expected 1 argument"));
    }
    let v = a.get(vm, 0);
    let v = vm.boxed_number(v).unwrap_or(v);
    // `int.__repr__(True)` is the int's repr.
    if let Some(b) = v.as_bool() {
        return vm.new_str(if b { "1" } else { "0" });
    }
    let s = vm.repr_string(v)?;
    vm.new_str(&s)
}

fn num_new(vm: &mut Vm, a: Args, t: TypeId) -> PyResult<Value> {
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
    let rest = Args {
        start: a.start + 1,
        n: a.n - 1,
        kw: a.kw,
    };
    if cls == vm.ty(t) {
        let ctor = super::constructor_for(vm, cls).expect("numeric constructor");
        return ctor(vm, rest);
    }
    match vm.new_boxed_number(a.start, rest)? {
        Some(v) => Ok(v),
        None => Err(vm.type_error(&format!("{tn}.__new__(): not a numeric subtype"))),
    }
}

fn int_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    num_new(vm, a, TypeId::Int)
}

fn float_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    num_new(vm, a, TypeId::Float)
}

fn complex_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    num_new(vm, a, TypeId::Complex)
}
