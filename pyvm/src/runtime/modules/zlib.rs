//! `zlib` on zlib-rs (pure Rust): compress/decompress in the zlib,
//! raw-deflate and gzip containers (`wbits` as in CPython), `crc32`,
//! `adler32`, and compression/decompression objects.
//!
//! The streams are zlib-rs's (zlib's algorithms in Rust): levels 0 and 9
//! give C zlib's bytes, the others valid DEFLATE that may differ. Stream
//! objects keep their codec (`zlib_codec.rs`) off the heap; dictionaries
//! (`zdict`) and `copy()` work as in CPython.

use pyvm_objmodel::Value;

use super::native_types::{NativeType, Style, bind, check_pos, index_arg, opt};
use super::zlib_codec::{Container, Deflater, InflateError, Inflater};
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

/// The container `wbits` selects (ValueError when invalid).
fn container(vm: &mut Vm, wbits: i64, decompress: bool) -> PyResult<Container> {
    match Container::of(wbits, decompress) {
        Some(c) => Ok(c),
        None => Err(vm.raise_msg(TypeId::ValueError, "Invalid initialization option")),
    }
}

/// An optional integer argument (`__index__`), `default` when absent.
fn int_arg(vm: &mut Vm, v: Option<Value>, default: i64) -> PyResult<i64> {
    match v {
        Some(v) => index_arg(vm, v),
        None => Ok(default),
    }
}

fn zerror(vm: &mut Vm, e: InflateError, what: &str) -> Raised {
    if e.is_memory() {
        return vm.raise_msg(
            TypeId::MemoryError,
            &format!("Out of memory while {what} data"),
        );
    }
    match e.describe() {
        (code, Some(msg)) => error(vm, &format!("Error {code} while {what} data: {msg}")),
        (code, None) => error(vm, &format!("Error {code} while {what} data")),
    }
}

