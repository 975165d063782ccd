//! `format(x, spec)` / `float.__format__` and `%`-style formatting of floats
//! (`'%.3f' % x`), CPython 3.11-exact.

use crate::error::{PyError, PyResult};
use crate::float_repr::{
    exponent_suffix, fixed_digits, place_point, repr_f64, shortest_digits, significant_digits,
};
use crate::format_spec::{
    Align, FormatSpec, NumberParts, Sign, check_output_size, pad_number, parse_format_spec,
    unknown_code,
};

/// How to lay out the digits of a non-negative finite float.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FloatStyle {
    /// `f`: fixed point with this many decimals.
    Fixed(usize),
    /// `e`: exponent form with this many decimals in the mantissa.
    Exponent(usize),
    /// `g`: this many significant digits (at least 1), trailing zeros
    /// stripped unless alternate form.
    General(usize),
    /// The format type `''` with a precision: like `General` but switching to
    /// exponent form one digit earlier and always showing a fractional digit.
    GeneralDot0(usize),
    /// `repr`: the shortest round-trip digits (`1.0`, `1e+16`).
    Repr,
    /// The shortest round-trip digits without the `.0` that `repr(float)`
    /// adds to integral values (`1`, `-0`, `1e+16`): how `complex` prints
    /// its parts.
    ReprBare,
}

/// Writes the digits of `a` (finite, sign ignored) in `style`, lowercase,
/// without sign; `alternate` is the `#` flag (always keep the decimal point;
/// for general styles also keep trailing zeros).
pub fn write_float_body(a: f64, style: FloatStyle, alternate: bool) -> String {
    match style {
        FloatStyle::Fixed(p) => {
            let mut s = fixed_digits(a, p);
            if alternate && p == 0 {
                s.push('.');
            }
            s
        }
        FloatStyle::Exponent(p) => {
            let d = significant_digits(a, p + 1);
            let mut s = d.digits[..1].to_string();
            if p > 0 || alternate {
                s.push('.');
            }
            s.push_str(&d.digits[1..]);
            s + &exponent_suffix(d.exp, false)
        }
        FloatStyle::General(p) => write_general(a, p.max(1), alternate, false),
        FloatStyle::GeneralDot0(p) => write_general(a, p.max(1), alternate, true),
        FloatStyle::Repr | FloatStyle::ReprBare => {
            let d = shortest_digits(a);
            if d.exp < -4 || d.exp >= 16 {
                write_exponent_form(&d.digits, d.exp, alternate)
            } else {
                let mut s = place_point(&d);
                if !s.contains('.') {
                    if style == FloatStyle::Repr {
                        s.push_str(".0");
                    } else if alternate {
                        s.push('.');
                    }
                }
                s
            }
        }
    }
}

fn write_exponent_form(digits: &str, exp: i32, alternate: bool) -> String {
    let mut s = digits[..1].to_string();
    if digits.len() > 1 || alternate {
        s.push('.');
    }
    s.push_str(&digits[1..]);
    s + &exponent_suffix(exp, false)
}

fn write_general(a: f64, p: usize, alternate: bool, add_dot_0: bool) -> String {
    let mut d = significant_digits(a, p);
    let threshold = if add_dot_0 { p as i32 - 1 } else { p as i32 };
    let use_exp = d.exp < -4 || d.exp >= threshold;
    if !alternate {
        let kept = d.digits.trim_end_matches('0').len().max(1);
        d.digits.truncate(kept);
    }
    if use_exp {
        return write_exponent_form(&d.digits, d.exp, alternate);
    }
    let mut s = place_point(&d);
    if !s.contains('.') {
        if add_dot_0 {
            s.push_str(".0");
        } else if alternate {
            s.push('.');
        }
    }
    s
}

/// CPython keeps float precisions in a C `int`.
fn check_precision(precision: Option<usize>) -> PyResult<()> {
    match precision {
        Some(p) if p > i32::MAX as usize => Err(PyError::value("precision too big")),
        _ => Ok(()),
    }
}

