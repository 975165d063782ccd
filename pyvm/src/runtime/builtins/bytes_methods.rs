//! Constructors and methods of `bytes` and `bytearray` (shared methods are
//! installed on both types; a bytearray receiver gets bytearray results
//! where CPython gives them) and of `memoryview`.

use pyvm_objmodel::Value;

use super::super::bytes_obj::ViewField;
use super::super::bytes_ops::{count_bytes, find_bytes, is_space_byte, replace_bytes};
use super::super::call::Args;
use super::super::exception::PyResult;
use super::super::heap::Vm;
use super::super::layout::Kind;
use super::super::types::TypeId;
use super::native_args::{
    Parsed, clinic, index_arg, keywords, noargs, one, recv, slice_arg, tuple_style,
};
use super::str_methods::{codec_arg, tail_match};
use super::{NativeTable, Place};

const B: Place = Place::Method(TypeId::Bytes);
const BA: Place = Place::Method(TypeId::ByteArray);
const MV: Place = Place::Method(TypeId::MemoryView);

/// The natives of this file.
pub(crate) const BYTES_METHODS: NativeTable = &[
    ("bytes", Place::Constructor(TypeId::Bytes), bytes_new),
    (
        "bytearray",
        Place::Constructor(TypeId::ByteArray),
        bytearray_new,
    ),
    (
        "memoryview",
        Place::Constructor(TypeId::MemoryView),
        memoryview_new,
    ),
    ("fromhex", B, super::native_classmethods::bytes_fromhex),
    ("fromhex", BA, super::native_classmethods::bytearray_fromhex),
    ("maketrans", B, bytes_maketrans),
    ("maketrans", BA, bytes_maketrans),
    ("hex", B, b_hex),
    ("hex", BA, b_hex),
    ("decode", B, b_decode),
    ("decode", BA, b_decode),
    ("count", B, b_count),
    ("count", BA, b_count),
    ("find", B, b_find),
    ("find", BA, b_find),
    ("rfind", B, b_rfind),
    ("rfind", BA, b_rfind),
    ("index", B, b_index),
    ("index", BA, b_index),
    ("rindex", B, b_rindex),
    ("rindex", BA, b_rindex),
    ("startswith", B, b_startswith),
    ("startswith", BA, b_startswith),
    ("endswith", B, b_endswith),
    ("endswith", BA, b_endswith),
    ("split", B, b_split),
    ("split", BA, b_split),
    ("rsplit", B, b_rsplit),
    ("rsplit", BA, b_rsplit),
    ("splitlines", B, b_splitlines),
    ("splitlines", BA, b_splitlines),
    ("strip", B, b_strip),
    ("strip", BA, b_strip),
    ("lstrip", B, b_lstrip),
    ("lstrip", BA, b_lstrip),
    ("rstrip", B, b_rstrip),
    ("rstrip", BA, b_rstrip),
    ("partition", B, b_partition),
    ("partition", BA, b_partition),
    ("rpartition", B, b_rpartition),
    ("rpartition", BA, b_rpartition),
    ("join", B, b_join),
    ("join", BA, b_join),
    ("replace", B, b_replace),
    ("replace", BA, b_replace),
    ("center", B, b_center),
    ("center", BA, b_center),
    ("ljust", B, b_ljust),
    ("ljust", BA, b_ljust),
    ("rjust", B, b_rjust),
    ("rjust", BA, b_rjust),
    ("zfill", B, b_zfill),
    ("zfill", BA, b_zfill),
    ("expandtabs", B, b_expandtabs),
    ("expandtabs", BA, b_expandtabs),
    ("upper", B, b_upper),
    ("upper", BA, b_upper),
    ("lower", B, b_lower),
    ("lower", BA, b_lower),
    ("swapcase", B, b_swapcase),
    ("swapcase", BA, b_swapcase),
    ("title", B, b_title),
    ("title", BA, b_title),
    ("capitalize", B, b_capitalize),
    ("capitalize", BA, b_capitalize),
    ("isalnum", B, b_isalnum),
    ("isalnum", BA, b_isalnum),
    ("isalpha", B, b_isalpha),
    ("isalpha", BA, b_isalpha),
    ("isascii", B, b_isascii),
    ("isascii", BA, b_isascii),
    ("isdigit", B, b_isdigit),
    ("isdigit", BA, b_isdigit),
    ("islower", B, b_islower),
    ("islower", BA, b_islower),
    ("isupper", B, b_isupper),
    ("isupper", BA, b_isupper),
    ("isspace", B, b_isspace),
    ("isspace", BA, b_isspace),
    ("istitle", B, b_istitle),
    ("istitle", BA, b_istitle),
    ("translate", B, b_translate),
    ("translate", BA, b_translate),
    ("removeprefix", B, b_removeprefix),
    ("removeprefix", BA, b_removeprefix),
    ("removesuffix", B, b_removesuffix),
    ("removesuffix", BA, b_removesuffix),
    ("append", BA, ba_append),
    ("extend", BA, ba_extend),
    ("pop", BA, ba_pop),
    ("insert", BA, ba_insert),
    ("remove", BA, ba_remove),
    ("clear", BA, ba_clear),
    ("copy", BA, ba_copy),
    ("reverse", BA, ba_reverse),
    ("tobytes", MV, mv_tobytes),
    ("tolist", MV, mv_tolist),
    ("hex", MV, mv_hex),
    ("release", MV, mv_release),
    ("__enter__", MV, mv_enter),
    ("__exit__", MV, mv_exit),
];

const KINDS: &[Kind] = &[Kind::Bytes, Kind::ByteArray];

