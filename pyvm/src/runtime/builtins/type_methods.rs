//! Methods of `type` (`__call__`, `__new__`, `__init__`, `mro`, `__or__`,
//! `__subclasses__`, `__instancecheck__`, `__subclasscheck__`,
//! `__prepare__`) and the builtins that ask classes questions
//! (`isinstance`, `issubclass` with their hooks, `callable`, `delattr`,
//! `vars`, `dir`).

use pyvm_objmodel::Value;

use super::super::call::Args;
use super::super::exception::PyResult;
use super::super::heap::Vm;
use super::super::layout::{Kind, TypeField};
use super::super::names::Name;
use super::super::types::TypeId;
use super::{NativeTable, Place, arity};

/// Natives of this file.
pub(crate) const TYPE_NATIVES: NativeTable = &[
    ("__call__", Place::Method(TypeId::Type), type_call),
    ("__new__", Place::Method(TypeId::Type), type_new),
    ("__init__", Place::Method(TypeId::Type), type_init),
    ("mro", Place::Method(TypeId::Type), type_mro),
    (
        "__subclasses__",
        Place::Method(TypeId::Type),
        type_subclasses,
    ),
    (
        "__instancecheck__",
        Place::Method(TypeId::Type),
        type_instancecheck,
    ),
    (
        "__subclasscheck__",
        Place::Method(TypeId::Type),
        type_subclasscheck,
    ),
    ("__prepare__", Place::Method(TypeId::Type), type_prepare),
    ("__or__", Place::Method(TypeId::Type), |vm, a| {
        type_or(vm, a, false)
    }),
    ("__ror__", Place::Method(TypeId::Type), |vm, a| {
        type_or(vm, a, true)
    }),
    ("isinstance", Place::Builtins, isinstance),
    ("issubclass", Place::Builtins, issubclass),
    ("callable", Place::Builtins, callable),
    ("delattr", Place::Builtins, delattr),
    ("vars", Place::Builtins, vars),
    ("dir", Place::Builtins, dir),
];

fn type_receiver(vm: &mut Vm, a: &Args, meth: &str) -> PyResult<Value> {
    if a.npos(vm) == 0 {
        return Err(vm.type_error(&format!(
            "descriptor '{meth}' of 'type' object needs an argument"
        )));
    }
    let t = a.get(vm, 0);
    if vm.kind_of(t) != Some(Kind::Type) {
        let n = vm.type_name(t);
        return Err(vm.type_error(&format!(
            "descriptor '{meth}' requires a 'type' object but received a '{n}'"
        )));
    }
    Ok(t)
}

/// `type.__call__(cls, *args, **kw)`.
fn type_call(vm: &mut Vm, a: Args) -> PyResult<Value> {
    type_receiver(vm, &a, "__call__")?;
    let rest = Args {
        start: a.start + 1,
        n: a.n - 1,
        kw: a.kw,
    };
    vm.type_call(a.start, rest)
}

/// `type.__new__(meta, name, bases, ns, **kw)` (and `type.__new__(type, x)`).
fn type_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let meta = type_receiver(vm, &a, "__new__")?;
    let n = a.npos(vm);
    if n == 2 && meta == vm.ty(TypeId::Type) && a.nkw(vm) == 0 {
        return Ok(vm.class_of(a.get(vm, 1)));
    }
    if n != 4 {
        return Err(vm.type_error("type.__new__() takes exactly 3 arguments (0 given)"));
    }
    vm.type_new_args(meta, &a, 1)
}

