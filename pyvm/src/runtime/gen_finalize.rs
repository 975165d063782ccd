//! Generator finalization: an unreachable suspended generator (or
//! coroutine) is closed when the collector finds it dead, as CPython's
//! `_PyGen_Finalize` calls `close()`: its `finally` blocks and `with` exits
//! run with `GeneratorExit`, in reference cycles too.
//!
//! Only generators whose code has an exception-table entry (a `try`,
//! `with` or `except`) can run anything when closed, so only those are
//! registered with pyvm-gc's finalization queue, when created. The
//! collector resurrects and queues them like instances with `__del__`;
//! [`Vm::run_finalizers`] (`modules/gc.rs`) closes them at the next safe
//! point (`gc.collect()`, instance or generator creation). An exception
//! leaving `close()` (also "generator ignored GeneratorExit") is reported
//! as CPython's "Exception ignored in: <generator object ...>".
//! Async generators are left alone (CPython hands them to the event
//! loop's finalizer hook).

use pyvm_gc::ObjectRef;
use pyvm_objmodel::Value;

use super::exception::PyResult;
use super::heap::Vm;
use super::layout::{GenField, GenState, Kind};
use super::types::TypeId;

impl Vm {
    /// Registers the new generator `g` for closing when it dies, if its
    /// code can run anything when closed; runs finalizers a collection
    /// queued meanwhile first. Returns `g` (re-read after they ran).
    pub(crate) fn register_generator(&mut self, g: Value) -> PyResult<Value> {
        let class = self.class_of(g);
        if class == self.ty(TypeId::AsyncGenerator) {
            return Ok(g);
        }
        let code = self.field(g, GenField::Code as usize);
        if self.code_arc(code).exception_table.is_empty() {
            return Ok(g);
        }
        let gi = self.push_temp(g);
        let r = self.run_pending_finalizers();
        let g = self.temp(gi);
        self.pop_temps(gi);
        r?;
        if let Some(r) = g.heap_addr().and_then(ObjectRef::from_address) {
            self.note_finalizer_registered();
            // SAFETY: `g` was just read from a root.
            unsafe { self.m.register_finalizer(r) };
        }
        Ok(g)
    }

    /// Closes the dead generator at temp `gi` (queued by the collector);
    /// an error is reported as unraisable, as CPython does.
    pub(crate) fn finalize_generator(&mut self, gi: usize) {
        if self.gen_state(self.temp(gi)) != GenState::Suspended {
            return;
        }
        if self.gen_close(self.temp(gi)).is_err() {
            let g = self.temp(gi);
            self.report_ignored_value(g);
        }
    }

    /// Whether the queued object `v` is a generator or coroutine (closed
    /// rather than sent to `__del__`).
    pub(crate) fn is_finalizable_generator(&self, v: Value) -> bool {
        self.kind_of(v) == Some(Kind::Generator)
    }
}
