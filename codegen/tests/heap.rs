//! Traces that touch VM memory and call VM helpers: field and pointer
//! loads and stores, version guards, the inline write barrier, raising
//! helpers, rebuilding sunk allocations on exit, and a moving collector
//! running inside a helper call.

mod common;

use common::{parse, run_native_ctx};
use pyvm_codegen::{CodeCache, CompileOptions, Compiler, VmCtx, WriteBarrier};
use pyvm_tracer::{SnapId, TraceId};

/// A toy VM: objects are 4-word boxes (word 0 a header whose low byte holds
/// GC flags), references are their addresses, and a "collection" moves
/// every object the frame references to a fresh box, poisoning the old one.
#[derive(Default)]
struct ToyVm {
    frame: *mut u64,
    frame_words: usize,
    // Boxed so that object addresses stay put while the vector grows.
    #[allow(clippy::vec_box)]
    objects: Vec<Box<[u64; 4]>>,
    barrier_hits: Vec<u64>,
    collections: usize,
    calls: Vec<i64>,
}

const POISON: u64 = 0xdead_dead_dead_dead;
const REMEMBER: u64 = 0x80;

impl ToyVm {
    fn alloc(&mut self, words: [u64; 4]) -> u64 {
        self.objects.push(Box::new(words));
        self.objects.last().unwrap().as_ptr() as u64
    }

    fn is_object(&self, w: u64) -> bool {
        self.objects.iter().any(|o| o.as_ptr() as u64 == w)
    }

    /// Moves every object named by a frame word and updates the word.
    fn collect(&mut self) {
        self.collections += 1;
        for i in 0..self.frame_words {
            // SAFETY: the test sets `frame`/`frame_words` to its live frame.
            let w = unsafe { *self.frame.add(i) };
            if w != POISON && self.is_object(w) {
                let old = w as *mut [u64; 4];
                // SAFETY: `w` is the address of one of our boxes.
                let copy = unsafe { *old };
                // SAFETY: as above; the old box stays allocated, poisoned.
                unsafe { *old = [POISON; 4] };
                let new = self.alloc(copy);
                for j in 0..self.frame_words {
                    // SAFETY: as above.
                    unsafe {
                        if *self.frame.add(j) == w {
                            *self.frame.add(j) = new;
                        }
                    }
                }
            }
        }
    }

    fn ctx(&mut self) -> *mut VmCtx {
        (self as *mut ToyVm).cast()
    }
}

fn vm<'a>(ctx: *mut VmCtx) -> &'a mut ToyVm {
    // SAFETY: every test passes a `ToyVm` as the context.
    unsafe { &mut *ctx.cast::<ToyVm>() }
}

extern "C" fn barrier_slow(ctx: *mut VmCtx, obj: u64) {
    vm(ctx).barrier_hits.push(obj);
}

extern "C" fn gc_tick(ctx: *mut VmCtx, n: i64) -> i64 {
    let vm = vm(ctx);
    vm.calls.push(n);
    vm.collect();
    n
}

extern "C" fn alloc_obj(ctx: *mut VmCtx, tag: i64) -> u64 {
    let vm = vm(ctx);
    vm.collect();
    vm.alloc([tag as u64, 0, 0, 0])
}

extern "C" fn triple(ctx: *mut VmCtx, x: i64) -> i64 {
    vm(ctx).calls.push(x);
    3 * x
}

/// Fails (returns the error value -1) when asked about 50.
extern "C" fn checked_half(_ctx: *mut VmCtx, x: i64) -> i64 {
    if x == 50 { -1 } else { x / 2 }
}

fn options() -> CompileOptions {
    CompileOptions {
        helpers_take_ctx: true,
        spill_clear_word: 0,
        write_barrier: Some(WriteBarrier {
            flag_offset: 0,
            flag_mask: REMEMBER as u8,
            slow_path: barrier_slow as *const () as usize,
            state_offset: None,
        }),
        ..CompileOptions::default()
    }
    .with_helper("gc_tick", gc_tick as *const () as usize)
    .with_helper("alloc_obj", alloc_obj as *const () as usize)
    .with_helper("triple", triple as *const () as usize)
    .with_helper("checked_half", checked_half as *const () as usize)
}

