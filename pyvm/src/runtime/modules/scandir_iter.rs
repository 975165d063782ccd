//! `posix.ScandirIterator`: what `os.scandir()` returns, an iterator over
//! the directory's entries (read at once into a list) that is also a
//! context manager (`with os.scandir(p) as it:`, as `shutil.rmtree`
//! uses it) with `close()`.

use pyvm_objmodel::Value;

use super::native_types::{NativeType, check_pos};
use crate::runtime::call::Args;
use crate::runtime::exception::PyResult;
use crate::runtime::heap::Vm;

/// State: [iterator over the entries, or None once closed].
pub(crate) static SCANDIR_ITER: NativeType = NativeType {
    module: "posix",
    name: "ScandirIterator",
    next: Some(next),
    methods: &[("__enter__", enter), ("__exit__", exit), ("close", close)],
    ..NativeType::EMPTY
};

/// A `ScandirIterator` over the entries of the list `entries`.
pub(crate) fn scandir_iterator(vm: &mut Vm, entries: Value) -> PyResult<Value> {
    let it = vm.get_iter(entries)?;
    vm.new_native(&SCANDIR_ITER, &[it])
}

fn next(vm: &mut Vm, s: usize) -> PyResult<Option<Value>> {
    let it = vm.st(s, 0);
    if it.is_none() {
        return Ok(None);
    }
    let r = vm.iter_next(it)?;
    if r.is_none() {
        vm.set_st(s, 0, Value::NONE);
    }
    Ok(r)
}

fn enter(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "__enter__", 1, 1)?;
    Ok(a.get(vm, 0))
}

fn exit(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let me = a.get(vm, 0);
    vm.set_field(me, 1, Value::NONE);
    Ok(Value::FALSE)
}

fn close(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "close", 1, 1)?;
    let me = a.get(vm, 0);
    vm.set_field(me, 1, Value::NONE);
    Ok(Value::NONE)
}
