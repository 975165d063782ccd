//! Synchronisation primitives behind one name, so the shape tree's protocol
//! can be model-checked by loom (`--cfg loom`) and run on `std` otherwise.
//!
//! Reclamation of replaced transition tables goes through [`retire`]: with
//! `std` it defers the free to crossbeam-epoch; under loom (which cannot see
//! crossbeam-epoch's own atomics) the table is kept until the owner drops, so
//! loom checks the publication protocol (release store, acquire load, one
//! writer lock) and the frees cannot race by construction.

#[cfg(loom)]
pub(crate) use loom::sync::atomic::{AtomicPtr, AtomicU32, Ordering};
#[cfg(loom)]
pub(crate) use loom::sync::{Mutex, MutexGuard};
#[cfg(not(loom))]
pub(crate) use std::sync::atomic::{AtomicPtr, AtomicU32, Ordering};
#[cfg(not(loom))]
pub(crate) use std::sync::{Mutex, MutexGuard};

/// Keeps retired allocations alive while readers may still see them.
#[cfg(not(loom))]
pub(crate) struct Guard(crossbeam_epoch::Guard);

/// Keeps retired allocations alive while readers may still see them.
#[cfg(loom)]
pub(crate) struct Guard(());

/// Enter a read-side critical section: pointers loaded from the shape tree
/// stay valid while the guard lives.
#[inline]
pub(crate) fn pin() -> Guard {
    #[cfg(not(loom))]
    {
        Guard(crossbeam_epoch::pin())
    }
    #[cfg(loom)]
    {
        Guard(())
    }
}

/// Where retired boxes wait under loom (dropped with their owner).
#[cfg(loom)]
pub(crate) type Graveyard<T> = Mutex<Vec<Box<T>>>;

/// Where retired boxes wait: nowhere (crossbeam-epoch frees them).
#[cfg(not(loom))]
pub(crate) type Graveyard<T> = std::marker::PhantomData<T>;

/// A new, empty graveyard.
pub(crate) fn new_graveyard<T>() -> Graveyard<T> {
    #[cfg(loom)]
    {
        Mutex::new(Vec::new())
    }
    #[cfg(not(loom))]
    {
        std::marker::PhantomData
    }
}

/// Free `ptr` (from `Box::into_raw`) once no reader pinned before now can
/// still hold it.
///
/// # Safety
/// `ptr` came from `Box::into_raw`, has been unlinked (no new reader can load
/// it), and is retired once.
pub(crate) unsafe fn retire<T: Send + 'static>(
    guard: &Guard,
    graveyard: &Graveyard<T>,
    ptr: *mut T,
) {
    #[cfg(not(loom))]
    {
        let _ = graveyard;
        let addr = ptr as usize;
        // SAFETY: the caller guarantees `ptr` is unlinked and retired once, so
        // after every guard pinned before this call is dropped nobody can
        // reach it; `defer_unchecked` runs the free only then. `T: Send`, so
        // freeing on another thread is fine.
        unsafe {
            guard
                .0
                .defer_unchecked(move || drop(Box::from_raw(addr as *mut T)));
        }
    }
    #[cfg(loom)]
    {
        let _ = guard;
        // SAFETY: `ptr` came from `Box::into_raw` and is retired once.
        let b = unsafe { Box::from_raw(ptr) };
        graveyard.lock().unwrap().push(b);
    }
}
