//! `repr(float)` / `str(float)`: the shortest digits that round-trip, spelled
//! the way Python spells them, plus the decimal digit primitives the other
//! float formatting code builds on.
//!
//! Digits come from Rust's own float formatting, which is exact: `{:e}` gives
//! the shortest round-trip digits and `{:.Ne}` / `{:.N}` give correctly
//! rounded digits, ties broken half-to-even on the exact binary value (which is
//! what CPython's `dtoa` does too).

/// Decimal digits of a finite, non-negative float: the value is
/// `0.d1 d2 d3 ... × 10^(exp + 1)`, i.e. `d1.d2d3... × 10^exp`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Digits {
    /// ASCII digits, no leading zero unless the value is zero (then `"0"`).
    pub digits: String,
    /// The decimal exponent of the first digit.
    pub exp: i32,
}

/// Splits Rust's `{:e}` output (`"1.2345e-5"`) into digits and exponent,
/// reusing its buffer.
fn split_rust_exp(mut s: String) -> Digits {
    let e = s.find('e').expect("`{:e}` output always has an exponent");
    let exp = s[e + 1..].parse().expect("`{:e}` exponent is an integer");
    s.truncate(e);
    if s.len() > 1 {
        s.remove(1);
    }
    Digits { digits: s, exp }
}

/// The shortest digits that read back as `x` (`x` finite; its sign is
/// ignored); among several shortest candidates, the one nearest to `x`, ties
/// broken to even, as CPython's `dtoa` chooses (`1.9814529418945312`, where
/// Rust's own shortest printing gives `...313` for the same double).
pub fn shortest_digits(x: f64) -> Digits {
    let a = x.abs();
    let d = split_rust_exp(format!("{:e}", a));
    let n = d.digits.len();
    // Two shortest candidates tie only when the exact decimal expansion of
    // `a` has exactly n + 1 significant digits (ending in 5): check that
    // cheaply first. `a = m × 2^e` (m odd) has `exp + 1 - min(e, v5(m))`
    // significant digits when e >= 0 and `exp + 1 - e` when e < 0.
    if n >= 2 && exact_digit_count(a, d.exp) == n as i64 + 1 {
        let nearest = significant_digits(a, n);
        if nearest != d && digits_value(&nearest) == a {
            return nearest;
        }
    }
    d
}

/// The number of significant digits of the exact decimal expansion of the
/// finite, nonzero `a`, whose leading digit has decimal exponent `exp`.
fn exact_digit_count(a: f64, exp: i32) -> i64 {
    let (_, mut m, e) = crate::float_ops::decompose(a);
    if m == 0 {
        return 1;
    }
    if e < 0 {
        return i64::from(exp) + 1 - i64::from(e);
    }
    let mut v5 = 0;
    while m % 5 == 0 {
        m /= 5;
        v5 += 1;
    }
    i64::from(exp) + 1 - i64::from(e.min(v5))
}

/// The double nearest to the decimal `d`.
fn digits_value(d: &Digits) -> f64 {
    let e = d.exp - (d.digits.len() as i32 - 1);
    format!("{}e{e}", d.digits).parse().expect("digits parse")
}

/// `x` correctly rounded to `n >= 1` significant digits (`x` finite; its sign
/// is ignored). Trailing zeros are kept, so `digits` has exactly `n` digits.
pub fn significant_digits(x: f64, n: usize) -> Digits {
    let n = n.max(1);
    if n <= EXACT_SIGNIFICANT {
        return split_rust_exp(format!("{:.*e}", n - 1, x.abs()));
    }
    // Rust's formatter takes precisions up to u16::MAX only; past the exact
    // expansion (at most 767 significant digits) every digit is 0.
    let mut d = split_rust_exp(format!("{:.*e}", EXACT_SIGNIFICANT - 1, x.abs()));
    d.digits
        .extend(std::iter::repeat_n('0', n - EXACT_SIGNIFICANT));
    d
}

/// More significant digits than any double's exact decimal expansion has.
const EXACT_SIGNIFICANT: usize = 800;
/// More fractional digits than any double's exact decimal expansion has.
const EXACT_DECIMALS: usize = 1100;

/// `x` correctly rounded to `decimals` digits after the point, without sign:
/// `"123.46"` (no point when `decimals == 0`).
pub fn fixed_digits(x: f64, decimals: usize) -> String {
    if decimals <= EXACT_DECIMALS {
        return format!("{:.*}", decimals, x.abs());
    }
    // As above: beyond 1074 fractional digits the expansion is all zeros.
    let mut s = format!("{:.*}", EXACT_DECIMALS, x.abs());
    s.extend(std::iter::repeat_n('0', decimals - EXACT_DECIMALS));
    s
}

/// Python's exponent suffix: `e+05`, `e-10`, `e+100` (at least two digits).
pub fn exponent_suffix(exp: i32, upper: bool) -> String {
    let mut s = String::with_capacity(5);
    push_exponent_suffix(&mut s, exp, upper);
    s
}

