//! The Rust side of the oracle protocol (see `tests/golden/oracle.py`):
//! the same operations, computed with the pyvm library.

#![allow(dead_code)]

pub mod percent;

use num_bigint::BigInt;
use num_traits::Num;
use pyvm::PyError;
use pyvm::complex_format::{format_complex, repr_complex};
use pyvm::error::repr_str;
use pyvm::float_arith;
use pyvm::float_format::{PrintfSpec, format_float, format_float_printf};
use pyvm::float_ops::{as_integer_ratio, hex_f64, is_integer, round_f64};
use pyvm::float_parse::{parse_float, parse_float_hex};
use pyvm::float_repr::repr_f64;
use pyvm::format_spec::format_str;
use pyvm::format_string;
use pyvm::int_format::{
    format_int, format_int_printf, int_to_bin, int_to_hex, int_to_oct, int_to_str,
};
use pyvm::int_ops::{self, ByteOrder, PowResult};
use pyvm::int_parse::{MaxStrDigits, parse_int};
use pyvm::math_exact;
use pyvm::math_float;
use pyvm::mt19937::Mt19937;
use pyvm::num_hash;
use pyvm::str_hash;

/// Escapes a field: `\` as `\\`, control characters as `\xNN`.
pub fn esc(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c == '\\' {
            out.push_str("\\\\");
        } else if (c as u32) < 0x20 || c as u32 == 0x7f {
            out.push_str(&format!("\\x{:02x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// Reverses [`esc`].
pub fn unesc(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('\\') => out.push('\\'),
            Some('x') => {
                let hex: String = chars.by_ref().take(2).collect();
                out.push(char::from(u8::from_str_radix(&hex, 16).expect("escape")));
            }
            other => panic!("bad escape {other:?}"),
        }
    }
    out
}

/// A float from its 16 hex digits of IEEE-754 bits.
pub fn float_arg(bits: &str) -> f64 {
    f64::from_bits(u64::from_str_radix(bits, 16).expect("float bits"))
}

/// The bits form of a float argument.
pub fn float_bits(x: f64) -> String {
    format!("{:016x}", x.to_bits())
}

/// An int argument: decimal, or `0x`/`-0x` hex.
pub fn int_arg(s: &str) -> BigInt {
    let (neg, body) = s.strip_prefix('-').map_or((false, s), |b| (true, b));
    let v = match body.strip_prefix("0x") {
        Some(h) => BigInt::from_str_radix(h, 16),
        None => BigInt::from_str_radix(body, 10),
    }
    .expect("int argument");
    if neg { -v } else { v }
}

fn small(s: &str) -> i64 {
    s.parse().expect("small int argument")
}

fn limit() -> MaxStrDigits {
    MaxStrDigits::default()
}

fn show(n: &BigInt) -> Result<String, PyError> {
    int_to_str(n, limit())
}

fn parse_printf(directive: &str) -> (PrintfSpec, char) {
    let body = directive
        .strip_prefix('%')
        .expect("directive starts with %");
    let mut spec = PrintfSpec::default();
    let mut chars = body.chars().peekable();
    while let Some(&c) = chars.peek() {
        match c {
            '-' => spec.left = true,
            '+' => spec.plus = true,
            ' ' => spec.space = true,
            '#' => spec.alternate = true,
            '0' => spec.zero = true,
            _ => break,
        }
        chars.next();
    }
    let rest: String = chars.collect();
    let conv = rest.chars().last().expect("conversion");
    let numbers = &rest[..rest.len() - 1];
    let (w, p) = numbers
        .split_once('.')
        .map_or((numbers, None), |(w, p)| (w, Some(p)));
    spec.width = (!w.is_empty()).then(|| w.parse().expect("width"));
    spec.precision = p.map(|p| {
        if p.is_empty() {
            0
        } else {
            p.parse().expect("precision")
        }
    });
    (spec, conv)
}

/// An exception from a case: its class name and message (wider than
/// `PyError` so the test runtime can raise `KeyError`).
pub struct Fail {
    kind: String,
    message: String,
}

impl From<PyError> for Fail {
    fn from(e: PyError) -> Self {
        Fail {
            kind: e.kind.name().to_string(),
            message: e.message,
        }
    }
}

fn run_op(op: &str, a: &[String]) -> Result<String, Fail> {
    Ok(match op {
        "float_repr" => repr_f64(float_arg(&a[0])),
        "float_format" => format_float(float_arg(&a[0]), &a[1])?,
        "float_printf" => {
            let (spec, conv) = parse_printf(&a[0]);
            format_float_printf(float_arg(&a[1]), conv, &spec)?
        }
        "float_parse" => hex_f64(parse_float(&a[0])?),
        "float_fromhex" => hex_f64(parse_float_hex(&a[0])?),
        "pack_half" => {
            let h = pyvm::float_pack::pack_half(float_arg(&a[0]))?;
            h.to_le_bytes().iter().map(|b| format!("{b:02x}")).collect()
        }
        "pack_single" => {
            let v = pyvm::float_pack::pack_single(float_arg(&a[0]))?;
            v.to_le_bytes().iter().map(|b| format!("{b:02x}")).collect()
        }
        "unpack_half" => {
            let bytes = pyvm::bytes_text::parse_hex_bytes(&a[0]).expect("hex");
            repr_f64(pyvm::float_pack::unpack_half(u16::from_le_bytes([
                bytes[0], bytes[1],
            ])))
        }
        "unpack_single" => {
            let b = pyvm::bytes_text::parse_hex_bytes(&a[0]).expect("hex");
            repr_f64(pyvm::float_pack::unpack_single(u32::from_le_bytes([
                b[0], b[1], b[2], b[3],
            ])))
        }
        "float_hex" => hex_f64(float_arg(&a[0])),
        "float_round" => repr_f64(round_f64(float_arg(&a[0]), small(&a[1]))?),
        "float_round_int" => show(&int_ops::round_f64_to_int(float_arg(&a[0]))?)?,
        "float_floor" => show(&int_ops::floor_f64_to_int(float_arg(&a[0]))?)?,
        "float_ceil" => show(&int_ops::ceil_f64_to_int(float_arg(&a[0]))?)?,
        "float_to_int" => show(&int_ops::f64_to_int(float_arg(&a[0]))?)?,
        "float_ratio" => {
            let (n, d) = as_integer_ratio(float_arg(&a[0]))?;
            format!("{n}/{d}")
        }
        "float_is_integer" => {
            if is_integer(float_arg(&a[0])) {
                "True".into()
            } else {
                "False".into()
            }
        }
        "float_mod" => repr_f64(float_arith::float_mod(float_arg(&a[0]), float_arg(&a[1]))?),
        "float_floordiv" => repr_f64(float_arith::float_floordiv(
            float_arg(&a[0]),
            float_arg(&a[1]),
        )?),
        "float_divmod" => {
            let (q, r) = float_arith::float_divmod(float_arg(&a[0]), float_arg(&a[1]))?;
            format!("{} {}", repr_f64(q), repr_f64(r))
        }
        "float_truediv" => repr_f64(float_arith::float_div(float_arg(&a[0]), float_arg(&a[1]))?),
        "float_pow" => match float_arith::float_pow(float_arg(&a[0]), float_arg(&a[1]))? {
            float_arith::FloatPow::Float(x) => repr_f64(x),
            float_arith::FloatPow::NeedsComplex => "complex".into(),
        },
        "str_format" => format_str(&a[0], &a[1])?,
        "fmt_parse" => {
            let pieces = format_string::parse_format_string(&a[0])?;
            let items: Vec<String> = pieces
                .iter()
                .map(|p| match &p.field {
                    None => format!("({}, None, None, None)", repr_str(&p.literal)),
                    Some(f) => format!(
                        "({}, {}, {}, {})",
                        repr_str(&p.literal),
                        repr_str(&f.name),
                        repr_str(&f.spec),
                        f.conversion
                            .map_or("None".to_string(), |c| repr_str(&c.to_string()))
                    ),
                })
                .collect();
            format!("[{}]", items.join(", "))
        }
        "fmt_split" => {
            let key = |k: &format_string::FieldKey| match k {
                format_string::FieldKey::Index(i) => i.to_string(),
                format_string::FieldKey::Name(n) => repr_str(n),
            };
            let (first, rest) = format_string::split_field_name(&a[0])?;
            let rest: Vec<String> = rest
                .iter()
                .map(|acc| match acc {
                    format_string::Accessor::Attr(n) => format!("(True, {})", repr_str(n)),
                    format_string::Accessor::Item(k) => format!("(False, {})", key(k)),
                })
                .collect();
            format!("({}, [{}])", key(&first), rest.join(", "))
        }
        "percent" => {
            let (kind, body) = a[1].split_at(1);
            let items: Vec<&str> = body.split('\u{1e}').filter(|x| !x.is_empty()).collect();
            let args = if kind == "M" {
                percent::Args::Map(
                    items
                        .iter()
                        .map(|it| {
                            let (k, v) = it.split_once('\u{1d}').expect("key and value");
                            (k.to_string(), percent::Val::decode(v))
                        })
                        .collect(),
                )
            } else {
                percent::Args::Tuple(items.iter().map(|x| percent::Val::decode(x)).collect())
            };
            percent::percent(&a[0], &args).map_err(|(kind, message)| Fail { kind, message })?
        }
        "decode" | "encode" => {
            use pyvm::codec::*;
            let errors = match a[1].as_str() {
                "strict" => Errors::Strict,
                "replace" => Errors::Replace,
                "ignore" => Errors::Ignore,
                "backslashreplace" => Errors::BackslashReplace,
                _ => Errors::XmlCharRefReplace,
            };
            let fail = |e: CodecError| Fail {
                kind: if e.decoding {
                    "UnicodeDecodeError"
                } else {
                    "UnicodeEncodeError"
                }
                .into(),
                message: e.message,
            };
            if op == "decode" {
                let data = pyvm::bytes_text::parse_hex_bytes(&a[2]).expect("hex");
                let text = match a[0].as_str() {
                    "utf-8" => decode_utf8(&data, errors).map_err(fail)?,
                    "ascii" => decode_ascii(&data, errors).map_err(fail)?,
                    _ => decode_latin1(&data),
                };
                repr_str(&text)
            } else {
                let bytes = match a[0].as_str() {
                    "ascii" => encode_ascii(&a[2], errors).map_err(fail)?,
                    _ => encode_latin1(&a[2], errors).map_err(fail)?,
                };
                bytes.iter().map(|b| format!("{b:02x}")).collect()
            }
        }
        "bytes_repr" | "bytearray_repr" | "bytes_hex" => {
            let data: Vec<u8> = pyvm::bytes_text::parse_hex_bytes(&a[0]).expect("hex test data");
            match op {
                "bytes_repr" => pyvm::bytes_text::repr_bytes(&data),
                "bytearray_repr" => pyvm::bytes_text::repr_bytearray(&data),
                _ => {
                    // The separator field is empty (no argument) or `=` + sep.
                    let sep = a[1].strip_prefix('=');
                    pyvm::bytes_text::hex_bytes(&data, sep, small(&a[2]) as i32)?
                }
            }
        }
        "bytes_fromhex" => {
            let data = pyvm::bytes_text::parse_hex_bytes(&a[0])?;
            data.iter().map(|b| format!("{b:02x}")).collect()
        }
        "str_split" | "str_rsplit" | "str_splitlines" => {
            use pyvm::str_split::*;
            let parts = match op {
                "str_split" => split_whitespace(&a[0], small(&a[1]) as isize),
                "str_rsplit" => rsplit_whitespace(&a[0], small(&a[1]) as isize),
                _ => splitlines(&a[0], a[1] == "1"),
            };
            let items: Vec<String> = parts.iter().map(|p| repr_str(p)).collect();
            format!("[{}]", items.join(", "))
        }
        "str_center" | "str_ljust" | "str_rjust" => {
            use pyvm::str_pad::*;
            let fill = a[2].chars().next().expect("fill");
            let w = small(&a[1]).max(0) as usize;
            match op {
                "str_center" => center(&a[0], w, fill)?,
                "str_ljust" => ljust(&a[0], w, fill)?,
                _ => rjust(&a[0], w, fill)?,
            }
        }
        "str_zfill" => pyvm::str_pad::zfill(&a[0], small(&a[1]).max(0) as usize)?,
        "str_expandtabs" => pyvm::str_pad::expandtabs(&a[0], small(&a[1]))?,
        "str_find" | "str_rfind" | "str_count" => {
            use pyvm::str_search::*;
            let opt = |t: &str| if t == "-" { None } else { Some(small(t)) };
            let (start, end) = (opt(&a[2]), opt(&a[3]));
            match op {
                "str_find" => find(&a[0], &a[1], start, end).to_string(),
                "str_rfind" => rfind(&a[0], &a[1], start, end).to_string(),
                _ => count(&a[0], &a[1], start, end).to_string(),
            }
        }
        "str_replace" => pyvm::str_search::replace(&a[0], &a[1], &a[2], small(&a[3])),
        "str_split_sep" | "str_rsplit_sep" => {
            use pyvm::str_search::*;
            let parts = if op == "str_split_sep" {
                split_sep(&a[0], &a[1], small(&a[2]))?
            } else {
                rsplit_sep(&a[0], &a[1], small(&a[2]))?
            };
            let items: Vec<String> = parts.iter().map(|p| repr_str(p)).collect();
            format!("[{}]", items.join(", "))
        }
        "str_partition" | "str_rpartition" => {
            use pyvm::str_search::*;
            let (x, y, z) = if op == "str_partition" {
                partition(&a[0], &a[1])?
            } else {
                rpartition(&a[0], &a[1])?
            };
            format!("({}, {}, {})", repr_str(x), repr_str(y), repr_str(z))
        }
        "str_upper" => pyvm::str_case::upper(&a[0]),
        "str_lower" => pyvm::str_case::lower(&a[0]),
        "str_casefold" => pyvm::str_case::casefold(&a[0]),
        "str_isidentifier" => {
            if pyvm::str_class::str_is_identifier(&a[0]) {
                "True".into()
            } else {
                "False".into()
            }
        }
        "str_title" => pyvm::str_case::title(&a[0]),
        "str_capitalize" => pyvm::str_case::capitalize(&a[0]),
        "str_swapcase" => pyvm::str_case::swapcase(&a[0]),
        "str_case_flags" => {
            use pyvm::str_case::*;
            let t = &a[0];
            format!(
                "{}{}{}",
                u8::from(str_is_upper(t)),
                u8::from(str_is_lower(t)),
                u8::from(str_is_title(t))
            )
        }
        "str_strip" => {
            use pyvm::str_split::*;
            let t = &a[0];
            format!(
                "({}, {}, {})",
                repr_str(strip_space(t)),
                repr_str(lstrip_space(t)),
                repr_str(rstrip_space(t))
            )
        }
        "str_repr" => pyvm::str_repr::repr_str(&a[0]),
        "str_ascii" => pyvm::str_repr::ascii_str(&a[0]),
        "str_isprintable" => {
            if pyvm::str_repr::str_is_printable(&a[0]) {
                "True".into()
            } else {
                "False".into()
            }
        }
        "complex_mul" | "complex_div" | "complex_pow" => {
            use pyvm::complex_arith::Complex;
            let x = Complex::new(float_arg(&a[0]), float_arg(&a[1]));
            let y = Complex::new(float_arg(&a[2]), float_arg(&a[3]));
            let r = match op {
                "complex_mul" => x * y,
                "complex_div" => x.try_div(y)?,
                _ => x.pow(y)?,
            };
            repr_complex(r.re, r.im)
        }
        "complex_abs" => {
            let x = pyvm::complex_arith::Complex::new(float_arg(&a[0]), float_arg(&a[1]));
            repr_f64(x.abs()?)
        }
        "complex_parse" => {
            let (re, im) = pyvm::complex_parse::parse_complex(&a[0])?;
            repr_complex(re, im)
        }
        "complex_repr" => repr_complex(float_arg(&a[0]), float_arg(&a[1])),
        "complex_format" => format_complex(float_arg(&a[0]), float_arg(&a[1]), &a[2])?,
        "int_parse" => show(&parse_int(&a[0], small(&a[1]), limit())?)?,
        "int_format" => format_int(&int_arg(&a[0]), &a[1], limit())?,
        "int_str" => show(&int_arg(&a[0]))?,
        "int_printf" => {
            let (spec, conv) = parse_printf(&a[0]);
            format_int_printf(&int_arg(&a[1]), conv, &spec, limit())?
        }
        "int_round" => show(&int_ops::round_int(&int_arg(&a[0]), &int_arg(&a[1])))?,
        "int_bin" => int_to_bin(&int_arg(&a[0])),
        "int_oct" => int_to_oct(&int_arg(&a[0])),
        "int_hex" => int_to_hex(&int_arg(&a[0])),
        // Bitwise operators are num-bigint's (two's complement semantics,
        // as Python's); these cases certify that.
        "int_and" => show(&(int_arg(&a[0]) & int_arg(&a[1])))?,
        "int_or" => show(&(int_arg(&a[0]) | int_arg(&a[1])))?,
        "int_xor" => show(&(int_arg(&a[0]) ^ int_arg(&a[1])))?,
        "int_invert" => show(&!int_arg(&a[0]))?,
        "int_floordiv" => show(&int_ops::floor_div(&int_arg(&a[0]), &int_arg(&a[1]))?)?,
        "int_mod" => show(&int_ops::modulo(&int_arg(&a[0]), &int_arg(&a[1]))?)?,
        "int_divmod" => {
            let (q, r) = int_ops::divmod(&int_arg(&a[0]), &int_arg(&a[1]))?;
            format!("{} {}", show(&q)?, show(&r)?)
        }
        "int_pow" => match int_ops::pow_int(&int_arg(&a[0]), &int_arg(&a[1]))? {
            PowResult::Int(n) => show(&n)?,
            PowResult::Float(x) => repr_f64(x),
        },
        "int_powmod" => show(&int_ops::pow_mod(
            &int_arg(&a[0]),
            &int_arg(&a[1]),
            &int_arg(&a[2]),
        )?)?,
        "int_lshift" => show(&int_ops::shift_left(&int_arg(&a[0]), &int_arg(&a[1]))?)?,
        "int_rshift" => show(&int_ops::shift_right(&int_arg(&a[0]), &int_arg(&a[1]))?)?,
        "int_truediv" => repr_f64(int_ops::true_div(&int_arg(&a[0]), &int_arg(&a[1]))?),
        "int_to_float" => repr_f64(int_ops::int_to_f64(&int_arg(&a[0]))?),
        "int_bit_length" => int_ops::bit_length(&int_arg(&a[0])).to_string(),
        "int_bit_count" => int_ops::bit_count(&int_arg(&a[0])).to_string(),
        "int_to_bytes" => {
            // CPython checks the byte order argument first.
            let order = ByteOrder::parse(&a[2])?;
            let bytes = int_ops::to_bytes(&int_arg(&a[0]), small(&a[1]), order, a[3] == "1")?;
            bytes.iter().map(|b| format!("{b:02x}")).collect()
        }
        "int_from_bytes" => {
            let bytes: Vec<u8> = (0..a[0].len() / 2)
                .map(|i| u8::from_str_radix(&a[0][2 * i..2 * i + 2], 16).expect("hex"))
                .collect();
            show(&int_ops::from_bytes(
                &bytes,
                ByteOrder::parse(&a[1])?,
                a[2] == "1",
            ))?
        }
        "hash_int" => num_hash::hash_int(&int_arg(&a[0])).to_string(),
        "hash_float" => num_hash::hash_f64(float_arg(&a[0]), 0).to_string(),
        "hash_complex" => num_hash::hash_complex(float_arg(&a[0]), float_arg(&a[1]), 0).to_string(),
        "hash_fraction" => {
            let (n, d) = (int_arg(&a[0]), int_arg(&a[1]));
            let g = num_integer::Integer::gcd(&n, &d);
            num_hash::hash_fraction(&(n / &g), &(d / &g)).to_string()
        }
        "hash_decimal" => {
            let (neg, coeff, exp) = parse_decimal(&a[0]);
            num_hash::hash_decimal(neg, &coeff, exp).to_string()
        }
        "hash_frozenset" => {
            // Distinct items (not distinct hashes: -1 and -2 both hash to -2).
            let mut items: Vec<BigInt> = if a[0].is_empty() {
                Vec::new()
            } else {
                a[0].split(',').map(int_arg).collect()
            };
            items.sort();
            items.dedup();
            num_hash::hash_frozenset(items.iter().map(num_hash::hash_int)).to_string()
        }
        "int_cmp_float" => {
            use std::cmp::Ordering;
            let c = int_ops::cmp_int_f64(&int_arg(&a[0]), float_arg(&a[1]));
            let py = |b: bool| if b { "True" } else { "False" };
            format!(
                "{} {} {}",
                py(c == Some(Ordering::Less)),
                py(c == Some(Ordering::Equal)),
                py(c == Some(Ordering::Greater))
            )
        }
        "hash_str" => {
            let key = str_hash::HashSecret::from_seed(a[0].parse().expect("seed"));
            str_hash::hash_str(key, &a[1]).to_string()
        }
        "hash_bytes" => {
            let key = str_hash::HashSecret::from_seed(a[0].parse().expect("seed"));
            let bytes: Vec<u8> = (0..a[1].len() / 2)
                .map(|i| u8::from_str_radix(&a[1][2 * i..2 * i + 2], 16).expect("hex"))
                .collect();
            str_hash::hash_bytes(key, &bytes).to_string()
        }
        "hash_tuple" => {
            let items: Vec<i64> = if a[0].is_empty() {
                Vec::new()
            } else {
                a[0].split(',')
                    .map(|x| num_hash::hash_int(&int_arg(x)))
                    .collect()
            };
            num_hash::hash_tuple(items).to_string()
        }
        "hash_nested" => {
            let h = num_hash::hash_int(&int_arg(&a[0]));
            let inner = num_hash::hash_tuple([num_hash::hash_f64(float_arg(&a[1]), 0), h]);
            num_hash::hash_tuple([h, inner, num_hash::hash_tuple([])]).to_string()
        }
        "math_unary" => math_float::math_unary(unary(&a[0]), float_arg(&a[1])).map(repr_f64)?,
        "math_log_int" => math_float::math_log_int(unary(&a[0]), &int_arg(&a[1])).map(repr_f64)?,
        "math_log_base" => {
            let x = math_float::math_unary(math_float::Unary::Log, float_arg(&a[0]))?;
            let base = math_float::math_unary(math_float::Unary::Log, float_arg(&a[1]))?;
            repr_f64(math_float::math_log_base(x, base)?)
        }
        "math_pow" => repr_f64(math_float::math_pow(float_arg(&a[0]), float_arg(&a[1]))?),
        "math_fmod" => repr_f64(math_float::math_fmod(float_arg(&a[0]), float_arg(&a[1]))?),
        "math_remainder" => repr_f64(math_float::math_remainder(
            float_arg(&a[0]),
            float_arg(&a[1]),
        )?),
        "math_nextafter" => repr_f64(math_float::math_nextafter(
            float_arg(&a[0]),
            float_arg(&a[1]),
        )),
        "math_copysign" => repr_f64(math_float::math_copysign(
            float_arg(&a[0]),
            float_arg(&a[1]),
        )),
        "math_atan2" => repr_f64(math_float::math_atan2(float_arg(&a[0]), float_arg(&a[1]))),
        "math_ldexp" => repr_f64(math_float::math_ldexp(float_arg(&a[0]), &int_arg(&a[1]))?),
        "math_frexp" => {
            let (m, e) = math_float::math_frexp(float_arg(&a[0]));
            format!("({}, {e})", repr_f64(m))
        }
        "math_modf" => {
            let (f, i) = math_float::math_modf(float_arg(&a[0]));
            format!("({}, {})", repr_f64(f), repr_f64(i))
        }
        "math_ulp" => repr_f64(math_float::math_ulp(float_arg(&a[0]))),
        "math_degrees" => repr_f64(math_float::math_degrees(float_arg(&a[0]))),
        "math_radians" => repr_f64(math_float::math_radians(float_arg(&a[0]))),
        "math_isclose" => {
            let (x, y) = (float_arg(&a[0]), float_arg(&a[1]));
            let close = math_float::math_isclose(x, y, float_arg(&a[2]), float_arg(&a[3]))?;
            if close { "True".into() } else { "False".into() }
        }
        "math_gamma" => repr_f64(pyvm::math_gamma::math_gamma(float_arg(&a[0]))?),
        "math_lgamma" => repr_f64(pyvm::math_gamma::math_lgamma(float_arg(&a[0]))?),
        "math_hypot" | "math_dist" => {
            let list = |t: &str| -> Vec<f64> {
                if t.is_empty() {
                    Vec::new()
                } else {
                    t.split(',').map(float_arg).collect()
                }
            };
            if op == "math_hypot" {
                repr_f64(math_float::math_hypot(&list(&a[0])))
            } else {
                repr_f64(math_float::math_dist(&list(&a[0]), &list(&a[1]))?)
            }
        }
        "math_fsum" => {
            let xs: Vec<f64> = if a[0].is_empty() {
                Vec::new()
            } else {
                a[0].split(',').map(float_arg).collect()
            };
            repr_f64(math_exact::fsum(xs)?)
        }
        "math_isqrt" => show(&math_exact::isqrt(&int_arg(&a[0]))?)?,
        "math_factorial" => show(&math_exact::factorial(&int_arg(&a[0]))?)?,
        "math_comb" => show(&math_exact::comb(&int_arg(&a[0]), &int_arg(&a[1]))?)?,
        "math_perm" => show(&math_exact::perm(&int_arg(&a[0]), &int_arg(&a[1]))?)?,
        "math_gcd" | "math_lcm" => {
            let xs: Vec<BigInt> = if a[0].is_empty() {
                Vec::new()
            } else {
                a[0].split(',').map(int_arg).collect()
            };
            let r = if op == "math_gcd" {
                math_exact::gcd(&xs)
            } else {
                math_exact::lcm(&xs)
            };
            show(&r)?
        }
        "mt_random" => {
            let mut mt = Mt19937::from_int_seed(&int_arg(&a[0]));
            (0..small(&a[1]))
                .map(|_| repr_f64(mt.random()))
                .collect::<Vec<_>>()
                .join(" ")
        }
        "mt_random_float_seed" => {
            let mut mt = Mt19937::from_int_seed(&BigInt::from(0));
            mt.seed_hash(num_hash::hash_f64(float_arg(&a[0]), 0));
            (0..small(&a[1]))
                .map(|_| repr_f64(mt.random()))
                .collect::<Vec<_>>()
                .join(" ")
        }
        "mt_getrandbits" => {
            let mut mt = Mt19937::from_int_seed(&int_arg(&a[0]));
            let mut out = Vec::new();
            for _ in 0..3 {
                out.push(show(&mt.getrandbits(small(&a[1]))?)?);
            }
            out.join(" ")
        }
        "mt_state" => {
            let mut mt = Mt19937::from_int_seed(&int_arg(&a[0]));
            for _ in 0..small(&a[1]) {
                mt.random();
            }
            let st = mt.getstate();
            format!("{} {} {}", st[0], st[623], st[624])
        }
        _ => panic!("unknown op {op}"),
    })
}

/// The `math_float::Unary` for a `math` function name.
fn unary(name: &str) -> math_float::Unary {
    use math_float::Unary::*;
    match name {
        "sqrt" => Sqrt,
        "exp" => Exp,
        "exp2" => Exp2,
        "expm1" => Expm1,
        "log" => Log,
        "log2" => Log2,
        "log10" => Log10,
        "log1p" => Log1p,
        "sin" => Sin,
        "cos" => Cos,
        "tan" => Tan,
        "asin" => Asin,
        "acos" => Acos,
        "atan" => Atan,
        "sinh" => Sinh,
        "cosh" => Cosh,
        "tanh" => Tanh,
        "asinh" => Asinh,
        "acosh" => Acosh,
        "atanh" => Atanh,
        "cbrt" => Cbrt,
        "erf" => Erf,
        "erfc" => Erfc,
        "fabs" => Fabs,
        _ => panic!("unknown math function {name}"),
    }
}

/// Splits a finite decimal literal like `-1.25e-50` into sign, coefficient
/// digits and exponent (what `decimal.Decimal` stores).
fn parse_decimal(s: &str) -> (bool, num_bigint::BigUint, i64) {
    let (neg, body) = s.strip_prefix('-').map_or((false, s), |b| (true, b));
    let lower = body.to_ascii_lowercase();
    let (mant, exp) = lower
        .split_once('e')
        .map_or((lower.as_str(), 0), |(m, e)| (m, e.parse().expect("exp")));
    let (int_part, frac) = mant.split_once('.').unwrap_or((mant, ""));
    let digits = format!("{int_part}{frac}");
    let coeff = num_bigint::BigUint::parse_bytes(digits.as_bytes(), 10).expect("digits");
    (neg, coeff, exp - frac.len() as i64)
}

/// Runs one case: `ok:<text>` or `err:<Class>: <message>`, like the oracle.
pub fn run_case(fields: &[String]) -> String {
    match run_op(&fields[0], &fields[1..]) {
        Ok(s) => format!("ok:{s}"),
        Err(e) => format!("err:{}: {}", e.kind, e.message),
    }
}
