//! `_codecs`: the codec registry (`register`, `lookup`, `encode`,
//! `decode`, error handlers) and the codec functions the stdlib's
//! `encodings` package wraps (`utf_8_encode`, `charmap_decode`...).
//!
//! The codecs themselves are `text_codec.rs`'s, the same code `str.encode`
//! and `bytes.decode` run. The registry lives in three VM globals
//! (`GlobalSlot::CodecSearch`, `CodecCache`, `CodecErrors`); the first
//! `lookup` imports `encodings`, which registers its search function, as
//! CPython's registry does on first use. Error handlers registered from
//! Python are found by `lookup_error`, but the native codecs only know the
//! builtin handler names.

use pyvm_objmodel::Value;

use super::{ModuleRef, NativeModule};
use crate::runtime::call::Args;
use crate::runtime::codec_callback::without_bom;
use crate::runtime::exception::PyResult;
use crate::runtime::heap::Vm;
use crate::runtime::layout::Kind;
use crate::runtime::text_codec::{
    CodecFail, Encoding, Handler, code_points, decode, encode, lookup_handler, push_code_point,
};
use crate::runtime::types::{GlobalSlot, TypeId};

/// The builtin error handlers: the name `lookup_error` knows and the
/// native's name in [`MODULE`]'s table.
const HANDLERS: &[(&str, &str)] = &[
    ("strict", "strict_errors"),
    ("ignore", "ignore_errors"),
    ("replace", "replace_errors"),
    ("xmlcharrefreplace", "xmlcharrefreplace_errors"),
    ("backslashreplace", "backslashreplace_errors"),
    ("namereplace", "namereplace_errors"),
    ("surrogateescape", "surrogateescape"),
    ("surrogatepass", "surrogatepass"),
];

/// The `_codecs` module.
pub(crate) const MODULE: NativeModule = NativeModule {
    name: "_codecs",
    functions: &[
        ("register", register),
        ("unregister", unregister),
        ("lookup", lookup),
        ("encode", encode_fn),
        ("decode", decode_fn),
        ("register_error", register_error),
        ("lookup_error", lookup_error),
        ("utf_8_encode", utf_8_encode),
        ("utf_8_decode", utf_8_decode),
        ("ascii_encode", ascii_encode),
        ("ascii_decode", ascii_decode),
        ("latin_1_encode", latin_1_encode),
        ("latin_1_decode", latin_1_decode),
        ("utf_16_encode", utf_16_encode),
        ("utf_16_le_encode", utf_16_le_encode),
        ("utf_16_be_encode", utf_16_be_encode),
        ("utf_16_decode", utf_16_decode),
        ("utf_16_le_decode", utf_16_le_decode),
        ("utf_16_be_decode", utf_16_be_decode),
        ("utf_16_ex_decode", utf_16_ex_decode),
        ("utf_32_encode", utf_32_encode),
        ("utf_32_le_encode", utf_32_le_encode),
        ("utf_32_be_encode", utf_32_be_encode),
        ("utf_32_decode", utf_32_decode),
        ("utf_32_le_decode", utf_32_le_decode),
        ("utf_32_be_decode", utf_32_be_decode),
        ("utf_32_ex_decode", utf_32_ex_decode),
        ("unicode_escape_encode", unicode_escape_encode),
        ("unicode_escape_decode", unicode_escape_decode),
        ("raw_unicode_escape_encode", raw_unicode_escape_encode),
        ("raw_unicode_escape_decode", raw_unicode_escape_decode),
        ("escape_encode", escape_encode),
        ("escape_decode", escape_decode),
        ("charmap_build", charmap_build),
        ("charmap_encode", charmap_encode),
        ("charmap_decode", charmap_decode),
        ("readbuffer_encode", readbuffer_encode),
        ("utf_7_encode", crate::runtime::utf7::utf_7_encode),
        ("utf_7_decode", crate::runtime::utf7::utf_7_decode),
        // The builtin error handlers; `init` moves them from the module
        // into the handler registry.
        ("strict_errors", strict_errors),
        ("ignore_errors", ignore_errors),
        ("replace_errors", replace_errors),
        ("xmlcharrefreplace_errors", xmlcharrefreplace_errors),
        ("backslashreplace_errors", backslashreplace_errors),
        ("namereplace_errors", namereplace_errors),
        ("surrogateescape", surrogateescape),
        ("surrogatepass", surrogatepass),
    ],
    init: Some(init),
};

fn init(vm: &mut Vm, m: ModuleRef) -> PyResult<()> {
    let errors = registry(vm, GlobalSlot::CodecErrors)?;
    let ei = vm.push_temp(errors);
    let r = (|| {
        for &(name, native) in HANDLERS {
            let key = vm.new_str(native)?;
            let ki = vm.push_temp(key);
            let d = vm.field(m.get(vm), 0);
            let f = vm.dict_get(d, key)?.unwrap_or(Value::NONE);
            vm.push_temp(f);
            let d = vm.field(m.get(vm), 0);
            vm.dict_del(d, vm.temp(ki))?;
            if vm.dict_get_str(vm.temp(ei), name)?.is_none() {
                vm.dict_set_str(vm.temp(ei), name, vm.temp(ki + 1))?;
            }
            vm.pop_temps(ki);
        }
        Ok(())
    })();
    vm.pop_temps(ei);
    r
}

/// The registry object in `slot` (the search-function list, or the cache
/// or error-handler dict), created on first use.
fn registry(vm: &mut Vm, slot: GlobalSlot) -> PyResult<Value> {
    let v = vm.global(slot);
    if !v.is_empty() {
        return Ok(v);
    }
    let v = match slot {
        GlobalSlot::CodecSearch => vm.new_list(&[])?,
        _ => vm.new_dict()?,
    };
    vm.roots().globals[slot as usize] = v;
    Ok(v)
}

