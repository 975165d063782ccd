//! Running the corpus under one interpreter, in parallel.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use crate::case::{Case, CaseId};
use crate::exec::{Invocation, run_invocation};
use crate::expect::Expectation;
use crate::mode::Mode;
use crate::verdict::{Verdict, classify_execution};
use crate::xfail::XfailList;

/// How to run the corpus.
#[derive(Clone, Debug)]
pub struct RunConfig {
    /// The interpreter (an absolute path, see [`resolve_interpreter`]).
    pub python: PathBuf,
    /// Which configuration of it.
    pub mode: Mode,
    /// Cases run at the same time.
    pub jobs: usize,
    /// Per-case timeout.
    pub timeout: Duration,
    /// Cases expected to fail in this mode.
    pub xfail: XfailList,
}

/// The final standing of a case once expected failures are taken into account.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    /// Matched CPython.
    Pass,
    /// Ran to completion with different output.
    Fail,
    /// The interpreter crashed (signal, abort, Rust panic).
    Crash,
    /// Ran out of time.
    Timeout,
    /// Did not pass, and is listed as expected to fail.
    Xfail,
    /// Passed although listed as expected to fail: the list must shrink.
    Xpass,
}

impl Status {
    /// Every status, in report column order.
    pub const ALL: [Status; 6] = [
        Status::Pass,
        Status::Fail,
        Status::Crash,
        Status::Timeout,
        Status::Xfail,
        Status::Xpass,
    ];

    /// Lower-case name used in tables and JSON.
    pub fn name(self) -> &'static str {
        match self {
            Status::Pass => "pass",
            Status::Fail => "fail",
            Status::Crash => "crash",
            Status::Timeout => "timeout",
            Status::Xfail => "xfail",
            Status::Xpass => "xpass",
        }
    }

    /// True when this status makes the run fail.
    pub fn is_bad(self) -> bool {
        matches!(
            self,
            Status::Fail | Status::Crash | Status::Timeout | Status::Xpass
        )
    }
}

/// The result of one case.
#[derive(Clone, Debug)]
pub struct CaseResult {
    /// Which case.
    pub id: CaseId,
    /// What the run showed.
    pub verdict: Verdict,
    /// The reason from the expected-failure list, if listed.
    pub xfail_reason: Option<String>,
    /// Wall-clock time of the run.
    pub elapsed: Duration,
}

impl CaseResult {
    /// The verdict combined with the expected-failure list.
    pub fn status(&self) -> Status {
        match (&self.verdict, self.xfail_reason.is_some()) {
            (Verdict::Pass, true) => Status::Xpass,
            (_, true) => Status::Xfail,
            (Verdict::Pass, false) => Status::Pass,
            (Verdict::Fail(_), false) => Status::Fail,
            (Verdict::Crash(_), false) => Status::Crash,
            (Verdict::Timeout, false) => Status::Timeout,
        }
    }
}

/// All results of one corpus run.
#[derive(Clone, Debug)]
pub struct CorpusReport {
    /// The interpreter as the user named it.
    pub interpreter: String,
    /// Its `--version` line.
    pub version: String,
    /// The mode it ran in.
    pub mode: Mode,
    /// One result per case, sorted by case id.
    pub results: Vec<CaseResult>,
}

impl CorpusReport {
    /// True when no case failed, crashed, timed out or passed unexpectedly.
    pub fn is_success(&self) -> bool {
        !self.results.iter().any(|r| r.status().is_bad())
    }

    /// How many cases have this status.
    pub fn count(&self, status: Status) -> usize {
        self.results.iter().filter(|r| r.status() == status).count()
    }
}

/// The environment every case runs in: the runner's own, minus `PYTHON*`
/// variables, plus UTF-8 I/O and no bytecode files (`regen.py` uses the
/// same), plus the mode's variables.
pub fn case_env(mode: Mode) -> Vec<(String, String)> {
    let mut env: Vec<(String, String)> = std::env::vars()
        .filter(|(k, _)| !k.starts_with("PYTHON"))
        .filter(|(k, _)| !matches!(k.as_str(), "LC_ALL" | "LANG" | "PYVM_GC_STRESS"))
        .collect();
    for (k, v) in [
        ("PYTHONIOENCODING", "utf-8"),
        ("PYTHONDONTWRITEBYTECODE", "1"),
        ("LC_ALL", "C.UTF-8"),
        ("LANG", "C.UTF-8"),
    ] {
        env.push((k.into(), v.into()));
    }
    env.extend(mode.extra_env());
    env
}

