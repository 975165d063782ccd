//! Dict insert / lookup / iterate / delete at sizes 8, 1k and 1M against
//! hashbrown's `HashMap` (CPython's numbers: `python3 benches/dict_cpython.py`).
//!
//! `cargo bench -p pyvm-objmodel --bench dict [-- SIZE...]`
//!
//! Two key kinds: the ints `0..n`, hashed as Python hashes them (to
//! themselves), and interned strings (fake heap addresses whose cached hash
//! is a mix of the address, as a VM reads it from the string object). Every
//! size performs about the same number of operations in total.

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

/// Interned string keys: equal only when identical, hash cached.
struct Strs;
impl Symbols for Strs {}
impl KeyOps for Strs {
    type Error = Infallible;
    #[inline]
    fn hash(&mut self, key: Value) -> Result<u64, Infallible> {
        Ok(key
            .to_bits()
            .wrapping_mul(0xA076_1D64_78BD_642F)
            .rotate_left(29))
    }
    fn eq(&mut self, _: Value, _: Value) -> Result<bool, Infallible> {
        Ok(false)
    }
    #[inline]
    fn is_interned(&self, _: Value) -> bool {
        true
    }
}

/// (size, repetitions): about 1M operations per measurement.
const SIZES: [(usize, usize); 3] = [(8, 131_072), (1_000, 1_000), (1_000_000, 1)];
const RUNS: usize = 5;

/// Measure the four operations at size `n` with `keys`; `raw` are the same
/// keys as hashbrown sees them.
fn measure<K: KeyOps<Error = Infallible>>(
    kind: &str,
    n: usize,
    reps: usize,
    keys: &[Value],
    raw: &[u64],
    ops: impl Fn() -> K,
) {
    let total = n * reps;
    let build = || {
        let mut k = ops();
        let mut d = Dict::new();
        for &key in keys {
            let Ok(_) = d.insert(&mut k, key, key);
        }
        d
    };
    let build_map = || {
        let mut m = HashMap::new();
        for &k in raw {
            m.insert(k, k);
        }
        m
    };
    let insert = median_ns_per_op(RUNS, total, || {
        for _ in 0..reps {
            black_box(build());
        }
    });
    let insert_m = median_ns_per_op(RUNS, total, || {
        for _ in 0..reps {
            black_box(build_map());
        }
    });

    let held = reps.min(1024);
    let mut dicts: Vec<Dict> = (0..held).map(|_| build()).collect();
    let maps: Vec<HashMap<u64, u64>> = (0..held).map(|_| build_map()).collect();
    let mut k = ops();
    let lookup = median_ns_per_op(RUNS, total, || {
        let mut s = 0u64;
        for r in 0..reps {
            let d = &mut dicts[r % held];
            for &key in keys {
                let Ok(v) = d.get(&mut k, key);
                s = s.wrapping_add(v.map_or(0, Value::to_bits));
            }
        }
        black_box(s);
    });
    let lookup_m = median_ns_per_op(RUNS, total, || {
        let mut s = 0u64;
        for r in 0..reps {
            let m = &maps[r % held];
            for key in raw {
                s = s.wrapping_add(m[key]);
            }
        }
        black_box(s);
    });
    let iterate = median_ns_per_op(RUNS, total, || {
        let mut s = 0u64;
        for r in 0..reps {
            for (key, _) in dicts[r % held].items(&k) {
                s = s.wrapping_add(key.to_bits());
            }
        }
        black_box(s);
    });
    let iterate_m = median_ns_per_op(RUNS, total, || {
        let mut s = 0u64;
        for r in 0..reps {
            for (key, _) in &maps[r % held] {
                s = s.wrapping_add(*key);
            }
        }
        black_box(s);
    });
    drop((dicts, maps));

    let delete = median_ns_per_op_with(
        RUNS,
        total,
        || (0..reps).map(|_| build()).collect::<Vec<_>>(),
        |ds| {
            for d in ds.iter_mut() {
                for &key in keys {
                    let Ok(v) = d.remove(&mut k, key);
                    black_box(v);
                }
            }
        },
    );
    let delete_m = median_ns_per_op_with(
        RUNS,
        total,
        || (0..reps).map(|_| build_map()).collect::<Vec<_>>(),
        |ms| {
            for m in ms.iter_mut() {
                for key in raw {
                    black_box(m.remove(key));
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
        println!("| {kind} | {n} | {op} | {a:.2} | {b:.2} | {:.2} |", a / b);
    }
}

fn main() {
    // `cargo bench --bench dict -- 8` runs only the sizes named.
    let only: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    println!("| keys | size | op | Dict ns/op | hashbrown HashMap ns/op | Dict/HashMap |");
    println!("|---|---:|---|---:|---:|---:|");
    for (n, reps) in SIZES {
        if !only.is_empty() && !only.contains(&n) {
            continue;
        }
        let ints: Vec<Value> = (0..n as i64).map(|i| Value::from_int(i).unwrap()).collect();
        let raw: Vec<u64> = (0..n as u64).collect();
        measure("int", n, reps, &ints, &raw, || Ints);
        let strs: Vec<Value> = (0..n)
            .map(|i| Value::from_heap_addr(0x10_0000 + 48 * i).unwrap())
            .collect();
        let raw: Vec<u64> = strs.iter().map(|v| v.to_bits()).collect();
        measure("str", n, reps, &strs, &raw, || Strs);
    }
}
