//! `_csv`: the reader, writer and dialect registry behind `csv`. The
//! module is Python (`py/csv_module.py`, pyvm's own), run in the native
//! module's namespace when it is first imported; the reader's state
//! machine runs natively over a line at a time (`csv_parse.rs`).

use super::{ModuleRef, NativeModule};
use crate::runtime::exception::PyResult;
use crate::runtime::heap::Vm;

const SRC: &str = include_str!("../py/csv_module.py");

/// The `_csv` module.
pub(crate) const MODULE: NativeModule = NativeModule {
    name: "_csv",
    functions: &[("_parse", super::csv_parse::parse)],
    init: Some(init),
};

fn init(vm: &mut Vm, m: ModuleRef) -> PyResult<()> {
    super::time_mod::exec_in_module(vm, m, SRC, "<pyvm _csv>")
}
