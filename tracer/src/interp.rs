//! A reference interpreter for the trace IR.
//!
//! It runs a trace against a slot array and a [`Heap`] (a tiny fake one,
//! [`FakeHeap`], is provided) and reports the exit taken, after writing the
//! snapshot back exactly as compiled code must (rematerialising sunk
//! allocations). It is the executable definition of each op's semantics and
//! lets tests check that optimizer passes preserve behaviour without
//! generating machine code.

use std::collections::HashMap;

use crate::ir::{HelperId, IrRef, Op, Operand, SnapId, TraceId, Type};
use crate::trace::{HelperDecl, Trace};

/// Memory and helpers, as seen by the reference interpreter.
pub trait Heap {
    /// Reads the word at `addr`.
    fn load(&mut self, addr: u64) -> u64;
    /// Writes the word at `addr`.
    fn store(&mut self, addr: u64, value: u64);
    /// Calls a helper; returns its result word.
    fn call(&mut self, id: HelperId, decl: &HelperDecl, args: &[u64]) -> u64;
}

/// How a run ended.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Outcome {
    /// Left through exit (snapshot) `SnapId`; the slots hold its state.
    Exit(SnapId),
    /// Reached `link` to another trace; the slots hold its snapshot state.
    Link(TraceId),
    /// Ran `fuel` loop iterations without leaving.
    OutOfFuel,
}

/// A helper of a [`FakeHeap`]: gets the heap and the argument words.
pub type FakeHelper = Box<dyn FnMut(&mut FakeHeap, &[u64]) -> u64>;

/// A small word-addressed heap with a bump allocator and named helpers.
#[derive(Default)]
pub struct FakeHeap {
    /// Memory, word by address.
    pub mem: HashMap<u64, u64>,
    /// Next address the bump allocator hands out.
    pub next: u64,
    helpers: HashMap<String, FakeHelper>,
    /// Number of helper calls made (by name).
    pub calls: HashMap<String, u32>,
}

impl FakeHeap {
    /// An empty heap allocating from address `0x1000` on.
    pub fn new() -> FakeHeap {
        FakeHeap {
            next: 0x1000,
            ..FakeHeap::default()
        }
    }

    /// Allocates `words` zeroed words; returns the address.
    pub fn alloc(&mut self, words: u64) -> u64 {
        let a = self.next;
        self.next += 8 * words.max(1);
        for i in 0..words {
            self.mem.insert(a + 8 * i, 0);
        }
        a
    }

    /// Provides helper `name`.
    pub fn define(&mut self, name: &str, f: impl FnMut(&mut FakeHeap, &[u64]) -> u64 + 'static) {
        self.helpers.insert(name.to_string(), Box::new(f));
    }
}

impl Heap for FakeHeap {
    fn load(&mut self, addr: u64) -> u64 {
        self.mem.get(&addr).copied().unwrap_or(0)
    }

    fn store(&mut self, addr: u64, value: u64) {
        self.mem.insert(addr, value);
    }

    fn call(&mut self, _id: HelperId, decl: &HelperDecl, args: &[u64]) -> u64 {
        *self.calls.entry(decl.name.clone()).or_default() += 1;
        let mut f = self
            .helpers
            .remove(&decl.name)
            .unwrap_or_else(|| panic!("helper {} not defined", decl.name));
        let r = f(self, args);
        self.helpers.insert(decl.name.clone(), f);
        r
    }
}

fn val(trace: &Trace, vals: &[u64], r: IrRef) -> u64 {
    match trace.get_const(r) {
        Some(c) => c.bits,
        None => vals[r.index()],
    }
}

fn f(bits: u64) -> f64 {
    f64::from_bits(bits)
}

fn b(x: bool) -> u64 {
    x as u64
}

