//! Text layers: the encoding/newline state of a `TextIOWrapper`, and the
//! `StringIO` buffer. Pure Rust (no heap objects).

use std::cell::RefCell;
use std::rc::Rc;

use super::file::{FdFile, ReadError};
use crate::codec::{self, CodecError, Errors};

/// A supported text encoding.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 (also `utf8`, `UTF-8`, `locale` on this platform).
    Utf8,
    /// Latin-1 / ISO-8859-1.
    Latin1,
    /// ASCII.
    Ascii,
}

impl Encoding {
    /// The encoding for a Python name, if supported.
    pub fn lookup(name: &str) -> Option<Encoding> {
        let n = name.to_ascii_lowercase().replace(['-', ' '], "_");
        match n.as_str() {
            "utf_8" | "utf8" | "u8" | "utf" | "cp65001" | "locale" => Some(Encoding::Utf8),
            "latin_1" | "latin1" | "iso_8859_1" | "iso8859_1" | "l1" | "8859" | "cp819"
            | "latin" => Some(Encoding::Latin1),
            "ascii" | "us_ascii" | "646" => Some(Encoding::Ascii),
            _ => None,
        }
    }

    /// The name `TextIOWrapper.encoding` reports (as given, like CPython).
    pub fn decode(self, data: &[u8], errors: Errors) -> Result<String, CodecError> {
        match self {
            Encoding::Utf8 => codec::decode_utf8(data, errors),
            Encoding::Latin1 => Ok(codec::decode_latin1(data)),
            Encoding::Ascii => codec::decode_ascii(data, errors),
        }
    }

    /// Encodes text.
    pub fn encode(self, s: &str, errors: Errors) -> Result<Vec<u8>, CodecError> {
        match self {
            Encoding::Utf8 => Ok(s.as_bytes().to_vec()),
            Encoding::Latin1 => codec::encode_latin1(s, errors),
            Encoding::Ascii => codec::encode_ascii(s, errors),
        }
    }
}

