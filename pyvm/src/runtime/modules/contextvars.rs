//! `_contextvars`: `ContextVar`, `Token`, `Context` and `copy_context`.
//!
//! A Context holds its variables in a dict (state field 0); the current
//! context is an auxiliary VM root, made on first use. `Context.run`
//! switches it for the duration of the call.

use pyvm_objmodel::Value;

use super::native_types::{NativeType, check_pos, export, is_instance};
use super::{ModuleRef, NativeModule};
use crate::runtime::call::Args;
use crate::runtime::exception::PyResult;
use crate::runtime::heap::Vm;
use crate::runtime::layout::TypeField;
use crate::runtime::types::TypeId;

/// The `_contextvars` module.
pub(crate) const MODULE: NativeModule = NativeModule {
    name: "_contextvars",
    functions: &[("copy_context", copy_context)],
    init: Some(init),
};

/// Auxiliary root: the current context.
const CURRENT: usize = 1;
/// Auxiliary root: `Token.MISSING`.
const MISSING: usize = 2;

fn init(vm: &mut Vm, m: ModuleRef) -> PyResult<()> {
    export(vm, m, &CONTEXT)?;
    export(vm, m, &CONTEXT_VAR)?;
    export(vm, m, &TOKEN)?;
    let missing = missing(vm)?;
    let mi = vm.push_temp(missing);
    let t = vm.native_class(&TOKEN)?;
    let d = vm.field(t, TypeField::Dict as usize);
    let r = vm.dict_set_str(d, "MISSING", vm.temp(mi));
    vm.pop_temps(mi);
    r
}

fn missing(vm: &mut Vm) -> PyResult<Value> {
    let m = vm.aux_global(MISSING);
    if !m.is_empty() {
        return Ok(m);
    }
    let m = vm.new_native(&MISSING_T, &[])?;
    vm.set_aux_global(MISSING, m);
    Ok(m)
}

/// The type of `Token.MISSING`.
pub(crate) static MISSING_T: NativeType = NativeType {
    module: "_contextvars",
    name: "Token.MISSING",
    repr: Some(|_, _| Ok("<Token.MISSING>".into())),
    ..NativeType::EMPTY
};

/// `contextvars.Context`: state [variables dict, entered (bool)].
pub(crate) static CONTEXT: NativeType = NativeType {
    module: "_contextvars",
    name: "Context",
    new: Some(|vm, cls, a| {
        if a.n > 0 {
            return Err(vm.type_error("Context() does not accept any arguments"));
        }
        let d = vm.new_dict()?;
        super::itertools::make(vm, &CONTEXT, cls, &[d, Value::FALSE])
    }),
    iter: Some(|vm, s| vm.get_iter(vm.st(s, 0))),
    len: Some(|vm, s| vm.len_of(vm.st(s, 0))),
    getitem: Some(context_getitem),
    contains: Some(|vm, s| vm.contains(vm.st(s, 0), vm.temp(s + 1))),
    methods: &[
        ("run", context_run),
        ("copy", context_copy),
        ("get", context_get),
        ("keys", |vm, a| dict_view(vm, a, "keys")),
        ("values", |vm, a| dict_view(vm, a, "values")),
        ("items", |vm, a| dict_view(vm, a, "items")),
    ],
    ..NativeType::EMPTY
};

/// The current context (made on first use).
fn current(vm: &mut Vm) -> PyResult<Value> {
    let c = vm.aux_global(CURRENT);
    if !c.is_empty() {
        return Ok(c);
    }
    let d = vm.new_dict()?;
    let c = vm.new_native(&CONTEXT, &[d, Value::TRUE])?;
    vm.set_aux_global(CURRENT, c);
    Ok(c)
}

fn copy_of(vm: &mut Vm, ctx: Value) -> PyResult<Value> {
    let ci = vm.push_temp(ctx);
    let r = (|| {
        let d = vm.new_dict()?;
        let di = vm.push_temp(d);
        let items: Vec<(Value, Value)> = {
            let src = vm.field(vm.temp(ci), 1);
            vm.dict_mut(src).items(&vm.keys()).collect()
        };
        for (k, v) in items {
            vm.dict_set(vm.temp(di), k, v)?;
        }
        vm.new_native(&CONTEXT, &[vm.temp(di), Value::FALSE])
    })();
    vm.pop_temps(ci);
    r
}

