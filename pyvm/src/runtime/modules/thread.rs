//! `_thread`: locks, the thread identity and thread-local objects for a VM
//! that runs one thread.
//!
//! pyvm has no GIL yet, so `start_new_thread` raises RuntimeError; the
//! rest is complete enough for `threading` to import and for its locks,
//! conditions and `local` to work on the main thread. Blocking on a lock
//! nobody else can release would hang forever: with a timeout it sleeps
//! and fails as CPython would, without one it raises RuntimeError.

use std::time::Duration;

use pyvm_objmodel::Value;

use super::native_types::{NativeType, Style, bind, check_pos, export, opt};
use super::{ModuleRef, NativeModule};
use crate::runtime::call::Args;
use crate::runtime::exception::PyResult;
use crate::runtime::heap::Vm;
use crate::runtime::layout::{Kind, TYPE_FIELDS, TypeField};
use crate::runtime::types::TypeId;

/// The `_thread` module.
pub(crate) const MODULE: NativeModule = NativeModule {
    name: "_thread",
    functions: &[
        ("allocate_lock", allocate_lock),
        ("allocate", allocate_lock),
        ("_set_sentinel", allocate_lock),
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
    ],
    init: Some(init),
};

/// `_thread.TIMEOUT_MAX` on 64-bit Linux.
const TIMEOUT_MAX: f64 = 9223372036.0;

fn init(vm: &mut Vm, m: ModuleRef) -> PyResult<()> {
    export(vm, m, &LOCK)?;
    let c = vm.native_class(&LOCK)?;
    m.set(vm, "LockType", c)?;
    export(vm, m, &RLOCK)?;
    m.set(vm, "TIMEOUT_MAX", Value::from_float(TIMEOUT_MAX))?;
    let e = vm.ty(TypeId::RuntimeError);
    m.set(vm, "error", e)?;
    let local = plain_class(vm, "_local", "_thread")?;
    m.set(vm, "_local", local)
}

/// A class whose instances are ordinary objects with a `__dict__` (as
/// `_thread._local` is on a single thread).
pub(crate) fn plain_class(vm: &mut Vm, name: &str, module: &str) -> PyResult<Value> {
    let mark = vm.temps_len();
    let r = (|| {
        let n = vm.new_str(name)?;
        let ni = vm.push_temp(n);
        let d = vm.new_dict()?;
        let di = vm.push_temp(d);
        let m = vm.new_str(module)?;
        vm.dict_set_str(vm.temp(di), "__module__", m)?;
        let bases = vm.new_tuple(&[vm.ty(TypeId::Object)])?;
        let bi = vm.push_temp(bases);
        let mut fields = [Value::NONE; TYPE_FIELDS];
        fields[TypeField::Name as usize] = vm.temp(ni);
        fields[TypeField::Dict as usize] = vm.temp(di);
        fields[TypeField::Bases as usize] = vm.temp(bi);
        fields[TypeField::InstanceKind as usize] =
            Value::from_int(Kind::Instance as i64).unwrap_or(Value::NONE);
        // A heap type, so that `class _Local(threading.local)` works.
        fields[TypeField::Flags as usize] =
            Value::from_int(crate::runtime::class_create::flags::HEAP).unwrap_or(Value::NONE);
        let meta = vm.ty(TypeId::Type);
        let c = vm.alloc_record(Kind::Type, meta, &fields, 0)?;
        let ci = vm.push_temp(c);
        let mro = vm.new_tuple(&[vm.temp(ci), vm.ty(TypeId::Object)])?;
        vm.set_field(vm.temp(ci), TypeField::Mro as usize, mro);
        Ok(vm.temp(ci))
    })();
    vm.pop_temps(mark);
    r
}

// ---- lock -----------------------------------------------------------------

/// `_thread.lock`: state [locked (bool)].
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
        ("__exit__", lock_exit),
        ("locked", lock_locked),
        ("locked_lock", lock_locked),
        ("_at_fork_reinit", lock_reinit),
    ],
    ..NativeType::EMPTY
};

fn allocate_lock(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "allocate_lock", 0, 0)?;
    vm.new_native(&LOCK, &[Value::FALSE])
}

fn lock_repr(vm: &mut Vm, s: usize) -> PyResult<String> {
    let state = if vm.st(s, 0) == Value::TRUE {
        "locked"
    } else {
        "unlocked"
    };
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

/// Waiting on a lock only this (the only) thread could release.
fn wait_held(vm: &mut Vm, wait: Option<Duration>) -> PyResult<Value> {
    match wait {
        Some(d) => {
            if !d.is_zero() {
                vm.flush_out();
                std::thread::sleep(d);
            }
            Ok(Value::FALSE)
        }
        None => Err(vm.raise_msg(
            TypeId::RuntimeError,
            "acquiring a held lock would block forever: pyvm has no threads yet",
        )),
    }
}

fn lock_acquire(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let wait = acquire_args(vm, &a)?;
    let me = a.get(vm, 0);
    if vm.field(me, 1) == Value::TRUE {
        return wait_held(vm, wait);
    }
    vm.set_field(me, 1, Value::TRUE);
    Ok(Value::TRUE)
}

fn lock_release(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "release", 1, 1)?;
    let me = a.get(vm, 0);
    if vm.field(me, 1) != Value::TRUE {
        return Err(vm.raise_msg(TypeId::RuntimeError, "release unlocked lock"));
    }
    vm.set_field(me, 1, Value::FALSE);
    Ok(Value::NONE)
}

