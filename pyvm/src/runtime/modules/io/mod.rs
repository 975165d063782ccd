//! `_io` (and `io`, which re-exports it): files, text wrappers, StringIO,
//! and the standard streams behind `print` and `input`.
//!
//! Every `_io` object is a `Kind::Io` record (field 0 its attribute dict,
//! field 1 the wrapped object or None) owning an off-heap [`IoBox`]. A
//! file opened in text mode is three Python objects (`TextIOWrapper` →
//! `BufferedReader/Writer/Random` → `FileIO`) sharing one
//! `Rc<RefCell<FdFile>>`, so flushing or closing any layer acts on the same
//! buffers. Methods live on `_IOBase` and dispatch on the state, so each
//! type inherits them all; an operation a stream cannot do raises
//! `io.UnsupportedOperation` as CPython's do.
//!
//! `sys.stdout`'s file has `to_vm_out` set: its text goes to `Vm::out`,
//! the buffer `print` fills directly while `sys.stdout` is that stream.
//! Attributes such as `name`, `mode`, `closed`, `encoding`, `buffer` are
//! plain entries of the object's dict, kept current by the methods.

/// The receiver of an `_io` method: returns from the method with the
/// result of `_pyio`'s method of the same name when the receiver is a
/// `_pyio` stream (an instance of a Python subclass of a concrete `io`
/// class, calling the base explicitly: `StringIO.getvalue(self)`).
macro_rules! io_recv {
    ($vm:ident, $a:ident, $meth:literal) => {
        match crate::runtime::modules::io::methods::recv_or_forward($vm, &$a, $meth)? {
            Ok(f) => f,
            Err(result) => return Ok(result),
        }
    };
}

mod binary;
mod constructors;
mod detach;
mod file;
mod methods;
mod newline_decoder;
mod open;
pub mod oserror;
pub(crate) mod pyio_fallback;
mod text;
mod text_registry;
mod wait;

use std::cell::RefCell;
use std::rc::Rc;

use pyvm_objmodel::Value;

pub use binary::io_repr_string;
pub use file::FdFile;
pub(crate) use methods::IO_METHODS;
pub use text::{Encoding, Newline, StrBuf, TextState};

use super::{ModuleRef, NativeModule};
use crate::runtime::call::NativeFn;
use crate::runtime::exception::PyResult;
use crate::runtime::heap::Vm;
use crate::runtime::layout::{Kind, TypeField};
use crate::runtime::types::{GlobalSlot, TypeId};

/// The state of one `_io` object.
pub enum IoState {
    /// `FileIO` or a `Buffered*` object: a file descriptor.
    File(Rc<RefCell<FdFile>>),
    /// `TextIOWrapper`.
    Text(Box<TextState>),
    /// `StringIO`.
    Str(StrBuf),
    /// `BytesIO`: the bytes and a position.
    Bytes(Vec<u8>, usize),
    /// Closed (a StringIO/BytesIO after `close()`).
    Closed,
    /// A `TextIOWrapper` or `Buffered*` after `detach()` (`detach.rs`).
    Detached,
}

/// The off-heap part of a `Kind::Io` object.
pub struct IoBox {
    /// What the object reads and writes.
    pub state: IoState,
}

const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("open", open::open),
    ("open_code", open::open_code),
    ("text_encoding", open::text_encoding),
    ("BufferedRWPair", pyio_fallback::buffered_rw_pair),
];

/// The `_io` module.
pub(crate) const MODULE: NativeModule = NativeModule {
    name: "_io",
    functions: FUNCTIONS,
    init: Some(init_io_native),
};

/// `io` (CPython's `io.py` re-exports `_io`; until `abc` runs here it is
/// this native module).
pub(crate) const IO_MODULE: NativeModule = NativeModule {
    name: "io",
    functions: FUNCTIONS,
    init: Some(init_io),
};

