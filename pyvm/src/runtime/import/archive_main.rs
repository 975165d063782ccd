//! Running a zip archive (`pyvm app.pyz`, as `python3 -m zipapp` makes)
//! or a directory holding `__main__.py`: the path becomes `sys.path[0]`
//! and its `__main__` module runs as `__main__` through the import
//! system (a zip archive through `zipimport`), as CPython's
//! `runpy._run_module_as_main("__main__", alter_argv=False)`.

use std::io::{Read, Seek, SeekFrom};

use pyvm_objmodel::Value;

use crate::runtime::exception::PyResult;
use crate::runtime::heap::Vm;
use crate::runtime::types::GlobalSlot;

/// Whether the program path is a directory or a zip archive (its
/// end-of-central-directory record in the last 64 KiB).
pub fn is_app_path(path: &str) -> bool {
    let p = std::path::Path::new(path);
    if p.is_dir() {
        return true;
    }
    let Ok(mut f) = std::fs::File::open(p) else {
        return false;
    };
    let Ok(len) = f.seek(SeekFrom::End(0)) else {
        return false;
    };
    let tail = len.min(65_536 + 22);
    let mut buf = Vec::new();
    if f.seek(SeekFrom::Start(len - tail)).is_err() || f.read_to_end(&mut buf).is_err() {
        return false;
    }
    buf.windows(4).any(|w| w == b"PK\x05\x06")
}

impl Vm {
    /// Runs the `__main__` module found on `sys.path` (whose first entry
    /// is the archive or directory `path`). `Ok(Err(message))` when there
    /// is none.
    pub fn run_archive_main(&mut self, path: &str) -> PyResult<Result<(), String>> {
        let mark = self.temps_len();
        let r = (|| {
            let spec = self.find_spec("__main__", Value::NONE)?;
            if spec.is_none() {
                return Ok(Err(format!("can't find '__main__' module in '{path}'")));
            }
            let si = self.push_temp(spec);
            let loader = self
                .attr_str(self.temp(si), "loader")?
                .unwrap_or(Value::NONE);
            let li = self.push_temp(loader);
            let origin = self
                .attr_str(self.temp(si), "origin")?
                .unwrap_or(Value::NONE);
            let origin = if self.is_str(origin) {
                Some(self.str_text(origin).into_owned())
            } else {
                None
            };
            let Some(get_code) = self.attr_str(self.temp(li), "get_code")? else {
                return Ok(Err(format!(
                    "No code object available for __main__ in '{path}'"
                )));
            };
            let gi = self.push_temp(get_code);
            let n = self.new_str("__main__")?;
            let code = self.call_value(self.temp(gi), &[n])?;
            let ci = self.push_temp(code);
            self.new_main_module(origin.as_deref())?;
            let m = self.sys_modules_get("__main__")?.unwrap_or(Value::NONE);
            let mi = self.push_temp(m);
            self.init_module_attrs(si, mi, false)?;
            let main_name = self.new_str("__main__")?;
            self.set_attr_str(self.temp(mi), "__name__", main_name)?;
            let b = self.global(GlobalSlot::Builtins);
            let exec = self.dict_get_str(b, "exec")?.unwrap_or(Value::NONE);
            let d = self.field(self.temp(mi), 0);
            self.call_value(exec, &[self.temp(ci), d])?;
            Ok(Ok(()))
        })();
        self.pop_temps(mark);
        r
    }
}
