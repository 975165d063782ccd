//! Making classes: `__build_class__` (metaclass selection, `__prepare__`,
//! the body), `type.__new__` (layout, `__slots__`, MRO, `__set_name__`,
//! `__init_subclass__`, the `__class__` cell), and calling a class
//! (`type.__call__`: metaclass `__call__`, `__new__`, `__init__`).

use pyvm_objmodel::Value;

use super::builtins::class::c3_merge;
use super::call::Args;
use super::exception::PyResult;
use super::heap::Vm;
use super::layout::{Kind, TYPE_FIELDS, TypeField};
use super::names::Name;
use super::types::TypeId;

/// Bits of a type's `Flags` field.
pub mod flags {
    /// Number of `__slots__` fields instances have after the dict field.
    pub const NSLOTS_MASK: i64 = 0xffff;
    /// Instances have no `__dict__` (field 0 stays EMPTY).
    pub const NO_DICT: i64 = 1 << 16;
    /// The MRO has a data descriptor or a `__getattribute__`/`__setattr__`/
    /// `__delattr__` hook: attribute access takes the full protocol.
    pub const SLOW_ATTR: i64 = 1 << 17;
    /// Made by a class statement or `type(...)` (mutable, Python-level).
    pub const HEAP: i64 = 1 << 18;
}

/// Keyword arguments on the temps: names tuple at `names`, values from
/// `values` (as in [`Args`]).
#[derive(Clone, Copy)]
pub struct Kw {
    /// Temp index of the names tuple.
    pub names: usize,
    /// Temp index of the first value.
    pub values: usize,
}

impl Vm {
    /// Calls `callee(*prefix, *a[skip..])` keeping `a`'s keyword arguments.
    pub fn call_forward(
        &mut self,
        callee: Value,
        prefix: &[Value],
        a: &Args,
        skip: usize,
    ) -> PyResult<Value> {
        let mark = self.temps_len();
        self.push_temp(callee);
        self.roots().temps.extend_from_slice(prefix);
        for i in skip..a.n {
            let v = self.temp(a.start + i);
            self.push_temp(v);
        }
        let kw = a.kw.map(|k| {
            let t = self.temp(k);
            self.push_temp(t)
        });
        let args = Args {
            start: mark + 1,
            n: prefix.len() + a.n - skip,
            kw,
        };
        let r = self.call_args(mark, args);
        self.pop_temps(mark);
        r
    }

    /// Calls `callee(*pos, **kw)` where `kw` is a dict (or EMPTY).
    pub fn call_with_kwdict(&mut self, callee: Value, pos: &[Value], kw: Value) -> PyResult<Value> {
        let mark = self.temps_len();
        self.push_temp(callee);
        self.roots().temps.extend_from_slice(pos);
        let n = pos.len();
        let kw_items: Vec<(Value, Value)> = if self.kind_of(kw) == Some(Kind::Dict) {
            self.dict_mut(kw).items(&self.keys()).collect()
        } else {
            Vec::new()
        };
        if kw_items.is_empty() {
            let args = Args {
                start: mark + 1,
                n,
                kw: None,
            };
            let r = self.call_args(mark, args);
            self.pop_temps(mark);
            return r;
        }
        let names: Vec<Value> = kw_items.iter().map(|p| p.0).collect();
        self.roots().temps.extend(kw_items.iter().map(|p| p.1));
        let nm = self.temps_len();
        self.roots().temps.extend_from_slice(&names);
        let t = self.new_tuple(&names);
        let t = match t {
            Ok(t) => t,
            Err(e) => {
                self.pop_temps(mark);
                return Err(e);
            }
        };
        self.pop_temps(nm);
        let ki = self.push_temp(t);
        let args = Args {
            start: mark + 1,
            n: n + names.len(),
            kw: Some(ki),
        };
        let r = self.call_args(mark, args);
        self.pop_temps(mark);
        r
    }

    /// The keyword arguments of `a` as a new dict, leaving out `skip`.
    pub fn kwargs_dict(&mut self, a: &Args, skip: Option<Name>) -> PyResult<Value> {
        let d = self.new_dict()?;
        let di = self.push_temp(d);
        let r = (|| {
            if let Some(k) = a.kw {
                let nkw = a.nkw(self);
                let first = a.n - nkw;
                for j in 0..nkw {
                    let name = self.tuple_items(self.temp(k))[j];
                    if let Some(s) = skip
                        && self.is_name(name, s)
                    {
                        continue;
                    }
                    let v = self.temp(a.start + first + j);
                    self.dict_set(self.temp(di), name, v)?;
                }
            }
            Ok(self.temp(di))
        })();
        self.pop_temps(di);
        r
    }

    /// `__qualname__` of a class as text.
    pub fn class_qualname(&self, class: Value) -> String {
        if self.kind_of(class) != Some(Kind::Type) {
            return "?".into();
        }
        let q = self.field(class, TypeField::Qualname as usize);
        if self.is_str(q) {
            self.str_text(q).into_owned()
        } else {
            self.class_name(class)
        }
    }

