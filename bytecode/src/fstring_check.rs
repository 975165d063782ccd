//! Python 3.11's f-string errors. CPython 3.11 scans an f-string's text
//! itself (the PEP 701 grammar ruff parses came in 3.12), so its errors
//! are the scanner's: "f-string: empty expression not allowed",
//! "f-string: expecting '}'", "f-string: single '}' is not allowed",
//! "f-string expression part cannot include a backslash", ... and
//! "f-string: <msg>" for an expression that does not parse (located in
//! the text `(expr)` that CPython parses). The scanner here follows the
//! same steps over the literal's source text; it is run where ruff reports
//! an error inside an f-string, and on f-strings with nested replacement
//! fields in format specs (which ruff accepts at any depth).

use ruff_python_ast::token::{Token, TokenKind, Tokens};
use ruff_text_size::{Ranged, TextRange, TextSize};

use crate::Mode;
use crate::error::SyntaxError;
use crate::source::LineIndex;

/// What the scanner found wrong.
enum Found {
    /// A message reported after the literal.
    Msg(&'static str),
    /// An expression (its text) that must be parsed to find the error.
    Expr(String),
}

struct Scan<'a> {
    s: &'a [u8],
    i: usize,
    /// The quote ending the literal (`'`, `"`, `'''` or `"""`).
    quote: &'a [u8],
}

impl Scan<'_> {
    fn at_end(&self) -> bool {
        self.i >= self.s.len() || self.s[self.i..].starts_with(self.quote)
    }

    /// The literal part, up to a `{` (true) or the end (false).
    fn literal(&mut self, in_spec: bool) -> Result<bool, Found> {
        while !self.at_end() {
            let c = self.s[self.i];
            if c == b'\\' {
                self.i += 2;
                continue;
            }
            if c == b'{' {
                if !in_spec && self.s.get(self.i + 1) == Some(&b'{') {
                    self.i += 2;
                    continue;
                }
                return Ok(true);
            }
            if c == b'}' {
                if in_spec {
                    return Ok(false);
                }
                if self.s.get(self.i + 1) == Some(&b'}') {
                    self.i += 2;
                    continue;
                }
                return Err(Found::Msg("f-string: single '}' is not allowed"));
            }
            self.i += 1;
        }
        Ok(false)
    }

    /// A replacement field starting at the `{` at `self.i`.
    fn field(&mut self, depth: u32) -> Result<(), Found> {
        if depth >= 2 {
            return Err(Found::Msg("f-string: expressions nested too deeply"));
        }
        self.i += 1;
        let start = self.i;
        let mut nest: Vec<u8> = Vec::new();
        let mut quote: Option<u8> = None;
        loop {
            if self.at_end() && quote.is_none() {
                return Err(Found::Msg("f-string: expecting '}'"));
            }
            if self.i >= self.s.len() {
                return Err(Found::Msg("f-string: expecting '}'"));
            }
            let c = self.s[self.i];
            if c == b'\\' {
                return Err(Found::Msg(
                    "f-string expression part cannot include a backslash",
                ));
            }
            if let Some(q) = quote {
                if c == q {
                    quote = None;
                }
                self.i += 1;
                continue;
            }
            match c {
                b'\'' | b'"' => quote = Some(c),
                b'[' | b'(' | b'{' => nest.push(c),
                b'#' => {
                    return Err(Found::Msg("f-string expression part cannot include '#'"));
                }
                b']' | b')' | b'}' if !nest.is_empty() => {
                    let open = nest.pop().unwrap_or(b'(');
                    let want = match open {
                        b'[' => b']',
                        b'(' => b')',
                        _ => b'}',
                    };
                    if c != want {
                        return Err(Found::Msg(mismatch(c, open)));
                    }
                }
                b']' | b')' => return Err(Found::Msg(unmatched(c))),
                b'}' | b'!' | b':' if nest.is_empty() => {
                    if c == b'!' && self.s.get(self.i + 1) == Some(&b'=') {
                        self.i += 2;
                        continue;
                    }
                    break;
                }
                b'=' if nest.is_empty() => {
                    let prev = self.s[self.i - 1];
                    let next = self.s.get(self.i + 1).copied();
                    if next == Some(b'=') {
                        self.i += 2;
                        continue;
                    }
                    if matches!(prev, b'=' | b'!' | b'<' | b'>') {
                        self.i += 1;
                        continue;
                    }
                    break;
                }
                _ => {}
            }
            self.i += 1;
        }
        let expr = std::str::from_utf8(&self.s[start..self.i]).unwrap_or("");
        if expr.trim().is_empty() {
            return Err(Found::Msg(if self.s[self.i] == b'=' {
                "f-string: expression required before '='"
            } else {
                "f-string: empty expression not allowed"
            }));
        }
        let expr = expr.to_string();
        if self.s[self.i] == b'=' {
            self.i += 1;
            while self.i < self.s.len() && self.s[self.i].is_ascii_whitespace() {
                self.i += 1;
            }
        }
        if self.at_end() {
            return Err(Found::Msg("f-string: expecting '}'"));
        }
        if self.s[self.i] == b'!' {
            self.i += 1;
            if self.at_end() {
                return Err(Found::Msg("f-string: expecting '}'"));
            }
            if !matches!(self.s[self.i], b's' | b'r' | b'a') {
                return Err(Found::Msg(
                    "f-string: invalid conversion character: expected 's', 'r', or 'a'",
                ));
            }
            self.i += 1;
            if self.at_end() {
                return Err(Found::Msg("f-string: expecting '}'"));
            }
        }
        if self.s[self.i] == b':' {
            self.i += 1;
            while self.literal(true)? {
                self.field(depth + 1)?;
            }
        }
        if self.at_end() || self.s[self.i] != b'}' {
            return Err(Found::Msg("f-string: expecting '}'"));
        }
        self.i += 1;
        let parsed = ruff_python_parser::parse_expression(&format!("({expr})"));
        if parsed.is_err() {
            return Err(Found::Expr(expr));
        }
        Ok(())
    }
}