/// Builds the sign string for a float: `nan` never shows a minus sign, and
/// with `no_neg_zero` a value whose printed digits are all zero is positive.
pub(crate) fn sign_for(x: f64, body: &str, sign: Sign, no_neg_zero: bool) -> &'static str {
    let mut negative = x.is_sign_negative() && !x.is_nan();
    if negative && no_neg_zero && x.is_finite() {
        let mantissa = body.split(['e', 'E']).next().unwrap_or("");
        if !mantissa.bytes().any(|b| (b'1'..=b'9').contains(&b)) {
            negative = false;
        }
    }
    match (negative, sign) {
        (true, _) => "-",
        (false, Sign::Plus) => "+",
        (false, Sign::Space) => " ",
        (false, Sign::Minus) => "",
    }
}

/// `format(x, spec)` for a float, e.g. `format(1234.5, ',.2f')` is
/// `"1,234.50"`. Supports every option and the types `e E f F g G n %` and
/// the default; `n` behaves as in the C locale (like `g`).
pub fn format_float(x: f64, spec: &str) -> PyResult<String> {
    if spec.is_empty() {
        return Ok(repr_f64(x));
    }
    let f = parse_format_spec(spec, "float", None)?;
    format_float_with(x, &f, "float")
}

/// Formats `x` with an already parsed spec; `type_name` names the object in
/// error messages (`int` uses this for its `e f g %` types).
pub fn format_float_with(x: f64, f: &FormatSpec, type_name: &str) -> PyResult<String> {
    check_precision(f.precision)?;
    let style = match f.ty {
        None => match f.precision {
            None => FloatStyle::Repr,
            Some(p) => FloatStyle::GeneralDot0(p),
        },
        Some('e' | 'E') => FloatStyle::Exponent(f.precision.unwrap_or(6)),
        Some('f' | 'F' | '%') => FloatStyle::Fixed(f.precision.unwrap_or(6)),
        Some('g' | 'G' | 'n') => FloatStyle::General(f.precision.unwrap_or(6)),
        Some(t) => return Err(unknown_code(t, type_name)),
    };
    check_output_size(f.width, f.precision)?;
    let upper = matches!(f.ty, Some('E' | 'F' | 'G'));
    let percent = f.ty == Some('%');
    let v = if percent { x * 100.0 } else { x };
    let mut body = if v.is_nan() {
        "nan".to_string()
    } else if v.is_infinite() {
        "inf".to_string()
    } else {
        write_float_body(v, style, f.alternate)
    };
    if upper {
        body = body.to_uppercase();
    }
    let sign = sign_for(v, &body, f.sign.unwrap_or(Sign::Minus), f.no_neg_zero);
    if percent {
        body.push('%');
    }
    let finite = v.is_finite();
    let int_len = if finite {
        body.bytes().take_while(u8::is_ascii_digit).count()
    } else {
        body.len()
    };
    let (digits, rest) = body.split_at(int_len);
    let parts = NumberParts {
        sign,
        prefix: "",
        digits,
        groupable: finite,
        rest,
    };
    Ok(pad_number(f, &parts, 3))
}

/// The conversion flags of a `%`-style directive such as `%-+#010.3f`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PrintfSpec {
    /// `-`: left-justify.
    pub left: bool,
    /// `+`: always a sign.
    pub plus: bool,
    /// ` `: a space for non-negative values.
    pub space: bool,
    /// `#`: alternate form.
    pub alternate: bool,
    /// `0`: zero padding (ignored with `-`).
    pub zero: bool,
    /// Minimum width.
    pub width: Option<usize>,
    /// Precision (default 6).
    pub precision: Option<usize>,
}