/// The receiver: its kind (bytearray?) and a copy of its bytes.
fn this(vm: &mut Vm, a: &Args, meth: &str) -> PyResult<(bool, Vec<u8>)> {
    let tname = if a.npos(vm) > 0 && vm.kind_of(a.get(vm, 0)) == Some(Kind::ByteArray) {
        "bytearray"
    } else {
        "bytes"
    };
    let v = recv(vm, a, KINDS, tname, meth)?;
    Ok((
        vm.kind_of(v) == Some(Kind::ByteArray),
        vm.bytes_data(v).to_vec(),
    ))
}

fn qual(a: &Args, vm: &Vm, meth: &str) -> String {
    let t = if a.npos(vm) > 0 && vm.kind_of(a.get(vm, 0)) == Some(Kind::ByteArray) {
        "bytearray"
    } else {
        "bytes"
    };
    format!("{t}.{meth}")
}

/// A bytes-like argument: `a bytes-like object is required, not 'str'`.
fn buf_arg(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    match vm.buffer_copy(v)? {
        Some(b) => Ok(b),
        None => {
            let t = vm.type_name(v);
            Err(vm.type_error(&format!("a bytes-like object is required, not '{t}'")))
        }
    }
}

/// Values (bytes objects) from byte strings, as a list or tuple.
fn make_seq(vm: &mut Vm, array: bool, parts: &[&[u8]], tuple: bool) -> PyResult<Value> {
    let mark = vm.temps_len();
    let r = (|| {
        for p in parts {
            let s = vm.new_bytes_like(array, p)?;
            vm.push_temp(s);
        }
        let items = vm.m.roots().temps[mark..].to_vec();
        if tuple {
            vm.new_tuple(&items)
        } else {
            vm.new_list(&items)
        }
    })();
    vm.pop_temps(mark);
    r
}

// ---- constructors ---------------------------------------------------------

/// The bytes `bytes(x, encoding, errors)` / `bytearray(...)` would hold.
fn construct(vm: &mut Vm, a: &Args, tname: &str) -> PyResult<Vec<u8>> {
    let npos = a.npos(vm);
    let nkw = a.nkw(vm);
    if npos + nkw > 3 {
        return Err(vm.type_error(&format!(
            "{tname}() takes at most 3 arguments ({} given)",
            npos + nkw
        )));
    }
    let mut slots: Vec<Option<usize>> = (0..npos).map(|i| Some(a.start + i)).collect();
    slots.resize(3, None);
    let names = ["source", "encoding", "errors"];
    if let Some(k) = a.kw {
        for j in 0..nkw {
            let key = vm.tuple_items(vm.temp(k))[j];
            let text = vm.str_text(key).into_owned();
            match names.iter().position(|n| *n == text) {
                Some(i) if slots[i].is_none() => slots[i] = Some(a.start + npos + j),
                Some(i) => {
                    return Err(vm.type_error(&format!(
                        "argument for {tname}() given by name ('{text}') and position ({})",
                        i + 1
                    )));
                }
                None => {
                    return Err(vm.type_error(&format!(
                        "'{text}' is an invalid keyword argument for {tname}()"
                    )));
                }
            }
        }
    }
    let p = Parsed(slots);
    let x = p.get(vm, 0);
    let has_codec = p.get(vm, 1).is_some() || p.get(vm, 2).is_some();
    let Some(x) = x else {
        if has_codec {
            return Err(vm.type_error("encoding or errors without sequence argument"));
        }
        return Ok(Vec::new());
    };
    if vm.is_str(x) {
        if p.get(vm, 1).is_none() {
            return Err(vm.type_error("string argument without an encoding"));
        }
        let enc = codec_arg(vm, &p, 1, tname, "encoding", "utf-8")?;
        let errors = codec_arg(vm, &p, 2, tname, "errors", "strict")?;
        let b = vm.encode_str(x, &enc, &errors)?;
        return Ok(vm.bytes_data(b).to_vec());
    }
    if has_codec {
        let what = if p.get(vm, 1).is_some() {
            "encoding"
        } else {
            "errors"
        };
        return Err(vm.type_error(&format!("{what} without a string argument")));
    }
    if let Some(b) = vm.buffer_copy(x)? {
        return Ok(b);
    }
    if matches!(vm.kind_of(x), Some(Kind::Instance))
        && let Some(r) = vm.call_dunder0(x, "__bytes__")?
    {
        if vm.kind_of(r) != Some(Kind::Bytes) {
            let t = vm.type_name(r);
            return Err(vm.type_error(&format!("__bytes__ returned non-bytes (type {t})")));
        }
        return Ok(vm.bytes_data(r).to_vec());
    }
    let x = p.get(vm, 0).unwrap_or(Value::NONE);
    let x = if vm.kind_of(x) == Some(Kind::Instance)
        && vm.lookup_type_attr(vm.class_of(x), "__index__")?.is_some()
    {
        let x = p.get(vm, 0).unwrap_or(Value::NONE);
        vm.number_like(x, "__index__")?
    } else {
        p.get(vm, 0).unwrap_or(Value::NONE)
    };
    if let Some(n) = vm.index_value(x).filter(|_| x.as_float().is_none()) {
        if vm.kind_of(x) == Some(Kind::BigInt)
            && num_traits::ToPrimitive::to_i64(vm.bigint(x)).is_none()
        {
            return Err(vm.raise_msg(
                TypeId::OverflowError,
                "cannot fit 'int' into an index-sized integer",
            ));
        }
        if n < 0 {
            return Err(vm.raise_msg(TypeId::ValueError, "negative count"));
        }
        if n > (1 << 32) {
            return Err(vm.raise_msg(TypeId::MemoryError, ""));
        }
        return Ok(vec![0; n as usize]);
    }
    // Anything iterable (frozenset, dict views, map...); the kinds that
    // never are get CPython's "cannot convert" wording.
    let mut iterable = vm.iterable_kind(x) && !matches!(vm.kind_of(x), Some(Kind::Exception));
    let mut x = x;
    if iterable && vm.kind_of(x) == Some(Kind::Instance) {
        let xi = vm.push_temp(x);
        let r = vm.is_iterable_value(x);
        x = vm.temp(xi);
        vm.pop_temps(xi);
        iterable = r?;
    }
    if !iterable {
        let t = vm.type_name(x);
        return Err(vm.type_error(&format!("cannot convert '{t}' object to {tname}")));
    }
    let items = vm.collect_iterable(x)?;
    let mark = vm.temps_len();
    vm.roots().temps.extend_from_slice(&items);
    let r = (|| {
        let mut out = Vec::with_capacity(items.len());
        for i in 0..items.len() {
            let v = vm.temp(mark + i);
            let v = vm.number_like(v, "__index__")?;
            let Some(k) = vm.index_value(v).filter(|_| v.as_float().is_none()) else {
                let t = vm.type_name(v);
                return Err(
                    vm.type_error(&format!("'{t}' object cannot be interpreted as an integer"))
                );
            };
            if !(0..256).contains(&k) {
                // `bytearray` says "byte", `bytes` "bytes" (CPython's wording).
                let msg = if tname == "bytearray" {
                    "byte must be in range(0, 256)"
                } else {
                    "bytes must be in range(0, 256)"
                };
                return Err(vm.raise_msg(TypeId::ValueError, msg));
            }
            out.push(k as u8);
        }
        Ok(out)
    })();
    vm.pop_temps(mark);
    r
}

