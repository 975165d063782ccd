//! The `posix` calls about the system and descriptors that `shutil`,
//! `tempfile`, `pty`, `platform` and friends need: `sysconf`/`pathconf`/
//! `confstr` (with their name tables), `statvfs`, `openpty`/`login_tty`,
//! `wait3`/`wait4`, `sendfile`, `pread`/`pwrite`/`readv`/`writev`,
//! priorities and affinity, `lockf`/`posix_fadvise`/`posix_fallocate`,
//! inheritable flags and process ids. Natives take positional arguments;
//! `py/posix_extra.py` (run in the module) adds the keyword forms,
//! `forkpty`, and builds the result objects.

use std::ffi::CString;

use pyvm_objmodel::Value;

use super::ModuleRef;
use crate::runtime::builtins::arity;
use crate::runtime::call::Args;
use crate::runtime::exception::PyResult;
use crate::runtime::heap::Vm;
use crate::runtime::types::TypeId;

const SRC: &str = include_str!("../py/posix_extra.py");

fn int(n: i64) -> Value {
    Value::from_int(n).unwrap_or(Value::NONE)
}

fn errno() -> i32 {
    super::syscall::errno()
}

fn iarg(vm: &mut Vm, a: &Args, i: usize) -> PyResult<i64> {
    let v = a.get(vm, i);
    match v.as_int().or_else(|| v.as_bool().map(i64::from)) {
        Some(n) => Ok(n),
        None => vm.index_isize(v),
    }
}

/// A file descriptor argument (an int or `__index__`), with CPython's
/// OverflowError outside the C int range (either sign).
pub(super) fn fd_arg(vm: &mut Vm, a: &Args, i: usize) -> PyResult<i32> {
    let n = iarg(vm, a, i)?;
    i32::try_from(n).map_err(|_| {
        vm.raise_msg(
            TypeId::OverflowError,
            "Python int too large to convert to C int",
        )
    })
}

fn os_err(vm: &mut Vm) -> crate::runtime::exception::Raised {
    let e = errno();
    vm.raise_os_error(e, None)
}

fn check(vm: &mut Vm, r: i64) -> PyResult<i64> {
    if r < 0 { Err(os_err(vm)) } else { Ok(r) }
}

/// Adds the constants, name tables and the Python layer to `posix`.
pub(super) fn init(vm: &mut Vm, m: ModuleRef) -> PyResult<()> {
    for &(n, v) in CONSTANTS {
        m.set(vm, n, int(v))?;
    }
    for (attr, table) in [
        ("sysconf_names", SYSCONF_NAMES),
        ("pathconf_names", PATHCONF_NAMES),
        ("confstr_names", CONFSTR_NAMES),
    ] {
        let d = vm.new_dict()?;
        let di = vm.push_temp(d);
        for &(k, v) in table {
            vm.dict_set_str(vm.temp(di), k, int(v as i64))?;
        }
        let d = vm.temp(di);
        vm.pop_temps(di);
        m.set(vm, attr, d)?;
    }
    super::structseq::define(
        vm,
        m,
        &[super::structseq::StructSeq {
            attr: "statvfs_result",
            qualname: "os.statvfs_result",
            fields: &[
                Some("f_bsize"),
                Some("f_frsize"),
                Some("f_blocks"),
                Some("f_bfree"),
                Some("f_bavail"),
                Some("f_files"),
                Some("f_ffree"),
                Some("f_favail"),
                Some("f_flag"),
                Some("f_namemax"),
                Some("f_fsid"),
            ],
            n_sequence: 10,
        }],
    )?;
    m.set(vm, "error", vm.ty(TypeId::OSError))?;
    super::time_mod::exec_in_module(vm, m, SRC, "<posix extra>")
}

/// A configuration name: an int, or a key of the module's table.
fn conf_name(vm: &mut Vm, v: Value, table: &[(&str, i32)]) -> PyResult<i32> {
    if let Some(n) = v.as_int() {
        return i32::try_from(n).map_err(|_| {
            vm.raise_msg(
                TypeId::OverflowError,
                "Python int too large to convert to C int",
            )
        });
    }
    if vm.is_str(v) {
        let s = vm.str_text(v).into_owned();
        return table
            .iter()
            .find(|e| e.0 == s)
            .map(|e| e.1)
            .ok_or_else(|| vm.raise_msg(TypeId::ValueError, "unrecognized configuration name"));
    }
    Err(vm.type_error("configuration names must be strings or integers"))
}

/// `sysconf(name)`.
pub(super) fn sysconf(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "sysconf", 1, 1)?;
    let name = conf_name(vm, a.get(vm, 0), SYSCONF_NAMES)?;
    // SAFETY: errno is thread-local; sysconf only reads its argument.
    let r = unsafe {
        *libc::__errno_location() = 0;
        libc::sysconf(name)
    };
    if r == -1 && errno() != 0 {
        return Err(os_err(vm));
    }
    Ok(int(r as i64))
}

/// `fpathconf(fd_or_path, name)` / `pathconf(path, name)`.
pub(super) fn fpathconf(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "fpathconf", 2, 2)?;
    let name = conf_name(vm, a.get(vm, 1), PATHCONF_NAMES)?;
    let v = a.get(vm, 0);
    let (r, path) = if let Some(fd) = v.as_int() {
        // SAFETY: errno is thread-local; fpathconf on a descriptor number.
        let r = unsafe {
            *libc::__errno_location() = 0;
            libc::fpathconf(fd as i32, name)
        };
        (r, None)
    } else {
        let p = super::posix::path_arg(vm, v, "pathconf")?;
        let c = CString::new(p.clone()).unwrap_or_default();
        // SAFETY: as above, on a NUL-terminated path.
        let r = unsafe {
            *libc::__errno_location() = 0;
            libc::pathconf(c.as_ptr(), name)
        };
        (r, Some(p))
    };
    if r == -1 && errno() != 0 {
        let e = errno();
        return Err(vm.raise_os_error(e, path.as_deref()));
    }
    Ok(int(r))
}

