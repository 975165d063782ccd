//! Generators, coroutines and async generators: a suspended frame lives in
//! a heap object (its registers in a list, its pc and cells in fields), so
//! suspending and resuming keep no Rust state. Resuming pushes the frame
//! back onto the frame stack and runs it through the re-entry point until
//! it yields or returns.
//!
//! `YieldValue` leaves `pc` after the yield and names the register that
//! receives the sent value. `YieldFrom` (also `await`) leaves `pc` on
//! itself: when resumed it runs again, finds the value sent in
//! [`GenField::Sent`] (or an exception to throw in [`GenField::Throw`]) and
//! forwards it to the delegate iterator in its register, until the
//! delegate returns. A `throw()` into a frame suspended at a `YieldValue`
//! unwinds from that instruction (`GenField::LastPc`).

use pyvm_bytecode::CodeFlags;
use pyvm_objmodel::Value;

use super::exception::{PyResult, Raised};
use super::frame::{Frame, ReturnTo};
use super::heap::{MAX_GEN_NESTING, MAX_REENTRY, Vm};
use super::layout::{ExcField, FuncField, GEN_FIELDS, GenField, GenState, Kind};
use super::types::TypeId;

fn int(i: i64) -> Value {
    Value::from_int(i).unwrap_or(Value::NONE)
}

/// How a resumed generator stopped.
pub enum Resumed {
    /// It yielded this value (it is suspended).
    Yield(Value),
    /// It returned this value (it is finished).
    Return(Value),
}

/// What one run of a `YieldFrom` instruction did.
pub enum FromStep {
    /// The delegate yielded this value: the frame suspends on the `YieldFrom`.
    Yield(Value),
    /// The delegate finished with this value (the result of the expression).
    Done(Value),
}

/// The register number `Flow::Yield` carries for a `YieldFrom` suspension.
pub const NO_SEND_REG: u32 = u32::MAX;

