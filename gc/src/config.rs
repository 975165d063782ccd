//! Heap configuration: sizes, limits, stress and verification modes.

/// How a heap is sized and checked. `Config::default()` is tuned for a
/// general-purpose VM; [`Config::stress`] is the debugging configuration
/// pyvm maps `PYVM_GC_STRESS=N` to.
#[derive(Clone, Debug)]
pub struct Config {
    /// Bytes of each mutator's nursery (eden) buffer.
    pub nursery_bytes: usize,
    /// Bytes of each of the two survivor semispaces (shared by mutators).
    pub survivor_bytes: usize,
    /// Minor collections an object survives before it is promoted (1 means
    /// the first survival promotes it).
    pub promotion_age: u8,
    /// Size of the blocks the old generation is made of.
    pub block_bytes: usize,
    /// Objects of at least this many bytes (header included) go to the
    /// non-moving large-object space.
    pub large_object_bytes: usize,
    /// Upper bound on old blocks plus large objects. Allocation fails with
    /// [`crate::AllocError`] when a collection cannot bring the heap under it.
    pub max_heap_bytes: usize,
    /// Old-generation size that triggers the first major collection.
    pub min_major_threshold: usize,
    /// After a major collection, the next one is due when the old
    /// generation reaches `live * (100 + growth_percent) / 100`.
    pub growth_percent: usize,
    /// Major collections compact the old blocks in place (sliding, no
    /// second copy of the live data needed) instead of evacuating every old
    /// object into fresh blocks. Evacuation moves every object at every
    /// major collection, which is what stress mode wants.
    pub compact: bool,
    /// Collect every N allocations (see [`Stress`]).
    pub stress: Option<Stress>,
    /// Verify the whole heap after every collection (panics on a broken
    /// invariant with a description).
    pub verify: bool,
    /// Fill freed nursery and survivor memory with [`POISON_BYTE`]; newly
    /// allocated objects are still zeroed.
    pub poison: bool,
    /// The clock pauses are timed with: `None` is the wall clock
    /// (`Instant`); a VM or benchmark may pass a thread CPU-time clock to
    /// leave out time the operating system gave to other processes.
    pub pause_clock: Option<fn() -> std::time::Duration>,
}

/// Byte written over freed memory when [`Config::poison`] is on.
pub const POISON_BYTE: u8 = 0xDB;

/// Stress schedule: a collection every `every` allocations.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stress {
    /// Collect at every Nth allocation (1, or 0, = every allocation).
    pub every: u32,
    /// Every `major_every`-th stress collection is a major one (which moves
    /// every object outside the large-object space); the others are minor
    /// (which move every young object). 1 = all major.
    pub major_every: u32,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            nursery_bytes: 256 * 1024,
            survivor_bytes: 128 * 1024,
            promotion_age: 2,
            block_bytes: 256 * 1024,
            large_object_bytes: 16 * 1024,
            max_heap_bytes: usize::MAX,
            min_major_threshold: 8 * 1024 * 1024,
            growth_percent: 100,
            compact: true,
            stress: None,
            verify: false,
            poison: false,
            pause_clock: None,
        }
    }
}

impl Config {
    /// The stress configuration: collect every `every` allocations
    /// (alternating minor collections, which move every young object, and
    /// evacuating major collections, which move every object outside the
    /// large-object space), verify the heap after each collection, poison
    /// freed memory, and use small spaces so that promotion, survivor
    /// overflow and block changes happen often.
    pub fn stress(every: u32) -> Config {
        Config {
            nursery_bytes: 64 * 1024,
            survivor_bytes: 16 * 1024,
            block_bytes: 16 * 1024,
            large_object_bytes: 2 * 1024,
            min_major_threshold: 256 * 1024,
            compact: false,
            stress: Some(Stress {
                every: every.max(1),
                major_every: 2,
            }),
            verify: true,
            poison: true,
            ..Config::default()
        }
    }

    /// Parses the value of a `*_GC_STRESS` environment variable: a positive
    /// integer N selects [`Config::stress`]`(N)`, anything else (including
    /// `0` and the empty string) the default configuration.
    pub fn from_stress_setting(setting: &str) -> Config {
        match setting.trim().parse::<u32>() {
            Ok(n) if n > 0 => Config::stress(n),
            _ => Config::default(),
        }
    }

    /// Whether allocation can use the inline bump-pointer fast path (off
    /// under stress and poisoning, which count or zero every allocation).
    pub(crate) fn fast_path(&self) -> bool {
        self.stress.is_none() && !self.poison
    }
}

/// Allocation failed: the heap limit was reached even after a full
/// collection, or the system allocator refused memory. A VM turns this into
/// its out-of-memory exception.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AllocError {
    /// Bytes (header included) of the allocation that failed.
    pub requested: usize,
}

impl core::fmt::Display for AllocError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "out of memory allocating {} bytes", self.requested)
    }
}

impl std::error::Error for AllocError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stress_setting_parses() {
        assert_eq!(Config::from_stress_setting("1").stress.unwrap().every, 1);
        assert_eq!(Config::from_stress_setting(" 7 ").stress.unwrap().every, 7);
        assert!(Config::from_stress_setting("0").stress.is_none());
        assert!(Config::from_stress_setting("").stress.is_none());
        assert!(Config::from_stress_setting("x").stress.is_none());
        assert!(Config::stress(3).verify && Config::stress(3).poison);
        assert!(!Config::stress(3).fast_path() && Config::default().fast_path());
    }
}
