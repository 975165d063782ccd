//! `_collections`: `deque`, `defaultdict` and `_count_elements`, which the
//! standard `collections` package imports (`OrderedDict`, `Counter`,
//! `namedtuple` stay the pure-Python ones).
//!
//! A deque keeps its items in a list (state field 0); a defaultdict is a
//! `Kind::Dict` record with one field, its `default_factory`, so every dict
//! operation works on it unchanged and the core asks [`Vm::dict_missing`]
//! when a key is absent from a dict whose class is not `dict`.

use pyvm_objmodel::{Dict, Value};

use super::native_types::{NativeType, Style, bind, check_pos, export, is_instance, opt};
use super::{ModuleRef, NativeModule};
use crate::runtime::call::Args;
use crate::runtime::exception::PyResult;
use crate::runtime::heap::Vm;
use crate::runtime::layout::Kind;
use crate::runtime::ops::CmpOp;
use crate::runtime::types::TypeId;

/// The `_collections` module.
pub(crate) const MODULE: NativeModule = NativeModule {
    name: "_collections",
    functions: &[("_count_elements", count_elements)],
    init: Some(init),
};

fn init(vm: &mut Vm, m: ModuleRef) -> PyResult<()> {
    export(vm, m, &DEQUE)?;
    export(vm, m, &DEFAULTDICT)
}

fn int(i: i64) -> Value {
    Value::from_int(i).unwrap_or(Value::NONE)
}

// ---- deque ----------------------------------------------------------------

/// `collections.deque([iterable[, maxlen]])`: state [items list, maxlen or None,
/// mutation count].
pub(crate) static DEQUE: NativeType = NativeType {
    module: "collections",
    name: "deque",
    new: Some(deque_new),
    iter: Some(|vm, s| deque_iter(vm, s, false)),
    repr: Some(deque_repr),
    len: Some(|vm, s| Ok(vm.list_vec(vm.st(s, 0)).len())),
    getattr: Some(|vm, s, name| Ok((name == "maxlen").then(|| vm.st(s, 1)))),
    getitem: Some(deque_getitem),
    setitem: Some(deque_setitem),
    compare: Some(deque_compare),
    methods: &[
        ("append", deque_append),
        ("appendleft", deque_appendleft),
        ("pop", deque_pop),
        ("popleft", deque_popleft),
        ("extend", deque_extend),
        ("extendleft", deque_extendleft),
        ("rotate", deque_rotate),
        ("clear", deque_clear),
        ("copy", deque_copy),
        ("__copy__", deque_copy),
        ("count", deque_count),
        ("index", deque_index),
        ("insert", deque_insert),
        ("remove", deque_remove),
        ("reverse", deque_reverse),
        ("__reversed__", deque_reversed),
        ("__add__", deque_add),
        ("__mul__", deque_mul),
        ("__iadd__", deque_iadd),
    ],
    ..NativeType::EMPTY
};

fn deque_new(vm: &mut Vm, cls: usize, a: Args) -> PyResult<Value> {
    let p = bind(vm, &a, "deque", &["iterable", "maxlen"], 2, 0, Style::Old)?;
    let maxlen = match opt(vm, p[1]) {
        None => Value::NONE,
        Some(m) if m.is_none() => Value::NONE,
        Some(m) => match vm.index_value(m) {
            Some(i) if !m.is_float() => {
                if i < 0 {
                    return Err(vm.raise_msg(TypeId::ValueError, "maxlen must be non-negative"));
                }
                int(i)
            }
            _ => return Err(vm.type_error("an integer is required")),
        },
    };
    let l = vm.new_list(&[])?;
    let d = super::itertools::make(vm, &DEQUE, cls, &[l, maxlen, int(0)])?;
    let di = vm.push_temp(d);
    let r = match opt(vm, p[0]) {
        Some(src) => extend(vm, di, src, false),
        None => Ok(()),
    };
    let d = vm.temp(di);
    vm.pop_temps(di);
    r.map(|_| d)
}

