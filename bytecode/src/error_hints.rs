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
                return Some(("Lambda expression parameters cannot be parenthesized".into(), r));
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
                        format!("cannot assign to {what} here. Maybe you meant '==' instead of '='?"),
                        target,
                    ));
                }
            }
            None
        }
        ParseErrorType::OtherError(m) => match m.as_str() {
            "Trailing comma not allowed" => {
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
                return Some(("var-keyword argument cannot have default value".into(), range));
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
