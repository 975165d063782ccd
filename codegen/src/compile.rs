//! The compiler: trace → Cranelift IR → machine code bytes for one ISA.

use std::fmt;
use std::sync::atomic::AtomicU64;

use cranelift_codegen::Context;
use cranelift_codegen::control::ControlPlane;
use cranelift_codegen::ir::{AbiParam, Function, InstBuilder, Signature, UserFuncName, types};
use cranelift_codegen::isa::{CallConv, OwnedTargetIsa};
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext};
use pyvm_tracer::{Op, Trace, TraceId, Type};

use crate::isa::{IsaError, host_isa};
use crate::lower::{LowerEnv, count_frame_slots, count_spill_slots, lower_trace, trace_signature};
use crate::options::CompileOptions;

/// Why a trace could not be compiled.
#[derive(Debug)]
pub enum CompileError {
    /// No ISA for the requested target.
    Isa(IsaError),
    /// The trace breaks an IR invariant ([`Trace::verify`]).
    Ir(pyvm_tracer::IrError),
    /// The trace uses something this backend cannot lower (for example a
    /// helper without an address).
    Unsupported(String),
    /// Cranelift rejected the generated function (a backend bug).
    Codegen(String),
    /// Executable memory could not be mapped.
    Memory(std::io::Error),
}

impl fmt::Display for CompileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CompileError::Isa(e) => write!(f, "{e}"),
            CompileError::Ir(e) => write!(f, "malformed trace: {e}"),
            CompileError::Unsupported(m) => write!(f, "cannot compile trace: {m}"),
            CompileError::Codegen(m) => write!(f, "code generation failed: {m}"),
            CompileError::Memory(e) => write!(f, "cannot map executable memory: {e}"),
        }
    }
}

impl std::error::Error for CompileError {}

impl From<IsaError> for CompileError {
    fn from(e: IsaError) -> Self {
        CompileError::Isa(e)
    }
}

/// Where a trace's exits and links lead, fixed before it is compiled
/// (the addresses are baked into the code).
pub struct LinkPlan<'a> {
    /// Token returned for snapshot 0 (snapshot `n` returns `exit_base + n`).
    pub exit_base: u32,
    /// One cell per snapshot: 0, or the address of the side trace to enter.
    pub exit_cells: &'a [AtomicU64],
    /// The entry cell of a trace a `link` jumps to.
    pub link_cell: &'a dyn Fn(TraceId) -> usize,
}

/// Machine code for one trace, not yet executable (see
/// [`crate::CodeCache`] to install it, or inspect it for a foreign ISA).
#[derive(Clone, Debug)]
pub struct CompiledCode {
    /// The trace it came from.
    pub trace: TraceId,
    /// The machine code (position independent, no relocations).
    pub bytes: Vec<u8>,
    /// Cranelift's disassembly, when [`CompileOptions::disassemble`] is set.
    pub disasm: Option<String>,
    /// Frame slots the trace touches: `0..frame_slots`.
    pub frame_slots: u32,
    /// Spill slots (`frame_slots..frame_slots + spill_slots`) where `ref`
    /// values wait out collecting calls; the VM's collector must scan them
    /// while the trace runs.
    pub spill_slots: u32,
    /// Number of exits (snapshots).
    pub exits: u32,
}

/// Compiles traces for one target ISA. Reuses its Cranelift contexts
/// between traces; one per compiling thread.
pub struct Compiler {
    isa: OwnedTargetIsa,
    ctx: Context,
    fctx: FunctionBuilderContext,
    options: CompileOptions,
}

impl Compiler {
    /// A compiler for the host, with its CPU features detected.
    pub fn host(options: CompileOptions) -> Result<Compiler, CompileError> {
        Ok(Compiler::with_isa(host_isa()?, options))
    }

    /// A compiler for an explicit ISA (see [`crate::isa_for_triple`]).
    pub fn with_isa(isa: OwnedTargetIsa, options: CompileOptions) -> Compiler {
        Compiler {
            isa,
            ctx: Context::new(),
            fctx: FunctionBuilderContext::new(),
            options,
        }
    }

    /// The target ISA.
    pub fn isa(&self) -> &OwnedTargetIsa {
        &self.isa
    }

    /// The options in force.
    pub fn options(&self) -> &CompileOptions {
        &self.options
    }

    /// The Cranelift IR the trace lowers to, as text (for dumps and tests).
    pub fn lower_to_clif(
        &mut self,
        trace: &Trace,
        plan: &LinkPlan<'_>,
    ) -> Result<String, CompileError> {
        self.lower(trace, plan)?;
        Ok(self.ctx.func.display().to_string())
    }

