//! CPython's `invalid_*` grammar rules (the errors with a hint) for the
//! places where ruff reports a plain parse error or accepts newer syntax:
//! each function gives CPython's message and the range its rule points
//! at, or None to fall back to [`crate::error::from_parse_error`].

use ruff_python_ast::token::{Token, TokenKind, Tokens};
use ruff_python_parser::{
    ParseError, ParseErrorType, UnsupportedSyntaxError, UnsupportedSyntaxErrorKind,
};
use ruff_text_size::{Ranged, TextRange, TextSize};

use TokenKind::*;
// (Shadowing the token kinds of the same names.)
use std::option::Option::None;
use std::string::String;

/// The significant tokens.
fn significant(tokens: &Tokens) -> Vec<&Token> {
    tokens.iter().filter(|t| !t.kind().is_trivia()).collect()
}

fn is_augassign(k: TokenKind) -> bool {
    matches!(
        k,
        PlusEqual
            | MinusEqual
            | StarEqual
            | SlashEqual
            | PercentEqual
            | AmperEqual
            | VbarEqual
            | CircumflexEqual
            | LeftShiftEqual
            | RightShiftEqual
            | DoubleStarEqual
            | DoubleSlashEqual
            | AtEqual
    )
}

/// Index of the significant token starting at `pos`.
fn index_at(toks: &[&Token], pos: TextSize) -> Option<usize> {
    toks.iter().position(|t| t.start() == pos)
}

/// Index of the bracket that opens the innermost group containing token
/// `i` (scanning backwards at depth 0).
fn open_before(toks: &[&Token], i: usize) -> Option<usize> {
    let mut depth = 0i32;
    let mut j = i;
    while j > 0 {
        j -= 1;
        match toks[j].kind() {
            Rpar | Rsqb | Rbrace => depth += 1,
            Lpar | Lsqb | Lbrace => {
                if depth == 0 {
                    return Some(j);
                }
                depth -= 1;
            }
            _ => {}
        }
    }
    None
}

/// Index of the bracket closing the one opened at `i`.
fn close_after(toks: &[&Token], i: usize) -> Option<usize> {
    let mut depth = 0i32;
    for (j, t) in toks.iter().enumerate().skip(i) {
        match t.kind() {
            Lpar | Lsqb | Lbrace => depth += 1,
            Rpar | Rsqb | Rbrace => {
                depth -= 1;
                if depth == 0 {
                    return Some(j);
                }
            }
            _ => {}
        }
    }
    None
}

/// Index of the first token of the logical line holding token `i`.
fn statement_start(toks: &[&Token], i: usize) -> usize {
    let mut depth = 0i32;
    let mut j = i;
    while j > 0 {
        match toks[j - 1].kind() {
            Rpar | Rsqb | Rbrace => depth += 1,
            Lpar | Lsqb | Lbrace => depth -= 1,
            Newline | Indent | Dedent | Semi if depth <= 0 => return j,
            Colon if depth <= 0 => return j,
            _ => {}
        }
        j -= 1;
    }
    0
}

/// Whether tokens `from..to` hold a comma outside brackets.
fn has_top_level_comma(toks: &[&Token], from: usize, to: usize) -> bool {
    let mut depth = 0i32;
    for t in &toks[from..to] {
        match t.kind() {
            Lpar | Lsqb | Lbrace => depth += 1,
            Rpar | Rsqb | Rbrace => depth -= 1,
            Comma if depth == 0 => return true,
            Colon if depth == 0 => return false,
            _ => {}
        }
    }
    false
}

/// `(` at token `i` where a parameter should start: CPython's error for
/// parenthesized parameters, naming the parentheses.
fn parenthesized_param(toks: &[&Token], i: usize) -> Option<(String, TextRange)> {
    if toks[i].kind() != Lpar || i == 0 || !matches!(toks[i - 1].kind(), Lambda | Comma | Lpar) {
        return None;
    }
    let close = close_after(toks, i)?;
    let r = TextRange::new(toks[i].start(), toks[close].end());
    let mut depth = 0i32;
    let mut j = i;
    while j > 0 {
        j -= 1;
        match toks[j].kind() {
            Rpar | Rsqb | Rbrace => depth += 1,
            Lpar | Lsqb | Lbrace if depth > 0 => depth -= 1,
            Lpar if j >= 2 && toks[j - 1].kind() == Name && toks[j - 2].kind() == Def => {
                return Some(("Function parameters cannot be parenthesized".into(), r));
            }
            Lpar | Lsqb | Lbrace | Colon | Newline | Semi => return None,
            Lambda if depth == 0 => {
                return Some((
                    "Lambda expression parameters cannot be parenthesized".into(),
                    r,
                ));
            }
            _ => {}
        }
    }
    None
}

