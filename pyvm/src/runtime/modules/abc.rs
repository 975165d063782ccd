//! `_abc`: the machinery behind `abc.ABCMeta` (PEP 3119), in Rust.
//!
//! `abc.py` uses this module when it exists and `_py_abc` otherwise; the
//! results are the same, this one is faster (an `isinstance` against a
//! `collections.abc` class is one native call after the first answer).
//!
//! Each ABC keeps an `_abc_data` object in `cls._abc_impl`: its registry of
//! virtual subclasses and its positive and negative caches, all sets of
//! weak references (a class is never kept alive by an ABC it was tested
//! against) mirrored by sets of object identities for the lookups, plus the value of the global invalidation counter when the
//! negative cache was last valid. `register` bumps the counter, which
//! invalidates every negative cache at once (`get_cache_token()`).

use std::collections::HashSet;
use std::sync::atomic::{AtomicI64, Ordering};

use pyvm_objmodel::Value;

use super::native_types::{NativeType, check_pos, export, is_instance};
use super::weakref::{new_ref, referent};
use super::{ModuleRef, NativeModule};
use crate::runtime::call::Args;
use crate::runtime::exception::PyResult;
use crate::runtime::heap::Vm;
use crate::runtime::layout::{Kind, TypeField};
use crate::runtime::types::TypeId;

/// The `_abc` module.
pub(crate) const MODULE: NativeModule = NativeModule {
    name: "_abc",
    functions: &[
        ("get_cache_token", get_cache_token),
        ("_abc_init", abc_init),
        ("_abc_register", abc_register),
        ("_abc_instancecheck", abc_instancecheck),
        ("_abc_subclasscheck", abc_subclasscheck),
        ("_get_dump", get_dump),
        ("_reset_registry", reset_registry),
        ("_reset_caches", reset_caches),
    ],
    init: Some(init),
};

fn init(vm: &mut Vm, m: ModuleRef) -> PyResult<()> {
    export(vm, m, &ABC_DATA)
}

/// Bumped by every `register` of a virtual subclass.
static INVALIDATION_COUNTER: AtomicI64 = AtomicI64::new(0);

fn int(i: i64) -> Value {
    Value::from_int(i).unwrap_or(Value::NONE)
}

/// `_abc._abc_data`: state [registry, cache, negative cache (each a set of
/// weak references, EMPTY until first used), negative cache version].
pub(crate) static ABC_DATA: NativeType = NativeType {
    module: "_abc",
    name: "_abc_data",
    new: Some(|vm, _cls, a| {
        if a.n > 0 {
            return Err(vm.type_error("_abc_data() takes no arguments"));
        }
        new_data(vm)
    }),
    ..NativeType::EMPTY
};

/// Fields of an `_abc_data` object (after the native type tag).
const REGISTRY: usize = 1;
const CACHE: usize = 2;
const NEGATIVE: usize = 3;
const NEGATIVE_VERSION: usize = 4;

/// The Rust side of an `_abc_data`: the object identities (never reused,
/// see `pyvm_gc::ObjectId`) of the classes in each weak set, so that a
/// membership test is one hash probe, with no weak reference made.
#[derive(Default)]
struct Ids {
    registry: HashSet<u64>,
    cache: HashSet<u64>,
    negative: HashSet<u64>,
}

impl Ids {
    fn of(&mut self, k: usize) -> &mut HashSet<u64> {
        match k {
            REGISTRY => &mut self.registry,
            CACHE => &mut self.cache,
            _ => &mut self.negative,
        }
    }
}

fn ids(vm: &Vm, d: Value) -> Option<&mut Ids> {
    vm.native_rust::<Ids>(d)
}

fn new_data(vm: &mut Vm) -> PyResult<Value> {
    let version = int(INVALIDATION_COUNTER.load(Ordering::Relaxed));
    let state = [Value::EMPTY, Value::EMPTY, Value::EMPTY, version];
    vm.new_native_cell(&ABC_DATA, &state, Box::new(Ids::default()))
}

fn get_cache_token(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "get_cache_token", 0, 0)?;
    Ok(int(INVALIDATION_COUNTER.load(Ordering::Relaxed)))
}

/// `cls._abc_impl`, checked to be an `_abc_data` (CPython's message).
fn impl_of(vm: &mut Vm, cls: Value) -> PyResult<Value> {
    let d = vm.get_attr_str(cls, "_abc_impl")?;
    if !is_instance(vm, d, &ABC_DATA) {
        return Err(vm.type_error("_abc_impl is set to a wrong type"));
    }
    Ok(d)
}