fn bytes_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let b = construct(vm, &a, "bytes")?;
    vm.new_bytes(&b)
}

fn bytearray_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let b = construct(vm, &a, "bytearray")?;
    vm.new_bytearray(&b)
}

fn memoryview_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let p = keywords(vm, &shift(&a), "memoryview", &["object"], 1)?;
    let x = p.get(vm, 0).unwrap_or(Value::NONE);
    match vm.kind_of(x) {
        Some(Kind::Bytes | Kind::ByteArray) => {
            let n = vm.bytes_data(x).len() as i64;
            vm.new_view(x, 0, n, 1)
        }
        Some(Kind::MemoryView) if vm.view_format(x).is_some() => {
            vm.view_check(x)?;
            vm.copy_typed_view(x)
        }
        Some(Kind::MemoryView) => {
            vm.view_check(x)?;
            let (s, n, st) = vm.view_range(x);
            let base = vm.field(x, ViewField::Obj as usize);
            vm.new_view(base, s, n, st)
        }
        Some(Kind::Native) if let Some(v) = vm.array_view(x)? => Ok(v),
        _ => {
            let t = vm.type_name(x);
            Err(vm.type_error(&format!(
                "memoryview: a bytes-like object is required, not '{t}'"
            )))
        }
    }
}

/// Arguments of a constructor or static method seen as if a receiver came
/// first (so the receiver-skipping parsers apply).
fn shift(a: &Args) -> Args {
    Args {
        start: a.start.wrapping_sub(1),
        n: a.n + 1,
        kw: a.kw,
    }
}

fn fromhex(vm: &mut Vm, a: &Args, array: bool) -> PyResult<Value> {
    if a.npos(vm) != 1 || a.nkw(vm) != 0 {
        let n = a.npos(vm);
        let t = if array { "bytearray" } else { "bytes" };
        return Err(vm.type_error(&format!(
            "{t}.fromhex() takes exactly one argument ({n} given)"
        )));
    }
    let s = a.get(vm, 0);
    if !vm.is_str(s) {
        let t = vm.type_name(s);
        return Err(vm.type_error(&format!("fromhex() argument must be str, not {t}")));
    }
    let text = vm.str_text(s).into_owned();
    let b = crate::bytes_text::parse_hex_bytes(&text).map_err(|e| vm.raise_pyerror(e))?;
    vm.new_bytes_like(array, &b)
}

pub(crate) fn bytes_fromhex(vm: &mut Vm, a: Args) -> PyResult<Value> {
    fromhex(vm, &a, false)
}

pub(crate) fn bytearray_fromhex(vm: &mut Vm, a: Args) -> PyResult<Value> {
    fromhex(vm, &a, true)
}

fn bytes_maketrans(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if a.npos(vm) != 2 {
        let n = a.npos(vm);
        return Err(vm.type_error(&format!("maketrans expected 2 arguments, got {n}")));
    }
    let from = buf_arg(vm, a.get(vm, 0))?;
    let to = buf_arg(vm, a.get(vm, 1))?;
    if from.len() != to.len() {
        return Err(vm.raise_msg(
            TypeId::ValueError,
            "maketrans arguments must have same length",
        ));
    }
    let mut table: Vec<u8> = (0..=255).collect();
    for (f, t) in from.into_iter().zip(to) {
        table[f as usize] = t;
    }
    vm.new_bytes(&table)
}

// ---- methods of bytes and bytearray -----------------------------------

fn b_hex(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, data) = this(vm, &a, "hex")?;
    hex_common(vm, &a, &data)
}

fn hex_common(vm: &mut Vm, a: &Args, data: &[u8]) -> PyResult<Value> {
    let p = keywords(vm, a, "hex", &["sep", "bytes_per_sep"], 0)?;
    let sep = match p.get(vm, 0) {
        None => None,
        Some(s) if vm.is_str(s) => Some(vm.str_text(s).into_owned()),
        Some(s) => match vm.buffer_copy(s)? {
            Some(b) => Some(b.iter().map(|&c| c as char).collect()),
            None => {
                let t = vm.type_name(s);
                return Err(vm.type_error(&format!("object of type '{t}' has no len()")));
            }
        },
    };
    let per = match p.get(vm, 1) {
        Some(v) => index_arg(vm, v)? as i32,
        None => 1,
    };
    let s =
        crate::bytes_text::hex_bytes(data, sep.as_deref(), per).map_err(|e| vm.raise_pyerror(e))?;
    vm.new_str(&s)
}

