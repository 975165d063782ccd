//! [`SyntaxError`]: compile-time errors with CPython 3.11's messages and
//! locations.

use std::fmt;

use ruff_python_parser::{LexicalErrorType, ParseError, ParseErrorType};
use ruff_text_size::TextRange;

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

/// Translates a ruff parse error into CPython's wording where they differ.
pub fn from_parse_error(
    e: &ParseError,
    filename: &str,
    source: &str,
    index: &LineIndex,
) -> SyntaxError {
    let mut range = e.location;
    let mut kind = ErrorKind::Syntax;
    let msg = match &e.error {
        ParseErrorType::Lexical(lex) => match lex {
            LexicalErrorType::IndentationError => {
                kind = ErrorKind::Indentation;
                "unindent does not match any outer indentation level".to_string()
            }
            LexicalErrorType::UnclosedStringError => "unterminated string literal".to_string(),
            LexicalErrorType::UnrecognizedToken { tok } => {
                format!("invalid character '{tok}' (U+{:04X})", *tok as u32)
            }
            LexicalErrorType::LineContinuationError => {
                "unexpected character after line continuation character".into()
            }
            LexicalErrorType::Eof => "unexpected EOF while parsing".into(),
            other => other.to_string(),
        },
        ParseErrorType::OtherError(m) => m.clone(),
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
        ParseErrorType::UnexpectedIndentation => {
            kind = ErrorKind::Indentation;
            "unexpected indent".into()
        }
        _ => "invalid syntax".into(),
    };
    let (line, _) = index.position(range.start());
    let (ls, le) = index.line_range(source, line);
    let line_text = source[ls..le].trim_start();
    let msg = if msg == "invalid syntax" && is_print_statement(line_text) {
        range = TextRange::new(
            (ls as u32 + (le - ls - line_text.len()) as u32).into(),
            range.end().max(range.start()),
        );
        "Missing parentheses in call to 'print'. Did you mean print(...)?".to_string()
    } else {
        msg
    };
    let mut err = SyntaxError::at(msg, filename, source, index, range);
    err.kind = kind;
    err
}

fn is_print_statement(line: &str) -> bool {
    let Some(rest) = line.strip_prefix("print") else {
        return false;
    };
    let rest = rest.trim_start();
    !rest.is_empty()
        && rest.len() < line.len() - 5 + 1
        && !rest.starts_with(['(', '=', '.', '[', ',', ')', ':'])
        && !rest.starts_with("+=")
}
