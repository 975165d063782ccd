//! `await`, `async with`, `async for` and the awaitables of async
//! generators (`asend`/`athrow`/`aclose`/`__anext__`).
//!
//! Coroutines and async generators are generator records (see
//! `generator.rs`) whose class is `coroutine` or `async_generator`. An
//! async generator suspends in two ways: `yield x` (a `YieldValue`, the
//! value its awaitable completes with) and an `await` inside it (a
//! `YieldFrom`, whose values pass through to the event loop); the
//! generator's send register tells them apart. The awaitable
//! (`Kind::AsyncGenOp`) drives the generator and turns the first kind into
//! its own completion (StopIteration(x)).

use pyvm_objmodel::Value;

use super::exception::PyResult;
use super::generator::{FromStep, Resumed};
use super::heap::Vm;
use super::layout::{ASYNC_OP_FIELDS, AsyncOpField, GenField, GenState, Kind};
use super::types::{GlobalSlot, TypeId};

fn int(i: i64) -> Value {
    Value::from_int(i).unwrap_or(Value::NONE)
}

/// What an async generator awaitable does when first resumed.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum AsyncOpMode {
    /// `asend(v)` / `__anext__()`.
    Send = 0,
    /// `athrow(exc)`.
    Throw = 1,
    /// `aclose()`.
    Close = 2,
}

impl Vm {
    /// A new awaitable of `agen` (`asend`, `athrow`, `aclose`).
    pub(crate) fn new_async_op(
        &mut self,
        agen: Value,
        arg: Value,
        mode: AsyncOpMode,
    ) -> PyResult<Value> {
        let mut fields = [Value::NONE; ASYNC_OP_FIELDS];
        fields[AsyncOpField::Agen as usize] = agen;
        fields[AsyncOpField::Arg as usize] = arg;
        fields[AsyncOpField::Mode as usize] = int(mode as i64);
        fields[AsyncOpField::State as usize] = int(0);
        let class = self.ty(TypeId::AsyncGenASend);
        self.alloc_record(Kind::AsyncGenOp, class, &fields, 0)
    }

    /// Runs the awaitable at temp `oi` if it is an async generator
    /// awaitable: sends `temp(vi)`, or throws `throw` when not EMPTY.
    pub(crate) fn async_op_step(
        &mut self,
        oi: usize,
        vi: usize,
        throw: Value,
    ) -> Option<PyResult<FromStep>> {
        if self.kind_of(self.temp(oi)) != Some(Kind::AsyncGenOp) {
            return None;
        }
        let ti = self.push_temp(throw);
        let r = self.async_op_send(oi, vi, ti);
        self.pop_temps(ti);
        Some(r)
    }

    fn async_op_send(&mut self, oi: usize, vi: usize, ti: usize) -> PyResult<FromStep> {
        let op = self.temp(oi);
        let state = self.field(op, AsyncOpField::State as usize).as_int();
        let mode = match self.field(op, AsyncOpField::Mode as usize).as_int() {
            Some(1) => AsyncOpMode::Throw,
            Some(2) => AsyncOpMode::Close,
            _ => AsyncOpMode::Send,
        };
        if state == Some(2) {
            let msg = if mode == AsyncOpMode::Send {
                "cannot reuse already awaited __anext__()/asend()"
            } else {
                "cannot reuse already awaited aclose()/athrow()"
            };
            return Err(self.raise_msg(TypeId::RuntimeError, msg));
        }
        let agen = self.field(op, AsyncOpField::Agen as usize);
        let mark = self.temps_len();
        self.push_temp(agen);
        let (send, throw) = if state == Some(0) {
            self.set_field(op, AsyncOpField::State as usize, int(1));
            let arg = self.field(op, AsyncOpField::Arg as usize);
            match mode {
                AsyncOpMode::Send => {
                    let v = self.temp(vi);
                    (if v.is_none() { arg } else { v }, self.temp(ti))
                }
                AsyncOpMode::Throw => {
                    let t = self.temp(ti);
                    (Value::NONE, if t.is_empty() { arg } else { t })
                }
                AsyncOpMode::Close => {
                    if matches!(self.gen_state(agen), GenState::Created | GenState::Done) {
                        self.finish_generator(agen);
                        self.set_field(self.temp(oi), AsyncOpField::State as usize, int(2));
                        self.pop_temps(mark);
                        return Ok(FromStep::Done(Value::NONE));
                    }
                    let t = self.temp(ti);
                    if t.is_empty() {
                        self.pop_temps(mark);
                        let class = self.ty(TypeId::GeneratorExit);
                        let empty = self.global(GlobalSlot::EmptyTuple);
                        let exc = self.new_exception(class, empty)?;
                        return self.async_op_resume(oi, mode, Value::NONE, exc);
                    }
                    (Value::NONE, t)
                }
            }
        } else {
            (self.temp(vi), self.temp(ti))
        };
        self.pop_temps(mark);
        self.async_op_resume(oi, mode, send, throw)
    }

