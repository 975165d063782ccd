//! Snapshots: what the interpreter's frames look like at an exit.
//!
//! A snapshot lists the frames live at a point of the trace (outermost first,
//! each with its base slot and the VM's resume word) and the frame slots the
//! trace has changed since it was entered, each mapped to an IR value or a
//! constant. Slots not listed still hold the values they had on entry. The
//! entries and frames of all snapshots live in two shared arrays of the
//! [`Trace`]; consecutive guards with no slot write between them share one
//! snapshot.
//!
//! An entry may name a `new` instruction that allocation sinking marked
//! `sunk`: the exit must then allocate the object and fill its fields first.
//! [`Trace::remat_plan`] lists those allocations in the order to perform them.

use crate::ir::{HelperId, IrRef, Op, SlotIdx, SnapId};
use crate::trace::Trace;

/// One frame of a snapshot.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct SnapFrame {
    /// First slot of the frame (0 for the frame the trace started in).
    pub base: SlotIdx,
    /// The VM's resume word for this frame: where the interpreter continues
    /// (for outer frames, the return point of the call). Opaque to the tracer.
    pub pc: u64,
}

/// One changed slot of a snapshot.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct SnapEntry {
    /// The slot (absolute: counted from the base of the entry frame).
    pub slot: SlotIdx,
    /// Its value: an instruction, a constant, or a sunk `new`.
    pub value: IrRef,
}

/// A snapshot: ranges into the trace's shared entry and frame arrays.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Snapshot {
    /// Index of the first instruction that uses this snapshot.
    pub at: u32,
    /// Start of the entries in [`Trace::snap_entries`].
    pub entries_start: u32,
    /// Number of entries (sorted by slot).
    pub entries_len: u32,
    /// Start of the frames in the frame array.
    pub frames_start: u32,
    /// Number of frames (at least one).
    pub frames_len: u32,
}

/// One allocation to rebuild on exit, as listed by [`Trace::remat_plan`].
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Remat {
    /// The sunk `new` (or `phi` of two `new`s) instruction: snapshot entries
    /// and fields referring to it mean the rebuilt object.
    pub alloc: IrRef,
    /// The allocation helper to call.
    pub helper: HelperId,
    /// Its arguments.
    pub args: Vec<IrRef>,
    /// Field stores to replay on the new object: `(offset, value)`; a value
    /// may itself be an earlier entry of the plan.
    pub fields: Vec<(i32, IrRef)>,
}

impl Trace {
    /// The snapshot with the given number.
    pub fn snap(&self, id: SnapId) -> &Snapshot {
        &self.snaps[id.index()]
    }

    /// The changed slots of a snapshot, sorted by slot.
    pub fn snap_entries(&self, id: SnapId) -> &[SnapEntry] {
        let s = self.snap(id);
        &self.entries[s.entries_start as usize..(s.entries_start + s.entries_len) as usize]
    }

    /// The frames of a snapshot, outermost first.
    pub fn snap_frames(&self, id: SnapId) -> &[SnapFrame] {
        let s = self.snap(id);
        &self.frames[s.frames_start as usize..(s.frames_start + s.frames_len) as usize]
    }

    /// Number of snapshots (= number of exits).
    pub fn snap_count(&self) -> usize {
        self.snaps.len()
    }

    /// Adds a snapshot taken before instruction `at`. Entries are sorted
    /// and, if identical to the previous snapshot's, shared with it.
    pub fn add_snapshot(
        &mut self,
        at: usize,
        entries: &[SnapEntry],
        frames: &[SnapFrame],
    ) -> SnapId {
        let mut sorted = entries.to_vec();
        sorted.sort_by_key(|e| e.slot);
        if let Some(last) = self.snaps.len().checked_sub(1) {
            let id = SnapId(last as u32);
            if self.snap_entries(id) == sorted.as_slice() && self.snap_frames(id) == frames {
                return id;
            }
        }
        self.push_snapshot_unshared(at, &sorted, frames)
    }

