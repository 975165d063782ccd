//! Hashing and equality of dict keys, and dict access for the VM.
//!
//! Builtin keys (int, float, bool, None, str, tuple) hash and compare as in
//! CPython (`hash(1) == hash(1.0) == hash(True)`); other objects hash by
//! identity. Unhashable keys (list, dict) are reported as data and raised
//! as `TypeError` by the caller, outside the dict borrow.

use num_bigint::BigInt;
use pyvm_gc::{Mutator, ObjectRef};
use pyvm_objmodel::{Dict, KeyOps, Symbols, Value};

use super::binding::Binding;
use super::exception::PyResult;
use super::heap::Vm;
use super::layout::Kind;
use super::recursion::with_stack;
use super::types::TypeId;
use crate::num_hash::{hash_f64, hash_i64, hash_int, hash_tuple};
use crate::str_hash::{HashSecret, hash_bytes, hash_str};

/// Why a key operation failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyError {
    /// The key's type is unhashable (its kind).
    Unhashable(Kind),
    /// The key is an instance of an unhashable native type (its index).
    UnhashableNative(usize),
    /// A dict could not grow.
    NoMemory,
    /// Python code (`__hash__`, `__eq__`) raised; the exception is set.
    Raised,
}

/// Key operations over the VM heap (no allocation, no Python code).
pub struct Keys<'a> {
    pub(crate) m: &'a Mutator<Binding>,
    pub(crate) secret: HashSecret,
}

/// A numeric view of a value, for cross-type equality.
enum Num<'a> {
    Small(i64),
    Big(&'a BigInt),
    Float(f64),
    Complex(f64, f64),
}

