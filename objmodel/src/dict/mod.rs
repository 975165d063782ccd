//! Python dicts: insertion-ordered, version-tagged, split or combined.
//!
//! # Layout
//!
//! A [`Dict`] is an off-GC-heap Rust structure (the VM's dict object owns
//! one) in one of two modes:
//!
//! ```text
//!  combined                                  split (an instance's attributes)
//!  index: HashTable<Bucket> ─┐               shape: ShapeId ──► Shape (shared by every
//!    [entry # | hash tag]     │               values: Vec<Value>   instance built the same
//!  entries: Vec<Entry>  ◄─────┘                 slot 0, 1, 2…      way: names → slots)
//!    [hash | key | value]  insertion order
//!    [hash | EMPTY | -  ]  deleted (tombstone)
//! ```
//!
//! - **Combined**: hashbrown's `HashTable` holds indices into an entry vector
//!   kept in insertion order. Entries store the key's hash, so the table never
//!   rehashes a key through the VM and objects moving in the GC heap do not
//!   disturb it. Deleting leaves a tombstone (order of the rest is kept);
//!   tombstones are squeezed out when they outnumber live entries.
//! - **Split** (PEP 412): the keys are a [`Shape`](crate::Shape) shared by all
//!   instances of a class built the same way; only the values are per dict,
//!   in slot order. The instance's attribute storage *is* this dict, so
//!   `obj.__dict__` is a real dict over the instance's slots, and the
//!   shape-guarded fast path ([`Dict::shape`], [`Dict::slot`],
//!   [`Dict::set_slot`]) reads the same memory. Adding a string key follows a
//!   shape transition; deleting the last-added key goes back to the parent
//!   shape; a non-string key, deleting another key, more than
//!   [`MAX_SLOTS`](crate::MAX_SLOTS) keys, or a shape that already has
//!   [`MAX_TRANSITIONS`](crate::MAX_TRANSITIONS) children convert the dict
//!   to combined mode
//!   ("dictionary mode"), after which [`Dict::shape`] is
//!   [`ShapeId::DICT_MODE`] and every shape guard fails.
//!
//! # Versions and re-entrancy
//!
//! Every mutation gives the dict a fresh tag ([`Dict::version`], one load at
//! [`Dict::VERSION_OFFSET`]). A second tag, the *keys version*
//! ([`Dict::keys_version`]), changes only when the set or arrangement of keys
//! changes (not when a value is replaced). It serves two purposes:
//!
//! - a lookup that had to call the VM's `__eq__` compares it afterwards and
//!   restarts if it moved, so equality that mutates the dict being searched
//!   gives CPython's answer ("restart the lookup") and never a stale index;
//! - a VM can cache where a key lives ([`Dict::index_of`]) and re-read it with
//!   [`Dict::value_at`] while the keys version is unchanged, as CPython 3.11's
//!   `LOAD_GLOBAL` cache does: rebinding a global does not invalidate it.

mod host;
mod ops;

pub use host::{DictHost, DictPairHost, KeyOps, Symbols};

use crate::shape::{ShapeId, ShapeTree, SlotIndex, Symbol};
use crate::value::Value;
use crate::version::next_version;
use hashbrown::HashTable;
use std::fmt;
use std::sync::Arc;

/// One slot of a combined dict's entry vector.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Entry {
    pub(crate) hash: u64,
    /// `Value::EMPTY` for a deleted entry.
    pub(crate) key: Value,
    pub(crate) value: Value,
}

/// A key as stored: a value (combined) or a symbol (split).
#[derive(Clone, Copy, Debug)]
enum RawKey {
    Value(Value),
    Symbol(Symbol),
}

/// Storage of a combined dict.
#[derive(Clone, Default)]
struct Combined {
    /// One bucket per live entry (so its length is the dict's length).
    index: HashTable<Bucket>,
    entries: Vec<Entry>,
}

