//! Dicts against a model (a `Vec` of pairs) over random operation sequences,
//! with key equality that fails or mutates the dict being searched.

use proptest::prelude::*;
use pyvm_objmodel::{Dict, DictHost, KeyOps, ShapeTree, Symbol, Symbols, Value};
use std::sync::Arc;

/// Interned strings live at `STR_AT + 8*i`, equal-but-not-identical copies
/// of them at `COPY_AT + 8*i`.
const STR_AT: usize = 0x10000;
const COPY_AT: usize = 0x20000;
const NSTR: usize = 6;
/// Ints `0..NINT`; `2k` and `2k+1` are equal but not identical (like 1 and 1.0).
const NINT: i64 = 40;
/// An int whose hash always fails (an unhashable key).
const UNHASHABLE: i64 = 41;

#[derive(Debug, Clone, Copy, PartialEq)]
struct Failed;

/// The logical identity of a key: keys are equal exactly when these are.
fn logical(k: Value) -> i64 {
    if let Some(i) = k.as_int() {
        return i / 2;
    }
    let a = k.heap_addr().expect("test keys are ints or strings");
    let i = if a >= COPY_AT {
        (a - COPY_AT) / 8
    } else {
        (a - STR_AT) / 8
    };
    1000 + i as i64
}

fn key_of(ix: usize) -> Value {
    let n = NINT as usize;
    if ix < n {
        Value::from_int(ix as i64).unwrap()
    } else if ix == n {
        Value::from_int(UNHASHABLE).unwrap()
    } else if ix < n + 1 + NSTR {
        Value::from_heap_addr(STR_AT + 8 * (ix - n - 1)).unwrap()
    } else {
        Value::from_heap_addr(COPY_AT + 8 * (ix - n - 1 - NSTR)).unwrap()
    }
}
const NKEYS: usize = NINT as usize + 1 + 2 * NSTR;

/// The VM side: a dict plus hash/eq callbacks that may fail or mutate it.
struct Host {
    dict: Dict,
    rng: u64,
    /// Percent chance an `eq` call fails / mutates the dict.
    fail_pct: u64,
    mutate_pct: u64,
    /// Mutations `eq` may still perform.
    budget: usize,
    in_callback: bool,
    /// Mutations performed from inside `eq`, in order: (key, Some(value)) for
    /// an insert, (key, None) for a delete that found the key.
    log: Vec<(Value, Option<Value>)>,
    eq_calls: usize,
}

impl Host {
    fn roll(&mut self) -> u64 {
        // xorshift64*
        self.rng ^= self.rng >> 12;
        self.rng ^= self.rng << 25;
        self.rng ^= self.rng >> 27;
        self.rng.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 33
    }
}

impl Symbols for Host {
    fn symbol_of(&mut self, key: Value) -> Option<Symbol> {
        let a = key.heap_addr()?;
        let i = if a >= COPY_AT {
            (a - COPY_AT) / 8
        } else {
            (a - STR_AT) / 8
        };
        Some(Symbol::new(i as u32))
    }
    fn symbol_key(&self, sym: Symbol) -> Value {
        Value::from_heap_addr(STR_AT + 8 * sym.index() as usize).unwrap()
    }
}

impl KeyOps for Host {
    type Error = Failed;
    fn hash(&mut self, key: Value) -> Result<u64, Failed> {
        if key.as_int() == Some(UNHASHABLE) {
            return Err(Failed);
        }
        // Few distinct hashes: plenty of collisions, so `eq` runs often.
        Ok((logical(key) % 5) as u64)
    }
    fn eq(&mut self, a: Value, b: Value) -> Result<bool, Failed> {
        self.eq_calls += 1;
        if !self.in_callback {
            if self.roll() % 100 < self.fail_pct {
                return Err(Failed);
            }
            if self.budget > 0 && self.roll() % 100 < self.mutate_pct {
                self.budget -= 1;
                self.in_callback = true;
                let k = key_of(self.roll() as usize % NKEYS);
                if k.as_int() != Some(UNHASHABLE) {
                    if self.roll().is_multiple_of(2) {
                        let v = Value::from_int(-(self.roll() as i64 % 100)).unwrap();
                        Dict::insert_in(self, k, v).expect("no failures inside a callback");
                        self.log.push((k, Some(v)));
                    } else {
                        let old = Dict::remove_in(self, k).expect("no failures inside a callback");
                        if old.is_some() {
                            self.log.push((k, None));
                        }
                    }
                }
                self.in_callback = false;
            }
        }
        Ok(logical(a) == logical(b))
    }
    fn is_interned(&self, key: Value) -> bool {
        key.heap_addr()
            .is_some_and(|a| (STR_AT..COPY_AT).contains(&a))
    }
}

