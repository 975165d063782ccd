//! Methods of `dict` beyond `get` (in `methods.rs`).

use pyvm_objmodel::Value;

use super::super::call::Args;
use super::super::exception::PyResult;
use super::super::heap::Vm;
use super::super::layout::Kind;
use super::super::types::TypeId;
use super::list_methods::marity;
use super::{NativeTable, Place};

/// This file's natives.
pub(crate) const DICT_NATIVES: NativeTable = &[
    ("pop", Place::Method(TypeId::Dict), dict_pop),
    ("popitem", Place::Method(TypeId::Dict), dict_popitem),
    ("setdefault", Place::Method(TypeId::Dict), dict_setdefault),
    ("update", Place::Method(TypeId::Dict), dict_update),
    ("fromkeys", Place::Method(TypeId::Dict), dict_fromkeys),
    ("copy", Place::Method(TypeId::Dict), dict_copy),
    ("clear", Place::Method(TypeId::Dict), dict_clear),
    ("__reversed__", Place::Method(TypeId::Dict), dict_reversed),
    ("__contains__", Place::Method(TypeId::Dict), dict_contains),
    ("__getitem__", Place::Method(TypeId::Dict), dict_getitem),
    ("__setitem__", Place::Method(TypeId::Dict), dict_setitem),
    ("__delitem__", Place::Method(TypeId::Dict), dict_delitem),
    ("__len__", Place::Method(TypeId::Dict), dict_len),
    (
        "isdisjoint",
        Place::Method(TypeId::DictKeys),
        view_isdisjoint,
    ),
    (
        "isdisjoint",
        Place::Method(TypeId::DictItems),
        view_isdisjoint,
    ),
];

fn recv(vm: &mut Vm, a: &Args, meth: &str) -> PyResult<Value> {
    if a.n == 0 || vm.kind_of(a.get(vm, 0)) != Some(Kind::Dict) {
        let got = if a.n == 0 {
            "nothing".to_string()
        } else {
            format!("a '{}' object", vm.type_name(a.get(vm, 0)))
        };
        return Err(vm.type_error(&format!(
            "descriptor '{meth}' for 'dict' objects doesn't apply to {got}"
        )));
    }
    Ok(a.get(vm, 0))
}

/// Keyword arguments as (name, value) pairs (raw values: root before allocating).
fn kw_pairs(vm: &Vm, a: &Args) -> Vec<(Value, Value)> {
    let Some(k) = a.kw else { return Vec::new() };
    let names = vm.tuple_items(vm.temp(k)).to_vec();
    let first = a.n - names.len();
    names
        .into_iter()
        .enumerate()
        .map(|(j, name)| (name, vm.temp(a.start + first + j)))
        .collect()
}

/// `dict.pop(key[, default])`.
pub fn dict_pop(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = marity(vm, &a, "dict.pop", 1, 2)? + 1;
    let d = recv(vm, &a, "pop")?;
    let key = a.get(vm, 1);
    let dict = vm.dict_mut(d);
    let r = dict.remove(&mut vm.keys(), key);
    match r.map_err(|e| vm.raise_key_error(e))? {
        Some(v) => Ok(v),
        None if n == 3 => Ok(a.get(vm, 2)),
        None => Err(vm.raise_args(TypeId::KeyError, &[a.get(vm, 1)])),
    }
}

/// `dict.popitem()`: the last inserted pair.
pub fn dict_popitem(vm: &mut Vm, a: Args) -> PyResult<Value> {
    marity(vm, &a, "dict.popitem", 0, 0)?;
    let d = recv(vm, &a, "popitem")?;
    let item = vm.dict_mut(d).pop_item(&vm.keys());
    match item {
        Some((k, v)) => vm.new_tuple(&[k, v]),
        None => Err(vm.raise_msg(TypeId::KeyError, "popitem(): dictionary is empty")),
    }
}

/// `dict.setdefault(key, default=None)`.
pub fn dict_setdefault(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = marity(vm, &a, "dict.setdefault", 1, 2)? + 1;
    let d = recv(vm, &a, "setdefault")?;
    if let Some(v) = vm.dict_get(d, a.get(vm, 1))? {
        return Ok(v);
    }
    let v = if n == 3 { a.get(vm, 2) } else { Value::NONE };
    vm.dict_set(a.get(vm, 0), a.get(vm, 1), v)?;
    Ok(v)
}

/// `dict.update([other], **kwargs)`.
pub fn dict_update(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = a.npos(vm);
    if n > 2 {
        return Err(vm.type_error(&format!(
            "update expected at most 1 argument, got {}",
            n - 1
        )));
    }
    recv(vm, &a, "update")?;
    if n == 2 {
        vm.dict_merge_from(a.get(vm, 0), a.get(vm, 1))?;
    }
    let pairs = kw_pairs(vm, &a);
    for (i, _) in pairs.iter().enumerate() {
        let (k, v) = kw_pairs(vm, &a)[i];
        vm.dict_set(a.get(vm, 0), k, v)?;
    }
    Ok(Value::NONE)
}

