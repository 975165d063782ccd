//! Minor collections: copy the survivors of the nurseries and of the
//! survivor space (promoting the old enough), starting from the roots and
//! the remembered sets; old objects stay where they are.

use crate::binding::VMBinding;
use crate::collect::{Copier, stopped_mutators, trace_roots, young_bytes};
use crate::header::{self, OLD};
use crate::heap::{HeapState, Shared};

pub(crate) fn collect_minor<B: VMBinding>(shared: &Shared<B>, st: &mut HeapState<B>) {
    let cfg = &shared.config;
    let ms = stopped_mutators(st);
    // SAFETY: every mutator is stopped.
    let allocated: usize = ms.iter().map(|&m| unsafe { (*m).nursery_used() }).sum();
    let young_before = young_bytes(&ms, &st.spaces.survivors);
    let (from_start, from_end) = st.spaces.survivors.flip();
    let spaces = &mut st.spaces;
    let mut c = Copier::<B>::new(
        &mut spaces.old,
        &mut spaces.survivors,
        false,
        cfg.promotion_age,
    );

    // Remembered old objects first, then the other roots.
    let mut remembered = core::mem::take(&mut st.remset_carry);
    for &m in &ms {
        // SAFETY: every mutator is stopped.
        remembered.append(unsafe { &mut (*m).remset });
    }
    for obj in remembered {
        c.scan_remembered(obj);
    }
    trace_roots(&mut c, &ms, &mut st.persistent, &mut st.finalize_queue);
    c.drain();

    let cleared = st.weak.process(
        true,
        |r| c.survivor_of(r),
        // SAFETY: survivors are to-space copies or old objects.
        |n| unsafe { header::load(n) } & header::OLD == 0,
        &mut st.cleared_weak,
    );

    let mut candidates = Vec::new();
    for r in core::mem::take(&mut st.finalizable_young) {
        match c.survivor_of(r) {
            // SAFETY: `n` is a survivor.
            Some(n) if unsafe { header::load(n) } & OLD != 0 => st.finalizable_old.push(n),
            Some(n) => st.finalizable_young.push(n),
            None => candidates.push(r),
        }
    }
    let finalized = c.resurrect(candidates, &mut st.finalize_queue);

    let mut dropped = 0;
    for r in core::mem::take(&mut st.drop_young) {
        match c.survivor_of(r) {
            // SAFETY: `n` is a survivor.
            Some(n) if unsafe { header::load(n) } & OLD != 0 => st.drop_old.push(n),
            Some(n) => st.drop_young.push(n),
            None => {
                B::drop_object(r);
                dropped += 1;
            }
        }
    }

    let copied = c.copied_bytes;
    let promoted = c.promoted_bytes;
    st.remset_carry = core::mem::take(&mut c.remset_out);
    drop(c);

    // Release the young generation's from-space.
    for &m in &ms {
        // SAFETY: every mutator is stopped.
        unsafe { (*m).reset_nursery(cfg.poison, cfg.fast_path()) };
    }
    if cfg.poison {
        let from = &st.spaces.survivors.spaces[1 - st.spaces.survivors.current];
        from.scrub(from_start, from_end, true);
    }

    let s = &mut st.stats;
    s.bytes_allocated += allocated as u64;
    s.bytes_promoted += promoted as u64;
    s.bytes_freed += young_before.saturating_sub(copied) as u64;
    s.objects_dropped += dropped;
    s.objects_finalized += finalized;
    s.weak_refs_cleared += cleared;
}
