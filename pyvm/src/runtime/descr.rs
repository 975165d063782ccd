//! Descriptors: `property`, `classmethod`, `staticmethod`, slot members,
//! functions as descriptors, and the `__get__`/`__set__`/`__delete__`
//! protocol of user classes; the attributes of functions and code objects.

use pyvm_objmodel::Value;

use super::builtins::{NativeTable, Place, arity};
use super::call::Args;
use super::exception::PyResult;
use super::heap::Vm;
use super::layout::{BuiltinField, FuncField, Kind, PROP_FIELDS, PropField, SuperField};
use super::names::Name;
use super::types::TypeId;

/// Natives of the descriptor types.
pub(crate) const DESCR_NATIVES: NativeTable = &[
    (
        "property",
        Place::Constructor(TypeId::Property),
        property_new,
    ),
    ("getter", Place::Method(TypeId::Property), property_getter),
    ("setter", Place::Method(TypeId::Property), property_setter),
    ("deleter", Place::Method(TypeId::Property), property_deleter),
    ("__get__", Place::Method(TypeId::Property), descr_get_native),
    ("__set__", Place::Method(TypeId::Property), descr_set_native),
    (
        "__delete__",
        Place::Method(TypeId::Property),
        descr_delete_native,
    ),
    (
        "__set_name__",
        Place::Method(TypeId::Property),
        property_set_name,
    ),
    (
        "classmethod",
        Place::Constructor(TypeId::ClassMethod),
        classmethod_new,
    ),
    (
        "__get__",
        Place::Method(TypeId::ClassMethod),
        descr_get_native,
    ),
    (
        "staticmethod",
        Place::Constructor(TypeId::StaticMethod),
        staticmethod_new,
    ),
    (
        "__get__",
        Place::Method(TypeId::StaticMethod),
        descr_get_native,
    ),
    ("__get__", Place::Method(TypeId::Function), descr_get_native),
    (
        "__get__",
        Place::Method(TypeId::MemberDescriptor),
        descr_get_native,
    ),
    (
        "__set__",
        Place::Method(TypeId::MemberDescriptor),
        descr_set_native,
    ),
    (
        "__delete__",
        Place::Method(TypeId::MemberDescriptor),
        descr_delete_native,
    ),
    (
        "__get__",
        Place::Method(TypeId::GetSetDescriptor),
        descr_get_native,
    ),
    (
        "__set__",
        Place::Method(TypeId::GetSetDescriptor),
        descr_set_native,
    ),
    (
        "__delete__",
        Place::Method(TypeId::GetSetDescriptor),
        descr_delete_native,
    ),
];

impl Vm {
    /// Whether `d` (found on a class) is a data descriptor: it defines
    /// `__set__` or `__delete__`.
    pub fn is_data_descr(&mut self, d: Value) -> PyResult<bool> {
        match self.kind_of(d) {
            Some(Kind::Property | Kind::MemberDescr) => Ok(true),
            Some(Kind::Instance | Kind::Exception) => {
                let class = self.class_of(d);
                if !self.is_heap_type(class) {
                    return Ok(false);
                }
                Ok(self.lookup_name(class, Name::Set)?.is_some()
                    || self.lookup_name(class, Name::Delete)?.is_some())
            }
            _ => Ok(false),
        }
    }

