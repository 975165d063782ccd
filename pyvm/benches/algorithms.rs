//! Throughput of the runtime algorithms: `cargo bench -p pyvm --bench
//! algorithms`. Prints a Markdown table of median nanoseconds of thread CPU
//! time per operation over 11 samples (CPU time, because the machine is
//! shared and wall time mostly measures the other tenants);
//! `benches/cpython_baseline.py` times the same operations in CPython.

use std::hint::black_box;

use num_bigint::BigInt;
use pyvm::float_format::format_float;
use pyvm::float_parse::parse_float;
use pyvm::float_repr::repr_f64;
use pyvm::int_format::int_to_str;
use pyvm::int_parse::{MaxStrDigits, parse_int};
use pyvm::mt19937::Mt19937;
use pyvm::num_hash::hash_f64;
use pyvm::sort::sort_by;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// CPU time consumed by this thread, in nanoseconds.
fn thread_cpu_ns() -> u128 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec and the clock id is a
    // constant the platform defines.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    assert_eq!(rc, 0, "clock_gettime");
    ts.tv_sec as u128 * 1_000_000_000 + ts.tv_nsec as u128
}

/// Median CPU nanoseconds per operation of `run`, which performs `ops`
/// operations.
fn median_ns(ops: usize, mut run: impl FnMut()) -> f64 {
    run();
    let mut samples: Vec<f64> = (0..11)
        .map(|_| {
            let t = thread_cpu_ns();
            run();
            (thread_cpu_ns() - t) as f64 / ops as f64
        })
        .collect();
    samples.sort_by(f64::total_cmp);
    samples[samples.len() / 2]
}

fn row(name: &str, ns: f64) {
    println!("| {name} | {ns:.1} |");
}

fn main() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let floats: Vec<f64> = (0..10_000)
        .map(|i| {
            if i % 2 == 0 {
                (rng.next() % 10_000_000) as f64 / 1000.0
            } else {
                f64::from_bits(rng.next() >> 2 | 0x3000_0000_0000_0000)
            }
        })
        .collect();
    let reprs: Vec<String> = floats.iter().map(|x| repr_f64(*x)).collect();
    let int_texts: Vec<String> = (0..10_000).map(|_| (rng.next() >> 4).to_string()).collect();
    let bigs: Vec<BigInt> = (0..1_000)
        .map(|_| BigInt::from(rng.next()).pow(3) * BigInt::from(rng.next()))
        .collect();
    let limit = MaxStrDigits::default();

    println!("| operation | median ns/op |");
    println!("|---|---|");
    row(
        "repr(float)",
        median_ns(floats.len(), || {
            for x in &floats {
                black_box(repr_f64(*x));
            }
        }),
    );
    row(
        "format(float, ',.2f')",
        median_ns(floats.len(), || {
            for x in &floats {
                black_box(format_float(*x, ",.2f").unwrap());
            }
        }),
    );
    row(
        "float(str)",
        median_ns(reprs.len(), || {
            for s in &reprs {
                black_box(parse_float(s).unwrap());
            }
        }),
    );
    row(
        "hash(float)",
        median_ns(floats.len(), || {
            for x in &floats {
                black_box(hash_f64(*x, 0));
            }
        }),
    );
    row(
        "int(str) (~18 digits)",
        median_ns(int_texts.len(), || {
            for s in &int_texts {
                black_box(parse_int(s, 10, limit).unwrap());
            }
        }),
    );
    row(
        "str(int) (~77 digits)",
        median_ns(bigs.len(), || {
            for n in &bigs {
                black_box(int_to_str(n, limit).unwrap());
            }
        }),
    );
    let mut mt = Mt19937::from_int_seed(&BigInt::from(42));
    row(
        "random()",
        median_ns(100_000, || {
            for _ in 0..100_000 {
                black_box(mt.random());
            }
        }),
    );

    let n = 100_000;
    let random: Vec<u64> = (0..n).map(|_| rng.next()).collect();
    let mut nearly: Vec<u64> = (0..n as u64).collect();
    for _ in 0..n / 100 {
        let (i, j) = (rng.next() as usize % n, rng.next() as usize % n);
        nearly.swap(i, j);
    }
    let sorted: Vec<u64> = (0..n as u64).collect();
    for (name, data) in [
        ("random", &random),
        ("1% swapped", &nearly),
        ("sorted", &sorted),
    ] {
        let ours = median_ns(n, || {
            let mut v = data.clone();
            sort_by(&mut v, |a, b| Ok::<_, ()>(a < b)).unwrap();
            black_box(v);
        });
        let std = median_ns(n, || {
            let mut v = data.clone();
            v.sort();
            black_box(v);
        });
        row(&format!("sort 100k u64, {name} (pyvm)"), ours);
        row(&format!("sort 100k u64, {name} (std stable)"), std);
    }
    let mut cmp_counts = Vec::new();
    for data in [&random, &nearly, &sorted] {
        let mut v = data.clone();
        let mut count = 0u64;
        sort_by(&mut v, |a, b| {
            count += 1;
            Ok::<_, ()>(a < b)
        })
        .unwrap();
        cmp_counts.push(count);
    }
    println!();
    println!(
        "comparisons for 100k (random, 1% swapped, sorted): {} {} {}",
        cmp_counts[0], cmp_counts[1], cmp_counts[2]
    );
}
