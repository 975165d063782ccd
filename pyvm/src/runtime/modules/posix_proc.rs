//! The `posix` calls on processes: `waitpid`, `wait`, the `W*` status
//! macros and `waitstatus_to_exitcode`, `fork`, `execv`, `execve`,
//! `killpg`, `getpgrp`, `setsid`. `subprocess` builds on these and on
//! `_posixsubprocess.fork_exec`.

use std::ffi::CString;

use pyvm_objmodel::Value;

use super::ModuleRef;
use crate::runtime::builtins::arity;
use crate::runtime::call::Args;
use crate::runtime::exception::PyResult;
use crate::runtime::heap::Vm;
use crate::runtime::layout::Kind;
use crate::runtime::types::TypeId;

fn int(n: i64) -> Value {
    Value::from_int(n).unwrap_or(Value::NONE)
}

fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

fn int_arg(vm: &mut Vm, a: &Args, i: usize) -> PyResult<i32> {
    let v = a.get(vm, i);
    match v.as_int().or_else(|| v.as_bool().map(i64::from)) {
        Some(n) => i32::try_from(n).map_err(|_| {
            vm.raise_msg(
                TypeId::OverflowError,
                "signed integer is greater than maximum",
            )
        }),
        None => {
            let t = vm.type_name(v);
            Err(vm.type_error(&format!("'{t}' object cannot be interpreted as an integer")))
        }
    }
}

/// Adds the process constants to `posix`.
pub(super) fn init(vm: &mut Vm, m: ModuleRef) -> PyResult<()> {
    for name in HOOKS {
        let l = vm.new_list(&[])?;
        m.set(vm, name, l)?;
    }
    for (name, v) in [
        ("WNOHANG", libc::WNOHANG),
        ("WUNTRACED", libc::WUNTRACED),
        ("WCONTINUED", libc::WCONTINUED),
    ] {
        m.set(vm, name, int(v as i64))?;
    }
    Ok(())
}

/// Waits, retrying on EINTR (a pending Ctrl-C raises KeyboardInterrupt).
fn wait_for(vm: &mut Vm, pid: i32, options: i32) -> PyResult<Value> {
    let mut status = 0;
    let r = super::syscall::checked(vm, || {
        // SAFETY: waitpid writes the status into our local.
        unsafe { libc::waitpid(pid, &mut status, options) as i64 }
    })?;
    vm.new_tuple(&[int(r), int(status as i64)])
}

/// `os.waitpid(pid, options)`: `(pid, status)`.
pub(super) fn waitpid(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "waitpid", 2, 2)?;
    let pid = int_arg(vm, &a, 0)?;
    let options = int_arg(vm, &a, 1)?;
    wait_for(vm, pid, options)
}

/// `os.wait()`: `(pid, status)` of any child.
pub(super) fn wait(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "wait", 0, 0)?;
    wait_for(vm, -1, 0)
}

fn status_arg(vm: &mut Vm, a: &Args, name: &str) -> PyResult<i32> {
    arity(vm, a, name, 1, 1)?;
    int_arg(vm, a, 0)
}

macro_rules! status_fn {
    ($f:ident, $name:literal, $libc:ident, $wrap:expr) => {
        pub(super) fn $f(vm: &mut Vm, a: Args) -> PyResult<Value> {
            let s = status_arg(vm, &a, $name)?;
            Ok($wrap(libc::$libc(s)))
        }
    };
}

status_fn!(wifexited, "WIFEXITED", WIFEXITED, Value::from_bool);
status_fn!(wifsignaled, "WIFSIGNALED", WIFSIGNALED, Value::from_bool);
status_fn!(wifstopped, "WIFSTOPPED", WIFSTOPPED, Value::from_bool);
status_fn!(wifcontinued, "WIFCONTINUED", WIFCONTINUED, Value::from_bool);
status_fn!(wcoredump, "WCOREDUMP", WCOREDUMP, Value::from_bool);
status_fn!(wexitstatus, "WEXITSTATUS", WEXITSTATUS, |n| int(n as i64));
status_fn!(wtermsig, "WTERMSIG", WTERMSIG, |n| int(n as i64));
status_fn!(wstopsig, "WSTOPSIG", WSTOPSIG, |n| int(n as i64));

