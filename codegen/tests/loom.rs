//! Loom models of the code cache's protocol ([`pyvm_codegen::table`]):
//! publishing code into entry and exit cells, running it while pinned, and
//! retiring it while other threads may be running it.
//!
//! Run with
//! `RUSTFLAGS="--cfg loom" LOOM_MAX_PREEMPTIONS=2 cargo test --release -p pyvm-codegen --test loom`.
//!
//! "Code" here is a fake: its address points at a leaked record with the
//! data the code was built with (a loom `UnsafeCell`, so loom checks that a
//! runner's read is ordered after the installer's write) and a `freed` flag
//! set when the table reclaims it (a runner must never see it set).
//!
//! Each model also checks that loom explored both outcomes for the runner
//! (code reached and not), so it cannot pass on a single schedule. (An
//! early version linked exits with a relaxed load then a store; loom 0.7
//! then explored one schedule only. `compare_exchange` links atomically and
//! is explored fully: with a relaxed success ordering the second model
//! reports a causality violation, and without unlinking the first and third
//! report reclaimed code being run.)

#![cfg(loom)]

use std::sync::Arc;

use loom::cell::UnsafeCell;
use loom::sync::atomic::AtomicBool;
use loom::thread;
use pyvm_codegen::sync::{AtomicU64, Ordering};
use pyvm_codegen::table::{Installable, TraceTable};
use pyvm_tracer::{SnapId, TraceId};

/// What a runner reaches through a cell. Leaked so that even a protocol bug
/// reads valid memory (and trips the `freed` assertion instead).
struct Record {
    data: UnsafeCell<u64>,
    freed: AtomicBool,
    exits: Vec<AtomicU64>,
}

struct FakeCode {
    record: &'static Record,
}

// SAFETY: `data` is written once, before the record is published, and only
// read afterwards; loom's `UnsafeCell` checks exactly that ordering.
unsafe impl Sync for Record {}

impl FakeCode {
    fn new(data: u64, exits: usize) -> (Arc<FakeCode>, &'static Record) {
        let record: &'static Record = Box::leak(Box::new(Record {
            data: UnsafeCell::new(0),
            freed: AtomicBool::new(false),
            exits: (0..exits).map(|_| AtomicU64::new(0)).collect(),
        }));
        // The "code generation": written before the code is published.
        // SAFETY: nobody else can see the record yet.
        record.data.with_mut(|p| unsafe { *p = data });
        (Arc::new(FakeCode { record }), record)
    }
}

impl Drop for FakeCode {
    fn drop(&mut self) {
        self.record.freed.store(true, Ordering::SeqCst);
    }
}

impl Installable for FakeCode {
    fn entry_addr(&self) -> u64 {
        self.record as *const Record as u64
    }

    fn exit_cells(&self) -> &[AtomicU64] {
        &self.record.exits
    }
}

/// "Runs" the code at `addr`: checks it is live and reads what it was
/// built with. Must be called while pinned.
fn run(addr: u64) -> (u64, &'static Record) {
    // SAFETY: records are leaked, so the address stays valid memory.
    let record = unsafe { &*(addr as *const Record) };
    assert!(!record.freed.load(Ordering::SeqCst), "ran reclaimed code");
    // SAFETY: the record was published after `data` was written; loom
    // reports the read if that ordering is missing.
    let data = record.data.with(|p| unsafe { *p });
    (data, record)
}

/// Counts how a model's runner fared across explored interleavings, so a
/// model that loom explores only trivially (one schedule) fails instead of
/// passing vacuously.
struct Outcomes {
    reached: std::sync::atomic::AtomicUsize,
    missed: std::sync::atomic::AtomicUsize,
}

impl Outcomes {
    const fn new() -> Outcomes {
        Outcomes {
            reached: std::sync::atomic::AtomicUsize::new(0),
            missed: std::sync::atomic::AtomicUsize::new(0),
        }
    }

