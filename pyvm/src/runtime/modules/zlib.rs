//! `zlib` on `miniz_oxide` (pure Rust): compress/decompress in the zlib,
//! raw-deflate and gzip containers (`wbits` as in CPython), `crc32`,
//! `adler32`, and compression/decompression objects.
//!
//! The compressed bytes are valid DEFLATE streams but not byte-identical to
//! the C zlib's. Stream objects keep their input in their state (a
//! bytearray) and re-run the codec over it, so no codec state lives outside
//! the heap: a compressor produces its stream at `flush()`, a decompressor
//! returns whatever new output the input so far yields.

use miniz_oxide::deflate::core::{CompressorOxide, create_comp_flags_from_zip_params};
use miniz_oxide::deflate::stream::deflate as deflate_stream;
use miniz_oxide::inflate::stream::{InflateState, inflate};
use miniz_oxide::{DataFormat, MZError, MZFlush, MZStatus};
use pyvm_objmodel::Value;

use super::native_types::{NativeType, Style, bind, check_pos, index_arg, opt};
use super::{ModuleRef, NativeModule};
use crate::runtime::call::Args;
use crate::runtime::exception::{PyResult, Raised};
use crate::runtime::heap::Vm;
use crate::runtime::types::TypeId;

/// The `zlib` module.
pub(crate) const MODULE: NativeModule = NativeModule {
    name: "zlib",
    functions: &[
        ("compress", compress),
        ("decompress", decompress),
        ("crc32", crc32),
        ("adler32", adler32),
        ("compressobj", compressobj),
        ("decompressobj", decompressobj),
    ],
    init: Some(init),
};

/// Auxiliary root: `zlib.error`.
const ERROR: usize = 5;

fn int(i: i64) -> Value {
    Value::from_int(i).unwrap_or(Value::NONE)
}

fn init(vm: &mut Vm, m: ModuleRef) -> PyResult<()> {
    for (name, v) in [
        ("MAX_WBITS", 15),
        ("DEFLATED", 8),
        ("DEF_MEM_LEVEL", 8),
        ("DEF_BUF_SIZE", 16384),
        ("Z_NO_COMPRESSION", 0),
        ("Z_BEST_SPEED", 1),
        ("Z_BEST_COMPRESSION", 9),
        ("Z_DEFAULT_COMPRESSION", -1),
        ("Z_DEFAULT_STRATEGY", 0),
        ("Z_FILTERED", 1),
        ("Z_HUFFMAN_ONLY", 2),
        ("Z_RLE", 3),
        ("Z_FIXED", 4),
        ("Z_NO_FLUSH", 0),
        ("Z_PARTIAL_FLUSH", 1),
        ("Z_SYNC_FLUSH", 2),
        ("Z_FULL_FLUSH", 3),
        ("Z_FINISH", 4),
        ("Z_BLOCK", 5),
        ("Z_TREES", 6),
    ] {
        m.set(vm, name, int(v))?;
    }
    for name in ["ZLIB_VERSION", "ZLIB_RUNTIME_VERSION"] {
        let s = vm.new_str("1.2.13")?;
        m.set(vm, name, s)?;
    }
    let e = super::binascii::exception_class(vm, "error", "zlib", TypeId::Exception)?;
    vm.set_aux_global(ERROR, e);
    m.set(vm, "error", e)
}

fn error(vm: &mut Vm, msg: &str) -> Raised {
    let made = (|| {
        let s = vm.new_str(msg)?;
        let args = vm.new_tuple(&[s])?;
        let class = vm.aux_global(ERROR);
        vm.new_exception(class, args)
    })();
    match made {
        Ok(e) => vm.raise_value(e),
        Err(r) => r,
    }
}

fn buffer(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    match vm.buffer_copy(v)? {
        Some(b) => Ok(b),
        None => {
            let t = vm.type_name(v);
            Err(vm.type_error(&format!("a bytes-like object is required, not '{t}'")))
        }
    }
}

/// The container `wbits` selects.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Container {
    Zlib,
    Raw,
    Gzip,
    Auto,
}

