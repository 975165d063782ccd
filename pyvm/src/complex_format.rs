//! `repr(complex)` and `format(complex, spec)`, CPython 3.11-exact:
//! `(1+2j)`, `1j`, `(-0-0j)`, `(nan+infj)`, `format(1+2j, '*^20.2f')`.
//!
//! The parts are floats printed like `repr(float)` without the `.0`
//! (`(1+2j)`); the imaginary part always carries a sign unless the real part
//! is omitted (a `+0.0` real part with the default format type).

use crate::error::{PyError, PyResult};
use crate::float_format::{FloatStyle, sign_for, write_float_body};
use crate::format_spec::{
    Align, FormatSpec, Grouping, Sign, check_output_size, group_digits, pad_aligned,
    parse_format_spec, unknown_code,
};

/// `repr(complex(re, im))` (also `str`).
pub fn repr_complex(re: f64, im: f64) -> String {
    format_complex(re, im, "").expect("the empty spec is valid")
}

/// Formats one part: sign, grouped integer digits, the rest.
fn format_part(x: f64, style: FloatStyle, f: &FormatSpec, sign: Sign, upper: bool) -> String {
    let mut body = if x.is_nan() {
        "nan".to_string()
    } else if x.is_infinite() {
        "inf".to_string()
    } else {
        write_float_body(x, style, f.alternate)
    };
    if upper {
        body = body.to_uppercase();
    }
    let sign = sign_for(x, &body, sign, f.no_neg_zero);
    if !x.is_finite() {
        return format!("{sign}{body}");
    }
    let int_len = body.bytes().take_while(u8::is_ascii_digit).count();
    let (digits, rest) = body.split_at(int_len);
    let sep = match f.grouping {
        Some(Grouping::Comma) => Some((',', 3)),
        Some(Grouping::Underscore) => Some(('_', 3)),
        None => None,
    };
    format!("{sign}{}{rest}", group_digits(digits, sep, 0))
}

/// `format(complex(re, im), spec)`: types `e E f F g G n` and the default
/// (like `str`, parenthesized, or with a precision like `g`); grouping,
/// sign, `z`, `#`, fill, width and alignment apply. Errors as CPython:
/// `Zero padding is not allowed in complex format specifier`,
/// `'=' alignment flag is not allowed in complex format specifier`,
/// `Unknown format code '%' for object of type 'complex'`.
pub fn format_complex(re: f64, im: f64, spec: &str) -> PyResult<String> {
    let f = parse_format_spec(spec, "complex", None)?;
    match f.ty {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n') => {}
        Some(t) => return Err(unknown_code(t, "complex")),
    }
    if f.fill == Some('0') {
        return Err(PyError::value(
            "Zero padding is not allowed in complex format specifier",
        ));
    }
    if f.align == Some(Align::AfterSign) {
        return Err(PyError::value(
            "'=' alignment flag is not allowed in complex format specifier",
        ));
    }
    check_output_size(f.width, f.precision)?;
    let (style, skip_re) = match f.ty {
        None => {
            let skip = re == 0.0 && re.is_sign_positive();
            match f.precision {
                None => (FloatStyle::ReprBare, skip),
                Some(p) => (FloatStyle::General(p), skip),
            }
        }
        Some('e' | 'E') => (FloatStyle::Exponent(f.precision.unwrap_or(6)), false),
        Some('f' | 'F') => (FloatStyle::Fixed(f.precision.unwrap_or(6)), false),
        _ => (FloatStyle::General(f.precision.unwrap_or(6)), false),
    };
    let parens = f.ty.is_none() && !skip_re;
    let upper = matches!(f.ty, Some('E' | 'F' | 'G'));
    let sign = f.sign.unwrap_or(Sign::Minus);
    let mut out = String::new();
    if parens {
        out.push('(');
    }
    if !skip_re {
        out.push_str(&format_part(re, style, &f, sign, upper));
    }
    let im_sign = if skip_re { sign } else { Sign::Plus };
    out.push_str(&format_part(im, style, &f, im_sign, upper));
    out.push('j');
    if parens {
        out.push(')');
    }
    Ok(pad_aligned(
        &out,
        f.width,
        f.fill.unwrap_or(' '),
        f.align.unwrap_or(Align::Right),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repr_like_cpython() {
        let nan = f64::NAN;
        let inf = f64::INFINITY;
        let cases = [
            ((1e16, 0.0), "(1e+16+0j)"),
            ((1e15, 1e16), "(1000000000000000+1e+16j)"),
            ((0.0, 1.0), "1j"),
            ((-0.0, 1.0), "(-0+1j)"),
            ((0.0, -0.0), "-0j"),
            ((-0.0, -0.0), "(-0-0j)"),
            ((1.0, nan), "(1+nanj)"),
            ((nan, -inf), "(nan-infj)"),
            ((1.5, -2.5), "(1.5-2.5j)"),
            ((1e-5, 1e-4), "(1e-05+0.0001j)"),
        ];
        for ((re, im), want) in cases {
            assert_eq!(repr_complex(re, im), want);
        }
    }

    #[test]
    fn format_like_cpython() {
        let f = |re, im, spec| format_complex(re, im, spec).unwrap();
        assert_eq!(f(1.0, 2.0, "10"), "    (1+2j)");
        assert_eq!(f(1.0, 2.0, "g"), "1+2j");
        assert_eq!(f(0.0, 2.0, "+g"), "+0+2j");
        assert_eq!(f(0.0, 2.0, "+"), "+2j");
        assert_eq!(f(1.0, 2.0, "*^20.2f"), "*****1.00+2.00j*****");
        assert_eq!(f(1234.5, 6789.0, ",.1f"), "1,234.5+6,789.0j");
        assert_eq!(f(-0.0, -0.0, "z"), "(0+0j)");
        assert_eq!(f(1e16, 1.0, ".17"), "(10000000000000000+1j)");
        assert_eq!(f(1.0, 2.0, "#"), "(1.+2.j)");
        assert_eq!(f(f64::NAN, f64::INFINITY, "F"), "NAN+INFj");
        assert_eq!(f(1.0, 2.0, " "), "( 1+2j)");
        let err = |spec| format_complex(1.0, 2.0, spec).unwrap_err().message;
        assert_eq!(
            err("010"),
            "Zero padding is not allowed in complex format specifier"
        );
        assert_eq!(
            err("=10"),
            "'=' alignment flag is not allowed in complex format specifier"
        );
        assert_eq!(
            err("%"),
            "Unknown format code '%' for object of type 'complex'"
        );
    }
}
