//! `bytes`, `bytearray` and `memoryview` objects.
//!
//! - **bytes** is laid out like a `str` (`[kind|len][class][hash][0][bytes]`,
//!   see `layout.rs`), so hashing and equality in dict keys read it the
//!   same way;
//! - **bytearray** is a record with no fields and an off-heap `Vec<u8>`;
//! - **memoryview** is a record of [`ViewField`]s: the viewed object and the
//!   selected range (`start + step * i` for `i < len`), read through the
//!   object each time, so a view of a bytearray sees its mutations.

use pyvm_objmodel::Value;

use super::exception::PyResult;
use super::heap::Vm;
use super::layout::{Kind, STR_HASH_UNSET, STR_PREFIX_WORDS, kind_word};
use super::types::TypeId;

/// Fields of a memoryview.
#[derive(Clone, Copy, Debug)]
#[repr(usize)]
pub enum ViewField {
    /// The viewed `bytes` or `bytearray`.
    Obj = 0,
    /// First byte index (an int).
    Start,
    /// Number of items (an int).
    Len,
    /// Step between items (an int).
    Step,
    /// Whether `release()` was called (a bool).
    Released,
}
/// Number of memoryview fields.
pub const VIEW_FIELDS: usize = 5;

impl Vm {
    /// Allocates a `bytes` object holding `data`.
    pub fn new_bytes(&mut self, data: &[u8]) -> PyResult<Value> {
        let payload = 8 * STR_PREFIX_WORDS + data.len().div_ceil(8) * 8;
        let r = match self.m.alloc(payload) {
            Ok(g) => g.object_ref(),
            Err(_) => {
                let e = self.global(super::types::GlobalSlot::MemoryError);
                return Err(self.raise_value(e));
            }
        };
        let class = self.ty(TypeId::Bytes);
        let p = r.payload() as *mut u64;
        // SAFETY: freshly allocated with room for the prefix and the bytes.
        unsafe {
            *p = kind_word(Kind::Bytes, data.len() as u32);
            *p.add(1) = class.to_bits();
            *p.add(2) = STR_HASH_UNSET;
            *p.add(3) = 0;
            std::ptr::copy_nonoverlapping(
                data.as_ptr(),
                p.add(STR_PREFIX_WORDS) as *mut u8,
                data.len(),
            );
        }
        Ok(Value::from_heap_addr(r.address()).expect("gc addresses are heap values"))
    }

    /// Allocates a `bytearray` holding `data`.
    pub fn new_bytearray(&mut self, data: &[u8]) -> PyResult<Value> {
        let class = self.ty(TypeId::ByteArray);
        let boxed = Box::into_raw(Box::new(data.to_vec()));
        let r = self.alloc_record(Kind::ByteArray, class, &[], boxed as u64);
        if r.is_err() {
            // SAFETY: the box was not handed to any object.
            drop(unsafe { Box::from_raw(boxed) });
        }
        r
    }

    /// The contents of a bytearray (its off-heap vector).
    #[allow(clippy::mut_from_ref)]
    pub fn bytearray_vec(&self, v: Value) -> &mut Vec<u8> {
        debug_assert_eq!(self.kind_of(v), Some(Kind::ByteArray));
        let p = v
            .heap_addr()
            .and_then(pyvm_gc::ObjectRef::from_address)
            .expect("bytearray")
            .payload() as *const u64;
        // SAFETY: a bytearray has no fields: its off-heap word is payload
        // word 2 (after the kind word and the class), a live `Box<Vec<u8>>`
        // owned by the object; the interpreter never holds two of these
        // borrows at once.
        unsafe { &mut *(*p.add(super::layout::RECORD_PREFIX_WORDS) as *mut Vec<u8>) }
    }

    /// The bytes of a `bytes` or `bytearray` (empty for anything else).
    pub fn bytes_data(&self, v: Value) -> &[u8] {
        match self.kind_of(v) {
            Some(Kind::Bytes) => self.str_bytes(v),
            Some(Kind::ByteArray) => self.bytearray_vec(v).as_slice(),
            _ => &[],
        }
    }

    /// Whether `v` supports the buffer protocol (bytes, bytearray, memoryview).
    pub fn is_buffer(&self, v: Value) -> bool {
        matches!(
            self.kind_of(v),
            Some(Kind::Bytes | Kind::ByteArray | Kind::MemoryView)
        )
    }