/// CPython's message for a parse error ruff words differently, when one
/// of the hint rules applies.
pub(crate) fn hint(e: &ParseError, tokens: &Tokens, source: &str) -> Option<(String, TextRange)> {
    let toks = significant(tokens);
    let range = e.location;
    match &e.error {
        ParseErrorType::ExpectedToken { found, expected } => {
            let i = index_at(&toks, range.start())?;
            // `a, b += 1`: the target before the operator.
            if is_augassign(*found) {
                let s = statement_start(&toks, i);
                if s >= i {
                    return None;
                }
                let target = TextRange::new(toks[s].start(), toks[i - 1].end());
                let what = crate::error::describe_expr_source(&source[target]);
                return Some((
                    format!("'{what}' is an illegal expression for augmented assignment"),
                    target,
                ));
            }
            // `[x, y for x in a]`: the unparenthesized tuple target.
            if *found == For && matches!(expected, Rsqb | Rbrace) {
                let o = open_before(&toks, i)?;
                if o + 1 < i && has_top_level_comma(&toks, o + 1, i) {
                    let r = TextRange::new(toks[o + 1].start(), toks[i - 1].end());
                    return Some((
                        "did you forget parentheses around the comprehension target?".into(),
                        r,
                    ));
                }
            }
            // `lambda (x): x`, `def f((x)): pass`.
            if *found == Lpar
                && let Some(h) = parenthesized_param(&toks, i)
            {
                return Some(h);
            }
            // `if x.y = 1:`: assignment to something other than a name.
            if *found == Equal && *expected == Colon && i > 0 {
                let start = crate::error_locate::prev_expr_start(tokens, range.start())?;
                let target = TextRange::new(start, toks[i - 1].end());
                let what = crate::error::describe_expr_source(&source[target]);
                if what != "name" {
                    return Some((
                        format!(
                            "cannot assign to {what} here. Maybe you meant '==' instead of '='?"
                        ),
                        target,
                    ));
                }
            }
            None
        }
        ParseErrorType::OtherError(m) => match m.as_str() {
            "Trailing comma not allowed" => {
                let i = toks.iter().position(|t| t.start() >= range.start())?;
                let s = statement_start(&toks, i);
                if !matches!(toks[s].kind(), From | Import) {
                    return None;
                }
                let next = toks.iter().find(|t| t.start() >= range.end())?;
                Some((
                    "trailing comma not allowed without surrounding parentheses".into(),
                    TextRange::empty(next.start()),
                ))
            }
            "Expected a parameter or the end of the parameter list" => {
                let i = index_at(&toks, range.start())?;
                parenthesized_param(&toks, i)
            }
            "Positional patterns cannot follow keyword patterns" => {
                Some(("positional patterns follow keyword patterns".into(), range))
            }
            _ => None,
        },
        ParseErrorType::Lexical(ruff_python_parser::LexicalErrorType::InvalidByteLiteral) => {
            // At the whole literal.
            let t = toks
                .iter()
                .find(|t| t.start() <= range.start() && range.start() < t.end())?;
            Some((
                "bytes can only contain ASCII literal characters".into(),
                t.range(),
            ))
        }
        ParseErrorType::ExpectedImaginaryNumber => {
            Some(("imaginary number required in complex literal".into(), range))
        }
        ParseErrorType::ExpectedRealNumber => {
            // `case -a`: CPython stops at the token after the minus.
            let i = toks
                .iter()
                .position(|t| t.start() >= range.start() && t.kind() == Minus)?;
            let t = toks.get(i + 1)?;
            Some(("invalid syntax".into(), t.range()))
        }
        ParseErrorType::VarParameterWithDefault => {
            let before = source[..usize::from(range.start())].trim_end();
            let name_start = before
                .rfind(|c: char| !(c.is_alphanumeric() || c == '_'))
                .map_or(0, |p| p + 1);
            if before[..name_start].trim_end().ends_with("**") {
                return Some((
                    "var-keyword argument cannot have default value".into(),
                    range,
                ));
            }
            None
        }
        ParseErrorType::SimpleStatementsOnSameLine => {
            // `exec 'code'`: a Python 2 exec statement.
            let line_start = source[..usize::from(range.start())]
                .rfind('\n')
                .map_or(0, |p| p + 1);
            let line_end = source[line_start..]
                .find('\n')
                .map_or(source.len(), |p| line_start + p);
            let line = &source[line_start..line_end];
            let body = line.trim_start();
            let rest = body.strip_prefix("exec")?;
            if !rest.starts_with([' ', '\t']) || rest.trim_start().starts_with('(') {
                return None;
            }
            let start = line_start + (line.len() - body.len());
            let end = line_start + line.trim_end().len();
            Some((
                "Missing parentheses in call to 'exec'. Did you mean exec(...)?".into(),
                TextRange::new((start as u32).into(), (end as u32).into()),
            ))
        }
        _ => None,
    }
}