const TYPES: [(TypeId, &str); 12] = [
    (TypeId::IOBase, "_IOBase"),
    (TypeId::RawIOBase, "_RawIOBase"),
    (TypeId::BufferedIOBase, "_BufferedIOBase"),
    (TypeId::TextIOBase, "_TextIOBase"),
    (TypeId::FileIO, "FileIO"),
    (TypeId::BufferedReader, "BufferedReader"),
    (TypeId::BufferedWriter, "BufferedWriter"),
    (TypeId::BufferedRandom, "BufferedRandom"),
    (TypeId::TextIOWrapper, "TextIOWrapper"),
    (TypeId::StringIO, "StringIO"),
    (TypeId::BytesIO, "BytesIO"),
    (TypeId::UnsupportedOperation, "UnsupportedOperation"),
];

/// Types that are not in the builtins namespace.
pub fn hidden_type(t: TypeId) -> bool {
    TYPES.iter().any(|&(id, _)| id == t)
}

fn init(vm: &mut Vm, m: ModuleRef) -> PyResult<()> {
    patch_unsupported_operation(vm)?;
    for (id, name) in TYPES {
        let t = vm.ty(id);
        m.set(vm, name, t)?;
    }
    set_type_modules(vm)?;
    m.set(
        vm,
        "DEFAULT_BUFFER_SIZE",
        Value::from_int(8192).unwrap_or(Value::NONE),
    )?;
    let b = vm.ty(TypeId::BlockingIOError);
    m.set(vm, "BlockingIOError", b)?;
    Ok(())
}

fn init_io_native(vm: &mut Vm, m: ModuleRef) -> PyResult<()> {
    init(vm, m)?;
    newline_decoder::add_to_io_native(vm, m)
}

fn init_io(vm: &mut Vm, m: ModuleRef) -> PyResult<()> {
    init(vm, m)?;
    newline_decoder::add_to_io(vm, m)?;
    for (name, id) in [
        ("IOBase", TypeId::IOBase),
        ("RawIOBase", TypeId::RawIOBase),
        ("BufferedIOBase", TypeId::BufferedIOBase),
        ("TextIOBase", TypeId::TextIOBase),
    ] {
        let t = vm.ty(id);
        m.set(vm, name, t)?;
    }
    for (name, v) in [("SEEK_SET", 0), ("SEEK_CUR", 1), ("SEEK_END", 2)] {
        m.set(vm, name, Value::from_int(v).unwrap_or(Value::NONE))?;
    }
    pyio_fallback::add_all(vm, m)
}

/// Sets `__module__ = '_io'` on the `_io` types (also before `_io` is
/// imported: the standard streams are made without it).
fn set_type_modules(vm: &mut Vm) -> PyResult<()> {
    for (id, _) in TYPES {
        let name_v = vm.new_str("_io")?;
        let d = vm.field(vm.ty(id), TypeField::Dict as usize);
        vm.dict_set_str(d, "__module__", name_v)?;
    }
    Ok(())
}

/// `UnsupportedOperation` derives from both OSError and ValueError.
fn patch_unsupported_operation(vm: &mut Vm) -> PyResult<()> {
    let uo = vm.ty(TypeId::UnsupportedOperation);
    let bases = vm.field(uo, TypeField::Bases as usize);
    if vm.tuple_items(bases).len() == 2 {
        return Ok(());
    }
    let b = vm.new_tuple(&[vm.ty(TypeId::OSError), vm.ty(TypeId::ValueError)])?;
    vm.set_field(
        vm.ty(TypeId::UnsupportedOperation),
        TypeField::Bases as usize,
        b,
    );
    let mro = vm.new_tuple(&[
        vm.ty(TypeId::UnsupportedOperation),
        vm.ty(TypeId::OSError),
        vm.ty(TypeId::ValueError),
        vm.ty(TypeId::Exception),
        vm.ty(TypeId::BaseException),
        vm.ty(TypeId::Object),
    ])?;
    vm.set_field(
        vm.ty(TypeId::UnsupportedOperation),
        TypeField::Mro as usize,
        mro,
    );
    Ok(())
}

