//! Raising exceptions from Rust.
//!
//! A failing operation returns `Err(Raised)`; the exception object itself
//! is rooted in [`super::binding::Roots::raised`], so it survives (and
//! moves with) any collection while the error propagates.

use pyvm_objmodel::Value;

use super::heap::Vm;
use super::layout::{EXC_FIELDS, ExcField, Kind, TB_FIELDS, TbField, TypeField};
use super::types::TypeId;
use crate::error::{ErrorKind, PyError};

/// Marker: a Python exception was raised; the object is in `Roots::raised`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Raised;

/// Result of an operation that may raise.
pub type PyResult<T> = Result<T, Raised>;

impl Vm {
    /// A new exception instance of `class` with `args` (a tuple).
    pub fn new_exception(&mut self, class: Value, args: Value) -> PyResult<Value> {
        let mut fields = [Value::NONE; EXC_FIELDS];
        fields[ExcField::Args as usize] = args;
        fields[ExcField::Traceback as usize] = Value::NONE;
        fields[ExcField::SuppressContext as usize] = Value::FALSE;
        fields[ExcField::Dict as usize] = Value::EMPTY;
        self.alloc_record(Kind::Exception, class, &fields, 0)
    }

    /// Raises `value` (an exception instance).
    pub fn raise_value(&mut self, exc: Value) -> Raised {
        self.roots().raised = exc;
        Raised
    }

    /// Raises a new exception of builtin type `t` with message `msg`.
    pub fn raise_msg(&mut self, t: TypeId, msg: &str) -> Raised {
        let made = (|| {
            let s = self.new_str(msg)?;
            let args = self.new_tuple(&[s])?;
            let class = self.ty(t);
            self.new_exception(class, args)
        })();
        match made {
            Ok(e) => self.raise_value(e),
            Err(r) => r,
        }
    }

    /// Raises a new exception of builtin type `t` with `args` (a tuple).
    pub fn raise_args(&mut self, t: TypeId, args: &[Value]) -> Raised {
        let made = (|| {
            let args = self.new_tuple(args)?;
            let class = self.ty(t);
            self.new_exception(class, args)
        })();
        match made {
            Ok(e) => self.raise_value(e),
            Err(r) => r,
        }
    }

    /// `TypeError(msg)`.
    pub fn type_error(&mut self, msg: &str) -> Raised {
        self.raise_msg(TypeId::TypeError, msg)
    }

    /// Raises what one of the pure algorithm modules reported.
    pub fn raise_pyerror(&mut self, e: PyError) -> Raised {
        let t = match e.kind {
            ErrorKind::ValueError => TypeId::ValueError,
            ErrorKind::OverflowError => TypeId::OverflowError,
            ErrorKind::ZeroDivisionError => TypeId::ZeroDivisionError,
            ErrorKind::TypeError => TypeId::TypeError,
            ErrorKind::MemoryError => TypeId::MemoryError,
        };
        self.raise_msg(t, &e.message)
    }

    /// `NotImplementedError` for a feature the VM does not have yet.
    pub fn not_supported(&mut self, what: &str) -> Raised {
        self.raise_msg(
            TypeId::NotImplementedError,
            &format!("{what} is not supported yet by pyvm"),
        )
    }

    /// The exception being raised (EMPTY when none), left in the roots.
    pub fn raised(&self) -> Value {
        self.m.roots().raised
    }

    /// Takes the raised exception out of the roots.
    pub fn take_raised(&mut self) -> Value {
        std::mem::replace(&mut self.roots().raised, Value::EMPTY)
    }

    /// Whether `class` is `base` or inherits from it (by MRO).
    pub fn is_subclass(&self, class: Value, base: Value) -> bool {
        if class == base {
            return true;
        }
        if self.kind_of(class) != Some(Kind::Type) {
            return false;
        }
        let mro = self.field(class, TypeField::Mro as usize);
        if self.kind_of(mro) != Some(Kind::Tuple) {
            return false;
        }
        self.tuple_items(mro).contains(&base)
    }

    /// Whether `v` is an instance of builtin type `t`.
    pub fn isinstance_of(&self, v: Value, t: TypeId) -> bool {
        let c = self.class_of(v);
        self.is_subclass(c, self.ty(t))
    }

    /// Whether `exc` (an exception instance) matches `t`.
    pub fn exc_matches(&self, exc: Value, t: TypeId) -> bool {
        self.isinstance_of(exc, t)
    }

    /// `exc.__traceback__` (None for a non-exception or no traceback).
    pub fn exc_traceback(&self, exc: Value) -> Value {
        if self.kind_of(exc) != Some(Kind::Exception) {
            return Value::NONE;
        }
        let tb = self.field(exc, ExcField::Traceback as usize);
        if tb.is_empty() { Value::NONE } else { tb }
    }

    /// Prepends a traceback entry for the top frame's current instruction
    /// to `exc` (what CPython does for each frame an exception leaves).
    pub fn add_traceback_here(&mut self, exc: Value) -> PyResult<()> {
        if self.kind_of(exc) != Some(Kind::Exception) {
            return Ok(());
        }
        let ei = self.push_temp(exc);
        let top = self.m.roots().frames.len() - 1;
        let fo = match self.frame_object_at(top) {
            Ok(fo) => fo,
            Err(e) => {
                self.pop_temps(ei);
                return Err(e);
            }
        };
        let exc = self.temp(ei);
        let (code_obj, lasti, line, globals) = {
            let f = self.m.roots().frames.last().expect("frame");
            (f.code_obj, f.last_pc, f.line(), f.globals)
        };
        let mut fields = [Value::NONE; TB_FIELDS];
        fields[TbField::Frame as usize] = fo;
        let next = self.field(exc, ExcField::Traceback as usize);
        fields[TbField::Next as usize] = if next.is_empty() { Value::NONE } else { next };
        fields[TbField::Code as usize] = code_obj;
        fields[TbField::Lasti as usize] = Value::from_int(lasti as i64).unwrap_or(Value::NONE);
        fields[TbField::Lineno as usize] = Value::from_int(line as i64).unwrap_or(Value::NONE);
        fields[TbField::Globals as usize] = globals;
        let class = self.ty(TypeId::Traceback);
        let r = self.alloc_record(Kind::Traceback, class, &fields, 0);
        let exc = self.temp(ei);
        self.pop_temps(ei);
        self.set_field(exc, ExcField::Traceback as usize, r?);
        Ok(())
    }
}
