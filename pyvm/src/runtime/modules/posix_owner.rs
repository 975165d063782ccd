//! `posix.chown`, `lchown`, `fchown` (tarfile restores owners with them).

use pyvm_objmodel::Value;

use super::native_types::{Style, bind, index_arg, opt};
use crate::runtime::call::Args;
use crate::runtime::exception::PyResult;
use crate::runtime::heap::Vm;

/// A uid or gid argument (-1: leave unchanged).
fn id_arg(vm: &mut Vm, v: Value) -> PyResult<u32> {
    let n = index_arg(vm, v)?;
    Ok(n as u32)
}

fn owner_call(vm: &mut Vm, a: Args, name: &str, follow: bool) -> PyResult<Value> {
    let p = bind(
        vm,
        &a,
        name,
        &["path", "uid", "gid", "dir_fd", "follow_symlinks"],
        3,
        3,
        Style::Clinic,
    )?;
    let path = a.get(vm, 0);
    let uid = id_arg(vm, vm.temp(p[1].unwrap_or(a.start)))?;
    let gid = id_arg(vm, vm.temp(p[2].unwrap_or(a.start)))?;
    let follow = follow
        && match opt(vm, p[4]) {
            Some(v) => vm.truthy(v)?,
            None => true,
        };
    if let Some(fd) = path.as_int() {
        // SAFETY: plain system call on a descriptor.
        if unsafe { libc::fchown(fd as i32, uid, gid) } != 0 {
            return Err(vm.raise_os_error(super::syscall::errno(), None));
        }
        return Ok(Value::NONE);
    }
    let d = match opt(vm, p[3]) {
        Some(v) if !v.is_none() => match v.as_int() {
            Some(n) => n as i32,
            None => {
                let t = vm.type_name(v);
                return Err(vm.type_error(&format!("argument should be integer or None, not {t}")));
            }
        },
        _ => libc::AT_FDCWD,
    };
    let s = super::posix::path_arg(vm, path, name)?;
    let c = std::ffi::CString::new(s.as_str()).unwrap_or_default();
    let flags = if follow { 0 } else { libc::AT_SYMLINK_NOFOLLOW };
    // SAFETY: `c` is a NUL-terminated path we own.
    let r = unsafe { libc::fchownat(d, c.as_ptr(), uid, gid, flags) };
    if r != 0 {
        return Err(vm.raise_os_error(super::syscall::errno(), Some(&s)));
    }
    Ok(Value::NONE)
}

/// `chown(path, uid, gid, *, dir_fd=None, follow_symlinks=True)`.
pub(super) fn chown(vm: &mut Vm, a: Args) -> PyResult<Value> {
    owner_call(vm, a, "chown", true)
}

/// `lchown(path, uid, gid)`.
pub(super) fn lchown(vm: &mut Vm, a: Args) -> PyResult<Value> {
    owner_call(vm, a, "lchown", false)
}

/// `fchown(fd, uid, gid)`.
pub(super) fn fchown(vm: &mut Vm, a: Args) -> PyResult<Value> {
    owner_call(vm, a, "fchown", true)
}
