//! Builtin functions and the constructors of builtin types.

use num_bigint::BigInt;
use pyvm_objmodel::Value;

use super::super::call::Args;
use super::super::exception::PyResult;
use super::super::heap::Vm;
use super::super::layout::Kind;
use super::super::ops::CmpOp;
use super::super::types::TypeId;
use super::arity;

/// A builtin whose table index is unknown (never installed).
pub fn bad_native(vm: &mut Vm, _: Args) -> PyResult<Value> {
    Err(vm.raise_msg(TypeId::SystemError, "bad builtin function"))
}

/// `print(*objects, sep=' ', end='\n', flush=False)`.
pub fn print(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let text_kw = |vm: &mut Vm, name: &str, default: &str| -> PyResult<String> {
        match a.kwarg(vm, name) {
            None => Ok(default.to_string()),
            Some(v) if v.is_none() => Ok(default.to_string()),
            Some(v) if vm.is_str(v) => Ok(vm.str_text(v).into_owned()),
            Some(v) => {
                let n = vm.type_name(v);
                Err(vm.type_error(&format!("{name} must be None or a string, not {n}")))
            }
        }
    };
    if let Some(k) = a.kw {
        let names = vm.tuple_items(vm.temp(k)).to_vec();
        for name in names {
            let n = vm.str_text(name).into_owned();
            if !matches!(n.as_str(), "sep" | "end" | "file" | "flush") {
                return Err(
                    vm.type_error(&format!("'{n}' is an invalid keyword argument for print()"))
                );
            }
        }
    }
    let sep = text_kw(vm, "sep", " ")?;
    let end = text_kw(vm, "end", "\n")?;
    if !crate::runtime::modules::io::print_fast(vm, &a)? {
        return crate::runtime::modules::io::print_slow(vm, a, &sep, &end);
    }
    let n = a.npos(vm);
    let mut line = Vec::new();
    for i in 0..n {
        if i > 0 {
            line.extend_from_slice(sep.as_bytes());
        }
        // What was written before a failing str() stays written.
        let s = match vm.str_value(a.get(vm, i)) {
            Ok(s) => s,
            Err(e) => {
                crate::runtime::modules::io::write_vm_out(vm, &line);
                return Err(e);
            }
        };
        line.extend_from_slice(vm.str_bytes(s));
    }
    line.extend_from_slice(end.as_bytes());
    crate::runtime::modules::io::write_vm_out(vm, &line);
    let flush = a
        .kwarg(vm, "flush")
        .map(|f| f.as_bool() == Some(true))
        .unwrap_or(false);
    if flush {
        vm.flush_out();
    }
    Ok(Value::NONE)
}

/// `len(obj)`.
pub fn len(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "len", 1, 1)?;
    let n = vm.len_of(a.get(vm, 0))?;
    vm.new_i64(n as i64)
}

/// `repr(obj)`.
pub fn repr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "repr", 1, 1)?;
    vm.repr_value(a.get(vm, 0))
}

fn class_check(vm: &mut Vm, class: Value, spec: Value, fname: &str) -> PyResult<bool> {
    if vm.kind_of(spec) == Some(Kind::Tuple) {
        let items = vm.tuple_items(spec).to_vec();
        for t in items {
            if class_check(vm, class, t, fname)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if vm.kind_of(spec) != Some(Kind::Type) {
        return Err(vm.type_error(&format!(
            "{fname}() arg 2 must be a {c}, a tuple of {c}{es}, or a union",
            c = if fname == "issubclass" {
                "class"
            } else {
                "type"
            },
            es = if fname == "issubclass" { "es" } else { "s" }
        )));
    }
    Ok(vm.is_subclass(class, spec))
}

/// `isinstance(obj, classinfo)`.
pub fn isinstance(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "isinstance", 2, 2)?;
    let c = vm.class_of(a.get(vm, 0));
    class_check(vm, c, a.get(vm, 1), "isinstance").map(Value::from_bool)
}

/// `issubclass(cls, classinfo)`.
pub fn issubclass(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "issubclass", 2, 2)?;
    let c = a.get(vm, 0);
    if vm.kind_of(c) != Some(Kind::Type) {
        return Err(vm.type_error("issubclass() arg 1 must be a class"));
    }
    class_check(vm, c, a.get(vm, 1), "issubclass").map(Value::from_bool)
}

/// `iter(obj)`, `iter(callable, sentinel)`.
pub fn iter(vm: &mut Vm, a: Args) -> PyResult<Value> {
    super::iter_builtins::iter(vm, a)
}