    /// `d.__get__(obj, owner)` for an attribute `d` found on a class;
    /// `obj` is EMPTY for an access through the class itself.
    pub fn descr_get(&mut self, d: Value, obj: Value, owner: Value) -> PyResult<Value> {
        match self.dispatch_kind(d, Name::Get)? {
            Some(Kind::Function) => {
                if obj.is_empty() || obj.is_none() {
                    Ok(d)
                } else {
                    self.bind_method(d, obj)
                }
            }
            Some(Kind::Builtin) if self.field(d, BuiltinField::SelfValue as usize).is_empty() => {
                if obj.is_empty() || obj.is_none() || self.is_module_function(d) {
                    Ok(d)
                } else {
                    self.bind_method(d, obj)
                }
            }
            Some(Kind::ClassMethod) => {
                let f = self.field(d, 0);
                let owner = if owner.is_empty() || owner.is_none() {
                    self.class_of(obj)
                } else {
                    owner
                };
                // A builtin's class method binds like CPython's
                // `classmethod_descriptor`: `<built-in method ... of type ...>`.
                if self.kind_of(f) == Some(Kind::Builtin) {
                    return self.bind_method(f, owner);
                }
                let class = self.ty(TypeId::Method);
                self.alloc_record(Kind::BoundMethod, class, &[f, owner], 0)
            }
            Some(Kind::StaticMethod) => Ok(self.field(d, 0)),
            Some(Kind::Property) => {
                if obj.is_empty() || obj.is_none() {
                    return Ok(d);
                }
                let g = self.field(d, PropField::Get as usize);
                if g.is_none() {
                    let what = self.property_what(d, obj);
                    return Err(
                        self.raise_msg(TypeId::AttributeError, &format!("{what} has no getter"))
                    );
                }
                self.call_value(g, &[obj])
            }
            Some(Kind::MemberDescr) => {
                if obj.is_empty() || obj.is_none() {
                    return Ok(d);
                }
                self.member_check(d, obj)?;
                if self.field(d, 1).is_none() {
                    // A builtin type's data attribute (`builtin_descrs.rs`).
                    return self.get_attr(obj, self.field(d, 0));
                }
                let i = self.field(d, 1).as_int().unwrap_or(0) as usize;
                let v = self.slot_field(obj, i);
                if v.is_empty() {
                    let n = self.str_text(self.field(d, 0)).into_owned();
                    let tn = self.type_name(obj);
                    return Err(self.raise_msg(
                        TypeId::AttributeError,
                        &format!("'{tn}' object has no attribute '{n}'"),
                    ));
                }
                Ok(v)
            }
            Some(Kind::Instance | Kind::Exception) => {
                let class = self.class_of(d);
                if !self.is_heap_type(class) {
                    return Ok(d);
                }
                let mark = self.temps_len();
                self.roots().temps.extend_from_slice(&[d, obj, owner]);
                let r = (|| {
                    let class = self.class_of(self.temp(mark));
                    match self.lookup_name(class, Name::Get)? {
                        Some(g) => {
                            let (d, o, t) =
                                (self.temp(mark), self.temp(mark + 1), self.temp(mark + 2));
                            let o = if o.is_empty() { Value::NONE } else { o };
                            self.call_value(g, &[d, o, t])
                        }
                        None => Ok(self.temp(mark)),
                    }
                })();
                self.pop_temps(mark);
                r
            }
            _ => Ok(d),
        }
    }

    /// `property 'x' of 'A' object` (CPython's wording in property errors).
    fn property_what(&mut self, p: Value, obj: Value) -> String {
        let mut name = self.field(p, PropField::Name as usize);
        if !self.is_str(name) {
            let g = self.field(p, PropField::Get as usize);
            name = if self.kind_of(g) == Some(Kind::Function) {
                self.field(g, FuncField::Name as usize)
            } else {
                Value::NONE
            };
        }
        let tn = self.class_qualname(self.class_of(obj));
        if self.is_str(name) {
            format!("property '{}' of '{tn}' object", self.str_text(name))
        } else {
            format!("property of '{tn}' object")
        }
    }

    fn member_check(&mut self, d: Value, obj: Value) -> PyResult<()> {
        let owner = self.field(d, 2);
        let class = self.class_of(obj);
        if !self.is_subclass(class, owner) {
            let n = self.str_text(self.field(d, 0)).into_owned();
            let on = self.class_name(owner);
            let tn = self.type_name(obj);
            return Err(self.type_error(&format!(
                "descriptor '{n}' for '{on}' objects doesn't apply to a '{tn}' object"
            )));
        }
        Ok(())
    }

