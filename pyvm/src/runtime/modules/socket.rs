//! `_socket`: BSD sockets on `libc`.
//!
//! The `socket` type is a small Python class (`py/socket_type.py`, run in
//! the module's namespace at import) holding the descriptor, family, type,
//! protocol and timeout, so `socket.socket` (a subclass with `__slots__`)
//! and any user subclass work as ordinary classes. Its methods call the
//! natives here, which take the descriptor and do one system call each
//! (plus the `poll(2)` wait of a timeout). Addresses are in
//! `socket_addr.rs`, name resolution and the module-level helpers in
//! `socket_names.rs`, constants in `socket_consts.rs`.
//!
//! Timeouts are CPython's: a socket with a timeout is non-blocking at the
//! OS level; each call waits with `poll` until the descriptor is ready
//! (raising `TimeoutError("timed out")` when the time runs out) and retries
//! on `EAGAIN`. Every call that may wait goes through
//! `syscall::retry_eintr`, hence `syscall::blocking` (the place to release
//! a GIL).

use std::time::{Duration, Instant};

use pyvm_objmodel::Value;

use super::socket_addr::{self, SockAddr, c_int};
use super::syscall::{blocking, errno, retry_eintr};
use super::{ModuleRef, NativeModule};
use crate::runtime::builtins::arity;
use crate::runtime::bytes_obj::ViewField;
use crate::runtime::call::Args;
use crate::runtime::exception::PyResult;
use crate::runtime::heap::Vm;
use crate::runtime::layout::Kind;
use crate::runtime::types::TypeId;

const SRC: &str = include_str!("../py/socket_type.py");

/// The `_socket` module.
pub(crate) const MODULE: NativeModule = NativeModule {
    name: "_socket",
    functions: &[
        ("_socket_new", socket_new),
        ("_sock_info", sock_info),
        ("_set_blocking", set_blocking),
        ("_bind", bind),
        ("_listen", listen),
        ("_connect", connect),
        ("_accept", accept),
        ("_recv", recv),
        ("_recv_into", recv_into),
        ("_recvfrom", recvfrom),
        ("_recvfrom_into", recvfrom_into),
        ("_send", send),
        ("_sendall", sendall),
        ("_sendto", sendto),
        ("_shutdown", shutdown),
        ("_setsockopt", setsockopt),
        ("_getsockopt", getsockopt),
        ("_getsockname", getsockname),
        ("_getpeername", getpeername),
        ("_socketpair", socketpair),
        ("close", close),
        ("dup", dup),
        ("getaddrinfo", super::socket_names::getaddrinfo),
        ("getnameinfo", super::socket_names::getnameinfo),
        ("gethostname", super::socket_names::gethostname),
        ("gethostbyname", super::socket_names::gethostbyname),
        ("gethostbyname_ex", super::socket_names::gethostbyname_ex),
        ("gethostbyaddr", super::socket_names::gethostbyaddr),
        ("getservbyname", super::socket_names::getservbyname),
        ("getservbyport", super::socket_names::getservbyport),
        ("getprotobyname", super::socket_names::getprotobyname),
        ("inet_aton", super::socket_names::inet_aton),
        ("inet_ntoa", super::socket_names::inet_ntoa),
        ("inet_pton", super::socket_names::inet_pton),
        ("inet_ntop", super::socket_names::inet_ntop),
        ("htons", super::socket_names::htons),
        ("ntohs", super::socket_names::htons),
        ("htonl", super::socket_names::htonl),
        ("ntohl", super::socket_names::htonl),
        ("if_nameindex", super::socket_names::if_nameindex),
        ("if_nametoindex", super::socket_names::if_nametoindex),
        ("if_indextoname", super::socket_names::if_indextoname),
        ("CMSG_LEN", super::socket_names::cmsg_len),
        ("CMSG_SPACE", super::socket_names::cmsg_space),
    ],
    init: Some(init),
};

fn init(vm: &mut Vm, m: ModuleRef) -> PyResult<()> {
    super::socket_consts::add_constants(vm, m)?;
    m.set(vm, "has_ipv6", Value::TRUE)?;
    m.set(vm, "error", vm.ty(TypeId::OSError))?;
    m.set(vm, "timeout", vm.ty(TypeId::TimeoutError))?;
    super::time_mod::exec_in_module(vm, m, SRC, "<pyvm _socket>")
}