fn container(vm: &mut Vm, wbits: i64, decompress: bool) -> PyResult<Container> {
    Ok(match wbits {
        0 if decompress => Container::Zlib,
        8..=15 => Container::Zlib,
        -15..=-8 => Container::Raw,
        24..=31 => Container::Gzip,
        40..=47 if decompress => Container::Auto,
        _ => {
            return Err(vm.raise_msg(TypeId::ValueError, "Invalid initialization option"));
        }
    })
}

/// An optional integer argument (`__index__`), `default` when absent.
fn int_arg(vm: &mut Vm, v: Option<Value>, default: i64) -> PyResult<i64> {
    match v {
        Some(v) => index_arg(vm, v),
        None => Ok(default),
    }
}

/// Feeds `data` to the compressor with `flush`, appending to `out`.
fn feed(comp: &mut CompressorOxide, data: &[u8], flush: MZFlush, out: &mut Vec<u8>) {
    let mut buf = vec![0u8; 1 << 15];
    let mut pos = 0;
    loop {
        let r = deflate_stream(comp, &data[pos..], &mut buf, flush);
        pos += r.bytes_consumed;
        out.extend_from_slice(&buf[..r.bytes_written]);
        match r.status {
            Ok(MZStatus::StreamEnd) | Err(_) => return,
            Ok(_) if pos >= data.len() && r.bytes_written < buf.len() => return,
            Ok(_) => {}
        }
    }
}

/// The stream a compressor produces for `data` with flushes (`mode` at
/// byte `pos`) and, when `finish`, the end of the stream.
fn deflate(
    data: &[u8],
    level: i64,
    strategy: i64,
    c: Container,
    flushes: &[(usize, u8)],
    finish: bool,
) -> Vec<u8> {
    let window = if c == Container::Zlib { 1 } else { -1 };
    let flags = create_comp_flags_from_zip_params(level as i32, window, strategy as i32);
    let mut comp = CompressorOxide::new(flags);
    let mut out = Vec::new();
    if c == Container::Gzip {
        out.extend_from_slice(&[0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]);
    }
    let mut at = 0;
    for &(pos, mode) in flushes {
        let pos = pos.min(data.len());
        let flush = MZFlush::new(i32::from(mode)).unwrap_or(MZFlush::Sync);
        feed(&mut comp, &data[at..pos], flush, &mut out);
        at = pos;
    }
    if finish {
        feed(&mut comp, &data[at..], MZFlush::Finish, &mut out);
        if c == Container::Gzip {
            out.extend(super::binascii::crc32_update(0, data).to_le_bytes());
            out.extend((data.len() as u32).to_le_bytes());
        }
    }
    out
}

/// Length of a gzip header at the start of `data` (None: incomplete or bad).
fn gzip_header(data: &[u8]) -> Option<usize> {
    if data.len() < 10 || data[0] != 0x1f || data[1] != 0x8b || data[2] != 8 {
        return None;
    }
    let flags = data[3];
    let mut i = 10;
    if flags & 4 != 0 {
        let n = usize::from(*data.get(i)?) | usize::from(*data.get(i + 1)?) << 8;
        i += 2 + n;
    }
    for bit in [8, 16] {
        if flags & bit != 0 {
            while *data.get(i)? != 0 {
                i += 1;
            }
            i += 1;
        }
    }
    if flags & 2 != 0 {
        i += 2;
    }
    (i <= data.len()).then_some(i)
}

/// Inflates as much of `data` as possible: (output, bytes consumed, ended).
fn inflate_all(
    data: &[u8],
    c: Container,
    limit: Option<usize>,
) -> Result<(Vec<u8>, usize, bool), MZError> {
    let (c, skip) = match c {
        Container::Auto if data.first() == Some(&0x1f) => (Container::Gzip, 0),
        Container::Auto => (Container::Zlib, 0),
        other => (other, 0),
    };
    let (format, start) = match c {
        Container::Raw => (DataFormat::Raw, skip),
        Container::Gzip => match gzip_header(data) {
            Some(h) => (DataFormat::Raw, h),
            None => {
                return if data.len() < 10 {
                    Ok((Vec::new(), 0, false))
                } else {
                    Err(MZError::Data)
                };
            }
        },
        _ => (DataFormat::Zlib, skip),
    };
    let mut state = InflateState::new_boxed(format);
    let mut out = Vec::new();
    let mut buf = vec![0u8; 1 << 15];
    let mut pos = start;
    loop {
        let room = limit.map_or(buf.len(), |l| l.saturating_sub(out.len()).min(buf.len()));
        if room == 0 {
            return Ok((out, pos, false));
        }
        let r = inflate(&mut state, &data[pos..], &mut buf[..room], MZFlush::None);
        pos += r.bytes_consumed;
        out.extend_from_slice(&buf[..r.bytes_written]);
        match r.status {
            Ok(MZStatus::StreamEnd) => {
                if c == Container::Gzip {
                    pos = (pos + 8).min(data.len());
                }
                return Ok((out, pos, true));
            }
            Ok(_) if r.bytes_consumed == 0 && r.bytes_written == 0 => {
                return Ok((out, pos, false));
            }
            Ok(_) => {}
            Err(MZError::Buf) => return Ok((out, pos, false)),
            Err(e) => return Err(e),
        }
    }
}

