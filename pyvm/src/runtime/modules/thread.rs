//! `_thread`: real OS threads under the GIL (`gil.rs`), locks, the thread
//! identity and the thread-teardown sentinel `threading.Thread.join` waits
//! on.
//!
//! A lock is a native object whose Rust state is an `Arc<RawLock>` (a
//! mutex-protected flag and a condition variable), so blocking on it
//! happens without the GIL and releasing it needs no GIL either (a thread
//! ending releases its sentinels that way). `RLock` keeps its owner and
//! count in the object (changed under the GIL) on top of a `RawLock`.
//! `_thread._local` is a small Python class run in the module (per-thread
//! dicts swapped in as `__dict__`); `_excepthook` is absent: `threading`
//! uses its pure Python fallback (printing "Exception in thread ...").

use std::cell::RefCell;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use pyvm_objmodel::Value;

use super::native_types::{NativeType, Style, bind, check_pos, export, opt};
use super::{ModuleRef, NativeModule};
use crate::runtime::call::Args;
use crate::runtime::exception::PyResult;
use crate::runtime::gil::{self, ThreadState};
use crate::runtime::heap::Vm;
use crate::runtime::layout::Kind;
use crate::runtime::types::{GlobalSlot, TypeId};

/// The `_thread` module.
pub(crate) const MODULE: NativeModule = NativeModule {
    name: "_thread",
    functions: &[
        ("allocate_lock", allocate_lock),
        ("allocate", allocate_lock),
        ("_set_sentinel", set_sentinel),
        ("get_ident", get_ident),
        ("get_native_id", get_native_id),
        ("_count", count),
        ("stack_size", stack_size),
        ("daemon_threads_allowed", daemon_threads_allowed),
        ("start_new_thread", start_new_thread),
        ("start_new", start_new_thread),
        ("exit", exit),
        ("exit_thread", exit),
        ("interrupt_main", interrupt_main),
        ("_thread_key", thread_key),
    ],
    init: Some(init),
};

/// `_thread.TIMEOUT_MAX` on 64-bit Linux.
const TIMEOUT_MAX: f64 = 9223372036.0;

/// Threads started by `start_new_thread` and not finished (`_count()`).
static LIVE: AtomicUsize = AtomicUsize::new(0);

/// `stack_size()` as last set (0: the default).
static STACK_SIZE: AtomicUsize = AtomicUsize::new(0);

/// The Rust stack of a new thread at least (native code re-entering Python
/// nests on it, as on the main thread's).
const MIN_STACK: usize = 16 << 20;

thread_local! {
    /// The sentinel locks of this OS thread, released when it ends.
    static SENTINELS: RefCell<Vec<Arc<RawLock>>> = const { RefCell::new(Vec::new()) };
}

fn init(vm: &mut Vm, m: ModuleRef) -> PyResult<()> {
    export(vm, m, &LOCK)?;
    let c = vm.native_class(&LOCK)?;
    m.set(vm, "LockType", c)?;
    export(vm, m, &RLOCK)?;
    m.set(vm, "TIMEOUT_MAX", Value::from_float(TIMEOUT_MAX))?;
    let e = vm.ty(TypeId::RuntimeError);
    m.set(vm, "error", e)?;
    super::time_mod::exec_in_module(vm, m, LOCAL_SRC, "<pyvm _thread._local>")
}

/// `_thread._local`: one attribute dict per thread (keyed by the thread's
/// never-reused key), installed as the object's `__dict__` under a lock
/// for each attribute access. Every instance is listed by weak reference;
/// when a thread ends, `_thread_ended` drops its dict from each of them.
const LOCAL_SRC: &str = "\
from _weakref import ref as _weakref_ref
_local_lock = RLock()
_local_refs = {}
_local_count = [0]

