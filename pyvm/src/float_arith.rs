//! Float arithmetic with Python's rules and CPython 3.11's errors: `%`,
//! `//` and `divmod` (result signs follow the divisor), `/`, and `**` with
//! CPython's special cases.

use crate::error::{PyError, PyResult};

/// `a / b`; `ZeroDivisionError: float division by zero`.
pub fn float_div(a: f64, b: f64) -> PyResult<f64> {
    if b == 0.0 {
        return Err(PyError::zero_division("float division by zero"));
    }
    Ok(a / b)
}

/// `a % b`: the result has the sign of `b` (`-5.0 % 3 == 1.0`, and a zero
/// result takes the sign of `b`). `ZeroDivisionError: float modulo`.
pub fn float_mod(a: f64, b: f64) -> PyResult<f64> {
    if b == 0.0 {
        return Err(PyError::zero_division("float modulo"));
    }
    let m = a % b;
    Ok(if m != 0.0 {
        if (b < 0.0) != (m < 0.0) { m + b } else { m }
    } else {
        0.0f64.copysign(b)
    })
}

/// `divmod(a, b)` for floats, computed as CPython does so that
/// `q * b + r` is as close to `a` as floats allow.
/// `ZeroDivisionError: float divmod()`.
pub fn float_divmod(a: f64, b: f64) -> PyResult<(f64, f64)> {
    if b == 0.0 {
        return Err(PyError::zero_division("float divmod()"));
    }
    Ok(divmod_nonzero(a, b))
}

fn divmod_nonzero(a: f64, b: f64) -> (f64, f64) {
    let mut m = a % b;
    let mut div = (a - m) / b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m += b;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(b);
    }
    let q = if div != 0.0 {
        let f = div.floor();
        if div - f > 0.5 { f + 1.0 } else { f }
    } else {
        0.0f64.copysign(a / b)
    };
    (q, m)
}

/// `a // b`; `ZeroDivisionError: float floor division by zero`.
pub fn float_floordiv(a: f64, b: f64) -> PyResult<f64> {
    if b == 0.0 {
        return Err(PyError::zero_division("float floor division by zero"));
    }
    Ok(divmod_nonzero(a, b).0)
}

/// The outcome of `float ** float`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum FloatPow {
    /// A float result.
    Float(f64),
    /// A negative base with a non-integer exponent: Python computes the
    /// result as `complex ** complex` instead.
    NeedsComplex,
}

fn is_odd_integer(x: f64) -> bool {
    x.is_finite() && x.fract() == 0.0 && (x / 2.0).fract() != 0.0
}

/// `a ** b` for floats, with CPython's special cases (`x ** 0 == 1.0`, also
/// for NaN; `1 ** nan == 1.0`; infinities) and errors:
/// `ZeroDivisionError: 0.0 cannot be raised to a negative power`,
/// `OverflowError: (34, 'Numerical result out of range')`.
pub fn float_pow(a: f64, b: f64) -> PyResult<FloatPow> {
    let ok = |x| Ok(FloatPow::Float(x));
    if b == 0.0 {
        return ok(1.0);
    }
    if a.is_nan() {
        return ok(a);
    }
    if b.is_nan() {
        return ok(if a == 1.0 { 1.0 } else { b });
    }
    if b.is_infinite() {
        let m = a.abs();
        return ok(if m == 1.0 {
            1.0
        } else if (b > 0.0) == (m > 1.0) {
            f64::INFINITY
        } else {
            0.0
        });
    }
    if a.is_infinite() {
        let odd = is_odd_integer(b);
        return ok(if b > 0.0 {
            if odd { a } else { a.abs() }
        } else if odd {
            0.0f64.copysign(a)
        } else {
            0.0
        });
    }
    if a == 0.0 {
        if b < 0.0 {
            return Err(PyError::zero_division(
                "0.0 cannot be raised to a negative power",
            ));
        }
        return ok(if is_odd_integer(b) { a } else { 0.0 });
    }
    let mut base = a;
    let mut negate = false;
    if a < 0.0 {
        if b.fract() != 0.0 {
            return Ok(FloatPow::NeedsComplex);
        }
        base = -a;
        negate = is_odd_integer(b);
    }
    if base == 1.0 {
        return ok(if negate { -1.0 } else { 1.0 });
    }
    let r = base.powf(b);
    if r.is_infinite() {
        return Err(PyError::overflow("(34, 'Numerical result out of range')"));
    }
    ok(if negate { -r } else { r })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modulo_and_floor_division_follow_the_divisor() {
        assert_eq!(float_mod(-5.0, 3.0).unwrap(), 1.0);
        assert_eq!(float_mod(5.0, -3.0).unwrap(), -1.0);
        assert!(float_mod(0.0, -3.0).unwrap().is_sign_negative());
        assert_eq!(float_divmod(-7.5, 2.0).unwrap(), (-4.0, 0.5));
        assert_eq!(float_divmod(7.5, -2.0).unwrap(), (-4.0, -0.5));
        let (q, r) = float_divmod(-0.0, 1.0).unwrap();
        assert!(q.is_sign_negative() && r == 0.0 && !r.is_sign_negative());
        assert_eq!(float_divmod(3.0, f64::INFINITY).unwrap(), (0.0, 3.0));
        assert_eq!(
            float_divmod(-3.0, f64::INFINITY).unwrap(),
            (-1.0, f64::INFINITY)
        );
        assert_eq!(
            float_divmod(1e300, 1e-300).unwrap().1,
            4.891554850853602e-301
        );
        assert!(float_mod(f64::INFINITY, 3.0).unwrap().is_nan());
        assert_eq!(float_mod(1.0, 0.0).unwrap_err().message, "float modulo");
        assert_eq!(
            float_floordiv(1.0, 0.0).unwrap_err().message,
            "float floor division by zero"
        );
        assert_eq!(
            float_div(1.0, 0.0).unwrap_err().message,
            "float division by zero"
        );
    }

    #[test]
    fn power_special_cases() {
        let f = |a, b| float_pow(a, b).unwrap();
        assert_eq!(f(f64::NAN, 0.0), FloatPow::Float(1.0));
        assert_eq!(f(1.0, f64::NAN), FloatPow::Float(1.0));
        assert_eq!(f(-1.0, f64::INFINITY), FloatPow::Float(1.0));
        assert_eq!(f(f64::INFINITY, -1.0), FloatPow::Float(0.0));
        assert_eq!(f(-8.0, 1.0 / 3.0), FloatPow::NeedsComplex);
        assert_eq!(f(-2.0, 3.0), FloatPow::Float(-8.0));
        assert_eq!(f(2.0, -1075.0), FloatPow::Float(0.0));
        assert_eq!(
            float_pow(0.0, -1.5).unwrap_err().message,
            "0.0 cannot be raised to a negative power"
        );
        assert_eq!(
            float_pow(10.0, 400.0).unwrap_err().message,
            "(34, 'Numerical result out of range')"
        );
        assert!(float_pow(-2.0, 1025.0).is_err());
    }
}
