//! The `posix` calls on bytes and raw descriptors: `read`, `write`,
//! `urandom`, `pipe`, `dup`, `dup2`, `get_blocking`, `set_blocking`,
//! `getcwdb`, and bytes paths (decoded as UTF-8 for the calls that take
//! text paths).

use pyvm_objmodel::Value;

use crate::runtime::builtins::arity;
use crate::runtime::call::Args;
use crate::runtime::exception::PyResult;
use crate::runtime::heap::Vm;
use crate::runtime::types::TypeId;

fn int(n: i64) -> Value {
    Value::from_int(n).unwrap_or(Value::NONE)
}

fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

/// A bytes path as text (invalid UTF-8 is replaced), with CPython's
/// embedded-NUL error.
pub fn bytes_path(vm: &mut Vm, v: Value, fname: &str) -> PyResult<String> {
    let b = vm.bytes_data(v);
    if b.contains(&0) {
        return Err(vm.raise_msg(
            TypeId::ValueError,
            &format!("{fname}: embedded null character in path"),
        ));
    }
    Ok(String::from_utf8_lossy(b).into_owned())
}

/// An int argument (bools count), else CPython's TypeError.
fn int_arg(vm: &mut Vm, a: &Args, i: usize) -> PyResult<i64> {
    let v = a.get(vm, i);
    match v.as_int().or_else(|| v.as_bool().map(i64::from)) {
        Some(n) => Ok(n),
        None => {
            let t = vm.type_name(v);
            Err(vm.type_error(&format!("'{t}' object cannot be interpreted as an integer")))
        }
    }
}

use super::posix_sys::fd_arg;

/// `os.read(fd, n)`: at most `n` bytes (empty at end of file).
pub fn read(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "read", 2, 2)?;
    let fd = fd_arg(vm, &a, 0)?;
    let n = int_arg(vm, &a, 1)?;
    if n < 0 {
        return Err(vm.raise_os_error(libc::EINVAL, None));
    }
    let mut buf = vec![0u8; n as usize];
    let got = super::syscall::checked(vm, || {
        // SAFETY: reading into our own buffer of `n` bytes.
        unsafe { libc::read(fd, buf.as_mut_ptr().cast(), buf.len()) as i64 }
    })?;
    buf.truncate(got as usize);
    vm.new_bytes(&buf)
}

/// `os.write(fd, data)`: the number of bytes written.
pub fn write(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "write", 2, 2)?;
    let fd = fd_arg(vm, &a, 0)?;
    let d = a.get(vm, 1);
    let Some(data) = vm.buffer_copy(d)? else {
        let t = vm.type_name(d);
        return Err(vm.type_error(&format!("a bytes-like object is required, not '{t}'")));
    };
    if fd == 1 || fd == 2 {
        // Text print()ed so far comes first.
        vm.flush_out();
    }
    let n = super::syscall::checked(vm, || {
        // SAFETY: writing from our own buffer.
        unsafe { libc::write(fd, data.as_ptr().cast(), data.len()) as i64 }
    })?;
    Ok(int(n))
}

/// `os.urandom(n)`: `n` bytes from the OS's random source.
pub fn urandom(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "urandom", 1, 1)?;
    let n = int_arg(vm, &a, 0)?;
    if n < 0 {
        return Err(vm.raise_msg(TypeId::ValueError, "negative argument not allowed"));
    }
    let mut buf = vec![0u8; n as usize];
    let mut filled = 0;
    while filled < buf.len() {
        let got = super::syscall::checked(vm, || {
            // SAFETY: filling the tail of our own buffer.
            unsafe {
                libc::getrandom(buf[filled..].as_mut_ptr().cast(), buf.len() - filled, 0) as i64
            }
        })?;
        filled += got as usize;
    }
    vm.new_bytes(&buf)
}

