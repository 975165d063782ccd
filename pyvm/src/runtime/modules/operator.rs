//! `_operator`: the functions behind the standard `operator` module
//! (which does `from _operator import *`), and its three callable types
//! itemgetter, attrgetter and methodcaller.

use pyvm_objmodel::Value;

use super::native_types::{NativeType, check_pos, export, is_instance};
use super::{ModuleRef, NativeModule};
use crate::runtime::call::Args;
use crate::runtime::exception::PyResult;
use crate::runtime::heap::Vm;
use crate::runtime::layout::Kind;
use crate::runtime::ops::{BinOp, CmpOp, Number};
use crate::runtime::types::TypeId;

macro_rules! binops {
    ($($name:ident, $iname:ident, $op:ident;)*) => {
        $(
            fn $name(vm: &mut Vm, a: Args) -> PyResult<Value> {
                check_pos(vm, &a, stringify!($name).trim_end_matches('_'), 2, 2)?;
                vm.binary_op(BinOp::$op, a.get(vm, 0), a.get(vm, 1))
            }
            fn $iname(vm: &mut Vm, a: Args) -> PyResult<Value> {
                check_pos(vm, &a, stringify!($iname), 2, 2)?;
                inplace(vm, a, BinOp::$op)
            }
        )*
    };
}

binops! {
    add, iadd, Add;
    sub, isub, Sub;
    mul, imul, Mul;
    matmul, imatmul, MatMul;
    truediv, itruediv, TrueDiv;
    floordiv, ifloordiv, FloorDiv;
    mod_, imod, Mod;
    pow, ipow, Pow;
    lshift, ilshift, LShift;
    rshift, irshift, RShift;
    and_, iand, And;
    or_, ior, Or;
    xor, ixor, Xor;
}

macro_rules! cmpops {
    ($($name:ident, $op:ident;)*) => {
        $(
            fn $name(vm: &mut Vm, a: Args) -> PyResult<Value> {
                check_pos(vm, &a, stringify!($name), 2, 2)?;
                vm.compare(CmpOp::$op, a.get(vm, 0), a.get(vm, 1))
            }
        )*
    };
}

cmpops! { lt, Lt; le, Le; eq, Eq; ne, Ne; gt, Gt; ge, Ge; }

/// The `_operator` module.
pub(crate) const MODULE: NativeModule = NativeModule {
    name: "_operator",
    functions: &[
        ("abs", abs),
        ("add", add),
        ("and_", and_),
        ("call", call),
        ("concat", concat),
        ("contains", contains),
        ("countOf", count_of),
        ("delitem", delitem),
        ("eq", eq),
        ("floordiv", floordiv),
        ("ge", ge),
        ("getitem", getitem),
        ("gt", gt),
        ("iadd", iadd),
        ("iand", iand),
        ("iconcat", iconcat),
        ("ifloordiv", ifloordiv),
        ("ilshift", ilshift),
        ("imatmul", imatmul),
        ("imod", imod),
        ("imul", imul),
        ("index", index),
        ("indexOf", index_of),
        ("inv", invert),
        ("invert", invert),
        ("ior", ior),
        ("ipow", ipow),
        ("irshift", irshift),
        ("is_", is_),
        ("is_not", is_not),
        ("isub", isub),
        ("itruediv", itruediv),
        ("ixor", ixor),
        ("le", le),
        ("length_hint", length_hint),
        ("lshift", lshift),
        ("lt", lt),
        ("matmul", matmul),
        ("mod", mod_),
        ("mul", mul),
        ("ne", ne),
        ("neg", neg),
        ("not_", not_),
        ("or_", or_),
        ("pos", pos),
        ("pow", pow),
        ("rshift", rshift),
        ("setitem", setitem),
        ("sub", sub),
        ("truediv", truediv),
        ("truth", truth),
        ("xor", xor),
        ("_compare_digest", compare_digest),
    ],
    init: Some(init),
};

fn init(vm: &mut Vm, m: ModuleRef) -> PyResult<()> {
    export(vm, m, &ITEMGETTER)?;
    export(vm, m, &ATTRGETTER)?;
    export(vm, m, &METHODCALLER)
}

