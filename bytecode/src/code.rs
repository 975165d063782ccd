//! Code objects and their constants.

use std::fmt;
use std::sync::Arc;

use num_bigint::BigInt;

use crate::encode::Word;
use crate::opcode::{CellIdx, Reg};
use crate::pystr::PyStr;

/// A constant of a code object.
#[derive(Clone, Debug)]
pub enum Constant {
    /// `None`.
    None,
    /// `True` / `False`.
    Bool(bool),
    /// An `int` that fits in an `i64`.
    Int(i64),
    /// An `int` beyond `i64`.
    BigInt(Arc<BigInt>),
    /// A `float`.
    Float(f64),
    /// A `complex`.
    Complex {
        /// Real part.
        re: f64,
        /// Imaginary part.
        im: f64,
    },
    /// A `str` (lone surrogates allowed).
    Str(PyStr),
    /// A `bytes`.
    Bytes(Arc<[u8]>),
    /// A `tuple` of constants.
    Tuple(Arc<[Constant]>),
    /// A `frozenset` of constants (order as written, duplicates removed).
    FrozenSet(Arc<[Constant]>),
    /// `...`.
    Ellipsis,
    /// A nested code object (function, class body, lambda, comprehension).
    Code(Arc<CodeObject>),
}

impl Constant {
    /// Identity for constant de-duplication: same type and same value, with
    /// floats compared bitwise (so `0.0` and `-0.0` stay distinct) and code
    /// objects by pointer.
    pub fn same_as(&self, other: &Constant) -> bool {
        use Constant::*;
        match (self, other) {
            (None, None) | (Ellipsis, Ellipsis) => true,
            (Bool(a), Bool(b)) => a == b,
            (Int(a), Int(b)) => a == b,
            (BigInt(a), BigInt(b)) => a == b,
            (Float(a), Float(b)) => a.to_bits() == b.to_bits(),
            (Complex { re: a, im: b }, Complex { re: c, im: d }) => {
                a.to_bits() == c.to_bits() && b.to_bits() == d.to_bits()
            }
            (Str(a), Str(b)) => a == b,
            (Bytes(a), Bytes(b)) => a == b,
            (Tuple(a), Tuple(b)) | (FrozenSet(a), FrozenSet(b)) => {
                a.len() == b.len() && a.iter().zip(b.iter()).all(|(x, y)| x.same_as(y))
            }
            (Code(a), Code(b)) => Arc::ptr_eq(a, b),
            _ => false,
        }
    }

    /// Python's `repr()` of the constant (code objects print as `<code name>`).
    pub fn repr(&self) -> String {
        match self {
            Constant::None => "None".into(),
            Constant::Bool(b) => if *b { "True" } else { "False" }.into(),
            Constant::Int(i) => i.to_string(),
            Constant::BigInt(i) => i.to_string(),
            Constant::Float(f) => float_repr(*f),
            Constant::Complex { re, im } => complex_repr(*re, *im),
            Constant::Str(s) => s.repr(),
            Constant::Bytes(b) => bytes_repr(b),
            Constant::Tuple(items) => {
                let parts: Vec<String> = items.iter().map(Constant::repr).collect();
                if parts.len() == 1 {
                    format!("({},)", parts[0])
                } else {
                    format!("({})", parts.join(", "))
                }
            }
            Constant::FrozenSet(items) => {
                let parts: Vec<String> = items.iter().map(Constant::repr).collect();
                if parts.is_empty() {
                    "frozenset()".into()
                } else {
                    format!("frozenset({{{}}})", parts.join(", "))
                }
            }
            Constant::Ellipsis => "Ellipsis".into(),
            Constant::Code(c) => format!("<code {}>", c.qualname),
        }
    }
}

