//! `_bisect`: binary search and insertion into sorted sequences, which
//! `bisect` imports over its pure-Python versions.

use pyvm_objmodel::Value;

use super::NativeModule;
use super::native_types::{Style, bind, opt};
use crate::runtime::call::Args;
use crate::runtime::exception::PyResult;
use crate::runtime::heap::Vm;
use crate::runtime::layout::Kind;
use crate::runtime::ops::CmpOp;
use crate::runtime::types::TypeId;

/// The `_bisect` module.
pub(crate) const MODULE: NativeModule = NativeModule {
    name: "_bisect",
    functions: &[
        ("bisect_right", bisect_right),
        ("bisect_left", bisect_left),
        ("insort_right", insort_right),
        ("insort_left", insort_left),
    ],
    init: None,
};

const NAMES: &[&str] = &["a", "x", "lo", "hi", "key"];

/// The insertion point of `x` in `a[lo:hi]` (parameters bound by `bind`).
fn search(vm: &mut Vm, p: &[Option<usize>], left: bool) -> PyResult<usize> {
    let (ai, xi) = (p[0].unwrap_or(0), p[1].unwrap_or(0));
    let lo = match opt(vm, p[2]) {
        None => 0,
        Some(v) => vm.index_value(v).unwrap_or(0),
    };
    if lo < 0 {
        return Err(vm.raise_msg(TypeId::ValueError, "lo must be non-negative"));
    }
    let hi = match opt(vm, p[3]) {
        Some(v) if !v.is_none() => vm.index_value(v).unwrap_or(0),
        _ => vm.len_of(vm.temp(ai))? as i64,
    };
    let key = opt(vm, p[4]).filter(|k| !k.is_none());
    let (mut lo, mut hi) = (lo, hi);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let item = vm.get_item(vm.temp(ai), Value::from_int(mid).unwrap_or(Value::NONE))?;
        let item = match key {
            Some(_) => {
                let k = opt(vm, p[4]).unwrap_or(Value::NONE);
                vm.call_value(k, &[item])?
            }
            None => item,
        };
        // left: a[mid] < x goes right; right: x < a[mid] goes left.
        let r = if left {
            vm.compare(CmpOp::Lt, item, vm.temp(xi))?
        } else {
            vm.compare(CmpOp::Lt, vm.temp(xi), item)?
        };
        let t = vm.truthy(r)?;
        if left == t {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    Ok(lo as usize)
}

fn bisect_impl(vm: &mut Vm, a: Args, name: &str, left: bool) -> PyResult<Value> {
    let p = bind(vm, &a, name, NAMES, 4, 2, Style::Clinic)?;
    let i = search(vm, &p, left)?;
    vm.new_i64(i as i64)
}

fn bisect_right(vm: &mut Vm, a: Args) -> PyResult<Value> {
    bisect_impl(vm, a, "bisect_right", false)
}

fn bisect_left(vm: &mut Vm, a: Args) -> PyResult<Value> {
    bisect_impl(vm, a, "bisect_left", true)
}

fn insort_impl(vm: &mut Vm, a: Args, name: &str, left: bool) -> PyResult<Value> {
    let p = bind(vm, &a, name, NAMES, 4, 2, Style::Clinic)?;
    let (ai, xi) = (p[0].unwrap_or(0), p[1].unwrap_or(0));
    let key = opt(vm, p[4]).filter(|k| !k.is_none());
    let i = if key.is_some() {
        // The key is applied to x too when inserting.
        let k = vm.call_value(key.unwrap_or(Value::NONE), &[vm.temp(xi)])?;
        let ki = vm.push_temp(k);
        let mut q = p.clone();
        q[1] = Some(ki);
        let r = search(vm, &q, left);
        vm.pop_temps(ki);
        r?
    } else {
        search(vm, &p, left)?
    };
    let seq = vm.temp(ai);
    if vm.kind_of(seq) == Some(Kind::List) && vm.class_of(seq) == vm.ty(TypeId::List) {
        let x = vm.temp(xi);
        vm.list_vec(seq).insert(i, x);
        // SAFETY: `seq` was just read from a root.
        unsafe { vm.barrier(seq) };
        return Ok(Value::NONE);
    }
    let m = vm.new_str("insert")?;
    let f = vm.get_attr(vm.temp(ai), m)?;
    let fi = vm.push_temp(f);
    let r = (|| {
        let idx = vm.new_i64(i as i64)?;
        vm.call_value(vm.temp(fi), &[idx, vm.temp(xi)])
    })();
    vm.pop_temps(fi);
    r.map(|_| Value::NONE)
}

fn insort_right(vm: &mut Vm, a: Args) -> PyResult<Value> {
    insort_impl(vm, a, "insort_right", false)
}

fn insort_left(vm: &mut Vm, a: Args) -> PyResult<Value> {
    insort_impl(vm, a, "insort_left", true)
}