fn zerror(vm: &mut Vm, e: MZError, what: &str) -> Raised {
    let (code, msg) = match e {
        MZError::Data => (-3, "invalid data"),
        MZError::Stream => (-2, "inconsistent stream state"),
        MZError::Buf => (-5, "incomplete or truncated stream"),
        _ => (-3, "invalid data"),
    };
    error(vm, &format!("Error {code} while {what} data: {msg}"))
}

/// `compress(data, /, level=-1, wbits=15)`.
fn compress(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let p = bind(
        vm,
        &a,
        "compress",
        &["data", "level", "wbits"],
        3,
        1,
        Style::Clinic,
    )?;
    let data = buffer(vm, vm.temp(p[0].unwrap_or(a.start)))?;
    let level = int_arg(vm, opt(vm, p[1]), -1)?;
    if !(-1..=9).contains(&level) {
        return Err(error(vm, "Bad compression level"));
    }
    let wbits = int_arg(vm, opt(vm, p[2]), 15)?;
    let c = container(vm, wbits, false)?;
    let out = deflate(&data, level, 0, c, &[], true);
    vm.new_bytes(&out)
}

/// Refuses a zlib stream whose header is wrong, as zlib does.
fn check_header(vm: &mut Vm, data: &[u8], c: Container) -> PyResult<()> {
    if c == Container::Zlib && data.len() >= 2 {
        let (cmf, flg) = (data[0], data[1]);
        if cmf & 15 != 8 || (u16::from(cmf) << 8 | u16::from(flg)) % 31 != 0 {
            return Err(error(
                vm,
                "Error -3 while decompressing data: incorrect header check",
            ));
        }
    }
    Ok(())
}

/// `decompress(data, /, wbits=15, bufsize=16384)`.
fn decompress(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let p = bind(
        vm,
        &a,
        "decompress",
        &["data", "wbits", "bufsize"],
        3,
        1,
        Style::Clinic,
    )?;
    let data = buffer(vm, vm.temp(p[0].unwrap_or(a.start)))?;
    let wbits = int_arg(vm, opt(vm, p[1]), 15)?;
    let c = container(vm, wbits, true)?;
    check_header(vm, &data, c)?;
    match inflate_all(&data, c, None) {
        Ok((out, _, true)) => vm.new_bytes(&out),
        Ok((_, _, false)) => Err(error(
            vm,
            "Error -5 while decompressing data: incomplete or truncated stream",
        )),
        Err(e) => Err(zerror(vm, e, "decompressing")),
    }
}

fn checksum_start(vm: &mut Vm, a: &Args, n: usize, default: u32) -> u32 {
    if n < 2 {
        return default;
    }
    let v = a.get(vm, 1);
    if vm.kind_of(v) == Some(crate::runtime::layout::Kind::BigInt) {
        let b = vm.bigint(v) & num_bigint::BigInt::from(u32::MAX);
        return u32::try_from(b).unwrap_or(0);
    }
    vm.index_value(v).unwrap_or(0) as u32
}

fn crc32(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = check_pos(vm, &a, "crc32", 1, 2)?;
    let data = buffer(vm, a.get(vm, 0))?;
    let start = checksum_start(vm, &a, n, 0);
    vm.new_i64(i64::from(super::binascii::crc32_update(start, &data)))
}

