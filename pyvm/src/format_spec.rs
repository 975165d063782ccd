//! The format-spec mini-language shared by `int`, `float` and `str`:
//! `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`, parsed
//! with CPython 3.11's rules and error messages, plus the padding and digit
//! grouping every numeric `__format__` ends with, and `str.__format__`.

use crate::error::{PyError, PyResult};

/// Where padding goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    /// `<`: pad on the right.
    Left,
    /// `>`: pad on the left.
    Right,
    /// `^`: pad both sides, the extra fill character on the right.
    Center,
    /// `=`: pad between the sign (and `0x`-style prefix) and the digits.
    AfterSign,
}

/// What to print in front of non-negative numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sign {
    /// `-` (the default): only negative numbers get a sign.
    Minus,
    /// `+`: always a sign.
    Plus,
    /// ` `: a space in front of non-negative numbers.
    Space,
}

/// Digit grouping.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grouping {
    /// `,` every three digits.
    Comma,
    /// `_` every three digits (every four for `b o x X`).
    Underscore,
}

/// A parsed format spec.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormatSpec {
    /// The fill character, if one was written before an alignment, or `'0'`
    /// when the spec used the `0` flag without an explicit fill.
    pub fill: Option<char>,
    /// The explicit alignment, if any.
    pub align: Option<Align>,
    /// `0` flag given (without explicit fill): zero padding after the sign.
    pub zero_pad: bool,
    /// The sign option, if written.
    pub sign: Option<Sign>,
    /// `z`: coerce negative zero to positive zero (floats only).
    pub no_neg_zero: bool,
    /// `#`: alternate form.
    pub alternate: bool,
    /// Minimum total width.
    pub width: Option<usize>,
    /// Grouping option.
    pub grouping: Option<Grouping>,
    /// Precision.
    pub precision: Option<usize>,
    /// Presentation type (the default type of the formatted object when the
    /// spec has none, `None` for float's default).
    pub ty: Option<char>,
}

fn is_align(c: char) -> Option<Align> {
    match c {
        '<' => Some(Align::Left),
        '>' => Some(Align::Right),
        '^' => Some(Align::Center),
        '=' => Some(Align::AfterSign),
        _ => None,
    }
}

/// How CPython shows a presentation type inside an error message: the
/// character itself when it is printable ASCII other than space, `\xNN`
/// otherwise.
pub fn show_type_char(c: char) -> String {
    let v = c as u32;
    if v > 32 && v < 128 {
        c.to_string()
    } else {
        format!("\\x{v:x}")
    }
}

/// The `Unknown format code 'x' for object of type 'float'` error.
pub fn unknown_code(ty: char, type_name: &str) -> PyError {
    PyError::value(format!(
        "Unknown format code '{}' for object of type '{type_name}'",
        show_type_char(ty)
    ))
}

fn parse_number(chars: &[char], pos: &mut usize) -> PyResult<Option<usize>> {
    let start = *pos;
    let mut value: usize = 0;
    let mut overflow = false;
    while *pos < chars.len() {
        let Some(d) = chars[*pos].to_digit(10) else {
            break;
        };
        // CPython accepts Unicode decimal digits here too; ASCII is what
        // every real program writes.
        match value
            .checked_mul(10)
            .and_then(|v| v.checked_add(d as usize))
        {
            Some(v) if v <= isize::MAX as usize => value = v,
            _ => overflow = true,
        }
        *pos += 1;
    }
    if overflow {
        return Err(PyError::value("Too many decimal digits in format string"));
    }
    Ok(if *pos == start { None } else { Some(value) })
}

