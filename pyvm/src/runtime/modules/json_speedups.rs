//! `_json`: the string halves of `json`'s accelerators — `scanstring`
//! (the decoder's string parser) and `encode_basestring(_ascii)` (the
//! encoder's string quoting). `json` falls back to its Python scanner and
//! encoder for the rest (`make_scanner` and `make_encoder` are absent, so
//! `json.scanner`/`json.encoder` import their pure versions).
//!
//! Strings are generalized UTF-8 on the heap; positions are code-point
//! indexes as in CPython. An ASCII string is indexed directly; others are
//! walked from the start to `end` (linear, as pyvm's `str` indexing).

use pyvm_objmodel::Value;

use super::NativeModule;
use crate::runtime::call::Args;
use crate::runtime::exception::PyResult;
use crate::runtime::heap::Vm;
use crate::runtime::text_codec::push_code_point;
use crate::runtime::types::TypeId;

/// The `_json` module.
pub(crate) const MODULE: NativeModule = NativeModule {
    name: "_json",
    functions: &[
        ("scanstring", scanstring),
        ("encode_basestring_ascii", encode_basestring_ascii),
        ("encode_basestring", encode_basestring),
    ],
    init: None,
};

/// Decodes the code point at byte `i` of generalized UTF-8: (cp, length).
fn decode_at(b: &[u8], i: usize) -> (u32, usize) {
    let c = b[i] as u32;
    let cont = |k: usize| b.get(i + k).copied().unwrap_or(0) as u32 & 0x3f;
    if c < 0x80 {
        (c, 1)
    } else if c < 0xe0 {
        (((c & 0x1f) << 6) | cont(1), 2)
    } else if c < 0xf0 {
        (((c & 0x0f) << 12) | (cont(1) << 6) | cont(2), 3)
    } else {
        (
            ((c & 0x07) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3),
            4,
        )
    }
}

/// Raises `json.decoder.JSONDecodeError(msg, s, pos)`; `s` is argument 0.
fn decode_error(vm: &mut Vm, a: &Args, msg: &str, pos: usize) -> crate::runtime::exception::Raised {
    let made = (|| {
        let m = vm.import_module("json.decoder")?;
        let key = vm.new_str("JSONDecodeError")?;
        let cls = vm.get_attr(m, key)?;
        let ci = vm.push_temp(cls);
        let text = vm.new_str(msg);
        let r = text.and_then(|t| {
            let s = a.get(vm, 0);
            let p = Value::from_int(pos as i64).unwrap_or(Value::NONE);
            vm.call_value(vm.temp(ci), &[t, s, p])
        });
        vm.pop_temps(ci);
        r
    })();
    match made {
        Ok(e) => vm.raise_value(e),
        Err(r) => r,
    }
}

fn str_arg(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = a.get(vm, 0);
    if !vm.is_str(s) {
        let t = vm.type_name(s);
        return Err(vm.type_error(&format!("first argument must be a string, not {t}")));
    }
    Ok(s)
}

fn hex4(b: &[u8], i: usize) -> Option<u32> {
    let digits = b.get(i..i + 4)?;
    let mut v = 0;
    for &d in digits {
        v = v * 16 + (d as char).to_digit(16)?;
    }
    Some(v)
}

