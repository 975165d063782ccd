//! Collections: the copying tracer shared by minor (`minor.rs`) and major
//! (`major.rs`) collections, finalization ordering (`finalize.rs`),
//! root scanning, and the order of the phases.
//!
//! Phases of every collection (all mutators stopped):
//!
//! 1. flush the mutators' registration lists (finalizers, drop hooks);
//! 2. trace roots: each mutator's VM roots (through the binding), handle
//!    stacks, persistent roots, the finalization queue, and, for a minor
//!    collection, the remembered sets;
//! 3. drain the worklist (each copied or marked object is scanned once);
//! 4. weak references: update survivors, clear the others;
//! 5. finalization: unreachable finalizable objects are resurrected (with
//!    everything they reach) and queued, ordered so that an object reachable
//!    from another queued object comes after it;
//! 6. drop hooks of objects that are still dead run, on intact memory;
//! 7. memory is released: nurseries (zeroed or poisoned), survivor
//!    from-space, old blocks evacuated by a major collection, unmarked large
//!    objects;
//! 8. statistics, then verification if configured.

use std::collections::{HashMap, VecDeque};
use std::marker::PhantomData;
use std::time::Instant;

use crate::binding::VMBinding;
use crate::header::{self, AGE_MASK, AGE_SHIFT, FORWARDED, LARGE, MARK, OLD, UNLOGGED};
use crate::heap::{HeapState, Shared};
use crate::mutator::MutatorState;
use crate::object::{ObjectRef, Tracer};
use crate::space::{OldSpace, Survivors, object_bytes};
use crate::stats::CollectionKind;
/// The copying tracer: evacuates young objects (minor) or every movable
/// object (major), marks large objects (major).
pub(crate) struct Copier<'a, B: VMBinding> {
    /// Where promoted (minor) or evacuated (major) objects go.
    pub(crate) old: &'a mut OldSpace,
    pub(crate) survivors: &'a mut Survivors,
    pub(crate) major: bool,
    /// Major collection that marks old objects in place (for compaction)
    /// instead of evacuating them.
    pub(crate) compact: bool,
    pub(crate) promotion_age: u8,
    pub(crate) worklist: Vec<ObjectRef>,
    /// The object being scanned is old (minor collections only).
    pub(crate) scanning_old: bool,
    /// ... and it was found to point to a young object.
    pub(crate) found_young: bool,
    /// Resurrecting finalization candidates: record the subgraph traced.
    pub(crate) finalizer_phase: bool,
    /// Objects traced in the finalizer phase (new addresses), numbered.
    pub(crate) resurrected: HashMap<ObjectRef, u32>,
    /// Number of the resurrected object being scanned, if any.
    pub(crate) scanning_node: Option<u32>,
    /// (resurrected object, reference it holds), recorded in the finalizer
    /// phase; references to objects outside `resurrected` are dropped later.
    pub(crate) resurrected_edges: Vec<(u32, ObjectRef)>,
    /// Old objects that still point into the young generation.
    pub(crate) remset_out: Vec<ObjectRef>,
    pub(crate) copied_bytes: usize,
    pub(crate) promoted_bytes: usize,
    _binding: PhantomData<B>,
}

impl<B: VMBinding> Tracer for Copier<'_, B> {
    #[inline]
    fn trace(&mut self, r: ObjectRef) -> ObjectRef {
        // SAFETY: the binding reports only references to objects of this
        // heap (binding rules 2 and 3), and from-space memory stays allocated
        // until the collection ends; the same holds for the accesses below.
        let h = unsafe { header::load(r) };
        if h & FORWARDED != 0 {
            let n = header::forwardee(h);
            // SAFETY: see above.
            let nh = unsafe { header::load(n) };
            if self.scanning_old && nh & OLD == 0 {
                self.found_young = true;
            }
            self.record_edge(n);
            return n;
        }
        if self.major {
            if h & LARGE != 0 || (self.compact && h & OLD != 0) {
                if h & MARK == 0 {
                    // SAFETY: see above.
                    unsafe { header::set_bits(r, MARK | UNLOGGED) };
                    self.push_scan(r);
                }
                self.record_edge(r);
                return r;
            }
            return self.copy(r, h);
        }
        if h & OLD != 0 {
            self.record_edge(r);
            return r;
        }
        self.copy(r, h)
    }
}

impl<'a, B: VMBinding> Copier<'a, B> {
    pub(crate) fn new(
        old: &'a mut OldSpace,
        survivors: &'a mut Survivors,
        major: bool,
        promotion_age: u8,
    ) -> Self {
        Copier {
            old,
            survivors,
            major,
            compact: false,
            promotion_age,
            worklist: Vec::new(),
            scanning_old: false,
            found_young: false,
            finalizer_phase: false,
            resurrected: HashMap::new(),
            scanning_node: None,
            resurrected_edges: Vec::new(),
            remset_out: Vec::new(),
            copied_bytes: 0,
            promoted_bytes: 0,
            _binding: PhantomData,
        }
    }

