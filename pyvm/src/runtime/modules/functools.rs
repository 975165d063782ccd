//! `_functools`: `reduce`, `partial` and `cmp_to_key`, which the standard
//! `functools` module imports (its `lru_cache` uses the pure-Python
//! wrapper, since `_lru_cache_wrapper` is not provided here).

use pyvm_objmodel::Value;

use super::native_types::{NativeType, check_pos, export, is_instance};
use super::{ModuleRef, NativeModule};
use crate::runtime::call::Args;
use crate::runtime::exception::PyResult;
use crate::runtime::heap::Vm;
use crate::runtime::layout::Kind;
use crate::runtime::ops::CmpOp;
use crate::runtime::types::TypeId;

/// The `_functools` module.
pub(crate) const MODULE: NativeModule = NativeModule {
    name: "_functools",
    functions: &[("reduce", reduce), ("cmp_to_key", cmp_to_key)],
    init: Some(init),
};

fn init(vm: &mut Vm, m: ModuleRef) -> PyResult<()> {
    export(vm, m, &PARTIAL)?;
    export(vm, m, &KEY_WRAPPER)
}

/// `reduce(function, iterable[, initial])`.
fn reduce(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = check_pos(vm, &a, "reduce", 2, 3)?;
    let it = match vm.get_iter(a.get(vm, 1)) {
        Ok(it) => it,
        Err(e) => {
            if vm.exc_matches(vm.raised(), TypeId::TypeError) {
                return Err(vm.type_error("reduce() arg 2 must support iteration"));
            }
            return Err(e);
        }
    };
    let mark = vm.temps_len();
    vm.push_temp(it);
    let acc = if n == 3 { a.get(vm, 2) } else { Value::EMPTY };
    vm.push_temp(acc);
    let r = (|| {
        while let Some(x) = vm.iter_next(vm.temp(mark))? {
            let acc = vm.temp(mark + 1);
            let v = if acc.is_empty() {
                x
            } else {
                vm.call_value(a.get(vm, 0), &[acc, x])?
            };
            vm.roots().temps[mark + 1] = v;
        }
        let acc = vm.temp(mark + 1);
        if acc.is_empty() {
            return Err(vm.type_error("reduce() of empty iterable with no initial value"));
        }
        Ok(acc)
    })();
    vm.pop_temps(mark);
    r
}

// ---- partial --------------------------------------------------------------

/// `functools.partial(func, /, *args, **keywords)`: state [func, args
/// tuple, keywords dict].
pub(crate) static PARTIAL: NativeType = NativeType {
    module: "functools",
    name: "partial",
    new: Some(partial_new),
    call: Some(partial_call),
    repr: Some(partial_repr),
    getattr: Some(partial_attr),
    methods: &[
        ("__reduce__", partial_reduce),
        ("__setstate__", partial_setstate),
    ],
    ..NativeType::EMPTY
};

fn partial_new(vm: &mut Vm, cls: usize, a: Args) -> PyResult<Value> {
    let npos = a.npos(vm);
    if npos == 0 {
        return Err(vm.type_error("type 'partial' takes at least one argument"));
    }
    if !super::native_types::callable(vm, a.get(vm, 0))? {
        return Err(vm.type_error("the first argument must be callable"));
    }
    let mark = vm.temps_len();
    let r = (|| {
        // Flatten partial(partial(f, ...), ...) as CPython does for exact partials.
        let f = a.get(vm, 0);
        let flat = is_instance(vm, f, &PARTIAL) && vm.class_of(f) == vm.native_class(&PARTIAL)?;
        let f = a.get(vm, 0);
        let (func, mut pos, kw) = if flat {
            (
                vm.field(f, 1),
                vm.tuple_items(vm.field(f, 2)).to_vec(),
                Some(vm.field(f, 3)),
            )
        } else {
            (f, Vec::new(), None)
        };
        pos.extend((1..npos).map(|i| a.get(vm, i)));
        vm.push_temp(func);
        let t = vm.new_tuple(&pos)?;
        vm.push_temp(t);
        let d = vm.new_dict()?;
        let di = vm.push_temp(d);
        if let Some(old) = kw {
            let _ = old;
            let old = vm.field(a.get(vm, 0), 3);
            let items: Vec<(Value, Value)> = vm.dict_mut(old).items(&vm.keys()).collect();
            for (k, v) in items {
                // No allocation: keys already exist as objects.
                vm.dict_set(vm.temp(di), k, v)?;
            }
        }
        if let Some(k) = a.kw {
            for j in 0..a.nkw(vm) {
                let name = vm.tuple_items(vm.temp(k))[j];
                let v = vm.temp(a.start + npos + j);
                vm.dict_set(vm.temp(di), name, v)?;
            }
        }
        let st = [vm.temp(mark), vm.temp(mark + 1), vm.temp(di)];
        super::itertools::make(vm, &PARTIAL, cls, &st)
    })();
    vm.pop_temps(mark);
    r
}

