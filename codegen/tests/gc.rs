//! Compiled traces on the real `pyvm-gc` heap under stress: every
//! allocation collects (alternating minor and major collections, heap
//! verified after each, freed memory poisoned), so every object moves while
//! the trace holds references to it, and the inline write barrier (with
//! gc's own constants and slow path) is what keeps old-to-young pointers
//! visible to minor collections (without it, the first minor collection
//! after the container is promoted fails heap verification).

mod common;

use common::parse;
use pyvm_codegen::{CodeCache, CompileOptions, Compiler, VmCtx, WriteBarrier};
use pyvm_gc::barrier::{HEADER_OFFSET, UNLOGGED_BIT, write_barrier_slow};
use pyvm_gc::{Config, Heap, Mutator, ObjectRef, Tracer, VMBinding};
use pyvm_tracer::{SnapId, TraceId};

/// Object payload: `[total words W][reference count R][R references][raw words]`.
struct Toy;

/// The frame the trace runs on, and which of its slots hold references.
struct FrameRoots {
    frame: usize,
    ref_slots: Vec<usize>,
}

fn trace_word<T: Tracer>(slot: *mut u64, t: &mut T) {
    // SAFETY: callers pass slots of live objects or of the live frame.
    unsafe {
        if let Some(r) = ObjectRef::from_address(*slot as usize) {
            *slot = t.trace(r).address() as u64;
        }
    }
}

// SAFETY: object sizes and reference slots are read from the payload layout
// every object of this test is created with.
unsafe impl VMBinding for Toy {
    type MutatorRoots = FrameRoots;

    fn object_size(o: ObjectRef) -> usize {
        // SAFETY: word 0 of every payload is its length in words.
        8 * unsafe { *(o.payload() as *const u64) } as usize
    }

    fn trace_object<T: Tracer>(o: ObjectRef, t: &mut T) {
        let p = o.payload() as *mut u64;
        // SAFETY: word 1 is the reference count; the references follow.
        let refs = unsafe { *p.add(1) } as usize;
        for k in 0..refs {
            // SAFETY: within the payload.
            trace_word(unsafe { p.add(2 + k) }, t);
        }
    }

    fn scan_roots<T: Tracer>(roots: &mut FrameRoots, t: &mut T) {
        for &i in &roots.ref_slots {
            trace_word((roots.frame as *mut u64).wrapping_add(i), t);
        }
    }
}

/// The VM context the trace gets: the mutator's state first (for the
/// barrier's slow path), then the mutator (for allocation helpers).
#[repr(C)]
struct Ctx {
    state: *mut u8,
    mutator: *mut Mutator<Toy>,
}

const LIST_LOOP: &str = "
    trace t0
    helper h0 cell_new(i64) -> ref [alloc collect]
    snap0 [s0 pc 0]
    c = sload.ref s1
    n0 = sload.i64 s2
    loop
    n = phi.i64 n0, vn1
    k = gt.bool n, 0
    snap1 [s0 pc 1] s2=n
    gtrue k snap1
    b = new.ref h0(n)
    head = fload.ref c, +24
    fstore b, +24, head
    fstore c, +24, b
    vn1 = sub.i64 n, 1
    again
";

/// Allocates a list cell `[4, 1, next = 0, value = n]`. May collect.
extern "C" fn cell_new(ctx: *mut VmCtx, n: i64) -> u64 {
    // SAFETY: the context is the test's `Ctx`; no Rust borrow of the
    // mutator is live while the trace runs.
    let m = unsafe { &mut *(*ctx.cast::<Ctx>()).mutator };
    let o = m.alloc(32).expect("heap").object_ref();
    let p = o.payload() as *mut u64;
    // SAFETY: 4 payload words were just allocated.
    unsafe {
        p.write(4);
        p.add(1).write(1);
        p.add(2).write(0);
        p.add(3).write(n as u64);
    }
    o.address() as u64
}

fn options() -> CompileOptions {
    CompileOptions {
        helpers_take_ctx: true,
        spill_clear_word: 0,
        write_barrier: Some(WriteBarrier {
            flag_offset: HEADER_OFFSET as i32,
            flag_mask: UNLOGGED_BIT as u8,
            slow_path: write_barrier_slow::<Toy> as *const () as usize,
            state_offset: Some(0),
        }),
        ..CompileOptions::default()
    }
    .with_helper("cell_new", cell_new as *const () as usize)
}

/// Builds a list of `n` cells through the trace on a stressed heap and
/// returns the values found by walking it afterwards.
fn build_list(n: u64, every: u32) -> Vec<u64> {
    let trace = parse(LIST_LOOP);
    let mut compiler = Compiler::host(options()).unwrap();
    let cache = CodeCache::new(&mut compiler).unwrap();
    let code = cache.compile_and_install(&mut compiler, &trace).unwrap();

    let heap = Heap::<Toy>::new(Config::stress(every)).unwrap();
    let mut frame = vec![0u64; code.frame_words()];
    let mut ref_slots = vec![1];
    ref_slots.extend(code.spill_slots());
    let roots = FrameRoots {
        frame: frame.as_mut_ptr() as usize,
        ref_slots,
    };
    let mut m = heap.mutator(roots).unwrap();
    // The container: `[3, 1, head = 0]`.
    let c = m.alloc(24).unwrap().object_ref();
    let p = c.payload() as *mut u64;
    // SAFETY: 3 payload words were just allocated.
    unsafe {
        p.write(3);
        p.add(1).write(1);
        p.add(2).write(0);
    }
    frame[1] = c.address() as u64;
    frame[2] = n;
    let mut ctx = Ctx {
        state: m.state_ptr(),
        mutator: &mut m,
    };
    let exit = common::enter(
        &cache,
        TraceId(0),
        &mut frame,
        (&mut ctx as *mut Ctx).cast(),
    );
    assert_eq!(exit.snap, SnapId(1));
    assert!(
        code.spill_slots().all(|i| frame[i] == 0),
        "spill slots cleared"
    );
    m.verify().expect("heap verifies after the trace");
    let mut values = Vec::new();
    // SAFETY: the container is rooted by frame slot 1 and nothing collects
    // while we walk.
    let mut cell = unsafe { *((frame[1] as *const u64).add(3)) };
    while cell != 0 {
        // SAFETY: list cells are live objects reachable from the container.
        unsafe {
            values.push(*((cell as *const u64).add(4)));
            cell = *((cell as *const u64).add(3));
        }
    }
    values
}

#[test]
fn a_list_built_by_a_trace_survives_a_collection_at_every_allocation() {
    let values = build_list(200, 1);
    assert_eq!(values, (1..=200).collect::<Vec<_>>());
}

#[test]
fn a_list_built_by_a_trace_survives_occasional_collections() {
    let values = build_list(3000, 7);
    assert_eq!(values, (1..=3000).collect::<Vec<_>>());
}
