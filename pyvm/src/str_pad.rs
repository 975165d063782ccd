//! `str.center`, `ljust`, `rjust`, `zfill` and `expandtabs` as CPython 3.11
//! computes them (character counts are code points; `center` puts the odd
//! padding character where CPython does, which is not always the right).
//! Results longer than [`MAX_FORMATTED_LEN`] characters fail with
//! `MemoryError` instead of aborting the process.

use crate::error::{ErrorKind, PyError, PyResult};
use crate::format_spec::MAX_FORMATTED_LEN;

fn check_len(n: usize) -> PyResult<()> {
    if n > MAX_FORMATTED_LEN {
        return Err(PyError {
            kind: ErrorKind::MemoryError,
            message: String::new(),
        });
    }
    Ok(())
}

fn repeat(c: char, n: usize) -> impl Iterator<Item = char> {
    std::iter::repeat_n(c, n)
}

/// `s.center(width, fill)`: with an odd amount of padding the extra fill
/// goes left exactly when both the padding and `width` are odd
/// (`'ab'.center(5)` is `'  ab '`, `'abc'.center(6)` is `' abc  '`).
pub fn center(s: &str, width: usize, fill: char) -> PyResult<String> {
    let len = s.chars().count();
    if width <= len {
        return Ok(s.to_string());
    }
    check_len(width)?;
    let pad = width - len;
    let left = pad / 2 + (pad & width & 1);
    Ok(repeat(fill, left)
        .chain(s.chars())
        .chain(repeat(fill, pad - left))
        .collect())
}

/// `s.ljust(width, fill)`.
pub fn ljust(s: &str, width: usize, fill: char) -> PyResult<String> {
    let len = s.chars().count();
    check_len(width.max(len))?;
    Ok(s.chars()
        .chain(repeat(fill, width.saturating_sub(len)))
        .collect())
}

/// `s.rjust(width, fill)`.
pub fn rjust(s: &str, width: usize, fill: char) -> PyResult<String> {
    let len = s.chars().count();
    check_len(width.max(len))?;
    Ok(repeat(fill, width.saturating_sub(len))
        .chain(s.chars())
        .collect())
}

/// `s.zfill(width)`: zeros on the left, after a leading `+` or `-`.
pub fn zfill(s: &str, width: usize) -> PyResult<String> {
    let len = s.chars().count();
    if width <= len {
        return Ok(s.to_string());
    }
    check_len(width)?;
    let zeros = width - len;
    match s.chars().next() {
        Some(sign @ ('+' | '-')) => {
            let mut out = String::with_capacity(width);
            out.push(sign);
            out.extend(repeat('0', zeros));
            out.push_str(&s[1..]);
            Ok(out)
        }
        _ => Ok(repeat('0', zeros).chain(s.chars()).collect()),
    }
}

/// `s.expandtabs(tabsize)`: each tab becomes spaces up to the next multiple
/// of `tabsize` (none when `tabsize <= 0`); `\n` and `\r` restart the
/// column count.
pub fn expandtabs(s: &str, tabsize: i64) -> PyResult<String> {
    let mut out = String::with_capacity(s.len());
    let mut column: i64 = 0;
    for c in s.chars() {
        match c {
            '\t' => {
                if tabsize > 0 {
                    let incr = tabsize - column % tabsize;
                    check_len(out.len().saturating_add(incr as usize))?;
                    column += incr;
                    out.extend(repeat(' ', incr as usize));
                }
            }
            '\n' | '\r' => {
                column = 0;
                out.push(c);
            }
            _ => {
                column += 1;
                out.push(c);
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn padding_like_python() {
        assert_eq!(center("ab", 5, ' ').unwrap(), "  ab ");
        assert_eq!(center("abc", 6, ' ').unwrap(), " abc  ");
        assert_eq!(center("a", 4, '*').unwrap(), "*a**");
        assert_eq!(center("abc", 2, ' ').unwrap(), "abc");
        assert_eq!(ljust("é", 3, '-').unwrap(), "é--");
        assert_eq!(rjust("é", 3, '-').unwrap(), "--é");
        assert_eq!(zfill("-12", 5).unwrap(), "-0012");
        assert_eq!(zfill("+x", 4).unwrap(), "+00x");
        assert_eq!(zfill("abc", 5).unwrap(), "00abc");
        assert_eq!(zfill("-", 3).unwrap(), "-00");
        assert_eq!(expandtabs("a\tbc\td", 4).unwrap(), "a   bc  d");
        assert_eq!(expandtabs("ab\r\tc", 8).unwrap(), "ab\r        c");
        assert_eq!(expandtabs("a\tb", 0).unwrap(), "ab");
        assert_eq!(
            center("a", usize::MAX, ' ').unwrap_err().kind,
            ErrorKind::MemoryError
        );
        assert_eq!(
            expandtabs("\t", i64::MAX).unwrap_err().kind,
            ErrorKind::MemoryError
        );
    }
}
