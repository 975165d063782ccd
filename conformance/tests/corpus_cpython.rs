//! The bundled corpus against the installed CPython 3.11: every case must
//! pass, which proves the committed expectations are current and the cases
//! deterministic. Also the Lib/test mode on one small module.

use std::process::Command;

const RUNNER: &str = env!("CARGO_BIN_EXE_pyvm-conformance");

/// `Some(reason)` when no CPython 3.11 is available to act as the oracle.
fn cpython_missing() -> Option<String> {
    let out = Command::new("python3")
        .args([
            "-c",
            "import sys; print(sys.implementation.name, sys.version_info[:2] == (3, 11))",
        ])
        .output();
    match out {
        Ok(o) if String::from_utf8_lossy(&o.stdout).trim() == "cpython True" => None,
        Ok(o) => Some(format!(
            "python3 is not CPython 3.11: {}",
            String::from_utf8_lossy(&o.stdout)
        )),
        Err(e) => Some(format!("no python3: {e}")),
    }
}

#[test]
fn every_case_passes_under_cpython_311() {
    if let Some(reason) = cpython_missing() {
        eprintln!("skipped: {reason}");
        return;
    }
    let out = Command::new(RUNNER)
        .args(["--python", "python3", "--xfail", "none", "--verbose"])
        .output()
        .unwrap();
    let table = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{table}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let total = table
        .lines()
        .find(|l| l.starts_with("| **total**"))
        .unwrap();
    let cells: Vec<&str> = total
        .split('|')
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect();
    assert_eq!(cells[1], cells[2], "every case passes: {total}");
    let cases: usize = cells[1].parse().unwrap();
    assert!(cases >= 100, "the corpus has shrunk to {cases} cases");
}

#[test]
fn libtest_mode_counts_a_cpython_test_module() {
    if let Some(reason) = cpython_missing() {
        eprintln!("skipped: {reason}");
        return;
    }
    let out = Command::new(RUNNER)
        .args(["--python", "python3", "--libtest", "test_bool"])
        .output()
        .unwrap();
    let table = String::from_utf8_lossy(&out.stdout);
    let err = String::from_utf8_lossy(&out.stderr);
    if err.contains("has no Lib/test package") {
        eprintln!("skipped: {err}");
        return;
    }
    assert!(out.status.success(), "{table}\n{err}");
    let row = table
        .lines()
        .find(|l| l.starts_with("| test_bool"))
        .expect(&table);
    let cells: Vec<&str> = row
        .split('|')
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect();
    // module, status, run, passed, failed, errors, skipped, CPython run, CPython passed
    assert_eq!(cells[1], "ran", "{table}");
    let run: u32 = cells[2].parse().unwrap();
    assert!(run > 10, "{table}");
    assert_eq!(cells[2], cells[7], "same interpreter, same count: {table}");
    assert_eq!(cells[3], cells[8], "{table}");
    assert_eq!((cells[4], cells[5]), ("0", "0"), "{table}");
}

#[test]
fn regen_script_agrees_with_committed_expectations() {
    if let Some(reason) = cpython_missing() {
        eprintln!("skipped: {reason}");
        return;
    }
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/regen.py");
    let out = Command::new("python3")
        .args([script, "--check", "--area", "sorting,scope", "--quiet"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{text}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(text.contains(" same"), "{text}");
    // Anything but CPython 3.11 is refused, so expectations always come from it.
    if Command::new("pypy3").arg("--version").output().is_ok() {
        let refused = Command::new("pypy3").arg(script).output().unwrap();
        assert_eq!(refused.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&refused.stderr).contains("must run under CPython 3.11"));
    }
}
