//! Hidden classes: [`Shape`]s and the [`ShapeTree`] of transitions between them.
//!
//! A shape says which attributes an object has and in which slot each one
//! lives. Adding attribute `x` to an object of shape `S` moves it to the child
//! `S --x--> S'`, and `S'` has one more slot than `S`; objects built by the same
//! sequence of additions therefore share one shape, and reading `obj.x` with an
//! inline cache is "compare the shape id, load the slot".
//!
//! # Structure
//!
//! - Shapes are Rust-side (not on the GC heap) and never freed before their
//!   tree, so a [`ShapeId`] (a `u32`) is a stable identity a guard compares in
//!   one instruction. They live in an append-only arena with lock-free reads.
//! - Each shape is immutable except for its transition table. It holds its
//!   full name → slot table (linear up to 8 names, hashed above), so looking a
//!   name up is O(1) and never walks to the root. The copy this costs is
//!   bounded because a shape has at most [`MAX_SLOTS`] slots; the copy of a
//!   transition table on each new child, by [`MAX_TRANSITIONS`].
//! - Transition tables are immutable maps published through an atomic
//!   pointer: readers (`lookup_transition`, also inside `add_key`) load it
//!   under a crossbeam-epoch guard without locking; a writer takes the tree's
//!   writer lock, copies the table with the new entry, publishes the copy with
//!   a release store and retires the old table to crossbeam-epoch, which frees
//!   it once no reader can hold it. `tests/loom.rs` model-checks this protocol.
//! - Names are [`Symbol`]s: the VM interns attribute names and gives each a
//!   `u32`. Shapes therefore hold no GC references (nothing to trace or update
//!   when objects move) and can be shared between threads.
//!
//! # Dictionary mode
//!
//! [`ShapeTree::add_key`] returns `None` when a shape already has
//! [`MAX_SLOTS`] slots or [`MAX_TRANSITIONS`] children. Those limits,
//! deleting an attribute other than the last-added one, or a non-string key
//! move an object's storage to dictionary mode: its [`Dict`](crate::Dict)
//! becomes a combined hash table and reports the shape
//! [`ShapeId::DICT_MODE`], which no inline cache ever holds. (Deleting the
//! last-added attribute just returns to the parent shape.)
//!
//! # Guards on types
//!
//! Shapes never change, so a guard on a shape never goes stale. What can
//! change is what a VM derived from a type (method lookups, the absence of a
//! data descriptor…): a type keeps a [`VersionTag`](crate::VersionTag) that
//! it bumps on every mutation, and a guard compares the tag; or a
//! [`WatchedVersion`](crate::WatchedVersion), whose `bump` returns the
//! compiled code that registered a dependency on the old value, so the VM
//! invalidates it and the code needs no guard at all.

use crate::arena::Arena;
use crate::symmap::SymbolMap;
use crate::sync::{self, AtomicPtr, Graveyard, Mutex, Ordering};
use std::fmt;
use std::ptr;

/// Most slots a shape may have; one more attribute moves the object to
/// dictionary mode.
pub const MAX_SLOTS: usize = 64;

/// Most transitions out of one shape. Objects that would need another (a
/// program adding ever-new attribute names, `setattr(o, f"a{i}", …)`) go to
/// dictionary mode instead, which bounds both the shapes such a program
/// leaves behind and the cost of copying a transition table.
pub const MAX_TRANSITIONS: usize = 512;

/// An interned attribute name, numbered by the VM (equal names, one symbol).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Symbol(u32);

impl Symbol {
    /// The symbol numbered `index` by the VM's interner.
    pub const fn new(index: u32) -> Symbol {
        Symbol(index)
    }

    /// The VM's number for this symbol.
    pub const fn index(self) -> u32 {
        self.0
    }
}

impl fmt::Debug for Symbol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "sym{}", self.0)
    }
}

/// The stable identity of a shape in its [`ShapeTree`]: what an inline cache
/// or a trace guard compares.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(transparent)]
pub struct ShapeId(u32);

