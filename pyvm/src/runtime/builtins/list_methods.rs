//! Methods of `list` and `tuple` beyond the first few (`methods.rs`), and
//! of `range` and `slice`.

use pyvm_objmodel::Value;

use super::super::call::Args;
use super::super::exception::PyResult;
use super::super::heap::Vm;
use super::super::layout::Kind;
use super::super::types::TypeId;
use super::{NativeTable, Place};

/// This file's natives.
pub(crate) const LIST_NATIVES: NativeTable = &[
    ("remove", Place::Method(TypeId::List), list_remove),
    ("index", Place::Method(TypeId::List), list_index),
    ("count", Place::Method(TypeId::List), list_count),
    ("reverse", Place::Method(TypeId::List), list_reverse),
    ("copy", Place::Method(TypeId::List), list_copy),
    ("clear", Place::Method(TypeId::List), list_clear),
    ("__reversed__", Place::Method(TypeId::List), reversed_method),
    ("index", Place::Method(TypeId::Tuple), tuple_index),
    ("count", Place::Method(TypeId::Tuple), tuple_count),
    ("index", Place::Method(TypeId::Range), range_index),
    ("count", Place::Method(TypeId::Range), range_count),
    (
        "__reversed__",
        Place::Method(TypeId::Range),
        reversed_method,
    ),
    ("slice", Place::Constructor(TypeId::Slice), slice_new),
    ("indices", Place::Method(TypeId::Slice), slice_indices),
];

fn recv(vm: &mut Vm, a: &Args, kind: Kind, tname: &str, meth: &str) -> PyResult<Value> {
    if a.n == 0 || vm.kind_of(a.get(vm, 0)) != Some(kind) {
        let got = if a.n == 0 {
            "nothing".to_string()
        } else {
            format!("a '{}' object", vm.type_name(a.get(vm, 0)))
        };
        return Err(vm.type_error(&format!(
            "descriptor '{meth}' for '{tname}' objects doesn't apply to {got}"
        )));
    }
    Ok(a.get(vm, 0))
}

/// Checks the arguments of a method called with its receiver first:
/// `qual` is `type.name`; `min`/`max` count the arguments after the
/// receiver, which is also what CPython's messages count. Returns that count.
pub(crate) fn marity(vm: &mut Vm, a: &Args, qual: &str, min: usize, max: usize) -> PyResult<usize> {
    if a.nkw(vm) > 0 {
        return Err(vm.type_error(&format!("{qual}() takes no keyword arguments")));
    }
    let n = a.npos(vm).saturating_sub(1);
    if n >= min && n <= max {
        return Ok(n);
    }
    let short = qual.rsplit('.').next().unwrap_or(qual);
    let s = |k: usize| if k == 1 { "" } else { "s" };
    let msg = match (min, max) {
        (0, 0) => format!("{qual}() takes no arguments ({n} given)"),
        (1, 1) => format!("{qual}() takes exactly one argument ({n} given)"),
        _ if min == max => format!("{short} expected {min} argument{}, got {n}", s(min)),
        _ if n < min => format!(
            "{short} expected at least {min} argument{}, got {n}",
            s(min)
        ),
        _ => format!("{short} expected at most {max} argument{}, got {n}", s(max)),
    };
    Err(vm.type_error(&msg))
}

fn one_arg(vm: &mut Vm, a: &Args, qual: &str) -> PyResult<()> {
    marity(vm, a, qual, 1, 1).map(|_| ())
}

fn no_args(vm: &mut Vm, a: &Args, qual: &str) -> PyResult<()> {
    marity(vm, a, qual, 0, 0).map(|_| ())
}

