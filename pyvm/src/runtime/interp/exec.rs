//! The executor hook: how one instruction definition serves several
//! executors (invariant 6).
//!
//! Each instruction's semantics is written once, in [`super::step`]; the
//! dispatch loop is generic over an [`Executor`] and calls it at the points
//! where a trace recorder must learn what happened: the classes of operands
//! that a specialized or compiled version would guard on, the direction of
//! branches, the callee of calls, and loop back-edges. The plain
//! interpreter uses [`Run`], whose hooks are empty and inline away; the
//! trace recorder (issue: tracer glue) will implement the same trait and
//! emit IR with guards from these observations, so an instruction cannot be
//! interpreted one way and recorded another.

use pyvm_bytecode::Opcode;
use pyvm_objmodel::Value;

/// Observations of one running instruction.
pub trait Executor {
    /// An instruction at word `pc` is about to run.
    #[inline(always)]
    fn on_instruction(&mut self, pc: usize, op: Opcode) {
        let _ = (pc, op);
    }
    /// Operands of a binary operation or comparison (guard candidates).
    #[inline(always)]
    fn on_operands(&mut self, lhs: Value, rhs: Value) {
        let _ = (lhs, rhs);
    }
    /// A conditional branch went `taken`.
    #[inline(always)]
    fn on_branch(&mut self, taken: bool) {
        let _ = taken;
    }
    /// A call is made to `callee`.
    #[inline(always)]
    fn on_call(&mut self, callee: Value) {
        let _ = callee;
    }
    /// A backward jump to `target` (a loop header: where traces start).
    #[inline(always)]
    fn on_back_edge(&mut self, target: usize) {
        let _ = target;
    }
}

/// The plain interpreter: observes nothing.
pub struct Run;

impl Executor for Run {}

/// Counts what it observes (used by tests to check the hooks fire).
#[derive(Default, Debug)]
pub struct Counting {
    /// Instructions run.
    pub instructions: u64,
    /// Back edges taken.
    pub back_edges: u64,
    /// Calls made.
    pub calls: u64,
}

impl Executor for Counting {
    fn on_instruction(&mut self, _: usize, _: Opcode) {
        self.instructions += 1;
    }
    fn on_call(&mut self, _: Value) {
        self.calls += 1;
    }
    fn on_back_edge(&mut self, _: usize) {
        self.back_edges += 1;
    }
}
