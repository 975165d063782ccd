//! A toy VM driving the tracer: it interprets a small register bytecode
//! with NaN-boxed values, records a trace when a loop gets hot, optimizes
//! it, prints the IR before and after, and runs it in the reference
//! interpreter (standing in for machine code) until a guard exits.
//!
//! Run with `cargo run -p pyvm-tracer --example toy_loop`.

use pyvm_tracer::interp::{FakeHeap, Outcome, run};
use pyvm_tracer::opt::optimize;
use pyvm_tracer::{
    ExitAction, IrRef, JitParams, LoopAction, Op, Recorder, Trace, TraceManager, Type,
};

/// Values are 64-bit words: a float is its own bits; an int is
/// `INT_TAG | 48-bit payload` (a NaN pattern no arithmetic produces).
const TAG_MASK: u64 = 0xffff_0000_0000_0000;
const INT_TAG: u64 = 0x7ffc_0000_0000_0000;

fn box_int(i: i64) -> u64 {
    INT_TAG | (i as u64 & !TAG_MASK)
}

fn unbox_int(w: u64) -> i64 {
    ((w << 16) as i64) >> 16
}

#[derive(Clone, Copy, Debug)]
enum Ins {
    /// `d = int`
    Int(u32, i64),
    /// `d = float`
    Float(u32, f64),
    /// `d = a + b` on ints (overflow of the 48-bit payload is an error).
    AddI(u32, u32, u32),
    /// `d = a + b` on floats.
    AddF(u32, u32, u32),
    /// `d = a * b` on floats.
    MulF(u32, u32, u32),
    /// `d = float(a)`.
    IToF(u32, u32),
    /// `if a >= b (ints): goto target`.
    JumpIfGe(u32, u32, usize),
    /// `goto target` (a backward jump closes a loop).
    Jump(usize),
    /// Stop.
    Halt,
}

/// The slice of the interpreter's state the recorder mirrors: for each
/// register, the IR value it holds in the trace being recorded.
struct Recording {
    rec: Recorder,
    header: usize,
}

/// Interprets one instruction; if recording, also records it. Each
/// instruction's semantics is written once, in one match arm, for both.
fn step(
    code: &[Ins],
    pc: usize,
    regs: &mut [u64],
    rec: Option<&mut Recording>,
) -> Result<usize, String> {
    let mut rec = rec.map(|r| &mut r.rec);
    if let Some(r) = rec.as_deref_mut() {
        r.set_pc(pc as u64);
    }
    let is_int = |w: u64| w & TAG_MASK == INT_TAG;
    match code[pc] {
        Ins::Int(d, i) => {
            regs[d as usize] = box_int(i);
            if let Some(r) = rec {
                let k = r.konst(Type::I64, box_int(i));
                r.set_slot(d, k);
            }
        }
        Ins::Float(d, f) => {
            regs[d as usize] = f.to_bits();
            if let Some(r) = rec {
                let k = r.konst(Type::I64, f.to_bits());
                r.set_slot(d, k);
            }
        }
        Ins::AddI(d, a, b) => {
            let (x, y) = (regs[a as usize], regs[b as usize]);
            if !is_int(x) || !is_int(y) {
                return Err("AddI on a non-int".into());
            }
            // Shifting the payload to the top makes 64-bit overflow
            // exactly 48-bit overflow.
            let sum = ((x << 16) as i64)
                .checked_add((y << 16) as i64)
                .ok_or("int overflow")?;
            regs[d as usize] = INT_TAG | (sum as u64 >> 16);
            if let Some(r) = rec {
                let (xa, ya) = (r.slot(a, Type::I64), r.slot(b, Type::I64));
                r.guard_tag(xa, TAG_MASK, INT_TAG);
                r.guard_tag(ya, TAG_MASK, INT_TAG);
                let s16 = r.kint(16);
                let xs = r.emit(Op::Shl, Type::I64, &[xa, s16]);
                let ys = r.emit(Op::Shl, Type::I64, &[ya, s16]);
                let sum = r.arith_ov(Op::AddOv, xs, ys);
                let payload = r.emit(Op::Shr, Type::I64, &[sum, s16]);
                let tag = r.kint(INT_TAG as i64);
                let v = r.emit(Op::Or, Type::I64, &[payload, tag]);
                r.set_slot(d, v);
            }
        }
        Ins::AddF(d, a, b) | Ins::MulF(d, a, b) => {
            let (x, y) = (regs[a as usize], regs[b as usize]);
            if is_int(x) || is_int(y) {
                return Err("float op on an int".into());
            }
            let (fx, fy) = (f64::from_bits(x), f64::from_bits(y));
            let add = matches!(code[pc], Ins::AddF(..));
            regs[d as usize] = if add { fx + fy } else { fx * fy }.to_bits();
            if let Some(r) = rec {
                let fv: Vec<IrRef> = [a, b]
                    .iter()
                    .map(|&s| {
                        let w = r.slot(s, Type::I64);
                        let m = r.kint(TAG_MASK as i64);
                        let t = r.emit(Op::And, Type::I64, &[w, m]);
                        let tag = r.kint(INT_TAG as i64);
                        r.emit(Op::GNe, Type::Void, &[t, tag]);
                        r.cast(w, Type::F64)
                    })
                    .collect();
                let op = if add { Op::FAdd } else { Op::FMul };
                let v = r.emit(op, Type::F64, &fv);
                let w = r.cast(v, Type::I64);
                r.set_slot(d, w);
            }
        }
        Ins::IToF(d, a) => {
            let x = regs[a as usize];
            if !is_int(x) {
                return Err("IToF on a non-int".into());
            }
            regs[d as usize] = (unbox_int(x) as f64).to_bits();
            if let Some(r) = rec {
                let xa = r.slot(a, Type::I64);
                r.guard_tag(xa, TAG_MASK, INT_TAG);
                let s16 = r.kint(16);
                let up = r.emit(Op::Shl, Type::I64, &[xa, s16]);
                let i = r.emit(Op::Sar, Type::I64, &[up, s16]);
                let f = r.emit(Op::I2F, Type::F64, &[i]);
                let w = r.cast(f, Type::I64);
                r.set_slot(d, w);
            }
        }
        Ins::JumpIfGe(a, b, target) => {
            let (x, y) = (regs[a as usize], regs[b as usize]);
            if !is_int(x) || !is_int(y) {
                return Err("compare on a non-int".into());
            }
            let taken = unbox_int(x) >= unbox_int(y);
            if let Some(r) = rec {
                let (xa, ya) = (r.slot(a, Type::I64), r.slot(b, Type::I64));
                r.guard_tag(xa, TAG_MASK, INT_TAG);
                r.guard_tag(ya, TAG_MASK, INT_TAG);
                let s16 = r.kint(16);
                let xs = r.emit(Op::Shl, Type::I64, &[xa, s16]);
                let ys = r.emit(Op::Shl, Type::I64, &[ya, s16]);
                let c = r.emit(Op::Ge, Type::Bool, &[xs, ys]);
                // The trace follows the direction taken now; the other
                // direction exits.
                r.guard_bool(c, taken);
            }
            return Ok(if taken { target } else { pc + 1 });
        }
        Ins::Jump(target) => return Ok(target),
        Ins::Halt => return Ok(usize::MAX),
    }
    Ok(pc + 1)
}

