//! `_string`: the template parsing behind `string.Formatter`, on the
//! parser `str.format` uses (`crate::format_string`).
//!
//! CPython's iterators parse lazily; these parse the whole template first
//! (so a malformed template fails at the call rather than mid-iteration)
//! and iterate over the result.

use pyvm_objmodel::Value;

use super::NativeModule;
use super::native_types::check_pos;
use crate::format_string::{Accessor, FieldKey, parse_format_string, split_field_name};
use crate::runtime::call::Args;
use crate::runtime::exception::PyResult;
use crate::runtime::heap::Vm;

/// The `_string` module.
pub(crate) const MODULE: NativeModule = NativeModule {
    name: "_string",
    functions: &[
        ("formatter_parser", formatter_parser),
        ("formatter_field_name_split", formatter_field_name_split),
    ],
    init: None,
};

fn str_arg(vm: &mut Vm, a: &Args, fname: &str) -> PyResult<String> {
    let s = a.get(vm, 0);
    if !vm.is_str(s) {
        let t = vm.type_name(s);
        let _ = fname;
        return Err(vm.type_error(&format!("expected str, got {t}")));
    }
    Ok(vm.str_text(s).into_owned())
}

/// `formatter_parser(s)`: `(literal, field_name, format_spec, conversion)`
/// for each piece; the last three are None after trailing literal text.
fn formatter_parser(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "formatter_parser", 1, 1)?;
    let s = str_arg(vm, &a, "formatter_parser")?;
    let pieces = parse_format_string(&s).map_err(|e| vm.raise_pyerror(e))?;
    let mark = vm.temps_len();
    let r = (|| {
        for p in &pieces {
            let lit = vm.new_str(&p.literal)?;
            let li = vm.push_temp(lit);
            let t = match &p.field {
                None => vm.new_tuple(&[vm.temp(li), Value::NONE, Value::NONE, Value::NONE])?,
                Some(f) => {
                    let name = vm.new_str(&f.name)?;
                    let ni = vm.push_temp(name);
                    let spec = vm.new_str(&f.spec)?;
                    let si = vm.push_temp(spec);
                    let conv = match f.conversion {
                        Some(c) => vm.new_str(&c.to_string())?,
                        None => Value::NONE,
                    };
                    let t = vm.new_tuple(&[vm.temp(li), vm.temp(ni), vm.temp(si), conv])?;
                    vm.pop_temps(ni);
                    t
                }
            };
            vm.roots().temps[li] = t;
        }
        let items = vm.m.roots().temps[mark..].to_vec();
        let l = vm.new_list(&items)?;
        vm.get_iter(l)
    })();
    vm.pop_temps(mark);
    r
}

fn key_value(vm: &mut Vm, k: &FieldKey) -> PyResult<Value> {
    match k {
        FieldKey::Index(i) => vm.new_i64(*i as i64),
        FieldKey::Name(n) => vm.new_str(n),
    }
}

/// `formatter_field_name_split(name)`: `(first, iterator of (is_attr, key))`.
fn formatter_field_name_split(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "formatter_field_name_split", 1, 1)?;
    let s = str_arg(vm, &a, "formatter_field_name_split")?;
    let (first, rest) = split_field_name(&s).map_err(|e| vm.raise_pyerror(e))?;
    let mark = vm.temps_len();
    let r = (|| {
        let f = key_value(vm, &first)?;
        let fi = vm.push_temp(f);
        for acc in &rest {
            let (is_attr, v) = match acc {
                Accessor::Attr(n) => (true, vm.new_str(n)?),
                Accessor::Item(k) => (false, key_value(vm, k)?),
            };
            let t = vm.new_tuple(&[Value::from_bool(is_attr), v])?;
            vm.push_temp(t);
        }
        let items = vm.m.roots().temps[fi + 1..].to_vec();
        let l = vm.new_list(&items)?;
        let it = vm.get_iter(l)?;
        vm.new_tuple(&[vm.temp(fi), it])
    })();
    vm.pop_temps(mark);
    r
}
