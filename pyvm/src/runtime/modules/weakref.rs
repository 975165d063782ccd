//! `_weakref`: weak references on pyvm-gc's weak-reference table.
//!
//! A `weakref.ReferenceType` object holds the collector's `WeakRef` (its
//! slot index and generation, as two ints) and its callback. Every
//! reference object is also in a registry (Rust state in an auxiliary
//! root) with a second, weak handle to the reference object itself, so a
//! reference is garbage like any object: after a collection,
//! [`Vm::run_weakref_callbacks`] matches the slots the collector reports
//! cleared (those created with a callback) against the registry and calls
//! the callbacks of the references still alive (before `__del__` methods,
//! CPython's order for cyclic garbage); a reference that died with its
//! referent never calls back. The registry also answers
//! `getweakrefcount`/`getweakrefs`; slots of dead referents and dead
//! reference objects are released after each collection.

use pyvm_gc::{ObjectRef, WeakRef};
use pyvm_objmodel::Value;

use super::native_types::{NativeType, check_pos, export, is_instance};
use super::{ModuleRef, NativeModule};
use crate::runtime::call::Args;
use crate::runtime::exception::PyResult;
use crate::runtime::heap::Vm;
use crate::runtime::layout::{Kind, TypeField};
use crate::runtime::types::TypeId;

/// The `_weakref` module.
pub(crate) const MODULE: NativeModule = NativeModule {
    name: "_weakref",
    functions: &[
        ("getweakrefcount", getweakrefcount),
        ("getweakrefs", getweakrefs),
        ("_remove_dead_weakref", remove_dead_weakref),
        ("proxy", proxy),
    ],
    init: Some(init),
};

fn init(vm: &mut Vm, m: ModuleRef) -> PyResult<()> {
    export(vm, m, &REF)?;
    let c = vm.native_class(&REF)?;
    m.set(vm, "ref", c)?;
    export(vm, m, &PROXY)?;
    export(vm, m, &CALLABLE_PROXY)
}

/// Auxiliary global slot holding the registry of live references.
const CALLBACK_REFS: usize = 0;

fn int(i: i64) -> Value {
    Value::from_int(i).unwrap_or(Value::NONE)
}

/// `weakref.ReferenceType`: state [slot index (-1 once dead), slot
/// generation, callback or None, cached hash: low and high 32 bits (EMPTY
/// until computed)].
pub(crate) static REF: NativeType = NativeType {
    module: "weakref",
    name: "ReferenceType",
    new: Some(ref_new),
    call: Some(ref_call),
    repr: Some(ref_repr),
    compare: Some(ref_compare),
    getattr: Some(|vm, s, name| Ok((name == "__callback__").then(|| vm.st(s, 2)))),
    methods: &[("__hash__", ref_hash)],
    ..NativeType::EMPTY
};

/// `weakref.ProxyType`: state as a reference.
pub(crate) static PROXY: NativeType = NativeType {
    module: "weakref",
    name: "ProxyType",
    repr: Some(proxy_repr),
    getattr: Some(proxy_attr),
    ..NativeType::EMPTY
};

/// `weakref.CallableProxyType`: a proxy to a callable.
pub(crate) static CALLABLE_PROXY: NativeType = NativeType {
    module: "weakref",
    name: "CallableProxyType",
    call: Some(proxy_call),
    repr: Some(proxy_repr),
    getattr: Some(proxy_attr),
    ..NativeType::EMPTY
};

fn weakrefable(vm: &mut Vm, v: Value) -> PyResult<bool> {
    if vm.kind_of(v) == Some(Kind::Instance) {
        return instance_weakrefable(vm, v);
    }
    Ok(weakrefable_kind(vm, v))
}

/// An instance supports weak references unless every class of its MRO
/// that is not builtin has `__slots__` without `__weakref__`.
fn instance_weakrefable(vm: &mut Vm, v: Value) -> PyResult<bool> {
    let class = vm.class_of(v);
    if vm.type_flags(class) & crate::runtime::class_create::flags::NO_DICT == 0 {
        return Ok(true);
    }
    let vi = vm.push_temp(v);
    let r = (|| {
        let mro = vm.field(class, TypeField::Mro as usize);
        let n = vm.tuple_items(mro).len();
        for i in 0..n {
            let mro = vm.field(vm.class_of(vm.temp(vi)), TypeField::Mro as usize);
            let t = vm.tuple_items(mro)[i];
            if !vm.is_heap_type(t) {
                continue;
            }
            let d = vm.field(t, TypeField::Dict as usize);
            let Some(slots) = vm.dict_get_str(d, "__slots__")? else {
                return Ok(true);
            };
            let names = if vm.is_str(slots) {
                vec![slots]
            } else {
                vm.collect_iterable(slots)?
            };
            if names
                .iter()
                .any(|&s| vm.is_str(s) && vm.str_bytes(s) == b"__weakref__")
            {
                return Ok(true);
            }
        }
        Ok(false)
    })();
    vm.pop_temps(vi);
    r
}

