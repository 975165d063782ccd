//! `AttributeError`'s `name` and `obj` (set by failed attribute lookups,
//! as CPython 3.11's `set_attribute_error_context`) and the "Did you
//! mean: 'color'?" suggestion printed for an uncaught one.

use pyvm_objmodel::Value;

use super::exception::Raised;
use super::heap::Vm;
use super::types::{GlobalSlot, TypeId};

impl Vm {
    /// Raises an AttributeError with message `msg` for `obj.<key>`, with
    /// `name` and `obj` set on it.
    pub fn raise_attribute_error(&mut self, obj: Value, key: Value, msg: &str) -> Raised {
        let mark = self.temps_len();
        self.push_temp(obj);
        self.push_temp(key);
        let r = self.raise_msg(TypeId::AttributeError, msg);
        let exc = self.take_raised();
        let ei = self.push_temp(exc);
        // A failure here (MemoryError) leaves the attributes unset.
        if self.exc_dict_set(ei, "name", self.temp(mark + 1)).is_err()
            || self.exc_dict_set(ei, "obj", self.temp(mark)).is_err()
        {
            self.take_raised();
        }
        self.roots().raised = self.temp(ei);
        self.pop_temps(mark);
        r
    }

    /// The attribute CPython suggests for the uncaught AttributeError at
    /// temp `ei`: the closest name of `dir(exc.obj)` to `exc.name`.
    pub(crate) fn attribute_error_suggestion(&mut self, ei: usize) -> Option<String> {
        let exc = self.temp(ei);
        if !self.exc_matches(exc, TypeId::AttributeError) {
            return None;
        }
        let mark = self.temps_len();
        // Each lookup allocates its key: root what the first one found.
        match self.exc_dict_get(exc, "name") {
            Ok(Some(n)) if self.is_str(n) => self.push_temp(n),
            _ => {
                self.take_raised_if_any();
                return None;
            }
        };
        match self.exc_dict_get(self.temp(ei), "obj") {
            Ok(Some(o)) => self.push_temp(o),
            _ => {
                self.take_raised_if_any();
                self.pop_temps(mark);
                return None;
            }
        };
        let r = (|| {
            let b = self.global(GlobalSlot::Builtins);
            let dir = self.dict_get_str(b, "dir").ok()??;
            let l = self.call_value(dir, &[self.temp(mark + 1)]).ok()?;
            let items = self.collect_iterable(l).ok()?;
            let names: Vec<String> = items
                .iter()
                .filter(|&&k| self.is_str(k))
                .map(|&k| self.str_text(k).into_owned())
                .collect();
            let refs: Vec<&str> = names.iter().map(String::as_str).collect();
            let name = self.str_text(self.temp(mark)).into_owned();
            crate::suggestions::closest(&name, &refs).map(str::to_string)
        })();
        if r.is_none() {
            self.take_raised_if_any();
        }
        self.pop_temps(mark);
        r
    }

    fn take_raised_if_any(&mut self) {
        if !self.raised().is_empty() {
            self.take_raised();
        }
    }
}