fn b_decode(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, data) = this(vm, &a, "decode")?;
    let p = keywords(vm, &a, "decode", &["encoding", "errors"], 0)?;
    let enc = codec_arg(vm, &p, 0, "decode", "encoding", "utf-8")?;
    let errors = codec_arg(vm, &p, 1, "decode", "errors", "strict")?;
    let obj = a.get(vm, 0);
    vm.decode_to_str(&data, obj, &enc, &errors)
}

/// The receiver's bytes, the searched bytes, `start` and `end`.
type SubArgs = (Vec<u8>, Vec<u8>, Option<i64>, Option<i64>);

/// The `sub[, start[, end]]` of `find` and friends (`sub` may be an int).
fn sub_args(vm: &mut Vm, a: &Args, meth: &str) -> PyResult<SubArgs> {
    let (_, data) = this(vm, a, meth)?;
    let q = qual(a, vm, meth);
    let p = tuple_style(vm, a, &q, meth, 1, 3)?;
    let sub = p.get(vm, 0).unwrap_or(Value::NONE);
    let sub = match vm.buffer_copy(sub)? {
        Some(b) => b,
        None if vm.index_value(sub).is_some() && sub.as_float().is_none() => {
            vec![vm.byte_arg(sub)?]
        }
        None => {
            let t = vm.type_name(sub);
            return Err(vm.type_error(&format!(
                "argument should be integer or bytes-like object, not '{t}'"
            )));
        }
    };
    let start = slice_arg(vm, p.get(vm, 1))?;
    let end = slice_arg(vm, p.get(vm, 2))?;
    Ok((data, sub, start, end))
}

fn b_count(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (d, s, x, y) = sub_args(vm, &a, "count")?;
    vm.new_i64(count_bytes(&d, &s, x, y) as i64)
}

fn found(vm: &mut Vm, r: Option<usize>, raise: bool) -> PyResult<Value> {
    match r {
        Some(i) => vm.new_i64(i as i64),
        None if raise => Err(vm.raise_msg(TypeId::ValueError, "subsection not found")),
        None => vm.new_i64(-1),
    }
}

fn b_find(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (d, s, x, y) = sub_args(vm, &a, "find")?;
    found(vm, find_bytes(&d, &s, x, y, false), false)
}

fn b_rfind(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (d, s, x, y) = sub_args(vm, &a, "rfind")?;
    found(vm, find_bytes(&d, &s, x, y, true), false)
}

fn b_index(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (d, s, x, y) = sub_args(vm, &a, "index")?;
    found(vm, find_bytes(&d, &s, x, y, false), true)
}

fn b_rindex(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (d, s, x, y) = sub_args(vm, &a, "rindex")?;
    found(vm, find_bytes(&d, &s, x, y, true), true)
}

fn starts_ends(vm: &mut Vm, a: Args, meth: &str, suffix: bool) -> PyResult<Value> {
    let (_, data) = this(vm, &a, meth)?;
    let q = qual(&a, vm, meth);
    let p = tuple_style(vm, &a, &q, meth, 1, 3)?;
    let start = slice_arg(vm, p.get(vm, 1))?;
    let end = slice_arg(vm, p.get(vm, 2))?;
    let x = p.get(vm, 0).unwrap_or(Value::NONE);
    let cands: Vec<Value> = if vm.kind_of(x) == Some(Kind::Tuple) {
        vm.tuple_items(x).to_vec()
    } else if vm.is_buffer(x) {
        vec![x]
    } else {
        let t = vm.type_name(x);
        return Err(vm.type_error(&format!(
            "{meth} first arg must be bytes or a tuple of bytes, not {t}"
        )));
    };
    let mark = vm.temps_len();
    vm.roots().temps.extend_from_slice(&cands);
    let r = (|| {
        for i in 0..cands.len() {
            let c = vm.temp(mark + i);
            let Some(sub) = vm.buffer_copy(c)? else {
                let t = vm.type_name(c);
                return Err(vm.type_error(&format!("a bytes-like object is required, not '{t}'")));
            };
            if tail_match(&data, &sub, start, end, suffix) {
                return Ok(Value::TRUE);
            }
        }
        Ok(Value::FALSE)
    })();
    vm.pop_temps(mark);
    r
}

fn b_startswith(vm: &mut Vm, a: Args) -> PyResult<Value> {
    starts_ends(vm, a, "startswith", false)
}

fn b_endswith(vm: &mut Vm, a: Args) -> PyResult<Value> {
    starts_ends(vm, a, "endswith", true)
}

fn split_white(d: &[u8], maxsplit: i64, right: bool) -> Vec<&[u8]> {
    let mut out: Vec<&[u8]> = Vec::new();
    if !right {
        let mut i = 0;
        loop {
            while i < d.len() && is_space_byte(d[i]) {
                i += 1;
            }
            if i == d.len() {
                break;
            }
            if maxsplit >= 0 && out.len() as i64 == maxsplit {
                let mut e = d.len();
                while e > i && is_space_byte(d[e - 1]) {
                    e -= 1;
                }
                out.push(&d[i..e]);
                break;
            }
            let s = i;
            while i < d.len() && !is_space_byte(d[i]) {
                i += 1;
            }
            out.push(&d[s..i]);
        }
    } else {
        let mut j = d.len();
        loop {
            while j > 0 && is_space_byte(d[j - 1]) {
                j -= 1;
            }
            if j == 0 {
                break;
            }
            if maxsplit >= 0 && out.len() as i64 == maxsplit {
                let mut s = 0;
                while s < j && is_space_byte(d[s]) {
                    s += 1;
                }
                out.push(&d[s..j]);
                break;
            }
            let e = j;
            while j > 0 && !is_space_byte(d[j - 1]) {
                j -= 1;
            }
            out.push(&d[j..e]);
        }
        out.reverse();
    }
    out
}