fn weakrefable_kind(vm: &Vm, v: Value) -> bool {
    if vm.builtin_sub(v) {
        // CPython's variable-size bases give their subclasses no
        // `__weakref__`; the others do (unless `__slots__` leaves it out).
        return !matches!(
            vm.kind_of(v),
            Some(Kind::Str | Kind::Tuple | Kind::Bytes | Kind::BigInt)
        );
    }
    !matches!(
        vm.kind_of(v),
        None | Some(
            Kind::Str
                | Kind::Tuple
                | Kind::List
                | Kind::Dict
                | Kind::BigInt
                | Kind::Builtin
                | Kind::Complex
                | Kind::Range
                | Kind::Slice
        )
    )
}

/// A new weak reference object of native type `t` to `obj` (at temp
/// `oi`) with the callback at temp `ci`; its class is `temps[class]`, or
/// the type's own when `class` is `usize::MAX`.
fn make_ref(
    vm: &mut Vm,
    t: &'static NativeType,
    class: usize,
    oi: usize,
    ci: Option<usize>,
) -> PyResult<Value> {
    let obj = vm.temp(oi);
    if !weakrefable(vm, obj)? {
        let n = vm.type_name(obj);
        return Err(vm.type_error(&format!("cannot create weak reference to '{n}' object")));
    }
    let class = if class == usize::MAX {
        vm.native_class(t)?
    } else {
        vm.temp(class)
    };
    let mark = vm.push_temp(class);
    let r = (|| {
        let obj = vm.temp(oi);
        let callback = ci.map(|c| vm.temp(c)).unwrap_or(Value::NONE);
        let Some(r) = obj.heap_addr().and_then(ObjectRef::from_address) else {
            return Err(vm.type_error("cannot create weak reference"));
        };
        // SAFETY: `obj` was just read from a root.
        let w = unsafe { vm.m.new_weak(r, !callback.is_none()) };
        let bits = w.to_bits();
        let st = [
            int((bits & 0xffff_ffff) as i64),
            int((bits >> 32) as i64),
            callback,
            Value::EMPTY,
            Value::EMPTY,
        ];
        let wr = vm.new_native_of(t, vm.temp(mark), &st)?;
        let wi = vm.push_temp(wr);
        add_callback_ref(vm, wi)?;
        Ok(vm.temp(wi))
    })();
    vm.pop_temps(mark);
    r
}

/// A new `weakref.ref` without a callback to the object at temp `oi`
/// (TypeError if it cannot be weakly referenced).
pub(crate) fn new_ref(vm: &mut Vm, oi: usize) -> PyResult<Value> {
    make_ref(vm, &REF, usize::MAX, oi, None)
}

fn add_callback_ref(vm: &mut Vm, wi: usize) -> PyResult<()> {
    let w = vm.temp(wi);
    let Some(me) = w.heap_addr().and_then(ObjectRef::from_address) else {
        return Ok(());
    };
    // SAFETY: `w` was just read from a root.
    let me = unsafe { vm.m.new_weak(me, false) };
    let Some(target) = ref_handle(vm, w) else {
        vm.m.release_weak(me);
        return Ok(());
    };
    registry(vm)?.push(Entry { me, target });
    Ok(())
}

/// One live reference object: a weak handle to the object itself (so an
/// unreachable reference dies with its referent and never calls back, as
/// in CPython) and its referent's slot.
struct Entry {
    me: WeakRef,
    target: WeakRef,
}

/// The registry of reference objects (Rust state of a native object in an
/// auxiliary root: it holds no heap references).
pub(crate) static REGISTRY: NativeType = NativeType {
    module: "_weakref",
    name: "_registry",
    ..NativeType::EMPTY
};

/// The registry, made on first use.
fn registry(vm: &mut Vm) -> PyResult<&mut Vec<Entry>> {
    if vm.aux_global(CALLBACK_REFS).is_empty() {
        let r = vm.new_native_cell(&REGISTRY, &[], Box::new(Vec::<Entry>::new()))?;
        vm.set_aux_global(CALLBACK_REFS, r);
    }
    Ok(registry_now(vm).expect("the registry was just made"))
}

