//! Warnings from natives (`warnings.warn` run from Rust) and the
//! DeprecationWarnings CPython 3.11 emits in the numeric protocols:
//! `__index__`/`__int__` returning a strict subclass of `int` (`bool`),
//! `__float__` returning one of `float`, and `int()` delegating to
//! `__trunc__`.

use pyvm_objmodel::Value;

use super::super::exception::PyResult;
use super::super::heap::Vm;
use super::super::layout::Kind;
use super::super::types::TypeId;

const STRICT_SUBCLASS: &str = "The ability to return an instance of a strict subclass of";
const MAY_BE_REMOVED: &str = "is deprecated, and may be removed in a future version of Python.";

impl Vm {
    /// `warnings.warn(msg, category)` called from a native: the warning is
    /// attributed to the Python code that called the native. An error when
    /// the filters turn the warning into an exception.
    pub(crate) fn warn(&mut self, category: TypeId, msg: &str) -> PyResult<()> {
        let m = self.import_module("warnings")?;
        let f = self.get_attr_str(m, "warn")?;
        let fi = self.push_temp(f);
        let r = (|| {
            let s = self.new_str(msg)?;
            let cat = self.ty(category);
            self.call_value(self.temp(fi), &[s, cat])
        })();
        self.pop_temps(fi);
        r.map(|_| ())
    }

    /// Whether `v` is an exact `int` (not `bool`, not a subclass).
    pub(crate) fn is_exact_int(&self, v: Value) -> bool {
        v.is_int() || self.kind_of(v) == Some(Kind::BigInt)
    }

    /// The DeprecationWarning for `__index__`/`__int__` (`dunder`)
    /// returning `r`, an instance of a strict subclass of `int`.
    pub(crate) fn warn_int_subclass(&mut self, dunder: &str, r: Value) -> PyResult<()> {
        let t = self.type_name(r);
        self.warn(
            TypeId::DeprecationWarning,
            &format!(
                "{dunder} returned non-int (type {t}).  {STRICT_SUBCLASS} int {MAY_BE_REMOVED}"
            ),
        )
    }

    /// The DeprecationWarning for `C.__float__` returning `r`, an instance
    /// of a strict subclass of `float`.
    pub(crate) fn warn_float_subclass(&mut self, class: &str, r: Value) -> PyResult<()> {
        let t = self.type_name(r);
        self.warn(
            TypeId::DeprecationWarning,
            &format!(
                "{class}.__float__ returned non-float (type {t}).  {STRICT_SUBCLASS} float {MAY_BE_REMOVED}"
            ),
        )
    }

    /// The DeprecationWarning of `int(x)` delegating to `x.__trunc__()`.
    pub(crate) fn trunc_deprecated(&mut self) -> PyResult<()> {
        self.warn(
            TypeId::DeprecationWarning,
            "The delegation of int() to __trunc__ is deprecated.",
        )
    }
}
