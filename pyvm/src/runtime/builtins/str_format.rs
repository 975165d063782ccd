//! Formatting: `str.format`/`format_map` (the template language of
//! `crate::format_string`), `str % args` and `bytes % args` (the scanner
//! of `crate::percent_format`), the `format()` and `ascii()` builtins and
//! the f-string conversions.

use pyvm_objmodel::Value;

use super::super::call::Args;
use super::super::exception::PyResult;
use super::super::heap::Vm;
use super::super::layout::Kind;
use super::super::ops::Number;
use super::super::types::TypeId;
use super::native_args::recv;
use super::{NativeTable, Place};
use crate::float_format::{PrintfSpec, format_float_printf};
use crate::format_string::{Accessor, AutoNumber, FieldKey, parse_format_string, split_field_name};
use crate::int_format::format_int_printf;
use crate::int_parse::MaxStrDigits;
use crate::percent_format::{
    PercentItem, Step, is_conversion, parse_percent_format, unsupported_conversion,
};

/// The natives of this file.
pub(crate) const STR_FORMAT: NativeTable = &[
    ("format", Place::Builtins, builtin_format),
    ("ascii", Place::Builtins, builtin_ascii),
    ("format", Place::Method(TypeId::Str), str_format),
    ("format_map", Place::Method(TypeId::Str), str_format_map),
];

/// Escapes the non-ASCII characters of `s` as `ascii()` does.
pub(crate) fn escape_non_ascii(s: &[u8]) -> String {
    let mut out = String::with_capacity(s.len());
    for c in super::super::text_codec::code_points(s) {
        if c < 0x80 {
            out.push(c as u8 as char);
        } else if c < 0x100 {
            out.push_str(&format!("\\x{c:02x}"));
        } else if c < 0x10000 {
            out.push_str(&format!("\\u{c:04x}"));
        } else {
            out.push_str(&format!("\\U{c:08x}"));
        }
    }
    out
}

fn builtin_format(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = super::arity(vm, &a, "format", 1, 2)?;
    if n == 2 {
        let spec = a.get(vm, 1);
        if !vm.is_str(spec) {
            let t = vm.type_name(spec);
            return Err(vm.type_error(&format!("format() argument 2 must be str, not {t}")));
        }
        return vm.format_value(a.get(vm, 0), spec);
    }
    let spec = vm.new_str("")?;
    vm.format_value(a.get(vm, 0), spec)
}

fn builtin_ascii(vm: &mut Vm, a: Args) -> PyResult<Value> {
    super::arity(vm, &a, "ascii", 1, 1)?;
    vm.ascii_value(a.get(vm, 0))
}

/// Where the fields of a `str.format` call come from.
struct Source {
    /// Temp index of the first positional argument and their count.
    pos: usize,
    npos: usize,
    /// The call's arguments (for keyword lookup), or the mapping's temp
    /// index for `format_map`.
    args: Option<Args>,
    mapping: Option<usize>,
}

fn str_format(vm: &mut Vm, a: Args) -> PyResult<Value> {
    recv(vm, &a, &[Kind::Str], "str", "format")?;
    let src = Source {
        pos: a.start + 1,
        npos: a.npos(vm) - 1,
        args: Some(a),
        mapping: None,
    };
    let t = vm.str_text(a.get(vm, 0)).into_owned();
    let mut auto = AutoNumber::default();
    let (out, n) = format_template(vm, &t, &src, &mut auto, 2)?;
    vm.alloc_str_bytes(&out, n)
}

fn str_format_map(vm: &mut Vm, a: Args) -> PyResult<Value> {
    recv(vm, &a, &[Kind::Str], "str", "format_map")?;
    super::native_args::one(vm, &a, "str.format_map")?;
    let src = Source {
        pos: 0,
        npos: 0,
        args: None,
        mapping: Some(a.start + 1),
    };
    let t = vm.str_text(a.get(vm, 0)).into_owned();
    let mut auto = AutoNumber::default();
    let (out, n) = format_template(vm, &t, &src, &mut auto, 2)?;
    vm.alloc_str_bytes(&out, n)
}