/// The registry if it exists.
fn registry_now(vm: &Vm) -> Option<&mut Vec<Entry>> {
    let r = vm.aux_global(CALLBACK_REFS);
    if r.is_empty() {
        return None;
    }
    vm.native_rust::<Vec<Entry>>(r)
}

/// The referent slot of a live reference object (None once marked dead).
fn ref_handle(vm: &Vm, w: Value) -> Option<WeakRef> {
    let lo = vm.field(w, 1).as_int().filter(|&i| i >= 0)? as u64;
    let hi = vm.field(w, 2).as_int()? as u64;
    Some(WeakRef::from_bits(hi << 32 | lo))
}

/// The reference object of a registry entry, if it is alive.
fn entry_ref(vm: &Vm, e: &Entry) -> Option<Value> {
    let g = vm.m.weak_get(e.me)?;
    Value::from_heap_addr(g.object_ref().address())
}

fn ref_new(vm: &mut Vm, cls: usize, a: Args) -> PyResult<Value> {
    // `ReferenceType.__new__` ignores keywords (a subclass's `__init__` may
    // take some); `ReferenceType.__init__` refuses them.
    let exact = vm.temp(cls) == vm.native_class(&REF)?;
    if a.nkw(vm) > 0 && exact {
        return Err(vm.type_error("ref() takes no keyword arguments"));
    }
    let n = a.npos(vm);
    let a = Args { n, kw: None, ..a };
    if n == 0 || n > 2 {
        let msg = if n == 0 {
            "__new__ expected at least 1 argument, got 0".to_string()
        } else {
            format!("__new__ expected at most 2 arguments, got {n}")
        };
        return Err(vm.type_error(&msg));
    }
    let cb = (n == 2 && !a.get(vm, 1).is_none()).then_some(a.start + 1);
    let wr = make_ref(vm, &REF, cls, a.start, cb)?;
    Ok(wr)
}

/// For a `weakref.ReferenceType` object (read straight from its words, no
/// VM needed, for dict-key hashing): its collector handle (None once
/// dead) and its cached hash.
pub(crate) fn weak_ref_state(v: Value) -> Option<(Option<WeakRef>, Option<i64>)> {
    let r = v.heap_addr().and_then(ObjectRef::from_address)?;
    let p = r.payload() as *const u64;
    // SAFETY: `v` is a live `Kind::Native` record (the caller checked its
    // kind): the kind word holds its field count, field 0 (its type tag)
    // always exists, and the others are read only for a reference (5 fields).
    let (len, tag) = unsafe { ((*p >> 32) as usize, Value::from_bits(*p.add(2))) };
    if len < 6 || tag.as_int() != Some(super::native_types::type_index(&REF) as i64) {
        return None;
    }
    // SAFETY: as above, with 6 fields.
    let (lo, hi, h_lo, h_hi) = unsafe {
        (
            Value::from_bits(*p.add(3)),
            Value::from_bits(*p.add(4)),
            Value::from_bits(*p.add(6)),
            Value::from_bits(*p.add(7)),
        )
    };
    let cache = match (h_lo.as_int(), h_hi.as_int()) {
        (Some(l), Some(h)) => Some(h << 32 | (l & 0xffff_ffff)),
        _ => None,
    };
    let w = match (lo.as_int(), hi.as_int()) {
        (Some(lo), Some(hi)) if lo >= 0 => Some(WeakRef::from_bits((hi as u64) << 32 | lo as u64)),
        _ => None,
    };
    Some((w, cache))
}

/// Caches the hash of a weak reference object (checked by `weak_ref_state`).
pub(crate) fn set_weak_ref_hash(v: Value, h: i64) {
    if let Some(r) = v.heap_addr().and_then(ObjectRef::from_address) {
        let p = r.payload() as *mut u64;
        // SAFETY: as in `weak_ref_state`; ints are not references, so no
        // write barrier is needed.
        unsafe {
            *p.add(6) = int(h & 0xffff_ffff).to_bits();
            *p.add(7) = int(h >> 32).to_bits();
        }
    }
}

/// The referent of the weak reference object `w`, if alive.
pub(crate) fn referent(vm: &Vm, w: Value) -> Option<Value> {
    let lo = vm.field(w, 1).as_int().filter(|&i| i >= 0)? as u64;
    let hi = vm.field(w, 2).as_int()? as u64;
    let wr = WeakRef::from_bits(hi << 32 | lo);
    let g = vm.m.weak_get(wr)?;
    Value::from_heap_addr(g.object_ref().address())
}

