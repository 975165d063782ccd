//! Dict and set keys whose hash or equality is Python code (instances of
//! user classes, tuples holding them): objmodel's re-entrant `DictHost`
//! operations with the VM as host. The dict is re-fetched from a temp root
//! after every callback, and the key and value the operation keeps are
//! held on `Roots::temps` (`hold_value`/`held_value`/`release_values`), so
//! a collection during `__eq__` or `__hash__` moves them safely.

use num_bigint::BigInt;
use pyvm_objmodel::{Dict, DictHost, KeyOps, Symbols, Value};

use super::exception::PyResult;
use super::heap::Vm;
use super::keys::KeyError;
use super::layout::Kind;
use super::names::Name;
use crate::num_hash::{hash_int, hash_tuple};

/// The VM as a dict host for one operation on the dict at temp `dict`.
pub(crate) struct PyKeys<'a> {
    vm: &'a mut Vm,
    dict: usize,
}

impl Symbols for PyKeys<'_> {
    fn symbol_of(&mut self, key: Value) -> Option<pyvm_objmodel::Symbol> {
        self.vm.keys().symbol_of(key)
    }
    fn symbol_key(&self, sym: pyvm_objmodel::Symbol) -> Value {
        self.vm.keys().symbol_key(sym)
    }
}

impl KeyOps for PyKeys<'_> {
    type Error = KeyError;
    fn hash(&mut self, key: Value) -> Result<u64, KeyError> {
        self.vm
            .py_hash_full(key)
            .map(|h| h as u64)
            .map_err(|_| KeyError::Raised)
    }
    fn eq(&mut self, a: Value, b: Value) -> Result<bool, KeyError> {
        if self.vm.key_is_plain(a) && self.vm.key_is_plain(b) {
            return Ok(self.vm.keys().py_eq(a, b));
        }
        self.vm.eq_values(a, b).map_err(|_| KeyError::Raised)
    }
    fn out_of_memory(&mut self) -> KeyError {
        KeyError::NoMemory
    }
    fn hold_value(&mut self, v: Value) {
        self.vm.push_temp(v);
    }
    fn held_value(&self, depth: usize, _v: Value) -> Value {
        let t = &self.vm.m.roots().temps;
        t[t.len() - 1 - depth]
    }
    fn release_values(&mut self, n: usize) {
        let len = self.vm.temps_len();
        self.vm.pop_temps(len - n);
    }
}

impl DictHost for PyKeys<'_> {
    fn dict(&mut self) -> &mut Dict {
        let d = self.vm.temp(self.dict);
        self.vm.dict_mut(d)
    }
}

impl Vm {
    /// Whether hashing and comparing `v` runs no Python code.
    pub fn key_is_plain(&self, v: Value) -> bool {
        match self.kind_of(v) {
            Some(Kind::Instance | Kind::Exception) => false,
            _ if self.builtin_sub(v) => false,
            Some(Kind::Native) => self.weak_key_plain(v),
            Some(Kind::Tuple) => {
                // Iteratively (nesting may be deep): any instance inside?
                let mut work = vec![v];
                while let Some(t) = work.pop() {
                    for &x in self.tuple_items(t) {
                        match self.kind_of(x) {
                            Some(Kind::Instance | Kind::Exception) => return false,
                            Some(Kind::Tuple) => work.push(x),
                            _ => {}
                        }
                    }
                }
                true
            }
            _ => true,
        }
    }

    /// Runs a re-entrant dict operation on the dict (or set) `d`.
    pub(crate) fn with_py_keys<R>(
        &mut self,
        d: Value,
        f: impl FnOnce(&mut PyKeys<'_>) -> Result<R, KeyError>,
    ) -> PyResult<R> {
        let di = self.push_temp(d);
        let r = {
            let mut host = PyKeys { vm: self, dict: di };
            f(&mut host)
        };
        let d = self.temp(di);
        // SAFETY: the dict was rooted at `di` throughout and re-read.
        unsafe { self.barrier(d) };
        self.pop_temps(di);
        r.map_err(|e| self.raise_key_error(e))
    }

    /// `hash(v)` with user `__hash__` methods (for any value).
    pub fn py_hash_full(&mut self, v: Value) -> PyResult<i64> {
        match self.dispatch_kind(v, Name::Hash)? {
            Some(Kind::Instance | Kind::Exception) => self.user_hash(v),
            Some(Kind::Native) if let Some(h) = self.weak_ref_hash(v)? => Ok(h),
            Some(Kind::Tuple) if !self.key_is_plain(v) => {
                let vi = self.push_temp(v);
                let r = (|| {
                    let n = self.tuple_items(self.temp(vi)).len();
                    let mut hs = Vec::with_capacity(n);
                    for i in 0..n {
                        let x = self.tuple_items(self.temp(vi))[i];
                        hs.push(self.recurse_native(" while hashing", |vm| vm.py_hash_full(x))?);
                    }
                    Ok(hash_tuple(hs))
                })();
                self.pop_temps(vi);
                r
            }
            _ => {
                let r = self.keys().py_hash(v);
                r.map_err(|e| self.raise_key_error(e))
            }
        }
    }

    fn user_hash(&mut self, v: Value) -> PyResult<i64> {
        let class = self.class_of(v);
        let h = self.lookup_name(class, Name::Hash)?;
        // A subclass of int/float/complex that does not define `__hash__`
        // in Python hashes as its value.
        if let Some(inner) = self.boxed_number(v)
            && h.is_some_and(|h| !h.is_none() && self.kind_of(h) != Some(Kind::Function))
        {
            return self.hash_value(inner);
        }
        match h {
            Some(h) if h.is_none() => {
                let n = self.type_name(v);
                Err(self.type_error(&format!("unhashable type: '{n}'")))
            }
            Some(h) if self.kind_of(h) == Some(Kind::Function) => {
                let r = self.call_value(h, &[v])?;
                let n = if let Some(i) = r.as_int() {
                    i
                } else if let Some(b) = r.as_bool() {
                    b as i64
                } else if self.kind_of(r) == Some(Kind::BigInt) {
                    let b: BigInt = self.bigint(r).clone();
                    hash_int(&b)
                } else {
                    return Err(self.type_error("__hash__ method should return an integer"));
                };
                Ok(if n == -1 { -2 } else { n })
            }
            Some(h) if !matches!(self.kind_of(h), Some(Kind::Builtin)) => {
                let f = self.descr_get(h, v, class)?;
                let r = self.call_value(f, &[])?;
                match r.as_int() {
                    Some(i) => Ok(if i == -1 { -2 } else { i }),
                    None => Err(self.type_error("__hash__ method should return an integer")),
                }
            }
            _ => Ok(self.identity_hash(v)),
        }
    }

    /// `object.__hash__(v)`: by identity.
    pub fn identity_hash(&mut self, v: Value) -> i64 {
        let r = self.keys().py_hash(v);
        match (self.kind_of(v), r) {
            (Some(Kind::Instance | Kind::Exception), _) | (_, Err(_)) => {
                super::keys::identity_hash_of(&self.m, v)
            }
            (_, Ok(h)) => h,
        }
    }
}
