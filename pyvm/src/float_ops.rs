//! Float methods that need exact arithmetic: `round(x, n)`, `float.hex()`,
//! `as_integer_ratio()`, `is_integer()`.

use num_bigint::{BigInt, BigUint, Sign};
use num_integer::Integer;
use num_traits::{One, Zero};

use crate::error::{PyError, PyResult};

/// Splits a finite `x` into `(negative, m, e)` with `|x| == m × 2^e` exactly
/// and `m` odd (or zero).
pub fn decompose(x: f64) -> (bool, u64, i32) {
    let bits = x.to_bits();
    let neg = bits >> 63 == 1;
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1u64 << 52) - 1);
    let (mut m, mut e) = if biased == 0 {
        (frac, -1074)
    } else {
        (frac | (1 << 52), biased - 1075)
    };
    if m == 0 {
        return (neg, 0, 0);
    }
    let tz = m.trailing_zeros();
    m >>= tz;
    e += tz as i32;
    (neg, m, e)
}

/// Rounds `num / den` (positive) to the nearest integer, ties to even.
pub(crate) fn div_round_half_even(num: &BigUint, den: &BigUint) -> BigUint {
    let (q, r) = num.div_rem(den);
    let twice = &r << 1u32;
    if twice > *den || (twice == *den && q.bit(0)) {
        q + 1u32
    } else {
        q
    }
}

/// `round(x, ndigits)` for a float: correctly rounded, half to even on the
/// exact binary value (`round(2.675, 2) == 2.67`, `round(0.125, 2) == 0.12`).
///
/// Non-finite and zero values are returned unchanged; `ndigits > 323`
/// returns `x`, `ndigits < -308` returns a zero of `x`'s sign. Fails with
/// `OverflowError: rounded value too large to represent`. CPython clamps
/// an int `ndigits` to the `ssize_t` range first; callers saturate huge
/// values to `i64` the same way.
pub fn round_f64(x: f64, ndigits: i64) -> PyResult<f64> {
    if !x.is_finite() || x == 0.0 || ndigits > 323 {
        return Ok(x);
    }
    if ndigits < -308 {
        return Ok(0.0 * x);
    }
    let (neg, m, e) = decompose(x);
    let ten_pow = BigUint::from(10u32).pow(ndigits.unsigned_abs() as u32);
    let mut num = BigUint::from(m);
    let mut den = BigUint::one();
    if e >= 0 {
        num <<= e as u32;
    } else {
        den <<= (-e) as u32;
    }
    if ndigits >= 0 {
        num *= ten_pow;
    } else {
        den *= ten_pow;
    }
    let q = div_round_half_even(&num, &den);
    let text = format!("{}{q}e{}", if neg { "-" } else { "" }, -ndigits);
    let v: f64 = text.parse().expect("a decimal literal parses");
    if v.is_infinite() {
        return Err(PyError::overflow("rounded value too large to represent"));
    }
    Ok(v)
}

/// `float.hex(x)`: `(1.5).hex() == "0x1.8000000000000p+0"`; subnormals are
/// written `0x0.<13 digits>p-1022`, zero as `0x0.0p+0`.
pub fn hex_f64(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x.is_infinite() {
        return format!("{sign}inf");
    }
    if x == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1u64 << 52) - 1);
    let (lead, exp) = if biased == 0 {
        (0, -1022)
    } else {
        (1, biased - 1023)
    };
    let esign = if exp < 0 { '-' } else { '+' };
    format!("{sign}0x{lead}.{frac:013x}p{esign}{}", exp.unsigned_abs())
}

/// `x.as_integer_ratio()`: the reduced fraction `(n, d)` equal to `x`, `d > 0`.
///
/// Errors: `OverflowError: cannot convert Infinity to integer ratio`,
/// `ValueError: cannot convert NaN to integer ratio`.
pub fn as_integer_ratio(x: f64) -> PyResult<(BigInt, BigInt)> {
    if x.is_nan() {
        return Err(PyError::value("cannot convert NaN to integer ratio"));
    }
    if x.is_infinite() {
        return Err(PyError::overflow(
            "cannot convert Infinity to integer ratio",
        ));
    }
    let (neg, m, e) = decompose(x);
    let sign = if neg && m != 0 {
        Sign::Minus
    } else {
        Sign::Plus
    };
    let mut num = BigUint::from(m);
    let mut den = BigUint::one();
    if e >= 0 {
        num <<= e as u32;
    } else {
        den <<= (-e) as u32;
    }
    if num.is_zero() {
        return Ok((BigInt::zero(), BigInt::one()));
    }
    Ok((
        BigInt::from_biguint(sign, num),
        BigInt::from_biguint(Sign::Plus, den),
    ))
}

/// `x.is_integer()`.
pub fn is_integer(x: f64) -> bool {
    x.is_finite() && x.fract() == 0.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_on_exact_binary_value() {
        assert_eq!(round_f64(2.675, 2).unwrap(), 2.67);
        assert_eq!(round_f64(0.125, 2).unwrap(), 0.12);
        assert_eq!(round_f64(0.5, 0).unwrap(), 0.0);
        assert_eq!(round_f64(1.5, 0).unwrap(), 2.0);
        assert_eq!(round_f64(12345.0, -2).unwrap(), 12300.0);
        assert_eq!(round_f64(15.0, -1).unwrap(), 20.0);
        assert_eq!(round_f64(25.0, -1).unwrap(), 20.0);
        assert_eq!(round_f64(1e300, -300).unwrap(), 1e300);
        assert_eq!(round_f64(1.5, 400).unwrap(), 1.5);
        assert!(round_f64(-1.5, -400).unwrap().is_sign_negative());
        assert_eq!(round_f64(5e-324, 323).unwrap(), 0.0);
        assert_eq!(
            round_f64(f64::MAX, -308).unwrap_err().message,
            "rounded value too large to represent"
        );
    }

    #[test]
    fn hex_spelling() {
        assert_eq!(hex_f64(1.5), "0x1.8000000000000p+0");
        assert_eq!(hex_f64(-0.0), "-0x0.0p+0");
        assert_eq!(hex_f64(5e-324), "0x0.0000000000001p-1022");
        assert_eq!(hex_f64(1e300), "0x1.7e43c8800759cp+996");
        assert_eq!(
            hex_f64(-2.2250738585072014e-308),
            "-0x1.0000000000000p-1022"
        );
    }

    #[test]
    fn ratio_and_integer() {
        let (n, d) = as_integer_ratio(-0.75).unwrap();
        assert_eq!((n.to_string(), d.to_string()), ("-3".into(), "4".into()));
        let (n, d) = as_integer_ratio(1e20).unwrap();
        assert_eq!(
            (n.to_string(), d.to_string()),
            ("100000000000000000000".into(), "1".into())
        );
        assert_eq!(as_integer_ratio(-0.0).unwrap().0, BigInt::zero());
        assert!(as_integer_ratio(f64::NAN).is_err());
        assert!(is_integer(3.0) && !is_integer(3.5) && !is_integer(f64::INFINITY));
    }
}
