//! The functions of CPython 3.11's `cmath` module on `(re, im)` pairs,
//! with the same formulas (so the same rounding) for finite arguments:
//! scaling near the ends of the float range, `log1p` near the unit
//! circle, and the branch cuts' signed zeros. Non-finite arguments follow
//! C99 Annex G (the tables CPython implements) for `sqrt`, `exp` and
//! `log`; the other functions derive from those. Errors:
//! `ValueError: math domain error`, `OverflowError: math range error`.

use crate::error::{PyError, PyResult};

unsafe extern "C" {
    fn asinh(x: f64) -> f64;
}

fn m_asinh(x: f64) -> f64 {
    // SAFETY: a pure C math function.
    unsafe { asinh(x) }
}

/// A complex value as its two parts.
pub type C = (f64, f64);

const LARGE_DOUBLE: f64 = f64::MAX / 4.0;
const LN2: f64 = std::f64::consts::LN_2;
const LN10: f64 = std::f64::consts::LN_10;
const E: f64 = std::f64::consts::E;

fn log_large_double() -> f64 {
    LARGE_DOUBLE.ln()
}

fn sqrt_large_double() -> f64 {
    LARGE_DOUBLE.sqrt()
}

fn domain() -> PyError {
    PyError::value("math domain error")
}

fn range() -> PyError {
    PyError::overflow("math range error")
}

fn finite(z: C) -> bool {
    z.0.is_finite() && z.1.is_finite()
}

fn neg(z: C) -> C {
    (-z.0, -z.1)
}

/// Fails with OverflowError when a finite argument gave an infinite part.
fn check_range(z: C, r: C) -> PyResult<C> {
    if finite(z) && (r.0.is_infinite() || r.1.is_infinite()) {
        Err(range())
    } else {
        Ok(r)
    }
}

/// `cmath.sqrt`.
pub fn sqrt(z: C) -> C {
    let (re, im) = z;
    if !finite(z) {
        if im.is_infinite() {
            return (f64::INFINITY, im);
        }
        if re.is_nan() {
            return (f64::NAN, f64::NAN);
        }
        if re.is_infinite() {
            if im.is_nan() {
                return if re > 0.0 {
                    (re, f64::NAN)
                } else {
                    (f64::NAN, f64::INFINITY)
                };
            }
            return if re > 0.0 {
                (re, 0.0f64.copysign(im))
            } else {
                (0.0, f64::INFINITY.copysign(im))
            };
        }
        return (f64::NAN, f64::NAN);
    }
    if re == 0.0 && im == 0.0 {
        return (0.0, im);
    }
    let (mut ax, ay) = (re.abs(), im.abs());
    let s = if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        ax *= 2f64.powi(53);
        (ax + ax.hypot(ay * 2f64.powi(53))).sqrt() * 2f64.powi(-27)
    } else {
        ax /= 8.0;
        2.0 * (ax + ax.hypot(ay / 8.0)).sqrt()
    };
    let d = ay / (2.0 * s);
    if re >= 0.0 {
        (s, d.copysign(im))
    } else {
        (d, s.copysign(im))
    }
}

/// `cmath.exp`.
pub fn exp(z: C) -> PyResult<C> {
    let (re, im) = z;
    if !finite(z) {
        if re.is_infinite() && im.is_finite() && im != 0.0 {
            return Ok(if re > 0.0 {
                (
                    f64::INFINITY.copysign(im.cos()),
                    f64::INFINITY.copysign(im.sin()),
                )
            } else {
                (0.0f64.copysign(im.cos()), 0.0f64.copysign(im.sin()))
            });
        }
        if im.is_infinite() && (re.is_finite() || (re.is_infinite() && re > 0.0)) {
            return Err(domain());
        }
        return Ok(if re.is_nan() {
            (f64::NAN, if im == 0.0 { im } else { f64::NAN })
        } else if re.is_infinite() && re > 0.0 {
            // +inf with imaginary 0 or NaN.
            (re, if im == 0.0 { im } else { f64::NAN })
        } else if re.is_infinite() {
            (0.0, if im == 0.0 { im } else { 0.0 })
        } else {
            (f64::NAN, f64::NAN)
        });
    }
    let r = if re > log_large_double() {
        let l = (re - 1.0).exp();
        (l * im.cos() * E, l * im.sin() * E)
    } else {
        let l = re.exp();
        (l * im.cos(), l * im.sin())
    };
    check_range(z, r)
}

