//! Error handlers that are Python callables (registered with
//! `codecs.register_error`, and the builtin handlers the native codecs do
//! not implement inline, such as `namereplace`), called from the native
//! encoders and decoders as CPython calls them: the codec runs strictly
//! up to the first error, the handler gets a `UnicodeEncodeError` /
//! `UnicodeDecodeError` (`encoding`, `object`, `start`, `end`, `reason`)
//! and returns `(replacement, newpos)`; the codec resumes at `newpos`.
//!
//! Also `str.encode`/`bytes.decode` with a codec that only the registry
//! knows (the stdlib's table codecs: `cp1252`, `iso8859_7`, `koi8_r`...).

use pyvm_objmodel::Value;

use super::exception::PyResult;
use super::heap::Vm;
use super::layout::Kind;
use super::text_codec::{CodecFail, Encoding};
use super::types::{GlobalSlot, TypeId};

/// A native encoder run strictly over a part of the code points; `first`
/// is false after the first part (no byte order mark then).
pub type EncodePart<'a> =
    &'a mut dyn FnMut(&mut Vm, &[u32], bool) -> PyResult<Result<Vec<u8>, CodecFail>>;

/// A native decoder run strictly over a part of the data.
pub type DecodePart<'a> =
    &'a mut dyn FnMut(&mut Vm, &[u8], bool) -> PyResult<Result<Vec<u32>, CodecFail>>;

/// The encoding without its byte order mark, for the parts after the
/// first.
pub fn without_bom(enc: Encoding) -> Encoding {
    let little = cfg!(target_endian = "little");
    match enc {
        Encoding::Utf8 { .. } => Encoding::Utf8 { sig: false },
        Encoding::Utf16 { be: None } => Encoding::Utf16 { be: Some(!little) },
        Encoding::Utf32 { be: None } => Encoding::Utf32 { be: Some(!little) },
        e => e,
    }
}

/// An error handler's replacement: units to run through the codec (a str
/// replacement when encoding), or output to take as it is.
enum Replacement<I, O> {
    Input(Vec<I>),
    Output(Vec<O>),
}

/// `\xNN`, `\uNNNN` or `\UNNNNNNNN`, as CPython's messages show characters.
fn escaped(c: u32) -> String {
    if c < 0x100 {
        format!("\\x{c:02x}")
    } else if c < 0x10000 {
        format!("\\u{c:04x}")
    } else {
        format!("\\U{c:08x}")
    }
}

/// The failure `f` (found in a part starting at `pos`) moved to absolute
/// positions, with CPython's message for them.
fn shifted(f: CodecFail, pos: usize, encode_cps: Option<&[u32]>, data: Option<&[u8]>) -> CodecFail {
    let CodecFail::Unicode {
        decoding,
        encoding,
        start,
        end,
        reason,
        ..
    } = f
    else {
        return f;
    };
    let (start, end) = (start + pos, end + pos);
    let message = match (encode_cps, data) {
        (Some(cps), _) if end == start + 1 => format!(
            "'{encoding}' codec can't encode character '{}' in position {start}: {reason}",
            escaped(cps[start])
        ),
        (Some(_), _) => format!(
            "'{encoding}' codec can't encode characters in position {start}-{}: {reason}",
            end - 1
        ),
        (_, Some(d)) if end == start + 1 => format!(
            "'{encoding}' codec can't decode byte 0x{:02x} in position {start}: {reason}",
            d[start]
        ),
        _ => format!(
            "'{encoding}' codec can't decode bytes in position {start}-{}: {reason}",
            end - 1
        ),
    };
    CodecFail::Unicode {
        decoding,
        encoding,
        start,
        end,
        reason,
        message,
    }
}

impl Vm {
    /// The error handler registered as `name` (LookupError if none).
    pub(crate) fn error_handler(&mut self, name: &str) -> PyResult<Value> {
        // Importing `_codecs` registers the builtin handlers.
        self.import_module("_codecs")?;
        let d = self.global(GlobalSlot::CodecErrors);
        let h = if d.is_empty() {
            None
        } else {
            self.dict_get_str(d, name)?
        };
        h.ok_or_else(|| {
            self.raise_msg(
                TypeId::LookupError,
                &format!("unknown error handler name '{name}'"),
            )
        })
    }