impl ShapeId {
    /// The shape reported by storage in dictionary mode. It is never a real
    /// shape, so every shape guard fails on it.
    pub const DICT_MODE: ShapeId = ShapeId(u32::MAX);

    /// The raw number (for compiled code, which compares it as a 32-bit immediate).
    pub const fn as_u32(self) -> u32 {
        self.0
    }

    /// Rebuild an id from [`as_u32`](Self::as_u32).
    pub const fn from_u32(raw: u32) -> ShapeId {
        ShapeId(raw)
    }
}

impl fmt::Debug for ShapeId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if *self == ShapeId::DICT_MODE {
            f.write_str("shape(dict-mode)")
        } else {
            write!(f, "shape{}", self.0)
        }
    }
}

/// Index of an attribute's slot in an object's storage.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub struct SlotIndex(u32);

impl SlotIndex {
    /// The slot at position `i`.
    pub const fn new(i: u32) -> SlotIndex {
        SlotIndex(i)
    }

    /// The position as a `usize`.
    pub const fn as_usize(self) -> usize {
        self.0 as usize
    }
}

/// A hidden class: an ordered set of attribute names, each with a slot.
pub struct Shape {
    id: ShapeId,
    parent: Option<ShapeId>,
    root: ShapeId,
    slots: SymbolMap<SlotIndex>,
    transitions: AtomicPtr<SymbolMap<ShapeId>>,
}

impl Shape {
    /// This shape's id.
    pub fn id(&self) -> ShapeId {
        self.id
    }

    /// The shape this one was reached from (`None` for a root).
    pub fn parent(&self) -> Option<ShapeId> {
        self.parent
    }

    /// The root this shape descends from (itself for a root).
    pub fn root(&self) -> ShapeId {
        self.root
    }

    /// Number of slots (attributes).
    pub fn len(&self) -> usize {
        self.slots.len()
    }

    /// Whether the shape has no attributes (a root).
    pub fn is_empty(&self) -> bool {
        self.slots.len() == 0
    }

    /// The slot of `name`, if this shape has it. O(1).
    #[inline]
    pub fn slot_of(&self, name: Symbol) -> Option<SlotIndex> {
        self.slots.get(name)
    }

    /// The name stored in `slot`.
    pub fn key_at(&self, slot: SlotIndex) -> Option<Symbol> {
        self.slots.entries().get(slot.as_usize()).map(|e| e.0)
    }

    /// `(name, slot)` pairs in slot order.
    pub(crate) fn slot_entries(&self) -> &[(Symbol, SlotIndex)] {
        self.slots.entries()
    }

    /// The names in slot order (which is the order they were added).
    pub fn keys(&self) -> impl ExactSizeIterator<Item = Symbol> + '_ {
        self.slots.entries().iter().map(|e| e.0)
    }
}

impl fmt::Debug for Shape {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Shape")
            .field("id", &self.id)
            .field("parent", &self.parent)
            .field("keys", &self.keys().collect::<Vec<_>>())
            .finish()
    }
}

impl Drop for Shape {
    fn drop(&mut self) {
        let t = self.transitions.load(Ordering::Acquire);
        if !t.is_null() {
            // SAFETY: the table came from `Box::into_raw` and is owned by this
            // shape (replaced tables were retired separately); `&mut self`
            // means no reader can hold it.
            drop(unsafe { Box::from_raw(t) });
        }
    }
}

/// All shapes of a VM (or of one heap) and the transitions between them.
/// Share it between threads with an `Arc`; every method takes `&self`.
pub struct ShapeTree {
    arena: Arena<Shape>,
    writer: Mutex<()>,
    root: ShapeId,
    graveyard: Graveyard<SymbolMap<ShapeId>>,
}

