//! Attribute lookup and assignment.
//!
//! Order (the subset of CPython's implemented so far): the instance's own
//! namespace, then the class's MRO (functions found there are bound to the
//! instance). Descriptors other than functions, `__getattr__` and
//! `__getattribute__` are not implemented yet.

use pyvm_objmodel::Value;

use super::exception::PyResult;
use super::heap::Vm;
use super::layout::{BuiltinField, ExcField, FuncField, Kind, TypeField};
use super::types::TypeId;

/// Result of a method lookup for `LoadMethod`.
pub enum Method {
    /// An unbound function found on the class: call it with the object first.
    Unbound(Value),
    /// Any other attribute value.
    Attr(Value),
}

impl Vm {
    /// Looks `name` up along the MRO of `class`.
    pub fn lookup_type_attr(&mut self, class: Value, name: &str) -> PyResult<Option<Value>> {
        let ci = self.push_temp(class);
        let key = self.new_str(name);
        let class = self.temp(ci);
        self.pop_temps(ci);
        let key = key?;
        self.lookup_type_key(class, key)
    }

    /// Looks the str `key` up along the MRO of `class`.
    pub fn lookup_type_key(&mut self, class: Value, key: Value) -> PyResult<Option<Value>> {
        if self.kind_of(class) != Some(Kind::Type) {
            return Ok(None);
        }
        let mro = self.field(class, TypeField::Mro as usize);
        let n = self.tuple_items(mro).len();
        for i in 0..n {
            let t = self.tuple_items(mro)[i];
            let d = self.field(t, TypeField::Dict as usize);
            if let Some(v) = self.dict_get(d, key)? {
                return Ok(Some(v));
            }
        }
        Ok(None)
    }

    /// The namespace dict an object keeps its own attributes in, if any.
    fn own_dict(&self, obj: Value) -> Option<Value> {
        match self.kind_of(obj)? {
            Kind::Instance | Kind::Module | Kind::NativeState => Some(self.field(obj, 0)),
            Kind::Exception => {
                let d = self.field(obj, ExcField::Dict as usize);
                (!d.is_empty()).then_some(d)
            }
            Kind::Type => Some(self.field(obj, TypeField::Dict as usize)),
            _ => None,
        }
    }

    /// Attributes every object of a kind has without a namespace entry.
    fn intrinsic_attr(&mut self, obj: Value, name: &[u8]) -> PyResult<Option<Value>> {
        let kind = self.kind_of(obj);
        if let Some(v) = self.numeric_attr(obj, name)? {
            return Ok(Some(v));
        }
        Ok(match (kind, name) {
            (_, b"__class__") => Some(self.class_of(obj)),
            (Some(Kind::Type), b"__name__") => Some(self.field(obj, TypeField::Name as usize)),
            (Some(Kind::Type), b"__mro__") => Some(self.field(obj, TypeField::Mro as usize)),
            (Some(Kind::Type), b"__bases__") => Some(self.field(obj, TypeField::Bases as usize)),
            (Some(Kind::Function), b"__name__") => Some(self.field(obj, FuncField::Name as usize)),
            (Some(Kind::Function), b"__qualname__") => {
                Some(self.field(obj, FuncField::Qualname as usize))
            }
            (Some(Kind::Function), b"__defaults__") => {
                Some(self.field(obj, FuncField::Defaults as usize))
            }
            (Some(Kind::Function), b"__globals__") => {
                Some(self.field(obj, FuncField::Globals as usize))
            }
            (Some(Kind::Builtin), b"__name__") => {
                Some(self.field(obj, BuiltinField::Name as usize))
            }
            (Some(Kind::Exception), b"args") => Some(self.field(obj, ExcField::Args as usize)),
            (Some(Kind::Exception), b"__cause__") => {
                Some(self.field(obj, ExcField::Cause as usize))
            }
            (Some(Kind::Exception), b"__context__") => {
                Some(self.field(obj, ExcField::Context as usize))
            }
            (Some(Kind::Exception), b"__suppress_context__") => {
                Some(self.field(obj, ExcField::SuppressContext as usize))
            }
            (Some(Kind::Exception), n) => self.exception_attr(obj, n)?,
            (Some(Kind::Traceback), n) => self.traceback_attr(obj, n),
            (Some(Kind::Generator), b"__name__") => Some(self.generator_name(obj)?),
            (Some(Kind::Generator), n) => self.generator_attr(obj, n),
            (Some(Kind::Instance | Kind::Module | Kind::NativeState), b"__dict__") => {
                Some(self.field(obj, 0))
            }
            (Some(Kind::Module), b"__name__") => Some(self.field(obj, 1)),
            (Some(Kind::BoundMethod), b"__self__") => Some(self.field(obj, 1)),
            (Some(Kind::BoundMethod), b"__func__") => Some(self.field(obj, 0)),
            (Some(Kind::Range | Kind::Slice), b"start") => Some(self.field(obj, 0)),
            (Some(Kind::Range | Kind::Slice), b"stop") => Some(self.field(obj, 1)),
            (Some(Kind::Range | Kind::Slice), b"step") => Some(self.field(obj, 2)),
            (Some(Kind::SrePattern | Kind::SreMatch), _) => self.sre_attr(obj, name)?,
            (Some(Kind::Native), _) => self.native_attr(obj, name)?,
            (Some(Kind::Dict), b"default_factory") if self.len_word(obj) == 1 => {
                Some(self.field(obj, 0))
            }
            _ => None,
        })
    }

    /// Looks up `obj.<key>` for a method call without binding.
    pub fn load_method(&mut self, obj: Value, key: Value) -> PyResult<Method> {
        let mark = self.temps_len();
        self.push_temp(obj);
        self.push_temp(key);
        let r = self.load_method_inner(mark);
        self.pop_temps(mark);
        r
    }

