//! Split dicts as instance attribute storage, dict iteration, equality,
//! version tags and reference updating, as a VM uses them.

use pyvm_objmodel::{
    Dict, DictHost, IterError, KeyOps, MAX_SLOTS, ShapeId, ShapeTree, SlotIndex, Symbol, Symbols,
    Value,
};
use std::sync::Arc;

/// Interned names at `NAMES + 8*i`; a non-interned equal copy of name `i`
/// at `COPIES + 8*i`.
const NAMES: usize = 0x1_0000;
const COPIES: usize = 0x8_0000;

#[derive(Default)]
struct Vm {
    eq_calls: usize,
    hash_calls: usize,
    /// Hash calls for keys that are not interned names (whose `__hash__`
    /// could be Python code with side effects).
    other_hash_calls: usize,
}

fn name(i: usize) -> Value {
    Value::from_heap_addr(NAMES + 8 * i).unwrap()
}
fn copy_of(i: usize) -> Value {
    Value::from_heap_addr(COPIES + 8 * i).unwrap()
}
fn int(i: i64) -> Value {
    Value::from_int(i).unwrap()
}
fn name_index(v: Value) -> Option<usize> {
    let a = v.heap_addr()?;
    Some(if a >= COPIES {
        (a - COPIES) / 8
    } else {
        (a - NAMES) / 8
    })
}

impl Symbols for Vm {
    fn symbol_of(&mut self, key: Value) -> Option<Symbol> {
        name_index(key).map(|i| Symbol::new(i as u32))
    }
    fn symbol_key(&self, sym: Symbol) -> Value {
        name(sym.index() as usize)
    }
}

impl KeyOps for Vm {
    type Error = ();
    fn hash(&mut self, key: Value) -> Result<u64, ()> {
        self.hash_calls += 1;
        if !self.is_interned(key) {
            self.other_hash_calls += 1;
        }
        Ok(match name_index(key) {
            Some(i) => 0x5eed ^ i as u64,
            None => key.to_bits(),
        })
    }
    fn eq(&mut self, a: Value, b: Value) -> Result<bool, ()> {
        self.eq_calls += 1;
        Ok(match (name_index(a), name_index(b)) {
            (Some(x), Some(y)) => x == y,
            _ => a.as_int().is_some() && a.as_int() == b.as_int(),
        })
    }
    fn is_interned(&self, key: Value) -> bool {
        key.heap_addr()
            .is_some_and(|a| (NAMES..COPIES).contains(&a))
    }
}

fn instance(tree: &Arc<ShapeTree>, vm: &mut Vm, names: &[usize]) -> Dict {
    let mut d = Dict::new_split(tree.clone(), tree.root());
    for (v, &n) in names.iter().enumerate() {
        d.insert(vm, name(n), int(v as i64)).unwrap();
    }
    d
}

fn keys(d: &Dict, vm: &Vm) -> Vec<Value> {
    d.items(vm).map(|(k, _)| k).collect()
}

#[test]
fn instances_built_alike_share_shapes_and_slots() {
    let tree = Arc::new(ShapeTree::new());
    let mut vm = Vm::default();
    let a = instance(&tree, &mut vm, &[1, 2, 3]);
    let b = instance(&tree, &mut vm, &[1, 2, 3]);
    let c = instance(&tree, &mut vm, &[1, 3, 2]);
    assert_eq!(a.shape(), b.shape());
    assert_ne!(a.shape(), c.shape());
    let shape = tree.get(a.shape());
    let slot = shape.slot_of(Symbol::new(3)).unwrap();
    assert_eq!(slot, SlotIndex::new(2));
    assert_eq!(b.slot(slot), Some(int(2)));
    assert!(a.is_split() && b.is_split() && c.is_split());
    // String-keyed split dicts never ask the VM for hashes or equality.
    assert_eq!((vm.eq_calls, vm.hash_calls), (0, 0));
}

#[test]
fn instance_dict_is_a_real_dict_over_the_slots() {
    let tree = Arc::new(ShapeTree::new());
    let mut vm = Vm::default();
    let mut d = instance(&tree, &mut vm, &[1, 2]);
    let slot = tree.get(d.shape()).slot_of(Symbol::new(2)).unwrap();
    // A write through the attribute fast path is seen by the dict view...
    assert!(d.set_slot(slot, Value::TRUE));
    assert_eq!(d.get(&mut vm, name(2)).unwrap(), Some(Value::TRUE));
    // ...and a write through the dict is seen by the fast path.
    d.insert(&mut vm, name(2), Value::FALSE).unwrap();
    assert_eq!(d.slot(slot), Some(Value::FALSE));
    // A non-interned equal string finds the same slot.
    assert_eq!(d.get(&mut vm, copy_of(1)).unwrap(), Some(int(0)));
    assert_eq!(keys(&d, &vm), [name(1), name(2)]);
}

