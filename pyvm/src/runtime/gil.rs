//! The global interpreter lock: real OS threads share one [`Vm`] (one heap,
//! one mutator), and the GIL decides which of them may touch it.
//!
//! **Thread states.** What belongs to "the running thread" — the register
//! stack, the frame records, `temps`, the raised and handled exceptions,
//! the native nesting counters, `cur_base`, `yielded`, `repr_guard`, the
//! import system's `initializing` stack — lives in the `Vm` while the thread
//! holds the GIL. When it lets the GIL go, those fields are swapped
//! (`std::mem::swap` of vectors: no copying) into a [`ThreadState`] kept in
//! [`Roots::parked`](super::binding::Roots::parked), which the collector
//! scans like the running thread's roots; the next holder swaps its own
//! state back in. A collection run by any thread therefore updates every
//! thread's values.
//!
//! **Why this is sound with the moving collector.** Releasing the GIL lets
//! other threads allocate, so it is a call that may allocate: by the rooting
//! rule, no raw `Value` held in a Rust local survives it. The GIL is only
//! released at such points: the dispatch loop's periodic check
//! ([`Vm::handle_interrupt`]), and [`Vm::allow_threads`] around blocking
//! calls (lock acquire, `time.sleep`, `select`, `waitpid`, `os.read`/`write`),
//! whose closure cannot reach the `Vm` (it is mutably borrowed by the call).
//!
//! **Aliasing.** Each OS thread reaches the `Vm` through a `*mut Vm`. The
//! thread that lets the GIL go stores its pointer in the GIL; the thread
//! that takes the GIL reads the pointer from there. So the pointer a thread
//! uses is always derived from the one the previous holder published, and
//! its escape into a mutex stops the compiler from keeping `Vm` fields in
//! registers across the hand-over.
//!
//! **Switching.** A thread that wants the GIL waits on a condition variable
//! with the switch interval as timeout (`sys.setswitchinterval`, 5 ms by
//! default). When it times out and the GIL has not changed hands meanwhile,
//! it sets a drop-request bit in the signal word the dispatch loop already
//! polls (one load every few thousand instructions); the running thread
//! then lets the GIL go and waits until another thread has taken it
//! (fairness), then queues for it again.
//!
//! **Single thread.** Until `_thread.start_new_thread` is first called there
//! is no GIL at all: [`Vm::allow_threads`] runs its closure directly and the
//! dispatch loop's check is unchanged.
//!
//! **Exit.** The main thread holds the GIL during finalization and never
//! lets it go once [`begin_finalization`] ran: daemon threads still running
//! then block forever the next time they ask for it, and never touch a
//! torn-down VM. One VM per process uses threads (the GIL is a static).

use std::cell::Cell;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard};
use std::time::Duration;

use pyvm_objmodel::Value;

use super::call::Args;
use super::exception::PyResult;
use super::frame::Frame;
use super::heap::Vm;
use super::types::TypeId;

/// A thread's interpreter state while another thread holds the GIL.
#[derive(Default)]
pub struct ThreadState {
    /// Which thread this is ([`current_key`]).
    pub key: u64,
    stack: Vec<Value>,
    frames: Vec<Frame>,
    temps: Vec<Value>,
    raised: Value,
    handled: Value,
    reentry_depth: usize,
    gen_nesting: usize,
    native_depth: usize,
    cur_base: usize,
    yielded: bool,
    repr_guard: Vec<usize>,
    initializing: Vec<String>,
}

impl ThreadState {
    /// A new thread's state: `temps` holds what its bootstrap needs.
    pub fn new(key: u64, temps: Vec<Value>) -> ThreadState {
        ThreadState {
            key,
            temps,
            ..ThreadState::default()
        }
    }

    /// Applies `f` to every heap reference of the state (for the collector).
    pub fn trace_values(&mut self, mut f: impl FnMut(&mut Value)) {
        self.stack.iter_mut().for_each(&mut f);
        self.temps.iter_mut().for_each(&mut f);
        f(&mut self.raised);
        f(&mut self.handled);
        for fr in &mut self.frames {
            fr.trace_values(&mut f);
        }
    }

    /// Exchanges this state with the running thread's state in `vm`.
    fn swap_with(&mut self, vm: &mut Vm) {
        use std::mem::swap;
        let r = vm.m.roots_mut();
        swap(&mut self.stack, &mut r.stack);
        swap(&mut self.frames, &mut r.frames);
        swap(&mut self.temps, &mut r.temps);
        swap(&mut self.raised, &mut r.raised);
        swap(&mut self.handled, &mut r.handled);
        swap(&mut self.reentry_depth, &mut vm.reentry_depth);
        swap(&mut self.gen_nesting, &mut vm.gen_nesting);
        swap(&mut self.native_depth, &mut vm.native_depth);
        swap(&mut self.cur_base, &mut vm.cur_base);
        swap(&mut self.yielded, &mut vm.yielded);
        swap(&mut self.repr_guard, &mut vm.repr_guard);
        swap(&mut self.initializing, &mut vm.import.initializing);
    }
}

