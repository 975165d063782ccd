//! Methods of `set` and `frozenset`, and the `frozenset` constructor.

use pyvm_objmodel::Value;

use super::super::call::Args;
use super::super::exception::PyResult;
use super::super::heap::Vm;
use super::super::layout::Kind;
use super::super::setobj::SetOp;
use super::super::types::TypeId;
use super::list_methods::marity;
use super::{NativeTable, Place, arity};

const S: TypeId = TypeId::Set;
const F: TypeId = TypeId::FrozenSet;

/// This file's natives.
pub(crate) const SET_NATIVES: NativeTable = &[
    ("frozenset", Place::Constructor(F), frozenset_new),
    ("remove", Place::Method(S), set_remove),
    ("discard", Place::Method(S), set_discard),
    ("pop", Place::Method(S), set_pop),
    ("clear", Place::Method(S), set_clear),
    ("copy", Place::Method(S), set_copy),
    ("copy", Place::Method(F), set_copy),
    ("update", Place::Method(S), set_update),
    (
        "intersection_update",
        Place::Method(S),
        set_intersection_update,
    ),
    ("difference_update", Place::Method(S), set_difference_update),
    (
        "symmetric_difference_update",
        Place::Method(S),
        set_symmetric_difference_update,
    ),
    ("union", Place::Method(S), set_union),
    ("union", Place::Method(F), set_union),
    ("intersection", Place::Method(S), set_intersection),
    ("intersection", Place::Method(F), set_intersection),
    ("difference", Place::Method(S), set_difference),
    ("difference", Place::Method(F), set_difference),
    (
        "symmetric_difference",
        Place::Method(S),
        set_symmetric_difference,
    ),
    (
        "symmetric_difference",
        Place::Method(F),
        set_symmetric_difference,
    ),
    ("issubset", Place::Method(S), set_issubset),
    ("issubset", Place::Method(F), set_issubset),
    ("issuperset", Place::Method(S), set_issuperset),
    ("issuperset", Place::Method(F), set_issuperset),
    ("isdisjoint", Place::Method(S), set_isdisjoint),
    ("isdisjoint", Place::Method(F), set_isdisjoint),
    ("__contains__", Place::Method(S), set_contains),
    ("__contains__", Place::Method(F), set_contains),
    ("__len__", Place::Method(S), set_len),
    ("__len__", Place::Method(F), set_len),
];

fn recv(vm: &mut Vm, a: &Args, meth: &str, mutating: bool) -> PyResult<Value> {
    let ok = a.n > 0
        && match vm.kind_of(a.get(vm, 0)) {
            Some(Kind::Set) => true,
            Some(Kind::FrozenSet) => !mutating,
            _ => false,
        };
    if !ok {
        let got = if a.n == 0 {
            "nothing".to_string()
        } else {
            format!("a '{}' object", vm.type_name(a.get(vm, 0)))
        };
        return Err(vm.type_error(&format!(
            "descriptor '{meth}' for 'set' objects doesn't apply to {got}"
        )));
    }
    Ok(a.get(vm, 0))
}

fn no_kw(vm: &mut Vm, a: &Args, name: &str) -> PyResult<usize> {
    if a.nkw(vm) > 0 {
        return Err(vm.type_error(&format!("set.{name}() takes no keyword arguments")));
    }
    Ok(a.npos(vm))
}

/// `frozenset(iterable=())`.
pub fn frozenset_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = arity(vm, &a, "frozenset", 0, 1)?;
    if n == 0 {
        return vm.new_set_like(true);
    }
    let x = a.get(vm, 0);
    if vm.kind_of(x) == Some(Kind::FrozenSet) && vm.class_of(x) == vm.ty(TypeId::FrozenSet) {
        return Ok(x);
    }
    vm.set_from_iterable(x, true)
}

/// `set.remove(x)`.
pub fn set_remove(vm: &mut Vm, a: Args) -> PyResult<Value> {
    marity(vm, &a, "set.remove", 1, 1)?;
    recv(vm, &a, "remove", true)?;
    let k = vm.set_lookup_key(a.get(vm, 1))?;
    if vm.dict_del(a.get(vm, 0), k)? {
        Ok(Value::NONE)
    } else {
        Err(vm.raise_args(TypeId::KeyError, &[a.get(vm, 1)]))
    }
}

