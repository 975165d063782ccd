//! Trace management: hot-loop counters, recording state, blacklisting,
//! trace trees (root traces and side traces attached to hot exits).
//!
//! The VM calls [`TraceManager::at_loop_header`] at each loop header
//! (backward jump) with a key of its choosing (say, code object and pc) and
//! [`TraceManager::at_exit`] when compiled code returns through an exit. The
//! answers tell it whether to interpret, run a trace, or start recording;
//! recording ends with [`TraceManager::install`] or [`TraceManager::abort`].

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::Arc;

use crate::exits::ExitCounters;
use crate::ir::{SnapId, TraceId};
use crate::record::{AbortReason, RecordLimits, Recorder};
use crate::trace::Trace;

/// Tuning of the trace manager.
#[derive(Clone, Copy, Debug)]
pub struct JitParams {
    /// Loop iterations before a root trace is recorded (1 = at once).
    pub hot_loop: u32,
    /// Exits taken before a side trace is recorded (1 = at once).
    pub hot_exit: u32,
    /// Aborted recordings of one loop (or exit) before it is blacklisted.
    pub max_aborts: u32,
    /// Most side traces between a side trace and its root.
    pub max_side_depth: u32,
    /// Limits for each recording.
    pub limits: RecordLimits,
}

impl Default for JitParams {
    fn default() -> Self {
        JitParams {
            hot_loop: 56,
            hot_exit: 10,
            max_aborts: 4,
            max_side_depth: 8,
            limits: RecordLimits::default(),
        }
    }
}

/// What to do at a loop header.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum LoopAction {
    /// Keep interpreting.
    Interpret,
    /// Enter this compiled root trace.
    Run(TraceId),
    /// Start recording: call [`TraceManager::start_root`].
    Record,
}

/// What to do after compiled code left through an exit.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ExitAction {
    /// Resume interpreting at the snapshot's state.
    Interpret,
    /// Enter this side trace (it is attached to the exit).
    Run(TraceId),
    /// The exit is hot: call [`TraceManager::start_side`].
    Record,
}

/// Something that happened, for logging (the VM's `-X jit-log`).
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum JitEvent {
    /// Recording of a trace started.
    Started {
        /// The new trace's number.
        trace: TraceId,
        /// Parent trace and exit, for side traces.
        parent: Option<(TraceId, SnapId)>,
    },
    /// Recording was abandoned.
    Aborted {
        /// The trace number that was being recorded.
        trace: TraceId,
        /// Why.
        reason: AbortReason,
    },
    /// A loop or an exit stopped being considered for tracing.
    Blacklisted {
        /// The trace of the exit, or `None` for a loop.
        parent: Option<(TraceId, SnapId)>,
    },
    /// A trace was installed.
    Installed {
        /// Its number.
        trace: TraceId,
    },
    /// A trace was retired (with the side traces grown from it).
    Retired {
        /// Its number.
        trace: TraceId,
    },
}

impl std::fmt::Display for JitEvent {
    /// One line for a JIT log (like PyPy's `PYPYLOG=jit-summary` or
    /// LuaJIT's `-jv`).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            JitEvent::Started {
                trace,
                parent: None,
            } => write!(f, "trace {trace}: recording a root trace"),
            JitEvent::Started {
                trace,
                parent: Some((p, e)),
            } => write!(
                f,
                "trace {trace}: recording a side trace of {p} at exit {e}"
            ),
            JitEvent::Aborted { trace, reason } => write!(f, "trace {trace}: aborted ({reason})"),
            JitEvent::Blacklisted { parent: None } => {
                write!(f, "loop blacklisted after repeated aborts")
            }
            JitEvent::Blacklisted {
                parent: Some((p, e)),
            } => {
                write!(f, "exit {e} of {p} blacklisted after repeated aborts")
            }
            JitEvent::Installed { trace } => write!(f, "trace {trace}: installed"),
            JitEvent::Retired { trace } => write!(f, "trace {trace}: retired"),
        }
    }
}

struct LoopState {
    counter: u32,
    aborts: u32,
    blacklisted: bool,
    root: Option<TraceId>,
}

