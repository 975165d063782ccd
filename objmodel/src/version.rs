//! Version tags (PEP 509 style): every mutation of a dict, and every change
//! of a type a VM guards on, takes a tag that was never handed out before.
//!
//! Tags come from one process-wide counter, handed to each thread in blocks
//! of [`BLOCK`] so that taking a tag is a thread-local increment, not an
//! atomic read-modify-write. Tags are unique, never 0, and increase within a
//! thread (not across threads, which no guard needs: a guard only asks "is it
//! still the tag I saw?").

use std::cell::Cell;
use std::sync::atomic::{AtomicU64, Ordering};

/// Tags handed to a thread at a time.
pub const BLOCK: u64 = 1024;

static NEXT_BLOCK: AtomicU64 = AtomicU64::new(1);

thread_local! {
    static LOCAL: Cell<(u64, u64)> = const { Cell::new((0, 0)) };
}

/// A fresh version tag, unique in the process.
#[inline]
pub fn next_version() -> u64 {
    LOCAL.with(|c| {
        let (next, end) = c.get();
        if next < end {
            c.set((next + 1, end));
            next
        } else {
            let start = NEXT_BLOCK.fetch_add(1, Ordering::Relaxed) * BLOCK;
            c.set((start + 1, start + BLOCK));
            start
        }
    })
}

/// A version a VM keeps in a type (or any structure guards depend on):
/// compiled code reads it with one load (at [`VersionTag::VALUE_OFFSET`]) and
/// compares it to the tag it was compiled against; [`VersionTag::bump`]
/// after every mutation invalidates those guards.
#[derive(Debug)]
#[repr(C)]
pub struct VersionTag {
    value: AtomicU64,
}

impl VersionTag {
    /// Byte offset of the tag word, for compiled code.
    pub const VALUE_OFFSET: usize = std::mem::offset_of!(VersionTag, value);

    /// A new tag with a fresh value.
    pub fn new() -> VersionTag {
        VersionTag {
            value: AtomicU64::new(next_version()),
        }
    }

    /// The current value.
    #[inline]
    pub fn get(&self) -> u64 {
        self.value.load(Ordering::Acquire)
    }

    /// Give the tag a fresh value (call after mutating what it guards) and
    /// return it.
    pub fn bump(&self) -> u64 {
        let v = next_version();
        self.value.store(v, Ordering::Release);
        v
    }
}

impl Default for VersionTag {
    fn default() -> VersionTag {
        VersionTag::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn versions_are_unique_across_threads() {
        let handles: Vec<_> = (0..4)
            .map(|_| std::thread::spawn(|| (0..3000).map(|_| next_version()).collect::<Vec<_>>()))
            .collect();
        let mut seen = HashSet::new();
        for h in handles {
            for v in h.join().unwrap() {
                assert!(v != 0 && seen.insert(v), "duplicate tag {v}");
            }
        }
    }

    #[test]
    fn bump_changes_the_tag() {
        let t = VersionTag::new();
        let a = t.get();
        let b = t.bump();
        assert_ne!(a, b);
        assert_eq!(t.get(), b);
    }
}