fn maxlen(vm: &Vm, d: Value) -> Option<usize> {
    vm.field(d, 2).as_int().map(|m| m as usize)
}

/// Appends `x` at the right (or left), dropping from the other end past maxlen.
fn push(vm: &mut Vm, d: Value, x: Value, left: bool) {
    bump(vm, d);
    let max = maxlen(vm, d);
    let l = vm.field(d, 1);
    let v = vm.list_vec(l);
    if max == Some(0) {
        return;
    }
    if left {
        v.insert(0, x);
    } else {
        v.push(x);
    }
    if let Some(m) = max
        && v.len() > m
    {
        if left {
            v.pop();
        } else {
            v.remove(0);
        }
    }
    // SAFETY: `l` was just read from a rooted object.
    unsafe { vm.barrier(l) };
}

/// Extends the deque at temp `di` from `src`.
fn extend(vm: &mut Vm, di: usize, src: Value, left: bool) -> PyResult<()> {
    let items = if src == vm.temp(di) {
        vm.list_vec(vm.field(src, 1)).clone()
    } else {
        vm.collect_iterable(src)?
    };
    for x in items {
        push(vm, vm.temp(di), x, left);
    }
    Ok(())
}

fn receiver(vm: &mut Vm, a: &Args, meth: &str) -> PyResult<Value> {
    let me = a.get(vm, 0);
    if !is_instance(vm, me, &DEQUE) {
        return Err(vm.type_error(&format!(
            "descriptor '{meth}' requires a 'collections.deque' object"
        )));
    }
    Ok(me)
}

fn deque_append(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "append", 2, 2)?;
    let d = receiver(vm, &a, "append")?;
    push(vm, d, a.get(vm, 1), false);
    Ok(Value::NONE)
}

fn deque_appendleft(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "appendleft", 2, 2)?;
    let d = receiver(vm, &a, "appendleft")?;
    push(vm, d, a.get(vm, 1), true);
    Ok(Value::NONE)
}

fn pop_end(vm: &mut Vm, a: Args, left: bool) -> PyResult<Value> {
    let d = receiver(vm, &a, if left { "popleft" } else { "pop" })?;
    bump(vm, d);
    let v = vm.list_vec(vm.field(d, 1));
    let x = if left {
        (!v.is_empty()).then(|| v.remove(0))
    } else {
        v.pop()
    };
    x.ok_or_else(|| vm.raise_msg(TypeId::IndexError, "pop from an empty deque"))
}

fn deque_pop(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "pop", 1, 1)?;
    pop_end(vm, a, false)
}

fn deque_popleft(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "popleft", 1, 1)?;
    pop_end(vm, a, true)
}

fn deque_extend(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "extend", 2, 2)?;
    receiver(vm, &a, "extend")?;
    extend(vm, a.start, a.get(vm, 1), false)?;
    Ok(Value::NONE)
}

/// `d += iterable`: extends in place.
fn deque_iadd(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "__iadd__", 2, 2)?;
    receiver(vm, &a, "__iadd__")?;
    extend(vm, a.start, a.get(vm, 1), false)?;
    Ok(a.get(vm, 0))
}

fn deque_extendleft(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "extendleft", 2, 2)?;
    receiver(vm, &a, "extendleft")?;
    extend(vm, a.start, a.get(vm, 1), true)?;
    Ok(Value::NONE)
}

fn deque_rotate(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = check_pos(vm, &a, "rotate", 1, 2)?;
    let d = receiver(vm, &a, "rotate")?;
    bump(vm, d);
    let k = if n == 2 {
        let v = a.get(vm, 1);
        match vm.index_value(v) {
            Some(i) if !v.is_float() => i,
            _ => {
                let t = vm.type_name(v);
                return Err(
                    vm.type_error(&format!("'{t}' object cannot be interpreted as an integer"))
                );
            }
        }
    } else {
        1
    };
    let v = vm.list_vec(vm.field(d, 1));
    let len = v.len() as i64;
    if len > 1 {
        let r = k.rem_euclid(len) as usize;
        v.rotate_right(r);
    }
    Ok(Value::NONE)
}

