//! Several mutator threads on one heap: safepoints stop them all, objects
//! allocated by one thread stay valid for the others across moves.

mod common;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use common::*;
use pyvm_gc::{CollectionKind, Config, Heap};

#[test]
fn threads_allocate_share_and_collect_concurrently() {
    let heap = Heap::<Dummy>::new(Config {
        nursery_bytes: 16 * 1024,
        verify: true,
        ..Config::default()
    })
    .unwrap();
    // A shared object made by the main thread, reachable from a persistent root.
    let mut main = heap.mutator(Vec::new()).unwrap();
    let shared = alloc(&mut main, 1, 0).unwrap();
    set(&main, shared, 0, int(99));
    // SAFETY: a live object of this heap (fresh or just read from a root).
    let shared = Arc::new(unsafe { main.persist(shared) });
    let stop = Arc::new(AtomicBool::new(false));
    let started = Arc::new(AtomicUsize::new(0));
    let workers: Vec<_> = (0..3)
        .map(|t| {
            let (heap, shared, stop) = (heap.clone(), shared.clone(), stop.clone());
            let started = started.clone();
            std::thread::spawn(move || {
                let mut m = heap.mutator(vec![NIL]).unwrap();
                started.fetch_add(1, Ordering::SeqCst);
                let mut built = 0;
                while !stop.load(Ordering::Relaxed) || built < 2000 {
                    let o = alloc(&mut m, 2, 0).unwrap();
                    set(&m, o, 0, int(built));
                    let head = m.roots()[0];
                    set(&m, o, 1, head);
                    m.roots_mut()[0] = val(o);
                    built += 1;
                    if built % 500 == 0 {
                        // Drop the list now and then; check the shared object.
                        m.roots_mut()[0] = NIL;
                        let s = shared.get(&m).object_ref();
                        assert_eq!(as_int(get(s, 0)), Some(99));
                    }
                    if t == 0 && built % 3000 == 0 {
                        m.blocking(std::thread::yield_now);
                    }
                }
                // The list is intact after all the collections.
                let mut n = 0;
                let mut v = m.roots()[0];
                while let Some(o) = as_obj(v) {
                    n += 1;
                    v = get(o, 1);
                }
                assert_eq!(n, built % 500);
                built
            })
        })
        .collect();
    while started.load(Ordering::SeqCst) < 3 {
        main.safepoint();
        std::thread::yield_now();
    }
    for _ in 0..20 {
        main.collect(CollectionKind::Major);
        main.safepoint();
    }
    stop.store(true, Ordering::Relaxed);
    // The main thread must not block collections while it waits.
    let total: i64 = main.blocking(|| workers.into_iter().map(|w| w.join().unwrap()).sum());
    assert!(total >= 6000);
    let s = shared.get(&main).object_ref();
    assert_eq!(as_int(get(s, 0)), Some(99));
    // A request that loses the race waits for the winner's collection.
    let stats = heap.stats();
    assert!(stats.major_collections >= 1);
    assert!(stats.minor_collections + stats.major_collections >= 20);
    main.verify().unwrap();
}

#[test]
fn objects_from_a_finished_thread_survive_its_mutator() {
    let heap = Heap::<Dummy>::new(Config {
        verify: true,
        ..Config::default()
    })
    .unwrap();
    let mut main = heap.mutator(Vec::new()).unwrap();
    let token = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let (p, t) = main.blocking(|| {
        let (heap, token) = (heap.clone(), token.clone());
        std::thread::spawn(move || {
            let mut m = heap.mutator(Vec::new()).unwrap();
            let o = alloc(&mut m, 1, 0).unwrap();
            set(&m, o, 0, int(42));
            alloc_native(&mut m, 0, &token).unwrap(); // dies with the thread
            // SAFETY: `o` was just allocated.
            let p = unsafe { m.persist(o) };
            (p, o)
            // `m` is dropped here: its nursery now belongs to the heap.
        })
        .join()
        .unwrap()
    });
    assert_eq!(Arc::strong_count(&token), 2);
    main.collect(CollectionKind::Minor);
    let o = p.get(&main).object_ref();
    assert_ne!(o, t, "evacuated from the finished thread's nursery");
    assert_eq!(as_int(get(o, 0)), Some(42));
    assert_eq!(
        Arc::strong_count(&token),
        1,
        "its dead native object was dropped"
    );
    main.verify().unwrap();
}

#[test]
fn threads_mutate_their_own_lists_under_stress() {
    let heap = Heap::<Dummy>::new(Config::stress(5)).unwrap();
    let workers: Vec<_> = (0..3u64)
        .map(|t| {
            let heap = heap.clone();
            std::thread::spawn(move || {
                let mut m = heap.mutator(vec![NIL]).unwrap();
                let mut model: Vec<i64> = Vec::new();
                let mut x = t + 1;
                for step in 0..1500 {
                    x ^= x << 13;
                    x ^= x >> 7;
                    x ^= x << 17;
                    if x % 4 != 0 || model.is_empty() {
                        // Push a node holding `step` at the front.
                        let o = alloc(&mut m, 2, (x % 3) as usize * 8).unwrap();
                        set(&m, o, 0, int(step));
                        let head = m.roots()[0];
                        set(&m, o, 1, head);
                        m.roots_mut()[0] = val(o);
                        model.insert(0, step);
                    } else {
                        // Pop the front node.
                        let head = as_obj(m.roots()[0]).unwrap();
                        m.roots_mut()[0] = get(head, 1);
                        model.remove(0);
                    }
                    if step % 100 == 0 {
                        let mut seen = Vec::new();
                        let mut v = m.roots()[0];
                        while let Some(o) = as_obj(v) {
                            seen.push(as_int(get(o, 0)).unwrap());
                            v = get(o, 1);
                        }
                        assert_eq!(seen, model, "thread {t} at step {step}");
                    }
                }
            })
        })
        .collect();
    for w in workers {
        w.join().unwrap();
    }
    let s = heap.stats();
    assert!(s.minor_collections > 0 && s.major_collections > 0);
}