    /// The exception object for `fail` about `object`.
    fn codec_exception(&mut self, fail: CodecFail, object: Value) -> Value {
        let _ = self.raise_codec(fail, object);
        self.take_raised()
    }

    /// Calls handler `h` (temp `hi`) with the exception (temp `ei`):
    /// `(replacement, newpos)` checked, newpos made absolute in `0..=len`.
    fn call_handler(
        &mut self,
        hi: usize,
        ei: usize,
        len: usize,
        decoding: bool,
    ) -> PyResult<(Value, usize)> {
        let r = self.call_value(self.temp(hi), &[self.temp(ei)])?;
        let ok = self.kind_of(r) == Some(Kind::Tuple) && self.tuple_items(r).len() == 2 && {
            let rep = self.tuple_items(r)[0];
            let pos = self.tuple_items(r)[1];
            (self.is_str(rep) || !decoding && self.kind_of(rep) == Some(Kind::Bytes))
                && self.index_value(pos).is_some()
        };
        if !ok {
            let msg = if decoding {
                "decoding error handler must return (str, int) tuple"
            } else {
                "encoding error handler must return (str/bytes, int) tuple"
            };
            return Err(self.type_error(msg));
        }
        let rep = self.tuple_items(r)[0];
        let n = self.index_value(self.tuple_items(r)[1]).unwrap_or(0);
        let pos = if n < 0 { len as i64 + n } else { n };
        if pos < 0 || pos > len as i64 {
            return Err(self.raise_msg(
                TypeId::IndexError,
                &format!("position {n} from error handler out of bounds"),
            ));
        }
        Ok((rep, pos as usize))
    }

    /// Encodes `cps` (the code points of the str `obj`) with `codec`,
    /// calling the error handler `handler` at each failure.
    pub(crate) fn encode_calling_handler(
        &mut self,
        obj: Value,
        cps: &[u32],
        handler: &str,
        codec: EncodePart<'_>,
    ) -> PyResult<Vec<u8>> {
        let shift = |f, pos| shifted(f, pos, Some(cps), None);
        // A str replacement is encoded like the input; bytes go in as is.
        let replacement = |vm: &mut Vm, rep| {
            if vm.is_str(rep) {
                Replacement::Input(super::text_codec::code_points(vm.str_bytes(rep)))
            } else {
                Replacement::Output(vm.bytes_data(rep).to_vec())
            }
        };
        self.code_calling_handler(obj, cps, handler, false, codec, &shift, &replacement)
    }

    /// Decodes `data` (the bytes of `obj`) with `codec`, calling the
    /// error handler `handler` at each failure.
    pub(crate) fn decode_calling_handler(
        &mut self,
        obj: Value,
        data: &[u8],
        handler: &str,
        codec: DecodePart<'_>,
    ) -> PyResult<Vec<u32>> {
        let shift = |f, pos| shifted(f, pos, None, Some(data));
        let replacement = |vm: &mut Vm, rep| {
            Replacement::Output(super::text_codec::code_points(vm.str_bytes(rep)))
        };
        self.code_calling_handler(obj, data, handler, true, codec, &shift, &replacement)
    }

