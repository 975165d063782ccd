//! `str(int)`, `bin`/`oct`/`hex` and `format(int, spec)` with every int
//! presentation type (`b c d o x X n`, and `e E f F g G %` through float),
//! CPython 3.11-exact, including the decimal digit limit.

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

use crate::error::{PyError, PyResult};
use crate::float_format::{PrintfSpec, format_float_printf, format_float_with};
use crate::format_spec::{
    Align, FormatSpec, NumberParts, Sign, check_output_size, pad_aligned, pad_number,
    parse_format_spec, unknown_code,
};
use crate::int_ops::int_to_f64;
use crate::int_parse::MaxStrDigits;

fn limit_error(limit: MaxStrDigits) -> PyError {
    PyError::value(format!(
        "Exceeds the limit ({} digits) for integer string conversion; \
         use sys.set_int_max_str_digits() to increase the limit",
        limit.0
    ))
}

/// The decimal digits of `|n|`, checked against the `int`/`str` limit.
fn decimal_magnitude(n: &BigInt, limit: MaxStrDigits) -> PyResult<String> {
    // A cheap bound first (bits × log10(2) underestimates the digit count by
    // less than one), so huge values fail without converting them.
    let bits = n.bits();
    if limit.0 != 0 && (bits as f64 - 1.0) * std::f64::consts::LOG10_2 > limit.0 as f64 + 1.0 {
        return Err(limit_error(limit));
    }
    let s = n.magnitude().to_str_radix(10);
    if limit.exceeded_by(s.len()) {
        return Err(limit_error(limit));
    }
    Ok(s)
}

/// `str(n)` / `repr(n)`; fails with CPython's `Exceeds the limit (4300
/// digits) for integer string conversion; ...` beyond `limit`.
pub fn int_to_str(n: &BigInt, limit: MaxStrDigits) -> PyResult<String> {
    let s = decimal_magnitude(n, limit)?;
    Ok(if n.is_negative() { format!("-{s}") } else { s })
}

fn prefixed(n: &BigInt, radix: u32, prefix: &str) -> String {
    let sign = if n.is_negative() { "-" } else { "" };
    format!("{sign}{prefix}{}", n.magnitude().to_str_radix(radix))
}

/// `bin(n)`: `bin(-5) == "-0b101"`.
pub fn int_to_bin(n: &BigInt) -> String {
    prefixed(n, 2, "0b")
}

/// `oct(n)`: `oct(8) == "0o10"`.
pub fn int_to_oct(n: &BigInt) -> String {
    prefixed(n, 8, "0o")
}

/// `hex(n)`: `hex(-255) == "-0xff"`.
pub fn int_to_hex(n: &BigInt) -> String {
    prefixed(n, 16, "0x")
}

/// `format(n, spec)` for an `int`: `format(1234567, "_d") == "1_234_567"`,
/// `format(255, "#010_b")`, `format(65, "^5c")`, `format(10**20, ",.3e")`.
/// `n` behaves as in the C locale.
pub fn format_int(n: &BigInt, spec: &str, limit: MaxStrDigits) -> PyResult<String> {
    format_int_named(n, spec, limit, "int")
}

