//! `int(x)` and the methods of `int` (inherited by `bool`).

use num_bigint::BigInt;
use num_traits::Signed;
use pyvm_objmodel::Value;

use super::super::call::Args;
use super::super::exception::PyResult;
use super::super::heap::Vm;
use super::super::layout::Kind;
use super::super::ops::Number;
use super::super::types::TypeId;
use super::num_funcs::bind;
use super::{NativeTable, Place};
use crate::int_ops;
use crate::int_parse::{MaxStrDigits, parse_int};

/// The methods of `int`.
pub(crate) const NATIVES: NativeTable = &[
    ("bit_length", Place::Method(TypeId::Int), bit_length),
    ("bit_count", Place::Method(TypeId::Int), bit_count),
    (
        "as_integer_ratio",
        Place::Method(TypeId::Int),
        as_integer_ratio,
    ),
    ("conjugate", Place::Method(TypeId::Int), |vm, a| {
        identity_named(vm, a, "conjugate")
    }),
    ("__index__", Place::Method(TypeId::Int), |vm, a| {
        identity_named(vm, a, "__index__")
    }),
    ("__int__", Place::Method(TypeId::Int), |vm, a| {
        identity_named(vm, a, "__int__")
    }),
    ("__trunc__", Place::Method(TypeId::Int), |vm, a| {
        identity_named(vm, a, "__trunc__")
    }),
    ("__floor__", Place::Method(TypeId::Int), |vm, a| {
        identity_named(vm, a, "__floor__")
    }),
    ("__ceil__", Place::Method(TypeId::Int), |vm, a| {
        identity_named(vm, a, "__ceil__")
    }),
    ("__pos__", Place::Method(TypeId::Int), |vm, a| {
        identity_named(vm, a, "__pos__")
    }),
    ("__float__", Place::Method(TypeId::Int), to_float),
    ("__round__", Place::Method(TypeId::Int), round),
    ("__abs__", Place::Method(TypeId::Int), abs),
    ("__neg__", Place::Method(TypeId::Int), neg),
    ("__bool__", Place::Method(TypeId::Int), to_bool),
    ("to_bytes", Place::Method(TypeId::Int), to_bytes),
    (
        "from_bytes",
        Place::Method(TypeId::Int),
        super::native_classmethods::int_from_bytes,
    ),
];

impl Vm {
    /// The `sys.get_int_max_str_digits()` limit as the algorithms take it.
    pub fn max_str_digits(&self) -> MaxStrDigits {
        MaxStrDigits(self.int_max_str_digits)
    }

    /// `int(x)` for one argument.
    pub fn int_from(&mut self, x: Value) -> PyResult<Value> {
        if x.as_int().is_some() {
            return Ok(x);
        }
        match self.number(x) {
            Some(Number::Int(i)) => return self.new_int(i),
            Some(Number::Float(f)) => {
                let r = int_ops::f64_to_int(f).map_err(|e| self.raise_pyerror(e))?;
                return self.new_int(r);
            }
            None => {}
        }
        if self.is_str(x) {
            let text = self.str_text(x).into_owned();
            let r =
                parse_int(&text, 10, self.max_str_digits()).map_err(|e| self.raise_pyerror(e))?;
            return self.new_int(r);
        }
        let xi = self.push_temp(x);
        let r = self.int_protocol(xi);
        self.pop_temps(xi);
        r
    }

