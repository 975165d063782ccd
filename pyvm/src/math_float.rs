//! The float functions of CPython 3.11's `math` module with its error
//! rules: C's libm computes the value (the same glibc functions CPython
//! calls), and the wrapper turns NaN-from-non-NaN into `ValueError: math
//! domain error` and infinity-from-finite into `OverflowError: math range
//! error` (or a domain error for functions that cannot overflow). `log`
//! accepts ints beyond the float range as CPython does.
//!
//! `gamma`/`lgamma` are CPython's own code, in [`crate::math_gamma`]. Not
//! covered: the rare errno-only errors of libm (a finite result flagged
//! `ERANGE`/`EDOM`).

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

use crate::error::{PyError, PyResult};

// SAFETY (for the declarations): these are the C99 libm functions of the
// platform's C library, which Rust's std already links; they take and
// return plain doubles and touch no memory.
unsafe extern "C" {
    fn asinh(x: f64) -> f64;
    fn acosh(x: f64) -> f64;
    fn atanh(x: f64) -> f64;
    fn erf(x: f64) -> f64;
    fn erfc(x: f64) -> f64;
    // The plain `cbrt` symbol resolves to Rust's own implementation (which
    // rounds differently); glibc exports its cbrt under this alias too.
    #[cfg_attr(target_env = "gnu", link_name = "cbrtf64")]
    fn cbrt(x: f64) -> f64;
}

/// A one-argument `math` function.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unary {
    /// `math.sqrt`.
    Sqrt,
    /// `math.exp`.
    Exp,
    /// `math.exp2`.
    Exp2,
    /// `math.expm1`.
    Expm1,
    /// `math.log` (one argument).
    Log,
    /// `math.log2`.
    Log2,
    /// `math.log10`.
    Log10,
    /// `math.log1p`.
    Log1p,
    /// `math.sin`.
    Sin,
    /// `math.cos`.
    Cos,
    /// `math.tan`.
    Tan,
    /// `math.asin`.
    Asin,
    /// `math.acos`.
    Acos,
    /// `math.atan`.
    Atan,
    /// `math.sinh`.
    Sinh,
    /// `math.cosh`.
    Cosh,
    /// `math.tanh`.
    Tanh,
    /// `math.asinh`.
    Asinh,
    /// `math.acosh`.
    Acosh,
    /// `math.atanh`.
    Atanh,
    /// `math.cbrt`.
    Cbrt,
    /// `math.erf`.
    Erf,
    /// `math.erfc`.
    Erfc,
    /// `math.fabs`.
    Fabs,
}

impl Unary {
    /// The raw libm value.
    fn eval(self, x: f64) -> f64 {
        match self {
            Unary::Sqrt => x.sqrt(),
            Unary::Exp => x.exp(),
            Unary::Exp2 => x.exp2(),
            Unary::Expm1 => x.exp_m1(),
            Unary::Log => log_special(x, f64::ln),
            Unary::Log2 => log_special(x, f64::log2),
            Unary::Log10 => log_special(x, f64::log10),
            // log1p(±0) keeps the sign of zero.
            Unary::Log1p => {
                if x == 0.0 {
                    x
                } else {
                    x.ln_1p()
                }
            }
            Unary::Sin => x.sin(),
            Unary::Cos => x.cos(),
            Unary::Tan => x.tan(),
            Unary::Asin => x.asin(),
            Unary::Acos => x.acos(),
            Unary::Atan => x.atan(),
            Unary::Sinh => x.sinh(),
            Unary::Cosh => x.cosh(),
            Unary::Tanh => x.tanh(),
            // SAFETY: a pure libm function on a double (see the
            // declarations).
            Unary::Asinh => unsafe { asinh(x) },
            // SAFETY: as above.
            Unary::Acosh => unsafe { acosh(x) },
            // SAFETY: as above.
            Unary::Atanh => unsafe { atanh(x) },
            // SAFETY: as above.
            Unary::Cbrt => unsafe { cbrt(x) },
            // SAFETY: as above.
            Unary::Erf => unsafe { erf(x) },
            // SAFETY: as above.
            Unary::Erfc => unsafe { erfc(x) },
            Unary::Fabs => x.abs(),
        }
    }

