//! The UTF-7 codec (RFC 2152) as CPython's: `_codecs.utf_7_encode` and
//! `utf_7_decode`, which the stdlib's `encodings.utf_7` wraps. The encoder
//! writes set D, set O and whitespace directly and everything else (with
//! `+` as `+-`) in base64 shift sequences of UTF-16 units; the decoder
//! reports CPython's errors ("unexpected special character", "partial
//! character in shift sequence", ...) with their ranges.

use pyvm_objmodel::Value;

use super::call::Args;
use super::exception::PyResult;
use super::heap::Vm;
use super::text_codec::{CodecFail, Handler, code_points, lookup_handler, push_code_point};

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn is_base64(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'+' || c == b'/'
}

fn from_base64(c: u8) -> u32 {
    match c {
        b'A'..=b'Z' => u32::from(c - b'A'),
        b'a'..=b'z' => u32::from(c - b'a') + 26,
        b'0'..=b'9' => u32::from(c - b'0') + 52,
        b'+' => 62,
        _ => 63,
    }
}

/// Characters the encoder writes as themselves: set D, set O and
/// whitespace (not `+`, `\`, `~` or controls).
fn encode_direct(c: u32) -> bool {
    c > 0 && c < 128 && {
        let b = c as u8;
        b.is_ascii_alphanumeric() || b" \t\r\n'(),-./:?!\"#$%&*;<=>@[]^_`{|}".contains(&b)
    }
}

/// UTF-7 of the code points (never fails: lone surrogates are units).
pub fn encode(cps: &[u32]) -> Vec<u8> {
    let mut out = Vec::with_capacity(cps.len());
    let mut in_shift = false;
    let (mut bits, mut buf) = (0u32, 0u64);
    let push_unit = |out: &mut Vec<u8>, bits: &mut u32, buf: &mut u64, u: u32| {
        *buf = (*buf << 16) | u64::from(u);
        *bits += 16;
        while *bits >= 6 {
            out.push(B64[((*buf >> (*bits - 6)) & 0x3f) as usize]);
            *bits -= 6;
        }
        *buf &= (1 << *bits) - 1;
    };
    for &c in cps {
        if in_shift {
            if encode_direct(c) {
                if bits > 0 {
                    out.push(B64[((buf << (6 - bits)) & 0x3f) as usize]);
                    (bits, buf) = (0, 0);
                }
                in_shift = false;
                if is_base64(c as u8) || c == u32::from(b'-') {
                    out.push(b'-');
                }
                out.push(c as u8);
                continue;
            }
        } else if c == u32::from(b'+') {
            out.extend_from_slice(b"+-");
            continue;
        } else if encode_direct(c) {
            out.push(c as u8);
            continue;
        } else {
            out.push(b'+');
            in_shift = true;
        }
        if c >= 0x10000 {
            let v = c - 0x10000;
            push_unit(&mut out, &mut bits, &mut buf, 0xd800 | (v >> 10));
            push_unit(&mut out, &mut bits, &mut buf, 0xdc00 | (v & 0x3ff));
        } else {
            push_unit(&mut out, &mut bits, &mut buf, c);
        }
    }
    if bits > 0 {
        out.push(B64[((buf << (6 - bits)) & 0x3f) as usize]);
    }
    if in_shift {
        out.push(b'-');
    }
    out
}

fn fail(data: &[u8], start: usize, end: usize, reason: &str) -> CodecFail {
    let message = if end - start == 1 {
        format!(
            "'utf7' codec can't decode byte 0x{:02x} in position {start}: {reason}",
            data[start]
        )
    } else {
        format!(
            "'utf7' codec can't decode bytes in position {start}-{}: {reason}",
            end - 1
        )
    };
    CodecFail::Unicode {
        decoding: true,
        encoding: "utf7",
        start,
        end,
        reason: reason.to_string(),
        message,
    }
}

