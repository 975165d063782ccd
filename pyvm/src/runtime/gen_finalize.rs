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
//! point (`gc.collect()`; one found by a collection that ran finalizers at
//! an instance creation waits for the next `gc.collect()`). An exception
//! leaving `close()` (also "generator ignored GeneratorExit") is reported
//! as CPython's "Exception ignored in: <generator object ...>".
//! Async generators are left alone (CPython hands them to the event
//! loop's finalizer hook).

use std::cell::Cell;

use pyvm_gc::ObjectRef;
use pyvm_objmodel::Value;

use super::exception::PyResult;
use super::heap::Vm;
use super::layout::{GenField, GenState, Kind};
use super::types::TypeId;

/// Auxiliary root: dead generators queued outside `gc.collect()`, closed
/// by the next one (a list).
const PENDING_GENERATORS: usize = 57;

thread_local! {
    /// Set while `gc.collect()` runs finalizers.
    static CLOSING: Cell<bool> = const { Cell::new(false) };
}

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
    /// an error is reported as unraisable, as CPython does. Outside
    /// `gc.collect()` (finalizers run at an instance creation) the
    /// generator is kept in a list and closed by the next `gc.collect()`:
    /// running its `finally` at whatever allocation happened to follow a
    /// collection would make output depend on the collector's timing.
    pub(crate) fn finalize_generator(&mut self, gi: usize) -> PyResult<()> {
        if self.gen_state(self.temp(gi)) != GenState::Suspended {
            return Ok(());
        }
        if !CLOSING.with(|c| c.get()) {
            let mut l = self.aux_global(PENDING_GENERATORS);
            if l.is_empty() {
                l = self.new_list(&[])?;
                self.set_aux_global(PENDING_GENERATORS, l);
            }
            let g = self.temp(gi);
            self.list_vec(l).push(g);
            // SAFETY: `l` was just read from a root.
            unsafe { self.barrier(l) };
            return Ok(());
        }
        if self.gen_close(self.temp(gi)).is_err() {
            let g = self.temp(gi);
            self.report_ignored_value(g);
        }
        Ok(())
    }

    /// Runs `f` (`gc.collect()`'s finalizers) with generators closed at
    /// once, after closing those kept from earlier collections.
    pub(crate) fn with_generator_closing<R>(
        &mut self,
        f: impl FnOnce(&mut Vm) -> PyResult<R>,
    ) -> PyResult<R> {
        let was = CLOSING.with(|c| c.replace(true));
        let r = (|| {
            let l = self.aux_global(PENDING_GENERATORS);
            if !l.is_empty() {
                let pending = std::mem::take(self.list_vec(l));
                let mark = self.temps_len();
                self.roots().temps.extend_from_slice(&pending);
                for i in mark..mark + pending.len() {
                    self.finalize_generator(i)?;
                }
                self.pop_temps(mark);
            }
            f(self)
        })();
        CLOSING.with(|c| c.set(was));
        r
    }

    /// Whether the queued object `v` is a generator or coroutine (closed
    /// rather than sent to `__del__`).
    pub(crate) fn is_finalizable_generator(&self, v: Value) -> bool {
        self.kind_of(v) == Some(Kind::Generator)
    }
}
