//! `_lzma` on the `liblzma` crate (xz's liblzma, compiled from the
//! crate's bundled C sources: the compressed bytes are liblzma's, as
//! CPython's). The module's classes and argument checks are Python
//! (`py/lzma_module.py`); the streams are the native state objects below.
//! A filter chain comes from Python as a list of int tuples:
//! `(id, preset, dict_size, lc, lp, pb, mode, nice_len, mf, depth)` for
//! LZMA1/2 (-1: the preset's value), `(id, dist)` for delta,
//! `(id, start_offset)` for the branch filters.

use liblzma::stream::{
    Action, Check, Error as XzError, Filters, LzmaOptions, MatchFinder, Mode, Status, Stream,
};
use pyvm_objmodel::Value;

use super::native_types::NativeType;
use super::{ModuleRef, NativeModule};
use crate::runtime::call::Args;
use crate::runtime::exception::{PyResult, Raised};
use crate::runtime::heap::Vm;
use crate::runtime::types::TypeId;

const SRC: &str = include_str!("../py/lzma_module.py");

/// The `_lzma` module.
pub(crate) const MODULE: NativeModule = NativeModule {
    name: "_lzma",
    functions: &[
        ("_encoder", encoder),
        ("_enc_run", enc_run),
        ("_decoder", decoder),
        ("_dec_run", dec_run),
    ],
    init: Some(init),
};

fn init(vm: &mut Vm, m: ModuleRef) -> PyResult<()> {
    super::time_mod::exec_in_module(vm, m, SRC, "<pyvm _lzma>")
}

const FILTER_LZMA1: i64 = 0x4000000000000001;
const FILTER_LZMA2: i64 = 0x21;
const FILTER_DELTA: i64 = 3;

/// An encoder's stream.
pub(crate) static ENCODER: NativeType = NativeType {
    module: "_lzma",
    name: "_encoder",
    ..NativeType::EMPTY
};

/// A decoder's stream and its bookkeeping.
pub(crate) static DECODER: NativeType = NativeType {
    module: "_lzma",
    name: "_decoder",
    ..NativeType::EMPTY
};

struct Dec {
    s: Stream,
    format: i64,
    eof: bool,
    input: Vec<u8>,
    /// The first bytes of the input (the xz stream header names the check).
    head: Vec<u8>,
    check: i64,
}

fn lzma_error(vm: &mut Vm, msg: &str) -> Raised {
    match super::pwd_grp::module_attr(vm, "_lzma", "LZMAError") {
        Ok(cls) => match vm.new_str(msg) {
            Ok(s) => match vm.call_value(cls, &[s]) {
                Ok(e) => vm.raise_value(e),
                Err(r) => r,
            },
            Err(r) => r,
        },
        Err(r) => r,
    }
}

fn xz_error(vm: &mut Vm, e: XzError) -> Raised {
    let msg = match e {
        XzError::Data => "Corrupt input data",
        XzError::Options => "Invalid or unsupported options",
        XzError::Format => "Input format not supported by decoder",
        XzError::MemLimit => "Memory usage limit exceeded",
        XzError::Mem => return vm.raise_msg(TypeId::MemoryError, ""),
        XzError::NoCheck | XzError::UnsupportedCheck => "Unsupported integrity check",
        XzError::Program => "Internal error",
    };
    lzma_error(vm, msg)
}

fn int_at(vm: &Vm, a: &Args, i: usize) -> i64 {
    a.get(vm, i).as_int().unwrap_or(-1)
}

/// The filter chain of argument `i` (a list of int tuples), or `None`.
fn filters_arg(vm: &Vm, v: Value) -> Option<Vec<Vec<i64>>> {
    if v.is_none() {
        return None;
    }
    let items = vm.list_vec(v).clone();
    Some(
        items
            .iter()
            .map(|t| {
                vm.tuple_items(*t)
                    .iter()
                    .map(|x| {
                        x.as_int()
                            .or_else(|| vm.int_of(*x).and_then(|b| i64::try_from(b).ok()))
                            .unwrap_or(-1)
                    })
                    .collect()
            })
            .collect(),
    )
}

