//! Dict operations under a moving collector: `__eq__` allocates, the
//! collection moves every object, and the operation must go on with the
//! objects' new addresses (through `KeyOps::hold_value`/`held_value`), never
//! store or compare a stale one.

use pyvm_objmodel::{
    Dict, DictHost, DictPairHost, KeyOps, ShapeId, ShapeTree, Symbol, Symbols, Value,
};
use std::sync::Arc;

/// Objects are numbered; object `n` lives at `base + 8 * n`, and every
/// collection moves all of them to a new base.
const SPAN: usize = 0x1_0000;

struct MovingVm {
    base: usize,
    /// Roots of the operation in progress (what `hold_value` pushed).
    roots: Vec<Value>,
    collections: usize,
    fail_next_eq: bool,
}

impl MovingVm {
    fn new() -> MovingVm {
        MovingVm {
            base: SPAN,
            roots: Vec::new(),
            collections: 0,
            fail_next_eq: false,
        }
    }

    fn obj(&self, n: usize) -> Value {
        Value::from_heap_addr(self.base + 8 * n).unwrap()
    }

    /// The number of the object at `v`; panics on a stale address, which is
    /// what a real VM would dereference as freed memory.
    fn id(&self, v: Value) -> usize {
        let a = v.heap_addr().expect("a heap object");
        assert!(
            (self.base..self.base + SPAN).contains(&a),
            "stale address {a:#x} (objects are now at {:#x})",
            self.base
        );
        (a - self.base) / 8
    }

    fn moved(&self, old_base: usize, v: Value) -> Value {
        match v.heap_addr() {
            Some(a) => {
                assert!(
                    (old_base..old_base + SPAN).contains(&a),
                    "stale address {a:#x} reached the collector"
                );
                Value::from_heap_addr(a - old_base + self.base).unwrap()
            }
            None => v,
        }
    }
}

struct Host {
    vm: MovingVm,
    dict: Dict,
    /// A second dict, for `==`.
    other: Dict,
    /// Objects below `NAMES_END` are interned attribute names (symbol =
    /// object number), and `hash` collects too.
    names: bool,
}

/// With `names`: objects `0..NAMES_END` are interned names; object
/// `SUB + i` is a `str` subclass instance equal to name `i` (no symbol).
const NAMES_END: usize = 100;
const SUB: usize = 500;

impl Host {
    fn new(names: bool) -> Host {
        Host {
            vm: MovingVm::new(),
            dict: Dict::new(),
            other: Dict::new(),
            names,
        }
    }

    /// What object `id` equals: name `i` for a subclassed copy of it.
    fn logical(&self, v: Value) -> usize {
        match self.vm.id(v) {
            n if self.names && (SUB..SUB + NAMES_END).contains(&n) => n - SUB,
            n => n,
        }
    }
}

impl Host {
    /// A collection that moves every object: roots and both dicts are updated.
    fn collect(&mut self) {
        let old = self.vm.base;
        self.vm.base += SPAN;
        self.vm.collections += 1;
        let vm = &self.vm;
        let roots: Vec<Value> = vm.roots.iter().map(|&v| vm.moved(old, v)).collect();
        self.dict.update_refs(|v| vm.moved(old, v));
        self.other.update_refs(|v| vm.moved(old, v));
        self.vm.roots = roots;
    }
}

impl Symbols for Host {
    fn symbol_of(&mut self, key: Value) -> Option<Symbol> {
        let n = self.vm.id(key);
        (self.names && n < NAMES_END).then(|| Symbol::new(n as u32))
    }
    fn symbol_key(&self, sym: Symbol) -> Value {
        self.vm.obj(sym.index() as usize)
    }
}

impl KeyOps for Host {
    type Error = &'static str;
    fn hash(&mut self, key: Value) -> Result<u64, Self::Error> {
        // Four hash classes: most lookups meet an equal-hash key and call `eq`.
        let h = (self.logical(key) % 4) as u64;
        if self.names {
            self.collect();
        }
        Ok(h)
    }
    fn eq(&mut self, a: Value, b: Value) -> Result<bool, Self::Error> {
        let equal = self.logical(a) == self.logical(b);
        // `__eq__` allocates, and the allocation collects.
        self.collect();
        if std::mem::take(&mut self.vm.fail_next_eq) {
            return Err("raised in __eq__");
        }
        Ok(equal)
    }
    fn is_interned(&self, key: Value) -> bool {
        self.names && self.vm.id(key) < NAMES_END
    }
    fn hold_value(&mut self, v: Value) {
        self.vm.roots.push(v);
    }
    fn held_value(&self, depth: usize, _: Value) -> Value {
        self.vm.roots[self.vm.roots.len() - 1 - depth]
    }
    fn release_values(&mut self, n: usize) {
        let len = self.vm.roots.len();
        self.vm.roots.truncate(len - n);
    }
}

impl DictHost for Host {
    fn dict(&mut self) -> &mut Dict {
        &mut self.dict
    }
}

impl DictPairHost for Host {
    fn left(&mut self) -> &mut Dict {
        &mut self.dict
    }
    fn right(&mut self) -> &mut Dict {
        &mut self.other
    }
}

/// Key objects are 0..KEYS, value objects 1000 + key.
const KEYS: usize = 12;

