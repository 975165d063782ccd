//! Benchmarks of the backend: compile time, native speed of trace loops
//! against the tracer's reference IR interpreter and against plain Rust,
//! the cost of entering and leaving a trace, and what patching a side trace
//! into a hot exit saves.
//!
//! `cargo bench -p pyvm-codegen --bench traces` prints a Markdown table
//! (medians of several runs; the machine is shared, so look at ratios).

use std::hint::black_box;
use std::time::{Duration, Instant};

use pyvm_codegen::{CodeCache, CompileOptions, Compiler, EntryCell, ExitToken};
use pyvm_tracer::interp::{self, Heap};
use pyvm_tracer::{HelperDecl, HelperId, Trace, TraceId};

const SUM_LOOP: &str = "
    trace t0
    snap0 [s0 pc 0]
    v0 = sload.i64 s1
    v1 = sload.i64 s2
    v2 = sload.i64 s3
    loop
    i = phi.i64 v0, vi2
    s = phi.i64 v2, vs2
    c = lt.bool i, v1
    snap1 [s0 pc 9] s1=i s3=s
    gtrue c snap1
    vs2 = addov.i64 s, i snap1
    vi2 = add.i64 i, 1
    again
";

const FLOAT_LOOP: &str = "
    trace t0
    snap0 [s0 pc 0]
    n0 = sload.i64 s1
    x0 = sload.f64 s2
    a = sload.f64 s3
    loop
    n = phi.i64 n0, vn1
    x = phi.f64 x0, vx2
    c = gt.bool n, 0
    snap1 [s0 pc 3] s1=n s2=x
    gtrue c snap1
    x1 = fmul.f64 x, a
    vx2 = fadd.f64 x1, 0.25
    vn1 = sub.i64 n, 1
    again
";

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

const EXIT_AT_ONCE: &str = "
    trace t0
    snap0 [s0 pc 0]
    a = sload.i64 s1
    b = add.i64 a, 1
    snap1 [s0 pc 1] s1=b
    exit snap1
";

/// A straight-line trace of `n` arithmetic ops and guards, for compile time.
fn long_trace(n: usize) -> String {
    let mut t = String::from("trace t0\nsnap0 [s0 pc 0]\nx0 = sload.i64 s1\n");
    for k in 0..n {
        if k % 4 == 3 {
            t += &format!("x{} = addov.i64 x{}, {} snap0\n", k + 1, k, k);
        } else {
            t += &format!("x{} = xor.i64 x{}, {}\n", k + 1, k, k * 7 + 1);
        }
    }
    t += &format!("snap1 [s0 pc 1] s1=x{n}\nexit snap1\n");
    t
}

struct NoHeap;

impl Heap for NoHeap {
    fn load(&mut self, _: u64) -> u64 {
        unreachable!("benchmarks touch no memory")
    }
    fn store(&mut self, _: u64, _: u64) {
        unreachable!("benchmarks touch no memory")
    }
    fn call(&mut self, _: HelperId, _: &HelperDecl, _: &[u64]) -> u64 {
        unreachable!("benchmarks call no helper")
    }
}

fn median(mut f: impl FnMut() -> Duration, runs: usize) -> Duration {
    let mut v: Vec<Duration> = (0..runs).map(|_| f()).collect();
    v.sort();
    v[runs / 2]
}

fn time(f: impl FnOnce()) -> Duration {
    let t = Instant::now();
    f();
    t.elapsed()
}

fn parse(text: &str) -> Trace {
    Trace::parse(text).unwrap()
}

fn enter(cache: &CodeCache, frame: &mut [u64]) -> u32 {
    let cell = cache.entry_cell(TraceId(0));
    enter_cell(cache, &cell, frame)
}

fn enter_cell(cache: &CodeCache, cell: &EntryCell, frame: &mut [u64]) -> u32 {
    // SAFETY: benchmark frames have every slot the traces use; no helpers.
    let t = unsafe { cache.enter(cell, frame.as_mut_ptr(), std::ptr::null_mut()) };
    t.unwrap().0
}

fn ns(d: Duration, per: u64) -> f64 {
    d.as_nanos() as f64 / per as f64
}

