//! Methods of the `_io` types (all on `_IOBase`, dispatching on the
//! object's [`IoState`]); the constructors are in `constructors.rs`.

use pyvm_objmodel::Value;

use super::file::ReadError;
use super::text::{TextReadError, errors_lookup, lookup_encoding};
use super::{IoState, io_box, set_io_attr, write_vm_out};
use crate::runtime::builtins::{NativeTable, Place};
use crate::runtime::call::Args;
use crate::runtime::exception::{PyResult, Raised};
use crate::runtime::heap::Vm;
use crate::runtime::layout::Kind;
use crate::runtime::types::TypeId;

/// The `_io` natives installed as methods, constructors and `open`.
pub(crate) const IO_METHODS: NativeTable = &[
    ("open", Place::Builtins, super::open::open),
    ("read", Place::Method(TypeId::IOBase), read),
    ("read1", Place::Method(TypeId::IOBase), read),
    (
        "readinto",
        Place::Method(TypeId::IOBase),
        super::binary::readinto,
    ),
    (
        "readinto1",
        Place::Method(TypeId::IOBase),
        super::binary::readinto,
    ),
    ("peek", Place::Method(TypeId::IOBase), super::binary::peek),
    (
        "__repr__",
        Place::Method(TypeId::IOBase),
        super::binary::io_repr,
    ),
    (
        "getbuffer",
        Place::Method(TypeId::IOBase),
        super::binary::getbuffer,
    ),
    (
        "readall",
        Place::Method(TypeId::IOBase),
        super::binary::readall,
    ),
    ("readline", Place::Method(TypeId::IOBase), readline),
    ("readlines", Place::Method(TypeId::IOBase), readlines),
    ("write", Place::Method(TypeId::IOBase), write),
    ("writelines", Place::Method(TypeId::IOBase), writelines),
    ("seek", Place::Method(TypeId::IOBase), seek),
    ("tell", Place::Method(TypeId::IOBase), tell),
    ("truncate", Place::Method(TypeId::IOBase), truncate),
    ("flush", Place::Method(TypeId::IOBase), flush),
    ("close", Place::Method(TypeId::IOBase), close),
    (
        "detach",
        Place::Method(TypeId::IOBase),
        super::detach::detach,
    ),
    ("fileno", Place::Method(TypeId::IOBase), fileno),
    ("isatty", Place::Method(TypeId::IOBase), isatty),
    ("readable", Place::Method(TypeId::IOBase), readable),
    ("writable", Place::Method(TypeId::IOBase), writable),
    ("seekable", Place::Method(TypeId::IOBase), seekable),
    ("__enter__", Place::Method(TypeId::IOBase), enter),
    ("__exit__", Place::Method(TypeId::IOBase), exit),
    ("__iter__", Place::Method(TypeId::IOBase), enter),
    ("__next__", Place::Method(TypeId::IOBase), next),
    ("getvalue", Place::Method(TypeId::IOBase), getvalue),
    (
        "reconfigure",
        Place::Method(TypeId::TextIOWrapper),
        reconfigure,
    ),
    (
        "StringIO",
        Place::Constructor(TypeId::StringIO),
        super::constructors::stringio_new,
    ),
    (
        "BytesIO",
        Place::Constructor(TypeId::BytesIO),
        super::constructors::bytesio_new,
    ),
    (
        "FileIO",
        Place::Constructor(TypeId::FileIO),
        super::constructors::fileio_new,
    ),
    (
        "TextIOWrapper",
        Place::Constructor(TypeId::TextIOWrapper),
        super::constructors::textiowrapper_new,
    ),
    (
        "BufferedReader",
        Place::Constructor(TypeId::BufferedReader),
        super::constructors::buffered_reader_new,
    ),
    (
        "BufferedWriter",
        Place::Constructor(TypeId::BufferedWriter),
        super::constructors::buffered_writer_new,
    ),
    (
        "BufferedRandom",
        Place::Constructor(TypeId::BufferedRandom),
        super::constructors::buffered_random_new,
    ),
];

// ---- bytes --------------------------------------------------------------

fn new_bytes(vm: &mut Vm, data: &[u8]) -> PyResult<Value> {
    vm.new_bytes(data)
}