/// `confstr(name)`: a str, or None when the name has no value.
pub(super) fn confstr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "confstr", 1, 1)?;
    let name = conf_name(vm, a.get(vm, 0), CONFSTR_NAMES)?;
    let mut buf = vec![0u8; 1024];
    // SAFETY: confstr writes at most `buf.len()` bytes into our buffer.
    let n = unsafe {
        *libc::__errno_location() = 0;
        libc::confstr(name, buf.as_mut_ptr().cast(), buf.len())
    };
    if n == 0 {
        if errno() != 0 {
            return Err(os_err(vm));
        }
        return Ok(Value::NONE);
    }
    buf.truncate(n.min(buf.len()).saturating_sub(1));
    vm.new_str(&String::from_utf8_lossy(&buf))
}

/// `_statvfs(fd_or_path)`: the fields as a tuple (the Python layer makes
/// the `statvfs_result`).
pub(super) fn statvfs(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "statvfs", 1, 1)?;
    let v = a.get(vm, 0);
    // SAFETY: a zeroed statvfs is a valid buffer to be filled.
    let mut st: libc::statvfs = unsafe { std::mem::zeroed() };
    if let Some(fd) = v.as_int() {
        // SAFETY: fstatvfs writes into our struct.
        if unsafe { libc::fstatvfs(fd as i32, &mut st) } != 0 {
            return Err(os_err(vm));
        }
    } else {
        let p = super::posix::path_arg(vm, v, "statvfs")?;
        let c = CString::new(p.clone()).unwrap_or_default();
        // SAFETY: statvfs of a NUL-terminated path into our struct.
        if unsafe { libc::statvfs(c.as_ptr(), &mut st) } != 0 {
            let e = errno();
            return Err(vm.raise_os_error(e, Some(&p)));
        }
    }
    let items = [
        st.f_bsize as i64,
        st.f_frsize as i64,
        st.f_blocks as i64,
        st.f_bfree as i64,
        st.f_bavail as i64,
        st.f_files as i64,
        st.f_ffree as i64,
        st.f_favail as i64,
        st.f_flag as i64,
        st.f_namemax as i64,
        st.f_fsid as i64,
    ]
    .map(int);
    vm.new_tuple(&items)
}

/// Marks a descriptor close-on-exec (new descriptors are non-inheritable).
fn cloexec(fd: i32) {
    // SAFETY: fcntl on a descriptor we just opened.
    unsafe {
        let flags = libc::fcntl(fd, libc::F_GETFD);
        if flags >= 0 {
            libc::fcntl(fd, libc::F_SETFD, flags | libc::FD_CLOEXEC);
        }
    }
}

/// `openpty()`: `(master_fd, slave_fd)`, both non-inheritable.
pub(super) fn openpty(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "openpty", 0, 0)?;
    let (mut master, mut slave) = (-1, -1);
    // SAFETY: openpty writes the two descriptors; the other pointers may be null.
    let r = unsafe {
        libc::openpty(
            &mut master,
            &mut slave,
            std::ptr::null_mut(),
            std::ptr::null(),
            std::ptr::null(),
        )
    };
    if r != 0 {
        return Err(os_err(vm));
    }
    cloexec(master);
    cloexec(slave);
    vm.new_tuple(&[int(master as i64), int(slave as i64)])
}

/// `login_tty(fd)`: makes `fd` the controlling terminal and standard streams.
pub(super) fn login_tty(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "login_tty", 1, 1)?;
    let fd = fd_arg(vm, &a, 0)?;
    // SAFETY: login_tty on a descriptor number.
    check(vm, unsafe { libc::login_tty(fd) } as i64)?;
    Ok(Value::NONE)
}

/// `ttyname(fd)`.
pub(super) fn ttyname(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "ttyname", 1, 1)?;
    let fd = fd_arg(vm, &a, 0)?;
    let mut buf = [0u8; 256];
    // SAFETY: ttyname_r writes a NUL-terminated name into our buffer.
    let r = unsafe { libc::ttyname_r(fd, buf.as_mut_ptr().cast(), buf.len()) };
    if r != 0 {
        return Err(vm.raise_os_error(r, None));
    }
    let end = buf.iter().position(|&b| b == 0).unwrap_or(buf.len());
    vm.new_str(&String::from_utf8_lossy(&buf[..end]))
}

/// `ctermid()`.
pub(super) fn ctermid(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "ctermid", 0, 0)?;
    vm.new_str("/dev/tty")
}

/// `_wait4(pid, options)`: `(pid, status, rusage fields)` (`wait3` is
/// `_wait4(-1, options)`).
pub(super) fn wait4(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "wait4", 2, 2)?;
    let pid = fd_arg(vm, &a, 0)?;
    let options = fd_arg(vm, &a, 1)?;
    let mut status = 0;
    // SAFETY: a zeroed rusage is a valid buffer to be filled.
    let mut ru: libc::rusage = unsafe { std::mem::zeroed() };
    let r = super::syscall::checked(vm, || {
        // SAFETY: wait4 writes into our locals.
        unsafe { libc::wait4(pid, &mut status, options, &mut ru) as i64 }
    })?;
    let fields = super::resource::rusage_fields(&ru);
    let t = vm.new_tuple(&fields)?;
    let ti = vm.push_temp(t);
    let out = vm.new_tuple(&[int(r), int(status as i64), vm.temp(ti)]);
    vm.pop_temps(ti);
    out
}

