//! The GC header word that precedes every object.
//!
//! ```text
//!  63                                16 15  12 11   8 7                       0
//! +------------------------------------+------+------+--+--+--+--+--+--+--+--+
//! |        object id (48 bits)         | tmp  | age  |ID|DR|FN|MK|LG|OL|UL|FW|
//! +------------------------------------+------+------+--+--+--+--+--+--+--+--+
//!
//! forwarded:  [ flags* | new address (bits 3..47)                  | 0 0 1 ]
//!             (* during compaction only: FN, DR, ID in bits 48..50)
//! ```
//!
//! * `FW` (bit 0): the object has moved; the whole word is the new address
//!   with bit 0 set. Only ever seen by the collector.
//! * `UL` (bit 1) *unlogged*: an old object that is not in a remembered set.
//!   The write barrier's fast path tests only this bit (see [`crate::barrier`]).
//! * `OL` (bit 2): the object is in the old generation (old blocks or the
//!   large-object space).
//! * `LG` (bit 3): the object lives in the non-moving large-object space.
//! * `MK` (bit 4): large-object mark bit, set only during a major collection.
//! * `FN` (bit 5): registered for finalization and not yet queued.
//! * `DR` (bit 6): registered for a native drop hook.
//! * `ID` (bit 7): an identity has been assigned (bits 16..63 hold it).
//! * age (bits 8..11): minor collections survived in the nursery.
//! * tmp (bits 12..15): scratch bits of the collector (finalizer ordering).
//! * object id (bits 16..63): see [`crate::ObjectId`]; copied with the object.

use core::sync::atomic::{AtomicU64, Ordering};

use crate::object::ObjectRef;

/// Size of the GC header in bytes; the VM payload starts at this offset.
pub const HEADER_BYTES: usize = 8;
/// Offset of the header word from the object address.
pub const HEADER_OFFSET: usize = 0;

/// Bit 0: the object has moved (collector-internal).
pub const FORWARDED: u64 = 1 << 0;
/// Bit 1: old object not in a remembered set; the write barrier's test bit.
pub const UNLOGGED: u64 = 1 << 1;
/// Bit 2: the object is old.
pub const OLD: u64 = 1 << 2;
/// Bit 3: the object is in the large-object space (never moves).
pub const LARGE: u64 = 1 << 3;
/// Bit 4: large-object mark bit (only during a major collection).
pub const MARK: u64 = 1 << 4;
/// Bit 5: a finalizer is registered and has not been queued yet.
pub const FINALIZABLE: u64 = 1 << 5;
/// Bit 6: the binding's drop hook must run when the object dies.
pub const NEEDS_DROP: u64 = 1 << 6;
/// Bit 7: bits 16..63 hold an assigned identity.
pub const HAS_ID: u64 = 1 << 7;
/// Shift of the 4-bit age field.
pub const AGE_SHIFT: u32 = 8;
/// Mask of the age field.
pub const AGE_MASK: u64 = 0xF << AGE_SHIFT;
/// Collector scratch: an unreachable finalizable object being resurrected.
pub(crate) const CANDIDATE: u64 = 1 << 12;
/// Shift of the identity field.
pub const ID_SHIFT: u32 = 16;
/// Largest identity that fits in the header.
pub const MAX_ID: u64 = (1 << (64 - ID_SHIFT)) - 1;

/// The header word of `obj` as an atomic cell.
///
/// # Safety
/// `obj` must be an object of this heap (or a from-space copy during a
/// collection) whose memory stays allocated while the result is used.
#[inline]
unsafe fn cell<'a>(obj: ObjectRef) -> &'a AtomicU64 {
    // SAFETY: the caller guarantees an allocated, 8-aligned header word; all
    // concurrent accesses to headers go through atomics.
    unsafe { AtomicU64::from_ptr(obj.address() as *mut u64) }
}

/// Reads the header of `obj`.
///
/// # Safety
/// `obj` must be a live object of this heap (or a from-space copy during a
/// collection).
#[inline]
pub(crate) unsafe fn load(obj: ObjectRef) -> u64 {
    // SAFETY: forwarded from the caller.
    unsafe { cell(obj).load(Ordering::Relaxed) }
}

/// Writes the header of `obj`.
///
/// # Safety
/// As [`load`].
#[inline]
pub(crate) unsafe fn store(obj: ObjectRef, value: u64) {
    // SAFETY: forwarded from the caller.
    unsafe { cell(obj).store(value, Ordering::Relaxed) }
}

/// Clears `bits`, returning the previous header.
///
/// # Safety
/// As [`load`].
#[inline]
pub(crate) unsafe fn clear_bits(obj: ObjectRef, bits: u64) -> u64 {
    // SAFETY: forwarded from the caller.
    unsafe { cell(obj).fetch_and(!bits, Ordering::Relaxed) }
}

/// Sets `bits`, returning the previous header.
///
/// # Safety
/// As [`load`].
#[inline]
pub(crate) unsafe fn set_bits(obj: ObjectRef, bits: u64) -> u64 {
    // SAFETY: forwarded from the caller.
    unsafe { cell(obj).fetch_or(bits, Ordering::Relaxed) }
}

/// Installs `id` unless an identity is already there; returns the id in
/// force afterwards.
///
/// # Safety
/// As [`load`].
#[inline]
pub(crate) unsafe fn install_id(obj: ObjectRef, id: u64) -> u64 {
    // SAFETY: forwarded from the caller.
    let c = unsafe { cell(obj) };
    let mut cur = c.load(Ordering::Relaxed);
    loop {
        if cur & HAS_ID != 0 {
            return cur >> ID_SHIFT;
        }
        let new = (cur & ((1 << ID_SHIFT) - 1)) | HAS_ID | (id << ID_SHIFT);
        match c.compare_exchange_weak(cur, new, Ordering::Relaxed, Ordering::Relaxed) {
            Ok(_) => return id,
            Err(actual) => cur = actual,
        }
    }
}

/// The address a forwarded header points to.
#[inline]
pub(crate) fn forwardee(h: u64) -> ObjectRef {
    ObjectRef::from_address_unchecked((h & FORWARD_ADDRESS_MASK) as usize)
}

/// The address bits of a forwarding word; bits 48..63 are free for the
/// compactor to carry header flags across the move.
pub(crate) const FORWARD_ADDRESS_MASK: u64 = ((1 << 48) - 1) & !7;

/// Age stored in a header.
#[inline]
pub(crate) fn age(h: u64) -> u8 {
    ((h & AGE_MASK) >> AGE_SHIFT) as u8
}
