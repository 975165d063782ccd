//! `_io.IncrementalNewlineDecoder`: a small Python class
//! (`py/newline_decoder.py`) run once when `_io` is first imported; `io`
//! re-exports the same class.

use super::super::ModuleRef;
use crate::runtime::exception::PyResult;
use crate::runtime::heap::Vm;

const SRC: &str = include_str!("../../py/newline_decoder.py");
const NAME: &str = "IncrementalNewlineDecoder";

/// Defines the class in `_io`.
pub(super) fn add_to_io_native(vm: &mut Vm, m: ModuleRef) -> PyResult<()> {
    let g = vm.run_embedded(SRC, "<pyvm _io>", "_io")?;
    let cls = vm
        .dict_get_str(g, NAME)?
        .unwrap_or(pyvm_objmodel::Value::NONE);
    m.set(vm, NAME, cls)
}

/// Copies `_io`'s class into `io`.
pub(super) fn add_to_io(vm: &mut Vm, m: ModuleRef) -> PyResult<()> {
    let native = vm.import_module("_io")?;
    let d = vm.field(native, 0);
    let cls = vm
        .dict_get_str(d, NAME)?
        .unwrap_or(pyvm_objmodel::Value::NONE);
    m.set(vm, NAME, cls)
}
