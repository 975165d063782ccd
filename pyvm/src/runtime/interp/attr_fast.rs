//! `LoadAttr`, `LoadMethod` and `StoreAttr` on plain instances, reached
//! without the generic protocol's layers: for an instance (kind `Instance`)
//! whose class has no data descriptor and no attribute hook (`SLOW_ATTR`
//! clear), `object.__getattribute__` is "instance dict, then the MRO", and
//! `object.__setattr__` of a non-dunder name is a store into the instance
//! dict. Each function here does the first step of that protocol and
//! answers only when it decides the result; otherwise it returns `None`
//! and the instruction runs the generic path from the start. Names are
//! interned (`intern.rs`), so the dict probes hit by identity, and the MRO
//! walk goes through the type attribute cache.

use pyvm_objmodel::Value;

use super::super::class_create::flags;
use super::super::exception::PyResult;
use super::super::heap::Vm;
use super::super::layout::Kind;

impl Vm {
    /// The instance dict of `obj` if it is a plain instance of a class on
    /// the fast attribute path.
    #[inline]
    fn plain_instance_dict(&self, obj: Value) -> Option<Value> {
        if self.kind_of(obj) != Some(Kind::Instance) {
            return None;
        }
        if self.type_flags(self.class_of(obj)) & flags::SLOW_ATTR != 0 {
            return None;
        }
        let d = self.field(obj, 0);
        (self.kind_of(d) == Some(Kind::Dict)).then_some(d)
    }

    /// `obj.key` when found in a plain instance's dict.
    pub(super) fn load_attr_fast(&mut self, obj: Value, key: Value) -> PyResult<Option<Value>> {
        match self.plain_instance_dict(obj) {
            Some(d) => self.dict_get(d, key),
            None => Ok(None),
        }
    }

    /// `obj.key` for a call when it is a function on the class of a plain
    /// instance (and not in the instance dict): the unbound function.
    pub(super) fn load_method_fast(&mut self, obj: Value, key: Value) -> PyResult<Option<Value>> {
        let Some(d) = self.plain_instance_dict(obj) else {
            return Ok(None);
        };
        if self.dict_mut(d).is_empty() || self.dict_get(d, key)?.is_none() {
            let class = self.class_of(obj);
            if let Some(Some(f)) = self.lookup_type_cached(class, key)
                && self.kind_of(f) == Some(Kind::Function)
            {
                return Ok(Some(f));
            }
        }
        Ok(None)
    }

    /// `obj.key = value` on a plain instance for a non-dunder name;
    /// `false` when the generic path must run.
    pub(super) fn store_attr_fast(
        &mut self,
        obj: Value,
        key: Value,
        value: Value,
    ) -> PyResult<bool> {
        let Some(d) = self.plain_instance_dict(obj) else {
            return Ok(false);
        };
        if self.kind_of(key) != Some(Kind::Str) || self.str_bytes(key).starts_with(b"__") {
            return Ok(false);
        }
        self.dict_set(d, key, value)?;
        Ok(true)
    }
}
