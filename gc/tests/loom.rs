//! Loom model tests of the shared structures: the safepoint handshake
//! (collection excludes running mutators, one collector at a time, blocked
//! threads do not stall collections) and a whole heap driven by two
//! mutator threads (heap lock, identity counter, registration).
//!
//! Run with `RUSTFLAGS="--cfg loom" LOOM_MAX_PREEMPTIONS=2 cargo test
//! --release -p pyvm-gc --test loom`.
#![cfg(loom)]

use loom::sync::Arc;
use loom::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use loom::thread;

use pyvm_gc::{CollectionKind, Config, Handshake, Heap, ObjectRef, Tracer, VMBinding};

#[test]
fn collection_never_overlaps_a_running_mutator() {
    loom::model(|| {
        let h = Arc::new(Handshake::new());
        let inside = Arc::new(AtomicUsize::new(0));
        h.register(); // the collector thread
        h.register(); // the mutator, registered before it starts
        let t = {
            let (h, inside) = (h.clone(), inside.clone());
            thread::spawn(move || {
                for _ in 0..2 {
                    inside.fetch_add(1, Ordering::SeqCst);
                    inside.fetch_sub(1, Ordering::SeqCst);
                    h.poll();
                }
                h.unregister();
            })
        };
        if h.request() {
            assert_eq!(inside.load(Ordering::SeqCst), 0);
            h.release();
        }
        h.unregister();
        t.join().unwrap();
    });
}

#[test]
fn two_requesters_collect_one_at_a_time() {
    loom::model(|| {
        let h = Arc::new(Handshake::new());
        let collecting = Arc::new(AtomicBool::new(false));
        let done = Arc::new(AtomicUsize::new(0));
        h.register();
        h.register();
        let worker = |h: Arc<Handshake>, collecting: Arc<AtomicBool>, done: Arc<AtomicUsize>| {
            move || {
                if h.request() {
                    assert!(!collecting.swap(true, Ordering::SeqCst), "two collectors");
                    collecting.store(false, Ordering::SeqCst);
                    done.fetch_add(1, Ordering::SeqCst);
                    h.release();
                }
                h.unregister();
            }
        };
        let t = thread::spawn(worker(h.clone(), collecting.clone(), done.clone()));
        worker(h.clone(), collecting, done.clone())();
        t.join().unwrap();
        let n = done.load(Ordering::SeqCst);
        assert!((1..=2).contains(&n));
        assert_eq!(h.epoch(), n as u64);
    });
}

#[test]
fn blocked_mutator_does_not_stall_a_collection() {
    loom::model(|| {
        let h = Arc::new(Handshake::new());
        let inside = Arc::new(AtomicUsize::new(0));
        h.register();
        h.register();
        let t = {
            let (h, inside) = (h.clone(), inside.clone());
            thread::spawn(move || {
                h.enter_blocked();
                // Blocking work; the collector may run meanwhile.
                h.leave_blocked();
                inside.fetch_add(1, Ordering::SeqCst);
                inside.fetch_sub(1, Ordering::SeqCst);
                h.unregister();
            })
        };
        assert!(h.request(), "the only other mutator is blocked or gone");
        assert_eq!(inside.load(Ordering::SeqCst), 0);
        h.release();
        h.unregister();
        t.join().unwrap();
    });
}

/// Objects: payload = [slot count][slots as bare addresses or 0].
struct Vm;

fn slots(o: ObjectRef) -> usize {
    // SAFETY: every object starts with its slot count.
    unsafe { *(o.payload() as *const usize) }
}

// SAFETY: sizes come from the slot count written at allocation.
unsafe impl VMBinding for Vm {
    type MutatorRoots = Vec<ObjectRef>;
    fn object_size(o: ObjectRef) -> usize {
        8 + 8 * slots(o)
    }
    fn trace_object<T: Tracer>(o: ObjectRef, t: &mut T) {
        for i in 0..slots(o) {
            // SAFETY: in-bounds slot.
            unsafe {
                let p = (o.payload() as *mut usize).add(1 + i);
                if let Some(r) = ObjectRef::from_address(*p) {
                    *p = t.trace(r).address();
                }
            }
        }
    }
    fn scan_roots<T: Tracer>(roots: &mut Vec<ObjectRef>, t: &mut T) {
        roots.iter_mut().for_each(|r| t.trace_slot(r));
    }
}

#[test]
fn two_mutator_threads_allocate_and_collect() {
    loom::model(|| {
        let config = Config {
            nursery_bytes: 64,
            survivor_bytes: 64,
            block_bytes: 256,
            verify: true,
            ..Config::default()
        };
        let heap = Heap::<Vm>::new(config).unwrap();
        let shared_obj = {
            let mut m = heap.mutator(Vec::new()).unwrap();
            let o = m.alloc(8).unwrap();
            // SAFETY: fresh object with a one-word payload.
            unsafe { *(o.payload() as *mut usize) = 0 };
            let o = o.object_ref();
            // SAFETY: a live object of this heap (fresh or just read from a root).
            let id = unsafe { m.object_id(o) };
            // SAFETY: a live object of this heap (fresh or just read from a root).
            (unsafe { m.persist(o) }, id)
        };
        let shared_obj = Arc::new(shared_obj);
        let spawn = |heap: Heap<Vm>, shared_obj: Arc<_>| {
            move || {
                let mut m = heap.mutator(Vec::new()).unwrap();
                for _ in 0..3 {
                    let o = m.alloc(8).unwrap();
                    // SAFETY: fresh object with a one-word payload.
                    unsafe { *(o.payload() as *mut usize) = 0 };
                    let o = o.object_ref();
                    m.roots_mut().push(o);
                }
                m.collect(CollectionKind::Minor);
                let (p, id): &(pyvm_gc::Persistent<Vm>, _) = &shared_obj;
                let o = p.get(&m).object_ref();
                // SAFETY: a live object of this heap (fresh or just read from a root).
                let now = unsafe { m.object_id(o) };
                assert_eq!(now, *id, "identity survives moves by any thread");
                m.roots().len()
            }
        };
        let t = thread::spawn(spawn(heap.clone(), shared_obj.clone()));
        let a = spawn(heap.clone(), shared_obj.clone())();
        let b = t.join().unwrap();
        assert_eq!((a, b), (3, 3));
        let s = heap.stats();
        // A thread that loses the race waits for the winner's collection.
        assert!(s.minor_collections >= 1);
    });
}

#[test]
fn persistent_roots_dropped_by_another_thread_during_collections() {
    loom::model(|| {
        let heap = Heap::<Vm>::new(Config {
            nursery_bytes: 64,
            compact: false, // evacuation: every major moves the object
            ..Config::default()
        })
        .unwrap();
        let mut m = heap.mutator(Vec::new()).unwrap();
        let o = m.alloc(8).unwrap();
        // SAFETY: fresh object with a one-word payload.
        unsafe { *(o.payload() as *mut usize) = 0 };
        let o = o.object_ref();
        // SAFETY: a live object of this heap (fresh or just read from a root).
        let p1 = unsafe { m.persist(o) };
        // SAFETY: a live object of this heap (fresh or just read from a root).
        let p2 = unsafe { m.persist(o) };
        let t = thread::spawn(move || drop(p1));
        m.collect(CollectionKind::Major);
        let moved = p2.get(&m).object_ref();
        t.join().unwrap();
        m.collect(CollectionKind::Major);
        assert_ne!(
            p2.get(&m).object_ref(),
            moved,
            "the remaining root follows the move"
        );
        drop(p2);
        m.collect(CollectionKind::Major);
        assert_eq!(m.verify().unwrap().old_objects, 0);
    });
}
