//! `select`: `select.select` and `select.poll` (no `epoll`, so `selectors`
//! picks its `PollSelector`), both on the `poll(2)` system call. The poll
//! object is a small Python class (`py/select_poll.py`) over one native
//! wait, `_poll`.

use pyvm_objmodel::Value;

use super::{ModuleRef, NativeModule};
use crate::runtime::builtins::arity;
use crate::runtime::call::Args;
use crate::runtime::exception::PyResult;
use crate::runtime::heap::Vm;
use crate::runtime::modules::io::call_method;
use crate::runtime::types::TypeId;

const SRC: &str = include_str!("../py/select_poll.py");

/// The `select` module.
pub(crate) const MODULE: NativeModule = NativeModule {
    name: "select",
    functions: &[("select", select), ("_poll", poll_native)],
    init: Some(init),
};

fn int(n: i64) -> Value {
    Value::from_int(n).unwrap_or(Value::NONE)
}

const CONSTANTS: &[(&str, i16)] = &[
    ("POLLIN", libc::POLLIN),
    ("POLLPRI", libc::POLLPRI),
    ("POLLOUT", libc::POLLOUT),
    ("POLLERR", libc::POLLERR),
    ("POLLHUP", libc::POLLHUP),
    ("POLLNVAL", libc::POLLNVAL),
    ("POLLRDNORM", libc::POLLRDNORM),
    ("POLLRDBAND", libc::POLLRDBAND),
    ("POLLWRNORM", libc::POLLWRNORM),
    ("POLLWRBAND", libc::POLLWRBAND),
    ("POLLRDHUP", libc::POLLRDHUP),
];

fn init(vm: &mut Vm, m: ModuleRef) -> PyResult<()> {
    for &(name, v) in CONSTANTS {
        m.set(vm, name, int(v as i64))?;
    }
    m.set(vm, "PIPE_BUF", int(libc::PIPE_BUF as i64))?;
    m.set(vm, "error", vm.ty(TypeId::OSError))?;
    // The poll class lives in a namespace of its own, which gets the
    // module's constants and `_poll`.
    let g = vm.run_embedded(SRC, "<pyvm select>", "select")?;
    let gi = vm.push_temp(g);
    let r = (|| {
        let names: Vec<&str> = CONSTANTS.iter().map(|c| c.0).chain(["_poll"]).collect();
        for name in names {
            let md = vm.field(m.get(vm), 0);
            let v = vm.dict_get_str(md, name)?.unwrap_or(Value::NONE);
            vm.dict_set_str(vm.temp(gi), name, v)?;
        }
        let cls = vm.dict_get_str(vm.temp(gi), "poll")?.unwrap_or(Value::NONE);
        m.set(vm, "poll", cls)
    })();
    vm.pop_temps(gi);
    r
}

/// Waits on `fds` for at most `ms` milliseconds (-1: no limit), retrying
/// when a signal interrupts (a pending Ctrl-C raises KeyboardInterrupt).
fn wait(vm: &mut Vm, fds: &mut [libc::pollfd], ms: i32) -> PyResult<()> {
    super::syscall::checked(vm, || {
        // SAFETY: poll reads and writes our own array of `fds.len()` entries.
        unsafe { libc::poll(fds.as_mut_ptr(), fds.len() as libc::nfds_t, ms) as i64 }
    })?;
    Ok(())
}

/// `_poll([(fd, mask), ...], ms)`: `[(fd, revents), ...]` of the ready ones.
fn poll_native(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "_poll", 2, 2)?;
    let pairs = {
        let v = a.get(vm, 0);
        vm.collect_iterable(v)?
    };
    let mut fds: Vec<libc::pollfd> = pairs
        .iter()
        .map(|&p| libc::pollfd {
            fd: vm.seq_item(p, 0).and_then(|v| v.as_int()).unwrap_or(-1) as i32,
            events: vm.seq_item(p, 1).and_then(|v| v.as_int()).unwrap_or(0) as i16,
            revents: 0,
        })
        .collect();
    let ms = a
        .get(vm, 1)
        .as_int()
        .unwrap_or(-1)
        .clamp(-1, i32::MAX as i64) as i32;
    wait(vm, &mut fds, ms)?;
    let mark = vm.temps_len();
    let r = (|| {
        for p in fds.iter().filter(|p| p.revents != 0) {
            let t = vm.new_tuple(&[int(p.fd as i64), int(p.revents as u16 as i64)])?;
            vm.push_temp(t);
        }
        let items = vm.m.roots().temps[mark..].to_vec();
        vm.new_list(&items)
    })();
    vm.pop_temps(mark);
    r
}

