//! Lowering: trace IR → Cranelift IR.
//!
//! A trace becomes one function in Cranelift's `tail` calling convention,
//! `fn(frame: i64, ctx: i64) -> i32` (see [`crate::entry`] for how the VM
//! calls it). Every IR value is a Cranelift `Variable`, so the SSA builder
//! of `cranelift-frontend` places the block parameters the loop needs, and
//! redefining a reference after a collecting call (it may have moved) is a
//! plain `def_var`.
//!
//! ```text
//! entry(frame, ctx) ─► start: sloads, pre-loop ops ─► header(phis) ◄─┐
//!                        ▲                              body ops      │
//!                        └── link to self               again ────────┘
//!   each guard ──(fails)──► cold exit block: write the snapshot to the
//!                           frame, rebuild sunk allocations, then jump to
//!                           the side trace linked to this exit if there is
//!                           one (tail call), else return the exit token.
//! ```
//!
//! Type mapping: `i64`, `ref` and `ptr` are `i64`; `f64` is `f64`; `bool` is
//! `i8` (0/1) in registers and a 0/1 word in frame slots and memory.
//!
//! GC safety: before a call whose helper may collect, every `ref` value that
//! is used after the call is stored to a spill slot of the frame (slots
//! `spill_base..`, which the VM scans like the rest of the frame while the
//! trace runs) and reloaded after it; the spill slots are then reset to
//! [`CompileOptions::spill_clear_word`]. `ref` constants are baked into the
//! code, so the VM must only use non-moving (pinned or immortal) objects as
//! constants.

use std::collections::HashMap;

use cranelift_codegen::ir::condcodes::{FloatCC, IntCC};
use cranelift_codegen::ir::{
    AbiParam, Block, Function, InstBuilder, MemFlagsData, Signature, UserFuncName, Value, types,
};
use cranelift_codegen::isa::{CallConv, TargetFrontendConfig};
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext, Variable};
use pyvm_tracer::{Flags, Inst, IrRef, Op, Operand, SnapId, Trace, TraceId, Type};

use crate::live::Liveness;
use crate::options::CompileOptions;

/// What lowering needs besides the trace.
pub(crate) struct LowerEnv<'a> {
    /// The trace to lower (verified).
    pub trace: &'a Trace,
    /// Exit token of snapshot 0; snapshot `n` returns `exit_base + n`.
    pub exit_base: u32,
    /// Address of this trace's exit link cells (one `AtomicU64` per snapshot).
    pub exit_cells: usize,
    /// Address of the entry cell of each trace `link` may jump to.
    pub link_cell: &'a dyn Fn(TraceId) -> usize,
    /// First spill slot of the frame.
    pub spill_base: u32,
    /// Embedder options.
    pub options: &'a CompileOptions,
    /// The target's pointer width and calling-convention facts.
    pub frontend: TargetFrontendConfig,
}

/// Why a trace could not be lowered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct LowerError(pub String);

/// The signature of every compiled trace.
pub(crate) fn trace_signature() -> Signature {
    let mut sig = Signature::new(CallConv::Tail);
    sig.params.push(AbiParam::new(types::I64));
    sig.params.push(AbiParam::new(types::I64));
    sig.returns.push(AbiParam::new(types::I32));
    sig
}

fn clif_type(ty: Type) -> types::Type {
    match ty {
        Type::F64 => types::F64,
        Type::Bool => types::I8,
        _ => types::I64,
    }
}

fn mem() -> MemFlagsData {
    MemFlagsData::trusted()
}

struct Lower<'a, 'b> {
    env: &'a LowerEnv<'a>,
    b: FunctionBuilder<'b>,
    vars: Vec<Option<Variable>>,
    frame: Value,
    ctx: Value,
    start: Block,
    header: Option<Block>,
    live: Liveness,
    /// The exit block of each snapshot, shared by every guard that exits
    /// through it (the SSA builder adds block parameters where the guards
    /// see different definitions, e.g. a reference reloaded after a call).
    exits: HashMap<SnapId, Block>,
}