/// `sendfile(out_fd, in_fd, offset, count)`: bytes sent (`offset` None:
/// from the current position).
pub(super) fn sendfile(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "sendfile", 4, 4)?;
    let out = fd_arg(vm, &a, 0)?;
    let inp = fd_arg(vm, &a, 1)?;
    let off = if a.get(vm, 2).is_none() {
        None
    } else {
        Some(iarg(vm, &a, 2)?)
    };
    let count = iarg(vm, &a, 3)?.max(0) as usize;
    let mut o = off.unwrap_or(0) as libc::off_t;
    let n = super::syscall::checked(vm, || {
        let p = if off.is_some() {
            &mut o as *mut libc::off_t
        } else {
            std::ptr::null_mut()
        };
        // SAFETY: sendfile between descriptors; `p` is our local or null.
        unsafe { libc::sendfile(out, inp, p, count) as i64 }
    })?;
    Ok(int(n))
}

/// `pread(fd, n, offset)`.
pub(super) fn pread(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "pread", 3, 3)?;
    let fd = fd_arg(vm, &a, 0)?;
    let n = iarg(vm, &a, 1)?;
    let off = iarg(vm, &a, 2)?;
    if n < 0 {
        return Err(vm.raise_msg(TypeId::ValueError, "negative buffersize in pread"));
    }
    let mut buf = vec![0u8; n as usize];
    let got = super::syscall::checked(vm, || {
        // SAFETY: reading into our own buffer of `n` bytes.
        unsafe { libc::pread(fd, buf.as_mut_ptr().cast(), buf.len(), off) as i64 }
    })?;
    buf.truncate(got as usize);
    vm.new_bytes(&buf)
}

fn data_arg(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    match vm.buffer_copy(v)? {
        Some(d) => Ok(d),
        None => {
            let t = vm.type_name(v);
            Err(vm.type_error(&format!("a bytes-like object is required, not '{t}'")))
        }
    }
}

/// `pwrite(fd, data, offset)`.
pub(super) fn pwrite(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "pwrite", 3, 3)?;
    let fd = fd_arg(vm, &a, 0)?;
    let data = data_arg(vm, a.get(vm, 1))?;
    let off = iarg(vm, &a, 2)?;
    let n = super::syscall::checked(vm, || {
        // SAFETY: writing from our own buffer.
        unsafe { libc::pwrite(fd, data.as_ptr().cast(), data.len(), off) as i64 }
    })?;
    Ok(int(n))
}

/// `writev(fd, buffers)`: one `writev(2)` of all the buffers.
pub(super) fn writev(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "writev", 2, 2)?;
    let fd = fd_arg(vm, &a, 0)?;
    let items = {
        let v = a.get(vm, 1);
        vm.collect_iterable(v)
            .map_err(|_| vm.type_error("writev() arg 2 must be a sequence"))?
    };
    let mark = vm.temps_len();
    vm.roots().temps.extend_from_slice(&items);
    let mut bufs = Vec::new();
    for i in 0..items.len() {
        match data_arg(vm, vm.temp(mark + i)) {
            Ok(d) => bufs.push(d),
            Err(e) => {
                vm.pop_temps(mark);
                return Err(e);
            }
        }
    }
    vm.pop_temps(mark);
    let iov: Vec<libc::iovec> = bufs
        .iter()
        .map(|b| libc::iovec {
            iov_base: b.as_ptr() as *mut libc::c_void,
            iov_len: b.len(),
        })
        .collect();
    let n = super::syscall::checked(vm, || {
        // SAFETY: the iovecs point into `bufs`, alive for the call.
        unsafe { libc::writev(fd, iov.as_ptr(), iov.len() as i32) as i64 }
    })?;
    Ok(int(n))
}

/// `_readv(fd, sizes)`: one `readv(2)` into buffers of these sizes; the
/// bytes read, as one bytes (the Python layer spreads them).
pub(super) fn readv(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "readv", 2, 2)?;
    let fd = fd_arg(vm, &a, 0)?;
    let sizes = {
        let v = a.get(vm, 1);
        vm.collect_iterable(v)?
    };
    let mut bufs: Vec<Vec<u8>> = sizes
        .iter()
        .map(|s| vec![0u8; s.as_int().unwrap_or(0).max(0) as usize])
        .collect();
    let iov: Vec<libc::iovec> = bufs
        .iter_mut()
        .map(|b| libc::iovec {
            iov_base: b.as_mut_ptr().cast(),
            iov_len: b.len(),
        })
        .collect();
    let n = super::syscall::checked(vm, || {
        // SAFETY: the iovecs point into `bufs`, alive for the call.
        unsafe { libc::readv(fd, iov.as_ptr(), iov.len() as i32) as i64 }
    })?;
    let all: Vec<u8> = bufs.concat().into_iter().take(n as usize).collect();
    vm.new_bytes(&all)
}

/// `getloadavg()`.
pub(super) fn getloadavg(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "getloadavg", 0, 0)?;
    let mut l = [0f64; 3];
    // SAFETY: getloadavg writes at most 3 doubles into our array.
    if unsafe { libc::getloadavg(l.as_mut_ptr(), 3) } != 3 {
        return Err(vm.raise_msg(TypeId::OSError, "Load averages are unobtainable"));
    }
    vm.new_tuple(&l.map(Value::from_float))
}

/// `_sched_getaffinity(pid)`: the CPUs as a list.
pub(super) fn sched_getaffinity(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "sched_getaffinity", 1, 1)?;
    let pid = fd_arg(vm, &a, 0)?;
    // SAFETY: a zeroed cpu_set_t is an empty set, filled by the call.
    let mut set: libc::cpu_set_t = unsafe { std::mem::zeroed() };
    // SAFETY: sched_getaffinity writes into our set of the given size.
    if unsafe { libc::sched_getaffinity(pid, std::mem::size_of::<libc::cpu_set_t>(), &mut set) }
        != 0
    {
        return Err(os_err(vm));
    }
    let cpus: Vec<Value> = (0..libc::CPU_SETSIZE as usize)
        // SAFETY: CPU_ISSET reads our set within its size.
        .filter(|&i| unsafe { libc::CPU_ISSET(i, &set) })
        .map(|i| int(i as i64))
        .collect();
    vm.new_list(&cpus)
}

