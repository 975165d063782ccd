//! [`SyntaxError`]: compile-time errors with CPython 3.11's messages and
//! locations.

use std::fmt;

use ruff_python_ast::Expr;
use ruff_python_ast::token::{TokenKind, Tokens};
use ruff_python_parser::{
    InterpolatedStringErrorType, LexicalErrorType, ParseError, ParseErrorType,
};
use ruff_text_size::{Ranged, TextRange, TextSize};

use crate::source::LineIndex;

/// The kind of compile-time error (CPython's exception class).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// `SyntaxError`.
    Syntax,
    /// `IndentationError`.
    Indentation,
    /// `TabError`.
    Tab,
}

/// `end_col` of an error CPython reports without an end (`end_offset`
/// -1: errors found in a literal's text at the end of `eval` input).
pub const NO_END: u32 = u32::MAX;

/// A compile-time error, laid out like CPython's `SyntaxError` attributes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    /// Exception class.
    pub kind: ErrorKind,
    /// `msg`.
    pub msg: String,
    /// `filename`.
    pub filename: String,
    /// `lineno` (1-based; 0 when the error is about the whole file).
    pub line: u32,
    /// `offset`: 1-based column in characters of the source line (0 if unknown).
    pub col: u32,
    /// `end_lineno`.
    pub end_line: u32,
    /// `end_offset`.
    pub end_col: u32,
    /// `text`: the offending source line, if any.
    pub text: Option<String>,
}

impl SyntaxError {
    /// An error with only a message and a line.
    pub fn simple(msg: impl Into<String>, filename: &str, line: u32, col: u32) -> SyntaxError {
        SyntaxError {
            kind: ErrorKind::Syntax,
            msg: msg.into(),
            filename: filename.to_string(),
            line,
            col,
            end_line: line,
            end_col: col,
            text: None,
        }
    }

    /// An error at a source range.
    pub fn at(
        msg: impl Into<String>,
        filename: &str,
        source: &str,
        index: &LineIndex,
        range: TextRange,
    ) -> SyntaxError {
        let (line, col0) = index.position(range.start());
        let (end_line, end_col0) = index.position(range.end());
        let (ls, le) = index.line_range(source, line);
        let text = &source[ls..le.max(ls)];
        let to_chars = |line: u32, col: u32| -> u32 {
            let (s, e) = index.line_range(source, line);
            let upto = (s + col as usize).min(e.max(s));
            source
                .get(s..upto)
                .map_or(col, |t| t.chars().count() as u32)
        };
        SyntaxError {
            kind: ErrorKind::Syntax,
            msg: msg.into(),
            filename: filename.to_string(),
            line,
            col: to_chars(line, col0) + 1,
            end_line,
            end_col: to_chars(end_line, end_col0) + 1,
            text: Some(text.to_string()),
        }
    }
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let class = match self.kind {
            ErrorKind::Syntax => "SyntaxError",
            ErrorKind::Indentation => "IndentationError",
            ErrorKind::Tab => "TabError",
        };
        write!(
            f,
            "{class}: {} ({}, line {})",
            self.msg, self.filename, self.line
        )
    }
}

impl std::error::Error for SyntaxError {}

/// Whether CPython's tokenizer (rather than its parser) reports this error.
fn is_tokenizer_error(e: &ParseError) -> bool {
    matches!(
        &e.error,
        ParseErrorType::Lexical(
            LexicalErrorType::UnclosedStringError
                | LexicalErrorType::UnrecognizedToken { .. }
                | LexicalErrorType::LineContinuationError
                | LexicalErrorType::IndentationError
                | LexicalErrorType::OtherError(_)
        )
    )
}

/// The error CPython reports among ruff's: when the first error is a
/// parser error, CPython tokenizes the rest of the file and a tokenizer
/// error found there (an unterminated string, a bad character...) wins.
pub fn first_error(errors: &[ParseError]) -> Option<&ParseError> {
    let first = errors.iter().min_by_key(|e| e.location.start())?;
    // CPython reports an unexpected indent at once, without looking further.
    if is_tokenizer_error(first) || matches!(first.error, ParseErrorType::UnexpectedIndentation) {
        return Some(first);
    }
    // Indentation errors after a parser error are mostly ruff's recovery
    // cascading from the first error; only other tokenizer errors count.
    let later = errors.iter().filter(|e| {
        is_tokenizer_error(e)
            && !matches!(
                e.error,
                ParseErrorType::Lexical(LexicalErrorType::IndentationError)
            )
    });
    Some(later.min_by_key(|e| e.location.start()).unwrap_or(first))
}