/// Parses `spec` for an object of type `type_name` whose presentation type
/// defaults to `default_type` (`Some('d')` for int, `Some('s')` for str,
/// `None` for float).
///
/// Checks exactly what CPython's shared parser checks (syntax, grouping
/// against the type); type-specific checks (sign on strings, precision on
/// ints, unknown codes) belong to the per-type formatters.
pub fn parse_format_spec(
    spec: &str,
    type_name: &str,
    default_type: Option<char>,
) -> PyResult<FormatSpec> {
    let chars: Vec<char> = spec.chars().collect();
    let mut pos = 0;
    let mut out = FormatSpec {
        fill: None,
        align: None,
        zero_pad: false,
        sign: None,
        no_neg_zero: false,
        alternate: false,
        width: None,
        grouping: None,
        precision: None,
        ty: default_type,
    };
    if chars.len() >= 2
        && let Some(a) = is_align(chars[1])
    {
        out.fill = Some(chars[0]);
        out.align = Some(a);
        pos = 2;
    } else if let Some(a) = chars.first().and_then(|c| is_align(*c)) {
        out.align = Some(a);
        pos = 1;
    }
    match chars.get(pos) {
        Some('+') => out.sign = Some(Sign::Plus),
        Some('-') => out.sign = Some(Sign::Minus),
        Some(' ') => out.sign = Some(Sign::Space),
        _ => {}
    }
    if out.sign.is_some() {
        pos += 1;
    }
    if chars.get(pos) == Some(&'z') {
        out.no_neg_zero = true;
        pos += 1;
    }
    if chars.get(pos) == Some(&'#') {
        out.alternate = true;
        pos += 1;
    }
    if out.fill.is_none() && chars.get(pos) == Some(&'0') {
        out.fill = Some('0');
        out.zero_pad = true;
        pos += 1;
    }
    out.width = parse_number(&chars, &mut pos)?;
    let both = || PyError::value("Cannot specify both ',' and '_'.");
    if chars.get(pos) == Some(&',') {
        out.grouping = Some(Grouping::Comma);
        pos += 1;
    }
    if chars.get(pos) == Some(&'_') {
        if out.grouping.is_some() {
            return Err(both());
        }
        out.grouping = Some(Grouping::Underscore);
        pos += 1;
    }
    if chars.get(pos) == Some(&',') && out.grouping == Some(Grouping::Underscore) {
        return Err(both());
    }
    if chars.get(pos) == Some(&'.') {
        pos += 1;
        out.precision = parse_number(&chars, &mut pos)?;
        if out.precision.is_none() {
            return Err(PyError::value("Format specifier missing precision"));
        }
    }
    if chars.len() - pos > 1 {
        return Err(PyError::value(format!(
            "Invalid format specifier '{spec}' for object of type '{type_name}'"
        )));
    }
    if chars.len() - pos == 1 {
        out.ty = Some(chars[pos]);
    }
    if let Some(g) = out.grouping {
        let ok = match out.ty {
            None => true,
            Some(t) => "defgEG%F".contains(t) || (g == Grouping::Underscore && "boxX".contains(t)),
        };
        if !ok {
            let sep = if g == Grouping::Comma { ',' } else { '_' };
            let t = show_type_char(out.ty.unwrap_or('\0'));
            return Err(PyError::value(format!(
                "Cannot specify '{sep}' with '{t}'."
            )));
        }
    }
    Ok(out)
}

/// Formatted results longer than this many characters fail with
/// `MemoryError` instead of being attempted (CPython would try to allocate
/// them; a width of `10**12` is not something a program can use).
pub const MAX_FORMATTED_LEN: usize = 1 << 30;

/// Fails with `MemoryError` when a width or precision asks for more than
/// [`MAX_FORMATTED_LEN`] characters.
pub fn check_output_size(width: Option<usize>, precision: Option<usize>) -> PyResult<()> {
    if width.unwrap_or(0) > MAX_FORMATTED_LEN || precision.unwrap_or(0) > MAX_FORMATTED_LEN {
        return Err(PyError {
            kind: crate::ErrorKind::MemoryError,
            message: String::new(),
        });
    }
    Ok(())
}

