//! `_signal` (and `signal`, the same module until the stdlib `signal.py`
//! and its enums run): Python handlers for signals. The C-level handler
//! only records the signal (`sysstate.rs`); the dispatch loop calls the
//! Python handler at the next instruction boundary, as CPython does.
//! Handlers live in `_signal._handlers` (signal number → handler).

use pyvm_objmodel::Value;

use super::{ModuleRef, NativeModule};
use crate::runtime::builtins::arity;
use crate::runtime::call::{Args, NativeFn};
use crate::runtime::exception::PyResult;
use crate::runtime::heap::Vm;
use crate::runtime::layout::Kind;
use crate::runtime::sysstate;
use crate::runtime::types::{GlobalSlot, TypeId};

const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("signal", signal),
    ("getsignal", getsignal),
    ("default_int_handler", default_int_handler),
    ("raise_signal", raise_signal),
    ("strsignal", strsignal),
    ("alarm", alarm),
    ("set_wakeup_fd", set_wakeup_fd),
    ("siginterrupt", siginterrupt),
    ("valid_signals", valid_signals),
];

/// The `_signal` module.
pub(crate) const MODULE: NativeModule = NativeModule {
    name: "_signal",
    functions: FUNCTIONS,
    init: Some(init),
};

/// `signal`: the same functions and constants.
pub(crate) const SIGNAL_MODULE: NativeModule = NativeModule {
    name: "signal",
    functions: FUNCTIONS,
    init: Some(init_signal),
};

const SIGNALS: &[(&str, i32)] = &[
    ("SIGHUP", libc::SIGHUP),
    ("SIGINT", libc::SIGINT),
    ("SIGQUIT", libc::SIGQUIT),
    ("SIGILL", libc::SIGILL),
    ("SIGTRAP", libc::SIGTRAP),
    ("SIGABRT", libc::SIGABRT),
    ("SIGIOT", libc::SIGIOT),
    ("SIGBUS", libc::SIGBUS),
    ("SIGFPE", libc::SIGFPE),
    ("SIGKILL", libc::SIGKILL),
    ("SIGUSR1", libc::SIGUSR1),
    ("SIGSEGV", libc::SIGSEGV),
    ("SIGUSR2", libc::SIGUSR2),
    ("SIGPIPE", libc::SIGPIPE),
    ("SIGALRM", libc::SIGALRM),
    ("SIGTERM", libc::SIGTERM),
    ("SIGCHLD", libc::SIGCHLD),
    ("SIGCONT", libc::SIGCONT),
    ("SIGSTOP", libc::SIGSTOP),
    ("SIGTSTP", libc::SIGTSTP),
    ("SIGTTIN", libc::SIGTTIN),
    ("SIGTTOU", libc::SIGTTOU),
    ("SIGURG", libc::SIGURG),
    ("SIGXCPU", libc::SIGXCPU),
    ("SIGXFSZ", libc::SIGXFSZ),
    ("SIGVTALRM", libc::SIGVTALRM),
    ("SIGPROF", libc::SIGPROF),
    ("SIGWINCH", libc::SIGWINCH),
    ("SIGIO", libc::SIGIO),
    ("SIGPOLL", libc::SIGPOLL),
    ("SIGPWR", libc::SIGPWR),
    ("SIGSYS", libc::SIGSYS),
];

const SIG_DFL: i64 = 0;
const SIG_IGN: i64 = 1;

fn int(n: i64) -> Value {
    Value::from_int(n).unwrap_or(Value::NONE)
}

fn init(vm: &mut Vm, m: ModuleRef) -> PyResult<()> {
    for &(name, n) in SIGNALS {
        m.set(vm, name, int(n as i64))?;
    }
    m.set(vm, "SIG_DFL", int(SIG_DFL))?;
    m.set(vm, "SIG_IGN", int(SIG_IGN))?;
    m.set(vm, "NSIG", int(65))?;
    for (name, v) in [("SIG_BLOCK", 0), ("SIG_UNBLOCK", 1), ("SIG_SETMASK", 2)] {
        m.set(vm, name, int(v))?;
    }
    let handlers = vm.new_dict()?;
    let hi = vm.push_temp(handlers);
    let r = (|| {
        let d = vm.field(m.get(vm), 0);
        let dih = vm.dict_get_str(d, "default_int_handler")?;
        if crate::runtime::sysstate::sigint_ignored_at_start() {
            vm.dict_set(vm.temp(hi), int(libc::SIGINT as i64), int(SIG_IGN))?;
        } else if let Some(f) = dih {
            vm.dict_set(vm.temp(hi), int(libc::SIGINT as i64), f)?;
        }
        m.set(vm, "_handlers", vm.temp(hi))
    })();
    vm.pop_temps(hi);
    r
}

/// `signal` shares `_signal`'s handler table.
fn init_signal(vm: &mut Vm, m: ModuleRef) -> PyResult<()> {
    let modules = vm.global(GlobalSlot::Modules);
    let s = match vm.dict_get_str(modules, "_signal")? {
        Some(s) => s,
        None => vm.import_module("_signal")?,
    };
    let d = vm.field(s, 0);
    let keys: Vec<(Value, Value)> = {
        let k = vm.keys();
        vm.dict_mut(d).items(&k).collect()
    };
    let mark = vm.temps_len();
    for &(k, v) in &keys {
        vm.push_temp(k);
        vm.push_temp(v);
    }
    let r = (|| {
        for i in 0..keys.len() {
            let (k, v) = (vm.temp(mark + 2 * i), vm.temp(mark + 2 * i + 1));
            if vm.str_bytes(k).starts_with(b"__") {
                continue;
            }
            let md = vm.field(m.get(vm), 0);
            vm.dict_set(md, k, v)?;
        }
        Ok(())
    })();
    vm.pop_temps(mark);
    r
}