/// The bytes of a bytes-like `v` (bytes, bytearray, memoryview), or a
/// TypeError naming its type.
pub(super) fn bytes_data(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    match vm.buffer_copy(v)? {
        Some(b) => Ok(b),
        None => {
            let t = vm.type_name(v);
            Err(vm.type_error(&format!("a bytes-like object is required, not '{t}'")))
        }
    }
}

// ---- helpers ----------------------------------------------------------------

/// The `_io` object `a` is called on (`Ok`), or the result of the method
/// of `_pyio` that applies to a Python stream (`Err`).
pub(super) fn recv_or_forward(vm: &mut Vm, a: &Args, meth: &str) -> PyResult<Result<Value, Value>> {
    if a.n > 0 && vm.kind_of(a.get(vm, 0)) == Some(Kind::Instance) {
        let cls = vm.class_of(a.get(vm, 0));
        if let Some(f) = super::pyio_fallback::pyio_method(vm, cls, meth)? {
            let fi = vm.push_temp(f);
            let r = vm.call_args(fi, *a);
            vm.pop_temps(fi);
            return r.map(Err);
        }
    }
    recv(vm, a, meth).map(Ok)
}

pub(super) fn recv(vm: &mut Vm, a: &Args, meth: &str) -> PyResult<Value> {
    if a.n == 0 || vm.kind_of(a.get(vm, 0)) != Some(Kind::Io) {
        let got = if a.n == 0 {
            "nothing".to_string()
        } else {
            format!("a '{}' object", vm.type_name(a.get(vm, 0)))
        };
        return Err(vm.type_error(&format!(
            "descriptor '{meth}' for '_io._IOBase' objects doesn't apply to {got}"
        )));
    }
    Ok(a.get(vm, 0))
}

fn is_closed(vm: &Vm, v: Value) -> bool {
    match io_box(vm, v).map(|b| &b.state) {
        Some(IoState::File(f)) => f.borrow().is_closed(),
        Some(IoState::Text(t)) => t.file.borrow().is_closed(),
        Some(IoState::Str(_) | IoState::Bytes(..)) => false,
        _ => true,
    }
}

/// ValueError for an operation on a closed file.
pub fn check_open(vm: &mut Vm, v: Value) -> PyResult<()> {
    if is_closed(vm, v) {
        super::detach::check_attached(vm, v)?;
        // CPython's C-level checks (StringIO, FileIO) say it without a period.
        let memory = matches!(io_box(vm, v).map(|b| &b.state), Some(IoState::Closed));
        let msg = if memory {
            "I/O operation on closed file"
        } else {
            "I/O operation on closed file."
        };
        return Err(vm.raise_msg(TypeId::ValueError, msg));
    }
    Ok(())
}

pub(super) fn check_open_raw(vm: &mut Vm, v: Value) -> PyResult<()> {
    if is_closed(vm, v) {
        super::detach::check_attached(vm, v)?;
        return Err(vm.raise_msg(TypeId::ValueError, "I/O operation on closed file"));
    }
    Ok(())
}

pub(super) fn unsupported(vm: &mut Vm, msg: &str) -> Raised {
    vm.raise_msg(TypeId::UnsupportedOperation, msg)
}

/// Optional size argument: None or negative means "all".
pub(super) fn size_arg(vm: &mut Vm, a: &Args, i: usize, name: &str) -> PyResult<Option<usize>> {
    let v = if i < a.npos(vm) {
        Some(a.get(vm, i))
    } else {
        a.kwarg(vm, name)
    };
    match v {
        None => Ok(None),
        Some(v) if v.is_none() => Ok(None),
        Some(v) => match v.as_int().or_else(|| v.as_bool().map(i64::from)) {
            Some(n) if n < 0 => Ok(None),
            Some(n) => Ok(Some(n as usize)),
            None => {
                let t = vm.type_name(v);
                Err(vm.type_error(&format!("argument should be integer or None, not '{t}'")))
            }
        },
    }
}

pub(super) fn read_error(vm: &mut Vm, e: ReadError) -> Raised {
    match e {
        ReadError::Os(e) => vm.raise_io_error(&e, None),
        ReadError::Interrupted => match vm.handle_interrupt() {
            Err(r) => r,
            Ok(()) => vm.raise_msg(TypeId::InterruptedError, "read interrupted"),
        },
    }
}

