//! Judging one run of a case against its expectation.

use crate::exec::{Ending, Execution};
use crate::expect::{Expectation, last_stderr_line};

/// What one run of a case showed, before expected-failure lists apply.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Same exit status, last stderr line and stdout as CPython.
    Pass,
    /// The program ran to its end but observed something different.
    Fail(String),
    /// The interpreter itself broke: a signal, an abort, a Rust panic.
    Crash(String),
    /// It did not finish within the timeout.
    Timeout,
}

impl Verdict {
    /// `pass`, `fail`, `crash` or `timeout`.
    pub fn kind(&self) -> &'static str {
        match self {
            Verdict::Pass => "pass",
            Verdict::Fail(_) => "fail",
            Verdict::Crash(_) => "crash",
            Verdict::Timeout => "timeout",
        }
    }

    /// The explanation (empty for pass and timeout).
    pub fn detail(&self) -> &str {
        match self {
            Verdict::Fail(d) | Verdict::Crash(d) => d,
            Verdict::Pass | Verdict::Timeout => "",
        }
    }
}

/// Exit status of a process that called `abort()` as a shell reports it.
const ABORT_EXIT: i32 = 134;

/// Classifies a run. Crashes are recognised before output is compared: a
/// panic is a bug even when the output happens to be right.
pub fn classify_execution(expected: &Expectation, run: &Execution) -> Verdict {
    let code = match run.ending {
        Ending::TimedOut => return Verdict::Timeout,
        Ending::Signaled(sig) => return Verdict::Crash(format!("killed by signal {sig}")),
        Ending::Exited(code) => code,
    };
    let stderr = String::from_utf8_lossy(&run.stderr);
    if let Some(line) = stderr.lines().find(|l| l.contains("panicked at")) {
        return Verdict::Crash(format!("Rust panic: {}", line.trim()));
    }
    if let Some(line) = stderr.lines().find(|l| l.starts_with("Fatal Python error")) {
        return Verdict::Crash(line.trim().to_owned());
    }
    if code == ABORT_EXIT && expected.exit != ABORT_EXIT {
        return Verdict::Crash("aborted (exit status 134)".into());
    }
    let stderr_last = last_stderr_line(&run.stderr);
    if code != expected.exit {
        return Verdict::Fail(format!(
            "exit status {code}, expected {}; stderr: {stderr_last}",
            expected.exit
        ));
    }
    if run.stdout != expected.stdout {
        return Verdict::Fail(describe_stdout_difference(&expected.stdout, &run.stdout));
    }
    if stderr_last != expected.stderr_last {
        return Verdict::Fail(format!(
            "last stderr line {stderr_last:?}, expected {:?}",
            expected.stderr_last
        ));
    }
    Verdict::Pass
}

/// Names the first stdout line that differs, with both versions.
pub fn describe_stdout_difference(expected: &[u8], actual: &[u8]) -> String {
    let exp = String::from_utf8_lossy(expected);
    let act = String::from_utf8_lossy(actual);
    let mut exp_lines = exp.split_inclusive('\n');
    let mut act_lines = act.split_inclusive('\n');
    let mut line = 1;
    loop {
        match (exp_lines.next(), act_lines.next()) {
            (Some(e), Some(a)) if e == a => line += 1,
            (Some(e), Some(a)) => {
                return format!("stdout line {line}: got {a:?}, expected {e:?}");
            }
            (Some(e), None) => return format!("stdout ends before line {line} ({e:?})"),
            (None, Some(a)) => return format!("stdout has extra line {line} ({a:?})"),
            (None, None) => return "stdout differs".into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn expectation(exit: i32, stderr_last: &str, stdout: &str) -> Expectation {
        Expectation {
            exit,
            stderr_last: stderr_last.into(),
            stdout: stdout.into(),
        }
    }

    fn run(ending: Ending, stdout: &str, stderr: &str) -> Execution {
        Execution {
            ending,
            stdout: stdout.into(),
            stderr: stderr.into(),
            elapsed: Duration::ZERO,
        }
    }

    #[test]
    fn identical_output_passes_including_uncaught_exception() {
        let e = expectation(1, "ValueError: x", "a\n");
        let r = run(
            Ending::Exited(1),
            "a\n",
            "Traceback...\n  ...\nValueError: x\n",
        );
        assert_eq!(classify_execution(&e, &r), Verdict::Pass);
    }

    #[test]
    fn differences_are_failures_with_the_first_difference_named() {
        let e = expectation(0, "", "a\nb\nc\n");
        let v = classify_execution(&e, &run(Ending::Exited(0), "a\nB\nc\n", ""));
        assert_eq!(v.kind(), "fail");
        assert!(v.detail().contains("line 2"), "{}", v.detail());
        let v = classify_execution(&e, &run(Ending::Exited(0), "a\n", ""));
        assert!(v.detail().contains("ends before line 2"), "{}", v.detail());
        let v = classify_execution(&e, &run(Ending::Exited(1), "a\nb\nc\n", "E: x"));
        assert!(v.detail().contains("exit status 1, expected 0"));
        let e = expectation(1, "KeyError: 'a'", "");
        let v = classify_execution(&e, &run(Ending::Exited(1), "", "KeyError: 'b'\n"));
        assert!(v.detail().contains("KeyError: 'b'"));
    }

    #[test]
    fn signals_panics_and_aborts_are_crashes_even_with_right_output() {
        let e = expectation(0, "", "ok\n");
        let v = classify_execution(&e, &run(Ending::Signaled(11), "ok\n", ""));
        assert_eq!(v, Verdict::Crash("killed by signal 11".into()));
        let panic = "thread 'main' panicked at src/interp.rs:10:5:\nindex out of bounds\n";
        let v = classify_execution(&e, &run(Ending::Exited(0), "ok\n", panic));
        assert_eq!(v.kind(), "crash");
        assert!(v.detail().contains("src/interp.rs"));
        let v = classify_execution(&e, &run(Ending::Exited(134), "ok\n", ""));
        assert_eq!(v.kind(), "crash");
        let v = classify_execution(&e, &run(Ending::TimedOut, "ok\n", ""));
        assert_eq!(v, Verdict::Timeout);
    }
}