    /// `__int__`, `__index__`, then `__trunc__` of the object at temp `xi`.
    fn int_protocol(&mut self, xi: usize) -> PyResult<Value> {
        let x = self.temp(xi);
        if let Some(r) = self.user_dunder0(x, "__int__")? {
            if self.is_exact_int(r) {
                return Ok(r);
            }
            if let Some(i) = self.int_of(r) {
                self.warn_int_subclass("__int__", r)?;
                return self.new_int(i);
            }
            let t = self.type_name(r);
            return Err(self.type_error(&format!("__int__ returned non-int (type {t})")));
        }
        let x = self.temp(xi);
        if let Some(i) = self.try_index(x)? {
            return self.new_int(i);
        }
        let x = self.temp(xi);
        if let Some(r) = self.user_dunder0(x, "__trunc__")? {
            let ri = self.push_temp(r);
            let warned = self.trunc_deprecated();
            let r = self.temp(ri);
            self.pop_temps(ri);
            warned?;
            if self.is_exact_int(r) {
                return Ok(r);
            }
            if let Some(i) = self.int_of(r) {
                return self.new_int(i);
            }
            let ri = self.push_temp(r);
            let res = self.try_index(r);
            let r = self.temp(ri);
            self.pop_temps(ri);
            return match res? {
                Some(i) => self.new_int(i),
                None => {
                    let t = self.type_name(r);
                    Err(self.type_error(&format!("__trunc__ returned non-Integral (type {t})")))
                }
            };
        }
        if let Some(r) = self.int_from_digits(self.temp(xi), 10)? {
            return Ok(r);
        }
        let t = self.type_name(self.temp(xi));
        Err(self.type_error(&format!(
            "int() argument must be a string, a bytes-like object or a real number, not '{t}'"
        )))
    }
}

/// `int(x=0)`, `int(x, base=10)`.
pub(crate) fn int_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = a.npos(vm);
    let nkw = a.nkw(vm);
    if n + nkw > 2 {
        return Err(vm.type_error(&format!(
            "int() takes at most 2 arguments ({} given)",
            n + nkw
        )));
    }
    let mut base = if n == 2 { Some(a.get(vm, 1)) } else { None };
    if nkw > 0 {
        let names = vm.tuple_items(vm.temp(a.kw.unwrap_or(0))).to_vec();
        for (j, k) in names.into_iter().enumerate() {
            let text = vm.str_text(k).into_owned();
            if text != "base" {
                return Err(vm.type_error(&format!(
                    "'{text}' is an invalid keyword argument for int()"
                )));
            }
            if base.is_some() {
                return Err(
                    vm.type_error("argument for int() given by name ('base') and position (2)")
                );
            }
            base = Some(vm.temp(a.start + n + j));
        }
    }
    if n == 0 {
        if base.is_some() {
            return Err(vm.type_error("int() missing string argument"));
        }
        return Ok(Value::from_int(0).unwrap_or(Value::NONE));
    }
    let x = a.get(vm, 0);
    let Some(b) = base else {
        return vm.int_from(x);
    };
    // bytes and bytearray hold the digits as ASCII.
    if !vm.is_str(x) && !matches!(vm.kind_of(x), Some(Kind::Bytes | Kind::ByteArray)) {
        return Err(vm.type_error("int() can't convert non-string with explicit base"));
    }
    let b = vm.index_int(b)?;
    let b: i64 = num_traits::ToPrimitive::to_i64(&b).unwrap_or(-1);
    if let Some(r) = vm.int_from_digits(a.get(vm, 0), b)? {
        return Ok(r);
    }
    let text = vm.str_text(a.get(vm, 0)).into_owned();
    let r = parse_int(&text, b, vm.max_str_digits()).map_err(|e| vm.raise_pyerror(e))?;
    vm.new_int(r)
}

/// The receiver of an int method, as a big integer.
fn recv(vm: &mut Vm, a: &Args, name: &str) -> PyResult<BigInt> {
    let v = if a.n > 0 { a.get(vm, 0) } else { Value::EMPTY };
    match vm.int_of(v) {
        Some(i) if a.n > 0 => Ok(i),
        _ => {
            if a.n == 0 {
                return Err(
                    vm.type_error(&format!("unbound method int.{name}() needs an argument"))
                );
            }
            let t = vm.type_name(v);
            Err(vm.type_error(&format!(
                "descriptor '{name}' for 'int' objects doesn't apply to a '{t}' object"
            )))
        }
    }
}

