//! Behaviour of collections as a VM sees it, through the dummy binding.

mod common;

use std::sync::Arc;
use std::sync::atomic::AtomicUsize;

use common::*;
use pyvm_gc::{CollectionKind, Config, Heap, Mutator, Stress, header};

fn heap(config: Config) -> Mutator<Dummy> {
    Heap::<Dummy>::new(config)
        .unwrap()
        .mutator(Vec::new())
        .unwrap()
}

/// Builds a linked list of `n` nodes [id, next] rooted at roots[0].
fn build_list(m: &mut Mutator<Dummy>, n: i64) {
    m.roots_mut().push(NIL);
    for i in (0..n).rev() {
        let o = alloc(m, 2, 0).unwrap();
        let next = m.roots()[0];
        set(m, o, 0, int(i));
        set(m, o, 1, next);
        m.roots_mut()[0] = val(o);
    }
}

fn list_ids(m: &Mutator<Dummy>) -> Vec<i64> {
    let mut out = Vec::new();
    let mut v = m.roots()[0];
    while let Some(o) = as_obj(v) {
        out.push(as_int(get(o, 0)).unwrap());
        v = get(o, 1);
    }
    out
}

fn header_of(o: pyvm_gc::ObjectRef) -> u64 {
    // SAFETY: reading the header word of a live object.
    unsafe { *(o.address() as *const u64) }
}

#[test]
fn minor_collection_moves_survivors_and_keeps_the_graph() {
    let mut m = heap(Config::default());
    build_list(&mut m, 100);
    let before = as_obj(m.roots()[0]).unwrap();
    m.collect(CollectionKind::Minor);
    let after = as_obj(m.roots()[0]).unwrap();
    assert_ne!(
        before, after,
        "a minor collection must move young survivors"
    );
    assert_eq!(list_ids(&m), (0..100).collect::<Vec<_>>());
    let s = m.stats();
    assert_eq!(s.minor_collections, 1);
    assert!(s.bytes_allocated >= 100 * 32);
    m.verify().unwrap();
}

#[test]
fn objects_are_promoted_after_surviving_promotion_age_minors() {
    let mut m = heap(Config {
        promotion_age: 2,
        compact: false,
        ..Config::default()
    });
    build_list(&mut m, 10);
    m.collect(CollectionKind::Minor);
    let o = as_obj(m.roots()[0]).unwrap();
    assert_eq!(header_of(o) & header::OLD, 0, "age 1 stays young");
    m.collect(CollectionKind::Minor);
    let o = as_obj(m.roots()[0]).unwrap();
    assert_ne!(header_of(o) & header::OLD, 0, "age 2 is promoted");
    assert!(m.stats().bytes_promoted >= 10 * 32);
    // Old objects do not move in a minor collection...
    m.collect(CollectionKind::Minor);
    assert_eq!(as_obj(m.roots()[0]).unwrap(), o);
    // ...but an evacuating major collection moves every one of them.
    m.collect(CollectionKind::Major);
    assert_ne!(as_obj(m.roots()[0]).unwrap(), o);
    assert_eq!(list_ids(&m), (0..10).collect::<Vec<_>>());
    m.verify().unwrap();
}

#[test]
fn write_barrier_keeps_young_objects_referenced_only_from_old_ones() {
    let mut m = heap(Config {
        promotion_age: 1,
        ..Config::default()
    });
    let holder = alloc(&mut m, 1, 0).unwrap();
    m.roots_mut().push(val(holder));
    m.collect(CollectionKind::Minor);
    let holder = as_obj(m.roots()[0]).unwrap();
    assert_ne!(header_of(holder) & header::UNLOGGED, 0);
    for round in 0..5 {
        let young = alloc(&mut m, 1, 0).unwrap();
        set(&m, young, 0, int(round));
        let holder = as_obj(m.roots()[0]).unwrap();
        set(&m, holder, 0, val(young));
        assert_eq!(header_of(holder) & header::UNLOGGED, 0, "barrier logged it");
        // Garbage to make sure the nursery really is recycled.
        for _ in 0..1000 {
            alloc(&mut m, 3, 0).unwrap();
        }
        m.collect(CollectionKind::Minor);
        let holder = as_obj(m.roots()[0]).unwrap();
        let young = as_obj(get(holder, 0)).unwrap();
        assert_eq!(as_int(get(young, 0)), Some(round));
        m.verify().unwrap();
    }
}

