//! Expression unparsing for `from __future__ import annotations`, following
//! the spelling of CPython's AST unparser: canonical spacing, `repr()` of
//! constants, and parentheses only where precedence needs them. Node kinds
//! that never appear in practice in annotations (f-strings, lambdas with
//! defaults...) fall back to their normalized source text.

use ruff_python_ast::{self as ast, BoolOp, CmpOp, Expr, Operator, UnaryOp};
use ruff_text_size::Ranged;

use super::fold::number;

// Precedence levels, lowest first.
const TUPLE: u8 = 0;
const TEST: u8 = 1;
const OR: u8 = 2;
const AND: u8 = 3;
const NOT: u8 = 4;
const CMP: u8 = 5;
const BOR: u8 = 7;
const BXOR: u8 = 8;
const BAND: u8 = 9;
const SHIFT: u8 = 10;
const ARITH: u8 = 11;
const TERM: u8 = 12;
const FACTOR: u8 = 13;
const POWER: u8 = 14;
const AWAIT: u8 = 15;
const ATOM: u8 = 16;

/// CPython's string form of an annotation expression.
pub(crate) fn unparse(e: &Expr, source: &str) -> String {
    let mut out = String::new();
    write_expr(e, TEST, source, &mut out);
    out
}

fn op_info(op: Operator) -> (&'static str, u8) {
    match op {
        Operator::Add => ("+", ARITH),
        Operator::Sub => ("-", ARITH),
        Operator::Mult => ("*", TERM),
        Operator::MatMult => ("@", TERM),
        Operator::Div => ("/", TERM),
        Operator::Mod => ("%", TERM),
        Operator::FloorDiv => ("//", TERM),
        Operator::Pow => ("**", POWER),
        Operator::LShift => ("<<", SHIFT),
        Operator::RShift => (">>", SHIFT),
        Operator::BitOr => ("|", BOR),
        Operator::BitXor => ("^", BXOR),
        Operator::BitAnd => ("&", BAND),
    }
}

fn cmp_str(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Eq => "==",
        CmpOp::NotEq => "!=",
        CmpOp::Lt => "<",
        CmpOp::LtE => "<=",
        CmpOp::Gt => ">",
        CmpOp::GtE => ">=",
        CmpOp::Is => "is",
        CmpOp::IsNot => "is not",
        CmpOp::In => "in",
        CmpOp::NotIn => "not in",
    }
}

fn join(items: &[Expr], level: u8, source: &str, out: &mut String) {
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        write_expr(item, level, source, out);
    }
}

fn paren(cond: bool, out: &mut String, f: impl FnOnce(&mut String)) {
    if cond {
        out.push('(');
    }
    f(out);
    if cond {
        out.push(')');
    }
}

fn write_expr(e: &Expr, level: u8, source: &str, out: &mut String) {
    stacker::maybe_grow(crate::STACK_RED_ZONE, crate::STACK_GROWTH, || {
        write_expr_inner(e, level, source, out)
    })
}