#[test]
fn fields_pointers_and_version_guards() {
    let text = "
        trace t0
        snap0 [s0 pc 0]
        o = sload.ref s1
        p = sload.ptr s2
        gver p, 7 snap0
        a = fload.i64 o, +8
        b = add.i64 a, 1
        fstore o, +8, b
        pv = pload.i64 p, +8
        pstore p, +16, pv
        f = fload.f64 o, +16
        snap1 [s0 pc 1] s3=b s4=f
        exit snap1
    ";
    let mut toy = ToyVm::default();
    let obj = toy.alloc([0, 41, 2.5f64.to_bits(), 0]);
    let mut words = [7u64, 99, 0];
    let mut frame = [0, obj, words.as_mut_ptr() as u64, 0, 0];
    let exit = run_native_ctx(text, &mut frame, options(), toy.ctx());
    assert_eq!(exit, SnapId(1));
    assert_eq!(frame[3], 42);
    assert_eq!(f64::from_bits(frame[4]), 2.5);
    assert_eq!(toy.objects[0][1], 42, "fstore wrote the field");
    assert_eq!(words, [7, 99, 99], "pstore wrote the word");

    // A bumped version makes the guard fail before anything is written.
    words[0] = 8;
    let mut frame = [0, obj, words.as_mut_ptr() as u64, 0, 0];
    assert_eq!(
        run_native_ctx(text, &mut frame, options(), toy.ctx()),
        SnapId(0)
    );
    assert_eq!(toy.objects[0][1], 42);
}

#[test]
fn write_barrier_slow_path_runs_only_for_flagged_objects() {
    let text = "
        trace t0
        snap0 [s0 pc 0]
        o = sload.ref s1
        v = sload.ref s2
        fstore o, +16, v
        snap1 [s0 pc 1]
        exit snap1
    ";
    let mut toy = ToyVm::default();
    let young = toy.alloc([0, 0, 0, 0]);
    let old = toy.alloc([REMEMBER, 0, 0, 0]);
    let val = toy.alloc([0; 4]);
    let mut frame = [0, young, val];
    run_native_ctx(text, &mut frame, options(), toy.ctx());
    assert!(toy.barrier_hits.is_empty());
    let mut frame = [0, old, val];
    run_native_ctx(text, &mut frame, options(), toy.ctx());
    assert_eq!(toy.barrier_hits, vec![old]);
    assert_eq!(toy.objects[1][2], val);
}

#[test]
fn helper_calls_in_a_loop_and_a_raising_helper_exit() {
    let text = "
        trace t0
        helper h0 triple(i64) -> i64 []
        helper h1 checked_half(i64) -> i64 [raise] error 0xffffffffffffffff
        snap0 [s0 pc 0]
        i0 = sload.i64 s1
        a0 = sload.i64 s2
        loop
        i = phi.i64 i0, vi1
        a = phi.i64 a0, va1
        t = call.i64 h0(i)
        snap1 [s0 pc 4] s1=i s2=a
        h = call.i64 h1(i) snap1
        w = add.i64 h, t
        va1 = add.i64 a, w
        vi1 = add.i64 i, 2
        again
    ";
    let mut toy = ToyVm::default();
    let mut frame = [0u64, 0, 0];
    let exit = run_native_ctx(text, &mut frame, options(), toy.ctx());
    assert_eq!(exit, SnapId(1));
    // i = 0, 2, ..., 48 complete; at i = 50 checked_half raises.
    assert_eq!(frame[1], 50);
    let expected: i64 = (0..50).step_by(2).map(|i: i64| i / 2 + 3 * i).sum();
    assert_eq!(frame[2] as i64, expected);
    assert_eq!(toy.calls.len(), 26, "triple ran for i = 0..=50");
}