/// A Python dict; see the [module docs](self).
#[repr(C)]
pub struct Dict {
    version: u64,
    shape: ShapeId,
    /// Address of `values`' first element, kept in step with every
    /// reallocation, for compiled attribute loads (`SLOTS_OFFSET`).
    slots_addr: usize,
    values: Vec<Value>,
    tree: Option<Arc<ShapeTree>>,
    comb: Combined,
    /// The keys version (see the module docs); process-unique like `version`.
    layout: u64,
}

/// Where a key lives in a dict (slot of a split dict, entry of a combined
/// one); valid while [`Dict::keys_version`] is unchanged.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct EntryIndex(u32);

impl EntryIndex {
    /// The index at position `i` (a VM that numbers things by where they
    /// sit in a dict that never deletes, e.g. its table of interned names).
    pub const fn new(i: u32) -> EntryIndex {
        EntryIndex(i)
    }

    /// The position as a `usize`.
    pub const fn as_usize(self) -> usize {
        self.0 as usize
    }
}

/// Why iterating a dict stopped with an error (Python's `RuntimeError`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IterError {
    /// The dict's size changed since the iterator was created.
    ChangedSize,
    /// The size is the same but more keys were produced than it had.
    KeysChanged,
}

impl fmt::Display for IterError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            IterError::ChangedSize => "dictionary changed size during iteration",
            IterError::KeysChanged => "dictionary keys changed during iteration",
        })
    }
}

impl std::error::Error for IterError {}

/// A position in a dict that detects mutation, like CPython's dict
/// iterators. It borrows nothing, so the VM can run code (and mutate the
/// dict) between steps.
#[derive(Clone, Debug)]
pub struct DictIter {
    /// Forward: next position to look at. Reverse: one past it.
    pos: usize,
    used: usize,
    remaining: usize,
    failed: bool,
    /// Exhausted (or stopped by `KeysChanged`): yields nothing more, even if
    /// the dict changes afterwards.
    done: bool,
    reverse: bool,
}

impl DictIter {
    /// The next `(key, value)`, `Ok(None)` at the end, or the error Python
    /// raises: `ChangedSize` if `dict` changed size (sticky), `KeysChanged`
    /// if a forward iteration finds more keys than the dict had (after
    /// which the iterator is exhausted). As in CPython, a reversed iteration
    /// does not check for changed keys.
    pub fn next(
        &mut self,
        dict: &Dict,
        syms: &impl Symbols,
    ) -> Result<Option<(Value, Value)>, IterError> {
        if self.done {
            return Ok(None);
        }
        if self.failed || dict.len() != self.used {
            self.failed = true;
            return Err(IterError::ChangedSize);
        }
        let found = if self.reverse {
            dict.item_before(self.pos, syms)
        } else {
            dict.item_from(self.pos, syms)
        };
        let Some((i, key, value)) = found else {
            self.done = true;
            return Ok(None);
        };
        if self.reverse {
            self.pos = i;
            self.remaining = self.remaining.saturating_sub(1);
        } else {
            if self.remaining == 0 {
                self.done = true;
                return Err(IterError::KeysChanged);
            }
            self.pos = i + 1;
            self.remaining -= 1;
        }
        Ok(Some((key, value)))
    }

    /// Items not yet produced (Python's `__length_hint__`).
    pub fn remaining(&self) -> usize {
        self.remaining
    }
}

/// One bucket of the index: an entry number and 32 bits of the mixed hash,
/// so that growing the table and rejecting most non-matching buckets never
/// touch the entry vector (one cache miss fewer on large dicts).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Bucket {
    pub(crate) ix: u32,
    pub(crate) tag: u32,
}

