//! Raw memory regions and the spaces built from them: old-generation
//! blocks (bump allocated, evacuated wholesale by a major collection), the
//! survivor semispaces, and the region type nurseries use.

use std::alloc::{Layout, alloc_zeroed, dealloc};

use crate::binding::VMBinding;
use crate::config::POISON_BYTE;
use crate::object::{ObjectRef, object_bytes_for};

/// One zero-initialised, 8-aligned allocation from the system allocator.
pub(crate) struct Region {
    start: usize,
    end: usize,
}

impl Region {
    /// Allocates `bytes` (rounded up to 8, at least 8) of zeroed memory.
    pub(crate) fn new(bytes: usize) -> Option<Region> {
        let bytes = bytes.max(8).checked_add(7)? & !7;
        let layout = Layout::from_size_align(bytes, 8).ok()?;
        // SAFETY: the layout has a non-zero size.
        let p = unsafe { alloc_zeroed(layout) };
        if p.is_null() || (p as u64) >> ObjectRef::ADDRESS_BITS != 0 {
            if !p.is_null() {
                // SAFETY: `p` was just allocated with `layout`.
                unsafe { dealloc(p, layout) };
            }
            return None;
        }
        Some(Region {
            start: p as usize,
            end: p as usize + bytes,
        })
    }

    pub(crate) fn start(&self) -> usize {
        self.start
    }

    pub(crate) fn end(&self) -> usize {
        self.end
    }

    pub(crate) fn len(&self) -> usize {
        self.end - self.start
    }

    /// Fills `[from, to)` (inside the region) with `byte`.
    pub(crate) fn fill(&self, from: usize, to: usize, byte: u8) {
        assert!(from >= self.start && to <= self.end && from <= to);
        // SAFETY: the range is inside memory this region owns, and the
        // collector or the owning mutator has exclusive use of it here.
        unsafe { core::ptr::write_bytes(from as *mut u8, byte, to - from) };
    }

    /// Poisons (or zeroes) `[from, to)`.
    pub(crate) fn scrub(&self, from: usize, to: usize, poison: bool) {
        self.fill(from, to, if poison { POISON_BYTE } else { 0 });
    }
}

impl Drop for Region {
    fn drop(&mut self) {
        let layout =
            Layout::from_size_align(self.len(), 8).expect("layout was valid at allocation");
        // SAFETY: allocated in `Region::new` with exactly this layout.
        unsafe { dealloc(self.start as *mut u8, layout) };
    }
}

// SAFETY: a region is plain memory; who may touch it is governed by the
// heap lock and the safepoint handshake.
unsafe impl Send for Region {}

/// Total size of `obj` (header included, rounded to 8).
#[inline]
pub(crate) fn object_bytes<B: VMBinding>(obj: ObjectRef) -> usize {
    object_bytes_for(B::object_size(obj))
}

/// Calls `f` on every object laid out contiguously in `[start, end)`.
pub(crate) fn walk_range<B: VMBinding>(start: usize, end: usize, mut f: impl FnMut(ObjectRef)) {
    let mut at = start;
    while at < end {
        let obj = ObjectRef::from_address_unchecked(at);
        let bytes = object_bytes::<B>(obj);
        f(obj);
        at += bytes;
    }
}

/// A block of the old generation.
pub(crate) struct Block {
    pub(crate) region: Region,
    pub(crate) cursor: usize,
}

/// The old generation: a list of bump-allocated blocks. Objects here move
/// only when a major collection evacuates them into a fresh `OldSpace`.
pub(crate) struct OldSpace {
    pub(crate) blocks: Vec<Block>,
    block_bytes: usize,
    used: usize,
}

impl OldSpace {
    pub(crate) fn new(block_bytes: usize) -> OldSpace {
        OldSpace {
            blocks: Vec::new(),
            block_bytes,
            used: 0,
        }
    }

    /// Bytes of objects allocated here.
    pub(crate) fn used_bytes(&self) -> usize {
        self.used
    }

    /// Bytes reserved from the system.
    pub(crate) fn reserved_bytes(&self) -> usize {
        self.blocks.iter().map(|b| b.region.len()).sum()
    }

    /// Reserves `bytes` for an object; aborts through the global allocation
    /// error handler if the system has no memory (only the collector calls
    /// this, while copying, when the operation cannot be undone).
    #[inline]
    pub(crate) fn alloc(&mut self, bytes: usize) -> usize {
        if let Some(b) = self.blocks.last_mut()
            && b.cursor + bytes <= b.region.end()
        {
            let at = b.cursor;
            b.cursor += bytes;
            self.used += bytes;
            return at;
        }
        self.alloc_in_new_block(bytes)
    }

