//! Issuing a warning from native code: `warnings.warn(message, category)`
//! through the stdlib `warnings` module, so filters, `catch_warnings` and
//! `-W` apply as in CPython (whose C code calls the same machinery).

use pyvm_objmodel::Value;

use super::exception::PyResult;
use super::heap::Vm;
use super::types::TypeId;

impl Vm {
    /// `warnings.warn(message, category)` (an error when the filters turn
    /// the warning into an exception).
    pub(crate) fn warn(&mut self, category: TypeId, message: &str) -> PyResult<()> {
        let m = self.import_module("warnings")?;
        let mi = self.push_temp(m);
        let r = (|| {
            let f = self.get_attr_str(self.temp(mi), "warn")?;
            let fi = self.push_temp(f);
            let msg = self.new_str(message)?;
            let cat = self.ty(category);
            let f = self.temp(fi);
            self.call_value(f, &[msg, cat, Value::from_int(2).unwrap_or(Value::NONE)])
        })();
        self.pop_temps(mi);
        r.map(|_| ())
    }
}