fn ref_call(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = a.npos(vm) - 1;
    if n > 0 || a.nkw(vm) > 0 {
        return Err(vm.type_error(&format!("weakref() takes exactly 0 arguments ({n} given)")));
    }
    Ok(referent(vm, a.get(vm, 0)).unwrap_or(Value::NONE))
}

fn ref_repr(vm: &mut Vm, s: usize) -> PyResult<String> {
    let me = vm.temp(s);
    let at = vm.id_of(me);
    Ok(match referent(vm, me) {
        None => format!("<weakref at {at:#x}; dead>"),
        Some(o) => {
            let name = vm.type_name(o);
            format!("<weakref at {at:#x}; to '{name}' at {:#x}>", vm.id_of(o))
        }
    })
}

fn ref_compare(vm: &mut Vm, s: usize, op: &str) -> PyResult<Option<Value>> {
    let other = vm.temp(s + 1);
    if !(op == "==" || op == "!=") || !is_instance(vm, other, &REF) {
        return Ok(None);
    }
    let (x, y) = (referent(vm, vm.temp(s)), referent(vm, other));
    let eq = match (x, y) {
        (Some(x), Some(y)) => vm.eq_values(x, y)?,
        _ => vm.temp(s) == vm.temp(s + 1),
    };
    Ok(Some(Value::from_bool(if op == "==" { eq } else { !eq })))
}

fn ref_hash(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "__hash__", 1, 1)?;
    let me = a.get(vm, 0);
    let h = vm.hash_value(me)?;
    vm.new_i64(h)
}

// ---- proxies --------------------------------------------------------------

fn proxy(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = check_pos(vm, &a, "proxy", 1, 2)?;
    let cb = (n == 2 && !a.get(vm, 1).is_none()).then_some(a.start + 1);
    let obj = a.get(vm, 0);
    let t = if super::native_types::callable(vm, obj)? {
        &CALLABLE_PROXY
    } else {
        &PROXY
    };
    make_ref(vm, t, usize::MAX, a.start, cb)
}

fn live(vm: &mut Vm, p: Value) -> PyResult<Value> {
    referent(vm, p).ok_or_else(|| {
        vm.raise_msg(
            TypeId::ReferenceError,
            "weakly-referenced object no longer exists",
        )
    })
}

fn proxy_attr(vm: &mut Vm, s: usize, name: &str) -> PyResult<Option<Value>> {
    let o = live(vm, vm.temp(s))?;
    let oi = vm.push_temp(o);
    let r = (|| {
        let key = vm.new_str(name)?;
        vm.get_attr(vm.temp(oi), key)
    })();
    vm.pop_temps(oi);
    r.map(Some)
}

impl Vm {
    /// The referent of a weakref proxy, for `proxy.x = v` and `del
    /// proxy.x` (ReferenceError once it died); `None` if `v` is not a proxy.
    pub(crate) fn proxy_target(&mut self, v: Value) -> PyResult<Option<Value>> {
        if self.kind_of(v) != Some(Kind::Native) {
            return Ok(None);
        }
        let t = super::native_types::def_of(self, v);
        if !std::ptr::eq(t, &PROXY) && !std::ptr::eq(t, &CALLABLE_PROXY) {
            return Ok(None);
        }
        live(self, v).map(Some)
    }
}

fn proxy_repr(vm: &mut Vm, s: usize) -> PyResult<String> {
    let me = vm.temp(s);
    let at = vm.id_of(me);
    let o = live(vm, me)?;
    let name = vm.type_name(o);
    Ok(format!(
        "<weakproxy at {at:#x}; to '{name}' at {:#x}>",
        vm.id_of(o)
    ))
}

fn proxy_call(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let o = live(vm, a.get(vm, 0))?;
    vm.roots().temps[a.start] = o;
    let args = Args {
        start: a.start + 1,
        n: a.n - 1,
        kw: a.kw,
    };
    vm.call_args(a.start, args)
}

// ---- module functions -----------------------------------------------------

/// The live reference objects whose referent is `obj`.
fn refs_to(vm: &Vm, obj: Value) -> Vec<Value> {
    let Some(reg) = registry_now(vm) else {
        return Vec::new();
    };
    reg.iter()
        .filter_map(|e| entry_ref(vm, e))
        .filter(|&w| referent(vm, w) == Some(obj))
        .collect()
}

fn getweakrefcount(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "getweakrefcount", 1, 1)?;
    Ok(int(refs_to(vm, a.get(vm, 0)).len() as i64))
}

fn getweakrefs(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "getweakrefs", 1, 1)?;
    let refs = refs_to(vm, a.get(vm, 0));
    vm.new_list(&refs)
}

