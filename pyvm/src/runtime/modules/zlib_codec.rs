//! The streaming codecs behind `zlib` (no VM here): a [`Deflater`] and an
//! [`Inflater`] over `miniz_oxide`, in the zlib, raw-deflate and gzip
//! containers (`wbits` as in CPython; gzip headers and trailers are made
//! and read here, miniz only sees raw deflate for them).
//!
//! Both are kept off the heap by the `zlib` objects (they hold no heap
//! references), so a stream is processed once, in pieces, as C zlib does.

use miniz_oxide::deflate::core::{CompressorOxide, create_comp_flags_from_zip_params};
use miniz_oxide::deflate::stream::deflate;
use miniz_oxide::inflate::stream::{InflateState, inflate};
use miniz_oxide::{DataFormat, MZError, MZFlush, MZStatus};

use super::binascii::crc32_update;

/// The container `wbits` selects.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Container {
    /// zlib header and Adler-32 trailer.
    Zlib,
    /// Bare deflate.
    Raw,
    /// gzip header and CRC-32/size trailer.
    Gzip,
    /// zlib or gzip, whichever the first byte says (decompression only).
    Auto,
}

impl Container {
    /// The container of `wbits` (`None`: CPython's "Invalid initialization
    /// option").
    pub(crate) fn of(wbits: i64, decompress: bool) -> Option<Container> {
        Some(match wbits {
            0 if decompress => Container::Zlib,
            8..=15 => Container::Zlib,
            -15..=-8 => Container::Raw,
            24..=31 => Container::Gzip,
            40..=47 if decompress => Container::Auto,
            _ => return None,
        })
    }
}

/// The header the C zlib writes for a gzip stream (no name, no time, Unix).
const GZIP_HEADER: [u8; 10] = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3];

/// Size of the intermediate output buffer.
const CHUNK: usize = 1 << 15;

/// A streaming compressor.
pub(crate) struct Deflater {
    comp: Box<CompressorOxide>,
    gzip: bool,
    /// Whether the gzip header was emitted.
    started: bool,
    crc: u32,
    size: u32,
    /// `Z_FINISH` was done: no more input.
    pub finished: bool,
}

impl Deflater {
    /// A compressor at `level` (-1 default, 0-9) with `strategy` (0-4).
    pub(crate) fn new(level: i64, strategy: i64, c: Container) -> Deflater {
        let window = if c == Container::Zlib { 1 } else { -1 };
        let flags = create_comp_flags_from_zip_params(level as i32, window, strategy as i32);
        Deflater {
            comp: Box::new(CompressorOxide::new(flags)),
            gzip: c == Container::Gzip,
            started: false,
            crc: 0,
            size: 0,
            finished: false,
        }
    }

    /// Compresses `data` with `flush` (`Z_NO_FLUSH` 0 ... `Z_FINISH` 4),
    /// returning the output produced.
    pub(crate) fn run(&mut self, data: &[u8], mode: i32) -> Vec<u8> {
        let mut out = Vec::new();
        if self.gzip && !self.started {
            out.extend_from_slice(&GZIP_HEADER);
            self.started = true;
        }
        self.crc = crc32_update(self.crc, data);
        self.size = self.size.wrapping_add(data.len() as u32);
        let flush = MZFlush::new(mode).unwrap_or(MZFlush::Sync);
        let mut buf = vec![0u8; CHUNK];
        let mut pos = 0;
        loop {
            let r = deflate(&mut self.comp, &data[pos..], &mut buf, flush);
            pos += r.bytes_consumed;
            out.extend_from_slice(&buf[..r.bytes_written]);
            match r.status {
                Ok(MZStatus::StreamEnd) | Err(_) => break,
                Ok(_) if pos >= data.len() && r.bytes_written < buf.len() => break,
                Ok(_) => {}
            }
        }
        if flush == MZFlush::Finish {
            self.finished = true;
            if self.gzip {
                out.extend(self.crc.to_le_bytes());
                out.extend(self.size.to_le_bytes());
            }
        }
        out
    }
}

/// Why decompression failed (zlib's code and message).
#[derive(Clone, Copy, Debug)]
pub(crate) enum InflateError {
    /// A bad zlib or gzip header.
    Header,
    /// Bad deflate data.
    Data(MZError),
}

impl InflateError {
    /// zlib's error code and message.
    pub(crate) fn describe(self) -> (i32, &'static str) {
        match self {
            InflateError::Header => (-3, "incorrect header check"),
            InflateError::Data(MZError::Stream) => (-2, "inconsistent stream state"),
            InflateError::Data(MZError::Buf) => (-5, "incomplete or truncated stream"),
            InflateError::Data(_) => (-3, "invalid data"),
        }
    }
}

/// A streaming decompressor.
#[derive(Clone)]
pub(crate) struct Inflater {
    container: Container,
    /// Made once the header is read (zlib headers are read by miniz).
    state: Option<Box<InflateState>>,
    /// Header bytes gathered while the header is incomplete.
    head: Vec<u8>,
    /// The deflate stream ended.
    ended: bool,
    /// gzip trailer bytes still to skip after the end.
    trailer: usize,
}