/// What the manager knows about one installed trace.
pub struct TraceInfo {
    /// For side traces: the parent and exit.
    pub parent: Option<(TraceId, SnapId)>,
    /// 0 for a root trace, parent's depth + 1 for side traces.
    pub depth: u32,
    /// Exit counters, shareable with compiled code.
    pub exits: Arc<ExitCounters>,
    side: Vec<Option<TraceId>>,
    exit_aborts: Vec<u32>,
}

impl TraceInfo {
    /// The side trace attached to an exit, if any.
    pub fn side_trace(&self, exit: SnapId) -> Option<TraceId> {
        self.side[exit.index()]
    }
}

enum Recording<K> {
    Root(K),
    Side(TraceId, SnapId),
}

/// Hot counters, recording state and trace trees of one VM.
pub struct TraceManager<K> {
    params: JitParams,
    loops: HashMap<K, LoopState>,
    traces: HashMap<TraceId, TraceInfo>,
    next_id: u32,
    recording: Option<(TraceId, Recording<K>)>,
    events: Vec<JitEvent>,
}

impl<K: Eq + Hash + Clone> TraceManager<K> {
    /// A manager with the given tuning.
    pub fn new(params: JitParams) -> TraceManager<K> {
        TraceManager {
            params,
            loops: HashMap::new(),
            traces: HashMap::new(),
            next_id: 0,
            recording: None,
            events: Vec::new(),
        }
    }

    /// The tuning.
    pub fn params(&self) -> &JitParams {
        &self.params
    }

    /// Whether a recording is in progress.
    pub fn is_recording(&self) -> bool {
        self.recording.is_some()
    }

    /// The interpreter reached loop header `key`.
    pub fn at_loop_header(&mut self, key: &K) -> LoopAction {
        let hot_loop = self.params.hot_loop.max(1);
        let recording = self.recording.is_some();
        let st = self.loops.entry(key.clone()).or_insert(LoopState {
            counter: 0,
            aborts: 0,
            blacklisted: false,
            root: None,
        });
        if let Some(t) = st.root {
            return LoopAction::Run(t);
        }
        if st.blacklisted || recording {
            return LoopAction::Interpret;
        }
        st.counter += 1;
        if st.counter >= hot_loop {
            st.counter = 0;
            LoopAction::Record
        } else {
            LoopAction::Interpret
        }
    }

    fn next_trace_id(&mut self) -> TraceId {
        let id = TraceId(self.next_id);
        self.next_id += 1;
        id
    }

    /// Starts recording a root trace for loop `key` at resume word `pc`.
    pub fn start_root(&mut self, key: &K, pc: u64) -> Recorder {
        let id = self.next_trace_id();
        self.recording = Some((id, Recording::Root(key.clone())));
        self.events.push(JitEvent::Started {
            trace: id,
            parent: None,
        });
        Recorder::new(id, pc, self.params.limits)
    }

    /// Compiled trace `trace` left through `exit`: counts it and says what
    /// next (`Interpret` for a trace or exit it does not know).
    pub fn at_exit(&mut self, trace: TraceId, exit: SnapId) -> ExitAction {
        let max_depth = self.params.max_side_depth;
        let max_aborts = self.params.max_aborts;
        let recording = self.recording.is_some();
        let Some(info) = self
            .traces
            .get(&trace)
            .filter(|i| exit.index() < i.side.len())
        else {
            return ExitAction::Interpret;
        };
        if let Some(side) = info.side[exit.index()] {
            return ExitAction::Run(side);
        }
        let hot = info.exits.bump(exit);
        let allowed = info.depth < max_depth && info.exit_aborts[exit.index()] < max_aborts;
        if hot && allowed && !recording {
            ExitAction::Record
        } else {
            if hot && allowed {
                // Busy recording something else: try again later.
                info.exits.reset(exit);
            }
            ExitAction::Interpret
        }
    }

    /// Starts recording a side trace at exit `exit` of `parent`.
    pub fn start_side(&mut self, parent: &Trace, exit: SnapId) -> Recorder {
        let id = self.next_trace_id();
        self.recording = Some((id, Recording::Side(parent.id, exit)));
        self.events.push(JitEvent::Started {
            trace: id,
            parent: Some((parent.id, exit)),
        });
        Recorder::new_side(id, parent, exit, self.params.limits)
    }