fn text_error(vm: &mut Vm, e: TextReadError) -> Raised {
    match e {
        TextReadError::Read(e) => read_error(vm, e),
        TextReadError::Codec(fail, data) => match vm.new_bytes(&data) {
            Ok(b) => vm.raise_codec(fail, b),
            Err(r) => r,
        },
    }
}

/// What a read produced, before allocating it.
enum Got {
    Text(String),
    Cps(Vec<u32>),
    Bytes(Vec<u8>),
}

fn make(vm: &mut Vm, g: Got) -> PyResult<Value> {
    match g {
        Got::Text(s) => vm.new_str(&s),
        Got::Cps(cps) => {
            let mut out = Vec::with_capacity(cps.len());
            for &c in &cps {
                crate::runtime::text_codec::push_code_point(&mut out, c);
            }
            vm.alloc_str_bytes(&out, cps.len())
        }
        Got::Bytes(b) => new_bytes(vm, &b),
    }
}

/// Whether `v` is a `Buffered*` object (their errors name the method).
pub(super) fn is_buffered(vm: &Vm, v: Value) -> bool {
    let c = vm.class_of(v);
    [
        TypeId::BufferedReader,
        TypeId::BufferedWriter,
        TypeId::BufferedRandom,
    ]
    .iter()
    .any(|&t| vm.ty(t) == c)
}

pub(super) fn check_readable(vm: &mut Vm, v: Value) -> PyResult<()> {
    check_open(vm, v)?;
    let ok = match io_box(vm, v).map(|b| &b.state) {
        Some(IoState::File(f)) => f.borrow().readable,
        Some(IoState::Text(t)) => t.file.borrow().readable,
        _ => true,
    };
    if !ok {
        let msg = if vm.class_of(v) == vm.ty(TypeId::FileIO) {
            "File not open for reading"
        } else if is_buffered(vm, v) {
            "read"
        } else {
            "not readable"
        };
        return Err(unsupported(vm, msg));
    }
    Ok(())
}

fn check_writable(vm: &mut Vm, v: Value) -> PyResult<()> {
    check_open(vm, v)?;
    let ok = match io_box(vm, v).map(|b| &b.state) {
        Some(IoState::File(f)) => f.borrow().writable,
        Some(IoState::Text(t)) => t.file.borrow().writable,
        _ => true,
    };
    if !ok {
        let msg = if vm.class_of(v) == vm.ty(TypeId::FileIO) {
            "File not open for writing"
        } else if is_buffered(vm, v) {
            "write"
        } else {
            "not writable"
        };
        return Err(unsupported(vm, msg));
    }
    Ok(())
}

// ---- reading ------------------------------------------------------------

pub(super) fn read(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let f = io_recv!(vm, a, "read");
    let n = size_arg(vm, &a, 1, "size")?;
    check_readable(vm, f)?;
    if n.is_none() {
        super::wait::fill_to_eof(vm, a.get(vm, 0))?;
    } else {
        super::wait::wait_readable(vm, a.get(vm, 0))?;
    }
    let f = a.get(vm, 0);
    let got = match io_box(vm, f).map(|b| &mut b.state) {
        Some(IoState::Text(t)) => t.read(n).map(Got::Cps).map_err(Err),
        Some(IoState::File(file)) => file.borrow_mut().read(n).map(Got::Bytes).map_err(Ok),
        Some(IoState::Str(s)) => Ok(Got::Text(s.read(n))),
        Some(IoState::Bytes(b, pos)) => {
            let start = (*pos).min(b.len());
            let end = n.map(|n| (start + n).min(b.len())).unwrap_or(b.len());
            *pos = end;
            Ok(Got::Bytes(b[start..end].to_vec()))
        }
        _ => Ok(Got::Text(String::new())),
    };
    match got {
        Ok(g) => make(vm, g),
        Err(Err(e)) => Err(text_error(vm, e)),
        Err(Ok(e)) => Err(read_error(vm, e)),
    }
}