/// Lowers `env.trace` into `func` (which is reset first).
pub(crate) fn lower_trace(
    env: &LowerEnv<'_>,
    func: &mut Function,
    fctx: &mut FunctionBuilderContext,
) -> Result<(), LowerError> {
    func.clear();
    func.signature = trace_signature();
    func.name = UserFuncName::user(0, env.trace.id.0);
    let mut b = FunctionBuilder::new(func, fctx);
    let entry = b.create_block();
    b.append_block_params_for_function_params(entry);
    b.switch_to_block(entry);
    b.seal_block(entry);
    let frame = b.block_params(entry)[0];
    let ctx = b.block_params(entry)[1];
    let start = b.create_block();
    b.ins().jump(start, &[]);
    b.switch_to_block(start);
    let mut lower = Lower {
        env,
        b,
        vars: vec![None; env.trace.len()],
        frame,
        ctx,
        start,
        header: None,
        live: Liveness::compute(env.trace),
        exits: HashMap::new(),
    };
    for (i, inst) in env.trace.insts().iter().enumerate() {
        lower.lower_inst(i, inst)?;
    }
    lower.b.seal_all_blocks();
    lower.b.finalize(env.frontend);
    Ok(())
}

impl Lower<'_, '_> {
    fn trace(&self) -> &Trace {
        self.env.trace
    }

    fn var(&mut self, index: usize) -> Variable {
        if let Some(v) = self.vars[index] {
            return v;
        }
        let ty = clif_type(self.trace().insts()[index].ty);
        let v = self.b.declare_var(ty);
        self.vars[index] = Some(v);
        v
    }

    fn def(&mut self, index: usize, val: Value) {
        let v = self.var(index);
        self.b.def_var(v, val);
    }

    /// The current Cranelift value of an IR value or constant.
    fn val(&mut self, r: IrRef) -> Value {
        if let Some(c) = self.trace().get_const(r) {
            return match c.ty {
                Type::F64 => self.b.ins().f64const(c.as_f64()),
                Type::Bool => self.b.ins().iconst(types::I8, (c.bits & 1) as i64),
                _ => self.b.ins().iconst(types::I64, c.bits as i64),
            };
        }
        let v = self.var(r.index());
        self.b.use_var(v)
    }

    fn iconst(&mut self, x: i64) -> Value {
        self.b.ins().iconst(types::I64, x)
    }

    /// The object address of a `ref` word.
    fn obj_addr(&mut self, obj: Value) -> Value {
        let mask = self.trace().ref_addr_mask;
        if mask == u64::MAX {
            obj
        } else {
            {
                let m = self.iconst(mask as i64);
                self.b.ins().band(obj, m)
            }
        }
    }

    /// Loads a value of IR type `ty` from memory.
    fn load_typed(&mut self, ty: Type, addr: Value, off: i32) -> Value {
        match ty {
            Type::F64 => self.b.ins().load(types::F64, mem(), addr, off),
            Type::Bool => {
                let w = self.b.ins().load(types::I64, mem(), addr, off);
                self.b.ins().icmp_imm_u(IntCC::NotEqual, w, 0)
            }
            _ => self.b.ins().load(types::I64, mem(), addr, off),
        }
    }

    /// Stores a value of IR type `ty` to memory as a full word.
    fn store_typed(&mut self, ty: Type, val: Value, addr: Value, off: i32) {
        let val = if ty == Type::Bool {
            self.b.ins().uextend(types::I64, val)
        } else {
            val
        };
        self.b.ins().store(mem(), val, addr, off);
    }

    fn slot_off(slot: u32) -> i32 {
        (slot as i32) * 8
    }