/// The 32-bit tag of a VM hash: the hash's bits mixed by a folded multiply.
/// Python hashes ints to themselves, which would give every key the same
/// 7-bit control byte in hashbrown; mixing restores its filtering. The
/// entry keeps the VM's hash unmixed.
#[inline]
pub(crate) fn tag_of(h: u64) -> u32 {
    let m = (h as u128).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (((m as u64) ^ ((m >> 64) as u64)) >> 32) as u32
}

/// The hash hashbrown sees for a tag (tag bits on top for its control byte,
/// and at the bottom for the bucket position).
#[inline]
pub(crate) fn table_hash(tag: u32) -> u64 {
    ((tag as u64) << 32) | tag as u64
}

/// An allocation failed; the operation changed nothing.
#[derive(Debug)]
pub(crate) struct NoMemory;

/// Room a combined dict gets on its first insertion.
const MIN_CAPACITY: usize = 8;

/// Entries at which tombstones are squeezed out: more tombstones than this
/// plus the number of live entries.
const COMPACT_SLACK: usize = 16;

impl Dict {
    /// Byte offset of the keys version, for compiled guards.
    pub const KEYS_VERSION_OFFSET: usize = std::mem::offset_of!(Dict, layout);
    /// Byte offset of the version tag, for compiled guards.
    pub const VERSION_OFFSET: usize = std::mem::offset_of!(Dict, version);
    /// Byte offset of the shape id (a `u32`), for compiled guards.
    pub const SHAPE_OFFSET: usize = std::mem::offset_of!(Dict, shape);
    /// Byte offset of the address of a split dict's slot array: compiled code
    /// that has checked the shape loads this word, then the `Value` at
    /// `8 * slot` from it. The address changes when a slot is added (never on
    /// a store), so it must be reloaded after anything that can add one; it
    /// is 0 in dictionary mode, where the shape guard fails.
    pub const SLOTS_OFFSET: usize = std::mem::offset_of!(Dict, slots_addr);

    /// An empty combined dict.
    pub fn new() -> Dict {
        Dict::with_capacity(0)
    }

    /// An empty combined dict with room for `n` items. `n` is a hint: if
    /// that much room cannot be allocated, the dict starts empty (and an
    /// insertion that then cannot grow it reports `out_of_memory`).
    pub fn with_capacity(n: usize) -> Dict {
        let version = next_version();
        let mut comb = Combined::default();
        // Both or neither: a failed reservation leaves no half-sized part.
        if comb.entries.try_reserve_exact(n).is_ok()
            && comb.index.try_reserve(n, |b| table_hash(b.tag)).is_err()
        {
            comb.entries = Vec::new();
        }
        Dict {
            version,
            shape: ShapeId::DICT_MODE,
            slots_addr: 0,
            values: Vec::new(),
            tree: None,
            comb,
            layout: version,
        }
    }

    /// An empty split dict (an instance's attribute storage) at the root
    /// shape `root` of `tree` (if `root` is not a root, at its root).
    ///
    /// # Panics
    /// If `root` is not a shape of `tree`.
    pub fn new_split(tree: Arc<ShapeTree>, root: ShapeId) -> Dict {
        let root = tree.get(root).root();
        let version = next_version();
        Dict {
            version,
            shape: root,
            slots_addr: 0,
            values: Vec::new(),
            tree: Some(tree),
            comb: Combined::default(),
            layout: version,
        }
    }

    /// Number of items.
    #[inline]
    pub fn len(&self) -> usize {
        if self.is_split() {
            self.values.len()
        } else {
            self.comb.index.len()
        }
    }

    /// Whether the dict has no items.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The version tag: a new, never-used value after every mutation.
    ///
    /// Moving a split dict to dictionary mode keeps it (the items are the
    /// same) while the slot array goes away: compiled code that loads slots
    /// through [`Dict::SLOTS_OFFSET`] must guard the shape, never only the
    /// version.
    #[inline]
    pub fn version(&self) -> u64 {
        self.version
    }