/// One line from `f` as a str (text) or bytes (binary); empty at EOF.
pub fn readline_value(vm: &mut Vm, f: Value, limit: Option<usize>) -> PyResult<Value> {
    check_readable(vm, f)?;
    let fi = vm.push_temp(f);
    let waited = super::wait::wait_readable(vm, f);
    let f = vm.temp(fi);
    vm.pop_temps(fi);
    waited?;
    let got = match io_box(vm, f).map(|b| &mut b.state) {
        Some(IoState::Text(t)) => t.readline(limit).map(Got::Cps).map_err(Err),
        Some(IoState::File(file)) => file
            .borrow_mut()
            .readline(limit)
            .map(Got::Bytes)
            .map_err(Ok),
        Some(IoState::Str(s)) => Ok(Got::Text(s.readline(limit))),
        Some(IoState::Bytes(b, pos)) => {
            let start = (*pos).min(b.len());
            let mut end = b[start..]
                .iter()
                .position(|&c| c == b'\n')
                .map(|i| start + i + 1)
                .unwrap_or(b.len());
            if let Some(l) = limit {
                end = end.min(start + l);
            }
            *pos = end;
            Ok(Got::Bytes(b[start..end].to_vec()))
        }
        _ => Ok(Got::Text(String::new())),
    };
    match got {
        Ok(g) => make(vm, g),
        Err(Err(e)) => Err(text_error(vm, e)),
        Err(Ok(e)) => Err(read_error(vm, e)),
    }
}

fn readline(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let f = io_recv!(vm, a, "readline");
    let n = size_arg(vm, &a, 1, "size")?;
    let _ = f;
    readline_value(vm, a.get(vm, 0), n)
}

fn readlines(vm: &mut Vm, a: Args) -> PyResult<Value> {
    io_recv!(vm, a, "readlines");
    let hint = size_arg(vm, &a, 1, "hint")?.filter(|&h| h > 0);
    let list = vm.new_list(&[])?;
    let li = vm.push_temp(list);
    let r = (|| {
        let mut total = 0;
        loop {
            let line = readline_value(vm, a.get(vm, 0), None)?;
            let n = vm.len_of(line)?;
            if n == 0 {
                break;
            }
            total += n;
            let l = vm.temp(li);
            vm.list_vec(l).push(line);
            // SAFETY: `l` is live (read from a root, no allocation since).
            unsafe { vm.barrier(l) };
            if hint.is_some_and(|h| total >= h) {
                break;
            }
        }
        Ok(vm.temp(li))
    })();
    vm.pop_temps(li);
    r
}

fn next(vm: &mut Vm, a: Args) -> PyResult<Value> {
    io_recv!(vm, a, "__next__");
    match super::io_next(vm, a.get(vm, 0))? {
        Some(v) => Ok(v),
        None => Err(vm.raise_args(TypeId::StopIteration, &[])),
    }
}

// ---- writing --------------------------------------------------------------

