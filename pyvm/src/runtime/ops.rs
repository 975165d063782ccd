//! Operator semantics shared by every executor: arithmetic, comparison,
//! truth, containment. Each is written once here; the dispatch loop (and,
//! later, the trace recorder) call these.

use std::cmp::Ordering;

use num_bigint::BigInt;
use num_traits::{ToPrimitive, Zero};
use pyvm_objmodel::Value;

use super::exception::PyResult;
use super::heap::Vm;
use super::layout::Kind;
use super::types::TypeId;
use crate::float_arith::{FloatPow, float_div, float_floordiv, float_mod, float_pow};
use crate::int_ops;

/// A binary operator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    MatMul,
    TrueDiv,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    And,
    Or,
    Xor,
}

impl BinOp {
    /// The operator's symbol, for error messages.
    pub fn symbol(self) -> &'static str {
        use BinOp::*;
        match self {
            Add => "+",
            Sub => "-",
            Mul => "*",
            MatMul => "@",
            TrueDiv => "/",
            FloorDiv => "//",
            Mod => "%",
            Pow => "** or pow()",
            LShift => "<<",
            RShift => ">>",
            And => "&",
            Or => "|",
            Xor => "^",
        }
    }
    /// The special method names (`__add__`, `__radd__`).
    pub fn dunders(self) -> (&'static str, &'static str) {
        use BinOp::*;
        match self {
            Add => ("__add__", "__radd__"),
            Sub => ("__sub__", "__rsub__"),
            Mul => ("__mul__", "__rmul__"),
            MatMul => ("__matmul__", "__rmatmul__"),
            TrueDiv => ("__truediv__", "__rtruediv__"),
            FloorDiv => ("__floordiv__", "__rfloordiv__"),
            Mod => ("__mod__", "__rmod__"),
            Pow => ("__pow__", "__rpow__"),
            LShift => ("__lshift__", "__rlshift__"),
            RShift => ("__rshift__", "__rrshift__"),
            And => ("__and__", "__rand__"),
            Or => ("__or__", "__ror__"),
            Xor => ("__xor__", "__rxor__"),
        }
    }
}

/// A rich comparison.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum CmpOp {
    Lt,
    Le,
    Eq,
    Ne,
    Gt,
    Ge,
}

impl CmpOp {
    fn symbol(self) -> &'static str {
        match self {
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Eq => "==",
            CmpOp::Ne => "!=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
        }
    }
    fn dunder(self) -> (&'static str, &'static str) {
        match self {
            CmpOp::Lt => ("__lt__", "__gt__"),
            CmpOp::Le => ("__le__", "__ge__"),
            CmpOp::Eq => ("__eq__", "__eq__"),
            CmpOp::Ne => ("__ne__", "__ne__"),
            CmpOp::Gt => ("__gt__", "__lt__"),
            CmpOp::Ge => ("__ge__", "__le__"),
        }
    }
    fn holds(self, o: Ordering) -> bool {
        match self {
            CmpOp::Lt => o == Ordering::Less,
            CmpOp::Le => o != Ordering::Greater,
            CmpOp::Eq => o == Ordering::Equal,
            CmpOp::Ne => o != Ordering::Equal,
            CmpOp::Gt => o == Ordering::Greater,
            CmpOp::Ge => o != Ordering::Less,
        }
    }
}

/// A numeric operand.
#[derive(Clone, Debug)]
pub enum Number {
    /// An int (or bool).
    Int(BigInt),
    /// A float.
    Float(f64),
}

impl Vm {
    /// The numeric value of an int, bool or float.
    pub fn number(&self, v: Value) -> Option<Number> {
        if let Some(i) = v.as_int() {
            return Some(Number::Int(BigInt::from(i)));
        }
        if let Some(f) = v.as_float() {
            return Some(Number::Float(f));
        }
        if let Some(b) = v.as_bool() {
            return Some(Number::Int(BigInt::from(b as i64)));
        }
        if self.kind_of(v) == Some(Kind::BigInt) {
            return Some(Number::Int(self.bigint(v).clone()));
        }
        if let Some(inner) = self.boxed_number(v) {
            return self.number(inner);
        }
        None
    }

    /// The float value of a real number argument (`float`, `int`, `bool`),
    /// as natives taking a float need it; TypeError "must be real number,
    /// not T" otherwise, OverflowError for ints beyond the float range.
    pub fn to_f64(&mut self, v: Value) -> PyResult<f64> {
        if let Some(f) = v.as_float() {
            return Ok(f);
        }
        match self.number(v) {
            Some(n) => self.number_to_f64(n),
            None => {
                let t = self.type_name(v);
                Err(self.type_error(&format!("must be real number, not {t}")))
            }
        }
    }

