//! `binascii`: hex and base64 conversions and the CRC-32 / CRC-CCITT
//! checksums, with CPython's errors (`binascii.Error` is a ValueError).

use pyvm_objmodel::Value;

use super::native_types::{Style, bind, check_pos, opt};
use super::{ModuleRef, NativeModule};
use crate::runtime::call::Args;
use crate::runtime::exception::{PyResult, Raised};
use crate::runtime::heap::Vm;
use crate::runtime::layout::{Kind, TYPE_FIELDS, TypeField};
use crate::runtime::types::TypeId;

/// The `binascii` module.
pub(crate) const MODULE: NativeModule = NativeModule {
    name: "binascii",
    functions: &[
        ("hexlify", hexlify),
        ("b2a_hex", b2a_hex),
        ("unhexlify", unhexlify),
        ("a2b_hex", a2b_hex),
        ("b2a_base64", b2a_base64),
        ("a2b_base64", a2b_base64),
        ("crc32", crc32),
        ("crc_hqx", crc_hqx),
        ("b2a_qp", b2a_qp),
        ("a2b_qp", a2b_qp),
        ("b2a_uu", b2a_uu),
        ("a2b_uu", a2b_uu),
    ],
    init: Some(init),
};

/// Auxiliary root: `binascii.Error`.
const ERROR: usize = 3;

fn init(vm: &mut Vm, m: ModuleRef) -> PyResult<()> {
    let e = exception_class(vm, "Error", "binascii", TypeId::ValueError)?;
    vm.set_aux_global(ERROR, e);
    m.set(vm, "Error", e)?;
    let i = exception_class(vm, "Incomplete", "binascii", TypeId::Exception)?;
    m.set(vm, "Incomplete", i)
}

/// A new exception class `module.name` deriving from builtin `base`.
pub(crate) fn exception_class(
    vm: &mut Vm,
    name: &str,
    module: &str,
    base: TypeId,
) -> PyResult<Value> {
    let mark = vm.temps_len();
    let r = (|| {
        let n = vm.new_str(name)?;
        let ni = vm.push_temp(n);
        let d = vm.new_dict()?;
        let di = vm.push_temp(d);
        let m = vm.new_str(module)?;
        vm.dict_set_str(vm.temp(di), "__module__", m)?;
        let bases = vm.new_tuple(&[vm.ty(base)])?;
        let bi = vm.push_temp(bases);
        let mut fields = [Value::NONE; TYPE_FIELDS];
        fields[TypeField::Name as usize] = vm.temp(ni);
        fields[TypeField::Qualname as usize] = vm.temp(ni);
        fields[TypeField::Dict as usize] = vm.temp(di);
        fields[TypeField::Bases as usize] = vm.temp(bi);
        fields[TypeField::InstanceKind as usize] =
            Value::from_int(Kind::Exception as i64).unwrap_or(Value::NONE);
        let meta = vm.ty(TypeId::Type);
        let c = vm.alloc_record(Kind::Type, meta, &fields, 0)?;
        let ci = vm.push_temp(c);
        let mut mro = vec![vm.temp(ci)];
        let base_mro = vm.field(vm.ty(base), TypeField::Mro as usize);
        mro.extend_from_slice(vm.tuple_items(base_mro));
        let mro = vm.new_tuple(&mro)?;
        vm.set_field(vm.temp(ci), TypeField::Mro as usize, mro);
        Ok(vm.temp(ci))
    })();
    vm.pop_temps(mark);
    r
}

/// Raises `binascii.Error(msg)`.
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

/// A bytes-like argument's contents.
fn buffer(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    match vm.buffer_copy(v)? {
        Some(b) => Ok(b),
        None => {
            let t = vm.type_name(v);
            Err(vm.type_error(&format!("a bytes-like object is required, not '{t}'")))
        }
    }
}