    /// `module.qualname` of a class as its repr shows it (no module for
    /// builtins).
    pub fn class_full_name(&mut self, class: Value) -> PyResult<String> {
        let q = self.class_qualname(class);
        let d = self.field(class, TypeField::Dict as usize);
        let key = self.name(Name::Module);
        match self.dict_get(d, key)? {
            Some(m) if self.is_str(m) => {
                let m = self.str_text(m).into_owned();
                if m == "builtins" {
                    Ok(q)
                } else {
                    Ok(format!("{m}.{q}"))
                }
            }
            _ => Ok(q),
        }
    }

    /// The most derived metaclass of `meta` and the bases' metaclasses.
    pub fn calculate_meta(&mut self, meta: Value, bases: &[Value]) -> PyResult<Value> {
        let mut winner = meta;
        for &b in bases {
            let bt = self.class_of(b);
            if self.is_subclass(winner, bt) {
                continue;
            }
            if self.is_subclass(bt, winner) {
                winner = bt;
                continue;
            }
            return Err(self.type_error(
                "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
            ));
        }
        Ok(winner)
    }

    /// `type.__new__(meta, name, bases, ns, **kw)`: makes a class. The
    /// arguments are values (rooted here); `kw` is a dict or EMPTY.
    pub fn create_class(
        &mut self,
        meta: Value,
        name: Value,
        bases: Value,
        ns: Value,
        kw: Value,
    ) -> PyResult<Value> {
        let mark = self.temps_len();
        self.roots()
            .temps
            .extend_from_slice(&[meta, name, bases, ns, kw]);
        let r = self.create_class_inner(mark);
        self.pop_temps(mark);
        r
    }

    /// Whether the slotted bases among `bases` (`b` included) have nested
    /// layouts: each one's solid base (the deepest class of its MRO with
    /// the same number of slots) is in the MRO of the base with the most
    /// slots, as CPython's `solid_base` check allows
    /// (`class T(_FlowControlMixin, Transport)`).
    fn slots_nest(&mut self, bases: &[Value], b: Value) -> PyResult<bool> {
        let nslots = |vm: &Self, t: Value| vm.type_flags(t) & flags::NSLOTS_MASK;
        let slotted: Vec<Value> = bases
            .iter()
            .copied()
            .chain([b])
            .filter(|&t| nslots(self, t) > 0)
            .collect();
        let Some(&big) = slotted.iter().max_by_key(|&&t| nslots(self, t)) else {
            return Ok(true);
        };
        let big_mro = self
            .tuple_items(self.field(big, TypeField::Mro as usize))
            .to_vec();
        for &t in &slotted {
            let n = nslots(self, t);
            let mro = self
                .tuple_items(self.field(t, TypeField::Mro as usize))
                .to_vec();
            let solid = mro
                .iter()
                .rev()
                .find(|&&c| nslots(self, c) == n)
                .copied()
                .unwrap_or(t);
            if !big_mro.contains(&solid) {
                return Ok(false);
            }
        }
        Ok(true)
    }

