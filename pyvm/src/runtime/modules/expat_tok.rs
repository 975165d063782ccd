//! The XML tokenizer behind `pyexpat` (pyvm's own, no VM types): it turns
//! the bytes fed to a parser into expat's callbacks as [`Ev`] values, with
//! expat's positions (line from 1, column in characters from 0, byte
//! index) and expat's error codes and positions. Input is kept until a
//! token is complete, so `Parse(data, False)` may be called with any split.
//! Character data comes in expat's pieces: runs end at markup, at each
//! reference and at each newline (reported alone as `"\n"`).

use std::collections::HashMap;

#[path = "expat_dtd.rs"]
mod dtd;

/// A position in the document.
#[derive(Clone, Copy, Default, Debug)]
pub(crate) struct Pos {
    pub line: i64,
    pub col: i64,
    pub byte: i64,
    prev_cr: bool,
}

/// One callback, in document order.
pub(crate) enum Ev {
    /// Name, flattened `[name, value, ...]`, number of specified attributes.
    Start(String, Vec<String>, usize),
    End(String),
    Chars(String),
    Pi(String, String),
    Comment(String),
    StartCdata,
    EndCdata,
    /// version, encoding, standalone (1, 0, -1).
    XmlDecl(String, Option<String>, i64),
    /// name, system id, public id, has internal subset.
    StartDoctype(String, Option<String>, Option<String>, bool),
    EndDoctype,
    NsStart(Option<String>, Option<String>),
    NsEnd(Option<String>),
    /// Text only the default handler sees (prolog white space, skipped declarations).
    Default(String),
    /// name, is parameter entity, value, system id, public id, notation.
    EntityDecl(
        String,
        bool,
        Option<String>,
        Option<String>,
        Option<String>,
        Option<String>,
    ),
    /// The expansion of an internal entity follows, up to the matching `EntEnd`.
    EntStart(String),
    EntEnd,
    /// Element name and content model text (white space removed).
    ElementDecl(String, String),
    /// Element, attribute, type, default, required.
    AttlistDecl(String, String, String, Option<String>, bool),
    /// Name, system id, public id.
    NotationDecl(String, Option<String>, Option<String>),
}

/// An expat error: code and position.
pub(crate) type Error = (i64, Pos);

const SYNTAX: i64 = 2;
const NO_ELEMENTS: i64 = 3;
const INVALID_TOKEN: i64 = 4;
const UNCLOSED_TOKEN: i64 = 5;
const TAG_MISMATCH: i64 = 7;
const DUPLICATE_ATTRIBUTE: i64 = 8;
const JUNK_AFTER_DOC: i64 = 9;
const UNDEFINED_ENTITY: i64 = 11;
const RECURSIVE_ENTITY: i64 = 12;
const ASYNC_ENTITY: i64 = 13;
const BAD_CHAR_REF: i64 = 14;
const MISPLACED_XML_PI: i64 = 17;
const UNKNOWN_ENCODING: i64 = 18;
const UNCLOSED_CDATA: i64 = 20;
const UNBOUND_PREFIX: i64 = 27;
const UNDECLARING_PREFIX: i64 = 28;
const XML_DECL: i64 = 30;
/// `parsing finished`.
pub(crate) const FINISHED: i64 = 36;

#[derive(Clone, Copy, PartialEq)]
enum Phase {
    Prolog,
    Content,
    Epilog,
}

#[derive(Clone, Copy, PartialEq)]
enum Enc {
    Undecided,
    Utf8,
    Utf16Le,
    Utf16Be,
    /// A single-byte encoding: `table` maps each byte.
    Table,
}

struct Open {
    raw: String,
    name: String,
    nbind: usize,
}

const XML_NS: &str = "http://www.w3.org/XML/1998/namespace";

/// What a token parser found: `Ok(Some(end))` (events pushed),
/// `Ok(None)` (incomplete: more input needed), or an error.
type Step = Result<Option<usize>, Error>;

/// A parser's state between `Parse` calls.
pub(crate) struct Tok {
    raw: Vec<u8>,
    buf: Vec<u8>,
    base: Pos,
    cache: (usize, Pos),
    phase: Phase,
    stack: Vec<Open>,
    ns_sep: Option<String>,
    pub ns_prefixes: bool,
    bindings: Vec<(Option<String>, Option<String>)>,
    entities: HashMap<String, Option<String>>,
    /// Default attribute values from `<!ATTLIST`, per element.
    att_defaults: HashMap<String, Vec<(String, String)>>,
    expanding: Vec<String>,
    external_dtd: bool,
    seen_doctype: bool,
    enc: Enc,
    /// The encoding given to `ParserCreate` (or forced by str input).
    pub forced: Option<String>,
    /// The single-byte encoding's characters, when `enc` is `Table`.
    pub table: Vec<char>,
    /// Name of an encoding the caller must supply a table for.
    pub want_table: Option<String>,
    ent_pos: Option<Pos>,
    pub error: Option<Error>,
    pub finished: bool,
    started: bool,
}

fn is_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

fn name_start(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'_' || b == b':' || b >= 0x80
}