    /// `a <op> b`.
    pub fn binary_op(&mut self, op: BinOp, a: Value, b: Value) -> PyResult<Value> {
        if let (Some(x), Some(y)) = (a.as_bool(), b.as_bool())
            && matches!(op, BinOp::And | BinOp::Or | BinOp::Xor)
        {
            // `bool` keeps its type under `& | ^`.
            return Ok(Value::from_bool(match op {
                BinOp::And => x & y,
                BinOp::Or => x | y,
                _ => x ^ y,
            }));
        }
        if let (Some(x), Some(y)) = (a.as_int(), b.as_int())
            && let Some(v) = small_int_op(op, x, y)
        {
            return Ok(v);
        }
        if let (Some(x), Some(y)) = (a.as_float(), b.as_float())
            && matches!(op, BinOp::Add | BinOp::Sub | BinOp::Mul)
        {
            return Ok(Value::from_float(match op {
                BinOp::Add => x + y,
                BinOp::Sub => x - y,
                _ => x * y,
            }));
        }
        if (self.boxed_number(a).is_some() || self.boxed_number(b).is_some())
            && let Some(v) = self.boxed_binary(op, a, b)?
        {
            return Ok(v);
        }
        if let (Some(x), Some(y)) = (self.number(a), self.number(b)) {
            return self.number_op(op, x, y);
        }
        if let Some(v) = self.complex_binary(op, a, b)? {
            return Ok(v);
        }
        let (a, b) = match self.sub_dunder_binary(a, b, op.dunders().0, op.dunders().1)? {
            Ok(v) => return Ok(v),
            Err(ab) => ab,
        };
        if let Some(v) = self.sequence_op(op, a, b)? {
            return Ok(v);
        }
        if let Some(v) = self.container_binop(op, a, b)? {
            return Ok(v);
        }
        self.dunder_binary(op, a, b)
    }

    fn dunder_binary(&mut self, op: BinOp, a: Value, b: Value) -> PyResult<Value> {
        let (l, r) = op.dunders();
        let mark = self.temps_len();
        self.push_temp(a);
        self.push_temp(b);
        let res = (|| {
            let first = self.reflected_first(mark, r)?;
            if first && let Some(v) = self.call_special(mark + 1, r, mark)? {
                return Ok(v);
            }
            if let Some(v) = self.call_special(mark, l, mark + 1)? {
                return Ok(v);
            }
            self.dunder_binary_rest(op, mark, first)
        })();
        self.pop_temps(mark);
        res
    }

    /// `a <op> b` (`a <op>= b` with `inplace`, the class having no
    /// `__iop__`) after the left operand's `__op__` returned
    /// NotImplemented, when the right operand did not go first (the
    /// binary operator frame's continuation).
    pub fn binary_after_forward(
        &mut self,
        op: BinOp,
        a: Value,
        b: Value,
        inplace: bool,
    ) -> PyResult<Value> {
        if inplace {
            return self.inplace_fallback_from(op, a, b, true);
        }
        let mark = self.temps_len();
        self.push_temp(a);
        self.push_temp(b);
        let res = self.dunder_binary_rest(op, mark, false);
        self.pop_temps(mark);
        res
    }

    /// `dunder_binary` after the left operand's `__op__` (operands at temps
    /// `mark`, `mark + 1`; `first`: the right's reflected method was
    /// already tried).
    fn dunder_binary_rest(&mut self, op: BinOp, mark: usize, first: bool) -> PyResult<Value> {
        let (_, r) = op.dunders();
        {
            // Operands of the same class: no reflected method (CPython's
            // slots try `__rop__` only for a different right type).
            let same = self.class_of(self.temp(mark)) == self.class_of(self.temp(mark + 1));
            if !first
                && !same
                && let Some(v) = self.call_special(mark + 1, r, mark)?
            {
                return Ok(v);
            }
            if op == BinOp::Or
                && let Some(u) = self.type_union(self.temp(mark), self.temp(mark + 1))?
            {
                return Ok(u);
            }
            // Sequence repetition by an object with `__index__`.
            if op == BinOp::Mul {
                let seq = |vm: &Vm, v: Value| {
                    matches!(
                        vm.kind_of(v),
                        Some(Kind::Str | Kind::List | Kind::Tuple | Kind::Bytes | Kind::ByteArray)
                    )
                };
                for (s, n) in [(mark, mark + 1), (mark + 1, mark)] {
                    if seq(self, self.temp(s))
                        && self.kind_of(self.temp(n)) == Some(Kind::Instance)
                        && let Some(i) = self.try_index(self.temp(n))?
                    {
                        let count = self.new_int(i)?;
                        return self.binary_op(BinOp::Mul, self.temp(s), count);
                    }
                }
            }
            let (ta, tb) = (
                self.type_name(self.temp(mark)),
                self.type_name(self.temp(mark + 1)),
            );
            let a = self.temp(mark);
            if op == BinOp::Add
                && matches!(self.kind_of(a), Some(Kind::Str | Kind::List | Kind::Tuple))
            {
                return Err(
                    self.type_error(&format!("can only concatenate {ta} (not \"{tb}\") to {ta}"))
                );
            }
            let b = self.temp(mark + 1);
            let is_seq = |vm: &Vm, v: Value| {
                matches!(vm.kind_of(v), Some(Kind::Str | Kind::List | Kind::Tuple))
            };
            if op == BinOp::Mul && (is_seq(self, a) || is_seq(self, b)) {
                // A sequence times something without `__index__`.
                let other = if is_seq(self, a) { tb } else { ta };
                return Err(self.type_error(&format!(
                    "can't multiply sequence by non-int of type '{other}'"
                )));
            }
            Err(self.type_error(&format!(
                "unsupported operand type(s) for {}: '{ta}' and '{tb}'",
                op.symbol()
            )))
        }
    }