/// Python's `repr(float)`: shortest round-trip digits in Python's spelling.
pub fn float_repr(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf" } else { "-inf" }.into();
    }
    // `{:e}` gives the shortest round-trip digits: "d.ddde[-]x".
    let sci = format!("{f:e}");
    let (mant, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let neg = mant.starts_with('-');
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    let sign = if neg { "-" } else { "" };
    if !(-4..16).contains(&exp) {
        let mut m = digits[..1].to_string();
        if digits.len() > 1 {
            m.push('.');
            m.push_str(&digits[1..]);
        }
        let esign = if exp < 0 { '-' } else { '+' };
        return format!("{sign}{m}e{esign}{:02}", exp.abs());
    }
    if exp < 0 {
        let zeros = "0".repeat((-exp - 1) as usize);
        return format!("{sign}0.{zeros}{digits}");
    }
    let int_len = exp as usize + 1;
    if digits.len() <= int_len {
        format!("{sign}{digits}{}.0", "0".repeat(int_len - digits.len()))
    } else {
        format!("{sign}{}.{}", &digits[..int_len], &digits[int_len..])
    }
}

fn complex_repr(re: f64, im: f64) -> String {
    let part = |f: f64| {
        let r = float_repr(f);
        r.strip_suffix(".0").map(str::to_string).unwrap_or(r)
    };
    if re == 0.0 && re.is_sign_positive() {
        format!("{}j", part(im))
    } else {
        let sign = if im.is_sign_negative() || im.is_nan() && im.is_sign_negative() {
            ""
        } else {
            "+"
        };
        format!("({}{sign}{}j)", part(re), part(im))
    }
}

/// Python's `repr(bytes)`.
pub fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        '"'
    } else {
        '\''
    };
    let mut out = format!("b{quote}");
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            _ if c as char == quote => {
                out.push('\\');
                out.push(quote);
            }
            0x20..=0x7e => out.push(c as char),
            _ => out.push_str(&format!("\\x{c:02x}")),
        }
    }
    out.push(quote);
    out
}

/// Code object flags (the bit values are CPython's `co_flags`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct CodeFlags(pub u32);

impl CodeFlags {
    /// Locals live in registers (functions, lambdas, comprehensions).
    pub const OPTIMIZED: CodeFlags = CodeFlags(0x1);
    /// A new locals namespace is made for each call.
    pub const NEWLOCALS: CodeFlags = CodeFlags(0x2);
    /// Has a `*args` parameter.
    pub const VARARGS: CodeFlags = CodeFlags(0x4);
    /// Has a `**kwargs` parameter.
    pub const VARKEYWORDS: CodeFlags = CodeFlags(0x8);
    /// Defined inside another function.
    pub const NESTED: CodeFlags = CodeFlags(0x10);
    /// A generator function.
    pub const GENERATOR: CodeFlags = CodeFlags(0x20);
    /// A coroutine (`async def` without `yield`).
    pub const COROUTINE: CodeFlags = CodeFlags(0x80);
    /// An asynchronous generator.
    pub const ASYNC_GENERATOR: CodeFlags = CodeFlags(0x200);
    /// Compiled under `from __future__ import annotations`.
    pub const FUTURE_ANNOTATIONS: CodeFlags = CodeFlags(0x100_0000);

    /// True when all bits of `other` are set.
    pub const fn contains(self, other: CodeFlags) -> bool {
        self.0 & other.0 == other.0
    }
    /// Sets the bits of `other`.
    pub fn insert(&mut self, other: CodeFlags) {
        self.0 |= other.0;
    }
}

/// Source span of one instruction, as CPython's `co_positions()` reports it:
/// 1-based lines, 0-based columns counted in UTF-8 bytes from the line start.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct Location {
    /// First line.
    pub line: u32,
    /// Column on `line` where the span starts.
    pub col: u32,
    /// Last line.
    pub end_line: u32,
    /// Column on `end_line` just after the span.
    pub end_col: u32,
}

/// One zero-cost `try` region of the exception table. An exception raised by
/// an instruction whose first word lies in `start..end` transfers control to
/// `handler` with the exception object stored in register `exc`. There is no
/// value stack, so nothing else is restored; the innermost region is listed
/// first when regions nest, and a lookup takes the first match.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExceptionEntry {
    /// First covered word.
    pub start: u32,
    /// One past the last covered word.
    pub end: u32,
    /// Word where the handler starts.
    pub handler: u32,
    /// Register that receives the exception.
    pub exc: Reg,
}

