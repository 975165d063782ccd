//! Python subclasses of the types native modules define (`class
//! KeyedRef(weakref.ref)`, `class WeakMethod(ref)`, `class D(deque)`).
//!
//! An instance keeps the layout of its native base (a `Kind::Native`
//! record, or a `Kind::Dict` for `defaultdict`) with the subclass in its
//! class word, plus the extra words of every builtin-type subclass
//! (`subclass.rs`): the instance `__dict__` and the `__slots__`. The
//! subclass's `InstanceKind` is its base's (`Kind::Native | index << 8`),
//! so the core protocols still find the base's hooks; where the subclass
//! defines a special method in Python (`__call__`, `__eq__`, `__len__`...)
//! the protocols take the user-instance path, as for `class L(list)`.
//!
//! Native types that can be instantiated have `__new__` and `__init__` in
//! their dicts (so `ref.__new__(cls, ob, cb)` and `super().__init__(...)`
//! work); those with a call or comparison hook also have `__call__`,
//! `__eq__` and `__ne__` for `super().__call__()` and `ref.__eq__(a, b)`.

use pyvm_objmodel::Value;

use super::native_types::{NativeType, def_of};
use crate::runtime::call::Args;
use crate::runtime::exception::PyResult;
use crate::runtime::heap::Vm;
use crate::runtime::layout::{Kind, TypeField};
use crate::runtime::names::Name;

/// The native type whose instances class `cls` makes, if any.
fn native_type_of_class(vm: &Vm, cls: Value) -> Option<&'static NativeType> {
    if vm.kind_of(cls) != Some(Kind::Type) {
        return None;
    }
    let k = vm.field(cls, TypeField::InstanceKind as usize).as_int()?;
    if k & 0xff != Kind::Native as i64 {
        return None;
    }
    super::native_types::type_by_index((k >> 8) as usize)
}

/// `T.__new__(cls, *args, **kw)` for a native type `T`.
pub(crate) fn generic_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if a.npos(vm) == 0 {
        return Err(vm.type_error("__new__(): not enough arguments"));
    }
    let cls = a.get(vm, 0);
    if vm.kind_of(cls) != Some(Kind::Type) {
        let n = vm.type_name(cls);
        return Err(vm.type_error(&format!("__new__(X): X is not a type object ({n})")));
    }
    let Some(t) = native_type_of_class(vm, cls) else {
        let n = vm.class_name(cls);
        return Err(vm.type_error(&format!(
            "__new__({n}): {n} is not a subtype of a native type"
        )));
    };
    let Some(new) = t.new else {
        return Err(vm.type_error(&format!(
            "cannot create '{}.{}' instances",
            t.module, t.name
        )));
    };
    let rest = Args {
        start: a.start + 1,
        n: a.n - 1,
        kw: a.kw,
    };
    let obj = new(vm, a.start, rest)?;
    let cls = a.get(vm, 0);
    vm.with_class(obj, cls)
}

/// `T.__init__(self, *args, **kw)`: the native types build their state
/// in `__new__`, so there is nothing left to do.
pub(crate) fn generic_init(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if a.npos(vm) > 0 {
        let me = a.get(vm, 0);
        if super::native_types::is_instance(vm, me, &super::weakref::REF) && a.nkw(vm) > 0 {
            return Err(vm.type_error("ref() takes no keyword arguments"));
        }
    }
    Ok(Value::NONE)
}

fn native_self(vm: &mut Vm, a: &Args, name: &str) -> PyResult<Value> {
    if a.npos(vm) == 0 {
        return Err(vm.type_error(&format!(
            "descriptor '{name}' of native type needs an argument"
        )));
    }
    let v = a.get(vm, 0);
    if vm.kind_of(v) != Some(Kind::Native) {
        let t = vm.type_name(v);
        return Err(vm.type_error(&format!(
            "descriptor '{name}' doesn't apply to a '{t}' object"
        )));
    }
    Ok(v)
}

/// `T.__call__(self, *args)`: the type's own call hook, whatever the
/// subclass overrides.
pub(crate) fn generic_call(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = native_self(vm, &a, "__call__")?;
    match def_of(vm, v).call {
        Some(f) => f(vm, a),
        None => {
            let n = vm.type_name(v);
            Err(vm.type_error(&format!("'{n}' object is not callable")))
        }
    }
}

fn generic_compare(vm: &mut Vm, a: Args, op: &str, name: &str) -> PyResult<Value> {
    let v = native_self(vm, &a, name)?;
    if a.npos(vm) != 2 {
        let n = a.npos(vm) - 1;
        return Err(vm.type_error(&format!("expected 1 argument, got {n}")));
    }
    let other = a.get(vm, 1);
    Ok(vm
        .native_compare(v, other, op)?
        .unwrap_or(Value::NOT_IMPLEMENTED))
}

/// `T.__eq__(self, other)` through the type's comparison hook.
pub(crate) fn generic_eq(vm: &mut Vm, a: Args) -> PyResult<Value> {
    generic_compare(vm, a, "==", "__eq__")
}

/// `T.__ne__(self, other)` through the type's comparison hook.
pub(crate) fn generic_ne(vm: &mut Vm, a: Args) -> PyResult<Value> {
    generic_compare(vm, a, "!=", "__ne__")
}

impl Vm {
    /// Whether a class statement may derive from the native type `b`
    /// (one that Python code can instantiate).
    pub(crate) fn native_base_ok(&self, b: Value) -> bool {
        native_type_of_class(self, b).is_some_and(|t| t.new.is_some())
    }

    /// `obj` (just made by a native type's constructor) as an instance of
    /// `cls`: the same object when it already has `cls`'s class and extra
    /// words, else a copy with them (`Vm::rebox`).
    pub(crate) fn with_class(&mut self, obj: Value, cls: Value) -> PyResult<Value> {
        if self.class_of(obj) == cls && self.extra_count(obj) == self.class_extra_words(cls) {
            return Ok(obj);
        }
        let Some(kind) = self.kind_of(obj) else {
            return Ok(obj);
        };
        if !self.is_heap_type(cls) {
            return Ok(obj);
        }
        self.rebox(obj, cls, kind)
    }

    /// `obj` with the extra words its (heap) class asks for.
    pub(crate) fn with_class_layout(&mut self, obj: Value) -> PyResult<Value> {
        let cls = self.class_of(obj);
        if self.extra_count(obj) == self.class_extra_words(cls) {
            return Ok(obj);
        }
        self.with_class(obj, cls)
    }

    /// Whether calling the native object `f` should run its class's
    /// Python `__call__` (a subclass overriding it).
    pub(crate) fn native_call_override(&mut self, f: Value) -> PyResult<bool> {
        if !self.builtin_sub(f) {
            return Ok(false);
        }
        let class = self.class_of(f);
        Ok(match self.lookup_name(class, Name::Call)? {
            Some(m) => self.kind_of(m) != Some(Kind::Builtin),
            None => false,
        })
    }
}
