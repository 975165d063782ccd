//! Adjustments to pure-Python stdlib modules that stand in for CPython's
//! C modules, where a message a program sees differs (`_pydecimal` for
//! `_decimal`). After such a module's file has run, a small Python source
//! of pyvm's own (`py/fixup_*.py`) runs in the module's namespace. The
//! stdlib files themselves are run unchanged from the installation.

use pyvm_objmodel::Value;

use super::exception::PyResult;
use super::heap::Vm;
use super::types::TypeId;

/// File name of the stdlib module → the fixup to run in its namespace.
const FIXUPS: &[(&str, &str)] = &[("_pydecimal.py", include_str!("py/fixup_pydecimal.py"))];

impl Vm {
    /// Runs the fixup of the module file at `path` (if it has one) with
    /// `dict`, the module's namespace, as globals.
    pub(crate) fn stdlib_fixup(&mut self, path: &str, dict: Value) -> PyResult<()> {
        let file = path.rsplit('/').next().unwrap_or(path);
        let Some(&(name, src)) = FIXUPS.iter().find(|(n, _)| *n == file) else {
            return Ok(());
        };
        let fname = format!("<pyvm fixup of {name}>");
        let code = match pyvm_bytecode::compile(src, &fname, pyvm_bytecode::Mode::Exec) {
            Ok(c) => c,
            Err(e) => {
                return Err(self.raise_msg(
                    TypeId::SystemError,
                    &format!("cannot compile {fname}: {e:?}"),
                ));
            }
        };
        let di = self.push_temp(dict);
        let r = (|| {
            let code = self.new_code(code)?;
            self.push_temp(code);
            let depth = self.m.roots().frames.len();
            let (code, d) = (self.temp(di + 1), self.temp(di));
            self.push_code_frame(code, d, d, Value::EMPTY)?;
            self.run_frames(depth).map(|_| ())
        })();
        self.pop_temps(di);
        r
    }
}
