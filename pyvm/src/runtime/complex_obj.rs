//! `complex` objects: a [`Kind::Complex`] record holding the real and
//! imaginary parts as two float fields (floats are immediate values, so a
//! complex number holds no references). The arithmetic itself is
//! `crate::complex_arith` (CPython's operation order); this file mixes it
//! with ints and floats, and holds the constructor and methods.

use pyvm_objmodel::Value;

use super::builtins::{NativeTable, Place};
use super::call::Args;
use super::exception::PyResult;
use super::heap::Vm;
use super::layout::Kind;
use super::ops::{BinOp, CmpOp, Number};
use super::types::TypeId;
use crate::complex_arith::Complex;

/// The natives of `complex`.
pub(crate) const NATIVES: NativeTable = &[
    ("complex", Place::Constructor(TypeId::Complex), complex_new),
    ("conjugate", Place::Method(TypeId::Complex), conjugate),
    (
        "__complex__",
        Place::Method(TypeId::Complex),
        dunder_complex,
    ),
    ("__abs__", Place::Method(TypeId::Complex), dunder_abs),
    ("__format__", Place::Method(TypeId::Complex), dunder_format),
];

impl Vm {
    /// A new `complex`.
    pub fn new_complex(&mut self, re: f64, im: f64) -> PyResult<Value> {
        let class = self.ty(TypeId::Complex);
        self.alloc_record(
            Kind::Complex,
            class,
            &[Value::from_float(re), Value::from_float(im)],
            0,
        )
    }

    /// The parts of a `complex` object.
    pub fn complex_parts(&self, v: Value) -> Option<(f64, f64)> {
        if self.kind_of(v) != Some(Kind::Complex) {
            return self.boxed_number(v).and_then(|x| self.complex_parts(x));
        }
        let re = self.field(v, 0).as_float().unwrap_or(0.0);
        let im = self.field(v, 1).as_float().unwrap_or(0.0);
        Some((re, im))
    }

    /// A number as a complex operand (int, bool, float, complex); `None`
    /// for anything else. OverflowError for ints beyond the float range.
    fn complex_operand(&mut self, v: Value) -> PyResult<Option<Complex>> {
        if let Some((re, im)) = self.complex_parts(v) {
            return Ok(Some(Complex::new(re, im)));
        }
        match self.number(v) {
            Some(Number::Float(f)) => Ok(Some(Complex::new(f, 0.0))),
            Some(Number::Int(i)) => crate::int_ops::int_to_f64(&i)
                .map(|f| Some(Complex::new(f, 0.0)))
                .map_err(|e| self.raise_pyerror(e)),
            None => Ok(None),
        }
    }

    /// `a <op> b` when one side is a complex and the other a number;
    /// `None` when this does not apply (the caller tries the dunders).
    pub fn complex_binary(&mut self, op: BinOp, a: Value, b: Value) -> PyResult<Option<Value>> {
        let ka = self.kind_of(a) == Some(Kind::Complex);
        let kb = self.kind_of(b) == Some(Kind::Complex);
        if !ka && !kb {
            return Ok(None);
        }
        if (!ka && self.number(a).is_none()) || (!kb && self.number(b).is_none()) {
            return Ok(None);
        }
        let (Some(x), Some(y)) = (self.complex_operand(a)?, self.complex_operand(b)?) else {
            return Ok(None);
        };
        let r = match op {
            BinOp::Add => Ok(Complex::new(x.re + y.re, x.im + y.im)),
            BinOp::Sub => Ok(Complex::new(x.re - y.re, x.im - y.im)),
            BinOp::Mul => Ok(Complex::new(
                x.re * y.re - x.im * y.im,
                x.re * y.im + x.im * y.re,
            )),
            BinOp::TrueDiv => x.try_div(y),
            BinOp::Pow => x.pow(y),
            _ => return Ok(None),
        };
        match r {
            Ok(c) => self.new_complex(c.re, c.im).map(Some),
            Err(e) => Err(self.raise_pyerror(e)),
        }
    }

    /// `float ** float` whose result is complex (a negative base and a
    /// non-integral exponent).
    pub fn complex_pow_floats(&mut self, a: f64, b: f64) -> PyResult<Value> {
        match Complex::new(a, 0.0).pow(Complex::new(b, 0.0)) {
            Ok(c) => self.new_complex(c.re, c.im),
            Err(e) => Err(self.raise_pyerror(e)),
        }
    }