/// Whether the weak set in field `k` of the `_abc_data` at temp `di`
/// holds a reference to the object at temp `oi`.
fn in_weak_set(vm: &mut Vm, di: usize, k: usize, oi: usize) -> PyResult<bool> {
    let id = vm.id_of(vm.temp(oi));
    Ok(ids(vm, vm.temp(di)).is_some_and(|s| s.of(k).contains(&id)))
}

/// Adds a weak reference to the object at temp `oi` to the weak set in
/// field `k` of the `_abc_data` at temp `di` (made on first use).
fn add_to_weak_set(vm: &mut Vm, di: usize, k: usize, oi: usize) -> PyResult<()> {
    if vm.field(vm.temp(di), k).is_empty() {
        let s = vm.new_set()?;
        vm.set_field(vm.temp(di), k, s);
    }
    let r = new_ref(vm, oi)?;
    let set = vm.field(vm.temp(di), k);
    vm.set_add_value(set, r)?;
    let id = vm.id_of(vm.temp(oi));
    if let Some(s) = ids(vm, vm.temp(di)) {
        s.of(k).insert(id);
    }
    Ok(())
}

/// The live referents of the weak set in field `k` of `d` (rooted by the
/// caller's use: they are copied into a container at once).
fn live_members(vm: &Vm, d: Value, k: usize) -> Vec<Value> {
    let set = vm.field(d, k);
    if set.is_empty() {
        return Vec::new();
    }
    vm.set_keys(set)
        .into_iter()
        .filter_map(|r| referent(vm, r))
        .collect()
}

/// `_abc_init(cls)`: computes `cls.__abstractmethods__` and gives the
/// class its `_abc_data`.
fn abc_init(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "_abc_init", 1, 1)?;
    let mark = vm.temps_len();
    let r = (|| {
        let ci = vm.push_temp(a.get(vm, 0));
        let names = vm.new_set_like(true)?;
        let ni = vm.push_temp(names);
        // The class's own abstract attributes, in definition order.
        let ns = vm.get_attr_str(vm.temp(ci), "__dict__")?;
        let nsi = vm.push_temp(ns);
        let keys = vm.collect_iterable(ns)?;
        let keys = vm.new_list(&keys)?;
        let ki = vm.push_temp(keys);
        let mut i = 0;
        while let Some(&k) = vm.list_vec(vm.temp(ki)).get(i) {
            i += 1;
            let key_i = vm.push_temp(k);
            let v = vm.get_item(vm.temp(nsi), k)?;
            if is_abstract(vm, v)? {
                vm.set_add_value(vm.temp(ni), vm.temp(key_i))?;
            }
            vm.pop_temps(key_i);
        }
        // Inherited abstract names that are still abstract here.
        let bases = vm.get_attr_str(vm.temp(ci), "__bases__")?;
        if vm.kind_of(bases) != Some(Kind::Tuple) {
            return Err(vm.type_error("__bases__ is not tuple"));
        }
        let bi = vm.push_temp(bases);
        let nbases = vm.tuple_items(bases).len();
        for b in 0..nbases {
            let base = vm.tuple_items(vm.temp(bi))[b];
            let Some(names) = get_attr_opt(vm, base, "__abstractmethods__")? else {
                continue;
            };
            let inherited = vm.collect_iterable(names)?;
            let inherited = vm.new_list(&inherited)?;
            let ii = vm.push_temp(inherited);
            let mut j = 0;
            while let Some(&name) = vm.list_vec(vm.temp(ii)).get(j) {
                j += 1;
                let name_i = vm.push_temp(name);
                if !vm.is_str(name) {
                    return Err(vm.type_error("attribute name must be string"));
                }
                let v = match vm.get_attr(vm.temp(ci), name) {
                    Ok(v) => Some(v),
                    Err(_) if vm.exc_matches(vm.m.roots().raised, TypeId::AttributeError) => {
                        vm.take_raised();
                        None
                    }
                    Err(e) => return Err(e),
                };
                if let Some(v) = v
                    && is_abstract(vm, v)?
                {
                    vm.set_add_value(vm.temp(ni), vm.temp(name_i))?;
                }
                vm.pop_temps(name_i);
            }
            vm.pop_temps(ii);
        }
        let key = vm.new_str("__abstractmethods__")?;
        vm.set_attr(vm.temp(ci), key, vm.temp(ni))?;
        let data = new_data(vm)?;
        let di = vm.push_temp(data);
        let k = vm.new_str("_abc_impl")?;
        vm.set_attr(vm.temp(ci), k, vm.temp(di))?;
        Ok(Value::NONE)
    })();
    vm.pop_temps(mark);
    r
}

