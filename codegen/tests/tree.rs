//! Trace trees in the code cache: side traces patched into their parent's
//! exit, links back to the root, retiring while other threads run traces,
//! exit tokens, perf map and disassembly, and cross-compiling for AArch64.

mod common;

use std::sync::atomic::AtomicU64;

use common::{enter, jit, parse};
use pyvm_codegen::{CompileOptions, Compiler, LinkPlan, isa_for_triple};
use pyvm_tracer::{SnapId, TraceId};

/// Sums `i` over even `i < n`; odd `i` fail the guard with snap2.
const ROOT: &str = "
    trace t0
    snap0 [s0 pc 0]
    i0 = sload.i64 s1
    n = sload.i64 s2
    a0 = sload.i64 s3
    loop
    i = phi.i64 i0, vi1
    a = phi.i64 a0, va1
    c = lt.bool i, n
    snap1 [s0 pc 1] s1=i s3=a
    gtrue c snap1
    b = and.i64 i, 1
    e = eq.bool b, 0
    snap2 [s0 pc 2] s1=i s3=a
    gtrue e snap2
    va1 = add.i64 a, i
    vi1 = add.i64 i, 1
    again
";

/// Attached to the root's snap2: adds `100 * i` for odd `i`, then links
/// back to the root.
const SIDE: &str = "
    trace t1
    parent t0 snap2
    snap0 [s0 pc 2]
    i = sload.i64 s1
    a = sload.i64 s3
    m = mul.i64 i, 100
    a2 = add.i64 a, m
    i2 = add.i64 i, 1
    snap1 [s0 pc 0] s1=i2 s3=a2
    link t0 snap1
";

fn expected(n: u64) -> u64 {
    (0..n).map(|i| if i % 2 == 0 { i } else { 100 * i }).sum()
}

#[test]
fn a_side_trace_takes_over_the_hot_exit_and_links_back_to_the_root() {
    let (mut compiler, cache) = jit(CompileOptions::default());
    cache
        .compile_and_install(&mut compiler, &parse(ROOT))
        .unwrap();

    // Without the side trace, the first odd number leaves the root.
    let mut frame = [0, 0, 10, 0];
    let exit = enter(&cache, TraceId(0), &mut frame, std::ptr::null_mut());
    assert_eq!((exit.trace, exit.snap), (TraceId(0), SnapId(2)));
    assert_eq!(frame, [0, 1, 10, 0]);

    cache
        .compile_and_install(&mut compiler, &parse(SIDE))
        .unwrap();
    let mut frame = [0, 0, 10, 0];
    let exit = enter(&cache, TraceId(0), &mut frame, std::ptr::null_mut());
    assert_eq!(
        (exit.trace, exit.snap),
        (TraceId(0), SnapId(1)),
        "only the loop end leaves"
    );
    assert_eq!(frame, [0, 10, 10, expected(10)]);

    // Root → side → root transitions are tail calls: a million of them do
    // not grow the native stack.
    let mut frame = [0, 0, 2_000_000, 0];
    enter(&cache, TraceId(0), &mut frame, std::ptr::null_mut());
    assert_eq!(frame[3], expected(2_000_000));

    // An owned entry handle runs the same tree.
    let cell = cache.entry_cell(TraceId(0));
    let mut frame = [0, 0, 10, 0];
    // SAFETY: the frame has the slots both traces use.
    let token = unsafe { cache.enter(&cell, frame.as_mut_ptr(), std::ptr::null_mut()) }.unwrap();
    assert_eq!(cache.resolve_exit(token).unwrap().snap, SnapId(1));
    assert_eq!(frame[3], expected(10));

    // Retiring the side trace restores the plain exit.
    assert_eq!(cache.retire(TraceId(1)), vec![TraceId(1)]);
    let mut frame = [0, 0, 10, 0];
    let exit = enter(&cache, TraceId(0), &mut frame, std::ptr::null_mut());
    assert_eq!(exit.snap, SnapId(2));

    // The side trace can be compiled again; retiring the root takes the
    // whole tree with it.
    cache
        .compile_and_install(&mut compiler, &parse(SIDE))
        .unwrap();
    let mut retired = cache.retire(TraceId(0));
    retired.sort();
    assert_eq!(retired, vec![TraceId(0), TraceId(1)]);
    assert!(cache.is_empty());
    let mut frame = [0, 0, 10, 0];
    // SAFETY: nothing is installed, so nothing runs.
    let none = unsafe {
        cache
            .entry(TraceId(0))
            .enter(frame.as_mut_ptr(), std::ptr::null_mut())
    };
    assert_eq!(none, None);
}

