//! `_bz2` on the `bzip2` crate with its pure-Rust backend
//! (`libbz2-rs-sys`, a port of libbzip2: the compressed bytes are
//! libbzip2's). `BZ2Compressor` and `BZ2Decompressor` keep their stream
//! off the heap; `bz2.py` builds `compress`, `decompress`, `open` and
//! `BZ2File` on them.

use bzip2::{Action, Compress, Compression, Decompress, Error as BzError, Status};
use pyvm_objmodel::Value;

use super::native_types::{NativeType, check_pos, index_arg, is_instance};
use super::{ModuleRef, NativeModule};
use crate::runtime::call::Args;
use crate::runtime::exception::{PyResult, Raised};
use crate::runtime::heap::Vm;
use crate::runtime::types::TypeId;

/// The `_bz2` module.
pub(crate) const MODULE: NativeModule = NativeModule {
    name: "_bz2",
    functions: &[],
    init: Some(init),
};

fn init(vm: &mut Vm, m: ModuleRef) -> PyResult<()> {
    let c = vm.native_class(&COMPRESSOR)?;
    m.set(vm, "BZ2Compressor", c)?;
    let d = vm.native_class(&DECOMPRESSOR)?;
    m.set(vm, "BZ2Decompressor", d)
}

struct Compressor {
    c: Compress,
    flushed: bool,
}

struct Decompressor {
    d: Decompress,
    eof: bool,
    /// Input not consumed yet (kept between calls while `needs_input` is false).
    input: Vec<u8>,
    unused: Vec<u8>,
    needs_input: bool,
}

/// `_bz2.BZ2Compressor(compresslevel=9, /)`.
pub(crate) static COMPRESSOR: NativeType = NativeType {
    module: "_bz2",
    name: "BZ2Compressor",
    new: Some(compressor_new),
    methods: &[("compress", c_compress), ("flush", c_flush)],
    ..NativeType::EMPTY
};

/// `_bz2.BZ2Decompressor()`.
pub(crate) static DECOMPRESSOR: NativeType = NativeType {
    module: "_bz2",
    name: "BZ2Decompressor",
    new: Some(decompressor_new),
    getattr: Some(|vm, s, name| {
        let me = vm.temp(s);
        let Some(d) = vm.native_rust::<Decompressor>(me) else {
            return Ok(None);
        };
        match name {
            "eof" => Ok(Some(Value::from_bool(d.eof))),
            "needs_input" => Ok(Some(Value::from_bool(d.needs_input))),
            "unused_data" => {
                let u = d.unused.clone();
                vm.new_bytes(&u).map(Some)
            }
            _ => Ok(None),
        }
    }),
    methods: &[("decompress", d_decompress)],
    ..NativeType::EMPTY
};

fn bz_error(vm: &mut Vm, e: BzError) -> Raised {
    match e {
        BzError::Data | BzError::DataMagic => vm.raise_msg(TypeId::OSError, "Invalid data stream"),
        BzError::Param => vm.raise_msg(
            TypeId::ValueError,
            "Internal error - invalid parameters passed to libbzip2",
        ),
        _ => vm.raise_msg(
            TypeId::RuntimeError,
            "Internal error - Invalid sequence of commands sent to libbzip2",
        ),
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

fn compressor_new(vm: &mut Vm, _cls: usize, a: Args) -> PyResult<Value> {
    if a.nkw(vm) > 0 {
        return Err(vm.type_error("BZ2Compressor() takes no keyword arguments"));
    }
    if a.n > 1 {
        let msg = format!("BZ2Compressor expected at most 1 argument, got {}", a.n);
        return Err(vm.type_error(&msg));
    }
    let level = if a.n == 1 {
        index_arg(vm, a.get(vm, 0))?
    } else {
        9
    };
    let Some(lvl) = u32::try_from(level).ok().and_then(Compression::try_new) else {
        return Err(vm.raise_msg(TypeId::ValueError, "compresslevel must be between 1 and 9"));
    };
    let c = Compressor {
        c: Compress::new(lvl, 0),
        flushed: false,
    };
    vm.new_native_cell(&COMPRESSOR, &[], Box::new(c))
}

fn check_self(vm: &mut Vm, a: &Args, t: &'static NativeType, method: &str) -> PyResult<()> {
    let me = a.get(vm, 0);
    if is_instance(vm, me, t) {
        return Ok(());
    }
    let tn = vm.type_name(me);
    Err(vm.type_error(&format!(
        "descriptor '{method}' for '_bz2.{}' objects doesn't apply to a '{tn}' object",
        t.name
    )))
}

/// Runs the compressor over `data` with `action` until it has taken all
/// input (Run) or ended the stream (Finish).
fn run_compress(c: &mut Compress, data: &[u8], action: Action) -> Result<Vec<u8>, BzError> {
    let mut out = Vec::with_capacity(data.len() / 4 + 64);
    let mut pos = 0;
    loop {
        if out.capacity() - out.len() < 4096 {
            out.reserve(out.capacity().max(8192));
        }
        let before = c.total_in();
        let st = c.compress_vec(&data[pos..], &mut out, action)?;
        pos += (c.total_in() - before) as usize;
        match action {
            Action::Finish if st == Status::StreamEnd => break,
            Action::Finish => {}
            _ if pos >= data.len() => break,
            _ => {}
        }
    }
    Ok(out)
}

fn c_compress(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "compress", 2, 2)?;
    check_self(vm, &a, &COMPRESSOR, "compress")?;
    let data = buffer(vm, a.get(vm, 1))?;
    let me = a.get(vm, 0);
    let r = match vm.native_rust::<Compressor>(me) {
        Some(c) if c.flushed => None,
        Some(c) => Some(run_compress(&mut c.c, &data, Action::Run)),
        None => Some(Ok(Vec::new())),
    };
    match r {
        None => Err(vm.raise_msg(TypeId::ValueError, "Compressor has been flushed")),
        Some(Ok(out)) => vm.new_bytes(&out),
        Some(Err(e)) => Err(bz_error(vm, e)),
    }
}

fn c_flush(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "flush", 1, 1)?;
    check_self(vm, &a, &COMPRESSOR, "flush")?;
    let me = a.get(vm, 0);
    let r = match vm.native_rust::<Compressor>(me) {
        Some(c) if c.flushed => None,
        Some(c) => {
            c.flushed = true;
            Some(run_compress(&mut c.c, &[], Action::Finish))
        }
        None => Some(Ok(Vec::new())),
    };
    match r {
        None => Err(vm.raise_msg(TypeId::ValueError, "Repeated call to flush()")),
        Some(Ok(out)) => vm.new_bytes(&out),
        Some(Err(e)) => Err(bz_error(vm, e)),
    }
}

