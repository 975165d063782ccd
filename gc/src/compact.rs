//! Sliding compaction of the old blocks (the Lisp-2 algorithm), the default
//! second half of a major collection once marking is done.
//!
//! 1. `plan_forwarding`: walk the blocks in block order; each marked
//!    object gets the next free address in the compacted layout. Its header
//!    is replaced by `new address | FORWARDED`, so that step 2 resolves old
//!    addresses the same way it resolves evacuated young objects. The only
//!    header state a live old object carries besides its generation bits,
//!    the finalizer, drop-hook and identity flags, rides in the free upper
//!    bits of that word; identities themselves (48 bits) go to a side vector
//!    in walk order, so compaction costs no memory for objects whose
//!    identity was never asked.
//! 2. `update_references`: every root and every field of every live object
//!    (old, freshly promoted, large) is rewritten through the forwarding
//!    headers.
//! 3. `slide`: walk the blocks again, move each live object to its new
//!    address (in an earlier block, or lower in its own, so a forward walk
//!    never overwrites an object it has not visited), restore its header,
//!    then release the blocks left empty.
//!
//! Unlike evacuation, compaction needs no second copy of the live data (and
//! no side table beyond the identities); it moves only the objects that
//! have dead space below them.

use crate::binding::VMBinding;
use crate::header::{
    self, FINALIZABLE, FORWARDED, HAS_ID, ID_SHIFT, MARK, NEEDS_DROP, OLD, UNLOGGED,
};
use crate::heap::HeapState;
use crate::mutator::MutatorState;
use crate::object::{ObjectRef, Tracer};
use crate::space::{OldSpace, object_bytes, walk_range};

/// Resolves forwarding headers; everything else stays where it is.
struct Updater;

impl Tracer for Updater {
    #[inline]
    fn trace(&mut self, r: ObjectRef) -> ObjectRef {
        // SAFETY: after marking, every reference held by a live object or a
        // root points at a live object, whose memory is intact until `slide`.
        let h = unsafe { header::load(r) };
        if h & FORWARDED != 0 {
            header::forwardee(h)
        } else {
            r
        }
    }
}

/// Header flags carried in bits 48..50 of a forwarding word.
const CARRIED: [u64; 3] = [FINALIZABLE, NEEDS_DROP, HAS_ID];
const CARRY_SHIFT: u32 = 48;
/// The identity bits of a header.
const ID_MASK: u64 = !((1 << ID_SHIFT) - 1);

/// Step 1: gives every marked object of `old` its compacted address.
/// Returns the identities of the objects that have one, in walk order.
pub(crate) fn plan_forwarding<B: VMBinding>(old: &OldSpace) -> Vec<u64> {
    let mut ids = Vec::new();
    let mut dest_block = 0;
    let mut dest = old.blocks.first().map_or(0, |b| b.region.start());
    for b in &old.blocks {
        walk_range::<B>(b.region.start(), b.cursor, |obj| {
            // SAFETY: `obj` was found by walking an old block.
            let h = unsafe { header::load(obj) };
            if h & MARK == 0 {
                return;
            }
            debug_assert_eq!(
                h & !(OLD | UNLOGGED | MARK | FINALIZABLE | NEEDS_DROP | HAS_ID | ID_MASK),
                0,
                "unexpected header state on a live old object"
            );
            let bytes = object_bytes::<B>(obj);
            // Blocks can differ in size (an object larger than a block gets
            // a block of its own), so skip every block it does not fit; its
            // own block, at the latest, has room.
            while dest + bytes > old.blocks[dest_block].region.end() {
                dest_block += 1;
                dest = old.blocks[dest_block].region.start();
            }
            let mut word = dest as u64 | FORWARDED;
            for (i, flag) in CARRIED.iter().enumerate() {
                if h & flag != 0 {
                    word |= 1 << (CARRY_SHIFT + i as u32);
                }
            }
            if h & HAS_ID != 0 {
                ids.push(h >> ID_SHIFT);
            }
            // SAFETY: as above.
            unsafe { header::store(obj, word) };
            dest += bytes;
        });
    }
    ids
}

/// The header of a slid object, rebuilt from its forwarding word.
fn restore_header(word: u64, ids: &mut impl Iterator<Item = u64>) -> u64 {
    let mut h = OLD | UNLOGGED;
    for (i, flag) in CARRIED.iter().enumerate() {
        if word & (1 << (CARRY_SHIFT + i as u32)) != 0 {
            h |= flag;
        }
    }
    if h & HAS_ID != 0 {
        h |= ids
            .next()
            .expect("one saved identity per object that has one")
            << ID_SHIFT;
    }
    h
}