/// A `zdict` argument: `None` when absent or None. `compressobj` parses
/// it as a buffer (`clinic`), `decompressobj` checks the protocol.
fn zdict_arg(vm: &mut Vm, v: Option<Value>, clinic: bool) -> PyResult<Option<Vec<u8>>> {
    match v {
        Some(z) if !z.is_none() => match vm.buffer_copy(z)? {
            Some(b) => Ok(Some(b)),
            None if clinic => {
                let t = vm.type_name(z);
                Err(vm.type_error(&format!("a bytes-like object is required, not '{t}'")))
            }
            None => Err(vm.type_error("zdict argument must support the buffer protocol")),
        },
        _ => Ok(None),
    }
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
    container(vm, wbits, false)?;
    let out = match Deflater::new(level, wbits, 8, 0, None) {
        Ok(mut d) => d.run(&data, 4),
        Err(_) => return Err(error(vm, "Bad compression level")),
    };
    match out {
        Ok(out) => vm.new_bytes(&out),
        Err(e) => Err(zerror(vm, e, "compressing")),
    }
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
    container(vm, wbits, true)?;
    let mut inflater = match Inflater::new(wbits, None) {
        Ok(i) => i,
        Err(e) => return Err(zerror(vm, e, "preparing to decompress")),
    };
    let mut out = Vec::new();
    match inflater.run(&data, &mut out, None) {
        Ok(_) if inflater.eof() => vm.new_bytes(&out),
        Ok(_) => Err(error(
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

/// `zlib.Compress` (not exported, as in CPython): no heap state; a
/// [`Deflater`] off the heap.
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

/// `zlib.Decompress`: state [eof, unused_data, unconsumed_tail]; an
/// [`Inflater`] off the heap.
pub(crate) static DECOMPRESS: NativeType = NativeType {
    module: "zlib",
    name: "Decompress",
    getattr: Some(|vm, s, name| {
        Ok(match name {
            "eof" => Some(vm.st(s, 0)),
            "unused_data" => Some(vm.st(s, 1)),
            "unconsumed_tail" => Some(vm.st(s, 2)),
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
    let zdict = zdict_arg(vm, opt(vm, p[5]), true)?;
    match Deflater::new(level, wbits, mem, strategy, zdict.as_deref()) {
        Ok(d) => vm.new_native_cell(&COMPRESS, &[], Box::new(d)),
        Err(_) if zdict.is_some() => Err(vm.raise_msg(TypeId::ValueError, "Invalid dictionary")),
        Err(_) => Err(vm.raise_msg(TypeId::ValueError, "Invalid initialization option")),
    }
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
    let data = buffer(vm, a.get(vm, 1))?;
    let me = a.get(vm, 0);
    let out = vm
        .native_rust::<Deflater>(me)
        .filter(|d| !d.finished)
        .map(|d| d.run(&data, 0));
    match out {
        Some(Ok(out)) => vm.new_bytes(&out),
        Some(Err(e)) => Err(zerror(vm, e, "compressing")),
        None => Err(error(
            vm,
            "Error -2 while compressing data: inconsistent stream state",
        )),
    }
}

/// `flush(mode=Z_FINISH)`.
fn c_flush(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = check_pos(vm, &a, "flush", 1, 2)?;
    check_self(vm, &a, &COMPRESS, "flush")?;
    let mode = if n == 2 {
        index_arg(vm, a.get(vm, 1))?
    } else {
        4
    };
    if mode == 0 {
        return vm.new_bytes(&[]);
    }
    let me = a.get(vm, 0);
    let out = vm
        .native_rust::<Deflater>(me)
        .filter(|d| !d.finished && (1..=5).contains(&mode))
        .map(|d| d.run(&[], mode as i32));
    match out {
        Some(Ok(out)) => vm.new_bytes(&out),
        Some(Err(e)) => {
            let (code, msg) = e.describe();
            let msg = msg.unwrap_or_default();
            Err(error(vm, &format!("Error {code} while flushing: {msg}")))
        }
        None => Err(error(
            vm,
            "Error -2 while flushing: inconsistent stream state",
        )),
    }
}

fn c_copy(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "copy", 1, 1)?;
    check_self(vm, &a, &COMPRESS, "copy")?;
    let me = a.get(vm, 0);
    let copied = vm.native_rust::<Deflater>(me).map(|d| d.copy());
    match copied {
        Some(Ok(d)) => vm.new_native_cell(&COMPRESS, &[], Box::new(d)),
        _ => Err(vm.raise_msg(TypeId::ValueError, "Inconsistent stream state")),
    }
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
    let zdict = zdict_arg(vm, opt(vm, p[1]), false)?;
    let inf = match Inflater::new(wbits, zdict) {
        Ok(i) => i,
        Err(e) => {
            let (code, _) = e.describe();
            if code == -2 {
                return Err(vm.raise_msg(TypeId::ValueError, "Invalid initialization option"));
            }
            return Err(zerror(vm, e, "creating decompression object"));
        }
    };
    let e = vm.new_bytes(&[])?;
    vm.new_native_cell(&DECOMPRESS, &[Value::FALSE, e, e], Box::new(inf))
}

/// Decompresses `data` with the decompressor at argument 0, returning at
/// most `max` bytes when `max > 0`; sets eof, unused_data and
/// unconsumed_tail.
fn d_run(vm: &mut Vm, a: &Args, data: &[u8], max: usize) -> PyResult<Value> {
    let me = a.get(vm, 0);
    if vm.field(me, 1) == Value::TRUE {
        let mut all = vm.bytes_data(vm.field(me, 2)).to_vec();
        all.extend_from_slice(data);
        let u = vm.new_bytes(&all)?;
        vm.set_field(a.get(vm, 0), 2, u);
        return vm.new_bytes(&[]);
    }
    let mut out = Vec::new();
    let limit = (max > 0).then_some(max);
    let Some(inf) = vm.native_rust::<Inflater>(me) else {
        return Err(error(
            vm,
            "Error -2 while decompressing data: inconsistent stream state",
        ));
    };
    let used = inf.run(data, &mut out, limit);
    let eof = inf.eof();
    let used = used.map_err(|e| zerror(vm, e, "decompressing"))?;
    let rest = vm.new_bytes(&data[used.min(data.len())..])?;
    let ri = vm.push_temp(rest);
    let empty = vm.new_bytes(&[]);
    let rest = vm.temp(ri);
    vm.pop_temps(ri);
    let empty = empty?;
    let me = a.get(vm, 0);
    if eof {
        vm.set_field(me, 1, Value::TRUE);
        vm.set_field(me, 2, rest);
        vm.set_field(me, 3, empty);
    } else {
        vm.set_field(me, 3, rest);
    }
    vm.new_bytes(&out)
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

/// `flush(length=DEF_BUF_SIZE)`: decompresses the unconsumed tail too.
fn d_flush(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = check_pos(vm, &a, "flush", 1, 2)?;
    check_self(vm, &a, &DECOMPRESS, "flush")?;
    if n == 2 && index_arg(vm, a.get(vm, 1))? <= 0 {
        return Err(vm.raise_msg(TypeId::ValueError, "length must be greater than zero"));
    }
    let me = a.get(vm, 0);
    if vm.field(me, 1) == Value::TRUE {
        return vm.new_bytes(&[]);
    }
    let tail = vm.bytes_data(vm.field(me, 3)).to_vec();
    d_run(vm, &a, &tail, 0)
}

fn d_copy(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "copy", 1, 1)?;
    check_self(vm, &a, &DECOMPRESS, "copy")?;
    let me = a.get(vm, 0);
    let Some(Ok(inf)) = vm.native_rust::<Inflater>(me).map(|i| i.copy()) else {
        return Err(vm.raise_msg(TypeId::ValueError, "Inconsistent stream state"));
    };
    let fields = [vm.field(me, 1), vm.field(me, 2), vm.field(me, 3)];
    vm.new_native_cell(&DECOMPRESS, &fields, Box::new(inf))
}