fn adler32(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = check_pos(vm, &a, "adler32", 1, 2)?;
    let data = buffer(vm, a.get(vm, 0))?;
    let start = checksum_start(vm, &a, n, 1);
    let (mut s1, mut s2) = (start & 0xffff, start >> 16);
    for &b in &data {
        s1 = (s1 + u32::from(b)) % 65521;
        s2 = (s2 + s1) % 65521;
    }
    vm.new_i64(i64::from(s2 << 16 | s1))
}

// ---- stream objects -------------------------------------------------------

/// `zlib.Compress` (not exported, as in CPython): state [level, wbits,
/// input bytearray, finished, output bytes returned, flush points (a
/// bytearray of 9-byte records: position, mode), strategy].
pub(crate) static COMPRESS: NativeType = NativeType {
    module: "zlib",
    name: "Compress",
    methods: &[
        ("compress", c_compress),
        ("flush", c_flush),
        ("copy", c_copy),
    ],
    ..NativeType::EMPTY
};

/// `zlib.Decompress`: state [wbits, input bytearray, output bytes
/// returned, eof, unused_data, unconsumed_tail].
pub(crate) static DECOMPRESS: NativeType = NativeType {
    module: "zlib",
    name: "Decompress",
    getattr: Some(|vm, s, name| {
        Ok(match name {
            "eof" => Some(vm.st(s, 3)),
            "unused_data" => Some(vm.st(s, 4)),
            "unconsumed_tail" => Some(vm.st(s, 5)),
            _ => None,
        })
    }),
    methods: &[
        ("decompress", d_decompress),
        ("flush", d_flush),
        ("copy", d_copy),
    ],
    ..NativeType::EMPTY
};

fn compressobj(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let p = bind(
        vm,
        &a,
        "compressobj",
        &["level", "method", "wbits", "memLevel", "strategy", "zdict"],
        6,
        0,
        Style::Clinic,
    )?;
    let level = int_arg(vm, opt(vm, p[0]), -1)?;
    let method = int_arg(vm, opt(vm, p[1]), 8)?;
    let wbits = int_arg(vm, opt(vm, p[2]), 15)?;
    let mem = int_arg(vm, opt(vm, p[3]), 8)?;
    let strategy = int_arg(vm, opt(vm, p[4]), 0)?;
    if !(-1..=9).contains(&level)
        || method != 8
        || !(1..=9).contains(&mem)
        || !(0..=4).contains(&strategy)
    {
        return Err(vm.raise_msg(TypeId::ValueError, "Invalid initialization option"));
    }
    container(vm, wbits, false)?;
    if opt(vm, p[5]).is_some_and(|z| !z.is_none()) {
        return Err(vm.not_supported("zlib compression dictionaries (zdict)"));
    }
    let buf = vm.new_bytearray(&[])?;
    let bi = vm.push_temp(buf);
    let r = match vm.new_bytearray(&[]) {
        Ok(f) => vm.new_native(
            &COMPRESS,
            &[
                int(level),
                int(wbits),
                vm.temp(bi),
                Value::FALSE,
                int(0),
                f,
                int(strategy),
            ],
        ),
        Err(e) => Err(e),
    };
    vm.pop_temps(bi);
    r
}

/// The object at argument 0 must be of native type `t` (a method called
/// through the class with another object raises TypeError).
fn check_self(vm: &mut Vm, a: &Args, t: &'static NativeType, method: &str) -> PyResult<()> {
    let me = a.get(vm, 0);
    if super::native_types::is_instance(vm, me, t) {
        return Ok(());
    }
    let tn = vm.type_name(me);
    Err(vm.type_error(&format!(
        "descriptor '{method}' for 'zlib.{}' objects doesn't apply to a '{tn}' object",
        t.name
    )))
}

fn c_compress(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "compress", 2, 2)?;
    check_self(vm, &a, &COMPRESS, "compress")?;
    if vm.field(a.get(vm, 0), 4) == Value::TRUE {
        return Err(error(
            vm,
            "Error -2 while compressing data: inconsistent stream state",
        ));
    }
    let data = buffer(vm, a.get(vm, 1))?;
    let buf = vm.field(a.get(vm, 0), 3);
    vm.bytearray_vec(buf).extend_from_slice(&data);
    vm.new_bytes(&[])
}

