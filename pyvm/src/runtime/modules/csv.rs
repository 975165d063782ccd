//! `_csv`: the reader, writer and dialect registry behind `csv`. The
//! module is Python (`py/csv_module.py`, pyvm's own), run in the native
//! module's namespace when it is first imported: a per-character state
//! machine with a fast path for lines that need no unquoting.

use super::{ModuleRef, NativeModule};
use crate::runtime::exception::PyResult;
use crate::runtime::heap::Vm;

const SRC: &str = include_str!("../py/csv_module.py");

/// The `_csv` module.
pub(crate) const MODULE: NativeModule = NativeModule {
    name: "_csv",
    functions: &[],
    init: Some(init),
};

fn init(vm: &mut Vm, m: ModuleRef) -> PyResult<()> {
    super::time_mod::exec_in_module(vm, m, SRC, "<pyvm _csv>")
}