    /// Calls `temps[obj].name(temps[arg])` if the object's class (a user
    /// class) defines it; `None` if absent or it returned NotImplemented.
    pub fn call_special(&mut self, obj: usize, name: &str, arg: usize) -> PyResult<Option<Value>> {
        let o = self.temp(obj);
        match self.kind_of(o) {
            Some(Kind::Instance | Kind::Exception | Kind::Native) => {}
            // A class whose metaclass defines the operator (`A + 1` with
            // `M.__add__`); plain `type`'s own `__or__` is handled by the
            // caller (`int | None`).
            Some(Kind::Type) if self.heap_meta(o) => {}
            _ => return Ok(None),
        }
        let class = self.class_of(o);
        let Some(m) = self.lookup_type_attr(class, name)? else {
            return Ok(None);
        };
        if m.is_none() {
            return Ok(None);
        }
        let (o, x) = (self.temp(obj), self.temp(arg));
        let v = self.call_special_method(m, o, &[x])?;
        Ok(if v == Value::NOT_IMPLEMENTED {
            None
        } else {
            Some(v)
        })
    }

    /// Calls `v.<name>()` if `v`'s class defines `name`; `None` if not.
    /// Roots `v` while looking the method up.
    pub fn call_dunder0(&mut self, v: Value, name: &str) -> PyResult<Option<Value>> {
        let vi = self.push_temp(v);
        let r = (|| {
            let class = self.class_of(self.temp(vi));
            match self.lookup_type_attr(class, name)? {
                Some(m) if m.is_none() => Ok(None),
                Some(m) => self.call_special_method(m, self.temp(vi), &[]).map(Some),
                None => Ok(None),
            }
        })();
        self.pop_temps(vi);
        r
    }

    fn number_op(&mut self, op: BinOp, x: Number, y: Number) -> PyResult<Value> {
        match (x, y) {
            (Number::Int(a), Number::Int(b)) => self.int_op(op, &a, &b),
            (x, y) => {
                if !matches!(
                    op,
                    BinOp::Add
                        | BinOp::Sub
                        | BinOp::Mul
                        | BinOp::TrueDiv
                        | BinOp::FloorDiv
                        | BinOp::Mod
                        | BinOp::Pow
                ) {
                    // Bitwise and shift operators: name the operands' types.
                    let name = |n: &Number| match n {
                        Number::Int(_) => "int",
                        Number::Float(_) => "float",
                    };
                    return Err(self.type_error(&format!(
                        "unsupported operand type(s) for {}: '{}' and '{}'",
                        op.symbol(),
                        name(&x),
                        name(&y)
                    )));
                }
                let a = self.number_to_f64(x)?;
                let b = self.number_to_f64(y)?;
                self.float_op(op, a, b)
            }
        }
    }

    fn number_to_f64(&mut self, n: Number) -> PyResult<f64> {
        match n {
            Number::Float(f) => Ok(f),
            Number::Int(i) => int_ops::int_to_f64(&i).map_err(|e| self.raise_pyerror(e)),
        }
    }

    fn float_op(&mut self, op: BinOp, a: f64, b: f64) -> PyResult<Value> {
        let r = match op {
            BinOp::Add => Ok(a + b),
            BinOp::Sub => Ok(a - b),
            BinOp::Mul => Ok(a * b),
            BinOp::TrueDiv => float_div(a, b),
            BinOp::FloorDiv => float_floordiv(a, b),
            BinOp::Mod => float_mod(a, b),
            BinOp::Pow => match float_pow(a, b) {
                Ok(FloatPow::Float(f)) => Ok(f),
                Ok(_) => return self.complex_pow_floats(a, b),
                Err(e) => Err(e),
            },
            _ => {
                return Err(self.type_error(&format!(
                    "unsupported operand type(s) for {}: 'float' and 'float'",
                    op.symbol()
                )));
            }
        };
        r.map(Value::from_float).map_err(|e| self.raise_pyerror(e))
    }

