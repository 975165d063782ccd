//! Property test: random loops with boxed values carried from one
//! iteration to the next, sent through the tracer's default optimizer
//! pipeline (which peels the loop and sinks what it can, loop-carried
//! allocations included), never make the backend panic; when the backend
//! compiles the result, the native run exits where the tracer's reference
//! interpreter does, with the same frame (boxes compared by contents).

mod common;

use common::RealHeap;
use proptest::prelude::*;
use pyvm_codegen::{CodeCache, CompileOptions, Compiler};
use pyvm_tracer::interp::{self, Outcome};
use pyvm_tracer::{Trace, TraceId};

/// Box headers: what the payload word at +8 holds.
const FLOAT_BOX: u64 = 3;
const INT_BOX: u64 = 4;
/// A box whose payload is another box (nested allocations to rebuild).
const PAIR_BOX: u64 = 5;

fn alloc_box(header: u64) -> u64 {
    // Leaked: boxes stay valid for the whole test run (a few thousand).
    Box::leak(Box::new([header, 0u64])).as_ptr() as u64
}

extern "C" fn box_helper(header: i64) -> u64 {
    alloc_box(header as u64)
}

struct Pools {
    ints: Vec<String>,
    floats: Vec<String>,
    fboxes: Vec<String>,
    iboxes: Vec<String>,
    pairs: Vec<String>,
}

fn pick(pool: &[String], k: u8) -> &str {
    &pool[k as usize % pool.len()]
}

/// Slots: s0 counter, s1 limit, s2 float box, s3 int box (both carried
/// around the loop), s4 any box and s5 an int written by guards' exits.
fn build(steps: &[(u8, u8, u8)]) -> String {
    let mut t = String::from(
        "trace t0\nhelper h0 box(i64) -> ref [alloc collect]\nsnap0 [s0 pc 0]\n\
         i = sload.i64 s0\nn = sload.i64 s1\nc = lt.bool i, n\ngtrue c snap0\n\
         x = sload.ref s2\ny = sload.ref s3\nfx = fload.f64 x, +8\niy = fload.i64 y, +8\n",
    );
    let mut p = Pools {
        ints: vec!["i".into(), "iy".into(), "3".into(), "-7".into()],
        floats: vec!["fx".into(), "0.5".into(), "1.25".into()],
        fboxes: vec!["x".into()],
        iboxes: vec!["y".into()],
        pairs: Vec::new(),
    };
    let mut snaps = 1;
    for (k, &(op, a, b)) in steps.iter().enumerate() {
        let v = format!("v{k}");
        match op % 8 {
            0 | 1 => {
                let o = ["add", "sub", "xor", "mul"][(op as usize / 8) % 4];
                t += &format!("{v} = {o}.i64 {}, {}\n", pick(&p.ints, a), pick(&p.ints, b));
                p.ints.push(v);
            }
            2 | 3 => {
                let o = ["fadd", "fsub", "fmul"][(op as usize / 8) % 3];
                t += &format!(
                    "{v} = {o}.f64 {}, {}\n",
                    pick(&p.floats, a),
                    pick(&p.floats, b)
                );
                p.floats.push(v);
            }
            4 => {
                t += &format!(
                    "{v} = new.ref h0({FLOAT_BOX})\nfstore {v}, +8, {}\n",
                    pick(&p.floats, a)
                );
                p.fboxes.push(v);
            }
            5 => {
                t += &format!(
                    "{v} = new.ref h0({INT_BOX})\nfstore {v}, +8, {}\n",
                    pick(&p.ints, a)
                );
                p.iboxes.push(v);
            }
            6 if op & 0x40 != 0 => {
                let all = [p.fboxes.as_slice(), p.iboxes.as_slice()].concat();
                t += &format!(
                    "{v} = new.ref h0({PAIR_BOX})\nfstore {v}, +8, {}\n",
                    pick(&all, a)
                );
                p.pairs.push(v);
            }
            6 => {
                // Unbox a box made earlier (forwarded when it is fresh).
                if op & 0x80 == 0 {
                    t += &format!("{v} = fload.f64 {}, +8\n", pick(&p.fboxes, a));
                    p.floats.push(v);
                } else {
                    t += &format!("{v} = fload.i64 {}, +8\n", pick(&p.iboxes, a));
                    p.ints.push(v);
                }
            }
            _ => {
                // A guard mid-way whose exit names boxes (rebuilt if sunk).
                let (f, g) = (pick(&p.fboxes, a), pick(&p.iboxes, b));
                let (l, r) = (pick(&p.ints, a), pick(&p.ints, b.wrapping_add(1)));
                let all = [p.fboxes.as_slice(), p.iboxes.as_slice(), p.pairs.as_slice()].concat();
                let any = pick(&all, op);
                let w = pick(&p.ints, op);
                t += &format!("snap{snaps} [s0 pc {k}] s2={f} s3={g} s4={any} s5={w}\n");
                t += &format!("{v} = le.bool {l}, {r}\ngtrue {v} snap{snaps}\n");
                snaps += 1;
            }
        }
    }
    let f = p.fboxes.last().unwrap();
    let g = p.iboxes.last().unwrap();
    // Naming s4 and s5 here puts the spill slots after them.
    let w = p.ints.last().unwrap();
    let g4 = p.pairs.last().unwrap_or(g);
    t += &format!(
        "i1 = add.i64 i, 1\nsnap{snaps} [s0 pc 0] s0=i1 s2={f} s3={g} s4={g4} s5={w}\n\
         link t0 snap{snaps}\n"
    );
    t
}

