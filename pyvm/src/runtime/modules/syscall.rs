//! The one way natives make system calls that may block or be interrupted
//! by a signal.
//!
//! [`blocking`] is where a call that may wait runs: it releases the GIL
//! around the call (the closures passed to it touch no heap object). [`retry_eintr`] repeats a
//! call interrupted by a signal (PEP 475), running pending Python signal
//! handlers between attempts (a Ctrl-C raises KeyboardInterrupt).

use crate::runtime::exception::PyResult;
use crate::runtime::heap::Vm;

/// The calling thread's `errno`.
pub(crate) fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

/// Runs the system call `f`, which may wait, with the GIL released (other
/// Python threads run meanwhile). `f` must not touch the Python heap or
/// the `Vm`.
#[inline]
pub(crate) fn blocking<T>(vm: &mut Vm, f: impl FnOnce() -> T) -> T {
    vm.allow_threads(f)
}

/// Calls `f` (a system call returning a negative number and setting
/// `errno` on failure) through [`blocking`] until a signal does not
/// interrupt it. `Ok(Err(errno))` for another failure; `Err` if a signal
/// handler raised.
pub(crate) fn retry_eintr(vm: &mut Vm, mut f: impl FnMut() -> i64) -> PyResult<Result<i64, i32>> {
    loop {
        let r = blocking(vm, &mut f);
        if r >= 0 {
            return Ok(Ok(r));
        }
        let e = errno();
        if e != libc::EINTR {
            return Ok(Err(e));
        }
        if crate::runtime::sysstate::take_interrupt() {
            vm.handle_interrupt()?;
        }
    }
}

/// [`retry_eintr`], raising the OSError for a failure.
pub(crate) fn checked(vm: &mut Vm, f: impl FnMut() -> i64) -> PyResult<i64> {
    match retry_eintr(vm, f)? {
        Ok(n) => Ok(n),
        Err(e) => Err(vm.raise_os_error(e, None)),
    }
}