fn main() {
    let runs = 7;
    println!("| benchmark | median | per unit | ratio |");
    println!("|---|---|---|---|");

    // Compile time.
    for (name, text) in [
        ("compile sum loop (12 ops)", SUM_LOOP.to_string()),
        ("compile straight line (400 ops)", long_trace(400)),
    ] {
        let trace = parse(&text);
        let d = median(
            || {
                let mut compiler = Compiler::host(CompileOptions::default()).unwrap();
                let cache = CodeCache::new(&mut compiler).unwrap();
                time(|| {
                    black_box(cache.compile_and_install(&mut compiler, &trace).unwrap());
                })
            },
            runs,
        );
        println!(
            "| {name} | {:.3} ms | {} ops | |",
            d.as_secs_f64() * 1e3,
            trace.len()
        );
    }

    let mut compiler = Compiler::host(CompileOptions::default()).unwrap();

    // Integer loop: native vs the reference interpreter vs Rust.
    let n: u64 = 20_000_000;
    let cache = CodeCache::new(&mut compiler).unwrap();
    cache
        .compile_and_install(&mut compiler, &parse(SUM_LOOP))
        .unwrap();
    let native = median(
        || {
            time(|| {
                black_box(enter(&cache, &mut [0, 0, n, 0]));
            })
        },
        runs,
    );
    let sum_trace = parse(SUM_LOOP);
    let n_interp = n / 100;
    let interp = median(
        || {
            time(|| {
                let mut slots = vec![0, 0, n_interp, 0];
                black_box(interp::run(&sum_trace, &mut slots, &mut NoHeap, usize::MAX));
            })
        },
        runs,
    );
    let rust = median(
        || {
            time(|| {
                let (mut i, mut s) = (0i64, 0i64);
                while i < black_box(n as i64) {
                    s = s.checked_add(i).unwrap();
                    i += 1;
                }
                black_box(s);
            })
        },
        runs,
    );
    let (pn, pi, pr) = (ns(native, n), ns(interp, n_interp), ns(rust, n));
    println!(
        "| int loop, native | {:.1} ms | {pn:.2} ns/iter | 1.0 |",
        native.as_secs_f64() * 1e3
    );
    println!(
        "| int loop, reference IR interpreter | {:.1} ms | {pi:.2} ns/iter | {:.0}x slower |",
        interp.as_secs_f64() * 1e3,
        pi / pn
    );
    println!(
        "| int loop, plain Rust (checked add) | {:.1} ms | {pr:.2} ns/iter | {:.2}x |",
        rust.as_secs_f64() * 1e3,
        pr / pn
    );

    // Float loop.
    let cache = CodeCache::new(&mut compiler).unwrap();
    cache
        .compile_and_install(&mut compiler, &parse(FLOAT_LOOP))
        .unwrap();
    let a = 0.999f64.to_bits();
    let native = median(
        || {
            time(|| {
                black_box(enter(&cache, &mut [0, n, 1f64.to_bits(), a]));
            })
        },
        runs,
    );
    let float_trace = parse(FLOAT_LOOP);
    let interp = median(
        || {
            time(|| {
                let mut slots = vec![0, n_interp, 1f64.to_bits(), a];
                black_box(interp::run(
                    &float_trace,
                    &mut slots,
                    &mut NoHeap,
                    usize::MAX,
                ));
            })
        },
        runs,
    );
    let (pn, pi) = (ns(native, n), ns(interp, n_interp));
    println!(
        "| float loop, native | {:.1} ms | {pn:.2} ns/iter | 1.0 |",
        native.as_secs_f64() * 1e3
    );
    println!(
        "| float loop, reference IR interpreter | {:.1} ms | {pi:.2} ns/iter | {:.0}x slower |",
        interp.as_secs_f64() * 1e3,
        pi / pn
    );

    // Entering and leaving.
    let cache = CodeCache::new(&mut compiler).unwrap();
    cache
        .compile_and_install(&mut compiler, &parse(EXIT_AT_ONCE))
        .unwrap();
    let calls = 1_000_000u64;
    let cell = cache.entry_cell(TraceId(0));
    let d = median(
        || {
            time(|| {
                let mut frame = [0u64, 0];
                for _ in 0..calls {
                    black_box(enter_cell(&cache, &cell, &mut frame));
                }
            })
        },
        runs,
    );
    println!(
        "| enter + exit through an EntryCell (epoch pin included) | {:.1} ms | {:.1} ns/call | |",
        d.as_secs_f64() * 1e3,
        ns(d, calls)
    );
    let site = median(
        || {
            time(|| {
                for k in 0..calls {
                    black_box(cache.resolve_exit(ExitToken(1 + (k % 2) as u32)));
                }
            })
        },
        runs,
    );
    println!(
        "| resolve an exit token | {:.1} ms | {:.1} ns/call | |",
        site.as_secs_f64() * 1e3,
        ns(site, calls)
    );

    // Side trace: patched exit vs returning to the caller at every odd i.
    let m: u64 = 2_000_000;
    let cache = CodeCache::new(&mut compiler).unwrap();
    cache
        .compile_and_install(&mut compiler, &parse(ROOT))
        .unwrap();
    let unpatched = median(
        || {
            time(|| {
                // What a VM without side traces does: take the exit, do the
                // odd step itself, re-enter.
                let mut frame = [0u64, 0, m, 0];
                let cell = cache.entry_cell(TraceId(0));
                loop {
                    let _ = enter_cell(&cache, &cell, &mut frame);
                    if frame[1] >= m {
                        break;
                    }
                    frame[3] += 100 * frame[1];
                    frame[1] += 1;
                }
                black_box(frame);
            })
        },
        runs,
    );
    cache
        .compile_and_install(&mut compiler, &parse(SIDE))
        .unwrap();
    let patched = median(
        || {
            time(|| {
                black_box(enter(&cache, &mut [0, 0, m, 0]));
            })
        },
        runs,
    );
    println!(
        "| branchy loop, side trace patched in | {:.1} ms | {:.2} ns/iter | 1.0 |",
        patched.as_secs_f64() * 1e3,
        ns(patched, m)
    );
    println!(
        "| branchy loop, exit + re-enter per odd i | {:.1} ms | {:.2} ns/iter | {:.1}x slower |",
        unpatched.as_secs_f64() * 1e3,
        ns(unpatched, m),
        unpatched.as_secs_f64() / patched.as_secs_f64()
    );
}
