//! Object identity that survives moves.
//!
//! Python's `id()` and identity hashing need a value that stays the same for
//! an object's whole life, although this collector moves objects. The answer
//! here: a 48-bit number assigned lazily, on the first request, from a
//! per-heap counter and stored in the upper bits of the object's GC header
//! (see [`crate::header`]). The header travels with the object when it is
//! copied, so the identity needs no side table, no pinning and no extra word;
//! objects whose identity is never asked for pay nothing. Identities are
//! never reused within one heap (2^48 of them), which is stronger than
//! Python requires (uniqueness among live objects only).

/// The identity of an object (see the module documentation).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ObjectId(pub(crate) u64);

impl ObjectId {
    /// The identity as a number (non-zero, below 2^48).
    pub fn get(self) -> u64 {
        self.0
    }

    /// A well-mixed 64-bit hash of the identity, for identity-based hashing.
    pub fn hash64(self) -> u64 {
        // A fixed odd multiplier and a xor-shift spread consecutive ids.
        let x = self.0.wrapping_mul(0x9E37_79B9_7F4A_7C15);
        x ^ (x >> 29)
    }
}