fn compile(trace: &Trace) -> Option<(Compiler, CodeCache, usize)> {
    let options = CompileOptions::default().with_helper("box", box_helper as *const () as usize);
    let mut compiler = Compiler::host(options).unwrap();
    let cache = CodeCache::new(&mut compiler).unwrap();
    let words = cache
        .compile_and_install(&mut compiler, trace)
        .ok()?
        .frame_words();
    Some((compiler, cache, words))
}

/// A frame word as compared between runs: boxes by contents (any NaN
/// equals any NaN, a pair by the contents of the box it holds), everything
/// else by bits.
fn describe(slot: usize, w: u64) -> (u64, u64, u64) {
    if !(2..5).contains(&slot) || w == 0 {
        return (w, 0, 0);
    }
    // SAFETY: slots 2-4 always hold boxes made by `alloc_box`, and a pair
    // holds one.
    let contents = |w: u64| unsafe { *(w as *const [u64; 2]) };
    let payload = |b: [u64; 2]| {
        let nan = b[0] == FLOAT_BOX && f64::from_bits(b[1]).is_nan();
        if nan { u64::MAX } else { b[1] }
    };
    let b = contents(w);
    if b[0] == PAIR_BOX {
        let inner = contents(b[1]);
        return (b[0], inner[0], payload(inner));
    }
    (b[0], payload(b), 0)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn optimized_random_loops_compile_without_panics_and_match_the_reference(
        steps in prop::collection::vec((any::<u8>(), any::<u8>(), any::<u8>()), 1..24),
        n in 0u64..12,
        x in -4.0f64..4.0,
        y in -50i64..50,
    ) {
        let text = build(&steps);
        let recorded = Trace::parse(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
        let trace = pyvm_tracer::opt::optimize(&recorded);
        let Some((_compiler, cache, words)) = compile(&trace) else {
            // Refusing a trace is allowed (the VM keeps interpreting).
            return Ok(());
        };
        let xb = alloc_box(FLOAT_BOX);
        let yb = alloc_box(INT_BOX);
        // SAFETY: both boxes were just allocated with two words.
        unsafe {
            *(xb as *mut u64).add(1) = x.to_bits();
            *(yb as *mut u64).add(1) = y as u64;
        }
        let frame = vec![0, n, xb, yb, xb, 0];
        let mut native = frame.clone();
        native.resize(words.max(frame.len()), 0);
        let ns = common::enter(&cache, TraceId(0), &mut native, std::ptr::null_mut()).snap;
        let mut reference = frame.clone();
        let mut heap = RealHeap {
            helpers: vec![("box".to_string(), Box::new(|a: &[u64]| alloc_box(a[0])))],
        };
        let rs = match interp::run(&trace, &mut reference, &mut heap, 1_000_000) {
            Outcome::Exit(s) => s,
            other => panic!("reference run ended with {other:?}\n{trace}"),
        };
        prop_assert_eq!(ns, rs, "exit differs for\n{}", trace);
        for slot in 0..6 {
            prop_assert_eq!(
                describe(slot, native[slot]),
                describe(slot, reference[slot]),
                "slot {} differs for\n{}", slot, trace
            );
        }
    }
}
