//! The dispatch loop: runs frames of the VM frame stack until the frame the
//! loop was entered for returns, unwinding exceptions through the
//! exception tables.

mod attr_cache;
mod attr_fast;
mod binary_frame;
mod cache;
mod call_direct;
mod exec;
mod init_cache;
mod instantiate;
mod name_cache;
mod step;

pub use attr_cache::AttrCaches;
pub use exec::{Counting, Executor, Run};
pub use init_cache::InitCache;

use pyvm_bytecode::Opcode;
use pyvm_objmodel::Value;

use super::exception::{PyResult, Raised};
use super::frame::ReturnTo;
use super::heap::Vm;
use super::layout::{ExcField, Kind};

/// What an instruction did to control flow.
pub enum Flow {
    /// Go on with the (possibly new) top frame.
    Next,
    /// The top frame returns this value.
    Return(Value),
    /// The top frame (a generator's) yields this value; its result register
    /// on resumption is the second field.
    Yield(Value, u32),
}

impl Vm {
    /// Runs until the frame stack is back to `stop` frames; returns the
    /// value the last popped frame returned.
    pub fn run_frames(&mut self, stop: usize) -> PyResult<Value> {
        self.run_frames_with(&mut Run, stop)
    }

    /// [`Vm::run_frames`] with an executor observing each instruction.
    pub fn run_frames_with<E: Executor>(&mut self, e: &mut E, stop: usize) -> PyResult<Value> {
        // A nested loop (a native calling back into Python) leaves the
        // register base of the instruction that entered it as it was.
        let saved = self.cur_base;
        // Each nested loop may need a fresh stack segment: re-entries are
        // bounded by the recursion limit (frames), not by the Rust stack.
        let r = super::recursion::with_stack(|| self.dispatch(e, stop));
        self.cur_base = saved;
        r
    }

    fn dispatch<E: Executor>(&mut self, e: &mut E, stop: usize) -> PyResult<Value> {
        let mut ticks: u32 = 0;
        loop {
            let (instr, pc) = {
                let f = self
                    .m
                    .roots_mut()
                    .frames
                    .last_mut()
                    .expect("a frame to run");
                let pc = f.pc;
                self.cur_base = f.base;
                match f.decoded.get(pc).copied() {
                    Some((i, next)) => {
                        f.last_pc = pc;
                        f.pc = next as usize;
                        (i, pc)
                    }
                    None => {
                        let err = self.raise_msg(
                            super::types::TypeId::SystemError,
                            "invalid bytecode (pc outside the code)",
                        );
                        match self.unwind(err, stop, false) {
                            Ok(()) => continue,
                            Err(r) => return Err(r),
                        }
                    }
                }
            };
            e.on_instruction(pc, instr.opcode());
            ticks = ticks.wrapping_add(1);
            if ticks & 0xfff == 0 {
                self.m.safepoint();
                self.flush_if_large();
                if let Err(r) = self.after_collections() {
                    self.unwind(r, stop, false)?;
                    continue;
                }
                if super::sysstate::take_interrupt()
                    && let Err(r) = self.handle_interrupt()
                {
                    self.unwind(r, stop, false)?;
                    continue;
                }
            }
            match self.step(e, instr) {
                Ok(Flow::Next) => {}
                Ok(Flow::Yield(v, reg)) => {
                    // Generator frames are always entered from native code
                    // (`resume_generator`), so this leaves the loop.
                    self.suspend_top_frame(reg);
                    return Ok(v);
                }
                Ok(Flow::Return(mut v)) => {
                    if self.top_frame_has_object() {
                        let vi = self.push_temp(v);
                        self.frame_leaving();
                        v = self.temp(vi);
                        self.pop_temps(vi);
                    }
                    let f = self.roots().frames.pop().expect("frame");
                    self.roots().stack.truncate(f.base);
                    if !f.generator.is_empty() {
                        self.finish_generator(f.generator);
                    }
                    match f.ret {
                        ReturnTo::Register(r) if self.m.roots().frames.len() > stop => {
                            self.roots().stack[r] = v;
                        }
                        ReturnTo::Binary(r) if self.m.roots().frames.len() > stop => {
                            if v == Value::NOT_IMPLEMENTED {
                                if let Err(err) = self.binary_not_implemented(r) {
                                    self.unwind(err, stop, false)?;
                                }
                            } else {
                                self.roots().stack[r] = v;
                            }
                        }
                        ReturnTo::Init(r) if self.m.roots().frames.len() > stop => {
                            if !v.is_none() {
                                self.roots().stack[r] = Value::EMPTY;
                                let name = self.type_name(v);
                                let err = self.type_error(&format!(
                                    "__init__() should return None, not '{name}'"
                                ));
                                self.unwind(err, stop, false)?;
                            }
                        }
                        _ => return Ok(v),
                    }
                }
                Err(r) => {
                    let reraise =
                        matches!(instr.opcode(), Opcode::Reraise | Opcode::ReraiseCurrent);
                    self.unwind(r, stop, reraise)?
                }
            }
        }
    }