/// `list.remove(x)`.
pub fn list_remove(vm: &mut Vm, a: Args) -> PyResult<Value> {
    one_arg(vm, &a, "list.remove")?;
    let l = recv(vm, &a, Kind::List, "list", "remove")?;
    let len = vm.list_vec(l).len();
    match vm.seq_find(l, a.get(vm, 1), 0, len)? {
        Some(i) => {
            let l = a.get(vm, 0);
            let v = vm.list_vec(l);
            if i < v.len() {
                v.remove(i);
            }
            Ok(Value::NONE)
        }
        None => Err(vm.raise_msg(TypeId::ValueError, "list.remove(x): x not in list")),
    }
}

fn seq_index(vm: &mut Vm, a: Args, kind: Kind, tname: &str) -> PyResult<Value> {
    let n = marity(vm, &a, &format!("{tname}.index"), 1, 3)? + 1;
    let s = recv(vm, &a, kind, tname, "index")?;
    let len = vm.len_of(s)?;
    let lo = vm.clamp_index_args((n > 2).then(|| a.get(vm, 2)), len, 0)?;
    let hi = vm.clamp_index_args((n > 3).then(|| a.get(vm, 3)), len, len)?;
    match vm.seq_find(a.get(vm, 0), a.get(vm, 1), lo, hi)? {
        Some(i) => vm.new_i64(i as i64),
        None => {
            let msg = if kind == Kind::List {
                let r = vm.repr_string(a.get(vm, 1))?;
                format!("{r} is not in list")
            } else {
                "tuple.index(x): x not in tuple".to_string()
            };
            Err(vm.raise_msg(TypeId::ValueError, &msg))
        }
    }
}

/// `list.index(x[, start[, stop]])`.
pub fn list_index(vm: &mut Vm, a: Args) -> PyResult<Value> {
    seq_index(vm, a, Kind::List, "list")
}

/// `tuple.index(x[, start[, stop]])`.
pub fn tuple_index(vm: &mut Vm, a: Args) -> PyResult<Value> {
    seq_index(vm, a, Kind::Tuple, "tuple")
}

/// `list.count(x)`.
pub fn list_count(vm: &mut Vm, a: Args) -> PyResult<Value> {
    one_arg(vm, &a, "list.count")?;
    let l = recv(vm, &a, Kind::List, "list", "count")?;
    let n = vm.seq_count(l, a.get(vm, 1))?;
    vm.new_i64(n as i64)
}

/// `tuple.count(x)`.
pub fn tuple_count(vm: &mut Vm, a: Args) -> PyResult<Value> {
    one_arg(vm, &a, "tuple.count")?;
    let t = recv(vm, &a, Kind::Tuple, "tuple", "count")?;
    let n = vm.seq_count(t, a.get(vm, 1))?;
    vm.new_i64(n as i64)
}

/// `list.reverse()`.
pub fn list_reverse(vm: &mut Vm, a: Args) -> PyResult<Value> {
    no_args(vm, &a, "list.reverse")?;
    let l = recv(vm, &a, Kind::List, "list", "reverse")?;
    vm.list_vec(l).reverse();
    Ok(Value::NONE)
}

/// `list.copy()`.
pub fn list_copy(vm: &mut Vm, a: Args) -> PyResult<Value> {
    no_args(vm, &a, "list.copy")?;
    let l = recv(vm, &a, Kind::List, "list", "copy")?;
    let items = vm.list_vec(l).clone();
    vm.new_list(&items)
}

/// `list.clear()`.
pub fn list_clear(vm: &mut Vm, a: Args) -> PyResult<Value> {
    no_args(vm, &a, "list.clear")?;
    let l = recv(vm, &a, Kind::List, "list", "clear")?;
    vm.list_vec(l).clear();
    Ok(Value::NONE)
}

/// `seq.__reversed__()`.
pub fn reversed_method(vm: &mut Vm, a: Args) -> PyResult<Value> {
    no_args(vm, &a, "object.__reversed__")?;
    vm.reversed_of(a.get(vm, 0))
}

