//! Instances of Python subclasses of builtin types (`class L(list)`,
//! `class P(tuple)`, `class S(str)`, `class C(classmethod)`...).
//!
//! Such an instance has its base's own layout (a `Kind::List` record, a
//! `Kind::Str` string...) with the subclass in its class word, so every
//! native's kind check accepts it unchanged. What the subclass adds lives in
//! **extra words** at the very end of the payload, counted in the kind word
//! (`layout::EXTRA_SHIFT`): word 0 is the instance `__dict__` (EMPTY for
//! `__slots__` classes without one), then one word per slot, numbered as the
//! fields of a `Kind::Instance` record (so a slot's member descriptor index
//! means the same in both layouts). A class with `__slots__ = ()` adds no
//! words: a namedtuple instance is exactly a tuple.
//!
//! Instances are made by the base's `__new__` (the natives in
//! `builtins/subclass_new.rs`): the base value is built as for the exact
//! type, then [`Vm::rebox`] copies it into an object of the subclass with
//! the extra words (and takes over its off-heap box).
//!
//! Special methods: the core protocols (`len`, `x[i]`, `in`, iteration,
//! comparison, operators, `repr`, `str`, `hash`, truth) keep their builtin
//! fast path for exact instances (one class-word check); for an instance of
//! a subclass whose class defines the method in Python they take the path
//! of user instances, which calls it ([`Vm::dispatch_kind`],
//! [`Vm::sub_dunder_binary`]).

use std::cell::Cell;

use pyvm_objmodel::Value;

use super::class_create::flags;
use super::exception::PyResult;
use super::heap::Vm;
use super::layout::{
    EXTRA_SHIFT, Kind, RECORD_PREFIX_WORDS, TypeField, extra_words, payload_bytes, split_kind_word,
};
use super::names::Name;
use super::types::TypeId;

/// Whether instances of subclasses of the builtin type whose instances have
/// kind `k` keep the base layout plus extra words.
pub fn extended_kind(k: Kind) -> bool {
    matches!(
        k,
        Kind::Tuple
            | Kind::List
            | Kind::Dict
            | Kind::Set
            | Kind::FrozenSet
            | Kind::Str
            | Kind::Bytes
            | Kind::ByteArray
            | Kind::ClassMethod
            | Kind::StaticMethod
            | Kind::Property
            | Kind::Native
    )
}

/// The kind of the instances of the builtin type `t` when subclasses keep
/// that layout.
pub fn builtin_layout(t: TypeId) -> Option<Kind> {
    Some(match t {
        TypeId::Tuple => Kind::Tuple,
        TypeId::List => Kind::List,
        TypeId::Dict => Kind::Dict,
        TypeId::Set => Kind::Set,
        TypeId::FrozenSet => Kind::FrozenSet,
        TypeId::Str => Kind::Str,
        TypeId::Bytes => Kind::Bytes,
        TypeId::ByteArray => Kind::ByteArray,
        TypeId::ClassMethod => Kind::ClassMethod,
        TypeId::StaticMethod => Kind::StaticMethod,
        TypeId::Property => Kind::Property,
        _ => return None,
    })
}

/// The builtin type whose instances have kind `k`, for the kinds that
/// subclasses share ([`extended_kind`]).
#[inline]
pub(crate) fn exact_type(k: Kind) -> Option<TypeId> {
    Some(match k {
        Kind::Tuple => TypeId::Tuple,
        Kind::List => TypeId::List,
        Kind::Dict => TypeId::Dict,
        Kind::Set => TypeId::Set,
        Kind::FrozenSet => TypeId::FrozenSet,
        Kind::Str => TypeId::Str,
        Kind::Bytes => TypeId::Bytes,
        Kind::ByteArray => TypeId::ByteArray,
        Kind::ClassMethod => TypeId::ClassMethod,
        Kind::StaticMethod => TypeId::StaticMethod,
        Kind::Property => TypeId::Property,
        _ => return None,
    })
}

