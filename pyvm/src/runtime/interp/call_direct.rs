//! `Call`/`CallMethod` of a Python function with exactly its positional
//! parameters, set up directly in the new frame.
//!
//! The generic path (`call_from_loop` → `invoke` → `push_function_frame`)
//! copies the arguments to the temps, decides what kind of callable it
//! has, and binds from the temps into the new window. When the callee is a
//! plain function (kind `Function`) whose code takes exactly `n`
//! positional parameters (no keyword-only, `*args`, `**kwargs`), has no
//! cells or free variables, is not a generator or coroutine, and no
//! keyword names are pending, that binding is a copy from the caller's
//! registers into the new window: this does it with no allocation and no
//! temps, and leaves everything else (and every other call) to the
//! generic path. The checks are what the generic binding tests, read from
//! the function's current code object each time (`__code__` and
//! `__defaults__` assignments are seen at once; defaults never matter for
//! an exact call).
//!
//! `push_direct_frame` is that frame set-up alone; `call_direct` (the
//! arguments from the call window) and `binary_frame.rs` (a binary
//! operator's two operands) both use it. `unpack_exact` is
//! `UnpackSequence`'s copy of an exact tuple or list into registers.

use pyvm_bytecode::CodeFlags;
use pyvm_bytecode::opcode::Reg;
use pyvm_objmodel::Value;

use super::super::frame::{Frame, ReturnTo};
use super::super::heap::Vm;
use super::super::layout::{FuncField, Kind};
use super::super::types::TypeId;

/// Code flags that need the generic binding or frame set-up.
const NOT_DIRECT: u32 = CodeFlags::VARARGS.0
    | CodeFlags::VARKEYWORDS.0
    | CodeFlags::GENERATOR.0
    | CodeFlags::COROUTINE.0
    | CodeFlags::ASYNC_GENERATOR.0;

impl Vm {
    /// The frame set-up of an exact positional call of `callee` with `n`
    /// arguments, if it is that simple: the new window's first register
    /// (the frame is pushed, its window sized, the arguments not yet
    /// copied: the caller writes registers `base..base + n` next, before
    /// anything can allocate). `None` (nothing done) when the callee is
    /// not a plain function taking exactly `n` positional parameters, a
    /// keyword call is pending, or the recursion limit is reached (the
    /// generic path raises).
    #[inline]
    pub(super) fn push_direct_frame(
        &mut self,
        callee: Value,
        n: usize,
        ret: ReturnTo,
    ) -> Option<usize> {
        if self.kind_of(callee) != Some(Kind::Function) {
            return None;
        }
        let code_obj = self.field(callee, FuncField::Code as usize);
        let (nregs, code, decoded) = {
            let cb = self.code_box(code_obj);
            let c = &cb.code;
            if c.arg_count as usize != n
                || c.kwonly_count != 0
                || !c.cell_names.is_empty()
                || !c.free_names.is_empty()
                || c.flags.0 & NOT_DIRECT != 0
            {
                return None;
            }
            (c.nregs as usize, c.clone(), cb.decoded.clone())
        };
        let globals = self.field(callee, FuncField::Globals as usize);
        let roots = self.m.roots_mut();
        let top = roots.frames.last()?;
        if !top.kwnames.is_empty() || roots.frames.len() >= self.recursion_limit {
            return None;
        }
        let base = roots.stack.len();
        roots.stack.resize(base + nregs.max(n), Value::EMPTY);
        roots.frames.push(Frame {
            code,
            decoded,
            code_obj,
            func: callee,
            globals,
            locals: Value::EMPTY,
            cells: Value::EMPTY,
            kwnames: Value::EMPTY,
            base,
            pc: 0,
            last_pc: 0,
            ret,
            generator: Value::EMPTY,
            frame_obj: Value::EMPTY,
        });
        Some(base)
    }

    /// Pushes the frame of `callee(regs[first..first + n])` with the
    /// result going to register `dst`; `false` (nothing done) when the
    /// call is not that simple (see [`Vm::push_direct_frame`]).
    #[inline]
    pub(super) fn call_direct(
        &mut self,
        dst: usize,
        callee: Value,
        first: usize,
        n: usize,
    ) -> bool {
        let b = self.cur_base;
        let Some(base) = self.push_direct_frame(callee, n, ReturnTo::Register(b + dst)) else {
            return false;
        };
        let stack = &mut self.roots().stack;
        stack.copy_within(b + first..b + first + n, base);
        // As the generic path: the call window's values now live only in
        // the callee's frame (an argument dies when the callee drops it).
        stack[b + first - 1..b + first + n].fill(Value::EMPTY);
        true
    }
}

impl Vm {
    /// `UnpackSequence` of an exact `tuple` or `list` of exactly `n` items:
    /// a copy into the registers from `base` on, without the generic
    /// path's item vector; `false` (nothing done) otherwise (the generic
    /// path raises the length errors and runs iterators).
    #[inline]
    pub(super) fn unpack_exact(&mut self, base: Reg, src: Reg, n: usize) -> bool {
        let b = self.cur_base;
        let v = self.m.roots().stack[b + src.0 as usize];
        let len = match self.kind_of(v) {
            Some(Kind::Tuple) if self.class_of(v) == self.ty(TypeId::Tuple) => {
                self.tuple_items(v).len()
            }
            Some(Kind::List) if self.class_of(v) == self.ty(TypeId::List) => self.list_vec(v).len(),
            _ => return false,
        };
        if len != n {
            return false;
        }
        let dst = b + base.0 as usize;
        for i in 0..n {
            let x = self.seq_item(v, i).unwrap_or(Value::NONE);
            self.roots().stack[dst + i] = x;
        }
        true
    }
}