fn decompressor_new(vm: &mut Vm, _cls: usize, a: Args) -> PyResult<Value> {
    if a.n > 0 {
        if a.nkw(vm) > 0 {
            return Err(vm.type_error("BZ2Decompressor() takes no keyword arguments"));
        }
        return Err(vm.type_error("BZ2Decompressor() takes no arguments"));
    }
    let d = Decompressor {
        d: Decompress::new(false),
        eof: false,
        input: Vec::new(),
        unused: Vec::new(),
        needs_input: true,
    };
    vm.new_native_cell(&DECOMPRESSOR, &[], Box::new(d))
}

/// `decompress(data, max_length=-1)`.
fn d_decompress(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let p = super::native_types::bind(
        vm,
        &a,
        "decompress",
        &["self", "data", "max_length"],
        3,
        2,
        super::native_types::Style::Clinic,
    )?;
    check_self(vm, &a, &DECOMPRESSOR, "decompress")?;
    let data = buffer(vm, vm.temp(p[1].unwrap_or(a.start + 1)))?;
    let max = match p[2] {
        Some(i) => index_arg(vm, vm.temp(i))?,
        None => -1,
    };
    let me = a.get(vm, 0);
    let r = match vm.native_rust::<Decompressor>(me) {
        None => Ok(Vec::new()),
        Some(d) if d.eof => Err(None),
        Some(d) => run_decompress(d, &data, max).map_err(Some),
    };
    match r {
        Ok(out) => vm.new_bytes(&out),
        Err(None) => Err(vm.raise_msg(TypeId::EOFError, "End of stream already reached")),
        Err(Some(e)) => Err(bz_error(vm, e)),
    }
}

fn run_decompress(d: &mut Decompressor, data: &[u8], max: i64) -> Result<Vec<u8>, BzError> {
    d.input.extend_from_slice(data);
    let limit = if max < 0 { usize::MAX } else { max as usize };
    let mut out: Vec<u8> = Vec::new();
    let mut pos = 0;
    let mut err = None;
    while out.len() < limit {
        let room = (limit - out.len()).min(out.capacity().max(8192));
        out.reserve(room);
        let spare = out.capacity() - out.len();
        let take = spare.min(limit - out.len());
        let mut chunk = Vec::with_capacity(take);
        let before_in = d.d.total_in();
        let st = d.d.decompress_vec(&d.input[pos..], &mut chunk);
        let used = (d.d.total_in() - before_in) as usize;
        pos += used;
        let produced = chunk.len();
        out.extend_from_slice(&chunk);
        match st {
            Ok(Status::StreamEnd) => {
                d.eof = true;
                break;
            }
            Ok(_) => {
                if used == 0 && produced == 0 {
                    break;
                }
            }
            Err(e) => {
                err = Some(e);
                break;
            }
        }
    }
    if let Some(e) = err {
        d.input.clear();
        return Err(e);
    }
    let rest = d.input.split_off(pos);
    d.input.clear();
    if d.eof {
        d.needs_input = false;
        d.unused.extend_from_slice(&rest);
    } else if rest.is_empty() {
        d.needs_input = true;
    } else {
        d.needs_input = false;
        d.input = rest;
    }
    Ok(out)
}
