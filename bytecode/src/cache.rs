//! A binary serialization of [`CodeObject`]s, for bytecode caches.
//!
//! [`write_cache`] writes a header (magic, format version, a caller-chosen
//! tag such as the VM's version, the source's modification time and size)
//! followed by the code object tree and a checksum; [`read_cache`] returns
//! the code only when the header matches what the caller expects and the
//! data is intact. Decoding never panics: truncated, corrupted or foreign
//! files give an error.
//!
//! ```
//! use pyvm_bytecode::cache::{CacheKey, read_cache, write_cache};
//! use pyvm_bytecode::{Mode, compile};
//!
//! let code = compile("def f(x):\n    return x + 1\n", "m.py", Mode::Exec).unwrap();
//! let key = CacheKey { tag: "pyvm-0.1".into(), mtime_ns: 1, size: 26 };
//! let bytes = write_cache(&key, &code);
//! let back = read_cache(&bytes, &key, "m.py".into()).unwrap();
//! assert_eq!(pyvm_bytecode::disassemble(&back), pyvm_bytecode::disassemble(&code));
//! // A different source (size here) invalidates the entry.
//! let stale = CacheKey { size: 27, ..key.clone() };
//! assert!(read_cache(&bytes, &stale, "m.py".into()).is_err());
//! ```
//!
//! Layout: integers are LEB128 (signed ones zigzag-encoded), `f64` are 8
//! little-endian bytes, strings and vectors are length-prefixed,
//! instruction words are 8 little-endian bytes. The file name is not
//! stored: the reader gives it (all code objects of one file share it).

use std::fmt;
use std::sync::Arc;

use num_bigint::BigInt;

use crate::code::{CodeFlags, CodeObject, Constant, ExceptionEntry, Location};
use crate::opcode::{CellIdx, Reg};
use crate::pystr::PyStr;

/// The first bytes of a cache file.
pub const MAGIC: &[u8; 8] = b"PYVMCODE";
/// The layout version (bumped when the encoding changes).
pub const FORMAT_VERSION: u32 = 1;
/// Deepest nesting of code objects and constant tuples accepted.
const MAX_DEPTH: u32 = 200;

/// What a cache entry must match to be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CacheKey {
    /// The writer's identity (e.g. the VM version and the instruction set's).
    pub tag: String,
    /// The source's modification time, nanoseconds since the epoch.
    pub mtime_ns: i128,
    /// The source's size in bytes.
    pub size: u64,
}

/// Why a cache entry was not usable.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CacheError {
    /// Not a cache file of this format version.
    BadMagic,
    /// Written for another tag, source time or size.
    Stale,
    /// Truncated or corrupted.
    Corrupt(&'static str),
}

impl fmt::Display for CacheError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CacheError::BadMagic => f.write_str("not a pyvm bytecode cache file"),
            CacheError::Stale => f.write_str("stale cache entry"),
            CacheError::Corrupt(what) => write!(f, "corrupt cache entry ({what})"),
        }
    }
}

impl std::error::Error for CacheError {}

/// A cache file for `code` under `key`.
pub fn write_cache(key: &CacheKey, code: &CodeObject) -> Vec<u8> {
    let mut w = Writer(Vec::with_capacity(4096));
    w.0.extend_from_slice(MAGIC);
    w.0.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    w.str(&key.tag);
    w.0.extend_from_slice(&key.mtime_ns.to_le_bytes());
    w.uint(key.size);
    let body_start = w.0.len();
    w.code(code);
    let sum = checksum(&w.0[body_start..]);
    w.0.extend_from_slice(&sum.to_le_bytes());
    w.0
}

