//! `marshal`: CPython's serialization format (version 4 by default) for
//! the core value types: `dumps`/`loads`/`dump`/`load`.
//!
//! Writing walks the value without allocating on the heap (the output is a
//! Rust vector), so the values read during the walk stay valid; objects are
//! identified by their `Value` word for back-references. CPython decides
//! whether an object gets a back-reference slot (`FLAG_REF`) from its
//! reference count, which pyvm does not have: pyvm flags the top-level
//! object and every nested immutable one (strs, bytes, numbers, tuples),
//! and leaves nested lists, dicts, sets, frozensets and big ints
//! unflagged, which is what CPython writes for a value held in a variable
//! that was built from literals. Either way the data loads identically.
//! Code objects are not marshallable yet (`ValueError`).
//!
//! Reading roots everything it builds: the back-reference table is a
//! Python list kept on the temps, and containers are filled from the temps.
//! `load` reads from the file exactly the bytes it needs (`read(n)`), so
//! successive `load`s of one file see successive objects.

use std::collections::HashMap;

use num_bigint::{BigInt, Sign};
use pyvm_objmodel::Value;

use super::NativeModule;
use super::native_types::index_arg;
use crate::runtime::call::Args;
use crate::runtime::exception::PyResult;
use crate::runtime::heap::Vm;
use crate::runtime::layout::Kind;
use crate::runtime::types::TypeId;

/// The `marshal` module.
pub(crate) const MODULE: NativeModule = NativeModule {
    name: "marshal",
    functions: &[
        ("dumps", dumps),
        ("loads", loads),
        ("dump", dump),
        ("load", load),
    ],
    init: Some(|vm, m| {
        m.set(
            vm,
            "version",
            Value::from_int(VERSION).unwrap_or(Value::NONE),
        )
    }),
};

/// The current format version.
const VERSION: i64 = 4;
/// CPython's nesting limit, for writing and reading.
const MAX_DEPTH: usize = 2000;
/// The back-reference bit of a type code.
const FLAG_REF: u8 = 0x80;

/// Why writing stopped.
enum WriteError {
    Unmarshallable,
    TooDeep,
}

struct Writer {
    out: Vec<u8>,
    version: i64,
    refs: HashMap<u128, u32>,
    /// Interned-looking strs by text (CPython's are one object per text).
    names: HashMap<Vec<u8>, u128>,
    count: u32,
    depth: usize,
}

impl Writer {
    fn int32(&mut self, n: i32) {
        self.out.extend_from_slice(&n.to_le_bytes());
    }

    fn pstring(&mut self, b: &[u8]) {
        self.int32(b.len() as i32);
        self.out.extend_from_slice(b);
    }

    /// Writes the type byte (with the reference flag) of a new object, or
    /// a back-reference to an object already written; true if done.
    fn reference(&mut self, v: Value, flag: bool) -> bool {
        self.reference_key(v.to_bits() as u128, flag)
    }

    fn reference_key(&mut self, key: u128, flag: bool) -> bool {
        if self.version < 3 {
            return false;
        }
        // An object already registered (a container inside itself too).
        if let Some(&i) = self.refs.get(&key) {
            self.out.push(b'r');
            self.int32(i as i32);
            return true;
        }
        if flag {
            let n = self.count;
            self.count += 1;
            self.refs.insert(key, n);
        }
        false
    }