    /// Recording failed: counts the abort and blacklists after too many.
    pub fn abort(&mut self, reason: AbortReason) {
        let Some((id, rec)) = self.recording.take() else {
            return;
        };
        self.events.push(JitEvent::Aborted { trace: id, reason });
        let max = self.params.max_aborts;
        match rec {
            Recording::Root(key) => {
                if let Some(st) = self.loops.get_mut(&key) {
                    st.aborts += 1;
                    if st.aborts >= max {
                        st.blacklisted = true;
                        self.events.push(JitEvent::Blacklisted { parent: None });
                    }
                }
            }
            Recording::Side(t, exit) => {
                if let Some(info) = self.traces.get_mut(&t) {
                    info.exit_aborts[exit.index()] += 1;
                    info.exits.reset(exit);
                    if info.exit_aborts[exit.index()] >= max {
                        self.events.push(JitEvent::Blacklisted {
                            parent: Some((t, exit)),
                        });
                    }
                }
            }
        }
    }

    /// Installs the (optimized, compiled) trace that was being recorded:
    /// a root trace becomes the loop's trace; a side trace is attached to
    /// its parent's exit. Returns its exit counters for the compiled code.
    pub fn install(&mut self, trace: &Trace) -> Arc<ExitCounters> {
        let (id, rec) = self.recording.take().expect("a recording in progress");
        assert_eq!(
            id, trace.id,
            "installing a trace that was not being recorded"
        );
        let exits = Arc::new(ExitCounters::new(trace.snap_count(), self.params.hot_exit));
        let (parent, depth) = match rec {
            Recording::Root(key) => {
                if let Some(st) = self.loops.get_mut(&key) {
                    st.root = Some(id);
                }
                (None, 0)
            }
            Recording::Side(t, exit) => {
                let p = self.traces.get_mut(&t).expect("parent installed");
                p.side[exit.index()] = Some(id);
                (Some((t, exit)), p.depth + 1)
            }
        };
        self.traces.insert(
            id,
            TraceInfo {
                parent,
                depth,
                exits: exits.clone(),
                side: vec![None; trace.snap_count()],
                exit_aborts: vec![0; trace.snap_count()],
            },
        );
        self.events.push(JitEvent::Installed { trace: id });
        exits
    }

    /// Retires trace `id` and every side trace grown from it (for example
    /// when a dependency of the compiled code changed, or the code cache is
    /// full). A retired root stops being run at its loop header; the loop
    /// counts up again and may be recorded anew; a retired side trace is
    /// detached from its parent's exit. Returns the retired traces, parents
    /// before children, for the backend to free.
    pub fn retire(&mut self, id: TraceId) -> Vec<TraceId> {
        let mut out = Vec::new();
        if !self.traces.contains_key(&id) {
            return out;
        }
        if let Some((parent, exit)) = self.traces[&id].parent
            && let Some(p) = self.traces.get_mut(&parent)
        {
            p.side[exit.index()] = None;
            p.exits.reset(exit);
        }
        let mut work = vec![id];
        while let Some(t) = work.pop() {
            let Some(info) = self.traces.remove(&t) else {
                continue;
            };
            work.extend(info.side.iter().flatten().copied());
            out.push(t);
            self.events.push(JitEvent::Retired { trace: t });
        }
        for st in self.loops.values_mut() {
            if st.root.is_some_and(|r| out.contains(&r)) {
                st.root = None;
                st.counter = 0;
            }
        }
        out
    }

    /// What the manager knows about an installed trace.
    pub fn trace_info(&self, id: TraceId) -> Option<&TraceInfo> {
        self.traces.get(&id)
    }

    /// Takes the events logged since the last call.
    pub fn take_events(&mut self) -> Vec<JitEvent> {
        std::mem::take(&mut self.events)
    }
}

#[cfg(all(test, not(loom)))]
mod tests {
    use super::*;
    use crate::ir::{Op, Type};

