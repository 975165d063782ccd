//! `posix`: the operating-system calls `os.py` builds on, with CPython's
//! `OSError`s (`FileNotFoundError: [Errno 2] No such file or directory:
//! 'x'`). `DirEntry` is a small class made at import whose fields are
//! attributes; `stat_result`, `uname_result`, `times_result` and
//! `terminal_size` are struct sequences (`structseq.rs`). The calls on bytes (`read`, `write`, `urandom`,
//! `pipe`, `dup`, bytes paths) are in `posix_bytes.rs`.

use std::ffi::CString;

use pyvm_objmodel::Value;

use super::{ModuleRef, NativeModule};
use crate::runtime::builtins::arity;
use crate::runtime::call::{Args, NativeFn};
use crate::runtime::exception::PyResult;
use crate::runtime::heap::Vm;
use crate::runtime::layout::{Kind, TYPE_FIELDS, TypeField};
use crate::runtime::types::{GlobalSlot, TypeId};

const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("getcwd", getcwd),
    ("chdir", chdir),
    ("listdir", listdir),
    ("scandir", scandir),
    ("stat", stat),
    ("lstat", lstat),
    ("fstat", fstat),
    ("open", open),
    ("close", close),
    ("lseek", lseek),
    ("read", super::posix_bytes::read),
    ("write", super::posix_bytes::write),
    ("urandom", super::posix_bytes::urandom),
    ("pipe", super::posix_bytes::pipe),
    ("dup", super::posix_bytes::dup),
    ("dup2", super::posix_bytes::dup2),
    ("get_blocking", super::posix_bytes::get_blocking),
    ("set_blocking", super::posix_bytes::set_blocking),
    ("getcwdb", super::posix_bytes::getcwdb),
    ("chown", super::posix_owner::chown),
    ("lchown", super::posix_owner::lchown),
    ("fchown", super::posix_owner::fchown),
    ("chmod", super::posix_files::chmod),
    ("fchmod", super::posix_files::fchmod),
    ("utime", super::posix_files::utime),
    ("link", super::posix_files::link),
    ("symlink", super::posix_files::symlink),
    ("readlink", super::posix_files::readlink),
    ("truncate", super::posix_files::truncate),
    ("ftruncate", super::posix_files::ftruncate),
    ("fsync", super::posix_files::fsync),
    ("mkfifo", super::posix_files::mkfifo),
    ("fspath", fspath),
    ("getpid", getpid),
    ("getppid", getppid),
    ("getuid", getuid),
    ("geteuid", geteuid),
    ("getgid", getgid),
    ("getegid", getegid),
    ("uname", uname),
    ("strerror", strerror),
    ("unlink", unlink),
    ("remove", unlink),
    ("rename", rename),
    ("replace", rename),
    ("mkdir", mkdir),
    ("rmdir", rmdir),
    ("access", access),
    ("isatty", isatty),
    ("_exit", exit_now),
    ("get_terminal_size", get_terminal_size),
    ("cpu_count", cpu_count),
    ("times", times),
    ("umask", umask),
    ("kill", kill),
    ("putenv", putenv),
    ("unsetenv", unsetenv),
    ("system", system),
    ("device_encoding", device_encoding),
    ("_direntry_is_dir", direntry_is_dir),
    ("_direntry_is_file", direntry_is_file),
    ("_direntry_is_symlink", direntry_is_symlink),
    ("_direntry_stat", direntry_stat),
    ("_direntry_fspath", direntry_fspath),
    ("waitpid", super::posix_proc::waitpid),
    ("wait", super::posix_proc::wait),
    (
        "waitstatus_to_exitcode",
        super::posix_proc::waitstatus_to_exitcode,
    ),
    ("WIFEXITED", super::posix_proc::wifexited),
    ("WEXITSTATUS", super::posix_proc::wexitstatus),
    ("WIFSIGNALED", super::posix_proc::wifsignaled),
    ("WTERMSIG", super::posix_proc::wtermsig),
    ("WIFSTOPPED", super::posix_proc::wifstopped),
    ("WSTOPSIG", super::posix_proc::wstopsig),
    ("WIFCONTINUED", super::posix_proc::wifcontinued),
    ("WCOREDUMP", super::posix_proc::wcoredump),
    ("fork", super::posix_proc::fork),
    ("register_at_fork", super::posix_proc::register_at_fork),
    ("execv", super::posix_proc::execv),
    ("execve", super::posix_proc::execve),
    ("killpg", super::posix_proc::killpg),
    ("getpgrp", super::posix_proc::getpgrp),
    ("setsid", super::posix_proc::setsid),
    ("sysconf", super::posix_sys::sysconf),
    ("_fpathconf", super::posix_sys::fpathconf),
    ("confstr", super::posix_sys::confstr),
    ("_statvfs", super::posix_sys::statvfs),
    ("openpty", super::posix_sys::openpty),
    ("login_tty", super::posix_sys::login_tty),
    ("ttyname", super::posix_sys::ttyname),
    ("ctermid", super::posix_sys::ctermid),
    ("_wait4", super::posix_sys::wait4),
    ("sendfile", super::posix_sys::sendfile),
    ("pread", super::posix_sys::pread),
    ("pwrite", super::posix_sys::pwrite),
    ("writev", super::posix_sys::writev),
    ("_readv", super::posix_sys::readv),
    ("getloadavg", super::posix_sys::getloadavg),
    ("_sched_getaffinity", super::posix_sys::sched_getaffinity),
    ("_sched_setaffinity", super::posix_sys::sched_setaffinity),
    ("nice", super::posix_sys::nice),
    ("getpriority", super::posix_sys::getpriority),
    ("setpriority", super::posix_sys::setpriority),
    ("posix_fadvise", super::posix_sys::posix_fadvise),
    ("posix_fallocate", super::posix_sys::posix_fallocate),
    ("lockf", super::posix_sys::lockf),
    ("get_inheritable", super::posix_sys::get_inheritable),
    ("set_inheritable", super::posix_sys::set_inheritable),
    ("pipe2", super::posix_sys::pipe2),
    ("closerange", super::posix_sys::closerange),
    ("fchdir", super::posix_sys::fchdir),
    ("fdatasync", super::posix_sys::fdatasync),
    ("getpgid", super::posix_sys::getpgid),
    ("setpgid", super::posix_sys::setpgid),
    ("getsid", super::posix_sys::getsid),
    ("setpgrp", super::posix_sys::setpgrp),
    ("tcgetpgrp", super::posix_sys::tcgetpgrp),
    ("tcsetpgrp", super::posix_sys::tcsetpgrp),
    ("setuid", super::posix_sys::setuid),
    ("setgid", super::posix_sys::setgid),
    ("seteuid", super::posix_sys::seteuid),
    ("setegid", super::posix_sys::setegid),
    ("setreuid", super::posix_sys::setreuid),
    ("setregid", super::posix_sys::setregid),
    ("sched_yield", super::posix_sys::sched_yield),
    (
        "sched_get_priority_max",
        super::posix_sys::sched_get_priority_max,
    ),
    (
        "sched_get_priority_min",
        super::posix_sys::sched_get_priority_min,
    ),
    ("sync", super::posix_sys::sync),
    ("abort", super::posix_sys::abort),
    ("getgroups", super::posix_sys::getgroups),
    ("getresuid", super::posix_sys::getresuid),
    ("getresgid", super::posix_sys::getresgid),
    ("getlogin", super::posix_sys::getlogin),
    ("major", super::posix_sys::major),
    ("minor", super::posix_sys::minor),
    ("makedev", super::posix_sys::makedev),
    ("getrandom", super::posix_sys::getrandom),
    ("chroot", super::posix_sys::chroot),
    ("_mknod", super::posix_sys::mknod),
];