    fn async_op_resume(
        &mut self,
        oi: usize,
        mode: AsyncOpMode,
        send: Value,
        throw: Value,
    ) -> PyResult<FromStep> {
        let agen = self.field(self.temp(oi), AsyncOpField::Agen as usize);
        let r = self.gen_resume(agen, send, throw);
        let op = self.temp(oi);
        let agen = self.field(op, AsyncOpField::Agen as usize);
        let async_yield = self
            .field(agen, GenField::SendReg as usize)
            .as_int()
            .unwrap_or(-1)
            >= 0;
        match r {
            Ok(Resumed::Yield(x)) if async_yield => {
                self.set_field(op, AsyncOpField::State as usize, int(2));
                if mode == AsyncOpMode::Close {
                    return Err(self.raise_msg(
                        TypeId::RuntimeError,
                        "async generator ignored GeneratorExit",
                    ));
                }
                Ok(FromStep::Done(x))
            }
            Ok(Resumed::Yield(x)) => Ok(FromStep::Yield(x)),
            Ok(Resumed::Return(_)) => {
                self.set_field(op, AsyncOpField::State as usize, int(2));
                if mode == AsyncOpMode::Close {
                    return Ok(FromStep::Done(Value::NONE));
                }
                Err(self.raise_args(TypeId::StopAsyncIteration, &[]))
            }
            Err(e) => {
                self.set_field(op, AsyncOpField::State as usize, int(2));
                let x = self.raised();
                if mode == AsyncOpMode::Close
                    && (self.exc_matches(x, TypeId::GeneratorExit)
                        || self.exc_matches(x, TypeId::StopAsyncIteration))
                {
                    self.take_raised();
                    return Ok(FromStep::Done(Value::NONE));
                }
                Err(e)
            }
        }
    }

    /// `GetAwaitable`: the iterator `await v` delegates to. `kind` 1 and 2
    /// name `__aenter__`/`__aexit__` in the error.
    pub(crate) fn get_awaitable(&mut self, v: Value, kind: u32) -> PyResult<Value> {
        match self.kind_of(v) {
            Some(Kind::Generator) if self.class_of(v) == self.ty(TypeId::Coroutine) => {
                if !self.field(v, GenField::Delegate as usize).is_empty()
                    && self.gen_state(v) == GenState::Suspended
                {
                    return Err(
                        self.raise_msg(TypeId::RuntimeError, "coroutine is being awaited already")
                    );
                }
                return Ok(v);
            }
            Some(Kind::AsyncGenOp) => return Ok(v),
            // A generator made by a `types.coroutine` function.
            Some(Kind::Generator)
                if self.class_of(v) == self.ty(TypeId::Generator)
                    && self
                        .code_arc(self.field(v, GenField::Code as usize))
                        .flags
                        .contains(pyvm_bytecode::CodeFlags(0x100)) =>
            {
                return Ok(v);
            }
            _ => {}
        }
        let vi = self.push_temp(v);
        let r = (|| {
            let class = self.class_of(self.temp(vi));
            let Some(m) = self.lookup_type_attr(class, "__await__")? else {
                let t = self.type_name(self.temp(vi));
                let msg = match kind {
                    1 => format!(
                        "'async with' received an object from __aenter__ that does not implement __await__: {t}"
                    ),
                    2 => format!(
                        "'async with' received an object from __aexit__ that does not implement __await__: {t}"
                    ),
                    _ => format!("object {t} can't be used in 'await' expression"),
                };
                return Err(self.type_error(&msg));
            };
            let it = self.call_value(m, &[self.temp(vi)])?;
            if self.kind_of(it) == Some(Kind::Generator)
                && self.class_of(it) == self.ty(TypeId::Coroutine)
            {
                return Err(self.type_error("__await__() returned a coroutine"));
            }
            if !self.is_iterator(it)? {
                let t = self.type_name(it);
                return Err(
                    self.type_error(&format!("__await__() returned non-iterator of type '{t}'"))
                );
            }
            Ok(it)
        })();
        self.pop_temps(vi);
        r
    }

