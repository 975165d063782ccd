//! The heap value: spaces, lists and tables shared by all mutators.

use std::collections::VecDeque;
use std::ptr::NonNull;

use crate::binding::VMBinding;
use crate::config::{AllocError, Config};
use crate::handle::RootTable;
use crate::los::LargeSpace;
use crate::mutator::{Mutator, MutatorState};
use crate::object::ObjectRef;
use crate::safepoint::Handshake;
use crate::space::{OldSpace, Survivors};
use crate::stats::Stats;
use crate::sync::{Arc, AtomicU64, Mutex, lock};
use crate::weak::{WeakRef, WeakTable};

/// A garbage-collected heap. Cheap to clone (all clones are the same heap);
/// `Send + Sync`, so threads can each make their own [`Mutator`].
pub struct Heap<B: VMBinding> {
    pub(crate) shared: Arc<Shared<B>>,
}

impl<B: VMBinding> Clone for Heap<B> {
    fn clone(&self) -> Self {
        Heap {
            shared: self.shared.clone(),
        }
    }
}

/// What every mutator of one heap shares.
pub(crate) struct Shared<B: VMBinding> {
    pub(crate) config: Config,
    pub(crate) handshake: Handshake,
    pub(crate) state: Mutex<HeapState<B>>,
    /// Next identity to hand out (see [`crate::ObjectId`]).
    pub(crate) next_id: AtomicU64,
}

/// The spaces a collection copies between.
pub(crate) struct Spaces {
    pub(crate) old: OldSpace,
    pub(crate) survivors: Survivors,
    pub(crate) los: LargeSpace,
}

/// Everything behind the heap lock.
pub(crate) struct HeapState<B: VMBinding> {
    /// Registered mutators (detached ones wait for the next collection to
    /// evacuate their nursery, then are freed).
    pub(crate) mutators: Vec<NonNull<MutatorState<B>>>,
    pub(crate) spaces: Spaces,
    /// Old objects that still point into the survivor space after a minor
    /// collection (their unlogged bit stays clear).
    pub(crate) remset_carry: Vec<ObjectRef>,
    pub(crate) persistent: RootTable,
    pub(crate) weak: WeakTable,
    pub(crate) finalizable_young: Vec<ObjectRef>,
    pub(crate) finalizable_old: Vec<ObjectRef>,
    pub(crate) drop_young: Vec<ObjectRef>,
    pub(crate) drop_old: Vec<ObjectRef>,
    /// Unreachable finalizable objects, kept alive until the VM takes them.
    pub(crate) finalize_queue: VecDeque<ObjectRef>,
    /// Cleared weak references created with `notify`.
    pub(crate) cleared_weak: VecDeque<WeakRef>,
    pub(crate) stats: Stats,
    /// Old-generation bytes at which a major collection is due.
    pub(crate) major_threshold: usize,
}

// SAFETY: the raw mutator-state pointers are only dereferenced by the thread
// that owns the mutator, or by the collector while every mutator is stopped
// by the handshake; everything else is owned data.
unsafe impl<B: VMBinding> Send for HeapState<B> {}

impl<B: VMBinding> HeapState<B> {
    /// Old blocks plus large objects, the quantity limited by
    /// [`Config::max_heap_bytes`].
    pub(crate) fn old_bytes(&self) -> usize {
        self.spaces.old.used_bytes() + self.spaces.los.bytes()
    }
}

impl<B: VMBinding> Heap<B> {
    /// Creates a heap. Fails only if the survivor spaces cannot be reserved.
    pub fn new(config: Config) -> Result<Heap<B>, AllocError> {
        assert!(config.nursery_bytes >= 64, "nursery too small");
        assert!(config.promotion_age >= 1 && config.promotion_age <= 15);
        let survivors = Survivors::new(config.survivor_bytes).ok_or(AllocError {
            requested: config.survivor_bytes,
        })?;
        let state = HeapState {
            mutators: Vec::new(),
            spaces: Spaces {
                old: OldSpace::new(config.block_bytes),
                survivors,
                los: LargeSpace::new(),
            },
            remset_carry: Vec::new(),
            persistent: RootTable::default(),
            weak: WeakTable::default(),
            finalizable_young: Vec::new(),
            finalizable_old: Vec::new(),
            drop_young: Vec::new(),
            drop_old: Vec::new(),
            finalize_queue: VecDeque::new(),
            cleared_weak: VecDeque::new(),
            stats: Stats::default(),
            major_threshold: config.min_major_threshold,
        };
        Ok(Heap {
            shared: Arc::new(Shared {
                config,
                handshake: Handshake::new(),
                state: Mutex::new(state),
                next_id: AtomicU64::new(1),
            }),
        })
    }

    /// The configuration this heap was made with.
    pub fn config(&self) -> &Config {
        &self.shared.config
    }

    /// Registers the calling thread as a new mutator with the VM's roots for
    /// it. The mutator must poll [`Mutator::safepoint`] regularly (or
    /// allocate) so that other threads can collect, and one thread must not
    /// run two mutators of the same heap at once: a collection requested
    /// through one would wait forever for the other to reach a safepoint
    /// (keep the idle one inside [`Mutator::blocking`], or drop it).
    pub fn mutator(&self, roots: B::MutatorRoots) -> Result<Mutator<B>, AllocError> {
        Mutator::new(self.shared.clone(), roots)
    }

    /// A snapshot of the statistics.
    pub fn stats(&self) -> Stats {
        self.shared.stats()
    }
}

impl<B: VMBinding> Shared<B> {
    pub(crate) fn stats(&self) -> Stats {
        let st = lock(&self.state);
        let mut s = st.stats;
        s.heap_bytes = st.old_bytes() as u64;
        let nurseries: usize = st
            .mutators
            .iter()
            // SAFETY: registered states stay allocated while registered (the
            // heap lock keeps `free_detached` out). The place projection
            // borrows only `eden`, which never changes after creation; a
            // reference to the whole state would overlap the nursery cursor
            // its running owner writes concurrently.
            .map(|m| unsafe { (*m.as_ptr()).eden.len() })
            .sum();
        s.reserved_bytes = (st.spaces.old.reserved_bytes()
            + st.spaces.los.bytes()
            + 2 * st.spaces.survivors.current().len()
            + nurseries) as u64;
        s
    }
}

impl<B: VMBinding> Drop for Shared<B> {
    fn drop(&mut self) {
        let st = match self.state.get_mut() {
            Ok(s) => s,
            Err(p) => p.into_inner(),
        };
        // Every mutator holds a reference to the heap, so all are detached.
        let states: Vec<_> = st
            .mutators
            .drain(..)
            // SAFETY: detached states are owned by the heap (see
            // `Mutator::drop`); nothing else refers to them any more.
            .map(|m| unsafe { Box::from_raw(m.as_ptr()) })
            .collect();
        for m in &states {
            st.drop_young.extend(m.new_droppable.iter().copied());
        }
        // Native cleanup for every object that still holds outside memory,
        // while every space (nurseries included) is still allocated.
        for obj in st.drop_young.drain(..).chain(st.drop_old.drain(..)) {
            B::drop_object(obj);
        }
        drop(states);
    }
}
