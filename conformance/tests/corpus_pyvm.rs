//! The bundled corpus against pyvm, in the default and the GC-stress mode,
//! with the strict expected-failure lists of `xfail/`.
//!
//! The pyvm binary is the one built next to this test (`target/<profile>/pyvm`,
//! present after `cargo test --workspace` or `cargo build -p pyvm`), or the
//! one named by `PYVM`. Until pyvm can run a program the test says so and
//! checks nothing more; from the first pyvm that prints `42` for
//! `print(6 * 7)`, every case must pass or be listed in `xfail/<mode>.txt`.

use std::path::PathBuf;
use std::process::Command;

const RUNNER: &str = env!("CARGO_BIN_EXE_pyvm-conformance");

fn find_pyvm() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("PYVM") {
        return Some(PathBuf::from(p));
    }
    // This test runs from target/<profile>/deps/; pyvm lives in target/<profile>/.
    let exe = std::env::current_exe().ok()?;
    let candidate = exe.parent()?.parent()?.join("pyvm");
    candidate.is_file().then_some(candidate)
}

/// `Err(reason)` unless pyvm runs a one-line program correctly.
fn check_pyvm_runs_programs(pyvm: &PathBuf) -> Result<(), String> {
    let dir = std::env::temp_dir().join(format!("pyvm-probe-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let script = dir.join("probe.py");
    std::fs::write(&script, "print(6 * 7)\n").map_err(|e| e.to_string())?;
    let out = Command::new(pyvm).arg(&script).output();
    let _ = std::fs::remove_dir_all(&dir);
    let out = out.map_err(|e| format!("cannot run {}: {e}", pyvm.display()))?;
    if out.status.success() && out.stdout == b"42\n" {
        Ok(())
    } else {
        Err(format!(
            "{} cannot run programs yet (exit {:?}: {})",
            pyvm.display(),
            out.status.code(),
            String::from_utf8_lossy(&out.stderr).trim()
        ))
    }
}

#[test]
fn every_case_passes_under_pyvm_in_default_and_gc_stress_modes() {
    let Some(pyvm) = find_pyvm() else {
        eprintln!("skipped: no pyvm binary next to this test and no PYVM variable");
        return;
    };
    if let Err(reason) = check_pyvm_runs_programs(&pyvm) {
        eprintln!("skipped: {reason}");
        return;
    }
    for mode in ["default", "gc-stress"] {
        let out = Command::new(RUNNER)
            .arg("--python")
            .arg(&pyvm)
            .args(["--mode", mode])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "pyvm in mode {mode} (list expected failures in conformance/xfail/{mode}.txt):\n{}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
}
