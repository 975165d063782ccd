//! `fcntl`: `fcntl`, `flock`, `lockf` and `ioctl` on descriptors (or
//! objects with `fileno()`), with the Linux constants.

use pyvm_objmodel::Value;

use super::{ModuleRef, NativeModule};
use crate::runtime::call::{Args, NativeFn};
use crate::runtime::exception::PyResult;
use crate::runtime::heap::Vm;
use crate::runtime::layout::Kind;
use crate::runtime::modules::io::call_method;

/// The `fcntl` module.
pub(crate) const MODULE: NativeModule = NativeModule {
    name: "fcntl",
    functions: FUNCTIONS,
    init: Some(init),
};

const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("fcntl", fcntl),
    ("ioctl", ioctl),
    ("flock", flock),
    ("lockf", lockf),
];

const CONSTANTS: &[(&str, i32)] = &[
    ("FD_CLOEXEC", libc::FD_CLOEXEC),
    ("F_DUPFD", libc::F_DUPFD),
    ("F_DUPFD_CLOEXEC", libc::F_DUPFD_CLOEXEC),
    ("F_GETFD", libc::F_GETFD),
    ("F_SETFD", libc::F_SETFD),
    ("F_GETFL", libc::F_GETFL),
    ("F_SETFL", libc::F_SETFL),
    ("F_GETLK", libc::F_GETLK),
    ("F_SETLK", libc::F_SETLK),
    ("F_SETLKW", libc::F_SETLKW),
    ("F_GETOWN", libc::F_GETOWN),
    ("F_SETOWN", libc::F_SETOWN),
    ("F_GETLEASE", libc::F_GETLEASE),
    ("F_SETLEASE", libc::F_SETLEASE),
    ("F_NOTIFY", libc::F_NOTIFY),
    ("F_GETPIPE_SZ", libc::F_GETPIPE_SZ),
    ("F_SETPIPE_SZ", libc::F_SETPIPE_SZ),
    ("F_OFD_GETLK", libc::F_OFD_GETLK),
    ("F_OFD_SETLK", libc::F_OFD_SETLK),
    ("F_OFD_SETLKW", libc::F_OFD_SETLKW),
    ("F_ADD_SEALS", libc::F_ADD_SEALS),
    ("F_GET_SEALS", libc::F_GET_SEALS),
    ("F_SEAL_SEAL", libc::F_SEAL_SEAL),
    ("F_SEAL_SHRINK", libc::F_SEAL_SHRINK),
    ("F_SEAL_GROW", libc::F_SEAL_GROW),
    ("F_SEAL_WRITE", libc::F_SEAL_WRITE),
    ("F_RDLCK", libc::F_RDLCK),
    ("F_WRLCK", libc::F_WRLCK),
    ("F_UNLCK", libc::F_UNLCK),
    ("FASYNC", libc::O_ASYNC),
    ("LOCK_SH", libc::LOCK_SH),
    ("LOCK_EX", libc::LOCK_EX),
    ("LOCK_NB", libc::LOCK_NB),
    ("LOCK_UN", libc::LOCK_UN),
];

fn init(vm: &mut Vm, m: ModuleRef) -> PyResult<()> {
    for &(name, v) in CONSTANTS {
        m.set(vm, name, int(v as i64))?;
    }
    Ok(())
}

fn int(n: i64) -> Value {
    Value::from_int(n).unwrap_or(Value::NONE)
}

fn nargs(vm: &mut Vm, a: &Args, name: &str, min: usize, max: usize) -> PyResult<usize> {
    let n = a.npos(vm);
    if a.nkw(vm) != 0 {
        return Err(vm.type_error(&format!("{name}() takes no keyword arguments")));
    }
    if n < min {
        return Err(vm.type_error(&format!(
            "{name} expected at least {min} arguments, got {n}"
        )));
    }
    if n > max {
        return Err(vm.type_error(&format!("{name} expected at most {max} arguments, got {n}")));
    }
    Ok(n)
}

/// A descriptor: an int or an object whose `fileno()` gives one.
fn fd_of(vm: &mut Vm, v: Value) -> PyResult<i32> {
    let n = match v.as_int() {
        Some(n) => n,
        None => {
            let r = call_method(vm, v, "fileno", &[]).map_err(|_| {
                vm.type_error("argument must be an int, or have a fileno() method.")
            })?;
            r.as_int()
                .ok_or_else(|| vm.type_error("fileno() returned a non-integer"))?
        }
    };
    if n < 0 {
        return Err(vm.raise_msg(
            crate::runtime::types::TypeId::ValueError,
            &format!("file descriptor cannot be a negative integer ({n})"),
        ));
    }
    Ok(n as i32)
}

fn int_at(vm: &mut Vm, a: &Args, i: usize) -> PyResult<i64> {
    let v = a.get(vm, i);
    match v.as_int().or_else(|| v.as_bool().map(i64::from)) {
        Some(n) => Ok(n),
        None => vm.index_isize(v),
    }
}

/// Retries a call interrupted by a signal (a pending Ctrl-C raises).
fn retry(vm: &mut Vm, f: impl FnMut() -> libc::c_long) -> PyResult<libc::c_long> {
    super::syscall::checked(vm, f)
}

