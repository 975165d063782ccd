//! The template language of `str.format`: splitting `"a{0!r:>{w}}b{{c}}"`
//! into literal text and replacement fields (what `_string.formatter_parser`
//! yields), splitting field names like `0[key].attr` (what
//! `_string.formatter_field_name_split` yields), and automatic field
//! numbering, all with CPython 3.11's rules and error messages.

use crate::error::{PyError, PyResult};

/// A replacement field `{name!conversion:spec}`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Field {
    /// The field name, unparsed (`0[a].b`; empty for automatic numbering).
    pub name: String,
    /// The conversion character after `!` (`r`, `s`, `a`; CPython checks the
    /// character only when formatting).
    pub conversion: Option<char>,
    /// The format spec, which may itself hold `{...}` fields to expand.
    pub spec: String,
}

/// Literal text, optionally followed by a replacement field: one item of
/// `_string.formatter_parser`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Piece {
    /// Literal text with `{{`/`}}` already collapsed.
    pub literal: String,
    /// The field that follows the text, if any.
    pub field: Option<Field>,
}

/// Parses a `str.format` template. Errors as CPython: `Single '{'
/// encountered in format string`, `Single '}' encountered in format string`,
/// `expected '}' before end of string`, `unexpected '{' in field name`,
/// `end of string while looking for conversion specifier`,
/// `expected ':' after conversion specifier`, `unmatched '{' in format spec`.
pub fn parse_format_string(s: &str) -> PyResult<Vec<Piece>> {
    let chars: Vec<char> = s.chars().collect();
    let mut pos = 0;
    let mut pieces = Vec::new();
    while pos < chars.len() {
        let start = pos;
        let mut brace = None;
        while pos < chars.len() {
            let c = chars[pos];
            pos += 1;
            if c == '{' || c == '}' {
                brace = Some(c);
                break;
            }
        }
        let at_end = pos >= chars.len();
        let mut literal: String = chars[start..pos].iter().collect();
        let Some(c) = brace else {
            pieces.push(Piece {
                literal,
                field: None,
            });
            break;
        };
        if c == '}' && (at_end || chars[pos] != '}') {
            return Err(PyError::value("Single '}' encountered in format string"));
        }
        if at_end {
            return Err(PyError::value("Single '{' encountered in format string"));
        }
        if chars[pos] == c {
            // An escaped brace: the literal keeps one of the two.
            pos += 1;
            pieces.push(Piece {
                literal,
                field: None,
            });
            continue;
        }
        literal.pop();
        let field = parse_field(&chars, &mut pos)?;
        pieces.push(Piece {
            literal,
            field: Some(field),
        });
    }
    Ok(pieces)
}

/// Parses `name[!c][:spec]}` starting after a `{`.
fn parse_field(chars: &[char], pos: &mut usize) -> PyResult<Field> {
    let start = *pos;
    let mut last = '\0';
    while *pos < chars.len() {
        let c = chars[*pos];
        *pos += 1;
        last = c;
        match c {
            '{' => return Err(PyError::value("unexpected '{' in field name")),
            '[' => {
                while *pos < chars.len() && chars[*pos] != ']' {
                    *pos += 1;
                }
            }
            '}' | ':' | '!' => break,
            _ => {}
        }
    }
    let name_end = if matches!(last, '}' | ':' | '!') {
        *pos - 1
    } else {
        *pos
    };
    let name: String = chars[start..name_end].iter().collect();
    if *pos == name_end || !matches!(last, '}' | ':' | '!') {
        return Err(PyError::value("expected '}' before end of string"));
    }
    let mut field = Field {
        name,
        conversion: None,
        spec: String::new(),
    };
    if last == '}' {
        return Ok(field);
    }
    if last == '!' {
        let Some(&conv) = chars.get(*pos) else {
            return Err(PyError::value(
                "end of string while looking for conversion specifier",
            ));
        };
        *pos += 1;
        field.conversion = Some(conv);
        if let Some(&c) = chars.get(*pos) {
            *pos += 1;
            if c == '}' {
                return Ok(field);
            }
            if c != ':' {
                return Err(PyError::value("expected ':' after conversion specifier"));
            }
        }
    }
    let spec_start = *pos;
    let mut depth = 1;
    while *pos < chars.len() {
        let c = chars[*pos];
        *pos += 1;
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    field.spec = chars[spec_start..*pos - 1].iter().collect();
                    return Ok(field);
                }
            }
            _ => {}
        }
    }
    Err(PyError::value("unmatched '{' in format spec"))
}

/// The first part of a field name: a positional index or a keyword.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldKey {
    /// All digits: a positional argument (or, after `[`, an integer key).
    Index(usize),
    /// Anything else (empty for automatic numbering).
    Name(String),
}

/// What follows the first part: `.attr` or `[key]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Accessor {
    /// `.name`: an attribute (never converted to an integer).
    Attr(String),
    /// `[key]`: an item; all-digit keys are integers.
    Item(FieldKey),
}

fn to_key(text: &str) -> PyResult<FieldKey> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Ok(FieldKey::Name(text.to_string()));
    }
    match text.parse::<usize>() {
        Ok(v) if v <= isize::MAX as usize => Ok(FieldKey::Index(v)),
        _ => Err(PyError::value("Too many decimal digits in format string")),
    }
}

