//! Character tests of the regular-expression engine: categories, case
//! mappings, word boundaries and character sets, for ASCII, "locale" (treated
//! as Latin-1 ASCII rules, as pyvm runs in the C locale) and Unicode.

use super::consts::{category as cat, op};
use crate::str_class::{is_alnum, is_decimal};
use crate::str_split::{is_line_break, is_space};

fn to_char(c: u32) -> Option<char> {
    char::from_u32(c)
}

/// `_sre.ascii_iscased`.
pub fn ascii_iscased(c: u32) -> bool {
    c < 128 && (c as u8).is_ascii_alphabetic()
}

/// `_sre.ascii_tolower`.
pub fn ascii_tolower(c: u32) -> u32 {
    if c < 128 {
        (c as u8).to_ascii_lowercase() as u32
    } else {
        c
    }
}

fn ascii_toupper(c: u32) -> u32 {
    if c < 128 {
        (c as u8).to_ascii_uppercase() as u32
    } else {
        c
    }
}

/// The simple (one-character) lowercase mapping, as `_sre.unicode_tolower`.
pub fn unicode_tolower(c: u32) -> u32 {
    if c == 0x130 {
        // 'İ': the full mapping is two characters, the simple one 'i'.
        return 'i' as u32;
    }
    simple(c, |ch| ch.to_lowercase())
}

/// The simple uppercase mapping.
pub fn unicode_toupper(c: u32) -> u32 {
    simple(c, |ch| ch.to_uppercase())
}

fn simple<I: Iterator<Item = char>>(c: u32, f: impl Fn(char) -> I) -> u32 {
    let Some(ch) = to_char(c) else { return c };
    let mut it = f(ch);
    match (it.next(), it.next()) {
        (Some(m), None) => m as u32,
        _ => c,
    }
}

/// `_sre.unicode_iscased`.
pub fn unicode_iscased(c: u32) -> bool {
    c != unicode_tolower(c) || c != unicode_toupper(c)
}

fn is_ascii_word(c: u32) -> bool {
    c < 128 && ((c as u8).is_ascii_alphanumeric() || c == b'_' as u32)
}

fn is_uni_word(c: u32) -> bool {
    c == b'_' as u32 || to_char(c).is_some_and(is_alnum)
}

fn is_ascii_space(c: u32) -> bool {
    matches!(c, 9..=13 | 32)
}

/// Whether `c` is in category `code` (a `CATEGORY_*` number).
pub fn in_category(code: u32, c: u32) -> bool {
    match code {
        cat::DIGIT => c < 128 && (c as u8).is_ascii_digit(),
        cat::NOT_DIGIT => !(c < 128 && (c as u8).is_ascii_digit()),
        cat::SPACE => is_ascii_space(c),
        cat::NOT_SPACE => !is_ascii_space(c),
        cat::WORD | cat::LOC_WORD => is_ascii_word(c),
        cat::NOT_WORD | cat::LOC_NOT_WORD => !is_ascii_word(c),
        cat::LINEBREAK => c == b'\n' as u32,
        cat::NOT_LINEBREAK => c != b'\n' as u32,
        cat::UNI_DIGIT => to_char(c).is_some_and(is_decimal),
        cat::UNI_NOT_DIGIT => !to_char(c).is_some_and(is_decimal),
        cat::UNI_SPACE => to_char(c).is_some_and(is_space),
        cat::UNI_NOT_SPACE => !to_char(c).is_some_and(is_space),
        cat::UNI_WORD => is_uni_word(c),
        cat::UNI_NOT_WORD => !is_uni_word(c),
        cat::UNI_LINEBREAK => to_char(c).is_some_and(is_line_break),
        cat::UNI_NOT_LINEBREAK => !to_char(c).is_some_and(is_line_break),
        _ => false,
    }
}

/// Word-character test used by the boundary position codes.
pub fn is_word(unicode: bool, c: u32) -> bool {
    if unicode {
        is_uni_word(c)
    } else {
        is_ascii_word(c)
    }
}

/// "Locale" case-insensitive comparison of a character with a pattern
/// literal (pyvm uses ASCII rules for the locale).
pub fn loc_ignore_eq(pattern: u32, c: u32) -> bool {
    c == pattern || ascii_tolower(c) == pattern || ascii_toupper(c) == pattern
}

/// Whether `c` is in the character set program starting at `code[pc]`
/// (ended by `FAILURE`). Malformed programs answer `false`.
pub fn in_charset(code: &[u32], mut pc: usize, c: u32) -> bool {
    let mut ok = true;
    let word = |i: usize| code.get(i).copied().unwrap_or(0);
    loop {
        match word(pc) {
            op::FAILURE => return !ok,
            op::LITERAL => {
                if c == word(pc + 1) {
                    return ok;
                }
                pc += 2;
            }
            op::CATEGORY => {
                if in_category(word(pc + 1), c) {
                    return ok;
                }
                pc += 2;
            }
            op::CHARSET => {
                // 256 bits in 8 words.
                if c < 256 && word(pc + 1 + (c as usize >> 5)) & (1 << (c & 31)) != 0 {
                    return ok;
                }
                pc += 1 + 8;
            }
            op::RANGE => {
                if word(pc + 1) <= c && c <= word(pc + 2) {
                    return ok;
                }
                pc += 3;
            }
            op::RANGE_UNI_IGNORE => {
                let (lo, hi) = (word(pc + 1), word(pc + 2));
                if lo <= c && c <= hi {
                    return ok;
                }
                let u = unicode_toupper(c);
                if lo <= u && u <= hi {
                    return ok;
                }
                pc += 3;
            }
            op::NEGATE => {
                ok = !ok;
                pc += 1;
            }
            op::BIGCHARSET => {
                // count, 256 block numbers packed in 64 words, then
                // `count` blocks of 8 words.
                let count = word(pc + 1) as usize;
                pc += 2;
                if c < 65536 {
                    let hi = (c >> 8) as usize;
                    let block = (word(pc + hi / 4) >> ((hi % 4) * 8)) & 0xff;
                    let base = pc + 64 + block as usize * 8;
                    let lo = c & 255;
                    if word(base + (lo as usize >> 5)) & (1 << (lo & 31)) != 0 {
                        return ok;
                    }
                }
                pc += 64 + count * 8;
            }
            _ => return false,
        }
    }
}
