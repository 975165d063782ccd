//! `int.__hash__`, `float.__hash__` and `complex.__hash__` as natives in
//! the types' dicts, so that a class deriving from a number type and from
//! a class defining `__hash__` later in the MRO hashes as the number
//! (`IntEnum` members hash as their value: `HTTPStatus.OK` is found as
//! the key `200`).

use pyvm_objmodel::Value;

use super::{NativeTable, Place, arity};
use crate::runtime::call::Args;
use crate::runtime::exception::PyResult;
use crate::runtime::heap::Vm;
use crate::runtime::types::TypeId;

/// The natives of this file.
pub(crate) const NUMBER_HASH_NATIVES: NativeTable = &[
    ("__hash__", Place::Method(TypeId::Int), number_hash),
    ("__hash__", Place::Method(TypeId::Float), number_hash),
    ("__hash__", Place::Method(TypeId::Complex), number_hash),
];

fn number_hash(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "__hash__", 1, 1)?;
    let v = a.get(vm, 0);
    let inner = vm.boxed_number(v).unwrap_or(v);
    let h = vm.hash_value(inner)?;
    vm.new_i64(h)
}