    /// Whether an infinite result from a finite argument is an overflow
    /// (else a domain error).
    fn can_overflow(self) -> bool {
        matches!(
            self,
            Unary::Exp | Unary::Exp2 | Unary::Expm1 | Unary::Sinh | Unary::Cosh
        )
    }
}

/// CPython's `m_log`-style wrappers: `-inf` for 0, NaN below 0 (both
/// become domain errors), `inf` for `inf`.
fn log_special(x: f64, f: fn(f64) -> f64) -> f64 {
    if x.is_finite() {
        if x > 0.0 {
            f(x)
        } else if x == 0.0 {
            f64::NEG_INFINITY
        } else {
            f64::NAN
        }
    } else if x.is_nan() || x > 0.0 {
        x
    } else {
        f64::NAN
    }
}

fn domain_error() -> PyError {
    PyError::value("math domain error")
}

fn range_error() -> PyError {
    PyError::overflow("math range error")
}

/// `math.<f>(x)` for a float argument, with CPython's error rules.
pub fn math_unary(f: Unary, x: f64) -> PyResult<f64> {
    let r = f.eval(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain_error());
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if f.can_overflow() {
            range_error()
        } else {
            domain_error()
        });
    }
    Ok(r)
}

/// `math.log(n)`, `math.log2(n)`, `math.log10(n)` for an int, also beyond
/// the float range (`math.log(10**400)`). `f` must be `Log`, `Log2` or
/// `Log10`. Non-positive ints are a domain error.
pub fn math_log_int(f: Unary, n: &BigInt) -> PyResult<f64> {
    debug_assert!(matches!(f, Unary::Log | Unary::Log2 | Unary::Log10));
    if !n.is_positive() {
        return Err(domain_error());
    }
    match crate::int_ops::int_to_f64(n) {
        Ok(x) => Ok(f.eval(x)),
        Err(_) => {
            // n ≈ m · 2^e with m in [0.5, 1): log(n) = log(m) + log(2)·e.
            let e = n.bits();
            let shift = e - 60;
            let top = (n.magnitude() >> shift).to_u128().expect("60 bits");
            let sticky = n.magnitude().trailing_zeros().is_some_and(|tz| tz < shift);
            let m = crate::float_parse::round_to_double(top, -60, sticky).expect("below 1");
            Ok(f.eval(m) + f.eval(2.0) * e as f64)
        }
    }
}

/// `math.log(x, base)` from the two logarithms (`math_log_int` or
/// `math_unary(Log, ..)` of each): `ZeroDivisionError: float division by
/// zero` for a base whose log is 0.
pub fn math_log_base(log_x: f64, log_base: f64) -> PyResult<f64> {
    crate::float_arith::float_div(log_x, log_base)
}

/// `math.pow(x, y)`: C99 special values handled directly, then libm;
/// domain error for a negative base with a non-integral exponent and for
/// 0 to a negative power, range error on overflow.
pub fn math_pow(x: f64, y: f64) -> PyResult<f64> {
    if !x.is_finite() || !y.is_finite() {
        let r = if x.is_nan() {
            if y == 0.0 { 1.0 } else { x }
        } else if y.is_nan() {
            if x == 1.0 { 1.0 } else { y }
        } else if x.is_infinite() {
            let odd_y = y.is_finite() && (y.abs() % 2.0) == 1.0;
            if y > 0.0 {
                if odd_y { x } else { x.abs() }
            } else if y == 0.0 {
                1.0
            } else if odd_y {
                0.0f64.copysign(x)
            } else {
                0.0
            }
        } else if x.abs() == 1.0 {
            1.0
        } else if (y > 0.0 && x.abs() > 1.0) || (y < 0.0 && x.abs() < 1.0) {
            f64::INFINITY
        } else {
            0.0
        };
        return Ok(r);
    }
    let r = x.powf(y);
    if r.is_nan() {
        return Err(domain_error());
    }
    if r.is_infinite() {
        return Err(if x == 0.0 {
            domain_error()
        } else {
            range_error()
        });
    }
    Ok(r)
}