/// An "ASCII data" argument: bytes-like or an ASCII-only str.
fn ascii_data(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    if vm.is_str(v) {
        let b = vm.str_bytes(v);
        if !b.is_ascii() {
            return Err(vm.raise_msg(
                TypeId::ValueError,
                "string argument should contain only ASCII characters",
            ));
        }
        return Ok(b.to_vec());
    }
    match vm.buffer_copy(v)? {
        Some(b) => Ok(b),
        None => {
            let t = vm.type_name(v);
            Err(vm.type_error(&format!(
                "argument should be bytes, buffer or ASCII string, not '{t}'"
            )))
        }
    }
}

const HEX: &[u8; 16] = b"0123456789abcdef";

/// `hexlify(data, sep=<unset>, bytes_per_sep=1)`.
fn hexlify(vm: &mut Vm, a: Args) -> PyResult<Value> {
    hex_named(vm, a, "hexlify")
}

/// `b2a_hex`: `hexlify` under its other name (for error messages).
fn b2a_hex(vm: &mut Vm, a: Args) -> PyResult<Value> {
    hex_named(vm, a, "b2a_hex")
}

fn hex_named(vm: &mut Vm, a: Args, name: &str) -> PyResult<Value> {
    let p = bind(
        vm,
        &a,
        name,
        &["data", "sep", "bytes_per_sep"],
        3,
        1,
        Style::Clinic,
    )?;
    let data = buffer(vm, vm.temp(p[0].unwrap_or(a.start)))?;
    let sep = match opt(vm, p[1]) {
        None => None,
        Some(s) => {
            let b = if vm.is_str(s) {
                vm.str_bytes(s).to_vec()
            } else {
                buffer(vm, s)?
            };
            if b.len() != 1 {
                return Err(vm.raise_msg(TypeId::ValueError, "sep must be length 1."));
            }
            if !b[0].is_ascii() {
                return Err(vm.raise_msg(TypeId::ValueError, "sep must be ASCII."));
            }
            Some(b[0])
        }
    };
    let per = match opt(vm, p[2]) {
        None => 1,
        Some(v) => vm.index_value(v).unwrap_or(1),
    };
    let mut out = Vec::with_capacity(data.len() * 3);
    let n = data.len();
    let group = per.unsigned_abs().max(1) as usize;
    for (i, &b) in data.iter().enumerate() {
        if let Some(s) = sep
            && i > 0
            && per != 0
        {
            // Groups count from the right for a positive bytes_per_sep.
            let boundary = if per > 0 {
                (n - i) % group == 0
            } else {
                i % group == 0
            };
            if boundary {
                out.push(s);
            }
        }
        out.push(HEX[(b >> 4) as usize]);
        out.push(HEX[(b & 15) as usize]);
    }
    vm.new_bytes(&out)
}

fn unhexlify(vm: &mut Vm, a: Args) -> PyResult<Value> {
    unhex_named(vm, a, "unhexlify")
}

/// `a2b_hex`: `unhexlify` under its other name (for error messages).
fn a2b_hex(vm: &mut Vm, a: Args) -> PyResult<Value> {
    unhex_named(vm, a, "a2b_hex")
}

