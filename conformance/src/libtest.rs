//! The Lib/test mode: CPython 3.11's own test modules run through `unittest`
//! under any interpreter, counted per module.
//!
//! The test package is taken from the oracle CPython (`import test`) and put
//! first on the interpreter's path through a directory holding only a `test`
//! symlink, so every interpreter runs the very same test files.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use crate::corpus::case_env;
use crate::exec::{Ending, Invocation, run_invocation};
use crate::mode::Mode;
use crate::report::render_table;

/// The counts `unittest` prints at the end of a run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TestCounts {
    /// Tests run (skipped ones included, as unittest counts them).
    pub run: u32,
    /// Assertion failures.
    pub failures: u32,
    /// Errors (exceptions other than assertion failures, import errors).
    pub errors: u32,
    /// Skipped tests.
    pub skipped: u32,
    /// Tests marked `expectedFailure` that failed.
    pub expected_failures: u32,
    /// Tests marked `expectedFailure` that passed.
    pub unexpected_successes: u32,
}

impl TestCounts {
    /// Tests that ran and passed (expected failures count as passing).
    pub fn passed(&self) -> u32 {
        self.run
            .saturating_sub(self.failures + self.errors + self.skipped + self.unexpected_successes)
    }
}

/// How one module's run ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ModuleOutcome {
    /// unittest printed its summary.
    Counted(TestCounts),
    /// It did not finish in time.
    Timeout,
    /// The interpreter died (signal or panic) before the summary.
    Crash(String),
    /// It exited without a unittest summary; the last stderr line says why.
    NoSummary(String),
}

/// One module's result.
#[derive(Clone, Debug)]
pub struct ModuleResult {
    /// The module, e.g. `test_grammar`.
    pub module: String,
    /// Its outcome.
    pub outcome: ModuleOutcome,
}

/// Reads `Ran N tests` and the `OK`/`FAILED (...)` line from unittest's stderr.
pub fn parse_unittest_summary(stderr: &str) -> Option<TestCounts> {
    let mut counts = TestCounts::default();
    let mut ran = None;
    for line in stderr.lines() {
        if let Some(n) = line
            .strip_prefix("Ran ")
            .and_then(|rest| rest.split_whitespace().next())
            .and_then(|n| n.parse().ok())
        {
            ran = Some(n);
        }
    }
    counts.run = ran?;
    let verdict = stderr
        .lines()
        .rev()
        .find(|l| l.starts_with("OK") || l.starts_with("FAILED"))?;
    if let (Some(open), Some(close)) = (verdict.find('('), verdict.rfind(')')) {
        for item in verdict[open + 1..close].split(',') {
            let Some((key, value)) = item.split_once('=') else {
                continue;
            };
            let value: u32 = value.trim().parse().ok()?;
            match key.trim() {
                "failures" => counts.failures = value,
                "errors" => counts.errors = value,
                "skipped" => counts.skipped = value,
                "expected failures" => counts.expected_failures = value,
                "unexpected successes" => counts.unexpected_successes = value,
                _ => {}
            }
        }
    }
    Some(counts)
}

/// The directory of the oracle's `test` package (CPython's Lib/test).
pub fn find_test_package(cpython: &Path) -> Result<PathBuf, String> {
    let inv = Invocation {
        program: cpython.to_path_buf(),
        args: vec![
            "-c".into(),
            "import os, test.support; print(os.path.dirname(test.__file__))".into(),
        ],
        workdir: std::env::temp_dir(),
        env: case_env(Mode::Default),
        timeout: Duration::from_secs(60),
    };
    let run = run_invocation(&inv).map_err(|e| format!("{}: {e}", cpython.display()))?;
    let dir = PathBuf::from(String::from_utf8_lossy(&run.stdout).trim());
    if run.ending != Ending::Exited(0) || !dir.join("support").is_dir() {
        return Err(format!(
            "{} has no Lib/test package (install it, e.g. Debian's libpython3.11-testsuite)",
            cpython.display()
        ));
    }
    Ok(dir)
}

/// Settings of a Lib/test run.
#[derive(Clone, Debug)]
pub struct LibtestConfig {
    /// CPython's `Lib/test` directory.
    pub test_package: PathBuf,
    /// A scratch directory for the runs (created if missing).
    pub scratch: PathBuf,
    /// Modules run at the same time.
    pub jobs: usize,
    /// Per-module timeout.
    pub timeout: Duration,
    /// The interpreter's mode.
    pub mode: Mode,
}

/// Runs each module under `python`, in parallel; results in `modules` order.
pub fn run_libtest(
    python: &Path,
    modules: &[String],
    config: &LibtestConfig,
) -> std::io::Result<Vec<ModuleResult>> {
    let path_root = config.scratch.join("path");
    std::fs::create_dir_all(&path_root)?;
    let link = path_root.join("test");
    if std::fs::symlink_metadata(&link).is_err() {
        std::os::unix::fs::symlink(&config.test_package, &link)?;
    }
    let next = AtomicUsize::new(0);
    let results = Mutex::new(vec![None; modules.len()]);
    std::thread::scope(|scope| {
        for _ in 0..config.jobs.max(1) {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(module) = modules.get(i) else { break };
                    let outcome = run_module(python, module, &path_root, config);
                    results.lock().unwrap_or_else(|e| e.into_inner())[i] = Some(ModuleResult {
                        module: module.clone(),
                        outcome,
                    });
                }
            });
        }
    });
    Ok(results
        .into_inner()
        .unwrap_or_else(|e| e.into_inner())
        .into_iter()
        .flatten()
        .collect())
}

