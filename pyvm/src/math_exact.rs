//! The exact functions of CPython 3.11's `math` module: `fsum` (exactly
//! rounded sum, Shewchuk's partials as in CPython), `isqrt`, `factorial`,
//! `comb`, `perm`, `gcd`, `lcm`, with CPython's errors.

use num_bigint::{BigInt, BigUint};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::error::{PyError, PyResult};

/// `math.fsum(values)`: the correctly rounded sum (`fsum([0.1] * 10) ==
/// 1.0`). Errors: `OverflowError: intermediate overflow in fsum`,
/// `ValueError: -inf + inf in fsum`.
pub fn fsum(values: impl IntoIterator<Item = f64>) -> PyResult<f64> {
    // Non-overlapping partials, increasing magnitude; their exact sum is the
    // exact sum of the finite values seen so far.
    let mut partials: Vec<f64> = Vec::new();
    let mut special_sum = 0.0;
    let mut inf_sum = 0.0;
    for value in values {
        let mut x = value;
        let mut kept = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[kept] = lo;
                kept += 1;
            }
            x = hi;
        }
        partials.truncate(kept);
        if x != 0.0 {
            if !x.is_finite() {
                if value.is_finite() {
                    return Err(PyError::overflow("intermediate overflow in fsum"));
                }
                if value.is_infinite() {
                    inf_sum += value;
                }
                special_sum += value;
                partials.clear();
            } else {
                partials.push(x);
            }
        }
    }
    if special_sum != 0.0 {
        if inf_sum.is_nan() {
            return Err(PyError::value("-inf + inf in fsum"));
        }
        return Ok(special_sum);
    }
    let Some(mut hi) = partials.pop() else {
        return Ok(0.0);
    };
    let mut lo = 0.0;
    while let Some(y) = partials.pop() {
        let x = hi;
        hi = x + y;
        lo = y - (hi - x);
        if lo != 0.0 {
            break;
        }
    }
    // Half-even rounding across the partials that were not added: if the
    // rest has the same sign as the rounding error, round away from hi.
    if let Some(&next) = partials.last()
        && ((lo < 0.0 && next < 0.0) || (lo > 0.0 && next > 0.0))
    {
        let y = lo * 2.0;
        let x = hi + y;
        if y == x - hi {
            hi = x;
        }
    }
    Ok(hi)
}

/// `math.isqrt(n)`: the floor of the square root.
/// `ValueError: isqrt() argument must be nonnegative`.
pub fn isqrt(n: &BigInt) -> PyResult<BigInt> {
    if n.is_negative() {
        return Err(PyError::value("isqrt() argument must be nonnegative"));
    }
    Ok(BigInt::from(n.magnitude().sqrt()))
}

/// The product `lo * (lo + 1) * ... * (hi - 1)`, by binary splitting.
fn range_product(lo: &BigUint, count: u64) -> BigUint {
    match count {
        0 => BigUint::one(),
        1 => lo.clone(),
        2 => lo * (lo + 1u32),
        _ => {
            let half = count / 2;
            range_product(lo, half) * range_product(&(lo + half), count - half)
        }
    }
}

const LONG_MAX: &str = "9223372036854775807";

fn as_count(n: &BigInt, message: &str) -> PyResult<u64> {
    n.to_i64()
        .map(|v| v as u64)
        .ok_or_else(|| PyError::overflow(format!("{message} {LONG_MAX}")))
}

/// `math.factorial(n)`. Errors: `ValueError: factorial() not defined for
/// negative values`, `OverflowError: factorial() argument should not
/// exceed 9223372036854775807`.
pub fn factorial(n: &BigInt) -> PyResult<BigInt> {
    if n.is_negative() {
        return Err(PyError::value(
            "factorial() not defined for negative values",
        ));
    }
    let n = as_count(n, "factorial() argument should not exceed")?;
    Ok(BigInt::from(range_product(&BigUint::one(), n)))
}