/// Calls `func(*pos, **kw)` with `pos`, the keyword names and values
/// already pushed on the temps from `mark` (func first).
fn call_pushed(vm: &mut Vm, mark: usize, npos: usize, nkw: usize) -> PyResult<Value> {
    let kw = if nkw > 0 {
        let names = vm.m.roots().temps[mark + 1 + npos + nkw..].to_vec();
        let t = vm.new_tuple(&names)?;
        Some(vm.push_temp(t))
    } else {
        None
    };
    let args = Args {
        start: mark + 1,
        n: npos + nkw,
        kw,
    };
    vm.call_args(mark, args)
}

fn partial_call(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let mark = vm.temps_len();
    let r = partial_call_inner(vm, a, mark);
    vm.pop_temps(mark);
    r
}

fn partial_call_inner(vm: &mut Vm, a: Args, mark: usize) -> PyResult<Value> {
    {
        let me = a.get(vm, 0);
        vm.push_temp(vm.field(me, 1));
        let stored = vm.tuple_items(vm.field(me, 2)).to_vec();
        vm.roots().temps.extend_from_slice(&stored);
        let npos_call = a.npos(vm) - 1;
        for i in 0..npos_call {
            let v = a.get(vm, 1 + i);
            vm.push_temp(v);
        }
        let npos = stored.len() + npos_call;
        // Merge keywords: the call's override the stored ones.
        let me = a.get(vm, 0);
        let kwd: Vec<(Value, Value)> = {
            let d = vm.field(me, 3);
            vm.dict_mut(d).items(&vm.keys()).collect()
        };
        let mut names: Vec<Value> = kwd.iter().map(|p| p.0).collect();
        let mut vals: Vec<Value> = kwd.iter().map(|p| p.1).collect();
        if let Some(k) = a.kw {
            let ncall = a.nkw(vm);
            for j in 0..ncall {
                let name = vm.tuple_items(vm.temp(k))[j];
                let v = vm.temp(a.start + 1 + npos_call + j);
                let text = vm.str_bytes(name).to_vec();
                match names
                    .iter()
                    .position(|&n| vm.str_bytes(n) == text.as_slice())
                {
                    Some(p) => vals[p] = v,
                    None => {
                        names.push(name);
                        vals.push(v);
                    }
                }
            }
        }
        let nkw = names.len();
        vm.roots().temps.extend_from_slice(&vals);
        vm.roots().temps.extend_from_slice(&names);
        call_pushed(vm, mark, npos, nkw)
    }
}

fn partial_repr(vm: &mut Vm, s: usize) -> PyResult<String> {
    let name = vm.type_name(vm.temp(s));
    let module = {
        let c = vm.class_of(vm.temp(s));
        vm.type_module(c)?
    };
    let mut parts = vec![vm.repr_of(vm.st(s, 0))?];
    let n = vm.tuple_items(vm.st(s, 1)).len();
    for i in 0..n {
        let x = vm.tuple_items(vm.st(s, 1))[i];
        parts.push(vm.repr_of(x)?);
    }
    let items: Vec<(Value, Value)> = {
        let d = vm.st(s, 2);
        vm.dict_mut(d).items(&vm.keys()).collect()
    };
    let mark = vm.temps_len();
    for (k, v) in &items {
        vm.push_temp(*k);
        vm.push_temp(*v);
    }
    let r = (|| {
        for i in 0..items.len() {
            let k = vm.str_value(vm.temp(mark + 2 * i))?;
            let k = vm.str_text(k).into_owned();
            let v = vm.repr_of(vm.temp(mark + 2 * i + 1))?;
            parts.push(format!("{k}={v}"));
        }
        Ok(())
    })();
    vm.pop_temps(mark);
    r?;
    Ok(format!("{module}.{name}({})", parts.join(", ")))
}

fn partial_attr(vm: &mut Vm, s: usize, name: &str) -> PyResult<Option<Value>> {
    Ok(match name {
        "func" => Some(vm.st(s, 0)),
        "args" => Some(vm.st(s, 1)),
        "keywords" => Some(vm.st(s, 2)),
        _ => None,
    })
}

fn partial_self(vm: &mut Vm, a: &Args, meth: &str) -> PyResult<Value> {
    let me = a.get(vm, 0);
    if !is_instance(vm, me, &PARTIAL) {
        return Err(vm.type_error(&format!(
            "descriptor '{meth}' requires a 'functools.partial' object"
        )));
    }
    Ok(me)
}