impl Keys<'_> {
    fn vm_kind(v: Value) -> Option<Kind> {
        let a = v.heap_addr()?;
        let r = ObjectRef::from_address(a)?;
        // SAFETY: keys in a dict and keys being looked up are live objects.
        super::layout::split_kind_word(unsafe { *(r.payload() as *const u64) }).0
    }

    fn payload(v: Value) -> *const u64 {
        v.heap_addr()
            .map(|a| (a + 8) as *const u64)
            .unwrap_or(std::ptr::null())
    }

    fn num(v: Value) -> Option<Num<'static>> {
        if let Some(i) = v.as_int() {
            return Some(Num::Small(i));
        }
        if let Some(inner) = Self::boxed(v) {
            return Self::num(inner);
        }
        if let Some(b) = v.as_bool() {
            return Some(Num::Small(b as i64));
        }
        if let Some(f) = v.as_float() {
            return Some(Num::Float(f));
        }
        if Self::vm_kind(v) == Some(Kind::BigInt) {
            // SAFETY: a big int's off-heap word (after its zero fields) is a
            // live `Box<BigInt>`; keys are live during the operation.
            let b = unsafe { &*(*Self::payload(v).add(2) as *const BigInt) };
            return Some(Num::Big(b));
        }
        if Self::vm_kind(v) == Some(Kind::Complex) {
            // SAFETY: a live complex's two fields (floats) follow its prefix.
            let (re, im) = unsafe { (*Self::payload(v).add(2), *Self::payload(v).add(3)) };
            let f = |w| Value::from_bits(w).as_float().unwrap_or(0.0);
            return Some(Num::Complex(f(re), f(im)));
        }
        None
    }

    /// The number inside an instance of a user subclass of int, float or
    /// complex (see `Vm::boxed_number`).
    fn boxed(v: Value) -> Option<Value> {
        if Self::vm_kind(v) != Some(Kind::Instance) {
            return None;
        }
        let p = Self::payload(v);
        // SAFETY: a live instance record: kind word, class, fields.
        let (len, inner) = unsafe { ((*p >> 32) as usize, Value::from_bits(*p.add(3))) };
        if len != 2 {
            return None;
        }
        let numeric = inner.is_int()
            || inner.is_float()
            || matches!(Self::vm_kind(inner), Some(Kind::BigInt | Kind::Complex));
        numeric.then_some(inner)
    }

    /// The off-heap dict of a live set or frozenset (no fields before it).
    #[allow(clippy::mut_from_ref)]
    fn set_of(v: Value) -> &'static mut pyvm_objmodel::Dict {
        // SAFETY: sets have no fields, so their off-heap word (a live
        // `Box<Dict>`) follows the 2-word prefix; keys are live and no
        // other borrow of the set's dict exists during a key operation.
        unsafe { &mut *(*Self::payload(v).add(2) as *mut pyvm_objmodel::Dict) }
    }

    fn str_bytes(v: Value) -> &'static [u8] {
        let p = Self::payload(v);
        // SAFETY: `v` is a live str; its bytes follow the 4-word prefix and
        // are only read during this (non-allocating) operation.
        unsafe {
            let len = (*p >> 32) as usize;
            std::slice::from_raw_parts(p.add(4) as *const u8, len)
        }
    }

    /// `hash(v)` as Python computes it.
    pub fn py_hash(&mut self, v: Value) -> Result<i64, KeyError> {
        if let Some(n) = Self::num(v) {
            return Ok(match n {
                Num::Small(i) => hash_i64(i),
                Num::Big(b) => hash_int(b),
                Num::Float(f) => hash_f64(f, v.to_bits() as usize),
                Num::Complex(re, im) => {
                    super::complex_obj::complex_hash(re, im, v.to_bits() as usize)
                }
            });
        }
        match Self::vm_kind(v) {
            Some(Kind::Str) => {
                let cell = Self::payload(v).wrapping_add(2) as *mut u64;
                // SAFETY: word 2 of a live str is its hash cache.
                let cached = unsafe { *cell };
                if cached != 0 {
                    return Ok(cached as i64);
                }
                let b = Self::str_bytes(v);
                let h = match std::str::from_utf8(b) {
                    Ok(s) => hash_str(self.secret, s),
                    Err(_) => hash_bytes(self.secret, b),
                };
                // SAFETY: as above; the cache word is not a reference.
                unsafe { *cell = h as u64 };
                Ok(h)
            }
            Some(Kind::Tuple) => {
                let p = Self::payload(v);
                // SAFETY: a live tuple's items follow its 2-word prefix.
                let items = unsafe {
                    let len = (*p >> 32) as usize;
                    std::slice::from_raw_parts(p.add(2) as *const Value, len)
                };
                let mut hs = Vec::with_capacity(items.len());
                for &x in items {
                    hs.push(with_stack(|| self.py_hash(x))?);
                }
                Ok(hash_tuple(hs))
            }
            Some(Kind::FrozenSet) => {
                let keys: Vec<Value> = Self::set_of(v).items(&*self).map(|p| p.0).collect();
                let mut hs = Vec::with_capacity(keys.len());
                for x in keys {
                    hs.push(with_stack(|| self.py_hash(x))?);
                }
                Ok(crate::num_hash::hash_frozenset(hs))
            }
            Some(Kind::Range) => {
                // CPython: hash((len, start, step)), with None for the
                // parts an empty or one-item range does not depend on.
                let p = Self::payload(v);
                // SAFETY: a live range's three fields follow its prefix.
                let f = |i: usize| unsafe { Value::from_bits(*p.add(2 + i)) };
                let (start, stop, step) = (f(0), f(1), f(2));
                let none = self.py_hash(Value::NONE)?;
                let len = match (start.as_int(), stop.as_int(), step.as_int()) {
                    (Some(a), Some(b), Some(c)) if c > 0 && a < b => (b - a - 1) / c + 1,
                    (Some(a), Some(b), Some(c)) if c < 0 && a > b => (a - b - 1) / (-c) + 1,
                    (Some(_), Some(_), Some(_)) => 0,
                    _ => return Ok(hash_tuple([self.py_hash(start)?, self.py_hash(stop)?])),
                };
                Ok(match len {
                    0 => hash_tuple([hash_i64(0), none, none]),
                    1 => hash_tuple([hash_i64(1), self.py_hash(start)?, none]),
                    n => hash_tuple([hash_i64(n), self.py_hash(start)?, self.py_hash(step)?]),
                })
            }
            Some(Kind::Bytes) => Ok(hash_bytes(self.secret, Self::str_bytes(v))),
            Some(k @ (Kind::List | Kind::Dict | Kind::Set | Kind::ByteArray | Kind::Slice)) => {
                Err(KeyError::Unhashable(k))
            }
            Some(Kind::Native)
                if let Some(t) =
                    super::modules::native_types::unhashable_index(Self::payload(v)) =>
            {
                Err(KeyError::UnhashableNative(t))
            }
            Some(Kind::Native) if super::modules::weak_ref_state(v).is_some() => {
                // A weak reference hashes as its referent (cached for when it dies).
                let (referent, cache) = super::modules::weak_ref_state(v).unwrap_or_default();
                if let Some(h) = cache {
                    return Ok(h);
                }
                let referent = referent
                    .and_then(|w| self.m.weak_get(w))
                    .and_then(|g| Value::from_heap_addr(g.object_ref().address()));
                let Some(o) = referent else {
                    return Err(KeyError::Unhashable(Kind::Native));
                };
                let h = with_stack(|| self.py_hash(o))?;
                super::modules::set_weak_ref_hash(v, h);
                Ok(h)
            }
            Some(Kind::BoundMethod) => {
                // CPython: by `__self__`'s identity and `__func__`.
                let p = Self::payload(v);
                // SAFETY: a live bound method's two fields follow its prefix.
                let f = |i: usize| unsafe { Value::from_bits(*p.add(2 + i)) };
                let (func, this) = (f(0), f(1));
                let hs = identity_hash_of(self.m, this);
                let hf = identity_hash_of(self.m, func);
                Ok(hs ^ hf)
            }
            Some(_) => Ok(identity_hash_of(self.m, v)),
            None => Ok(hash_i64(v.to_bits() as i64 >> 4)),
        }
    }

    /// `a == b` for builtin values (identity for the rest).
    pub fn py_eq(&mut self, a: Value, b: Value) -> bool {
        if a == b {
            return !matches!(a.as_float(), Some(f) if f.is_nan());
        }
        if let (Some(x), Some(y)) = (Self::num(a), Self::num(b)) {
            return num_eq(&x, &y);
        }
        match (Self::vm_kind(a), Self::vm_kind(b)) {
            (Some(Kind::Native), Some(Kind::Native))
                if super::modules::weak_ref_state(a).is_some()
                    && super::modules::weak_ref_state(b).is_some() =>
            {
                // Weak references compare by referent while both are alive.
                let get = |v: Value| {
                    super::modules::weak_ref_state(v)
                        .and_then(|s| s.0)
                        .and_then(|w| self.m.weak_get(w))
                        .map(|g| g.object_ref().address())
                };
                match (get(a), get(b)) {
                    (Some(x), Some(y)) => {
                        let (x, y) = (Value::from_heap_addr(x), Value::from_heap_addr(y));
                        match (x, y) {
                            (Some(x), Some(y)) => with_stack(|| self.py_eq(x, y)),
                            _ => false,
                        }
                    }
                    _ => false,
                }
            }
            (Some(Kind::BoundMethod), Some(Kind::BoundMethod)) => {
                // The same function bound to the same object.
                // SAFETY: live bound methods; fields follow the prefix.
                let f =
                    |v: Value, i: usize| unsafe { Value::from_bits(*Self::payload(v).add(2 + i)) };
                f(a, 0) == f(b, 0) && f(a, 1) == f(b, 1)
            }
            (Some(Kind::Str), Some(Kind::Str)) => Self::str_bytes(a) == Self::str_bytes(b),
            (Some(Kind::Bytes), Some(Kind::Bytes)) => Self::str_bytes(a) == Self::str_bytes(b),
            (Some(Kind::Range), Some(Kind::Range)) => {
                matches!((self.py_hash(a), self.py_hash(b)), (Ok(x), Ok(y)) if x == y)
                    && (0..3).all(|i| {
                        // SAFETY: live ranges; fields follow the prefix.
                        let f =
                            |v: Value| unsafe { Value::from_bits(*Self::payload(v).add(2 + i)) };
                        f(a).is_int() && f(b).is_int()
                    })
                    && range_same(a, b)
            }
            (Some(Kind::FrozenSet | Kind::Set), Some(Kind::FrozenSet | Kind::Set)) => {
                let (da, db) = (Self::set_of(a), Self::set_of(b));
                if da.len() != db.len() {
                    return false;
                }
                let keys: Vec<Value> = da.items(&*self).map(|p| p.0).collect();
                keys.into_iter().all(|k| {
                    with_stack(|| matches!(Self::set_of(b).get(&mut *self, k), Ok(Some(_))))
                })
            }
            (Some(Kind::Tuple), Some(Kind::Tuple)) => {
                let (pa, pb) = (Self::payload(a), Self::payload(b));
                // SAFETY: live tuples; items follow the prefix.
                let (ia, ib) = unsafe {
                    (
                        std::slice::from_raw_parts(pa.add(2) as *const Value, (*pa >> 32) as usize),
                        std::slice::from_raw_parts(pb.add(2) as *const Value, (*pb >> 32) as usize),
                    )
                };
                ia.len() == ib.len()
                    && ia
                        .iter()
                        .zip(ib)
                        .all(|(&x, &y)| with_stack(|| self.py_eq(x, y)))
            }
            _ => false,
        }
    }
}