    fn int_op(&mut self, op: BinOp, a: &BigInt, b: &BigInt) -> PyResult<Value> {
        let r = match op {
            BinOp::Add => Ok(a + b),
            BinOp::Sub => Ok(a - b),
            BinOp::Mul => Ok(a * b),
            BinOp::TrueDiv => {
                return int_ops::true_div(a, b)
                    .map(Value::from_float)
                    .map_err(|e| self.raise_pyerror(e));
            }
            BinOp::FloorDiv => int_ops::floor_div(a, b),
            BinOp::Mod => int_ops::modulo(a, b),
            BinOp::Pow => match int_ops::pow_int(a, b) {
                Ok(int_ops::PowResult::Int(i)) => Ok(i),
                Ok(int_ops::PowResult::Float(f)) => return Ok(Value::from_float(f)),
                Err(e) => Err(e),
            },
            BinOp::LShift => int_ops::shift_left(a, b),
            BinOp::RShift => int_ops::shift_right(a, b),
            BinOp::And => Ok(a & b),
            BinOp::Or => Ok(a | b),
            BinOp::Xor => Ok(a ^ b),
            BinOp::MatMul => {
                return Err(self.type_error("unsupported operand type(s) for @: 'int' and 'int'"));
            }
        };
        match r {
            Ok(i) => self.new_int(i),
            Err(e) => Err(self.raise_pyerror(e)),
        }
    }

    fn sequence_op(&mut self, op: BinOp, a: Value, b: Value) -> PyResult<Option<Value>> {
        let (ka, kb) = (self.kind_of(a), self.kind_of(b));
        match (op, ka, kb) {
            (BinOp::Add, Some(Kind::Str), Some(Kind::Str)) => {
                let mut bytes = self.str_bytes(a).to_vec();
                bytes.extend_from_slice(self.str_bytes(b));
                let n = self.str_chars(a) + self.str_chars(b);
                Ok(Some(self.alloc_str_bytes(&bytes, n)?))
            }
            (BinOp::Add, Some(Kind::Tuple), Some(Kind::Tuple)) => {
                let mut items = self.tuple_items(a).to_vec();
                items.extend_from_slice(self.tuple_items(b));
                Ok(Some(self.new_tuple(&items)?))
            }
            (BinOp::Add, Some(Kind::List), Some(Kind::List)) => {
                let mut items = self.list_vec(a).clone();
                items.extend_from_slice(self.list_vec(b));
                Ok(Some(self.new_list(&items)?))
            }
            (_, Some(Kind::Bytes | Kind::ByteArray), _)
            | (BinOp::Mul, _, Some(Kind::Bytes | Kind::ByteArray)) => self.bytes_binary(op, a, b),
            (BinOp::Mul, Some(_), None)
            | (BinOp::Mul, None, Some(_))
            | (BinOp::Mul, Some(Kind::Str | Kind::List | Kind::Tuple), Some(Kind::BigInt))
            | (BinOp::Mul, Some(Kind::BigInt), Some(Kind::Str | Kind::List | Kind::Tuple)) => {
                let (seq, n) = if ka.is_some() && ka != Some(Kind::BigInt) {
                    (a, b)
                } else {
                    (b, a)
                };
                if !matches!(
                    self.kind_of(seq),
                    Some(Kind::Str | Kind::List | Kind::Tuple)
                ) {
                    return Ok(None);
                }
                if self.kind_of(n) == Some(Kind::BigInt) {
                    return Err(self.raise_msg(
                        TypeId::OverflowError,
                        "cannot fit 'int' into an index-sized integer",
                    ));
                }
                let Some(n) = self.index_value(n) else {
                    return Ok(None);
                };
                let n = n.max(0) as usize;
                let len = match self.kind_of(seq) {
                    Some(Kind::Str) => self.str_bytes(seq).len(),
                    Some(Kind::Tuple) => self.tuple_items(seq).len(),
                    Some(Kind::List) => self.list_vec(seq).len(),
                    _ => 0,
                };
                if len.checked_mul(n).is_none_or(|t| t > 1 << 40) {
                    return Err(self.raise_args(TypeId::MemoryError, &[]));
                }
                match self.kind_of(seq) {
                    Some(Kind::Str) => {
                        let bytes = self.str_bytes(seq).repeat(n);
                        let chars = self.str_chars(seq) * n;
                        Ok(Some(self.alloc_str_bytes(&bytes, chars)?))
                    }
                    Some(Kind::Tuple) => {
                        let items = self.tuple_items(seq).repeat(n);
                        Ok(Some(self.new_tuple(&items)?))
                    }
                    Some(Kind::List) => {
                        let items = self.list_vec(seq).repeat(n);
                        Ok(Some(self.new_list(&items)?))
                    }
                    _ => Ok(None),
                }
            }
            (BinOp::Mod, Some(Kind::Str), _) => Ok(Some(self.percent_format(a, b)?)),
            _ => Ok(None),
        }
    }

