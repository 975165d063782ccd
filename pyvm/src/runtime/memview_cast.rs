//! Typed memoryviews: `memoryview.cast(format[, shape])` to the native
//! formats (`B b c ? H h I i L l Q q n N f d`, `@` prefix allowed),
//! memoryviews of `array.array` objects, multi-dimensional shapes.
//!
//! A typed view is a memoryview record with [`TYPED_FIELDS`] fields: the
//! plain fields, then the format (a str), the shape (a tuple, or EMPTY for
//! one dimension) and a read-only flag (`toreadonly()`). Its `Len` stays a
//! count of bytes, so `bytes(v)`, `tobytes()` and `nbytes` read the same
//! bytes, and `len`, indexing, item assignment, iteration and `tolist()`
//! decode items of `itemsize` bytes in native (little-endian on the
//! supported hosts) order. The viewed object is a `bytes`, a `bytearray`
//! or an `array.array` (whose machine representation is read, and written
//! back, on each access). Slicing a typed view and sub-views of a
//! multi-dimensional one raise NotImplementedError.

use std::borrow::Cow;

use pyvm_objmodel::Value;

use super::builtins::{NativeTable, Place};
use super::bytes_obj::{VIEW_FIELDS, ViewField};
use super::call::Args;
use super::exception::PyResult;
use super::heap::Vm;
use super::layout::Kind;
use super::types::TypeId;

/// The natives of this file.
pub(crate) const MEMVIEW_CAST: NativeTable = &[
    ("cast", Place::Method(TypeId::MemoryView), mv_cast),
    (
        "toreadonly",
        Place::Method(TypeId::MemoryView),
        mv_toreadonly,
    ),
    ("__getitem__", Place::Method(TypeId::MemoryView), mv_getitem),
    ("__setitem__", Place::Method(TypeId::MemoryView), mv_setitem),
    ("__delitem__", Place::Method(TypeId::MemoryView), mv_delitem),
    ("__len__", Place::Method(TypeId::MemoryView), mv_len),
];

/// Field of a typed view holding its format (a one-character str).
const FORMAT: usize = VIEW_FIELDS;
/// Field holding its shape (a tuple of ints; EMPTY when one-dimensional).
const SHAPE: usize = VIEW_FIELDS + 1;
/// Field holding whether it was made read-only (`toreadonly()`).
const READONLY: usize = VIEW_FIELDS + 2;
/// Number of fields of a typed view.
pub(crate) const TYPED_FIELDS: usize = VIEW_FIELDS + 3;

/// How items of a format are stored.
#[derive(Clone, Copy, PartialEq)]
enum Repr {
    Int(bool),
    Float,
    Bool,
    Char,
}

/// Item size and representation of a supported format character.
fn format_info(c: u8) -> Option<(usize, Repr)> {
    Some(match c {
        b'B' => (1, Repr::Int(false)),
        b'c' => (1, Repr::Char),
        b'?' => (1, Repr::Bool),
        b'b' => (1, Repr::Int(true)),
        b'H' => (2, Repr::Int(false)),
        b'h' => (2, Repr::Int(true)),
        b'I' => (4, Repr::Int(false)),
        b'i' => (4, Repr::Int(true)),
        b'L' | b'Q' | b'N' => (8, Repr::Int(false)),
        b'l' | b'q' | b'n' => (8, Repr::Int(true)),
        b'f' => (4, Repr::Float),
        b'd' => (8, Repr::Float),
        _ => return None,
    })
}

/// One decoded item.
enum Item {
    Int(i128),
    Float(f64),
    Bool(bool),
    Char(u8),
}

fn decode(c: u8, bytes: &[u8]) -> Option<Item> {
    let (size, repr) = format_info(c)?;
    let mut u: u64 = 0;
    for (k, &b) in bytes.iter().take(size).enumerate() {
        u |= (b as u64) << (8 * k);
    }
    Some(match repr {
        Repr::Int(true) if size < 8 => {
            let shift = 64 - 8 * size as u32;
            Item::Int((((u << shift) as i64) >> shift) as i128)
        }
        Repr::Int(true) => Item::Int(u as i64 as i128),
        Repr::Int(false) => Item::Int(u as i128),
        Repr::Float if size == 4 => Item::Float(f32::from_bits(u as u32) as f64),
        Repr::Float => Item::Float(f64::from_bits(u)),
        Repr::Bool => Item::Bool(u != 0),
        Repr::Char => Item::Char(u as u8),
    })
}

