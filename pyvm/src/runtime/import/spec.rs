//! The Python-visible import front: `_frozen_importlib` (and its alias
//! `_frozen_importlib_external`), pyvm's own Python source
//! (`frozen_importlib.py`, embedded in the binary) defining `ModuleSpec`,
//! the loaders and finders that CPython's `importlib` package re-exports.
//! It is loaded the first time a spec is needed (the first import of a
//! file module), so programs that import nothing do not pay for it.

use pyvm_objmodel::Value;

use crate::runtime::exception::PyResult;
use crate::runtime::heap::Vm;
use crate::runtime::layout::Kind;

/// The front's source.
const SOURCE: &str = include_str!("frozen_importlib.py");

impl Vm {
    /// The `_frozen_importlib` module, loaded on first use.
    pub(crate) fn import_front(&mut self) -> PyResult<Value> {
        if let Some(m) = self.sys_modules_get("_frozen_importlib")? {
            return Ok(m);
        }
        let code = match pyvm_bytecode::compile(
            SOURCE,
            "<frozen importlib._bootstrap>",
            pyvm_bytecode::Mode::Exec,
        ) {
            Ok(c) => c,
            Err(e) => {
                let msg = format!("pyvm's import front does not compile: {}", e.msg);
                return Err(self.raise_msg(crate::runtime::types::TypeId::SystemError, &msg));
            }
        };
        let m = self.new_module("_frozen_importlib")?;
        let mi = self.push_temp(m);
        let r = (|| {
            let d = self.field(self.temp(mi), 0);
            let b = self.global(crate::runtime::types::GlobalSlot::Builtins);
            self.dict_set_str(d, "__builtins__", b)?;
            self.sys_modules_set("_frozen_importlib", self.temp(mi))?;
            let d = self.field(self.temp(mi), 0);
            if let Err(e) = self.exec_code_in(code, d) {
                let _ = self.sys_modules_remove("_frozen_importlib");
                return Err(e);
            }
            // `_frozen_importlib_external`: a second module with the same names.
            let ext = self.new_module("_frozen_importlib_external")?;
            let ei = self.push_temp(ext);
            let src = self.field(self.temp(mi), 0);
            let items: Vec<(Value, Value)> = self.dict_mut(src).items(&self.keys()).collect();
            let base = self.temps_len();
            for &(k, v) in &items {
                self.push_temp(k);
                self.push_temp(v);
            }
            for i in 0..items.len() {
                let (k, v) = (self.temp(base + 2 * i), self.temp(base + 2 * i + 1));
                if matches!(self.str_bytes(k), b"__name__" | b"__doc__" | b"__spec__") {
                    continue;
                }
                let d = self.field(self.temp(ei), 0);
                self.dict_set(d, k, v)?;
            }
            self.pop_temps(base);
            self.sys_modules_set("_frozen_importlib_external", self.temp(ei))?;
            self.pop_temps(ei);
            Ok(self.temp(mi))
        })();
        self.pop_temps(mi);
        r
    }

    /// Calls function `name` of the import front with `args`.
    pub(crate) fn front_call(&mut self, name: &str, args: &[Value]) -> PyResult<Value> {
        let mark = self.temps_len();
        self.roots().temps.extend_from_slice(args);
        let r = (|| {
            let front = self.import_front()?;
            let d = self.field(front, 0);
            let Some(f) = self.dict_get_str(d, name)? else {
                let msg = format!("pyvm's import front has no '{name}'");
                return Err(self.raise_msg(crate::runtime::types::TypeId::SystemError, &msg));
            };
            let args = self.m.roots().temps[mark..].to_vec();
            self.call_value(f, &args)
        })();
        self.pop_temps(mark);
        r
    }

    /// The front's object `name` if the front is loaded (no loading).
    pub(crate) fn front_attr_if_loaded(&mut self, name: &str) -> PyResult<Option<Value>> {
        let Some(front) = self.sys_modules_get("_frozen_importlib")? else {
            return Ok(None);
        };
        if self.kind_of(front) != Some(Kind::Module) {
            return Ok(None);
        }
        let d = self.field(front, 0);
        self.dict_get_str(d, name)
    }
}
