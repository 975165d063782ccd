//! `cmath`: the complex functions of CPython 3.11 (algorithms in
//! `crate::cmath_float`).

use pyvm_objmodel::Value;

use super::{ModuleRef, NativeModule};
use crate::cmath_float::{self as cf, C};
use crate::error::PyResult as AlgResult;
use crate::runtime::builtins::arity;
use crate::runtime::builtins::num_funcs::bind;
use crate::runtime::call::Args;
use crate::runtime::exception::PyResult;
use crate::runtime::heap::Vm;

/// The `cmath` module.
pub(crate) const MODULE: NativeModule = NativeModule {
    name: "cmath",
    functions: &[
        ("sqrt", sqrt),
        ("exp", exp),
        ("log", log),
        ("log10", log10),
        ("sin", sin),
        ("cos", cos),
        ("tan", tan),
        ("asin", asin),
        ("acos", acos),
        ("atan", atan),
        ("sinh", sinh),
        ("cosh", cosh),
        ("tanh", tanh),
        ("asinh", asinh),
        ("acosh", acosh),
        ("atanh", atanh),
        ("phase", phase),
        ("polar", polar),
        ("rect", rect),
        ("isfinite", isfinite),
        ("isinf", isinf),
        ("isnan", isnan),
        ("isclose", isclose),
    ],
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
    let infj = vm.new_complex(0.0, f64::INFINITY)?;
    m.set(vm, "infj", infj)?;
    let nanj = vm.new_complex(0.0, f64::NAN)?;
    m.set(vm, "nanj", nanj)
}

/// A complex argument (`__complex__`, `__float__`, `__index__`).
fn carg(vm: &mut Vm, v: Value) -> PyResult<C> {
    match vm.complex_arg(v)? {
        Some((c, _)) => Ok((c.re, c.im)),
        None => {
            let t = vm.type_name(v);
            Err(vm.type_error(&format!("must be real number, not {t}")))
        }
    }
}

fn one(vm: &mut Vm, a: &Args, name: &str) -> PyResult<C> {
    arity(vm, a, name, 1, 1)?;
    carg(vm, a.get(vm, 0))
}

fn out(vm: &mut Vm, r: AlgResult<C>) -> PyResult<Value> {
    match r {
        Ok((re, im)) => vm.new_complex(re, im),
        Err(e) => Err(vm.raise_pyerror(e)),
    }
}

macro_rules! cfns {
    ($($fname:ident => $name:literal, $body:expr;)*) => {
        $(
            fn $fname(vm: &mut Vm, a: Args) -> PyResult<Value> {
                let z = one(vm, &a, concat!("cmath.", $name))?;
                let f: fn(C) -> AlgResult<C> = $body;
                out(vm, f(z))
            }
        )*
    };
}

cfns! {
    sqrt => "sqrt", |z| Ok(cf::sqrt(z));
    exp => "exp", cf::exp;
    log10 => "log10", cf::log10;
    sin => "sin", cf::sin;
    cos => "cos", cf::cos;
    tan => "tan", |z| Ok(cf::tan(z));
    asin => "asin", |z| Ok(cf::asin(z));
    acos => "acos", |z| Ok(cf::acos(z));
    atan => "atan", cf::atan;
    sinh => "sinh", cf::sinh;
    cosh => "cosh", cf::cosh;
    tanh => "tanh", |z| Ok(cf::tanh(z));
    asinh => "asinh", |z| Ok(cf::asinh_c(z));
    acosh => "acosh", |z| Ok(cf::acosh(z));
    atanh => "atanh", cf::atanh;
}

/// `cmath.log(z[, base])`.
fn log(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = arity(vm, &a, "log", 1, 2)?;
    let z = carg(vm, a.get(vm, 0))?;
    let lz = cf::log(z).map_err(|e| vm.raise_pyerror(e))?;
    if n == 1 {
        return vm.new_complex(lz.0, lz.1);
    }
    let b = carg(vm, a.get(vm, 1))?;
    let lb = cf::log(b).map_err(|e| vm.raise_pyerror(e))?;
    let q = crate::complex_arith::Complex::new(lz.0, lz.1)
        .try_div(crate::complex_arith::Complex::new(lb.0, lb.1));
    match q {
        Ok(c) => vm.new_complex(c.re, c.im),
        Err(_) => Err(vm.raise_msg(
            crate::runtime::types::TypeId::ZeroDivisionError,
            "complex division by zero",
        )),
    }
}

fn phase(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let z = one(vm, &a, "cmath.phase")?;
    Ok(Value::from_float(z.1.atan2(z.0)))
}

fn polar(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let z = one(vm, &a, "cmath.polar")?;
    let r = crate::complex_arith::Complex::new(z.0, z.1)
        .abs()
        .map_err(|_| {
            vm.raise_msg(
                crate::runtime::types::TypeId::OverflowError,
                "math range error",
            )
        })?;
    vm.new_tuple(&[Value::from_float(r), Value::from_float(z.1.atan2(z.0))])
}

fn rect(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "rect", 2, 2)?;
    let r = vm.real_arg(a.get(vm, 0))?;
    let phi = vm.real_arg(a.get(vm, 1))?;
    out(vm, cf::rect(r, phi))
}

fn isfinite(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let z = one(vm, &a, "cmath.isfinite")?;
    Ok(Value::from_bool(z.0.is_finite() && z.1.is_finite()))
}

fn isinf(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let z = one(vm, &a, "cmath.isinf")?;
    Ok(Value::from_bool(z.0.is_infinite() || z.1.is_infinite()))
}

fn isnan(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let z = one(vm, &a, "cmath.isnan")?;
    Ok(Value::from_bool(z.0.is_nan() || z.1.is_nan()))
}

fn isclose(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let npos = a.npos(vm);
    if npos > 2 {
        return Err(vm.type_error(&format!(
            "isclose() takes exactly 2 positional arguments ({npos} given)"
        )));
    }
    let v = bind(vm, &a, "isclose", &["a", "b", "rel_tol", "abs_tol"], 2, 0)?;
    let x = carg(vm, v[0].unwrap_or(Value::NONE))?;
    let y = carg(vm, v[1].unwrap_or(Value::NONE))?;
    let rel = match v[2] {
        Some(r) => vm.real_arg(r)?,
        None => 1e-9,
    };
    let abs = match v[3] {
        Some(r) => vm.real_arg(r)?,
        None => 0.0,
    };
    cf::isclose(x, y, rel, abs)
        .map(Value::from_bool)
        .map_err(|e| vm.raise_pyerror(e))
}
