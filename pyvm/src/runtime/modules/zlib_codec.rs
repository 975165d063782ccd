//! The streaming codecs behind `zlib` (no VM here): a [`Deflater`] and an
//! [`Inflater`] over zlib-rs (`libz-rs-sys`, zlib's C API written in
//! Rust), driven as CPython's `zlibmodule.c` drives zlib: same `wbits`
//! containers (zlib, raw, gzip, automatic), dictionaries, `Z_NEED_DICT`
//! handling and stream copies.
//!
//! Each `z_stream` is boxed and never moves (zlib's state points back at
//! it). Both are kept off the heap by the `zlib` objects (they hold no
//! heap references).

use libz_rs_sys::{
    Z_BUF_ERROR, Z_DATA_ERROR, Z_FINISH, Z_MEM_ERROR, Z_NEED_DICT, Z_OK, Z_STREAM_END,
    Z_STREAM_ERROR, deflate, deflateCopy, deflateEnd, deflateInit2_, deflateSetDictionary, inflate,
    inflateCopy, inflateEnd, inflateInit2_, inflateSetDictionary, z_stream, zlibVersion,
};

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

/// Size of each output step.
const CHUNK: usize = 1 << 15;

/// A zlib failure: the code and zlib's message, if it gave one.
#[derive(Clone, Debug)]
pub(crate) struct InflateError {
    code: i32,
    msg: Option<String>,
}

impl InflateError {
    fn of(strm: &z_stream, code: i32) -> InflateError {
        let msg = if strm.msg.is_null() {
            None
        } else {
            // SAFETY: zlib's `msg` is null or a NUL-terminated static string.
            let s = unsafe { std::ffi::CStr::from_ptr(strm.msg) };
            Some(s.to_string_lossy().into_owned())
        };
        InflateError { code, msg }
    }

    /// zlib's error code and CPython's message for it (`None`: CPython
    /// prints only the code).
    pub(crate) fn describe(&self) -> (i32, Option<String>) {
        let msg = self.msg.clone().or_else(|| {
            match self.code {
                Z_BUF_ERROR => Some("incomplete or truncated stream"),
                Z_STREAM_ERROR => Some("inconsistent stream state"),
                Z_DATA_ERROR => Some("invalid input data"),
                _ => None,
            }
            .map(str::to_string)
        });
        (self.code, msg)
    }

    /// Whether zlib ran out of memory.
    pub(crate) fn is_memory(&self) -> bool {
        self.code == Z_MEM_ERROR
    }
}

fn new_stream() -> Box<z_stream> {
    Box::default()
}

/// Runs `step` (deflate or inflate) with output space appended to `out`
/// until it leaves output space unused or `limit` bytes were produced.
/// Returns zlib's last code.
fn pump(
    strm: &mut z_stream,
    out: &mut Vec<u8>,
    limit: Option<usize>,
    mut step: impl FnMut(&mut z_stream) -> i32,
) -> i32 {
    let start = out.len();
    loop {
        let room = match limit {
            Some(l) => l.saturating_sub(out.len() - start).min(CHUNK),
            None => CHUNK,
        };
        if room == 0 {
            return Z_OK;
        }
        out.reserve(room);
        let len = out.len();
        // SAFETY: `out` has `room` bytes of spare capacity after `len`.
        strm.next_out = unsafe { out.as_mut_ptr().add(len) };
        strm.avail_out = room as u32;
        let rc = step(strm);
        let produced = room - strm.avail_out as usize;
        // SAFETY: zlib wrote `produced` bytes into the spare capacity.
        unsafe { out.set_len(len + produced) };
        if strm.avail_out != 0 || rc == Z_STREAM_END || rc < 0 && rc != Z_BUF_ERROR {
            return rc;
        }
        if rc == Z_NEED_DICT {
            return rc;
        }
    }
}

/// A streaming compressor.
pub(crate) struct Deflater {
    strm: Box<z_stream>,
    /// `Z_FINISH` was done (and the stream ended): no more input.
    pub finished: bool,
}

// SAFETY: the stream is owned by the object and used by one thread at a
// time (under the GIL); zlib-rs keeps no thread-local state.
unsafe impl Send for Deflater {}

impl Deflater {
    /// A compressor: `level` (-1, 0-9), `wbits`, `mem_level` (1-9),
    /// `strategy` (0-4) and an optional preset dictionary. `Err` carries
    /// zlib's code.
    pub(crate) fn new(
        level: i64,
        wbits: i64,
        mem_level: i64,
        strategy: i64,
        zdict: Option<&[u8]>,
    ) -> Result<Deflater, i32> {
        let mut strm = new_stream();
        // SAFETY: `strm` is a zeroed, boxed stream; the version string
        // and size are the library's own.
        let rc = unsafe {
            deflateInit2_(
                &mut *strm,
                level as i32,
                8,
                wbits as i32,
                mem_level as i32,
                strategy as i32,
                zlibVersion(),
                std::mem::size_of::<z_stream>() as i32,
            )
        };
        if rc != Z_OK {
            return Err(rc);
        }
        let mut d = Deflater {
            strm,
            finished: false,
        };
        if let Some(z) = zdict {
            // SAFETY: the stream is initialized; `z` outlives the call.
            let rc = unsafe { deflateSetDictionary(&mut *d.strm, z.as_ptr(), z.len() as u32) };
            if rc != Z_OK {
                return Err(rc);
            }
        }
        Ok(d)
    }