/// Writes the str or bytes `data` to the `_io` object `f`; returns the
/// count CPython's `write` returns.
pub fn write_value(vm: &mut Vm, f: Value, data: Value) -> PyResult<Value> {
    check_writable(vm, f)?;
    let is_text = matches!(
        io_box(vm, f).map(|b| &b.state),
        Some(IoState::Text(_) | IoState::Str(_))
    );
    if is_text {
        if !vm.is_str(data) {
            let t = vm.type_name(data);
            let what = if matches!(io_box(vm, f).map(|b| &b.state), Some(IoState::Str(_))) {
                format!("string argument expected, got '{t}'")
            } else {
                format!("write() argument must be str, not {t}")
            };
            return Err(vm.type_error(&what));
        }
        let n = vm.str_chars(data);
        let text = vm.str_text(data).into_owned();
        let cps = crate::runtime::text_codec::code_points(vm.str_bytes(data));
        enum Written {
            Done,
            Print(Vec<u8>, bool),
            Err(crate::runtime::text_codec::CodecFail),
            Io(std::io::Error),
        }
        let out = match io_box(vm, f).map(|b| &mut b.state) {
            Some(IoState::Str(s)) => {
                s.write(&text);
                Written::Done
            }
            Some(IoState::Text(t)) => {
                if !t.pending.is_empty() || !t.undecoded.is_empty() {
                    let back = t.read_ahead_bytes() as i64;
                    t.reset_read();
                    let _ = t.file.borrow_mut().seek(-back, libc::SEEK_CUR);
                }
                match t.encode_for_write(&cps) {
                    Err(e) => Written::Err(e),
                    Ok(bytes) => {
                        let flush = t.line_buffering && text.contains(['\n', '\r']);
                        let mut file = t.file.borrow_mut();
                        if file.to_vm_out {
                            Written::Print(bytes, flush)
                        } else {
                            match file.write(&bytes).and_then(|_| {
                                if flush || !file.buffered {
                                    file.flush()
                                } else {
                                    Ok(())
                                }
                            }) {
                                Ok(_) => Written::Done,
                                Err(e) => Written::Io(e),
                            }
                        }
                    }
                }
            }
            _ => Written::Done,
        };
        return match out {
            Written::Done => Ok(Value::from_int(n as i64).unwrap_or(Value::NONE)),
            Written::Print(bytes, flush) => {
                write_vm_out(vm, &bytes);
                if flush {
                    vm.flush_out();
                }
                Ok(Value::from_int(n as i64).unwrap_or(Value::NONE))
            }
            Written::Err(e) => Err(vm.raise_codec(e, data)),
            Written::Io(e) => Err(vm.raise_io_error(&e, None)),
        };
    }
    let bytes = bytes_data(vm, data)?;
    let to_out = matches!(io_box(vm, f).map(|b| &b.state),
        Some(IoState::File(file)) if file.borrow().to_vm_out);
    if to_out {
        // `sys.stdout.buffer`: the same buffer `print` fills, so the two
        // interleave in program order.
        write_vm_out(vm, &bytes);
        return Ok(Value::from_int(bytes.len() as i64).unwrap_or(Value::NONE));
    }
    let r = match io_box(vm, f).map(|b| &mut b.state) {
        Some(IoState::File(file)) => file.borrow_mut().write(&bytes).map(|_| ()),
        Some(IoState::Bytes(b, pos)) => {
            let start = *pos;
            if b.len() < start {
                b.resize(start, 0);
            }
            let end = start + bytes.len();
            if b.len() < end {
                b.resize(end, 0);
            }
            b[start..end].copy_from_slice(&bytes);
            *pos = end;
            Ok(())
        }
        _ => Ok(()),
    };
    match r {
        Ok(()) => Ok(Value::from_int(bytes.len() as i64).unwrap_or(Value::NONE)),
        Err(e) => Err(vm.raise_io_error(&e, None)),
    }
}

fn write(vm: &mut Vm, a: Args) -> PyResult<Value> {
    io_recv!(vm, a, "write");
    if a.npos(vm) != 2 {
        let n = a.npos(vm) - 1;
        return Err(vm.type_error(&format!("write() takes exactly one argument ({n} given)")));
    }
    vm.check_resizable(a.get(vm, 0))?;
    write_value(vm, a.get(vm, 0), a.get(vm, 1))
}

fn writelines(vm: &mut Vm, a: Args) -> PyResult<Value> {
    io_recv!(vm, a, "writelines");
    crate::runtime::builtins::arity(vm, &a, "writelines", 2, 2)?;
    check_open(vm, a.get(vm, 0))?;
    let items = vm.collect_iterable(a.get(vm, 1))?;
    let mark = vm.temps_len();
    vm.roots().temps.extend_from_slice(&items);
    let r = (|| {
        for i in 0..items.len() {
            write_value(vm, a.get(vm, 0), vm.temp(mark + i))?;
        }
        Ok(Value::NONE)
    })();
    vm.pop_temps(mark);
    r
}

// ---- positioning ----------------------------------------------------------

fn int_arg(vm: &mut Vm, a: &Args, i: usize, default: i64) -> PyResult<i64> {
    if i >= a.npos(vm) {
        return Ok(default);
    }
    let v = a.get(vm, i);
    match v.as_int().or_else(|| v.as_bool().map(i64::from)) {
        Some(n) => Ok(n),
        None => {
            let t = vm.type_name(v);
            Err(vm.type_error(&format!("'{t}' object cannot be interpreted as an integer")))
        }
    }
}