    fn object(&mut self, vm: &Vm, v: Value, nested: bool) -> Result<(), WriteError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(WriteError::TooDeep);
        }
        let r = self.object_inner(vm, v, nested);
        self.depth -= 1;
        r
    }

    fn object_inner(&mut self, vm: &Vm, v: Value, nested: bool) -> Result<(), WriteError> {
        if v.is_none() {
            self.out.push(b'N');
            return Ok(());
        }
        if let Some(b) = v.as_bool() {
            self.out.push(if b { b'T' } else { b'F' });
            return Ok(());
        }
        if v == Value::ELLIPSIS {
            self.out.push(b'.');
            return Ok(());
        }
        if v == vm.ty(TypeId::StopIteration) {
            self.out.push(b'S');
            return Ok(());
        }
        let kind = vm.kind_of(v);
        let exact = |t: TypeId| vm.class_of(v) == vm.ty(t);
        // Nested mutable containers are usually referenced once; CPython's
        // ints beyond 64 bits are fresh objects.
        let shared = !nested
            || !matches!(
                kind,
                Some(
                    Kind::List
                        | Kind::Dict
                        | Kind::Set
                        | Kind::FrozenSet
                        | Kind::BigInt
                        | Kind::ByteArray
                        | Kind::MemoryView
                )
            );
        let flag_byte = |w: &Writer, code: u8| {
            if w.version >= 3 && shared {
                code | FLAG_REF
            } else {
                code
            }
        };
        if let Some(i) = v.as_int() {
            if self.reference(v, shared) {
                return Ok(());
            }
            if i32::try_from(i).is_ok() {
                self.out.push(flag_byte(self, b'i'));
                self.int32(i as i32);
            } else {
                let code = flag_byte(self, b'l');
                self.long(code, &BigInt::from(i));
            }
            return Ok(());
        }
        if let Some(f) = v.as_float() {
            if self.reference(v, shared) {
                return Ok(());
            }
            if self.version > 1 {
                self.out.push(flag_byte(self, b'g'));
                self.out.extend_from_slice(&f.to_le_bytes());
            } else {
                self.out.push(flag_byte(self, b'f'));
                self.short_text(f);
            }
            return Ok(());
        }
        match kind {
            Some(Kind::BigInt) if exact(TypeId::Int) => {
                if self.reference(v, false) {
                    return Ok(());
                }
                let n = vm.bigint(v).clone();
                self.long(b'l', &n);
            }
            Some(Kind::Complex) if exact(TypeId::Complex) => {
                let (re, im) = vm.complex_parts(v).unwrap_or((0.0, 0.0));
                if self.reference(v, shared) {
                    return Ok(());
                }
                if self.version > 1 {
                    self.out.push(flag_byte(self, b'y'));
                    self.out.extend_from_slice(&re.to_le_bytes());
                    self.out.extend_from_slice(&im.to_le_bytes());
                } else {
                    self.out.push(flag_byte(self, b'x'));
                    self.short_text(re);
                    self.short_text(im);
                }
            }
            Some(Kind::Str) if exact(TypeId::Str) => {
                let b = vm.str_bytes(v);
                // CPython interns the identifier-like constants of code.
                let interned = b.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'_');
                let key = if interned {
                    let n = self.names.len() as u128;
                    *self.names.entry(b.to_vec()).or_insert(n) | 1 << 64
                } else {
                    v.to_bits() as u128
                };
                if self.reference_key(key, shared) {
                    return Ok(());
                }
                if self.version >= 4 && b.is_ascii() {
                    if b.len() < 256 {
                        let code = if interned { b'Z' } else { b'z' };
                        self.out.push(flag_byte(self, code));
                        self.out.push(b.len() as u8);
                        self.out.extend_from_slice(b);
                    } else {
                        let code = if interned { b'A' } else { b'a' };
                        self.out.push(flag_byte(self, code));
                        self.pstring(b);
                    }
                } else {
                    let code = if self.version >= 3 && interned {
                        b't'
                    } else {
                        b'u'
                    };
                    self.out.push(flag_byte(self, code));
                    self.pstring(b);
                }
            }
            Some(Kind::Bytes) if exact(TypeId::Bytes) => {
                if self.reference(v, shared) {
                    return Ok(());
                }
                self.out.push(flag_byte(self, b's'));
                self.pstring(vm.bytes_data(v));
            }
            Some(Kind::Tuple) if exact(TypeId::Tuple) => {
                if self.reference(v, shared) {
                    return Ok(());
                }
                let items = vm.tuple_items(v).to_vec();
                if self.version >= 4 && items.len() < 256 {
                    self.out.push(flag_byte(self, b')'));
                    self.out.push(items.len() as u8);
                } else {
                    self.out.push(flag_byte(self, b'('));
                    self.int32(items.len() as i32);
                }
                for x in items {
                    self.object(vm, x, true)?;
                }
            }
            Some(Kind::List) if exact(TypeId::List) => {
                if self.reference(v, shared) {
                    return Ok(());
                }
                let items = vm.list_vec(v).clone();
                self.out.push(flag_byte(self, b'['));
                self.int32(items.len() as i32);
                for x in items {
                    self.object(vm, x, true)?;
                }
            }
            Some(Kind::Dict) if exact(TypeId::Dict) => {
                if self.reference(v, shared) {
                    return Ok(());
                }
                let pairs: Vec<(Value, Value)> = vm.dict_mut(v).items(&vm.keys()).collect();
                self.out.push(flag_byte(self, b'{'));
                for (k, x) in pairs {
                    self.object(vm, k, true)?;
                    self.object(vm, x, true)?;
                }
                self.out.push(b'0');
            }
            Some(Kind::Set | Kind::FrozenSet) if exact(TypeId::Set) || exact(TypeId::FrozenSet) => {
                if self.reference(v, shared) {
                    return Ok(());
                }
                let items = vm.set_keys(v);
                let code = if kind == Some(Kind::Set) { b'<' } else { b'>' };
                self.out.push(flag_byte(self, code));
                self.int32(items.len() as i32);
                for x in items {
                    self.object(vm, x, true)?;
                }
            }
            Some(Kind::ByteArray | Kind::MemoryView) => {
                let data = if kind == Some(Kind::ByteArray) {
                    vm.bytes_data(v).to_vec()
                } else {
                    vm.view_bytes(v)
                };
                self.out.push(b's');
                self.pstring(&data);
            }
            _ => return Err(WriteError::Unmarshallable),
        }
        Ok(())
    }

    /// A float as the text of format version 0 and 1.
    fn short_text(&mut self, f: f64) {
        let s = crate::float_format::format_float(f, ".17g").unwrap_or_default();
        self.out.push(s.len() as u8);
        self.out.extend_from_slice(s.as_bytes());
    }

    /// An int in 15-bit digits, least significant first.
    fn long(&mut self, code: u8, n: &BigInt) {
        self.out.push(code);
        let (sign, mut mag) = (n.sign(), n.magnitude().clone());
        let mut digits = Vec::new();
        let mask = num_bigint::BigUint::from(0x7fffu32);
        while mag.bits() > 0 {
            let d = (&mag & &mask).iter_u32_digits().next().unwrap_or(0);
            digits.push(d as u16);
            mag >>= 15;
        }
        let len = digits.len() as i32;
        self.int32(if sign == Sign::Minus { -len } else { len });
        for d in digits {
            self.out.extend_from_slice(&d.to_le_bytes());
        }
    }
}