/// A decoding failure: what was decoded before it (CPython keeps the
/// characters of a shift sequence decoded before its error), the bad
/// range and the reason.
type Bad = (Vec<u32>, usize, usize, &'static str);

/// Decodes strictly: the code points and the bytes consumed (less than all
/// when not `final` and a shift sequence is open at the end).
pub fn decode(data: &[u8], final_: bool) -> Result<(Vec<u32>, usize), CodecFail> {
    decode_inner(data, final_).map_err(|(_, start, end, reason)| fail(data, start, end, reason))
}

fn decode_inner(data: &[u8], final_: bool) -> Result<(Vec<u32>, usize), Bad> {
    let mut out: Vec<u32> = Vec::with_capacity(data.len());
    let mut in_shift = false;
    let (mut bits, mut buf) = (0u32, 0u64);
    let mut surrogate = 0u32;
    let (mut shift_start, mut shift_out) = (0, 0);
    let mut s = 0;
    while s < data.len() {
        let ch = data[s];
        if in_shift {
            if is_base64(ch) {
                buf = (buf << 6) | u64::from(from_base64(ch));
                bits += 6;
                s += 1;
                if bits >= 16 {
                    let u = ((buf >> (bits - 16)) & 0xffff) as u32;
                    bits -= 16;
                    buf &= (1 << bits) - 1;
                    if surrogate != 0 {
                        if (0xdc00..0xe000).contains(&u) {
                            out.push(0x10000 + ((surrogate - 0xd800) << 10) + (u - 0xdc00));
                            surrogate = 0;
                            continue;
                        }
                        out.push(surrogate);
                        surrogate = 0;
                    }
                    if (0xd800..0xdc00).contains(&u) {
                        surrogate = u;
                    } else {
                        out.push(u);
                    }
                }
                continue;
            }
            in_shift = false;
            if bits >= 6 {
                return Err((
                    out,
                    shift_start,
                    s + 1,
                    "partial character in shift sequence",
                ));
            }
            if bits > 0 && buf != 0 {
                return Err((
                    out,
                    shift_start,
                    s + 1,
                    "non-zero padding bits in shift sequence",
                ));
            }
            if surrogate != 0 && ch <= 127 && ch != b'+' {
                out.push(surrogate);
            }
            surrogate = 0;
            if ch == b'-' {
                s += 1;
            }
        } else if ch == b'+' {
            let start = s;
            s += 1;
            if data.get(s) == Some(&b'-') {
                s += 1;
                out.push(u32::from(b'+'));
            } else if s < data.len() && !is_base64(data[s]) {
                return Err((out, start, s + 1, "ill-formed sequence"));
            } else {
                in_shift = true;
                surrogate = 0;
                (shift_start, shift_out) = (start, out.len());
                (bits, buf) = (0, 0);
            }
        } else if ch <= 127 {
            s += 1;
            out.push(u32::from(ch));
        } else {
            return Err((out, s, s + 1, "unexpected special character"));
        }
    }
    if in_shift {
        if !final_ {
            out.truncate(shift_out);
            return Ok((out, shift_start));
        }
        if surrogate != 0 || bits >= 6 || (bits > 0 && buf != 0) {
            return Err((out, shift_start, data.len(), "unterminated shift sequence"));
        }
    }
    Ok((out, data.len()))
}

/// The arguments `(data, errors=None[, final=False])` by position or name.
fn arg(vm: &Vm, a: &Args, i: usize, name: &str) -> Option<Value> {
    if i < a.npos(vm) {
        Some(a.get(vm, i))
    } else {
        a.kwarg(vm, name)
    }
    .filter(|v| !v.is_none())
}

fn errors_name(vm: &mut Vm, a: &Args, fname: &str) -> PyResult<String> {
    match arg(vm, a, 1, "errors") {
        None => Ok("strict".into()),
        Some(v) if vm.is_str(v) => Ok(vm.str_text(v).into_owned()),
        Some(v) => {
            let t = vm.type_name(v);
            Err(vm.type_error(&format!(
                "{fname}() argument 2 must be str or None, not {t}"
            )))
        }
    }
}

/// `(result, consumed)`.
fn pair(vm: &mut Vm, v: Value, n: usize) -> PyResult<Value> {
    let vi = vm.push_temp(v);
    let r = vm
        .new_i64(n as i64)
        .and_then(|n| vm.new_tuple(&[vm.temp(vi), n]));
    vm.pop_temps(vi);
    r
}

/// `_codecs.utf_7_encode(str, errors=None)`.
pub(crate) fn utf_7_encode(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = arg(vm, &a, 0, "str").unwrap_or(Value::NONE);
    if !vm.is_str(s) {
        let t = vm.type_name(s);
        return Err(vm.type_error(&format!("utf_7_encode() argument 1 must be str, not {t}")));
    }
    errors_name(vm, &a, "utf_7_encode")?;
    let cps = code_points(vm.str_bytes(s));
    let b = vm.new_bytes(&encode(&cps))?;
    pair(vm, b, cps.len())
}

/// `_codecs.utf_7_decode(data, errors=None, final=False)`.
pub(crate) fn utf_7_decode(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let d = arg(vm, &a, 0, "data").unwrap_or(Value::NONE);
    let Some(data) = vm.buffer_copy(d)? else {
        let t = vm.type_name(d);
        return Err(vm.type_error(&format!(
            "utf_7_decode() argument 1 must be bytes-like object, not {t}"
        )));
    };
    let errors = errors_name(vm, &a, "utf_7_decode")?;
    let final_ = match arg(vm, &a, 2, "final") {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let handler = lookup_handler(&errors);
    let obj = arg(vm, &a, 0, "data").unwrap_or(Value::NONE);
    let (cps, used) = match handler {
        Handler::Strict => match decode(&data, final_) {
            Ok(r) => r,
            Err(f) => return Err(vm.raise_codec(f, obj)),
        },
        Handler::Unknown(name) => {
            let mut used = data.len();
            let cps = vm.decode_calling_handler(obj, &data, &name, &mut |_, part, _| {
                Ok(decode(part, final_).map(|(c, n)| {
                    if n < part.len() {
                        used = data.len() - (part.len() - n);
                    }
                    c
                }))
            })?;
            (cps, used)
        }
        h => {
            let mut out = Vec::new();
            let mut pos = 0;
            loop {
                match decode_inner(&data[pos..], final_) {
                    Ok((c, n)) => {
                        out.extend(c);
                        break (out, pos + n);
                    }
                    Err((c, start, end, reason)) => {
                        out.extend(c);
                        let (start, end) = (pos + start, pos + end);
                        let bad = &data[start..end];
                        match h {
                            Handler::Ignore => {}
                            Handler::Replace => out.push(0xfffd),
                            Handler::BackslashReplace => {
                                for b in bad {
                                    out.extend(format!("\\x{b:02x}").chars().map(|c| c as u32));
                                }
                            }
                            Handler::SurrogateEscape if bad.iter().all(|&b| b >= 0x80) => {
                                out.extend(bad.iter().map(|&b| 0xdc00 + u32::from(b)));
                            }
                            _ => {
                                let f = fail(&data, start, end, reason);
                                return Err(vm.raise_codec(f, obj));
                            }
                        }
                        pos = end;
                    }
                }
            }
        }
    };
    let mut out = Vec::with_capacity(cps.len());
    for &c in &cps {
        push_code_point(&mut out, c);
    }
    let s = vm.alloc_str_bytes(&out, cps.len())?;
    pair(vm, s, used)
}