impl DictHost for Host {
    fn dict(&mut self) -> &mut Dict {
        &mut self.dict
    }
}

/// The model: pairs in insertion order, keys compared logically.
#[derive(Default, Debug)]
struct Model(Vec<(Value, Value)>);

impl Model {
    fn find(&self, k: Value) -> Option<usize> {
        self.0.iter().position(|(mk, _)| logical(*mk) == logical(k))
    }
    fn insert(&mut self, k: Value, v: Value) -> Option<Value> {
        match self.find(k) {
            Some(i) => Some(std::mem::replace(&mut self.0[i].1, v)),
            None => {
                self.0.push((k, v));
                None
            }
        }
    }
    fn remove(&mut self, k: Value) -> Option<Value> {
        self.find(k).map(|i| self.0.remove(i).1)
    }
    fn get(&self, k: Value) -> Option<Value> {
        self.find(k).map(|i| self.0[i].1)
    }
    fn apply(&mut self, log: &[(Value, Option<Value>)]) {
        for &(k, v) in log {
            match v {
                Some(v) => {
                    self.insert(k, v);
                }
                None => {
                    self.remove(k);
                }
            }
        }
    }
}

#[derive(Debug, Clone)]
enum Op {
    Insert(usize, i64),
    SetDefault(usize, i64),
    Remove(usize),
    Get(usize),
    PopItem,
    Clear,
}

fn op() -> impl Strategy<Value = Op> {
    op_over(0..NKEYS)
}

/// Ops over the interned strings and their copies only.
fn string_op() -> impl Strategy<Value = Op> {
    op_over(NINT as usize + 1..NKEYS)
}

fn op_over(keys: std::ops::Range<usize>) -> impl Strategy<Value = Op> {
    prop_oneof![
        6 => (keys.clone(), 0i64..1000).prop_map(|(k, v)| Op::Insert(k, v)),
        2 => (keys.clone(), 0i64..1000).prop_map(|(k, v)| Op::SetDefault(k, v)),
        3 => keys.clone().prop_map(Op::Remove),
        4 => keys.prop_map(Op::Get),
        1 => Just(Op::PopItem),
        1 => prop::bool::weighted(0.2).prop_map(|_| Op::Clear),
    ]
}

fn check_same(host: &Host, model: &Model) -> Result<(), TestCaseError> {
    host.dict
        .check_invariants()
        .map_err(|e| TestCaseError::fail(format!("invariants: {e}")))?;
    let got: Vec<(i64, Value)> = host
        .dict
        .items(host)
        .map(|(k, v)| (logical(k), v))
        .collect();
    let want: Vec<(i64, Value)> = model.0.iter().map(|&(k, v)| (logical(k), v)).collect();
    prop_assert_eq!(got, want);
    prop_assert_eq!(host.dict.len(), model.0.len());
    Ok(())
}

fn run(
    ops: Vec<Op>,
    split: bool,
    fail_pct: u64,
    mutate_pct: u64,
    seed: u64,
) -> Result<(), TestCaseError> {
    let tree = Arc::new(ShapeTree::new());
    let dict = if split {
        Dict::new_split(tree.clone(), tree.root())
    } else {
        Dict::new()
    };
    let mut host = Host {
        dict,
        rng: seed | 1,
        fail_pct,
        mutate_pct,
        budget: 50,
        in_callback: false,
        log: Vec::new(),
        eq_calls: 0,
    };
    let mut model = Model::default();
    for op in ops {
        host.log.clear();
        let version = host.dict.version();
        // Whether the op itself (not its callbacks) mutated the dict.
        let mutated;
        match op {
            Op::Insert(k, v) => {
                let (k, v) = (key_of(k), Value::from_int(v).unwrap());
                let r = Dict::insert_in(&mut host, k, v);
                model.apply(&host.log);
                mutated = r.is_ok();
                if let Ok(old) = r {
                    prop_assert_eq!(old, model.insert(k, v));
                }
            }
            Op::SetDefault(k, v) => {
                let (k, v) = (key_of(k), Value::from_int(v).unwrap());
                let r = Dict::set_default_in(&mut host, k, v);
                model.apply(&host.log);
                match r {
                    Ok(got) => match model.get(k) {
                        Some(existing) => {
                            mutated = false;
                            prop_assert_eq!(got, existing);
                        }
                        None => {
                            mutated = true;
                            model.insert(k, v);
                            prop_assert_eq!(got, v);
                        }
                    },
                    Err(Failed) => mutated = false,
                }
            }
            Op::Remove(k) => {
                let k = key_of(k);
                let r = Dict::remove_in(&mut host, k);
                model.apply(&host.log);
                mutated = matches!(r, Ok(Some(_)));
                if let Ok(old) = r {
                    prop_assert_eq!(old, model.remove(k));
                }
            }
            Op::Get(k) => {
                let k = key_of(k);
                let r = Dict::get_in(&mut host, k);
                model.apply(&host.log);
                mutated = false;
                if let Ok(got) = r {
                    prop_assert_eq!(got, model.get(k));
                }
            }
            Op::PopItem => {
                let got = host.dict.pop_item(&StrSyms);
                let want = model.0.pop();
                mutated = got.is_some();
                prop_assert_eq!(
                    got.map(|(k, v)| (logical(k), v)),
                    want.map(|(k, v)| (logical(k), v))
                );
            }
            Op::Clear => {
                host.dict.clear();
                model.0.clear();
                mutated = true;
            }
        }
        check_same(&host, &model)?;
        if mutated || !host.log.is_empty() {
            prop_assert_ne!(version, host.dict.version(), "a mutation kept the version");
        } else {
            prop_assert_eq!(version, host.dict.version(), "a lookup changed the version");
        }
    }
    Ok(())
}