#[test]
fn cached_transitions_add_slots_without_lookup() {
    let tree = Arc::new(ShapeTree::new());
    let mut vm = Vm::default();
    let proto = instance(&tree, &mut vm, &[1]);
    let from = proto.shape();
    let to = tree.add_key(from, Symbol::new(2)).unwrap();
    let mut d = instance(&tree, &mut vm, &[1]);
    assert!(d.add_slot(from, to, int(42)));
    assert_eq!(d.shape(), to);
    assert_eq!(d.get(&mut vm, name(2)).unwrap(), Some(int(42)));
    // A stale cache entry is refused.
    assert!(!d.add_slot(from, to, int(0)));
    let unrelated = tree.add_key(tree.root(), Symbol::new(9)).unwrap();
    let mut e = instance(&tree, &mut vm, &[1]);
    assert!(!e.add_slot(from, unrelated, int(0)));
    assert_eq!(e.len(), 1);
}

#[test]
fn deleting_the_last_attribute_returns_to_the_parent_shape() {
    let tree = Arc::new(ShapeTree::new());
    let mut vm = Vm::default();
    let mut d = instance(&tree, &mut vm, &[1, 2]);
    let parent = tree.get(d.shape()).parent().unwrap();
    assert_eq!(d.remove(&mut vm, name(2)).unwrap(), Some(int(1)));
    assert_eq!(d.shape(), parent);
    assert!(d.is_split());
}

#[test]
fn dictionary_mode_on_middle_delete_non_string_key_or_many_attributes() {
    let tree = Arc::new(ShapeTree::new());
    let mut vm = Vm::default();

    let mut d = instance(&tree, &mut vm, &[1, 2, 3]);
    assert_eq!(d.remove(&mut vm, name(1)).unwrap(), Some(int(0)));
    assert_eq!(d.shape(), ShapeId::DICT_MODE);
    assert_eq!(keys(&d, &vm), [name(2), name(3)], "order kept");

    let mut d = instance(&tree, &mut vm, &[1, 2]);
    d.insert(&mut vm, int(5), Value::NONE).unwrap();
    assert_eq!(d.shape(), ShapeId::DICT_MODE);
    assert_eq!(keys(&d, &vm), [name(1), name(2), int(5)]);
    assert_eq!(d.get(&mut vm, copy_of(2)).unwrap(), Some(int(1)));

    let many: Vec<usize> = (100..100 + MAX_SLOTS + 5).collect();
    let mut d = instance(&tree, &mut vm, &many);
    assert_eq!(d.shape(), ShapeId::DICT_MODE);
    assert_eq!(d.len(), MAX_SLOTS + 5);
    for (v, &n) in many.iter().enumerate() {
        assert_eq!(d.get(&mut vm, name(n)).unwrap(), Some(int(v as i64)));
    }
    d.check_invariants().unwrap();
}

#[test]
fn every_mutation_changes_the_version_and_lookups_do_not() {
    let tree = Arc::new(ShapeTree::new());
    let mut vm = Vm::default();
    let mut d = instance(&tree, &mut vm, &[1]);
    let mut seen = vec![d.version()];
    let mut check = |d: &Dict, changed: bool| {
        let v = d.version();
        if changed {
            assert!(!seen.contains(&v), "version {v} reused");
        } else {
            assert_eq!(v, *seen.last().unwrap());
        }
        seen.push(v);
    };
    d.insert(&mut vm, name(2), int(1)).unwrap();
    check(&d, true);
    d.get(&mut vm, name(2)).unwrap();
    check(&d, false);
    d.set_slot(SlotIndex::new(0), int(7));
    check(&d, true);
    d.insert(&mut vm, name(2), int(1)).unwrap();
    check(&d, true);
    d.insert(&mut vm, int(3), int(1)).unwrap();
    check(&d, true);
    d.remove(&mut vm, int(3)).unwrap();
    check(&d, true);
    d.remove(&mut vm, int(3)).unwrap();
    check(&d, false);
    d.clear();
    check(&d, true);
    // Two fresh dicts never share a tag.
    assert_ne!(Dict::new().version(), Dict::new().version());
}

