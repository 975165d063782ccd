//! The import system: `import`, `from ... import`, `sys.modules`.
//!
//! So far it imports native modules (`super::modules`); Python source
//! modules, packages and relative imports come with the import-system work.

use pyvm_objmodel::Value;

use super::exception::PyResult;
use super::heap::Vm;
use super::layout::Kind;
use super::types::{GlobalSlot, TypeId};

impl Vm {
    /// `import name` (absolute, `level == 0`): the module, imported once and
    /// then found in `sys.modules`.
    pub fn import_module(&mut self, name: &str) -> PyResult<Value> {
        let modules = self.global(GlobalSlot::Modules);
        if let Some(m) = self.dict_get_str(modules, name)? {
            return Ok(m);
        }
        if let Some(m) = self.import_native(name)? {
            return Ok(m);
        }
        Err(self.raise_msg(
            TypeId::ModuleNotFoundError,
            &format!("No module named '{name}'"),
        ))
    }

    /// The `ImportName` instruction: `__import__(name, globals, None,
    /// fromlist, level)`. Returns the top-level package for `import a.b`
    /// and the named module itself when there is a fromlist.
    pub fn import_name(&mut self, name: &str, fromlist: Value, level: usize) -> PyResult<Value> {
        if level > 0 {
            return Err(self.raise_msg(
                TypeId::ImportError,
                "attempted relative import with no known parent package",
            ));
        }
        let base = self.temps_len();
        let mut prefix = String::new();
        for (i, part) in name.split('.').enumerate() {
            if i > 0 {
                prefix.push('.');
            }
            prefix.push_str(part);
            let m = self.import_module(&prefix)?;
            // temps[base] is the top-level module, temps[base + 1] the last.
            if i == 0 {
                self.push_temp(m);
                self.push_temp(m);
            } else {
                self.roots().temps[base + 1] = m;
            }
        }
        let (top, last) = (self.temp(base), self.temp(base + 1));
        self.pop_temps(base);
        let has_fromlist =
            self.kind_of(fromlist) == Some(Kind::Tuple) && !self.tuple_items(fromlist).is_empty();
        Ok(if has_fromlist { last } else { top })
    }

    /// The `ImportFrom` instruction: `module.name`, or ImportError as
    /// CPython words it.
    pub fn import_from(&mut self, module: Value, name: Value) -> PyResult<Value> {
        let mi = self.push_temp(module);
        let ni = self.push_temp(name);
        let r = self.get_attr(module, name);
        match r {
            Ok(v) => {
                self.pop_temps(mi);
                Ok(v)
            }
            Err(e) => {
                if !self.exc_matches(self.raised(), TypeId::AttributeError) {
                    self.pop_temps(mi);
                    return Err(e);
                }
                let m = self.temp(mi);
                let n = self.str_text(self.temp(ni)).into_owned();
                let mname = match self.kind_of(m) {
                    Some(Kind::Module) => self.str_text(self.field(m, 1)).into_owned(),
                    _ => "<unknown module name>".to_string(),
                };
                self.pop_temps(mi);
                Err(self.raise_msg(
                    TypeId::ImportError,
                    &format!("cannot import name '{n}' from '{mname}' (unknown location)"),
                ))
            }
        }
    }
}