/// `a op= b`: the left operand's in-place method if it has one, else the
/// binary operator (lists extend in place for `+=`).
fn inplace(vm: &mut Vm, a: Args, op: BinOp) -> PyResult<Value> {
    vm.augmented_op(op, a.get(vm, 0), a.get(vm, 1))
}

fn abs(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "abs", 1, 1)?;
    let x = a.get(vm, 0);
    match vm.number(x) {
        Some(Number::Int(i)) => vm.new_int(if i.sign() == num_bigint::Sign::Minus {
            -i
        } else {
            i
        }),
        Some(Number::Float(f)) => Ok(Value::from_float(f.abs())),
        None => match vm.call_dunder0(x, "__abs__")? {
            Some(r) => Ok(r),
            None => {
                let n = vm.type_name(a.get(vm, 0));
                Err(vm.type_error(&format!("bad operand type for abs(): '{n}'")))
            }
        },
    }
}

fn neg(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "neg", 1, 1)?;
    vm.unary_op("-", a.get(vm, 0))
}

fn pos(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "pos", 1, 1)?;
    vm.unary_op("+", a.get(vm, 0))
}

fn invert(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "invert", 1, 1)?;
    vm.unary_op("~", a.get(vm, 0))
}

fn not_(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "not_", 1, 1)?;
    Ok(Value::from_bool(!vm.truthy(a.get(vm, 0))?))
}

fn truth(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "truth", 1, 1)?;
    Ok(Value::from_bool(vm.truthy(a.get(vm, 0))?))
}

fn is_(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "is_", 2, 2)?;
    Ok(Value::from_bool(a.get(vm, 0) == a.get(vm, 1)))
}

fn is_not(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "is_not", 2, 2)?;
    Ok(Value::from_bool(a.get(vm, 0) != a.get(vm, 1)))
}

fn index(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "index", 1, 1)?;
    let x = a.get(vm, 0);
    if x.is_int() || vm.kind_of(x) == Some(Kind::BigInt) {
        return Ok(x);
    }
    if let Some(b) = x.as_bool() {
        return Ok(Value::from_int(b as i64).unwrap_or(Value::NONE));
    }
    if vm.kind_of(x) == Some(Kind::Instance)
        && let Some(r) = vm.call_dunder0(x, "__index__")?
    {
        if r.is_int() || vm.kind_of(r) == Some(Kind::BigInt) {
            return Ok(r);
        }
        if let Some(i) = vm.int_of(r) {
            vm.warn_int_subclass("__index__", r)?;
            return vm.new_int(i);
        }
        let n = vm.type_name(r);
        return Err(vm.type_error(&format!("__index__ returned non-int (type {n})")));
    }
    let n = vm.type_name(a.get(vm, 0));
    Err(vm.type_error(&format!("'{n}' object cannot be interpreted as an integer")))
}

fn is_sequence(vm: &mut Vm, v: Value) -> PyResult<bool> {
    Ok(match vm.kind_of(v) {
        Some(Kind::Str | Kind::List | Kind::Tuple | Kind::Range) => true,
        Some(Kind::Instance) => {
            let c = vm.class_of(v);
            vm.lookup_type_attr(c, "__getitem__")?.is_some()
        }
        _ => false,
    })
}

fn concat(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "concat", 2, 2)?;
    if !is_sequence(vm, a.get(vm, 0))? {
        let n = vm.type_name(a.get(vm, 0));
        return Err(vm.type_error(&format!("'{n}' object can't be concatenated")));
    }
    vm.binary_op(BinOp::Add, a.get(vm, 0), a.get(vm, 1))
}

fn iconcat(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "iconcat", 2, 2)?;
    if !is_sequence(vm, a.get(vm, 0))? {
        let n = vm.type_name(a.get(vm, 0));
        return Err(vm.type_error(&format!("'{n}' object can't be concatenated")));
    }
    inplace(vm, a, BinOp::Add)
}

fn contains(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "contains", 2, 2)?;
    vm.contains(a.get(vm, 0), a.get(vm, 1))
        .map(Value::from_bool)
}

