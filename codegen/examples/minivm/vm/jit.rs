//! The driver: interpreting, recording, compiling and entering traces.

use super::*;

/// How to run a program.
#[derive(Clone, Copy, Debug)]
pub enum Mode {
    /// The interpreter alone.
    Interpret,
    /// With the JIT.
    Jit(JitParams),
}

/// What a run did.
#[derive(Clone, Debug, Default)]
pub struct Stats {
    /// Instructions interpreted (recording included).
    pub interpreted: u64,
    /// Traces compiled (root and side).
    pub traces: usize,
    /// Side traces among them.
    pub side_traces: usize,
    /// Times native code was entered from the interpreter.
    pub entries: u64,
}

pub(crate) enum Goal {
    Root(Pc),
    Side,
}

/// The JIT state of one run.
pub(crate) struct Jit {
    compiler: Compiler,
    cache: CodeCache,
    manager: TraceManager<Pc>,
    traces: HashMap<TraceId, Trace>,
    /// The most frame words any installed trace uses.
    frame_words: usize,
}

impl Jit {
    fn new(params: JitParams) -> Jit {
        let options = CompileOptions {
            helpers_take_ctx: true,
            spill_clear_word: int(0),
            write_barrier: Some(WriteBarrier {
                flag_offset: HEADER_OFFSET as i32,
                flag_mask: UNLOGGED_BIT as u8,
                slow_path: write_barrier_slow::<MiniGc> as *const () as usize,
                state_offset: Some(0),
            }),
            ..CompileOptions::default()
        };
        let mut compiler = Compiler::host(options).expect("host ISA");
        let cache = CodeCache::new(&mut compiler).expect("code cache");
        Jit {
            compiler,
            cache,
            manager: TraceManager::new(params),
            traces: HashMap::new(),
            frame_words: 0,
        }
    }

    /// Optimizes, compiles and installs a finished recording.
    fn install(&mut self, trace: Trace, stats: &mut Stats) {
        let opt = optimize(&trace);
        if std::env::var_os("MINIVM_DUMP").is_some() {
            eprintln!("---- recorded\n{trace}---- optimized\n{opt}");
        }
        match self.cache.compile_and_install(&mut self.compiler, &opt) {
            Ok(code) => {
                self.frame_words = self.frame_words.max(code.frame_words());
                self.manager.install(&opt);
                stats.traces += 1;
                stats.side_traces += opt.parent.is_some() as usize;
                self.traces.insert(opt.id, opt);
            }
            Err(e) => self
                .manager
                .abort(pyvm_tracer::AbortReason::Vm(e.to_string())),
        }
    }

    /// Runs root trace `id` natively; returns where to resume and, if the
    /// exit it left through is hot, a recorder for a side trace.
    fn run_trace(&mut self, id: TraceId, vm: &mut Vm, code: &[Ins]) -> (Pc, Option<Recorder>) {
        let entry_base = vm.frames.last().map_or(0, |f| f.base);
        vm.grow_regs(entry_base + self.frame_words);
        let frame = vm.regs[entry_base..].as_mut_ptr();
        let ctx = (vm as *mut Vm).cast::<VmCtx>();
        // SAFETY: the register file has every word any installed trace
        // uses (from the frame it is entered at) and is a GC root; helpers
        // and the barrier get the `Vm`.
        let token = unsafe { self.cache.entry(id).enter(frame, ctx) }.expect("installed");
        let site = self.cache.resolve_exit(token).expect("valid exit");
        let trace = &self.traces[&site.trace];
        // Rebuild the frames of calls the trace inlined (outermost first;
        // the first is the frame the trace was entered in).
        let frames = trace.snap_frames(site.snap);
        for k in 1..frames.len() {
            let ret_pc = frames[k - 1].pc as Pc;
            let Ins::Call(dest, _, _) = code[ret_pc - 1] else {
                unreachable!("an inlined frame returns after a call");
            };
            let base = entry_base + frames[k].base.index();
            vm.frames.push(Frame { base, ret_pc, dest });
            vm.grow_regs(base + FRAME_REGS);
        }
        let pc = frames[frames.len() - 1].pc as Pc;
        match self.manager.at_exit(site.trace, site.snap) {
            ExitAction::Record => {
                let rec = self.manager.start_side(trace, site.snap);
                (pc, Some(rec))
            }
            // A side trace attached to this exit is entered by the exit
            // itself; if we get here it was not, so interpret.
            ExitAction::Run(_) | ExitAction::Interpret => (pc, None),
        }
    }
}

