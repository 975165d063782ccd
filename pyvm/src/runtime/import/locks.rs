//! Per-module import locks (CPython's `_ModuleLock`), so that two threads
//! importing one module do not both run it, and the second does not see it
//! half-initialized: the thread that loads a module owns its name until the
//! load ends; another thread importing it meanwhile waits, with the GIL
//! released, and then takes what `sys.modules` holds. A thread importing a
//! module it is itself loading (a circular import) gets the partial module
//! at once, as before; so does a thread whose wait would close a cycle of
//! threads waiting on each other (CPython's deadlock case).
//!
//! The table is process-wide (threads share one `Vm`); its mutex is only
//! taken by the GIL holder or a thread about to wait, never across a wait.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Duration;

use crate::runtime::exception::PyResult;
use crate::runtime::gil;
use crate::runtime::heap::Vm;

#[derive(Default)]
struct Table {
    /// Module name → (owning thread key, nesting count).
    owners: HashMap<String, (u64, u32)>,
    /// Thread key → the module name it waits for.
    waiting: HashMap<u64, String>,
}

static TABLE: Mutex<Option<Table>> = Mutex::new(None);

fn with_table<R>(f: impl FnOnce(&mut Table) -> R) -> R {
    let mut g = TABLE.lock().unwrap_or_else(|e| e.into_inner());
    f(g.get_or_insert_with(Table::default))
}

/// Whether another thread is loading `name` now.
pub(crate) fn loading_elsewhere(name: &str) -> bool {
    if !gil::threaded() {
        return false;
    }
    let me = gil::current_key();
    with_table(|t| t.owners.get(name).is_some_and(|o| o.0 != me))
}

/// Whether waiting for `name` (owned by another thread) would deadlock:
/// following owners and what they wait for leads back to this thread.
fn would_deadlock(t: &Table, me: u64, name: &str) -> bool {
    let mut at = name.to_string();
    for _ in 0..=t.waiting.len() {
        let Some(&(owner, _)) = t.owners.get(&at) else {
            return false;
        };
        if owner == me {
            return true;
        }
        match t.waiting.get(&owner) {
            Some(next) => at = next.clone(),
            None => return false,
        }
    }
    true
}

impl Vm {
    /// Takes the lock of module `name` for this thread, first waiting
    /// (without the GIL) while another thread holds it. Returns whether the
    /// lock was taken (false on a deadlock: the caller goes on without it).
    pub(crate) fn lock_module(&mut self, name: &str) -> PyResult<bool> {
        let me = gil::current_key();
        loop {
            let state = with_table(|t| match t.owners.get(name).map(|o| o.0) {
                None => {
                    t.owners.insert(name.to_string(), (me, 1));
                    t.waiting.remove(&me);
                    Some(true)
                }
                Some(owner) if owner == me => {
                    if let Some(o) = t.owners.get_mut(name) {
                        o.1 += 1;
                    }
                    Some(true)
                }
                Some(_) if would_deadlock(t, me, name) => {
                    t.waiting.remove(&me);
                    Some(false)
                }
                Some(_) => {
                    t.waiting.insert(me, name.to_string());
                    None
                }
            });
            if let Some(taken) = state {
                return Ok(taken);
            }
            self.allow_threads(|| std::thread::sleep(Duration::from_micros(500)));
            if gil::is_main_thread()
                && crate::runtime::sysstate::take_interrupt()
                && let Err(e) = self.handle_interrupt()
            {
                with_table(|t| t.waiting.remove(&me));
                return Err(e);
            }
        }
    }

    /// Gives back a lock [`Vm::lock_module`] took.
    pub(crate) fn unlock_module(&mut self, name: &str) {
        let me = gil::current_key();
        with_table(|t| {
            if let Some(o) = t.owners.get_mut(name)
                && o.0 == me
            {
                o.1 -= 1;
                if o.1 == 0 {
                    t.owners.remove(name);
                }
            }
        });
    }
}