fn lock_exit(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let me = a.get(vm, 0);
    if vm.field(me, 1) != Value::TRUE {
        return Err(vm.raise_msg(TypeId::RuntimeError, "release unlocked lock"));
    }
    vm.set_field(me, 1, Value::FALSE);
    Ok(Value::NONE)
}

fn lock_locked(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "locked", 1, 1)?;
    Ok(vm.field(a.get(vm, 0), 1))
}

fn lock_reinit(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let me = a.get(vm, 0);
    vm.set_field(me, 1, Value::FALSE);
    Ok(Value::NONE)
}

// ---- RLock ----------------------------------------------------------------

/// `_thread.RLock`: state [count (int)]; the owner is always this thread.
pub(crate) static RLOCK: NativeType = NativeType {
    module: "_thread",
    name: "RLock",
    new: Some(|vm, cls, a| {
        if a.nkw(vm) > 0 || a.npos(vm) > 0 {
            return Err(vm.type_error("RLock() takes no arguments"));
        }
        super::itertools::make(vm, &RLOCK, cls, &[int(0)])
    }),
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

fn int(i: i64) -> Value {
    Value::from_int(i).unwrap_or(Value::NONE)
}

fn ident() -> i64 {
    // Any stable non-zero number: the process id scaled like a pthread_t.
    i64::from(std::process::id()) << 8 | 0x40
}

fn rlock_count(vm: &Vm, v: Value) -> i64 {
    vm.field(v, 1).as_int().unwrap_or(0)
}

fn rlock_repr(vm: &mut Vm, s: usize) -> PyResult<String> {
    let n = rlock_count(vm, vm.temp(s));
    let (state, owner) = if n > 0 {
        ("locked", ident())
    } else {
        ("unlocked", 0)
    };
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
    acquire_args(vm, &a)?;
    let me = a.get(vm, 0);
    let n = rlock_count(vm, me);
    vm.set_field(me, 1, int(n + 1));
    Ok(Value::TRUE)
}

fn rlock_release(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let me = a.get(vm, 0);
    let n = rlock_count(vm, me);
    if n == 0 {
        return Err(vm.raise_msg(TypeId::RuntimeError, "cannot release un-acquired lock"));
    }
    vm.set_field(me, 1, int(n - 1));
    Ok(Value::NONE)
}

fn rlock_is_owned(vm: &mut Vm, a: Args) -> PyResult<Value> {
    Ok(Value::from_bool(rlock_count(vm, a.get(vm, 0)) > 0))
}

fn rlock_release_save(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let me = a.get(vm, 0);
    let n = rlock_count(vm, me);
    if n == 0 {
        return Err(vm.raise_msg(TypeId::RuntimeError, "cannot release un-acquired lock"));
    }
    vm.set_field(me, 1, int(0));
    let id = vm.new_i64(ident())?;
    vm.new_tuple(&[int(n), id])
}

fn rlock_acquire_restore(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "_acquire_restore", 2, 2)?;
    let state = a.get(vm, 1);
    let n = match vm.kind_of(state) {
        Some(Kind::Tuple) if !vm.tuple_items(state).is_empty() => {
            vm.tuple_items(state)[0].as_int().unwrap_or(1)
        }
        _ => 1,
    };
    let me = a.get(vm, 0);
    vm.set_field(me, 1, int(n));
    Ok(Value::NONE)
}

fn rlock_reinit(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let me = a.get(vm, 0);
    vm.set_field(me, 1, int(0));
    Ok(Value::NONE)
}

// ---- functions ------------------------------------------------------------

fn get_ident(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "get_ident", 0, 0)?;
    vm.new_i64(ident())
}

fn get_native_id(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "get_native_id", 0, 0)?;
    vm.new_i64(i64::from(std::process::id()))
}

fn count(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "_count", 0, 0)?;
    Ok(int(0))
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
    if n == 1 {
        let v = a.get(vm, 0);
        let Some(size) = vm.index_value(v).filter(|_| !v.is_float()) else {
            let t = vm.type_name(v);
            return Err(vm.type_error(&format!("'{t}' object cannot be interpreted as an integer")));
        };
        if size != 0 && size < 32768 {
            return Err(vm.raise_msg(TypeId::ValueError, &format!("size not valid: {size} bytes")));
        }
    }
    Ok(int(0))
}

fn daemon_threads_allowed(_vm: &mut Vm, _a: Args) -> PyResult<Value> {
    Ok(Value::TRUE)
}

fn start_new_thread(vm: &mut Vm, _a: Args) -> PyResult<Value> {
    Err(vm.raise_msg(
        TypeId::RuntimeError,
        "can't start new thread: pyvm has no threads yet",
    ))
}

fn exit(vm: &mut Vm, _a: Args) -> PyResult<Value> {
    Err(vm.raise_args(TypeId::SystemExit, &[]))
}

fn interrupt_main(vm: &mut Vm, _a: Args) -> PyResult<Value> {
    Err(vm.raise_args(TypeId::KeyboardInterrupt, &[]))
}
