//! The proof VM's benchmark: each program with the interpreter alone and
//! with the JIT (default thresholds), medians of 5 runs, whole-run time
//! (recording and compilation included).
//!
//! `cargo bench -p pyvm-codegen --bench minivm`

#[path = "../examples/minivm/vm/mod.rs"]
mod vm;

use std::time::{Duration, Instant};

use pyvm_gc::Config;
use pyvm_tracer::JitParams;
use vm::{Mode, Program, run};

fn median_run(program: &Program, mode: Mode) -> (Duration, Vec<u64>, vm::Stats) {
    let mut times = Vec::new();
    let mut last = None;
    for _ in 0..5 {
        let t = Instant::now();
        let out = run(program, mode, Config::default()).expect("program runs");
        times.push(t.elapsed());
        last = Some(out);
    }
    times.sort();
    let (regs, stats) = last.expect("ran");
    (times[2], regs, stats)
}

fn main() {
    // Fixed cost of a JIT run: heap, compiler (ISA detection), code cache
    // (trampoline), recording and compiling one trace.
    let (fixed, _, _) = median_run(&vm::int_sum(100), Mode::Jit(JitParams::default()));
    println!(
        "JIT fixed cost (int sum, n = 100): {:.2} ms\n",
        fixed.as_secs_f64() * 1e3
    );
    let n = 10_000_000;
    println!("| program | n | interpreter | JIT | speed-up | traces (side) |");
    println!("|---|---|---|---|---|---|");
    // The call-heavy sum would overflow minivm's 48-bit ints at 10M.
    for (program, n) in [
        (vm::int_sum(n), n),
        (vm::float_mix(n), n),
        (vm::attributes(n), n),
        (vm::calls(n / 4), n / 4),
        (vm::branchy(n), n),
        (vm::temporaries(n / 4), n / 4),
        (vm::linked_list(n / 50), n / 50),
    ] {
        let (ti, ri, _) = median_run(&program, Mode::Interpret);
        let (tj, rj, stats) = median_run(&program, Mode::Jit(JitParams::default()));
        assert_eq!(
            ri, rj,
            "{}: same result with and without the JIT",
            program.name
        );
        let ms = |d: Duration| d.as_secs_f64() * 1e3;
        println!(
            "| {} | {n} | {:.1} ms | {:.1} ms | {:.1}x | {} ({}) |",
            program.name,
            ms(ti),
            ms(tj),
            ti.as_secs_f64() / tj.as_secs_f64(),
            stats.traces,
            stats.side_traces
        );
    }
}
