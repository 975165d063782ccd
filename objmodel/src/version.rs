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

/// An identifier the VM gives to something that depends on a version
/// (a compiled trace, an inline cache) and must be invalidated when it changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DependentId(pub u64);

/// A [`VersionTag`] that also remembers who depends on its current value, so
/// that a mutation can *tell* them instead of each checking a guard (like
/// V8's dependent code or CPython 3.12's type watchers). Compiled code that
/// registers here can omit the version guard.
#[derive(Debug, Default)]
pub struct WatchedVersion {
    tag: VersionTag,
    dependents: std::sync::Mutex<Vec<DependentId>>,
}

impl WatchedVersion {
    /// A new tag with no dependents.
    pub fn new() -> WatchedVersion {
        WatchedVersion::default()
    }

    /// The current value (one load).
    #[inline]
    pub fn get(&self) -> u64 {
        self.tag.get()
    }

    /// The tag itself, for compiled guards ([`VersionTag::VALUE_OFFSET`]).
    pub fn tag(&self) -> &VersionTag {
        &self.tag
    }

    /// Record that `who` relies on the value being `seen`. Returns `false`
    /// (and records nothing) if the value already moved on: the dependent
    /// is stale from the start.
    pub fn watch(&self, who: DependentId, seen: u64) -> bool {
        let mut deps = self.dependents.lock().unwrap_or_else(|e| e.into_inner());
        // Checked under the lock, so a concurrent `bump` either sees `who`
        // or has already changed the value.
        if self.tag.get() != seen {
            return false;
        }
        deps.push(who);
        true
    }

    /// Give the tag a fresh value and return everything that depended on
    /// the old one (each once, in registration order), forgetting them.
    pub fn bump(&self) -> Vec<DependentId> {
        let mut deps = self.dependents.lock().unwrap_or_else(|e| e.into_inner());
        self.tag.bump();
        let mut seen = std::collections::HashSet::new();
        let mut out = std::mem::take(&mut *deps);
        out.retain(|d| seen.insert(*d));
        out
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
    fn watchers_are_told_once_and_stale_watches_are_refused() {
        let w = WatchedVersion::new();
        let v = w.get();
        assert!(w.watch(DependentId(1), v));
        assert!(w.watch(DependentId(2), v));
        assert!(w.watch(DependentId(1), v));
        assert_eq!(w.bump(), [DependentId(1), DependentId(2)]);
        assert!(!w.watch(DependentId(3), v), "compiled against an old value");
        assert_eq!(w.bump(), []);
        let v2 = w.get();
        assert!(w.watch(DependentId(4), v2));
        assert_eq!(w.bump(), [DependentId(4)]);
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
