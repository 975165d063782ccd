//! `memoryview.cast(format)` to the one-dimensional native integer
//! formats (`B b c H h I i L l Q q n N`, `@` prefix allowed), as the `re`
//! compiler uses it (`memoryview(b).cast('I').tolist()` for big
//! character sets).
//!
//! A cast view is a memoryview record with one more field, the format
//! (a str); its `Len` stays a count of bytes, so `bytes(v)`, `tobytes()`
//! and `nbytes` read the same bytes, and `len`, indexing, iteration and
//! `tolist()` decode items of `itemsize` bytes in native (little-endian on
//! the supported hosts) order. Slicing and item assignment of a cast view,
//! multi-dimensional shapes and other formats raise NotImplementedError.

use pyvm_objmodel::Value;

use super::builtins::{NativeTable, Place};
use super::bytes_obj::{VIEW_FIELDS, ViewField};
use super::call::Args;
use super::exception::PyResult;
use super::heap::Vm;
use super::layout::Kind;
use super::types::TypeId;

/// The natives of this file.
pub(crate) const MEMVIEW_CAST: NativeTable =
    &[("cast", Place::Method(TypeId::MemoryView), mv_cast)];

/// Item size and signedness of a supported format character.
fn format_info(c: u8) -> Option<(usize, bool)> {
    Some(match c {
        b'B' | b'c' => (1, false),
        b'b' => (1, true),
        b'H' => (2, false),
        b'h' => (2, true),
        b'I' => (4, false),
        b'i' => (4, true),
        b'L' | b'Q' | b'N' => (8, false),
        b'l' | b'q' | b'n' => (8, true),
        _ => return None,
    })
}

impl Vm {
    /// The format character of a cast memoryview (`None` for plain `B`
    /// views).
    pub(crate) fn view_format(&self, v: Value) -> Option<u8> {
        if self.len_word(v) <= VIEW_FIELDS {
            return None;
        }
        let f = self.field(v, VIEW_FIELDS);
        self.str_bytes(f).last().copied()
    }

    /// Bytes per item of a memoryview.
    pub(crate) fn view_itemsize(&self, v: Value) -> usize {
        self.view_format(v)
            .and_then(format_info)
            .map_or(1, |(n, _)| n)
    }

    /// Item `i` of a cast view as an int (`None` past the end or for a
    /// value beyond the immediate range: see [`Vm::cast_item`]).
    pub(crate) fn cast_item_raw(&self, v: Value, i: usize) -> Option<(i128, u8)> {
        let c = self.view_format(v)?;
        let (size, signed) = format_info(c)?;
        let (start, len, _) = self.view_range(v);
        let at = start as usize + i * size;
        if (i + 1) * size > len as usize {
            return None;
        }
        let obj = self.field(v, ViewField::Obj as usize);
        let bytes = self.bytes_data(obj).get(at..at + size)?;
        let mut u: u64 = 0;
        for (k, &b) in bytes.iter().enumerate() {
            u |= (b as u64) << (8 * k);
        }
        let x = if signed && size < 8 {
            let shift = 64 - 8 * size as u32;
            (((u << shift) as i64) >> shift) as i128
        } else if signed {
            u as i64 as i128
        } else {
            u as i128
        };
        Some((x, c))
    }

    /// Item `i` of a cast view as a Python value (`c` items are bytes).
    pub(crate) fn cast_item(&mut self, v: Value, i: usize) -> PyResult<Option<Value>> {
        let Some((x, c)) = self.cast_item_raw(v, i) else {
            return Ok(None);
        };
        if c == b'c' {
            return self.new_bytes(&[x as u8]).map(Some);
        }
        self.new_int(num_bigint::BigInt::from(x)).map(Some)
    }

    /// `tolist()` of a cast view.
    pub(crate) fn cast_tolist(&mut self, v: Value) -> PyResult<Value> {
        let n = self.bytes_len(v);
        let vi = self.push_temp(v);
        let mark = self.temps_len();
        let r = (|| {
            for i in 0..n {
                let x = self.cast_item(self.temp(vi), i)?.unwrap_or(Value::NONE);
                self.push_temp(x);
            }
            let items = self.m.roots().temps[mark..].to_vec();
            self.new_list(&items)
        })();
        self.pop_temps(vi);
        r
    }
}

fn mv_cast(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = a.get(vm, 0);
    if vm.kind_of(v) != Some(Kind::MemoryView) {
        let t = vm.type_name(v);
        return Err(vm.type_error(&format!(
            "descriptor 'cast' for 'memoryview' objects doesn't apply to a '{t}' object"
        )));
    }
    vm.view_check(v)?;
    let n = a.npos(vm).saturating_sub(1);
    if a.nkw(vm) > 0 || n == 0 || n > 1 {
        if n == 0 && a.nkw(vm) == 0 {
            return Err(vm.type_error("cast() missing required argument 'format' (pos 1)"));
        }
        return Err(vm.not_supported("memoryview.cast() with a shape"));
    }
    let fmt = a.get(vm, 1);
    if !vm.is_str(fmt) {
        let t = vm.type_name(fmt);
        return Err(vm.type_error(&format!("cast() argument 'format' must be str, not {t}")));
    }
    let text = vm.str_text(fmt).into_owned();
    let c = text.strip_prefix('@').unwrap_or(&text);
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
    if !(len as usize).is_multiple_of(size) {
        return Err(vm.type_error("memoryview: length is not a multiple of itemsize"));
    }
    let fi = vm.push_temp(fmt);
    let r = (|| {
        let v = a.get(vm, 0);
        let obj = vm.field(v, ViewField::Obj as usize);
        let view = vm.new_view(obj, start, len, 1)?;
        let vi = vm.push_temp(view);
        let f = vm.new_str(&c[..1])?;
        let view = vm.temp(vi);
        let mut fields: Vec<Value> = (0..VIEW_FIELDS).map(|i| vm.field(view, i)).collect();
        fields.push(f);
        let class = vm.ty(TypeId::MemoryView);
        vm.alloc_record(Kind::MemoryView, class, &fields, 0)
    })();
    vm.pop_temps(fi);
    r
}
