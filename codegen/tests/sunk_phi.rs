//! A loop-carried allocation sunk as a `phi`: the tracer's default
//! pipeline turns a boxed number carried around a loop into a sunk phi of
//! two sunk allocations, and the backend must rebuild the box from the
//! phi's fields when the loop exits -- the same frame the tracer's
//! reference interpreter leaves.

mod common;

use common::{RealHeap, parse};
use pyvm_codegen::{CodeCache, CompileOptions, Compiler};
use pyvm_tracer::interp::{self, Outcome};
use pyvm_tracer::{Op, SnapId, Trace, TraceId};

/// `while i < n: x = box(unbox(x) * 0.5 + 1.0); i = i + 1` with tagged
/// ints in s0/s1 and the box in s2; closes by linking to itself.
const BOXED_LOOP: &str = "
    trace t0
    helper h0 box(i64) -> ref [alloc collect]
    snap0 [s0 pc 10]
    v0 = sload.i64 s0
    v1 = sload.i64 s1
    gtag v0, 0xffff000000000000, 0x7ffc000000000000 snap0
    gtag v1, 0xffff000000000000, 0x7ffc000000000000 snap0
    v2 = and.i64 v0, 0xffffffffffff
    v3 = and.i64 v1, 0xffffffffffff
    v4 = lt.bool v2, v3
    gtrue v4 snap0
    v5 = sload.ref s2
    v6 = fload.f64 v5, +8
    v7 = fmul.f64 v6, 0.5
    v8 = fadd.f64 v7, 1.0
    v9 = new.ref h0(3)
    fstore v9, +8, v8
    v10 = addov.i64 v2, 1 snap0
    v11 = or.i64 v10, 0x7ffc000000000000
    snap1 [s0 pc 10] s0=v11 s2=v9
    link t0 snap1
";

const TAG: u64 = 0x7ffc_0000_0000_0000;

/// Every box either run allocated (leaked for the test's duration).
fn alloc_box(header: u64) -> u64 {
    Box::leak(Box::new([header, 0u64, 0, 0])).as_ptr() as u64
}

extern "C" fn box_helper(header: i64) -> u64 {
    alloc_box(header as u64)
}

fn optimized() -> Trace {
    let t = pyvm_tracer::opt::optimize(&parse(BOXED_LOOP));
    assert!(
        t.insts().iter().any(|i| i.op == Op::Phi && i.sunk),
        "the pipeline sinks the loop-carried box as a phi:\n{t}"
    );
    t
}

/// The box's header and payload.
fn box_contents(w: u64) -> [u64; 2] {
    // SAFETY: `w` is a box allocated by `alloc_box`, never freed.
    let b = unsafe { *(w as *const [u64; 4]) };
    [b[0], b[1]]
}

fn frame_for(n: u64, x: f64) -> Vec<u64> {
    let start = alloc_box(3);
    // SAFETY: `start` was just allocated with four words.
    unsafe { *(start as *mut u64).add(1) = x.to_bits() };
    vec![TAG, TAG | n, start]
}

fn run_native(trace: &Trace, frame: &mut Vec<u64>) -> SnapId {
    let options = CompileOptions::default().with_helper("box", box_helper as *const () as usize);
    let mut compiler = Compiler::host(options).unwrap();
    let cache = CodeCache::new(&mut compiler).unwrap();
    let code = cache.compile_and_install(&mut compiler, trace).unwrap();
    frame.resize(frame.len().max(code.frame_words()), 0);
    common::enter(&cache, TraceId(0), frame, std::ptr::null_mut()).snap
}

fn run_reference(trace: &Trace, frame: &mut Vec<u64>) -> SnapId {
    let mut heap = RealHeap {
        helpers: vec![("box".to_string(), Box::new(|a: &[u64]| alloc_box(a[0])))],
    };
    match interp::run(trace, frame, &mut heap, 10_000_000) {
        Outcome::Exit(s) => s,
        other => panic!("reference run ended with {other:?}"),
    }
}

#[test]
fn a_sunk_loop_phi_is_rebuilt_on_exit_like_the_reference_interpreter() {
    let trace = optimized();
    for n in [0u64, 1, 2, 3, 17, 1000] {
        let mut native = frame_for(n, 8.0);
        let mut reference = native.clone();
        let ns = run_native(&trace, &mut native);
        let rs = run_reference(&trace, &mut reference);
        assert_eq!(ns, rs, "n = {n}: exit");
        assert_eq!(native[..2], reference[..2], "n = {n}: counters");
        assert_eq!(
            box_contents(native[2]),
            box_contents(reference[2]),
            "n = {n}: the rebuilt box"
        );
        let mut x = 8.0f64;
        for _ in 0..n {
            x = x * 0.5 + 1.0;
        }
        assert_eq!(native[0], TAG | n, "n = {n}: ran every iteration");
        assert_eq!(box_contents(native[2]), [3, x.to_bits()], "n = {n}");
    }
}
