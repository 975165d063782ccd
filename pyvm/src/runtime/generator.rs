//! Generators: a suspended frame lives in a heap object (its registers in a
//! list, its pc and cells in fields), so suspending and resuming keep no
//! Rust state. Resuming pushes the frame back onto the frame stack and runs
//! it through the re-entry point until it yields or returns.

use pyvm_objmodel::Value;

use super::exception::PyResult;
use super::frame::{Frame, ReturnTo};
use super::heap::{MAX_REENTRY, Vm};
use super::layout::{FuncField, GEN_FIELDS, GenField, GenState, Kind};
use super::types::TypeId;

fn int(i: i64) -> Value {
    Value::from_int(i).unwrap_or(Value::NONE)
}

impl Vm {
    /// Moves the top frame (just set up by a call) into a new generator.
    pub(crate) fn frame_to_generator(&mut self) -> PyResult<Value> {
        let (base, nregs) = {
            let f = self.m.roots().frames.last().expect("frame");
            (f.base, f.code.nregs as usize)
        };
        let regs: Vec<Value> = self.m.roots().stack[base..base + nregs].to_vec();
        let r = (|| {
            let list = self.new_list(&regs)?;
            let li = self.push_temp(list);
            let f = self.m.roots().frames.last().expect("frame");
            let mut fields = [Value::NONE; GEN_FIELDS];
            fields[GenField::Code as usize] = f.code_obj;
            fields[GenField::Func as usize] = f.func;
            fields[GenField::Globals as usize] = f.globals;
            fields[GenField::Cells as usize] = f.cells;
            fields[GenField::Regs as usize] = self.temp(li);
            fields[GenField::Pc as usize] = int(0);
            fields[GenField::State as usize] = int(GenState::Created as i64);
            fields[GenField::SendReg as usize] = int(-1);
            fields[GenField::Name as usize] = self.field(f.func, FuncField::Qualname as usize);
            let class = self.ty(TypeId::Generator);
            let g = self.alloc_record(Kind::Generator, class, &fields, 0);
            self.pop_temps(li);
            g
        })();
        // The frame is now (or, on failure, no longer) needed on the stack.
        self.roots().frames.pop();
        self.roots().stack.truncate(base);
        r
    }

    fn gen_state(&self, g: Value) -> GenState {
        match self.field(g, GenField::State as usize).as_int() {
            Some(0) => GenState::Created,
            Some(1) => GenState::Suspended,
            Some(2) => GenState::Running,
            _ => GenState::Done,
        }
    }

    /// Resumes a generator sending `sent`; `Ok(None)` when it finished
    /// (the caller raises StopIteration if it needs to).
    pub fn resume_generator(&mut self, g: Value, sent: Value) -> PyResult<Option<Value>> {
        match self.gen_state(g) {
            GenState::Done => return Ok(None),
            GenState::Running => {
                return Err(self.raise_msg(TypeId::ValueError, "generator already executing"));
            }
            GenState::Created if !sent.is_none() => {
                return Err(
                    self.type_error("can't send non-None value to a just-started generator")
                );
            }
            _ => {}
        }
        if self.reentry_depth >= MAX_REENTRY || self.m.roots().frames.len() >= self.recursion_limit
        {
            return Err(self.raise_msg(TypeId::RecursionError, "maximum recursion depth exceeded"));
        }
        let code_obj = self.field(g, GenField::Code as usize);
        let code = self.code_arc(code_obj).clone();
        let base = self.m.roots().stack.len();
        let regs = self.field(g, GenField::Regs as usize);
        let saved = std::mem::take(self.list_vec(regs));
        self.roots().stack.extend(saved);
        let send_reg = self
            .field(g, GenField::SendReg as usize)
            .as_int()
            .unwrap_or(-1);
        if send_reg >= 0 {
            self.roots().stack[base + send_reg as usize] = sent;
        }
        let frame = Frame {
            code,
            decoded: self.code_box(code_obj).decoded.clone(),
            code_obj,
            func: self.field(g, GenField::Func as usize),
            globals: self.field(g, GenField::Globals as usize),
            locals: Value::EMPTY,
            cells: self.field(g, GenField::Cells as usize),
            kwnames: Value::EMPTY,
            base,
            pc: self.field(g, GenField::Pc as usize).as_int().unwrap_or(0) as usize,
            last_pc: 0,
            ret: ReturnTo::Native,
            generator: g,
        };
        self.set_field(g, GenField::State as usize, int(GenState::Running as i64));
        let depth = self.m.roots().frames.len();
        self.roots().frames.push(frame);
        self.reentry_depth += 1;
        self.yielded = false;
        let r = self.run_frames(depth);
        self.reentry_depth -= 1;
        let yielded = std::mem::replace(&mut self.yielded, false);
        match r {
            Ok(v) if yielded => Ok(Some(v)),
            Ok(_) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Suspends the top frame (a generator's) at a `YieldValue` whose
    /// result register is `send_reg`: saves its registers and pc into the
    /// generator and pops it.
    pub(crate) fn suspend_top_frame(&mut self, send_reg: u32) {
        let f = self.roots().frames.pop().expect("frame");
        let g = f.generator;
        let regs: Vec<Value> = self.roots().stack.split_off(f.base);
        let list = self.field(g, GenField::Regs as usize);
        *self.list_vec(list) = regs;
        // SAFETY: `list` was just read from the generator's field (live).
        unsafe { self.barrier(list) };
        self.set_field(g, GenField::Pc as usize, int(f.pc as i64));
        self.set_field(g, GenField::SendReg as usize, int(send_reg as i64));
        self.set_field(g, GenField::State as usize, int(GenState::Suspended as i64));
        self.yielded = true;
    }

    /// Marks the generator of a frame that returned or raised as finished.
    pub(crate) fn finish_generator(&mut self, g: Value) {
        if self.kind_of(g) == Some(Kind::Generator) {
            self.set_field(g, GenField::State as usize, int(GenState::Done as i64));
            let list = self.field(g, GenField::Regs as usize);
            self.list_vec(list).clear();
        }
    }
}