    /// `d.__set__(obj, value)`, or `d.__delete__(obj)` when `value` is EMPTY.
    pub fn descr_set(&mut self, d: Value, obj: Value, value: Value) -> PyResult<()> {
        let hook = if value.is_empty() {
            Name::Delete
        } else {
            Name::Set
        };
        match self.dispatch_kind(d, hook)? {
            Some(Kind::Property) => {
                let (field, what) = if value.is_empty() {
                    (PropField::Del, "deleter")
                } else {
                    (PropField::Set, "setter")
                };
                let f = self.field(d, field as usize);
                if f.is_none() {
                    let w = self.property_what(d, obj);
                    return Err(
                        self.raise_msg(TypeId::AttributeError, &format!("{w} has no {what}"))
                    );
                }
                let r = if value.is_empty() {
                    self.call_value(f, &[obj])
                } else {
                    self.call_value(f, &[obj, value])
                };
                r.map(|_| ())
            }
            Some(Kind::MemberDescr) => {
                self.member_check(d, obj)?;
                if self.field(d, 1).is_none() {
                    let name = self.field(d, 0);
                    return if value.is_empty() {
                        self.del_attr(obj, name)
                    } else {
                        self.set_attr(obj, name, value)
                    };
                }
                let i = self.field(d, 1).as_int().unwrap_or(0) as usize;
                if value.is_empty() && self.slot_field(obj, i).is_empty() {
                    let n = self.str_text(self.field(d, 0)).into_owned();
                    return Err(self.raise_msg(TypeId::AttributeError, &n));
                }
                self.set_slot_field(obj, i, value);
                Ok(())
            }
            _ => {
                let mark = self.temps_len();
                self.roots().temps.extend_from_slice(&[d, obj, value]);
                let r = (|| {
                    let class = self.class_of(self.temp(mark));
                    let hook = if value.is_empty() {
                        Name::Delete
                    } else {
                        Name::Set
                    };
                    match self.lookup_name(class, hook)? {
                        Some(f) => {
                            let (d, o, v) =
                                (self.temp(mark), self.temp(mark + 1), self.temp(mark + 2));
                            let args: &[Value] = if v.is_empty() { &[d, o] } else { &[d, o, v] };
                            self.call_value(f, args).map(|_| ())
                        }
                        None => {
                            let n = if value.is_empty() {
                                "__delete__"
                            } else {
                                "__set__"
                            };
                            Err(self.raise_msg(TypeId::AttributeError, n))
                        }
                    }
                })();
                self.pop_temps(mark);
                r
            }
        }
    }

    /// Intrinsic attributes of descriptor, code, super and other builtin
    /// objects (what CPython's getset and member descriptors provide).
    pub(crate) fn descr_intrinsic(&mut self, obj: Value, key: Value) -> PyResult<Option<Value>> {
        // Only these kinds have any (checked first: attribute loads on
        // every other builtin object come through here).
        if !matches!(
            self.kind_of(obj),
            Some(
                Kind::Property
                    | Kind::ClassMethod
                    | Kind::StaticMethod
                    | Kind::MemberDescr
                    | Kind::Super
                    | Kind::Code
                    | Kind::Builtin
            )
        ) {
            return Ok(None);
        }
        let name = self.str_bytes(key).to_vec();
        let kind = self.kind_of(obj);
        Ok(match (kind, name.as_slice()) {
            (Some(Kind::Property), b"fget") => Some(self.field(obj, PropField::Get as usize)),
            (Some(Kind::Property), b"fset") => Some(self.field(obj, PropField::Set as usize)),
            (Some(Kind::Property), b"fdel") => Some(self.field(obj, PropField::Del as usize)),
            (Some(Kind::Property), b"__doc__") => Some(self.field(obj, PropField::Doc as usize)),
            (Some(Kind::Property), b"__isabstractmethod__") => {
                // `is_abstract` may run Python code: the accessors are
                // rooted first, the property is not read again.
                let mark = self.temps_len();
                for f in [PropField::Get, PropField::Set, PropField::Del] {
                    let x = self.field(obj, f as usize);
                    self.push_temp(x);
                }
                let r = (|| {
                    for i in 0..3 {
                        let x = self.temp(mark + i);
                        if !x.is_none() && self.is_abstract(x)? {
                            return Ok(true);
                        }
                    }
                    Ok(false)
                })();
                self.pop_temps(mark);
                Some(Value::from_bool(r?))
            }
            (Some(Kind::ClassMethod | Kind::StaticMethod), b"__func__" | b"__wrapped__") => {
                Some(self.field(obj, 0))
            }
            (Some(Kind::ClassMethod | Kind::StaticMethod), b"__isabstractmethod__") => {
                let f = self.field(obj, 0);
                Some(Value::from_bool(self.is_abstract(f)?))
            }
            (
                Some(Kind::ClassMethod | Kind::StaticMethod),
                b"__doc__" | b"__name__" | b"__qualname__",
            ) => {
                let f = self.field(obj, 0);
                return self.get_attr_opt(f, key);
            }
            (Some(Kind::MemberDescr), b"__name__") => Some(self.field(obj, 0)),
            (Some(Kind::MemberDescr), b"__objclass__") => Some(self.field(obj, 2)),
            (Some(Kind::Super), b"__thisclass__") => {
                Some(self.field(obj, SuperField::ThisClass as usize))
            }
            (Some(Kind::Super), b"__self__") => Some(self.field(obj, SuperField::Obj as usize)),
            (Some(Kind::Super), b"__self_class__") => {
                Some(self.field(obj, SuperField::ObjType as usize))
            }
            (Some(Kind::Code), _) => return self.code_attr(obj, &name),
            (Some(Kind::Builtin), b"__doc__") => Some(Value::NONE),
            (Some(Kind::Builtin), b"__objclass__") => self.method_descr_owner(obj),
            (Some(Kind::Builtin), b"__module__") => {
                let s = self.field(obj, BuiltinField::SelfValue as usize);
                let idx = self.field(obj, BuiltinField::Native as usize).as_int();
                if s.is_empty() {
                    let m = idx.and_then(|i| super::modules::native_module_name(i as usize));
                    Some(self.new_str(m.unwrap_or("builtins"))?)
                } else {
                    Some(Value::NONE)
                }
            }
            _ => None,
        })
    }

