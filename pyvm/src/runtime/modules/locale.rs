//! `_locale`: enough for `locale.getpreferredencoding()` and friends
//! (pyvm runs in a UTF-8 C locale).

use pyvm_objmodel::Value;

use super::{ModuleRef, NativeModule};
use crate::runtime::call::Args;
use crate::runtime::exception::PyResult;
use crate::runtime::heap::Vm;

/// The `_locale` module.
pub(crate) const MODULE: NativeModule = NativeModule {
    name: "_locale",
    functions: &[
        ("setlocale", setlocale),
        ("getencoding", getencoding),
        ("nl_langinfo", getencoding),
        ("localeconv", localeconv),
    ],
    init: Some(init),
};

fn init(vm: &mut Vm, m: ModuleRef) -> PyResult<()> {
    for (name, v) in [
        ("LC_CTYPE", 0),
        ("LC_NUMERIC", 1),
        ("LC_TIME", 2),
        ("LC_COLLATE", 3),
        ("LC_MONETARY", 4),
        ("LC_MESSAGES", 5),
        ("LC_ALL", 6),
        ("CODESET", 14),
        ("CHAR_MAX", 127),
    ] {
        m.set(vm, name, Value::from_int(v).unwrap_or(Value::NONE))?;
    }
    let e = vm.ty(crate::runtime::types::TypeId::Exception);
    m.set(vm, "Error", e)
}

/// `setlocale(category, locale=None)`: the C locale ("C"), accepting any.
fn setlocale(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let _ = a;
    vm.new_str("C.UTF-8")
}

fn getencoding(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let _ = a;
    vm.new_str("UTF-8")
}

fn localeconv(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let _ = a;
    let d = vm.new_dict()?;
    let di = vm.push_temp(d);
    let r = (|| {
        for (k, v) in [
            ("decimal_point", "."),
            ("thousands_sep", ""),
            ("int_curr_symbol", ""),
            ("currency_symbol", ""),
            ("mon_decimal_point", ""),
            ("mon_thousands_sep", ""),
            ("positive_sign", ""),
            ("negative_sign", ""),
        ] {
            let s = vm.new_str(v)?;
            vm.dict_set_str(vm.temp(di), k, s)?;
        }
        let g = vm.new_list(&[])?;
        vm.dict_set_str(vm.temp(di), "grouping", g)?;
        Ok(vm.temp(di))
    })();
    vm.pop_temps(di);
    r
}