#[test]
fn iteration_reports_size_and_key_changes() {
    let mut vm = Vm::default();
    let mut d = Dict::new();
    for i in 0..4 {
        d.insert(&mut vm, int(i), int(i * 10)).unwrap();
    }
    let mut it = d.iter_start();
    assert_eq!(it.next(&d, &vm), Ok(Some((int(0), int(0)))));
    // Changing a value is allowed.
    d.insert(&mut vm, int(1), int(-1)).unwrap();
    assert_eq!(it.next(&d, &vm), Ok(Some((int(1), int(-1)))));
    d.insert(&mut vm, int(9), int(9)).unwrap();
    assert_eq!(it.next(&d, &vm), Err(IterError::ChangedSize));
    d.remove(&mut vm, int(9)).unwrap();
    assert_eq!(
        it.next(&d, &vm),
        Err(IterError::ChangedSize),
        "the error is sticky"
    );
    assert_eq!(
        IterError::ChangedSize.to_string(),
        "dictionary changed size during iteration"
    );

    // Same size, different keys: remove one and add two others.
    let mut it = d.iter_start();
    d.remove(&mut vm, int(0)).unwrap();
    d.insert(&mut vm, int(20), int(0)).unwrap();
    let mut produced = 0;
    let err = loop {
        match it.next(&d, &vm) {
            Ok(Some(_)) => produced += 1,
            Ok(None) => break None,
            Err(e) => break Some(e),
        }
    };
    // The count of keys matches, so (as in CPython) no error: the 4 live
    // items come out.
    assert_eq!((produced, err), (4, None));

    let mut it = d.iter_start();
    assert!(it.next(&d, &vm).unwrap().is_some());
    d.remove(&mut vm, int(1)).unwrap();
    d.insert(&mut vm, int(30), int(0)).unwrap();
    d.remove(&mut vm, int(2)).unwrap();
    d.insert(&mut vm, int(31), int(0)).unwrap();
    let mut results = Vec::new();
    loop {
        match it.next(&d, &vm) {
            Ok(Some((k, _))) => results.push(Ok(k)),
            Ok(None) => break,
            Err(e) => {
                results.push(Err(e));
                break;
            }
        }
    }
    assert_eq!(
        results.last(),
        Some(&Err(IterError::KeysChanged)),
        "{results:?}"
    );
}

#[test]
fn popitem_is_lifo_for_both_layouts() {
    let tree = Arc::new(ShapeTree::new());
    let mut vm = Vm::default();
    let mut d = instance(&tree, &mut vm, &[1, 2]);
    assert_eq!(d.pop_item(&vm), Some((name(2), int(1))));
    assert!(d.is_split());
    let mut c = Dict::new();
    for i in 0..3 {
        c.insert(&mut vm, int(i), int(i)).unwrap();
    }
    c.remove(&mut vm, int(2)).unwrap();
    assert_eq!(c.pop_item(&vm), Some((int(1), int(1))));
    assert_eq!(c.pop_item(&vm), Some((int(0), int(0))));
    assert_eq!(c.pop_item(&vm), None);
}

#[test]
fn equality_follows_python() {
    let tree = Arc::new(ShapeTree::new());
    let mut vm = Vm::default();
    let mut a = instance(&tree, &mut vm, &[1, 2]);
    let mut b = Dict::new();
    b.insert(&mut vm, copy_of(2), int(1)).unwrap();
    b.insert(&mut vm, copy_of(1), int(0)).unwrap();
    assert!(a.equals(&mut b, &mut vm).unwrap(), "order does not matter");
    b.insert(&mut vm, copy_of(1), int(5)).unwrap();
    assert!(!a.equals(&mut b, &mut vm).unwrap(), "values differ");
    b.insert(&mut vm, copy_of(1), int(0)).unwrap();
    b.insert(&mut vm, int(3), int(0)).unwrap();
    assert!(!a.equals(&mut b, &mut vm).unwrap(), "lengths differ");
}

