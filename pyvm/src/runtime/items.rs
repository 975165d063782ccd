//! Item access, length, unpacking and iteration of the builtin containers.

use pyvm_objmodel::Value;

use super::exception::PyResult;
use super::heap::Vm;
use super::layout::Kind;
use super::types::TypeId;

/// Byte length of the generalized UTF-8 sequence starting with `lead`.
pub fn utf8_len(lead: u8) -> usize {
    match lead {
        0..=0x7f => 1,
        0x80..=0xdf => 2,
        0xe0..=0xef => 3,
        _ => 4,
    }
}

impl Vm {
    /// Normalizes a Python index against `len` (negative from the end).
    fn seq_index(&mut self, key: Value, len: usize, what: &str) -> PyResult<usize> {
        let Some(i) = self.index_value(key) else {
            let n = self.type_name(key);
            // CPython 3.11's str subscript has its own wording.
            if what == "string" {
                return Err(self.type_error(&format!("string indices must be integers, not '{n}'")));
            }
            let what = what.strip_suffix(" assignment").unwrap_or(what);
            return Err(self.type_error(&format!(
                "{what} indices must be integers or slices, not {n}"
            )));
        };
        if self.kind_of(key) == Some(Kind::BigInt)
            && num_traits::ToPrimitive::to_i64(self.bigint(key)).is_none()
        {
            return Err(self.raise_msg(
                TypeId::IndexError,
                "cannot fit 'int' into an index-sized integer",
            ));
        }
        let j = if i < 0 { i + len as i64 } else { i };
        if j < 0 || j >= len as i64 {
            return Err(self.raise_msg(TypeId::IndexError, &format!("{what} index out of range")));
        }
        Ok(j as usize)
    }

    /// Byte range of code point `i` of a str.
    fn str_char_range(&self, s: Value, i: usize) -> (usize, usize) {
        let b = self.str_bytes(s);
        if b.len() == self.str_chars(s) {
            return (i, i + 1);
        }
        let mut pos = 0;
        for _ in 0..i {
            pos += utf8_len(b[pos]);
        }
        (pos, pos + utf8_len(b[pos]))
    }

    /// The indices a slice selects from a sequence of `len` items, as
    /// CPython's `slice.indices(len)`: `(start, stop, step, count)`.
    pub fn slice_indices(&mut self, s: Value, len: usize) -> PyResult<(i64, i64, i64, usize)> {
        let len = len as i64;
        let part = |vm: &mut Vm, v: Value| -> PyResult<Option<i64>> {
            if v.is_none() {
                return Ok(None);
            }
            match vm.index_value(v) {
                Some(i) => Ok(Some(i)),
                None => Err(vm.type_error(
                    "slice indices must be integers or None or have an __index__ method",
                )),
            }
        };
        let step = part(self, self.field(s, 2))?.unwrap_or(1);
        if step == 0 {
            return Err(self.raise_msg(TypeId::ValueError, "slice step cannot be zero"));
        }
        // As CPython, a step below -sys.maxsize is -sys.maxsize (so `-step` fits).
        let step = step.max(-i64::MAX);
        let (lo, hi) = if step < 0 { (-1, len - 1) } else { (0, len) };
        let clamp = |i: Option<i64>, default: i64| match i {
            None => default,
            Some(i) if i < 0 => (i + len).max(lo),
            Some(i) => i.min(hi),
        };
        let start = clamp(
            part(self, self.field(s, 0))?,
            if step < 0 { hi } else { lo },
        );
        let stop = clamp(
            part(self, self.field(s, 1))?,
            if step < 0 { lo } else { hi },
        );
        let count = if step > 0 && start < stop {
            ((stop - start - 1) / step + 1) as usize
        } else if step < 0 && start > stop {
            ((start - stop - 1) / (-step) + 1) as usize
        } else {
            0
        };
        Ok((start, stop, step, count))
    }

