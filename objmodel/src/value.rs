//! The tagged 64-bit [`Value`] word.
//!
//! # Encoding
//!
//! A `Value` is one `u64`. Heap references are stored as the raw address,
//! floats are stored as their IEEE bits shifted up by `2^49`, and small
//! integers take the top of the range (the "pointer-favouring NaN boxing" of
//! JavaScriptCore, with a wider integer field):
//!
//! ```text
//!  bits (hex, top 16 bits first)        what
//!  0000_0000_0000_0000                  EMPTY: unbound local / deleted entry, never seen by Python
//!  0000_xxxx_xxxx_xxx8                  heap reference: the address itself (8-aligned, < 2^48)
//!  ^^^^ top 16 bits zero
//!  0001_0000_0000_00kk                  immediate singletons: None, False, True, NotImplemented,
//!                                       Ellipsis, then VM-defined immediates (kk = 0, 2, 3, 4, 5, 16..)
//!  0002_0000_0000_0000                  float: raw f64 bits + 2^49 (FLOAT_OFFSET)
//!        ...                            (+0.0 is 0002_0000_0000_0000, -0.0 is 8002_0000_0000_0000,
//!  FFFB_FFFF_FFFF_FFFF                   +inf 7FF2_0000_0000_0000, -inf FFF2_0000_0000_0000)
//!  FFFC_0000_0000_0000                  int: top 14 bits all ones (INT_TAG), low 50 bits are a
//!        ...                            two's-complement integer in [-2^49, 2^49 - 1]
//!  FFFF_FFFF_FFFF_FFFF
//! ```
//!
//! Why this encoding and not another:
//!
//! - **Heap references are the address.** A collector finds and updates a
//!   reference in a slot with one range check (`0 < bits < 2^48`) and needs no
//!   masking to dereference it; a moved object's new address is written back
//!   as is. Field loads in compiled code use the word directly as a base.
//! - **Every f64 is immediate.** Adding `2^49` moves the whole double range
//!   above the pointer and singleton space. Only negative NaNs whose payload
//!   is at least `0xA_0000_0000_0000` collide with the integer range; those
//!   (never produced by arithmetic on x86-64 or AArch64, which make
//!   `0x7FF8…`/`0xFFF8…`) are canonicalized to the negative quiet NaN
//!   `0xFFF8_0000_0000_0000`, so the **sign of every NaN is kept** and
//!   positive NaN payloads round-trip bit-exactly.
//! - **Ints are 50-bit and cheap.** The type test is one unsigned compare
//!   (`bits >= INT_TAG`), unboxing is a shift pair (sign extension of the low
//!   50 bits), boxing is a mask and an or. The sum of two unboxed ints never
//!   overflows `i64`, so the VM adds in `i64` and re-boxes with
//!   [`Value::from_int`], which reports values out of range (`None`) so the
//!   VM falls back to a big integer.
//! - **EMPTY is all-zero.** Zeroed memory is a valid array of unbound slots,
//!   and `Value::EMPTY` is distinct from every Python-visible value.
//!
//! The constants a JIT needs to emit the same checks inline are public:
//! [`INT_TAG`], [`INT_BITS`], [`FLOAT_OFFSET`], [`FLOAT_END`], [`HEAP_END`],
//! [`IMMEDIATE_BASE`] and the bit patterns of the singletons (`Value::NONE.to_bits()`…).

use std::fmt;

