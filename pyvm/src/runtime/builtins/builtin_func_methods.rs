//! Methods of `builtin_function_or_method`: `__reduce__` (pickle and copy
//! save a module-level builtin by name, a bound one as
//! `getattr(self, name)`, as CPython does).

use pyvm_objmodel::Value;

use super::{NativeTable, Place};
use crate::runtime::call::Args;
use crate::runtime::exception::PyResult;
use crate::runtime::heap::Vm;
use crate::runtime::layout::{BuiltinField, Kind};
use crate::runtime::types::{GlobalSlot, TypeId};

pub(crate) const BUILTIN_FUNC_NATIVES: NativeTable = &[(
    "__reduce__",
    Place::Method(TypeId::BuiltinFunction),
    builtin_reduce,
)];

fn builtin_reduce(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if a.npos(vm) != 1 || a.nkw(vm) > 0 {
        let n = a.npos(vm).saturating_sub(1) + a.nkw(vm);
        return Err(vm.type_error(&format!(
            "builtin_function_or_method.__reduce__() takes no arguments ({n} given)"
        )));
    }
    let f = a.get(vm, 0);
    if vm.kind_of(f) != Some(Kind::Builtin) {
        let t = vm.type_name(f);
        return Err(vm.type_error(&format!(
            "descriptor '__reduce__' for 'builtin_function_or_method' objects doesn't apply to a '{t}' object"
        )));
    }
    let name = vm.field(f, BuiltinField::Name as usize);
    let mut this = vm.field(f, BuiltinField::SelfValue as usize);
    // A method descriptor is `getattr(owner, name)` (`str.upper`).
    if let Some(owner) = vm.method_descr_owner(f) {
        this = owner;
    }
    if this.is_empty() || this.is_none() || vm.kind_of(this) == Some(Kind::Module) {
        return Ok(name);
    }
    let args = vm.new_tuple(&[this, name])?;
    let ai = vm.push_temp(args);
    let r = vm.dict_get_str(vm.global(GlobalSlot::Builtins), "getattr");
    let args = vm.temp(ai);
    vm.pop_temps(ai);
    let getattr = r?.unwrap_or(Value::NONE);
    vm.new_tuple(&[getattr, args])
}