/// The `posix` module.
pub(crate) const MODULE: NativeModule = NativeModule {
    name: "posix",
    functions: FUNCTIONS,
    init: Some(init),
};

fn int(n: i64) -> Value {
    Value::from_int(n).unwrap_or(Value::NONE)
}

/// Makes a plain class `name` (instances are `Kind::Instance`) and sets it
/// as module attribute `attr`.
fn make_class(vm: &mut Vm, m: ModuleRef, name: &str, attr: &str) -> PyResult<()> {
    let mark = vm.temps_len();
    let r = (|| {
        let n = vm.new_str(name)?;
        vm.push_temp(n);
        let d = vm.new_dict()?;
        vm.push_temp(d);
        let bases = vm.new_tuple(&[vm.ty(TypeId::Object)])?;
        vm.push_temp(bases);
        let mut tf = [Value::NONE; TYPE_FIELDS];
        tf[TypeField::Name as usize] = vm.temp(mark);
        tf[TypeField::Dict as usize] = vm.temp(mark + 1);
        tf[TypeField::Bases as usize] = vm.temp(mark + 2);
        tf[TypeField::InstanceKind as usize] = int(Kind::Instance as i64);
        let meta = vm.ty(TypeId::Type);
        let t = vm.alloc_record(Kind::Type, meta, &tf, 0)?;
        vm.push_temp(t);
        let mro = vm.new_tuple(&[vm.temp(mark + 3), vm.ty(TypeId::Object)])?;
        vm.set_field(vm.temp(mark + 3), TypeField::Mro as usize, mro);
        m.set(vm, attr, vm.temp(mark + 3))
    })();
    vm.pop_temps(mark);
    r
}

