//! Complex arithmetic exactly as CPython 3.11 computes it (same operation
//! order, so the same rounding): `+ - *`, `/` (scaled by the larger part of
//! the divisor), `**` (repeated squaring for integral exponents up to 100,
//! polar form otherwise) and `abs`, with CPython's errors.

use crate::error::{PyError, PyResult};

/// A complex number `re + im·j`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Complex {
    /// Real part.
    pub re: f64,
    /// Imaginary part.
    pub im: f64,
}

impl Complex {
    /// `complex(re, im)`.
    pub fn new(re: f64, im: f64) -> Self {
        Complex { re, im }
    }

    /// The quotient, or `None` for a zero divisor.
    fn quot(self, b: Complex) -> Option<Complex> {
        let (abs_re, abs_im) = (b.re.abs(), b.im.abs());
        if abs_re >= abs_im {
            if abs_re == 0.0 {
                return None;
            }
            let ratio = b.im / b.re;
            let denom = b.re + b.im * ratio;
            Some(Complex::new(
                (self.re + self.im * ratio) / denom,
                (self.im - self.re * ratio) / denom,
            ))
        } else if abs_im >= abs_re {
            let ratio = b.re / b.im;
            let denom = b.re * ratio + b.im;
            Some(Complex::new(
                (self.re * ratio + self.im) / denom,
                (self.im * ratio - self.re) / denom,
            ))
        } else {
            // A part of the divisor is NaN.
            Some(Complex::new(f64::NAN, f64::NAN))
        }
    }

    /// `a / b`; `ZeroDivisionError: complex division by zero`.
    pub fn try_div(self, b: Complex) -> PyResult<Complex> {
        self.quot(b)
            .ok_or_else(|| PyError::zero_division("complex division by zero"))
    }

    /// `abs(a)`: `hypot`, with C99's rules for infinities and NaN;
    /// `OverflowError: absolute value too large`.
    pub fn abs(self) -> PyResult<f64> {
        if !self.re.is_finite() || !self.im.is_finite() {
            if self.re.is_infinite() {
                return Ok(self.re.abs());
            }
            if self.im.is_infinite() {
                return Ok(self.im.abs());
            }
            return Ok(f64::NAN);
        }
        let r = self.re.hypot(self.im);
        if r.is_finite() {
            Ok(r)
        } else {
            Err(PyError::overflow("absolute value too large"))
        }
    }

    /// `a ** b`. Errors: `ZeroDivisionError: 0.0 to a negative or complex
    /// power` (also when the polar angle becomes infinite: CPython sees C's
    /// `EDOM` from `cos`), `OverflowError: complex exponentiation` (whenever
    /// a part of the result is infinite, as in CPython).
    pub fn pow(self, b: Complex) -> PyResult<Complex> {
        let n = b.re as i64;
        let r = if b.im == 0.0 && b.re == n as f64 && n.abs() <= 100 {
            self.powi(n)
        } else {
            self.pow_polar(b)
        };
        let r = r.ok_or_else(|| PyError::zero_division("0.0 to a negative or complex power"))?;
        if r.re.is_infinite() || r.im.is_infinite() {
            return Err(PyError::overflow("complex exponentiation"));
        }
        Ok(r)
    }

    /// Integral power by repeated squaring; `None` for 0 to a negative power.
    fn powi(self, n: i64) -> Option<Complex> {
        if n > 0 {
            Some(self.powu(n as u64))
        } else {
            Complex::new(1.0, 0.0).quot(self.powu(n.unsigned_abs()))
        }
    }

    fn powu(self, n: u64) -> Complex {
        let mut r = Complex::new(1.0, 0.0);
        let mut p = self;
        let mut mask = 1u64;
        while mask <= n {
            if n & mask != 0 {
                r = r * p;
            }
            mask <<= 1;
            p = p * p;
        }
        r
    }