#[test]
fn side_traces_grow_on_side_traces() {
    // t1 handles i % 4 == 1 and exits through its own guard otherwise;
    // t2, attached to that exit, handles i % 4 == 3.
    let side1 = "
        trace t1
        parent t0 snap2
        snap0 [s0 pc 2]
        i = sload.i64 s1
        a = sload.i64 s3
        b = and.i64 i, 3
        e = eq.bool b, 1
        gtrue e snap0
        m = mul.i64 i, 100
        a2 = add.i64 a, m
        i2 = add.i64 i, 1
        snap1 [s0 pc 0] s1=i2 s3=a2
        link t0 snap1
    ";
    let side2 = "
        trace t2
        parent t1 snap0
        snap0 [s0 pc 3]
        i = sload.i64 s1
        a = sload.i64 s3
        m = mul.i64 i, 1000
        a2 = add.i64 a, m
        i2 = add.i64 i, 1
        snap1 [s0 pc 0] s1=i2 s3=a2
        link t0 snap1
    ";
    let want = |n: u64| -> u64 {
        (0..n)
            .map(|i| match i % 4 {
                1 => 100 * i,
                3 => 1000 * i,
                _ => i,
            })
            .sum()
    };
    let (mut compiler, cache) = jit(CompileOptions::default());
    for text in [ROOT, side1] {
        cache
            .compile_and_install(&mut compiler, &parse(text))
            .unwrap();
    }
    let mut frame = [0, 0, 1000, 0];
    let exit = enter(&cache, TraceId(0), &mut frame, std::ptr::null_mut());
    assert_eq!(
        (exit.trace, exit.snap, frame[1]),
        (TraceId(1), SnapId(0), 3)
    );
    cache
        .compile_and_install(&mut compiler, &parse(side2))
        .unwrap();
    let mut frame = [0, 0, 1000, 0];
    let exit = enter(&cache, TraceId(0), &mut frame, std::ptr::null_mut());
    assert_eq!((exit.trace, exit.snap), (TraceId(0), SnapId(1)));
    assert_eq!(frame[3], want(1000));
    let mut retired = cache.retire(TraceId(1));
    retired.sort();
    assert_eq!(retired, vec![TraceId(1), TraceId(2)]);
    let mut frame = [0, 0, 1000, 0];
    let exit = enter(&cache, TraceId(0), &mut frame, std::ptr::null_mut());
    assert_eq!(
        (exit.trace, exit.snap, frame[1]),
        (TraceId(0), SnapId(2), 1)
    );
}

#[test]
fn a_link_to_a_trace_that_is_not_installed_exits_through_its_snapshot() {
    let (mut compiler, cache) = jit(CompileOptions::default());
    // The side trace's code, installed as a root of its own: its `link t0`
    // finds t0's entry cell empty.
    let lone = SIDE.replace("parent t0 snap2\n", "");
    cache
        .compile_and_install(&mut compiler, &parse(&lone))
        .unwrap();
    let mut frame = [0, 3, 10, 1];
    let exit = enter(&cache, TraceId(1), &mut frame, std::ptr::null_mut());
    assert_eq!((exit.trace, exit.snap), (TraceId(1), SnapId(1)));
    assert_eq!(frame, [0, 4, 10, 301]);
}