#[test]
fn old_object_pointing_into_survivor_space_stays_remembered() {
    // promotion_age 3: the young object survives several minors in the
    // survivor space while only an old object refers to it.
    let mut m = heap(Config {
        promotion_age: 3,
        ..Config::default()
    });
    let holder = alloc(&mut m, 1, 0).unwrap();
    m.roots_mut().push(val(holder));
    m.collect(CollectionKind::Major);
    let holder = as_obj(m.roots()[0]).unwrap();
    let young = alloc(&mut m, 1, 0).unwrap();
    set(&m, young, 0, int(42));
    set(&m, holder, 0, val(young));
    for _ in 0..4 {
        m.collect(CollectionKind::Minor);
        m.verify().unwrap();
        let y = as_obj(get(holder, 0)).unwrap();
        assert_eq!(as_int(get(y, 0)), Some(42));
    }
}

#[test]
fn large_objects_do_not_move_and_are_freed_by_major() {
    let mut m = heap(Config::default());
    let big = alloc(&mut m, 4, 64 * 1024).unwrap();
    assert_ne!(header_of(big) & header::LARGE, 0);
    let small = alloc(&mut m, 1, 0).unwrap();
    set(&m, small, 0, int(7));
    set(&m, big, 0, val(small));
    m.roots_mut().push(val(big));
    m.collect(CollectionKind::Minor);
    m.collect(CollectionKind::Major);
    assert_eq!(as_obj(m.roots()[0]), Some(big), "large objects never move");
    assert_eq!(as_int(get(as_obj(get(big, 0)).unwrap(), 0)), Some(7));
    let heap_with = m.stats().heap_bytes;
    m.roots_mut().clear();
    m.collect(CollectionKind::Major);
    assert!(m.stats().heap_bytes + 64 * 1024 <= heap_with);
    assert_eq!(m.verify().unwrap().large_objects, 0);
}

#[test]
fn identity_survives_moves_and_is_unique() {
    let mut m = heap(Config::default());
    build_list(&mut m, 3);
    let a = as_obj(m.roots()[0]).unwrap();
    let b = as_obj(get(a, 1)).unwrap();
    // SAFETY: a live object of this heap (fresh or just read from a root).
    let (ia, ib) = (unsafe { m.object_id(a) }, unsafe { m.object_id(b) });
    assert_ne!(ia, ib);
    // SAFETY: a live object of this heap (fresh or just read from a root).
    assert_eq!(unsafe { m.object_id(a) }, ia, "stable without moves");
    m.collect(CollectionKind::Minor);
    m.collect(CollectionKind::Major);
    let a2 = as_obj(m.roots()[0]).unwrap();
    let b2 = as_obj(get(a2, 1)).unwrap();
    assert_ne!(a, a2);
    // SAFETY: a live object of this heap (fresh or just read from a root).
    assert_eq!(unsafe { m.object_id(a2) }, ia);
    // SAFETY: a live object of this heap (fresh or just read from a root).
    assert_eq!(unsafe { m.object_id(b2) }, ib);
    assert_ne!(ia.hash64(), ib.hash64());
}

#[test]
fn drop_hooks_run_for_dead_objects_only_once() {
    let token = Arc::new(AtomicUsize::new(0));
    let mut m = heap(Config::default());
    let live = alloc_native(&mut m, 0, &token).unwrap();
    m.roots_mut().push(val(live));
    for _ in 0..10 {
        alloc_native(&mut m, 0, &token).unwrap();
    }
    assert_eq!(Arc::strong_count(&token), 12);
    m.collect(CollectionKind::Minor);
    assert_eq!(Arc::strong_count(&token), 2, "dead young objects dropped");
    m.collect(CollectionKind::Minor);
    m.collect(CollectionKind::Minor);
    assert_eq!(
        Arc::strong_count(&token),
        2,
        "survivor not dropped when moved or promoted"
    );
    m.roots_mut().clear();
    m.collect(CollectionKind::Minor);
    assert_eq!(
        Arc::strong_count(&token),
        2,
        "old objects die only in a major"
    );
    m.collect(CollectionKind::Major);
    assert_eq!(Arc::strong_count(&token), 1);
    assert_eq!(m.stats().objects_dropped, 11);
}

