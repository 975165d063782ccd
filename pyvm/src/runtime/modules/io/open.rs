//! `open()`: mode parsing with CPython's errors, opening the descriptor, and
//! stacking `FileIO` → `Buffered*` → `TextIOWrapper` over it.

use std::cell::RefCell;
use std::rc::Rc;

use pyvm_objmodel::Value;

use super::file::FdFile;
use super::text::{Encoding, Newline, TextState, errors_lookup, handler_name, lookup_encoding};
use super::{IoState, new_io, set_io_attr, set_io_str};
use crate::runtime::call::Args;
use crate::runtime::exception::PyResult;
use crate::runtime::heap::Vm;
use crate::runtime::text_codec::Handler;
use crate::runtime::types::TypeId;

/// What the layers of an opened file are.
pub struct Layers<'a> {
    /// `name` when it is a path (or a stream name like `<stdout>`).
    pub name_str: Option<&'a str>,
    /// `name` when it is a descriptor number.
    pub name_int: Option<i64>,
    /// `mode` as given to `open()`.
    pub mode: String,
    /// Binary mode (no text layer).
    pub binary: bool,
    /// Whether there is a buffer layer (`buffering != 0`).
    pub buffered: bool,
    /// Text encoding.
    pub encoding: Encoding,
    /// The encoding as the `encoding` attribute reports it.
    pub encoding_name: String,
    /// Text error handler.
    pub errors: Handler,
    /// Newline mode.
    pub newline: Newline,
    /// Text line buffering.
    pub line_buffering: bool,
}

fn set_name(vm: &mut Vm, obj: Value, l: &Layers) -> PyResult<()> {
    match (l.name_str, l.name_int) {
        (Some(s), _) => set_io_str(vm, obj, "name", s),
        (None, Some(n)) => set_io_attr(vm, obj, "name", Value::from_int(n).unwrap_or(Value::NONE)),
        _ => Ok(()),
    }
}

/// Builds the layers over `file`; returns the outermost object.
pub fn wrap_fd(vm: &mut Vm, file: Rc<RefCell<FdFile>>, l: Layers) -> PyResult<Value> {
    let (readable, writable, append, closefd) = {
        let f = file.borrow();
        (f.readable, f.writable, f.append, f.closefd)
    };
    let raw_mode = {
        let base = if append {
            "ab"
        } else if l.mode.contains('x') {
            "xb"
        } else if readable && !writable {
            "rb"
        } else if writable && !readable {
            "wb"
        } else {
            "rb"
        };
        if readable && writable {
            format!("{base}+")
        } else {
            base.to_string()
        }
    };
    let mark = vm.temps_len();
    let r = (|| {
        let raw = new_io(vm, TypeId::FileIO, IoState::File(file.clone()), Value::NONE)?;
        vm.push_temp(raw);
        set_name(vm, raw, &l)?;
        set_io_str(vm, vm.temp(mark), "mode", &raw_mode)?;
        set_io_attr(vm, vm.temp(mark), "closed", Value::FALSE)?;
        set_io_attr(vm, vm.temp(mark), "closefd", Value::from_bool(closefd))?;
        if !l.buffered {
            file.borrow_mut().buffered = false;
            if l.binary {
                return Ok(vm.temp(mark));
            }
            // Unbuffered standard streams: the text layer is over the raw file.
            vm.push_temp(vm.temp(mark));
        } else {
            let t = match (readable, writable) {
                (true, true) => TypeId::BufferedRandom,
                (false, true) => TypeId::BufferedWriter,
                _ => TypeId::BufferedReader,
            };
            let buf = new_io(vm, t, IoState::File(file.clone()), vm.temp(mark))?;
            vm.push_temp(buf);
            set_name(vm, vm.temp(mark + 1), &l)?;
            set_io_str(vm, vm.temp(mark + 1), "mode", &raw_mode)?;
            set_io_attr(vm, vm.temp(mark + 1), "closed", Value::FALSE)?;
            set_io_attr(vm, vm.temp(mark + 1), "raw", vm.temp(mark))?;
            if l.binary {
                return Ok(vm.temp(mark + 1));
            }
        }
        let state = TextState::new(
            file.clone(),
            l.encoding,
            l.errors.clone(),
            l.newline.clone(),
            l.line_buffering,
        );
        let text = new_io(
            vm,
            TypeId::TextIOWrapper,
            IoState::Text(Box::new(state)),
            vm.temp(mark + 1),
        )?;
        vm.push_temp(text);
        let t = vm.temp(mark + 2);
        set_name(vm, t, &l)?;
        set_io_str(vm, vm.temp(mark + 2), "mode", &l.mode)?;
        set_io_attr(vm, vm.temp(mark + 2), "closed", Value::FALSE)?;
        set_io_str(vm, vm.temp(mark + 2), "encoding", &l.encoding_name)?;
        set_io_str(vm, vm.temp(mark + 2), "errors", handler_name(&l.errors))?;
        set_io_attr(vm, vm.temp(mark + 2), "buffer", vm.temp(mark + 1))?;
        set_io_attr(
            vm,
            vm.temp(mark + 2),
            "line_buffering",
            Value::from_bool(l.line_buffering),
        )?;
        set_io_attr(vm, vm.temp(mark + 2), "newlines", Value::NONE)?;
        Ok(vm.temp(mark + 2))
    })();
    vm.pop_temps(mark);
    if r.is_ok() && !file.borrow().to_vm_out && file.borrow().fd > 2 {
        vm.sysio.files.push(Rc::downgrade(&file));
    }
    r
}