/// Splits a field name: `0[a].b` → `(Index(0), [Item(Name("a")),
/// Attr("b")])`. Errors: `Empty attribute in format string`,
/// `Missing ']' in format string`, `Only '.' or '[' may follow ']' in
/// format field specifier`, `Too many decimal digits in format string`.
pub fn split_field_name(name: &str) -> PyResult<(FieldKey, Vec<Accessor>)> {
    let first_end = name.find(['.', '[']).unwrap_or(name.len());
    let first = to_key(&name[..first_end])?;
    let mut rest = Vec::new();
    let b = name.as_bytes();
    let mut i = first_end;
    while i < b.len() {
        let is_attr = b[i] == b'.';
        i += 1;
        let start = i;
        if is_attr {
            while i < b.len() && b[i] != b'.' && b[i] != b'[' {
                i += 1;
            }
        } else {
            while i < b.len() && b[i] != b']' {
                i += 1;
            }
            if i >= b.len() {
                return Err(PyError::value("Missing ']' in format string"));
            }
        }
        let part = &name[start..i];
        if part.is_empty() {
            return Err(PyError::value("Empty attribute in format string"));
        }
        if is_attr {
            rest.push(Accessor::Attr(part.to_string()));
        } else {
            rest.push(Accessor::Item(to_key(part)?));
            i += 1;
            if i < b.len() && b[i] != b'.' && b[i] != b'[' {
                return Err(PyError::value(
                    "Only '.' or '[' may follow ']' in format field specifier",
                ));
            }
        }
    }
    Ok((first, rest))
}

/// Automatic field numbering for one `str.format` call: `{}` fields take
/// the next index, and mixing them with explicit indices fails as in CPython.
#[derive(Clone, Debug, Default)]
pub struct AutoNumber {
    next: usize,
    used_auto: bool,
    used_manual: bool,
}

impl AutoNumber {
    /// Resolves the first part of a field name: an empty name becomes the
    /// next automatic index. Errors: `cannot switch from manual field
    /// specification to automatic field numbering` and the reverse.
    pub fn resolve(&mut self, key: FieldKey) -> PyResult<FieldKey> {
        match key {
            FieldKey::Name(n) if n.is_empty() => {
                if self.used_manual {
                    return Err(PyError::value(
                        "cannot switch from manual field specification to automatic field numbering",
                    ));
                }
                self.used_auto = true;
                self.next += 1;
                Ok(FieldKey::Index(self.next - 1))
            }
            FieldKey::Index(i) => {
                if self.used_auto {
                    return Err(PyError::value(
                        "cannot switch from automatic field numbering to manual field specification",
                    ));
                }
                self.used_manual = true;
                Ok(FieldKey::Index(i))
            }
            other => Ok(other),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(name: &str, conv: Option<char>, spec: &str) -> Option<Field> {
        Some(Field {
            name: name.into(),
            conversion: conv,
            spec: spec.into(),
        })
    }

    #[test]
    fn splits_templates() {
        let p = parse_format_string("a{0!r:>{w}}b{{c}}").unwrap();
        assert_eq!(
            p,
            vec![
                Piece {
                    literal: "a".into(),
                    field: field("0", Some('r'), ">{w}")
                },
                Piece {
                    literal: "b{".into(),
                    field: None
                },
                Piece {
                    literal: "c}".into(),
                    field: None
                },
            ]
        );
        assert_eq!(
            parse_format_string("{0[:]}").unwrap()[0].field,
            field("0[:]", None, "")
        );
        assert_eq!(
            parse_format_string("{:{:{}}}").unwrap()[0].field,
            field("", None, "{:{}}")
        );
        let err = |s| parse_format_string(s).unwrap_err().message;
        assert_eq!(err("{"), "Single '{' encountered in format string");
        assert_eq!(err("a}b"), "Single '}' encountered in format string");
        assert_eq!(err("{0"), "expected '}' before end of string");
        assert_eq!(
            err("{0!"),
            "end of string while looking for conversion specifier"
        );
        assert_eq!(err("{0!rx}"), "expected ':' after conversion specifier");
        assert_eq!(err("{!}"), "unmatched '{' in format spec");
        assert_eq!(err("{a{b}"), "unexpected '{' in field name");
    }

    #[test]
    fn splits_field_names() {
        let (first, rest) = split_field_name("0[a].b").unwrap();
        assert_eq!(first, FieldKey::Index(0));
        assert_eq!(
            rest,
            vec![
                Accessor::Item(FieldKey::Name("a".into())),
                Accessor::Attr("b".into())
            ]
        );
        assert_eq!(
            split_field_name("1.5").unwrap().1,
            vec![Accessor::Attr("5".into())]
        );
        let err = |s| split_field_name(s).unwrap_err().message;
        assert_eq!(err("0."), "Empty attribute in format string");
        assert_eq!(err("0[]"), "Empty attribute in format string");
        assert_eq!(err("0[a"), "Missing ']' in format string");
        assert_eq!(
            err("0[a]b"),
            "Only '.' or '[' may follow ']' in format field specifier"
        );
    }

    #[test]
    fn auto_numbering() {
        let mut a = AutoNumber::default();
        assert_eq!(
            a.resolve(FieldKey::Name(String::new())).unwrap(),
            FieldKey::Index(0)
        );
        assert_eq!(
            a.resolve(FieldKey::Name(String::new())).unwrap(),
            FieldKey::Index(1)
        );
        assert!(a.resolve(FieldKey::Index(0)).is_err());
        let mut m = AutoNumber::default();
        m.resolve(FieldKey::Index(3)).unwrap();
        assert!(m.resolve(FieldKey::Name(String::new())).is_err());
    }
}