fn split_impl(vm: &mut Vm, a: Args, meth: &str, right: bool) -> PyResult<Value> {
    let (array, d) = this(vm, &a, meth)?;
    let p = keywords(vm, &a, meth, &["sep", "maxsplit"], 0)?;
    let maxsplit = match p.get(vm, 1) {
        Some(v) => index_arg(vm, v)?,
        None => -1,
    };
    let parts: Vec<&[u8]> = match p.opt(vm, 0) {
        None => split_white(&d, maxsplit, right),
        Some(sep) => {
            let sep = buf_arg(vm, sep)?;
            if sep.is_empty() {
                return Err(vm.raise_msg(TypeId::ValueError, "empty separator"));
            }
            let limit = if maxsplit < 0 {
                usize::MAX
            } else {
                maxsplit as usize
            };
            let mut out: Vec<&[u8]> = Vec::new();
            if right {
                let mut end = d.len();
                while out.len() < limit {
                    match find_bytes(&d[..end], &sep, None, None, true) {
                        Some(at) => {
                            out.push(&d[at + sep.len()..end]);
                            end = at;
                        }
                        None => break,
                    }
                }
                out.push(&d[..end]);
                out.reverse();
            } else {
                let mut start = 0;
                while out.len() < limit {
                    match find_bytes(&d[start..], &sep, None, None, false) {
                        Some(at) => {
                            out.push(&d[start..start + at]);
                            start += at + sep.len();
                        }
                        None => break,
                    }
                }
                out.push(&d[start..]);
            }
            return make_seq(vm, array, &out, false);
        }
    };
    make_seq(vm, array, &parts, false)
}

fn b_split(vm: &mut Vm, a: Args) -> PyResult<Value> {
    split_impl(vm, a, "split", false)
}

fn b_rsplit(vm: &mut Vm, a: Args) -> PyResult<Value> {
    split_impl(vm, a, "rsplit", true)
}

fn b_splitlines(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (array, d) = this(vm, &a, "splitlines")?;
    let p = keywords(vm, &a, "splitlines", &["keepends"], 0)?;
    let keep = match p.get(vm, 0) {
        Some(v) => index_arg(vm, v)? != 0,
        None => false,
    };
    let mut out: Vec<&[u8]> = Vec::new();
    let mut i = 0;
    let mut start = 0;
    while i < d.len() {
        if d[i] == b'\n' || d[i] == b'\r' {
            let mut end = i + 1;
            if d[i] == b'\r' && d.get(i + 1) == Some(&b'\n') {
                end += 1;
            }
            out.push(if keep { &d[start..end] } else { &d[start..i] });
            start = end;
            i = end;
        } else {
            i += 1;
        }
    }
    if start < d.len() {
        out.push(&d[start..]);
    }
    make_seq(vm, array, &out, false)
}

fn strip_impl(vm: &mut Vm, a: Args, meth: &str, left: bool, right: bool) -> PyResult<Value> {
    let (array, d) = this(vm, &a, meth)?;
    let q = qual(&a, vm, meth);
    let p = clinic(vm, &a, &q, meth, 0, 1)?;
    let set: Option<Vec<u8>> = match p.opt(vm, 0) {
        None => None,
        Some(v) => Some(buf_arg(vm, v)?),
    };
    let strip = |b: u8| match &set {
        None => is_space_byte(b),
        Some(s) => s.contains(&b),
    };
    let (mut s, mut e) = (0, d.len());
    if left {
        while s < e && strip(d[s]) {
            s += 1;
        }
    }
    if right {
        while e > s && strip(d[e - 1]) {
            e -= 1;
        }
    }
    vm.new_bytes_like(array, &d[s..e])
}

fn b_strip(vm: &mut Vm, a: Args) -> PyResult<Value> {
    strip_impl(vm, a, "strip", true, true)
}

fn b_lstrip(vm: &mut Vm, a: Args) -> PyResult<Value> {
    strip_impl(vm, a, "lstrip", true, false)
}

fn b_rstrip(vm: &mut Vm, a: Args) -> PyResult<Value> {
    strip_impl(vm, a, "rstrip", false, true)
}

fn partition_impl(vm: &mut Vm, a: Args, meth: &str, right: bool) -> PyResult<Value> {
    let (array, d) = this(vm, &a, meth)?;
    let q = qual(&a, vm, meth);
    let sep = one(vm, &a, &q)?;
    let sep = buf_arg(vm, sep)?;
    if sep.is_empty() {
        return Err(vm.raise_msg(TypeId::ValueError, "empty separator"));
    }
    let e: &[u8] = &[];
    let parts: [&[u8]; 3] = match find_bytes(&d, &sep, None, None, right) {
        Some(at) => [&d[..at], &sep, &d[at + sep.len()..]],
        None if right => [e, e, &d],
        None => [&d, e, e],
    };
    make_seq(vm, array, &parts, true)
}

fn b_partition(vm: &mut Vm, a: Args) -> PyResult<Value> {
    partition_impl(vm, a, "partition", false)
}