/// Builtin types a class may not derive from (CPython's "is not an
/// acceptable base type").
const FINAL: &[TypeId] = &[
    TypeId::Bool,
    TypeId::NoneType,
    TypeId::NotImplementedType,
    TypeId::Ellipsis,
    TypeId::Function,
    TypeId::BuiltinFunction,
    TypeId::Code,
    TypeId::Cell,
    TypeId::Method,
    TypeId::Range,
    TypeId::Iterator,
    TypeId::DictKeyIterator,
    TypeId::Generator,
    TypeId::Slice,
    TypeId::DictKeys,
    TypeId::DictValues,
    TypeId::DictItems,
    TypeId::DictValueIterator,
    TypeId::DictItemIterator,
    TypeId::SetIterator,
    TypeId::CallableIterator,
    TypeId::ListIterator,
    TypeId::TupleIterator,
    TypeId::RangeIterator,
    TypeId::StrAsciiIterator,
    TypeId::StrIterator,
    TypeId::ListReverseIterator,
    TypeId::MemberDescriptor,
    TypeId::Coroutine,
    TypeId::AsyncGenerator,
    TypeId::Traceback,
    TypeId::AsyncGenASend,
    TypeId::SrePattern,
    TypeId::SreMatch,
    TypeId::SreScanner,
    TypeId::MemoryView,
];

thread_local! {
    /// Set by [`Vm::with_base`]: the next override check answers "no
    /// override" once (the base type's own dunder is running).
    static BYPASS: Cell<bool> = const { Cell::new(false) };
}

impl Vm {
    /// For a class statement: whether the builtin type `b` may be a base
    /// (`Ok(true)`), or CPython's TypeError for final types; `Ok(false)`
    /// for builtin types whose subclasses pyvm does not support yet.
    pub fn builtin_base_ok(&mut self, b: Value) -> PyResult<bool> {
        if !self.is_builtin_type(b) {
            return Ok(true);
        }
        if FINAL.iter().any(|&t| self.ty(t) == b) {
            let n = self.class_name(b);
            return Err(self.type_error(&format!("type '{n}' is not an acceptable base type")));
        }
        let k = self.field(b, TypeField::InstanceKind as usize).as_int();
        if k.is_some_and(|k| k & 0xff == Kind::Native as i64) {
            return Ok(self.native_base_ok(b));
        }
        Ok(k.and_then(|k| Kind::from_byte(k as u8))
            .is_some_and(extended_kind))
    }

    /// CPython refuses nonempty `__slots__` for variable-size bases.
    pub fn check_subclass_slots(&mut self, kind: Kind, nslots: usize) -> PyResult<()> {
        let base = match kind {
            Kind::Tuple => "tuple",
            Kind::Bytes => "bytes",
            _ => return Ok(()),
        };
        if nslots > 0 {
            return Err(self.type_error(&format!(
                "nonempty __slots__ not supported for subtype of '{base}'"
            )));
        }
        Ok(())
    }

    /// Number of extra words of `v` (0 for anything but instances of
    /// subclasses of builtin types with a dict or slots).
    #[inline]
    pub fn extra_count(&self, v: Value) -> usize {
        match Self::words(v) {
            // SAFETY: `v` is a live heap object; word 0 is its kind word.
            Some(p) => extra_words(unsafe { *p }),
            None => 0,
        }
    }

    fn extra_ptr(&self, v: Value, i: usize) -> *mut u64 {
        let p = Self::words(v).expect("extra word of a heap object");
        // SAFETY: as in `extra_count`; the extra words end the payload.
        unsafe {
            let w = *p;
            debug_assert!(i < extra_words(w));
            p.add(payload_bytes(w) / 8 - extra_words(w) + i)
        }
    }

    /// Extra word `i` of `v` (see the module doc).
    pub fn extra_field(&self, v: Value, i: usize) -> Value {
        // SAFETY: `extra_ptr` points into `v`'s payload.
        Value::from_bits(unsafe { *self.extra_ptr(v, i) })
    }

    /// Stores extra word `i` of `v`, with the write barrier.
    pub fn set_extra_field(&mut self, v: Value, i: usize, x: Value) {
        let p = self.extra_ptr(v, i);
        // SAFETY: as in `extra_field`; `v` is live for the barrier.
        unsafe {
            *p = x.to_bits();
            self.barrier(v);
        }
    }

    /// The instance dict kept in the extra words, or EMPTY.
    #[inline]
    pub fn extra_dict(&self, v: Value) -> Value {
        if self.extra_count(v) == 0 {
            return Value::EMPTY;
        }
        self.extra_field(v, 0)
    }

    /// Slot `i` of an instance (numbered as `Kind::Instance` fields).
    pub fn slot_field(&self, v: Value, i: usize) -> Value {
        if self.kind_of(v) == Some(Kind::Instance) || i >= self.extra_count(v) {
            if i >= self.len_word(v) {
                return Value::EMPTY;
            }
            return self.field(v, i);
        }
        self.extra_field(v, i)
    }

