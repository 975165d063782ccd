//! Text clean-up shared by `int(str)` and `float(str)`: CPython first maps
//! non-ASCII whitespace to a space and non-ASCII decimal digits (Unicode
//! category Nd) to their ASCII digit, then strips ASCII whitespace and checks
//! PEP 515 underscores.

/// The code points of the digit zero of every Unicode 14.0 (Python 3.11)
/// block of decimal digits; each block holds the ten digits `0..=9`.
const DIGIT_ZEROS: [u32; 66] = [
    0x30, 0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66,
    0xde6, 0xe50, 0xed0, 0xf20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90,
    0x1b50, 0x1bb0, 0x1c40, 0x1c50, 0xa620, 0xa8d0, 0xa900, 0xa9d0, 0xa9f0, 0xaa50, 0xabf0, 0xff10,
    0x104a0, 0x10d30, 0x11066, 0x110f0, 0x11136, 0x111d0, 0x112f0, 0x11450, 0x114d0, 0x11650,
    0x116c0, 0x11730, 0x118e0, 0x11950, 0x11c50, 0x11d50, 0x11da0, 0x16a60, 0x16ac0, 0x16b50,
    0x1d7ce, 0x1d7d8, 0x1d7e2, 0x1d7ec, 0x1d7f6, 0x1e140, 0x1e2f0, 0x1e950, 0x1fbf0,
];

/// The decimal value of `c` if it is a Unicode decimal digit (`str.isdecimal`).
pub fn decimal_value(c: char) -> Option<u32> {
    let v = c as u32;
    let i = DIGIT_ZEROS.partition_point(|&z| z <= v);
    if i == 0 {
        return None;
    }
    let d = v - DIGIT_ZEROS[i - 1];
    (d < 10).then_some(d)
}

/// Maps `s` to ASCII the way CPython prepares numeric text: non-ASCII
/// whitespace becomes `' '`, non-ASCII decimal digits become ASCII digits,
/// any other non-ASCII character becomes `'?'` (which no parser accepts).
/// ASCII text is returned as is, without copying.
pub fn to_ascii_numeric(s: &str) -> std::borrow::Cow<'_, str> {
    if s.is_ascii() {
        return std::borrow::Cow::Borrowed(s);
    }
    s.chars()
        .map(|c| {
            if c.is_ascii() {
                c
            } else if c.is_whitespace() {
                ' '
            } else if let Some(d) = decimal_value(c) {
                char::from(b'0' + d as u8)
            } else {
                '?'
            }
        })
        .collect()
}

/// Strips the ASCII whitespace C's `isspace` knows (` \t\n\v\f\r`).
pub fn strip_c_space(s: &str) -> &str {
    s.trim_matches([' ', '\t', '\n', '\x0b', '\x0c', '\r'])
}

/// Removes underscores that each sit between two ASCII decimal digits;
/// `None` if any underscore does not (PEP 515 for `float(str)`).
pub fn remove_digit_underscores(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in b.iter().enumerate() {
        if c == b'_' {
            let before = i > 0 && b[i - 1].is_ascii_digit();
            let after = b.get(i + 1).is_some_and(u8::is_ascii_digit);
            if !(before && after) {
                return None;
            }
        } else {
            out.push(c as char);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unicode_digits_and_spaces_become_ascii() {
        assert_eq!(to_ascii_numeric("\u{3000}١٢.5\u{a0}"), " 12.5 ");
        assert_eq!(to_ascii_numeric("𝟗é"), "9?");
        assert_eq!(decimal_value('٩'), Some(9));
        assert_eq!(decimal_value('a'), None);
        assert_eq!(decimal_value('\u{1fbf9}'), Some(9));
        assert_eq!(decimal_value('\u{1fbfa}'), None);
    }

    #[test]
    fn underscores_only_between_digits() {
        assert_eq!(
            remove_digit_underscores("1_000.0_1e1_0").as_deref(),
            Some("1000.01e10")
        );
        for bad in ["_1", "1_", "1__0", "1_.5", "1_e5"] {
            assert_eq!(remove_digit_underscores(bad), None, "{bad}");
        }
    }

    #[test]
    fn strips_only_c_whitespace() {
        assert_eq!(strip_c_space(" \t1.5\r\n"), "1.5");
        assert_eq!(strip_c_space("\x1c1\x1f"), "\x1c1\x1f");
    }
}
