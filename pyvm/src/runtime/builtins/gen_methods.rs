//! Methods of generators, coroutines, async generators and their
//! awaitables.

use pyvm_objmodel::Value;

use super::super::call::Args;
use super::super::coroutine::AsyncOpMode;
use super::super::exception::PyResult;
use super::super::generator::{FromStep, Resumed};
use super::super::heap::Vm;
use super::super::layout::{ExcField, Kind};
use super::super::types::TypeId;
use super::{NativeTable, Place};

/// The natives of this file.
pub(crate) const GEN_NATIVES: NativeTable = &[
    ("throw", Place::Method(TypeId::Generator), gen_throw),
    ("close", Place::Method(TypeId::Generator), gen_close),
    ("__next__", Place::Method(TypeId::Generator), gen_next),
    ("__iter__", Place::Method(TypeId::Generator), same),
    ("send", Place::Method(TypeId::Coroutine), gen_send),
    ("throw", Place::Method(TypeId::Coroutine), gen_throw),
    ("close", Place::Method(TypeId::Coroutine), gen_close),
    (
        "__await__",
        Place::Method(TypeId::Coroutine),
        super::super::async_builtins::coroutine_await,
    ),
    ("__aiter__", Place::Method(TypeId::AsyncGenerator), same),
    (
        "__anext__",
        Place::Method(TypeId::AsyncGenerator),
        agen_anext,
    ),
    ("asend", Place::Method(TypeId::AsyncGenerator), agen_asend),
    ("athrow", Place::Method(TypeId::AsyncGenerator), agen_athrow),
    ("aclose", Place::Method(TypeId::AsyncGenerator), agen_aclose),
    ("send", Place::Method(TypeId::AsyncGenASend), op_send),
    ("throw", Place::Method(TypeId::AsyncGenASend), op_throw),
    ("close", Place::Method(TypeId::AsyncGenASend), op_close),
    ("__next__", Place::Method(TypeId::AsyncGenASend), op_next),
    ("__iter__", Place::Method(TypeId::AsyncGenASend), same),
    ("__await__", Place::Method(TypeId::AsyncGenASend), same),
];

fn receiver(vm: &mut Vm, a: &Args, kind: Kind, meth: &str) -> PyResult<Value> {
    if a.n == 0 || vm.kind_of(a.get(vm, 0)) != Some(kind) {
        return Err(vm.type_error(&format!("descriptor '{meth}' requires a generator object")));
    }
    Ok(a.get(vm, 0))
}

fn same(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if a.n == 0 {
        return Err(vm.type_error("expected an argument"));
    }
    Ok(a.get(vm, 0))
}

/// StopIteration(v) (no args when `v` is None), raised.
fn stop_with(vm: &mut Vm, v: Value) -> super::super::exception::Raised {
    if v.is_none() {
        vm.raise_args(TypeId::StopIteration, &[])
    } else {
        vm.raise_args(TypeId::StopIteration, &[v])
    }
}

/// `gen.send(value)`.
pub(crate) fn gen_send(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if a.npos(vm) != 2 {
        return Err(vm.type_error(&format!(
            "send() takes exactly one argument ({} given)",
            a.npos(vm).saturating_sub(1)
        )));
    }
    let g = receiver(vm, &a, Kind::Generator, "send")?;
    match vm.gen_resume(g, a.get(vm, 1), Value::EMPTY)? {
        Resumed::Yield(v) => Ok(v),
        Resumed::Return(v) => Err(stop_with(vm, v)),
    }
}

/// `next(gen)` / `gen.__next__()`.
fn gen_next(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let g = receiver(vm, &a, Kind::Generator, "__next__")?;
    vm.gen_next_value(g)
}

impl Vm {
    /// `next(gen)`: StopIteration carries the return value.
    pub fn gen_next_value(&mut self, g: Value) -> PyResult<Value> {
        match self.gen_resume(g, Value::NONE, Value::EMPTY)? {
            Resumed::Yield(v) => Ok(v),
            Resumed::Return(v) => Err(stop_with(self, v)),
        }
    }