fn run_module(
    python: &Path,
    module: &str,
    path_root: &Path,
    config: &LibtestConfig,
) -> ModuleOutcome {
    let workdir = config
        .scratch
        .join(format!("run-{module}-{}", std::process::id()));
    if let Err(e) = std::fs::create_dir_all(&workdir) {
        return ModuleOutcome::NoSummary(format!("cannot create {}: {e}", workdir.display()));
    }
    let mut env = case_env(config.mode);
    env.push((
        "PYTHONPATH".into(),
        path_root.to_string_lossy().into_owned(),
    ));
    let mut args = config.mode.interpreter_args();
    args.extend(["-m".into(), "unittest".into(), format!("test.{module}")]);
    let inv = Invocation {
        program: python.to_path_buf(),
        args,
        workdir: workdir.clone(),
        env,
        timeout: config.timeout,
    };
    let outcome = match run_invocation(&inv) {
        Err(e) => ModuleOutcome::Crash(format!("cannot start: {e}")),
        Ok(run) => classify_module_run(&run.ending, &String::from_utf8_lossy(&run.stderr)),
    };
    let _ = std::fs::remove_dir_all(&workdir);
    outcome
}

/// Classifies a finished module run from how it ended and its stderr.
pub fn classify_module_run(ending: &Ending, stderr: &str) -> ModuleOutcome {
    if let Some(line) = stderr.lines().find(|l| l.contains("panicked at")) {
        return ModuleOutcome::Crash(line.trim().to_owned());
    }
    match ending {
        Ending::TimedOut => ModuleOutcome::Timeout,
        Ending::Signaled(sig) => ModuleOutcome::Crash(format!("killed by signal {sig}")),
        Ending::Exited(_) => match parse_unittest_summary(stderr) {
            Some(counts) => ModuleOutcome::Counted(counts),
            None => ModuleOutcome::NoSummary(crate::expect::last_stderr_line(stderr.as_bytes())),
        },
    }
}

fn outcome_cells(outcome: &ModuleOutcome) -> Vec<String> {
    match outcome {
        ModuleOutcome::Counted(c) => vec![
            "ran".into(),
            c.run.to_string(),
            c.passed().to_string(),
            c.failures.to_string(),
            c.errors.to_string(),
            c.skipped.to_string(),
        ],
        ModuleOutcome::Timeout => vec![
            "timeout".into(),
            "-".into(),
            "-".into(),
            "-".into(),
            "-".into(),
            "-".into(),
        ],
        ModuleOutcome::Crash(_) => vec![
            "crash".into(),
            "-".into(),
            "-".into(),
            "-".into(),
            "-".into(),
            "-".into(),
        ],
        ModuleOutcome::NoSummary(_) => vec![
            "no summary".into(),
            "-".into(),
            "-".into(),
            "-".into(),
            "-".into(),
            "-".into(),
        ],
    }
}

/// Why a module produced no counts (empty when it did), shortened for a table cell.
fn outcome_note(outcome: &ModuleOutcome) -> String {
    let text = match outcome {
        ModuleOutcome::Counted(_) | ModuleOutcome::Timeout => return String::new(),
        ModuleOutcome::Crash(why) | ModuleOutcome::NoSummary(why) => why,
    };
    let short: String = text.chars().take(70).collect();
    short.replace('|', "/")
}

/// The per-module table of one interpreter, next to CPython's counts.
pub fn render_libtest_table(results: &[ModuleResult], cpython: &[ModuleResult]) -> String {
    let header: Vec<String> = [
        "module",
        "status",
        "run",
        "passed",
        "failed",
        "errors",
        "skipped",
        "CPython run",
        "CPython passed",
        "note",
    ]
    .map(String::from)
    .to_vec();
    let rows: Vec<Vec<String>> = results
        .iter()
        .map(|r| {
            let mut row = vec![r.module.clone()];
            row.extend(outcome_cells(&r.outcome));
            let oracle = cpython.iter().find(|c| c.module == r.module);
            match oracle.map(|c| &c.outcome) {
                Some(ModuleOutcome::Counted(c)) => {
                    row.push(c.run.to_string());
                    row.push(c.passed().to_string());
                }
                _ => row.extend(["-".to_owned(), "-".to_owned()]),
            }
            row.push(outcome_note(&r.outcome));
            row
        })
        .collect();
    render_table(&header, &rows)
}