fn int(n: i64) -> Value {
    Value::from_int(n).unwrap_or(Value::NONE)
}

/// Argument `i` as a C int (descriptors, families, flags).
fn arg_int(vm: &mut Vm, a: &Args, i: usize) -> PyResult<i32> {
    let v = a.get(vm, i);
    c_int(vm, v).map(|n| n as i32)
}

/// A timeout argument: None (blocking) or seconds.
fn arg_timeout(vm: &mut Vm, a: &Args, i: usize) -> PyResult<Option<f64>> {
    let v = a.get(vm, i);
    if v.is_none() {
        return Ok(None);
    }
    vm.to_f64(v).map(Some)
}

/// When a call with `timeout` must give up (None: it waits forever, or
/// the socket is non-blocking and the call fails at once).
fn deadline(timeout: Option<f64>) -> Option<Instant> {
    timeout
        .filter(|&t| t > 0.0)
        .map(|t| Instant::now() + Duration::from_secs_f64(t.min(1e9)))
}

fn timed_out(vm: &mut Vm) -> crate::runtime::exception::Raised {
    vm.raise_msg(TypeId::TimeoutError, "timed out")
}

/// Waits until `fd` is ready for `events` or `until` passes; false when
/// the time ran out.
fn wait_ready(vm: &mut Vm, fd: i32, events: i16, until: Instant) -> PyResult<bool> {
    loop {
        let left = until.saturating_duration_since(Instant::now());
        let ms = left.as_nanos().div_ceil(1_000_000).min(i32::MAX as u128) as i32;
        let mut p = libc::pollfd {
            fd,
            events,
            revents: 0,
        };
        let r = blocking(vm, || {
            // SAFETY: polling one pollfd of our own.
            unsafe { libc::poll(&mut p, 1, ms) }
        });
        if r > 0 {
            return Ok(true);
        }
        if r == 0 {
            return Ok(false);
        }
        let e = errno();
        if e != libc::EINTR {
            return Err(vm.raise_os_error(e, None));
        }
        if crate::runtime::sysstate::take_interrupt() {
            vm.handle_interrupt()?;
        }
    }
}

/// CPython's `sock_call`: runs the system call `f` on `fd`, first waiting
/// (for reading, or writing when `write`) until `until` if the socket has
/// a timeout, and again after each `EAGAIN`. `Ok(Err(errno))` on failure.
fn sock_call(
    vm: &mut Vm,
    fd: i32,
    write: bool,
    until: Option<Instant>,
    mut f: impl FnMut() -> i64,
) -> PyResult<Result<i64, i32>> {
    let events = if write { libc::POLLOUT } else { libc::POLLIN };
    loop {
        if let Some(t) = until
            && !wait_ready(vm, fd, events, t)?
        {
            return Err(timed_out(vm));
        }
        match retry_eintr(vm, &mut f)? {
            Err(e) if until.is_some() && (e == libc::EAGAIN || e == libc::EWOULDBLOCK) => continue,
            r => return Ok(r),
        }
    }
}

/// [`sock_call`], raising the OSError of a failure.
fn sock_call_checked(
    vm: &mut Vm,
    fd: i32,
    write: bool,
    until: Option<Instant>,
    f: impl FnMut() -> i64,
) -> PyResult<i64> {
    match sock_call(vm, fd, write, until, f)? {
        Ok(n) => Ok(n),
        Err(e) => Err(vm.raise_os_error(e, None)),
    }
}

/// `_socket_new(family, type, proto)`: a new non-inheritable descriptor.
fn socket_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "socket", 3, 3)?;
    let (fam, ty, proto) = (
        arg_int(vm, &a, 0)?,
        arg_int(vm, &a, 1)?,
        arg_int(vm, &a, 2)?,
    );
    // SAFETY: plain system call.
    let fd = unsafe { libc::socket(fam, ty | libc::SOCK_CLOEXEC, proto) };
    if fd < 0 {
        return Err(vm.raise_os_error(errno(), None));
    }
    Ok(int(fd as i64))
}

