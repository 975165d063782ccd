//! Compiles Python 3.11 source to pyvm's register bytecode.
//!
//! ```
//! use pyvm_bytecode::{compile, disassemble, Mode};
//!
//! let code = compile("a = b + c * d\n", "<example>", Mode::Exec).unwrap();
//! assert_eq!(code.names, ["b", "c", "d", "a"]);
//! let text = disassemble(&code);
//! assert!(text.contains("Mul"));
//!
//! let err = compile("return 1\n", "<example>", Mode::Exec).unwrap_err();
//! assert_eq!(err.msg, "'return' outside function");
//! assert_eq!((err.line, err.col), (1, 1));
//! ```
//!
//! The pipeline: [ruff_python_parser] → [`symtable`] (Python's scoping) →
//! the compiler (register allocation, zero-cost exception table, constant
//! folding) → [`CodeObject`]s whose instructions are defined once in
//! [`opcode`] and encoded as described in [`encode`].

pub mod cache;
pub mod carets;
pub mod code;
mod compile;
pub mod compile_warnings;
pub mod dis;
pub mod doc;
pub mod encode;
pub mod error;
mod error_hints;
mod error_locate;
mod fstring_check;
pub mod opcode;
pub mod parse_tree;
pub mod pystr;
pub mod source;
pub mod symtable;
pub mod verify;

use std::sync::Arc;

use ruff_python_ast::Mod;

pub use code::{CodeFlags, CodeObject, Constant, ExceptionEntry, Location};
pub use dis::disassemble;
pub use error::{ErrorKind, SyntaxError};
pub use opcode::{Flags, Instruction, Opcode, OperandKind};
pub use pystr::PyStr;

/// What the source is, as for Python's `compile()`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// A module: a sequence of statements.
    Exec,
    /// A single expression, whose value the code returns.
    Eval,
    /// An interactive statement: expression statements print their value.
    Single,
}

/// Free stack below which a recursive step of the compiler switches to a new stack segment.
pub(crate) const STACK_RED_ZONE: usize = 128 * 1024;
/// Size of each new stack segment.
pub(crate) const STACK_GROWTH: usize = 4 * 1024 * 1024;

/// Compiles source text.
///
/// Deeply nested source is handled on stack segments allocated as needed
/// (the parser, symbol table and code generator all recurse on nesting), so
/// this works on threads with small stacks.
pub fn compile(source: &str, filename: &str, mode: Mode) -> Result<Arc<CodeObject>, SyntaxError> {
    compile_with(source, filename, mode, &CompileOptions::default())
}

/// Options of Python's `compile()` beyond the mode.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CompileOptions {
    /// `-O` level: at 1 and above `assert` statements are dropped and
    /// `__debug__` is False; at 2 docstrings are dropped too.
    pub optimize: u8,
    /// Compile as if `from __future__ import annotations` were in effect
    /// (inherited by `exec`/`eval`/`compile()` from the calling code).
    pub future_annotations: bool,
}

/// Compiles source text with [`CompileOptions`].
pub fn compile_with(
    source: &str,
    filename: &str,
    mode: Mode,
    options: &CompileOptions,
) -> Result<Arc<CodeObject>, SyntaxError> {
    // Parsing, compiling and dropping the AST (whose destructor recurses)
    // run on a generous stack; the recursive steps grow it further if needed.
    stacker::maybe_grow(16 * 1024 * 1024, 64 * 1024 * 1024, || {
        compile_on_stack(source, filename, mode, options)
    })
}

fn compile_on_stack(
    source: &str,
    filename: &str,
    mode: Mode,
    opts: &CompileOptions,
) -> Result<Arc<CodeObject>, SyntaxError> {
    let index = source::LineIndex::new(source);
    let r =
        parse_tree::parse_checked(source, filename, mode, &index).and_then(|parsed| {
            match parsed.syntax() {
                Mod::Module(m) => compile::compile_module_body(
                    source,
                    filename,
                    &m.body,
                    mode == Mode::Single,
                    opts,
                ),
                Mod::Expression(e) => compile::compile_expression(source, filename, &e.body, opts),
            }
        });
    r.map_err(|mut e| {
        // CPython's `text` is the line as the tokenizer read it: with its
        // newline (one is added at the end of the input), except for
        // `eval` input.
        // A tokenizer error shows the line as it is in the source.
        let line_has_newline = || {
            let (_, end) = index.line_range(source, e.line);
            let end = end.min(source.len());
            source[..end].ends_with('\n') || source[end..].starts_with('\n')
        };
        let add = if error::is_tokenizer_message(&e.msg) {
            line_has_newline()
        } else {
            mode != Mode::Eval
        };
        if add
            && let Some(t) = &mut e.text
            && !t.ends_with('\n')
        {
            t.push('\n');
        }
        e
    })
}

/// `Mode::Single` takes one logical line (simple statements joined by `;`)
/// or one compound statement.
fn check_single(
    body: &[ruff_python_ast::Stmt],
    filename: &str,
    source: &str,
    index: &source::LineIndex,
) -> Result<(), SyntaxError> {
    use ruff_text_size::{Ranged, TextRange};
    let Some(first) = body.first() else {
        let mut e =
            SyntaxError::simple("invalid syntax", filename, u32::from(!source.is_empty()), 0);
        e.text = None;
        return Err(e);
    };
    let first_end = index.position(first.range().end()).0;
    if let Some(second) = body
        .iter()
        .find(|s| index.position(s.range().start()).0 > first_end)
    {
        let _ = second;
        let at = TextRange::empty(first.range().end());
        return Err(SyntaxError::at(
            "multiple statements found while compiling a single statement",
            filename,
            source,
            index,
            at,
        ));
    }
    Ok(())
}

/// Compiles source bytes: decodes them per PEP 263 (BOM or coding
/// declaration, UTF-8 by default) first, as `compile()` does with `bytes`.
pub fn compile_bytes(
    source: &[u8],
    filename: &str,
    mode: Mode,
) -> Result<Arc<CodeObject>, SyntaxError> {
    let text = source::decode_source(source, filename)?;
    compile(&text, filename, mode)
}
