//! Types defined by native modules (`itertools.count`, `functools.partial`,
//! `collections.deque`, ...).
//!
//! An instance is a [`Kind::Native`] record: field 0 is the index of its
//! [`NativeType`] in [`TYPES`] (an int), the other fields its state. The
//! type's behaviour is a table of Rust hooks (iteration, call, repr, len,
//! items, data attributes) that the core protocols (`iter_next`, `invoke`,
//! `repr_string`, `len_of`, ...) consult for `Kind::Native` objects, plus
//! named methods installed in the type's dict as builtin functions.
//!
//! Type objects are made on first use and kept in `Roots::globals` after
//! the fixed slots (`GLOBAL_COUNT + index`), so natives can make instances
//! without looking anything up; their `InstanceKind` field holds
//! `Kind::Native | index << 8`, which is how calling the type finds
//! [`NativeType::new`].
//!
//! Adding a type: a `pub(crate) static` [`NativeType`] in the module's file
//! (start from [`NativeType::EMPTY`]) and one line in [`TYPES`].

use pyvm_objmodel::Value;

use super::super::builtins::{MODULE_TAG, new_builtin};
use super::super::call::{Args, NativeFn};
use super::super::exception::PyResult;
use super::super::heap::Vm;
use super::super::layout::{BuiltinField, Kind, TYPE_FIELDS, TypeField};
use super::super::types::{GLOBAL_COUNT, TypeId};
use super::ModuleRef;

/// Hook run with the object rooted at a temp index.
pub(crate) type SelfFn<T> = fn(&mut Vm, usize) -> PyResult<T>;
/// Constructor hook: the class's temp index and the call's arguments.
pub(crate) type NewFn = fn(&mut Vm, usize, Args) -> PyResult<Value>;
/// Hook taking the object's temp index and a name or operator.
pub(crate) type NamedFn = fn(&mut Vm, usize, &str) -> PyResult<Option<Value>>;

/// A type implemented by a native module.
pub(crate) struct NativeType {
    /// The defining module (`__module__`, and the repr of the type).
    pub module: &'static str,
    /// `__name__`.
    pub name: &'static str,
    /// Called with the class at `args.start - 1`'s temp (see [`construct`]);
    /// `None`: the type cannot be instantiated from Python.
    pub new: Option<NewFn>,
    /// `__next__`: `None` when exhausted.
    pub next: Option<SelfFn<Option<Value>>>,
    /// `__iter__`; when absent, an object with `next` is its own iterator.
    pub iter: Option<SelfFn<Value>>,
    /// `__call__`: the object is argument 0 of `args`.
    pub call: Option<NativeFn>,
    /// `__repr__` text; default `<module.name object at 0x...>`.
    pub repr: Option<SelfFn<String>>,
    /// `__len__`.
    pub len: Option<SelfFn<usize>>,
    /// Data attributes (`partial.func`, `deque.maxlen`): `None` if absent.
    pub getattr: Option<NamedFn>,
    /// `__getitem__` (object, key at temps `s`, `s + 1`).
    pub getitem: Option<SelfFn<Value>>,
    /// `__setitem__` (object, key, value at temps `s`..`s + 2`).
    pub setitem: Option<SelfFn<()>>,
    /// `__contains__` (object, item at temps `s`, `s + 1`).
    pub contains: Option<SelfFn<bool>>,
    /// `__delitem__` (object, key at temps `s`, `s + 1`).
    pub delitem: Option<SelfFn<()>>,
    /// Rich comparison (object, other at temps `s`, `s + 1`, the operator
    /// as `"=="`, `"<"`, ...): `None` for NotImplemented.
    pub compare: Option<NamedFn>,
    /// Methods: name and native (the object is argument 0).
    pub methods: &'static [(&'static str, NativeFn)],
    /// Class methods: bound to the type object (argument 0 is the type).
    pub class_methods: &'static [(&'static str, NativeFn)],
    /// The builtin base class (`object` when `None`).
    pub base: Option<TypeId>,
}

