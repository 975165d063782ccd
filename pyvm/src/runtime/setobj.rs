//! `set` and `frozenset` semantics: element collection, the algebra
//! (`| & - ^` and their in-place and method forms), subset comparisons and
//! the container operators of dicts and dict views, which produce sets.
//!
//! Sets are objmodel dicts whose keys are the elements (values unused), in
//! insertion order. Every operation collects the operands' elements onto
//! the temps first, so nothing is held unrooted across the allocations and
//! hash/equality callbacks that follow.

use pyvm_objmodel::{Dict, Value};

use super::exception::PyResult;
use super::heap::Vm;
use super::layout::{Kind, ViewKind};
use super::ops::{BinOp, CmpOp};
use super::types::TypeId;

/// A set operation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SetOp {
    /// `|`, `union`, `update`.
    Union,
    /// `&`, `intersection`.
    Inter,
    /// `-`, `difference`.
    Diff,
    /// `^`, `symmetric_difference`.
    SymDiff,
}

impl SetOp {
    fn of(op: BinOp) -> Option<SetOp> {
        Some(match op {
            BinOp::Or => SetOp::Union,
            BinOp::And => SetOp::Inter,
            BinOp::Sub => SetOp::Diff,
            BinOp::Xor => SetOp::SymDiff,
            _ => return None,
        })
    }
}

impl Vm {
    /// Whether `v` is a set or frozenset (or an instance of a subclass).
    #[inline]
    pub fn is_anyset(&self, v: Value) -> bool {
        matches!(self.kind_of(v), Some(Kind::Set | Kind::FrozenSet))
    }

    /// A new empty `set` (or `frozenset` when `frozen`).
    pub fn new_set_like(&mut self, frozen: bool) -> PyResult<Value> {
        if !frozen {
            return self.new_set();
        }
        let class = self.ty(TypeId::FrozenSet);
        self.new_set_of(Kind::FrozenSet, class)
    }

    /// A new empty set object of `kind` (`Set` or `FrozenSet`) and `class`.
    pub fn new_set_of(&mut self, kind: Kind, class: Value) -> PyResult<Value> {
        let boxed = Box::into_raw(Box::new(Dict::new()));
        let r = self.alloc_record(kind, class, &[], boxed as u64);
        if r.is_err() {
            // SAFETY: the box was not handed to any object.
            drop(unsafe { Box::from_raw(boxed) });
        }
        r
    }

    /// The keys of a set, frozenset or dict, in order (raw values: root
    /// them before allocating).
    pub fn set_keys(&self, s: Value) -> Vec<Value> {
        if self.is_anyset(s) {
            self.set_canonicalize(s);
        }
        self.dict_mut(s).items(&self.keys()).map(|p| p.0).collect()
    }

    /// Pushes the elements of `x` onto the temps (keys for sets and dicts,
    /// the iteration otherwise); returns how many.
    pub fn push_elems(&mut self, x: Value) -> PyResult<usize> {
        let items = match self.kind_of(x) {
            Some(Kind::Set | Kind::FrozenSet | Kind::Dict) => self.set_keys(x),
            _ => self.collect_iterable(x)?,
        };
        let n = items.len();
        self.roots().temps.extend_from_slice(&items);
        Ok(n)
    }

    /// Adds `x` to the set `s`.
    pub fn set_add_value(&mut self, s: Value, x: Value) -> PyResult<()> {
        self.dict_set(s, x, Value::NONE)
    }

    /// A set (or frozenset) holding the elements of any iterable.
    pub fn set_from_iterable(&mut self, x: Value, frozen: bool) -> PyResult<Value> {
        let mark = self.temps_len();
        let r = (|| {
            let n = self.push_elems(x)?;
            let s = self.new_set_like(frozen)?;
            let si = self.push_temp(s);
            for i in 0..n {
                self.set_add_value(self.temp(si), self.temp(mark + i))?;
            }
            Ok(self.temp(si))
        })();
        self.pop_temps(mark);
        r
    }

    /// Key used to look `x` up in a set: a `set` argument is looked up as
    /// the equal frozenset (CPython's rule for `in`, `remove`, `discard`).
    pub fn set_lookup_key(&mut self, x: Value) -> PyResult<Value> {
        if self.kind_of(x) == Some(Kind::Set) {
            self.set_from_iterable(x, true)
        } else {
            Ok(x)
        }
    }

    /// `x in s` for a set-like `s`.
    pub fn set_contains(&mut self, s: Value, x: Value) -> PyResult<bool> {
        if self.kind_of(x) == Some(Kind::Set) {
            let si = self.push_temp(s);
            let k = self.set_lookup_key(x);
            let s = self.temp(si);
            self.pop_temps(si);
            return Ok(self.dict_get(s, k?)?.is_some());
        }
        Ok(self.dict_get(s, x)?.is_some())
    }