    /// Whether `f.__isabstractmethod__` is true.
    pub fn is_abstract(&mut self, f: Value) -> PyResult<bool> {
        if matches!(
            self.kind_of(f),
            Some(Kind::Function | Kind::Property | Kind::ClassMethod | Kind::StaticMethod)
        ) {
            let fi = self.push_temp(f);
            let key = self.new_str("__isabstractmethod__");
            let f = self.temp(fi);
            self.pop_temps(fi);
            let v = self.get_attr_opt(f, key?)?;
            return match v {
                Some(v) => self.truthy(v),
                None => Ok(false),
            };
        }
        Ok(false)
    }

    /// Attributes of a function object.
    pub(crate) fn function_attr(&mut self, f: Value, key: Value) -> PyResult<Option<Value>> {
        let d = self.instance_dict(f);
        if !d.is_empty()
            && let Some(v) = self.dict_get(d, key)?
        {
            return Ok(Some(v));
        }
        let name = self.str_bytes(key).to_vec();
        Ok(match name.as_slice() {
            b"__name__" => Some(self.field(f, FuncField::Name as usize)),
            b"__qualname__" => Some(self.field(f, FuncField::Qualname as usize)),
            b"__defaults__" => Some(self.field(f, FuncField::Defaults as usize)),
            b"__kwdefaults__" => Some(self.field(f, FuncField::KwDefaults as usize)),
            b"__globals__" => Some(self.field(f, FuncField::Globals as usize)),
            b"__code__" => Some(self.field(f, FuncField::Code as usize)),
            b"__closure__" => Some(self.field(f, FuncField::Closure as usize)),
            // `f.__call__()` calls `f` (CPython gives a method-wrapper).
            b"__call__" => Some(f),
            b"__dict__" => Some(self.instance_dict_make(f)?),
            b"__doc__" => {
                let code = self.field(f, FuncField::Code as usize);
                match self.code_arc(code).docstring.clone() {
                    Some(s) => Some(self.alloc_str_bytes(s.as_bytes(), s.char_len())?),
                    None => Some(Value::NONE),
                }
            }
            b"__module__" => {
                let g = self.field(f, FuncField::Globals as usize);
                Some(self.dict_get_str(g, "__name__")?.unwrap_or(Value::NONE))
            }
            b"__annotations__" => Some(self.function_annotations(f)?),
            b"__builtins__" => Some(self.global(super::types::GlobalSlot::Builtins)),
            _ => None,
        })
    }

