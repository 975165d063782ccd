//! `aiter()`, `anext()` and `coroutine.__await__()`. The iterator
//! `__await__` returns (`coroutine_wrapper`, so that `yield from
//! coro.__await__()` works in a plain generator) and the awaitable of
//! `anext(it, default)` are Python (`py/async_helpers.py`), compiled on
//! first use into a namespace kept in an auxiliary root.

use pyvm_objmodel::Value;

use super::builtins::{NativeTable, Place};
use super::call::Args;
use super::exception::PyResult;
use super::heap::Vm;
use super::layout::Kind;

/// Auxiliary root: the helpers' namespace.
const HELPERS: usize = 31;

/// The natives of this file.
pub(crate) const ASYNC_NATIVES: NativeTable = &[
    ("aiter", Place::Builtins, aiter),
    ("anext", Place::Builtins, anext),
];

fn helper(vm: &mut Vm, name: &str) -> PyResult<Value> {
    let mut ns = vm.aux_global(HELPERS);
    if ns.is_empty() {
        ns = vm.run_embedded(
            include_str!("py/async_helpers.py"),
            "<pyvm async helpers>",
            "builtins",
        )?;
        vm.set_aux_global(HELPERS, ns);
    }
    Ok(vm.dict_get_str(ns, name)?.unwrap_or(Value::NONE))
}

/// `coroutine.__await__()`: a `coroutine_wrapper` iterator over it.
pub(crate) fn coroutine_await(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let c = a.get(vm, 0);
    if vm.kind_of(c) != Some(Kind::Generator) {
        return Err(vm.type_error("descriptor '__await__' requires a 'coroutine' object"));
    }
    let cls = helper(vm, "coroutine_wrapper")?;
    vm.call_value(cls, &[a.get(vm, 0)])
}

fn aiter(vm: &mut Vm, a: Args) -> PyResult<Value> {
    super::builtins::arity(vm, &a, "aiter", 1, 1)?;
    let v = a.get(vm, 0);
    let Some(it) = vm.call_dunder0(v, "__aiter__")? else {
        let t = vm.type_name(a.get(vm, 0));
        return Err(vm.type_error(&format!("'{t}' object is not an async iterable")));
    };
    let ii = vm.push_temp(it);
    let class = vm.class_of(it);
    let has = vm.lookup_type_attr(class, "__anext__");
    let it = vm.temp(ii);
    vm.pop_temps(ii);
    if has?.is_none() {
        let t = vm.type_name(it);
        return Err(vm.type_error(&format!(
            "aiter() returned not an async iterator of type '{t}'"
        )));
    }
    Ok(it)
}

fn anext(vm: &mut Vm, a: Args) -> PyResult<Value> {
    super::builtins::arity(vm, &a, "anext", 1, 2)?;
    let v = a.get(vm, 0);
    let Some(aw) = vm.call_dunder0(v, "__anext__")? else {
        let t = vm.type_name(a.get(vm, 0));
        return Err(vm.type_error(&format!("'{t}' object is not an async iterator")));
    };
    if a.npos(vm) == 1 {
        return Ok(aw);
    }
    let ai = vm.push_temp(aw);
    let r =
        helper(vm, "anext_default").and_then(|f| vm.call_value(f, &[vm.temp(ai), a.get(vm, 1)]));
    vm.pop_temps(ai);
    r
}
