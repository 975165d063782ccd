//! The methods of `str`, wired to the CPython-exact algorithm modules
//! (`str_case`, `str_class`, `str_split`, `str_pad`, `str_search`,
//! `str_repr`) with CPython's argument errors.

use pyvm_objmodel::Value;

use super::super::call::Args;
use super::super::exception::PyResult;
use super::super::heap::Vm;
use super::super::layout::Kind;
use super::super::types::TypeId;
use super::native_args::{
    Parsed, clinic, index_arg, keywords, noargs, one, recv, slice_arg, tuple_style,
};
use super::{NativeTable, Place};
use crate::{str_case, str_class, str_pad, str_repr, str_search, str_split};

const S: Place = Place::Method(TypeId::Str);

/// The natives of this file.
pub(crate) const STR_METHODS: NativeTable = &[
    ("upper", S, str_upper),
    ("lower", S, str_lower),
    ("casefold", S, str_casefold),
    ("title", S, str_title),
    ("capitalize", S, str_capitalize),
    ("swapcase", S, str_swapcase),
    ("isupper", S, str_isupper),
    ("islower", S, str_islower),
    ("istitle", S, str_istitle),
    ("isdecimal", S, str_isdecimal),
    ("isdigit", S, str_isdigit),
    ("isnumeric", S, str_isnumeric),
    ("isalpha", S, str_isalpha),
    ("isalnum", S, str_isalnum),
    ("isidentifier", S, str_isidentifier),
    ("isspace", S, str_isspace),
    ("isprintable", S, str_isprintable),
    ("isascii", S, str_isascii),
    ("split", S, str_split),
    ("rsplit", S, str_rsplit),
    ("splitlines", S, str_splitlines),
    ("strip", S, str_strip),
    ("lstrip", S, str_lstrip),
    ("rstrip", S, str_rstrip),
    ("partition", S, str_partition),
    ("rpartition", S, str_rpartition),
    ("count", S, str_count),
    ("find", S, str_find),
    ("rfind", S, str_rfind),
    ("index", S, str_index),
    ("rindex", S, str_rindex),
    ("startswith", S, str_startswith),
    ("endswith", S, str_endswith),
    ("center", S, str_center),
    ("ljust", S, str_ljust),
    ("rjust", S, str_rjust),
    ("zfill", S, str_zfill),
    ("expandtabs", S, str_expandtabs),
    ("replace", S, str_replace),
    ("join", S, str_join),
    ("removeprefix", S, str_removeprefix),
    ("removesuffix", S, str_removesuffix),
    ("encode", S, str_encode),
    ("translate", S, str_translate),
    ("maketrans", S, str_maketrans),
];

/// The receiver's text (lossy for lone surrogates).
fn this(vm: &mut Vm, a: &Args, meth: &str) -> PyResult<String> {
    let s = recv(vm, a, &[Kind::Str], "str", meth)?;
    Ok(vm.str_text(s).into_owned())
}

/// A str argument's text, or TypeError `<what> must be str, not T`.
fn str_arg(vm: &mut Vm, v: Value, what: &str) -> PyResult<String> {
    if vm.is_str(v) {
        return Ok(vm.str_text(v).into_owned());
    }
    let t = if v.is_none() {
        "None".to_string()
    } else {
        vm.type_name(v)
    };
    Err(vm.type_error(&format!("{what} must be str, not {t}")))
}

fn map_text(vm: &mut Vm, a: Args, meth: &str, f: fn(&str) -> String) -> PyResult<Value> {
    let s = this(vm, &a, meth)?;
    noargs(vm, &a, &format!("str.{meth}"))?;
    vm.new_str(&f(&s))
}

fn test_text(vm: &mut Vm, a: Args, meth: &str, f: fn(&str) -> bool) -> PyResult<Value> {
    let s = this(vm, &a, meth)?;
    noargs(vm, &a, &format!("str.{meth}"))?;
    if meth == "isprintable" {
        // Lone surrogates (category Cs) are not printable; the text above
        // shows them as U+FFFD, which is.
        let v = recv(vm, &a, &[Kind::Str], "str", meth)?;
        let raw = vm.str_bytes(v);
        if raw.windows(2).any(|w| w[0] == 0xed && w[1] >= 0xa0) {
            return Ok(Value::FALSE);
        }
    }
    Ok(Value::from_bool(f(&s)))
}