fn remove_dead_weakref(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "_remove_dead_weakref", 2, 2)?;
    let d = a.get(vm, 0);
    if vm.kind_of(d) != Some(Kind::Dict) {
        return Err(vm.type_error("_remove_dead_weakref() argument 1 must be dict"));
    }
    if let Some(w) = vm.dict_get(a.get(vm, 0), a.get(vm, 1))?
        && is_instance(vm, w, &REF)
        && referent(vm, w).is_none()
    {
        vm.dict_del(a.get(vm, 0), a.get(vm, 1))?;
    }
    Ok(Value::NONE)
}

impl Vm {
    /// Calls the callbacks of weak references whose referents died (with
    /// the reference as argument; not for references that died too);
    /// exceptions are reported and ignored. Then releases the slots of
    /// dead referents and of dead reference objects.
    pub fn run_weakref_callbacks(&mut self) -> PyResult<usize> {
        // The referents reported dead, then the registry entries that refer
        // to them, found in one pass (not one search per report).
        let mut cleared = std::collections::HashSet::new();
        while let Some(w) = self.m.pop_cleared_weak() {
            cleared.insert(w.to_bits());
        }
        let mut due = Vec::new();
        if !cleared.is_empty()
            && let Some(reg) = registry_now(self)
        {
            reg.retain(|e| {
                if cleared.contains(&e.target.to_bits()) {
                    due.push(Entry {
                        me: e.me,
                        target: e.target,
                    });
                    false
                } else {
                    true
                }
            });
        }
        let mut n = 0;
        for e in due {
            let r = entry_ref(self, &e);
            self.m.release_weak(e.me);
            // Marked dead before the slot is released (the object may be
            // called again, even by its own callback).
            if let Some(r) = r {
                self.set_field(r, 1, int(-1));
            }
            self.m.release_weak(e.target);
            let Some(r) = r else { continue };
            let ri = self.push_temp(r);
            let cb = self.field(r, 3);
            if !cb.is_none() {
                n += 1;
                let ci = self.push_temp(cb);
                if self.call_value(cb, &[self.temp(ri)]).is_err() {
                    // The callback, re-read: the call may have moved it.
                    self.report_ignored_value(self.temp(ci));
                }
            }
            self.pop_temps(ri);
        }
        self.sweep_weak_registry();
        Ok(n)
    }

    /// Drops the registry entries whose referent or reference object died
    /// (references without a callback are not reported cleared).
    fn sweep_weak_registry(&mut self) {
        let Some(reg) = registry_now(self) else {
            return;
        };
        let entries = std::mem::take(reg);
        let mut keep = Vec::with_capacity(entries.len());
        for e in entries {
            let r = entry_ref(self, &e);
            let target_alive = self.m.weak_get(e.target).is_some();
            if let (Some(_), true) = (r, target_alive) {
                keep.push(e);
                continue;
            }
            // A live reference object with a callback waits for the
            // collector's report (its referent died in this collection).
            if let Some(r) = r
                && !self.field(r, 3).is_none()
            {
                keep.push(e);
                continue;
            }
            if let Some(r) = r {
                self.set_field(r, 1, int(-1));
            }
            self.m.release_weak(e.me);
            self.m.release_weak(e.target);
        }
        if let Some(reg) = registry_now(self) {
            reg.extend(keep);
        }
    }
}

impl Vm {
    /// Whether a weak reference (or any other native object) hashes and
    /// compares without Python code: a reference to a live referent whose
    /// hash or equality is Python code does not.
    pub(crate) fn weak_key_plain(&self, v: Value) -> bool {
        if weak_ref_state(v).is_none() {
            return true;
        }
        match referent(self, v) {
            Some(o) => self.key_is_plain(o),
            None => true,
        }
    }

    /// `hash(r)` for a weak reference: its referent's hash with user
    /// `__hash__` methods, cached in the reference; `None` for other
    /// native objects and dead references never hashed (the plain path
    /// raises).
    pub(crate) fn weak_ref_hash(&mut self, v: Value) -> PyResult<Option<i64>> {
        let Some((_, cache)) = weak_ref_state(v) else {
            return Ok(None);
        };
        if cache.is_some() {
            return Ok(cache);
        }
        let Some(o) = referent(self, v) else {
            return Ok(None);
        };
        let vi = self.push_temp(v);
        let h = self.py_hash_full(o);
        let v = self.temp(vi);
        self.pop_temps(vi);
        let h = h?;
        set_weak_ref_hash(v, h);
        Ok(Some(h))
    }
}
