//! `repr()` and `str()` of values.

use num_bigint::BigInt;
use pyvm_objmodel::Value;

use super::exception::PyResult;
use super::heap::Vm;
use super::layout::{ExcField, FuncField, Kind};
use crate::float_repr::repr_f64;
use crate::int_format::int_to_str;
use crate::int_parse::MaxStrDigits;
use crate::str_repr::repr_str;

impl Vm {
    /// `repr(v)` as a str object.
    pub fn repr_value(&mut self, v: Value) -> PyResult<Value> {
        let vi = self.push_temp(v);
        let r = (|| {
            if (matches!(self.kind_of(v), Some(Kind::Instance | Kind::Exception))
                || self.builtin_sub(v)
                || self.heap_meta(v)
                || self.module_sub(v))
                && let Some(s) = self.user_text(vi, "__repr__")?
            {
                return Ok(s);
            }
            let s = self.repr_string(self.temp(vi))?;
            self.new_str(&s)
        })();
        self.pop_temps(vi);
        r
    }

    /// `str(v)` as a str object.
    pub fn str_value(&mut self, v: Value) -> PyResult<Value> {
        if let Some(s) = self.sub_str_value(v)? {
            return Ok(s);
        }
        if self.kind_of(v) == Some(Kind::Str) {
            return Ok(v);
        }
        let vi = self.push_temp(v);
        let r = (|| {
            if matches!(self.kind_of(v), Some(Kind::Instance | Kind::Exception))
                || self.heap_meta(v)
                || self.module_sub(v)
            {
                if let Some(s) = self.user_text(vi, "__str__")? {
                    return Ok(s);
                }
                // BaseException.__str__ comes before a user __repr__.
                if matches!(
                    self.kind_of(self.temp(vi)),
                    Some(Kind::Instance | Kind::Type)
                ) && let Some(s) = self.user_text(vi, "__repr__")?
                {
                    return Ok(s);
                }
            }
            let s = self.str_string(self.temp(vi))?;
            self.new_str(&s)
        })();
        self.pop_temps(vi);
        r
    }

    /// A class whose metaclass is a user class: its special methods
    /// (`__repr__`, `__add__`, `__abs__`...) may be Python code.
    pub fn heap_meta(&self, v: Value) -> bool {
        self.kind_of(v) == Some(Kind::Type) && {
            let m = self.class_of(v);
            self.kind_of(m) == Some(Kind::Type) && self.is_heap_type(m)
        }
    }

    /// Whether `m`, the `__str__`/`__repr__` found on the class of the
    /// plain instance at temp `vi`, is another type's native put there by
    /// the class (`enum`'s `IntEnum.__str__ = int.__repr__`): called like
    /// a user method. `object`'s own natives are the default path.
    fn foreign_text_native(&mut self, vi: usize, m: Value) -> PyResult<bool> {
        if self.kind_of(m) != Some(Kind::Builtin)
            || self.kind_of(self.temp(vi)) != Some(Kind::Instance)
            || !self
                .field(m, super::layout::BuiltinField::SelfValue as usize)
                .is_empty()
        {
            return Ok(false);
        }
        let mi = self.push_temp(m);
        let r = (|| {
            for n in [super::names::Name::Str, super::names::Name::Repr] {
                let o = self.builtin_slot(super::types::TypeId::Object, n)?;
                if o == self.temp(mi) {
                    return Ok(false);
                }
            }
            Ok(true)
        })();
        self.pop_temps(mi);
        r
    }

