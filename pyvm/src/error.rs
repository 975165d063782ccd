//! The exceptions the algorithms raise, as plain data.
//!
//! The algorithms in this crate do not know about Python objects; when CPython
//! would raise, they return a [`PyError`] carrying the exception class and the
//! exact message CPython 3.11 uses, and the interpreter turns it into a real
//! exception object.

use std::fmt;

/// The built-in exception class an algorithm raises.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    /// `ValueError`.
    ValueError,
    /// `OverflowError`.
    OverflowError,
    /// `ZeroDivisionError`.
    ZeroDivisionError,
    /// `TypeError`.
    TypeError,
    /// `MemoryError`.
    MemoryError,
}

impl ErrorKind {
    /// The class name as Python spells it (`"ValueError"`).
    pub fn name(self) -> &'static str {
        match self {
            ErrorKind::ValueError => "ValueError",
            ErrorKind::OverflowError => "OverflowError",
            ErrorKind::ZeroDivisionError => "ZeroDivisionError",
            ErrorKind::TypeError => "TypeError",
            ErrorKind::MemoryError => "MemoryError",
        }
    }
}

/// An exception to raise: its class and CPython's message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PyError {
    /// The exception class.
    pub kind: ErrorKind,
    /// The message, exactly as `str(exc)` prints it in CPython 3.11.
    pub message: String,
}

impl PyError {
    /// A `ValueError` with `message`.
    pub fn value(message: impl Into<String>) -> Self {
        PyError {
            kind: ErrorKind::ValueError,
            message: message.into(),
        }
    }

    /// An `OverflowError` with `message`.
    pub fn overflow(message: impl Into<String>) -> Self {
        PyError {
            kind: ErrorKind::OverflowError,
            message: message.into(),
        }
    }

    /// A `ZeroDivisionError` with `message`.
    pub fn zero_division(message: impl Into<String>) -> Self {
        PyError {
            kind: ErrorKind::ZeroDivisionError,
            message: message.into(),
        }
    }

    /// A `TypeError` with `message`.
    pub fn type_error(message: impl Into<String>) -> Self {
        PyError {
            kind: ErrorKind::TypeError,
            message: message.into(),
        }
    }
}

impl fmt::Display for PyError {
    /// Formats like the last line of a CPython traceback: `ValueError: msg`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.kind.name(), self.message)
    }
}

impl std::error::Error for PyError {}

/// The result type of every fallible algorithm in this crate.
pub type PyResult<T> = Result<T, PyError>;

/// Python's `repr()` of a `str`, used inside error messages such as
/// `could not convert string to float: '...'`.
///
/// Chooses single quotes unless the text holds a single quote and no double
/// quote, escapes `\\`, the chosen quote, `\t` `\n` `\r`, other ASCII control
/// characters and non-printable characters as `\xNN`/`\uNNNN`/`\UNNNNNNNN`.
/// Printability of non-ASCII characters follows a conservative approximation
/// (control, surrogate-free private use and format characters are escaped).
pub fn repr_str(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32));
            }
            c if is_unprintable(c) => {
                let v = c as u32;
                if v <= 0xff {
                    out.push_str(&format!("\\x{v:02x}"));
                } else if v <= 0xffff {
                    out.push_str(&format!("\\u{v:04x}"));
                } else {
                    out.push_str(&format!("\\U{v:08x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// Non-ASCII characters `repr` escapes: C1 controls, the no-break space and
/// soft hyphen, separators other than the space, format characters and
/// private-use characters (an approximation of `str.isprintable`).
fn is_unprintable(c: char) -> bool {
    let v = c as u32;
    matches!(v, 0x80..=0xa0 | 0xad | 0x2000..=0x200f | 0x2028..=0x202f | 0x205f..=0x206f)
        || matches!(v, 0x1680 | 0x3000 | 0xfeff | 0xfff9..=0xfffb)
        || matches!(v, 0xe000..=0xf8ff | 0xf0000..=0x10ffff)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repr_str_picks_quotes_like_python() {
        assert_eq!(repr_str("abc"), "'abc'");
        assert_eq!(repr_str("it's"), "\"it's\"");
        assert_eq!(repr_str("'\""), "'\\'\"'");
        assert_eq!(repr_str("a\tb\n\x01"), "'a\\tb\\n\\x01'");
        assert_eq!(repr_str("\u{a0}é"), "'\\xa0é'");
    }

    #[test]
    fn display_is_traceback_last_line() {
        let e = PyError::value("bad");
        assert_eq!(e.to_string(), "ValueError: bad");
    }
}
