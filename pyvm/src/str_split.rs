//! Whitespace and line-break handling of `str` as CPython 3.11 defines
//! them: `str.isspace`, `str.split()` / `str.rsplit()` without a separator
//! (with `maxsplit`), `str.splitlines(keepends)` and the default
//! `strip`/`lstrip`/`rstrip`.

/// Whether `c` is whitespace for Python (`str.isspace`, `str.split()`):
/// bidirectional classes WS, B, S or category Zs.
pub fn is_space(c: char) -> bool {
    matches!(
        c,
        '\t'..='\r'
            | '\u{1c}'..='\u{20}'
            | '\u{85}'
            | '\u{a0}'
            | '\u{1680}'
            | '\u{2000}'..='\u{200a}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{202f}'
            | '\u{205f}'
            | '\u{3000}'
    )
}

/// Whether `c` ends a line for `str.splitlines`.
pub fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{b}' | '\u{c}' | '\u{1c}'..='\u{1e}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// `s.strip()` with the default (whitespace) characters.
pub fn strip_space(s: &str) -> &str {
    s.trim_matches(is_space)
}

/// `s.lstrip()` with the default characters.
pub fn lstrip_space(s: &str) -> &str {
    s.trim_start_matches(is_space)
}

/// `s.rstrip()` with the default characters.
pub fn rstrip_space(s: &str) -> &str {
    s.trim_end_matches(is_space)
}

/// `s.split(None, maxsplit)`: runs of whitespace separate words, leading
/// and trailing whitespace is dropped; after `maxsplit` splits (negative:
/// no limit) the rest is one word, trailing whitespace included.
pub fn split_whitespace(s: &str, maxsplit: isize) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = lstrip_space(s);
    while !rest.is_empty() {
        if maxsplit >= 0 && out.len() as isize == maxsplit {
            out.push(rest);
            break;
        }
        match rest.find(is_space) {
            Some(end) => {
                out.push(&rest[..end]);
                rest = lstrip_space(&rest[end..]);
            }
            None => {
                out.push(rest);
                break;
            }
        }
    }
    out
}

/// `s.rsplit(None, maxsplit)`: like [`split_whitespace`] from the right
/// (the leftover keeps its leading whitespace).
pub fn rsplit_whitespace(s: &str, maxsplit: isize) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = rstrip_space(s);
    while !rest.is_empty() {
        if maxsplit >= 0 && out.len() as isize == maxsplit {
            out.push(rest);
            break;
        }
        match rest.rfind(is_space) {
            Some(i) => {
                let start = i + rest[i..].chars().next().map_or(1, char::len_utf8);
                out.push(&rest[start..]);
                rest = rstrip_space(&rest[..i]);
            }
            None => {
                out.push(rest);
                break;
            }
        }
    }
    out.reverse();
    out
}

/// `s.splitlines(keepends)`: `\r\n` counts as one break; no empty last
/// line after a final break.
pub fn splitlines(s: &str, keepends: bool) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !is_line_break(c) {
            continue;
        }
        let mut end = i + c.len_utf8();
        if c == '\r'
            && let Some(&(_, '\n')) = chars.peek()
        {
            chars.next();
            end += 1;
        }
        out.push(if keepends {
            &s[start..end]
        } else {
            &s[start..i]
        });
        start = end;
    }
    if start < s.len() {
        out.push(&s[start..]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitting_like_python() {
        assert_eq!(split_whitespace("  a b\u{3000}c\x1c ", -1), ["a", "b", "c"]);
        assert_eq!(split_whitespace("a b  c  ", 1), ["a", "b  c  "]);
        assert_eq!(split_whitespace("   ", -1), Vec::<&str>::new());
        assert_eq!(rsplit_whitespace(" a b c", 1), [" a b", "c"]);
        assert_eq!(rsplit_whitespace("a\u{85}b  ", -1), ["a", "b"]);
        assert_eq!(
            splitlines("a\r\nb\rc\n\nd\u{2028}", false),
            ["a", "b", "c", "", "d"]
        );
        assert_eq!(splitlines("a\r\nb\x1d", true), ["a\r\n", "b\x1d"]);
        assert_eq!(strip_space("\u{a0} x \u{205f}"), "x");
        assert!(is_space('\u{1f}') && !is_space('\u{200b}') && !is_space('\u{180e}'));
    }
}