fn unhex_named(vm: &mut Vm, a: Args, name: &str) -> PyResult<Value> {
    if a.nkw(vm) > 0 {
        return Err(vm.type_error(&format!("binascii.{name}() takes no keyword arguments")));
    }
    if a.npos(vm) != 1 {
        let n = a.npos(vm);
        return Err(vm.type_error(&format!(
            "binascii.{name}() takes exactly one argument ({n} given)"
        )));
    }
    let s = ascii_data(vm, a.get(vm, 0))?;
    if s.len() % 2 != 0 {
        return Err(error(vm, "Odd-length string"));
    }
    let mut out = Vec::with_capacity(s.len() / 2);
    for pair in s.chunks(2) {
        let d = |c: u8| (c as char).to_digit(16);
        match (d(pair[0]), d(pair[1])) {
            (Some(h), Some(l)) => out.push((h * 16 + l) as u8),
            _ => return Err(error(vm, "Non-hexadecimal digit found")),
        }
    }
    vm.new_bytes(&out)
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// `b2a_base64(data, *, newline=True)`.
fn b2a_base64(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let p = bind(
        vm,
        &a,
        "b2a_base64",
        &["data", "newline"],
        1,
        1,
        Style::Clinic,
    )?;
    let data = buffer(vm, vm.temp(p[0].unwrap_or(a.start)))?;
    let newline = match opt(vm, p[1]) {
        Some(v) => vm.truthy(v)?,
        None => true,
    };
    let mut out = Vec::with_capacity(data.len().div_ceil(3) * 4 + 1);
    for c in data.chunks(3) {
        let n = (u32::from(c[0]) << 16)
            | (u32::from(*c.get(1).unwrap_or(&0)) << 8)
            | u32::from(*c.get(2).unwrap_or(&0));
        out.push(B64[(n >> 18) as usize & 63]);
        out.push(B64[(n >> 12) as usize & 63]);
        out.push(if c.len() > 1 {
            B64[(n >> 6) as usize & 63]
        } else {
            b'='
        });
        out.push(if c.len() > 2 {
            B64[n as usize & 63]
        } else {
            b'='
        });
    }
    if newline {
        out.push(b'\n');
    }
    vm.new_bytes(&out)
}

/// `a2b_base64(data, *, strict_mode=False)` (non-alphabet characters are
/// skipped, as CPython does outside strict mode).
fn a2b_base64(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let p = bind(
        vm,
        &a,
        "a2b_base64",
        &["data", "strict_mode"],
        1,
        1,
        Style::Clinic,
    )?;
    let s = ascii_data(vm, vm.temp(p[0].unwrap_or(a.start)))?;
    let strict = match opt(vm, p[1]) {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    if strict && s.first() == Some(&b'=') {
        return Err(error(vm, "Leading padding not allowed"));
    }
    let mut out = Vec::with_capacity(s.len() / 4 * 3);
    let mut acc = 0u32;
    let mut bits = 0;
    let mut quad = 0usize;
    let mut pads = 0;
    let mut padding_started = false;
    for (i, &c) in s.iter().enumerate() {
        if c == b'=' {
            padding_started = true;
            if quad >= 2 {
                pads += 1;
                if quad + pads >= 4 {
                    // A complete padded quad: anything after is ignored
                    // (refused in strict mode).
                    if strict && i + 1 < s.len() {
                        return Err(error(vm, "Excess data after padding"));
                    }
                    return vm.new_bytes(&out);
                }
            }
            continue;
        }
        let Some(v) = B64.iter().position(|&x| x == c) else {
            if strict {
                return Err(error(vm, "Only base64 data is allowed"));
            }
            continue;
        };
        if strict && padding_started {
            return Err(error(vm, "Discontinuous padding not allowed"));
        }
        pads = 0;
        acc = (acc << 6) | v as u32;
        bits += 6;
        quad = (quad + 1) % 4;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    if quad != 0 {
        let count = s.iter().filter(|&&c| B64.contains(&c)).count();
        let msg = if quad == 1 {
            format!(
                "Invalid base64-encoded string: number of data characters ({count}) cannot be 1 more than a multiple of 4"
            )
        } else {
            "Incorrect padding".to_string()
        };
        return Err(error(vm, &msg));
    }
    vm.new_bytes(&out)
}

/// The CRC-32 of `data` continuing from `crc` (zlib's polynomial).
pub(crate) fn crc32_update(crc: u32, data: &[u8]) -> u32 {
    let mut c = !crc;
    for &b in data {
        c ^= u32::from(b);
        for _ in 0..8 {
            c = if c & 1 != 0 {
                (c >> 1) ^ 0xEDB8_8320
            } else {
                c >> 1
            };
        }
    }
    !c
}

fn crc32(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = check_pos(vm, &a, "crc32", 1, 2)?;
    let data = buffer(vm, a.get(vm, 0))?;
    let start = if n == 2 {
        let v = a.get(vm, 1);
        match vm.kind_of(v) {
            Some(Kind::BigInt) => {
                let b = vm.bigint(v) & num_bigint::BigInt::from(u32::MAX);
                u32::try_from(b).unwrap_or(0)
            }
            _ => vm.index_value(v).unwrap_or(0) as u32,
        }
    } else {
        0
    };
    vm.new_i64(i64::from(crc32_update(start, &data)))
}

fn crc_hqx(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "crc_hqx", 2, 2)?;
    let data = buffer(vm, a.get(vm, 0))?;
    let mut crc = (vm.index_value(a.get(vm, 1)).unwrap_or(0) & 0xffff) as u16;
    for &b in &data {
        crc ^= u16::from(b) << 8;
        for _ in 0..8 {
            crc = if crc & 0x8000 != 0 {
                (crc << 1) ^ 0x1021
            } else {
                crc << 1
            };
        }
    }
    vm.new_i64(i64::from(crc))
}

// ---- quoted-printable and uuencode -----------------------------------------

/// Line length limit of quoted-printable output.
const QP_LINE: usize = 76;

fn flag(vm: &mut Vm, v: Option<Value>, default: bool) -> PyResult<bool> {
    match v {
        Some(v) => vm.truthy(v),
        None => Ok(default),
    }
}

/// `b2a_qp(data, quotetabs=False, istext=True, header=False)`.
fn b2a_qp(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let p = bind(
        vm,
        &a,
        "b2a_qp",
        &["data", "quotetabs", "istext", "header"],
        4,
        1,
        Style::Clinic,
    )?;
    let data = buffer(vm, vm.temp(p[0].unwrap_or(a.start)))?;
    let quotetabs = flag(vm, opt(vm, p[1]), false)?;
    let istext = flag(vm, opt(vm, p[2]), true)?;
    let header = flag(vm, opt(vm, p[3]), false)?;
    // The line ending is the one of the first line.
    let crlf = data
        .iter()
        .position(|&c| c == b'\n')
        .is_some_and(|i| i > 0 && data[i - 1] == b'\r');
    let eol: &[u8] = if crlf { b"\r\n" } else { b"\n" };
    let n = data.len();
    let mut out = Vec::with_capacity(n * 2);
    let mut line = 0;
    let quoted = |out: &mut Vec<u8>, c: u8| {
        out.push(b'=');
        out.push(HEX_UPPER[(c >> 4) as usize]);
        out.push(HEX_UPPER[(c & 15) as usize]);
    };
    let mut i = 0;
    while i < n {
        let c = data[i];
        let next = data.get(i + 1).copied();
        let lone_dot = c == b'.' && line == 0 && matches!(next, None | Some(b'\n' | b'\r' | 0));
        let must_quote = c > 126
            || c == b'='
            || (header && c == b'_')
            || lone_dot
            || (!istext && (c == b'\r' || c == b'\n'))
            || ((c == b'\t' || c == b' ') && next.is_none())
            || (c < 33 && c != b'\r' && c != b'\n' && (quotetabs || (c != b'\t' && c != b' ')));
        if must_quote {
            if line + 3 >= QP_LINE {
                out.push(b'=');
                out.extend_from_slice(eol);
                line = 0;
            }
            quoted(&mut out, c);
            line += 3;
            i += 1;
        } else if istext && (c == b'\n' || (c == b'\r' && next == Some(b'\n'))) {
            line = 0;
            // Trailing whitespace before a line break is quoted.
            if let Some(&last) = out.last()
                && (last == b' ' || last == b'\t')
            {
                out.pop();
                quoted(&mut out, last);
            }
            out.extend_from_slice(eol);
            i += if c == b'\r' { 2 } else { 1 };
        } else {
            if next.is_some() && next != Some(b'\n') && line + 1 >= QP_LINE {
                out.push(b'=');
                out.extend_from_slice(eol);
                line = 0;
            }
            line += 1;
            out.push(if header && c == b' ' { b'_' } else { c });
            i += 1;
        }
    }
    vm.new_bytes(&out)
}

const HEX_UPPER: &[u8; 16] = b"0123456789ABCDEF";

/// `a2b_qp(data, header=False)`.
fn a2b_qp(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let p = bind(vm, &a, "a2b_qp", &["data", "header"], 2, 1, Style::Clinic)?;
    let data = ascii_data(vm, vm.temp(p[0].unwrap_or(a.start)))?;
    let header = flag(vm, opt(vm, p[1]), false)?;
    let n = data.len();
    let hex = |c: u8| (c as char).to_digit(16);
    let mut out = Vec::with_capacity(n);
    let mut i = 0;
    while i < n {
        let c = data[i];
        if c == b'=' {
            i += 1;
            if i >= n {
                break;
            }
            match data[i] {
                // A soft line break: skip to after the end of the line.
                b'\n' | b'\r' => {
                    while i < n && data[i] != b'\n' {
                        i += 1;
                    }
                    if i < n {
                        i += 1;
                    }
                }
                b'=' => {
                    out.push(b'=');
                    i += 1;
                }
                h if i + 1 < n && hex(h).is_some() && hex(data[i + 1]).is_some() => {
                    let v = hex(h).unwrap_or(0) * 16 + hex(data[i + 1]).unwrap_or(0);
                    out.push(v as u8);
                    i += 2;
                }
                _ => out.push(b'='),
            }
        } else if header && c == b'_' {
            out.push(b' ');
            i += 1;
        } else {
            out.push(c);
            i += 1;
        }
    }
    vm.new_bytes(&out)
}

/// `b2a_uu(data, /, *, backtick=False)`: one line of at most 45 bytes.
fn b2a_uu(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let p = bind(vm, &a, "b2a_uu", &["data", "backtick"], 1, 1, Style::Clinic)?;
    let data = buffer(vm, vm.temp(p[0].unwrap_or(a.start)))?;
    let backtick = flag(vm, opt(vm, p[1]), false)?;
    if data.len() > 45 {
        return Err(error(vm, "At most 45 bytes at once"));
    }
    let enc = |v: u8| {
        if backtick && v == 0 { b'`' } else { b' ' + v }
    };
    let mut out = vec![enc(data.len() as u8)];
    for c in data.chunks(3) {
        let n = (u32::from(c[0]) << 16)
            | (u32::from(*c.get(1).unwrap_or(&0)) << 8)
            | u32::from(*c.get(2).unwrap_or(&0));
        for shift in [18, 12, 6, 0] {
            out.push(enc(((n >> shift) & 63) as u8));
        }
    }
    out.push(b'\n');
    vm.new_bytes(&out)
}

/// `a2b_uu(data)`: decodes one uuencoded line.
fn a2b_uu(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "a2b_uu", 1, 1)?;
    let data = ascii_data(vm, a.get(vm, 0))?;
    let Some((&first, rest)) = data.split_first() else {
        return vm.new_bytes(&[0u8; 32]);
    };
    let len = usize::from(first.wrapping_sub(b' ') & 63);
    let mut out = Vec::with_capacity(len);
    let mut acc = 0u32;
    let mut bits = 0;
    let mut chars = rest.iter();
    while out.len() < len {
        // Missing or line-ending characters count as zero (short lines).
        let v = match chars.next() {
            None | Some(b'\n' | b'\r') => 0,
            Some(&c) if !(b' '..=b' ' + 64).contains(&c) => {
                return Err(error(vm, "Illegal char"));
            }
            Some(&c) => u32::from((c - b' ') & 63),
        };
        acc = (acc << 6) | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    for &c in chars {
        if !matches!(c, b' ' | b'`' | b'\n' | b'\r') && c != b' ' + 64 {
            return Err(error(vm, "Trailing garbage"));
        }
    }
    vm.new_bytes(&out)
}
