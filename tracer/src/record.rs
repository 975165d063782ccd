//! The recorder: the API a VM's interpreter drives while it runs a hot loop.
//!
//! The interpreter keeps executing normally; for each instruction it also
//! tells the recorder what it did, in IR terms: read slots ([`Recorder::slot`]),
//! compute ([`Recorder::emit`] and its shorthands), check assumptions
//! (guards), call helpers, write slots ([`Recorder::set_slot`]). Slot reads
//! and writes are symbolic: a slot is loaded once (`sload`) and writes only
//! update the recorder's view; snapshots taken at guards list the changed
//! slots so an exit can write them back.
//!
//! Protocol per VM instruction: call [`Recorder::set_pc`] with the
//! instruction's resume word first, emit guards before writing the
//! instruction's results (an exit resumes *at* the instruction, so it must see
//! the slots as they were before it), then write the results.

use std::collections::HashMap;

use crate::ir::{Flags, HelperId, Inst, IrRef, Op, Operand, SlotIdx, SnapId, TraceId, Type};
use crate::opt::fold::fold_inst;
use crate::snapshot::{SnapEntry, SnapFrame};
use crate::trace::{HelperDecl, Trace};

/// Limits on what one trace may contain.
#[derive(Clone, Copy, Debug)]
pub struct RecordLimits {
    /// Most instructions in a trace before recording aborts.
    pub max_insts: usize,
    /// Most frames (the entry frame plus inlined calls).
    pub max_frames: usize,
    /// Most snapshots.
    pub max_snaps: usize,
}

impl Default for RecordLimits {
    fn default() -> Self {
        RecordLimits {
            max_insts: 4000,
            max_frames: 16,
            max_snaps: 500,
        }
    }
}

/// Why recording stopped without a trace.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum AbortReason {
    /// The trace grew past [`RecordLimits::max_insts`] or `max_snaps`.
    TooLong,
    /// Inlining went deeper than [`RecordLimits::max_frames`].
    TooDeep,
    /// A return left the frame the trace started in.
    LeftEntryFrame,
    /// The VM gave up (for example: an instruction the recorder cannot
    /// follow, an exception, a call to something not traceable).
    Vm(String),
    /// The recorded instructions do not form a valid trace (a VM bug, such
    /// as an operand of the wrong type): what [`Trace::verify`] found.
    Invalid(crate::IrError),
}

impl std::fmt::Display for AbortReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AbortReason::TooLong => f.write_str("trace too long"),
            AbortReason::TooDeep => f.write_str("inlining too deep"),
            AbortReason::LeftEntryFrame => f.write_str("returned from the entry frame"),
            AbortReason::Vm(s) => write!(f, "vm: {s}"),
            AbortReason::Invalid(e) => write!(f, "invalid trace: {e}"),
        }
    }
}

/// Records one trace.
pub struct Recorder {
    trace: Trace,
    limits: RecordLimits,
    /// Current symbolic value of each absolute slot.
    slots: Vec<Option<IrRef>>,
    /// Slots written since the trace started.
    written: Vec<bool>,
    frames: Vec<SnapFrame>,
    last_snap: Option<SnapId>,
    dirty: bool,
    abort: Option<AbortReason>,
    /// Pure instructions and guards already emitted (record-time CSE).
    seen: HashMap<(Op, Type, [Operand; 3]), IrRef>,
}

impl Recorder {
    /// Starts recording root trace `id` at a loop header whose resume word is `pc`.
    pub fn new(id: TraceId, pc: u64, limits: RecordLimits) -> Recorder {
        Recorder {
            trace: Trace::new(id),
            limits,
            slots: Vec::new(),
            written: Vec::new(),
            frames: vec![SnapFrame {
                base: SlotIdx(0),
                pc,
            }],
            last_snap: None,
            dirty: true,
            abort: None,
            seen: HashMap::new(),
        }
    }