/// Argument `i` or keyword `name`.
fn arg(vm: &Vm, a: &Args, i: usize, name: &str) -> Option<Value> {
    if i < a.npos(vm) {
        Some(a.get(vm, i))
    } else {
        a.kwarg(vm, name)
    }
}

/// An optional str argument (None or absent → None).
fn opt_str(vm: &mut Vm, v: Option<Value>, fname: &str, what: &str) -> PyResult<Option<String>> {
    match v {
        None => Ok(None),
        Some(v) if v.is_none() => Ok(None),
        Some(v) if vm.is_str(v) => Ok(Some(vm.str_text(v).into_owned())),
        Some(v) => {
            let t = vm.type_name(v);
            Err(vm.type_error(&format!(
                "{fname}() argument '{what}' must be str or None, not {t}"
            )))
        }
    }
}

/// Parsed `open()` mode.
struct Mode {
    reading: bool,
    writing: bool,
    appending: bool,
    creating: bool,
    updating: bool,
    binary: bool,
}

fn parse_mode(vm: &mut Vm, mode: &str) -> PyResult<Mode> {
    let mut seen = String::new();
    let mut m = Mode {
        reading: false,
        writing: false,
        appending: false,
        creating: false,
        updating: false,
        binary: false,
    };
    let mut text = false;
    for c in mode.chars() {
        if !"rwaxbt+".contains(c) || seen.contains(c) {
            return Err(vm.raise_msg(TypeId::ValueError, &format!("invalid mode: '{mode}'")));
        }
        seen.push(c);
        match c {
            'r' => m.reading = true,
            'w' => m.writing = true,
            'a' => m.appending = true,
            'x' => m.creating = true,
            '+' => m.updating = true,
            'b' => m.binary = true,
            _ => text = true,
        }
    }
    if text && m.binary {
        return Err(vm.raise_msg(
            TypeId::ValueError,
            "can't have text and binary mode at once",
        ));
    }
    let n = [m.reading, m.writing, m.appending, m.creating]
        .iter()
        .filter(|&&b| b)
        .count();
    if n > 1 {
        return Err(vm.raise_msg(
            TypeId::ValueError,
            "must have exactly one of create/read/write/append mode",
        ));
    }
    Ok(m)
}

