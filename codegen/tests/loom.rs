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

const ROOT: TraceId = TraceId(0);
const SIDE: TraceId = TraceId(1);

#[test]
fn a_runner_never_runs_code_that_was_reclaimed() {
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
            assert_eq!(root.exits[0].load(Ordering::Acquire), 0);
        }
        installer.join().unwrap();
    });
}

#[test]
fn retiring_a_side_trace_while_its_parent_runs_is_safe() {
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
}
