//! Inline caches of `LoadAttr`, `StoreAttr` and `LoadMethod` by shape and
//! slot (invariant 5: attribute access is a shape check and a load).
//!
//! Each site has an [`AttrCache`] in its code object's side array
//! (`CodeBox::attr_caches`, indexed by the instruction's `CacheIdx`,
//! allocated at the first specialization in that code). Every fast path
//! applies only to a plain instance: kind `Instance` whose class has
//! `SLOW_ATTR` clear (no data descriptor, no `__getattribute__`/
//! `__setattr__`/`__delattr__` anywhere in its MRO), and whose `__dict__`
//! is a split dict (`instance_shapes.rs`). For such an instance
//! `object.__getattribute__` is "the instance dict, then the class", and a
//! store of a non-dunder name is a store into the instance dict, so:
//!
//! - **load** `(shape, slot)`: the dict's shape equals the cached one, so
//!   the key is at `slot`: read it;
//! - **store** `(shape, slot)`: write the slot; **add** `(from, to)`: the
//!   dict is at `from`, append the value and move it to `to`
//!   (`Dict::add_slot`);
//! - **method** `(shape, class dicts' versions, entry)`: the shape says the
//!   instance dict lacks the name; the PEP 509 versions of the class dicts
//!   along the MRO up to the one holding the function (process-unique, so
//!   equal versions are the same dicts with the same contents, which also
//!   identifies the class) say the MRO walk would find the same function
//!   at the same entry: read it, no hashing.
//!
//! Guards are shape ids and versions, never addresses (objects move). A
//! failed guard runs the generic path, then re-specializes the site from
//! what it saw. Nothing here allocates or runs Python code.

use std::cell::{Cell, OnceCell};

use pyvm_objmodel::{EntryIndex, ShapeId, SlotIndex, Value};

use super::super::class_create::flags;
use super::super::heap::Vm;
use super::super::layout::{Kind, TypeField};

/// Longest MRO prefix a method cache guards.
const MAX_DEPTH: usize = 4;

/// What a site's cache holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum Tag {
    #[default]
    Empty,
    Load,
    Store,
    Add,
    Method,
    /// `__slots__` member at field `aux` (class side pinned, see below).
    SlotLoad,
    SlotStore,
    /// A function on the class of an instance without `__dict__`.
    NoDictMethod,
}

/// One attribute site's cache.
#[derive(Clone, Copy, Debug, Default)]
pub struct AttrCache {
    tag: Tag,
    /// The instance dict's shape (`from` for an add).
    shape: u32,
    /// Load/store: the slot; add: the `to` shape; method: the class-dict entry.
    aux: u32,
    /// Method: MRO index of the class holding the function.
    depth: u8,
    /// Method: `version()` of the class dicts `mro[0..=depth]`.
    versions: [u64; MAX_DEPTH],
}

/// The side array of a code object's attribute caches: [`WAYS`] entries
/// per site.
pub type AttrCaches = OnceCell<Box<[Cell<AttrCache>]>>;

/// Where a name was found on the MRO: index, dict entry, value.
type Found = (usize, EntryIndex, Value);

/// Entries per site: a site that sees a few classes or shapes (a method of
/// a base class run on instances of its subclasses) keeps one per kind.
const WAYS: usize = 4;

impl AttrCache {
    /// Whether `new` should replace this entry (the same case of the site).
    fn same_case(&self, new: &AttrCache) -> bool {
        self.tag == new.tag && self.shape == new.shape && self.versions[0] == new.versions[0]
    }
}

impl Vm {
    /// The cache entries of site `idx` in the running code (allocating the
    /// array).
    #[inline]
    fn attr_cache_ways(&self, idx: usize) -> Option<&[Cell<AttrCache>]> {
        let f = self.m.roots().frames.last()?;
        let n = f.code.ncaches as usize;
        let cb = self.code_box(f.code_obj);
        cb.attr_caches
            .get_or_init(|| {
                (0..n * WAYS)
                    .map(|_| Cell::new(AttrCache::default()))
                    .collect()
            })
            .get(idx * WAYS..idx * WAYS + WAYS)
    }

    /// Puts `entry` into site `idx`: over an entry for the same case, else
    /// in a free way, else in front (the oldest entry goes).
    fn attr_cache_insert(&self, idx: usize, entry: AttrCache) {
        let Some(ways) = self.attr_cache_ways(idx) else {
            return;
        };
        if let Some(w) = ways.iter().find(|w| {
            let c = w.get();
            c.tag == Tag::Empty || c.same_case(&entry)
        }) {
            w.set(entry);
            return;
        }
        for i in (1..ways.len()).rev() {
            ways[i].set(ways[i - 1].get());
        }
        ways[0].set(entry);
    }