fn deque_clear(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "clear", 1, 1)?;
    let d = receiver(vm, &a, "clear")?;
    bump(vm, d);
    vm.list_vec(vm.field(d, 1)).clear();
    Ok(Value::NONE)
}

fn deque_copy(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "copy", 1, 1)?;
    let d = receiver(vm, &a, "copy")?;
    let items = vm.list_vec(vm.field(d, 1)).clone();
    let l = vm.new_list(&items)?;
    let d = a.get(vm, 0);
    let class = vm.class_of(d);
    vm.new_native_of(&DEQUE, class, &[l, vm.field(d, 2), int(0)])
}

/// Index of the first item `== x` (from temp `xi`), scanning `lo..hi`.
fn find(vm: &mut Vm, di: usize, xi: usize, lo: usize, hi: usize) -> PyResult<Option<usize>> {
    let mut i = lo;
    loop {
        let l = vm.field(vm.temp(di), 1);
        let n = vm.list_vec(l).len();
        if i >= hi.min(n) {
            return Ok(None);
        }
        let y = vm.list_vec(l)[i];
        if vm.eq_values(y, vm.temp(xi))? {
            return Ok(Some(i));
        }
        if vm.list_vec(vm.field(vm.temp(di), 1)).len() != n {
            return Err(vm.raise_msg(TypeId::RuntimeError, "deque mutated during iteration"));
        }
        i += 1;
    }
}

fn deque_count(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "count", 2, 2)?;
    receiver(vm, &a, "count")?;
    let mut c = 0;
    let mut i = 0;
    while let Some(j) = find(vm, a.start, a.start + 1, i, usize::MAX)? {
        c += 1;
        i = j + 1;
    }
    Ok(int(c))
}

fn deque_index(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = check_pos(vm, &a, "index", 2, 4)?;
    let d = receiver(vm, &a, "index")?;
    let len = vm.list_vec(vm.field(d, 1)).len() as i64;
    let bound = |vm: &mut Vm, k: usize, default: i64| -> PyResult<usize> {
        if n <= k {
            return Ok(default as usize);
        }
        let v = a.get(vm, k);
        let i = vm.index_value(v).unwrap_or(0);
        let i = if i < 0 { (i + len).max(0) } else { i.min(len) };
        Ok(i as usize)
    };
    let lo = bound(vm, 2, 0)?;
    let hi = bound(vm, 3, len)?;
    match find(vm, a.start, a.start + 1, lo, hi)? {
        Some(i) => Ok(int(i as i64)),
        None => {
            let r = vm.repr_of(a.get(vm, 1))?;
            Err(vm.raise_msg(TypeId::ValueError, &format!("{r} is not in deque")))
        }
    }
}

fn deque_insert(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "insert", 3, 3)?;
    let d = receiver(vm, &a, "insert")?;
    bump(vm, d);
    let len = vm.list_vec(vm.field(d, 1)).len();
    if maxlen(vm, d) == Some(len) {
        return Err(vm.raise_msg(TypeId::IndexError, "deque already at its maximum size"));
    }
    let i = vm.index_value(a.get(vm, 1)).unwrap_or(0);
    let i = if i < 0 {
        (i + len as i64).max(0) as usize
    } else {
        (i as usize).min(len)
    };
    let x = a.get(vm, 2);
    let l = vm.field(d, 1);
    vm.list_vec(l).insert(i, x);
    // SAFETY: `l` was just read from a rooted object.
    unsafe { vm.barrier(l) };
    Ok(Value::NONE)
}

fn deque_remove(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "remove", 2, 2)?;
    receiver(vm, &a, "remove")?;
    match find(vm, a.start, a.start + 1, 0, usize::MAX)? {
        Some(i) => {
            bump(vm, a.get(vm, 0));
            let l = vm.field(a.get(vm, 0), 1);
            vm.list_vec(l).remove(i);
            Ok(Value::NONE)
        }
        None => {
            let r = vm.repr_of(a.get(vm, 1))?;
            Err(vm.raise_msg(TypeId::ValueError, &format!("{r} is not in deque")))
        }
    }
}

