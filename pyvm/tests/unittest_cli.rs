//! `pyvm -m unittest` over the test folder `tests/unittest_project/`
//! (passing tests, failures with `assertEqual` diffs, errors, skips,
//! expected failures and unexpected successes, subtests, class and method
//! fixtures, `assertRaises` as a context manager...) prints what CPython
//! 3.11 prints and exits with its status.
//!
//! Each run is compared with `python3`'s run of the same command, after
//! one normalization: the time in `Ran N tests in X.XXXs`. Failure
//! tracebacks (formatted by `traceback.TracebackException` from frame
//! objects), diffs and summary lines are compared as they are. Nothing is
//! skipped silently: without
//! `python3` the test says so, and a pyvm that cannot import `unittest`
//! fails with the import error.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn tests_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests")
}

fn run(exe: &str, args: &[&str], cwd: &Path) -> Output {
    Command::new(exe)
        .args(args)
        .current_dir(cwd)
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .env_remove("PYVM_GC_STRESS")
        .output()
        .unwrap_or_else(|e| panic!("running {exe}: {e}"))
}

/// The output with the run time and the traceback stacks taken out.
fn normalize(text: &str) -> String {
    let mut out = Vec::new();
    for line in text.lines() {
        match line.find(" tests in ") {
            Some(i) if line.starts_with("Ran ") && line.ends_with('s') => {
                out.push(format!("{} tests in T", &line[..i]));
            }
            _ => out.push(line.to_string()),
        }
    }
    out.join("\n")
}

fn python3() -> Option<&'static str> {
    Command::new("python3")
        .arg("--version")
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|_| "python3")
}

/// Runs `args` under pyvm and python3 in `cwd` and compares.
fn compare(args: &[&str], cwd: &Path) {
    let Some(py) = python3() else {
        eprintln!("skipped: python3 (the oracle) is not installed");
        return;
    };
    let mine = run(env!("CARGO_BIN_EXE_pyvm"), args, cwd);
    let theirs = run(py, args, cwd);
    let (m_out, m_err) = (
        String::from_utf8_lossy(&mine.stdout),
        String::from_utf8_lossy(&mine.stderr),
    );
    let t_err = String::from_utf8_lossy(&theirs.stderr);
    if m_err.contains("No module named") && !t_err.contains("No module named") {
        panic!("pyvm {args:?} could not import what unittest needs:\n{m_err}");
    }
    let t_out = String::from_utf8_lossy(&theirs.stdout);
    assert_eq!(
        normalize(&m_err),
        normalize(&t_err),
        "stderr of pyvm {args:?} differs from python3's"
    );
    assert_eq!(
        normalize(&m_out),
        normalize(&t_out),
        "stdout of pyvm {args:?} differs from python3's"
    );
    assert_eq!(
        mine.status.code(),
        theirs.status.code(),
        "exit status of pyvm {args:?}"
    );
}

#[test]
fn discover_prints_cpythons_report() {
    compare(
        &["-m", "unittest", "discover", "-s", "unittest_project"],
        &tests_dir(),
    );
}

#[test]
fn verbose_discover_names_every_test() {
    compare(
        &["-m", "unittest", "discover", "-v", "-s", "unittest_project"],
        &tests_dir(),
    );
}

#[test]
fn passing_module_exits_zero() {
    let dir = tests_dir().join("unittest_project");
    compare(&["-m", "unittest", "test_arith"], &dir);
    let out = run(
        env!("CARGO_BIN_EXE_pyvm"),
        &["-m", "unittest", "test_arith"],
        &dir,
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("OK (skipped=2, expected failures=1)"),
        "summary line: {err}"
    );
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn failing_module_exits_one() {
    let dir = tests_dir().join("unittest_project");
    compare(&["-m", "unittest", "test_failures"], &dir);
    let out = run(
        env!("CARGO_BIN_EXE_pyvm"),
        &["-m", "unittest", "test_failures"],
        &dir,
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("FAILED (failures=2, errors=1, unexpected successes=1)"),
        "summary line: {err}"
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn normalize_takes_out_the_time() {
    let text = "Traceback (most recent call last):\n  File \"x.py\", line 1, in f\nKeyError: 1\n\nRan 3 tests in 0.012s\n";
    assert_eq!(
        normalize(text),
        "Traceback (most recent call last):\n  File \"x.py\", line 1, in f\nKeyError: 1\n\nRan 3 tests in T"
    );
}