    /// An int-like value as `i64` (ints and bools; big ints saturate).
    pub fn index_value(&self, v: Value) -> Option<i64> {
        if let Some(i) = v.as_int() {
            return Some(i);
        }
        if let Some(inner) = self.boxed_number(v) {
            return self.index_value(inner);
        }
        if let Some(b) = v.as_bool() {
            return Some(b as i64);
        }
        if self.kind_of(v) == Some(Kind::BigInt) {
            let b = self.bigint(v);
            return Some(
                b.to_i64()
                    .unwrap_or(if b.sign() == num_bigint::Sign::Minus {
                        i64::MIN
                    } else {
                        i64::MAX
                    }),
            );
        }
        None
    }

    /// `-v`, `+v`, `~v`.
    pub fn unary_op(&mut self, op: &str, v: Value) -> PyResult<Value> {
        if self.boxed_number(v).is_some() {
            return self.boxed_unary(op, v);
        }
        if let Some(n) = self.number(v) {
            return match (op, n) {
                ("-", Number::Int(i)) => self.new_int(-i),
                ("+", Number::Int(i)) => self.new_int(i),
                ("~", Number::Int(i)) => self.new_int(!i),
                ("-", Number::Float(f)) => Ok(Value::from_float(-f)),
                ("+", Number::Float(f)) => Ok(Value::from_float(f)),
                _ => Err(self.type_error("bad operand type for unary ~: 'float'")),
            };
        }
        if let Some(x) = self.complex_unary(op, v)? {
            return Ok(x);
        }
        let dunder = match op {
            "-" => "__neg__",
            "+" => "__pos__",
            _ => "__invert__",
        };
        let vi = self.push_temp(v);
        // Instances, builtin subclasses' instances, and classes whose
        // metaclass is not plain `type` (`-A` with `M.__neg__`).
        let r = if matches!(self.kind_of(v), Some(Kind::Instance))
            || self.builtin_sub(v)
            || self.heap_meta(v)
        {
            self.call_dunder0(v, dunder)
        } else {
            Ok(None)
        };
        let v = self.temp(vi);
        self.pop_temps(vi);
        if let Some(x) = r? {
            return Ok(x);
        }
        let name = self.type_name(v);
        Err(self.type_error(&format!("bad operand type for unary {op}: '{name}'")))
    }

    /// `bool(v)`.
    pub fn truthy(&mut self, v: Value) -> PyResult<bool> {
        if let Some(b) = v.as_bool() {
            return Ok(b);
        }
        if v.is_none() {
            return Ok(false);
        }
        if let Some(i) = v.as_int() {
            return Ok(i != 0);
        }
        if let Some(f) = v.as_float() {
            return Ok(f != 0.0);
        }
        let kind = match self.dispatch_kind(v, super::names::Name::Bool)? {
            Some(Kind::Instance) => Some(Kind::Instance),
            _ => self.dispatch_kind(v, super::names::Name::Len)?,
        };
        Ok(match kind {
            Some(Kind::Str) => self.len_word(v) != 0,
            Some(Kind::Tuple) => self.len_word(v) != 0,
            Some(Kind::List) => !self.list_vec(v).is_empty(),
            Some(Kind::Dict | Kind::Set | Kind::FrozenSet) => !self.dict_mut(v).is_empty(),
            Some(Kind::DictView) => self.view_len(v) != 0,
            Some(Kind::BigInt) => !self.bigint(v).is_zero(),
            Some(Kind::Range) => self.range_len(v) != 0,
            Some(Kind::Complex) => self.complex_parts(v) != Some((0.0, 0.0)),
            Some(Kind::Native) => self.native_len(v)?.is_none_or(|n| n != 0),
            Some(Kind::Bytes | Kind::ByteArray | Kind::MemoryView) => self.bytes_len(v) != 0,
            Some(Kind::Instance) => {
                let vi = self.push_temp(v);
                let r = self.call_dunder0(v, "__bool__");
                let v = self.temp(vi);
                self.pop_temps(vi);
                if let Some(r) = r? {
                    return match r.as_bool() {
                        Some(b) => Ok(b),
                        None => {
                            let n = self.type_name(r);
                            Err(self
                                .type_error(&format!("__bool__ should return bool, returned {n}")))
                        }
                    };
                }
                if let Some(inner) = self.boxed_number(v) {
                    return self.truthy(inner);
                }
                if let Some(r) = self.call_dunder0(v, "__len__")? {
                    // `len()`'s checks of the result.
                    if self.kind_of(r) == Some(Kind::BigInt)
                        && num_traits::ToPrimitive::to_i64(self.bigint(r)).is_none()
                    {
                        return Err(self.raise_msg(
                            TypeId::OverflowError,
                            "cannot fit 'int' into an index-sized integer",
                        ));
                    }
                    return match self.index_value(r) {
                        Some(n) if n < 0 => {
                            Err(self.raise_msg(TypeId::ValueError, "__len__() should return >= 0"))
                        }
                        Some(n) => Ok(n != 0),
                        None => {
                            let n = self.type_name(r);
                            Err(self.type_error(&format!(
                                "'{n}' object cannot be interpreted as an integer"
                            )))
                        }
                    };
                }
                true
            }
            _ => true,
        })
    }