/// `_sched_setaffinity(pid, cpus)`.
pub(super) fn sched_setaffinity(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "sched_setaffinity", 2, 2)?;
    let pid = fd_arg(vm, &a, 0)?;
    let cpus = {
        let v = a.get(vm, 1);
        vm.collect_iterable(v)?
    };
    // SAFETY: a zeroed cpu_set_t is an empty set.
    let mut set: libc::cpu_set_t = unsafe { std::mem::zeroed() };
    for c in cpus {
        let Some(i) = c.as_int() else {
            return Err(vm.type_error("expected an integer"));
        };
        if i < 0 {
            return Err(vm.raise_msg(TypeId::ValueError, "negative CPU number"));
        }
        if i as usize >= libc::CPU_SETSIZE as usize {
            return Err(vm.raise_msg(TypeId::ValueError, "CPU number too large"));
        }
        // SAFETY: CPU_SET within the set's size (checked above).
        unsafe { libc::CPU_SET(i as usize, &mut set) };
    }
    // SAFETY: sched_setaffinity reads our set.
    if unsafe { libc::sched_setaffinity(pid, std::mem::size_of::<libc::cpu_set_t>(), &set) } != 0 {
        return Err(os_err(vm));
    }
    Ok(Value::NONE)
}

/// `nice(increment)`: the new niceness.
pub(super) fn nice(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "nice", 1, 1)?;
    let inc = fd_arg(vm, &a, 0)?;
    // SAFETY: errno is thread-local; nice has no pointer arguments.
    let r = unsafe {
        *libc::__errno_location() = 0;
        libc::nice(inc)
    };
    if r == -1 && errno() != 0 {
        return Err(os_err(vm));
    }
    Ok(int(r as i64))
}

/// `getpriority(which, who)`.
pub(super) fn getpriority(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "getpriority", 2, 2)?;
    let which = fd_arg(vm, &a, 0)?;
    let who = fd_arg(vm, &a, 1)?;
    // SAFETY: errno is thread-local; getpriority has no pointer arguments.
    let r = unsafe {
        *libc::__errno_location() = 0;
        libc::getpriority(which as libc::__priority_which_t, who as libc::id_t)
    };
    if r == -1 && errno() != 0 {
        return Err(os_err(vm));
    }
    Ok(int(r as i64))
}

/// `setpriority(which, who, priority)`.
pub(super) fn setpriority(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "setpriority", 3, 3)?;
    let which = fd_arg(vm, &a, 0)?;
    let who = fd_arg(vm, &a, 1)?;
    let prio = fd_arg(vm, &a, 2)?;
    // SAFETY: setpriority has no pointer arguments.
    let r =
        unsafe { libc::setpriority(which as libc::__priority_which_t, who as libc::id_t, prio) };
    check(vm, r as i64)?;
    Ok(Value::NONE)
}

/// `posix_fadvise(fd, offset, len, advice)` / `posix_fallocate(fd,
/// offset, len)`: these return the error number instead of setting errno.
pub(super) fn posix_fadvise(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "posix_fadvise", 4, 4)?;
    let fd = fd_arg(vm, &a, 0)?;
    let off = iarg(vm, &a, 1)?;
    let len = iarg(vm, &a, 2)?;
    let advice = fd_arg(vm, &a, 3)?;
    // SAFETY: posix_fadvise has no pointer arguments.
    let r = unsafe { libc::posix_fadvise(fd, off, len, advice) };
    if r != 0 {
        return Err(vm.raise_os_error(r, None));
    }
    Ok(Value::NONE)
}

pub(super) fn posix_fallocate(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "posix_fallocate", 3, 3)?;
    let fd = fd_arg(vm, &a, 0)?;
    let off = iarg(vm, &a, 1)?;
    let len = iarg(vm, &a, 2)?;
    // SAFETY: posix_fallocate has no pointer arguments.
    let r = unsafe { libc::posix_fallocate(fd, off, len) };
    if r != 0 {
        return Err(vm.raise_os_error(r, None));
    }
    Ok(Value::NONE)
}

/// `lockf(fd, command, length)`.
pub(super) fn lockf(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "lockf", 3, 3)?;
    let fd = fd_arg(vm, &a, 0)?;
    let cmd = fd_arg(vm, &a, 1)?;
    let len = iarg(vm, &a, 2)?;
    super::syscall::checked(vm, || {
        // SAFETY: lockf has no pointer arguments.
        unsafe { libc::lockf(fd, cmd, len) as i64 }
    })?;
    Ok(Value::NONE)
}

/// `get_inheritable(fd)`.
pub(super) fn get_inheritable(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "get_inheritable", 1, 1)?;
    let fd = fd_arg(vm, &a, 0)?;
    // SAFETY: fcntl F_GETFD on a descriptor number.
    let f = check(vm, unsafe { libc::fcntl(fd, libc::F_GETFD) } as i64)?;
    Ok(Value::from_bool(f & libc::FD_CLOEXEC as i64 == 0))
}

/// `set_inheritable(fd, inheritable)`.
pub(super) fn set_inheritable(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "set_inheritable", 2, 2)?;
    let fd = fd_arg(vm, &a, 0)?;
    let on = {
        let v = a.get(vm, 1);
        vm.truthy(v)?
    };
    // SAFETY: fcntl F_GETFD/F_SETFD on a descriptor number.
    let f = check(vm, unsafe { libc::fcntl(fd, libc::F_GETFD) } as i64)? as i32;
    let nf = if on {
        f & !libc::FD_CLOEXEC
    } else {
        f | libc::FD_CLOEXEC
    };
    // SAFETY: as above.
    check(vm, unsafe { libc::fcntl(fd, libc::F_SETFD, nf) } as i64)?;
    Ok(Value::NONE)
}