fn num_eq(x: &Num<'_>, y: &Num<'_>) -> bool {
    use crate::int_ops::cmp_int_f64;
    match (x, y) {
        (Num::Small(a), Num::Small(b)) => a == b,
        (Num::Float(a), Num::Float(b)) => a == b,
        (Num::Small(a), Num::Float(f)) | (Num::Float(f), Num::Small(a)) => {
            cmp_int_f64(&BigInt::from(*a), *f) == Some(std::cmp::Ordering::Equal)
        }
        (Num::Big(a), Num::Float(f)) | (Num::Float(f), Num::Big(a)) => {
            cmp_int_f64(a, *f) == Some(std::cmp::Ordering::Equal)
        }
        (Num::Big(a), Num::Big(b)) => a == b,
        (Num::Big(a), Num::Small(b)) | (Num::Small(b), Num::Big(a)) => **a == BigInt::from(*b),
        (Num::Complex(a, b), Num::Complex(c, d)) => a == c && b == d,
        (Num::Complex(re, im), x) | (x, Num::Complex(re, im)) => {
            *im == 0.0 && num_eq(&Num::Float(*re), x)
        }
    }
}

impl Symbols for Keys<'_> {
    fn symbol_of(&mut self, key: Value) -> Option<pyvm_objmodel::Symbol> {
        super::instance_shapes::symbol_of(self.m, self.secret, key)
    }
    fn symbol_key(&self, sym: pyvm_objmodel::Symbol) -> Value {
        super::instance_shapes::symbol_key(self.m, sym)
    }
}