/// `set.discard(x)`.
pub fn set_discard(vm: &mut Vm, a: Args) -> PyResult<Value> {
    marity(vm, &a, "set.discard", 1, 1)?;
    recv(vm, &a, "discard", true)?;
    let k = vm.set_lookup_key(a.get(vm, 1))?;
    vm.dict_del(a.get(vm, 0), k)?;
    Ok(Value::NONE)
}

/// `set.pop()`: an arbitrary element (the first in pyvm's order).
pub fn set_pop(vm: &mut Vm, a: Args) -> PyResult<Value> {
    marity(vm, &a, "set.pop", 0, 0)?;
    let s = recv(vm, &a, "pop", true)?;
    vm.set_canonicalize(s);
    let first = vm.dict_mut(s).items(&vm.keys()).next().map(|p| p.0);
    match first {
        Some(k) => {
            let ki = vm.push_temp(k);
            let r = vm.dict_del(s, k);
            let k = vm.temp(ki);
            vm.pop_temps(ki);
            r.map(|_| k)
        }
        None => Err(vm.raise_msg(TypeId::KeyError, "pop from an empty set")),
    }
}

/// `set.clear()`.
pub fn set_clear(vm: &mut Vm, a: Args) -> PyResult<Value> {
    marity(vm, &a, "set.clear", 0, 0)?;
    let s = recv(vm, &a, "clear", true)?;
    vm.dict_mut(s).clear();
    Ok(Value::NONE)
}

/// `set.copy()` / `frozenset.copy()`.
pub fn set_copy(vm: &mut Vm, a: Args) -> PyResult<Value> {
    marity(vm, &a, "set.copy", 0, 0)?;
    let s = recv(vm, &a, "copy", false)?;
    let frozen = vm.kind_of(s) == Some(Kind::FrozenSet);
    if frozen && vm.class_of(s) == vm.ty(TypeId::FrozenSet) {
        return Ok(s);
    }
    let r = vm.new_set_like(frozen)?;
    let s = a.get(vm, 0);
    let copy = vm.dict_mut(s).clone();
    *vm.dict_mut(r) = copy;
    // SAFETY: `r` was just allocated (live).
    unsafe { vm.barrier(r) };
    Ok(r)
}

fn update_many(vm: &mut Vm, a: Args, name: &str, op: SetOp) -> PyResult<Value> {
    let n = no_kw(vm, &a, name)?;
    recv(vm, &a, name, true)?;
    if op == SetOp::Inter && n > 2 {
        // The intersection with all the others at once (each argument is
        // consumed once, as CPython does).
        let r = multi(vm, &a, n, SetOp::Inter)?;
        let (t, r) = (a.get(vm, 0), r);
        let fresh = std::mem::take(vm.dict_mut(r));
        *vm.dict_mut(t) = fresh;
        // SAFETY: `t` is the live receiver.
        unsafe { vm.barrier(t) };
        return Ok(Value::NONE);
    }
    for i in 1..n {
        vm.set_update_op(op, a.get(vm, 0), a.get(vm, i))?;
    }
    Ok(Value::NONE)
}

/// `s op a1 op a2 ...` as a new set of the receiver's flavour.
fn multi(vm: &mut Vm, a: &Args, n: usize, op: SetOp) -> PyResult<Value> {
    let frozen = vm.kind_of(a.get(vm, 0)) == Some(Kind::FrozenSet);
    let mut acc = a.get(vm, 0);
    let mark = vm.temps_len();
    let r = (|| {
        if n == 1 {
            // A copy of the receiver.
            return vm.set_binop(SetOp::Union, acc, acc, frozen);
        }
        for i in 1..n {
            let r = vm.set_binop(op, acc, a.get(vm, i), frozen)?;
            vm.pop_temps(mark);
            vm.push_temp(r);
            acc = r;
        }
        Ok(acc)
    })();
    vm.pop_temps(mark);
    r
}

/// `set.update(*others)`.
pub fn set_update(vm: &mut Vm, a: Args) -> PyResult<Value> {
    update_many(vm, a, "update", SetOp::Union)
}

/// `set.intersection_update(*others)`.
pub fn set_intersection_update(vm: &mut Vm, a: Args) -> PyResult<Value> {
    update_many(vm, a, "intersection_update", SetOp::Inter)
}