macro_rules! text_methods {
    ($($name:ident, $meth:literal, $helper:ident, $f:expr;)*) => {$(
        fn $name(vm: &mut Vm, a: Args) -> PyResult<Value> {
            $helper(vm, a, $meth, $f)
        }
    )*};
}

text_methods! {
    str_upper, "upper", map_text, str_case::upper;
    str_lower, "lower", map_text, str_case::lower;
    str_casefold, "casefold", map_text, str_case::casefold;
    str_title, "title", map_text, str_case::title;
    str_capitalize, "capitalize", map_text, str_case::capitalize;
    str_swapcase, "swapcase", map_text, str_case::swapcase;
    str_isupper, "isupper", test_text, str_case::str_is_upper;
    str_islower, "islower", test_text, str_case::str_is_lower;
    str_istitle, "istitle", test_text, str_case::str_is_title;
    str_isdecimal, "isdecimal", test_text, str_class::str_is_decimal;
    str_isdigit, "isdigit", test_text, str_class::str_is_digit;
    str_isnumeric, "isnumeric", test_text, str_class::str_is_numeric;
    str_isalpha, "isalpha", test_text, str_class::str_is_alpha;
    str_isalnum, "isalnum", test_text, str_class::str_is_alnum;
    str_isidentifier, "isidentifier", test_text, str_class::str_is_identifier;
    str_isspace, "isspace", test_text, |s: &str| !s.is_empty() && s.chars().all(str_split::is_space);
    str_isprintable, "isprintable", test_text, str_repr::str_is_printable;
    str_isascii, "isascii", test_text, |s: &str| s.is_ascii();
}

/// A list of new str objects.
pub(crate) fn str_list(vm: &mut Vm, parts: &[&str]) -> PyResult<Value> {
    let mark = vm.temps_len();
    let r = (|| {
        for p in parts {
            let s = vm.new_str(p)?;
            vm.push_temp(s);
        }
        let items = vm.m.roots().temps[mark..].to_vec();
        vm.new_list(&items)
    })();
    vm.pop_temps(mark);
    r
}

/// A tuple of new str objects.
fn str_tuple(vm: &mut Vm, parts: &[&str]) -> PyResult<Value> {
    let mark = vm.temps_len();
    let r = (|| {
        for p in parts {
            let s = vm.new_str(p)?;
            vm.push_temp(s);
        }
        let items = vm.m.roots().temps[mark..].to_vec();
        vm.new_tuple(&items)
    })();
    vm.pop_temps(mark);
    r
}

fn split_impl(vm: &mut Vm, a: Args, meth: &str, right: bool) -> PyResult<Value> {
    let s = this(vm, &a, meth)?;
    let p = keywords(vm, &a, meth, &["sep", "maxsplit"], 0)?;
    let maxsplit = match p.get(vm, 1) {
        Some(v) => index_arg(vm, v)?,
        None => -1,
    };
    let parts = match p.opt(vm, 0) {
        None if right => str_split::rsplit_whitespace(&s, maxsplit as isize),
        None => str_split::split_whitespace(&s, maxsplit as isize),
        Some(sep) => {
            if !vm.is_str(sep) {
                let t = vm.type_name(sep);
                return Err(vm.type_error(&format!("must be str or None, not {t}")));
            }
            let sep = vm.str_text(sep).into_owned();
            let r = if right {
                str_search::rsplit_sep(&s, &sep, maxsplit)
            } else {
                str_search::split_sep(&s, &sep, maxsplit)
            };
            let parts = r.map_err(|e| vm.raise_pyerror(e))?;
            return str_list(vm, &parts);
        }
    };
    str_list(vm, &parts)
}

fn str_split(vm: &mut Vm, a: Args) -> PyResult<Value> {
    split_impl(vm, a, "split", false)
}