#[test]
fn update_refs_moves_keys_and_values_without_rehashing() {
    let mut vm = Vm::default();
    let mut d = Dict::new();
    let obj = Value::from_heap_addr(0x7000_0000).unwrap();
    let moved = Value::from_heap_addr(0x9000_0000).unwrap();
    d.insert(&mut vm, int(1), obj).unwrap();
    d.insert(&mut vm, name(3), int(2)).unwrap();
    let hashes = vm.hash_calls;
    let mut seen = Vec::new();
    d.update_refs(|v| {
        seen.push(v);
        if v == obj { moved } else { v }
    });
    assert_eq!(seen, [obj, name(3)], "only heap references are visited");
    assert_eq!(d.get(&mut vm, int(1)).unwrap(), Some(moved));
    assert_eq!(d.get(&mut vm, name(3)).unwrap(), Some(int(2)));
    assert_eq!(
        vm.hash_calls,
        hashes + 2,
        "one hash per lookup, none for the move"
    );
}

/// A host whose `eq` clears the very dict being searched.
struct Clearing {
    dict: Dict,
    armed: bool,
}
impl Symbols for Clearing {}
impl KeyOps for Clearing {
    type Error = ();
    fn hash(&mut self, _: Value) -> Result<u64, ()> {
        Ok(7)
    }
    fn eq(&mut self, _: Value, _: Value) -> Result<bool, ()> {
        if std::mem::take(&mut self.armed) {
            self.dict.clear();
        }
        Ok(false)
    }
}
impl DictHost for Clearing {
    fn dict(&mut self) -> &mut Dict {
        &mut self.dict
    }
}

#[test]
fn eq_that_clears_the_dict_restarts_the_lookup() {
    let mut h = Clearing {
        dict: Dict::new(),
        armed: false,
    };
    for i in 0..5 {
        Dict::insert_in(&mut h, int(i), int(i)).unwrap();
    }
    h.armed = true;
    assert_eq!(Dict::get_in(&mut h, int(99)).unwrap(), None);
    assert!(h.dict.is_empty());
    h.armed = true;
    Dict::insert_in(&mut h, int(1), int(1)).unwrap();
    // Comparing with key 1 clears the dict; the lookup restarts and misses.
    Dict::insert_in(&mut h, int(2), int(2)).unwrap();
    assert_eq!(
        h.dict.items(&Vm::default()).collect::<Vec<_>>(),
        [(int(2), int(2))]
    );
    h.dict.check_invariants().unwrap();
}

#[test]
fn cached_indexes_survive_value_changes_but_not_key_changes() {
    let tree = Arc::new(ShapeTree::new());
    let mut vm = Vm::default();
    for split in [false, true] {
        let mut d = if split {
            instance(&tree, &mut vm, &[1, 2, 3])
        } else {
            let mut d = Dict::new();
            for i in 1..4 {
                d.insert(&mut vm, name(i), int(i as i64 - 1)).unwrap();
            }
            d
        };
        // A LOAD_GLOBAL-style cache: where `name(2)` lives, under a keys version.
        let at = d.index_of(&mut vm, name(2)).unwrap().unwrap();
        let keys = d.keys_version();
        assert_eq!(d.value_at(at), Some(int(1)));
        // Rebinding the name changes the version, not the keys version.
        let version = d.version();
        d.insert(&mut vm, name(2), int(50)).unwrap();
        assert_ne!(d.version(), version);
        assert_eq!(d.keys_version(), keys);
        assert_eq!(d.value_at(at), Some(int(50)));
        assert!(d.set_value_at(at, int(51)));
        assert_eq!(d.get(&mut vm, name(2)).unwrap(), Some(int(51)));
        assert_eq!(d.keys_version(), keys);
        // Adding or removing a key invalidates the cache.
        d.insert(&mut vm, name(9), int(0)).unwrap();
        let after_add = d.keys_version();
        assert_ne!(after_add, keys);
        d.remove(&mut vm, name(9)).unwrap();
        assert_ne!(d.keys_version(), after_add);
        assert_eq!(d.index_of(&mut vm, name(7)).unwrap(), None);
    }
    // Keys versions are unique across dicts, so a guard needs no identity check.
    assert_ne!(Dict::new().keys_version(), Dict::new().keys_version());
}

/// Every key hashes alike; counts `eq` calls.
#[derive(Default)]
struct Colliding {
    eq_calls: usize,
}
impl Symbols for Colliding {}
impl KeyOps for Colliding {
    type Error = ();
    fn hash(&mut self, _: Value) -> Result<u64, ()> {
        Ok(42)
    }
    fn eq(&mut self, a: Value, b: Value) -> Result<bool, ()> {
        self.eq_calls += 1;
        Ok(name_index(a) == name_index(b))
    }
    fn is_interned(&self, key: Value) -> bool {
        key.heap_addr()
            .is_some_and(|a| (NAMES..COPIES).contains(&a))
    }
}