fn handlers(vm: &mut Vm) -> PyResult<Value> {
    let modules = vm.global(GlobalSlot::Modules);
    let s = match vm.dict_get_str(modules, "_signal")? {
        Some(s) => s,
        None => vm.import_module("_signal")?,
    };
    let d = vm.field(s, 0);
    match vm.dict_get_str(d, "_handlers")? {
        Some(h) if vm.kind_of(h) == Some(Kind::Dict) => Ok(h),
        _ => Err(vm.raise_msg(TypeId::RuntimeError, "lost _signal._handlers")),
    }
}

fn signum_arg(vm: &mut Vm, a: &Args) -> PyResult<i32> {
    let v = a.get(vm, 0);
    match v.as_int() {
        Some(n) if (1..65).contains(&n) => Ok(n as i32),
        Some(_) => Err(vm.raise_msg(TypeId::ValueError, "signal number out of range")),
        None => {
            let t = vm.type_name(v);
            Err(vm.type_error(&format!("'{t}' object cannot be interpreted as an integer")))
        }
    }
}

/// `signal.signal(signalnum, handler)`: returns the previous handler.
fn signal(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "signal", 2, 2)?;
    main_thread_only(vm, "signal")?;
    let sig = signum_arg(vm, &a)?;
    if sig == libc::SIGKILL || sig == libc::SIGSTOP {
        return Err(vm.raise_os_error(libc::EINVAL, None));
    }
    let h = a.get(vm, 1);
    let callable = h.as_int().is_none() && super::native_types::callable(vm, h)?;
    match h.as_int() {
        Some(SIG_DFL) => {
            // SAFETY: restoring a default disposition.
            unsafe { libc::signal(sig, libc::SIG_DFL) };
        }
        Some(SIG_IGN) => {
            // SAFETY: ignoring a signal.
            unsafe { libc::signal(sig, libc::SIG_IGN) };
        }
        _ if callable => sysstate::install_handler(sig),
        _ => {
            return Err(vm.type_error(
                "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object",
            ));
        }
    }
    let table = handlers(vm)?;
    let ti = vm.push_temp(table);
    let r = (|| {
        let old = vm.dict_get(vm.temp(ti), int(sig as i64))?;
        let old = old.unwrap_or(int(SIG_DFL));
        vm.push_temp(old);
        vm.dict_set(vm.temp(ti), int(sig as i64), a.get(vm, 1))?;
        Ok(vm.temp(ti + 1))
    })();
    vm.pop_temps(ti);
    r
}

fn getsignal(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "getsignal", 1, 1)?;
    let sig = signum_arg(vm, &a)?;
    let table = handlers(vm)?;
    Ok(vm.dict_get(table, int(sig as i64))?.unwrap_or(int(SIG_DFL)))
}

/// The default SIGINT handler: raises KeyboardInterrupt.
fn default_int_handler(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let _ = a;
    Err(vm.raise_args(TypeId::KeyboardInterrupt, &[]))
}

/// `signal.raise_signal(n)`: sends the signal to this process; a Python
/// handler runs before the call returns.
fn raise_signal(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "raise_signal", 1, 1)?;
    let sig = signum_arg(vm, &a)?;
    vm.flush_out();
    // SAFETY: raising a signal in this process.
    unsafe { libc::raise(sig) };
    if sysstate::take_interrupt() {
        vm.handle_interrupt()?;
    }
    Ok(Value::NONE)
}

fn strsignal(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "strsignal", 1, 1)?;
    let sig = signum_arg(vm, &a)?;
    // SAFETY: strsignal returns a NUL-terminated string, copied at once.
    let s = unsafe {
        let p = libc::strsignal(sig);
        if p.is_null() {
            return Ok(Value::NONE);
        }
        std::ffi::CStr::from_ptr(p).to_string_lossy().into_owned()
    };
    vm.new_str(&s)
}

fn alarm(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "alarm", 1, 1)?;
    let n = a.get(vm, 0).as_int().unwrap_or(0);
    // SAFETY: alarm has no preconditions.
    Ok(int(unsafe { libc::alarm(n as u32) } as i64))
}

fn set_wakeup_fd(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let _ = a;
    main_thread_only(vm, "set_wakeup_fd")?;
    Ok(int(-1))
}

/// CPython's ValueError for a call only the main thread may make.
fn main_thread_only(vm: &mut Vm, name: &str) -> PyResult<()> {
    if crate::runtime::gil::is_main_thread() {
        return Ok(());
    }
    Err(vm.raise_msg(
        TypeId::ValueError,
        &format!("{name} only works in main thread of the main interpreter"),
    ))
}

fn siginterrupt(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let _ = (vm, a);
    Ok(Value::NONE)
}

fn valid_signals(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let _ = a;
    let s = vm.new_set()?;
    let si = vm.push_temp(s);
    let r = (|| {
        for n in 1..65 {
            let set = vm.temp(si);
            let r = vm.dict_mut(set).insert(&mut vm.keys(), int(n), Value::NONE);
            // SAFETY: `set` is live (no allocation since it was read).
            unsafe { vm.barrier(set) };
            r.map_err(|e| vm.raise_key_error(e))?;
        }
        Ok(vm.temp(si))
    })();
    vm.pop_temps(si);
    r
}
