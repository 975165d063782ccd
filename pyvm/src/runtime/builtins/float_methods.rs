//! `float(x)` and the methods of `float`.

use pyvm_objmodel::Value;

use super::super::call::Args;
use super::super::exception::PyResult;
use super::super::heap::Vm;
use super::super::types::TypeId;
use super::int_methods::no_args;
use super::{NativeTable, Place};
use crate::float_ops;
use crate::int_ops;

/// The methods of `float`.
pub(crate) const NATIVES: NativeTable = &[
    ("hex", Place::Method(TypeId::Float), hex),
    (
        "fromhex",
        Place::Method(TypeId::Float),
        super::native_classmethods::float_fromhex,
    ),
    ("is_integer", Place::Method(TypeId::Float), is_integer),
    (
        "as_integer_ratio",
        Place::Method(TypeId::Float),
        as_integer_ratio,
    ),
    ("conjugate", Place::Method(TypeId::Float), identity),
    ("__float__", Place::Method(TypeId::Float), identity),
    ("__pos__", Place::Method(TypeId::Float), identity),
    ("__abs__", Place::Method(TypeId::Float), abs),
    ("__neg__", Place::Method(TypeId::Float), neg),
    ("__int__", Place::Method(TypeId::Float), trunc),
    ("__trunc__", Place::Method(TypeId::Float), trunc),
    ("__floor__", Place::Method(TypeId::Float), floor),
    ("__ceil__", Place::Method(TypeId::Float), ceil),
    ("__round__", Place::Method(TypeId::Float), round),
    ("__bool__", Place::Method(TypeId::Float), to_bool),
    ("__getformat__", Place::Method(TypeId::Float), getformat),
];

/// `float(x=0.0)`.
pub(crate) fn float_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if a.nkw(vm) > 0 {
        return Err(vm.type_error("float() takes no keyword arguments"));
    }
    let n = a.npos(vm);
    if n > 1 {
        return Err(vm.type_error(&format!("float expected at most 1 argument, got {n}")));
    }
    if n == 0 {
        return Ok(Value::from_float(0.0));
    }
    let x = a.get(vm, 0);
    if let Some(f) = x.as_float() {
        return Ok(Value::from_float(f));
    }
    if vm.is_str(x) {
        let text = vm.str_text(x).into_owned();
        return crate::float_parse::parse_float(&text)
            .map(Value::from_float)
            .map_err(|e| vm.raise_pyerror(e));
    }
    match vm.try_float(x)? {
        Some(f) => Ok(Value::from_float(f)),
        None => {
            if let Some(r) = vm.float_from_digits(a.get(vm, 0))? {
                return Ok(r);
            }
            let x = a.get(vm, 0);
            let t = vm.type_name(x);
            Err(vm.type_error(&format!(
                "float() argument must be a string or a real number, not '{t}'"
            )))
        }
    }
}

fn recv(vm: &mut Vm, a: &Args, name: &str) -> PyResult<f64> {
    if a.n == 0 {
        return Err(vm.type_error(&format!("unbound method float.{name}() needs an argument")));
    }
    let v = a.get(vm, 0);
    match v
        .as_float()
        .or_else(|| vm.boxed_number(v).and_then(|x| x.as_float()))
    {
        Some(f) => Ok(f),
        None => {
            let t = vm.type_name(v);
            Err(vm.type_error(&format!(
                "descriptor '{name}' for 'float' objects doesn't apply to a '{t}' object"
            )))
        }
    }
}

fn unary(vm: &mut Vm, a: &Args, name: &str) -> PyResult<f64> {
    let f = recv(vm, a, name)?;
    no_args(vm, a, &format!("float.{name}"))?;
    Ok(f)
}

fn hex(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let f = unary(vm, &a, "hex")?;
    vm.new_str(&float_ops::hex_f64(f))
}

/// `float.fromhex(s)` (called on the class: no receiver).
pub(crate) fn fromhex(vm: &mut Vm, a: Args) -> PyResult<Value> {
    super::arity(vm, &a, "fromhex", 1, 1)?;
    let s = a.get(vm, 0);
    if !vm.is_str(s) {
        return Err(vm.type_error("bad argument type for built-in operation"));
    }
    let text = vm.str_text(s).into_owned();
    crate::float_parse::parse_float_hex(&text)
        .map(Value::from_float)
        .map_err(|e| vm.raise_pyerror(e))
}

fn is_integer(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let f = unary(vm, &a, "is_integer")?;
    Ok(Value::from_bool(float_ops::is_integer(f)))
}

fn as_integer_ratio(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let f = unary(vm, &a, "as_integer_ratio")?;
    let (n, d) = float_ops::as_integer_ratio(f).map_err(|e| vm.raise_pyerror(e))?;
    let n = vm.new_int(n)?;
    let ni = vm.push_temp(n);
    let d = vm.new_int(d);
    let n = vm.temp(ni);
    vm.pop_temps(ni);
    let d = d?;
    vm.new_tuple(&[n, d])
}

fn identity(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let f = unary(vm, &a, "conjugate")?;
    Ok(Value::from_float(f))
}

fn abs(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let f = unary(vm, &a, "__abs__")?;
    Ok(Value::from_float(f.abs()))
}

fn neg(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let f = unary(vm, &a, "__neg__")?;
    Ok(Value::from_float(-f))
}

fn to_bool(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let f = unary(vm, &a, "__bool__")?;
    Ok(Value::from_bool(f != 0.0))
}

fn trunc(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let f = unary(vm, &a, "__trunc__")?;
    let i = int_ops::f64_to_int(f).map_err(|e| vm.raise_pyerror(e))?;
    vm.new_int(i)
}

fn floor(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let f = unary(vm, &a, "__floor__")?;
    let i = int_ops::floor_f64_to_int(f).map_err(|e| vm.raise_pyerror(e))?;
    vm.new_int(i)
}

fn ceil(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let f = unary(vm, &a, "__ceil__")?;
    let i = int_ops::ceil_f64_to_int(f).map_err(|e| vm.raise_pyerror(e))?;
    vm.new_int(i)
}

/// `float.__round__(ndigits=None)`.
fn round(vm: &mut Vm, a: Args) -> PyResult<Value> {
    recv(vm, &a, "__round__")?;
    if a.n > 2 {
        return Err(vm.type_error(&format!(
            "__round__ expected at most 1 argument, got {}",
            a.n - 1
        )));
    }
    let nd = (a.n == 2).then(|| a.get(vm, 1));
    vm.round_value(a.get(vm, 0), nd)
}

/// `float.__getformat__(typestr)` (called on the class).
fn getformat(vm: &mut Vm, a: Args) -> PyResult<Value> {
    super::arity(vm, &a, "__getformat__", 1, 1)?;
    let s = a.get(vm, 0);
    if !vm.is_str(s) {
        let t = vm.type_name(s);
        return Err(vm.type_error(&format!("__getformat__() argument must be str, not {t}")));
    }
    let text = vm.str_text(s).into_owned();
    match text.as_str() {
        "double" | "float" => {
            let order = if cfg!(target_endian = "little") {
                "IEEE, little-endian"
            } else {
                "IEEE, big-endian"
            };
            vm.new_str(order)
        }
        _ => Err(vm.raise_msg(
            TypeId::ValueError,
            "__getformat__() argument 1 must be 'double' or 'float'",
        )),
    }
}