    /// Stores slot `i` of an instance (see [`Vm::slot_field`]).
    pub fn set_slot_field(&mut self, v: Value, i: usize, x: Value) {
        if self.kind_of(v) == Some(Kind::Instance) {
            self.set_field(v, i, x);
        } else if i < self.extra_count(v) {
            self.set_extra_field(v, i, x);
        }
    }

    /// Extra words instances of class `t` get.
    pub fn class_extra_words(&self, t: Value) -> usize {
        if !self.is_heap_type(t) {
            return 0;
        }
        let fl = self.type_flags(t);
        let nslots = (fl & flags::NSLOTS_MASK) as usize;
        if fl & flags::NO_DICT != 0 && nslots == 0 {
            0
        } else {
            1 + nslots
        }
    }

    /// Whether `v` is an instance of a Python subclass of a builtin type
    /// laid out as its base (see the module doc).
    #[inline]
    pub fn builtin_sub(&self, v: Value) -> bool {
        match self.kind_of(v) {
            Some(k) if extended_kind(k) => {
                let c = self.class_of(v);
                self.kind_of(c) == Some(Kind::Type) && self.is_heap_type(c)
            }
            _ => false,
        }
    }

    /// A copy of the exact builtin object `obj` as an instance of `cls`
    /// with kind `kind` (the base's layout plus `cls`'s extra words); an
    /// off-heap box moves to the copy (`obj` must not be used afterwards).
    pub fn rebox(&mut self, obj: Value, cls: Value, kind: Kind) -> PyResult<Value> {
        let mark = self.temps_len();
        self.push_temp(obj);
        self.push_temp(cls);
        let r = self.rebox_inner(mark, kind);
        self.pop_temps(mark);
        r
    }

    fn rebox_inner(&mut self, mark: usize, kind: Kind) -> PyResult<Value> {
        let cls = self.temp(mark + 1);
        let extra = self.class_extra_words(cls);
        let dict = if extra > 0 && self.type_flags(cls) & flags::NO_DICT == 0 {
            self.new_dict()?
        } else {
            Value::EMPTY
        };
        self.push_temp(dict);
        let src = Self::words(self.temp(mark)).expect("rebox of a heap object");
        // SAFETY: `obj` is live (rooted at `mark`); word 0 is its kind word.
        let word = unsafe { *src };
        let size = payload_bytes(word) / 8;
        let r = self.alloc_raw(8 * (size + extra))?;
        let (obj, cls, dict) = (self.temp(mark), self.temp(mark + 1), self.temp(mark + 2));
        let src = Self::words(obj).expect("rebox of a heap object");
        let dst = r.payload() as *mut u64;
        let (_, len) = split_kind_word(word);
        // SAFETY: `dst` was just allocated with room for `size + extra`
        // words and nothing has run since; `src` is the live (re-read)
        // object of `size` words. The off-heap box is owned by exactly one
        // object: the source's word is cleared before the copy is registered
        // for drop.
        unsafe {
            std::ptr::copy_nonoverlapping(src, dst, size);
            *dst = (word & !0xffff) | kind as u64 | (extra as u64) << EXTRA_SHIFT;
            *dst.add(1) = cls.to_bits();
            for i in 0..extra {
                *dst.add(size + i) = Value::EMPTY.to_bits();
            }
            if extra > 0 {
                *dst.add(size) = dict.to_bits();
            }
            if kind.has_offheap() {
                let slot = RECORD_PREFIX_WORDS + len as usize;
                let off = *src.add(slot);
                *src.add(slot) = 0;
                if off != 0 {
                    self.m.register_drop(r);
                }
            }
        }
        Ok(Value::from_heap_addr(r.address()).expect("gc addresses are heap values"))
    }

    /// Runs `f` with the override checks of its first protocol step
    /// disabled: the base type's own dunder (`list.__len__(sub)`,
    /// `dict.__repr__(sub)`) must not call the subclass's override again.
    pub fn with_base<R>(&mut self, f: impl FnOnce(&mut Vm) -> R) -> R {
        BYPASS.with(|b| b.set(true));
        let r = f(self);
        BYPASS.with(|b| b.set(false));
        r
    }

    /// Whether the class of `v` (an instance of a builtin subclass) defines
    /// `n` in Python (anything but a builtin's native).
    fn py_override(&mut self, v: Value, n: Name) -> PyResult<bool> {
        if !self.builtin_sub(v) {
            return Ok(false);
        }
        if BYPASS.with(|b| b.replace(false)) {
            return Ok(false);
        }
        let class = self.class_of(v);
        Ok(match self.lookup_name(class, n)? {
            Some(m) => self.kind_of(m) != Some(Kind::Builtin),
            None => false,
        })
    }