/// The code stored in `bytes` if it was written under `key`; every code
/// object gets `filename`.
pub fn read_cache(
    bytes: &[u8],
    key: &CacheKey,
    filename: Arc<str>,
) -> Result<Arc<CodeObject>, CacheError> {
    let mut r = Reader {
        b: bytes,
        pos: 0,
        filename,
    };
    if r.take(8).ok() != Some(&MAGIC[..]) {
        return Err(CacheError::BadMagic);
    }
    let version = r.take(4).map_err(|_| CacheError::BadMagic)?;
    if version != FORMAT_VERSION.to_le_bytes() {
        return Err(CacheError::BadMagic);
    }
    let tag = r.string()?;
    let mtime = r.take(16)?;
    let mtime = i128::from_le_bytes(mtime.try_into().map_err(|_| CacheError::Corrupt("mtime"))?);
    let size = r.uint()?;
    if tag != key.tag || mtime != key.mtime_ns || size != key.size {
        return Err(CacheError::Stale);
    }
    if bytes.len() < r.pos + 8 {
        return Err(CacheError::Corrupt("truncated"));
    }
    let body_end = bytes.len() - 8;
    let want = u64::from_le_bytes(bytes[body_end..].try_into().expect("8 bytes"));
    if checksum(&bytes[r.pos..body_end]) != want {
        return Err(CacheError::Corrupt("checksum"));
    }
    r.b = &bytes[..body_end];
    let code = r.code(0)?;
    if r.pos != r.b.len() {
        return Err(CacheError::Corrupt("trailing data"));
    }
    Ok(code)
}

/// Only the code-object part: serializes `code` without a header.
pub fn encode_code(code: &CodeObject) -> Vec<u8> {
    let mut w = Writer(Vec::new());
    w.code(code);
    w.0
}

/// Decodes what [`encode_code`] wrote.
pub fn decode_code(bytes: &[u8], filename: Arc<str>) -> Result<Arc<CodeObject>, CacheError> {
    let mut r = Reader {
        b: bytes,
        pos: 0,
        filename,
    };
    let code = r.code(0)?;
    if r.pos != bytes.len() {
        return Err(CacheError::Corrupt("trailing data"));
    }
    Ok(code)
}

