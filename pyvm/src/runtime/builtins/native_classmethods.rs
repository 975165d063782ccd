//! Class methods of builtin types (`int.from_bytes`, `float.fromhex`,
//! `bytes.fromhex`, `bytearray.fromhex`, `dict.fromkeys`). Their natives receive the class
//! first, as a `classmethod` wrapping a builtin does; on a subclass they
//! return `cls(result)`, as CPython does.

use pyvm_objmodel::Value;

use super::super::call::{Args, NativeFn};
use super::super::exception::PyResult;
use super::super::heap::Vm;
use super::super::layout::{Kind, TypeField};
use super::super::types::TypeId;

/// The class methods: the type and the name of its native.
const CLASS_METHODS: &[(TypeId, &str)] = &[
    (TypeId::Int, "from_bytes"),
    (TypeId::Float, "fromhex"),
    (TypeId::Bytes, "fromhex"),
    (TypeId::ByteArray, "fromhex"),
    (TypeId::Dict, "fromkeys"),
];

/// Wraps each native of [`CLASS_METHODS`] in its type's namespace in a
/// `classmethod`, so reading it binds the class it was read through.
pub(crate) fn wrap(vm: &mut Vm) -> PyResult<()> {
    for &(t, name) in CLASS_METHODS {
        let ns = vm.field(vm.ty(t), TypeField::Dict as usize);
        let Some(f) = vm.dict_get_str(ns, name)? else {
            continue;
        };
        let class = vm.ty(TypeId::ClassMethod);
        let cm = vm.alloc_record(Kind::ClassMethod, class, &[f, Value::EMPTY], 0)?;
        let ns = vm.field(vm.ty(t), TypeField::Dict as usize);
        vm.dict_set_str(ns, name, cm)?;
    }
    Ok(())
}

/// Runs `f` (which takes no class) on the arguments after the class, then
/// converts its result with `cls(result)` when `cls` is not `base`.
fn on_class(vm: &mut Vm, a: Args, base: TypeId, f: NativeFn) -> PyResult<Value> {
    if a.n == 0 {
        return f(vm, a);
    }
    let cls = a.get(vm, 0);
    let shifted = Args {
        start: a.start + 1,
        n: a.n - 1,
        kw: a.kw,
    };
    // A call without the class (an unwrapped reference to the native).
    if vm.kind_of(cls) != Some(Kind::Type) {
        return f(vm, a);
    }
    let r = f(vm, shifted)?;
    let cls = a.get(vm, 0);
    if cls == vm.ty(base) {
        return Ok(r);
    }
    vm.call_value(cls, &[r])
}

pub(crate) fn int_from_bytes(vm: &mut Vm, a: Args) -> PyResult<Value> {
    on_class(vm, a, TypeId::Int, super::int_methods::from_bytes)
}

pub(crate) fn float_fromhex(vm: &mut Vm, a: Args) -> PyResult<Value> {
    on_class(vm, a, TypeId::Float, super::float_methods::fromhex)
}

pub(crate) fn bytes_fromhex(vm: &mut Vm, a: Args) -> PyResult<Value> {
    on_class(vm, a, TypeId::Bytes, super::bytes_methods::bytes_fromhex)
}

pub(crate) fn bytearray_fromhex(vm: &mut Vm, a: Args) -> PyResult<Value> {
    on_class(
        vm,
        a,
        TypeId::ByteArray,
        super::bytes_methods::bytearray_fromhex,
    )
}
