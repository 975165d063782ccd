//! Frame objects (`sys._getframe()`, `tb.tb_frame`, `gen.gi_frame`): heap
//! views of VM frames, made only when asked for.
//!
//! A running frame is a [`Frame`](super::frame::Frame) record on
//! `Roots::frames`, not a heap object, and stays so (calls allocate
//! nothing). The first request for a frame object allocates a
//! `Kind::Native` record of type `frame` that *refers to* the live frame
//! by its index on the frame stack ([`F::Live`]); the record keeps it in
//! `Frame::frame_obj` (and a generator's frame also in `GenField::Frame`),
//! so the same frame always gives the same object. Attributes read through
//! to the live frame: `f_lineno` is the line of the instruction in
//! progress (for a caller, its call), `f_back` materializes the frame
//! below, `f_locals` refreshes a dict cached in the object from the
//! registers (as CPython's `PyFrame_FastToLocals`).
//!
//! When a frame with an object leaves (returns or is unwound) it
//! *detaches*: the object captures the instruction index, the local
//! registers (into words of its own, allocated with it, so leaving
//! allocates nothing but possibly the caller's object), the cells and
//! `f_back` (materializing the caller), then stops referring to the stack. A generator's suspended frame lives
//! in the generator, so its object reads it from there ([`F::Gen`]); on
//! resumption the generator hands the object back to the new frame record
//! with the new stack index. An exception passing through a frame makes
//! its object (the traceback entry's `tb_frame`), as CPython 3.11 does.
//!
//! Everything is indices and traced fields: the moving collector never
//! sees a pointer into the frame stack.

use pyvm_objmodel::Value;

use super::call::Args;
use super::exception::PyResult;
use super::heap::Vm;
use super::layout::{GenField, GenState, Kind};
use super::modules::native_types::{NativeType, is_instance};
use super::types::{GlobalSlot, TypeId};

/// State fields of a frame object (after the native type index).
#[derive(Clone, Copy)]
#[repr(usize)]
enum F {
    /// Index on `Roots::frames` while the frame runs, else -1 (an int).
    Live = 0,
    /// `f_code`.
    Code,
    /// `f_globals`.
    Globals,
    /// The `f_locals` snapshot dict of a function frame, or EMPTY.
    Locals,
    /// The generator whose frame this is, while it is not finished; None.
    Gen,
    /// `f_back` captured when the frame left (a frame or None).
    Back,
    /// Instruction word index captured when the frame left (an int; -1
    /// for a generator frame that never ran).
    Lasti,
    /// Whether the words after the fields hold the local registers
    /// (captured when the frame left; a bool).
    Regs,
    /// The frame's cells (tuple) captured when it left, or EMPTY.
    Cells,
    /// The locals namespace of a module or class-body frame, or EMPTY.
    Ns,
}
const NFIELDS: usize = 10;
/// Field index (counting the type index) of captured local register 0.
const OWN_REGS: usize = 1 + NFIELDS;

/// The `frame` type.
pub(crate) static FRAME: NativeType = NativeType {
    module: "builtins",
    name: "frame",
    repr: Some(frame_repr),
    getattr: Some(frame_getattr),
    methods: &[("clear", frame_clear)],
    ..NativeType::EMPTY
};

fn int(i: i64) -> Value {
    Value::from_int(i).unwrap_or(Value::NONE)
}

/// Where the frame a frame object views is now.
enum Where {
    /// On the frame stack at this index.
    Live(usize),
    /// Suspended (or not started) in this generator.
    Suspended(Value),
    /// Finished: the object holds what it captured.
    Done,
}

/// Where the registers of a frame are read from.
#[derive(Clone, Copy)]
enum Regs {
    /// The register stack from this base.
    Stack(usize),
    /// The generator's saved window, a list at this temp index.
    Temp(usize),
    /// The frame object's own words (captured when it left).
    Own(usize),
    /// None left.
    Gone,
}

impl Vm {
    fn fo_field(&self, fo: Value, f: F) -> Value {
        self.field(fo, 1 + f as usize)
    }

    fn set_fo_field(&mut self, fo: Value, f: F, v: Value) {
        self.set_field(fo, 1 + f as usize, v);
    }