/// `partial.__reduce__()`: `(class, (func,), (func, args, keywords, None))`.
fn partial_reduce(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "__reduce__", 1, 1)?;
    let me = partial_self(vm, &a, "__reduce__")?;
    let state = [
        vm.field(me, 1),
        vm.field(me, 2),
        vm.field(me, 3),
        Value::NONE,
    ];
    let st = vm.new_tuple(&state)?;
    let si = vm.push_temp(st);
    let r = (|| {
        let f = vm.field(a.get(vm, 0), 1);
        let ft = vm.new_tuple(&[f])?;
        let class = vm.class_of(a.get(vm, 0));
        vm.new_tuple(&[class, ft, vm.temp(si)])
    })();
    vm.pop_temps(si);
    r
}

/// `partial.__setstate__((func, args, keywords, dict))`.
fn partial_setstate(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "__setstate__", 2, 2)?;
    partial_self(vm, &a, "__setstate__")?;
    let st = a.get(vm, 1);
    if vm.kind_of(st) != Some(Kind::Tuple) {
        return Err(vm.type_error("argument to __setstate__ must be a tuple"));
    }
    if vm.tuple_items(st).len() != 4 {
        return Err(vm.type_error("invalid partial state"));
    }
    let [f, args, kw, _] = [0, 1, 2, 3].map(|i| vm.tuple_items(st)[i]);
    if !super::native_types::callable(vm, f)?
        || vm.kind_of(args) != Some(Kind::Tuple)
        || (!kw.is_none() && vm.kind_of(kw) != Some(Kind::Dict))
    {
        return Err(vm.type_error("invalid partial state"));
    }
    let kw = if kw.is_none() { vm.new_dict()? } else { kw };
    let me = a.get(vm, 0);
    let st = a.get(vm, 1);
    let [f, args] = [0, 1].map(|i| vm.tuple_items(st)[i]);
    vm.set_field(me, 1, f);
    vm.set_field(me, 2, args);
    vm.set_field(me, 3, kw);
    Ok(Value::NONE)
}

// ---- cmp_to_key -----------------------------------------------------------

/// The key class `cmp_to_key` returns, and its instances: state [cmp,
/// obj (EMPTY for the key function itself)].
pub(crate) static KEY_WRAPPER: NativeType = NativeType {
    module: "functools",
    name: "KeyWrapper",
    call: Some(key_call),
    compare: Some(key_compare),
    getattr: Some(|vm, s, name| {
        Ok(match name {
            "obj" if !vm.st(s, 1).is_empty() => Some(vm.st(s, 1)),
            _ => None,
        })
    }),
    ..NativeType::EMPTY
};

fn cmp_to_key(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let f = match (a.npos(vm), a.kwarg(vm, "mycmp")) {
        (1, None) if a.nkw(vm) == 0 => a.get(vm, 0),
        (0, Some(f)) if a.nkw(vm) == 1 => f,
        (0, None) => {
            return Err(vm.type_error("cmp_to_key() missing required argument 'mycmp' (pos 1)"));
        }
        _ => return Err(vm.type_error("cmp_to_key() takes at most 1 argument")),
    };
    vm.new_native(&KEY_WRAPPER, &[f, Value::EMPTY])
}

fn key_call(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = a.npos(vm);
    let obj = match (n, a.kwarg(vm, "obj")) {
        (2, None) if a.nkw(vm) == 0 => a.get(vm, 1),
        (1, Some(o)) if a.nkw(vm) == 1 => o,
        _ => {
            let given = n - 1 + a.nkw(vm);
            return Err(vm.type_error(&format!("K() takes exactly 1 argument ({given} given)")));
        }
    };
    let me = a.get(vm, 0);
    vm.new_native(&KEY_WRAPPER, &[vm.field(me, 1), obj])
}

fn key_compare(vm: &mut Vm, s: usize, op: &str) -> PyResult<Option<Value>> {
    let other = vm.temp(s + 1);
    if !is_instance(vm, other, &KEY_WRAPPER) {
        return Err(vm.type_error("other argument must be K instance"));
    }
    let (x, y) = (vm.st(s, 1), vm.field(other, 2));
    if x.is_empty() || y.is_empty() {
        return Err(vm.raise_msg(TypeId::AttributeError, "object"));
    }
    let r = vm.call_value(vm.st(s, 0), &[x, y])?;
    let op = match op {
        "<" => CmpOp::Lt,
        "<=" => CmpOp::Le,
        "==" => CmpOp::Eq,
        "!=" => CmpOp::Ne,
        ">" => CmpOp::Gt,
        _ => CmpOp::Ge,
    };
    vm.compare(op, r, Value::from_int(0).unwrap_or(Value::NONE))
        .map(Some)
}