    /// The split `__dict__` of a plain instance, and its shape.
    #[inline]
    fn plain_split_dict(&self, obj: Value) -> Option<(Value, ShapeId)> {
        if self.kind_of(obj) != Some(Kind::Instance) || !self.plain_attr_class(self.class_of(obj)) {
            return None;
        }
        let d = self.field(obj, 0);
        if self.kind_of(d) != Some(Kind::Dict) {
            return None;
        }
        let shape = self.dict_mut(d).shape();
        (shape != ShapeId::DICT_MODE).then_some((d, shape))
    }

    /// `obj.<name>` from the site's cache, if its guard holds.
    #[inline]
    pub(super) fn load_attr_cached(&self, obj: Value, idx: usize) -> Option<Value> {
        let ways = self.attr_cache_ways(idx)?;
        match ways[0].get().tag {
            Tag::Load => {}
            Tag::SlotLoad => return self.slot_load_cached(obj, ways),
            _ => return None,
        }
        let (d, shape) = self.plain_split_dict(obj)?;
        let shape = shape.as_u32();
        let c = ways
            .iter()
            .map(Cell::get)
            .find(|c| c.tag == Tag::Load && c.shape == shape)?;
        self.dict_mut(d).slot(SlotIndex::new(c.aux))
    }

    /// After a generic load of `obj.<key>`: cache the slot if the value came
    /// from a plain instance's split dict.
    pub(super) fn specialize_load_attr(&self, obj: Value, key: Value, idx: usize) {
        let Some((d, _)) = self.plain_split_dict(obj) else {
            return;
        };
        if let Some((shape, slot)) = self.split_slot(d, key) {
            self.attr_cache_insert(
                idx,
                AttrCache {
                    tag: Tag::Load,
                    shape: shape.as_u32(),
                    aux: slot.as_usize() as u32,
                    ..AttrCache::default()
                },
            );
        }
    }

    /// `obj.<name> = value` through the site's cache; `false` if the guard
    /// fails (nothing changed).
    #[inline]
    pub(super) fn store_attr_cached(&mut self, obj: Value, value: Value, idx: usize) -> bool {
        let Some(ways) = self.attr_cache_ways(idx) else {
            return false;
        };
        match ways[0].get().tag {
            Tag::Store | Tag::Add => {}
            Tag::SlotStore => {
                let Some(i) = self.slot_store_target(obj, ways) else {
                    return false;
                };
                self.set_slot_field(obj, i, value);
                return true;
            }
            _ => return false,
        }
        let Some((d, shape)) = self.plain_split_dict(obj) else {
            return false;
        };
        let Some(c) = ways
            .iter()
            .map(Cell::get)
            .find(|c| matches!(c.tag, Tag::Store | Tag::Add) && c.shape == shape.as_u32())
        else {
            return false;
        };
        let dict = self.dict_mut(d);
        let done = if c.tag == Tag::Store {
            dict.set_slot(SlotIndex::new(c.aux), value)
        } else {
            dict.add_slot(shape, ShapeId::from_u32(c.aux), value)
        };
        if done {
            // SAFETY: `d` is live (read from `obj`, no allocation since).
            unsafe { self.barrier(d) };
        }
        done
    }

    /// The shape of a plain instance's split dict before a generic store
    /// (for [`Vm::specialize_store_attr`]).
    #[inline]
    pub(super) fn store_shape_before(&self, obj: Value) -> Option<ShapeId> {
        self.plain_split_dict(obj).map(|(_, s)| s)
    }

    /// After a generic store of `obj.<key>` (a non-dunder name) that found
    /// the split dict at `before`: cache a slot store or the transition.
    pub(super) fn specialize_store_attr(
        &self,
        obj: Value,
        key: Value,
        before: Option<ShapeId>,
        idx: usize,
    ) {
        let Some(before) = before else { return };
        if self.str_bytes(key).starts_with(b"__") {
            return;
        }
        let Some((d, after)) = self.plain_split_dict(obj) else {
            return;
        };
        let Some((_, slot)) = self.split_slot(d, key) else {
            return;
        };
        let entry = if after == before {
            AttrCache {
                tag: Tag::Store,
                shape: after.as_u32(),
                aux: slot.as_usize() as u32,
                ..AttrCache::default()
            }
        } else if self.shapes.get(after).parent() == Some(before) {
            AttrCache {
                tag: Tag::Add,
                shape: before.as_u32(),
                aux: after.as_u32(),
                ..AttrCache::default()
            }
        } else {
            return;
        };
        self.attr_cache_insert(idx, entry);
    }