/// `os.waitstatus_to_exitcode(status)`: the exit code, or minus the
/// signal number that killed the process.
pub(super) fn waitstatus_to_exitcode(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = status_arg(vm, &a, "waitstatus_to_exitcode")?;
    if libc::WIFEXITED(s) {
        return Ok(int(libc::WEXITSTATUS(s) as i64));
    }
    if libc::WIFSIGNALED(s) {
        return Ok(int(-(libc::WTERMSIG(s) as i64)));
    }
    Err(vm.raise_msg(TypeId::ValueError, &format!("invalid wait status: {s}")))
}

/// The lists of `register_at_fork` callables, kept in the `posix`
/// module's dict (rooted there).
const HOOKS: [&str; 3] = ["_at_fork_before", "_at_fork_child", "_at_fork_parent"];

/// `os.register_at_fork(*, before=None, after_in_child=None,
/// after_in_parent=None)`.
pub(super) fn register_at_fork(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if a.npos(vm) != 0 {
        return Err(vm.type_error("register_at_fork() takes no positional arguments"));
    }
    let names =
        a.kw.map(|k| vm.tuple_items(vm.temp(k)).to_vec())
            .unwrap_or_default();
    for n in names {
        let n = vm.str_text(n).into_owned();
        if !["before", "after_in_child", "after_in_parent"].contains(&n.as_str()) {
            return Err(vm.type_error(&format!(
                "'{n}' is an invalid keyword argument for register_at_fork()"
            )));
        }
    }
    let given: Vec<(usize, &str)> = ["before", "after_in_child", "after_in_parent"]
        .into_iter()
        .enumerate()
        .filter(|(_, k)| a.kwarg(vm, k).is_some_and(|v| !v.is_none()))
        .collect();
    if given.is_empty() {
        return Err(vm.type_error("At least one argument is required."));
    }
    for &(_, k) in &given {
        let f = a.kwarg(vm, k).unwrap_or(Value::NONE);
        if !vm.is_callable(f)? {
            let t = vm.type_name(f);
            return Err(vm.type_error(&format!("'{k}' must be callable, not {t}")));
        }
    }
    for (i, k) in given {
        let list = super::pwd_grp::module_attr(vm, "posix", HOOKS[i])?;
        if vm.kind_of(list) != Some(Kind::List) {
            continue;
        }
        let f = a.kwarg(vm, k).unwrap_or(Value::NONE);
        vm.list_vec(list).push(f);
        // SAFETY: the list is live (held by the posix module) and nothing
        // allocated since it was read.
        unsafe { vm.barrier(list) };
    }
    Ok(Value::NONE)
}

/// Runs the `register_at_fork` callables of list `which` (`before` in
/// reverse order of registration); an exception is reported as CPython
/// reports one from a fork hook and does not stop the others.
pub(super) fn run_fork_hooks(vm: &mut Vm, which: usize) -> PyResult<()> {
    let list = super::pwd_grp::module_attr(vm, "posix", HOOKS[which])?;
    if vm.kind_of(list) != Some(Kind::List) {
        return Ok(());
    }
    let li = vm.push_temp(list);
    let n = vm.list_vec(list).len();
    for k in 0..n {
        let idx = if which == 0 { n - 1 - k } else { k };
        let Some(&f) = vm.list_vec(vm.temp(li)).get(idx) else {
            continue;
        };
        if vm.call_value(f, &[]).is_err() {
            // Re-read: the call may have moved the function.
            let f = vm
                .list_vec(vm.temp(li))
                .get(idx)
                .copied()
                .unwrap_or(Value::NONE);
            vm.report_ignored_value(f);
        }
    }
    vm.pop_temps(li);
    Ok(())
}

/// `os.fork()`: 0 in the child, the child's pid in the parent.
pub(super) fn fork(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "fork", 0, 0)?;
    run_fork_hooks(vm, 0)?;
    // Buffered output is written once, not once per process.
    vm.flush_out();
    // SAFETY: pyvm runs Python on one thread, so the child is a complete
    // copy of a single-threaded process.
    let pid = unsafe { libc::fork() };
    if pid < 0 {
        return Err(vm.raise_os_error(errno(), None));
    }
    run_fork_hooks(vm, if pid == 0 { 1 } else { 2 })?;
    Ok(int(pid as i64))
}

