//! File-metadata and link calls of `posix`: `chmod`, `fchmod`, `utime`,
//! `link`, `symlink`, `readlink`, `truncate`, `ftruncate`, `fsync`,
//! `mkfifo` (what `shutil.copy2`, `tarfile` and `zipfile` extraction use).

use std::ffi::CString;

use pyvm_objmodel::Value;

use super::native_types::{Style, bind, index_arg, opt};
use crate::runtime::call::Args;
use crate::runtime::exception::PyResult;
use crate::runtime::heap::Vm;
use crate::runtime::layout::Kind;
use crate::runtime::types::TypeId;

fn cpath(s: &str) -> CString {
    CString::new(s).unwrap_or_default()
}

/// The OSError for the last failed call, naming `path`.
fn fail(vm: &mut Vm, path: Option<&str>) -> crate::runtime::exception::Raised {
    vm.raise_os_error(super::syscall::errno(), path)
}

/// The `follow_symlinks` keyword (default True).
fn follow(vm: &mut Vm, v: Option<Value>) -> PyResult<bool> {
    match v {
        Some(v) => vm.truthy(v),
        None => Ok(true),
    }
}

/// A `dir_fd`-style keyword: `AT_FDCWD` when absent or None.
fn dfd(vm: &mut Vm, v: Option<Value>) -> PyResult<i32> {
    match v {
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

/// `chmod(path, mode, *, dir_fd=None, follow_symlinks=True)`.
pub(super) fn chmod(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let p = bind(
        vm,
        &a,
        "chmod",
        &["path", "mode", "dir_fd", "follow_symlinks"],
        2,
        2,
        Style::Clinic,
    )?;
    let path = a.get(vm, 0);
    let mode = index_arg(vm, vm.temp(p[1].unwrap_or(a.start)))? as libc::mode_t;
    if let Some(fd) = path.as_int() {
        // SAFETY: plain system call on a descriptor.
        if unsafe { libc::fchmod(fd as i32, mode) } != 0 {
            return Err(fail(vm, None));
        }
        return Ok(Value::NONE);
    }
    if !follow(vm, opt(vm, p[3]))? {
        return Err(vm.raise_msg(
            TypeId::NotImplementedError,
            "chmod: follow_symlinks unavailable on this platform",
        ));
    }
    let d = dfd(vm, opt(vm, p[2]))?;
    let s = super::posix::path_arg(vm, path, "chmod")?;
    // SAFETY: a NUL-terminated path we own.
    if unsafe { libc::fchmodat(d, cpath(&s).as_ptr(), mode, 0) } != 0 {
        return Err(fail(vm, Some(&s)));
    }
    Ok(Value::NONE)
}

/// `fchmod(fd, mode)`.
pub(super) fn fchmod(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let p = bind(vm, &a, "fchmod", &["fd", "mode"], 2, 2, Style::Clinic)?;
    let fd = index_arg(vm, vm.temp(p[0].unwrap_or(a.start)))?;
    let mode = index_arg(vm, vm.temp(p[1].unwrap_or(a.start)))? as libc::mode_t;
    // SAFETY: plain system call on a descriptor.
    if unsafe { libc::fchmod(fd as i32, mode) } != 0 {
        return Err(fail(vm, None));
    }
    Ok(Value::NONE)
}

/// A time in seconds (int or float) as a timespec.
fn timespec_of(vm: &mut Vm, v: Value) -> PyResult<libc::timespec> {
    let f = match v.as_float() {
        Some(f) => f,
        None => index_arg(vm, v)? as f64,
    };
    let sec = f.floor();
    let nsec = ((f - sec) * 1e9).round().min(999_999_999.0);
    Ok(libc::timespec {
        tv_sec: sec as libc::time_t,
        tv_nsec: nsec as libc::c_long,
    })
}

/// `utime(path, times=None, *, ns=None, dir_fd=None, follow_symlinks=True)`.
pub(super) fn utime(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let p = bind(
        vm,
        &a,
        "utime",
        &["path", "times", "ns", "dir_fd", "follow_symlinks"],
        2,
        1,
        Style::Clinic,
    )?;
    let times = opt(vm, p[1]).filter(|v| !v.is_none());
    let ns = opt(vm, p[2]);
    if times.is_some() && ns.is_some() {
        return Err(vm.raise_msg(
            TypeId::ValueError,
            "utime: you may specify either 'times' or 'ns' but not both",
        ));
    }
    let mut ts = [libc::timespec {
        tv_sec: 0,
        tv_nsec: libc::UTIME_NOW,
    }; 2];
    if let Some(t) = times {
        if vm.kind_of(t) != Some(Kind::Tuple) || vm.tuple_items(t).len() != 2 {
            return Err(vm.type_error("utime: 'times' must be either a tuple of two ints or None"));
        }
        let (x, y) = (vm.tuple_items(t)[0], vm.tuple_items(t)[1]);
        ts = [timespec_of(vm, x)?, timespec_of(vm, y)?];
    } else if let Some(n) = ns {
        if vm.kind_of(n) != Some(Kind::Tuple) || vm.tuple_items(n).len() != 2 {
            return Err(vm.type_error("utime: 'ns' must be a tuple of two ints"));
        }
        for (i, slot) in ts.iter_mut().enumerate() {
            let v = vm.tuple_items(opt(vm, p[2]).unwrap_or(Value::NONE))[i];
            let n = index_arg(vm, v)?;
            *slot = libc::timespec {
                tv_sec: n.div_euclid(1_000_000_000) as libc::time_t,
                tv_nsec: n.rem_euclid(1_000_000_000) as libc::c_long,
            };
        }
    }
    let flags = if follow(vm, opt(vm, p[4]))? {
        0
    } else {
        libc::AT_SYMLINK_NOFOLLOW
    };
    let path = a.get(vm, 0);
    if let Some(fd) = path.as_int() {
        // SAFETY: two timespecs we own.
        if unsafe { libc::futimens(fd as i32, ts.as_ptr()) } != 0 {
            return Err(fail(vm, None));
        }
        return Ok(Value::NONE);
    }
    let d = dfd(vm, opt(vm, p[3]))?;
    let s = super::posix::path_arg(vm, path, "utime")?;
    // SAFETY: a NUL-terminated path and two timespecs we own.
    if unsafe { libc::utimensat(d, cpath(&s).as_ptr(), ts.as_ptr(), flags) } != 0 {
        return Err(fail(vm, Some(&s)));
    }
    Ok(Value::NONE)
}

/// The two path arguments of `link`/`symlink`.
fn two_paths(
    vm: &mut Vm,
    a: &Args,
    name: &str,
    names: &[&str],
) -> PyResult<(String, String, Vec<Option<usize>>)> {
    let p = bind(vm, a, name, names, 3, 2, Style::Clinic)?;
    let src = super::posix::path_arg(vm, vm.temp(p[0].unwrap_or(a.start)), name)?;
    let dst = super::posix::path_arg(vm, vm.temp(p[1].unwrap_or(a.start)), name)?;
    Ok((src, dst, p))
}

/// The OSError of a two-path call, naming both (`'a' -> 'b'`).
fn fail2(vm: &mut Vm, src: &str, dst: &str) -> crate::runtime::exception::Raised {
    let e = super::syscall::errno();
    super::posix_sys::raise_two_paths(vm, e, src, dst)
}

/// `link(src, dst, *, src_dir_fd=None, dst_dir_fd=None, follow_symlinks=True)`.
pub(super) fn link(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (src, dst, p) = two_paths(
        vm,
        &a,
        "link",
        &["src", "dst", "src_dir_fd", "dst_dir_fd", "follow_symlinks"],
    )?;
    let sd = dfd(vm, opt(vm, p[2]))?;
    let dd = dfd(vm, opt(vm, p[3]))?;
    let flags = if follow(vm, opt(vm, p[4]))? {
        libc::AT_SYMLINK_FOLLOW
    } else {
        0
    };
    // SAFETY: NUL-terminated paths we own.
    if unsafe { libc::linkat(sd, cpath(&src).as_ptr(), dd, cpath(&dst).as_ptr(), flags) } != 0 {
        return Err(fail2(vm, &src, &dst));
    }
    Ok(Value::NONE)
}

/// `symlink(src, dst, target_is_directory=False, *, dir_fd=None)`.
pub(super) fn symlink(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (src, dst, p) = two_paths(
        vm,
        &a,
        "symlink",
        &["src", "dst", "target_is_directory", "dir_fd"],
    )?;
    let d = dfd(vm, opt(vm, p[3]))?;
    // SAFETY: NUL-terminated paths we own.
    if unsafe { libc::symlinkat(cpath(&src).as_ptr(), d, cpath(&dst).as_ptr()) } != 0 {
        return Err(fail2(vm, &src, &dst));
    }
    Ok(Value::NONE)
}

/// `readlink(path, *, dir_fd=None)`: str for a str path, bytes for bytes.
pub(super) fn readlink(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let p = bind(vm, &a, "readlink", &["path", "dir_fd"], 1, 1, Style::Clinic)?;
    let v = vm.temp(p[0].unwrap_or(a.start));
    let as_bytes = vm.kind_of(v) == Some(Kind::Bytes);
    let d = dfd(vm, opt(vm, p[1]))?;
    let s = super::posix::path_arg(vm, v, "readlink")?;
    let mut buf = vec![0u8; 4096];
    // SAFETY: reading into our buffer, at most its length.
    let n = unsafe { libc::readlinkat(d, cpath(&s).as_ptr(), buf.as_mut_ptr().cast(), buf.len()) };
    if n < 0 {
        return Err(fail(vm, Some(&s)));
    }
    buf.truncate(n as usize);
    if as_bytes {
        vm.new_bytes(&buf)
    } else {
        vm.new_str(&String::from_utf8_lossy(&buf))
    }
}

/// `truncate(path, length)` (a descriptor too).
pub(super) fn truncate(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let p = bind(vm, &a, "truncate", &["path", "length"], 2, 2, Style::Clinic)?;
    let len = index_arg(vm, vm.temp(p[1].unwrap_or(a.start)))?;
    let path = a.get(vm, 0);
    if let Some(fd) = path.as_int() {
        // SAFETY: plain system call on a descriptor.
        if unsafe { libc::ftruncate(fd as i32, len as libc::off_t) } != 0 {
            return Err(fail(vm, None));
        }
        return Ok(Value::NONE);
    }
    let s = super::posix::path_arg(vm, path, "truncate")?;
    // SAFETY: a NUL-terminated path we own.
    if unsafe { libc::truncate(cpath(&s).as_ptr(), len as libc::off_t) } != 0 {
        return Err(fail(vm, Some(&s)));
    }
    Ok(Value::NONE)
}

/// `ftruncate(fd, length)`.
pub(super) fn ftruncate(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let p = bind(vm, &a, "ftruncate", &["fd", "length"], 2, 2, Style::Clinic)?;
    let fd = index_arg(vm, vm.temp(p[0].unwrap_or(a.start)))?;
    let len = index_arg(vm, vm.temp(p[1].unwrap_or(a.start)))?;
    // SAFETY: plain system call on a descriptor.
    if unsafe { libc::ftruncate(fd as i32, len as libc::off_t) } != 0 {
        return Err(fail(vm, None));
    }
    Ok(Value::NONE)
}

/// `fsync(fd)` (an object with `fileno()` too).
pub(super) fn fsync(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let p = bind(vm, &a, "fsync", &["fd"], 1, 1, Style::Clinic)?;
    let mut v = vm.temp(p[0].unwrap_or(a.start));
    if v.as_int().is_none() {
        v = super::io::call_method(vm, v, "fileno", &[])?;
    }
    let fd = index_arg(vm, v)?;
    // SAFETY: plain system call on a descriptor.
    let r = super::syscall::blocking(vm, || unsafe { libc::fsync(fd as i32) });
    if r != 0 {
        return Err(fail(vm, None));
    }
    Ok(Value::NONE)
}

/// `mkfifo(path, mode=0o666, *, dir_fd=None)`.
pub(super) fn mkfifo(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let p = bind(
        vm,
        &a,
        "mkfifo",
        &["path", "mode", "dir_fd"],
        2,
        1,
        Style::Clinic,
    )?;
    let mode = match opt(vm, p[1]) {
        Some(m) => index_arg(vm, m)? as libc::mode_t,
        None => 0o666,
    };
    let d = dfd(vm, opt(vm, p[2]))?;
    let s = super::posix::path_arg(vm, a.get(vm, 0), "mkfifo")?;
    // SAFETY: a NUL-terminated path we own.
    if unsafe { libc::mkfifoat(d, cpath(&s).as_ptr(), mode) } != 0 {
        return Err(fail(vm, Some(&s)));
    }
    Ok(Value::NONE)
}
