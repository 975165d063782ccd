//! `_posixsubprocess.fork_exec`: the one call `subprocess.Popen` needs on
//! POSIX. Everything the child needs (argv, environment, executables,
//! the descriptors to close) is prepared in the parent; after `fork` the
//! child only calls `dup2`/`close`/`chdir`/`execve` and reports a failure
//! before or at `exec` on the error pipe in the format `subprocess.py`
//! parses: `OSError:<hex errno>:` (`noexec` when the exec was never
//! reached) or `SubprocessError:0:<message>`.

use std::ffi::CString;

use pyvm_objmodel::Value;

use super::NativeModule;
use crate::runtime::call::Args;
use crate::runtime::exception::PyResult;
use crate::runtime::heap::Vm;
use crate::runtime::layout::Kind;
use crate::runtime::types::TypeId;

/// The `_posixsubprocess` module.
pub(crate) const MODULE: NativeModule = NativeModule {
    name: "_posixsubprocess",
    functions: &[("fork_exec", fork_exec)],
    init: None,
};

/// A path-like argument as bytes (str is encoded as UTF-8, bytes as is,
/// `os.PathLike` through `__fspath__`).
fn fs_bytes(vm: &mut Vm, v: Value, what: &str) -> PyResult<Vec<u8>> {
    let v = if matches!(vm.kind_of(v), Some(Kind::Instance)) {
        vm.call_dunder0(v, "__fspath__")?.unwrap_or(v)
    } else {
        v
    };
    let out = if vm.is_str(v) {
        vm.str_text(v).as_bytes().to_vec()
    } else if matches!(vm.kind_of(v), Some(Kind::Bytes | Kind::ByteArray)) {
        vm.bytes_data(v).to_vec()
    } else {
        let t = vm.type_name(v);
        return Err(vm.type_error(&format!(
            "expected str, bytes or os.PathLike object, not {t}"
        )));
    };
    if out.contains(&0) {
        return Err(vm.raise_msg(TypeId::ValueError, &format!("embedded null byte in {what}")));
    }
    Ok(out)
}

/// The items of a sequence argument as bytes (`None` stays `None`).
pub(super) fn bytes_list(vm: &mut Vm, v: Value, what: &str) -> PyResult<Option<Vec<CString>>> {
    if v.is_none() {
        return Ok(None);
    }
    let mark = vm.temps_len();
    let r = (|| {
        let items = vm.collect_iterable(v)?;
        let first = vm.temps_len();
        for it in items {
            vm.push_temp(it);
        }
        let mut out = Vec::new();
        for i in first..vm.temps_len() {
            let b = fs_bytes(vm, vm.temp(i), what)?;
            out.push(CString::new(b).unwrap_or_default());
        }
        Ok(Some(out))
    })();
    vm.pop_temps(mark);
    r
}

fn int_at(vm: &mut Vm, a: &Args, i: usize) -> PyResult<i64> {
    let v = a.get(vm, i);
    match v.as_int().or_else(|| v.as_bool().map(i64::from)) {
        Some(n) => Ok(n),
        None if v.is_none() => Ok(-1),
        None => {
            let t = vm.type_name(v);
            Err(vm.type_error(&format!("'{t}' object cannot be interpreted as an integer")))
        }
    }
}

/// What the child does, prepared before `fork`.
struct ChildPlan {
    argv: Vec<CString>,
    executables: Vec<CString>,
    env: Option<Vec<CString>>,
    cwd: Option<CString>,
    /// p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite.
    fds: [i32; 6],
    errpipe_write: i32,
    /// Descriptors open in the parent that the child closes (`close_fds`).
    to_close: Vec<i32>,
    /// `fds_to_keep` without the error pipe: made inheritable in the child.
    keep: Vec<i32>,
    restore_signals: bool,
    call_setsid: bool,
    pgid: i64,
    gid: i64,
    groups: Option<Vec<libc::gid_t>>,
    uid: i64,
    umask: i64,
}

/// The descriptors of this process, from `/proc/self/fd` (or every number
/// up to the limit when that is not there).
fn open_fds() -> Vec<i32> {
    if let Ok(rd) = std::fs::read_dir("/proc/self/fd") {
        let mut v: Vec<i32> = rd
            .filter_map(|e| e.ok()?.file_name().to_str()?.parse().ok())
            .collect();
        v.sort_unstable();
        return v;
    }
    // SAFETY: sysconf only reads a limit.
    let max = unsafe { libc::sysconf(libc::_SC_OPEN_MAX) };
    (0..max.clamp(256, 65536) as i32).collect()
}

