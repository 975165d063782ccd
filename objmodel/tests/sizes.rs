//! Sizes that performance (and the JIT's inline code) depend on.

use pyvm_objmodel::{Dict, ShapeId, SlotIndex, Symbol, Value, VersionTag};
use std::mem::{align_of, size_of};

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
    assert_eq!(VersionTag::VALUE_OFFSET, 0);
    assert_eq!(size_of::<VersionTag>(), 8);
    // A dict is a fixed-size header the VM's dict object embeds.
    assert!(
        size_of::<Dict>() <= 128,
        "Dict grew to {}",
        size_of::<Dict>()
    );
}

#[test]
fn guard_words_read_back_through_raw_offsets() {
    let d = Dict::new();
    let base = &d as *const Dict as *const u8;
    // SAFETY: VERSION_OFFSET and SHAPE_OFFSET are offsets of an aligned u64
    // and an aligned u32 field of `Dict` (its layout is `repr(C)`).
    let (version, shape) = unsafe {
        (
            *(base.add(Dict::VERSION_OFFSET) as *const u64),
            *(base.add(Dict::SHAPE_OFFSET) as *const u32),
        )
    };
    assert_eq!(version, d.version());
    assert_eq!(shape, ShapeId::DICT_MODE.as_u32());
}
