//! `unicodedata.ucd_3_2_0` (and `unicodedata.UCD`): made on first use by
//! the module's `__getattr__`, which runs `py/ucd_3_2_0.py` (the Unicode
//! 3.2.0 differences as tables, and the `UCD` class) in the module's
//! namespace, so `import unicodedata` does not pay for it.

use pyvm_objmodel::Value;

use super::ModuleRef;
use crate::runtime::call::Args;
use crate::runtime::exception::PyResult;
use crate::runtime::heap::Vm;

const SRC: &str = include_str!("../py/ucd_3_2_0.py");

const GETATTR: &str = r#"
def __getattr__(name):
    if name in ("ucd_3_2_0", "UCD"):
        _load_ucd_3_2_0()
        return globals()[name]
    raise AttributeError(f"module 'unicodedata' has no attribute '{name}'")
"#;

/// Adds the module's `__getattr__`.
pub(super) fn init(vm: &mut Vm, m: ModuleRef) -> PyResult<()> {
    super::time_mod::exec_in_module(vm, m, GETATTR, "<pyvm unicodedata>")
}

/// `_load_ucd_3_2_0()`: defines `UCD` and `ucd_3_2_0` in `unicodedata`.
pub(super) fn load(vm: &mut Vm, _a: Args) -> PyResult<Value> {
    let m = vm.import_module("unicodedata")?;
    let mi = vm.push_temp(m);
    let r = super::time_mod::exec_in_module(vm, ModuleRef(mi), SRC, "<pyvm ucd_3_2_0>");
    vm.pop_temps(mi);
    r.map(|_| Value::NONE)
}