fn getsockopt_int(fd: i32, level: i32, opt: i32) -> Result<i32, i32> {
    let mut v: libc::c_int = 0;
    let mut len = std::mem::size_of::<libc::c_int>() as libc::socklen_t;
    // SAFETY: reading an int option into our local.
    let r = unsafe {
        libc::getsockopt(
            fd,
            level,
            opt,
            (&mut v as *mut libc::c_int).cast(),
            &mut len,
        )
    };
    if r < 0 { Err(errno()) } else { Ok(v) }
}

/// `_sock_info(fd)`: `(family, type, proto)` of an existing descriptor.
fn sock_info(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "socket", 1, 1)?;
    let fd = arg_int(vm, &a, 0)?;
    let mut out = [Value::NONE; 3];
    for (slot, opt) in out
        .iter_mut()
        .zip([libc::SO_DOMAIN, libc::SO_TYPE, libc::SO_PROTOCOL])
    {
        match getsockopt_int(fd, libc::SOL_SOCKET, opt) {
            Ok(v) => *slot = int(v as i64),
            Err(e) => return Err(vm.raise_os_error(e, None)),
        }
    }
    vm.new_tuple(&out)
}

/// `_set_blocking(fd, flag)`: clears or sets `O_NONBLOCK`.
fn set_blocking(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "setblocking", 2, 2)?;
    let fd = arg_int(vm, &a, 0)?;
    let v = a.get(vm, 1);
    let block = vm.truthy(v)?;
    super::posix_bytes::set_fd_blocking(fd, block).map_err(|e| vm.raise_os_error(e, None))?;
    Ok(Value::NONE)
}

/// `_bind(fd, family, address)`.
fn bind(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "bind", 3, 3)?;
    let (fd, fam) = (arg_int(vm, &a, 0)?, arg_int(vm, &a, 1)?);
    let v = a.get(vm, 2);
    let addr = socket_addr::parse(vm, fam, v, "bind")?;
    // SAFETY: binding to an address of `len` bytes.
    if unsafe { libc::bind(fd, addr.ptr(), addr.len) } < 0 {
        return Err(vm.raise_os_error(errno(), None));
    }
    Ok(Value::NONE)
}

/// `_listen(fd, backlog)`.
fn listen(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "listen", 2, 2)?;
    let (fd, backlog) = (arg_int(vm, &a, 0)?, arg_int(vm, &a, 1)?);
    // SAFETY: plain system call.
    if unsafe { libc::listen(fd, backlog.max(0)) } < 0 {
        return Err(vm.raise_os_error(errno(), None));
    }
    Ok(Value::NONE)
}

/// `_connect(fd, family, address, timeout, raise)`: 0 or the errno
/// (`connect_ex`), or raises when `raise` is true.
fn connect(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "connect", 5, 5)?;
    let (fd, fam) = (arg_int(vm, &a, 0)?, arg_int(vm, &a, 1)?);
    let raise = {
        let v = a.get(vm, 4);
        vm.truthy(v)?
    };
    let caller = if raise { "connect" } else { "connect_ex" };
    let v = a.get(vm, 2);
    let addr = socket_addr::parse(vm, fam, v, caller)?;
    let timeout = arg_timeout(vm, &a, 3)?;
    // SAFETY: connecting to an address of `len` bytes.
    let call = || unsafe { libc::connect(fd, addr.ptr(), addr.len) as i64 };
    let mut err = match retry_eintr(vm, call)? {
        Ok(_) => 0,
        Err(e) => e,
    };
    if err == libc::EINPROGRESS
        && let Some(until) = deadline(timeout)
    {
        // Wait for the connection, then read its outcome.
        if !wait_ready(vm, fd, libc::POLLOUT, until)? {
            if raise {
                return Err(timed_out(vm));
            }
            return Ok(int(libc::EWOULDBLOCK as i64));
        }
        err = getsockopt_int(fd, libc::SOL_SOCKET, libc::SO_ERROR).unwrap_or_else(|e| e);
    }
    if err != 0 && raise {
        return Err(vm.raise_os_error(err, None));
    }
    Ok(int(err as i64))
}

