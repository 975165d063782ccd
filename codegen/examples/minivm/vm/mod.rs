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

// The example, its tests and its benchmark each use a different subset.
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

mod heap;
mod jit;
mod programs;
mod step;
mod value;

pub use heap::*;
pub use jit::*;
pub use programs::*;
pub use step::*;
pub use value::*;

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
