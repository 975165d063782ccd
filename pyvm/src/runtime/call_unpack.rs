//! `f(*x)` with a single starred argument passes `x` itself to `CallEx`
//! (as CPython's `CALL_FUNCTION_EX` does); a non-tuple is turned into the
//! argument tuple here, with CPython's error for a non-iterable.

use pyvm_objmodel::Value;

use super::exception::PyResult;
use super::heap::Vm;

impl Vm {
    /// The positional-argument tuple for `func(*x)`.
    pub(crate) fn star_args_tuple(&mut self, func: Value, x: Value) -> PyResult<Value> {
        let fi = self.push_temp(func);
        let xi = self.push_temp(x);
        let r = (|| {
            if !self.is_iterable_value(self.temp(xi))? {
                let t = self.type_name(self.temp(xi));
                let who = self.callable_name(self.temp(fi))?;
                return Err(self.type_error(&format!(
                    "{who}() argument after * must be an iterable, not {t}"
                )));
            }
            let l = self.new_list(&[])?;
            let li = self.push_temp(l);
            self.list_extend(self.temp(li), self.temp(xi))?;
            let items = self.list_vec(self.temp(li)).clone();
            self.new_tuple(&items)
        })();
        self.pop_temps(fi);
        r
    }

    /// Whether `iter(x)` can succeed, as far as the type says (a kind
    /// that iterates, or an instance whose class has `__iter__` or
    /// `__getitem__`).
    pub(crate) fn is_iterable_value(&mut self, x: Value) -> PyResult<bool> {
        if !self.iterable_kind(x) {
            return Ok(false);
        }
        self.iterable_instance(x)
    }

    /// False for an instance whose class has neither `__iter__` nor
    /// `__getitem__` (any other value: true).
    fn iterable_instance(&mut self, x: Value) -> PyResult<bool> {
        if self.kind_of(x) != Some(super::layout::Kind::Instance) {
            return Ok(true);
        }
        let ci = self.push_temp(self.class_of(x));
        let r = match self.lookup_type_attr(self.temp(ci), "__iter__") {
            Ok(Some(_)) => Ok(true),
            Ok(None) => self
                .lookup_type_attr(self.temp(ci), "__getitem__")
                .map(|m| m.is_some()),
            Err(e) => Err(e),
        };
        self.pop_temps(ci);
        r
    }
}