    fn get_slice(&mut self, obj: Value, s: Value) -> PyResult<Value> {
        let pick = |start: i64, step: i64, count: usize| {
            (0..count).map(move |k| (start + step * k as i64) as usize)
        };
        match self.kind_of(obj) {
            Some(Kind::List) | Some(Kind::Tuple) => {
                let is_list = self.kind_of(obj) == Some(Kind::List);
                let n = if is_list {
                    self.list_vec(obj).len()
                } else {
                    self.tuple_items(obj).len()
                };
                let oi = self.push_temp(obj);
                let idx = self.slice_indices(s, n);
                let obj = self.temp(oi);
                self.pop_temps(oi);
                let (start, _, step, count) = idx?;
                let items: Vec<Value> = if is_list {
                    let v = self.list_vec(obj);
                    pick(start, step, count).map(|i| v[i]).collect()
                } else {
                    let v = self.tuple_items(obj);
                    pick(start, step, count).map(|i| v[i]).collect()
                };
                if is_list {
                    self.new_list(&items)
                } else {
                    self.new_tuple(&items)
                }
            }
            Some(Kind::Str) => {
                let n = self.str_chars(obj);
                let oi = self.push_temp(obj);
                let idx = self.slice_indices(s, n);
                let obj = self.temp(oi);
                self.pop_temps(oi);
                let (start, _, step, count) = idx?;
                let b = self.str_bytes(obj);
                // Byte offsets of each code point (ASCII: the identity).
                let offsets: Vec<usize> = if b.len() == n {
                    (0..=n).collect()
                } else {
                    let mut o = Vec::with_capacity(n + 1);
                    let mut p = 0;
                    while p < b.len() {
                        o.push(p);
                        p += utf8_len(b[p]);
                    }
                    o.push(b.len());
                    o
                };
                let mut out = Vec::new();
                for i in pick(start, step, count) {
                    out.extend_from_slice(&b[offsets[i]..offsets[i + 1]]);
                }
                self.alloc_str_bytes(&out, count)
            }
            _ => {
                let n = self.type_name(obj);
                Err(self.type_error(&format!("'{n}' object is not subscriptable")))
            }
        }
    }

    /// Whether `obj[key]` on a builtin sequence needs `key.__index__()`
    /// (an instance, or a slice holding one) before the pure index paths.
    fn needs_index_conversion(&self, obj: Value, key: Value) -> bool {
        // Subclasses may define their own `__getitem__`, which must get the
        // key as it is. (So an `__index__` key on an instance of a builtin
        // subclass without overrides is not converted yet.)
        if let Some(t) = self.kind_of(obj).and_then(super::subclass::exact_type)
            && self.class_of(obj) != self.ty(t)
        {
            return false;
        }
        if !matches!(
            self.kind_of(obj),
            Some(
                Kind::List
                    | Kind::Tuple
                    | Kind::Str
                    | Kind::Range
                    | Kind::Bytes
                    | Kind::ByteArray
                    | Kind::MemoryView
            )
        ) {
            return false;
        }
        match self.kind_of(key) {
            Some(Kind::Instance) => true,
            // A class whose metaclass may define `__index__`.
            Some(Kind::Type) => self.heap_meta(key),
            Some(Kind::Slice) => {
                (0..3).any(|i| self.kind_of(self.field(key, i)) == Some(Kind::Instance))
            }
            _ => false,
        }
    }

    /// `key` with `__index__` applied (to it, or to each part of a slice);
    /// keys without `__index__` are returned as they are, for the item
    /// paths to reject with their own messages.
    fn convert_index_key(&mut self, key: Value) -> PyResult<Value> {
        let ki = self.push_temp(key);
        let r = (|| {
            if self.kind_of(self.temp(ki)) != Some(Kind::Slice) {
                return Ok(match self.try_index(self.temp(ki))? {
                    Some(i) => self.new_int(i)?,
                    None => self.temp(ki),
                });
            }
            let mark = self.temps_len();
            for p in 0..3 {
                let part = self.field(self.temp(ki), p);
                let v = if self.kind_of(part) == Some(Kind::Instance) {
                    match self.try_index(part)? {
                        Some(i) => self.new_int(i)?,
                        None => {
                            return Err(self.type_error(
                                "slice indices must be integers or None or have an __index__ method",
                            ));
                        }
                    }
                } else {
                    part
                };
                self.push_temp(v);
            }
            let parts = self.m.roots().temps[mark..mark + 3].to_vec();
            let class = self.ty(TypeId::Slice);
            self.alloc_record(Kind::Slice, class, &parts, 0)
        })();
        self.pop_temps(ki);
        r
    }

