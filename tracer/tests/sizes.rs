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
