//! [`PyStr`]: a Python `str` constant, which may hold lone surrogates.
//!
//! Stored as generalized UTF-8 ("WTF-8" without the surrogate-pair
//! normalization): every code point, surrogates `U+D800..=U+DFFF` included,
//! is written with the usual UTF-8 bit layout. A string without surrogates is
//! therefore plain UTF-8 and [`PyStr::as_str`] borrows it for free.

use std::fmt;

/// A sequence of Unicode code points, lone surrogates allowed.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct PyStr {
    bytes: Box<[u8]>,
}

impl PyStr {
    /// The string as `&str` when it holds no surrogate.
    pub fn as_str(&self) -> Option<&str> {
        std::str::from_utf8(&self.bytes).ok()
    }

    /// The generalized UTF-8 bytes.
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// Builds a string from code points (any value up to `0x10FFFF`; larger
    /// values are replaced by U+FFFD).
    pub fn from_code_points(points: impl IntoIterator<Item = u32>) -> PyStr {
        let mut bytes = Vec::new();
        for cp in points {
            push_code_point(&mut bytes, cp);
        }
        PyStr {
            bytes: bytes.into(),
        }
    }

    /// Iterates over the code points.
    pub fn code_points(&self) -> impl Iterator<Item = u32> + '_ {
        let b = &self.bytes;
        let mut i = 0;
        std::iter::from_fn(move || {
            let first = *b.get(i)?;
            let (len, init) = match first {
                0..=0x7f => (1, first as u32),
                0xc0..=0xdf => (2, (first & 0x1f) as u32),
                0xe0..=0xef => (3, (first & 0x0f) as u32),
                _ => (4, (first & 0x07) as u32),
            };
            let mut cp = init;
            for k in 1..len {
                cp = (cp << 6) | (b.get(i + k).copied().unwrap_or(0x80) & 0x3f) as u32;
            }
            i += len;
            Some(cp)
        })
    }

    /// Number of code points (`len()` in Python).
    pub fn char_len(&self) -> usize {
        self.bytes.iter().filter(|&&b| (b & 0xc0) != 0x80).count()
    }

    /// Concatenation.
    pub fn concat(&self, other: &PyStr) -> PyStr {
        let mut v = self.bytes.to_vec();
        v.extend_from_slice(&other.bytes);
        PyStr { bytes: v.into() }
    }

    /// Python's `repr()` of the string.
    pub fn repr(&self) -> String {
        let quote = if self.code_points().any(|c| c == '\'' as u32)
            && !self.code_points().any(|c| c == '"' as u32)
        {
            '"'
        } else {
            '\''
        };
        let mut out = String::new();
        out.push(quote);
        for cp in self.code_points() {
            match char::from_u32(cp) {
                Some(c) if c == quote || c == '\\' => {
                    out.push('\\');
                    out.push(c);
                }
                Some('\n') => out.push_str("\\n"),
                Some('\r') => out.push_str("\\r"),
                Some('\t') => out.push_str("\\t"),
                Some(c) if is_printable(c) => out.push(c),
                _ if cp < 0x100 => out.push_str(&format!("\\x{cp:02x}")),
                _ if cp < 0x10000 => out.push_str(&format!("\\u{cp:04x}")),
                _ => out.push_str(&format!("\\U{cp:08x}")),
            }
        }
        out.push(quote);
        out
    }
}

fn is_printable(c: char) -> bool {
    if c.is_ascii() {
        return (' '..='~').contains(&c);
    }
    !(c.is_control() || c.is_whitespace() || ('\u{80}'..='\u{a0}').contains(&c) || c == '\u{ad}')
}

/// Appends one code point in generalized UTF-8.
fn push_code_point(out: &mut Vec<u8>, cp: u32) {
    let cp = if cp > 0x10FFFF { 0xFFFD } else { cp };
    match cp {
        0..=0x7f => out.push(cp as u8),
        0x80..=0x7ff => out.extend([0xc0 | (cp >> 6) as u8, 0x80 | (cp & 0x3f) as u8]),
        0x800..=0xffff => out.extend([
            0xe0 | (cp >> 12) as u8,
            0x80 | ((cp >> 6) & 0x3f) as u8,
            0x80 | (cp & 0x3f) as u8,
        ]),
        _ => out.extend([
            0xf0 | (cp >> 18) as u8,
            0x80 | ((cp >> 12) & 0x3f) as u8,
            0x80 | ((cp >> 6) & 0x3f) as u8,
            0x80 | (cp & 0x3f) as u8,
        ]),
    }
}

impl From<&str> for PyStr {
    fn from(s: &str) -> PyStr {
        PyStr {
            bytes: s.as_bytes().into(),
        }
    }
}

impl fmt::Debug for PyStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.repr())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lone_surrogate_round_trips() {
        let s = PyStr::from_code_points([0x61, 0xdc80, 0x1F600]);
        assert_eq!(s.as_str(), None);
        assert_eq!(
            s.code_points().collect::<Vec<_>>(),
            vec![0x61, 0xdc80, 0x1F600]
        );
        assert_eq!(s.char_len(), 3);
        assert_eq!(s.repr(), "'a\\udc80\u{1F600}'");
    }

    #[test]
    fn plain_strings_borrow_as_str() {
        let s = PyStr::from("héllo");
        assert_eq!(s.as_str(), Some("héllo"));
        assert_eq!(s.char_len(), 5);
        assert_eq!(PyStr::from("it's").repr(), "\"it's\"");
        assert_eq!(PyStr::from("a\n\x00").repr(), "'a\\n\\x00'");
    }
}