fn lzma_options(spec: &[i64]) -> Result<LzmaOptions, XzError> {
    let g = |k: usize| spec.get(k).copied().unwrap_or(-1);
    let mut o = LzmaOptions::new_preset(g(1) as u32)?;
    if g(2) >= 0 {
        o.dict_size(g(2) as u32);
    }
    if g(3) >= 0 {
        o.literal_context_bits(g(3) as u32);
    }
    if g(4) >= 0 {
        o.literal_position_bits(g(4) as u32);
    }
    if g(5) >= 0 {
        o.position_bits(g(5) as u32);
    }
    match g(6) {
        1 => {
            o.mode(Mode::Fast);
        }
        2 => {
            o.mode(Mode::Normal);
        }
        -1 => {}
        _ => return Err(XzError::Options),
    }
    if g(7) >= 0 {
        o.nice_len(g(7) as u32);
    }
    let mf = match g(8) {
        3 => Some(MatchFinder::HashChain3),
        4 => Some(MatchFinder::HashChain4),
        0x12 => Some(MatchFinder::BinaryTree2),
        0x13 => Some(MatchFinder::BinaryTree3),
        0x14 => Some(MatchFinder::BinaryTree4),
        -1 => None,
        _ => return Err(XzError::Options),
    };
    if let Some(mf) = mf {
        o.match_finder(mf);
    }
    if g(9) >= 0 {
        o.depth(g(9) as u32);
    }
    Ok(o)
}

fn build_filters(specs: &[Vec<i64>]) -> Result<Filters, XzError> {
    let mut f = Filters::new();
    for s in specs {
        let id = s.first().copied().unwrap_or(-1);
        let arg = s.get(1).copied().unwrap_or(0);
        match id {
            FILTER_LZMA1 => {
                f.lzma1(&lzma_options(s)?);
            }
            FILTER_LZMA2 => {
                f.lzma2(&lzma_options(s)?);
            }
            FILTER_DELTA => {
                if !(1..=256).contains(&arg) {
                    return Err(XzError::Options);
                }
                f.delta_properties(&[(arg - 1) as u8])?;
            }
            4..=9 => {
                let props = (arg as u32).to_le_bytes();
                let p: &[u8] = if arg == 0 { &[] } else { &props };
                match id {
                    4 => f.x86_properties(p)?,
                    5 => f.powerpc_properties(p)?,
                    6 => f.ia64_properties(p)?,
                    7 => f.arm_properties(p)?,
                    8 => f.arm_thumb_properties(p)?,
                    _ => f.sparc_properties(p)?,
                };
            }
            _ => return Err(XzError::Options),
        }
    }
    Ok(f)
}

fn check_of(c: i64) -> Result<Check, XzError> {
    Ok(match c {
        0 => Check::None,
        1 => Check::Crc32,
        4 => Check::Crc64,
        10 => Check::Sha256,
        _ => return Err(XzError::UnsupportedCheck),
    })
}

/// `_encoder(format, check, preset, filters or None)`.
fn encoder(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let format = int_at(vm, &a, 0);
    let check = int_at(vm, &a, 1);
    let preset = int_at(vm, &a, 2);
    let specs = filters_arg(vm, a.get(vm, 3));
    let made = (|| -> Result<Stream, XzError> {
        match (format, &specs) {
            (1, None) => Stream::new_easy_encoder(preset as u32, check_of(check)?),
            (1, Some(s)) => Stream::new_stream_encoder(&build_filters(s)?, check_of(check)?),
            (2, None) => Stream::new_lzma_encoder(&LzmaOptions::new_preset(preset as u32)?),
            (2, Some(s)) => Stream::new_lzma_encoder(&lzma_options(&s[0])?),
            (_, Some(s)) => Stream::new_raw_encoder(&build_filters(s)?),
            (_, None) => Err(XzError::Options),
        }
    })();
    match made {
        Ok(s) => vm.new_native_cell(&ENCODER, &[], Box::new(s)),
        Err(e) => Err(xz_error(vm, e)),
    }
}

fn run(s: &mut Stream, data: &[u8], finish: bool) -> Result<Vec<u8>, XzError> {
    let mut out = Vec::with_capacity(data.len() / 2 + 64);
    let mut pos = 0;
    loop {
        if out.capacity() - out.len() < 4096 {
            out.reserve(out.capacity().max(8192));
        }
        let before = s.total_in();
        let action = if finish { Action::Finish } else { Action::Run };
        let st = s.process_vec(&data[pos..], &mut out, action)?;
        pos += (s.total_in() - before) as usize;
        if st == Status::StreamEnd {
            break;
        }
        if !finish && pos >= data.len() && out.len() < out.capacity() {
            break;
        }
    }
    Ok(out)
}