/// Translates a ruff parse error into CPython's wording where they differ.
pub fn from_parse_error(
    e: &ParseError,
    tokens: &Tokens,
    filename: &str,
    source: &str,
    index: &LineIndex,
) -> SyntaxError {
    let mut range = e.location;
    // ruff's ranges may start on the whitespace before the culprit.
    let skip = source
        .get(usize::from(range.start())..usize::from(range.end()))
        .map_or(0, |t| t.len() - t.trim_start_matches([' ', '\t']).len());
    if skip > 0 && (skip as u32) < u32::from(range.len()) {
        range = TextRange::new(
            range.start() + ruff_text_size::TextSize::from(skip as u32),
            range.end(),
        );
    }
    if let Some((msg, at)) = crate::error_hints::hint(e, tokens, source) {
        return SyntaxError::at(msg, filename, source, index, at);
    }
    let mut kind = ErrorKind::Syntax;
    let (err_line, _) = index.position(range.start());
    let target_text = source
        .get(usize::from(range.start())..usize::from(range.end()))
        .unwrap_or("");
    let msg = match &e.error {
        ParseErrorType::Lexical(lex) => match lex {
            LexicalErrorType::IndentationError => {
                if mixes_tabs_and_spaces(source, index, err_line) {
                    kind = ErrorKind::Tab;
                    "inconsistent use of tabs and spaces in indentation".to_string()
                } else {
                    kind = ErrorKind::Indentation;
                    "unindent does not match any outer indentation level".to_string()
                }
            }
            LexicalErrorType::OtherError(m) if m.contains("decimal integer literal") => {
                let digits = target_text.trim_start_matches('0');
                if target_text.starts_with('0')
                    && digits.chars().all(|c| c.is_ascii_digit() || c == '_')
                {
                    "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers"
                        .into()
                } else {
                    "invalid decimal literal".into()
                }
            }
            LexicalErrorType::InvalidByteLiteral => {
                "bytes can only contain ASCII literal characters".into()
            }
            LexicalErrorType::OtherError(m) if m.contains("ParseIntError") => {
                let t = target_text.to_ascii_lowercase();
                if t.starts_with("0x") {
                    "invalid hexadecimal literal".into()
                } else if t.starts_with("0o") {
                    "invalid octal literal".into()
                } else if t.starts_with("0b") {
                    "invalid binary literal".into()
                } else {
                    "invalid decimal literal".into()
                }
            }
            LexicalErrorType::UnclosedStringError => {
                let body = target_text.trim_start_matches(|c: char| c.is_ascii_alphabetic());
                if body.starts_with("\"\"\"") || body.starts_with("'''") {
                    let end = if range.end() > range.start() {
                        range.end() - TextSize::from(1)
                    } else {
                        range.end()
                    };
                    let (end_line, _) = index.position(end);
                    format!(
                        "unterminated triple-quoted string literal (detected at line {end_line})"
                    )
                } else {
                    format!("unterminated string literal (detected at line {err_line})")
                }
            }
            LexicalErrorType::UnrecognizedToken { tok } => {
                if tok.is_ascii() && !tok.is_ascii_control() {
                    "invalid syntax".to_string()
                } else if tok.is_control() || tok.is_whitespace() || is_format_char(*tok) {
                    format!("invalid non-printable character U+{:04X}", *tok as u32)
                } else {
                    format!("invalid character '{tok}' (U+{:04X})", *tok as u32)
                }
            }
            LexicalErrorType::LineContinuationError => {
                "unexpected character after line continuation character".into()
            }
            LexicalErrorType::Eof => "unexpected EOF while parsing".into(),
            LexicalErrorType::FStringError(InterpolatedStringErrorType::InvalidConversionFlag) => {
                "f-string: invalid conversion character: expected 's', 'r', or 'a'".into()
            }
            _ => "invalid syntax".into(),
        },
        ParseErrorType::OtherError(m) => {
            match m.strip_prefix("Expected an indented block after ") {
                Some(clause) => {
                    kind = ErrorKind::Indentation;
                    let (msg, at) = indented_block_message(clause, source, index, err_line);
                    if let Some(at) = at {
                        range = TextRange::empty(at);
                    } else if source.ends_with('\n') {
                        // Nothing follows: CPython points at the last newline.
                        range = TextRange::empty(TextSize::from(source.len() as u32 - 1));
                    }
                    msg
                }
                None => match m.as_str() {
                    "Expected `except` or `finally` after `try` block" => {
                        if usize::from(range.start()) >= source.trim_end().len()
                            && source.ends_with('\n')
                        {
                            // At the end of the input: the last newline.
                            range = TextRange::empty(TextSize::from(source.len() as u32 - 1));
                        }
                        "expected 'except' or 'finally' block".into()
                    }
                    "Only one '*' parameter allowed" => "* argument may appear only once".into(),
                    "Cannot have both 'except' and 'except*' on the same 'try'" => {
                        // CPython points at the clause's keyword (and star).
                        let start = usize::from(range.start());
                        let kw = if source[start..].starts_with("except*") {
                            7
                        } else {
                            6
                        };
                        if source[start..].starts_with("except") {
                            range = TextRange::at(range.start(), TextSize::from(kw));
                        }
                        "cannot have both 'except' and 'except*' on the same 'try'".into()
                    }
                    "Only one '/' separator allowed" => "/ may appear only once".into(),
                    "Position-only parameter separator not allowed as first parameter" => {
                        "at least one argument must precede /".into()
                    }
                    _ => "invalid syntax".into(),
                },
            }
        }
        ParseErrorType::ExpectedToken {
            expected: TokenKind::Else,
            ..
        } => "expected 'else' after 'if' expression".into(),
        ParseErrorType::ExpectedToken {
            expected: TokenKind::Comma,
            found,
        } if is_operand_token(*found) => "invalid syntax. Perhaps you forgot a comma?".into(),
        ParseErrorType::SimpleStatementsOnSameLine if glued_to_number(source, range).is_some() => {
            glued_to_number(source, range)
                .unwrap_or_default()
                .to_string()
        }
        ParseErrorType::ExpectedExpression => {
            let before = source[..usize::from(range.start())].trim_end();
            let line_start = before.rfind('\n').map_or(0, |p| p + 1);
            let line = before[line_start..].trim_start();
            if before.ends_with('=') && (line.starts_with("def ") || line.starts_with("async def "))
            {
                // At the `=`.
                range = TextRange::at(TextSize::from(before.len() as u32 - 1), TextSize::from(1));
                "expected default value expression".into()
            } else if before.ends_with("->")
                && (line.starts_with("def ") || line.starts_with("async def "))
            {
                // The annotation is missing: CPython wants the ':' there.
                range = TextRange::at(TextSize::from(before.len() as u32 - 2), TextSize::from(2));
                "expected ':'".into()
            } else if before.ends_with(':') && open_bracket_at(tokens, range.start()) == Some('{') {
                "expression expected after dictionary key and ':'".into()
            } else {
                "invalid syntax".into()
            }
        }
        ParseErrorType::InvalidMatchPatternTarget
            if target_text == "_"
                && source[..usize::from(range.start())]
                    .trim_end()
                    .ends_with(" as") =>
        {
            "cannot use '_' as a target".into()
        }
        ParseErrorType::FStringError(InterpolatedStringErrorType::InvalidConversionFlag) => {
            "f-string: invalid conversion character: expected 's', 'r', or 'a'".into()
        }
        ParseErrorType::UnexpectedIndentation => {
            if mixes_tabs_and_spaces(source, index, err_line) {
                kind = ErrorKind::Tab;
                "inconsistent use of tabs and spaces in indentation".into()
            } else {
                kind = ErrorKind::Indentation;
                "unexpected indent".into()
            }
        }
        ParseErrorType::ExpectedToken {
            expected: TokenKind::Colon,
            found,
        } => match found {
            TokenKind::Newline => "expected ':'".into(),
            TokenKind::Equal => {
                "invalid syntax. Maybe you meant '==' or ':=' instead of '='?".into()
            }
            _ if open_bracket_at(tokens, range.start()) == Some('{') => {
                "':' expected after dictionary key".into()
            }
            _ => "invalid syntax".into(),
        },
        ParseErrorType::ExpectedToken {
            expected: TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace,
            found,
        } if is_operand_token(*found) => "invalid syntax. Perhaps you forgot a comma?".into(),
        ParseErrorType::InvalidAssignmentTarget => {
            let m = assign_target_message(target_text, source, range);
            if m == "invalid syntax"
                && let Some(p) = source[usize::from(range.end())..].find('=')
            {
                // `x === 1`, `not = 5`: where the parse stopped, the `=`.
                let at = usize::from(range.end()) + p;
                range = TextRange::at(TextSize::from(at as u32), TextSize::from(1));
            }
            m
        }
        ParseErrorType::InvalidNamedAssignmentTarget => {
            format!(
                "cannot use assignment expressions with {}",
                describe_source(target_text)
            )
        }
        ParseErrorType::InvalidDeleteTarget => {
            format!("cannot delete {}", describe_source(target_text))
        }
        ParseErrorType::InvalidAugmentedAssignmentTarget => {
            format!(
                "'{}' is an illegal expression for augmented assignment",
                describe_source(target_text)
            )
        }
        ParseErrorType::InvalidAnnotatedAssignmentTarget => match describe_source(target_text) {
            "tuple" => "only single target (not tuple) can be annotated".into(),
            "list" => "only single target (not list) can be annotated".into(),
            _ => "illegal target for annotation".into(),
        },
        ParseErrorType::UnparenthesizedGeneratorExpression => {
            let line_start = source[..usize::from(range.start())]
                .rfind('\n')
                .map_or(0, |p| p + 1);
            if source[line_start..].trim_start().starts_with("class ") {
                // At the `for` of the generator.
                if let Some(t) = tokens
                    .iter()
                    .find(|t| t.start() >= range.start() && t.kind() == TokenKind::For)
                {
                    range = t.range();
                }
                "invalid syntax".into()
            } else {
                "Generator expression must be parenthesized".into()
            }
        }
        ParseErrorType::NonDefaultParamAfterDefaultParam => {
            "non-default argument follows default argument".into()
        }
        ParseErrorType::ParamAfterVarKeywordParam => {
            "arguments cannot follow var-keyword argument".into()
        }
        ParseErrorType::VarParameterWithDefault => {
            "var-positional argument cannot have default value".into()
        }
        ParseErrorType::PositionalAfterKeywordArgument => {
            "positional argument follows keyword argument".into()
        }
        ParseErrorType::PositionalAfterKeywordUnpacking => {
            "positional argument follows keyword argument unpacking".into()
        }
        ParseErrorType::InvalidArgumentUnpackingOrder => {
            "iterable argument unpacking follows keyword argument unpacking".into()
        }
        ParseErrorType::IterableUnpackingInComprehension => {
            "iterable unpacking cannot be used in comprehension".into()
        }
        ParseErrorType::ExpectedKeywordParam => "named arguments must follow bare *".into(),
        _ => "invalid syntax".into(),
    };
    // A name glued to a number (`5abc`, `1.__class__`, `class 1C`):
    // CPython's tokenizer reports the literal at its last character.
    let mut msg = msg;
    if msg == "invalid syntax" || msg.starts_with("invalid ") && msg.ends_with(" literal") {
        let mut at = range.start();
        let rest = &source[usize::from(at)..];
        if rest.starts_with(|c: char| c.is_ascii_digit()) {
            let digits = rest.len()
                - rest
                    .trim_start_matches(|c: char| c.is_ascii_digit() || c == '_')
                    .len();
            let after = &rest[digits..];
            if after
                .starts_with(|c: char| (c.is_alphabetic() || c == '_') && !"eEjJxXoObB".contains(c))
            {
                at += TextSize::from(digits as u32);
            }
        }
        // `0b2`, `0o8`: CPython names the bad digit.
        let pos = usize::from(range.start()).min(source.len());
        let word_start = source[..pos]
            .rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .map_or(0, |p| p + 1);
        let word: String = source[word_start..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect::<String>()
            .to_ascii_lowercase();
        for (prefix, ok, what) in [("0b", "01", "binary"), ("0o", "01234567", "octal")] {
            if let Some(digits) = word.strip_prefix(prefix)
                && let Some(i) = digits.find(|c: char| c.is_ascii_digit() && !ok.contains(c))
            {
                let c = &digits[i..i + 1];
                msg = format!("invalid digit '{c}' in {what} literal");
                // At the bad digit.
                let at = TextSize::from((word_start + prefix.len() + i) as u32);
                range = TextRange::at(at, TextSize::from(1));
            }
        }
        let probe = TextRange::new(at, range.end().max(at));
        if let Some(m) = glued_to_number(source, probe) {
            msg = m.to_string();
            range = TextRange::at(at - TextSize::from(1), TextSize::from(1));
            if source[usize::from(at)..].starts_with('_')
                && source[..usize::from(at)].ends_with(|c: char| c.is_ascii_hexdigit())
            {
                // `1_000_`: at the underscore no digit follows.
                range = TextRange::empty(at);
            }
        } else if msg != "invalid syntax" && !msg.starts_with("invalid digit") && !range.is_empty()
        {
            // The whole literal is bad (`0b`): its last character.
            range = TextRange::at(range.end() - TextSize::from(1), TextSize::from(1));
        }
    }
    // `lambda: x := 1`: the named expression's target is the lambda.
    if msg == "invalid syntax" {
        let (ls, le) = index.line_range(source, err_line);
        let line = &source[ls..le.max(ls)];
        if let Some(p) = line.find(":=") {
            let head = &line[..p];
            let seg_start = head.rfind(['(', '[', ',', '{']).map_or(0, |i| i + 1);
            let seg = head[seg_start..].trim_start();
            let seg = seg.strip_prefix('=').map_or(seg, |s| s.trim_start());
            if seg.starts_with("lambda") {
                msg = "cannot use assignment expressions with lambda".into();
                let at = ls
                    + seg_start
                    + (head[seg_start..].len() - head[seg_start..].trim_start().len());
                range = TextRange::at(TextSize::from(at as u32), TextSize::from(6));
            }
        }
        // `x <> 1`: CPython's tokenizer reads `<>` as one operator.
        let at = usize::from(range.start());
        if at > 0 && source[at..].starts_with('>') && source[..at].ends_with('<') {
            range = TextRange::at(TextSize::from(at as u32 - 1), TextSize::from(2));
        }
    }
    // Where CPython's rule points (the expression before the culprit...).
    {
        use crate::error_locate::{before_if_start, last_colon, prev_expr_start};
        let from = |r: TextRange, s: Option<TextSize>| {
            s.filter(|s| *s <= r.start())
                .map_or(r, |s| TextRange::new(s, r.end()))
        };
        match msg.as_str() {
            "invalid syntax. Perhaps you forgot a comma?"
            | "invalid syntax. Maybe you meant '==' or ':=' instead of '='?" => {
                range = from(range, prev_expr_start(tokens, range.start()));
            }
            "':' expected after dictionary key" => {
                // CPython points at the key's last character.
                if let Some(end) = crate::error_locate::prev_token_end(tokens, range.start())
                    && end > TextSize::from(0)
                {
                    range = TextRange::at(end - TextSize::from(1), TextSize::from(1));
                }
            }
            "expected 'else' after 'if' expression" => {
                range = from(range, before_if_start(tokens, range.start()));
            }
            "positional argument follows keyword argument"
            | "positional argument follows keyword argument unpacking" => {
                if let Some(c) = crate::error_locate::enclosing_closer(tokens, range.start()) {
                    range = TextRange::at(c, TextSize::from(1));
                }
            }
            "named arguments must follow bare *" => {
                if let Some(at) = crate::error_locate::bare_star_location(tokens, range.start()) {
                    range = TextRange::at(at, TextSize::from(1));
                }
            }
            "expression expected after dictionary key and ':'" => {
                if let Some(c) = last_colon(tokens, range.start()) {
                    range = TextRange::at(c, TextSize::from(1));
                }
            }
            _ => {}
        }
    }
    // A parser error with a bracket left open at the end of the input is
    // reported, as CPython does, as the unclosed bracket (CPython tokenizes
    // the whole file after a parser error; EOF inside brackets is a
    // tokenizer error).
    if !is_tokenizer_error(e) {
        if let Some(e) = bracket_error(tokens, filename, source, index) {
            return e;
        }
        if let Some((open, ch)) = unclosed_bracket(tokens) {
            let at_eof = usize::from(range.start()) >= source.trim_end().len()
                || matches!(e.error, ParseErrorType::Lexical(LexicalErrorType::Eof));
            if at_eof || index.position(open.start()).0 < err_line {
                let mut e = SyntaxError::at(
                    format!("'{ch}' was never closed"),
                    filename,
                    source,
                    index,
                    open,
                );
                // A tokenizer error: CPython leaves the end offset 0.
                e.end_col = 0;
                return e;
            }
        }
    }
    let (ls, le) = index.line_range(source, err_line);
    let line_text = source[ls..le].trim_start();
    let msg = if msg == "invalid syntax" && is_print_statement(line_text) {
        let start = (ls + (le - ls - line_text.len())) as u32;
        range = TextRange::new(start.into(), (le as u32).into());
        "Missing parentheses in call to 'print'. Did you mean print(...)?".to_string()
    } else {
        msg
    };
    let mut err = SyntaxError::at(msg, filename, source, index, range);
    if err.msg == "unindent does not match any outer indentation level" {
        // A tokenizer error at the end of the line (its newline).
        err.col = line_text_chars(source, index, err.line) + 1;
    }
    if matches!(e.error, ParseErrorType::UnexpectedIndentation) {
        // CPython points at the last character of the indentation.
        err.col = (line_text.as_ptr() as usize - source[ls..].as_ptr() as usize) as u32;
        err.col = err.col.max(1);
        if kind == ErrorKind::Tab {
            (err.col, err.end_col) = (1, 0);
        }
    }
    err.kind = kind;
    err
}

/// The innermost bracket still open at the end of the token stream.
fn unclosed_bracket(tokens: &Tokens) -> Option<(TextRange, char)> {
    let mut stack: Vec<(TextRange, char)> = Vec::new();
    for t in tokens.iter() {
        match t.kind() {
            TokenKind::Lpar => stack.push((t.range(), '(')),
            TokenKind::Lsqb => stack.push((t.range(), '[')),
            TokenKind::Lbrace => stack.push((t.range(), '{')),
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => {
                stack.pop();
            }
            _ => {}
        }
    }
    stack.last().copied()
}

/// CPython's message for a missing indented block, and where it points:
/// the first statement after the header (which should have been indented).
fn indented_block_message(
    clause: &str,
    source: &str,
    index: &LineIndex,
    err_line: u32,
) -> (String, Option<TextSize>) {
    let (what, keywords): (&str, &[&str]) = match clause {
        "`if` statement" => ("'if' statement", &["if"]),
        "`else` clause" => ("'else' statement", &["else"]),
        "`elif` clause" => ("'elif' statement", &["elif"]),
        "`for` statement" => ("'for' statement", &["for", "async for"]),
        "`with` statement" => ("'with' statement", &["with", "async with"]),
        "`class` definition" => ("class definition", &["class"]),
        "`while` statement" => ("'while' statement", &["while"]),
        "function definition" => ("function definition", &["def", "async def"]),
        "`case` block" => ("'case' statement", &["case"]),
        "`match` statement" => ("'match' statement", &["match"]),
        "`try` statement" => ("'try' statement", &["try"]),
        "`except` clause" => ("'except' statement", &["except"]),
        "`finally` clause" => ("'finally' statement", &["finally"]),
        _ => return ("expected an indented block".into(), None),
    };
    let text_of = |line: u32| {
        let (s, e) = index.line_range(source, line);
        (s, &source[s..e])
    };
    let starts_with_keyword = |t: &str| {
        keywords.iter().any(|k| {
            t.starts_with(k) && !t[k.len()..].starts_with(|c: char| c.is_alphanumeric() || c == '_')
        })
    };
    let mut header = None;
    let mut line = err_line;
    while line >= 1 {
        if starts_with_keyword(text_of(line).1.trim_start()) {
            header = Some(line);
            break;
        }
        line -= 1;
    }
    let header = header.unwrap_or(err_line.saturating_sub(1).max(1));
    let msg = format!("expected an indented block after {what} on line {header}");
    // The statement that should have been indented.
    let last = index.position(TextSize::of(source)).0;
    for next in header + 1..=last {
        let (start, text) = text_of(next);
        let t = text.trim_start();
        if !t.is_empty() && !t.starts_with('#') {
            let at = start + (text.len() - t.len());
            return (msg, Some(TextSize::from(at as u32)));
        }
    }
    (msg, None)
}

/// CPython's name for the kind of expression written as `text`.
fn describe_source(text: &str) -> &'static str {
    if text.trim_start().starts_with('*') && !text.trim_start().starts_with("**") {
        return "starred";
    }
    match ruff_python_parser::parse_expression(&format!("({})", text.trim())) {
        Ok(parsed) => describe_expr(&parsed.syntax().body),
        Err(_) => "expression",
    }
}

