//! Sizes the optimizer's and backends' speed depends on: traces are walked
//! and copied many times per compilation.

use std::mem::size_of;

use pyvm_tracer::{Inst, IrRef, Operand, SnapEntry, SnapFrame};

#[test]
fn ir_types_stay_small() {
    assert_eq!(size_of::<IrRef>(), 4);
    assert_eq!(size_of::<Operand>(), 8);
    assert_eq!(size_of::<SnapEntry>(), 8);
    assert_eq!(size_of::<SnapFrame>(), 16);
    assert!(
        size_of::<Inst>() <= 40,
        "Inst is {} bytes",
        size_of::<Inst>()
    );
}

fn send_sync<T: Send + Sync>() {}
fn send<T: Send>() {}

/// Traces may be optimized and compiled on a background thread, exit
/// counters are shared with compiled code on every thread.
#[test]
fn traces_and_counters_cross_threads() {
    send_sync::<pyvm_tracer::Trace>();
    send_sync::<pyvm_tracer::ExitCounters>();
    send::<pyvm_tracer::Recorder>();
    send::<pyvm_tracer::TraceManager<u64>>();
}
