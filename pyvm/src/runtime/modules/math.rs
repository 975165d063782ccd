//! `math`: every function of CPython 3.11's module, with its results and
//! errors.
//!
//! The algorithms live in `crate::math_float`, `crate::math_exact` and
//! `crate::math_gamma`; this file only adapts them to Python arguments.

use num_bigint::BigInt;
use pyvm_objmodel::Value;

use super::{ModuleRef, NativeModule};
use crate::error::PyResult as AlgResult;
use crate::math_exact;
use crate::math_float::{self as mf, Unary};
use crate::runtime::builtins::arity;
use crate::runtime::builtins::num_funcs::bind;
use crate::runtime::call::Args;
use crate::runtime::exception::PyResult;
use crate::runtime::heap::Vm;
use crate::runtime::layout::Kind;
use crate::runtime::ops::BinOp;

macro_rules! unary_fns {
    ($($fname:ident => $name:literal, $op:ident;)*) => {
        $(
            fn $fname(vm: &mut Vm, a: Args) -> PyResult<Value> {
                unary(vm, a, concat!("math.", $name), Unary::$op)
            }
        )*
    };
}

unary_fns! {
    sqrt => "sqrt", Sqrt;
    exp => "exp", Exp;
    exp2 => "exp2", Exp2;
    expm1 => "expm1", Expm1;
    log1p => "log1p", Log1p;
    sin => "sin", Sin;
    cos => "cos", Cos;
    tan => "tan", Tan;
    asin => "asin", Asin;
    acos => "acos", Acos;
    atan => "atan", Atan;
    sinh => "sinh", Sinh;
    cosh => "cosh", Cosh;
    tanh => "tanh", Tanh;
    asinh => "asinh", Asinh;
    acosh => "acosh", Acosh;
    atanh => "atanh", Atanh;
    cbrt => "cbrt", Cbrt;
    erf => "erf", Erf;
    erfc => "erfc", Erfc;
    fabs => "fabs", Fabs;
}

/// The `math` module.
pub(crate) const MODULE: NativeModule = NativeModule {
    name: "math",
    functions: &[
        ("sqrt", sqrt),
        ("exp", exp),
        ("exp2", exp2),
        ("expm1", expm1),
        ("log1p", log1p),
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
        ("cbrt", cbrt),
        ("erf", erf),
        ("erfc", erfc),
        ("fabs", fabs),
        ("log", log),
        ("log2", log2),
        ("log10", log10),
        ("pow", pow),
        ("fmod", fmod),
        ("remainder", remainder),
        ("atan2", atan2),
        ("copysign", copysign),
        ("nextafter", nextafter),
        ("ldexp", ldexp),
        ("frexp", frexp),
        ("modf", modf),
        ("hypot", hypot),
        ("dist", dist),
        ("isclose", isclose),
        ("ulp", ulp),
        ("degrees", degrees),
        ("radians", radians),
        ("isfinite", isfinite),
        ("isinf", isinf),
        ("isnan", isnan),
        ("floor", floor),
        ("ceil", ceil),
        ("trunc", trunc),
        ("fsum", fsum),
        ("prod", prod),
        ("isqrt", isqrt),
        ("factorial", factorial),
        ("comb", comb),
        ("perm", perm),
        ("gcd", gcd),
        ("lcm", lcm),
        ("gamma", gamma),
        ("lgamma", lgamma),
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
    Ok(())
}

fn alg<T>(vm: &mut Vm, r: AlgResult<T>) -> PyResult<T> {
    r.map_err(|e| vm.raise_pyerror(e))
}

fn float_result(vm: &mut Vm, r: AlgResult<f64>) -> PyResult<Value> {
    alg(vm, r).map(Value::from_float)
}

fn unary(vm: &mut Vm, a: Args, name: &str, f: Unary) -> PyResult<Value> {
    arity(vm, &a, name, 1, 1)?;
    let x = vm.real_arg(a.get(vm, 0))?;
    float_result(vm, mf::math_unary(f, x))
}

/// Two float arguments.
fn two(vm: &mut Vm, a: &Args, name: &str) -> PyResult<(f64, f64)> {
    arity(vm, a, name, 2, 2)?;
    let x = vm.real_arg(a.get(vm, 0))?;
    let y = vm.real_arg(a.get(vm, 1))?;
    Ok((x, y))
}

/// `log`, `log2`, `log10` of an int (exact for huge ints) or a float.
fn log_of(vm: &mut Vm, v: Value, f: Unary) -> PyResult<f64> {
    if let Some(i) = vm.int_of(v) {
        return alg(vm, mf::math_log_int(f, &i));
    }
    let x = vm.real_arg(v)?;
    alg(vm, mf::math_unary(f, x))
}

fn log(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = a.npos(vm);
    if a.nkw(vm) > 0 {
        return Err(vm.type_error("math.log() takes no keyword arguments"));
    }
    if !(1..=2).contains(&n) {
        return Err(vm.type_error("math.log requires 1 to 2 arguments"));
    }
    let lx = log_of(vm, a.get(vm, 0), Unary::Log)?;
    if n == 1 {
        return Ok(Value::from_float(lx));
    }
    let lb = log_of(vm, a.get(vm, 1), Unary::Log)?;
    float_result(vm, mf::math_log_base(lx, lb))
}

fn log2(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "math.log2", 1, 1)?;
    log_of(vm, a.get(vm, 0), Unary::Log2).map(Value::from_float)
}