impl Vm {
    /// The bytes a buffer object exposes now (an `array.array`'s machine
    /// representation is computed).
    pub(crate) fn view_source(&self, obj: Value) -> Cow<'_, [u8]> {
        match self.kind_of(obj) {
            Some(Kind::Native) => {
                Cow::Owned(super::modules::array_bytes(self, obj).unwrap_or_default())
            }
            _ => Cow::Borrowed(self.bytes_data(obj)),
        }
    }

    /// The format character of a typed memoryview (`None` for plain `B`
    /// views).
    pub(crate) fn view_format(&self, v: Value) -> Option<u8> {
        if self.len_word(v) <= VIEW_FIELDS {
            return None;
        }
        let f = self.field(v, FORMAT);
        self.str_bytes(f).last().copied()
    }

    /// The shape of a multi-dimensional view (`None` for one dimension).
    pub(crate) fn view_shape(&self, v: Value) -> Option<Vec<i64>> {
        if self.len_word(v) < TYPED_FIELDS {
            return None;
        }
        let s = self.field(v, SHAPE);
        if self.kind_of(s) != Some(Kind::Tuple) {
            return None;
        }
        Some(
            self.tuple_items(s)
                .iter()
                .map(|x| x.as_int().unwrap_or(0))
                .collect(),
        )
    }

    /// Whether writes through the memoryview are refused.
    pub(crate) fn view_readonly(&self, v: Value) -> bool {
        if self.len_word(v) >= TYPED_FIELDS && self.field(v, READONLY) == Value::TRUE {
            return true;
        }
        let obj = self.field(v, ViewField::Obj as usize);
        !matches!(self.kind_of(obj), Some(Kind::ByteArray | Kind::Native))
    }

    /// Bytes per item of a memoryview.
    pub(crate) fn view_itemsize(&self, v: Value) -> usize {
        self.view_format(v)
            .and_then(format_info)
            .map_or(1, |(n, _)| n)
    }

    /// `len()` of a memoryview: the first dimension.
    pub(crate) fn memview_len(&self, v: Value) -> usize {
        if let Some(s) = self.view_shape(v) {
            return s.first().copied().unwrap_or(1) as usize;
        }
        self.view_range(v).1 as usize / self.view_itemsize(v)
    }

    /// The bytes of item `i` (a flat index) of a typed view.
    fn typed_bytes(&self, v: Value, i: usize) -> Option<Vec<u8>> {
        let size = self.view_itemsize(v);
        let (start, len, _) = self.view_range(v);
        if (i + 1) * size > len as usize {
            return None;
        }
        let at = start as usize + i * size;
        let obj = self.field(v, ViewField::Obj as usize);
        self.view_source(obj).get(at..at + size).map(<[u8]>::to_vec)
    }

    /// Item `i` of a typed view as an immediate value (`None` past the end,
    /// for `c` items, or for ints beyond the immediate range: see
    /// [`Vm::cast_item`]).
    pub(crate) fn cast_item_raw(&self, v: Value, i: usize) -> Option<Value> {
        let c = self.view_format(v)?;
        match decode(c, &self.typed_bytes(v, i)?)? {
            Item::Int(x) => Value::from_int(i64::try_from(x).ok()?),
            Item::Float(f) => Some(Value::from_float(f)),
            Item::Bool(b) => Some(Value::from_bool(b)),
            Item::Char(_) => None,
        }
    }

    /// Item `i` (a flat index) of a typed view as a Python value (`c`
    /// items are bytes).
    pub(crate) fn cast_item(&mut self, v: Value, i: usize) -> PyResult<Option<Value>> {
        let Some(c) = self.view_format(v) else {
            return Ok(None);
        };
        let Some(bytes) = self.typed_bytes(v, i) else {
            return Ok(None);
        };
        match decode(c, &bytes) {
            Some(Item::Int(x)) => self.new_int(num_bigint::BigInt::from(x)).map(Some),
            Some(Item::Float(f)) => Ok(Some(Value::from_float(f))),
            Some(Item::Bool(b)) => Ok(Some(Value::from_bool(b))),
            Some(Item::Char(b)) => self.new_bytes(&[b]).map(Some),
            None => Ok(None),
        }
    }

    /// `tolist()` of a typed view (nested lists for a shape).
    pub(crate) fn cast_tolist(&mut self, v: Value) -> PyResult<Value> {
        let n = self.view_range(v).1 as usize / self.view_itemsize(v);
        let shape = self.view_shape(v).unwrap_or_else(|| vec![n as i64]);
        let vi = self.push_temp(v);
        let mark = self.temps_len();
        let r = (|| {
            for i in 0..n {
                let x = self.cast_item(self.temp(vi), i)?.unwrap_or(Value::NONE);
                self.push_temp(x);
            }
            // Group the innermost dimensions first: the items stay rooted
            // at `mark..` while the lists of each level are pushed after
            // them, then moved down.
            for &d in shape.iter().skip(1).rev() {
                let d = d.max(1) as usize;
                let count = self.temps_len() - mark;
                for k in 0..count / d {
                    let at = mark + k * d;
                    let chunk = self.m.roots().temps[at..at + d].to_vec();
                    let l = self.new_list(&chunk)?;
                    self.push_temp(l);
                }
                let lists = self.m.roots().temps[mark + count..].to_vec();
                self.pop_temps(mark);
                self.roots().temps.extend_from_slice(&lists);
            }
            let items = self.m.roots().temps[mark..].to_vec();
            self.new_list(&items)
        })();
        self.pop_temps(vi);
        r
    }

    /// The flat item index for `v[key]` on a typed view: an int for one
    /// dimension, a tuple of ints for a shape.
    fn typed_index(&mut self, v: Value, key: Value) -> PyResult<usize> {
        let shape = self.view_shape(v);
        if self.kind_of(key) == Some(Kind::Tuple) {
            let keys = self.tuple_items(key).to_vec();
            let shape = shape.unwrap_or_else(|| vec![self.memview_len(v) as i64]);
            if keys.len() != shape.len() {
                return Err(if keys.len() < shape.len() {
                    self.not_supported("sub-views of a multi-dimensional memoryview")
                } else {
                    self.type_error(&format!(
                        "cannot index {}-dimension view with {}-element tuple",
                        shape.len(),
                        keys.len()
                    ))
                });
            }
            let mut flat = 0usize;
            for (dim, (k, n)) in keys.into_iter().zip(shape).enumerate() {
                let Some(i) = self.index_value(k).filter(|_| k.as_float().is_none()) else {
                    return Err(self.type_error("memoryview: invalid slice key"));
                };
                let j = if i < 0 { i + n } else { i };
                if j < 0 || j >= n {
                    return Err(self.raise_msg(
                        TypeId::IndexError,
                        &format!("index out of bounds on dimension {}", dim + 1),
                    ));
                }
                flat = flat * n as usize + j as usize;
            }
            return Ok(flat);
        }
        let Some(i) = self.index_value(key).filter(|_| key.as_float().is_none()) else {
            return Err(self.type_error("memoryview: invalid slice key"));
        };
        if shape.as_ref().is_some_and(|s| s.len() != 1) {
            return Err(self.raise_msg(
                TypeId::NotImplementedError,
                "multi-dimensional sub-views are not implemented",
            ));
        }
        let n = self.memview_len(v) as i64;
        let j = if i < 0 { i + n } else { i };
        if j < 0 || j >= n {
            return Err(self.raise_msg(TypeId::IndexError, "index out of bounds on dimension 1"));
        }
        Ok(j as usize)
    }

    /// `v[key]` for a typed (or multi-dimensional) view.
    pub(crate) fn typed_get_item(&mut self, v: Value, key: Value) -> PyResult<Value> {
        let vi = self.push_temp(v);
        let r = self.typed_index(v, key);
        let v = self.temp(vi);
        self.pop_temps(vi);
        let i = r?;
        Ok(self.cast_item(v, i)?.unwrap_or(Value::NONE))
    }

    /// `v[key] = value` for a typed view: encodes `value` in the view's
    /// format and writes it into the viewed object.
    pub(crate) fn typed_set_item(&mut self, v: Value, key: Value, value: Value) -> PyResult<()> {
        self.view_check(v)?;
        if self.view_readonly(v) {
            return Err(self.type_error("cannot modify read-only memory"));
        }
        if self.kind_of(key) == Some(Kind::Slice) {
            return Err(self.not_supported("assigning to a slice of a cast memoryview"));
        }
        let mark = self.temps_len();
        self.push_temp(v);
        self.push_temp(value);
        let r = (|| {
            let i = self.typed_index(v, key)?;
            let (v, value) = (self.temp(mark), self.temp(mark + 1));
            let c = self.view_format(v).unwrap_or(b'B');
            let bytes = self.encode_item(c, value)?;
            let v = self.temp(mark);
            let size = bytes.len();
            let (start, _, _) = self.view_range(v);
            let at = start as usize + i * size;
            let obj = self.field(v, ViewField::Obj as usize);
            if self.kind_of(obj) == Some(Kind::ByteArray) {
                if let Some(dst) = self.bytearray_vec(obj).get_mut(at..at + size) {
                    dst.copy_from_slice(&bytes);
                }
                return Ok(());
            }
            let mut data = self.view_source(obj).into_owned();
            if let Some(dst) = data.get_mut(at..at + size) {
                dst.copy_from_slice(&bytes);
            }
            super::modules::array_store_bytes(self, obj, &data)
        })();
        self.pop_temps(mark);
        r
    }

    /// The machine representation of `value` in format `c`, with CPython's
    /// errors.
    fn encode_item(&mut self, c: u8, value: Value) -> PyResult<Vec<u8>> {
        let (size, repr) = format_info(c).unwrap_or((1, Repr::Int(false)));
        let invalid_type = |vm: &mut Vm| {
            vm.type_error(&format!(
                "memoryview: invalid type for format '{}'",
                c as char
            ))
        };
        let u: u64 = match repr {
            Repr::Int(signed) => {
                if value.as_float().is_some() {
                    return Err(invalid_type(self));
                }
                let Some(i) = self.try_index(value)? else {
                    return Err(invalid_type(self));
                };
                let bits = 8 * size as u32;
                let fits = if signed {
                    let lo = -(num_bigint::BigInt::from(1) << (bits - 1));
                    let hi = num_bigint::BigInt::from(1) << (bits - 1);
                    i >= lo && i < hi
                } else {
                    i.sign() != num_bigint::Sign::Minus && i < (num_bigint::BigInt::from(1) << bits)
                };
                if !fits {
                    return Err(self.raise_msg(
                        TypeId::ValueError,
                        &format!("memoryview: invalid value for format '{}'", c as char),
                    ));
                }
                let x: i128 = num_traits::ToPrimitive::to_i128(&i).unwrap_or(0);
                x as u64
            }
            Repr::Float => {
                let Some(f) = self.try_float(value)? else {
                    return Err(invalid_type(self));
                };
                if size == 4 {
                    u64::from((f as f32).to_bits())
                } else {
                    f.to_bits()
                }
            }
            Repr::Bool => u64::from(self.truthy(value)?),
            Repr::Char => match self.kind_of(value) {
                Some(Kind::Bytes) if self.bytes_data(value).len() == 1 => {
                    u64::from(self.bytes_data(value)[0])
                }
                Some(Kind::Bytes) => {
                    return Err(self.raise_msg(
                        TypeId::ValueError,
                        "memoryview: invalid value for format 'c'",
                    ));
                }
                _ => return Err(invalid_type(self)),
            },
        };
        Ok(u.to_le_bytes()[..size].to_vec())
    }

    /// A typed view of `obj`'s bytes `start..start + len` in format `fmt`.
    pub(crate) fn new_typed_view(
        &mut self,
        obj: Value,
        start: i64,
        len: i64,
        fmt: &str,
        shape: Value,
    ) -> PyResult<Value> {
        let mark = self.temps_len();
        self.push_temp(shape);
        let r = (|| {
            let view = self.new_view(obj, start, len, 1)?;
            let vi = self.push_temp(view);
            let f = self.new_str(fmt)?;
            let view = self.temp(vi);
            let mut fields: Vec<Value> = (0..VIEW_FIELDS).map(|i| self.field(view, i)).collect();
            fields.extend([f, self.temp(mark), Value::FALSE]);
            let class = self.ty(TypeId::MemoryView);
            self.alloc_record(Kind::MemoryView, class, &fields, 0)
        })();
        self.pop_temps(mark);
        r
    }

    /// `memoryview(array)`: a typed view in the array's typecode.
    pub(crate) fn array_view(&mut self, arr: Value) -> PyResult<Option<Value>> {
        let Some(data) = super::modules::array_bytes(self, arr) else {
            return Ok(None);
        };
        let ai = self.push_temp(arr);
        let tc = self.get_attr_str(arr, "typecode");
        let arr = self.temp(ai);
        self.pop_temps(ai);
        let tc = self.str_text(tc?).into_owned();
        if tc.len() != 1 || format_info(tc.as_bytes()[0]).is_none() {
            return Err(self.not_supported(&format!("a memoryview of an array of type '{tc}'")));
        }
        self.new_typed_view(arr, 0, data.len() as i64, &tc, Value::EMPTY)
            .map(Some)
    }

    /// Whether comparing `a` and `b` needs their items rather than their
    /// bytes (a typed view that is not of unsigned bytes).
    pub(crate) fn view_compare_by_items(&self, a: Value, b: Value) -> bool {
        [a, b].iter().any(|&v| {
            self.kind_of(v) == Some(Kind::MemoryView)
                && (self.view_format(v).is_some_and(|c| c != b'B') || self.view_shape(v).is_some())
        })
    }

    /// `hash(memoryview)`: the hash of its bytes, for read-only byte views.
    pub(crate) fn view_hash(&mut self, v: Value) -> PyResult<i64> {
        self.view_check(v)?;
        if !self.view_readonly(v) {
            return Err(
                self.raise_msg(TypeId::ValueError, "cannot hash writable memoryview object")
            );
        }
        if self
            .view_format(v)
            .is_some_and(|c| !matches!(c, b'B' | b'b' | b'c'))
        {
            return Err(self.raise_msg(
                TypeId::ValueError,
                "memoryview: hashing is restricted to formats 'B', 'b' or 'c'",
            ));
        }
        // CPython hashes the viewed object too (a bytearray is unhashable).
        let obj = self.field(v, ViewField::Obj as usize);
        if self.kind_of(obj) != Some(Kind::Bytes) {
            let vi = self.push_temp(v);
            let r = self.hash_value(obj);
            let v = self.temp(vi);
            self.pop_temps(vi);
            r?;
            let data = self.view_bytes(v);
            let b = self.new_bytes(&data)?;
            return self.hash_value(b);
        }
        let data = self.view_bytes(v);
        let b = self.new_bytes(&data)?;
        self.hash_value(b)
    }

    /// The shape/strides attributes of a typed view.
    pub(crate) fn typed_view_attr(&mut self, v: Value, name: &[u8]) -> PyResult<Option<Value>> {
        let int = |i: i64| Value::from_int(i).unwrap_or(Value::NONE);
        let size = self.view_itemsize(v) as i64;
        let (_, len, _) = self.view_range(v);
        let shape = self.view_shape(v).unwrap_or_else(|| vec![len / size]);
        Ok(Some(match name {
            b"ndim" => int(shape.len() as i64),
            b"shape" => {
                let items: Vec<Value> = shape.iter().map(|&d| int(d)).collect();
                self.new_tuple(&items)?
            }
            b"strides" => {
                let mut strides = vec![0i64; shape.len()];
                let mut acc = size;
                for k in (0..shape.len()).rev() {
                    strides[k] = acc;
                    acc *= shape[k];
                }
                let items: Vec<Value> = strides.into_iter().map(int).collect();
                self.new_tuple(&items)?
            }
            b"readonly" => Value::from_bool(self.view_readonly(v)),
            _ => return Ok(None),
        }))
    }
}

