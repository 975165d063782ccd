//! minivm: a small dynamically typed VM built on `pyvm-tracer` and
//! `pyvm-codegen` (see `vm.rs`). Runs each program with the interpreter
//! alone and with the JIT, checks they agree, and prints the timings.
//!
//! `cargo run --release -p pyvm-codegen --example minivm`

#[path = "vm/mod.rs"]
mod vm;

use std::time::Instant;

use pyvm_gc::Config;
use pyvm_tracer::JitParams;
use vm::{Mode, Program, run};

fn time(program: &Program, mode: Mode) -> (f64, Vec<u64>, vm::Stats) {
    let t = Instant::now();
    let (regs, stats) = run(program, mode, Config::default()).expect("program runs");
    (t.elapsed().as_secs_f64() * 1e3, regs, stats)
}

fn main() {
    let n = 3_000_000;
    println!("| program | interpreter | JIT | speed-up | traces (side) |");
    println!("|---|---|---|---|---|");
    for program in [
        vm::int_sum(n),
        vm::float_mix(n),
        vm::branchy(n),
        vm::attributes(n),
        vm::calls(n),
        vm::linked_list(n / 10),
    ] {
        let (ti, ri, _) = time(&program, Mode::Interpret);
        let (tj, rj, stats) = time(&program, Mode::Jit(JitParams::default()));
        assert_eq!(
            ri, rj,
            "{}: same registers with and without the JIT",
            program.name
        );
        println!(
            "| {} | {ti:.1} ms | {tj:.1} ms | {:.1}x | {} ({}) |",
            program.name,
            ti / tj,
            stats.traces,
            stats.side_traces
        );
    }
}