    /// Starts recording side trace `id` at exit `exit` of `parent`. The
    /// parent's exit writes its snapshot back to the frame first, so the
    /// side trace starts with the parent's frames and reads slots afresh,
    /// except the slots the exit set to constants, which it knows.
    pub fn new_side(id: TraceId, parent: &Trace, exit: SnapId, limits: RecordLimits) -> Recorder {
        let frames = parent.snap_frames(exit).to_vec();
        let mut r = Recorder::new(id, frames[0].pc, limits);
        r.frames = frames;
        r.trace.parent = Some((parent.id, exit));
        r.trace.ref_addr_mask = parent.ref_addr_mask;
        for h in parent.helpers() {
            r.trace.push_helper(h.clone());
        }
        // Slots the exit wrote a constant to hold that constant on entry:
        // reading them needs no load, and guards on them fold away.
        for e in parent.snap_entries(exit) {
            if let Some(c) = parent.get_const(e.value) {
                let k = r.trace.konst(c.ty, c.bits);
                let i = e.slot.index();
                if r.slots.len() <= i {
                    r.slots.resize(i + 1, None);
                    r.written.resize(i + 1, false);
                }
                r.slots[i] = Some(k);
            }
        }
        r
    }

    /// Sets the mask that turns a `ref` word into an address (see [`Trace::ref_addr_mask`]).
    pub fn set_ref_addr_mask(&mut self, mask: u64) {
        self.trace.ref_addr_mask = mask;
    }

    /// The trace recorded so far.
    pub fn trace(&self) -> &Trace {
        &self.trace
    }

    /// Mutable access to the trace (to intern constants, say).
    pub fn trace_mut(&mut self) -> &mut Trace {
        &mut self.trace
    }

    /// Why recording must stop, once a limit was hit or [`Recorder::abort`] called.
    pub fn aborted(&self) -> Option<&AbortReason> {
        self.abort.as_ref()
    }

    /// Gives up on this trace.
    pub fn abort(&mut self, reason: AbortReason) {
        if self.abort.is_none() {
            self.abort = Some(reason);
        }
    }

    /// Sets the resume word of the innermost frame (call before each VM instruction).
    pub fn set_pc(&mut self, pc: u64) {
        let top = self.frames.last_mut().expect("a frame");
        if top.pc != pc {
            top.pc = pc;
            self.dirty = true;
        }
    }

    /// Number of frames in the recorder's view (1 = no inlined call).
    pub fn depth(&self) -> usize {
        self.frames.len()
    }

    fn base(&self) -> u32 {
        self.frames.last().expect("a frame").base.0
    }

    fn abs(&mut self, local: u32) -> usize {
        let i = (self.base() + local) as usize;
        if self.slots.len() <= i {
            self.slots.resize(i + 1, None);
            self.written.resize(i + 1, false);
        }
        i
    }

    /// Reads local slot `local` of the innermost frame as a value of type
    /// `ty`: the first read emits `sload`, later reads return the value
    /// last written (bit-cast if read at another word type).
    pub fn slot(&mut self, local: u32, ty: Type) -> IrRef {
        let i = self.abs(local);
        let r = match self.slots[i] {
            Some(r) => r,
            None => {
                let r = self.push(Inst::new(
                    Op::SLoad,
                    ty,
                    &[Operand::Slot(SlotIdx(i as u32))],
                ));
                self.slots[i] = Some(r);
                r
            }
        };
        self.cast(r, ty)
    }

    /// Converts between the word types by reinterpreting bits
    /// (`i64` ⇄ `f64`, `i64` ⇄ `ref`, `i64` ⇄ `ptr`, `bool` → `i64`).
    pub fn cast(&mut self, r: IrRef, ty: Type) -> IrRef {
        let from = self.trace.type_of(r);
        if from == ty {
            return r;
        }
        let as_int = match from {
            Type::I64 => r,
            Type::F64 => self.emit(Op::F2Bits, Type::I64, &[r]),
            Type::Ref => self.emit(Op::Ref2I, Type::I64, &[r]),
            Type::Ptr => self.emit(Op::Ptr2I, Type::I64, &[r]),
            Type::Bool => self.emit(Op::B2I, Type::I64, &[r]),
            Type::Void => panic!("cannot cast void"),
        };
        match ty {
            Type::I64 => as_int,
            Type::F64 => self.emit(Op::Bits2F, ty, &[as_int]),
            Type::Ref => self.emit(Op::I2Ref, ty, &[as_int]),
            Type::Ptr => self.emit(Op::I2Ptr, ty, &[as_int]),
            Type::Bool => {
                let zero = self.trace.kint(0);
                self.emit(Op::Ne, ty, &[as_int, zero])
            }
            Type::Void => panic!("cannot cast to void"),
        }
    }