/// `math.fmod(x, y)`: the C remainder (sign of `x`); domain error when
/// the result is NaN from non-NaN arguments.
pub fn math_fmod(x: f64, y: f64) -> PyResult<f64> {
    if y.is_infinite() && x.is_finite() {
        return Ok(x);
    }
    let r = x % y;
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain_error());
    }
    Ok(r)
}

/// `math.remainder(x, y)`: the IEEE 754 remainder `x - n·y` with `n` the
/// integer nearest `x / y` (ties to even), computed exactly as CPython does;
/// `ValueError: math domain error` for `y == 0` or infinite `x`.
pub fn math_remainder(x: f64, y: f64) -> PyResult<f64> {
    let r = if x.is_finite() && y.is_finite() {
        if y == 0.0 {
            f64::NAN
        } else {
            let (ax, ay) = (x.abs(), y.abs());
            let m = ax % ay;
            // Compare m with ay - m instead of 0.5·ay, which may underflow.
            let c = ay - m;
            let r = if m < c {
                m
            } else if m > c {
                -c
            } else {
                // Halfway: pick the even multiple.
                m - 2.0 * ((0.5 * (ax - m)) % ay)
            };
            1.0f64.copysign(x) * r
        }
    } else if x.is_nan() {
        x
    } else if y.is_nan() {
        y
    } else if x.is_infinite() {
        f64::NAN
    } else {
        x
    };
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain_error());
    }
    Ok(r)
}

/// `math.nextafter(x, y)`: the next float after `x` towards `y`.
pub fn math_nextafter(x: f64, y: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        return f64::NAN;
    }
    if x == y {
        return y;
    }
    if x == 0.0 {
        return f64::from_bits(1).copysign(y);
    }
    let bits = x.to_bits();
    // Moving away from zero increments the magnitude bits.
    let away = (y > x) == (x > 0.0);
    f64::from_bits(if away { bits + 1 } else { bits - 1 })
}

/// `math.copysign(x, y)`.
pub fn math_copysign(x: f64, y: f64) -> f64 {
    x.copysign(y)
}

/// `math.atan2(y, x)`.
pub fn math_atan2(y: f64, x: f64) -> f64 {
    y.atan2(x)
}

/// `math.ldexp(x, i)`: `x · 2^i`, `OverflowError: math range error` on
/// overflow; huge negative exponents give a zero of `x`'s sign.
pub fn math_ldexp(x: f64, i: &BigInt) -> PyResult<f64> {
    if x == 0.0 || !x.is_finite() {
        return Ok(x);
    }
    let Some(e) = i.to_i64() else {
        return if i.is_negative() {
            Ok(0.0f64.copysign(x))
        } else {
            Err(range_error())
        };
    };
    let e = e.clamp(-100_000, 100_000);
    let r = crate::float_parse::scale_pow2(x, e);
    if r.is_infinite() {
        return Err(range_error());
    }
    Ok(r)
}

/// `math.frexp(x)`: `(m, e)` with `x == m · 2^e`, `0.5 <= |m| < 1`
/// (`(x, 0)` for zeros, infinities and NaN).
pub fn math_frexp(x: f64) -> (f64, i32) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let (neg, m, e) = crate::float_ops::decompose(x);
    let bits = 64 - m.leading_zeros() as i32;
    let mant = m as f64 / 2f64.powi(bits);
    (if neg { -mant } else { mant }, e + bits)
}

/// `math.modf(x)`: `(fractional, integral)` parts, both with `x`'s sign.
pub fn math_modf(x: f64) -> (f64, f64) {
    if x.is_infinite() {
        return (0.0f64.copysign(x), x);
    }
    if x.is_nan() {
        return (x, x);
    }
    let int = x.trunc();
    ((x - int).copysign(x), int)
}