/// Expands a template; returns generalized UTF-8 and its code-point count.
fn format_template(
    vm: &mut Vm,
    template: &str,
    src: &Source,
    auto: &mut AutoNumber,
    depth: u32,
) -> PyResult<(Vec<u8>, usize)> {
    if depth == 0 {
        return Err(vm.raise_msg(TypeId::ValueError, "Max string recursion exceeded"));
    }
    let pieces = parse_format_string(template).map_err(|e| vm.raise_pyerror(e))?;
    let mut out = Vec::new();
    let mut n = 0;
    for piece in pieces {
        out.extend_from_slice(piece.literal.as_bytes());
        n += piece.literal.chars().count();
        let Some(field) = piece.field else { continue };
        let (key, accessors) = split_field_name(&field.name).map_err(|e| vm.raise_pyerror(e))?;
        let key = auto.resolve(key).map_err(|e| vm.raise_pyerror(e))?;
        let obj = match key {
            FieldKey::Index(i) => {
                if src.mapping.is_some() {
                    return Err(vm.raise_msg(
                        TypeId::ValueError,
                        "Format string contains positional fields",
                    ));
                }
                if i >= src.npos {
                    return Err(vm.raise_msg(
                        TypeId::IndexError,
                        &format!("Replacement index {i} out of range for positional args tuple"),
                    ));
                }
                vm.temp(src.pos + i)
            }
            FieldKey::Name(name) => {
                if let Some(m) = src.mapping {
                    let k = vm.new_str(&name)?;
                    vm.get_item(vm.temp(m), k)?
                } else {
                    match src.args.and_then(|a| a.kwarg(vm, &name)) {
                        Some(v) => v,
                        None => {
                            let k = vm.new_str(&name)?;
                            return Err(vm.raise_args(TypeId::KeyError, &[k]));
                        }
                    }
                }
            }
        };
        let oi = vm.push_temp(obj);
        let r = (|| {
            for acc in accessors {
                let cur = vm.temp(oi);
                let next = match acc {
                    Accessor::Attr(name) => {
                        let k = vm.new_str(&name)?;
                        vm.get_attr(vm.temp(oi), k)?
                    }
                    Accessor::Item(FieldKey::Index(i)) => {
                        let k = vm.new_i64(i as i64)?;
                        vm.get_item(vm.temp(oi), k)?
                    }
                    Accessor::Item(FieldKey::Name(s)) => {
                        let k = vm.new_str(&s)?;
                        vm.get_item(vm.temp(oi), k)?
                    }
                };
                let _ = cur;
                vm.roots().temps[oi] = next;
            }
            let conv = match field.conversion {
                None => 0,
                Some('s') => 1,
                Some('r') => 2,
                Some('a') => 3,
                Some(c) => {
                    return Err(vm.raise_msg(
                        TypeId::ValueError,
                        &format!("Unknown conversion specifier {c}"),
                    ));
                }
            };
            if conv != 0 {
                let c = vm.convert_value(vm.temp(oi), conv)?;
                vm.roots().temps[oi] = c;
            }
            let spec = if field.spec.contains('{') {
                let (b, k) = format_template(vm, &field.spec, src, auto, depth - 1)?;
                vm.alloc_str_bytes(&b, k)?
            } else {
                vm.new_str(&field.spec)?
            };
            vm.format_value(vm.temp(oi), spec)
        })();
        vm.pop_temps(oi);
        let s = r?;
        out.extend_from_slice(vm.str_bytes(s));
        n += vm.str_chars(s);
    }
    Ok((out, n))
}

/// The state of one `%` formatting: CPython's `args`/`arglen`/`argidx`.
struct PercentArgs {
    /// Temp index of the current argument source.
    args: usize,
    /// Number of arguments (-1: `args` itself is the only one).
    len: i64,
    /// Next argument (starts at -2 for a single argument).
    idx: i64,
    /// Temp index of the mapping, if the operand is one.
    dict: Option<usize>,
}

