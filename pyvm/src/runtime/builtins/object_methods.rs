//! Methods of `object` (what every class inherits): `__new__`, `__init__`,
//! the attribute hooks, `__eq__`/`__ne__`/`__hash__`, `__repr__`/`__str__`/
//! `__format__`, `__init_subclass__`, `__dir__`; and `BaseException`'s
//! `__new__`/`__init__` (so user exception classes can call them).

use pyvm_objmodel::Value;

use super::super::attr::Method;
use super::super::call::Args;
use super::super::exception::PyResult;
use super::super::heap::Vm;
use super::super::layout::{Kind, TypeField};
use super::super::names::Name;
use super::super::types::{TYPE_COUNT, TypeId};
use super::{NativeTable, Place, arity};

/// Natives of this file.
pub(crate) const OBJECT_NATIVES: NativeTable = &[
    ("__new__", Place::Method(TypeId::Object), object_new),
    ("__init__", Place::Method(TypeId::Object), object_init),
    (
        "__getattribute__",
        Place::Method(TypeId::Object),
        object_getattribute,
    ),
    ("__setattr__", Place::Method(TypeId::Object), object_setattr),
    ("__delattr__", Place::Method(TypeId::Object), object_delattr),
    ("__setattr__", Place::Method(TypeId::Type), type_setattr),
    ("__delattr__", Place::Method(TypeId::Type), type_delattr),
    ("__eq__", Place::Method(TypeId::Object), object_eq),
    ("__ne__", Place::Method(TypeId::Object), object_ne),
    ("__hash__", Place::Method(TypeId::Object), object_hash),
    (
        "__reduce_ex__",
        Place::Method(TypeId::Object),
        crate::runtime::object_reduce::object_reduce_ex,
    ),
    (
        "__reduce__",
        Place::Method(TypeId::Object),
        crate::runtime::object_reduce::object_reduce,
    ),
    (
        "__getstate__",
        Place::Method(TypeId::Object),
        crate::runtime::object_reduce::object_getstate,
    ),
    ("__repr__", Place::Method(TypeId::Object), object_repr),
    ("__str__", Place::Method(TypeId::Object), object_str),
    ("__format__", Place::Method(TypeId::Object), object_format),
    (
        "__init_subclass__",
        Place::Method(TypeId::Object),
        object_init_subclass,
    ),
    (
        "__subclasshook__",
        Place::Method(TypeId::Object),
        object_subclasshook,
    ),
    ("__dir__", Place::Method(TypeId::Object), object_dir),
    ("__new__", Place::Method(TypeId::BaseException), exc_new),
];

/// Wraps the builtin types' `__new__` in `staticmethod` and their
/// `__init_subclass__`, `__subclasshook__` and `__prepare__` in
/// `classmethod`, as CPython's type dicts hold them.
pub(crate) fn wrap_special(vm: &mut Vm) -> PyResult<()> {
    for t in 0..TYPE_COUNT {
        for (n, stat) in [
            (Name::New, true),
            (Name::InitSubclass, false),
            (Name::Prepare, false),
            (Name::Subclasshook, false),
        ] {
            let d = vm.field(vm.m.roots().globals[t], TypeField::Dict as usize);
            let key = vm.name(n);
            let Some(f) = vm.dict_get(d, key)? else {
                continue;
            };
            if vm.kind_of(f) != Some(Kind::Builtin) {
                continue;
            }
            let w = if stat {
                super::super::descr::make_staticmethod(vm, f)?
            } else {
                super::super::descr::make_classmethod(vm, f)?
            };
            let d = vm.field(vm.m.roots().globals[t], TypeField::Dict as usize);
            let key = vm.name(n);
            vm.dict_set(d, key, w)?;
        }
    }
    Ok(())
}

fn self_arg(vm: &mut Vm, a: &Args, meth: &str) -> PyResult<Value> {
    if a.npos(vm) == 0 {
        return Err(vm.type_error(&format!(
            "descriptor '{meth}' of 'object' object needs an argument"
        )));
    }
    Ok(a.get(vm, 0))
}