/// Parameters by position or keyword (`names` in order, the first `min`
/// required), for functions without a receiver. Returns temp indices.
fn params(
    vm: &mut Vm,
    a: &Args,
    fname: &str,
    names: &[&str],
    min: usize,
) -> PyResult<Vec<Option<usize>>> {
    let npos = a.npos(vm);
    let nkw = a.nkw(vm);
    let max = names.len();
    if npos > max {
        let w = if min == max { "" } else { "at most " };
        let s = if max == 1 { "" } else { "s" };
        return Err(vm.type_error(&format!(
            "{fname}() takes {w}{max} positional argument{s} ({npos} given)"
        )));
    }
    let mut p: Vec<Option<usize>> = (0..max)
        .map(|i| (i < npos).then_some(a.start + i))
        .collect();
    if let Some(k) = a.kw {
        for j in 0..nkw {
            let key = vm.tuple_items(vm.temp(k))[j];
            let text = vm.str_text(key).into_owned();
            match names.iter().position(|n| *n == text) {
                Some(i) if p[i].is_some() => {
                    return Err(vm.type_error(&format!(
                        "argument for {fname}() given by name ('{text}') and position ({})",
                        i + 1
                    )));
                }
                Some(i) => p[i] = Some(a.start + npos + j),
                None => {
                    return Err(vm.type_error(&format!(
                        "{fname}() got an unexpected keyword argument '{text}'"
                    )));
                }
            }
        }
    }
    for (i, n) in names.iter().enumerate().take(min) {
        if p[i].is_none() {
            return Err(vm.type_error(&format!(
                "{fname}() missing required argument '{n}' (pos {})",
                i + 1
            )));
        }
    }
    Ok(p)
}

fn arg(vm: &Vm, p: &[Option<usize>], i: usize) -> Option<Value> {
    p.get(i).copied().flatten().map(|t| vm.temp(t))
}

/// A str argument (`fname() argument N must be str, not T`).
fn str_arg(vm: &mut Vm, v: Value, fname: &str, n: usize) -> PyResult<String> {
    if !vm.is_str(v) {
        let t = vm.type_name(v);
        return Err(vm.type_error(&format!("{fname}() argument {n} must be str, not {t}")));
    }
    Ok(vm.str_text(v).into_owned())
}

/// The `errors` argument: None or absent is "strict".
fn errors_arg(vm: &mut Vm, v: Option<Value>, fname: &str, n: usize) -> PyResult<String> {
    match v {
        None => Ok("strict".into()),
        Some(v) if v.is_none() => Ok("strict".into()),
        Some(v) => str_arg(vm, v, fname, n),
    }
}

/// A bytes-like argument.
fn buffer_arg(vm: &mut Vm, v: Value, fname: &str, n: usize) -> PyResult<Vec<u8>> {
    match vm.buffer_copy(v)? {
        Some(b) => Ok(b),
        None => {
            let t = vm.type_name(v);
            Err(vm.type_error(&format!(
                "{fname}() argument {n} must be bytes-like object, not {t}"
            )))
        }
    }
}

/// Argument 1 as bytes: a buffer, or the UTF-8 of a str.
fn text_or_buffer(vm: &mut Vm, p: &[Option<usize>], fname: &str) -> PyResult<Vec<u8>> {
    let d = arg(vm, p, 0).unwrap_or(Value::NONE);
    if vm.is_str(d) {
        return Ok(vm.str_bytes(d).to_vec());
    }
    buffer_arg(vm, d, fname, 1)
}

fn truthy(vm: &mut Vm, v: Option<Value>) -> PyResult<bool> {
    match v {
        None => Ok(false),
        Some(v) => vm.truthy(v),
    }
}

/// A str from code points.
fn str_from_cps(vm: &mut Vm, cps: &[u32]) -> PyResult<Value> {
    let mut out = Vec::with_capacity(cps.len());
    for &c in cps {
        push_code_point(&mut out, c);
    }
    vm.alloc_str_bytes(&out, cps.len())
}

/// `(result, consumed)`.
fn pair(vm: &mut Vm, v: Value, n: usize) -> PyResult<Value> {
    let vi = vm.push_temp(v);
    let r = vm
        .new_i64(n as i64)
        .and_then(|n| vm.new_tuple(&[vm.temp(vi), n]));
    vm.pop_temps(vi);
    r
}

// --- the registry -------------------------------------------------------

/// `register(search_function)`.
fn register(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let p = params(vm, &a, "register", &["search_function"], 1)?;
    let f = arg(vm, &p, 0).unwrap_or(Value::NONE);
    if !vm.is_callable(f)? {
        return Err(vm.type_error("argument must be callable"));
    }
    let list = registry(vm, GlobalSlot::CodecSearch)?;
    let f = arg(vm, &p, 0).unwrap_or(Value::NONE);
    vm.list_vec(list).push(f);
    // SAFETY: the list is a live VM global, read just above.
    unsafe { vm.barrier(list) };
    Ok(Value::NONE)
}

/// `unregister(search_function)`: also forgets the cached lookups.
fn unregister(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let p = params(vm, &a, "unregister", &["search_function"], 1)?;
    let list = registry(vm, GlobalSlot::CodecSearch)?;
    let f = arg(vm, &p, 0).unwrap_or(Value::NONE);
    let items = vm.list_vec(list).to_vec();
    if let Some(i) = items.iter().position(|&x| x == f) {
        vm.list_vec(list).remove(i);
        let cache = vm.new_dict()?;
        vm.roots().globals[GlobalSlot::CodecCache as usize] = cache;
    }
    Ok(Value::NONE)
}

/// CPython's normalization of an encoding name for the search functions:
/// lower case, spaces and hyphens as underscores.
fn normalize(name: &str) -> String {
    name.chars()
        .map(|c| match c {
            ' ' | '-' => '_',
            c => c.to_ascii_lowercase(),
        })
        .collect()
}