/// Runs `program` from zeroed (int 0) registers on a heap configured by
/// `gc`; returns the registers, objects replaced by a description of their
/// contents (addresses differ between runs).
pub fn run(program: &Program, mode: Mode, gc: Config) -> Result<(Vec<u64>, Stats), String> {
    let mut vm = Vm::new(program.regs + FRAME_REGS, gc);
    let mut stats = Stats::default();
    let mut jit = match mode {
        Mode::Interpret => None,
        Mode::Jit(params) => Some(Jit::new(params)),
    };
    let mut recording: Option<(Recorder, Goal)> = None;
    let mut pc = 0;
    loop {
        let next = step(
            &program.code,
            pc,
            &mut vm,
            recording.as_mut().map(|r| &mut r.0),
        )?;
        stats.interpreted += 1;
        let Some(next) = next else { break };
        let is_jump = matches!(
            program.code[pc],
            Ins::Jump(_) | Ins::JumpIfLt(..) | Ins::JumpIfZero(..)
        );
        let backward = is_jump && next <= pc;
        pc = next;
        let Some(jit) = jit.as_mut() else { continue };
        if let Some(reason) = recording.as_ref().and_then(|r| r.0.aborted()) {
            jit.manager.abort(reason.clone());
            recording = None;
        }
        if !backward {
            continue;
        }
        let action = jit.manager.at_loop_header(&pc);
        let done = match (&recording, action) {
            (Some((_, Goal::Root(h))), _) => *h == pc,
            (Some((_, Goal::Side)), LoopAction::Run(_)) => true,
            _ => false,
        };
        if done {
            let (mut rec, goal) = recording.take().expect("recording");
            rec.set_ref_addr_mask(ADDR_MASK);
            rec.set_pc(pc as u64);
            let finished = match (goal, action) {
                (Goal::Root(_), _) => rec.close_loop(),
                (Goal::Side, LoopAction::Run(root)) => rec.link_to(root),
                _ => unreachable!("checked above"),
            };
            match finished {
                Ok(trace) => jit.install(trace, &mut stats),
                Err(reason) => jit.manager.abort(reason),
            }
        }
        match jit.manager.at_loop_header(&pc) {
            LoopAction::Interpret => {}
            LoopAction::Record => {
                let rec = jit.manager.start_root(&pc, pc as u64);
                recording = Some((rec, Goal::Root(pc)));
            }
            LoopAction::Run(_) if recording.is_some() => {}
            LoopAction::Run(id) => {
                stats.entries += 1;
                let (resume, side) = jit.run_trace(id, &mut vm, &program.code);
                pc = resume;
                recording = side.map(|r| (r, Goal::Side));
            }
        }
    }
    vm.mutator
        .verify()
        .map_err(|e| format!("heap verification: {e}"))?;
    let regs = vm.regs[..program.regs]
        .iter()
        .map(|&w| describe(w, 3))
        .collect();
    Ok((regs, stats))
}

/// A word with objects replaced by a hash of their contents (to `depth`
/// levels), so runs with different heaps compare equal.
pub(crate) fn describe(w: u64, depth: u32) -> u64 {
    if !is_obj(w) {
        return w;
    }
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut mix = |x: u64| h = (h ^ x).wrapping_mul(0x100_0000_01b3);
    // SAFETY: `w` is a live object reachable from the registers.
    unsafe {
        mix(*payload_of(w));
        for k in 0..OBJ_SLOTS {
            let v = *payload_of(w).add(2 + k);
            mix(if depth == 0 && is_obj(v) {
                OBJ_TAG
            } else {
                describe(v, depth.saturating_sub(1))
            });
        }
    }
    OBJ_TAG | (h & ADDR_MASK)
}