/// `math.hypot(*coords)`: the Euclidean norm, computed as CPython 3.11's
/// `vector_norm` does (exact scaling by a power of two, the squares
/// accumulated in extended precision, one correction step), so results
/// match CPython to the last bit. Infinities win over NaN.
pub fn math_hypot(coords: &[f64]) -> f64 {
    let mut max = 0.0f64;
    let mut found_nan = false;
    let abs: Vec<f64> = coords
        .iter()
        .map(|x| {
            let a = x.abs();
            found_nan |= a.is_nan();
            if a > max {
                max = a;
            }
            a
        })
        .collect();
    vector_norm(abs, max, found_nan)
}

/// `math.dist(p, q)`; `ValueError: both points must have the same number
/// of dimensions`.
pub fn math_dist(p: &[f64], q: &[f64]) -> PyResult<f64> {
    if p.len() != q.len() {
        return Err(PyError::value(
            "both points must have the same number of dimensions",
        ));
    }
    let diffs: Vec<f64> = p.iter().zip(q).map(|(a, b)| a - b).collect();
    Ok(math_hypot(&diffs))
}

/// Splits `x` into a high half (26 significant bits) and the rest.
fn split(x: f64) -> (f64, f64) {
    const T27: f64 = 134_217_729.0; // 2^27 + 1
    let t = x * T27;
    let hi = t - (t - x);
    (hi, x - hi)
}

/// Adds `x` to the running sum `csum`, collecting the rounding error.
fn add_exact(csum: &mut f64, frac: &mut f64, x: f64) {
    let old = *csum;
    *csum += x;
    *frac += (old - *csum) + x;
}

fn vector_norm(mut vec: Vec<f64>, max: f64, found_nan: bool) -> f64 {
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || vec.len() <= 1 {
        return max;
    }
    let (_, max_e) = math_frexp(max);
    if max_e < -1023 {
        // Subnormal maximum: scale everything up by DBL_MIN first.
        for x in &mut vec {
            *x /= f64::MIN_POSITIVE;
        }
        return f64::MIN_POSITIVE * vector_norm(vec, max / f64::MIN_POSITIVE, found_nan);
    }
    let scale = crate::float_parse::scale_pow2(1.0, -i64::from(max_e));
    let (mut csum, mut frac1, mut frac2, mut frac3) = (1.0f64, 0.0f64, 0.0f64, 0.0f64);
    for &v in &vec {
        let (hi, lo) = split(v * scale);
        add_exact(&mut csum, &mut frac1, hi * hi);
        add_exact(&mut csum, &mut frac2, 2.0 * hi * lo);
        frac3 += lo * lo;
    }
    let h = (csum - 1.0 + (frac1 + frac2 + frac3)).sqrt();
    // One Newton step on the residual, computed exactly the same way.
    let (hi, lo) = split(h);
    add_exact(&mut csum, &mut frac1, -hi * hi);
    add_exact(&mut csum, &mut frac2, -2.0 * hi * lo);
    add_exact(&mut csum, &mut frac3, -lo * lo);
    let x = csum - 1.0 + (frac1 + frac2 + frac3);
    (h + x / (2.0 * h)) / scale
}

/// `math.isclose(a, b, rel_tol=, abs_tol=)`;
/// `ValueError: tolerances must be non-negative`.
pub fn math_isclose(a: f64, b: f64, rel_tol: f64, abs_tol: f64) -> PyResult<bool> {
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(PyError::value("tolerances must be non-negative"));
    }
    if a == b {
        return Ok(true);
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(false);
    }
    let diff = (b - a).abs();
    Ok(diff <= (rel_tol * b).abs() || diff <= (rel_tol * a).abs() || diff <= abs_tol)
}

/// `math.ulp(x)`: the distance from `|x|` to the next larger float (the
/// previous one for the largest float).
pub fn math_ulp(x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    let x = x.abs();
    if x.is_infinite() {
        return x;
    }
    let up = f64::from_bits(x.to_bits() + 1);
    if up.is_infinite() {
        x - f64::from_bits(x.to_bits() - 1)
    } else {
        up - x
    }
}

/// `math.degrees(x)`.
pub fn math_degrees(x: f64) -> f64 {
    x * (180.0 / std::f64::consts::PI)
}