/// `set.difference_update(*others)`.
pub fn set_difference_update(vm: &mut Vm, a: Args) -> PyResult<Value> {
    update_many(vm, a, "difference_update", SetOp::Diff)
}

/// `set.symmetric_difference_update(other)`.
pub fn set_symmetric_difference_update(vm: &mut Vm, a: Args) -> PyResult<Value> {
    marity(vm, &a, "set.symmetric_difference_update", 1, 1)?;
    recv(vm, &a, "symmetric_difference_update", true)?;
    vm.set_update_op(SetOp::SymDiff, a.get(vm, 0), a.get(vm, 1))?;
    Ok(Value::NONE)
}

fn new_from_many(vm: &mut Vm, a: Args, name: &str, op: SetOp) -> PyResult<Value> {
    let n = no_kw(vm, &a, name)?;
    recv(vm, &a, name, false)?;
    multi(vm, &a, n, op)
}

/// `set.union(*others)`.
pub fn set_union(vm: &mut Vm, a: Args) -> PyResult<Value> {
    new_from_many(vm, a, "union", SetOp::Union)
}

/// `set.intersection(*others)`.
pub fn set_intersection(vm: &mut Vm, a: Args) -> PyResult<Value> {
    new_from_many(vm, a, "intersection", SetOp::Inter)
}

/// `set.difference(*others)`.
pub fn set_difference(vm: &mut Vm, a: Args) -> PyResult<Value> {
    new_from_many(vm, a, "difference", SetOp::Diff)
}

/// `set.symmetric_difference(other)`.
pub fn set_symmetric_difference(vm: &mut Vm, a: Args) -> PyResult<Value> {
    marity(vm, &a, "set.symmetric_difference", 1, 1)?;
    recv(vm, &a, "symmetric_difference", false)?;
    let frozen = vm.kind_of(a.get(vm, 0)) == Some(Kind::FrozenSet);
    vm.set_binop(SetOp::SymDiff, a.get(vm, 0), a.get(vm, 1), frozen)
}

/// The argument as a set-like value (any iterable is collected).
fn as_set(vm: &mut Vm, x: Value) -> PyResult<Value> {
    if vm.is_anyset(x) {
        Ok(x)
    } else {
        vm.set_from_iterable(x, true)
    }
}

/// `set.issubset(iterable)`.
pub fn set_issubset(vm: &mut Vm, a: Args) -> PyResult<Value> {
    marity(vm, &a, "set.issubset", 1, 1)?;
    recv(vm, &a, "issubset", false)?;
    let other = as_set(vm, a.get(vm, 1))?;
    vm.set_is_subset(a.get(vm, 0), other).map(Value::from_bool)
}

/// `set.issuperset(iterable)`.
pub fn set_issuperset(vm: &mut Vm, a: Args) -> PyResult<Value> {
    marity(vm, &a, "set.issuperset", 1, 1)?;
    recv(vm, &a, "issuperset", false)?;
    let other = as_set(vm, a.get(vm, 1))?;
    vm.set_is_subset(other, a.get(vm, 0)).map(Value::from_bool)
}

/// `set.isdisjoint(iterable)`.
pub fn set_isdisjoint(vm: &mut Vm, a: Args) -> PyResult<Value> {
    marity(vm, &a, "set.isdisjoint", 1, 1)?;
    recv(vm, &a, "isdisjoint", false)?;
    let mark = vm.temps_len();
    let r = (|| {
        let n = vm.push_elems(a.get(vm, 1))?;
        for i in 0..n {
            if vm.dict_get(a.get(vm, 0), vm.temp(mark + i))?.is_some() {
                return Ok(Value::FALSE);
            }
        }
        Ok(Value::TRUE)
    })();
    vm.pop_temps(mark);
    r
}

/// `set.__contains__(x)`.
pub fn set_contains(vm: &mut Vm, a: Args) -> PyResult<Value> {
    marity(vm, &a, "set.__contains__", 1, 1)?;
    let s = recv(vm, &a, "__contains__", false)?;
    vm.set_contains(s, a.get(vm, 1)).map(Value::from_bool)
}

/// `set.__len__()`.
pub fn set_len(vm: &mut Vm, a: Args) -> PyResult<Value> {
    marity(vm, &a, "set.__len__", 0, 0)?;
    let s = recv(vm, &a, "__len__", false)?;
    let n = vm.dict_mut(s).len();
    vm.new_i64(n as i64)
}
