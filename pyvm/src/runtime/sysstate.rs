//! What `sys`, `_io`, `signal` and the `pyvm` command keep outside the
//! heap: command-line settings, the open files to flush at exit, and the
//! SIGINT flag the dispatch loop polls.
//!
//! **Ctrl-C.** The SIGINT handler only sets an atomic flag; the dispatch
//! loop tests it every few thousand instructions (the same tick that runs
//! GC safepoints), so even a tight loop raises `KeyboardInterrupt` within
//! microseconds, at an instruction boundary where raising is safe. A
//! Python handler installed with `signal.signal(SIGINT, f)` is called
//! there instead. During exit clean-up SIGINT is reset to the default
//! action, so a second Ctrl-C still ends the process.
//!
//! **Exit.** [`Vm::finish`] runs `atexit` callbacks (LIFO), flushes
//! `sys.stdout`/`sys.stderr` and every file still open, so files written by
//! a program are complete whichever way it ends.

use std::cell::RefCell;
use std::rc::Weak;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use pyvm_objmodel::Value;

use super::exception::PyResult;
use super::heap::Vm;
use super::layout::Kind;
use super::modules::io::FdFile;
use super::types::{GlobalSlot, TypeId};

/// Settings and state of the process around the interpreter.
#[derive(Default)]
pub struct SysIo {
    /// `-O` level (`sys.flags.optimize`).
    pub optimize: u8,
    /// `sys.argv`.
    pub argv: Vec<String>,
    /// `sys.orig_argv`.
    pub orig_argv: Vec<String>,
    /// `sys.path[0]`: the script's directory, or `""` (None means `""`).
    pub path0: Option<String>,
    /// `-E` / `-I`: ignore `PYTHON*` environment variables.
    pub ignore_env: bool,
    /// `-I`.
    pub isolated: bool,
    /// `-S`.
    pub no_site: bool,
    /// `-B` (or `PYTHONDONTWRITEBYTECODE`).
    pub dont_write_bytecode: bool,
    /// `-u`.
    pub unbuffered: bool,
    /// `-i`.
    pub inspect: bool,
    /// `-q`.
    pub quiet: bool,
    /// `-v` count.
    pub verbose: u8,
    /// `-b` count.
    pub bytes_warning: u8,
    /// `-s`.
    pub no_user_site: bool,
    /// `-W` options (`sys.warnoptions`).
    pub warnoptions: Vec<String>,
    /// `-X` options (`sys._xoptions`): name and value (`True` when absent).
    pub xoptions: Vec<(String, Option<String>)>,
    /// Files opened by the program (flushed at exit).
    pub files: Vec<Weak<RefCell<FdFile>>>,
    /// Whether stdout is a terminal (line-buffered, as CPython's).
    pub stdout_tty: bool,
    /// Set once `Vm::finish` has run.
    pub finished: bool,
    /// Lines entered at the interactive prompt.
    pub history: Vec<String>,
}

/// Signals received and not yet handled (bit `n` for signal `n`).
static PENDING: AtomicU64 = AtomicU64::new(0);

extern "C" fn on_signal(sig: libc::c_int) {
    PENDING.fetch_or(1u64 << (sig as u32 & 63), Ordering::Relaxed);
}

/// Installs the handler that records signal `sig` for the dispatch loop
/// (SIGINT: Ctrl-C becomes KeyboardInterrupt). System calls are not
/// restarted, so a blocking read returns and the signal is seen.
pub fn install_handler(sig: i32) {
    // SAFETY: `sigaction` with a handler that only updates an atomic
    // (async-signal-safe); the struct is fully initialised by zeroing.
    unsafe {
        let mut sa: libc::sigaction = std::mem::zeroed();
        sa.sa_sigaction = on_signal as *const () as usize;
        libc::sigemptyset(&mut sa.sa_mask);
        sa.sa_flags = 0;
        libc::sigaction(sig, &sa, std::ptr::null_mut());
    }
}

/// Set when SIGINT was ignored when pyvm started (a background job of a
/// non-interactive shell, `nohup`): as CPython, pyvm then leaves it
/// ignored and `signal.getsignal(SIGINT)` says `SIG_IGN`.
static SIGINT_IGNORED: AtomicBool = AtomicBool::new(false);