/// `pipe2(flags)`.
pub(super) fn pipe2(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "pipe2", 1, 1)?;
    let flags = fd_arg(vm, &a, 0)?;
    let mut fds = [0i32; 2];
    // SAFETY: pipe2 writes two descriptors into our array.
    check(vm, unsafe { libc::pipe2(fds.as_mut_ptr(), flags) } as i64)?;
    vm.new_tuple(&[int(fds[0] as i64), int(fds[1] as i64)])
}

/// `closerange(fd_low, fd_high)`: closes, ignoring errors.
pub(super) fn closerange(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "closerange", 2, 2)?;
    let lo = iarg(vm, &a, 0)?.max(0);
    let hi = iarg(vm, &a, 1)?.min(1 << 20);
    for fd in lo..hi {
        // SAFETY: close on a descriptor number (errors ignored, as CPython).
        unsafe { libc::close(fd as i32) };
    }
    Ok(Value::NONE)
}

/// The calls taking ints and returning 0/-1: `fchdir`, `fdatasync`,
/// `setpgid`, `setuid`... (`int_call!(name, arity, |args| call)`).
macro_rules! int_call {
    ($f:ident, $name:literal, $n:literal, |$v:ident| $call:expr) => {
        pub(super) fn $f(vm: &mut Vm, a: Args) -> PyResult<Value> {
            arity(vm, &a, $name, $n, $n)?;
            let mut $v = [0i64; 3];
            for (i, slot) in $v.iter_mut().enumerate().take($n) {
                *slot = iarg(vm, &a, i)?;
            }
            // SAFETY: a system call on plain integers.
            let r = unsafe { $call } as i64;
            Ok(int(check(vm, r)?))
        }
    };
}

int_call!(fchdir, "fchdir", 1, |v| libc::fchdir(v[0] as i32));
int_call!(fdatasync, "fdatasync", 1, |v| libc::fdatasync(v[0] as i32));
int_call!(getpgid, "getpgid", 1, |v| libc::getpgid(v[0] as i32));
int_call!(setpgid, "setpgid", 2, |v| libc::setpgid(
    v[0] as i32,
    v[1] as i32
));
int_call!(getsid, "getsid", 1, |v| libc::getsid(v[0] as i32));
int_call!(setpgrp, "setpgrp", 0, |v| {
    let _ = v;
    libc::setpgid(0, 0)
});
int_call!(tcgetpgrp, "tcgetpgrp", 1, |v| libc::tcgetpgrp(v[0] as i32));
int_call!(tcsetpgrp, "tcsetpgrp", 2, |v| libc::tcsetpgrp(
    v[0] as i32,
    v[1] as i32
));
int_call!(setuid, "setuid", 1, |v| libc::setuid(v[0] as u32));
int_call!(setgid, "setgid", 1, |v| libc::setgid(v[0] as u32));
int_call!(seteuid, "seteuid", 1, |v| libc::seteuid(v[0] as u32));
int_call!(setegid, "setegid", 1, |v| libc::setegid(v[0] as u32));
int_call!(setreuid, "setreuid", 2, |v| libc::setreuid(
    v[0] as u32,
    v[1] as u32
));
int_call!(setregid, "setregid", 2, |v| libc::setregid(
    v[0] as u32,
    v[1] as u32
));
int_call!(sched_yield, "sched_yield", 0, |v| {
    let _ = v;
    libc::sched_yield()
});
int_call!(sched_get_priority_max, "sched_get_priority_max", 1, |v| {
    libc::sched_get_priority_max(v[0] as i32)
});
int_call!(sched_get_priority_min, "sched_get_priority_min", 1, |v| {
    libc::sched_get_priority_min(v[0] as i32)
});

/// `sync()`.
pub(super) fn sync(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "sync", 0, 0)?;
    // SAFETY: sync has no arguments.
    unsafe { libc::sync() };
    Ok(Value::NONE)
}

/// `abort()`.
pub(super) fn abort(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "abort", 0, 0)?;
    vm.flush_out();
    // SAFETY: ends the process, as the program asked.
    unsafe { libc::abort() }
}

/// `getgroups()`.
pub(super) fn getgroups(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "getgroups", 0, 0)?;
    let mut g = vec![0 as libc::gid_t; 256];
    // SAFETY: getgroups writes at most `g.len()` ids into our buffer.
    let n = unsafe { libc::getgroups(g.len() as i32, g.as_mut_ptr()) };
    let n = check(vm, n as i64)? as usize;
    let items: Vec<Value> = g[..n].iter().map(|&x| int(x as i64)).collect();
    vm.new_list(&items)
}

/// `getresuid()` / `getresgid()`.
pub(super) fn getresuid(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "getresuid", 0, 0)?;
    let (mut r, mut e, mut s) = (0, 0, 0);
    // SAFETY: getresuid writes our three locals.
    check(vm, unsafe { libc::getresuid(&mut r, &mut e, &mut s) }
        as i64)?;
    vm.new_tuple(&[int(r as i64), int(e as i64), int(s as i64)])
}

pub(super) fn getresgid(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "getresgid", 0, 0)?;
    let (mut r, mut e, mut s) = (0, 0, 0);
    // SAFETY: getresgid writes our three locals.
    check(vm, unsafe { libc::getresgid(&mut r, &mut e, &mut s) }
        as i64)?;
    vm.new_tuple(&[int(r as i64), int(e as i64), int(s as i64)])
}

/// `getlogin()`.
pub(super) fn getlogin(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "getlogin", 0, 0)?;
    // SAFETY: getlogin returns null or a NUL-terminated name, copied at once
    // (Python runs one thread at a time under the GIL).
    let name = unsafe {
        *libc::__errno_location() = 0;
        let p = libc::getlogin();
        if p.is_null() {
            None
        } else {
            Some(std::ffi::CStr::from_ptr(p).to_string_lossy().into_owned())
        }
    };
    match name {
        Some(n) => vm.new_str(&n),
        None => Err(os_err(vm)),
    }
}