fn log10(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "math.log10", 1, 1)?;
    log_of(vm, a.get(vm, 0), Unary::Log10).map(Value::from_float)
}

fn pow(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (x, y) = two(vm, &a, "pow")?;
    float_result(vm, mf::math_pow(x, y))
}

fn fmod(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (x, y) = two(vm, &a, "fmod")?;
    float_result(vm, mf::math_fmod(x, y))
}

fn remainder(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (x, y) = two(vm, &a, "remainder")?;
    float_result(vm, mf::math_remainder(x, y))
}

fn atan2(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (y, x) = two(vm, &a, "atan2")?;
    Ok(Value::from_float(mf::math_atan2(y, x)))
}

fn copysign(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (x, y) = two(vm, &a, "copysign")?;
    Ok(Value::from_float(mf::math_copysign(x, y)))
}

fn nextafter(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (x, y) = two(vm, &a, "nextafter")?;
    Ok(Value::from_float(mf::math_nextafter(x, y)))
}

fn ldexp(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "ldexp", 2, 2)?;
    let x = vm.real_arg(a.get(vm, 0))?;
    let Some(i) = vm.int_of(a.get(vm, 1)) else {
        return Err(vm.type_error("Expected an int as second argument to ldexp."));
    };
    float_result(vm, mf::math_ldexp(x, &i))
}

fn frexp(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "math.frexp", 1, 1)?;
    let x = vm.real_arg(a.get(vm, 0))?;
    let (m, e) = mf::math_frexp(x);
    let e = vm.new_i64(e as i64)?;
    vm.new_tuple(&[Value::from_float(m), e])
}

fn modf(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "math.modf", 1, 1)?;
    let x = vm.real_arg(a.get(vm, 0))?;
    let (f, i) = mf::math_modf(x);
    vm.new_tuple(&[Value::from_float(f), Value::from_float(i)])
}

/// The floats of the values rooted at temps `mark..mark + n`.
fn floats_at(vm: &mut Vm, mark: usize, n: usize) -> PyResult<Vec<f64>> {
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let x = vm.temp(mark + i);
        out.push(vm.real_arg(x)?);
    }
    Ok(out)
}

fn hypot(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if a.nkw(vm) > 0 {
        return Err(vm.type_error("hypot() takes no keyword arguments"));
    }
    let coords = floats_at(vm, a.start, a.n)?;
    Ok(Value::from_float(mf::math_hypot(&coords)))
}