    /// `a <op> b` where `a` is set-like and `b` any iterable; the result is
    /// a new `set`, or `frozenset` when `frozen`.
    pub fn set_binop(&mut self, op: SetOp, a: Value, b: Value, frozen: bool) -> PyResult<Value> {
        let mark = self.temps_len();
        self.push_temp(a);
        self.push_temp(b);
        let r = (|| {
            let r = self.new_set_like(frozen)?;
            let ri = self.push_temp(r);
            self.set_combine(op, mark, mark + 1, ri)?;
            Ok(self.temp(ri))
        })();
        self.pop_temps(mark);
        r
    }

    /// Fills the empty set at temp `ri` with `temps[a] <op> temps[b]`.
    fn set_combine(&mut self, op: SetOp, a: usize, b: usize, ri: usize) -> PyResult<()> {
        let base = self.temps_len();
        let r = (|| {
            let na = self.push_elems(self.temp(a))?;
            let bm = self.temps_len();
            // The right operand as a set (for membership tests), unless it is one.
            let bset = if self.is_anyset(self.temp(b)) || op == SetOp::Union {
                self.temp(b)
            } else {
                self.set_from_iterable(self.temp(b), true)?
            };
            let bsi = self.push_temp(bset);
            let nb = self.push_elems(self.temp(bsi))?;
            let bstart = bsi + 1;
            let _ = bm;
            match op {
                SetOp::Union => {
                    for i in 0..na {
                        self.set_add_value(self.temp(ri), self.temp(base + i))?;
                    }
                    for i in 0..nb {
                        self.set_add_value(self.temp(ri), self.temp(bstart + i))?;
                    }
                }
                SetOp::Inter | SetOp::Diff => {
                    for i in 0..na {
                        let x = self.temp(base + i);
                        let inb = self.dict_get(self.temp(bsi), x)?.is_some();
                        if inb == (op == SetOp::Inter) {
                            self.set_add_value(self.temp(ri), self.temp(base + i))?;
                        }
                    }
                }
                SetOp::SymDiff => {
                    let aset = self.set_from_iterable(self.temp(a), true)?;
                    let asi = self.push_temp(aset);
                    for i in 0..na {
                        let x = self.temp(base + i);
                        if self.dict_get(self.temp(bsi), x)?.is_none() {
                            self.set_add_value(self.temp(ri), self.temp(base + i))?;
                        }
                    }
                    for i in 0..nb {
                        let x = self.temp(bstart + i);
                        if self.dict_get(self.temp(asi), x)?.is_none() {
                            self.set_add_value(self.temp(ri), self.temp(bstart + i))?;
                        }
                    }
                }
            }
            Ok(())
        })();
        self.pop_temps(base);
        r
    }

    /// `target <op>= b` in place (`target` a set).
    pub fn set_update_op(&mut self, op: SetOp, target: Value, b: Value) -> PyResult<()> {
        let mark = self.temps_len();
        self.push_temp(target);
        self.push_temp(b);
        let r = (|| {
            if op == SetOp::Union {
                let n = self.push_elems(self.temp(mark + 1))?;
                for i in 0..n {
                    self.set_add_value(self.temp(mark), self.temp(mark + 2 + i))?;
                }
                return Ok(());
            }
            if op == SetOp::Diff {
                let n = self.push_elems(self.temp(mark + 1))?;
                for i in 0..n {
                    let x = self.set_lookup_key(self.temp(mark + 2 + i))?;
                    self.dict_del(self.temp(mark), x)?;
                }
                return Ok(());
            }
            let r = self.new_set()?;
            let ri = self.push_temp(r);
            self.set_combine(op, mark, mark + 1, ri)?;
            let (t, r) = (self.temp(mark), self.temp(ri));
            let fresh = std::mem::take(self.dict_mut(r));
            *self.dict_mut(t) = fresh;
            // SAFETY: `t` was just read from the temps (live).
            unsafe { self.barrier(t) };
            Ok(())
        })();
        self.pop_temps(mark);
        r
    }

    /// Whether every element of set-like `a` is in set-like `b`.
    pub fn set_is_subset(&mut self, a: Value, b: Value) -> PyResult<bool> {
        if self.dict_mut(a).len() > self.dict_mut(b).len() {
            return Ok(false);
        }
        let mark = self.temps_len();
        self.push_temp(b);
        let r = (|| {
            let n = self.push_elems(a)?;
            for i in 0..n {
                if self
                    .dict_get(self.temp(mark), self.temp(mark + 1 + i))?
                    .is_none()
                {
                    return Ok(false);
                }
            }
            Ok(true)
        })();
        self.pop_temps(mark);
        r
    }