impl Vm {
    /// `codecs.lookup(name)`: the CodecInfo the search functions give.
    pub(crate) fn codec_lookup(&mut self, name: &str) -> PyResult<Value> {
        let norm = normalize(name);
        let cache = registry(self, GlobalSlot::CodecCache)?;
        if let Some(v) = self.dict_get_str(cache, &norm)? {
            return Ok(v);
        }
        if self.global(GlobalSlot::CodecInit).is_empty() {
            // The first lookup imports the encodings package, which
            // registers its search function.
            self.roots().globals[GlobalSlot::CodecInit as usize] = Value::TRUE;
            self.import_module("encodings")?;
        }
        let list = registry(self, GlobalSlot::CodecSearch)?;
        let li = self.push_temp(list);
        let key = self.new_str(&norm);
        let r = (|| {
            let ki = self.push_temp(key?);
            let mut i = 0;
            while i < self.list_vec(self.temp(li)).len() {
                let f = self.list_vec(self.temp(li))[i];
                let r = self.call_value(f, &[self.temp(ki)])?;
                i += 1;
                if r.is_none() {
                    continue;
                }
                if self.kind_of(r) != Some(Kind::Tuple) || self.tuple_items(r).len() != 4 {
                    return Err(self.type_error("codec search functions must return 4-tuples"));
                }
                let ri = self.push_temp(r);
                let cache = registry(self, GlobalSlot::CodecCache)?;
                self.dict_set(cache, self.temp(ki), self.temp(ri))?;
                return Ok(self.temp(ri));
            }
            Err(self.raise_msg(TypeId::LookupError, &format!("unknown encoding: {name}")))
        })();
        self.pop_temps(li);
        r
    }

    /// Encodes or decodes `obj` with the registry's codec `name`
    /// (`codecs.encode`/`codecs.decode`).
    pub(crate) fn codec_apply(
        &mut self,
        obj: Value,
        name: &str,
        errors: &str,
        decoding: bool,
    ) -> PyResult<Value> {
        let oi = self.push_temp(obj);
        let r = (|| {
            let info = self.codec_lookup(name)?;
            let f = self.tuple_items(info)[usize::from(decoding)];
            let fi = self.push_temp(f);
            let e = self.new_str(errors)?;
            let r = self.call_value(self.temp(fi), &[self.temp(oi), e])?;
            if self.kind_of(r) != Some(Kind::Tuple) || self.tuple_items(r).len() != 2 {
                let what = if decoding { "decoder" } else { "encoder" };
                return Err(
                    self.type_error(&format!("{what} must return a tuple (object, integer)"))
                );
            }
            Ok(self.tuple_items(r)[0])
        })();
        self.pop_temps(oi);
        r
    }
}

/// `lookup(encoding)`.
fn lookup(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let p = params(vm, &a, "lookup", &["encoding"], 1)?;
    let v = arg(vm, &p, 0).unwrap_or(Value::NONE);
    if !vm.is_str(v) {
        let t = vm.type_name(v);
        return Err(vm.type_error(&format!("lookup() argument must be str, not {t}")));
    }
    let name = vm.str_text(v).into_owned();
    vm.codec_lookup(&name)
}

fn apply(vm: &mut Vm, a: Args, fname: &str, decoding: bool) -> PyResult<Value> {
    let p = params(vm, &a, fname, &["obj", "encoding", "errors"], 1)?;
    let name = match arg(vm, &p, 1) {
        Some(v) => str_arg(vm, v, fname, 2)?,
        None => "utf-8".into(),
    };
    let errors = match arg(vm, &p, 2) {
        Some(v) => str_arg(vm, v, fname, 3)?,
        None => "strict".into(),
    };
    let obj = arg(vm, &p, 0).unwrap_or(Value::NONE);
    vm.codec_apply(obj, &name, &errors, decoding)
}

/// `encode(obj, encoding='utf-8', errors='strict')`.
fn encode_fn(vm: &mut Vm, a: Args) -> PyResult<Value> {
    apply(vm, a, "encode", false)
}

/// `decode(obj, encoding='utf-8', errors='strict')`.
fn decode_fn(vm: &mut Vm, a: Args) -> PyResult<Value> {
    apply(vm, a, "decode", true)
}

/// `register_error(errors, handler)`.
fn register_error(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let p = params(vm, &a, "register_error", &["errors", "handler"], 2)?;
    let name = arg(vm, &p, 0).unwrap_or(Value::NONE);
    let name = str_arg(vm, name, "register_error", 1)?;
    let h = arg(vm, &p, 1).unwrap_or(Value::NONE);
    if !vm.is_callable(h)? {
        return Err(vm.type_error("handler must be callable"));
    }
    let d = registry(vm, GlobalSlot::CodecErrors)?;
    let h = arg(vm, &p, 1).unwrap_or(Value::NONE);
    vm.dict_set_str(d, &name, h)?;
    Ok(Value::NONE)
}

/// `lookup_error(name)`.
fn lookup_error(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let p = params(vm, &a, "lookup_error", &["name"], 1)?;
    let name = arg(vm, &p, 0).unwrap_or(Value::NONE);
    let name = str_arg(vm, name, "lookup_error", 1)?;
    let d = registry(vm, GlobalSlot::CodecErrors)?;
    match vm.dict_get_str(d, &name)? {
        Some(h) => Ok(h),
        None => Err(vm.raise_msg(
            TypeId::LookupError,
            &format!("unknown error handler name '{name}'"),
        )),
    }
}

// --- codec functions ----------------------------------------------------

/// `X_encode(str, errors=None)` for the native codec `enc`.
fn encode_with(vm: &mut Vm, a: Args, fname: &str, enc: Encoding) -> PyResult<Value> {
    let p = params(vm, &a, fname, &["str", "errors"], 1)?;
    encode_parsed(vm, &p, fname, enc)
}

