//! Code runs with the builtins named by its globals' `__builtins__` (a
//! module or a dict), as CPython's frames do: `exec(src, {"__builtins__":
//! {}})` cannot see `open`. The VM's builtins dict stays the fast path:
//! only when a globals dict names another one do lookups go there (and the
//! `LoadGlobal`/`LoadName` caches, which guard on the VM's builtins, are
//! not filled with builtins entries).

use pyvm_objmodel::Value;

use super::heap::Vm;
use super::layout::Kind;
use super::names::Name;
use super::types::GlobalSlot;

impl Vm {
    /// The builtins dict named by `globals["__builtins__"]` when it is not
    /// the VM's (no Python code runs: the key is an exact str).
    pub(crate) fn custom_builtins(&mut self, globals: Value) -> Option<Value> {
        if self.kind_of(globals) != Some(Kind::Dict) {
            return None;
        }
        let key = self.name(Name::Builtins);
        let g = self.dict_mut(globals);
        let at = g.index_of(&mut self.keys(), key).ok()??;
        let v = self.dict_mut(globals).value_at(at)?;
        let d = match self.kind_of(v) {
            Some(Kind::Module) => self.field(v, 0),
            Some(Kind::Dict) => v,
            _ => return None,
        };
        (d != self.global(GlobalSlot::Builtins) && self.kind_of(d) == Some(Kind::Dict)).then_some(d)
    }

    /// The builtins dict for code running with `globals`.
    pub(crate) fn builtins_of(&mut self, globals: Value) -> Value {
        self.custom_builtins(globals)
            .unwrap_or_else(|| self.global(GlobalSlot::Builtins))
    }
}
