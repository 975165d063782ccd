//! A conformance suite for Python implementations: small deterministic
//! programs with the output CPython 3.11 gives for them, and a runner that
//! runs them under any interpreter (pyvm, CPython, PyPy) and says, per area,
//! what matches, what differs, and what crashes.
//!
//! ```
//! use pyvm_conformance::{
//!     CaseId, Mode, RunConfig, Selection, XfailList, bundled_cases_dir, discover_cases,
//!     render_area_table, resolve_interpreter, run_corpus,
//! };
//! use std::time::Duration;
//!
//! // One case of the bundled corpus, run under CPython when it is installed.
//! let selection = Selection {
//!     areas: vec![],
//!     cases: vec![CaseId::new("sorting", "stability_and_keys")],
//! };
//! let cases = discover_cases(&bundled_cases_dir(), &selection).unwrap();
//! assert_eq!(cases.len(), 1);
//! if let Ok(python) = resolve_interpreter("python3") {
//!     let config = RunConfig {
//!         python,
//!         mode: Mode::Default,
//!         jobs: 1,
//!         timeout: Duration::from_secs(60),
//!         xfail: XfailList::new(),
//!     };
//!     let report = run_corpus(&cases, &config, "python3");
//!     assert!(report.is_success(), "{}", render_area_table(&report));
//! }
//! ```
//!
//! The pieces, in pipeline order: [`discover_cases`] lists the corpus,
//! [`Expectation`] reads CPython's recorded output, [`run_invocation`] runs a
//! process with a deadline, [`classify_execution`] turns a run into a
//! [`Verdict`], [`XfailList`] marks expected failures, [`run_corpus`] does it
//! all in parallel, and `report` renders tables and JSON. [`run_libtest`]
//! runs CPython's own Lib/test modules instead.

mod case;
pub mod cli;
mod corpus;
mod exec;
mod expect;
mod libtest;
mod mode;
pub mod report;
mod verdict;
mod xfail;

#[cfg(test)]
mod testutil;

pub use case::{Case, CaseId, Selection, bundled_cases_dir, discover_cases};
pub use corpus::{
    CaseResult, CorpusReport, RunConfig, Status, case_env, interpreter_version,
    resolve_interpreter, run_case, run_corpus,
};
pub use exec::{Ending, Execution, Invocation, OUTPUT_CAP, run_invocation};
pub use expect::{Expectation, ParseError, last_stderr_line};
pub use libtest::{
    LibtestConfig, ModuleOutcome, ModuleResult, TestCounts, classify_module_run, find_test_package,
    parse_unittest_summary, render_libtest_comparison, render_libtest_json, render_libtest_table,
    run_libtest,
};
pub use mode::{GC_STRESS_PERIOD, Mode};
pub use report::{
    read_case_statuses, render_area_table, render_changes, render_comparison, render_json,
    render_problems, render_slowest,
};
pub use verdict::{Verdict, classify_execution, describe_stdout_difference};
pub use xfail::XfailList;
