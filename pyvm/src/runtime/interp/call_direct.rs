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

use pyvm_bytecode::CodeFlags;
use pyvm_objmodel::Value;

use super::super::frame::{Frame, ReturnTo};
use super::super::heap::Vm;
use super::super::layout::{FuncField, Kind};

/// Code flags that need the generic binding or frame set-up.
const NOT_DIRECT: u32 = CodeFlags::VARARGS.0
    | CodeFlags::VARKEYWORDS.0
    | CodeFlags::GENERATOR.0
    | CodeFlags::COROUTINE.0
    | CodeFlags::ASYNC_GENERATOR.0;

impl Vm {
    /// Pushes the frame of `callee(regs[first..first + n])` with the
    /// result going to register `dst`; `false` (nothing done) when the
    /// call is not that simple or the recursion limit is reached (the
    /// generic path raises).
    #[inline]
    pub(super) fn call_direct(
        &mut self,
        dst: usize,
        callee: Value,
        first: usize,
        n: usize,
    ) -> bool {
        if self.kind_of(callee) != Some(Kind::Function) {
            return false;
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
                return false;
            }
            (c.nregs as usize, c.clone(), cb.decoded.clone())
        };
        let b = self.cur_base;
        let roots = self.m.roots_mut();
        let Some(top) = roots.frames.last() else {
            return false;
        };
        if !top.kwnames.is_empty() || roots.frames.len() >= self.recursion_limit {
            return false;
        }
        let base = roots.stack.len();
        roots.stack.resize(base + nregs.max(n), Value::EMPTY);
        roots.stack.copy_within(b + first..b + first + n, base);
        // As the generic path: the call window's values now live only in
        // the callee's frame (an argument dies when the callee drops it).
        roots.stack[b + first - 1..b + first + n].fill(Value::EMPTY);
        let globals = self.field(callee, FuncField::Globals as usize);
        self.roots().frames.push(Frame {
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
            ret: ReturnTo::Register(b + dst),
            generator: Value::EMPTY,
            frame_obj: Value::EMPTY,
        });
        true
    }
}