/// `next(it[, default])`.
pub fn next(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = arity(vm, &a, "next", 1, 2)?;
    if n == 1 && vm.kind_of(a.get(vm, 0)) == Some(Kind::Generator) {
        return vm.gen_next_value(a.get(vm, 0));
    }
    match vm.iter_next(a.get(vm, 0))? {
        Some(v) => Ok(v),
        None if n == 2 => Ok(a.get(vm, 1)),
        None => Err(vm.raise_args(TypeId::StopIteration, &[])),
    }
}

/// `abs(x)`.
pub fn abs(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "abs", 1, 1)?;
    vm.abs_value(a.get(vm, 0))
}

/// `min(iterable)` / `min(a, b, ...)`.
pub fn min(vm: &mut Vm, a: Args) -> PyResult<Value> {
    super::iter_builtins::min_max(vm, a, "min", CmpOp::Lt)
}

/// `max(iterable)` / `max(a, b, ...)`.
pub fn max(vm: &mut Vm, a: Args) -> PyResult<Value> {
    super::iter_builtins::min_max(vm, a, "max", CmpOp::Gt)
}

/// `sum(iterable, /, start=0)`.
pub fn sum(vm: &mut Vm, a: Args) -> PyResult<Value> {
    super::iter_builtins::sum(vm, a)
}

/// `id(obj)`.
pub fn id(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "id", 1, 1)?;
    let i = vm.id_of(a.get(vm, 0));
    vm.new_int(BigInt::from(i))
}

/// `hash(obj)`.
pub fn hash(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "hash", 1, 1)?;
    let h = vm.hash_value(a.get(vm, 0))?;
    vm.new_i64(h)
}

/// `callable(obj)`.
pub fn callable(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "callable", 1, 1)?;
    let v = a.get(vm, 0);
    let c = match vm.kind_of(v) {
        Some(Kind::Function | Kind::Builtin | Kind::BoundMethod | Kind::Type) => true,
        Some(Kind::Instance) => {
            let class = vm.class_of(v);
            vm.lookup_type_attr(class, "__call__")?.is_some()
        }
        _ => false,
    };
    Ok(Value::from_bool(c))
}

fn attr_name(vm: &mut Vm, v: Value) -> PyResult<Value> {
    if vm.is_str(v) {
        Ok(v)
    } else {
        let n = vm.type_name(v);
        Err(vm.type_error(&format!("attribute name must be string, not '{n}'")))
    }
}

/// `getattr(obj, name[, default])`.
pub fn getattr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = arity(vm, &a, "getattr", 2, 3)?;
    let key = attr_name(vm, a.get(vm, 1))?;
    match vm.get_attr(a.get(vm, 0), key) {
        Ok(v) => Ok(v),
        Err(r) => {
            let e = vm.m.roots().raised;
            if n == 3 && vm.exc_matches(e, TypeId::AttributeError) {
                vm.take_raised();
                Ok(a.get(vm, 2))
            } else {
                Err(r)
            }
        }
    }
}

/// `setattr(obj, name, value)`.
pub fn setattr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "setattr", 3, 3)?;
    let key = attr_name(vm, a.get(vm, 1))?;
    vm.set_attr(a.get(vm, 0), key, a.get(vm, 2))?;
    Ok(Value::NONE)
}

/// `hasattr(obj, name)`.
pub fn hasattr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "hasattr", 2, 2)?;
    let key = attr_name(vm, a.get(vm, 1))?;
    match vm.get_attr(a.get(vm, 0), key) {
        Ok(_) => Ok(Value::TRUE),
        Err(r) => {
            let e = vm.m.roots().raised;
            if vm.exc_matches(e, TypeId::AttributeError) {
                vm.take_raised();
                Ok(Value::FALSE)
            } else {
                Err(r)
            }
        }
    }
}

/// `chr(i)`.
pub fn chr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "chr", 1, 1)?;
    let v = a.get(vm, 0);
    let i = match vm.index_value(v) {
        Some(i) => i,
        None if vm.kind_of(v) == Some(Kind::Instance) => vm.index_isize(v)?,
        None => {
            let n = vm.type_name(v);
            return Err(vm.type_error(&format!("'{n}' object cannot be interpreted as an integer")));
        }
    };
    if i32::try_from(i).is_err() {
        return Err(vm.raise_msg(
            TypeId::OverflowError,
            "Python int too large to convert to C int",
        ));
    }
    if !(0..=0x10ffff).contains(&i) {
        return Err(vm.raise_msg(TypeId::ValueError, "chr() arg not in range(0x110000)"));
    }
    let s = pyvm_bytecode::PyStr::from_code_points([i as u32]);
    vm.alloc_str_bytes(s.as_bytes(), 1)
}

