//! Weak references: a table of slots the collector clears when the referent
//! dies and updates when it moves.

use std::collections::VecDeque;

use crate::object::ObjectRef;

/// A weak reference: an index into the heap's weak table plus a generation
/// that makes a released-and-reused slot detectable. Fits in 64 bits so a
/// VM can store it in an object ([`WeakRef::to_bits`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct WeakRef {
    index: u32,
    generation: u32,
}

impl WeakRef {
    /// Packs the reference into a word.
    pub fn to_bits(self) -> u64 {
        (u64::from(self.generation) << 32) | u64::from(self.index)
    }

    /// Unpacks a word made by [`WeakRef::to_bits`].
    pub fn from_bits(bits: u64) -> WeakRef {
        WeakRef {
            index: bits as u32,
            generation: (bits >> 32) as u32,
        }
    }
}

#[derive(Debug)]
struct Slot {
    referent: Option<ObjectRef>,
    generation: u32,
    live: bool,
    notify: bool,
    /// Listed in `young` (so that it is listed at most once).
    in_young: bool,
}

/// All weak references of a heap. Slots whose referent may be young are
/// also listed in `young`, so that a minor collection visits only those.
#[derive(Debug, Default)]
pub(crate) struct WeakTable {
    slots: Vec<Slot>,
    free: Vec<u32>,
    young: Vec<u32>,
}

impl WeakTable {
    /// Creates a weak reference; `young` says whether the referent is in the
    /// young generation.
    pub(crate) fn create(&mut self, referent: ObjectRef, notify: bool, young: bool) -> WeakRef {
        let index = match self.free.pop() {
            Some(index) => {
                let s = &mut self.slots[index as usize];
                s.referent = Some(referent);
                s.live = true;
                s.notify = notify;
                index
            }
            None => {
                let index =
                    u32::try_from(self.slots.len()).expect("more than 2^32 weak references");
                self.slots.push(Slot {
                    referent: Some(referent),
                    generation: 0,
                    live: true,
                    notify,
                    in_young: false,
                });
                index
            }
        };
        let s = &mut self.slots[index as usize];
        if young && !s.in_young {
            s.in_young = true;
            self.young.push(index);
        }
        WeakRef {
            index,
            generation: s.generation,
        }
    }

    fn slot(&self, w: WeakRef) -> Option<&Slot> {
        self.slots
            .get(w.index as usize)
            .filter(|s| s.live && s.generation == w.generation)
    }

    /// The referent, or `None` once cleared. Panics on a released reference.
    pub(crate) fn get(&self, w: WeakRef) -> Option<ObjectRef> {
        match self.slot(w) {
            Some(s) => s.referent,
            None => panic!("use of a released weak reference {w:?}"),
        }
    }

    /// Frees the slot; later use of `w` panics. Releasing twice panics.
    pub(crate) fn release(&mut self, w: WeakRef) {
        assert!(
            self.slot(w).is_some(),
            "double release of weak reference {w:?}"
        );
        let s = &mut self.slots[w.index as usize];
        s.live = false;
        s.referent = None;
        s.generation = s.generation.wrapping_add(1);
        self.free.push(w.index);
    }

    /// Updates referents that survived and clears the others; cleared
    /// references created with `notify` are appended to `cleared`. A minor
    /// collection (`young_only`) visits only the slots listed as young;
    /// `is_young` tells which survivors stay listed. Returns how many were
    /// cleared.
    pub(crate) fn process(
        &mut self,
        young_only: bool,
        mut survivor_of: impl FnMut(ObjectRef) -> Option<ObjectRef>,
        mut is_young: impl FnMut(ObjectRef) -> bool,
        cleared: &mut VecDeque<WeakRef>,
    ) -> u64 {
        let mut n = 0;
        let mut visit = |index: usize, s: &mut Slot| {
            if let Some(r) = s.referent {
                s.referent = survivor_of(r);
                if s.referent.is_none() {
                    n += 1;
                    if s.notify {
                        cleared.push_back(WeakRef {
                            index: index as u32,
                            generation: s.generation,
                        });
                    }
                }
            }
        };
        let mut still_young = Vec::new();
        if young_only {
            for index in core::mem::take(&mut self.young) {
                let s = &mut self.slots[index as usize];
                visit(index as usize, s);
                if s.referent.is_some_and(&mut is_young) {
                    still_young.push(index);
                } else {
                    s.in_young = false;
                }
            }
        } else {
            for (index, s) in self.slots.iter_mut().enumerate() {
                visit(index, s);
                s.in_young = s.referent.is_some_and(&mut is_young);
                if s.in_young {
                    still_young.push(index as u32);
                }
            }
        }
        self.young = still_young;
        n
    }

    pub(crate) fn referents(&self) -> impl Iterator<Item = ObjectRef> + '_ {
        self.slots.iter().filter_map(|s| s.referent)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(a: usize) -> ObjectRef {
        ObjectRef::from_address(a).unwrap()
    }

    #[test]
    fn process_updates_and_clears() {
        let mut t = WeakTable::default();
        let a = t.create(r(8), false, true);
        let b = t.create(r(16), true, true);
        let old = t.create(r(24), false, false);
        let mut cleared = VecDeque::new();
        // A minor collection: 8 moves to 800 (still young), 16 dies, and the
        // old referent 24 is not even looked at.
        let n = t.process(
            true,
            |x| {
                assert_ne!(x, r(24), "old slot visited by a minor collection");
                (x == r(8)).then(|| r(800))
            },
            |_| true,
            &mut cleared,
        );
        assert_eq!(n, 1);
        assert_eq!(t.get(a), Some(r(800)));
        assert_eq!(t.get(b), None);
        assert_eq!(t.get(old), Some(r(24)));
        assert_eq!(cleared, [b]);
        // A major collection visits everything; 800 is promoted to 1600.
        let n = t.process(
            false,
            |x| Some(if x == r(800) { r(1600) } else { x }),
            |_| false,
            &mut cleared,
        );
        assert_eq!(n, 0);
        assert_eq!(t.get(a), Some(r(1600)));
        assert!(t.young.is_empty());
    }

    #[test]
    fn released_slots_are_reused_with_new_generation() {
        let mut t = WeakTable::default();
        let a = t.create(r(8), false, true);
        t.release(a);
        let b = t.create(r(16), false, true);
        assert_eq!(t.young, [0], "a reused slot is listed once");
        assert_ne!(a, b);
        assert_eq!(WeakRef::from_bits(b.to_bits()), b);
        assert!(std::panic::catch_unwind(|| t.get(a)).is_err());
    }
}