def _thread_ended(key):
    with _local_lock:
        for r in list(_local_refs.values()):
            o = r()
            if o is None:
                continue
            d = object.__getattribute__(o, '_local__dicts').pop(key, None)
            if d is not None and object.__getattribute__(o, '__dict__') is d:
                object.__setattr__(o, '__dict__', {})

def _local_dict(self):
    dicts = object.__getattribute__(self, '_local__dicts')
    k = _thread_key()
    d = dicts.get(k)
    if d is None:
        d = dicts[k] = {}
        object.__setattr__(self, '__dict__', d)
        args, kw = object.__getattribute__(self, '_local__args')
        init = type(self).__init__
        if init is not object.__init__:
            init(self, *args, **kw)
    else:
        object.__setattr__(self, '__dict__', d)

class _local:
    __slots__ = ('_local__dicts', '_local__args', '__dict__', '__weakref__')
    __module__ = '_thread'

    def __new__(cls, /, *args, **kw):
        if (args or kw) and (cls.__init__ is object.__init__):
            raise TypeError('Initialization arguments are not supported')
        self = object.__new__(cls)
        object.__setattr__(self, '_local__args', (args, kw))
        d = object.__getattribute__(self, '__dict__')
        object.__setattr__(self, '_local__dicts', {_thread_key(): d})
        with _local_lock:
            n = _local_count[0] = _local_count[0] + 1
            _local_refs[n] = _weakref_ref(self, lambda r, n=n: _local_refs.pop(n, None))
        return self

    def __getattribute__(self, name):
        with _local_lock:
            _local_dict(self)
            return object.__getattribute__(self, name)

    def __setattr__(self, name, value):
        if name == '__dict__':
            raise AttributeError(
                \"'_thread._local' object attribute '__dict__' is read-only\")
        with _local_lock:
            _local_dict(self)
            return object.__setattr__(self, name, value)

    def __delattr__(self, name):
        if name == '__dict__':
            raise AttributeError(
                \"'_thread._local' object attribute '__dict__' is read-only\")
        with _local_lock:
            _local_dict(self)
            return object.__delattr__(self, name)
";

/// `_thread_key()`: the calling thread's key (unique, never reused).
fn thread_key(vm: &mut Vm, _a: Args) -> PyResult<Value> {
    vm.new_i64(gil::current_key() as i64)
}

// ---- the OS-level lock ------------------------------------------------------

/// A non-reentrant lock any thread may release, usable without the GIL.
#[derive(Default)]
pub(crate) struct RawLock {
    locked: Mutex<bool>,
    unlocked: Condvar,
}

impl RawLock {
    fn state(&self) -> MutexGuard<'_, bool> {
        self.locked.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Takes the lock if it is free.
    fn try_acquire(&self) -> bool {
        let mut g = self.state();
        if *g {
            return false;
        }
        *g = true;
        true
    }

    /// Takes the lock, waiting until `deadline` at most (`None`: forever).
    fn acquire_until(&self, deadline: Option<Instant>) -> bool {
        let mut g = self.state();
        while *g {
            match deadline {
                None => g = self.unlocked.wait(g).unwrap_or_else(|e| e.into_inner()),
                Some(d) => {
                    let now = Instant::now();
                    if now >= d {
                        return false;
                    }
                    g = self
                        .unlocked
                        .wait_timeout(g, d - now)
                        .unwrap_or_else(|e| e.into_inner())
                        .0;
                }
            }
        }
        *g = true;
        true
    }

    /// Releases the lock: false if it was not locked.
    fn release(&self) -> bool {
        let mut g = self.state();
        if !*g {
            return false;
        }
        *g = false;
        self.unlocked.notify_one();
        true
    }

    fn is_locked(&self) -> bool {
        *self.state()
    }

    fn reset(&self) {
        *self.state() = false;
        self.unlocked.notify_all();
    }
}

/// The `RawLock` of a lock or RLock object.
fn raw_of(vm: &Vm, v: Value) -> Option<Arc<RawLock>> {
    vm.native_rust::<Arc<RawLock>>(v).cloned()
}

/// Takes `lock` for the calling thread, waiting without the GIL: `Ok(false)`
/// when `wait` ran out. On the main thread the wait is cut in slices so a
/// signal (Ctrl-C) is handled.
fn acquire_raw(vm: &mut Vm, lock: &Arc<RawLock>, wait: Option<Duration>) -> PyResult<bool> {
    if lock.try_acquire() {
        return Ok(true);
    }
    if wait == Some(Duration::ZERO) {
        return Ok(false);
    }
    if LIVE.load(Ordering::Relaxed) == 0 {
        // No other thread exists that could release it.
        return match wait {
            Some(d) => {
                vm.flush_out();
                std::thread::sleep(d);
                Ok(false)
            }
            None => Err(vm.raise_msg(
                TypeId::RuntimeError,
                "acquiring a held lock would block forever: no other thread can release it",
            )),
        };
    }
    let deadline = wait.and_then(|d| Instant::now().checked_add(d));
    let main = gil::is_main_thread();
    loop {
        let slice = if main {
            let s = Instant::now() + Duration::from_millis(50);
            Some(deadline.map_or(s, |d| d.min(s)))
        } else {
            deadline
        };
        let l = Arc::clone(lock);
        if vm.allow_threads(move || l.acquire_until(slice)) {
            return Ok(true);
        }
        if deadline.is_some_and(|d| Instant::now() >= d) {
            return Ok(false);
        }
        if main && crate::runtime::sysstate::signal_pending() {
            vm.handle_interrupt()?;
        }
    }
}

// ---- lock -----------------------------------------------------------------

/// `_thread.lock`: no state fields; the `RawLock` off the heap.
pub(crate) static LOCK: NativeType = NativeType {
    module: "_thread",
    name: "lock",
    repr: Some(lock_repr),
    methods: &[
        ("acquire", lock_acquire),
        ("acquire_lock", lock_acquire),
        ("__enter__", lock_acquire),
        ("release", lock_release),
        ("release_lock", lock_release),
        ("__exit__", lock_release_any),
        ("locked", lock_locked),
        ("locked_lock", lock_locked),
        ("_at_fork_reinit", lock_reinit),
    ],
    ..NativeType::EMPTY
};

fn new_lock(vm: &mut Vm, raw: Arc<RawLock>) -> PyResult<Value> {
    vm.new_native_cell(&LOCK, &[], Box::new(raw))
}

fn allocate_lock(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "allocate_lock", 0, 0)?;
    new_lock(vm, Arc::default())
}

/// `_set_sentinel()`: a lock released when the calling thread ends.
fn set_sentinel(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "_set_sentinel", 0, 0)?;
    let raw: Arc<RawLock> = Arc::default();
    SENTINELS.with(|s| s.borrow_mut().push(Arc::clone(&raw)));
    new_lock(vm, raw)
}

