//! The iterator objects of the iteration builtins: `map`, `filter`,
//! `reversed` and `iter(callable, sentinel)`, and `reversed()` itself.

use pyvm_objmodel::Value;

use super::exception::PyResult;
use super::heap::Vm;
use super::layout::{Kind, ViewKind};
use super::types::TypeId;

fn int(i: i64) -> Value {
    Value::from_int(i).unwrap_or(Value::NONE)
}

impl Vm {
    /// `next()` of the iterator kinds of this file.
    pub fn iter_next_extra(&mut self, it: Value) -> PyResult<Option<Value>> {
        let ii = self.push_temp(it);
        let r = match self.kind_of(it) {
            Some(Kind::Map) => self.map_next(ii),
            Some(Kind::Filter) => self.filter_next(ii),
            Some(Kind::Reversed) => self.reversed_next(ii),
            Some(Kind::CallIter) => self.calliter_next(ii),
            _ => Ok(None),
        };
        self.pop_temps(ii);
        r
    }

    fn map_next(&mut self, ii: usize) -> PyResult<Option<Value>> {
        let n = self.tuple_items(self.field(self.temp(ii), 1)).len();
        let mark = self.temps_len();
        let f = self.field(self.temp(ii), 0);
        self.push_temp(f);
        for k in 0..n {
            let sub = self.tuple_items(self.field(self.temp(ii), 1))[k];
            match self.iter_next(sub)? {
                Some(x) => {
                    self.push_temp(x);
                }
                None => return Ok(None),
            }
        }
        let args: Vec<Value> = self.m.roots().temps[mark + 1..].to_vec();
        let f = self.temp(mark);
        self.call_value(f, &args).map(Some)
    }

    fn filter_next(&mut self, ii: usize) -> PyResult<Option<Value>> {
        loop {
            let sub = self.field(self.temp(ii), 1);
            let Some(x) = self.iter_next(sub)? else {
                return Ok(None);
            };
            let xi = self.push_temp(x);
            let f = self.field(self.temp(ii), 0);
            let keep = if f.is_none() {
                self.truthy(x)
            } else {
                self.call_value(f, &[x]).and_then(|r| self.truthy(r))
            };
            let x = self.temp(xi);
            self.pop_temps(xi);
            if keep? {
                return Ok(Some(x));
            }
        }
    }

    fn reversed_next(&mut self, ii: usize) -> PyResult<Option<Value>> {
        let it = self.temp(ii);
        let idx = self.field(it, 1).as_int().unwrap_or(-1);
        if idx < 0 {
            return Ok(None);
        }
        let seq = self.field(it, 0);
        let item = match self.kind_of(seq) {
            Some(Kind::List) => self.list_vec(seq).get(idx as usize).copied(),
            Some(Kind::Tuple) => self.tuple_items(seq).get(idx as usize).copied(),
            _ => match self.get_item(seq, int(idx)) {
                Ok(v) => Some(v),
                Err(e) => {
                    let ex = self.raised();
                    if self.exc_matches(ex, TypeId::IndexError)
                        || self.exc_matches(ex, TypeId::StopIteration)
                    {
                        self.take_raised();
                        None
                    } else {
                        return Err(e);
                    }
                }
            },
        };
        let it = self.temp(ii);
        match item {
            Some(v) => {
                self.set_field(it, 1, int(idx - 1));
                Ok(Some(v))
            }
            None => {
                self.set_field(it, 1, int(-1));
                Ok(None)
            }
        }
    }

    fn calliter_next(&mut self, ii: usize) -> PyResult<Option<Value>> {
        let f = self.field(self.temp(ii), 0);
        if f.is_empty() {
            return Ok(None);
        }
        let v = match self.call_value(f, &[]) {
            Ok(v) => v,
            Err(e) => {
                let ex = self.raised();
                if self.exc_matches(ex, TypeId::StopIteration) {
                    self.take_raised();
                    self.set_field(self.temp(ii), 0, Value::EMPTY);
                    return Ok(None);
                }
                return Err(e);
            }
        };
        let vi = self.push_temp(v);
        let sentinel = self.field(self.temp(ii), 1);
        let stop = self.eq_values(v, sentinel);
        let v = self.temp(vi);
        self.pop_temps(vi);
        if stop? {
            self.set_field(self.temp(ii), 0, Value::EMPTY);
            return Ok(None);
        }
        Ok(Some(v))
    }

