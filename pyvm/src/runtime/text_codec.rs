//! `str.encode` / `bytes.decode` over code points, so that lone surrogates
//! (which pyvm strings hold, in generalized UTF-8) work with the
//! `surrogateescape` and `surrogatepass` handlers. Codecs: UTF-8 (and
//! `utf-8-sig`), ASCII, Latin-1, UTF-16 and UTF-32 (with and without a
//! byte order). Error ranges and messages follow CPython 3.11; the UTF-8
//! decoder's error classification comes from [`crate::codec`].

use pyvm_objmodel::Value;

use super::exception::PyResult;
use super::heap::Vm;
use super::types::TypeId;
use crate::codec::{Errors, decode_utf8};

/// A supported encoding.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8.
    Utf8 {
        /// With a byte order mark (`utf-8-sig`).
        sig: bool,
    },
    /// ASCII.
    Ascii,
    /// Latin-1.
    Latin1,
    /// UTF-16.
    Utf16 {
        /// Big-endian; None detects a BOM when decoding and writes one
        /// when encoding.
        be: Option<bool>,
    },
    /// `unicode_escape` (`raw`: `raw_unicode_escape`).
    UnicodeEscape {
        /// Only `\\u`/`\\U` escapes, other characters below 256 as is.
        raw: bool,
    },
    /// UTF-32.
    Utf32 {
        /// As for UTF-16.
        be: Option<bool>,
    },
}

impl Encoding {
    /// CPython's codec name in error messages.
    fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 { .. } => "utf-8",
            Encoding::Ascii => "ascii",
            Encoding::Latin1 => "latin-1",
            Encoding::Utf16 { be: None } => "utf-16",
            Encoding::Utf16 { be: Some(false) } => "utf-16-le",
            Encoding::Utf16 { be: Some(true) } => "utf-16-be",
            Encoding::Utf32 { be: None } => "utf-32",
            Encoding::Utf32 { be: Some(false) } => "utf-32-le",
            Encoding::Utf32 { be: Some(true) } => "utf-32-be",
            Encoding::UnicodeEscape { raw: false } => "unicodeescape",
            Encoding::UnicodeEscape { raw: true } => "rawunicodeescape",
        }
    }
}

/// Looks an encoding name up as CPython's `codecs.lookup` normalizes it.
pub fn lookup_encoding(name: &str) -> Option<Encoding> {
    let n: String = name
        .trim()
        .to_ascii_lowercase()
        .chars()
        .map(|c| if c == '-' || c == ' ' { '_' } else { c })
        .collect();
    Some(match n.as_str() {
        "utf_8" | "utf8" | "u8" | "utf" | "cp65001" | "utf8_ucs2" | "utf8_ucs4" => {
            Encoding::Utf8 { sig: false }
        }
        "utf_8_sig" | "utf8_sig" => Encoding::Utf8 { sig: true },
        "ascii" | "us_ascii" | "646" | "us" | "ansi_x3.4_1968" => Encoding::Ascii,
        "latin_1" | "latin1" | "latin" | "l1" | "iso_8859_1" | "iso8859_1" | "8859" | "cp819"
        | "iso_ir_100" => Encoding::Latin1,
        "utf_16" | "utf16" | "u16" => Encoding::Utf16 { be: None },
        "utf_16_le" | "utf_16le" | "utf16le" => Encoding::Utf16 { be: Some(false) },
        "utf_16_be" | "utf_16be" | "utf16be" => Encoding::Utf16 { be: Some(true) },
        "utf_32" | "utf32" | "u32" => Encoding::Utf32 { be: None },
        "utf_32_le" | "utf_32le" | "utf32le" => Encoding::Utf32 { be: Some(false) },
        "utf_32_be" | "utf_32be" | "utf32be" => Encoding::Utf32 { be: Some(true) },
        "unicode_escape" => Encoding::UnicodeEscape { raw: false },
        "raw_unicode_escape" => Encoding::UnicodeEscape { raw: true },
        _ => return None,
    })
}