/// `_enc_run(encoder, data, finish)` → the compressed bytes.
fn enc_run(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let data = vm.buffer_copy(a.get(vm, 1))?.unwrap_or_default();
    let finish = a.get(vm, 2) == Value::TRUE;
    let me = a.get(vm, 0);
    let r = match vm.native_rust::<Stream>(me) {
        Some(s) => run(s, &data, finish),
        None => Err(XzError::Program),
    };
    match r {
        Ok(out) => vm.new_bytes(&out),
        Err(e) => Err(xz_error(vm, e)),
    }
}

/// `_decoder(format, memlimit or -1, filters or None)`.
fn decoder(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let format = int_at(vm, &a, 0);
    let mem = a.get(vm, 1).as_int().filter(|m| *m >= 0).map(|m| m as u64);
    let mem = mem.unwrap_or(u64::MAX);
    let specs = filters_arg(vm, a.get(vm, 2));
    let made = (|| -> Result<Stream, XzError> {
        match (format, &specs) {
            (0, _) => Stream::new_auto_decoder(mem, 0),
            (1, _) => Stream::new_stream_decoder(mem, 0),
            (2, _) => Stream::new_lzma_decoder(mem),
            (_, Some(s)) => Stream::new_raw_decoder(&build_filters(s)?),
            (_, None) => Err(XzError::Options),
        }
    })();
    match made {
        Ok(s) => {
            let d = Dec {
                s,
                format,
                eof: false,
                input: Vec::new(),
                head: Vec::new(),
                check: if format >= 2 { 0 } else { 16 },
            };
            vm.new_native_cell(&DECODER, &[], Box::new(d))
        }
        Err(e) => Err(xz_error(vm, e)),
    }
}

/// Decompresses up to `max` bytes (all when negative); returns the output
/// and the input left over.
fn dec_step(d: &mut Dec, data: &[u8], max: i64) -> Result<(Vec<u8>, Vec<u8>, bool), XzError> {
    d.input.extend_from_slice(data);
    if d.head.len() < 12 {
        let n = (12 - d.head.len()).min(data.len());
        d.head.extend_from_slice(&data[..n]);
    }
    let limit = if max < 0 { usize::MAX } else { max as usize };
    let mut out: Vec<u8> = Vec::new();
    let mut pos = 0;
    while out.len() < limit {
        let take = (limit - out.len()).min(out.len().max(8192));
        let mut chunk = Vec::with_capacity(take);
        let before = d.s.total_in();
        let st = d.s.process_vec(&d.input[pos..], &mut chunk, Action::Run);
        let used = (d.s.total_in() - before) as usize;
        pos += used;
        let produced = chunk.len();
        out.extend_from_slice(&chunk);
        if d.format <= 1 && d.head.len() >= 12 && d.head.starts_with(b"\xfd7zXZ\0") {
            d.check = i64::from(d.head[7] & 0x0f);
        } else if d.format == 0 && d.head.len() >= 12 {
            d.check = 0;
        }
        match st {
            Ok(Status::StreamEnd) => {
                d.eof = true;
                break;
            }
            Ok(_) => {
                if used == 0 && produced < take {
                    break;
                }
            }
            Err(e) => {
                d.input.clear();
                return Err(e);
            }
        }
    }
    let rest = d.input.split_off(pos);
    d.input.clear();
    let full = out.len() >= limit;
    Ok((out, rest, full))
}

/// `_dec_run(decoder, data, max_length)` →
/// `(output, eof, needs_input, new unused data, check)`.
fn dec_run(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let data = vm.buffer_copy(a.get(vm, 1))?.unwrap_or_default();
    let max = a.get(vm, 2).as_int().unwrap_or(-1);
    let me = a.get(vm, 0);
    let r = match vm.native_rust::<Dec>(me) {
        Some(d) => dec_step(d, &data, max).map(|(out, rest, full)| {
            let (needs, unused) = if d.eof {
                (false, rest)
            } else if rest.is_empty() {
                (!full, Vec::new())
            } else {
                d.input = rest;
                (false, Vec::new())
            };
            (out, d.eof, needs, unused, d.check)
        }),
        None => Err(XzError::Program),
    };
    match r {
        Ok((out, eof, needs, unused, check)) => {
            let o = vm.new_bytes(&out)?;
            let oi = vm.push_temp(o);
            let u = vm.new_bytes(&unused);
            let r = u.and_then(|u| {
                let o = vm.temp(oi);
                let chk = Value::from_int(check).unwrap_or(Value::NONE);
                vm.new_tuple(&[o, Value::from_bool(eof), Value::from_bool(needs), u, chk])
            });
            vm.pop_temps(oi);
            r
        }
        Err(e) => Err(xz_error(vm, e)),
    }
}