fn copy_context(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "copy_context", 0, 0)?;
    let c = current(vm)?;
    copy_of(vm, c)
}

fn context_copy(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "copy", 1, 1)?;
    copy_of(vm, a.get(vm, 0))
}

fn var_arg(vm: &mut Vm, v: Value) -> PyResult<()> {
    if !is_instance(vm, v, &CONTEXT_VAR) {
        let r = vm.repr_of(v)?;
        return Err(vm.type_error(&format!("a ContextVar key was expected, got {r}")));
    }
    Ok(())
}

fn context_getitem(vm: &mut Vm, s: usize) -> PyResult<Value> {
    var_arg(vm, vm.temp(s + 1))?;
    match vm.dict_get(vm.st(s, 0), vm.temp(s + 1))? {
        Some(v) => Ok(v),
        None => Err(vm.raise_args(TypeId::KeyError, &[vm.temp(s + 1)])),
    }
}

fn context_get(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = check_pos(vm, &a, "get", 2, 3)?;
    var_arg(vm, a.get(vm, 1))?;
    let d = vm.field(a.get(vm, 0), 1);
    match vm.dict_get(d, a.get(vm, 1))? {
        Some(v) => Ok(v),
        None if n == 3 => Ok(a.get(vm, 2)),
        None => Ok(Value::NONE),
    }
}

fn dict_view(vm: &mut Vm, a: Args, what: &str) -> PyResult<Value> {
    check_pos(vm, &a, what, 1, 1)?;
    let name = vm.new_str(what)?;
    let d = vm.field(a.get(vm, 0), 1);
    let m = vm.get_attr(d, name)?;
    vm.call_value(m, &[])
}

fn context_run(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if a.npos(vm) < 2 {
        return Err(vm.type_error("run() missing 1 required positional argument"));
    }
    let ctx = a.get(vm, 0);
    if vm.field(ctx, 2) == Value::TRUE {
        let r = vm.native_repr(ctx)?;
        return Err(vm.raise_msg(
            TypeId::RuntimeError,
            &format!("cannot enter context: {r} is already entered"),
        ));
    }
    let prev = current(vm)?;
    let pi = vm.push_temp(prev);
    let ctx = a.get(vm, 0);
    vm.set_field(ctx, 2, Value::TRUE);
    vm.set_aux_global(CURRENT, ctx);
    // The callee and its arguments, copied to the top of the temps: a
    // call inserts the receiver of a bound method before its arguments,
    // which would shift `prev` if it sat above them.
    let top = vm.temps_len();
    for i in 1..a.n {
        vm.push_temp(vm.temp(a.start + i));
    }
    let args = Args {
        start: top + 1,
        n: a.n - 2,
        kw: a.kw,
    };
    let r = vm.call_args(top, args);
    vm.pop_temps(top);
    let ctx = a.get(vm, 0);
    vm.set_field(ctx, 2, Value::FALSE);
    let prev = vm.temp(pi);
    vm.set_aux_global(CURRENT, prev);
    vm.pop_temps(pi);
    r
}

// ---- ContextVar and Token -------------------------------------------------

/// `contextvars.ContextVar(name, *, default)`: state [name, default or EMPTY].
pub(crate) static CONTEXT_VAR: NativeType = NativeType {
    module: "_contextvars",
    name: "ContextVar",
    new: Some(var_new),
    repr: Some(var_repr),
    getattr: Some(|vm, s, name| Ok((name == "name").then(|| vm.st(s, 0)))),
    methods: &[("get", var_get), ("set", var_set), ("reset", var_reset)],
    ..NativeType::EMPTY
};

fn var_new(vm: &mut Vm, cls: usize, a: Args) -> PyResult<Value> {
    let npos = a.npos(vm);
    if npos != 1 {
        return Err(vm.type_error(&format!(
            "ContextVar() takes exactly 1 positional argument ({npos} given)"
        )));
    }
    let nkw = a.nkw(vm);
    let default = a.kwarg(vm, "default");
    if nkw > 1 || (nkw == 1 && default.is_none()) {
        return Err(vm.type_error("ContextVar() got an unexpected keyword argument"));
    }
    if !vm.is_str(a.get(vm, 0)) {
        return Err(vm.type_error("context variable name must be a str"));
    }
    let st = [a.get(vm, 0), a.kwarg(vm, "default").unwrap_or(Value::EMPTY)];
    super::itertools::make(vm, &CONTEXT_VAR, cls, &st)
}