/// `_accept(fd, family, timeout)`: `(new_fd, address)`.
fn accept(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "_accept", 3, 3)?;
    let fd = arg_int(vm, &a, 0)?;
    let timeout = arg_timeout(vm, &a, 2)?;
    let mut addr = SockAddr::empty();
    let new = sock_call_checked(vm, fd, false, deadline(timeout), || {
        addr.len = std::mem::size_of::<libc::sockaddr_storage>() as libc::socklen_t;
        // SAFETY: accept writes at most `len` bytes of address.
        unsafe { libc::accept4(fd, addr.mut_ptr(), &mut addr.len, libc::SOCK_CLOEXEC) as i64 }
    })?;
    let av = socket_addr::to_value(vm, &addr);
    let av = match av {
        Ok(v) => v,
        Err(e) => {
            // SAFETY: closing the descriptor we just received.
            unsafe { libc::close(new as i32) };
            return Err(e);
        }
    };
    vm.new_tuple(&[int(new), av])
}

/// A non-negative buffer size, or CPython's "negative buffersize" error.
fn bufsize(vm: &mut Vm, a: &Args, i: usize, what: &str) -> PyResult<usize> {
    let v = a.get(vm, i);
    let n = match v.as_int().or_else(|| vm.index_value(v)) {
        Some(n) => n,
        None => {
            let t = vm.type_name(v);
            return Err(vm.type_error(&format!("'{t}' object cannot be interpreted as an integer")));
        }
    };
    if n < 0 {
        return Err(vm.raise_msg(
            TypeId::ValueError,
            &format!("negative buffersize in {what}"),
        ));
    }
    Ok(n as usize)
}

/// Receives at most `n` bytes (with the peer's address when `from`).
fn recv_bytes(
    vm: &mut Vm,
    fd: i32,
    n: usize,
    flags: i32,
    timeout: Option<f64>,
    from: Option<&mut SockAddr>,
) -> PyResult<Vec<u8>> {
    let mut buf = vec![0u8; n];
    let got = match from {
        None => sock_call_checked(vm, fd, false, deadline(timeout), || {
            // SAFETY: receiving into our own buffer of `n` bytes.
            unsafe { libc::recv(fd, buf.as_mut_ptr().cast(), n, flags) as i64 }
        })?,
        Some(addr) => sock_call_checked(vm, fd, false, deadline(timeout), || {
            addr.len = std::mem::size_of::<libc::sockaddr_storage>() as libc::socklen_t;
            // SAFETY: receiving into our own buffer and address storage.
            unsafe {
                libc::recvfrom(
                    fd,
                    buf.as_mut_ptr().cast(),
                    n,
                    flags,
                    addr.mut_ptr(),
                    &mut addr.len,
                ) as i64
            }
        })?,
    };
    buf.truncate(got as usize);
    Ok(buf)
}

/// `_recv(fd, bufsize, flags, timeout)`.
fn recv(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "recv", 4, 4)?;
    let fd = arg_int(vm, &a, 0)?;
    let n = bufsize(vm, &a, 1, "recv")?;
    let flags = arg_int(vm, &a, 2)?;
    let timeout = arg_timeout(vm, &a, 3)?;
    let data = recv_bytes(vm, fd, n, flags, timeout, None)?;
    vm.new_bytes(&data)
}

/// `_recvfrom(fd, family, bufsize, flags, timeout)`: `(data, address)`.
fn recvfrom(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "recvfrom", 5, 5)?;
    let fd = arg_int(vm, &a, 0)?;
    let n = bufsize(vm, &a, 2, "recvfrom")?;
    let flags = arg_int(vm, &a, 3)?;
    let timeout = arg_timeout(vm, &a, 4)?;
    let mut addr = SockAddr::empty();
    let data = recv_bytes(vm, fd, n, flags, timeout, Some(&mut addr))?;
    let b = vm.new_bytes(&data)?;
    let bi = vm.push_temp(b);
    let r = socket_addr::to_value(vm, &addr).and_then(|av| vm.new_tuple(&[vm.temp(bi), av]));
    vm.pop_temps(bi);
    r
}

