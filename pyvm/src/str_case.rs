//! `str.upper()` and `str.lower()` as CPython 3.11 computes them: full case
//! mappings (`'ß'.upper() == 'SS'`, `'İ'.lower() == 'i̇'`) and the final
//! sigma rule of `lower()` (`'ΑΣ'.lower() == 'ας'`).
//!
//! The mappings come from Rust's own Unicode tables, restricted to the
//! characters assigned in Unicode 14.0 (Python 3.11's database): characters
//! added later are not cased for Python 3.11 and map to themselves.
//! `tests/oracle.rs` compares every code point with the live `python3`.

use crate::str_repr::is_printable;

/// Whether Python 3.11 knows a case mapping for `c` at all: assigned in
/// Unicode 14.0 (cased characters are all printable).
fn known(c: char) -> bool {
    c.is_ascii() || is_printable(c)
}

/// Appends the mapping of `c` if Python 3.11 has it: the character and
/// every character of its mapping assigned in Unicode 14.0 (later versions
/// added mappings to new characters, such as `ƛ` → U+A7DC).
fn push_mapped<I: Iterator<Item = char> + Clone>(out: &mut String, c: char, mapped: I) {
    if known(c) && mapped.clone().all(known) {
        out.extend(mapped);
    } else {
        out.push(c);
    }
}

/// `s.upper()`.
pub fn upper(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_mapped(&mut out, c, c.to_uppercase());
    }
    out
}

/// `s.lower()`, with `Σ` becoming final `ς` at the end of a word.
pub fn lower(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.char_indices() {
        if c == 'Σ' {
            out.push(lower_sigma(s, i));
        } else {
            push_mapped(&mut out, c, c.to_lowercase());
        }
    }
    out
}

/// The lowercase of the capital sigma at byte `i` of `s`: Rust's
/// `str::to_lowercase` applies the same Final_Sigma condition, so ask it
/// about this sigma in its context (the sigma's lowercase starts right
/// after the lowercase of the prefix; both sigma forms take two bytes).
fn lower_sigma(s: &str, i: usize) -> char {
    let at = s[..i].to_lowercase().len();
    s.to_lowercase()[at..]
        .chars()
        .next()
        .expect("sigma lowercases to one char")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_mappings_and_final_sigma() {
        assert_eq!(upper("straße ŉ"), "STRASSE ʼN");
        assert_eq!(lower("İ"), "i\u{307}");
        assert_eq!(lower("ΣΑΣ"), "σας");
        assert_eq!(lower("ΑΣ ΒΣ"), "ας βς");
        assert_eq!(lower("ΑΣ'Α"), "ασ'α");
        assert_eq!(lower("Α'Σ"), "α'ς");
        assert_eq!(lower("Σ"), "σ");
        assert_eq!(lower("AΣb"), "aσb");
        assert_eq!(upper("\u{1e900}"), "\u{1e900}".to_uppercase());
    }
}
