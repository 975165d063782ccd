//! `array`: typed arrays of numbers. The items live in a list (the second
//! state field) holding values already checked against the typecode's C
//! range, so every list operation applies; `tobytes`/`frombytes` convert to
//! and from the machine representation (little-endian, CPython's item
//! sizes), which is also what the array's buffer exposes.

use num_bigint::BigInt;
use num_traits::ToPrimitive;
use pyvm_objmodel::Value;

use super::native_types::{NativeType, check_pos, export, is_instance};
use super::{ModuleRef, NativeModule};
use crate::runtime::call::Args;
use crate::runtime::exception::PyResult;
use crate::runtime::heap::Vm;
use crate::runtime::layout::Kind;
use crate::runtime::ops::CmpOp;
use crate::runtime::types::TypeId;

/// The `array` module.
pub(crate) const MODULE: NativeModule = NativeModule {
    name: "array",
    functions: &[],
    init: Some(init),
};

const TYPECODES: &str = "bBuhHiIlLqQfd";

fn init(vm: &mut Vm, m: ModuleRef) -> PyResult<()> {
    export(vm, m, &ARRAY)?;
    let c = vm.native_class(&ARRAY)?;
    m.set(vm, "ArrayType", c)?;
    let t = vm.new_str(TYPECODES)?;
    m.set(vm, "typecodes", t)
}

/// `array.array(typecode[, initializer])`: state [typecode, items list].
pub(crate) static ARRAY: NativeType = NativeType {
    module: "array",
    name: "array",
    new: Some(array_new),
    iter: Some(|vm, s| vm.get_iter(vm.st(s, 1))),
    len: Some(|vm, s| Ok(vm.list_vec(vm.st(s, 1)).len())),
    repr: Some(array_repr),
    getitem: Some(array_getitem),
    setitem: Some(array_setitem),
    delitem: Some(array_delitem),
    compare: Some(array_compare),
    getattr: Some(|vm, s, name| {
        Ok(match name {
            "typecode" => Some(vm.st(s, 0)),
            "itemsize" => {
                let tc = typecode(vm, vm.temp(s));
                Some(Value::from_int(itemsize(tc) as i64).unwrap_or(Value::NONE))
            }
            _ => None,
        })
    }),
    methods: &[
        ("append", array_append),
        ("extend", array_extend),
        ("fromlist", array_fromlist),
        ("insert", array_insert),
        ("pop", array_pop),
        ("remove", array_remove),
        ("index", array_index),
        ("count", array_count),
        ("reverse", array_reverse),
        ("tolist", array_tolist),
        ("tobytes", array_tobytes),
        ("byteswap", array_byteswap),
        ("__reversed__", array_reversed),
        ("tounicode", array_tounicode),
        ("fromunicode", array_fromunicode),
        ("frombytes", array_frombytes),
        ("buffer_info", array_buffer_info),
        ("__add__", array_add),
        ("__mul__", array_mul),
        ("__rmul__", array_mul),
        ("__iadd__", array_iadd),
        ("__imul__", array_imul),
        ("__copy__", array_copy),
    ],
    ..NativeType::EMPTY
};

fn typecode(vm: &Vm, arr: Value) -> u8 {
    vm.str_bytes(vm.field(arr, 1))
        .first()
        .copied()
        .unwrap_or(b'b')
}

fn itemsize(tc: u8) -> usize {
    match tc {
        b'b' | b'B' => 1,
        b'h' | b'H' => 2,
        b'u' | b'i' | b'I' | b'f' => 4,
        _ => 8,
    }
}