    fn create_class_inner(&mut self, mark: usize) -> PyResult<Value> {
        let (m_meta, m_name, m_bases, m_ns, m_kw) = (mark, mark + 1, mark + 2, mark + 3, mark + 4);
        // Bases.
        let mut base_list = self.tuple_items(self.temp(m_bases)).to_vec();
        for &b in &base_list {
            if self.kind_of(b) != Some(Kind::Type) {
                // The base's type is the winning metaclass candidate and
                // not a subclass of `type` (CPython's metaclass check).
                return Err(self.type_error(
                    "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
                ));
            }
            if self.builtin_base_ok(b)? {
                continue;
            }
            if self.is_builtin_type(b)
                && b != self.ty(TypeId::Object)
                && b != self.ty(TypeId::Type)
                && !self.is_exception_class(b)
                && self.field(b, TypeField::InstanceKind as usize).as_int()
                    != Some(Kind::NativeState as i64)
                && ![TypeId::Int, TypeId::Float, TypeId::Complex].contains(&self.builtin_type_id(b))
                // The abstract I/O bases hold no state: their subclasses
                // (`_compression.BaseStream`) are plain instances.
                && ![
                    TypeId::IOBase,
                    TypeId::RawIOBase,
                    TypeId::BufferedIOBase,
                    TypeId::TextIOBase,
                    TypeId::SimpleNamespace,
                    TypeId::Module,
                ]
                .iter()
                .any(|&t| self.ty(t) == b)
                && !super::modules::io::pyio_fallback::is_concrete_io(self, b)
            {
                let n = self.class_name(b);
                return Err(self.not_supported(&format!("subclassing the builtin type '{n}'")));
            }
        }
        if base_list.is_empty() {
            base_list.push(self.ty(TypeId::Object));
            let t = self.new_tuple(&base_list)?;
            self.roots().temps[m_bases] = t;
        }
        // Python subclasses of the abstract `io` classes get `_pyio`'s
        // implementation of their methods first in the MRO.
        if let Some(t) = super::modules::io::pyio_fallback::pyio_bases(self, &base_list)? {
            self.roots().temps[m_bases] = t;
        }
        let bases_now = self.tuple_items(self.temp(m_bases)).to_vec();
        let meta = self.calculate_meta(self.temp(m_meta), &bases_now)?;
        if meta != self.temp(m_meta) {
            // CPython's type_new: a more derived metaclass from the bases
            // with a `__new__` of its own makes the class
            // (`type(name, (SomeEnum,), ns, boundary=...)`).
            let wi = self.push_temp(meta);
            let new = self.lookup_name(meta, Name::New)?;
            let type_new = self.builtin_slot(TypeId::Type, Name::New)?;
            if let Some(f) = new
                && f != type_new
                && !f.is_empty()
            {
                let f = if self.kind_of(f) == Some(Kind::StaticMethod) {
                    self.field(f, 0)
                } else {
                    f
                };
                let args = [
                    self.temp(wi),
                    self.temp(m_name),
                    self.temp(m_bases),
                    self.temp(m_ns),
                ];
                let kw = self.temp(m_kw);
                return self.call_with_kwdict(f, &args, kw);
            }
            let meta = self.temp(wi);
            self.pop_temps(wi);
            self.roots().temps[m_meta] = meta;
        }
        // Layout: the instance kind and the solid base's slots.
        let mut kind = Kind::Instance;
        // A native-module base keeps its type index (`Kind::Native | i << 8`).
        let mut native_kind = None;
        let mut base_slots = 0i64;
        let mut base_has_dict = false;
        for &b in &bases_now {
            let k = self
                .field(b, TypeField::InstanceKind as usize)
                .as_int()
                .and_then(|k| Kind::from_byte(k as u8))
                .unwrap_or(Kind::Instance);
            if k == Kind::Native {
                native_kind = self.field(b, TypeField::InstanceKind as usize).as_int();
            }
            if k != Kind::Instance {
                if kind != Kind::Instance && kind != k {
                    return Err(self.type_error("multiple bases have instance lay-out conflict"));
                }
                kind = k;
            }
            let fl = self.type_flags(b);
            let ns = fl & flags::NSLOTS_MASK;
            if ns > 0 {
                if base_slots > 0 && !self.slots_nest(&bases_now, b)? {
                    return Err(self.type_error("multiple bases have instance lay-out conflict"));
                }
                base_slots = base_slots.max(ns);
            }
            if (self.is_heap_type(b) && fl & flags::NO_DICT == 0)
                || k == Kind::Exception
                || b == self.ty(TypeId::SimpleNamespace)
            {
                base_has_dict = true;
            }
        }
        // The namespace, copied.
        let dict = self.new_dict()?;
        let m_dict = self.push_temp(dict);
        let items: Vec<(Value, Value)> =
            self.dict_mut(self.temp(m_ns)).items(&self.keys()).collect();
        let im = self.temps_len();
        for (k, v) in &items {
            self.push_temp(*k);
            self.push_temp(*v);
        }
        for i in 0..items.len() {
            let (k, v) = (self.temp(im + 2 * i), self.temp(im + 2 * i + 1));
            self.dict_set(self.temp(m_dict), k, v)?;
        }
        self.pop_temps(im);
        let d = self.temp(m_dict);
        // __qualname__
        let qn = self.name(Name::Qualname);
        let qual = match self.dict_get(d, qn)? {
            Some(q) => {
                if !self.is_str(q) {
                    let n = self.type_name(q);
                    return Err(
                        self.type_error(&format!("type __qualname__ must be a str, not {n}"))
                    );
                }
                let d = self.temp(m_dict);
                let qn = self.name(Name::Qualname);
                self.dict_del(d, qn)?;
                q
            }
            None => self.temp(m_name),
        };
        let m_qual = self.push_temp(qual);
        // __module__ from the caller's globals.
        let d = self.temp(m_dict);
        let mk = self.name(Name::Module);
        if self.dict_get(d, mk)?.is_none()
            && let Some(f) = self.m.roots().frames.last()
        {
            let g = f.globals;
            let nk = self.name(Name::Name);
            if let Some(m) = self.dict_get(g, nk)? {
                let d = self.temp(m_dict);
                let mk = self.name(Name::Module);
                self.dict_set(d, mk, m)?;
            }
        }
        // __doc__ defaults to None.
        let d = self.temp(m_dict);
        let dk = self.name(Name::Doc);
        let doc_defaulted = self.dict_get(d, dk)?.is_none();
        if doc_defaulted {
            let d = self.temp(m_dict);
            let dk = self.name(Name::Doc);
            self.dict_set(d, dk, Value::NONE)?;
        }
        // __classcell__
        let d = self.temp(m_dict);
        let ck = self.name(Name::Classcell);
        let cell = self.dict_get(d, ck)?.unwrap_or(Value::EMPTY);
        if !cell.is_empty() {
            let d = self.temp(m_dict);
            let ck = self.name(Name::Classcell);
            self.dict_del(d, ck)?;
            if self.kind_of(cell) != Some(Kind::Cell) {
                let n = self.type_name(cell);
                return Err(
                    self.type_error(&format!("__classcell__ must be a nonlocal cell, not {n}"))
                );
            }
        }
        let m_cell = self.push_temp(cell);
        // __slots__
        let d = self.temp(m_dict);
        let sk = self.name(Name::Slots);
        let slots = self.dict_get(d, sk)?;
        let mut slot_names: Vec<String> = Vec::new();
        let mut add_dict = slots.is_none();
        let m_slots = self.temps_len();
        let layout_slots = kind == Kind::Instance || super::subclass::extended_kind(kind);
        if let Some(s) = slots
            && layout_slots
        {
            let items = if self.is_str(s) {
                vec![s]
            } else {
                self.collect_iterable(s)?
            };
            self.roots().temps.extend_from_slice(&items);
            for i in 0..items.len() {
                let it = self.temp(m_slots + i);
                if !self.is_str(it) {
                    let n = self.type_name(it);
                    return Err(
                        self.type_error(&format!("__slots__ items must be strings, not '{n}'"))
                    );
                }
                let text = self.str_text(it).into_owned();
                let ident = !text.is_empty()
                    && !text.starts_with(|c: char| c.is_ascii_digit())
                    && text.chars().all(|c| c.is_alphanumeric() || c == '_');
                if !ident {
                    return Err(self.type_error("__slots__ must be identifiers"));
                }
                if text == "__dict__" {
                    if add_dict || base_has_dict {
                        return Err(self.type_error("__dict__ slot disallowed: we already got one"));
                    }
                    add_dict = true;
                    continue;
                }
                if text == "__weakref__" {
                    continue;
                }
                let d = self.temp(m_dict);
                // A `__doc__` slot replaces the None default (CPython adds
                // it after laying out the slots).
                if !(doc_defaulted && text == "__doc__") && self.dict_get(d, it)?.is_some() {
                    return Err(self.raise_msg(
                        TypeId::ValueError,
                        &format!("'{text}' in __slots__ conflicts with class variable"),
                    ));
                }
                slot_names.push(text);
            }
        } else if slots.is_some() {
            add_dict = true;
        }
        self.pop_temps(m_slots);
        self.check_subclass_slots(kind, slot_names.len())?;
        // Implicit classmethods/staticmethods, and __hash__ = None.
        for (n, wrap) in [
            (Name::New, 0),
            (Name::InitSubclass, 1),
            (Name::ClassGetitem, 1),
        ] {
            let d = self.temp(m_dict);
            let key = self.name(n);
            if let Some(f) = self.dict_get(d, key)?
                && self.kind_of(f) == Some(Kind::Function)
            {
                let w = if wrap == 0 {
                    super::descr::make_staticmethod(self, f)?
                } else {
                    super::descr::make_classmethod(self, f)?
                };
                let d = self.temp(m_dict);
                let key = self.name(n);
                self.dict_set(d, key, w)?;
            }
        }
        let d = self.temp(m_dict);
        let ek = self.name(Name::Eq);
        if self.dict_get(d, ek)?.is_some() {
            let d = self.temp(m_dict);
            let hk = self.name(Name::Hash);
            if self.dict_get(d, hk)?.is_none() {
                let d = self.temp(m_dict);
                let hk = self.name(Name::Hash);
                self.dict_set(d, hk, Value::NONE)?;
            }
        }
        // Flags.
        let nslots = base_slots + slot_names.len() as i64;
        let mut fl = flags::HEAP | nslots;
        if layout_slots && !add_dict && !base_has_dict {
            fl |= flags::NO_DICT;
        }
        if nslots > 0 {
            fl |= flags::SLOW_ATTR;
        }
        // The type object.
        let mut fields = [Value::NONE; TYPE_FIELDS];
        fields[TypeField::Name as usize] = self.temp(m_name);
        fields[TypeField::Dict as usize] = self.temp(m_dict);
        fields[TypeField::Bases as usize] = self.temp(m_bases);
        fields[TypeField::InstanceKind as usize] =
            Value::from_int(native_kind.unwrap_or(kind as i64)).unwrap_or(Value::NONE);
        fields[TypeField::Qualname as usize] = self.temp(m_qual);
        fields[TypeField::Flags as usize] = Value::from_int(fl).unwrap_or(Value::NONE);
        let t = self.alloc_record(Kind::Type, self.temp(m_meta), &fields, 0)?;
        let ti = self.push_temp(t);
        // MRO.
        let mut seqs = Vec::new();
        let base_list = self.tuple_items(self.temp(m_bases)).to_vec();
        for &b in &base_list {
            let m = self.field(b, TypeField::Mro as usize);
            seqs.push(self.tuple_items(m).to_vec());
        }
        seqs.push(base_list.clone());
        let Some(mut mro) = c3_merge(seqs.clone()) else {
            let heads = super::builtins::class::c3_failure_heads(seqs);
            let names: Vec<String> = heads.iter().map(|&b| self.class_name(b)).collect();
            return Err(self.type_error(&format!(
                "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                names.join(", ")
            )));
        };
        mro.insert(0, self.temp(ti));
        let mro = self.new_tuple(&mro)?;
        let t = self.temp(ti);
        self.set_field(t, TypeField::Mro as usize, mro);
        // Slot descriptors.
        for (i, s) in slot_names.iter().enumerate() {
            let n = self.new_str(s)?;
            let idx = Value::from_int(1 + base_slots + i as i64).unwrap_or(Value::NONE);
            let class = self.ty(TypeId::MemberDescriptor);
            let md = self.alloc_record(Kind::MemberDescr, class, &[n, idx, self.temp(ti)], 0)?;
            let mdi = self.push_temp(md);
            let key = self.new_str(s)?;
            let d = self.temp(m_dict);
            self.dict_set(d, key, self.temp(mdi))?;
            self.pop_temps(mdi);
        }
        // Data descriptors or hooks anywhere in the MRO: the slow path.
        if self.type_flags(self.temp(ti)) & flags::SLOW_ATTR == 0 && self.mro_needs_slow(ti)? {
            let t = self.temp(ti);
            let f = self.type_flags(t) | flags::SLOW_ATTR;
            self.set_field(
                t,
                TypeField::Flags as usize,
                Value::from_int(f).unwrap_or(Value::NONE),
            );
        }
        // Register with the bases, by weak reference (as CPython's
        // `tp_subclasses`: a base must not keep its subclasses alive).
        let wref = super::modules::new_weak_ref(self, ti)?;
        let wi = self.push_temp(wref);
        for i in 0..base_list.len() {
            let b = self.tuple_items(self.temp(m_bases))[i];
            let subs = self.field(b, TypeField::Subclasses as usize);
            let subs = if self.kind_of(subs) == Some(Kind::List) {
                subs
            } else {
                let l = self.new_list(&[])?;
                let b = self.tuple_items(self.temp(m_bases))[i];
                self.set_field(b, TypeField::Subclasses as usize, l);
                l
            };
            let v = self.list_vec(subs);
            // Forget dead subclasses now and then (amortized O(1)).
            if v.len() >= 16 && v.len().is_power_of_two() {
                let mut v = std::mem::take(self.list_vec(subs));
                v.retain(|&r| super::modules::weak_referent(self, r).is_some());
                *self.list_vec(subs) = v;
            }
            let w = self.temp(wi);
            self.list_vec(subs).push(w);
            // SAFETY: `subs` was read or made just now (no allocation since).
            unsafe { self.barrier(subs) };
        }
        self.pop_temps(wi);
        // The __class__ cell.
        let cell = self.temp(m_cell);
        if !cell.is_empty() {
            let t = self.temp(ti);
            self.set_field(cell, 0, t);
        }
        self.set_names(ti)?;
        self.init_subclass(ti, m_kw)?;
        Ok(self.temp(ti))
    }