impl ShapeTree {
    /// A tree holding one empty root shape.
    pub fn new() -> ShapeTree {
        let tree = ShapeTree {
            arena: Arena::new(),
            writer: Mutex::new(()),
            root: ShapeId(0),
            graveyard: sync::new_graveyard(),
        };
        let root = tree.new_root();
        debug_assert_eq!(root, tree.root);
        tree
    }

    /// The shared empty root shape.
    pub fn root(&self) -> ShapeId {
        self.root
    }

    /// A new, separate empty root. A VM that gives each class its own root
    /// gets shapes that also identify the class (one guard checks both).
    pub fn new_root(&self) -> ShapeId {
        let w = self.writer.lock().unwrap_or_else(|e| e.into_inner());
        let id = ShapeId(self.arena.len() as u32);
        let shape = Shape {
            id,
            parent: None,
            root: id,
            slots: SymbolMap::new(),
            transitions: AtomicPtr::new(ptr::null_mut()),
        };
        let got = self.arena.push(&w, shape);
        debug_assert_eq!(got, id.0);
        id
    }

    /// The shape `id`, if it belongs to this tree.
    #[inline]
    pub fn try_get(&self, id: ShapeId) -> Option<&Shape> {
        self.arena.get(id.0)
    }

    /// The shape `id`.
    ///
    /// # Panics
    /// If `id` is not a shape of this tree (e.g. [`ShapeId::DICT_MODE`]).
    #[inline]
    pub fn get(&self, id: ShapeId) -> &Shape {
        match self.try_get(id) {
            Some(s) => s,
            None => panic!("{id:?} is not a shape of this tree"),
        }
    }

    /// Number of shapes created so far.
    pub fn shape_count(&self) -> usize {
        self.arena.len()
    }

    /// The child of `from` for adding `name`, if that transition exists
    /// (`None` also when `from` is not a shape of this tree, e.g.
    /// [`ShapeId::DICT_MODE`]). Lock-free.
    pub fn lookup_transition(&self, from: ShapeId, name: Symbol) -> Option<ShapeId> {
        let shape = self.try_get(from)?;
        let guard = sync::pin();
        let table = shape.transitions.load(Ordering::Acquire);
        if table.is_null() {
            return None;
        }
        // SAFETY: a published table is freed only through `retire`, after
        // every guard pinned before its unlinking is dropped; `guard` was
        // pinned before the load.
        let found = unsafe { &*table }.get(name);
        drop(guard);
        found
    }

    /// The shape reached from `from` by adding `name` (created on first use
    /// and shared afterwards), or `None` when `from` already has
    /// [`MAX_SLOTS`] slots or [`MAX_TRANSITIONS`] children: the object must
    /// go to dictionary mode. Also `None` (nothing created) when `name` is
    /// already a key of `from`, or `from` is not a shape of this tree (e.g.
    /// [`ShapeId::DICT_MODE`]).
    pub fn add_key(&self, from: ShapeId, name: Symbol) -> Option<ShapeId> {
        if let Some(child) = self.lookup_transition(from, name) {
            return Some(child);
        }
        let parent = self.try_get(from)?;
        // A shape never holds a name twice (a split dict over it would hold
        // one key twice); checked in release builds too: this is the slow
        // path that creates shapes.
        if parent.len() >= MAX_SLOTS || parent.slot_of(name).is_some() {
            return None;
        }
        let w = self.writer.lock().unwrap_or_else(|e| e.into_inner());
        // Another writer may have added it between our lookup and the lock.
        let old = parent.transitions.load(Ordering::Acquire);
        // SAFETY: tables are replaced (and retired) only under the writer
        // lock, which we hold, so a non-null `old` stays valid until we
        // retire it below.
        let old_table = unsafe { old.as_ref() };
        if let Some(child) = old_table.and_then(|t| t.get(name)) {
            return Some(child);
        }
        if old_table.is_some_and(|t| t.len() >= MAX_TRANSITIONS) {
            return None;
        }
        let id = ShapeId(self.arena.len() as u32);
        let slot = SlotIndex(parent.len() as u32);
        let child = Shape {
            id,
            parent: Some(from),
            root: parent.root,
            slots: parent.slots.with(name, slot),
            transitions: AtomicPtr::new(ptr::null_mut()),
        };
        let got = self.arena.push(&w, child);
        debug_assert_eq!(got, id.0);
        let table = match old_table {
            None => SymbolMap::new().with(name, id),
            Some(t) => t.with(name, id),
        };
        parent
            .transitions
            .store(Box::into_raw(Box::new(table)), Ordering::Release);
        if !old.is_null() {
            let guard = sync::pin();
            // SAFETY: `old` came from `Box::into_raw`, was just unlinked by the
            // store above (no new reader can load it) and is retired once,
            // here, under the writer lock.
            unsafe { sync::retire(&guard, &self.graveyard, old) };
        }
        Some(id)
    }
}