    /// `a <op> b` as a value (may be any object for user `__lt__` etc.).
    pub fn compare(&mut self, op: CmpOp, a: Value, b: Value) -> PyResult<Value> {
        if let (Some(x), Some(y)) = (a.as_int(), b.as_int()) {
            return Ok(Value::from_bool(op.holds(x.cmp(&y))));
        }
        if let (Some(x), Some(y)) = (a.as_float(), b.as_float()) {
            return Ok(Value::from_bool(match x.partial_cmp(&y) {
                Some(o) => op.holds(o),
                None => op == CmpOp::Ne,
            }));
        }
        let (a, b) = match self.sub_dunder_binary(a, b, op.dunder().0, op.dunder().1)? {
            Ok(v) => return Ok(v),
            Err(ab) => ab,
        };
        if let Some(v) = self.container_compare(op, a, b)? {
            return Ok(v);
        }
        if let Some(v) = self.slice_compare(op, a, b)? {
            return Ok(v);
        }
        if matches!(op, CmpOp::Eq | CmpOp::Ne)
            && self.kind_of(a) == Some(Kind::BoundMethod)
            && self.kind_of(b) == Some(Kind::BoundMethod)
        {
            let eq = self.keys().py_eq(a, b);
            return Ok(Value::from_bool(eq == (op == CmpOp::Eq)));
        }
        if (self.boxed_number(a).is_some() || self.boxed_number(b).is_some())
            && let Some(r) = self.boxed_compare(op, a, b)?
        {
            return Ok(r);
        }
        if let Some(eq) = self.complex_compare(op, a, b) {
            return Ok(Value::from_bool(eq));
        }
        if self.kind_of(a) == Some(Kind::Cell) && self.kind_of(b) == Some(Kind::Cell) {
            return self.cell_compare(op, a, b);
        }
        if let Some(o) = self.builtin_order(op, a, b)? {
            return Ok(Value::from_bool(match o {
                Some(o) => op.holds(o),
                None => op == CmpOp::Ne,
            }));
        }
        let mark = self.temps_len();
        self.push_temp(a);
        self.push_temp(b);
        let (l, r) = op.dunder();
        let res = (|| {
            if let Some(v) = self.native_compare_either(op.symbol(), mark)? {
                return Ok(v);
            }
            let first = self.reflected_first(mark, "")?;
            if first && let Some(v) = self.call_special(mark + 1, r, mark)? {
                return Ok(v);
            }
            if let Some(v) = self.call_special(mark, l, mark + 1)? {
                return Ok(v);
            }
            if !first && let Some(v) = self.call_special(mark + 1, r, mark)? {
                return Ok(v);
            }
            let (a, b) = (self.temp(mark), self.temp(mark + 1));
            match op {
                CmpOp::Eq => Ok(Value::from_bool(a == b)),
                CmpOp::Ne => Ok(Value::from_bool(a != b)),
                _ => {
                    let (ta, tb) = (self.type_name(a), self.type_name(b));
                    Err(self.type_error(&format!(
                        "'{}' not supported between instances of '{ta}' and '{tb}'",
                        op.symbol()
                    )))
                }
            }
        })();
        self.pop_temps(mark);
        res
    }