    /// Adds a snapshot without trying to share it with the previous one.
    pub fn push_snapshot_unshared(
        &mut self,
        at: usize,
        entries: &[SnapEntry],
        frames: &[SnapFrame],
    ) -> SnapId {
        assert!(!frames.is_empty(), "a snapshot has at least one frame");
        let mut sorted = entries.to_vec();
        sorted.sort_by_key(|e| e.slot);
        let mut snap = Snapshot {
            at: at as u32,
            entries_start: self.entries.len() as u32,
            entries_len: sorted.len() as u32,
            frames_start: self.frames.len() as u32,
            frames_len: frames.len() as u32,
        };
        // Frames are often identical to the previous snapshot's: share them.
        match self.snaps.last() {
            Some(prev)
                if self.frames[prev.frames_start as usize
                    ..(prev.frames_start + prev.frames_len) as usize]
                    == *frames =>
            {
                snap.frames_start = prev.frames_start;
            }
            _ => self.frames.extend_from_slice(frames),
        }
        self.entries.extend_from_slice(&sorted);
        self.snaps.push(snap);
        SnapId(self.snaps.len() as u32 - 1)
    }

    /// Replaces the value references in every snapshot entry.
    pub fn map_snapshot_refs(&mut self, mut f: impl FnMut(IrRef) -> IrRef) {
        for e in &mut self.entries {
            e.value = f(e.value);
        }
    }

    /// The sunk allocations an exit through `snap` must rebuild, in
    /// dependency order (an allocation stored into another comes first).
    ///
    /// For each allocation, the fields are the `fstore`s to it (marked sunk)
    /// that come before the snapshot's position, in trace order.
    pub fn remat_plan(&self, snap: SnapId) -> Vec<Remat> {
        let at = self.snap(snap).at as usize;
        let mut plan: Vec<Remat> = Vec::new();
        let mut visiting: Vec<IrRef> = Vec::new();
        for e in self.snap_entries(snap) {
            self.plan_alloc(e.value, at, &mut plan, &mut visiting);
        }
        plan
    }

    /// Pure instructions whose values only exits need: every use is a
    /// snapshot entry, the argument of a rebuilt (sunk) allocation, or
    /// another such instruction. A backend may compute them on exit paths
    /// only instead of on every iteration (typically the re-boxing of
    /// loop values for the interpreter); computing them in order on the
    /// main path is equally correct. Indexed by instruction.
    pub fn exit_only(&self) -> Vec<bool> {
        let n = self.len();
        let pure = |i: &crate::ir::Inst| {
            !i.sunk
                && i.op != Op::Phi
                && self.flags_of(i).contains(crate::ir::Flags::PURE)
                && i.op != Op::SLoad
        };
        let mut exit_only: Vec<bool> = self.insts().iter().map(pure).collect();
        // Walking backwards, a use by an instruction that is not exit-only
        // (and not sunk) disqualifies the value; sunk users only matter on exit.
        for i in (0..n).rev() {
            let inst = &self.insts()[i];
            if exit_only[i] || inst.sunk {
                continue;
            }
            for r in self.uses(inst) {
                if !r.is_const() {
                    exit_only[r.index()] = false;
                }
            }
        }
        // Phis are read on the back edge, after everything in the body: a
        // second sweep catches uses by exit-only values that were cleared.
        loop {
            let mut changed = false;
            for i in 0..n {
                let inst = &self.insts()[i];
                if exit_only[i] || inst.sunk {
                    continue;
                }
                for r in self.uses(inst) {
                    if !r.is_const() && exit_only[r.index()] {
                        exit_only[r.index()] = false;
                        changed = true;
                    }
                }
            }
            if !changed {
                break;
            }
        }
        exit_only
    }