#[test]
fn interned_keys_never_call_eq_even_when_hashes_collide() {
    let mut ops = Colliding::default();
    let mut d = Dict::new();
    for i in 0..20 {
        d.insert(&mut ops, name(i), int(i as i64)).unwrap();
    }
    for i in 0..20 {
        assert_eq!(d.get(&mut ops, name(i)).unwrap(), Some(int(i as i64)));
    }
    assert_eq!(d.get(&mut ops, name(99)).unwrap(), None);
    assert_eq!(ops.eq_calls, 0, "interned pairs compare by identity only");
    // A non-interned equal string does go through `eq`, and finds its key.
    assert_eq!(d.get(&mut ops, copy_of(7)).unwrap(), Some(int(7)));
    assert!(ops.eq_calls > 0);
}

#[test]
fn ever_new_attribute_names_end_in_dictionary_mode_not_unbounded_shapes() {
    let tree = Arc::new(ShapeTree::new());
    let mut vm = Vm::default();
    let n = pyvm_objmodel::MAX_TRANSITIONS + 50;
    let objs: Vec<Dict> = (0..n)
        .map(|i| instance(&tree, &mut vm, &[1000 + i]))
        .collect();
    let split = objs.iter().filter(|d| d.is_split()).count();
    assert_eq!(split, pyvm_objmodel::MAX_TRANSITIONS);
    assert_eq!(tree.shape_count(), 1 + pyvm_objmodel::MAX_TRANSITIONS);
    for (i, mut d) in objs.into_iter().enumerate() {
        assert_eq!(d.get(&mut vm, name(1000 + i)).unwrap(), Some(int(0)));
    }
}

#[test]
fn iterating_an_instance_dict_sees_slot_writes_and_detects_new_attributes() {
    let tree = Arc::new(ShapeTree::new());
    let mut vm = Vm::default();
    let mut d = instance(&tree, &mut vm, &[1, 2, 3]);
    let mut it = d.iter_start();
    assert_eq!(it.next(&d, &vm), Ok(Some((name(1), int(0)))));
    d.set_slot(SlotIndex::new(1), Value::TRUE);
    assert_eq!(it.next(&d, &vm), Ok(Some((name(2), Value::TRUE))));
    assert_eq!(it.remaining(), 1);
    d.insert(&mut vm, name(4), int(3)).unwrap();
    assert_eq!(it.next(&d, &vm), Err(IterError::ChangedSize));
    // A fresh iterator walks the new shape's slots in order.
    let mut it = d.iter_start();
    let mut keys = Vec::new();
    while let Some((k, _)) = it.next(&d, &vm).unwrap() {
        keys.push(k);
    }
    assert_eq!(keys, [name(1), name(2), name(3), name(4)]);
}

#[test]
fn the_vm_hashes_a_probe_key_once_per_operation() {
    let tree = Arc::new(ShapeTree::new());
    let mut vm = Vm::default();
    let mut d = Dict::new();
    for i in 0..6 {
        d.insert(&mut vm, name(i), int(i as i64)).unwrap();
    }
    let once = |vm: &mut Vm, f: &mut dyn FnMut(&mut Vm)| {
        let before = vm.other_hash_calls;
        f(vm);
        assert_eq!(vm.other_hash_calls, before + 1);
    };
    // An equal, non-identical key: the fast path hands its hash to `eq`'s path.
    once(&mut vm, &mut |vm| {
        assert_eq!(d.get(vm, copy_of(2)).unwrap(), Some(int(2)))
    });
    once(&mut vm, &mut |vm| {
        assert_eq!(d.insert(vm, copy_of(3), int(9)).unwrap(), Some(int(3)))
    });
    once(&mut vm, &mut |vm| {
        assert_eq!(d.remove(vm, copy_of(4)).unwrap(), Some(int(4)))
    });
    // A non-string key converts a split dict, then is inserted: one hash.
    let mut s = instance(&tree, &mut vm, &[1, 2]);
    once(&mut vm, &mut |vm| {
        assert_eq!(s.insert(vm, int(7), int(0)).unwrap(), None)
    });
    assert!(!s.is_split());
}