/// Scans `seq` for items `is` or `==` to `x`: the count, or the first index.
fn scan(vm: &mut Vm, a: &Args, first: bool) -> PyResult<Option<i64>> {
    let it = vm.get_iter(a.get(vm, 0))?;
    let ii = vm.push_temp(it);
    let r = (|| {
        let mut i = 0i64;
        let mut n = 0i64;
        while let Some(x) = vm.iter_next(vm.temp(ii))? {
            if x == a.get(vm, 1) || vm.eq_values(x, a.get(vm, 1))? {
                if first {
                    return Ok(Some(i));
                }
                n += 1;
            }
            i += 1;
        }
        Ok(if first { None } else { Some(n) })
    })();
    vm.pop_temps(ii);
    r
}

fn count_of(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "countOf", 2, 2)?;
    let n = scan(vm, &a, false)?.unwrap_or(0);
    vm.new_i64(n)
}

fn index_of(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "indexOf", 2, 2)?;
    match scan(vm, &a, true)? {
        Some(i) => vm.new_i64(i),
        None => Err(vm.raise_msg(TypeId::ValueError, "sequence.index(x): x not in sequence")),
    }
}

fn getitem(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "getitem", 2, 2)?;
    vm.get_item(a.get(vm, 0), a.get(vm, 1))
}

fn setitem(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "setitem", 3, 3)?;
    vm.set_item(a.get(vm, 0), a.get(vm, 1), a.get(vm, 2))?;
    Ok(Value::NONE)
}

fn delitem(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "delitem", 2, 2)?;
    vm.del_item(a.get(vm, 0), a.get(vm, 1))?;
    Ok(Value::NONE)
}

/// `operator.call(obj, /, *args, **kwargs)`.
fn call(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if a.npos(vm) == 0 {
        return Err(vm.type_error("call expected at least 1 argument, got 0"));
    }
    let args = Args {
        start: a.start + 1,
        n: a.n - 1,
        kw: a.kw,
    };
    vm.call_args(a.start, args)
}

/// `operator.length_hint(obj, default=0)`.
fn length_hint(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = check_pos(vm, &a, "length_hint", 1, 2)?;
    let default = if n == 2 {
        let d = a.get(vm, 1);
        match vm.index_value(d) {
            Some(i) if d.as_bool().is_none() && !d.is_float() => i,
            _ => {
                let t = vm.type_name(d);
                return Err(
                    vm.type_error(&format!("'{t}' object cannot be interpreted as an integer"))
                );
            }
        }
    } else {
        0
    };
    match vm.len_of(a.get(vm, 0)) {
        Ok(n) => return vm.new_i64(n as i64),
        Err(e) => {
            if !vm.exc_matches(vm.raised(), TypeId::TypeError) {
                return Err(e);
            }
            vm.take_raised();
        }
    }
    let obj = a.get(vm, 0);
    if vm.kind_of(obj) == Some(Kind::SeqIter) {
        let (seq, i) = (vm.field(obj, 0), vm.field(obj, 1).as_int().unwrap_or(0));
        let left = match vm.kind_of(seq) {
            Some(Kind::Str) => {
                let b = &vm.str_bytes(seq)[(i as usize).min(vm.str_bytes(seq).len())..];
                b.iter().filter(|&&c| c & 0xc0 != 0x80).count() as i64
            }
            _ => (vm.len_of(seq)? as i64 - i).max(0),
        };
        return vm.new_i64(left);
    }
    let obj = a.get(vm, 0);
    if vm.kind_of(obj) == Some(Kind::Reversed) {
        // Items left: the next index + 1, or 0 once exhausted or shrunk past it.
        let (seq, i) = (vm.field(obj, 0), vm.field(obj, 1).as_int().unwrap_or(-1));
        let left = if i >= 0 && !seq.is_none() && !seq.is_empty() && (vm.len_of(seq)? as i64) > i {
            i + 1
        } else {
            0
        };
        return vm.new_i64(left);
    }
    let obj = a.get(vm, 0);
    let class = vm.class_of(obj);
    let Some(m) = vm.lookup_type_attr(class, "__length_hint__")? else {
        return vm.new_i64(default);
    };
    let r = vm.call_value(m, &[a.get(vm, 0)]);
    let r = match r {
        Ok(r) => r,
        Err(e) => {
            if vm.exc_matches(vm.raised(), TypeId::TypeError) {
                vm.take_raised();
                return vm.new_i64(default);
            }
            return Err(e);
        }
    };
    if r == Value::NOT_IMPLEMENTED {
        return vm.new_i64(default);
    }
    match vm.index_value(r) {
        Some(i) if r.as_bool().is_none() && !r.is_float() => {
            if i < 0 {
                return Err(
                    vm.raise_msg(TypeId::ValueError, "__length_hint__() should return >= 0")
                );
            }
            Ok(r)
        }
        _ => {
            let t = vm.type_name(r);
            Err(vm.type_error(&format!("__length_hint__ must be an integer, not {t}")))
        }
    }
}