    /// The kind a core protocol dispatches on for `v`: `Kind::Instance`
    /// when `v`'s class overrides the protocol's special method `n` in
    /// Python (so the user-instance path calls it), else `v`'s own kind.
    #[inline]
    pub fn dispatch_kind(&mut self, v: Value, n: Name) -> PyResult<Option<Kind>> {
        let k = self.kind_of(v);
        if let Some(kk) = k
            && (kk == Kind::Native
                || exact_type(kk).is_some_and(|t| self.class_of(v) != self.ty(t)))
            && self.py_override(v, n)?
        {
            return Ok(Some(Kind::Instance));
        }
        // A class whose metaclass defines the method in Python (`bool(A)`
        // with `M.__bool__`).
        if k == Some(Kind::Type) && self.heap_meta(v) {
            let class = self.class_of(v);
            if let Some(m) = self.lookup_name(class, n)?
                && self.kind_of(m) != Some(Kind::Builtin)
            {
                return Ok(Some(Kind::Instance));
            }
        }
        Ok(k)
    }

    /// Whether `a` or `b` is an instance of a builtin subclass defining
    /// `l` or `r` (a binary operator's dunders) in Python.
    pub fn sub_overrides_either(&mut self, a: Value, b: Value, l: &str, r: &str) -> bool {
        if !self.builtin_sub(a) && !self.builtin_sub(b) {
            return false;
        }
        if BYPASS.with(|x| x.replace(false)) {
            return false;
        }
        let mark = self.temps_len();
        self.push_temp(a);
        self.push_temp(b);
        let mut found = false;
        for (i, name) in [(0, l), (1, r), (0, r), (1, l)] {
            let v = self.temp(mark + i);
            if !self.builtin_sub(v) {
                continue;
            }
            let class = self.class_of(v);
            if let Ok(Some(m)) = self.lookup_type_attr(class, name)
                && self.kind_of(m) != Some(Kind::Builtin)
            {
                found = true;
                break;
            }
        }
        self.pop_temps(mark);
        found
    }

    /// `a <op> b` when an operand is an instance of a builtin subclass
    /// with Python dunders: calls them (the right operand's reflected one
    /// first when its class is a proper subclass of the left's); `None`
    /// when every one returned NotImplemented (the builtin behaviour of the
    /// base types follows): `Err` holds the operands, re-read.
    pub fn sub_dunder_binary(
        &mut self,
        a: Value,
        b: Value,
        l: &str,
        r: &str,
    ) -> PyResult<Result<Value, (Value, Value)>> {
        if !self.builtin_sub(a) && !self.builtin_sub(b) {
            return Ok(Err((a, b)));
        }
        let mark = self.temps_len();
        self.push_temp(a);
        self.push_temp(b);
        let res = (|| {
            if !self.sub_overrides_either(self.temp(mark), self.temp(mark + 1), l, r) {
                return Ok(None);
            }
            let (a, b) = (self.temp(mark), self.temp(mark + 1));
            let (ca, cb) = (self.class_of(a), self.class_of(b));
            let right_first = ca != cb && self.is_subclass(cb, ca);
            let order: &[(usize, &str, usize)] = if right_first {
                &[(1, r, 0), (0, l, 1)]
            } else if ca == cb {
                &[(0, l, 1)]
            } else {
                &[(0, l, 1), (1, r, 0)]
            };
            for &(o, name, x) in order {
                let v = self.temp(mark + o);
                if !self.builtin_sub(v) && self.kind_of(v) != Some(Kind::Instance) {
                    continue;
                }
                let class = self.class_of(v);
                let Some(m) = self.lookup_type_attr(class, name)? else {
                    continue;
                };
                if m.is_none() || self.kind_of(m) == Some(Kind::Builtin) {
                    continue;
                }
                let (v, x) = (self.temp(mark + o), self.temp(mark + x));
                let res = self.call_special_method(m, v, &[x])?;
                if res != Value::NOT_IMPLEMENTED {
                    return Ok(Some(res));
                }
            }
            Ok(None)
        })();
        let ab = (self.temp(mark), self.temp(mark + 1));
        self.pop_temps(mark);
        Ok(match res? {
            Some(v) => Ok(v),
            None => Err(ab),
        })
    }