fn seek(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let f = io_recv!(vm, a, "seek");
    let off = int_arg(vm, &a, 1, 0)?;
    let whence = int_arg(vm, &a, 2, 0)?;
    check_open(vm, f)?;
    if !(0..=2).contains(&whence) {
        return Err(vm.raise_msg(
            TypeId::ValueError,
            &format!("invalid whence ({whence}, should be 0, 1 or 2)"),
        ));
    }
    let f = a.get(vm, 0);
    enum R {
        Pos(i64),
        Io(std::io::Error),
        Msg(TypeId, String),
    }
    let r = match io_box(vm, f).map(|b| &mut b.state) {
        Some(IoState::Text(t)) => {
            if whence != 0 && off != 0 {
                R::Msg(
                    TypeId::UnsupportedOperation,
                    format!(
                        "can't do nonzero {}-relative seeks",
                        if whence == 1 { "cur" } else { "end" }
                    ),
                )
            } else if whence == 0 && off < 0 {
                R::Msg(TypeId::ValueError, format!("negative seek position {off}"))
            } else {
                let back = if whence == 1 {
                    t.read_ahead_bytes() as i64
                } else {
                    0
                };
                t.reset_read();
                match t.file.borrow_mut().seek(off - back, whence as i32) {
                    Ok(p) => R::Pos(p),
                    Err(e) => R::Io(e),
                }
            }
        }
        Some(IoState::File(file)) => match file.borrow_mut().seek(off, whence as i32) {
            Ok(p) => R::Pos(p),
            Err(e) => R::Io(e),
        },
        Some(IoState::Str(s)) => {
            if whence == 0 && off < 0 {
                R::Msg(TypeId::ValueError, format!("Negative seek position {off}"))
            } else if whence != 0 && off != 0 {
                R::Msg(
                    TypeId::OSError,
                    format!(
                        "Can't do nonzero {}-relative seeks",
                        if whence == 1 { "cur" } else { "end" }
                    ),
                )
            } else {
                s.pos = match whence {
                    0 => off as usize,
                    1 => s.pos,
                    _ => s.text.chars().count(),
                };
                R::Pos(s.pos as i64)
            }
        }
        Some(IoState::Bytes(b, pos)) => {
            let base = match whence {
                0 => 0,
                1 => *pos as i64,
                _ => b.len() as i64,
            };
            if whence == 0 && off < 0 {
                R::Msg(TypeId::ValueError, format!("negative seek value {off}"))
            } else {
                *pos = (base + off).max(0) as usize;
                R::Pos(*pos as i64)
            }
        }
        _ => R::Pos(0),
    };
    match r {
        R::Pos(p) => vm.new_i64(p),
        R::Io(e) => Err(vm.raise_io_error(&e, None)),
        R::Msg(t, m) => Err(vm.raise_msg(t, &m)),
    }
}

fn tell(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let f = io_recv!(vm, a, "tell");
    check_open(vm, f)?;
    let r = match io_box(vm, f).map(|b| &mut b.state) {
        Some(IoState::Text(t)) => {
            let back = t.read_ahead_bytes() as i64;
            t.file.borrow_mut().tell().map(|p| p - back)
        }
        Some(IoState::File(file)) => file.borrow_mut().tell(),
        Some(IoState::Str(s)) => Ok(s.pos as i64),
        Some(IoState::Bytes(_, pos)) => Ok(*pos as i64),
        _ => Ok(0),
    };
    match r {
        Ok(p) => vm.new_i64(p),
        Err(e) => Err(vm.raise_io_error(&e, None)),
    }
}