/// A parenthesized lambda parameter: ruff's recovery reports an error
/// earlier in the statement (the `lambda (x)` read as an annotation), but
/// CPython's rule names the parentheses.
pub(crate) fn lambda_params_error<'a>(
    errors: &'a [ParseError],
    tokens: &Tokens,
    source: &str,
) -> Option<&'a ParseError> {
    errors.iter().find(|e| {
        matches!(
            e.error,
            ParseErrorType::ExpectedToken {
                found: Lpar,
                expected: Colon
            }
        ) && hint(e, tokens, source).is_some_and(|(m, _)| m.starts_with("Lambda"))
    })
}

/// CPython's error for syntax ruff accepts only in newer Pythons.
pub(crate) fn unsupported(e: &UnsupportedSyntaxError) -> (String, TextRange) {
    match e.kind {
        // (The kind's enum is private to ruff: its Debug name tells.)
        UnsupportedSyntaxErrorKind::UnpackingInComprehension(k)
            if format!("{k:?}") == "DictInDict" =>
        {
            // At the `**`.
            let r = TextRange::at(e.range.start(), TextSize::from(2)).intersect(e.range);
            (
                "dict unpacking cannot be used in dict comprehension".into(),
                r.unwrap_or(e.range),
            )
        }
        UnsupportedSyntaxErrorKind::UnpackingInComprehension(_) => (
            "iterable unpacking cannot be used in comprehension".into(),
            e.range,
        ),
        UnsupportedSyntaxErrorKind::UnparenthesizedExceptionTypes => (
            "multiple exception types must be parenthesized".into(),
            e.range,
        ),
        _ => ("invalid syntax".into(), e.range),
    }
}

/// The first bad escape in the body of a (non-raw) string literal:
/// `(start, end, reason)` in bytes of the body. `near` is where ruff
/// reported the error (relative to the body), which tells an unknown
/// `\N{...}` name from a known one.
fn bad_escape(body: &[u8], bytes: bool, near: usize) -> Option<(usize, usize, &'static str)> {
    let hex = |from: usize, max: usize| {
        body[from.min(body.len())..]
            .iter()
            .take(max)
            .take_while(|b| b.is_ascii_hexdigit())
            .count()
    };
    let mut i = 0;
    while i < body.len() {
        if body[i] != b'\\' {
            i += 1;
            continue;
        }
        let s = i;
        let &c = body.get(i + 1)?;
        i += 2;
        match c {
            b'x' | b'u' | b'U' if c == b'x' || !bytes => {
                let (want, reason) = match c {
                    b'x' => (2, "truncated \\xXX escape"),
                    b'u' => (4, "truncated \\uXXXX escape"),
                    _ => (8, "truncated \\UXXXXXXXX escape"),
                };
                let n = hex(i, want);
                if n < want {
                    return Some((s, i + n, reason));
                }
                if c == b'U' {
                    let v = std::str::from_utf8(&body[i..i + 8])
                        .ok()
                        .and_then(|t| u32::from_str_radix(t, 16).ok())
                        .unwrap_or(0);
                    if v > 0x10ffff {
                        return Some((s, i + 8, "illegal Unicode character"));
                    }
                }
                i += n;
            }
            b'N' if !bytes => {
                let close = (body.get(i) == Some(&b'{'))
                    .then(|| body[i..].iter().position(|&b| b == b'}'))
                    .flatten();
                match close {
                    None if body.get(i) == Some(&b'{') => {
                        return Some((s, body.len(), "malformed \\N character escape"));
                    }
                    None => return Some((s, i, "malformed \\N character escape")),
                    Some(1) => {
                        return Some((s, i + 1, "malformed \\N character escape"));
                    }
                    Some(p) => {
                        let end = i + p + 1;
                        if (s..=end).contains(&near) {
                            return Some((s, end, "unknown Unicode character name"));
                        }
                        i = end;
                    }
                }
            }
            _ => {}
        }
    }
    None
}