    /// `obj[key]`.
    pub fn get_item(&mut self, obj: Value, key: Value) -> PyResult<Value> {
        if self.needs_index_conversion(obj, key) {
            let oi = self.push_temp(obj);
            let k = self.convert_index_key(key);
            let obj = self.temp(oi);
            self.pop_temps(oi);
            return self.get_item_inner(obj, k?);
        }
        self.get_item_inner(obj, key)
    }

    fn get_item_inner(&mut self, obj: Value, key: Value) -> PyResult<Value> {
        let kind = self.dispatch_kind(obj, super::names::Name::Getitem)?;
        if self.kind_of(key) == Some(Kind::Slice)
            && matches!(kind, Some(Kind::List | Kind::Tuple | Kind::Str))
        {
            return self.get_slice(obj, key);
        }
        match kind {
            Some(Kind::List) => {
                let n = self.list_vec(obj).len();
                let i = self.seq_index(key, n, "list")?;
                Ok(self.list_vec(obj)[i])
            }
            Some(Kind::Tuple) => {
                let n = self.tuple_items(obj).len();
                let i = self.seq_index(key, n, "tuple")?;
                Ok(self.tuple_items(obj)[i])
            }
            Some(Kind::Str) => {
                let n = self.str_chars(obj);
                let i = self.seq_index(key, n, "string")?;
                let (a, b) = self.str_char_range(obj, i);
                let bytes = self.str_bytes(obj)[a..b].to_vec();
                self.alloc_str_bytes(&bytes, 1)
            }
            Some(Kind::Range) if self.kind_of(key) == Some(Kind::Slice) => {
                self.range_slice(obj, key)
            }
            Some(Kind::Range) if self.index_value(key).is_none() => {
                let t = self.type_name(key);
                Err(self.type_error(&format!(
                    "range indices must be integers or slices, not {t}"
                )))
            }
            Some(Kind::Range) if !self.range_is_small(obj) || !key.is_int() => {
                self.range_big_getitem(obj, key)
            }
            Some(Kind::Range) => {
                let n = self.range_len(obj) as usize;
                let i = self.seq_index(key, n, "range object")?;
                let (start, _, step) = self.range_parts(obj);
                self.new_i64(start + step * i as i64)
            }
            Some(Kind::Dict) => match self.dict_get(obj, key)? {
                Some(v) => Ok(v),
                None if self.class_of(obj) != self.ty(TypeId::Dict) => {
                    let ki = self.push_temp(key);
                    let r = self.dict_missing(obj, key);
                    let key = self.temp(ki);
                    self.pop_temps(ki);
                    match r? {
                        Some(v) => Ok(v),
                        None => Err(self.raise_args(TypeId::KeyError, &[key])),
                    }
                }
                None => Err(self.raise_args(TypeId::KeyError, &[key])),
            },
            Some(Kind::Native) => {
                let oi = self.push_temp(obj);
                let r = self.native_getitem(obj, key);
                let obj = self.temp(oi);
                self.pop_temps(oi);
                match r? {
                    Some(v) => Ok(v),
                    None => self.not_subscriptable(obj),
                }
            }
            Some(Kind::Bytes | Kind::ByteArray | Kind::MemoryView) => self.bytes_get_item(obj, key),
            Some(Kind::Instance | Kind::Exception) => self.special_item(obj, key, None),
            Some(Kind::Type) => self.type_getitem(obj, key),
            _ => self.not_subscriptable(obj),
        }
    }

    fn not_subscriptable(&mut self, obj: Value) -> PyResult<Value> {
        let n = self.type_name(obj);
        Err(self.type_error(&format!("'{n}' object is not subscriptable")))
    }

    /// `obj[key] = value`.
    pub fn set_item(&mut self, obj: Value, key: Value, value: Value) -> PyResult<()> {
        if self.needs_index_conversion(obj, key) {
            let mark = self.temps_len();
            self.push_temp(obj);
            self.push_temp(value);
            let k = self.convert_index_key(key);
            let (obj, value) = (self.temp(mark), self.temp(mark + 1));
            self.pop_temps(mark);
            return self.set_item_inner(obj, k?, value);
        }
        self.set_item_inner(obj, key, value)
    }