fn push_exponent_suffix(out: &mut String, exp: i32, upper: bool) {
    out.push(if upper { 'E' } else { 'e' });
    out.push(if exp < 0 { '-' } else { '+' });
    let v = exp.unsigned_abs();
    if v >= 100 {
        out.push(char::from(b'0' + (v / 100) as u8));
    }
    out.push(char::from(b'0' + (v / 10 % 10) as u8));
    out.push(char::from(b'0' + (v % 10) as u8));
}

/// Places the decimal point in `digits` for a value `d1.d2... × 10^exp`
/// written without exponent, padding with zeros as needed. No point is
/// written when no digit falls after it.
pub fn place_point(d: &Digits) -> String {
    let digits = d.digits.as_bytes();
    let n = digits.len() as i64;
    let int_len = d.exp as i64 + 1;
    let mut out = String::new();
    if int_len <= 0 {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', (-int_len) as usize));
        out.push_str(&d.digits);
    } else if int_len >= n {
        out.push_str(&d.digits);
        out.extend(std::iter::repeat_n('0', (int_len - n) as usize));
    } else {
        let (a, b) = d.digits.split_at(int_len as usize);
        out.push_str(a);
        out.push('.');
        out.push_str(b);
    }
    out
}

/// Writes `d` in exponent form: `d1.d2d3e+XX` (`d1e+XX` for one digit).
pub fn place_exponent(d: &Digits, upper: bool) -> String {
    let mut out = String::with_capacity(d.digits.len() + 7);
    out.push_str(&d.digits[..1]);
    if d.digits.len() > 1 {
        out.push('.');
        out.push_str(&d.digits[1..]);
    }
    push_exponent_suffix(&mut out, d.exp, upper);
    out
}

/// `repr(x)` and `str(x)` for a Python float, exactly as CPython 3.11 prints
/// them: `1.0`, `0.0001`, `1e-05`, `1e+16`, `123456789012345.0`,
/// `1.2345678901234567e+19`, `-0.0`, `inf`, `-inf`, `nan`.
pub fn repr_f64(x: f64) -> String {
    if x.is_nan() {
        return "nan".to_string();
    }
    let negative = x.is_sign_negative();
    if x.is_infinite() {
        return if negative { "-inf" } else { "inf" }.to_string();
    }
    let d = shortest_digits(x);
    let mut body = if d.exp < -4 || d.exp >= 16 {
        place_exponent(&d, false)
    } else {
        let mut s = place_point(&d);
        if !s.contains('.') {
            s.push_str(".0");
        }
        s
    };
    if negative {
        body.insert(0, '-');
    }
    body
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repr_matches_python_spelling() {
        let cases: &[(f64, &str)] = &[
            (1.0, "1.0"),
            (0.1, "0.1"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (1e-5, "1e-05"),
            (0.0001, "0.0001"),
            (-0.0, "-0.0"),
            (0.0, "0.0"),
            (123456789012345.0, "123456789012345.0"),
            (1.2345678901234567e19, "1.2345678901234567e+19"),
            (5e-324, "5e-324"),
            (1.7976931348623157e308, "1.7976931348623157e+308"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (f64::NAN, "nan"),
            (-f64::NAN, "nan"),
            (2.5e-5, "2.5e-05"),
            (1e100, "1e+100"),
            (0.30000000000000004, "0.30000000000000004"),
            (1.9814529418945312, "1.9814529418945312"),
            (23.023086547851562, "23.023086547851562"),
        ];
        for &(x, want) in cases {
            assert_eq!(repr_f64(x), want, "repr of {x:e}");
        }
    }

    #[test]
    fn precisions_beyond_rusts_formatter() {
        let f = fixed_digits(0.1, 70_000);
        assert_eq!(f.len(), 70_002);
        assert!(f.starts_with("0.1000000000000000055511151231257827"));
        let d = significant_digits(5e-324, 70_000);
        assert_eq!(d.digits.len(), 70_000);
        assert!(
            d.digits
                .starts_with("4940656458412465441765687928682213723")
        );
        assert_eq!(d.exp, -324);
    }

    #[test]
    fn digit_primitives() {
        assert_eq!(
            significant_digits(0.125, 2),
            Digits {
                digits: "12".into(),
                exp: -1
            }
        );
        assert_eq!(
            significant_digits(9.99, 2),
            Digits {
                digits: "10".into(),
                exp: 1
            }
        );
        assert_eq!(fixed_digits(2.5, 0), "2");
        assert_eq!(fixed_digits(-0.375, 2), "0.38");
        assert_eq!(
            place_point(&Digits {
                digits: "12".into(),
                exp: -3
            }),
            "0.0012"
        );
        assert_eq!(
            place_point(&Digits {
                digits: "12".into(),
                exp: 3
            }),
            "1200"
        );
        assert_eq!(
            place_exponent(
                &Digits {
                    digits: "5".into(),
                    exp: -324
                },
                true
            ),
            "5E-324"
        );
    }
}