impl Default for ShapeTree {
    fn default() -> ShapeTree {
        ShapeTree::new()
    }
}

impl fmt::Debug for ShapeTree {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ShapeTree")
            .field("shapes", &self.shape_count())
            .finish()
    }
}

#[cfg(all(test, not(loom)))]
mod tests {
    use super::*;

    fn s(i: u32) -> Symbol {
        Symbol::new(i)
    }

    #[test]
    fn same_additions_share_a_shape() {
        let t = ShapeTree::new();
        let a = t.add_key(t.root(), s(1)).unwrap();
        let ab = t.add_key(a, s(2)).unwrap();
        assert_eq!(t.add_key(t.root(), s(1)), Some(a));
        assert_eq!(t.add_key(a, s(2)), Some(ab));
        let b = t.add_key(t.root(), s(2)).unwrap();
        let ba = t.add_key(b, s(1)).unwrap();
        assert_ne!(ab, ba, "order matters");
        let sh = t.get(ab);
        assert_eq!(sh.slot_of(s(1)), Some(SlotIndex::new(0)));
        assert_eq!(sh.slot_of(s(2)), Some(SlotIndex::new(1)));
        assert_eq!(sh.parent(), Some(a));
        assert_eq!(t.get(ba).slot_of(s(1)), Some(SlotIndex::new(1)));
        assert_eq!(t.shape_count(), 5);
    }

    #[test]
    fn many_children_and_deep_chains_are_found() {
        let t = ShapeTree::new();
        let kids: Vec<_> = (0..200)
            .map(|i| t.add_key(t.root(), s(i)).unwrap())
            .collect();
        for (i, k) in kids.iter().enumerate() {
            assert_eq!(t.lookup_transition(t.root(), s(i as u32)), Some(*k));
        }
        let mut sh = t.root();
        for i in 0..MAX_SLOTS as u32 {
            sh = t.add_key(sh, s(1000 + i)).unwrap();
        }
        assert_eq!(t.add_key(sh, s(5)), None, "past MAX_SLOTS: dictionary mode");
        let deep = t.get(sh);
        for i in 0..MAX_SLOTS as u32 {
            assert_eq!(deep.slot_of(s(1000 + i)), Some(SlotIndex::new(i)));
            assert_eq!(deep.key_at(SlotIndex::new(i)), Some(s(1000 + i)));
        }
    }

    #[test]
    fn too_many_children_means_dictionary_mode() {
        let t = ShapeTree::new();
        for i in 0..MAX_TRANSITIONS as u32 {
            assert!(t.add_key(t.root(), s(i)).is_some());
        }
        assert_eq!(t.add_key(t.root(), s(100_000)), None);
        // Existing transitions are still followed.
        assert!(t.add_key(t.root(), s(3)).is_some());
        assert_eq!(t.shape_count(), 1 + MAX_TRANSITIONS);
    }

