//! `complex(str)`: CPython 3.11's grammar (`1+2j`, `(1+2j)`, `j`, `-j`,
//! `1e5j`, `inf+nanj`, whitespace and parentheses, PEP 515 underscores,
//! Unicode digits) and its two error messages.

use crate::error::{PyError, PyResult, repr_str};
use crate::numeric_text::{remove_digit_underscores, to_ascii_numeric};

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

/// The longest prefix of `b[start..]` that is a float literal (`strtod`
/// style: sign, digits with an optional point, an exponent only when digits
/// follow it, or `inf`/`infinity`/`nan`); its value and end.
fn float_prefix(b: &[u8], start: usize) -> Option<(f64, usize)> {
    let mut i = start;
    if matches!(b.get(i), Some(b'+' | b'-')) {
        i += 1;
    }
    let rest = &b[i..];
    let word =
        |w: &str| rest.len() >= w.len() && rest[..w.len()].eq_ignore_ascii_case(w.as_bytes());
    let special = if word("infinity") {
        Some(8)
    } else if word("inf") || word("nan") {
        Some(3)
    } else {
        None
    };
    let end = if let Some(n) = special {
        i + n
    } else {
        let digits_from = |mut j: usize| {
            while j < b.len() && b[j].is_ascii_digit() {
                j += 1;
            }
            j
        };
        let int_end = digits_from(i);
        let mut end = int_end;
        let mut n_digits = int_end - i;
        if b.get(end) == Some(&b'.') {
            let frac_end = digits_from(end + 1);
            n_digits += frac_end - end - 1;
            end = frac_end;
        }
        if n_digits == 0 {
            return None;
        }
        if matches!(b.get(end), Some(b'e' | b'E')) {
            let mut j = end + 1;
            if matches!(b.get(j), Some(b'+' | b'-')) {
                j += 1;
            }
            let exp_end = digits_from(j);
            if exp_end > j {
                end = exp_end;
            }
        }
        end
    };
    let text = std::str::from_utf8(&b[start..end]).ok()?;
    let v = if special.is_some() {
        crate::float_parse::parse_float(text).ok()?
    } else {
        text.parse().ok()?
    };
    Some((v, end))
}

/// `complex(s)` for a `str`: the real and imaginary parts. Errors:
/// `ValueError: complex() arg is a malformed string`, and for misplaced
/// underscores `ValueError: could not convert string to complex: '...'`.
pub fn parse_complex(s: &str) -> PyResult<(f64, f64)> {
    let malformed = || PyError::value("complex() arg is a malformed string");
    let ascii = to_ascii_numeric(s);
    let text = if ascii.contains('_') {
        remove_digit_underscores(&ascii).ok_or_else(|| {
            PyError::value(format!(
                "could not convert string to complex: {}",
                repr_str(s)
            ))
        })?
    } else {
        ascii.into_owned()
    };
    let b = text.as_bytes();
    let mut i = 0;
    let skip_space = |i: &mut usize| {
        while *i < b.len() && is_space(b[*i]) {
            *i += 1;
        }
    };
    skip_space(&mut i);
    let bracket = b.get(i) == Some(&b'(');
    if bracket {
        i += 1;
        skip_space(&mut i);
    }
    let is_j = |i: usize| matches!(b.get(i), Some(b'j' | b'J'));
    let (mut re, mut im) = (0.0, 0.0);
    if let Some((z, end)) = float_prefix(b, i) {
        i = end;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            // <float><signed-float>j or <float><sign>j
            re = z;
            match float_prefix(b, i) {
                Some((y, end)) => {
                    im = y;
                    i = end;
                }
                None => {
                    im = if b[i] == b'+' { 1.0 } else { -1.0 };
                    i += 1;
                }
            }
            if !is_j(i) {
                return Err(malformed());
            }
            i += 1;
        } else if is_j(i) {
            im = z;
            i += 1;
        } else {
            re = z;
        }
    } else {
        // <sign>j or j
        if matches!(b.get(i), Some(b'+' | b'-')) {
            im = if b[i] == b'+' { 1.0 } else { -1.0 };
            i += 1;
        } else {
            im = 1.0;
        }
        if !is_j(i) {
            return Err(malformed());
        }
        i += 1;
    }
    skip_space(&mut i);
    if bracket {
        if b.get(i) != Some(&b')') {
            return Err(malformed());
        }
        i += 1;
        skip_space(&mut i);
    }
    if i != b.len() {
        return Err(malformed());
    }
    Ok((re, im))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepted_forms() {
        assert_eq!(parse_complex("1+2j").unwrap(), (1.0, 2.0));
        assert_eq!(parse_complex(" ( 1+2j ) ").unwrap(), (1.0, 2.0));
        assert_eq!(parse_complex("j").unwrap(), (0.0, 1.0));
        assert_eq!(parse_complex("-j").unwrap(), (0.0, -1.0));
        assert_eq!(parse_complex("1-j").unwrap(), (1.0, -1.0));
        assert_eq!(parse_complex("1e5j").unwrap(), (0.0, 1e5));
        assert_eq!(
            parse_complex("-infinityj").unwrap(),
            (0.0, f64::NEG_INFINITY)
        );
        assert_eq!(parse_complex("1_0+2_0j").unwrap(), (10.0, 20.0));
        assert_eq!(parse_complex("\u{a0}1+2j\u{3000}").unwrap(), (1.0, 2.0));
        assert_eq!(parse_complex("5.j").unwrap(), (0.0, 5.0));
    }

    #[test]
    fn rejected_forms() {
        for bad in [
            "1 + 2j", "(1+2j", "1+2j)", "()", "", "1e", "1ej", "1+e5j", "nan(1)", "1+2", "1+2jj",
            "1+2j\0", "(j", "+",
        ] {
            assert_eq!(
                parse_complex(bad).unwrap_err().message,
                "complex() arg is a malformed string",
                "{bad:?}"
            );
        }
        assert_eq!(
            parse_complex("1__0j").unwrap_err().message,
            "could not convert string to complex: '1__0j'"
        );
    }
}