impl PercentArgs {
    fn next(&mut self, vm: &mut Vm) -> PyResult<Value> {
        if self.idx < self.len {
            let i = self.idx;
            self.idx += 1;
            let a = vm.temp(self.args);
            if self.len < 0 {
                return Ok(a);
            }
            return Ok(vm.tuple_items(a)[i as usize]);
        }
        Err(vm.type_error("not enough arguments for format string"))
    }
}

/// `temps[ai]` as an int for `*` (`* wants int`), as the C type's range.
fn star_arg(vm: &mut Vm, v: Value) -> PyResult<i64> {
    if v.as_float().is_some() || vm.index_value(v).is_none() {
        return Err(vm.type_error("* wants int"));
    }
    if vm.kind_of(v) == Some(Kind::BigInt) {
        return Err(vm.raise_msg(
            TypeId::OverflowError,
            "Python int too large to convert to C ssize_t",
        ));
    }
    Ok(vm.index_value(v).unwrap_or(0))
}

/// Pads a converted `%s`/`%r` text to the directive's width.
fn pad_text(text: &[u8], chars: usize, spec: &PrintfSpec) -> (Vec<u8>, usize) {
    let (text, chars) = match spec.precision {
        Some(p) if p < chars => {
            let mut end = 0;
            let mut k = 0;
            while k < p {
                end += super::super::items::utf8_len(text[end]);
                k += 1;
            }
            (&text[..end], p)
        }
        _ => (text, chars),
    };
    let width = spec.width.unwrap_or(0);
    if width <= chars {
        return (text.to_vec(), chars);
    }
    let pad = vec![b' '; width - chars];
    let out = if spec.left {
        [text, &pad].concat()
    } else {
        [&pad[..], text].concat()
    };
    (out, width)
}

impl Vm {
    /// `str(v)`, `repr(v)` or `ascii(v)` for conversion 1, 2, 3.
    pub fn convert_value(&mut self, v: Value, conv: u32) -> PyResult<Value> {
        match conv {
            2 => self.repr_value(v),
            3 => self.ascii_value(v),
            _ => self.str_value(v),
        }
    }

    /// An f-string replacement without a spec: the conversion, then
    /// `format(v, '')` (only when `format` is set: `FormatValue`).
    pub fn format_convert(&mut self, v: Value, conv: u32, format: bool) -> PyResult<Value> {
        if conv == 0 && format {
            let vi = self.push_temp(v);
            let r = self
                .new_str("")
                .and_then(|e| self.format_value(self.temp(vi), e));
            self.pop_temps(vi);
            return r;
        }
        self.convert_value(v, conv)
    }

    /// `ascii(v)`.
    pub fn ascii_value(&mut self, v: Value) -> PyResult<Value> {
        let r = self.repr_value(v)?;
        if self.str_bytes(r).is_ascii() {
            return Ok(r);
        }
        let s = escape_non_ascii(self.str_bytes(r));
        self.new_str(&s)
    }

    /// `template % args` for a str or bytes template (`bytes` selects the
    /// bytes conversions).
    pub fn percent_format(&mut self, template: Value, args: Value) -> PyResult<Value> {
        let bytes = self.kind_of(template) != Some(Kind::Str);
        let text: String = if bytes {
            self.bytes_data(template)
                .iter()
                .map(|&b| b as char)
                .collect()
        } else {
            self.str_text(template).into_owned()
        };
        let mark = self.temps_len();
        self.push_temp(args);
        let r = self.percent_inner(&text, mark, bytes);
        self.pop_temps(mark);
        let (out, n) = r?;
        if bytes {
            if self.kind_of(template) == Some(Kind::ByteArray) {
                return self.new_bytearray(&out);
            }
            return self.new_bytes(&out);
        }
        self.alloc_str_bytes(&out, n)
    }