    #[test]
    fn ids_from_elsewhere_are_refused_not_panicked_on() {
        // A VM may ask about the shape of any dict, including one in
        // dictionary mode, or hold an id from another tree: no transition,
        // and no new shape (so the caller takes the dictionary-mode path).
        let t = ShapeTree::new();
        assert_eq!(t.lookup_transition(ShapeId::DICT_MODE, s(1)), None);
        assert_eq!(t.add_key(ShapeId::DICT_MODE, s(1)), None);
        assert_eq!(t.lookup_transition(ShapeId::from_u32(7), s(1)), None);
        assert_eq!(t.add_key(ShapeId::from_u32(7), s(1)), None);
        assert_eq!(t.shape_count(), 1);
    }

    #[test]
    fn adding_a_name_the_shape_already_has_is_refused() {
        // Without the check a release build made a shape with the name in
        // two slots: a split dict over it would hold one key twice.
        let t = ShapeTree::new();
        let a = t.add_key(t.root(), s(1)).unwrap();
        let ab = t.add_key(a, s(2)).unwrap();
        assert_eq!(t.add_key(ab, s(1)), None);
        assert_eq!(t.add_key(ab, s(2)), None);
        assert_eq!(t.lookup_transition(ab, s(1)), None);
        assert_eq!(t.shape_count(), 3);
    }

    #[test]
    fn separate_roots_give_separate_shapes() {
        let t = ShapeTree::new();
        let r2 = t.new_root();
        let a1 = t.add_key(t.root(), s(1)).unwrap();
        let a2 = t.add_key(r2, s(1)).unwrap();
        assert_ne!(a1, a2);
        assert_eq!(t.get(a2).root(), r2);
        assert!(t.try_get(ShapeId::DICT_MODE).is_none());
    }

    #[test]
    fn readers_see_consistent_shapes_while_writers_add() {
        let t = std::sync::Arc::new(ShapeTree::new());
        let writers: Vec<_> = (0..2u32)
            .map(|w| {
                let t = t.clone();
                std::thread::spawn(move || {
                    for i in 0..2000u32 {
                        let mut sh = t.root();
                        for depth in 0..(i % 6) {
                            sh = t.add_key(sh, s((i * 7 + depth + w) % 40)).unwrap_or(sh);
                        }
                    }
                })
            })
            .collect();
        let readers: Vec<_> = (0..2)
            .map(|_| {
                let t = t.clone();
                std::thread::spawn(move || {
                    let mut seen = 0;
                    for i in 0..20_000u32 {
                        if let Some(id) = t.lookup_transition(t.root(), s(i % 40)) {
                            let shape = t.get(id);
                            assert_eq!(shape.parent(), Some(t.root()));
                            assert_eq!(shape.key_at(SlotIndex::new(0)), Some(s(i % 40)));
                            for j in 0..40 {
                                if let Some(c) = t.lookup_transition(id, s(j)) {
                                    let child = t.get(c);
                                    assert_eq!(child.len(), 2);
                                    assert_eq!(child.slot_of(s(j)), Some(SlotIndex::new(1)));
                                    seen += 1;
                                }
                            }
                        }
                    }
                    seen
                })
            })
            .collect();
        for w in writers {
            w.join().unwrap();
        }
        for r in readers {
            r.join().unwrap();
        }
    }

    #[test]
    fn concurrent_adders_agree() {
        let t = std::sync::Arc::new(ShapeTree::new());
        let hs: Vec<_> = (0..4)
            .map(|_| {
                let t = t.clone();
                std::thread::spawn(move || {
                    let mut out = Vec::new();
                    for i in 0..300 {
                        let a = t.add_key(t.root(), s(i % 50)).unwrap();
                        out.push((i % 50, t.add_key(a, s(999)).unwrap()));
                    }
                    out
                })
            })
            .collect();
        let results: Vec<_> = hs.into_iter().map(|h| h.join().unwrap()).collect();
        for r in &results[1..] {
            assert_eq!(r, &results[0]);
        }
        assert_eq!(t.shape_count(), 1 + 50 + 50);
    }
}