fn truncate(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let f = io_recv!(vm, a, "truncate");
    check_writable(vm, f)?;
    let size = if a.npos(vm) > 1 && !a.get(vm, 1).is_none() {
        Some(int_arg(vm, &a, 1, 0)?)
    } else {
        None
    };
    let f = a.get(vm, 0);
    let r = match io_box(vm, f).map(|b| &mut b.state) {
        Some(IoState::Text(t)) => {
            let mut file = t.file.borrow_mut();
            let size = match size {
                Some(s) => Ok(s),
                None => file.tell(),
            };
            size.and_then(|s| file.truncate(s).map(|_| s))
        }
        Some(IoState::File(file)) => {
            let mut file = file.borrow_mut();
            let size = match size {
                Some(s) => Ok(s),
                None => file.tell(),
            };
            size.and_then(|s| file.truncate(s).map(|_| s))
        }
        Some(IoState::Str(s)) => {
            let n = size.unwrap_or(s.pos as i64).max(0) as usize;
            let idx = s
                .text
                .char_indices()
                .nth(n)
                .map(|(i, _)| i)
                .unwrap_or(s.text.len());
            s.text.truncate(idx);
            Ok(n as i64)
        }
        Some(IoState::Bytes(b, pos)) => {
            let n = size.unwrap_or(*pos as i64).max(0) as usize;
            b.truncate(n);
            Ok(n as i64)
        }
        _ => Ok(0),
    };
    match r {
        Ok(p) => vm.new_i64(p),
        Err(e) => Err(vm.raise_io_error(&e, None)),
    }
}

// ---- state ------------------------------------------------------------------

fn flush(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let f = io_recv!(vm, a, "flush");
    check_open(vm, f)?;
    let file = match io_box(vm, f).map(|b| &b.state) {
        Some(IoState::Text(t)) => Some(t.file.clone()),
        Some(IoState::File(file)) => Some(file.clone()),
        _ => None,
    };
    if let Some(file) = file {
        if file.borrow().to_vm_out {
            vm.flush_out();
        } else if let Err(e) = file.borrow_mut().flush() {
            return Err(vm.raise_io_error(&e, None));
        }
    }
    Ok(Value::NONE)
}

/// Closes `f` (and marks the layers it wraps closed).
pub fn close_value(vm: &mut Vm, f: Value) -> PyResult<()> {
    let r = match io_box(vm, f).map(|b| &mut b.state) {
        Some(IoState::Text(t)) => {
            let mut file = t.file.borrow_mut();
            if file.to_vm_out {
                Ok(true)
            } else {
                file.close().map(|_| false)
            }
        }
        Some(IoState::File(file)) => {
            let mut file = file.borrow_mut();
            if file.to_vm_out {
                Ok(true)
            } else {
                file.close().map(|_| false)
            }
        }
        Some(st @ (IoState::Str(_) | IoState::Bytes(..))) => {
            *st = IoState::Closed;
            Ok(false)
        }
        _ => Ok(false),
    };
    let fi = vm.push_temp(f);
    let res = (|| {
        if r.as_ref().is_ok_and(|&to_out| to_out) {
            vm.flush_out();
            // Closing sys.stdout: later writes fail as CPython's do.
            if let Some(IoState::Text(t)) = io_box(vm, vm.temp(fi)).map(|b| &mut b.state) {
                let mut file = t.file.borrow_mut();
                file.to_vm_out = false;
                file.fd = -1;
            }
        }
        let mut cur = vm.temp(fi);
        for _ in 0..3 {
            if vm.kind_of(cur) != Some(Kind::Io) {
                break;
            }
            set_io_attr(vm, cur, "closed", Value::TRUE)?;
            cur = vm.field(vm.temp(fi), 1);
            vm.roots().temps[fi] = cur;
        }
        Ok(())
    })();
    vm.pop_temps(fi);
    res?;
    match r {
        Ok(_) => Ok(()),
        Err(e) => Err(vm.raise_io_error(&e, None)),
    }
}

fn close(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if a.n > 0 && vm.kind_of(a.get(vm, 0)) == Some(Kind::Instance) {
        return super::pyio_fallback::close_python_object(vm, a.get(vm, 0));
    }
    let f = io_recv!(vm, a, "close");
    super::detach::check_attached(vm, f)?;
    close_value(vm, f)?;
    Ok(Value::NONE)
}

fn fd_of(vm: &mut Vm, f: Value) -> Option<i32> {
    let fd = match io_box(vm, f).map(|b| &b.state) {
        Some(IoState::Text(t)) => Some(t.file.borrow().fd),
        Some(IoState::File(file)) => Some(file.borrow().fd),
        _ => None,
    };
    fd.filter(|&fd| fd != super::file::MEM_FD)
}