    /// `a == b` / `a != b` when a side is complex; `None` when this does
    /// not apply. Ordering comparisons of complex raise TypeError (by the
    /// caller's fallback).
    pub fn complex_compare(&mut self, op: CmpOp, a: Value, b: Value) -> Option<bool> {
        let (pa, pb) = (self.complex_parts(a), self.complex_parts(b));
        if pa.is_none() && pb.is_none() {
            return None;
        }
        if !matches!(op, CmpOp::Eq | CmpOp::Ne) {
            return None;
        }
        let eq = match (pa, pb) {
            (Some(x), Some(y)) => x.0 == y.0 && x.1 == y.1,
            (Some((re, im)), None) | (None, Some((re, im))) => {
                let other = if pa.is_some() { b } else { a };
                match self.number(other) {
                    Some(Number::Float(f)) => im == 0.0 && re == f,
                    Some(Number::Int(i)) => {
                        im == 0.0
                            && crate::int_ops::cmp_int_f64(&i, re)
                                == Some(std::cmp::Ordering::Equal)
                    }
                    None => return None,
                }
            }
            (None, None) => return None,
        };
        Some(if op == CmpOp::Eq { eq } else { !eq })
    }

    /// `repr(complex)`.
    pub fn complex_repr(&self, v: Value) -> String {
        let (re, im) = self.complex_parts(v).unwrap_or((0.0, 0.0));
        crate::complex_format::repr_complex(re, im)
    }

    /// `-c`, `+c`; `None` for non-complex values.
    pub fn complex_unary(&mut self, op: &str, v: Value) -> PyResult<Option<Value>> {
        let Some((re, im)) = self.complex_parts(v) else {
            return Ok(None);
        };
        match op {
            "-" => self.new_complex(-re, -im).map(Some),
            "+" => self.new_complex(re, im).map(Some),
            _ => Err(self.type_error("bad operand type for unary ~: 'complex'")),
        }
    }

    /// The `__complex__` protocol, then `__float__`/`__index__`: `None`
    /// when `v` is not a number.
    pub(crate) fn complex_arg(&mut self, v: Value) -> PyResult<Option<(Complex, bool)>> {
        if let Some((re, im)) = self.complex_parts(v) {
            return Ok(Some((Complex::new(re, im), true)));
        }
        let vi = self.push_temp(v);
        let r = (|| {
            if let Some(r) = self.user_dunder0(v, "__complex__")? {
                return match self.complex_parts(r) {
                    Some((re, im)) => Ok(Some((Complex::new(re, im), true))),
                    None => {
                        let t = self.type_name(r);
                        Err(self
                            .type_error(&format!("__complex__ returned non-complex (type {t})")))
                    }
                };
            }
            let v = self.temp(vi);
            Ok(self.try_float(v)?.map(|f| (Complex::new(f, 0.0), false)))
        })();
        self.pop_temps(vi);
        r
    }
}

/// `complex(real=0, imag=0)`, `complex(string)`.
fn complex_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = a.npos(vm);
    if n > 2 {
        return Err(vm.type_error(&format!("complex() takes at most 2 arguments ({n} given)")));
    }
    let nkw = a.nkw(vm);
    let mut real = if n >= 1 { Some(a.get(vm, 0)) } else { None };
    let mut imag = if n >= 2 { Some(a.get(vm, 1)) } else { None };
    if nkw > 0 {
        let names = vm.tuple_items(vm.temp(a.kw.unwrap_or(0))).to_vec();
        for (j, name) in names.into_iter().enumerate() {
            let text = vm.str_text(name).into_owned();
            let v = vm.temp(a.start + n + j);
            let slot = match text.as_str() {
                "real" if n < 1 => &mut real,
                "imag" if n < 2 => &mut imag,
                "real" | "imag" => {
                    return Err(vm.type_error(&format!(
                        "argument for complex() given by name ('{text}') and position ({})",
                        if text == "real" { 1 } else { 2 }
                    )));
                }
                _ => {
                    return Err(vm.type_error(&format!(
                        "'{text}' is an invalid keyword argument for complex()"
                    )));
                }
            };
            *slot = Some(v);
        }
    }
    let Some(r) = real else {
        return match imag {
            None => vm.new_complex(0.0, 0.0),
            Some(i) => {
                let vi = vm.push_temp(i);
                let res = imag_only(vm, i);
                vm.pop_temps(vi);
                res
            }
        };
    };
    if vm.is_str(r) {
        if imag.is_some() {
            return Err(vm.type_error("complex() can't take second arg if first is a string"));
        }
        let text = vm.str_text(r).into_owned();
        let (re, im) =
            crate::complex_parse::parse_complex(&text).map_err(|e| vm.raise_pyerror(e))?;
        return vm.new_complex(re, im);
    }
    if let Some(i) = imag
        && vm.is_str(i)
    {
        return Err(vm.type_error("complex() second arg can't be a string"));
    }
    let mark = vm.temps_len();
    vm.push_temp(r);
    vm.push_temp(imag.unwrap_or(Value::EMPTY));
    let res = (|| {
        if imag.is_none()
            && vm.kind_of(r) == Some(Kind::Complex)
            && vm.class_of(r) == vm.ty(TypeId::Complex)
        {
            return Ok(r);
        }
        let Some((cr, cr_complex)) = vm.complex_arg(vm.temp(mark))? else {
            let t = vm.type_name(vm.temp(mark));
            return Err(vm.type_error(&format!(
                "complex() first argument must be a string or a number, not '{t}'"
            )));
        };
        let i = vm.temp(mark + 1);
        if i.is_empty() {
            return vm.new_complex(cr.re, cr.im);
        }
        let (ci, ci_complex) = if let Some((re, im)) = vm.complex_parts(i) {
            (Complex::new(re, im), true)
        } else {
            match vm.try_float(i)? {
                Some(f) => (Complex::new(f, 0.0), false),
                None => {
                    let t = vm.type_name(vm.temp(mark + 1));
                    return Err(vm.type_error(&format!(
                        "complex() second argument must be a number, not '{t}'"
                    )));
                }
            }
        };
        let mut re = cr.re;
        let mut im = ci.re;
        if ci_complex {
            re -= ci.im;
        }
        if cr_complex {
            im += cr.im;
        }
        vm.new_complex(re, im)
    })();
    vm.pop_temps(mark);
    res
}