/// `getattr(v, "__isabstractmethod__", False)` is true.
fn is_abstract(vm: &mut Vm, v: Value) -> PyResult<bool> {
    match get_attr_opt(vm, v, "__isabstractmethod__")? {
        Some(f) => vm.truthy(f),
        None => Ok(false),
    }
}

/// `getattr(obj, name)`, `None` on AttributeError.
fn get_attr_opt(vm: &mut Vm, obj: Value, name: &str) -> PyResult<Option<Value>> {
    match vm.get_attr_str(obj, name) {
        Ok(v) => Ok(Some(v)),
        Err(_) if vm.exc_matches(vm.m.roots().raised, TypeId::AttributeError) => {
            vm.take_raised();
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

/// `_abc_register(cls, subclass)`.
fn abc_register(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "_abc_register", 2, 2)?;
    let (ci, si) = (a.start, a.start + 1);
    if vm.kind_of(vm.temp(si)) != Some(Kind::Type) {
        return Err(vm.type_error("Can only register classes"));
    }
    if vm.issubclass_check(vm.temp(si), vm.temp(ci))? {
        // Already a subclass.
        return Ok(vm.temp(si));
    }
    // Subtle: test for cycles *after* testing for "already a subclass";
    // this means we allow X.register(X) and interpret it as a no-op.
    if vm.issubclass_check(vm.temp(ci), vm.temp(si))? {
        return Err(vm.raise_msg(
            TypeId::RuntimeError,
            "Refusing to create an inheritance cycle",
        ));
    }
    let d = impl_of(vm, vm.temp(ci))?;
    let di = vm.push_temp(d);
    let r = add_to_weak_set(vm, di, REGISTRY, si);
    vm.pop_temps(di);
    r?;
    INVALIDATION_COUNTER.fetch_add(1, Ordering::Relaxed);
    Ok(vm.temp(si))
}

/// `_abc_instancecheck(cls, instance)`.
fn abc_instancecheck(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "_abc_instancecheck", 2, 2)?;
    let (ci, ii) = (a.start, a.start + 1);
    let mark = vm.temps_len();
    let r = (|| {
        let d = impl_of(vm, vm.temp(ci))?;
        let di = vm.push_temp(d);
        let subclass = vm.get_attr_str(vm.temp(ii), "__class__")?;
        let si = vm.push_temp(subclass);
        if in_weak_set(vm, di, CACHE, si)? {
            return Ok(Value::TRUE);
        }
        let subtype = vm.class_of(vm.temp(ii));
        let ti = vm.push_temp(subtype);
        if vm.temp(ti) == vm.temp(si) {
            let version = vm.field(vm.temp(di), NEGATIVE_VERSION).as_int();
            if version == Some(INVALIDATION_COUNTER.load(Ordering::Relaxed))
                && in_weak_set(vm, di, NEGATIVE, si)?
            {
                return Ok(Value::FALSE);
            }
            // Fall back to the subclass check.
            return subclasscheck_call(vm, ci, si);
        }
        let r = subclasscheck_call(vm, ci, si)?;
        if vm.truthy(r)? {
            return Ok(r);
        }
        subclasscheck_call(vm, ci, ti)
    })();
    vm.pop_temps(mark);
    r
}

/// `cls.__subclasscheck__(temps[si])`.
fn subclasscheck_call(vm: &mut Vm, ci: usize, si: usize) -> PyResult<Value> {
    let m = vm.get_attr_str(vm.temp(ci), "__subclasscheck__")?;
    vm.call_value(m, &[vm.temp(si)])
}

/// `_abc_subclasscheck(cls, subclass)`.
fn abc_subclasscheck(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "_abc_subclasscheck", 2, 2)?;
    let (ci, si) = (a.start, a.start + 1);
    if vm.kind_of(vm.temp(si)) != Some(Kind::Type) {
        return Err(vm.type_error("issubclass() arg 1 must be a class"));
    }
    let mark = vm.temps_len();
    let r = (|| {
        let d = impl_of(vm, vm.temp(ci))?;
        let di = vm.push_temp(d);
        // 1. The positive cache.
        if in_weak_set(vm, di, CACHE, si)? {
            return Ok(true);
        }
        // 2. The negative cache, emptied when a registration invalidated it.
        let counter = INVALIDATION_COUNTER.load(Ordering::Relaxed);
        let version = vm.field(vm.temp(di), NEGATIVE_VERSION).as_int();
        if version.is_none_or(|v| v < counter) {
            let s = vm.new_set()?;
            vm.set_field(vm.temp(di), NEGATIVE, s);
            vm.set_field(vm.temp(di), NEGATIVE_VERSION, int(counter));
            if let Some(s) = ids(vm, vm.temp(di)) {
                s.negative.clear();
            }
        } else if in_weak_set(vm, di, NEGATIVE, si)? {
            return Ok(false);
        }
        // 3. The subclass hook.
        let hook = vm.get_attr_str(vm.temp(ci), "__subclasshook__")?;
        let ok = vm.call_value(hook, &[vm.temp(si)])?;
        if ok != Value::NOT_IMPLEMENTED {
            let Some(b) = ok.as_bool() else {
                return Err(vm.raise_msg(
                    TypeId::AssertionError,
                    "__subclasshook__ must return either False, True, or NotImplemented",
                ));
            };
            let k = if b { CACHE } else { NEGATIVE };
            add_to_weak_set(vm, di, k, si)?;
            return Ok(b);
        }
        // 4. A direct subclass.
        let sub = vm.temp(si);
        let mro = vm.field(sub, TypeField::Mro as usize);
        if vm.kind_of(mro) == Some(Kind::Tuple) && vm.tuple_items(mro).contains(&vm.temp(ci)) {
            add_to_weak_set(vm, di, CACHE, si)?;
            return Ok(true);
        }
        // 5. A subclass of a registered class (recursively).
        let registered = live_members(vm, vm.temp(di), REGISTRY);
        let ri = vm.new_list(&registered)?;
        let ri = vm.push_temp(ri);
        if any_subclass_of(vm, si, ri)? {
            add_to_weak_set(vm, di, CACHE, si)?;
            return Ok(true);
        }
        // 6. A subclass of a subclass (recursively).
        let subs = {
            let f = vm.get_attr_str(vm.temp(ci), "__subclasses__")?;
            vm.call_value(f, &[])?
        };
        if vm.kind_of(subs) != Some(Kind::List) {
            return Err(vm.type_error("__subclasses__() must return a list"));
        }
        let subs_i = vm.push_temp(subs);
        if any_subclass_of(vm, si, subs_i)? {
            add_to_weak_set(vm, di, CACHE, si)?;
            return Ok(true);
        }
        // No dice; update the negative cache.
        add_to_weak_set(vm, di, NEGATIVE, si)?;
        Ok(false)
    })();
    vm.pop_temps(mark);
    r.map(Value::from_bool)
}

