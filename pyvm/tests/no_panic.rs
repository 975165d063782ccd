//! Arbitrary input never panics: every parser and formatter returns a value
//! or a `PyError`, as a Python runtime must (a panic would crash the VM).

use num_bigint::BigInt;
use proptest::prelude::*;
use pyvm::ErrorKind;
use pyvm::complex_format::format_complex;
use pyvm::float_format::format_float;
use pyvm::float_parse::{parse_float, parse_float_hex};
use pyvm::format_spec::format_str;
use pyvm::format_string::{parse_format_string, split_field_name};
use pyvm::int_format::format_int;
use pyvm::int_parse::{MaxStrDigits, parse_int};

/// Short strings over the characters the parsers care about, plus anything.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[0-9a-zA-Z_.+\\- \t\\{\\}\\[\\]!:<>^=,#%xobeEpPnN]{0,12}",
        "\\PC{0,6}",
    ]
}

/// Format specs whose widths and precisions stay small (at most 6 digits).
fn spec() -> impl Strategy<Value = String> {
    "[<>^=*0 +\\-z#_,.]{0,4}[0-9]{0,3}[,_]?(\\.[0-9]{0,3})?[a-zA-Z%\\x01 ]?"
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn parsers_never_panic(s in text(), base in -1i64..40) {
        let _ = pyvm::percent_format::parse_percent_format(&s);
        let _ = pyvm::bytes_text::parse_hex_bytes(&s);
        let _ = pyvm::str_repr::repr_str(&s);
        let _ = pyvm::str_repr::ascii_str(&s);
        let _ = pyvm::complex_parse::parse_complex(&s);
        let _ = pyvm::str_split::split_whitespace(&s, base as isize - 1);
        let _ = pyvm::str_split::rsplit_whitespace(&s, base as isize - 1);
        let _ = pyvm::str_split::splitlines(&s, base % 2 == 0);
        let _ = pyvm::str_pad::center(&s, base as usize, '*');
        let _ = pyvm::str_pad::ljust(&s, usize::MAX, '*');
        let _ = pyvm::str_pad::zfill(&s, base as usize);
        let _ = pyvm::str_pad::expandtabs(&s, base - 5);
        let _ = parse_float(&s);
        let _ = parse_float_hex(&s);
        let _ = parse_int(&s, base, MaxStrDigits::default());
        let _ = parse_format_string(&s);
        let _ = split_field_name(&s);
    }

    #[test]
    fn formatters_never_panic(bits in any::<u64>(), n in any::<i64>(), spec in spec(), s in text()) {
        let x = f64::from_bits(bits);
        let _ = format_float(x, &spec);
        let _ = format_int(&BigInt::from(n), &spec, MaxStrDigits::default());
        let _ = format_str(&s, &spec);
        let _ = format_complex(x, -x, &spec);
        let c = pyvm::complex_arith::Complex::new(x, f64::from_bits(bits.rotate_left(17)));
        let _ = c.pow(c);
        let _ = c.try_div(c);
        let _ = c.abs();
        let _ = pyvm::float_arith::float_pow(x, c.im);
        let _ = pyvm::float_arith::float_divmod(x, c.im);
        let _ = pyvm::float_ops::round_f64(x, n % 400);
        let _ = pyvm::math_exact::fsum([x, c.im, -x]);
        let _ = pyvm::bytes_text::hex_bytes(&bits.to_le_bytes(), Some(&s), (n % 10) as i32);
        let _ = pyvm::float_pack::pack_half(x);
        let _ = pyvm::float_pack::pack_single(x);
        let _ = pyvm::math_gamma::math_gamma(x);
        let _ = pyvm::math_gamma::math_lgamma(x);
        let _ = pyvm::math_float::math_hypot(&[x, c.im, -x]);
        let _ = pyvm::math_float::math_remainder(x, c.im);
    }
}

#[test]
fn absurd_widths_are_memory_errors() {
    let big = "99999999999";
    assert_eq!(
        format_float(1.5, big).unwrap_err().kind,
        ErrorKind::MemoryError
    );
    assert_eq!(
        format_str("a", big).unwrap_err().kind,
        ErrorKind::MemoryError
    );
    let n = BigInt::from(1);
    assert_eq!(
        format_int(&n, big, MaxStrDigits::default())
            .unwrap_err()
            .kind,
        ErrorKind::MemoryError
    );
    assert_eq!(
        format_float(1.5, ".1999999999f").unwrap_err().kind,
        ErrorKind::MemoryError
    );
}