/// [`describe_source`] for [`crate::error_hints`].
pub(crate) fn describe_expr_source(text: &str) -> &'static str {
    describe_source(text)
}

/// CPython's name for an expression kind in "cannot assign to ..." messages.
pub fn describe_expr(e: &Expr) -> &'static str {
    match e {
        Expr::Call(_) => "function call",
        Expr::Compare(_) => "comparison",
        Expr::BoolOp(_) | Expr::BinOp(_) | Expr::UnaryOp(_) => "expression",
        Expr::Lambda(_) => "lambda",
        Expr::If(_) => "conditional expression",
        Expr::Named(_) => "named expression",
        Expr::Await(_) => "await expression",
        Expr::Yield(_) | Expr::YieldFrom(_) => "yield expression",
        Expr::ListComp(_) => "list comprehension",
        Expr::SetComp(_) => "set comprehension",
        Expr::DictComp(_) => "dict comprehension",
        Expr::Generator(_) => "generator expression",
        Expr::Dict(_) => "dict literal",
        Expr::Set(_) => "set display",
        Expr::FString(_) => "f-string expression",
        Expr::NoneLiteral(_) => "None",
        Expr::BooleanLiteral(b) => {
            if b.value {
                "True"
            } else {
                "False"
            }
        }
        Expr::EllipsisLiteral(_) => "ellipsis",
        Expr::StringLiteral(_) | Expr::BytesLiteral(_) | Expr::NumberLiteral(_) => "literal",
        Expr::Tuple(_) => "tuple",
        Expr::List(_) => "list",
        Expr::Starred(_) => "starred",
        Expr::Attribute(_) => "attribute",
        Expr::Subscript(_) => "subscript",
        Expr::Name(_) => "name",
        Expr::Slice(_) => "slice",
        _ => "expression",
    }
}

