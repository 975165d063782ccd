//! Iteration builtins: `map`, `filter`, `reversed`, `all`, `any`, and the
//! shared helpers of `min`/`max`/`sum`/`iter` (in `funcs.rs`).

use pyvm_objmodel::Value;

use super::super::call::Args;
use super::super::exception::PyResult;
use super::super::heap::Vm;
use super::super::layout::Kind;
use super::super::ops::CmpOp;
use super::super::types::TypeId;
use super::{NativeTable, Place};

/// This file's natives.
pub(crate) const ITER_NATIVES: NativeTable = &[
    ("map", Place::Constructor(TypeId::Map), map_new),
    ("filter", Place::Constructor(TypeId::Filter), filter_new),
    (
        "reversed",
        Place::Constructor(TypeId::Reversed),
        reversed_new,
    ),
    ("all", Place::Builtins, all),
    ("any", Place::Builtins, any),
];

fn exact(vm: &mut Vm, a: &Args, name: &str, n: usize) -> PyResult<()> {
    if a.nkw(vm) > 0 {
        return Err(vm.type_error(&format!("{name}() takes no keyword arguments")));
    }
    let got = a.npos(vm);
    if got != n {
        let s = if n == 1 { "" } else { "s" };
        return Err(vm.type_error(&format!("{name} expected {n} argument{s}, got {got}")));
    }
    Ok(())
}

/// `map(function, iterable, *iterables)`.
pub fn map_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if a.nkw(vm) > 0 {
        return Err(vm.type_error("map() takes no keyword arguments"));
    }
    let n = a.npos(vm);
    if n < 2 {
        return Err(vm.type_error("map() must have at least two arguments."));
    }
    let mark = vm.temps_len();
    let r = (|| {
        for i in 1..n {
            let it = vm.get_iter(a.get(vm, i))?;
            vm.push_temp(it);
        }
        let its = vm.m.roots().temps[mark..].to_vec();
        let t = vm.new_tuple(&its)?;
        let class = vm.ty(TypeId::Map);
        vm.alloc_record(Kind::Map, class, &[a.get(vm, 0), t], 0)
    })();
    vm.pop_temps(mark);
    r
}

/// `filter(function or None, iterable)`.
pub fn filter_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    exact(vm, &a, "filter", 2)?;
    let it = vm.get_iter(a.get(vm, 1))?;
    let class = vm.ty(TypeId::Filter);
    vm.alloc_record(Kind::Filter, class, &[a.get(vm, 0), it], 0)
}

/// `reversed(sequence)`.
pub fn reversed_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    exact(vm, &a, "reversed", 1)?;
    vm.reversed_of(a.get(vm, 0))
}

fn all_any(vm: &mut Vm, a: Args, name: &str, want: bool) -> PyResult<Value> {
    super::arity(vm, &a, name, 1, 1)?;
    let it = vm.get_iter(a.get(vm, 0))?;
    let ii = vm.push_temp(it);
    let r = (|| {
        while let Some(x) = vm.iter_next(vm.temp(ii))? {
            if vm.truthy(x)? == want {
                return Ok(Value::from_bool(want));
            }
        }
        Ok(Value::from_bool(!want))
    })();
    vm.pop_temps(ii);
    r
}

/// `all(iterable)`.
pub fn all(vm: &mut Vm, a: Args) -> PyResult<Value> {
    all_any(vm, a, "all", false)
}

/// `any(iterable)`.
pub fn any(vm: &mut Vm, a: Args) -> PyResult<Value> {
    all_any(vm, a, "any", true)
}

