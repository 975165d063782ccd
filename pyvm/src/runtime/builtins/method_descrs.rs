//! Method descriptors and slot wrappers of builtin types.
//!
//! A native installed in a builtin type's namespace (`Place::Method`) is an
//! ordinary unbound `Kind::Builtin` record, so calling it and binding it
//! stay the fast paths they were; only its class differs:
//! `method_descriptor` (`str.upper`) or, for the special methods CPython
//! implements as type slots, `wrapper_descriptor` (`int.__add__`). Both
//! derive from `builtin_function_or_method` (their other attributes and
//! `__reduce__` come from there). The owner type (`__objclass__`) is the
//! native table's `Place`, found from the native index when asked for.

use pyvm_objmodel::Value;

use super::{NativeTable, Place, TABLES, arity, new_builtin};
use crate::runtime::call::Args;
use crate::runtime::exception::PyResult;
use crate::runtime::heap::Vm;
use crate::runtime::layout::{BuiltinField, Kind};
use crate::runtime::types::TypeId;

pub(crate) const METHOD_DESCR_NATIVES: NativeTable = &[
    (
        "__get__",
        Place::Method(TypeId::MethodDescriptor),
        method_descr_get,
    ),
    (
        "__get__",
        Place::Method(TypeId::WrapperDescriptor),
        method_descr_get,
    ),
];

/// Special methods that are methods, not slots, in CPython's builtin types
/// (`int.__dict__['__format__']` is a `method_descriptor`).
const NOT_SLOTS: &[&str] = &[
    "__reduce__",
    "__reduce_ex__",
    "__format__",
    "__sizeof__",
    "__dir__",
    "__getnewargs__",
    "__getnewargs_ex__",
    "__round__",
    "__trunc__",
    "__floor__",
    "__ceil__",
    "__init_subclass__",
    "__subclasshook__",
    "__getstate__",
    "__setstate__",
    "__class_getitem__",
    "__length_hint__",
    "__reversed__",
    "__copy__",
    "__deepcopy__",
    "__enter__",
    "__exit__",
    "__instancecheck__",
    "__subclasscheck__",
    "__subclasses__",
    "__prepare__",
    "__fspath__",
    "__bytes__",
    "__complex__",
    "__getitem__",
    "__contains__",
    "__mro__",
];

/// Whether the native named `name` is a slot wrapper in CPython.
fn is_slot(name: &str) -> bool {
    name.len() > 4 && name.starts_with("__") && name.ends_with("__") && !NOT_SLOTS.contains(&name)
}

/// The unbound native `name` (index `idx`) of a builtin type's namespace.
pub(super) fn new_method_descr(vm: &mut Vm, idx: usize, name: &str) -> PyResult<Value> {
    let f = new_builtin(vm, idx, name)?;
    // `T.__new__` is a builtin function (a static method) in CPython.
    if name == "__new__" {
        return Ok(f);
    }
    let t = if is_slot(name) {
        TypeId::WrapperDescriptor
    } else {
        TypeId::MethodDescriptor
    };
    let class = vm.ty(t);
    vm.set_class(f, class);
    Ok(f)
}

/// The builtin type whose namespace the native at `idx` belongs to.
pub(crate) fn native_owner(idx: usize) -> Option<TypeId> {
    if idx & super::MODULE_TAG != 0 {
        return None;
    }
    match TABLES.get(idx >> 16)?.get(idx & 0xffff)?.1 {
        Place::Method(t) => Some(t),
        _ => None,
    }
}

impl Vm {
    /// The owner type of a method descriptor `f` (`f.__objclass__`), if
    /// `f` is one.
    pub(crate) fn method_descr_owner(&self, f: Value) -> Option<Value> {
        if self.kind_of(f) != Some(Kind::Builtin)
            || !self.field(f, BuiltinField::SelfValue as usize).is_empty()
        {
            return None;
        }
        let c = self.class_of(f);
        if c != self.ty(TypeId::MethodDescriptor) && c != self.ty(TypeId::WrapperDescriptor) {
            return None;
        }
        let idx = self.field(f, BuiltinField::Native as usize).as_int()?;
        native_owner(idx as usize).map(|t| self.ty(t))
    }

    /// `__qualname__` of a method descriptor: `owner.name` (`list.append`).
    pub(crate) fn method_descr_qualname(&mut self, f: Value) -> PyResult<Value> {
        let owner = self.method_descr_owner(f).unwrap_or(Value::NONE);
        let n = self.field(f, BuiltinField::Name as usize);
        let q = format!("{}.{}", self.class_name(owner), self.str_text(n));
        self.new_str(&q)
    }

    /// `repr()` of a method descriptor or slot wrapper; None for other builtins.
    pub(crate) fn method_descr_repr(&self, f: Value) -> Option<String> {
        let owner = self.method_descr_owner(f)?;
        let what = if self.class_of(f) == self.ty(TypeId::WrapperDescriptor) {
            "slot wrapper"
        } else {
            "method"
        };
        let n = self.field(f, BuiltinField::Name as usize);
        Some(format!(
            "<{what} '{}' of '{}' objects>",
            self.str_text(n),
            self.class_name(owner)
        ))
    }
}

/// `descriptor.__get__(obj, type=None)`: the method bound to `obj`, after
/// checking that `obj` is an instance of the owner type.
fn method_descr_get(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = arity(vm, &a, "__get__", 2, 3)?;
    let (d, obj) = (a.get(vm, 0), a.get(vm, 1));
    let owner = if n == 3 { a.get(vm, 2) } else { Value::NONE };
    if obj.is_none() && owner.is_none() {
        return Err(vm.type_error("__get__(None, None) is invalid"));
    }
    if obj.is_none() {
        return Ok(d);
    }
    if let Some(t) = vm.method_descr_owner(d)
        && !vm.isinstance_check(obj, t)?
    {
        let (d, obj) = (a.get(vm, 0), a.get(vm, 1));
        let t = vm.method_descr_owner(d).unwrap_or(Value::NONE);
        let name = vm
            .str_text(vm.field(d, BuiltinField::Name as usize))
            .into_owned();
        let (tn, on) = (vm.class_name(t), vm.type_name(obj));
        return Err(vm.type_error(&format!(
            "descriptor '{name}' for '{tn}' objects doesn't apply to a '{on}' object"
        )));
    }
    let (d, obj) = (a.get(vm, 0), a.get(vm, 1));
    vm.bind_method(d, obj)
}