/// `major(dev)`, `minor(dev)`, `makedev(major, minor)`.
pub(super) fn major(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "major", 1, 1)?;
    let d = iarg(vm, &a, 0)? as libc::dev_t;
    Ok(int(libc::major(d) as i64))
}

pub(super) fn minor(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "minor", 1, 1)?;
    let d = iarg(vm, &a, 0)? as libc::dev_t;
    Ok(int(libc::minor(d) as i64))
}

pub(super) fn makedev(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "makedev", 2, 2)?;
    let ma = iarg(vm, &a, 0)? as u32;
    let mi = iarg(vm, &a, 1)? as u32;
    Ok(int(libc::makedev(ma, mi) as i64))
}

/// `getrandom(size, flags=0)`.
pub(super) fn getrandom(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "getrandom", 1, 2)?;
    let n = iarg(vm, &a, 0)?;
    let flags = if a.npos(vm) > 1 {
        fd_arg(vm, &a, 1)?
    } else {
        0
    };
    if n < 0 {
        return Err(vm.raise_os_error(libc::EINVAL, None));
    }
    let mut buf = vec![0u8; n as usize];
    let got = super::syscall::checked(vm, || {
        // SAFETY: getrandom fills our buffer of `n` bytes.
        unsafe { libc::getrandom(buf.as_mut_ptr().cast(), buf.len(), flags as u32) as i64 }
    })?;
    buf.truncate(got as usize);
    vm.new_bytes(&buf)
}

/// `chroot(path)`, `mknod(path, mode, device)`.
pub(super) fn chroot(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "chroot", 1, 1)?;
    let p = super::posix::path_arg(vm, a.get(vm, 0), "chroot")?;
    let c = CString::new(p.clone()).unwrap_or_default();
    // SAFETY: chroot to a NUL-terminated path.
    if unsafe { libc::chroot(c.as_ptr()) } != 0 {
        let e = errno();
        return Err(vm.raise_os_error(e, Some(&p)));
    }
    Ok(Value::NONE)
}

/// `_mknod(path, mode, device, dir_fd)`.
pub(super) fn mknod(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "mknod", 4, 4)?;
    let p = super::posix::path_arg(vm, a.get(vm, 0), "mknod")?;
    let mode = iarg(vm, &a, 1)? as libc::mode_t;
    let dev = iarg(vm, &a, 2)? as libc::dev_t;
    let d = if a.get(vm, 3).is_none() {
        libc::AT_FDCWD
    } else {
        fd_arg(vm, &a, 3)?
    };
    let c = CString::new(p.clone()).unwrap_or_default();
    // SAFETY: mknodat of a NUL-terminated path.
    if unsafe { libc::mknodat(d, c.as_ptr(), mode, dev) } != 0 {
        let e = errno();
        return Err(vm.raise_os_error(e, Some(&p)));
    }
    Ok(Value::NONE)
}

/// Raises the OSError of a two-path call naming both files
/// (`[Errno 17] File exists: 'a' -> 'b'`).
pub(super) fn raise_two_paths(
    vm: &mut Vm,
    e: i32,
    src: &str,
    dst: &str,
) -> crate::runtime::exception::Raised {
    let r = vm.raise_os_error(e, Some(src));
    let exc = vm.raised();
    let ei = vm.push_temp(exc);
    if let Ok(d2) = vm.new_str(dst) {
        let d = vm.field(vm.temp(ei), crate::runtime::layout::ExcField::Dict as usize);
        let _ = vm.dict_set_str(d, "filename2", d2);
    }
    let exc = vm.temp(ei);
    vm.pop_temps(ei);
    vm.raise_value(exc);
    r
}