fn name_char(b: u8) -> bool {
    name_start(b) || b.is_ascii_digit() || b == b'-' || b == b'.'
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

impl Tok {
    pub(crate) fn new(ns_sep: Option<String>, encoding: Option<String>) -> Tok {
        let base = Pos {
            line: 1,
            ..Pos::default()
        };
        Tok {
            raw: Vec::new(),
            buf: Vec::new(),
            base,
            cache: (0, base),
            phase: Phase::Prolog,
            stack: Vec::new(),
            ns_sep,
            ns_prefixes: false,
            bindings: Vec::new(),
            entities: HashMap::new(),
            att_defaults: HashMap::new(),
            expanding: Vec::new(),
            external_dtd: false,
            seen_doctype: false,
            enc: Enc::Undecided,
            forced: encoding,
            table: Vec::new(),
            want_table: None,
            ent_pos: None,
            error: None,
            finished: false,
            started: false,
        }
    }

    /// The position of `buf[i]` (or of the entity reference being expanded).
    fn pos(&mut self, i: usize) -> Pos {
        if let Some(p) = self.ent_pos {
            return p;
        }
        let (mut off, mut p) = self.cache;
        if i < off {
            off = 0;
            p = self.base;
        }
        let enc = self.enc;
        for &b in &self.buf[off..i.min(self.buf.len())] {
            let lead = b & 0xc0 != 0x80;
            p.byte += match enc {
                Enc::Utf8 | Enc::Undecided => 1,
                Enc::Table => lead as i64,
                Enc::Utf16Le | Enc::Utf16Be if !lead => 0,
                Enc::Utf16Le | Enc::Utf16Be => 2 + 2 * (b >= 0xf0) as i64,
            };
            match b {
                b'\n' => {
                    if !p.prev_cr {
                        p.line += 1;
                        p.col = 0;
                    }
                    p.prev_cr = false;
                }
                b'\r' => {
                    p.line += 1;
                    p.col = 0;
                    p.prev_cr = true;
                }
                _ => {
                    if b & 0xc0 != 0x80 {
                        p.col += 1;
                    }
                    p.prev_cr = false;
                }
            }
        }
        self.cache = (i, p);
        p
    }

    /// The position after everything consumed so far.
    pub(crate) fn current(&mut self) -> Pos {
        self.base
    }

    fn err<T>(&mut self, code: i64, i: usize) -> Result<T, Error> {
        let p = self.pos(i);
        Err((code, p))
    }

    /// Decides the input encoding from the first bytes; false to wait.
    fn decide(&mut self, fin: bool) -> Result<bool, Error> {
        let r = &self.raw;
        if r.starts_with(&[0xef, 0xbb, 0xbf]) {
            self.raw.drain(..3);
            self.enc = Enc::Utf8;
            self.bom(3);
            return Ok(true);
        }
        if r.starts_with(&[0xff, 0xfe]) {
            self.raw.drain(..2);
            self.enc = Enc::Utf16Le;
            self.bom(2);
            return Ok(true);
        }
        if r.starts_with(&[0xfe, 0xff]) {
            self.raw.drain(..2);
            self.enc = Enc::Utf16Be;
            self.bom(2);
            return Ok(true);
        }
        if r.len() < 2 && !fin {
            return Ok(false);
        }
        if r.starts_with(&[b'<', 0]) {
            self.enc = Enc::Utf16Le;
            return Ok(true);
        }
        if r.starts_with(&[0, b'<']) {
            self.enc = Enc::Utf16Be;
            return Ok(true);
        }
        let mut name = self.forced.clone();
        if name.is_none() {
            let head = b"<?xml";
            let n = r.len().min(head.len());
            if r[..n] == head[..n] {
                match r.windows(2).position(|w| w == b"?>") {
                    Some(end) => name = decl_encoding(&r[..end]),
                    None if !fin => return Ok(false),
                    None => {}
                }
            }
        }
        let name = name.map(|n| n.to_ascii_lowercase());
        self.enc = match name.as_deref() {
            None | Some("utf-8" | "utf8" | "us-ascii" | "ascii") => Enc::Utf8,
            Some("utf-16" | "utf16") => Enc::Utf16Le,
            Some("utf-16le") => Enc::Utf16Le,
            Some("utf-16be") => Enc::Utf16Be,
            Some("iso-8859-1" | "latin-1" | "latin1" | "iso8859-1") => {
                self.table = (0..=255u32).filter_map(char::from_u32).collect();
                Enc::Table
            }
            Some(other) => {
                if self.table.len() == 256 {
                    Enc::Table
                } else if self.want_table.is_some() {
                    return Err((UNKNOWN_ENCODING, self.base));
                } else {
                    self.want_table = Some(other.to_string());
                    return Ok(false);
                }
            }
        };
        Ok(true)
    }

    /// A byte order mark counts as one column and its bytes.
    fn bom(&mut self, n: i64) {
        self.base.col += 1;
        self.base.byte += n;
        self.cache = (0, self.base);
    }

    /// Moves decodable input from `raw` into `buf` as UTF-8.
    fn transcode(&mut self, fin: bool) {
        match self.enc {
            Enc::Undecided => {}
            Enc::Utf8 => self.buf.append(&mut self.raw),
            Enc::Table => {
                let mut s = String::new();
                for &b in &self.raw {
                    s.push(self.table[b as usize]);
                }
                self.raw.clear();
                self.buf.extend_from_slice(s.as_bytes());
            }
            Enc::Utf16Le | Enc::Utf16Be => {
                let le = self.enc == Enc::Utf16Le;
                let mut units = Vec::new();
                let mut k = 0;
                while k + 1 < self.raw.len() {
                    let (a, b) = (self.raw[k], self.raw[k + 1]);
                    units.push(if le {
                        u16::from_le_bytes([a, b])
                    } else {
                        u16::from_be_bytes([a, b])
                    });
                    k += 2;
                }
                // Keep a trailing high surrogate for the next piece.
                if !fin && matches!(units.last(), Some(0xd800..=0xdbff)) {
                    units.pop();
                    k -= 2;
                }
                self.raw.drain(..k);
                let s: String = char::decode_utf16(units)
                    .map(|c| c.unwrap_or('\u{fffd}'))
                    .collect();
                self.buf.extend_from_slice(s.as_bytes());
            }
        }
    }

    /// Feeds `data`; pushes the events; stops at the first error.
    pub(crate) fn feed(&mut self, data: &[u8], fin: bool, out: &mut Vec<(Pos, Ev)>) {
        if let Some(e) = self.error {
            self.error = Some(e);
            return;
        }
        if self.finished {
            self.error = Some((FINISHED, self.base));
            return;
        }
        self.raw.extend_from_slice(data);
        if self.enc == Enc::Undecided {
            match self.decide(fin) {
                Ok(true) => {}
                Ok(false) => return,
                Err(e) => {
                    self.error = Some(e);
                    return;
                }
            }
        }
        self.transcode(fin);
        let buf = std::mem::take(&mut self.buf);
        // `pos` reads `self.buf`; give it back while tokenizing a copy.
        self.buf = buf.clone();
        let r = self.run(&buf, fin, out);
        match r {
            Ok(used) => {
                let p = self.pos(used);
                self.base = p;
                self.cache = (0, p);
                self.buf.drain(..used);
                if fin {
                    if self.phase != Phase::Epilog {
                        self.error = Some((NO_ELEMENTS, p));
                    } else if !self.buf.is_empty() {
                        self.error = Some((UNCLOSED_TOKEN, p));
                    }
                    self.finished = true;
                }
            }
            Err(e) => self.error = Some(e),
        }
    }

    /// Tokenizes the document text `b`; returns how much was consumed.
    fn run(&mut self, b: &[u8], fin: bool, out: &mut Vec<(Pos, Ev)>) -> Result<usize, Error> {
        let mut i = 0;
        while i < b.len() {
            let step = match self.phase {
                Phase::Prolog | Phase::Epilog => self.misc(b, i, fin, out),
                Phase::Content => self.content(b, i, fin, out),
            }?;
            match step {
                Some(end) => {
                    i = end;
                    self.started = true;
                }
                None => break,
            }
        }
        Ok(i)
    }

    /// One token of the prolog or the epilog.
    fn misc(&mut self, b: &[u8], i: usize, fin: bool, out: &mut Vec<(Pos, Ev)>) -> Step {
        let c = b[i];
        if is_ws(c) {
            let mut j = i;
            while j < b.len() && is_ws(b[j]) {
                j += 1;
            }
            if j == b.len() && !fin && b[j - 1] == b'\r' {
                return Ok(None);
            }
            let p = self.pos(i);
            out.push((p, Ev::Default(newlines(&b[i..j]))));
            return Ok(Some(j));
        }
        if c != b'<' {
            let code = if self.phase == Phase::Epilog {
                JUNK_AFTER_DOC
            } else if c == b'&' || c == b']' || name_char(c) || c >= 0x80 {
                SYNTAX
            } else {
                INVALID_TOKEN
            };
            return self.err(code, i);
        }
        if b.len() < i + 2 {
            return if fin {
                self.err(UNCLOSED_TOKEN, i)
            } else {
                Ok(None)
            };
        }
        match b[i + 1] {
            b'?' => self.pi(b, i, fin, out),
            b'!' => {
                if starts(b, i, b"<!--", fin)? {
                    return self.comment(b, i, fin, out);
                }
                if self.phase == Phase::Prolog && !self.seen_doctype {
                    if b.len() < i + 9 && !fin && b"<!DOCTYPE".starts_with(&b[i..]) {
                        return Ok(None);
                    }
                    if b[i..].starts_with(b"<!DOCTYPE") {
                        return self.doctype(b, i, fin, out);
                    }
                }
                if b.len() < i + 4 && !fin {
                    return Ok(None);
                }
                let code = if self.phase == Phase::Epilog {
                    JUNK_AFTER_DOC
                } else {
                    SYNTAX
                };
                self.err(code, i)
            }
            x if name_start(x) => {
                if self.phase == Phase::Epilog {
                    return self.err(JUNK_AFTER_DOC, i);
                }
                let r = self.start_tag(b, i, fin, out)?;
                if r.is_some() {
                    self.phase = if self.stack.is_empty() {
                        Phase::Epilog
                    } else {
                        Phase::Content
                    };
                }
                Ok(r)
            }
            _ => {
                let code = if self.phase == Phase::Epilog {
                    JUNK_AFTER_DOC
                } else {
                    INVALID_TOKEN
                };
                self.err(code, if code == INVALID_TOKEN { i + 1 } else { i })
            }
        }
    }

    /// One token of element content.
    fn content(&mut self, b: &[u8], i: usize, fin: bool, out: &mut Vec<(Pos, Ev)>) -> Step {
        match b[i] {
            b'<' => {
                if b.len() < i + 2 {
                    return if fin {
                        self.err(UNCLOSED_TOKEN, i)
                    } else {
                        Ok(None)
                    };
                }
                match b[i + 1] {
                    b'/' => self.end_tag(b, i, fin, out),
                    b'?' => self.pi(b, i, fin, out),
                    b'!' => {
                        if starts(b, i, b"<!--", fin)? {
                            return self.comment(b, i, fin, out);
                        }
                        if starts(b, i, b"<![CDATA[", fin)? {
                            return self.cdata(b, i, fin, out);
                        }
                        if b.len() < i + 9 && !fin {
                            return Ok(None);
                        }
                        self.err(SYNTAX, i)
                    }
                    x if name_start(x) => self.start_tag(b, i, fin, out),
                    _ => self.err(INVALID_TOKEN, i + 1),
                }
            }
            b'&' => self.reference(b, i, fin, out),
            b'\n' => {
                let p = self.pos(i);
                out.push((p, Ev::Chars("\n".into())));
                Ok(Some(i + 1))
            }
            b'\r' => {
                if i + 1 == b.len() && !fin {
                    return Ok(None);
                }
                let p = self.pos(i);
                out.push((p, Ev::Chars("\n".into())));
                let n = if b.get(i + 1) == Some(&b'\n') { 2 } else { 1 };
                Ok(Some(i + n))
            }
            _ => {
                let mut j = i;
                while j < b.len() && !matches!(b[j], b'<' | b'&' | b'\n' | b'\r') {
                    if b[j] == b']' && b[j..].starts_with(b"]]>") {
                        return self.err(INVALID_TOKEN, j + 2);
                    }
                    j += 1;
                }
                if j == b.len() && !fin {
                    // Keep a possible `]]>` and an incomplete character.
                    while j > i && b[j - 1] == b']' {
                        j -= 1;
                    }
                    j = utf8_boundary(b, i, j);
                    if j == i {
                        return Ok(None);
                    }
                }
                self.check_chars(b, i, j)?;
                let p = self.pos(i);
                out.push((p, Ev::Chars(text(&b[i..j]))));
                Ok(Some(j))
            }
        }
    }

    fn check_chars(&mut self, b: &[u8], i: usize, j: usize) -> Result<(), Error> {
        if let Err(e) = std::str::from_utf8(&b[i..j]) {
            return self.err(INVALID_TOKEN, i + e.valid_up_to());
        }
        if let Some(k) = b[i..j]
            .iter()
            .position(|&c| c < 0x20 && !matches!(c, b'\t' | b'\n' | b'\r'))
        {
            return self.err(INVALID_TOKEN, i + k);
        }
        Ok(())
    }

    /// A name starting at `i`: its end (`i` when there is none).
    fn name_end(b: &[u8], i: usize) -> usize {
        if i < b.len() && name_start(b[i]) {
            let mut j = i + 1;
            while j < b.len() && name_char(b[j]) {
                j += 1;
            }
            j
        } else {
            i
        }
    }

    fn start_tag(&mut self, b: &[u8], i: usize, fin: bool, out: &mut Vec<(Pos, Ev)>) -> Step {
        let incomplete = |s: &mut Tok| {
            if fin {
                s.err(UNCLOSED_TOKEN, i)
            } else {
                Ok(None)
            }
        };
        let ne = Self::name_end(b, i + 1);
        let raw = text(&b[i + 1..ne]);
        let mut attrs: Vec<(String, String, usize)> = Vec::new();
        let mut j = ne;
        let empty;
        loop {
            let ws = j;
            while j < b.len() && is_ws(b[j]) {
                j += 1;
            }
            if j >= b.len() {
                return incomplete(self);
            }
            if b[j] == b'>' {
                empty = false;
                j += 1;
                break;
            }
            if b[j] == b'/' {
                if j + 1 >= b.len() {
                    return incomplete(self);
                }
                if b[j + 1] != b'>' {
                    return self.err(INVALID_TOKEN, j + 1);
                }
                empty = true;
                j += 2;
                break;
            }
            if j == ws || !name_start(b[j]) {
                return self.err(INVALID_TOKEN, j);
            }
            let an = j;
            let ae = Self::name_end(b, j);
            j = ae;
            while j < b.len() && is_ws(b[j]) {
                j += 1;
            }
            if j >= b.len() {
                return incomplete(self);
            }
            if b[j] != b'=' {
                return self.err(INVALID_TOKEN, j);
            }
            j += 1;
            while j < b.len() && is_ws(b[j]) {
                j += 1;
            }
            if j >= b.len() {
                return incomplete(self);
            }
            let q = b[j];
            if q != b'"' && q != b'\'' {
                return self.err(INVALID_TOKEN, j);
            }
            let Some(close) = b[j + 1..].iter().position(|&c| c == q) else {
                return incomplete(self);
            };
            let value = self.attr_value(b, j + 1, j + 1 + close)?;
            let name = text(&b[an..ae]);
            if attrs.iter().any(|a| a.0 == name) {
                return self.err(DUPLICATE_ATTRIBUTE, an);
            }
            attrs.push((name, value, an));
            j = j + 2 + close;
        }
        if let Some(defaults) = self.att_defaults.get(&raw) {
            for (n, v) in defaults {
                if !attrs.iter().any(|a| &a.0 == n) {
                    attrs.push((n.clone(), v.clone(), usize::MAX));
                }
            }
        }
        let mut nspec = 0;
        let start_pos = self.pos(i);
        let mut evs = Vec::new();
        let mut nbind = 0;
        let name;
        let mut flat = Vec::new();
        if let Some(sep) = self.ns_sep.clone() {
            let mut rest = Vec::new();
            for (n, v, an) in attrs {
                if n == "xmlns" || n.starts_with("xmlns:") {
                    let prefix = n.strip_prefix("xmlns:").map(str::to_string);
                    if prefix.is_some() && v.is_empty() {
                        let _ = an;
                        return self.err(UNDECLARING_PREFIX, i);
                    }
                    let uri = if v.is_empty() { None } else { Some(v) };
                    evs.push((start_pos, Ev::NsStart(prefix.clone(), uri.clone())));
                    self.bindings.push((prefix, uri));
                    nbind += 1;
                } else {
                    rest.push((n, v, an));
                }
            }
            let en = self.expand(&raw, true, &sep);
            let Some(en) = en else {
                self.bindings.truncate(self.bindings.len() - nbind);
                return self.err(UNBOUND_PREFIX, i);
            };
            name = en;
            for (n, v, an) in rest {
                let Some(x) = self.expand(&n, false, &sep) else {
                    self.bindings.truncate(self.bindings.len() - nbind);
                    return self.err(UNBOUND_PREFIX, an);
                };
                if flat.chunks(2).any(|c: &[String]| c[0] == x) {
                    self.bindings.truncate(self.bindings.len() - nbind);
                    return self.err(DUPLICATE_ATTRIBUTE, an);
                }
                nspec += usize::from(an != usize::MAX);
                flat.push(x);
                flat.push(v);
            }
        } else {
            name = raw.clone();
            for (n, v, an) in attrs {
                nspec += usize::from(an != usize::MAX);
                flat.push(n);
                flat.push(v);
            }
        }
        evs.push((start_pos, Ev::Start(name.clone(), flat, nspec)));
        if empty {
            let p = self.pos(j);
            evs.push((p, Ev::End(name)));
            for k in 0..nbind {
                let (prefix, _) = self.bindings.pop().unwrap_or((None, None));
                let _ = k;
                evs.push((p, Ev::NsEnd(prefix)));
            }
        } else {
            self.stack.push(Open { raw, name, nbind });
        }
        out.append(&mut evs);
        Ok(Some(j))
    }

    /// A qualified name in namespace terms (`None`: unbound prefix).
    fn expand(&self, qname: &str, element: bool, sep: &str) -> Option<String> {
        let (prefix, local) = match qname.split_once(':') {
            Some((p, l)) => (Some(p), l),
            None => (None, qname),
        };
        let uri: Option<String> = match prefix {
            Some("xml") => Some(XML_NS.to_string()),
            Some(p) => Some(
                self.bindings
                    .iter()
                    .rev()
                    .find(|b| b.0.as_deref() == Some(p))?
                    .1
                    .clone()?,
            ),
            None if element => self
                .bindings
                .iter()
                .rev()
                .find(|b| b.0.is_none())
                .and_then(|b| b.1.clone()),
            None => None,
        };
        Some(match uri {
            None => local.to_string(),
            Some(u) => match prefix {
                Some(p) if self.ns_prefixes => format!("{u}{sep}{local}{sep}{p}"),
                _ => format!("{u}{sep}{local}"),
            },
        })
    }

    /// An attribute value between `s` and `e`, normalized.
    fn attr_value(&mut self, b: &[u8], s: usize, e: usize) -> Result<String, Error> {
        let mut v = String::new();
        let mut k = s;
        while k < e {
            match b[k] {
                b'<' => return self.err(INVALID_TOKEN, k),
                b'&' => {
                    let (end, rep) = self.parse_ref(b, k, e)?;
                    match rep {
                        Ref::Char(c) => v.push(c),
                        Ref::Entity(name) => {
                            if let Some(t) = self.entity_text(&name, k)? {
                                if self.expanding.contains(&name) {
                                    return self.err(RECURSIVE_ENTITY, k);
                                }
                                self.expanding.push(name);
                                let tb = t.into_bytes();
                                let r = self.attr_value(&tb, 0, tb.len());
                                self.expanding.pop();
                                v.push_str(&r?);
                            }
                        }
                    }
                    k = end;
                }
                b'\t' | b'\n' => {
                    v.push(' ');
                    k += 1;
                }
                b'\r' => {
                    v.push(' ');
                    k += if b.get(k + 1) == Some(&b'\n') { 2 } else { 1 };
                }
                _ => {
                    let n = utf8_len(b[k]).min(e - k);
                    self.check_chars(b, k, k + n)?;
                    v.push_str(&text(&b[k..k + n]));
                    k += n;
                }
            }
        }
        Ok(v)
    }

    /// The replacement text of a general entity: predefined ones are
    /// handled by `parse_ref`; `None` for an external or skipped one.
    fn entity_text(&mut self, name: &str, at: usize) -> Result<Option<String>, Error> {
        match self.entities.get(name) {
            Some(Some(t)) => Ok(Some(t.clone())),
            Some(None) => Ok(None),
            None if self.external_dtd => Ok(None),
            None => self.err(UNDEFINED_ENTITY, at),
        }
    }

    /// A reference at `k` (`&`), ending before `limit`.
    fn parse_ref(&mut self, b: &[u8], k: usize, limit: usize) -> Result<(usize, Ref), Error> {
        let mut j = k + 1;
        if j < limit && b[j] == b'#' {
            j += 1;
            let hex = j < limit && b[j] == b'x';
            if hex {
                j += 1;
            }
            let ds = j;
            while j < limit && (b[j].is_ascii_hexdigit() && (hex || b[j].is_ascii_digit())) {
                j += 1;
            }
            if j >= limit {
                return Err((UNCLOSED_TOKEN, self.pos(k)));
            }
            if j == ds || b[j] != b';' {
                return self.err(INVALID_TOKEN, j);
            }
            let digits = std::str::from_utf8(&b[ds..j]).unwrap_or("0");
            let n = u32::from_str_radix(digits, if hex { 16 } else { 10 }).unwrap_or(0x110000);
            let ok =
                matches!(n, 0x9 | 0xa | 0xd | 0x20..=0xd7ff | 0xe000..=0xfffd | 0x10000..=0x10ffff);
            return match char::from_u32(n) {
                Some(c) if ok => Ok((j + 1, Ref::Char(c))),
                _ => self.err(BAD_CHAR_REF, k),
            };
        }
        let ne = Self::name_end(b, j);
        if ne == j {
            return self.err(INVALID_TOKEN, j);
        }
        if ne >= limit {
            return Err((UNCLOSED_TOKEN, self.pos(k)));
        }
        if b[ne] != b';' {
            return self.err(INVALID_TOKEN, ne);
        }
        let name = text(&b[j..ne]);
        let c = match name.as_str() {
            "lt" => '<',
            "gt" => '>',
            "amp" => '&',
            "apos" => '\'',
            "quot" => '"',
            _ => return Ok((ne + 1, Ref::Entity(name))),
        };
        Ok((ne + 1, Ref::Char(c)))
    }

    fn reference(&mut self, b: &[u8], i: usize, fin: bool, out: &mut Vec<(Pos, Ev)>) -> Step {
        let r = self.parse_ref(b, i, b.len());
        let (end, rep) = match r {
            Err((UNCLOSED_TOKEN, _)) if !fin => return Ok(None),
            Err(e) => return Err(e),
            Ok(x) => x,
        };
        let p = self.pos(i);
        match rep {
            Ref::Char(c) => out.push((p, Ev::Chars(c.to_string()))),
            Ref::Entity(name) => match self.entity_text(&name, i)? {
                None => out.push((p, Ev::Default(text(&b[i..end])))),
                Some(t) => {
                    if self.expanding.contains(&name) {
                        return self.err(RECURSIVE_ENTITY, i);
                    }
                    out.push((p, Ev::EntStart(text(&b[i..end]))));
                    let saved = self.ent_pos;
                    self.ent_pos = Some(p);
                    self.expanding.push(name);
                    let depth = self.stack.len();
                    let tb = t.into_bytes();
                    let mut k = 0;
                    let mut r = Ok(());
                    while k < tb.len() {
                        match self.content(&tb, k, true, out) {
                            Ok(Some(e)) => k = e,
                            Ok(None) => break,
                            Err(e) => {
                                r = Err(e);
                                break;
                            }
                        }
                    }
                    self.expanding.pop();
                    self.ent_pos = saved;
                    r?;
                    if self.stack.len() != depth {
                        return self.err(ASYNC_ENTITY, i);
                    }
                    out.push((p, Ev::EntEnd));
                }
            },
        }
        Ok(Some(end))
    }

    fn end_tag(&mut self, b: &[u8], i: usize, fin: bool, out: &mut Vec<(Pos, Ev)>) -> Step {
        let ne = Self::name_end(b, i + 2);
        let mut j = ne;
        while j < b.len() && is_ws(b[j]) {
            j += 1;
        }
        if j >= b.len() {
            return if fin {
                self.err(UNCLOSED_TOKEN, i)
            } else {
                Ok(None)
            };
        }
        if ne == i + 2 || b[j] != b'>' {
            return self.err(INVALID_TOKEN, j);
        }
        let raw = text(&b[i + 2..ne]);
        match self.stack.last() {
            Some(o) if o.raw == raw => {}
            _ => return self.err(TAG_MISMATCH, i + 2),
        }
        let p = self.pos(i);
        let Some(o) = self.stack.pop() else {
            return self.err(TAG_MISMATCH, i + 2);
        };
        out.push((p, Ev::End(o.name)));
        for _ in 0..o.nbind {
            let (prefix, _) = self.bindings.pop().unwrap_or((None, None));
            out.push((p, Ev::NsEnd(prefix)));
        }
        if self.stack.is_empty() && self.ent_pos.is_none() {
            self.phase = Phase::Epilog;
        }
        Ok(Some(j + 1))
    }

    fn comment(&mut self, b: &[u8], i: usize, fin: bool, out: &mut Vec<(Pos, Ev)>) -> Step {
        let body = i + 4;
        let Some(k) = find(b, body, b"--") else {
            return if fin {
                self.err(UNCLOSED_TOKEN, i)
            } else {
                Ok(None)
            };
        };
        if k + 2 >= b.len() {
            return if fin {
                self.err(UNCLOSED_TOKEN, i)
            } else {
                Ok(None)
            };
        }
        if b[k + 2] != b'>' {
            return self.err(INVALID_TOKEN, k + 2);
        }
        self.check_chars(b, body, k)?;
        let p = self.pos(i);
        out.push((p, Ev::Comment(newlines(&b[body..k]))));
        Ok(Some(k + 3))
    }

    fn cdata(&mut self, b: &[u8], i: usize, fin: bool, out: &mut Vec<(Pos, Ev)>) -> Step {
        let body = i + 9;
        let Some(k) = find(b, body, b"]]>") else {
            return if fin {
                self.err(UNCLOSED_CDATA, i)
            } else {
                Ok(None)
            };
        };
        self.check_chars(b, body, k)?;
        let p = self.pos(i);
        out.push((p, Ev::StartCdata));
        let mut s = body;
        while s < k {
            let mut e = s;
            if matches!(b[s], b'\n' | b'\r') {
                let p = self.pos(s);
                out.push((p, Ev::Chars("\n".into())));
                s += if b[s] == b'\r' && b.get(s + 1) == Some(&b'\n') {
                    2
                } else {
                    1
                };
                continue;
            }
            while e < k && !matches!(b[e], b'\n' | b'\r') {
                e += 1;
            }
            let p = self.pos(s);
            out.push((p, Ev::Chars(text(&b[s..e]))));
            s = e;
        }
        let p = self.pos(k);
        out.push((p, Ev::EndCdata));
        Ok(Some(k + 3))
    }

    fn pi(&mut self, b: &[u8], i: usize, fin: bool, out: &mut Vec<(Pos, Ev)>) -> Step {
        let ne = Self::name_end(b, i + 2);
        if ne == i + 2 {
            if ne >= b.len() && !fin {
                return Ok(None);
            }
            return self.err(INVALID_TOKEN, i + 2);
        }
        let Some(k) = find(b, ne, b"?>") else {
            return if fin {
                self.err(UNCLOSED_TOKEN, i)
            } else {
                Ok(None)
            };
        };
        let target = text(&b[i + 2..ne]);
        if ne < k && !is_ws(b[ne]) {
            return self.err(INVALID_TOKEN, ne);
        }
        let mut ds = ne;
        while ds < k && is_ws(b[ds]) {
            ds += 1;
        }
        self.check_chars(b, ds, k)?;
        let data = newlines(&b[ds..k]);
        let p = self.pos(i);
        if target.eq_ignore_ascii_case("xml") {
            if target != "xml" || i != 0 || self.started || self.ent_pos.is_some() {
                if self.phase == Phase::Epilog {
                    return self.err(JUNK_AFTER_DOC, i);
                }
                return self.err(MISPLACED_XML_PI, i);
            }
            let Some((version, encoding, standalone)) = parse_decl(&data) else {
                return self.err(XML_DECL, i);
            };
            out.push((p, Ev::XmlDecl(version, encoding, standalone)));
        } else {
            out.push((p, Ev::Pi(target, data)));
        }
        Ok(Some(k + 2))
    }

    fn doctype(&mut self, b: &[u8], i: usize, fin: bool, out: &mut Vec<(Pos, Ev)>) -> Step {
        let incomplete = |s: &mut Tok| {
            if fin {
                s.err(UNCLOSED_TOKEN, i)
            } else {
                Ok(None)
            }
        };
        let mut j = i + 9;
        let skip_ws = |j: &mut usize| {
            while *j < b.len() && is_ws(b[*j]) {
                *j += 1;
            }
        };
        skip_ws(&mut j);
        let ne = Self::name_end(b, j);
        if ne >= b.len() {
            return incomplete(self);
        }
        if ne == j {
            return self.err(SYNTAX, j);
        }
        let name = text(&b[j..ne]);
        j = ne;
        skip_ws(&mut j);
        let (mut sysid, mut pubid) = (None, None);
        for kw in [&b"PUBLIC"[..], &b"SYSTEM"[..]] {
            if b[j..].starts_with(kw) {
                j += 6;
                let n = if kw == b"PUBLIC" { 2 } else { 1 };
                for k in 0..n {
                    skip_ws(&mut j);
                    if j >= b.len() {
                        return incomplete(self);
                    }
                    let q = b[j];
                    if q != b'"' && q != b'\'' {
                        return self.err(SYNTAX, j);
                    }
                    let Some(c) = b[j + 1..].iter().position(|&x| x == q) else {
                        return incomplete(self);
                    };
                    let lit = text(&b[j + 1..j + 1 + c]);
                    if n == 2 && k == 0 {
                        pubid = Some(lit);
                    } else {
                        sysid = Some(lit);
                    }
                    j += c + 2;
                }
                skip_ws(&mut j);
            }
        }
        if j >= b.len() {
            return incomplete(self);
        }
        let mut evs = Vec::new();
        let internal = b[j] == b'[';
        if b[j] != b'>' && !internal {
            return self.err(SYNTAX, j);
        }
        let p = self.pos(j);
        evs.push((p, Ev::StartDoctype(name, sysid.clone(), pubid, internal)));
        if internal {
            j += 1;
            loop {
                skip_ws(&mut j);
                if j >= b.len() {
                    return incomplete(self);
                }
                if b[j] == b']' {
                    j += 1;
                    skip_ws(&mut j);
                    if j >= b.len() {
                        return incomplete(self);
                    }
                    if b[j] != b'>' {
                        return self.err(SYNTAX, j);
                    }
                    break;
                }
                let r = if b[j..].starts_with(b"<!--") {
                    self.comment(b, j, fin, &mut evs)?
                } else if b[j..].starts_with(b"<?") {
                    self.pi(b, j, fin, &mut evs)?
                } else if b[j..].starts_with(b"<!ENTITY") {
                    self.entity_decl(b, j, fin, &mut evs)?
                } else if b[j] == b'<' {
                    self.markup_decl(b, j, fin, &mut evs)?
                } else if b[j] == b'<' || b[j] == b'%' {
                    match decl_end(b, j) {
                        Some(e) => {
                            let p = self.pos(j);
                            evs.push((p, Ev::Default(text(&b[j..e]))));
                            Some(e)
                        }
                        None => return incomplete(self),
                    }
                } else {
                    return self.err(SYNTAX, j);
                };
                match r {
                    Some(e) => j = e,
                    None => return Ok(None),
                }
            }
        }
        if sysid.is_some() {
            self.external_dtd = true;
        }
        let p = self.pos(j);
        evs.push((p, Ev::EndDoctype));
        self.seen_doctype = true;
        out.append(&mut evs);
        Ok(Some(j + 1))
    }

    fn entity_decl(&mut self, b: &[u8], i: usize, fin: bool, out: &mut Vec<(Pos, Ev)>) -> Step {
        let Some(end) = decl_end(b, i) else {
            return if fin {
                self.err(UNCLOSED_TOKEN, i)
            } else {
                Ok(None)
            };
        };
        let body = String::from_utf8_lossy(&b[i + 8..end - 1]).into_owned();
        let mut toks = Vec::new();
        let mut offs = Vec::new();
        let mut rest = body.trim_start();
        while !rest.is_empty() {
            let c = rest.as_bytes()[0];
            if c == b'"' || c == b'\'' {
                let Some(e) = rest[1..].find(c as char) else {
                    return self.err(SYNTAX, i);
                };
                offs.push(body.len() - rest.len());
                toks.push((true, rest[1..1 + e].to_string()));
                rest = &rest[e + 2..];
            } else {
                let e = rest
                    .find(|x: char| x.is_ascii_whitespace())
                    .unwrap_or(rest.len());
                offs.push(body.len() - rest.len());
                toks.push((false, rest[..e].to_string()));
                rest = &rest[e..];
            }
            rest = rest.trim_start();
        }
        let param = toks.first().is_some_and(|t| !t.0 && t.1 == "%");
        if param {
            toks.remove(0);
            offs.remove(0);
        }
        let Some((false, name)) = toks.first().cloned() else {
            return self.err(SYNTAX, i);
        };
        let at = match toks.get(1) {
            Some((true, _)) => i + 8 + offs[1],
            _ => end - 1,
        };
        let p = self.pos(at);
        let ev = match toks.get(1) {
            Some((true, v)) if toks.len() == 2 => {
                let v = expand_char_refs(v);
                if !param {
                    self.entities.entry(name.clone()).or_insert(Some(v.clone()));
                }
                Ev::EntityDecl(name, param, Some(v), None, None, None)
            }
            Some((false, kw)) if kw == "SYSTEM" || kw == "PUBLIC" => {
                let lit = |k: usize| toks.get(k).filter(|t| t.0).map(|t| t.1.clone());
                let (pubid, sysid, next) = if kw == "PUBLIC" {
                    (lit(2), lit(3), 4)
                } else {
                    (None, lit(2), 3)
                };
                if sysid.is_none() {
                    return self.err(SYNTAX, i);
                }
                let notation = match (toks.get(next), toks.get(next + 1)) {
                    (Some((false, nd)), Some((false, n))) if nd == "NDATA" => Some(n.clone()),
                    _ => None,
                };
                if !param {
                    self.entities.entry(name.clone()).or_insert(None);
                }
                Ev::EntityDecl(name, param, None, sysid, pubid, notation)
            }
            _ => return self.err(SYNTAX, i),
        };
        out.push((p, ev));
        Ok(Some(end))
    }
}

enum Ref {
    Char(char),
    Entity(String),
}

/// Whether `b[i..]` starts with `pat`; `Err` never, `Ok(false)` also when
/// too short to tell and final.
fn starts(b: &[u8], i: usize, pat: &[u8], _fin: bool) -> Result<bool, Error> {
    Ok(b[i..].starts_with(pat))
}

fn find(b: &[u8], from: usize, pat: &[u8]) -> Option<usize> {
    if from > b.len() {
        return None;
    }
    b[from..]
        .windows(pat.len())
        .position(|w| w == pat)
        .map(|k| k + from)
}

/// The end (after `>`) of a markup declaration at `i`, skipping quoted
/// literals.
fn decl_end(b: &[u8], i: usize) -> Option<usize> {
    let mut k = i;
    let mut q = 0u8;
    while k < b.len() {
        let c = b[k];
        if q != 0 {
            if c == q {
                q = 0;
            }
        } else if c == b'"' || c == b'\'' {
            q = c;
        } else if c == b'>' || (c == b';' && b[i] == b'%') {
            return Some(k + 1);
        }
        k += 1;
    }
    None
}

fn utf8_len(b: u8) -> usize {
    match b {
        0xf0..=0xff => 4,
        0xe0..=0xef => 3,
        0xc0..=0xdf => 2,
        _ => 1,
    }
}

/// `j` moved back so that `b[i..j]` does not end inside a UTF-8 sequence.
fn utf8_boundary(b: &[u8], i: usize, j: usize) -> usize {
    let mut k = j;
    while k > i && b[k - 1] & 0xc0 == 0x80 {
        k -= 1;
    }
    if k > i && b[k - 1] >= 0xc0 {
        let start = k - 1;
        if start + utf8_len(b[start]) > j {
            return start;
        }
    }
    j
}

/// Text with CR LF and CR made LF.
fn newlines(b: &[u8]) -> String {
    text(b).replace("\r\n", "\n").replace('\r', "\n")
}

fn expand_char_refs(v: &str) -> String {
    let mut out = String::new();
    let mut rest = v;
    while let Some(k) = rest.find("&#") {
        out.push_str(&rest[..k]);
        let after = &rest[k + 2..];
        let Some(semi) = after.find(';') else {
            out.push_str(&rest[k..]);
            return out;
        };
        let digits = &after[..semi];
        let n = match digits.strip_prefix('x') {
            Some(h) => u32::from_str_radix(h, 16).ok(),
            None => digits.parse().ok(),
        };
        match n.and_then(char::from_u32) {
            Some(c) => out.push(c),
            None => out.push_str(&rest[k..k + 3 + semi]),
        }
        rest = &after[semi + 1..];
    }
    out.push_str(rest);
    out
}

/// The `encoding` pseudo-attribute of an XML declaration's text.
fn decl_encoding(head: &[u8]) -> Option<String> {
    let s = String::from_utf8_lossy(head);
    let (_, enc, _) = parse_decl(s.strip_prefix("<?xml")?.trim_start())?;
    enc
}

/// version, encoding and standalone of an XML declaration's data.
fn parse_decl(data: &str) -> Option<(String, Option<String>, i64)> {
    let mut rest = data.trim();
    let mut fields = Vec::new();
    while !rest.is_empty() {
        let eq = rest.find('=')?;
        let name = rest[..eq].trim();
        let after = rest[eq + 1..].trim_start();
        let q = after.chars().next()?;
        if q != '"' && q != '\'' {
            return None;
        }
        let close = after[1..].find(q)?;
        fields.push((name.to_string(), after[1..1 + close].to_string()));
        let tail = &after[close + 2..];
        if !tail.is_empty() && !tail.starts_with(|c: char| c.is_ascii_whitespace()) {
            return None;
        }
        rest = tail.trim_start();
    }
    let mut it = fields.into_iter().peekable();
    let (n, version) = it.next()?;
    if n != "version" {
        return None;
    }
    let mut encoding = None;
    let mut standalone = -1;
    if let Some((n, _)) = it.peek()
        && n == "encoding"
    {
        encoding = it.next().map(|f| f.1);
    }
    if let Some((n, v)) = it.next() {
        if n != "standalone" {
            return None;
        }
        standalone = match v.as_str() {
            "yes" => 1,
            "no" => 0,
            _ => return None,
        };
    }
    if it.next().is_some() {
        return None;
    }
    Some((version, encoding, standalone))
}