    fn frame_where(&self, fo: Value) -> Where {
        if let Some(i) = self.fo_field(fo, F::Live).as_int()
            && i >= 0
            && self
                .m
                .roots()
                .frames
                .get(i as usize)
                .is_some_and(|f| f.frame_obj == fo)
        {
            return Where::Live(i as usize);
        }
        let g = self.fo_field(fo, F::Gen);
        if self.kind_of(g) == Some(Kind::Generator) && self.gen_state(g) != GenState::Done {
            return Where::Suspended(g);
        }
        Where::Done
    }

    /// `(f_code, f_globals)` of frame object `fo`, or `None` if `fo` is
    /// not a frame object.
    pub(crate) fn frame_code_globals(&self, fo: Value) -> Option<(Value, Value)> {
        is_instance(self, fo, &FRAME)
            .then(|| (self.fo_field(fo, F::Code), self.fo_field(fo, F::Globals)))
    }

    /// Whether the top frame has a frame object (then it must detach with
    /// [`Vm::frame_leaving`] before it is popped).
    #[inline]
    pub(crate) fn top_frame_has_object(&self) -> bool {
        self.m
            .roots()
            .frames
            .last()
            .is_some_and(|f| !f.frame_obj.is_empty())
    }

    /// The frame object of frame `i` of the frame stack (made the first
    /// time it is asked for).
    pub(crate) fn frame_object_at(&mut self, i: usize) -> PyResult<Value> {
        let fo = self.m.roots().frames[i].frame_obj;
        if !fo.is_empty() {
            return Ok(fo);
        }
        let class = self.native_class(&FRAME)?;
        let f = &self.m.roots().frames[i];
        let nlocals = if f.locals.is_empty() {
            f.code.local_names.len()
        } else {
            0
        };
        let mut state = vec![Value::EMPTY; NFIELDS + nlocals];
        state[F::Regs as usize] = Value::FALSE;
        state[F::Live as usize] = int(i as i64);
        state[F::Code as usize] = f.code_obj;
        state[F::Globals as usize] = f.globals;
        state[F::Gen as usize] = if f.generator.is_empty() {
            Value::NONE
        } else {
            f.generator
        };
        state[F::Back as usize] = Value::NONE;
        state[F::Lasti as usize] = int(0);
        state[F::Ns as usize] = f.locals;
        let fo = self.new_native_of(&FRAME, class, &state)?;
        let f = &mut self.roots().frames[i];
        f.frame_obj = fo;
        let g = f.generator;
        if self.kind_of(g) == Some(Kind::Generator) {
            self.set_field(g, GenField::Frame as usize, fo);
        }
        Ok(fo)
    }

    /// The top frame, which has a frame object, is about to leave the
    /// stack (return or unwinding): the object captures what it shows
    /// from now on. A failure to allocate leaves the object without its
    /// locals; whatever was being raised stays raised.
    pub(crate) fn frame_leaving(&mut self) {
        let saved = self.m.roots().raised;
        if self.frame_leaving_inner().is_err() {
            self.roots().raised = saved;
        }
    }

    fn frame_leaving_inner(&mut self) -> PyResult<()> {
        let i = self.m.roots().frames.len() - 1;
        let (is_gen, has_ns) = {
            let f = &self.m.roots().frames[i];
            (!f.generator.is_empty(), !f.locals.is_empty())
        };
        // A finished generator's frame has no f_back (as in CPython).
        let back = if i == 0 || is_gen {
            Value::NONE
        } else {
            self.frame_object_at(i - 1)?
        };
        let f = &self.m.roots().frames[i];
        let (fo, lasti, cells, base) = (f.frame_obj, f.last_pc, f.cells, f.base);
        if !has_ns {
            let n = self.len_word(fo).saturating_sub(OWN_REGS);
            for k in 0..n {
                let v = self
                    .m
                    .roots()
                    .stack
                    .get(base + k)
                    .copied()
                    .unwrap_or(Value::EMPTY);
                self.set_field(fo, OWN_REGS + k, v);
            }
            self.set_fo_field(fo, F::Regs, Value::TRUE);
        }
        self.set_fo_field(fo, F::Live, int(-1));
        self.set_fo_field(fo, F::Back, back);
        self.set_fo_field(fo, F::Lasti, int(lasti as i64));
        self.set_fo_field(fo, F::Cells, cells);
        self.set_fo_field(fo, F::Gen, Value::NONE);
        Ok(())
    }