/// A bad escape in a string literal (ruff's `UnicodeError`): CPython's
/// `(unicode error) 'unicodeescape' codec can't decode bytes...` or, in
/// bytes, `(value error) invalid \x escape at position N`, reported at the
/// token after the literal. Also returns the end column to force when
/// CPython gives none (at the end of `eval` input).
pub(crate) fn escape_error(
    e: &ParseError,
    tokens: &Tokens,
    source: &str,
    eval: bool,
) -> Option<(String, TextRange, bool)> {
    use ruff_python_parser::LexicalErrorType as L;
    if !matches!(
        e.error,
        ParseErrorType::Lexical(
            L::UnicodeError | L::MissingUnicodeRbrace | L::MissingUnicodeLbrace
        )
    ) {
        return None;
    }
    let all: Vec<&Token> = tokens.iter().collect();
    let ti = all.iter().position(|t| {
        t.kind() == String && t.start() <= e.location.start() && e.location.start() <= t.end()
    })?;
    let tok = all[ti];
    let text = &source[tok.range()];
    let prefix = text.find(['\'', '"'])?;
    let flags = text[..prefix].to_ascii_lowercase();
    if flags.contains('r') {
        return None;
    }
    let quote = if text[prefix..].starts_with("'''") || text[prefix..].starts_with("\"\"\"") {
        3
    } else {
        1
    };
    let body_start = usize::from(tok.start()) + prefix + quote;
    let body_end = (usize::from(tok.end()) - quote).max(body_start);
    let body = &source.as_bytes()[body_start..body_end];
    let near = usize::from(e.location.start()).saturating_sub(body_start);
    let bytes = flags.contains('b');
    let (s, end, reason) = bad_escape(body, bytes, near)?;
    let msg = if bytes {
        format!("(value error) invalid \\x escape at position {s}")
    } else {
        format!(
            "(unicode error) 'unicodeescape' codec can't decode bytes in position {s}-{}: {reason}",
            end - 1
        )
    };
    let (range, no_end) = after_literal(&all, ti, source, eval);
    Some((msg, range, no_end))
}

/// Where CPython reports an error found in a literal's text: at the token
/// after the literal ending with token `last` (of all the tokens, trivia
/// included) and the literals concatenated to it; at the end of `eval`
/// input, the last character and no end (the bool).
pub(crate) fn after_literal(
    all: &[&Token],
    last: usize,
    source: &str,
    eval: bool,
) -> (TextRange, bool) {
    let mut j = last + 1;
    while all
        .get(j)
        .is_some_and(|t| t.kind().is_trivia() && t.kind() != Comment || t.kind() == String)
    {
        j += 1;
    }
    match all.get(j) {
        Some(t) if t.kind() == Comment => {
            let nl = all[j + 1..]
                .iter()
                .find(|t| !t.kind().is_trivia() || t.kind() == Newline);
            let end = nl.map_or(t.end(), |n| n.end().max(t.end()));
            (TextRange::new(t.start(), end), false)
        }
        Some(t) if t.kind() == Newline && !(eval && t.range().is_empty()) => {
            (TextRange::empty(t.start()), false)
        }
        Some(t) if !(t.kind() == EndOfFile || t.kind() == Newline) => (t.range(), false),
        _ => {
            let len = TextSize::from(source.len() as u32);
            if eval && len > TextSize::from(0) {
                (TextRange::empty(len - TextSize::from(1)), true)
            } else {
                (TextRange::empty(len), false)
            }
        }
    }
}

/// `eval` input that ends where an expression is expected: CPython reports
/// the end of the input (line 0 when it is empty, column 0 of the last
/// line, or the newline) and whitespace alone as an unexpected indent.
pub(crate) fn eval_end_error(
    e: &ParseError,
    source: &str,
    filename: &str,
    index: &crate::source::LineIndex,
) -> Option<crate::error::SyntaxError> {
    use crate::error::{ErrorKind, NO_END, SyntaxError};
    if !matches!(e.error, ParseErrorType::ExpectedExpression)
        || usize::from(e.location.start()) < source.len()
    {
        return None;
    }
    if source.is_empty() {
        let mut err = SyntaxError::simple("invalid syntax", filename, 0, 0);
        err.text = Some(std::string::String::new());
        return Some(err);
    }
    if source.trim_matches([' ', '\t', '\x0c']).is_empty() {
        let mut err = SyntaxError::simple("unexpected indent", filename, 1, source.len() as u32);
        err.kind = ErrorKind::Indentation;
        err.end_line = 1;
        err.end_col = NO_END;
        err.text = Some(source.to_string());
        return Some(err);
    }
    if source.ends_with('\n') {
        let at = TextSize::from(source.len() as u32 - 1);
        return Some(SyntaxError::at(
            "invalid syntax",
            filename,
            source,
            index,
            TextRange::empty(at),
        ));
    }
    let mut err = SyntaxError::at(
        "invalid syntax",
        filename,
        source,
        index,
        TextRange::empty(e.location.start()),
    );
    err.col = 0;
    err.end_col = 0;
    Some(err)
}
