//! minivm: a small dynamically typed register VM built only on the
//! workspace's crates: objects live on a `pyvm-gc` heap and get hidden
//! classes from `pyvm-objmodel`'s shape tree; the interpreter drives
//! `pyvm-tracer`'s recorder; hot loops run as machine code from
//! `pyvm-codegen`. Shared by the example, its tests and its benchmark.
//!
//! Values are 64-bit words, NaN-boxed:
//!
//! ```text
//!  63      48 47                                            0
//! +----------+-----------------------------------------------+
//! |  0xfffa  |        48-bit two's complement integer        |   int
//! +----------+-----------------------------------------------+
//! |  0xfffb  |        48-bit address of a heap object        |   object
//! +----------+-----------------------------------------------+
//! |           any other pattern: an IEEE 754 double          |   float
//! +----------------------------------------------------------+
//! ```
//!
//! No float operation produces these tags (hardware NaNs are 0x7ff8… or
//! 0xfff8…), so the tag test alone tells the types apart.
//!
//! An object is a GC object whose payload is `[shape id, 4, slot0..slot3]`:
//! at most four attributes, placed by the shape.
//!
//! Each instruction's semantics is written once, in [`step`]: it executes
//! the instruction and, when a recorder is active, records what it did
//! (guards on the types and branch directions it saw, then the operation).

#![allow(dead_code)]

use std::collections::HashMap;

use pyvm_codegen::{CodeCache, CompileOptions, Compiler, VmCtx, WriteBarrier};
use pyvm_gc::barrier::{HEADER_OFFSET, UNLOGGED_BIT, write_barrier_slow};
use pyvm_gc::{Config, Heap, Mutator, ObjectRef, Tracer, VMBinding};
use pyvm_objmodel::{ShapeId, ShapeTree, SlotIndex, Symbol};
use pyvm_tracer::opt::optimize;
use pyvm_tracer::{
    ExitAction, Flags, HelperDecl, IrRef, JitParams, LoopAction, Op, Recorder, Trace, TraceId,
    TraceManager, Type,
};

/// Bits that hold the type tag.
pub const TAG_MASK: u64 = 0xffff_0000_0000_0000;
/// The tag of ints.
pub const INT_TAG: u64 = 0xfffa_0000_0000_0000;
/// The tag of objects.
pub const OBJ_TAG: u64 = 0xfffb_0000_0000_0000;
/// The address bits of an object word.
pub const ADDR_MASK: u64 = !TAG_MASK;
/// Attributes an object can hold.
pub const OBJ_SLOTS: usize = 4;
/// Byte offset of the shape word from an object's address.
const SHAPE_OFF: i32 = 8;
/// Byte offset of slot `k` is `SLOT0_OFF + 8 * k`.
const SLOT0_OFF: i32 = 24;
const PAYLOAD_SHIFT: i64 = 16;

/// An int value (the payload keeps the low 48 bits).
pub fn int(i: i64) -> u64 {
    INT_TAG | (i as u64 & !TAG_MASK)
}

/// A float value.
pub fn float(f: f64) -> u64 {
    f.to_bits()
}

/// Whether a word is an int.
pub fn is_int(w: u64) -> bool {
    w & TAG_MASK == INT_TAG
}

/// Whether a word is an object.
pub fn is_obj(w: u64) -> bool {
    w & TAG_MASK == OBJ_TAG
}

/// The integer of an int word.
pub fn int_of(w: u64) -> i64 {
    ((w << PAYLOAD_SHIFT) as i64) >> PAYLOAD_SHIFT
}

/// The number of a word as a float.
pub fn float_of(w: u64) -> f64 {
    if is_int(w) {
        int_of(w) as f64
    } else {
        f64::from_bits(w)
    }
}

/// A register number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reg(pub u32);

/// An instruction index.
pub type Pc = usize;

/// One instruction.
#[derive(Clone, Copy, Debug)]
pub enum Ins {
    /// `d = value`
    Const(Reg, u64),
    /// `d = a + b` (int + int stays int and fails on 48-bit overflow;
    /// anything else is float)
    Add(Reg, Reg, Reg),
    /// `d = a - b`
    Sub(Reg, Reg, Reg),
    /// `d = a * b`
    Mul(Reg, Reg, Reg),
    /// `d = a % b` on ints (sign of the dividend); fails on zero.
    Rem(Reg, Reg, Reg),
    /// `if a < b: goto target`
    JumpIfLt(Reg, Reg, Pc),
    /// `if a == 0 (int): goto target`
    JumpIfZero(Reg, Pc),
    /// `goto target` (backward: a loop)
    Jump(Pc),
    /// `d = a`
    Move(Reg, Reg),
    /// `d = f(...)`: calls the function at `entry` with a register window
    /// starting at register `base` of the caller (arguments already there).
    Call(Reg, Pc, Reg),
    /// Returns register `a` to the caller's destination register.
    Ret(Reg),
    /// `d = new object` (no attributes)
    New(Reg),
    /// `d = obj.name`
    GetAttr(Reg, Reg, u32),
    /// `obj.name = v`
    SetAttr(Reg, u32, Reg),
    /// Stop.
    Halt,
}