#[test]
fn dropping_the_heap_runs_remaining_drop_hooks() {
    let token = Arc::new(AtomicUsize::new(0));
    {
        let mut m = heap(Config::default());
        let o = alloc_native(&mut m, 0, &token).unwrap();
        m.roots_mut().push(val(o));
        m.collect(CollectionKind::Major);
        alloc_native(&mut m, 0, &token).unwrap();
        assert_eq!(Arc::strong_count(&token), 3);
    }
    assert_eq!(Arc::strong_count(&token), 1);
}

#[test]
fn weak_refs_are_updated_on_move_and_cleared_on_death() {
    let mut m = heap(Config::default());
    let keep = alloc(&mut m, 1, 0).unwrap();
    set(&m, keep, 0, int(1));
    let lose = alloc(&mut m, 1, 0).unwrap();
    m.roots_mut().push(val(keep));
    // SAFETY: a live object of this heap (fresh or just read from a root).
    let wk = unsafe { m.new_weak(keep, false) };
    // SAFETY: a live object of this heap (fresh or just read from a root).
    let wl = unsafe { m.new_weak(lose, true) };
    m.collect(CollectionKind::Minor);
    let keep2 = as_obj(m.roots()[0]).unwrap();
    assert_ne!(keep, keep2);
    assert_eq!(m.weak_get(wk).map(|g| g.object_ref()), Some(keep2));
    assert!(m.weak_get(wl).is_none());
    assert_eq!(m.pop_cleared_weak(), Some(wl));
    assert_eq!(m.pop_cleared_weak(), None);
    m.roots_mut().clear();
    m.collect(CollectionKind::Major);
    assert!(m.weak_get(wk).is_none());
    assert_eq!(m.pop_cleared_weak(), None, "wk was created without notify");
    m.release_weak(wk);
    m.release_weak(wl);
    assert_eq!(m.stats().weak_refs_cleared, 2);
}

#[test]
fn finalizers_resurrect_run_once_and_in_reference_order() {
    let mut m = heap(Config::default());
    // a -> b -> c, all finalizable and unreachable; a is registered last.
    let c = alloc(&mut m, 2, 0).unwrap();
    set(&m, c, 0, int(3));
    m.roots_mut().push(val(c));
    let b = alloc(&mut m, 2, 0).unwrap();
    set(&m, b, 0, int(2));
    set(&m, b, 1, m.roots()[0]);
    m.roots_mut()[0] = val(b);
    let a = alloc(&mut m, 2, 0).unwrap();
    set(&m, a, 0, int(1));
    set(&m, a, 1, m.roots()[0]);
    m.roots_mut()[0] = val(a);
    let (a, b) = (
        as_obj(m.roots()[0]).unwrap(),
        as_obj(get(as_obj(m.roots()[0]).unwrap(), 1)).unwrap(),
    );
    let c = as_obj(get(b, 1)).unwrap();
    // SAFETY: a live object of this heap (fresh or just read from a root).
    unsafe { m.register_finalizer(c) };
    // SAFETY: a live object of this heap (fresh or just read from a root).
    unsafe { m.register_finalizer(b) };
    // SAFETY: a live object of this heap (fresh or just read from a root).
    unsafe { m.register_finalizer(a) };
    // SAFETY: a live object of this heap (fresh or just read from a root).
    let weak_c = unsafe { m.new_weak(c, false) };
    m.collect(CollectionKind::Minor);
    assert_eq!(m.pending_finalizers(), 0, "still reachable");
    m.roots_mut().clear();
    m.collect(CollectionKind::Major);
    assert_eq!(m.pending_finalizers(), 3);
    assert!(
        m.weak_get(weak_c).is_none(),
        "weak refs are cleared before finalizers run"
    );
    let order: Vec<i64> = m.scope(|s| {
        let mut order = Vec::new();
        let mut resurrected = Vec::new();
        while let Some(h) = s.pop_finalizable() {
            resurrected.push(h);
        }
        s.collect(CollectionKind::Major); // queue entries are rooted by their handles
        let resurrected_first = resurrected[0];
        for h in resurrected {
            let o = s.get(h).object_ref();
            order.push(as_int(get(o, 0)).unwrap());
        }
        // Resurrect `a` (and through it b and c) by storing it in a root.
        let a = s.get(resurrected_first).object_ref();
        s.roots_mut().push(val(a));
        order
    });
    assert_eq!(order, vec![1, 2, 3]);
    m.collect(CollectionKind::Major);
    assert_eq!(m.pending_finalizers(), 0);
    assert_eq!(list_ids(&m), vec![1, 2, 3], "resurrected graph intact");
    m.roots_mut().clear();
    m.collect(CollectionKind::Major);
    assert_eq!(m.pending_finalizers(), 0, "a finalizer runs at most once");
    assert_eq!(m.stats().objects_finalized, 3);
    m.verify().unwrap();
}