    /// The keys version: a process-unique tag that changes when a key is
    /// added or removed, the dict is cleared or compacted, or it changes
    /// layout, and stays when only values change.
    #[inline]
    pub fn keys_version(&self) -> u64 {
        self.layout
    }

    /// The value at `at` (from [`Dict::index_of`] while the keys version is
    /// unchanged); `None` if there is no live item there.
    #[inline]
    pub fn value_at(&self, at: EntryIndex) -> Option<Value> {
        if self.is_split() {
            self.values.get(at.as_usize()).copied()
        } else {
            let e = self.comb.entries.get(at.as_usize())?;
            (!e.key.is_empty()).then_some(e.value)
        }
    }

    /// Replace the value at `at` (a new version, same keys version);
    /// `false` if there is no live item there.
    pub fn set_value_at(&mut self, at: EntryIndex, value: Value) -> bool {
        if self.is_split() {
            return self.set_slot(SlotIndex::new(at.0), value);
        }
        match self.comb.entries.get_mut(at.as_usize()) {
            Some(e) if !e.key.is_empty() => {
                e.value = value;
                self.version = next_version();
                true
            }
            _ => false,
        }
    }

    /// The shape of a split dict, [`ShapeId::DICT_MODE`] for a combined one.
    #[inline]
    pub fn shape(&self) -> ShapeId {
        self.shape
    }

    /// Whether the dict is split (its keys are a shape).
    #[inline]
    pub fn is_split(&self) -> bool {
        self.shape != ShapeId::DICT_MODE
    }

    /// The shape tree of a split dict.
    pub fn shape_tree(&self) -> Option<&Arc<ShapeTree>> {
        self.tree.as_ref()
    }

    /// The value in `slot` of a split dict: the attribute-read fast path
    /// after a shape guard. `None` if the slot does not exist.
    #[inline]
    pub fn slot(&self, slot: SlotIndex) -> Option<Value> {
        self.values.get(slot.as_usize()).copied()
    }

    /// Store into `slot` of a split dict (the attribute-write fast path after
    /// a shape guard); returns `false` if the slot does not exist.
    #[inline]
    pub fn set_slot(&mut self, slot: SlotIndex, value: Value) -> bool {
        match self.values.get_mut(slot.as_usize()) {
            Some(v) => {
                *v = value;
                self.version = next_version();
                true
            }
            None => false,
        }
    }

    /// Add an attribute through a transition an inline cache remembered:
    /// if the dict's shape is `from` and `to` is `from`'s child, append
    /// `value` as `to`'s new slot and return `true`; otherwise change
    /// nothing and return `false` (take the slow path).
    pub fn add_slot(&mut self, from: ShapeId, to: ShapeId, value: Value) -> bool {
        if self.shape != from || from == ShapeId::DICT_MODE {
            return false;
        }
        let Some(tree) = &self.tree else { return false };
        match tree.try_get(to) {
            Some(s) if s.parent() == Some(from) && s.len() == self.values.len() + 1 => {}
            _ => return false,
        }
        if self.push_slot(value).is_err() {
            return false;
        }
        self.shape = to;
        self.touch_layout();
        true
    }

    /// Remove every item. A split dict goes back to its root shape.
    pub fn clear(&mut self) {
        if let Some(tree) = &self.tree
            && self.is_split()
        {
            self.shape = tree.get(self.shape).root();
            self.values.clear();
        } else {
            self.comb = Combined::default();
        }
        self.touch_layout();
    }

    /// Remove and return the last-inserted item (Python's `popitem`, LIFO).
    /// A split dict stays split: it returns to the parent shape.
    pub fn pop_item(&mut self, syms: &impl Symbols) -> Option<(Value, Value)> {
        if self.is_split() {
            let tree = self.tree.as_ref()?;
            let shape = tree.get(self.shape);
            let sym = shape.key_at(SlotIndex::new(self.values.len().checked_sub(1)? as u32))?;
            self.shape = shape.parent()?;
            let value = self.values.pop()?;
            self.touch_layout();
            return Some((syms.symbol_key(sym), value));
        }
        while let Some(e) = self.comb.entries.last() {
            if e.key.is_empty() {
                self.comb.entries.pop();
            } else {
                break;
            }
        }
        let ix = self.comb.entries.len().checked_sub(1)?;
        let e = self.comb.entries[ix];
        self.unlink_entry(ix, None);
        self.comb.entries.pop();
        Some((e.key, e.value))
    }

