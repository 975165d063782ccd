//! The trace table: which compiled code is reachable from where, and the
//! protocol for changing that while other threads run it.
//!
//! Compiled code is reached only through cells (64-bit atomics holding a
//! code address or 0):
//!
//! ```text
//!   entry cell of t0 ──► root trace t0 ──exit 3 cell──► side trace t1
//!        ▲                                                │ link t0
//!        └────────────────────────────────────────────────┘
//! ```
//!
//! * **Install**: the code and its own exit cells are complete before its
//!   address is stored (release) into its entry cell (root) or into its
//!   parent's exit cell (side trace). Runners load cells with acquire.
//! * **Retire**: a trace and all its descendants are first unlinked (their
//!   entry cells and the parent exit cell set to 0), then handed to the
//!   [`Reclaimer`], which drops them only after every thread that was
//!   pinned (and so may be running them) has unpinned.
//! * **Run**: a thread pins before loading an entry cell and stays pinned
//!   until the code returns; exits and links read cells from inside the
//!   code, under the same pin.
//!
//! Entry cells are never freed (compiled code holds their addresses), so a
//! trace id keeps its cell for the table's lifetime.

use std::collections::HashMap;
use std::sync::Arc;

use pyvm_tracer::{SnapId, TraceId};

use crate::sync::{AtomicU64, Mutex, Ordering, Pin, Reclaimer};

/// Something the table can install: code with an entry address and one
/// exit cell per snapshot.
pub trait Installable: Send + Sync + 'static {
    /// Address the entry and exit cells should hold for this code.
    fn entry_addr(&self) -> u64;
    /// This code's exit cells (0, or the address of a linked side trace).
    fn exit_cells(&self) -> &[AtomicU64];
}

struct Installed<P> {
    code: Arc<P>,
    parent: Option<(TraceId, SnapId)>,
    children: Vec<TraceId>,
}

struct State<P> {
    entry_cells: HashMap<TraceId, Arc<AtomicU64>>,
    traces: HashMap<TraceId, Installed<P>>,
}

/// Why an install was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InstallError {
    /// A trace with this id is already installed.
    Duplicate(TraceId),
    /// The side trace's parent is not installed.
    NoParent(TraceId),
    /// The parent has no such exit.
    NoExit(TraceId, SnapId),
    /// The parent's exit already leads to another side trace.
    ExitTaken(TraceId, SnapId),
}

impl std::fmt::Display for InstallError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            InstallError::Duplicate(t) => write!(f, "trace {t} is already installed"),
            InstallError::NoParent(t) => write!(f, "parent trace {t} is not installed"),
            InstallError::NoExit(t, s) => write!(f, "trace {t} has no exit {s}"),
            InstallError::ExitTaken(t, s) => write!(f, "exit {s} of trace {t} is already linked"),
        }
    }
}

impl std::error::Error for InstallError {}

/// Installed traces, their entry cells and their links. Shared by every
/// thread that runs traces; install and retire take a lock, running does not.
pub struct TraceTable<P> {
    state: Mutex<State<P>>,
    reclaimer: Reclaimer,
}

impl<P: Installable> Default for TraceTable<P> {
    fn default() -> Self {
        TraceTable::new()
    }
}

impl<P: Installable> TraceTable<P> {
    /// An empty table.
    pub fn new() -> TraceTable<P> {
        TraceTable {
            state: Mutex::new(State {
                entry_cells: HashMap::new(),
                traces: HashMap::new(),
            }),
            reclaimer: Reclaimer::new(),
        }
    }

    /// The entry cell of trace `id` (created empty on first use). Its
    /// address is stable for the table's lifetime.
    pub fn entry_cell(&self, id: TraceId) -> Arc<AtomicU64> {
        let mut st = self.state.lock().unwrap();
        st.entry_cells
            .entry(id)
            .or_insert_with(|| Arc::new(AtomicU64::new(0)))
            .clone()
    }

    /// Pins the current thread (see the module docs).
    pub fn pin(&self) -> Pin<'_> {
        self.reclaimer.pin()
    }

    /// The installed code of trace `id`.
    pub fn get(&self, id: TraceId) -> Option<Arc<P>> {
        let st = self.state.lock().unwrap();
        st.traces.get(&id).map(|t| t.code.clone())
    }

    /// Number of installed traces.
    pub fn len(&self) -> usize {
        self.state.lock().unwrap().traces.len()
    }

    /// Whether no trace is installed.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Installs complete code for trace `id` and makes it reachable: from
    /// its entry cell for a root trace, from exit `snap` of `parent` for a
    /// side trace.
    pub fn install(
        &self,
        id: TraceId,
        parent: Option<(TraceId, SnapId)>,
        code: Arc<P>,
    ) -> Result<(), InstallError> {
        let mut st = self.state.lock().unwrap();
        if st.traces.contains_key(&id) {
            return Err(InstallError::Duplicate(id));
        }
        let addr = code.entry_addr();
        match parent {
            None => {
                let cell = st
                    .entry_cells
                    .entry(id)
                    .or_insert_with(|| Arc::new(AtomicU64::new(0)))
                    .clone();
                cell.store(addr, Ordering::Release);
            }
            Some((p, snap)) => {
                let parent = st.traces.get_mut(&p).ok_or(InstallError::NoParent(p))?;
                let cell = parent
                    .code
                    .exit_cells()
                    .get(snap.index())
                    .ok_or(InstallError::NoExit(p, snap))?;
                if cell
                    .compare_exchange(0, addr, Ordering::Release, Ordering::Relaxed)
                    .is_err()
                {
                    return Err(InstallError::ExitTaken(p, snap));
                }
                parent.children.push(id);
            }
        }
        st.traces.insert(
            id,
            Installed {
                code,
                parent,
                children: Vec::new(),
            },
        );
        Ok(())
    }

    /// Retires trace `id` and every side trace below it: unlinks them at
    /// once and frees them when no thread can be running them any more.
    /// Returns the ids retired (empty if `id` was not installed).
    pub fn retire(&self, id: TraceId) -> Vec<TraceId> {
        let mut retired = Vec::new();
        let mut st = self.state.lock().unwrap();
        if !st.traces.contains_key(&id) {
            return Vec::new();
        }
        if let Some((p, _)) = st.traces[&id].parent
            && let Some(parent) = st.traces.get_mut(&p)
        {
            parent.children.retain(|c| *c != id);
        }
        let mut stack = vec![id];
        while let Some(t) = stack.pop() {
            let Some(inst) = st.traces.remove(&t) else {
                continue;
            };
            match inst.parent {
                None => {
                    if let Some(cell) = st.entry_cells.get(&t) {
                        cell.store(0, Ordering::Release);
                    }
                }
                Some((p, snap)) => {
                    if let Some(parent) = st.traces.get(&p) {
                        parent.code.exit_cells()[snap.index()].store(0, Ordering::Release);
                    }
                }
            }
            stack.extend(inst.children.iter().copied());
            retired.push((t, inst.code));
        }
        drop(st);
        let pin = self.reclaimer.pin();
        let ids = retired.iter().map(|(t, _)| *t).collect();
        for (_, code) in retired {
            self.reclaimer.retire(&pin, code);
        }
        ids
    }
}