    /// Calls a user-defined `__repr__`/`__str__` of the object at temp
    /// `vi`, if its class has one.
    fn user_text(&mut self, vi: usize, name: &str) -> PyResult<Option<Value>> {
        let v = self.temp(vi);
        if !matches!(self.kind_of(v), Some(Kind::Instance | Kind::Exception))
            && !self.builtin_sub(v)
            && !self.heap_meta(v)
            && !self.module_sub(v)
        {
            return Ok(None);
        }
        let class = self.class_of(v);
        let Some(m) = self.lookup_type_attr(class, name)? else {
            return Ok(None);
        };
        if self.kind_of(m) != Some(Kind::Function) && !self.foreign_text_native(vi, m)? {
            return Ok(None);
        }
        let r = self.call_value(m, &[self.temp(vi)])?;
        if !self.is_str(r) {
            let n = self.type_name(r);
            return Err(self.type_error(&format!("{name} returned non-string (type {n})")));
        }
        Ok(Some(r))
    }

    /// `str(v)` as Rust text.
    pub fn str_string(&mut self, v: Value) -> PyResult<String> {
        match self.kind_of(v) {
            Some(Kind::Str) => Ok(self.str_text(v).into_owned()),
            Some(Kind::Exception) => {
                let vi = self.push_temp(v);
                let special = self.special_exc_str(v);
                let v = self.temp(vi);
                self.pop_temps(vi);
                if let Some(s) = special? {
                    return Ok(s);
                }
                let args = self.field(v, ExcField::Args as usize);
                let items = self.tuple_items(args).to_vec();
                let key_error = self.exc_matches(v, super::types::TypeId::KeyError);
                match items.len() {
                    0 => Ok(String::new()),
                    1 if key_error => self.repr_text(items[0]),
                    1 => {
                        let s = self.str_value(items[0])?;
                        Ok(self.str_text(s).into_owned())
                    }
                    _ => self.repr_string(args),
                }
            }
            // `str(mappingproxy)` is the str of its mapping.
            Some(Kind::Native) if super::modules::mappingproxy::is_proxy(self, v) => {
                let s = self.str_value(self.field(v, 1))?;
                Ok(self.str_text(s).into_owned())
            }
            _ => self.repr_string(v),
        }
    }