fn recv_view(vm: &mut Vm, a: &Args, name: &str) -> PyResult<Value> {
    let v = if a.n > 0 { a.get(vm, 0) } else { Value::EMPTY };
    if vm.kind_of(v) != Some(Kind::MemoryView) {
        let t = if a.n > 0 {
            vm.type_name(v)
        } else {
            "nothing".into()
        };
        return Err(vm.type_error(&format!(
            "descriptor '{name}' for 'memoryview' objects doesn't apply to a '{t}' object"
        )));
    }
    vm.view_check(v)?;
    Ok(v)
}

/// `memoryview.toreadonly()`.
fn mv_toreadonly(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = recv_view(vm, &a, "toreadonly")?;
    let (start, len, step) = vm.view_range(v);
    let fmt = vm.view_format(v).unwrap_or(b'B');
    if step != 1 {
        return Err(vm.not_supported("toreadonly() of a strided memoryview"));
    }
    let shape = if vm.len_word(v) >= TYPED_FIELDS {
        vm.field(v, SHAPE)
    } else {
        Value::EMPTY
    };
    let obj = vm.field(v, ViewField::Obj as usize);
    let r = vm.new_typed_view(obj, start, len, &(fmt as char).to_string(), shape)?;
    vm.set_field(r, READONLY, Value::TRUE);
    Ok(r)
}

