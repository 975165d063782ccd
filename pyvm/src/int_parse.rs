//! `int(str, base)`: CPython 3.11's syntax (bases 0 and 2–36, `0x`/`0o`/`0b`
//! prefixes, PEP 515 underscores, whitespace, Unicode digits), its error
//! messages, and its limit on decimal-string length
//! (`sys.set_int_max_str_digits`).

use num_bigint::{BigInt, BigUint, Sign};
use num_traits::Zero;

use crate::error::{PyError, PyResult, repr_str};
use crate::numeric_text::{strip_c_space, to_ascii_numeric};

/// CPython 3.11's default for `sys.get_int_max_str_digits()`.
pub const DEFAULT_MAX_STR_DIGITS: usize = 4300;

/// The smallest nonzero value `sys.set_int_max_str_digits` accepts.
pub const MIN_MAX_STR_DIGITS: usize = 640;

/// The limit on decimal (non-power-of-two base) conversions between `int`
/// and `str`, as set by `sys.set_int_max_str_digits(n)`; `0` means none.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MaxStrDigits(pub usize);

impl Default for MaxStrDigits {
    fn default() -> Self {
        MaxStrDigits(DEFAULT_MAX_STR_DIGITS)
    }
}

impl MaxStrDigits {
    /// Validates a value for `sys.set_int_max_str_digits(n)`.
    pub fn new(n: i64) -> PyResult<Self> {
        if n == 0 || n >= MIN_MAX_STR_DIGITS as i64 {
            Ok(MaxStrDigits(n as usize))
        } else {
            Err(PyError::value(format!(
                "maxdigits must be 0 or larger than {MIN_MAX_STR_DIGITS}"
            )))
        }
    }

    /// Whether `digits` digits exceed the limit.
    pub fn exceeded_by(self, digits: usize) -> bool {
        self.0 != 0 && digits > self.0
    }
}

fn invalid_literal(s: &str, base: i64) -> PyError {
    let r: String = repr_str(s).chars().take(200).collect();
    PyError::value(format!("invalid literal for int() with base {base}: {r}"))
}