    fn lower_inst(&mut self, i: usize, inst: &Inst) -> Result<(), LowerError> {
        if inst.sunk {
            return Ok(());
        }
        let op = inst.op;
        match op {
            Op::Nop | Op::Phi => {}
            Op::SLoad => {
                let Operand::Slot(s) = inst.args[0] else {
                    return Err(LowerError(format!("v{i}: sload without a slot")));
                };
                let frame = self.frame;
                let v = self.load_typed(inst.ty, frame, Self::slot_off(s.0));
                self.def(i, v);
            }
            Op::Loop => self.lower_loop(i)?,
            Op::Again => self.lower_again(i)?,
            Op::Link => {
                let Operand::Trace(t) = inst.args[0] else {
                    return Err(LowerError(format!("v{i}: link without a trace")));
                };
                let snap = self.snap_of(i, inst)?;
                self.write_snapshot(snap);
                if t == self.trace().id {
                    self.b.ins().jump(self.start, &[]);
                } else {
                    let cell = (self.env.link_cell)(t);
                    self.jump_through_cell(cell as i64, snap);
                }
            }
            Op::Exit => {
                let snap = self.snap_of(i, inst)?;
                self.emit_exit(snap);
            }
            Op::Add
            | Op::Sub
            | Op::Mul
            | Op::And
            | Op::Or
            | Op::Xor
            | Op::Shl
            | Op::Shr
            | Op::Sar => {
                let (a, c) = (self.val(inst.arg(0)), self.val(inst.arg(1)));
                let ins = self.b.ins();
                let v = match op {
                    Op::Add => ins.iadd(a, c),
                    Op::Sub => ins.isub(a, c),
                    Op::Mul => ins.imul(a, c),
                    Op::And => ins.band(a, c),
                    Op::Or => ins.bor(a, c),
                    Op::Xor => ins.bxor(a, c),
                    Op::Shl => ins.ishl(a, c),
                    Op::Shr => ins.ushr(a, c),
                    _ => ins.sshr(a, c),
                };
                self.def(i, v);
            }
            Op::Neg => {
                let a = self.val(inst.arg(0));
                let v = self.b.ins().ineg(a);
                self.def(i, v);
            }
            Op::AddOv | Op::SubOv | Op::MulOv => {
                let (a, c) = (self.val(inst.arg(0)), self.val(inst.arg(1)));
                let ins = self.b.ins();
                let (v, of) = match op {
                    Op::AddOv => ins.sadd_overflow(a, c),
                    Op::SubOv => ins.ssub_overflow(a, c),
                    _ => ins.smul_overflow(a, c),
                };
                let snap = self.snap_of(i, inst)?;
                self.guard(of, false, snap);
                self.def(i, v);
            }
            Op::Eq | Op::Ne | Op::GEq | Op::GNe => {
                let eq = self.values_equal(inst.arg(0), inst.arg(1));
                match op {
                    Op::Eq => self.def(i, eq),
                    Op::Ne => {
                        let v = self.b.ins().bxor_imm_u(eq, 1);
                        self.def(i, v);
                    }
                    Op::GEq => self.guard(eq, true, self.snap_of(i, inst)?),
                    _ => self.guard(eq, false, self.snap_of(i, inst)?),
                }
            }
            Op::Lt | Op::Le | Op::Gt | Op::Ge => {
                let cc = match op {
                    Op::Lt => IntCC::SignedLessThan,
                    Op::Le => IntCC::SignedLessThanOrEqual,
                    Op::Gt => IntCC::SignedGreaterThan,
                    _ => IntCC::SignedGreaterThanOrEqual,
                };
                let (a, c) = (self.val(inst.arg(0)), self.val(inst.arg(1)));
                let v = self.b.ins().icmp(cc, a, c);
                self.def(i, v);
            }
            Op::Not => {
                let a = self.val(inst.arg(0));
                let v = self.b.ins().bxor_imm_u(a, 1);
                self.def(i, v);
            }
            Op::FAdd | Op::FSub | Op::FMul | Op::FDiv => {
                let (a, c) = (self.val(inst.arg(0)), self.val(inst.arg(1)));
                let ins = self.b.ins();
                let v = match op {
                    Op::FAdd => ins.fadd(a, c),
                    Op::FSub => ins.fsub(a, c),
                    Op::FMul => ins.fmul(a, c),
                    _ => ins.fdiv(a, c),
                };
                self.def(i, v);
            }
            Op::FNeg => {
                let a = self.val(inst.arg(0));
                let v = self.b.ins().fneg(a);
                self.def(i, v);
            }
            Op::FEq | Op::FNe | Op::FLt | Op::FLe | Op::FGt | Op::FGe => {
                let cc = match op {
                    Op::FEq => FloatCC::Equal,
                    Op::FNe => FloatCC::NotEqual,
                    Op::FLt => FloatCC::LessThan,
                    Op::FLe => FloatCC::LessThanOrEqual,
                    Op::FGt => FloatCC::GreaterThan,
                    _ => FloatCC::GreaterThanOrEqual,
                };
                let (a, c) = (self.val(inst.arg(0)), self.val(inst.arg(1)));
                let v = self.b.ins().fcmp(cc, a, c);
                self.def(i, v);
            }
            Op::I2F => {
                let a = self.val(inst.arg(0));
                let v = self.b.ins().fcvt_from_sint(types::F64, a);
                self.def(i, v);
            }
            Op::F2I => {
                let a = self.val(inst.arg(0));
                let v = self.b.ins().fcvt_to_sint_sat(types::I64, a);
                self.def(i, v);
            }
            Op::F2Bits => {
                let a = self.val(inst.arg(0));
                let v = self.b.ins().bitcast(types::I64, MemFlagsData::new(), a);
                self.def(i, v);
            }
            Op::Bits2F => {
                let a = self.val(inst.arg(0));
                let v = self.b.ins().bitcast(types::F64, MemFlagsData::new(), a);
                self.def(i, v);
            }
            Op::Ref2I | Op::I2Ref | Op::Ptr2I | Op::I2Ptr => {
                let a = self.val(inst.arg(0));
                self.def(i, a);
            }
            Op::B2I => {
                let a = self.val(inst.arg(0));
                let v = self.b.ins().uextend(types::I64, a);
                self.def(i, v);
            }
            Op::GTrue | Op::GFalse => {
                let c = self.val(inst.arg(0));
                let snap = self.snap_of(i, inst)?;
                self.guard(c, op == Op::GTrue, snap);
            }
            Op::GTag => {
                let w = self.val(inst.arg(0));
                let mask = self.val(inst.arg(1));
                let tag = self.val(inst.arg(2));
                let m = self.b.ins().band(w, mask);
                let ok = self.b.ins().icmp(IntCC::Equal, m, tag);
                let snap = self.snap_of(i, inst)?;
                self.guard(ok, true, snap);
            }
            Op::GVer => {
                let p = self.val(inst.arg(0));
                let expected = self.val(inst.arg(1));
                let cur = self.b.ins().load(types::I64, mem(), p, 0);
                let ok = self.b.ins().icmp(IntCC::Equal, cur, expected);
                let snap = self.snap_of(i, inst)?;
                self.guard(ok, true, snap);
            }
            Op::FLoad | Op::PLoad => {
                let base = self.val(inst.arg(0));
                let addr = if op == Op::FLoad {
                    self.obj_addr(base)
                } else {
                    base
                };
                let v = self.load_typed(inst.ty, addr, inst.off());
                self.def(i, v);
            }
            Op::FStore | Op::PStore => {
                let base = self.val(inst.arg(0));
                let value = inst.arg(2);
                let ty = self.trace().type_of(value);
                let val = self.val(value);
                let addr = if op == Op::FStore {
                    self.obj_addr(base)
                } else {
                    base
                };
                self.store_typed(ty, val, addr, inst.off());
                if op == Op::FStore && ty == Type::Ref {
                    self.write_barrier(addr);
                }
            }
            Op::New | Op::Call => self.lower_call(i, inst)?,
        }
        Ok(())
    }