    /// The exception `throw(typ[, val[, tb]])` throws, from the arguments
    /// after the receiver.
    pub(crate) fn throw_args_exception(&mut self, a: &Args, first: usize) -> PyResult<Value> {
        let n = a.npos(self);
        if n <= first || n > first + 3 {
            return Err(self.type_error(&format!(
                "throw expected at least 1 argument, got {}",
                n.saturating_sub(first)
            )));
        }
        let typ = a.get(self, first);
        let val = if n > first + 1 {
            a.get(self, first + 1)
        } else {
            Value::NONE
        };
        let tb = if n > first + 2 {
            a.get(self, first + 2)
        } else {
            Value::NONE
        };
        if !tb.is_none() && self.kind_of(tb) != Some(Kind::Traceback) {
            return Err(self.type_error("throw() third argument must be a traceback object"));
        }
        let exc = if self.is_exception_class(typ) {
            if self.kind_of(val) == Some(Kind::Exception)
                && self.is_subclass(self.class_of(val), typ)
            {
                val
            } else {
                let items: Vec<Value> = if val.is_none() {
                    Vec::new()
                } else if self.kind_of(val) == Some(Kind::Tuple) {
                    self.tuple_items(val).to_vec()
                } else {
                    vec![val]
                };
                self.call_value(typ, &items)?
            }
        } else if self.kind_of(typ) == Some(Kind::Exception) {
            if !val.is_none() {
                return Err(self.type_error("instance exception may not have a separate value"));
            }
            typ
        } else {
            let t = self.type_name(typ);
            return Err(self.type_error(&format!(
                "exceptions must be classes or instances deriving from BaseException, not {t}"
            )));
        };
        if self.kind_of(exc) != Some(Kind::Exception) {
            return Err(
                self.type_error("calling the exception class did not return an exception instance")
            );
        }
        let tb = if n > first + 2 {
            a.get(self, first + 2)
        } else {
            Value::NONE
        };
        if !tb.is_none() {
            self.set_field(exc, ExcField::Traceback as usize, tb);
        }
        Ok(exc)
    }
}

/// `gen.throw(typ[, val[, tb]])`.
fn gen_throw(vm: &mut Vm, a: Args) -> PyResult<Value> {
    receiver(vm, &a, Kind::Generator, "throw")?;
    let exc = vm.throw_args_exception(&a, 1)?;
    match vm.gen_resume(a.get(vm, 0), Value::NONE, exc)? {
        Resumed::Yield(v) => Ok(v),
        Resumed::Return(v) => Err(stop_with(vm, v)),
    }
}

/// `gen.close()`.
fn gen_close(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let g = receiver(vm, &a, Kind::Generator, "close")?;
    vm.gen_close(g)?;
    Ok(Value::NONE)
}

fn agen_anext(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let g = receiver(vm, &a, Kind::Generator, "__anext__")?;
    vm.new_async_op(g, Value::NONE, AsyncOpMode::Send)
}

fn agen_asend(vm: &mut Vm, a: Args) -> PyResult<Value> {
    super::arity(vm, &a, "asend", 2, 2)?;
    let g = receiver(vm, &a, Kind::Generator, "asend")?;
    vm.new_async_op(g, a.get(vm, 1), AsyncOpMode::Send)
}

fn agen_athrow(vm: &mut Vm, a: Args) -> PyResult<Value> {
    receiver(vm, &a, Kind::Generator, "athrow")?;
    let exc = vm.throw_args_exception(&a, 1)?;
    vm.new_async_op(a.get(vm, 0), exc, AsyncOpMode::Throw)
}

fn agen_aclose(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let g = receiver(vm, &a, Kind::Generator, "aclose")?;
    vm.new_async_op(g, Value::NONE, AsyncOpMode::Close)
}

fn op_result(vm: &mut Vm, r: Option<PyResult<FromStep>>) -> PyResult<Value> {
    match r {
        Some(Ok(FromStep::Yield(v))) => Ok(v),
        Some(Ok(FromStep::Done(v))) => Err(stop_with(vm, v)),
        Some(Err(e)) => Err(e),
        None => Err(vm.type_error("expected an async generator awaitable")),
    }
}

fn op_send(vm: &mut Vm, a: Args) -> PyResult<Value> {
    super::arity(vm, &a, "send", 2, 2)?;
    receiver(vm, &a, Kind::AsyncGenOp, "send")?;
    let r = vm.async_op_step(a.start, a.start + 1, Value::EMPTY);
    op_result(vm, r)
}

fn op_next(vm: &mut Vm, a: Args) -> PyResult<Value> {
    receiver(vm, &a, Kind::AsyncGenOp, "__next__")?;
    let ni = vm.push_temp(Value::NONE);
    let r = vm.async_op_step(a.start, ni, Value::EMPTY);
    let r = op_result(vm, r);
    vm.pop_temps(ni);
    r
}

fn op_throw(vm: &mut Vm, a: Args) -> PyResult<Value> {
    receiver(vm, &a, Kind::AsyncGenOp, "throw")?;
    let exc = vm.throw_args_exception(&a, 1)?;
    let ni = vm.push_temp(Value::NONE);
    let r = vm.async_op_step(a.start, ni, exc);
    let r = op_result(vm, r);
    vm.pop_temps(ni);
    r
}

fn op_close(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let op = receiver(vm, &a, Kind::AsyncGenOp, "close")?;
    vm.set_field(
        op,
        super::super::layout::AsyncOpField::State as usize,
        Value::from_int(2).unwrap_or(Value::NONE),
    );
    Ok(Value::NONE)
}
