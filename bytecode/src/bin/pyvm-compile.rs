//! `pyvm-compile`: compiles Python files with pyvm-bytecode.
//!
//! - `pyvm-compile --dis FILE` prints the disassembly of FILE;
//! - `pyvm-compile --verdicts` reads file paths from stdin, one per line, and
//!   prints `PATH<TAB>ok` or `PATH<TAB>SyntaxError LINE` for each, the same
//!   format as `scripts/cpython_verdicts.py`;
//! - `pyvm-compile --time` reads paths from stdin and prints the seconds
//!   spent compiling all of them (files are read first), the file count and
//!   how many compiled;
//! - `pyvm-compile --errors` is like `--verdicts` with the error class,
//!   message, line and offset;
//! - `pyvm-compile FILE...` compiles files and reports errors.

use std::io::{BufRead, Write};
use std::process::ExitCode;

use pyvm_bytecode::{Mode, compile_bytes, disassemble};

fn error_line(path: &str) -> String {
    match std::fs::read(path) {
        Ok(bytes) => match compile_bytes(&bytes, path, Mode::Exec) {
            Ok(_) => "ok".to_string(),
            Err(e) => format!("{:?}\t{}\t{}\t{}", e.kind, e.msg, e.line, e.col),
        },
        Err(e) => format!("IOError {e}"),
    }
}

fn verdict(path: &str) -> String {
    match std::fs::read(path) {
        Ok(bytes) => match compile_bytes(&bytes, path, Mode::Exec) {
            Ok(_) => "ok".to_string(),
            Err(e) => format!("SyntaxError {}", e.line),
        },
        Err(e) => format!("IOError {e}"),
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("--dis") => {
            let Some(path) = args.get(1) else {
                eprintln!("usage: pyvm-compile --dis FILE");
                return ExitCode::from(2);
            };
            let bytes = match std::fs::read(path) {
                Ok(b) => b,
                Err(e) => {
                    eprintln!("{path}: {e}");
                    return ExitCode::from(1);
                }
            };
            match compile_bytes(&bytes, path, Mode::Exec) {
                Ok(code) => {
                    print!("{}", disassemble(&code));
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("{e}");
                    ExitCode::from(1)
                }
            }
        }
        Some("--time") => {
            // Reads paths from stdin, loads every file, then times compiling
            // them all (reading excluded); prints seconds and file count.
            let paths: Vec<String> = std::io::stdin()
                .lock()
                .lines()
                .map_while(Result::ok)
                .filter(|l| !l.is_empty())
                .collect();
            let sources: Vec<(String, Vec<u8>)> = paths
                .into_iter()
                .filter_map(|p| std::fs::read(&p).ok().map(|b| (p, b)))
                .collect();
            let start = std::time::Instant::now();
            let mut ok = 0usize;
            for (path, bytes) in &sources {
                if compile_bytes(bytes, path, Mode::Exec).is_ok() {
                    ok += 1;
                }
            }
            let secs = start.elapsed().as_secs_f64();
            println!("{secs:.3} {} {ok}", sources.len());
            ExitCode::SUCCESS
        }
        Some("--errors") => {
            for line in std::io::stdin().lock().lines().map_while(Result::ok) {
                if !line.is_empty() {
                    println!("{line}\t{}", error_line(&line));
                }
            }
            ExitCode::SUCCESS
        }
        Some("--verdicts") => {
            let stdin = std::io::stdin();
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            for line in stdin.lock().lines() {
                let Ok(path) = line else { break };
                if path.is_empty() {
                    continue;
                }
                let _ = writeln!(out, "{path}\t{}", verdict(&path));
            }
            ExitCode::SUCCESS
        }
        Some(_) => {
            let mut failed = false;
            for path in &args {
                let v = verdict(path);
                if v != "ok" {
                    failed = true;
                    println!("{path}: {v}");
                }
            }
            if failed {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }
        }
        None => {
            eprintln!("usage: pyvm-compile [--dis FILE | --verdicts | FILE...]");
            ExitCode::from(2)
        }
    }
}