    fn mro_needs_slow(&mut self, ti: usize) -> PyResult<bool> {
        let mro = self.field(self.temp(ti), TypeField::Mro as usize);
        let n = self.tuple_items(mro).len();
        for i in 0..n {
            let mro = self.field(self.temp(ti), TypeField::Mro as usize);
            let t = self.tuple_items(mro)[i];
            if !self.is_heap_type(t) {
                continue;
            }
            let d = self.field(t, TypeField::Dict as usize);
            let items: Vec<(Value, Value)> = self.dict_mut(d).items(&self.keys()).collect();
            for (k, v) in items {
                if self.is_str(k) && self.is_hook_name(k) {
                    return Ok(true);
                }
                if self.is_data_descr(v)? {
                    return Ok(true);
                }
            }
        }
        Ok(false)
    }

    /// Calls `__set_name__(cls, name)` on the class's attributes that have it.
    fn set_names(&mut self, ti: usize) -> PyResult<()> {
        let d = self.field(self.temp(ti), TypeField::Dict as usize);
        let items: Vec<(Value, Value)> = self.dict_mut(d).items(&self.keys()).collect();
        let mark = self.temps_len();
        for (k, v) in &items {
            self.push_temp(*k);
            self.push_temp(*v);
        }
        let r = (|| {
            for i in 0..items.len() {
                let v = self.temp(mark + 2 * i + 1);
                if !matches!(self.kind_of(v), Some(Kind::Instance | Kind::Property)) {
                    continue;
                }
                let class = self.class_of(v);
                let Some(f) = self.lookup_name(class, Name::SetName)? else {
                    continue;
                };
                let (v, k, t) = (
                    self.temp(mark + 2 * i + 1),
                    self.temp(mark + 2 * i),
                    self.temp(ti),
                );
                if let Err(e) = self.call_value(f, &[v, t, k]) {
                    if self.kind_of(self.temp(mark + 2 * i + 1)) == Some(Kind::Property) {
                        return Err(e);
                    }
                    let cause = self.take_raised();
                    let ci = self.push_temp(cause);
                    let vn = self.type_name(self.temp(mark + 2 * i + 1));
                    let kn = self.str_text(self.temp(mark + 2 * i)).into_owned();
                    let tn = self.class_name(self.temp(ti));
                    let r = self.raise_msg(
                        TypeId::RuntimeError,
                        &format!("Error calling __set_name__ on '{vn}' instance '{kn}' in '{tn}'"),
                    );
                    let exc = self.raised();
                    let cause = self.temp(ci);
                    self.set_field(exc, super::layout::ExcField::Cause as usize, cause);
                    self.set_field(exc, super::layout::ExcField::Context as usize, cause);
                    self.set_field(
                        exc,
                        super::layout::ExcField::SuppressContext as usize,
                        Value::TRUE,
                    );
                    self.pop_temps(ci);
                    return Err(r);
                }
            }
            Ok(())
        })();
        self.pop_temps(mark);
        r
    }

