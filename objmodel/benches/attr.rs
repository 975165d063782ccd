//! Shape-cached attribute get/set against a `HashMap<String, Value>` per
//! object.
//!
//! `cargo bench -p pyvm-objmodel --bench attr`

mod util;

use pyvm_objmodel::{Dict, KeyOps, ShapeTree, Symbol, Symbols, Value};
use std::collections::HashMap;
use std::convert::Infallible;
use std::hint::black_box;
use std::sync::Arc;
use util::median_ns_per_op;

const OBJECTS: usize = 1024;
const ROUNDS: usize = 1000;
const RUNS: usize = 9;
const NAMES: [&str; 4] = ["alpha", "beta", "gamma", "delta"];

/// Names are interned strings at fake addresses `0x1000 + 8*i`.
struct Vm;
impl Symbols for Vm {
    fn symbol_of(&mut self, key: Value) -> Option<Symbol> {
        Some(Symbol::new(((key.heap_addr()? - 0x1000) / 8) as u32))
    }
    fn symbol_key(&self, sym: Symbol) -> Value {
        name(sym.index() as usize)
    }
}
impl KeyOps for Vm {
    type Error = Infallible;
    fn hash(&mut self, key: Value) -> Result<u64, Infallible> {
        Ok(key.to_bits())
    }
    fn eq(&mut self, _: Value, _: Value) -> Result<bool, Infallible> {
        Ok(false)
    }
    fn is_interned(&self, _: Value) -> bool {
        true
    }
}

fn name(i: usize) -> Value {
    Value::from_heap_addr(0x1000 + 8 * i).unwrap()
}

fn main() {
    let tree = Arc::new(ShapeTree::new());
    let mut vm = Vm;
    let mut objs: Vec<Dict> = (0..OBJECTS)
        .map(|o| {
            let mut d = Dict::new_split(tree.clone(), tree.root());
            for i in 0..NAMES.len() {
                d.insert(&mut vm, name(i), Value::from_int((o + i) as i64).unwrap())
                    .unwrap();
            }
            d
        })
        .collect();
    let mut maps: Vec<HashMap<String, Value>> = (0..OBJECTS)
        .map(|o| {
            NAMES
                .iter()
                .enumerate()
                .map(|(i, n)| (n.to_string(), Value::from_int((o + i) as i64).unwrap()))
                .collect()
        })
        .collect();
    // The inline cache of `obj.gamma`, filled once by a slow lookup.
    let sym = vm.symbol_of(name(2)).unwrap();
    let cache = (
        objs[0].shape(),
        tree.get(objs[0].shape()).slot_of(sym).unwrap(),
    );
    let ops = OBJECTS * ROUNDS;

    let get_shape = median_ns_per_op(RUNS, ops, || {
        let mut s = 0i64;
        for _ in 0..ROUNDS {
            for d in black_box(&objs) {
                if d.shape() == cache.0 {
                    s = s.wrapping_add(d.slot(cache.1).unwrap().int_unchecked());
                }
            }
        }
        black_box(s);
    });
    let get_map = median_ns_per_op(RUNS, ops, || {
        let mut s = 0i64;
        for _ in 0..ROUNDS {
            for m in black_box(&maps) {
                s = s.wrapping_add(m.get(black_box("gamma")).unwrap().int_unchecked());
            }
        }
        black_box(s);
    });
    let set_shape = median_ns_per_op(RUNS, ops, || {
        for r in 0..ROUNDS {
            let v = Value::from_int(r as i64).unwrap();
            for d in black_box(&mut objs) {
                if d.shape() == cache.0 {
                    d.set_slot(cache.1, v);
                }
            }
        }
    });
    let set_map = median_ns_per_op(RUNS, ops, || {
        for r in 0..ROUNDS {
            let v = Value::from_int(r as i64).unwrap();
            for m in black_box(&mut maps) {
                *m.get_mut(black_box("gamma")).unwrap() = v;
            }
        }
    });
    let get_uncached = median_ns_per_op(RUNS, ops, || {
        let mut s = 0i64;
        for _ in 0..ROUNDS {
            for d in black_box(&mut objs) {
                let v = d.get(&mut vm, name(2)).unwrap().unwrap();
                s = s.wrapping_add(v.int_unchecked());
            }
        }
        black_box(s);
    });

    println!(
        "| attribute access ({OBJECTS} objects x {ROUNDS} rounds, median of {RUNS}) | ns/op | vs HashMap<String, Value> |"
    );
    println!("|---|---:|---:|");
    println!(
        "| get, shape guard + slot load | {get_shape:.2} | {:.2} |",
        get_shape / get_map
    );
    println!("| get, `HashMap<String, Value>` | {get_map:.2} | 1.00 |");
    println!(
        "| set, shape guard + slot store (+ version tag) | {set_shape:.2} | {:.2} |",
        set_shape / set_map
    );
    println!("| set, `HashMap<String, Value>` | {set_map:.2} | 1.00 |");
    println!(
        "| get without cache (`Dict::get`: symbol → shape table) | {get_uncached:.2} | {:.2} |",
        get_uncached / get_map
    );
}
