//! The combinatoric iterators of `itertools`: product, permutations,
//! combinations and combinations_with_replacement.
//!
//! Each keeps its pool(s) as tuples and its position as lists of small
//! ints in its state fields; the index arithmetic is done on Rust vectors
//! read from and written back to those lists (ints never allocate).

use pyvm_objmodel::Value;

use super::itertools::make;
use super::native_types::{NativeType, Style, bind, index_arg, opt};
use crate::runtime::call::Args;
use crate::runtime::exception::PyResult;
use crate::runtime::heap::Vm;
use crate::runtime::types::TypeId;

const fn comb_type(name: &'static str) -> NativeType {
    NativeType {
        module: "itertools",
        name,
        ..NativeType::EMPTY
    }
}

fn int(i: i64) -> Value {
    Value::from_int(i).unwrap_or(Value::NONE)
}

/// The ints of the list in state field `k`.
fn ints(vm: &Vm, s: usize, k: usize) -> Vec<i64> {
    vm.list_vec(vm.st(s, k))
        .iter()
        .map(|v| v.as_int().unwrap_or(0))
        .collect()
}

/// Stores ints into the list in state field `k` (no allocation).
fn put_ints(vm: &mut Vm, s: usize, k: usize, xs: &[i64]) {
    let l = vm.st(s, k);
    let v = vm.list_vec(l);
    v.clear();
    v.extend(xs.iter().map(|&i| int(i)));
}

/// A list of small ints.
fn int_list(vm: &mut Vm, xs: &[i64]) -> PyResult<Value> {
    let items: Vec<Value> = xs.iter().map(|&i| int(i)).collect();
    vm.new_list(&items)
}

/// The tuple of `pool` items at `idx` (pool at temp-rooted state field `k`).
fn pick(vm: &mut Vm, s: usize, k: usize, idx: &[i64]) -> PyResult<Value> {
    let pool = vm.st(s, k);
    let items: Vec<Value> = {
        let p = vm.tuple_items(pool);
        idx.iter().map(|&i| p[i as usize]).collect()
    };
    vm.new_tuple(&items)
}

/// A tuple of the items of `v`.
fn to_tuple(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let items = vm.collect_iterable(v)?;
    vm.new_tuple(&items)
}

fn nonneg_r(vm: &mut Vm, v: Value) -> PyResult<i64> {
    let r = index_arg(vm, v)?;
    if r < 0 {
        return Err(vm.raise_msg(TypeId::ValueError, "r must be non-negative"));
    }
    Ok(r)
}

// ---- product --------------------------------------------------------------

/// `itertools.product(*iterables, repeat=1)`: state [pools (tuple of
/// tuples), indices (list), started, stopped].
pub(crate) static PRODUCT: NativeType = NativeType {
    new: Some(product_new),
    next: Some(product_next),
    ..comb_type("product")
};

fn product_new(vm: &mut Vm, cls: usize, a: Args) -> PyResult<Value> {
    let nkw = a.nkw(vm);
    let mut repeat = 1;
    if nkw > 0 {
        let k = a.kw.unwrap_or(0);
        for j in 0..nkw {
            let name = vm.tuple_items(vm.temp(k))[j];
            let text = vm.str_text(name).into_owned();
            if text != "repeat" || nkw > 1 {
                let bad = if text != "repeat" {
                    text
                } else {
                    let other = vm.tuple_items(vm.temp(k))[1 - j.min(1)];
                    vm.str_text(other).into_owned()
                };
                return Err(vm.type_error(&format!(
                    "'{bad}' is an invalid keyword argument for product()"
                )));
            }
        }
        let r = a.kwarg(vm, "repeat").unwrap_or(int(1));
        repeat = index_arg(vm, r)?;
        if repeat < 0 {
            return Err(vm.raise_msg(TypeId::ValueError, "repeat argument cannot be negative"));
        }
    }
    let n = a.npos(vm);
    let mark = vm.temps_len();
    let r = (|| {
        for i in 0..n {
            let t = to_tuple(vm, a.get(vm, i))?;
            vm.push_temp(t);
        }
        let pools: Vec<Value> = vm.m.roots().temps[mark..].to_vec();
        let mut all = Vec::with_capacity(pools.len() * repeat as usize);
        for _ in 0..repeat {
            all.extend_from_slice(&pools);
        }
        let pools = vm.new_tuple(&all)?;
        let pi = vm.push_temp(pools);
        let idx = int_list(vm, &vec![0; all.len()])?;
        make(
            vm,
            &PRODUCT,
            cls,
            &[vm.temp(pi), idx, Value::FALSE, Value::FALSE],
        )
    })();
    vm.pop_temps(mark);
    r
}

