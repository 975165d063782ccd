//! `range` objects whose start, stop or step are big integers: the slow
//! path beside the `i64` arithmetic of `range_parts`/`range_len`.

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};
use pyvm_objmodel::Value;

use super::exception::PyResult;
use super::heap::Vm;
use super::layout::Kind;
use super::types::TypeId;

impl Vm {
    /// Whether a range's start, stop and step are all immediate ints.
    pub fn range_is_small(&self, r: Value) -> bool {
        (0..3).all(|i| self.field(r, i).is_int())
    }

    fn big_of(&self, v: Value) -> BigInt {
        match v.as_int() {
            Some(i) => BigInt::from(i),
            None if self.kind_of(v) == Some(Kind::BigInt) => self.bigint(v).clone(),
            None => BigInt::zero(),
        }
    }

    /// Start, stop and step of any range as big integers.
    pub fn range_big_parts(&self, r: Value) -> (BigInt, BigInt, BigInt) {
        (
            self.big_of(self.field(r, 0)),
            self.big_of(self.field(r, 1)),
            self.big_of(self.field(r, 2)),
        )
    }

    /// The length of any range.
    pub fn range_big_len(&self, r: Value) -> BigInt {
        let (start, stop, step) = self.range_big_parts(r);
        let one = BigInt::from(1);
        if step.is_positive() && start < stop {
            (stop - start - &one) / step + one
        } else if step.is_negative() && start > stop {
            (start - stop - &one) / (-step) + one
        } else {
            BigInt::zero()
        }
    }

    /// `len(range)` as a machine size, OverflowError beyond it.
    pub fn range_len_checked(&mut self, r: Value) -> PyResult<usize> {
        if self.range_is_small(r) {
            return Ok(self.range_len(r) as usize);
        }
        match self.range_big_len(r).to_i64() {
            Some(n) => Ok(n as usize),
            None => Err(self.raise_msg(
                TypeId::OverflowError,
                "Python int too large to convert to C ssize_t",
            )),
        }
    }

    /// Item `i` (0-based, in range) of any range.
    pub fn range_big_item(&mut self, r: Value, i: &BigInt) -> PyResult<Value> {
        let (start, _, step) = self.range_big_parts(r);
        self.new_int(start + step * i)
    }

    /// `x in range` for an integer `x`, on any range.
    pub fn range_big_contains(&self, r: Value, x: &BigInt) -> bool {
        let (start, stop, step) = self.range_big_parts(r);
        let inside = if step.is_positive() {
            &start <= x && x < &stop
        } else {
            &stop < x && x <= &start
        };
        inside && ((x - &start) % &step).is_zero()
    }

    /// `range[key]` for an integer `key`, on a range with big parts.
    pub fn range_big_getitem(&mut self, r: Value, key: Value) -> PyResult<Value> {
        let len = self.range_big_len(r);
        let mut i = self.big_of(key);
        if i.is_negative() {
            i += &len;
        }
        if i.is_negative() || i >= len {
            return Err(self.raise_msg(TypeId::IndexError, "range object index out of range"));
        }
        self.range_big_item(r, &i)
    }

    /// `repr(range)` for any range.
    pub fn range_big_repr(&self, r: Value) -> String {
        let (start, stop, step) = self.range_big_parts(r);
        if step == BigInt::from(1) {
            format!("range({start}, {stop})")
        } else {
            format!("range({start}, {stop}, {step})")
        }
    }

    /// `a == b` for ranges with big parts: equal as sequences.
    pub fn range_big_equal(&self, a: Value, b: Value) -> bool {
        let (la, lb) = (self.range_big_len(a), self.range_big_len(b));
        if la != lb {
            return false;
        }
        if la.is_zero() {
            return true;
        }
        let ((sa, _, ta), (sb, _, tb)) = (self.range_big_parts(a), self.range_big_parts(b));
        sa == sb && (la == BigInt::from(1) || ta == tb)
    }

    /// `range[slice]` for any range: the slice's indices computed on big
    /// integers (CPython's `_PySlice_GetLongIndices`), then a new range.
    pub fn range_big_slice(&mut self, r: Value, s: Value) -> PyResult<Value> {
        let mark = self.temps_len();
        self.push_temp(r);
        self.push_temp(s);
        let res = (|| {
            let part = |vm: &mut Vm, k: usize| -> PyResult<Option<BigInt>> {
                let v = vm.field(vm.temp(mark + 1), k);
                if v.is_none() {
                    return Ok(None);
                }
                match vm.try_index(v)? {
                    Some(i) => Ok(Some(i)),
                    None => Err(vm.type_error(
                        "slice indices must be integers or None or have an __index__ method",
                    )),
                }
            };
            let step = part(self, 2)?.unwrap_or_else(|| BigInt::from(1));
            if step.is_zero() {
                return Err(self.raise_msg(TypeId::ValueError, "slice step cannot be zero"));
            }
            let start = part(self, 0)?;
            let stop = part(self, 1)?;
            let len = self.range_big_len(self.temp(mark));
            let neg = step.is_negative();
            let (lower, upper) = if neg {
                (BigInt::from(-1), &len - 1)
            } else {
                (BigInt::zero(), len.clone())
            };
            let clamp = |i: Option<BigInt>, default: &BigInt| match i {
                None => default.clone(),
                Some(mut i) => {
                    if i.is_negative() {
                        i += &len;
                    }
                    if i < lower {
                        lower.clone()
                    } else if i > upper {
                        upper.clone()
                    } else {
                        i
                    }
                }
            };
            let start = clamp(start, if neg { &upper } else { &lower });
            let stop = clamp(stop, if neg { &lower } else { &upper });
            let (rs, _, rstep) = self.range_big_parts(self.temp(mark));
            let parts = [&rs + &start * &rstep, &rs + &stop * &rstep, &rstep * &step];
            let base = self.temps_len();
            for p in parts {
                let v = self.new_int(p)?;
                self.push_temp(v);
            }
            let f = self.m.roots().temps[base..].to_vec();
            let class = self.ty(TypeId::Range);
            self.alloc_record(Kind::Range, class, &f, 0)
        })();
        self.pop_temps(mark);
        res
    }
}