/// `fork_exec(args, executable_list, close_fds, pass_fds, cwd, env,
/// p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite, errpipe_read,
/// errpipe_write, restore_signals, call_setsid, pgid_to_set, gid,
/// extra_groups, uid, child_umask, preexec_fn, allow_vfork)`.
fn fork_exec(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = a.npos(vm);
    if n != 23 || a.nkw(vm) != 0 {
        return Err(vm.type_error(&format!(
            "fork_exec() takes exactly 23 positional arguments ({n} given)"
        )));
    }
    let argv = {
        let v = a.get(vm, 0);
        bytes_list(vm, v, "args")?.unwrap_or_default()
    };
    let executables = {
        let v = a.get(vm, 1);
        bytes_list(vm, v, "executable")?.unwrap_or_default()
    };
    let close_fds = {
        let v = a.get(vm, 2);
        vm.truthy(v)?
    };
    let pass_fds: Vec<i64> = {
        let v = a.get(vm, 3);
        let items = vm.collect_iterable(v)?;
        let mut out = Vec::with_capacity(items.len());
        for it in items {
            match it.as_int() {
                Some(fd) if fd >= 0 => out.push(fd),
                _ => return Err(vm.raise_msg(TypeId::ValueError, "bad value(s) in fds_to_keep")),
            }
        }
        out
    };
    let cwd = {
        let v = a.get(vm, 4);
        if v.is_none() {
            None
        } else {
            Some(CString::new(fs_bytes(vm, v, "cwd")?).unwrap_or_default())
        }
    };
    let env = {
        let v = a.get(vm, 5);
        bytes_list(vm, v, "env")?
    };
    let mut fds = [0i32; 6];
    for (k, fd) in fds.iter_mut().enumerate() {
        *fd = int_at(vm, &a, 6 + k)? as i32;
    }
    let errpipe_write = int_at(vm, &a, 13)? as i32;
    let restore_signals = {
        let v = a.get(vm, 14);
        vm.truthy(v)?
    };
    let call_setsid = {
        let v = a.get(vm, 15);
        vm.truthy(v)?
    };
    let pgid = int_at(vm, &a, 16)?;
    let gid = int_at(vm, &a, 17)?;
    let groups = {
        let v = a.get(vm, 18);
        if v.is_none() {
            None
        } else {
            let items = vm.collect_iterable(v)?;
            Some(
                items
                    .iter()
                    .map(|g| g.as_int().unwrap_or(0) as libc::gid_t)
                    .collect(),
            )
        }
    };
    let uid = int_at(vm, &a, 19)?;
    let umask = int_at(vm, &a, 20)?;
    let preexec = a.get(vm, 21);
    if argv.is_empty() && executables.is_empty() {
        return Err(vm.raise_msg(TypeId::ValueError, "args must not be empty"));
    }
    let to_close = if close_fds {
        open_fds()
            .into_iter()
            .filter(|&fd| fd > 2 && fd != errpipe_write && !pass_fds.contains(&(fd as i64)))
            .collect()
    } else {
        Vec::new()
    };
    let keep: Vec<i32> = pass_fds
        .iter()
        .map(|&fd| fd as i32)
        .filter(|&fd| fd != errpipe_write)
        .collect();
    let plan = ChildPlan {
        keep,
        argv,
        executables,
        env,
        cwd,
        fds,
        errpipe_write,
        to_close,
        restore_signals,
        call_setsid,
        pgid,
        gid,
        groups,
        uid,
        umask,
    };
    let pi = vm.push_temp(preexec);
    // Output print()ed so far is written once, by the parent.
    vm.flush_out();
    // SAFETY: pyvm runs Python on one thread, so the child is a complete
    // copy of a single-threaded process; it only runs `child` and exits.
    let pid = unsafe { libc::fork() };
    if pid == 0 {
        let preexec = vm.temp(pi);
        child(vm, &plan, preexec);
    }
    vm.pop_temps(pi);
    if pid < 0 {
        let e = std::io::Error::last_os_error().raw_os_error().unwrap_or(0);
        return Err(vm.raise_os_error(e, None));
    }
    Ok(Value::from_int(pid as i64).unwrap_or(Value::NONE))
}

/// Writes the failure report to the error pipe and exits with 255.
fn fail(errpipe: i32, name: &str, errno: i32, msg: &str) -> ! {
    let report = format!("{name}:{errno:x}:{msg}");
    // SAFETY: writing our own buffer to a descriptor, then leaving the
    // process without running any exit handler of the parent's copy.
    unsafe {
        libc::write(errpipe, report.as_ptr().cast(), report.len());
        libc::_exit(255)
    }
}

fn last_errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

