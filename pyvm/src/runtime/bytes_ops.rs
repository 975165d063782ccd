//! Operators and protocols of `bytes`, `bytearray` and `memoryview`:
//! `+`, `*`, `%`, indexing, slicing, item assignment, `in`, ordering,
//! length and iteration; and the byte-string algorithms the methods share.

use std::cmp::Ordering;

use pyvm_objmodel::Value;

use super::bytes_obj::ViewField;
use super::exception::PyResult;
use super::heap::Vm;
use super::layout::Kind;
use super::ops::{BinOp, CmpOp};
use super::types::TypeId;

/// CPython's `ADJUST_INDICES`.
pub fn adjust(start: Option<i64>, end: Option<i64>, len: usize) -> (usize, usize) {
    let (s, e) = super::builtins::adjust_indices(start, end, len);
    (s as usize, e.max(0) as usize)
}

/// The lowest (or highest) index of `sub` in `hay[start..end]`.
pub fn find_bytes(
    hay: &[u8],
    sub: &[u8],
    start: Option<i64>,
    end: Option<i64>,
    rev: bool,
) -> Option<usize> {
    let (s, e) = adjust(start, end, hay.len());
    if e < s || e - s < sub.len() {
        return None;
    }
    let mut range = s..=e - sub.len();
    if rev {
        range.rev().find(|&i| &hay[i..i + sub.len()] == sub)
    } else {
        range.find(|&i| &hay[i..i + sub.len()] == sub)
    }
}

/// Non-overlapping occurrences of `sub` in `hay[start..end]`.
pub fn count_bytes(hay: &[u8], sub: &[u8], start: Option<i64>, end: Option<i64>) -> usize {
    let (s, e) = adjust(start, end, hay.len());
    if e < s || e - s < sub.len() {
        return 0;
    }
    if sub.is_empty() {
        return e - s + 1;
    }
    let mut n = 0;
    let mut i = s;
    while i + sub.len() <= e {
        if &hay[i..i + sub.len()] == sub {
            n += 1;
            i += sub.len();
        } else {
            i += 1;
        }
    }
    n
}

/// `hay.replace(old, new, count)` (negative count: all).
pub fn replace_bytes(hay: &[u8], old: &[u8], new: &[u8], count: i64) -> Vec<u8> {
    let limit = if count < 0 {
        usize::MAX
    } else {
        count as usize
    };
    let mut out = Vec::with_capacity(hay.len());
    let mut done = 0;
    if old.is_empty() {
        for (i, &b) in hay.iter().enumerate() {
            if done < limit {
                out.extend_from_slice(new);
                done += 1;
            }
            let _ = i;
            out.push(b);
        }
        if done < limit {
            out.extend_from_slice(new);
        }
        return out;
    }
    let mut i = 0;
    while i < hay.len() {
        if done < limit && hay[i..].starts_with(old) {
            out.extend_from_slice(new);
            i += old.len();
            done += 1;
        } else {
            out.push(hay[i]);
            i += 1;
        }
    }
    out
}