fn deque_reverse(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "reverse", 1, 1)?;
    let d = receiver(vm, &a, "reverse")?;
    vm.list_vec(vm.field(d, 1)).reverse();
    Ok(Value::NONE)
}

fn deque_reversed(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "__reversed__", 1, 1)?;
    receiver(vm, &a, "__reversed__")?;
    deque_iter(vm, a.start, true)
}

// ---- deque iterators --------------------------------------------------------

/// Counts a mutation of deque `d` (state field 2), which its iterators check.
fn bump(vm: &mut Vm, d: Value) {
    let n = vm.field(d, 3).as_int().unwrap_or(0);
    vm.set_field(d, 3, int(n.wrapping_add(1) & 0xffff_ffff));
}

/// `iter(deque)` / `reversed(deque)`: state [deque, items yielded, the
/// deque's mutation count when made].
pub(crate) static DEQUE_ITER: NativeType = NativeType {
    module: "_collections",
    name: "_deque_iterator",
    next: Some(|vm, s| deque_iter_next(vm, s, false)),
    methods: &[("__length_hint__", deque_iter_hint)],
    ..NativeType::EMPTY
};

/// The reversed iterator (same state as [`DEQUE_ITER`]).
pub(crate) static DEQUE_REV_ITER: NativeType = NativeType {
    module: "_collections",
    name: "_deque_reverse_iterator",
    next: Some(|vm, s| deque_iter_next(vm, s, true)),
    methods: &[("__length_hint__", deque_iter_hint)],
    ..NativeType::EMPTY
};

/// A new iterator over the deque at temp `s`.
fn deque_iter(vm: &mut Vm, s: usize, rev: bool) -> PyResult<Value> {
    let d = vm.temp(s);
    let count = vm.field(d, 3);
    let t = if rev { &DEQUE_REV_ITER } else { &DEQUE_ITER };
    vm.new_native(t, &[d, int(0), count])
}

fn deque_iter_next(vm: &mut Vm, s: usize, rev: bool) -> PyResult<Option<Value>> {
    let d = vm.st(s, 0);
    if d.is_none() {
        return Ok(None);
    }
    if vm.field(d, 3) != vm.st(s, 2) {
        vm.set_st(s, 0, Value::NONE);
        return Err(vm.raise_msg(TypeId::RuntimeError, "deque mutated during iteration"));
    }
    let i = vm.st(s, 1).as_int().unwrap_or(0) as usize;
    let v = vm.list_vec(vm.field(d, 1));
    if i >= v.len() {
        vm.set_st(s, 0, Value::NONE);
        return Ok(None);
    }
    let x = if rev { v[v.len() - 1 - i] } else { v[i] };
    vm.set_st(s, 1, int(i as i64 + 1));
    Ok(Some(x))
}

fn deque_iter_hint(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "__length_hint__", 1, 1)?;
    let it = a.get(vm, 0);
    if !is_instance(vm, it, &DEQUE_ITER) && !is_instance(vm, it, &DEQUE_REV_ITER) {
        return Err(vm.type_error("descriptor '__length_hint__' requires a deque iterator"));
    }
    let d = vm.field(it, 1);
    if d.is_none() {
        return Ok(int(0));
    }
    let i = vm.field(it, 2).as_int().unwrap_or(0);
    let n = vm.list_vec(vm.field(d, 1)).len() as i64;
    Ok(int((n - i).max(0)))
}

fn deque_add(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "__add__", 2, 2)?;
    let d = receiver(vm, &a, "__add__")?;
    let other = a.get(vm, 1);
    if !is_instance(vm, other, &DEQUE) {
        let t = vm.type_name(other);
        return Err(vm.type_error(&format!(
            "can only concatenate deque (not \"{t}\") to deque"
        )));
    }
    let mut items = vm.list_vec(vm.field(d, 1)).clone();
    items.extend(vm.list_vec(vm.field(other, 1)).iter().copied());
    concat_into_new(vm, &a, &items)
}