#[test]
fn installing_into_a_missing_parent_or_a_taken_exit_is_refused() {
    let (mut compiler, cache) = jit(CompileOptions::default());
    assert!(
        cache
            .compile_and_install(&mut compiler, &parse(SIDE))
            .is_err(),
        "no parent yet"
    );
    cache
        .compile_and_install(&mut compiler, &parse(ROOT))
        .unwrap();
    cache
        .compile_and_install(&mut compiler, &parse(SIDE))
        .unwrap();
    let other = SIDE.replace("trace t1", "trace t2");
    let err = cache
        .compile_and_install(&mut compiler, &parse(&other))
        .unwrap_err();
    assert!(err.to_string().contains("already linked"), "{err}");
    assert!(
        cache
            .compile_and_install(&mut compiler, &parse(ROOT))
            .is_err(),
        "duplicate id"
    );
}

#[test]
fn threads_keep_running_correctly_while_traces_are_retired_and_reinstalled() {
    let (mut compiler, cache) = jit(CompileOptions::default());
    let root = parse(ROOT);
    let side = parse(SIDE);
    cache.compile_and_install(&mut compiler, &root).unwrap();
    cache.compile_and_install(&mut compiler, &side).unwrap();
    std::thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| {
                let entry = cache.entry(TraceId(0));
                for _ in 0..300 {
                    let mut frame = [0u64, 0, 200, 0];
                    // SAFETY: the frame has the slots both traces use.
                    let Some(token) =
                        (unsafe { entry.enter(frame.as_mut_ptr(), std::ptr::null_mut()) })
                    else {
                        continue;
                    };
                    let exit = cache.resolve_exit(token).unwrap();
                    // The root may have lost its side trace (or been
                    // retired mid-run): then the frame holds a valid
                    // intermediate state of the same computation.
                    let i = frame[1];
                    assert!(i <= 200);
                    assert_eq!(frame[3], expected(i), "state at i = {i}, exit {exit:?}");
                }
            });
        }
        for round in 0..40 {
            if round % 2 == 0 {
                cache.retire(TraceId(1));
                cache.compile_and_install(&mut compiler, &side).unwrap();
            } else {
                cache.retire(TraceId(0));
                cache.compile_and_install(&mut compiler, &root).unwrap();
                cache.compile_and_install(&mut compiler, &side).unwrap();
            }
        }
    });
}

#[test]
fn perf_map_names_each_installed_trace_and_disassembly_is_kept_on_request() {
    let options = CompileOptions {
        disassemble: true,
        ..CompileOptions::default()
    };
    let (mut compiler, cache) = jit(options);
    cache.enable_perf_map().unwrap();
    let code = cache
        .compile_and_install(&mut compiler, &parse(ROOT))
        .unwrap();
    let map = std::fs::read_to_string(format!("/tmp/perf-{}.map", std::process::id())).unwrap();
    let line = format!(
        "{:x} {:x} pyvm-trace-t0",
        code.addr() as usize,
        code.code().len()
    );
    assert!(map.lines().any(|l| l == line), "{line} not in\n{map}");
    let disasm = code.disasm().expect("disassembly requested");
    assert!(disasm.lines().count() > 10, "{disasm}");
    let _ = std::fs::remove_file(format!("/tmp/perf-{}.map", std::process::id()));
}

/// What the invalidating helper needs: the cache and the version word.
struct Invalidator<'a> {
    cache: &'a pyvm_codegen::CodeCache,
    version: u64,
    calls: u64,
}

/// Bumps the version (as a VM does when a class changes) and retires the
/// trace that depends on it -- while that very trace is running.
extern "C" fn invalidate(ctx: *mut pyvm_codegen::VmCtx, i: i64) -> i64 {
    // SAFETY: the test passes an `Invalidator` as the context.
    let inv = unsafe { &mut *ctx.cast::<Invalidator>() };
    inv.calls += 1;
    if i == 5 {
        inv.version += 1;
        assert_eq!(inv.cache.retire(TraceId(0)), vec![TraceId(0)]);
    }
    i
}