/// `memoryview.cast(format[, shape])`.
fn mv_cast(vm: &mut Vm, a: Args) -> PyResult<Value> {
    recv_view(vm, &a, "cast")?;
    let npos = a.npos(vm).saturating_sub(1);
    let mut fmt = (npos >= 1).then(|| a.get(vm, 1));
    let mut shape = (npos >= 2).then(|| a.get(vm, 2));
    if let Some(k) = a.kw {
        let names = vm.tuple_items(vm.temp(k)).to_vec();
        let first = a.n - names.len();
        for (j, name) in names.into_iter().enumerate() {
            let v = vm.temp(a.start + first + j);
            match &*vm.str_text(name) {
                "format" if fmt.is_none() => fmt = Some(v),
                "shape" if shape.is_none() => shape = Some(v),
                other => {
                    let msg = format!("cast() got an unexpected keyword argument '{other}'");
                    return Err(vm.type_error(&msg));
                }
            }
        }
    }
    if npos > 2 {
        return Err(vm.type_error(&format!("cast() takes at most 2 arguments ({npos} given)")));
    }
    let Some(fmt) = fmt else {
        return Err(vm.type_error("cast() missing required argument 'format' (pos 1)"));
    };
    if !vm.is_str(fmt) {
        let t = vm.type_name(fmt);
        return Err(vm.type_error(&format!("cast() argument 'format' must be str, not {t}")));
    }
    let text = vm.str_text(fmt).into_owned();
    let c = text.strip_prefix('@').unwrap_or(&text).to_string();
    let info = (c.len() == 1)
        .then(|| format_info(c.as_bytes()[0]))
        .flatten();
    let Some((size, _)) = info else {
        return Err(vm.raise_msg(
            TypeId::ValueError,
            "memoryview: destination format must be a native single character format prefixed with an optional '@'",
        ));
    };
    let v = a.get(vm, 0);
    if vm
        .view_format(v)
        .is_some_and(|f| f != b'B' && f != b'b' && f != b'c')
        && size != 1
    {
        return Err(vm.type_error("memoryview: cannot cast between two non-byte formats"));
    }
    let (start, len, step) = vm.view_range(v);
    if step != 1 && len > 1 {
        return Err(vm.type_error("memoryview: casts are restricted to C-contiguous views"));
    }
    let dims = match shape {
        None => None,
        Some(s) if matches!(vm.kind_of(s), Some(Kind::List | Kind::Tuple)) => {
            let items = if vm.kind_of(s) == Some(Kind::List) {
                vm.list_vec(s).clone()
            } else {
                vm.tuple_items(s).to_vec()
            };
            let mut dims = Vec::with_capacity(items.len());
            for x in items {
                match x.as_int() {
                    Some(d) if d > 0 => dims.push(d),
                    Some(_) => {
                        return Err(vm.raise_msg(
                            TypeId::ValueError,
                            "memoryview.cast(): elements of shape must be integers > 0",
                        ));
                    }
                    None => {
                        return Err(
                            vm.type_error("memoryview.cast(): elements of shape must be integers")
                        );
                    }
                }
            }
            Some(dims)
        }
        Some(_) => return Err(vm.type_error("shape must be a list or a tuple")),
    };
    if let Some(d) = &dims {
        let v = a.get(vm, 0);
        if vm.view_shape(v).is_some() && d.len() > 1 {
            return Err(vm.type_error("memoryview: cast must be 1D -> ND or ND -> 1D"));
        }
        if d.is_empty() || d.len() > 64 {
            return Err(vm.raise_msg(
                TypeId::ValueError,
                "memoryview: number of dimensions must not exceed 64",
            ));
        }
        let n: i64 = d.iter().product();
        if n * size as i64 != len {
            return Err(vm.type_error("memoryview: product(shape) * itemsize != buffer size"));
        }
    } else if !(len as usize).is_multiple_of(size) {
        return Err(vm.type_error("memoryview: length is not a multiple of itemsize"));
    }
    let shape_value = match dims {
        Some(d) if d.len() > 1 => {
            let items: Vec<Value> = d
                .into_iter()
                .map(|x| Value::from_int(x).unwrap_or(Value::NONE))
                .collect();
            vm.new_tuple(&items)?
        }
        _ => Value::EMPTY,
    };
    let v = a.get(vm, 0);
    let readonly = vm.len_word(v) >= TYPED_FIELDS && vm.field(v, READONLY) == Value::TRUE;
    let obj = vm.field(v, ViewField::Obj as usize);
    let r = vm.new_typed_view(obj, start, len, &c, shape_value)?;
    if readonly {
        vm.set_field(r, READONLY, Value::TRUE);
    }
    Ok(r)
}