/// `_operator._compare_digest(a, b)` (constant-time for equal lengths).
pub(super) fn compare_digest(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "_compare_digest", 2, 2)?;
    let (x, y) = (a.get(vm, 0), a.get(vm, 1));
    let (bx, by);
    if vm.is_str(x) && vm.is_str(y) {
        (bx, by) = (vm.str_bytes(x).to_vec(), vm.str_bytes(y).to_vec());
        if !bx.is_ascii() || !by.is_ascii() {
            return Err(
                vm.type_error("comparing strings with non-ASCII characters is not supported")
            );
        }
    } else if vm.buffer_copy(x)?.is_none() && vm.buffer_copy(y)?.is_none() {
        let (tx, ty) = (vm.type_name(x), vm.type_name(y));
        return Err(vm.type_error(&format!(
            "unsupported operand types(s) or combination of types: '{tx}' and '{ty}'"
        )));
    } else {
        let mut got = Vec::with_capacity(2);
        for v in [x, y] {
            match vm.buffer_copy(v)? {
                Some(b) => got.push(b),
                None => {
                    let t = vm.type_name(v);
                    return Err(
                        vm.type_error(&format!("a bytes-like object is required, not '{t}'"))
                    );
                }
            }
        }
        by = got.pop().unwrap_or_default();
        bx = got.pop().unwrap_or_default();
    }
    let (bx, by) = (bx.as_slice(), by.as_slice());
    let mut diff = (bx.len() != by.len()) as u8;
    let other = if bx.len() == by.len() { by } else { bx };
    for (p, q) in bx.iter().zip(other) {
        diff |= p ^ q;
    }
    Ok(Value::from_bool(diff == 0))
}

// ---- itemgetter, attrgetter, methodcaller ---------------------------------

const fn op_type(name: &'static str) -> NativeType {
    NativeType {
        module: "operator",
        name,
        ..NativeType::EMPTY
    }
}

/// `operator.itemgetter(item, *items)`: state [items tuple].
pub(crate) static ITEMGETTER: NativeType = NativeType {
    new: Some(itemgetter_new),
    call: Some(itemgetter_call),
    repr: Some(|vm, s| getter_repr(vm, s, "itemgetter")),
    methods: &[("__reduce__", getter_reduce)],
    ..op_type("itemgetter")
};

fn itemgetter_new(vm: &mut Vm, cls: usize, a: Args) -> PyResult<Value> {
    if a.nkw(vm) > 0 {
        return Err(vm.type_error("itemgetter() takes no keyword arguments"));
    }
    let n = a.npos(vm);
    if n == 0 {
        return Err(vm.type_error("itemgetter expected 1 argument, got 0"));
    }
    let items: Vec<Value> = (0..n).map(|i| a.get(vm, i)).collect();
    let t = vm.new_tuple(&items)?;
    super::itertools::make(vm, &ITEMGETTER, cls, &[t])
}

fn itemgetter_call(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "itemgetter", 2, 2)?;
    let n = vm.tuple_items(vm.field(a.get(vm, 0), 1)).len();
    if n == 1 {
        let key = vm.tuple_items(vm.field(a.get(vm, 0), 1))[0];
        return vm.get_item(a.get(vm, 1), key);
    }
    let mark = vm.temps_len();
    let r = (|| {
        for i in 0..n {
            let key = vm.tuple_items(vm.field(a.get(vm, 0), 1))[i];
            let v = vm.get_item(a.get(vm, 1), key)?;
            vm.push_temp(v);
        }
        let items = vm.m.roots().temps[mark..].to_vec();
        vm.new_tuple(&items)
    })();
    vm.pop_temps(mark);
    r
}