/// Evaluates a pure op on operand words (`None` for ops that are not pure
/// arithmetic). Shared with constant folding, so that folding and execution
/// cannot disagree.
pub fn eval_pure(op: Op, a: u64, bb: u64) -> Option<u64> {
    let (x, y) = (a as i64, bb as i64);
    Some(match op {
        Op::Add => x.wrapping_add(y) as u64,
        Op::Sub => x.wrapping_sub(y) as u64,
        Op::Mul => x.wrapping_mul(y) as u64,
        Op::And => a & bb,
        Op::Or => a | bb,
        Op::Xor => a ^ bb,
        Op::Shl => a.wrapping_shl(bb as u32 & 63),
        Op::Shr => a.wrapping_shr(bb as u32 & 63),
        Op::Sar => x.wrapping_shr(bb as u32 & 63) as u64,
        Op::Neg => x.wrapping_neg() as u64,
        Op::Eq => b(a == bb),
        Op::Ne => b(a != bb),
        Op::Lt => b(x < y),
        Op::Le => b(x <= y),
        Op::Gt => b(x > y),
        Op::Ge => b(x >= y),
        Op::Not => b(a == 0),
        Op::FAdd => (f(a) + f(bb)).to_bits(),
        Op::FSub => (f(a) - f(bb)).to_bits(),
        Op::FMul => (f(a) * f(bb)).to_bits(),
        Op::FDiv => (f(a) / f(bb)).to_bits(),
        Op::FNeg => (-f(a)).to_bits(),
        Op::FEq => b(f(a) == f(bb)),
        Op::FNe => b(f(a) != f(bb)),
        Op::FLt => b(f(a) < f(bb)),
        Op::FLe => b(f(a) <= f(bb)),
        Op::FGt => b(f(a) > f(bb)),
        Op::FGe => b(f(a) >= f(bb)),
        Op::I2F => (x as f64).to_bits(),
        Op::F2I => f(a) as i64 as u64,
        Op::F2Bits | Op::Bits2F | Op::Ref2I | Op::I2Ref | Op::Ptr2I | Op::I2Ptr | Op::B2I => a,
        _ => return None,
    })
}

/// Evaluates an overflow-checked op: `None` if it overflows.
pub fn eval_ov(op: Op, a: u64, bb: u64) -> Option<u64> {
    let (x, y) = (a as i64, bb as i64);
    match op {
        Op::AddOv => x.checked_add(y),
        Op::SubOv => x.checked_sub(y),
        Op::MulOv => x.checked_mul(y),
        _ => None,
    }
    .map(|v| v as u64)
}

/// Writes snapshot `snap` back into `slots`, rebuilding sunk allocations.
pub fn restore_snapshot(
    trace: &Trace,
    snap: SnapId,
    vals: &mut [u64],
    slots: &mut Vec<u64>,
    heap: &mut dyn Heap,
) {
    for remat in trace.remat_plan(snap) {
        let h = remat.helper;
        let words: Vec<u64> = remat.args.iter().map(|a| val(trace, vals, *a)).collect();
        let obj = heap.call(h, trace.helper(h), &words);
        vals[remat.alloc.index()] = obj;
        for (off, v) in remat.fields {
            let addr = (obj & trace.ref_addr_mask).wrapping_add(off as i64 as u64);
            heap.store(addr, val(trace, vals, v));
        }
    }
    for e in trace.snap_entries(snap) {
        let i = e.slot.index();
        if slots.len() <= i {
            slots.resize(i + 1, 0);
        }
        slots[i] = val(trace, vals, e.value);
    }
}

/// Runs `trace` on `slots` (grown as needed) for at most `fuel` loop
/// iterations (back edges or links to itself).
///
/// The trace must verify ([`Trace::verify`]); a [`FakeHeap`] panics when
/// the trace calls a helper it does not define.
pub fn run(trace: &Trace, slots: &mut Vec<u64>, heap: &mut dyn Heap, fuel: usize) -> Outcome {
    run_impl(trace, slots, heap, fuel, None)
}

/// Like [`run`], but the values [`Trace::exit_only`] marks are not computed
/// on the main path, only when an exit needs them: what a backend that
/// uses `exit_only` does. Tests compare it with [`run`].
pub fn run_deferring_exit_values(
    trace: &Trace,
    slots: &mut Vec<u64>,
    heap: &mut dyn Heap,
    fuel: usize,
) -> Outcome {
    let lazy = trace.exit_only();
    run_impl(trace, slots, heap, fuel, Some(&lazy))
}