    fn function_annotations(&mut self, f: Value) -> PyResult<Value> {
        let a = self.field(f, FuncField::Annotations as usize);
        if self.kind_of(a) == Some(Kind::Dict) {
            return Ok(a);
        }
        let fi = self.push_temp(f);
        let r = (|| {
            let d = self.new_dict()?;
            let di = self.push_temp(d);
            let a = self.field(self.temp(fi), FuncField::Annotations as usize);
            if self.kind_of(a) == Some(Kind::Tuple) {
                let items = self.tuple_items(a).to_vec();
                for pair in items.chunks(2) {
                    if let [k, v] = pair {
                        self.dict_set(self.temp(di), *k, *v)?;
                    }
                }
            }
            let d = self.temp(di);
            self.set_field(self.temp(fi), FuncField::Annotations as usize, d);
            Ok(d)
        })();
        self.pop_temps(fi);
        r
    }

    /// Stores a settable function attribute held in a field; `false` for
    /// other names (they go to the function's `__dict__`).
    pub(crate) fn function_setattr(
        &mut self,
        f: Value,
        key: Value,
        value: Value,
    ) -> PyResult<bool> {
        let field = match self.str_bytes(key) {
            b"__name__" => FuncField::Name,
            b"__qualname__" => FuncField::Qualname,
            b"__defaults__" => FuncField::Defaults,
            b"__kwdefaults__" => FuncField::KwDefaults,
            b"__annotations__" => FuncField::Annotations,
            b"__code__" => FuncField::Code,
            b"__dict__" => FuncField::Dict,
            _ => return Ok(false),
        };
        let value = if value.is_empty() { Value::NONE } else { value };
        if matches!(field, FuncField::Name | FuncField::Qualname) && !self.is_str(value) {
            let which = self.str_text(key).into_owned();
            return Err(self.type_error(&format!("{which} must be set to a string object")));
        }
        if matches!(field, FuncField::Defaults)
            && !value.is_none()
            && self.kind_of(value) != Some(Kind::Tuple)
        {
            return Err(self.type_error("__defaults__ must be set to a tuple object"));
        }
        self.set_field(f, field as usize, value);
        Ok(true)
    }

    fn code_attr(&mut self, code: Value, name: &[u8]) -> PyResult<Option<Value>> {
        let c = self.code_arc(code).clone();
        let strs = |vm: &mut Vm, names: &[String]| -> PyResult<Value> {
            let mark = vm.temps_len();
            for n in names {
                match vm.new_str(n) {
                    Ok(s) => {
                        vm.push_temp(s);
                    }
                    Err(e) => {
                        vm.pop_temps(mark);
                        return Err(e);
                    }
                }
            }
            let items = vm.m.roots().temps[mark..].to_vec();
            let t = vm.new_tuple(&items);
            vm.pop_temps(mark);
            t
        };
        Ok(Some(match name {
            b"co_name" => self.new_str(&c.name)?,
            b"co_qualname" => self.new_str(&c.qualname)?,
            b"co_filename" => self.new_str(&c.filename)?,
            b"co_firstlineno" => self.new_i64(c.first_line as i64)?,
            b"co_argcount" => self.new_i64(c.arg_count as i64)?,
            b"co_posonlyargcount" => self.new_i64(c.posonly_count as i64)?,
            b"co_kwonlyargcount" => self.new_i64(c.kwonly_count as i64)?,
            b"co_flags" => self.new_i64(c.flags.0 as i64)?,
            b"co_nlocals" => self.new_i64(c.local_names.len() as i64)?,
            b"co_varnames" => strs(self, &c.local_names)?,
            b"co_cellvars" => strs(self, &c.cell_names)?,
            b"co_freevars" => strs(self, &c.free_names)?,
            b"co_names" => strs(self, &c.names)?,
            _ => return Ok(None),
        }))
    }

    /// `obj.__class__ = cls` with CPython's compatibility checks.
    pub fn set_class_checked(&mut self, obj: Value, cls: Value) -> PyResult<()> {
        if self.kind_of(cls) != Some(Kind::Type) {
            let n = self.type_name(cls);
            return Err(self.type_error(&format!(
                "__class__ must be set to a class, not '{n}' object"
            )));
        }
        let old = self.class_of(obj);
        let ok = (self.kind_of(obj) == Some(Kind::Instance)
            && self.is_heap_type(old)
            && self.is_heap_type(cls)
            && self.same_layout(old, cls))
            || (self.kind_of(obj) == Some(Kind::Module)
                && self.module_layout(old)
                && self.module_layout(cls));
        if !ok {
            if !(self.is_heap_type(old) && self.is_heap_type(cls)) {
                return Err(self.type_error(
                    "__class__ assignment only supported for mutable types or ModuleType subclasses",
                ));
            }
            let (a, b) = (self.class_name(cls), self.class_name(old));
            return Err(self.type_error(&format!(
                "__class__ assignment: '{a}' object layout differs from '{b}'"
            )));
        }
        self.set_class(obj, cls);
        Ok(())
    }

