//! Text forms of `bytes`: `repr(b'...')`, `bytes.hex(sep, bytes_per_sep)`
//! and `bytes.fromhex(s)`, CPython 3.11-exact.

use crate::error::{PyError, PyResult};

fn quote_bytes(data: &[u8], always_escape_single: bool) -> String {
    let quote = if data.contains(&b'\'') && !data.contains(&b'"') {
        b'"'
    } else {
        b'\''
    };
    let mut out = String::with_capacity(data.len() + 3);
    out.push('b');
    out.push(quote as char);
    for &c in data {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            c if c == quote || (always_escape_single && c == b'\'') => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7e => out.push(c as char),
            c => out.push_str(&format!("\\x{c:02x}")),
        }
    }
    out.push(quote as char);
    out
}

/// `repr(b)` for `bytes`: `b'...'`, double quotes only when the data holds
/// `'` and no `"`; `\\`, the quote, `\t` `\n` `\r` escaped, other bytes
/// outside `0x20..0x7f` as `\xNN`.
pub fn repr_bytes(data: &[u8]) -> String {
    quote_bytes(data, false)
}

/// `repr(bytearray(b))`: `bytearray(b'...')`; unlike `bytes`, a single
/// quote is escaped even inside double quotes (`bytearray(b"i\'s")`).
pub fn repr_bytearray(data: &[u8]) -> String {
    format!("bytearray({})", quote_bytes(data, true))
}

/// `b.hex(sep, bytes_per_sep)`: lowercase hex digits; with a separator,
/// groups of `|bytes_per_sep|` bytes counted from the right (positive) or
/// the left (negative). Errors: `ValueError: sep must be length 1.`,
/// `ValueError: sep must be ASCII.`
pub fn hex_bytes(data: &[u8], sep: Option<&str>, bytes_per_sep: i32) -> PyResult<String> {
    let sep = match sep {
        None => None,
        Some(s) => {
            let mut chars = s.chars();
            let (Some(c), None) = (chars.next(), chars.next()) else {
                return Err(PyError::value("sep must be length 1."));
            };
            if !c.is_ascii() {
                return Err(PyError::value("sep must be ASCII."));
            }
            Some(c)
        }
    };
    let group = bytes_per_sep.unsigned_abs() as usize;
    let mut out = String::with_capacity(data.len() * 3);
    for (i, b) in data.iter().enumerate() {
        if let Some(sep) = sep
            && group != 0
            && i != 0
        {
            // Group boundaries: every `group` bytes from the start, or so
            // that the last group is full when counting from the right.
            let at = if bytes_per_sep < 0 {
                i.is_multiple_of(group)
            } else {
                (data.len() - i).is_multiple_of(group)
            };
            if at {
                out.push(sep);
            }
        }
        out.push_str(&format!("{b:02x}"));
    }
    Ok(out)
}

/// `bytes.fromhex(s)`: pairs of hex digits, ASCII whitespace allowed
/// between pairs. `ValueError: non-hexadecimal number found in fromhex()
/// arg at position N` (N counts characters; the end of the text for a
/// missing digit; the first non-ASCII character if there is one).
pub fn parse_hex_bytes(s: &str) -> PyResult<Vec<u8>> {
    let chars: Vec<char> = s.chars().collect();
    let bad = |at: usize| {
        PyError::value(format!(
            "non-hexadecimal number found in fromhex() arg at position {at}"
        ))
    };
    // CPython rejects any non-ASCII text at its first non-ASCII character,
    // before looking at the digits.
    if let Some(at) = chars.iter().position(|c| !c.is_ascii()) {
        return Err(bad(at));
    }
    let is_space = |c: char| matches!(c, ' ' | '\t' | '\n' | '\x0b' | '\x0c' | '\r');
    let mut out = Vec::with_capacity(chars.len() / 2);
    let mut i = 0;
    while i < chars.len() {
        if is_space(chars[i]) {
            i += 1;
            continue;
        }
        let hi = chars[i].to_digit(16).ok_or_else(|| bad(i))?;
        let lo = chars
            .get(i + 1)
            .and_then(|c| c.to_digit(16))
            .ok_or_else(|| bad(i + 1))?;
        out.push((hi * 16 + lo) as u8);
        i += 2;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reprs() {
        assert_eq!(repr_bytes(b""), "b''");
        assert_eq!(repr_bytes(b"it's"), "b\"it's\"");
        assert_eq!(repr_bytes(b"'\""), "b'\\'\"'");
        assert_eq!(repr_bytes(b"\x00\t\x7f\x80\\"), "b'\\x00\\t\\x7f\\x80\\\\'");
        assert_eq!(repr_bytearray(b"a"), "bytearray(b'a')");
        assert_eq!(repr_bytearray(b"i's"), "bytearray(b\"i\\'s\")");
    }

    #[test]
    fn hex_with_separators() {
        let b = [1, 2, 3, 255, 0];
        assert_eq!(hex_bytes(&b, None, 1).unwrap(), "010203ff00");
        assert_eq!(hex_bytes(&b, Some(":"), 1).unwrap(), "01:02:03:ff:00");
        assert_eq!(hex_bytes(&b, Some(":"), 2).unwrap(), "01:0203:ff00");
        assert_eq!(hex_bytes(&b, Some(":"), -2).unwrap(), "0102:03ff:00");
        assert_eq!(hex_bytes(&b, Some(":"), 0).unwrap(), "010203ff00");
        assert_eq!(hex_bytes(&b, Some(":"), -6).unwrap(), "010203ff00");
        assert_eq!(
            hex_bytes(&b, Some(""), 1).unwrap_err().message,
            "sep must be length 1."
        );
        assert_eq!(
            hex_bytes(&b, Some("é"), 1).unwrap_err().message,
            "sep must be ASCII."
        );
    }

    #[test]
    fn fromhex() {
        assert_eq!(parse_hex_bytes(" ab cd ").unwrap(), vec![0xab, 0xcd]);
        assert_eq!(parse_hex_bytes("AB\tcd\n").unwrap(), vec![0xab, 0xcd]);
        let pos = |s| parse_hex_bytes(s).unwrap_err().message;
        assert_eq!(
            pos("a"),
            "non-hexadecimal number found in fromhex() arg at position 1"
        );
        assert_eq!(
            pos("1 2"),
            "non-hexadecimal number found in fromhex() arg at position 1"
        );
        assert_eq!(
            pos("ab\x1ccd"),
            "non-hexadecimal number found in fromhex() arg at position 2"
        );
        assert_eq!(
            pos("ab é"),
            "non-hexadecimal number found in fromhex() arg at position 3"
        );
    }
}
