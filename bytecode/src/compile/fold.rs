//! Constant folding of literal expressions, with the limits of CPython's AST
//! optimizer so that folding never changes observable behaviour: operations
//! that would raise (division by zero, negative shift), or build huge values
//! (ints over 128 bits, strings over 4096 characters, collections over 256
//! items) are left for run time.

use std::sync::Arc;

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};
use ruff_python_ast::{self as ast, Expr, Number, Operator, UnaryOp};

use crate::code::Constant;
use crate::pystr::PyStr;

const MAX_INT_BITS: u64 = 128;
const MAX_COLLECTION_SIZE: usize = 256;
const MAX_STR_SIZE: usize = 4096;
const MAX_TOTAL_ITEMS: usize = 1024;

/// The constant value of `e`, folding operators on constants.
pub(crate) fn const_value(e: &Expr, source: &str) -> Option<Constant> {
    const_value_with(e, source, &mut FoldMemo::default())
}

/// Results of folding operator nodes, keyed by node address, so that a long
/// chain such as `a + b + ... + z` is examined once, not once per level.
pub(crate) type FoldMemo = std::collections::HashMap<usize, Option<Constant>>;

/// [`const_value`] with a memo shared across calls.
pub(crate) fn const_value_with(e: &Expr, source: &str, memo: &mut FoldMemo) -> Option<Constant> {
    let key = e as *const Expr as usize;
    let cacheable = matches!(e, Expr::BinOp(_) | Expr::UnaryOp(_) | Expr::Tuple(_));
    if let Some(v) = memo.get(&key).filter(|_| cacheable) {
        return v.clone();
    }
    let v = stacker::maybe_grow(crate::STACK_RED_ZONE, crate::STACK_GROWTH, || {
        const_value_inner(e, source, memo)
    });
    if cacheable {
        memo.insert(key, v.clone());
    }
    v
}

fn const_value_inner(e: &Expr, source: &str, memo: &mut FoldMemo) -> Option<Constant> {
    match e {
        Expr::NoneLiteral(_) => Some(Constant::None),
        Expr::BooleanLiteral(b) => Some(Constant::Bool(b.value)),
        Expr::EllipsisLiteral(_) => Some(Constant::Ellipsis),
        Expr::NumberLiteral(n) => Some(number(&n.value)),
        Expr::StringLiteral(s) => Some(Constant::Str(super::strings::string_value(s, source))),
        Expr::BytesLiteral(b) => {
            let mut v = Vec::new();
            for part in b.value.iter() {
                v.extend_from_slice(&part.value);
            }
            Some(Constant::Bytes(Arc::from(v)))
        }
        Expr::Tuple(t) => {
            let mut items = Vec::with_capacity(t.elts.len());
            for el in &t.elts {
                if matches!(el, Expr::Starred(_)) {
                    return None;
                }
                items.push(const_value_with(el, source, memo)?);
            }
            Some(Constant::Tuple(Arc::from(items)))
        }
        Expr::UnaryOp(u) => {
            let v = const_value_with(&u.operand, source, memo)?;
            fold_unary(u.op, &v)
        }
        Expr::BinOp(b) => {
            let l = const_value_with(&b.left, source, memo)?;
            let r = const_value_with(&b.right, source, memo)?;
            fold_binary(b.op, &l, &r)
        }
        _ => None,
    }
}

/// A list or set display of constants used only for iteration or
/// membership (`for x in [1, 2]`, `x in {1, 2}`) becomes a tuple or
/// frozenset constant, as CPython's optimizer does. `None` if not constant.
pub(crate) fn const_container(e: &Expr, source: &str, memo: &mut FoldMemo) -> Option<Constant> {
    let (elts, is_set) = match e {
        Expr::List(l) => (&l.elts, false),
        Expr::Set(s) => (&s.elts, true),
        _ => return None,
    };
    if elts.len() > MAX_COLLECTION_SIZE {
        return None;
    }
    let mut items: Vec<Constant> = Vec::with_capacity(elts.len());
    for el in elts {
        if matches!(el, Expr::Starred(_)) {
            return None;
        }
        let c = const_value_with(el, source, memo)?;
        if is_set {
            // Only hashable, non-container constants; equal values collapse
            // (1 == 1.0 == True) to the first, as in a set display.
            if matches!(
                c,
                Constant::Tuple(_) | Constant::FrozenSet(_) | Constant::Code(_)
            ) {
                return None;
            }
            if items.iter().any(|k| same_set_member(k, &c)) {
                continue;
            }
        }
        items.push(c);
    }
    Some(if is_set {
        Constant::FrozenSet(Arc::from(items))
    } else {
        Constant::Tuple(Arc::from(items))
    })
}

