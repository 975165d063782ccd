//! `int(b'12')`, `float(b'1.5')`, `ord(b'a')`: numbers from the ASCII
//! digits of bytes-like objects, with CPython's error messages.

use pyvm_objmodel::Value;

use super::super::exception::PyResult;
use super::super::heap::Vm;
use super::super::layout::Kind;
use crate::error::PyError;
use crate::int_parse::parse_int;

impl Vm {
    /// The bytes of `x` if it is a bytes-like object (`bytes`,
    /// `bytearray`, `memoryview`, `array.array`), else `None`.
    fn digits_of(&mut self, x: Value) -> PyResult<Option<Vec<u8>>> {
        if self.is_str(x) {
            return Ok(None);
        }
        self.buffer_copy(x)
    }

    /// `int(x, base)` for a bytes-like `x`: `None` if `x` is not one.
    /// Errors show the digits as a `bytes` literal, as in CPython.
    pub(crate) fn int_from_digits(&mut self, x: Value, base: i64) -> PyResult<Option<Value>> {
        let Some(data) = self.digits_of(x)? else {
            return Ok(None);
        };
        let invalid = || {
            PyError::value(format!(
                "invalid literal for int() with base {base}: {}",
                crate::bytes_text::repr_bytes(&data)
            ))
        };
        let parsed = match std::str::from_utf8(&data) {
            Ok(text) if data.is_ascii() && !data.contains(&0) => {
                parse_int(text, base, self.max_str_digits()).map_err(|e| {
                    if e.message.starts_with("invalid literal") {
                        invalid()
                    } else {
                        e
                    }
                })
            }
            _ if base != 0 && !(2..=36).contains(&base) => {
                parse_int("", base, self.max_str_digits())
            }
            _ => Err(invalid()),
        };
        let n = parsed.map_err(|e| self.raise_pyerror(e))?;
        self.new_int(n).map(Some)
    }

    /// `float(x)` for a bytes-like `x`: `None` if `x` is not one. Errors
    /// show `repr(x)`, as in CPython.
    pub(crate) fn float_from_digits(&mut self, x: Value) -> PyResult<Option<Value>> {
        let Some(data) = self.digits_of(x)? else {
            return Ok(None);
        };
        let ok = match std::str::from_utf8(&data) {
            Ok(text) if data.is_ascii() && !data.contains(&0) => {
                crate::float_parse::parse_float(text).ok()
            }
            _ => None,
        };
        if let Some(f) = ok {
            return Ok(Some(Value::from_float(f)));
        }
        let r = self.repr_value(x)?;
        let r = self.str_text(r).into_owned();
        Err(self.raise_pyerror(PyError::value(format!(
            "could not convert string to float: {r}"
        ))))
    }

    /// `ord(x)` for a `bytes` or `bytearray` `x`: `None` if it is neither.
    pub(crate) fn ord_of_bytes(&mut self, x: Value) -> PyResult<Option<Value>> {
        if !matches!(self.kind_of(x), Some(Kind::Bytes | Kind::ByteArray)) {
            return Ok(None);
        }
        let data = self.bytes_data(x);
        if data.len() != 1 {
            let n = data.len();
            return Err(self.type_error(&format!(
                "ord() expected a character, but string of length {n} found"
            )));
        }
        Ok(Value::from_int(data[0] as i64))
    }
}