    fn set_item_inner(&mut self, obj: Value, key: Value, value: Value) -> PyResult<()> {
        match self.dispatch_kind(obj, super::names::Name::Setitem)? {
            Some(Kind::List) if self.kind_of(key) == Some(Kind::Slice) => {
                self.list_set_slice(obj, key, value)
            }
            Some(Kind::List) => {
                let n = self.list_vec(obj).len();
                let i = self.seq_index(key, n, "list assignment")?;
                self.list_vec(obj)[i] = value;
                // SAFETY: `obj` is the caller's live list (no allocation since).
                unsafe { self.barrier(obj) };
                Ok(())
            }
            Some(Kind::Dict) => self.dict_set(obj, key, value),
            Some(Kind::Native) => {
                let oi = self.push_temp(obj);
                let r = self.native_setitem(obj, key, value);
                let obj = self.temp(oi);
                self.pop_temps(oi);
                if r? {
                    return Ok(());
                }
                let n = self.type_name(obj);
                Err(self.type_error(&format!("'{n}' object does not support item assignment")))
            }
            Some(Kind::ByteArray | Kind::MemoryView) => self.bytes_set_item(obj, key, value),
            Some(Kind::Instance | Kind::Exception | Kind::Type) => {
                self.special_item(obj, key, Some(value)).map(|_| ())
            }
            _ => {
                let n = self.type_name(obj);
                Err(self.type_error(&format!("'{n}' object does not support item assignment")))
            }
        }
    }

    /// `del obj[key]`.
    pub fn del_item(&mut self, obj: Value, key: Value) -> PyResult<()> {
        if self.needs_index_conversion(obj, key) {
            let oi = self.push_temp(obj);
            let k = self.convert_index_key(key);
            let obj = self.temp(oi);
            self.pop_temps(oi);
            return self.del_item_inner(obj, k?);
        }
        self.del_item_inner(obj, key)
    }

    fn del_item_inner(&mut self, obj: Value, key: Value) -> PyResult<()> {
        match self.dispatch_kind(obj, super::names::Name::Delitem)? {
            Some(Kind::MemoryView) => {
                self.view_check(obj)?;
                let msg = if self.view_readonly(obj) {
                    "cannot modify read-only memory"
                } else {
                    "cannot delete memory"
                };
                Err(self.type_error(msg))
            }
            Some(Kind::List) if self.kind_of(key) == Some(Kind::Slice) => {
                self.list_del_slice(obj, key)
            }
            Some(Kind::List) => {
                let n = self.list_vec(obj).len();
                let i = self.seq_index(key, n, "list assignment")?;
                self.list_vec(obj).remove(i);
                Ok(())
            }
            Some(Kind::Dict) => {
                if self.dict_del(obj, key)? {
                    Ok(())
                } else {
                    Err(self.raise_args(TypeId::KeyError, &[key]))
                }
            }
            Some(Kind::ByteArray) => self.bytes_del_item(obj, key),
            Some(Kind::Instance | Kind::Exception | Kind::Type) => {
                self.special_item(obj, key, Some(Value::EMPTY)).map(|_| ())
            }
            Some(Kind::Native) if self.native_delitem(obj, key)? => Ok(()),
            _ => {
                let n = self.type_name(obj);
                Err(self.type_error(&format!("'{n}' object doesn't support item deletion")))
            }
        }
    }

    /// `list.extend(src)` (src any iterable).
    pub fn list_extend(&mut self, list: Value, src: Value) -> PyResult<()> {
        let mark = self.temps_len();
        self.push_temp(list);
        let r = (|| {
            let items = self.collect_iterable(src)?;
            let list = self.temp(mark);
            self.list_vec(list).extend(items);
            // SAFETY: `list` was just read from a root.
            unsafe { self.barrier(list) };
            Ok(())
        })();
        self.pop_temps(mark);
        r
    }