/// `complex(imag=x)`.
fn imag_only(vm: &mut Vm, i: Value) -> PyResult<Value> {
    if vm.is_str(i) {
        return Err(vm.type_error("complex() second arg can't be a string"));
    }
    if let Some((re, im)) = vm.complex_parts(i) {
        return vm.new_complex(-im, re);
    }
    match vm.try_float(i)? {
        Some(f) => vm.new_complex(0.0, f),
        None => {
            let t = vm.type_name(i);
            Err(vm.type_error(&format!(
                "complex() second argument must be a number, not '{t}'"
            )))
        }
    }
}

fn receiver(vm: &mut Vm, a: &Args, name: &str) -> PyResult<(f64, f64)> {
    if a.n == 0 {
        return Err(vm.type_error(&format!(
            "unbound method complex.{name}() needs an argument"
        )));
    }
    let v = a.get(vm, 0);
    match vm.complex_parts(v) {
        Some(p) => Ok(p),
        None => {
            let t = vm.type_name(v);
            Err(vm.type_error(&format!(
                "descriptor '{name}' for 'complex' objects doesn't apply to a '{t}' object"
            )))
        }
    }
}

fn no_args(vm: &mut Vm, a: &Args, name: &str) -> PyResult<()> {
    if a.n > 1 {
        return Err(vm.type_error(&format!(
            "complex.{name}() takes no arguments ({} given)",
            a.n - 1
        )));
    }
    Ok(())
}

/// `complex.conjugate()`.
fn conjugate(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (re, im) = receiver(vm, &a, "conjugate")?;
    no_args(vm, &a, "conjugate")?;
    vm.new_complex(re, -im)
}

/// `complex.__complex__()`.
fn dunder_complex(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (re, im) = receiver(vm, &a, "__complex__")?;
    no_args(vm, &a, "__complex__")?;
    vm.new_complex(re, im)
}

/// `complex.__abs__()`.
fn dunder_abs(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (re, im) = receiver(vm, &a, "__abs__")?;
    no_args(vm, &a, "__abs__")?;
    Complex::new(re, im)
        .abs()
        .map(Value::from_float)
        .map_err(|e| vm.raise_pyerror(e))
}

/// `complex.__format__(spec)`.
fn dunder_format(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (re, im) = receiver(vm, &a, "__format__")?;
    if a.n != 2 || !vm.is_str(a.get(vm, 1)) {
        return Err(vm.type_error("__format__() argument must be str"));
    }
    let spec = vm.str_text(a.get(vm, 1)).into_owned();
    match crate::complex_format::format_complex(re, im, &spec) {
        Ok(s) => vm.new_str(&s),
        Err(e) => Err(vm.raise_pyerror(e)),
    }
}

/// `hash(complex)` as CPython computes it.
pub(crate) fn complex_hash(re: f64, im: f64, identity: usize) -> i64 {
    crate::num_hash::hash_complex(re, im, identity)
}

/// A complex value's parts as a `BigInt`-free pair, for `abs()`.
pub(crate) fn complex_abs(vm: &mut Vm, v: Value) -> PyResult<Option<f64>> {
    match vm.complex_parts(v) {
        Some((re, im)) => Complex::new(re, im)
            .abs()
            .map(Some)
            .map_err(|e| vm.raise_pyerror(e)),
        None => Ok(None),
    }
}