    /// Whether `v` is an iterator (has `__next__`).
    fn is_iterator(&mut self, v: Value) -> PyResult<bool> {
        match self.kind_of(v) {
            Some(
                Kind::Generator
                | Kind::SeqIter
                | Kind::DictKeyIter
                | Kind::Enumerate
                | Kind::Zip
                | Kind::AsyncGenOp,
            ) => Ok(true),
            _ => {
                let class = self.class_of(v);
                Ok(self.lookup_type_attr(class, "__next__")?.is_some())
            }
        }
    }

    /// `GetAIter`: `aiter(v)` for `async for`.
    pub(crate) fn get_aiter(&mut self, v: Value) -> PyResult<Value> {
        if self.kind_of(v) == Some(Kind::Generator)
            && self.class_of(v) == self.ty(TypeId::AsyncGenerator)
        {
            return Ok(v);
        }
        let vi = self.push_temp(v);
        let r = (|| {
            let class = self.class_of(self.temp(vi));
            let Some(m) = self.lookup_type_attr(class, "__aiter__")? else {
                let t = self.type_name(self.temp(vi));
                return Err(self.type_error(&format!(
                    "'async for' requires an object with __aiter__ method, got {t}"
                )));
            };
            let it = self.call_value(m, &[self.temp(vi)])?;
            let ii = self.push_temp(it);
            let class = self.class_of(it);
            let has_anext = (self.kind_of(it) == Some(Kind::Generator)
                && class == self.ty(TypeId::AsyncGenerator))
                || self.lookup_type_attr(class, "__anext__")?.is_some();
            let it = self.temp(ii);
            if !has_anext {
                let t = self.type_name(it);
                return Err(self.type_error(&format!(
                    "'async for' received an object from __aiter__ that does not implement __anext__: {t}"
                )));
            }
            Ok(it)
        })();
        self.pop_temps(vi);
        r
    }

    /// `GetANext`: `aiter.__anext__()` (an awaitable).
    pub(crate) fn get_anext(&mut self, it: Value) -> PyResult<Value> {
        if self.kind_of(it) == Some(Kind::Generator)
            && self.class_of(it) == self.ty(TypeId::AsyncGenerator)
        {
            return self.new_async_op(it, Value::NONE, AsyncOpMode::Send);
        }
        let ii = self.push_temp(it);
        let r = (|| {
            let class = self.class_of(self.temp(ii));
            let Some(m) = self.lookup_type_attr(class, "__anext__")? else {
                let t = self.type_name(self.temp(ii));
                return Err(self.type_error(&format!(
                    "'async for' requires an iterator with __anext__ method, got {t}"
                )));
            };
            let mut v = self.call_value(m, &[self.temp(ii)])?;
            // CPython checks here that the result is awaitable.
            let awaitable = matches!(self.kind_of(v), Some(Kind::Generator | Kind::AsyncGenOp))
                || {
                    let vi = self.push_temp(v);
                    let class = self.class_of(v);
                    let has = self.lookup_type_attr(class, "__await__");
                    v = self.temp(vi);
                    self.pop_temps(vi);
                    has?.is_some()
                };
            if !awaitable {
                let t = self.type_name(v);
                return Err(self.type_error(&format!(
                    "'async for' received an invalid object from __anext__: {t}"
                )));
            }
            Ok(v)
        })();
        self.pop_temps(ii);
        r
    }

    /// `AsyncWithEnter`: (bound `__aexit__`, result of `__aenter__()`).
    pub(crate) fn async_with_enter(&mut self, mgr: Value) -> PyResult<(Value, Value)> {
        let mark = self.temps_len();
        let mi = self.push_temp(mgr);
        let r = (|| {
            let class = self.class_of(self.temp(mi));
            let enter = self.lookup_type_attr(class, "__aenter__")?;
            let class = self.class_of(self.temp(mi));
            let exit = self.lookup_type_attr(class, "__aexit__")?;
            let (Some(enter), Some(exit)) = (enter, exit) else {
                let t = self.type_name(self.temp(mi));
                return Err(self.type_error(&format!(
                    "'{t}' object does not support the asynchronous context manager protocol"
                )));
            };
            let ei = self.push_temp(enter);
            let bound = self.bind_method(exit, self.temp(mi))?;
            let bi = self.push_temp(bound);
            let v = self.call_value(self.temp(ei), &[self.temp(mi)])?;
            Ok((self.temp(bi), v))
        })();
        self.pop_temps(mark);
        r
    }
}
