//! Major collections: trace the whole heap; young survivors are copied
//! into fresh old blocks; old objects are either marked and then compacted
//! in place (`Config::compact`, see `compact.rs`) or evacuated into fresh
//! blocks (the old ones are then released); either way no fragmentation
//! survives. Large objects are marked and swept.

use crate::binding::VMBinding;
use crate::collect::{Copier, stopped_mutators, trace_roots, young_bytes};
use crate::compact;
use crate::header;
use crate::heap::{HeapState, Shared};
use crate::space::OldSpace;

pub(crate) fn collect_major<B: VMBinding>(shared: &Shared<B>, st: &mut HeapState<B>) {
    let cfg = &shared.config;
    let ms = stopped_mutators(st);
    // SAFETY: every mutator is stopped.
    let allocated: usize = ms.iter().map(|&m| unsafe { (*m).nursery_used() }).sum();
    let before = young_bytes(&ms, &st.spaces.survivors) + st.old_bytes();
    let mut to = OldSpace::new(cfg.block_bytes);

    // Remembered sets are meaningless after a major collection: no young
    // object is left, and every old object gets its unlogged bit set.
    st.remset_carry.clear();
    for &m in &ms {
        // SAFETY: every mutator is stopped.
        unsafe { (*m).remset.clear() };
    }

    let mut c = Copier::<B>::new(&mut to, &mut st.spaces.survivors, true, cfg.promotion_age);
    c.compact = cfg.compact;
    trace_roots(&mut c, &ms, &mut st.persistent, &mut st.finalize_queue);
    c.drain();

    let cleared = st.weak.process(
        false,
        |r| c.survivor_of(r),
        // SAFETY: survivors are to-space copies or old objects.
        |n| unsafe { header::load(n) } & header::OLD == 0,
        &mut st.cleared_weak,
    );

    let mut candidates = Vec::new();
    let mut keep = Vec::new();
    for r in core::mem::take(&mut st.finalizable_young)
        .into_iter()
        .chain(core::mem::take(&mut st.finalizable_old))
    {
        match c.survivor_of(r) {
            Some(n) => keep.push(n),
            None => candidates.push(r),
        }
    }
    st.finalizable_old = keep;
    let finalized = c.resurrect(candidates, &mut st.finalize_queue);

    let mut dropped = 0;
    let mut keep = Vec::new();
    for r in core::mem::take(&mut st.drop_young)
        .into_iter()
        .chain(core::mem::take(&mut st.drop_old))
    {
        match c.survivor_of(r) {
            Some(n) => keep.push(n),
            None => {
                B::drop_object(r);
                dropped += 1;
            }
        }
    }
    st.drop_old = keep;
    let promoted = c.promoted_bytes;
    drop(c);

    if cfg.compact {
        let ids = compact::plan_forwarding::<B>(&st.spaces.old);
        compact::update_references(st, &to, &ms);
        compact::slide::<B>(&mut st.spaces.old, ids, cfg.poison);
        st.spaces.old.append(to);
    } else {
        let evacuated = core::mem::replace(&mut st.spaces.old, to);
        if cfg.poison {
            evacuated.poison_all();
        }
        drop(evacuated);
    }
    // Release memory: large objects left unmarked, survivor space and
    // nurseries.
    st.spaces.los.sweep(cfg.poison);
    let surv = &mut st.spaces.survivors;
    if cfg.poison {
        let r = surv.current();
        r.scrub(r.start(), surv.cursor, true);
    }
    surv.reset();
    for &m in &ms {
        // SAFETY: every mutator is stopped.
        unsafe { (*m).reset_nursery(cfg.poison, cfg.fast_path()) };
    }

    let live = st.old_bytes();
    st.major_threshold = cfg
        .min_major_threshold
        .max(live.saturating_mul(cfg.growth_percent.saturating_add(100)) / 100);
    let s = &mut st.stats;
    s.bytes_allocated += allocated as u64;
    s.bytes_promoted += promoted as u64;
    s.bytes_freed += before.saturating_sub(live) as u64;
    s.objects_dropped += dropped;
    s.objects_finalized += finalized;
    s.weak_refs_cleared += cleared;
}