/// The off-heap state of an `_io` object, if `v` is one.
#[allow(clippy::mut_from_ref)]
pub fn io_box(vm: &Vm, v: Value) -> Option<&mut IoBox> {
    if vm.kind_of(v) != Some(Kind::Io) {
        return None;
    }
    let len = vm.len_word(v);
    let w = v.heap_addr()? as *mut u64;
    // SAFETY: a `Kind::Io` object's off-heap word (after the gc header, the
    // kind word, the class and its `len` fields) is a live `Box<IoBox>`
    // owned by the object; callers use the borrow for one short statement
    // and never hold two at once.
    unsafe {
        let p = *w.add(1 + 2 + len) as *mut IoBox;
        p.as_mut()
    }
}

/// Allocates an `_io` object of type `t` with `state`, wrapping `inner`.
pub fn new_io(vm: &mut Vm, t: TypeId, state: IoState, inner: Value) -> PyResult<Value> {
    let ii = vm.push_temp(inner);
    let d = vm.new_dict();
    let Ok(d) = d else {
        vm.pop_temps(ii);
        return d;
    };
    let boxed = Box::into_raw(Box::new(IoBox { state }));
    let class = vm.ty(t);
    let inner = vm.temp(ii);
    vm.pop_temps(ii);
    let r = vm.alloc_record(Kind::Io, class, &[d, inner], boxed as u64);
    if r.is_err() {
        // SAFETY: the box was not handed to any object.
        drop(unsafe { Box::from_raw(boxed) });
    }
    r
}

/// Sets attribute `name` of an `_io` object's dict.
pub fn set_io_attr(vm: &mut Vm, obj: Value, name: &str, v: Value) -> PyResult<()> {
    let oi = vm.push_temp(obj);
    vm.push_temp(v);
    let d = vm.field(vm.temp(oi), 0);
    let r = vm.dict_set_str(d, name, vm.temp(oi + 1));
    vm.pop_temps(oi);
    r
}

/// Sets a str attribute of an `_io` object.
pub fn set_io_str(vm: &mut Vm, obj: Value, name: &str, s: &str) -> PyResult<()> {
    let oi = vm.push_temp(obj);
    let sv = vm.new_str(s);
    let obj = vm.temp(oi);
    vm.pop_temps(oi);
    set_io_attr(vm, obj, name, sv?)
}

// ---- the standard streams ---------------------------------------------

/// Creates `sys.stdin`, `sys.stdout`, `sys.stderr` (text wrappers over
/// buffered files over fds 0, 1, 2); returns them as a tuple.
pub fn make_std_streams(vm: &mut Vm) -> PyResult<Value> {
    set_type_modules(vm)?;
    let mark = vm.temps_len();
    let unbuffered = vm.sysio.unbuffered;
    for fd in 0..3 {
        let mut f = FdFile::new(fd, fd == 0, fd != 0, false, false);
        f.to_vm_out = fd == 1;
        f.buffered = fd != 2;
        let tty = f.isatty();
        if fd == 1 {
            vm.sysio.stdout_tty = tty;
        }
        let name = match fd {
            0 => "<stdin>",
            1 => "<stdout>",
            _ => "<stderr>",
        };
        let mode = if fd == 0 { "r" } else { "w" };
        let errors = if fd == 2 {
            crate::runtime::text_codec::Handler::BackslashReplace
        } else {
            crate::runtime::text_codec::Handler::Strict
        };
        let line_buffering = fd != 0 && (tty || fd == 2 || unbuffered);
        let t = open::wrap_fd(
            vm,
            Rc::new(RefCell::new(f)),
            open::Layers {
                name_str: Some(name),
                name_int: None,
                mode: mode.to_string(),
                binary: false,
                // `-u`/PYTHONUNBUFFERED: stdout's and stderr's `buffer` is the
                // raw FileIO, as CPython's.
                buffered: fd == 0 || !unbuffered,
                encoding: Encoding::Utf8 { sig: false },
                encoding_name: "utf-8".to_string(),
                errors,
                newline: Newline::Universal,
                line_buffering,
            },
        )?;
        vm.push_temp(t);
    }
    let items = vm.m.roots().temps[mark..].to_vec();
    let t = vm.new_tuple(&items);
    vm.pop_temps(mark);
    t
}