impl NativeType {
    /// A type with no behaviour, to fill in with struct update syntax.
    pub const EMPTY: NativeType = NativeType {
        module: "",
        name: "",
        new: None,
        next: None,
        iter: None,
        call: None,
        repr: None,
        len: None,
        getattr: None,
        getitem: None,
        setitem: None,
        contains: None,
        delitem: None,
        compare: None,
        methods: &[],
        class_methods: &[],
        base: None,
    };
}

/// Every native type; an instance's field 0 is its index here.
static TYPES: &[&NativeType] = &[
    &super::itertools::COUNT,
    &super::itertools::CYCLE,
    &super::itertools::REPEAT,
    &super::itertools::ACCUMULATE,
    &super::itertools::CHAIN,
    &super::itertools::COMPRESS,
    &super::itertools::DROPWHILE,
    &super::itertools::TAKEWHILE,
    &super::itertools::FILTERFALSE,
    &super::itertools::STARMAP,
    &super::itertools::ISLICE,
    &super::itertools::PAIRWISE,
    &super::itertools::ZIP_LONGEST,
    &super::itertools::GROUPBY,
    &super::itertools::GROUPER,
    &super::itertools::TEE,
    &super::itertools::TEE_DATA,
    &super::itertools_comb::PRODUCT,
    &super::itertools_comb::PERMUTATIONS,
    &super::itertools_comb::COMBINATIONS,
    &super::itertools_comb::CWR,
    &super::operator::ITEMGETTER,
    &super::operator::ATTRGETTER,
    &super::operator::METHODCALLER,
    &super::functools::PARTIAL,
    &super::functools::KEY_WRAPPER,
    &super::thread::LOCK,
    &super::thread::RLOCK,
    &super::collections::DEQUE,
    &super::collections::DEFAULTDICT,
    &super::weakref::REF,
    &super::weakref::PROXY,
    &super::weakref::CALLABLE_PROXY,
    &super::contextvars::CONTEXT,
    &super::contextvars::CONTEXT_VAR,
    &super::contextvars::TOKEN,
    &super::contextvars::MISSING_T,
    &super::structmod::STRUCT,
    &super::structmod::UNPACK_ITER,
    &super::mappingproxy::MAPPING_PROXY,
    &super::zlib::COMPRESS,
    &super::zlib::DECOMPRESS,
    &super::array::ARRAY,
    &super::hashes::MD5,
    &super::hashes::SHA1,
    &super::hashes::SHA224,
    &super::hashes::SHA256,
    &super::hashes::SHA384,
    &super::hashes::SHA512,
    &super::hashes::SHA3_224,
    &super::hashes::SHA3_256,
    &super::hashes::SHA3_384,
    &super::hashes::SHA3_512,
    &super::hashes::SHAKE_128,
    &super::hashes::SHAKE_256,
    &super::hashes::BLAKE2B,
    &super::hashes::BLAKE2S,
    &super::super::frame_obj::FRAME,
    &super::super::code_positions::POSITIONS,
    &super::super::code_positions::LINES,
    &super::weakref::REGISTRY,
    &super::abc::ABC_DATA,
    &super::collections::DEQUE_ITER,
    &super::collections::DEQUE_REV_ITER,
    &super::site_builtins::HELPER,
    &super::site_builtins::QUITTER,
    &super::site_builtins::PRINTER,
    &super::pyexpat::STATE,
    &super::bz2::COMPRESSOR,
    &super::bz2::DECOMPRESSOR,
    &super::lzma::ENCODER,
    &super::lzma::DECODER,
];

/// Native types whose instances are unhashable (`__hash__ = None`).
static UNHASHABLE: &[&NativeType] = &[
    &super::collections::DEQUE,
    &super::functools::KEY_WRAPPER,
    &super::array::ARRAY,
];

/// The [`TYPES`] index of the native object whose payload is `p` if its
/// type is unhashable.
pub(crate) fn unhashable_index(p: *const u64) -> Option<usize> {
    // SAFETY: `p` is the payload of a live native object: field 0 (after
    // the kind word and the class) is its type index, an immediate int.
    let idx = unsafe { Value::from_bits(*p.add(2)) }.as_int()? as usize;
    let t = type_by_index(idx)?;
    UNHASHABLE
        .iter()
        .any(|u| std::ptr::eq(*u, t))
        .then_some(idx)
}

