//! Randomized model test: random object graphs, random mutations and
//! collections under stress mode (every collection verifies the heap), with
//! the heap's graph checked against a shadow model after every step. Now and
//! then the roots move to a fresh mutator and the old one is dropped.
//!
//! `PYVM_GC_MODEL_SEEDS=N` changes the number of seeds (default 2000),
//! `PYVM_GC_MODEL_STEPS=N` the steps per seed (default 120).

mod common;

use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::sync::atomic::AtomicUsize;

use common::*;
use pyvm_gc::{CollectionKind, Config, Heap, Mutator, ObjectId, ObjectRef, Persistent, WeakRef};

/// xorshift64*: small, seeded, good enough to pick operations.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

const ROOTS: usize = 12;

#[derive(Clone, Debug)]
struct ModelObject {
    fields: Vec<Option<u64>>,
    native: bool,
}

/// The shadow model: object ids, their fields, and the roots.
struct Model {
    objects: HashMap<u64, ModelObject>,
    roots: Vec<Option<u64>>,
    persistent: Vec<(Persistent<Dummy>, u64)>,
    weak: Vec<(WeakRef, u64, bool)>,
    /// Objects that went through finalization (weak refs to them may be
    /// cleared although they are reachable again).
    tainted: HashSet<u64>,
    /// Registered for finalization and not finalized yet.
    finalizable: HashSet<u64>,
    /// Identities asked for (every third object), which must never change.
    identities: HashMap<u64, ObjectId>,
    next_id: u64,
}

impl Model {
    fn reachable(&self) -> HashSet<u64> {
        let mut seen = HashSet::new();
        let mut stack: Vec<u64> = self.roots.iter().flatten().copied().collect();
        stack.extend(self.persistent.iter().map(|p| p.1));
        while let Some(id) = stack.pop() {
            if seen.insert(id) {
                stack.extend(self.objects[&id].fields.iter().flatten().copied());
            }
        }
        seen
    }

    fn closure_of(&self, id: u64) -> HashSet<u64> {
        let mut seen = HashSet::new();
        let mut stack = vec![id];
        while let Some(id) = stack.pop() {
            if seen.insert(id) {
                stack.extend(self.objects[&id].fields.iter().flatten().copied());
            }
        }
        seen
    }
}

fn id_of(o: ObjectRef) -> u64 {
    as_int(get(o, 0)).expect("slot 0 holds the id") as u64
}

fn root_obj(m: &Mutator<Dummy>, i: usize) -> Option<ObjectRef> {
    as_obj(m.roots()[i])
}

/// Compares the heap reachable from the roots with the model.
fn check(m: &Mutator<Dummy>, model: &mut Model) {
    let mut addr_of: HashMap<u64, ObjectRef> = HashMap::new();
    let mut stack: Vec<(Option<ObjectRef>, Option<u64>)> = (0..ROOTS)
        .map(|i| (root_obj(m, i), model.roots[i]))
        .collect();
    for (p, id) in &model.persistent {
        stack.push((Some(p.get(m).object_ref()), Some(*id)));
    }
    while let Some((real, expected)) = stack.pop() {
        match (real, expected) {
            (None, None) => {}
            (Some(o), Some(id)) => {
                assert_eq!(id_of(o), id, "object identity mismatch");
                if let Some(&seen) = addr_of.get(&id) {
                    assert_eq!(seen, o, "one model object reached at two addresses");
                    continue;
                }
                addr_of.insert(id, o);
                if id % 3 == 0 {
                    // SAFETY: `o` was just reached from a root.
                    let oid = unsafe { m.object_id(o) };
                    assert_eq!(
                        *model.identities.entry(id).or_insert(oid),
                        oid,
                        "identity changed"
                    );
                }
                let mo = &model.objects[&id];
                assert_eq!(slot_count(o), mo.fields.len() + 1);
                if mo.native {
                    // The native word is cleared by the drop hook.
                    // SAFETY: native objects have one blob word after the slots.
                    let w = unsafe { *(o.payload() as *const u64).add(1 + slot_count(o)) };
                    assert_ne!(w, 0, "drop hook ran on a reachable object");
                }
                for (k, f) in mo.fields.iter().enumerate() {
                    stack.push((as_obj(get(o, k + 1)), *f));
                }
            }
            (r, e) => panic!("root/field mismatch: heap {r:?}, model {e:?}"),
        }
    }
    let reachable = model.reachable();
    for &(w, target, _) in &model.weak {
        match m.weak_get(w) {
            Some(g) => assert_eq!(id_of(g.object_ref()), target, "weak ref points elsewhere"),
            None => assert!(
                !reachable.contains(&target) || model.tainted.contains(&target),
                "weak ref to a reachable object was cleared"
            ),
        }
    }
}