const CONSTANTS: &[(&str, i64)] = &[
    ("CLD_EXITED", libc::CLD_EXITED as i64),
    ("CLD_KILLED", libc::CLD_KILLED as i64),
    ("CLD_DUMPED", libc::CLD_DUMPED as i64),
    ("CLD_TRAPPED", libc::CLD_TRAPPED as i64),
    ("CLD_STOPPED", libc::CLD_STOPPED as i64),
    ("CLD_CONTINUED", libc::CLD_CONTINUED as i64),
    ("EX_USAGE", 64),
    ("EX_DATAERR", 65),
    ("EX_NOINPUT", 66),
    ("EX_NOUSER", 67),
    ("EX_NOHOST", 68),
    ("EX_UNAVAILABLE", 69),
    ("EX_SOFTWARE", 70),
    ("EX_OSERR", 71),
    ("EX_OSFILE", 72),
    ("EX_CANTCREAT", 73),
    ("EX_IOERR", 74),
    ("EX_TEMPFAIL", 75),
    ("EX_PROTOCOL", 76),
    ("EX_NOPERM", 77),
    ("EX_CONFIG", 78),
    ("F_LOCK", libc::F_LOCK as i64),
    ("F_TLOCK", libc::F_TLOCK as i64),
    ("F_ULOCK", libc::F_ULOCK as i64),
    ("F_TEST", libc::F_TEST as i64),
    ("GRND_NONBLOCK", libc::GRND_NONBLOCK as i64),
    ("GRND_RANDOM", libc::GRND_RANDOM as i64),
    ("NGROUPS_MAX", 65536),
    ("O_ACCMODE", libc::O_ACCMODE as i64),
    ("O_ASYNC", libc::O_ASYNC as i64),
    ("O_DIRECT", libc::O_DIRECT as i64),
    ("O_DSYNC", libc::O_DSYNC as i64),
    ("O_FSYNC", libc::O_FSYNC as i64),
    ("O_LARGEFILE", 0),
    ("O_NDELAY", libc::O_NDELAY as i64),
    ("O_NOATIME", libc::O_NOATIME as i64),
    ("O_NOCTTY", libc::O_NOCTTY as i64),
    ("O_PATH", libc::O_PATH as i64),
    ("O_RSYNC", libc::O_RSYNC as i64),
    ("O_SYNC", libc::O_SYNC as i64),
    ("O_TMPFILE", libc::O_TMPFILE as i64),
    ("POSIX_FADV_NORMAL", libc::POSIX_FADV_NORMAL as i64),
    ("POSIX_FADV_RANDOM", libc::POSIX_FADV_RANDOM as i64),
    ("POSIX_FADV_SEQUENTIAL", libc::POSIX_FADV_SEQUENTIAL as i64),
    ("POSIX_FADV_WILLNEED", libc::POSIX_FADV_WILLNEED as i64),
    ("POSIX_FADV_DONTNEED", libc::POSIX_FADV_DONTNEED as i64),
    ("POSIX_FADV_NOREUSE", libc::POSIX_FADV_NOREUSE as i64),
    ("PRIO_PROCESS", libc::PRIO_PROCESS as i64),
    ("PRIO_PGRP", libc::PRIO_PGRP as i64),
    ("PRIO_USER", libc::PRIO_USER as i64),
    ("P_PID", 1),
    ("P_PGID", 2),
    ("P_ALL", 0),
    ("P_PIDFD", 3),
    ("RTLD_LAZY", libc::RTLD_LAZY as i64),
    ("RTLD_NOW", libc::RTLD_NOW as i64),
    ("RTLD_GLOBAL", libc::RTLD_GLOBAL as i64),
    ("RTLD_LOCAL", libc::RTLD_LOCAL as i64),
    ("RTLD_NODELETE", libc::RTLD_NODELETE as i64),
    ("RTLD_NOLOAD", libc::RTLD_NOLOAD as i64),
    ("RTLD_DEEPBIND", 8),
    ("SCHED_OTHER", libc::SCHED_OTHER as i64),
    ("SCHED_FIFO", libc::SCHED_FIFO as i64),
    ("SCHED_RR", libc::SCHED_RR as i64),
    ("SCHED_BATCH", libc::SCHED_BATCH as i64),
    ("SCHED_IDLE", libc::SCHED_IDLE as i64),
    ("SCHED_RESET_ON_FORK", libc::SCHED_RESET_ON_FORK as i64),
    ("SEEK_DATA", libc::SEEK_DATA as i64),
    ("SEEK_HOLE", libc::SEEK_HOLE as i64),
    ("ST_RDONLY", libc::ST_RDONLY as i64),
    ("ST_NOSUID", libc::ST_NOSUID as i64),
    ("ST_NODEV", libc::ST_NODEV as i64),
    ("ST_NOEXEC", libc::ST_NOEXEC as i64),
    ("ST_SYNCHRONOUS", libc::ST_SYNCHRONOUS as i64),
    ("ST_MANDLOCK", libc::ST_MANDLOCK as i64),
    ("ST_WRITE", libc::ST_WRITE as i64),
    ("ST_APPEND", libc::ST_APPEND as i64),
    ("ST_NOATIME", libc::ST_NOATIME as i64),
    ("ST_NODIRATIME", libc::ST_NODIRATIME as i64),
    ("ST_RELATIME", libc::ST_RELATIME as i64),
    ("WEXITED", libc::WEXITED as i64),
    ("WSTOPPED", libc::WSTOPPED as i64),
    ("WNOWAIT", libc::WNOWAIT as i64),
];

const SYSCONF_NAMES: &[(&str, i32)] = &[
    ("SC_ARG_MAX", libc::_SC_ARG_MAX),
    ("SC_CHILD_MAX", libc::_SC_CHILD_MAX),
    ("SC_CLK_TCK", libc::_SC_CLK_TCK),
    ("SC_NGROUPS_MAX", libc::_SC_NGROUPS_MAX),
    ("SC_OPEN_MAX", libc::_SC_OPEN_MAX),
    ("SC_STREAM_MAX", libc::_SC_STREAM_MAX),
    ("SC_TZNAME_MAX", libc::_SC_TZNAME_MAX),
    ("SC_JOB_CONTROL", libc::_SC_JOB_CONTROL),
    ("SC_SAVED_IDS", libc::_SC_SAVED_IDS),
    ("SC_VERSION", libc::_SC_VERSION),
    ("SC_PAGESIZE", libc::_SC_PAGESIZE),
    ("SC_PAGE_SIZE", libc::_SC_PAGE_SIZE),
    ("SC_RTSIG_MAX", libc::_SC_RTSIG_MAX),
    ("SC_SEM_NSEMS_MAX", libc::_SC_SEM_NSEMS_MAX),
    ("SC_SEM_VALUE_MAX", libc::_SC_SEM_VALUE_MAX),
    ("SC_SIGQUEUE_MAX", libc::_SC_SIGQUEUE_MAX),
    ("SC_TIMER_MAX", libc::_SC_TIMER_MAX),
    ("SC_BC_BASE_MAX", libc::_SC_BC_BASE_MAX),
    ("SC_BC_DIM_MAX", libc::_SC_BC_DIM_MAX),
    ("SC_BC_SCALE_MAX", libc::_SC_BC_SCALE_MAX),
    ("SC_BC_STRING_MAX", libc::_SC_BC_STRING_MAX),
    ("SC_COLL_WEIGHTS_MAX", libc::_SC_COLL_WEIGHTS_MAX),
    ("SC_EXPR_NEST_MAX", libc::_SC_EXPR_NEST_MAX),
    ("SC_LINE_MAX", libc::_SC_LINE_MAX),
    ("SC_RE_DUP_MAX", libc::_SC_RE_DUP_MAX),
    ("SC_2_VERSION", libc::_SC_2_VERSION),
    ("SC_IOV_MAX", libc::_SC_IOV_MAX),
    ("SC_THREADS", libc::_SC_THREADS),
    ("SC_GETGR_R_SIZE_MAX", libc::_SC_GETGR_R_SIZE_MAX),
    ("SC_GETPW_R_SIZE_MAX", libc::_SC_GETPW_R_SIZE_MAX),
    ("SC_LOGIN_NAME_MAX", libc::_SC_LOGIN_NAME_MAX),
    ("SC_TTY_NAME_MAX", libc::_SC_TTY_NAME_MAX),
    ("SC_THREAD_STACK_MIN", libc::_SC_THREAD_STACK_MIN),
    ("SC_THREAD_THREADS_MAX", libc::_SC_THREAD_THREADS_MAX),
    ("SC_NPROCESSORS_CONF", libc::_SC_NPROCESSORS_CONF),
    ("SC_NPROCESSORS_ONLN", libc::_SC_NPROCESSORS_ONLN),
    ("SC_PHYS_PAGES", libc::_SC_PHYS_PAGES),
    ("SC_AVPHYS_PAGES", libc::_SC_AVPHYS_PAGES),
    ("SC_HOST_NAME_MAX", libc::_SC_HOST_NAME_MAX),
    ("SC_MINSIGSTKSZ", 249),
];

