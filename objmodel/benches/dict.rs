//! Dict insert / lookup / iterate / delete at sizes 8, 1k and 1M against
//! hashbrown's `HashMap` (CPython's numbers: `python3 benches/dict_cpython.py`).
//!
//! `cargo bench -p pyvm-objmodel --bench dict`
//!
//! Keys are the ints `0..n`, hashed as Python hashes them (to themselves);
//! every size performs about the same number of operations in total.

mod util;

use hashbrown::HashMap;
use pyvm_objmodel::{Dict, KeyOps, Symbols, Value};
use std::convert::Infallible;
use std::hint::black_box;
use util::{median_ns_per_op, median_ns_per_op_with};

/// Int keys: Python's hash of an int is the int.
struct Ints;
impl Symbols for Ints {}
impl KeyOps for Ints {
    type Error = Infallible;
    #[inline]
    fn hash(&mut self, key: Value) -> Result<u64, Infallible> {
        Ok(key.int_unchecked() as u64)
    }
    fn eq(&mut self, a: Value, b: Value) -> Result<bool, Infallible> {
        Ok(a.as_int() == b.as_int())
    }
}

/// (size, repetitions): about 1M operations per measurement.
const SIZES: [(usize, usize); 3] = [(8, 131_072), (1_000, 1_000), (1_000_000, 1)];
const RUNS: usize = 5;

fn main() {
    // `cargo bench --bench dict -- 8` runs only the sizes named.
    let only: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    println!("| size | op | Dict ns/op | hashbrown HashMap ns/op | Dict/HashMap |");
    println!("|---:|---|---:|---:|---:|");
    for (n, reps) in SIZES {
        if !only.is_empty() && !only.contains(&n) {
            continue;
        }
        let ops = n * reps;
        let keys: Vec<Value> = (0..n as i64).map(|i| Value::from_int(i).unwrap()).collect();
        let raw: Vec<i64> = (0..n as i64).collect();
        let build = || {
            let mut d = Dict::new();
            for &k in &keys {
                d.insert(&mut Ints, k, k).unwrap();
            }
            d
        };
        let build_map = || {
            let mut m = HashMap::new();
            for &k in &raw {
                m.insert(k, k);
            }
            m
        };

        let insert = median_ns_per_op(RUNS, ops, || {
            for _ in 0..reps {
                black_box(build());
            }
        });
        let insert_m = median_ns_per_op(RUNS, ops, || {
            for _ in 0..reps {
                black_box(build_map());
            }
        });

        let mut dicts: Vec<Dict> = (0..reps.min(1024)).map(|_| build()).collect();
        let maps: Vec<HashMap<i64, i64>> = (0..reps.min(1024)).map(|_| build_map()).collect();
        let lookup = median_ns_per_op(RUNS, ops, || {
            let mut s = 0i64;
            for r in 0..reps {
                let d = &mut dicts[r % 1024.min(reps)];
                for &k in &keys {
                    s = s.wrapping_add(d.get(&mut Ints, k).unwrap().unwrap().int_unchecked());
                }
            }
            black_box(s);
        });
        let lookup_m = median_ns_per_op(RUNS, ops, || {
            let mut s = 0i64;
            for r in 0..reps {
                let m = &maps[r % 1024.min(reps)];
                for k in &raw {
                    s = s.wrapping_add(m[k]);
                }
            }
            black_box(s);
        });

        let iterate = median_ns_per_op(RUNS, ops, || {
            let mut s = 0i64;
            for r in 0..reps {
                for (k, _) in dicts[r % 1024.min(reps)].items(&Ints) {
                    s = s.wrapping_add(k.int_unchecked());
                }
            }
            black_box(s);
        });
        let iterate_m = median_ns_per_op(RUNS, ops, || {
            let mut s = 0i64;
            for r in 0..reps {
                for (k, _) in &maps[r % 1024.min(reps)] {
                    s = s.wrapping_add(*k);
                }
            }
            black_box(s);
        });
        drop((dicts, maps));

        let delete = median_ns_per_op_with(
            RUNS,
            ops,
            || (0..reps).map(|_| build()).collect::<Vec<_>>(),
            |ds| {
                for d in ds.iter_mut() {
                    for &k in &keys {
                        black_box(d.remove(&mut Ints, k).unwrap());
                    }
                }
            },
        );
        let delete_m = median_ns_per_op_with(
            RUNS,
            ops,
            || (0..reps).map(|_| build_map()).collect::<Vec<_>>(),
            |ms| {
                for m in ms.iter_mut() {
                    for k in &raw {
                        black_box(m.remove(k));
                    }
                }
            },
        );

        for (op, a, b) in [
            ("insert", insert, insert_m),
            ("lookup", lookup, lookup_m),
            ("iterate", iterate, iterate_m),
            ("delete", delete, delete_m),
        ] {
            println!("| {n} | {op} | {a:.2} | {b:.2} | {:.2} |", a / b);
        }
    }
}