fn fileno(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let f = io_recv!(vm, a, "fileno");
    check_open_raw(vm, f)?;
    match fd_of(vm, f) {
        Some(fd) => Ok(Value::from_int(fd as i64).unwrap_or(Value::NONE)),
        None => Err(unsupported(vm, "fileno")),
    }
}

fn isatty(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let f = io_recv!(vm, a, "isatty");
    check_open_raw(vm, f)?;
    // SAFETY: isatty on a descriptor number.
    Ok(Value::from_bool(
        fd_of(vm, f).is_some_and(|fd| unsafe { libc::isatty(fd) } == 1),
    ))
}

fn readable(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let f = io_recv!(vm, a, "readable");
    super::detach::check_attached(vm, f)?;
    Ok(Value::from_bool(match io_box(vm, f).map(|b| &b.state) {
        Some(IoState::File(file)) => file.borrow().readable,
        Some(IoState::Text(t)) => t.file.borrow().readable,
        _ => true,
    }))
}

fn writable(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let f = io_recv!(vm, a, "writable");
    super::detach::check_attached(vm, f)?;
    Ok(Value::from_bool(match io_box(vm, f).map(|b| &b.state) {
        Some(IoState::File(file)) => file.borrow().writable,
        Some(IoState::Text(t)) => t.file.borrow().writable,
        _ => true,
    }))
}

fn seekable(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let f = io_recv!(vm, a, "seekable");
    super::detach::check_attached(vm, f)?;
    Ok(Value::from_bool(match io_box(vm, f).map(|b| &b.state) {
        Some(IoState::File(file)) => file.borrow().seekable(),
        Some(IoState::Text(t)) => t.file.borrow().seekable(),
        _ => true,
    }))
}

fn enter(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let f = io_recv!(vm, a, "__enter__");
    check_open(vm, f)?;
    Ok(a.get(vm, 0))
}

fn exit(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let f = io_recv!(vm, a, "__exit__");
    close_value(vm, f)?;
    Ok(Value::NONE)
}

fn getvalue(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let f = io_recv!(vm, a, "getvalue");
    check_open(vm, f)?;
    let got = match io_box(vm, f).map(|b| &b.state) {
        Some(IoState::Str(s)) => Some(Got::Text(s.text.clone())),
        Some(IoState::Bytes(b, _)) => Some(Got::Bytes(b.clone())),
        Some(IoState::File(file)) => {
            let mut file = file.borrow_mut();
            let _ = file.flush();
            file.mem.clone().map(Got::Bytes)
        }
        _ => None,
    };
    match got {
        Some(g) => make(vm, g),
        None => {
            let t = vm.type_name(f);
            Err(vm.raise_msg(
                TypeId::AttributeError,
                &format!("'_io.{t}' object has no attribute 'getvalue'"),
            ))
        }
    }
}

fn reconfigure(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let f = io_recv!(vm, a, "reconfigure");
    let _ = f;
    let lb = a.kwarg(vm, "line_buffering");
    let enc = a.kwarg(vm, "encoding").filter(|v| vm.is_str(*v));
    let errs = a.kwarg(vm, "errors").filter(|v| vm.is_str(*v));
    let enc = enc.map(|e| vm.str_text(e).into_owned());
    let errs = errs.map(|e| vm.str_text(e).into_owned());
    let lb = match lb {
        Some(v) if !v.is_none() => Some(vm.truthy(v)?),
        _ => None,
    };
    let f = a.get(vm, 0);
    if let Some(IoState::Text(t)) = io_box(vm, f).map(|b| &mut b.state) {
        if let Some(lb) = lb {
            t.line_buffering = lb;
        }
        if let Some(e) = enc.as_deref().and_then(lookup_encoding) {
            t.encoding = e;
        }
        if let Some(e) = errs.as_deref().and_then(errors_lookup) {
            t.errors = e;
        }
    }
    if let Some(e) = enc {
        super::set_io_str(vm, a.get(vm, 0), "encoding", &e)?;
    }
    if let Some(e) = errs {
        super::set_io_str(vm, a.get(vm, 0), "errors", &e)?;
    }
    Ok(Value::NONE)
}
