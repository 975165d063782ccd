//! Optimizer passes, one per file, and the pipeline that runs them.
//!
//! Every pass takes a verified trace and returns a verified trace with the
//! same behaviour (checked by the reference interpreter in the property
//! tests). Most passes are one forward walk that copies the trace through a
//! [`Rewriter`], which substitutes operands, copies argument lists and
//! snapshots, and fixes up phi back edges.

pub mod cse;
pub mod dce;
pub mod fold;
pub mod guard;
pub mod loop_peel;
pub mod mem;
pub mod narrow;
pub mod sink;
pub mod unbox;

use crate::ir::{Inst, IrRef, Op, Operand, SnapId};
use crate::trace::Trace;

/// A pass: its name in filetests and `optimize` lists, and its function.
pub struct Pass {
    /// Name used in `test optimize <passes>` lines.
    pub name: &'static str,
    /// Runs the pass.
    pub run: fn(&Trace) -> Trace,
}

/// Every pass, by name.
pub const PASSES: &[Pass] = &[
    Pass {
        name: "fold",
        run: fold::fold,
    },
    Pass {
        name: "cse",
        run: cse::cse,
    },
    Pass {
        name: "dce",
        run: dce::dce,
    },
    Pass {
        name: "guard",
        run: guard::eliminate_guards,
    },
    Pass {
        name: "loop",
        run: loop_peel::peel_loop,
    },
    Pass {
        name: "mem",
        run: mem::forward_memory,
    },
    Pass {
        name: "narrow",
        run: narrow::narrow,
    },
    Pass {
        name: "sink",
        run: sink::sink,
    },
    Pass {
        name: "unbox",
        run: unbox::unbox_phis,
    },
];

/// The default pipeline.
pub const DEFAULT_PIPELINE: &[&str] = &[
    "fold", "cse", "mem", "guard", "dce", "loop", "mem", "fold", "cse", "unbox", "fold", "cse",
    "guard", "narrow", "fold", "cse", "sink", "dce",
];

/// Runs the named passes in order (unknown names panic).
pub fn run_passes(trace: &Trace, names: &[&str]) -> Trace {
    let mut t = trace.clone();
    for name in names {
        let pass = PASSES
            .iter()
            .find(|p| p.name == *name)
            .unwrap_or_else(|| panic!("unknown pass `{name}`"));
        t = (pass.run)(&t);
        debug_assert_eq!(t.verify(), Ok(()), "after {name}:\n{t}");
    }
    t
}

/// Runs the default pipeline.
pub fn optimize(trace: &Trace) -> Trace {
    run_passes(trace, DEFAULT_PIPELINE)
}

/// Copies a trace instruction by instruction with substitutions.
pub struct Rewriter<'a> {
    /// The trace being read.
    pub old: &'a Trace,
    /// The trace being built.
    pub new: Trace,
    map: Vec<Option<IrRef>>,
    snap_map: Vec<Option<SnapId>>,
    phis: Vec<(IrRef, IrRef)>,
    /// Entries (already in new refs) every copied snapshot starts from; the
    /// snapshot's own entries override them slot by slot.
    pub base_entries: Vec<crate::SnapEntry>,
}