/// A new deque of `a.get(0)`'s class and maxlen holding `items` (values
/// read just now: the first allocation roots them in a list).
fn concat_into_new(vm: &mut Vm, a: &Args, items: &[Value]) -> PyResult<Value> {
    let src = vm.new_list(items)?;
    let si = vm.push_temp(src);
    let r = (|| {
        let l = vm.new_list(&[])?;
        let d = a.get(vm, 0);
        let class = vm.class_of(d);
        let nd = vm.new_native_of(&DEQUE, class, &[l, vm.field(d, 2), int(0)])?;
        let di = vm.push_temp(nd);
        extend(vm, di, vm.temp(si), false)?;
        Ok(vm.temp(di))
    })();
    vm.pop_temps(si);
    r
}

fn deque_mul(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "__mul__", 2, 2)?;
    let d = receiver(vm, &a, "__mul__")?;
    let Some(k) = vm.index_value(a.get(vm, 1)) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let one = vm.list_vec(vm.field(d, 1)).clone();
    let mut items = Vec::new();
    for _ in 0..k.max(0) {
        items.extend_from_slice(&one);
    }
    concat_into_new(vm, &a, &items)
}

fn deque_index_arg(vm: &mut Vm, s: usize) -> PyResult<usize> {
    let key = vm.temp(s + 1);
    let len = vm.list_vec(vm.st(s, 0)).len() as i64;
    let Some(i) = vm.index_value(key).filter(|_| !key.is_float()) else {
        let t = vm.type_name(key);
        return Err(vm.type_error(&format!("sequence index must be integer, not '{t}'")));
    };
    let j = if i < 0 { i + len } else { i };
    if j < 0 || j >= len {
        return Err(vm.raise_msg(TypeId::IndexError, "deque index out of range"));
    }
    Ok(j as usize)
}

fn deque_getitem(vm: &mut Vm, s: usize) -> PyResult<Value> {
    let i = deque_index_arg(vm, s)?;
    Ok(vm.list_vec(vm.st(s, 0))[i])
}

fn deque_setitem(vm: &mut Vm, s: usize) -> PyResult<()> {
    let i = deque_index_arg(vm, s)?;
    let l = vm.st(s, 0);
    let x = vm.temp(s + 2);
    vm.list_vec(l)[i] = x;
    // SAFETY: `l` was just read from a rooted object.
    unsafe { vm.barrier(l) };
    Ok(())
}

fn deque_repr(vm: &mut Vm, s: usize) -> PyResult<String> {
    let name = vm.type_name(vm.temp(s));
    if vm.repr_guard.iter().any(|&i| vm.temp(i) == vm.temp(s)) {
        return Ok("[...]".into());
    }
    vm.repr_guard.push(s);
    let r = vm.repr_of(vm.st(s, 0));
    vm.repr_guard.pop();
    let items = r?;
    Ok(match vm.st(s, 1).as_int() {
        Some(m) => format!("{name}({items}, maxlen={m})"),
        None => format!("{name}({items})"),
    })
}

fn deque_compare(vm: &mut Vm, s: usize, op: &str) -> PyResult<Option<Value>> {
    let other = vm.temp(s + 1);
    if !is_instance(vm, other, &DEQUE) {
        return Ok(None);
    }
    let op = match op {
        "<" => CmpOp::Lt,
        "<=" => CmpOp::Le,
        "==" => CmpOp::Eq,
        "!=" => CmpOp::Ne,
        ">" => CmpOp::Gt,
        _ => CmpOp::Ge,
    };
    vm.compare(op, vm.st(s, 0), vm.field(other, 1)).map(Some)
}

// ---- defaultdict ----------------------------------------------------------