/// A str/bytes/PathLike argument as a C string.
fn c_arg(vm: &mut Vm, v: Value, fname: &str) -> PyResult<CString> {
    let v = if matches!(vm.kind_of(v), Some(Kind::Instance)) {
        vm.call_dunder0(v, "__fspath__")?.unwrap_or(v)
    } else {
        v
    };
    let b = if vm.is_str(v) {
        vm.str_text(v).as_bytes().to_vec()
    } else if vm.kind_of(v) == Some(Kind::Bytes) {
        vm.bytes_data(v).to_vec()
    } else {
        let t = vm.type_name(v);
        return Err(vm.type_error(&format!(
            "{fname}: path should be string, bytes or os.PathLike, not {t}"
        )));
    };
    CString::new(b).map_err(|_| vm.raise_msg(TypeId::ValueError, "embedded null byte"))
}

fn exec_common(vm: &mut Vm, a: &Args, fname: &str, with_env: bool) -> PyResult<Value> {
    let path = c_arg(vm, a.get(vm, 0), fname)?;
    // argv items convert as `fork_exec`'s do (CPython's fsconverter).
    let argv = {
        let v = a.get(vm, 1);
        super::posixsubprocess::bytes_list(vm, v, "args")?.unwrap_or_default()
    };
    if argv.is_empty() {
        return Err(vm.raise_msg(
            TypeId::ValueError,
            &format!("{fname}() arg 2 must not be empty"),
        ));
    }
    if argv[0].as_bytes().is_empty() {
        return Err(vm.raise_msg(
            TypeId::ValueError,
            &format!("{fname}() arg 2 first element cannot be empty"),
        ));
    }
    let env = if with_env {
        let e = a.get(vm, 2);
        let items = crate::runtime::modules::io::call_method(vm, e, "items", &[])?;
        let pairs = vm.collect_iterable(items)?;
        let mark = vm.temps_len();
        for p in pairs {
            vm.push_temp(p);
        }
        let mut out = Vec::new();
        for i in mark..vm.temps_len() {
            let p = vm.temp(i);
            let k = vm.seq_item(p, 0).unwrap_or(Value::NONE);
            let v = vm.seq_item(p, 1).unwrap_or(Value::NONE);
            let vi = vm.push_temp(v);
            let k = c_arg(vm, k, fname)?;
            let v = c_arg(vm, vm.temp(vi), fname)?;
            vm.pop_temps(vi);
            let mut kv = k.into_bytes();
            kv.push(b'=');
            kv.extend_from_slice(v.as_bytes());
            out.push(CString::new(kv).unwrap_or_default());
        }
        vm.pop_temps(mark);
        Some(out)
    } else {
        None
    };
    vm.flush_out();
    let mut ptrs: Vec<*const libc::c_char> = argv.iter().map(|s| s.as_ptr()).collect();
    ptrs.push(std::ptr::null());
    // SAFETY: NULL-terminated arrays of pointers into CStrings that outlive
    // the call; exec returns only on failure.
    unsafe {
        match &env {
            Some(env) => {
                let mut envp: Vec<*const libc::c_char> = env.iter().map(|s| s.as_ptr()).collect();
                envp.push(std::ptr::null());
                libc::execve(path.as_ptr(), ptrs.as_ptr(), envp.as_ptr());
            }
            None => {
                libc::execv(path.as_ptr(), ptrs.as_ptr());
            }
        }
    }
    Err(vm.raise_os_error(errno(), None))
}

/// `os.execv(path, args)`: replaces the process.
pub(super) fn execv(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "execv", 2, 2)?;
    exec_common(vm, &a, "execv", false)
}

/// `os.execve(path, args, env)`: replaces the process.
pub(super) fn execve(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "execve", 3, 3)?;
    exec_common(vm, &a, "execve", true)
}

/// `os.killpg(pgid, sig)`.
pub(super) fn killpg(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "killpg", 2, 2)?;
    let pg = int_arg(vm, &a, 0)?;
    let sig = int_arg(vm, &a, 1)?;
    // SAFETY: sending a signal to a process group.
    if unsafe { libc::killpg(pg, sig) } != 0 {
        return Err(vm.raise_os_error(errno(), None));
    }
    Ok(Value::NONE)
}

/// `os.getpgrp()`.
pub(super) fn getpgrp(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "getpgrp", 0, 0)?;
    // SAFETY: getpgrp has no preconditions.
    Ok(int(unsafe { libc::getpgrp() } as i64))
}

/// `os.setsid()`.
pub(super) fn setsid(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "setsid", 0, 0)?;
    // SAFETY: setsid has no preconditions.
    if unsafe { libc::setsid() } < 0 {
        return Err(vm.raise_os_error(errno(), None));
    }
    Ok(Value::NONE)
}