/// `dict.fromkeys` is a class method: `native_classmethods` wraps it, so
/// `dict.fromkeys(...)`, `d.fromkeys(...)` and `D.fromkeys(...)` receive
/// the class first.
pub(crate) fn bind_classmethods(_vm: &mut Vm) -> PyResult<()> {
    Ok(())
}

/// `dict.fromkeys(iterable, value=None)` (a class method: the class first).
pub fn dict_fromkeys(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = marity(vm, &a, "dict.fromkeys", 1, 2)?;
    let mark = vm.temps_len();
    let r = (|| {
        // A subclass gets `cls()` filled through `__setitem__`.
        let exact = a.get(vm, 0) == vm.ty(TypeId::Dict) || a.get(vm, 0).is_empty();
        let d = if exact {
            vm.new_dict()?
        } else {
            vm.call_value(a.get(vm, 0), &[])?
        };
        let di = vm.push_temp(d);
        let k = vm.push_elems(a.get(vm, 1))?;
        for i in 0..k {
            let v = if n == 2 { a.get(vm, 2) } else { Value::NONE };
            if exact {
                vm.dict_set(vm.temp(di), vm.temp(di + 1 + i), v)?;
            } else {
                vm.set_item(vm.temp(di), vm.temp(di + 1 + i), v)?;
            }
        }
        Ok(vm.temp(di))
    })();
    vm.pop_temps(mark);
    r
}

/// `dict.copy()`.
pub fn dict_copy(vm: &mut Vm, a: Args) -> PyResult<Value> {
    marity(vm, &a, "dict.copy", 0, 0)?;
    let d = recv(vm, &a, "copy")?;
    vm.dict_copy(d)
}

/// `dict.clear()`.
pub fn dict_clear(vm: &mut Vm, a: Args) -> PyResult<Value> {
    marity(vm, &a, "dict.clear", 0, 0)?;
    let d = recv(vm, &a, "clear")?;
    vm.dict_mut(d).clear();
    Ok(Value::NONE)
}

/// `dict.__reversed__()`.
pub fn dict_reversed(vm: &mut Vm, a: Args) -> PyResult<Value> {
    marity(vm, &a, "dict.__reversed__", 0, 0)?;
    let d = recv(vm, &a, "__reversed__")?;
    vm.reversed_of(d)
}

/// `dict.__contains__(key)`.
pub fn dict_contains(vm: &mut Vm, a: Args) -> PyResult<Value> {
    marity(vm, &a, "dict.__contains__", 1, 1)?;
    let d = recv(vm, &a, "__contains__")?;
    Ok(Value::from_bool(vm.dict_get(d, a.get(vm, 1))?.is_some()))
}

/// `dict.__getitem__(key)`.
pub fn dict_getitem(vm: &mut Vm, a: Args) -> PyResult<Value> {
    marity(vm, &a, "dict.__getitem__", 1, 1)?;
    let d = recv(vm, &a, "__getitem__")?;
    match vm.dict_get(d, a.get(vm, 1))? {
        Some(v) => Ok(v),
        None => Err(vm.raise_args(TypeId::KeyError, &[a.get(vm, 1)])),
    }
}

/// `dict.__setitem__(key, value)`.
pub fn dict_setitem(vm: &mut Vm, a: Args) -> PyResult<Value> {
    marity(vm, &a, "dict.__setitem__", 2, 2)?;
    let d = recv(vm, &a, "__setitem__")?;
    vm.dict_set(d, a.get(vm, 1), a.get(vm, 2))?;
    Ok(Value::NONE)
}

/// `dict.__delitem__(key)`.
pub fn dict_delitem(vm: &mut Vm, a: Args) -> PyResult<Value> {
    marity(vm, &a, "dict.__delitem__", 1, 1)?;
    let d = recv(vm, &a, "__delitem__")?;
    if vm.dict_del(d, a.get(vm, 1))? {
        Ok(Value::NONE)
    } else {
        Err(vm.raise_args(TypeId::KeyError, &[a.get(vm, 1)]))
    }
}

/// `dict.__len__()`.
pub fn dict_len(vm: &mut Vm, a: Args) -> PyResult<Value> {
    marity(vm, &a, "dict.__len__", 0, 0)?;
    let d = recv(vm, &a, "__len__")?;
    let n = vm.dict_mut(d).len();
    vm.new_i64(n as i64)
}

/// `view.isdisjoint(iterable)` for keys and items views.
pub fn view_isdisjoint(vm: &mut Vm, a: Args) -> PyResult<Value> {
    marity(vm, &a, "dict_keys.isdisjoint", 1, 1)?;
    let mark = vm.temps_len();
    let r = (|| {
        let n = vm.push_elems(a.get(vm, 1))?;
        for i in 0..n {
            if vm.contains(a.get(vm, 0), vm.temp(mark + i))? {
                return Ok(Value::FALSE);
            }
        }
        Ok(Value::TRUE)
    })();
    vm.pop_temps(mark);
    r
}
