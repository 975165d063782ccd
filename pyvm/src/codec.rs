//! The UTF-8, ASCII and Latin-1 codecs with CPython 3.11's error ranges,
//! error handlers and `UnicodeDecodeError`/`UnicodeEncodeError` messages.
//!
//! Errors are returned as a [`CodecError`] carrying what the exception
//! object needs (`encoding`, `start`, `end`, `reason`) and its message.
//! Handlers: `strict`, `replace`, `ignore`, `backslashreplace`, and for
//! encoding `xmlcharrefreplace`. (`surrogateescape`/`surrogatepass` need
//! lone surrogates, which Rust strings cannot hold.)

/// An error handler name (`errors=` argument).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Errors {
    /// Raise.
    Strict,
    /// U+FFFD when decoding (one per bad sequence), `?` when encoding.
    Replace,
    /// Drop the bad input.
    Ignore,
    /// `\xNN` per bad byte, or `\xNN`/`\uNNNN`/`\UNNNNNNNN` per character.
    BackslashReplace,
    /// `&#NNN;` per unencodable character (encoding only).
    XmlCharRefReplace,
}

/// A `UnicodeDecodeError` or `UnicodeEncodeError` to raise.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CodecError {
    /// `true` for `UnicodeDecodeError`, `false` for `UnicodeEncodeError`.
    pub decoding: bool,
    /// The codec name as CPython prints it (`utf-8`, `ascii`, `latin-1`).
    pub encoding: &'static str,
    /// Start of the bad range (bytes when decoding, characters when
    /// encoding).
    pub start: usize,
    /// End of the bad range (exclusive).
    pub end: usize,
    /// CPython's reason (`invalid start byte`, `ordinal not in range(128)`).
    pub reason: &'static str,
    /// `str(exc)`.
    pub message: String,
}

fn decode_error(
    encoding: &'static str,
    data: &[u8],
    start: usize,
    end: usize,
    reason: &'static str,
) -> CodecError {
    let message = if end - start == 1 {
        format!(
            "'{encoding}' codec can't decode byte 0x{:02x} in position {start}: {reason}",
            data[start]
        )
    } else {
        format!(
            "'{encoding}' codec can't decode bytes in position {start}-{}: {reason}",
            end - 1
        )
    };
    CodecError {
        decoding: true,
        encoding,
        start,
        end,
        reason,
        message,
    }
}

fn escape_char(c: char) -> String {
    let v = c as u32;
    if v < 0x100 {
        format!("\\x{v:02x}")
    } else if v < 0x10000 {
        format!("\\u{v:04x}")
    } else {
        format!("\\U{v:08x}")
    }
}

fn push_bad_bytes(out: &mut String, bytes: &[u8], errors: Errors) {
    match errors {
        Errors::Replace => out.push('\u{fffd}'),
        Errors::BackslashReplace => {
            for b in bytes {
                out.push_str(&format!("\\x{b:02x}"));
            }
        }
        _ => {}
    }
}

/// `data.decode('utf-8', errors)`. Bad sequences are the maximal invalid
/// subparts CPython reports: `invalid start byte`, `invalid continuation
/// byte`, or `unexpected end of data` (the rest of the input).
pub fn decode_utf8(data: &[u8], errors: Errors) -> Result<String, CodecError> {
    let mut out = String::with_capacity(data.len());
    let mut rest = data;
    let mut offset = 0;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                out.push_str(s);
                return Ok(out);
            }
            Err(e) => {
                let good = e.valid_up_to();
                out.push_str(std::str::from_utf8(&rest[..good]).expect("validated prefix"));
                let start = offset + good;
                let first = rest[good];
                let (len, reason) = match e.error_len() {
                    None => (rest.len() - good, "unexpected end of data"),
                    Some(n) if !(0xc2..=0xf4).contains(&first) => (n, "invalid start byte"),
                    Some(n) => (n, "invalid continuation byte"),
                };
                if errors == Errors::Strict || errors == Errors::XmlCharRefReplace {
                    return Err(decode_error("utf-8", data, start, start + len, reason));
                }
                push_bad_bytes(&mut out, &rest[good..good + len], errors);
                rest = &rest[good + len..];
                offset = start + len;
            }
        }
    }
}

/// `data.decode('ascii', errors)`: every byte above 0x7f is its own error
/// (`ordinal not in range(128)`).
pub fn decode_ascii(data: &[u8], errors: Errors) -> Result<String, CodecError> {
    let mut out = String::with_capacity(data.len());
    for (i, &b) in data.iter().enumerate() {
        if b < 0x80 {
            out.push(b as char);
        } else if errors == Errors::Strict || errors == Errors::XmlCharRefReplace {
            return Err(decode_error(
                "ascii",
                data,
                i,
                i + 1,
                "ordinal not in range(128)",
            ));
        } else {
            push_bad_bytes(&mut out, &[b], errors);
        }
    }
    Ok(out)
}