/// Tag of a method index (`MODULE_TAG | TYPE_TAG | type << 16 | entry`).
pub(crate) const TYPE_TAG: usize = 1 << 29;

/// The index of a native type in [`TYPES`].
pub(crate) fn type_index(t: &'static NativeType) -> usize {
    TYPES
        .iter()
        .position(|x| std::ptr::eq(*x, t))
        .expect("native type listed in TYPES")
}

/// The native type at `index` in [`TYPES`].
pub(crate) fn type_by_index(index: usize) -> Option<&'static NativeType> {
    TYPES.get(index).copied()
}

/// The method (or class method) at `type << 16 | entry`.
pub(crate) fn method(idx: usize) -> NativeFn {
    let Some(t) = TYPES.get(idx >> 16) else {
        return super::super::builtins::bad_native_fn();
    };
    let e = idx & 0xffff;
    match t.methods.get(e) {
        Some(m) => m.1,
        None => t
            .class_methods
            .get(e - t.methods.len())
            .map(|m| m.1)
            .or_else(|| {
                GENERIC_DUNDERS
                    .get(e - t.methods.len() - t.class_methods.len())
                    .map(|m| m.1)
            })
            .unwrap_or(super::super::builtins::bad_native_fn()),
    }
}

/// Special methods every native type with the matching hook has in its
/// dict (`itertools.count().__next__`), after its own methods and class
/// methods in the index space.
const GENERIC_DUNDERS: &[(&str, NativeFn)] = &[
    ("__next__", generic_next),
    ("__iter__", generic_iter),
    ("__len__", generic_len),
    ("__new__", super::native_subclass::generic_new),
    ("__init__", super::native_subclass::generic_init),
    ("__call__", super::native_subclass::generic_call),
    ("__eq__", super::native_subclass::generic_eq),
    ("__ne__", super::native_subclass::generic_ne),
];

fn generic_self(vm: &mut Vm, a: &Args, name: &str) -> PyResult<Value> {
    if a.n != 1 {
        let n = a.n.saturating_sub(1);
        return Err(vm.type_error(&format!("expected 0 arguments, got {n}")));
    }
    let v = a.get(vm, 0);
    if vm.kind_of(v) != Some(Kind::Native) {
        let t = vm.type_name(v);
        return Err(vm.type_error(&format!(
            "descriptor '{name}' doesn't apply to a '{t}' object"
        )));
    }
    Ok(v)
}

fn generic_next(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = generic_self(vm, &a, "__next__")?;
    match vm.native_next(v)? {
        Some(x) => Ok(x),
        None => Err(vm.raise_args(TypeId::StopIteration, &[])),
    }
}

fn generic_iter(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = generic_self(vm, &a, "__iter__")?;
    vm.native_iter(v)
}

fn generic_len(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = generic_self(vm, &a, "__len__")?;
    let n = vm.native_len(v)?.unwrap_or(0);
    vm.new_i64(n as i64)
}

/// The type definition of a `Kind::Native` object.
pub(crate) fn def_of(vm: &Vm, v: Value) -> &'static NativeType {
    let i = vm.field(v, 0).as_int().unwrap_or(0) as usize;
    TYPES.get(i).copied().unwrap_or(TYPES[0])
}

/// Whether `v` is an instance (of a subclass) of native type `t`.
pub(crate) fn is_instance(vm: &Vm, v: Value, t: &'static NativeType) -> bool {
    vm.kind_of(v) == Some(Kind::Native) && std::ptr::eq(def_of(vm, v), t)
}

