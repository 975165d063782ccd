//! Cranelift backend for the trace IR of `pyvm-tracer`.
//!
//! It lowers optimized traces to machine code for the host ISA (chosen
//! through target-lexicon and cranelift-native, CPU features detected),
//! runs them on the VM's frame, and keeps them in a code cache that links
//! side traces into their parents' exits and retires code safely while other
//! threads may be running it.
//!
//! ```
//! use pyvm_codegen::{CodeCache, CompileOptions, Compiler};
//! use pyvm_tracer::{SnapId, Trace, TraceId};
//!
//! // Sum slot 1 into slot 2 while counting slot 1 down to zero.
//! let trace = Trace::parse("
//!     trace t0
//!     snap0 [s0 pc 0]
//!     v0 = sload.i64 s1
//!     v1 = sload.i64 s2
//!     loop
//!     v3 = phi.i64 v0, v6
//!     v4 = phi.i64 v1, v7
//!     v5 = gt.bool v3, 0
//!     snap1 [s0 pc 7] s1=v3 s2=v4
//!     gtrue v5 snap1
//!     v6 = sub.i64 v3, 1
//!     v7 = addov.i64 v4, v3 snap1
//!     again
//! ").unwrap();
//!
//! let mut compiler = Compiler::host(CompileOptions::default()).unwrap();
//! let cache = CodeCache::new(&mut compiler).unwrap();
//! cache.compile_and_install(&mut compiler, &trace).unwrap();
//!
//! let mut frame = [0u64, 10, 0];
//! // SAFETY: the frame has the 3 slots the trace uses; it calls no helper.
//! let token = unsafe { cache.entry(TraceId(0)).enter(frame.as_mut_ptr(), std::ptr::null_mut()) };
//! let exit = cache.resolve_exit(token.unwrap()).unwrap();
//! assert_eq!(exit.snap, SnapId(1));
//! assert_eq!(frame, [0, 0, 55]); // 10 + 9 + ... + 1
//! ```
//!
//! # How a VM uses it
//!
//! * Build one [`Compiler`] per compiling thread and one [`CodeCache`]
//!   per VM. [`CompileOptions`] carries the write-barrier fast path
//!   ([`WriteBarrier`]), helper addresses by name, and the dump switch.
//! * At a hot loop header keep a [`TraceEntry`] ([`CodeCache::entry`]) and
//!   call [`TraceEntry::enter`] with the frame's slot array and the VM
//!   context. It returns an [`ExitToken`]; [`CodeCache::resolve_exit`]
//!   gives the trace and snapshot, whose slots have already been written
//!   back to the frame: rebuild interpreter frames from
//!   `Trace::snap_frames` and continue interpreting.
//! * A hot exit gets a side trace (`Trace::parent` set): installing it
//!   patches the parent's exit cell, so the next failure of that guard jumps
//!   (a tail call) straight into the side trace.
//! * When a trace's assumptions break, [`CodeCache::retire`] unlinks it and
//!   its side traces at once; their memory is freed after every thread
//!   running them has left (crossbeam-epoch).
//!
//! # GC references
//!
//! Before a call whose helper may collect, live `ref` values are written to
//! spill slots of the frame (just above the trace's own slots; see
//! [`CompiledTrace::frame_words`]), which the VM's collector scans like the
//! rest of the frame, and reloaded after the call; snapshot values are also
//! written to their slots before exits rebuild sunk allocations. `ref`
//! constants are baked into the code, so they must name objects that do
//! not move.

#[cfg(not(loom))]
mod cache;
#[cfg(not(loom))]
mod compile;
#[cfg(not(loom))]
mod isa;
#[cfg(not(loom))]
mod live;
#[cfg(not(loom))]
mod lower;
#[cfg(not(loom))]
mod memory;
#[cfg(not(loom))]
mod options;
#[cfg(not(loom))]
mod perfmap;
pub mod sync;
pub mod table;

#[cfg(not(loom))]
pub use cache::{
    CacheError, CodeCache, CompiledTrace, EntryCell, ExitSite, ExitToken, TraceEntry, VmCtx,
};
#[cfg(not(loom))]
pub use compile::{CompileError, CompiledCode, Compiler, LinkPlan};
#[cfg(not(loom))]
pub use isa::{IsaError, host_isa, is_host, isa_for_triple};
#[cfg(not(loom))]
pub use memory::ExecMemory;
#[cfg(not(loom))]
pub use options::{CompileOptions, WriteBarrier};
#[cfg(not(loom))]
pub use perfmap::PerfMap;