/// The writable bytes of `b` (a bytearray or a memoryview of one):
/// `(bytearray, start, len, step)`.
fn writable(vm: &mut Vm, b: Value, what: &str) -> PyResult<(Value, i64, i64, i64)> {
    let target = match vm.kind_of(b) {
        Some(Kind::ByteArray) => Some((b, 0, vm.bytearray_vec(b).len() as i64, 1)),
        Some(Kind::MemoryView) => {
            vm.view_check(b)?;
            let obj = vm.field(b, ViewField::Obj as usize);
            let (start, len, step) = vm.view_range(b);
            (vm.kind_of(obj) == Some(Kind::ByteArray)).then_some((obj, start, len, step))
        }
        _ => None,
    };
    match target {
        Some(t) => Ok(t),
        None => {
            let t = vm.type_name(b);
            Err(vm.type_error(&format!(
                "{what}() argument 1 must be read-write bytes-like object, not {t}"
            )))
        }
    }
}

/// Receives into a writable buffer (`recv_into`, `recvfrom_into`):
/// returns the count (and fills `from`).
fn recv_into_common(
    vm: &mut Vm,
    a: &Args,
    first: usize,
    what: &str,
    from: Option<&mut SockAddr>,
) -> PyResult<usize> {
    let fd = arg_int(vm, a, 0)?;
    let b = a.get(vm, first);
    let (_, _, len, _) = writable(vm, b, what)?;
    let nv = a.get(vm, first + 1);
    let mut n = match nv.as_int().or_else(|| vm.index_value(nv)) {
        Some(n) => n,
        None => {
            let t = vm.type_name(nv);
            return Err(vm.type_error(&format!("'{t}' object cannot be interpreted as an integer")));
        }
    };
    if n < 0 {
        return Err(vm.raise_msg(
            TypeId::ValueError,
            &format!("negative buffersize in {what}"),
        ));
    }
    if n == 0 {
        n = len;
    } else if n > len {
        let msg = if what == "recv_into" {
            "buffer too small for requested bytes"
        } else {
            "nbytes is greater than the length of the buffer"
        };
        return Err(vm.raise_msg(TypeId::ValueError, msg));
    }
    let flags = arg_int(vm, a, first + 2)?;
    let timeout = arg_timeout(vm, a, first + 3)?;
    let data = recv_bytes(vm, fd, n as usize, flags, timeout, from)?;
    let b = a.get(vm, first);
    let (obj, start, _, step) = writable(vm, b, what)?;
    let v = vm.bytearray_vec(obj);
    for (i, &byte) in data.iter().enumerate() {
        if let Some(slot) = v.get_mut((start + step * i as i64) as usize) {
            *slot = byte;
        }
    }
    Ok(data.len())
}

/// `_recv_into(fd, buffer, nbytes, flags, timeout)`.
fn recv_into(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "recv_into", 5, 5)?;
    let n = recv_into_common(vm, &a, 1, "recv_into", None)?;
    Ok(int(n as i64))
}

/// `_recvfrom_into(fd, family, buffer, nbytes, flags, timeout)`.
fn recvfrom_into(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "recvfrom_into", 6, 6)?;
    let mut addr = SockAddr::empty();
    let n = recv_into_common(vm, &a, 2, "recvfrom_into", Some(&mut addr))?;
    let av = socket_addr::to_value(vm, &addr)?;
    vm.new_tuple(&[int(n as i64), av])
}

/// The bytes of a data argument (any bytes-like object).
fn data_arg(vm: &mut Vm, a: &Args, i: usize) -> PyResult<Vec<u8>> {
    let d = a.get(vm, i);
    match vm.buffer_copy(d)? {
        Some(b) => Ok(b),
        None => {
            let t = vm.type_name(d);
            Err(vm.type_error(&format!("a bytes-like object is required, not '{t}'")))
        }
    }
}