/// Pops the finalization queue: each object must be unreachable and
/// registered; some are resurrected into a root.
fn drain_finalizers(m: &mut Mutator<Dummy>, model: &mut Model, rng: &mut Rng) {
    let reachable = model.reachable();
    let popped: Vec<(u64, Option<usize>)> = m.scope(|s| {
        let mut out = Vec::new();
        while let Some(h) = s.pop_finalizable() {
            let o = s.get(h).object_ref();
            let id = id_of(o);
            let slot = rng.chance(30).then(|| rng.below(ROOTS));
            if let Some(i) = slot {
                s.roots_mut()[i] = val(o);
            }
            out.push((id, slot));
        }
        out
    });
    // An object comes out before the objects its closure reaches (those in
    // a cycle with it excepted).
    let closures: Vec<HashSet<u64>> = popped.iter().map(|p| model.closure_of(p.0)).collect();
    for (i, (first, _)) in popped.iter().enumerate() {
        for (j, (later, _)) in popped.iter().enumerate().skip(i + 1) {
            assert!(
                !closures[j].contains(first) || closures[i].contains(later),
                "finalizer order: {first} came before {later}, which reaches it"
            );
        }
    }
    for (id, slot) in popped {
        assert!(
            !reachable.contains(&id),
            "finalizer queued for a reachable object {id}"
        );
        assert!(
            model.finalizable.remove(&id),
            "object {id} finalized twice or unregistered"
        );
        let closure = model.closure_of(id);
        model.tainted.extend(closure);
        if let Some(i) = slot {
            model.roots[i] = Some(id);
        }
    }
}

fn alloc_object(
    m: &mut Mutator<Dummy>,
    model: &mut Model,
    rng: &mut Rng,
    token: &Arc<AtomicUsize>,
) -> ObjectRef {
    let fields = 1 + rng.below(4);
    let native = rng.chance(10);
    let o = if native {
        alloc_native(m, fields + 1, token).unwrap()
    } else if rng.chance(3) {
        alloc(m, fields + 1, 600).unwrap() // large object space
    } else if rng.chance(2) {
        alloc_pinned(m, fields + 1).unwrap()
    } else {
        alloc(m, fields + 1, 0).unwrap()
    };
    let id = model.next_id;
    model.next_id += 1;
    set(m, o, 0, int(id as i64));
    model.objects.insert(
        id,
        ModelObject {
            fields: vec![None; fields],
            native,
        },
    );
    o
}

fn run_seed(seed: u64, steps: usize) {
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let stress_every = 1 + rng.below(6) as u32;
    let config = Config {
        nursery_bytes: 2048 << rng.below(3),
        survivor_bytes: 512 << rng.below(3),
        // Blocks are sometimes smaller than the biggest young objects, which
        // then get blocks of their own.
        block_bytes: 256 << rng.below(4),
        large_object_bytes: 512 << rng.below(3),
        min_major_threshold: 16 * 1024,
        promotion_age: 1 + rng.below(3) as u8,
        // Half the seeds compact instead of evacuating at major collections.
        compact: seed % 2 == 1,
        ..Config::stress(stress_every)
    };
    let token = Arc::new(AtomicUsize::new(0));
    {
        let heap = Heap::<Dummy>::new(config).unwrap();
        let mut m = heap.mutator(vec![NIL; ROOTS]).unwrap();
        let mut model = Model {
            objects: HashMap::new(),
            roots: vec![None; ROOTS],
            persistent: Vec::new(),
            weak: Vec::new(),
            tainted: HashSet::new(),
            finalizable: HashSet::new(),
            identities: HashMap::new(),
            next_id: 1,
        };
        for _ in 0..steps {
            if rng.chance(2) {
                // The VM moves its roots to a new mutator and drops the old
                // one, whose nursery the heap takes over.
                let roots = std::mem::take(m.roots_mut());
                m = heap.mutator(roots).unwrap();
            }
            step(&mut m, &mut model, &mut rng, &token);
            drain_finalizers(&mut m, &mut model, &mut rng);
            check(&m, &mut model);
        }
        // Everything dies: drop hooks and finalizers must all have run.
        model.roots.iter_mut().for_each(|r| *r = None);
        m.roots_mut().iter_mut().for_each(|r| *r = NIL);
        model.persistent.clear();
        for _ in 0..3 {
            m.collect(CollectionKind::Major);
            drain_finalizers(&mut m, &mut model, &mut Rng(1));
            model.roots.iter_mut().for_each(|r| *r = None);
            m.roots_mut().iter_mut().for_each(|r| *r = NIL);
        }
        m.collect(CollectionKind::Major);
        let stats = m.stats();
        assert!(stats.minor_collections > 0 && stats.major_collections > 0);
        assert!(
            model.finalizable.is_empty(),
            "finalizers never ran: {:?}",
            model.finalizable
        );
        let report = m.verify().unwrap();
        assert_eq!(
            report.old_objects + report.large_objects,
            0,
            "garbage survived"
        );
        assert_eq!(
            Arc::strong_count(&token),
            1,
            "drop hooks missed (seed {seed})"
        );
        for (w, _, _) in model.weak.drain(..) {
            assert!(m.weak_get(w).is_none());
            m.release_weak(w);
        }
    }
}