/// Checks and converts one item for typecode `tc`.
fn convert(vm: &mut Vm, tc: u8, v: Value) -> PyResult<Value> {
    match tc {
        b'u' => {
            if vm.is_str(v) && vm.str_chars(v) == 1 {
                return Ok(v);
            }
            Err(vm.type_error("array item must be unicode character"))
        }
        b'f' | b'd' => {
            let x = vm.to_f64(v)?;
            let x = if tc == b'f' { x as f32 as f64 } else { x };
            Ok(Value::from_float(x))
        }
        _ => {
            if v.is_float()
                || (vm.kind_of(v).is_some()
                    && !matches!(vm.kind_of(v), Some(Kind::BigInt | Kind::Instance)))
            {
                let t = vm.type_name(v);
                return Err(
                    vm.type_error(&format!("'{t}' object cannot be interpreted as an integer"))
                );
            }
            let n: BigInt = match (v.as_int(), v.as_bool()) {
                (Some(i), _) => BigInt::from(i),
                (_, Some(b)) => BigInt::from(b as i64),
                _ if vm.kind_of(v) == Some(Kind::BigInt) => vm.bigint(v).clone(),
                _ => match vm.call_dunder0(v, "__index__")? {
                    Some(r) if r.is_int() => BigInt::from(r.as_int().unwrap_or(0)),
                    _ => {
                        let t = vm.type_name(v);
                        return Err(vm.type_error(&format!(
                            "'{t}' object cannot be interpreted as an integer"
                        )));
                    }
                },
            };
            check_range(vm, tc, &n)?;
            vm.new_int(n)
        }
    }
}

fn check_range(vm: &mut Vm, tc: u8, n: &BigInt) -> PyResult<()> {
    let bits = itemsize(tc) * 8;
    let signed = tc.is_ascii_lowercase();
    let (lo, hi) = if signed {
        (
            -(BigInt::from(1) << (bits - 1)),
            (BigInt::from(1) << (bits - 1)) - 1,
        )
    } else {
        (BigInt::from(0), (BigInt::from(1) << bits) - 1)
    };
    let msg = if *n < lo {
        match tc {
            b'b' => "signed char is less than minimum",
            b'B' => "unsigned byte integer is less than minimum",
            b'h' => "signed short integer is less than minimum",
            b'H' => "unsigned short is less than minimum",
            b'i' => "signed integer is less than minimum",
            b'l' | b'q' => "Python int too large to convert to C long",
            b'Q' => "can't convert negative int to unsigned",
            _ => "can't convert negative value to unsigned int",
        }
    } else if *n > hi {
        match tc {
            b'b' => "signed char is greater than maximum",
            b'B' => "unsigned byte integer is greater than maximum",
            b'h' => "signed short integer is greater than maximum",
            b'H' => "unsigned short is greater than maximum",
            b'i' => "signed integer is greater than maximum",
            b'I' => "unsigned int is greater than maximum",
            b'l' => "Python int too large to convert to C long",
            b'L' => "Python int too large to convert to C unsigned long",
            _ => "int too big to convert",
        }
    } else {
        return Ok(());
    };
    Err(vm.raise_msg(TypeId::OverflowError, msg))
}

fn array_new(vm: &mut Vm, cls: usize, a: Args) -> PyResult<Value> {
    if a.nkw(vm) > 0 {
        return Err(vm.type_error("array.array() takes no keyword arguments"));
    }
    let n = a.npos(vm);
    if n == 0 || n > 2 {
        let (bound, k) = if n == 0 { ("least", 1) } else { ("most", 2) };
        let s = if k == 1 { "" } else { "s" };
        return Err(vm.type_error(&format!(
            "array() takes at {bound} {k} argument{s} ({n} given)"
        )));
    }
    let t = a.get(vm, 0);
    let tc = if vm.is_str(t) && vm.str_chars(t) == 1 {
        vm.str_bytes(t)[0]
    } else {
        let tn = vm.type_name(t);
        return Err(vm.type_error(&format!(
            "array() argument 1 must be a unicode character, not {tn}"
        )));
    };
    if !TYPECODES.as_bytes().contains(&tc) {
        return Err(vm.raise_msg(
            TypeId::ValueError,
            "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)",
        ));
    }
    let l = vm.new_list(&[])?;
    let arr = super::itertools::make(vm, &ARRAY, cls, &[a.get(vm, 0), l])?;
    let ai = vm.push_temp(arr);
    let r = (|| {
        if n == 2 {
            let init = a.get(vm, 1);
            if vm.is_str(init) && tc != b'u' {
                return Err(vm.type_error(&format!(
                    "cannot use a str to initialize an array with typecode '{}'",
                    tc as char
                )));
            }
            if matches!(vm.kind_of(init), Some(Kind::Bytes | Kind::ByteArray)) {
                let data = vm.bytes_data(init).to_vec();
                frombytes(vm, ai, &data)?;
            } else {
                extend_items(vm, ai, init)?;
            }
        }
        Ok(vm.temp(ai))
    })();
    vm.pop_temps(ai);
    r
}

