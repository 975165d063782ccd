//! `pyvm-conformance`: runs the conformance corpus (or CPython's Lib/test
//! modules) under one or several Python interpreters. See `--help`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use pyvm_conformance::cli::{Options, USAGE, XfailChoice, parse_args};
use pyvm_conformance::{
    CorpusReport, LibtestConfig, RunConfig, Selection, XfailList, discover_cases,
    find_test_package, read_case_statuses, render_area_table, render_changes, render_comparison,
    render_json, render_libtest_comparison, render_libtest_json, render_libtest_table,
    render_problems, render_slowest, resolve_interpreter, run_corpus, run_libtest,
};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let options = match parse_args(&args) {
        Ok(o) => o,
        Err(msg) if msg.is_empty() => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(msg) => {
            eprintln!("pyvm-conformance: {msg}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let result = if options.libtest.is_empty() {
        run_corpus_command(&options)
    } else {
        run_libtest_command(&options)
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(msg) => {
            eprintln!("pyvm-conformance: {msg}");
            ExitCode::from(2)
        }
    }
}

fn interpreters(options: &Options) -> Vec<String> {
    match &options.python {
        Some(p) => vec![p.clone()],
        None => options.compare.clone(),
    }
}

fn load_xfail(options: &Options) -> Result<XfailList, String> {
    let path = match &options.xfail {
        XfailChoice::Nothing => return Ok(XfailList::new()),
        XfailChoice::File(p) => p.clone(),
        XfailChoice::ForMode => {
            let p = xfail_dir(&options.cases_dir).join(format!("{}.txt", options.mode));
            if !p.exists() {
                return Ok(XfailList::new());
            }
            p
        }
    };
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let list = XfailList::parse(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    // A stale entry would silently outlive its case: refuse it.
    let all = discover_cases(&options.cases_dir, &Selection::default())
        .map_err(|e| format!("{}: {e}", options.cases_dir.display()))?;
    for id in list.cases() {
        if !all.iter().any(|c| &c.id == id) {
            return Err(format!("{}: no case {id}; remove the line", path.display()));
        }
    }
    Ok(list)
}

fn xfail_dir(cases_dir: &Path) -> PathBuf {
    cases_dir.parent().unwrap_or(cases_dir).join("xfail")
}

fn run_corpus_command(options: &Options) -> Result<bool, String> {
    let cases = discover_cases(&options.cases_dir, &options.selection)
        .map_err(|e| format!("{}: {e}", options.cases_dir.display()))?;
    if cases.is_empty() {
        return Err("no cases selected".into());
    }
    let comparing = options.python.is_none();
    let xfail = if comparing {
        XfailList::new()
    } else {
        load_xfail(options)?
    };
    let mut reports: Vec<CorpusReport> = Vec::new();
    for name in interpreters(options) {
        let python = resolve_interpreter(&name)?;
        let config = RunConfig {
            python,
            mode: options.mode,
            jobs: options.jobs,
            timeout: options.timeout,
            xfail: xfail.clone(),
        };
        let started = std::time::Instant::now();
        let report = run_corpus(&cases, &config, &name);
        eprintln!(
            "{name} ({}), mode {}: {} cases in {:.1}s",
            report.version,
            options.mode,
            cases.len(),
            started.elapsed().as_secs_f64()
        );
        reports.push(report);
    }
    if let Some(path) = &options.json {
        let text: Vec<String> = reports.iter().map(render_json).collect();
        let body = if text.len() == 1 {
            text[0].clone()
        } else {
            format!("[\n{}]\n", text.join(",\n"))
        };
        std::fs::write(path, body).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    if comparing {
        print!("{}", render_comparison(&reports));
        return Ok(true);
    }
    let report = &reports[0];
    print!("{}", render_area_table(report));
    let limit = if options.verbose { usize::MAX } else { 40 };
    if let Some(path) = &options.baseline {
        let old = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let changes = render_changes(&read_case_statuses(&old), report);
        println!();
        if changes.is_empty() {
            println!("no status changed since {}", path.display());
        } else {
            println!("changed since {}:", path.display());
            print!("{changes}");
        }
    }
    if options.slowest > 0 {
        println!();
        print!("{}", render_slowest(report, options.slowest));
    }
    let problems = render_problems(report, limit);
    if !problems.is_empty() {
        println!();
        print!("{problems}");
    }
    Ok(report.is_success())
}

fn run_libtest_command(options: &Options) -> Result<bool, String> {
    let cpython = resolve_interpreter(&options.cpython)?;
    let config = LibtestConfig {
        test_package: find_test_package(&cpython)?,
        scratch: std::env::temp_dir().join(format!("pyvm-libtest-{}", std::process::id())),
        jobs: options.jobs,
        timeout: options.libtest_timeout,
        mode: options.mode,
    };
    let run = |python: &Path| {
        run_libtest(python, &options.libtest, &config).map_err(|e| format!("Lib/test: {e}"))
    };
    let outcome = (|| {
        let oracle = run(&cpython)?;
        let names = interpreters(options);
        let mut runs = Vec::new();
        for name in &names {
            runs.push(run(&resolve_interpreter(name)?)?);
        }
        if let Some(path) = &options.json {
            let mut all_names = vec![format!("{} (oracle)", options.cpython)];
            all_names.extend(names.iter().cloned());
            let mut all_runs = vec![oracle.clone()];
            all_runs.extend(runs.iter().cloned());
            std::fs::write(path, render_libtest_json(&all_names, &all_runs))
                .map_err(|e| format!("{}: {e}", path.display()))?;
        }
        if options.python.is_some() {
            print!("{}", render_libtest_table(&runs[0], &oracle));
        } else {
            print!("{}", render_libtest_comparison(&names, &runs));
        }
        Ok(true)
    })();
    let _ = std::fs::remove_dir_all(&config.scratch);
    outcome
}
