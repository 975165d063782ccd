//! Int arithmetic with Python's rules and CPython 3.11's errors: floor
//! division and modulo, `pow` (with modulus and modular inverse), shifts,
//! `bit_length`/`bit_count`, `to_bytes`/`from_bytes`, correctly rounded true
//! division and the conversions between `int` and `float`.

use num_bigint::{BigInt, BigUint, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::error::{PyError, PyResult};
use crate::float_ops::decompose;
use crate::float_parse::round_to_double;

/// `a // b` (rounds toward negative infinity).
pub fn floor_div(a: &BigInt, b: &BigInt) -> PyResult<BigInt> {
    if b.is_zero() {
        return Err(PyError::zero_division("integer division or modulo by zero"));
    }
    Ok(a.div_floor(b))
}

/// `a % b` (the result has the sign of `b`).
pub fn modulo(a: &BigInt, b: &BigInt) -> PyResult<BigInt> {
    if b.is_zero() {
        return Err(PyError::zero_division("integer modulo by zero"));
    }
    Ok(a.mod_floor(b))
}

/// `divmod(a, b)`.
pub fn divmod(a: &BigInt, b: &BigInt) -> PyResult<(BigInt, BigInt)> {
    if b.is_zero() {
        return Err(PyError::zero_division("integer division or modulo by zero"));
    }
    Ok(a.div_mod_floor(b))
}

/// The result of `int ** int`: an int, or a float for negative exponents.
#[derive(Clone, Debug, PartialEq)]
pub enum PowResult {
    /// Non-negative exponent (or any exponent with a modulus).
    Int(BigInt),
    /// Negative exponent without modulus: computed as `float ** float`.
    Float(f64),
}

/// Exponents above this many result bits fail with `MemoryError` instead
/// of trying to allocate (CPython would try and fail the same way).
const MAX_RESULT_BITS: u64 = 1 << 36;

/// `base ** exp` (`pow(base, exp)`).
pub fn pow_int(base: &BigInt, exp: &BigInt) -> PyResult<PowResult> {
    if exp.is_negative() {
        let b = int_to_f64(base)?;
        if b == 0.0 {
            return Err(PyError::zero_division(
                "0.0 cannot be raised to a negative power",
            ));
        }
        let e = int_to_f64(exp)?;
        return Ok(PowResult::Float(b.powf(e)));
    }
    let abs = base.magnitude();
    if abs.is_zero() || abs.is_one() {
        let odd = exp.is_odd();
        let v = if abs.is_zero() {
            if exp.is_zero() {
                BigInt::one()
            } else {
                BigInt::zero()
            }
        } else if base.is_negative() && odd {
            -BigInt::one()
        } else {
            BigInt::one()
        };
        return Ok(PowResult::Int(v));
    }
    let e = exp
        .to_u64()
        .filter(|e| e.saturating_mul(abs.bits() - 1) < MAX_RESULT_BITS);
    let e = e.ok_or_else(|| PyError {
        kind: crate::ErrorKind::MemoryError,
        message: String::new(),
    })?;
    Ok(PowResult::Int(num_traits::pow::Pow::pow(base, e)))
}

/// `pow(base, exp, modulus)`; a negative `exp` uses the modular inverse.
///
/// Errors: `ValueError: pow() 3rd argument cannot be 0`,
/// `ValueError: base is not invertible for the given modulus`.
pub fn pow_mod(base: &BigInt, exp: &BigInt, modulus: &BigInt) -> PyResult<BigInt> {
    if modulus.is_zero() {
        return Err(PyError::value("pow() 3rd argument cannot be 0"));
    }
    let negative_out = modulus.is_negative();
    let m = modulus.abs();
    if m.is_one() {
        return Ok(BigInt::zero());
    }
    let mut b = base.mod_floor(&m);
    let mut e = exp.clone();
    if e.is_negative() {
        b = mod_inverse(&b, &m)
            .ok_or_else(|| PyError::value("base is not invertible for the given modulus"))?;
        e = -e;
    }
    let mut r = b.modpow(&e, &m);
    if negative_out && !r.is_zero() {
        r -= &m;
    }
    Ok(r)
}

/// The inverse of `a` modulo `m` (`m > 1`, `0 <= a < m`), if any.
fn mod_inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    let g = a.extended_gcd(m);
    g.gcd.is_one().then(|| g.x.mod_floor(m))
}