/// Encodes argument 1 (a str) with `enc` and the errors of argument 2:
/// `(bytes, characters consumed)`.
fn encode_parsed(vm: &mut Vm, p: &[Option<usize>], fname: &str, enc: Encoding) -> PyResult<Value> {
    let s = arg(vm, p, 0).unwrap_or(Value::NONE);
    str_arg(vm, s, fname, 1)?;
    let errors = errors_arg(vm, arg(vm, p, 1), fname, 2)?;
    let s = arg(vm, p, 0).unwrap_or(Value::NONE);
    let cps = code_points(vm.str_bytes(s));
    if let Handler::Unknown(name) = lookup_handler(&errors) {
        let b = vm.encode_calling_handler(s, &cps, &name, &mut |_, part, first| {
            let e = if first { enc } else { without_bom(enc) };
            Ok(encode(part, e, &Handler::Strict))
        })?;
        let b = vm.new_bytes(&b)?;
        return pair(vm, b, cps.len());
    }
    match encode(&cps, enc, &lookup_handler(&errors)) {
        Ok(b) => {
            let b = vm.new_bytes(&b)?;
            pair(vm, b, cps.len())
        }
        Err(f) => Err(vm.raise_codec(f, arg(vm, p, 0).unwrap_or(Value::NONE))),
    }
}

/// How many leading bytes of `data` a non-final decode may consume: an
/// incomplete multi-byte sequence at the end waits for more input.
fn complete_prefix(data: &[u8], enc: Encoding) -> usize {
    match enc {
        Encoding::Utf8 { .. } => {
            let n = data.len();
            for back in 1..=3.min(n) {
                let b = data[n - back];
                if b & 0xc0 == 0x80 {
                    continue;
                }
                let need = match b {
                    0xc2..=0xdf => 2,
                    0xe0..=0xef => 3,
                    0xf0..=0xf4 => 4,
                    _ => return n,
                };
                return if need > back { n - back } else { n };
            }
            n
        }
        Encoding::Utf16 { be } => {
            let mut n = data.len() & !1;
            if n >= 2 {
                let (x, y) = (data[n - 2], data[n - 1]);
                let unit = if be == Some(true) {
                    u16::from_be_bytes([x, y])
                } else {
                    u16::from_le_bytes([x, y])
                };
                if (0xd800..0xdc00).contains(&unit) {
                    n -= 2;
                }
            }
            n
        }
        Encoding::Utf32 { .. } => data.len() & !3,
        _ => data.len(),
    }
}

/// `X_decode(data, errors=None, final=False)` for the native codec `enc`.
fn decode_with(
    vm: &mut Vm,
    a: Args,
    fname: &str,
    enc: Encoding,
    has_final: bool,
) -> PyResult<Value> {
    let names: &[&str] = if has_final {
        &["data", "errors", "final"]
    } else {
        &["data", "errors"]
    };
    let p = params(vm, &a, fname, names, 1)?;
    let d = arg(vm, &p, 0).unwrap_or(Value::NONE);
    let data = buffer_arg(vm, d, fname, 1)?;
    let errors = errors_arg(vm, arg(vm, &p, 1), fname, 2)?;
    let fin = !has_final || truthy(vm, arg(vm, &p, 2))?;
    let n = if fin {
        data.len()
    } else {
        complete_prefix(&data, enc)
    };
    if let Handler::Unknown(name) = lookup_handler(&errors) {
        let obj = arg(vm, &p, 0).unwrap_or(Value::NONE);
        let cps = vm.decode_calling_handler(obj, &data[..n], &name, &mut |_, part, first| {
            let e = if first { enc } else { without_bom(enc) };
            Ok(decode(part, e, &Handler::Strict))
        })?;
        let s = str_from_cps(vm, &cps)?;
        return pair(vm, s, n);
    }
    match decode(&data[..n], enc, &lookup_handler(&errors)) {
        Ok(cps) => {
            let s = str_from_cps(vm, &cps)?;
            pair(vm, s, n)
        }
        Err(f) => Err(vm.raise_codec(f, arg(vm, &p, 0).unwrap_or(Value::NONE))),
    }
}

macro_rules! codec_fns {
    ($($enc_name:ident, $dec_name:ident, $enc:expr, $final:expr;)*) => {$(
        fn $enc_name(vm: &mut Vm, a: Args) -> PyResult<Value> {
            encode_with(vm, a, stringify!($enc_name), $enc)
        }
        fn $dec_name(vm: &mut Vm, a: Args) -> PyResult<Value> {
            decode_with(vm, a, stringify!($dec_name), $enc, $final)
        }
    )*};
}

codec_fns! {
    utf_8_encode, utf_8_decode, Encoding::Utf8 { sig: false }, true;
    ascii_encode, ascii_decode, Encoding::Ascii, false;
    latin_1_encode, latin_1_decode, Encoding::Latin1, false;
    utf_16_le_encode, utf_16_le_decode, Encoding::Utf16 { be: Some(false) }, true;
    utf_16_be_encode, utf_16_be_decode, Encoding::Utf16 { be: Some(true) }, true;
    utf_32_le_encode, utf_32_le_decode, Encoding::Utf32 { be: Some(false) }, true;
    utf_32_be_encode, utf_32_be_decode, Encoding::Utf32 { be: Some(true) }, true;
    unicode_escape_encode, unicode_escape_decode, Encoding::UnicodeEscape { raw: false }, true;
    raw_unicode_escape_encode, raw_unicode_escape_decode, Encoding::UnicodeEscape { raw: true }, true;
}

/// The byte order argument of the UTF-16/32 functions: 0 native with a
/// BOM, -1 little-endian, 1 big-endian.
fn byteorder_arg(vm: &mut Vm, v: Option<Value>) -> PyResult<i64> {
    match v {
        None => Ok(0),
        Some(v) => match vm.index_value(v) {
            Some(i) => Ok(i),
            None => {
                let t = vm.type_name(v);
                Err(vm.type_error(&format!("'{t}' object cannot be interpreted as an integer")))
            }
        },
    }
}