    /// Whether instances of `a` and `b` have the same fields.
    pub fn same_layout(&self, a: Value, b: Value) -> bool {
        use super::class_create::flags;
        let mask = flags::NSLOTS_MASK | flags::NO_DICT;
        let (fa, fb) = (self.type_flags(a), self.type_flags(b));
        let ka = self.field(a, super::layout::TypeField::InstanceKind as usize);
        let kb = self.field(b, super::layout::TypeField::InstanceKind as usize);
        fa & mask == fb & mask && ka == kb && self.slot_names(a) == self.slot_names(b)
    }

    /// The `__slots__` members of instances of `t`: (field index, name),
    /// sorted (CPython compares the slots each layout adds by name).
    fn slot_names(&self, t: Value) -> Vec<(i64, Vec<u8>)> {
        let mut out = Vec::new();
        let mro = self.field(t, super::layout::TypeField::Mro as usize);
        if self.kind_of(mro) != Some(Kind::Tuple) {
            return out;
        }
        for &c in self.tuple_items(mro) {
            let d = self.field(c, super::layout::TypeField::Dict as usize);
            if self.kind_of(d) != Some(Kind::Dict) {
                continue;
            }
            for (_, v) in self.dict_mut(d).items(&self.keys()) {
                if self.kind_of(v) == Some(Kind::MemberDescr) && self.field(v, 2) == c {
                    let name = self.field(v, 0);
                    let idx = self.field(v, 1).as_int().unwrap_or(-1);
                    if self.is_str(name) {
                        out.push((idx, self.str_bytes(name).to_vec()));
                    }
                }
            }
        }
        out.sort();
        out.dedup();
        out
    }
}

/// `property(fget=None, fset=None, fdel=None, doc=None)`.
fn property_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let npos = a.npos(vm);
    if npos > 4 {
        return Err(vm.type_error(&format!(
            "property() takes at most 4 arguments ({npos} given)"
        )));
    }
    let mut f = [Value::NONE; PROP_FIELDS];
    let names = ["fget", "fset", "fdel", "doc"];
    for (i, slot) in f.iter_mut().enumerate().take(4) {
        if i < npos {
            *slot = a.get(vm, i);
        } else if let Some(v) = a.kwarg(vm, names[i]) {
            *slot = v;
        }
    }
    if let Some(k) = a.kw {
        let kn = vm.tuple_items(vm.temp(k)).to_vec();
        for n in kn {
            let t = vm.str_text(n).into_owned();
            if !names.contains(&t.as_str()) {
                return Err(vm.type_error(&format!(
                    "property() got an unexpected keyword argument '{t}'"
                )));
            }
        }
    }
    make_property(vm, f)
}

fn make_property(vm: &mut Vm, mut f: [Value; PROP_FIELDS]) -> PyResult<Value> {
    let mark = vm.temps_len();
    vm.roots().temps.extend_from_slice(&f);
    let r = (|| {
        let doc = vm.temp(mark + PropField::Doc as usize);
        let get = vm.temp(mark + PropField::Get as usize);
        if doc.is_none() && !get.is_none() {
            let key = vm.name(Name::Doc);
            if let Some(d) = vm.get_attr_opt(get, key)? {
                vm.roots().temps[mark + PropField::Doc as usize] = d;
            }
        }
        f.copy_from_slice(&vm.m.roots().temps[mark..mark + PROP_FIELDS]);
        let class = vm.ty(TypeId::Property);
        vm.alloc_record(Kind::Property, class, &f, 0)
    })();
    vm.pop_temps(mark);
    r
}