/// The floats of a point argument of `dist` (a tuple or list).
fn point(vm: &mut Vm, v: Value, which: &str) -> PyResult<Vec<f64>> {
    if !matches!(vm.kind_of(v), Some(Kind::Tuple | Kind::List)) {
        return Err(vm.type_error(&format!("dist() argument {which} must be tuple or list")));
    }
    let items = vm.collect_iterable(v)?;
    let mark = vm.temps_len();
    vm.roots().temps.extend_from_slice(&items);
    let r = floats_at(vm, mark, items.len());
    vm.pop_temps(mark);
    r
}

fn dist(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "dist", 2, 2)?;
    let p = point(vm, a.get(vm, 0), "1")?;
    let q = point(vm, a.get(vm, 1), "2")?;
    float_result(vm, mf::math_dist(&p, &q))
}

fn isclose(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let npos = a.npos(vm);
    if npos > 2 {
        return Err(vm.type_error(&format!(
            "isclose() takes exactly 2 positional arguments ({npos} given)"
        )));
    }
    let v = bind(vm, &a, "isclose", &["a", "b", "rel_tol", "abs_tol"], 2, 0)?;
    let x = vm.real_arg(v[0].unwrap_or(Value::NONE))?;
    let y = vm.real_arg(v[1].unwrap_or(Value::NONE))?;
    let rel = match v[2] {
        Some(r) => vm.real_arg(r)?,
        None => 1e-9,
    };
    let abs = match v[3] {
        Some(r) => vm.real_arg(r)?,
        None => 0.0,
    };
    alg(vm, mf::math_isclose(x, y, rel, abs)).map(Value::from_bool)
}

fn one_float(vm: &mut Vm, a: &Args, name: &str) -> PyResult<f64> {
    arity(vm, a, name, 1, 1)?;
    vm.real_arg(a.get(vm, 0))
}

fn ulp(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let x = one_float(vm, &a, "math.ulp")?;
    Ok(Value::from_float(mf::math_ulp(x)))
}

fn degrees(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let x = one_float(vm, &a, "math.degrees")?;
    Ok(Value::from_float(mf::math_degrees(x)))
}

fn radians(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let x = one_float(vm, &a, "math.radians")?;
    Ok(Value::from_float(mf::math_radians(x)))
}

fn isfinite(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let x = one_float(vm, &a, "math.isfinite")?;
    Ok(Value::from_bool(x.is_finite()))
}

fn isinf(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let x = one_float(vm, &a, "math.isinf")?;
    Ok(Value::from_bool(x.is_infinite()))
}

fn isnan(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let x = one_float(vm, &a, "math.isnan")?;
    Ok(Value::from_bool(x.is_nan()))
}

/// `floor`/`ceil`: ints unchanged, the special method of instances, the
/// float rounding otherwise.
fn rounding(vm: &mut Vm, a: Args, name: &str, dunder: &str, up: bool) -> PyResult<Value> {
    arity(vm, &a, name, 1, 1)?;
    let x = a.get(vm, 0);
    if let Some(i) = vm.int_of(x) {
        return vm.new_int(i);
    }
    if x.as_float().is_none()
        && let Some(r) = vm.user_dunder0(x, dunder)?
    {
        return Ok(r);
    }
    let f = vm.real_arg(a.get(vm, 0))?;
    let r = if up {
        crate::int_ops::ceil_f64_to_int(f)
    } else {
        crate::int_ops::floor_f64_to_int(f)
    };
    let i = alg(vm, r)?;
    vm.new_int(i)
}

fn floor(vm: &mut Vm, a: Args) -> PyResult<Value> {
    rounding(vm, a, "math.floor", "__floor__", false)
}

fn ceil(vm: &mut Vm, a: Args) -> PyResult<Value> {
    rounding(vm, a, "math.ceil", "__ceil__", true)
}