fn str_rsplit(vm: &mut Vm, a: Args) -> PyResult<Value> {
    split_impl(vm, a, "rsplit", true)
}

fn str_splitlines(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = this(vm, &a, "splitlines")?;
    let p = keywords(vm, &a, "splitlines", &["keepends"], 0)?;
    let keep = match p.get(vm, 0) {
        Some(v) => index_arg(vm, v)? != 0,
        None => false,
    };
    let parts = str_split::splitlines(&s, keep);
    str_list(vm, &parts)
}

fn strip_impl(vm: &mut Vm, a: Args, meth: &str, left: bool, right: bool) -> PyResult<Value> {
    let s = this(vm, &a, meth)?;
    let p = clinic(vm, &a, &format!("str.{meth}"), meth, 0, 1)?;
    let out: &str = match p.opt(vm, 0) {
        None => match (left, right) {
            (true, true) => str_split::strip_space(&s),
            (true, false) => str_split::lstrip_space(&s),
            _ => str_split::rstrip_space(&s),
        },
        Some(c) if vm.is_str(c) => {
            let set: Vec<char> = vm.str_text(c).chars().collect();
            let mut t: &str = &s;
            if left {
                t = t.trim_start_matches(|ch| set.contains(&ch));
            }
            if right {
                t = t.trim_end_matches(|ch| set.contains(&ch));
            }
            t
        }
        Some(_) => {
            return Err(vm.type_error(&format!("{meth} arg must be None or str")));
        }
    };
    let out = out.to_string();
    vm.new_str(&out)
}

fn str_strip(vm: &mut Vm, a: Args) -> PyResult<Value> {
    strip_impl(vm, a, "strip", true, true)
}

fn str_lstrip(vm: &mut Vm, a: Args) -> PyResult<Value> {
    strip_impl(vm, a, "lstrip", true, false)
}

fn str_rstrip(vm: &mut Vm, a: Args) -> PyResult<Value> {
    strip_impl(vm, a, "rstrip", false, true)
}

fn partition_impl(vm: &mut Vm, a: Args, meth: &str, right: bool) -> PyResult<Value> {
    let s = this(vm, &a, meth)?;
    let sep = one(vm, &a, &format!("str.{meth}"))?;
    if !vm.is_str(sep) {
        let t = vm.type_name(sep);
        return Err(vm.type_error(&format!("must be str, not {t}")));
    }
    let sep = vm.str_text(sep).into_owned();
    let r = if right {
        str_search::rpartition(&s, &sep)
    } else {
        str_search::partition(&s, &sep)
    };
    let (x, y, z) = r.map_err(|e| vm.raise_pyerror(e))?;
    str_tuple(vm, &[x, y, z])
}

fn str_partition(vm: &mut Vm, a: Args) -> PyResult<Value> {
    partition_impl(vm, a, "partition", false)
}

fn str_rpartition(vm: &mut Vm, a: Args) -> PyResult<Value> {
    partition_impl(vm, a, "rpartition", true)
}

/// Receiver, substring and `start`/`end` of `find`-like methods.
fn find_args(
    vm: &mut Vm,
    a: &Args,
    meth: &str,
) -> PyResult<(String, String, Option<i64>, Option<i64>)> {
    let s = this(vm, a, meth)?;
    let p = tuple_style(vm, a, &format!("str.{meth}"), meth, 1, 3)?;
    let sub = p.get(vm, 0).unwrap_or(Value::NONE);
    let start = slice_arg(vm, p.get(vm, 1))?;
    let end = slice_arg(vm, p.get(vm, 2))?;
    if !vm.is_str(sub) {
        let t = vm.type_name(sub);
        return Err(vm.type_error(&format!("must be str, not {t}")));
    }
    let sub = vm.str_text(sub).into_owned();
    Ok((s, sub, start, end))
}

fn str_count(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (s, sub, start, end) = find_args(vm, &a, "count")?;
    vm.new_i64(str_search::count(&s, &sub, start, end) as i64)
}

fn str_find(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (s, sub, start, end) = find_args(vm, &a, "find")?;
    vm.new_i64(str_search::find(&s, &sub, start, end))
}