/// Number of bits of an immediate integer's two's-complement payload.
pub const INT_BITS: u32 = 50;
/// Every word `>= INT_TAG` is an immediate integer.
pub const INT_TAG: u64 = !0u64 << INT_BITS;
/// Mask of the integer payload (the low [`INT_BITS`] bits).
pub const INT_PAYLOAD_MASK: u64 = !INT_TAG;
/// Smallest immediate integer (`-2^49`).
pub const INT_MIN: i64 = -(1i64 << (INT_BITS - 1));
/// Largest immediate integer (`2^49 - 1`).
pub const INT_MAX: i64 = (1i64 << (INT_BITS - 1)) - 1;
/// Added to an f64's bits to box it; floats occupy `FLOAT_OFFSET..FLOAT_END`.
pub const FLOAT_OFFSET: u64 = 1u64 << 49;
/// End (exclusive) of the float range; equal to [`INT_TAG`].
pub const FLOAT_END: u64 = INT_TAG;
/// Raw f64 bit patterns at or above this value (negative NaNs with a large
/// payload) are canonicalized to [`CANONICAL_NEG_NAN`] when boxed.
pub const FLOAT_RAW_LIMIT: u64 = FLOAT_END - FLOAT_OFFSET;
/// The NaN that replaces negative NaNs whose raw bits are `>= FLOAT_RAW_LIMIT`.
pub const CANONICAL_NEG_NAN: u64 = 0xFFF8_0000_0000_0000;
/// Heap references are the words in `1..HEAP_END` (and are 8-aligned).
pub const HEAP_END: u64 = 1u64 << 48;
/// Immediate singletons are `IMMEDIATE_BASE + k` for `k < 2^32`.
pub const IMMEDIATE_BASE: u64 = 1u64 << 48;
/// Alignment every heap address must have.
pub const HEAP_ALIGN: usize = 8;
/// First immediate index a VM may use for its own immediates with
/// [`Value::immediate`]; smaller indices are reserved for this crate.
pub const FIRST_VM_IMMEDIATE: u32 = 16;

/// One tagged 64-bit word: an immediate int, float or singleton, or a heap
/// reference. See the [module docs](self) for the encoding.
///
/// `Value` is `Copy` and compares (`==`, `Hash`) by bits, which is Python's
/// identity (`is`) for heap references and singletons.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
#[repr(transparent)]
pub struct Value(u64);

/// What a [`Value`] holds, for `match`ing (the `is_*`/`as_*` methods are the
/// fast paths).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ValueKind {
    /// [`Value::EMPTY`].
    Empty,
    /// A heap reference, with its address.
    Heap(usize),
    /// `None`.
    None,
    /// `True` or `False`.
    Bool(bool),
    /// `NotImplemented`.
    NotImplemented,
    /// `Ellipsis`.
    Ellipsis,
    /// A VM-defined immediate ([`Value::immediate`]) or an unused reserved index.
    Immediate(u32),
    /// An immediate integer.
    Int(i64),
    /// An immediate float.
    Float(f64),
    /// A bit pattern no constructor produces (a misaligned "address").
    Invalid(u64),
}

impl Value {
    /// The "empty/unbound" marker: unbound locals, deleted dict entries. All
    /// bits zero. Never visible to Python code.
    pub const EMPTY: Value = Value(0);
    /// `None`.
    pub const NONE: Value = Value(IMMEDIATE_BASE);
    /// `False` (`TRUE` is `FALSE + 1`, so `from_bool` is an add).
    pub const FALSE: Value = Value(IMMEDIATE_BASE + 2);
    /// `True`.
    pub const TRUE: Value = Value(IMMEDIATE_BASE + 3);
    /// `NotImplemented`.
    pub const NOT_IMPLEMENTED: Value = Value(IMMEDIATE_BASE + 4);
    /// `Ellipsis` (`...`).
    pub const ELLIPSIS: Value = Value(IMMEDIATE_BASE + 5);

    /// The raw word.
    #[inline(always)]
    pub const fn to_bits(self) -> u64 {
        self.0
    }

    /// Reinterpret a raw word (for JIT-produced or stored words). Any bit
    /// pattern is memory-safe to hold; words no constructor produces are
    /// reported by [`Value::kind`] as [`ValueKind::Invalid`].
    #[inline(always)]
    pub const fn from_bits(bits: u64) -> Value {
        Value(bits)
    }

    /// Box an integer, or `None` when it does not fit in [`INT_BITS`] bits
    /// (the VM then allocates a big integer).
    #[inline(always)]
    pub const fn from_int(i: i64) -> Option<Value> {
        if (i as u64).wrapping_sub(INT_MIN as u64) <= (INT_MAX as u64).wrapping_sub(INT_MIN as u64)
        {
            Some(Value((i as u64 & INT_PAYLOAD_MASK) | INT_TAG))
        } else {
            None
        }
    }

    /// Whether this is an immediate integer (one compare).
    #[inline(always)]
    pub const fn is_int(self) -> bool {
        self.0 >= INT_TAG
    }

    /// The integer, if this is an immediate integer.
    #[inline(always)]
    pub const fn as_int(self) -> Option<i64> {
        if self.is_int() {
            Some(self.int_unchecked())
        } else {
            None
        }
    }