/// Opens `path` with the flags of `m`; raises CPython's OSError.
fn open_path(vm: &mut Vm, path: &str, m: &Mode) -> PyResult<i32> {
    if path.contains('\0') {
        return Err(vm.raise_msg(TypeId::ValueError, "embedded null byte"));
    }
    let flags = mode_flags(m);
    let c = std::ffi::CString::new(path).unwrap_or_default();
    loop {
        // SAFETY: opening a NUL-terminated path.
        let fd = unsafe { libc::open(c.as_ptr(), flags, 0o666 as libc::c_uint) };
        if fd < 0 {
            let e = std::io::Error::last_os_error().raw_os_error().unwrap_or(0);
            if e == libc::EINTR {
                continue;
            }
            return Err(vm.raise_os_error(e, Some(path)));
        }
        // Opening a directory read-only succeeds; CPython reports EISDIR.
        // SAFETY: fstat on the descriptor just opened into a zeroed struct.
        let is_dir = unsafe {
            let mut st: libc::stat = std::mem::zeroed();
            libc::fstat(fd, &mut st) == 0 && (st.st_mode & libc::S_IFMT) == libc::S_IFDIR
        };
        if is_dir {
            // SAFETY: closing the descriptor we opened.
            unsafe { libc::close(fd) };
            return Err(vm.raise_os_error(libc::EISDIR, Some(path)));
        }
        return Ok(fd);
    }
}

/// The `os.open` flags for mode `m` (what an `opener` receives).
fn mode_flags(m: &Mode) -> i32 {
    let access = if m.updating {
        libc::O_RDWR
    } else if m.reading {
        libc::O_RDONLY
    } else {
        libc::O_WRONLY
    };
    let mut flags = access | libc::O_CLOEXEC;
    if m.writing {
        flags |= libc::O_CREAT | libc::O_TRUNC;
    }
    if m.appending {
        flags |= libc::O_CREAT | libc::O_APPEND;
    }
    if m.creating {
        flags |= libc::O_CREAT | libc::O_EXCL;
    }
    flags
}