/// A program: code and the number of registers it uses.
#[derive(Clone, Debug)]
pub struct Program {
    /// Name, for reports.
    pub name: &'static str,
    /// Instructions.
    pub code: Vec<Ins>,
    /// The main program's registers (its result). Registers above them
    /// are call windows: a callee's registers, dead once it returns.
    pub regs: usize,
}

/// The VM helper traces call for `%` (the IR has no division).
pub extern "C" fn vm_rem(_vm: *mut VmCtx, a: i64, b: i64) -> i64 {
    a.wrapping_rem(b)
}

fn rem_helper() -> HelperDecl {
    let mut h = HelperDecl::new("vm_rem", &[Type::I64, Type::I64], Type::I64, Flags::PURE);
    h.addr = vm_rem as *const () as usize;
    h
}

/// The VM helper traces call to allocate an object (may collect).
pub extern "C" fn vm_new(vm: *mut VmCtx) -> u64 {
    // SAFETY: traces get the running `Vm` as their context, and no Rust
    // borrow of it is active while native code runs.
    let vm = unsafe { &mut *vm.cast::<Vm>() };
    vm.new_object()
}

fn new_helper() -> HelperDecl {
    let mut h = HelperDecl::new(
        "vm_new",
        &[],
        Type::Ref,
        Flags(Flags::ALLOC.0 | Flags::COLLECT.0),
    );
    h.addr = vm_new as *const () as usize;
    h
}

/// The GC binding: objects as described in the module docs; roots are the
/// register file (every object word in it).
pub struct MiniGc;

/// Where the register file is, for root scanning.
pub struct Regs {
    ptr: usize,
    len: usize,
}

fn trace_value<T: Tracer>(slot: *mut u64, t: &mut T) {
    // SAFETY: callers pass words of live objects or of the register file.
    unsafe {
        let w = *slot;
        if is_obj(w)
            && let Some(r) = ObjectRef::from_address((w & ADDR_MASK) as usize)
        {
            *slot = OBJ_TAG | t.trace(r).address() as u64;
        }
    }
}

// SAFETY: every object has the payload layout of the module docs.
unsafe impl VMBinding for MiniGc {
    type MutatorRoots = Regs;

    fn object_size(_o: ObjectRef) -> usize {
        8 * (2 + OBJ_SLOTS)
    }

    fn trace_object<T: Tracer>(o: ObjectRef, t: &mut T) {
        let p = o.payload() as *mut u64;
        for k in 0..OBJ_SLOTS {
            // SAFETY: within the payload.
            trace_value(unsafe { p.add(2 + k) }, t);
        }
    }

    fn scan_roots<T: Tracer>(roots: &mut Regs, t: &mut T) {
        for i in 0..roots.len {
            trace_value((roots.ptr as *mut u64).wrapping_add(i), t);
        }
    }
}

/// Registers a called function may use.
pub const FRAME_REGS: usize = 16;
/// Deepest call stack.
pub const MAX_FRAMES: usize = 1000;

/// A called function's frame (the main program has none).
#[derive(Clone, Copy, Debug)]
pub struct Frame {
    base: usize,
    ret_pc: Pc,
    dest: Reg,
}

/// The running VM: what traces get as their context. The first field is
/// the mutator state the write barrier's slow path needs.
#[repr(C)]
pub struct Vm {
    barrier_state: *mut u8,
    mutator: Mutator<MiniGc>,
    shapes: ShapeTree,
    /// The register file (plus spill slots of traces).
    pub regs: Vec<u64>,
    frames: Vec<Frame>,
}

impl Vm {
    fn new(regs: usize, gc: Config) -> Box<Vm> {
        let heap = Heap::<MiniGc>::new(gc).expect("heap");
        let mutator = heap.mutator(Regs { ptr: 0, len: 0 }).expect("mutator");
        let mut vm = Box::new(Vm {
            barrier_state: std::ptr::null_mut(),
            mutator,
            shapes: ShapeTree::new(),
            regs: vec![int(0); regs],
            frames: Vec::new(),
        });
        vm.barrier_state = vm.mutator.state_ptr();
        vm.sync_roots();
        vm
    }

    /// Tells the collector where the register file is now.
    fn sync_roots(&mut self) {
        let roots = self.mutator.roots_mut();
        roots.ptr = self.regs.as_mut_ptr() as usize;
        roots.len = self.regs.len();
    }

    fn grow_regs(&mut self, len: usize) {
        if self.regs.len() < len {
            self.regs.resize(len, int(0));
            self.sync_roots();
        }
    }