/// `ord(c)`.
pub fn ord(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "ord", 1, 1)?;
    let v = a.get(vm, 0);
    if let Some(i) = vm.ord_of_bytes(v)? {
        return Ok(i);
    }
    if !vm.is_str(v) {
        let n = vm.type_name(v);
        return Err(vm.type_error(&format!("ord() expected string of length 1, but {n} found")));
    }
    let n = vm.str_chars(v);
    if n != 1 {
        return Err(vm.type_error(&format!(
            "ord() expected a character, but string of length {n} found"
        )));
    }
    let b = vm.str_bytes(v).to_vec();
    let cp = decode_one(&b);
    vm.new_i64(cp as i64)
}

/// Decodes one generalized-UTF-8 code point (lone surrogates allowed).
fn decode_one(b: &[u8]) -> u32 {
    match b.len() {
        1 => b[0] as u32,
        2 => ((b[0] as u32 & 0x1f) << 6) | (b[1] as u32 & 0x3f),
        3 => ((b[0] as u32 & 0x0f) << 12) | ((b[1] as u32 & 0x3f) << 6) | (b[2] as u32 & 0x3f),
        _ => {
            ((b[0] as u32 & 0x07) << 18)
                | ((b[1] as u32 & 0x3f) << 12)
                | ((b[2] as u32 & 0x3f) << 6)
                | (b[3] as u32 & 0x3f)
        }
    }
}

/// `int(x=0)`, `int(str, base=10)`.
pub fn int_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    super::int_methods::int_new(vm, a)
}

/// `float(x=0.0)`.
pub fn float_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    super::float_methods::float_new(vm, a)
}

/// `str(object='')`.
pub fn str_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    super::str_methods::str_construct(vm, a)
}

/// `bool(x=False)`.
pub fn bool_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = arity(vm, &a, "bool", 0, 1)?;
    if n == 0 {
        return Ok(Value::FALSE);
    }
    vm.truthy(a.get(vm, 0)).map(Value::from_bool)
}

/// `type(obj)`; the three-argument form is not supported yet.
pub fn type_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    match a.npos(vm) {
        1 => Ok(vm.class_of(a.get(vm, 0))),
        3 => {
            let t = vm.ty(TypeId::Type);
            vm.type_new_args(t, &a, 0)
        }
        _ => Err(vm.type_error("type() takes 1 or 3 arguments")),
    }
}

/// `object()`.
pub fn object_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "object", 0, 0).map_err(|_| vm.type_error("object() takes no arguments"))?;
    let class = vm.ty(TypeId::Object);
    vm.alloc_instance(class)
}

/// `range(stop)`, `range(start, stop[, step])`.
pub fn range_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = arity(vm, &a, "range", 1, 3)?;
    let one = Value::from_int(1).unwrap_or(Value::NONE);
    let zero = Value::from_int(0).unwrap_or(Value::NONE);
    // Arguments with `__index__` are converted first (that may run Python
    // code and allocate), each result kept on the temps.
    let mark = vm.temps_len();
    for i in 0..n {
        let x = a.get(vm, i);
        let conv = if let Some(b) = x.as_bool() {
            Ok(Value::from_int(b as i64).unwrap_or(Value::NONE))
        } else if x.is_int() || vm.kind_of(x) == Some(Kind::BigInt) {
            Ok(x)
        } else {
            vm.index_int(x).and_then(|i| vm.new_int(i))
        };
        match conv {
            Ok(v) => {
                vm.push_temp(v);
            }
            Err(e) => {
                vm.pop_temps(mark);
                return Err(e);
            }
        }
    }
    let mut v = [zero; 3];
    v[..n].copy_from_slice(&vm.m.roots().temps[mark..mark + n]);
    vm.pop_temps(mark);
    let parts = match n {
        1 => [zero, v[0], one],
        2 => [v[0], v[1], one],
        _ => [v[0], v[1], v[2]],
    };
    if parts[2] == zero {
        return Err(vm.raise_msg(TypeId::ValueError, "range() arg 3 must not be zero"));
    }
    let class = vm.ty(TypeId::Range);
    vm.alloc_record(Kind::Range, class, &parts, 0)
}

/// `list(iterable=())`.
pub fn list_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = arity(vm, &a, "list", 0, 1)?;
    if n == 1 && vm.kind_of(a.get(vm, 0)) == Some(Kind::Instance) {
        // CPython sizes the list with `operator.length_hint`, whose errors
        // (a negative `__length_hint__`, a failing `__len__`) propagate.
        let m = vm.import_module("_operator")?;
        let f = vm.get_attr_str(m, "length_hint")?;
        vm.call_value(f, &[a.get(vm, 0)])?;
    }
    let items = if n == 0 {
        Vec::new()
    } else {
        vm.collect_iterable(a.get(vm, 0))?
    };
    let mark = vm.temps_len();
    vm.roots().temps.extend_from_slice(&items);
    let l = vm.new_list(&items);
    vm.pop_temps(mark);
    l
}