    /// Set comparison (subset order); `None` if `b` is not set-like.
    fn set_compare(&mut self, op: CmpOp, a: Value, b: Value) -> PyResult<Option<bool>> {
        if !self.is_anyset(b) {
            return Ok(None);
        }
        let (la, lb) = (self.dict_mut(a).len(), self.dict_mut(b).len());
        Ok(Some(match op {
            CmpOp::Eq => la == lb && self.set_is_subset(a, b)?,
            CmpOp::Ne => !(la == lb && self.set_is_subset(a, b)?),
            CmpOp::Le => self.set_is_subset(a, b)?,
            CmpOp::Lt => la < lb && self.set_is_subset(a, b)?,
            CmpOp::Ge => self.set_is_subset(b, a)?,
            CmpOp::Gt => la > lb && self.set_is_subset(b, a)?,
        }))
    }

    /// Comparisons of sets, dicts, dict views and ranges; `None` when the
    /// operands are not of these (the caller goes on with other rules).
    pub fn container_compare(&mut self, op: CmpOp, a: Value, b: Value) -> PyResult<Option<Value>> {
        let (ka, kb) = (self.kind_of(a), self.kind_of(b));
        let r = match (ka, kb) {
            (Some(Kind::Set | Kind::FrozenSet), Some(Kind::DictView)) => {
                self.view_compare(op, a, b)?
            }
            (Some(Kind::Set | Kind::FrozenSet), _) => self.set_compare(op, a, b)?,
            (Some(Kind::Dict), Some(Kind::Dict)) if matches!(op, CmpOp::Eq | CmpOp::Ne) => {
                Some(self.dict_equal(a, b)? == (op == CmpOp::Eq))
            }
            (Some(Kind::DictView), _) | (_, Some(Kind::DictView)) => self.view_compare(op, a, b)?,
            (Some(Kind::Range), Some(Kind::Range)) if matches!(op, CmpOp::Eq | CmpOp::Ne) => {
                Some(self.range_equal(a, b)? == (op == CmpOp::Eq))
            }
            _ => None,
        };
        Ok(r.map(Value::from_bool))
    }

    /// Comparisons involving a dict view: keys and items views compare as
    /// sets with sets and other such views; values views by identity.
    fn view_compare(&mut self, op: CmpOp, a: Value, b: Value) -> PyResult<Option<bool>> {
        let setlike = |vm: &Vm, v: Value| match vm.kind_of(v) {
            Some(Kind::Set | Kind::FrozenSet) => true,
            Some(Kind::DictView) => vm.view_kind(v) != ViewKind::Values,
            _ => false,
        };
        if !setlike(self, a) || !setlike(self, b) {
            return Ok(match op {
                CmpOp::Eq => Some(a == b),
                CmpOp::Ne => Some(a != b),
                _ => None,
            });
        }
        let mark = self.temps_len();
        self.push_temp(b);
        let r = (|| {
            let sa = self.view_as_set(a)?;
            let sai = self.push_temp(sa);
            let sb = self.view_as_set(self.temp(mark))?;
            self.set_compare(op, self.temp(sai), sb)
        })();
        self.pop_temps(mark);
        r
    }

    /// A set-like value as a set: sets as they are, views materialized.
    fn view_as_set(&mut self, v: Value) -> PyResult<Value> {
        if self.is_anyset(v) {
            Ok(v)
        } else {
            self.set_from_iterable(v, false)
        }
    }