/// `math.radians(x)`.
pub fn math_radians(x: f64) -> f64 {
    x * (std::f64::consts::PI / 180.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_rules() {
        assert_eq!(
            math_unary(Unary::Sqrt, -1.0).unwrap_err().message,
            "math domain error"
        );
        assert_eq!(
            math_unary(Unary::Exp, 1000.0).unwrap_err().message,
            "math range error"
        );
        assert_eq!(math_unary(Unary::Exp, -1000.0).unwrap(), 0.0);
        assert_eq!(
            math_unary(Unary::Log, 0.0).unwrap_err().message,
            "math domain error"
        );
        assert_eq!(
            math_unary(Unary::Log, f64::INFINITY).unwrap(),
            f64::INFINITY
        );
        assert_eq!(
            math_unary(Unary::Atanh, 1.0).unwrap_err().message,
            "math domain error"
        );
        assert_eq!(
            math_unary(Unary::Cosh, 1000.0).unwrap_err().message,
            "math range error"
        );
        assert!(math_unary(Unary::Tan, f64::INFINITY).is_err());
        assert_eq!(math_unary(Unary::Asinh, 1e-300).unwrap(), 1e-300);
    }

    #[test]
    fn logs_of_big_ints() {
        let big = BigInt::from(10).pow(400);
        assert_eq!(math_log_int(Unary::Log, &big).unwrap(), 921.0340371976182);
        assert_eq!(
            math_log_int(Unary::Log10, &BigInt::from(10).pow(500)).unwrap(),
            500.0
        );
        assert_eq!(
            math_log_int(Unary::Log2, &(BigInt::from(1) << 2000u32)).unwrap(),
            2000.0
        );
        assert!(math_log_int(Unary::Log, &BigInt::from(0)).is_err());
        let l8 = math_log_int(Unary::Log, &BigInt::from(8)).unwrap();
        let l2 = math_log_int(Unary::Log, &BigInt::from(2)).unwrap();
        assert_eq!(math_log_base(l8, l2).unwrap(), 3.0);
        assert!(math_log_base(l2, 0.0).is_err());
    }

    #[test]
    fn two_argument_functions() {
        assert_eq!(
            math_pow(0.0, -1.0).unwrap_err().message,
            "math domain error"
        );
        assert_eq!(
            math_pow(-8.0, 1.0 / 3.0).unwrap_err().message,
            "math domain error"
        );
        assert_eq!(
            math_pow(10.0, 400.0).unwrap_err().message,
            "math range error"
        );
        assert_eq!(math_pow(f64::NAN, 0.0).unwrap(), 1.0);
        assert_eq!(
            math_fmod(1.0, 0.0).unwrap_err().message,
            "math domain error"
        );
        assert_eq!(math_fmod(1.0, f64::INFINITY).unwrap(), 1.0);
        assert_eq!(
            math_ldexp(1.0, &BigInt::from(2000)).unwrap_err().message,
            "math range error"
        );
        assert_eq!(math_ldexp(1.0, &-BigInt::from(10).pow(30)).unwrap(), 0.0);
        assert_eq!(math_frexp(8.0), (0.5, 4));
        assert_eq!(math_frexp(-0.75), (-0.75, 0));
        assert_eq!(math_modf(-2.5), (-0.5, -2.0));
        assert_eq!(math_ulp(1.0), f64::EPSILON);
        assert_eq!(math_ulp(f64::MAX), 1.99584030953472e292);
        assert!(math_isclose(1.0, 1.0000000001, 1e-9, 0.0).unwrap());
        assert!(math_isclose(1.0, 2.0, -1.0, 0.0).is_err());
        assert_eq!(math_remainder(5.0, 2.0).unwrap(), 1.0);
        assert_eq!(math_remainder(7.0, 2.0).unwrap(), -1.0);
        assert_eq!(math_remainder(-5.0, 2.0).unwrap(), -1.0);
        assert!(math_remainder(1.0, 0.0).is_err());
        assert_eq!(math_nextafter(1.0, 2.0), 1.0 + f64::EPSILON);
        assert_eq!(math_nextafter(0.0, -1.0), -5e-324);
        assert_eq!(math_nextafter(-1.0, 0.0), -1.0 + f64::EPSILON / 2.0);
    }
}
