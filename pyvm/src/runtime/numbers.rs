//! The numeric protocols natives share: `__index__`, `__int__`,
//! `__float__`, `__complex__` conversions, and the attributes every number
//! has (`real`, `imag`, `numerator`, `denominator`).

use num_bigint::BigInt;
use num_traits::{ToPrimitive, Zero};
use pyvm_objmodel::Value;

use super::exception::PyResult;
use super::heap::Vm;
use super::layout::Kind;
use super::ops::Number;

impl Vm {
    /// The value of an exact `int` (or `bool`), without calling anything.
    pub fn int_of(&self, v: Value) -> Option<BigInt> {
        if let Some(i) = v.as_int() {
            return Some(BigInt::from(i));
        }
        if let Some(b) = v.as_bool() {
            return Some(BigInt::from(b as i64));
        }
        if self.kind_of(v) == Some(Kind::BigInt) {
            return Some(self.bigint(v).clone());
        }
        None
    }

    /// Calls the special method `name` of an instance of a user class (no
    /// argument); `None` when `v` is not such an instance or has no method.
    pub fn user_dunder0(&mut self, v: Value, name: &str) -> PyResult<Option<Value>> {
        if !matches!(self.kind_of(v), Some(Kind::Instance | Kind::Exception)) {
            return Ok(None);
        }
        self.call_dunder0(v, name)
    }

    /// The `__index__` protocol: `None` when `v` has no `__index__`.
    pub fn try_index(&mut self, v: Value) -> PyResult<Option<BigInt>> {
        if let Some(i) = self.int_of(v) {
            return Ok(Some(i));
        }
        match self.user_dunder0(v, "__index__")? {
            None => Ok(None),
            Some(r) => match self.int_of(r) {
                Some(i) => Ok(Some(i)),
                None => {
                    let t = self.type_name(r);
                    Err(self.type_error(&format!("__index__ returned non-int (type {t})")))
                }
            },
        }
    }

    /// `operator.index(v)`: TypeError "'T' object cannot be interpreted as
    /// an integer" when `v` has no `__index__`.
    pub fn index_int(&mut self, v: Value) -> PyResult<BigInt> {
        let vi = self.push_temp(v);
        let r = self.try_index(v);
        let v = self.temp(vi);
        self.pop_temps(vi);
        match r? {
            Some(i) => Ok(i),
            None => {
                let t = self.type_name(v);
                Err(self.type_error(&format!("'{t}' object cannot be interpreted as an integer")))
            }
        }
    }

    /// `__index__` as an `i64`, OverflowError "Python int too large to
    /// convert to C ssize_t" beyond it.
    pub fn index_isize(&mut self, v: Value) -> PyResult<i64> {
        let i = self.index_int(v)?;
        i.to_i64().ok_or_else(|| {
            self.raise_msg(
                super::types::TypeId::OverflowError,
                "Python int too large to convert to C ssize_t",
            )
        })
    }

    /// The `float()` protocol without strings: floats, ints, `__float__`,
    /// then `__index__`; `None` when none applies.
    pub fn try_float(&mut self, v: Value) -> PyResult<Option<f64>> {
        if let Some(f) = v.as_float() {
            return Ok(Some(f));
        }
        if let Some(i) = self.int_of(v) {
            return crate::int_ops::int_to_f64(&i)
                .map(Some)
                .map_err(|e| self.raise_pyerror(e));
        }
        let vi = self.push_temp(v);
        let r = (|| {
            if let Some(r) = self.user_dunder0(v, "__float__")? {
                if let Some(f) = r.as_float() {
                    return Ok(Some(f));
                }
                let (c, t) = (self.type_name(self.temp(vi)), self.type_name(r));
                return Err(
                    self.type_error(&format!("{c}.__float__ returned non-float (type {t})"))
                );
            }
            let v = self.temp(vi);
            match self.try_index(v)? {
                Some(i) => crate::int_ops::int_to_f64(&i)
                    .map(Some)
                    .map_err(|e| self.raise_pyerror(e)),
                None => Ok(None),
            }
        })();
        self.pop_temps(vi);
        r
    }

    /// A real-number argument of a native taking a float (`math.sin(x)`):
    /// TypeError "must be real number, not T" otherwise.
    pub fn real_arg(&mut self, v: Value) -> PyResult<f64> {
        if let Some(f) = v.as_float() {
            return Ok(f);
        }
        let vi = self.push_temp(v);
        let r = self.try_float(v);
        let v = self.temp(vi);
        self.pop_temps(vi);
        match r? {
            Some(f) => Ok(f),
            None => {
                let t = self.type_name(v);
                Err(self.type_error(&format!("must be real number, not {t}")))
            }
        }
    }

    /// The attributes every builtin number has: `real`, `imag`,
    /// `numerator`, `denominator` (`None` for other values and names).
    pub fn numeric_attr(&mut self, obj: Value, name: &[u8]) -> PyResult<Option<Value>> {
        if let Some((re, im)) = self.complex_parts(obj) {
            return Ok(match name {
                b"real" => Some(Value::from_float(re)),
                b"imag" => Some(Value::from_float(im)),
                _ => None,
            });
        }
        match self.number(obj) {
            Some(Number::Float(f)) => Ok(match name {
                b"real" => Some(Value::from_float(f)),
                b"imag" => Some(Value::from_float(0.0)),
                _ => None,
            }),
            Some(Number::Int(i)) => match name {
                b"real" | b"numerator" => self.new_int(i).map(Some),
                b"imag" => Ok(Some(Value::from_int(0).unwrap_or(Value::NONE))),
                b"denominator" => Ok(Some(Value::from_int(1).unwrap_or(Value::NONE))),
                _ => Ok(None),
            },
            None => Ok(None),
        }
    }

    /// An `int` result: a `bool` stays an `int` (`True + 0` is `1`).
    pub fn int_result(&mut self, i: BigInt) -> PyResult<Value> {
        if i.is_zero() {
            return Ok(Value::from_int(0).unwrap_or(Value::NONE));
        }
        self.new_int(i)
    }
}