    /// `super(cls, cls).__init_subclass__(**kw)`.
    fn init_subclass(&mut self, ti: usize, kwi: usize) -> PyResult<()> {
        let t = self.temp(ti);
        let mro = self.field(t, TypeField::Mro as usize);
        let n = self.tuple_items(mro).len();
        for i in 1..n {
            let mro = self.field(self.temp(ti), TypeField::Mro as usize);
            let b = self.tuple_items(mro)[i];
            let d = self.field(b, TypeField::Dict as usize);
            let key = self.name(Name::InitSubclass);
            if let Some(f) = self.dict_get(d, key)? {
                let t = self.temp(ti);
                let bound = self.descr_get(f, Value::EMPTY, t)?;
                let kw = self.temp(kwi);
                self.call_with_kwdict(bound, &[], kw)?;
                return Ok(());
            }
        }
        Ok(())
    }

    /// `C.__bases__ = value`.
    pub(crate) fn set_bases(&mut self, t: Value, value: Value) -> PyResult<()> {
        if self.kind_of(value) != Some(Kind::Tuple) {
            let cn = self.class_name(t);
            let vn = self.type_name(value);
            return Err(self.type_error(&format!(
                "can only assign tuple to {cn}.__bases__, not {vn}"
            )));
        }
        let bases = self.tuple_items(value).to_vec();
        if bases.is_empty() {
            let cn = self.class_name(t);
            return Err(self.type_error(&format!(
                "can only assign non-empty tuple to {cn}.__bases__, not ()"
            )));
        }
        for &b in &bases {
            if self.kind_of(b) != Some(Kind::Type) {
                let n = self.type_name(b);
                let cn = self.class_name(t);
                return Err(self.type_error(&format!(
                    "{cn}.__bases__ must be tuple of classes, not '{n}'"
                )));
            }
            if self.is_subclass(b, t) {
                return Err(self.type_error("a __bases__ item causes an inheritance cycle"));
            }
        }
        let mut seqs = Vec::new();
        for &b in &bases {
            let m = self.field(b, TypeField::Mro as usize);
            seqs.push(self.tuple_items(m).to_vec());
        }
        seqs.push(bases.clone());
        let Some(mut mro) = c3_merge(seqs) else {
            return Err(self.type_error("Cannot create a consistent method resolution order (MRO)"));
        };
        mro.insert(0, t);
        let mark = self.temps_len();
        self.push_temp(t);
        self.push_temp(value);
        let m = self.new_tuple(&mro);
        let (t, value) = (self.temp(mark), self.temp(mark + 1));
        let old_bases = self.field(t, TypeField::Bases as usize);
        self.push_temp(old_bases);
        let m = match m {
            Ok(m) => m,
            Err(e) => {
                self.pop_temps(mark);
                return Err(e);
            }
        };
        self.set_field(t, TypeField::Bases as usize, value);
        self.set_field(t, TypeField::Mro as usize, m);
        self.mark_slow_attr(t);
        let r = self.move_subclass_entry(mark, mark + 2, mark + 1);
        self.pop_temps(mark);
        r
    }

