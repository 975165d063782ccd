//! `_struct`: packing values into bytes and back, with every format
//! character, the byte orders (`@` native with alignment, `=`, `<`, `>`,
//! `!`) and CPython's `struct.error` messages. Half and single floats use
//! `crate::float_pack`.

use num_bigint::BigInt;
use num_traits::ToPrimitive;
use pyvm_objmodel::Value;

use super::native_types::{NativeType, check_pos, export, index_arg};
use super::{ModuleRef, NativeModule};
use crate::runtime::bytes_obj::ViewField;
use crate::runtime::call::Args;
use crate::runtime::exception::{PyResult, Raised};
use crate::runtime::heap::Vm;
use crate::runtime::layout::Kind;
use crate::runtime::types::TypeId;

/// The `_struct` module.
pub(crate) const MODULE: NativeModule = NativeModule {
    name: "_struct",
    functions: &[
        ("pack", pack),
        ("unpack", unpack),
        ("calcsize", calcsize),
        ("iter_unpack", iter_unpack),
        ("unpack_from", unpack_from),
        ("pack_into", pack_into),
        ("_clearcache", clearcache),
    ],
    init: Some(init),
};

/// Auxiliary root: `struct.error`.
const ERROR: usize = 4;

fn init(vm: &mut Vm, m: ModuleRef) -> PyResult<()> {
    let e = super::binascii::exception_class(vm, "error", "struct", TypeId::Exception)?;
    vm.set_aux_global(ERROR, e);
    m.set(vm, "error", e)?;
    export(vm, m, &STRUCT)
}