    /// The frame object `fo` (EMPTY: none) of a generator frame that
    /// suspends: it now reads the frame from the generator.
    pub(crate) fn frame_obj_suspended(&mut self, fo: Value) {
        if !fo.is_empty() {
            self.set_fo_field(fo, F::Live, int(-1));
        }
    }

    /// The frame object of generator `g`'s frame (EMPTY: none yet), for
    /// the frame record that resumes it.
    pub(crate) fn gen_frame_obj(&self, g: Value) -> Value {
        let fo = self.field(g, GenField::Frame as usize);
        if self.kind_of(fo) == Some(Kind::Native) {
            fo
        } else {
            Value::EMPTY
        }
    }

    /// The resumed generator frame on top of the stack has frame object
    /// `fo` (EMPTY: none): it views that frame again.
    pub(crate) fn frame_obj_resumed(&mut self, fo: Value) {
        if !fo.is_empty() {
            let i = self.m.roots().frames.len() - 1;
            self.set_fo_field(fo, F::Live, int(i as i64));
        }
    }

    /// Generator `g` finishes without its frame running (closed or thrown
    /// into before it started): its frame object, if any, copies the
    /// saved registers. Allocates nothing.
    pub(crate) fn gen_frame_finished(&mut self, g: Value) {
        let fo = self.gen_frame_obj(g);
        if fo.is_empty() || self.fo_field(fo, F::Gen) != g {
            return;
        }
        let regs = self.field(g, GenField::Regs as usize);
        let n = self.len_word(fo).saturating_sub(OWN_REGS);
        for k in 0..n {
            let v = self.list_vec(regs).get(k).copied().unwrap_or(Value::EMPTY);
            self.set_field(fo, OWN_REGS + k, v);
        }
        let regs = Value::TRUE;
        let cells = self.field(g, GenField::Cells as usize);
        // -1: the frame never ran (its line is the `def` line).
        let never_ran = self.field(g, GenField::Pc as usize).as_int() == Some(0);
        let lasti = if never_ran {
            int(-1)
        } else {
            self.field(g, GenField::LastPc as usize)
        };
        self.set_fo_field(fo, F::Live, int(-1));
        self.set_fo_field(fo, F::Regs, regs);
        self.set_fo_field(fo, F::Cells, cells);
        self.set_fo_field(fo, F::Lasti, lasti);
        self.set_fo_field(fo, F::Back, Value::NONE);
        self.set_fo_field(fo, F::Gen, Value::NONE);
    }

    /// `gi_frame`/`cr_frame`/`ag_frame`: None once the generator finished.
    pub(crate) fn gen_frame_object(&mut self, g: Value) -> PyResult<Value> {
        match self.gen_state(g) {
            GenState::Done => Ok(Value::NONE),
            GenState::Running => {
                let at = self.m.roots().frames.iter().rposition(|f| f.generator == g);
                match at {
                    Some(i) => self.frame_object_at(i),
                    None => Ok(Value::NONE),
                }
            }
            GenState::Created | GenState::Suspended => {
                let fo = self.gen_frame_obj(g);
                if !fo.is_empty() {
                    return Ok(fo);
                }
                let gi = self.push_temp(g);
                let r = (|| {
                    let class = self.native_class(&FRAME)?;
                    let g = self.temp(gi);
                    let code = self.field(g, GenField::Code as usize);
                    let nlocals = self.code_arc(code).local_names.len();
                    let mut state = vec![Value::EMPTY; NFIELDS + nlocals];
                    state[F::Regs as usize] = Value::FALSE;
                    state[F::Live as usize] = int(-1);
                    state[F::Code as usize] = self.field(g, GenField::Code as usize);
                    state[F::Globals as usize] = self.field(g, GenField::Globals as usize);
                    state[F::Gen as usize] = g;
                    state[F::Back as usize] = Value::NONE;
                    state[F::Lasti as usize] = int(0);
                    let fo = self.new_native_of(&FRAME, class, &state)?;
                    self.set_field(self.temp(gi), GenField::Frame as usize, fo);
                    Ok(fo)
                })();
                self.pop_temps(gi);
                r
            }
        }
    }

