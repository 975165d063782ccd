//! The `pyvm` command.
//!
//! The interpreter is not built yet (issue 5); until then the command says so
//! instead of pretending to run a program.

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("-V") | Some("--version") => {
            println!(
                "pyvm {} (Python 3.11 compatible)",
                env!("CARGO_PKG_VERSION")
            );
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("pyvm: the interpreter is not built yet; it cannot run programs");
            ExitCode::from(2)
        }
    }
}