/// The `Vm` pointer handed from one GIL holder to the next.
struct VmPtr(*mut Vm);

// SAFETY: the pointer is only dereferenced by the thread holding the GIL,
// and the GIL hands it over under a mutex (a happens-before edge), so the
// `Vm` is used by one thread at a time. The `Vm`'s non-`Send` parts (the
// open-file list's `Weak`s, `RefCell`s) are only touched under the GIL too.
unsafe impl Send for VmPtr {}

struct GilState {
    /// Some thread holds the GIL.
    held: bool,
    /// The `Vm`, as published by the last thread that let the GIL go.
    vm: VmPtr,
    /// Number of times the GIL changed hands.
    switches: u64,
    /// Threads waiting in [`acquire`].
    waiters: usize,
    /// The main thread is finalizing: nobody else gets the GIL again.
    finalizing: bool,
}

static GIL: Mutex<GilState> = Mutex::new(GilState {
    held: false,
    vm: VmPtr(std::ptr::null_mut()),
    switches: 0,
    waiters: 0,
    finalizing: false,
});
/// Signalled when the GIL is let go.
static GIL_FREE: Condvar = Condvar::new();
/// Signalled when a thread took the GIL (a forced switch waits for it).
static SWITCHED: Condvar = Condvar::new();
/// Set once a second thread was started: the GIL is in use from then on.
static THREADED: AtomicBool = AtomicBool::new(false);
/// `sys.getswitchinterval()` in microseconds (as CPython keeps it).
static SWITCH_INTERVAL_US: AtomicU64 = AtomicU64::new(5_000);
/// Key of the next thread started.
static NEXT_KEY: AtomicU64 = AtomicU64::new(1);

thread_local! {
    /// This OS thread's key (0: the main thread, or a thread that never
    /// ran Python started by `start_new_thread`).
    static KEY: Cell<u64> = const { Cell::new(0) };
}

fn gil() -> MutexGuard<'static, GilState> {
    GIL.lock().unwrap_or_else(|e| e.into_inner())
}

/// This OS thread's key.
pub fn current_key() -> u64 {
    KEY.with(|k| k.get())
}

/// Whether this is the main thread (the one that handles signals).
pub fn is_main_thread() -> bool {
    current_key() == 0
}

/// Whether threads were ever started (the GIL is in use).
#[inline]
pub fn threaded() -> bool {
    THREADED.load(Ordering::Relaxed)
}

/// A fresh key for a thread about to start.
pub fn next_key() -> u64 {
    NEXT_KEY.fetch_add(1, Ordering::Relaxed)
}

/// Marks the calling OS thread as the one with `key` (at thread start).
pub fn set_current_key(key: u64) {
    KEY.with(|k| k.set(key));
}

/// Turns the GIL on, held by the calling thread (which runs Python, so it
/// owns the `Vm`).
pub fn enable(vm: &mut Vm) {
    if threaded() {
        return;
    }
    let mut g = gil();
    g.held = true;
    g.vm = VmPtr(vm);
    THREADED.store(true, Ordering::Relaxed);
}

/// Waits for the GIL; returns the `Vm` pointer the last holder published.
fn acquire() -> *mut Vm {
    let mut g = gil();
    g.waiters += 1;
    while g.held || g.finalizing {
        if g.finalizing {
            g = GIL_FREE.wait(g).unwrap_or_else(|e| e.into_inner());
            continue;
        }
        let before = g.switches;
        let interval = Duration::from_micros(SWITCH_INTERVAL_US.load(Ordering::Relaxed).max(1));
        let (ng, t) = GIL_FREE
            .wait_timeout(g, interval)
            .unwrap_or_else(|e| e.into_inner());
        g = ng;
        if t.timed_out() && g.held && g.switches == before && !g.finalizing {
            super::sysstate::request_gil_drop();
        }
    }
    g.waiters -= 1;
    g.held = true;
    g.switches += 1;
    super::sysstate::clear_gil_drop();
    SWITCHED.notify_all();
    g.vm.0
}

