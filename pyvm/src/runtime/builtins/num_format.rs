//! `int.__format__` and `float.__format__` as natives, so that the
//! classes that copy them (`enum`'s `IntEnum.__format__ = int.__format__`)
//! and explicit calls on subclass instances format the number.

use pyvm_objmodel::Value;

use super::super::call::Args;
use super::super::exception::PyResult;
use super::super::heap::Vm;
use super::super::types::TypeId;
use super::{NativeTable, Place, arity};

/// Natives of this file.
pub(crate) const NUM_FORMAT: NativeTable = &[
    ("__format__", Place::Method(TypeId::Int), int_format),
    ("__format__", Place::Method(TypeId::Float), float_format),
];

fn int_format(vm: &mut Vm, a: Args) -> PyResult<Value> {
    number_format(vm, a, TypeId::Int, "int")
}

fn float_format(vm: &mut Vm, a: Args) -> PyResult<Value> {
    number_format(vm, a, TypeId::Float, "float")
}

/// `T.__format__(self, spec)`: an empty spec is `str(self)` (a subclass's
/// own `__str__` included, as CPython); otherwise the value is formatted
/// with the type's format-spec language.
fn number_format(vm: &mut Vm, a: Args, t: TypeId, tname: &str) -> PyResult<Value> {
    if a.npos(vm) == 0 {
        return Err(vm.type_error(&format!(
            "descriptor '__format__' of '{tname}' object needs an argument"
        )));
    }
    let s = a.get(vm, 0);
    if !vm.is_subclass(vm.class_of(s), vm.ty(t)) {
        let n = vm.type_name(s);
        return Err(vm.type_error(&format!(
            "descriptor '__format__' for '{tname}' objects doesn't apply to a '{n}' object"
        )));
    }
    let rest = Args {
        start: a.start + 1,
        n: a.n - 1,
        kw: a.kw,
    };
    arity(vm, &rest, "__format__", 1, 1)?;
    let spec = rest.get(vm, 0);
    if !vm.is_str(spec) {
        let n = vm.type_name(spec);
        return Err(vm.type_error(&format!("__format__() argument must be str, not {n}")));
    }
    let s = a.get(vm, 0);
    if vm.str_bytes(spec).is_empty() {
        return vm.str_value(s);
    }
    let v = vm.boxed_number(s).unwrap_or(s);
    vm.format_value(v, spec)
}