/// A compiled unit: a module, class body, function, lambda or comprehension.
#[derive(Clone, Debug)]
pub struct CodeObject {
    /// `co_name`.
    pub name: String,
    /// `co_qualname`.
    pub qualname: String,
    /// File name given to the compiler.
    pub filename: Arc<str>,
    /// Line of the `def`/`class` (1 for modules).
    pub first_line: u32,
    /// Flags.
    pub flags: CodeFlags,
    /// Positional parameters, positional-only included.
    pub arg_count: u32,
    /// Positional-only parameters.
    pub posonly_count: u32,
    /// Keyword-only parameters.
    pub kwonly_count: u32,
    /// Encoded instructions (see [`crate::encode`]).
    pub code: Vec<Word>,
    /// Constants.
    pub consts: Vec<Constant>,
    /// Global, attribute and import names.
    pub names: Vec<String>,
    /// Names of registers `0..local_names.len()`: the parameters in CPython's
    /// `co_varnames` order (positional, keyword-only, `*args`, `**kwargs`),
    /// then the other locals in order of first appearance.
    pub local_names: Vec<String>,
    /// Total registers of a frame (named locals and temporaries).
    pub nregs: u32,
    /// Cells created by this frame (`co_cellvars`); cell indices `0..`.
    pub cell_names: Vec<String>,
    /// Cells received from the enclosing closure (`co_freevars`); cell
    /// indices `cell_names.len()..`.
    pub free_names: Vec<String>,
    /// Parameters that are also cells: at frame entry the interpreter copies
    /// the argument register into the cell (the register keeps its value).
    pub cell_args: Vec<(CellIdx, Reg)>,
    /// Location of each word of `code`.
    pub locations: Vec<Location>,
    /// Exception table.
    pub exception_table: Vec<ExceptionEntry>,
    /// Number of inline-cache slots the instructions use.
    pub ncaches: u32,
    /// The docstring, if the body starts with one.
    pub docstring: Option<PyStr>,
}

impl CodeObject {
    /// The cell index of a free or cell variable name.
    pub fn cell_index(&self, name: &str) -> Option<CellIdx> {
        let mut all = self.cell_names.iter().chain(self.free_names.iter());
        all.position(|n| n == name).map(|i| CellIdx(i as u32))
    }

    /// The name of a cell index.
    pub fn cell_name(&self, cell: CellIdx) -> Option<&str> {
        let i = cell.0 as usize;
        self.cell_names
            .get(i)
            .or_else(|| self.free_names.get(i.checked_sub(self.cell_names.len())?))
            .map(String::as_str)
    }

    /// The handler for an exception raised at word `pc`, if any.
    pub fn find_handler(&self, pc: u32) -> Option<&ExceptionEntry> {
        self.exception_table
            .iter()
            .find(|e| e.start <= pc && pc < e.end)
    }

    /// Nested code objects among the constants.
    pub fn nested(&self) -> impl Iterator<Item = &Arc<CodeObject>> {
        self.consts.iter().filter_map(|c| match c {
            Constant::Code(c) => Some(c),
            _ => None,
        })
    }
}

impl fmt::Display for Constant {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.repr())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn float_repr_matches_python() {
        let cases = [
            (1.0, "1.0"),
            (0.1, "0.1"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (1.5e-7, "1.5e-07"),
            (0.0001, "0.0001"),
            (-0.0, "-0.0"),
            (123.456, "123.456"),
            (f64::INFINITY, "inf"),
        ];
        for (f, want) in cases {
            assert_eq!(float_repr(f), want);
        }
    }

    #[test]
    fn constants_dedup_by_type_and_bits() {
        assert!(!Constant::Int(1).same_as(&Constant::Bool(true)));
        assert!(!Constant::Float(0.0).same_as(&Constant::Float(-0.0)));
        assert!(Constant::Str("a".into()).same_as(&Constant::Str("a".into())));
        assert_eq!(Constant::Complex { re: 0.0, im: 2.0 }.repr(), "2j");
        assert_eq!(Constant::Complex { re: 1.0, im: -2.0 }.repr(), "(1-2j)");
        assert_eq!(
            Constant::Tuple(Arc::from(vec![Constant::Int(1)])).repr(),
            "(1,)"
        );
        assert_eq!(
            Constant::Bytes(Arc::from(&b"a'\x00"[..])).repr(),
            "b\"a'\\x00\""
        );
    }
}