/// Appends the items of `src` to the array at temp `ai`.
fn extend(vm: &mut Vm, ai: usize, src: Value) -> PyResult<()> {
    if is_instance(vm, src, &ARRAY) && typecode(vm, src) != typecode(vm, vm.temp(ai)) {
        return Err(vm.type_error("can only extend with array of same kind"));
    }
    extend_items(vm, ai, src)
}

/// Appends the items of `src` (any iterable, arrays of any kind too).
fn extend_items(vm: &mut Vm, ai: usize, src: Value) -> PyResult<()> {
    let items = vm.collect_iterable(src)?;
    let mark = vm.temps_len();
    vm.roots().temps.extend_from_slice(&items);
    let r = (|| {
        let tc = typecode(vm, vm.temp(ai));
        for i in 0..items.len() {
            let v = convert(vm, tc, vm.temp(mark + i))?;
            let l = vm.field(vm.temp(ai), 2);
            vm.list_vec(l).push(v);
            // SAFETY: `l` was just read from a rooted object.
            unsafe { vm.barrier(l) };
        }
        Ok(())
    })();
    vm.pop_temps(mark);
    r
}

fn frombytes(vm: &mut Vm, ai: usize, data: &[u8]) -> PyResult<()> {
    let tc = typecode(vm, vm.temp(ai));
    let size = itemsize(tc);
    if !data.len().is_multiple_of(size) {
        return Err(vm.raise_msg(
            TypeId::ValueError,
            "bytes length not a multiple of item size",
        ));
    }
    for chunk in data.chunks(size) {
        let mut raw = [0u8; 8];
        raw[..size].copy_from_slice(chunk);
        let u = u64::from_le_bytes(raw);
        let v = match tc {
            b'f' => Value::from_float(f32::from_bits(u as u32) as f64),
            b'd' => Value::from_float(f64::from_bits(u)),
            b'u' => {
                let c = char::from_u32(u as u32).unwrap_or('\u{fffd}');
                vm.new_str(&c.to_string())?
            }
            c if c.is_ascii_lowercase() => {
                let shift = 64 - 8 * size;
                vm.new_i64(((u << shift) as i64) >> shift)?
            }
            _ => vm.new_int(BigInt::from(u))?,
        };
        let l = vm.field(vm.temp(ai), 2);
        vm.list_vec(l).push(v);
        // SAFETY: `l` was just read from a rooted object.
        unsafe { vm.barrier(l) };
    }
    Ok(())
}

fn items(vm: &Vm, arr: Value) -> Vec<Value> {
    vm.list_vec(vm.field(arr, 2)).clone()
}

fn array_repr(vm: &mut Vm, s: usize) -> PyResult<String> {
    let tc = typecode(vm, vm.temp(s)) as char;
    let name = vm.type_name(vm.temp(s));
    let l = vm.st(s, 1);
    if vm.list_vec(l).is_empty() {
        return Ok(format!("{name}('{tc}')"));
    }
    if tc == 'u' {
        let text: String = vm
            .list_vec(l)
            .iter()
            .map(|&c| vm.str_text(c).into_owned())
            .collect();
        return Ok(format!("{name}('u', {})", crate::str_repr::repr_str(&text)));
    }
    let body = vm.repr_of(l)?;
    Ok(format!("{name}('{tc}', {body})"))
}