    /// The class dicts of `class`'s MRO up to index `depth`, if all exist.
    #[inline]
    fn mro_dict(&self, class: Value, i: usize) -> Option<Value> {
        let t = if i == 0 {
            class
        } else {
            let mro = self.field(class, TypeField::Mro as usize);
            if self.kind_of(mro) != Some(Kind::Tuple) {
                return None;
            }
            *self.tuple_items(mro).get(i)?
        };
        if self.kind_of(t) != Some(Kind::Type) {
            return None;
        }
        let d = self.field(t, TypeField::Dict as usize);
        (self.kind_of(d) == Some(Kind::Dict)).then_some(d)
    }

    /// The function `obj.<name>` resolves to for a method call, from the
    /// site's cache, if its guards hold.
    #[inline]
    pub(super) fn load_method_cached(&self, obj: Value, idx: usize) -> Option<Value> {
        let ways = self.attr_cache_ways(idx)?;
        match ways[0].get().tag {
            Tag::Method => {}
            Tag::NoDictMethod => return self.no_dict_method_cached(obj, ways),
            _ => return None,
        }
        let (_, shape) = self.plain_split_dict(obj)?;
        let class = self.class_of(obj);
        let own = self.dict_mut(self.mro_dict(class, 0)?).version();
        let c = ways
            .iter()
            .map(Cell::get)
            .find(|c| c.tag == Tag::Method && c.shape == shape.as_u32() && c.versions[0] == own)?;
        let mut holder = self.mro_dict(class, 0)?;
        for i in 1..=c.depth as usize {
            let d = self.mro_dict(class, i)?;
            if self.dict_mut(d).version() != c.versions[i] {
                return None;
            }
            holder = d;
        }
        self.dict_mut(holder)
            .value_at(EntryIndex::new(c.aux))
            .filter(|f| self.kind_of(*f) == Some(Kind::Function))
    }

    /// After a generic method load: cache the function if `obj` is a plain
    /// instance whose split dict lacks `key` and the MRO walk finds a
    /// Python function within [`MAX_DEPTH`] classes.
    pub(super) fn specialize_load_method(&self, obj: Value, key: Value, idx: usize) {
        let Some((d, shape)) = self.plain_split_dict(obj) else {
            return;
        };
        if self.split_slot(d, key).is_some() || !self.dict_mut(d).is_split() {
            return;
        }
        // The key must be a symbol for the shape to decide its absence.
        if super::super::instance_shapes::symbol_of(&self.m, self.secret, key).is_none() {
            return;
        }
        let class = self.class_of(obj);
        let mut entry = AttrCache {
            tag: Tag::Method,
            shape: shape.as_u32(),
            ..AttrCache::default()
        };
        for i in 0..MAX_DEPTH {
            let Some(cd) = self.mro_dict(class, i) else {
                return;
            };
            let dict = self.dict_mut(cd);
            entry.versions[i] = dict.version();
            match dict.index_of(&mut self.keys(), key) {
                Ok(Some(at)) => {
                    let Some(f) = dict.value_at(at) else { return };
                    if self.kind_of(f) != Some(Kind::Function) {
                        return;
                    }
                    entry.depth = i as u8;
                    entry.aux = at.as_usize() as u32;
                    self.attr_cache_insert(idx, entry);
                    return;
                }
                Ok(None) => {}
                Err(_) => return,
            }
        }
    }

    // ---- `__slots__` members and instances without a `__dict__` ----
    //
    // A class with `__slots__` has data descriptors (its members), so it
    // takes the full protocol (`SLOW_ATTR`). Its sites are cached with the
    // class side pinned instead: the versions of *every* dict on the MRO
    // (up to `MAX_DEPTH` classes), checked at the specialization to hold no
    // `__getattribute__` (and, for stores, no `__setattr__`) below
    // `object`. Equal versions then mean the same class, the same member
    // descriptor (its field index) or function, and `object`'s attribute
    // protocol.

    /// Whether every dict on `class`'s MRO still has the version `c` saw.
    #[inline]
    fn mro_pinned(&self, class: Value, c: &AttrCache) -> bool {
        let n = c.depth as usize + 1;
        let mro = self.field(class, TypeField::Mro as usize);
        if self.kind_of(mro) != Some(Kind::Tuple) || self.tuple_items(mro).len() != n {
            return false;
        }
        (0..n).all(|i| {
            self.mro_dict(class, i)
                .is_some_and(|d| self.dict_mut(d).version() == c.versions[i])
        })
    }

    fn slot_load_cached(&self, obj: Value, ways: &[Cell<AttrCache>]) -> Option<Value> {
        if self.kind_of(obj) != Some(Kind::Instance) {
            return None;
        }
        let class = self.class_of(obj);
        let own = self.dict_mut(self.mro_dict(class, 0)?).version();
        let c = ways
            .iter()
            .map(Cell::get)
            .find(|c| c.tag == Tag::SlotLoad && c.versions[0] == own)?;
        if !self.mro_pinned(class, &c) {
            return None;
        }
        // An unset member raises: the generic path says so.
        Some(self.slot_field(obj, c.aux as usize)).filter(|v| !v.is_empty())
    }

