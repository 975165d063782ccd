//! The numeric protocols natives share: `__index__`, `__int__`,
//! `__float__`, `__complex__` conversions, and the attributes every number
//! has (`real`, `imag`, `numerator`, `denominator`).

use num_bigint::BigInt;
use num_traits::{ToPrimitive, Zero};
use pyvm_objmodel::Value;

use super::call::Args;
use super::exception::PyResult;
use super::heap::Vm;
use super::layout::{Kind, TypeField};
use super::ops::{BinOp, CmpOp, Number};
use super::types::{TYPE_TABLE, TypeId};

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
        if let Some(inner) = self.boxed_number(v) {
            return self.int_of(inner);
        }
        None
    }

    /// Calls the special method `name` of an instance of a user class (no
    /// argument); `None` when `v` is not such an instance or has no method.
    pub fn user_dunder0(&mut self, v: Value, name: &str) -> PyResult<Option<Value>> {
        if !matches!(self.kind_of(v), Some(Kind::Instance | Kind::Exception)) && !self.heap_meta(v)
        {
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
                Some(i) if self.is_exact_int(r) => Ok(Some(i)),
                Some(i) => {
                    self.warn_int_subclass("__index__", r)?;
                    Ok(Some(i))
                }
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
                if let Some(f) = self.boxed_number(r).and_then(|x| x.as_float()) {
                    let c = self.type_name(self.temp(vi));
                    self.warn_float_subclass(&c, r)?;
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

impl Vm {
    /// The builtin numeric type (`int`, `float`, `complex`) a user class
    /// derives from, if any.
    pub fn numeric_base(&self, class: Value) -> Option<TypeId> {
        if self.kind_of(class) != Some(Kind::Type) {
            return None;
        }
        let mro = self.field(class, TypeField::Mro as usize);
        self.tuple_items(mro).iter().find_map(|&t| {
            [TypeId::Int, TypeId::Float, TypeId::Complex]
                .into_iter()
                .find(|&id| self.ty(id) == t)
        })
    }

    /// The `TypeId` of a builtin type object (`Object` for other values).
    pub fn builtin_type_id(&self, t: Value) -> TypeId {
        TYPE_TABLE
            .iter()
            .find(|e| self.ty(e.0) == t)
            .map(|e| e.0)
            .unwrap_or(TypeId::Object)
    }

    /// The number inside an instance of a user subclass of `int`, `float`
    /// or `complex`: such instances are `Kind::Instance` records with a
    /// second field holding the value.
    #[inline]
    pub fn boxed_number(&self, v: Value) -> Option<Value> {
        if self.kind_of(v) != Some(Kind::Instance) || self.len_word(v) != 2 {
            return None;
        }
        let inner = self.field(v, 1);
        let numeric = inner.is_int()
            || inner.is_float()
            || matches!(self.kind_of(inner), Some(Kind::BigInt | Kind::Complex));
        (numeric && self.numeric_base(self.class_of(v)).is_some()).then_some(inner)
    }

    /// Instance creation for a user subclass of a numeric type: the base
    /// type's constructor makes the value from the call's arguments.
    /// `None` when the class at temp `callee` has no numeric base.
    pub fn new_boxed_number(&mut self, callee: usize, args: Args) -> PyResult<Option<Value>> {
        let class = self.temp(callee);
        let Some(base) = self.numeric_base(class) else {
            return Ok(None);
        };
        let Some(ctor) = super::builtins::constructor_for(self, self.ty(base)) else {
            return Ok(None);
        };
        let inner = ctor(self, args)?;
        let ii = self.push_temp(inner);
        let no_dict = self.type_flags(self.temp(callee)) & super::class_create::flags::NO_DICT != 0;
        // `__slots__ = ()` in every class above the base: no `__dict__`.
        let d = if no_dict {
            Ok(Value::EMPTY)
        } else {
            self.new_dict()
        };
        let inner = self.temp(ii);
        self.pop_temps(ii);
        let d = d?;
        let class = self.temp(callee);
        self.alloc_record(Kind::Instance, class, &[d, inner], 0)
            .map(Some)
    }

    /// A method `name` defined by the user classes of a boxed number's
    /// class (those before its builtin numeric base in the MRO).
    fn user_override(&mut self, v: Value, name: &str) -> PyResult<Option<Value>> {
        if self.boxed_number(v).is_none() {
            return Ok(None);
        }
        let vi = self.push_temp(v);
        let key = self.new_str(name);
        let v = self.temp(vi);
        self.pop_temps(vi);
        let key = key?;
        let ki = self.push_temp(key);
        let mro = self.field(self.class_of(v), TypeField::Mro as usize);
        let types = self.tuple_items(mro).to_vec();
        let mut found = None;
        for t in types {
            if self.is_builtin_type(t) {
                break;
            }
            let d = self.field(t, TypeField::Dict as usize);
            let key = self.temp(ki);
            if let Some(m) = self.dict_get(d, key)? {
                found = Some(m);
                break;
            }
        }
        self.pop_temps(ki);
        Ok(found)
    }

    /// Calls the user's `name(a, b)` override of a boxed number; `None` if
    /// absent or it returned NotImplemented.
    fn call_override2(&mut self, a: Value, name: &str, b: Value) -> PyResult<Option<Value>> {
        let mark = self.temps_len();
        self.push_temp(a);
        self.push_temp(b);
        let r = (|| {
            let Some(m) = self.user_override(self.temp(mark), name)? else {
                return Ok(None);
            };
            let v = self.call_value(m, &[self.temp(mark), self.temp(mark + 1)])?;
            Ok((v != Value::NOT_IMPLEMENTED).then_some(v))
        })();
        self.pop_temps(mark);
        r
    }

    /// A binary operator on boxed numbers: the user's overrides first.
    pub fn boxed_binary(&mut self, op: BinOp, a: Value, b: Value) -> PyResult<Option<Value>> {
        let (l, r) = op.dunders();
        let mark = self.temps_len();
        self.push_temp(a);
        self.push_temp(b);
        let res = (|| {
            if let Some(v) = self.call_override2(self.temp(mark), l, self.temp(mark + 1))? {
                return Ok(Some(v));
            }
            if let Some(v) = self.call_override2(self.temp(mark + 1), r, self.temp(mark))? {
                return Ok(Some(v));
            }
            let (a, b) = (
                self.unboxed(self.temp(mark)),
                self.unboxed(self.temp(mark + 1)),
            );
            self.binary_op(op, a, b).map(Some)
        })();
        self.pop_temps(mark);
        res
    }

    /// The value of a boxed number, other values unchanged.
    pub fn unboxed(&self, v: Value) -> Value {
        self.boxed_number(v).unwrap_or(v)
    }

    /// A comparison of boxed numbers: the user's overrides first.
    pub fn boxed_compare(&mut self, op: CmpOp, a: Value, b: Value) -> PyResult<Option<Value>> {
        let (l, r) = match op {
            CmpOp::Lt => ("__lt__", "__gt__"),
            CmpOp::Le => ("__le__", "__ge__"),
            CmpOp::Eq => ("__eq__", "__eq__"),
            CmpOp::Ne => ("__ne__", "__ne__"),
            CmpOp::Gt => ("__gt__", "__lt__"),
            CmpOp::Ge => ("__ge__", "__le__"),
        };
        let mark = self.temps_len();
        self.push_temp(a);
        self.push_temp(b);
        let res = (|| {
            if let Some(v) = self.call_override2(self.temp(mark), l, self.temp(mark + 1))? {
                return Ok(Some(v));
            }
            if let Some(v) = self.call_override2(self.temp(mark + 1), r, self.temp(mark))? {
                return Ok(Some(v));
            }
            let (a, b) = (
                self.unboxed(self.temp(mark)),
                self.unboxed(self.temp(mark + 1)),
            );
            self.compare(op, a, b).map(Some)
        })();
        self.pop_temps(mark);
        res
    }

    /// A unary operator on a boxed number: the user's override first.
    pub fn boxed_unary(&mut self, op: &str, v: Value) -> PyResult<Value> {
        let name = match op {
            "-" => "__neg__",
            "+" => "__pos__",
            _ => "__invert__",
        };
        let vi = self.push_temp(v);
        let r = (|| {
            let Some(m) = self.user_override(self.temp(vi), name)? else {
                let inner = self.unboxed(self.temp(vi));
                return self.unary_op(op, inner);
            };
            self.call_value(m, &[self.temp(vi)])
        })();
        self.pop_temps(vi);
        r
    }
}