impl Vm {
    /// `type(name, bases, dict, **kw)` with the arguments from index
    /// `first` of `a`.
    pub fn type_new_args(&mut self, meta: Value, a: &Args, first: usize) -> PyResult<Value> {
        let (name, bases, ns) = (
            a.get(self, first),
            a.get(self, first + 1),
            a.get(self, first + 2),
        );
        if !self.is_str(name) {
            let n = self.type_name(name);
            return Err(self.type_error(&format!("type.__new__() argument 1 must be str, not {n}")));
        }
        if self.kind_of(bases) != Some(Kind::Tuple) {
            let n = self.type_name(bases);
            return Err(
                self.type_error(&format!("type.__new__() argument 2 must be tuple, not {n}"))
            );
        }
        if self.kind_of(ns) != Some(Kind::Dict) {
            let n = self.type_name(ns);
            return Err(
                self.type_error(&format!("type.__new__() argument 3 must be dict, not {n}"))
            );
        }
        let mi = self.push_temp(meta);
        let kw = self.kwargs_dict(a, None);
        let meta = self.temp(mi);
        self.pop_temps(mi);
        let kw = kw?;
        let (name, bases, ns) = (
            a.get(self, first),
            a.get(self, first + 1),
            a.get(self, first + 2),
        );
        self.create_class(meta, name, bases, ns, kw)
    }
}

/// `type.__init__(cls, ...)`: nothing to do.
fn type_init(vm: &mut Vm, a: Args) -> PyResult<Value> {
    type_receiver(vm, &a, "__init__")?;
    let n = a.npos(vm);
    if n != 2 && n != 4 {
        return Err(vm.type_error("type.__init__() takes 1 or 3 arguments"));
    }
    Ok(Value::NONE)
}

/// `cls.mro()`.
fn type_mro(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let t = type_receiver(vm, &a, "mro")?;
    let mro = vm.field(t, TypeField::Mro as usize);
    let items = vm.tuple_items(mro).to_vec();
    vm.new_list(&items)
}

/// `type.__or__(cls, other)` (`int | None`) and `__ror__`: a
/// `types.UnionType`, or NotImplemented for an operand that is not a type.
fn type_or(vm: &mut Vm, a: Args, reflected: bool) -> PyResult<Value> {
    let name = if reflected { "__ror__" } else { "__or__" };
    let t = type_receiver(vm, &a, name)?;
    if a.nkw(vm) > 0 {
        return Err(vm.type_error(&format!("{name}() takes no keyword arguments")));
    }
    if a.n != 2 {
        let n = a.n - 1;
        return Err(vm.type_error(&format!("expected 1 argument, got {n}")));
    }
    let other = a.get(vm, 1);
    let u = if reflected {
        vm.type_union(other, t)?
    } else {
        vm.type_union(t, other)?
    };
    Ok(u.unwrap_or(Value::NOT_IMPLEMENTED))
}

/// `cls.__subclasses__()`.
fn type_subclasses(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let t = type_receiver(vm, &a, "__subclasses__")?;
    let subs = vm.field(t, TypeField::Subclasses as usize);
    let items = if vm.kind_of(subs) == Some(Kind::List) {
        // Weak references (see `create_class`): the live subclasses.
        let refs = vm.list_vec(subs).iter();
        refs.filter_map(|&r| crate::runtime::modules::weak_referent(vm, r))
            .collect()
    } else {
        Vec::new()
    };
    vm.new_list(&items)
}

/// `cls.__instancecheck__(obj)` without hooks.
fn type_instancecheck(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "__instancecheck__", 2, 2)?;
    let t = type_receiver(vm, &a, "__instancecheck__")?;
    let c = vm.class_of(a.get(vm, 1));
    Ok(Value::from_bool(vm.is_subclass(c, t)))
}

/// `cls.__subclasscheck__(sub)` without hooks.
fn type_subclasscheck(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "__subclasscheck__", 2, 2)?;
    let t = type_receiver(vm, &a, "__subclasscheck__")?;
    let c = a.get(vm, 1);
    if vm.kind_of(c) != Some(Kind::Type) {
        return Err(vm.type_error("issubclass() arg 1 must be a class"));
    }
    Ok(Value::from_bool(vm.is_subclass(c, t)))
}

/// `type.__prepare__(name, bases, **kw)`: a new dict.
fn type_prepare(vm: &mut Vm, _a: Args) -> PyResult<Value> {
    vm.new_dict()
}