    fn lower(&mut self, trace: &Trace, plan: &LinkPlan<'_>) -> Result<(u32, u32), CompileError> {
        trace.verify().map_err(CompileError::Ir)?;
        if plan.exit_cells.len() < trace.snap_count() {
            return Err(CompileError::Unsupported(format!(
                "{} exit cells for {} snapshots",
                plan.exit_cells.len(),
                trace.snap_count()
            )));
        }
        for inst in trace.insts() {
            if matches!(inst.op, Op::Call | Op::New) {
                let decl = trace.helper(trace.call_parts(inst).0);
                if decl.addr == 0 && !self.options.helper_addrs.contains_key(&decl.name) {
                    return Err(CompileError::Unsupported(format!(
                        "helper {} has no address",
                        decl.name
                    )));
                }
                // The object is a word; `verify` leaves this to backends.
                if inst.op == Op::New && !matches!(decl.ret, Type::Ref | Type::I64 | Type::Ptr) {
                    return Err(CompileError::Unsupported(format!(
                        "allocation helper {} returns {}, not a reference",
                        decl.name, decl.ret
                    )));
                }
            }
        }
        let frame_slots = count_frame_slots(trace);
        let spill_slots = count_spill_slots(trace) as u32;
        let env = LowerEnv {
            trace,
            exit_base: plan.exit_base,
            exit_cells: plan.exit_cells.as_ptr() as usize,
            link_cell: plan.link_cell,
            spill_base: frame_slots,
            options: &self.options,
            frontend: self.isa.frontend_config(),
        };
        self.ctx.clear();
        lower_trace(&env, &mut self.ctx.func, &mut self.fctx)
            .map_err(|e| CompileError::Unsupported(e.0))?;
        Ok((frame_slots, spill_slots))
    }

    /// Compiles a trace to machine code.
    pub fn compile(
        &mut self,
        trace: &Trace,
        plan: &LinkPlan<'_>,
    ) -> Result<CompiledCode, CompileError> {
        let (frame_slots, spill_slots) = self.lower(trace, plan)?;
        let bytes_and_disasm = self.emit()?;
        Ok(CompiledCode {
            trace: trace.id,
            bytes: bytes_and_disasm.0,
            disasm: bytes_and_disasm.1,
            frame_slots,
            spill_slots,
            exits: trace.snap_count() as u32,
        })
    }

    /// Compiles `self.ctx.func` and returns its code (and disassembly).
    fn emit(&mut self) -> Result<(Vec<u8>, Option<String>), CompileError> {
        self.ctx.set_disasm(self.options.disassemble);
        let isa = self.isa.clone();
        let code = self
            .ctx
            .compile(&*isa, &mut ControlPlane::default())
            .map_err(|e| CompileError::Codegen(format!("{:?}", e.inner)))?;
        if !code.buffer.relocs().is_empty() {
            return Err(CompileError::Codegen(format!(
                "unexpected relocations: {:?}",
                code.buffer.relocs()
            )));
        }
        Ok((code.code_buffer().to_vec(), code.vcode.clone()))
    }

    /// Machine code of the entry trampoline,
    /// `extern "C" fn(frame: *mut u64, ctx: *mut VmCtx, code: *const u8) -> u32`:
    /// it calls the trace at `code` (tail calling convention) and returns
    /// its exit token. The VM enters every trace through it.
    pub fn compile_trampoline(&mut self) -> Result<Vec<u8>, CompileError> {
        self.ctx.clear();
        let call_conv = self.isa.default_call_conv();
        let mut sig = Signature::new(call_conv);
        for _ in 0..3 {
            sig.params.push(AbiParam::new(types::I64));
        }
        sig.returns.push(AbiParam::new(types::I32));
        let mut func = Function::with_name_signature(UserFuncName::user(1, 0), sig);
        {
            let mut b = FunctionBuilder::new(&mut func, &mut self.fctx);
            let block = b.create_block();
            b.append_block_params_for_function_params(block);
            b.switch_to_block(block);
            b.seal_block(block);
            let p = b.block_params(block).to_vec();
            let tsig = b.import_signature(trace_signature());
            let call = b.ins().call_indirect(tsig, p[2], &[p[0], p[1]]);
            let token = b.inst_results(call)[0];
            b.ins().return_(&[token]);
            b.finalize(self.isa.frontend_config());
        }
        debug_assert_ne!(call_conv, CallConv::Tail);
        self.ctx.func = func;
        Ok(self.emit()?.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trampoline_compiles_for_host_and_aarch64() {
        let mut host = Compiler::host(CompileOptions::default()).unwrap();
        assert!(!host.compile_trampoline().unwrap().is_empty());
        let arm = crate::isa::isa_for_triple("aarch64-unknown-linux-gnu").unwrap();
        let mut arm = Compiler::with_isa(arm, CompileOptions::default());
        let code = arm.compile_trampoline().unwrap();
        // AArch64 instructions are 4 bytes each.
        assert_eq!(code.len() % 4, 0);
    }
}