    fn percent_inner(&mut self, text: &str, ai: usize, bytes: bool) -> PyResult<(Vec<u8>, usize)> {
        let args = self.temp(ai);
        let is_tuple = self.kind_of(args) == Some(Kind::Tuple);
        let is_mapping = !is_tuple
            && !self.is_str(args)
            && !self.is_buffer(args)
            && (self.kind_of(args) == Some(Kind::Dict)
                || (self.kind_of(args) == Some(Kind::Instance)
                    && self
                        .lookup_type_attr(self.class_of(args), "__getitem__")?
                        .is_some()));
        let mut st = PercentArgs {
            args: ai,
            len: if is_tuple {
                self.tuple_items(self.temp(ai)).len() as i64
            } else {
                -1
            },
            idx: if is_tuple { 0 } else { -2 },
            dict: is_mapping.then_some(ai),
        };
        let mut out: Vec<u8> = Vec::new();
        let mut n = 0;
        let cur = self.push_temp(Value::NONE);
        for item in parse_percent_format(text) {
            let d = match item {
                PercentItem::Literal(s) => {
                    if bytes {
                        out.extend(s.chars().map(|c| c as u32 as u8));
                    } else {
                        out.extend_from_slice(s.as_bytes());
                    }
                    n += s.chars().count();
                    continue;
                }
                PercentItem::Directive(d) => d,
            };
            let mut spec = d.spec;
            for step in d.steps {
                match step {
                    Step::RequireMapping => {
                        if st.dict.is_none() {
                            return Err(self.type_error("format requires a mapping"));
                        }
                    }
                    Step::LookupKey(k) => {
                        let key = if bytes {
                            let b: Vec<u8> = k.chars().map(|c| c as u32 as u8).collect();
                            self.new_bytes(&b)?
                        } else {
                            self.new_str(&k)?
                        };
                        let m = self.temp(st.dict.unwrap_or(ai));
                        let v = self.get_item(m, key)?;
                        self.roots().temps[cur] = v;
                        st.args = cur;
                        st.len = -1;
                        st.idx = -2;
                    }
                    Step::StarWidth => {
                        let v = st.next(self)?;
                        let w = star_arg(self, v)?;
                        if w < 0 {
                            spec.left = true;
                        }
                        spec.width = Some(w.unsigned_abs() as usize);
                    }
                    Step::StarPrecision => {
                        let v = st.next(self)?;
                        let p = star_arg(self, v)?;
                        spec.precision = Some(p.max(0) as usize);
                    }
                    Step::Fail(e) => return Err(self.raise_pyerror(e)),
                    Step::Convert(c, at) => {
                        let v = st.next(self)?;
                        let (b, k) = self.percent_convert(v, c, at, &spec, bytes)?;
                        out.extend_from_slice(&b);
                        n += k;
                    }
                }
            }
        }
        if st.idx < st.len && st.dict.is_none() {
            let what = if bytes { "bytes" } else { "string" };
            return Err(self.type_error(&format!(
                "not all arguments converted during {what} formatting"
            )));
        }
        Ok((out, n))
    }