#[test]
fn allocation_failure_is_an_error_and_the_heap_recovers() {
    let mut m = heap(Config {
        max_heap_bytes: 1 << 20,
        min_major_threshold: 256 * 1024,
        ..Config::default()
    });
    m.roots_mut().push(NIL);
    // Keep everything alive in a chain until the limit is hit.
    let mut failed = false;
    for _ in 0..200_000 {
        match alloc(&mut m, 2, 64) {
            Ok(o) => {
                let head = m.roots()[0];
                set(&m, o, 1, head);
                m.roots_mut()[0] = val(o);
            }
            Err(e) => {
                assert!(e.requested >= 16);
                failed = true;
                break;
            }
        }
    }
    assert!(failed, "a 1 MiB heap cannot hold 200k objects of 88 bytes");
    // Large objects fail the same way, and absurd sizes too.
    assert!(alloc(&mut m, 0, 2 << 20).is_err());
    assert!(m.alloc(usize::MAX).is_err());
    assert!(m.alloc(usize::MAX / 2).is_err());
    // Dropping the data makes room again.
    m.roots_mut()[0] = NIL;
    m.collect(CollectionKind::Major);
    for _ in 0..1000 {
        alloc(&mut m, 2, 64).unwrap();
    }
    assert!(m.stats().heap_bytes <= 1 << 20);
}

#[test]
fn handles_and_persistent_roots_follow_moves() {
    let mut m = heap(Config::default());
    let p = m.scope(|s| {
        let a = s.alloc(16).unwrap();
        let before = s.get(a).object_ref();
        // SAFETY: the payload has two words; slot count 0 means "no slots".
        unsafe { *(s.get(a).payload() as *mut u64) = 0 };
        // SAFETY: a live object of this heap (fresh or just read from a root).
        let p = unsafe { s.persist(before) };
        s.scope(|inner| {
            let b = inner.alloc(8).unwrap();
            inner.collect(CollectionKind::Major);
            assert_ne!(inner.get(a).object_ref(), before, "outer handle updated");
            let _ = inner.get(b);
        });
        assert_eq!(p.get(s).object_ref(), s.get(a).object_ref());
        p
    });
    m.collect(CollectionKind::Minor);
    m.collect(CollectionKind::Major);
    let o = p.get(&m).object_ref();
    assert_eq!(m.verify().unwrap().old_objects, 1);
    drop(p);
    m.collect(CollectionKind::Major);
    assert_eq!(
        m.verify().unwrap().old_objects,
        0,
        "dropped persistent root released {o:?}"
    );
}

#[test]
fn jit_interface_allocates_inline_and_barriers_through_extern_slow_paths() {
    use pyvm_gc::{NURSERY_CURSOR_OFFSET, NURSERY_LIMIT_OFFSET, alloc_slow_extern, barrier};
    let mut m = heap(Config::default());
    let state = m.state_ptr();
    // What emitted code does: bump the cursor if it stays under the limit.
    // SAFETY: the offsets are documented to address the cursor and limit.
    let (cursor, limit) = unsafe {
        (
            state.add(NURSERY_CURSOR_OFFSET) as *mut usize,
            state.add(NURSERY_LIMIT_OFFSET) as *const usize,
        )
    };
    let size = 24;
    assert!(size < m.max_inline_alloc_bytes());
    // SAFETY: reading and bumping our own nursery window.
    let addr = unsafe {
        assert!(*cursor + size <= *limit);
        let a = *cursor;
        *cursor += size;
        a
    };
    let o = pyvm_gc::ObjectRef::from_address(addr).unwrap();
    // SAFETY: inline-allocated memory is zeroed, header included.
    unsafe {
        assert_eq!(*(addr as *const u64), 0);
        *(o.payload() as *mut u64) = 1; // one slot
    }
    m.roots_mut().push(val(o));
    // SAFETY: our own live mutator state, no borrow active.
    let b = unsafe { alloc_slow_extern::<Dummy>(state, 24) };
    assert_ne!(b, 0);
    let b = pyvm_gc::ObjectRef::from_address(b).unwrap();
    // SAFETY: fresh zeroed object.
    unsafe { *(b.payload() as *mut u64) = 1 };
    m.roots_mut().push(val(b));
    m.collect(CollectionKind::Major);
    let old = as_obj(m.roots()[0]).unwrap();
    let young = alloc(&mut m, 1, 0).unwrap();
    set_no_barrier(old, val(young));
    // SAFETY: the header is at HEADER_OFFSET of a live object.
    let h = unsafe { *((old.address() + barrier::HEADER_OFFSET) as *const u64) };
    assert_ne!(
        h & barrier::UNLOGGED_BIT,
        0,
        "fast path would take the slow path"
    );
    // SAFETY: our own state and a live old object.
    unsafe { barrier::write_barrier_slow::<Dummy>(m.state_ptr(), old.address()) };
    m.collect(CollectionKind::Minor);
    let old = as_obj(m.roots()[0]).unwrap();
    assert!(as_obj(get(old, 0)).is_some());
    m.verify().unwrap();
}