/// `flush(mode=Z_FINISH)`: the stream is recomputed from all the input and
/// the flush points so far, and the part not yet returned is returned.
fn c_flush(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = check_pos(vm, &a, "flush", 1, 2)?;
    check_self(vm, &a, &COMPRESS, "flush")?;
    let mode = if n == 2 {
        index_arg(vm, a.get(vm, 1))?
    } else {
        4
    };
    let me = a.get(vm, 0);
    if mode == 0 {
        return vm.new_bytes(&[]);
    }
    if !(1..=5).contains(&mode) || vm.field(me, 4) == Value::TRUE {
        return Err(error(
            vm,
            "Error -2 while flushing: inconsistent stream state",
        ));
    }
    let level = vm.field(me, 1).as_int().unwrap_or(-1);
    let wbits = vm.field(me, 2).as_int().unwrap_or(15);
    let strategy = vm.field(me, 7).as_int().unwrap_or(0);
    let emitted = vm.field(me, 5).as_int().unwrap_or(0) as usize;
    let c = container(vm, wbits, false)?;
    let me = a.get(vm, 0);
    let data = vm.bytearray_vec(vm.field(me, 3)).clone();
    let finish = mode == 4;
    if !finish {
        let rec = vm.bytearray_vec(vm.field(me, 6));
        rec.extend_from_slice(&(data.len() as u64).to_le_bytes());
        rec.push(mode as u8);
    }
    let flushes: Vec<(usize, u8)> = vm
        .bytearray_vec(vm.field(me, 6))
        .chunks(9)
        .map(|r| {
            let mut w = [0u8; 8];
            w.copy_from_slice(&r[..8]);
            (u64::from_le_bytes(w) as usize, r[8])
        })
        .collect();
    let out = deflate(&data, level, strategy, c, &flushes, finish);
    vm.set_field(me, 5, int(out.len() as i64));
    if finish {
        vm.set_field(me, 4, Value::TRUE);
        // The input is no longer needed.
        vm.bytearray_vec(vm.field(me, 3)).clear();
    }
    vm.new_bytes(&out[emitted.min(out.len())..])
}

fn c_copy(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "copy", 1, 1)?;
    check_self(vm, &a, &COMPRESS, "copy")?;
    let me = a.get(vm, 0);
    if vm.field(me, 4) == Value::TRUE {
        return Err(vm.raise_msg(TypeId::ValueError, "Inconsistent stream state"));
    }
    let data = vm.bytearray_vec(vm.field(me, 3)).clone();
    let buf = vm.new_bytearray(&data)?;
    let bi = vm.push_temp(buf);
    let me = a.get(vm, 0);
    let flushes = vm.bytearray_vec(vm.field(me, 6)).clone();
    let r = match vm.new_bytearray(&flushes) {
        Ok(f) => {
            let me = a.get(vm, 0);
            let g = |k: usize| vm.field(me, k);
            let state = [g(1), g(2), vm.temp(bi), g(4), g(5), f, g(7)];
            vm.new_native(&COMPRESS, &state)
        }
        Err(e) => Err(e),
    };
    vm.pop_temps(bi);
    r
}

fn decompressobj(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let p = bind(
        vm,
        &a,
        "decompressobj",
        &["wbits", "zdict"],
        2,
        0,
        Style::Clinic,
    )?;
    let wbits = int_arg(vm, opt(vm, p[0]), 15)?;
    container(vm, wbits, true)?;
    if opt(vm, p[1]).is_some_and(|z| !z.is_none()) {
        return Err(vm.not_supported("zlib compression dictionaries (zdict)"));
    }
    let buf = vm.new_bytearray(&[])?;
    let bi = vm.push_temp(buf);
    let r = match vm.new_bytes(&[]) {
        Ok(e) => vm.new_native(
            &DECOMPRESS,
            &[int(wbits), vm.temp(bi), int(0), Value::FALSE, e, e],
        ),
        Err(e) => Err(e),
    };
    vm.pop_temps(bi);
    r
}