/// `cmath.log` (one argument).
pub fn log(z: C) -> PyResult<C> {
    let (re, im) = z;
    if !finite(z) {
        let real = if re.is_infinite() || im.is_infinite() {
            f64::INFINITY
        } else {
            f64::NAN
        };
        let imag = if re.is_nan() || im.is_nan() {
            f64::NAN
        } else {
            im.atan2(re)
        };
        return Ok((real, imag));
    }
    let (ax, ay) = (re.abs(), im.abs());
    let real = if ax > LARGE_DOUBLE || ay > LARGE_DOUBLE {
        (ax / 2.0).hypot(ay / 2.0).ln() + LN2
    } else if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        if ax > 0.0 || ay > 0.0 {
            let k = 2f64.powi(53);
            (ax * k).hypot(ay * k).ln() - 53.0 * LN2
        } else {
            return Err(domain());
        }
    } else {
        let h = ax.hypot(ay);
        if (0.71..=1.73).contains(&h) {
            let (am, an) = if ax > ay { (ax, ay) } else { (ay, ax) };
            ((am - 1.0) * (am + 1.0) + an * an).ln_1p() / 2.0
        } else {
            h.ln()
        }
    };
    Ok((real, im.atan2(re)))
}

/// `cmath.log10`.
pub fn log10(z: C) -> PyResult<C> {
    let (a, b) = log(z)?;
    Ok((a / LN10, b / LN10))
}

/// `cmath.sinh`.
pub fn sinh(z: C) -> PyResult<C> {
    let (re, im) = z;
    if !finite(z) {
        return Ok(generic_nonfinite(z, |x, y| {
            (y.cos() * x.sinh(), y.sin() * x.cosh())
        }));
    }
    let r = if re.abs() > log_large_double() {
        let x1 = re - 1f64.copysign(re);
        (im.cos() * x1.sinh() * E, im.sin() * x1.cosh() * E)
    } else {
        (im.cos() * re.sinh(), im.sin() * re.cosh())
    };
    check_range(z, r)
}

/// `cmath.cosh`.
pub fn cosh(z: C) -> PyResult<C> {
    let (re, im) = z;
    if !finite(z) {
        return Ok(generic_nonfinite(z, |x, y| {
            (y.cos() * x.cosh(), y.sin() * x.sinh())
        }));
    }
    let r = if re.abs() > log_large_double() {
        let x1 = re - 1f64.copysign(re);
        (im.cos() * x1.cosh() * E, im.sin() * x1.sinh() * E)
    } else {
        (im.cos() * re.cosh(), im.sin() * re.sinh())
    };
    check_range(z, r)
}

/// `cmath.tanh`.
pub fn tanh(z: C) -> C {
    let (re, im) = z;
    if !finite(z) {
        if re.is_infinite() && im.is_finite() {
            return (1f64.copysign(re), 0f64.copysign(2.0 * im.sin() * im.cos()));
        }
        return (f64::NAN, f64::NAN);
    }
    if re.abs() > log_large_double() {
        (
            1f64.copysign(re),
            4.0 * im.sin() * im.cos() * (-2.0 * re.abs()).exp(),
        )
    } else {
        let tx = re.tanh();
        let ty = im.tan();
        let cx = 1.0 / re.cosh();
        let txty = tx * ty;
        let denom = 1.0 + txty * txty;
        (tx * (1.0 + ty * ty) / denom, ((ty / denom) * cx) * cx)
    }
}

/// Non-finite arguments of the hyperbolic functions: the formula's IEEE
/// result, NaN parts where it is undefined.
fn generic_nonfinite(z: C, f: impl Fn(f64, f64) -> C) -> C {
    let r = f(z.0, z.1);
    let fix = |x: f64| if x.is_nan() { f64::NAN } else { x };
    (fix(r.0), fix(r.1))
}

/// `cmath.sin`.
pub fn sin(z: C) -> PyResult<C> {
    let r = sinh((-z.1, z.0))?;
    Ok((r.1, -r.0))
}

/// `cmath.cos`.
pub fn cos(z: C) -> PyResult<C> {
    cosh((-z.1, z.0))
}

/// `cmath.tan`.
pub fn tan(z: C) -> C {
    let r = tanh((-z.1, z.0));
    (r.1, -r.0)
}

/// `cmath.asinh`.
pub fn asinh_c(z: C) -> C {
    let (re, im) = z;
    if re.abs() > LARGE_DOUBLE || im.abs() > LARGE_DOUBLE {
        let l = (re / 2.0).hypot(im / 2.0).ln() + LN2 * 2.0;
        let real = if im >= 0.0 {
            l.copysign(re)
        } else {
            -l.copysign(-re)
        };
        return (real, im.atan2(re.abs()));
    }
    let s1 = sqrt((1.0 + im, -re));
    let s2 = sqrt((1.0 - im, re));
    (
        m_asinh(s1.0 * s2.1 - s2.0 * s1.1),
        im.atan2(s1.0 * s2.0 - s1.1 * s2.1),
    )
}

/// `cmath.asin`.
pub fn asin(z: C) -> C {
    let s = asinh_c((-z.1, z.0));
    (s.1, -s.0)
}