/// Moves `fd` to `target` (0, 1 or 2) the way `exec` will see it:
/// inheritable, whether or not it is already there.
///
/// # Safety
/// Only in the child after `fork`.
unsafe fn install(fd: i32, target: i32, errpipe: i32) {
    if fd < 0 {
        return;
    }
    // SAFETY: plain descriptor calls in the forked child.
    unsafe {
        if fd == target {
            let flags = libc::fcntl(fd, libc::F_GETFD);
            if flags >= 0 {
                libc::fcntl(fd, libc::F_SETFD, flags & !libc::FD_CLOEXEC);
            }
        } else if libc::dup2(fd, target) < 0 {
            fail(errpipe, "OSError", last_errno(), "noexec");
        }
    }
}

/// The child's side: never returns.
fn child(vm: &mut Vm, p: &ChildPlan, preexec: Value) -> ! {
    let ep = p.errpipe_write;
    let [
        p2cread,
        p2cwrite,
        c2pread,
        mut c2pwrite,
        errread,
        mut errwrite,
    ] = p.fds;
    // SAFETY: descriptor and process-attribute calls in the forked child,
    // on numbers the parent passed; failures are reported on the pipe.
    unsafe {
        // The descriptors to pass on lose their close-on-exec flag.
        for &fd in &p.keep {
            let flags = libc::fcntl(fd, libc::F_GETFD);
            if flags < 0 || libc::fcntl(fd, libc::F_SETFD, flags & !libc::FD_CLOEXEC) < 0 {
                fail(ep, "OSError", last_errno(), "noexec");
            }
        }
        for fd in [p2cwrite, c2pread, errread] {
            if fd >= 0 {
                libc::close(fd);
            }
        }
        // A descriptor already at a low number must not be clobbered by
        // an earlier dup2.
        if c2pwrite == 0 {
            c2pwrite = libc::dup(c2pwrite);
        }
        while errwrite == 0 || errwrite == 1 {
            errwrite = libc::dup(errwrite);
        }
        install(p2cread, 0, ep);
        install(c2pwrite, 1, ep);
        install(errwrite, 2, ep);
        if let Some(cwd) = &p.cwd
            && libc::chdir(cwd.as_ptr()) < 0
        {
            fail(ep, "OSError", last_errno(), "noexec");
        }
        if p.umask >= 0 {
            libc::umask(p.umask as libc::mode_t);
        }
        if p.restore_signals {
            libc::signal(libc::SIGPIPE, libc::SIG_DFL);
            libc::signal(libc::SIGXFSZ, libc::SIG_DFL);
        }
        if p.call_setsid && libc::setsid() < 0 {
            fail(ep, "OSError", last_errno(), "noexec");
        }
        if p.pgid >= 0 && libc::setpgid(0, p.pgid as libc::pid_t) < 0 {
            fail(ep, "OSError", last_errno(), "noexec");
        }
        if let Some(g) = &p.groups
            && libc::setgroups(g.len(), g.as_ptr()) < 0
        {
            fail(ep, "OSError", last_errno(), "noexec");
        }
        if p.gid >= 0 && libc::setregid(p.gid as libc::gid_t, p.gid as libc::gid_t) < 0 {
            fail(ep, "OSError", last_errno(), "noexec");
        }
        if p.uid >= 0 && libc::setreuid(p.uid as libc::uid_t, p.uid as libc::uid_t) < 0 {
            fail(ep, "OSError", last_errno(), "noexec");
        }
    }
    if !preexec.is_none() && vm.call_value(preexec, &[]).is_err() {
        fail(
            ep,
            "SubprocessError",
            0,
            "Exception occurred in preexec_fn.",
        );
    }
    // SAFETY: as above; argv and envp are NULL-terminated arrays of
    // pointers into CStrings that live until exec or exit.
    unsafe {
        for &fd in &p.to_close {
            libc::close(fd);
        }
        let mut argv: Vec<*const libc::c_char> = p.argv.iter().map(|s| s.as_ptr()).collect();
        argv.push(std::ptr::null());
        let envp: Option<Vec<*const libc::c_char>> = p.env.as_ref().map(|e| {
            let mut v: Vec<_> = e.iter().map(|s| s.as_ptr()).collect();
            v.push(std::ptr::null());
            v
        });
        let mut saved = 0;
        for exe in &p.executables {
            match &envp {
                Some(envp) => libc::execve(exe.as_ptr(), argv.as_ptr(), envp.as_ptr()),
                None => libc::execv(exe.as_ptr(), argv.as_ptr()),
            };
            let e = last_errno();
            if e != libc::ENOENT && e != libc::ENOTDIR && saved == 0 {
                saved = e;
            }
        }
        let e = if saved != 0 { saved } else { last_errno() };
        fail(ep, "OSError", e, "")
    }
}