fn init(vm: &mut Vm, m: ModuleRef) -> PyResult<()> {
    make_class(vm, m, "posix.DirEntry", "DirEntry")?;
    super::structseq::define(vm, m, STRUCT_SEQS)?;
    super::time_mod::exec_in_module(vm, m, SCANDIR_ITERATOR, "<posix scandir>")?;
    super::posix_proc::init(vm, m)?;
    super::posix_sys::init(vm, m)?;
    // DirEntry methods call module natives (which, being module
    // functions, do not bind as methods themselves).
    super::time_mod::exec_in_module(vm, m, DIRENTRY_METHODS, "<posix DirEntry>")?;
    for (meth, wrapper) in [
        ("is_dir", "_direntry_m_is_dir"),
        ("is_file", "_direntry_m_is_file"),
        ("is_symlink", "_direntry_m_is_symlink"),
        ("stat", "_direntry_m_stat"),
        ("__fspath__", "_direntry_m___fspath__"),
    ] {
        let d = vm.field(m.get(vm), 0);
        let Some(f) = vm.dict_get_str(d, wrapper)? else {
            continue;
        };
        let fi = vm.push_temp(f);
        let md = vm.field(m.get(vm), 0);
        let cls = vm.dict_get_str(md, "DirEntry")?.unwrap_or(Value::NONE);
        let cd = vm.field(cls, TypeField::Dict as usize);
        vm.dict_set_str(cd, meth, vm.temp(fi))?;
        vm.pop_temps(fi);
    }
    let consts: &[(&str, i64)] = &[
        ("F_OK", libc::F_OK as i64),
        ("R_OK", libc::R_OK as i64),
        ("W_OK", libc::W_OK as i64),
        ("X_OK", libc::X_OK as i64),
        ("O_RDONLY", libc::O_RDONLY as i64),
        ("O_WRONLY", libc::O_WRONLY as i64),
        ("O_RDWR", libc::O_RDWR as i64),
        ("O_APPEND", libc::O_APPEND as i64),
        ("O_CREAT", libc::O_CREAT as i64),
        ("O_EXCL", libc::O_EXCL as i64),
        ("O_TRUNC", libc::O_TRUNC as i64),
        ("O_CLOEXEC", libc::O_CLOEXEC as i64),
        ("O_NONBLOCK", libc::O_NONBLOCK as i64),
        ("O_DIRECTORY", libc::O_DIRECTORY as i64),
        ("O_NOFOLLOW", libc::O_NOFOLLOW as i64),
        ("SEEK_SET", 0),
        ("SEEK_CUR", 1),
        ("SEEK_END", 2),
        ("WNOHANG", libc::WNOHANG as i64),
        ("EX_OK", 0),
        ("TMP_MAX", 238328),
    ];
    for &(n, v) in consts {
        m.set(vm, n, int(v))?;
    }
    // environ: bytes name → bytes value, as CPython's.
    let env = vm.new_dict()?;
    let ei = vm.push_temp(env);
    for (k, v) in std::env::vars_os() {
        use std::os::unix::ffi::OsStrExt;
        let kv = vm.new_bytes(k.as_bytes())?;
        let ki = vm.push_temp(kv);
        let vv = vm.new_bytes(v.as_bytes())?;
        vm.dict_set(vm.temp(ei), vm.temp(ki), vv)?;
        vm.pop_temps(ki);
    }
    let env = vm.temp(ei);
    vm.pop_temps(ei);
    m.set(vm, "environ", env)?;
    let have = [
        "HAVE_FSTATAT",
        "HAVE_FCHDIR",
        "HAVE_FCHMOD",
        "HAVE_FSTATVFS",
        "HAVE_FTRUNCATE",
        "HAVE_LSTAT",
        "HAVE_MKDIRAT",
        "HAVE_OPENAT",
        "HAVE_UNLINKAT",
        "HAVE_RENAMEAT",
        "HAVE_FDOPENDIR",
        "HAVE_FPATHCONF",
        "HAVE_FCHMODAT",
        "HAVE_LINKAT",
        "HAVE_READLINKAT",
        "HAVE_SYMLINKAT",
        "HAVE_UTIMENSAT",
        "HAVE_FUTIMENS",
        "HAVE_FCHOWNAT",
        "HAVE_MKFIFOAT",
        "HAVE_MKNODAT",
        "HAVE_FACCESSAT",
        "HAVE_FCHOWN",
    ];
    let mark = vm.temps_len();
    for h in have {
        let s = vm.new_str(h)?;
        vm.push_temp(s);
    }
    let items = vm.m.roots().temps[mark..].to_vec();
    let l = vm.new_list(&items);
    vm.pop_temps(mark);
    m.set(vm, "_have_functions", l?)?;
    Ok(())
}

/// The path argument as text (str or os.PathLike via `__fspath__`).
pub(super) fn path_arg(vm: &mut Vm, v: Value, fname: &str) -> PyResult<String> {
    if vm.is_str(v) {
        let s = vm.str_text(v).into_owned();
        if s.contains('\0') {
            return Err(vm.raise_msg(
                TypeId::ValueError,
                &format!("{fname}: embedded null character in path"),
            ));
        }
        return Ok(s);
    }
    if vm.kind_of(v) == Some(Kind::Bytes) {
        return super::posix_bytes::bytes_path(vm, v, fname);
    }
    if matches!(vm.kind_of(v), Some(Kind::Instance))
        && let Some(p) = vm.call_dunder0(v, "__fspath__")?
    {
        if vm.is_str(p) {
            return Ok(vm.str_text(p).into_owned());
        }
        if vm.kind_of(p) == Some(Kind::Bytes) {
            return super::posix_bytes::bytes_path(vm, p, fname);
        }
    }
    let t = vm.type_name(v);
    Err(vm.type_error(&format!(
        "{fname}: path should be string, bytes or os.PathLike, not {t}"
    )))
}

fn cpath(s: &str) -> CString {
    CString::new(s).unwrap_or_default()
}

fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

/// The posix module (for its classes).
fn module_class(vm: &mut Vm, name: &str) -> PyResult<Value> {
    let modules = vm.global(GlobalSlot::Modules);
    let m = match vm.dict_get_str(modules, "posix")? {
        Some(m) => m,
        None => vm.import_module("posix")?,
    };
    let d = vm.field(m, 0);
    Ok(vm.dict_get_str(d, name)?.unwrap_or(Value::NONE))
}

/// An instance of the posix class `cls` with attributes `fields`.
fn make_instance(vm: &mut Vm, cls: &str, fields: &[(&str, Value)]) -> PyResult<Value> {
    let mark = vm.temps_len();
    for &(_, v) in fields {
        vm.push_temp(v);
    }
    let r = (|| {
        let c = module_class(vm, cls)?;
        vm.push_temp(c);
        let d = vm.new_dict()?;
        vm.push_temp(d);
        for (i, &(n, _)) in fields.iter().enumerate() {
            vm.dict_set_str(vm.temp(mark + fields.len() + 1), n, vm.temp(mark + i))?;
        }
        let c = vm.temp(mark + fields.len());
        vm.alloc_record(Kind::Instance, c, &[vm.temp(mark + fields.len() + 1)], 0)
    })();
    vm.pop_temps(mark);
    r
}