/// Calling a class whose instances are native objects: `Some` when
/// `temps[callee]` is such a class.
pub(crate) fn construct(vm: &mut Vm, callee: usize, args: Args) -> Option<PyResult<Value>> {
    let class = vm.temp(callee);
    let k = vm.field(class, TypeField::InstanceKind as usize).as_int()?;
    if k & 0xff != Kind::Native as i64 {
        return None;
    }
    let t = TYPES.get((k >> 8) as usize)?;
    Some(match t.new {
        Some(new) => new(vm, callee, args),
        None => Err(vm.type_error(&format!(
            "cannot create '{}.{}' instances",
            t.module, t.name
        ))),
    })
}

/// Adds native type `t` to module `m` under its name.
pub(crate) fn export(vm: &mut Vm, m: ModuleRef, t: &'static NativeType) -> PyResult<()> {
    let c = vm.native_class(t)?;
    m.set(vm, t.name, c)
}

impl Vm {
    /// The type object of native type `t` (made the first time).
    pub(crate) fn native_class(&mut self, t: &'static NativeType) -> PyResult<Value> {
        let id = type_index(t);
        let slot = GLOBAL_COUNT + id;
        if self.m.roots().globals.len() <= slot {
            self.roots().globals.resize(slot + 1, Value::EMPTY);
        }
        let c = self.m.roots().globals[slot];
        if !c.is_empty() {
            return Ok(c);
        }
        let mark = self.temps_len();
        let r = self.make_native_class(t, id);
        self.pop_temps(mark);
        let c = r?;
        self.roots().globals[slot] = c;
        Ok(c)
    }

    fn make_native_class(&mut self, t: &'static NativeType, id: usize) -> PyResult<Value> {
        let name = self.new_str(t.name)?;
        let ni = self.push_temp(name);
        let dict = self.new_dict()?;
        let di = self.push_temp(dict);
        let module = self.new_str(t.module)?;
        self.dict_set_str(self.temp(di), "__module__", module)?;
        let base = self.ty(t.base.unwrap_or(TypeId::Object));
        let bases = self.new_tuple(&[base])?;
        let bi = self.push_temp(bases);
        let mut fields = [Value::NONE; TYPE_FIELDS];
        fields[TypeField::Name as usize] = self.temp(ni);
        fields[TypeField::Qualname as usize] = self.temp(ni);
        fields[TypeField::Dict as usize] = self.temp(di);
        fields[TypeField::Bases as usize] = self.temp(bi);
        fields[TypeField::InstanceKind as usize] =
            Value::from_int(Kind::Native as i64 | (id as i64) << 8).unwrap_or(Value::NONE);
        let meta = self.ty(TypeId::Type);
        let c = self.alloc_record(Kind::Type, meta, &fields, 0)?;
        let ci = self.push_temp(c);
        let base = self.ty(t.base.unwrap_or(TypeId::Object));
        let mut mro = vec![self.temp(ci)];
        mro.extend_from_slice(self.tuple_items(self.field(base, TypeField::Mro as usize)));
        let mro = self.new_tuple(&mro)?;
        self.set_field(self.temp(ci), TypeField::Mro as usize, mro);
        for (e, &(mname, _)) in t.methods.iter().enumerate() {
            let f = new_builtin(self, MODULE_TAG | TYPE_TAG | id << 16 | e, mname)?;
            self.dict_set_str(self.temp(di), mname, f)?;
        }
        for (j, &(mname, _)) in t.class_methods.iter().enumerate() {
            let e = t.methods.len() + j;
            let f = new_builtin(self, MODULE_TAG | TYPE_TAG | id << 16 | e, mname)?;
            self.set_field(f, BuiltinField::SelfValue as usize, self.temp(ci));
            self.dict_set_str(self.temp(di), mname, f)?;
        }
        let has = [
            t.next.is_some(),
            t.next.is_some() || t.iter.is_some(),
            t.len.is_some(),
            t.new.is_some(),
            t.new.is_some(),
            t.call.is_some(),
            t.compare.is_some(),
            t.compare.is_some(),
        ];
        for (j, &(mname, _)) in GENERIC_DUNDERS.iter().enumerate() {
            if !has[j] || t.methods.iter().any(|m| m.0 == mname) {
                continue;
            }
            let e = t.methods.len() + t.class_methods.len() + j;
            let f = new_builtin(self, MODULE_TAG | TYPE_TAG | id << 16 | e, mname)?;
            self.dict_set_str(self.temp(di), mname, f)?;
        }
        Ok(self.temp(ci))
    }