    /// Allocates an empty object (may collect: registers are roots).
    fn new_object(&mut self) -> u64 {
        let o = self
            .mutator
            .alloc(8 * (2 + OBJ_SLOTS))
            .expect("heap")
            .object_ref();
        let p = o.payload() as *mut u64;
        // SAFETY: the payload was just allocated with this size.
        unsafe {
            p.write(self.shapes.root().as_u32() as u64);
            p.add(1).write(OBJ_SLOTS as u64);
            for k in 0..OBJ_SLOTS {
                p.add(2 + k).write(int(0));
            }
        }
        OBJ_TAG | o.address() as u64
    }
}

fn payload_of(obj: u64) -> *mut u64 {
    ((obj & ADDR_MASK) as usize + 8) as *mut u64
}

fn shape_of(obj: u64) -> ShapeId {
    // SAFETY: `obj` is a live object word (checked by callers).
    ShapeId::from_u32(unsafe { *payload_of(obj) } as u32)
}

fn slot_ptr(obj: u64, slot: SlotIndex) -> *mut u64 {
    payload_of(obj).wrapping_add(2 + slot.as_usize())
}

/// Records: the object in register `r` (guarding its tag and shape).
fn rec_obj(rec: &mut Recorder, r: Reg, shape: ShapeId) -> IrRef {
    let o = rec.slot(r.0, Type::Ref);
    rec.guard_tag(o, TAG_MASK, OBJ_TAG);
    rec.guard_shape(o, SHAPE_OFF, shape.as_u32() as u64);
    o
}

/// Records: guards on the type class of word `v` as seen now, returning it
/// typed `ref` for objects (so the backend keeps it GC-safe), else `i64`.
fn rec_classify(rec: &mut Recorder, v: IrRef, seen: u64) -> IrRef {
    if is_obj(seen) {
        let v = rec.cast(v, Type::Ref);
        rec.guard_tag(v, TAG_MASK, OBJ_TAG);
        v
    } else if is_int(seen) {
        rec.guard_tag(v, TAG_MASK, INT_TAG);
        v
    } else {
        rec_not_tagged(rec, v);
        v
    }
}

/// Records: guards that word `w` is a float (neither tag).
fn rec_not_tagged(rec: &mut Recorder, w: IrRef) {
    let m = rec.kint(TAG_MASK as i64);
    let tag = rec.emit(Op::And, Type::I64, &[w, m]);
    for t in [INT_TAG, OBJ_TAG] {
        let k = rec.kint(t as i64);
        rec.emit(Op::GNe, Type::Void, &[tag, k]);
    }
}

/// Records: the int payload of register `r` (guarding that it is an int).
fn rec_int(rec: &mut Recorder, r: Reg) -> IrRef {
    let w = rec.slot(r.0, Type::I64);
    rec.guard_tag(w, TAG_MASK, INT_TAG);
    let s = rec.kint(PAYLOAD_SHIFT);
    let up = rec.emit(Op::Shl, Type::I64, &[w, s]);
    rec.emit(Op::Sar, Type::I64, &[up, s])
}

/// Records: register `r` as an f64 (guarding its type as seen now).
fn rec_float(rec: &mut Recorder, r: Reg, was_int: bool) -> IrRef {
    if was_int {
        let i = rec_int(rec, r);
        return rec.emit(Op::I2F, Type::F64, &[i]);
    }
    let w = rec.slot(r.0, Type::I64);
    rec_not_tagged(rec, w);
    rec.emit(Op::Bits2F, Type::F64, &[w])
}

/// Records: box an int payload (already known to fit in 48 bits).
fn rec_box_int(rec: &mut Recorder, payload: IrRef) -> IrRef {
    let m = rec.kint(!TAG_MASK as i64);
    let low = rec.emit(Op::And, Type::I64, &[payload, m]);
    let t = rec.kint(INT_TAG as i64);
    rec.emit(Op::Or, Type::I64, &[low, t])
}

