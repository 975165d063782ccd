//! `import builtins`: a module object whose dict is the VM's builtins
//! namespace (`GlobalSlot::Builtins`), so assigning `builtins.x` is seen by
//! every global lookup, as in CPython.

use super::{ModuleRef, NativeModule};
use crate::runtime::exception::PyResult;
use crate::runtime::heap::Vm;
use crate::runtime::types::GlobalSlot;

/// The `builtins` module.
pub(crate) const MODULE: NativeModule = NativeModule {
    name: "builtins",
    functions: &[],
    init: Some(init),
};

fn init(vm: &mut Vm, m: ModuleRef) -> PyResult<()> {
    let b = vm.global(GlobalSlot::Builtins);
    vm.set_field(m.get(vm), 0, b);
    let name = vm.field(m.get(vm), 1);
    let b = vm.global(GlobalSlot::Builtins);
    vm.dict_set_str(b, "__name__", name)?;
    let b = vm.global(GlobalSlot::Builtins);
    vm.dict_set_str(b, "__doc__", pyvm_objmodel::Value::NONE)?;
    Ok(())
}