/// The bytes `dumps(v, version)` gives.
fn write_value(vm: &mut Vm, v: Value, version: i64) -> PyResult<Vec<u8>> {
    if vm.kind_of(v) == Some(Kind::MemoryView) {
        vm.view_check(v)?;
    }
    let mut w = Writer {
        out: Vec::new(),
        version,
        refs: HashMap::new(),
        names: HashMap::new(),
        count: 0,
        depth: 0,
    };
    match w.object(vm, v, false) {
        Ok(()) => Ok(w.out),
        Err(WriteError::Unmarshallable) => {
            Err(vm.raise_msg(TypeId::ValueError, "unmarshallable object"))
        }
        Err(WriteError::TooDeep) => {
            Err(vm.raise_msg(TypeId::ValueError, "object too deeply nested to marshal"))
        }
    }
}

/// Checks a positional-only signature as CPython's `_PyArg_CheckPositional`.
fn positional(vm: &mut Vm, a: &Args, name: &str, min: usize, max: usize) -> PyResult<usize> {
    if a.nkw(vm) > 0 {
        return Err(vm.type_error(&format!("marshal.{name}() takes no keyword arguments")));
    }
    let n = a.npos(vm);
    let plural = |k: usize| if k == 1 { "" } else { "s" };
    if min == max && n != min {
        return Err(vm.type_error(&format!(
            "marshal.{name}() takes exactly one argument ({n} given)"
        )));
    }
    if n < min {
        return Err(vm.type_error(&format!(
            "{name} expected at least {min} argument{}, got {n}",
            plural(min)
        )));
    }
    if n > max {
        return Err(vm.type_error(&format!(
            "{name} expected at most {max} argument{}, got {n}",
            plural(max)
        )));
    }
    Ok(n)
}

/// `dumps(value, version=4, /)`.
fn dumps(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = positional(vm, &a, "dumps", 1, 2)?;
    let version = if n > 1 {
        index_arg(vm, a.get(vm, 1))?
    } else {
        VERSION
    };
    let out = write_value(vm, a.get(vm, 0), version)?;
    vm.new_bytes(&out)
}