    /// Ordering of two builtin values: `Ok(None)` if not both builtin
    /// comparable, `Ok(Some(None))` for unordered (NaN).
    fn builtin_order(
        &mut self,
        op: CmpOp,
        a: Value,
        b: Value,
    ) -> PyResult<Option<Option<Ordering>>> {
        if let (Some(x), Some(y)) = (self.number(a), self.number(b)) {
            return Ok(Some(match (x, y) {
                (Number::Int(x), Number::Int(y)) => Some(x.cmp(&y)),
                (Number::Float(x), Number::Float(y)) => x.partial_cmp(&y),
                (Number::Int(x), Number::Float(y)) => int_ops::cmp_int_f64(&x, y),
                (Number::Float(x), Number::Int(y)) => {
                    int_ops::cmp_int_f64(&y, x).map(Ordering::reverse)
                }
            }));
        }
        match (self.kind_of(a), self.kind_of(b)) {
            (Some(Kind::Set), Some(Kind::Set)) if matches!(op, CmpOp::Eq | CmpOp::Ne) => {
                let keys: Vec<Value> = self.dict_mut(a).items(&self.keys()).map(|p| p.0).collect();
                let same_len = keys.len() == self.dict_mut(b).len();
                let mut all = same_len;
                for k in keys {
                    if !all {
                        break;
                    }
                    all = self.dict_get(b, k)?.is_some();
                }
                Ok(Some(Some(if all {
                    Ordering::Equal
                } else {
                    Ordering::Less
                })))
            }
            (Some(Kind::Str), Some(Kind::Str)) => {
                Ok(Some(Some(self.str_bytes(a).cmp(self.str_bytes(b)))))
            }
            (Some(Kind::Bytes | Kind::ByteArray | Kind::MemoryView), _) => {
                match self.bytes_order(op, a, b)? {
                    Some(o) => Ok(Some(Some(o))),
                    None => Ok(None),
                }
            }
            (Some(ka @ (Kind::Tuple | Kind::List)), Some(kb)) if ka == kb => self
                .recurse_native(" in comparison", |vm| vm.sequence_order(op, a, b))
                .map(|o| Some(Some(o))),
            (None, None) | (Some(Kind::Str | Kind::Tuple | Kind::List | Kind::Dict), _)
                if matches!(op, CmpOp::Eq | CmpOp::Ne)
                    && !matches!(self.kind_of(b), Some(Kind::Instance)) =>
            {
                if matches!(self.kind_of(a), Some(Kind::Dict))
                    && self.kind_of(b) == Some(Kind::Dict)
                {
                    return Err(self.not_supported("dict comparison"));
                }
                Ok(Some(Some(if a == b {
                    Ordering::Equal
                } else {
                    Ordering::Less
                })))
            }
            _ => Ok(None),
        }
    }

    fn sequence_order(&mut self, op: CmpOp, a: Value, b: Value) -> PyResult<Ordering> {
        let mark = self.temps_len();
        self.push_temp(a);
        self.push_temp(b);
        let res = (|| {
            let mut i = 0;
            loop {
                let (a, b) = (self.temp(mark), self.temp(mark + 1));
                let (x, y) = (self.seq_item(a, i), self.seq_item(b, i));
                match (x, y) {
                    (None, None) => return Ok(Ordering::Equal),
                    (None, Some(_)) => return Ok(Ordering::Less),
                    (Some(_), None) => return Ok(Ordering::Greater),
                    (Some(x), Some(y)) => {
                        if x != y {
                            let eq = self.compare(CmpOp::Eq, x, y)?;
                            if !self.truthy(eq)? {
                                if matches!(op, CmpOp::Eq | CmpOp::Ne) {
                                    return Ok(Ordering::Less);
                                }
                                let (a, b) = (self.temp(mark), self.temp(mark + 1));
                                let (x, y) = (self.seq_item(a, i), self.seq_item(b, i));
                                let lt = self.compare(
                                    CmpOp::Lt,
                                    x.unwrap_or(Value::NONE),
                                    y.unwrap_or(Value::NONE),
                                )?;
                                return Ok(if self.truthy(lt)? {
                                    Ordering::Less
                                } else {
                                    Ordering::Greater
                                });
                            }
                        }
                    }
                }
                i += 1;
            }
        })();
        self.pop_temps(mark);
        res
    }

    /// Item `i` of a tuple or list, if in range.
    pub fn seq_item(&self, seq: Value, i: usize) -> Option<Value> {
        match self.kind_of(seq) {
            Some(Kind::Tuple) => self.tuple_items(seq).get(i).copied(),
            Some(Kind::List) => self.list_vec(seq).get(i).copied(),
            _ => None,
        }
    }

    /// `a == b` as a bool.
    pub fn eq_values(&mut self, a: Value, b: Value) -> PyResult<bool> {
        // Identity first, as CPython's containers do; floats too: each
        // `float("nan")` has its own bits (`float_parse::fresh_nan`).
        if a == b {
            return Ok(true);
        }
        let r = self.compare(CmpOp::Eq, a, b)?;
        self.truthy(r)
    }

