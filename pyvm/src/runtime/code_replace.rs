//! `code.replace(**changes)`: a copy of a code object with some
//! attributes changed (`types.coroutine` sets `CO_ITERABLE_COROUTINE` in
//! `co_flags` this way). The scalar and name attributes can change; the
//! instruction and table attributes raise NotImplementedError.

use std::sync::Arc;

use pyvm_bytecode::CodeFlags;
use pyvm_objmodel::Value;

use super::builtins::{NativeTable, Place};
use super::call::Args;
use super::exception::PyResult;
use super::heap::Vm;
use super::types::TypeId;

/// The methods of `code` defined here.
pub(crate) const CODE_REPLACE_NATIVES: NativeTable =
    &[("replace", Place::Method(TypeId::Code), replace)];

/// Every keyword CPython 3.11's `code.replace` accepts.
const KEYWORDS: &[&str] = &[
    "co_argcount",
    "co_posonlyargcount",
    "co_kwonlyargcount",
    "co_nlocals",
    "co_stacksize",
    "co_flags",
    "co_firstlineno",
    "co_code",
    "co_consts",
    "co_names",
    "co_varnames",
    "co_freevars",
    "co_cellvars",
    "co_filename",
    "co_name",
    "co_qualname",
    "co_linetable",
    "co_exceptiontable",
];

fn int_of(vm: &mut Vm, v: Value) -> PyResult<i64> {
    match v.as_int().or_else(|| v.as_bool().map(i64::from)) {
        Some(n) => Ok(n),
        None => {
            let t = vm.type_name(v);
            Err(vm.type_error(&format!("'{t}' object cannot be interpreted as an integer")))
        }
    }
}

fn str_of(vm: &mut Vm, v: Value, name: &str) -> PyResult<String> {
    if !vm.is_str(v) {
        let t = vm.type_name(v);
        return Err(vm.type_error(&format!("replace() argument '{name}' must be str, not {t}")));
    }
    Ok(vm.str_text(v).into_owned())
}

fn replace(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if a.npos(vm) != 1 {
        return Err(vm.type_error("replace() takes no positional arguments"));
    }
    let code = a.get(vm, 0);
    let mut c: pyvm_bytecode::CodeObject = (**vm.code_arc(code)).clone();
    let names: Vec<Value> = match a.kw {
        Some(k) => vm.tuple_items(vm.temp(k)).to_vec(),
        None => Vec::new(),
    };
    for (i, n) in names.into_iter().enumerate() {
        let name = vm.str_text(n).into_owned();
        if !KEYWORDS.contains(&name.as_str()) {
            return Err(vm.type_error(&format!(
                "'{name}' is an invalid keyword argument for replace()"
            )));
        }
        let v = a.get(vm, 1 + i);
        match name.as_str() {
            "co_flags" => c.flags = CodeFlags(int_of(vm, v)? as u32),
            "co_firstlineno" => c.first_line = int_of(vm, v)? as u32,
            "co_argcount" => c.arg_count = int_of(vm, v)? as u32,
            "co_posonlyargcount" => c.posonly_count = int_of(vm, v)? as u32,
            "co_kwonlyargcount" => c.kwonly_count = int_of(vm, v)? as u32,
            "co_name" => c.name = str_of(vm, v, "co_name")?,
            "co_qualname" => c.qualname = str_of(vm, v, "co_qualname")?,
            "co_filename" => c.filename = Arc::from(str_of(vm, v, "co_filename")?.as_str()),
            "co_nlocals" | "co_stacksize" => {
                int_of(vm, v)?;
            }
            _ => {
                return Err(vm.not_supported(&format!("code.replace({name}=...)")));
            }
        }
    }
    vm.new_code(Arc::new(c))
}
