//! The pyvm runtime: objects on the `pyvm-gc` heap, values from
//! `pyvm-objmodel`, and an interpreter for `pyvm-bytecode` code objects.
//!
//! See `ARCHITECTURE-runtime.md` in the crate for the design: object
//! layout ([`layout`]), the collector binding ([`binding`]), the frame stack
//! ([`frame`], [`call`]), exceptions ([`exception`], [`traceback`]), and the
//! dispatch loop ([`interp`]) with its executor hook for the trace recorder.

pub mod attr;
pub mod binding;
pub mod bootstrap;
pub mod builtins;
pub mod call;
pub mod cli;
pub mod code;
pub mod exception;
pub mod frame;
pub mod heap;
pub mod interp;
pub mod items;
pub mod keys;
pub mod layout;
pub mod ops;
pub mod text;
pub mod traceback;
pub mod types;

pub use exception::{PyResult, Raised};
pub use heap::Vm;
pub use interp::{Counting, Executor, Run};