/// Symbols usable while the host's dict is borrowed.
struct StrSyms;
impl Symbols for StrSyms {
    fn symbol_key(&self, sym: Symbol) -> Value {
        Value::from_heap_addr(STR_AT + 8 * sym.index() as usize).unwrap()
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn combined_dict_matches_model(ops in prop::collection::vec(op(), 1..80), seed in any::<u64>()) {
        run(ops, false, 0, 0, seed)?;
    }

    #[test]
    fn split_dict_matches_model(ops in prop::collection::vec(op(), 1..80), seed in any::<u64>()) {
        run(ops, true, 0, 0, seed)?;
    }

    #[test]
    fn split_dict_with_string_keys_matches_model(ops in prop::collection::vec(string_op(), 1..80), seed in any::<u64>()) {
        run(ops, true, 10, 10, seed)?;
    }

    #[test]
    fn failing_eq_leaves_a_valid_dict(ops in prop::collection::vec(op(), 1..80), seed in any::<u64>(), split in any::<bool>()) {
        run(ops, split, 30, 0, seed)?;
    }

    #[test]
    fn eq_that_mutates_the_dict_restarts_safely(ops in prop::collection::vec(op(), 1..80), seed in any::<u64>(), split in any::<bool>()) {
        run(ops, split, 0, 40, seed)?;
    }

    #[test]
    fn eq_that_fails_and_mutates(ops in prop::collection::vec(op(), 1..80), seed in any::<u64>(), split in any::<bool>()) {
        run(ops, split, 15, 25, seed)?;
    }
}

#[test]
fn eq_is_actually_exercised() {
    let mut host = Host {
        dict: Dict::new(),
        rng: 7,
        fail_pct: 0,
        mutate_pct: 100,
        budget: 3,
        in_callback: false,
        log: Vec::new(),
        eq_calls: 0,
    };
    for i in 0..20 {
        Dict::insert_in(&mut host, key_of(i), Value::NONE).unwrap();
    }
    assert!(host.eq_calls > 10, "only {} eq calls", host.eq_calls);
    assert_eq!(host.budget, 0, "the mutating callback ran");
    host.dict.check_invariants().unwrap();
}

/// Two dicts and `eq` callbacks that may mutate either of them.
struct Pair {
    left: Dict,
    right: Dict,
    rng: u64,
    budget: usize,
    mutated: bool,
}

impl Symbols for Pair {
    fn symbol_of(&mut self, key: Value) -> Option<Symbol> {
        let a = key.heap_addr()?;
        let i = if a >= COPY_AT {
            (a - COPY_AT) / 8
        } else {
            (a - STR_AT) / 8
        };
        Some(Symbol::new(i as u32))
    }
    fn symbol_key(&self, sym: Symbol) -> Value {
        Value::from_heap_addr(STR_AT + 8 * sym.index() as usize).unwrap()
    }
}

impl KeyOps for Pair {
    type Error = Failed;
    fn hash(&mut self, key: Value) -> Result<u64, Failed> {
        Ok((logical(key) % 5) as u64)
    }
    fn eq(&mut self, a: Value, b: Value) -> Result<bool, Failed> {
        self.rng = self
            .rng
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        if self.budget > 0 && (self.rng >> 60) < 3 {
            self.budget -= 1;
            self.mutated = true;
            let k = key_of((self.rng >> 20) as usize % NINT as usize);
            let target = if (self.rng >> 40) & 1 == 0 {
                &mut self.left
            } else {
                &mut self.right
            };
            // Mutate without re-entering `eq` (ints are identical or unequal).
            let mut plain = PlainInts;
            if (self.rng >> 41) & 1 == 0 {
                target
                    .insert(&mut plain, k, Value::from_int(77).unwrap())
                    .unwrap();
            } else {
                target.remove(&mut plain, k).unwrap();
            }
        }
        Ok(logical(a) == logical(b))
    }
}

impl pyvm_objmodel::DictPairHost for Pair {
    fn left(&mut self) -> &mut Dict {
        &mut self.left
    }
    fn right(&mut self) -> &mut Dict {
        &mut self.right
    }
}

/// The test keys' symbols and logical equality, without callbacks into
/// any dict.
struct PlainInts;
impl Symbols for PlainInts {
    fn symbol_of(&mut self, key: Value) -> Option<Symbol> {
        let a = key.heap_addr()?;
        let i = if a >= COPY_AT {
            (a - COPY_AT) / 8
        } else {
            (a - STR_AT) / 8
        };
        Some(Symbol::new(i as u32))
    }
    fn symbol_key(&self, sym: Symbol) -> Value {
        Value::from_heap_addr(STR_AT + 8 * sym.index() as usize).unwrap()
    }
}
impl KeyOps for PlainInts {
    type Error = Failed;
    fn hash(&mut self, key: Value) -> Result<u64, Failed> {
        Ok((logical(key) % 5) as u64)
    }
    fn eq(&mut self, a: Value, b: Value) -> Result<bool, Failed> {
        Ok(logical(a) == logical(b))
    }
}

fn filled(keys: &[(usize, i64)], split: bool) -> (Dict, Model) {
    let tree = Arc::new(ShapeTree::new());
    let mut d = if split {
        Dict::new_split(tree.clone(), tree.root())
    } else {
        Dict::new()
    };
    let mut m = Model::default();
    let mut h = Pair {
        left: Dict::new(),
        right: Dict::new(),
        rng: 0,
        budget: 0,
        mutated: false,
    };
    for &(k, v) in keys {
        let (k, v) = (key_of(k), Value::from_int(v).unwrap());
        if k.as_int() == Some(UNHASHABLE) {
            continue;
        }
        d.insert(&mut h, k, v).unwrap();
        m.insert(k, v);
    }
    (d, m)
}

/// Python's `==` on the models: values compare with the same `eq` as keys.
fn model_eq(a: &Model, b: &Model) -> bool {
    a.0.len() == b.0.len()
        && a.0
            .iter()
            .all(|&(k, v)| b.get(k).map(logical) == Some(logical(v)))
}

fn entry() -> impl Strategy<Value = (usize, i64)> {
    (0..NKEYS, 0i64..3)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn equality_matches_model(
        a in prop::collection::vec(entry(), 0..12),
        shuffle in any::<bool>(),
        b_extra in prop::collection::vec(entry(), 0..3),
        split in any::<bool>(),
    ) {
        // `b` is usually `a` in another order, sometimes with changes.
        let mut b = a.clone();
        if shuffle {
            b.reverse();
        }
        b.extend(b_extra);
        let (mut da, ma) = filled(&a, split);
        let (mut db, mb) = filled(&b, !split);
        let got = da.equals(&mut db, &mut PlainInts).unwrap();
        prop_assert_eq!(got, model_eq(&ma, &mb));
    }

    #[test]
    fn equality_with_mutating_eq_is_safe(
        a in prop::collection::vec(entry(), 0..12),
        b in prop::collection::vec(entry(), 0..12),
        seed in any::<u64>(),
        split in any::<bool>(),
    ) {
        let (left, ma) = filled(&a, split);
        let (right, mb) = filled(&b, false);
        let mut h = Pair { left, right, rng: seed, budget: 4, mutated: false };
        let got = Dict::equals_in(&mut h).unwrap();
        h.left.check_invariants().map_err(TestCaseError::fail)?;
        h.right.check_invariants().map_err(TestCaseError::fail)?;
        if !h.mutated {
            prop_assert_eq!(got, model_eq(&ma, &mb));
        }
    }
}