    /// Copies `r` (header `h`) to the survivor space or the old generation,
    /// leaving a forwarding word behind.
    fn copy(&mut self, r: ObjectRef, h: u64) -> ObjectRef {
        let bytes = object_bytes::<B>(r);
        let age = (header::age(h) + 1).min(15);
        let survivor = if self.major || age >= self.promotion_age {
            None
        } else {
            self.survivors.alloc(bytes)
        };
        let (dest, is_old) = match survivor {
            Some(d) => (d, false),
            None => (self.old.alloc(bytes), true),
        };
        copy_words(r.address(), dest, bytes);
        let n = ObjectRef::from_address_unchecked(dest);
        let mut nh = h & !(AGE_MASK | MARK);
        if is_old {
            nh |= OLD | UNLOGGED;
            if h & OLD == 0 {
                self.promoted_bytes += bytes;
            }
        } else {
            nh |= u64::from(age) << AGE_SHIFT;
            if self.scanning_old {
                self.found_young = true;
            }
        }
        // SAFETY: both headers are in memory we own (see above).
        unsafe {
            header::store(n, nh);
            header::store(r, dest as u64 | FORWARDED);
        }
        self.copied_bytes += bytes;
        self.push_scan(n);
        self.record_edge(n);
        n
    }

    /// Queues a just-reached object for scanning; in the finalizer phase,
    /// also numbers it as part of the resurrected subgraph.
    #[inline]
    fn push_scan(&mut self, obj: ObjectRef) {
        if self.finalizer_phase {
            let next = self.resurrected.len() as u32;
            self.resurrected.entry(obj).or_insert(next);
        }
        self.worklist.push(obj);
    }

    /// In the finalizer phase, records that the object being scanned holds
    /// a reference to `to` (its address after this collection).
    #[inline]
    fn record_edge(&mut self, to: ObjectRef) {
        if let Some(from) = self.scanning_node {
            self.resurrected_edges.push((from, to));
        }
    }

    /// Scans one object, keeping it remembered if it is old and still
    /// points into the young generation (minor collections).
    fn scan(&mut self, obj: ObjectRef) {
        // SAFETY: `obj` is a to-space copy or a marked large object.
        let h = unsafe { header::load(obj) };
        self.scanning_old = !self.major && h & OLD != 0;
        self.found_young = false;
        if self.finalizer_phase {
            self.scanning_node = self.resurrected.get(&obj).copied();
        }
        B::trace_object(obj, self);
        self.scanning_node = None;
        if self.scanning_old && self.found_young {
            // SAFETY: as above.
            unsafe { header::clear_bits(obj, UNLOGGED) };
            self.remset_out.push(obj);
        }
        self.scanning_old = false;
    }

    /// Scans a remembered old object (minor collections).
    pub(crate) fn scan_remembered(&mut self, obj: ObjectRef) {
        self.scanning_old = true;
        self.found_young = false;
        B::trace_object(obj, self);
        if self.found_young {
            self.remset_out.push(obj);
        } else {
            // SAFETY: remembered objects are live old objects.
            unsafe { header::set_bits(obj, UNLOGGED) };
        }
        self.scanning_old = false;
    }

    pub(crate) fn drain(&mut self) {
        while let Some(obj) = self.worklist.pop() {
            self.scan(obj);
        }
    }

    /// Where `r` lives after this collection, or `None` if it was not
    /// reached (so far).
    pub(crate) fn survivor_of(&self, r: ObjectRef) -> Option<ObjectRef> {
        // SAFETY: `r` was registered with the heap and its from-space memory
        // is still allocated.
        let h = unsafe { header::load(r) };
        if h & FORWARDED != 0 {
            Some(header::forwardee(h))
        } else if self.major {
            let in_place = h & LARGE != 0 || (self.compact && h & OLD != 0);
            (in_place && h & MARK != 0).then_some(r)
        } else {
            (h & OLD != 0).then_some(r)
        }
    }
}

/// Copies an object of `bytes` (a multiple of 8) from `from` to `to`:
/// small objects word by word (cheaper than a `memcpy` call), others with
/// `memcpy`.
#[inline]
fn copy_words(from: usize, to: usize, bytes: usize) {
    // SAFETY: callers pass a from-space object spanning `bytes` and fresh
    // to-space of the same size; the two never overlap and both are
    // 8-aligned.
    unsafe {
        if bytes <= 64 {
            let (f, t) = (from as *const u64, to as *mut u64);
            for i in 0..bytes / 8 {
                t.add(i).write(f.add(i).read());
            }
        } else {
            core::ptr::copy_nonoverlapping(from as *const u8, to as *mut u8, bytes);
        }
    }
}