/// An error handler.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Handler {
    /// Raise.
    Strict,
    /// Drop.
    Ignore,
    /// `?` (encoding) or U+FFFD (decoding).
    Replace,
    /// `\xNN` escapes.
    BackslashReplace,
    /// `&#N;` (encoding only).
    XmlCharRefReplace,
    /// Bytes 0x80-0xff as U+DC80-U+DCFF.
    SurrogateEscape,
    /// Surrogates encoded as if they were characters.
    SurrogatePass,
    /// Any other name: LookupError when an error occurs.
    Unknown(String),
}

/// Parses an `errors=` name.
pub fn lookup_handler(name: &str) -> Handler {
    match name {
        "strict" => Handler::Strict,
        "ignore" => Handler::Ignore,
        "replace" => Handler::Replace,
        "backslashreplace" => Handler::BackslashReplace,
        "xmlcharrefreplace" => Handler::XmlCharRefReplace,
        "surrogateescape" => Handler::SurrogateEscape,
        "surrogatepass" => Handler::SurrogatePass,
        other => Handler::Unknown(other.to_string()),
    }
}

/// A codec failure to raise.
#[derive(Clone, Debug)]
pub enum CodecFail {
    /// `UnicodeEncodeError`/`UnicodeDecodeError`.
    Unicode {
        /// Decoding or encoding.
        decoding: bool,
        /// Codec name.
        encoding: &'static str,
        /// Bad range start.
        start: usize,
        /// Bad range end.
        end: usize,
        /// Reason.
        reason: String,
        /// The message.
        message: String,
    },
    /// `LookupError: unknown error handler name 'x'`.
    UnknownHandler(String),
}

fn is_surrogate(c: u32) -> bool {
    (0xd800..0xe000).contains(&c)
}

/// Decodes generalized UTF-8 (lone surrogates as 3-byte sequences).
pub fn code_points(b: &[u8]) -> Vec<u32> {
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let c = b[i] as u32;
        let (cp, n) = if c < 0x80 {
            (c, 1)
        } else if c < 0xe0 {
            (
                ((c & 0x1f) << 6) | (b.get(i + 1).copied().unwrap_or(0) as u32 & 0x3f),
                2,
            )
        } else if c < 0xf0 {
            let b1 = b.get(i + 1).copied().unwrap_or(0) as u32 & 0x3f;
            let b2 = b.get(i + 2).copied().unwrap_or(0) as u32 & 0x3f;
            (((c & 0x0f) << 12) | (b1 << 6) | b2, 3)
        } else {
            let b1 = b.get(i + 1).copied().unwrap_or(0) as u32 & 0x3f;
            let b2 = b.get(i + 2).copied().unwrap_or(0) as u32 & 0x3f;
            let b3 = b.get(i + 3).copied().unwrap_or(0) as u32 & 0x3f;
            (((c & 0x07) << 18) | (b1 << 12) | (b2 << 6) | b3, 4)
        };
        out.push(cp);
        i += n;
    }
    out
}

/// Appends code point `c` in generalized UTF-8.
pub fn push_code_point(out: &mut Vec<u8>, c: u32) {
    if c < 0x80 {
        out.push(c as u8);
    } else if c < 0x800 {
        out.extend_from_slice(&[0xc0 | (c >> 6) as u8, 0x80 | (c & 0x3f) as u8]);
    } else if c < 0x10000 {
        out.extend_from_slice(&[
            0xe0 | (c >> 12) as u8,
            0x80 | ((c >> 6) & 0x3f) as u8,
            0x80 | (c & 0x3f) as u8,
        ]);
    } else {
        out.extend_from_slice(&[
            0xf0 | (c >> 18) as u8,
            0x80 | ((c >> 12) & 0x3f) as u8,
            0x80 | ((c >> 6) & 0x3f) as u8,
            0x80 | (c & 0x3f) as u8,
        ]);
    }
}

fn escape_cp(c: u32) -> String {
    if c < 0x100 {
        format!("\\x{c:02x}")
    } else if c < 0x10000 {
        format!("\\u{c:04x}")
    } else {
        format!("\\U{c:08x}")
    }
}