/// Length of a complete gzip header at the start of `data` (`Ok(None)`:
/// incomplete; `Err`: not a gzip header).
fn gzip_header(data: &[u8]) -> Result<Option<usize>, InflateError> {
    for (i, want) in [0x1f, 0x8b, 8].into_iter().enumerate() {
        match data.get(i) {
            Some(&b) if b != want => return Err(InflateError::Header),
            None => return Ok(None),
            _ => {}
        }
    }
    let Some(&flags) = data.get(3) else {
        return Ok(None);
    };
    let mut i = 10;
    if flags & 4 != 0 {
        let (Some(&lo), Some(&hi)) = (data.get(i), data.get(i + 1)) else {
            return Ok(None);
        };
        i += 2 + (usize::from(lo) | usize::from(hi) << 8);
    }
    for bit in [8, 16] {
        if flags & bit != 0 {
            loop {
                match data.get(i) {
                    None => return Ok(None),
                    Some(0) => break,
                    Some(_) => i += 1,
                }
            }
            i += 1;
        }
    }
    if flags & 2 != 0 {
        i += 2;
    }
    Ok((i <= data.len()).then_some(i))
}

impl Inflater {
    /// A decompressor for container `c`.
    pub(crate) fn new(c: Container) -> Inflater {
        let state = match c {
            Container::Raw => Some(InflateState::new_boxed(DataFormat::Raw)),
            _ => None,
        };
        Inflater {
            container: c,
            state,
            head: Vec::new(),
            ended: false,
            trailer: 0,
        }
    }

    /// Whether the whole stream (and its trailer) was read.
    pub(crate) fn eof(&self) -> bool {
        self.ended && self.trailer == 0
    }

    /// Reads the header from `data` once it is complete: the number of
    /// bytes of `data` consumed (all of them while it is incomplete).
    fn read_header(&mut self, data: &[u8]) -> Result<usize, InflateError> {
        if self.container == Container::Auto {
            let first = self.head.first().or(data.first());
            match first {
                Some(0x1f) => self.container = Container::Gzip,
                Some(_) => self.container = Container::Zlib,
                None => return Ok(0),
            }
        }
        let mut all = self.head.clone();
        all.extend_from_slice(data);
        match self.container {
            Container::Gzip => match gzip_header(&all)? {
                Some(n) => {
                    let used = n - self.head.len();
                    self.head.clear();
                    self.state = Some(InflateState::new_boxed(DataFormat::Raw));
                    Ok(used)
                }
                None => {
                    self.head = all;
                    Ok(data.len())
                }
            },
            _ => {
                if all.len() < 2 {
                    self.head = all;
                    return Ok(data.len());
                }
                let (cmf, flg) = (all[0], all[1]);
                if cmf & 15 != 8 || (u16::from(cmf) << 8 | u16::from(flg)) % 31 != 0 {
                    return Err(InflateError::Header);
                }
                // miniz reads the zlib header itself: hand it what was held.
                let mut state = InflateState::new_boxed(DataFormat::Zlib);
                let held = std::mem::take(&mut self.head);
                let mut sink = [0u8; 1];
                let r = inflate(&mut state, &held, &mut sink, MZFlush::None);
                if let Err(e) = r.status
                    && e != MZError::Buf
                {
                    return Err(InflateError::Data(e));
                }
                self.state = Some(state);
                Ok(0)
            }
        }
    }

    /// Decompresses `data`, appending at most `limit` bytes (unlimited when
    /// `None`) to `out`: the number of bytes of `data` consumed.
    pub(crate) fn run(
        &mut self,
        data: &[u8],
        out: &mut Vec<u8>,
        limit: Option<usize>,
    ) -> Result<usize, InflateError> {
        let mut pos = 0;
        if self.state.is_none() {
            pos = self.read_header(data)?;
            if self.state.is_none() {
                return Ok(pos);
            }
        }
        let start = out.len();
        let mut buf = vec![0u8; CHUNK];
        if !self.ended {
            let Some(state) = self.state.as_mut() else {
                return Ok(pos);
            };
            loop {
                let room = limit.map_or(CHUNK, |l| l.saturating_sub(out.len() - start).min(CHUNK));
                if room == 0 {
                    break;
                }
                let r = inflate(state, &data[pos..], &mut buf[..room], MZFlush::None);
                pos += r.bytes_consumed;
                out.extend_from_slice(&buf[..r.bytes_written]);
                match r.status {
                    Ok(MZStatus::StreamEnd) => {
                        self.ended = true;
                        if self.container == Container::Gzip {
                            self.trailer = 8;
                        }
                        break;
                    }
                    Ok(_) if r.bytes_consumed == 0 && r.bytes_written == 0 => break,
                    Ok(_) => {}
                    Err(MZError::Buf) => break,
                    Err(e) => return Err(InflateError::Data(e)),
                }
            }
        }
        if self.ended && self.trailer > 0 {
            let skip = self.trailer.min(data.len() - pos);
            pos += skip;
            self.trailer -= skip;
        }
        Ok(pos)
    }
}