/// An object as a C double the way `PyFloat_AsDouble` sees it:
/// `__float__`, else `__index__`.
fn float_like(vm: &mut Vm, v: Value) -> PyResult<f64> {
    let vi = vm.push_temp(v);
    let r = (|| {
        let class = vm.class_of(vm.temp(vi));
        if vm.lookup_type_attr(class, "__float__")?.is_none()
            && let Some(i) = vm.call_dunder0(vm.temp(vi), "__index__")?
        {
            return vm.to_f64(i);
        }
        vm.to_f64(vm.temp(vi))
    })();
    vm.pop_temps(vi);
    r
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

/// One format item: a code repeated `count` times (for `s`/`p`, one item
/// of `count` bytes), at byte `offset`.
#[derive(Clone, Copy, Debug)]
struct Item {
    code: u8,
    count: usize,
    offset: usize,
}

/// A parsed format.
#[derive(Clone, Debug)]
struct Format {
    little: bool,
    native: bool,
    items: Vec<Item>,
    size: usize,
    /// Number of Python values packed/unpacked.
    nvalues: usize,
}

fn code_size(code: u8, native: bool) -> Option<usize> {
    Some(match code {
        b'x' | b'c' | b'b' | b'B' | b'?' | b's' | b'p' => 1,
        b'h' | b'H' | b'e' => 2,
        b'i' | b'I' | b'f' => 4,
        b'l' | b'L' => {
            if native {
                8
            } else {
                4
            }
        }
        b'q' | b'Q' | b'd' => 8,
        b'n' | b'N' | b'P' if native => 8,
        _ => return None,
    })
}

fn parse(vm: &mut Vm, fmt: &[u8]) -> PyResult<Format> {
    let (little, native, body) = match fmt.first() {
        Some(b'@') => (cfg!(target_endian = "little"), true, &fmt[1..]),
        Some(b'=') => (cfg!(target_endian = "little"), false, &fmt[1..]),
        Some(b'<') => (true, false, &fmt[1..]),
        Some(b'>' | b'!') => (false, false, &fmt[1..]),
        _ => (cfg!(target_endian = "little"), true, fmt),
    };
    let mut items = Vec::new();
    let mut size = 0usize;
    let mut nvalues = 0;
    let mut i = 0;
    while i < body.len() {
        let c = body[i];
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let mut count: Option<usize> = None;
        while i < body.len() && body[i].is_ascii_digit() {
            let d = (body[i] - b'0') as usize;
            let next = count
                .unwrap_or(0)
                .checked_mul(10)
                .and_then(|n| n.checked_add(d));
            match next {
                Some(n) => count = Some(n),
                None => return Err(error(vm, "total struct size too long")),
            }
            i += 1;
        }
        let count = count.unwrap_or(1);
        if i >= body.len() {
            return Err(error(vm, "repeat count given without format specifier"));
        }
        let code = body[i];
        i += 1;
        let Some(sz) = code_size(code, native) else {
            return Err(error(vm, "bad char in struct format"));
        };
        if native && sz > 1 && !matches!(code, b's' | b'p') {
            size = size.div_ceil(sz) * sz;
        }
        items.push(Item {
            code,
            count,
            offset: size,
        });
        size = size
            .checked_add(sz.saturating_mul(count))
            .filter(|&s| s <= isize::MAX as usize)
            .ok_or_else(|| error(vm, "total struct size too long"))?;
        nvalues += match code {
            b'x' => 0,
            b's' | b'p' => 1,
            _ => count,
        };
    }
    Ok(Format {
        little,
        native,
        items,
        size,
        nvalues,
    })
}

fn format_arg(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    if vm.is_str(v) {
        return Ok(vm.str_bytes(v).to_vec());
    }
    match vm.kind_of(v) {
        Some(Kind::Bytes) => Ok(vm.bytes_data(v).to_vec()),
        _ => {
            let t = vm.type_name(v);
            Err(vm.type_error(&format!(
                "Struct() argument 1 must be a str or bytes object, not {t}"
            )))
        }
    }
}

/// An int argument (with `__index__`), or struct.error.
fn int_value(vm: &mut Vm, v: Value) -> PyResult<BigInt> {
    if let Some(i) = v.as_int() {
        return Ok(BigInt::from(i));
    }
    if let Some(b) = v.as_bool() {
        return Ok(BigInt::from(b as i64));
    }
    if vm.kind_of(v) == Some(Kind::BigInt) {
        return Ok(vm.bigint(v).clone());
    }
    if vm.kind_of(v) == Some(Kind::Instance)
        && let Some(r) = vm.call_dunder0(v, "__index__")?
    {
        return int_value(vm, r);
    }
    Err(error(vm, "required argument is not an integer"))
}

/// Checks and converts an integer for `code`; `big` is the standard-size
/// big-endian table, whose messages differ a little in CPython.
fn pack_int(
    vm: &mut Vm,
    code: u8,
    n: &BigInt,
    size: usize,
    native: bool,
    big: bool,
) -> PyResult<u64> {
    let signed = code.is_ascii_lowercase();
    let bits = size * 8;
    let (lo, hi) = if signed {
        (
            -(BigInt::from(1) << (bits - 1)),
            (BigInt::from(1) << (bits - 1)) - 1,
        )
    } else {
        (BigInt::from(0), (BigInt::from(1) << bits) - 1)
    };
    // CPython converts to a C long (unsigned long for I, L, Q, N) first:
    // values beyond it get the generic message, the others the format's.
    if code == b'P' && native {
        return match (n.to_i64(), n.to_u64()) {
            (Some(i), _) => Ok(i as u64),
            (_, Some(u)) => Ok(u),
            _ => Err(error(vm, "int too large to convert")),
        };
    }
    let unsigned_long = matches!(code, b'I' | b'L' | b'Q' | b'N') || (big && code == b'H');
    let fits = if unsigned_long {
        n.to_u64().is_some()
    } else {
        n.to_i64().is_some()
    };
    if !fits {
        let msg = if big && size == 8 {
            "int too large to convert"
        } else {
            "argument out of range"
        };
        return Err(error(vm, msg));
    }
    if *n < lo || *n > hi {
        let msg = match code {
            b'b' => "byte format requires -128 <= number <= 127".to_string(),
            b'B' => "ubyte format requires 0 <= number <= 255".to_string(),
            b'h' | b'H' if big => {
                format!("'{}' format requires {lo} <= number <= {hi}", code as char)
            }
            b'h' => "short format requires -32768 <= number <= 32767".to_string(),
            b'H' => "ushort format requires 0 <= number <= 65535".to_string(),
            b'i' | b'l' | b'I' | b'L' if size == 4 => {
                format!("'{}' format requires {lo} <= number <= {hi}", code as char)
            }
            _ => "argument out of range".to_string(),
        };
        return Err(error(vm, &msg));
    }
    let v = if signed {
        n.to_i64().unwrap_or(0) as u64
    } else {
        n.to_u64().unwrap_or(0)
    };
    Ok(v)
}

fn put_uint(out: &mut [u8], v: u64, size: usize, little: bool) {
    for k in 0..size {
        let byte = (v >> (8 * k)) as u8;
        let at = if little { k } else { size - 1 - k };
        out[at] = byte;
    }
}

fn get_uint(b: &[u8], size: usize, little: bool) -> u64 {
    let mut v = 0u64;
    for k in 0..size {
        let at = if little { k } else { size - 1 - k };
        v |= u64::from(b[at]) << (8 * k);
    }
    v
}

/// Packs the values at temps `vals..vals + f.nvalues` into `out`.
fn pack_values(vm: &mut Vm, f: &Format, vals: usize, out: &mut [u8]) -> PyResult<()> {
    let mut vi = vals;
    for it in &f.items {
        let sz = code_size(it.code, f.native).unwrap_or(1);
        match it.code {
            b'x' => {}
            b's' | b'p' => {
                let v = vm.temp(vi);
                vi += 1;
                if vm.kind_of(v) != Some(Kind::Bytes) && vm.kind_of(v) != Some(Kind::ByteArray) {
                    let c = it.code as char;
                    return Err(error(
                        vm,
                        &format!("argument for '{c}' must be a bytes object"),
                    ));
                }
                let data = vm.bytes_data(v).to_vec();
                let dst = &mut out[it.offset..it.offset + it.count];
                if it.code == b's' {
                    let n = data.len().min(it.count);
                    dst[..n].copy_from_slice(&data[..n]);
                } else if it.count > 0 {
                    let n = data.len().min(it.count - 1).min(255);
                    dst[0] = n as u8;
                    dst[1..1 + n].copy_from_slice(&data[..n]);
                }
            }
            code => {
                for k in 0..it.count {
                    let v = vm.temp(vi);
                    vi += 1;
                    let at = it.offset + k * sz;
                    let dst = &mut out[at..at + sz];
                    match code {
                        b'c' => {
                            let ok = vm.kind_of(v) == Some(Kind::Bytes) && vm.len_word(v) == 1;
                            if !ok {
                                return Err(error(
                                    vm,
                                    "char format requires a bytes object of length 1",
                                ));
                            }
                            dst[0] = vm.bytes_data(v)[0];
                        }
                        b'?' => dst[0] = u8::from(vm.truthy(v)?),
                        b'e' | b'f' | b'd' => {
                            let x = match vm.number(v) {
                                Some(_) => vm.to_f64(v)?,
                                None if vm.kind_of(v) == Some(Kind::Instance) => float_like(vm, v)?,
                                None => return Err(error(vm, "required argument is not a float")),
                            };
                            let x = crate::float_parse::canonical_nan(x);
                            let bits = match code {
                                b'e' => u64::from(
                                    crate::float_pack::pack_half(x)
                                        .map_err(|e| vm.raise_pyerror(e))?,
                                ),
                                // Native size is a C cast (no overflow check).
                                b'f' if f.native => u64::from((x as f32).to_bits()),
                                b'f' => u64::from(
                                    crate::float_pack::pack_single(x)
                                        .map_err(|e| vm.raise_pyerror(e))?,
                                ),
                                _ => x.to_bits(),
                            };
                            put_uint(dst, bits, sz, f.little);
                        }
                        _ => {
                            if v.is_float() {
                                return Err(error(vm, "required argument is not an integer"));
                            }
                            let n = int_value(vm, v)?;
                            let big = !f.native && !f.little;
                            let u = pack_int(vm, code, &n, sz, f.native, big)?;
                            put_uint(&mut out[at..at + sz], u, sz, f.little);
                        }
                    }
                }
            }
        }
    }
    Ok(())
}

/// Unpacks `data` (exactly `f.size` bytes) into a tuple.
fn unpack_values(vm: &mut Vm, f: &Format, data: &[u8]) -> PyResult<Value> {
    let mark = vm.temps_len();
    let r = (|| {
        for it in &f.items {
            let sz = code_size(it.code, f.native).unwrap_or(1);
            match it.code {
                b'x' => {}
                b's' => {
                    let b = vm.new_bytes(&data[it.offset..it.offset + it.count])?;
                    vm.push_temp(b);
                }
                b'p' => {
                    let src = &data[it.offset..it.offset + it.count];
                    let n = if it.count == 0 {
                        0
                    } else {
                        (src[0] as usize).min(it.count - 1)
                    };
                    let b = vm.new_bytes(if n > 0 { &src[1..1 + n] } else { &[] })?;
                    vm.push_temp(b);
                }
                code => {
                    for k in 0..it.count {
                        let at = it.offset + k * sz;
                        let raw = get_uint(&data[at..at + sz], sz, f.little);
                        let v = match code {
                            b'c' => vm.new_bytes(&[raw as u8])?,
                            b'?' => Value::from_bool(raw != 0),
                            b'e' => Value::from_float(crate::float_pack::unpack_half(raw as u16)),
                            b'f' => Value::from_float(crate::float_pack::unpack_single(raw as u32)),
                            b'd' => Value::from_float(f64::from_bits(raw)),
                            c if c.is_ascii_lowercase() => {
                                let shift = 64 - 8 * sz;
                                vm.new_i64(((raw << shift) as i64) >> shift)?
                            }
                            _ => vm.new_int(BigInt::from(raw))?,
                        };
                        vm.push_temp(v);
                    }
                }
            }
        }
        let items = vm.m.roots().temps[mark..].to_vec();
        vm.new_tuple(&items)
    })();
    vm.pop_temps(mark);
    r
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

/// `pack(format, v1, v2, ...)`.
fn pack(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if a.nkw(vm) > 0 {
        return Err(vm.type_error("_struct.pack() takes no keyword arguments"));
    }
    if a.npos(vm) == 0 {
        return Err(vm.type_error("missing format argument"));
    }
    let fmt = format_arg(vm, a.get(vm, 0))?;
    let f = parse(vm, &fmt)?;
    pack_with(vm, &f, a, 1)
}

fn pack_with(vm: &mut Vm, f: &Format, a: Args, first: usize) -> PyResult<Value> {
    let given = a.npos(vm) - first;
    if given != f.nvalues {
        return Err(error(
            vm,
            &format!(
                "pack expected {} items for packing (got {given})",
                f.nvalues
            ),
        ));
    }
    let mut out = vec![0u8; f.size];
    pack_values(vm, f, a.start + first, &mut out)?;
    vm.new_bytes(&out)
}

fn unpack(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "unpack", 2, 2)?;
    let fmt = format_arg(vm, a.get(vm, 0))?;
    let f = parse(vm, &fmt)?;
    let data = buffer(vm, a.get(vm, 1))?;
    if data.len() != f.size {
        return Err(error(
            vm,
            &format!("unpack requires a buffer of {} bytes", f.size),
        ));
    }
    unpack_values(vm, &f, &data)
}

fn calcsize(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if a.nkw(vm) > 0 || a.npos(vm) != 1 {
        if a.nkw(vm) > 0 {
            return Err(vm.type_error("_struct.calcsize() takes no keyword arguments"));
        }
        let n = a.npos(vm);
        return Err(vm.type_error(&format!(
            "_struct.calcsize() takes exactly one argument ({n} given)"
        )));
    }
    let fmt = format_arg(vm, a.get(vm, 0))?;
    let f = parse(vm, &fmt)?;
    vm.new_i64(f.size as i64)
}

fn unpack_from_with(vm: &mut Vm, f: &Format, buf: Value, offset: Value) -> PyResult<Value> {
    let data = buffer(vm, buf)?;
    let off = if offset.is_empty() {
        0
    } else {
        index_arg(vm, offset)?
    };
    let len = data.len() as i64;
    let size = f.size as i64;
    let mut off = off;
    if off < 0 {
        if off + size > 0 {
            return Err(error(
                vm,
                &format!("not enough data to unpack {size} bytes at offset {off}"),
            ));
        }
        if off + len < 0 {
            return Err(error(
                vm,
                &format!("offset {off} out of range for {len}-byte buffer"),
            ));
        }
        off += len;
    }
    if len - off < size {
        return Err(error(
            vm,
            &format!(
                "unpack_from requires a buffer of at least {} bytes for unpacking {size} bytes at offset {off} (actual buffer size is {len})",
                off + size
            ),
        ));
    }
    let start = off as usize;
    unpack_values(vm, f, &data[start..start + f.size])
}

fn unpack_from(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let p = super::native_types::bind(
        vm,
        &a,
        "unpack_from",
        &["format", "buffer", "offset"],
        3,
        2,
        super::native_types::Style::Clinic,
    )?;
    let fmt = format_arg(vm, vm.temp(p[0].unwrap_or(0)))?;
    let f = parse(vm, &fmt)?;
    let off = p[2].map(|i| vm.temp(i)).unwrap_or(Value::EMPTY);
    unpack_from_with(vm, &f, vm.temp(p[1].unwrap_or(0)), off)
}

fn pack_into_with(vm: &mut Vm, f: &Format, a: Args, first: usize) -> PyResult<Value> {
    let given = a.npos(vm) - first - 2;
    if given != f.nvalues {
        return Err(error(
            vm,
            &format!(
                "pack_into expected {} items for packing (got {given})",
                f.nvalues
            ),
        ));
    }
    let buf = a.get(vm, first);
    let Some(len) = writable_len(vm, buf)? else {
        let t = vm.type_name(buf);
        return Err(vm.type_error(&format!(
            "argument must be read-write bytes-like object, not {t}"
        )));
    };
    let mut out = vec![0u8; f.size];
    pack_values(vm, f, a.start + first + 2, &mut out)?;
    let len = len as i64;
    let size = f.size as i64;
    let mut off = index_arg(vm, a.get(vm, first + 1))?;
    if off < 0 {
        if off + size > 0 {
            return Err(error(
                vm,
                &format!("no space to pack {size} bytes at offset {off}"),
            ));
        }
        if off + len < 0 {
            return Err(error(
                vm,
                &format!("offset {off} out of range for {len}-byte buffer"),
            ));
        }
        off += len;
    }
    if len - off < size {
        return Err(error(
            vm,
            &format!(
                "pack_into requires a buffer of at least {} bytes for packing {size} bytes at offset {off} (actual buffer size is {len})",
                off + size
            ),
        ));
    }
    write_at(vm, a.get(vm, first), off as usize, &out)?;
    Ok(Value::NONE)
}

/// The size of a writable buffer (bytearray, memoryview of one, array),
/// `None` for anything else.
fn writable_len(vm: &mut Vm, v: Value) -> PyResult<Option<usize>> {
    Ok(match vm.kind_of(v) {
        Some(Kind::ByteArray) => Some(vm.bytearray_vec(v).len()),
        Some(Kind::MemoryView) => {
            vm.view_check(v)?;
            let obj = vm.field(v, ViewField::Obj as usize);
            (vm.kind_of(obj) == Some(Kind::ByteArray)).then(|| vm.view_range(v).1 as usize)
        }
        Some(Kind::Native) => super::array_bytes(vm, v).map(|b| b.len()),
        _ => None,
    })
}

/// Writes `data` at byte `off` of a buffer accepted by [`writable_len`]
/// (in range).
fn write_at(vm: &mut Vm, v: Value, off: usize, data: &[u8]) -> PyResult<()> {
    match vm.kind_of(v) {
        Some(Kind::ByteArray) => {
            vm.bytearray_vec(v)[off..off + data.len()].copy_from_slice(data);
        }
        Some(Kind::MemoryView) => {
            let obj = vm.field(v, ViewField::Obj as usize);
            let (start, _, step) = vm.view_range(v);
            let vec = vm.bytearray_vec(obj);
            for (i, &b) in data.iter().enumerate() {
                let at = start + step * (off + i) as i64;
                if let Some(slot) = usize::try_from(at).ok().and_then(|k| vec.get_mut(k)) {
                    *slot = b;
                }
            }
        }
        _ => {
            let mut all = super::array_bytes(vm, v).unwrap_or_default();
            all[off..off + data.len()].copy_from_slice(data);
            super::array_store_bytes(vm, v, &all)?;
        }
    }
    Ok(())
}

fn pack_into(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if a.nkw(vm) > 0 {
        return Err(vm.type_error("_struct.pack_into() takes no keyword arguments"));
    }
    if a.npos(vm) == 0 {
        return Err(vm.type_error("missing format argument"));
    }
    if a.npos(vm) < 3 {
        return Err(vm.type_error(&format!(
            "pack_into expected at least 3 arguments, got {}",
            a.npos(vm)
        )));
    }
    let fmt = format_arg(vm, a.get(vm, 0))?;
    let f = parse(vm, &fmt)?;
    pack_into_with(vm, &f, a, 1)
}

fn iter_unpack_with(vm: &mut Vm, f: &Format, buf: Value) -> PyResult<Value> {
    let data = buffer(vm, buf)?;
    if f.size == 0 {
        return Err(error(
            vm,
            "cannot iteratively unpack with a struct of length 0",
        ));
    }
    if data.len() % f.size != 0 {
        return Err(error(
            vm,
            &format!(
                "iterative unpacking requires a buffer of a multiple of {} bytes",
                f.size
            ),
        ));
    }
    let mark = vm.temps_len();
    let r = (|| {
        for chunk in data.chunks(f.size) {
            let t = unpack_values(vm, f, chunk)?;
            vm.push_temp(t);
        }
        let items = vm.m.roots().temps[mark..].to_vec();
        let l = vm.new_list(&items)?;
        let it = vm.get_iter(l)?;
        let n = Value::from_int(items.len() as i64).unwrap_or(Value::NONE);
        vm.new_native(&UNPACK_ITER, &[it, n])
    })();
    vm.pop_temps(mark);
    r
}

fn iter_unpack(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "iter_unpack", 2, 2)?;
    let fmt = format_arg(vm, a.get(vm, 0))?;
    let f = parse(vm, &fmt)?;
    iter_unpack_with(vm, &f, a.get(vm, 1))
}

