//! Buffer exports: `BufferError: Existing exports of data: object cannot
//! be re-sized` while a memoryview of a bytearray (or of a `BytesIO`'s
//! buffer, `getbuffer()`) is alive and not released.
//!
//! CPython counts exports with reference counts: a view frees its export
//! when released or when its last reference goes. pyvm has no reference
//! counts, so it keeps a weak reference to each exporting view with one
//! to the exporter. Resizing asks whether a live, unreleased view of the
//! object remains; only if the list says so does it collect the heap
//! (views dropped without `release()` die there) and ask again. A program
//! that never makes a view of a bytearray pays one branch per resize.

use pyvm_gc::{CollectionKind, ObjectRef, WeakRef};
use pyvm_objmodel::Value;

use super::bytes_obj::ViewField;
use super::exception::PyResult;
use super::heap::Vm;
use super::types::TypeId;

/// The exporting views: (view, exporter) weak references.
#[derive(Default)]
pub struct Exports(Vec<(WeakRef, WeakRef)>);

impl Vm {
    /// Records that `view` exports `exporter`'s buffer.
    pub(crate) fn register_export(&mut self, view: Value, exporter: Value) {
        let (Some(v), Some(e)) = (
            view.heap_addr().and_then(ObjectRef::from_address),
            exporter.heap_addr().and_then(ObjectRef::from_address),
        ) else {
            return;
        };
        // SAFETY: both were passed in by the caller, read from roots or
        // just allocated, with no allocation since.
        let pair = unsafe { (self.m.new_weak(v, false), self.m.new_weak(e, false)) };
        self.buffer_exports.0.push(pair);
    }

    /// Raises BufferError if `obj` (about to change size) has a live view.
    #[inline]
    pub(crate) fn check_resizable(&mut self, obj: Value) -> PyResult<()> {
        if self.buffer_exports.0.is_empty() {
            return Ok(());
        }
        self.check_resizable_slow(obj)
    }

    fn check_resizable_slow(&mut self, obj: Value) -> PyResult<()> {
        if !self.has_live_export(obj) {
            return Ok(());
        }
        // Views usually die young: a minor collection finds those cheaply;
        // only a view that survives it costs a full one.
        let oi = self.push_temp(obj);
        self.clear_dead_temps();
        self.m.collect(CollectionKind::Minor);
        if self.has_live_export(self.temp(oi)) {
            self.m.collect(CollectionKind::Major);
        }
        let obj = self.temp(oi);
        self.pop_temps(oi);
        if self.has_live_export(obj) {
            return Err(self.raise_msg(
                TypeId::BufferError,
                "Existing exports of data: object cannot be re-sized",
            ));
        }
        Ok(())
    }

    /// Whether a live, unreleased view exports `obj`; forgets the entries
    /// of dead or released views on the way.
    fn has_live_export(&mut self, obj: Value) -> bool {
        let mut found = false;
        let mut i = 0;
        while i < self.buffer_exports.0.len() {
            let (v, e) = self.buffer_exports.0[i];
            let view = self.m.weak_get(v).map(|g| g.object_ref().address());
            let exporter = self.m.weak_get(e).map(|g| g.object_ref().address());
            let live = match (view.and_then(Value::from_heap_addr), exporter) {
                (Some(view), Some(ex)) => {
                    if self.field(view, ViewField::Released as usize) == Value::TRUE {
                        None
                    } else {
                        Some(ex)
                    }
                }
                _ => None,
            };
            match live {
                Some(ex) => {
                    found |= Value::from_heap_addr(ex) == Some(obj);
                    i += 1;
                }
                None => {
                    self.buffer_exports.0.swap_remove(i);
                    self.m.release_weak(v);
                    self.m.release_weak(e);
                }
            }
        }
        found
    }
}
