//! `types.SimpleNamespace` (CPython's `_PyNamespace_Type`): a builtin type
//! whose instances are plain `Kind::Instance` records with an attribute
//! dict, so attribute get/set/del, `__dict__`, `vars()` and subclassing
//! need nothing of their own. What the type adds: keyword-only
//! construction, `namespace(a=1)` repr, comparison by `__dict__`,
//! `__reduce__`. `sys.implementation` is an instance.

use pyvm_objmodel::Value;

use super::super::call::Args;
use super::super::exception::PyResult;
use super::super::heap::Vm;
use super::super::layout::{Kind, TypeField};
use super::super::ops::CmpOp;
use super::super::types::TypeId;
use super::{NativeTable, Place};

/// Natives of this file.
pub(crate) const NAMESPACE_NATIVES: NativeTable = &[
    (
        "SimpleNamespace",
        Place::Constructor(TypeId::SimpleNamespace),
        namespace_new,
    ),
    (
        "__init__",
        Place::Method(TypeId::SimpleNamespace),
        namespace_init,
    ),
    (
        "__repr__",
        Place::Method(TypeId::SimpleNamespace),
        namespace_repr,
    ),
    (
        "__reduce__",
        Place::Method(TypeId::SimpleNamespace),
        namespace_reduce,
    ),
    ("__eq__", Place::Method(TypeId::SimpleNamespace), ns_eq),
    ("__ne__", Place::Method(TypeId::SimpleNamespace), ns_ne),
    ("__lt__", Place::Method(TypeId::SimpleNamespace), ns_lt),
    ("__le__", Place::Method(TypeId::SimpleNamespace), ns_le),
    ("__gt__", Place::Method(TypeId::SimpleNamespace), ns_gt),
    ("__ge__", Place::Method(TypeId::SimpleNamespace), ns_ge),
];

/// Gives the type its `__module__` and `__hash__ = None` (it compares by
/// value), after the natives are installed.
pub(crate) fn install(vm: &mut Vm) -> PyResult<()> {
    let m = vm.new_str("types")?;
    let d = vm.field(vm.ty(TypeId::SimpleNamespace), TypeField::Dict as usize);
    vm.dict_set_str(d, "__module__", m)?;
    let d = vm.field(vm.ty(TypeId::SimpleNamespace), TypeField::Dict as usize);
    vm.dict_set_str(d, "__hash__", Value::NONE)?;
    let doc = vm.new_str("A simple attribute-based namespace.\n\nSimpleNamespace(**kwargs)")?;
    let d = vm.field(vm.ty(TypeId::SimpleNamespace), TypeField::Dict as usize);
    vm.dict_set_str(d, "__doc__", doc)
}

impl Vm {
    /// A new, empty `types.SimpleNamespace`.
    pub fn new_namespace(&mut self) -> PyResult<Value> {
        let t = self.ty(TypeId::SimpleNamespace);
        self.alloc_instance(t)
    }

    /// Whether `v` is an instance of `types.SimpleNamespace` (or a
    /// subclass).
    pub fn is_namespace(&self, v: Value) -> bool {
        self.kind_of(v) == Some(Kind::Instance)
            && self.is_subclass(self.class_of(v), self.ty(TypeId::SimpleNamespace))
    }

    /// `repr()` of a namespace: `namespace(a=1, b=2)` (the class name for
    /// a subclass), `namespace(...)` when it contains itself; attributes
    /// whose names are not str are left out, as CPython does.
    pub fn namespace_repr_text(&mut self, v: Value) -> PyResult<String> {
        let name = if self.class_of(v) == self.ty(TypeId::SimpleNamespace) {
            "namespace".to_string()
        } else {
            self.type_name(v)
        };
        if self.repr_guard.iter().any(|&i| self.temp(i) == v) {
            return Ok(format!("{name}(...)"));
        }
        let d = self.instance_dict(v);
        if d.is_empty() {
            return Ok(format!("{name}()"));
        }
        let mark = self.temps_len();
        self.push_temp(v);
        let items: Vec<(Value, Value)> = self.dict_mut(d).items(&self.keys()).collect();
        for (k, x) in &items {
            self.push_temp(*k);
            self.push_temp(*x);
        }
        self.repr_guard.push(mark);
        let r = (|| {
            let mut parts = Vec::new();
            for i in 0..items.len() {
                let k = self.temp(mark + 1 + 2 * i);
                if self.kind_of(k) != Some(Kind::Str) {
                    continue;
                }
                let key = self.str_text(k).into_owned();
                let x = self.temp(mark + 2 + 2 * i);
                let s = self.repr_value(x)?;
                parts.push(format!("{key}={}", self.str_text(s)));
            }
            Ok(format!("{name}({})", parts.join(", ")))
        })();
        self.repr_guard.pop();
        self.pop_temps(mark);
        r
    }
}