fn clearcache(_vm: &mut Vm, _a: Args) -> PyResult<Value> {
    Ok(Value::NONE)
}

/// `_struct.unpack_iterator`: state [iterator over the unpacked tuples,
/// number left].
pub(crate) static UNPACK_ITER: NativeType = NativeType {
    module: "_struct",
    name: "unpack_iterator",
    next: Some(|vm, s| {
        let r = vm.iter_next(vm.st(s, 0))?;
        if r.is_some() {
            let n = vm.st(s, 1).as_int().unwrap_or(1);
            vm.set_st(s, 1, Value::from_int(n - 1).unwrap_or(Value::NONE));
        }
        Ok(r)
    }),
    methods: &[("__length_hint__", |vm, a| {
        check_pos(vm, &a, "__length_hint__", 1, 1)?;
        let me = a.get(vm, 0);
        if !super::native_types::is_instance(vm, me, &UNPACK_ITER) {
            return Err(vm.type_error("descriptor '__length_hint__' requires an unpack_iterator"));
        }
        Ok(vm.field(me, 2))
    })],
    ..NativeType::EMPTY
};

// ---- Struct ---------------------------------------------------------------

/// `struct.Struct(format)`: state [format (str or bytes as given)].
pub(crate) static STRUCT: NativeType = NativeType {
    module: "_struct",
    name: "Struct",
    new: Some(struct_new),
    getattr: Some(struct_attr),
    methods: &[
        ("pack", struct_pack),
        ("unpack", struct_unpack),
        ("unpack_from", struct_unpack_from),
        ("pack_into", struct_pack_into),
        ("iter_unpack", struct_iter_unpack),
    ],
    ..NativeType::EMPTY
};