fn str_rfind(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (s, sub, start, end) = find_args(vm, &a, "rfind")?;
    vm.new_i64(str_search::rfind(&s, &sub, start, end))
}

fn str_index(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (s, sub, start, end) = find_args(vm, &a, "index")?;
    match str_search::find(&s, &sub, start, end) {
        -1 => Err(vm.raise_msg(TypeId::ValueError, "substring not found")),
        i => vm.new_i64(i),
    }
}

fn str_rindex(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (s, sub, start, end) = find_args(vm, &a, "rindex")?;
    match str_search::rfind(&s, &sub, start, end) {
        -1 => Err(vm.raise_msg(TypeId::ValueError, "substring not found")),
        i => vm.new_i64(i),
    }
}

/// CPython's `ADJUST_INDICES` for `len` items.
pub(crate) fn adjust_indices(start: Option<i64>, end: Option<i64>, len: usize) -> (i64, i64) {
    let len = len as i64;
    let mut end = end.unwrap_or(len);
    if end > len {
        end = len;
    } else if end < 0 {
        end = (end + len).max(0);
    }
    let mut start = start.unwrap_or(0);
    if start < 0 {
        start = (start + len).max(0);
    }
    (start, end)
}

/// Whether `hay[start..end]` starts (or ends) with `sub`, as CPython's
/// `tailmatch`.
pub(crate) fn tail_match<T: PartialEq>(
    hay: &[T],
    sub: &[T],
    start: Option<i64>,
    end: Option<i64>,
    suffix: bool,
) -> bool {
    let (start, end) = adjust_indices(start, end, hay.len());
    let n = sub.len() as i64;
    if end - n < start {
        return false;
    }
    let at = if suffix { end - n } else { start } as usize;
    hay[at..at + sub.len()] == *sub
}

fn starts_ends(vm: &mut Vm, a: Args, meth: &str, suffix: bool) -> PyResult<Value> {
    let s = this(vm, &a, meth)?;
    let p = tuple_style(vm, &a, &format!("str.{meth}"), meth, 1, 3)?;
    let start = slice_arg(vm, p.get(vm, 1))?;
    let end = slice_arg(vm, p.get(vm, 2))?;
    let hay: Vec<char> = s.chars().collect();
    let x = p.get(vm, 0).unwrap_or(Value::NONE);
    let cands: Vec<Value> = match vm.kind_of(x) {
        Some(Kind::Str) => vec![x],
        Some(Kind::Tuple) => vm.tuple_items(x).to_vec(),
        _ => {
            let t = vm.type_name(x);
            return Err(vm.type_error(&format!(
                "{meth} first arg must be str or a tuple of str, not {t}"
            )));
        }
    };
    for c in cands {
        if !vm.is_str(c) {
            let t = vm.type_name(c);
            return Err(vm.type_error(&format!("tuple for {meth} must only contain str, not {t}")));
        }
        let sub: Vec<char> = vm.str_text(c).chars().collect();
        if tail_match(&hay, &sub, start, end, suffix) {
            return Ok(Value::TRUE);
        }
    }
    Ok(Value::FALSE)
}

fn str_startswith(vm: &mut Vm, a: Args) -> PyResult<Value> {
    starts_ends(vm, a, "startswith", false)
}

fn str_endswith(vm: &mut Vm, a: Args) -> PyResult<Value> {
    starts_ends(vm, a, "endswith", true)
}

type PadFn = fn(&str, usize, char) -> crate::error::PyResult<String>;

fn pad_impl(vm: &mut Vm, a: Args, meth: &str, f: PadFn) -> PyResult<Value> {
    let s = this(vm, &a, meth)?;
    let p = clinic(vm, &a, &format!("str.{meth}"), meth, 1, 2)?;
    let width = index_arg(vm, p.get(vm, 0).unwrap_or(Value::NONE))?;
    let fill = match p.get(vm, 1) {
        None => ' ',
        Some(f) if vm.is_str(f) => {
            let t = vm.str_text(f);
            let mut it = t.chars();
            match (it.next(), it.next()) {
                (Some(c), None) => c,
                _ => {
                    return Err(
                        vm.type_error("The fill character must be exactly one character long")
                    );
                }
            }
        }
        Some(f) => {
            let t = vm.type_name(f);
            return Err(vm.type_error(&format!(
                "The fill character must be a unicode character, not {t}"
            )));
        }
    };
    let r = f(&s, width.max(0) as usize, fill).map_err(|e| vm.raise_pyerror(e))?;
    vm.new_str(&r)
}

