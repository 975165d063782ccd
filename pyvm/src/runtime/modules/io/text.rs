//! Text layers: the encoding/newline state of a `TextIOWrapper`, and the
//! `StringIO` buffer. Pure Rust (no heap objects).
//!
//! A `TextIOWrapper` decodes with the codecs of `text_codec.rs` into code
//! points (so `surrogateescape` round-trips bytes that are not valid in
//! the encoding) and keeps its read-ahead as code points.

use std::cell::RefCell;
use std::rc::Rc;

use super::file::{FdFile, ReadError};
use crate::runtime::text_codec::{self as tc, CodecFail, Handler};

/// A text encoding (any codec of `text_codec.rs`).
pub type Encoding = tc::Encoding;

/// The encoding for a Python name (`locale` is UTF-8 here), if supported.
pub fn lookup_encoding(name: &str) -> Option<Encoding> {
    if name.eq_ignore_ascii_case("locale") {
        return Some(Encoding::Utf8 { sig: false });
    }
    tc::lookup_encoding(name)
}

/// The error handler for a Python name (None for an unknown name).
pub fn errors_lookup(name: &str) -> Option<Handler> {
    match tc::lookup_handler(name) {
        Handler::Unknown(_) => None,
        h => Some(h),
    }
}

/// The name of a handler, as the `errors` attribute reports it.
pub fn handler_name(h: &Handler) -> &str {
    match h {
        Handler::Strict => "strict",
        Handler::Ignore => "ignore",
        Handler::Replace => "replace",
        Handler::BackslashReplace => "backslashreplace",
        Handler::XmlCharRefReplace => "xmlcharrefreplace",
        Handler::SurrogateEscape => "surrogateescape",
        Handler::SurrogatePass => "surrogatepass",
        Handler::Unknown(n) => n,
    }
}

/// The encoding once past the start of a stream: no byte order mark.
fn without_bom(e: Encoding) -> Encoding {
    match e {
        Encoding::Utf8 { .. } => Encoding::Utf8 { sig: false },
        Encoding::Utf16 { be: None } => Encoding::Utf16 { be: Some(false) },
        Encoding::Utf32 { be: None } => Encoding::Utf32 { be: Some(false) },
        e => e,
    }
}

/// The `newline=` setting.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Newline {
    /// `None`: universal newlines on input, translated to `\n`.
    Universal,
    /// `''`: universal newlines on input, returned untranslated.
    UniversalRaw,
    /// `'\n'`, `'\r'` or `'\r\n'`: the only line ending; output `\n` is
    /// written as it.
    Fixed(String),
}

const CR: u32 = '\r' as u32;
const LF: u32 = '\n' as u32;

/// The state of a `TextIOWrapper`.
pub struct TextState {
    /// The file under the buffer.
    pub file: Rc<RefCell<FdFile>>,
    /// The encoding (the BOM-less form once the stream has started).
    pub encoding: Encoding,
    /// The error handler.
    pub errors: Handler,
    /// The newline mode.
    pub newline: Newline,
    /// Flush after writing text containing a newline.
    pub line_buffering: bool,
    /// Decoded code points read ahead, untranslated.
    pub pending: Vec<u32>,
    /// Undecoded bytes (an incomplete sequence at a chunk end).
    pub undecoded: Vec<u8>,
}

/// Why text reading stopped.
pub enum TextReadError {
    /// Reading failed.
    Read(ReadError),
    /// Decoding failed (the failure and the bytes being decoded).
    Codec(CodecFail, Vec<u8>),
}

impl From<ReadError> for TextReadError {
    fn from(e: ReadError) -> Self {
        TextReadError::Read(e)
    }
}

impl TextState {
    /// A text layer over `file`.
    pub fn new(
        file: Rc<RefCell<FdFile>>,
        encoding: Encoding,
        errors: Handler,
        newline: Newline,
        line_buffering: bool,
    ) -> TextState {
        TextState {
            file,
            encoding,
            errors,
            newline,
            line_buffering,
            pending: Vec::new(),
            undecoded: Vec::new(),
        }
    }

    /// Reads one more chunk into `pending`; false at end of file.
    fn fill(&mut self) -> Result<bool, TextReadError> {
        let chunk = {
            let mut f = self.file.borrow_mut();
            if !f.peek_more()? {
                Vec::new()
            } else {
                let n = f.rbuf.len() - f.rpos;
                f.read(Some(n))?
            }
        };
        let at_eof = chunk.is_empty();
        let mut data = std::mem::take(&mut self.undecoded);
        data.extend_from_slice(&chunk);
        if data.is_empty() {
            return Ok(false);
        }
        let cut = if at_eof {
            data.len()
        } else {
            complete_prefix(&data, self.encoding)
        };
        if cut == 0 {
            self.undecoded = data;
            return Ok(true);
        }
        let enc = self.encoding;
        let cps = tc::decode(&data[..cut], enc, &self.errors)
            .map_err(|f| TextReadError::Codec(f, data[..cut].to_vec()))?;
        // The first chunk settles the byte order; no BOM after it.
        self.encoding = match enc {
            Encoding::Utf16 { be: None } => Encoding::Utf16 {
                be: Some(data.starts_with(&[0xfe, 0xff])),
            },
            Encoding::Utf32 { be: None } => Encoding::Utf32 {
                be: Some(data.starts_with(&[0, 0, 0xfe, 0xff])),
            },
            e => without_bom(e),
        };
        self.undecoded = data[cut..].to_vec();
        let got = !cps.is_empty();
        self.pending.extend_from_slice(&cps);
        Ok(!at_eof || got)
    }