    /// The instruction word index a frame object shows (`f_lasti / 2`),
    /// and whether its generator has not started yet.
    fn frame_lasti(&self, fo: Value) -> (usize, bool) {
        match self.frame_where(fo) {
            Where::Live(i) => (self.m.roots().frames[i].last_pc, false),
            Where::Suspended(g) => (
                self.field(g, GenField::LastPc as usize)
                    .as_int()
                    .unwrap_or(0) as usize,
                self.gen_state(g) == GenState::Created,
            ),
            Where::Done => {
                let i = self.fo_field(fo, F::Lasti).as_int().unwrap_or(0);
                (i.max(0) as usize, i < 0)
            }
        }
    }

    /// `f_lineno`.
    fn frame_lineno(&self, fo: Value) -> i64 {
        if let Where::Live(i) = self.frame_where(fo) {
            return self.m.roots().frames[i].line() as i64;
        }
        let code = self.code_arc(self.fo_field(fo, F::Code));
        let (lasti, created) = self.frame_lasti(fo);
        if created {
            return code.first_line as i64;
        }
        code.locations
            .get(lasti)
            .map(|l| l.line)
            .unwrap_or(code.first_line) as i64
    }

    /// `f_back`.
    fn frame_back(&mut self, fo: Value) -> PyResult<Value> {
        match self.frame_where(fo) {
            Where::Live(0) | Where::Suspended(_) => Ok(Value::NONE),
            Where::Live(i) => self.frame_object_at(i - 1),
            Where::Done => Ok(self.fo_field(fo, F::Back)),
        }
    }

    /// `frame.f_locals` of frame object `fo`.
    pub(crate) fn frame_f_locals(&mut self, fo: Value) -> PyResult<Value> {
        let s = self.push_temp(fo);
        let r = self.frame_locals(s);
        self.pop_temps(s);
        r
    }

    /// `f_locals`: the namespace of a module or class body, else the
    /// object's dict refreshed from the frame's registers and cells.
    fn frame_locals(&mut self, s: usize) -> PyResult<Value> {
        let fo = self.temp(s);
        let ns = self.fo_field(fo, F::Ns);
        if !ns.is_empty() {
            return Ok(ns);
        }
        let mark = self.temps_len();
        let (regs, cells) = match self.frame_where(fo) {
            Where::Live(i) => {
                let f = &self.m.roots().frames[i];
                if !f.locals.is_empty() {
                    return Ok(f.locals);
                }
                (Regs::Stack(f.base), f.cells)
            }
            Where::Suspended(g) => {
                let r = self.field(g, GenField::Regs as usize);
                let c = self.field(g, GenField::Cells as usize);
                (Regs::Temp(self.push_temp(r)), c)
            }
            Where::Done => {
                let c = self.fo_field(fo, F::Cells);
                if self.fo_field(fo, F::Regs) == Value::TRUE {
                    (Regs::Own(s), c)
                } else {
                    (Regs::Gone, c)
                }
            }
        };
        let ci = self.push_temp(cells);
        let r = self.fill_frame_locals(s, regs, ci);
        self.pop_temps(mark);
        r
    }