    /// Unwinds the raised exception: records traceback entries, finds a
    /// handler (then returns `Ok` to go on there) or pops frames down to
    /// `stop` (then returns the error).
    pub(crate) fn unwind(&mut self, _r: Raised, stop: usize, reraise: bool) -> PyResult<()> {
        let mut first = true;
        loop {
            let exc = self.m.roots().raised;
            if !(first && reraise) {
                if first {
                    self.set_context(exc);
                }
                // A failure to allocate the entry leaves a MemoryError
                // raised; unwinding goes on with it.
                let _ = self.add_traceback_here(exc);
            }
            first = false;
            let exc = self.m.roots().raised;
            let f = self.m.roots().frames.last().expect("frame");
            if let Some(h) = f.code.find_handler(f.last_pc as u32).copied() {
                let base = f.base;
                self.roots().stack[base + h.exc.0 as usize] = exc;
                self.roots().raised = Value::EMPTY;
                let f = self.roots().frames.last_mut().expect("frame");
                f.pc = h.handler as usize;
                f.kwnames = Value::EMPTY;
                return Ok(());
            }
            if !f.frame_obj.is_empty() {
                self.frame_leaving();
            }
            let f = self.roots().frames.pop().expect("frame");
            self.roots().stack.truncate(f.base);
            if let ReturnTo::Init(r) = f.ret {
                // The instance of a failed `__init__` is not the result.
                self.roots().stack[r] = Value::EMPTY;
            }
            if !f.generator.is_empty() {
                self.finish_generator(f.generator);
            }
            if self.m.roots().frames.len() <= stop {
                return Err(Raised);
            }
        }
    }

    /// Sets `__context__` of a newly raised exception to the one being handled.
    fn set_context(&mut self, exc: Value) {
        let handled = self.m.roots().handled;
        if handled.is_empty() || handled == exc || self.kind_of(exc) != Some(Kind::Exception) {
            return;
        }
        // Cut a cycle the new link would close (as CPython does).
        let mut o = handled;
        for _ in 0..10_000 {
            let c = self.field(o, ExcField::Context as usize);
            if self.kind_of(c) != Some(Kind::Exception) {
                break;
            }
            if c == exc {
                self.set_field(o, ExcField::Context as usize, Value::NONE);
                break;
            }
            o = c;
        }
        self.set_field(exc, ExcField::Context as usize, handled);
    }

    /// Writes buffered output when it grows large.
    pub fn flush_if_large(&mut self) {
        if self.out.len() > 1 << 16 {
            self.flush_out();
        }
    }

    /// Writes buffered output to stdout.
    pub fn flush_out(&mut self) {
        use std::io::Write;
        let mut so = std::io::stdout().lock();
        let _ = so.write_all(&self.out);
        let _ = so.flush();
        self.out.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::Counting;
    use crate::runtime::Vm;
    use crate::str_hash::HashSecret;
    use pyvm_bytecode::{Mode, compile};
    use pyvm_gc::Config;
    use pyvm_objmodel::Value;

    fn run_counting(src: &str) -> (Vm, Counting) {
        let mut vm = Vm::new(Config::default(), HashSecret::from_seed(0)).unwrap();
        let code = compile(src, "<test>", Mode::Exec).unwrap();
        let code_obj = vm.new_code(code).unwrap();
        let ci = vm.push_temp(code_obj);
        let g = vm.new_dict().unwrap();
        let gi = vm.push_temp(g);
        vm.push_code_frame(vm.temp(ci), vm.temp(gi), vm.temp(gi), Value::EMPTY)
            .unwrap();
        let mut c = Counting::default();
        vm.run_frames_with(&mut c, 0).unwrap();
        (vm, c)
    }

    #[test]
    fn executor_sees_back_edges_and_calls() {
        let (vm, c) =
            run_counting("def f(x): return x\nfor i in range(10):\n    f(i)\nprint('done')\n");
        // One back edge per loop iteration, one call per iteration plus
        // range() and print().
        assert_eq!(c.back_edges, 10);
        assert_eq!(c.calls, 12);
        assert!(c.instructions > 40);
        assert_eq!(vm.out, b"done\n");
    }

    #[test]
    fn python_calls_do_not_recurse_in_rust() {
        // 900 nested Python calls run in one dispatch loop on a thread with
        // a small stack: the frames live on the VM frame stack.
        let h = std::thread::Builder::new()
            .stack_size(256 * 1024)
            .spawn(|| {
                let (vm, _) = run_counting(
                    "def d(n):\n    return 0 if n == 0 else 1 + d(n - 1)\nprint(d(900))\n",
                );
                vm.out.clone()
            })
            .unwrap();
        assert_eq!(h.join().unwrap(), b"900\n");
    }
}