    /// All items of an iterable, in order. The returned values are rooted
    /// on the temps until the caller stores them: the caller must use them
    /// before allocating (they are copied into a container at once).
    pub fn collect_iterable(&mut self, src: Value) -> PyResult<Vec<Value>> {
        match self.dispatch_kind(src, super::names::Name::Iter)? {
            Some(Kind::List) => return Ok(self.list_vec(src).clone()),
            Some(Kind::Tuple) => return Ok(self.tuple_items(src).to_vec()),
            _ => {}
        }
        let mark = self.temps_len();
        let r = (|| {
            let it = self.get_iter(src)?;
            let ii = self.push_temp(it);
            while let Some(v) = self.iter_next(self.temp(ii))? {
                self.push_temp(v);
            }
            Ok(self.m.roots().temps[ii + 1..].to_vec())
        })();
        self.pop_temps(mark);
        r
    }

    /// Unpacks exactly `n` items.
    pub fn unpack(&mut self, mut src: Value, n: usize) -> PyResult<Vec<Value>> {
        let mut iterable = self.iterable_kind(src);
        if !iterable && matches!(self.kind_of(src), Some(Kind::Type | Kind::Exception)) {
            // A metaclass (EnumType) or an exception class may define
            // `__iter__`.
            let si = self.push_temp(src);
            let class = self.class_of(src);
            let found = self.lookup_type_attr(class, "__iter__");
            src = self.temp(si);
            self.pop_temps(si);
            iterable = found?.is_some();
        }
        if iterable && self.kind_of(src) == Some(Kind::Instance) {
            // An instance without `__iter__` or `__getitem__` (a dataclass).
            let si = self.push_temp(src);
            let class = self.class_of(src);
            let found = match self.lookup_type_attr(class, "__iter__") {
                Ok(None) => {
                    let class = self.class_of(self.temp(si));
                    self.lookup_type_attr(class, "__getitem__")
                }
                r => r,
            };
            src = self.temp(si);
            self.pop_temps(si);
            iterable = found?.is_some();
        }
        if !iterable {
            let t = self.type_name(src);
            return Err(self.type_error(&format!("cannot unpack non-iterable {t} object")));
        }
        let items = if matches!(self.kind_of(src), Some(Kind::List | Kind::Tuple)) {
            self.collect_iterable(src)?
        } else {
            // Iterators are consumed lazily: at most one item past `n`.
            let mark = self.temps_len();
            let r = (|| {
                let it = self.get_iter(src)?;
                let ii = self.push_temp(it);
                for _ in 0..=n {
                    match self.iter_next(self.temp(ii))? {
                        Some(v) => {
                            self.push_temp(v);
                        }
                        None => break,
                    }
                }
                Ok(self.m.roots().temps[ii + 1..].to_vec())
            })();
            self.pop_temps(mark);
            r?
        };
        if items.len() < n {
            return Err(self.raise_msg(
                TypeId::ValueError,
                &format!(
                    "not enough values to unpack (expected {n}, got {})",
                    items.len()
                ),
            ));
        }
        if items.len() > n {
            return Err(self.raise_msg(
                TypeId::ValueError,
                &format!("too many values to unpack (expected {n})"),
            ));
        }
        Ok(items)
    }

    /// `len(v)`.
    pub fn len_of(&mut self, v: Value) -> PyResult<usize> {
        Ok(match self.dispatch_kind(v, super::names::Name::Len)? {
            Some(Kind::Str) => self.str_chars(v),
            Some(Kind::Tuple) => self.tuple_items(v).len(),
            Some(Kind::List) => self.list_vec(v).len(),
            Some(Kind::Dict | Kind::Set | Kind::FrozenSet) => self.dict_mut(v).len(),
            Some(Kind::DictView) => self.view_len(v),
            Some(Kind::Range) => self.range_len_checked(v)?,
            Some(Kind::Native) => match self.native_len(v)? {
                Some(n) => n,
                None => return self.no_len(v),
            },
            Some(Kind::Bytes | Kind::ByteArray | Kind::MemoryView) => self.bytes_len(v),
            Some(Kind::Instance | Kind::Exception | Kind::Type) => {
                let vi = self.push_temp(v);
                let r = self.call_dunder0(v, "__len__");
                let v = self.temp(vi);
                self.pop_temps(vi);
                if let Some(r) = r? {
                    if self.kind_of(r) == Some(Kind::BigInt)
                        && self.index_value(r) == Some(i64::MAX)
                    {
                        return Err(self.raise_msg(
                            TypeId::OverflowError,
                            "cannot fit 'int' into an index-sized integer",
                        ));
                    }
                    match self.index_value(r) {
                        Some(n) if n >= 0 => return Ok(n as usize),
                        Some(_) => {
                            return Err(
                                self.raise_msg(TypeId::ValueError, "__len__() should return >= 0")
                            );
                        }
                        None => {
                            let n = self.type_name(r);
                            return Err(self.type_error(&format!(
                                "'{n}' object cannot be interpreted as an integer"
                            )));
                        }
                    }
                }
                return self.no_len(v);
            }
            _ => return self.no_len(v),
        })
    }