fn write_expr_inner(e: &Expr, level: u8, source: &str, out: &mut String) {
    match e {
        Expr::Name(n) => out.push_str(n.id.as_str()),
        Expr::NoneLiteral(_) => out.push_str("None"),
        Expr::BooleanLiteral(b) => out.push_str(if b.value { "True" } else { "False" }),
        Expr::EllipsisLiteral(_) => out.push_str("..."),
        Expr::NumberLiteral(n) => {
            let c = number(&n.value);
            let text = c.repr();
            // inf is spelled as an overflowing literal, as CPython does.
            out.push_str(&text.replace("inf", "1e309"));
        }
        Expr::StringLiteral(s) => out.push_str(&super::strings::string_value(s, source).repr()),
        Expr::BytesLiteral(b) => {
            let v: Vec<u8> = b
                .value
                .iter()
                .flat_map(|p| p.value.iter().copied())
                .collect();
            out.push_str(&crate::code::bytes_repr(&v));
        }
        Expr::Attribute(a) => {
            write_expr(&a.value, ATOM, source, out);
            if matches!(&*a.value, Expr::NumberLiteral(n) if matches!(n.value, ast::Number::Int(_)))
            {
                out.push(' ');
            }
            out.push('.');
            out.push_str(a.attr.as_str());
        }
        Expr::Subscript(s) => {
            write_expr(&s.value, ATOM, source, out);
            out.push('[');
            match &*s.slice {
                Expr::Tuple(t) if !t.elts.is_empty() => {
                    join(&t.elts, TEST, source, out);
                    if t.elts.len() == 1 {
                        out.push(',');
                    }
                }
                other => write_expr(other, TUPLE, source, out),
            }
            out.push(']');
        }
        Expr::Slice(s) => {
            if let Some(l) = &s.lower {
                write_expr(l, TEST, source, out);
            }
            out.push(':');
            if let Some(u) = &s.upper {
                write_expr(u, TEST, source, out);
            }
            if let Some(st) = &s.step {
                out.push(':');
                write_expr(st, TEST, source, out);
            }
        }
        Expr::Tuple(t) => {
            if t.elts.is_empty() {
                out.push_str("()");
                return;
            }
            paren(level > TUPLE, out, |out| {
                join(&t.elts, TEST, source, out);
                if t.elts.len() == 1 {
                    out.push(',');
                }
            });
        }
        Expr::List(l) => {
            out.push('[');
            join(&l.elts, TEST, source, out);
            out.push(']');
        }
        Expr::Set(s) => {
            out.push('{');
            join(&s.elts, TEST, source, out);
            out.push('}');
        }
        Expr::Dict(d) => {
            out.push('{');
            for (i, item) in d.items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                match &item.key {
                    Some(k) => {
                        write_expr(k, TEST, source, out);
                        out.push_str(": ");
                        write_expr(&item.value, TEST, source, out);
                    }
                    None => {
                        out.push_str("**");
                        write_expr(&item.value, BOR, source, out);
                    }
                }
            }
            out.push('}');
        }
        Expr::Starred(s) => {
            out.push('*');
            write_expr(&s.value, BOR, source, out);
        }
        Expr::BinOp(b) => {
            let (sym, pr) = op_info(b.op);
            let right_assoc = b.op == Operator::Pow;
            paren(level > pr, out, |out| {
                write_expr(&b.left, if right_assoc { pr + 1 } else { pr }, source, out);
                out.push(' ');
                out.push_str(sym);
                out.push(' ');
                write_expr(&b.right, if right_assoc { pr } else { pr + 1 }, source, out);
            });
        }
        Expr::UnaryOp(u) => {
            let (sym, pr) = match u.op {
                UnaryOp::Not => ("not ", NOT),
                UnaryOp::USub => ("-", FACTOR),
                UnaryOp::UAdd => ("+", FACTOR),
                UnaryOp::Invert => ("~", FACTOR),
            };
            paren(level > pr, out, |out| {
                out.push_str(sym);
                write_expr(&u.operand, pr, source, out);
            });
        }
        Expr::BoolOp(b) => {
            let (sym, pr) = match b.op {
                BoolOp::And => (" and ", AND),
                BoolOp::Or => (" or ", OR),
            };
            paren(level > pr, out, |out| {
                for (i, v) in b.values.iter().enumerate() {
                    if i > 0 {
                        out.push_str(sym);
                    }
                    write_expr(v, pr + 1, source, out);
                }
            });
        }
        Expr::Compare(c) => paren(level > CMP, out, |out| {
            write_expr(&c.left, CMP + 1, source, out);
            for (op, right) in c.ops.iter().zip(c.comparators.iter()) {
                out.push(' ');
                out.push_str(cmp_str(*op));
                out.push(' ');
                write_expr(right, CMP + 1, source, out);
            }
        }),
        Expr::If(i) => paren(level > TEST, out, |out| {
            write_expr(&i.body, TEST + 1, source, out);
            out.push_str(" if ");
            write_expr(&i.test, TEST + 1, source, out);
            out.push_str(" else ");
            write_expr(&i.orelse, TEST, source, out);
        }),
        Expr::Call(c) => {
            write_expr(&c.func, ATOM, source, out);
            out.push('(');
            let mut first = true;
            for a in c.arguments.args.iter() {
                if !first {
                    out.push_str(", ");
                }
                first = false;
                write_expr(a, TEST, source, out);
            }
            for k in c.arguments.keywords.iter() {
                if !first {
                    out.push_str(", ");
                }
                first = false;
                match &k.arg {
                    Some(name) => {
                        out.push_str(name.as_str());
                        out.push('=');
                    }
                    None => out.push_str("**"),
                }
                write_expr(&k.value, TEST, source, out);
            }
            out.push(')');
        }
        Expr::Await(a) => paren(level > AWAIT, out, |out| {
            out.push_str("await ");
            write_expr(&a.value, ATOM, source, out);
        }),
        Expr::Named(n) => paren(level > TUPLE, out, |out| {
            write_expr(&n.target, ATOM, source, out);
            out.push_str(" := ");
            write_expr(&n.value, ATOM, source, out);
        }),
        other => {
            let text = normalize_source(&source[other.range()]);
            paren(
                level > TEST && matches!(other, Expr::Lambda(_)),
                out,
                |out| out.push_str(&text),
            );
        }
    }
}