    /// The general power in polar form; `None` for 0 to a negative or
    /// complex power.
    fn pow_polar(self, b: Complex) -> Option<Complex> {
        if b.re == 0.0 && b.im == 0.0 {
            return Some(Complex::new(1.0, 0.0));
        }
        if self.re == 0.0 && self.im == 0.0 {
            if b.im != 0.0 || b.re < 0.0 {
                return None;
            }
            return Some(Complex::new(0.0, 0.0));
        }
        let vabs = self.re.hypot(self.im);
        let mut len = vabs.powf(b.re);
        let at = self.im.atan2(self.re);
        let mut phase = at * b.re;
        if b.im != 0.0 {
            len /= (at * b.im).exp();
            phase += b.im * vabs.ln();
        }
        // C's cos/sin of an infinite angle set errno to EDOM, which CPython
        // reports as the zero-power error.
        if phase.is_infinite() {
            return None;
        }
        Some(Complex::new(len * phase.cos(), len * phase.sin()))
    }
}

impl std::ops::Add for Complex {
    type Output = Complex;

    /// `a + b`.
    fn add(self, b: Complex) -> Complex {
        Complex::new(self.re + b.re, self.im + b.im)
    }
}

impl std::ops::Sub for Complex {
    type Output = Complex;

    /// `a - b`.
    fn sub(self, b: Complex) -> Complex {
        Complex::new(self.re - b.re, self.im - b.im)
    }
}

impl std::ops::Neg for Complex {
    type Output = Complex;

    /// `-a`.
    fn neg(self) -> Complex {
        Complex::new(-self.re, -self.im)
    }
}

impl std::ops::Mul for Complex {
    type Output = Complex;

    /// `a * b` (no special handling of infinities, like CPython).
    fn mul(self, b: Complex) -> Complex {
        Complex::new(
            self.re * b.re - self.im * b.im,
            self.re * b.im + self.im * b.re,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(re: f64, im: f64) -> Complex {
        Complex::new(re, im)
    }

    #[test]
    fn ring_operations() {
        assert_eq!(c(1.0, 2.0) + c(3.0, -4.0), c(4.0, -2.0));
        assert_eq!(c(1.0, 2.0) - c(3.0, -4.0), c(-2.0, 6.0));
        assert_eq!(-c(1.0, -0.0), c(-1.0, 0.0));
        assert_eq!(c(1.0, 2.0) * c(3.0, 4.0), c(-5.0, 10.0));
    }

    #[test]
    fn division_and_errors() {
        assert_eq!(c(1.0, 2.0).try_div(c(3.0, 4.0)).unwrap(), c(0.44, 0.08));
        assert_eq!(
            c(1.0, 0.0).try_div(c(0.0, 0.0)).unwrap_err().message,
            "complex division by zero"
        );
        let r = c(1.0, 1.0).try_div(c(f64::NAN, 0.0)).unwrap();
        assert!(r.re.is_nan() && r.im.is_nan());
    }

    #[test]
    fn powers() {
        assert_eq!(c(0.0, 1.0).pow(c(2.0, 0.0)).unwrap(), c(-1.0, 0.0));
        assert_eq!(c(1.0, 1.0).pow(c(-1.0, 0.0)).unwrap(), c(0.5, -0.5));
        assert_eq!(c(0.0, 0.0).pow(c(0.0, 0.0)).unwrap(), c(1.0, 0.0));
        assert_eq!(
            c(0.0, 0.0).pow(c(-1.0, 0.0)).unwrap_err().message,
            "0.0 to a negative or complex power"
        );
        assert_eq!(
            c(1e300, 0.0).pow(c(2.0, 0.0)).unwrap_err().message,
            "complex exponentiation"
        );
        // inf - inf in the product gives NaN parts, which CPython returns.
        let r = c(1e300, 1e300).pow(c(2.0, 0.0)).unwrap();
        assert!(r.re.is_nan() && r.im.is_nan());
        assert_eq!(c(f64::INFINITY, 0.0).abs().unwrap(), f64::INFINITY);
        assert_eq!(c(3.0, 4.0).abs().unwrap(), 5.0);
        assert_eq!(
            c(1.7e308, 1.7e308).abs().unwrap_err().message,
            "absolute value too large"
        );
    }
}