/// `min`/`max` with CPython's signature: one iterable (with optional
/// `default`) or several positional arguments, and an optional `key`.
pub fn min_max(vm: &mut Vm, a: Args, name: &str, op: CmpOp) -> PyResult<Value> {
    let n = a.npos(vm);
    // Temp indices of the `key` and `default` arguments.
    let mut key = None;
    let mut default = None;
    if let Some(k) = a.kw {
        let names = vm.tuple_items(vm.temp(k)).to_vec();
        for (j, nm) in names.into_iter().enumerate() {
            let at = a.start + n + j;
            match &*vm.str_text(nm) {
                "key" => key = Some(at),
                "default" => default = Some(at),
                other => {
                    let msg = format!("'{other}' is an invalid keyword argument for {name}()");
                    return Err(vm.type_error(&msg));
                }
            }
        }
    }
    if n == 0 {
        return Err(vm.type_error(&format!("{name} expected at least 1 argument, got 0")));
    }
    if n > 1 && default.is_some() {
        return Err(vm.type_error(&format!(
            "Cannot specify a default for {name}() with multiple positional arguments"
        )));
    }
    let key = key.filter(|&k| !vm.temp(k).is_none());
    let mark = vm.temps_len();
    let r = (|| {
        let src = if n == 1 {
            a.get(vm, 0)
        } else {
            let items: Vec<Value> = (0..n).map(|i| a.get(vm, i)).collect();
            vm.new_tuple(&items)?
        };
        let it = vm.get_iter(src)?;
        let ii = vm.push_temp(it);
        // best item, its key
        let bi = vm.push_temp(Value::EMPTY);
        vm.push_temp(Value::EMPTY);
        while let Some(x) = vm.iter_next(vm.temp(ii))? {
            let xi = vm.push_temp(x);
            let kx = match key {
                None => x,
                Some(k) => vm.call_value(vm.temp(k), &[x])?,
            };
            let kxi = vm.push_temp(kx);
            let better = if vm.temp(bi).is_empty() {
                true
            } else {
                let c = vm.compare(op, vm.temp(kxi), vm.temp(bi + 1))?;
                vm.truthy(c)?
            };
            if better {
                vm.roots().temps[bi] = vm.temp(xi);
                vm.roots().temps[bi + 1] = vm.temp(kxi);
            }
            vm.pop_temps(xi);
        }
        if vm.temp(bi).is_empty() {
            return match default {
                Some(d) => Ok(vm.temp(d)),
                None => Err(vm.raise_msg(
                    TypeId::ValueError,
                    &format!("{name}() arg is an empty sequence"),
                )),
            };
        }
        Ok(vm.temp(bi))
    })();
    vm.pop_temps(mark);
    r
}

/// `sum(iterable, /, start=0)`.
pub fn sum(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = a.npos(vm);
    let mut start = None;
    if let Some(k) = a.kw {
        let names = vm.tuple_items(vm.temp(k)).to_vec();
        for (j, nm) in names.into_iter().enumerate() {
            if vm.str_bytes(nm) == b"start" && n < 2 {
                start = Some(vm.temp(a.start + n + j));
            } else {
                let s = vm.str_text(nm).into_owned();
                let msg = if s == "start" {
                    "argument for sum() given by name ('start') and position (2)".to_string()
                } else {
                    format!("sum() got an unexpected keyword argument '{s}'")
                };
                return Err(vm.type_error(&msg));
            }
        }
    }
    if n == 0 || n > 2 {
        let msg = if n == 0 {
            "sum() takes at least 1 positional argument (0 given)".to_string()
        } else {
            format!("sum() takes at most 2 arguments ({n} given)")
        };
        return Err(vm.type_error(&msg));
    }
    let start = if n == 2 { Some(a.get(vm, 1)) } else { start };
    let start = start.unwrap_or(Value::from_int(0).unwrap_or(Value::NONE));
    if vm.is_str(start) {
        return Err(vm.type_error("sum() can't sum strings [use ''.join(seq) instead]"));
    }
    let tn = vm.type_name(start);
    if tn == "bytes" || tn == "bytearray" {
        return Err(vm.type_error(&format!("sum() can't sum {tn} [use b''.join(seq) instead]")));
    }
    let mark = vm.temps_len();
    let acc = vm.push_temp(start);
    let r = (|| {
        let it = vm.get_iter(a.get(vm, 0))?;
        let ii = vm.push_temp(it);
        while let Some(x) = vm.iter_next(vm.temp(ii))? {
            let v = vm.binary_op(super::super::ops::BinOp::Add, vm.temp(acc), x)?;
            vm.roots().temps[acc] = v;
        }
        Ok(vm.temp(acc))
    })();
    vm.pop_temps(mark);
    r
}

/// `iter(object)`, `iter(callable, sentinel)`.
pub fn iter(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if a.nkw(vm) > 0 {
        return Err(vm.type_error("iter() takes no keyword arguments"));
    }
    match a.npos(vm) {
        1 => vm.get_iter(a.get(vm, 0)),
        2 => {
            let f = a.get(vm, 0);
            let callable = vm.is_callable(f)?;
            if !callable {
                return Err(vm.type_error("iter(v, w): v must be callable"));
            }
            let class = vm.ty(TypeId::CallableIterator);
            vm.alloc_record(Kind::CallIter, class, &[a.get(vm, 0), a.get(vm, 1)], 0)
        }
        0 => Err(vm.type_error("iter expected at least 1 argument, got 0")),
        n => Err(vm.type_error(&format!("iter expected at most 2 arguments, got {n}"))),
    }
}