/// The error handler for a Python name.
pub fn errors_lookup(name: &str) -> Option<Errors> {
    Some(match name {
        "strict" => Errors::Strict,
        "replace" => Errors::Replace,
        "ignore" => Errors::Ignore,
        "backslashreplace" => Errors::BackslashReplace,
        "xmlcharrefreplace" => Errors::XmlCharRefReplace,
        // Without lone surrogates in Rust strings these act as `replace`.
        "surrogateescape" | "surrogatepass" => Errors::Replace,
        _ => return None,
    })
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

/// The state of a `TextIOWrapper`.
pub struct TextState {
    /// The file under the buffer.
    pub file: Rc<RefCell<FdFile>>,
    /// The encoding.
    pub encoding: Encoding,
    /// The error handler.
    pub errors: Errors,
    /// The newline mode.
    pub newline: Newline,
    /// Flush after writing text containing a newline.
    pub line_buffering: bool,
    /// Decoded text read ahead, untranslated.
    pub pending: String,
    /// Undecoded bytes (an incomplete UTF-8 sequence at a chunk end).
    pub undecoded: Vec<u8>,
}

/// Why text reading stopped.
pub enum TextReadError {
    /// Reading failed.
    Read(ReadError),
    /// Decoding failed.
    Codec(CodecError),
}

impl From<ReadError> for TextReadError {
    fn from(e: ReadError) -> Self {
        TextReadError::Read(e)
    }
}

impl TextState {
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
        let cut = if at_eof || self.encoding != Encoding::Utf8 {
            data.len()
        } else {
            incomplete_utf8_tail(&data)
        };
        let text = self
            .encoding
            .decode(&data[..cut], self.errors)
            .map_err(TextReadError::Codec)?;
        self.undecoded = data[cut..].to_vec();
        self.pending.push_str(&text);
        Ok(!at_eof || !text.is_empty())
    }

    /// Translates line endings of text taken from `pending`.
    fn translate(&self, s: &str) -> String {
        match self.newline {
            Newline::Universal if s.contains('\r') => s.replace("\r\n", "\n").replace('\r', "\n"),
            _ => s.to_string(),
        }
    }

    /// Reads all remaining text (`n` = None) or up to `n` characters.
    pub fn read(&mut self, n: Option<usize>) -> Result<String, TextReadError> {
        match n {
            None => {
                while self.fill()? {}
                let all = std::mem::take(&mut self.pending);
                Ok(self.translate(&all))
            }
            Some(n) => {
                loop {
                    let have = self.pending.chars().count();
                    // A trailing '\r' may be the first half of "\r\n".
                    if have > n || (have == n && !self.pending.ends_with('\r')) {
                        break;
                    }
                    if !self.fill()? {
                        break;
                    }
                }
                let mut out = String::new();
                let mut taken = 0;
                let mut chars = self.pending.char_indices().peekable();
                let mut end = 0;
                while taken < n {
                    let Some((i, c)) = chars.next() else { break };
                    end = i + c.len_utf8();
                    if c == '\r'
                        && self.newline == Newline::Universal
                        && let Some(&(_, '\n')) = chars.peek()
                    {
                        chars.next();
                        end += 1;
                        out.push('\n');
                    } else if c == '\r' && self.newline == Newline::Universal {
                        out.push('\n');
                    } else {
                        out.push(c);
                    }
                    taken += 1;
                }
                self.pending.drain(..end);
                Ok(out)
            }
        }
    }

    /// Reads one line (with its ending, translated per the newline mode).
    pub fn readline(&mut self, limit: Option<usize>) -> Result<String, TextReadError> {
        loop {
            if let Some(end) = self.line_end() {
                let line: String = self.pending.drain(..end).collect();
                return Ok(self.limit_line(line, limit));
            }
            if let Some(l) = limit
                && self.pending.chars().count() >= l
            {
                let idx = self
                    .pending
                    .char_indices()
                    .nth(l)
                    .map(|(i, _)| i)
                    .unwrap_or(self.pending.len());
                let line: String = self.pending.drain(..idx).collect();
                return Ok(self.translate(&line));
            }
            if !self.fill()? {
                let line = std::mem::take(&mut self.pending);
                return Ok(self.limit_line(line, limit));
            }
        }
    }

    fn limit_line(&mut self, line: String, limit: Option<usize>) -> String {
        if let Some(l) = limit
            && line.chars().count() > l
        {
            let idx = line
                .char_indices()
                .nth(l)
                .map(|(i, _)| i)
                .unwrap_or(line.len());
            let rest = line[idx..].to_string();
            self.pending.insert_str(0, &rest);
            return self.translate(&line[..idx]);
        }
        self.translate(&line)
    }

    /// Byte index just after the first complete line ending in `pending`.
    fn line_end(&self) -> Option<usize> {
        let p = self.pending.as_bytes();
        match &self.newline {
            Newline::Fixed(nl) => self.pending.find(nl.as_str()).map(|i| i + nl.len()),
            _ => {
                let i = p.iter().position(|&b| b == b'\n' || b == b'\r')?;
                if p[i] == b'\n' {
                    return Some(i + 1);
                }
                match p.get(i + 1) {
                    Some(b'\n') => Some(i + 2),
                    Some(_) => Some(i + 1),
                    // A '\r' at the end: only a line end if no '\n' follows.
                    None if self.file.borrow().eof => Some(i + 1),
                    None => None,
                }
            }
        }
    }

    /// Encodes text to write, translating `\n` per the newline mode.
    pub fn encode_for_write(&self, s: &str) -> Result<Vec<u8>, CodecError> {
        let translated;
        let s = match &self.newline {
            Newline::Fixed(nl) if nl != "\n" && s.contains('\n') => {
                translated = s.replace('\n', nl);
                translated.as_str()
            }
            _ => s,
        };
        self.encoding.encode(s, self.errors)
    }

    /// Bytes of read-ahead (to subtract from the file position in `tell`).
    pub fn read_ahead_bytes(&self) -> usize {
        let enc = match self.encoding {
            Encoding::Latin1 => self.pending.chars().count(),
            _ => self.pending.len(),
        };
        enc + self.undecoded.len()
    }

    /// Drops read-ahead (before a seek or write).
    pub fn reset_read(&mut self) {
        self.pending.clear();
        self.undecoded.clear();
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
        let need = if b >= 0xf0 {
            4
        } else if b >= 0xe0 {
            3
        } else if b >= 0xc0 {
            2
        } else {
            1
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