    fn fill_frame_locals(&mut self, s: usize, regs: Regs, ci: usize) -> PyResult<Value> {
        let fo = self.temp(s);
        let code = self.code_arc(self.fo_field(fo, F::Code)).clone();
        let mut d = self.fo_field(fo, F::Locals);
        if d.is_empty() {
            d = self.new_dict()?;
            self.set_fo_field(self.temp(s), F::Locals, d);
        }
        let di = self.push_temp(d);
        let read = |vm: &Vm, k: usize| -> Value {
            let v = match regs {
                Regs::Stack(base) => vm.m.roots().stack.get(base + k).copied(),
                Regs::Temp(t) => {
                    let o = vm.temp(t);
                    match vm.kind_of(o) {
                        Some(Kind::List) => vm.list_vec(o).get(k).copied(),
                        _ => None,
                    }
                }
                Regs::Own(t) => {
                    let o = vm.temp(t);
                    (OWN_REGS + k < vm.len_word(o)).then(|| vm.field(o, OWN_REGS + k))
                }
                Regs::Gone => None,
            };
            v.unwrap_or(Value::EMPTY)
        };
        let cell_regs: Vec<usize> = code.cell_args.iter().map(|&(_, r)| r.0 as usize).collect();
        for (k, name) in code.local_names.iter().enumerate() {
            if cell_regs.contains(&k) {
                continue;
            }
            let v = read(self, k);
            self.set_or_del(di, name, v)?;
        }
        let names = code.cell_names.iter().chain(code.free_names.iter());
        for (k, name) in names.enumerate() {
            let cells = self.temp(ci);
            let v = if self.kind_of(cells) == Some(Kind::Tuple) {
                match self.tuple_items(cells).get(k) {
                    Some(&c) if self.kind_of(c) == Some(Kind::Cell) => self.field(c, 0),
                    _ => Value::EMPTY,
                }
            } else {
                Value::EMPTY
            };
            self.set_or_del(di, name, v)?;
        }
        Ok(self.temp(di))
    }

    /// `d[name] = v` for the dict at temp `di`, or deletes `name` when `v`
    /// is EMPTY (an unbound local).
    fn set_or_del(&mut self, di: usize, name: &str, v: Value) -> PyResult<()> {
        if !v.is_empty() {
            return self.dict_set_str(self.temp(di), name, v);
        }
        let k = self.new_str(name)?;
        self.dict_del(self.temp(di), k).map(|_| ())
    }
}

fn frame_getattr(vm: &mut Vm, s: usize, name: &str) -> PyResult<Option<Value>> {
    let fo = vm.temp(s);
    Ok(Some(match name {
        "f_code" => vm.fo_field(fo, F::Code),
        "f_globals" => vm.fo_field(fo, F::Globals),
        "f_builtins" => vm.global(GlobalSlot::Builtins),
        "f_lineno" => int(vm.frame_lineno(fo)),
        "f_lasti" => int(2 * vm.frame_lasti(fo).0 as i64),
        "f_back" => vm.frame_back(fo)?,
        "f_locals" => vm.frame_locals(s)?,
        "f_trace" => Value::NONE,
        "f_trace_lines" => Value::TRUE,
        "f_trace_opcodes" => Value::FALSE,
        _ => return Ok(None),
    }))
}

fn frame_repr(vm: &mut Vm, s: usize) -> PyResult<String> {
    let fo = vm.temp(s);
    let code = vm.code_arc(vm.fo_field(fo, F::Code)).clone();
    let line = vm.frame_lineno(fo);
    let file = vm.new_str(&code.filename)?;
    let file = vm.repr_of(file)?;
    let id = vm.id_of(vm.temp(s));
    Ok(format!(
        "<frame at {id:#x}, file {file}, line {line}, code {}>",
        code.name
    ))
}

/// `frame.clear()`: drops the locals a finished frame keeps; a suspended
/// generator's frame closes the generator first.
fn frame_clear(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let fo = a.get(vm, 0);
    if !is_instance(vm, fo, &FRAME) {
        let t = vm.type_name(fo);
        return Err(vm.type_error(&format!(
            "descriptor 'clear' for 'frame' objects doesn't apply to a '{t}' object"
        )));
    }
    if a.n != 1 {
        return Err(vm.type_error(&format!(
            "frame.clear() takes no arguments ({} given)",
            a.n - 1
        )));
    }
    match vm.frame_where(fo) {
        Where::Live(_) => {
            return Err(vm.raise_msg(TypeId::RuntimeError, "cannot clear an executing frame"));
        }
        Where::Suspended(g) => {
            let fi = vm.push_temp(fo);
            let r = vm.gen_close(g);
            let fo = vm.temp(fi);
            vm.pop_temps(fi);
            r?;
            // Closing ran the frame to its end: it detached.
            let _ = fo;
        }
        Where::Done => {}
    }
    let fo = a.get(vm, 0);
    vm.set_fo_field(fo, F::Regs, Value::FALSE);
    vm.set_fo_field(fo, F::Cells, Value::EMPTY);
    vm.set_fo_field(fo, F::Locals, Value::EMPTY);
    Ok(Value::NONE)
}
