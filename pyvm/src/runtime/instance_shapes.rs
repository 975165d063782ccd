//! Instance attributes in split dicts (PEP 412 / hidden classes).
//!
//! The `__dict__` of an instance of a user class (kind `Instance`) is an
//! objmodel split dict: its keys are a shape of the VM's one
//! [`ShapeTree`](pyvm_objmodel::ShapeTree) (`Vm::shapes`), its values the
//! attribute slots. Every class hierarchy gets its own root shape (a
//! subclass of a plain user class takes its first base's), made when the
//! first instance is, and kept in bits [`ROOT_SHIFT`].. of the class's
//! flags word: instances built the same way share shapes across the
//! hierarchy (so a method of a base class sees one shape), and the
//! transition fan-out of a root stays small. Shapes therefore do not
//! identify the class; the caches never rely on that. The dict is a full dict: a non-str key,
//! deleting an attribute other than the last added, or more than
//! `MAX_SLOTS` attributes turn it into a combined dict (objmodel does it),
//! and it stays one.
//!
//! **Symbols.** Shapes name keys by [`Symbol`]: here a symbol is the entry
//! index of the interned string in the VM's table of interned names
//! (`intern.rs`, a combined dict that never deletes, so the index of a
//! name never changes). `symbol_of` answers for exact strs equal to an
//! interned name (every attribute name in code is one); a name made at
//! run time (`setattr(o, 'a' + b, v)`) is interned when stored into a
//! split dict (`intern_attr_key`, up to a bound), other keys make the
//! dict combined. Attribute caches guard on the shape
//! (`interp/attr_cache.rs`).

use std::sync::atomic::{AtomicU32, Ordering};

use pyvm_gc::Mutator;
use pyvm_objmodel::{Dict, EntryIndex, ShapeId, Symbol, Value};

use super::binding::Binding;
use super::class_create::flags;
use super::exception::PyResult;
use super::heap::Vm;
use super::intern::INTERNED;
use super::keys::Keys;
use super::layout::{Kind, RECORD_PREFIX_WORDS, TypeField, split_kind_word};
use super::types::TypeId;
use crate::str_hash::HashSecret;

/// Bit position of a class's root shape (plus one; 0: none yet) in its
/// flags word.
pub const ROOT_SHIFT: u32 = 24;
/// Interned names stay as long as the VM: attribute names made at run time
/// are interned only while the table is smaller than this (past it, such
/// an attribute makes its instance dict combined instead).
const MAX_INTERNED_ATTRS: usize = 1 << 16;
/// Mask of the root field (after shifting).
const ROOT_MASK: i64 = (1 << 24) - 1;

/// The dict box of a live dict object (no fields: the off-heap word follows
/// the prefix).
fn dict_box(d: Value) -> Option<&'static mut Dict> {
    let p = Vm::words(d)?;
    // SAFETY: `d` is a live heap object read from a root; its kind word is
    // its first payload word.
    if split_kind_word(unsafe { *p }).0 != Some(Kind::Dict) {
        return None;
    }
    // SAFETY: a dict record has no fields; its off-heap word is a live
    // `Box<Dict>`, borrowed only for this non-allocating operation.
    unsafe { (*p.add(RECORD_PREFIX_WORDS) as *mut Dict).as_mut() }
}

/// The table of interned names, if it exists yet.
fn interned_table(m: &Mutator<Binding>) -> Option<&'static mut Dict> {
    let d = *m.roots().globals.get(Vm::aux_slot(INTERNED))?;
    if d.is_empty() {
        return None;
    }
    dict_box(d)
}

/// Entries of the symbol cache (a power of two).
const SYM_CACHE: usize = 1024;

/// A direct-mapped cache from a str's address to its symbol (plus one; 0:
/// empty). An entry is only a hint: it is used when the interned table
/// holds exactly `key` at that symbol, so stale entries (after the
/// collector moved strings, or from another VM in the process) and racing
/// writers are harmless.
static SYMBOLS: [AtomicU32; SYM_CACHE] = [const { AtomicU32::new(0) }; SYM_CACHE];

fn sym_cache_slot(key: Value) -> usize {
    ((key.to_bits() >> 3) as usize ^ (key.to_bits() >> 13) as usize) & (SYM_CACHE - 1)
}

/// The symbol of `key` (an exact str equal to an interned name).
pub(crate) fn symbol_of(m: &Mutator<Binding>, secret: HashSecret, key: Value) -> Option<Symbol> {
    let slot = sym_cache_slot(key);
    let hint = SYMBOLS[slot].load(Ordering::Relaxed);
    if hint != 0 {
        let table = interned_table(m)?;
        if table.value_at(EntryIndex::new(hint - 1)) == Some(key) {
            return Some(Symbol::new(hint - 1));
        }
    }
    let sym = symbol_lookup(m, secret, key)?;
    if symbol_key(m, sym) == key {
        SYMBOLS[slot].store(sym.index() + 1, Ordering::Relaxed);
    }
    Some(sym)
}

