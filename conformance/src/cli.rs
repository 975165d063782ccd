//! Command-line options of the `pyvm-conformance` binary.

use std::path::PathBuf;
use std::time::Duration;

use crate::case::{CaseId, Selection, bundled_cases_dir};
use crate::mode::Mode;

/// Which expected-failure list to apply.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum XfailChoice {
    /// `xfail/<mode>.txt` next to the corpus, when it exists.
    ForMode,
    /// No list: every non-pass is a failure.
    Nothing,
    /// This file.
    File(PathBuf),
}

/// Parsed command line.
#[derive(Clone, Debug)]
pub struct Options {
    /// The interpreter to test.
    pub python: Option<String>,
    /// Interpreters to compare side by side (instead of `python`).
    pub compare: Vec<String>,
    /// Mode of the interpreter.
    pub mode: Mode,
    /// Which cases.
    pub selection: Selection,
    /// Where to write the JSON report.
    pub json: Option<PathBuf>,
    /// Parallel jobs.
    pub jobs: usize,
    /// Per-case timeout.
    pub timeout: Duration,
    /// Expected failures.
    pub xfail: XfailChoice,
    /// The corpus directory.
    pub cases_dir: PathBuf,
    /// Lib/test modules to run instead of the corpus.
    pub libtest: Vec<String>,
    /// The CPython whose Lib/test is used and whose counts are shown.
    pub cpython: String,
    /// Per-module timeout in Lib/test mode.
    pub libtest_timeout: Duration,
    /// List every problem, not only the first 40.
    pub verbose: bool,
    /// How many of the slowest cases to list after the table (0: none).
    pub slowest: usize,
    /// A JSON report of an earlier run to list status changes against.
    pub baseline: Option<PathBuf>,
}

/// The usage text.
pub const USAGE: &str = "\
usage: pyvm-conformance --python PATH [options]
       pyvm-conformance --compare PATH,PATH,... [options]

  --python PATH         interpreter to run the corpus with (pyvm, python3, pypy3, ...)
  --compare A,B,...     run every interpreter and print pass counts side by side
  --mode MODE           default | jit-off | jit-eager | gc-stress   [default]
  --area A[,B]          only these areas (repeatable)
  --case AREA/NAME      only this case (repeatable)
  --json OUT            write the results as JSON (one case per line; diffable)
  --jobs N              parallel processes [available cores]
  --timeout SECS        per-case timeout [30; 120 in gc-stress mode]
  --xfail FILE|none     expected-failure list [xfail/<mode>.txt if present]
  --cases DIR           corpus directory [the crate's cases/]
  --libtest M1,M2,...   run these CPython Lib/test modules instead of the corpus
  --cpython PATH        CPython 3.11 providing Lib/test and reference counts [python3]
  --libtest-timeout S   per-module timeout in Lib/test mode [600]
  --verbose             list every failing case
  --slowest N           list the N slowest cases with their wall-clock times
  --baseline OLD.json   list the cases whose status changed since that --json report
";

fn split_list(value: &str) -> impl Iterator<Item = String> + '_ {
    value
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
}

fn parse_secs(value: &str) -> Result<Duration, String> {
    let secs: f64 = value
        .parse()
        .map_err(|_| format!("bad number of seconds {value:?}"))?;
    if !(secs > 0.0 && secs.is_finite()) {
        return Err(format!("timeout must be positive, got {value}"));
    }
    Ok(Duration::from_secs_f64(secs))
}