#[test]
fn reversed_iteration_is_newest_first_and_detects_changes() {
    let tree = Arc::new(ShapeTree::new());
    let mut vm = Vm::default();
    let collect = |d: &Dict, vm: &Vm| {
        let mut it = d.iter_rev_start();
        let mut keys = Vec::new();
        while let Some((k, _)) = it.next(d, vm).unwrap() {
            keys.push(k);
        }
        keys
    };
    let split = instance(&tree, &mut vm, &[1, 2, 3]);
    assert_eq!(collect(&split, &vm), [name(3), name(2), name(1)]);
    let mut d = Dict::new();
    for i in 0..5 {
        d.insert(&mut vm, int(i), int(i)).unwrap();
    }
    d.remove(&mut vm, int(4)).unwrap();
    d.remove(&mut vm, int(1)).unwrap();
    assert_eq!(collect(&d, &vm), [int(3), int(2), int(0)]);
    let mut it = d.iter_rev_start();
    assert_eq!(it.next(&d, &vm), Ok(Some((int(3), int(3)))));
    d.remove(&mut vm, int(0)).unwrap();
    assert_eq!(it.next(&d, &vm), Err(IterError::ChangedSize));
    assert!(collect(&Dict::new(), &vm).is_empty());
}

/// A `str` subclass instance equal to name `i` (not an exact `str`: no
/// symbol), at `SUBCLASSED + 8*i`.
const SUBCLASSED: usize = 0x10_0000;

/// A VM whose `__eq__` for a subclassed key deletes the instance's first
/// attribute once, before answering "equal".
struct DeletingEq {
    dict: Dict,
    vm: Vm,
    fired: bool,
}

fn subclassed(i: usize) -> Value {
    Value::from_heap_addr(SUBCLASSED + 8 * i).unwrap()
}

fn index_through_subclass(v: Value) -> Option<usize> {
    match v.heap_addr()? {
        a if a >= SUBCLASSED => Some((a - SUBCLASSED) / 8),
        _ => name_index(v),
    }
}

impl Symbols for DeletingEq {
    fn symbol_of(&mut self, key: Value) -> Option<Symbol> {
        if key.heap_addr()? >= SUBCLASSED {
            return None;
        }
        self.vm.symbol_of(key)
    }
    fn symbol_key(&self, sym: Symbol) -> Value {
        self.vm.symbol_key(sym)
    }
}

impl KeyOps for DeletingEq {
    type Error = ();
    fn hash(&mut self, key: Value) -> Result<u64, ()> {
        Ok(match index_through_subclass(key) {
            Some(i) => 0x5eed ^ i as u64,
            None => key.to_bits(),
        })
    }
    fn eq(&mut self, a: Value, b: Value) -> Result<bool, ()> {
        if !self.fired {
            self.fired = true;
            // Deleting a key other than the last moves the dict to
            // dictionary mode: every slot number the lookup saw is stale.
            self.dict.remove(&mut self.vm, name(0)).unwrap();
        }
        Ok(index_through_subclass(a).is_some()
            && index_through_subclass(a) == index_through_subclass(b))
    }
    fn is_interned(&self, key: Value) -> bool {
        self.vm.is_interned(key)
    }
}

impl DictHost for DeletingEq {
    fn dict(&mut self) -> &mut Dict {
        &mut self.dict
    }
}

#[test]
fn split_lookup_restarts_when_an_equal_answer_came_with_a_mutation() {
    let tree = Arc::new(ShapeTree::new());
    let mut vm = Vm::default();
    let dict = instance(&tree, &mut vm, &[0, 1, 2]);
    let mut host = DeletingEq {
        dict,
        vm,
        fired: false,
    };
    // `d[sub("n1")] = 9`: `__eq__` says equal to `n1`, after deleting `n0`.
    let old = Dict::insert_in(&mut host, subclassed(1), int(9)).unwrap();
    assert!(host.fired);
    assert_eq!(old, Some(int(1)), "found n1 after the restart");
    assert_eq!(host.dict.shape(), ShapeId::DICT_MODE);
    let d = &mut host.dict;
    assert_eq!(d.get(&mut host.vm, name(1)).unwrap(), Some(int(9)));
    assert_eq!(d.get(&mut host.vm, name(0)).unwrap(), None);
    assert_eq!(keys(d, &host.vm), [name(1), name(2)]);
    d.check_invariants().unwrap();
}