fn shift_count(n: &BigInt) -> PyResult<u64> {
    if n.is_negative() {
        return Err(PyError::value("negative shift count"));
    }
    n.to_u64()
        .filter(|v| *v <= i64::MAX as u64)
        .ok_or_else(|| PyError::overflow("too many digits in integer"))
}

/// `a << n`.
pub fn shift_left(a: &BigInt, n: &BigInt) -> PyResult<BigInt> {
    if a.is_zero() {
        if n.is_negative() {
            return Err(PyError::value("negative shift count"));
        }
        return Ok(BigInt::zero());
    }
    let n = shift_count(n)?;
    if n.saturating_add(a.bits()) > MAX_RESULT_BITS {
        return Err(PyError {
            kind: crate::ErrorKind::MemoryError,
            message: String::new(),
        });
    }
    Ok(a << n)
}

/// `a >> n` (rounds toward negative infinity, so `-1 >> n == -1`).
pub fn shift_right(a: &BigInt, n: &BigInt) -> PyResult<BigInt> {
    if n.is_negative() {
        return Err(PyError::value("negative shift count"));
    }
    match n.to_u64() {
        Some(n) if n < a.bits() => Ok(a >> n),
        _ => Ok(if a.is_negative() {
            -BigInt::one()
        } else {
            BigInt::zero()
        }),
    }
}

/// `n.bit_length()`.
pub fn bit_length(n: &BigInt) -> u64 {
    n.bits()
}

/// `n.bit_count()`: the number of ones in `abs(n)`.
pub fn bit_count(n: &BigInt) -> u64 {
    n.magnitude()
        .iter_u64_digits()
        .map(|d| u64::from(d.count_ones()))
        .sum()
}

/// Byte order for `to_bytes` / `from_bytes`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ByteOrder {
    /// Most significant byte first.
    Big,
    /// Least significant byte first.
    Little,
}

impl ByteOrder {
    /// Parses `'big'` / `'little'` with CPython's error.
    pub fn parse(s: &str) -> PyResult<Self> {
        match s {
            "big" => Ok(ByteOrder::Big),
            "little" => Ok(ByteOrder::Little),
            _ => Err(PyError::value("byteorder must be either 'little' or 'big'")),
        }
    }
}

/// `n.to_bytes(length, byteorder, signed=signed)`.
///
/// Errors: `ValueError: length argument must be non-negative`,
/// `OverflowError: can't convert negative int to unsigned`,
/// `OverflowError: int too big to convert`.
pub fn to_bytes(n: &BigInt, length: i64, order: ByteOrder, signed: bool) -> PyResult<Vec<u8>> {
    if length < 0 {
        return Err(PyError::value("length argument must be non-negative"));
    }
    if !signed && n.is_negative() {
        return Err(PyError::overflow("can't convert negative int to unsigned"));
    }
    let too_big = || PyError::overflow("int too big to convert");
    let length = usize::try_from(length).map_err(|_| too_big())?;
    let mut le = n.to_signed_bytes_le();
    if !signed && le.len() > 1 && *le.last().expect("non-empty") == 0 {
        le.pop();
    }
    // CPython quirk: -1 needs no bytes at all, and 0 has no bytes.
    let minimal: &[u8] = if n.is_zero() || (n == &-BigInt::one() && length == 0) {
        &[]
    } else {
        &le
    };
    if minimal.len() > length {
        return Err(too_big());
    }
    let fill = if n.is_negative() { 0xff } else { 0 };
    let mut out = minimal.to_vec();
    out.resize(length, fill);
    if order == ByteOrder::Big {
        out.reverse();
    }
    Ok(out)
}

/// `int.from_bytes(bytes, byteorder, signed=signed)`.
pub fn from_bytes(bytes: &[u8], order: ByteOrder, signed: bool) -> BigInt {
    match (order, signed) {
        (ByteOrder::Big, true) => BigInt::from_signed_bytes_be(bytes),
        (ByteOrder::Little, true) => BigInt::from_signed_bytes_le(bytes),
        (ByteOrder::Big, false) => BigInt::from_bytes_be(Sign::Plus, bytes),
        (ByteOrder::Little, false) => BigInt::from_bytes_le(Sign::Plus, bytes),
    }
}

