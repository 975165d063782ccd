//! String constants. ruff's lexer replaces lone surrogates (`"\udc80"`) by
//! U+FFFD; when a literal's value contains U+FFFD the literal is decoded
//! again here from the source text so that the constant keeps the exact
//! code points Python gives it.

use ruff_python_ast as ast;
use ruff_python_ast::StringFlags;
use ruff_text_size::Ranged;

use crate::pystr::PyStr;

/// The value of a (possibly implicitly concatenated) string literal.
pub(crate) fn string_value(lit: &ast::ExprStringLiteral, source: &str) -> PyStr {
    let parts = lit.value.as_slice();
    if parts.len() == 1 {
        return part_value(&parts[0], source);
    }
    let mut points = Vec::new();
    for p in parts {
        points.extend(part_value(p, source).code_points());
    }
    PyStr::from_code_points(points)
}

fn part_value(part: &ast::StringLiteral, source: &str) -> PyStr {
    if !part.value.contains('\u{FFFD}') || part.flags.prefix().as_str().contains(['r', 'R']) {
        return PyStr::from(&*part.value);
    }
    let text = &source[part.range()];
    let prefix_len = part.flags.prefix().as_str().len();
    let quote_len = part.flags.quote_len().to_usize();
    let body = text.get(prefix_len + quote_len..text.len().saturating_sub(quote_len));
    match body {
        Some(body) if !body.contains("\\N{") => decode_escapes(body),
        _ => PyStr::from(&*part.value),
    }
}

/// Decodes a non-raw string body with Python's escapes (no `\N{...}`).
pub(crate) fn decode_escapes(body: &str) -> PyStr {
    let mut out: Vec<u32> = Vec::with_capacity(body.len());
    let mut chars = body.chars().peekable();
    let hex = |chars: &mut std::iter::Peekable<std::str::Chars<'_>>, n: usize| -> u32 {
        let mut v = 0;
        for _ in 0..n {
            match chars.peek().and_then(|c| c.to_digit(16)) {
                Some(d) => {
                    v = v * 16 + d;
                    chars.next();
                }
                None => break,
            }
        }
        v
    };
    while let Some(c) = chars.next() {
        if c == '\r' {
            if chars.peek() == Some(&'\n') {
                chars.next();
            }
            out.push('\n' as u32);
            continue;
        }
        if c != '\\' {
            out.push(c as u32);
            continue;
        }
        let Some(e) = chars.next() else {
            out.push('\\' as u32);
            break;
        };
        match e {
            '\n' => {}
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
            }
            '\\' | '\'' | '"' => out.push(e as u32),
            'a' => out.push(7),
            'b' => out.push(8),
            'f' => out.push(12),
            'n' => out.push(10),
            'r' => out.push(13),
            't' => out.push(9),
            'v' => out.push(11),
            '0'..='7' => {
                let mut v = e.to_digit(8).unwrap_or(0);
                for _ in 0..2 {
                    match chars.peek().and_then(|c| c.to_digit(8)) {
                        Some(d) => {
                            v = v * 8 + d;
                            chars.next();
                        }
                        None => break,
                    }
                }
                out.push(v);
            }
            'x' => out.push(hex(&mut chars, 2)),
            'u' => out.push(hex(&mut chars, 4)),
            'U' => out.push(hex(&mut chars, 8)),
            other => {
                out.push('\\' as u32);
                out.push(other as u32);
            }
        }
    }
    PyStr::from_code_points(out)
}

/// The value of one literal part of an f-string concatenation.
pub(crate) fn string_value_part(part: &ast::StringLiteral, source: &str) -> PyStr {
    part_value(part, source)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_decode_to_code_points() {
        let s = decode_escapes(r"a\n\x41\101\u00e9\udc80\U0001F600\q");
        let want = [
            0x61,
            10,
            0x41,
            0x41,
            0xe9,
            0xdc80,
            0x1F600,
            '\\' as u32,
            'q' as u32,
        ];
        assert_eq!(s.code_points().collect::<Vec<_>>(), want);
    }
}