    /// The field a cached `__slots__` store of `obj` writes.
    fn slot_store_target(&self, obj: Value, ways: &[Cell<AttrCache>]) -> Option<usize> {
        if self.kind_of(obj) != Some(Kind::Instance) {
            return None;
        }
        let class = self.class_of(obj);
        let own = self.dict_mut(self.mro_dict(class, 0)?).version();
        let c = ways
            .iter()
            .map(Cell::get)
            .find(|c| c.tag == Tag::SlotStore && c.versions[0] == own)?;
        (self.mro_pinned(class, &c) && (c.aux as usize) < self.len_word(obj))
            .then_some(c.aux as usize)
    }

    fn no_dict_method_cached(&self, obj: Value, ways: &[Cell<AttrCache>]) -> Option<Value> {
        if self.kind_of(obj) != Some(Kind::Instance) || !self.field(obj, 0).is_empty() {
            return None;
        }
        let class = self.class_of(obj);
        let own = self.dict_mut(self.mro_dict(class, 0)?).version();
        let c = ways
            .iter()
            .map(Cell::get)
            .find(|c| c.tag == Tag::NoDictMethod && c.versions[0] == own)?;
        if !self.mro_pinned(class, &c) {
            return None;
        }
        let holder = self.mro_dict(class, c.shape as usize)?;
        self.dict_mut(holder)
            .value_at(EntryIndex::new(c.aux))
            .filter(|f| self.kind_of(*f) == Some(Kind::Function))
    }

    /// The pinned class side of `obj` for `key`: an entry with the
    /// versions of every MRO dict, and where `key` is found first (MRO
    /// index, dict entry, value); `None` if the MRO is too long or has a
    /// `__getattribute__` (or, with `store`, a `__setattr__`) below
    /// `object`.
    fn pin_class(&self, obj: Value, key: Value, store: bool) -> Option<(AttrCache, Option<Found>)> {
        if self.kind_of(obj) != Some(Kind::Instance) || self.kind_of(key) != Some(Kind::Str) {
            return None;
        }
        let class = self.class_of(obj);
        let mro = self.field(class, TypeField::Mro as usize);
        if self.kind_of(mro) != Some(Kind::Tuple) {
            return None;
        }
        let n = self.tuple_items(mro).len();
        if n == 0 || n > MAX_DEPTH {
            return None;
        }
        let hook = self.name(if store {
            super::super::names::Name::Setattr
        } else {
            super::super::names::Name::Getattribute
        });
        let mut entry = AttrCache {
            depth: (n - 1) as u8,
            ..AttrCache::default()
        };
        let mut found = None;
        for i in 0..n {
            let d = self.mro_dict(class, i)?;
            let dict = self.dict_mut(d);
            entry.versions[i] = dict.version();
            if i + 1 < n && dict.index_of(&mut self.keys(), hook).ok()?.is_some() {
                return None;
            }
            if found.is_none()
                && let Some(at) = dict.index_of(&mut self.keys(), key).ok()?
            {
                found = Some((i, at, dict.value_at(at)?));
            }
        }
        Some((entry, found))
    }

    /// After a generic load or store of `obj.<key>` on an instance of a
    /// `SLOW_ATTR` class: cache a `__slots__` member.
    pub(super) fn specialize_slot_attr(&self, obj: Value, key: Value, store: bool, idx: usize) {
        if self.kind_of(obj) != Some(Kind::Instance)
            || self.type_flags(self.class_of(obj)) & flags::NSLOTS_MASK == 0
        {
            return;
        }
        let Some((mut entry, Some((_, _, d)))) = self.pin_class(obj, key, store) else {
            return;
        };
        if self.kind_of(d) != Some(Kind::MemberDescr) {
            return;
        }
        let Some(i) = self.field(d, 1).as_int() else {
            return;
        };
        entry.tag = if store { Tag::SlotStore } else { Tag::SlotLoad };
        entry.aux = i as u32;
        self.attr_cache_insert(idx, entry);
    }

    /// After a generic method load on an instance without a `__dict__`:
    /// cache the function the class gives.
    pub(super) fn specialize_no_dict_method(&self, obj: Value, key: Value, idx: usize) {
        if self.kind_of(obj) != Some(Kind::Instance)
            || !self.field(obj, 0).is_empty()
            || self.type_flags(self.class_of(obj)) & flags::NSLOTS_MASK == 0
        {
            return;
        }
        let Some((mut entry, Some((depth, at, f)))) = self.pin_class(obj, key, false) else {
            return;
        };
        if self.kind_of(f) != Some(Kind::Function) {
            return;
        }
        entry.tag = Tag::NoDictMethod;
        entry.shape = depth as u32;
        entry.aux = at.as_usize() as u32;
        self.attr_cache_insert(idx, entry);
    }
}