fn step(m: &mut Mutator<Dummy>, model: &mut Model, rng: &mut Rng, token: &Arc<AtomicUsize>) {
    let i = rng.below(ROOTS);
    let j = rng.below(ROOTS);
    match rng.below(100) {
        // Allocate into a root.
        0..=29 => {
            let o = alloc_object(m, model, rng, token);
            m.roots_mut()[i] = val(o);
            model.roots[i] = Some(model.next_id - 1);
        }
        // Store root j (or nil) into a field of root i.
        30..=49 => {
            if let (Some(o), Some(id)) = (root_obj(m, i), model.roots[i]) {
                let k = rng.below(model.objects[&id].fields.len());
                let (v, t) = if rng.chance(15) {
                    (NIL, None)
                } else {
                    (m.roots()[j], model.roots[j])
                };
                set(m, o, k + 1, v);
                model.objects.get_mut(&id).unwrap().fields[k] = t;
            }
        }
        // Load a field of root i into root j.
        50..=64 => {
            if let (Some(o), Some(id)) = (root_obj(m, i), model.roots[i]) {
                let k = rng.below(model.objects[&id].fields.len());
                m.roots_mut()[j] = get(o, k + 1);
                model.roots[j] = model.objects[&id].fields[k];
            }
        }
        // Drop a root.
        65..=72 => {
            m.roots_mut()[i] = NIL;
            model.roots[i] = None;
        }
        // Build a small chain in a handle scope, then root its head.
        73..=80 => {
            let n = 1 + rng.below(4);
            let mut ids = Vec::new();
            let head = m.scope(|s| {
                let mut hs = Vec::new();
                for _ in 0..n {
                    let o = alloc_object(s, model, rng, token);
                    ids.push(model.next_id - 1);
                    // SAFETY: a live object of this heap (fresh or just read from a root).
                    hs.push(unsafe { s.root(o) });
                }
                for w in hs.windows(2) {
                    let (a, b) = (s.get(w[0]).object_ref(), s.get(w[1]).object_ref());
                    set(s, a, 1, val(b));
                }
                s.get(hs[0]).object_ref()
            });
            for w in ids.windows(2) {
                model.objects.get_mut(&w[0]).unwrap().fields[0] = Some(w[1]);
            }
            m.roots_mut()[i] = val(head);
            model.roots[i] = Some(ids[0]);
        }
        // Weak reference to root i.
        81..=85 => {
            if let (Some(o), Some(id)) = (root_obj(m, i), model.roots[i]) {
                let notify = rng.chance(50);
                // SAFETY: a live object of this heap (fresh or just read from a root).
                let w = unsafe { m.new_weak(o, notify) };
                model.weak.push((w, id, notify));
            }
        }
        // Register a finalizer for root i.
        86..=89 => {
            if let (Some(o), Some(id)) = (root_obj(m, i), model.roots[i])
                && !model.tainted.contains(&id)
            {
                // SAFETY: a live object of this heap (fresh or just read from a root).
                unsafe { m.register_finalizer(o) };
                model.finalizable.insert(id);
            }
        }
        // Persistent root for root i, or drop one.
        90..=92 => {
            if rng.chance(50) && !model.persistent.is_empty() {
                let k = rng.below(model.persistent.len());
                model.persistent.swap_remove(k);
            } else if let (Some(o), Some(id)) = (root_obj(m, i), model.roots[i]) {
                // SAFETY: a live object of this heap (fresh or just read from a root).
                model.persistent.push((unsafe { m.persist(o) }, id));
            }
        }
        // Explicit collections; after a major, unreachable weak targets are
        // cleared.
        93..=96 => m.collect(CollectionKind::Minor),
        _ => {
            m.collect(CollectionKind::Major);
            let reachable = model.reachable();
            for &(w, target, _) in &model.weak {
                if !reachable.contains(&target) {
                    assert!(m.weak_get(w).is_none(), "dead weak target survived a major");
                }
            }
            while let Some(w) = m.pop_cleared_weak() {
                let (_, _, notify) = model.weak.iter().find(|x| x.0 == w).copied().unwrap();
                assert!(notify, "cleared weak ref reported without notify");
            }
        }
    }
}

#[test]
fn random_graphs_match_the_model_under_stress() {
    let seeds: u64 = std::env::var("PYVM_GC_MODEL_SEEDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(2000);
    let steps: usize = std::env::var("PYVM_GC_MODEL_STEPS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(120);
    for seed in 0..seeds {
        run_seed(seed, steps);
    }
}