    /// A copy of the bytes a buffer object exposes (`None` if `v` is not one;
    /// a released memoryview raises ValueError).
    pub fn buffer_copy(&mut self, v: Value) -> PyResult<Option<Vec<u8>>> {
        match self.kind_of(v) {
            Some(Kind::Bytes | Kind::ByteArray) => Ok(Some(self.bytes_data(v).to_vec())),
            Some(Kind::MemoryView) => {
                self.view_check(v)?;
                Ok(Some(self.view_bytes(v)))
            }
            // `array.array` exposes its items' machine representation.
            Some(Kind::Native) => Ok(super::modules::array_bytes(self, v)),
            _ => Ok(None),
        }
    }

    /// Raises ValueError if the view was released.
    pub fn view_check(&mut self, v: Value) -> PyResult<()> {
        if self.field(v, ViewField::Released as usize) == Value::TRUE {
            return Err(self.raise_msg(
                TypeId::ValueError,
                "operation forbidden on released memoryview object",
            ));
        }
        Ok(())
    }

    /// Start, length and step of a memoryview.
    pub fn view_range(&self, v: Value) -> (i64, i64, i64) {
        let g = |i: ViewField| self.field(v, i as usize).as_int().unwrap_or(0);
        (g(ViewField::Start), g(ViewField::Len), g(ViewField::Step))
    }

    /// The bytes a memoryview selects (clipped to the object's current size).
    pub fn view_bytes(&self, v: Value) -> Vec<u8> {
        let obj = self.field(v, ViewField::Obj as usize);
        let data = self.view_source(obj);
        let (start, len, step) = self.view_range(v);
        (0..len)
            .filter_map(|i| data.get((start + step * i) as usize).copied())
            .collect()
    }

    /// A new memoryview of `obj` (bytes or bytearray) selecting a range.
    pub fn new_view(&mut self, obj: Value, start: i64, len: i64, step: i64) -> PyResult<Value> {
        let class = self.ty(TypeId::MemoryView);
        let f = |i: i64| Value::from_int(i).unwrap_or(Value::NONE);
        let v = self.alloc_record(
            Kind::MemoryView,
            class,
            &[obj, f(start), f(len), f(step), Value::FALSE],
            0,
        )?;
        // A view of a bytearray keeps it from resizing (`buffer_exports.rs`).
        let obj = self.field(v, ViewField::Obj as usize);
        if self.kind_of(obj) == Some(Kind::ByteArray) {
            self.register_export(v, obj);
        }
        Ok(v)
    }

    /// The data attributes of a memoryview (`nbytes`, `readonly`, ...).
    pub fn view_attr(&mut self, v: Value, name: &[u8]) -> PyResult<Option<Value>> {
        let int = |i: i64| Value::from_int(i).unwrap_or(Value::NONE);
        let (_, len, _) = self.view_range(v);
        let _ = len;
        if let Some(c) = self.view_format(v) {
            let size = self.view_itemsize(v) as i64;
            return Ok(Some(match name {
                b"itemsize" => int(size),
                b"format" => self.new_str(&(c as char).to_string())?,
                _ => match self.typed_view_attr(v, name)? {
                    Some(x) => x,
                    None => return self.view_attr_plain(v, name),
                },
            }));
        }
        self.view_attr_plain(v, name)
    }

    fn view_attr_plain(&mut self, v: Value, name: &[u8]) -> PyResult<Option<Value>> {
        let int = |i: i64| Value::from_int(i).unwrap_or(Value::NONE);
        let obj = self.field(v, ViewField::Obj as usize);
        let (_, len, step) = self.view_range(v);
        Ok(Some(match name {
            b"obj" => obj,
            b"nbytes" => int(len),
            b"readonly" => Value::from_bool(self.view_readonly(v)),
            b"suboffsets" => self.new_tuple(&[])?,
            b"itemsize" => int(1),
            b"ndim" => int(1),
            b"format" => self.new_str("B")?,
            b"shape" => self.new_tuple(&[int(len)])?,
            b"strides" => self.new_tuple(&[int(step)])?,
            b"c_contiguous" | b"contiguous" | b"f_contiguous" => Value::from_bool(step == 1),
            _ => return Ok(None),
        }))
    }
}
