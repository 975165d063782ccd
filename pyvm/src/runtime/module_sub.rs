//! Subclasses of `module` (`types.ModuleType`): `importlib.util`'s
//! `_LazyModule`, `sys.modules[__name__].__class__ = Verbose`.
//!
//! An instance is an ordinary `Kind::Module` record (field 0 the module
//! dict, field 1 the name) whose class word is the subclass: every
//! module operation (imports, `sys.modules`, repr) accepts it unchanged.
//! The `module` type's instance kind is `Kind::Module`, so subclasses
//! inherit that layout; calling one makes a module and sets its class,
//! then `__init__` runs (`module.__init__(name, doc=None)` is a native).
//! Attribute access on an instance whose class is a heap type follows
//! `object.__getattribute__` (class data descriptors, the module dict,
//! class attributes, then the module's own `__getattr__` and the class's)
//! and stores go through a class `__setattr__`.

use pyvm_objmodel::Value;

use super::attr::Method;
use super::builtins::{NativeTable, Place};
use super::call::Args;
use super::exception::PyResult;
use super::heap::Vm;
use super::layout::{Kind, TypeField};
use super::names::Name;
use super::types::TypeId;

/// Natives of this file.
pub(crate) const MODULE_SUB_NATIVES: NativeTable =
    &[("__init__", Place::Method(TypeId::Module), module_init)];

/// Gives `module` its instance kind (for subclasses), after the types
/// exist.
pub(crate) fn install(vm: &mut Vm) {
    let t = vm.ty(TypeId::Module);
    vm.set_field(
        t,
        TypeField::InstanceKind as usize,
        Value::from_int(Kind::Module as i64).unwrap_or(Value::NONE),
    );
}

impl Vm {
    /// Whether `v` is a module whose class is a subclass of `module`.
    pub fn module_sub(&self, v: Value) -> bool {
        self.kind_of(v) == Some(Kind::Module) && self.is_heap_type(self.class_of(v))
    }

    /// Whether instances of class `t` are modules.
    pub fn module_layout(&self, t: Value) -> bool {
        self.field(t, TypeField::InstanceKind as usize).as_int() == Some(Kind::Module as i64)
    }

    /// `object.__new__` for a module subclass (the class at temp `ti`): an
    /// empty module of that class; `__init__` names it.
    pub fn new_module_instance(&mut self, ti: usize) -> PyResult<Value> {
        let m = self.new_module("?")?;
        let t = self.temp(ti);
        self.set_class(m, t);
        Ok(m)
    }

    /// `obj.<key>` for a module of a heap class (obj and key at temps
    /// `mark`, `mark + 1`).
    pub(crate) fn module_sub_getattr(&mut self, mark: usize) -> PyResult<Option<Method>> {
        let class = self.class_of(self.temp(mark));
        let r = if let Some(ga) = self.lookup_name(class, Name::Getattribute)?
            && self.kind_of(ga) == Some(Kind::Function)
        {
            self.call_value(ga, &[self.temp(mark), self.temp(mark + 1)])
                .map(|v| Some(Method::Attr(v)))
        } else {
            self.generic_getattr(mark)
        };
        let r = match r {
            // PEP 562: the module's own `__getattr__`.
            Ok(None) => {
                let d = self.field(self.temp(mark), 0);
                let hook = self.name(Name::Getattr);
                match self.dict_get(d, hook)? {
                    Some(f) => self
                        .call_value(f, &[self.temp(mark + 1)])
                        .map(|v| Some(Method::Attr(v))),
                    None => Ok(None),
                }
            }
            r => r,
        };
        self.with_getattr_hook(mark, r)
    }

    /// `obj.<key> = value` (or `del`, value EMPTY) for a module of a heap
    /// class: the class's `__setattr__`/`__delattr__` when it has one in
    /// Python, else the module dict.
    pub(crate) fn module_sub_setattr(
        &mut self,
        obj: Value,
        key: Value,
        value: Value,
    ) -> PyResult<()> {
        let mark = self.temps_len();
        self.roots().temps.extend_from_slice(&[obj, key, value]);
        let r = (|| {
            let hook = if value.is_empty() {
                Name::Delattr
            } else {
                Name::Setattr
            };
            let class = self.class_of(self.temp(mark));
            let f = self.lookup_name(class, hook)?;
            let (o, k, v) = (self.temp(mark), self.temp(mark + 1), self.temp(mark + 2));
            match f {
                Some(f) if self.kind_of(f) == Some(Kind::Function) => {
                    if v.is_empty() {
                        self.call_value(f, &[o, k])?;
                    } else {
                        self.call_value(f, &[o, k, v])?;
                    }
                    Ok(())
                }
                _ => self.generic_setattr(o, k, v, false),
            }
        })();
        self.pop_temps(mark);
        r
    }
}

/// `module.__init__(self, name, doc=None)`.
fn module_init(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if a.npos(vm) == 0 || vm.kind_of(a.get(vm, 0)) != Some(Kind::Module) {
        return Err(vm.type_error("descriptor '__init__' of 'module' object needs an argument"));
    }
    let rest = Args {
        start: a.start + 1,
        n: a.n - 1,
        kw: a.kw,
    };
    let name = if rest.npos(vm) > 0 {
        rest.get(vm, 0)
    } else {
        rest.kwarg(vm, "name").unwrap_or(Value::EMPTY)
    };
    if name.is_empty() {
        return Err(vm.type_error("module() missing required argument 'name' (pos 1)"));
    }
    if !vm.is_str(name) {
        let n = vm.type_name(name);
        return Err(vm.type_error(&format!("module() argument 'name' must be str, not {n}")));
    }
    if rest.npos(vm) > 2 {
        let n = rest.npos(vm);
        return Err(vm.type_error(&format!("module() takes at most 2 arguments ({n} given)")));
    }
    let doc = if rest.npos(vm) > 1 {
        rest.get(vm, 1)
    } else {
        rest.kwarg(vm, "doc").unwrap_or(Value::NONE)
    };
    let mark = vm.temps_len();
    let m = a.get(vm, 0);
    vm.roots().temps.extend_from_slice(&[m, name, doc]);
    let r = (|| {
        vm.set_field(vm.temp(mark), 1, vm.temp(mark + 1));
        for (k, i) in [
            ("__name__", Some(1)),
            ("__doc__", Some(2)),
            ("__package__", None),
            ("__loader__", None),
            ("__spec__", None),
        ] {
            let v = i.map(|i| vm.temp(mark + i)).unwrap_or(Value::NONE);
            let d = vm.field(vm.temp(mark), 0);
            vm.dict_set_str(d, k, v)?;
        }
        Ok(Value::NONE)
    })();
    vm.pop_temps(mark);
    r
}