/// Parses the arguments after the program name.
pub fn parse_args(args: &[String]) -> Result<Options, String> {
    let mut o = Options {
        python: None,
        compare: vec![],
        mode: Mode::Default,
        selection: Selection::default(),
        json: None,
        jobs: std::thread::available_parallelism().map_or(2, |n| n.get()),
        timeout: Duration::from_secs(30),
        xfail: XfailChoice::ForMode,
        cases_dir: bundled_cases_dir(),
        libtest: vec![],
        cpython: "python3".into(),
        libtest_timeout: Duration::from_secs(600),
        verbose: false,
        slowest: 0,
        baseline: None,
    };
    let mut timeout_given = false;
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        if flag == "--verbose" {
            o.verbose = true;
            continue;
        }
        if flag == "-h" || flag == "--help" {
            return Err(String::new());
        }
        let (flag, inline) = match flag.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f, Some(v.to_owned())),
            _ => (flag.as_str(), None),
        };
        let value = match inline {
            Some(v) => v,
            None => it
                .next()
                .cloned()
                .ok_or_else(|| format!("{flag} needs a value"))?,
        };
        match flag {
            "--python" => o.python = Some(value),
            "--compare" => o.compare.extend(split_list(&value)),
            "--mode" => o.mode = value.parse()?,
            "--area" => o.selection.areas.extend(split_list(&value)),
            "--case" => o.selection.cases.push(
                CaseId::parse(&value)
                    .ok_or_else(|| format!("--case wants AREA/NAME, got {value:?}"))?,
            ),
            "--json" => o.json = Some(value.into()),
            "--jobs" => {
                o.jobs = value
                    .parse()
                    .ok()
                    .filter(|&n| n > 0)
                    .ok_or_else(|| format!("bad --jobs {value:?}"))?;
            }
            "--timeout" => {
                o.timeout = parse_secs(&value)?;
                timeout_given = true;
            }
            "--xfail" => {
                o.xfail = if value == "none" {
                    XfailChoice::Nothing
                } else {
                    XfailChoice::File(value.into())
                }
            }
            "--cases" => o.cases_dir = value.into(),
            "--libtest" => o.libtest.extend(split_list(&value)),
            "--cpython" => o.cpython = value,
            "--libtest-timeout" => o.libtest_timeout = parse_secs(&value)?,
            "--baseline" => o.baseline = Some(value.into()),
            "--slowest" => {
                o.slowest = value
                    .parse()
                    .map_err(|_| format!("bad --slowest {value:?}"))?;
            }
            _ => return Err(format!("unknown option {flag}")),
        }
    }
    // Collecting at every allocation makes the slowest cases take several
    // times the normal budget.
    if !timeout_given && o.mode == Mode::GcStress {
        o.timeout = Duration::from_secs(120);
    }
    match (&o.python, o.compare.is_empty()) {
        (None, true) => Err("give --python PATH or --compare A,B,...".into()),
        (Some(_), false) => Err("--python and --compare exclude each other".into()),
        _ => Ok(o),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(s: &str) -> Vec<String> {
        s.split_whitespace().map(String::from).collect()
    }

    #[test]
    fn parses_the_documented_flags() {
        let o = parse_args(&args(
            "--python ./pyvm --mode gc-stress --area grammar,scope --area sorting \
             --case scope/x --json out.json --jobs 3 --timeout=2.5 --xfail none --verbose \
             --slowest 5",
        ))
        .unwrap();
        assert_eq!(o.python.as_deref(), Some("./pyvm"));
        assert_eq!(o.mode, Mode::GcStress);
        assert_eq!(o.selection.areas, ["grammar", "scope", "sorting"]);
        assert_eq!(o.selection.cases, [CaseId::new("scope", "x")]);
        assert_eq!(o.json, Some(PathBuf::from("out.json")));
        assert_eq!((o.jobs, o.timeout), (3, Duration::from_millis(2500)));
        assert_eq!(o.xfail, XfailChoice::Nothing);
        assert!(o.verbose);
        assert_eq!(o.slowest, 5);
    }

    #[test]
    fn compare_and_libtest_lists_split_on_commas() {
        let o = parse_args(&args(
            "--compare python3,pypy3 --libtest test_int,test_grammar",
        ))
        .unwrap();
        assert_eq!(o.compare, ["python3", "pypy3"]);
        assert_eq!(o.libtest, ["test_int", "test_grammar"]);
        assert_eq!(o.xfail, XfailChoice::ForMode);
    }

    #[test]
    fn rejects_bad_input_with_a_message() {
        for bad in [
            "",
            "--python",
            "--python a --compare b",
            "--python a --mode fast",
            "--python a --jobs 0",
            "--python a --timeout -1",
            "--python a --case grammar",
            "--python a --frobnicate 1",
        ] {
            let err = parse_args(&args(bad)).unwrap_err();
            assert!(!err.is_empty(), "{bad:?} gave no message");
        }
    }
}