    fn params() -> JitParams {
        JitParams {
            hot_loop: 3,
            hot_exit: 2,
            max_aborts: 2,
            max_side_depth: 1,
            limits: RecordLimits::default(),
        }
    }

    fn simple_trace(mut r: Recorder) -> Trace {
        let x = r.slot(0, Type::I64);
        let k = r.kint(10);
        let c = r.emit(Op::Lt, Type::Bool, &[x, k]);
        r.guard_bool(c, true);
        r.close_loop().unwrap()
    }

    #[test]
    fn loop_becomes_hot_then_runs_its_trace() {
        let mut m = TraceManager::new(params());
        assert_eq!(m.at_loop_header(&"L"), LoopAction::Interpret);
        assert_eq!(m.at_loop_header(&"L"), LoopAction::Interpret);
        assert_eq!(m.at_loop_header(&"L"), LoopAction::Record);
        let t = simple_trace(m.start_root(&"L", 0));
        assert_eq!(
            m.at_loop_header(&"M"),
            LoopAction::Interpret,
            "counting continues while recording"
        );
        m.install(&t);
        assert_eq!(m.at_loop_header(&"L"), LoopAction::Run(t.id));
        let ev = m.take_events();
        assert_eq!(ev.last(), Some(&JitEvent::Installed { trace: t.id }));
    }

    #[test]
    fn repeated_aborts_blacklist_the_loop() {
        let mut m = TraceManager::new(params());
        for _ in 0..2 {
            while m.at_loop_header(&7) != LoopAction::Record {}
            let _r = m.start_root(&7, 0);
            m.abort(AbortReason::Vm("unsupported".into()));
        }
        for _ in 0..10 {
            assert_eq!(m.at_loop_header(&7), LoopAction::Interpret);
        }
        assert!(
            m.take_events()
                .contains(&JitEvent::Blacklisted { parent: None })
        );
    }

    #[test]
    fn hot_exits_grow_side_traces_up_to_the_depth_limit() {
        let mut m = TraceManager::new(params());
        while m.at_loop_header(&0) != LoopAction::Record {}
        let root = simple_trace(m.start_root(&0, 0));
        m.install(&root);
        let exit = SnapId(0);
        assert_eq!(m.at_exit(root.id, exit), ExitAction::Interpret);
        assert_eq!(m.at_exit(root.id, exit), ExitAction::Record);
        let side = m.start_side(&root, exit);
        let side = side.link_to(root.id).unwrap();
        assert_eq!(side.parent, Some((root.id, exit)));
        m.install(&side);
        assert_eq!(m.at_exit(root.id, exit), ExitAction::Run(side.id));
        assert_eq!(m.trace_info(side.id).unwrap().depth, 1);
        // The side trace is at the depth limit: its exits never record.
        for _ in 0..5 {
            assert_eq!(m.at_exit(side.id, SnapId(0)), ExitAction::Interpret);
        }
        // Retiring the root takes the side trace with it; the loop can be
        // recorded again.
        assert_eq!(m.retire(root.id), vec![root.id, side.id]);
        assert!(m.trace_info(side.id).is_none());
        assert_eq!(m.at_loop_header(&0), LoopAction::Interpret);
        assert_eq!(m.at_loop_header(&0), LoopAction::Interpret);
        assert_eq!(m.at_loop_header(&0), LoopAction::Record);
    }

    #[test]
    fn retiring_a_side_trace_frees_its_exit() {
        let mut m = TraceManager::new(params());
        while m.at_loop_header(&0) != LoopAction::Record {}
        let root = simple_trace(m.start_root(&0, 0));
        m.install(&root);
        while m.at_exit(root.id, SnapId(0)) != ExitAction::Record {}
        let side = m.start_side(&root, SnapId(0)).link_to(root.id).unwrap();
        m.install(&side);
        assert_eq!(m.retire(side.id), vec![side.id]);
        assert_eq!(m.at_loop_header(&0), LoopAction::Run(root.id));
        assert_eq!(m.at_exit(root.id, SnapId(0)), ExitAction::Interpret);
        assert_eq!(m.at_exit(root.id, SnapId(0)), ExitAction::Record);
    }
}
