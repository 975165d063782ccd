//! Methods of the builtin types (receiver first in the arguments).

use pyvm_objmodel::Value;

use super::super::call::Args;
use super::super::exception::PyResult;
use super::super::heap::Vm;
use super::super::layout::{Kind, ViewKind};
use super::super::types::TypeId;
use super::arity;
use super::list_methods::marity;

fn receiver(vm: &mut Vm, a: &Args, kind: Kind, tname: &str, meth: &str) -> PyResult<Value> {
    if a.n == 0 || vm.kind_of(a.get(vm, 0)) != Some(kind) {
        let got = if a.n == 0 {
            "nothing".to_string()
        } else {
            format!("a '{}' object", vm.type_name(a.get(vm, 0)))
        };
        return Err(vm.type_error(&format!(
            "descriptor '{meth}' for '{tname}' objects doesn't apply to {got}"
        )));
    }
    Ok(a.get(vm, 0))
}

/// `list.append(x)`.
pub fn list_append(vm: &mut Vm, a: Args) -> PyResult<Value> {
    marity(vm, &a, "list.append", 1, 1)?;
    let l = receiver(vm, &a, Kind::List, "list", "append")?;
    let x = a.get(vm, 1);
    vm.list_vec(l).push(x);
    // SAFETY: `l` is the live receiver (rooted in the temps).
    unsafe { vm.barrier(l) };
    Ok(Value::NONE)
}

/// `list.pop([i])`.
pub fn list_pop(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = marity(vm, &a, "list.pop", 0, 1)? + 1;
    receiver(vm, &a, Kind::List, "list", "pop")?;
    let i = if n == 2 {
        // Beyond a C ssize_t: OverflowError, as in CPython.
        match a.get(vm, 1).as_int() {
            Some(i) => i,
            None => vm.index_isize(a.get(vm, 1))?,
        }
    } else {
        -1
    };
    // `__index__` may have run Python code: read the list again.
    let l = a.get(vm, 0);
    let len = vm.list_vec(l).len() as i64;
    if len == 0 {
        return Err(vm.raise_msg(TypeId::IndexError, "pop from empty list"));
    }
    let j = if i < 0 { i + len } else { i };
    if j < 0 || j >= len {
        return Err(vm.raise_msg(TypeId::IndexError, "pop index out of range"));
    }
    Ok(vm.list_vec(l).remove(j as usize))
}

/// `list.insert(i, x)`.
pub fn list_insert(vm: &mut Vm, a: Args) -> PyResult<Value> {
    marity(vm, &a, "list.insert", 2, 2)?;
    receiver(vm, &a, Kind::List, "list", "insert")?;
    let i = match a.get(vm, 1).as_int() {
        Some(i) => i,
        None => vm.index_isize(a.get(vm, 1))?,
    };
    let l = a.get(vm, 0);
    let len = vm.list_vec(l).len() as i64;
    let j = if i < 0 { (i + len).max(0) } else { i.min(len) };
    let x = a.get(vm, 2);
    vm.list_vec(l).insert(j as usize, x);
    // SAFETY: `l` is the live receiver.
    unsafe { vm.barrier(l) };
    Ok(Value::NONE)
}

/// `list.extend(iterable)`.
pub fn list_extend(vm: &mut Vm, a: Args) -> PyResult<Value> {
    marity(vm, &a, "list.extend", 1, 1)?;
    let l = receiver(vm, &a, Kind::List, "list", "extend")?;
    vm.list_extend(l, a.get(vm, 1))?;
    Ok(Value::NONE)
}

