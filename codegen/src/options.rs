//! What the embedding VM tells the backend: its write barrier, how to clear
//! GC spill slots, and which diagnostics to produce.

use std::collections::HashMap;

/// The inline fast path of a generational write barrier.
///
/// Emitted after every executed `fstore` of a `ref` value (and after the
/// field stores that rebuild sunk allocations on exit):
///
/// ```text
/// flags = load.u8 [addr(obj) + flag_offset]
/// if flags & flag_mask != 0 { slow(state, addr(obj)) }   ; cold, out of line
/// ```
///
/// `addr(obj)` is `obj & trace.ref_addr_mask`. `flag_mask` selects the
/// header bits meaning "this object must be remembered when a reference is
/// stored into it" (for example: old and not yet in the remembered set).
/// `state` is the `ctx` pointer itself, or the word stored at
/// `ctx + state_offset` when that is set (where a VM keeps, say, its
/// mutator's state pointer). The slow path is
/// `extern "C" fn(state: *mut u8, obj: usize)`; it must not collect.
///
/// For `pyvm-gc`: `flag_offset = barrier::HEADER_OFFSET`, `flag_mask =
/// barrier::UNLOGGED_BIT` (the header word is little-endian and the bit is
/// in its low byte), `slow_path = barrier::write_barrier_slow::<B>`, and
/// `state_offset` the offset of the `Mutator::state_ptr()` word in the VM
/// context (see `tests/gc.rs`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WriteBarrier {
    /// Byte offset of the flag byte from the object's address.
    pub flag_offset: i32,
    /// Bits of the flag byte that send the store to the slow path.
    pub flag_mask: u8,
    /// Address of the slow path.
    pub slow_path: usize,
    /// Where the slow path's first argument comes from: `None` passes
    /// `ctx`, `Some(off)` passes the word at `ctx + off`.
    pub state_offset: Option<i32>,
}

/// Options for [`crate::Compiler`].
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct CompileOptions {
    /// The write barrier to emit inline, or `None` for a VM without a
    /// generational collector.
    pub write_barrier: Option<WriteBarrier>,
    /// A word that is not a GC reference in the VM's encoding (for example
    /// the encoding of `None` or of small int 0). Spill slots are reset to
    /// it after a collecting call so that the collector never sees a stale
    /// reference there.
    pub spill_clear_word: u64,
    /// Pass the VM context pointer as an extra first argument to every
    /// helper (`extern "C" fn(ctx: *mut VmCtx, declared params...)`), so
    /// helpers can reach the VM without a global.
    pub helpers_take_ctx: bool,
    /// Keep Cranelift's disassembly (VCode text) of each compiled trace.
    pub disassemble: bool,
    /// Addresses of helpers by name, for declarations whose
    /// [`pyvm_tracer::HelperDecl::addr`] is 0 (traces parsed from text).
    pub helper_addrs: HashMap<String, usize>,
}

impl CompileOptions {
    /// Registers the address of a helper by name (builder style).
    pub fn with_helper(mut self, name: &str, addr: usize) -> CompileOptions {
        self.helper_addrs.insert(name.to_string(), addr);
        self
    }
}