/// Whether two constants are equal as set members (numeric equality across
/// bool/int/float/complex, value equality otherwise).
fn same_set_member(a: &Constant, b: &Constant) -> bool {
    let num = |c: &Constant| -> Option<(f64, f64, Option<BigInt>)> {
        match c {
            Constant::Bool(_) | Constant::Int(_) | Constant::BigInt(_) => {
                let i = as_int(c)?;
                Some((i.to_f64().unwrap_or(f64::NAN), 0.0, Some(i)))
            }
            Constant::Float(f) => Some((*f, 0.0, None)),
            Constant::Complex { re, im } => Some((*re, *im, None)),
            _ => None,
        }
    };
    match (num(a), num(b)) {
        (Some((_, _, Some(x))), Some((_, _, Some(y)))) => x == y,
        (Some((ar, ai, _)), Some((br, bi, _))) => ar == br && ai == bi,
        (None, None) => a.same_as(b),
        _ => false,
    }
}

/// A number literal as a constant.
pub(crate) fn number(n: &Number) -> Constant {
    match n {
        Number::Int(i) => match i.as_i64() {
            Some(v) => Constant::Int(v),
            None => parse_big(&i.to_string()).map_or(Constant::Int(0), int_const),
        },
        Number::Float(f) => Constant::Float(*f),
        Number::Complex { real, imag } => Constant::Complex {
            re: *real,
            im: *imag,
        },
    }
}

fn parse_big(text: &str) -> Option<BigInt> {
    let t: String = text.chars().filter(|&c| c != '_').collect();
    let lower = t.to_ascii_lowercase();
    let (digits, radix) = if let Some(d) = lower.strip_prefix("0x") {
        (d.to_string(), 16)
    } else if let Some(d) = lower.strip_prefix("0o") {
        (d.to_string(), 8)
    } else if let Some(d) = lower.strip_prefix("0b") {
        (d.to_string(), 2)
    } else {
        (lower, 10)
    };
    BigInt::parse_bytes(digits.as_bytes(), radix)
}

fn int_const(v: BigInt) -> Constant {
    match v.to_i64() {
        Some(i) => Constant::Int(i),
        None => Constant::BigInt(Arc::new(v)),
    }
}

fn as_int(c: &Constant) -> Option<BigInt> {
    match c {
        Constant::Bool(b) => Some(BigInt::from(*b as i64)),
        Constant::Int(i) => Some(BigInt::from(*i)),
        Constant::BigInt(b) => Some((**b).clone()),
        _ => None,
    }
}

fn as_float(c: &Constant) -> Option<f64> {
    match c {
        Constant::Float(f) => Some(*f),
        _ => as_int(c).and_then(|i| i.to_f64()).filter(|f| f.is_finite()),
    }
}

fn fold_unary(op: UnaryOp, v: &Constant) -> Option<Constant> {
    match (op, v) {
        (UnaryOp::Not, _) => truthiness(v).map(|b| Constant::Bool(!b)),
        (UnaryOp::USub, Constant::Float(f)) => Some(Constant::Float(-f)),
        (UnaryOp::USub, Constant::Complex { re, im }) => {
            Some(Constant::Complex { re: -re, im: -im })
        }
        (UnaryOp::UAdd, Constant::Float(_) | Constant::Complex { .. }) => Some(v.clone()),
        (UnaryOp::USub, _) => as_int(v).map(|i| int_const(-i)),
        (UnaryOp::UAdd, _) => as_int(v).map(int_const),
        (UnaryOp::Invert, Constant::Int(_) | Constant::BigInt(_) | Constant::Bool(_)) => {
            as_int(v).map(|i| int_const(-i - 1))
        }
        _ => None,
    }
}

fn truthiness(v: &Constant) -> Option<bool> {
    Some(match v {
        Constant::None => false,
        Constant::Bool(b) => *b,
        Constant::Int(i) => *i != 0,
        Constant::BigInt(b) => !b.is_zero(),
        Constant::Float(f) => *f != 0.0,
        Constant::Complex { re, im } => *re != 0.0 || *im != 0.0,
        Constant::Str(s) => !s.as_bytes().is_empty(),
        Constant::Bytes(b) => !b.is_empty(),
        Constant::Tuple(t) => !t.is_empty(),
        Constant::Ellipsis => true,
        _ => return None,
    })
}