/// Checks that a method got no argument besides its receiver.
pub(crate) fn no_args(vm: &mut Vm, a: &Args, qual: &str) -> PyResult<()> {
    if a.nkw(vm) > 0 {
        return Err(vm.type_error(&format!("{qual}() takes no keyword arguments")));
    }
    if a.n > 1 {
        return Err(vm.type_error(&format!("{qual}() takes no arguments ({} given)", a.n - 1)));
    }
    Ok(())
}

fn unary(vm: &mut Vm, a: &Args, name: &str) -> PyResult<BigInt> {
    let i = recv(vm, a, name)?;
    no_args(vm, a, &format!("int.{name}"))?;
    Ok(i)
}

fn bit_length(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let i = unary(vm, &a, "bit_length")?;
    vm.new_i64(int_ops::bit_length(&i) as i64)
}

fn bit_count(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let i = unary(vm, &a, "bit_count")?;
    vm.new_i64(int_ops::bit_count(&i) as i64)
}

fn as_integer_ratio(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let i = unary(vm, &a, "as_integer_ratio")?;
    let n = vm.new_int(i)?;
    vm.new_tuple(&[n, Value::from_int(1).unwrap_or(Value::NONE)])
}

/// Methods returning the int itself (`bool` receivers become `int`).
fn identity_named(vm: &mut Vm, a: Args, name: &str) -> PyResult<Value> {
    let i = unary(vm, &a, name)?;
    vm.new_int(i)
}

fn to_float(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let i = unary(vm, &a, "__float__")?;
    int_ops::int_to_f64(&i)
        .map(Value::from_float)
        .map_err(|e| vm.raise_pyerror(e))
}

fn abs(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let i = unary(vm, &a, "__abs__")?;
    vm.new_int(i.abs())
}

fn neg(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let i = unary(vm, &a, "__neg__")?;
    vm.new_int(-i)
}

fn to_bool(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let i = unary(vm, &a, "__bool__")?;
    Ok(Value::from_bool(i.sign() != num_bigint::Sign::NoSign))
}

/// `int.__round__(ndigits=None)`.
fn round(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let i = recv(vm, &a, "__round__")?;
    if a.n > 2 {
        return Err(vm.type_error(&format!(
            "__round__ expected at most 1 argument, got {}",
            a.n - 1
        )));
    }
    match (a.n == 2).then(|| a.get(vm, 1)).filter(|v| !v.is_none()) {
        None => vm.new_int(i),
        Some(nd) => {
            let n = vm.index_int(nd)?;
            vm.new_int(int_ops::round_int(&i, &n))
        }
    }
}

/// The byte order and `signed` flag of `to_bytes`/`from_bytes`.
fn order_and_signed(
    vm: &mut Vm,
    order: Option<Value>,
    signed: Option<Value>,
    fname: &str,
) -> PyResult<(int_ops::ByteOrder, bool)> {
    let order = match order {
        None => int_ops::ByteOrder::Big,
        Some(o) if vm.is_str(o) => {
            let t = vm.str_text(o).into_owned();
            int_ops::ByteOrder::parse(&t).map_err(|e| vm.raise_pyerror(e))?
        }
        Some(o) => {
            let t = vm.type_name(o);
            return Err(vm.type_error(&format!(
                "{fname}() argument 'byteorder' must be str, not {t}"
            )));
        }
    };
    let signed = match signed {
        None => false,
        Some(s) => vm.truthy(s)?,
    };
    Ok((order, signed))
}

