//! The whole-stdlib check: every `.py` file of the CPython 3.11 standard
//! library on this machine (tests included) gets the same verdict from
//! pyvm-bytecode as from CPython's `compile()`: compiles, or SyntaxError on
//! the same line. Every compiled file must also pass `verify::verify`.
//! Skipped, with a message, when `python3` is not CPython 3.11.
//! `scripts/stdlib_verdicts.sh` runs the same comparison with the release
//! binary and prints the mismatches.

use std::io::Write;
use std::process::{Command, Stdio};

use pyvm_bytecode::{Mode, compile_bytes};

fn python_stdlib() -> Option<String> {
    let out = Command::new("python3")
        .args(["-c", "import sys, sysconfig; assert sys.version_info[:2] == (3, 11); print(sysconfig.get_path('stdlib'))"])
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    Some(String::from_utf8_lossy(&out.stdout).trim().to_string())
}

fn collect(dir: &std::path::Path, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        let Ok(ft) = e.file_type() else { continue };
        if ft.is_dir() {
            collect(&p, out);
        } else if p.extension().is_some_and(|x| x == "py") {
            out.push(p.to_string_lossy().into_owned());
        }
    }
}

fn our_verdict(path: &str) -> String {
    match std::fs::read(path) {
        Ok(bytes) => match compile_bytes(&bytes, path, Mode::Exec) {
            // Everything compiled must also pass the verifier.
            Ok(code) => match pyvm_bytecode::verify::verify(&code) {
                Ok(()) => "ok".into(),
                Err(e) => format!("VerifyError {e}"),
            },
            Err(e) => format!("SyntaxError {}", e.line),
        },
        Err(e) => format!("IOError {e}"),
    }
}

#[test]
fn stdlib_verdicts_match_cpython() {
    let Some(stdlib) = python_stdlib() else {
        eprintln!("skipped: python3 (CPython 3.11) not found");
        return;
    };
    let mut files = Vec::new();
    collect(std::path::Path::new(&stdlib), &mut files);
    files.sort();
    let files: &'static [String] = Vec::leak(files);
    assert!(files.len() > 1000, "stdlib at {stdlib} looks incomplete");
    // CPython's verdicts, from the script shipped with the crate.
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/cpython_verdicts.py");
    let mut child = Command::new("python3")
        .args(["-W", "ignore", script])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("run python3");
    let input = files.join("\n");
    let mut stdin = child.stdin.take().expect("stdin");
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    // Ours, on two threads while CPython works.
    let half = files.len() / 2;
    let (a, b) = files.split_at(half);
    // Two workers on small (1 MiB) stacks: compile() grows its own stack
    // for deeply nested files.
    let ours: Vec<String> = std::thread::scope(|s| {
        let spawn = |part: &'static [String]| {
            std::thread::Builder::new()
                .stack_size(1 << 20)
                .spawn_scoped(s, move || {
                    part.iter().map(|p| our_verdict(p)).collect::<Vec<_>>()
                })
                .expect("spawn worker")
        };
        let (h1, h2) = (spawn(a), spawn(b));
        let mut first = h1.join().expect("worker");
        first.append(&mut h2.join().expect("worker"));
        first
    });
    writer.join().expect("writer").expect("write paths");
    let output = child.wait_with_output().expect("python3 output");
    let theirs = String::from_utf8_lossy(&output.stdout);
    let theirs: std::collections::HashMap<&str, &str> =
        theirs.lines().filter_map(|l| l.split_once('\t')).collect();
    let mut mismatches = Vec::new();
    let mut errors = 0;
    for (path, ours) in files.iter().zip(&ours) {
        let want = theirs.get(path.as_str()).copied().unwrap_or("missing");
        if want != "ok" {
            errors += 1;
        }
        if want != ours {
            mismatches.push(format!("{path}: CPython {want}, pyvm {ours}"));
        }
    }
    eprintln!(
        "stdlib verdicts: {} files ({} SyntaxError in CPython), {} mismatches",
        files.len(),
        errors,
        mismatches.len()
    );
    assert!(
        mismatches.is_empty(),
        "{} mismatches:\n{}",
        mismatches.len(),
        mismatches.join("\n")
    );
}