impl Vm {
    /// Moves the top frame (just set up by a call) into a new generator,
    /// coroutine or async generator (by the code's flags).
    pub(crate) fn frame_to_generator(&mut self) -> PyResult<Value> {
        let (base, nregs, flags) = {
            let f = self.m.roots().frames.last().expect("frame");
            (f.base, f.code.nregs as usize, f.code.flags)
        };
        let class_id = if flags.contains(CodeFlags::COROUTINE) {
            TypeId::Coroutine
        } else if flags.contains(CodeFlags::ASYNC_GENERATOR) {
            TypeId::AsyncGenerator
        } else {
            TypeId::Generator
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
            fields[GenField::Sent as usize] = Value::EMPTY;
            fields[GenField::Throw as usize] = Value::EMPTY;
            fields[GenField::Delegate as usize] = Value::EMPTY;
            fields[GenField::LastPc as usize] = int(0);
            fields[GenField::ExcState as usize] = Value::EMPTY;
            let class = self.ty(class_id);
            let g = self.alloc_record(Kind::Generator, class, &fields, 0);
            self.pop_temps(li);
            g
        })();
        // The frame is now (or, on failure, no longer) needed on the stack.
        self.roots().frames.pop();
        self.roots().stack.truncate(base);
        r
    }

    pub(crate) fn gen_state(&self, g: Value) -> GenState {
        match self.field(g, GenField::State as usize).as_int() {
            Some(0) => GenState::Created,
            Some(1) => GenState::Suspended,
            Some(2) => GenState::Running,
            _ => GenState::Done,
        }
    }

    /// "generator", "coroutine" or "async generator" (for messages).
    pub(crate) fn gen_word(&self, g: Value) -> &'static str {
        let c = self.class_of(g);
        if c == self.ty(TypeId::Coroutine) {
            "coroutine"
        } else if c == self.ty(TypeId::AsyncGenerator) {
            "async generator"
        } else {
            "generator"
        }
    }

    /// Resumes a generator sending `sent`; `Ok(None)` when it finished
    /// (the caller raises StopIteration if it needs to).
    pub fn resume_generator(&mut self, g: Value, sent: Value) -> PyResult<Option<Value>> {
        match self.gen_resume(g, sent, Value::EMPTY)? {
            Resumed::Yield(v) => Ok(Some(v)),
            Resumed::Return(_) => Ok(None),
        }
    }

    /// Resumes a generator: sends `sent`, or throws `throw` (an exception
    /// instance) into it when that is not EMPTY.
    pub fn gen_resume(&mut self, g: Value, sent: Value, throw: Value) -> PyResult<Resumed> {
        let mark = self.temps_len();
        self.push_temp(g);
        self.push_temp(sent);
        self.push_temp(throw);
        let r = self.gen_resume_inner(mark);
        self.pop_temps(mark);
        r
    }

    fn gen_resume_inner(&mut self, gi: usize) -> PyResult<Resumed> {
        let (si, ti) = (gi + 1, gi + 2);
        let g = self.temp(gi);
        let throwing = !self.temp(ti).is_empty();
        let word = self.gen_word(g);
        match self.gen_state(g) {
            GenState::Running => {
                return Err(
                    self.raise_msg(TypeId::ValueError, &format!("{word} already executing"))
                );
            }
            GenState::Done => {
                if throwing {
                    return Err(self.raise_value(self.temp(ti)));
                }
                if word == "coroutine" {
                    return Err(self.raise_msg(
                        TypeId::RuntimeError,
                        "cannot reuse already awaited coroutine",
                    ));
                }
                return Ok(Resumed::Return(Value::NONE));
            }
            GenState::Created if throwing => {
                self.finish_generator(g);
                return Err(self.raise_value(self.temp(ti)));
            }
            GenState::Created if !self.temp(si).is_none() => {
                return Err(self.type_error(&format!(
                    "can't send non-None value to a just-started {word}"
                )));
            }
            _ => {}
        }
        if self.reentry_depth >= MAX_REENTRY
            || self.gen_nesting >= MAX_GEN_NESTING
            || self.m.roots().frames.len() >= self.recursion_limit
        {
            return Err(self.raise_msg(TypeId::RecursionError, "maximum recursion depth exceeded"));
        }
        let code_obj = self.field(g, GenField::Code as usize);
        let code = self.code_arc(code_obj).clone();
        let base = self.m.roots().stack.len();
        let regs = self.field(g, GenField::Regs as usize);
        // The list keeps its buffer (empty while the frame runs), so that
        // suspending copies into it without allocating.
        let mut saved = std::mem::take(self.list_vec(regs));
        self.roots().stack.extend_from_slice(&saved);
        saved.clear();
        *self.list_vec(regs) = saved;
        let send_reg = self
            .field(g, GenField::SendReg as usize)
            .as_int()
            .unwrap_or(-1);
        if !throwing {
            let sent = self.temp(si);
            if send_reg >= 0 {
                self.roots().stack[base + send_reg as usize] = sent;
            } else {
                self.set_field(g, GenField::Sent as usize, sent);
            }
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
            last_pc: self
                .field(g, GenField::LastPc as usize)
                .as_int()
                .unwrap_or(0) as usize,
            ret: ReturnTo::Native,
            generator: g,
            frame_obj: self.gen_frame_obj(g),
        };
        self.set_field(g, GenField::State as usize, int(GenState::Running as i64));
        // The caller's handled exception is kept aside while the frame runs
        // with its own (if it suspended in an `except`), and put back after.
        let outer = self.m.roots().handled;
        let oi = self.push_temp(outer);
        let own = self.field(g, GenField::ExcState as usize);
        if !own.is_empty() {
            self.roots().handled = own;
            self.set_field(g, GenField::ExcState as usize, Value::EMPTY);
        }
        let depth = self.m.roots().frames.len();
        let fo = frame.frame_obj;
        self.roots().frames.push(frame);
        self.frame_obj_resumed(fo);
        self.reentry_depth += 1;
        self.gen_nesting += 1;
        self.yielded = false;
        let r = if throwing && !self.field(g, GenField::Delegate as usize).is_empty() {
            // Suspended in a `yield from`/`await`: the instruction forwards it.
            let t = self.temp(ti);
            self.set_field(g, GenField::Throw as usize, t);
            self.run_frames(depth)
        } else if throwing {
            let t = self.temp(ti);
            self.roots().raised = t;
            match self.unwind(Raised, depth, false) {
                Ok(()) => self.run_frames(depth),
                Err(e) => Err(e),
            }
        } else {
            self.run_frames(depth)
        };
        self.reentry_depth -= 1;
        self.gen_nesting -= 1;
        let yielded = std::mem::replace(&mut self.yielded, false);
        let outer = self.temp(oi);
        self.pop_temps(oi);
        let now = std::mem::replace(&mut self.roots().handled, outer);
        if yielded && now != outer {
            let g = self.temp(gi);
            self.set_field(g, GenField::ExcState as usize, now);
        }
        match r {
            Ok(v) if yielded => Ok(Resumed::Yield(v)),
            Ok(v) => Ok(Resumed::Return(v)),
            Err(e) => Err(self.stop_iteration_escaped(gi, e)),
        }
    }

    /// PEP 479: a StopIteration (or, from an async generator,
    /// StopAsyncIteration) leaving a generator frame becomes RuntimeError.
    fn stop_iteration_escaped(&mut self, gi: usize, e: Raised) -> Raised {
        let exc = self.raised();
        if self.kind_of(exc) != Some(Kind::Exception) {
            return e;
        }
        let word = self.gen_word(self.temp(gi));
        let msg = if self.exc_matches(exc, TypeId::StopIteration) {
            format!("{word} raised StopIteration")
        } else if word == "async generator" && self.exc_matches(exc, TypeId::StopAsyncIteration) {
            format!("{word} raised StopAsyncIteration")
        } else {
            return e;
        };
        let inner = self.take_raised();
        let ii = self.push_temp(inner);
        let r = (|| {
            let s = self.new_str(&msg)?;
            let args = self.new_tuple(&[s])?;
            let class = self.ty(TypeId::RuntimeError);
            let rt = self.new_exception(class, args)?;
            let inner = self.temp(ii);
            self.set_field(rt, ExcField::Cause as usize, inner);
            self.set_field(rt, ExcField::Context as usize, inner);
            self.set_field(rt, ExcField::SuppressContext as usize, Value::TRUE);
            Ok(rt)
        })();
        self.pop_temps(ii);
        match r {
            Ok(rt) => self.raise_value(rt),
            Err(r) => r,
        }
    }

    /// Suspends the top frame (a generator's) at a `YieldValue` whose
    /// result register is `send_reg` ([`NO_SEND_REG`] for a `YieldFrom`,
    /// whose pc stays on the instruction): saves its registers and pc into
    /// the generator and pops it.
    pub(crate) fn suspend_top_frame(&mut self, send_reg: u32) {
        let f = self.roots().frames.pop().expect("frame");
        self.frame_obj_suspended(f.frame_obj);
        let g = f.generator;
        let list = self.field(g, GenField::Regs as usize);
        // Into the list's own buffer (kept by `gen_resume`): no allocation.
        let mut regs = std::mem::take(self.list_vec(list));
        regs.clear();
        regs.extend_from_slice(&self.m.roots().stack[f.base..]);
        self.roots().stack.truncate(f.base);
        *self.list_vec(list) = regs;
        // SAFETY: `list` was just read from the generator's field (live).
        unsafe { self.barrier(list) };
        let reg = if send_reg == NO_SEND_REG {
            -1
        } else {
            send_reg as i64
        };
        self.set_field(g, GenField::Pc as usize, int(f.pc as i64));
        self.set_field(g, GenField::LastPc as usize, int(f.last_pc as i64));
        self.set_field(g, GenField::SendReg as usize, int(reg));
        self.set_field(g, GenField::State as usize, int(GenState::Suspended as i64));
        self.yielded = true;
    }

    /// Marks the generator of a frame that returned or raised as finished.
    pub(crate) fn finish_generator(&mut self, g: Value) {
        if self.kind_of(g) == Some(Kind::Generator) {
            self.set_field(g, GenField::State as usize, int(GenState::Done as i64));
            self.set_field(g, GenField::Delegate as usize, Value::EMPTY);
            self.gen_frame_finished(g);
            let list = self.field(g, GenField::Regs as usize);
            self.list_vec(list).clear();
        }
    }

    /// `gen.close()`.
    pub fn gen_close(&mut self, g: Value) -> PyResult<()> {
        match self.gen_state(g) {
            GenState::Created | GenState::Done => {
                self.finish_generator(g);
                return Ok(());
            }
            GenState::Running => {
                let word = self.gen_word(g);
                return Err(
                    self.raise_msg(TypeId::ValueError, &format!("{word} already executing"))
                );
            }
            GenState::Suspended => {}
        }
        let gi = self.push_temp(g);
        let r = (|| {
            let class = self.ty(TypeId::GeneratorExit);
            let empty = self.new_tuple(&[])?;
            let exc = self.new_exception(class, empty)?;
            match self.gen_resume(self.temp(gi), Value::NONE, exc) {
                Ok(Resumed::Yield(_)) => {
                    let word = self.gen_word(self.temp(gi));
                    Err(self.raise_msg(
                        TypeId::RuntimeError,
                        &format!("{word} ignored GeneratorExit"),
                    ))
                }
                Ok(Resumed::Return(_)) => Ok(()),
                Err(e) => {
                    let x = self.raised();
                    if self.exc_matches(x, TypeId::GeneratorExit)
                        || self.exc_matches(x, TypeId::StopIteration)
                    {
                        self.take_raised();
                        Ok(())
                    } else {
                        Err(e)
                    }
                }
            }
        })();
        self.pop_temps(gi);
        r
    }

    /// The value of a StopIteration being raised (taking it), or the error.
    fn take_stop_value(&mut self, e: Raised) -> PyResult<Value> {
        let x = self.raised();
        if self.kind_of(x) == Some(Kind::Exception) && self.exc_matches(x, TypeId::StopIteration) {
            self.take_raised();
            let args = self.field(x, ExcField::Args as usize);
            let v = self
                .tuple_items(args)
                .first()
                .copied()
                .unwrap_or(Value::NONE);
            let xi = self.push_temp(x);
            let r = self.exc_dict_get(x, "value");
            let x = self.temp(xi);
            self.pop_temps(xi);
            let _ = x;
            return Ok(r?.unwrap_or(v));
        }
        Err(e)
    }

    /// One run of `YieldFrom` in the top frame with the delegate `it`.
    pub(crate) fn yield_from_step(&mut self, it: Value) -> PyResult<FromStep> {
        let g = self
            .m
            .roots()
            .frames
            .last()
            .map(|f| f.generator)
            .unwrap_or(Value::EMPTY);
        if self.kind_of(g) != Some(Kind::Generator) {
            return Err(self.raise_msg(TypeId::SystemError, "yield from outside a generator"));
        }
        let throw = self.field(g, GenField::Throw as usize);
        let sent = self.field(g, GenField::Sent as usize);
        self.set_field(g, GenField::Throw as usize, Value::EMPTY);
        self.set_field(g, GenField::Sent as usize, Value::EMPTY);
        let mark = self.temps_len();
        let gi = self.push_temp(g);
        let ii = self.push_temp(it);
        let ti = self.push_temp(throw);
        let si = self.push_temp(if sent.is_empty() { Value::NONE } else { sent });
        let r = if throw.is_empty() {
            self.delegate_send(ii, si)
        } else {
            self.delegate_throw(ii, ti)
        };
        let g = self.temp(gi);
        match &r {
            Ok(FromStep::Yield(_)) => {
                let it = self.temp(ii);
                self.set_field(g, GenField::Delegate as usize, it);
            }
            _ => self.set_field(g, GenField::Delegate as usize, Value::EMPTY),
        }
        self.pop_temps(mark);
        r
    }

    fn delegate_send(&mut self, ii: usize, si: usize) -> PyResult<FromStep> {
        let it = self.temp(ii);
        let sent = self.temp(si);
        if self.kind_of(it) == Some(Kind::Generator) {
            return Ok(match self.gen_resume(it, sent, Value::EMPTY)? {
                Resumed::Yield(v) => FromStep::Yield(v),
                Resumed::Return(v) => FromStep::Done(v),
            });
        }
        if let Some(r) = self.async_op_step(ii, si, Value::EMPTY) {
            return r;
        }
        let r = if sent.is_none() {
            if self.kind_of(it) == Some(Kind::Instance) {
                match self.call_dunder0(it, "__next__") {
                    Ok(Some(v)) => Ok(Some(v)),
                    Ok(None) => {
                        let n = self.type_name(self.temp(ii));
                        Err(self.type_error(&format!("'{n}' object is not an iterator")))
                    }
                    Err(e) => Err(e),
                }
            } else {
                self.iter_next(it)
            }
        } else {
            (|| {
                let key = self.new_str("send")?;
                let m = self.get_attr(self.temp(ii), key)?;
                self.call_value(m, &[self.temp(si)]).map(Some)
            })()
        };
        match r {
            Ok(Some(v)) => Ok(FromStep::Yield(v)),
            Ok(None) => Ok(FromStep::Done(Value::NONE)),
            Err(e) => self.take_stop_value(e).map(FromStep::Done),
        }
    }

    fn delegate_throw(&mut self, ii: usize, ti: usize) -> PyResult<FromStep> {
        let it = self.temp(ii);
        let exc = self.temp(ti);
        if self.exc_matches(exc, TypeId::GeneratorExit) {
            // Close the delegate, then raise GeneratorExit here.
            if self.kind_of(it) == Some(Kind::Generator) {
                self.gen_close(it)?;
            } else {
                let class = self.class_of(it);
                if let Some(m) = self.lookup_type_attr(class, "close")? {
                    self.call_value(m, &[self.temp(ii)])?;
                }
            }
            return Err(self.raise_value(self.temp(ti)));
        }
        if self.kind_of(it) == Some(Kind::Generator) {
            return Ok(match self.gen_resume(it, Value::NONE, exc)? {
                Resumed::Yield(v) => FromStep::Yield(v),
                Resumed::Return(v) => FromStep::Done(v),
            });
        }
        if let Some(r) = self.async_op_step(ii, ti, exc) {
            return r;
        }
        let class = self.class_of(it);
        let Some(m) = self.lookup_type_attr(class, "throw")? else {
            return Err(self.raise_value(self.temp(ti)));
        };
        match self.call_value(m, &[self.temp(ii), self.temp(ti)]) {
            Ok(v) => Ok(FromStep::Yield(v)),
            Err(e) => self.take_stop_value(e).map(FromStep::Done),
        }
    }

    /// `GetYieldFromIter`: the iterator `yield from v` delegates to.
    pub(crate) fn yield_from_iter(&mut self, v: Value) -> PyResult<Value> {
        if self.kind_of(v) == Some(Kind::Generator) {
            if self.class_of(v) == self.ty(TypeId::Coroutine) {
                let in_coroutine = self.m.roots().frames.last().is_some_and(|f| {
                    f.code.flags.contains(CodeFlags::COROUTINE)
                        || f.code.flags.contains(CodeFlags(0x100))
                });
                if !in_coroutine {
                    return Err(self.type_error(
                        "cannot 'yield from' a coroutine object in a non-coroutine generator",
                    ));
                }
            }
            return Ok(v);
        }
        self.get_iter(v)
    }

    /// Attributes of generators, coroutines and async generators
    /// (`gi_frame` too, which may allocate).
    pub(crate) fn generator_attr_alloc(
        &mut self,
        g: Value,
        name: &[u8],
    ) -> PyResult<Option<Value>> {
        if matches!(name, b"gi_frame" | b"cr_frame" | b"ag_frame") {
            let prefix = match self.gen_word(g) {
                "coroutine" => b"cr_",
                "async generator" => b"ag_",
                _ => b"gi_",
            };
            if name.starts_with(prefix) {
                return self.gen_frame_object(g).map(Some);
            }
            return Ok(None);
        }
        Ok(self.generator_attr(g, name))
    }

    /// Attributes of generators, coroutines and async generators.
    pub(crate) fn generator_attr(&self, g: Value, name: &[u8]) -> Option<Value> {
        let word = self.gen_word(g);
        let prefix: &[u8] = match word {
            "coroutine" => b"cr_",
            "async generator" => b"ag_",
            _ => b"gi_",
        };
        if let Some(rest) = name.strip_prefix(prefix) {
            return match rest {
                b"running" => Some(Value::from_bool(self.gen_state(g) == GenState::Running)),
                b"code" => Some(self.field(g, GenField::Code as usize)),
                b"suspended" => Some(Value::from_bool(self.gen_state(g) == GenState::Suspended)),
                b"yieldfrom" | b"await" => {
                    let d = self.field(g, GenField::Delegate as usize);
                    Some(if d.is_empty() { Value::NONE } else { d })
                }
                _ => None,
            };
        }
        match name {
            b"__qualname__" => Some(self.field(g, GenField::Name as usize)),
            _ => None,
        }
    }

    /// `__name__` of a generator (the code's name), allocated.
    pub(crate) fn generator_name(&mut self, g: Value) -> PyResult<Value> {
        let code = self.field(g, GenField::Code as usize);
        let name = self.code_arc(code).name.clone();
        self.new_str(&name)
    }
}