/// [`symbol_of`] without the cache.
fn symbol_lookup(m: &Mutator<Binding>, secret: HashSecret, key: Value) -> Option<Symbol> {
    let p = Vm::words(key)?;
    // SAFETY: a live heap key: kind word, then class.
    let (kind, class) = unsafe { (split_kind_word(*p).0, Value::from_bits(*p.add(1))) };
    if kind != Some(Kind::Str) || class != m.roots().globals[TypeId::Str as usize] {
        return None;
    }
    let table = interned_table(m)?;
    let at = table.index_of(&mut Keys { m, secret }, key).ok()??;
    let at = u32::try_from(at.as_usize())
        .ok()
        .filter(|&i| i < u32::MAX)?;
    Some(Symbol::new(at))
}

/// The interned str of `sym`.
pub(crate) fn symbol_key(m: &Mutator<Binding>, sym: Symbol) -> Value {
    interned_table(m)
        .and_then(|t| t.value_at(EntryIndex::new(sym.index())))
        .unwrap_or(Value::NONE)
}

impl Vm {
    /// The root shape of class `t`'s instances (made at the first call).
    fn instance_root(&mut self, t: Value) -> ShapeId {
        let fl = self.type_flags(t);
        let r = (fl >> ROOT_SHIFT) & ROOT_MASK;
        if r != 0 {
            return ShapeId::from_u32(r as u32 - 1);
        }
        // A subclass of a plain user class shares its base's root: the
        // instances of a hierarchy are usually built by the same
        // `__init__`s, so one site sees one shape for all of them.
        let mro = self.field(t, TypeField::Mro as usize);
        let base = match self.kind_of(mro) {
            Some(Kind::Tuple) => self.tuple_items(mro).get(1).copied(),
            _ => None,
        };
        let root = match base {
            Some(b)
                if self.kind_of(b) == Some(Kind::Type)
                    && self.is_heap_type(b)
                    && self.field(b, TypeField::InstanceKind as usize).as_int()
                        == Some(Kind::Instance as i64) =>
            {
                self.instance_root(b)
            }
            _ => self.shapes.new_root(),
        };
        let stored = i64::from(root.as_u32()) + 1;
        if stored <= ROOT_MASK {
            let fl = (fl & !(ROOT_MASK << ROOT_SHIFT)) | (stored << ROOT_SHIFT);
            if let Some(v) = Value::from_int(fl) {
                self.set_field(t, TypeField::Flags as usize, v);
            }
        }
        root
    }

    /// A new, empty instance `__dict__` for class `t`: a split dict at the
    /// class's root shape.
    pub fn new_instance_dict(&mut self, t: Value) -> PyResult<Value> {
        let root = self.instance_root(t);
        let class = self.ty(TypeId::Dict);
        let boxed = Box::into_raw(Box::new(Dict::new_split(self.shapes.clone(), root)));
        let r = self.alloc_record(Kind::Dict, class, &[], boxed as u64);
        if r.is_err() {
            // SAFETY: the box was not handed to any object.
            drop(unsafe { Box::from_raw(boxed) });
        }
        r
    }

    /// The `(shape, slot)` of `key` in the split dict `d`, if it is there.
    pub(crate) fn split_slot(
        &self,
        d: Value,
        key: Value,
    ) -> Option<(ShapeId, pyvm_objmodel::SlotIndex)> {
        let dict = self.dict_mut(d);
        if !dict.is_split() {
            return None;
        }
        let sym = symbol_of(&self.m, self.secret, key)?;
        let shape = dict.shape();
        Some((shape, self.shapes.get(shape).slot_of(sym)?))
    }

    /// Before storing the attribute named by the str at temp `key` into
    /// the dict `d`: if `d` is split and the name has no symbol yet, intern
    /// it (as CPython interns `setattr` names), so the dict stays split.
    /// Returns `d` (re-read after the allocation interning may do).
    pub(crate) fn intern_attr_key(&mut self, d: Value, key: usize) -> PyResult<Value> {
        let k = self.temp(key);
        if self.kind_of(d) != Some(Kind::Dict)
            || !self.dict_mut(d).is_split()
            || self.kind_of(k) != Some(Kind::Str)
            || self.class_of(k) != self.ty(TypeId::Str)
            || symbol_of(&self.m, self.secret, k).is_some()
            || interned_table(&self.m).is_none_or(|t| t.len() >= MAX_INTERNED_ATTRS)
        {
            return Ok(d);
        }
        let di = self.push_temp(d);
        let r = self.intern(k);
        let d = self.temp(di);
        self.pop_temps(di);
        self.roots().temps[key] = r?;
        Ok(d)
    }

    /// Whether class `t` keeps its instances' attributes on the fast path
    /// (no data descriptor or attribute hook in its MRO).
    #[inline]
    pub(crate) fn plain_attr_class(&self, t: Value) -> bool {
        self.type_flags(t) & flags::SLOW_ATTR == 0
    }
}