fn assign_target_message(text: &str, source: &str, range: TextRange) -> String {
    // A target that is not even an expression (`x === 1`, `not = 5`) is
    // plain invalid syntax for CPython.
    if ruff_python_parser::parse_expression(&format!("({})", text.trim())).is_err() {
        return "invalid syntax".into();
    }
    let what = describe_source(text);
    let after = source
        .get(usize::from(range.end())..)
        .unwrap_or("")
        .trim_start_matches([' ', '\t']);
    let plain_assign = after.starts_with('=') && !after.starts_with("==");
    let no_hint = matches!(
        what,
        "tuple"
            | "list"
            | "generator expression"
            | "None"
            | "True"
            | "False"
            | "ellipsis"
            | "named expression"
            | "starred"
            | "lambda"
            | "conditional expression"
            | "yield expression"
            | "comparison"
    );
    let closed = after.trim_start_matches(')').trim_start();
    let assigned = closed.starts_with('=') && !closed.starts_with("==");
    if assigned && what == "yield expression" {
        // `(yield) = 1` as the first target gets the hint; a later target
        // (`x = (yield) = 1`) the plain message.
        let before = source[..usize::from(range.start())].trim_end();
        let parenthesized = text.trim_start().starts_with('(') || before.ends_with('(');
        let line_start = before.rfind('\n').map_or(0, |p| p + 1);
        let first_target = before[line_start..]
            .trim_start_matches([' ', '\t', '('])
            .is_empty();
        return if parenthesized && first_target {
            "cannot assign to yield expression here. Maybe you meant '==' instead of '='?".into()
        } else if parenthesized {
            "cannot assign to yield expression".into()
        } else {
            "assignment to yield expression not possible".into()
        };
    }
    if plain_assign && !no_hint {
        format!("cannot assign to {what} here. Maybe you meant '==' instead of '='?")
    } else {
        format!("cannot assign to {what}")
    }
}

