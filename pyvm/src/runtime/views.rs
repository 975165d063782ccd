//! Dict views (`keys()`, `values()`, `items()`), dict iterators in their
//! three modes and both directions, and the dict operations shared by
//! methods and operators: copy, update from any mapping or iterable of
//! pairs, and equality.

use pyvm_objmodel::{Dict, DictIter, Value};

use super::exception::PyResult;
use super::heap::Vm;
use super::layout::{Kind, ViewKind};
use super::types::TypeId;

impl ViewKind {
    fn from_value(v: Value) -> ViewKind {
        match v.as_int() {
            Some(1) => ViewKind::Values,
            Some(2) => ViewKind::Items,
            _ => ViewKind::Keys,
        }
    }
    fn value(self) -> Value {
        Value::from_int(self as i64).unwrap_or(Value::NONE)
    }
}

impl Vm {
    /// A view of dict `d`.
    pub fn new_dict_view(&mut self, d: Value, which: ViewKind) -> PyResult<Value> {
        let class = self.ty(match which {
            ViewKind::Keys => TypeId::DictKeys,
            ViewKind::Values => TypeId::DictValues,
            ViewKind::Items => TypeId::DictItems,
        });
        self.alloc_record(Kind::DictView, class, &[d, which.value()], 0)
    }

    /// Which view a dict view is.
    pub fn view_kind(&self, v: Value) -> ViewKind {
        ViewKind::from_value(self.field(v, 1))
    }

    /// An iterator over dict (or set) `d` producing `which`, newest first
    /// when `reverse`.
    pub fn new_dict_iter(&mut self, d: Value, which: ViewKind, reverse: bool) -> PyResult<Value> {
        if self.is_anyset(d) {
            self.set_canonicalize(d);
        }
        let state = if reverse {
            self.dict_mut(d).iter_rev_start()
        } else {
            self.dict_mut(d).iter_start()
        };
        let tid = match (self.kind_of(d), which, reverse) {
            (Some(Kind::Set | Kind::FrozenSet), _, _) => TypeId::SetIterator,
            (_, ViewKind::Keys, false) => TypeId::DictKeyIterator,
            (_, ViewKind::Keys, true) => TypeId::DictReverseKeyIterator,
            (_, ViewKind::Values, _) => TypeId::DictValueIterator,
            (_, ViewKind::Items, _) => TypeId::DictItemIterator,
        };
        let it = Box::into_raw(Box::new(state));
        let class = self.ty(tid);
        let r = self.alloc_record(Kind::DictKeyIter, class, &[d, which.value()], it as u64);
        if r.is_err() {
            // SAFETY: the box was not handed to any object.
            drop(unsafe { Box::from_raw(it) });
        }
        r
    }

    /// The next item of a dict iterator (`Kind::DictKeyIter`).
    pub fn dict_iter_next(&mut self, it: Value) -> PyResult<Option<Value>> {
        let d = self.field(it, 0);
        let which = if self.len_word(it) > 1 {
            ViewKind::from_value(self.field(it, 1))
        } else {
            ViewKind::Keys
        };
        let p = self.len_word(it);
        let raw = {
            let w = it.heap_addr().unwrap_or(0) as *mut u64;
            // SAFETY: a dict iterator's off-heap word (after its fields) is
            // a live `Box<DictIter>`.
            unsafe { *w.add(1 + 2 + p) as *mut DictIter }
        };
        // SAFETY: see above; no other borrow of the iterator exists.
        let state = unsafe { &mut *raw };
        match state.next(self.dict_mut(d), &self.keys()) {
            Ok(Some((k, v))) => match which {
                ViewKind::Keys => Ok(Some(k)),
                ViewKind::Values => Ok(Some(v)),
                ViewKind::Items => self.new_tuple(&[k, v]).map(Some),
            },
            Ok(None) => Ok(None),
            Err(pyvm_objmodel::IterError::ChangedSize) => {
                let what = if matches!(self.kind_of(d), Some(Kind::Set | Kind::FrozenSet)) {
                    "Set"
                } else {
                    "dictionary"
                };
                Err(self.raise_msg(
                    TypeId::RuntimeError,
                    &format!("{what} changed size during iteration"),
                ))
            }
            Err(_) => Err(self.raise_msg(
                TypeId::RuntimeError,
                "dictionary keys changed during iteration",
            )),
        }
    }