    /// Compresses `data` with `flush` (`Z_NO_FLUSH` 0 ... `Z_FINISH` 4),
    /// returning the output produced.
    pub(crate) fn run(&mut self, data: &[u8], mode: i32) -> Result<Vec<u8>, InflateError> {
        let mut out = Vec::new();
        self.strm.next_in = data.as_ptr();
        self.strm.avail_in = data.len() as u32;
        let rc = pump(&mut self.strm, &mut out, None, |s| {
            // SAFETY: the stream is initialized and its buffers are set.
            unsafe { deflate(s, mode) }
        });
        self.strm.next_in = std::ptr::null();
        self.strm.avail_in = 0;
        if rc < 0 && rc != Z_BUF_ERROR {
            return Err(InflateError::of(&self.strm, rc));
        }
        if mode == Z_FINISH && rc == Z_STREAM_END {
            self.finished = true;
        }
        Ok(out)
    }

    /// A copy of the stream (`Compress.copy`).
    pub(crate) fn copy(&mut self) -> Result<Deflater, i32> {
        if self.finished {
            return Err(Z_STREAM_ERROR);
        }
        let mut strm = new_stream();
        // SAFETY: the source is an initialized stream; the destination a
        // boxed one deflateCopy initializes.
        let rc = unsafe { deflateCopy(&mut *strm, &mut *self.strm) };
        if rc != Z_OK {
            return Err(rc);
        }
        Ok(Deflater {
            strm,
            finished: false,
        })
    }
}

impl Drop for Deflater {
    fn drop(&mut self) {
        // SAFETY: the stream was initialized by `deflateInit2_`/`deflateCopy`.
        unsafe { deflateEnd(&mut *self.strm) };
    }
}

/// A streaming decompressor.
pub(crate) struct Inflater {
    strm: Box<z_stream>,
    ended: bool,
    zdict: Option<Vec<u8>>,
}

// SAFETY: as for `Deflater`.
unsafe impl Send for Inflater {}

impl Inflater {
    /// A decompressor for `wbits` with an optional dictionary (set at once
    /// for raw streams, on `Z_NEED_DICT` for zlib ones, as CPython does).
    pub(crate) fn new(wbits: i64, zdict: Option<Vec<u8>>) -> Result<Inflater, InflateError> {
        let mut strm = new_stream();
        // SAFETY: as in `Deflater::new`.
        let rc = unsafe {
            inflateInit2_(
                &mut *strm,
                wbits as i32,
                zlibVersion(),
                std::mem::size_of::<z_stream>() as i32,
            )
        };
        if rc != Z_OK {
            return Err(InflateError::of(&strm, rc));
        }
        let mut inf = Inflater {
            strm,
            ended: false,
            zdict,
        };
        if wbits < 0 && inf.zdict.is_some() {
            inf.set_dict()?;
        }
        Ok(inf)
    }

    fn set_dict(&mut self) -> Result<(), InflateError> {
        let Some(z) = &self.zdict else {
            return Ok(());
        };
        // SAFETY: the stream is initialized; `z` outlives the call.
        let rc = unsafe { inflateSetDictionary(&mut *self.strm, z.as_ptr(), z.len() as u32) };
        if rc != Z_OK {
            return Err(InflateError::of(&self.strm, rc));
        }
        Ok(())
    }

    /// Whether the end of the stream was reached.
    pub(crate) fn eof(&self) -> bool {
        self.ended
    }

    /// Decompresses `data`, appending at most `limit` bytes (unlimited when
    /// `None`) to `out`: the number of bytes of `data` consumed.
    pub(crate) fn run(
        &mut self,
        data: &[u8],
        out: &mut Vec<u8>,
        limit: Option<usize>,
    ) -> Result<usize, InflateError> {
        if self.ended {
            return Ok(0);
        }
        self.strm.next_in = data.as_ptr();
        self.strm.avail_in = data.len() as u32;
        let start = out.len();
        let mut rc;
        loop {
            let left = limit.map(|l| l.saturating_sub(out.len() - start));
            rc = pump(&mut self.strm, out, left, |s| {
                // SAFETY: the stream is initialized and its buffers are set.
                unsafe { inflate(s, 2) }
            });
            if rc == Z_NEED_DICT && self.zdict.is_some() {
                if let Err(e) = self.set_dict() {
                    self.strm.next_in = std::ptr::null();
                    self.strm.avail_in = 0;
                    return Err(e);
                }
                continue;
            }
            break;
        }
        let used = data.len() - self.strm.avail_in as usize;
        self.strm.next_in = std::ptr::null();
        self.strm.avail_in = 0;
        match rc {
            Z_STREAM_END => {
                self.ended = true;
                Ok(used)
            }
            Z_OK | Z_BUF_ERROR => Ok(used),
            _ => Err(InflateError::of(&self.strm, rc)),
        }
    }

    /// A copy of the stream (`Decompress.copy`).
    pub(crate) fn copy(&self) -> Result<Inflater, i32> {
        let mut strm = new_stream();
        // SAFETY: the source is an initialized stream; the destination a
        // boxed one inflateCopy initializes.
        let rc = unsafe { inflateCopy(&mut *strm, &*self.strm) };
        if rc != Z_OK {
            return Err(rc);
        }
        Ok(Inflater {
            strm,
            ended: self.ended,
            zdict: self.zdict.clone(),
        })
    }
}

impl Drop for Inflater {
    fn drop(&mut self) {
        // SAFETY: the stream was initialized by `inflateInit2_`/`inflateCopy`.
        unsafe { inflateEnd(&mut *self.strm) };
    }
}
