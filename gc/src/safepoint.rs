//! The safepoint handshake that stops every mutator before a collection.
//!
//! Each registered mutator is either *running* (it may touch the heap) or
//! *stopped* (parked at a safepoint, inside [`Handshake::blocking`]-style
//! native code, or waiting for a collection to end). A thread that wants to
//! collect raises the request flag and waits until no other mutator is
//! running; running mutators notice the flag at their next poll (one relaxed
//! load on the fast path), park, and resume when the collector releases the
//! handshake. Only one collection is in progress at a time: a second
//! requester parks like everybody else and learns that it lost the race.

use crate::sync::{AtomicBool, Condvar, Mutex, Ordering, lock};

#[derive(Debug, Default)]
struct State {
    /// Mutators currently running.
    running: usize,
    /// A collection has been requested or is in progress.
    requested: bool,
    /// Collections completed; lets parked threads wait for "the" collection.
    epoch: u64,
}

/// The handshake between mutators and the collecting thread.
#[derive(Debug, Default)]
pub struct Handshake {
    flag: AtomicBool,
    state: Mutex<State>,
    changed: Condvar,
}

impl Handshake {
    /// A handshake with no registered mutator.
    pub fn new() -> Handshake {
        Handshake::default()
    }

    /// Registers the calling thread as a running mutator, waiting for a
    /// collection in progress to finish first.
    pub fn register(&self) {
        let mut s = lock(&self.state);
        while s.requested {
            s = self.wait(s);
        }
        s.running += 1;
    }

    /// Unregisters a running mutator.
    pub fn unregister(&self) {
        let mut s = lock(&self.state);
        s.running -= 1;
        drop(s);
        self.changed.notify_all();
    }

    /// Whether a collection is requested (the fast-path poll).
    #[inline]
    pub fn is_requested(&self) -> bool {
        self.flag.load(Ordering::Acquire)
    }

    /// Polls: if a collection is requested, parks until it is over.
    #[inline]
    pub fn poll(&self) {
        if self.is_requested() {
            self.park();
        }
    }

    /// Parks a running mutator until no collection is requested.
    pub fn park(&self) {
        let mut s = lock(&self.state);
        if !s.requested {
            return;
        }
        s.running -= 1;
        self.changed.notify_all();
        while s.requested {
            s = self.wait(s);
        }
        s.running += 1;
    }

    /// Asks to collect. Returns `true` once every other mutator is stopped:
    /// the caller now owns the heap and must call [`Handshake::release`].
    /// Returns `false` if another thread collected meanwhile (the caller was
    /// parked during that collection and is running again).
    pub fn request(&self) -> bool {
        let mut s = lock(&self.state);
        s.running -= 1;
        if s.requested {
            self.changed.notify_all();
            while s.requested {
                s = self.wait(s);
            }
            s.running += 1;
            return false;
        }
        s.requested = true;
        self.flag.store(true, Ordering::Release);
        while s.running > 0 {
            s = self.wait(s);
        }
        true
    }

    /// Ends the collection started by a successful [`Handshake::request`]
    /// and wakes every parked mutator.
    pub fn release(&self) {
        let mut s = lock(&self.state);
        debug_assert!(s.requested);
        s.requested = false;
        s.epoch += 1;
        s.running += 1;
        self.flag.store(false, Ordering::Release);
        drop(s);
        self.changed.notify_all();
    }

    /// Marks a running mutator as stopped for a while (it will not touch
    /// the heap until [`Handshake::leave_blocked`]).
    pub fn enter_blocked(&self) {
        let mut s = lock(&self.state);
        s.running -= 1;
        drop(s);
        self.changed.notify_all();
    }

    /// Resumes a mutator stopped by [`Handshake::enter_blocked`], waiting
    /// for a collection in progress to finish.
    pub fn leave_blocked(&self) {
        let mut s = lock(&self.state);
        while s.requested {
            s = self.wait(s);
        }
        s.running += 1;
    }

    /// Number of collections completed through this handshake.
    pub fn epoch(&self) -> u64 {
        lock(&self.state).epoch
    }

    fn wait<'a>(
        &self,
        guard: crate::sync::MutexGuard<'a, State>,
    ) -> crate::sync::MutexGuard<'a, State> {
        match self.changed.wait(guard) {
            Ok(g) => g,
            Err(p) => p.into_inner(),
        }
    }
}

#[cfg(all(test, not(loom)))]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::sync::atomic::AtomicUsize;

    #[test]
    fn single_mutator_collects_immediately() {
        let h = Handshake::new();
        h.register();
        assert!(h.request());
        assert!(h.is_requested());
        h.release();
        assert!(!h.is_requested());
        assert_eq!(h.epoch(), 1);
        h.poll();
        h.unregister();
    }

    #[test]
    fn collector_waits_for_running_threads() {
        let h = Arc::new(Handshake::new());
        let inside = Arc::new(AtomicUsize::new(0));
        let stop = Arc::new(AtomicBool::new(false));
        h.register();
        let workers: Vec<_> = (0..2)
            .map(|_| {
                let (h, inside, stop) = (h.clone(), inside.clone(), stop.clone());
                h.register();
                std::thread::spawn(move || {
                    while !stop.load(Ordering::Relaxed) {
                        inside.fetch_add(1, Ordering::SeqCst);
                        std::thread::yield_now();
                        inside.fetch_sub(1, Ordering::SeqCst);
                        h.poll();
                    }
                    h.unregister();
                })
            })
            .collect();
        for _ in 0..50 {
            if h.request() {
                assert_eq!(
                    inside.load(Ordering::SeqCst),
                    0,
                    "a mutator ran during collection"
                );
                h.release();
            }
        }
        stop.store(true, Ordering::Relaxed);
        for w in workers {
            w.join().unwrap();
        }
        assert_eq!(h.epoch(), 50);
        h.unregister();
    }
}
