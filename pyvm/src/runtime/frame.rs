//! Frames of the VM frame stack.
//!
//! A frame is a window of registers in [`super::binding::Roots::stack`]
//! (`base..base + nregs`) plus this record. Python-to-Python calls push a
//! frame and go on in the same dispatch loop; nothing of a Python frame
//! lives on the Rust stack.

use std::sync::Arc;

use pyvm_bytecode::CodeObject;
use pyvm_objmodel::Value;

/// Where a returning frame's value goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReturnTo {
    /// Into this absolute register of the caller's window.
    Register(usize),
    /// Back to the native caller that entered the dispatch loop.
    Native,
    /// The frame runs `__init__` for a class call made by the dispatch
    /// loop: this absolute register of the caller already holds the new
    /// instance; the return value must be None (else TypeError), and an
    /// exception leaving the frame empties the register.
    Init(usize),
    /// The frame runs the left operand's `__op__` for a binary operation
    /// of the dispatch loop (`interp/binary_frame.rs`): the result goes
    /// into this absolute register of the caller, except NotImplemented,
    /// on which the rest of the operation runs.
    Binary(usize),
}

/// One activation on the frame stack.
pub struct Frame {
    /// The code being run.
    pub code: Arc<CodeObject>,
    /// Its instructions, decoded once (see [`super::code::CodeBox`]).
    pub decoded: Arc<[super::code::Decoded]>,
    /// The code object on the heap (its materialized constants and names).
    pub code_obj: Value,
    /// The function being run, or EMPTY for module code.
    pub func: Value,
    /// The globals dict.
    pub globals: Value,
    /// The locals mapping (module and class bodies), or EMPTY.
    pub locals: Value,
    /// The frame's cells (`cell_names` then `free_names`) as a tuple, or EMPTY.
    pub cells: Value,
    /// Pending keyword names for the next call (a tuple), or EMPTY.
    pub kwnames: Value,
    /// First register of the window in the stack.
    pub base: usize,
    /// Word index of the next instruction.
    pub pc: usize,
    /// Word index of the instruction being run (for tracebacks and the
    /// exception table).
    pub last_pc: usize,
    /// Where the return value goes.
    pub ret: ReturnTo,
    /// The generator this frame runs, or EMPTY.
    pub generator: Value,
    /// The frame object viewing this frame (`frame_obj.rs`), or EMPTY
    /// until one is asked for.
    pub frame_obj: Value,
}

impl Frame {
    /// Applies `f` to every heap-reference slot of the frame record.
    pub fn trace_values(&mut self, mut f: impl FnMut(&mut Value)) {
        f(&mut self.code_obj);
        f(&mut self.func);
        f(&mut self.globals);
        f(&mut self.locals);
        f(&mut self.cells);
        f(&mut self.kwnames);
        f(&mut self.generator);
        f(&mut self.frame_obj);
    }

    /// The source line of the instruction being run.
    pub fn line(&self) -> u32 {
        self.code
            .locations
            .get(self.last_pc)
            .map(|l| l.line)
            .unwrap_or(self.code.first_line)
    }
}