    /// `iter(view)` / `reversed(view)`.
    pub fn view_iter(&mut self, v: Value, reverse: bool) -> PyResult<Value> {
        let which = self.view_kind(v);
        let d = self.field(v, 0);
        self.new_dict_iter(d, which, reverse)
    }

    /// `len(view)`.
    pub fn view_len(&self, v: Value) -> usize {
        self.dict_mut(self.field(v, 0)).len()
    }

    /// `x in view`.
    pub fn view_contains(&mut self, v: Value, x: Value) -> PyResult<bool> {
        let d = self.field(v, 0);
        match self.view_kind(v) {
            ViewKind::Keys => Ok(self.dict_get(d, x)?.is_some()),
            ViewKind::Items => {
                if self.kind_of(x) != Some(Kind::Tuple) || self.tuple_items(x).len() != 2 {
                    return Ok(false);
                }
                let xi = self.push_temp(x);
                let r = (|| {
                    let k = self.tuple_items(self.temp(xi))[0];
                    match self.dict_get(d, k)? {
                        Some(found) => {
                            let want = self.tuple_items(self.temp(xi))[1];
                            self.eq_values(found, want)
                        }
                        None => Ok(false),
                    }
                })();
                self.pop_temps(xi);
                r
            }
            ViewKind::Values => {
                let mark = self.temps_len();
                self.push_temp(x);
                let vals: Vec<Value> = self.dict_mut(d).items(&self.keys()).map(|p| p.1).collect();
                let n = vals.len();
                self.roots().temps.extend_from_slice(&vals);
                let r = (|| {
                    for i in 0..n {
                        if self.eq_values(self.temp(mark + 1 + i), self.temp(mark))? {
                            return Ok(true);
                        }
                    }
                    Ok(false)
                })();
                self.pop_temps(mark);
                r
            }
        }
    }

    /// `repr(view)`: `dict_keys([...])`.
    pub fn view_repr(&mut self, v: Value) -> PyResult<String> {
        let name = self.type_name(v);
        let vi = self.push_temp(v);
        let r = (|| {
            let items = self.collect_iterable(self.temp(vi))?;
            let l = self.new_list(&items)?;
            self.repr_string(l)
        })();
        self.pop_temps(vi);
        Ok(format!("{name}({})", r?))
    }

    /// A shallow copy of dict `d` (a plain `dict`).
    pub fn dict_copy(&mut self, d: Value) -> PyResult<Value> {
        let di = self.push_temp(d);
        let r = self.new_dict();
        let d = self.temp(di);
        self.pop_temps(di);
        let r = r?;
        let copy: Dict = self.dict_mut(d).clone();
        *self.dict_mut(r) = copy;
        // SAFETY: `r` was just allocated (live).
        unsafe { self.barrier(r) };
        Ok(r)
    }