    /// Binary operators of sets, frozensets, dict views (`| & - ^`
    /// producing sets) and dicts (`|`); `None` when not applicable.
    pub fn container_binop(&mut self, op: BinOp, a: Value, b: Value) -> PyResult<Option<Value>> {
        let (ka, kb) = (self.kind_of(a), self.kind_of(b));
        if op == BinOp::Mul {
            let seq = |k: Option<Kind>| matches!(k, Some(Kind::Str | Kind::List | Kind::Tuple));
            let other = if seq(ka) && kb != Some(Kind::Instance) {
                b
            } else if seq(kb) && ka != Some(Kind::Instance) {
                a
            } else {
                return Ok(None);
            };
            let t = self.type_name(other);
            return Err(
                self.type_error(&format!("can't multiply sequence by non-int of type '{t}'"))
            );
        }
        let Some(sop) = SetOp::of(op) else {
            return Ok(None);
        };
        match (ka, kb) {
            (Some(Kind::Set | Kind::FrozenSet), Some(Kind::Set | Kind::FrozenSet)) => {
                let frozen = ka == Some(Kind::FrozenSet);
                self.set_binop(sop, a, b, frozen).map(Some)
            }
            (Some(Kind::DictView), _) if self.view_kind(a) != ViewKind::Values => {
                let mark = self.push_temp(b);
                let r = (|| {
                    let s = self.set_from_iterable(a, false)?;
                    self.set_binop(sop, s, self.temp(mark), false)
                })();
                self.pop_temps(mark);
                r.map(Some)
            }
            (_, Some(Kind::DictView)) if self.view_kind(b) != ViewKind::Values => {
                let mark = self.push_temp(b);
                let r = (|| {
                    let s = self.set_from_iterable(a, false)?;
                    self.set_binop(sop, s, self.temp(mark), false)
                })();
                self.pop_temps(mark);
                r.map(Some)
            }
            (Some(Kind::Dict), Some(Kind::Dict)) if op == BinOp::Or => {
                let mark = self.push_temp(b);
                let r = (|| {
                    let d = self.dict_copy(a)?;
                    let di = self.push_temp(d);
                    self.dict_merge_from(self.temp(di), self.temp(mark))?;
                    Ok(self.temp(di))
                })();
                self.pop_temps(mark);
                r.map(Some)
            }
            _ => Ok(None),
        }
    }

    /// In-place operators of sets (`|= &= -= ^=`, mutating the left set)
    /// and dicts (`|=`, which accepts any mapping or iterable of pairs);
    /// `None` when not applicable (the caller falls back to the binary form).
    pub fn container_inplace(&mut self, op: BinOp, a: Value, b: Value) -> PyResult<Option<Value>> {
        match self.kind_of(a) {
            Some(Kind::Set) if self.is_anyset(b) => {
                let Some(sop) = SetOp::of(op) else {
                    return Ok(None);
                };
                let ai = self.push_temp(a);
                let r = self.set_update_op(sop, a, b);
                let a = self.temp(ai);
                self.pop_temps(ai);
                r.map(|_| Some(a))
            }
            Some(Kind::Dict) if op == BinOp::Or => {
                let ai = self.push_temp(a);
                let r = self.dict_merge_from(a, b);
                let a = self.temp(ai);
                self.pop_temps(ai);
                r.map(|_| Some(a))
            }
            Some(Kind::ByteArray) if op == BinOp::Add => {
                let Some(data) = self.buffer_copy(b)? else {
                    return Ok(None);
                };
                let ai = self.push_temp(a);
                let r = if data.is_empty() {
                    Ok(())
                } else {
                    self.check_resizable(a)
                };
                let a = self.temp(ai);
                self.pop_temps(ai);
                r?;
                self.bytearray_vec(a).extend_from_slice(&data);
                Ok(Some(a))
            }
            Some(Kind::ByteArray) if op == BinOp::Mul && !b.is_float() => {
                let Some(n) = self.index_value(b) else {
                    return Ok(None);
                };
                let len = self.bytearray_vec(a).len() as u128;
                if len * (n.max(0) as u128) > isize::MAX as u128 {
                    return Err(self.raise_msg(super::types::TypeId::MemoryError, ""));
                }
                let v = self.bytearray_vec(a);
                let one = v.clone();
                v.clear();
                for _ in 0..n.max(0) {
                    v.extend_from_slice(&one);
                }
                Ok(Some(a))
            }
            Some(Kind::List) if op == BinOp::Mul => {
                let Some(n) = self.index_value(b) else {
                    return Ok(None);
                };
                let items = self.list_vec(a).clone();
                let v = self.list_vec(a);
                if n <= 0 {
                    v.clear();
                } else {
                    for _ in 1..n {
                        v.extend_from_slice(&items);
                    }
                }
                // SAFETY: `a` is the caller's live list (no allocation since).
                unsafe { self.barrier(a) };
                Ok(Some(a))
            }
            _ => Ok(None),
        }
    }

    /// Whether `v` may be iterable: false for the kinds that never are
    /// (numbers, functions, types, ...), true for the rest (containers,
    /// iterators, instances, and kinds added later), whose `iter()` then
    /// decides. Used where CPython words the error for non-iterables itself.
    pub fn iterable_kind(&self, v: Value) -> bool {
        match self.kind_of(v) {
            None => false,
            Some(k) => !matches!(
                k,
                Kind::BigInt
                    | Kind::Function
                    | Kind::Builtin
                    | Kind::Code
                    | Kind::Cell
                    | Kind::Module
                    | Kind::Exception
                    | Kind::BoundMethod
                    | Kind::Slice
                    | Kind::Type
                    | Kind::Complex
            ),
        }
    }
}