    /// After `__bases__` changed: the class at temp `ti` leaves the
    /// `__subclasses__()` of the bases at temp `old` and joins those at `new`.
    fn move_subclass_entry(&mut self, ti: usize, old: usize, new: usize) -> PyResult<()> {
        let t = self.temp(ti);
        if self.kind_of(self.temp(old)) == Some(Kind::Tuple) {
            for b in self.tuple_items(self.temp(old)).to_vec() {
                let subs = self.field(b, TypeField::Subclasses as usize);
                if self.kind_of(subs) == Some(Kind::List) {
                    let mut v = std::mem::take(self.list_vec(subs));
                    v.retain(|&r| super::modules::weak_referent(self, r).is_some_and(|c| c != t));
                    *self.list_vec(subs) = v;
                }
            }
        }
        let n = self.tuple_items(self.temp(new)).len();
        for i in 0..n {
            let w = super::modules::new_weak_ref(self, ti)?;
            let wi = self.push_temp(w);
            let b = self.tuple_items(self.temp(new))[i];
            let subs = self.field(b, TypeField::Subclasses as usize);
            let subs = if self.kind_of(subs) == Some(Kind::List) {
                subs
            } else {
                let l = self.new_list(&[]);
                let l = match l {
                    Ok(l) => l,
                    Err(e) => {
                        self.pop_temps(wi);
                        return Err(e);
                    }
                };
                let b = self.tuple_items(self.temp(new))[i];
                self.set_field(b, TypeField::Subclasses as usize, l);
                l
            };
            let w = self.temp(wi);
            self.pop_temps(wi);
            self.list_vec(subs).push(w);
            // SAFETY: `subs` was just read from a rooted class.
            unsafe { self.barrier(subs) };
        }
        Ok(())
    }