/// `open(file, mode='r', buffering=-1, encoding=None, errors=None,
/// newline=None, closefd=True, opener=None)`.
pub fn open(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if a.npos(vm) > 8 {
        let n = a.npos(vm);
        return Err(vm.type_error(&format!("open() takes at most 8 arguments ({n} given)")));
    }
    let Some(file) = arg(vm, &a, 0, "file") else {
        return Err(vm.type_error("open() missing required argument 'file' (pos 1)"));
    };
    let file = fspath_arg(vm, &a, file)?;
    let mode_v = arg(vm, &a, 1, "mode");
    let mode = match mode_v {
        None => "r".to_string(),
        Some(v) if vm.is_str(v) => vm.str_text(v).into_owned(),
        Some(v) => {
            let t = vm.type_name(v);
            return Err(vm.type_error(&format!("open() argument 'mode' must be str, not {t}")));
        }
    };
    let buffering = match arg(vm, &a, 2, "buffering") {
        None => -1,
        Some(v) => match v.as_int().or_else(|| v.as_bool().map(i64::from)) {
            Some(b) => b,
            None => {
                let t = vm.type_name(v);
                return Err(
                    vm.type_error(&format!("'{t}' object cannot be interpreted as an integer"))
                );
            }
        },
    };
    let encoding = opt_str(vm, arg(vm, &a, 3, "encoding"), "open", "encoding")?;
    let errors = opt_str(vm, arg(vm, &a, 4, "errors"), "open", "errors")?;
    let newline = opt_str(vm, arg(vm, &a, 5, "newline"), "open", "newline")?;
    let closefd = match arg(vm, &a, 6, "closefd") {
        None => true,
        Some(v) => vm.truthy(v)?,
    };
    let has_opener = arg(vm, &a, 7, "opener").is_some_and(|o| !o.is_none());
    let m = parse_mode(vm, &mode)?;
    if m.binary {
        for (given, what) in [
            (encoding.is_some(), "an encoding"),
            (errors.is_some(), "an errors"),
            (newline.is_some(), "a newline"),
        ] {
            if given {
                return Err(vm.raise_msg(
                    TypeId::ValueError,
                    &format!("binary mode doesn't take {what} argument"),
                ));
            }
        }
    }
    if !(m.reading || m.writing || m.appending || m.creating) {
        return Err(vm.raise_msg(
            TypeId::ValueError,
            "Must have exactly one of create/read/write/append mode and at most one plus",
        ));
    }
    if buffering == 0 && !m.binary {
        return Err(vm.raise_msg(TypeId::ValueError, "can't have unbuffered text I/O"));
    }
    let newline_mode = match newline.as_deref() {
        None => Newline::Universal,
        Some("") => Newline::UniversalRaw,
        Some(s @ ("\n" | "\r" | "\r\n")) => Newline::Fixed(s.to_string()),
        Some(s) => {
            return Err(vm.raise_msg(TypeId::ValueError, &format!("illegal newline value: {s}")));
        }
    };
    let native_errors = errors.as_deref().is_none_or(|e| errors_lookup(e).is_some());
    if let Some(e) = encoding.as_deref()
        && !m.binary
        && (lookup_encoding(e).is_none() || !native_errors)
    {
        let file = arg(vm, &a, 0, "file").unwrap_or(Value::NONE);
        let opener = arg(vm, &a, 7, "opener").unwrap_or(Value::NONE);
        let (errors, newline) = (errors.as_deref(), newline.as_deref());
        return super::text_registry::open(
            vm, file, &mode, buffering, e, errors, newline, closefd, opener,
        );
    }
    let enc = match encoding.as_deref() {
        None => Encoding::Utf8 { sig: false },
        Some(e) => match lookup_encoding(e) {
            Some(enc) => enc,
            None => {
                return Err(vm.raise_msg(TypeId::LookupError, &format!("unknown encoding: {e}")));
            }
        },
    };
    let errs = match errors.as_deref() {
        None => Handler::Strict,
        Some(e) => match errors_lookup(e) {
            Some(x) => x,
            None => {
                return Err(vm.raise_msg(
                    TypeId::LookupError,
                    &format!("unknown error handler name '{e}'"),
                ));
            }
        },
    };
    let (fd, name_str, name_int) = if let Some(n) = file.as_int() {
        if n < 0 {
            return Err(vm.raise_msg(TypeId::ValueError, "negative file descriptor"));
        }
        (n as i32, None, Some(n))
    } else if vm.is_str(file) {
        if !closefd {
            return Err(vm.raise_msg(
                TypeId::ValueError,
                "Cannot use closefd=False with file name",
            ));
        }
        let path = vm.str_text(file).into_owned();
        let fd = if has_opener {
            call_opener(vm, &a, &m)?
        } else {
            open_path(vm, &path, &m)?
        };
        (fd, Some(path), None)
    } else if vm.kind_of(file) == Some(crate::runtime::layout::Kind::Bytes) {
        if !closefd {
            return Err(vm.raise_msg(
                TypeId::ValueError,
                "Cannot use closefd=False with file name",
            ));
        }
        let raw = vm.bytes_data(file).to_vec();
        if raw.contains(&0) {
            return Err(vm.raise_msg(TypeId::ValueError, "embedded null byte"));
        }
        let path = String::from_utf8_lossy(&raw).into_owned();
        let fd = if has_opener {
            call_opener(vm, &a, &m)?
        } else {
            open_path(vm, &path, &m)?
        };
        (fd, Some(path), None)
    } else {
        let t = vm.type_name(file);
        return Err(vm.type_error(&format!(
            "expected str, bytes or os.PathLike object, not {t}"
        )));
    };
    let bytes_name = arg(vm, &a, 0, "file")
        .is_some_and(|f| vm.kind_of(f) == Some(crate::runtime::layout::Kind::Bytes));
    let readable = m.reading || m.updating;
    let writable = !m.reading || m.updating;
    let f = FdFile::new(fd, readable, writable, m.appending, closefd);
    if m.appending {
        // SAFETY: lseek on the descriptor just opened.
        unsafe { libc::lseek(fd, 0, libc::SEEK_END) };
    }
    let line_buffering = buffering == 1 || (buffering < 0 && f.isatty() && !m.binary);
    let r = wrap_fd(
        vm,
        Rc::new(RefCell::new(f)),
        Layers {
            name_str: name_str.as_deref(),
            name_int,
            mode: mode.clone(),
            binary: m.binary,
            buffered: buffering != 0,
            encoding: enc,
            encoding_name: encoding.unwrap_or_else(|| "UTF-8".to_string()),
            errors: errs,
            newline: newline_mode,
            line_buffering,
        },
    );
    if !bytes_name {
        return r;
    }
    // A bytes path is each layer's `name` as given.
    let obj = r?;
    let oi = vm.push_temp(obj);
    let res = (|| {
        let mut cur = vm.temp(oi);
        while vm.kind_of(cur) == Some(crate::runtime::layout::Kind::Io) {
            let ci = vm.push_temp(cur);
            set_io_attr(
                vm,
                cur,
                "name",
                arg(vm, &a, 0, "file").unwrap_or(Value::NONE),
            )?;
            cur = vm.field(vm.temp(ci), 1);
            vm.pop_temps(ci);
        }
        Ok(vm.temp(oi))
    })();
    vm.pop_temps(oi);
    res
}