fn lock_repr(vm: &mut Vm, s: usize) -> PyResult<String> {
    let locked = raw_of(vm, vm.temp(s)).is_some_and(|l| l.is_locked());
    let state = if locked { "locked" } else { "unlocked" };
    Ok(format!(
        "<{state} _thread.lock object at {:#x}>",
        vm.id_of(vm.temp(s))
    ))
}

/// Parses `acquire(blocking=True, timeout=-1)`: `None` means "wait
/// forever", `Some(d)` waiting at most `d`.
fn acquire_args(vm: &mut Vm, a: &Args) -> PyResult<Option<Duration>> {
    let inner = Args {
        start: a.start + 1,
        n: a.n - 1,
        kw: a.kw,
    };
    let p = bind(
        vm,
        &inner,
        "acquire",
        &["blocking", "timeout"],
        2,
        0,
        Style::Old,
    )?;
    let blocking = match opt(vm, p[0]) {
        Some(b) => vm.truthy(b)?,
        None => true,
    };
    let timeout = match opt(vm, p[1]) {
        Some(t) => vm.to_f64(t)?,
        None => -1.0,
    };
    if timeout.is_nan() {
        return Err(vm.raise_msg(TypeId::ValueError, "Invalid value NaN (not a number)"));
    }
    if (timeout * 1e9).abs() >= i64::MAX as f64 {
        return Err(vm.raise_msg(
            TypeId::OverflowError,
            "timestamp out of range for platform time_t",
        ));
    }
    if !blocking && timeout != -1.0 {
        return Err(vm.raise_msg(
            TypeId::ValueError,
            "can't specify a timeout for a non-blocking call",
        ));
    }
    if timeout < 0.0 && timeout != -1.0 {
        return Err(vm.raise_msg(TypeId::ValueError, "timeout value must be positive"));
    }
    if timeout > TIMEOUT_MAX {
        return Err(vm.raise_msg(TypeId::OverflowError, "timeout value is too large"));
    }
    Ok(if !blocking {
        Some(Duration::ZERO)
    } else if timeout < 0.0 {
        None
    } else {
        Some(Duration::from_secs_f64(timeout))
    })
}