fn items(h: &Host, d: &Dict) -> Vec<(usize, usize)> {
    d.items(h).map(|(k, v)| (h.vm.id(k), h.vm.id(v))).collect()
}

#[test]
fn operations_continue_with_moved_keys_and_values() {
    let mut h = Host::new(false);
    for k in 0..KEYS {
        let (key, value) = (h.vm.obj(k), h.vm.obj(1000 + k));
        assert_eq!(Dict::insert_in(&mut h, key, value), Ok(None));
        assert!(h.vm.roots.is_empty(), "every hold is released");
    }
    assert!(h.vm.collections > 0, "eq ran and moved objects");
    let expect: Vec<_> = (0..KEYS).map(|k| (k, 1000 + k)).collect();
    assert_eq!(
        items(&h, &h.dict),
        expect,
        "stored keys and values are current"
    );
    h.dict.check_invariants().unwrap();

    // Replace, look up, setdefault and delete keys that sit behind
    // equal-hash keys, so each goes through `eq` (and a collection).
    let (key, value) = (h.vm.obj(9), h.vm.obj(2000));
    let old = Dict::insert_in(&mut h, key, value).unwrap().unwrap();
    assert_eq!(h.vm.id(old), 1009);
    let key = h.vm.obj(9);
    let found = Dict::get_in(&mut h, key).unwrap().unwrap();
    assert_eq!(h.vm.id(found), 2000);
    let (key, default) = (h.vm.obj(KEYS + 4), h.vm.obj(3000));
    let got = Dict::set_default_in(&mut h, key, default).unwrap();
    assert_eq!(h.vm.id(got), 3000, "the default, at its new address");
    let key = h.vm.obj(10);
    let gone = Dict::remove_in(&mut h, key).unwrap().unwrap();
    assert_eq!(h.vm.id(gone), 1010);
    let key = h.vm.obj(11);
    let at = Dict::index_of_in(&mut h, key).unwrap().unwrap();
    assert_eq!(h.dict.value_at(at).map(|v| h.vm.id(v)), Some(1011));
    assert!(h.vm.roots.is_empty());

    // A failing `eq` still releases what the operation held.
    h.vm.fail_next_eq = true;
    let key = h.vm.obj(8);
    assert_eq!(Dict::get_in(&mut h, key), Err("raised in __eq__"));
    assert!(h.vm.roots.is_empty());
    h.dict.check_invariants().unwrap();
}

#[test]
fn equality_compares_values_at_their_new_addresses() {
    let mut h = Host::new(false);
    for k in 0..KEYS {
        let (key, value) = (h.vm.obj(k), h.vm.obj(1000 + k));
        Dict::insert_in(&mut h, key, value).unwrap();
    }
    // The same items, inserted in reverse into a second dict (values are
    // the same objects, so `==` finds them identical once both are current).
    h.other = std::mem::take(&mut h.dict);
    for k in (0..KEYS).rev() {
        let (key, value) = (h.vm.obj(k), h.vm.obj(1000 + k));
        Dict::insert_in(&mut h, key, value).unwrap();
    }
    let before = h.vm.collections;
    assert_eq!(Dict::equals_in(&mut h), Ok(true));
    assert!(
        h.vm.collections > before,
        "lookups in the right dict collected"
    );
    assert!(h.vm.roots.is_empty());
}

#[test]
fn split_dicts_go_on_with_moved_names_keys_and_values() {
    let tree = Arc::new(ShapeTree::new());
    let mut h = Host::new(true);
    h.dict = Dict::new_split(tree.clone(), tree.root());
    for n in 0..5 {
        let (key, value) = (h.vm.obj(n), h.vm.obj(1000 + n));
        assert_eq!(Dict::insert_in(&mut h, key, value), Ok(None));
    }
    assert!(h.dict.is_split());
    // A subclassed copy of name 2: no symbol, so the lookup hashes every
    // slot key and calls `eq` on the equal-hash ones, collecting each time.
    let before = h.vm.collections;
    let (key, value) = (h.vm.obj(SUB + 2), h.vm.obj(2000));
    let old = Dict::insert_in(&mut h, key, value).unwrap().unwrap();
    assert!(h.vm.collections > before + 2);
    assert_eq!(h.vm.id(old), 1002);
    assert!(h.dict.is_split(), "an equal key replaces, no new key");
    // A key that is not a name moves the dict to dictionary mode, hashing
    // the names (each hash collects) before it builds the table.
    let (key, value) = (h.vm.obj(700), h.vm.obj(3000));
    assert_eq!(Dict::insert_in(&mut h, key, value), Ok(None));
    assert_eq!(h.dict.shape(), ShapeId::DICT_MODE);
    h.dict.check_invariants().unwrap();
    let got: Vec<_> = h
        .dict
        .items(&h)
        .map(|(k, v)| (h.vm.id(k), h.vm.id(v)))
        .collect();
    assert_eq!(
        got,
        [
            (0, 1000),
            (1, 1001),
            (2, 2000),
            (3, 1003),
            (4, 1004),
            (700, 3000)
        ]
    );
    for n in 0..5 {
        let key = h.vm.obj(n);
        assert!(Dict::get_in(&mut h, key).unwrap().is_some(), "name {n}");
    }
    assert!(h.vm.roots.is_empty());
}