    /// Sign-extend the low [`INT_BITS`] bits. Meaningful only when
    /// [`is_int`](Self::is_int) holds (otherwise an arbitrary integer, never UB).
    #[inline(always)]
    pub const fn int_unchecked(self) -> i64 {
        ((self.0 << (64 - INT_BITS)) as i64) >> (64 - INT_BITS)
    }

    /// Box a float. Every f64 round-trips bit-exactly except negative NaNs
    /// with raw bits `>= FLOAT_RAW_LIMIT`, which become [`CANONICAL_NEG_NAN`]
    /// (still a negative NaN).
    #[inline(always)]
    pub const fn from_float(f: f64) -> Value {
        let raw = f.to_bits();
        let raw = if raw >= FLOAT_RAW_LIMIT {
            CANONICAL_NEG_NAN
        } else {
            raw
        };
        Value(raw + FLOAT_OFFSET)
    }

    /// Whether this is an immediate float (a subtract and a compare).
    #[inline(always)]
    pub const fn is_float(self) -> bool {
        self.0.wrapping_sub(FLOAT_OFFSET) < FLOAT_END - FLOAT_OFFSET
    }

    /// The float, if this is an immediate float.
    #[inline(always)]
    pub const fn as_float(self) -> Option<f64> {
        if self.is_float() {
            Some(self.float_unchecked())
        } else {
            None
        }
    }

    /// Unbox a float without the type test (meaningful only when
    /// [`is_float`](Self::is_float) holds; never UB).
    #[inline(always)]
    pub const fn float_unchecked(self) -> f64 {
        f64::from_bits(self.0.wrapping_sub(FLOAT_OFFSET))
    }

    /// `True` or `False`.
    #[inline(always)]
    pub const fn from_bool(b: bool) -> Value {
        Value(Value::FALSE.0 + b as u64)
    }

    /// Whether this is `True` or `False`.
    #[inline(always)]
    pub const fn is_bool(self) -> bool {
        self.0.wrapping_sub(Value::FALSE.0) < 2
    }

    /// The boolean, if this is `True` or `False`.
    #[inline(always)]
    pub const fn as_bool(self) -> Option<bool> {
        if self.is_bool() {
            Some(self.0 == Value::TRUE.0)
        } else {
            None
        }
    }

    /// Whether this is `None`.
    #[inline(always)]
    pub const fn is_none(self) -> bool {
        self.0 == Value::NONE.0
    }

    /// Whether this is the [`EMPTY`](Self::EMPTY) marker.
    #[inline(always)]
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// A VM-defined immediate singleton. `index` must be at least
    /// [`FIRST_VM_IMMEDIATE`] (smaller indices are this crate's); returns
    /// `None` otherwise.
    pub const fn immediate(index: u32) -> Option<Value> {
        if index >= FIRST_VM_IMMEDIATE {
            Some(Value(IMMEDIATE_BASE + index as u64))
        } else {
            None
        }
    }

    /// Whether this is an immediate singleton (None, bools, NotImplemented,
    /// Ellipsis or a VM-defined one).
    #[inline(always)]
    pub const fn is_immediate(self) -> bool {
        self.0 >> 32 == IMMEDIATE_BASE >> 32
    }

    /// A reference to the heap object at `addr`. Returns `None` unless `addr`
    /// is non-null, 8-aligned and below `2^48` (every user-space address on
    /// x86-64 and AArch64 with 48-bit virtual addresses).
    #[inline(always)]
    pub const fn from_heap_addr(addr: usize) -> Option<Value> {
        let a = addr as u64;
        if a != 0 && a < HEAP_END && a & (HEAP_ALIGN as u64 - 1) == 0 {
            Some(Value(a))
        } else {
            None
        }
    }

    /// Whether this is a heap reference (one subtract and compare:
    /// `0 < bits < 2^48`). This is the test a collector applies to a slot.
    #[inline(always)]
    pub const fn is_heap(self) -> bool {
        self.0.wrapping_sub(1) < HEAP_END - 1
    }

    /// The address of the referenced heap object, if this is a heap reference.
    #[inline(always)]
    pub const fn heap_addr(self) -> Option<usize> {
        if self.is_heap() {
            Some(self.0 as usize)
        } else {
            None
        }
    }