/// `cmath.acos`.
pub fn acos(z: C) -> C {
    let (re, im) = z;
    if re.abs() > LARGE_DOUBLE || im.abs() > LARGE_DOUBLE {
        let real = im.abs().atan2(re);
        let l = (re / 2.0).hypot(im / 2.0).ln() + LN2 * 2.0;
        let imag = if re < 0.0 {
            -l.copysign(im)
        } else {
            l.copysign(-im)
        };
        return (real, imag);
    }
    let s1 = sqrt((1.0 - re, -im));
    let s2 = sqrt((1.0 + re, im));
    (2.0 * s1.0.atan2(s2.0), m_asinh(s2.0 * s1.1 - s2.1 * s1.0))
}

/// `cmath.acosh`.
pub fn acosh(z: C) -> C {
    let (re, im) = z;
    if re.abs() > LARGE_DOUBLE || im.abs() > LARGE_DOUBLE {
        return ((re / 2.0).hypot(im / 2.0).ln() + LN2 * 2.0, im.atan2(re));
    }
    let s1 = sqrt((re - 1.0, im));
    let s2 = sqrt((re + 1.0, im));
    (m_asinh(s1.0 * s2.0 + s1.1 * s2.1), 2.0 * s1.1.atan2(s2.0))
}

/// `cmath.atanh`.
pub fn atanh(z: C) -> PyResult<C> {
    let (re, im) = z;
    if re < 0.0 {
        return atanh(neg(z)).map(neg);
    }
    if re.is_nan() || im.is_nan() {
        return Ok(if im.is_infinite() {
            (
                0.0f64.copysign(re),
                std::f64::consts::FRAC_PI_2.copysign(im),
            )
        } else {
            (f64::NAN, f64::NAN)
        });
    }
    let ay = im.abs();
    if re > sqrt_large_double() || ay > sqrt_large_double() {
        let h = (re / 2.0).hypot(im / 2.0);
        return Ok((
            re / 4.0 / h / h,
            -(std::f64::consts::PI / 2.0).copysign(-im),
        ));
    }
    if re == 1.0 && ay < f64::MIN_POSITIVE.sqrt() {
        if ay == 0.0 {
            return Err(domain());
        }
        return Ok((
            -(ay.sqrt() / ay.hypot(2.0).sqrt()).ln(),
            (2f64.atan2(-ay) / 2.0).copysign(im),
        ));
    }
    Ok((
        (4.0 * re / ((1.0 - re) * (1.0 - re) + ay * ay)).ln_1p() / 4.0,
        -(-2.0 * im).atan2((1.0 - re) * (1.0 + re) - ay * ay) / 2.0,
    ))
}

/// `cmath.atan`.
pub fn atan(z: C) -> PyResult<C> {
    let s = atanh((-z.1, z.0))?;
    Ok((s.1, -s.0))
}

/// `cmath.rect(r, phi)`.
pub fn rect(r: f64, phi: f64) -> PyResult<C> {
    if r.is_finite() && phi.is_finite() {
        if phi == 0.0 {
            return Ok((r, r * phi));
        }
        return Ok((r * phi.cos(), r * phi.sin()));
    }
    if r.is_infinite() && phi.is_finite() && phi != 0.0 {
        if r > 0.0 {
            return Ok((
                f64::INFINITY.copysign(phi.cos()),
                f64::INFINITY.copysign(phi.sin()),
            ));
        }
        return Ok((
            f64::NEG_INFINITY.copysign(phi.cos()),
            f64::NEG_INFINITY.copysign(phi.sin()),
        ));
    }
    if phi.is_infinite() && r.is_finite() && r != 0.0 {
        return Err(domain());
    }
    if phi == 0.0 {
        return Ok((r, if r.is_nan() { phi } else { r * phi }));
    }
    Ok((f64::NAN, f64::NAN))
}

/// `cmath.isclose(a, b, rel_tol, abs_tol)`.
pub fn isclose(a: C, b: C, rel_tol: f64, abs_tol: f64) -> PyResult<bool> {
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(PyError::value("tolerances must be non-negative"));
    }
    if a == b {
        return Ok(true);
    }
    if a.0.is_infinite() || a.1.is_infinite() || b.0.is_infinite() || b.1.is_infinite() {
        return Ok(false);
    }
    let diff = (a.0 - b.0).hypot(a.1 - b.1);
    let (ma, mb) = (a.0.hypot(a.1), b.0.hypot(b.1));
    Ok(diff <= rel_tol * mb || diff <= rel_tol * ma || diff <= abs_tol)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn branch_cuts_and_values() {
        assert_eq!(sqrt((-4.0, 0.0)), (0.0, 2.0));
        assert_eq!(sqrt((-4.0, -0.0)), (0.0, -2.0));
        assert_eq!(sqrt((-1.0, 0.0)), (0.0, 1.0));
        let l = log((-1.0, 0.0)).unwrap();
        assert_eq!(l, (0.0, std::f64::consts::PI));
        assert!(log((0.0, 0.0)).is_err());
        assert!(exp((1000.0, 0.0)).is_err());
        assert_eq!(tan((0.0, 0.0)), (0.0, 0.0));
    }
}