/// Executes instruction `pc` (recording it if `rec` is given) and returns
/// the next pc (`None` at `Halt`).
pub fn step(
    code: &[Ins],
    pc: Pc,
    vm: &mut Vm,
    rec: Option<&mut Recorder>,
) -> Result<Option<Pc>, String> {
    let base = vm.frames.last().map_or(0, |f| f.base);
    let mut rec = rec;
    let regs = &mut vm.regs;
    if let Some(r) = rec.as_deref_mut() {
        r.set_pc(pc as u64);
    }
    match code[pc] {
        Ins::Const(d, v) => {
            regs[base + d.0 as usize] = v;
            if let Some(r) = rec {
                let k = r.konst(Type::I64, v);
                r.set_slot(d.0, k);
            }
        }
        Ins::Add(d, a, b) | Ins::Sub(d, a, b) | Ins::Mul(d, a, b) => {
            let (x, y) = (regs[base + a.0 as usize], regs[base + b.0 as usize]);
            let ins = code[pc];
            if is_obj(x) || is_obj(y) {
                return Err("arithmetic on an object".into());
            }
            if is_int(x) && is_int(y) {
                let (i, j) = (int_of(x), int_of(y));
                // 48-bit overflow is 64-bit overflow of the payloads
                // shifted to the top.
                let (hi, hj) = (i << PAYLOAD_SHIFT, j << PAYLOAD_SHIFT);
                let res = match ins {
                    Ins::Add(..) => hi.checked_add(hj),
                    Ins::Sub(..) => hi.checked_sub(hj),
                    _ => i.checked_mul(hj),
                }
                .ok_or("integer overflow")?;
                regs[base + d.0 as usize] = int(res >> PAYLOAD_SHIFT);
                if let Some(r) = rec {
                    let (pi, pj) = (rec_int(r, a), rec_int(r, b));
                    let s = r.kint(PAYLOAD_SHIFT);
                    let hj = r.emit(Op::Shl, Type::I64, &[pj, s]);
                    let hres = match ins {
                        Ins::Add(..) => {
                            let hi = r.emit(Op::Shl, Type::I64, &[pi, s]);
                            r.arith_ov(Op::AddOv, hi, hj)
                        }
                        Ins::Sub(..) => {
                            let hi = r.emit(Op::Shl, Type::I64, &[pi, s]);
                            r.arith_ov(Op::SubOv, hi, hj)
                        }
                        _ => r.arith_ov(Op::MulOv, pi, hj),
                    };
                    let res = r.emit(Op::Sar, Type::I64, &[hres, s]);
                    let v = rec_box_int(r, res);
                    r.set_slot(d.0, v);
                }
            } else {
                let (f, g) = (float_of(x), float_of(y));
                let res = match ins {
                    Ins::Add(..) => f + g,
                    Ins::Sub(..) => f - g,
                    _ => f * g,
                };
                regs[base + d.0 as usize] = float(res);
                if let Some(r) = rec {
                    let (ff, fg) = (rec_float(r, a, is_int(x)), rec_float(r, b, is_int(y)));
                    let op = match ins {
                        Ins::Add(..) => Op::FAdd,
                        Ins::Sub(..) => Op::FSub,
                        _ => Op::FMul,
                    };
                    let v = r.emit(op, Type::F64, &[ff, fg]);
                    let w = r.emit(Op::F2Bits, Type::I64, &[v]);
                    r.set_slot(d.0, w);
                }
            }
        }
        Ins::Rem(d, a, b) => {
            let (x, y) = (regs[base + a.0 as usize], regs[base + b.0 as usize]);
            if !is_int(x) || !is_int(y) {
                return Err("% needs ints".into());
            }
            if int_of(y) == 0 {
                return Err("integer modulo by zero".into());
            }
            regs[base + d.0 as usize] = int(vm_rem(std::ptr::null_mut(), int_of(x), int_of(y)));
            if let Some(r) = rec {
                let (pi, pj) = (rec_int(r, a), rec_int(r, b));
                let zero = r.kint(0);
                r.emit(Op::GNe, Type::Void, &[pj, zero]);
                let h = r.declare_helper(rem_helper());
                let res = r.call(h, &[pi, pj]);
                let v = rec_box_int(r, res);
                r.set_slot(d.0, v);
            }
        }
        Ins::JumpIfLt(a, b, target) => {
            let (x, y) = (regs[base + a.0 as usize], regs[base + b.0 as usize]);
            if is_obj(x) || is_obj(y) {
                return Err("comparison with an object".into());
            }
            let ints = is_int(x) && is_int(y);
            let taken = if ints {
                int_of(x) < int_of(y)
            } else {
                float_of(x) < float_of(y)
            };
            if let Some(r) = rec {
                let c = if ints {
                    let (pi, pj) = (rec_int(r, a), rec_int(r, b));
                    r.emit(Op::Lt, Type::Bool, &[pi, pj])
                } else {
                    let (f, g) = (rec_float(r, a, is_int(x)), rec_float(r, b, is_int(y)));
                    r.emit(Op::FLt, Type::Bool, &[f, g])
                };
                r.guard_bool(c, taken);
            }
            return Ok(Some(if taken { target } else { pc + 1 }));
        }
        Ins::JumpIfZero(a, target) => {
            let x = regs[base + a.0 as usize];
            if !is_int(x) {
                return Err("test of a non-int".into());
            }
            let taken = int_of(x) == 0;
            if let Some(r) = rec {
                let w = r.slot(a.0, Type::I64);
                let z = r.kint(int(0) as i64);
                let c = r.emit(Op::Eq, Type::Bool, &[w, z]);
                r.guard_bool(c, taken);
            }
            return Ok(Some(if taken { target } else { pc + 1 }));
        }
        Ins::Jump(target) => return Ok(Some(target)),
        Ins::Halt => return Ok(None),
        Ins::Call(d, entry, b) => {
            if vm.frames.len() >= MAX_FRAMES {
                return Err("call stack too deep".into());
            }
            vm.frames.push(Frame {
                base: base + b.0 as usize,
                ret_pc: pc + 1,
                dest: d,
            });
            let top = vm.frames.last().expect("just pushed").base + FRAME_REGS;
            vm.grow_regs(top);
            if let Some(r) = rec {
                r.push_frame(b.0, (pc + 1) as u64, entry as u64);
            }
            return Ok(Some(entry));
        }
        Ins::Ret(a) => {
            let v = regs[base + a.0 as usize];
            let Some(frame) = vm.frames.pop() else {
                return Err("return from the main program".into());
            };
            let caller = vm.frames.last().map_or(0, |f| f.base);
            vm.regs[caller + frame.dest.0 as usize] = v;
            if let Some(r) = rec {
                let rv = r.slot(a.0, if is_obj(v) { Type::Ref } else { Type::I64 });
                let rv = rec_classify(r, rv, v);
                r.pop_frame();
                r.set_slot(frame.dest.0, rv);
            }
            return Ok(Some(frame.ret_pc));
        }
        Ins::Move(d, a) => {
            let v = regs[base + a.0 as usize];
            regs[base + d.0 as usize] = v;
            if let Some(r) = rec {
                let rv = r.slot(a.0, if is_obj(v) { Type::Ref } else { Type::I64 });
                let rv = rec_classify(r, rv, v);
                r.set_slot(d.0, rv);
            }
        }
        Ins::New(d) => {
            let o = vm.new_object();
            vm.regs[base + d.0 as usize] = o;
            if let Some(r) = rec {
                let h = r.declare_helper(new_helper());
                let v = r.new_object(h, &[]);
                r.set_slot(d.0, v);
            }
        }
        Ins::GetAttr(d, o, name) => {
            let obj = regs[base + o.0 as usize];
            if !is_obj(obj) {
                return Err("attribute of a non-object".into());
            }
            let shape = shape_of(obj);
            let slot = vm
                .shapes
                .get(shape)
                .slot_of(Symbol::new(name))
                .ok_or_else(|| format!("no attribute {name}"))?;
            // SAFETY: `obj` is a live object and `slot` one of its slots.
            let v = unsafe { *slot_ptr(obj, slot) };
            vm.regs[base + d.0 as usize] = v;
            if let Some(r) = rec {
                let ro = rec_obj(r, o, shape);
                let off = SLOT0_OFF + 8 * slot.as_usize() as i32;
                let ty = if is_obj(v) { Type::Ref } else { Type::I64 };
                let rv = r.fload(ro, off, ty);
                let rv = rec_classify(r, rv, v);
                r.set_slot(d.0, rv);
            }
        }
        Ins::SetAttr(o, name, v) => {
            let (obj, val) = (regs[base + o.0 as usize], regs[base + v.0 as usize]);
            if !is_obj(obj) {
                return Err("attribute of a non-object".into());
            }
            let shape = shape_of(obj);
            let sym = Symbol::new(name);
            let (slot, new_shape) = match vm.shapes.get(shape).slot_of(sym) {
                Some(slot) => (slot, None),
                None => {
                    let to = vm.shapes.add_key(shape, sym).ok_or("too many attributes")?;
                    let slot = vm.shapes.get(to).slot_of(sym).expect("just added");
                    if slot.as_usize() >= OBJ_SLOTS {
                        return Err("too many attributes".into());
                    }
                    (slot, Some(to))
                }
            };
            // SAFETY: `obj` is a live object; `slot` is within its payload.
            unsafe {
                if let Some(to) = new_shape {
                    *payload_of(obj) = to.as_u32() as u64;
                }
                *slot_ptr(obj, slot) = val;
            }
            if is_obj(val) {
                let target = ObjectRef::from_address((obj & ADDR_MASK) as usize).expect("object");
                // SAFETY: `target` is a live object read from a register
                // since the last safepoint.
                unsafe { vm.mutator.write_barrier(target) };
            }
            if let Some(r) = rec {
                let ro = rec_obj(r, o, shape);
                let rv = r.slot(v.0, if is_obj(val) { Type::Ref } else { Type::I64 });
                let rv = rec_classify(r, rv, val);
                if let Some(to) = new_shape {
                    let k = r.kint(to.as_u32() as i64);
                    r.fstore(ro, SHAPE_OFF, k);
                }
                r.fstore(ro, SLOT0_OFF + 8 * slot.as_usize() as i32, rv);
            }
        }
    }
    Ok(Some(pc + 1))
}

