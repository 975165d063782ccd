//! The code cache: compiled traces in executable memory, entered by the VM,
//! linked into trees, retired safely while other threads may run them.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};
use std::sync::{Arc, RwLock};

use pyvm_tracer::{SnapId, Trace, TraceId};

use crate::compile::{CompileError, CompiledCode, Compiler, LinkPlan};
use crate::memory::ExecMemory;
use crate::perfmap::PerfMap;
use crate::sync::Mutex;
use crate::table::{InstallError, Installable, TraceTable};

/// The VM's context, passed to every trace and helper as `*mut VmCtx`.
/// Opaque to the backend: the VM casts it to its own type.
#[repr(C)]
pub struct VmCtx {
    _private: [u8; 0],
}

/// What a trace returned: a code-cache-wide exit number, resolved by
/// [`CodeCache::resolve_exit`] to the trace and snapshot it left through.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ExitToken(pub u32);

/// A compiled trace in executable memory.
pub struct CompiledTrace {
    code: CompiledCode,
    mem: ExecMemory,
    exit_cells: Box<[AtomicU64]>,
    exit_base: u32,
}

impl std::fmt::Debug for CompiledTrace {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CompiledTrace")
            .field("trace", &self.code.trace)
            .field("addr", &self.mem.as_ptr())
            .field("len", &self.mem.len())
            .finish()
    }
}

impl CompiledTrace {
    /// The trace this code came from.
    pub fn trace(&self) -> TraceId {
        self.code.trace
    }

    /// The machine code.
    pub fn code(&self) -> &[u8] {
        self.mem.bytes()
    }

    /// Address of the first instruction.
    pub fn addr(&self) -> *const u8 {
        self.mem.as_ptr()
    }

    /// Cranelift's disassembly, if it was requested.
    pub fn disasm(&self) -> Option<&str> {
        self.code.disasm.as_deref()
    }

    /// The frame words the VM must provide (and its collector scan) while
    /// this trace runs: the trace's slots, then its GC spill slots.
    pub fn frame_words(&self) -> usize {
        (self.code.frame_slots + self.code.spill_slots) as usize
    }

    /// The frame slots used as GC spill slots (all `ref` or
    /// [`crate::CompileOptions::spill_clear_word`]); a precise collector
    /// must treat them as reference slots of the frame.
    pub fn spill_slots(&self) -> std::ops::Range<usize> {
        self.code.frame_slots as usize..self.frame_words()
    }

    /// The exit token of snapshot `snap`.
    pub fn exit_token(&self, snap: SnapId) -> ExitToken {
        ExitToken(self.exit_base + snap.0)
    }
}

impl Installable for CompiledTrace {
    fn entry_addr(&self) -> u64 {
        self.mem.as_ptr() as u64
    }

    fn exit_cells(&self) -> &[AtomicU64] {
        &self.exit_cells
    }
}

type Trampoline = unsafe extern "C" fn(*mut u64, *mut VmCtx, *const u8) -> u32;

/// Compiled traces shared by all threads of a VM.
///
/// ```text
/// VM loop header ──entry(t)──► TraceEntry ──enter(frame, ctx)──► ExitToken
///                                                  resolve_exit ─► (trace, snapshot)
/// ```
pub struct CodeCache {
    table: TraceTable<CompiledTrace>,
    trampoline: ExecMemory,
    next_exit: AtomicU32,
    exits: RwLock<BTreeMap<u32, (TraceId, u32)>>,
    perf_map: Mutex<Option<PerfMap>>,
}

impl std::fmt::Debug for CodeCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CodeCache")
            .field("traces", &self.table.len())
            .finish()
    }
}

/// The trace and snapshot an exit token stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExitSite {
    /// The trace that exited.
    pub trace: TraceId,
    /// Its snapshot: the frame slots it wrote back and where to resume.
    pub snap: SnapId,
}