/// JSON for Lib/test runs: per interpreter, one line per module with its
/// counts (or its failure), so runs can be diffed.
pub fn render_libtest_json(names: &[String], runs: &[Vec<ModuleResult>]) -> String {
    use crate::report::json_string;
    let mut blocks = Vec::new();
    for (name, run) in names.iter().zip(runs) {
        let lines: Vec<String> = run
            .iter()
            .map(|m| {
                let body = match &m.outcome {
                    ModuleOutcome::Counted(c) => format!(
                        "\"status\": \"ran\", \"run\": {}, \"passed\": {}, \"failed\": {}, \"errors\": {}, \"skipped\": {}",
                        c.run,
                        c.passed(),
                        c.failures,
                        c.errors,
                        c.skipped
                    ),
                    ModuleOutcome::Timeout => "\"status\": \"timeout\"".to_owned(),
                    ModuleOutcome::Crash(why) => {
                        format!("\"status\": \"crash\", \"detail\": {}", json_string(why))
                    }
                    ModuleOutcome::NoSummary(why) => {
                        format!("\"status\": \"no summary\", \"detail\": {}", json_string(why))
                    }
                };
                format!("    {}: {{{body}}}", json_string(&m.module))
            })
            .collect();
        blocks.push(format!(
            "  {}: {{\n{}\n  }}",
            json_string(name),
            lines.join(",\n")
        ));
    }
    format!("{{\n{}\n}}\n", blocks.join(",\n"))
}

/// `passed/run` per module for several interpreters side by side.
pub fn render_libtest_comparison(names: &[String], runs: &[Vec<ModuleResult>]) -> String {
    let mut header = vec!["module".to_owned()];
    header.extend(names.iter().map(|n| format!("{n} passed/run")));
    let modules: Vec<&str> = runs
        .first()
        .map(|r| r.iter().map(|m| m.module.as_str()).collect())
        .unwrap_or_default();
    let rows = modules
        .iter()
        .map(|module| {
            let mut row = vec![(*module).to_owned()];
            for run in runs {
                let cell = match run.iter().find(|m| m.module == *module).map(|m| &m.outcome) {
                    Some(ModuleOutcome::Counted(c)) => format!("{}/{}", c.passed(), c.run),
                    Some(ModuleOutcome::Timeout) => "timeout".into(),
                    Some(ModuleOutcome::Crash(_)) => "crash".into(),
                    Some(ModuleOutcome::NoSummary(_)) | None => "no summary".into(),
                };
                row.push(cell);
            }
            row
        })
        .collect::<Vec<_>>();
    render_table(&header, &rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_ok_and_failed_summaries() {
        let ok = "....s.\n------\nRan 6 tests in 0.01s\n\nOK (skipped=1)\n";
        let c = parse_unittest_summary(ok).unwrap();
        assert_eq!((c.run, c.skipped, c.passed()), (6, 1, 5));
        let failed = "Ran 1 test in 0.000s\n\nFAILED (failures=2, errors=1, skipped=3, expected failures=1, unexpected successes=1)\n";
        let c = parse_unittest_summary(failed).unwrap();
        assert_eq!(
            c,
            TestCounts {
                run: 1,
                failures: 2,
                errors: 1,
                skipped: 3,
                expected_failures: 1,
                unexpected_successes: 1
            }
        );
        assert_eq!(c.passed(), 0);
        assert_eq!(
            parse_unittest_summary("Ran 3 tests in 1s\n\nOK\n")
                .unwrap()
                .passed(),
            3
        );
        assert!(parse_unittest_summary("Traceback...\nImportError: x\n").is_none());
    }

    #[test]
    fn libtest_json_has_one_line_per_module() {
        let run = vec![
            ModuleResult {
                module: "test_a".into(),
                outcome: ModuleOutcome::Counted(TestCounts {
                    run: 3,
                    skipped: 1,
                    ..TestCounts::default()
                }),
            },
            ModuleResult {
                module: "test_b".into(),
                outcome: ModuleOutcome::NoSummary("SyntaxError: \"x\"".into()),
            },
        ];
        let json = render_libtest_json(&["pypy3".into()], &[run]);
        assert!(json.contains("\"test_a\": {\"status\": \"ran\", \"run\": 3, \"passed\": 2, \"failed\": 0, \"errors\": 0, \"skipped\": 1}"), "{json}");
        assert!(
            json.contains("\"detail\": \"SyntaxError: \\\"x\\\"\""),
            "{json}"
        );
        assert!(json.starts_with("{\n  \"pypy3\": {\n"));
    }

    #[test]
    fn module_runs_are_classified() {
        let stderr = "Ran 2 tests in 0s\n\nOK\n";
        assert!(matches!(
            classify_module_run(&Ending::Exited(0), stderr),
            ModuleOutcome::Counted(TestCounts { run: 2, .. })
        ));
        assert_eq!(
            classify_module_run(&Ending::TimedOut, ""),
            ModuleOutcome::Timeout
        );
        assert!(matches!(
            classify_module_run(&Ending::Signaled(6), ""),
            ModuleOutcome::Crash(_)
        ));
        assert_eq!(
            classify_module_run(&Ending::Exited(1), "boom\nSyntaxError: bad\n"),
            ModuleOutcome::NoSummary("SyntaxError: bad".into())
        );
    }
}
