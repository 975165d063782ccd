//! `str.center`, `ljust`, `rjust`, `zfill` and `expandtabs` as CPython 3.11
//! computes them (character counts are code points; `center` puts the odd
//! padding character where CPython does, which is not always the right).

fn repeat(c: char, n: usize) -> impl Iterator<Item = char> {
    std::iter::repeat_n(c, n)
}

/// `s.center(width, fill)`: with an odd amount of padding the extra fill
/// goes left exactly when both the padding and `width` are odd
/// (`'ab'.center(5)` is `'  ab '`, `'abc'.center(6)` is `' abc  '`).
pub fn center(s: &str, width: usize, fill: char) -> String {
    let len = s.chars().count();
    if width <= len {
        return s.to_string();
    }
    let pad = width - len;
    let left = pad / 2 + (pad & width & 1);
    repeat(fill, left)
        .chain(s.chars())
        .chain(repeat(fill, pad - left))
        .collect()
}

/// `s.ljust(width, fill)`.
pub fn ljust(s: &str, width: usize, fill: char) -> String {
    let len = s.chars().count();
    s.chars()
        .chain(repeat(fill, width.saturating_sub(len)))
        .collect()
}

/// `s.rjust(width, fill)`.
pub fn rjust(s: &str, width: usize, fill: char) -> String {
    let len = s.chars().count();
    repeat(fill, width.saturating_sub(len))
        .chain(s.chars())
        .collect()
}

/// `s.zfill(width)`: zeros on the left, after a leading `+` or `-`.
pub fn zfill(s: &str, width: usize) -> String {
    let len = s.chars().count();
    if width <= len {
        return s.to_string();
    }
    let zeros = width - len;
    match s.chars().next() {
        Some(sign @ ('+' | '-')) => {
            let mut out = String::with_capacity(width);
            out.push(sign);
            out.extend(repeat('0', zeros));
            out.push_str(&s[1..]);
            out
        }
        _ => repeat('0', zeros).chain(s.chars()).collect(),
    }
}

/// `s.expandtabs(tabsize)`: each tab becomes spaces up to the next multiple
/// of `tabsize` (none when `tabsize <= 0`); `\n` and `\r` restart the
/// column count.
pub fn expandtabs(s: &str, tabsize: i64) -> String {
    let mut out = String::with_capacity(s.len());
    let mut column: i64 = 0;
    for c in s.chars() {
        match c {
            '\t' => {
                if tabsize > 0 {
                    let incr = tabsize - column % tabsize;
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
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn padding_like_python() {
        assert_eq!(center("ab", 5, ' '), "  ab ");
        assert_eq!(center("abc", 6, ' '), " abc  ");
        assert_eq!(center("a", 4, '*'), "*a**");
        assert_eq!(center("abc", 2, ' '), "abc");
        assert_eq!(ljust("é", 3, '-'), "é--");
        assert_eq!(rjust("é", 3, '-'), "--é");
        assert_eq!(zfill("-12", 5), "-0012");
        assert_eq!(zfill("+x", 4), "+00x");
        assert_eq!(zfill("abc", 5), "00abc");
        assert_eq!(zfill("-", 3), "-00");
        assert_eq!(expandtabs("a\tbc\td", 4), "a   bc  d");
        assert_eq!(expandtabs("ab\r\tc", 8), "ab\r        c");
        assert_eq!(expandtabs("a\tb", 0), "ab");
    }
}