    /// A new instance of native type `t` with class `class` and `state`
    /// (inputs are rooted while allocating).
    pub(crate) fn new_native_of(
        &mut self,
        t: &'static NativeType,
        class: Value,
        state: &[Value],
    ) -> PyResult<Value> {
        let mut fields = Vec::with_capacity(state.len() + 1);
        fields.push(Value::from_int(type_index(t) as i64).unwrap_or(Value::NONE));
        fields.extend_from_slice(state);
        let obj = self.alloc_record(Kind::Native, class, &fields, 0)?;
        self.with_class_layout(obj)
    }

    /// A new instance of native type `t` (its own class) with `state` and
    /// Rust state `cell` off the heap (holding no heap references; freed
    /// with the object), read back with [`Vm::native_rust`].
    pub(crate) fn new_native_cell(
        &mut self,
        t: &'static NativeType,
        state: &[Value],
        cell: Box<dyn std::any::Any>,
    ) -> PyResult<Value> {
        let mark = self.temps_len();
        self.roots().temps.extend_from_slice(state);
        let class = self.native_class(t);
        let r = class.and_then(|class| {
            let mut fields = Vec::with_capacity(state.len() + 1);
            fields.push(Value::from_int(type_index(t) as i64).unwrap_or(Value::NONE));
            fields.extend_from_slice(&self.m.roots().temps[mark..]);
            let cell = super::super::native_state::NativeCell(Some(cell));
            let boxed = Box::into_raw(Box::new(cell));
            let r = self.alloc_record(Kind::Native, class, &fields, boxed as u64);
            if r.is_err() {
                // SAFETY: the box was not handed to any object.
                drop(unsafe { Box::from_raw(boxed) });
            }
            r
        });
        self.pop_temps(mark);
        r
    }

    /// The Rust state of type `T` of a native object made by
    /// [`Vm::new_native_cell`] (`None` for any other value).
    #[allow(clippy::mut_from_ref)]
    pub(crate) fn native_rust<T: std::any::Any>(&self, v: Value) -> Option<&mut T> {
        if self.kind_of(v) != Some(Kind::Native) {
            return None;
        }
        let p = v.heap_addr()? as *const u64;
        // SAFETY: `v` is a live native object: after the 8-byte gc header
        // come the kind word, the class, its fields, then the off-heap word
        // (0, or a `Box<NativeCell>` owned by the object). The VM is
        // single-threaded and callers hold the borrow for one statement.
        unsafe {
            let off = *p.add(1 + super::super::layout::RECORD_PREFIX_WORDS + self.len_word(v));
            if off == 0 {
                return None;
            }
            let cell = &mut *(off as *mut super::super::native_state::NativeCell);
            cell.0.as_mut()?.downcast_mut::<T>()
        }
    }

    /// A new instance of native type `t` (its own class) with `state`.
    pub(crate) fn new_native(
        &mut self,
        t: &'static NativeType,
        state: &[Value],
    ) -> PyResult<Value> {
        let mark = self.temps_len();
        self.roots().temps.extend_from_slice(state);
        let r = (|| {
            let class = self.native_class(t)?;
            let state = self.m.roots().temps[mark..].to_vec();
            self.new_native_of(t, class, &state)
        })();
        self.pop_temps(mark);
        r
    }

    /// State field `k` of the native object at temp `s`.
    #[inline]
    pub(crate) fn st(&self, s: usize, k: usize) -> Value {
        self.field(self.temp(s), 1 + k)
    }

    /// Sets state field `k` of the native object at temp `s`.
    #[inline]
    pub(crate) fn set_st(&mut self, s: usize, k: usize, v: Value) {
        let o = self.temp(s);
        self.set_field(o, 1 + k, v);
    }