impl KeyOps for Keys<'_> {
    type Error = KeyError;
    fn hash(&mut self, key: Value) -> Result<u64, KeyError> {
        self.py_hash(key).map(|h| h as u64)
    }
    fn eq(&mut self, a: Value, b: Value) -> Result<bool, KeyError> {
        Ok(self.py_eq(a, b))
    }
    fn out_of_memory(&mut self) -> KeyError {
        KeyError::NoMemory
    }
}

impl Vm {
    /// Key operations borrowing this VM.
    pub fn keys(&self) -> Keys<'_> {
        Keys {
            m: &self.m,
            secret: self.secret,
        }
    }

    /// Raises what a key operation reported.
    pub fn raise_key_error(&mut self, e: KeyError) -> super::exception::Raised {
        match e {
            KeyError::Unhashable(Kind::Native) => self.type_error("weak object has gone away"),
            KeyError::Unhashable(k) => {
                let name = match k {
                    Kind::List => "list",
                    Kind::Set => "set",
                    Kind::ByteArray => "bytearray",
                    Kind::Slice => "slice",
                    _ => "dict",
                };
                self.type_error(&format!("unhashable type: '{name}'"))
            }
            KeyError::UnhashableNative(t) => {
                let t = super::modules::native_types::type_by_index(t);
                let name = t
                    .map(|t| format!("{}.{}", t.module, t.name))
                    .unwrap_or_default();
                self.type_error(&format!("unhashable type: '{name}'"))
            }
            KeyError::NoMemory => self.raise_msg(TypeId::MemoryError, ""),
            KeyError::Raised => super::exception::Raised,
        }
    }

    /// `hash(v)`, calling a user `__hash__`.
    pub fn hash_value(&mut self, v: Value) -> PyResult<i64> {
        if self.kind_of(v) == Some(Kind::MemoryView) {
            return self.view_hash(v);
        }
        if !self.key_is_plain(v) {
            return self.py_hash_full(v);
        }
        let r = self.keys().py_hash(v);
        r.map_err(|e| self.raise_key_error(e))
    }

    /// `d.get(key)` for a dict object.
    pub fn dict_get(&mut self, d: Value, key: Value) -> PyResult<Option<Value>> {
        if !self.key_is_plain(key) {
            return self.with_py_keys(d, |h| Dict::get_in(h, key));
        }
        let dict = self.dict_mut(d);
        let r = dict.get(&mut self.keys(), key);
        r.map_err(|e| self.raise_key_error(e))
    }

    /// `d[key] = value` for a dict object.
    pub fn dict_set(&mut self, d: Value, key: Value, value: Value) -> PyResult<()> {
        if !self.key_is_plain(key) {
            return self
                .with_py_keys(d, |h| Dict::insert_in(h, key, value))
                .map(|_| ());
        }
        let dict = self.dict_mut(d);
        let r = dict.insert(&mut self.keys(), key, value);
        // SAFETY: `d` is live (the caller's value, no allocation since).
        unsafe { self.barrier(d) };
        r.map(|_| ()).map_err(|e| self.raise_key_error(e))
    }

    /// `del d[key]`; whether it was present.
    pub fn dict_del(&mut self, d: Value, key: Value) -> PyResult<bool> {
        if !self.key_is_plain(key) {
            return self
                .with_py_keys(d, |h| Dict::remove_in(h, key))
                .map(|v| v.is_some());
        }
        let dict = self.dict_mut(d);
        let r = dict.remove(&mut self.keys(), key);
        r.map(|v| v.is_some()).map_err(|e| self.raise_key_error(e))
    }

    /// `d[name]` for a str key given as Rust text (allocates the key).
    pub fn dict_get_str(&mut self, d: Value, name: &str) -> PyResult<Option<Value>> {
        let di = self.push_temp(d);
        let k = self.new_str(name)?;
        let d = self.temp(di);
        self.pop_temps(di);
        self.dict_get(d, k)
    }

    /// `d[name] = value` for a str key given as Rust text.
    pub fn dict_set_str(&mut self, d: Value, name: &str, value: Value) -> PyResult<()> {
        let mark = self.push_temp(d);
        self.push_temp(value);
        let k = self.new_str(name)?;
        let (d, value) = (self.temp(mark), self.temp(mark + 1));
        self.pop_temps(mark);
        self.dict_set(d, k, value)
    }
}

