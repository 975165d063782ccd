//! Source text handling: decoding bytes per PEP 263 and mapping byte offsets
//! to CPython's (line, column) positions.

use ruff_text_size::TextSize;

use crate::error::SyntaxError;

/// Maps byte offsets of a source string to 1-based lines and 0-based
/// UTF-8 byte columns, as CPython's `co_positions()` reports them.
#[derive(Clone, Debug)]
pub struct LineIndex {
    starts: Vec<u32>,
}

impl LineIndex {
    /// Indexes the line starts of `source` (`\n`, `\r\n` and lone `\r` end lines).
    pub fn new(source: &str) -> LineIndex {
        let mut starts = vec![0];
        let b = source.as_bytes();
        let mut i = 0;
        while i < b.len() {
            match b[i] {
                b'\n' => starts.push(i as u32 + 1),
                b'\r' if b.get(i + 1) != Some(&b'\n') => starts.push(i as u32 + 1),
                _ => {}
            }
            i += 1;
        }
        LineIndex { starts }
    }

    /// `(line, column)` of a byte offset.
    pub fn position(&self, offset: TextSize) -> (u32, u32) {
        let off = u32::from(offset);
        let line = self.starts.partition_point(|&s| s <= off).max(1);
        (line as u32, off - self.starts[line - 1])
    }

    /// Byte range of a 1-based line, without its line ending.
    pub fn line_range(&self, source: &str, line: u32) -> (usize, usize) {
        let i = (line.max(1) - 1) as usize;
        let start = self.starts.get(i).copied().unwrap_or(source.len() as u32) as usize;
        let end = self.starts.get(i + 1).map_or(source.len(), |&e| e as usize);
        let text = &source[start.min(source.len())..end.min(source.len())];
        let trimmed = text.trim_end_matches(['\n', '\r']);
        (start, start + trimmed.len())
    }
}

/// Decodes source bytes as CPython does: a UTF-8 BOM, or a PEP 263 coding
/// declaration on line 1 or 2, else UTF-8. Supports UTF-8, ASCII, Latin-1,
/// CP1252, ISO-8859-5 and KOI8-R; other declared encodings are reported as
/// unknown.
pub fn decode_source(bytes: &[u8], filename: &str) -> Result<String, SyntaxError> {
    let (bom, body) = match bytes.strip_prefix(b"\xef\xbb\xbf") {
        Some(rest) => (true, rest),
        None => (false, bytes),
    };
    let encoding = find_coding(body);
    let fail = |msg: String, line: u32| SyntaxError::simple(msg, filename, line, 0);
    let enc = match encoding.as_deref() {
        None => "utf-8".to_string(),
        Some(e) => normalize_encoding(e),
    };
    let strict_utf8 = encoding.as_deref().is_none_or(|e| {
        let e = e.to_ascii_lowercase().replace('_', "-");
        e == "utf-8" || e.starts_with("utf-8-")
    });
    if bom && !strict_utf8 {
        return Err(fail(
            format!(
                "encoding problem: {} with BOM",
                encoding.unwrap_or_default()
            ),
            0,
        ));
    }
    match enc.as_str() {
        "utf-8" => match std::str::from_utf8(body) {
            Ok(s) => Ok(s.to_string()),
            Err(e) => {
                let line = body[..e.valid_up_to()]
                    .iter()
                    .filter(|&&b| b == b'\n')
                    .count() as u32
                    + 1;
                let byte = body[e.valid_up_to()];
                let line_start = body[..e.valid_up_to()]
                    .iter()
                    .rposition(|&b| b == b'\n')
                    .map_or(0, |p| p + 1);
                let _ = byte;
                let msg = undecodable_literal(body, line_start, e.valid_up_to());
                Err(fail(msg, line))
            }
        },
        "ascii" => match body.iter().position(|&b| b >= 0x80) {
            None => Ok(String::from_utf8_lossy(body).into_owned()),
            Some(p) => {
                let line = body[..p].iter().filter(|&&b| b == b'\n').count() as u32 + 1;
                Err(fail(
                    "(unicode error) 'ascii' codec can't decode byte".into(),
                    line,
                ))
            }
        },
        "latin-1" => Ok(body.iter().map(|&b| b as char).collect()),
        "cp1252" => Ok(decode_table(body, &CP1252)),
        "iso-8859-5" => Ok(decode_table(body, &ISO_8859_5)),
        "koi8-r" => Ok(decode_table(body, &KOI8_R)),
        _ => Err(fail(
            format!("unknown encoding: {}", encoding.unwrap_or_default()),
            0,
        )),
    }
}