const PATHCONF_NAMES: &[(&str, i32)] = &[
    ("PC_LINK_MAX", libc::_PC_LINK_MAX),
    ("PC_MAX_CANON", libc::_PC_MAX_CANON),
    ("PC_MAX_INPUT", libc::_PC_MAX_INPUT),
    ("PC_NAME_MAX", libc::_PC_NAME_MAX),
    ("PC_PATH_MAX", libc::_PC_PATH_MAX),
    ("PC_PIPE_BUF", libc::_PC_PIPE_BUF),
    ("PC_CHOWN_RESTRICTED", libc::_PC_CHOWN_RESTRICTED),
    ("PC_NO_TRUNC", libc::_PC_NO_TRUNC),
    ("PC_VDISABLE", libc::_PC_VDISABLE),
    ("PC_SYNC_IO", libc::_PC_SYNC_IO),
    ("PC_ASYNC_IO", libc::_PC_ASYNC_IO),
    ("PC_PRIO_IO", libc::_PC_PRIO_IO),
    ("PC_SOCK_MAXBUF", libc::_PC_SOCK_MAXBUF),
    ("PC_FILESIZEBITS", libc::_PC_FILESIZEBITS),
    ("PC_REC_INCR_XFER_SIZE", libc::_PC_REC_INCR_XFER_SIZE),
    ("PC_REC_MAX_XFER_SIZE", libc::_PC_REC_MAX_XFER_SIZE),
    ("PC_REC_MIN_XFER_SIZE", libc::_PC_REC_MIN_XFER_SIZE),
    ("PC_REC_XFER_ALIGN", libc::_PC_REC_XFER_ALIGN),
    ("PC_ALLOC_SIZE_MIN", libc::_PC_ALLOC_SIZE_MIN),
    ("PC_SYMLINK_MAX", libc::_PC_SYMLINK_MAX),
    ("PC_2_SYMLINKS", libc::_PC_2_SYMLINKS),
];

const CONFSTR_NAMES: &[(&str, i32)] = &[
    ("CS_PATH", libc::_CS_PATH),
    ("CS_GNU_LIBC_VERSION", 2),
    ("CS_GNU_LIBPTHREAD_VERSION", 3),
];

/// The `dir_fd` keyword argument: `AT_FDCWD` when absent or None.
pub(super) fn dir_fd_kw(vm: &mut Vm, a: &Args) -> PyResult<i32> {
    fd_kw(vm, a, "dir_fd")
}

fn fd_kw(vm: &mut Vm, a: &Args, name: &str) -> PyResult<i32> {
    match a.kwarg(vm, name) {
        None => Ok(libc::AT_FDCWD),
        Some(v) if v.is_none() => Ok(libc::AT_FDCWD),
        Some(v) => match v.as_int() {
            Some(n) => Ok(n as i32),
            None => {
                let t = vm.type_name(v);
                Err(vm.type_error(&format!("argument should be integer or None, not {t}")))
            }
        },
    }
}

/// `src_dir_fd` and `dst_dir_fd` of `rename`/`replace`/`link`.
pub(super) fn src_dst_dir_fd(vm: &mut Vm, a: &Args) -> PyResult<(i32, i32)> {
    Ok((fd_kw(vm, a, "src_dir_fd")?, fd_kw(vm, a, "dst_dir_fd")?))
}

/// The names in the directory open as `fd` (`listdir(fd)`/`scandir(fd)`:
/// read through a duplicate, from the start, `.` and `..` left out).
pub(super) fn fd_dir_names(vm: &mut Vm, fd: i32) -> PyResult<Vec<Vec<u8>>> {
    // SAFETY: dup of a descriptor number; fdopendir takes the duplicate
    // (closed by closedir); readdir's entries are copied before the next call.
    unsafe {
        let d = libc::dup(fd);
        if d < 0 {
            return Err(os_err(vm));
        }
        let dir = libc::fdopendir(d);
        if dir.is_null() {
            let e = errno();
            libc::close(d);
            return Err(vm.raise_os_error(e, None));
        }
        libc::rewinddir(dir);
        let mut out = Vec::new();
        loop {
            let ent = libc::readdir(dir);
            if ent.is_null() {
                break;
            }
            let name = std::ffi::CStr::from_ptr((*ent).d_name.as_ptr()).to_bytes();
            if name != b"." && name != b".." {
                out.push(name.to_vec());
            }
        }
        libc::closedir(dir);
        Ok(out)
    }
}