    /// Writes `value` to local slot `local` of the innermost frame.
    pub fn set_slot(&mut self, local: u32, value: IrRef) {
        let i = self.abs(local);
        if self.slots[i] != Some(value) || !self.written[i] {
            self.slots[i] = Some(value);
            self.written[i] = true;
            self.dirty = true;
        }
    }

    /// Enters an inlined call: the callee's frame starts `base` slots above
    /// the caller's base, and the caller resumes at `return_pc` if an exit
    /// rebuilds it. The callee's pc starts at `callee_pc`.
    pub fn push_frame(&mut self, base: u32, return_pc: u64, callee_pc: u64) {
        if self.frames.len() >= self.limits.max_frames {
            self.abort(AbortReason::TooDeep);
        }
        let abs = self.base() + base;
        self.frames.last_mut().expect("a frame").pc = return_pc;
        self.frames.push(SnapFrame {
            base: SlotIdx(abs),
            pc: callee_pc,
        });
        self.dirty = true;
    }

    /// Returns from an inlined call: the callee's slots are dead afterwards.
    pub fn pop_frame(&mut self) {
        if self.frames.len() == 1 {
            self.abort(AbortReason::LeftEntryFrame);
            return;
        }
        let top = self.frames.pop().expect("a frame").base.index();
        if self.slots.len() > top {
            self.slots.truncate(top);
            self.written.truncate(top);
        }
        self.dirty = true;
    }

    /// The snapshot of the current state (shared with the previous one if
    /// nothing changed since).
    pub fn snapshot(&mut self) -> SnapId {
        if !self.dirty
            && let Some(s) = self.last_snap
        {
            return s;
        }
        let entries: Vec<SnapEntry> = self
            .slots
            .iter()
            .zip(&self.written)
            .enumerate()
            .filter(|(_, (_, w))| **w)
            .map(|(i, (v, _))| SnapEntry {
                slot: SlotIdx(i as u32),
                value: v.expect("written slot has a value"),
            })
            // A slot written back with the value it was loaded with needs no
            // write on exit: the frame still holds it.
            .filter(|e| {
                e.value.is_const()
                    || !matches!(self.trace.inst(e.value), i if i.op == Op::SLoad && i.args[0] == Operand::Slot(e.slot))
            })
            .collect();
        let at = self.trace.len();
        let s = self.trace.add_snapshot(at, &entries, &self.frames);
        if self.trace.snap_count() > self.limits.max_snaps {
            self.abort(AbortReason::TooLong);
        }
        self.last_snap = Some(s);
        self.dirty = false;
        s
    }

    fn push(&mut self, inst: Inst) -> IrRef {
        if self.trace.len() >= self.limits.max_insts {
            self.abort(AbortReason::TooLong);
        }
        self.trace.push(inst)
    }

    /// Emits `op` with value operands `args` and result type `ty`; guards
    /// get the current snapshot.
    pub fn emit(&mut self, op: Op, ty: Type, args: &[IrRef]) -> IrRef {
        let ops: Vec<Operand> = args.iter().map(|&r| Operand::Ref(r)).collect();
        self.emit_operands(op, ty, &ops)
    }

    /// Emits `op` with arbitrary operands (slots, offsets, ...).
    ///
    /// Pure ops and guards go through the fold table first and are
    /// deduplicated, as LuaJIT's recorder does: the result may be an
    /// existing value or a constant, and a guard that is known to pass (a
    /// constant condition, or a repeat) is not emitted (the returned
    /// reference is then a meaningless constant).
    pub fn emit_operands(&mut self, op: Op, ty: Type, args: &[Operand]) -> IrRef {
        let mut inst = Inst::new(op, ty, args);
        let flags = if matches!(op, Op::Call | Op::New) {
            self.trace.flags_of(&inst)
        } else {
            op.flags()
        };
        if flags.contains(Flags::GUARD) {
            inst.snap = Some(self.snapshot());
        }
        let foldable = flags.contains(Flags::PURE)
            || matches!(op, Op::GTrue | Op::GFalse | Op::GTag | Op::GEq | Op::GNe);
        if !foldable || op == Op::SLoad {
            return self.push(inst);
        }
        let inst = match fold_inst(&mut self.trace, inst) {
            Ok(v) => return v,
            Err(None) => return self.trace.kint(0),
            Err(Some(inst)) => inst,
        };
        let key = (inst.op, inst.ty, inst.args);
        if let Some(&r) = self.seen.get(&key) {
            return if inst.ty == Type::Void {
                self.trace.kint(0)
            } else {
                r
            };
        }
        let r = self.push(inst);
        self.seen.insert(key, r);
        r
    }