fn product_next(vm: &mut Vm, s: usize) -> PyResult<Option<Value>> {
    if vm.st(s, 3) == Value::TRUE {
        return Ok(None);
    }
    let pools = vm.st(s, 0);
    let lens: Vec<usize> = vm
        .tuple_items(pools)
        .to_vec()
        .into_iter()
        .map(|p| vm.tuple_items(p).len())
        .collect();
    let mut idx = ints(vm, s, 1);
    if vm.st(s, 2) != Value::TRUE {
        vm.set_st(s, 2, Value::TRUE);
        if lens.contains(&0) {
            vm.set_st(s, 3, Value::TRUE);
            return Ok(None);
        }
    } else {
        let mut i = lens.len();
        loop {
            if i == 0 {
                vm.set_st(s, 3, Value::TRUE);
                return Ok(None);
            }
            i -= 1;
            idx[i] += 1;
            if (idx[i] as usize) < lens[i] {
                break;
            }
            idx[i] = 0;
        }
        put_ints(vm, s, 1, &idx);
    }
    let pools = vm.st(s, 0);
    let items: Vec<Value> = vm
        .tuple_items(pools)
        .iter()
        .zip(&idx)
        .map(|(&p, &i)| vm.tuple_items(p)[i as usize])
        .collect();
    vm.new_tuple(&items).map(Some)
}

// ---- permutations ---------------------------------------------------------

/// `itertools.permutations(iterable, r=None)`: state [pool, indices,
/// cycles, r, started, stopped].
pub(crate) static PERMUTATIONS: NativeType = NativeType {
    new: Some(permutations_new),
    next: Some(permutations_next),
    ..comb_type("permutations")
};

fn permutations_new(vm: &mut Vm, cls: usize, a: Args) -> PyResult<Value> {
    let p = bind(
        vm,
        &a,
        "permutations",
        &["iterable", "r"],
        2,
        1,
        Style::Clinic,
    )?;
    let pool = to_tuple(vm, vm.temp(p[0].unwrap_or(a.start)))?;
    let pi = vm.push_temp(pool);
    let r = (|| {
        let n = vm.tuple_items(vm.temp(pi)).len() as i64;
        let r = match opt(vm, p[1]) {
            Some(v) if !v.is_none() => nonneg_r(vm, v)?,
            _ => n,
        };
        let indices = int_list(vm, &(0..n).collect::<Vec<_>>())?;
        let ii = vm.push_temp(indices);
        let cycles: Vec<i64> = (0..r.min(n)).map(|i| n - i).collect();
        let cycles = int_list(vm, &cycles)?;
        let stopped = Value::from_bool(r > n);
        make(
            vm,
            &PERMUTATIONS,
            cls,
            &[
                vm.temp(pi),
                vm.temp(ii),
                cycles,
                int(r),
                Value::FALSE,
                stopped,
            ],
        )
    })();
    vm.pop_temps(pi);
    r
}