fn self_raw(vm: &mut Vm, a: &Args) -> PyResult<Arc<RawLock>> {
    let me = a.get(vm, 0);
    match raw_of(vm, me) {
        Some(l) => Ok(l),
        None => Err(vm.type_error("descriptor requires a '_thread.lock' object")),
    }
}

fn lock_acquire(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let wait = acquire_args(vm, &a)?;
    let raw = self_raw(vm, &a)?;
    Ok(Value::from_bool(acquire_raw(vm, &raw, wait)?))
}

fn lock_release(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "release", 1, 1)?;
    lock_release_any(vm, a)
}

fn lock_release_any(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let raw = self_raw(vm, &a)?;
    if !raw.release() {
        return Err(vm.raise_msg(TypeId::RuntimeError, "release unlocked lock"));
    }
    Ok(Value::NONE)
}

fn lock_locked(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "locked", 1, 1)?;
    let raw = self_raw(vm, &a)?;
    Ok(Value::from_bool(raw.is_locked()))
}

fn lock_reinit(vm: &mut Vm, a: Args) -> PyResult<Value> {
    self_raw(vm, &a)?.reset();
    Ok(Value::NONE)
}

// ---- RLock ----------------------------------------------------------------

/// `_thread.RLock`: state [owner ident (int, 0: none), count (int)] and a
/// `RawLock` held while the count is positive.
pub(crate) static RLOCK: NativeType = NativeType {
    module: "_thread",
    name: "RLock",
    new: Some(rlock_new),
    repr: Some(rlock_repr),
    methods: &[
        ("acquire", rlock_acquire),
        ("__enter__", rlock_acquire),
        ("release", rlock_release),
        ("__exit__", rlock_release),
        ("_is_owned", rlock_is_owned),
        ("_release_save", rlock_release_save),
        ("_acquire_restore", rlock_acquire_restore),
        ("_at_fork_reinit", rlock_reinit),
    ],
    ..NativeType::EMPTY
};

fn rlock_new(vm: &mut Vm, cls: usize, _a: Args) -> PyResult<Value> {
    let raw: Arc<RawLock> = Arc::default();
    let o = vm.new_native_cell(&RLOCK, &[int(0), int(0)], Box::new(raw))?;
    vm.with_class(o, vm.temp(cls))
}

fn int(i: i64) -> Value {
    Value::from_int(i).unwrap_or(Value::NONE)
}

/// The calling thread's identity (its pthread id, as CPython).
fn ident() -> i64 {
    // SAFETY: pthread_self has no preconditions.
    unsafe { libc::pthread_self() as i64 }
}