#[test]
fn a_trace_retired_by_a_helper_it_called_finishes_safely() {
    let options = CompileOptions {
        helpers_take_ctx: true,
        ..CompileOptions::default()
    }
    .with_helper("invalidate", invalidate as *const () as usize);
    let (mut compiler, cache) = jit(options);
    let mut inv = Invalidator {
        cache: &cache,
        version: 1,
        calls: 0,
    };
    let version_addr = &inv.version as *const u64 as u64;
    let text = format!(
        "
        trace t0
        helper h0 invalidate(i64) -> i64 [store]
        snap0 [s0 pc 0]
        i0 = sload.i64 s1
        loop
        i = phi.i64 i0, vi1
        snap1 [s0 pc 3] s1=i
        gver ptr:{version_addr:#x}, 1 snap1
        r = call.i64 h0(i)
        vi1 = add.i64 r, 1
        again
    "
    );
    cache
        .compile_and_install(&mut compiler, &parse(&text))
        .unwrap();
    let mut frame = [0u64, 0];
    let ctx = (&mut inv as *mut Invalidator).cast();
    let exit = enter(&cache, TraceId(0), &mut frame, ctx);
    // The helper retired the running trace at i = 5; the next version
    // guard fails and the trace leaves normally.
    assert_eq!(exit.snap, SnapId(1));
    assert_eq!(frame[1], 6);
    assert_eq!(inv.calls, 6);
    assert!(cache.is_empty());
    // SAFETY: nothing is installed any more, so nothing runs.
    let again = unsafe { cache.entry(TraceId(0)).enter(frame.as_mut_ptr(), ctx) };
    assert_eq!(again, None);
}

#[test]
fn traces_cross_compile_for_aarch64() {
    let isa = isa_for_triple("aarch64-unknown-linux-gnu").unwrap();
    let options = CompileOptions {
        disassemble: true,
        ..CompileOptions::default()
    }
    .with_helper("gc_tick", 0x1000);
    let mut compiler = Compiler::with_isa(isa, options);
    let cells: Vec<AtomicU64> = (0..4).map(|_| AtomicU64::new(0)).collect();
    let link = |_t: TraceId| 0x2000usize;
    let plan = LinkPlan {
        exit_base: 1,
        exit_cells: &cells,
        link_cell: &link,
    };
    let gc = "
        trace t5
        helper h0 gc_tick(i64) -> i64 [collect]
        snap0 [s0 pc 0]
        o = sload.ref s1
        f = fload.f64 o, +8
        g = call.i64 h0(3)
        h = fload.f64 o, +8
        x = fadd.f64 f, h
        snap1 [s0 pc 1] s2=x
        exit snap1
    ";
    for text in [ROOT, SIDE, gc] {
        let code = compiler.compile(&parse(text), &plan).unwrap();
        assert!(!code.bytes.is_empty());
        assert_eq!(
            code.bytes.len() % 4,
            0,
            "AArch64 code is whole 4-byte instructions"
        );
        let disasm = code.disasm.unwrap();
        assert!(disasm.contains("ret") || disasm.contains("br "), "{disasm}");
    }
}

#[test]
fn exit_tokens_resolve_only_within_their_trace() {
    let (mut compiler, cache) = jit(CompileOptions::default());
    let root = cache
        .compile_and_install(&mut compiler, &parse(ROOT))
        .unwrap();
    let side = cache
        .compile_and_install(&mut compiler, &parse(SIDE))
        .unwrap();
    for (code, exits) in [(&root, 3u32), (&side, 2)] {
        for s in 0..exits {
            let site = cache.resolve_exit(code.exit_token(SnapId(s))).unwrap();
            assert_eq!((site.trace, site.snap), (code.trace(), SnapId(s)));
        }
    }
    assert_eq!(cache.resolve_exit(pyvm_codegen::ExitToken(0)), None);
    let past = side.exit_token(SnapId(1)).0 + 1;
    assert_eq!(cache.resolve_exit(pyvm_codegen::ExitToken(past)), None);
}