impl CodeCache {
    /// A cache for code made by `compiler` (which must target the host).
    pub fn new(compiler: &mut Compiler) -> Result<CodeCache, CompileError> {
        if !crate::isa::is_host(compiler.isa()) {
            return Err(CompileError::Unsupported(
                "a code cache runs code: it needs a host-ISA compiler".into(),
            ));
        }
        let trampoline =
            ExecMemory::new(&compiler.compile_trampoline()?).map_err(CompileError::Memory)?;
        Ok(CodeCache {
            table: TraceTable::new(),
            trampoline,
            // Token 0 is never handed out, so a zeroed word is not an exit.
            next_exit: AtomicU32::new(1),
            exits: RwLock::new(BTreeMap::new()),
            perf_map: Mutex::new(None),
        })
    }

    /// Starts writing `/tmp/perf-<pid>.map` lines for every trace installed
    /// from now on, so that `perf report` names them `pyvm-trace-t<N>`.
    pub fn enable_perf_map(&self) -> std::io::Result<()> {
        let mut pm = self.perf_map.lock().unwrap();
        if pm.is_none() {
            *pm = Some(PerfMap::open_for_process()?);
        }
        Ok(())
    }

    /// Compiles `trace` and installs it: a root trace becomes enterable
    /// through [`CodeCache::entry`]; a side trace (`trace.parent` set) is
    /// linked into its parent's exit, which from then on jumps straight
    /// into it instead of returning to the VM.
    pub fn compile_and_install(
        &self,
        compiler: &mut Compiler,
        trace: &Trace,
    ) -> Result<Arc<CompiledTrace>, CacheError> {
        let exits = trace.snap_count() as u32;
        let exit_base = self.next_exit.fetch_add(exits.max(1), Ordering::Relaxed);
        let exit_cells: Box<[AtomicU64]> = (0..exits).map(|_| AtomicU64::new(0)).collect();
        let mut link_cells = Vec::new();
        let code = {
            let link_cell = |t: TraceId| {
                let cell = self.table.entry_cell(t);
                let addr = Arc::as_ptr(&cell) as usize;
                link_cells.push(cell);
                addr
            };
            // `link_cell` needs `&mut link_cells`; wrap it for the `Fn` bound.
            let link_cell = std::cell::RefCell::new(link_cell);
            let resolve = |t: TraceId| (link_cell.borrow_mut())(t);
            let plan = LinkPlan {
                exit_base,
                exit_cells: &exit_cells,
                link_cell: &resolve,
            };
            compiler
                .compile(trace, &plan)
                .map_err(CacheError::Compile)?
        };
        let mem = ExecMemory::new(&code.bytes)
            .map_err(|e| CacheError::Compile(CompileError::Memory(e)))?;
        let compiled = Arc::new(CompiledTrace {
            code,
            mem,
            exit_cells,
            exit_base,
        });
        self.exits
            .write()
            .unwrap()
            .insert(exit_base, (trace.id, exits));
        self.table
            .install(trace.id, trace.parent, compiled.clone())
            .map_err(CacheError::Install)?;
        if let Some(pm) = self.perf_map.lock().unwrap().as_mut() {
            // A failed perf-map write must not fail the compilation.
            let _ = pm.record(
                compiled.addr(),
                compiled.code().len(),
                &format!("pyvm-trace-{}", trace.id),
            );
        }
        Ok(compiled)
    }

