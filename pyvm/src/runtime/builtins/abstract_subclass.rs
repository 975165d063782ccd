//! `issubclass`/`isinstance` with objects that are not classes but have a
//! tuple `__bases__` (CPython's "abstract" classes): the check walks their
//! `__bases__` by identity.

use pyvm_objmodel::Value;

use super::super::exception::PyResult;
use super::super::heap::Vm;
use super::super::layout::Kind;
use super::super::types::TypeId;

impl Vm {
    /// `v.__bases__` if it is a tuple, else `None` (an AttributeError
    /// reading it counts as absent).
    pub(crate) fn abstract_bases(&mut self, v: Value) -> PyResult<Option<Value>> {
        match self.get_attr_str(v, "__bases__") {
            Ok(b) if self.kind_of(b) == Some(Kind::Tuple) => Ok(Some(b)),
            Ok(_) => Ok(None),
            Err(e) => {
                if self.exc_matches(self.raised(), TypeId::AttributeError) {
                    self.take_raised();
                    Ok(None)
                } else {
                    Err(e)
                }
            }
        }
    }

    /// Whether `cls` is `derived` or among its `__bases__`, recursively.
    pub(crate) fn abstract_issubclass(&mut self, derived: Value, cls: Value) -> PyResult<bool> {
        if derived == cls {
            return Ok(true);
        }
        let mark = self.temps_len();
        self.push_temp(cls);
        let r = (|| {
            let Some(bases) = self.abstract_bases(derived)? else {
                return Ok(false);
            };
            self.push_temp(bases);
            let n = self.tuple_items(bases).len();
            for i in 0..n {
                let b = self.tuple_items(self.temp(mark + 1))[i];
                let found = self.recurse_native(" in __subclasscheck__", |vm| {
                    vm.abstract_issubclass(b, vm.temp(mark))
                })?;
                if found {
                    return Ok(true);
                }
            }
            Ok(false)
        })();
        self.pop_temps(mark);
        r
    }
}