#[test]
fn extern_slow_path_rounds_sizes_so_the_nursery_stays_aligned() {
    let mut m = heap(Config::default());
    let state = m.state_ptr();
    for bytes in [0, 1, 12, 17] {
        // SAFETY: our own live mutator state, no borrow active; the size is
        // deliberately not a multiple of 8 (a code generator's mistake).
        let a = unsafe { pyvm_gc::alloc_slow_extern::<Dummy>(state, bytes) };
        assert!(a != 0 && a % 8 == 0, "{bytes} bytes gave address {a:#x}");
        let next = alloc(&mut m, 0, 0).unwrap().address();
        assert_eq!(next % 8, 0, "nursery cursor misaligned after {bytes} bytes");
        assert!(next >= a + bytes.max(8), "objects overlap");
    }
    // SAFETY: as above; a size that cannot be rounded is a failure, not a wrap.
    let huge = unsafe { pyvm_gc::alloc_slow_extern::<Dummy>(state, usize::MAX) };
    assert_eq!(huge, 0);
    m.collect(CollectionKind::Minor);
    m.verify().unwrap();
}

fn set_no_barrier(o: pyvm_gc::ObjectRef, v: Value) {
    // SAFETY: slot 0 exists in the objects this test makes.
    unsafe { *(o.payload() as *mut u64).add(1) = v };
}

#[test]
fn stress_mode_collects_at_every_allocation() {
    let mut m = heap(Config::stress(1));
    build_list(&mut m, 50);
    let s = m.stats();
    assert_eq!(s.minor_collections + s.major_collections, 50);
    assert!(s.major_collections >= 25);
    assert_eq!(list_ids(&m), (0..50).collect::<Vec<_>>());
}

#[test]
fn a_stress_schedule_of_zero_collects_at_every_allocation() {
    // `Stress` has public fields, so a VM can build `every: 0` without going
    // through `Config::stress` (which clamps it); it must mean "every
    // allocation", not underflow a counter.
    let mut m = heap(Config {
        stress: Some(Stress {
            every: 0,
            major_every: 0,
        }),
        ..Config::stress(1)
    });
    build_list(&mut m, 10);
    let s = m.stats();
    assert_eq!(s.minor_collections + s.major_collections, 10);
    assert_eq!(list_ids(&m), (0..10).collect::<Vec<_>>());
}

#[test]
fn an_unbounded_growth_percent_never_schedules_another_major() {
    // `growth_percent` is a public field; `usize::MAX` ("never grow-trigger")
    // must saturate, not overflow inside the collection that computes the
    // next threshold.
    let mut m = heap(Config {
        growth_percent: usize::MAX,
        ..Config::default()
    });
    build_list(&mut m, 100);
    m.collect(CollectionKind::Major);
    build_list(&mut m, 100);
    m.collect(CollectionKind::Minor);
    assert_eq!(m.stats().major_collections, 1, "no major due");
    m.verify().unwrap();
}

