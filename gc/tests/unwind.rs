//! A panic out of the binding during a collection aborts the process: the
//! heap is half moved at that point, and unwinding would let the VM carry on
//! over it (the heap lock ignores poisoning).

use std::process::Command;
use std::sync::atomic::{AtomicBool, Ordering};

use pyvm_gc::{CollectionKind, Config, Heap, ObjectRef, Tracer, VMBinding};

/// Set in the child process to make tracing panic.
static PANIC_IN_TRACE: AtomicBool = AtomicBool::new(false);

/// Objects: payload = [number of reference slots][slot]...
struct Fragile;

// SAFETY: sizes come from the slot count written at allocation; tracing
// visits each slot once and writes it back (or panics, which is the point).
unsafe impl VMBinding for Fragile {
    type MutatorRoots = Vec<ObjectRef>;
    fn object_size(o: ObjectRef) -> usize {
        // SAFETY: every object starts with its slot count.
        8 + 8 * unsafe { *(o.payload() as *const usize) }
    }
    fn trace_object<T: Tracer>(o: ObjectRef, t: &mut T) {
        assert!(
            !PANIC_IN_TRACE.load(Ordering::Relaxed),
            "binding bug while tracing"
        );
        // SAFETY: as in `object_size`.
        let n = unsafe { *(o.payload() as *const usize) };
        for i in 0..n {
            // SAFETY: slot `i` is inside the payload.
            let slot = unsafe { (o.payload() as *mut usize).add(1 + i) };
            // SAFETY: as above.
            if let Some(r) = ObjectRef::from_address(unsafe { *slot }) {
                // SAFETY: as above.
                unsafe { *slot = t.trace(r).address() };
            }
        }
    }
    fn scan_roots<T: Tracer>(roots: &mut Vec<ObjectRef>, t: &mut T) {
        roots.iter_mut().for_each(|r| t.trace_slot(r));
    }
}

const CHILD: &str = "PYVM_GC_UNWIND_CHILD";

#[test]
fn a_panicking_binding_aborts_the_collection() {
    if std::env::var_os(CHILD).is_some() {
        let heap = Heap::<Fragile>::new(Config::default()).unwrap();
        let mut m = heap.mutator(Vec::new()).unwrap();
        let leaf = m.alloc(8).unwrap().object_ref();
        let pair = m.alloc(16).unwrap();
        // SAFETY: a fresh object with room for a count and one slot.
        unsafe {
            *(pair.payload() as *mut usize) = 1;
            *(pair.payload() as *mut usize).add(1) = leaf.address();
        }
        let pair = pair.object_ref();
        m.roots_mut().push(pair);
        PANIC_IN_TRACE.store(true, Ordering::Relaxed);
        let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            m.collect(CollectionKind::Minor);
        }));
        // Only reached if the collector let the panic unwind.
        PANIC_IN_TRACE.store(false, Ordering::Relaxed);
        assert!(caught.is_err());
        println!("CONTINUED AFTER A HALF-DONE COLLECTION");
        return;
    }
    let out = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "a_panicking_binding_aborts_the_collection",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD, "1")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !stdout.contains("CONTINUED"),
        "the VM kept running over a half-moved heap:\n{stdout}"
    );
    assert!(
        !out.status.success(),
        "child succeeded:\n{stdout}\n{stderr}"
    );
    assert!(
        stderr.contains("half moved, aborting"),
        "no abort message:\n{stderr}"
    );
}
