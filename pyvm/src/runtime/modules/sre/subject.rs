//! Running the matcher over a Python `str` or bytes-like subject, and
//! slicing results out of it.

use pyvm_objmodel::Value;

use crate::runtime::exception::PyResult;
use crate::runtime::heap::Vm;
use crate::runtime::layout::Kind;
use crate::sre::{Matcher, Subject};

/// What a match found: the span of every group (0 = whole match), and the
/// last group closed.
pub(super) struct Found {
    pub spans: Vec<Option<(usize, usize)>>,
    pub lastindex: Option<usize>,
}

/// How to run the program.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Mode {
    /// `Pattern.match`: anchored at `pos`.
    Match,
    /// `Pattern.fullmatch`: anchored at both ends.
    FullMatch,
    /// `Pattern.search`: the first match at `pos` or later.
    Search,
}

/// A subject decoded for matching: borrowed bytes when every character is
/// one byte (ASCII `str`, `bytes`), else the code points.
pub(super) enum Text {
    /// One byte per character: read from the object at match time.
    Narrow,
    /// Decoded code points of a non-ASCII `str`.
    Wide(Vec<u32>),
}

impl Vm {
    /// The subject's characters: `(is_str, length in characters)`; `None`
    /// when the object is not a string or bytes-like object.
    pub(super) fn sre_subject_kind(&self, s: Value) -> Option<(bool, usize)> {
        match self.kind_of(s) {
            Some(Kind::Str) => Some((true, self.str_chars(s))),
            Some(Kind::Bytes) => Some((false, self.str_bytes(s).len())),
            _ => None,
        }
    }

    /// Prepares `s` for matching (decoding non-ASCII text once).
    pub(super) fn sre_text(&self, s: Value) -> Text {
        if self.kind_of(s) == Some(Kind::Str) && self.str_chars(s) != self.str_bytes(s).len() {
            return Text::Wide(decode_gen_utf8(self.str_bytes(s)));
        }
        Text::Narrow
    }

    /// Runs `code` over `s[..end]` from `pos`; what it found.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn sre_run(
        &self,
        code: &[u32],
        s: Value,
        text: &Text,
        pos: usize,
        end: usize,
        mode: Mode,
        must_advance: bool,
        groups: usize,
    ) -> Option<Found> {
        match text {
            Text::Wide(v) => run(code, &v[..], pos, end, mode, must_advance, groups),
            Text::Narrow => {
                let bytes = self.str_bytes(s);
                run(code, bytes, pos, end, mode, must_advance, groups)
            }
        }
    }

    /// `s[a:b]` (character indices) as a new object of the subject's type.
    pub(super) fn sre_slice(&mut self, s: Value, a: usize, b: usize) -> PyResult<Value> {
        if self.kind_of(s) == Some(Kind::Bytes) {
            let piece = self.str_bytes(s)[a..b].to_vec();
            return self.new_bytes(&piece);
        }
        let bytes = self.str_bytes(s);
        if self.str_chars(s) == bytes.len() {
            let piece = bytes[a..b].to_vec();
            return self.alloc_str_bytes(&piece, b - a);
        }
        let (ba, bb) = char_range_to_bytes(bytes, a, b);
        let piece = bytes[ba..bb].to_vec();
        self.alloc_str_bytes(&piece, b - a)
    }
}

fn run<S: Subject + ?Sized>(
    code: &[u32],
    s: &S,
    pos: usize,
    end: usize,
    mode: Mode,
    must_advance: bool,
    groups: usize,
) -> Option<Found> {
    let mut m = Matcher::new(code, s, end);
    m.must_advance = must_advance;
    m.match_all = mode == Mode::FullMatch;
    let (start, stop) = match mode {
        Mode::Search => m.search(pos)?,
        Mode::Match | Mode::FullMatch => (pos, m.match_at(pos)?),
    };
    let mut spans = vec![Some((start, stop))];
    for g in 1..=groups {
        spans.push(m.group_span(g));
    }
    Some(Found {
        spans,
        lastindex: m.lastindex(),
    })
}

/// Code points of generalized UTF-8 (lone surrogates encoded as 3 bytes).
fn decode_gen_utf8(b: &[u8]) -> Vec<u32> {
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let (n, init) = match c {
            0..=0x7f => (1, c as u32),
            0xc0..=0xdf => (2, (c & 0x1f) as u32),
            0xe0..=0xef => (3, (c & 0x0f) as u32),
            _ => (4, (c & 0x07) as u32),
        };
        let mut cp = init;
        for k in 1..n {
            cp = (cp << 6) | (b.get(i + k).copied().unwrap_or(0x80) & 0x3f) as u32;
        }
        out.push(cp);
        i += n;
    }
    out
}

/// Byte offsets of the character range `a..b` in generalized UTF-8.
fn char_range_to_bytes(bytes: &[u8], a: usize, b: usize) -> (usize, usize) {
    let mut chars = 0;
    let (mut ba, mut bb) = (bytes.len(), bytes.len());
    for (i, &c) in bytes.iter().enumerate() {
        if c & 0xc0 != 0x80 {
            if chars == a {
                ba = i;
            }
            if chars == b {
                bb = i;
                break;
            }
            chars += 1;
        }
    }
    if a == b {
        bb = ba;
    }
    (ba, bb)
}