    fn no_len(&mut self, v: Value) -> PyResult<usize> {
        let n = self.type_name(v);
        Err(self.type_error(&format!("object of type '{n}' has no len()")))
    }

    /// `iter(v)`.
    pub fn get_iter(&mut self, v: Value) -> PyResult<Value> {
        match self.dispatch_kind(v, super::names::Name::Iter)? {
            Some(Kind::Bytes | Kind::ByteArray | Kind::MemoryView) => {
                let class = self.ty(TypeId::Iterator);
                self.alloc_record(
                    Kind::SeqIter,
                    class,
                    &[v, Value::from_int(0).unwrap_or(Value::NONE)],
                    0,
                )
            }
            Some(k @ (Kind::List | Kind::Tuple | Kind::Str | Kind::Range)) => {
                let class = self.ty(match k {
                    Kind::List => TypeId::ListIterator,
                    Kind::Tuple => TypeId::TupleIterator,
                    Kind::Range => TypeId::RangeIterator,
                    _ if self.str_bytes(v).len() == self.str_chars(v) => TypeId::StrAsciiIterator,
                    _ => TypeId::StrIterator,
                });
                self.alloc_record(
                    Kind::SeqIter,
                    class,
                    &[v, Value::from_int(0).unwrap_or(Value::NONE)],
                    0,
                )
            }
            Some(Kind::Dict | Kind::Set | Kind::FrozenSet) => {
                self.new_dict_iter(v, super::layout::ViewKind::Keys, false)
            }
            Some(Kind::DictView) => self.view_iter(v, false),
            Some(Kind::Map | Kind::Filter | Kind::Reversed | Kind::CallIter) => Ok(v),
            // Coroutines and async generators are not iterable.
            Some(Kind::Generator) if self.class_of(v) != self.ty(TypeId::Generator) => {
                self.not_iterable(v)
            }
            Some(
                Kind::SeqIter | Kind::DictKeyIter | Kind::Generator | Kind::Enumerate | Kind::Zip,
            ) => Ok(v),
            Some(Kind::Native) => self.native_iter(v),
            Some(Kind::Io) => crate::runtime::modules::io::io_iter(self, v),
            Some(Kind::Instance | Kind::Exception | Kind::Type) => {
                let vi = self.push_temp(v);
                let r = self.call_dunder0(v, "__iter__");
                // `__iter__ = None` blocks the `__getitem__` fallback.
                let blocked = r.as_ref().is_ok_and(|r| r.is_none())
                    && self.kind_of(self.temp(vi)) == Some(Kind::Instance)
                    && {
                        let class = self.class_of(self.temp(vi));
                        matches!(self.lookup_type_attr(class, "__iter__"), Ok(Some(m)) if m.is_none())
                    };
                let v = self.temp(vi);
                self.pop_temps(vi);
                if blocked {
                    return self.not_iterable(v);
                }
                match r? {
                    Some(it) => self.check_iterator(it),
                    None => self.getitem_iter(v),
                }
            }
            _ => self.not_iterable(v),
        }
    }

