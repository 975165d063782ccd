//! Synchronisation primitives of the code cache, swappable for loom's.
//!
//! Normal builds use `std` atomics and crossbeam-epoch for deferred
//! reclamation. Under `--cfg loom` the atomics and mutex come from loom and
//! reclamation is a small quiescence counter built on them, because the
//! pinned crossbeam-epoch cannot be driven by loom's scheduler (its own loom
//! support needs `--cfg crossbeam_loom`). What the loom models check is the
//! cache's own protocol, which is the same in both builds: publish code with
//! a release store after it is complete, read it with an acquire load
//! while pinned, and unlink it from every cell before handing it to the
//! reclaimer.

#[cfg(not(loom))]
pub(crate) use std::sync::Mutex;
#[cfg(not(loom))]
pub use std::sync::atomic::{AtomicU64, Ordering};

#[cfg(loom)]
pub(crate) use loom::sync::Mutex;
#[cfg(loom)]
pub use loom::sync::atomic::{AtomicU64, Ordering};

/// Deferred reclamation: values retired while some thread may still be
/// running code they own are dropped once every such thread has unpinned.
pub struct Reclaimer {
    #[cfg(loom)]
    active: loom::sync::atomic::AtomicUsize,
    #[cfg(loom)]
    retired: Mutex<Vec<Box<dyn Send>>>,
}

impl std::fmt::Debug for Reclaimer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Reclaimer")
    }
}

/// Proof that the current thread is pinned: nothing retired after the pin
/// started is reclaimed until it is dropped.
pub struct Pin<'a> {
    #[cfg(not(loom))]
    guard: crossbeam_epoch::Guard,
    #[cfg(not(loom))]
    _reclaimer: &'a Reclaimer,
    #[cfg(loom)]
    reclaimer: &'a Reclaimer,
}

impl Default for Reclaimer {
    fn default() -> Self {
        Reclaimer::new()
    }
}

#[cfg(not(loom))]
impl Reclaimer {
    /// A reclaimer.
    pub fn new() -> Reclaimer {
        Reclaimer {}
    }

    /// Pins the current thread.
    pub fn pin(&self) -> Pin<'_> {
        Pin {
            guard: crossbeam_epoch::pin(),
            _reclaimer: self,
        }
    }

    /// Drops `value` once no thread pinned now (or earlier) is still pinned.
    /// The caller must already have unlinked it from every shared cell.
    pub fn retire<T: Send + 'static>(&self, pin: &Pin<'_>, value: T) {
        pin.guard.defer(move || drop(value));
        pin.guard.flush();
    }
}

#[cfg(loom)]
impl Reclaimer {
    /// A reclaimer.
    pub fn new() -> Reclaimer {
        Reclaimer {
            active: loom::sync::atomic::AtomicUsize::new(0),
            retired: Mutex::new(Vec::new()),
        }
    }

    /// Pins the current thread.
    pub fn pin(&self) -> Pin<'_> {
        self.active.fetch_add(1, Ordering::SeqCst);
        Pin { reclaimer: self }
    }

    /// Drops `value` once no thread pinned now (or earlier) is still pinned.
    /// The caller must already have unlinked it from every shared cell.
    pub fn retire<T: Send + 'static>(&self, _pin: &Pin<'_>, value: T) {
        self.retired.lock().unwrap().push(Box::new(value));
    }

    fn try_reclaim(&self) {
        let drained = {
            let mut retired = self.retired.lock().unwrap();
            // Re-checked under the lock that `retire` takes: anything in the
            // list was unlinked before this load, so a thread that pins later
            // cannot reach it.
            if self.active.load(Ordering::SeqCst) != 0 {
                return;
            }
            std::mem::take(&mut *retired)
        };
        drop(drained);
    }
}

#[cfg(loom)]
impl Drop for Pin<'_> {
    fn drop(&mut self) {
        if self.reclaimer.active.fetch_sub(1, Ordering::SeqCst) == 1 {
            self.reclaimer.try_reclaim();
        }
    }
}