/// How to run a program.
#[derive(Clone, Copy, Debug)]
pub enum Mode {
    /// The interpreter alone.
    Interpret,
    /// With the JIT.
    Jit(JitParams),
}

/// What a run did.
#[derive(Clone, Debug, Default)]
pub struct Stats {
    /// Instructions interpreted (recording included).
    pub interpreted: u64,
    /// Traces compiled (root and side).
    pub traces: usize,
    /// Side traces among them.
    pub side_traces: usize,
    /// Times native code was entered from the interpreter.
    pub entries: u64,
}

enum Goal {
    Root(Pc),
    Side,
}

/// The JIT state of one run.
struct Jit {
    compiler: Compiler,
    cache: CodeCache,
    manager: TraceManager<Pc>,
    traces: HashMap<TraceId, Trace>,
    /// The most frame words any installed trace uses.
    frame_words: usize,
}

impl Jit {
    fn new(params: JitParams) -> Jit {
        let options = CompileOptions {
            helpers_take_ctx: true,
            spill_clear_word: int(0),
            write_barrier: Some(WriteBarrier {
                flag_offset: HEADER_OFFSET as i32,
                flag_mask: UNLOGGED_BIT as u8,
                slow_path: write_barrier_slow::<MiniGc> as *const () as usize,
                state_offset: Some(0),
            }),
            ..CompileOptions::default()
        };
        let mut compiler = Compiler::host(options).expect("host ISA");
        let cache = CodeCache::new(&mut compiler).expect("code cache");
        Jit {
            compiler,
            cache,
            manager: TraceManager::new(params),
            traces: HashMap::new(),
            frame_words: 0,
        }
    }