/// [`format_int`] for a value whose type CPython names `type_name` in
/// errors (`bool`).
pub fn format_int_named(
    n: &BigInt,
    spec: &str,
    limit: MaxStrDigits,
    type_name: &str,
) -> PyResult<String> {
    if spec.is_empty() {
        return int_to_str(n, limit);
    }
    let f = parse_format_spec(spec, type_name, Some('d'))?;
    let ty = f.ty.unwrap_or('d');
    match ty {
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => {}
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            return format_float_with(int_to_f64(n)?, &f, type_name);
        }
        t => return Err(unknown_code(t, type_name)),
    }
    if f.precision.is_some() {
        return Err(PyError::value(
            "Precision not allowed in integer format specifier",
        ));
    }
    if f.no_neg_zero {
        return Err(PyError::value(
            "Negative zero coercion (z) not allowed in integer format specifier",
        ));
    }
    check_output_size(f.width, None)?;
    if ty == 'c' {
        if f.sign.is_some() {
            return Err(PyError::value(
                "Sign not allowed with integer format specifier 'c'",
            ));
        }
        if f.alternate {
            return Err(PyError::value(
                "Alternate form (#) not allowed with integer format specifier 'c'",
            ));
        }
        let code = n
            .to_i64()
            .ok_or_else(|| PyError::overflow("Python int too large to convert to C long"))?;
        // A lone surrogate (U+D800..U+DFFF) is a valid Python `str` but not a
        // Rust one: it comes out as U+FFFD here; the runtime's own `str`
        // type should build the character itself.
        let ch = match u32::try_from(code) {
            Ok(0xd800..=0xdfff) => '\u{fffd}',
            Ok(v) if v <= 0x10ffff => char::from_u32(v).expect("scalar value"),
            _ => return Err(PyError::overflow("%c arg not in range(0x110000)")),
        };
        let text = ch.to_string();
        let parts = NumberParts {
            digits: &text,
            ..Default::default()
        };
        return Ok(pad_number(&f, &parts, 3));
    }
    let (radix, prefix, group) = match ty {
        'b' => (2, "0b", 4),
        'o' => (8, "0o", 4),
        'x' => (16, "0x", 4),
        'X' => (16, "0X", 4),
        _ => (10, "", 3),
    };
    let mut digits = if radix == 10 {
        decimal_magnitude(n, limit)?
    } else {
        n.magnitude().to_str_radix(radix)
    };
    if ty == 'X' {
        digits.make_ascii_uppercase();
    }
    let sign = match (n.is_negative(), f.sign.unwrap_or(Sign::Minus)) {
        (true, _) => "-",
        (false, Sign::Plus) => "+",
        (false, Sign::Space) => " ",
        (false, Sign::Minus) => "",
    };
    let prefix = if f.alternate { prefix } else { "" };
    let parts = NumberParts {
        sign,
        prefix,
        digits: &digits,
        groupable: true,
        rest: "",
    };
    Ok(pad_number(&f, &parts, group))
}