/// Lets the GIL go, publishing `vm`; when `forced` (a drop request) and
/// others wait, returns only once one of them took it.
fn release(vm: *mut Vm, forced: bool) {
    let mut g = gil();
    if g.finalizing {
        return;
    }
    g.vm = VmPtr(vm);
    g.held = false;
    GIL_FREE.notify_all();
    if forced && g.waiters > 0 {
        let before = g.switches;
        while g.switches == before && g.waiters > 0 && !g.finalizing {
            g = SWITCHED.wait(g).unwrap_or_else(|e| e.into_inner());
        }
    }
}

/// Called by the main thread at the end of finalization, GIL held: no other
/// thread runs Python again.
pub fn begin_finalization() {
    if threaded() {
        gil().finalizing = true;
    }
}

/// Takes the GIL for a thread starting to run (its state was parked by
/// the thread that started it) and returns the `Vm`.
///
/// # Safety
/// `key` must be the calling thread's key, with a parked state.
pub unsafe fn enter_thread(key: u64) -> &'static mut Vm {
    let p = acquire();
    // SAFETY: holding the GIL makes this thread the only user of the `Vm`,
    // which outlives every thread that may get the GIL (the main thread
    // drops it only after `begin_finalization`, never releasing the GIL).
    let vm = unsafe { &mut *p };
    vm.unpark(key);
    vm
}

/// Lets the GIL go for good (the thread ends); its state is dropped.
pub fn leave_thread(vm: &mut Vm) {
    let mut empty = ThreadState::default();
    empty.swap_with(vm);
    drop(empty);
    release(vm, false);
}

impl Vm {
    /// Moves the running thread's state into [`Roots::parked`](super::binding::Roots::parked).
    fn park(&mut self, key: u64) {
        let mut st = ThreadState {
            key,
            ..ThreadState::default()
        };
        st.swap_with(self);
        self.m.roots_mut().parked.push(st);
    }

    /// Moves the parked state of thread `key` back into the `Vm`.
    fn unpark(&mut self, key: u64) {
        let parked = &mut self.m.roots_mut().parked;
        let Some(i) = parked.iter().position(|s| s.key == key) else {
            return;
        };
        let mut st = parked.swap_remove(i);
        st.swap_with(self);
    }

    /// Parks a new thread's state (its bootstrap values in `temps`).
    pub fn park_new_thread(&mut self, st: ThreadState) {
        self.m.roots_mut().parked.push(st);
    }

    /// Forgets the parked state of a thread that could not be started.
    pub fn drop_parked(&mut self, key: u64) {
        self.m.roots_mut().parked.retain(|s| s.key != key);
    }

    /// Runs `f` without the GIL (other threads run Python meanwhile): for
    /// blocking calls. `f` cannot reach the `Vm`; raw `Value`s read before
    /// are stale afterwards (as after any allocation). Without threads it
    /// is just `f()`.
    pub fn allow_threads<R>(&mut self, f: impl FnOnce() -> R) -> R {
        if !threaded() {
            return f();
        }
        let key = current_key();
        self.park(key);
        release(self, false);
        let r = f();
        let p = acquire();
        // SAFETY: the GIL is held again; `p` is the pointer the last holder
        // published (derived from this same `Vm`), used only while held.
        let vm = unsafe { &mut *p };
        vm.unpark(key);
        r
    }

    /// Lets another thread run if one asked for the GIL (the dispatch loop's
    /// drop request). Out of line: the dispatch loop's fast path stays as
    /// it was without threads.
    #[cold]
    #[inline(never)]
    pub fn yield_gil(&mut self) {
        if !threaded() {
            return;
        }
        let key = current_key();
        self.park(key);
        release(self, true);
        let p = acquire();
        // SAFETY: as in `allow_threads`.
        let vm = unsafe { &mut *p };
        vm.unpark(key);
    }
}

/// `sys.getswitchinterval()`.
pub(crate) fn getswitchinterval(vm: &mut Vm, a: Args) -> PyResult<Value> {
    super::modules::native_types::check_pos(vm, &a, "getswitchinterval", 0, 0)?;
    let us = SWITCH_INTERVAL_US.load(Ordering::Relaxed);
    Ok(Value::from_float(1e-6 * us as f64))
}

/// `sys.setswitchinterval(interval)`.
pub(crate) fn setswitchinterval(vm: &mut Vm, a: Args) -> PyResult<Value> {
    super::modules::native_types::check_pos(vm, &a, "setswitchinterval", 1, 1)?;
    let v = a.get(vm, 0);
    let secs = vm.to_f64(v)?;
    if secs.is_nan() || secs <= 0.0 {
        return Err(vm.raise_msg(
            TypeId::ValueError,
            "switch interval must be strictly positive",
        ));
    }
    let us = (secs * 1e6).min(u64::MAX as f64 / 2.0);
    SWITCH_INTERVAL_US.store(us as u64, Ordering::Relaxed);
    Ok(Value::NONE)
}