fn b_rpartition(vm: &mut Vm, a: Args) -> PyResult<Value> {
    partition_impl(vm, a, "rpartition", true)
}

fn b_join(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (array, sep) = this(vm, &a, "join")?;
    let q = qual(&a, vm, "join");
    let it = one(vm, &a, &q)?;
    let items = vm.collect_iterable(it)?;
    let mark = vm.temps_len();
    vm.roots().temps.extend_from_slice(&items);
    let r = (|| {
        let mut out = Vec::new();
        for i in 0..items.len() {
            let x = vm.temp(mark + i);
            let Some(b) = vm.buffer_copy(x)? else {
                let t = vm.type_name(x);
                return Err(vm.type_error(&format!(
                    "sequence item {i}: expected a bytes-like object, {t} found"
                )));
            };
            if i > 0 {
                out.extend_from_slice(&sep);
            }
            out.extend_from_slice(&b);
        }
        Ok(out)
    })();
    vm.pop_temps(mark);
    let out = r?;
    vm.new_bytes_like(array, &out)
}

fn b_replace(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (array, d) = this(vm, &a, "replace")?;
    let q = qual(&a, vm, "replace");
    let p = clinic(vm, &a, &q, "replace", 2, 3)?;
    let old = buf_arg(vm, p.get(vm, 0).unwrap_or(Value::NONE))?;
    let new = buf_arg(vm, p.get(vm, 1).unwrap_or(Value::NONE))?;
    let count = match p.get(vm, 2) {
        Some(v) => index_arg(vm, v)?,
        None => -1,
    };
    let out = replace_bytes(&d, &old, &new, count);
    vm.new_bytes_like(array, &out)
}

fn pad_impl(vm: &mut Vm, a: Args, meth: &str) -> PyResult<Value> {
    let (array, d) = this(vm, &a, meth)?;
    let q = qual(&a, vm, meth);
    let p = clinic(vm, &a, &q, meth, 1, 2)?;
    let width = index_arg(vm, p.get(vm, 0).unwrap_or(Value::NONE))?.max(0) as usize;
    let fill = match p.get(vm, 1) {
        None => b' ',
        Some(f) => match vm.kind_of(f) {
            Some(Kind::Bytes | Kind::ByteArray) if vm.bytes_data(f).len() == 1 => {
                vm.bytes_data(f)[0]
            }
            _ => {
                let t = vm.type_name(f);
                return Err(vm.type_error(&format!(
                    "{meth}() argument 2 must be a byte string of length 1, not {t}"
                )));
            }
        },
    };
    if width <= d.len() {
        return vm.new_bytes_like(array, &d);
    }
    let pad = width - d.len();
    let left = match meth {
        "ljust" => 0,
        "rjust" => pad,
        _ => pad / 2 + (pad & width & 1),
    };
    let mut out = vec![fill; left];
    out.extend_from_slice(&d);
    out.resize(width, fill);
    vm.new_bytes_like(array, &out)
}

fn b_center(vm: &mut Vm, a: Args) -> PyResult<Value> {
    pad_impl(vm, a, "center")
}

fn b_ljust(vm: &mut Vm, a: Args) -> PyResult<Value> {
    pad_impl(vm, a, "ljust")
}

fn b_rjust(vm: &mut Vm, a: Args) -> PyResult<Value> {
    pad_impl(vm, a, "rjust")
}

fn b_zfill(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (array, d) = this(vm, &a, "zfill")?;
    let q = qual(&a, vm, "zfill");
    let w = one(vm, &a, &q)?;
    let width = index_arg(vm, w)?.max(0) as usize;
    if width <= d.len() {
        return vm.new_bytes_like(array, &d);
    }
    let signed = matches!(d.first(), Some(b'+' | b'-'));
    let mut out = Vec::with_capacity(width);
    if signed {
        out.push(d[0]);
    }
    out.resize(out.len() + width - d.len(), b'0');
    out.extend_from_slice(if signed { &d[1..] } else { &d });
    vm.new_bytes_like(array, &out)
}

fn b_expandtabs(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (array, d) = this(vm, &a, "expandtabs")?;
    let p = keywords(vm, &a, "expandtabs", &["tabsize"], 0)?;
    let tab = match p.get(vm, 0) {
        Some(v) => index_arg(vm, v)?,
        None => 8,
    };
    let mut out = Vec::new();
    let mut col = 0i64;
    for &b in &d {
        match b {
            b'\t' => {
                if tab > 0 {
                    let n = tab - col % tab;
                    out.extend(std::iter::repeat_n(b' ', n as usize));
                    col += n;
                }
            }
            b'\n' | b'\r' => {
                out.push(b);
                col = 0;
            }
            _ => {
                out.push(b);
                col += 1;
            }
        }
    }
    vm.new_bytes_like(array, &out)
}

fn map_bytes(vm: &mut Vm, a: Args, meth: &str, f: fn(&[u8]) -> Vec<u8>) -> PyResult<Value> {
    let (array, d) = this(vm, &a, meth)?;
    let q = qual(&a, vm, meth);
    noargs(vm, &a, &q)?;
    let out = f(&d);
    vm.new_bytes_like(array, &out)
}

fn test_bytes(vm: &mut Vm, a: Args, meth: &str, f: fn(&[u8]) -> bool) -> PyResult<Value> {
    let (_, d) = this(vm, &a, meth)?;
    let q = qual(&a, vm, meth);
    noargs(vm, &a, &q)?;
    Ok(Value::from_bool(f(&d)))
}

fn title_bytes(d: &[u8]) -> Vec<u8> {
    let mut prev_cased = false;
    d.iter()
        .map(|&b| {
            let r = if prev_cased {
                b.to_ascii_lowercase()
            } else {
                b.to_ascii_uppercase()
            };
            prev_cased = b.is_ascii_alphabetic();
            r
        })
        .collect()
}