fn property_copy(vm: &mut Vm, a: Args, field: PropField, name: &str) -> PyResult<Value> {
    arity(vm, &a, name, 2, 2)?;
    let p = a.get(vm, 0);
    if vm.kind_of(p) != Some(Kind::Property) {
        return Err(vm.type_error(&format!("descriptor '{name}' requires a 'property' object")));
    }
    let mut f = [Value::NONE; PROP_FIELDS];
    for (i, x) in f.iter_mut().enumerate() {
        *x = vm.field(p, i);
    }
    f[field as usize] = a.get(vm, 1);
    if matches!(field, PropField::Get) {
        f[PropField::Doc as usize] = Value::NONE;
    }
    make_property(vm, f)
}

fn property_getter(vm: &mut Vm, a: Args) -> PyResult<Value> {
    property_copy(vm, a, PropField::Get, "getter")
}

fn property_setter(vm: &mut Vm, a: Args) -> PyResult<Value> {
    property_copy(vm, a, PropField::Set, "setter")
}

fn property_deleter(vm: &mut Vm, a: Args) -> PyResult<Value> {
    property_copy(vm, a, PropField::Del, "deleter")
}

fn property_set_name(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "__set_name__", 3, 3)?;
    let (p, n) = (a.get(vm, 0), a.get(vm, 2));
    if vm.kind_of(p) == Some(Kind::Property) && vm.is_str(n) {
        vm.set_field(p, PropField::Name as usize, n);
    }
    Ok(Value::NONE)
}

/// `descr.__get__(obj, type=None)`.
fn descr_get_native(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = arity(vm, &a, "__get__", 2, 3)?;
    let (d, obj) = (a.get(vm, 0), a.get(vm, 1));
    let owner = if n == 3 { a.get(vm, 2) } else { Value::NONE };
    if obj.is_none() && owner.is_none() {
        return Err(vm.type_error("__get__(None, None) is invalid"));
    }
    let obj = if obj.is_none() { Value::EMPTY } else { obj };
    let owner = if owner.is_none() && !obj.is_empty() {
        vm.class_of(obj)
    } else {
        owner
    };
    vm.descr_get(d, obj, owner)
}

/// `descr.__set__(obj, value)`.
fn descr_set_native(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "__set__", 3, 3)?;
    let (d, obj, v) = (a.get(vm, 0), a.get(vm, 1), a.get(vm, 2));
    vm.descr_set(d, obj, v)?;
    Ok(Value::NONE)
}

/// `descr.__delete__(obj)`.
fn descr_delete_native(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "__delete__", 2, 2)?;
    let (d, obj) = (a.get(vm, 0), a.get(vm, 1));
    vm.descr_set(d, obj, Value::EMPTY)?;
    Ok(Value::NONE)
}

fn wrapper_new(vm: &mut Vm, a: Args, kind: Kind, t: TypeId, name: &str) -> PyResult<Value> {
    if a.nkw(vm) > 0 {
        return Err(vm.type_error(&format!("{name}() takes no keyword arguments")));
    }
    let n = a.npos(vm);
    if n != 1 {
        return Err(vm.type_error(&format!("{name} expected 1 argument, got {n}")));
    }
    let f = a.get(vm, 0);
    let class = vm.ty(t);
    vm.alloc_record(kind, class, &[f, Value::EMPTY], 0)
}

/// `classmethod(f)`.
fn classmethod_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    wrapper_new(vm, a, Kind::ClassMethod, TypeId::ClassMethod, "classmethod")
}

/// `staticmethod(f)`.
fn staticmethod_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    wrapper_new(
        vm,
        a,
        Kind::StaticMethod,
        TypeId::StaticMethod,
        "staticmethod",
    )
}

/// Wraps `f` in a `staticmethod` (what `type.__new__` does to `__new__`).
pub fn make_staticmethod(vm: &mut Vm, f: Value) -> PyResult<Value> {
    let class = vm.ty(TypeId::StaticMethod);
    vm.alloc_record(Kind::StaticMethod, class, &[f, Value::EMPTY], 0)
}

/// Wraps `f` in a `classmethod` (for `__init_subclass__`).
pub fn make_classmethod(vm: &mut Vm, f: Value) -> PyResult<Value> {
    let class = vm.ty(TypeId::ClassMethod);
    vm.alloc_record(Kind::ClassMethod, class, &[f, Value::EMPTY], 0)
}
