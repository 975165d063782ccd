//! Sizes and offsets that compiled code and VM object layouts rely on.

use pyvm_gc::{
    AllocBuffer, NURSERY_CURSOR_OFFSET, NURSERY_LIMIT_OFFSET, ObjectRef, WeakRef, barrier, header,
};

#[test]
fn references_are_one_word_and_option_is_free() {
    assert_eq!(size_of::<ObjectRef>(), 8);
    assert_eq!(size_of::<Option<ObjectRef>>(), 8);
    assert_eq!(size_of::<pyvm_gc::Gc<'static>>(), 8);
    assert_eq!(size_of::<pyvm_gc::Handle<'static>>(), 8);
}

#[test]
fn header_and_barrier_constants() {
    assert_eq!(header::HEADER_BYTES, 8);
    assert_eq!(barrier::HEADER_OFFSET, 0);
    assert_eq!(barrier::UNLOGGED_BIT, 1 << 1);
    assert_eq!(header::MAX_ID, (1 << 48) - 1);
}

#[test]
fn nursery_offsets_address_the_alloc_buffer() {
    assert_eq!(NURSERY_CURSOR_OFFSET, 0);
    assert_eq!(NURSERY_LIMIT_OFFSET, 8);
    assert_eq!(size_of::<AllocBuffer>(), 16);
}

#[test]
fn weak_refs_round_trip_through_a_word() {
    let w = WeakRef::from_bits(0x0000_0003_0000_0007);
    assert_eq!(w.to_bits(), 0x0000_0003_0000_0007);
}