    /// Interns an i64 constant.
    pub fn kint(&mut self, v: i64) -> IrRef {
        self.trace.kint(v)
    }

    /// Interns an f64 constant.
    pub fn kfloat(&mut self, v: f64) -> IrRef {
        self.trace.kfloat(v)
    }

    /// Interns a constant of any type.
    pub fn konst(&mut self, ty: Type, bits: u64) -> IrRef {
        self.trace.konst(ty, bits)
    }

    /// Type tag guard: exits unless `(word & mask) == tag`.
    pub fn guard_tag(&mut self, word: IrRef, mask: u64, tag: u64) {
        let (m, t) = (self.konst(Type::I64, mask), self.konst(Type::I64, tag));
        self.emit(Op::GTag, Type::Void, &[word, m, t]);
    }

    /// Value equality guard (also used for identities: classes, functions).
    pub fn guard_eq(&mut self, a: IrRef, b: IrRef) {
        self.emit(Op::GEq, Type::Void, &[a, b]);
    }

    /// Exits unless `cond` is `expect`.
    pub fn guard_bool(&mut self, cond: IrRef, expect: bool) {
        let op = if expect { Op::GTrue } else { Op::GFalse };
        self.emit(op, Type::Void, &[cond]);
    }

    /// Shape guard: loads the shape word at `off` of `obj` and exits unless
    /// it is `shape` (a VM shape identity, as a constant word).
    pub fn guard_shape(&mut self, obj: IrRef, off: i32, shape: u64) {
        let s = self.fload(obj, off, Type::I64);
        let k = self.konst(Type::I64, shape);
        self.guard_eq(s, k);
    }

    /// Version tag guard: exits unless the word at `addr` is `version`.
    pub fn guard_version(&mut self, addr: u64, version: u64) {
        let a = self.konst(Type::Ptr, addr);
        let v = self.konst(Type::I64, version);
        self.emit(Op::GVer, Type::Void, &[a, v]);
    }

    /// Overflow-checked integer `op` (`AddOv`, `SubOv`, `MulOv`).
    pub fn arith_ov(&mut self, op: Op, a: IrRef, b: IrRef) -> IrRef {
        assert!(matches!(op, Op::AddOv | Op::SubOv | Op::MulOv));
        self.emit(op, Type::I64, &[a, b])
    }

    /// Loads field `off` of object `obj`.
    pub fn fload(&mut self, obj: IrRef, off: i32, ty: Type) -> IrRef {
        self.emit_operands(Op::FLoad, ty, &[Operand::Ref(obj), Operand::Off(off)])
    }

    /// Stores `val` to field `off` of object `obj`.
    pub fn fstore(&mut self, obj: IrRef, off: i32, val: IrRef) {
        self.emit_operands(
            Op::FStore,
            Type::Void,
            &[Operand::Ref(obj), Operand::Off(off), Operand::Ref(val)],
        );
    }

    /// Loads the word at raw address `ptr + off` (VM tables, version cells,
    /// rooted handles).
    pub fn pload(&mut self, ptr: IrRef, off: i32, ty: Type) -> IrRef {
        self.emit_operands(Op::PLoad, ty, &[Operand::Ref(ptr), Operand::Off(off)])
    }

    /// Stores `val` at raw address `ptr + off`.
    pub fn pstore(&mut self, ptr: IrRef, off: i32, val: IrRef) {
        self.emit_operands(
            Op::PStore,
            Type::Void,
            &[Operand::Ref(ptr), Operand::Off(off), Operand::Ref(val)],
        );
    }

    /// Declares a VM helper the trace may call.
    pub fn declare_helper(&mut self, decl: HelperDecl) -> HelperId {
        self.trace.declare_helper(decl)
    }

    /// Calls helper `h`; returns its result (of the declared type).
    pub fn call(&mut self, h: HelperId, args: &[IrRef]) -> IrRef {
        let ty = self.trace.helper(h).ret;
        let a = self.trace.add_args(args);
        self.emit_operands(Op::Call, ty, &[Operand::Helper(h), Operand::Args(a)])
    }

