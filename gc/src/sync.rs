//! Synchronisation primitives, swapped for loom's under `cfg(loom)` so that
//! the model tests in `tests/loom.rs` explore every interleaving of the
//! shared structures (safepoint handshake, heap lock, identity counter).

#[cfg(loom)]
pub(crate) use loom::sync::atomic::{AtomicBool, AtomicU64, Ordering};
#[cfg(loom)]
pub(crate) use loom::sync::{Arc, Condvar, Mutex, MutexGuard};

#[cfg(not(loom))]
pub(crate) use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
#[cfg(not(loom))]
pub(crate) use std::sync::{Arc, Condvar, Mutex, MutexGuard};

/// Locks `m`, ignoring poisoning: a panic inside the collector is already a
/// bug report, and the heap state it protects is never left half-updated by
/// code that can panic on the mutator side.
pub(crate) fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    match m.lock() {
        Ok(g) => g,
        Err(poisoned) => poisoned.into_inner(),
    }
}