    /// `d.update(src)`: from a dict, an object with `keys()`, or an
    /// iterable of pairs (CPython's messages for bad elements).
    pub fn dict_merge_from(&mut self, d: Value, src: Value) -> PyResult<()> {
        let mark = self.temps_len();
        self.push_temp(d);
        self.push_temp(src);
        let r = (|| {
            if self.dispatch_kind(self.temp(mark + 1), super::names::Name::Iter)?
                == Some(Kind::Dict)
            {
                let items: Vec<(Value, Value)> = self
                    .dict_mut(self.temp(mark + 1))
                    .items(&self.keys())
                    .collect();
                let base = self.temps_len();
                for (k, v) in &items {
                    self.push_temp(*k);
                    self.push_temp(*v);
                }
                for i in 0..items.len() {
                    let (k, v) = (self.temp(base + 2 * i), self.temp(base + 2 * i + 1));
                    self.dict_set(self.temp(mark), k, v)?;
                }
                return Ok(());
            }
            if self.kind_of(self.temp(mark + 1)) == Some(Kind::Instance)
                || self.builtin_sub(self.temp(mark + 1))
                || self.kind_of(self.temp(mark + 1)) == Some(Kind::Native)
            {
                let class = self.class_of(self.temp(mark + 1));
                if self.lookup_type_attr(class, "keys")?.is_some() {
                    let key = self.new_str("keys")?;
                    let m = self.get_attr(self.temp(mark + 1), key)?;
                    let keys = self.call_value(m, &[])?;
                    let base = self.temps_len();
                    let n = self.push_elems(keys)?;
                    for i in 0..n {
                        let v = self.get_item(self.temp(mark + 1), self.temp(base + i))?;
                        self.dict_set(self.temp(mark), self.temp(base + i), v)?;
                    }
                    return Ok(());
                }
            }
            let it = match self.get_iter(self.temp(mark + 1)) {
                Ok(it) => it,
                Err(e) => {
                    let ex = self.raised();
                    if self.exc_matches(ex, TypeId::TypeError) {
                        self.take_raised();
                        let t = self.type_name(self.temp(mark + 1));
                        return Err(self.type_error(&format!("'{t}' object is not iterable")));
                    }
                    return Err(e);
                }
            };
            let ii = self.push_temp(it);
            let mut n = 0usize;
            while let Some(x) = self.iter_next(self.temp(ii))? {
                let xi = self.push_temp(x);
                if !self.iterable_kind(x) {
                    return Err(self.type_error(&format!(
                        "cannot convert dictionary update sequence element #{n} to a sequence"
                    )));
                }
                let items = self.collect_iterable(self.temp(xi))?;
                if items.len() != 2 {
                    return Err(self.raise_msg(
                        TypeId::ValueError,
                        &format!(
                            "dictionary update sequence element #{n} has length {}; 2 is required",
                            items.len()
                        ),
                    ));
                }
                self.dict_set(self.temp(mark), items[0], items[1])?;
                self.pop_temps(xi);
                n += 1;
            }
            Ok(())
        })();
        self.pop_temps(mark);
        r
    }

    /// `a == b` for two dicts: same keys, equal values.
    pub fn dict_equal(&mut self, a: Value, b: Value) -> PyResult<bool> {
        if self.dict_mut(a).len() != self.dict_mut(b).len() {
            return Ok(false);
        }
        let mark = self.temps_len();
        self.push_temp(b);
        let items: Vec<(Value, Value)> = self.dict_mut(a).items(&self.keys()).collect();
        for (k, v) in &items {
            self.push_temp(*k);
            self.push_temp(*v);
        }
        let r = self.recurse_native(" in comparison", |vm| {
            for i in 0..items.len() {
                let k = vm.temp(mark + 1 + 2 * i);
                let Some(other) = vm.dict_get(vm.temp(mark), k)? else {
                    return Ok(false);
                };
                let mine = vm.temp(mark + 2 + 2 * i);
                if !vm.eq_values(mine, other)? {
                    return Ok(false);
                }
            }
            Ok(true)
        });
        self.pop_temps(mark);
        r
    }

    /// `range == range`: equal as sequences.
    pub fn range_equal(&mut self, a: Value, b: Value) -> PyResult<bool> {
        if !self.range_is_small(a) || !self.range_is_small(b) {
            return Ok(self.range_big_equal(a, b));
        }
        let (la, lb) = (self.range_len(a), self.range_len(b));
        if la != lb {
            return Ok(false);
        }
        if la == 0 {
            return Ok(true);
        }
        let ((sa, _, ta), (sb, _, tb)) = (self.range_parts(a), self.range_parts(b));
        Ok(sa == sb && (la == 1 || ta == tb))
    }

    /// A mapping (an object whose class has `keys`) copied into a new
    /// dict; `None` if `src` is not a mapping.
    pub fn mapping_to_dict(&mut self, src: Value) -> PyResult<Option<Value>> {
        let class = self.class_of(src);
        if !matches!(self.kind_of(src), Some(Kind::Instance | Kind::Native)) {
            return Ok(None);
        }
        let si = self.push_temp(src);
        let r = (|| {
            if self.lookup_type_attr(class, "keys")?.is_none() {
                return Ok(None);
            }
            let d = self.new_dict()?;
            let di = self.push_temp(d);
            self.dict_merge_from(d, self.temp(si))?;
            Ok(Some(self.temp(di)))
        })();
        self.pop_temps(si);
        r
    }
}