fn getter_repr(vm: &mut Vm, s: usize, name: &str) -> PyResult<String> {
    let n = vm.tuple_items(vm.st(s, 0)).len();
    let mut parts = Vec::new();
    for i in 0..n {
        let x = vm.tuple_items(vm.st(s, 0))[i];
        parts.push(vm.repr_of(x)?);
    }
    Ok(format!("operator.{name}({})", parts.join(", ")))
}

/// `operator.attrgetter(attr, *attrs)`: state [names tuple (str, dotted)].
pub(crate) static ATTRGETTER: NativeType = NativeType {
    new: Some(attrgetter_new),
    call: Some(attrgetter_call),
    repr: Some(|vm, s| getter_repr(vm, s, "attrgetter")),
    methods: &[("__reduce__", getter_reduce)],
    ..op_type("attrgetter")
};

fn attrgetter_new(vm: &mut Vm, cls: usize, a: Args) -> PyResult<Value> {
    if a.nkw(vm) > 0 {
        return Err(vm.type_error("attrgetter() takes no keyword arguments"));
    }
    let n = a.npos(vm);
    if n == 0 {
        return Err(vm.type_error("attrgetter expected 1 argument, got 0"));
    }
    for i in 0..n {
        if !vm.is_str(a.get(vm, i)) {
            return Err(vm.type_error("attribute name must be a string"));
        }
    }
    let items: Vec<Value> = (0..n).map(|i| a.get(vm, i)).collect();
    let t = vm.new_tuple(&items)?;
    super::itertools::make(vm, &ATTRGETTER, cls, &[t])
}

/// `obj.a.b.c` for the dotted name `path`, `obj` at temp `oi`.
fn dotted(vm: &mut Vm, oi: usize, path: &str) -> PyResult<Value> {
    let mut cur = vm.temp(oi);
    let ci = vm.push_temp(cur);
    let r = (|| {
        for part in path.split('.') {
            let key = vm.new_str(part)?;
            cur = vm.get_attr(vm.temp(ci), key)?;
            vm.roots().temps[ci] = cur;
        }
        Ok(vm.temp(ci))
    })();
    vm.pop_temps(ci);
    r
}

fn attrgetter_call(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "attrgetter", 2, 2)?;
    let names: Vec<String> = {
        let t = vm.field(a.get(vm, 0), 1);
        vm.tuple_items(t)
            .iter()
            .map(|&s| vm.str_text(s).into_owned())
            .collect()
    };
    if names.len() == 1 {
        return dotted(vm, a.start + 1, &names[0]);
    }
    let mark = vm.temps_len();
    let r = (|| {
        for name in &names {
            let v = dotted(vm, a.start + 1, name)?;
            vm.push_temp(v);
        }
        let items = vm.m.roots().temps[mark..].to_vec();
        vm.new_tuple(&items)
    })();
    vm.pop_temps(mark);
    r
}

/// `operator.methodcaller(name, /, *args, **kwargs)`: state [name, args
/// tuple, keyword names tuple, keyword values tuple].
pub(crate) static METHODCALLER: NativeType = NativeType {
    new: Some(methodcaller_new),
    call: Some(methodcaller_call),
    repr: Some(methodcaller_repr),
    methods: &[("__reduce__", methodcaller_reduce)],
    ..op_type("methodcaller")
};

fn methodcaller_new(vm: &mut Vm, cls: usize, a: Args) -> PyResult<Value> {
    let npos = a.npos(vm);
    if npos == 0 {
        return Err(vm.type_error("methodcaller needs at least one argument, the method name"));
    }
    if !vm.is_str(a.get(vm, 0)) {
        return Err(vm.type_error("method name must be a string"));
    }
    let mark = vm.temps_len();
    let r = (|| {
        let pos: Vec<Value> = (1..npos).map(|i| a.get(vm, i)).collect();
        let t = vm.new_tuple(&pos)?;
        vm.push_temp(t);
        let names = match a.kw {
            Some(k) => vm.temp(k),
            None => vm.new_tuple(&[])?,
        };
        vm.push_temp(names);
        let nkw = a.nkw(vm);
        let vals: Vec<Value> = (0..nkw).map(|j| vm.temp(a.start + npos + j)).collect();
        let vals = vm.new_tuple(&vals)?;
        let st = [a.get(vm, 0), vm.temp(mark), vm.temp(mark + 1), vals];
        super::itertools::make(vm, &METHODCALLER, cls, &st)
    })();
    vm.pop_temps(mark);
    r
}