/// `str.join(iterable)`.
pub fn str_join(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "join", 2, 2)?;
    let sep = receiver(vm, &a, Kind::Str, "str", "join")?;
    if !vm.is_iterable_value(a.get(vm, 1))? {
        return Err(vm.type_error("can only join an iterable"));
    }
    let items = vm.collect_iterable(a.get(vm, 1))?;
    let sep = {
        let _ = sep;
        a.get(vm, 0)
    };
    let mut out = Vec::new();
    let mut chars = 0;
    for (i, &it) in items.iter().enumerate() {
        if !vm.is_str(it) {
            let t = vm.type_name(it);
            return Err(vm.type_error(&format!(
                "sequence item {i}: expected str instance, {t} found"
            )));
        }
        if i > 0 {
            out.extend_from_slice(vm.str_bytes(sep));
            chars += vm.str_chars(sep);
        }
        out.extend_from_slice(vm.str_bytes(it));
        chars += vm.str_chars(it);
    }
    vm.alloc_str_bytes(&out, chars)
}

fn map_str(vm: &mut Vm, a: Args, name: &str, upper: bool) -> PyResult<Value> {
    arity(vm, &a, name, 1, 1)?;
    let s = receiver(vm, &a, Kind::Str, "str", name)?;
    let text = vm.str_text(s).into_owned();
    let t = if upper {
        text.to_uppercase()
    } else {
        text.to_lowercase()
    };
    vm.new_str(&t)
}

/// `str.upper()`.
pub fn str_upper(vm: &mut Vm, a: Args) -> PyResult<Value> {
    map_str(vm, a, "upper", true)
}

/// `str.lower()`.
pub fn str_lower(vm: &mut Vm, a: Args) -> PyResult<Value> {
    map_str(vm, a, "lower", false)
}

/// `str.startswith(prefix)` (a str or a tuple of str).
pub fn str_startswith(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "startswith", 2, 2)?;
    let s = receiver(vm, &a, Kind::Str, "str", "startswith")?;
    let p = a.get(vm, 1);
    let prefixes: Vec<Value> = match vm.kind_of(p) {
        Some(Kind::Str) => vec![p],
        Some(Kind::Tuple) => vm.tuple_items(p).to_vec(),
        _ => {
            let t = vm.type_name(p);
            return Err(vm.type_error(&format!(
                "startswith first arg must be str or a tuple of str, not {t}"
            )));
        }
    };
    for q in prefixes {
        if vm.is_str(q) && vm.str_bytes(s).starts_with(vm.str_bytes(q)) {
            return Ok(Value::TRUE);
        }
    }
    Ok(Value::FALSE)
}

/// `dict.get(key[, default])`.
pub fn dict_get(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = marity(vm, &a, "dict.get", 1, 2)? + 1;
    let d = receiver(vm, &a, Kind::Dict, "dict", "get")?;
    match vm.dict_get(d, a.get(vm, 1))? {
        Some(v) => Ok(v),
        None if n == 3 => Ok(a.get(vm, 2)),
        None => Ok(Value::NONE),
    }
}

fn dict_view(vm: &mut Vm, a: Args, name: &str, which: ViewKind) -> PyResult<Value> {
    marity(vm, &a, &format!("dict.{name}"), 0, 0)?;
    let d = receiver(vm, &a, Kind::Dict, "dict", name)?;
    vm.new_dict_view(d, which)
}

/// `dict.keys()`: a view.
pub fn dict_keys(vm: &mut Vm, a: Args) -> PyResult<Value> {
    dict_view(vm, a, "keys", ViewKind::Keys)
}

/// `dict.values()`: a view.
pub fn dict_values(vm: &mut Vm, a: Args) -> PyResult<Value> {
    dict_view(vm, a, "values", ViewKind::Values)
}

/// `dict.items()`: a view of pairs.
pub fn dict_items(vm: &mut Vm, a: Args) -> PyResult<Value> {
    dict_view(vm, a, "items", ViewKind::Items)
}

/// `generator.send(value)`.
pub fn generator_send(vm: &mut Vm, a: Args) -> PyResult<Value> {
    super::gen_methods::gen_send(vm, a)
}

