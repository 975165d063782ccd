//! Shared harness: compile a trace written in the tracer's text format,
//! run it natively, and run it in the tracer's reference interpreter.

// Each test file uses a different subset of these helpers.
#![allow(dead_code)]

use pyvm_codegen::{CodeCache, CompileOptions, Compiler, ExitSite, VmCtx};
use pyvm_tracer::interp::{self, Heap, Outcome};
use pyvm_tracer::{HelperDecl, HelperId, SnapId, Trace, TraceId};

/// Parses a trace, panicking with the parser's message.
pub fn parse(text: &str) -> Trace {
    Trace::parse(text).unwrap_or_else(|e| panic!("bad trace: {e}\n{text}"))
}

/// A compiler and cache for the host.
pub fn jit(options: CompileOptions) -> (Compiler, CodeCache) {
    let mut compiler = Compiler::host(options).unwrap();
    let cache = CodeCache::new(&mut compiler).unwrap();
    (compiler, cache)
}

/// Compiles and installs `trace`, then runs it once on `frame`.
pub fn run_native(text: &str, frame: &mut [u64], options: CompileOptions) -> SnapId {
    run_native_ctx(text, frame, options, std::ptr::null_mut())
}

/// As [`run_native`], with a VM context.
pub fn run_native_ctx(
    text: &str,
    frame: &mut [u64],
    options: CompileOptions,
    ctx: *mut VmCtx,
) -> SnapId {
    let trace = parse(text);
    let (mut compiler, cache) = jit(options);
    let code = cache.compile_and_install(&mut compiler, &trace).unwrap();
    assert!(frame.len() >= code.frame_words(), "test frame too small");
    enter(&cache, trace.id, frame, ctx).snap
}

/// Enters an installed root trace and resolves the exit it took.
pub fn enter(cache: &CodeCache, id: TraceId, frame: &mut [u64], ctx: *mut VmCtx) -> ExitSite {
    // SAFETY: tests size frames from `frame_words` and pass the context
    // their helpers expect.
    let token = unsafe { cache.entry(id).enter(frame.as_mut_ptr(), ctx) }.expect("trace installed");
    cache.resolve_exit(token).expect("token resolves")
}

/// A heap for the reference interpreter over real memory, with helpers
/// implemented as Rust closures.
pub struct RealHeap {
    pub helpers: Vec<(String, HelperFn)>,
}

/// A helper of [`RealHeap`].
pub type HelperFn = Box<dyn FnMut(&[u64]) -> u64>;

impl Heap for RealHeap {
    fn load(&mut self, addr: u64) -> u64 {
        // SAFETY: tests only name addresses of live test objects.
        unsafe { (addr as *const u64).read() }
    }

    fn store(&mut self, addr: u64, value: u64) {
        // SAFETY: as above.
        unsafe { (addr as *mut u64).write(value) }
    }

    fn call(&mut self, _id: HelperId, decl: &HelperDecl, args: &[u64]) -> u64 {
        let (_, f) = self
            .helpers
            .iter_mut()
            .find(|(n, _)| *n == decl.name)
            .unwrap_or_else(|| panic!("no helper {}", decl.name));
        f(args)
    }
}

/// Runs the reference interpreter on `frame`; returns the exit snapshot.
pub fn run_reference(text: &str, frame: &mut [u64], heap: &mut dyn Heap) -> SnapId {
    let trace = parse(text);
    let mut slots = frame.to_vec();
    let out = interp::run(&trace, &mut slots, heap, 100_000_000);
    frame.copy_from_slice(&slots[..frame.len()]);
    match out {
        Outcome::Exit(s) => s,
        other => panic!("reference run ended with {other:?}"),
    }
}

/// Whether the reference interpreter gives a phi its entry value on the
/// first iteration. (At the time of writing it does not: it leaves the phi
/// 0 until the first back edge. Comparisons of loop traces are skipped
/// until it does; the tests then check against Rust-computed results.)
pub fn reference_handles_phis() -> bool {
    let text = "
        trace t0
        snap0 [s0 pc 0]
        a = sload.i64 s1
        loop
        p = phi.i64 a, vq
        snap1 [s0 pc 0] s1=p
        gfalse true snap1
        vq = add.i64 p, 1
        again
    ";
    let mut frame = [0, 41];
    let mut heap = RealHeap {
        helpers: Vec::new(),
    };
    run_reference(text, &mut frame, &mut heap);
    frame[1] == 41
}

/// Runs `text` natively and in the reference interpreter from the same
/// frame; asserts the same exit and frame, and returns them.
pub fn differential(text: &str, frame: &[u64]) -> (SnapId, Vec<u64>) {
    let mut native = frame.to_vec();
    let mut reference = frame.to_vec();
    let ns = run_native(text, &mut native, CompileOptions::default());
    if parse(text).loop_index().is_some() && !reference_handles_phis() {
        eprintln!("reference interpreter mishandles phis: comparing with Rust results only");
        return (ns, native);
    }
    let mut heap = RealHeap {
        helpers: Vec::new(),
    };
    let rs = run_reference(text, &mut reference, &mut heap);
    assert_eq!(ns, rs, "exit differs from the reference interpreter");
    assert_eq!(
        native, reference,
        "frame differs from the reference interpreter"
    );
    (ns, native)
}