/// `dump(value, file, version=4, /)`: `file.write(dumps(value, version))`.
fn dump(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = positional(vm, &a, "dump", 2, 3)?;
    let version = if n > 2 {
        index_arg(vm, a.get(vm, 2))?
    } else {
        VERSION
    };
    let out = write_value(vm, a.get(vm, 0), version)?;
    let b = vm.new_bytes(&out)?;
    let file = a.get(vm, 1);
    super::io::call_method(vm, file, "write", &[b])?;
    Ok(Value::NONE)
}

/// `loads(bytes, /)`.
fn loads(vm: &mut Vm, a: Args) -> PyResult<Value> {
    positional(vm, &a, "loads", 1, 1)?;
    let data = match vm.buffer_copy(a.get(vm, 0))? {
        Some(b) => b,
        None => {
            let t = vm.type_name(a.get(vm, 0));
            return Err(vm.type_error(&format!("a bytes-like object is required, not '{t}'")));
        }
    };
    read_value(vm, data, None)
}

/// `load(file, /)`: reads one object, exactly its bytes, with `file.read`.
fn load(vm: &mut Vm, a: Args) -> PyResult<Value> {
    positional(vm, &a, "load", 1, 1)?;
    let file = a.get(vm, 0);
    // CPython checks first that `read` gives bytes.
    let zero = Value::from_int(0).unwrap_or(Value::NONE);
    let probe = super::io::call_method(vm, file, "read", &[zero])?;
    if vm.kind_of(probe) != Some(Kind::Bytes) {
        let t = vm.type_name(probe);
        return Err(vm.type_error(&format!("file.read() returned not bytes but {t}")));
    }
    read_value(vm, Vec::new(), Some(a.start))
}

fn read_value(vm: &mut Vm, data: Vec<u8>, file: Option<usize>) -> PyResult<Value> {
    let mark = vm.temps_len();
    let r = (|| {
        let refs = vm.new_list(&[])?;
        let refs = vm.push_temp(refs);
        let mut r = Reader {
            data,
            pos: 0,
            file,
            refs,
            depth: 0,
        };
        let v = r.object(vm)?;
        if v.is_empty() {
            return Err(vm.type_error("NULL object in marshal data for object"));
        }
        Ok(v)
    })();
    vm.pop_temps(mark);
    r
}

struct Reader {
    data: Vec<u8>,
    pos: usize,
    /// Temp index of the file `load` reads from.
    file: Option<usize>,
    /// Temp index of the back-reference list.
    refs: usize,
    depth: usize,
}

fn value_error(vm: &mut Vm, what: &str) -> crate::runtime::exception::Raised {
    vm.raise_msg(TypeId::ValueError, &format!("bad marshal data ({what})"))
}

impl Reader {
    /// Makes `n` more bytes available; false at the end of the data.
    fn fill(&mut self, vm: &mut Vm, n: usize) -> PyResult<bool> {
        let have = self.data.len() - self.pos;
        if have >= n {
            return Ok(true);
        }
        let Some(fi) = self.file else {
            return Ok(false);
        };
        let want = Value::from_int((n - have) as i64).unwrap_or(Value::NONE);
        let got = super::io::call_method(vm, vm.temp(fi), "read", &[want])?;
        match vm.buffer_copy(got)? {
            Some(b) => self.data.extend_from_slice(&b),
            None => {
                let t = vm.type_name(got);
                return Err(vm.type_error(&format!("file.read() returned not bytes but {t}")));
            }
        }
        Ok(self.data.len() - self.pos >= n)
    }

    fn bytes(&mut self, vm: &mut Vm, n: usize) -> PyResult<Vec<u8>> {
        if !self.fill(vm, n)? {
            return Err(vm.raise_msg(TypeId::EOFError, "marshal data too short"));
        }
        let b = self.data[self.pos..self.pos + n].to_vec();
        self.pos += n;
        Ok(b)
    }

    fn byte(&mut self, vm: &mut Vm) -> PyResult<u8> {
        Ok(self.bytes(vm, 1)?[0])
    }

