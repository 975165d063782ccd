//! `type.__flags__`: the `Py_TPFLAGS_*` bits code reads from Python
//! (`inspect.isabstract` tests `Py_TPFLAGS_IS_ABSTRACT`; the
//! `*_SUBCLASS` bits tell builtin bases apart).

use pyvm_objmodel::Value;

use super::exception::PyResult;
use super::heap::Vm;
use super::types::TypeId;

const HEAPTYPE: i64 = 1 << 9;
const BASETYPE: i64 = 1 << 10;
const READY: i64 = 1 << 12;
const HAVE_GC: i64 = 1 << 14;
const IS_ABSTRACT: i64 = 1 << 20;
const IMMUTABLETYPE: i64 = 1 << 8;

/// The `*_SUBCLASS` bit of each builtin base.
const SUBCLASS_BITS: &[(TypeId, i64)] = &[
    (TypeId::Int, 1 << 24),
    (TypeId::List, 1 << 25),
    (TypeId::Tuple, 1 << 26),
    (TypeId::Bytes, 1 << 27),
    (TypeId::Str, 1 << 28),
    (TypeId::Dict, 1 << 29),
    (TypeId::BaseException, 1 << 30),
    (TypeId::Type, 1 << 31),
];

impl Vm {
    /// `t.__flags__` for the type `t`.
    pub(crate) fn type_flags_value(&mut self, t: Value) -> PyResult<Value> {
        let mut flags = BASETYPE | READY | HAVE_GC;
        flags |= if self.is_heap_type(t) {
            HEAPTYPE
        } else {
            IMMUTABLETYPE
        };
        for &(base, bit) in SUBCLASS_BITS {
            if self.is_subclass(t, self.ty(base)) {
                flags |= bit;
            }
        }
        if let Some(m) = self.lookup_type_attr(t, "__abstractmethods__")?
            && self.truthy(m)?
        {
            flags |= IS_ABSTRACT;
        }
        Ok(Value::from_int(flags).unwrap_or(Value::NONE))
    }
}
