//! Where CPython's grammar rules point their errors, found from the token
//! stream: the expression before a token (`a` in rules such as
//! `a=disjunction b=expression_without_invalid`), the `:` of a dict entry.

use ruff_python_ast::token::{Token, TokenKind, Tokens};
use ruff_text_size::{Ranged, TextSize};

use TokenKind::*;

/// The significant tokens that end at or before `pos`.
fn before(tokens: &Tokens, pos: TextSize) -> Vec<&Token> {
    tokens
        .iter()
        .filter(|t| t.end() <= pos && !t.kind().is_trivia())
        .collect()
}

/// Whether a token can end an atom (so that a following `(`/`[` is a
/// call or subscript trailer).
fn ends_atom(k: TokenKind) -> bool {
    matches!(
        k,
        Name | Int
            | Float
            | Complex
            | String
            | FStringEnd
            | None
            | True
            | False
            | Ellipsis
            | Rpar
            | Rsqb
            | Rbrace
    )
}

/// Index of the token opening the bracket (or f-string) closed at `i`.
fn opener(toks: &[&Token], i: usize) -> Option<usize> {
    let mut depth = 0i32;
    let mut j = i;
    loop {
        match toks[j].kind() {
            Rpar | Rsqb | Rbrace | FStringEnd => depth += 1,
            Lpar | Lsqb | Lbrace | FStringStart => {
                depth -= 1;
                if depth == 0 {
                    return Some(j);
                }
            }
            _ => {}
        }
        j = j.checked_sub(1)?;
    }
}

/// Index of the first token of the primary expression (an atom with its
/// `.name`, call and subscript trailers) that ends with token `i`.
fn primary_start(toks: &[&Token], mut i: usize) -> Option<usize> {
    loop {
        let k = toks[i].kind();
        let start = if matches!(k, Rpar | Rsqb | Rbrace | FStringEnd) {
            let j = opener(toks, i)?;
            if matches!(toks[j].kind(), Lpar | Lsqb) && j > 0 && ends_atom(toks[j - 1].kind()) {
                i = j - 1;
                continue;
            }
            j
        } else {
            i
        };
        // `a.b`: continue with `a`; adjacent strings are one atom.
        if start >= 2 && toks[start - 1].kind() == Dot {
            i = start - 2;
            continue;
        }
        if start >= 1
            && matches!(k, String | FStringEnd)
            && matches!(toks[start - 1].kind(), String | FStringEnd)
        {
            i = start - 1;
            continue;
        }
        return Some(start);
    }
}

/// The start of the expression that ends just before `pos`.
pub(crate) fn prev_expr_start(tokens: &Tokens, pos: TextSize) -> Option<TextSize> {
    let toks = before(tokens, pos);
    let last = toks.len().checked_sub(1)?;
    primary_start(&toks, last).map(|i| toks[i].start())
}

/// The start of the expression before the last `if` keyword before `pos`
/// (the body of a conditional expression).
pub(crate) fn before_if_start(tokens: &Tokens, pos: TextSize) -> Option<TextSize> {
    let toks = before(tokens, pos);
    let at = toks.iter().rposition(|t| t.kind() == If)?;
    let i = at.checked_sub(1)?;
    primary_start(&toks, i).map(|i| toks[i].start())
}

/// The last `:` token before `pos`.
pub(crate) fn last_colon(tokens: &Tokens, pos: TextSize) -> Option<TextSize> {
    before(tokens, pos)
        .iter()
        .rev()
        .find(|t| t.kind() == Colon)
        .map(|t| t.start())
}

/// The end of the last significant token before `pos`.
pub(crate) fn prev_token_end(tokens: &Tokens, pos: TextSize) -> Option<TextSize> {
    before(tokens, pos).last().map(|t| t.end())
}

/// The closing bracket of the innermost bracket open at `pos`.
pub(crate) fn enclosing_closer(tokens: &Tokens, pos: TextSize) -> Option<TextSize> {
    let mut depth = 0i32;
    for t in tokens.iter().filter(|t| t.start() >= pos) {
        match t.kind() {
            Lpar | Lsqb | Lbrace => depth += 1,
            Rpar | Rsqb | Rbrace => {
                if depth == 0 {
                    return Some(t.start());
                }
                depth -= 1;
            }
            _ => {}
        }
    }
    Option::None
}

/// Where CPython reports "named arguments must follow bare *": the `*`
/// of a `def`, the token after it (after its comma) in a `lambda`.
pub(crate) fn bare_star_location(tokens: &Tokens, pos: TextSize) -> Option<TextSize> {
    let toks: Vec<&Token> = tokens.iter().filter(|t| !t.kind().is_trivia()).collect();
    let star = toks
        .iter()
        .rposition(|t| t.kind() == Star && t.start() <= pos)?;
    let in_lambda = toks[..star]
        .iter()
        .rev()
        .find(|t| matches!(t.kind(), Lambda | Def))
        .is_some_and(|t| t.kind() == Lambda);
    if !in_lambda {
        return Some(toks[star].start());
    }
    let mut i = star + 1;
    if toks.get(i).is_some_and(|t| t.kind() == Comma) {
        i += 1;
    }
    toks.get(i).map(|t| t.start())
}
