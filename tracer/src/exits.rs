//! Exit counters: how often each exit of a compiled trace was taken.
//!
//! Compiled code may run on several threads at once, so the counters are
//! atomics; [`ExitCounters::bump`] reports the crossing of the hot threshold
//! to exactly one caller, which then records the side trace. Native code
//! can increment a counter directly: [`ExitCounters::as_ptr`] is an array of
//! `u32` words, one per exit, incremented with a relaxed atomic add.

#[cfg(loom)]
use loom::sync::atomic::{AtomicU32, Ordering};
#[cfg(not(loom))]
use std::sync::atomic::{AtomicU32, Ordering};

use crate::ir::ExitId;

/// One counter per exit of a trace.
pub struct ExitCounters {
    counts: Box<[AtomicU32]>,
    threshold: u32,
}

impl ExitCounters {
    /// Counters for `exits` exits; an exit becomes hot when its count
    /// reaches `threshold` (at least 1).
    pub fn new(exits: usize, threshold: u32) -> ExitCounters {
        ExitCounters {
            counts: (0..exits).map(|_| AtomicU32::new(0)).collect(),
            threshold: threshold.max(1),
        }
    }

    /// Number of exits.
    pub fn len(&self) -> usize {
        self.counts.len()
    }

    /// Whether there are no exits.
    pub fn is_empty(&self) -> bool {
        self.counts.is_empty()
    }

    /// Counts one exit through `exit`. Returns `true` to exactly one caller:
    /// the one whose increment made the count reach the threshold.
    pub fn bump(&self, exit: ExitId) -> bool {
        // Relaxed is enough: the count carries no other data, and
        // fetch_add makes each increment unique, so exactly one caller
        // observes `threshold - 1` before its add.
        let before = self.counts[exit.index()].fetch_add(1, Ordering::Relaxed);
        before.wrapping_add(1) == self.threshold
    }

    /// The current count of an exit.
    pub fn count(&self, exit: ExitId) -> u32 {
        self.counts[exit.index()].load(Ordering::Relaxed)
    }

    /// Restarts the count of an exit (after a failed side-trace attempt,
    /// so that it becomes hot again later).
    pub fn reset(&self, exit: ExitId) {
        self.counts[exit.index()].store(0, Ordering::Relaxed);
    }

    /// The counters as an array of `u32` words for native code.
    #[cfg(not(loom))]
    pub fn as_ptr(&self) -> *const AtomicU32 {
        self.counts.as_ptr()
    }
}

#[cfg(all(test, not(loom)))]
mod tests {
    use super::*;
    use crate::ir::SnapId;

    #[test]
    fn hot_is_reported_once() {
        let c = ExitCounters::new(2, 3);
        let hits: Vec<bool> = (0..6).map(|_| c.bump(SnapId(1))).collect();
        assert_eq!(hits, [false, false, true, false, false, false]);
        assert_eq!(c.count(SnapId(1)), 6);
        assert_eq!(c.count(SnapId(0)), 0);
        c.reset(SnapId(1));
        assert!(!c.bump(SnapId(1)));
    }

    #[test]
    fn threads_see_one_crossing() {
        let c = std::sync::Arc::new(ExitCounters::new(1, 1000));
        let handles: Vec<_> = (0..4)
            .map(|_| {
                let c = c.clone();
                std::thread::spawn(move || (0..500).filter(|_| c.bump(SnapId(0))).count())
            })
            .collect();
        let total: usize = handles.into_iter().map(|h| h.join().unwrap()).sum();
        assert_eq!(total, 1);
        assert_eq!(c.count(SnapId(0)), 2000);
    }
}