fn stat_value(vm: &mut Vm, st: &libc::stat) -> PyResult<Value> {
    let times = [
        (st.st_atime, st.st_atime_nsec),
        (st.st_mtime, st.st_mtime_nsec),
        (st.st_ctime, st.st_ctime_nsec),
    ];
    let mut small: Vec<Value> = vec![
        int(st.st_mode as i64),
        int(st.st_ino as i64),
        int(st.st_dev as i64),
        int(st.st_nlink as i64),
        int(st.st_uid as i64),
        int(st.st_gid as i64),
        int(st.st_size),
    ];
    // The unnamed sequence fields: the times as ints.
    small.extend(times.iter().map(|&(s, _)| int(s)));
    small.extend(
        times
            .iter()
            .map(|&(s, ns)| Value::from_float(s as f64 + ns as f64 * 1e-9)),
    );
    let mark = vm.temps_len();
    vm.roots().temps.extend_from_slice(&small);
    let r = (|| {
        // The nanosecond times are big ints.
        for (s, ns) in times {
            let v = vm.new_int(num_bigint::BigInt::from(
                s as i128 * 1_000_000_000 + ns as i128,
            ))?;
            vm.push_temp(v);
        }
        for x in [st.st_blksize, st.st_blocks, st.st_rdev as i64] {
            vm.push_temp(int(x));
        }
        let c = module_class(vm, "stat_result")?;
        super::structseq::new_structseq(vm, c, mark)
    })();
    vm.pop_temps(mark);
    r
}

fn do_stat(vm: &mut Vm, a: &Args, fname: &str, follow: bool) -> PyResult<Value> {
    arity(vm, a, fname, 1, 1).or_else(|e| {
        if a.npos(vm) == 1 {
            vm.take_raised();
            Ok(1)
        } else {
            Err(e)
        }
    })?;
    let v = a.get(vm, 0);
    // SAFETY: zeroed `stat` buffers filled by the calls below.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    if let Some(fd) = v.as_int() {
        // SAFETY: fstat on a descriptor number.
        if unsafe { libc::fstat(fd as i32, &mut st) } != 0 {
            return Err(vm.raise_os_error(errno(), None));
        }
        return stat_value(vm, &st);
    }
    let dfd = super::posix_sys::dir_fd_kw(vm, a)?;
    let follow = follow && follow_kw(vm, a)?;
    let p = path_arg(vm, v, fname)?;
    let c = cpath(&p);
    let flags = if follow { 0 } else { libc::AT_SYMLINK_NOFOLLOW };
    // SAFETY: fstatat on a NUL-terminated path (relative to `dfd`).
    let r = unsafe { libc::fstatat(dfd, c.as_ptr(), &mut st, flags) };
    if r != 0 {
        return Err(vm.raise_os_error(errno(), Some(&p)));
    }
    stat_value(vm, &st)
}

fn stat(vm: &mut Vm, a: Args) -> PyResult<Value> {
    do_stat(vm, &a, "stat", true)
}

fn lstat(vm: &mut Vm, a: Args) -> PyResult<Value> {
    do_stat(vm, &a, "lstat", false)
}

fn fstat(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "fstat", 1, 1)?;
    if a.get(vm, 0).as_int().is_none() {
        let t = vm.type_name(a.get(vm, 0));
        return Err(vm.type_error(&format!("'{t}' object cannot be interpreted as an integer")));
    }
    do_stat(vm, &a, "fstat", true)
}

fn getcwd(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "getcwd", 0, 0)?;
    match std::env::current_dir() {
        Ok(p) => vm.new_str(&p.to_string_lossy()),
        Err(e) => Err(vm.raise_io_error(&e, None)),
    }
}

fn chdir(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "chdir", 1, 1)?;
    if let Some(fd) = a.get(vm, 0).as_int() {
        // SAFETY: fchdir on a descriptor number.
        if unsafe { libc::fchdir(fd as i32) } != 0 {
            return Err(vm.raise_os_error(errno(), None));
        }
        return Ok(Value::NONE);
    }
    let p = path_arg(vm, a.get(vm, 0), "chdir")?;
    let c = cpath(&p);
    // SAFETY: chdir to a NUL-terminated path.
    if unsafe { libc::chdir(c.as_ptr()) } != 0 {
        return Err(vm.raise_os_error(errno(), Some(&p)));
    }
    Ok(Value::NONE)
}

fn read_dir_names(vm: &mut Vm, p: &str) -> PyResult<Vec<String>> {
    match std::fs::read_dir(if p.is_empty() { "." } else { p }) {
        Ok(rd) => Ok(rd
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect()),
        Err(e) => Err(vm.raise_io_error(&e, Some(p))),
    }
}

fn listdir(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = arity(vm, &a, "listdir", 0, 1)?;
    if n == 1
        && let Some(fd) = a.get(vm, 0).as_int()
    {
        let names = super::posix_sys::fd_dir_names(vm, fd as i32)?;
        let mark = vm.temps_len();
        for s in &names {
            let v = vm.new_str(&String::from_utf8_lossy(s))?;
            vm.push_temp(v);
        }
        let items = vm.m.roots().temps[mark..].to_vec();
        let l = vm.new_list(&items);
        vm.pop_temps(mark);
        return l;
    }
    let p = if n == 0 || a.get(vm, 0).is_none() {
        ".".to_string()
    } else {
        path_arg(vm, a.get(vm, 0), "listdir")?
    };
    let as_bytes = n == 1 && vm.kind_of(a.get(vm, 0)) == Some(Kind::Bytes);
    let names = read_dir_names(vm, &p)?;
    let mark = vm.temps_len();
    for s in &names {
        let v = if as_bytes {
            vm.new_bytes(s.as_bytes())
        } else {
            vm.new_str(s)
        }?;
        vm.push_temp(v);
    }
    let items = vm.m.roots().temps[mark..].to_vec();
    let l = vm.new_list(&items);
    vm.pop_temps(mark);
    l
}