fn str_arg(vm: &mut Vm, v: Value, meth: &str) -> PyResult<Value> {
    if vm.is_str(v) {
        Ok(v)
    } else {
        let t = vm.type_name(v);
        Err(vm.type_error(&format!("{meth}() argument must be str, not {t}")))
    }
}

/// Code points in `b[..end]` (generalized UTF-8: count non-continuation bytes).
fn chars_before(b: &[u8], end: usize) -> usize {
    b[..end].iter().filter(|&&c| c & 0xc0 != 0x80).count()
}

/// `str.endswith(suffix)` (a str or a tuple of str).
pub fn str_endswith(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "endswith", 2, 2)?;
    let s = receiver(vm, &a, Kind::Str, "str", "endswith")?;
    let p = a.get(vm, 1);
    let suffixes: Vec<Value> = match vm.kind_of(p) {
        Some(Kind::Str) => vec![p],
        Some(Kind::Tuple) => vm.tuple_items(p).to_vec(),
        _ => {
            let t = vm.type_name(p);
            return Err(vm.type_error(&format!(
                "endswith first arg must be str or a tuple of str, not {t}"
            )));
        }
    };
    for q in suffixes {
        if vm.is_str(q) && vm.str_bytes(s).ends_with(vm.str_bytes(q)) {
            return Ok(Value::TRUE);
        }
    }
    Ok(Value::FALSE)
}

/// `str.find(sub)`: index of the first occurrence in code points, or -1.
pub fn str_find(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "find", 2, 2)?;
    let s = receiver(vm, &a, Kind::Str, "str", "find")?;
    let sub = str_arg(vm, a.get(vm, 1), "find")?;
    let (h, n) = (vm.str_bytes(s), vm.str_bytes(sub));
    let found = if n.is_empty() {
        Some(0)
    } else {
        h.windows(n.len()).position(|w| w == n)
    };
    let idx = found.map(|p| chars_before(h, p) as i64).unwrap_or(-1);
    vm.new_i64(idx)
}

/// `str.replace(old, new[, count])`.
pub fn str_replace(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = arity(vm, &a, "replace", 3, 4)?;
    let s = receiver(vm, &a, Kind::Str, "str", "replace")?;
    let old = str_arg(vm, a.get(vm, 1), "replace")?;
    let new = str_arg(vm, a.get(vm, 2), "replace")?;
    let limit = if n == 4 {
        match vm.index_value(a.get(vm, 3)) {
            Some(c) if c >= 0 => c as usize,
            Some(_) => usize::MAX,
            None => {
                return Err(vm.type_error("'str' object cannot be interpreted as an integer"));
            }
        }
    } else {
        usize::MAX
    };
    let (h, o, w) = (vm.str_bytes(s), vm.str_bytes(old), vm.str_bytes(new));
    let mut out = Vec::with_capacity(h.len());
    let mut done = 0;
    if o.is_empty() {
        // Inserts `new` before every code point and at the end.
        let mut i = 0;
        loop {
            if done < limit {
                out.extend_from_slice(w);
                done += 1;
            }
            if i == h.len() {
                break;
            }
            let len = super::super::items::utf8_len(h[i]);
            out.extend_from_slice(&h[i..i + len]);
            i += len;
        }
    } else {
        let mut i = 0;
        while i < h.len() {
            if done < limit && h[i..].starts_with(o) {
                out.extend_from_slice(w);
                i += o.len();
                done += 1;
            } else {
                out.push(h[i]);
                i += 1;
            }
        }
    }
    let chars = chars_before(&out, out.len());
    vm.alloc_str_bytes(&out, chars)
}

/// `set.add(x)`.
pub fn set_add(vm: &mut Vm, a: Args) -> PyResult<Value> {
    marity(vm, &a, "set.add", 1, 1)?;
    let s = receiver(vm, &a, Kind::Set, "set", "add")?;
    vm.dict_set(s, a.get(vm, 1), Value::NONE)?;
    Ok(Value::NONE)
}
