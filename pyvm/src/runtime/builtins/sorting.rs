//! `sorted()` and `list.sort()` on the crate's timsort, comparing with
//! Python's `<` (which may run user code). Items and keys stay rooted on the
//! temps while sorting; the sort permutes indices, never raw values, so a
//! collection inside a user `__lt__` cannot leave stale references behind.

use pyvm_objmodel::Value;

use super::super::call::Args;
use super::super::exception::{PyResult, Raised};
use super::super::heap::Vm;
use super::super::layout::Kind;
use super::super::ops::CmpOp;
use crate::sort::sort_list;

/// Sorts `items` (already on the temps from `mark`) by `key` (a callable
/// or None), returning the sorted values.
fn sort_rooted(
    vm: &mut Vm,
    mark: usize,
    n: usize,
    key: Value,
    reverse: bool,
) -> PyResult<Vec<Value>> {
    let kmark = if key.is_none() {
        mark
    } else {
        let km = vm.temps_len();
        let ki = vm.push_temp(key);
        for i in 0..n {
            let k = vm.call_value(vm.temp(ki), &[vm.temp(mark + i)])?;
            vm.push_temp(k);
        }
        km + 1
    };
    let mut order: Vec<usize> = (0..n).collect();
    let r: Result<(), Raised> = sort_list(&mut order, reverse, |&a, &b| {
        let lt = vm.compare(CmpOp::Lt, vm.temp(kmark + a), vm.temp(kmark + b))?;
        vm.truthy(lt)
    });
    r?;
    Ok(order.into_iter().map(|i| vm.temp(mark + i)).collect())
}

fn sort_options(vm: &mut Vm, a: &Args, name: &str, npos_max: usize) -> PyResult<(Value, bool)> {
    let npos = a.npos(vm);
    if npos > npos_max {
        return Err(vm.type_error(&format!("{name}() takes no positional arguments")));
    }
    let reverse = match a.kwarg(vm, "reverse") {
        Some(r) => match vm.index_value(r) {
            Some(i) => i != 0,
            None => {
                let t = vm.type_name(r);
                return Err(
                    vm.type_error(&format!("'{t}' object cannot be interpreted as an integer"))
                );
            }
        },
        None => false,
    };
    let key = a.kwarg(vm, "key").unwrap_or(Value::NONE);
    if let Some(k) = a.kw {
        let names = vm.tuple_items(vm.temp(k)).to_vec();
        if names.len() > 2 {
            return Err(vm.type_error(&format!(
                "sort() takes at most 2 keyword arguments ({} given)",
                names.len()
            )));
        }
        for nm in names {
            let t = vm.str_text(nm).into_owned();
            if t != "key" && t != "reverse" {
                return Err(
                    vm.type_error(&format!("'{t}' is an invalid keyword argument for sort()"))
                );
            }
        }
    }
    Ok((key, reverse))
}

/// `sorted(iterable, *, key=None, reverse=False)`.
pub fn sorted(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if a.npos(vm) != 1 {
        let n = a.npos(vm);
        return Err(vm.type_error(&format!("sorted expected 1 argument, got {n}")));
    }
    let (key, reverse) = sort_options(vm, &a, "sorted", 1)?;
    let items = vm.collect_iterable(a.get(vm, 0))?;
    let mark = vm.temps_len();
    let n = items.len();
    vm.roots().temps.extend_from_slice(&items);
    // Iterating may have allocated: read the key function again.
    let key = if key.is_none() {
        key
    } else {
        a.kwarg(vm, "key").unwrap_or(Value::NONE)
    };
    let r = sort_rooted(vm, mark, n, key, reverse).and_then(|v| vm.new_list(&v));
    vm.pop_temps(mark);
    r
}

/// `list.sort(*, key=None, reverse=False)`.
pub fn list_sort(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let l = a.get(vm, 0);
    if vm.kind_of(l) != Some(Kind::List) {
        return Err(vm.type_error("descriptor 'sort' for 'list' objects doesn't apply"));
    }
    let (key, reverse) = sort_options(vm, &a, "sort", 1)?;
    // The list is empty while it is sorted (as in CPython), so that
    // changes made by key functions or comparisons are detected.
    let l = a.get(vm, 0);
    let items = std::mem::take(vm.list_vec(l));
    let mark = vm.temps_len();
    let n = items.len();
    vm.roots().temps.extend_from_slice(&items);
    let r = sort_rooted(vm, mark, n, key, reverse);
    let original: Vec<Value> = vm.m.roots().temps[mark..mark + n].to_vec();
    vm.pop_temps(mark);
    let l = a.get(vm, 0);
    let modified = !vm.list_vec(l).is_empty();
    *vm.list_vec(l) = match &r {
        Ok(sorted) => sorted.clone(),
        Err(_) => original,
    };
    // SAFETY: `l` is the live receiver, just read from the temps.
    unsafe { vm.barrier(l) };
    r?;
    if modified {
        return Err(vm.raise_msg(
            super::super::types::TypeId::ValueError,
            "list modified during sort",
        ));
    }
    Ok(Value::NONE)
}
