//! `faulthandler`: accepted and remembered; pyvm does not dump Python
//! tracebacks on fatal signals (it does not crash on bad input).

use std::sync::atomic::{AtomicBool, Ordering};

use pyvm_objmodel::Value;

use super::NativeModule;
use crate::runtime::call::Args;
use crate::runtime::exception::PyResult;
use crate::runtime::heap::Vm;

static ENABLED: AtomicBool = AtomicBool::new(false);

/// The `faulthandler` module.
pub(crate) const MODULE: NativeModule = NativeModule {
    name: "faulthandler",
    functions: &[
        ("enable", enable),
        ("disable", disable),
        ("is_enabled", is_enabled),
        ("dump_traceback", nothing),
        ("dump_traceback_later", nothing),
        ("cancel_dump_traceback_later", nothing),
        ("register", nothing),
        ("unregister", nothing),
    ],
    init: None,
};

fn enable(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let _ = (vm, a);
    ENABLED.store(true, Ordering::Relaxed);
    Ok(Value::NONE)
}

fn disable(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let _ = (vm, a);
    let was = ENABLED.swap(false, Ordering::Relaxed);
    Ok(Value::from_bool(was))
}

fn is_enabled(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let _ = (vm, a);
    Ok(Value::from_bool(ENABLED.load(Ordering::Relaxed)))
}

fn nothing(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let _ = (vm, a);
    Ok(Value::NONE)
}