/// Inserts `sep` every `group` digits of `digits` (ASCII), counting from the
/// right, zero-extending the digits so the result is at least `min_width`
/// characters long (CPython's rule: the result never starts with a
/// separator, so it may come out one character longer than asked).
pub fn group_digits(digits: &str, sep: Option<(char, usize)>, min_width: usize) -> String {
    let Some((sep, group)) = sep else {
        let pad = min_width.saturating_sub(digits.len());
        return "0".repeat(pad) + digits;
    };
    let bytes = digits.as_bytes();
    let mut remaining = bytes.len() as isize;
    let mut left = min_width as isize;
    let mut rev: Vec<u8> = Vec::with_capacity(bytes.len() * 2 + min_width);
    loop {
        let l = remaining.max(left).max(1).min(group as isize);
        let n_chars = remaining.min(l).max(0);
        let n_zeros = (l - remaining).max(0);
        for i in 0..n_chars {
            rev.push(bytes[(remaining - 1 - i) as usize]);
        }
        rev.extend(std::iter::repeat_n(b'0', n_zeros as usize));
        remaining -= n_chars;
        left -= l;
        if remaining <= 0 && left <= 0 {
            break;
        }
        let mut buf = [0u8; 4];
        rev.extend(sep.encode_utf8(&mut buf).bytes().rev());
        left -= 1;
    }
    rev.reverse();
    String::from_utf8(rev).expect("digits and separator are UTF-8")
}

/// The pieces of a formatted number before padding.
#[derive(Clone, Debug, Default)]
pub struct NumberParts<'a> {
    /// `-`, `+`, ` ` or empty.
    pub sign: &'a str,
    /// `0x`, `0b`, `0o` (or uppercase) or empty.
    pub prefix: &'a str,
    /// The integer digits (or `inf`/`nan`), to be grouped.
    pub digits: &'a str,
    /// Whether `digits` are real digits (grouping and zero-extension apply).
    pub groupable: bool,
    /// Everything after the integer digits: `.5`, `e+10`, `%`.
    pub rest: &'a str,
}

/// Pads `s` (already complete) to `width` with `fill` according to `align`.
pub fn pad_aligned(s: &str, width: Option<usize>, fill: char, align: Align) -> String {
    let len = s.chars().count();
    let width = width.unwrap_or(0);
    if len >= width {
        return s.to_string();
    }
    let pad = width - len;
    let (before, after) = match align {
        Align::Left => (0, pad),
        Align::Right | Align::AfterSign => (pad, 0),
        Align::Center => (pad / 2, pad - pad / 2),
    };
    let mut out = String::with_capacity(s.len() + pad * fill.len_utf8());
    out.extend(std::iter::repeat_n(fill, before));
    out.push_str(s);
    out.extend(std::iter::repeat_n(fill, after));
    out
}

/// Assembles a number from its parts with the spec's grouping, width, fill
/// and alignment (numbers align right by default), as CPython does.
pub fn pad_number(spec: &FormatSpec, parts: &NumberParts<'_>, group_size: usize) -> String {
    let fill = spec.fill.unwrap_or(' ');
    let align = spec.align.unwrap_or(if spec.zero_pad {
        Align::AfterSign
    } else {
        Align::Right
    });
    let width = spec.width.unwrap_or(0);
    let sep = match spec.grouping {
        Some(Grouping::Comma) if parts.groupable => Some((',', group_size)),
        Some(Grouping::Underscore) if parts.groupable => Some(('_', group_size)),
        _ => None,
    };
    let fixed =
        parts.sign.chars().count() + parts.prefix.chars().count() + parts.rest.chars().count();
    let min_digits = if fill == '0' && align == Align::AfterSign {
        width.saturating_sub(fixed)
    } else {
        0
    };
    let digits = if parts.groupable {
        group_digits(parts.digits, sep, min_digits)
    } else {
        let pad = min_digits.saturating_sub(parts.digits.chars().count());
        "0".repeat(pad) + parts.digits
    };
    let head = format!("{}{}", parts.sign, parts.prefix);
    let body = format!("{digits}{}", parts.rest);
    let len = head.chars().count() + body.chars().count();
    if len >= width {
        return head + &body;
    }
    if align == Align::AfterSign {
        let pad: String = std::iter::repeat_n(fill, width - len).collect();
        return head + &pad + &body;
    }
    pad_aligned(&(head + &body), Some(width), fill, align)
}