fn mismatch(close: u8, open: u8) -> &'static str {
    match (close, open) {
        (b'}', b'(') => "f-string: closing parenthesis '}' does not match opening parenthesis '('",
        (b'}', _) => "f-string: closing parenthesis '}' does not match opening parenthesis '['",
        (b')', b'[') => "f-string: closing parenthesis ')' does not match opening parenthesis '['",
        (b')', _) => "f-string: closing parenthesis ')' does not match opening parenthesis '{'",
        (_, b'(') => "f-string: closing parenthesis ']' does not match opening parenthesis '('",
        _ => "f-string: closing parenthesis ']' does not match opening parenthesis '{'",
    }
}

fn unmatched(close: u8) -> &'static str {
    if close == b')' {
        "f-string: unmatched ')'"
    } else {
        "f-string: unmatched ']'"
    }
}

/// Scans the f-string whose text (prefix and quotes included) starts at
/// `text`.
fn scan(text: &str) -> Option<Found> {
    let b = text.as_bytes();
    let q = text.find(['\'', '"'])?;
    let triple = b[q..].starts_with(b"'''") || b[q..].starts_with(b"\"\"\"");
    let qlen = if triple { 3 } else { 1 };
    let mut sc = Scan {
        s: b,
        i: q + qlen,
        quote: &b[q..q + qlen],
    };
    loop {
        match sc.literal(false) {
            Err(f) => return Some(f),
            Ok(false) => return None,
            Ok(true) => {
                if let Err(f) = sc.field(0) {
                    return Some(f);
                }
            }
        }
    }
}

