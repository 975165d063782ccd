//! Small parts of the runtime written in Python (`py/*.py`, pyvm's own
//! code, embedded with `include_str!`): compiled and run once per VM in a
//! namespace of their own, for behaviour that is ordinary Python and on no
//! fast path (`types.GenericAlias`, `object.__reduce_ex__`).

use pyvm_objmodel::Value;

use super::exception::PyResult;
use super::heap::Vm;
use super::types::TypeId;

impl Vm {
    /// Runs `src` (named `file` in tracebacks) with a fresh globals dict
    /// whose `__name__` is `name`; returns that dict.
    pub(crate) fn run_embedded(&mut self, src: &str, file: &str, name: &str) -> PyResult<Value> {
        let code = match pyvm_bytecode::compile(src, file, pyvm_bytecode::Mode::Exec) {
            Ok(c) => c,
            Err(e) => {
                return Err(self.raise_msg(
                    TypeId::SystemError,
                    &format!("cannot compile {file}: {e:?}"),
                ));
            }
        };
        let code = self.new_code(code)?;
        let ci = self.push_temp(code);
        let r = (|| {
            let g = self.new_dict()?;
            let gi = self.push_temp(g);
            let n = self.new_str(name)?;
            self.dict_set_str(self.temp(gi), "__name__", n)?;
            let depth = self.m.roots().frames.len();
            self.push_code_frame(self.temp(ci), self.temp(gi), self.temp(gi), Value::EMPTY)?;
            self.run_frames(depth)?;
            Ok(self.temp(gi))
        })();
        self.pop_temps(ci);
        r
    }
}
