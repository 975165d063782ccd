//! `object.__new__` refuses classes with abstract methods: a class whose
//! own `__abstractmethods__` (set by `abc.ABCMeta`) is non-empty cannot be
//! instantiated, with CPython's message.

use super::exception::PyResult;
use super::heap::Vm;
use super::layout::TypeField;
use super::names::Name;

impl Vm {
    /// Raises CPython's TypeError if the class at temp `ti` is abstract.
    pub fn check_not_abstract(&mut self, ti: usize) -> PyResult<()> {
        let t = self.temp(ti);
        if !self.is_heap_type(t) {
            return Ok(());
        }
        let d = self.field(t, TypeField::Dict as usize);
        let key = self.name(Name::Abstractmethods);
        let Some(abs) = self.dict_get(d, key)? else {
            return Ok(());
        };
        if !self.truthy(abs)? {
            return Ok(());
        }
        let d = self.field(self.temp(ti), TypeField::Dict as usize);
        let key = self.name(Name::Abstractmethods);
        let Some(abs) = self.dict_get(d, key)? else {
            return Ok(());
        };
        let items = self.collect_iterable(abs)?;
        let mut names: Vec<String> = items
            .iter()
            .filter(|&&v| self.is_str(v))
            .map(|&v| self.str_text(v).into_owned())
            .collect();
        names.sort();
        let n = self.class_name(self.temp(ti));
        let s = if names.len() == 1 { "" } else { "s" };
        Err(self.type_error(&format!(
            "Can't instantiate abstract class {n} with abstract method{s} {}",
            names.join(", ")
        )))
    }
}