fn trunc(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "math.trunc", 1, 1)?;
    let x = a.get(vm, 0);
    if let Some(i) = vm.int_of(x) {
        return vm.new_int(i);
    }
    if let Some(f) = x.as_float() {
        let i = alg(vm, crate::int_ops::f64_to_int(f))?;
        return vm.new_int(i);
    }
    if let Some(r) = vm.user_dunder0(x, "__trunc__")? {
        return Ok(r);
    }
    let t = vm.type_name(a.get(vm, 0));
    Err(vm.type_error(&format!("type {t} doesn't define __trunc__ method")))
}

fn fsum(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "math.fsum", 1, 1)?;
    let items = vm.collect_iterable(a.get(vm, 0))?;
    let mark = vm.temps_len();
    vm.roots().temps.extend_from_slice(&items);
    let xs = floats_at(vm, mark, items.len());
    vm.pop_temps(mark);
    let xs = xs?;
    float_result(vm, math_exact::fsum(xs))
}

fn prod(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let npos = a.npos(vm);
    if npos != 1 {
        return Err(vm.type_error(&format!(
            "prod() takes exactly 1 positional argument ({npos} given)"
        )));
    }
    let v = bind(vm, &a, "prod", &["iterable", "start"], 1, 1)?;
    let start = v[1].unwrap_or(Value::from_int(1).unwrap_or(Value::NONE));
    let items = vm.collect_iterable(v[0].unwrap_or(Value::NONE))?;
    let mark = vm.temps_len();
    vm.roots().temps.extend_from_slice(&items);
    let acc = vm.push_temp(start);
    let r = (|| {
        for i in 0..items.len() {
            let x = vm.binary_op(BinOp::Mul, vm.temp(acc), vm.temp(mark + i))?;
            vm.roots().temps[acc] = x;
        }
        Ok(vm.temp(acc))
    })();
    vm.pop_temps(mark);
    r
}

fn int_arg(vm: &mut Vm, a: &Args, i: usize) -> PyResult<BigInt> {
    let v = a.get(vm, i);
    vm.index_int(v)
}

fn isqrt(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "math.isqrt", 1, 1)?;
    let n = int_arg(vm, &a, 0)?;
    let r = alg(vm, math_exact::isqrt(&n))?;
    vm.new_int(r)
}

fn factorial(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "math.factorial", 1, 1)?;
    let n = int_arg(vm, &a, 0)?;
    let r = alg(vm, math_exact::factorial(&n))?;
    vm.new_int(r)
}

fn comb(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "comb", 2, 2)?;
    let n = int_arg(vm, &a, 0)?;
    let k = int_arg(vm, &a, 1)?;
    let r = alg(vm, math_exact::comb(&n, &k))?;
    vm.new_int(r)
}

fn perm(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let npos = arity(vm, &a, "perm", 1, 2)?;
    let n = int_arg(vm, &a, 0)?;
    if npos == 1 || a.get(vm, 1).is_none() {
        let r = alg(vm, math_exact::factorial(&n))?;
        return vm.new_int(r);
    }
    let k = int_arg(vm, &a, 1)?;
    let r = alg(vm, math_exact::perm(&n, &k))?;
    vm.new_int(r)
}

fn ints(vm: &mut Vm, a: &Args, name: &str) -> PyResult<Vec<BigInt>> {
    if a.nkw(vm) > 0 {
        return Err(vm.type_error(&format!("{name}() takes no keyword arguments")));
    }
    (0..a.n).map(|i| int_arg(vm, a, i)).collect()
}

fn gcd(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = ints(vm, &a, "gcd")?;
    vm.new_int(math_exact::gcd(&v))
}

fn lcm(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = ints(vm, &a, "lcm")?;
    vm.new_int(math_exact::lcm(&v))
}

fn gamma(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let x = one_float(vm, &a, "math.gamma")?;
    float_result(vm, crate::math_gamma::math_gamma(x))
}

fn lgamma(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let x = one_float(vm, &a, "math.lgamma")?;
    float_result(vm, crate::math_gamma::math_lgamma(x))
}