/// Runs one case and judges it (without the expected-failure list).
pub fn run_case(case: &Case, config: &RunConfig) -> (Verdict, Duration) {
    let expected = match std::fs::read(&case.expected) {
        Ok(data) => match Expectation::parse(&data) {
            Ok(e) => e,
            Err(err) => {
                let msg = format!("bad expectation {}: {err}", case.expected.display());
                return (Verdict::Fail(msg), Duration::ZERO);
            }
        },
        Err(err) => {
            let msg = format!("no expectation {}: {err}", case.expected.display());
            return (Verdict::Fail(msg), Duration::ZERO);
        }
    };
    let mut args = config.mode.interpreter_args();
    args.push(case.script.to_string_lossy().into_owned());
    let inv = Invocation {
        program: config.python.clone(),
        args,
        workdir: case.workdir.clone(),
        env: case_env(config.mode),
        timeout: config.timeout,
    };
    match run_invocation(&inv) {
        Ok(run) => (classify_execution(&expected, &run), run.elapsed),
        Err(err) => (
            Verdict::Crash(format!("cannot start {}: {err}", config.python.display())),
            Duration::ZERO,
        ),
    }
}

/// Runs `cases` with `config.jobs` workers; results come back sorted by id.
pub fn run_corpus(cases: &[Case], config: &RunConfig, interpreter: &str) -> CorpusReport {
    let next = AtomicUsize::new(0);
    let results = Mutex::new(Vec::with_capacity(cases.len()));
    std::thread::scope(|scope| {
        for _ in 0..config.jobs.max(1) {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(case) = cases.get(i) else { break };
                    let (verdict, elapsed) = run_case(case, config);
                    let result = CaseResult {
                        id: case.id.clone(),
                        verdict,
                        xfail_reason: config.xfail.reason(&case.id).map(str::to_owned),
                        elapsed,
                    };
                    results
                        .lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .push(result);
                }
            });
        }
    });
    let mut results = results.into_inner().unwrap_or_else(|e| e.into_inner());
    results.sort_by(|a, b| a.id.cmp(&b.id));
    CorpusReport {
        interpreter: interpreter.to_owned(),
        version: interpreter_version(&config.python),
        mode: config.mode,
        results,
    }
}

/// Finds the executable for `name`: a path with a `/` is taken relative to
/// the current directory; a bare name is looked up in `PATH`. When the
/// program is a Python that can report `sys.executable` (which sees through
/// wrapper scripts such as pyenv shims), that path is used.
pub fn resolve_interpreter(name: &str) -> Result<PathBuf, String> {
    let found = if name.contains('/') {
        let p = Path::new(name);
        std::fs::canonicalize(p).map_err(|e| format!("{name}: {e}"))?
    } else {
        let path = std::env::var_os("PATH").unwrap_or_default();
        std::env::split_paths(&path)
            .map(|dir| dir.join(name))
            .find(|p| p.is_file())
            .ok_or_else(|| format!("{name}: not found in PATH"))?
    };
    let probe = Invocation {
        program: found.clone(),
        args: vec!["-c".into(), "import sys; print(sys.executable)".into()],
        workdir: std::env::temp_dir(),
        env: case_env(Mode::Default),
        timeout: Duration::from_secs(20),
    };
    if let Ok(run) = run_invocation(&probe) {
        let text = String::from_utf8_lossy(&run.stdout);
        let exe = Path::new(text.trim());
        if run.ending == crate::exec::Ending::Exited(0) && exe.is_absolute() && exe.is_file() {
            return Ok(exe.to_path_buf());
        }
    }
    Ok(found)
}

/// The first line the interpreter prints for `--version` (or a note why not).
pub fn interpreter_version(python: &Path) -> String {
    let inv = Invocation {
        program: python.to_path_buf(),
        args: vec!["--version".into()],
        workdir: std::env::temp_dir(),
        env: case_env(Mode::Default),
        timeout: Duration::from_secs(20),
    };
    match run_invocation(&inv) {
        Ok(run) => {
            let mut out = run.stdout.clone();
            out.extend_from_slice(&run.stderr);
            String::from_utf8_lossy(&out)
                .lines()
                .next()
                .unwrap_or("")
                .trim()
                .to_owned()
        }
        Err(err) => format!("(cannot run: {err})"),
    }
}