    fn int32(&mut self, vm: &mut Vm) -> PyResult<i32> {
        let b = self.bytes(vm, 4)?;
        Ok(i32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn size(&mut self, vm: &mut Vm, what: &str) -> PyResult<usize> {
        let n = self.int32(vm)?;
        if n < 0 {
            return Err(value_error(vm, &format!("{what} size out of range")));
        }
        Ok(n as usize)
    }

    fn float64(&mut self, vm: &mut Vm) -> PyResult<f64> {
        let b = self.bytes(vm, 8)?;
        Ok(f64::from_le_bytes(b.try_into().unwrap_or([0; 8])))
    }

    fn float_text(&mut self, vm: &mut Vm) -> PyResult<f64> {
        let n = self.byte(vm)? as usize;
        let b = self.bytes(vm, n)?;
        let s = String::from_utf8_lossy(&b).into_owned();
        crate::float_parse::parse_float(&s).map_err(|e| vm.raise_pyerror(e))
    }

    fn register(&mut self, vm: &mut Vm, v: Value) {
        list_push(vm, vm.temp(self.refs), v);
    }

    /// Fills the back-reference slot reserved at `slot`.
    fn publish(&mut self, vm: &mut Vm, slot: usize, v: Value) {
        let refs = vm.temp(self.refs);
        vm.list_vec(refs)[slot] = v;
        // SAFETY: the list is live (rooted in the temps).
        unsafe { vm.barrier(refs) };
    }

    /// Reads one object; `Value::EMPTY` for the NULL code. The result is
    /// not rooted.
    fn object(&mut self, vm: &mut Vm) -> PyResult<Value> {
        if !self.fill(vm, 1)? {
            return Err(vm.raise_msg(TypeId::EOFError, "EOF read where object expected"));
        }
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            self.depth -= 1;
            return Err(vm.raise_msg(TypeId::ValueError, "recursion limit exceeded"));
        }
        let mark = vm.temps_len();
        let r = self.object_inner(vm);
        vm.pop_temps(mark);
        self.depth -= 1;
        r
    }

    fn object_inner(&mut self, vm: &mut Vm) -> PyResult<Value> {
        let code = self.byte(vm)?;
        let flag = code & FLAG_REF != 0;
        let atom = |r: &mut Reader, vm: &mut Vm, v: Value| {
            if flag {
                r.register(vm, v);
            }
            Ok(v)
        };
        match code & !FLAG_REF {
            b'0' => Ok(Value::EMPTY),
            b'N' => Ok(Value::NONE),
            b'F' => Ok(Value::FALSE),
            b'T' => Ok(Value::TRUE),
            b'.' => Ok(Value::ELLIPSIS),
            b'S' => Ok(vm.ty(TypeId::StopIteration)),
            b'i' => {
                let n = self.int32(vm)?;
                atom(self, vm, Value::from_int(n as i64).unwrap_or(Value::NONE))
            }
            b'l' => {
                let n = self.int32(vm)?;
                if n == i32::MIN {
                    return Err(value_error(vm, "long size out of range"));
                }
                let len = n.unsigned_abs() as usize;
                let raw = self.bytes(vm, 2 * len)?;
                let mut mag = num_bigint::BigUint::from(0u32);
                for i in (0..len).rev() {
                    let d = u16::from_le_bytes([raw[2 * i], raw[2 * i + 1]]);
                    if d > 0x7fff {
                        return Err(value_error(vm, "digit out of range in long"));
                    }
                    if i == len - 1 && d == 0 {
                        return Err(value_error(vm, "unnormalized long data"));
                    }
                    mag = (mag << 15u32) + d as u32;
                }
                let sign = if n < 0 { Sign::Minus } else { Sign::Plus };
                let v = vm.new_int(BigInt::from_biguint(sign, mag))?;
                atom(self, vm, v)
            }
            b'g' => {
                let f = self.float64(vm)?;
                atom(self, vm, Value::from_float(f))
            }
            b'f' => {
                let f = self.float_text(vm)?;
                atom(self, vm, Value::from_float(f))
            }
            b'y' | b'x' => {
                let (re, im) = if code & !FLAG_REF == b'y' {
                    (self.float64(vm)?, self.float64(vm)?)
                } else {
                    (self.float_text(vm)?, self.float_text(vm)?)
                };
                let v = vm.new_complex(re, im)?;
                atom(self, vm, v)
            }
            b's' => {
                let n = self.size(vm, "bytes object")?;
                let b = self.bytes(vm, n)?;
                let v = vm.new_bytes(&b)?;
                atom(self, vm, v)
            }
            c @ (b'u' | b't' | b'a' | b'A' | b'z' | b'Z') => {
                let n = if matches!(c, b'z' | b'Z') {
                    self.byte(vm)? as usize
                } else {
                    self.size(vm, "string")?
                };
                let b = self.bytes(vm, n)?;
                let mut v = if matches!(c, b'u' | b't') {
                    decode_utf8(vm, &b)?
                } else {
                    let s = String::from_utf8_lossy(&b).into_owned();
                    vm.new_str(&s)?
                };
                if matches!(c, b't' | b'A' | b'Z') {
                    v = vm.intern(v)?;
                }
                atom(self, vm, v)
            }
            c @ (b'(' | b')') => {
                let n = if c == b')' {
                    self.byte(vm)? as usize
                } else {
                    self.size(vm, "tuple")?
                };
                let slot = vm.list_vec(vm.temp(self.refs)).len();
                if flag {
                    self.register(vm, Value::NONE);
                }
                let first = vm.temps_len();
                for _ in 0..n {
                    let x = self.object(vm)?;
                    if x.is_empty() {
                        return Err(vm.type_error("NULL object in marshal data for tuple"));
                    }
                    vm.push_temp(x);
                }
                let items: Vec<Value> = (first..first + n).map(|i| vm.temp(i)).collect();
                let t = vm.new_tuple(&items)?;
                if flag {
                    self.publish(vm, slot, t);
                }
                Ok(t)
            }
            b'[' => {
                let n = self.size(vm, "list")?;
                let l = vm.new_list(&[])?;
                let li = vm.push_temp(l);
                if flag {
                    self.register(vm, l);
                }
                for _ in 0..n {
                    let x = self.object(vm)?;
                    if x.is_empty() {
                        return Err(vm.type_error("NULL object in marshal data for list"));
                    }
                    list_push(vm, vm.temp(li), x);
                }
                Ok(vm.temp(li))
            }
            b'{' => {
                let d = vm.new_dict()?;
                let di = vm.push_temp(d);
                if flag {
                    self.register(vm, d);
                }
                loop {
                    let k = self.object(vm)?;
                    if k.is_empty() {
                        break;
                    }
                    let ki = vm.push_temp(k);
                    let x = self.object(vm)?;
                    if x.is_empty() {
                        break;
                    }
                    vm.dict_set(vm.temp(di), vm.temp(ki), x)?;
                    vm.pop_temps(ki);
                }
                Ok(vm.temp(di))
            }
            c @ (b'<' | b'>') => {
                let n = self.size(vm, "set")?;
                let frozen = c == b'>';
                let s = vm.new_set_like(frozen)?;
                let si = vm.push_temp(s);
                let slot = vm.list_vec(vm.temp(self.refs)).len();
                if flag {
                    // A frozenset is published once complete, as CPython does.
                    self.register(vm, if frozen { Value::NONE } else { s });
                }
                for _ in 0..n {
                    let x = self.object(vm)?;
                    if x.is_empty() {
                        return Err(vm.type_error("NULL object in marshal data for set"));
                    }
                    vm.set_add_value(vm.temp(si), x)?;
                }
                if flag && frozen {
                    self.publish(vm, slot, vm.temp(si));
                }
                Ok(vm.temp(si))
            }
            b'r' => {
                let n = self.int32(vm)?;
                let refs = vm.list_vec(vm.temp(self.refs));
                match usize::try_from(n).ok().and_then(|i| refs.get(i).copied()) {
                    Some(v) if !v.is_none() => Ok(v),
                    _ => Err(value_error(vm, "invalid reference")),
                }
            }
            b'c' => Err(vm.raise_msg(
                TypeId::NotImplementedError,
                "marshal.loads() of code objects is not supported yet by pyvm",
            )),
            _ => Err(value_error(vm, "unknown type code")),
        }
    }
}

/// Appends `x` to the list `l` (with the collector's write barrier).
fn list_push(vm: &mut Vm, l: Value, x: Value) {
    vm.list_vec(l).push(x);
    // SAFETY: `l` is live (the caller holds it in the temps).
    unsafe { vm.barrier(l) };
}

/// A str from UTF-8 bytes that may encode lone surrogates (`surrogatepass`).
fn decode_utf8(vm: &mut Vm, b: &[u8]) -> PyResult<Value> {
    if let Ok(s) = std::str::from_utf8(b) {
        return vm.new_str(s);
    }
    let obj = vm.new_bytes(b)?;
    let oi = vm.push_temp(obj);
    let r = vm.decode_to_str(b, vm.temp(oi), "utf-8", "surrogatepass");
    vm.pop_temps(oi);
    r
}