    fn plan_alloc(&self, r: IrRef, at: usize, plan: &mut Vec<Remat>, visiting: &mut Vec<IrRef>) {
        if r.is_const() || plan.iter().any(|p| p.alloc == r) || visiting.contains(&r) {
            return;
        }
        let inst = self.inst(r);
        let new = match inst.op {
            Op::New if inst.sunk => inst,
            Op::Phi if inst.sunk => self.inst(inst.arg(0)),
            _ => return,
        };
        let (helper, args) = self.call_parts(new);
        let args = args.to_vec();
        visiting.push(r);
        let mut fields = Vec::new();
        for (i, st) in self.insts().iter().enumerate().take(at) {
            if st.op == Op::FStore && st.sunk && st.arg(0) == r && i > r.index() {
                let val = st.arg(2);
                self.plan_alloc(val, at, plan, visiting);
                fields.retain(|(o, _)| *o != st.off());
                fields.push((st.off(), val));
            }
        }
        visiting.pop();
        plan.push(Remat {
            alloc: r,
            helper,
            args,
            fields,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::TraceId;

    #[test]
    fn identical_snapshots_are_shared_and_frames_reused() {
        let mut t = Trace::new(TraceId(0));
        let k = t.kint(3);
        let frames = [SnapFrame {
            base: SlotIdx(0),
            pc: 7,
        }];
        let e = [SnapEntry {
            slot: SlotIdx(2),
            value: k,
        }];
        let a = t.add_snapshot(0, &e, &frames);
        let b = t.add_snapshot(0, &e, &frames);
        assert_eq!(a, b);
        let c = t.add_snapshot(0, &[], &frames);
        assert_ne!(a, c);
        assert_eq!(
            t.snap(a).frames_start,
            t.snap(c).frames_start,
            "frames shared"
        );
        assert_eq!(t.frames.len(), 1);
    }

    #[test]
    fn exit_only_values_are_those_only_snapshots_read() {
        let t = Trace::parse(
            "trace t0
             v0 = sload.i64 s0
             loop
             v1 = phi.i64 v0, v4
             v2 = shr.i64 v1, 16
             v3 = or.i64 v2, 0x7ffc000000000000
             snap0 [s0 pc 0] s0=v3
             v4 = addov.i64 v1, 0x10000 snap0
             v5 = xor.i64 v4, 1
             v6 = lt.bool v5, 100
             gtrue v6 snap0
             again",
        )
        .unwrap();
        let only = t.exit_only();
        // The box of the counter (shr, or) only feeds the snapshot.
        assert_eq!(
            only,
            vec![
                false, false, false, true, true, false, false, false, false, false
            ]
        );
    }

    #[test]
    fn remat_plan_rebuilds_inner_objects_first() {
        let t = Trace::parse(
            "trace t0
             helper h0 obj(i64) -> ref [alloc collect]
             v0 = sload.i64 s0
             v1 = new.ref h0(1) sunk
             fstore v1, +8, v0 sunk
             v2 = new.ref h0(2) sunk
             fstore v2, +8, v1 sunk
             fstore v2, +16, v1 sunk
             fstore v1, +8, 5 sunk
             snap0 [s0 pc 0] s1=v2 s2=v1
             exit snap0",
        )
        .unwrap();
        let plan = t.remat_plan(SnapId(0));
        assert_eq!(plan.len(), 2, "each object once, though named three times");
        assert_eq!(plan[0].alloc, IrRef::inst(1));
        assert_eq!(plan[1].alloc, IrRef::inst(3));
        let k5 = t.consts().iter().position(|c| c.bits == 5).unwrap();
        assert_eq!(
            plan[0].fields,
            vec![(8, IrRef::konst(k5))],
            "the last store wins"
        );
        assert_eq!(
            plan[1].fields,
            vec![(8, IrRef::inst(1)), (16, IrRef::inst(1))]
        );
        assert_eq!(t.helper(plan[1].helper).name, "obj");
    }
}