fn is_title(d: &[u8]) -> bool {
    let (mut cased, mut prev_cased) = (false, false);
    for &b in d {
        if b.is_ascii_uppercase() {
            if prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else if b.is_ascii_lowercase() {
            if !prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    cased
}

macro_rules! byte_methods {
    ($($name:ident, $meth:literal, $helper:ident, $f:expr;)*) => {$(
        fn $name(vm: &mut Vm, a: Args) -> PyResult<Value> {
            $helper(vm, a, $meth, $f)
        }
    )*};
}

byte_methods! {
    b_upper, "upper", map_bytes, |d: &[u8]| d.to_ascii_uppercase();
    b_lower, "lower", map_bytes, |d: &[u8]| d.to_ascii_lowercase();
    b_swapcase, "swapcase", map_bytes, |d: &[u8]| d.iter().map(|&b| if b.is_ascii_uppercase() { b.to_ascii_lowercase() } else { b.to_ascii_uppercase() }).collect();
    b_title, "title", map_bytes, title_bytes;
    b_capitalize, "capitalize", map_bytes, |d: &[u8]| d.iter().enumerate().map(|(i, &b)| if i == 0 { b.to_ascii_uppercase() } else { b.to_ascii_lowercase() }).collect();
    b_isalnum, "isalnum", test_bytes, |d: &[u8]| !d.is_empty() && d.iter().all(u8::is_ascii_alphanumeric);
    b_isalpha, "isalpha", test_bytes, |d: &[u8]| !d.is_empty() && d.iter().all(u8::is_ascii_alphabetic);
    b_isascii, "isascii", test_bytes, |d: &[u8]| d.is_ascii();
    b_isdigit, "isdigit", test_bytes, |d: &[u8]| !d.is_empty() && d.iter().all(u8::is_ascii_digit);
    b_islower, "islower", test_bytes, |d: &[u8]| d.iter().any(u8::is_ascii_lowercase) && !d.iter().any(u8::is_ascii_uppercase);
    b_isupper, "isupper", test_bytes, |d: &[u8]| d.iter().any(u8::is_ascii_uppercase) && !d.iter().any(u8::is_ascii_lowercase);
    b_isspace, "isspace", test_bytes, |d: &[u8]| !d.is_empty() && d.iter().all(|&b| is_space_byte(b));
    b_istitle, "istitle", test_bytes, is_title;
}

fn b_translate(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (array, d) = this(vm, &a, "translate")?;
    let p = keywords(vm, &a, "translate", &["table", "delete"], 1)?;
    let table = match p.opt(vm, 0) {
        None => None,
        Some(t) => {
            let t = buf_arg(vm, t)?;
            if t.len() != 256 {
                return Err(vm.raise_msg(
                    TypeId::ValueError,
                    "translation table must be 256 characters long",
                ));
            }
            Some(t)
        }
    };
    let delete = match p.get(vm, 1) {
        Some(v) => buf_arg(vm, v)?,
        None => Vec::new(),
    };
    let out: Vec<u8> = d
        .iter()
        .filter(|b| !delete.contains(b))
        .map(|&b| table.as_ref().map_or(b, |t| t[b as usize]))
        .collect();
    vm.new_bytes_like(array, &out)
}

fn affix(vm: &mut Vm, a: Args, meth: &str, suffix: bool) -> PyResult<Value> {
    let (array, d) = this(vm, &a, meth)?;
    let q = qual(&a, vm, meth);
    let x = one(vm, &a, &q)?;
    let x = buf_arg(vm, x)?;
    let out = if suffix {
        d.strip_suffix(x.as_slice())
    } else {
        d.strip_prefix(x.as_slice())
    };
    match out {
        Some(rest) => vm.new_bytes_like(array, rest),
        None if !array => Ok(a.get(vm, 0)),
        None => vm.new_bytearray(&d),
    }
}

fn b_removeprefix(vm: &mut Vm, a: Args) -> PyResult<Value> {
    affix(vm, a, "removeprefix", false)
}

fn b_removesuffix(vm: &mut Vm, a: Args) -> PyResult<Value> {
    affix(vm, a, "removesuffix", true)
}

// ---- bytearray mutation ------------------------------------------------

fn ba(vm: &mut Vm, a: &Args, meth: &str) -> PyResult<Value> {
    recv(vm, a, &[Kind::ByteArray], "bytearray", meth)
}

fn ba_append(vm: &mut Vm, a: Args) -> PyResult<Value> {
    ba(vm, &a, "append")?;
    let x = one(vm, &a, "bytearray.append")?;
    let b = vm.byte_arg(x)?;
    let me = a.get(vm, 0);
    vm.check_resizable(me)?;
    let me = a.get(vm, 0);
    vm.bytearray_vec(me).push(b);
    Ok(Value::NONE)
}

fn ba_extend(vm: &mut Vm, a: Args) -> PyResult<Value> {
    ba(vm, &a, "extend")?;
    let x = one(vm, &a, "bytearray.extend")?;
    let data = match vm.buffer_copy(x)? {
        Some(b) => b,
        None => {
            if vm.is_str(x) || vm.index_value(x).is_some() || x.as_float().is_some() {
                let t = vm.type_name(x);
                return Err(if vm.is_str(x) {
                    vm.type_error("expected iterable of integers; got: 'str'")
                } else {
                    vm.type_error(&format!("can't extend bytearray with {t}"))
                });
            }
            let items = vm.collect_iterable(x)?;
            let mark = vm.temps_len();
            vm.roots().temps.extend_from_slice(&items);
            let r = (|| {
                let mut out = Vec::with_capacity(items.len());
                for i in 0..items.len() {
                    out.push(vm.byte_arg(vm.temp(mark + i))?);
                }
                Ok(out)
            })();
            vm.pop_temps(mark);
            r?
        }
    };
    let me = a.get(vm, 0);
    if !data.is_empty() {
        vm.check_resizable(me)?;
    }
    let me = a.get(vm, 0);
    vm.bytearray_vec(me).extend_from_slice(&data);
    Ok(Value::NONE)
}

fn ba_pop(vm: &mut Vm, a: Args) -> PyResult<Value> {
    ba(vm, &a, "pop")?;
    let p = clinic(vm, &a, "bytearray.pop", "pop", 0, 1)?;
    let me = a.get(vm, 0);
    let len = vm.bytearray_vec(me).len() as i64;
    let i = match p.get(vm, 0) {
        Some(v) => index_arg(vm, v)?,
        None => -1,
    };
    if len == 0 {
        return Err(vm.raise_msg(TypeId::IndexError, "pop from empty bytearray"));
    }
    let j = if i < 0 { i + len } else { i };
    if j < 0 || j >= len {
        return Err(vm.raise_msg(TypeId::IndexError, "pop index out of range"));
    }
    let me = a.get(vm, 0);
    vm.check_resizable(me)?;
    let me = a.get(vm, 0);
    let b = vm.bytearray_vec(me).remove(j as usize);
    Ok(Value::from_int(b as i64).unwrap_or(Value::NONE))
}

fn ba_insert(vm: &mut Vm, a: Args) -> PyResult<Value> {
    ba(vm, &a, "insert")?;
    let p = clinic(vm, &a, "bytearray.insert", "insert", 2, 2)?;
    let i = index_arg(vm, p.get(vm, 0).unwrap_or(Value::NONE))?;
    let b = vm.byte_arg(p.get(vm, 1).unwrap_or(Value::NONE))?;
    let me = a.get(vm, 0);
    vm.check_resizable(me)?;
    let me = a.get(vm, 0);
    let v = vm.bytearray_vec(me);
    let len = v.len() as i64;
    let j = if i < 0 { (i + len).max(0) } else { i.min(len) };
    v.insert(j as usize, b);
    Ok(Value::NONE)
}

fn ba_remove(vm: &mut Vm, a: Args) -> PyResult<Value> {
    ba(vm, &a, "remove")?;
    let x = one(vm, &a, "bytearray.remove")?;
    let b = vm.byte_arg(x)?;
    let me = a.get(vm, 0);
    if vm.bytearray_vec(me).contains(&b) {
        vm.check_resizable(me)?;
    }
    let me = a.get(vm, 0);
    let v = vm.bytearray_vec(me);
    match v.iter().position(|&c| c == b) {
        Some(i) => {
            v.remove(i);
            Ok(Value::NONE)
        }
        None => Err(vm.raise_msg(TypeId::ValueError, "value not found in bytearray")),
    }
}

fn ba_clear(vm: &mut Vm, a: Args) -> PyResult<Value> {
    ba(vm, &a, "clear")?;
    noargs(vm, &a, "bytearray.clear")?;
    let me = a.get(vm, 0);
    if !vm.bytearray_vec(me).is_empty() {
        vm.check_resizable(me)?;
    }
    let me = a.get(vm, 0);
    vm.bytearray_vec(me).clear();
    Ok(Value::NONE)
}

fn ba_copy(vm: &mut Vm, a: Args) -> PyResult<Value> {
    ba(vm, &a, "copy")?;
    noargs(vm, &a, "bytearray.copy")?;
    let d = vm.bytes_data(a.get(vm, 0)).to_vec();
    vm.new_bytearray(&d)
}

fn ba_reverse(vm: &mut Vm, a: Args) -> PyResult<Value> {
    ba(vm, &a, "reverse")?;
    noargs(vm, &a, "bytearray.reverse")?;
    let me = a.get(vm, 0);
    vm.bytearray_vec(me).reverse();
    Ok(Value::NONE)
}

// ---- memoryview ------------------------------------------------------------

fn mv(vm: &mut Vm, a: &Args, meth: &str, check: bool) -> PyResult<Value> {
    let v = recv(vm, a, &[Kind::MemoryView], "memoryview", meth)?;
    if check {
        vm.view_check(v)?;
    }
    Ok(a.get(vm, 0))
}

fn mv_tobytes(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = mv(vm, &a, "tobytes", true)?;
    let d = vm.view_bytes(v);
    vm.new_bytes(&d)
}

fn mv_tolist(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = mv(vm, &a, "tolist", true)?;
    noargs(vm, &a, "memoryview.tolist")?;
    if vm.view_format(v).is_some() {
        return vm.cast_tolist(v);
    }
    let items: Vec<Value> = vm
        .view_bytes(v)
        .into_iter()
        .map(|b| Value::from_int(b as i64).unwrap_or(Value::NONE))
        .collect();
    vm.new_list(&items)
}

fn mv_hex(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = mv(vm, &a, "hex", true)?;
    let d = vm.view_bytes(v);
    hex_common(vm, &a, &d)
}

fn mv_release(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = mv(vm, &a, "release", false)?;
    noargs(vm, &a, "memoryview.release")?;
    vm.set_field(v, ViewField::Released as usize, Value::TRUE);
    Ok(Value::NONE)
}

fn mv_enter(vm: &mut Vm, a: Args) -> PyResult<Value> {
    mv(vm, &a, "__enter__", true)
}

fn mv_exit(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = mv(vm, &a, "__exit__", false)?;
    vm.set_field(v, ViewField::Released as usize, Value::TRUE);
    Ok(Value::NONE)
}