    /// A new instance of class `t` (its layout: dict, slots), no `__init__`.
    pub fn alloc_instance(&mut self, t: Value) -> PyResult<Value> {
        self.check_plain_layout(t)?;
        let fl = self.type_flags(t);
        let nslots = (fl & flags::NSLOTS_MASK) as usize;
        let ti = self.push_temp(t);
        let d = if fl & flags::NO_DICT != 0 {
            Ok(Value::EMPTY)
        } else {
            self.new_instance_dict(t)
        };
        let t = self.temp(ti);
        self.pop_temps(ti);
        let d = d?;
        let mut fields = vec![Value::EMPTY; 1 + nslots];
        fields[0] = d;
        self.alloc_record(Kind::Instance, t, &fields, 0)
    }

    /// Calls the class at temp `ti` with `a`: the metaclass's `__call__`
    /// if it defines one, else `type.__call__`.
    pub fn call_class(&mut self, ti: usize, a: Args) -> PyResult<Value> {
        let t = self.temp(ti);
        let meta = self.class_of(t);
        if self.is_heap_type(meta)
            && let Some(c) = self.lookup_name(meta, Name::Call)?
        {
            if self.kind_of(c) == Some(Kind::Function) {
                let t = self.temp(ti);
                return self.call_forward(c, &[t], &a, 0);
            }
            // Any other `__call__` the metaclass holds (typing's
            // `_TypedDictMeta.__call__ = dict`) is bound as a descriptor.
            let ci = self.push_temp(c);
            let type_call = self.builtin_slot(TypeId::Type, Name::Call);
            let r = match type_call {
                Ok(tc) if tc != self.temp(ci) => {
                    let (c, t) = (self.temp(ci), self.temp(ti));
                    let meta = self.class_of(t);
                    let b = self.descr_get(c, t, meta);
                    b.and_then(|b| self.call_forward(b, &[], &a, 0)).map(Some)
                }
                Ok(_) => Ok(None),
                Err(e) => Err(e),
            };
            self.pop_temps(ci);
            if let Some(v) = r? {
                return Ok(v);
            }
        }
        self.type_call(ti, a)
    }

    /// The value of `name` in `object`'s (or another builtin type's) dict.
    pub fn builtin_slot(&mut self, t: TypeId, n: Name) -> PyResult<Value> {
        let key = self.name(n);
        if let Some(r) = self.own_attr_cached(self.ty(t), key) {
            return Ok(r.unwrap_or(Value::EMPTY));
        }
        let d = self.field(self.ty(t), TypeField::Dict as usize);
        Ok(self.dict_get(d, key)?.unwrap_or(Value::EMPTY))
    }