/// `scandir(path='.')`: a `ScandirIterator` (a context manager) over
/// DirEntry objects.
fn scandir(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = arity(vm, &a, "scandir", 0, 1)?;
    // scandir(fd): entries named relative to the directory, which their
    // `_dirfd` remembers for `stat()` and `is_dir()`.
    let dir_fd = if n == 1 { a.get(vm, 0).as_int() } else { None };
    let p = if dir_fd.is_some() {
        String::new()
    } else if n == 0 || a.get(vm, 0).is_none() {
        ".".to_string()
    } else {
        path_arg(vm, a.get(vm, 0), "scandir")?
    };
    let as_bytes = n == 1 && vm.kind_of(a.get(vm, 0)) == Some(Kind::Bytes);
    let names = match dir_fd {
        Some(fd) => super::posix_sys::fd_dir_names(vm, fd as i32)?
            .iter()
            .map(|s| String::from_utf8_lossy(s).into_owned())
            .collect(),
        None => read_dir_names(vm, &p)?,
    };
    let mark = vm.temps_len();
    for name in &names {
        let full = if dir_fd.is_some() {
            name.clone()
        } else if p == "." && (n == 0) {
            format!("./{name}")
        } else if p.ends_with('/') {
            format!("{p}{name}")
        } else {
            format!("{p}/{name}")
        };
        let nv = if as_bytes {
            vm.new_bytes(name.as_bytes())?
        } else {
            vm.new_str(name)?
        };
        let ni = vm.push_temp(nv);
        let pv = if as_bytes {
            vm.new_bytes(full.as_bytes())?
        } else {
            vm.new_str(&full)?
        };
        let e = match dir_fd {
            Some(fd) => make_instance(
                vm,
                "DirEntry",
                &[("name", vm.temp(ni)), ("path", pv), ("_dirfd", int(fd))],
            )?,
            None => make_instance(vm, "DirEntry", &[("name", vm.temp(ni)), ("path", pv)])?,
        };
        vm.roots().temps[ni] = e;
    }
    let items = vm.m.roots().temps[mark..].to_vec();
    let l = vm.new_list(&items);
    vm.pop_temps(mark);
    let li = vm.push_temp(l?);
    let r = module_class(vm, "ScandirIterator").and_then(|c| vm.call_value(c, &[vm.temp(li)]));
    vm.pop_temps(li);
    r
}

fn entry_path(vm: &mut Vm, a: &Args) -> PyResult<String> {
    let key = vm.new_str("path")?;
    let p = vm.get_attr(a.get(vm, 0), key)?;
    path_arg(vm, p, "DirEntry")
}

/// The directory descriptor an entry of `scandir(fd)` is relative to.
fn entry_dir_fd(vm: &mut Vm, a: &Args) -> PyResult<i32> {
    let e = a.get(vm, 0);
    if vm.kind_of(e) != Some(Kind::Instance) {
        return Ok(libc::AT_FDCWD);
    }
    let d = vm.field(e, 0);
    Ok(vm
        .dict_get_str(d, "_dirfd")?
        .and_then(|v| v.as_int())
        .map_or(libc::AT_FDCWD, |n| n as i32))
}

fn entry_mode(vm: &mut Vm, a: &Args, follow: bool) -> PyResult<Option<u32>> {
    let dfd = entry_dir_fd(vm, a)?;
    let p = entry_path(vm, a)?;
    let c = cpath(&p);
    let flags = if follow { 0 } else { libc::AT_SYMLINK_NOFOLLOW };
    // SAFETY: fstatat into a zeroed buffer.
    unsafe {
        let mut st: libc::stat = std::mem::zeroed();
        let r = libc::fstatat(dfd, c.as_ptr(), &mut st, flags);
        Ok((r == 0).then_some(st.st_mode & libc::S_IFMT))
    }
}

fn follow_kw(vm: &mut Vm, a: &Args) -> PyResult<bool> {
    match a.kwarg(vm, "follow_symlinks") {
        Some(v) => vm.truthy(v),
        None => Ok(true),
    }
}

fn direntry_is_dir(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let follow = follow_kw(vm, &a)?;
    Ok(Value::from_bool(
        entry_mode(vm, &a, follow)? == Some(libc::S_IFDIR),
    ))
}

fn direntry_is_file(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let follow = follow_kw(vm, &a)?;
    Ok(Value::from_bool(
        entry_mode(vm, &a, follow)? == Some(libc::S_IFREG),
    ))
}

fn direntry_is_symlink(vm: &mut Vm, a: Args) -> PyResult<Value> {
    Ok(Value::from_bool(
        entry_mode(vm, &a, false)? == Some(libc::S_IFLNK),
    ))
}

fn direntry_stat(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let follow = follow_kw(vm, &a)?;
    let dfd = entry_dir_fd(vm, &a)?;
    let p = entry_path(vm, &a)?;
    let c = cpath(&p);
    // SAFETY: stat into a zeroed buffer.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    let flags = if follow { 0 } else { libc::AT_SYMLINK_NOFOLLOW };
    // SAFETY: as above.
    if unsafe { libc::fstatat(dfd, c.as_ptr(), &mut st, flags) } != 0 {
        return Err(vm.raise_os_error(errno(), Some(&p)));
    }
    stat_value(vm, &st)
}

