//! Issuing the compiler's warnings (`pyvm_bytecode::compile_warnings`:
//! `DeprecationWarning: invalid escape sequence '\d'`) through the
//! `warnings` module after a compilation, as CPython's compiler calls
//! `PyErr_WarnExplicit`: filters apply, and a warning turned into an
//! error propagates.

use super::exception::PyResult;
use super::heap::Vm;
use super::types::TypeId;

impl Vm {
    /// Issues the warnings of the compilation of `filename` just done.
    pub(crate) fn issue_compile_warnings(&mut self, filename: &str) -> PyResult<()> {
        let pending = pyvm_bytecode::compile_warnings::take();
        for w in pending {
            let category = match w.category {
                "DeprecationWarning" => TypeId::DeprecationWarning,
                _ => TypeId::SyntaxWarning,
            };
            let warnings = self.import_module("warnings")?;
            let f = self.get_attr_str(warnings, "warn_explicit")?;
            let mark = self.push_temp(f);
            let r = (|| {
                let msg = self.new_str(&w.message)?;
                self.push_temp(msg);
                let name = self.new_str(filename)?;
                self.push_temp(name);
                let line = self.new_i64(i64::from(w.line))?;
                let args = [
                    self.temp(mark + 1),
                    self.ty(category),
                    self.temp(mark + 2),
                    line,
                ];
                self.call_value(self.temp(mark), &args)
            })();
            self.pop_temps(mark);
            if r.is_err() && self.exc_matches(self.raised(), category) {
                // An `error` filter: CPython raises a SyntaxError instead.
                self.take_raised();
                return Err(self.raise_syntax_error(&w.error));
            }
            r?;
        }
        Ok(())
    }
}