/// Whether two ranges of immediate ints are equal as sequences.
fn range_same(a: Value, b: Value) -> bool {
    // SAFETY: live ranges; their three int fields follow the 2-word prefix.
    let parts = |v: Value| unsafe {
        let p = Keys::payload(v);
        let f = |i: usize| Value::from_bits(*p.add(2 + i)).as_int().unwrap_or(0);
        (f(0), f(1), f(2))
    };
    let len = |(a, b, c): (i64, i64, i64)| {
        if c > 0 && a < b {
            (b - a - 1) / c + 1
        } else if c < 0 && a > b {
            (a - b - 1) / (-c) + 1
        } else {
            0
        }
    };
    let (pa, pb) = (parts(a), parts(b));
    let (la, lb) = (len(pa), len(pb));
    la == lb && (la == 0 || (pa.0 == pb.0 && (la == 1 || pa.2 == pb.2)))
}

/// The identity hash of a heap object (`object.__hash__`).
pub(crate) fn identity_hash_of(m: &Mutator<Binding>, v: Value) -> i64 {
    let r = ObjectRef::from_address(v.heap_addr().unwrap_or(8)).expect("heap");
    // SAFETY: `v` is a live heap object (the caller's rooted value).
    let id = unsafe { m.object_id(r) };
    (id.hash64() >> 4) as i64
}