/// `sys.<name>`, if `sys` is imported and has it.
pub fn sys_attr(vm: &mut Vm, name: &str) -> PyResult<Option<Value>> {
    let sys = vm.global(GlobalSlot::Sys);
    if vm.kind_of(sys) != Some(Kind::Module) {
        return Ok(None);
    }
    let d = vm.field(sys, 0);
    vm.dict_get_str(d, name)
}

/// Whether `v` is a text stream whose output goes to `Vm::out`.
pub fn is_vm_out(vm: &Vm, v: Value) -> bool {
    match io_box(vm, v).map(|b| &b.state) {
        Some(IoState::Text(t)) => {
            t.file.borrow().to_vm_out
                && !t.file.borrow().is_closed()
                && matches!(t.encoding, Encoding::Utf8 { sig: false })
        }
        _ => false,
    }
}

/// Where `print` without `file=` writes: `None` for the fast path into
/// `Vm::out`, `Some(None)` when `sys.stdout` is None (print does nothing),
/// `Some(Some(obj))` for another stream.
pub fn print_target(vm: &mut Vm) -> PyResult<Option<Option<Value>>> {
    if vm.global(GlobalSlot::Sys).is_empty() {
        return Ok(None);
    }
    match sys_attr(vm, "stdout")? {
        Some(v) if is_vm_out(vm, v) => Ok(None),
        Some(v) if v.is_none() => Ok(Some(None)),
        Some(v) => Ok(Some(Some(v))),
        None => Err(vm.raise_msg(TypeId::RuntimeError, "lost sys.stdout")),
    }
}

/// Text appended to `Vm::out` (the fast path), with stdout's line
/// buffering when it is a terminal.
pub fn write_vm_out(vm: &mut Vm, bytes: &[u8]) {
    vm.out.extend_from_slice(bytes);
    if (vm.sysio.stdout_tty || vm.sysio.unbuffered) && bytes.contains(&b'\n') {
        vm.flush_out();
    } else {
        vm.flush_if_large();
    }
}

/// Calls `obj.name(*args)`.
pub fn call_method(vm: &mut Vm, obj: Value, name: &str, args: &[Value]) -> PyResult<Value> {
    let mark = vm.temps_len();
    vm.push_temp(obj);
    vm.roots().temps.extend_from_slice(args);
    let r = (|| {
        let key = vm.new_str(name)?;
        let f = vm.get_attr(vm.temp(mark), key)?;
        let args: Vec<Value> = vm.m.roots().temps[mark + 1..].to_vec();
        vm.call_value(f, &args)
    })();
    vm.pop_temps(mark);
    r
}

/// Writes the str `s` to `sys.stdout`.
pub fn write_stdout(vm: &mut Vm, s: Value) -> PyResult<()> {
    let si = vm.push_temp(s);
    let r = (|| {
        match print_target(vm)? {
            None => {
                let b = vm.str_bytes(vm.temp(si)).to_vec();
                write_vm_out(vm, &b);
            }
            Some(None) => {}
            Some(Some(f)) => {
                call_method(vm, f, "write", &[vm.temp(si)])?;
            }
        }
        Ok(())
    })();
    vm.pop_temps(si);
    r
}