fn namespace_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if a.npos(vm) > 0 {
        return Err(vm.type_error("no positional arguments expected"));
    }
    let ns = vm.new_namespace()?;
    let ni = vm.push_temp(ns);
    let r = set_keywords(vm, ni, &a, 0);
    let ns = vm.temp(ni);
    vm.pop_temps(ni);
    r.map(|_| ns)
}

/// Stores the keyword arguments of `a` as attributes of the namespace at
/// temp `ni` (`skip` leading positionals belong to the caller).
fn set_keywords(vm: &mut Vm, ni: usize, a: &Args, skip: usize) -> PyResult<()> {
    if a.npos(vm) > skip {
        return Err(vm.type_error("no positional arguments expected"));
    }
    let Some(k) = a.kw else {
        return Ok(());
    };
    let nkw = a.nkw(vm);
    let first = a.n - nkw;
    for i in 0..nkw {
        let d = vm.instance_dict_make(vm.temp(ni))?;
        if vm.kind_of(d) != Some(Kind::Dict) {
            let n = vm.type_name(vm.temp(ni));
            return Err(vm.raise_msg(
                TypeId::AttributeError,
                &format!("'{n}' object has no attribute '__dict__'"),
            ));
        }
        let key = vm.tuple_items(vm.temp(k))[i];
        vm.dict_set(d, key, vm.temp(a.start + first + i))?;
    }
    Ok(())
}

fn self_namespace(vm: &mut Vm, a: &Args, meth: &str) -> PyResult<usize> {
    if a.npos(vm) == 0 {
        return Err(vm.type_error(&format!(
            "descriptor '{meth}' of 'types.SimpleNamespace' object needs an argument"
        )));
    }
    let s = a.get(vm, 0);
    if !vm.is_namespace(s) {
        let n = vm.type_name(s);
        return Err(vm.type_error(&format!(
            "descriptor '{meth}' requires a 'types.SimpleNamespace' object but received a '{n}'"
        )));
    }
    Ok(a.start)
}

fn namespace_init(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let si = self_namespace(vm, &a, "__init__")?;
    set_keywords(vm, si, &a, 1)?;
    Ok(Value::NONE)
}

fn namespace_repr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let si = self_namespace(vm, &a, "__repr__")?;
    let s = vm.namespace_repr_text(vm.temp(si))?;
    vm.new_str(&s)
}

fn namespace_reduce(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let si = self_namespace(vm, &a, "__reduce__")?;
    let d = vm.instance_dict_make(vm.temp(si))?;
    let di = vm.push_temp(d);
    let r = (|| {
        let empty = vm.new_tuple(&[])?;
        let class = vm.class_of(vm.temp(si));
        vm.new_tuple(&[class, empty, vm.temp(di)])
    })();
    vm.pop_temps(di);
    r
}

/// Rich comparison: two namespaces compare their `__dict__`s; anything
/// else is NotImplemented.
fn ns_compare(vm: &mut Vm, a: &Args, op: CmpOp, meth: &str) -> PyResult<Value> {
    let si = self_namespace(vm, a, meth)?;
    if a.npos(vm) != 2 || a.nkw(vm) != 0 {
        let n = a.npos(vm).saturating_sub(1);
        return Err(vm.type_error(&format!("expected 1 argument, got {n}")));
    }
    let other = a.get(vm, 1);
    if !vm.is_namespace(other) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let da = vm.instance_dict_make(vm.temp(si))?;
    let dai = vm.push_temp(da);
    let r = (|| {
        let db = vm.instance_dict_make(a.get(vm, 1))?;
        vm.compare(op, vm.temp(dai), db)
    })();
    vm.pop_temps(dai);
    r
}

fn ns_eq(vm: &mut Vm, a: Args) -> PyResult<Value> {
    ns_compare(vm, &a, CmpOp::Eq, "__eq__")
}
fn ns_ne(vm: &mut Vm, a: Args) -> PyResult<Value> {
    ns_compare(vm, &a, CmpOp::Ne, "__ne__")
}
fn ns_lt(vm: &mut Vm, a: Args) -> PyResult<Value> {
    ns_compare(vm, &a, CmpOp::Lt, "__lt__")
}
fn ns_le(vm: &mut Vm, a: Args) -> PyResult<Value> {
    ns_compare(vm, &a, CmpOp::Le, "__le__")
}
fn ns_gt(vm: &mut Vm, a: Args) -> PyResult<Value> {
    ns_compare(vm, &a, CmpOp::Gt, "__gt__")
}
fn ns_ge(vm: &mut Vm, a: Args) -> PyResult<Value> {
    ns_compare(vm, &a, CmpOp::Ge, "__ge__")
}