    fn load_method_inner(&mut self, mark: usize) -> PyResult<Method> {
        let (obj, key) = (self.temp(mark), self.temp(mark + 1));
        if let Some(v) = self.intrinsic_attr(obj, self.str_bytes(key).to_vec().as_slice())? {
            return Ok(Method::Attr(v));
        }
        let (obj, key) = (self.temp(mark), self.temp(mark + 1));
        let kind = self.kind_of(obj);
        if let Some(d) = self.own_dict(obj)
            && let Some(v) = self.dict_get(d, key)?
        {
            return Ok(Method::Attr(v));
        }
        let (obj, key) = (self.temp(mark), self.temp(mark + 1));
        if kind == Some(Kind::Type) {
            if let Some(v) = self.lookup_type_key(obj, key)? {
                return Ok(Method::Attr(v));
            }
            let meta = self.class_of(self.temp(mark));
            let key = self.temp(mark + 1);
            if let Some(v) = self.lookup_type_key(meta, key)?
                && matches!(self.kind_of(v), Some(Kind::Builtin | Kind::Function))
            {
                return Ok(Method::Unbound(v));
            }
        } else if kind != Some(Kind::Module) {
            let class = self.class_of(obj);
            if let Some(v) = self.lookup_type_key(class, key)? {
                return Ok(match self.kind_of(v) {
                    Some(Kind::Function) => Method::Unbound(v),
                    Some(Kind::Builtin)
                        if self.field(v, BuiltinField::SelfValue as usize).is_empty() =>
                    {
                        Method::Unbound(v)
                    }
                    _ => Method::Attr(v),
                });
            }
        }
        Err(self.attribute_error(self.temp(mark), self.temp(mark + 1)))
    }

    /// Raises CPython's AttributeError for `obj.<key>`.
    pub fn attribute_error(&mut self, obj: Value, key: Value) -> super::exception::Raised {
        let name = self.str_text(key).into_owned();
        let msg = match self.kind_of(obj) {
            Some(Kind::Module) => {
                let m = self.field(obj, 1);
                format!("module '{}' has no attribute '{name}'", self.str_text(m))
            }
            Some(Kind::Type) => {
                format!(
                    "type object '{}' has no attribute '{name}'",
                    self.class_name(obj)
                )
            }
            _ => format!("'{}' object has no attribute '{name}'", self.type_name(obj)),
        };
        self.raise_msg(TypeId::AttributeError, &msg)
    }

    /// `obj.<key>`.
    pub fn get_attr(&mut self, obj: Value, key: Value) -> PyResult<Value> {
        let oi = self.push_temp(obj);
        let r = match self.load_method(obj, key) {
            Ok(Method::Attr(v)) => Ok(v),
            Ok(Method::Unbound(f)) => {
                let obj = self.temp(oi);
                self.bind_method(f, obj)
            }
            Err(e) => Err(e),
        };
        self.pop_temps(oi);
        r
    }

    /// A bound method of `f` on `obj`.
    pub fn bind_method(&mut self, f: Value, obj: Value) -> PyResult<Value> {
        if self.kind_of(f) == Some(Kind::Builtin) {
            let idx = self.field(f, BuiltinField::Native as usize);
            let name = self.field(f, BuiltinField::Name as usize);
            let class = self.ty(TypeId::BuiltinFunction);
            return self.alloc_record(Kind::Builtin, class, &[idx, name, obj], 0);
        }
        let class = self.ty(TypeId::Method);
        self.alloc_record(Kind::BoundMethod, class, &[f, obj], 0)
    }

    /// `obj.<key> = value`.
    pub fn set_attr(&mut self, obj: Value, key: Value, value: Value) -> PyResult<()> {
        match self.kind_of(obj) {
            Some(Kind::Instance | Kind::Module | Kind::NativeState) => {
                let d = self.field(obj, 0);
                self.dict_set(d, key, value)
            }
            Some(Kind::Type) if !self.is_builtin_type(obj) => {
                let d = self.field(obj, TypeField::Dict as usize);
                self.dict_set(d, key, value)
            }
            Some(Kind::Exception) if self.set_exception_slot(obj, key, value)? => Ok(()),
            Some(Kind::Exception) => {
                let mark = self.temps_len();
                self.push_temp(obj);
                self.push_temp(key);
                self.push_temp(value);
                let r = (|| {
                    let mut d = self.field(self.temp(mark), ExcField::Dict as usize);
                    if d.is_empty() {
                        d = self.new_dict()?;
                        self.set_field(self.temp(mark), ExcField::Dict as usize, d);
                    }
                    self.dict_set(d, self.temp(mark + 1), self.temp(mark + 2))
                })();
                self.pop_temps(mark);
                r
            }
            _ => {
                let name = self.str_text(key).into_owned();
                let msg = if self.kind_of(obj) == Some(Kind::Type) {
                    format!(
                        "cannot set '{name}' attribute of immutable type '{}'",
                        self.class_name(obj)
                    )
                } else {
                    format!("'{}' object has no attribute '{name}'", self.type_name(obj))
                };
                if self.kind_of(obj) == Some(Kind::Type) {
                    Err(self.type_error(&msg))
                } else {
                    Err(self.raise_msg(TypeId::AttributeError, &msg))
                }
            }
        }
    }

    /// Whether `t` is one of the builtin type objects.
    pub fn is_builtin_type(&self, t: Value) -> bool {
        self.m.roots().globals[..super::types::TYPE_COUNT].contains(&t)
    }
}
