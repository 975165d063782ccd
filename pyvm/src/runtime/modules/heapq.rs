//! `_heapq`: the heap primitives `heapq` imports over its pure-Python
//! versions. Items stay in the list while they are compared (so they stay
//! rooted); the sift loops swap in place and re-read the list after every
//! comparison, failing as CPython does if a comparison resized it.

use pyvm_objmodel::Value;

use super::NativeModule;
use super::native_types::check_pos;
use crate::runtime::call::Args;
use crate::runtime::exception::PyResult;
use crate::runtime::heap::Vm;
use crate::runtime::layout::Kind;
use crate::runtime::ops::CmpOp;
use crate::runtime::types::TypeId;

/// The `_heapq` module.
pub(crate) const MODULE: NativeModule = NativeModule {
    name: "_heapq",
    functions: &[
        ("heappush", heappush),
        ("heappop", heappop),
        ("heapify", heapify),
        ("heapreplace", heapreplace),
        ("heappushpop", heappushpop),
        ("_heappop_max", heappop_max),
        ("_heapify_max", heapify_max),
        ("_heapreplace_max", heapreplace_max),
    ],
    init: None,
};

/// The heap list argument (temp `a.start`).
fn heap_arg(vm: &mut Vm, a: &Args, fname: &str) -> PyResult<Value> {
    let h = a.get(vm, 0);
    if vm.kind_of(h) != Some(Kind::List) {
        let t = vm.type_name(h);
        return Err(vm.type_error(&format!("{fname}() argument 1 must be list, not {t}")));
    }
    Ok(h)
}

fn len(vm: &Vm, hi: usize) -> usize {
    vm.list_vec(vm.temp(hi)).len()
}

/// `heap[i] < heap[j]` (`heap[j] < heap[i]` for max-heaps); fails if the
/// comparison changed the list's size.
fn less(vm: &mut Vm, hi: usize, i: usize, j: usize, max: bool) -> PyResult<bool> {
    let n = len(vm, hi);
    let (x, y) = {
        let v = vm.list_vec(vm.temp(hi));
        if max { (v[j], v[i]) } else { (v[i], v[j]) }
    };
    let r = vm.compare(CmpOp::Lt, x, y)?;
    let r = vm.truthy(r)?;
    if len(vm, hi) != n {
        return Err(vm.raise_msg(TypeId::RuntimeError, "list changed size during iteration"));
    }
    Ok(r)
}

fn swap(vm: &mut Vm, hi: usize, i: usize, j: usize) {
    vm.list_vec(vm.temp(hi)).swap(i, j);
}

fn siftdown(vm: &mut Vm, hi: usize, start: usize, mut pos: usize, max: bool) -> PyResult<()> {
    while pos > start {
        let parent = (pos - 1) >> 1;
        if !less(vm, hi, pos, parent, max)? {
            break;
        }
        swap(vm, hi, pos, parent);
        pos = parent;
    }
    Ok(())
}

fn siftup(vm: &mut Vm, hi: usize, mut pos: usize, max: bool) -> PyResult<()> {
    let end = len(vm, hi);
    let start = pos;
    let limit = end >> 1;
    while pos < limit {
        let mut child = 2 * pos + 1;
        if child + 1 < end && !less(vm, hi, child, child + 1, max)? {
            child += 1;
        }
        if len(vm, hi) != end {
            return Err(vm.raise_msg(TypeId::RuntimeError, "list changed size during iteration"));
        }
        swap(vm, hi, pos, child);
        pos = child;
    }
    siftdown(vm, hi, start, pos, max)
}

fn heappush(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "heappush", 2, 2)?;
    let h = heap_arg(vm, &a, "heappush")?;
    let x = a.get(vm, 1);
    vm.list_vec(h).push(x);
    // SAFETY: `h` was just read from a root.
    unsafe { vm.barrier(h) };
    let n = len(vm, a.start);
    siftdown(vm, a.start, 0, n - 1, false)?;
    Ok(Value::NONE)
}

fn pop(vm: &mut Vm, a: Args, max: bool) -> PyResult<Value> {
    let h = heap_arg(vm, &a, if max { "_heappop_max" } else { "heappop" })?;
    let Some(last) = vm.list_vec(h).pop() else {
        return Err(vm.raise_msg(TypeId::IndexError, "index out of range"));
    };
    if vm.list_vec(h).is_empty() {
        return Ok(last);
    }
    let top = std::mem::replace(&mut vm.list_vec(h)[0], last);
    let ti = vm.push_temp(top);
    let r = siftup(vm, a.start, 0, max);
    let top = vm.temp(ti);
    vm.pop_temps(ti);
    r.map(|_| top)
}

fn heappop(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "heappop", 1, 1)?;
    pop(vm, a, false)
}

fn heappop_max(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "_heappop_max", 1, 1)?;
    pop(vm, a, true)
}

fn replace(vm: &mut Vm, a: Args, max: bool) -> PyResult<Value> {
    let h = heap_arg(
        vm,
        &a,
        if max {
            "_heapreplace_max"
        } else {
            "heapreplace"
        },
    )?;
    if vm.list_vec(h).is_empty() {
        return Err(vm.raise_msg(TypeId::IndexError, "index out of range"));
    }
    let x = a.get(vm, 1);
    let top = std::mem::replace(&mut vm.list_vec(h)[0], x);
    // SAFETY: `h` was just read from a root.
    unsafe { vm.barrier(h) };
    let ti = vm.push_temp(top);
    let r = siftup(vm, a.start, 0, max);
    let top = vm.temp(ti);
    vm.pop_temps(ti);
    r.map(|_| top)
}

fn heapreplace(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "heapreplace", 2, 2)?;
    replace(vm, a, false)
}

fn heapreplace_max(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "_heapreplace_max", 2, 2)?;
    replace(vm, a, true)
}

fn heappushpop(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "heappushpop", 2, 2)?;
    let h = heap_arg(vm, &a, "heappushpop")?;
    let Some(&top) = vm.list_vec(h).first() else {
        return Ok(a.get(vm, 1));
    };
    let r = vm.compare(CmpOp::Lt, top, a.get(vm, 1))?;
    if !vm.truthy(r)? {
        return Ok(a.get(vm, 1));
    }
    let h = a.get(vm, 0);
    if vm.list_vec(h).is_empty() {
        return Err(vm.raise_msg(TypeId::IndexError, "index out of range"));
    }
    replace(vm, a, false)
}

fn heapify_impl(vm: &mut Vm, a: Args, max: bool) -> PyResult<Value> {
    heap_arg(vm, &a, if max { "_heapify_max" } else { "heapify" })?;
    let n = len(vm, a.start);
    for i in (0..n / 2).rev() {
        siftup(vm, a.start, i, max)?;
    }
    Ok(Value::NONE)
}

fn heapify(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "heapify", 1, 1)?;
    heapify_impl(vm, a, false)
}

fn heapify_max(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "_heapify_max", 1, 1)?;
    heapify_impl(vm, a, true)
}