fn put_unit(out: &mut Vec<u8>, enc: Encoding, c: u32) {
    match enc {
        Encoding::Utf8 { .. } => push_code_point(out, c),
        Encoding::Ascii | Encoding::Latin1 | Encoding::UnicodeEscape { .. } => out.push(c as u8),
        Encoding::Utf16 { be } => {
            let mut put16 = |u: u16| {
                if be == Some(true) {
                    out.extend_from_slice(&u.to_be_bytes())
                } else {
                    out.extend_from_slice(&u.to_le_bytes())
                }
            };
            if c >= 0x10000 {
                let v = c - 0x10000;
                put16(0xd800 | (v >> 10) as u16);
                put16(0xdc00 | (v & 0x3ff) as u16);
            } else {
                put16(c as u16);
            }
        }
        Encoding::Utf32 { be } => {
            if be == Some(true) {
                out.extend_from_slice(&c.to_be_bytes())
            } else {
                out.extend_from_slice(&c.to_le_bytes())
            }
        }
    }
}

/// `unicode_escape` / `raw_unicode_escape` encoding (never fails).
fn encode_escape(cps: &[u32], raw: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(cps.len());
    for &c in cps {
        match c {
            _ if raw && c < 0x100 => out.push(c as u8),
            0x5c => out.extend_from_slice(b"\\\\"),
            0x09 => out.extend_from_slice(b"\\t"),
            0x0a => out.extend_from_slice(b"\\n"),
            0x0d => out.extend_from_slice(b"\\r"),
            0x20..=0x7e => out.push(c as u8),
            _ => out.extend_from_slice(escape_cp(c).as_bytes()),
        }
    }
    out
}

/// `unicode_escape` / `raw_unicode_escape` decoding.
fn decode_escape(data: &[u8], raw: bool, handler: &Handler) -> Result<Vec<u32>, CodecFail> {
    let name = if raw {
        "rawunicodeescape"
    } else {
        "unicodeescape"
    };
    let mut out = Vec::with_capacity(data.len());
    let mut i = 0;
    while i < data.len() {
        let b = data[i];
        if b != b'\\' || i + 1 >= data.len() {
            if b == b'\\' && !raw {
                handle_bad(
                    &mut out,
                    data,
                    (i, i + 1),
                    name,
                    "\\ at end of string",
                    handler,
                )?;
                i += 1;
                continue;
            }
            out.push(b as u32);
            i += 1;
            continue;
        }
        let e = data[i + 1];
        let hex_len = match e {
            b'x' if !raw => 2,
            b'u' => 4,
            b'U' => 8,
            _ => 0,
        };
        if hex_len > 0 {
            let start = i + 2;
            let mut end = start;
            while end < data.len() && end < start + hex_len && data[end].is_ascii_hexdigit() {
                end += 1;
            }
            if end < start + hex_len {
                let reason = match e {
                    b'x' => "truncated \\xXX escape",
                    b'u' => "truncated \\uXXXX escape",
                    _ => "truncated \\UXXXXXXXX escape",
                };
                handle_bad(&mut out, data, (i, end), name, reason, handler)?;
                i = end;
                continue;
            }
            let text = std::str::from_utf8(&data[start..end]).unwrap_or("0");
            let v = u32::from_str_radix(text, 16).unwrap_or(0);
            if v > 0x10ffff {
                let r = "illegal Unicode character";
                handle_bad(&mut out, data, (i, end), name, r, handler)?;
            } else {
                out.push(v);
            }
            i = end;
            continue;
        }
        if raw {
            out.push(b'\\' as u32);
            i += 1;
            continue;
        }
        i += 2;
        let simple = match e {
            b'\n' => None,
            b'\\' => Some(0x5c),
            b'\'' => Some(0x27),
            b'"' => Some(0x22),
            b'a' => Some(7),
            b'b' => Some(8),
            b'f' => Some(12),
            b'n' => Some(10),
            b'r' => Some(13),
            b't' => Some(9),
            b'v' => Some(11),
            b'0'..=b'7' => {
                let mut v = (e - b'0') as u32;
                let mut k = 0;
                while k < 2 && i < data.len() && (b'0'..=b'7').contains(&data[i]) {
                    v = v * 8 + (data[i] - b'0') as u32;
                    i += 1;
                    k += 1;
                }
                Some(v)
            }
            _ => {
                out.push(b'\\' as u32);
                Some(e as u32)
            }
        };
        if let Some(v) = simple {
            out.push(v);
        }
    }
    Ok(out)
}