/// `_send(fd, data, flags, timeout)`: the number of bytes sent.
fn send(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "send", 4, 4)?;
    let fd = arg_int(vm, &a, 0)?;
    let data = data_arg(vm, &a, 1)?;
    let flags = arg_int(vm, &a, 2)?;
    let timeout = arg_timeout(vm, &a, 3)?;
    let n = sock_call_checked(vm, fd, true, deadline(timeout), || {
        // SAFETY: sending from our own buffer.
        unsafe {
            libc::send(
                fd,
                data.as_ptr().cast(),
                data.len(),
                flags | libc::MSG_NOSIGNAL,
            ) as i64
        }
    })?;
    Ok(int(n))
}

/// `_sendall(fd, data, flags, timeout)`: sends everything (the timeout
/// bounds the whole call, as in CPython).
fn sendall(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "sendall", 4, 4)?;
    let fd = arg_int(vm, &a, 0)?;
    let data = data_arg(vm, &a, 1)?;
    let flags = arg_int(vm, &a, 2)?;
    let timeout = arg_timeout(vm, &a, 3)?;
    let until = deadline(timeout);
    let mut sent = 0;
    while sent < data.len() {
        let rest = &data[sent..];
        let n = sock_call_checked(vm, fd, true, until, || {
            // SAFETY: sending from our own buffer.
            unsafe {
                libc::send(
                    fd,
                    rest.as_ptr().cast(),
                    rest.len(),
                    flags | libc::MSG_NOSIGNAL,
                ) as i64
            }
        })?;
        sent += n as usize;
        if crate::runtime::sysstate::take_interrupt() {
            vm.handle_interrupt()?;
        }
    }
    Ok(Value::NONE)
}

/// `_sendto(fd, family, data, flags, address, timeout)`.
fn sendto(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "sendto", 6, 6)?;
    let (fd, fam) = (arg_int(vm, &a, 0)?, arg_int(vm, &a, 1)?);
    let data = data_arg(vm, &a, 2)?;
    let flags = arg_int(vm, &a, 3)?;
    let av = a.get(vm, 4);
    let addr = socket_addr::parse(vm, fam, av, "sendto")?;
    let timeout = arg_timeout(vm, &a, 5)?;
    let n = sock_call_checked(vm, fd, true, deadline(timeout), || {
        // SAFETY: sending our own buffer to an address of `len` bytes.
        unsafe {
            libc::sendto(
                fd,
                data.as_ptr().cast(),
                data.len(),
                flags | libc::MSG_NOSIGNAL,
                addr.ptr(),
                addr.len,
            ) as i64
        }
    })?;
    Ok(int(n))
}

/// `_shutdown(fd, how)`.
fn shutdown(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "shutdown", 2, 2)?;
    let (fd, how) = (arg_int(vm, &a, 0)?, arg_int(vm, &a, 1)?);
    // SAFETY: plain system call.
    if unsafe { libc::shutdown(fd, how) } < 0 {
        return Err(vm.raise_os_error(errno(), None));
    }
    Ok(Value::NONE)
}

/// `_setsockopt(fd, level, option, value, optlen)`: an int, a bytes-like
/// value, or None with `optlen`.
fn setsockopt(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "setsockopt", 5, 5)?;
    let (fd, level, opt) = (
        arg_int(vm, &a, 0)?,
        arg_int(vm, &a, 1)?,
        arg_int(vm, &a, 2)?,
    );
    let v = a.get(vm, 3);
    let r = if v.is_none() {
        let len = arg_int(vm, &a, 4)?;
        // SAFETY: a NULL value with a length, as CPython passes it.
        unsafe { libc::setsockopt(fd, level, opt, std::ptr::null(), len as libc::socklen_t) }
    } else if v.as_int().is_some() || v.as_bool().is_some() || vm.index_value(v).is_some() {
        let n = c_int(vm, v)? as libc::c_int;
        // SAFETY: passing our local int.
        unsafe {
            libc::setsockopt(
                fd,
                level,
                opt,
                (&n as *const libc::c_int).cast(),
                std::mem::size_of::<libc::c_int>() as libc::socklen_t,
            )
        }
    } else {
        let data = data_arg(vm, &a, 3)?;
        // SAFETY: passing our own buffer.
        unsafe {
            libc::setsockopt(
                fd,
                level,
                opt,
                data.as_ptr().cast(),
                data.len() as libc::socklen_t,
            )
        }
    };
    if r < 0 {
        return Err(vm.raise_os_error(errno(), None));
    }
    Ok(Value::NONE)
}