fn is_print_statement(line: &str) -> bool {
    let Some(rest) = line.strip_prefix("print") else {
        return false;
    };
    if !rest.starts_with([' ', '\t']) {
        return false;
    }
    let rest = rest.trim_start();
    !rest.is_empty()
        && !rest.starts_with(['(', '=', '.', '[', ',', ')', ':', ';', '#'])
        && !rest.starts_with("+=")
}

/// Unicode format characters CPython calls non-printable (zero-width and
/// direction marks, the BOM).
fn is_format_char(c: char) -> bool {
    matches!(c as u32, 0xAD | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x2064 | 0xFEFF)
}

/// A closing bracket that matches nothing, or the wrong opener.
fn bracket_error(
    tokens: &Tokens,
    filename: &str,
    source: &str,
    index: &LineIndex,
) -> Option<SyntaxError> {
    let mut stack: Vec<(TextRange, char)> = Vec::new();
    for t in tokens.iter() {
        let close = match t.kind() {
            TokenKind::Lpar => {
                stack.push((t.range(), '('));
                continue;
            }
            TokenKind::Lsqb => {
                stack.push((t.range(), '['));
                continue;
            }
            TokenKind::Lbrace => {
                stack.push((t.range(), '{'));
                continue;
            }
            TokenKind::Rpar => ')',
            TokenKind::Rsqb => ']',
            TokenKind::Rbrace => '}',
            _ => continue,
        };
        let want = match close {
            ')' => '(',
            ']' => '[',
            _ => '{',
        };
        match stack.pop() {
            None => {
                return Some(SyntaxError::at(
                    format!("unmatched '{close}'"),
                    filename,
                    source,
                    index,
                    t.range(),
                ));
            }
            Some((open, ch)) if ch != want => {
                let (open_line, _) = index.position(open.start());
                let (close_line, _) = index.position(t.range().start());
                let msg = if open_line == close_line {
                    format!(
                        "closing parenthesis '{close}' does not match opening parenthesis '{ch}'"
                    )
                } else {
                    format!(
                        "closing parenthesis '{close}' does not match opening parenthesis '{ch}' on line {open_line}"
                    )
                };
                return Some(SyntaxError::at(msg, filename, source, index, t.range()));
            }
            Some(_) => {}
        }
    }
    None
}