    fn with_self<T>(
        &mut self,
        v: Value,
        f: impl FnOnce(&mut Vm, usize) -> PyResult<T>,
    ) -> PyResult<T> {
        let s = self.push_temp(v);
        let r = f(self, s);
        self.pop_temps(s);
        r
    }

    /// `iter(v)` for a native object.
    pub(crate) fn native_iter(&mut self, v: Value) -> PyResult<Value> {
        let t = def_of(self, v);
        match (t.iter, t.next) {
            (Some(f), _) => self.with_self(v, f),
            (None, Some(_)) => Ok(v),
            (None, None) => {
                let n = self.type_name(v);
                Err(self.type_error(&format!("'{n}' object is not iterable")))
            }
        }
    }

    /// `next(v)` for a native object (`None` when exhausted; a
    /// StopIteration raised inside ends the iteration, as in CPython).
    pub(crate) fn native_next(&mut self, v: Value) -> PyResult<Option<Value>> {
        let t = def_of(self, v);
        let Some(f) = t.next else {
            let n = self.type_name(v);
            return Err(self.type_error(&format!("'{n}' object is not an iterator")));
        };
        match self.with_self(v, f) {
            Err(e) => {
                let ex = self.raised();
                if self.exc_matches(ex, TypeId::StopIteration) {
                    self.take_raised();
                    Ok(None)
                } else {
                    Err(e)
                }
            }
            r => r,
        }
    }

    /// `repr(v)` for a native object.
    pub(crate) fn native_repr(&mut self, v: Value) -> PyResult<String> {
        let t = def_of(self, v);
        match t.repr {
            Some(f) => self.with_self(v, f),
            None => Ok(format!(
                "<{}.{} object at {:#x}>",
                t.module,
                t.name,
                self.id_of(v)
            )),
        }
    }

    /// Calls a native object: `args` starts with the object itself.
    pub(crate) fn native_call(&mut self, args: Args) -> PyResult<Value> {
        let v = args.get(self, 0);
        match def_of(self, v).call {
            Some(f) => f(self, args),
            None => {
                let n = self.type_name(v);
                Err(self.type_error(&format!("'{n}' object is not callable")))
            }
        }
    }

    /// `len(v)` for a native object (`None`: no `__len__`).
    pub(crate) fn native_len(&mut self, v: Value) -> PyResult<Option<usize>> {
        match def_of(self, v).len {
            Some(f) => self.with_self(v, f).map(Some),
            None => Ok(None),
        }
    }

    /// A data attribute of a native object.
    pub(crate) fn native_attr(&mut self, v: Value, name: &[u8]) -> PyResult<Option<Value>> {
        match def_of(self, v).getattr {
            Some(f) => {
                let name = String::from_utf8_lossy(name).into_owned();
                self.with_self(v, |vm, s| f(vm, s, &name))
            }
            None => Ok(None),
        }
    }

    /// `v[key]` for a native object (`None`: not subscriptable).
    pub(crate) fn native_getitem(&mut self, v: Value, key: Value) -> PyResult<Option<Value>> {
        let Some(f) = def_of(self, v).getitem else {
            return Ok(None);
        };
        let s = self.push_temp(v);
        self.push_temp(key);
        let r = f(self, s);
        self.pop_temps(s);
        r.map(Some)
    }

    /// `v[key] = x` for a native object (`false`: no item assignment).
    pub(crate) fn native_setitem(&mut self, v: Value, key: Value, x: Value) -> PyResult<bool> {
        let Some(f) = def_of(self, v).setitem else {
            return Ok(false);
        };
        let s = self.push_temp(v);
        self.push_temp(key);
        self.push_temp(x);
        let r = f(self, s);
        self.pop_temps(s);
        r.map(|_| true)
    }

    /// `del v[key]` for a native object: `false` when its type has no hook.
    pub(crate) fn native_delitem(&mut self, v: Value, key: Value) -> PyResult<bool> {
        let Some(f) = def_of(self, v).delitem else {
            return Ok(false);
        };
        let s = self.push_temp(v);
        self.push_temp(key);
        let r = f(self, s);
        self.pop_temps(s);
        r.map(|_| true)
    }