    /// `repr(v)` as Rust text.
    pub fn repr_string(&mut self, v: Value) -> PyResult<String> {
        if let Some(i) = v.as_int() {
            return Ok(i.to_string());
        }
        if let Some(f) = v.as_float() {
            return Ok(repr_f64(f));
        }
        if let Some(b) = v.as_bool() {
            return Ok(if b { "True" } else { "False" }.into());
        }
        if v.is_none() {
            return Ok("None".into());
        }
        if v == Value::NOT_IMPLEMENTED {
            return Ok("NotImplemented".into());
        }
        if v == Value::ELLIPSIS {
            return Ok("Ellipsis".into());
        }
        let kind = self.kind_of(v);
        match kind {
            Some(Kind::Str) => Ok(match std::str::from_utf8(self.str_bytes(v)) {
                Ok(t) => repr_str(t),
                Err(_) => repr_with_surrogates(self.str_bytes(v)),
            }),
            Some(Kind::Bytes) => Ok(crate::bytes_text::repr_bytes(self.bytes_data(v))),
            Some(Kind::ByteArray) => {
                let r = crate::bytes_text::repr_bytearray(self.bytes_data(v));
                Ok(match r.strip_prefix("bytearray") {
                    Some(rest) if self.builtin_sub(v) => format!("{}{rest}", self.type_name(v)),
                    _ => r,
                })
            }
            Some(Kind::MemoryView) => {
                let state = if self.field(v, 4) == Value::TRUE {
                    "released "
                } else {
                    ""
                };
                Ok(format!("<{state}memory at {:#x}>", self.id_of(v)))
            }
            Some(Kind::Complex) => Ok(self.complex_repr(v)),
            Some(Kind::BigInt) => {
                let b: BigInt = self.bigint(v).clone();
                int_to_str(&b, MaxStrDigits(self.int_max_str_digits))
                    .map_err(|e| self.raise_pyerror(e))
            }
            Some(Kind::Tuple | Kind::List) => {
                let vi = self.push_temp(v);
                let ss = crate::runtime::modules::sys::struct_seq_repr(self, v);
                // The lookup may have allocated: read `v` again.
                let v = self.temp(vi);
                self.pop_temps(vi);
                if let Some(s) = ss? {
                    return Ok(s);
                }
                let mark = self.temps_len();
                if self.repr_guard.iter().any(|&i| self.temp(i) == v) {
                    return Ok(if kind == Some(Kind::List) {
                        "[...]"
                    } else {
                        "(...)"
                    }
                    .into());
                }
                self.push_temp(v);
                self.repr_guard.push(mark);
                let r = (|| {
                    let mut out = String::new();
                    let mut i = 0;
                    while let Some(x) = self.seq_item(self.temp(mark), i) {
                        if i > 0 {
                            out.push_str(", ");
                        }
                        out.push_str(&self.repr_text(x)?);
                        i += 1;
                    }
                    Ok(if kind == Some(Kind::List) {
                        format!("[{out}]")
                    } else if i == 1 {
                        format!("({out},)")
                    } else {
                        format!("({out})")
                    })
                })();
                self.repr_guard.pop();
                self.pop_temps(mark);
                r
            }
            Some(Kind::Set | Kind::FrozenSet) => {
                let keys: Vec<Value> = self.set_keys(v);
                let name = self.type_name(v);
                if keys.is_empty() {
                    return Ok(format!("{name}()"));
                }
                if self.repr_guard.iter().any(|&i| self.temp(i) == v) {
                    return Ok(format!("{name}(...)"));
                }
                let framed = kind == Some(Kind::FrozenSet) || name != "set";
                let mark = self.temps_len();
                self.push_temp(v);
                self.roots().temps.extend_from_slice(&keys);
                self.repr_guard.push(mark);
                let r = (|| {
                    let mut parts = Vec::new();
                    for i in 0..keys.len() {
                        parts.push(self.repr_text(self.temp(mark + 1 + i))?);
                    }
                    Ok(if framed {
                        format!("{name}({{{}}})", parts.join(", "))
                    } else {
                        format!("{{{}}}", parts.join(", "))
                    })
                })();
                self.repr_guard.pop();
                self.pop_temps(mark);
                r
            }
            Some(Kind::DictView) => self.view_repr(v),
            Some(Kind::Dict) if self.len_word(v) == 1 => self.defaultdict_repr(v),
            Some(Kind::Dict) => {
                if self.repr_guard.iter().any(|&i| self.temp(i) == v) {
                    return Ok("{...}".into());
                }
                let mark = self.temps_len();
                self.push_temp(v);
                let items: Vec<(Value, Value)> = self.dict_mut(v).items(&self.keys()).collect();
                for (k, x) in &items {
                    self.push_temp(*k);
                    self.push_temp(*x);
                }
                self.repr_guard.push(mark);
                let r = (|| {
                    let mut out = String::new();
                    for i in 0..items.len() {
                        if i > 0 {
                            out.push_str(", ");
                        }
                        let k = self.temp(mark + 1 + 2 * i);
                        out.push_str(&self.repr_text(k)?);
                        out.push_str(": ");
                        let x = self.temp(mark + 2 + 2 * i);
                        out.push_str(&self.repr_text(x)?);
                    }
                    Ok(format!("{{{out}}}"))
                })();
                self.repr_guard.pop();
                self.pop_temps(mark);
                r
            }
            Some(Kind::Type) => {
                let name = self.class_full_name(v)?;
                Ok(format!("<class '{name}'>"))
            }
            Some(Kind::BoundMethod) => self.bound_method_repr(v),
            Some(Kind::Function) => {
                let q = self.field(v, FuncField::Qualname as usize);
                Ok(format!(
                    "<function {} at {:#x}>",
                    self.str_text(q),
                    self.id_of(v)
                ))
            }
            Some(Kind::Builtin) => {
                let n = self.field(v, super::layout::BuiltinField::Name as usize);
                Ok(format!("<built-in function {}>", self.str_text(n)))
            }
            Some(Kind::Exception) => {
                let name = self.type_name(v);
                let args = self.field(v, ExcField::Args as usize);
                let n = self.tuple_items(args).len();
                let inner = self.repr_string(args)?;
                if n == 1 {
                    Ok(format!("{name}({})", &inner[1..inner.len() - 2]))
                } else {
                    Ok(format!("{name}{inner}"))
                }
            }
            Some(Kind::MemberDescr) => {
                let what = if self.class_of(v) == self.ty(super::types::TypeId::GetSetDescriptor) {
                    "attribute"
                } else {
                    "member"
                };
                let n = self.str_text(self.field(v, 0)).into_owned();
                let owner = self.class_name(self.field(v, 2));
                Ok(format!("<{what} '{n}' of '{owner}' objects>"))
            }
            Some(Kind::Range) if !self.range_is_small(v) => Ok(self.range_big_repr(v)),
            Some(Kind::Range) => {
                let (a, b, c) = self.range_parts(v);
                Ok(if c == 1 {
                    format!("range({a}, {b})")
                } else {
                    format!("range({a}, {b}, {c})")
                })
            }
            Some(Kind::Generator) => {
                let n = self.field(v, super::layout::GenField::Name as usize);
                Ok(format!(
                    "<{} object {} at {:#x}>",
                    self.type_name(v),
                    self.str_text(n),
                    self.id_of(v)
                ))
            }
            Some(Kind::Slice) => {
                let mark = self.push_temp(v);
                let mut parts = Vec::new();
                for i in 0..3 {
                    let x = self.field(self.temp(mark), i);
                    match self.repr_string(x) {
                        Ok(s) => parts.push(s),
                        Err(e) => {
                            self.pop_temps(mark);
                            return Err(e);
                        }
                    }
                }
                self.pop_temps(mark);
                Ok(format!("slice({})", parts.join(", ")))
            }
            Some(Kind::Module) => self.module_repr(v),
            Some(Kind::Native) => self.native_repr(v),
            Some(Kind::Instance) => {
                if let Some(inner) = self.boxed_number(v) {
                    return self.repr_string(inner);
                }
                if self.is_namespace(v) {
                    return self.namespace_repr_text(v);
                }
                self.default_repr(v)
            }
            Some(Kind::Io) => crate::runtime::modules::io::io_repr_string(self, v),
            Some(Kind::SrePattern | Kind::SreMatch) => Ok(self.sre_repr(v)?.unwrap_or_default()),
            _ => {
                let name = self.type_name(v);
                Ok(format!("<{name} object at {:#x}>", self.id_of(v)))
            }
        }
    }