/// `object.__new__(cls, *args)`.
fn object_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if a.npos(vm) == 0 {
        return Err(vm.type_error("object.__new__(): not enough arguments"));
    }
    let t = a.get(vm, 0);
    if vm.kind_of(t) != Some(Kind::Type) {
        let n = vm.type_name(t);
        return Err(vm.type_error(&format!("object.__new__(X): X is not a type object ({n})")));
    }
    let rest = Args {
        start: a.start + 1,
        n: a.n - 1,
        kw: a.kw,
    };
    vm.object_new_check(t, &rest)?;
    let t = a.get(vm, 0);
    let kind = vm.field(t, TypeField::InstanceKind as usize).as_int();
    if kind == Some(Kind::Type as i64) {
        let n = vm.class_name(t);
        return Err(vm.type_error(&format!(
            "object.__new__({n}) is not safe, use type.__new__()"
        )));
    }
    if kind == Some(Kind::Exception as i64) {
        let e = vm.global(super::super::types::GlobalSlot::EmptyTuple);
        return vm.new_exception(t, e);
    }
    if !vm.is_heap_type(t) && t != vm.ty(TypeId::Object) {
        let n = vm.class_name(t);
        return Err(vm.type_error(&format!(
            "object.__new__({n}) is not safe, use {n}.__new__()"
        )));
    }
    vm.check_not_abstract(a.start)?;
    if vm.module_layout(a.get(vm, 0)) {
        return vm.new_module_instance(a.start);
    }
    vm.alloc_instance(a.get(vm, 0))
}

/// `object.__init__(self, *args)`.
fn object_init(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = self_arg(vm, &a, "__init__")?;
    let rest = Args {
        start: a.start + 1,
        n: a.n - 1,
        kw: a.kw,
    };
    let t = vm.class_of(s);
    vm.object_init_check(t, &rest)?;
    Ok(Value::NONE)
}

fn attr_key(vm: &mut Vm, a: &Args, meth: &str, n: usize) -> PyResult<Value> {
    arity(vm, a, meth, n, n)?;
    let key = a.get(vm, 1);
    if !vm.is_str(key) {
        let t = vm.type_name(key);
        return Err(vm.type_error(&format!("attribute name must be string, not '{t}'")));
    }
    Ok(key)
}

/// `object.__getattribute__(self, name)`: the generic lookup, no hooks.
fn object_getattribute(vm: &mut Vm, a: Args) -> PyResult<Value> {
    attr_key(vm, &a, "__getattribute__", 2)?;
    let mark = vm.temps_len();
    vm.push_temp(a.get(vm, 0));
    vm.push_temp(a.get(vm, 1));
    let r = match vm.generic_getattr(mark) {
        Ok(Some(Method::Attr(v))) => Ok(v),
        Ok(Some(Method::Unbound(f))) => {
            let o = vm.temp(mark);
            vm.bind_method(f, o)
        }
        Ok(None) => Err(vm.attribute_error(vm.temp(mark), vm.temp(mark + 1))),
        Err(e) => Err(e),
    };
    vm.pop_temps(mark);
    r
}

/// `object.__setattr__(self, name, value)`.
fn object_setattr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let key = attr_key(vm, &a, "__setattr__", 3)?;
    let (o, v) = (a.get(vm, 0), a.get(vm, 2));
    if vm.kind_of(o) == Some(Kind::Type) {
        return Err(type_hackcheck(vm, o, "__setattr__"));
    }
    vm.generic_setattr(o, key, v, true)?;
    Ok(Value::NONE)
}

/// CPython's refusal to run `object.__setattr__`/`__delattr__` on a class
/// (whose own `type.__setattr__` must run instead).
fn type_hackcheck(vm: &mut Vm, o: Value, what: &str) -> crate::runtime::exception::Raised {
    let t = vm.type_name(o);
    vm.type_error(&format!("can't apply this {what} to {t} object"))
}

/// `type.__setattr__(cls, name, value)`: the generic assignment on a class
/// (what a metaclass's `super().__setattr__` reaches).
fn type_setattr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let key = attr_key(vm, &a, "__setattr__", 3)?;
    let (o, v) = (a.get(vm, 0), a.get(vm, 2));
    type_receiver(vm, o, "__setattr__")?;
    vm.generic_setattr(o, key, v, true)?;
    Ok(Value::NONE)
}

/// `type.__delattr__(cls, name)`.
fn type_delattr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let key = attr_key(vm, &a, "__delattr__", 2)?;
    let o = a.get(vm, 0);
    type_receiver(vm, o, "__delattr__")?;
    vm.generic_setattr(o, key, Value::EMPTY, true)?;
    Ok(Value::NONE)
}

fn type_receiver(vm: &mut Vm, o: Value, meth: &str) -> PyResult<()> {
    if vm.kind_of(o) == Some(Kind::Type) {
        return Ok(());
    }
    let t = vm.type_name(o);
    Err(vm.type_error(&format!(
        "descriptor '{meth}' requires a 'type' object but received a '{t}'"
    )))
}

/// `object.__delattr__(self, name)`.
fn object_delattr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let key = attr_key(vm, &a, "__delattr__", 2)?;
    let o = a.get(vm, 0);
    if vm.kind_of(o) == Some(Kind::Type) {
        return Err(type_hackcheck(vm, o, "__delattr__"));
    }
    vm.generic_setattr(o, key, Value::EMPTY, true)?;
    Ok(Value::NONE)
}