fn check_non_negative(n: &BigInt, k: &BigInt) -> PyResult<()> {
    if n.is_negative() {
        return Err(PyError::value("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(PyError::value("k must be a non-negative integer"));
    }
    Ok(())
}

/// `math.perm(n, k)`: `n! / (n - k)!`, 0 when `k > n`. Errors as CPython
/// (`n must be a non-negative integer`, `k must be a non-negative integer`,
/// `OverflowError: k must not exceed 9223372036854775807`).
pub fn perm(n: &BigInt, k: &BigInt) -> PyResult<BigInt> {
    check_non_negative(n, k)?;
    if k > n {
        return Ok(BigInt::zero());
    }
    let k = as_count(k, "k must not exceed")?;
    let lo = n.magnitude() - k + 1u32;
    Ok(BigInt::from(range_product(&lo, k)))
}

/// `math.comb(n, k)`: `n! / (k! (n - k)!)`, 0 when `k > n`. Errors as
/// CPython, including `OverflowError: min(n - k, k) must not exceed
/// 9223372036854775807`.
pub fn comb(n: &BigInt, k: &BigInt) -> PyResult<BigInt> {
    check_non_negative(n, k)?;
    if k > n {
        return Ok(BigInt::zero());
    }
    let k = k.clone().min(n - k);
    let k = as_count(&k, "min(n - k, k) must not exceed")?;
    let lo = n.magnitude() - k + 1u32;
    let top = range_product(&lo, k);
    Ok(BigInt::from(top / range_product(&BigUint::one(), k)))
}

/// `math.gcd(*ints)`: non-negative, `gcd() == 0`.
pub fn gcd<'a>(ints: impl IntoIterator<Item = &'a BigInt>) -> BigInt {
    ints.into_iter().fold(BigInt::zero(), |acc, n| acc.gcd(n))
}

/// `math.lcm(*ints)`: non-negative, `lcm() == 1`, 0 if any argument is 0.
pub fn lcm<'a>(ints: impl IntoIterator<Item = &'a BigInt>) -> BigInt {
    ints.into_iter().fold(BigInt::one(), |acc, n| {
        if acc.is_zero() || n.is_zero() {
            BigInt::zero()
        } else {
            acc.lcm(n)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(v: i64) -> BigInt {
        BigInt::from(v)
    }

    #[test]
    fn fsum_is_exactly_rounded() {
        assert_eq!(fsum([0.1; 10]).unwrap(), 1.0);
        assert_eq!(fsum([1.0, 1e100, 1.0, -1e100]).unwrap(), 2.0);
        assert_eq!(fsum([]).unwrap(), 0.0);
        assert_eq!(fsum([f64::INFINITY, 1.0]).unwrap(), f64::INFINITY);
        assert!(fsum([f64::NAN, 1.0]).unwrap().is_nan());
        assert_eq!(
            fsum([1e308, 1e308]).unwrap_err().message,
            "intermediate overflow in fsum"
        );
        assert_eq!(
            fsum([f64::INFINITY, -f64::INFINITY]).unwrap_err().message,
            "-inf + inf in fsum"
        );
        // Half-even across partials: 1 + 2^-53 + 2^-106 rounds up.
        assert_eq!(
            fsum([1.0, 2f64.powi(-53), 2f64.powi(-106)]).unwrap(),
            1.0 + f64::EPSILON
        );
    }

    #[test]
    fn integer_functions() {
        assert_eq!(isqrt(&n(99)).unwrap(), n(9));
        assert!(isqrt(&n(-1)).is_err());
        assert_eq!(factorial(&n(20)).unwrap(), n(2_432_902_008_176_640_000));
        assert_eq!(factorial(&n(0)).unwrap(), n(1));
        assert_eq!(comb(&n(5), &n(7)).unwrap(), n(0));
        assert_eq!(comb(&n(52), &n(5)).unwrap(), n(2_598_960));
        assert_eq!(perm(&n(5), &n(2)).unwrap(), n(20));
        assert_eq!(
            perm(&n(-1), &n(2)).unwrap_err().message,
            "n must be a non-negative integer"
        );
        let big = BigInt::one() << 64u32;
        assert_eq!(
            comb(&big, &(BigInt::one() << 63u32)).unwrap_err().message,
            "min(n - k, k) must not exceed 9223372036854775807"
        );
        assert_eq!(gcd([&n(-4), &n(6)]), n(2));
        assert_eq!(gcd([]), n(0));
        assert_eq!(lcm([&n(-4), &n(6)]), n(12));
        assert_eq!(lcm([&n(0), &n(5)]), n(0));
        assert_eq!(lcm([]), n(1));
    }
}