fn struct_new(vm: &mut Vm, cls: usize, a: Args) -> PyResult<Value> {
    let p = super::native_types::bind(
        vm,
        &a,
        "Struct",
        &["format"],
        1,
        1,
        super::native_types::Style::Clinic,
    )?;
    let fv = vm.temp(p[0].unwrap_or(0));
    let fmt = format_arg(vm, fv)?;
    parse(vm, &fmt)?;
    let fv = vm.temp(p[0].unwrap_or(0));
    let fv = if vm.is_str(fv) {
        fv
    } else {
        let text = String::from_utf8_lossy(&fmt).into_owned();
        vm.new_str(&text)?
    };
    super::itertools::make(vm, &STRUCT, cls, &[fv])
}

fn own_format(vm: &mut Vm, s: Value) -> PyResult<Format> {
    let fmt = vm.str_bytes(vm.field(s, 1)).to_vec();
    parse(vm, &fmt)
}

fn struct_attr(vm: &mut Vm, s: usize, name: &str) -> PyResult<Option<Value>> {
    Ok(match name {
        "format" => Some(vm.st(s, 0)),
        "size" => {
            let f = own_format(vm, vm.temp(s))?;
            Some(vm.new_i64(f.size as i64)?)
        }
        _ => None,
    })
}

fn struct_pack(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if a.nkw(vm) > 0 {
        return Err(vm.type_error("Struct.pack() takes no keyword arguments"));
    }
    let f = own_format(vm, a.get(vm, 0))?;
    pack_with(vm, &f, a, 1)
}

fn struct_unpack(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "unpack", 2, 2)?;
    let f = own_format(vm, a.get(vm, 0))?;
    let data = buffer(vm, a.get(vm, 1))?;
    if data.len() != f.size {
        return Err(error(
            vm,
            &format!("unpack requires a buffer of {} bytes", f.size),
        ));
    }
    unpack_values(vm, &f, &data)
}

fn struct_unpack_from(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = check_pos(vm, &a, "unpack_from", 2, 3)?;
    let f = own_format(vm, a.get(vm, 0))?;
    let off = if n == 3 { a.get(vm, 2) } else { Value::EMPTY };
    unpack_from_with(vm, &f, a.get(vm, 1), off)
}

fn struct_pack_into(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let f = own_format(vm, a.get(vm, 0))?;
    pack_into_with(vm, &f, a, 1)
}

fn struct_iter_unpack(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "iter_unpack", 2, 2)?;
    let f = own_format(vm, a.get(vm, 0))?;
    iter_unpack_with(vm, &f, a.get(vm, 1))
}