fn fold_binary(op: Operator, l: &Constant, r: &Constant) -> Option<Constant> {
    // `bool` keeps its type under `& | ^` (`True & True` is `True`).
    if let (Constant::Bool(a), Constant::Bool(b)) = (l, r) {
        match op {
            Operator::BitAnd => return Some(Constant::Bool(a & b)),
            Operator::BitOr => return Some(Constant::Bool(a | b)),
            Operator::BitXor => return Some(Constant::Bool(a ^ b)),
            _ => {}
        }
    }
    let is_int = |c: &Constant| {
        matches!(
            c,
            Constant::Int(_) | Constant::BigInt(_) | Constant::Bool(_)
        )
    };
    if is_int(l) && is_int(r) {
        return fold_int(op, &as_int(l)?, &as_int(r)?);
    }
    let is_num = |c: &Constant| is_int(c) || matches!(c, Constant::Float(_));
    if is_num(l) && is_num(r) {
        return fold_float(op, as_float(l)?, as_float(r)?);
    }
    let complex = |c: &Constant| match c {
        Constant::Complex { re, im } => Some((*re, *im)),
        _ => as_float(c).map(|f| (f, 0.0)),
    };
    if matches!(l, Constant::Complex { .. }) || matches!(r, Constant::Complex { .. }) {
        let (a, b) = complex(l)?;
        let (c, d) = complex(r)?;
        let (re, im) = match op {
            Operator::Add => (a + c, b + d),
            Operator::Sub => (a - c, b - d),
            Operator::Mult => (a * c - b * d, a * d + b * c),
            _ => return None,
        };
        return Some(Constant::Complex { re, im });
    }
    match (op, l, r) {
        (Operator::Add, Constant::Str(a), Constant::Str(b)) => {
            (a.char_len() + b.char_len() <= MAX_STR_SIZE).then(|| Constant::Str(a.concat(b)))
        }
        (Operator::Add, Constant::Bytes(a), Constant::Bytes(b)) => (a.len() + b.len()
            <= MAX_STR_SIZE)
            .then(|| Constant::Bytes(Arc::from([&a[..], &b[..]].concat()))),
        (Operator::Add, Constant::Tuple(a), Constant::Tuple(b)) => (a.len() + b.len()
            <= MAX_COLLECTION_SIZE)
            .then(|| Constant::Tuple(a.iter().chain(b.iter()).cloned().collect())),
        (Operator::Mult, Constant::Str(_) | Constant::Bytes(_) | Constant::Tuple(_), n)
            if is_int(n) =>
        {
            repeat(l, as_int(n)?.to_i64()?)
        }
        (Operator::Mult, n, Constant::Str(_) | Constant::Bytes(_) | Constant::Tuple(_))
            if is_int(n) =>
        {
            repeat(r, as_int(n)?.to_i64()?)
        }
        _ => None,
    }
}

fn repeat(seq: &Constant, n: i64) -> Option<Constant> {
    let n = n.max(0) as usize;
    match seq {
        Constant::Str(s) => {
            if s.char_len().checked_mul(n)? > MAX_STR_SIZE {
                return None;
            }
            Some(Constant::Str(PyStr::from_code_points(
                std::iter::repeat_n(s.code_points().collect::<Vec<_>>(), n).flatten(),
            )))
        }
        Constant::Bytes(b) => {
            if b.len().checked_mul(n)? > MAX_STR_SIZE {
                return None;
            }
            Some(Constant::Bytes(Arc::from(b.repeat(n))))
        }
        Constant::Tuple(t) => {
            let total = t.len().checked_mul(n)?;
            if total > MAX_COLLECTION_SIZE || total > MAX_TOTAL_ITEMS {
                return None;
            }
            let items: Vec<Constant> = (0..n).flat_map(|_| t.iter().cloned()).collect();
            Some(Constant::Tuple(Arc::from(items)))
        }
        _ => None,
    }
}

fn fold_int(op: Operator, a: &BigInt, b: &BigInt) -> Option<Constant> {
    let small = |x: &BigInt| x.bits() <= MAX_INT_BITS;
    let v = match op {
        Operator::Add => a + b,
        Operator::Sub => a - b,
        Operator::Mult => {
            if a.bits() + b.bits() > MAX_INT_BITS {
                return None;
            }
            a * b
        }
        Operator::FloorDiv | Operator::Mod => {
            if b.is_zero() {
                return None;
            }
            let (q, r) = floor_divmod(a, b);
            if op == Operator::FloorDiv { q } else { r }
        }
        Operator::Div => {
            if b.is_zero() {
                return None;
            }
            let (x, y) = (a.to_f64()?, b.to_f64()?);
            if x.abs() > 9007199254740992.0 || y.abs() > 9007199254740992.0 {
                return None;
            }
            return Some(Constant::Float(x / y));
        }
        Operator::Pow => {
            if b.is_negative() {
                let (x, y) = (a.to_f64()?, b.to_f64()?);
                if x == 0.0 {
                    return None;
                }
                return Some(Constant::Float(x.powf(y)))
                    .filter(|c| matches!(c, Constant::Float(f) if f.is_finite()));
            }
            let e = b.to_u64()?;
            if a.bits().saturating_mul(e) > MAX_INT_BITS {
                return None;
            }
            num_traits::pow::Pow::pow(a, e)
        }
        Operator::LShift => {
            if b.is_negative() {
                return None;
            }
            let s = b.to_u64()?;
            if a.bits() + s > MAX_INT_BITS {
                return None;
            }
            a << s
        }
        Operator::RShift => {
            if b.is_negative() {
                return None;
            }
            let s = b.to_u64().unwrap_or(u64::MAX).min(MAX_INT_BITS * 2);
            a >> s
        }
        Operator::BitAnd => a & b,
        Operator::BitOr => a | b,
        Operator::BitXor => a ^ b,
        Operator::MatMult => return None,
    };
    small(&v).then(|| int_const(v))
}