    fn snap_of(&self, i: usize, inst: &Inst) -> Result<SnapId, LowerError> {
        inst.snap
            .ok_or_else(|| LowerError(format!("v{i}: {} without a snapshot", inst.op)))
    }

    /// `a == b` as an `i8`, bitwise for every type.
    fn values_equal(&mut self, a: IrRef, c: IrRef) -> Value {
        let ty = self.trace().type_of(a);
        let (mut x, mut y) = (self.val(a), self.val(c));
        if ty == Type::F64 {
            x = self.b.ins().bitcast(types::I64, MemFlagsData::new(), x);
            y = self.b.ins().bitcast(types::I64, MemFlagsData::new(), y);
        }
        self.b.ins().icmp(IntCC::Equal, x, y)
    }

    /// Continues if `cond` (an `i8`) equals `expect`, else exits via `snap`.
    fn guard(&mut self, cond: Value, expect: bool, snap: SnapId) {
        let ok = self.b.create_block();
        let (fail, first) = match self.exits.get(&snap) {
            Some(&block) => (block, false),
            None => {
                let block = self.b.create_block();
                self.b.set_cold_block(block);
                self.exits.insert(snap, block);
                (block, true)
            }
        };
        if expect {
            self.b.ins().brif(cond, ok, &[], fail, &[]);
        } else {
            self.b.ins().brif(cond, fail, &[], ok, &[]);
        }
        if first {
            // Left unsealed: later guards of the same snapshot branch here
            // too; `seal_all_blocks` closes it at the end.
            self.b.switch_to_block(fail);
            self.emit_exit(snap);
        }
        self.b.seal_block(ok);
        self.b.switch_to_block(ok);
    }