/// Installs the SIGINT handler, unless SIGINT is ignored (inherited).
pub fn install_sigint_handler() {
    // SAFETY: `sigaction` with a null new action only reads the current
    // disposition into the zeroed struct.
    let ignored = unsafe {
        let mut old: libc::sigaction = std::mem::zeroed();
        libc::sigaction(libc::SIGINT, std::ptr::null(), &mut old) == 0
            && old.sa_sigaction == libc::SIG_IGN
    };
    SIGINT_IGNORED.store(ignored, Ordering::Relaxed);
    if !ignored {
        install_handler(libc::SIGINT);
    }
}

/// Whether SIGINT was inherited ignored (see [`install_sigint_handler`]).
pub fn sigint_ignored_at_start() -> bool {
    SIGINT_IGNORED.load(Ordering::Relaxed)
}

/// Restores the default SIGINT action (a second Ctrl-C during clean-up
/// ends the process).
pub fn default_sigint() {
    if sigint_ignored_at_start() {
        return;
    }
    // SAFETY: resetting a signal disposition to SIG_DFL.
    unsafe {
        libc::signal(libc::SIGINT, libc::SIG_DFL);
    }
}

/// Ignores SIGINT (`signal.signal(SIGINT, SIG_IGN)`).
pub fn ignore_sigint() {
    // SAFETY: setting a signal disposition to SIG_IGN.
    unsafe {
        libc::signal(libc::SIGINT, libc::SIG_IGN);
    }
}

/// Whether a signal is waiting for [`Vm::handle_interrupt`] (one load).
#[inline]
pub fn take_interrupt() -> bool {
    PENDING.load(Ordering::Relaxed) != 0
}

/// Forgets pending signals (the prompt handled a Ctrl-C itself).
pub fn clear_pending() {
    PENDING.store(0, Ordering::Relaxed);
}

/// Bit 0 of the signal word (no signal has number 0): another thread asks
/// for the GIL (`gil.rs`); the dispatch loop's check sees it with the
/// signals.
const GIL_DROP: u64 = 1;

/// Asks the running thread to let the GIL go.
pub fn request_gil_drop() {
    PENDING.fetch_or(GIL_DROP, Ordering::Relaxed);
}

/// Withdraws the drop request (the GIL changed hands).
pub fn clear_gil_drop() {
    PENDING.fetch_and(!GIL_DROP, Ordering::Relaxed);
}

/// Whether a signal (not a GIL drop request) is pending.
pub fn signal_pending() -> bool {
    PENDING.load(Ordering::Relaxed) & !GIL_DROP != 0
}

/// Marks signal `sig` as received.
pub fn set_pending(sig: i32) {
    PENDING.fetch_or(1u64 << (sig as u32 & 63), Ordering::Relaxed);
}

impl Vm {
    /// Called by the dispatch loop when [`take_interrupt`] fired: runs the
    /// Python handlers of the pending signals (`_signal._handlers`); a
    /// SIGINT without one raises KeyboardInterrupt. A GIL drop request
    /// lets another thread run first (so this may allocate); only the main
    /// thread handles signals.
    pub fn handle_interrupt(&mut self) -> PyResult<()> {
        if PENDING.load(Ordering::Relaxed) & GIL_DROP != 0 {
            self.yield_gil();
        }
        if !super::gil::is_main_thread() {
            return Ok(());
        }
        let mask = PENDING.fetch_and(GIL_DROP, Ordering::Relaxed) & !GIL_DROP;
        for sig in 1..64 {
            if mask & (1u64 << sig) == 0 {
                continue;
            }
            let num = Value::from_int(sig as i64).unwrap_or(Value::NONE);
            let handler = self.python_signal_handler(num)?;
            match handler {
                Some(h) => {
                    self.call_value(h, &[num, Value::NONE])?;
                }
                None if sig == libc::SIGINT => {
                    return Err(self.raise_args(TypeId::KeyboardInterrupt, &[]));
                }
                None => {}
            }
        }
        Ok(())
    }