fn floor_divmod(a: &BigInt, b: &BigInt) -> (BigInt, BigInt) {
    use num_integer::Integer;
    a.div_mod_floor(b)
}

fn fold_float(op: Operator, a: f64, b: f64) -> Option<Constant> {
    let v = match op {
        Operator::Add => a + b,
        Operator::Sub => a - b,
        Operator::Mult => a * b,
        Operator::Div => {
            if b == 0.0 {
                return None;
            }
            a / b
        }
        Operator::FloorDiv | Operator::Mod => {
            if b == 0.0 {
                return None;
            }
            let (div, m) = float_divmod(a, b);
            if op == Operator::FloorDiv { div } else { m }
        }
        Operator::Pow => {
            if a < 0.0 && b.fract() != 0.0 || a == 0.0 && b < 0.0 {
                return None;
            }
            a.powf(b)
        }
        _ => return None,
    };
    v.is_finite().then_some(Constant::Float(v))
}

/// Python's float `divmod` (result of `//` and `%`).
fn float_divmod(vx: f64, wx: f64) -> (f64, f64) {
    let mut m = vx % wx;
    let mut div = (vx - m) / wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(vx / wx)
    };
    (floordiv, m)
}

/// Whether folding applies to this expression kind at all (cheap pre-check).
pub(crate) fn is_foldable_kind(e: &Expr) -> bool {
    matches!(
        e,
        Expr::NoneLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::EllipsisLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::Tuple(_)
            | Expr::UnaryOp(_)
            | Expr::BinOp(_)
    )
}

#[allow(dead_code)]
fn _assert_ast_used(_: &ast::ExprBinOp) {}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn fold(src: &str) -> Option<String> {
        let parsed = ruff_python_parser::parse_expression(src).expect("parses");
        const_value(&parsed.syntax().body, src).map(|c| c.repr())
    }

    #[test]
    fn folds_like_cpython() {
        assert_eq!(fold("1 + 2 * 3").as_deref(), Some("7"));
        assert_eq!(fold("-7 // 2").as_deref(), Some("-4"));
        assert_eq!(fold("-7 % 2").as_deref(), Some("1"));
        assert_eq!(fold("2 ** 64").as_deref(), Some("18446744073709551616"));
        assert_eq!(fold("2 ** 100"), None);
        assert_eq!(fold("1 / 2").as_deref(), Some("0.5"));
        assert_eq!(fold("-7.5 // 2").as_deref(), Some("-4.0"));
        assert_eq!(fold("'ab' * 3").as_deref(), Some("'ababab'"));
        assert_eq!(
            fold("(1, 'a') + (None,)").as_deref(),
            Some("(1, 'a', None)")
        );
        assert_eq!(fold("1 + 2j").as_deref(), Some("(1+2j)"));
        assert_eq!(fold("not 0").as_deref(), Some("True"));
        assert_eq!(fold("~5").as_deref(), Some("-6"));
    }

    #[test]
    fn constant_displays_become_tuples_and_frozensets() {
        let c = |src: &str| {
            let parsed = ruff_python_parser::parse_expression(src).expect("parses");
            const_container(&parsed.syntax().body, src, &mut FoldMemo::default()).map(|c| c.repr())
        };
        assert_eq!(c("[1, 'a', None]").as_deref(), Some("(1, 'a', None)"));
        assert_eq!(c("{1, 2, 1.0, True}").as_deref(), Some("frozenset({1, 2})"));
        assert_eq!(c("[x, 1]"), None);
        assert_eq!(c("{(1, 2)}"), None);
        assert_eq!(c("[*a]"), None);
    }

    #[test]
    fn does_not_fold_errors_or_huge_values() {
        assert_eq!(fold("1 / 0"), None);
        assert_eq!(fold("1 << -1"), None);
        assert_eq!(fold("2 ** 1000"), None);
        assert_eq!(fold("'x' * 5000"), None);
        assert_eq!(fold("(1,) * 300"), None);
        assert_eq!(fold("x + 1"), None);
    }
}