/// `collections.defaultdict(default_factory=None, /, ...)`: a `Kind::Dict`
/// record whose one field is the factory.
pub(crate) static DEFAULTDICT: NativeType = NativeType {
    module: "collections",
    name: "defaultdict",
    new: Some(defaultdict_new),
    methods: &[
        ("__missing__", defaultdict_missing),
        // Its own `__repr__` (not dict's): `pprint` dispatches on it.
        ("__repr__", defaultdict_repr_method),
        ("copy", defaultdict_copy),
        ("__copy__", defaultdict_copy),
    ],
    base: Some(TypeId::Dict),
    ..NativeType::EMPTY
};

/// A new empty defaultdict of class `class` with `factory`.
fn new_defaultdict(vm: &mut Vm, class: Value, factory: Value) -> PyResult<Value> {
    let boxed = Box::into_raw(Box::new(Dict::new()));
    let r = vm.alloc_record(Kind::Dict, class, &[factory], boxed as u64);
    if r.is_err() {
        // SAFETY: the box was not handed to any object.
        drop(unsafe { Box::from_raw(boxed) });
    }
    r
}

fn defaultdict_new(vm: &mut Vm, cls: usize, a: Args) -> PyResult<Value> {
    let npos = a.npos(vm);
    let factory = if npos > 0 { a.get(vm, 0) } else { Value::NONE };
    if !factory.is_none() && !super::native_types::callable(vm, factory)? {
        return Err(vm.type_error("first argument must be callable or None"));
    }
    let factory = if npos > 0 { a.get(vm, 0) } else { Value::NONE };
    let d = new_defaultdict(vm, vm.temp(cls), factory)?;
    let di = vm.push_temp(d);
    let r = (|| {
        if npos > 2 {
            return Err(vm.type_error(&format!(
                "dict expected at most 1 argument, got {}",
                npos - 1
            )));
        }
        if npos == 2 {
            let src = a.get(vm, 1);
            fill_from(vm, di, src)?;
        }
        if let Some(k) = a.kw {
            for j in 0..a.nkw(vm) {
                let name = vm.tuple_items(vm.temp(k))[j];
                let v = vm.temp(a.start + npos + j);
                vm.dict_set(vm.temp(di), name, v)?;
            }
        }
        Ok(vm.temp(di))
    })();
    vm.pop_temps(di);
    r
}

/// Adds the items of a mapping or an iterable of pairs to the dict at temp `di`.
fn fill_from(vm: &mut Vm, di: usize, src: Value) -> PyResult<()> {
    if vm.kind_of(src) == Some(Kind::Dict) {
        let items: Vec<(Value, Value)> = vm.dict_mut(src).items(&vm.keys()).collect();
        for (k, v) in items {
            vm.dict_set(vm.temp(di), k, v)?;
        }
        return Ok(());
    }
    let pairs = vm.collect_iterable(src)?;
    let mark = vm.temps_len();
    vm.roots().temps.extend_from_slice(&pairs);
    let r = (|| {
        for i in 0..pairs.len() {
            let kv = vm.unpack(vm.temp(mark + i), 2)?;
            vm.dict_set(vm.temp(di), kv[0], kv[1])?;
        }
        Ok(())
    })();
    vm.pop_temps(mark);
    r
}

fn defaultdict_missing(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "__missing__", 2, 2)?;
    let me = a.get(vm, 0);
    let factory = if vm.kind_of(me) == Some(Kind::Dict) && vm.len_word(me) == 1 {
        vm.field(me, 0)
    } else {
        Value::NONE
    };
    if factory.is_none() {
        return Err(vm.raise_args(TypeId::KeyError, &[a.get(vm, 1)]));
    }
    let v = vm.call_value(factory, &[])?;
    let vi = vm.push_temp(v);
    let r = vm.dict_set(a.get(vm, 0), a.get(vm, 1), v);
    let v = vm.temp(vi);
    vm.pop_temps(vi);
    r.map(|_| v)
}

