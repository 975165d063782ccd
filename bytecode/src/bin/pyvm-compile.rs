//! `pyvm-compile`: compiles Python files with pyvm-bytecode.
//!
//! - `pyvm-compile --dis FILE` prints the disassembly of FILE;
//! - `pyvm-compile --verdicts` reads file paths from stdin, one per line, and
//!   prints `PATH<TAB>ok` or `PATH<TAB>SyntaxError LINE` for each, the same
//!   format as `scripts/cpython_verdicts.py`;
//! - `pyvm-compile --time` reads paths from stdin and prints the CPU and
//!   wall seconds spent compiling all of them (files are read first), the
//!   file count and how many compiled;
//! - `pyvm-compile --verify` compiles paths from stdin and runs the
//!   verifier (`verify::verify`) on each result;
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

/// User+system CPU time of this process (Linux `/proc/self/stat`, in
/// clock ticks of 1/100 s); 0 where unavailable.
fn process_cpu_seconds() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return 0.0;
    };
    let Some(after) = stat.rsplit_once(')').map(|(_, a)| a) else {
        return 0.0;
    };
    let fields: Vec<&str> = after.split_whitespace().collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    // Fields after the command: state is index 0, utime 11, stime 12.
    (ticks(11) + ticks(12)) / 100.0
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
            let cpu_start = process_cpu_seconds();
            let mut ok = 0usize;
            for (path, bytes) in &sources {
                if compile_bytes(bytes, path, Mode::Exec).is_ok() {
                    ok += 1;
                }
            }
            let secs = start.elapsed().as_secs_f64();
            let cpu = process_cpu_seconds() - cpu_start;
            println!("{cpu:.3} {secs:.3} {} {ok}", sources.len());
            ExitCode::SUCCESS
        }
        Some("--parse-errors") => {
            // Debugging aid: ruff's own parse errors for FILE.
            let text = args
                .get(1)
                .and_then(|p| std::fs::read_to_string(p).ok())
                .unwrap_or_default();
            let parsed =
                ruff_python_parser::parse_unchecked(&text, ruff_python_parser::Mode::Module.into());
            for e in parsed.errors() {
                println!("{:?} at {:?}", e.error, e.location);
            }
            ExitCode::SUCCESS
        }
        Some("--verify") => {
            // Compiles each path from stdin and runs the verifier on the result.
            let mut bad = 0;
            for path in std::io::stdin()
                .lock()
                .lines()
                .map_while(Result::ok)
                .filter(|l| !l.is_empty())
            {
                let Ok(bytes) = std::fs::read(&path) else {
                    continue;
                };
                if let Ok(code) = compile_bytes(&bytes, &path, Mode::Exec)
                    && let Err(e) = pyvm_bytecode::verify::verify(&code)
                {
                    bad += 1;
                    println!("{path}: {e}");
                }
            }
            if bad == 0 {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            }
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
