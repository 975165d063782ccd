//! `atexit`: callbacks run at interpreter exit, last registered first
//! (`Vm::finish` runs them; see `sysstate.rs`).

use pyvm_objmodel::Value;

use super::NativeModule;
use crate::runtime::call::Args;
use crate::runtime::exception::PyResult;
use crate::runtime::heap::Vm;
use crate::runtime::layout::Kind;
use crate::runtime::types::GlobalSlot;

/// The `atexit` module.
pub(crate) const MODULE: NativeModule = NativeModule {
    name: "atexit",
    functions: &[
        ("register", register),
        ("unregister", unregister),
        ("_run_exitfuncs", run_exitfuncs),
        ("_clear", clear),
        ("_ncallbacks", ncallbacks),
    ],
    init: None,
};

fn callbacks(vm: &mut Vm) -> PyResult<Value> {
    let l = vm.global(GlobalSlot::AtExit);
    if vm.kind_of(l) == Some(Kind::List) {
        return Ok(l);
    }
    let l = vm.new_list(&[])?;
    vm.roots().globals[GlobalSlot::AtExit as usize] = l;
    Ok(l)
}

/// `atexit.register(func, *args, **kwargs)`: returns `func`.
fn register(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let npos = a.npos(vm);
    if npos == 0 {
        return Err(vm.type_error("register() takes at least 1 argument (0 given)"));
    }
    let f = a.get(vm, 0);
    if !is_callable(vm, f)? {
        return Err(vm.type_error("the first argument must be callable"));
    }
    let mark = vm.temps_len();
    let r = (|| {
        let pos: Vec<Value> = (1..npos).map(|i| a.get(vm, i)).collect();
        let t = vm.new_tuple(&pos)?;
        vm.push_temp(t);
        let d = vm.new_dict()?;
        vm.push_temp(d);
        if let Some(k) = a.kw {
            let nkw = a.nkw(vm);
            for j in 0..nkw {
                let name = vm.tuple_items(vm.temp(k))[j];
                let v = vm.temp(a.start + npos + j);
                vm.dict_set(vm.temp(mark + 1), name, v)?;
            }
        }
        let entry = vm.new_tuple(&[a.get(vm, 0), vm.temp(mark), vm.temp(mark + 1)])?;
        vm.push_temp(entry);
        let l = callbacks(vm)?;
        let entry = vm.temp(mark + 2);
        vm.list_vec(l).push(entry);
        // SAFETY: `l` is live (no allocation since it was read).
        unsafe { vm.barrier(l) };
        Ok(a.get(vm, 0))
    })();
    vm.pop_temps(mark);
    r
}

/// `atexit.unregister(func)`.
fn unregister(vm: &mut Vm, a: Args) -> PyResult<Value> {
    crate::runtime::builtins::arity(vm, &a, "unregister", 1, 1)?;
    let l = callbacks(vm)?;
    let li = vm.push_temp(l);
    let r = (|| {
        let mut i = 0;
        loop {
            let l = vm.temp(li);
            let Some(&entry) = vm.list_vec(l).get(i) else {
                break;
            };
            let f = vm.tuple_items(entry)[0];
            if vm.eq_values(f, a.get(vm, 0))? {
                let l = vm.temp(li);
                vm.list_vec(l).remove(i);
            } else {
                i += 1;
            }
        }
        Ok(Value::NONE)
    })();
    vm.pop_temps(li);
    r
}

fn run_exitfuncs(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let _ = a;
    vm.run_atexit();
    Ok(Value::NONE)
}

fn clear(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let _ = a;
    let l = callbacks(vm)?;
    vm.list_vec(l).clear();
    Ok(Value::NONE)
}

fn ncallbacks(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let _ = a;
    let l = callbacks(vm)?;
    let n = vm.list_vec(l).len();
    Ok(Value::from_int(n as i64).unwrap_or(Value::NONE))
}

/// Whether `v` is callable (as `callable()` decides).
pub fn is_callable(vm: &mut Vm, v: Value) -> PyResult<bool> {
    Ok(match vm.kind_of(v) {
        Some(Kind::Function | Kind::Builtin | Kind::BoundMethod | Kind::Type) => true,
        Some(Kind::Instance) => {
            let class = vm.class_of(v);
            vm.lookup_type_attr(class, "__call__")?.is_some()
        }
        _ => false,
    })
}