/// `'%<flags><conv>' % x` for the float conversions `e E f F g G`
/// (`%r`/`%s` are `repr(x)` then string padding, done by the caller).
pub fn format_float_printf(x: f64, conv: char, p: &PrintfSpec) -> PyResult<String> {
    check_precision(p.precision)?;
    check_output_size(p.width, p.precision)?;
    let prec = p.precision.unwrap_or(6);
    let style = match conv {
        'e' | 'E' => FloatStyle::Exponent(prec),
        'f' | 'F' => FloatStyle::Fixed(prec),
        'g' | 'G' => FloatStyle::General(prec),
        _ => {
            return Err(PyError::value(format!(
                "unsupported format character '{conv}' (0x{:x})",
                conv as u32
            )));
        }
    };
    let mut body = if x.is_nan() {
        "nan".to_string()
    } else if x.is_infinite() {
        "inf".to_string()
    } else {
        write_float_body(x, style, p.alternate)
    };
    if conv.is_ascii_uppercase() {
        body = body.to_uppercase();
    }
    let sign = if x.is_sign_negative() && !x.is_nan() {
        "-"
    } else if p.plus {
        "+"
    } else if p.space {
        " "
    } else {
        ""
    };
    let spec = FormatSpec {
        fill: Some(if p.zero && !p.left { '0' } else { ' ' }),
        align: Some(if p.left {
            Align::Left
        } else if p.zero {
            Align::AfterSign
        } else {
            Align::Right
        }),
        zero_pad: false,
        sign: None,
        no_neg_zero: false,
        alternate: false,
        width: p.width,
        grouping: None,
        precision: None,
        ty: None,
    };
    let parts = NumberParts {
        sign,
        prefix: "",
        digits: &body,
        groupable: false,
        rest: "",
    };
    Ok(pad_number(&spec, &parts, 3))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fmt(x: f64, spec: &str) -> String {
        format_float(x, spec).unwrap()
    }

    #[test]
    fn types_and_precision() {
        assert_eq!(fmt(1.5, "#.0e"), "2.e+00");
        assert_eq!(fmt(1.5, "#g"), "1.50000");
        assert_eq!(fmt(0.0, "g"), "0");
        assert_eq!(fmt(1e16, ".3"), "1e+16");
        assert_eq!(fmt(123.0, ".0"), "1e+02");
        assert_eq!(fmt(123.0, ".3"), "1.23e+02");
        assert_eq!(fmt(1.0, ".3"), "1.0");
        assert_eq!(fmt(1.0, "G"), "1");
        assert_eq!(fmt(1e16, "#"), "1.e+16");
        assert_eq!(fmt(1e16, ".17g"), "10000000000000000");
        assert_eq!(fmt(1.0, ".0%"), "100%");
        assert_eq!(fmt(1234.5, "%"), "123450.000000%");
        assert_eq!(fmt(0.125, ".2f"), "0.12");
        assert_eq!(fmt(f64::INFINITY, "F"), "INF");
    }

    #[test]
    fn sign_padding_grouping() {
        assert_eq!(fmt(f64::NAN, "010"), "0000000nan");
        assert_eq!(fmt(f64::NEG_INFINITY, "=+010"), "-000000inf");
        assert_eq!(fmt(-f64::NAN, "+"), "+nan");
        assert_eq!(fmt(1.5, "010,"), "0,000,001.5");
        assert_eq!(fmt(1234.5, "012,.2f"), "0,001,234.50");
        assert_eq!(fmt(-1.5, "*=+9"), "-*****1.5");
        assert_eq!(fmt(1.5, "*^9"), "***1.5***");
        assert_eq!(fmt(-0.0001, "z.1f"), "0.0");
        assert_eq!(fmt(-0.0, "z010.1f"), "00000000.0");
        assert_eq!(fmt(123456789.0, ","), "123,456,789.0");
        assert_eq!(fmt(1e20, ","), "1e+20");
    }

    #[test]
    fn errors() {
        assert_eq!(
            format_float(1.5, "x").unwrap_err().message,
            "Unknown format code 'x' for object of type 'float'"
        );
        assert_eq!(
            format_float(1.5, "  ").unwrap_err().message,
            "Unknown format code '\\x20' for object of type 'float'"
        );
    }

    #[test]
    fn printf_style() {
        let p = |s: PrintfSpec, c, x| format_float_printf(x, c, &s).unwrap();
        let zero10 = PrintfSpec {
            zero: true,
            width: Some(10),
            ..Default::default()
        };
        assert_eq!(p(zero10, 'f', f64::INFINITY), "0000000inf");
        let left = PrintfSpec {
            left: true,
            zero: true,
            width: Some(10),
            ..Default::default()
        };
        assert_eq!(p(left, 'f', -1.5), "-1.500000 ");
        let alt = PrintfSpec {
            plus: true,
            alternate: true,
            precision: Some(0),
            ..Default::default()
        };
        assert_eq!(p(alt, 'e', 1.5), "+2.e+00");
        let g = PrintfSpec {
            zero: true,
            width: Some(10),
            precision: Some(3),
            ..Default::default()
        };
        assert_eq!(p(g, 'g', -1.5), "-0000001.5");
    }
}