/// The descriptor of a `select` argument: an int or an object with
/// `fileno()`.
fn fileno_of(vm: &mut Vm, v: Value) -> PyResult<i32> {
    let fd = match v.as_int() {
        Some(n) => n,
        None => {
            let r = call_method(vm, v, "fileno", &[]).map_err(|_| {
                vm.type_error("argument must be an int, or have a fileno() method.")
            })?;
            match r.as_int() {
                Some(n) => n,
                None => return Err(vm.type_error("fileno() returned a non-integer")),
            }
        }
    };
    if fd < 0 {
        return Err(vm.raise_msg(
            TypeId::ValueError,
            &format!("file descriptor cannot be a negative integer ({fd})"),
        ));
    }
    Ok(fd as i32)
}

/// `select.select(rlist, wlist, xlist[, timeout])`: the three lists of
/// the objects that are ready.
fn select(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "select", 3, 4)?;
    let ms = match a.npos(vm) {
        4 if !a.get(vm, 3).is_none() => {
            let t = a.get(vm, 3);
            let secs = vm.to_f64(t).map_err(|_| {
                let n = vm.type_name(t);
                vm.type_error(&format!("'{n}' object cannot be interpreted as an integer"))
            })?;
            if secs < 0.0 {
                return Err(vm.raise_msg(TypeId::ValueError, "timeout must be non-negative"));
            }
            (secs * 1000.0).ceil().min(i32::MAX as f64) as i32
        }
        _ => -1,
    };
    let mark = vm.temps_len();
    let r = (|| {
        // Every object of the three lists, rooted, with its list and fd.
        let mut entries: Vec<(usize, usize, i32)> = Vec::new();
        for list in 0..3 {
            let src = a.get(vm, list);
            let items = vm.collect_iterable(src)?;
            let first = vm.temps_len();
            for it in items {
                vm.push_temp(it);
            }
            for i in first..vm.temps_len() {
                let fd = fileno_of(vm, vm.temp(i))?;
                entries.push((list, i, fd));
            }
        }
        let wanted = [libc::POLLIN, libc::POLLOUT, libc::POLLPRI];
        let mut fds: Vec<libc::pollfd> = entries
            .iter()
            .map(|&(list, _, fd)| libc::pollfd {
                fd,
                events: wanted[list],
                revents: 0,
            })
            .collect();
        wait(vm, &mut fds, ms)?;
        if fds.iter().any(|p| p.revents & libc::POLLNVAL != 0) {
            return Err(vm.raise_os_error(libc::EBADF, None));
        }
        let ready = [
            libc::POLLIN | libc::POLLHUP | libc::POLLERR,
            libc::POLLOUT | libc::POLLERR,
            libc::POLLPRI,
        ];
        let mut out = Vec::with_capacity(3);
        for (list, mask) in ready.iter().enumerate() {
            let chosen: Vec<Value> = entries
                .iter()
                .zip(&fds)
                .filter(|((l, _, _), p)| *l == list && p.revents & mask != 0)
                .map(|((_, i, _), _)| vm.temp(*i))
                .collect();
            let l = vm.new_list(&chosen)?;
            out.push(vm.push_temp(l));
        }
        let lists: Vec<Value> = out.iter().map(|&i| vm.temp(i)).collect();
        vm.new_tuple(&lists)
    })();
    vm.pop_temps(mark);
    r
}