/// The error of the f-string opened by token `i` (of the significant and
/// trivia tokens `all`), as CPython 3.11 reports it; `only_nesting` keeps
/// only "nested too deeply" (for f-strings ruff accepted).
fn check_one(
    all: &[&Token],
    i: usize,
    source: &str,
    filename: &str,
    index: &LineIndex,
    eval: bool,
    only_nesting: bool,
) -> Option<SyntaxError> {
    // The literal's text: to its FStringEnd, else to the end of the line.
    let mut depth = 0;
    let mut end_tok = None;
    for (j, t) in all.iter().enumerate().skip(i) {
        match t.kind() {
            TokenKind::FStringStart => depth += 1,
            TokenKind::FStringEnd => {
                depth -= 1;
                if depth == 0 {
                    end_tok = Some(j);
                    break;
                }
            }
            _ => {}
        }
    }
    let start = usize::from(all[i].start());
    let end = match end_tok {
        Some(j) => usize::from(all[j].end()),
        None => source[start..]
            .find('\n')
            .map_or(source.len(), |p| start + p),
    };
    let found = scan(&source[start..end])?;
    if only_nesting && !matches!(found, Found::Msg("f-string: expressions nested too deeply")) {
        return None;
    }
    match found {
        Found::Msg(m) => {
            let (range, no_end) =
                crate::error_hints::after_literal(all, end_tok.unwrap_or(all.len()), source, eval);
            let mut e = SyntaxError::at(m, filename, source, index, range);
            if no_end {
                e.end_col = crate::error::NO_END;
            }
            Some(e)
        }
        Found::Expr(expr) => {
            let sub = format!("({expr})");
            let sub_index = LineIndex::new(&sub);
            let err =
                crate::parse_tree::parse_checked(&sub, filename, Mode::Eval, &sub_index).err()?;
            let mut e = err;
            e.msg = format!("f-string: {}", e.msg);
            Some(e)
        }
    }
}

/// CPython 3.11's error for an f-string holding ruff's error at `pos`.
pub(crate) fn error_at(
    tokens: &Tokens,
    pos: TextSize,
    source: &str,
    filename: &str,
    index: &LineIndex,
    eval: bool,
) -> Option<SyntaxError> {
    let all: Vec<&Token> = tokens.iter().collect();
    // The outermost f-string starting before `pos` and not closed before it.
    let mut depth = 0;
    let mut open = None;
    for (j, t) in all.iter().enumerate() {
        if t.start() > pos {
            break;
        }
        match t.kind() {
            TokenKind::FStringStart => {
                if depth == 0 {
                    open = Some(j);
                }
                depth += 1;
            }
            TokenKind::FStringEnd if t.end() <= pos => {
                depth -= 1;
                if depth == 0 {
                    open = None;
                }
            }
            _ => {}
        }
    }
    // `f'{#}'`: the comment swallowed the rest of the line, and the
    // error is reported at the line's end.
    let i = open.or_else(|| {
        all.iter()
            .rposition(|t| t.kind() == TokenKind::FStringStart && t.start() <= pos)
            .filter(|&j| {
                !all[j..]
                    .iter()
                    .any(|t| t.kind() == TokenKind::FStringEnd && t.end() <= pos)
            })
    })?;
    check_one(&all, i, source, filename, index, eval, false)
}

/// "f-string: expressions nested too deeply" in f-strings ruff accepted.
pub(crate) fn check_nesting(
    tokens: &Tokens,
    source: &str,
    filename: &str,
    index: &LineIndex,
    eval: bool,
) -> Result<(), SyntaxError> {
    let all: Vec<&Token> = tokens.iter().collect();
    let mut depth = 0;
    for (j, t) in all.iter().enumerate() {
        match t.kind() {
            TokenKind::FStringStart => {
                if depth == 0 {
                    let text = &source[usize::from(t.start())..];
                    let line = &text[..text.find('\n').unwrap_or(text.len())];
                    let fields = line.matches('{').count();
                    if fields >= 3
                        && let Some(e) = check_one(&all, j, source, filename, index, eval, true)
                    {
                        return Err(e);
                    }
                }
                depth += 1;
            }
            TokenKind::FStringEnd => depth -= 1,
            _ => {}
        }
    }
    let _ = TextRange::default();
    Ok(())
}