    fn note(&self, reached: bool) {
        let c = if reached { &self.reached } else { &self.missed };
        c.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    }

    fn assert_both(&self) {
        let r = self.reached.load(std::sync::atomic::Ordering::Relaxed);
        let m = self.missed.load(std::sync::atomic::Ordering::Relaxed);
        assert!(
            r > 0 && m > 0,
            "interleavings explored: {r} reached, {m} missed"
        );
    }
}

const ROOT: TraceId = TraceId(0);
const SIDE: TraceId = TraceId(1);

#[test]
fn a_runner_never_runs_code_that_was_reclaimed() {
    static SEEN: Outcomes = Outcomes::new();
    loom::model(|| {
        let table = Arc::new(TraceTable::<FakeCode>::new());
        let (code, record) = FakeCode::new(11, 1);
        table.install(ROOT, None, code).unwrap();
        let cell = table.entry_cell(ROOT);
        let runner = {
            let table = table.clone();
            thread::spawn(move || {
                let _pin = table.pin();
                let addr = cell.load(Ordering::Acquire);
                if addr != 0 {
                    assert_eq!(run(addr).0, 11);
                }
                SEEN.note(addr != 0);
            })
        };
        assert_eq!(table.retire(ROOT), vec![ROOT]);
        runner.join().unwrap();
        assert!(
            record.freed.load(Ordering::SeqCst),
            "reclaimed once the runner left"
        );
    });
}

#[test]
fn a_side_trace_is_complete_when_the_parent_exit_reaches_it() {
    static SEEN: Outcomes = Outcomes::new();
    loom::model(|| {
        let table = Arc::new(TraceTable::<FakeCode>::new());
        let (root, _) = FakeCode::new(1, 2);
        table.install(ROOT, None, root).unwrap();
        let cell = table.entry_cell(ROOT);
        let installer = {
            let table = table.clone();
            thread::spawn(move || {
                let (side, _) = FakeCode::new(42, 1);
                table.install(SIDE, Some((ROOT, SnapId(1))), side).unwrap();
            })
        };
        {
            let _pin = table.pin();
            let (_, root) = run(cell.load(Ordering::Acquire));
            let side = root.exits[1].load(Ordering::Acquire);
            if side != 0 {
                assert_eq!(run(side).0, 42, "side trace data visible");
            }
            SEEN.note(side != 0);
            assert_eq!(root.exits[0].load(Ordering::Acquire), 0);
        }
        installer.join().unwrap();
    });
    SEEN.assert_both();
}

#[test]
fn retiring_a_side_trace_while_its_parent_runs_is_safe() {
    static SEEN: Outcomes = Outcomes::new();
    loom::model(|| {
        let table = Arc::new(TraceTable::<FakeCode>::new());
        let (root, root_record) = FakeCode::new(1, 1);
        let (side, side_record) = FakeCode::new(2, 1);
        table.install(ROOT, None, root).unwrap();
        table.install(SIDE, Some((ROOT, SnapId(0))), side).unwrap();
        let cell = table.entry_cell(ROOT);
        let runner = {
            let table = table.clone();
            thread::spawn(move || {
                let _pin = table.pin();
                let addr = cell.load(Ordering::Acquire);
                let (_, root) = run(addr);
                let side = root.exits[0].load(Ordering::Acquire);
                if side != 0 {
                    assert_eq!(run(side).0, 2);
                }
                SEEN.note(side != 0);
            })
        };
        assert_eq!(table.retire(SIDE), vec![SIDE]);
        runner.join().unwrap();
        assert!(side_record.freed.load(Ordering::SeqCst));
        assert!(!root_record.freed.load(Ordering::SeqCst));
        assert_eq!(
            root_record.exits[0].load(Ordering::SeqCst),
            0,
            "exit unlinked"
        );
        assert_eq!(table.len(), 1);
    });
    SEEN.assert_both();
}
