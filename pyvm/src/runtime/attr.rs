//! Attribute lookup, assignment and deletion (CPython's attribute protocol).
//!
//! `obj.x` on an instance: a data descriptor found on the class (property,
//! slot, user class with `__set__`/`__delete__`) wins, then the instance
//! dict, then other class attributes (functions bind, `classmethod`,
//! `staticmethod`, user `__get__`), then `__getattr__`. A class whose MRO
//! has no data descriptor and no `__getattribute__`/`__setattr__`/
//! `__delattr__` hook (flag `SLOW_ATTR` clear) skips the first step, so the
//! common path is an instance-dict probe, then an MRO walk.
//!
//! On a class (`C.x`) the metaclass's data descriptors come first, then the
//! class's MRO (descriptors called with no instance), then the metaclass's
//! other attributes (bound to the class).

use pyvm_objmodel::Value;

use super::class_create::flags;
use super::exception::{PyResult, Raised};
use super::heap::Vm;
use super::layout::{BuiltinField, ExcField, FuncField, Kind, TypeField};
use super::names::Name;
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
        if let Some(r) = self.lookup_type_str_hit(class, name) {
            return Ok(r);
        }
        let ci = self.push_temp(class);
        let key = self.new_str(name);
        let class = self.temp(ci);
        self.pop_temps(ci);
        let key = key?;
        self.lookup_type_key(class, key)
    }

    /// Looks a preallocated name up along the MRO of `class`.
    pub fn lookup_name(&mut self, class: Value, n: Name) -> PyResult<Option<Value>> {
        let key = self.name(n);
        self.lookup_type_key(class, key)
    }

    /// Looks the str `key` up along the MRO of `class`.
    pub fn lookup_type_key(&mut self, class: Value, key: Value) -> PyResult<Option<Value>> {
        if self.kind_of(class) != Some(Kind::Type) {
            return Ok(None);
        }
        if let Some(r) = self.lookup_type_cached(class, key) {
            return Ok(r);
        }
        let mro = self.field(class, TypeField::Mro as usize);
        if self.kind_of(mro) != Some(Kind::Tuple) {
            return Ok(None);
        }
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

    /// The flags word of a type (see `class_create::flags`).
    #[inline]
    pub fn type_flags(&self, t: Value) -> i64 {
        self.field(t, TypeField::Flags as usize)
            .as_int()
            .unwrap_or(0)
    }

    /// The instance dict of an object, if it has one now (EMPTY otherwise).
    pub fn instance_dict(&self, obj: Value) -> Value {
        match self.kind_of(obj) {
            Some(Kind::Instance | Kind::Module | Kind::NativeState | Kind::Io) => {
                self.field(obj, 0)
            }
            Some(Kind::Exception) => self.field(obj, ExcField::Dict as usize),
            Some(Kind::Type) => self.field(obj, TypeField::Dict as usize),
            Some(Kind::Function) => {
                let d = self.field(obj, FuncField::Dict as usize);
                if self.kind_of(d) == Some(Kind::Dict) {
                    d
                } else {
                    Value::EMPTY
                }
            }
            _ => self.extra_dict(obj),
        }
    }

    /// The instance dict of `obj`, created on demand for kinds that make
    /// it lazily (exceptions, functions); EMPTY if it cannot have one.
    pub fn instance_dict_make(&mut self, obj: Value) -> PyResult<Value> {
        let d = self.instance_dict(obj);
        if !d.is_empty() {
            return Ok(d);
        }
        let field = match self.kind_of(obj) {
            Some(Kind::Exception) => ExcField::Dict as usize,
            Some(Kind::Function) => FuncField::Dict as usize,
            _ => return Ok(Value::EMPTY),
        };
        let oi = self.push_temp(obj);
        let d = self.new_dict();
        let obj = self.temp(oi);
        self.pop_temps(oi);
        let d = d?;
        self.set_field(obj, field, d);
        Ok(d)
    }

    /// Attributes every object of a kind has without a namespace entry
    /// (the data descriptors of builtin types).
    fn intrinsic_attr(&mut self, obj: Value, key: Value) -> PyResult<Option<Value>> {
        let kind = self.kind_of(obj);
        if matches!(kind, None | Some(Kind::BigInt | Kind::Complex))
            || (kind == Some(Kind::Instance) && self.boxed_number(obj).is_some())
        {
            let name = self.str_bytes(key).to_vec();
            if let Some(v) = self.numeric_attr(obj, &name)? {
                return Ok(Some(v));
            }
        }
        let name = self.str_bytes(key);
        if name.len() < 4 || !name.starts_with(b"__") {
            return match (kind, name) {
                (Some(Kind::Exception), b"args") => {
                    Ok(Some(self.field(obj, ExcField::Args as usize)))
                }
                (Some(Kind::Exception), n) => {
                    let n = n.to_vec();
                    self.exception_attr(obj, &n)
                }
                (Some(Kind::Traceback), n) => Ok(self.traceback_attr(obj, n)),
                (Some(Kind::Native), n) => {
                    let n = n.to_vec();
                    self.native_attr(obj, &n)
                }
                (Some(Kind::Dict), b"default_factory") if self.len_word(obj) == 1 => {
                    Ok(Some(self.field(obj, 0)))
                }
                (Some(Kind::Generator), n) => {
                    let n = n.to_vec();
                    self.generator_attr_alloc(obj, &n)
                }
                (Some(Kind::Cell), b"cell_contents") => self.cell_contents(obj).map(Some),
                (Some(Kind::DictView), b"mapping") => {
                    let d = self.field(obj, 0);
                    super::modules::mappingproxy::new_proxy(self, d).map(Some)
                }
                (Some(Kind::Range | Kind::Slice), b"start") => Ok(Some(self.field(obj, 0))),
                (Some(Kind::Range | Kind::Slice), b"stop") => Ok(Some(self.field(obj, 1))),
                (Some(Kind::Range | Kind::Slice), b"step") => Ok(Some(self.field(obj, 2))),
                (Some(Kind::Instance | Kind::Type | Kind::Module) | None, _) => Ok(None),
                (Some(Kind::Function), _) => self.function_attr(obj, key),
                (Some(Kind::SrePattern | Kind::SreMatch), _) => {
                    let n = name.to_vec();
                    self.sre_attr(obj, &n)
                }
                (Some(Kind::MemoryView), _) => {
                    let n = name.to_vec();
                    self.view_attr(obj, &n)
                }
                // A bound method shows its function's attributes.
                (Some(Kind::BoundMethod), _) => {
                    let f = self.field(obj, 0);
                    self.get_attr_opt(f, key)
                }
                _ => self.descr_intrinsic(obj, key),
            };
        }
        Ok(match (kind, name) {
            (_, b"__class__") => Some(self.class_of(obj)),
            (Some(Kind::Type), b"__name__") => Some(self.field(obj, TypeField::Name as usize)),
            (Some(Kind::Type), b"__qualname__") => {
                Some(self.field(obj, TypeField::Qualname as usize))
            }
            (Some(Kind::Type), b"__mro__") => Some(self.field(obj, TypeField::Mro as usize)),
            (Some(Kind::Type), b"__bases__") => Some(self.field(obj, TypeField::Bases as usize)),
            (Some(Kind::Type), b"__base__") => {
                let b = self.field(obj, TypeField::Bases as usize);
                Some(self.tuple_items(b).first().copied().unwrap_or(Value::NONE))
            }
            (Some(Kind::Type), b"__dict__") => {
                // A read-only view (`mappingproxy`), as CPython's.
                let d = self.builtin_type_namespace(obj)?;
                return super::modules::mappingproxy::new_proxy(self, d).map(Some);
            }
            (Some(Kind::Type), b"__flags__") => Some(self.type_flags_value(obj)?),
            // inspect.signature(object) (and of classes without __init__).
            (Some(Kind::Type), b"__text_signature__") => Some(if obj == self.ty(TypeId::Object) {
                self.new_str("()")?
            } else {
                Value::NONE
            }),
            (Some(Kind::Function), _) => return self.function_attr(obj, key),
            (Some(Kind::Builtin), b"__qualname__") if self.method_descr_owner(obj).is_some() => {
                Some(self.method_descr_qualname(obj)?)
            }
            (Some(Kind::Builtin), b"__name__" | b"__qualname__") => {
                Some(self.field(obj, BuiltinField::Name as usize))
            }
            (Some(Kind::Builtin), b"__self__") => {
                let s = self.field(obj, BuiltinField::SelfValue as usize);
                Some(if s.is_empty() { Value::NONE } else { s })
            }
            (Some(Kind::Exception), b"__cause__") => {
                Some(self.field(obj, ExcField::Cause as usize))
            }
            (Some(Kind::Exception), b"__context__") => {
                Some(self.field(obj, ExcField::Context as usize))
            }
            (Some(Kind::Exception), b"__suppress_context__") => {
                Some(self.field(obj, ExcField::SuppressContext as usize))
            }
            (Some(Kind::Exception), b"__dict__") => Some(self.instance_dict_make(obj)?),
            (Some(Kind::Instance), b"__dict__") => {
                let d = self.field(obj, 0);
                if d.is_empty() { None } else { Some(d) }
            }
            (Some(Kind::Module | Kind::NativeState), b"__dict__") => Some(self.field(obj, 0)),
            (Some(_), b"__dict__") if !self.extra_dict(obj).is_empty() => {
                Some(self.extra_dict(obj))
            }
            (Some(Kind::Exception), n) => {
                let n = n.to_vec();
                self.exception_attr(obj, &n)?
            }
            (Some(Kind::Traceback), n) => self.traceback_attr(obj, n),
            (Some(Kind::Module), b"__name__") => Some(self.field(obj, 1)),
            (Some(Kind::BoundMethod), b"__self__") => Some(self.field(obj, 1)),
            (Some(Kind::BoundMethod), b"__func__") => Some(self.field(obj, 0)),
            (Some(Kind::SrePattern | Kind::SreMatch), _) => {
                let n = name.to_vec();
                self.sre_attr(obj, &n)?
            }
            (Some(Kind::Native), _) => {
                let n = name.to_vec();
                self.native_attr(obj, &n)?
            }
            (Some(Kind::Dict), b"default_factory") if self.len_word(obj) == 1 => {
                Some(self.field(obj, 0))
            }
            (Some(Kind::Generator), b"__name__") => Some(self.generator_name(obj)?),
            (Some(Kind::Generator), n) => self.generator_attr(obj, n),
            (Some(Kind::BoundMethod), _) => {
                // Other attributes come from the function.
                let f = self.field(obj, 0);
                return match self.get_attr_opt(f, key)? {
                    Some(v) => Ok(Some(v)),
                    None => Ok(None),
                };
            }
            (Some(_), _) => return self.descr_intrinsic(obj, key),
            _ => None,
        })
    }

    /// `obj.<key>` for a method call: functions found on the class come
    /// back unbound (the caller passes `obj` first).
    pub fn load_method(&mut self, obj: Value, key: Value) -> PyResult<Method> {
        let mark = self.temps_len();
        self.push_temp(obj);
        self.push_temp(key);
        let r = match self.load_method_inner(mark) {
            Ok(Some(m)) => Ok(m),
            Ok(None) => Err(self.attribute_error(self.temp(mark), self.temp(mark + 1))),
            Err(e) => Err(e),
        };
        self.pop_temps(mark);
        r
    }

    /// A class attribute `v` seen from an instance (temp `oi`), for a call.
    fn class_attr_method(&mut self, v: Value, oi: usize) -> PyResult<Method> {
        match self.kind_of(v) {
            Some(Kind::Function) => Ok(Method::Unbound(v)),
            Some(Kind::Builtin)
                if self.field(v, BuiltinField::SelfValue as usize).is_empty()
                    && !self.is_module_function(v) =>
            {
                Ok(Method::Unbound(v))
            }
            Some(_) => {
                let obj = self.temp(oi);
                let class = self.class_of(obj);
                self.descr_get(v, obj, class).map(Method::Attr)
            }
            None => Ok(Method::Attr(v)),
        }
    }

    /// The lookup itself, with obj and key at temps `mark`, `mark + 1`;
    /// `None` when the attribute does not exist (AttributeError to raise).
    fn load_method_inner(&mut self, mark: usize) -> PyResult<Option<Method>> {
        let obj = self.temp(mark);
        match self.kind_of(obj) {
            Some(k)
                if matches!(k, Kind::Instance | Kind::Exception | Kind::NativeState)
                    || self.builtin_sub(obj) =>
            {
                let class = self.class_of(obj);
                let fl = self.type_flags(class);
                let r = if fl & flags::SLOW_ATTR == 0 {
                    self.fast_getattr(mark)
                } else {
                    self.hooked_getattr(mark)
                };
                if fl & flags::HEAP != 0 {
                    return self.with_getattr_hook(mark, r);
                }
                r
            }
            Some(Kind::Type) => {
                let r = self.type_getattr(mark).map(|o| o.map(Method::Attr));
                let meta = self.class_of(self.temp(mark));
                if self.type_flags(meta) & flags::HEAP != 0 {
                    return self.with_getattr_hook(mark, r);
                }
                r
            }
            Some(Kind::Module) if self.module_sub(obj) => self.module_sub_getattr(mark),
            Some(Kind::Module) => {
                let d = self.field(obj, 0);
                if let Some(v) = self.dict_get(d, self.temp(mark + 1))? {
                    return Ok(Some(Method::Attr(v)));
                }
                let obj = self.temp(mark);
                if let Some(v) = self.intrinsic_attr(obj, self.temp(mark + 1))? {
                    return Ok(Some(Method::Attr(v)));
                }
                // PEP 562: a module-level `__getattr__`.
                let d = self.field(self.temp(mark), 0);
                let hook = self.name(Name::Getattr);
                if let Some(f) = self.dict_get(d, hook)? {
                    return self
                        .call_value(f, &[self.temp(mark + 1)])
                        .map(|v| Some(Method::Attr(v)));
                }
                Ok(None)
            }
            Some(Kind::Super) => self.super_getattr(mark).map(|o| o.map(Method::Attr)),
            _ => {
                if let Some(v) = self.intrinsic_attr(obj, self.temp(mark + 1))? {
                    return Ok(Some(Method::Attr(v)));
                }
                let obj = self.temp(mark);
                let d = self.instance_dict(obj);
                if !d.is_empty()
                    && let Some(v) = self.dict_get(d, self.temp(mark + 1))?
                {
                    return Ok(Some(Method::Attr(v)));
                }
                let class = self.class_of(self.temp(mark));
                match self.lookup_type_key(class, self.temp(mark + 1))? {
                    Some(v) => self.class_attr_method(v, mark).map(Some),
                    // Builtin types have no docstrings here: `x.__doc__`
                    // is None (`None.__doc__`, read by types.py).
                    None if self.is_name(self.temp(mark + 1), Name::Doc) => {
                        Ok(Some(Method::Attr(Value::NONE)))
                    }
                    None => Ok(None),
                }
            }
        }
    }

    /// Instance lookup when the class has no data descriptors or hooks.
    fn fast_getattr(&mut self, mark: usize) -> PyResult<Option<Method>> {
        let obj = self.temp(mark);
        let d = self.instance_dict(obj);
        if !d.is_empty()
            && let Some(v) = self.dict_get(d, self.temp(mark + 1))?
        {
            return Ok(Some(Method::Attr(v)));
        }
        let class = self.class_of(self.temp(mark));
        if let Some(v) = self.lookup_type_key(class, self.temp(mark + 1))? {
            return self.class_attr_method(v, mark).map(Some);
        }
        let obj = self.temp(mark);
        Ok(self
            .intrinsic_attr(obj, self.temp(mark + 1))?
            .map(Method::Attr))
    }

    /// Instance lookup honouring a user `__getattribute__`.
    fn hooked_getattr(&mut self, mark: usize) -> PyResult<Option<Method>> {
        let class = self.class_of(self.temp(mark));
        if let Some(ga) = self.lookup_name(class, Name::Getattribute)?
            && self.kind_of(ga) == Some(Kind::Function)
        {
            let v = self.call_value(ga, &[self.temp(mark), self.temp(mark + 1)])?;
            return Ok(Some(Method::Attr(v)));
        }
        self.generic_getattr(mark)
    }

    /// `object.__getattribute__` for instances, with obj and key at temps
    /// `mark`, `mark + 1`.
    pub fn generic_getattr(&mut self, mark: usize) -> PyResult<Option<Method>> {
        let obj = self.temp(mark);
        if let Some(v) = self.intrinsic_attr(obj, self.temp(mark + 1))? {
            return Ok(Some(Method::Attr(v)));
        }
        let class = self.class_of(self.temp(mark));
        let descr = self.lookup_type_key(class, self.temp(mark + 1))?;
        let di = self.push_temp(descr.unwrap_or(Value::EMPTY));
        let r = (|| {
            if let Some(d) = descr
                && self.is_data_descr(d)?
            {
                let (obj, d) = (self.temp(mark), self.temp(di));
                let class = self.class_of(obj);
                return self.descr_get(d, obj, class).map(|v| Some(Method::Attr(v)));
            }
            let d = self.instance_dict(self.temp(mark));
            if !d.is_empty()
                && let Some(v) = self.dict_get(d, self.temp(mark + 1))?
            {
                return Ok(Some(Method::Attr(v)));
            }
            let d = self.temp(di);
            if !d.is_empty() {
                return self.class_attr_method(d, mark).map(Some);
            }
            Ok(None)
        })();
        self.pop_temps(di);
        r
    }

    /// Calls the class's `__getattr__` when the lookup found nothing or
    /// raised AttributeError.
    pub(crate) fn with_getattr_hook(
        &mut self,
        mark: usize,
        r: PyResult<Option<Method>>,
    ) -> PyResult<Option<Method>> {
        match r {
            Ok(Some(m)) => return Ok(Some(m)),
            Ok(None) => {}
            Err(e) => {
                let exc = self.raised();
                if !self.exc_matches(exc, TypeId::AttributeError) {
                    return Err(e);
                }
            }
        }
        let class = self.class_of(self.temp(mark));
        let Some(hook) = self.lookup_name(class, Name::Getattr)? else {
            return match r {
                Err(e) => Err(e),
                _ => Ok(None),
            };
        };
        if r.is_err() {
            self.take_raised();
        }
        let hi = self.push_temp(hook);
        let obj = self.temp(mark);
        let class = self.class_of(obj);
        let f = self.descr_get(self.temp(hi), obj, class);
        self.pop_temps(hi);
        let f = f?;
        self.call_value(f, &[self.temp(mark + 1)])
            .map(|v| Some(Method::Attr(v)))
    }

    /// `type.__getattribute__` for the class at temp `mark`.
    fn type_getattr(&mut self, mark: usize) -> PyResult<Option<Value>> {
        let meta = self.class_of(self.temp(mark));
        let meta_attr = if meta == self.ty(TypeId::Type) {
            None
        } else {
            self.lookup_type_key(meta, self.temp(mark + 1))?
        };
        let mi = self.push_temp(meta_attr.unwrap_or(Value::EMPTY));
        let r = (|| {
            if let Some(m) = meta_attr
                && self.is_data_descr(m)?
            {
                let t = self.temp(mark);
                let meta = self.class_of(t);
                return self.descr_get(self.temp(mi), t, meta).map(Some);
            }
            let t = self.temp(mark);
            if let Some(v) = self.intrinsic_attr(t, self.temp(mark + 1))? {
                return Ok(Some(v));
            }
            let t = self.temp(mark);
            if let Some(v) = self.lookup_type_key(t, self.temp(mark + 1))? {
                return self.descr_get(v, Value::EMPTY, self.temp(mark)).map(Some);
            }
            let m = self.temp(mi);
            let t = self.temp(mark);
            let meta = self.class_of(t);
            let m = if m.is_empty() && meta == self.ty(TypeId::Type) {
                match self.lookup_type_key(meta, self.temp(mark + 1))? {
                    Some(m) => m,
                    None => Value::EMPTY,
                }
            } else {
                m
            };
            if !m.is_empty() {
                let t = self.temp(mark);
                let meta = self.class_of(t);
                return self.descr_get(m, t, meta).map(Some);
            }
            let t = self.temp(mark);
            let key = self.temp(mark + 1);
            if self.is_builtin_type(t)
                && let Some(d) = self.builtin_data_descr(t, key)?
            {
                return Ok(Some(d));
            }
            let t = self.temp(mark);
            let key = self.temp(mark + 1);
            if self.is_name(key, Name::Module) && self.is_builtin_type(t) {
                return self.new_str("builtins").map(Some);
            }
            if self.is_name(key, Name::Doc) {
                return Ok(Some(Value::NONE));
            }
            Ok(None)
        })();
        self.pop_temps(mi);
        r
    }

    /// Raises CPython's AttributeError for `obj.<key>`.
    pub fn attribute_error(&mut self, obj: Value, key: Value) -> Raised {
        let name = self.str_text(key).into_owned();
        let msg = match self.kind_of(obj) {
            Some(Kind::Module) => {
                let m = self.field(obj, 1);
                let m = self.str_text(m).into_owned();
                if self.import.initializing.contains(&m) {
                    format!(
                        "partially initialized module '{m}' has no attribute '{name}' \
                         (most likely due to a circular import)"
                    )
                } else {
                    format!("module '{m}' has no attribute '{name}'")
                }
            }
            Some(Kind::Type) => {
                format!(
                    "type object '{}' has no attribute '{name}'",
                    self.class_name(obj)
                )
            }
            _ => format!("'{}' object has no attribute '{name}'", self.type_name(obj)),
        };
        self.raise_attribute_error(obj, key, &msg)
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

    /// `obj.<key>`, or `None` when it raises AttributeError.
    pub fn get_attr_opt(&mut self, obj: Value, key: Value) -> PyResult<Option<Value>> {
        match self.get_attr(obj, key) {
            Ok(v) => Ok(Some(v)),
            Err(e) => {
                let exc = self.raised();
                if self.exc_matches(exc, TypeId::AttributeError) {
                    self.take_raised();
                    Ok(None)
                } else {
                    Err(e)
                }
            }
        }
    }

    /// `getattr(obj, name)` for a name given as Rust text.
    pub fn get_attr_str(&mut self, obj: Value, name: &str) -> PyResult<Value> {
        let oi = self.push_temp(obj);
        let key = self.new_str(name);
        let obj = self.temp(oi);
        self.pop_temps(oi);
        self.get_attr(obj, key?)
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
        let kind = self.kind_of(obj);
        // `property.__doc__` is writable (dis.py documents its fields so).
        if kind == Some(Kind::Property) && self.str_bytes(key) == b"__doc__" {
            self.set_field(obj, super::layout::PropField::Doc as usize, value);
            return Ok(());
        }
        if kind == Some(Kind::Traceback) && self.set_traceback_attr(obj, key, value)? {
            return Ok(());
        }
        if kind == Some(Kind::Cell) && self.str_bytes(key) == b"cell_contents" {
            self.set_field(obj, 0, value);
            return Ok(());
        }
        if kind == Some(Kind::Native) {
            let mark = self.temps_len();
            self.roots().temps.extend_from_slice(&[key, value]);
            let target = self.proxy_target(obj);
            let (key, value) = (self.temp(mark), self.temp(mark + 1));
            self.pop_temps(mark);
            if let Some(t) = target? {
                return self.set_attr(t, key, value);
            }
        }
        if matches!(
            kind,
            Some(Kind::Instance | Kind::Exception | Kind::NativeState)
        ) || self.builtin_sub(obj)
        {
            let class = self.class_of(obj);
            if self.type_flags(class) & flags::SLOW_ATTR == 0 {
                return self.generic_setattr(obj, key, value, false);
            }
            return self.hooked_setattr(obj, key, value, Name::Setattr);
        }
        if kind == Some(Kind::Type) {
            let meta = self.class_of(obj);
            if self.type_flags(meta) & flags::SLOW_ATTR != 0 {
                return self.hooked_setattr(obj, key, value, Name::Setattr);
            }
        }
        if self.module_sub(obj) {
            return self.module_sub_setattr(obj, key, value);
        }
        self.generic_setattr(obj, key, value, false)
    }

    /// `del obj.<key>`.
    pub fn del_attr(&mut self, obj: Value, key: Value) -> PyResult<()> {
        let kind = self.kind_of(obj);
        if kind == Some(Kind::Traceback) && self.set_traceback_attr(obj, key, Value::EMPTY)? {
            return Ok(());
        }
        if kind == Some(Kind::Cell) && self.str_bytes(key) == b"cell_contents" {
            self.set_field(obj, 0, Value::EMPTY);
            return Ok(());
        }
        let cls = self.class_of(obj);
        if (matches!(kind, Some(Kind::Instance | Kind::Exception | Kind::Type))
            || self.builtin_sub(obj))
            && self.type_flags(cls) & flags::SLOW_ATTR != 0
        {
            return self.hooked_setattr(obj, key, Value::EMPTY, Name::Delattr);
        }
        if self.module_sub(obj) {
            return self.module_sub_setattr(obj, key, Value::EMPTY);
        }
        self.generic_setattr(obj, key, Value::EMPTY, false)
    }

    /// Assignment (or deletion, `value` EMPTY) through a user
    /// `__setattr__`/`__delattr__` if the class has one.
    fn hooked_setattr(&mut self, obj: Value, key: Value, value: Value, hook: Name) -> PyResult<()> {
        let mark = self.temps_len();
        self.roots().temps.extend_from_slice(&[obj, key, value]);
        let r = (|| {
            let class = self.class_of(self.temp(mark));
            if let Some(f) = self.lookup_name(class, hook)?
                && self.kind_of(f) == Some(Kind::Function)
            {
                let (o, k, v) = (self.temp(mark), self.temp(mark + 1), self.temp(mark + 2));
                let args: &[Value] = if v.is_empty() { &[o, k] } else { &[o, k, v] };
                return self.call_value(f, args).map(|_| ());
            }
            let (o, k, v) = (self.temp(mark), self.temp(mark + 1), self.temp(mark + 2));
            self.generic_setattr(o, k, v, true)
        })();
        self.pop_temps(mark);
        r
    }

    /// `object.__setattr__` / `object.__delattr__` (`value` EMPTY deletes);
    /// `descrs`: look for a data descriptor on the class first.
    pub fn generic_setattr(
        &mut self,
        obj: Value,
        key: Value,
        value: Value,
        descrs: bool,
    ) -> PyResult<()> {
        let mark = self.temps_len();
        self.roots().temps.extend_from_slice(&[obj, key, value]);
        let r = self.generic_setattr_inner(mark, descrs);
        self.pop_temps(mark);
        r
    }

    fn generic_setattr_inner(&mut self, mark: usize, descrs: bool) -> PyResult<()> {
        let obj = self.temp(mark);
        let kind = self.kind_of(obj);
        let is_type = kind == Some(Kind::Type);
        if descrs || is_type {
            let class = self.class_of(obj);
            if let Some(d) = self.lookup_type_key(class, self.temp(mark + 1))?
                && self.is_data_descr(d)?
            {
                let (o, v) = (self.temp(mark), self.temp(mark + 2));
                return self.descr_set(d, o, v);
            }
        }
        let (obj, key, value) = (self.temp(mark), self.temp(mark + 1), self.temp(mark + 2));
        if self.str_bytes(key).starts_with(b"__") {
            if self.is_name(key, Name::Class) && !value.is_empty() {
                return self.set_class_checked(obj, value);
            }
            if self.is_name(key, Name::Dict) && kind == Some(Kind::Instance) {
                if self.kind_of(value) != Some(Kind::Dict) {
                    let n = self.type_name(value);
                    return Err(self.type_error(&format!(
                        "__dict__ must be set to a dictionary, not a '{n}'"
                    )));
                }
                if !self.field(obj, 0).is_empty() {
                    self.set_field(obj, 0, value);
                    return Ok(());
                }
            }
            if is_type {
                return self.type_setattr(mark);
            }
            if kind == Some(Kind::Function) && self.function_setattr(obj, key, value)? {
                return Ok(());
            }
        } else if is_type {
            return self.type_setattr(mark);
        }
        if kind == Some(Kind::Exception) && !value.is_empty() {
            let (o, k, v) = (self.temp(mark), self.temp(mark + 1), self.temp(mark + 2));
            if self.set_exception_slot(o, k, v)? {
                return Ok(());
            }
        }
        let obj = self.temp(mark);
        let d = self.instance_dict_make(obj)?;
        if d.is_empty() {
            return Err(self.no_attr_store(mark));
        }
        let (key, value) = (self.temp(mark + 1), self.temp(mark + 2));
        if value.is_empty() {
            if !self.dict_del(d, key)? {
                return Err(self.attribute_error(self.temp(mark), self.temp(mark + 1)));
            }
            return Ok(());
        }
        let d = self.intern_attr_key(d, mark + 1)?;
        let (key, value) = (self.temp(mark + 1), self.temp(mark + 2));
        self.dict_set(d, key, value)
    }

    fn no_attr_store(&mut self, mark: usize) -> Raised {
        // A class attribute the object cannot shadow (no `__dict__`).
        let class = self.class_of(self.temp(mark));
        match self.lookup_type_key(class, self.temp(mark + 1)) {
            Ok(Some(_)) => {
                let name = self.str_text(self.temp(mark + 1)).into_owned();
                let tn = self.type_name(self.temp(mark));
                return self.raise_msg(
                    TypeId::AttributeError,
                    &format!("'{tn}' object attribute '{name}' is read-only"),
                );
            }
            Ok(None) => {}
            Err(_) => {
                self.take_raised();
            }
        }
        let (obj, key) = (self.temp(mark), self.temp(mark + 1));
        let name = self.str_text(key).into_owned();
        let tn = self.type_name(obj);
        if matches!(self.kind_of(obj), Some(Kind::Instance)) || self.temp(mark + 2).is_empty() {
            return self.raise_msg(
                TypeId::AttributeError,
                &format!("'{tn}' object has no attribute '{name}'"),
            );
        }
        let msg = match self.kind_of(obj) {
            Some(Kind::Builtin) => {
                format!("'builtin_function_or_method' object has no attribute '{name}'")
            }
            _ => format!("'{tn}' object has no attribute '{name}'"),
        };
        self.raise_msg(TypeId::AttributeError, &msg)
    }

    /// Stores (or deletes) an attribute of a class, keeping its flags true.
    fn type_setattr(&mut self, mark: usize) -> PyResult<()> {
        let t = self.temp(mark);
        if !self.is_heap_type(t) {
            let name = self.str_text(self.temp(mark + 1)).into_owned();
            let cn = self.class_name(t);
            return Err(self.type_error(&format!(
                "cannot set '{name}' attribute of immutable type '{cn}'"
            )));
        }
        let key = self.temp(mark + 1);
        let value = self.temp(mark + 2);
        if self.str_bytes(key).starts_with(b"__") && !value.is_empty() {
            if self.is_name(key, Name::Name) {
                if !self.is_str(value) {
                    let cn = self.class_name(t);
                    let vn = self.type_name(value);
                    return Err(self.type_error(&format!(
                        "can only assign string to {cn}.__name__, not '{vn}'"
                    )));
                }
                self.set_field(t, TypeField::Name as usize, value);
                return Ok(());
            }
            if self.is_name(key, Name::Qualname) {
                self.set_field(t, TypeField::Qualname as usize, value);
                return Ok(());
            }
            if self.str_bytes(key) == b"__bases__" {
                return self.set_bases(t, value);
            }
        }
        let d = self.field(t, TypeField::Dict as usize);
        if value.is_empty() {
            if !self.dict_del(d, key)? {
                let name = self.str_text(self.temp(mark + 1)).into_owned();
                let cn = self.class_name(self.temp(mark));
                return Err(self.raise_msg(
                    TypeId::AttributeError,
                    &format!("type object '{cn}' has no attribute '{name}'"),
                ));
            }
            return Ok(());
        }
        self.dict_set(d, key, value)?;
        let (t, key, value) = (self.temp(mark), self.temp(mark + 1), self.temp(mark + 2));
        if self.is_data_descr(value)? || self.is_hook_name(key) {
            self.mark_slow_attr(t);
        }
        Ok(())
    }

    /// Whether `key` names a hook that forces the slow attribute path.
    pub fn is_hook_name(&self, key: Value) -> bool {
        self.is_name(key, Name::Getattribute)
            || self.is_name(key, Name::Setattr)
            || self.is_name(key, Name::Delattr)
    }

    /// Sets `SLOW_ATTR` on `t` and every subclass.
    pub fn mark_slow_attr(&mut self, t: Value) {
        let mut work = vec![t];
        let mut seen = 0;
        while seen < work.len() && seen < 100_000 {
            let t = work[seen];
            seen += 1;
            let f = self.type_flags(t) | flags::SLOW_ATTR;
            self.set_field(
                t,
                TypeField::Flags as usize,
                Value::from_int(f).unwrap_or(Value::NONE),
            );
            let subs = self.field(t, TypeField::Subclasses as usize);
            if self.kind_of(subs) == Some(Kind::List) {
                let live = self.list_vec(subs).iter();
                let live = live.filter_map(|&r| super::modules::weak_referent(self, r));
                work.extend(live.collect::<Vec<_>>());
            }
        }
    }

    /// Whether `t` is a class made by a class statement or `type(...)`.
    #[inline]
    pub fn is_heap_type(&self, t: Value) -> bool {
        self.type_flags(t) & flags::HEAP != 0
    }

    /// Whether `t` is one of the builtin type objects.
    pub fn is_builtin_type(&self, t: Value) -> bool {
        self.kind_of(t) == Some(Kind::Type) && !self.is_heap_type(t)
    }
}