/// CPython's tokenizer limits, checked on a successful parse too: at most
/// 200 nested brackets and 100 indentation levels.
pub fn check_token_limits(
    tokens: &Tokens,
    filename: &str,
    source: &str,
    index: &LineIndex,
) -> Result<(), SyntaxError> {
    let mut depth = 0u32;
    let mut indent = 0u32;
    for t in tokens.iter() {
        match t.kind() {
            TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => {
                depth += 1;
                if depth > 200 {
                    return Err(SyntaxError::at(
                        "too many nested parentheses",
                        filename,
                        source,
                        index,
                        t.range(),
                    ));
                }
            }
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => {
                depth = depth.saturating_sub(1)
            }
            TokenKind::Indent => {
                indent += 1;
                if indent >= 100 {
                    let (line, _) = index.position(t.range().end());
                    let mut e = SyntaxError::at(
                        "too many levels of indentation",
                        filename,
                        source,
                        index,
                        t.range(),
                    );
                    e.kind = ErrorKind::Indentation;
                    e.line = line;
                    return Err(e);
                }
            }
            TokenKind::Dedent => indent = indent.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

/// Tokens that start an operand (for "Perhaps you forgot a comma?").
fn is_operand_token(t: TokenKind) -> bool {
    matches!(
        t,
        TokenKind::Name
            | TokenKind::Int
            | TokenKind::Float
            | TokenKind::Complex
            | TokenKind::String
            | TokenKind::FStringStart
            | TokenKind::Lpar
            | TokenKind::Lsqb
            | TokenKind::Lbrace
            | TokenKind::None
            | TokenKind::True
            | TokenKind::False
    )
}

/// Whether the indentation of `line` and of an earlier line disagree in
/// their use of tabs and spaces (CPython's TabError).
fn mixes_tabs_and_spaces(source: &str, index: &LineIndex, line: u32) -> bool {
    let indent = |l: u32| {
        let (s, e) = index.line_range(source, l);
        let text = &source[s..e];
        let n = text.len() - text.trim_start_matches([' ', '\t']).len();
        text[..n].to_string()
    };
    let here = indent(line);
    let has_tab = here.contains('\t');
    let has_space = here.contains(' ');
    (1..line)
        .map(indent)
        .any(|prev| (has_tab && prev.contains(' ')) || (has_space && prev.contains('\t')))
}

/// `5abc`, `0x1g`: a name glued to a number literal is CPython's "invalid
/// ... literal" (the message names the literal's base).
fn glued_to_number(source: &str, range: TextRange) -> Option<&'static str> {
    let start = usize::from(range.start());
    let first = source[start..].chars().next()?;
    if !(first.is_alphabetic() || first == '_') {
        return None;
    }
    let before = &source[..start];
    let word_start = before
        .rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '.'))
        .map_or(0, |p| p + 1);
    let number = before[word_start..].to_ascii_lowercase();
    if !number.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    Some(if number.starts_with("0x") {
        "invalid hexadecimal literal"
    } else if number.starts_with("0o") {
        "invalid octal literal"
    } else if number.starts_with("0b") {
        "invalid binary literal"
    } else {
        "invalid decimal literal"
    })
}