    /// repr text, calling a user `__repr__` when there is one.
    pub(crate) fn repr_text(&mut self, v: Value) -> PyResult<String> {
        if matches!(self.kind_of(v), Some(Kind::Instance | Kind::Exception))
            || self.builtin_sub(v)
            || self.heap_meta(v)
            || self.module_sub(v)
        {
            let s = self.repr_value(v)?;
            return Ok(self.str_text(s).into_owned());
        }
        self.recurse_native(" while getting the repr of an object", |vm| {
            vm.repr_string(v)
        })
    }

    /// `id(v)`: stable across moves.
    pub fn id_of(&self, v: Value) -> u64 {
        match v.heap_addr().and_then(pyvm_gc::ObjectRef::from_address) {
            // SAFETY: `v` is live (read from a root by the caller).
            Some(r) => unsafe { self.m.object_id(r) }.get() * 16 + 0x7f00_0000_0000,
            None => v.to_bits(),
        }
    }

    /// `format(v, spec)`: a user class's `__format__`, else the
    /// format-spec mini-language of int, float and str; other objects
    /// follow `object.__format__` (an empty spec gives `str(v)`).
    pub fn format_value(&mut self, v: Value, spec: Value) -> PyResult<Value> {
        if !self.is_str(spec) {
            return Err(self.type_error("format spec must be a str"));
        }
        if let Some(r) = self.sub_format(v, spec)? {
            return Ok(r);
        }
        if matches!(self.kind_of(v), Some(Kind::Instance | Kind::Exception)) || self.heap_meta(v) {
            let mark = self.temps_len();
            self.push_temp(v);
            self.push_temp(spec);
            let r = (|| {
                let class = self.class_of(self.temp(mark));
                let Some(m) = self.lookup_type_attr(class, "__format__")? else {
                    return Ok(None);
                };
                // A numeric subclass without its own `__format__` formats
                // its value (int.__format__ and friends).
                if self.kind_of(m) != Some(Kind::Function)
                    && self.boxed_number(self.temp(mark)).is_some()
                {
                    return Ok(None);
                }
                let r = self.call_value(m, &[self.temp(mark), self.temp(mark + 1)])?;
                if !self.is_str(r) {
                    let t = self.type_name(r);
                    return Err(self.type_error(&format!("__format__ must return a str, not {t}")));
                }
                Ok(Some(r))
            })();
            let (v2, spec2) = (self.temp(mark), self.temp(mark + 1));
            self.pop_temps(mark);
            if let Some(r) = r? {
                return Ok(r);
            }
            match self.boxed_number(v2) {
                // `int.__format__(x, '')` is `str(x)`, which may be the
                // subclass's own `__str__`/`__repr__`.
                Some(_) if self.str_bytes(spec2).is_empty() => return self.str_value(v2),
                Some(inner) => return self.format_value(inner, spec2),
                None => return self.object_format(v2, spec2),
            }
        }
        let spec_text = self.str_text(spec).into_owned();
        let r = if let Some(f) = v.as_float() {
            crate::float_format::format_float(f, &spec_text)
        } else if v.as_bool().is_some() && spec_text.is_empty() {
            return self.str_value(v);
        } else if let Some(super::ops::Number::Int(i)) = self.number(v) {
            let tn = if v.as_bool().is_some() { "bool" } else { "int" };
            crate::int_format::format_int_named(
                &i,
                &spec_text,
                crate::int_parse::MaxStrDigits::default(),
                tn,
            )
        } else if let Some((re, im)) = self.complex_parts(v) {
            crate::complex_format::format_complex(re, im, &spec_text)
        } else if let Some(super::ops::Number::Float(f)) = self.number(v) {
            crate::float_format::format_float(f, &spec_text)
        } else if self.is_str(v) {
            if spec_text.is_empty() {
                return Ok(v);
            }
            let text = self.str_text(v).into_owned();
            crate::format_spec::format_str(&text, &spec_text)
        } else {
            return self.object_format(v, spec);
        };
        match r {
            Ok(s) => self.new_str(&s),
            Err(e) => Err(self.raise_pyerror(e)),
        }
    }

    /// `object.__format__(v, spec)`.
    fn object_format(&mut self, v: Value, spec: Value) -> PyResult<Value> {
        if self.str_bytes(spec).is_empty() {
            return self.str_value(v);
        }
        let t = self.type_name(v);
        Err(self.type_error(&format!(
            "unsupported format string passed to {t}.__format__"
        )))
    }
}

/// `repr` of a str holding lone surrogates: they are mapped to the
/// (non-printable) private-use characters U+FD800..U+FDFFF, whose escapes
/// are then rewritten to `\udXXX`.
fn repr_with_surrogates(b: &[u8]) -> String {
    let text: String = super::text_codec::code_points(b)
        .into_iter()
        .map(|c| {
            let c = if (0xd800..0xe000).contains(&c) {
                c - 0xd800 + 0xfd800
            } else {
                c
            };
            char::from_u32(c).unwrap_or('\u{fffd}')
        })
        .collect();
    repr_str(&text).replace("\\U000fd", "\\ud")
}