/// Computes the deferred values an exit before instruction `at` may need.
fn compute_deferred(
    trace: &Trace,
    lazy: &[bool],
    at: usize,
    vals: &mut [u64],
    heap: &mut dyn Heap,
) {
    for i in (0..at.min(lazy.len())).filter(|&i| lazy[i]) {
        let inst = &trace.insts()[i];
        vals[i] = if inst.op == Op::Call {
            let (h, args) = trace.call_parts(inst);
            let words: Vec<u64> = args.iter().map(|a| val(trace, vals, *a)).collect();
            heap.call(h, trace.helper(h), &words)
        } else {
            let a = val(trace, vals, inst.arg(0));
            let b = if inst.op.info().operands.len() > 1 {
                val(trace, vals, inst.arg(1))
            } else {
                0
            };
            let v = eval_pure(inst.op, a, b)
                .unwrap_or_else(|| panic!("{} is not pure arithmetic", inst.op));
            if inst.ty == Type::Bool { v & 1 } else { v }
        };
    }
}

fn run_impl(
    trace: &Trace,
    slots: &mut Vec<u64>,
    heap: &mut dyn Heap,
    fuel: usize,
    lazy: Option<&[bool]>,
) -> Outcome {
    let insts = trace.insts();
    let mut vals = vec![0u64; insts.len()];
    let loop_at = trace.loop_index();
    let mut fuel = fuel;
    let mut pc = 0;
    loop {
        let inst = &insts[pc];
        let arg = |i: usize, vals: &[u64]| val(trace, vals, inst.arg(i));
        let exit = |vals: &mut Vec<u64>, slots: &mut Vec<u64>, heap: &mut dyn Heap| {
            let s = inst.snap.expect("guard has a snapshot");
            if let Some(l) = lazy {
                compute_deferred(trace, l, trace.snap(s).at as usize, vals, heap);
            }
            restore_snapshot(trace, s, vals, slots, heap);
            Outcome::Exit(s)
        };
        if inst.sunk || lazy.is_some_and(|l| l[pc]) {
            pc += 1;
            continue;
        }
        let mut result = 0;
        match inst.op {
            Op::Nop | Op::Loop => {}
            Op::Phi => result = arg(0, &vals),
            Op::SLoad => {
                let Operand::Slot(s) = inst.args[0] else {
                    unreachable!()
                };
                result = slots.get(s.index()).copied().unwrap_or(0);
            }
            Op::Again => {
                let l = loop_at.expect("again needs loop");
                if fuel == 0 {
                    return Outcome::OutOfFuel;
                }
                fuel -= 1;
                let phis: Vec<(usize, u64)> = (l + 1..insts.len())
                    .take_while(|&i| insts[i].op == Op::Phi)
                    .map(|i| (i, val(trace, &vals, insts[i].arg(1))))
                    .collect();
                for (i, v) in phis {
                    vals[i] = v;
                }
                pc = l + 1;
                while insts[pc].op == Op::Phi {
                    pc += 1;
                }
                continue;
            }
            Op::Link => {
                let s = inst.snap.expect("link has a snapshot");
                if let Some(l) = lazy {
                    compute_deferred(trace, l, pc, &mut vals, heap);
                }
                restore_snapshot(trace, s, &mut vals, slots, heap);
                let Operand::Trace(t) = inst.args[0] else {
                    unreachable!()
                };
                if t != trace.id {
                    return Outcome::Link(t);
                }
                if fuel == 0 {
                    return Outcome::OutOfFuel;
                }
                fuel -= 1;
                pc = 0;
                continue;
            }
            Op::Exit => return exit(&mut vals, slots, heap),
            Op::AddOv | Op::SubOv | Op::MulOv => {
                match eval_ov(inst.op, arg(0, &vals), arg(1, &vals)) {
                    Some(v) => result = v,
                    None => return exit(&mut vals, slots, heap),
                }
            }
            Op::GTrue | Op::GFalse => {
                if (arg(0, &vals) != 0) != (inst.op == Op::GTrue) {
                    return exit(&mut vals, slots, heap);
                }
            }
            Op::GTag => {
                if arg(0, &vals) & arg(1, &vals) != arg(2, &vals) {
                    return exit(&mut vals, slots, heap);
                }
            }
            Op::GEq | Op::GNe => {
                if (arg(0, &vals) == arg(1, &vals)) != (inst.op == Op::GEq) {
                    return exit(&mut vals, slots, heap);
                }
            }
            Op::GVer => {
                if heap.load(arg(0, &vals)) != arg(1, &vals) {
                    return exit(&mut vals, slots, heap);
                }
            }
            Op::FLoad | Op::PLoad => {
                let base = arg(0, &vals);
                let base = if inst.op == Op::FLoad {
                    base & trace.ref_addr_mask
                } else {
                    base
                };
                result = heap.load(base.wrapping_add(inst.off() as i64 as u64));
            }
            Op::FStore | Op::PStore => {
                let base = arg(0, &vals);
                let base = if inst.op == Op::FStore {
                    base & trace.ref_addr_mask
                } else {
                    base
                };
                heap.store(base.wrapping_add(inst.off() as i64 as u64), arg(2, &vals));
            }
            Op::New | Op::Call => {
                let (h, args) = trace.call_parts(inst);
                let words: Vec<u64> = args.iter().map(|a| val(trace, &vals, *a)).collect();
                let decl = trace.helper(h);
                result = heap.call(h, decl, &words);
                if inst.op == Op::Call
                    && decl.effects.contains(crate::Flags::RAISE)
                    && result == decl.error_value
                {
                    return exit(&mut vals, slots, heap);
                }
            }
            op => {
                let a = arg(0, &vals);
                let bb = if op.info().operands.len() > 1 {
                    arg(1, &vals)
                } else {
                    0
                };
                result = eval_pure(op, a, bb).unwrap_or_else(|| panic!("no semantics for {op}"));
            }
        }
        if inst.ty == Type::Bool {
            result &= 1;
        }
        vals[pc] = result;
        pc += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_to_the_limit_then_exits_with_state() {
        let t = Trace::parse(
            "trace t0
             snap0 [s0 pc 0]
             v0 = sload.i64 s0
             v1 = addov.i64 v0, 1 snap0
             v2 = lt.bool v1, 10
             snap1 [s0 pc 1] s0=v1
             gtrue v2 snap1
             link t0 snap1",
        )
        .unwrap();
        let mut slots = vec![0];
        let out = run(&t, &mut slots, &mut FakeHeap::new(), 100);
        assert_eq!(out, Outcome::Exit(SnapId(1)));
        assert_eq!(slots, vec![10]);
        slots[0] = i64::MAX as u64;
        assert_eq!(
            run(&t, &mut slots, &mut FakeHeap::new(), 100),
            Outcome::Exit(SnapId(0))
        );
        assert_eq!(
            slots[0],
            i64::MAX as u64,
            "overflow exit leaves the slot unchanged"
        );
    }

    #[test]
    fn sunk_allocation_is_rebuilt_on_exit() {
        let t = Trace::parse(
            "trace t0
             helper h0 box(f64) -> ref [alloc collect]
             v0 = sload.f64 s0
             v1 = fadd.f64 v0, 0.5
             v2 = new.ref h0(v1) sunk
             fstore v2, +8, v1 sunk
             snap0 [s0 pc 3] s1=v2
             exit snap0",
        )
        .unwrap();
        let mut heap = FakeHeap::new();
        heap.define("box", |h, _| h.alloc(2));
        let mut slots = vec![1.0f64.to_bits(), 0];
        assert_eq!(run(&t, &mut slots, &mut heap, 1), Outcome::Exit(SnapId(0)));
        assert_eq!(heap.calls["box"], 1);
        assert_eq!(f64::from_bits(heap.mem[&(slots[1] + 8)]), 1.5);
    }
}