    /// A mutation-detecting iterator position at the start of the dict.
    pub fn iter_start(&self) -> DictIter {
        DictIter {
            pos: 0,
            used: self.len(),
            remaining: self.len(),
            failed: false,
            done: false,
            reverse: false,
        }
    }

    /// A mutation-detecting iterator position at the end of the dict,
    /// producing items newest first (Python's `reversed(d)`).
    pub fn iter_rev_start(&self) -> DictIter {
        let end = if self.is_split() {
            self.values.len()
        } else {
            self.comb.entries.len()
        };
        DictIter {
            pos: end,
            used: self.len(),
            remaining: self.len(),
            failed: false,
            done: false,
            reverse: true,
        }
    }

    /// The items in insertion order (the dict cannot change while borrowed).
    pub fn items<'a, S: Symbols>(
        &'a self,
        syms: &'a S,
    ) -> impl Iterator<Item = (Value, Value)> + 'a {
        // One of the two parts is empty: split keys with slot values, or
        // the combined entries.
        let (split_keys, combined) = match (&self.tree, self.is_split()) {
            (Some(tree), true) => (tree.get(self.shape).slot_entries(), &[][..]),
            _ => (&[][..], &self.comb.entries[..]),
        };
        split_keys
            .iter()
            .zip(&self.values)
            .map(|(&(sym, _), &v)| (syms.symbol_key(sym), v))
            .chain(
                combined
                    .iter()
                    .filter(|e| !e.key.is_empty())
                    .map(|e| (e.key, e.value)),
            )
    }

    /// Let a collector update every heap reference the dict holds (keys and
    /// values): `f` is called with each heap reference and returns the
    /// (possibly moved) reference to store back. Immediates are skipped.
    /// Stored hashes keep the table valid when keys move.
    pub fn update_refs(&mut self, mut f: impl FnMut(Value) -> Value) {
        let mut upd = |v: &mut Value| {
            if v.is_heap() {
                *v = f(*v);
            }
        };
        self.values.iter_mut().for_each(&mut upd);
        for e in &mut self.comb.entries {
            if !e.key.is_empty() {
                upd(&mut e.key);
                upd(&mut e.value);
            }
        }
    }

    /// Check the internal consistency (for tests and debugging): the index
    /// holds each live entry once, counts agree, split values match the shape.
    pub fn check_invariants(&self) -> Result<(), String> {
        if self.is_split() {
            let tree = self.tree.as_ref().ok_or("split dict without a tree")?;
            let n = tree.get(self.shape).len();
            if n != self.values.len() {
                return Err(format!(
                    "shape has {n} slots, dict {} values",
                    self.values.len()
                ));
            }
            return Ok(());
        }
        let c = &self.comb;
        let live = c.entries.iter().filter(|e| !e.key.is_empty()).count();
        if live != c.index.len() {
            return Err(format!("live {live} index {}", c.index.len()));
        }
        for (i, e) in c.entries.iter().enumerate() {
            if e.key.is_empty() {
                continue;
            }
            if c.index
                .find(table_hash(tag_of(e.hash)), |b| b.ix as usize == i)
                .is_none()
            {
                return Err(format!("entry {i} missing from the index"));
            }
        }
        Ok(())
    }

    // ---- internals shared with `ops` ----

    /// The live item at or after position `pos`: `(position, key, value)`.
    fn item_from(&self, pos: usize, syms: &impl Symbols) -> Option<(usize, Value, Value)> {
        let (i, raw, v) = self.raw_item_from(pos)?;
        let k = match raw {
            RawKey::Value(k) => k,
            RawKey::Symbol(s) => syms.symbol_key(s),
        };
        Some((i, k, v))
    }

    /// The live item at the greatest position below `end`.
    fn item_before(&self, end: usize, syms: &impl Symbols) -> Option<(usize, Value, Value)> {
        if self.is_split() {
            let pos = end.min(self.values.len()).checked_sub(1)?;
            let sym = self.split_key_at(pos)?;
            return Some((pos, syms.symbol_key(sym), self.values[pos]));
        }
        let entries = &self.comb.entries[..end.min(self.comb.entries.len())];
        let pos = entries.iter().rposition(|e| !e.key.is_empty())?;
        let e = entries[pos];
        Some((pos, e.key, e.value))
    }

    /// Like `item_from`, with split keys left as symbols.
    fn raw_item_from(&self, pos: usize) -> Option<(usize, RawKey, Value)> {
        if self.is_split() {
            let v = *self.values.get(pos)?;
            let sym = self.split_key_at(pos)?;
            return Some((pos, RawKey::Symbol(sym), v));
        }
        let entries = self.comb.entries.get(pos..)?;
        let off = entries.iter().position(|e| !e.key.is_empty())?;
        let e = entries[off];
        Some((pos + off, RawKey::Value(e.key), e.value))
    }

    /// The symbol of split slot `pos`.
    fn split_key_at(&self, pos: usize) -> Option<Symbol> {
        let tree = self.tree.as_ref()?;
        tree.get(self.shape).key_at(SlotIndex::new(pos as u32))
    }

    /// Append a split slot value, keeping `slots_addr` in step. On
    /// allocation failure nothing changes.
    fn push_slot(&mut self, value: Value) -> Result<(), NoMemory> {
        self.values.try_reserve(1).map_err(|_| NoMemory)?;
        self.values.push(value);
        self.slots_addr = self.values.as_ptr() as usize;
        Ok(())
    }

    /// Record a change of the key set: new version and new keys version.
    fn touch_layout(&mut self) {
        self.version = next_version();
        self.layout = self.version;
    }

    /// Remove entry `ix` from the index and make it a tombstone. `bucket`
    /// is its index-table bucket when a lookup just found it.
    fn unlink_entry(&mut self, ix: usize, bucket: Option<usize>) -> Value {
        let c = &mut self.comb;
        let e = c.entries[ix];
        let known = bucket
            .and_then(|bi| c.index.get_bucket_entry(bi).ok())
            .filter(|o| o.get().ix as usize == ix);
        if let Some(o) = known {
            o.remove();
        } else if let Ok(o) = c
            .index
            .find_entry(table_hash(tag_of(e.hash)), |b| b.ix as usize == ix)
        {
            o.remove();
        }
        c.entries[ix].key = Value::EMPTY;
        c.entries[ix].value = Value::EMPTY;
        self.touch_layout();
        e.value
    }

    /// Append a new entry (the key must be absent). On allocation failure
    /// nothing changes.
    fn push_entry(&mut self, hash: u64, key: Value, value: Value) -> Result<(), NoMemory> {
        if self.comb.entries.len() >= 2 * self.comb.index.len() + COMPACT_SLACK {
            self.compact();
        }
        let Combined { index, entries } = &mut self.comb;
        let ix = u32::try_from(entries.len()).map_err(|_| NoMemory)?;
        // Grow straight to a small dict's usual size (as CPython does), not
        // through 1, 3, 7; both reservations happen before anything changes.
        let want = if entries.capacity() == 0 {
            MIN_CAPACITY
        } else {
            1
        };
        if entries.len() + 1 > entries.capacity() {
            entries.try_reserve(want).map_err(|_| NoMemory)?;
        }
        index
            .try_reserve(want, |b| table_hash(b.tag))
            .map_err(|_| NoMemory)?;
        entries.push(Entry { hash, key, value });
        let tag = tag_of(hash);
        index.insert_unique(table_hash(tag), Bucket { ix, tag }, |b| table_hash(b.tag));
        self.touch_layout();
        Ok(())
    }

    /// Squeeze out tombstones and rebuild the index.
    fn compact(&mut self) {
        let c = &mut self.comb;
        c.entries.retain(|e| !e.key.is_empty());
        c.index.clear();
        for (i, e) in c.entries.iter().enumerate() {
            let tag = tag_of(e.hash);
            c.index
                .insert_unique(table_hash(tag), Bucket { ix: i as u32, tag }, |b| {
                    table_hash(b.tag)
                });
        }
        self.touch_layout();
    }

    /// Replace split storage by combined storage holding `keys` (with their
    /// hashes, in slot order) and the current slot values. The content is
    /// the same, so the version is kept (the layout epoch moves).
    fn become_combined(&mut self, keys: &[(Value, u64)]) -> Result<(), NoMemory> {
        debug_assert_eq!(keys.len(), self.values.len());
        let mut comb = Combined::default();
        let n = keys.len().max(MIN_CAPACITY);
        comb.entries.try_reserve(n).map_err(|_| NoMemory)?;
        comb.index
            .try_reserve(n, |b| table_hash(b.tag))
            .map_err(|_| NoMemory)?;
        let version = self.version;
        let values = std::mem::take(&mut self.values);
        self.slots_addr = 0;
        self.shape = ShapeId::DICT_MODE;
        self.comb = comb;
        for (&(k, h), v) in keys.iter().zip(values) {
            // Room was reserved above: cannot fail.
            self.push_entry(h, k, v)?;
        }
        self.touch_layout();
        self.version = version;
        Ok(())
    }
}

