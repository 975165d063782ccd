//! Compile-and-run tests: traces written with the tracer's text format run
//! natively and, where they touch no VM memory, against the tracer's
//! reference interpreter.

mod common;

use common::{differential, parse, run_native};
use pyvm_codegen::CompileOptions;
use pyvm_tracer::SnapId;

/// `while i < n: s += i; i += 1` — exits through snap1 when `i == n`.
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

#[test]
fn integer_loop_exits_at_the_chosen_iteration_with_the_frame_written_back() {
    for n in [0i64, 1, 7, 1000, 123_457] {
        let (exit, frame) = differential(SUM_LOOP, &[0, 0, n as u64, 5]);
        assert_eq!(exit, SnapId(1));
        assert_eq!(frame[1] as i64, n, "i after the loop");
        assert_eq!(frame[3] as i64, 5 + n * (n - 1) / 2, "sum after the loop");
        assert_eq!(frame[2] as i64, n, "untouched slot keeps its value");
    }
}

#[test]
fn overflow_guard_exits_with_the_last_good_values() {
    // Start the sum near i64::MAX so that addov overflows after a few steps.
    let start = i64::MAX - 10;
    let (exit, frame) = differential(SUM_LOOP, &[0, 1, 1000, start as u64]);
    assert_eq!(exit, SnapId(1));
    // 1+2+3+4 = 10 fits; adding 5 overflows: the exit sees i = 5 and the
    // sum before the failed add.
    assert_eq!(frame[1] as i64, 5);
    assert_eq!(frame[3] as i64, start + 10);
}

/// `x = x * a + b` repeated `n` times, in f64.
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

#[test]
fn float_loop_matches_rust_arithmetic_bit_for_bit() {
    let a = 0.999_f64;
    let (exit, frame) = differential(FLOAT_LOOP, &[0, 10_000, 3.5f64.to_bits(), a.to_bits()]);
    assert_eq!(exit, SnapId(1));
    let mut x = 3.5f64;
    for _ in 0..10_000 {
        x = x * a + 0.25;
    }
    assert_eq!(f64::from_bits(frame[2]).to_bits(), x.to_bits());
    assert_eq!(frame[1], 0);
}

/// Float comparisons, conversions and bool stores.
const FLOAT_OPS: &str = "
    trace t0
    snap0 [s0 pc 0]
    x = sload.f64 s1
    y = sload.f64 s2
    lt = flt.bool x, y
    ge = fge.bool x, y
    ne = fne.bool x, y
    q = fdiv.f64 x, y
    i = f2i.i64 q
    back = i2f.f64 i
    bits = f2bits.i64 x
    neg = fneg.f64 y
    snap1 [s0 pc 1] s3=lt s4=ge s5=ne s6=i s7=back s8=bits s9=neg
    exit snap1
";

#[test]
fn float_ops_follow_ieee_and_saturate_conversions() {
    let cases = [
        (7.5, 2.0),
        (-7.5, 2.0),
        (1.0, 0.0),
        (f64::NAN, 1.0),
        (1e300, 1e-300),
        (-0.0, 0.0),
    ];
    for (x, y) in cases {
        let frame = [0, f64::to_bits(x), f64::to_bits(y), 0, 0, 0, 0, 0, 0, 0];
        let (_, out) = differential(FLOAT_OPS, &frame);
        assert_eq!(out[3], (x < y) as u64, "{x} < {y}");
        assert_eq!(out[4], (x >= y) as u64, "{x} >= {y}");
        assert_eq!(out[5], (x != y) as u64, "{x} != {y}");
        assert_eq!(out[6] as i64, (x / y) as i64, "saturating f2i of {x}/{y}");
        assert_eq!(out[8], x.to_bits());
        assert_eq!(f64::from_bits(out[9]).to_bits(), (-y).to_bits());
    }
}

/// Integer ops; shifts take their count modulo 64.
const INT_OPS: &str = "
    trace t0
    snap0 [s0 pc 0]
    a = sload.i64 s1
    b = sload.i64 s2
    m = mul.i64 a, b
    x = xor.i64 a, b
    o = or.i64 a, b
    n = and.i64 a, b
    l = shl.i64 a, b
    r = shr.i64 a, b
    sa = sar.i64 a, b
    ng = neg.i64 a
    e = eq.bool a, b
    le = le.bool a, b
    nb = not.bool le
    bi = b2i.i64 nb
    snap1 [s0 pc 1] s3=m s4=x s5=o s6=n s7=l s8=r s9=sa s10=ng s11=e s12=bi
    exit snap1