/// Flushes `sys.stdout`.
pub fn flush_stdout(vm: &mut Vm) -> PyResult<()> {
    match print_target(vm)? {
        None => vm.flush_out(),
        Some(None) => {}
        Some(Some(f)) => {
            call_method(vm, f, "flush", &[])?;
        }
    }
    Ok(())
}

/// Reads a line from `sys.stdin` (a str; empty at end of file).
pub fn readline_stdin(vm: &mut Vm) -> PyResult<Value> {
    if vm.global(GlobalSlot::Sys).is_empty() {
        vm.import_module("sys")?;
    }
    match sys_attr(vm, "stdin")? {
        Some(v) if !v.is_none() => call_method(vm, v, "readline", &[]),
        _ => Err(vm.raise_msg(TypeId::RuntimeError, "input(): lost sys.stdin")),
    }
}

/// Flushes `sys.stdout` and `sys.stderr` at exit (errors ignored).
pub fn flush_std_streams(vm: &mut Vm) -> PyResult<()> {
    for name in ["stdout", "stderr"] {
        if let Ok(Some(v)) = sys_attr(vm, name)
            && !v.is_none()
            && !is_vm_out(vm, v)
            && call_method(vm, v, "flush", &[]).is_err()
        {
            vm.take_raised();
        }
    }
    vm.flush_out();
    Ok(())
}

/// `iter(f)`: the file itself (ValueError if closed).
pub fn io_iter(vm: &mut Vm, v: Value) -> PyResult<Value> {
    methods::check_open(vm, v)?;
    Ok(v)
}

/// `next(f)`: the next line, None at end of file.
pub fn io_next(vm: &mut Vm, v: Value) -> PyResult<Option<Value>> {
    let line = methods::readline_value(vm, v, None)?;
    let empty = match vm.kind_of(line) {
        Some(Kind::Str) => vm.str_bytes(line).is_empty(),
        _ => vm.len_of(line)? == 0,
    };
    Ok((!empty).then_some(line))
}

// ---- print ------------------------------------------------------------------

/// Whether `print(..., file=?)` can append to `Vm::out` directly.
pub fn print_fast(vm: &mut Vm, a: &crate::runtime::call::Args) -> PyResult<bool> {
    match a.kwarg(vm, "file") {
        Some(f) if !f.is_none() => Ok(is_vm_out(vm, f)),
        _ => Ok(print_target(vm)?.is_none()),
    }
}

/// `print` to a stream other than the original stdout: one `write` per
/// argument, separator and end, as CPython does.
pub fn print_slow(
    vm: &mut Vm,
    a: crate::runtime::call::Args,
    sep: &str,
    end: &str,
) -> PyResult<Value> {
    let target = match a.kwarg(vm, "file") {
        Some(f) if !f.is_none() => f,
        _ => match print_target(vm)? {
            Some(Some(f)) => f,
            _ => return Ok(Value::NONE),
        },
    };
    let mark = vm.temps_len();
    vm.push_temp(target);
    let r = (|| {
        let n = a.npos(vm);
        for i in 0..n {
            if i > 0 {
                let s = vm.new_str(sep)?;
                print_write(vm, vm.temp(mark), s)?;
            }
            let s = vm.str_value(a.get(vm, i))?;
            print_write(vm, vm.temp(mark), s)?;
        }
        let s = vm.new_str(end)?;
        print_write(vm, vm.temp(mark), s)?;
        let flush = match a.kwarg(vm, "flush") {
            Some(f) => vm.truthy(f)?,
            None => false,
        };
        if flush {
            call_method(vm, vm.temp(mark), "flush", &[])?;
        }
        Ok(Value::NONE)
    })();
    vm.pop_temps(mark);
    r
}

fn print_write(vm: &mut Vm, f: Value, s: Value) -> PyResult<()> {
    if vm.kind_of(f) == Some(Kind::Io) {
        methods::write_value(vm, f, s)?;
    } else {
        call_method(vm, f, "write", &[s])?;
    }
    Ok(())
}