/// `int.to_bytes(length=1, byteorder='big', *, signed=False)`.
fn to_bytes(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let i = recv(vm, &a, "to_bytes")?;
    let rest = Args {
        start: a.start + 1,
        n: a.n - 1,
        kw: a.kw,
    };
    let v = bind(
        vm,
        &rest,
        "to_bytes",
        &["length", "byteorder", "signed"],
        0,
        0,
    )?;
    if rest.npos(vm) > 2 {
        return Err(vm.type_error(&format!(
            "to_bytes() takes at most 2 positional arguments ({} given)",
            rest.npos(vm)
        )));
    }
    // `__index__` may allocate: keep the other two arguments rooted.
    let mark = vm.temps_len();
    for x in [v[1], v[2]] {
        vm.push_temp(x.unwrap_or(Value::EMPTY));
    }
    let length = match v[0] {
        None => Ok(1),
        Some(l) => vm.index_isize(l),
    };
    let opt = |x: Value| (x != Value::EMPTY).then_some(x);
    let (order, signed) = (opt(vm.temp(mark)), opt(vm.temp(mark + 1)));
    vm.pop_temps(mark);
    let length = length?;
    let (order, signed) = order_and_signed(vm, order, signed, "to_bytes")?;
    let bytes = int_ops::to_bytes(&i, length, order, signed).map_err(|e| vm.raise_pyerror(e))?;
    vm.new_bytes_value(&bytes)
}

/// `int.from_bytes(bytes, byteorder='big', *, signed=False)`.
pub(crate) fn from_bytes(vm: &mut Vm, a: Args) -> PyResult<Value> {
    // Called on the class (`int.from_bytes(...)`): no receiver.
    let v = bind(
        vm,
        &a,
        "from_bytes",
        &["bytes", "byteorder", "signed"],
        1,
        0,
    )?;
    // CPython checks the byte order before it reads the bytes. Reading them
    // may run Python code (an iterator) and move `signed`, so the flag is
    // evaluated first too; `bytes` is rooted across the `__bool__` call.
    let mark = vm.push_temp(v[0].unwrap_or(Value::NONE));
    let flags = order_and_signed(vm, v[1], v[2], "from_bytes");
    let data = vm.temp(mark);
    vm.pop_temps(mark);
    let (order, signed) = flags?;
    let data = vm.byte_items(data)?;
    vm.new_int(int_ops::from_bytes(&data, order, signed))
}

impl Vm {
    /// A `bytes` object.
    pub fn new_bytes_value(&mut self, bytes: &[u8]) -> PyResult<Value> {
        self.new_bytes(bytes)
    }

    /// The bytes of a bytes-like object or of an iterable of ints.
    pub fn byte_items(&mut self, v: Value) -> PyResult<Vec<u8>> {
        if self.kind_of(v) == Some(Kind::Str) {
            return Err(self.type_error("cannot convert 'str' object to bytes"));
        }
        if let Some(b) = self.buffer_copy(v)? {
            return Ok(b);
        }
        // Not iterable: CPython's `PyBytes_FromObject` message.
        let t = self.type_name(v);
        let it = match self.get_iter(v) {
            Ok(it) => it,
            Err(e) => {
                if !self.exc_matches(self.raised(), TypeId::TypeError) {
                    return Err(e);
                }
                self.take_raised();
                return Err(self.type_error(&format!("cannot convert '{t}' object to bytes")));
            }
        };
        let items = self.collect_iterable(it)?;
        let mut out = Vec::with_capacity(items.len());
        let mark = self.temps_len();
        self.roots().temps.extend_from_slice(&items);
        for k in 0..items.len() {
            let x = self.temp(mark + k);
            let i = match self.index_int(x) {
                Ok(i) => i,
                Err(e) => {
                    self.pop_temps(mark);
                    return Err(e);
                }
            };
            match num_traits::ToPrimitive::to_u8(&i) {
                Some(b) => out.push(b),
                None => {
                    self.pop_temps(mark);
                    return Err(
                        self.raise_msg(TypeId::ValueError, "bytes must be in range(0, 256)")
                    );
                }
            }
        }
        self.pop_temps(mark);
        Ok(out)
    }
}
