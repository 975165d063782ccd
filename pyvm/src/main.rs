//! The `pyvm` command: `pyvm FILE`, `pyvm -c CODE`, `pyvm -V`.

use std::process::ExitCode;

use pyvm::runtime::cli::{Program, run_program};

const USAGE: &str = "usage: pyvm [-c cmd | -m mod | file] [arg] ...";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut i = 0;
    let program = loop {
        let Some(a) = args.get(i) else {
            eprintln!("pyvm: the interactive prompt is not supported yet; give a file or -c");
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        };
        match a.as_str() {
            "-V" | "--version" => {
                println!("Python 3.11.0 (pyvm {})", env!("CARGO_PKG_VERSION"));
                return ExitCode::SUCCESS;
            }
            "-m" => match args.get(i + 1) {
                Some(m) => break Program::Module(m.clone()),
                None => {
                    eprintln!("Argument expected for the -m option");
                    eprintln!("{USAGE}");
                    return ExitCode::from(2);
                }
            },
            "-c" => match args.get(i + 1) {
                Some(code) => break Program::Command(code.clone()),
                None => {
                    eprintln!("Argument expected for the -c option");
                    eprintln!("{USAGE}");
                    return ExitCode::from(2);
                }
            },
            // Options CPython accepts that change nothing here yet.
            "-u" | "-E" | "-I" | "-S" | "-B" => i += 1,
            "-X" => i += 2,
            s if s.starts_with('-') && s != "-" => {
                eprintln!("Unknown option: {s}");
                eprintln!("{USAGE}");
                return ExitCode::from(2);
            }
            "-" => {
                eprintln!("pyvm: reading the program from stdin is not supported yet");
                return ExitCode::from(2);
            }
            file => break Program::File(file.to_string()),
        }
    };
    let status = run_program(program);
    ExitCode::from(status.clamp(0, 255) as u8)
}