/// FNV-1a, 64-bit: cheap detection of corrupted files (not security).
fn checksum(b: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &x in b {
        h ^= x as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

struct Writer(Vec<u8>);

impl Writer {
    fn uint(&mut self, mut v: u64) {
        loop {
            let byte = (v & 0x7f) as u8;
            v >>= 7;
            if v == 0 {
                self.0.push(byte);
                return;
            }
            self.0.push(byte | 0x80);
        }
    }
    fn u32(&mut self, v: u32) {
        self.uint(v as u64);
    }
    fn int(&mut self, v: i64) {
        self.uint(((v << 1) ^ (v >> 63)) as u64);
    }
    fn bytes(&mut self, b: &[u8]) {
        self.uint(b.len() as u64);
        self.0.extend_from_slice(b);
    }
    fn str(&mut self, s: &str) {
        self.bytes(s.as_bytes());
    }
    fn strs(&mut self, v: &[String]) {
        self.uint(v.len() as u64);
        for s in v {
            self.str(s);
        }
    }
    fn f64(&mut self, f: f64) {
        self.0.extend_from_slice(&f.to_bits().to_le_bytes());
    }

    fn code(&mut self, c: &CodeObject) {
        self.str(&c.name);
        self.str(&c.qualname);
        self.u32(c.first_line);
        self.u32(c.flags.0);
        self.u32(c.arg_count);
        self.u32(c.posonly_count);
        self.u32(c.kwonly_count);
        self.uint(c.code.len() as u64);
        for w in &c.code {
            self.0.extend_from_slice(&w.to_le_bytes());
        }
        self.uint(c.consts.len() as u64);
        for k in &c.consts {
            self.constant(k);
        }
        self.strs(&c.names);
        self.strs(&c.local_names);
        self.u32(c.nregs);
        self.strs(&c.cell_names);
        self.strs(&c.free_names);
        self.uint(c.cell_args.len() as u64);
        for &(cell, reg) in &c.cell_args {
            self.u32(cell.0);
            self.u32(reg.0);
        }
        // Locations: lines as deltas from the previous one (small numbers).
        self.uint(c.locations.len() as u64);
        let mut line = 0i64;
        for l in &c.locations {
            self.int(l.line as i64 - line);
            line = l.line as i64;
            self.u32(l.col);
            self.int(l.end_line as i64 - l.line as i64);
            self.u32(l.end_col);
        }
        self.uint(c.exception_table.len() as u64);
        for e in &c.exception_table {
            self.u32(e.start);
            self.u32(e.end);
            self.u32(e.handler);
            self.u32(e.exc.0);
        }
        self.u32(c.ncaches);
        match &c.docstring {
            None => self.0.push(0),
            Some(d) => {
                self.0.push(1);
                self.bytes(d.as_bytes());
            }
        }
    }

    fn constant(&mut self, k: &Constant) {
        match k {
            Constant::None => self.0.push(0),
            Constant::Bool(false) => self.0.push(1),
            Constant::Bool(true) => self.0.push(2),
            Constant::Int(i) => {
                self.0.push(3);
                self.int(*i);
            }
            Constant::BigInt(b) => {
                self.0.push(4);
                self.bytes(&b.to_signed_bytes_le());
            }
            Constant::Float(f) => {
                self.0.push(5);
                self.f64(*f);
            }
            Constant::Complex { re, im } => {
                self.0.push(6);
                self.f64(*re);
                self.f64(*im);
            }
            Constant::Str(s) => {
                self.0.push(7);
                self.bytes(s.as_bytes());
            }
            Constant::Bytes(b) => {
                self.0.push(8);
                self.bytes(b);
            }
            Constant::Tuple(items) | Constant::FrozenSet(items) => {
                self.0.push(if matches!(k, Constant::Tuple(_)) {
                    9
                } else {
                    10
                });
                self.uint(items.len() as u64);
                for it in items.iter() {
                    self.constant(it);
                }
            }
            Constant::Ellipsis => self.0.push(11),
            Constant::Code(c) => {
                self.0.push(12);
                self.code(c);
            }
        }
    }
}

struct Reader<'a> {
    b: &'a [u8],
    pos: usize,
    filename: Arc<str>,
}

type R<T> = Result<T, CacheError>;

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> R<&'a [u8]> {
        let end = self
            .pos
            .checked_add(n)
            .filter(|&e| e <= self.b.len())
            .ok_or(CacheError::Corrupt("truncated"))?;
        let s = &self.b[self.pos..end];
        self.pos = end;
        Ok(s)
    }
    fn byte(&mut self) -> R<u8> {
        Ok(self.take(1)?[0])
    }
    fn uint(&mut self) -> R<u64> {
        let mut v: u64 = 0;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            v |= ((b & 0x7f) as u64) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(CacheError::Corrupt("varint"))
    }
    fn u32(&mut self) -> R<u32> {
        u32::try_from(self.uint()?).map_err(|_| CacheError::Corrupt("u32"))
    }
    fn int(&mut self) -> R<i64> {
        let u = self.uint()?;
        Ok(((u >> 1) as i64) ^ -((u & 1) as i64))
    }
    /// A length that cannot exceed the remaining bytes (each element takes
    /// at least `min` bytes), so a corrupt length cannot make us allocate
    /// without bound.
    fn len(&mut self, min: usize) -> R<usize> {
        let n = self.uint()?;
        let left = (self.b.len() - self.pos) as u64;
        if n.saturating_mul(min.max(1) as u64) > left {
            return Err(CacheError::Corrupt("length"));
        }
        Ok(n as usize)
    }
    fn bytes(&mut self) -> R<&'a [u8]> {
        let n = self.len(1)?;
        self.take(n)
    }
    fn string(&mut self) -> R<String> {
        let b = self.bytes()?;
        std::str::from_utf8(b)
            .map(str::to_string)
            .map_err(|_| CacheError::Corrupt("utf-8"))
    }
    fn strings(&mut self) -> R<Vec<String>> {
        let n = self.len(1)?;
        (0..n).map(|_| self.string()).collect()
    }
    fn pystr(&mut self) -> R<PyStr> {
        let b = self.bytes()?;
        if let Ok(s) = std::str::from_utf8(b) {
            return Ok(PyStr::from(s));
        }
        // Generalized UTF-8 (lone surrogates): decode and check the form.
        let mut points = Vec::with_capacity(b.len());
        let mut i = 0;
        while i < b.len() {
            let first = b[i];
            let (len, init) = match first {
                0..=0x7f => (1, first as u32),
                0xc2..=0xdf => (2, (first & 0x1f) as u32),
                0xe0..=0xef => (3, (first & 0x0f) as u32),
                0xf0..=0xf4 => (4, (first & 0x07) as u32),
                _ => return Err(CacheError::Corrupt("str")),
            };
            let mut cp = init;
            for k in 1..len {
                let c = *b.get(i + k).ok_or(CacheError::Corrupt("str"))?;
                if c & 0xc0 != 0x80 {
                    return Err(CacheError::Corrupt("str"));
                }
                cp = (cp << 6) | (c & 0x3f) as u32;
            }
            if cp > 0x10ffff {
                return Err(CacheError::Corrupt("str"));
            }
            points.push(cp);
            i += len;
        }
        Ok(PyStr::from_code_points(points))
    }
    fn f64(&mut self) -> R<f64> {
        let b = self.take(8)?;
        Ok(f64::from_bits(u64::from_le_bytes(
            b.try_into().expect("8 bytes"),
        )))
    }

    fn code(&mut self, depth: u32) -> R<Arc<CodeObject>> {
        if depth > MAX_DEPTH {
            return Err(CacheError::Corrupt("nesting"));
        }
        let name = self.string()?;
        let qualname = self.string()?;
        let first_line = self.u32()?;
        let flags = CodeFlags(self.u32()?);
        let arg_count = self.u32()?;
        let posonly_count = self.u32()?;
        let kwonly_count = self.u32()?;
        let n = self.len(8)?;
        let words = self.take(n * 8)?;
        let code = words
            .chunks_exact(8)
            .map(|w| u64::from_le_bytes(w.try_into().expect("8 bytes")))
            .collect();
        let n = self.len(1)?;
        let consts = (0..n)
            .map(|_| self.constant(depth))
            .collect::<R<Vec<_>>>()?;
        let names = self.strings()?;
        let local_names = self.strings()?;
        let nregs = self.u32()?;
        let cell_names = self.strings()?;
        let free_names = self.strings()?;
        let n = self.len(2)?;
        let cell_args = (0..n)
            .map(|_| Ok((CellIdx(self.u32()?), Reg(self.u32()?))))
            .collect::<R<Vec<_>>>()?;
        let n = self.len(4)?;
        let mut locations = Vec::with_capacity(n);
        let mut line = 0i64;
        for _ in 0..n {
            line += self.int()?;
            let col = self.u32()?;
            let end_line = line + self.int()?;
            let end_col = self.u32()?;
            let to_u32 = |v: i64| u32::try_from(v).map_err(|_| CacheError::Corrupt("line"));
            locations.push(Location {
                line: to_u32(line)?,
                col,
                end_line: to_u32(end_line)?,
                end_col,
            });
        }
        let n = self.len(4)?;
        let exception_table = (0..n)
            .map(|_| {
                Ok(ExceptionEntry {
                    start: self.u32()?,
                    end: self.u32()?,
                    handler: self.u32()?,
                    exc: Reg(self.u32()?),
                })
            })
            .collect::<R<Vec<_>>>()?;
        let ncaches = self.u32()?;
        let docstring = match self.byte()? {
            0 => None,
            1 => Some(self.pystr()?),
            _ => return Err(CacheError::Corrupt("docstring")),
        };
        Ok(Arc::new(CodeObject {
            name,
            qualname,
            filename: self.filename.clone(),
            first_line,
            flags,
            arg_count,
            posonly_count,
            kwonly_count,
            code,
            consts,
            names,
            local_names,
            nregs,
            cell_names,
            free_names,
            cell_args,
            locations,
            exception_table,
            ncaches,
            docstring,
        }))
    }

    fn constant(&mut self, depth: u32) -> R<Constant> {
        if depth > MAX_DEPTH {
            return Err(CacheError::Corrupt("nesting"));
        }
        Ok(match self.byte()? {
            0 => Constant::None,
            1 => Constant::Bool(false),
            2 => Constant::Bool(true),
            3 => Constant::Int(self.int()?),
            4 => Constant::BigInt(Arc::new(BigInt::from_signed_bytes_le(self.bytes()?))),
            5 => Constant::Float(self.f64()?),
            6 => Constant::Complex {
                re: self.f64()?,
                im: self.f64()?,
            },
            7 => Constant::Str(self.pystr()?),
            8 => Constant::Bytes(self.bytes()?.into()),
            t @ (9 | 10) => {
                let n = self.len(1)?;
                let items = (0..n)
                    .map(|_| self.constant(depth + 1))
                    .collect::<R<Vec<_>>>()?;
                if t == 9 {
                    Constant::Tuple(items.into())
                } else {
                    Constant::FrozenSet(items.into())
                }
            }
            11 => Constant::Ellipsis,
            12 => Constant::Code(self.code(depth + 1)?),
            _ => return Err(CacheError::Corrupt("constant tag")),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Mode, compile, disassemble};

    const SRC: &str = "\
'''doc \\udc80'''
import os
x = (1, 2.5, 'a', b'b', 3j, None, ..., 10**30, -7, frozenset({1}))
def f(a, /, b=2, *c, d, **e):
    y = 1
    def g():
        return y + a
    try:
        return g()
    except ValueError as err:
        raise TypeError from err
class C:
    '''class doc'''
    z = [i for i in range(3)]
";

    fn key() -> CacheKey {
        CacheKey {
            tag: "test".into(),
            mtime_ns: -5,
            size: SRC.len() as u64,
        }
    }

    #[test]
    fn round_trip_keeps_everything() {
        let code = compile(SRC, "t.py", Mode::Exec).unwrap();
        let bytes = write_cache(&key(), &code);
        let back = read_cache(&bytes, &key(), "t.py".into()).unwrap();
        assert_eq!(disassemble(&back), disassemble(&code));
        assert_eq!(encode_code(&back), encode_code(&code));
        assert_eq!(
            format!("{:?}", back.locations),
            format!("{:?}", code.locations)
        );
        assert_eq!(back.docstring, code.docstring);
    }

    #[test]
    fn stale_and_corrupt_entries_are_refused_without_panicking() {
        let code = compile(SRC, "t.py", Mode::Exec).unwrap();
        let bytes = write_cache(&key(), &code);
        for k in [
            CacheKey {
                tag: "other".into(),
                ..key()
            },
            CacheKey {
                mtime_ns: 0,
                ..key()
            },
            CacheKey { size: 1, ..key() },
        ] {
            assert_eq!(
                read_cache(&bytes, &k, "t.py".into()).unwrap_err(),
                CacheError::Stale
            );
        }
        assert_eq!(
            read_cache(b"garbage", &key(), "t.py".into()).unwrap_err(),
            CacheError::BadMagic
        );
        // Every truncation and many single-byte corruptions fail cleanly.
        for n in 0..bytes.len() {
            assert!(read_cache(&bytes[..n], &key(), "t.py".into()).is_err());
        }
        for i in (0..bytes.len()).step_by(7) {
            let mut b = bytes.clone();
            b[i] ^= 0x5a;
            assert!(read_cache(&b, &key(), "t.py".into()).is_err());
        }
        // The body alone decodes whatever it is given without panicking.
        let body = encode_code(&code);
        for i in (0..body.len()).step_by(3) {
            let mut b = body.clone();
            b[i] = b[i].wrapping_add(0x81);
            let _ = decode_code(&b, "t.py".into());
        }
    }
}