/// `scanstring(s, end, strict=True)`: the JSON string whose opening quote
/// is at `end - 1`, and the index just past its closing quote.
fn scanstring(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = a.npos(vm);
    if !(2..=3).contains(&n) {
        return Err(vm.type_error(&format!(
            "scanstring expected at least 2 arguments, got {n}"
        )));
    }
    let s = str_arg(vm, &a)?;
    let end = match a.get(vm, 1).as_int() {
        Some(e) => e,
        None => {
            let v = a.get(vm, 1);
            vm.index_isize(v)?
        }
    };
    if a.nkw(vm) != 0 {
        return Err(vm.type_error("scanstring() takes no keyword arguments"));
    }
    let strict = if n == 3 {
        let v = a.get(vm, 2);
        vm.truthy(v)?
    } else {
        true
    };
    let len = vm.str_chars(s);
    if end < 0 || end as usize > len {
        return Err(vm.raise_msg(TypeId::ValueError, "end is out of bounds"));
    }
    let begin = (end as usize).saturating_sub(1);
    let b = vm.str_bytes(s).to_vec();
    let ascii = b.len() == len;
    // Byte offset of code point `end`.
    let mut i = if ascii {
        end as usize
    } else {
        let mut at = 0;
        for _ in 0..end {
            at += decode_at(&b, at).1;
        }
        at
    };
    let mut pos = end as usize;
    let mut out: Vec<u8> = Vec::new();
    let mut nchars = 0usize;
    loop {
        if i >= b.len() {
            return Err(decode_error(
                vm,
                &a,
                "Unterminated string starting at",
                begin,
            ));
        }
        let (c, w) = decode_at(&b, i);
        if c == '"' as u32 {
            pos += 1;
            break;
        }
        if c != '\\' as u32 {
            if c < 0x20 && strict {
                return Err(decode_error(vm, &a, "Invalid control character at", pos));
            }
            out.extend_from_slice(&b[i..i + w]);
            nchars += 1;
            i += w;
            pos += 1;
            continue;
        }
        // A backslash escape.
        let Some(&e) = b.get(i + 1) else {
            return Err(decode_error(
                vm,
                &a,
                "Unterminated string starting at",
                begin,
            ));
        };
        let simple = match e {
            b'"' => Some(b'"'),
            b'\\' => Some(b'\\'),
            b'/' => Some(b'/'),
            b'b' => Some(0x08),
            b'f' => Some(0x0c),
            b'n' => Some(b'\n'),
            b'r' => Some(b'\r'),
            b't' => Some(b'\t'),
            _ => None,
        };
        if let Some(ch) = simple {
            out.push(ch);
            nchars += 1;
            i += 2;
            pos += 2;
            continue;
        }
        if e != b'u' {
            return Err(decode_error(vm, &a, "Invalid \\escape", pos));
        }
        let Some(mut cp) = hex4(&b, i + 2) else {
            return Err(decode_error(vm, &a, "Invalid \\uXXXX escape", pos + 1));
        };
        i += 6;
        pos += 6;
        if (0xd800..0xdc00).contains(&cp) && b.get(i) == Some(&b'\\') && b.get(i + 1) == Some(&b'u')
        {
            let Some(lo) = hex4(&b, i + 2) else {
                return Err(decode_error(vm, &a, "Invalid \\uXXXX escape", pos + 1));
            };
            if (0xdc00..0xe000).contains(&lo) {
                cp = 0x10000 + (((cp - 0xd800) << 10) | (lo - 0xdc00));
                i += 6;
                pos += 6;
            }
        }
        push_code_point(&mut out, cp);
        nchars += 1;
    }
    let text = vm.alloc_str_bytes(&out, nchars)?;
    vm.new_tuple(&[text, Value::from_int(pos as i64).unwrap_or(Value::NONE)])
}

/// Appends `\uXXXX` for a UTF-16 code unit.
fn push_u(out: &mut Vec<u8>, unit: u32) {
    out.extend_from_slice(format!("\\u{unit:04x}").as_bytes());
}

/// The JSON quoting of a str: `ascii_only` escapes everything outside
/// printable ASCII (astral code points as surrogate pairs).
fn quote(vm: &mut Vm, a: Args, ascii_only: bool) -> PyResult<Value> {
    crate::runtime::builtins::arity(
        vm,
        &a,
        if ascii_only {
            "encode_basestring_ascii"
        } else {
            "encode_basestring"
        },
        1,
        1,
    )?;
    let s = str_arg(vm, &a)?;
    let b = vm.str_bytes(s).to_vec();
    let mut out = Vec::with_capacity(b.len() + 2);
    let mut nchars = 2usize;
    out.push(b'"');
    let mut i = 0;
    while i < b.len() {
        let (c, w) = decode_at(&b, i);
        let before = out.len();
        match c {
            0x22 => out.extend_from_slice(b"\\\""),
            0x5c => out.extend_from_slice(b"\\\\"),
            0x0a => out.extend_from_slice(b"\\n"),
            0x0d => out.extend_from_slice(b"\\r"),
            0x09 => out.extend_from_slice(b"\\t"),
            0x08 => out.extend_from_slice(b"\\b"),
            0x0c => out.extend_from_slice(b"\\f"),
            c if c < 0x20 => push_u(&mut out, c),
            c if ascii_only && c > 0x7e => {
                if c >= 0x10000 {
                    let v = c - 0x10000;
                    push_u(&mut out, 0xd800 | (v >> 10));
                    push_u(&mut out, 0xdc00 | (v & 0x3ff));
                } else {
                    push_u(&mut out, c);
                }
            }
            _ => {
                out.extend_from_slice(&b[i..i + w]);
                nchars += 1;
                i += w;
                continue;
            }
        }
        // Escapes are ASCII: one char per byte.
        nchars += out.len() - before;
        i += w;
    }
    out.push(b'"');
    vm.alloc_str_bytes(&out, nchars)
}

fn encode_basestring_ascii(vm: &mut Vm, a: Args) -> PyResult<Value> {
    quote(vm, a, true)
}

fn encode_basestring(vm: &mut Vm, a: Args) -> PyResult<Value> {
    quote(vm, a, false)
}