    /// Allocates a VM object through allocation helper `h`; set its fields
    /// with [`Recorder::fstore`]. The optimizer may remove the allocation
    /// and rebuild it only on exit.
    pub fn new_object(&mut self, h: HelperId, args: &[IrRef]) -> IrRef {
        let a = self.trace.add_args(args);
        self.emit_operands(Op::New, Type::Ref, &[Operand::Helper(h), Operand::Args(a)])
    }

    fn finish_with(mut self, inst: Inst) -> Result<Trace, AbortReason> {
        if let Some(r) = self.abort.take() {
            return Err(r);
        }
        self.push(inst);
        if let Some(r) = self.abort.take() {
            return Err(r);
        }
        self.trace.verify().map_err(AbortReason::Invalid)?;
        Ok(self.trace)
    }

    /// The interpreter is back at the loop header the trace started at:
    /// ends the trace with a link to itself.
    pub fn close_loop(self) -> Result<Trace, AbortReason> {
        if self.frames.len() != 1 {
            return Err(AbortReason::Vm("loop closed inside an inlined call".into()));
        }
        let id = self.trace.id;
        self.link_to(id)
    }

    /// Ends the trace by jumping to the start of trace `target` (a side trace
    /// that reached a root trace's loop header).
    pub fn link_to(mut self, target: TraceId) -> Result<Trace, AbortReason> {
        self.dirty = true;
        let snap = self.snapshot();
        let mut inst = Inst::new(Op::Link, Type::Void, &[Operand::Trace(target)]);
        inst.snap = Some(snap);
        self.finish_with(inst)
    }