fn str_center(vm: &mut Vm, a: Args) -> PyResult<Value> {
    pad_impl(vm, a, "center", str_pad::center)
}

fn str_ljust(vm: &mut Vm, a: Args) -> PyResult<Value> {
    pad_impl(vm, a, "ljust", str_pad::ljust)
}

fn str_rjust(vm: &mut Vm, a: Args) -> PyResult<Value> {
    pad_impl(vm, a, "rjust", str_pad::rjust)
}

fn str_zfill(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = this(vm, &a, "zfill")?;
    let w = one(vm, &a, "str.zfill")?;
    let w = index_arg(vm, w)?;
    let r = str_pad::zfill(&s, w.max(0) as usize).map_err(|e| vm.raise_pyerror(e))?;
    vm.new_str(&r)
}

fn str_expandtabs(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = this(vm, &a, "expandtabs")?;
    let p = keywords(vm, &a, "expandtabs", &["tabsize"], 0)?;
    let n = match p.get(vm, 0) {
        Some(v) => index_arg(vm, v)?,
        None => 8,
    };
    let r = str_pad::expandtabs(&s, n).map_err(|e| vm.raise_pyerror(e))?;
    vm.new_str(&r)
}

fn str_replace(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = this(vm, &a, "replace")?;
    let p = clinic(vm, &a, "str.replace", "replace", 2, 3)?;
    let mut texts = Vec::new();
    for i in 0..2 {
        let v = p.get(vm, i).unwrap_or(Value::NONE);
        texts.push(str_arg(vm, v, &format!("replace() argument {}", i + 1))?);
    }
    let count = match p.get(vm, 2) {
        Some(v) => index_arg(vm, v)?,
        None => -1,
    };
    let r = str_search::replace(&s, &texts[0], &texts[1], count);
    vm.new_str(&r)
}

fn str_join(vm: &mut Vm, a: Args) -> PyResult<Value> {
    recv(vm, &a, &[Kind::Str], "str", "join")?;
    let it = one(vm, &a, "str.join")?;
    if !vm.is_iterable_value(it)? {
        return Err(vm.type_error("can only join an iterable"));
    }
    let it = one(vm, &a, "str.join")?;
    let items = vm.collect_iterable(it)?;
    let sep = a.get(vm, 0);
    let mut out = Vec::new();
    let mut chars = 0;
    for (i, &x) in items.iter().enumerate() {
        if !vm.is_str(x) {
            let t = vm.type_name(x);
            return Err(vm.type_error(&format!(
                "sequence item {i}: expected str instance, {t} found"
            )));
        }
        if i > 0 {
            out.extend_from_slice(vm.str_bytes(sep));
            chars += vm.str_chars(sep);
        }
        out.extend_from_slice(vm.str_bytes(x));
        chars += vm.str_chars(x);
    }
    vm.alloc_str_bytes(&out, chars)
}

fn remove_affix(vm: &mut Vm, a: Args, meth: &str, suffix: bool) -> PyResult<Value> {
    let s = recv(vm, &a, &[Kind::Str], "str", meth)?;
    let x = one(vm, &a, &format!("str.{meth}"))?;
    let _ = s;
    str_arg(vm, x, &format!("{meth}() argument"))?;
    let (s, x) = (a.get(vm, 0), a.get(vm, 1));
    let (b, p) = (vm.str_bytes(s), vm.str_bytes(x));
    let out = if suffix {
        b.strip_suffix(p)
    } else {
        b.strip_prefix(p)
    };
    match out {
        Some(rest) => {
            let rest = rest.to_vec();
            let n = vm.str_chars(s) - vm.str_chars(x);
            vm.alloc_str_bytes(&rest, n)
        }
        None => vm.exact_str(s),
    }
}

