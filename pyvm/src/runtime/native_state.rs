//! Objects of native types that keep Rust state ([`Kind::NativeState`]):
//! `_random.Random` (its Mersenne Twister) and user subclasses of it.
//!
//! The object is a record with one field, its attribute dict (so user
//! subclasses can set attributes), and an off-heap [`NativeCell`] holding
//! the state as `Box<dyn Any>`. The state holds no heap references (the
//! collector does not look inside it). A subclass instance starts with an
//! empty cell; the type's methods create the state on first use.

use std::any::Any;

use pyvm_objmodel::Value;

use super::exception::PyResult;
use super::heap::Vm;
use super::layout::{Kind, RECORD_PREFIX_WORDS};

/// The off-heap part of a [`Kind::NativeState`] object.
pub struct NativeCell(pub Option<Box<dyn Any>>);

impl Vm {
    /// A new native-state object of `class` (its attribute dict empty).
    pub fn new_native_object(
        &mut self,
        class: Value,
        state: Option<Box<dyn Any>>,
    ) -> PyResult<Value> {
        let ci = self.push_temp(class);
        let d = self.new_dict();
        let class = self.temp(ci);
        self.pop_temps(ci);
        let d = d?;
        let boxed = Box::into_raw(Box::new(NativeCell(state)));
        let r = self.alloc_record(Kind::NativeState, class, &[d], boxed as u64);
        if r.is_err() {
            // SAFETY: the box was not handed to any object.
            drop(unsafe { Box::from_raw(boxed) });
        }
        r
    }

    /// The state cell of a native-state object (`None` for other values).
    #[allow(clippy::mut_from_ref)]
    pub fn native_cell(&self, v: Value) -> Option<&mut NativeCell> {
        if self.kind_of(v) != Some(Kind::NativeState) {
            return None;
        }
        let p = v.heap_addr()? as *const u64;
        // SAFETY: `v` is a live native-state object: after the 8-byte gc
        // header come the kind word, the class, its one field, then the
        // off-heap `Box<NativeCell>` (never null for this kind). The VM is
        // single-threaded and callers hold the borrow for one statement.
        unsafe {
            let off = *p.add(1 + RECORD_PREFIX_WORDS + self.len_word(v));
            (off != 0).then(|| &mut *(off as *mut NativeCell))
        }
    }

    /// The state of type `T` of a native-state object, created by `init`
    /// when the cell is empty; `None` when `v` holds no `T`.
    pub fn native_state<T: Any>(&self, v: Value, init: impl FnOnce() -> T) -> Option<&mut T> {
        let cell = self.native_cell(v)?;
        if cell.0.is_none() {
            cell.0 = Some(Box::new(init()));
        }
        cell.0.as_mut()?.downcast_mut::<T>()
    }
}