#[test]
fn freed_nursery_memory_is_poisoned() {
    let mut m = heap(Config {
        poison: true,
        ..Config::default()
    });
    let dead = alloc(&mut m, 2, 0).unwrap();
    set(&m, dead, 0, int(5));
    let live = alloc(&mut m, 1, 0).unwrap();
    m.roots_mut().push(val(live));
    m.collect(CollectionKind::Minor);
    // SAFETY: the nursery memory is still owned by the mutator; reading the
    // stale object's bytes shows what a dangling reference would see.
    let bytes = unsafe { std::slice::from_raw_parts(dead.address() as *const u8, 32) };
    assert!(bytes.iter().all(|&b| b == pyvm_gc::POISON_BYTE));
    // New allocations are still zeroed.
    let fresh = alloc(&mut m, 2, 0).unwrap();
    assert_eq!(get(fresh, 0), NIL);
    assert_eq!(get(fresh, 1), NIL);
}

#[test]
fn verifier_reports_dangling_references_and_missing_barriers() {
    let mut m = heap(Config {
        promotion_age: 1,
        ..Config::default()
    });
    let old = alloc(&mut m, 1, 0).unwrap();
    m.roots_mut().push(val(old));
    m.collect(CollectionKind::Major);
    m.verify().unwrap();
    let old = as_obj(m.roots()[0]).unwrap();
    let young = alloc(&mut m, 1, 0).unwrap();
    m.roots_mut().push(val(young));
    set_no_barrier(old, val(young));
    let err = m.verify().unwrap_err();
    assert!(err.contains("missing write barrier"), "{err}");
    // SAFETY: a live object of this heap (fresh or just read from a root).
    unsafe { m.write_barrier(old) };
    m.verify().unwrap();
    // A reference into the middle of an object.
    let inner = pyvm_gc::ObjectRef::from_address(young.address() + 8).unwrap();
    set(&m, old, 0, val(inner));
    let err = m.verify().unwrap_err();
    assert!(err.contains("not the start of a live object"), "{err}");
    set(&m, old, 0, NIL);
    m.verify().unwrap();
}

#[test]
fn impossible_allocations_fail_without_a_heap_limit() {
    let mut m = heap(Config::default());
    assert!(m.alloc(1 << 62).is_err());
    assert!(m.alloc(usize::MAX).is_err());
    // The heap is still usable.
    build_list(&mut m, 10);
    m.collect(CollectionKind::Major);
    assert_eq!(list_ids(&m).len(), 10);
}

#[test]
fn pinned_objects_never_move() {
    let mut m = heap(Config::default());
    let g = m.alloc_pinned(16).unwrap();
    // SAFETY: a fresh object with a two-word payload: one slot.
    unsafe { *(g.payload() as *mut u64) = 1 };
    let pinned = g.object_ref();
    let young = alloc(&mut m, 1, 0).unwrap();
    set(&m, young, 0, int(3));
    set(&m, pinned, 0, val(young));
    m.roots_mut().push(val(pinned));
    for _ in 0..3 {
        m.collect(CollectionKind::Minor);
        m.collect(CollectionKind::Major);
        assert_eq!(as_obj(m.roots()[0]), Some(pinned));
    }
    assert_eq!(as_int(get(as_obj(get(pinned, 0)).unwrap(), 0)), Some(3));
    m.roots_mut().clear();
    m.collect(CollectionKind::Major);
    assert_eq!(
        m.verify().unwrap().large_objects,
        0,
        "unreachable pinned object freed"
    );
}

#[test]
fn compacting_major_slides_live_objects_over_dead_ones_and_releases_blocks() {
    let mut m = heap(Config {
        promotion_age: 1,
        block_bytes: 4096,
        ..Config::default()
    });
    assert!(m.heap().config().compact, "compaction is the default");
    build_list(&mut m, 2000); // 32-byte nodes: about 16 blocks
    m.collect(CollectionKind::Minor); // promotes the list in order, head first
    let head = as_obj(m.roots()[0]).unwrap();
    let before = m.stats();
    // Drop the first half of the list (the lower addresses).
    let mut v = m.roots()[0];
    for _ in 0..1000 {
        v = get(as_obj(v).unwrap(), 1);
    }
    let middle = as_obj(v).unwrap();
    m.roots_mut()[0] = v;
    // SAFETY: `middle` is live (just read from the list).
    let id = unsafe { m.object_id(middle) };
    m.collect(CollectionKind::Major);
    let moved = as_obj(m.roots()[0]).unwrap();
    assert_ne!(moved, middle, "live objects slid down over dead ones");
    assert_eq!(
        moved, head,
        "the first survivor takes the first free address"
    );
    // SAFETY: `moved` is live (just read from a root).
    let moved_id = unsafe { m.object_id(moved) };
    assert_eq!(moved_id, id, "the header moved with it");
    assert_eq!(list_ids(&m), (1000..2000).collect::<Vec<_>>());
    let after = m.stats();
    assert_eq!(after.heap_bytes, before.heap_bytes / 2);
    assert!(
        after.reserved_bytes < before.reserved_bytes,
        "emptied blocks released"
    );
    assert_eq!(m.verify().unwrap().old_objects, 1000);
}