    /// Optimizes, compiles and installs a finished recording.
    fn install(&mut self, trace: Trace, stats: &mut Stats) {
        let opt = optimize(&trace);
        match self.cache.compile_and_install(&mut self.compiler, &opt) {
            Ok(code) => {
                self.frame_words = self.frame_words.max(code.frame_words());
                self.manager.install(&opt);
                stats.traces += 1;
                stats.side_traces += opt.parent.is_some() as usize;
                self.traces.insert(opt.id, opt);
            }
            Err(e) => self
                .manager
                .abort(pyvm_tracer::AbortReason::Vm(e.to_string())),
        }
    }

    /// Runs root trace `id` natively; returns where to resume and, if the
    /// exit it left through is hot, a recorder for a side trace.
    fn run_trace(&mut self, id: TraceId, vm: &mut Vm, code: &[Ins]) -> (Pc, Option<Recorder>) {
        let entry_base = vm.frames.last().map_or(0, |f| f.base);
        vm.grow_regs(entry_base + self.frame_words);
        let frame = vm.regs[entry_base..].as_mut_ptr();
        let ctx = (vm as *mut Vm).cast::<VmCtx>();
        // SAFETY: the register file has every word any installed trace
        // uses (from the frame it is entered at) and is a GC root; helpers
        // and the barrier get the `Vm`.
        let token = unsafe { self.cache.entry(id).enter(frame, ctx) }.expect("installed");
        let site = self.cache.resolve_exit(token).expect("valid exit");
        let trace = &self.traces[&site.trace];
        // Rebuild the frames of calls the trace inlined (outermost first;
        // the first is the frame the trace was entered in).
        let frames = trace.snap_frames(site.snap);
        for k in 1..frames.len() {
            let ret_pc = frames[k - 1].pc as Pc;
            let Ins::Call(dest, _, _) = code[ret_pc - 1] else {
                unreachable!("an inlined frame returns after a call");
            };
            let base = entry_base + frames[k].base.index();
            vm.frames.push(Frame { base, ret_pc, dest });
            vm.grow_regs(base + FRAME_REGS);
        }
        let pc = frames[frames.len() - 1].pc as Pc;
        match self.manager.at_exit(site.trace, site.snap) {
            ExitAction::Record => {
                let rec = self.manager.start_side(trace, site.snap);
                (pc, Some(rec))
            }
            // A side trace attached to this exit is entered by the exit
            // itself; if we get here it was not, so interpret.
            ExitAction::Run(_) | ExitAction::Interpret => (pc, None),
        }
    }
}