fn var_repr(vm: &mut Vm, s: usize) -> PyResult<String> {
    let name = vm.repr_of(vm.st(s, 0))?;
    let default = if vm.st(s, 1).is_empty() {
        String::new()
    } else {
        format!(" default={}", vm.repr_of(vm.st(s, 1))?)
    };
    Ok(format!(
        "<ContextVar name={name}{default} at {:#x}>",
        vm.id_of(vm.temp(s))
    ))
}

fn var_get(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = check_pos(vm, &a, "get", 1, 2)?;
    let c = current(vm)?;
    let d = vm.field(c, 1);
    if let Some(v) = vm.dict_get(d, a.get(vm, 0))? {
        return Ok(v);
    }
    if n == 2 {
        return Ok(a.get(vm, 1));
    }
    let default = vm.field(a.get(vm, 0), 2);
    if !default.is_empty() {
        return Ok(default);
    }
    Err(vm.raise_args(TypeId::LookupError, &[a.get(vm, 0)]))
}

fn var_set(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "set", 2, 2)?;
    let c = current(vm)?;
    let ci = vm.push_temp(c);
    let r = (|| {
        let d = vm.field(vm.temp(ci), 1);
        let old = vm.dict_get(d, a.get(vm, 0))?;
        let old = match old {
            Some(v) => v,
            None => missing(vm)?,
        };
        let t = vm.new_native(&TOKEN, &[vm.temp(ci), a.get(vm, 0), old, Value::FALSE])?;
        let ti = vm.push_temp(t);
        let d = vm.field(vm.temp(ci), 1);
        vm.dict_set(d, a.get(vm, 0), a.get(vm, 1))?;
        Ok(vm.temp(ti))
    })();
    vm.pop_temps(ci);
    r
}

fn var_reset(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "reset", 2, 2)?;
    let t = a.get(vm, 1);
    if !is_instance(vm, t, &TOKEN) {
        let n = vm.type_name(t);
        return Err(vm.type_error(&format!("expected an instance of Token, got '{n}'")));
    }
    if vm.field(t, 4) == Value::TRUE {
        let r = vm.native_repr(t)?;
        return Err(vm.raise_msg(
            TypeId::RuntimeError,
            &format!("{r} has already been used once"),
        ));
    }
    let t = a.get(vm, 1);
    if vm.field(t, 2) != a.get(vm, 0) {
        let r = vm.native_repr(t)?;
        return Err(vm.raise_msg(
            TypeId::ValueError,
            &format!("{r} was created by a different ContextVar"),
        ));
    }
    let c = current(vm)?;
    let t = a.get(vm, 1);
    if vm.field(t, 1) != c {
        let r = vm.native_repr(t)?;
        return Err(vm.raise_msg(
            TypeId::ValueError,
            &format!("{r} was created in a different Context"),
        ));
    }
    let old = vm.field(t, 3);
    let d = vm.field(c, 1);
    if is_instance(vm, old, &MISSING_T) {
        vm.dict_del(d, a.get(vm, 0))?;
    } else {
        vm.dict_set(d, a.get(vm, 0), old)?;
    }
    let t = a.get(vm, 1);
    vm.set_field(t, 4, Value::TRUE);
    Ok(Value::NONE)
}

/// `contextvars.Token`: state [context, var, old value or MISSING, used].
pub(crate) static TOKEN: NativeType = NativeType {
    module: "_contextvars",
    name: "Token",
    repr: Some(token_repr),
    getattr: Some(|vm, s, name| {
        Ok(match name {
            "var" => Some(vm.st(s, 1)),
            "old_value" => Some(vm.st(s, 2)),
            _ => None,
        })
    }),
    ..NativeType::EMPTY
};

fn token_repr(vm: &mut Vm, s: usize) -> PyResult<String> {
    let used = if vm.st(s, 3) == Value::TRUE {
        " used"
    } else {
        ""
    };
    let var = vm.repr_of(vm.st(s, 1))?;
    Ok(format!(
        "<Token{used} var={var} at {:#x}>",
        vm.id_of(vm.temp(s))
    ))
}