fn permutations_next(vm: &mut Vm, s: usize) -> PyResult<Option<Value>> {
    if vm.st(s, 5) == Value::TRUE {
        return Ok(None);
    }
    let r = vm.st(s, 3).as_int().unwrap_or(0) as usize;
    let mut idx = ints(vm, s, 1);
    let n = idx.len();
    if vm.st(s, 4) != Value::TRUE {
        vm.set_st(s, 4, Value::TRUE);
    } else {
        if n == 0 {
            vm.set_st(s, 5, Value::TRUE);
            return Ok(None);
        }
        let mut cycles = ints(vm, s, 2);
        let mut found = false;
        for i in (0..r).rev() {
            cycles[i] -= 1;
            if cycles[i] == 0 {
                let x = idx.remove(i);
                idx.push(x);
                cycles[i] = (n - i) as i64;
            } else {
                let j = cycles[i] as usize;
                idx.swap(i, n - j);
                found = true;
                break;
            }
        }
        put_ints(vm, s, 1, &idx);
        put_ints(vm, s, 2, &cycles);
        if !found {
            vm.set_st(s, 5, Value::TRUE);
            return Ok(None);
        }
    }
    pick(vm, s, 0, &idx[..r]).map(Some)
}

// ---- combinations ---------------------------------------------------------

/// `itertools.combinations(iterable, r)`: state [pool, indices, started,
/// stopped].
pub(crate) static COMBINATIONS: NativeType = NativeType {
    new: Some(|vm, cls, a| comb_new(vm, cls, a, &COMBINATIONS)),
    next: Some(|vm, s| comb_next(vm, s, false)),
    ..comb_type("combinations")
};

/// `itertools.combinations_with_replacement(iterable, r)`: as combinations.
pub(crate) static CWR: NativeType = NativeType {
    new: Some(|vm, cls, a| comb_new(vm, cls, a, &CWR)),
    next: Some(|vm, s| comb_next(vm, s, true)),
    ..comb_type("combinations_with_replacement")
};

fn comb_new(vm: &mut Vm, cls: usize, a: Args, t: &'static NativeType) -> PyResult<Value> {
    let p = bind(vm, &a, t.name, &["iterable", "r"], 2, 2, Style::Clinic)?;
    let pool = to_tuple(vm, vm.temp(p[0].unwrap_or(a.start)))?;
    let pi = vm.push_temp(pool);
    let res = (|| {
        let n = vm.tuple_items(vm.temp(pi)).len() as i64;
        let r = nonneg_r(vm, vm.temp(p[1].unwrap_or(a.start)))?;
        let repl = std::ptr::eq(t, &CWR);
        let start: Vec<i64> = if repl {
            vec![0; r as usize]
        } else {
            (0..r).collect()
        };
        let stopped = if repl { n == 0 && r > 0 } else { r > n };
        let indices = int_list(vm, &start)?;
        make(
            vm,
            t,
            cls,
            &[
                vm.temp(pi),
                indices,
                Value::FALSE,
                Value::from_bool(stopped),
            ],
        )
    })();
    vm.pop_temps(pi);
    res
}

fn comb_next(vm: &mut Vm, s: usize, repl: bool) -> PyResult<Option<Value>> {
    if vm.st(s, 3) == Value::TRUE {
        return Ok(None);
    }
    let mut idx = ints(vm, s, 1);
    let n = vm.tuple_items(vm.st(s, 0)).len() as i64;
    let r = idx.len();
    if vm.st(s, 2) != Value::TRUE {
        vm.set_st(s, 2, Value::TRUE);
    } else {
        let last = |i: usize| if repl { n - 1 } else { i as i64 + n - r as i64 };
        let Some(i) = (0..r).rev().find(|&i| idx[i] != last(i)) else {
            vm.set_st(s, 3, Value::TRUE);
            return Ok(None);
        };
        idx[i] += 1;
        for j in i + 1..r {
            idx[j] = if repl { idx[i] } else { idx[j - 1] + 1 };
        }
        put_ints(vm, s, 1, &idx);
    }
    pick(vm, s, 0, &idx).map(Some)
}
