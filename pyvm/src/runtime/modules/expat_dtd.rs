//! The markup declarations of a document's internal subset that
//! `expat_tok` reports besides entities: `<!ELEMENT` (the content model
//! goes to Python as text, `py/pyexpat.py` builds expat's model tuples),
//! `<!ATTLIST` (one callback per attribute; defaults are remembered and
//! added to start tags) and `<!NOTATION`.

use super::{Error, Ev, Pos, SYNTAX, Tok, UNCLOSED_TOKEN, decl_end, text};

/// A token of a declaration: a name, a quoted literal, a parenthesized
/// group (with its quantifier, white space removed).
enum DTok {
    Word(String),
    Lit(String),
    Group(String),
}

fn dtoks(s: &str) -> Option<Vec<DTok>> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_whitespace() {
            i += 1;
        } else if c == b'"' || c == b'\'' {
            let e = s[i + 1..].find(c as char)?;
            out.push(DTok::Lit(s[i + 1..i + 1 + e].to_string()));
            i += e + 2;
        } else if c == b'(' {
            let mut depth = 0;
            let mut j = i;
            loop {
                match b.get(j)? {
                    b'(' => depth += 1,
                    b')' => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
            j += 1;
            if matches!(b.get(j), Some(b'?' | b'*' | b'+')) {
                j += 1;
            }
            let g: String = s[i..j]
                .chars()
                .filter(|c| !c.is_ascii_whitespace())
                .collect();
            out.push(DTok::Group(g));
            i = j;
        } else {
            let mut j = i;
            while j < b.len() && !b[j].is_ascii_whitespace() && b[j] != b'(' {
                j += 1;
            }
            out.push(DTok::Word(s[i..j].to_string()));
            i = j;
        }
    }
    Some(out)
}

impl Tok {
    /// A markup declaration at `j` in the internal subset.
    pub(super) fn markup_decl(
        &mut self,
        b: &[u8],
        j: usize,
        fin: bool,
        evs: &mut Vec<(Pos, Ev)>,
    ) -> Result<Option<usize>, Error> {
        let Some(end) = decl_end(b, j) else {
            return if fin {
                self.err(UNCLOSED_TOKEN, j)
            } else {
                Ok(None)
            };
        };
        let raw = text(&b[j..end]);
        let p = self.pos(j);
        let body = raw[..raw.len() - 1].to_string();
        let ev = if let Some(rest) = body.strip_prefix("<!ELEMENT") {
            let rest = rest.trim_start();
            let e = rest
                .find(|c: char| c.is_ascii_whitespace() || c == '(')
                .unwrap_or(rest.len());
            let name = rest[..e].to_string();
            let spec: String = rest[e..]
                .chars()
                .filter(|c| !c.is_ascii_whitespace())
                .collect();
            if name.is_empty() || spec.is_empty() {
                return self.err(SYNTAX, j);
            }
            Ev::ElementDecl(name, spec)
        } else if let Some(rest) = body.strip_prefix("<!ATTLIST") {
            return self.attlist(rest, j, end, p, evs);
        } else if let Some(rest) = body.strip_prefix("<!NOTATION") {
            let Some(toks) = dtoks(rest) else {
                return self.err(SYNTAX, j);
            };
            let lit = |k: usize| match toks.get(k) {
                Some(DTok::Lit(s)) => Some(s.clone()),
                _ => None,
            };
            match (toks.first(), toks.get(1)) {
                (Some(DTok::Word(n)), Some(DTok::Word(kw))) if kw == "SYSTEM" => {
                    Ev::NotationDecl(n.clone(), lit(2), None)
                }
                (Some(DTok::Word(n)), Some(DTok::Word(kw))) if kw == "PUBLIC" => {
                    Ev::NotationDecl(n.clone(), lit(3), lit(2))
                }
                _ => return self.err(SYNTAX, j),
            }
        } else {
            Ev::Default(raw)
        };
        evs.push((p, ev));
        Ok(Some(end))
    }

    fn attlist(
        &mut self,
        rest: &str,
        j: usize,
        end: usize,
        p: Pos,
        evs: &mut Vec<(Pos, Ev)>,
    ) -> Result<Option<usize>, Error> {
        let Some(toks) = dtoks(rest) else {
            return self.err(SYNTAX, j);
        };
        let mut it = toks.into_iter();
        let Some(DTok::Word(el)) = it.next() else {
            return self.err(SYNTAX, j);
        };
        loop {
            let name = match it.next() {
                None => break,
                Some(DTok::Word(n)) => n,
                _ => return self.err(SYNTAX, j),
            };
            let ty = match it.next() {
                Some(DTok::Word(t)) if t == "NOTATION" => match it.next() {
                    Some(DTok::Group(g)) => format!("NOTATION{g}"),
                    _ => return self.err(SYNTAX, j),
                },
                Some(DTok::Word(t)) | Some(DTok::Group(t)) => t,
                _ => return self.err(SYNTAX, j),
            };
            let (lit, required) = match it.next() {
                Some(DTok::Word(w)) if w == "#REQUIRED" => (None, true),
                Some(DTok::Word(w)) if w == "#IMPLIED" => (None, false),
                Some(DTok::Word(w)) if w == "#FIXED" => match it.next() {
                    Some(DTok::Lit(v)) => (Some(v), true),
                    _ => return self.err(SYNTAX, j),
                },
                Some(DTok::Lit(v)) => (Some(v), false),
                _ => return self.err(SYNTAX, j),
            };
            let value = match lit {
                Some(v) => {
                    let vb = v.into_bytes();
                    Some(self.attr_value(&vb, 0, vb.len())?)
                }
                None => None,
            };
            if let Some(v) = &value {
                let d = self.att_defaults.entry(el.clone()).or_default();
                if !d.iter().any(|x| x.0 == name) {
                    d.push((name.clone(), v.clone()));
                }
            }
            evs.push((p, Ev::AttlistDecl(el.clone(), name, ty, value, required)));
        }
        Ok(Some(end))
    }
}