/// `_getsockopt(fd, level, option, buflen)`: an int (`buflen` None) or
/// up to `buflen` bytes.
fn getsockopt(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "getsockopt", 4, 4)?;
    let (fd, level, opt) = (
        arg_int(vm, &a, 0)?,
        arg_int(vm, &a, 1)?,
        arg_int(vm, &a, 2)?,
    );
    let bl = a.get(vm, 3);
    if bl.is_none() {
        return match getsockopt_int(fd, level, opt) {
            Ok(v) => Ok(int(v as i64)),
            Err(e) => Err(vm.raise_os_error(e, None)),
        };
    }
    let n = c_int(vm, bl)?;
    if !(1..=1024).contains(&n) {
        return Err(vm.raise_os_error_msg(0, "getsockopt buflen out of range", None));
    }
    let mut buf = vec![0u8; n as usize];
    let mut len = n as libc::socklen_t;
    // SAFETY: reading at most `len` bytes into our buffer.
    let r = unsafe { libc::getsockopt(fd, level, opt, buf.as_mut_ptr().cast(), &mut len) };
    if r < 0 {
        return Err(vm.raise_os_error(errno(), None));
    }
    buf.truncate(len as usize);
    vm.new_bytes(&buf)
}

fn name_of(vm: &mut Vm, a: Args, peer: bool) -> PyResult<Value> {
    arity(
        vm,
        &a,
        if peer { "getpeername" } else { "getsockname" },
        2,
        2,
    )?;
    let fd = arg_int(vm, &a, 0)?;
    let mut addr = SockAddr::empty();
    // SAFETY: the call writes at most `len` bytes of address.
    let r = unsafe {
        if peer {
            libc::getpeername(fd, addr.mut_ptr(), &mut addr.len)
        } else {
            libc::getsockname(fd, addr.mut_ptr(), &mut addr.len)
        }
    };
    if r < 0 {
        return Err(vm.raise_os_error(errno(), None));
    }
    socket_addr::to_value(vm, &addr)
}

/// `_getsockname(fd, family)`.
fn getsockname(vm: &mut Vm, a: Args) -> PyResult<Value> {
    name_of(vm, a, false)
}

/// `_getpeername(fd, family)`.
fn getpeername(vm: &mut Vm, a: Args) -> PyResult<Value> {
    name_of(vm, a, true)
}

/// `_socketpair(family, type, proto)`: two connected descriptors.
fn socketpair(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "socketpair", 3, 3)?;
    let (fam, ty, proto) = (
        arg_int(vm, &a, 0)?,
        arg_int(vm, &a, 1)?,
        arg_int(vm, &a, 2)?,
    );
    let mut fds = [0 as libc::c_int; 2];
    // SAFETY: socketpair writes two descriptors into our array.
    if unsafe { libc::socketpair(fam, ty | libc::SOCK_CLOEXEC, proto, fds.as_mut_ptr()) } < 0 {
        return Err(vm.raise_os_error(errno(), None));
    }
    vm.new_tuple(&[int(fds[0] as i64), int(fds[1] as i64)])
}

/// `close(fd)`: closes a socket descriptor (ECONNRESET is ignored, as in
/// CPython).
fn close(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "close", 1, 1)?;
    let fd = arg_int(vm, &a, 0)?;
    // SAFETY: closing a descriptor number the caller owns.
    if unsafe { libc::close(fd) } < 0 {
        let e = errno();
        if e != libc::ECONNRESET {
            return Err(vm.raise_os_error(e, None));
        }
    }
    Ok(Value::NONE)
}

/// `dup(fd)`: a non-inheritable duplicate.
fn dup(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "dup", 1, 1)?;
    let fd = arg_int(vm, &a, 0)?;
    // SAFETY: plain system call.
    let n = unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) };
    if n < 0 {
        return Err(vm.raise_os_error(errno(), None));
    }
    Ok(int(n as i64))
}