/// `range.index(x)`.
pub fn range_index(vm: &mut Vm, a: Args) -> PyResult<Value> {
    one_arg(vm, &a, "range.index")?;
    let r = recv(vm, &a, Kind::Range, "range", "index")?;
    let x = a.get(vm, 1);
    if vm.contains(r, x)? {
        let x = a.get(vm, 1);
        if let Some(super::super::ops::Number::Int(big)) = vm.number(x)
            && !vm.range_is_small(a.get(vm, 0))
        {
            let (start, _, step) = vm.range_big_parts(a.get(vm, 0));
            return vm.new_int((big - start) / step);
        }
        if let Some(i) = vm.index_value(x)
            && vm.kind_of(x) != Some(Kind::BigInt)
        {
            let (start, _, step) = vm.range_parts(a.get(vm, 0));
            return vm.new_i64((i - start) / step);
        }
        // An equal non-int (a float): the position by search.
        let r = a.get(vm, 0);
        let n = vm.range_len(r);
        for i in 0..n {
            let (start, _, step) = vm.range_parts(a.get(vm, 0));
            let item = vm.new_i64(start + step * i)?;
            if vm.eq_values(item, a.get(vm, 1))? {
                return vm.new_i64(i);
            }
        }
    }
    let x = a.get(vm, 1);
    if vm.number(x).is_none() || x.is_float() {
        return Err(vm.raise_msg(TypeId::ValueError, "sequence.index(x): x not in sequence"));
    }
    let s = vm.repr_string(x)?;
    Err(vm.raise_msg(TypeId::ValueError, &format!("{s} is not in range")))
}

/// `range.count(x)`.
pub fn range_count(vm: &mut Vm, a: Args) -> PyResult<Value> {
    one_arg(vm, &a, "range.count")?;
    let r = recv(vm, &a, Kind::Range, "range", "count")?;
    let x = a.get(vm, 1);
    if x.is_int() || x.is_bool() || vm.kind_of(x) == Some(Kind::BigInt) {
        let c = vm.contains(r, x)?;
        return Ok(Value::from_int(c as i64).unwrap_or(Value::NONE));
    }
    let n = vm.range_len(r);
    let mut c = 0;
    for i in 0..n {
        let (start, _, step) = vm.range_parts(a.get(vm, 0));
        let item = vm.new_i64(start + step * i)?;
        if vm.eq_values(item, a.get(vm, 1))? {
            c += 1;
        }
    }
    vm.new_i64(c)
}

/// `slice(stop)`, `slice(start, stop[, step])`.
pub fn slice_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if a.nkw(vm) > 0 {
        return Err(vm.type_error("slice() takes no keyword arguments"));
    }
    let n = a.npos(vm);
    let parts = match n {
        1 => [Value::NONE, a.get(vm, 0), Value::NONE],
        2 => [a.get(vm, 0), a.get(vm, 1), Value::NONE],
        3 => [a.get(vm, 0), a.get(vm, 1), a.get(vm, 2)],
        0 => return Err(vm.type_error("slice expected at least 1 argument, got 0")),
        _ => {
            return Err(vm.type_error(&format!("slice expected at most 3 arguments, got {n}")));
        }
    };
    let class = vm.ty(TypeId::Slice);
    vm.alloc_record(Kind::Slice, class, &parts, 0)
}

/// `slice.indices(length)`.
pub fn slice_indices(vm: &mut Vm, a: Args) -> PyResult<Value> {
    marity(vm, &a, "slice.indices", 1, 1)?;
    let s = recv(vm, &a, Kind::Slice, "slice", "indices")?;
    let Some(len) = vm.index_value(a.get(vm, 1)) else {
        let t = vm.type_name(a.get(vm, 1));
        return Err(vm.type_error(&format!("'{t}' object cannot be interpreted as an integer")));
    };
    if len < 0 {
        return Err(vm.raise_msg(TypeId::ValueError, "length should not be negative"));
    }
    let (start, stop, step, _) = vm.slice_indices(s, len as usize)?;
    let f = |i: i64| Value::from_int(i).unwrap_or(Value::NONE);
    vm.new_tuple(&[f(start), f(stop), f(step)])
}