    /// `item in v` for a native object: the hook, else iteration.
    pub(crate) fn native_contains(&mut self, v: Value, item: Value) -> PyResult<bool> {
        let s = self.push_temp(v);
        self.push_temp(item);
        let r = (|| {
            if let Some(f) = def_of(self, v).contains {
                return f(self, s);
            }
            let it = self.native_iter(self.temp(s))?;
            let ii = self.push_temp(it);
            while let Some(x) = self.iter_next(self.temp(ii))? {
                if self.eq_values(x, self.temp(s + 1))? {
                    return Ok(true);
                }
            }
            Ok(false)
        })();
        self.pop_temps(s);
        r
    }

    /// Rich comparison of a native object with `other` (`None`:
    /// NotImplemented).
    pub(crate) fn native_compare(
        &mut self,
        v: Value,
        other: Value,
        op: &str,
    ) -> PyResult<Option<Value>> {
        let Some(f) = def_of(self, v).compare else {
            return Ok(None);
        };
        let s = self.push_temp(v);
        self.push_temp(other);
        let r = f(self, s, op);
        self.pop_temps(s);
        r
    }
}

/// Whether `v` can be called.
pub(crate) fn callable(vm: &mut Vm, v: Value) -> PyResult<bool> {
    Ok(match vm.kind_of(v) {
        Some(Kind::Function | Kind::Builtin | Kind::BoundMethod | Kind::Type) => true,
        Some(Kind::Native) => def_of(vm, v).call.is_some(),
        Some(Kind::Instance) => {
            let c = vm.class_of(v);
            vm.lookup_type_attr(c, "__call__")?.is_some()
        }
        _ => false,
    })
}

impl Vm {
    pub(crate) fn aux_slot(k: usize) -> usize {
        GLOBAL_COUNT + TYPES.len() + k
    }

    /// Auxiliary VM-wide root `k` of the native modules (EMPTY until set).
    pub(crate) fn aux_global(&self, k: usize) -> Value {
        self.m
            .roots()
            .globals
            .get(Self::aux_slot(k))
            .copied()
            .unwrap_or(Value::EMPTY)
    }

    /// Sets auxiliary VM-wide root `k`.
    pub(crate) fn set_aux_global(&mut self, k: usize, v: Value) {
        let slot = Self::aux_slot(k);
        if self.m.roots().globals.len() <= slot {
            self.roots().globals.resize(slot + 1, Value::EMPTY);
        }
        self.roots().globals[slot] = v;
    }
}

// ---- argument parsing shared by the native modules ----------------------

/// Checks a positional-only signature as CPython's `_PyArg_CheckPositional`
/// words it (`"islice expected at least 2 arguments, got 0"`); keywords
/// are refused with `"name() takes no keyword arguments"`.
pub(crate) fn check_pos(
    vm: &mut Vm,
    a: &Args,
    name: &str,
    min: usize,
    max: usize,
) -> PyResult<usize> {
    if a.nkw(vm) > 0 {
        return Err(vm.type_error(&format!("{name}() takes no keyword arguments")));
    }
    let n = a.npos(vm);
    let plural = |k: usize| if k == 1 { "" } else { "s" };
    if n < min {
        let at = if min == max { "" } else { "at least " };
        return Err(vm.type_error(&format!(
            "{name} expected {at}{min} argument{}, got {n}",
            plural(min)
        )));
    }
    if n > max {
        let at = if min == max { "" } else { "at most " };
        return Err(vm.type_error(&format!(
            "{name} expected {at}{max} argument{}, got {n}",
            plural(max)
        )));
    }
    Ok(n)
}

/// How a keyword-accepting native words "too many arguments".
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Style {
    /// `PyArg_ParseTupleAndKeywords`: "f() takes at most 2 arguments (3 given)".
    Old,
    /// Argument Clinic: "f() takes at most 2 positional arguments (3 given)".
    Clinic,
}