fn str_removeprefix(vm: &mut Vm, a: Args) -> PyResult<Value> {
    remove_affix(vm, a, "removeprefix", false)
}

fn str_removesuffix(vm: &mut Vm, a: Args) -> PyResult<Value> {
    remove_affix(vm, a, "removesuffix", true)
}

/// Text of an optional `encoding`/`errors` argument.
pub(crate) fn codec_arg(
    vm: &mut Vm,
    p: &Parsed,
    i: usize,
    fname: &str,
    name: &str,
    default: &str,
) -> PyResult<String> {
    match p.get(vm, i) {
        None => Ok(default.to_string()),
        Some(v) if vm.is_str(v) => Ok(vm.str_text(v).into_owned()),
        Some(v) => {
            let t = vm.type_name(v);
            Err(vm.type_error(&format!("{fname}() argument '{name}' must be str, not {t}")))
        }
    }
}

fn str_encode(vm: &mut Vm, a: Args) -> PyResult<Value> {
    recv(vm, &a, &[Kind::Str], "str", "encode")?;
    let p = keywords(vm, &a, "encode", &["encoding", "errors"], 0)?;
    let enc = codec_arg(vm, &p, 0, "encode", "encoding", "utf-8")?;
    let errors = codec_arg(vm, &p, 1, "encode", "errors", "strict")?;
    vm.encode_str(a.get(vm, 0), &enc, &errors)
}

fn str_translate(vm: &mut Vm, a: Args) -> PyResult<Value> {
    recv(vm, &a, &[Kind::Str], "str", "translate")?;
    one(vm, &a, "str.translate")?;
    let cps = super::super::text_codec::code_points(vm.str_bytes(a.get(vm, 0)));
    let mut out: Vec<u8> = Vec::new();
    let mut n = 0;
    for c in cps {
        let key = Value::from_int(c as i64).unwrap_or(Value::NONE);
        let table = a.get(vm, 1);
        let got = if vm.kind_of(table) == Some(Kind::Dict) {
            vm.dict_get(table, key)?
        } else {
            match vm.get_item(table, key) {
                Ok(v) => Some(v),
                Err(r) => {
                    let e = vm.raised();
                    if vm.exc_matches(e, TypeId::LookupError) {
                        vm.take_raised();
                        None
                    } else {
                        return Err(r);
                    }
                }
            }
        };
        match got {
            None => {
                super::super::text_codec::push_code_point(&mut out, c);
                n += 1;
            }
            Some(v) if v.is_none() => {}
            Some(v) if vm.is_str(v) => {
                out.extend_from_slice(vm.str_bytes(v));
                n += vm.str_chars(v);
            }
            Some(v) => match vm.index_value(v) {
                Some(i) if (0..0x110000).contains(&i) && vm.kind_of(v).is_none() => {
                    super::super::text_codec::push_code_point(&mut out, i as u32);
                    n += 1;
                }
                Some(_) if vm.kind_of(v).is_none() || vm.kind_of(v) == Some(Kind::BigInt) => {
                    return Err(vm.raise_msg(
                        TypeId::ValueError,
                        "character mapping must be in range(0x110000)",
                    ));
                }
                _ => {
                    return Err(vm.type_error("character mapping must return integer, None or str"));
                }
            },
        }
    }
    vm.alloc_str_bytes(&out, n)
}