    /// The handle the VM keeps at a loop header to enter trace `id`.
    pub fn entry(&self, id: TraceId) -> TraceEntry<'_> {
        TraceEntry {
            cache: self,
            cell: self.table.entry_cell(id),
        }
    }

    /// An owned handle on trace `id`'s entry cell, for a VM to keep in its
    /// loop-header cache without borrowing the code cache; run it with
    /// [`CodeCache::enter`].
    pub fn entry_cell(&self, id: TraceId) -> EntryCell {
        EntryCell(self.table.entry_cell(id))
    }

    /// Runs the trace installed in `cell` (see [`TraceEntry::enter`]).
    ///
    /// # Safety
    ///
    /// As for [`TraceEntry::enter`].
    pub unsafe fn enter(
        &self,
        cell: &EntryCell,
        frame: *mut u64,
        ctx: *mut VmCtx,
    ) -> Option<ExitToken> {
        // SAFETY: forwarded from the caller.
        unsafe { self.run_cell(&cell.0, frame, ctx) }
    }

    /// Pins, loads the entry cell and runs what it holds.
    ///
    /// # Safety
    ///
    /// As for [`TraceEntry::enter`].
    unsafe fn run_cell(
        &self,
        cell: &AtomicU64,
        frame: *mut u64,
        ctx: *mut VmCtx,
    ) -> Option<ExitToken> {
        let _pin = self.table.pin();
        let code = cell.load(Ordering::Acquire);
        if code == 0 {
            return None;
        }
        // SAFETY: the trampoline is a complete function with this C
        // signature, compiled by `Compiler::compile_trampoline`.
        let trampoline: Trampoline = unsafe { std::mem::transmute(self.trampoline.as_ptr()) };
        // SAFETY: `code` was loaded from an entry cell while pinned, so it is
        // installed code that will not be freed before `_pin` drops; the
        // caller guarantees `frame` and `ctx`.
        let token = unsafe { trampoline(frame, ctx, code as *const u8) };
        Some(ExitToken(token))
    }

    /// The installed code of trace `id`.
    pub fn get(&self, id: TraceId) -> Option<Arc<CompiledTrace>> {
        self.table.get(id)
    }

    /// The trace and snapshot an exit token stands for.
    pub fn resolve_exit(&self, token: ExitToken) -> Option<ExitSite> {
        let exits = self.exits.read().unwrap();
        let (&base, &(trace, n)) = exits.range(..=token.0).next_back()?;
        (token.0 - base < n).then_some(ExitSite {
            trace,
            snap: SnapId(token.0 - base),
        })
    }

    /// Retires trace `id` and its side traces (for example after a version
    /// tag it depends on changed). Threads running them finish safely; the
    /// memory is freed once they have left. Returns the retired ids.
    pub fn retire(&self, id: TraceId) -> Vec<TraceId> {
        self.table.retire(id)
    }

    /// Number of installed traces.
    pub fn len(&self) -> usize {
        self.table.len()
    }

    /// Whether no trace is installed.
    pub fn is_empty(&self) -> bool {
        self.table.is_empty()
    }
}

/// Why [`CodeCache::compile_and_install`] failed.
#[derive(Debug)]
pub enum CacheError {
    /// The trace did not compile.
    Compile(CompileError),
    /// The compiled trace could not be linked in.
    Install(InstallError),
}

impl std::fmt::Display for CacheError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CacheError::Compile(e) => write!(f, "{e}"),
            CacheError::Install(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for CacheError {}

/// An owned handle on one trace's entry cell (see [`CodeCache::entry_cell`]).
#[derive(Clone, Debug)]
pub struct EntryCell(Arc<AtomicU64>);

impl EntryCell {
    /// Whether a trace is installed here now.
    pub fn is_installed(&self) -> bool {
        self.0.load(Ordering::Acquire) != 0
    }
}

/// A way into one trace, kept by the VM at the loop header it starts at.
pub struct TraceEntry<'a> {
    cache: &'a CodeCache,
    cell: Arc<AtomicU64>,
}

impl TraceEntry<'_> {
    /// Whether a trace is installed here now.
    pub fn is_installed(&self) -> bool {
        self.cell.load(Ordering::Acquire) != 0
    }

    /// Runs the trace on `frame` until it exits; `None` if no trace is
    /// installed here (it may have been retired).
    ///
    /// # Safety
    ///
    /// `frame` must point to at least [`CompiledTrace::frame_words`] valid,
    /// writable words (for every trace of the tree, side traces included)
    /// holding what the trace's `sload`s expect; `ctx` must be what the
    /// trace's helpers and write barrier expect; helper addresses given at
    /// compile time must still be valid functions of the declared types.
    pub unsafe fn enter(&self, frame: *mut u64, ctx: *mut VmCtx) -> Option<ExitToken> {
        // SAFETY: forwarded from the caller.
        unsafe { self.cache.run_cell(&self.cell, frame, ctx) }
    }
}