    /// What `__iter__` returned, if it is an iterator; CPython's TypeError
    /// otherwise.
    pub fn check_iterator(&mut self, it: Value) -> PyResult<Value> {
        let ok = match self.kind_of(it) {
            None => false,
            Some(
                Kind::List
                | Kind::Tuple
                | Kind::Str
                | Kind::Dict
                | Kind::Set
                | Kind::FrozenSet
                | Kind::Range
                | Kind::DictView
                | Kind::BigInt
                | Kind::Function
                | Kind::Builtin
                | Kind::Type
                | Kind::Slice,
            ) => false,
            Some(Kind::Instance) => {
                let ii = self.push_temp(it);
                let class = self.class_of(it);
                let r = self.lookup_type_attr(class, "__next__");
                // Re-read: the lookup may have allocated.
                let it = self.temp(ii);
                self.pop_temps(ii);
                if r?.is_some() {
                    return Ok(it);
                }
                let t = self.type_name(it);
                return Err(self.type_error(&format!("iter() returned non-iterator of type '{t}'")));
            }
            Some(_) => true,
        };
        if ok {
            return Ok(it);
        }
        let t = self.type_name(it);
        Err(self.type_error(&format!("iter() returned non-iterator of type '{t}'")))
    }

    fn not_iterable(&mut self, v: Value) -> PyResult<Value> {
        let n = self.type_name(v);
        Err(self.type_error(&format!("'{n}' object is not iterable")))
    }

    /// For `zip(strict=True)` when the first iterator ended: the index of
    /// the first other iterator that still has items (CPython reports only
    /// the first mismatch).
    fn zip_rest_nonempty(&mut self, z: Value) -> PyResult<Option<usize>> {
        let zi = self.push_temp(z);
        let r = (|| {
            let n = self.tuple_items(self.field(self.temp(zi), 0)).len();
            for i in 1..n {
                let it = self.tuple_items(self.field(self.temp(zi), 0))[i];
                if self.iter_next(it)?.is_some() {
                    return Ok(Some(i));
                }
            }
            Ok(None)
        })();
        self.pop_temps(zi);
        r
    }