fn index_of(vm: &mut Vm, s: usize, key: Value) -> PyResult<usize> {
    let n = vm.list_vec(vm.st(s, 1)).len() as i64;
    let Some(i) = vm.index_value(key).filter(|_| !key.is_float()) else {
        return Err(vm.type_error("array indices must be integers"));
    };
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(vm.raise_msg(TypeId::IndexError, "array index out of range"));
    }
    Ok(j as usize)
}

fn array_getitem(vm: &mut Vm, s: usize) -> PyResult<Value> {
    let key = vm.temp(s + 1);
    if vm.kind_of(key) == Some(Kind::Slice) {
        let sub = vm.get_item(vm.st(s, 1), key)?;
        let class = vm.class_of(vm.temp(s));
        return vm.new_native_of(&ARRAY, class, &[vm.st(s, 0), sub]);
    }
    let i = index_of(vm, s, key)?;
    Ok(vm.list_vec(vm.st(s, 1))[i])
}

fn array_setitem(vm: &mut Vm, s: usize) -> PyResult<()> {
    if vm.kind_of(vm.temp(s + 1)) == Some(Kind::Slice) {
        let other = vm.temp(s + 2);
        if !is_instance(vm, other, &ARRAY) {
            let t = vm.type_name(other);
            return Err(vm.type_error(&format!(
                "can only assign array (not \"{t}\") to array slice"
            )));
        }
        if typecode(vm, other) != typecode(vm, vm.temp(s)) {
            return Err(vm.type_error("bad argument type for built-in operation"));
        }
        let src = items(vm, other);
        let n = vm.list_vec(vm.st(s, 1)).len();
        let (_, _, step, len) = vm.slice_indices(vm.temp(s + 1), n)?;
        if step != 1 && len != src.len() {
            return Err(vm.raise_msg(
                TypeId::ValueError,
                &format!(
                    "attempt to assign array of size {} to extended slice of size {len}",
                    src.len()
                ),
            ));
        }
        let src = vm.new_list(&src)?;
        return vm.set_item(vm.st(s, 1), vm.temp(s + 1), src);
    }
    let i = index_of(vm, s, vm.temp(s + 1))?;
    let tc = typecode(vm, vm.temp(s));
    let v = convert(vm, tc, vm.temp(s + 2))?;
    let l = vm.st(s, 1);
    vm.list_vec(l)[i] = v;
    // SAFETY: `l` was just read from a rooted object.
    unsafe { vm.barrier(l) };
    Ok(())
}

fn array_delitem(vm: &mut Vm, s: usize) -> PyResult<()> {
    if vm.kind_of(vm.temp(s + 1)) == Some(Kind::Slice) {
        return vm.del_item(vm.st(s, 1), vm.temp(s + 1));
    }
    let i = index_of(vm, s, vm.temp(s + 1))?;
    vm.list_vec(vm.st(s, 1)).remove(i);
    Ok(())
}

fn array_compare(vm: &mut Vm, s: usize, op: &str) -> PyResult<Option<Value>> {
    let other = vm.temp(s + 1);
    if !is_instance(vm, other, &ARRAY) {
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
    vm.compare(op, vm.st(s, 1), vm.field(other, 2)).map(Some)
}

fn me(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = a.get(vm, 0);
    if !is_instance(vm, v, &ARRAY) {
        return Err(vm.type_error("descriptor requires an 'array.array' object"));
    }
    Ok(v)
}

fn array_append(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "append", 2, 2)?;
    let arr = me(vm, &a)?;
    let v = convert(vm, typecode(vm, arr), a.get(vm, 1))?;
    let l = vm.field(a.get(vm, 0), 2);
    vm.list_vec(l).push(v);
    // SAFETY: `l` was just read from a rooted object.
    unsafe { vm.barrier(l) };
    Ok(Value::NONE)
}

