//! `float(str)` and `float.fromhex(str)`, with CPython 3.11's syntax and
//! error messages; decimal conversion is correctly rounded (Rust's parser).

use crate::error::{PyError, PyResult, repr_str};
use crate::numeric_text::{remove_digit_underscores, strip_c_space, to_ascii_numeric};

/// Checks the decimal float syntax CPython accepts after clean-up:
/// `[sign] (digits [. [digits]] | . digits) [(e|E) [sign] digits]`.
fn is_decimal_float_syntax(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    if matches!(b.first(), Some(b'+' | b'-')) {
        i = 1;
    }
    let int_start = i;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
    }
    let mut n_digits = i - int_start;
    if i < b.len() && b[i] == b'.' {
        i += 1;
        let frac_start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        n_digits += i - frac_start;
    }
    if n_digits == 0 {
        return false;
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let exp_start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i == exp_start {
            return false;
        }
    }
    i == b.len()
}

/// Marks a NaN made by `float("nan")` (payload bit 48, below the 49-bit
/// limit immediate negative NaNs keep bit-exactly).
const NAN_MARK: u64 = 1 << 48;

/// A quiet NaN with a payload no other live NaN has: floats are immediate
/// values, so `x is y` compares bits, and each `float("nan")` is a new
/// object in CPython (`float("nan") in [float("nan")]` is False while
/// `x in [x]` is True). The payload is a counter under [`NAN_MARK`].
pub fn fresh_nan() -> f64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(1);
    let n = NEXT.fetch_add(1, Ordering::Relaxed) & (NAN_MARK - 1);
    f64::from_bits(f64::NAN.to_bits() | NAN_MARK | n)
}

/// `x` with the payload of a [`fresh_nan`] cleared: what is written when a
/// float is packed into bytes (struct, array), as CPython writes its NaN.
pub fn canonical_nan(x: f64) -> f64 {
    let b = x.to_bits();
    if x.is_nan() && b & NAN_MARK != 0 {
        f64::from_bits(b & 0xFFF8_0000_0000_0000)
    } else {
        x
    }
}

/// Parses `[sign](inf|infinity|nan)` in any case.
fn parse_special(s: &str) -> Option<f64> {
    let (neg, body) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let v = if body.eq_ignore_ascii_case("inf") || body.eq_ignore_ascii_case("infinity") {
        f64::INFINITY
    } else if body.eq_ignore_ascii_case("nan") {
        fresh_nan()
    } else {
        return None;
    };
    Some(if neg { -v } else { v })
}

/// `float(s)` for a `str` argument: `float(" 1_000.5 ")` is `1000.5`.
///
/// Accepts surrounding whitespace, PEP 515 underscores between digits,
/// Unicode decimal digits, `inf`/`infinity`/`nan` in any case with a sign.
/// Fails with `ValueError: could not convert string to float: '...'`.
pub fn parse_float(s: &str) -> PyResult<f64> {
    let fail = || {
        PyError::value(format!(
            "could not convert string to float: {}",
            repr_str(s)
        ))
    };
    let ascii = to_ascii_numeric(s);
    let text = strip_c_space(&ascii);
    if let Some(v) = parse_special(text) {
        return Ok(v);
    }
    let clean = if text.contains('_') {
        remove_digit_underscores(text).ok_or_else(fail)?
    } else {
        text.to_string()
    };
    if !is_decimal_float_syntax(&clean) {
        return Err(fail());
    }
    clean.parse::<f64>().map_err(|_| fail())
}

/// `m × 2^e` as the nearest double (`m` at most 64 significant bits kept,
/// `sticky` set when nonzero bits were dropped below `m`), rounding half to
/// even; `None` on overflow.
pub(crate) fn round_to_double(m: u128, e: i64, sticky: bool) -> Option<f64> {
    if m == 0 {
        return Some(0.0);
    }
    let len = 128 - m.leading_zeros() as i64;
    let top = len - 1 + e;
    if top > 1023 {
        return None;
    }
    // Number of low bits of m to drop so that the result has 53 bits, or so
    // that its unit is 2^-1074 for subnormals.
    let drop = if top >= -1022 { len - 53 } else { -1074 - e };
    let (q, exp) = if drop <= 0 {
        (m << (-drop), e + drop)
    } else if drop > len + 1 {
        (0, e + drop)
    } else {
        let q = if drop >= 128 { 0 } else { m >> drop };
        let rem = if drop >= 128 {
            m
        } else {
            m & ((1u128 << drop) - 1)
        };
        let half = 1u128 << (drop - 1);
        let up = rem > half || (rem == half && (sticky || q & 1 == 1));
        (q + u128::from(up), e + drop)
    };
    let v = scale_pow2(q as f64, exp);
    v.is_finite().then_some(v)
}

/// `x × 2^e`, exact whenever the result is representable.
pub(crate) fn scale_pow2(mut x: f64, mut e: i64) -> f64 {
    while e > 1000 {
        x *= 2f64.powi(1000);
        e -= 1000;
    }
    while e < -1000 {
        // Halves keep the intermediate normal so the final step is exact.
        let step = (e / 2).max(-1000);
        x *= 2f64.powi(step as i32);
        e -= step;
    }
    x * 2f64.powi(e as i32)
}