impl Vm {
    /// `isinstance(obj, spec)` with `__instancecheck__` and tuples.
    pub fn isinstance_check(&mut self, obj: Value, spec: Value) -> PyResult<bool> {
        if self.class_of(obj) == spec {
            return Ok(true);
        }
        self.class_check(obj, spec, true)
    }

    /// `issubclass(cls, spec)` with `__subclasscheck__` and tuples.
    pub fn issubclass_check(&mut self, cls: Value, spec: Value) -> PyResult<bool> {
        self.class_check(cls, spec, false)
    }

    fn class_check(&mut self, x: Value, spec: Value, inst: bool) -> PyResult<bool> {
        let fname = if inst { "isinstance" } else { "issubclass" };
        let mark = self.temps_len();
        self.push_temp(x);
        self.push_temp(spec);
        let r = (|| {
            if self.kind_of(spec) == Some(Kind::Tuple) {
                let n = self.tuple_items(spec).len();
                for i in 0..n {
                    let t = self.tuple_items(self.temp(mark + 1))[i];
                    let r = self.recurse_native(" in __instancecheck__", |vm| {
                        vm.class_check(vm.temp(mark), t, inst)
                    })?;
                    if r {
                        return Ok(true);
                    }
                }
                return Ok(false);
            }
            let meta = self.class_of(spec);
            if self.is_heap_type(meta) {
                let hook = if inst {
                    Name::Instancecheck
                } else {
                    Name::Subclasscheck
                };
                if let Some(f) = self.lookup_name(meta, hook)?
                    && self.kind_of(f) == Some(Kind::Function)
                {
                    let r = self.call_value(f, &[self.temp(mark + 1), self.temp(mark)])?;
                    return self.truthy(r);
                }
            }
            if self.kind_of(spec) != Some(Kind::Type)
                && self.abstract_bases(self.temp(mark + 1))?.is_some()
            {
                // An object with a tuple `__bases__` stands for a class.
                let x = self.temp(mark);
                let derived = if inst {
                    self.get_attr_str(x, "__class__")?
                } else {
                    if self.kind_of(x) != Some(Kind::Type) && self.abstract_bases(x)?.is_none() {
                        return Err(self.type_error("issubclass() arg 1 must be a class"));
                    }
                    self.temp(mark)
                };
                return self.abstract_issubclass(derived, self.temp(mark + 1));
            }
            if self.kind_of(spec) != Some(Kind::Type) {
                return Err(self.type_error(&format!(
                    "{fname}() arg 2 must be a {c}, a tuple of {c}{es}, or a union",
                    c = if fname == "issubclass" {
                        "class"
                    } else {
                        "type"
                    },
                    es = if fname == "issubclass" { "es" } else { "s" }
                )));
            }
            let x = self.temp(mark);
            if inst {
                let c = self.class_of(x);
                Ok(self.is_subclass(c, spec))
            } else {
                if self.kind_of(x) != Some(Kind::Type) {
                    if self.abstract_bases(x)?.is_none() {
                        return Err(self.type_error("issubclass() arg 1 must be a class"));
                    }
                    return self.abstract_issubclass(self.temp(mark), self.temp(mark + 1));
                }
                Ok(self.is_subclass(x, spec))
            }
        })();
        self.pop_temps(mark);
        r
    }

    /// `callable(v)`.
    pub fn is_callable(&mut self, v: Value) -> PyResult<bool> {
        Ok(match self.kind_of(v) {
            Some(
                Kind::Function
                | Kind::Builtin
                | Kind::BoundMethod
                | Kind::Type
                | Kind::StaticMethod,
            ) => true,
            Some(Kind::Native) => crate::runtime::modules::native_types::callable(self, v)?,
            Some(Kind::Instance | Kind::Exception) => {
                let class = self.class_of(v);
                matches!(self.lookup_name(class, Name::Call)?, Some(c) if !c.is_none())
            }
            _ => false,
        })
    }
}

fn isinstance(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "isinstance", 2, 2)?;
    let (o, s) = (a.get(vm, 0), a.get(vm, 1));
    vm.isinstance_check(o, s).map(Value::from_bool)
}