fn array_extend(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "extend", 2, 2)?;
    me(vm, &a)?;
    extend(vm, a.start, a.get(vm, 1))?;
    Ok(Value::NONE)
}

/// `fromlist(list)`: all or nothing.
fn array_fromlist(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "fromlist", 2, 2)?;
    let arr = me(vm, &a)?;
    if vm.kind_of(a.get(vm, 1)) != Some(Kind::List) {
        return Err(vm.type_error("arg must be list"));
    }
    let old = vm.list_vec(vm.field(arr, 2)).len();
    if let Err(e) = extend(vm, a.start, a.get(vm, 1)) {
        let arr = a.get(vm, 0);
        vm.list_vec(vm.field(arr, 2)).truncate(old);
        return Err(e);
    }
    Ok(Value::NONE)
}

fn array_insert(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "insert", 3, 3)?;
    let arr = me(vm, &a)?;
    let v = convert(vm, typecode(vm, arr), a.get(vm, 2))?;
    let l = vm.field(a.get(vm, 0), 2);
    let n = vm.list_vec(l).len() as i64;
    let i = vm.index_value(a.get(vm, 1)).unwrap_or(0);
    let i = if i < 0 { (i + n).max(0) } else { i.min(n) } as usize;
    vm.list_vec(l).insert(i, v);
    // SAFETY: `l` was just read from a rooted object.
    unsafe { vm.barrier(l) };
    Ok(Value::NONE)
}

fn array_pop(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = check_pos(vm, &a, "pop", 1, 2)?;
    let arr = me(vm, &a)?;
    let l = vm.field(arr, 2);
    let len = vm.list_vec(l).len() as i64;
    if len == 0 {
        return Err(vm.raise_msg(TypeId::IndexError, "pop from empty array"));
    }
    let i = if n == 2 {
        vm.index_value(a.get(vm, 1)).unwrap_or(-1)
    } else {
        -1
    };
    let j = if i < 0 { i + len } else { i };
    if j < 0 || j >= len {
        return Err(vm.raise_msg(TypeId::IndexError, "pop index out of range"));
    }
    let l = vm.field(a.get(vm, 0), 2);
    Ok(vm.list_vec(l).remove(j as usize))
}

fn find(vm: &mut Vm, a: &Args) -> PyResult<Option<usize>> {
    let mut i = 0;
    loop {
        let l = vm.field(a.get(vm, 0), 2);
        let Some(&x) = vm.list_vec(l).get(i) else {
            return Ok(None);
        };
        if vm.eq_values(x, a.get(vm, 1))? {
            return Ok(Some(i));
        }
        i += 1;
    }
}

fn array_remove(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "remove", 2, 2)?;
    me(vm, &a)?;
    match find(vm, &a)? {
        Some(i) => {
            let l = vm.field(a.get(vm, 0), 2);
            vm.list_vec(l).remove(i);
            Ok(Value::NONE)
        }
        None => Err(vm.raise_msg(TypeId::ValueError, "array.remove(x): x not in array")),
    }
}

fn array_index(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "index", 2, 2)?;
    me(vm, &a)?;
    match find(vm, &a)? {
        Some(i) => vm.new_i64(i as i64),
        None => Err(vm.raise_msg(TypeId::ValueError, "array.index(x): x not in array")),
    }
}

fn array_count(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "count", 2, 2)?;
    let arr = me(vm, &a)?;
    let all = items(vm, arr);
    let mark = vm.temps_len();
    vm.roots().temps.extend_from_slice(&all);
    let r = (|| {
        let mut c = 0;
        for i in 0..all.len() {
            if vm.eq_values(vm.temp(mark + i), a.get(vm, 1))? {
                c += 1;
            }
        }
        vm.new_i64(c)
    })();
    vm.pop_temps(mark);
    r
}

