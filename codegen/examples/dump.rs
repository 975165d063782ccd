//! Prints the Cranelift IR and the disassembly of a trace given in the
//! tracer's text format: `cargo run -p pyvm-codegen --example dump -- FILE
//! [TRIPLE]` (the trace on standard input if FILE is `-`; the host ISA
//! unless a target triple such as `aarch64-unknown-linux-gnu` is given).

use std::io::Read;
use std::sync::atomic::AtomicU64;

use pyvm_codegen::{CompileOptions, Compiler, LinkPlan};
use pyvm_tracer::{Trace, TraceId};

fn main() {
    let mut text = String::new();
    match std::env::args().nth(1) {
        Some(path) => text = std::fs::read_to_string(path).expect("readable trace file"),
        None => {
            std::io::stdin()
                .read_to_string(&mut text)
                .expect("trace on stdin");
        }
    }
    let trace = match Trace::parse(&text) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("bad trace: {e}");
            std::process::exit(1);
        }
    };
    let options = CompileOptions {
        disassemble: true,
        ..CompileOptions::default()
    };
    let mut compiler = match std::env::args().nth(2) {
        Some(triple) => match pyvm_codegen::isa_for_triple(&triple) {
            Ok(isa) => Compiler::with_isa(isa, options),
            Err(e) => {
                eprintln!("{e}");
                std::process::exit(1);
            }
        },
        None => Compiler::host(options).expect("host ISA"),
    };
    let cells: Vec<AtomicU64> = (0..trace.snap_count()).map(|_| AtomicU64::new(0)).collect();
    let link = |_t: TraceId| 0usize;
    let plan = LinkPlan {
        exit_base: 1,
        exit_cells: &cells,
        link_cell: &link,
    };
    match compiler.lower_to_clif(&trace, &plan) {
        Ok(clif) => println!("{clif}"),
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    }
    let code = compiler.compile(&trace, &plan).expect("compiles");
    println!("; {} bytes of machine code", code.bytes.len());
    println!("{}", code.disasm.unwrap_or_default());
}
