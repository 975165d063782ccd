//! Bounds on recursion inside native code.
//!
//! Comparing, printing and hashing nested containers recurse in Rust, not on
//! the VM frame stack, so without a bound a deeply nested (or, for
//! comparison, self-containing) structure would overflow the Rust stack and
//! abort the process. CPython counts this recursion against the same limit
//! as Python frames and raises `RecursionError`; [`Vm::recurse_native`] does
//! the same. Independently of the limit (which a program may raise), every
//! recursive step runs through [`with_stack`], which moves onto a fresh
//! heap-allocated stack segment when the current one runs low, so no limit
//! setting can make the Rust stack overflow.

use super::exception::PyResult;
use super::heap::Vm;
use super::types::TypeId;

/// Stack that must remain below the current frame before a recursive step.
const RED_ZONE: usize = 128 * 1024;
/// Size of each stack segment added when the red zone is reached.
const SEGMENT: usize = 2 * 1024 * 1024;

/// Runs `f`, first moving to a new stack segment if fewer than
/// [`RED_ZONE`] bytes of the current one remain.
pub fn with_stack<R>(f: impl FnOnce() -> R) -> R {
    stacker::maybe_grow(RED_ZONE, SEGMENT, f)
}

impl Vm {
    /// Runs one level of native recursion (`what` completes CPython's
    /// message, e.g. `" in comparison"`), raising `RecursionError` when the
    /// Python frames plus the native levels reach the recursion limit.
    pub fn recurse_native<R>(
        &mut self,
        what: &str,
        f: impl FnOnce(&mut Vm) -> PyResult<R>,
    ) -> PyResult<R> {
        let depth = self.native_depth + self.m.roots().frames.len();
        if depth >= self.recursion_limit {
            let msg = format!("maximum recursion depth exceeded{what}");
            return Err(self.raise_msg(TypeId::RecursionError, &msg));
        }
        self.native_depth += 1;
        let r = with_stack(|| f(self));
        self.native_depth -= 1;
        r
    }
}