fn array_reverse(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "reverse", 1, 1)?;
    let arr = me(vm, &a)?;
    vm.list_vec(vm.field(arr, 2)).reverse();
    Ok(Value::NONE)
}

fn array_tolist(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "tolist", 1, 1)?;
    let arr = me(vm, &a)?;
    let all = items(vm, arr);
    vm.new_list(&all)
}

fn nan0(x: f64) -> f64 {
    crate::float_parse::canonical_nan(x)
}

/// The machine representation of an array's items (`None` if `v` is not
/// an array): what its buffer exposes.
pub(crate) fn array_bytes(vm: &Vm, v: Value) -> Option<Vec<u8>> {
    if !is_instance(vm, v, &ARRAY) {
        return None;
    }
    let tc = typecode(vm, v);
    let size = itemsize(tc);
    let mut out = Vec::new();
    for v in items(vm, v) {
        let u: u64 = match tc {
            b'f' => u64::from((nan0(v.as_float().unwrap_or(0.0)) as f32).to_bits()),
            b'd' => nan0(v.as_float().unwrap_or(0.0)).to_bits(),
            b'u' => u64::from(vm.str_text(v).chars().next().unwrap_or('\0')),
            _ => match v.as_int() {
                Some(i) => i as u64,
                None if vm.kind_of(v) == Some(Kind::BigInt) => {
                    let b = vm.bigint(v);
                    b.to_u64()
                        .or_else(|| b.to_i64().map(|i| i as u64))
                        .unwrap_or(0)
                }
                None => 0,
            },
        };
        out.extend_from_slice(&u.to_le_bytes()[..size]);
    }
    Some(out)
}

/// Replaces the items of array `arr` with the machine values in `data`
/// (a whole number of items): a write through the array's buffer.
pub(crate) fn array_store_bytes(vm: &mut Vm, arr: Value, data: &[u8]) -> PyResult<()> {
    let ai = vm.push_temp(arr);
    vm.list_vec(vm.field(arr, 2)).clear();
    let r = frombytes(vm, ai, data);
    vm.pop_temps(ai);
    r
}

fn array_tobytes(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "tobytes", 1, 1)?;
    let arr = me(vm, &a)?;
    let out = array_bytes(vm, arr).unwrap_or_default();
    vm.new_bytes(&out)
}

fn array_tounicode(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "tounicode", 1, 1)?;
    let arr = me(vm, &a)?;
    if typecode(vm, arr) != b'u' {
        return Err(vm.raise_msg(
            TypeId::ValueError,
            "tounicode() may only be called on unicode type arrays",
        ));
    }
    let text: String = items(vm, arr)
        .iter()
        .map(|&c| vm.str_text(c).into_owned())
        .collect();
    vm.new_str(&text)
}

fn array_fromunicode(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "fromunicode", 2, 2)?;
    let arr = me(vm, &a)?;
    let s = a.get(vm, 1);
    if !vm.is_str(s) {
        let t = vm.type_name(s);
        return Err(vm.type_error(&format!("fromunicode() argument must be str, not {t}")));
    }
    if typecode(vm, arr) != b'u' {
        return Err(vm.raise_msg(
            TypeId::ValueError,
            "fromunicode() may only be called on unicode type arrays",
        ));
    }
    extend(vm, a.start, s)?;
    Ok(Value::NONE)
}

fn array_reversed(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "__reversed__", 1, 1)?;
    let arr = me(vm, &a)?;
    let mut all = items(vm, arr);
    all.reverse();
    let l = vm.new_list(&all)?;
    vm.get_iter(l)
}