impl<'a> Rewriter<'a> {
    /// Starts copying `old`.
    pub fn new(old: &'a Trace) -> Rewriter<'a> {
        Rewriter {
            old,
            new: old.empty_like(),
            map: vec![None; old.len()],
            snap_map: vec![None; old.snap_count()],
            phis: Vec::new(),
            base_entries: Vec::new(),
        }
    }

    /// The new value of an old reference (constants are shared).
    pub fn subst(&self, r: IrRef) -> IrRef {
        if r.is_const() {
            r
        } else {
            self.map[r.index()].unwrap_or_else(|| panic!("{r:?} has no replacement"))
        }
    }

    /// Whether old instruction `i` has been given a replacement.
    pub fn is_mapped(&self, i: usize) -> bool {
        self.map[i].is_some()
    }

    /// Forgets all replacements and copied snapshots, to copy the old trace
    /// a second time (loop peeling).
    pub fn restart(&mut self) {
        self.map.iter_mut().for_each(|m| *m = None);
        self.snap_map.iter_mut().for_each(|m| *m = None);
    }

    /// Says that old instruction `i` is now `r`.
    pub fn set(&mut self, i: usize, r: IrRef) {
        self.map[i] = Some(r);
    }

    /// Old instruction `i` with operands, arguments and snapshot translated
    /// into the new trace (a phi's back edge is fixed up in `finish`).
    pub fn translate(&mut self, i: usize) -> Inst {
        let mut inst = self.old.insts()[i].clone();
        for (k, a) in inst.args.iter_mut().enumerate() {
            match *a {
                Operand::Ref(r) if inst.op == Op::Phi && k == 1 => *a = Operand::Ref(r),
                Operand::Ref(r) => *a = Operand::Ref(self.subst(r)),
                Operand::Args(args) => {
                    let list: Vec<IrRef> =
                        self.old.args(args).iter().map(|r| self.subst(*r)).collect();
                    *a = Operand::Args(self.new.add_args(&list));
                }
                _ => {}
            }
        }
        if let Some(s) = inst.snap {
            inst.snap = Some(self.snapshot(s));
        }
        inst
    }

    /// The new snapshot for old snapshot `s`, copied at the current position
    /// the first time it is needed.
    pub fn snapshot(&mut self, s: SnapId) -> SnapId {
        if let Some(n) = self.snap_map[s.index()] {
            return n;
        }
        let own: Vec<_> = self
            .old
            .snap_entries(s)
            .iter()
            .map(|e| crate::SnapEntry {
                slot: e.slot,
                value: self.subst(e.value),
            })
            .collect();
        let mut entries: Vec<_> = self
            .base_entries
            .iter()
            .filter(|b| !own.iter().any(|e| e.slot == b.slot))
            .copied()
            .collect();
        entries.extend(own);
        let frames = self.old.snap_frames(s).to_vec();
        let at = self.new.len();
        let n = self.new.push_snapshot_unshared(at, &entries, &frames);
        self.snap_map[s.index()] = Some(n);
        n
    }

    /// Appends an instruction to the new trace. Phis record their old back
    /// edge for `finish`.
    pub fn emit(&mut self, inst: Inst) -> IrRef {
        let back = (inst.op == Op::Phi).then(|| inst.arg(1));
        let r = self.new.push(inst);
        if let Some(b) = back {
            self.phis.push((r, b));
        }
        r
    }

    /// Emits an already translated copy of old instruction `i`.
    pub fn copy_translated(&mut self, i: usize, inst: Inst) -> IrRef {
        let r = self.emit(inst);
        self.set(i, r);
        r
    }

    /// Copies old instruction `i` unchanged (but translated).
    pub fn copy(&mut self, i: usize) -> IrRef {
        let inst = self.translate(i);
        let r = self.emit(inst);
        self.set(i, r);
        r
    }

    /// Finishes: resolves phi back edges through the map.
    pub fn finish(mut self) -> Trace {
        for (phi, back) in std::mem::take(&mut self.phis) {
            let b = self.subst(back);
            self.new.insts_mut()[phi.index()].args[1] = Operand::Ref(b);
        }
        self.new
    }
}

/// Replaces every use of `from` by `to` in instructions at or after
/// `start`, in argument lists and in snapshots taken at or after `start`.
pub fn replace_uses(trace: &mut Trace, from: IrRef, to: IrRef, start: usize) {
    let sub = |r: IrRef| if r == from { to } else { r };
    let mut arg_lists = Vec::new();
    for inst in &mut trace.insts_mut()[start..] {
        for a in inst.args.iter_mut() {
            match a {
                Operand::Ref(r) => *r = sub(*r),
                Operand::Args(l) => arg_lists.push(*l),
                _ => {}
            }
        }
    }
    for l in arg_lists {
        for r in trace.args_mut(l).iter_mut() {
            *r = sub(*r);
        }
    }
    for s in 0..trace.snap_count() {
        let snap = *trace.snap(SnapId(s as u32));
        if snap.at as usize >= start {
            let range =
                snap.entries_start as usize..(snap.entries_start + snap.entries_len) as usize;
            for e in &mut trace.entries[range] {
                e.value = sub(e.value);
            }
        }
    }
}
