//! Box / unbox / type-test of `Value` against a plain Rust enum.
//!
//! `cargo bench -p pyvm-objmodel --bench value`

mod util;

use pyvm_objmodel::Value;
use std::hint::black_box;
use util::median_ns_per_op;

/// The obvious alternative representation: a 16-byte enum.
#[derive(Clone, Copy)]
#[allow(dead_code)]
enum Repr {
    Int(i64),
    Float(f64),
    None,
    Heap(usize),
}

const N: usize = 1 << 20;
const RUNS: usize = 15;

fn main() {
    let ints: Vec<i64> = (0..N as i64).map(|i| i * 7 - 3_000_000).collect();
    let mut out_v = vec![Value::NONE; N];
    let mut out_e = vec![Repr::None; N];

    let box_v = median_ns_per_op(RUNS, N, || {
        for (o, &i) in out_v.iter_mut().zip(black_box(&ints)) {
            *o = Value::from_int(i).unwrap_or(Value::NONE);
        }
        black_box(&out_v);
    });
    let box_e = median_ns_per_op(RUNS, N, || {
        for (o, &i) in out_e.iter_mut().zip(black_box(&ints)) {
            *o = Repr::Int(i);
        }
        black_box(&out_e);
    });
    let boxf_v = median_ns_per_op(RUNS, N, || {
        for (o, &i) in out_v.iter_mut().zip(black_box(&ints)) {
            *o = Value::from_float(i as f64 * 0.5);
        }
        black_box(&out_v);
    });
    let boxf_e = median_ns_per_op(RUNS, N, || {
        for (o, &i) in out_e.iter_mut().zip(black_box(&ints)) {
            *o = Repr::Float(i as f64 * 0.5);
        }
        black_box(&out_e);
    });

    // Mixed ints and floats (and a few Nones): type test + unbox + add.
    for (i, (v, e)) in out_v.iter_mut().zip(out_e.iter_mut()).enumerate() {
        (*v, *e) = match i % 5 {
            0 | 2 => (Value::from_int(i as i64).unwrap(), Repr::Int(i as i64)),
            4 if i % 3 == 0 => (Value::NONE, Repr::None),
            _ => (Value::from_float(i as f64), Repr::Float(i as f64)),
        };
    }
    let sum_v = median_ns_per_op(RUNS, N, || {
        let (mut si, mut sf) = (0i64, 0f64);
        for v in black_box(&out_v) {
            if v.is_int() {
                si = si.wrapping_add(v.int_unchecked());
            } else if v.is_float() {
                sf += v.float_unchecked();
            }
        }
        black_box((si, sf));
    });
    let sum_e = median_ns_per_op(RUNS, N, || {
        let (mut si, mut sf) = (0i64, 0f64);
        for e in black_box(&out_e) {
            match *e {
                Repr::Int(i) => si = si.wrapping_add(i),
                Repr::Float(f) => sf += f,
                _ => {}
            }
        }
        black_box((si, sf));
    });

    println!(
        "| operation ({N} values, median of {RUNS}) | Value ns/op | enum ns/op | Value/enum |"
    );
    println!("|---|---:|---:|---:|");
    for (name, v, e) in [
        ("box int (with range check)", box_v, box_e),
        ("box float", boxf_v, boxf_e),
        ("type-test + unbox + add (mixed)", sum_v, sum_e),
    ] {
        println!("| {name} | {v:.2} | {e:.2} | {:.2} |", v / e);
    }
    println!(
        "\nsize_of: Value = {} bytes, enum = {} bytes",
        std::mem::size_of::<Value>(),
        std::mem::size_of::<Repr>()
    );
}