/// ASCII whitespace as `bytes.isspace` sees it.
pub fn is_space_byte(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

impl Vm {
    /// Length of a bytes-like object.
    pub fn bytes_len(&self, v: Value) -> usize {
        match self.kind_of(v) {
            Some(Kind::MemoryView) => self.memview_len(v),
            _ => self.bytes_data(v).len(),
        }
    }

    /// A new bytes (or bytearray when `array`) object.
    pub fn new_bytes_like(&mut self, array: bool, data: &[u8]) -> PyResult<Value> {
        if array {
            self.new_bytearray(data)
        } else {
            self.new_bytes(data)
        }
    }

    /// `a <op> b` where one side is bytes-like (`None`: not handled here).
    pub fn bytes_binary(&mut self, op: BinOp, a: Value, b: Value) -> PyResult<Option<Value>> {
        let ka = self.kind_of(a);
        let a_bytes = matches!(ka, Some(Kind::Bytes | Kind::ByteArray | Kind::MemoryView));
        if self.kind_of(b) == Some(Kind::Instance) && op != BinOp::Mod {
            return Ok(None);
        }
        match op {
            BinOp::Mod if a_bytes && ka != Some(Kind::MemoryView) => {
                Ok(Some(self.percent_format(a, b)?))
            }
            BinOp::Add if a_bytes && ka != Some(Kind::MemoryView) => {
                let Some(y) = self.buffer_copy(b)? else {
                    let (ta, tb) = (self.type_name(a), self.type_name(b));
                    return Err(self.type_error(&format!("can't concat {tb} to {ta}")));
                };
                let mut x = self.bytes_data(a).to_vec();
                x.extend_from_slice(&y);
                let array = ka == Some(Kind::ByteArray);
                self.new_bytes_like(array, &x).map(Some)
            }
            BinOp::Mul => {
                let (seq, n) = if a_bytes { (a, b) } else { (b, a) };
                if self.kind_of(seq) == Some(Kind::MemoryView) {
                    return Ok(None);
                }
                let Some(k) = self.index_value(n).filter(|_| n.as_float().is_none()) else {
                    let t = self.type_name(n);
                    return Err(self
                        .type_error(&format!("can't multiply sequence by non-int of type '{t}'")));
                };
                let data = self.bytes_data(seq).repeat(k.max(0) as usize);
                let array = self.kind_of(seq) == Some(Kind::ByteArray);
                self.new_bytes_like(array, &data).map(Some)
            }
            _ => Ok(None),
        }
    }

    /// Ordering of two bytes-like values (`None` if not both bytes-like or
    /// a memoryview is ordered).
    pub fn bytes_order(&mut self, op: CmpOp, a: Value, b: Value) -> PyResult<Option<Ordering>> {
        let kinds = [self.kind_of(a), self.kind_of(b)];
        if !kinds
            .iter()
            .all(|k| matches!(k, Some(Kind::Bytes | Kind::ByteArray | Kind::MemoryView)))
        {
            return Ok(None);
        }
        if kinds.contains(&Some(Kind::MemoryView)) && !matches!(op, CmpOp::Eq | CmpOp::Ne) {
            return Ok(None);
        }
        if self.view_compare_by_items(a, b) {
            // Typed views compare by their items' values.
            let bi = self.push_temp(b);
            let r = (|| {
                let x = self.buffer_items(a)?;
                let xi = self.push_temp(x);
                let y = self.buffer_items(self.temp(bi))?;
                let eq = self.eq_values(self.temp(xi), y)?;
                Ok(Some(if eq { Ordering::Equal } else { Ordering::Less }))
            })();
            self.pop_temps(bi);
            return r;
        }
        let x = self.buffer_copy(a)?.unwrap_or_default();
        let y = self.buffer_copy(b)?.unwrap_or_default();
        Ok(Some(x.cmp(&y)))
    }

    /// A byte value argument: an int in range(256).
    pub fn byte_arg(&mut self, v: Value) -> PyResult<u8> {
        let v = self.number_like(v, "__index__")?;
        let Some(i) = self.index_value(v).filter(|_| v.as_float().is_none()) else {
            let t = self.type_name(v);
            return Err(
                self.type_error(&format!("'{t}' object cannot be interpreted as an integer"))
            );
        };
        if !(0..256).contains(&i) {
            return Err(self.raise_msg(TypeId::ValueError, "byte must be in range(0, 256)"));
        }
        Ok(i as u8)
    }

    /// `item in container` for a bytes-like container.
    pub fn bytes_contains(&mut self, container: Value, item: Value) -> PyResult<bool> {
        let hay = self.buffer_copy(container)?.unwrap_or_default();
        if let Some(sub) = self.buffer_copy(item)? {
            return Ok(find_bytes(&hay, &sub, None, None, false).is_some());
        }
        if self.index_value(item).is_some() && item.as_float().is_none() {
            let b = self.byte_arg(item)?;
            return Ok(hay.contains(&b));
        }
        let t = self.type_name(item);
        Err(self.type_error(&format!("a bytes-like object is required, not '{t}'")))
    }

    /// `obj[key]` for a bytes-like object.
    pub fn bytes_get_item(&mut self, obj: Value, key: Value) -> PyResult<Value> {
        let kind = self.kind_of(obj);
        if kind == Some(Kind::MemoryView) {
            self.view_check(obj)?;
        }
        if kind == Some(Kind::MemoryView)
            && self.view_format(obj).is_some()
            && self.kind_of(key) != Some(Kind::Slice)
        {
            return self.typed_get_item(obj, key);
        }
        let n = self.bytes_len(obj);
        if self.kind_of(key) == Some(Kind::Slice) {
            if kind == Some(Kind::MemoryView) && self.view_format(obj).is_some() {
                return Err(self.not_supported("slicing a cast memoryview"));
            }
            let oi = self.push_temp(obj);
            let idx = self.slice_indices(key, n);
            let obj = self.temp(oi);
            self.pop_temps(oi);
            let (start, _, step, count) = idx?;
            if kind == Some(Kind::MemoryView) {
                let (s0, _, st0) = self.view_range(obj);
                let base = self.field(obj, ViewField::Obj as usize);
                return self.new_view(base, s0 + st0 * start, count as i64, st0 * step);
            }
            let data = self.bytes_data(obj);
            let out: Vec<u8> = (0..count)
                .map(|k| data[(start + step * k as i64) as usize])
                .collect();
            return self.new_bytes_like(kind == Some(Kind::ByteArray), &out);
        }
        let Some(i) = self.index_value(key).filter(|_| key.as_float().is_none()) else {
            let t = self.type_name(key);
            let what = if kind == Some(Kind::MemoryView) {
                return Err(self.type_error("memoryview: invalid slice key"));
            } else if kind == Some(Kind::ByteArray) {
                "bytearray"
            } else {
                "byte"
            };
            return Err(self.type_error(&format!(
                "{what} indices must be integers or slices, not {t}"
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
        let j = if i < 0 { i + n as i64 } else { i };
        if j < 0 || j >= n as i64 {
            let msg = match kind {
                Some(Kind::MemoryView) => "index out of bounds on dimension 1",
                Some(Kind::ByteArray) => "bytearray index out of range",
                _ => "index out of range",
            };
            return Err(self.raise_msg(TypeId::IndexError, msg));
        }
        let b = if kind == Some(Kind::MemoryView) {
            if self.view_format(obj).is_some() {
                return Ok(self.cast_item(obj, j as usize)?.unwrap_or(Value::NONE));
            }
            self.view_bytes(obj)[j as usize]
        } else {
            self.bytes_data(obj)[j as usize]
        };
        Ok(Value::from_int(b as i64).unwrap_or(Value::NONE))
    }

    /// Item `i` of a bytes-like object as an int, for iteration.
    pub fn bytes_item_at(&self, seq: Value, i: usize) -> Option<Value> {
        let b = if self.kind_of(seq) == Some(Kind::MemoryView) {
            if self.view_format(seq).is_some() {
                return self.cast_item_raw(seq, i);
            }
            let (start, len, step) = self.view_range(seq);
            if i as i64 >= len {
                return None;
            }
            let base = self.field(seq, ViewField::Obj as usize);
            *self
                .bytes_data(base)
                .get((start + step * i as i64) as usize)?
        } else {
            *self.bytes_data(seq).get(i)?
        };
        Value::from_int(b as i64)
    }

    /// `obj[key] = value` for a bytearray or memoryview.
    pub fn bytes_set_item(&mut self, obj: Value, key: Value, value: Value) -> PyResult<()> {
        let kind = self.kind_of(obj);
        if kind == Some(Kind::MemoryView) && self.view_format(obj).is_some() {
            return self.typed_set_item(obj, key, value);
        }
        if kind == Some(Kind::MemoryView) {
            self.view_check(obj)?;
            let base = self.field(obj, ViewField::Obj as usize);
            if self.kind_of(base) != Some(Kind::ByteArray) {
                return Err(self.type_error("cannot modify read-only memory"));
            }
        }
        let n = self.bytes_len(obj);
        if self.kind_of(key) == Some(Kind::Slice) {
            let mark = self.push_temp(obj);
            self.push_temp(value);
            let r = (|| {
                let (start, stop, step, count) = self.slice_indices(key, n)?;
                let value = self.temp(mark + 1);
                let src = match self.buffer_copy(value)? {
                    Some(b) => b,
                    None if kind == Some(Kind::MemoryView) => {
                        let t = self.type_name(value);
                        return Err(
                            self.type_error(&format!("a bytes-like object is required, not '{t}'"))
                        );
                    }
                    None if self.index_value(value).is_some() => {
                        return Err(self.type_error(
                            "can assign only bytes, buffers, or iterables of ints in range(0, 256)",
                        ));
                    }
                    None => {
                        let items = self.collect_iterable(value)?;
                        let mut out = Vec::with_capacity(items.len());
                        for it in items {
                            out.push(self.byte_arg(it)?);
                        }
                        out
                    }
                };
                let obj = self.temp(mark);
                if kind == Some(Kind::MemoryView) {
                    if src.len() != count {
                        return Err(self.raise_msg(
                            TypeId::ValueError,
                            "memoryview assignment: lvalue and rvalue have different structures",
                        ));
                    }
                    let (s0, _, st0) = self.view_range(obj);
                    let base = self.field(obj, ViewField::Obj as usize);
                    let v = self.bytearray_vec(base);
                    for (k, b) in src.into_iter().enumerate() {
                        let at = (s0 + st0 * (start + step * k as i64)) as usize;
                        if at < v.len() {
                            v[at] = b;
                        }
                    }
                    return Ok(());
                }
                if step == 1 {
                    let (s, e) = (start as usize, (stop.max(start)) as usize);
                    if e - s != src.len() {
                        self.check_resizable(obj)?;
                    }
                    let v = self.bytearray_vec(self.temp(mark));
                    v.splice(s..e, src);
                    return Ok(());
                }
                let v = self.bytearray_vec(obj);
                if src.len() != count {
                    return Err(self.raise_msg(
                        TypeId::ValueError,
                        &format!(
                            "attempt to assign bytes of size {} to extended slice of size {count}",
                            src.len()
                        ),
                    ));
                }
                for (k, b) in src.into_iter().enumerate() {
                    v[(start + step * k as i64) as usize] = b;
                }
                Ok(())
            })();
            self.pop_temps(mark);
            return r;
        }
        let Some(i) = self.index_value(key).filter(|_| key.as_float().is_none()) else {
            let t = self.type_name(key);
            return Err(self.type_error(&format!(
                "bytearray indices must be integers or slices, not {t}"
            )));
        };
        let j = if i < 0 { i + n as i64 } else { i };
        if j < 0 || j >= n as i64 {
            let msg = if kind == Some(Kind::MemoryView) {
                "index out of bounds on dimension 1"
            } else {
                "bytearray index out of range"
            };
            return Err(self.raise_msg(TypeId::IndexError, msg));
        }
        if kind == Some(Kind::MemoryView) && !value.is_float() {
            // Format 'B' refuses out-of-range ints with its own message.
            if let Some(i) = self.index_value(value)
                && !(0..256).contains(&i)
            {
                return Err(self.raise_msg(
                    TypeId::ValueError,
                    "memoryview: invalid value for format 'B'",
                ));
            }
        }
        let b = self.byte_arg(value)?;
        if kind == Some(Kind::MemoryView) {
            let (s0, _, st0) = self.view_range(obj);
            let base = self.field(obj, ViewField::Obj as usize);
            let at = (s0 + st0 * j) as usize;
            if let Some(x) = self.bytearray_vec(base).get_mut(at) {
                *x = b;
            }
        } else {
            self.bytearray_vec(obj)[j as usize] = b;
        }
        Ok(())
    }

    /// `del obj[key]` for a bytearray.
    pub fn bytes_del_item(&mut self, obj: Value, key: Value) -> PyResult<()> {
        let n = self.bytes_len(obj);
        if self.kind_of(key) == Some(Kind::Slice) {
            let oi = self.push_temp(obj);
            let idx = self.slice_indices(key, n);
            let obj = self.temp(oi);
            self.pop_temps(oi);
            let (start, _, step, count) = idx?;
            let mut drop: Vec<usize> = (0..count)
                .map(|k| (start + step * k as i64) as usize)
                .collect();
            drop.sort_unstable();
            let v = self.bytearray_vec(obj);
            let mut k = 0;
            let mut i = 0;
            v.retain(|_| {
                let keep = !(k < drop.len() && drop[k] == i);
                if !keep {
                    k += 1;
                }
                i += 1;
                keep
            });
            return Ok(());
        }
        let Some(i) = self.index_value(key) else {
            let t = self.type_name(key);
            return Err(self.type_error(&format!(
                "bytearray indices must be integers or slices, not {t}"
            )));
        };
        let j = if i < 0 { i + n as i64 } else { i };
        if j < 0 || j >= n as i64 {
            return Err(self.raise_msg(TypeId::IndexError, "bytearray index out of range"));
        }
        let oi = self.push_temp(obj);
        let r = self.check_resizable(obj);
        let obj = self.temp(oi);
        self.pop_temps(oi);
        r?;
        self.bytearray_vec(obj).remove(j as usize);
        Ok(())
    }
}