fn wide_encode(vm: &mut Vm, a: Args, fname: &str, utf32: bool) -> PyResult<Value> {
    let p = params(vm, &a, fname, &["str", "errors", "byteorder"], 1)?;
    let order = byteorder_arg(vm, arg(vm, &p, 2))?;
    let be = match order {
        0 => None,
        o if o < 0 => Some(false),
        _ => Some(true),
    };
    let enc = if utf32 {
        Encoding::Utf32 { be }
    } else {
        Encoding::Utf16 { be }
    };
    encode_parsed(vm, &p, fname, enc)
}

fn utf_16_encode(vm: &mut Vm, a: Args) -> PyResult<Value> {
    wide_encode(vm, a, "utf_16_encode", false)
}

fn utf_32_encode(vm: &mut Vm, a: Args) -> PyResult<Value> {
    wide_encode(vm, a, "utf_32_encode", true)
}

/// The `_ex_decode` functions and their plain forms: a BOM at the start
/// picks the byte order when `byteorder` is 0; returns the str, the bytes
/// consumed and the byte order found.
fn wide_decode(vm: &mut Vm, a: Args, fname: &str, utf32: bool, ex: bool) -> PyResult<Value> {
    let names: &[&str] = if ex {
        &["data", "errors", "byteorder", "final"]
    } else {
        &["data", "errors", "final"]
    };
    let p = params(vm, &a, fname, names, 1)?;
    let d = arg(vm, &p, 0).unwrap_or(Value::NONE);
    let data = buffer_arg(vm, d, fname, 1)?;
    let errors = errors_arg(vm, arg(vm, &p, 1), fname, 2)?;
    let (order, fin) = if ex {
        (
            byteorder_arg(vm, arg(vm, &p, 2))?,
            truthy(vm, arg(vm, &p, 3))?,
        )
    } else {
        (0, truthy(vm, arg(vm, &p, 2))?)
    };
    let (bom_le, bom_be): (&[u8], &[u8]) = if utf32 {
        (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")
    } else {
        (b"\xff\xfe", b"\xfe\xff")
    };
    let (mut skip, mut found) = (0, order);
    if order == 0 {
        if data.starts_with(bom_le) {
            (skip, found) = (bom_le.len(), -1);
        } else if data.starts_with(bom_be) {
            (skip, found) = (bom_be.len(), 1);
        }
    }
    let be = Some(found > 0);
    let enc = if utf32 {
        Encoding::Utf32 { be }
    } else {
        Encoding::Utf16 { be }
    };
    let body = &data[skip..];
    let n = if fin {
        body.len()
    } else {
        complete_prefix(body, enc)
    };
    match decode(&body[..n], enc, &lookup_handler(&errors)) {
        Ok(cps) => {
            let s = str_from_cps(vm, &cps)?;
            let si = vm.push_temp(s);
            let r = (|| {
                let used = vm.new_i64((skip + n) as i64)?;
                if ex {
                    let o = vm.new_i64(found)?;
                    vm.new_tuple(&[vm.temp(si), used, o])
                } else {
                    vm.new_tuple(&[vm.temp(si), used])
                }
            })();
            vm.pop_temps(si);
            r
        }
        Err(f) => Err(vm.raise_codec(f, arg(vm, &p, 0).unwrap_or(Value::NONE))),
    }
}

fn utf_16_decode(vm: &mut Vm, a: Args) -> PyResult<Value> {
    wide_decode(vm, a, "utf_16_decode", false, false)
}

fn utf_16_ex_decode(vm: &mut Vm, a: Args) -> PyResult<Value> {
    wide_decode(vm, a, "utf_16_ex_decode", false, true)
}

fn utf_32_decode(vm: &mut Vm, a: Args) -> PyResult<Value> {
    wide_decode(vm, a, "utf_32_decode", true, false)
}

fn utf_32_ex_decode(vm: &mut Vm, a: Args) -> PyResult<Value> {
    wide_decode(vm, a, "utf_32_ex_decode", true, true)
}

/// `escape_encode(data, errors=None)`: bytes escaped as in a bytes
/// literal (without quotes).
fn escape_encode(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let p = params(vm, &a, "escape_encode", &["data", "errors"], 1)?;
    let d = arg(vm, &p, 0).unwrap_or(Value::NONE);
    if vm.kind_of(d) != Some(Kind::Bytes) {
        let t = vm.type_name(d);
        return Err(vm.type_error(&format!(
            "escape_encode() argument 1 must be bytes, not {t}"
        )));
    }
    let data = vm.bytes_data(d).to_vec();
    let mut out = Vec::with_capacity(data.len());
    for &b in &data {
        match b {
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\'' => out.extend_from_slice(b"\\'"),
            b'\t' => out.extend_from_slice(b"\\t"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            0x20..=0x7e => out.push(b),
            _ => out.extend_from_slice(format!("\\x{b:02x}").as_bytes()),
        }
    }
    let b = vm.new_bytes(&out)?;
    pair(vm, b, data.len())
}

/// `escape_decode(data, errors=None)`: the escapes of a bytes literal.
fn escape_decode(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let p = params(vm, &a, "escape_decode", &["data", "errors"], 1)?;
    let data = text_or_buffer(vm, &p, "escape_decode")?;
    let mut out = Vec::with_capacity(data.len());
    let mut i = 0;
    while i < data.len() {
        let b = data[i];
        i += 1;
        if b != b'\\' {
            out.push(b);
            continue;
        }
        let Some(&c) = data.get(i) else {
            return Err(vm.raise_msg(TypeId::ValueError, "Trailing \\ in string"));
        };
        i += 1;
        match c {
            b'\n' => {}
            b'\\' | b'\'' | b'"' => out.push(c),
            b'a' => out.push(7),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b't' => out.push(b'\t'),
            b'v' => out.push(11),
            b'0'..=b'7' => {
                let mut v = u32::from(c - b'0');
                for _ in 0..2 {
                    match data.get(i) {
                        Some(&o @ b'0'..=b'7') => {
                            v = v * 8 + u32::from(o - b'0');
                            i += 1;
                        }
                        _ => break,
                    }
                }
                out.push(v as u8);
            }
            b'x' => {
                let hex = data.get(i..i + 2).and_then(|h| {
                    std::str::from_utf8(h)
                        .ok()
                        .and_then(|h| u8::from_str_radix(h, 16).ok())
                });
                match hex {
                    Some(v) => {
                        out.push(v);
                        i += 2;
                    }
                    None => {
                        return Err(vm.raise_msg(
                            TypeId::ValueError,
                            &format!("invalid \\x escape at position {}", i - 2),
                        ));
                    }
                }
            }
            _ => {
                out.push(b'\\');
                out.push(c);
            }
        }
    }
    let b = vm.new_bytes(&out)?;
    pair(vm, b, data.len())
}

/// `readbuffer_encode(data, errors=None)`: the bytes of a buffer (or the
/// UTF-8 of a str).
fn readbuffer_encode(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let p = params(vm, &a, "readbuffer_encode", &["data", "errors"], 1)?;
    let data = text_or_buffer(vm, &p, "readbuffer_encode")?;
    let b = vm.new_bytes(&data)?;
    pair(vm, b, data.len())
}

/// `charmap_build(decoding_table)`: the encoding map of a 256-character
/// decoding table (a dict code point → byte).
fn charmap_build(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let p = params(vm, &a, "charmap_build", &["map"], 1)?;
    let t = arg(vm, &p, 0).unwrap_or(Value::NONE);
    let table = str_arg(vm, t, "charmap_build", 1)?;
    let d = vm.new_dict()?;
    let di = vm.push_temp(d);
    let r = (|| {
        for (i, c) in table.chars().enumerate() {
            let k = vm.new_i64(c as i64)?;
            let v = Value::from_int(i as i64).unwrap_or(Value::NONE);
            vm.dict_set(vm.temp(di), k, v)?;
        }
        Ok(vm.temp(di))
    })();
    vm.pop_temps(di);
    r
}

fn int_key(vm: &mut Vm, i: i64) -> PyResult<Value> {
    vm.new_i64(i)
}

/// `mapping[key]`, None when the mapping raises LookupError (an unmapped
/// character).
fn lookup_item(vm: &mut Vm, m: Value, k: Value) -> PyResult<Value> {
    match vm.get_item(m, k) {
        Ok(v) => Ok(v),
        Err(e) => {
            let exc = vm.raised();
            if vm.exc_matches(exc, TypeId::LookupError) {
                vm.take_raised();
                Ok(Value::NONE)
            } else {
                Err(e)
            }
        }
    }
}

/// `charmap_decode(data, errors=None, mapping=None)`: `mapping` is a
/// decoding table (str, U+FFFE for undefined bytes) or a dict byte →
/// str/int/None; None means Latin-1.
fn charmap_decode(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let p = params(vm, &a, "charmap_decode", &["data", "errors", "mapping"], 1)?;
    let d = arg(vm, &p, 0).unwrap_or(Value::NONE);
    let data = buffer_arg(vm, d, "charmap_decode", 1)?;
    let errors = errors_arg(vm, arg(vm, &p, 1), "charmap_decode", 2)?;
    let handler = lookup_handler(&errors);
    let obj = arg(vm, &p, 0).unwrap_or(Value::NONE);
    let out = if let Handler::Unknown(name) = &handler {
        vm.decode_calling_handler(obj, &data, name, &mut |vm, part, _| {
            charmap_decode_part(vm, &p, part, &Handler::Strict)
        })?
    } else {
        match charmap_decode_part(vm, &p, &data, &handler)? {
            Ok(out) => out,
            Err(f) => return Err(vm.raise_codec(f, arg(vm, &p, 0).unwrap_or(Value::NONE))),
        }
    };
    let s = str_from_cps(vm, &out)?;
    pair(vm, s, data.len())
}

/// `charmap_decode` of `data` with the mapping of argument 3.
fn charmap_decode_part(
    vm: &mut Vm,
    p: &[Option<usize>],
    data: &[u8],
    handler: &Handler,
) -> PyResult<Result<Vec<u32>, CodecFail>> {
    let mapping = arg(vm, p, 2).unwrap_or(Value::NONE);
    let table: Option<Vec<u32>> = if mapping.is_none() {
        Some((0..256).collect())
    } else if vm.is_str(mapping) {
        Some(code_points(vm.str_bytes(mapping)))
    } else {
        None
    };
    let mut out: Vec<u32> = Vec::with_capacity(data.len());
    for (i, &b) in data.iter().enumerate() {
        let mapped: Option<Vec<u32>> = match &table {
            Some(t) => t
                .get(b as usize)
                .copied()
                .filter(|&c| c != 0xfffe)
                .map(|c| vec![c]),
            None => {
                let m = arg(vm, p, 2).unwrap_or(Value::NONE);
                let k = int_key(vm, b as i64)?;
                let v = lookup_item(vm, m, k)?;
                if v.is_none() {
                    None
                } else if let Some(c) = v.as_int() {
                    if !(0..=0x10ffff).contains(&c) {
                        return Err(vm.type_error("character mapping must be in range(0x110000)"));
                    }
                    (c != 0xfffe).then(|| vec![c as u32])
                } else if vm.is_str(v) {
                    Some(code_points(vm.str_bytes(v)))
                } else {
                    return Err(vm.type_error("character mapping must return integer, None or str"));
                }
            }
        };
        match mapped {
            Some(cs) => out.extend(cs),
            None => match *handler {
                Handler::Ignore => {}
                Handler::Replace => out.push(0xfffd),
                Handler::BackslashReplace => {
                    out.extend(format!("\\x{b:02x}").chars().map(|c| c as u32));
                }
                Handler::SurrogateEscape if b >= 0x80 => out.push(0xdc00 + u32::from(b)),
                _ => {
                    let fail = CodecFail::Unicode {
                        decoding: true,
                        encoding: "charmap",
                        start: i,
                        end: i + 1,
                        reason: "character maps to <undefined>".into(),
                        message: format!(
                            "'charmap' codec can't decode byte 0x{b:02x} in position {i}: \
                             character maps to <undefined>"
                        ),
                    };
                    return Ok(Err(fail));
                }
            },
        }
    }
    Ok(Ok(out))
}

/// `charmap_encode(str, errors=None, mapping=None)`: `mapping` is a dict
/// code point → byte (int), bytes or None (what `charmap_build` makes);
/// None means Latin-1.
fn charmap_encode(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let p = params(vm, &a, "charmap_encode", &["str", "errors", "mapping"], 1)?;
    let s = arg(vm, &p, 0).unwrap_or(Value::NONE);
    str_arg(vm, s, "charmap_encode", 1)?;
    let errors = errors_arg(vm, arg(vm, &p, 1), "charmap_encode", 2)?;
    let handler = lookup_handler(&errors);
    let s = arg(vm, &p, 0).unwrap_or(Value::NONE);
    let cps = code_points(vm.str_bytes(s));
    let out = if let Handler::Unknown(name) = &handler {
        vm.encode_calling_handler(s, &cps, name, &mut |vm, part, _| {
            charmap_encode_part(vm, &p, part, &Handler::Strict)
        })?
    } else {
        match charmap_encode_part(vm, &p, &cps, &handler)? {
            Ok(out) => out,
            Err(f) => return Err(vm.raise_codec(f, arg(vm, &p, 0).unwrap_or(Value::NONE))),
        }
    };
    let b = vm.new_bytes(&out)?;
    pair(vm, b, cps.len())
}

/// `charmap_encode` of `cps` with the mapping of argument 3.
fn charmap_encode_part(
    vm: &mut Vm,
    p: &[Option<usize>],
    cps: &[u32],
    handler: &Handler,
) -> PyResult<Result<Vec<u8>, CodecFail>> {
    let latin1 = arg(vm, p, 2).is_none_or(|m| m.is_none());
    let mut out = Vec::with_capacity(cps.len());
    for (i, &c) in cps.iter().enumerate() {
        let mapped: Option<Vec<u8>> = if latin1 {
            (c < 256).then(|| vec![c as u8])
        } else {
            let m = arg(vm, p, 2).unwrap_or(Value::NONE);
            let k = int_key(vm, c as i64)?;
            let v = lookup_item(vm, m, k)?;
            if v.is_none() {
                None
            } else if let Some(b) = v.as_int() {
                if !(0..256).contains(&b) {
                    return Err(vm.type_error("character mapping must be in range(256)"));
                }
                Some(vec![b as u8])
            } else if vm.kind_of(v) == Some(Kind::Bytes) {
                Some(vm.bytes_data(v).to_vec())
            } else {
                return Err(
                    vm.type_error("character mapping must return integer, bytes or None, not str")
                );
            }
        };
        match mapped {
            Some(bs) => out.extend(bs),
            None => match *handler {
                Handler::Ignore => {}
                Handler::Replace => out.push(b'?'),
                Handler::XmlCharRefReplace => out.extend(format!("&#{c};").bytes()),
                Handler::BackslashReplace => out.extend(escape_cp(c).bytes()),
                _ => {
                    let fail = CodecFail::Unicode {
                        decoding: false,
                        encoding: "charmap",
                        start: i,
                        end: i + 1,
                        reason: "character maps to <undefined>".into(),
                        message: format!(
                            "'charmap' codec can't encode character '{}' in position {i}: \
                             character maps to <undefined>",
                            escape_cp(c)
                        ),
                    };
                    return Ok(Err(fail));
                }
            },
        }
    }
    Ok(Ok(out))
}

/// `\xNN`, `\uNNNN` or `\UNNNNNNNN`.
fn escape_cp(c: u32) -> String {
    if c < 0x100 {
        format!("\\x{c:02x}")
    } else if c < 0x10000 {
        format!("\\u{c:04x}")
    } else {
        format!("\\U{c:08x}")
    }
}

// --- the builtin error handlers -----------------------------------------

/// What an error handler is given: the kind of UnicodeError, the object,
/// start and end.
struct ExcInfo {
    kind: TypeId,
    start: usize,
    end: usize,
}

fn handler_exc(vm: &mut Vm, a: &Args, name: &str) -> PyResult<ExcInfo> {
    if a.npos(vm) != 1 || a.nkw(vm) != 0 {
        let n = a.npos(vm);
        return Err(vm.type_error(&format!("{name}() takes exactly one argument ({n} given)")));
    }
    let e = a.get(vm, 0);
    let kind = [
        TypeId::UnicodeEncodeError,
        TypeId::UnicodeDecodeError,
        TypeId::UnicodeTranslateError,
    ]
    .into_iter()
    .find(|&t| vm.isinstance_of(e, t));
    let Some(kind) = kind else {
        if vm.kind_of(e) == Some(Kind::Exception) {
            let t = vm.type_name(e);
            return Err(vm.type_error(&format!("don't know how to handle {t} in error callback")));
        }
        return Err(vm.type_error("codec must pass exception instance"));
    };
    let idx = |vm: &mut Vm, name: &str| -> PyResult<usize> {
        let e = a.get(vm, 0);
        let v = vm.get_attr_str(e, name)?;
        Ok(vm.index_value(v).unwrap_or(0).max(0) as usize)
    };
    let start = idx(vm, "start")?;
    let end = idx(vm, "end")?;
    Ok(ExcInfo { kind, start, end })
}

/// The failing part: code points of the str (encode/translate) or the
/// bytes (decode).
fn bad_part(vm: &mut Vm, a: &Args, x: &ExcInfo) -> PyResult<Vec<u32>> {
    let e = a.get(vm, 0);
    let obj = vm.get_attr_str(e, "object")?;
    let all: Vec<u32> = if vm.is_str(obj) {
        code_points(vm.str_bytes(obj))
    } else {
        vm.buffer_copy(obj)?
            .unwrap_or_default()
            .into_iter()
            .map(u32::from)
            .collect()
    };
    let end = x.end.min(all.len());
    Ok(all.get(x.start.min(end)..end).unwrap_or(&[]).to_vec())
}

/// `(replacement, end)`.
fn handler_result(vm: &mut Vm, cps: &[u32], end: usize) -> PyResult<Value> {
    let s = str_from_cps(vm, cps)?;
    pair(vm, s, end)
}

fn wrong_kind(vm: &mut Vm, a: &Args) -> crate::runtime::exception::Raised {
    let t = vm.type_name(a.get(vm, 0));
    vm.type_error(&format!("don't know how to handle {t} in error callback"))
}

fn strict_errors(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let e = a.get(vm, 0);
    if vm.kind_of(e) == Some(Kind::Exception) {
        return Err(vm.raise_value(e));
    }
    Err(vm.type_error("codec must pass exception instance"))
}

fn ignore_errors(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let x = handler_exc(vm, &a, "ignore_errors")?;
    handler_result(vm, &[], x.end)
}

fn replace_errors(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let x = handler_exc(vm, &a, "replace_errors")?;
    let n = x.end.saturating_sub(x.start);
    let rep: Vec<u32> = match x.kind {
        TypeId::UnicodeEncodeError => vec![u32::from(b'?'); n],
        TypeId::UnicodeDecodeError => vec![0xfffd],
        _ => vec![0xfffd; n],
    };
    handler_result(vm, &rep, x.end)
}

fn xmlcharrefreplace_errors(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let x = handler_exc(vm, &a, "xmlcharrefreplace_errors")?;
    if x.kind != TypeId::UnicodeEncodeError {
        return Err(wrong_kind(vm, &a));
    }
    let part = bad_part(vm, &a, &x)?;
    let s: String = part.iter().map(|c| format!("&#{c};")).collect();
    let cps: Vec<u32> = s.chars().map(|c| c as u32).collect();
    handler_result(vm, &cps, x.end)
}

fn backslashreplace_errors(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let x = handler_exc(vm, &a, "backslashreplace_errors")?;
    let part = bad_part(vm, &a, &x)?;
    let s: String = part.iter().map(|&c| escape_cp(c)).collect();
    let cps: Vec<u32> = s.chars().map(|c| c as u32).collect();
    handler_result(vm, &cps, x.end)
}

fn namereplace_errors(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let x = handler_exc(vm, &a, "namereplace_errors")?;
    if x.kind != TypeId::UnicodeEncodeError {
        return Err(wrong_kind(vm, &a));
    }
    let part = bad_part(vm, &a, &x)?;
    let s: String = part
        .iter()
        .map(|&c| {
            char::from_u32(c)
                .and_then(unicode_names2::name)
                .map(|n| format!("\\N{{{n}}}"))
                .unwrap_or_else(|| escape_cp(c))
        })
        .collect();
    let cps: Vec<u32> = s.chars().map(|c| c as u32).collect();
    handler_result(vm, &cps, x.end)
}

fn surrogateescape(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let x = handler_exc(vm, &a, "surrogateescape")?;
    let part = bad_part(vm, &a, &x)?;
    match x.kind {
        TypeId::UnicodeDecodeError if part.iter().all(|&b| b >= 0x80) => {
            let cps: Vec<u32> = part.iter().map(|&b| 0xdc00 + b).collect();
            handler_result(vm, &cps, x.end)
        }
        TypeId::UnicodeEncodeError if part.iter().all(|&c| (0xdc80..0xdd00).contains(&c)) => {
            let bytes: Vec<u8> = part.iter().map(|&c| (c - 0xdc00) as u8).collect();
            let b = vm.new_bytes(&bytes)?;
            pair(vm, b, x.end)
        }
        TypeId::UnicodeDecodeError | TypeId::UnicodeEncodeError => {
            let e = a.get(vm, 0);
            Err(vm.raise_value(e))
        }
        _ => Err(wrong_kind(vm, &a)),
    }
}

/// `surrogatepass` for UTF-8: surrogates as their 3-byte sequences.
fn surrogatepass(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let x = handler_exc(vm, &a, "surrogatepass")?;
    let e = a.get(vm, 0);
    let enc = vm.get_attr_str(e, "encoding")?;
    let enc = if vm.is_str(enc) {
        normalize(&vm.str_text(enc))
    } else {
        String::new()
    };
    let part = bad_part(vm, &a, &x)?;
    if !matches!(enc.as_str(), "utf_8" | "utf8") {
        let e = a.get(vm, 0);
        return Err(vm.raise_value(e));
    }
    match x.kind {
        TypeId::UnicodeEncodeError if part.iter().all(|&c| (0xd800..0xe000).contains(&c)) => {
            let mut bytes = Vec::new();
            for &c in &part {
                push_code_point(&mut bytes, c);
            }
            let b = vm.new_bytes(&bytes)?;
            pair(vm, b, x.end)
        }
        TypeId::UnicodeDecodeError => {
            // One surrogate: three bytes ED A0..BF 80..BF at `start`.
            let e = a.get(vm, 0);
            let obj = vm.get_attr_str(e, "object")?;
            let data = vm.buffer_copy(obj)?.unwrap_or_default();
            let s = x.start;
            match data.get(s..s + 3) {
                Some(&[0xed, b1 @ 0xa0..=0xbf, b2 @ 0x80..=0xbf]) => {
                    let c = 0xd000 | (u32::from(b1 & 0x3f) << 6) | u32::from(b2 & 0x3f);
                    handler_result(vm, &[c], s + 3)
                }
                _ => {
                    let e = a.get(vm, 0);
                    Err(vm.raise_value(e))
                }
            }
        }
        TypeId::UnicodeEncodeError => {
            let e = a.get(vm, 0);
            Err(vm.raise_value(e))
        }
        _ => Err(wrong_kind(vm, &a)),
    }
}