    fn lower_loop(&mut self, at: usize) -> Result<(), LowerError> {
        if self.header.is_some() {
            return Err(LowerError(format!("v{at}: second loop")));
        }
        let phis: Vec<(usize, IrRef)> = self.phis_after(at).map(|(j, p)| (j, p.arg(0))).collect();
        let entry_vals: Vec<Value> = phis.iter().map(|&(_, r)| self.val(r)).collect();
        for (&(j, _), v) in phis.iter().zip(entry_vals) {
            self.def(j, v);
        }
        let header = self.b.create_block();
        self.b.ins().jump(header, &[]);
        self.b.switch_to_block(header);
        self.header = Some(header);
        Ok(())
    }

    /// The phis of the loop at `at` that live in registers: a sunk phi (a
    /// loop-carried allocation) exists only on exits, which rebuild it from
    /// its field phis, so it gets no value and its back edge is not read.
    fn phis_after(&self, at: usize) -> impl Iterator<Item = (usize, &Inst)> {
        self.trace().insts()[at + 1..]
            .iter()
            .enumerate()
            .take_while(|(_, p)| p.op == Op::Phi)
            .filter(|(_, p)| !p.sunk)
            .map(move |(k, p)| (at + 1 + k, p))
    }

    fn lower_again(&mut self, at: usize) -> Result<(), LowerError> {
        let (Some(header), Some(loop_at)) = (self.header, self.trace().loop_index()) else {
            return Err(LowerError(format!("v{at}: again without loop")));
        };
        let phis: Vec<(usize, IrRef)> = self
            .phis_after(loop_at)
            .map(|(j, p)| (j, p.arg(1)))
            .collect();
        // Parallel assignment: read every back-edge value before redefining.
        let vals: Vec<Value> = phis.iter().map(|&(_, r)| self.val(r)).collect();
        for (&(j, _), v) in phis.iter().zip(vals) {
            self.def(j, v);
        }
        self.b.ins().jump(header, &[]);
        self.b.seal_block(header);
        Ok(())
    }

    /// Writes the snapshot's slots to the frame, rebuilding sunk
    /// allocations first.
    fn write_snapshot(&mut self, snap: SnapId) {
        let trace = self.env.trace;
        let plan = trace.remat_plan(snap);
        for e in trace.snap_entries(snap) {
            if plan.iter().any(|p| p.alloc == e.value) {
                continue;
            }
            let ty = trace.type_of(e.value);
            let v = self.val(e.value);
            let frame = self.frame;
            self.store_typed(ty, v, frame, Self::slot_off(e.slot.0));
        }
        // The frame now holds every non-sunk slot value, so allocation may
        // collect: what the rebuilt objects still need is spilled around it.
        for (k, remat) in plan.iter().enumerate() {
            // The helper and arguments come from the plan: `alloc` may be a
            // sunk phi, whose allocations are the `new`s it merges.
            let mut needed: Vec<IrRef> = plan[..k].iter().map(|p| p.alloc).collect();
            for later in &plan[k..] {
                needed.extend(later.args.iter().copied());
                needed.extend(later.fields.iter().map(|f| f.1));
            }
            // Objects not rebuilt yet have no value to protect.
            needed.retain(|r| {
                !r.is_const()
                    && trace.type_of(*r) == Type::Ref
                    && !plan[k..].iter().any(|p| p.alloc == *r)
            });
            needed.sort();
            needed.dedup();
            let obj = self.call_helper(remat.helper, &remat.args, &needed, true);
            self.def(remat.alloc.index(), obj);
        }
        for remat in &plan {
            for &(off, value) in &remat.fields {
                let obj = self.val(remat.alloc);
                let addr = self.obj_addr(obj);
                let ty = trace.type_of(value);
                let v = self.val(value);
                self.store_typed(ty, v, addr, off);
                if ty == Type::Ref {
                    self.write_barrier(addr);
                }
            }
        }
        for e in trace.snap_entries(snap) {
            if plan.iter().any(|p| p.alloc == e.value) {
                let v = self.val(e.value);
                let frame = self.frame;
                self.store_typed(Type::Ref, v, frame, Self::slot_off(e.slot.0));
            }
        }
    }

