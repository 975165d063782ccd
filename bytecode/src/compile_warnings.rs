//! Warnings the compiler issues: CPython's `DeprecationWarning: invalid
//! escape sequence '\d'` for a string or bytes literal holding an escape
//! Python does not know (the first one of each literal). They are
//! collected per thread while parsing; the runtime takes them with
//! [`take`] after compiling and issues them through `warnings` (so that
//! filters apply).

use std::cell::RefCell;

use ruff_python_ast::token::{TokenKind, Tokens};
use ruff_text_size::{Ranged, TextRange, TextSize};

use crate::error::SyntaxError;
use crate::source::LineIndex;

/// A warning to issue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileWarning {
    /// The warning class's name (`DeprecationWarning`).
    pub category: &'static str,
    /// The message.
    pub message: String,
    /// Source line (1-based).
    pub line: u32,
    /// The SyntaxError CPython raises instead when the warning is turned
    /// into an error (at the literal).
    pub error: SyntaxError,
}

thread_local! {
    static PENDING: RefCell<Vec<CompileWarning>> = const { RefCell::new(Vec::new()) };
}

/// The warnings of the compilations since the last call.
pub fn take() -> Vec<CompileWarning> {
    PENDING.with(|p| std::mem::take(&mut *p.borrow_mut()))
}

/// The first escape Python does not know in a literal's body.
fn invalid_escape(body: &str, bytes: bool) -> Option<char> {
    let mut chars = body.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            continue;
        }
        let n = chars.next()?;
        let known = matches!(
            n,
            '\n' | '\r' | '\\' | '\'' | '"' | 'a' | 'b' | 'f' | 'n' | 'r' | 't' | 'v' | 'x' | '0'
                ..='7'
        ) || !bytes && matches!(n, 'N' | 'u' | 'U');
        if !known {
            return Some(n);
        }
    }
    None
}

/// Records the invalid escapes of the parsed source's literals.
pub(crate) fn scan_escapes(
    tokens: &Tokens,
    source: &str,
    filename: &str,
    index: &LineIndex,
    eval: bool,
) {
    // The enclosing f-strings: raw, start, and the first bad escape.
    let mut fstrings: Vec<(bool, TextSize, Option<char>)> = Vec::new();
    let mut found = Vec::new();
    let mut warn = |c: char, range: TextRange| {
        let message = format!("invalid escape sequence '\\{c}'");
        let mut error = SyntaxError::at(message.clone(), filename, source, index, range);
        if !eval && let Some(t) = &mut error.text {
            // (The line as CPython's tokenizer read it.)
            t.push('\n');
        }
        found.push(CompileWarning {
            category: "DeprecationWarning",
            line: index.position(range.start()).0,
            error,
            message,
        });
    };
    for t in tokens.iter() {
        let text = &source[t.range()];
        match t.kind() {
            TokenKind::String => {
                let Some(q) = text.find(['\'', '"']) else {
                    continue;
                };
                let prefix = text[..q].to_ascii_lowercase();
                if prefix.contains('r') || !text.contains('\\') {
                    continue;
                }
                if let Some(c) = invalid_escape(&text[q..], prefix.contains('b')) {
                    warn(c, t.range());
                }
            }
            TokenKind::FStringStart => {
                fstrings.push((text.to_ascii_lowercase().contains('r'), t.start(), None));
            }
            TokenKind::FStringMiddle => {
                if let Some((false, _, first @ None)) = fstrings.last_mut() {
                    *first = invalid_escape(text, false);
                }
            }
            TokenKind::FStringEnd => {
                if let Some((_, start, Some(c))) = fstrings.pop() {
                    warn(c, TextRange::new(start, t.end()));
                }
            }
            _ => {}
        }
    }
    if !found.is_empty() {
        PENDING.with(|p| p.borrow_mut().extend(found));
    }
}
