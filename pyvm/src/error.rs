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

pub use crate::str_repr::repr_str;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_is_traceback_last_line() {
        let e = PyError::value("bad");
        assert_eq!(e.to_string(), "ValueError: bad");
    }
}