#[test]
fn references_survive_a_moving_collection_inside_a_call() {
    let text = "
        trace t0
        helper h0 gc_tick(i64) -> i64 [collect]
        snap0 [s0 pc 0]
        o = sload.ref s1
        n0 = sload.i64 s2
        loop
        n = phi.i64 n0, vn1
        c = gt.bool n, 0
        snap1 [s0 pc 1] s2=n
        gtrue c snap1
        f = fload.i64 o, +8
        g = call.i64 h0(n)
        acc = fload.i64 o, +16
        x = add.i64 acc, f
        y = add.i64 x, g
        fstore o, +16, y
        vn1 = sub.i64 n, 1
        again
    ";
    let trace = parse(text);
    let mut compiler = Compiler::host(options()).unwrap();
    let cache = CodeCache::new(&mut compiler).unwrap();
    let code = cache.compile_and_install(&mut compiler, &trace).unwrap();
    let words = code.frame_words();
    assert!(words > 3, "the trace needs a spill slot for `o`");

    let mut toy = ToyVm::default();
    let obj = toy.alloc([0, 5, 0, 0]);
    let mut frame = vec![0u64; words];
    frame[1] = obj;
    frame[2] = 10;
    toy.frame = frame.as_mut_ptr();
    toy.frame_words = words;
    let ctx = toy.ctx();
    let exit = common::enter(&cache, TraceId(0), &mut frame, ctx);
    assert_eq!(exit.snap, SnapId(1));
    assert_eq!(toy.collections, 10);
    let moved = frame[1];
    assert_ne!(moved, obj, "the object moved");
    // SAFETY: `moved` is the address of a live box of `toy`.
    let fields = unsafe { *(moved as *const [u64; 4]) };
    // Each iteration adds f (5) and g (n) to field 16: 10*5 + (10+9+...+1).
    assert_eq!(fields[2], 50 + 55);
    assert_eq!(fields[1], 5);
    assert!(
        frame[3..].iter().all(|&w| w == 0),
        "spill slots are cleared"
    );
}

#[test]
fn exits_rebuild_sunk_allocations_even_when_allocation_moves_objects() {
    let text = "
        trace t0
        helper h0 alloc_obj(i64) -> ref [alloc collect]
        snap0 [s0 pc 0]
        o = sload.ref s1
        x = sload.i64 s2
        p = new.ref h0(3) sunk
        fstore p, +8, o sunk
        fstore p, +16, x sunk
        snap1 [s0 pc 5] s3=p
        exit snap1
    ";
    let trace = parse(text);
    let mut compiler = Compiler::host(options()).unwrap();
    let cache = CodeCache::new(&mut compiler).unwrap();
    let code = cache.compile_and_install(&mut compiler, &trace).unwrap();
    let mut toy = ToyVm::default();
    let obj = toy.alloc([0, 1, 2, 3]);
    let mut frame = vec![0u64; code.frame_words()];
    frame[1] = obj;
    frame[2] = 77;
    toy.frame = frame.as_mut_ptr();
    toy.frame_words = frame.len();
    let ctx = toy.ctx();
    let exit = common::enter(&cache, TraceId(0), &mut frame, ctx);
    assert_eq!(exit.snap, SnapId(1));
    assert_eq!(toy.collections, 1);
    let moved = frame[1];
    assert_ne!(moved, obj);
    // SAFETY: frame[3] is the rebuilt object, a live box of `toy`.
    let rebuilt = unsafe { *(frame[3] as *const [u64; 4]) };
    assert_eq!(
        rebuilt,
        [3, moved, 77, 0],
        "fields point at the moved object"
    );
}

#[test]
fn guards_sharing_an_exit_around_a_collection_write_back_the_moved_reference() {
    // Both guards exit through snap1, one before and one after the call
    // that moves `o`: the exit must write whichever address is current.
    let text = "
        trace t0
        helper h0 gc_tick(i64) -> i64 [collect]
        snap0 [s0 pc 0]
        o = sload.ref s1
        n = sload.i64 s2
        snap1 [s0 pc 1] s3=o
        c1 = gt.bool n, 0
        gtrue c1 snap1
        g = call.i64 h0(n)
        c2 = gt.bool n, 5
        gtrue c2 snap1
        snap2 [s0 pc 2] s3=o s4=g
        exit snap2
    ";
    let trace = parse(text);
    let mut compiler = Compiler::host(options()).unwrap();
    let cache = CodeCache::new(&mut compiler).unwrap();
    let code = cache.compile_and_install(&mut compiler, &trace).unwrap();
    for (n, want_snap, moved) in [
        (0i64, SnapId(1), false),
        (3, SnapId(1), true),
        (9, SnapId(2), true),
    ] {
        let mut toy = ToyVm::default();
        let obj = toy.alloc([0, 1, 2, 3]);
        let mut frame = vec![0u64; code.frame_words().max(5)];
        frame[1] = obj;
        frame[2] = n as u64;
        toy.frame = frame.as_mut_ptr();
        toy.frame_words = frame.len();
        let ctx = toy.ctx();
        let exit = common::enter(&cache, TraceId(0), &mut frame, ctx);
        assert_eq!(exit.snap, want_snap, "n = {n}");
        assert_eq!(frame[1] != obj, moved, "n = {n}: the collection ran");
        assert_eq!(
            frame[3], frame[1],
            "n = {n}: the exit wrote the current address"
        );
    }
}
