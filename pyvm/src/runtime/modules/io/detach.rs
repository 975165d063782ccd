//! `TextIOWrapper.detach()` and `Buffered*.detach()`: hand back the
//! underlying object (`buffer` / `raw`) and leave the wrapper unusable.
//!
//! The layers of one open file share an `FdFile` (`file.rs`), so detaching
//! moves no data: the wrapper's state becomes [`IoState::Detached`] (every
//! later operation raises CPython's "underlying buffer has been detached" /
//! "raw stream has been detached"), and a detached `Buffered*` layer stops
//! buffering writes for the raw file left behind.

use pyvm_objmodel::Value;

use super::methods::{is_buffered, recv};
use super::{IoState, call_method, io_box, set_io_attr};
use crate::runtime::call::Args;
use crate::runtime::exception::PyResult;
use crate::runtime::heap::Vm;
use crate::runtime::types::TypeId;

/// CPython's message for an operation on a detached wrapper `v`, if it is
/// one.
pub(crate) fn detached_message(vm: &Vm, v: Value) -> Option<&'static str> {
    match io_box(vm, v).map(|b| &b.state) {
        Some(IoState::Detached) if is_buffered(vm, v) => Some("raw stream has been detached"),
        Some(IoState::Detached) => Some("underlying buffer has been detached"),
        _ => None,
    }
}

/// ValueError if `v` was detached.
pub(crate) fn check_attached(vm: &mut Vm, v: Value) -> PyResult<()> {
    match detached_message(vm, v) {
        Some(msg) => Err(vm.raise_msg(TypeId::ValueError, msg)),
        None => Ok(()),
    }
}

/// `detach()`.
pub(super) fn detach(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let f = recv(vm, &a, "detach")?;
    crate::runtime::builtins::arity(vm, &a, "detach", 1, 1)?;
    check_attached(vm, f)?;
    let attr = match io_box(vm, f).map(|b| &b.state) {
        Some(IoState::Text(_)) => "buffer",
        Some(IoState::File(_)) if is_buffered(vm, f) => "raw",
        _ => return Err(vm.raise_msg(TypeId::UnsupportedOperation, "detach")),
    };
    // What was written reaches the layer below first.
    call_method(vm, a.get(vm, 0), "flush", &[])?;
    let f = a.get(vm, 0);
    let under = vm.get_attr_str(f, attr)?;
    let ui = vm.push_temp(under);
    let f = a.get(vm, 0);
    if let Some(b) = io_box(vm, f) {
        if let IoState::File(file) = &b.state {
            file.borrow_mut().buffered = false;
        }
        b.state = IoState::Detached;
    }
    let r = set_io_attr(vm, a.get(vm, 0), attr, Value::NONE);
    let under = vm.temp(ui);
    vm.pop_temps(ui);
    r.map(|_| under)
}