    /// The whole exit path of `snap`, ending the current block.
    fn emit_exit(&mut self, snap: SnapId) {
        self.write_snapshot(snap);
        let cell = self.env.exit_cells as i64 + snap.index() as i64 * 8;
        self.jump_through_cell(cell, snap);
    }

    /// Tail-calls the code whose address is in the cell at `cell` if it is
    /// non-zero, else returns the exit token of `snap`.
    fn jump_through_cell(&mut self, cell: i64, snap: SnapId) {
        let cell = self.iconst(cell);
        let target = self.b.ins().atomic_load(types::I64, mem(), cell);
        let go = self.b.create_block();
        let ret = self.b.create_block();
        self.b.set_cold_block(go);
        self.b.ins().brif(target, go, &[], ret, &[]);
        self.b.seal_block(go);
        self.b.seal_block(ret);
        self.b.switch_to_block(go);
        let sig = self.b.import_signature(trace_signature());
        let (frame, ctx) = (self.frame, self.ctx);
        self.b
            .ins()
            .return_call_indirect(sig, target, &[frame, ctx]);
        self.b.switch_to_block(ret);
        let token = self
            .b
            .ins()
            .iconst(types::I32, (self.env.exit_base + snap.0) as i64);
        self.b.ins().return_(&[token]);
    }

    /// Emits the inline write-barrier fast path for a store into `obj`.
    fn write_barrier(&mut self, addr: Value) {
        let Some(wb) = self.env.options.write_barrier else {
            return;
        };
        let flags = self.b.ins().uload8(types::I32, mem(), addr, wb.flag_offset);
        let hit = self.b.ins().band_imm_u(flags, wb.flag_mask as i64);
        let slow = self.b.create_block();
        let done = self.b.create_block();
        self.b.set_cold_block(slow);
        self.b.ins().brif(hit, slow, &[], done, &[]);
        self.b.seal_block(slow);
        self.b.switch_to_block(slow);
        let mut sig = Signature::new(self.env.frontend.default_call_conv);
        sig.params.push(AbiParam::new(types::I64));
        sig.params.push(AbiParam::new(types::I64));
        let sig = self.b.import_signature(sig);
        let f = self.iconst(wb.slow_path as i64);
        let state = match wb.state_offset {
            None => self.ctx,
            Some(off) => {
                let ctx = self.ctx;
                self.b.ins().load(types::I64, mem(), ctx, off)
            }
        };
        self.b.ins().call_indirect(sig, f, &[state, addr]);
        self.b.ins().jump(done, &[]);
        self.b.seal_block(done);
        self.b.switch_to_block(done);
    }

    fn lower_call(&mut self, i: usize, inst: &Inst) -> Result<(), LowerError> {
        let trace = self.env.trace;
        let (h, args) = trace.call_parts(inst);
        let decl = trace.helper(h);
        if self.helper_addr(h) == 0 {
            return Err(LowerError(format!(
                "v{i}: helper {} has no address",
                decl.name
            )));
        }
        let flags = trace.flags_of(inst);
        let protect = if flags.contains(Flags::COLLECT) {
            self.live.refs_live_across(trace, i)
        } else {
            Vec::new()
        };
        let args = args.to_vec();
        let collects = flags.contains(Flags::COLLECT);
        let result = self.call_helper(h, &args, &protect, collects);
        if flags.contains(Flags::RAISE) {
            if decl.ret == Type::Void {
                return Err(LowerError(format!(
                    "v{i}: raising helper {} returns nothing to signal failure with",
                    decl.name
                )));
            }
            let bits = if decl.ret == Type::F64 {
                self.b
                    .ins()
                    .bitcast(types::I64, MemFlagsData::new(), result)
            } else if decl.ret == Type::Bool {
                self.b.ins().uextend(types::I64, result)
            } else {
                result
            };
            let err = self.iconst(decl.error_value as i64);
            let failed = self.b.ins().icmp(IntCC::Equal, bits, err);
            let snap = self.snap_of(i, inst)?;
            self.guard(failed, false, snap);
        }
        if inst.ty != Type::Void {
            self.def(i, result);
        }
        Ok(())
    }

    /// The address of helper `h`: its declaration's, else the options'.
    fn helper_addr(&self, h: pyvm_tracer::HelperId) -> usize {
        let decl = self.env.trace.helper(h);
        if decl.addr != 0 {
            return decl.addr;
        }
        self.env
            .options
            .helper_addrs
            .get(&decl.name)
            .copied()
            .unwrap_or(0)
    }

