//! Sizes that performance (and the JIT's inline code) depend on.

use pyvm_objmodel::{
    Dict, KeyOps, ShapeId, ShapeTree, SlotIndex, Symbol, Symbols, Value, VersionTag,
};
use std::mem::{align_of, size_of};
use std::sync::Arc;

#[test]
fn value_is_one_word() {
    assert_eq!(size_of::<Value>(), 8);
    assert_eq!(align_of::<Value>(), 8);
}

#[test]
fn ids_are_32_bit() {
    assert_eq!(size_of::<ShapeId>(), 4);
    assert_eq!(size_of::<Symbol>(), 4);
    assert_eq!(size_of::<SlotIndex>(), 4);
}

#[test]
fn guard_words_are_where_the_jit_reads_them() {
    assert_eq!(Dict::VERSION_OFFSET, 0);
    assert_eq!(Dict::SHAPE_OFFSET, 8);
    assert_eq!(Dict::SLOTS_OFFSET, 16);
    assert!(Dict::KEYS_VERSION_OFFSET.is_multiple_of(8));
    assert_eq!(VersionTag::VALUE_OFFSET, 0);
    assert_eq!(size_of::<VersionTag>(), 8);
    // A dict is a fixed-size header the VM's dict object embeds.
    assert!(
        size_of::<Dict>() <= 120,
        "Dict grew to {}",
        size_of::<Dict>()
    );
}

#[test]
fn guard_words_read_back_through_raw_offsets() {
    let d = Dict::new();
    let base = &d as *const Dict as *const u8;
    // SAFETY: VERSION_OFFSET, SHAPE_OFFSET and KEYS_VERSION_OFFSET are offsets
    // of aligned u64, u32 and u64 fields of `Dict` (its layout is `repr(C)`).
    let (version, shape, keys) = unsafe {
        (
            *(base.add(Dict::VERSION_OFFSET) as *const u64),
            *(base.add(Dict::SHAPE_OFFSET) as *const u32),
            *(base.add(Dict::KEYS_VERSION_OFFSET) as *const u64),
        )
    };
    assert_eq!(version, d.version());
    assert_eq!(keys, d.keys_version());
    assert_eq!(shape, ShapeId::DICT_MODE.as_u32());
}

/// Names at fake addresses `0x1000 + 8*i`.
struct Names;
impl Symbols for Names {
    fn symbol_of(&mut self, key: Value) -> Option<Symbol> {
        Some(Symbol::new(((key.heap_addr()? - 0x1000) / 8) as u32))
    }
    fn symbol_key(&self, sym: Symbol) -> Value {
        Value::from_heap_addr(0x1000 + 8 * sym.index() as usize).unwrap()
    }
}
impl KeyOps for Names {
    type Error = ();
    fn hash(&mut self, key: Value) -> Result<u64, ()> {
        Ok(key.to_bits())
    }
    fn eq(&mut self, _: Value, _: Value) -> Result<bool, ()> {
        Ok(false)
    }
}

/// What compiled code does for `obj.attr` after a shape guard: load the
/// slot array's address at `SLOTS_OFFSET`, then the value at `8 * slot`.
fn load_slot_like_the_jit(d: &Dict, slot: usize) -> Value {
    let base = d as *const Dict as *const u8;
    // SAFETY: SLOTS_OFFSET is the offset of an aligned `usize` field of the
    // `repr(C)` `Dict`; that field is the address of the dict's slot array,
    // which has more than `slot` initialised values (the caller checked the
    // shape) and is not reallocated while `d` is borrowed.
    unsafe {
        let slots = *(base.add(Dict::SLOTS_OFFSET) as *const usize) as *const Value;
        *slots.add(slot)
    }
}

#[test]
fn slot_loads_through_raw_offsets_follow_reallocation() {
    let tree = Arc::new(ShapeTree::new());
    let mut d = Dict::new_split(tree.clone(), tree.root());
    for i in 0..40u32 {
        let key = Value::from_heap_addr(0x1000 + 8 * i as usize).unwrap();
        d.insert(&mut Names, key, Value::from_int(i as i64 * 3).unwrap())
            .unwrap();
        // Every slot is readable through the offset after each growth.
        for j in 0..=i as usize {
            assert_eq!(
                load_slot_like_the_jit(&d, j),
                Value::from_int(j as i64 * 3).unwrap()
            );
        }
    }
    d.set_slot(SlotIndex::new(5), Value::TRUE);
    assert_eq!(load_slot_like_the_jit(&d, 5), Value::TRUE);
    let c = d.clone();
    assert_eq!(
        load_slot_like_the_jit(&c, 39),
        Value::from_int(117).unwrap()
    );
}

#[test]
fn shared_structures_cross_threads() {
    fn send_sync<T: Send + Sync>() {}
    send_sync::<ShapeTree>();
    send_sync::<Dict>();
    send_sync::<Value>();
    send_sync::<VersionTag>();
}

#[test]
fn dictionary_mode_clears_the_slot_word_and_keeps_the_version() {
    let tree = Arc::new(ShapeTree::new());
    let mut d = Dict::new_split(tree.clone(), tree.root());
    let x = Value::from_heap_addr(0x1000).unwrap();
    d.insert(&mut Names, x, Value::TRUE).unwrap();
    let (version, keys) = (d.version(), d.keys_version());
    Dict::make_combined_in(&mut SoloHost(&mut d)).unwrap();
    let base = &d as *const Dict as *const u8;
    // SAFETY: SLOTS_OFFSET and SHAPE_OFFSET are offsets of aligned usize and
    // u32 fields of the `repr(C)` `Dict`.
    let (slots, shape) = unsafe {
        (
            *(base.add(Dict::SLOTS_OFFSET) as *const usize),
            *(base.add(Dict::SHAPE_OFFSET) as *const u32),
        )
    };
    assert_eq!(slots, 0, "no slot array to load from");
    assert_eq!(
        shape,
        ShapeId::DICT_MODE.as_u32(),
        "so the shape guard fails"
    );
    assert_eq!(d.version(), version, "same items: the version is kept");
    assert_ne!(d.keys_version(), keys);
    assert_eq!(d.get(&mut Names, x).unwrap(), Some(Value::TRUE));
}

/// `Names` and one dict, for the `*_in` operations.
struct SoloHost<'a>(&'a mut Dict);
impl Symbols for SoloHost<'_> {
    fn symbol_of(&mut self, key: Value) -> Option<Symbol> {
        Names.symbol_of(key)
    }
    fn symbol_key(&self, sym: Symbol) -> Value {
        Names.symbol_key(sym)
    }
}
impl KeyOps for SoloHost<'_> {
    type Error = ();
    fn hash(&mut self, key: Value) -> Result<u64, ()> {
        Names.hash(key)
    }
    fn eq(&mut self, a: Value, b: Value) -> Result<bool, ()> {
        Names.eq(a, b)
    }
}
impl pyvm_objmodel::DictHost for SoloHost<'_> {
    fn dict(&mut self) -> &mut Dict {
        self.0
    }
}