impl Vm {
    /// `memoryview(v)` of a typed view: the same format, shape and
    /// read-only flag.
    pub(crate) fn copy_typed_view(&mut self, v: Value) -> PyResult<Value> {
        let (start, len, _) = self.view_range(v);
        let fmt = self.view_format(v).unwrap_or(b'B');
        let (shape, readonly) = if self.len_word(v) >= TYPED_FIELDS {
            (self.field(v, SHAPE), self.field(v, READONLY))
        } else {
            (Value::EMPTY, Value::FALSE)
        };
        let obj = self.field(v, ViewField::Obj as usize);
        let r = self.new_typed_view(obj, start, len, &(fmt as char).to_string(), shape)?;
        self.set_field(r, READONLY, readonly);
        Ok(r)
    }

    /// The items of a bytes-like object as a list (a typed view's values).
    pub(crate) fn buffer_items(&mut self, v: Value) -> PyResult<Value> {
        if self.kind_of(v) == Some(Kind::MemoryView) && self.view_format(v).is_some() {
            self.view_check(v)?;
            return self.cast_tolist(v);
        }
        let data = self.buffer_copy(v)?.unwrap_or_default();
        let items: Vec<Value> = data
            .into_iter()
            .map(|b| Value::from_int(b as i64).unwrap_or(Value::NONE))
            .collect();
        self.new_list(&items)
    }
}

fn mv_getitem(vm: &mut Vm, a: Args) -> PyResult<Value> {
    recv_view(vm, &a, "__getitem__")?;
    super::builtins::arity(vm, &a, "__getitem__", 2, 2)?;
    vm.get_item(a.get(vm, 0), a.get(vm, 1))
}

fn mv_setitem(vm: &mut Vm, a: Args) -> PyResult<Value> {
    recv_view(vm, &a, "__setitem__")?;
    super::builtins::arity(vm, &a, "__setitem__", 3, 3)?;
    vm.set_item(a.get(vm, 0), a.get(vm, 1), a.get(vm, 2))?;
    Ok(Value::NONE)
}

fn mv_delitem(vm: &mut Vm, a: Args) -> PyResult<Value> {
    recv_view(vm, &a, "__delitem__")?;
    if vm.view_readonly(a.get(vm, 0)) {
        return Err(vm.type_error("cannot modify read-only memory"));
    }
    Err(vm.type_error("cannot delete memory"))
}

fn mv_len(vm: &mut Vm, a: Args) -> PyResult<Value> {
    recv_view(vm, &a, "__len__")?;
    let n = vm.memview_len(a.get(vm, 0));
    Ok(Value::from_int(n as i64).unwrap_or(Value::NONE))
}