/// `format(s, spec)` for a `str` (`str.__format__`), with CPython's errors.
pub fn format_str(s: &str, spec: &str) -> PyResult<String> {
    if spec.is_empty() {
        return Ok(s.to_string());
    }
    let f = parse_format_spec(spec, "str", Some('s'))?;
    if f.ty != Some('s') {
        return Err(unknown_code(f.ty.unwrap_or('s'), "str"));
    }
    match f.sign {
        Some(Sign::Space) => {
            return Err(PyError::value(
                "Space not allowed in string format specifier",
            ));
        }
        Some(_) => {
            return Err(PyError::value(
                "Sign not allowed in string format specifier",
            ));
        }
        None => {}
    }
    if f.no_neg_zero {
        return Err(PyError::value(
            "Negative zero coercion (z) not allowed in string format specifier",
        ));
    }
    if f.alternate {
        return Err(PyError::value(
            "Alternate form (#) not allowed in string format specifier",
        ));
    }
    if f.align == Some(Align::AfterSign) {
        return Err(PyError::value(
            "'=' alignment not allowed in string format specifier",
        ));
    }
    check_output_size(f.width, None)?;
    let text: String = match f.precision {
        Some(p) => s.chars().take(p).collect(),
        None => s.to_string(),
    };
    Ok(pad_aligned(
        &text,
        f.width,
        f.fill.unwrap_or(' '),
        f.align.unwrap_or(Align::Left),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_field() {
        let f = parse_format_spec("*^+z#012,.3f", "float", None).unwrap();
        assert_eq!(f.fill, Some('*'));
        assert_eq!(f.align, Some(Align::Center));
        assert_eq!(f.sign, Some(Sign::Plus));
        assert!(f.no_neg_zero && f.alternate && !f.zero_pad);
        assert_eq!(f.width, Some(12));
        assert_eq!(f.grouping, Some(Grouping::Comma));
        assert_eq!(f.precision, Some(3));
        assert_eq!(f.ty, Some('f'));
    }

    #[test]
    fn errors_match_cpython() {
        let err = |s: &str| parse_format_spec(s, "float", None).unwrap_err().message;
        assert_eq!(err(",_"), "Cannot specify both ',' and '_'.");
        assert_eq!(err("_,"), "Cannot specify both ',' and '_'.");
        assert_eq!(err(",,"), "Cannot specify ',' with ','.");
        assert_eq!(err("."), "Format specifier missing precision");
        assert_eq!(
            err("abc"),
            "Invalid format specifier 'abc' for object of type 'float'"
        );
        assert_eq!(
            err("99999999999999999999"),
            "Too many decimal digits in format string"
        );
        assert_eq!(err(",\u{1}"), "Cannot specify ',' with '\\x1'.");
    }

    #[test]
    fn grouping_extends_zero_padding() {
        assert_eq!(group_digits("1234", Some((',', 3)), 8), "0,001,234");
        assert_eq!(group_digits("1234", Some((',', 3)), 7), "001,234");
        assert_eq!(group_digits("1234", Some((',', 3)), 0), "1,234");
        assert_eq!(group_digits("123", Some((',', 3)), 0), "123");
        assert_eq!(group_digits("ff", Some(('_', 4)), 10), "0_0000_00ff");
        assert_eq!(group_digits("12", None, 5), "00012");
    }

    #[test]
    fn str_format() {
        assert_eq!(format_str("ab", "05").unwrap(), "ab000");
        assert_eq!(format_str("abc", "^5.2").unwrap(), " ab  ");
        assert_eq!(format_str("ab", ">4").unwrap(), "  ab");
        assert_eq!(format_str("ab", "").unwrap(), "ab");
        assert_eq!(
            format_str("ab", "+").unwrap_err().message,
            "Sign not allowed in string format specifier"
        );
        assert_eq!(
            format_str("ab", ",").unwrap_err().message,
            "Cannot specify ',' with 's'."
        );
        assert_eq!(
            format_str("a", "d").unwrap_err().message,
            "Unknown format code 'd' for object of type 'str'"
        );
    }
}
