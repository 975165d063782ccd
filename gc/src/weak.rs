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
}

/// All weak references of a heap.
#[derive(Debug, Default)]
pub(crate) struct WeakTable {
    slots: Vec<Slot>,
    free: Vec<u32>,
}

impl WeakTable {
    pub(crate) fn create(&mut self, referent: ObjectRef, notify: bool) -> WeakRef {
        if let Some(index) = self.free.pop() {
            let s = &mut self.slots[index as usize];
            s.referent = Some(referent);
            s.live = true;
            s.notify = notify;
            return WeakRef {
                index,
                generation: s.generation,
            };
        }
        let index = u32::try_from(self.slots.len()).expect("more than 2^32 weak references");
        self.slots.push(Slot {
            referent: Some(referent),
            generation: 0,
            live: true,
            notify,
        });
        WeakRef {
            index,
            generation: 0,
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
    /// references created with `notify` are appended to `cleared`.
    /// Returns how many were cleared.
    pub(crate) fn process(
        &mut self,
        mut survivor_of: impl FnMut(ObjectRef) -> Option<ObjectRef>,
        cleared: &mut VecDeque<WeakRef>,
    ) -> u64 {
        let mut n = 0;
        for (index, s) in self.slots.iter_mut().enumerate() {
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
        }
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
        let a = t.create(r(8), false);
        let b = t.create(r(16), true);
        let mut cleared = VecDeque::new();
        let n = t.process(|x| (x == r(8)).then(|| r(800)), &mut cleared);
        assert_eq!(n, 1);
        assert_eq!(t.get(a), Some(r(800)));
        assert_eq!(t.get(b), None);
        assert_eq!(cleared, [b]);
    }

    #[test]
    fn released_slots_are_reused_with_new_generation() {
        let mut t = WeakTable::default();
        let a = t.create(r(8), false);
        t.release(a);
        let b = t.create(r(16), false);
        assert_ne!(a, b);
        assert_eq!(WeakRef::from_bits(b.to_bits()), b);
        assert!(std::panic::catch_unwind(|| t.get(a)).is_err());
    }
}