/// Owner and count of the RLock at argument 0.
fn rlock_state(vm: &mut Vm, a: &Args) -> (i64, i64) {
    let me = a.get(vm, 0);
    let owner = vm.field(me, 1);
    let owner = match vm.kind_of(owner) {
        Some(Kind::BigInt) => {
            use num_traits::ToPrimitive;
            vm.bigint(owner).to_i64().unwrap_or(0)
        }
        _ => owner.as_int().unwrap_or(0),
    };
    (owner, vm.field(me, 2).as_int().unwrap_or(0))
}

fn set_rlock_state(vm: &mut Vm, a: &Args, owner: i64, n: i64) -> PyResult<()> {
    let o = vm.new_i64(owner)?;
    let me = a.get(vm, 0);
    vm.set_field(me, 1, o);
    vm.set_field(me, 2, int(n));
    Ok(())
}

fn rlock_repr(vm: &mut Vm, s: usize) -> PyResult<String> {
    let a = Args {
        start: s,
        n: 1,
        kw: None,
    };
    let (owner, n) = rlock_state(vm, &a);
    let state = if n > 0 { "locked" } else { "unlocked" };
    let name = vm.type_name(vm.temp(s));
    let module = {
        let c = vm.class_of(vm.temp(s));
        vm.type_module(c)?
    };
    Ok(format!(
        "<{state} {module}.{name} object owner={owner} count={n} at {:#x}>",
        vm.id_of(vm.temp(s))
    ))
}

fn rlock_acquire(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let wait = acquire_args(vm, &a)?;
    let (owner, n) = rlock_state(vm, &a);
    let me = ident();
    if n > 0 && owner == me {
        set_rlock_state(vm, &a, me, n + 1)?;
        return Ok(Value::TRUE);
    }
    let raw = self_raw(vm, &a)?;
    if !acquire_raw(vm, &raw, wait)? {
        return Ok(Value::FALSE);
    }
    set_rlock_state(vm, &a, me, 1)?;
    Ok(Value::TRUE)
}

fn rlock_release(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (owner, n) = rlock_state(vm, &a);
    if n == 0 || owner != ident() {
        return Err(vm.raise_msg(TypeId::RuntimeError, "cannot release un-acquired lock"));
    }
    if n > 1 {
        set_rlock_state(vm, &a, owner, n - 1)?;
        return Ok(Value::NONE);
    }
    set_rlock_state(vm, &a, 0, 0)?;
    self_raw(vm, &a)?.release();
    Ok(Value::NONE)
}

fn rlock_is_owned(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (owner, n) = rlock_state(vm, &a);
    Ok(Value::from_bool(n > 0 && owner == ident()))
}

fn rlock_release_save(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (owner, n) = rlock_state(vm, &a);
    if n == 0 {
        return Err(vm.raise_msg(TypeId::RuntimeError, "cannot release un-acquired lock"));
    }
    set_rlock_state(vm, &a, 0, 0)?;
    self_raw(vm, &a)?.release();
    let id = vm.new_i64(owner)?;
    vm.new_tuple(&[int(n), id])
}

fn rlock_acquire_restore(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "_acquire_restore", 2, 2)?;
    let state = a.get(vm, 1);
    let (n, owner) = match vm.kind_of(state) {
        Some(Kind::Tuple) if vm.tuple_items(state).len() == 2 => {
            let items = vm.tuple_items(state).to_vec();
            let n = items[0].as_int().unwrap_or(1);
            let owner = match vm.kind_of(items[1]) {
                Some(Kind::BigInt) => {
                    use num_traits::ToPrimitive;
                    vm.bigint(items[1]).to_i64().unwrap_or(0)
                }
                _ => items[1].as_int().unwrap_or(0),
            };
            (n, owner)
        }
        _ => return Err(vm.type_error("_acquire_restore() argument 1 must be tuple")),
    };
    let raw = self_raw(vm, &a)?;
    acquire_raw(vm, &raw, None)?;
    set_rlock_state(vm, &a, owner, n)?;
    Ok(Value::NONE)
}