    /// `next(it)`: `None` when exhausted.
    pub fn iter_next(&mut self, it: Value) -> PyResult<Option<Value>> {
        match self.kind_of(it) {
            Some(Kind::SeqIter) => {
                let seq = self.field(it, 0);
                let i = self.field(it, 1).as_int().unwrap_or(0) as usize;
                let (item, next) = match self.kind_of(seq) {
                    Some(Kind::List) => (self.list_vec(seq).get(i).copied(), i + 1),
                    Some(Kind::Tuple) => (self.tuple_items(seq).get(i).copied(), i + 1),
                    Some(Kind::Range) if !self.range_is_small(seq) => {
                        if (i as i64) < self.range_len(seq) {
                            let ii = self.push_temp(it);
                            let v = self.range_big_item(seq, &num_bigint::BigInt::from(i));
                            let it2 = self.temp(ii);
                            self.pop_temps(ii);
                            let v = v?;
                            self.set_field(
                                it2,
                                1,
                                Value::from_int(i as i64 + 1).unwrap_or(Value::NONE),
                            );
                            return Ok(Some(v));
                        }
                        (None, i)
                    }
                    Some(Kind::Range) => {
                        if (i as i64) < self.range_len(seq) {
                            let (start, _, step) = self.range_parts(seq);
                            (Value::from_int(start + step * i as i64), i + 1)
                        } else {
                            (None, i)
                        }
                    }
                    Some(Kind::Str) => {
                        // The index is a byte offset for strings.
                        let b = self.str_bytes(seq);
                        if i < b.len() {
                            let end = i + utf8_len(b[i]);
                            let bytes = b[i..end.min(b.len())].to_vec();
                            let ii = self.push_temp(it);
                            let s = self.alloc_str_bytes(&bytes, 1);
                            let it2 = self.temp(ii);
                            self.pop_temps(ii);
                            let s = s?;
                            self.set_field(
                                it2,
                                1,
                                Value::from_int(end as i64).unwrap_or(Value::NONE),
                            );
                            return Ok(Some(s));
                        }
                        (None, i)
                    }
                    Some(Kind::Bytes | Kind::ByteArray | Kind::MemoryView) => {
                        (self.bytes_item_at(seq, i), i + 1)
                    }
                    Some(Kind::Instance | Kind::Exception | Kind::Type) => {
                        return self.getitem_iter_next(it);
                    }
                    _ => (None, i),
                };
                if item.is_some() {
                    self.set_field(it, 1, Value::from_int(next as i64).unwrap_or(Value::NONE));
                }
                Ok(item)
            }
            Some(Kind::Generator) => self.resume_generator(it, Value::NONE),
            Some(Kind::Native) => self.native_next(it),
            Some(Kind::Io) => crate::runtime::modules::io::io_next(self, it),
            Some(Kind::Enumerate) => {
                let ii = self.push_temp(it);
                let r = (|| {
                    let Some(x) = self.iter_next(self.field(self.temp(ii), 0))? else {
                        return Ok(None);
                    };
                    let xi = self.push_temp(x);
                    let n = self.field(self.temp(ii), 1);
                    let next = self.binary_op(
                        super::ops::BinOp::Add,
                        n,
                        Value::from_int(1).unwrap_or(Value::NONE),
                    )?;
                    self.set_field(self.temp(ii), 1, next);
                    let n = self.field(self.temp(ii), 1);
                    let n = self.binary_op(
                        super::ops::BinOp::Sub,
                        n,
                        Value::from_int(1).unwrap_or(Value::NONE),
                    )?;
                    let pair = self.new_tuple(&[n, self.temp(xi)])?;
                    Ok(Some(pair))
                })();
                self.pop_temps(ii);
                r
            }
            Some(Kind::Zip) => {
                let ii = self.push_temp(it);
                let r = (|| {
                    let n = self.tuple_items(self.field(self.temp(ii), 0)).len();
                    if n == 0 {
                        return Ok(None);
                    }
                    let mark = self.temps_len();
                    for k in 0..n {
                        let sub = self.tuple_items(self.field(self.temp(ii), 0))[k];
                        match self.iter_next(sub)? {
                            Some(x) => {
                                self.push_temp(x);
                            }
                            None => {
                                let strict = self.field(self.temp(ii), 1) == Value::TRUE;
                                let longer = if strict && k == 0 {
                                    self.zip_rest_nonempty(self.temp(ii))?
                                } else {
                                    None
                                };
                                if strict && (k > 0 || longer.is_some()) {
                                    let msg = if k > 0 {
                                        format!(
                                            "zip() argument {} is shorter than argument{} {}",
                                            k + 1,
                                            if k == 1 { "" } else { "s" },
                                            if k == 1 {
                                                "1".to_string()
                                            } else {
                                                format!("1-{k}")
                                            }
                                        )
                                    } else {
                                        let i = longer.unwrap_or(1);
                                        format!(
                                            "zip() argument {} is longer than argument{} {}",
                                            i + 1,
                                            if i == 1 { "" } else { "s" },
                                            if i == 1 {
                                                "1".to_string()
                                            } else {
                                                format!("1-{i}")
                                            }
                                        )
                                    };
                                    return Err(self.raise_msg(TypeId::ValueError, &msg));
                                }
                                return Ok(None);
                            }
                        }
                    }
                    let items = self.m.roots().temps[mark..].to_vec();
                    self.new_tuple(&items).map(Some)
                })();
                self.pop_temps(ii);
                r
            }
            Some(Kind::DictKeyIter) => self.dict_iter_next(it),
            Some(Kind::Map | Kind::Filter | Kind::Reversed | Kind::CallIter) => {
                self.iter_next_extra(it)
            }
            Some(Kind::Instance) => {
                let ii = self.push_temp(it);
                let r = self.call_dunder0(it, "__next__");
                let it = self.temp(ii);
                self.pop_temps(ii);
                match r {
                    Ok(Some(v)) => Ok(Some(v)),
                    Ok(None) => {
                        let n = self.type_name(it);
                        Err(self.type_error(&format!("'{n}' object is not an iterator")))
                    }
                    Err(r) => {
                        let e = self.m.roots().raised;
                        if self.exc_matches(e, TypeId::StopIteration) {
                            self.take_raised();
                            Ok(None)
                        } else {
                            Err(r)
                        }
                    }
                }
            }
            _ => {
                let n = self.type_name(it);
                Err(self.type_error(&format!("'{n}' object is not an iterator")))
            }
        }
    }
}
