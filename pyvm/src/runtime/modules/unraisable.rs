//! `sys.unraisablehook`: exceptions that cannot propagate (raised by
//! `__del__`, weak reference callbacks) go to the hook a program installed
//! on `sys`, with CPython's `UnraisableHookArgs` attributes (`exc_type`,
//! `exc_value`, `exc_traceback`, `err_msg`, `object`); without one, pyvm
//! prints CPython's "Exception ignored in: ..." report.

use pyvm_objmodel::Value;

use crate::runtime::exception::PyResult;
use crate::runtime::heap::Vm;
use crate::runtime::layout::ExcField;
use crate::runtime::types::GlobalSlot;

/// Auxiliary root: the namespace of [`SRC`], compiled on first use.
const HELPER: usize = 23;

const SRC: &str = "\
class UnraisableHookArgs:
    def __init__(self, exc_type, exc_value, exc_traceback, err_msg, object):
        self.exc_type = exc_type
        self.exc_value = exc_value
        self.exc_traceback = exc_traceback
        self.err_msg = err_msg
        self.object = object
";

impl Vm {
    /// The hook the program stored as `sys.unraisablehook`, if any.
    fn unraisable_hook(&mut self) -> PyResult<Option<Value>> {
        let sys = self.global(GlobalSlot::Sys);
        if sys.is_empty() {
            return Ok(None);
        }
        let d = self.field(sys, 0);
        self.dict_get_str(d, "unraisablehook")
    }

    /// Passes the exception `exc` raised in `what` to `sys.unraisablehook`
    /// if the program set one: `Ok(false)` when there is none.
    pub(crate) fn call_unraisable_hook(&mut self, exc: Value, what: Value) -> PyResult<bool> {
        let mark = self.temps_len();
        self.push_temp(exc);
        self.push_temp(what);
        let r = (|| {
            let Some(hook) = self.unraisable_hook()? else {
                return Ok(false);
            };
            let hi = self.push_temp(hook);
            let mut ns = self.aux_global(HELPER);
            if ns.is_empty() {
                ns = self.run_embedded(SRC, "<pyvm unraisable>", "sys")?;
                self.set_aux_global(HELPER, ns);
            }
            let cls = self
                .dict_get_str(ns, "UnraisableHookArgs")?
                .unwrap_or(Value::NONE);
            let ci = self.push_temp(cls);
            // `err_msg` None: the hook's default wording ("Exception
            // ignored in"), as CPython passes for `__del__` and callbacks.
            let msg = Value::NONE;
            let exc = self.temp(mark);
            let tb = self.field(exc, ExcField::Traceback as usize);
            let args = [
                self.class_of(exc),
                exc,
                if tb.is_empty() { Value::NONE } else { tb },
                msg,
                self.temp(mark + 1),
            ];
            let a = self.call_value(self.temp(ci), &args)?;
            self.call_value(self.temp(hi), &[a])?;
            Ok(true)
        })();
        self.pop_temps(mark);
        r
    }
}
