//! The data descriptors of builtin types: `FunctionType.__code__` is a
//! `getset_descriptor`, `FunctionType.__globals__` a `member_descriptor`,
//! as in CPython (the stdlib's `types.py` takes their types from them).
//!
//! pyvm reads these attributes from its objects directly (`attr.rs`
//! `intrinsic_attr`), so the descriptors are made on demand when a builtin
//! type is asked for one: a `Kind::MemberDescr` record [name, None, owner]
//! whose `__get__`/`__set__` go through the ordinary attribute protocol
//! on the instance (`descr.rs`).

use pyvm_objmodel::Value;

use super::exception::PyResult;
use super::heap::Vm;
use super::layout::Kind;
use super::types::TypeId;

/// Whether the attribute is a member (`member_descriptor`) rather than a
/// computed one (`getset_descriptor`) in CPython.
#[derive(Clone, Copy, PartialEq)]
pub(crate) enum How {
    GetSet,
    Member,
}
use How::{GetSet, Member};

/// The data attributes of each builtin type's instances.
const TABLE: &[(TypeId, &[(&str, How)])] = &[
    (
        TypeId::Function,
        &[
            ("__code__", GetSet),
            ("__defaults__", GetSet),
            ("__kwdefaults__", GetSet),
            ("__name__", GetSet),
            ("__qualname__", GetSet),
            ("__dict__", GetSet),
            ("__annotations__", GetSet),
            ("__globals__", Member),
            ("__closure__", Member),
            ("__doc__", Member),
            ("__module__", Member),
            ("__builtins__", Member),
        ],
    ),
    (
        TypeId::BaseException,
        &[
            ("args", GetSet),
            ("__traceback__", GetSet),
            ("__context__", GetSet),
            ("__cause__", GetSet),
            ("__dict__", GetSet),
            ("__suppress_context__", Member),
        ],
    ),
    (
        TypeId::Generator,
        &[
            ("gi_frame", GetSet),
            ("gi_running", GetSet),
            ("gi_code", GetSet),
            ("gi_yieldfrom", GetSet),
            ("__name__", GetSet),
            ("__qualname__", GetSet),
        ],
    ),
    (
        TypeId::Property,
        &[
            ("fget", Member),
            ("fset", Member),
            ("fdel", Member),
            ("__doc__", Member),
            ("__isabstractmethod__", GetSet),
        ],
    ),
    (
        TypeId::Int,
        &[
            ("real", GetSet),
            ("imag", GetSet),
            ("numerator", GetSet),
            ("denominator", GetSet),
        ],
    ),
    (TypeId::Float, &[("real", GetSet), ("imag", GetSet)]),
    (TypeId::Cell, &[("cell_contents", GetSet)]),
    (TypeId::Complex, &[("real", Member), ("imag", Member)]),
    (
        TypeId::Range,
        &[("start", Member), ("stop", Member), ("step", Member)],
    ),
    (
        TypeId::Slice,
        &[("start", Member), ("stop", Member), ("step", Member)],
    ),
    (
        TypeId::MemoryView,
        &[
            ("obj", GetSet),
            ("nbytes", GetSet),
            ("readonly", GetSet),
            ("itemsize", GetSet),
            ("format", GetSet),
            ("ndim", GetSet),
            ("shape", GetSet),
            ("strides", GetSet),
            ("suboffsets", GetSet),
            ("c_contiguous", GetSet),
            ("f_contiguous", GetSet),
            ("contiguous", GetSet),
        ],
    ),
];

impl Vm {
    /// The names of the data attributes of the builtin type `t`'s
    /// instances (for `dir()`; empty for other types).
    pub(crate) fn builtin_data_names(&self, t: Value) -> &'static [(&'static str, How)] {
        TABLE
            .iter()
            .find(|(tid, _)| self.ty(*tid) == t)
            .map_or(&[], |&(_, attrs)| attrs)
    }

    /// The descriptor for the data attribute `key` of the builtin type `t`'s
    /// instances, or `None` if its instances have no such attribute.
    pub(crate) fn builtin_data_descr(&mut self, t: Value, key: Value) -> PyResult<Option<Value>> {
        let Some(&(_, attrs)) = TABLE.iter().find(|(tid, _)| self.ty(*tid) == t) else {
            return Ok(None);
        };
        let name = self.str_bytes(key);
        let Some(&(_, how)) = attrs.iter().find(|(n, _)| n.as_bytes() == name) else {
            return Ok(None);
        };
        let class = self.ty(if how == Member {
            TypeId::MemberDescriptor
        } else {
            TypeId::GetSetDescriptor
        });
        self.alloc_record(Kind::MemberDescr, class, &[key, Value::NONE, t], 0)
            .map(Some)
    }
}

impl Vm {
    /// The namespace `T.__dict__` shows for the builtin type `t`: its dict,
    /// or, when its instances have data attributes of [`TABLE`], a copy with
    /// their descriptors added (`FunctionType.__dict__['__name__']`). The
    /// type's own dict never holds them: pyvm reads those attributes
    /// directly, and a descriptor there would send instance lookups to it.
    pub(crate) fn builtin_type_namespace(&mut self, t: Value) -> PyResult<Value> {
        let d = self.field(t, super::layout::TypeField::Dict as usize);
        let names = self.builtin_data_names(t);
        if names.is_empty() || self.is_heap_type(t) {
            return Ok(d);
        }
        let ti = self.push_temp(t);
        let r = (|| {
            let copy = self.dict_copy(d)?;
            let ci = self.push_temp(copy);
            for &(name, _) in names {
                if self.dict_get_str(self.temp(ci), name)?.is_some() {
                    continue;
                }
                let key = self.new_str(name)?;
                if let Some(descr) = self.builtin_data_descr(self.temp(ti), key)? {
                    self.dict_set_str(self.temp(ci), name, descr)?;
                }
            }
            Ok(self.temp(ci))
        })();
        self.pop_temps(ti);
        r
    }
}
