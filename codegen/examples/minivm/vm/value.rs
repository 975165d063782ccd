//! The NaN-boxed value encoding (drawn in the module docs).

/// Bits that hold the type tag.
pub const TAG_MASK: u64 = 0xffff_0000_0000_0000;
/// The tag of ints.
pub const INT_TAG: u64 = 0xfffa_0000_0000_0000;
/// The tag of objects.
pub const OBJ_TAG: u64 = 0xfffb_0000_0000_0000;
/// The address bits of an object word.
pub const ADDR_MASK: u64 = !TAG_MASK;
/// Attributes an object can hold.
pub const OBJ_SLOTS: usize = 4;
/// Byte offset of the shape word from an object's address.
pub(crate) const SHAPE_OFF: i32 = 8;
/// Byte offset of slot `k` is `SLOT0_OFF + 8 * k`.
pub(crate) const SLOT0_OFF: i32 = 24;
pub(crate) const PAYLOAD_SHIFT: i64 = 16;

/// An int value (the payload keeps the low 48 bits).
pub fn int(i: i64) -> u64 {
    INT_TAG | (i as u64 & !TAG_MASK)
}

/// A float value.
pub fn float(f: f64) -> u64 {
    f.to_bits()
}

/// Whether a word is an int.
pub fn is_int(w: u64) -> bool {
    w & TAG_MASK == INT_TAG
}

/// Whether a word is an object.
pub fn is_obj(w: u64) -> bool {
    w & TAG_MASK == OBJ_TAG
}

/// The integer of an int word.
pub fn int_of(w: u64) -> i64 {
    ((w << PAYLOAD_SHIFT) as i64) >> PAYLOAD_SHIFT
}

/// The number of a word as a float.
pub fn float_of(w: u64) -> f64 {
    if is_int(w) {
        int_of(w) as f64
    } else {
        f64::from_bits(w)
    }
}