    #[cold]
    #[inline(never)]
    fn alloc_in_new_block(&mut self, bytes: usize) -> usize {
        let size = self.block_bytes.max(bytes);
        let region = match Region::new(size) {
            Some(r) => r,
            None => std::alloc::handle_alloc_error(
                Layout::from_size_align(size, 8).expect("block layout"),
            ),
        };
        let at = region.start();
        self.blocks.push(Block {
            cursor: at + bytes,
            region,
        });
        self.used += bytes;
        at
    }

    /// Recomputes the used bytes from the block cursors.
    pub(crate) fn recount(&mut self) {
        self.used = self
            .blocks
            .iter()
            .map(|b| b.cursor - b.region.start())
            .sum();
    }

    /// Appends the blocks of `other` (objects promoted during a compacting
    /// major collection).
    pub(crate) fn append(&mut self, other: OldSpace) {
        self.used += other.used;
        self.blocks.extend(other.blocks);
    }

    #[cfg(test)]
    pub(crate) fn contains(&self, addr: usize) -> bool {
        self.blocks
            .iter()
            .any(|b| addr >= b.region.start() && addr < b.cursor)
    }

    /// Poisons every block (before they are released, so that a stale
    /// reference into evacuated space reads poison rather than a plausible
    /// object for as long as the allocator does not reuse the memory).
    pub(crate) fn poison_all(&self) {
        for b in &self.blocks {
            b.region.scrub(b.region.start(), b.region.end(), true);
        }
    }

    pub(crate) fn walk<B: VMBinding>(&self, mut f: impl FnMut(ObjectRef)) {
        for b in &self.blocks {
            walk_range::<B>(b.region.start(), b.cursor, &mut f);
        }
    }
}

/// The two survivor semispaces: minor collections copy young survivors
/// from `from` (and the nurseries) into `to`, then swap.
pub(crate) struct Survivors {
    pub(crate) spaces: [Region; 2],
    /// Index of the space currently holding survivors.
    pub(crate) current: usize,
    /// Allocation cursor in the current space.
    pub(crate) cursor: usize,
}

impl Survivors {
    pub(crate) fn new(bytes: usize) -> Option<Survivors> {
        let a = Region::new(bytes)?;
        let b = Region::new(bytes)?;
        let cursor = a.start();
        Some(Survivors {
            spaces: [a, b],
            current: 0,
            cursor,
        })
    }

    pub(crate) fn current(&self) -> &Region {
        &self.spaces[self.current]
    }

    pub(crate) fn used_bytes(&self) -> usize {
        self.cursor - self.current().start()
    }

    /// Starts a minor collection: the current space becomes from-space and
    /// the other one, empty, receives survivors. Returns the old cursor.
    pub(crate) fn flip(&mut self) -> (usize, usize) {
        let from = self.current;
        let from_range = (self.spaces[from].start(), self.cursor);
        self.current = 1 - from;
        self.cursor = self.spaces[self.current].start();
        from_range
    }

    /// Empties the survivor spaces (after a major collection).
    pub(crate) fn reset(&mut self) {
        self.cursor = self.current().start();
    }

    #[inline]
    pub(crate) fn alloc(&mut self, bytes: usize) -> Option<usize> {
        if self.cursor + bytes <= self.current().end() {
            let at = self.cursor;
            self.cursor += bytes;
            Some(at)
        } else {
            None
        }
    }

    #[cfg(test)]
    pub(crate) fn contains(&self, addr: usize) -> bool {
        addr >= self.current().start() && addr < self.cursor
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn region_is_zeroed_and_aligned() {
        let r = Region::new(100).unwrap();
        assert_eq!(r.len(), 104);
        assert_eq!(r.start() % 8, 0);
        // SAFETY: reading inside the region.
        let bytes = unsafe { core::slice::from_raw_parts(r.start() as *const u8, r.len()) };
        assert!(bytes.iter().all(|&b| b == 0));
        r.scrub(r.start(), r.end(), true);
        // SAFETY: as above.
        let bytes = unsafe { core::slice::from_raw_parts(r.start() as *const u8, r.len()) };
        assert!(bytes.iter().all(|&b| b == POISON_BYTE));
    }

    #[test]
    fn old_space_bumps_and_chains_blocks() {
        let mut s = OldSpace::new(64);
        let a = s.alloc(32);
        let b = s.alloc(32);
        assert_eq!(b, a + 32);
        let c = s.alloc(16);
        assert_eq!(s.blocks.len(), 2);
        assert!(s.contains(c));
        let big = s.alloc(200);
        assert_eq!(s.blocks.len(), 3);
        assert!(s.contains(big + 199));
        assert_eq!(s.used_bytes(), 32 + 32 + 16 + 200);
    }

    #[test]
    fn survivors_flip() {
        let mut s = Survivors::new(64).unwrap();
        let a = s.alloc(40).unwrap();
        assert!(s.alloc(40).is_none());
        let (from, to) = s.flip();
        assert_eq!((from, to), (a, a + 40));
        assert!(!s.contains(a));
        assert!(s.alloc(64).is_some());
    }
}