    /// Classify the word.
    pub fn kind(self) -> ValueKind {
        if let Some(i) = self.as_int() {
            ValueKind::Int(i)
        } else if let Some(f) = self.as_float() {
            ValueKind::Float(f)
        } else if self.is_empty() {
            ValueKind::Empty
        } else if self.is_heap() {
            if self.0 & (HEAP_ALIGN as u64 - 1) == 0 {
                ValueKind::Heap(self.0 as usize)
            } else {
                ValueKind::Invalid(self.0)
            }
        } else if self.is_immediate() {
            match self.0 - IMMEDIATE_BASE {
                0 => ValueKind::None,
                2 => ValueKind::Bool(false),
                3 => ValueKind::Bool(true),
                4 => ValueKind::NotImplemented,
                5 => ValueKind::Ellipsis,
                k => ValueKind::Immediate(k as u32),
            }
        } else {
            ValueKind::Invalid(self.0)
        }
    }
}

impl Default for Value {
    /// [`Value::EMPTY`].
    fn default() -> Value {
        Value::EMPTY
    }
}

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind() {
            ValueKind::Empty => f.write_str("<empty>"),
            ValueKind::Heap(a) => write!(f, "<heap {a:#x}>"),
            ValueKind::None => f.write_str("None"),
            ValueKind::Bool(true) => f.write_str("True"),
            ValueKind::Bool(false) => f.write_str("False"),
            ValueKind::NotImplemented => f.write_str("NotImplemented"),
            ValueKind::Ellipsis => f.write_str("Ellipsis"),
            ValueKind::Immediate(k) => write!(f, "<immediate {k}>"),
            ValueKind::Int(i) => write!(f, "{i}"),
            ValueKind::Float(x) => write!(f, "{x:?}"),
            ValueKind::Invalid(b) => write!(f, "<invalid {b:#018x}>"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn int_range_edges_round_trip_and_overflow_is_reported() {
        for i in [
            0,
            1,
            -1,
            INT_MIN,
            INT_MAX,
            INT_MIN + 1,
            INT_MAX - 1,
            1 << 40,
        ] {
            let v = Value::from_int(i).unwrap();
            assert!(v.is_int() && !v.is_float() && !v.is_heap(), "{i}");
            assert_eq!(v.as_int(), Some(i));
        }
        for i in [INT_MAX + 1, INT_MIN - 1, i64::MAX, i64::MIN] {
            assert_eq!(Value::from_int(i), None, "{i}");
        }
    }

    #[test]
    fn float_specials_round_trip() {
        for f in [
            0.0,
            -0.0,
            1.5,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::MIN_POSITIVE,
            f64::MAX,
        ] {
            let v = Value::from_float(f);
            assert!(v.is_float() && !v.is_int() && !v.is_heap());
            assert_eq!(v.as_float().unwrap().to_bits(), f.to_bits());
        }
        let neg_nan = f64::from_bits(0xFFFF_FFFF_FFFF_FFFF);
        let v = Value::from_float(neg_nan);
        let back = v.as_float().unwrap();
        assert!(back.is_nan() && back.is_sign_negative());
    }

    #[test]
    fn singletons_are_distinct_and_classified() {
        let all = [
            Value::EMPTY,
            Value::NONE,
            Value::FALSE,
            Value::TRUE,
            Value::NOT_IMPLEMENTED,
            Value::ELLIPSIS,
        ];
        for (i, a) in all.iter().enumerate() {
            assert!(!a.is_int() && !a.is_float() && !a.is_heap());
            for b in &all[i + 1..] {
                assert_ne!(a, b);
            }
        }
        assert_eq!(Value::from_bool(true), Value::TRUE);
        assert_eq!(Value::TRUE.as_bool(), Some(true));
        assert_eq!(Value::NONE.as_bool(), None);
        assert_eq!(Value::immediate(3), None);
        assert_eq!(
            Value::immediate(20).unwrap().kind(),
            ValueKind::Immediate(20)
        );
    }

    #[test]
    fn heap_addresses_are_checked() {
        assert_eq!(Value::from_heap_addr(0), None);
        assert_eq!(Value::from_heap_addr(12), None);
        assert_eq!(Value::from_heap_addr(1 << 48), None);
        let v = Value::from_heap_addr(0x7fff_dead_bee8).unwrap();
        assert_eq!(v.heap_addr(), Some(0x7fff_dead_bee8));
        assert_eq!(v.kind(), ValueKind::Heap(0x7fff_dead_bee8));
        assert_eq!(format!("{:?}", Value::from_int(-3).unwrap()), "-3");
    }
}