fn rlock_reinit(vm: &mut Vm, a: Args) -> PyResult<Value> {
    set_rlock_state(vm, &a, 0, 0)?;
    self_raw(vm, &a)?.reset();
    Ok(Value::NONE)
}

// ---- threads ----------------------------------------------------------------

fn start_new_thread(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "start_new_thread", 2, 3)?;
    let (f, args) = (a.get(vm, 0), a.get(vm, 1));
    if !super::native_types::callable(vm, f)? {
        return Err(vm.type_error("first arg must be callable"));
    }
    if !vm.isinstance_of(args, TypeId::Tuple) {
        return Err(vm.type_error("2nd arg must be a tuple"));
    }
    let kwargs = if a.npos(vm) == 3 {
        a.get(vm, 2)
    } else {
        Value::NONE
    };
    if !kwargs.is_none() && !vm.isinstance_of(kwargs, TypeId::Dict) {
        return Err(vm.type_error("optional 3rd arg must be a dictionary"));
    }
    gil::enable(vm);
    let key = gil::next_key();
    let (f, args) = (a.get(vm, 0), a.get(vm, 1));
    vm.park_new_thread(ThreadState::new(key, vec![f, args, kwargs]));
    LIVE.fetch_add(1, Ordering::Relaxed);
    let stack = STACK_SIZE.load(Ordering::Relaxed).max(MIN_STACK);
    let spawned = std::thread::Builder::new()
        .stack_size(stack)
        .spawn(move || thread_main(key));
    match spawned {
        Ok(h) => {
            use std::os::unix::thread::JoinHandleExt;
            let id = h.as_pthread_t() as i64;
            drop(h);
            vm.new_i64(id)
        }
        Err(_) => {
            vm.drop_parked(key);
            LIVE.fetch_sub(1, Ordering::Relaxed);
            Err(vm.raise_msg(TypeId::RuntimeError, "can't start new thread"))
        }
    }
}

/// The body of a thread started by `start_new_thread`.
fn thread_main(key: u64) {
    gil::set_current_key(key);
    // SAFETY: this thread's state was parked under `key` by its starter.
    let vm = unsafe { gil::enter_thread(key) };
    let r = vm.call_with_tuple_dict(vm.temp(0), vm.temp(1), vm.temp(2));
    if r.is_err() {
        let exc = vm.take_raised();
        if !vm.exc_matches(exc, TypeId::SystemExit) {
            report_thread_exception(vm, exc);
        }
    }
    forget_thread_locals(vm, key);
    SENTINELS.with(|s| {
        for l in s.borrow_mut().drain(..) {
            l.release();
        }
    });
    LIVE.fetch_sub(1, Ordering::Relaxed);
    gil::leave_thread(vm);
}

/// Drops the `_thread._local` dicts of the ending thread `key` (what
/// CPython does when it clears the thread state).
fn forget_thread_locals(vm: &mut Vm, key: u64) {
    let modules = vm.global(GlobalSlot::Modules);
    if vm.kind_of(modules) != Some(Kind::Dict) {
        return;
    }
    let r = (|| {
        let Some(m) = vm.dict_get_str(modules, "_thread")? else {
            return Ok(());
        };
        if vm.kind_of(m) != Some(Kind::Module) {
            return Ok(());
        }
        let Some(f) = vm.dict_get_str(vm.field(m, 0), "_thread_ended")? else {
            return Ok(());
        };
        let fi = vm.push_temp(f);
        let k = vm.new_i64(key as i64);
        let r = k.and_then(|k| vm.call_value(vm.temp(fi), &[k]));
        vm.pop_temps(fi);
        r.map(|_| ())
    })();
    if r.is_err() {
        vm.take_raised();
    }
}