/// Runs a collection of `requested` kind (a minor one is followed by a
/// major one when the old generation is due or over its limit).
pub(crate) fn run<B: VMBinding>(
    shared: &Shared<B>,
    st: &mut HeapState<B>,
    requested: CollectionKind,
) {
    flush_registrations(st);
    match requested {
        CollectionKind::Minor => {
            timed(
                shared,
                st,
                CollectionKind::Minor,
                crate::minor::collect_minor,
            );
            if st.old_bytes() >= st.major_threshold || st.old_bytes() > shared.config.max_heap_bytes
            {
                timed(
                    shared,
                    st,
                    CollectionKind::Major,
                    crate::major::collect_major,
                );
            }
        }
        CollectionKind::Major => timed(
            shared,
            st,
            CollectionKind::Major,
            crate::major::collect_major,
        ),
    }
    free_detached(st);
}

fn timed<B: VMBinding>(
    shared: &Shared<B>,
    st: &mut HeapState<B>,
    kind: CollectionKind,
    f: fn(&Shared<B>, &mut HeapState<B>),
) {
    // A panic out of the binding half-way through a collection leaves
    // objects half moved (forwarding words in place of headers, references
    // not yet updated); the heap lock ignores poisoning, so unwinding would
    // let every mutator carry on over a broken heap. Abort instead.
    let guard = AbortOnUnwind(kind);
    let pause = match shared.config.pause_clock {
        None => {
            let t0 = Instant::now();
            f(shared, st);
            t0.elapsed()
        }
        Some(clock) => {
            let t0 = clock();
            f(shared, st);
            clock().saturating_sub(t0)
        }
    };
    core::mem::forget(guard);
    st.stats.record_pause(kind, pause);
    if shared.config.verify
        && let Err(e) = crate::verify::verify_heap(st)
    {
        panic!("heap verification failed after a {kind:?} collection:\n{e}");
    }
}

/// Aborts the process when dropped, i.e. when a collection unwinds (it is
/// forgotten when the collection completes).
struct AbortOnUnwind(CollectionKind);

impl Drop for AbortOnUnwind {
    fn drop(&mut self) {
        eprintln!(
            "pyvm-gc: panic during a {:?} collection (a VMBinding function \
             panicked); the heap is half moved, aborting",
            self.0
        );
        std::process::abort();
    }
}

/// The registered mutators (all stopped while a collection runs).
pub(crate) fn stopped_mutators<B: VMBinding>(st: &HeapState<B>) -> Vec<*mut MutatorState<B>> {
    st.mutators.iter().map(|m| m.as_ptr()).collect()
}

/// Moves the objects mutators registered since the last collection into
/// the heap's lists.
fn flush_registrations<B: VMBinding>(st: &mut HeapState<B>) {
    for m in stopped_mutators(st) {
        // SAFETY: every mutator is stopped; its state is ours.
        let (fin, drops) = unsafe {
            (
                core::mem::take(&mut (*m).new_finalizable),
                core::mem::take(&mut (*m).new_droppable),
            )
        };
        for obj in fin {
            // SAFETY: registered objects are live until this collection.
            let old = unsafe { header::load(obj) } & OLD != 0;
            if old {
                &mut st.finalizable_old
            } else {
                &mut st.finalizable_young
            }
            .push(obj);
        }
        for obj in drops {
            // SAFETY: as above.
            let old = unsafe { header::load(obj) } & OLD != 0;
            if old {
                &mut st.drop_old
            } else {
                &mut st.drop_young
            }
            .push(obj);
        }
    }
}

/// Traces every root but the remembered sets.
pub(crate) fn trace_roots<B: VMBinding>(
    c: &mut Copier<'_, B>,
    ms: &[*mut MutatorState<B>],
    persistent: &mut crate::handle::RootTable,
    queue: &mut VecDeque<ObjectRef>,
) {
    for &m in ms {
        // SAFETY: every mutator is stopped; its state is ours.
        let m = unsafe { &mut *m };
        if let Some(roots) = m.roots.as_mut() {
            B::scan_roots(roots, c);
        }
        for h in m.handles.iter_mut() {
            *h = c.trace(*h);
        }
    }
    for r in persistent.iter_mut() {
        *r = c.trace(*r);
    }
    for r in queue.iter_mut() {
        *r = c.trace(*r);
    }
}

pub(crate) fn young_bytes<B: VMBinding>(
    ms: &[*mut MutatorState<B>],
    survivors: &Survivors,
) -> usize {
    // SAFETY: every mutator is stopped.
    ms.iter()
        .map(|&m| unsafe { (*m).nursery_used() })
        .sum::<usize>()
        + survivors.used_bytes()
}

/// Frees the states of mutators dropped before this collection (their
/// nurseries were just evacuated).
fn free_detached<B: VMBinding>(st: &mut HeapState<B>) {
    st.mutators.retain(|m| {
        // SAFETY: every mutator is stopped; detached states belong to the heap.
        let detached = unsafe { m.as_ref() }.detached;
        if detached {
            // SAFETY: created by `Box::leak` in `Mutator::new`; no `Mutator`
            // refers to it any more and it is removed from the registry.
            drop(unsafe { Box::from_raw(m.as_ptr()) });
        }
        !detached
    });
}
