//! `mappingproxy` (`types.MappingProxyType`): a read-only view of a
//! mapping. `cls.__dict__` is one over the class's dict, so a class
//! namespace cannot be changed behind the type's caches (and the type
//! cache's version tags stay true). State: [the mapping].

use pyvm_objmodel::Value;

use super::native_types::{NativeType, check_pos, is_instance};
use crate::runtime::call::Args;
use crate::runtime::exception::PyResult;
use crate::runtime::heap::Vm;
use crate::runtime::layout::Kind;

/// `mappingproxy`.
pub(crate) static MAPPING_PROXY: NativeType = NativeType {
    module: "builtins",
    name: "mappingproxy",
    new: Some(|vm, cls, a| {
        let n = check_pos(vm, &a, "mappingproxy", 1, 1);
        let n = match n {
            Ok(n) => n,
            Err(_) if a.kwarg(vm, "mapping").is_some() && a.npos(vm) == 0 => {
                vm.take_raised();
                0
            }
            Err(e) => return Err(e),
        };
        let m = if n == 1 {
            a.get(vm, 0)
        } else {
            a.kwarg(vm, "mapping").unwrap_or(Value::NONE)
        };
        check_mapping(vm, m)?;
        super::itertools::make(vm, &MAPPING_PROXY, cls, &[m])
    }),
    iter: Some(|vm, s| vm.get_iter(vm.st(s, 0))),
    len: Some(|vm, s| vm.len_of(vm.st(s, 0))),
    repr: Some(|vm, s| {
        let r = vm.repr_value(vm.st(s, 0))?;
        Ok(format!("mappingproxy({})", vm.str_text(r)))
    }),
    getitem: Some(|vm, s| vm.get_item(vm.st(s, 0), vm.temp(s + 1))),
    contains: Some(|vm, s| vm.contains(vm.st(s, 0), vm.temp(s + 1))),
    setitem: Some(|vm, _| {
        Err(vm.type_error("'mappingproxy' object does not support item assignment"))
    }),
    delitem: Some(|vm, _| {
        Err(vm.type_error("'mappingproxy' object does not support item deletion"))
    }),
    compare: Some(|vm, s, op| {
        let op = match op {
            "==" => crate::runtime::ops::CmpOp::Eq,
            "!=" => crate::runtime::ops::CmpOp::Ne,
            "<" => crate::runtime::ops::CmpOp::Lt,
            "<=" => crate::runtime::ops::CmpOp::Le,
            ">" => crate::runtime::ops::CmpOp::Gt,
            ">=" => crate::runtime::ops::CmpOp::Ge,
            _ => return Ok(None),
        };
        vm.compare(op, vm.st(s, 0), vm.temp(s + 1)).map(Some)
    }),
    methods: &[
        ("keys", |vm, a| forward(vm, a, "keys")),
        ("values", |vm, a| forward(vm, a, "values")),
        ("items", |vm, a| forward(vm, a, "items")),
        ("copy", |vm, a| forward(vm, a, "copy")),
        ("get", proxy_get),
        ("__reversed__", |vm, a| {
            check_pos(vm, &a, "__reversed__", 1, 1)?;
            let f = vm.new_str("__reversed__")?;
            let f = vm.get_attr(vm.field(a.get(vm, 0), 1), f)?;
            vm.call_value(f, &[])
        }),
        ("__or__", |vm, a| merge(vm, a, false)),
        ("__ror__", |vm, a| merge(vm, a, true)),
    ],
    ..NativeType::EMPTY
};

/// CPython's test: a mapping, and not a list or tuple.
fn check_mapping(vm: &mut Vm, m: Value) -> PyResult<()> {
    let seq = matches!(vm.kind_of(m), Some(Kind::List | Kind::Tuple));
    let mapping = !seq
        && (matches!(vm.kind_of(m), Some(Kind::Dict))
            || is_instance(vm, m, &MAPPING_PROXY)
            || vm
                .lookup_type_attr(vm.class_of(m), "__getitem__")?
                .is_some());
    if !mapping {
        let t = vm.type_name(m);
        return Err(vm.type_error(&format!(
            "mappingproxy() argument must be a mapping, not {t}"
        )));
    }
    Ok(())
}

/// Whether `v` is a mappingproxy.
pub(crate) fn is_proxy(vm: &Vm, v: Value) -> bool {
    is_instance(vm, v, &MAPPING_PROXY)
}

/// A new proxy over `mapping` (`cls.__dict__`).
pub(crate) fn new_proxy(vm: &mut Vm, mapping: Value) -> PyResult<Value> {
    vm.new_native(&MAPPING_PROXY, &[mapping])
}

/// `proxy.name()`: the mapping's method of that name.
fn forward(vm: &mut Vm, a: Args, name: &str) -> PyResult<Value> {
    check_pos(vm, &a, name, 1, 1)?;
    let key = vm.new_str(name)?;
    let f = vm.get_attr(vm.field(a.get(vm, 0), 1), key)?;
    vm.call_value(f, &[])
}

/// `proxy.get(key, default=None)`.
fn proxy_get(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = check_pos(vm, &a, "get", 2, 3)?;
    let key = vm.new_str("get")?;
    let f = vm.get_attr(vm.field(a.get(vm, 0), 1), key)?;
    let d = if n == 3 { a.get(vm, 2) } else { Value::NONE };
    vm.call_value(f, &[a.get(vm, 1), d])
}

/// `proxy | other` (or `other | proxy`): a dict merge of copies.
fn merge(vm: &mut Vm, a: Args, reflected: bool) -> PyResult<Value> {
    check_pos(vm, &a, "__or__", 2, 2)?;
    let this = vm.field(a.get(vm, 0), 1);
    let other = a.get(vm, 1);
    let other = if is_instance(vm, other, &MAPPING_PROXY) {
        vm.field(other, 1)
    } else {
        other
    };
    let (l, r) = if reflected {
        (other, this)
    } else {
        (this, other)
    };
    vm.binary_op(crate::runtime::ops::BinOp::Or, l, r)
}