/// `str.maketrans(x[, y[, z]])` (a static method).
fn str_maketrans(vm: &mut Vm, a: Args) -> PyResult<Value> {
    // `str.maketrans(...)` (the usual spelling) passes the arguments alone.
    if a.nkw(vm) > 0 {
        return Err(vm.type_error("str.maketrans() takes no keyword arguments"));
    }
    let n = a.npos(vm);
    if n == 0 {
        return Err(vm.type_error("maketrans expected at least 1 argument, got 0"));
    }
    if n > 3 {
        return Err(vm.type_error(&format!("maketrans expected at most 3 arguments, got {n}")));
    }
    let p = Parsed((0..3).map(|i| (i < n).then_some(a.start + i)).collect());
    let d = vm.new_dict()?;
    let di = vm.push_temp(d);
    let r = (|| {
        let x = p.get(vm, 0).unwrap_or(Value::NONE);
        match p.get(vm, 1) {
            None => {
                if vm.kind_of(x) != Some(Kind::Dict) {
                    return Err(vm.type_error(
                        "if you give only one argument to maketrans it must be a dict",
                    ));
                }
                let items: Vec<(Value, Value)> = vm.dict_mut(x).items(&vm.keys()).collect();
                let mark = vm.temps_len();
                for &(k, v) in &items {
                    vm.push_temp(k);
                    vm.push_temp(v);
                }
                for i in 0..items.len() {
                    let k = vm.temp(mark + 2 * i);
                    let key = if vm.is_str(k) {
                        if vm.str_chars(k) != 1 {
                            return Err(vm.raise_msg(
                                TypeId::ValueError,
                                "string keys in translate table must be of length 1",
                            ));
                        }
                        let c = super::super::text_codec::code_points(vm.str_bytes(k))[0];
                        vm.new_i64(c as i64)?
                    } else if k.as_int().is_some() {
                        k
                    } else {
                        return Err(
                            vm.type_error("keys in translate table must be strings or integers")
                        );
                    };
                    vm.dict_set(vm.temp(di), key, vm.temp(mark + 2 * i + 1))?;
                }
                vm.pop_temps(mark);
            }
            Some(y) => {
                if !vm.is_str(x) {
                    return Err(vm.type_error(
                        "first maketrans argument must be a string if there is a second argument",
                    ));
                }
                let ys = str_arg(vm, y, "maketrans() argument 2")?;
                let xs = vm.str_text(x).into_owned();
                if xs.chars().count() != ys.chars().count() {
                    return Err(vm.raise_msg(
                        TypeId::ValueError,
                        "the first two maketrans arguments must have equal length",
                    ));
                }
                for (c, d) in xs.chars().zip(ys.chars()) {
                    let k = Value::from_int(c as i64).unwrap_or(Value::NONE);
                    let v = Value::from_int(d as i64).unwrap_or(Value::NONE);
                    vm.dict_set(vm.temp(di), k, v)?;
                }
                if let Some(z) = p.get(vm, 2) {
                    let zs = str_arg(vm, z, "maketrans() argument 3")?;
                    for c in zs.chars() {
                        let k = Value::from_int(c as i64).unwrap_or(Value::NONE);
                        vm.dict_set(vm.temp(di), k, Value::NONE)?;
                    }
                }
            }
        }
        Ok(vm.temp(di))
    })();
    vm.pop_temps(di);
    r
}

/// `str(object='')`, `str(object=b'', encoding='utf-8', errors='strict')`.
pub(crate) fn str_construct(vm: &mut Vm, a: Args) -> PyResult<Value> {
    // Seen as if a receiver came first, for the keyword parser.
    let b = Args {
        start: a.start.wrapping_sub(1),
        n: a.n + 1,
        kw: a.kw,
    };
    let p = keywords(vm, &b, "str", &["object", "encoding", "errors"], 0)?;
    let Some(x) = p.get(vm, 0) else {
        return vm.new_str("");
    };
    if p.get(vm, 1).is_none() && p.get(vm, 2).is_none() {
        return vm.str_value(x);
    }
    let enc = codec_arg(vm, &p, 1, "str", "encoding", "utf-8")?;
    let errors = codec_arg(vm, &p, 2, "str", "errors", "strict")?;
    let x = p.get(vm, 0).unwrap_or(Value::NONE);
    if vm.is_str(x) {
        return Err(vm.type_error("decoding str is not supported"));
    }
    let Some(data) = vm.buffer_copy(x)? else {
        let t = vm.type_name(x);
        return Err(vm.type_error(&format!(
            "decoding to str: need a bytes-like object, {t} found"
        )));
    };
    let x = p.get(vm, 0).unwrap_or(Value::NONE);
    vm.decode_to_str(&data, x, &enc, &errors)
}
