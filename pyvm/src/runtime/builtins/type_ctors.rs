//! Constructors of builtin types that Python code reaches through `types`:
//! `type(None)()`, `types.MethodType(func, obj)`,
//! `types.FunctionType(code, globals, name=None, argdefs=None, closure=None)`.

use pyvm_objmodel::Value;

use super::super::call::Args;
use super::super::exception::PyResult;
use super::super::heap::Vm;
use super::super::layout::{FUNC_FIELDS, FuncField, Kind};
use super::super::types::TypeId;
use super::{NativeTable, Place};

pub(crate) const TYPE_CTORS: NativeTable = &[
    ("NoneType", Place::Constructor(TypeId::NoneType), none_new),
    ("method", Place::Constructor(TypeId::Method), method_new),
    (
        "function",
        Place::Constructor(TypeId::Function),
        function_new,
    ),
];

/// `NoneType()`: None.
fn none_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if a.n > 0 {
        return Err(vm.type_error("NoneType takes no arguments"));
    }
    Ok(Value::NONE)
}

/// `types.MethodType(function, instance)`: a bound method.
fn method_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if a.nkw(vm) > 0 {
        return Err(vm.type_error("method() takes no keyword arguments"));
    }
    let n = a.npos(vm);
    if n != 2 {
        return Err(vm.type_error(&format!("method expected 2 arguments, got {n}")));
    }
    let f = a.get(vm, 0);
    if !vm.is_callable(f)? {
        return Err(vm.type_error("first argument must be callable"));
    }
    let obj = a.get(vm, 1);
    if obj.is_none() {
        return Err(vm.type_error("instance must not be None"));
    }
    let (f, obj) = (a.get(vm, 0), a.get(vm, 1));
    let class = vm.ty(TypeId::Method);
    vm.alloc_record(Kind::BoundMethod, class, &[f, obj], 0)
}

/// `types.FunctionType(code, globals, name=None, argdefs=None,
/// closure=None)`.
fn function_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let npos = a.npos(vm);
    let names = ["code", "globals", "name", "argdefs", "closure"];
    if npos > names.len() {
        return Err(vm.type_error(&format!(
            "function() takes at most 5 arguments ({npos} given)"
        )));
    }
    let mut args = [None; 5];
    for (i, slot) in args.iter_mut().enumerate().take(npos) {
        *slot = Some(a.get(vm, i));
    }
    for (i, n) in names.iter().enumerate() {
        if let Some(v) = a.kwarg(vm, n) {
            if args[i].is_some() {
                return Err(vm.type_error(&format!(
                    "argument for function() given by name ('{n}') and position ({})",
                    i + 1
                )));
            }
            args[i] = Some(v);
        }
    }
    let (Some(code), Some(globals)) = (args[0], args[1]) else {
        let missing = if args[0].is_none() { "code" } else { "globals" };
        let pos = if args[0].is_none() { 1 } else { 2 };
        return Err(vm.type_error(&format!(
            "function() missing required argument '{missing}' (pos {pos})"
        )));
    };
    if vm.kind_of(code) != Some(Kind::Code) {
        let t = vm.type_name(code);
        return Err(vm.type_error(&format!("function() argument 'code' must be code, not {t}")));
    }
    if vm.kind_of(globals) != Some(Kind::Dict) {
        let t = vm.type_name(globals);
        return Err(vm.type_error(&format!(
            "function() argument 'globals' must be dict, not {t}"
        )));
    }
    let name = args[2].filter(|v| !v.is_none());
    if let Some(n) = name
        && !vm.is_str(n)
    {
        return Err(vm.type_error("arg 3 (name) must be None or string"));
    }
    let defaults = args[3].filter(|v| !v.is_none());
    if let Some(d) = defaults
        && vm.kind_of(d) != Some(Kind::Tuple)
    {
        return Err(vm.type_error("arg 4 (defaults) must be None or tuple"));
    }
    let c = vm.code_arc(code).clone();
    let nfree = c.free_names.len();
    let closure = args[4].filter(|v| !v.is_none());
    match closure {
        Some(cl) if vm.kind_of(cl) != Some(Kind::Tuple) => {
            return Err(vm.type_error("arg 5 (closure) must be tuple"));
        }
        Some(cl) if vm.tuple_items(cl).len() != nfree => {
            let got = vm.tuple_items(cl).len();
            return Err(vm.raise_msg(
                TypeId::ValueError,
                &format!("{} requires closure of length {nfree}, not {got}", c.name),
            ));
        }
        None if nfree > 0 => {
            return Err(vm.type_error("arg 5 (closure) must be tuple"));
        }
        _ => {}
    }
    let mut fields = [Value::NONE; FUNC_FIELDS];
    fields[FuncField::Code as usize] = code;
    fields[FuncField::Globals as usize] = globals;
    fields[FuncField::Defaults as usize] = defaults.unwrap_or(Value::NONE);
    fields[FuncField::Closure as usize] = closure.unwrap_or(Value::NONE);
    fields[FuncField::Name as usize] = name.unwrap_or(Value::NONE);
    let mark = vm.temps_len();
    vm.roots().temps.extend_from_slice(&fields);
    let r = (|| {
        if name.is_none() {
            let n = vm.new_str(&c.name)?;
            vm.roots().temps[mark + FuncField::Name as usize] = n;
        }
        let q = vm.new_str(&c.qualname)?;
        vm.roots().temps[mark + FuncField::Qualname as usize] = q;
        let fields = vm.m.roots().temps[mark..].to_vec();
        let class = vm.ty(TypeId::Function);
        vm.alloc_record(Kind::Function, class, &fields, 0)
    })();
    vm.pop_temps(mark);
    r
}
