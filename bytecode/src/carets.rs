//! The caret line under a traceback's source line, as CPython 3.11 prints
//! it: `^` under the failing expression, and for a binary operation or a
//! subscript `~` under the operands and `^` under the operator or the
//! brackets:
//!
//! ```text
//!     return a["x"] + 1
//!            ~~~~~~~^~~
//! ```

use ruff_python_ast::{Expr, Stmt};
use ruff_python_parser::parse_module;
use ruff_text_size::Ranged;

use crate::Location;

/// Character offset of byte offset `b` in `s` (clamped to the end).
fn char_offset(s: &str, b: usize) -> usize {
    let b = b.min(s.len());
    let mut b = b;
    while b > 0 && !s.is_char_boundary(b) {
        b -= 1;
    }
    s[..b].chars().count()
}

/// The `(left_end, right_start)` character offsets of the anchors in
/// `segment` (the failing expression's text): where the primary `~` ends
/// and resumes around the secondary `^`. `None` when the segment is not a
/// single binary operation or subscript.
pub fn caret_anchors(segment: &str) -> Option<(usize, usize)> {
    let parsed = parse_module(segment).ok()?;
    let body = &parsed.syntax().body;
    if body.len() != 1 {
        return None;
    }
    let Stmt::Expr(stmt) = &body[0] else {
        return None;
    };
    let chars: Vec<char> = segment.chars().collect();
    match &*stmt.value {
        Expr::BinOp(op) => {
            let start = char_offset(segment, op.left.end().to_usize());
            let end = char_offset(segment, op.right.start().to_usize());
            let op_str: String = chars.get(start..end)?.iter().collect();
            let op_offset = op_str.chars().count() - op_str.trim_start().chars().count();
            let mut left = start + op_offset;
            let mut right = left + 1;
            let op_chars: Vec<char> = op_str.chars().collect();
            if op_offset + 1 < op_chars.len() && !op_chars[op_offset + 1].is_whitespace() {
                right += 1;
            }
            while left < chars.len()
                && (chars[left].is_whitespace() || matches!(chars[left], ')' | '#'))
            {
                left += 1;
                right += 1;
            }
            Some((left, right))
        }
        Expr::Subscript(sub) => {
            let mut left = char_offset(segment, sub.value.end().to_usize());
            let mut right = char_offset(segment, sub.slice.end().to_usize() + 1);
            while left < chars.len() && chars[left] != '[' {
                left += 1;
            }
            while right < chars.len() && chars[right] != ']' {
                right += 1;
            }
            if right < chars.len() {
                right += 1;
            }
            Some((left, right))
        }
        _ => None,
    }
}

/// The caret line for source line `raw` (line number `line`, unstripped,
/// without its newline) and the failing instruction's span, or `None`
/// where CPython prints none (the span covers the whole line, or lies on
/// another line).
pub fn caret_line(raw: &str, line: u32, loc: Location) -> Option<String> {
    if loc.line != line || loc.line == 0 {
        return None;
    }
    let stripped = raw.trim();
    if stripped.is_empty() {
        return None;
    }
    let indent = raw.chars().count() - raw.trim_start().chars().count();
    let stripped_len = stripped.chars().count();
    let start = char_offset(raw, loc.col as usize);
    let same_line = loc.end_line == loc.line;
    let end = if same_line {
        char_offset(raw, loc.end_col as usize)
    } else {
        indent + stripped_len
    };
    if end <= start || start < indent {
        return None;
    }
    let anchors = if same_line {
        let seg: String = raw.chars().skip(start).take(end - start).collect();
        caret_anchors(&seg)
    } else {
        None
    };
    let wide = anchors.is_some_and(|(l, r)| r > l);
    if end - start >= stripped_len && !wide {
        return None;
    }
    let mut out = String::from("    ");
    out.extend(std::iter::repeat_n(' ', start - indent));
    let n = end - start;
    match anchors {
        Some((l, r)) => {
            let (l, r) = (l.min(n), r.min(n).max(l.min(n)));
            out.extend(std::iter::repeat_n('~', l));
            out.extend(std::iter::repeat_n('^', r - l));
            out.extend(std::iter::repeat_n('~', n - r));
        }
        None => out.extend(std::iter::repeat_n('^', n)),
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn loc(line: u32, col: u32, end_col: u32) -> Location {
        Location {
            line,
            col,
            end_line: line,
            end_col,
        }
    }

    #[test]
    fn binary_operation_marks_the_operator() {
        let raw = "    return a[\"x\"] + 1";
        assert_eq!(
            caret_line(raw, 2, loc(2, 11, 21)).as_deref(),
            Some("           ~~~~~~~^~~")
        );
        assert_eq!(
            caret_line("1 / 0", 1, loc(1, 0, 5)).as_deref(),
            Some("    ~~^~~")
        );
        assert_eq!(
            caret_line("x ** y", 1, loc(1, 0, 6)).as_deref(),
            Some("    ~~^^~~")
        );
    }

    #[test]
    fn subscript_marks_the_brackets() {
        assert_eq!(
            caret_line("print(d['k'])", 1, loc(1, 6, 12)).as_deref(),
            Some("          ~^^^^^")
        );
    }

    #[test]
    fn whole_line_and_other_lines_get_no_carets() {
        assert_eq!(caret_line("f(x)", 1, loc(1, 0, 4)), None);
        assert_eq!(caret_line("f(x)", 2, loc(1, 0, 4)), None);
        assert_eq!(
            caret_line("y = f(x)", 1, loc(1, 4, 8)).as_deref(),
            Some("        ^^^^")
        );
    }
}
