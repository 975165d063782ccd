//! The arithmetic special methods of `int`, `bool` and `float`
//! (`int.__add__`, `(2).__pow__(3, 5)`, `float.__rtruediv__`, ...). Each
//! unboxes its operands (an instance of a subclass counts by its value)
//! and computes with the plain values, so a subclass's override calling
//! `int.__add__(self, o)` does not dispatch back to itself. An operand of
//! another type gives `NotImplemented`, as in CPython.

use pyvm_objmodel::Value;

use super::super::call::Args;
use super::super::exception::PyResult;
use super::super::heap::Vm;
use super::super::ops::{BinOp, Number};
use super::super::types::TypeId;
use super::{NativeTable, Place};

const I: Place = Place::Method(TypeId::Int);
const B: Place = Place::Method(TypeId::Bool);
const F: Place = Place::Method(TypeId::Float);

/// A native table where each binary operator gives two entries, the
/// method and its reflected twin (`__add__`/`__radd__`), both calling
/// `f(vm, args, name, op, reflected)`; the entries after `;` follow.
macro_rules! dunder_table {
    ($( $place:ident $f:ident { $( $name:literal $rname:literal $op:ident ),* $(,)? } )*
     ; $($extra:expr),* $(,)?) => {
        &[
            $( $(
                ($name, $place, |vm, a| $f(vm, a, $name, BinOp::$op, false)),
                ($rname, $place, |vm, a| $f(vm, a, $rname, BinOp::$op, true)),
            )* )*
            $($extra,)*
        ]
    };
}

/// The natives of this file.
pub(crate) const NUM_DUNDERS: NativeTable = dunder_table! {
    I int_op {
        "__add__" "__radd__" Add,
        "__sub__" "__rsub__" Sub,
        "__mul__" "__rmul__" Mul,
        "__truediv__" "__rtruediv__" TrueDiv,
        "__floordiv__" "__rfloordiv__" FloorDiv,
        "__mod__" "__rmod__" Mod,
        "__lshift__" "__rlshift__" LShift,
        "__rshift__" "__rrshift__" RShift,
        "__and__" "__rand__" And,
        "__or__" "__ror__" Or,
        "__xor__" "__rxor__" Xor,
    }
    // `bool & bool` stays a bool.
    B bool_op {
        "__and__" "__rand__" And,
        "__or__" "__ror__" Or,
        "__xor__" "__rxor__" Xor,
    }
    F float_op {
        "__add__" "__radd__" Add,
        "__sub__" "__rsub__" Sub,
        "__mul__" "__rmul__" Mul,
        "__truediv__" "__rtruediv__" TrueDiv,
        "__floordiv__" "__rfloordiv__" FloorDiv,
        "__mod__" "__rmod__" Mod,
    }
    ;
    ("__divmod__", I, |vm, a| int_divmod(vm, a, "__divmod__", false)),
    ("__rdivmod__", I, |vm, a| int_divmod(vm, a, "__rdivmod__", true)),
    ("__pow__", I, |vm, a| int_pow(vm, a, "__pow__", false)),
    ("__rpow__", I, |vm, a| int_pow(vm, a, "__rpow__", true)),
    ("__invert__", I, int_invert),
    ("__getnewargs__", I, int_getnewargs),
    ("__divmod__", F, |vm, a| float_divmod(vm, a, "__divmod__", false)),
    ("__rdivmod__", F, |vm, a| float_divmod(vm, a, "__rdivmod__", true)),
    ("__pow__", F, |vm, a| float_pow(vm, a, "__pow__", false)),
    ("__rpow__", F, |vm, a| float_pow(vm, a, "__rpow__", true)),
    ("__getnewargs__", F, float_getnewargs),
};

/// The receiver as a plain `int` (a bool or an int subclass's value).
fn recv_int(vm: &mut Vm, a: &Args, name: &str, owner: &str) -> PyResult<Value> {
    let v = if a.n > 0 { a.get(vm, 0) } else { Value::EMPTY };
    match vm.number(v) {
        Some(Number::Int(i)) if a.n > 0 => vm.new_int(i),
        _ => Err(descr_error(vm, a, name, owner)),
    }
}

/// The receiver as a float (a float subclass's value).
fn recv_float(vm: &mut Vm, a: &Args, name: &str) -> PyResult<f64> {
    let v = if a.n > 0 { a.get(vm, 0) } else { Value::EMPTY };
    match vm.number(v) {
        Some(Number::Float(f)) if a.n > 0 => Ok(f),
        _ => Err(descr_error(vm, a, name, "float")),
    }
}

