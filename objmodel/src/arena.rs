//! An append-only arena addressed by `u32`, with lock-free reads: chunk `k`
//! holds `2^(k + BASE_SHIFT)` slots and is never moved or freed before the
//! arena, so a reference into it stays valid while the arena lives.

use crate::sync::{AtomicPtr, AtomicU32, MutexGuard, Ordering};
use std::marker::PhantomData;
use std::ptr;

#[cfg(not(loom))]
const BASE_SHIFT: u32 = 6;
#[cfg(loom)]
const BASE_SHIFT: u32 = 1;
const CHUNKS: usize = (33 - BASE_SHIFT) as usize;

/// See the module docs. Pushing requires the owner's writer lock (witnessed
/// by the `&W` argument of [`Arena::push`]).
pub(crate) struct Arena<T> {
    chunks: [AtomicPtr<AtomicPtr<T>>; CHUNKS],
    len: AtomicU32,
    /// Owns `T`s: `Send`/`Sync` follow `T`'s.
    _own: PhantomData<Box<T>>,
}

#[inline]
fn locate(i: u32) -> (usize, usize) {
    let n = i as u64 + (1u64 << BASE_SHIFT);
    let k = 63 - n.leading_zeros() - BASE_SHIFT;
    (k as usize, (n - (1u64 << (k + BASE_SHIFT))) as usize)
}

#[inline]
fn chunk_len(k: usize) -> usize {
    1usize << (k as u32 + BASE_SHIFT)
}

impl<T> Arena<T> {
    pub(crate) fn new() -> Arena<T> {
        Arena {
            chunks: std::array::from_fn(|_| AtomicPtr::new(ptr::null_mut())),
            len: AtomicU32::new(0),
            _own: PhantomData,
        }
    }

    /// Number of elements pushed.
    pub(crate) fn len(&self) -> usize {
        self.len.load(Ordering::Acquire) as usize
    }

    /// The element at `i`, if it was pushed (and its index reached this
    /// thread through a synchronising channel, as the shape tree ensures).
    #[inline]
    pub(crate) fn get(&self, i: u32) -> Option<&T> {
        let (k, off) = locate(i);
        let chunk = self.chunks.get(k)?.load(Ordering::Acquire);
        if chunk.is_null() {
            return None;
        }
        // SAFETY: a non-null chunk pointer points to `chunk_len(k)` initialised
        // slots that live as long as `self`, and `off < chunk_len(k)`.
        let slot = unsafe { &*chunk.add(off) };
        let p = slot.load(Ordering::Acquire);
        if p.is_null() {
            return None;
        }
        // SAFETY: non-null slot pointers come from `Box::into_raw` in `push`,
        // are written once, and are freed only in `drop`, which needs `&mut self`.
        Some(unsafe { &*p })
    }

    /// Append `value` and return its index. `_writer` is the owner's writer
    /// lock guard: pushes never run concurrently.
    pub(crate) fn push(&self, _writer: &MutexGuard<'_, ()>, value: T) -> u32 {
        let i = self.len.load(Ordering::Relaxed);
        assert!(i < u32::MAX - 1, "arena full");
        let (k, off) = locate(i);
        let mut chunk = self.chunks[k].load(Ordering::Acquire);
        if chunk.is_null() {
            let fresh: Box<[AtomicPtr<T>]> = (0..chunk_len(k))
                .map(|_| AtomicPtr::new(ptr::null_mut()))
                .collect();
            chunk = Box::into_raw(fresh) as *mut AtomicPtr<T>;
            self.chunks[k].store(chunk, Ordering::Release);
        }
        // SAFETY: `chunk` points to `chunk_len(k)` slots and `off` is in range.
        let slot = unsafe { &*chunk.add(off) };
        slot.store(Box::into_raw(Box::new(value)), Ordering::Release);
        self.len.store(i + 1, Ordering::Release);
        i
    }
}

impl<T> Drop for Arena<T> {
    fn drop(&mut self) {
        for k in 0..CHUNKS {
            let chunk = self.chunks[k].load(Ordering::Acquire);
            if chunk.is_null() {
                continue;
            }
            let len = chunk_len(k);
            for off in 0..len {
                // SAFETY: `chunk` has `len` slots; we have `&mut self`.
                let p = unsafe { &*chunk.add(off) }.load(Ordering::Acquire);
                if !p.is_null() {
                    // SAFETY: from `Box::into_raw` in `push`, freed only here.
                    drop(unsafe { Box::from_raw(p) });
                }
            }
            // SAFETY: the chunk came from `Box::<[AtomicPtr<T>]>::into_raw` with `len` slots.
            drop(unsafe { Box::from_raw(ptr::slice_from_raw_parts_mut(chunk, len)) });
        }
    }
}

#[cfg(all(test, not(loom)))]
mod tests {
    use super::*;

    #[test]
    fn locate_is_dense_and_in_bounds() {
        let mut expect = (0usize, 0usize);
        for i in 0..10_000u32 {
            let got = locate(i);
            if got != expect {
                assert_eq!(got, (expect.0 + 1, 0), "index {i}");
            }
            assert!(got.1 < chunk_len(got.0));
            expect = (got.0, got.1 + 1);
        }
        assert!(locate(u32::MAX - 2).0 < CHUNKS);
    }

    #[test]
    fn pushed_elements_are_found() {
        let a = Arena::new();
        let lock = crate::sync::Mutex::new(());
        let w = lock.lock().unwrap();
        for i in 0..1000u32 {
            assert_eq!(a.push(&w, i * 3), i);
        }
        for i in 0..1000u32 {
            assert_eq!(a.get(i), Some(&(i * 3)));
        }
        assert_eq!(a.get(1000), None);
        assert_eq!(a.len(), 1000);
    }
}
