//! `BaseException.__reduce__` and `__setstate__`: exceptions survive pickle
//! and copy with their `args` and attributes. An `OSError` with a filename
//! reduces to `(class, (errno, strerror, filename[, None, filename2]))`, as
//! CPython's does, so the constructor sets them again.

use pyvm_objmodel::Value;

use super::super::call::Args;
use super::super::exception::PyResult;
use super::super::heap::Vm;
use super::super::layout::{ExcField, Kind};
use super::super::types::TypeId;
use super::{NativeTable, Place};

/// The natives of this file.
pub(crate) const EXC_REDUCE_NATIVES: NativeTable = &[
    (
        "__reduce__",
        Place::Method(TypeId::BaseException),
        exc_reduce,
    ),
    (
        "__setstate__",
        Place::Method(TypeId::BaseException),
        exc_setstate,
    ),
];

fn receiver(vm: &mut Vm, a: &Args, meth: &str, n: usize) -> PyResult<Value> {
    let me = a.get(vm, 0);
    if vm.kind_of(me) != Some(Kind::Exception) {
        let t = vm.type_name(me);
        return Err(vm.type_error(&format!(
            "descriptor '{meth}' requires a 'BaseException' object but received a '{t}'"
        )));
    }
    let got = a.npos(vm) - 1 + a.nkw(vm);
    if got != n {
        let what = if n == 0 {
            format!("BaseException.{meth}() takes no arguments ({got} given)")
        } else {
            format!("BaseException.{meth}() takes exactly one argument ({got} given)")
        };
        return Err(vm.type_error(&what));
    }
    Ok(me)
}

/// The value of `name` in exception dict `d` (None when absent).
fn dict_item(vm: &mut Vm, d: Value, name: &str) -> PyResult<Value> {
    if vm.kind_of(d) != Some(Kind::Dict) {
        return Ok(Value::NONE);
    }
    Ok(vm.dict_get_str(d, name)?.unwrap_or(Value::NONE))
}

fn exc_reduce(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let me = receiver(vm, &a, "__reduce__", 0)?;
    let mark = vm.temps_len();
    let r = (|| {
        let mut new_args = None;
        let args = vm.field(me, ExcField::Args as usize);
        let d = vm.field(me, ExcField::Dict as usize);
        let os = vm.ty(TypeId::OSError);
        let class = vm.class_of(me);
        if vm.is_subclass(class, os) && vm.tuple_items(args).len() == 2 {
            let f = dict_item(vm, d, "filename")?;
            vm.push_temp(f);
            if !f.is_none() {
                let f2 = dict_item(
                    vm,
                    vm.field(a.get(vm, 0), ExcField::Dict as usize),
                    "filename2",
                )?;
                let me = a.get(vm, 0);
                let args0 = vm
                    .tuple_items(vm.field(me, ExcField::Args as usize))
                    .to_vec();
                let mut items = vec![args0[0], args0[1], vm.temp(mark)];
                if !f2.is_none() {
                    items.push(Value::NONE);
                    items.push(f2);
                }
                new_args = Some(vm.new_tuple(&items)?);
            }
        }
        // Read again: the lookups above allocate.
        let args = match new_args {
            Some(t) => t,
            None => vm.field(a.get(vm, 0), ExcField::Args as usize),
        };
        let ai = vm.push_temp(args);
        let me = a.get(vm, 0);
        let class = vm.class_of(me);
        let d = vm.field(me, ExcField::Dict as usize);
        if vm.kind_of(d) == Some(Kind::Dict) && !vm.dict_mut(d).is_empty() {
            vm.new_tuple(&[class, vm.temp(ai), d])
        } else {
            vm.new_tuple(&[class, vm.temp(ai)])
        }
    })();
    vm.pop_temps(mark);
    r
}

fn exc_setstate(vm: &mut Vm, a: Args) -> PyResult<Value> {
    receiver(vm, &a, "__setstate__", 1)?;
    let st = a.get(vm, 1);
    if st.is_none() {
        return Ok(Value::NONE);
    }
    if vm.kind_of(st) != Some(Kind::Dict) {
        return Err(vm.type_error("state is not a dictionary"));
    }
    let items: Vec<(Value, Value)> = vm.dict_mut(st).items(&vm.keys()).collect();
    let mark = vm.temps_len();
    for (k, v) in &items {
        vm.push_temp(*k);
        vm.push_temp(*v);
    }
    let r = (|| {
        for i in 0..items.len() {
            let (k, v) = (vm.temp(mark + 2 * i), vm.temp(mark + 2 * i + 1));
            vm.set_attr(a.get(vm, 0), k, v)?;
        }
        Ok(Value::NONE)
    })();
    vm.pop_temps(mark);
    r
}