fn descr_error(vm: &mut Vm, a: &Args, name: &str, owner: &str) -> super::super::exception::Raised {
    if a.n == 0 {
        return vm.type_error(&format!(
            "descriptor '{name}' of '{owner}' object needs an argument"
        ));
    }
    let t = vm.type_name(a.get(vm, 0));
    vm.type_error(&format!(
        "descriptor '{name}' requires a '{owner}' object but received a '{t}'"
    ))
}

/// Checks the number of arguments after the receiver.
fn count(vm: &mut Vm, a: &Args, name: &str, min: usize, max: usize) -> PyResult<usize> {
    if a.nkw(vm) > 0 {
        return Err(vm.type_error(&format!("{name}() takes no keyword arguments")));
    }
    let n = a.n.saturating_sub(1);
    if n < min || n > max {
        let what = if min == max {
            format!("{min} argument{}", if min == 1 { "" } else { "s" })
        } else if n < min {
            format!("at least {min} argument{}", if min == 1 { "" } else { "s" })
        } else {
            format!("at most {max} arguments")
        };
        return Err(vm.type_error(&format!("expected {what}, got {n}")));
    }
    Ok(n)
}

/// The other operand as a plain `int`, or `None` if it is not an int.
fn other_int(vm: &mut Vm, v: Value) -> PyResult<Option<Value>> {
    match vm.number(v) {
        Some(Number::Int(i)) => vm.new_int(i).map(Some),
        _ => Ok(None),
    }
}

/// The other operand as a float: an int or a float (`None` otherwise).
fn other_float(vm: &mut Vm, v: Value) -> PyResult<Option<Value>> {
    match vm.number(v) {
        Some(Number::Float(f)) => Ok(Some(Value::from_float(f))),
        Some(Number::Int(i)) => {
            let f = crate::int_ops::int_to_f64(&i).map_err(|e| vm.raise_pyerror(e))?;
            Ok(Some(Value::from_float(f)))
        }
        None => Ok(None),
    }
}

/// Computes `x op y` (or `y op x` when `reflected`) on plain values.
fn apply(vm: &mut Vm, op: BinOp, x: Value, y: Value, reflected: bool) -> PyResult<Value> {
    if reflected {
        vm.binary_op(op, y, x)
    } else {
        vm.binary_op(op, x, y)
    }
}

fn int_op(vm: &mut Vm, a: Args, name: &str, op: BinOp, reflected: bool) -> PyResult<Value> {
    let x = recv_int(vm, &a, name, "int")?;
    count(vm, &a, name, 1, 1)?;
    let xi = vm.push_temp(x);
    let y = other_int(vm, a.get(vm, 1));
    let x = vm.temp(xi);
    vm.pop_temps(xi);
    match y? {
        Some(y) => apply(vm, op, x, y, reflected),
        None => Ok(Value::NOT_IMPLEMENTED),
    }
}

fn bool_op(vm: &mut Vm, a: Args, name: &str, op: BinOp, reflected: bool) -> PyResult<Value> {
    let x = if a.n > 0 { a.get(vm, 0) } else { Value::EMPTY };
    if x.as_bool().is_none() {
        return Err(descr_error(vm, &a, name, "bool"));
    }
    count(vm, &a, name, 1, 1)?;
    let y = a.get(vm, 1);
    if y.as_bool().is_some() {
        return apply(vm, op, x, y, reflected);
    }
    // Otherwise `int`'s method: `True & 3` is an int.
    int_op(vm, a, name, op, reflected)
}

fn int_divmod(vm: &mut Vm, a: Args, name: &str, reflected: bool) -> PyResult<Value> {
    let x = recv_int(vm, &a, name, "int")?;
    count(vm, &a, name, 1, 1)?;
    let xi = vm.push_temp(x);
    let y = other_int(vm, a.get(vm, 1));
    let x = vm.temp(xi);
    vm.pop_temps(xi);
    match y? {
        Some(y) if reflected => vm.divmod_values(y, x),
        Some(y) => vm.divmod_values(x, y),
        None => Ok(Value::NOT_IMPLEMENTED),
    }
}