#[test]
fn compaction_handles_objects_larger_than_a_block() {
    // 32-byte nodes in 1 KiB blocks, and 3 KiB nodes that get blocks of
    // their own; after dying nodes are unlinked, a big node must skip the
    // small blocks it does not fit while sliding down.
    let mut m = heap(Config {
        promotion_age: 1,
        block_bytes: 1024,
        large_object_bytes: 64 * 1024,
        ..Config::default()
    });
    let pattern: Vec<usize> = (0..3)
        .flat_map(|_| std::iter::repeat_n(0, 40).chain([3000]))
        .collect();
    // Build the list back to front so that the head is pattern[0].
    m.roots_mut().push(NIL);
    for (i, &blob) in pattern.iter().enumerate().rev() {
        let o = alloc(&mut m, 2, blob).unwrap();
        set(&m, o, 0, int(i as i64));
        let head = m.roots()[0];
        set(&m, o, 1, head);
        m.roots_mut()[0] = val(o);
    }
    m.collect(CollectionKind::Minor); // promotes the whole list, head first
    // Unlink the small nodes 10..40 of each group: the first small block
    // keeps some live nodes, the next one dies entirely.
    let keep = |i: usize| pattern[i] != 0 || i % 41 < 10;
    let mut prev = as_obj(m.roots()[0]).unwrap();
    let mut i = 0;
    loop {
        let mut next = get(prev, 1);
        let mut j = i + 1;
        while j < pattern.len() && !keep(j) {
            next = get(as_obj(next).unwrap(), 1);
            j += 1;
        }
        set(&m, prev, 1, next);
        match as_obj(next) {
            Some(n) => (prev, i) = (n, j),
            None => break,
        }
    }
    m.collect(CollectionKind::Major);
    m.verify().unwrap();
    let expected: Vec<i64> = (0..pattern.len())
        .filter(|&i| keep(i))
        .map(|i| i as i64)
        .collect();
    assert_eq!(list_ids(&m), expected);
}

#[test]
fn major_collections_count_young_survivors_as_promoted() {
    let mut m = heap(Config::default());
    build_list(&mut m, 10);
    m.collect(CollectionKind::Major);
    assert_eq!(m.stats().bytes_promoted, 10 * 32);
    m.collect(CollectionKind::Major);
    assert_eq!(
        m.stats().bytes_promoted,
        10 * 32,
        "old objects are not promoted again"
    );
}

#[test]
fn byte_counters_balance_after_a_major_collection() {
    let mut m = heap(Config {
        nursery_bytes: 8 * 1024,
        ..Config::default()
    });
    m.roots_mut().push(NIL);
    for i in 0..5000 {
        let blob = if i % 500 == 0 { 20_000 } else { 8 * (i % 5) };
        let o = alloc(&mut m, 2, blob).unwrap();
        if i % 3 == 0 {
            let head = m.roots()[0];
            set(&m, o, 1, head);
            m.roots_mut()[0] = val(o);
        }
        if i % 1000 == 999 {
            m.collect(CollectionKind::Major);
            let s = m.stats();
            assert_eq!(s.bytes_allocated - s.bytes_freed, s.heap_bytes, "after {i}");
        }
    }
    let s = m.stats();
    assert!(s.minor_collections > 10 && s.bytes_promoted > 0 && s.bytes_freed > 0);
}

/// Builds the unreachable chain 1 -> 2 -> 3 -> 4, registers every node for
/// finalization in `register` order (positions in the chain), collects with
/// `kind`, and returns the ids in the order the queue hands them back.
fn finalization_order(config: Config, kind: CollectionKind, register: &[usize]) -> Vec<i64> {
    let mut m = heap(config);
    build_list(&mut m, 4);
    let mut nodes = Vec::new();
    let mut v = m.roots()[0];
    while let Some(o) = as_obj(v) {
        nodes.push(o);
        v = get(o, 1);
    }
    for &i in register {
        // SAFETY: a live object of this heap, just read from a root.
        unsafe { m.register_finalizer(nodes[i]) };
    }
    m.roots_mut().clear();
    m.collect(kind);
    m.scope(|s| {
        let mut order = Vec::new();
        while let Some(h) = s.pop_finalizable() {
            order.push(as_int(get(s.get(h).object_ref(), 0)).unwrap());
        }
        order
    })
}

