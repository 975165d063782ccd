//! Interned names: every code object's `names` (globals, attributes,
//! imports) and the preallocated special-method names are one str object
//! per text, so a dict whose keys came from one code object and a lookup
//! from another compare keys by identity (the dicts' fast path) instead of
//! by `eq`. The table is a dict (text → the str) kept in an auxiliary VM
//! root; interned strs live as long as the VM.

use pyvm_objmodel::Value;

use super::exception::PyResult;
use super::heap::Vm;
use super::types::GlobalSlot;

/// The auxiliary root (see `native_types::aux_global`) holding the table.
pub(crate) const INTERNED: usize = 16;

impl Vm {
    /// The canonical str equal to the str `s` (`s` itself the first time).
    pub fn intern(&mut self, s: Value) -> PyResult<Value> {
        let si = self.push_temp(s);
        let r = self.intern_inner(si);
        self.pop_temps(si);
        r
    }

    fn intern_inner(&mut self, si: usize) -> PyResult<Value> {
        let mut d = self.aux_global(INTERNED);
        if d.is_empty() {
            d = self.new_dict()?;
            self.set_aux_global(INTERNED, d);
            // The special-method names are canonical from the start.
            let names = self.global(GlobalSlot::Names);
            if !names.is_empty() {
                let n = self.tuple_items(names).len();
                for i in 0..n {
                    let names = self.global(GlobalSlot::Names);
                    let k = self.tuple_items(names)[i];
                    self.dict_set(self.aux_global(INTERNED), k, k)?;
                }
            }
        }
        let d = self.aux_global(INTERNED);
        if let Some(v) = self.dict_get(d, self.temp(si))? {
            return Ok(v);
        }
        let s = self.temp(si);
        self.dict_set(self.aux_global(INTERNED), s, s)?;
        Ok(self.temp(si))
    }
}