fn direntry_fspath(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let key = vm.new_str("path")?;
    vm.get_attr(a.get(vm, 0), key)
}

fn open(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = a.npos(vm);
    if n < 2 {
        return Err(vm.type_error(&format!(
            "open() missing required argument '{}' (pos {})",
            if n == 0 { "path" } else { "flags" },
            n + 1
        )));
    }
    let p = path_arg(vm, a.get(vm, 0), "open")?;
    let flags = a.get(vm, 1).as_int().unwrap_or(0) as i32;
    let mode = if n > 2 {
        a.get(vm, 2).as_int().unwrap_or(0o777)
    } else {
        a.kwarg(vm, "mode")
            .and_then(|v| v.as_int())
            .unwrap_or(0o777)
    };
    let c = cpath(&p);
    let dfd = super::posix_sys::dir_fd_kw(vm, &a)?;
    // SAFETY: open a NUL-terminated path (relative to `dfd`).
    let fd = unsafe {
        libc::openat(
            dfd,
            c.as_ptr(),
            flags | libc::O_CLOEXEC,
            mode as libc::c_uint,
        )
    };
    if fd < 0 {
        return Err(vm.raise_os_error(errno(), Some(&p)));
    }
    Ok(int(fd as i64))
}

fn fd_arg(vm: &mut Vm, a: &Args, i: usize) -> PyResult<i32> {
    let v = a.get(vm, i);
    match v.as_int() {
        Some(n) => Ok(n as i32),
        None => {
            let t = vm.type_name(v);
            Err(vm.type_error(&format!("'{t}' object cannot be interpreted as an integer")))
        }
    }
}

fn close(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "close", 1, 1)?;
    let fd = fd_arg(vm, &a, 0)?;
    // SAFETY: closing a descriptor number the program gave.
    if unsafe { libc::close(fd) } != 0 {
        return Err(vm.raise_os_error(errno(), None));
    }
    Ok(Value::NONE)
}

fn lseek(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "lseek", 3, 3)?;
    let fd = fd_arg(vm, &a, 0)?;
    let pos = a.get(vm, 1).as_int().unwrap_or(0);
    let how = fd_arg(vm, &a, 2)?;
    // SAFETY: lseek on a descriptor number.
    let r = unsafe { libc::lseek(fd, pos, how) };
    if r < 0 {
        return Err(vm.raise_os_error(errno(), None));
    }
    vm.new_i64(r)
}

fn fspath(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "fspath", 1, 1)?;
    let v = a.get(vm, 0);
    if vm.is_str(v) || vm.kind_of(v) == Some(Kind::Bytes) {
        return Ok(v);
    }
    if matches!(vm.kind_of(v), Some(Kind::Instance))
        && let Some(p) = vm.call_dunder0(v, "__fspath__")?
    {
        if vm.is_str(p) || vm.kind_of(p) == Some(Kind::Bytes) {
            return Ok(p);
        }
        let t = vm.type_name(a.get(vm, 0));
        let pt = vm.type_name(p);
        return Err(vm.type_error(&format!(
            "expected {t}.__fspath__() to return str or bytes, not {pt}"
        )));
    }
    let t = vm.type_name(a.get(vm, 0));
    Err(vm.type_error(&format!(
        "expected str, bytes or os.PathLike object, not {t}"
    )))
}

fn getpid(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let _ = (vm, a);
    Ok(int(std::process::id() as i64))
}

fn getppid(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let _ = (vm, a);
    // SAFETY: getppid has no preconditions.
    Ok(int(unsafe { libc::getppid() } as i64))
}

fn getuid(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let _ = (vm, a);
    // SAFETY: no preconditions.
    Ok(int(unsafe { libc::getuid() } as i64))
}

fn geteuid(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let _ = (vm, a);
    // SAFETY: no preconditions.
    Ok(int(unsafe { libc::geteuid() } as i64))
}

fn getgid(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let _ = (vm, a);
    // SAFETY: no preconditions.
    Ok(int(unsafe { libc::getgid() } as i64))
}

fn getegid(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let _ = (vm, a);
    // SAFETY: no preconditions.
    Ok(int(unsafe { libc::getegid() } as i64))
}

fn cstr_field(f: &[libc::c_char]) -> String {
    let bytes: Vec<u8> = f
        .iter()
        .take_while(|&&c| c != 0)
        .map(|&c| c as u8)
        .collect();
    String::from_utf8_lossy(&bytes).into_owned()
}

fn uname(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let _ = a;
    // SAFETY: uname fills a zeroed struct.
    let u = unsafe {
        let mut u: libc::utsname = std::mem::zeroed();
        libc::uname(&mut u);
        u
    };
    let parts = [
        cstr_field(&u.sysname),
        cstr_field(&u.nodename),
        cstr_field(&u.release),
        cstr_field(&u.version),
        cstr_field(&u.machine),
    ];
    let mark = vm.temps_len();
    for p in &parts {
        let v = vm.new_str(p)?;
        vm.push_temp(v);
    }
    let r =
        module_class(vm, "uname_result").and_then(|c| super::structseq::new_structseq(vm, c, mark));
    vm.pop_temps(mark);
    r
}

fn strerror(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "strerror", 1, 1)?;
    let n = fd_arg(vm, &a, 0)?;
    let s = super::io::oserror::strerror(n);
    vm.new_str(&s)
}