/// `|n|` as the nearest double with `sticky` rounding, or `None` on overflow.
fn magnitude_to_f64(n: &BigUint, extra_shift: i64, sticky: bool) -> Option<f64> {
    let len = n.bits();
    if len <= 120 {
        let m = n.to_u128().expect("fits");
        return round_to_double(m, extra_shift, sticky);
    }
    let shift = len - 120;
    let m = (n >> shift).to_u128().expect("fits");
    let low_nonzero = n.trailing_zeros().is_some_and(|tz| tz < shift);
    round_to_double(m, shift as i64 + extra_shift, sticky || low_nonzero)
}

/// `float(n)`, correctly rounded; `OverflowError: int too large to convert
/// to float`.
pub fn int_to_f64(n: &BigInt) -> PyResult<f64> {
    let v = magnitude_to_f64(n.magnitude(), 0, false)
        .ok_or_else(|| PyError::overflow("int too large to convert to float"))?;
    Ok(if n.is_negative() { -v } else { v })
}

/// `a / b` for ints, correctly rounded (`(10**500 + 1) / 10**100` is exact to
/// the last bit). Errors: `ZeroDivisionError: division by zero`,
/// `OverflowError: integer division result too large for a float`.
pub fn true_div(a: &BigInt, b: &BigInt) -> PyResult<f64> {
    if b.is_zero() {
        return Err(PyError::zero_division("division by zero"));
    }
    let negative = a.is_negative() != b.is_negative();
    let (x, y) = (a.magnitude(), b.magnitude());
    let v = if x.bits() <= 53 && y.bits() <= 53 {
        x.to_f64().expect("small") / y.to_f64().expect("small")
    } else {
        // q = floor(x·2^s / y) carries at least 66 significant bits.
        let s = 66 - (x.bits() as i64 - y.bits() as i64);
        let (num, den) = if s >= 0 {
            (x << s as u64, y.clone())
        } else {
            (x.clone(), y << (-s) as u64)
        };
        let (q, r) = num.div_rem(&den);
        magnitude_to_f64(&q, -s, !r.is_zero())
            .ok_or_else(|| PyError::overflow("integer division result too large for a float"))?
    };
    Ok(if negative { -v } else { v })
}

/// Compares an int with a float exactly, as CPython's `int < float` and
/// `int == float` do (`2**53 + 1 > 2.0**53`); `None` when `x` is NaN.
pub fn cmp_int_f64(n: &BigInt, x: f64) -> Option<std::cmp::Ordering> {
    use std::cmp::Ordering;
    if x.is_nan() {
        return None;
    }
    if x.is_infinite() {
        return Some(if x > 0.0 {
            Ordering::Less
        } else {
            Ordering::Greater
        });
    }
    let (neg, m, e) = decompose(x);
    let mag = BigUint::from(m);
    let sign = if neg && m != 0 {
        Sign::Minus
    } else {
        Sign::Plus
    };
    let xv = BigInt::from_biguint(sign, mag);
    Some(if e >= 0 {
        n.cmp(&(xv << e as u32))
    } else {
        (n << (-e) as u32).cmp(&xv)
    })
}

/// `int(x)` for a float: truncates toward zero. Errors:
/// `OverflowError: cannot convert float infinity to integer`,
/// `ValueError: cannot convert float NaN to integer`.
pub fn f64_to_int(x: f64) -> PyResult<BigInt> {
    if x.is_nan() {
        return Err(PyError::value("cannot convert float NaN to integer"));
    }
    if x.is_infinite() {
        return Err(PyError::overflow(
            "cannot convert float infinity to integer",
        ));
    }
    let (neg, m, e) = decompose(x.trunc());
    let mag = if e >= 0 {
        BigUint::from(m) << e as u32
    } else {
        BigUint::from(m >> (-e) as u32)
    };
    let sign = if neg { Sign::Minus } else { Sign::Plus };
    Ok(BigInt::from_biguint(sign, mag))
}

/// `round(n, ndigits)` for an int: `n` itself for `ndigits >= 0`, else the
/// nearest multiple of `10**-ndigits`, ties to even (`round(12350, -2) ==
/// 12400`, `round(12250, -2) == 12200`).
pub fn round_int(n: &BigInt, ndigits: &BigInt) -> BigInt {
    if !ndigits.is_negative() {
        return n.clone();
    }
    // 10^k > 2·|n| makes the result 0 without building a huge power.
    let k = ndigits.magnitude();
    if k.to_u64()
        .is_none_or(|k| k as f64 * std::f64::consts::LOG2_10 > n.bits() as f64 + 2.0)
    {
        return BigInt::zero();
    }
    let p = num_traits::pow::Pow::pow(&BigInt::from(10u32), k.to_u64().expect("checked"));
    let (q, r) = n.div_mod_floor(&p);
    let twice = &r << 1u32;
    if twice > p || (twice == p && q.is_odd()) {
        n - r + p
    } else {
        n - r
    }
}