    /// Ends the trace by returning to the interpreter at the current state.
    pub fn exit_to_interpreter(mut self) -> Result<Trace, AbortReason> {
        let snap = self.snapshot();
        let mut inst = Inst::new(Op::Exit, Type::Void, &[]);
        inst.snap = Some(snap);
        self.finish_with(inst)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snapshots_are_shared_until_a_slot_changes() {
        let mut r = Recorder::new(TraceId(0), 10, RecordLimits::default());
        let x = r.slot(0, Type::I64);
        let one = r.kint(1);
        let a = r.arith_ov(Op::AddOv, x, one);
        let b = r.arith_ov(Op::AddOv, a, one);
        assert_eq!(r.trace().inst(a).snap, r.trace().inst(b).snap);
        r.set_slot(0, b);
        let c = r.arith_ov(Op::AddOv, b, one);
        let sc = r.trace().inst(c).snap.unwrap();
        assert_ne!(r.trace().inst(a).snap.unwrap(), sc);
        assert_eq!(
            r.trace().snap_entries(sc),
            &[SnapEntry {
                slot: SlotIdx(0),
                value: b
            }]
        );
        // Reading slot 0 again gives the written value, no new load.
        assert_eq!(r.slot(0, Type::I64), b);
        let t = r.close_loop().unwrap();
        assert_eq!(t.insts().last().unwrap().op, Op::Link);
    }

    #[test]
    fn inlined_frames_appear_in_snapshots_and_die_on_return() {
        let mut r = Recorder::new(TraceId(0), 1, RecordLimits::default());
        let v = r.slot(2, Type::I64);
        let k = r.kint(100);
        let c = r.emit(Op::Lt, Type::Bool, &[v, k]);
        r.push_frame(4, 2, 100);
        r.set_slot(0, v); // callee local 0 = absolute slot 4
        r.guard_bool(c, true);
        let snap = r.trace().insts().last().unwrap().snap.unwrap();
        let frames = r.trace().snap_frames(snap).to_vec();
        assert_eq!(
            frames,
            vec![
                SnapFrame {
                    base: SlotIdx(0),
                    pc: 2
                },
                SnapFrame {
                    base: SlotIdx(4),
                    pc: 100
                }
            ]
        );
        assert_eq!(r.trace().snap_entries(snap)[0].slot, SlotIdx(4));
        r.pop_frame();
        let d = r.emit(Op::Gt, Type::Bool, &[v, k]);
        r.guard_bool(d, false);
        let snap = r.trace().insts().last().unwrap().snap.unwrap();
        assert!(r.trace().snap_entries(snap).is_empty());
        assert_eq!(r.trace().snap_frames(snap).len(), 1);
    }

    #[test]
    fn an_ill_typed_recording_aborts_instead_of_returning_a_bad_trace() {
        let mut r = Recorder::new(TraceId(0), 0, RecordLimits::default());
        let f = r.slot(0, Type::F64);
        let one = r.kint(1);
        r.emit(Op::Add, Type::I64, &[f, one]); // an f64 operand to an i64 add
        match r.close_loop() {
            Err(AbortReason::Invalid(e)) => assert!(e.message.contains("ill-typed"), "{e}"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn side_trace_knows_the_constants_its_exit_wrote() {
        let parent = Trace::parse(
            "trace t4
             v0 = sload.i64 s0
             snap0 [s0 pc 9] s1=7 s2=v0
             v1 = lt.bool v0, 10
             gtrue v1 snap0
             exit snap0",
        )
        .unwrap();
        let mut r = Recorder::new_side(TraceId(5), &parent, SnapId(0), RecordLimits::default());
        let seven = r.slot(1, Type::I64);
        assert_eq!(r.trace().get_const(seven).map(|c| c.bits), Some(7));
        let k = r.kint(7);
        r.guard_eq(seven, k); // folds away
        let other = r.slot(2, Type::I64);
        assert_eq!(
            r.trace().inst(other).op,
            Op::SLoad,
            "non-constant slots are loaded"
        );
        let t = r.link_to(TraceId(4)).unwrap();
        assert_eq!(t.insts().iter().filter(|i| i.op == Op::GEq).count(), 0);
        assert!(
            t.snap_entries(SnapId(0)).is_empty(),
            "nothing written by the side trace"
        );
    }

    #[test]
    fn writing_a_slot_back_unchanged_needs_no_snapshot_entry() {
        let mut r = Recorder::new(TraceId(0), 0, RecordLimits::default());
        let a = r.slot(3, Type::I64);
        let b = r.slot(4, Type::I64);
        r.set_slot(3, a); // a no-op move
        r.set_slot(5, a); // a real write
        let c = r.emit(Op::Lt, Type::Bool, &[a, b]);
        r.guard_bool(c, true);
        let snap = r.trace().insts().last().unwrap().snap.unwrap();
        let slots: Vec<u32> = r
            .trace()
            .snap_entries(snap)
            .iter()
            .map(|e| e.slot.0)
            .collect();
        assert_eq!(slots, vec![5]);
    }

    #[test]
    fn record_time_folding_and_dedup() {
        let mut r = Recorder::new(TraceId(0), 0, RecordLimits::default());
        let x = r.slot(0, Type::I64);
        let k = r.kint(16);
        let a = r.emit(Op::Shl, Type::I64, &[x, k]);
        let b = r.emit(Op::Shl, Type::I64, &[x, k]);
        assert_eq!(a, b, "pure duplicate reused");
        let zero = r.kint(0);
        assert_eq!(r.emit(Op::Add, Type::I64, &[a, zero]), a, "folded");
        let len = r.trace().len();
        r.guard_tag(x, 0xffff, 3);
        r.guard_tag(x, 0xffff, 3);
        let t = r.kbool_true();
        r.guard_bool(t, true);
        assert_eq!(r.trace().len(), len + 1, "one guard emitted");
    }

    #[test]
    fn limits_abort_recording() {
        let limits = RecordLimits {
            max_insts: 5,
            ..RecordLimits::default()
        };
        let mut r = Recorder::new(TraceId(0), 0, limits);
        let mut x = r.slot(0, Type::I64);
        for _ in 0..10 {
            x = r.emit(Op::Add, Type::I64, &[x, x]);
        }
        assert_eq!(r.aborted(), Some(&AbortReason::TooLong));
        assert_eq!(r.close_loop().unwrap_err(), AbortReason::TooLong);

        let mut r = Recorder::new(
            TraceId(0),
            0,
            RecordLimits {
                max_frames: 2,
                ..RecordLimits::default()
            },
        );
        r.push_frame(1, 0, 0);
        r.push_frame(1, 0, 0);
        assert_eq!(r.aborted(), Some(&AbortReason::TooDeep));
    }

    impl Recorder {
        fn kbool_true(&mut self) -> IrRef {
            self.trace.kbool(true)
        }
    }
}