/// Appends `data` to the decompressor's input and returns the new output
/// (at most `max` bytes when `max > 0`); sets eof, unused_data and
/// unconsumed_tail.
fn d_run(vm: &mut Vm, a: &Args, data: &[u8], max: usize) -> PyResult<Value> {
    let me = a.get(vm, 0);
    if vm.field(me, 4) == Value::TRUE {
        let mut all = vm.bytes_data(vm.field(me, 5)).to_vec();
        all.extend_from_slice(data);
        let u = vm.new_bytes(&all)?;
        vm.set_field(a.get(vm, 0), 5, u);
        return vm.new_bytes(&[]);
    }
    vm.bytearray_vec(vm.field(me, 2)).extend_from_slice(data);
    let wbits = vm.field(me, 1).as_int().unwrap_or(15);
    let c = container(vm, wbits, true)?;
    let me = a.get(vm, 0);
    let input = vm.bytearray_vec(vm.field(me, 2)).clone();
    check_header(vm, &input, c)?;
    let done = vm.field(me, 3).as_int().unwrap_or(0) as usize;
    let limit = (max > 0).then_some(done + max);
    let (out, used, end) =
        inflate_all(&input, c, limit).map_err(|e| zerror(vm, e, "decompressing"))?;
    let me = a.get(vm, 0);
    vm.set_field(me, 3, int(out.len() as i64));
    let mut used = used.min(input.len());
    let limited = limit.is_some_and(|l| out.len() >= l) && !end;
    if let Some(l) = limit
        && limited
    {
        // The codec may have read ahead: the shortest input that yields
        // the output returned is what was consumed, the rest is the tail.
        let (mut lo, mut hi) = (0, used);
        while lo < hi {
            let mid = (lo + hi) / 2;
            match inflate_all(&input[..mid], c, limit) {
                Ok((o, _, _)) if o.len() >= l => hi = mid,
                _ => lo = mid + 1,
            }
        }
        used = hi;
    }
    let rest = if end || limited {
        &input[used..]
    } else {
        &[][..]
    };
    if end || limited {
        vm.bytearray_vec(vm.field(me, 2)).truncate(used);
    }
    let r = vm.new_bytes(rest)?;
    let me = a.get(vm, 0);
    if end {
        vm.set_field(me, 4, Value::TRUE);
        vm.set_field(me, 5, r);
        let e = vm.new_bytes(&[])?;
        vm.set_field(a.get(vm, 0), 6, e);
    } else {
        vm.set_field(me, 6, r);
    }
    vm.new_bytes(&out[done.min(out.len())..])
}

/// `decompress(data, /, max_length=0)`.
fn d_decompress(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_self(vm, &a, &DECOMPRESS, "decompress")?;
    let rest = Args {
        start: a.start + 1,
        n: a.n.saturating_sub(1),
        kw: a.kw,
    };
    let p = bind(
        vm,
        &rest,
        "decompress",
        &["data", "max_length"],
        2,
        1,
        Style::Clinic,
    )?;
    let data = buffer(vm, vm.temp(p[0].unwrap_or(rest.start)))?;
    let max = int_arg(vm, opt(vm, p[1]), 0)?;
    if max < 0 {
        return Err(vm.raise_msg(TypeId::ValueError, "max_length must be non-negative"));
    }
    d_run(vm, &a, &data, max as usize)
}

/// `flush(length=DEF_BUF_SIZE)`: the output of the unconsumed tail too.
fn d_flush(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = check_pos(vm, &a, "flush", 1, 2)?;
    check_self(vm, &a, &DECOMPRESS, "flush")?;
    if n == 2 && index_arg(vm, a.get(vm, 1))? <= 0 {
        return Err(vm.raise_msg(TypeId::ValueError, "length must be greater than zero"));
    }
    let me = a.get(vm, 0);
    if vm.field(me, 4) == Value::TRUE {
        return vm.new_bytes(&[]);
    }
    let tail = vm.bytes_data(vm.field(me, 6)).to_vec();
    d_run(vm, &a, &tail, 0)
}

fn d_copy(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "copy", 1, 1)?;
    check_self(vm, &a, &DECOMPRESS, "copy")?;
    let me = a.get(vm, 0);
    let data = vm.bytearray_vec(vm.field(me, 2)).clone();
    let buf = vm.new_bytearray(&data)?;
    let me = a.get(vm, 0);
    let g = |k: usize| vm.field(me, k);
    let state = [g(1), buf, g(3), g(4), g(5), g(6)];
    vm.new_native(&DECOMPRESS, &state)
}