/// `math.floor(x)` for a float, as an int (errors as [`f64_to_int`]).
pub fn floor_f64_to_int(x: f64) -> PyResult<BigInt> {
    f64_to_int(x.floor())
}

/// `math.ceil(x)` for a float, as an int (errors as [`f64_to_int`]).
pub fn ceil_f64_to_int(x: f64) -> PyResult<BigInt> {
    f64_to_int(x.ceil())
}

/// `round(x)` for a float (no `ndigits`): the nearest int, ties to even.
pub fn round_f64_to_int(x: f64) -> PyResult<BigInt> {
    let r = x.round_ties_even();
    f64_to_int(r)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(v: i64) -> BigInt {
        BigInt::from(v)
    }

    #[test]
    fn floor_rules() {
        assert_eq!(floor_div(&n(-5), &n(3)).unwrap(), n(-2));
        assert_eq!(modulo(&n(5), &n(-3)).unwrap(), n(-1));
        assert_eq!(divmod(&n(-7), &n(2)).unwrap(), (n(-4), n(1)));
        assert_eq!(
            modulo(&n(1), &n(0)).unwrap_err().message,
            "integer modulo by zero"
        );
        assert_eq!(
            floor_div(&n(1), &n(0)).unwrap_err().message,
            "integer division or modulo by zero"
        );
    }

    #[test]
    fn powers() {
        assert_eq!(pow_mod(&n(3), &n(-1), &n(7)).unwrap(), n(5));
        assert_eq!(pow_mod(&n(2), &n(5), &n(-7)).unwrap(), n(-3));
        assert_eq!(pow_mod(&n(-2), &n(5), &n(7)).unwrap(), n(3));
        assert_eq!(pow_mod(&n(3), &n(-2), &n(-7)).unwrap(), n(-3));
        assert_eq!(pow_mod(&n(2), &n(-1), &n(1)).unwrap(), n(0));
        assert_eq!(pow_mod(&n(-8), &n(-1), &n(5)).unwrap(), n(3));
        assert_eq!(
            pow_mod(&n(2), &n(-1), &n(4)).unwrap_err().message,
            "base is not invertible for the given modulus"
        );
        assert_eq!(
            pow_mod(&n(2), &n(3), &n(0)).unwrap_err().message,
            "pow() 3rd argument cannot be 0"
        );
        assert_eq!(pow_int(&n(2), &n(-1)).unwrap(), PowResult::Float(0.5));
        assert_eq!(pow_int(&n(-1), &n(-3)).unwrap(), PowResult::Float(-1.0));
        assert_eq!(
            pow_int(&n(0), &n(-1)).unwrap_err().message,
            "0.0 cannot be raised to a negative power"
        );
        assert_eq!(pow_int(&n(-3), &n(3)).unwrap(), PowResult::Int(n(-27)));
        assert_eq!(
            pow_int(&n(-1), &BigInt::from(10).pow(30)).unwrap(),
            PowResult::Int(n(1))
        );
    }

    #[test]
    fn shifts_and_bits() {
        assert_eq!(
            shift_left(&n(1), &n(-1)).unwrap_err().message,
            "negative shift count"
        );
        let huge = BigInt::one() << 70u32;
        assert_eq!(
            shift_left(&n(1), &huge).unwrap_err().message,
            "too many digits in integer"
        );
        assert_eq!(shift_left(&n(0), &huge).unwrap(), n(0));
        assert_eq!(shift_right(&n(-1), &huge).unwrap(), n(-1));
        assert_eq!(shift_right(&n(-5), &n(1)).unwrap(), n(-3));
        assert_eq!(bit_length(&n(-255)), 8);
        assert_eq!(bit_count(&n(-255)), 8);
    }

    #[test]
    fn bytes_roundtrip_and_errors() {
        assert_eq!(
            to_bytes(&n(256), 1, ByteOrder::Big, false)
                .unwrap_err()
                .message,
            "int too big to convert"
        );
        assert_eq!(
            to_bytes(&n(-1), 1, ByteOrder::Big, false)
                .unwrap_err()
                .message,
            "can't convert negative int to unsigned"
        );
        assert_eq!(
            to_bytes(&n(-1), 0, ByteOrder::Big, true).unwrap(),
            Vec::<u8>::new()
        );
        assert!(to_bytes(&n(-2), 0, ByteOrder::Big, true).is_err());
        assert_eq!(
            to_bytes(&n(-128), 1, ByteOrder::Big, true).unwrap(),
            vec![0x80]
        );
        assert!(to_bytes(&n(128), 1, ByteOrder::Big, true).is_err());
        assert_eq!(
            to_bytes(&n(255), 1, ByteOrder::Big, false).unwrap(),
            vec![0xff]
        );
        assert_eq!(
            to_bytes(&n(-2), 3, ByteOrder::Little, true).unwrap(),
            vec![0xfe, 0xff, 0xff]
        );
        assert_eq!(from_bytes(&[0xff, 0x00], ByteOrder::Little, true), n(255));
        assert_eq!(from_bytes(&[], ByteOrder::Big, true), n(0));
        assert_eq!(
            ByteOrder::parse("middle").unwrap_err().message,
            "byteorder must be either 'little' or 'big'"
        );
    }

    #[test]
    fn int_rounding() {
        let r = |v: i64, d: i64| round_int(&n(v), &n(d));
        assert_eq!(r(12345, -2), n(12300));
        assert_eq!(r(12350, -2), n(12400));
        assert_eq!(r(12250, -2), n(12200));
        assert_eq!(r(-12350, -2), n(-12400));
        assert_eq!(r(15, -1), n(20));
        assert_eq!(r(5, 1), n(5));
        assert_eq!(r(5, -1), n(0));
        assert_eq!(r(7, -1000), n(0));
        assert_eq!(round_int(&n(7), &-(BigInt::one() << 80u32)), n(0));
    }

    #[test]
    fn int_float_comparison_is_exact() {
        use std::cmp::Ordering::*;
        let big = (BigInt::one() << 53u32) + 1;
        assert_eq!(cmp_int_f64(&big, 2f64.powi(53)), Some(Greater));
        assert_eq!(
            cmp_int_f64(&(BigInt::one() << 53u32), 2f64.powi(53)),
            Some(Equal)
        );
        assert_eq!(cmp_int_f64(&n(0), -0.0), Some(Equal));
        assert_eq!(cmp_int_f64(&n(-1), -0.5), Some(Less));
        assert_eq!(cmp_int_f64(&n(2), 1.5), Some(Greater));
        assert_eq!(
            cmp_int_f64(&BigInt::from(10).pow(400), f64::INFINITY),
            Some(Less)
        );
        assert_eq!(cmp_int_f64(&n(1), f64::NAN), None);
    }

    #[test]
    fn float_conversions() {
        let big = BigInt::from(10).pow(400);
        assert_eq!(
            int_to_f64(&big).unwrap_err().message,
            "int too large to convert to float"
        );
        assert_eq!(true_div(&big, &BigInt::from(10).pow(399)).unwrap(), 10.0);
        assert_eq!(true_div(&n(1), &big).unwrap(), 0.0);
        assert!(true_div(&n(0), &n(-5)).unwrap().is_sign_negative());
        let near = (BigInt::one() << 1024u32) - (BigInt::one() << 970u32);
        assert!(true_div(&near, &n(1)).is_err());
        assert_eq!(
            int_to_f64(&((BigInt::one() << 1024u32) - (BigInt::one() << 971u32))).unwrap(),
            f64::MAX
        );
        assert_eq!(f64_to_int(-2.5).unwrap(), n(-2));
        assert_eq!(
            f64_to_int(1e20).unwrap().to_string(),
            "100000000000000000000"
        );
        assert_eq!(round_f64_to_int(2.5).unwrap(), n(2));
        assert_eq!(floor_f64_to_int(-0.5).unwrap(), n(-1));
        assert_eq!(ceil_f64_to_int(-0.5).unwrap(), n(0));
        assert!(ceil_f64_to_int(f64::NAN).is_err());
        assert_eq!(round_f64_to_int(-3.5).unwrap(), n(-4));
        assert!(f64_to_int(f64::NAN).is_err());
    }
}