    /// `item in container`.
    pub fn contains(&mut self, container: Value, item: Value) -> PyResult<bool> {
        match self.dispatch_kind(container, super::names::Name::Contains)? {
            Some(Kind::Dict) => Ok(self.dict_get(container, item)?.is_some()),
            Some(Kind::Set | Kind::FrozenSet) => self.set_contains(container, item),
            Some(Kind::DictView) => self.view_contains(container, item),
            Some(Kind::Bytes | Kind::ByteArray | Kind::MemoryView) => {
                self.bytes_contains(container, item)
            }
            Some(Kind::Str) => {
                if !self.is_str(item) {
                    let n = self.type_name(item);
                    return Err(self.type_error(&format!(
                        "'in <string>' requires string as left operand, not {n}"
                    )));
                }
                let (h, n) = (self.str_bytes(container), self.str_bytes(item));
                Ok(n.is_empty() || h.windows(n.len()).any(|w| w == n))
            }
            Some(Kind::Tuple | Kind::List) => {
                let mark = self.temps_len();
                self.push_temp(container);
                self.push_temp(item);
                let res = (|| {
                    let mut i = 0;
                    while let Some(x) = self.seq_item(self.temp(mark), i) {
                        // Identity implies equality here, as in CPython.
                        if x == self.temp(mark + 1) || self.eq_values(x, self.temp(mark + 1))? {
                            return Ok(true);
                        }
                        i += 1;
                    }
                    Ok(false)
                })();
                self.pop_temps(mark);
                res
            }
            Some(Kind::Range) if !self.range_is_small(container) || !item.is_int() => {
                match self.number(item) {
                    Some(Number::Int(x)) => Ok(self.range_big_contains(container, &x)),
                    _ => self.iter_contains_seq(container, item),
                }
            }
            Some(Kind::Native) => self.native_contains(container, item),
            Some(Kind::Range) => {
                let Some(x) = self.index_value(item) else {
                    return Ok(false);
                };
                let (start, stop, step) = self.range_parts(container);
                let len = self.range_len(container);
                Ok(len > 0 && {
                    let off = x - start;
                    off % step == 0 && (off / step) >= 0 && (off / step) < len && {
                        let _ = stop;
                        true
                    }
                })
            }
            Some(
                Kind::SeqIter
                | Kind::DictKeyIter
                | Kind::Generator
                | Kind::Enumerate
                | Kind::Zip
                | Kind::Map
                | Kind::Filter
                | Kind::Reversed
                | Kind::CallIter,
            ) => self.iter_contains(container, item),
            Some(Kind::Instance | Kind::Exception | Kind::Type) => {
                self.special_contains(container, item)
            }
            _ => {
                let name = self.type_name(container);
                Err(self.type_error(&format!("argument of type '{name}' is not iterable")))
            }
        }
    }

    /// Start, stop and step of a range object.
    pub fn range_parts(&self, r: Value) -> (i64, i64, i64) {
        let g = |i| self.field(r, i).as_int().unwrap_or(0);
        (g(0), g(1), g(2))
    }

    /// `len(range)`.
    pub fn range_len(&self, r: Value) -> i64 {
        if !self.range_is_small(r) {
            use num_traits::ToPrimitive;
            return self.range_big_len(r).to_i64().unwrap_or(i64::MAX);
        }
        let (start, stop, step) = self.range_parts(r);
        if step > 0 && start < stop {
            (stop - start - 1) / step + 1
        } else if step < 0 && start > stop {
            (start - stop - 1) / (-step) + 1
        } else {
            0
        }
    }

    /// The name of a value's class.
    pub fn type_name(&self, v: Value) -> String {
        let c = self.class_of(v);
        if c == self.ty(TypeId::SimpleNamespace) {
            // CPython's tp_name.
            return "types.SimpleNamespace".into();
        }
        self.class_name(c)
    }

    /// The `__name__` of a class.
    pub fn class_name(&self, class: Value) -> String {
        if self.kind_of(class) != Some(Kind::Type) {
            return "?".into();
        }
        let n = self.field(class, super::layout::TypeField::Name as usize);
        self.str_text(n).into_owned()
    }

    /// Whether `v` is an exception class (a subclass of BaseException).
    pub fn is_exception_class(&self, v: Value) -> bool {
        self.kind_of(v) == Some(Kind::Type) && self.is_subclass(v, self.ty(TypeId::BaseException))
    }
}

fn small_int_op(op: BinOp, x: i64, y: i64) -> Option<Value> {
    let r = match op {
        BinOp::Add => x.checked_add(y)?,
        BinOp::Sub => x.checked_sub(y)?,
        BinOp::Mul => x.checked_mul(y)?,
        BinOp::FloorDiv if y != 0 => x.div_euclid(y) - i64::from(y < 0 && x.rem_euclid(y) != 0),
        BinOp::Mod if y != 0 => {
            let m = x.rem_euclid(y);
            if y < 0 && m != 0 { m + y } else { m }
        }
        BinOp::And => x & y,
        BinOp::Or => x | y,
        BinOp::Xor => x ^ y,
        _ => return None,
    };
    Value::from_int(r)
}