/// `int.__pow__(self, other, mod=None)`, `int.__rpow__(self, other, mod=None)`.
fn int_pow(vm: &mut Vm, a: Args, name: &str, reflected: bool) -> PyResult<Value> {
    let x = recv_int(vm, &a, name, "int")?;
    let n = count(vm, &a, name, 1, 2)?;
    let xi = vm.push_temp(x);
    let r = (|| {
        let Some(y) = other_int(vm, a.get(vm, 1))? else {
            return Ok(Value::NOT_IMPLEMENTED);
        };
        let yi = vm.push_temp(y);
        let m = if n == 2 { a.get(vm, 2) } else { Value::NONE };
        if m.is_none() {
            return apply(vm, BinOp::Pow, vm.temp(xi), vm.temp(yi), reflected);
        }
        let (Some(m), Some(x), Some(y)) =
            (vm.int_of(m), vm.int_of(vm.temp(xi)), vm.int_of(vm.temp(yi)))
        else {
            return Ok(Value::NOT_IMPLEMENTED);
        };
        let (b, e) = if reflected { (y, x) } else { (x, y) };
        let r = crate::int_ops::pow_mod(&b, &e, &m).map_err(|e| vm.raise_pyerror(e))?;
        vm.new_int(r)
    })();
    vm.pop_temps(xi);
    r
}

fn int_invert(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let x = recv_int(vm, &a, "__invert__", "int")?;
    count(vm, &a, "__invert__", 0, 0)?;
    vm.unary_op("~", x)
}

fn int_getnewargs(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let x = recv_int(vm, &a, "__getnewargs__", "int")?;
    count(vm, &a, "__getnewargs__", 0, 0)?;
    vm.new_tuple(&[x])
}

fn float_op(vm: &mut Vm, a: Args, name: &str, op: BinOp, reflected: bool) -> PyResult<Value> {
    let x = Value::from_float(recv_float(vm, &a, name)?);
    count(vm, &a, name, 1, 1)?;
    match other_float(vm, a.get(vm, 1))? {
        Some(y) => apply(vm, op, x, y, reflected),
        None => Ok(Value::NOT_IMPLEMENTED),
    }
}

fn float_divmod(vm: &mut Vm, a: Args, name: &str, reflected: bool) -> PyResult<Value> {
    let x = Value::from_float(recv_float(vm, &a, name)?);
    count(vm, &a, name, 1, 1)?;
    match other_float(vm, a.get(vm, 1))? {
        Some(y) if reflected => vm.divmod_values(y, x),
        Some(y) => vm.divmod_values(x, y),
        None => Ok(Value::NOT_IMPLEMENTED),
    }
}

/// `float.__pow__(self, other, mod=None)`: a modulus is a TypeError.
fn float_pow(vm: &mut Vm, a: Args, name: &str, reflected: bool) -> PyResult<Value> {
    let x = Value::from_float(recv_float(vm, &a, name)?);
    let n = count(vm, &a, name, 1, 2)?;
    if n == 2 && !a.get(vm, 2).is_none() {
        return Err(
            vm.type_error("pow() 3rd argument not allowed unless all arguments are integers")
        );
    }
    match other_float(vm, a.get(vm, 1))? {
        Some(y) => apply(vm, BinOp::Pow, x, y, reflected),
        None => Ok(Value::NOT_IMPLEMENTED),
    }
}

fn float_getnewargs(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let x = Value::from_float(recv_float(vm, &a, "__getnewargs__")?);
    count(vm, &a, "__getnewargs__", 0, 0)?;
    vm.new_tuple(&[x])
}

impl Vm {
    /// `pow(base, exp, mod)` through `type(base).__pow__(base, exp, mod)`
    /// for an instance of a user class (three-argument `pow` never tries
    /// `__rpow__`); `None` when there is none or it returned
    /// `NotImplemented`.
    pub(crate) fn pow3_dunder(
        &mut self,
        base: Value,
        exp: Value,
        m: Value,
    ) -> PyResult<Option<Value>> {
        if self.kind_of(base) != Some(super::super::layout::Kind::Instance) {
            return Ok(None);
        }
        let mark = self.temps_len();
        self.push_temp(base);
        self.push_temp(exp);
        self.push_temp(m);
        let r = (|| {
            let class = self.class_of(self.temp(mark));
            let Some(f) = self.lookup_type_attr(class, "__pow__")? else {
                return Ok(None);
            };
            let args = [self.temp(mark), self.temp(mark + 1), self.temp(mark + 2)];
            let r = self.call_value(f, &args)?;
            Ok((r != Value::NOT_IMPLEMENTED).then_some(r))
        })();
        self.pop_temps(mark);
        r
    }
}