/// `data.decode('latin-1')`: every byte is the code point of its value.
pub fn decode_latin1(data: &[u8]) -> String {
    data.iter().map(|&b| char::from(b)).collect()
}

fn encode_limited(
    s: &str,
    limit: u32,
    encoding: &'static str,
    reason: &'static str,
    errors: Errors,
) -> Result<Vec<u8>, CodecError> {
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if (c as u32) < limit {
            out.push(c as u32 as u8);
            i += 1;
            continue;
        }
        // CPython reports the whole run of unencodable characters.
        let mut end = i + 1;
        while end < chars.len() && chars[end] as u32 >= limit {
            end += 1;
        }
        match errors {
            Errors::Strict => {
                let message = if end - i == 1 {
                    format!(
                        "'{encoding}' codec can't encode character '{}' in position {i}: {reason}",
                        escape_char(c)
                    )
                } else {
                    format!(
                        "'{encoding}' codec can't encode characters in position {i}-{}: {reason}",
                        end - 1
                    )
                };
                return Err(CodecError {
                    decoding: false,
                    encoding,
                    start: i,
                    end,
                    reason,
                    message,
                });
            }
            Errors::Replace => out.extend(std::iter::repeat_n(b'?', end - i)),
            Errors::Ignore => {}
            Errors::BackslashReplace => {
                for &c in &chars[i..end] {
                    out.extend_from_slice(escape_char(c).as_bytes());
                }
            }
            Errors::XmlCharRefReplace => {
                for &c in &chars[i..end] {
                    out.extend_from_slice(format!("&#{};", c as u32).as_bytes());
                }
            }
        }
        i = end;
    }
    Ok(out)
}

/// `s.encode('ascii', errors)`.
pub fn encode_ascii(s: &str, errors: Errors) -> Result<Vec<u8>, CodecError> {
    encode_limited(s, 0x80, "ascii", "ordinal not in range(128)", errors)
}

/// `s.encode('latin-1', errors)`.
pub fn encode_latin1(s: &str, errors: Errors) -> Result<Vec<u8>, CodecError> {
    encode_limited(s, 0x100, "latin-1", "ordinal not in range(256)", errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_errors_like_cpython() {
        let msg = |b: &[u8]| decode_utf8(b, Errors::Strict).unwrap_err().message;
        assert_eq!(
            msg(b"\xff"),
            "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte"
        );
        assert_eq!(
            msg(b"\xe2\x82"),
            "'utf-8' codec can't decode bytes in position 0-1: unexpected end of data"
        );
        assert_eq!(
            msg(b"\xe2\x82a"),
            "'utf-8' codec can't decode bytes in position 0-1: invalid continuation byte"
        );
        assert_eq!(
            msg(b"\xed\xa0\x80"),
            "'utf-8' codec can't decode byte 0xed in position 0: invalid continuation byte"
        );
        assert_eq!(
            msg(b"a\x80b"),
            "'utf-8' codec can't decode byte 0x80 in position 1: invalid start byte"
        );
        assert_eq!(
            decode_utf8(b"\xed\xa0\x80", Errors::Replace).unwrap(),
            "\u{fffd}\u{fffd}\u{fffd}"
        );
        assert_eq!(
            decode_utf8(b"\xe2\x82a", Errors::BackslashReplace).unwrap(),
            "\\xe2\\x82a"
        );
        assert_eq!(decode_utf8(b"a\xffb", Errors::Ignore).unwrap(), "ab");
    }

    #[test]
    fn ascii_and_latin1() {
        assert_eq!(
            decode_ascii(b"a\x80\x81", Errors::Strict)
                .unwrap_err()
                .message,
            "'ascii' codec can't decode byte 0x80 in position 1: ordinal not in range(128)"
        );
        assert_eq!(
            encode_ascii("aé€", Errors::Strict).unwrap_err().message,
            "'ascii' codec can't encode characters in position 1-2: ordinal not in range(128)"
        );
        assert_eq!(
            encode_ascii("aé", Errors::Strict).unwrap_err().message,
            "'ascii' codec can't encode character '\\xe9' in position 1: ordinal not in range(128)"
        );
        assert_eq!(
            encode_ascii("aé€😀x", Errors::BackslashReplace).unwrap(),
            b"a\\xe9\\u20ac\\U0001f600x"
        );
        assert_eq!(
            encode_ascii("aé€", Errors::XmlCharRefReplace).unwrap(),
            b"a&#233;&#8364;"
        );
        assert_eq!(encode_latin1("aé", Errors::Strict).unwrap(), b"a\xe9");
        assert_eq!(decode_latin1(b"a\xe9"), "aé");
    }
}
