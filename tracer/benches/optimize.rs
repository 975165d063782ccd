//! Benchmarks of the tracer: how long the optimizer takes per trace, and
//! what it buys in the reference interpreter (IR instructions per loop
//! iteration, and time per iteration).
//!
//! `cargo bench -p pyvm-tracer --bench optimize` (prints a Markdown table;
//! medians of repeated runs; the machine is shared, so expect noise).

use std::hint::black_box;
use std::time::{Duration, Instant};

use pyvm_tracer::interp::{FakeHeap, Outcome, run};
use pyvm_tracer::opt::optimize;
use pyvm_tracer::{Op, Trace};

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

/// Median time of `f` over `runs` runs of `inner` calls each, per call.
fn time<F: FnMut()>(runs: usize, inner: u32, mut f: F) -> Duration {
    let samples = (0..runs)
        .map(|_| {
            let t = Instant::now();
            for _ in 0..inner {
                f();
            }
            t.elapsed() / inner
        })
        .collect();
    median(samples)
}

/// IR instructions executed per iteration of the loop (straight-line
/// traces: the whole trace if unpeeled, the loop body if peeled).
fn per_iteration(t: &Trace) -> usize {
    let start = t.loop_index().map_or(0, |l| l + 1);
    t.insts()[start..]
        .iter()
        .filter(|i| !i.sunk && !matches!(i.op, Op::Phi | Op::Nop))
        .count()
}

/// Of those, how many only exits need (see `Trace::exit_only`).
fn exit_only_per_iteration(t: &Trace) -> usize {
    let start = t.loop_index().map_or(0, |l| l + 1);
    t.exit_only()[start..].iter().filter(|x| **x).count()
}

struct Case {
    name: &'static str,
    text: String,
    slots: Vec<u64>,
    helpers: &'static [&'static str],
}

fn load(path: &str) -> String {
    let full = format!("{}/{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&full)
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with("test ") && !l.starts_with("; check"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Address of a boxed 1.0 every run starts with.
const BOX: u64 = 0x1000;

fn heap(helpers: &[&str]) -> FakeHeap {
    let mut h = FakeHeap::new();
    let b = h.alloc(2);
    assert_eq!(b, BOX);
    h.mem.insert(BOX + 8, 1.0f64.to_bits());
    for name in helpers {
        h.define(name, |h, _| h.alloc(2));
    }
    h
}

const TAG: u64 = 0x7ffc_0000_0000_0000;
const ITERS: u64 = 20_000;

/// A long recorded loop (about 2000 instructions): many slots updated with
/// checked arithmetic, comparisons and guards, boxes stored and loaded.
fn long_trace() -> Trace {
    use pyvm_tracer::{Flags, HelperDecl, RecordLimits, Recorder, TraceId, Type};
    let mut r = Recorder::new(TraceId(0), 0, RecordLimits::default());
    let boxer = r.declare_helper(HelperDecl::new(
        "box",
        &[Type::I64],
        Type::Ref,
        Flags::ALLOC | Flags::COLLECT,
    ));
    for pc in 0..300u32 {
        r.set_pc(pc as u64);
        let (a, b) = (pc % 8, (pc * 3 + 1) % 8);
        let x = r.slot(a, Type::I64);
        let y = r.slot(b, Type::I64);
        let s = r.arith_ov(Op::AddOv, x, y);
        let k = r.kint(1 << 40);
        let c = r.emit(Op::Lt, Type::Bool, &[s, k]);
        r.guard_bool(c, true);
        r.set_slot((pc + 5) % 8, s);
        if pc % 5 == 0 {
            let bx = r.new_object(boxer, &[s]);
            r.fstore(bx, 8, s);
            let v = r.fload(bx, 8, Type::I64);
            r.set_slot(8 + pc % 2, bx);
            r.set_slot(a, v);
        }
    }
    r.set_pc(0);
    r.close_loop().expect("records")
}

fn main() {
    let long = long_trace();
    let t_long = time(7, 1, || {
        black_box(optimize(black_box(&long)));
    });
    println!(
        "optimize on a long trace: {} IR ops recorded -> {} after, {:.2} ms (median of 7)\n",
        long.len(),
        optimize(&long).len(),
        t_long.as_secs_f64() * 1e3
    );
    let cases = [
        Case {
            name: "toy_loop (NaN-boxed float sum)",
            text: load("benches/toy_loop.tir"),
            slots: vec![TAG, TAG | ITERS, 0, 0.5f64.to_bits(), TAG | 1, 0],
            helpers: &[],
        },
        Case {
            name: "licm (invariant load and multiply)",
            text: load("tests/filetests/loop/licm.tir"),
            slots: vec![0, 0, 0x2000, ITERS],
            helpers: &[],
        },
        Case {
            name: "boxed float through the loop",
            text: load("tests/filetests/pipeline/default.tir"),
            slots: vec![TAG, TAG | ITERS, BOX],
            helpers: &["box"],
        },
    ];
    println!(
        "| trace | IR ops recorded | per iteration before → after (exit-only) | optimize (µs, median) | interp ns/iter before → after | speed-up |"
    );
    println!("|---|---|---|---|---|---|");
    for c in &cases {
        let trace = Trace::parse(&c.text).expect("parses");
        let opt = optimize(&trace);
        let t_opt = time(21, 20, || {
            black_box(optimize(black_box(&trace)));
        });
        let run_once = |t: &Trace| {
            let mut slots = c.slots.clone();
            let mut h = heap(c.helpers);
            let out = run(t, &mut slots, &mut h, ITERS as usize + 10);
            assert!(matches!(out, Outcome::Exit(_)), "{out:?}");
            // Compare objects by contents (sinking allocates elsewhere).
            for v in slots.iter_mut() {
                if *v >= BOX && h.mem.contains_key(v) {
                    *v = h.mem[&(*v + 8)];
                }
            }
            slots
        };
        assert_eq!(run_once(&trace), run_once(&opt), "{}: same result", c.name);
        let before = time(15, 1, || {
            black_box(run_once(&trace));
        }) / ITERS as u32;
        let after = time(15, 1, || {
            black_box(run_once(&opt));
        }) / ITERS as u32;
        println!(
            "| {} | {} | {} → {} ({}) | {:.1} | {} → {} | {:.2}x |",
            c.name,
            trace.len(),
            per_iteration(&trace),
            per_iteration(&opt),
            exit_only_per_iteration(&opt),
            t_opt.as_secs_f64() * 1e6,
            before.as_nanos(),
            after.as_nanos(),
            before.as_secs_f64() / after.as_secs_f64()
        );
    }
}