/// `fcntl(fd, cmd, arg=0)`: an int argument gives the int result; a
/// bytes/str argument is copied into a buffer and the buffer is returned.
fn fcntl(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = nargs(vm, &a, "fcntl", 2, 3)?;
    let fd = fd_of(vm, a.get(vm, 0))?;
    let cmd = int_at(vm, &a, 1)? as i32;
    let arg = if n == 3 { a.get(vm, 2) } else { int(0) };
    if matches!(vm.kind_of(arg), Some(Kind::Bytes | Kind::ByteArray)) || vm.is_str(arg) {
        let mut buf = if vm.is_str(arg) {
            vm.str_text(arg).as_bytes().to_vec()
        } else {
            vm.bytes_data(arg).to_vec()
        };
        if buf.len() > 1024 {
            return Err(vm.raise_msg(
                crate::runtime::types::TypeId::ValueError,
                "fcntl argument 3 is too long",
            ));
        }
        let len = buf.len();
        buf.resize(1024, 0);
        // SAFETY: the kernel reads and writes at most the 1024-byte buffer
        // the command's structure fits in.
        retry(vm, || unsafe {
            libc::fcntl(fd, cmd, buf.as_mut_ptr()) as libc::c_long
        })?;
        buf.truncate(len);
        return vm.new_bytes(&buf);
    }
    let v = if n == 3 {
        match arg.as_int() {
            Some(v) => v,
            None => int_at(vm, &a, 2)?,
        }
    } else {
        0
    };
    // SAFETY: fcntl with an integer argument.
    let r = retry(vm, || unsafe {
        libc::fcntl(fd, cmd, v as libc::c_long) as libc::c_long
    })?;
    Ok(int(r as i64))
}

/// `ioctl(fd, request, arg=0, mutate_flag=True)`: int and buffer forms
/// as `fcntl`.
fn ioctl(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = nargs(vm, &a, "ioctl", 2, 4)?;
    let fd = fd_of(vm, a.get(vm, 0))?;
    let req = int_at(vm, &a, 1)? as libc::c_ulong;
    let arg = if n >= 3 { a.get(vm, 2) } else { int(0) };
    if matches!(vm.kind_of(arg), Some(Kind::Bytes | Kind::ByteArray)) {
        let mutable = vm.kind_of(arg) == Some(Kind::ByteArray);
        let mut buf = vm.bytes_data(arg).to_vec();
        let len = buf.len();
        buf.resize(len.max(1024), 0);
        // SAFETY: the kernel reads and writes at most the buffer, which is
        // at least 1024 bytes.
        let r = retry(vm, || unsafe {
            libc::ioctl(fd, req as _, buf.as_mut_ptr()) as libc::c_long
        })?;
        buf.truncate(len);
        if mutable {
            let arg = a.get(vm, 2);
            let dst = vm.bytearray_vec(arg);
            dst.clear();
            dst.extend_from_slice(&buf);
            return Ok(int(r as i64));
        }
        return vm.new_bytes(&buf);
    }
    let v = if n >= 3 { int_at(vm, &a, 2)? } else { 0 };
    // SAFETY: ioctl with an integer argument.
    let r = retry(vm, || unsafe {
        libc::ioctl(fd, req as _, v as libc::c_long) as libc::c_long
    })?;
    Ok(int(r as i64))
}

/// `flock(fd, operation)`.
fn flock(vm: &mut Vm, a: Args) -> PyResult<Value> {
    nargs(vm, &a, "flock", 2, 2)?;
    let fd = fd_of(vm, a.get(vm, 0))?;
    let op = int_at(vm, &a, 1)? as i32;
    // SAFETY: flock on a descriptor number.
    retry(vm, || unsafe { libc::flock(fd, op) as libc::c_long })?;
    Ok(Value::NONE)
}

/// `lockf(fd, cmd, len=0, start=0, whence=0)`: `LOCK_*` commands mapped
/// onto `fcntl` record locks, as CPython does.
fn lockf(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = nargs(vm, &a, "lockf", 2, 5)?;
    let fd = fd_of(vm, a.get(vm, 0))?;
    let code = int_at(vm, &a, 1)? as i32;
    let len = if n > 2 { int_at(vm, &a, 2)? } else { 0 };
    let start = if n > 3 { int_at(vm, &a, 3)? } else { 0 };
    let whence = if n > 4 { int_at(vm, &a, 4)? } else { 0 };
    let kind = if code & libc::LOCK_UN != 0 {
        libc::F_UNLCK
    } else if code & libc::LOCK_SH != 0 {
        libc::F_RDLCK
    } else if code & libc::LOCK_EX != 0 {
        libc::F_WRLCK
    } else {
        return Err(vm.raise_msg(
            crate::runtime::types::TypeId::ValueError,
            "unrecognized lockf argument",
        ));
    };
    // SAFETY: a zeroed flock is a valid value of the C struct.
    let mut l: libc::flock = unsafe { std::mem::zeroed() };
    l.l_type = kind as _;
    l.l_whence = whence as _;
    l.l_start = start as _;
    l.l_len = len as _;
    let cmd = if code & libc::LOCK_NB != 0 {
        libc::F_SETLK
    } else {
        libc::F_SETLKW
    };
    // SAFETY: fcntl reads our flock struct.
    retry(vm, || unsafe { libc::fcntl(fd, cmd, &l) as libc::c_long })?;
    Ok(Value::NONE)
}