    fn percent_convert(
        &mut self,
        v: Value,
        c: char,
        at: usize,
        spec: &PrintfSpec,
        bytes: bool,
    ) -> PyResult<(Vec<u8>, usize)> {
        let ok = is_conversion(c) || (bytes && c == 'b');
        if !ok {
            return Err(self.raise_pyerror(unsupported_conversion(c, at)));
        }
        let num = |vm: &mut Vm, r: crate::error::PyResult<String>| -> PyResult<(Vec<u8>, usize)> {
            let s = r.map_err(|e| vm.raise_pyerror(e))?;
            let k = s.chars().count();
            Ok((s.into_bytes(), k))
        };
        match c {
            's' | 'r' | 'a' | 'b' if bytes => {
                let t = self.type_name(v);
                let data = if c == 'r' || c == 'a' {
                    let s = self.ascii_value(v)?;
                    self.str_bytes(s).to_vec()
                } else if let Some(b) = self.buffer_copy(v)? {
                    b
                } else if let Some(r) = match self.kind_of(v) {
                    Some(Kind::Instance) => self.call_dunder0(v, "__bytes__")?,
                    _ => None,
                } && self.kind_of(r) == Some(Kind::Bytes)
                {
                    self.bytes_data(r).to_vec()
                } else {
                    return Err(self.type_error(&format!(
                        "%b requires a bytes-like object, or an object that implements __bytes__, not '{t}'"
                    )));
                };
                Ok(pad_bytes(&data, data.len(), spec))
            }
            's' | 'r' | 'a' => {
                let s = self.convert_value(
                    v,
                    if c == 's' {
                        1
                    } else if c == 'r' {
                        2
                    } else {
                        3
                    },
                )?;
                Ok(pad_text(self.str_bytes(s), self.str_chars(s), spec))
            }
            'c' => {
                if bytes {
                    let b = if let Some(i) = self.index_value(v).filter(|_| v.as_float().is_none())
                    {
                        if !(0..256).contains(&i) {
                            return Err(
                                self.raise_msg(TypeId::OverflowError, "%c arg not in range(256)")
                            );
                        }
                        i as u8
                    } else if matches!(self.kind_of(v), Some(Kind::Bytes | Kind::ByteArray))
                        && self.bytes_data(v).len() == 1
                    {
                        self.bytes_data(v)[0]
                    } else {
                        return Err(self
                            .type_error("%c requires an integer in range(256) or a single byte"));
                    };
                    return Ok(pad_bytes(&[b], 1, spec));
                }
                if self.is_str(v) {
                    if self.str_chars(v) != 1 {
                        return Err(self.type_error("%c requires int or char"));
                    }
                    return Ok(pad_text(self.str_bytes(v), 1, spec));
                }
                let v = self.number_like(v, "__index__")?;
                match self.number(v) {
                    Some(Number::Int(i)) => {
                        let r = format_int_printf(&i, 'c', spec, MaxStrDigits::default());
                        num(self, r)
                    }
                    _ => Err(self.type_error("%c requires int or char")),
                }
            }
            'd' | 'i' | 'u' | 'o' | 'x' | 'X' => {
                let dunder = if matches!(c, 'd' | 'i' | 'u') {
                    "__int__"
                } else {
                    "__index__"
                };
                let v = self.number_like(v, dunder)?;
                let int = match self.number(v) {
                    Some(Number::Int(i)) => i,
                    Some(Number::Float(f)) if matches!(c, 'd' | 'i' | 'u') => {
                        crate::int_ops::f64_to_int(f).map_err(|e| self.raise_pyerror(e))?
                    }
                    _ => {
                        let t = self.type_name(v);
                        let what = if matches!(c, 'd' | 'i' | 'u') {
                            "a real number"
                        } else {
                            "an integer"
                        };
                        return Err(
                            self.type_error(&format!("%{c} format: {what} is required, not {t}"))
                        );
                    }
                };
                let r = format_int_printf(&int, c, spec, MaxStrDigits::default());
                num(self, r)
            }
            _ => {
                let v = self.number_like(v, "__float__")?;
                let f = match self.number(v) {
                    Some(Number::Float(f)) => f,
                    Some(Number::Int(i)) => {
                        crate::int_ops::int_to_f64(&i).map_err(|e| self.raise_pyerror(e))?
                    }
                    None => {
                        let t = self.type_name(v);
                        return Err(self.type_error(&format!("must be real number, not {t}")));
                    }
                };
                num(self, format_float_printf(f, c, spec))
            }
        }
    }
}

impl Vm {
    /// `v` itself, or for an instance whose class defines `dunder`
    /// (`__int__`, `__index__`, `__float__`), what that returns.
    pub fn number_like(&mut self, v: Value, dunder: &str) -> PyResult<Value> {
        if self.kind_of(v) != Some(Kind::Instance) {
            return Ok(v);
        }
        let vi = self.push_temp(v);
        let r = self.call_dunder0(v, dunder);
        let v = self.temp(vi);
        self.pop_temps(vi);
        Ok(r?.unwrap_or(v))
    }
}

fn pad_bytes(data: &[u8], len: usize, spec: &PrintfSpec) -> (Vec<u8>, usize) {
    let data = match spec.precision {
        Some(p) if p < len => &data[..p],
        _ => data,
    };
    let width = spec.width.unwrap_or(0);
    if width <= data.len() {
        return (data.to_vec(), data.len());
    }
    let pad = vec![b' '; width - data.len()];
    let out = if spec.left {
        [data, &pad].concat()
    } else {
        [&pad[..], data].concat()
    };
    (out, width)
}