/// `float.fromhex(s)`: `float.fromhex("0x1.8p1")` is `3.0`.
///
/// Syntax: whitespace, sign, optional `0x`, hex digits with an optional point,
/// optional `p[sign]decimal` exponent; or `inf`/`infinity`/`nan`. Rounds half
/// to even. Errors: `ValueError: invalid hexadecimal floating-point string`,
/// `OverflowError: hexadecimal value too large to represent as a float`.
pub fn parse_float_hex(s: &str) -> PyResult<f64> {
    let invalid = || PyError::value("invalid hexadecimal floating-point string");
    let text = strip_c_space(s);
    if let Some(v) = parse_special(text) {
        return Ok(v);
    }
    let b = text.as_bytes();
    let mut i = 0;
    let neg = match b.first() {
        Some(b'-') => {
            i = 1;
            true
        }
        Some(b'+') => {
            i = 1;
            false
        }
        _ => false,
    };
    if b.len() >= i + 2 && b[i] == b'0' && (b[i + 1] == b'x' || b[i + 1] == b'X') {
        i += 2;
    }
    let mut m: u128 = 0;
    let mut shift: i64 = 0;
    let mut sticky = false;
    let mut n_digits = 0;
    let mut seen_point = false;
    while i < b.len() {
        let c = b[i];
        if c == b'.' && !seen_point {
            seen_point = true;
            i += 1;
            continue;
        }
        let Some(d) = (c as char).to_digit(16) else {
            break;
        };
        n_digits += 1;
        if m >> 120 == 0 {
            m = (m << 4) | u128::from(d);
            if seen_point {
                shift -= 4;
            }
        } else {
            sticky |= d != 0;
            if !seen_point {
                shift += 4;
            }
        }
        i += 1;
    }
    if n_digits == 0 {
        return Err(invalid());
    }
    let mut exp: i64 = 0;
    if i < b.len() && (b[i] == b'p' || b[i] == b'P') {
        i += 1;
        let exp_neg = match b.get(i) {
            Some(b'-') => {
                i += 1;
                true
            }
            Some(b'+') => {
                i += 1;
                false
            }
            _ => false,
        };
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            exp = (exp * 10 + i64::from(b[i] - b'0')).min(1 << 40);
            i += 1;
        }
        if i == start {
            return Err(invalid());
        }
        if exp_neg {
            exp = -exp;
        }
    }
    if i != b.len() {
        return Err(invalid());
    }
    let v = round_to_double(m, exp + shift, sticky)
        .ok_or_else(|| PyError::overflow("hexadecimal value too large to represent as a float"))?;
    Ok(if neg { -v } else { v })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimal_strings() {
        assert_eq!(parse_float(" 1_000 ").unwrap(), 1000.0);
        assert_eq!(parse_float("1e1_0").unwrap(), 1e10);
        assert_eq!(parse_float("1.").unwrap(), 1.0);
        assert_eq!(parse_float(".5").unwrap(), 0.5);
        assert_eq!(parse_float("+InFiNiTy").unwrap(), f64::INFINITY);
        assert!(parse_float("-nan").unwrap().is_nan());
        assert_eq!(parse_float("1e400").unwrap(), f64::INFINITY);
        assert!(parse_float("-1e-400").unwrap().is_sign_negative());
        assert_eq!(parse_float("١٢").unwrap(), 12.0);
        assert_eq!(parse_float("\u{3000}1.5").unwrap(), 1.5);
        for bad in [
            "", ".", "e5", "1e", "1__0", "in_f", "0x10", "\x1c1.5", "1.5\0", "1 2",
        ] {
            let e = parse_float(bad).unwrap_err();
            assert_eq!(
                e.message,
                format!("could not convert string to float: {}", repr_str(bad))
            );
        }
    }

    #[test]
    fn hex_strings() {
        assert_eq!(parse_float_hex("0x1.8p1").unwrap(), 3.0);
        assert_eq!(parse_float_hex("0X.8P-1").unwrap(), 0.25);
        assert_eq!(parse_float_hex(" -0x1p-1074 ").unwrap(), -5e-324);
        assert_eq!(parse_float_hex("0x1p-1075").unwrap(), 0.0);
        assert_eq!(
            parse_float_hex("0x1.000000000000000000001p-1075").unwrap(),
            5e-324
        );
        assert_eq!(
            parse_float_hex("0x1.fffffffffffff7ffp1023").unwrap(),
            f64::MAX
        );
        assert_eq!(parse_float_hex("0x1p-99999999999999999").unwrap(), 0.0);
        for big in [
            "0x1p1024",
            "0x1.fffffffffffff8p1023",
            "0x1p+99999999999999999999",
        ] {
            assert_eq!(
                parse_float_hex(big).unwrap_err().kind,
                crate::ErrorKind::OverflowError
            );
        }
        for bad in ["0x", "0x.p1", "1p", "x1", "0x1p1 z"] {
            assert_eq!(
                parse_float_hex(bad).unwrap_err().message,
                "invalid hexadecimal floating-point string"
            );
        }
    }
}