/// Runs `code` on `regs`, with the JIT if `jit` is set. Returns the number
/// of instructions interpreted and the traces compiled.
fn execute(
    code: &[Ins],
    regs: &mut Vec<u64>,
    jit: bool,
    verbose: bool,
) -> Result<(u64, Vec<Trace>), String> {
    let mut manager: TraceManager<usize> = TraceManager::new(JitParams {
        hot_loop: 3,
        ..JitParams::default()
    });
    let mut compiled: Vec<Trace> = Vec::new();
    let mut recording: Option<Recording> = None;
    let mut interpreted = 0u64;
    let mut pc = 0;
    while pc != usize::MAX {
        let next = step(code, pc, regs, recording.as_mut())?;
        interpreted += 1;
        if let Some(r) = recording.as_ref()
            && let Some(reason) = r.rec.aborted()
        {
            if verbose {
                println!("trace aborted: {reason}");
            }
            manager.abort(reason.clone());
            recording = None;
        }
        let backward = next <= pc;
        pc = next;
        if !jit || !backward {
            continue;
        }
        if let Some(mut r) = recording.take_if(|r| r.header == pc) {
            r.rec.set_pc(pc as u64);
            match r.rec.close_loop() {
                Ok(trace) => {
                    let opt = optimize(&trace);
                    if verbose {
                        println!("---- recorded ({} instructions)\n{trace}", trace.len());
                        println!("---- optimized ({} instructions)\n{opt}", opt.len());
                    }
                    manager.install(&opt);
                    compiled.push(opt);
                }
                Err(reason) => manager.abort(reason),
            }
        }
        match manager.at_loop_header(&pc) {
            LoopAction::Interpret => {}
            LoopAction::Record => {
                let mut rec = manager.start_root(&pc, pc as u64);
                rec.set_pc(pc as u64);
                recording = Some(Recording { rec, header: pc });
            }
            LoopAction::Run(id) => {
                let trace = &compiled[id.index()];
                match run(trace, regs, &mut FakeHeap::new(), u32::MAX as usize) {
                    Outcome::Exit(exit) => {
                        // Resume where the snapshot says (the outermost frame:
                        // the toy VM does not inline calls).
                        pc = trace.snap_frames(exit)[0].pc as usize;
                        if verbose {
                            println!("trace {id} left through exit {exit}, resuming at pc {pc}");
                        }
                        if let ExitAction::Record = manager.at_exit(id, exit) {
                            // A side trace would be recorded here; the toy
                            // VM keeps interpreting instead.
                            manager.abort(pyvm_tracer::AbortReason::Vm(
                                "toy VM records no side traces".into(),
                            ));
                        }
                    }
                    other => return Err(format!("unexpected {other:?}")),
                }
            }
        }
    }
    Ok((interpreted, compiled))
}

fn main() {
    // i = 0; n = 100000; acc = 0.0; half = 0.5; one = 1
    // while i < n: acc = acc + float(i) * half; i = i + one
    let code = [
        Ins::Int(0, 0),
        Ins::Int(1, 100_000),
        Ins::Float(2, 0.0),
        Ins::Float(3, 0.5),
        Ins::Int(4, 1),
        Ins::JumpIfGe(0, 1, 11), // 5: loop header
        Ins::IToF(5, 0),
        Ins::MulF(5, 5, 3),
        Ins::AddF(2, 2, 5),
        Ins::AddI(0, 0, 4),
        Ins::Jump(5),
        Ins::Halt, // 11
    ];
    let mut plain = vec![0u64; 6];
    let (steps_plain, _) = execute(&code, &mut plain, false, false).expect("runs");
    let mut jitted = vec![0u64; 6];
    let (steps_jit, traces) = execute(&code, &mut jitted, true, true).expect("runs");
    let acc = f64::from_bits(plain[2]);
    assert_eq!(plain, jitted, "same result with and without the trace");
    println!(
        "acc = {acc} (interpreter alone: {steps_plain} instructions interpreted; with the trace: {steps_jit})"
    );
    let body = traces[0]
        .insts()
        .iter()
        .skip_while(|i| i.op != Op::Loop)
        .count();
    println!("optimized loop body: {body} IR instructions per iteration");
}