fn methodcaller_call(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "methodcaller", 2, 2)?;
    let me = a.get(vm, 0);
    let m = vm.get_attr(a.get(vm, 1), vm.field(me, 1))?;
    let mark = vm.temps_len();
    vm.push_temp(m);
    let me = a.get(vm, 0);
    let pos = vm.tuple_items(vm.field(me, 2)).to_vec();
    let vals = vm.tuple_items(vm.field(me, 4)).to_vec();
    let names = vm.field(me, 3);
    vm.roots().temps.extend_from_slice(&pos);
    vm.roots().temps.extend_from_slice(&vals);
    let ki = vm.push_temp(names);
    let args = Args {
        start: mark + 1,
        n: pos.len() + vals.len(),
        kw: (!vals.is_empty()).then_some(ki),
    };
    let r = vm.call_args(mark, args);
    vm.pop_temps(mark);
    r
}

fn methodcaller_repr(vm: &mut Vm, s: usize) -> PyResult<String> {
    let mut parts = vec![vm.repr_of(vm.st(s, 0))?];
    let n = vm.tuple_items(vm.st(s, 1)).len();
    for i in 0..n {
        let x = vm.tuple_items(vm.st(s, 1))[i];
        parts.push(vm.repr_of(x)?);
    }
    let nk = vm.tuple_items(vm.st(s, 2)).len();
    for i in 0..nk {
        let k = vm.tuple_items(vm.st(s, 2))[i];
        let k = vm.str_text(k).into_owned();
        let x = vm.tuple_items(vm.st(s, 3))[i];
        parts.push(format!("{k}={}", vm.repr_of(x)?));
    }
    Ok(format!("operator.methodcaller({})", parts.join(", ")))
}

/// `itemgetter.__reduce__()` / `attrgetter.__reduce__()`: `(class, items)`.
fn getter_reduce(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "__reduce__", 1, 1)?;
    let me = a.get(vm, 0);
    if !is_instance(vm, me, &ITEMGETTER) && !is_instance(vm, me, &ATTRGETTER) {
        return Err(vm.type_error("descriptor '__reduce__' requires a getter object"));
    }
    let class = vm.class_of(me);
    vm.new_tuple(&[class, vm.field(me, 1)])
}

/// `methodcaller.__reduce__()`: `(class, (name, *args))`, or with keywords
/// `(partial(class, name, **kwargs), args)`.
fn methodcaller_reduce(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "__reduce__", 1, 1)?;
    let me = a.get(vm, 0);
    if !is_instance(vm, me, &METHODCALLER) {
        return Err(vm.type_error("descriptor '__reduce__' requires a 'methodcaller' object"));
    }
    let mark = vm.temps_len();
    let r = (|| {
        let me = a.get(vm, 0);
        if vm.tuple_items(vm.field(me, 3)).is_empty() {
            let mut items = vec![vm.field(me, 1)];
            items.extend_from_slice(vm.tuple_items(vm.field(me, 2)));
            let t = vm.new_tuple(&items)?;
            let class = vm.class_of(a.get(vm, 0));
            return vm.new_tuple(&[class, t]);
        }
        let d = vm.new_dict()?;
        let di = vm.push_temp(d);
        let n = vm.tuple_items(vm.field(a.get(vm, 0), 3)).len();
        for i in 0..n {
            let me = a.get(vm, 0);
            let k = vm.tuple_items(vm.field(me, 3))[i];
            let v = vm.tuple_items(vm.field(me, 4))[i];
            vm.dict_set(vm.temp(di), k, v)?;
        }
        let name = vm.field(a.get(vm, 0), 1);
        let pos = vm.new_tuple(&[name])?;
        let pi = vm.push_temp(pos);
        let pclass = vm.native_class(&super::functools::PARTIAL)?;
        let class = vm.class_of(a.get(vm, 0));
        let st = [class, vm.temp(pi), vm.temp(di)];
        let p = vm.new_native_of(&super::functools::PARTIAL, pclass, &st)?;
        vm.push_temp(p);
        let me = a.get(vm, 0);
        let args = vm.field(me, 2);
        vm.new_tuple(&[p, args])
    })();
    vm.pop_temps(mark);
    r
}