/// The `file` argument after `os.fspath`: an object with `__fspath__` is
/// replaced (in its argument slot, which keeps it rooted) by the str or
/// bytes the method returns.
fn fspath_arg(vm: &mut Vm, a: &Args, file: Value) -> PyResult<Value> {
    if vm.kind_of(file) != Some(crate::runtime::layout::Kind::Instance) {
        return Ok(file);
    }
    let Some(p) = vm.call_dunder0(file, "__fspath__")? else {
        return Ok(file);
    };
    if !vm.is_str(p) && vm.kind_of(p) != Some(crate::runtime::layout::Kind::Bytes) {
        let t = vm.type_name(arg(vm, a, 0, "file").unwrap_or(Value::NONE));
        let pt = vm.type_name(p);
        return Err(vm.type_error(&format!(
            "expected {t}.__fspath__() to return str or bytes, not {pt}"
        )));
    }
    let slot = if a.npos(vm) > 0 {
        Some(a.start)
    } else {
        a.kw.and_then(|k| {
            let names = vm.tuple_items(vm.temp(k));
            let first = a.n - names.len();
            names
                .iter()
                .position(|&s| vm.str_bytes(s) == b"file")
                .map(|i| a.start + first + i)
        })
    };
    if let Some(i) = slot {
        vm.roots().temps[i] = p;
    }
    Ok(p)
}

/// `opener(file, flags)`: the descriptor it returns.
fn call_opener(vm: &mut Vm, a: &Args, m: &Mode) -> PyResult<i32> {
    let flags = Value::from_int(mode_flags(m) as i64).unwrap_or(Value::NONE);
    let opener = arg(vm, a, 7, "opener").unwrap_or(Value::NONE);
    let file = arg(vm, a, 0, "file").unwrap_or(Value::NONE);
    let r = vm.call_value(opener, &[file, flags])?;
    match r.as_int() {
        Some(fd) if fd < 0 => {
            Err(vm.raise_msg(TypeId::ValueError, &format!("opener returned {fd}")))
        }
        Some(fd) => Ok(fd as i32),
        None => Err(vm.type_error("expected integer from opener")),
    }
}

/// `io.open_code(path)`: `open(path, 'rb')`.
pub fn open_code(vm: &mut Vm, a: Args) -> PyResult<Value> {
    crate::runtime::builtins::arity(vm, &a, "open_code", 1, 1)?;
    let mark = vm.temps_len();
    let p = a.get(vm, 0);
    vm.push_temp(p);
    let r = (|| {
        let rb = vm.new_str("rb")?;
        vm.push_temp(rb);
        open(
            vm,
            Args {
                start: mark,
                n: 2,
                kw: None,
            },
        )
    })();
    vm.pop_temps(mark);
    r
}

/// `io.text_encoding(encoding, stacklevel=2)`.
pub fn text_encoding(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if a.npos(vm) == 0 {
        return Err(vm.type_error("text_encoding() missing required argument 'encoding' (pos 1)"));
    }
    let e = a.get(vm, 0);
    if e.is_none() {
        return vm.new_str("locale");
    }
    Ok(e)
}