    /// The loop shared by both directions: run `codec` strictly, and at
    /// each failure code the part before it, call the handler, put its
    /// replacement in the output and resume where it says.
    #[allow(clippy::too_many_arguments)]
    fn code_calling_handler<I, O>(
        &mut self,
        obj: Value,
        input: &[I],
        handler: &str,
        decoding: bool,
        codec: &mut dyn FnMut(&mut Vm, &[I], bool) -> PyResult<Result<Vec<O>, CodecFail>>,
        shift: &dyn Fn(CodecFail, usize) -> CodecFail,
        replacement: &dyn Fn(&mut Vm, Value) -> Replacement<I, O>,
    ) -> PyResult<Vec<O>> {
        let oi = self.push_temp(obj);
        let r = (|| {
            let mut out = Vec::new();
            let mut pos = 0;
            let mut first = true;
            let mut hi = None;
            loop {
                let fail = match codec(self, &input[pos..], first)? {
                    Ok(part) => {
                        out.extend(part);
                        return Ok(out);
                    }
                    Err(f) => shift(f, pos),
                };
                let CodecFail::Unicode { start, .. } = fail else {
                    return Err(self.raise_codec(fail, self.temp(oi)));
                };
                if start > pos {
                    match codec(self, &input[pos..start], first)? {
                        Ok(part) => out.extend(part),
                        Err(f) => return Err(self.raise_codec(f, self.temp(oi))),
                    }
                    first = false;
                }
                let h = match hi {
                    Some(i) => i,
                    None => {
                        let h = self.error_handler(handler)?;
                        let i = self.push_temp(h);
                        hi = Some(i);
                        i
                    }
                };
                let e = self.codec_exception(fail.clone(), self.temp(oi));
                let ei = self.push_temp(e);
                let res = self.call_handler(h, ei, input.len(), decoding);
                let (rep, newpos) = match res {
                    Ok(x) => x,
                    Err(r) => {
                        self.pop_temps(ei);
                        return Err(r);
                    }
                };
                match replacement(self, rep) {
                    Replacement::Output(part) => out.extend(part),
                    Replacement::Input(units) => match codec(self, &units, first)? {
                        Ok(part) => out.extend(part),
                        // A replacement the codec cannot code either:
                        // CPython raises the original error.
                        Err(_) => {
                            let e = self.temp(ei);
                            self.pop_temps(ei);
                            return Err(self.raise_value(e));
                        }
                    },
                }
                self.pop_temps(ei);
                first = false;
                pos = newpos;
            }
        })();
        self.pop_temps(oi);
        r
    }

    /// `s.encode(name, errors)` with a codec only the registry knows.
    pub(crate) fn encode_by_registry(
        &mut self,
        s: Value,
        name: &str,
        errors: &str,
    ) -> PyResult<Value> {
        let si = self.push_temp(s);
        let r = self.check_text_encoding(name, false);
        let s = self.temp(si);
        self.pop_temps(si);
        r?;
        let r = self.codec_apply(s, name, errors, false)?;
        if self.kind_of(r) != Some(Kind::Bytes) {
            let t = self.type_name(r);
            return Err(self.type_error(&format!(
                "'{name}' encoder returned '{t}' instead of 'bytes'; use codecs.encode() to encode to arbitrary types"
            )));
        }
        Ok(r)
    }

    /// `b.decode(name, errors)` with a codec only the registry knows.
    pub(crate) fn decode_by_registry(
        &mut self,
        b: Value,
        name: &str,
        errors: &str,
    ) -> PyResult<Value> {
        let bi = self.push_temp(b);
        let r = self.check_text_encoding(name, true);
        let b = self.temp(bi);
        self.pop_temps(bi);
        r?;
        let r = self.codec_apply(b, name, errors, true)?;
        if !self.is_str(r) {
            let t = self.type_name(r);
            return Err(self.type_error(&format!(
                "'{name}' decoder returned '{t}' instead of 'str'; use codecs.decode() to decode to arbitrary types"
            )));
        }
        Ok(r)
    }

    /// LookupError for codecs such as `rot13` that are not text encodings.
    fn check_text_encoding(&mut self, name: &str, decoding: bool) -> PyResult<()> {
        let info = self.codec_lookup(name)?;
        let flag = self.get_attr_str(info, "_is_text_encoding");
        let flag = match flag {
            Ok(v) => v,
            Err(_) => {
                self.take_raised();
                return Ok(());
            }
        };
        if !self.truthy(flag)? {
            let how = if decoding { "decode" } else { "encode" };
            return Err(self.raise_msg(
                TypeId::LookupError,
                &format!(
                    "'{name}' is not a text encoding; use codecs.{how}() to handle arbitrary codecs"
                ),
            ));
        }
        Ok(())
    }
}
