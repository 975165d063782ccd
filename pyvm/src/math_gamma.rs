//! `math.gamma` and `math.lgamma` as CPython 3.11 computes them (not
//! libm): the Lanczos approximation with Boost's 13-term `lanczos13m53`
//! coefficients (g ≈ 6.0247), exact factorials for small integers, the
//! reflection formula for negative arguments, and CPython's error rules.

use crate::error::{PyError, PyResult};

// The constants are written as published (the two g values are exact
// binary fractions); the compiler rounds each literal to the nearest double.
#[allow(clippy::excessive_precision)]
const LANCZOS_G: f64 = 6.024680040776729583740234375;
#[allow(clippy::excessive_precision)]
const LANCZOS_G_MINUS_HALF: f64 = 5.524680040776729583740234375;
#[allow(clippy::excessive_precision)]
const LANCZOS_NUM: [f64; 13] = [
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
];
const LANCZOS_DEN: [f64; 13] = [
    0.0,
    39916800.0,
    120543840.0,
    150917976.0,
    105258076.0,
    45995730.0,
    13339535.0,
    2637558.0,
    357423.0,
    32670.0,
    1925.0,
    66.0,
    1.0,
];

/// The rational Lanczos sum, evaluated in `1/x` for large `x` to avoid
/// overflow.
fn lanczos_sum(x: f64) -> f64 {
    let (mut num, mut den) = (0.0, 0.0);
    if x < 5.0 {
        for i in (0..13).rev() {
            num = num * x + LANCZOS_NUM[i];
            den = den * x + LANCZOS_DEN[i];
        }
    } else {
        for i in 0..13 {
            num = num / x + LANCZOS_NUM[i];
            den = den / x + LANCZOS_DEN[i];
        }
    }
    num / den
}

/// `sin(pi·x)` with the argument reduced first, for accuracy.
fn sin_pi(x: f64) -> f64 {
    use std::f64::consts::PI;
    let y = x.abs() % 2.0;
    let r = match (2.0 * y).round() as i32 {
        0 => (PI * y).sin(),
        1 => (PI * (y - 0.5)).cos(),
        2 => (PI * (1.0 - y)).sin(),
        3 => -(PI * (y - 1.5)).cos(),
        _ => (PI * (y - 2.0)).sin(),
    };
    1.0f64.copysign(x) * r
}

fn domain_error() -> PyError {
    PyError::value("math domain error")
}

fn range_error() -> PyError {
    PyError::overflow("math range error")
}

/// `math.gamma(x)`. Errors: `ValueError: math domain error` at 0, negative
/// integers and `-inf`; `OverflowError: math range error` when the result
/// overflows.
pub fn math_gamma(x: f64) -> PyResult<f64> {
    if !x.is_finite() {
        return if x.is_nan() || x > 0.0 {
            Ok(x)
        } else {
            Err(domain_error())
        };
    }
    if x == 0.0 {
        return Err(domain_error());
    }
    if x == x.floor() {
        if x < 0.0 {
            return Err(domain_error());
        }
        if x <= 23.0 {
            let mut f = 1.0f64;
            for k in 2..(x as u32) {
                f *= f64::from(k);
            }
            return Ok(f);
        }
    }
    let ax = x.abs();
    if ax < 1e-20 {
        let r = 1.0 / x;
        return if r.is_infinite() {
            Err(range_error())
        } else {
            Ok(r)
        };
    }
    if ax > 200.0 {
        return if x < 0.0 {
            Ok(0.0 / sin_pi(x))
        } else {
            Err(range_error())
        };
    }
    let y = ax + LANCZOS_G_MINUS_HALF;
    // The rounding error of y, for a correction term.
    let z = if ax > LANCZOS_G_MINUS_HALF {
        let q = y - ax;
        q - LANCZOS_G_MINUS_HALF
    } else {
        let q = y - LANCZOS_G_MINUS_HALF;
        q - ax
    };
    let z = z * LANCZOS_G / y;
    let mut r;
    if x < 0.0 {
        r = -std::f64::consts::PI / sin_pi(ax) / ax * y.exp() / lanczos_sum(ax);
        r -= z * r;
        if ax < 140.0 {
            r /= y.powf(ax - 0.5);
        } else {
            let sqrtpow = y.powf(ax / 2.0 - 0.25);
            r /= sqrtpow;
            r /= sqrtpow;
        }
    } else {
        r = lanczos_sum(ax) / y.exp();
        r += z * r;
        if ax < 140.0 {
            r *= y.powf(ax - 0.5);
        } else {
            let sqrtpow = y.powf(ax / 2.0 - 0.25);
            r *= sqrtpow;
            r *= sqrtpow;
        }
    }
    if r.is_infinite() {
        Err(range_error())
    } else {
        Ok(r)
    }
}

/// `math.lgamma(x)`: `log(abs(gamma(x)))`. Errors: `ValueError: math
/// domain error` at non-positive integers; `OverflowError: math range
/// error` when the result overflows.
pub fn math_lgamma(x: f64) -> PyResult<f64> {
    if !x.is_finite() {
        return Ok(if x.is_nan() { x } else { f64::INFINITY });
    }
    if x == x.floor() && x <= 2.0 {
        return if x <= 0.0 {
            Err(domain_error())
        } else {
            Ok(0.0)
        };
    }
    let ax = x.abs();
    if ax < 1e-20 {
        return Ok(-ax.ln());
    }
    let mut r = lanczos_sum(ax).ln() - LANCZOS_G;
    r += (ax - 0.5) * ((ax + LANCZOS_G - 0.5).ln() - 1.0);
    if x < 0.0 {
        r = std::f64::consts::PI.ln() - sin_pi(ax).abs().ln() - ax.ln() - r;
    }
    if r.is_infinite() {
        Err(range_error())
    } else {
        Ok(r)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gamma_values_and_errors() {
        assert_eq!(math_gamma(5.0).unwrap(), 24.0);
        assert_eq!(math_gamma(0.5).unwrap(), 1.7724538509055159);
        assert_eq!(math_gamma(0.0).unwrap_err().message, "math domain error");
        assert_eq!(math_gamma(-1.0).unwrap_err().message, "math domain error");
        assert_eq!(math_gamma(172.0).unwrap_err().message, "math range error");
        assert_eq!(math_lgamma(1.0).unwrap(), 0.0);
        assert_eq!(math_lgamma(-2.0).unwrap_err().message, "math domain error");
        assert_eq!(math_lgamma(f64::NEG_INFINITY).unwrap(), f64::INFINITY);
    }
}