/// Binds positional and keyword arguments to `names` (the first `npos` of
/// which may be given by position, the first `required` of which must be
/// given): the temp index of each parameter's value, `None` if not given.
pub(crate) fn bind(
    vm: &mut Vm,
    a: &Args,
    fname: &str,
    names: &[&str],
    npos: usize,
    required: usize,
    style: Style,
) -> PyResult<Vec<Option<usize>>> {
    let n = a.npos(vm);
    let total = n + a.nkw(vm);
    if n > npos || (style == Style::Old && total > names.len()) {
        let at = if required < npos {
            "at most"
        } else {
            "exactly"
        };
        let (max, given, what) = match style {
            Style::Old => (names.len(), total, "argument"),
            Style::Clinic => (npos, n, "positional argument"),
        };
        let s = if max == 1 { "" } else { "s" };
        return Err(vm.type_error(&format!(
            "{fname}() takes {at} {max} {what}{s} ({given} given)"
        )));
    }
    let mut out: Vec<Option<usize>> = (0..names.len())
        .map(|i| (i < n).then_some(a.start + i))
        .collect();
    if let Some(k) = a.kw {
        let nkw = a.nkw(vm);
        for j in 0..nkw {
            let key = vm.tuple_items(vm.temp(k))[j];
            let text = vm.str_text(key).into_owned();
            match names.iter().position(|&x| x == text) {
                Some(p) if out[p].is_some() => {
                    return Err(vm.type_error(&format!(
                        "argument for {fname}() given by name ('{text}') and position ({})",
                        p + 1
                    )));
                }
                Some(p) => out[p] = Some(a.start + n + j),
                None => {
                    return Err(vm.type_error(&format!(
                        "'{text}' is an invalid keyword argument for {fname}()"
                    )));
                }
            }
        }
    }
    for (i, slot) in out.iter().enumerate().take(required) {
        if slot.is_none() {
            return Err(vm.type_error(&format!(
                "{fname}() missing required argument '{}' (pos {})",
                names[i],
                i + 1
            )));
        }
    }
    Ok(out)
}

/// The value of an optional bound parameter (`None` if absent).
pub(crate) fn opt(vm: &Vm, p: Option<usize>) -> Option<Value> {
    p.map(|i| vm.temp(i))
}

/// An index argument as CPython's `__index__` conversion reports it.
pub(crate) fn index_arg(vm: &mut Vm, v: Value) -> PyResult<i64> {
    match vm.index_value(v) {
        Some(i) => Ok(i),
        None => {
            let n = vm.type_name(v);
            Err(vm.type_error(&format!("'{n}' object cannot be interpreted as an integer")))
        }
    }
}

impl Vm {
    /// Rich comparison when either operand (temps `mark`, `mark + 1`) is a
    /// native object with a comparison hook (the right one reflected).
    pub(crate) fn native_compare_either(
        &mut self,
        op: &str,
        mark: usize,
    ) -> PyResult<Option<Value>> {
        let (a, b) = (self.temp(mark), self.temp(mark + 1));
        if self.kind_of(a) == Some(Kind::Native)
            && let Some(v) = self.native_compare(a, b, op)?
        {
            return Ok(Some(v));
        }
        let (a, b) = (self.temp(mark), self.temp(mark + 1));
        if self.kind_of(b) == Some(Kind::Native) {
            let rop = match op {
                "<" => ">",
                ">" => "<",
                "<=" => ">=",
                ">=" => "<=",
                o => o,
            };
            return self.native_compare(b, a, rop);
        }
        Ok(None)
    }

    /// The `__module__` of a (non-builtin) class, `__main__` if unset.
    pub(crate) fn type_module(&mut self, class: Value) -> PyResult<String> {
        let d = self.field(class, TypeField::Dict as usize);
        Ok(match self.dict_get_str(d, "__module__")? {
            Some(m) if self.is_str(m) => self.str_text(m).into_owned(),
            _ => "__main__".to_string(),
        })
    }

    /// `repr(v)` as Rust text, user `__repr__` included.
    pub(crate) fn repr_of(&mut self, v: Value) -> PyResult<String> {
        let s = self.repr_value(v)?;
        Ok(self.str_text(s).into_owned())
    }
}