/// Whether `temps[si]` is a subclass of any class in the list at temp `li`.
fn any_subclass_of(vm: &mut Vm, si: usize, li: usize) -> PyResult<bool> {
    let mut i = 0;
    while let Some(&c) = vm.list_vec(vm.temp(li)).get(i) {
        i += 1;
        if vm.issubclass_check(vm.temp(si), c)? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// `_get_dump(cls)`: `(registry, cache, negative_cache, version)`, the
/// sets holding weak references to their live classes.
fn get_dump(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "_get_dump", 1, 1)?;
    let mark = vm.temps_len();
    let r = (|| {
        let d = impl_of(vm, a.get(vm, 0))?;
        let di = vm.push_temp(d);
        for k in [REGISTRY, CACHE, NEGATIVE] {
            let members = live_members(vm, vm.temp(di), k);
            let li = vm.new_list(&members)?;
            let li = vm.push_temp(li);
            let s = vm.new_set()?;
            let set_i = vm.push_temp(s);
            let n = vm.list_vec(vm.temp(li)).len();
            for j in 0..n {
                let oi = vm.push_temp(vm.list_vec(vm.temp(li))[j]);
                let r = new_ref(vm, oi)?;
                vm.set_add_value(vm.temp(set_i), r)?;
                vm.pop_temps(oi);
            }
            // Leave the set on the temps, drop the list under it.
            let s = vm.temp(set_i);
            vm.pop_temps(li);
            vm.push_temp(s);
        }
        let version = vm.field(vm.temp(di), NEGATIVE_VERSION);
        let items = [vm.temp(di + 1), vm.temp(di + 2), vm.temp(di + 3), version];
        vm.new_tuple(&items)
    })();
    vm.pop_temps(mark);
    r
}

fn reset_registry(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "_reset_registry", 1, 1)?;
    let d = impl_of(vm, a.get(vm, 0))?;
    vm.set_field(d, REGISTRY, Value::EMPTY);
    if let Some(s) = ids(vm, d) {
        s.registry.clear();
    }
    Ok(Value::NONE)
}

fn reset_caches(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "_reset_caches", 1, 1)?;
    let d = impl_of(vm, a.get(vm, 0))?;
    vm.set_field(d, CACHE, Value::EMPTY);
    vm.set_field(d, NEGATIVE, Value::EMPTY);
    if let Some(s) = ids(vm, d) {
        s.cache.clear();
        s.negative.clear();
    }
    Ok(Value::NONE)
}