/// CPython's message for invalid UTF-8 at `bad` (on the line starting at
/// `line_start`): its parser decodes each string literal's body, so the
/// position and reason are the body's (a stray byte outside a literal is
/// decoded with the non-ASCII bytes after it).
fn undecodable_literal(body: &[u8], line_start: usize, bad: usize) -> String {
    let line_end = body[bad..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(body.len(), |p| bad + p);
    let before = &body[line_start..bad];
    let (start, end) = match before.iter().rposition(|&b| b == b'\'' || b == b'"') {
        Some(q) => {
            let quote = before[q];
            let start = line_start + q + 1;
            let end = body[bad..line_end]
                .iter()
                .position(|&b| b == quote)
                .map_or(line_end, |p| bad + p);
            (start, end)
        }
        None => {
            let run = body[bad..line_end]
                .iter()
                .take_while(|&&b| b >= 0x80)
                .count();
            (bad, bad + run)
        }
    };
    if before[..(start - line_start).saturating_sub(1)]
        .iter()
        .rev()
        .take_while(|b| b.is_ascii_alphabetic())
        .any(|b| b.eq_ignore_ascii_case(&b'b'))
    {
        return "bytes can only contain ASCII literal characters".into();
    }
    let lit = &body[start..end];
    let (pos, reason) = match std::str::from_utf8(lit) {
        Ok(_) => (bad - start, "invalid start byte"),
        Err(e) => {
            let at = e.valid_up_to();
            let reason = match (e.error_len(), lit[at]) {
                (None, _) => "unexpected end of data",
                (Some(_), 0xc2..=0xf4) => "invalid continuation byte",
                _ => "invalid start byte",
            };
            (at, reason)
        }
    };
    let byte = body[start + pos];
    format!(
        "(unicode error) 'utf-8' codec can't decode byte 0x{byte:02x} in position {pos}: {reason}"
    )
}

fn decode_table(body: &[u8], table: &[u16; 128]) -> String {
    body.iter()
        .map(|&b| {
            if b < 0x80 {
                b as char
            } else {
                char::from_u32(table[(b - 0x80) as usize] as u32).unwrap_or('\u{FFFD}')
            }
        })
        .collect()
}

fn normalize_encoding(e: &str) -> String {
    let e = e.to_ascii_lowercase().replace('_', "-");
    if e == "utf-8" || e == "utf8" || e.starts_with("utf-8-") {
        return "utf-8".into();
    }
    for latin in [
        "latin-1",
        "iso-8859-1",
        "iso-latin-1",
        "latin1",
        "l1",
        "iso8859-1",
    ] {
        if e == latin || e.starts_with(&format!("{latin}-")) {
            return "latin-1".into();
        }
    }
    match e.as_str() {
        "ascii" | "us-ascii" | "646" => "ascii".into(),
        "cp1252" | "windows-1252" => "cp1252".into(),
        "iso-8859-5" | "iso8859-5" | "cyrillic" => "iso-8859-5".into(),
        "koi8-r" | "koi8r" => "koi8-r".into(),
        other => other.into(),
    }
}

/// The PEP 263 declaration of the first two lines, if any.
fn find_coding(body: &[u8]) -> Option<String> {
    let mut lines = body.split(|&b| b == b'\n');
    for i in 0..2 {
        let line = lines.next()?;
        let text = String::from_utf8_lossy(line);
        let trimmed = text.trim_start_matches([' ', '\t', '\x0c']);
        if let Some(comment) = trimmed.strip_prefix('#') {
            if let Some(pos) = comment.find("coding") {
                let rest = &comment[pos + 6..];
                if let Some(rest) = rest.strip_prefix([':', '=']) {
                    let rest = rest.trim_start_matches([' ', '\t']);
                    let name: String = rest
                        .chars()
                        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
                        .collect();
                    if !name.is_empty() {
                        return Some(name);
                    }
                }
            }
        } else if i == 0 && !trimmed.trim_end_matches('\r').is_empty() {
            return None;
        }
    }
    None
}

/// Code points of bytes 0x80..=0xFF in cp1252 (0xFFFF: undefined).
const CP1252: [u16; 128] = [
    0x20AC, 0xFFFF, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
    0x0152, 0xFFFF, 0x017D, 0xFFFF, 0xFFFF, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFF, 0x017E, 0x0178, 0x00A0, 0x00A1, 0x00A2, 0x00A3,
    0x00A4, 0x00A5, 0x00A6, 0x00A7, 0x00A8, 0x00A9, 0x00AA, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x00AF,
    0x00B0, 0x00B1, 0x00B2, 0x00B3, 0x00B4, 0x00B5, 0x00B6, 0x00B7, 0x00B8, 0x00B9, 0x00BA, 0x00BB,
    0x00BC, 0x00BD, 0x00BE, 0x00BF, 0x00C0, 0x00C1, 0x00C2, 0x00C3, 0x00C4, 0x00C5, 0x00C6, 0x00C7,
    0x00C8, 0x00C9, 0x00CA, 0x00CB, 0x00CC, 0x00CD, 0x00CE, 0x00CF, 0x00D0, 0x00D1, 0x00D2, 0x00D3,
    0x00D4, 0x00D5, 0x00D6, 0x00D7, 0x00D8, 0x00D9, 0x00DA, 0x00DB, 0x00DC, 0x00DD, 0x00DE, 0x00DF,
    0x00E0, 0x00E1, 0x00E2, 0x00E3, 0x00E4, 0x00E5, 0x00E6, 0x00E7, 0x00E8, 0x00E9, 0x00EA, 0x00EB,
    0x00EC, 0x00ED, 0x00EE, 0x00EF, 0x00F0, 0x00F1, 0x00F2, 0x00F3, 0x00F4, 0x00F5, 0x00F6, 0x00F7,
    0x00F8, 0x00F9, 0x00FA, 0x00FB, 0x00FC, 0x00FD, 0x00FE, 0x00FF,
];
/// Code points of bytes 0x80..=0xFF in iso-8859-5 (0xFFFF: undefined).
const ISO_8859_5: [u16; 128] = [
    0x0080, 0x0081, 0x0082, 0x0083, 0x0084, 0x0085, 0x0086, 0x0087, 0x0088, 0x0089, 0x008A, 0x008B,
    0x008C, 0x008D, 0x008E, 0x008F, 0x0090, 0x0091, 0x0092, 0x0093, 0x0094, 0x0095, 0x0096, 0x0097,
    0x0098, 0x0099, 0x009A, 0x009B, 0x009C, 0x009D, 0x009E, 0x009F, 0x00A0, 0x0401, 0x0402, 0x0403,
    0x0404, 0x0405, 0x0406, 0x0407, 0x0408, 0x0409, 0x040A, 0x040B, 0x040C, 0x00AD, 0x040E, 0x040F,
    0x0410, 0x0411, 0x0412, 0x0413, 0x0414, 0x0415, 0x0416, 0x0417, 0x0418, 0x0419, 0x041A, 0x041B,
    0x041C, 0x041D, 0x041E, 0x041F, 0x0420, 0x0421, 0x0422, 0x0423, 0x0424, 0x0425, 0x0426, 0x0427,
    0x0428, 0x0429, 0x042A, 0x042B, 0x042C, 0x042D, 0x042E, 0x042F, 0x0430, 0x0431, 0x0432, 0x0433,
    0x0434, 0x0435, 0x0436, 0x0437, 0x0438, 0x0439, 0x043A, 0x043B, 0x043C, 0x043D, 0x043E, 0x043F,
    0x0440, 0x0441, 0x0442, 0x0443, 0x0444, 0x0445, 0x0446, 0x0447, 0x0448, 0x0449, 0x044A, 0x044B,
    0x044C, 0x044D, 0x044E, 0x044F, 0x2116, 0x0451, 0x0452, 0x0453, 0x0454, 0x0455, 0x0456, 0x0457,
    0x0458, 0x0459, 0x045A, 0x045B, 0x045C, 0x00A7, 0x045E, 0x045F,
];
/// Code points of bytes 0x80..=0xFF in koi8-r (0xFFFF: undefined).
const KOI8_R: [u16; 128] = [
    0x2500, 0x2502, 0x250C, 0x2510, 0x2514, 0x2518, 0x251C, 0x2524, 0x252C, 0x2534, 0x253C, 0x2580,
    0x2584, 0x2588, 0x258C, 0x2590, 0x2591, 0x2592, 0x2593, 0x2320, 0x25A0, 0x2219, 0x221A, 0x2248,
    0x2264, 0x2265, 0x00A0, 0x2321, 0x00B0, 0x00B2, 0x00B7, 0x00F7, 0x2550, 0x2551, 0x2552, 0x0451,
    0x2553, 0x2554, 0x2555, 0x2556, 0x2557, 0x2558, 0x2559, 0x255A, 0x255B, 0x255C, 0x255D, 0x255E,
    0x255F, 0x2560, 0x2561, 0x0401, 0x2562, 0x2563, 0x2564, 0x2565, 0x2566, 0x2567, 0x2568, 0x2569,
    0x256A, 0x256B, 0x256C, 0x00A9, 0x044E, 0x0430, 0x0431, 0x0446, 0x0434, 0x0435, 0x0444, 0x0433,
    0x0445, 0x0438, 0x0439, 0x043A, 0x043B, 0x043C, 0x043D, 0x043E, 0x043F, 0x044F, 0x0440, 0x0441,
    0x0442, 0x0443, 0x0436, 0x0432, 0x044C, 0x044B, 0x0437, 0x0448, 0x044D, 0x0449, 0x0447, 0x044A,
    0x042E, 0x0410, 0x0411, 0x0426, 0x0414, 0x0415, 0x0424, 0x0413, 0x0425, 0x0418, 0x0419, 0x041A,
    0x041B, 0x041C, 0x041D, 0x041E, 0x041F, 0x042F, 0x0420, 0x0421, 0x0422, 0x0423, 0x0416, 0x0412,
    0x042C, 0x042B, 0x0417, 0x0428, 0x042D, 0x0429, 0x0427, 0x042A,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_utf8_byte_columns() {
        let src = "a = 1\né = 2\r\nx\ry";
        let idx = LineIndex::new(src);
        assert_eq!(idx.position(TextSize::from(0)), (1, 0));
        assert_eq!(idx.position(TextSize::from(6)), (2, 0));
        assert_eq!(idx.position(TextSize::from(9)), (2, 3));
        assert_eq!(idx.position(TextSize::from(14)), (3, 0));
        assert_eq!(idx.position(TextSize::from(16)), (4, 0));
        assert_eq!(idx.line_range(src, 2), (6, 12));
    }

    #[test]
    fn coding_declarations_are_honoured() {
        assert_eq!(
            decode_source(b"# -*- coding: latin-1 -*-\nx = '\xe9'\n", "f").expect("ok"),
            "# -*- coding: latin-1 -*-\nx = 'é'\n"
        );
        assert_eq!(
            decode_source(b"#!/bin/py\n# coding=koi8-r\n\xc1", "f")
                .expect("ok")
                .chars()
                .last(),
            Some('а')
        );
        let e = decode_source(b"# coding: uft-8\n", "f").expect_err("unknown");
        assert_eq!(e.msg, "unknown encoding: uft-8");
        let e = decode_source(b"\xef\xbb\xbf# coding: latin-1\n", "f").expect_err("bom");
        assert_eq!(e.msg, "encoding problem: latin-1 with BOM");
        let e = decode_source(b"x = 1\nprint('b\xf6se')\n", "f").expect_err("bad utf-8");
        assert_eq!(e.line, 2);
        assert_eq!(
            decode_source(b"\xef\xbb\xbfx = 1\n", "f").expect("bom"),
            "x = 1\n"
        );
    }
}