    /// `str(v)` for an instance of a builtin subclass.
    pub fn sub_str_value(&mut self, v: Value) -> PyResult<Option<Value>> {
        if !self.builtin_sub(v) {
            return Ok(None);
        }
        let vi = self.push_temp(v);
        let r = (|| {
            for n in [Name::Str, Name::Repr] {
                let class = self.class_of(self.temp(vi));
                if let Some(m) = self.lookup_name(class, n)?
                    && self.kind_of(m) == Some(Kind::Function)
                {
                    let r = self.call_value(m, &[self.temp(vi)])?;
                    if !self.is_str(r) {
                        let tn = self.type_name(r);
                        let what = if n == Name::Str {
                            "__str__"
                        } else {
                            "__repr__"
                        };
                        return Err(
                            self.type_error(&format!("{what} returned non-string (type {tn})"))
                        );
                    }
                    return Ok(Some(r));
                }
                if n == Name::Str && self.is_str(self.temp(vi)) {
                    return self.exact_str(self.temp(vi)).map(Some);
                }
            }
            Ok(None)
        })();
        self.pop_temps(vi);
        r
    }

    /// An exact `str` with the text of the str (or str subclass) `v`.
    pub fn exact_str(&mut self, v: Value) -> PyResult<Value> {
        if self.class_of(v) == self.ty(TypeId::Str) {
            return Ok(v);
        }
        let bytes = self.str_bytes(v).to_vec();
        let chars = self.str_chars(v);
        self.alloc_str_bytes(&bytes, chars)
    }

    /// Before a native runs: if it is a builtin type's special method
    /// (`list.__len__`...) called on an instance of a subclass, its first
    /// protocol step must not dispatch back to the subclass's override
    /// (`super().__len__()` inside `__len__`).
    pub fn enter_base_dunder(&mut self, f: Value, me: Value, a: &super::call::Args) -> bool {
        let recv = if !me.is_empty() {
            me
        } else if a.n > 0 {
            self.temp(a.start)
        } else {
            return false;
        };
        if !self.builtin_sub(recv) {
            return false;
        }
        let name = self.field(f, super::layout::BuiltinField::Name as usize);
        let dunder = matches!(
            self.str_bytes(name),
            b"__len__"
                | b"__getitem__"
                | b"__setitem__"
                | b"__delitem__"
                | b"__contains__"
                | b"__iter__"
                | b"__hash__"
                | b"__eq__"
                | b"__ne__"
                | b"__lt__"
                | b"__le__"
                | b"__gt__"
                | b"__ge__"
                | b"__add__"
                | b"__mul__"
                | b"__rmul__"
                | b"__bool__"
                | b"__reversed__"
                | b"__get__"
                | b"__set__"
                | b"__delete__"
        );
        if dunder {
            BYPASS.with(|b| b.set(true));
        }
        dunder
    }

    /// After the native of [`Vm::enter_base_dunder`] returned.
    pub fn leave_base_dunder(&mut self) {
        BYPASS.with(|b| b.set(false));
    }

    /// `list.__hash__ = None` (and dict, set, bytearray), as in CPython: a
    /// subclass that does not define `__hash__` is unhashable under its own
    /// name.
    pub fn install_unhashable(&mut self) -> PyResult<()> {
        for t in [TypeId::List, TypeId::Dict, TypeId::Set, TypeId::ByteArray] {
            let d = self.field(self.ty(t), TypeField::Dict as usize);
            let key = self.name(Name::Hash);
            self.dict_set(d, key, Value::NONE)?;
        }
        Ok(())
    }

    /// `ns[key]` for a name lookup in a namespace (a class body's locals):
    /// a dict subclass's `__getitem__`/`__missing__` run, as in CPython;
    /// `None` for a missing name.
    pub fn ns_get(&mut self, ns: Value, key: Value) -> PyResult<Option<Value>> {
        if !self.builtin_sub(ns) {
            return self.dict_get(ns, key);
        }
        match self.get_item(ns, key) {
            Ok(v) => Ok(Some(v)),
            Err(e) => {
                let exc = self.raised();
                if self.exc_matches(exc, TypeId::KeyError) {
                    self.take_raised();
                    return Ok(None);
                }
                Err(e)
            }
        }
    }

    /// `ns[key] = value` for a name binding (see [`Vm::ns_get`]).
    pub fn ns_set(&mut self, ns: Value, key: Value, value: Value) -> PyResult<()> {
        if self.builtin_sub(ns) {
            return self.set_item(ns, key, value);
        }
        self.dict_set(ns, key, value)
    }