/// CPython's report of an exception escaping a `start_new_thread` function.
fn report_thread_exception(vm: &mut Vm, exc: Value) {
    let ei = vm.push_temp(exc);
    let what = vm.temp(0);
    let what = vm.repr_of(what).unwrap_or_default();
    vm.take_raised();
    vm.flush_out();
    let exc = vm.temp(ei);
    let text = vm.format_exception(exc);
    vm.pop_temps(ei);
    let msg = format!("Exception ignored in thread started by: {what}\n{text}");
    if super::sys::write_stderr(vm, &msg).is_err() {
        vm.take_raised();
        eprint!("{msg}");
    }
}

impl Vm {
    /// At exit, before `atexit`: `threading._shutdown()` (joins the
    /// non-daemon threads) when `threading` was imported.
    pub fn threading_shutdown(&mut self) {
        let modules = self.global(GlobalSlot::Modules);
        if self.kind_of(modules) != Some(Kind::Dict) {
            return;
        }
        let Ok(Some(m)) = self.dict_get_str(modules, "threading") else {
            self.take_raised();
            return;
        };
        let r = self
            .get_attr_str(m, "_shutdown")
            .and_then(|f| self.call_value(f, &[]));
        if r.is_err() {
            let exc = self.take_raised();
            let ei = self.push_temp(exc);
            self.flush_out();
            let text = self.format_exception(self.temp(ei));
            self.pop_temps(ei);
            eprint!("Exception ignored on threading shutdown:\n{text}");
        }
    }
}

fn get_ident(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "get_ident", 0, 0)?;
    vm.new_i64(ident())
}

fn get_native_id(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "get_native_id", 0, 0)?;
    // SAFETY: gettid has no preconditions.
    let tid = unsafe { libc::gettid() };
    vm.new_i64(i64::from(tid))
}

fn count(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "_count", 0, 0)?;
    Ok(int(LIVE.load(Ordering::Relaxed) as i64))
}

fn stack_size(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if a.nkw(vm) > 0 {
        return Err(vm.type_error("stack_size() takes no keyword arguments"));
    }
    let n = a.npos(vm);
    if n > 1 {
        return Err(vm.type_error(&format!(
            "stack_size() takes at most 1 argument ({n} given)"
        )));
    }
    let old = STACK_SIZE.load(Ordering::Relaxed);
    if n == 1 {
        let v = a.get(vm, 0);
        let Some(size) = vm.index_value(v).filter(|_| !v.is_float()) else {
            let t = vm.type_name(v);
            return Err(vm.type_error(&format!("'{t}' object cannot be interpreted as an integer")));
        };
        if size < 0 {
            return Err(vm.raise_msg(TypeId::ValueError, "size must be 0 or a positive value"));
        }
        if size != 0 && size < 32768 {
            return Err(vm.raise_msg(TypeId::ValueError, &format!("size not valid: {size} bytes")));
        }
        STACK_SIZE.store(size as usize, Ordering::Relaxed);
    }
    Ok(int(old as i64))
}

fn daemon_threads_allowed(_vm: &mut Vm, _a: Args) -> PyResult<Value> {
    Ok(Value::TRUE)
}

fn exit(vm: &mut Vm, _a: Args) -> PyResult<Value> {
    Err(vm.raise_args(TypeId::SystemExit, &[]))
}

/// `interrupt_main(signum=SIGINT)`: the main thread sees the signal at its
/// next check, as if it had arrived.
fn interrupt_main(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let p = bind(vm, &a, "interrupt_main", &["signum"], 1, 0, Style::Clinic)?;
    let sig = match opt(vm, p[0]) {
        Some(v) => super::native_types::index_arg(vm, v)?,
        None => i64::from(libc::SIGINT),
    };
    if !(1..64).contains(&sig) {
        return Err(vm.raise_msg(TypeId::ValueError, "signal number out of range"));
    }
    crate::runtime::sysstate::set_pending(sig as i32);
    Ok(Value::NONE)
}
