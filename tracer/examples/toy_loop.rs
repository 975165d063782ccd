//! A toy VM driving the tracer: it interprets a small register bytecode
//! with NaN-boxed values, records a trace when a loop gets hot, optimizes
//! it, prints the IR before and after, and runs it in the reference
//! interpreter (standing in for machine code) until a guard exits.
//!
//! A second program has a branch that changes direction half way: the
//! root trace's guard starts failing, the exit gets hot, and a side trace
//! recorded from it links back to the root (a trace tree).
//!
//! Run with `cargo run -p pyvm-tracer --example toy_loop`; its tests (same
//! results with and without traces, also with eager thresholds) run with
//! `cargo test -p pyvm-tracer`.

use std::collections::HashMap;

use pyvm_tracer::interp::{FakeHeap, Outcome, run};
use pyvm_tracer::opt::optimize;
use pyvm_tracer::{
    ExitAction, IrRef, JitParams, LoopAction, Op, Recorder, Trace, TraceId, TraceManager, Type,
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

/// Interprets one instruction; if recording, also records it. Each
/// instruction's semantics is written once, in one match arm, for both.
fn step(
    code: &[Ins],
    pc: usize,
    regs: &mut [u64],
    mut rec: Option<&mut Recorder>,
) -> Result<usize, String> {
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

/// Which trace is being recorded.
enum Goal {
    /// A root trace: it closes at this loop header.
    Root(usize),
    /// A side trace: it ends at the next loop header with a root trace.
    Side,
}

/// What a run reports.
struct Report {
    /// Instructions interpreted (recording included).
    interpreted: u64,
    /// Compiled (optimized) traces.
    traces: HashMap<TraceId, Trace>,
    /// Trace entries (roots entered from the interpreter).
    entries: u64,
}

/// Runs compiled trace `id` and whatever it exits or links to. Returns the
/// pc to resume at, and a side-trace recorder if an exit became hot.
fn run_tree(
    manager: &mut TraceManager<usize>,
    traces: &HashMap<TraceId, Trace>,
    mut id: TraceId,
    regs: &mut Vec<u64>,
    verbose: bool,
) -> (usize, Option<Recorder>) {
    loop {
        let trace = &traces[&id];
        match run(trace, regs, &mut FakeHeap::new(), u32::MAX as usize) {
            Outcome::Exit(exit) => {
                // The exit wrote the snapshot back; resume where it says (the
                // outermost frame: the toy VM does not inline calls).
                let pc = trace.snap_frames(exit)[0].pc as usize;
                match manager.at_exit(id, exit) {
                    ExitAction::Run(side) => id = side,
                    ExitAction::Interpret => return (pc, None),
                    ExitAction::Record => {
                        if verbose {
                            println!(
                                "exit {exit} of {id} is hot: recording a side trace at pc {pc}"
                            );
                        }
                        return (pc, Some(manager.start_side(trace, exit)));
                    }
                }
            }
            Outcome::Link(next) => id = next,
            Outcome::OutOfFuel => unreachable!("unbounded fuel"),
        }
    }
}

/// Runs `code` on `regs`, with the JIT if `params` are given.
fn execute(
    code: &[Ins],
    regs: &mut Vec<u64>,
    params: Option<JitParams>,
    verbose: bool,
) -> Result<Report, String> {
    let jit = params.is_some();
    let mut manager: TraceManager<usize> = TraceManager::new(params.unwrap_or_default());
    let mut report = Report {
        interpreted: 0,
        traces: HashMap::new(),
        entries: 0,
    };
    let mut recording: Option<(Recorder, Goal)> = None;
    let mut pc = 0;
    while pc != usize::MAX {
        let next = step(code, pc, regs, recording.as_mut().map(|r| &mut r.0))?;
        report.interpreted += 1;
        if let Some(reason) = recording.as_ref().and_then(|r| r.0.aborted()) {
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
        let action = manager.at_loop_header(&pc);
        // Finish a recording that reached its end.
        let finished = match (&recording, action) {
            (Some((_, Goal::Root(h))), _) if *h == pc => true,
            (Some((_, Goal::Side)), LoopAction::Run(_)) => true,
            _ => false,
        };
        if finished {
            let (mut rec, goal) = recording.take().expect("recording");
            rec.set_pc(pc as u64);
            let result = match (goal, action) {
                (Goal::Root(_), _) => rec.close_loop(),
                (Goal::Side, LoopAction::Run(root)) => rec.link_to(root),
                _ => unreachable!(),
            };
            match result {
                Ok(trace) => {
                    let opt = optimize(&trace);
                    if verbose {
                        println!(
                            "---- recorded {} ({} instructions)\n{trace}",
                            trace.id,
                            trace.len()
                        );
                        println!(
                            "---- optimized {} ({} instructions)\n{opt}",
                            opt.id,
                            opt.len()
                        );
                    }
                    manager.install(&opt);
                    if verbose {
                        for event in manager.take_events() {
                            println!("jit: {event}");
                        }
                        println!("jit: {}", opt.summary());
                    }
                    report.traces.insert(opt.id, opt);
                }
                Err(reason) => manager.abort(reason),
            }
        }
        match manager.at_loop_header(&pc) {
            LoopAction::Interpret => {}
            LoopAction::Record => {
                let mut rec = manager.start_root(&pc, pc as u64);
                rec.set_pc(pc as u64);
                recording = Some((rec, Goal::Root(pc)));
            }
            LoopAction::Run(_) if recording.is_some() => {}
            LoopAction::Run(id) => {
                report.entries += 1;
                let (resume, side) = run_tree(&mut manager, &report.traces, id, regs, verbose);
                pc = resume;
                recording = side.map(|r| (r, Goal::Side));
            }
        }
    }
    Ok(report)
}

/// `i = 0; acc = 0.0; while i < n: acc = acc + float(i) * 0.5; i = i + 1`
fn float_sum(n: i64) -> Vec<Ins> {
    vec![
        Ins::Int(0, 0),
        Ins::Int(1, n),
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
    ]
}

/// `while i < n: if i >= n / 2: acc += 2 else: acc += 1; i += 1`: the
/// branch changes direction half way, so the root trace's guard starts
/// failing and a side trace grows from that exit.
fn two_phases(n: i64) -> Vec<Ins> {
    vec![
        Ins::Int(0, 0),
        Ins::Int(1, n),
        Ins::Int(2, 0),
        Ins::Int(3, 1),
        Ins::Int(4, 2),
        Ins::Int(5, n / 2),
        Ins::JumpIfGe(0, 1, 13), // 6: loop header
        Ins::JumpIfGe(0, 5, 10),
        Ins::AddI(2, 2, 3),
        Ins::Jump(11),
        Ins::AddI(2, 2, 4), // 10
        Ins::AddI(0, 0, 3), // 11
        Ins::Jump(6),
        Ins::Halt, // 13
    ]
}

fn main() {
    let code = float_sum(100_000);
    let mut plain = vec![0u64; 6];
    let interp = execute(&code, &mut plain, None, false).expect("runs");
    let mut jitted = vec![0u64; 6];
    let params = JitParams {
        hot_loop: 3,
        ..JitParams::default()
    };
    let with_jit = execute(&code, &mut jitted, Some(params), true).expect("runs");
    assert_eq!(plain, jitted, "same result with and without the trace");
    println!(
        "acc = {} (interpreter alone: {} instructions interpreted; with the trace: {})",
        f64::from_bits(plain[2]),
        interp.interpreted,
        with_jit.interpreted
    );

    println!("\n==== a branch that changes direction: a side trace");
    let code = two_phases(1000);
    let mut plain = vec![0u64; 6];
    execute(&code, &mut plain, None, false).expect("runs");
    let mut jitted = vec![0u64; 6];
    let report = execute(&code, &mut jitted, Some(params), true).expect("runs");
    assert_eq!(plain, jitted);
    println!(
        "acc = {} with {} traces, {} interpreted instructions",
        unbox_int(jitted[2]),
        report.traces.len(),
        report.interpreted
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn modes() -> Vec<JitParams> {
        let eager = JitParams {
            hot_loop: 1,
            hot_exit: 1,
            ..JitParams::default()
        };
        vec![JitParams::default(), eager]
    }

    #[test]
    fn same_results_with_and_without_traces() {
        for code in [
            float_sum(0),
            float_sum(1),
            float_sum(500),
            two_phases(7),
            two_phases(300),
        ] {
            let mut want = vec![0u64; 6];
            execute(&code, &mut want, None, false).unwrap();
            for params in modes() {
                let mut got = vec![0u64; 6];
                execute(&code, &mut got, Some(params), false).unwrap();
                assert_eq!(got, want, "{code:?} with {params:?}");
            }
        }
    }

    #[test]
    fn hot_exit_grows_a_side_trace_that_links_back() {
        let mut regs = vec![0u64; 6];
        let params = JitParams {
            hot_loop: 2,
            hot_exit: 3,
            ..JitParams::default()
        };
        let report = execute(&two_phases(400), &mut regs, Some(params), false).unwrap();
        assert_eq!(unbox_int(regs[2]), 200 + 2 * 200);
        let side: Vec<&Trace> = report
            .traces
            .values()
            .filter(|t| t.parent.is_some())
            .collect();
        assert_eq!(side.len(), 1, "one side trace");
        assert_eq!(side[0].insts().last().unwrap().op, Op::Link);
        // The loop runs almost entirely in traces.
        assert!(report.interpreted < 100, "{}", report.interpreted);
    }
}