/// The innermost bracket open just before `pos`.
fn open_bracket_at(tokens: &Tokens, pos: ruff_text_size::TextSize) -> Option<char> {
    let mut stack = Vec::new();
    for t in tokens.iter().take_while(|t| t.start() < pos) {
        match t.kind() {
            TokenKind::Lpar => stack.push('('),
            TokenKind::Lsqb => stack.push('['),
            TokenKind::Lbrace => stack.push('{'),
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => {
                stack.pop();
            }
            _ => {}
        }
    }
    stack.last().copied()
}

/// The number of characters of line `line` (without its newline).
fn line_text_chars(source: &str, index: &LineIndex, line: u32) -> u32 {
    let (s, e) = index.line_range(source, line);
    source[s..e].trim_end_matches(['\n', '\r']).chars().count() as u32
}

/// Whether CPython's tokenizer (not its parser) reports an error with this
/// message: its `text` is the line as read, without a newline added.
pub fn is_tokenizer_message(msg: &str) -> bool {
    const PREFIXES: &[&str] = &[
        "invalid decimal literal",
        "invalid hexadecimal literal",
        "invalid octal literal",
        "invalid binary literal",
        "invalid digit",
        "leading zeros",
        "unterminated",
        "invalid character",
        "invalid non-printable character",
        "unexpected character after line continuation",
        "unindent does not match",
        "inconsistent use of tabs",
        "unmatched",
        "closing parenthesis",
        "too many nested parentheses",
        "bytes can only contain ASCII",
    ];
    PREFIXES.iter().any(|p| msg.starts_with(p)) || msg.ends_with("was never closed")
}