/// Runs `program` from zeroed (int 0) registers on a heap configured by
/// `gc`; returns the registers, objects replaced by a description of their
/// contents (addresses differ between runs).
pub fn run(program: &Program, mode: Mode, gc: Config) -> Result<(Vec<u64>, Stats), String> {
    let mut vm = Vm::new(program.regs + FRAME_REGS, gc);
    let mut stats = Stats::default();
    let mut jit = match mode {
        Mode::Interpret => None,
        Mode::Jit(params) => Some(Jit::new(params)),
    };
    let mut recording: Option<(Recorder, Goal)> = None;
    let mut pc = 0;
    loop {
        let next = step(
            &program.code,
            pc,
            &mut vm,
            recording.as_mut().map(|r| &mut r.0),
        )?;
        stats.interpreted += 1;
        let Some(next) = next else { break };
        let is_jump = matches!(
            program.code[pc],
            Ins::Jump(_) | Ins::JumpIfLt(..) | Ins::JumpIfZero(..)
        );
        let backward = is_jump && next <= pc;
        pc = next;
        let Some(jit) = jit.as_mut() else { continue };
        if let Some(reason) = recording.as_ref().and_then(|r| r.0.aborted()) {
            jit.manager.abort(reason.clone());
            recording = None;
        }
        if !backward {
            continue;
        }
        let action = jit.manager.at_loop_header(&pc);
        let done = match (&recording, action) {
            (Some((_, Goal::Root(h))), _) => *h == pc,
            (Some((_, Goal::Side)), LoopAction::Run(_)) => true,
            _ => false,
        };
        if done {
            let (mut rec, goal) = recording.take().expect("recording");
            rec.set_ref_addr_mask(ADDR_MASK);
            rec.set_pc(pc as u64);
            let finished = match (goal, action) {
                (Goal::Root(_), _) => rec.close_loop(),
                (Goal::Side, LoopAction::Run(root)) => rec.link_to(root),
                _ => unreachable!("checked above"),
            };
            match finished {
                Ok(trace) => jit.install(trace, &mut stats),
                Err(reason) => jit.manager.abort(reason),
            }
        }
        match jit.manager.at_loop_header(&pc) {
            LoopAction::Interpret => {}
            LoopAction::Record => {
                let rec = jit.manager.start_root(&pc, pc as u64);
                recording = Some((rec, Goal::Root(pc)));
            }
            LoopAction::Run(_) if recording.is_some() => {}
            LoopAction::Run(id) => {
                stats.entries += 1;
                let (resume, side) = jit.run_trace(id, &mut vm, &program.code);
                pc = resume;
                recording = side.map(|r| (r, Goal::Side));
            }
        }
    }
    vm.mutator
        .verify()
        .map_err(|e| format!("heap verification: {e}"))?;
    let regs = vm.regs[..program.regs]
        .iter()
        .map(|&w| describe(w, 3))
        .collect();
    Ok((regs, stats))
}

/// A word with objects replaced by a hash of their contents (to `depth`
/// levels), so runs with different heaps compare equal.
fn describe(w: u64, depth: u32) -> u64 {
    if !is_obj(w) {
        return w;
    }
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut mix = |x: u64| h = (h ^ x).wrapping_mul(0x100_0000_01b3);
    // SAFETY: `w` is a live object reachable from the registers.
    unsafe {
        mix(*payload_of(w));
        for k in 0..OBJ_SLOTS {
            let v = *payload_of(w).add(2 + k);
            mix(if depth == 0 && is_obj(v) {
                OBJ_TAG
            } else {
                describe(v, depth.saturating_sub(1))
            });
        }
    }
    OBJ_TAG | (h & ADDR_MASK)
}

fn r(n: u32) -> Reg {
    Reg(n)
}

/// `s = 0; i = 0; while i < n: s = s + i; i = i + 1`
pub fn int_sum(n: i64) -> Program {
    Program {
        name: "numeric loop (int sum)",
        code: vec![
            Ins::Const(r(0), int(0)), // i
            Ins::Const(r(1), int(n)),
            Ins::Const(r(2), int(0)), // s
            Ins::Const(r(3), int(1)),
            Ins::JumpIfLt(r(0), r(1), 6), // 4: loop header
            Ins::Halt,
            Ins::Add(r(2), r(2), r(0)), // 6
            Ins::Add(r(0), r(0), r(3)),
            Ins::Jump(4),
        ],
        regs: 4,
    }
}

/// `x = 0.5; i = 0; while i < n: x = x * 0.999 + float(i) * 0.001; i += 1`
pub fn float_mix(n: i64) -> Program {
    Program {
        name: "float loop",
        code: vec![
            Ins::Const(r(0), int(0)),
            Ins::Const(r(1), int(n)),
            Ins::Const(r(2), float(0.5)),
            Ins::Const(r(3), float(0.999)),
            Ins::Const(r(4), float(0.001)),
            Ins::Const(r(5), int(1)),
            Ins::JumpIfLt(r(0), r(1), 8), // 6: loop header
            Ins::Halt,
            Ins::Mul(r(2), r(2), r(3)), // 8
            Ins::Mul(r(6), r(0), r(4)),
            Ins::Add(r(2), r(2), r(6)),
            Ins::Add(r(0), r(0), r(5)),
            Ins::Jump(6),
        ],
        regs: 7,
    }
}