    /// `type.__call__(cls, *args, **kw)` for the class at temp `ti`.
    pub fn type_call(&mut self, ti: usize, a: Args) -> PyResult<Value> {
        let t = self.temp(ti);
        if !self.is_heap_type(t) {
            if let Some(ctor) = super::builtins::constructor_for(self, t) {
                return ctor(self, a);
            }
            if let Some(r) = super::modules::native_types::construct(self, ti, a) {
                return r;
            }
            let core = self.m.roots().globals[..super::types::TYPE_COUNT].contains(&t);
            if core && !self.is_exception_class(t) {
                let n = self.class_name(t);
                return Err(self.type_error(&format!("cannot create '{n}' instances")));
            }
        }
        let new = self.lookup_name(t, Name::New)?.unwrap_or(Value::EMPTY);
        let object_new = self.builtin_slot(TypeId::Object, Name::New)?;
        let exc_new = self.builtin_slot(TypeId::BaseException, Name::New)?;
        let native = self.field(t, TypeField::InstanceKind as usize).as_int()
            == Some(Kind::NativeState as i64);
        let plain_new = new == object_new || new.is_empty();
        // Subclasses of int/float/complex: the base's constructor makes the
        // value from the arguments (int.__new__), boxed in an instance.
        let boxed = plain_new && self.numeric_base(t).is_some();
        let obj = if native && plain_new {
            self.new_native_object(self.temp(ti), None)?
        } else if plain_new && self.module_layout(self.temp(ti)) {
            self.new_module_instance(ti)?
        } else if boxed && let Some(obj) = self.new_boxed_number(ti, a)? {
            obj
        } else if plain_new {
            self.object_new_check(self.temp(ti), &a)?;
            self.check_not_abstract(ti)?;
            self.alloc_instance(self.temp(ti))?
        } else if new == exc_new {
            // The exceptions' constructor also sets the per-class attributes
            // (errno, name...) that BaseException.__init__ would.
            let obj = self.construct_exception(ti, a)?;
            let oi = self.push_temp(obj);
            let r = (|| {
                let class = self.class_of(self.temp(oi));
                let init = self.lookup_name(class, Name::Init)?.unwrap_or(Value::EMPTY);
                if self.kind_of(init) == Some(Kind::Builtin) || init.is_empty() {
                    return Ok(self.temp(oi));
                }
                let obj = self.temp(oi);
                let f = if self.kind_of(init) == Some(Kind::Function) {
                    init
                } else {
                    let class = self.class_of(obj);
                    self.descr_get(init, obj, class)?
                };
                let r = if self.kind_of(init) == Some(Kind::Function) {
                    self.call_forward(f, &[obj], &a, 0)?
                } else {
                    self.call_forward(f, &[], &a, 0)?
                };
                self.init_result(r, oi)
            })();
            self.pop_temps(oi);
            return r;
        } else {
            let f = if self.kind_of(new) == Some(Kind::StaticMethod) {
                self.field(new, 0)
            } else {
                let t = self.temp(ti);
                self.descr_get(new, Value::EMPTY, t)?
            };
            let t = self.temp(ti);
            self.call_forward(f, &[t], &a, 0)?
        };
        let oi = self.push_temp(obj);
        let r = (|| {
            self.register_del(oi)?;
            let obj = self.temp(oi);
            let t = self.temp(ti);
            if !self.is_subclass(self.class_of(obj), t) {
                return Ok(obj);
            }
            let class = self.class_of(obj);
            let init = self.lookup_name(class, Name::Init)?.unwrap_or(Value::EMPTY);
            let object_init = self.builtin_slot(TypeId::Object, Name::Init)?;
            if init == object_init || init.is_empty() {
                let t = self.temp(ti);
                if !boxed {
                    self.object_init_check(t, &a)?;
                }
                return Ok(self.temp(oi));
            }
            let obj = self.temp(oi);
            let class = self.class_of(obj);
            let f = match self.kind_of(init) {
                Some(Kind::Function | Kind::Builtin) => init,
                _ => {
                    let b = self.descr_get(init, obj, class)?;
                    let r = self.call_forward(b, &[], &a, 0)?;
                    return self.init_result(r, oi);
                }
            };
            let obj = self.temp(oi);
            let r = self.call_forward(f, &[obj], &a, 0)?;
            self.init_result(r, oi)
        })();
        self.pop_temps(oi);
        r
    }

    fn init_result(&mut self, r: Value, oi: usize) -> PyResult<Value> {
        if !r.is_none() {
            let name = self.type_name(r);
            return Err(self.type_error(&format!("__init__() should return None, not '{name}'")));
        }
        Ok(self.temp(oi))
    }

    /// `object.__new__`'s argument rule for class `t`.
    pub fn object_new_check(&mut self, t: Value, a: &Args) -> PyResult<()> {
        if a.n == 0 {
            return Ok(());
        }
        let ti = self.push_temp(t);
        let r = (|| {
            let t = self.temp(ti);
            let new = self.lookup_name(t, Name::New)?.unwrap_or(Value::EMPTY);
            let object_new = self.builtin_slot(TypeId::Object, Name::New)?;
            if new != object_new {
                return Err(self.type_error(
                    "object.__new__() takes exactly one argument (the type to instantiate)",
                ));
            }
            let t = self.temp(ti);
            let init = self.lookup_name(t, Name::Init)?.unwrap_or(Value::EMPTY);
            let object_init = self.builtin_slot(TypeId::Object, Name::Init)?;
            if init == object_init {
                let n = self.class_name(self.temp(ti));
                return Err(self.type_error(&format!("{n}() takes no arguments")));
            }
            Ok(())
        })();
        self.pop_temps(ti);
        r
    }

    /// `object.__init__`'s argument rule for class `t`.
    pub fn object_init_check(&mut self, t: Value, a: &Args) -> PyResult<()> {
        if a.n == 0 {
            return Ok(());
        }
        let ti = self.push_temp(t);
        let r = (|| {
            let t = self.temp(ti);
            let init = self.lookup_name(t, Name::Init)?.unwrap_or(Value::EMPTY);
            let object_init = self.builtin_slot(TypeId::Object, Name::Init)?;
            if init != object_init {
                return Err(self.type_error(
                    "object.__init__() takes exactly one argument (the instance to initialize)",
                ));
            }
            let t = self.temp(ti);
            let new = self.lookup_name(t, Name::New)?.unwrap_or(Value::EMPTY);
            let object_new = self.builtin_slot(TypeId::Object, Name::New)?;
            if new == object_new {
                let n = self.class_name(self.temp(ti));
                return Err(self.type_error(&format!(
                    "{n}.__init__() takes exactly one argument (the instance to initialize)"
                )));
            }
            Ok(())
        })();
        self.pop_temps(ti);
        r
    }
}
