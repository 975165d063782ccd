//! Object references and the tracer callback the binding calls back into.

use core::num::NonZeroUsize;

use crate::header::HEADER_BYTES;

/// The address of a heap object: the address of its GC header word.
///
/// The VM's own data (the *payload*) starts [`HEADER_BYTES`] after it.
/// Addresses are 8-byte aligned, non-null and below 2^48, so a VM may
/// NaN-box them or put tags in the low three bits; the collector never
/// assumes that a slot holds a bare `ObjectRef` (see [`Tracer`]).
///
/// An `ObjectRef` has no lifetime: it is the unsafe, low-level currency of
/// the crate. Reading through it is only valid while no collection can run,
/// which the safe layer ([`crate::Gc`], [`crate::Handle`]) enforces with
/// borrows.
#[derive(Copy, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
#[repr(transparent)]
pub struct ObjectRef(NonZeroUsize);

impl ObjectRef {
    /// Alignment of every object address.
    pub const ALIGN: usize = 8;
    /// Addresses fit in this many bits.
    pub const ADDRESS_BITS: u32 = 48;

    /// Makes a reference from an address; `None` unless it is non-null,
    /// 8-byte aligned and fits in 48 bits.
    #[inline]
    pub fn from_address(address: usize) -> Option<ObjectRef> {
        if !address.is_multiple_of(Self::ALIGN) || (address as u64) >> Self::ADDRESS_BITS != 0 {
            return None;
        }
        NonZeroUsize::new(address).map(ObjectRef)
    }

    /// Makes a reference from an address the caller knows is valid.
    #[inline]
    pub(crate) fn from_address_unchecked(address: usize) -> ObjectRef {
        debug_assert!(address != 0 && address.is_multiple_of(Self::ALIGN));
        match NonZeroUsize::new(address) {
            Some(a) => ObjectRef(a),
            None => unreachable!("null object address"),
        }
    }

    /// The address of the object's GC header.
    #[inline]
    pub fn address(self) -> usize {
        self.0.get()
    }

    /// A pointer to the VM's data, just after the GC header.
    #[inline]
    pub fn payload(self) -> *mut u8 {
        (self.0.get() + HEADER_BYTES) as *mut u8
    }

    /// The reference whose payload starts at `payload`.
    #[inline]
    pub fn from_payload(payload: *const u8) -> Option<ObjectRef> {
        (payload as usize)
            .checked_sub(HEADER_BYTES)
            .and_then(ObjectRef::from_address)
    }
}

/// What the collector hands to [`crate::VMBinding::trace_object`] and
/// [`crate::VMBinding::scan_roots`].
///
/// For every reference the binding finds, it calls [`Tracer::trace`] with
/// the decoded reference and stores the returned reference back, re-encoded
/// in whatever tagged form the slot uses. The returned reference may differ
/// (the object moved); it must always be written back, because the old
/// address becomes invalid when the collection ends.
pub trait Tracer {
    /// Reports one reference; returns the object's current address.
    fn trace(&mut self, object: ObjectRef) -> ObjectRef;

    /// Convenience for slots that hold a bare [`ObjectRef`].
    #[inline]
    fn trace_slot(&mut self, slot: &mut ObjectRef) {
        *slot = self.trace(*slot);
    }
}

/// Total size in bytes (header included, rounded up to 8) of an object
/// whose payload is `payload_bytes` long.
#[inline]
pub fn object_bytes_for(payload_bytes: usize) -> usize {
    payload_bytes.saturating_add(HEADER_BYTES + 7) & !7
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn from_address_rejects_null_misaligned_and_wide() {
        assert!(ObjectRef::from_address(0).is_none());
        assert!(ObjectRef::from_address(12).is_none());
        assert!(ObjectRef::from_address(1 << 48).is_none());
        let r = ObjectRef::from_address(0x1000).unwrap();
        assert_eq!(r.address(), 0x1000);
        assert_eq!(r.payload() as usize, 0x1008);
        assert_eq!(ObjectRef::from_payload(r.payload()), Some(r));
    }

    #[test]
    fn object_bytes_round_up() {
        assert_eq!(object_bytes_for(0), 8);
        assert_eq!(object_bytes_for(1), 16);
        assert_eq!(object_bytes_for(16), 24);
    }
}