fn path_call(
    vm: &mut Vm,
    a: &Args,
    fname: &str,
    f: impl Fn(i32, &CString) -> i32,
) -> PyResult<Value> {
    if a.npos(vm) == 0 {
        return Err(vm.type_error(&format!(
            "{fname}() missing required argument 'path' (pos 1)"
        )));
    }
    let dfd = super::posix_sys::dir_fd_kw(vm, a)?;
    let p = path_arg(vm, a.get(vm, 0), fname)?;
    let c = cpath(&p);
    if f(dfd, &c) != 0 {
        return Err(vm.raise_os_error(errno(), Some(&p)));
    }
    Ok(Value::NONE)
}

fn unlink(vm: &mut Vm, a: Args) -> PyResult<Value> {
    // SAFETY: unlink a NUL-terminated path.
    path_call(vm, &a, "unlink", |d, c| unsafe {
        libc::unlinkat(d, c.as_ptr(), 0)
    })
}

fn rmdir(vm: &mut Vm, a: Args) -> PyResult<Value> {
    // SAFETY: rmdir a NUL-terminated path.
    path_call(vm, &a, "rmdir", |d, c| unsafe {
        libc::unlinkat(d, c.as_ptr(), libc::AT_REMOVEDIR)
    })
}

fn mkdir(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let mode = if a.npos(vm) > 1 {
        a.get(vm, 1).as_int().unwrap_or(0o777)
    } else {
        a.kwarg(vm, "mode")
            .and_then(|v| v.as_int())
            .unwrap_or(0o777)
    };
    // SAFETY: mkdir a NUL-terminated path.
    path_call(vm, &a, "mkdir", |d, c| unsafe {
        libc::mkdirat(d, c.as_ptr(), mode as libc::mode_t)
    })
}

fn rename(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if a.npos(vm) != 2 {
        arity(vm, &a, "rename", 2, 2)?;
    }
    let (sfd, dfd) = super::posix_sys::src_dst_dir_fd(vm, &a)?;
    let src = path_arg(vm, a.get(vm, 0), "rename")?;
    let dst = path_arg(vm, a.get(vm, 1), "rename")?;
    let (cs, cd) = (cpath(&src), cpath(&dst));
    // SAFETY: rename between NUL-terminated paths.
    if unsafe { libc::renameat(sfd, cs.as_ptr(), dfd, cd.as_ptr()) } != 0 {
        let e = errno();
        let msg = super::io::oserror::strerror(e);
        let r = vm.raise_os_error_msg(e, &msg, Some(&src));
        let exc = vm.raised();
        let ei = vm.push_temp(exc);
        let d2 = vm.new_str(&dst)?;
        let d = vm.field(vm.temp(ei), crate::runtime::layout::ExcField::Dict as usize);
        vm.dict_set_str(d, "filename2", d2)?;
        let exc = vm.temp(ei);
        vm.pop_temps(ei);
        vm.raise_value(exc);
        return Err(r);
    }
    Ok(Value::NONE)
}

/// `access(path, mode, *, dir_fd=None, effective_ids=False, follow_symlinks=True)`.
fn access(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if a.npos(vm) != 2 {
        arity(vm, &a, "access", 2, 2)?;
    }
    let dfd = super::posix_sys::dir_fd_kw(vm, &a)?;
    let mut flags = if follow_kw(vm, &a)? {
        0
    } else {
        libc::AT_SYMLINK_NOFOLLOW
    };
    if let Some(v) = a.kwarg(vm, "effective_ids")
        && vm.truthy(v)?
    {
        flags |= libc::AT_EACCESS;
    }
    let p = path_arg(vm, a.get(vm, 0), "access")?;
    let mode = fd_arg(vm, &a, 1)?;
    let c = cpath(&p);
    // SAFETY: faccessat on a NUL-terminated path.
    Ok(Value::from_bool(
        unsafe { libc::faccessat(dfd, c.as_ptr(), mode, flags) } == 0,
    ))
}

fn isatty(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "isatty", 1, 1)?;
    let fd = fd_arg(vm, &a, 0)?;
    // SAFETY: isatty on a descriptor number.
    Ok(Value::from_bool(unsafe { libc::isatty(fd) } == 1))
}

/// `os._exit(n)`: ends the process at once (no clean-up, as CPython).
fn exit_now(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "_exit", 1, 1)?;
    let n = fd_arg(vm, &a, 0)?;
    // SAFETY: _exit ends the process.
    unsafe { libc::_exit(n) }
}

fn get_terminal_size(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let fd = if a.npos(vm) > 0 {
        fd_arg(vm, &a, 0)?
    } else {
        1
    };
    // SAFETY: TIOCGWINSZ into a zeroed winsize.
    let (r, ws) = unsafe {
        let mut ws: libc::winsize = std::mem::zeroed();
        (libc::ioctl(fd, libc::TIOCGWINSZ, &mut ws), ws)
    };
    if r != 0 {
        return Err(vm.raise_os_error(errno(), None));
    }
    let cols = int(ws.ws_col as i64);
    let lines = int(ws.ws_row as i64);
    let t = vm.new_tuple(&[cols, lines])?;
    let ti = vm.push_temp(t);
    let r = module_class(vm, "terminal_size").and_then(|c| vm.call_value(c, &[vm.temp(ti)]));
    vm.pop_temps(ti);
    r
}