impl Default for Dict {
    fn default() -> Dict {
        Dict::new()
    }
}

impl Clone for Dict {
    /// A copy with a fresh version tag (a split copy shares the shape).
    fn clone(&self) -> Dict {
        let values = self.values.clone();
        let version = next_version();
        Dict {
            version,
            shape: self.shape,
            slots_addr: if values.is_empty() {
                0
            } else {
                values.as_ptr() as usize
            },
            values,
            tree: self.tree.clone(),
            comb: self.comb.clone(),
            layout: version,
        }
    }
}

impl fmt::Debug for Dict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut d = f.debug_struct("Dict");
        d.field("len", &self.len()).field("version", &self.version);
        if self.is_split() {
            d.field("shape", &self.shape).field("values", &self.values);
        } else {
            let items: Vec<_> = self
                .comb
                .entries
                .iter()
                .filter(|e| !e.key.is_empty())
                .map(|e| (e.key, e.value))
                .collect();
            d.field("items", &items);
        }
        d.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Ints;
    impl Symbols for Ints {}
    impl KeyOps for Ints {
        type Error = ();
        fn hash(&mut self, key: Value) -> Result<u64, ()> {
            Ok(key.to_bits())
        }
        fn eq(&mut self, _: Value, _: Value) -> Result<bool, ()> {
            Ok(false)
        }
    }

    #[test]
    fn an_impossible_capacity_is_a_hint_not_a_panic() {
        // The VM passes size hints from user data (`dict.fromkeys`,
        // BUILD_MAP); a hint no allocator can satisfy must not abort.
        for n in [usize::MAX, usize::MAX / 24, 1 << 60] {
            let mut d = Dict::with_capacity(n);
            let k = Value::from_int(1).unwrap();
            assert_eq!(d.insert(&mut Ints, k, Value::TRUE), Ok(None));
            assert_eq!(d.get(&mut Ints, k), Ok(Some(Value::TRUE)));
            assert_eq!(d.len(), 1);
        }
    }
}
