//! `math`: floating-point functions with CPython's results.
//!
//! The algorithms live in `crate::math_float`, `crate::math_exact` and
//! `crate::math_gamma`; this file only adapts them to Python arguments.

use pyvm_objmodel::Value;

use super::{ModuleRef, NativeModule};
use crate::runtime::builtins::arity;
use crate::runtime::call::Args;
use crate::runtime::exception::PyResult;
use crate::runtime::heap::Vm;

/// The `math` module.
pub(crate) const MODULE: NativeModule = NativeModule {
    name: "math",
    functions: &[("sqrt", sqrt)],
    init: Some(init),
};

fn init(vm: &mut Vm, m: ModuleRef) -> PyResult<()> {
    for (name, x) in [
        ("pi", std::f64::consts::PI),
        ("e", std::f64::consts::E),
        ("tau", std::f64::consts::TAU),
        ("inf", f64::INFINITY),
        ("nan", f64::NAN),
    ] {
        m.set(vm, name, Value::from_float(x))?;
    }
    Ok(())
}

/// `math.sqrt(x)`.
fn sqrt(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "sqrt", 1, 1)?;
    let x = vm.to_f64(a.get(vm, 0))?;
    if x < 0.0 {
        return Err(vm.raise_msg(
            crate::runtime::types::TypeId::ValueError,
            "math domain error",
        ));
    }
    Ok(Value::from_float(x.sqrt()))
}