/// `'%<flags><conv>' % n` for an int: `d i u o x X c`, and `e E f F g G`
/// through float. The precision is a minimum digit count (`'%.5d' % -42`
/// is `-00042`), `#` adds `0o`/`0x`/`0X`, and `%c` ignores the `0` flag.
pub fn format_int_printf(
    n: &BigInt,
    conv: char,
    p: &PrintfSpec,
    limit: MaxStrDigits,
) -> PyResult<String> {
    check_output_size(p.width, p.precision)?;
    let (radix, prefix) = match conv {
        'd' | 'i' | 'u' => (10, ""),
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        'c' => {
            let ch = n
                .to_u32()
                .and_then(char::from_u32)
                .ok_or_else(|| PyError::overflow("%c arg not in range(0x110000)"))?;
            let align = if p.left { Align::Left } else { Align::Right };
            return Ok(pad_aligned(&ch.to_string(), p.width, ' ', align));
        }
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => return format_float_printf(int_to_f64(n)?, conv, p),
        _ => {
            return Err(PyError::value(format!(
                "unsupported format character '{conv}' (0x{:x})",
                conv as u32
            )));
        }
    };
    let mut digits = if radix == 10 {
        decimal_magnitude(n, limit)?
    } else {
        n.magnitude().to_str_radix(radix)
    };
    if conv == 'X' {
        digits.make_ascii_uppercase();
    }
    if let Some(prec) = p.precision
        && digits.len() < prec
    {
        digits = "0".repeat(prec - digits.len()) + &digits;
    }
    let sign = if n.is_negative() {
        "-"
    } else if p.plus {
        "+"
    } else if p.space {
        " "
    } else {
        ""
    };
    let prefix = if p.alternate { prefix } else { "" };
    let zero = p.zero && !p.left;
    let spec = FormatSpec {
        fill: Some(if zero { '0' } else { ' ' }),
        align: Some(if p.left {
            Align::Left
        } else if zero {
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
        prefix,
        digits: &digits,
        groupable: true,
        rest: "",
    };
    Ok(pad_number(&spec, &parts, 3))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fmt(n: i64, spec: &str) -> String {
        format_int(&BigInt::from(n), spec, MaxStrDigits::default()).unwrap()
    }

    fn err(n: i64, spec: &str) -> String {
        format_int(&BigInt::from(n), spec, MaxStrDigits::default())
            .unwrap_err()
            .message
    }

    #[test]
    fn presentation_types() {
        assert_eq!(fmt(65, "^5c"), "  A  ");
        assert_eq!(fmt(65, "05c"), "0000A");
        assert_eq!(fmt(255, "#X"), "0XFF");
        assert_eq!(fmt(255, "#o"), "0o377");
        assert_eq!(fmt(-255, "#010_b"), "-0b1111_1111");
        assert_eq!(fmt(1234567, "n"), "1234567");
        assert_eq!(fmt(-1234567, "+015,"), "-00,001,234,567");
        assert_eq!(fmt(12, "%"), "1200.000000%");
        assert_eq!(fmt(5, ".2f"), "5.00");
        assert_eq!(fmt(0, "+"), "+0");
        assert_eq!(fmt(1, "x="), "1");
        assert_eq!(fmt(1, "z.1f"), "1.0");
    }

    #[test]
    fn errors() {
        assert_eq!(
            err(1, "z.2"),
            "Precision not allowed in integer format specifier"
        );
        assert_eq!(
            err(1, "+#c"),
            "Sign not allowed with integer format specifier 'c'"
        );
        assert_eq!(
            err(1, "s"),
            "Unknown format code 's' for object of type 'int'"
        );
        assert_eq!(err(-1, "c"), "%c arg not in range(0x110000)");
        assert_eq!(
            err(1, "zd"),
            "Negative zero coercion (z) not allowed in integer format specifier"
        );
        let big = BigInt::from(10).pow(400);
        let e = format_int(&big, "e", MaxStrDigits::default()).unwrap_err();
        assert_eq!(e.message, "int too large to convert to float");
    }

    #[test]
    fn printf_style() {
        let p = |v: i64, conv, spec: PrintfSpec| {
            format_int_printf(&BigInt::from(v), conv, &spec, MaxStrDigits::default()).unwrap()
        };
        let prec5 = PrintfSpec {
            precision: Some(5),
            ..Default::default()
        };
        assert_eq!(p(-42, 'd', prec5), "-00042");
        let zero8 = PrintfSpec {
            zero: true,
            width: Some(8),
            precision: Some(5),
            ..Default::default()
        };
        assert_eq!(p(-42, 'd', zero8), "-0000042");
        let alt = PrintfSpec {
            alternate: true,
            zero: true,
            width: Some(8),
            ..Default::default()
        };
        assert_eq!(p(255, 'x', alt), "0x0000ff");
        let alt_prec = PrintfSpec {
            alternate: true,
            precision: Some(3),
            ..Default::default()
        };
        assert_eq!(p(8, 'o', alt_prec), "0o010");
        let zero5 = PrintfSpec {
            zero: true,
            width: Some(5),
            ..Default::default()
        };
        assert_eq!(p(65, 'c', zero5), "    A");
        assert_eq!(
            p(
                0,
                'd',
                PrintfSpec {
                    precision: Some(0),
                    ..Default::default()
                }
            ),
            "0"
        );
    }

    #[test]
    fn str_and_prefixes_with_limit() {
        let n = BigInt::from(10).pow(4300);
        assert!(
            int_to_str(&n, MaxStrDigits::default())
                .unwrap_err()
                .message
                .starts_with("Exceeds")
        );
        assert!(format_int(&n, "d", MaxStrDigits::default()).is_err());
        assert_eq!(
            format_int(&n, "x", MaxStrDigits::default()).unwrap().len(),
            3572
        );
        let m = -BigInt::from(10).pow(4299);
        assert_eq!(int_to_str(&m, MaxStrDigits::default()).unwrap().len(), 4301);
        assert_eq!(int_to_bin(&BigInt::from(-5)), "-0b101");
        assert_eq!(int_to_oct(&BigInt::from(8)), "0o10");
        assert_eq!(int_to_hex(&BigInt::from(-255)), "-0xff");
    }
}