    /// Translates line endings of code points taken from `pending`.
    fn translate(&self, s: Vec<u32>) -> Vec<u32> {
        if self.newline != Newline::Universal || !s.contains(&CR) {
            return s;
        }
        let mut out = Vec::with_capacity(s.len());
        let mut i = 0;
        while i < s.len() {
            if s[i] == CR {
                out.push(LF);
                if s.get(i + 1) == Some(&LF) {
                    i += 1;
                }
            } else {
                out.push(s[i]);
            }
            i += 1;
        }
        out
    }

    /// Reads all remaining text (`n` = None) or up to `n` characters.
    pub fn read(&mut self, n: Option<usize>) -> Result<Vec<u32>, TextReadError> {
        match n {
            None => {
                while self.fill()? {}
                let all = std::mem::take(&mut self.pending);
                Ok(self.translate(all))
            }
            Some(n) => {
                loop {
                    let have = self.pending.len();
                    // A trailing '\r' may be the first half of "\r\n".
                    if have > n || (have == n && self.pending.last() != Some(&CR)) {
                        break;
                    }
                    if !self.fill()? {
                        break;
                    }
                }
                let universal = self.newline == Newline::Universal;
                let mut out = Vec::new();
                let mut i = 0;
                while out.len() < n && i < self.pending.len() {
                    let c = self.pending[i];
                    if c == CR && universal {
                        out.push(LF);
                        if self.pending.get(i + 1) == Some(&LF) {
                            i += 1;
                        }
                    } else {
                        out.push(c);
                    }
                    i += 1;
                }
                self.pending.drain(..i);
                Ok(out)
            }
        }
    }

    /// Reads one line (with its ending, translated per the newline mode).
    pub fn readline(&mut self, limit: Option<usize>) -> Result<Vec<u32>, TextReadError> {
        loop {
            if let Some(end) = self.line_end() {
                let line: Vec<u32> = self.pending.drain(..end).collect();
                return Ok(self.limit_line(line, limit));
            }
            if let Some(l) = limit
                && self.pending.len() >= l
            {
                let line: Vec<u32> = self.pending.drain(..l).collect();
                return Ok(self.translate(line));
            }
            if !self.fill()? {
                let line = std::mem::take(&mut self.pending);
                return Ok(self.limit_line(line, limit));
            }
        }
    }

    fn limit_line(&mut self, mut line: Vec<u32>, limit: Option<usize>) -> Vec<u32> {
        if let Some(l) = limit
            && line.len() > l
        {
            let rest = line.split_off(l);
            self.pending.splice(0..0, rest);
        }
        self.translate(line)
    }

    /// Index just after the first complete line ending in `pending`.
    fn line_end(&self) -> Option<usize> {
        let p = &self.pending;
        match &self.newline {
            Newline::Fixed(nl) => {
                let nl: Vec<u32> = nl.chars().map(|c| c as u32).collect();
                p.windows(nl.len())
                    .position(|w| w == nl.as_slice())
                    .map(|i| i + nl.len())
            }
            _ => {
                let i = p.iter().position(|&c| c == LF || c == CR)?;
                if p[i] == LF {
                    return Some(i + 1);
                }
                match p.get(i + 1) {
                    Some(&LF) => Some(i + 2),
                    Some(_) => Some(i + 1),
                    // A '\r' at the end: only a line end if no '\n' follows.
                    None if self.file.borrow().eof => Some(i + 1),
                    None => None,
                }
            }
        }
    }

    /// Encodes the code points `s` to write, translating `\n` per the
    /// newline mode; the first write at the start of the stream writes the
    /// encoding's byte order mark, later ones do not.
    pub fn encode_for_write(&mut self, s: &[u32]) -> Result<Vec<u8>, CodecFail> {
        let translated;
        let s = match &self.newline {
            Newline::Fixed(nl) if nl != "\n" && s.contains(&LF) => {
                let nl: Vec<u32> = nl.chars().map(|c| c as u32).collect();
                let mut out = Vec::with_capacity(s.len() + 8);
                for &c in s {
                    if c == LF {
                        out.extend_from_slice(&nl);
                    } else {
                        out.push(c);
                    }
                }
                translated = out;
                translated.as_slice()
            }
            _ => s,
        };
        let mut enc = self.encoding;
        let bomless = without_bom(enc);
        if bomless != enc {
            let at_start = self
                .file
                .borrow_mut()
                .tell()
                .map(|p| p == 0)
                .unwrap_or(true);
            if !at_start {
                enc = bomless;
            }
            self.encoding = bomless;
        }
        tc::encode(s, enc, &self.errors)
    }