/// The struct sequences of `posix` (`os.stat_result`...).
const STRUCT_SEQS: &[super::structseq::StructSeq] = &[
    super::structseq::StructSeq {
        attr: "stat_result",
        qualname: "os.stat_result",
        fields: &[
            Some("st_mode"),
            Some("st_ino"),
            Some("st_dev"),
            Some("st_nlink"),
            Some("st_uid"),
            Some("st_gid"),
            Some("st_size"),
            None,
            None,
            None,
            Some("st_atime"),
            Some("st_mtime"),
            Some("st_ctime"),
            Some("st_atime_ns"),
            Some("st_mtime_ns"),
            Some("st_ctime_ns"),
            Some("st_blksize"),
            Some("st_blocks"),
            Some("st_rdev"),
        ],
        n_sequence: 10,
    },
    super::structseq::StructSeq {
        attr: "uname_result",
        qualname: "posix.uname_result",
        fields: &[
            Some("sysname"),
            Some("nodename"),
            Some("release"),
            Some("version"),
            Some("machine"),
        ],
        n_sequence: 5,
    },
    super::structseq::StructSeq {
        attr: "times_result",
        qualname: "posix.times_result",
        fields: &[
            Some("user"),
            Some("system"),
            Some("children_user"),
            Some("children_system"),
            Some("elapsed"),
        ],
        n_sequence: 5,
    },
    super::structseq::StructSeq {
        attr: "terminal_size",
        qualname: "os.terminal_size",
        fields: &[Some("columns"), Some("lines")],
        n_sequence: 2,
    },
];

/// `os.scandir()`'s iterator: also a context manager with `close()`.
const DIRENTRY_METHODS: &str = r#"
def _direntry_method(name, native):
    def method(self, *args, **kwargs):
        return native(self, *args, **kwargs)
    method.__name__ = method.__qualname__ = name
    return method
for _name, _native in (("is_dir", _direntry_is_dir), ("is_file", _direntry_is_file),
                       ("is_symlink", _direntry_is_symlink), ("stat", _direntry_stat),
                       ("__fspath__", _direntry_fspath)):
    globals()["_direntry_m_" + _name] = _direntry_method(_name, _native)
del _direntry_method, _name, _native
"#;

const SCANDIR_ITERATOR: &str = r#"
class ScandirIterator:
    def __init__(self, entries):
        self._it = iter(entries)
    def __iter__(self):
        return self
    def __next__(self):
        return next(self._it)
    def __enter__(self):
        return self
    def __exit__(self, *args):
        self.close()
    def close(self):
        self._it = iter(())
ScandirIterator.__module__ = "posix"
"#;

fn cpu_count(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let _ = (vm, a);
    Ok(std::thread::available_parallelism()
        .map(|n| int(n.get() as i64))
        .unwrap_or(Value::NONE))
}

fn times(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let _ = a;
    // SAFETY: times fills a zeroed struct; sysconf has no preconditions.
    let (t, elapsed, hz) = unsafe {
        let mut t: libc::tms = std::mem::zeroed();
        let e = libc::times(&mut t);
        (t, e, libc::sysconf(libc::_SC_CLK_TCK) as f64)
    };
    let f = |x: libc::clock_t| Value::from_float(x as f64 / hz);
    let mark = vm.temps_len();
    for x in [
        t.tms_utime,
        t.tms_stime,
        t.tms_cutime,
        t.tms_cstime,
        elapsed,
    ] {
        vm.push_temp(f(x));
    }
    let r =
        module_class(vm, "times_result").and_then(|c| super::structseq::new_structseq(vm, c, mark));
    vm.pop_temps(mark);
    r
}

fn umask(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "umask", 1, 1)?;
    let m = fd_arg(vm, &a, 0)?;
    // SAFETY: umask has no preconditions.
    Ok(int(unsafe { libc::umask(m as libc::mode_t) } as i64))
}

fn kill(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "kill", 2, 2)?;
    let pid = fd_arg(vm, &a, 0)?;
    let sig = fd_arg(vm, &a, 1)?;
    // SAFETY: sending a signal.
    if unsafe { libc::kill(pid, sig) } != 0 {
        return Err(vm.raise_os_error(errno(), None));
    }
    Ok(Value::NONE)
}

fn putenv(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "putenv", 2, 2)?;
    let k = path_arg(vm, a.get(vm, 0), "putenv")?;
    let v = path_arg(vm, a.get(vm, 1), "putenv")?;
    if k.is_empty() || k.contains('=') {
        return Err(vm.raise_msg(TypeId::ValueError, "illegal environment variable name"));
    }
    // SAFETY: single-threaded interpreter; no other thread reads the environment.
    unsafe { std::env::set_var(k, v) };
    Ok(Value::NONE)
}

fn unsetenv(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "unsetenv", 1, 1)?;
    let k = path_arg(vm, a.get(vm, 0), "unsetenv")?;
    // SAFETY: as in `putenv`.
    unsafe { std::env::remove_var(k) };
    Ok(Value::NONE)
}

fn system(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "system", 1, 1)?;
    let cmd = path_arg(vm, a.get(vm, 0), "system")?;
    vm.flush_out();
    let c = cpath(&cmd);
    // SAFETY: system runs a NUL-terminated command.
    Ok(int(unsafe { libc::system(c.as_ptr()) } as i64))
}

fn device_encoding(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "device_encoding", 1, 1)?;
    let fd = fd_arg(vm, &a, 0)?;
    // SAFETY: isatty on a descriptor number.
    if unsafe { libc::isatty(fd) } == 1 {
        vm.new_str("utf-8")
    } else {
        Ok(Value::NONE)
    }
}