/// Encodes code points.
pub fn encode(cps: &[u32], enc: Encoding, handler: &Handler) -> Result<Vec<u8>, CodecFail> {
    if let Encoding::UnicodeEscape { raw } = enc {
        return Ok(encode_escape(cps, raw));
    }
    let mut out = Vec::with_capacity(cps.len());
    match enc {
        Encoding::Utf8 { sig: true } => out.extend_from_slice(&[0xef, 0xbb, 0xbf]),
        Encoding::Utf16 { be: None } => out.extend_from_slice(&[0xff, 0xfe]),
        Encoding::Utf32 { be: None } => out.extend_from_slice(&[0xff, 0xfe, 0, 0]),
        _ => {}
    }
    let (limit, reason) = match enc {
        Encoding::Ascii => (0x80, "ordinal not in range(128)"),
        Encoding::Latin1 => (0x100, "ordinal not in range(256)"),
        _ => (0x110000, "surrogates not allowed"),
    };
    let bad = |c: u32| c >= limit || (limit == 0x110000 && is_surrogate(c));
    let mut i = 0;
    while i < cps.len() {
        let c = cps[i];
        if !bad(c) {
            put_unit(&mut out, enc, c);
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < cps.len() && bad(cps[end]) {
            end += 1;
        }
        let fail = || {
            let message = if end - i == 1 {
                format!(
                    "'{}' codec can't encode character '{}' in position {i}: {reason}",
                    enc.name(),
                    escape_cp(c)
                )
            } else {
                format!(
                    "'{}' codec can't encode characters in position {i}-{}: {reason}",
                    enc.name(),
                    end - 1
                )
            };
            CodecFail::Unicode {
                decoding: false,
                encoding: enc.name(),
                start: i,
                end,
                reason: reason.to_string(),
                message,
            }
        };
        let ascii_text = |out: &mut Vec<u8>, s: &str| {
            for ch in s.chars() {
                put_unit(out, enc, ch as u32);
            }
        };
        match handler {
            Handler::Strict => return Err(fail()),
            Handler::Unknown(n) => return Err(CodecFail::UnknownHandler(n.clone())),
            Handler::Ignore => {}
            Handler::Replace => (i..end).for_each(|_| put_unit(&mut out, enc, '?' as u32)),
            Handler::BackslashReplace => {
                for &c in &cps[i..end] {
                    ascii_text(&mut out, &escape_cp(c));
                }
            }
            Handler::XmlCharRefReplace => {
                for &c in &cps[i..end] {
                    ascii_text(&mut out, &format!("&#{c};"));
                }
            }
            Handler::SurrogateEscape => {
                for &c in &cps[i..end] {
                    if !(0xdc80..0xdd00).contains(&c) {
                        return Err(fail());
                    }
                    out.push((c - 0xdc00) as u8);
                }
            }
            Handler::SurrogatePass => {
                if limit != 0x110000 {
                    return Err(fail());
                }
                for &c in &cps[i..end] {
                    match enc {
                        Encoding::Utf16 { be } => {
                            let u = c as u16;
                            if be == Some(true) {
                                out.extend_from_slice(&u.to_be_bytes())
                            } else {
                                out.extend_from_slice(&u.to_le_bytes())
                            }
                        }
                        _ => put_unit(&mut out, enc, c),
                    }
                }
            }
        }
        i = end;
    }
    Ok(out)
}

fn decode_fail(
    enc: &'static str,
    data: &[u8],
    start: usize,
    end: usize,
    reason: &str,
) -> CodecFail {
    let message = if end - start == 1 {
        format!(
            "'{enc}' codec can't decode byte 0x{:02x} in position {start}: {reason}",
            data[start]
        )
    } else {
        format!(
            "'{enc}' codec can't decode bytes in position {start}-{}: {reason}",
            end - 1
        )
    };
    CodecFail::Unicode {
        decoding: true,
        encoding: enc,
        start,
        end,
        reason: reason.to_string(),
        message,
    }
}

/// What a decoder does with the bad bytes `data[start..end]`.
fn handle_bad(
    out: &mut Vec<u32>,
    data: &[u8],
    (start, end): (usize, usize),
    enc: &'static str,
    reason: &str,
    handler: &Handler,
) -> Result<(), CodecFail> {
    match handler {
        Handler::Strict | Handler::XmlCharRefReplace => {
            Err(decode_fail(enc, data, start, end, reason))
        }
        Handler::Unknown(n) => Err(CodecFail::UnknownHandler(n.clone())),
        Handler::Ignore => Ok(()),
        Handler::Replace => {
            out.push(0xfffd);
            Ok(())
        }
        Handler::BackslashReplace => {
            for b in &data[start..end] {
                out.extend(format!("\\x{b:02x}").chars().map(|c| c as u32));
            }
            Ok(())
        }
        Handler::SurrogateEscape | Handler::SurrogatePass => {
            if data[start..end].iter().any(|&b| b < 0x80) || *handler == Handler::SurrogatePass {
                return Err(decode_fail(enc, data, start, end, reason));
            }
            out.extend(data[start..end].iter().map(|&b| 0xdc00 + b as u32));
            Ok(())
        }
    }
}

fn decode_utf8_cps(data: &[u8], handler: &Handler) -> Result<Vec<u32>, CodecFail> {
    let mut out = Vec::with_capacity(data.len());
    let mut pos = 0;
    while pos < data.len() {
        match decode_utf8(&data[pos..], Errors::Strict) {
            Ok(s) => {
                out.extend(s.chars().map(|c| c as u32));
                break;
            }
            Err(e) => {
                let (s, t) = (pos + e.start, pos + e.end);
                let good = std::str::from_utf8(&data[pos..s]).unwrap_or("");
                out.extend(good.chars().map(|c| c as u32));
                if *handler == Handler::SurrogatePass
                    && data.len() >= s + 3
                    && data[s] == 0xed
                    && (0xa0..0xc0).contains(&data[s + 1])
                    && (0x80..0xc0).contains(&data[s + 2])
                {
                    out.push(
                        0xd000 | ((data[s + 1] as u32 & 0x3f) << 6) | (data[s + 2] as u32 & 0x3f),
                    );
                    pos = s + 3;
                    continue;
                }
                handle_bad(&mut out, data, (s, t), "utf-8", e.reason, handler)?;
                pos = t;
            }
        }
    }
    Ok(out)
}

fn decode_units(
    data: &[u8],
    width: usize,
    be: Option<bool>,
    handler: &Handler,
) -> Result<Vec<u32>, CodecFail> {
    let mut big = be == Some(true);
    let mut pos = 0;
    if be.is_none() {
        let (le_bom, be_bom): (&[u8], &[u8]) = if width == 2 {
            (&[0xff, 0xfe], &[0xfe, 0xff])
        } else {
            (&[0xff, 0xfe, 0, 0], &[0, 0, 0xfe, 0xff])
        };
        if data.starts_with(le_bom) {
            pos = width;
        } else if data.starts_with(be_bom) {
            big = true;
            pos = width;
        }
    }
    let name = match (width, big) {
        (2, false) => "utf-16-le",
        (2, true) => "utf-16-be",
        (_, false) => "utf-32-le",
        _ => "utf-32-be",
    };
    let unit = |p: usize| -> u32 {
        let b = &data[p..p + width];
        match (width, big) {
            (2, false) => u16::from_le_bytes([b[0], b[1]]) as u32,
            (2, true) => u16::from_be_bytes([b[0], b[1]]) as u32,
            (_, false) => u32::from_le_bytes([b[0], b[1], b[2], b[3]]),
            (_, true) => u32::from_be_bytes([b[0], b[1], b[2], b[3]]),
        }
    };
    let mut out = Vec::with_capacity(data.len() / width);
    while pos < data.len() {
        if pos + width > data.len() {
            handle_bad(
                &mut out,
                data,
                (pos, data.len()),
                name,
                "truncated data",
                handler,
            )?;
            break;
        }
        let u = unit(pos);
        if width == 4 {
            if u >= 0x110000 {
                let r = "code point not in range(0x110000)";
                handle_bad(&mut out, data, (pos, pos + 4), name, r, handler)?;
            } else if is_surrogate(u) && *handler != Handler::SurrogatePass {
                let r = "code point in surrogate code point range(0xd800, 0xe000)";
                handle_bad(&mut out, data, (pos, pos + 4), name, r, handler)?;
            } else {
                out.push(u);
            }
            pos += 4;
            continue;
        }
        if !is_surrogate(u) {
            out.push(u);
            pos += 2;
        } else if u < 0xdc00 && pos + 4 <= data.len() && (0xdc00..0xe000).contains(&unit(pos + 2)) {
            out.push(0x10000 + ((u - 0xd800) << 10) + (unit(pos + 2) - 0xdc00));
            pos += 4;
        } else if *handler == Handler::SurrogatePass {
            out.push(u);
            pos += 2;
        } else if u < 0xdc00 && pos + 4 > data.len() {
            handle_bad(
                &mut out,
                data,
                (pos, data.len()),
                name,
                "unexpected end of data",
                handler,
            )?;
            break;
        } else {
            let r = if u < 0xdc00 {
                "illegal UTF-16 surrogate"
            } else {
                "illegal encoding"
            };
            handle_bad(&mut out, data, (pos, pos + 2), name, r, handler)?;
            pos += 2;
        }
    }
    Ok(out)
}

/// Decodes bytes to code points.
pub fn decode(data: &[u8], enc: Encoding, handler: &Handler) -> Result<Vec<u32>, CodecFail> {
    match enc {
        Encoding::Utf8 { sig } => {
            let d = if sig && data.starts_with(&[0xef, 0xbb, 0xbf]) {
                &data[3..]
            } else {
                data
            };
            decode_utf8_cps(d, handler)
        }
        Encoding::Latin1 => Ok(data.iter().map(|&b| b as u32).collect()),
        Encoding::Ascii => {
            let mut out = Vec::with_capacity(data.len());
            for (i, &b) in data.iter().enumerate() {
                if b < 0x80 {
                    out.push(b as u32);
                } else {
                    let r = "ordinal not in range(128)";
                    handle_bad(&mut out, data, (i, i + 1), "ascii", r, handler)?;
                }
            }
            Ok(out)
        }
        Encoding::UnicodeEscape { raw } => decode_escape(data, raw, handler),
        Encoding::Utf16 { be } => decode_units(data, 2, be, handler),
        Encoding::Utf32 { be } => decode_units(data, 4, be, handler),
    }
}

impl Vm {
    /// Raises what a codec reported; `object` is the str or bytes worked on.
    pub fn raise_codec(&mut self, fail: CodecFail, object: Value) -> super::exception::Raised {
        match fail {
            CodecFail::UnknownHandler(n) => self.raise_msg(
                TypeId::LookupError,
                &format!("unknown error handler name '{n}'"),
            ),
            CodecFail::Unicode {
                decoding,
                encoding,
                start,
                end,
                reason,
                message,
            } => {
                let t = if decoding {
                    TypeId::UnicodeDecodeError
                } else {
                    TypeId::UnicodeEncodeError
                };
                let oi = self.push_temp(object);
                let r = (|| {
                    let _ = self.raise_msg(t, &message);
                    let e = self.take_raised();
                    let ei = self.push_temp(e);
                    let enc = self.new_str(encoding)?;
                    self.set_exc_attr(ei, "encoding", enc)?;
                    self.set_exc_attr(ei, "object", self.temp(oi))?;
                    let s = self.new_i64(start as i64)?;
                    self.set_exc_attr(ei, "start", s)?;
                    let s = self.new_i64(end as i64)?;
                    self.set_exc_attr(ei, "end", s)?;
                    let s = self.new_str(&reason)?;
                    self.set_exc_attr(ei, "reason", s)?;
                    Ok(self.temp(ei))
                })();
                self.pop_temps(oi);
                match r {
                    Ok(e) => self.raise_value(e),
                    Err(r) => r,
                }
            }
        }
    }

    fn set_exc_attr(&mut self, ei: usize, name: &str, v: Value) -> PyResult<()> {
        let vi = self.push_temp(v);
        let r = (|| {
            let k = self.new_str(name)?;
            self.set_attr(self.temp(ei), k, self.temp(vi))
        })();
        self.pop_temps(vi);
        r
    }

    /// The encoding named by `name`, or LookupError.
    pub fn encoding_arg(&mut self, name: &str) -> PyResult<Encoding> {
        match lookup_encoding(name) {
            Some(e) => Ok(e),
            None => Err(self.raise_msg(TypeId::LookupError, &format!("unknown encoding: {name}"))),
        }
    }

    /// `s.encode(encoding, errors)` for the str `s`.
    pub fn encode_str(&mut self, s: Value, encoding: &str, errors: &str) -> PyResult<Value> {
        let Some(enc) = lookup_encoding(encoding) else {
            return self.encode_by_registry(s, encoding, errors);
        };
        if matches!(enc, Encoding::Utf8 { sig: false })
            && std::str::from_utf8(self.str_bytes(s)).is_ok()
        {
            let b = self.str_bytes(s).to_vec();
            return self.new_bytes(&b);
        }
        let cps = code_points(self.str_bytes(s));
        if let Handler::Unknown(name) = lookup_handler(errors) {
            let b = self.encode_calling_handler(s, &cps, &name, &mut |_, part, first| {
                let e = if first {
                    enc
                } else {
                    super::codec_callback::without_bom(enc)
                };
                Ok(encode(part, e, &Handler::Strict))
            })?;
            return self.new_bytes(&b);
        }
        match encode(&cps, enc, &lookup_handler(errors)) {
            Ok(b) => self.new_bytes(&b),
            Err(f) => Err(self.raise_codec(f, s)),
        }
    }

    /// `b.decode(encoding, errors)` of the bytes-like `data`; `object` is
    /// the bytes object for the exception.
    pub fn decode_to_str(
        &mut self,
        data: &[u8],
        object: Value,
        encoding: &str,
        errors: &str,
    ) -> PyResult<Value> {
        let Some(enc) = lookup_encoding(encoding) else {
            return self.decode_by_registry(object, encoding, errors);
        };
        if matches!(enc, Encoding::Utf8 { sig: false })
            && let Ok(s) = std::str::from_utf8(data)
        {
            return self.new_str(s);
        }
        if let Handler::Unknown(name) = lookup_handler(errors) {
            let cps = self.decode_calling_handler(object, data, &name, &mut |_, part, first| {
                let e = if first {
                    enc
                } else {
                    super::codec_callback::without_bom(enc)
                };
                Ok(decode(part, e, &Handler::Strict))
            })?;
            let mut out = Vec::with_capacity(cps.len());
            for &c in &cps {
                push_code_point(&mut out, c);
            }
            return self.alloc_str_bytes(&out, cps.len());
        }
        match decode(data, enc, &lookup_handler(errors)) {
            Ok(cps) => {
                let mut out = Vec::with_capacity(cps.len());
                for &c in &cps {
                    push_code_point(&mut out, c);
                }
                self.alloc_str_bytes(&out, cps.len())
            }
            Err(f) => Err(self.raise_codec(f, object)),
        }
    }
}
