//! The `pyvm` command: CPython's command line (`pyvm FILE args`, `-c CODE`,
//! `-m MOD`, `-` or piped stdin, `-i`, the interactive prompt, `-V`).

use std::process::ExitCode;

use pyvm::runtime::cli::{Options, parse_args, run};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let opts: Options = match parse_args(&args) {
        Ok(o) => o,
        Err(code) => return ExitCode::from(code),
    };
    let status = run(opts);
    ExitCode::from((status & 0xff) as u8)
}