fn defaultdict_repr_method(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "__repr__", 1, 1)?;
    let me = a.get(vm, 0);
    if vm.kind_of(me) != Some(Kind::Dict) || vm.len_word(me) != 1 {
        let t = vm.type_name(me);
        return Err(vm.type_error(&format!(
            "descriptor '__repr__' requires a 'collections.defaultdict' object but received a '{t}'"
        )));
    }
    let text = vm.defaultdict_repr(me)?;
    vm.new_str(&text)
}

fn defaultdict_copy(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "copy", 1, 1)?;
    let me = a.get(vm, 0);
    let class = vm.class_of(me);
    let d = new_defaultdict(vm, class, vm.field(me, 0))?;
    let di = vm.push_temp(d);
    let r = fill_from(vm, di, a.get(vm, 0));
    let d = vm.temp(di);
    vm.pop_temps(di);
    r.map(|_| d)
}

impl Vm {
    /// `__missing__` for a dict whose class is not `dict` (None: the class
    /// has no `__missing__`, so the lookup raises KeyError).
    pub(crate) fn dict_missing(&mut self, d: Value, key: Value) -> PyResult<Option<Value>> {
        let mark = self.temps_len();
        self.push_temp(d);
        self.push_temp(key);
        let r = (|| {
            let class = self.class_of(d);
            match self.lookup_type_attr(class, "__missing__")? {
                Some(m) => self
                    .call_value(m, &[self.temp(mark), self.temp(mark + 1)])
                    .map(Some),
                None => Ok(None),
            }
        })();
        self.pop_temps(mark);
        r
    }

    /// `repr()` of a defaultdict: `defaultdict(<factory>, {...})`.
    pub(crate) fn defaultdict_repr(&mut self, d: Value) -> PyResult<String> {
        let di = self.push_temp(d);
        let r = (|| {
            let name = self.type_name(d);
            let f = self.field(d, 0);
            let f = self.repr_of(f)?;
            let items = self.dict_items_repr(self.temp(di))?;
            Ok(format!("{name}({f}, {items})"))
        })();
        self.pop_temps(di);
        r
    }

    fn dict_items_repr(&mut self, d: Value) -> PyResult<String> {
        let items: Vec<(Value, Value)> = self.dict_mut(d).items(&self.keys()).collect();
        let mark = self.temps_len();
        for (k, v) in &items {
            self.push_temp(*k);
            self.push_temp(*v);
        }
        let r = (|| {
            let mut parts = Vec::new();
            for i in 0..items.len() {
                let k = self.repr_of(self.temp(mark + 2 * i))?;
                let v = self.repr_of(self.temp(mark + 2 * i + 1))?;
                parts.push(format!("{k}: {v}"));
            }
            Ok(format!("{{{}}}", parts.join(", ")))
        })();
        self.pop_temps(mark);
        r
    }
}

/// `_count_elements(mapping, iterable)`: `mapping[x] = mapping.get(x, 0) + 1`.
fn count_elements(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "_count_elements", 2, 2)?;
    let it = vm.get_iter(a.get(vm, 1))?;
    let ii = vm.push_temp(it);
    let r = (|| {
        while let Some(x) = vm.iter_next(vm.temp(ii))? {
            let xi = vm.push_temp(x);
            let m = a.get(vm, 0);
            let old = if vm.kind_of(m) == Some(Kind::Dict) && vm.class_of(m) == vm.ty(TypeId::Dict)
            {
                vm.dict_get(m, x)?
            } else {
                match vm.get_item(m, x) {
                    Ok(v) => Some(v),
                    Err(e) => {
                        if !vm.exc_matches(vm.raised(), TypeId::KeyError) {
                            return Err(e);
                        }
                        vm.take_raised();
                        None
                    }
                }
            };
            let new = match old {
                Some(v) => vm.binary_op(crate::runtime::ops::BinOp::Add, v, int(1))?,
                None => int(1),
            };
            vm.set_item(a.get(vm, 0), vm.temp(xi), new)?;
            vm.pop_temps(xi);
        }
        Ok(Value::NONE)
    })();
    vm.pop_temps(ii);
    r
}