";

#[test]
fn integer_ops_wrap_and_mask_shift_counts() {
    for (a, b) in [
        (5i64, 3i64),
        (-40, 2),
        (i64::MIN, -1),
        (1, 65),
        (-1, 70),
        (12345, 12345),
    ] {
        let mut frame = vec![0u64; 13];
        frame[1] = a as u64;
        frame[2] = b as u64;
        let (_, out) = differential(INT_OPS, &frame);
        assert_eq!(out[3] as i64, a.wrapping_mul(b));
        assert_eq!(out[4] as i64, a ^ b);
        assert_eq!(out[7] as i64, a.wrapping_shl(b as u32));
        assert_eq!(out[8], (a as u64).wrapping_shr(b as u32));
        assert_eq!(out[9] as i64, a.wrapping_shr(b as u32));
        assert_eq!(out[10] as i64, a.wrapping_neg());
        assert_eq!(out[11], (a == b) as u64);
        assert_eq!(out[12], (a > b) as u64);
    }
}

/// A trace without `loop` that links to itself, counting down with a
/// multiplication-overflow guard.
const SELF_LINK: &str = "
    trace t0
    snap0 [s0 pc 0]
    n = sload.i64 s1
    p = sload.i64 s2
    c = gt.bool n, 0
    gtrue c snap0
    p2 = mulov.i64 p, 3 snap0
    n2 = sub.i64 n, 1
    snap1 [s0 pc 0] s1=n2 s2=p2
    link t0 snap1
";

#[test]
fn self_link_loops_through_the_frame_until_a_guard_fails() {
    let (exit, frame) = differential(SELF_LINK, &[0, 5, 1]);
    assert_eq!(exit, SnapId(0));
    assert_eq!(frame[1..], [0, 243]);
    // 3^40 overflows i64: the exit is taken with the last good power.
    let (exit, frame) = differential(SELF_LINK, &[0, 100, 1]);
    assert_eq!(exit, SnapId(0));
    assert_eq!(frame[2], 3u64.pow(39));
    assert_eq!(frame[1], 100 - 39);
}

#[test]
fn tag_guard_exits_on_the_wrong_tag() {
    let text = "
        trace t0
        snap0 [s0 pc 0]
        w = sload.ref s1
        gtag w, 7, 1 snap0
        i = ref2i.i64 w
        v = sar.i64 i, 3
        snap1 [s0 pc 1] s2=v
        exit snap1
    ";
    let mut frame = [0, (42u64 << 3) | 1, 0];
    assert_eq!(
        run_native(text, &mut frame, CompileOptions::default()),
        SnapId(1)
    );
    assert_eq!(frame[2], 42);
    let mut frame = [0, (42u64 << 3) | 2, 99];
    assert_eq!(
        run_native(text, &mut frame, CompileOptions::default()),
        SnapId(0)
    );
    assert_eq!(frame[2], 99, "the failing guard's snapshot changes nothing");
}

#[test]
fn malformed_or_unsupported_traces_are_errors_not_crashes() {
    let trace = parse(
        "
        trace t0
        helper h0 mystery(i64) -> i64 []
        snap0 [s0 pc 0]
        a = sload.i64 s1
        b = call.i64 h0(a)
        snap1 [s0 pc 0] s1=b
        exit snap1
    ",
    );
    let (mut compiler, cache) = common::jit(CompileOptions::default());
    let err = cache
        .compile_and_install(&mut compiler, &trace)
        .unwrap_err();
    assert!(err.to_string().contains("mystery"), "{err}");
    assert!(cache.is_empty());
}

#[test]
fn an_allocation_whose_helper_returns_no_reference_is_refused_not_a_crash() {
    // `verify` leaves the helper's return type of `new` to the backend.
    for ret in ["f64", "bool", "void"] {
        let text = format!(
            "
            trace t0
            helper h0 odd() -> {ret} [alloc]
            snap0 [s0 pc 0]
            p = new.ref h0()
            snap1 [s0 pc 0] s1=p
            exit snap1
        "
        );
        let trace = parse(&text);
        let options = CompileOptions::default().with_helper("odd", 0x1000);
        let (mut compiler, cache) = common::jit(options);
        let err = cache
            .compile_and_install(&mut compiler, &trace)
            .unwrap_err();
        assert!(err.to_string().contains("odd"), "{ret}: {err}");
        assert!(cache.is_empty());
    }
}