    /// Bytes of read-ahead (to subtract from the file position in `tell`).
    pub fn read_ahead_bytes(&self) -> usize {
        let enc = tc::encode(&self.pending, self.encoding, &Handler::SurrogateEscape)
            .map(|b| b.len())
            .unwrap_or(self.pending.len());
        enc + self.undecoded.len()
    }

    /// Drops read-ahead (before a seek or write).
    pub fn reset_read(&mut self) {
        self.pending.clear();
        self.undecoded.clear();
    }
}

/// Length of the prefix of `data` that holds only complete units of
/// `enc` (an incomplete UTF-8 sequence, a half UTF-16 unit or a high
/// surrogate, a partial UTF-32 unit wait for the next chunk).
fn complete_prefix(data: &[u8], enc: Encoding) -> usize {
    match enc {
        Encoding::Utf8 { .. } => incomplete_utf8_tail(data),
        Encoding::Utf16 { be } => {
            let mut n = data.len() & !1;
            if n >= 2 {
                let big = be.unwrap_or(data.starts_with(&[0xfe, 0xff]));
                let unit = if big {
                    u16::from_be_bytes([data[n - 2], data[n - 1]])
                } else {
                    u16::from_le_bytes([data[n - 2], data[n - 1]])
                };
                if (0xd800..0xdc00).contains(&unit) {
                    n -= 2;
                }
            }
            n
        }
        Encoding::Utf32 { .. } => data.len() & !3,
        _ => data.len(),
    }
}

/// Length of `data` without an incomplete UTF-8 sequence at its end.
fn incomplete_utf8_tail(data: &[u8]) -> usize {
    let n = data.len();
    for back in 1..=3.min(n) {
        let b = data[n - back];
        if b & 0xc0 == 0x80 {
            continue;
        }
        // Only a valid lead byte starts a sequence worth waiting for; an
        // invalid byte is the decoder's to report.
        let need = match b {
            0xc2..=0xdf => 2,
            0xe0..=0xef => 3,
            0xf0..=0xf4 => 4,
            _ => 1,
        };
        return if need > back { n - back } else { n };
    }
    n
}

/// A `StringIO` buffer: the text and a position in code points.
#[derive(Default)]
pub struct StrBuf {
    /// The text.
    pub text: String,
    /// Position in code points.
    pub pos: usize,
    /// Translate `\n` on write (`newline=None`: universal on read).
    pub newline: Option<String>,
}

impl StrBuf {
    fn byte_index(&self, char_pos: usize) -> Option<usize> {
        if char_pos == 0 {
            return Some(0);
        }
        self.text
            .char_indices()
            .nth(char_pos)
            .map(|(i, _)| i)
            .or_else(|| (self.text.chars().count() == char_pos).then_some(self.text.len()))
    }

    /// Writes `s` at the position (padding with NULs past the end).
    pub fn write(&mut self, s: &str) -> usize {
        let s = match self.newline.as_deref() {
            None => s.replace("\r\n", "\n").replace('\r', "\n"),
            Some(nl) if !nl.is_empty() && nl != "\n" => s.replace('\n', nl),
            _ => s.to_string(),
        };
        let n = s.chars().count();
        let len = self.text.chars().count();
        if self.pos >= len {
            for _ in len..self.pos {
                self.text.push('\0');
            }
            self.text.push_str(&s);
        } else {
            let start = self.byte_index(self.pos).unwrap_or(self.text.len());
            let end = self
                .byte_index((self.pos + n).min(len))
                .unwrap_or(self.text.len());
            self.text.replace_range(start..end, &s);
        }
        self.pos += n;
        n
    }

    /// Reads up to `n` code points (all when None).
    pub fn read(&mut self, n: Option<usize>) -> String {
        let start = self.byte_index(self.pos).unwrap_or(self.text.len());
        let rest = &self.text[start..];
        let out: String = match n {
            Some(n) => rest.chars().take(n).collect(),
            None => rest.to_string(),
        };
        self.pos += out.chars().count();
        out
    }

    /// Reads one line.
    pub fn readline(&mut self, limit: Option<usize>) -> String {
        let start = self.byte_index(self.pos).unwrap_or(self.text.len());
        let rest = &self.text[start..];
        let mut out = String::new();
        for c in rest.chars() {
            if limit.is_some_and(|l| out.chars().count() >= l) {
                break;
            }
            out.push(c);
            if c == '\n' {
                break;
            }
        }
        self.pos += out.chars().count();
        out
    }
}