    /// `del ns[key]` for a name deletion; false if the name is missing.
    pub fn ns_del(&mut self, ns: Value, key: Value) -> PyResult<bool> {
        if !self.builtin_sub(ns) {
            return self.dict_del(ns, key);
        }
        match self.del_item(ns, key) {
            Ok(()) => Ok(true),
            Err(e) => {
                let exc = self.raised();
                if self.exc_matches(exc, TypeId::KeyError) {
                    self.take_raised();
                    return Ok(false);
                }
                Err(e)
            }
        }
    }

    /// `format(v, spec)` for an instance of a builtin subclass: its Python
    /// `__format__`, else `str(v)` for an empty spec; `None` to format the
    /// base value (nothing allocated then).
    pub fn sub_format(&mut self, v: Value, spec: Value) -> PyResult<Option<Value>> {
        if !self.builtin_sub(v) {
            return Ok(None);
        }
        let mark = self.temps_len();
        self.push_temp(v);
        self.push_temp(spec);
        let r = (|| {
            let class = self.class_of(self.temp(mark));
            if let Some(m) = self.lookup_name(class, Name::Format)?
                && self.kind_of(m) != Some(Kind::Builtin)
            {
                let r = self.call_special_method(m, self.temp(mark), &[self.temp(mark + 1)])?;
                if !self.is_str(r) {
                    let t = self.type_name(r);
                    return Err(self.type_error(&format!("__format__ must return a str, not {t}")));
                }
                return Ok(Some(r));
            }
            if self.str_bytes(self.temp(mark + 1)).is_empty() {
                return self.str_value(self.temp(mark)).map(Some);
            }
            Ok(None)
        })();
        self.pop_temps(mark);
        r
    }

    /// `a op= b` when `a` is an instance of a builtin subclass whose class
    /// defines the in-place dunder (`__iadd__`...) in Python; `None`
    /// otherwise or when it returned NotImplemented and `a op b` should
    /// follow. Operands are the caller's registers (re-read after).
    pub fn sub_inplace(
        &mut self,
        op: super::ops::BinOp,
        a: Value,
        b: Value,
    ) -> PyResult<Option<Value>> {
        if !self.builtin_sub(a) {
            return Ok(None);
        }
        let (l, _) = op.dunders();
        let iname = format!("__i{}", &l[2..]);
        let mark = self.temps_len();
        self.push_temp(a);
        self.push_temp(b);
        let r = (|| {
            let class = self.class_of(self.temp(mark));
            let Some(m) = self.lookup_type_attr(class, &iname)? else {
                return Ok(None);
            };
            if m.is_none() || self.kind_of(m) == Some(Kind::Builtin) {
                return Ok(None);
            }
            let v = self.call_special_method(m, self.temp(mark), &[self.temp(mark + 1)])?;
            Ok((v != Value::NOT_IMPLEMENTED).then_some(v))
        })();
        self.pop_temps(mark);
        r
    }

    /// `object.__new__(cls)` cannot make instances of subclasses of
    /// builtin types laid out as their base (CPython's message).
    pub fn check_plain_layout(&mut self, t: Value) -> PyResult<()> {
        let k = self.field(t, TypeField::InstanceKind as usize).as_int();
        let Some(k) = k.and_then(|k| Kind::from_byte(k as u8)) else {
            return Ok(());
        };
        if !extended_kind(k) {
            return Ok(());
        }
        // The first class along the MRO whose `__new__` is not Python code.
        let mro = self.field(t, TypeField::Mro as usize);
        let n = self.tuple_items(mro).len();
        let mut base = t;
        for i in 0..n {
            let b = self.tuple_items(self.field(t, TypeField::Mro as usize))[i];
            let d = self.field(b, TypeField::Dict as usize);
            let key = self.name(Name::New);
            let py_new = match self.dict_get(d, key)? {
                Some(f) if self.kind_of(f) == Some(Kind::StaticMethod) => {
                    self.kind_of(self.field(f, 0)) == Some(Kind::Function)
                }
                Some(f) => self.kind_of(f) == Some(Kind::Function),
                None => false,
            };
            if !py_new {
                base = self.tuple_items(self.field(t, TypeField::Mro as usize))[i];
                break;
            }
        }
        let (n, bn) = (self.class_name(t), self.class_name(base));
        Err(self.type_error(&format!(
            "object.__new__({n}) is not safe, use {bn}.__new__()"
        )))
    }
}
