//! Runs the Python programs in `tests/run_programs/` with the built `pyvm`
//! binary and compares stdout, stderr and the exit status with the expected
//! files next to them (`NAME.stdout`, optional `NAME.stderr`, where
//! `{DIR}` stands for the programs' directory). The expected files were
//! produced by CPython 3.11 (`python3 NAME.py` in that directory);
//! `expected_files_match_cpython` re-checks that when `python3` exists.
//! Every program runs twice: with the default collector and with
//! `PYVM_GC_STRESS=1` (a moving collection at every allocation, with heap
//! verification; a program importing much of the stdlib may set a sparser
//! interval with `# gc-stress-interval: N`), and must give the same output
//! both times. `RUN_PROGRAMS_FILTER=text` runs only the programs whose
//! file name contains `text` (for working on one area; CI runs them all).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn programs_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/run_programs")
}

fn programs() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(programs_dir())
        .expect("programs directory")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    v.sort();
    assert!(v.len() >= 5, "the program corpus is missing");
    if let Ok(text) = std::env::var("RUN_PROGRAMS_FILTER") {
        v.retain(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().contains(&text))
        });
        assert!(
            !v.is_empty(),
            "RUN_PROGRAMS_FILTER={text} matches no program"
        );
    }
    v
}

fn expected(py: &Path, ext: &str) -> String {
    let dir = programs_dir();
    // Lossy, like the program's output it is compared with: a program may
    // write bytes that are not UTF-8 (a re-encoded sys.stdout).
    let bytes = std::fs::read(py.with_extension(ext)).unwrap_or_default();
    String::from_utf8_lossy(&bytes).replace("{DIR}", &dir.to_string_lossy())
}

fn run(cmd: &str, py: &Path, stress: Option<&str>) -> Output {
    let mut c = Command::new(cmd);
    c.arg(py.file_name().expect("name"))
        .current_dir(programs_dir());
    c.env_remove("PYVM_GC_STRESS");
    if let Some(s) = stress {
        c.env("PYVM_GC_STRESS", s);
    }
    c.output().expect("run program")
}

/// A program that imports much of the standard library may ask for a
/// sparser stress interval in its first lines (`# gc-stress-interval: N`):
/// a moving collection every allocation would take many minutes there.
fn stress_interval(py: &Path, stress: Option<&str>) -> Option<String> {
    let stress = stress?;
    let text = std::fs::read_to_string(py).unwrap_or_default();
    let own = text
        .lines()
        .take(5)
        .find_map(|l| l.strip_prefix("# gc-stress-interval: "))
        .map(|n| n.trim().to_string());
    Some(own.unwrap_or_else(|| stress.to_string()))
}

fn check_all(stress: Option<&str>) {
    let mut failures = Vec::new();
    for py in programs() {
        let interval = stress_interval(&py, stress);
        let out = run(env!("CARGO_BIN_EXE_pyvm"), &py, interval.as_deref());
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        let want_err = expected(&py, "stderr");
        let want_code = if want_err.is_empty() { 0 } else { 1 };
        if stdout != expected(&py, "stdout")
            || stderr != want_err
            || out.status.code() != Some(want_code)
        {
            failures.push(format!(
                "{}: status {:?}\n--- stdout ---\n{stdout}\n--- stderr ---\n{stderr}",
                py.display(),
                out.status.code()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn programs_match_expected_output() {
    check_all(None);
}

#[test]
fn programs_match_expected_output_under_gc_stress() {
    check_all(Some("1"));
}

#[test]
fn expected_files_match_cpython() {
    if Command::new("python3")
        .arg("-c")
        .arg("pass")
        .output()
        .is_err()
    {
        eprintln!("skipped: python3 (the oracle) is not installed");
        return;
    }
    for py in programs() {
        let out = run("python3", &py, None);
        assert_eq!(
            String::from_utf8_lossy(&out.stdout),
            expected(&py, "stdout"),
            "{}",
            py.display()
        );
    }
}