    /// `reversed(seq)`.
    pub fn reversed_of(&mut self, v: Value) -> PyResult<Value> {
        let len = match self.dispatch_kind(v, super::names::Name::Reversed)? {
            Some(Kind::List) => self.list_vec(v).len() as i64,
            Some(Kind::Tuple | Kind::Str | Kind::Range) => self.len_of(v)? as i64,
            Some(Kind::Bytes | Kind::ByteArray) => self.len_of(v)? as i64,
            Some(Kind::Dict) => return self.new_dict_iter(v, ViewKind::Keys, true),
            Some(Kind::DictView) => return self.view_iter(v, true),
            // Native types (deque, array) define `__reversed__` in their
            // dict; a class may get it from its metaclass.
            Some(Kind::Instance | Kind::Native) | Some(Kind::Type)
                if !v.is_empty() && (self.kind_of(v) != Some(Kind::Type) || self.heap_meta(v)) =>
            {
                let vi = self.push_temp(v);
                let r = (|| {
                    let class = self.class_of(self.temp(vi));
                    if let Some(m) = self.lookup_type_attr(class, "__reversed__")? {
                        if m.is_none() {
                            return self.not_reversible(self.temp(vi)).map(Err);
                        }
                        return self.call_value(m, &[self.temp(vi)]).map(Ok);
                    }
                    let class = self.class_of(self.temp(vi));
                    let has_getitem = self.lookup_type_attr(class, "__getitem__")?.is_some();
                    let class = self.class_of(self.temp(vi));
                    if !has_getitem || self.lookup_type_attr(class, "__len__")?.is_none() {
                        return self.not_reversible(self.temp(vi)).map(Err);
                    }
                    self.len_of(self.temp(vi)).map(|n| Err(n as i64))
                })();
                let v = self.temp(vi);
                self.pop_temps(vi);
                match r? {
                    Ok(it) => return Ok(it),
                    Err(n) => {
                        let class = self.ty(TypeId::Reversed);
                        return self.alloc_record(Kind::Reversed, class, &[v, int(n - 1)], 0);
                    }
                }
            }
            _ => return self.not_reversible(v),
        };
        let class = self.ty(match self.kind_of(v) {
            Some(Kind::List) => TypeId::ListReverseIterator,
            Some(Kind::Range) => TypeId::RangeIterator,
            _ => TypeId::Reversed,
        });
        self.alloc_record(Kind::Reversed, class, &[v, int(len - 1)], 0)
    }

    /// `item in it` for an iterator: consumes it up to the first equal item.
    pub fn iter_contains(&mut self, it: Value, item: Value) -> PyResult<bool> {
        let mark = self.temps_len();
        self.push_temp(it);
        self.push_temp(item);
        let r = (|| {
            while let Some(x) = self.iter_next(self.temp(mark))? {
                if self.eq_values(x, self.temp(mark + 1))? {
                    return Ok(true);
                }
            }
            Ok(false)
        })();
        self.pop_temps(mark);
        r
    }

    /// `range[slice]`: a range.
    pub fn range_slice(&mut self, r: Value, s: Value) -> PyResult<Value> {
        if !self.range_is_small(r) {
            return self.range_big_slice(r, s);
        }
        let ri = self.push_temp(r);
        let n = self.range_len(r) as usize;
        let idx = self.slice_indices(s, n);
        let r = self.temp(ri);
        self.pop_temps(ri);
        let (start, stop, step, _) = idx?;
        let (rs, _, rstep) = self.range_parts(r);
        let class = self.ty(TypeId::Range);
        let f = [rs + start * rstep, rs + stop * rstep, rstep * step].map(int);
        self.alloc_record(Kind::Range, class, &f, 0)
    }

    /// `item in seq` by iterating `seq` (a fresh iterator).
    pub fn iter_contains_seq(&mut self, seq: Value, item: Value) -> PyResult<bool> {
        let ii = self.push_temp(item);
        let it = self.get_iter(seq);
        let item = self.temp(ii);
        self.pop_temps(ii);
        self.iter_contains(it?, item)
    }

    fn not_reversible<T>(&mut self, v: Value) -> PyResult<T> {
        let t = self.type_name(v);
        Err(self.type_error(&format!("'{t}' object is not reversible")))
    }
}