/// `object.__eq__`: identity, else NotImplemented.
fn object_eq(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "__eq__", 2, 2)?;
    Ok(if a.get(vm, 0) == a.get(vm, 1) {
        Value::TRUE
    } else {
        Value::NOT_IMPLEMENTED
    })
}

/// `object.__ne__`: the inverse of `__eq__` unless it is NotImplemented.
fn object_ne(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "__ne__", 2, 2)?;
    let class = vm.class_of(a.get(vm, 0));
    let Some(eq) = vm.lookup_name(class, Name::Eq)? else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let (x, y) = (a.get(vm, 0), a.get(vm, 1));
    let r = if vm.kind_of(eq) == Some(Kind::Function) {
        vm.call_value(eq, &[x, y])?
    } else if x == y {
        Value::TRUE
    } else {
        Value::NOT_IMPLEMENTED
    };
    if r == Value::NOT_IMPLEMENTED {
        return Ok(r);
    }
    let t = vm.truthy(r)?;
    Ok(Value::from_bool(!t))
}

/// `object.__hash__`: by identity.
fn object_hash(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "__hash__", 1, 1)?;
    let h = vm.identity_hash(a.get(vm, 0));
    vm.new_i64(h)
}

/// `object.__repr__`: `<module.Qualname object at 0x...>`.
fn object_repr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = self_arg(vm, &a, "__repr__")?;
    let text = vm.default_repr(s)?;
    vm.new_str(&text)
}

/// `object.__str__`: `repr(self)`.
fn object_str(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = self_arg(vm, &a, "__str__")?;
    vm.repr_value(s)
}

/// `object.__format__(self, spec)`: `str(self)` for an empty spec.
fn object_format(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "__format__", 2, 2)?;
    let spec = a.get(vm, 1);
    if !vm.is_str(spec) {
        let n = vm.type_name(spec);
        return Err(vm.type_error(&format!("__format__() argument must be str, not {n}")));
    }
    if !vm.str_bytes(spec).is_empty() {
        let n = vm.type_name(a.get(vm, 0));
        return Err(vm.type_error(&format!(
            "unsupported format string passed to {n}.__format__"
        )));
    }
    vm.str_value(a.get(vm, 0))
}

/// `object.__init_subclass__()` (a classmethod): takes no keywords.
fn object_init_subclass(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if a.nkw(vm) > 0 || a.npos(vm) > 1 {
        let n = if a.npos(vm) > 0 {
            let c = a.get(vm, 0);
            vm.class_name(c)
        } else {
            "object".into()
        };
        return Err(vm.type_error(&format!(
            "{n}.__init_subclass__() takes no keyword arguments"
        )));
    }
    Ok(Value::NONE)
}

/// `object.__subclasshook__()` (a classmethod): NotImplemented.
fn object_subclasshook(_vm: &mut Vm, _a: Args) -> PyResult<Value> {
    Ok(Value::NOT_IMPLEMENTED)
}

/// `object.__dir__(self)`: the names `dir()` lists, unsorted.
fn object_dir(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = self_arg(vm, &a, "__dir__")?;
    let mut keys: Vec<Value> = Vec::new();
    let d = vm.instance_dict(s);
    if !d.is_empty() {
        keys.extend(vm.dict_mut(d).items(&vm.keys()).map(|p| p.0));
    }
    let class = vm.class_of(s);
    let mro = vm.field(class, TypeField::Mro as usize);
    for &c in vm.tuple_items(mro) {
        let d = vm.field(c, TypeField::Dict as usize);
        keys.extend(vm.dict_mut(d).items(&vm.keys()).map(|p| p.0));
    }
    // `__class__` is a descriptor of `object` in CPython.
    keys.push(vm.name(Name::Class));
    vm.new_list(&keys)
}

/// `BaseException.__new__(cls, *args)`.
fn exc_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if a.npos(vm) == 0 {
        return Err(vm.type_error("BaseException.__new__(): not enough arguments"));
    }
    let t = a.get(vm, 0);
    if !vm.is_exception_class(t) {
        let n = vm.type_name(t);
        return Err(vm.type_error(&format!(
            "BaseException.__new__(X): X is not a type object ({n})"
        )));
    }
    let items: Vec<Value> = (1..a.npos(vm)).map(|i| a.get(vm, i)).collect();
    let args = vm.new_tuple(&items)?;
    let t = a.get(vm, 0);
    vm.new_exception(t, args)
}

impl Vm {
    /// `<module.Qualname object at 0x...>`.
    pub fn default_repr(&mut self, v: Value) -> PyResult<String> {
        let class = self.class_of(v);
        let name = self.class_full_name(class)?;
        Ok(format!("<{name} object at {:#x}>", self.id_of(v)))
    }
}