    /// The Python handler registered for signal `num`, if any.
    fn python_signal_handler(&mut self, num: Value) -> PyResult<Option<Value>> {
        let modules = self.global(GlobalSlot::Modules);
        let Some(sig) = self.dict_get_str(modules, "_signal")? else {
            return Ok(None);
        };
        if self.kind_of(sig) != Some(Kind::Module) {
            return Ok(None);
        }
        let d = self.field(sig, 0);
        let Some(handlers) = self.dict_get_str(d, "_handlers")? else {
            return Ok(None);
        };
        if self.kind_of(handlers) != Some(Kind::Dict) {
            return Ok(None);
        }
        let h = self.dict_get(handlers, num)?;
        Ok(h.filter(|h| {
            matches!(
                self.kind_of(*h),
                Some(Kind::Function | Kind::BoundMethod | Kind::Instance | Kind::Builtin)
            )
        }))
    }

    /// End-of-run clean-up: `atexit` callbacks (last registered first; an
    /// exception in one is printed and the others still run), then
    /// `sys.stdout`/`sys.stderr` and every open file are flushed.
    pub fn finish(&mut self) {
        if self.sysio.finished {
            return;
        }
        self.sysio.finished = true;
        self.threading_shutdown();
        default_sigint();
        self.run_atexit();
        let _ = super::modules::io::flush_std_streams(self);
        self.flush_out();
        let files = std::mem::take(&mut self.sysio.files);
        for f in files {
            if let Some(f) = f.upgrade() {
                let _ = f.borrow_mut().flush();
            }
        }
        super::gil::begin_finalization();
    }

    /// Runs and clears the `atexit` callbacks.
    pub fn run_atexit(&mut self) {
        loop {
            let list = self.global(GlobalSlot::AtExit);
            if self.kind_of(list) != Some(Kind::List) {
                return;
            }
            let Some(entry) = self.list_vec(list).pop() else {
                return;
            };
            let ei = self.push_temp(entry);
            let items = self.tuple_items(self.temp(ei)).to_vec();
            let r = self.call_with_tuple_dict(items[0], items[1], items[2]);
            self.pop_temps(ei);
            if r.is_err() {
                let exc = self.take_raised();
                if self.exc_matches(exc, TypeId::SystemExit) {
                    continue;
                }
                self.flush_out();
                let ei = self.push_temp(exc);
                let text = self.format_exception(self.temp(ei));
                self.pop_temps(ei);
                eprint!("Exception ignored in atexit callback: <function>\n{text}");
            }
        }
    }

    /// Calls `f(*args, **kwargs)` (a tuple and a dict or None).
    pub fn call_with_tuple_dict(
        &mut self,
        f: Value,
        args: Value,
        kwargs: Value,
    ) -> PyResult<Value> {
        let mark = self.temps_len();
        self.push_temp(f);
        let items = self.tuple_items(args).to_vec();
        let n = items.len();
        self.roots().temps.extend_from_slice(&items);
        let mut kw = None;
        if self.kind_of(kwargs) == Some(Kind::Dict) && !self.dict_mut(kwargs).is_empty() {
            let pairs: Vec<(Value, Value)> = {
                let keys = self.keys();
                self.dict_mut(kwargs).items(&keys).collect()
            };
            let names: Vec<Value> = pairs.iter().map(|p| p.0).collect();
            let vals: Vec<Value> = pairs.iter().map(|p| p.1).collect();
            self.roots().temps.extend_from_slice(&vals);
            let nm = self.temps_len();
            self.roots().temps.extend_from_slice(&names);
            let names: Vec<Value> = self.m.roots().temps[nm..].to_vec();
            let t = self.new_tuple(&names);
            self.pop_temps(nm);
            let t = match t {
                Ok(t) => t,
                Err(e) => {
                    self.pop_temps(mark);
                    return Err(e);
                }
            };
            kw = Some(self.push_temp(t));
        }
        let total = n + kw
            .map(|k| self.tuple_items(self.temp(k)).len())
            .unwrap_or(0);
        let a = super::call::Args {
            start: mark + 1,
            n: total,
            kw,
        };
        let r = self.call_args(mark, a);
        self.pop_temps(mark);
        r
    }
}