fn issubclass(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "issubclass", 2, 2)?;
    let (c, s) = (a.get(vm, 0), a.get(vm, 1));
    vm.issubclass_check(c, s).map(Value::from_bool)
}

fn callable(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "callable", 1, 1)?;
    let v = a.get(vm, 0);
    vm.is_callable(v).map(Value::from_bool)
}

fn delattr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "delattr", 2, 2)?;
    let key = a.get(vm, 1);
    if !vm.is_str(key) {
        let n = vm.type_name(key);
        return Err(vm.type_error(&format!("attribute name must be string, not '{n}'")));
    }
    vm.del_attr(a.get(vm, 0), key)?;
    Ok(Value::NONE)
}

fn vars(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = arity(vm, &a, "vars", 0, 1)?;
    if n == 0 {
        let f = vm.m.roots().frames.last().map(|f| (f.locals, f.globals));
        return match f {
            Some((l, _)) if vm.kind_of(l) == Some(Kind::Dict) => Ok(l),
            Some((l, g)) if l.is_empty() && vm.m.roots().frames.len() == 1 => Ok(g),
            _ => Err(vm.not_supported("vars() without arguments in a function")),
        };
    }
    let key = vm.name(Name::Dict);
    match vm.get_attr_opt(a.get(vm, 0), key)? {
        Some(d) => Ok(d),
        None => Err(vm.type_error("vars() argument must have __dict__ attribute")),
    }
}

/// `dir(obj)`: sorted attribute names.
fn dir(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = arity(vm, &a, "dir", 0, 1)?;
    if n == 0 {
        let f = vm.m.roots().frames.last().map(|f| (f.locals, f.globals));
        let d = match f {
            Some((l, _)) if vm.kind_of(l) == Some(Kind::Dict) => l,
            Some((_, g)) if vm.m.roots().frames.len() == 1 => g,
            _ => return Err(vm.not_supported("dir() without arguments in a function")),
        };
        let keys: Vec<Value> = vm.dict_mut(d).items(&vm.keys()).map(|p| p.0).collect();
        return sorted_names(vm, keys);
    }
    let obj = a.get(vm, 0);
    let class = vm.class_of(obj);
    if vm.is_heap_type(class)
        && let Some(f) = vm.lookup_name(class, Name::Dir)?
        && vm.kind_of(f) == Some(Kind::Function)
    {
        let r = vm.call_value(f, &[a.get(vm, 0)])?;
        let items = vm.collect_iterable(r)?;
        return sorted_names(vm, items);
    }
    let obj = a.get(vm, 0);
    let mut keys: Vec<Value> = Vec::new();
    let mut dicts = Vec::new();
    let d = vm.instance_dict(obj);
    if !d.is_empty() && vm.kind_of(obj) != Some(Kind::Type) {
        dicts.push(d);
    }
    if vm.kind_of(obj) != Some(Kind::Module) {
        let t = if vm.kind_of(obj) == Some(Kind::Type) {
            obj
        } else {
            vm.class_of(obj)
        };
        let mro = vm.field(t, TypeField::Mro as usize);
        dicts.extend(
            vm.tuple_items(mro)
                .iter()
                .map(|&c| vm.field(c, TypeField::Dict as usize)),
        );
    }
    for d in dicts {
        keys.extend(vm.dict_mut(d).items(&vm.keys()).map(|p| p.0));
    }
    sorted_names(vm, keys)
}

fn sorted_names(vm: &mut Vm, keys: Vec<Value>) -> PyResult<Value> {
    let mut texts: Vec<(Vec<u8>, Value)> = keys
        .into_iter()
        .filter(|&k| vm.is_str(k))
        .map(|k| (vm.str_bytes(k).to_vec(), k))
        .collect();
    texts.sort_by(|a, b| a.0.cmp(&b.0));
    texts.dedup_by(|a, b| a.0 == b.0);
    let items: Vec<Value> = texts.into_iter().map(|p| p.1).collect();
    vm.new_list(&items)
}