/// `while i < n: if i % 3 == 0: a += i else: b = b * 1.5 - b * 0.5 + 1;
/// i += 1` -- a branch taken one time in three: the root trace follows
/// the common path, a side trace the other.
pub fn branchy(n: i64) -> Program {
    Program {
        name: "polymorphic branch (side trace)",
        code: vec![
            Ins::Const(r(0), int(0)), // i
            Ins::Const(r(1), int(n)),
            Ins::Const(r(2), int(0)),     // a
            Ins::Const(r(3), float(0.0)), // b
            Ins::Const(r(4), int(3)),
            Ins::Const(r(5), int(1)),
            Ins::Const(r(8), float(1.5)),
            Ins::Const(r(9), float(0.5)),
            Ins::JumpIfLt(r(0), r(1), 10), // 8: loop header
            Ins::Halt,
            Ins::Rem(r(6), r(0), r(4)), // 10
            Ins::JumpIfZero(r(6), 17),
            Ins::Mul(r(7), r(3), r(8)), // 12: common path
            Ins::Mul(r(6), r(3), r(9)),
            Ins::Sub(r(7), r(7), r(6)),
            Ins::Add(r(3), r(7), r(5)),
            Ins::Jump(18),
            Ins::Add(r(2), r(2), r(0)), // 17: one in three
            Ins::Add(r(0), r(0), r(5)), // 18
            Ins::Jump(8),
        ],
        regs: 10,
    }
}

/// `p = new; p.x = 0; p.y = 1.5; while i < n: p.x = p.x + i;
/// p.y = p.y * 0.999; i += 1` -- attribute loads and stores behind shape
/// guards.
pub fn attributes(n: i64) -> Program {
    let (x, y) = (0, 1);
    Program {
        name: "object attribute loop",
        code: vec![
            Ins::Const(r(0), int(0)),
            Ins::Const(r(1), int(n)),
            Ins::Const(r(3), int(1)),
            Ins::Const(r(4), float(1.5)),
            Ins::Const(r(5), float(0.999)),
            Ins::New(r(2)),
            Ins::SetAttr(r(2), x, r(0)),
            Ins::SetAttr(r(2), y, r(4)),
            Ins::JumpIfLt(r(0), r(1), 10), // 8: loop header
            Ins::Halt,
            Ins::GetAttr(r(6), r(2), x), // 10
            Ins::Add(r(6), r(6), r(0)),
            Ins::SetAttr(r(2), x, r(6)),
            Ins::GetAttr(r(6), r(2), y),
            Ins::Mul(r(6), r(6), r(5)),
            Ins::SetAttr(r(2), y, r(6)),
            Ins::Add(r(0), r(0), r(3)),
            Ins::Jump(8),
        ],
        regs: 7,
    }
}

/// `head = 0; while i < n: c = new; c.v = i; c.next = head; head = c;
/// i += 1; s = s + head.v` -- allocation in the loop: collections move
/// everything while the trace runs; storing `head` into the new cell needs
/// the write barrier once the cell is old.
pub fn linked_list(n: i64) -> Program {
    let (v, next) = (0, 1);
    Program {
        name: "allocation loop (linked list)",
        code: vec![
            Ins::Const(r(0), int(0)),
            Ins::Const(r(1), int(n)),
            Ins::Const(r(2), int(0)), // head
            Ins::Const(r(3), int(1)),
            Ins::Const(r(5), int(0)),     // s
            Ins::JumpIfLt(r(0), r(1), 7), // 5: loop header
            Ins::Halt,
            Ins::New(r(4)), // 7
            Ins::SetAttr(r(4), v, r(0)),
            Ins::SetAttr(r(4), next, r(2)),
            Ins::Move(r(2), r(4)),
            Ins::Add(r(0), r(0), r(3)),
            Ins::GetAttr(r(6), r(2), v),
            Ins::Add(r(5), r(5), r(6)),
            Ins::Jump(5),
        ],
        regs: 7,
    }
}

/// `while i < n: s = s + f(i, 3)` with `f(a, b) = a * b + a`: a call in
/// the loop, inlined into the trace.
pub fn calls(n: i64) -> Program {
    const F: Pc = 13;
    Program {
        name: "call-heavy loop",
        code: vec![
            Ins::Const(r(0), int(0)), // i
            Ins::Const(r(1), int(n)),
            Ins::Const(r(2), int(0)), // s
            Ins::Const(r(3), int(1)),
            Ins::JumpIfLt(r(0), r(1), 6), // 4: loop header
            Ins::Halt,
            Ins::Move(r(8), r(0)), // 6: arguments at the window base
            Ins::Const(r(9), int(3)),
            Ins::Call(r(4), F, r(8)),
            Ins::Add(r(2), r(2), r(4)),
            Ins::Add(r(0), r(0), r(3)),
            Ins::Jump(4),
            Ins::Halt,
            Ins::Mul(r(2), r(0), r(1)), // 13: f(a, b)
            Ins::Add(r(2), r(2), r(0)),
            Ins::Ret(r(2)),
        ],
        regs: 8,
    }
}

/// `i` counts up by 1 from near the 48-bit limit: the int add overflows
/// and the program fails with the same error with and without the JIT.
pub fn overflowing(start: i64) -> Program {
    Program {
        name: "int overflow",
        code: vec![
            Ins::Const(r(0), int(start)),
            Ins::Const(r(1), int(1)),
            Ins::Add(r(0), r(0), r(1)), // 2: loop header
            Ins::Jump(2),
        ],
        regs: 2,
    }
}