    /// Calls helper `h` with the C ABI. If it may collect, the `ref` values
    /// in `protect` are spilled to the frame before and reloaded after.
    /// Returns the result (an unused zero for void helpers).
    fn call_helper(
        &mut self,
        h: pyvm_tracer::HelperId,
        args: &[IrRef],
        protect: &[IrRef],
        collects: bool,
    ) -> Value {
        let trace = self.env.trace;
        let decl = trace.helper(h);
        let mut sig = Signature::new(self.env.frontend.default_call_conv);
        let take_ctx = self.env.options.helpers_take_ctx;
        if take_ctx {
            sig.params.push(AbiParam::new(types::I64));
        }
        for &p in &decl.params {
            sig.params.push(AbiParam::new(clif_type(p)));
        }
        if decl.ret != Type::Void {
            sig.returns.push(AbiParam::new(clif_type(decl.ret)));
        }
        let sig = self.b.import_signature(sig);
        let mut vals: Vec<Value> = Vec::with_capacity(args.len() + 1);
        if take_ctx {
            vals.push(self.ctx);
        }
        for &a in args {
            let v = self.val(a);
            vals.push(v);
        }
        let protect: &[IrRef] = if collects { protect } else { &[] };
        let frame = self.frame;
        for (k, &r) in protect.iter().enumerate() {
            let v = self.val(r);
            self.b.ins().store(
                mem(),
                v,
                frame,
                Self::slot_off(self.env.spill_base + k as u32),
            );
        }
        let f = self.iconst(self.helper_addr(h) as i64);
        let call = self.b.ins().call_indirect(sig, f, &vals);
        let result = match self.b.inst_results(call).first() {
            Some(&v) => v,
            None => self.iconst(0),
        };
        if !protect.is_empty() {
            let clear = self.iconst(self.env.options.spill_clear_word as i64);
            for (k, &r) in protect.iter().enumerate() {
                let off = Self::slot_off(self.env.spill_base + k as u32);
                let v = self.b.ins().load(types::I64, mem(), frame, off);
                self.def(r.index(), v);
                self.b.ins().store(mem(), clear, frame, off);
            }
        }
        result
    }
}

/// The number of spill slots a trace needs: the most `ref` values live
/// across any one collecting call (or allocation rebuilt on exit).
pub(crate) fn count_spill_slots(trace: &Trace) -> usize {
    let live = Liveness::compute(trace);
    let mut most = 0;
    for (i, inst) in trace.insts().iter().enumerate() {
        if !inst.sunk && matches!(inst.op, Op::Call | Op::New) && trace.may_collect(inst) {
            most = most.max(live.refs_live_across(trace, i).len());
        }
        if let Some(snap) = inst.snap {
            let plan = trace.remat_plan(snap);
            if !plan.is_empty() {
                // Bounded by every ref the exit can name.
                let refs = crate::live::snapshot_uses(trace, snap)
                    .into_iter()
                    .filter(|r| !r.is_const() && trace.type_of(*r) == Type::Ref)
                    .count();
                most = most.max(refs + plan.len());
            }
        }
    }
    most
}

/// The highest frame slot the trace reads or writes, plus one.
pub(crate) fn count_frame_slots(trace: &Trace) -> u32 {
    let mut n = 0u32;
    for inst in trace.insts() {
        if let Operand::Slot(s) = inst.args[0] {
            n = n.max(s.0 + 1);
        }
    }
    for s in 0..trace.snap_count() {
        for e in trace.snap_entries(SnapId(s as u32)) {
            n = n.max(e.slot.0 + 1);
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trace_signature_is_tail_frame_ctx_to_i32() {
        let sig = trace_signature();
        assert_eq!(sig.call_conv, CallConv::Tail);
        assert_eq!(sig.params.len(), 2);
        assert_eq!(sig.returns, vec![AbiParam::new(types::I32)]);
    }

    #[test]
    fn bools_are_bytes_and_refs_are_words() {
        assert_eq!(clif_type(Type::Bool), types::I8);
        assert_eq!(clif_type(Type::Ref), types::I64);
        assert_eq!(clif_type(Type::F64), types::F64);
    }
}