/// `int(s, base)` for a `str` argument: `parse_int("0x_1f", 0, ..)` is 31.
///
/// Errors as CPython 3.11: `ValueError: int() base must be >= 2 and <= 36,
/// or 0`, `ValueError: invalid literal for int() with base 10: '...'` (the
/// repr cut to 200 characters) and, for bases that are not powers of two,
/// `ValueError: Exceeds the limit (4300 digits) for integer string
/// conversion: value has N digits; ...` when `limit` is exceeded.
pub fn parse_int(s: &str, base: i64, limit: MaxStrDigits) -> PyResult<BigInt> {
    if base != 0 && !(2..=36).contains(&base) {
        return Err(PyError::value("int() base must be >= 2 and <= 36, or 0"));
    }
    let ascii = to_ascii_numeric(s);
    let invalid = || invalid_literal(s, base);
    let mut text = ascii
        .trim_start_matches([' ', '\t', '\n', '\x0b', '\x0c', '\r'])
        .as_bytes();
    let negative = match text.first() {
        Some(b'-') => {
            text = &text[1..];
            true
        }
        Some(b'+') => {
            text = &text[1..];
            false
        }
        _ => false,
    };
    let prefix_base = match text {
        [b'0', b'x' | b'X', ..] => Some(16),
        [b'0', b'o' | b'O', ..] => Some(8),
        [b'0', b'b' | b'B', ..] => Some(2),
        _ => None,
    };
    let mut radix = base as u32;
    let mut after_prefix = false;
    if base == 0 {
        radix = prefix_base.unwrap_or(10);
    }
    if prefix_base.is_some() && prefix_base == Some(radix) {
        text = &text[2..];
        after_prefix = true;
    }
    // Digits with single underscores between them; one underscore may also
    // follow a prefix directly.
    let mut underscores = 0;
    let mut i = 0;
    let mut last_was_digit = after_prefix;
    while i < text.len() {
        let c = text[i];
        if c == b'_' {
            if !last_was_digit || i + 1 >= text.len() || text[i + 1] == b'_' {
                return Err(invalid());
            }
            last_was_digit = false;
            underscores += 1;
            i += 1;
            continue;
        }
        if (c as char).to_digit(radix).is_none() {
            break;
        }
        last_was_digit = true;
        i += 1;
    }
    // The digits without underscores (borrowed when there are none).
    let digits: std::borrow::Cow<'_, [u8]> = if underscores == 0 {
        std::borrow::Cow::Borrowed(&text[..i])
    } else {
        std::borrow::Cow::Owned(text[..i].iter().copied().filter(|c| *c != b'_').collect())
    };
    if i > 0 && text[i - 1] == b'_' {
        return Err(invalid());
    }
    if digits.is_empty() {
        return Err(invalid());
    }
    if base == 0 && prefix_base.is_none() && digits[0] == b'0' && digits.iter().any(|d| *d != b'0')
    {
        return Err(invalid());
    }
    if !radix.is_power_of_two() && limit.exceeded_by(digits.len()) {
        return Err(PyError::value(format!(
            "Exceeds the limit ({} digits) for integer string conversion: value has {} digits; \
             use sys.set_int_max_str_digits() to increase the limit",
            limit.0,
            digits.len()
        )));
    }
    let rest = std::str::from_utf8(&text[i..]).expect("ASCII");
    if !strip_c_space(rest).is_empty() {
        return Err(invalid());
    }
    // Up to 12 digits fit a u64 in every base (36^12 < 2^63); most ints do.
    let magnitude = if digits.len() <= 12 {
        let text = std::str::from_utf8(&digits).expect("ASCII digits");
        BigUint::from(u64::from_str_radix(text, radix).map_err(|_| invalid())?)
    } else {
        BigUint::parse_bytes(&digits, radix).ok_or_else(invalid)?
    };
    let sign = if negative && !magnitude.is_zero() {
        Sign::Minus
    } else {
        Sign::Plus
    };
    Ok(BigInt::from_biguint(sign, magnitude))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(s: &str, base: i64) -> String {
        parse_int(s, base, MaxStrDigits::default())
            .unwrap()
            .to_string()
    }

    fn err(s: &str, base: i64) -> String {
        parse_int(s, base, MaxStrDigits::default())
            .unwrap_err()
            .message
    }

    #[test]
    fn accepts_python_literals() {
        assert_eq!(ok("0_0", 0), "0");
        assert_eq!(ok("00", 0), "0");
        assert_eq!(ok("0x_1f", 0), "31");
        assert_eq!(ok("0x_1f", 16), "31");
        assert_eq!(ok(" -0b101 ", 0), "-5");
        assert_eq!(ok("Z", 36), "35");
        assert_eq!(ok("0O17", 0), "15");
        assert_eq!(ok("١٢", 10), "12");
        assert_eq!(ok("1 ", 10), "1");
        assert_eq!(ok("-0", 10), "0");
        assert_eq!(ok("1_000_000", 10), "1000000");
    }

    #[test]
    fn rejects_with_cpython_messages() {
        for (s, b) in [
            ("010", 0),
            ("0_1", 0),
            ("0x1f", 10),
            ("_1", 10),
            ("1_", 10),
            ("1__0", 10),
        ] {
            assert_eq!(
                err(s, b),
                format!("invalid literal for int() with base {b}: {}", repr_str(s))
            );
        }
        for (s, b) in [
            ("0b", 0),
            ("0x", 16),
            ("+_1", 10),
            ("- 1", 10),
            ("9", 8),
            ("", 10),
        ] {
            assert!(err(s, b).starts_with("invalid literal"), "{s:?}");
        }
        assert_eq!(err("1", 37), "int() base must be >= 2 and <= 36, or 0");
        assert_eq!(
            err("1\x1c", 10),
            "invalid literal for int() with base 10: '1\\x1c'"
        );
        assert_eq!(err(&"x".repeat(300), 10).len(), 240);
    }

    #[test]
    fn digit_limit() {
        let long = "1".repeat(4301);
        assert_eq!(
            err(&long, 10),
            "Exceeds the limit (4300 digits) for integer string conversion: value has 4301 \
             digits; use sys.set_int_max_str_digits() to increase the limit"
        );
        assert!(parse_int(&long, 16, MaxStrDigits::default()).is_ok());
        assert!(parse_int(&long, 10, MaxStrDigits(0)).is_ok());
        assert!(parse_int(&"1".repeat(4300), 10, MaxStrDigits::default()).is_ok());
        assert_eq!(
            MaxStrDigits::new(5).unwrap_err().message,
            "maxdigits must be 0 or larger than 640"
        );
    }
}