fn array_byteswap(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "byteswap", 1, 1)?;
    let arr = me(vm, &a)?;
    let size = itemsize(typecode(vm, arr));
    let mut data = array_bytes(vm, arr).unwrap_or_default();
    for item in data.chunks_mut(size) {
        item.reverse();
    }
    vm.list_vec(vm.field(arr, 2)).clear();
    frombytes(vm, a.start, &data)?;
    Ok(Value::NONE)
}

fn array_frombytes(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "frombytes", 2, 2)?;
    me(vm, &a)?;
    let Some(data) = vm.buffer_copy(a.get(vm, 1))? else {
        let t = vm.type_name(a.get(vm, 1));
        return Err(vm.type_error(&format!("a bytes-like object is required, not '{t}'")));
    };
    frombytes(vm, a.start, &data)?;
    Ok(Value::NONE)
}

fn array_buffer_info(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "buffer_info", 1, 1)?;
    let arr = me(vm, &a)?;
    let id = vm.id_of(arr) as i64;
    let n = vm.list_vec(vm.field(arr, 2)).len() as i64;
    let id = vm.new_i64(id)?;
    vm.new_tuple(&[id, Value::from_int(n).unwrap_or(Value::NONE)])
}

fn array_add(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "__add__", 2, 2)?;
    let arr = me(vm, &a)?;
    let other = a.get(vm, 1);
    if !is_instance(vm, other, &ARRAY) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    if typecode(vm, arr) != typecode(vm, other) {
        return Err(vm.type_error("bad argument type for built-in operation"));
    }
    let mut all = items(vm, arr);
    all.extend(items(vm, other));
    let l = vm.new_list(&all)?;
    let arr = a.get(vm, 0);
    let class = vm.class_of(arr);
    vm.new_native_of(&ARRAY, class, &[vm.field(arr, 1), l])
}

fn array_mul(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "__mul__", 2, 2)?;
    let arr = me(vm, &a)?;
    let Some(k) = vm.index_value(a.get(vm, 1)) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let one = items(vm, arr);
    let mut all = Vec::new();
    for _ in 0..k.max(0) {
        all.extend_from_slice(&one);
    }
    let l = vm.new_list(&all)?;
    let arr = a.get(vm, 0);
    let class = vm.class_of(arr);
    vm.new_native_of(&ARRAY, class, &[vm.field(arr, 1), l])
}

/// `a += b`: extends in place with an array of the same typecode.
fn array_iadd(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "__iadd__", 2, 2)?;
    let arr = me(vm, &a)?;
    let other = a.get(vm, 1);
    if !is_instance(vm, other, &ARRAY) {
        let t = vm.type_name(other);
        return Err(vm.type_error(&format!("can only extend array with array (not \"{t}\")")));
    }
    if typecode(vm, arr) != typecode(vm, other) {
        return Err(vm.type_error("can only extend with array of same kind"));
    }
    let more = items(vm, other);
    let l = vm.field(arr, 2);
    vm.list_vec(l).extend(more);
    // SAFETY: `l` was just read from a rooted object.
    unsafe { vm.barrier(l) };
    Ok(a.get(vm, 0))
}

/// `a *= n`: repeats in place.
fn array_imul(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "__imul__", 2, 2)?;
    let arr = me(vm, &a)?;
    let Some(k) = vm.index_value(a.get(vm, 1)) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let one = items(vm, arr);
    let l = vm.field(arr, 2);
    let v = vm.list_vec(l);
    v.clear();
    for _ in 0..k.max(0) {
        v.extend_from_slice(&one);
    }
    // SAFETY: `l` was just read from a rooted object.
    unsafe { vm.barrier(l) };
    Ok(a.get(vm, 0))
}

fn array_copy(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "__copy__", 1, 1)?;
    let arr = me(vm, &a)?;
    let all = items(vm, arr);
    let l = vm.new_list(&all)?;
    let arr = a.get(vm, 0);
    let class = vm.class_of(arr);
    vm.new_native_of(&ARRAY, class, &[vm.field(arr, 1), l])
}
