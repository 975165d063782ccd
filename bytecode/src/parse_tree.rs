//! The parsed syntax tree for Python's `ast` module: [`parse`] runs the
//! same parser and the same syntax checks as [`crate::compile`] (so errors
//! carry the same messages and locations) and hands back ruff's tree
//! instead of compiling it; [`string_value`], [`string_part_value`] and
//! [`number_value`] give literal values exactly as the compiler's
//! constants (lone surrogates and big ints included).
//!
//! The ruff crates are re-exported so that users of the tree need no
//! dependency of their own pinned to the same version.

pub use ruff_python_ast;
pub use ruff_python_parser;
pub use ruff_text_size;

use ruff_python_ast::{Mod, PythonVersion};
use ruff_python_parser::{ParseOptions, Parsed, parse_unchecked};

use crate::Mode;
use crate::code::Constant;
use crate::error::{self, SyntaxError};
use crate::pystr::PyStr;
use crate::source::LineIndex;

/// Parses `source` as `compile()` would in `mode` (`Single` parses a
/// module and checks it is one statement), without compiling it.
pub fn parse(source: &str, filename: &str, mode: Mode) -> Result<Parsed<Mod>, SyntaxError> {
    let index = LineIndex::new(source);
    parse_checked(source, filename, mode, &index)
}

/// [`parse`] with a line index the caller already has.
pub(crate) fn parse_checked(
    source: &str,
    filename: &str,
    mode: Mode,
    index: &LineIndex,
) -> Result<Parsed<Mod>, SyntaxError> {
    // (Warnings nobody issued are about an earlier compilation.)
    crate::compile_warnings::take();
    if source.starts_with('\u{FEFF}') {
        return Err(SyntaxError::at(
            "invalid non-printable character U+FEFF",
            filename,
            source,
            index,
            ruff_text_size::TextRange::empty(0.into()),
        ));
    }
    if let Some(p) = source.find('\0') {
        let (line, _) = index.position((p as u32).into());
        return Err(SyntaxError::simple(
            "source code string cannot contain null bytes",
            filename,
            line,
            0,
        ));
    }
    let parse_mode = match mode {
        Mode::Eval => ruff_python_parser::Mode::Expression,
        _ => ruff_python_parser::Mode::Module,
    };
    let options = ParseOptions::from(parse_mode).with_target_version(PythonVersion::PY311);
    let parsed = parse_unchecked(source, options);
    let first = crate::error_hints::lambda_params_error(parsed.errors(), parsed.tokens(), source)
        .or_else(|| error::first_error(parsed.errors()));
    if let Some(e) = first {
        if let Some((msg, range, no_end)) =
            crate::error_hints::escape_error(e, parsed.tokens(), source, mode == Mode::Eval)
        {
            let mut err = SyntaxError::at(msg, filename, source, index, range);
            if no_end {
                err.end_col = crate::error::NO_END;
            }
            return Err(err);
        }
        if mode == Mode::Eval
            && let Some(err) = crate::error_hints::eval_end_error(e, source, filename, index)
        {
            return Err(err);
        }
        if let Some(err) = crate::fstring_check::error_at(
            parsed.tokens(),
            e.location.start(),
            source,
            filename,
            index,
            mode == Mode::Eval,
        ) {
            return Err(err);
        }
        return Err(error::from_parse_error(
            e,
            parsed.tokens(),
            filename,
            source,
            index,
        ));
    }
    error::check_token_limits(parsed.tokens(), filename, source, index)?;
    crate::fstring_check::check_nesting(
        parsed.tokens(),
        source,
        filename,
        index,
        mode == Mode::Eval,
    )?;
    if let Some(e) = parsed.unsupported_syntax_errors().first() {
        let (msg, range) = crate::error_hints::unsupported(e);
        return Err(SyntaxError::at(msg, filename, source, index, range));
    }
    if let (Mode::Single, Mod::Module(m)) = (mode, parsed.syntax()) {
        crate::check_single(&m.body, filename, source, index)?;
    }
    crate::compile_warnings::scan_escapes(
        parsed.tokens(),
        source,
        filename,
        index,
        mode == Mode::Eval,
    );
    Ok(parsed)
}

/// The value of a (possibly implicitly concatenated) string literal.
pub fn string_value(lit: &ruff_python_ast::ExprStringLiteral, source: &str) -> PyStr {
    crate::compile::strings::string_value(lit, source)
}

/// The value of one literal part of a string or f-string concatenation.
pub fn string_part_value(part: &ruff_python_ast::StringLiteral, source: &str) -> PyStr {
    crate::compile::strings::string_value_part(part, source)
}

/// The constant a number literal stands for.
pub fn number_value(n: &ruff_python_ast::Number) -> Constant {
    crate::compile::fold::number(n)
}