/// `tuple(iterable=())`.
pub fn tuple_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = arity(vm, &a, "tuple", 0, 1)?;
    let items = if n == 0 {
        Vec::new()
    } else {
        vm.collect_iterable(a.get(vm, 0))?
    };
    let mark = vm.temps_len();
    vm.roots().temps.extend_from_slice(&items);
    let t = vm.new_tuple(&items);
    vm.pop_temps(mark);
    t
}

/// `dict()`, `dict(mapping)`, `dict(**kwargs)`.
pub fn dict_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = a.npos(vm);
    if n > 1 {
        return Err(vm.type_error(&format!("dict expected at most 1 argument, got {n}")));
    }
    let d = vm.new_dict()?;
    let di = vm.push_temp(d);
    let r = (|| {
        if n == 1 {
            vm.dict_merge_from(vm.temp(di), a.get(vm, 0))?;
        }
        if let Some(k) = a.kw {
            let names = vm.tuple_items(vm.temp(k)).to_vec();
            let first = a.n - names.len();
            for (j, name) in names.into_iter().enumerate() {
                let v = vm.temp(a.start + first + j);
                vm.dict_set(vm.temp(di), name, v)?;
            }
        }
        Ok(vm.temp(di))
    })();
    vm.pop_temps(di);
    r
}

/// `enumerate(iterable, start=0)`.
pub fn enumerate_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = a.npos(vm);
    let nkw = a.nkw(vm);
    if n + nkw > 2 {
        return Err(vm.type_error(&format!(
            "enumerate() takes at most 2 arguments ({} given)",
            n + nkw
        )));
    }
    if n + nkw == 0 {
        return Err(vm.type_error("enumerate() missing required argument 'iterable'"));
    }
    let start = match (n, a.kwarg(vm, "start")) {
        (2, None) => a.get(vm, 1),
        (1, Some(s)) => s,
        (1, None) => Value::from_int(0).unwrap_or(Value::NONE),
        _ => return Err(vm.type_error("enumerate() takes at most 2 arguments")),
    };
    if vm.index_value(start).is_none() {
        let t = vm.type_name(start);
        return Err(vm.type_error(&format!("'{t}' object cannot be interpreted as an integer")));
    }
    let it = vm.get_iter(a.get(vm, 0))?;
    let start = match (n, a.kwarg(vm, "start")) {
        (2, _) => a.get(vm, 1),
        (_, Some(s)) => s,
        _ => Value::from_int(0).unwrap_or(Value::NONE),
    };
    let class = vm.ty(TypeId::Enumerate);
    vm.alloc_record(Kind::Enumerate, class, &[it, start], 0)
}

/// `zip(*iterables, strict=False)`.
pub fn zip_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = a.npos(vm);
    if let Some(k) = a.kw {
        let names = vm.tuple_items(vm.temp(k)).to_vec();
        if names.len() > 1 {
            return Err(vm.type_error(&format!(
                "zip() takes at most 1 keyword argument ({} given)",
                names.len()
            )));
        }
        for nm in names {
            let t = vm.str_text(nm).into_owned();
            if t != "strict" {
                return Err(
                    vm.type_error(&format!("'{t}' is an invalid keyword argument for zip()"))
                );
            }
        }
    }
    let strict = match a.kwarg(vm, "strict") {
        Some(s) => vm.truthy(s)?,
        None => false,
    };
    let mark = vm.temps_len();
    let r = (|| {
        for i in 0..n {
            let it = vm.get_iter(a.get(vm, i))?;
            vm.push_temp(it);
        }
        let its = vm.m.roots().temps[mark..].to_vec();
        let t = vm.new_tuple(&its)?;
        let class = vm.ty(TypeId::Zip);
        vm.alloc_record(Kind::Zip, class, &[t, Value::from_bool(strict)], 0)
    })();
    vm.pop_temps(mark);
    r
}

/// `set(iterable=())`.
pub fn set_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = arity(vm, &a, "set", 0, 1)?;
    let items = if n == 0 {
        Vec::new()
    } else {
        vm.collect_iterable(a.get(vm, 0))?
    };
    let mark = vm.temps_len();
    vm.roots().temps.extend_from_slice(&items);
    let r = (|| {
        let s = vm.new_set()?;
        // Hashing may run Python code (and move the set): keep it rooted.
        let si = vm.push_temp(s);
        for i in 0..items.len() {
            vm.dict_set(vm.temp(si), vm.temp(mark + i), Value::NONE)?;
        }
        Ok(vm.temp(si))
    })();
    vm.pop_temps(mark);
    r
}
