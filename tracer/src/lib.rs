//! Trace recorder, trace IR and optimizer for tracing JITs.
//!
//! A VM's interpreter drives a recorder while it runs a hot loop; the
//! recorder builds a typed SSA trace with guards and snapshots; optimizer
//! passes rewrite it; a backend (such as `pyvm-codegen`) compiles it. The
//! crate knows nothing of any source language: the VM's frame is an array of
//! 64-bit slots and everything VM-specific (type tags, shapes, helpers,
//! resume points) comes in as constants and declarations.
//!
//! ```
//! use pyvm_tracer::interp::{run, FakeHeap, Outcome};
//! use pyvm_tracer::opt::optimize;
//! use pyvm_tracer::{Op, RecordLimits, Recorder, TraceId, Type};
//!
//! // The VM's interpreter is at a hot loop header: `while i < n: i = i + 1`
//! // with `i` in slot 0 and `n` in slot 1. It records one iteration.
//! let mut rec = Recorder::new(TraceId(0), 0, RecordLimits::default());
//! rec.set_pc(0);
//! let i = rec.slot(0, Type::I64);
//! let n = rec.slot(1, Type::I64);
//! let cond = rec.emit(Op::Lt, Type::Bool, &[i, n]);
//! rec.guard_bool(cond, true); // leave the loop when i >= n
//! rec.set_pc(1);
//! let one = rec.kint(1);
//! let next = rec.arith_ov(Op::AddOv, i, one); // exits on overflow
//! rec.set_slot(0, next);
//! rec.set_pc(0);
//! let trace = rec.close_loop().unwrap(); // back at the loop header
//!
//! // Peeling, forwarding, CSE, guard elimination, narrowing (the overflow
//! // check goes: `i < n` bounds `i + 1`), sinking, DCE.
//! let opt = optimize(&trace);
//! assert!(opt.to_string().contains("loop"));
//! assert!(!opt.to_string().contains("addov"));
//!
//! // The reference interpreter runs it: the loop leaves when i == n.
//! let mut slots = vec![5, 1000];
//! let out = run(&opt, &mut slots, &mut FakeHeap::new(), 10_000);
//! assert!(matches!(out, Outcome::Exit(_)));
//! assert_eq!(slots[0], 1000);
//! ```
//!
//! The same trace in the text format ([`mod@print`] describes it) parses back:
//!
//! ```
//! use pyvm_tracer::Trace;
//! let text = "trace t0
//! snap0 [s0 pc 0]
//! v0 = sload.i64 s0
//! v1 = addov.i64 v0, 1 snap0
//! v2 = lt.bool v1, 100
//! snap1 [s0 pc 0] s0=v1
//! gtrue v2 snap1
//! link t0 snap1
//! ";
//! assert_eq!(Trace::parse(text).unwrap().to_string(), text);
//! ```
//!
//! # For VMs
//!
//! A [`TraceManager`] (keyed by whatever identifies a loop header in the
//! VM) says when to record ([`TraceManager::at_loop_header`],
//! [`TraceManager::at_exit`]), hands out [`Recorder`]s for root and side
//! traces, counts aborts ([`AbortReason`]) and blacklists, installs and
//! retires traces, and logs [`JitEvent`]s. The [`Recorder`] protocol per VM
//! instruction: `set_pc`, read slots, emit guards, compute, write slots
//! (see [`record`]). [`opt::optimize`] runs the default pipeline; VM-specific
//! passes can be written with [`opt::Rewriter`]. The example
//! `examples/toy_loop.rs` is a complete small VM using all of it.
//!
//! # For backends
//!
//! How to walk an optimized [`Trace`] (this API is stable; changes are
//! announced in commit messages):
//!
//! * **Entry.** Native code for a trace is entered with a pointer to the VM
//!   frame (slot `i` is the 64-bit word at `frame + 8*i`, counted from the
//!   frame the trace started in) and a VM context pointer.
//! * **Ops in order.** [`Trace::insts`] is the body in execution order.
//!   Instruction `i` defines the value `IrRef::inst(i)` (printed `vi`) of type
//!   [`Inst::ty`]. Operands are [`Operand`]s typed by the op table
//!   ([`Op::info`]: operand [`Kind`]s, result [`Ret`], [`Flags`]). Value
//!   operands are [`IrRef`]s: [`IrRef::is_const`] ones are interned
//!   constants ([`Trace::get_const`]: type and 64 bits), the others name an
//!   earlier instruction. Ops flagged `sunk` ([`Inst::sunk`]) are not
//!   executed; skip them (they matter only on exit): sunk `new`, sunk
//!   `fstore` and sunk `phi` (a loop-carried object whose operands are sunk
//!   `new`s: give it no block parameter). `nop` does nothing.
//! * **Types.** `i64`, `f64`, `bool`, `ref` (a GC reference word, may move
//!   at any op where [`Trace::may_collect`] holds: keep live refs visible to
//!   the collector there, e.g. spill them to the frame or use stack maps),
//!   `ptr` (raw, never moves). `fload`/`fstore` address
//!   `(obj & trace.ref_addr_mask) + off`; `pload`/`pstore` address `ptr + off`.
//!   A `ref` *constant* is a bare word baked into the code: VMs should use
//!   them only for objects their collector never moves (immortal or pinned
//!   ones) and otherwise load the reference from a rooted cell (`pload` from
//!   a `ptr` constant), or guard on a version word instead.
//! * **Guards and exits.** Every op with [`Flags::GUARD`] in
//!   [`Trace::flags_of`] (guards, overflow-checked arithmetic, `exit`, calls
//!   to raising helpers) has [`Inst::snap`]. When the check fails, the exit
//!   code writes every entry of [`Trace::snap_entries`] (slot ← value bits)
//!   into the frame, rebuilding sunk allocations first in the order of
//!   [`Trace::remat_plan`] (for each [`Remat`]: call `helper(args)` and
//!   take the result as the value of `alloc`, which may be a sunk `new` or
//!   a sunk `phi`; then store the `fields`), and returns the exit number,
//!   which is the snapshot
//!   number ([`ExitId`] = [`SnapId`]). [`Trace::snap_frames`] tells the VM
//!   which interpreter frames (base slot, resume word) to rebuild; a side
//!   trace attached to that exit is entered instead of returning, after the
//!   same write-back.
//! * **Loop.** An optimized loop trace has a preamble, a `loop` op (the loop
//!   header), `phi`s right after it, the loop body, and `again` (the back
//!   edge). A phi's first operand is its value on entry from the preamble,
//!   its second (defined later in the body) its value on the back edge: in
//!   Cranelift terms, block parameters of the header block. A trace without
//!   `loop` ends in `link tN`: write its snapshot back to the frame, then jump
//!   to the start of trace `N` (possibly itself; rebuild sunk allocations
//!   as for an exit), or in `exit`: leave through its snapshot
//!   unconditionally.
//! * **Calls.** `call hN(args)` and `new hN(args)` call the VM helper
//!   [`Trace::helper`] (C ABI, address [`HelperDecl::addr`], params/result
//!   types declared) with effects declared as [`Flags`]. A helper with
//!   `raise` returns [`HelperDecl::error_value`] on failure: compare the
//!   result and exit through the call's snapshot. `new` returns a fresh
//!   object (its fields are then set by `fstore`s).
//! * **Collection.** Only `new` and calls to helpers declared `collect` may
//!   collect; no other op allocates.
//! * **Optional: exit-only values.** [`Trace::exit_only`] marks pure
//!   instructions whose values only exits need (the re-boxing of loop
//!   values for the interpreter); a backend may compute them on exit paths
//!   instead of every iteration.
//!
//! The text format is described in [`mod@print`]; [`Trace::verify`] checks the
//! invariants above.

pub mod exits;
pub mod interp;
pub mod ir;
pub mod manage;
pub mod opt;
pub mod parse;
pub mod print;
pub mod record;
pub mod snapshot;
pub mod trace;

pub use exits::ExitCounters;
pub use ir::{
    ArgsId, ExitId, Flags, HelperId, Inst, IrRef, Kind, Op, OpInfo, Operand, Ret, SlotIdx, SnapId,
    TraceId, Type,
};
pub use manage::{ExitAction, JitEvent, JitParams, LoopAction, TraceManager};
pub use record::{AbortReason, RecordLimits, Recorder};
pub use snapshot::{Remat, SnapEntry, SnapFrame, Snapshot};
pub use trace::{Const, HelperDecl, IrError, Trace};

/// The README's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