/// Step 2: rewrites every reference through the forwarding headers.
/// `promoted` holds the young objects this major collection copied out of
/// the nurseries (all live, none forwarded).
pub(crate) fn update_references<B: VMBinding>(
    st: &mut HeapState<B>,
    promoted: &OldSpace,
    ms: &[*mut MutatorState<B>],
) {
    let u = &mut Updater;
    for &m in ms {
        // SAFETY: every mutator is stopped; its state is ours.
        let m = unsafe { &mut *m };
        if let Some(roots) = m.roots.as_mut() {
            B::scan_roots(roots, u);
        }
        m.handles.iter_mut().for_each(|h| u.trace_slot(h));
    }
    st.persistent.iter_mut().for_each(|r| u.trace_slot(r));
    st.finalize_queue.iter_mut().for_each(|r| u.trace_slot(r));
    st.finalizable_old.iter_mut().for_each(|r| u.trace_slot(r));
    st.drop_old.iter_mut().for_each(|r| u.trace_slot(r));
    let mut cleared = Default::default();
    st.weak
        .process(false, |r| Some(Updater.trace(r)), |_| false, &mut cleared);
    for b in &st.spaces.old.blocks {
        walk_range::<B>(b.region.start(), b.cursor, |obj| {
            // SAFETY: `obj` was found by walking an old block.
            if unsafe { header::load(obj) } & FORWARDED != 0 {
                B::trace_object(obj, u);
            }
        });
    }
    promoted.walk::<B>(|obj| B::trace_object(obj, u));
    st.spaces.los.walk(|obj| {
        // SAFETY: large objects are live until the sweep that follows.
        if unsafe { header::load(obj) } & MARK != 0 {
            B::trace_object(obj, u);
        }
    });
}

/// Moves `bytes` (a multiple of 8) from `from` to `to`, which is either
/// lower in the same block or in an earlier block (blocks are not in
/// address order, so then it may be higher, but it cannot overlap): word by
/// word for small objects (a forward copy is correct for an overlapping move
/// to a lower address), `memmove` for the others.
#[inline]
fn slide_words(from: usize, to: usize, bytes: usize) {
    debug_assert!(to <= from || to >= from + bytes);
    if to == from {
        return;
    }
    // SAFETY: both ranges lie in old blocks the collector owns; they are
    // disjoint or the copy goes downwards, so reading word `i` happens
    // before any write reaches it.
    unsafe {
        if bytes <= 64 {
            let (f, t) = (from as *const u64, to as *mut u64);
            for i in 0..bytes / 8 {
                t.add(i).write(f.add(i).read());
            }
        } else {
            core::ptr::copy(from as *const u8, to as *mut u8, bytes);
        }
    }
}

/// Step 3: moves the live objects down, restores their headers and
/// releases the blocks left empty (poisoning them first if asked).
pub(crate) fn slide<B: VMBinding>(old: &mut OldSpace, ids: Vec<u64>, poison: bool) {
    let mut ids = ids.into_iter();
    let mut ends: Vec<usize> = old.blocks.iter().map(|b| b.region.start()).collect();
    let bounds: Vec<(usize, usize)> = old
        .blocks
        .iter()
        .map(|b| (b.region.start(), b.region.end()))
        .collect();
    // Destinations were handed out block after block in this order.
    let mut j = 0;
    for b in &old.blocks {
        walk_range::<B>(b.region.start(), b.cursor, |obj| {
            // SAFETY: `obj` was found by walking an old block; objects moved
            // so far went to earlier blocks or lower in this one, so it is
            // intact.
            let h = unsafe { header::load(obj) };
            if h & FORWARDED == 0 {
                return;
            }
            let bytes = object_bytes::<B>(obj);
            let dest = header::forwardee(h);
            let restored = restore_header(h, &mut ids);
            slide_words(obj.address(), dest.address(), bytes);
            // SAFETY: `dest` now holds the object.
            unsafe { header::store(dest, restored) };
            while !(bounds[j].0 <= dest.address() && dest.address() < bounds[j].1) {
                j += 1;
            }
            ends[j] = dest.address() + bytes;
        });
    }
    debug_assert!(ids.next().is_none());
    // Blocks past the last one holding an object are released.
    let keep = old
        .blocks
        .iter()
        .zip(&ends)
        .rposition(|(b, &end)| end > b.region.start())
        .map_or(0, |i| i + 1);
    for (b, &end) in old.blocks.iter_mut().zip(&ends) {
        if poison {
            b.region.scrub(end, b.cursor.max(end), true);
        }
        b.cursor = end;
    }
    old.blocks.truncate(keep);
    old.recount();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forwarding_words_carry_the_flags_and_ids_come_back_in_order() {
        let mut ids = [7u64, 9].into_iter();
        let word = 0x1000 | FORWARDED | 1 << CARRY_SHIFT | 1 << (CARRY_SHIFT + 2);
        assert_eq!(header::forwardee(word).address(), 0x1000);
        let h = restore_header(word, &mut ids);
        assert_eq!(h, OLD | UNLOGGED | FINALIZABLE | HAS_ID | 7 << ID_SHIFT);
        let h = restore_header(0x2000 | FORWARDED | 1 << (CARRY_SHIFT + 1), &mut ids);
        assert_eq!(h, OLD | UNLOGGED | NEEDS_DROP);
        assert_eq!(ids.next(), Some(9));
    }
}