#[test]
fn finalization_order_follows_references_whatever_the_registration_order() {
    // Every node reaches every later node, so the only valid order is the
    // chain order, whichever node was registered first (the closure of the
    // first candidate traced passes through the others).
    let evacuate = Config {
        compact: false,
        ..Config::default()
    };
    for register in [[0, 1, 2, 3], [3, 2, 1, 0], [1, 0, 3, 2], [2, 0, 3, 1]] {
        for (config, kind) in [
            (Config::default(), CollectionKind::Minor),
            (Config::default(), CollectionKind::Major),
            (evacuate.clone(), CollectionKind::Major),
        ] {
            assert_eq!(
                finalization_order(config, kind, &register),
                vec![0, 1, 2, 3],
                "registered in order {register:?}, {kind:?} collection"
            );
        }
    }
}

#[test]
fn finalization_order_sees_paths_through_objects_shared_by_closures() {
    // D -> A -> X -> C and B -> X, with X not finalizable; registered as
    // D, B, C, A. B's closure traces X first, so A's path to C runs through
    // an object another candidate already reached: A must still precede C.
    for kind in [CollectionKind::Minor, CollectionKind::Major] {
        let mut m = heap(Config::default());
        let node = |m: &mut Mutator<Dummy>, id: i64| {
            let o = alloc(m, 3, 0).unwrap();
            set(m, o, 0, int(id));
            m.roots_mut().push(val(o));
        };
        for id in 0..5 {
            node(&mut m, id); // D=0, A=1, X=2, C=3, B=4
        }
        let o = |m: &Mutator<Dummy>, i: usize| as_obj(m.roots()[i]).unwrap();
        let link = |m: &Mutator<Dummy>, from: usize, slot: usize, to: usize| {
            set(m, o(m, from), slot, val(o(m, to)));
        };
        link(&m, 0, 1, 1);
        link(&m, 1, 1, 2);
        link(&m, 2, 1, 3);
        link(&m, 4, 1, 2);
        for i in [0, 4, 3, 1] {
            // SAFETY: a live object of this heap, just read from a root.
            unsafe { m.register_finalizer(o(&m, i)) };
        }
        m.roots_mut().clear();
        m.collect(kind);
        let order: Vec<i64> = m.scope(|s| {
            let mut order = Vec::new();
            while let Some(h) = s.pop_finalizable() {
                order.push(as_int(get(s.get(h).object_ref(), 0)).unwrap());
            }
            order
        });
        let pos = |id: i64| order.iter().position(|&x| x == id).unwrap();
        assert_eq!(order.len(), 4, "{kind:?}: {order:?}");
        assert!(pos(0) < pos(1), "{kind:?}: D before A in {order:?}");
        assert!(pos(1) < pos(3), "{kind:?}: A before C in {order:?}");
        assert!(pos(4) < pos(3), "{kind:?}: B before C in {order:?}");
    }
}

#[test]
fn fresh_large_and_pinned_objects_need_no_barrier_either() {
    // The README promises that a freshly allocated object needs no write
    // barrier before the next safepoint. Large and pinned objects are born
    // old, so they must be born remembered for that to hold.
    for pinned in [false, true] {
        let mut m = heap(Config {
            poison: true,
            ..Config::default()
        });
        let leaf = alloc(&mut m, 1, 0).unwrap();
        set(&m, leaf, 0, int(42));
        m.roots_mut().push(val(leaf));
        let holder = if pinned {
            alloc_pinned(&mut m, 1).unwrap()
        } else {
            alloc(&mut m, 1, 64 * 1024).unwrap() // over large_object_bytes
        };
        let leaf = as_obj(m.roots()[0]).unwrap();
        set_no_barrier(holder, val(leaf));
        m.roots_mut()[0] = val(holder);
        m.collect(CollectionKind::Minor);
        let holder = as_obj(m.roots()[0]).unwrap();
        let leaf = as_obj(get(holder, 0)).unwrap();
        assert_eq!(as_int(get(leaf, 0)), Some(42), "pinned: {pinned}");
        m.verify().unwrap();
    }
}
