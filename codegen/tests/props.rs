//! Property test: random straight-line traces over every pure integer,
//! float and bool op, with guards and overflow checks, give the same exit
//! and the same frame natively as in the tracer's reference interpreter.

mod common;

use proptest::prelude::*;

/// Value pools by type while generating: names of defined values.
struct Pools {
    ints: Vec<String>,
    floats: Vec<String>,
    bools: Vec<String>,
}

const INT_OPS: [&str; 9] = ["add", "sub", "mul", "and", "or", "xor", "shl", "shr", "sar"];
const OV_OPS: [&str; 3] = ["addov", "subov", "mulov"];
const CMP_OPS: [&str; 6] = ["eq", "ne", "lt", "le", "gt", "ge"];
const FLOAT_OPS: [&str; 4] = ["fadd", "fsub", "fmul", "fdiv"];
const FCMP_OPS: [&str; 6] = ["feq", "fne", "flt", "fle", "fgt", "fge"];

fn pick(pool: &[String], k: u8) -> &str {
    &pool[k as usize % pool.len()]
}

/// Builds a trace from generated choices. Int slots 1-3, float slots 4-5;
/// results are written back by the guards' snapshots and the final exit:
/// ints and bools to slots 6-9, floats (as values) to slots 10-11.
fn build(steps: &[(u8, u8, u8)]) -> String {
    let mut t = String::from(
        "trace t0\nsnap0 [s0 pc 0]\na0 = sload.i64 s1\na1 = sload.i64 s2\na2 = sload.i64 s3\n\
         f0 = sload.f64 s4\nf1 = sload.f64 s5\n",
    );
    let mut p = Pools {
        ints: vec![
            "a0".into(),
            "a1".into(),
            "a2".into(),
            "7".into(),
            "-3".into(),
            "63".into(),
        ],
        floats: vec!["f0".into(), "f1".into(), "0.5".into(), "-2.0".into()],
        bools: vec!["true".into()],
    };
    let mut snaps = 1;
    for (n, &(op, a, b)) in steps.iter().enumerate() {
        let v = format!("v{n}");
        match op % 11 {
            0..=2 => {
                let o = INT_OPS[(op as usize / 11) % INT_OPS.len()];
                t += &format!("{v} = {o}.i64 {}, {}\n", pick(&p.ints, a), pick(&p.ints, b));
                p.ints.push(v);
            }
            3 => {
                let o = OV_OPS[(op as usize / 11) % OV_OPS.len()];
                let (x, y) = (pick(&p.ints, a).to_string(), pick(&p.ints, b).to_string());
                t += &format!("snap{snaps} [s0 pc {n}] s6={x} s7={y}\n");
                t += &format!("{v} = {o}.i64 {x}, {y} snap{snaps}\n");
                snaps += 1;
                p.ints.push(v);
            }
            4 => {
                let o = CMP_OPS[(op as usize / 11) % CMP_OPS.len()];
                t += &format!(
                    "{v} = {o}.bool {}, {}\n",
                    pick(&p.ints, a),
                    pick(&p.ints, b)
                );
                p.bools.push(v);
            }
            5 | 6 => {
                let o = FLOAT_OPS[(op as usize / 11) % FLOAT_OPS.len()];
                t += &format!(
                    "{v} = {o}.f64 {}, {}\n",
                    pick(&p.floats, a),
                    pick(&p.floats, b)
                );
                p.floats.push(v);
            }
            7 => {
                let o = FCMP_OPS[(op as usize / 11) % FCMP_OPS.len()];
                t += &format!(
                    "{v} = {o}.bool {}, {}\n",
                    pick(&p.floats, a),
                    pick(&p.floats, b)
                );
                p.bools.push(v);
            }
            8 => {
                match b % 4 {
                    0 => t += &format!("{v} = i2f.f64 {}\n", pick(&p.ints, a)),
                    1 => t += &format!("{v} = fneg.f64 {}\n", pick(&p.floats, a)),
                    2 => t += &format!("{v} = f2i.i64 {}\n", pick(&p.floats, a)),
                    _ => t += &format!("{v} = neg.i64 {}\n", pick(&p.ints, a)),
                }
                if b % 4 == 2 || b % 4 == 3 {
                    p.ints.push(v);
                } else {
                    p.floats.push(v);
                }
            }
            9 => {
                let x = pick(&p.bools, a).to_string();
                t += &format!("{v} = not.bool {x}\n");
                p.bools.push(v.clone());
                let w = format!("w{n}");
                t += &format!("{w} = b2i.i64 {v}\n");
                p.ints.push(w);
            }
            _ => {
                // A guard on a bool computed so far; the exit records
                // some state.
                let c = pick(&p.bools, a).to_string();
                let g = if b % 2 == 0 { "gtrue" } else { "gfalse" };
                let (i, f) = (pick(&p.ints, b).to_string(), pick(&p.floats, a).to_string());
                t += &format!("snap{snaps} [s0 pc {n}] s8={i} s10={f}\n");
                t += &format!("{g} {c} snap{snaps}\n");
                snaps += 1;
            }
        }
    }
    let i = p.ints.last().unwrap().clone();
    let j = p.ints[p.ints.len() / 2].clone();
    let c = p.bools.last().unwrap().clone();
    let f = p.floats.last().unwrap().clone();
    t += &format!("snap{snaps} [s0 pc 99] s6={i} s7={j} s9={c} s11={f}\nexit snap{snaps}\n");
    t
}

fn interesting_float() -> impl Strategy<Value = f64> {
    prop_oneof![
        any::<f64>(),
        Just(0.0),
        Just(-0.0),
        Just(f64::INFINITY),
        Just(f64::NEG_INFINITY),
        Just(1e300),
        Just(-1.5),
        Just(9.3e18),
    ]
}

fn interesting_int() -> impl Strategy<Value = i64> {
    prop_oneof![
        any::<i64>(),
        -100i64..100,
        Just(i64::MAX),
        Just(i64::MIN),
        Just(1i64 << 62),
    ]
}

/// Float slots compare as values (any NaN equals any NaN: payloads of
/// NaNs produced by arithmetic are not part of the IR's semantics).
fn same(native: &[u64], reference: &[u64]) -> bool {
    native
        .iter()
        .zip(reference)
        .enumerate()
        .all(|(i, (&a, &b))| {
            let float_slot = matches!(i, 4 | 5 | 10 | 11);
            a == b || (float_slot && f64::from_bits(a).is_nan() && f64::from_bits(b).is_nan())
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn random_traces_match_the_reference_interpreter(
        steps in prop::collection::vec((any::<u8>(), any::<u8>(), any::<u8>()), 1..40),
        ints in [interesting_int(), interesting_int(), interesting_int()],
        floats in [interesting_float(), interesting_float()],
    ) {
        let text = build(&steps);
        let mut frame = vec![0u64; 12];
        frame[1..4].copy_from_slice(&ints.map(|i| i as u64));
        frame[4] = floats[0].to_bits();
        frame[5] = floats[1].to_bits();
        let mut native = frame.clone();
        let mut reference = frame.clone();
        let ns = common::run_native(&text, &mut native, pyvm_codegen::CompileOptions::default());
        let mut heap = common::RealHeap { helpers: Vec::new() };
        let rs = common::run_reference(&text, &mut reference, &mut heap);
        prop_assert_eq!(ns, rs, "exit differs for\n{}", text);
        prop_assert!(same(&native, &reference), "frames differ: {:x?} vs {:x?}\n{}", native, reference, text);
    }
}