/// Source text with whitespace runs outside string literals collapsed.
fn normalize_source(src: &str) -> String {
    let mut out = String::with_capacity(src.len());
    let mut quote: Option<char> = None;
    let mut prev_space = false;
    let mut chars = src.chars().peekable();
    while let Some(c) = chars.next() {
        if let Some(q) = quote {
            out.push(c);
            if c == '\\' {
                if let Some(n) = chars.next() {
                    out.push(n);
                }
            } else if c == q {
                quote = None;
            }
            continue;
        }
        match c {
            '\'' | '"' => {
                quote = Some(c);
                out.push(c);
                prev_space = false;
            }
            '\\' if matches!(chars.peek(), Some('\n' | '\r')) => {}
            c if c.is_whitespace() => {
                if !prev_space && !out.is_empty() {
                    out.push(' ');
                }
                prev_space = true;
            }
            c => {
                out.push(c);
                prev_space = false;
            }
        }
    }
    out.trim_end().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn up(src: &str) -> String {
        let parsed = ruff_python_parser::parse_expression(src).expect("parses");
        unparse(&parsed.syntax().body, src)
    }

    #[test]
    fn matches_cpython_spelling() {
        let cases = [
            ("List[ int ]", "List[int]"),
            ("Dict[str,int]", "Dict[str, int]"),
            ("\"Foo\"", "'Foo'"),
            ("Optional['A']", "Optional['A']"),
            ("int|None", "int | None"),
            ("(a + b) * c", "(a + b) * c"),
            ("a + (b * c)", "a + b * c"),
            ("x[1:2, ::3]", "x[1:2, ::3]"),
            ("Tuple[()]", "Tuple[()]"),
            ("Tuple[int, ...]", "Tuple[int, ...]"),
            ("f(a, *b, k=1, **c)", "f(a, *b, k=1, **c)"),
            ("0x10", "16"),
            ("-1 ** 2", "-1 ** 2"),
            ("(-1) ** 2", "(-1) ** 2"),
            ("not a and b", "not a and b"),
            ("a if b else c", "a if b else c"),
            ("Literal[1, 'a', None]", "Literal[1, 'a', None]"),
        ];
        for (src, want) in cases {
            assert_eq!(up(src), want, "{src}");
        }
    }
}