/// `os.pipe()`: `(read_fd, write_fd)`, both non-inheritable.
pub fn pipe(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "pipe", 0, 0)?;
    let mut fds = [0i32; 2];
    // SAFETY: pipe2 fills the two-element array.
    if unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) } != 0 {
        return Err(vm.raise_os_error(errno(), None));
    }
    vm.new_tuple(&[int(fds[0] as i64), int(fds[1] as i64)])
}

/// `os.dup(fd)`: a new non-inheritable descriptor for the same file.
pub fn dup(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "dup", 1, 1)?;
    let fd = fd_arg(vm, &a, 0)?;
    // SAFETY: fcntl(F_DUPFD_CLOEXEC) on a descriptor number.
    let r = unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) };
    if r < 0 {
        return Err(vm.raise_os_error(errno(), None));
    }
    Ok(int(r as i64))
}

/// `os.dup2(fd, fd2, inheritable=True)`: returns `fd2`.
pub fn dup2(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = a.npos(vm);
    if !(2..=3).contains(&n) {
        arity(vm, &a, "dup2", 2, 3)?;
    }
    let fd = fd_arg(vm, &a, 0)?;
    let fd2 = fd_arg(vm, &a, 1)?;
    let inheritable = match (n > 2)
        .then(|| a.get(vm, 2))
        .or_else(|| a.kwarg(vm, "inheritable"))
    {
        Some(v) => vm.truthy(v)?,
        None => true,
    };
    if fd2 == 1 || fd2 == 2 {
        vm.flush_out();
    }
    // SAFETY: dup2/dup3 on descriptor numbers.
    let r = unsafe {
        if inheritable || fd == fd2 {
            libc::dup2(fd, fd2)
        } else {
            libc::dup3(fd, fd2, libc::O_CLOEXEC)
        }
    };
    if r < 0 {
        return Err(vm.raise_os_error(errno(), None));
    }
    Ok(int(r as i64))
}

/// `os.get_blocking(fd)`.
pub fn get_blocking(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "get_blocking", 1, 1)?;
    let fd = fd_arg(vm, &a, 0)?;
    // SAFETY: fcntl(F_GETFL) on a descriptor number.
    let fl = unsafe { libc::fcntl(fd, libc::F_GETFL) };
    if fl < 0 {
        return Err(vm.raise_os_error(errno(), None));
    }
    Ok(Value::from_bool(fl & libc::O_NONBLOCK == 0))
}

/// `os.set_blocking(fd, blocking)`.
pub fn set_blocking(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "set_blocking", 2, 2)?;
    let fd = fd_arg(vm, &a, 0)?;
    let blocking = vm.truthy(a.get(vm, 1))?;
    set_fd_blocking(fd, blocking).map_err(|e| vm.raise_os_error(e, None))?;
    Ok(Value::NONE)
}

/// Clears (`blocking`) or sets `O_NONBLOCK` on `fd`; the errno on failure.
/// Shared by `os.set_blocking` and `socket.setblocking`.
pub(crate) fn set_fd_blocking(fd: i32, blocking: bool) -> Result<(), i32> {
    // SAFETY: fcntl(F_GETFL/F_SETFL) on a descriptor number.
    let r = unsafe {
        let fl = libc::fcntl(fd, libc::F_GETFL);
        if fl < 0 {
            fl
        } else if blocking {
            libc::fcntl(fd, libc::F_SETFL, fl & !libc::O_NONBLOCK)
        } else {
            libc::fcntl(fd, libc::F_SETFL, fl | libc::O_NONBLOCK)
        }
    };
    if r < 0 { Err(errno()) } else { Ok(()) }
}

/// `os.getcwdb()`: the current directory as bytes.
pub fn getcwdb(vm: &mut Vm, a: Args) -> PyResult<Value> {
    use std::os::unix::ffi::OsStrExt;
    arity(vm, &a, "getcwdb", 0, 0)?;
    match std::env::current_dir() {
        Ok(p) => vm.new_bytes(p.as_os_str().as_bytes()),
        Err(e) => Err(vm.raise_io_error(&e, None)),
    }
}
