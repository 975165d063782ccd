//! Reports: per-area tables (Markdown, so they paste into READMEs), the
//! comparison table across interpreters, and JSON for diffing runs.

use std::collections::BTreeMap;
use std::fmt::Write;

use crate::corpus::{CorpusReport, Status};

/// Per-area counts of each status.
pub fn count_by_area(report: &CorpusReport) -> BTreeMap<String, BTreeMap<Status, usize>> {
    let mut areas: BTreeMap<String, BTreeMap<Status, usize>> = BTreeMap::new();
    for r in &report.results {
        *areas
            .entry(r.id.area().to_owned())
            .or_default()
            .entry(r.status())
            .or_default() += 1;
    }
    areas
}

/// Renders rows as a Markdown table with padded columns. Columns holding
/// only counts (digits, `/`, `-`) are right-aligned, the rest left-aligned.
pub fn render_table(header: &[String], rows: &[Vec<String>]) -> String {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let numeric: Vec<bool> = (0..header.len())
        .map(|i| {
            i > 0
                && rows.iter().all(|r| {
                    r.get(i).is_none_or(|c| {
                        c.chars()
                            .all(|ch| ch.is_ascii_digit() || ch == '/' || ch == '-')
                    })
                })
        })
        .collect();
    let mut out = String::new();
    let line = |out: &mut String, cells: &[String]| {
        out.push('|');
        for ((cell, w), right) in cells.iter().zip(&widths).zip(&numeric) {
            if *right {
                let _ = write!(out, " {cell:>w$} |");
            } else {
                let _ = write!(out, " {cell:<w$} |");
            }
        }
        out.push('\n');
    };
    line(&mut out, header);
    out.push('|');
    for (w, right) in widths.iter().zip(&numeric) {
        if *right {
            let _ = write!(out, " {}: |", "-".repeat(w - 1));
        } else {
            let _ = write!(out, " {} |", "-".repeat(*w));
        }
    }
    out.push('\n');
    for row in rows {
        line(&mut out, row);
    }
    out
}

/// The per-area table of one run, with a totals row.
pub fn render_area_table(report: &CorpusReport) -> String {
    let mut header = vec!["area".to_owned(), "cases".to_owned()];
    header.extend(Status::ALL.iter().map(|s| s.name().to_owned()));
    let mut rows = Vec::new();
    let mut totals: BTreeMap<Status, usize> = BTreeMap::new();
    for (area, counts) in count_by_area(report) {
        let mut row = vec![area, counts.values().sum::<usize>().to_string()];
        for s in Status::ALL {
            let n = counts.get(&s).copied().unwrap_or(0);
            *totals.entry(s).or_default() += n;
            row.push(n.to_string());
        }
        rows.push(row);
    }
    let mut row = vec!["**total**".to_owned(), report.results.len().to_string()];
    row.extend(
        Status::ALL
            .iter()
            .map(|s| totals.get(s).copied().unwrap_or(0).to_string()),
    );
    rows.push(row);
    render_table(&header, &rows)
}

/// Lines naming every case that makes the run fail, with its detail.
pub fn render_problems(report: &CorpusReport, limit: usize) -> String {
    let bad: Vec<_> = report
        .results
        .iter()
        .filter(|r| r.status().is_bad())
        .collect();
    let mut out = String::new();
    for r in bad.iter().take(limit) {
        let detail = match r.status() {
            Status::Xpass => format!(
                "passes; remove it from xfail/{}.txt ({})",
                report.mode,
                r.xfail_reason.as_deref().unwrap_or("")
            ),
            _ => r.verdict.detail().to_owned(),
        };
        let _ = writeln!(out, "{:<8} {}  {}", r.status().name(), r.id, detail);
    }
    if bad.len() > limit {
        let _ = writeln!(out, "... and {} more (use --verbose)", bad.len() - limit);
    }
    out
}

/// The `n` slowest cases of a run with their wall-clock times, slowest first.
pub fn render_slowest(report: &CorpusReport, n: usize) -> String {
    let mut by_time: Vec<_> = report.results.iter().collect();
    by_time.sort_by(|a, b| b.elapsed.cmp(&a.elapsed).then_with(|| a.id.cmp(&b.id)));
    let mut out = String::new();
    for r in by_time.into_iter().take(n) {
        let _ = writeln!(
            out,
            "{:>8.3}s  {}  {}",
            r.elapsed.as_secs_f64(),
            r.id,
            r.status().name()
        );
    }
    out
}

/// Pass counts per area for several interpreters side by side, with totals
/// of every status at the bottom.
pub fn render_comparison(reports: &[CorpusReport]) -> String {
    let mut header = vec!["area".to_owned(), "cases".to_owned()];
    header.extend(reports.iter().map(|r| r.interpreter.clone()));
    let by_area: Vec<_> = reports.iter().map(count_by_area).collect();
    let mut areas: BTreeMap<&str, usize> = BTreeMap::new();
    for r in &reports[..reports.len().min(1)] {
        for c in &r.results {
            *areas.entry(c.id.area()).or_default() += 1;
        }
    }
    let mut rows = Vec::new();
    for (area, n) in &areas {
        let mut row = vec![(*area).to_owned(), n.to_string()];
        for counts in &by_area {
            let pass = counts
                .get(*area)
                .and_then(|c| c.get(&Status::Pass))
                .copied()
                .unwrap_or(0);
            row.push(pass.to_string());
        }
        rows.push(row);
    }
    let total = reports.first().map_or(0, |r| r.results.len());
    for s in [Status::Pass, Status::Fail, Status::Crash, Status::Timeout] {
        let cases = if s == Status::Pass {
            total.to_string()
        } else {
            String::new()
        };
        let mut row = vec![format!("**total {}**", s.name()), cases];
        row.extend(reports.iter().map(|r| r.count(s).to_string()));
        rows.push(row);
    }
    render_table(&header, &rows)
}

/// JSON for one run: header fields, per-area counts, then one case per line
/// sorted by id, so that `diff` of two runs shows exactly what changed.
pub fn render_json(report: &CorpusReport) -> String {
    let mut out = String::from("{\n");
    let _ = writeln!(
        out,
        "  \"interpreter\": {},",
        json_string(&report.interpreter)
    );
    let _ = writeln!(out, "  \"version\": {},", json_string(&report.version));
    let _ = writeln!(out, "  \"mode\": {},", json_string(report.mode.name()));
    let _ = writeln!(out, "  \"success\": {},", report.is_success());
    out.push_str("  \"totals\": {");
    let totals: Vec<String> = Status::ALL
        .iter()
        .map(|s| format!("\"{}\": {}", s.name(), report.count(*s)))
        .collect();
    let _ = writeln!(out, "{}}},", totals.join(", "));
    out.push_str("  \"areas\": {\n");
    let areas = count_by_area(report);
    let area_lines: Vec<String> = areas
        .iter()
        .map(|(area, counts)| {
            let cells: Vec<String> = Status::ALL
                .iter()
                .map(|s| format!("\"{}\": {}", s.name(), counts.get(s).copied().unwrap_or(0)))
                .collect();
            format!("    {}: {{{}}}", json_string(area), cells.join(", "))
        })
        .collect();
    out.push_str(&area_lines.join(",\n"));
    out.push_str("\n  },\n  \"cases\": {\n");
    let case_lines: Vec<String> = report
        .results
        .iter()
        .map(|r| {
            format!(
                "    {}: {{\"status\": \"{}\", \"detail\": {}}}",
                json_string(&r.id.to_string()),
                r.status().name(),
                json_string(r.verdict.detail())
            )
        })
        .collect();
    out.push_str(&case_lines.join(",\n"));
    out.push_str("\n  }\n}\n");
    out
}

/// Reads the per-case statuses back from JSON written by [`render_json`]
/// (one case per line), as `area/name -> status`.
pub fn read_case_statuses(json: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for line in json.lines() {
        let line = line.trim();
        let Some(rest) = line.strip_prefix('"') else {
            continue;
        };
        let Some((key, tail)) = rest.split_once("\": {\"status\": \"") else {
            continue;
        };
        if let Some((status, _)) = tail.split_once('"') {
            out.insert(key.to_owned(), status.to_owned());
        }
    }
    out
}

/// Cases whose status differs from a baseline run (`old`), one per line as
/// `area/name: old -> new`, with cases new to or gone from the corpus marked.
pub fn render_changes(old: &BTreeMap<String, String>, report: &CorpusReport) -> String {
    let mut out = String::new();
    let mut seen = std::collections::BTreeSet::new();
    for r in &report.results {
        let id = r.id.to_string();
        let new = r.status().name();
        match old.get(&id) {
            Some(before) if before == new => {}
            Some(before) => {
                let _ = writeln!(out, "{id}: {before} -> {new}");
            }
            None => {
                let _ = writeln!(out, "{id}: (new case) -> {new}");
            }
        }
        seen.insert(id);
    }
    for (id, before) in old {
        if !seen.contains(id) {
            let _ = writeln!(out, "{id}: {before} -> (not run)");
        }
    }
    out
}

/// A JSON string literal for `s`.
pub fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::case::CaseId;
    use crate::corpus::CaseResult;
    use crate::mode::Mode;
    use crate::verdict::Verdict;
    use std::time::Duration;

    fn result(id: &str, verdict: Verdict, xfail: bool) -> CaseResult {
        CaseResult {
            id: CaseId::parse(id).unwrap(),
            verdict,
            xfail_reason: xfail.then(|| "not yet".to_owned()),
            elapsed: Duration::ZERO,
        }
    }

    fn sample() -> CorpusReport {
        CorpusReport {
            interpreter: "fake".into(),
            version: "Fake 1.0".into(),
            mode: Mode::Default,
            results: vec![
                result("grammar/a", Verdict::Pass, false),
                result("grammar/b", Verdict::Fail("stdout \"x\"\n".into()), false),
                result(
                    "scope/c",
                    Verdict::Crash("killed by signal 11".into()),
                    false,
                ),
                result("scope/d", Verdict::Timeout, true),
                result("scope/e", Verdict::Pass, true),
            ],
        }
    }

    #[test]
    fn statuses_combine_verdicts_with_the_xfail_list() {
        let r = sample();
        let statuses: Vec<_> = r.results.iter().map(|c| c.status()).collect();
        assert_eq!(
            statuses,
            [
                Status::Pass,
                Status::Fail,
                Status::Crash,
                Status::Xfail,
                Status::Xpass
            ]
        );
        assert!(!r.is_success());
    }

    #[test]
    fn area_table_counts_each_status_and_totals() {
        let table = render_area_table(&sample());
        let lines: Vec<&str> = table.lines().collect();
        assert!(lines[0].starts_with("| area"), "{table}");
        let grammar: Vec<&str> = lines[2].split('|').map(str::trim).collect();
        assert_eq!(
            grammar[1..9],
            ["grammar", "2", "1", "1", "0", "0", "0", "0"]
        );
        let scope: Vec<&str> = lines[3].split('|').map(str::trim).collect();
        assert_eq!(scope[1..9], ["scope", "3", "0", "0", "1", "0", "1", "1"]);
        assert!(lines[4].contains("**total**"));
        assert!(render_problems(&sample(), 10).contains("remove it from xfail/default.txt"));
    }

    #[test]
    fn json_has_one_escaped_line_per_case() {
        let json = render_json(&sample());
        assert!(json.contains("\"success\": false"));
        assert!(json.contains(
            "\"grammar/b\": {\"status\": \"fail\", \"detail\": \"stdout \\\"x\\\"\\n\"}"
        ));
        assert_eq!(json.lines().filter(|l| l.contains("\"status\"")).count(), 5);
        assert_eq!(json_string("a\u{1}"), "\"a\\u0001\"");
    }

    #[test]
    fn slowest_lists_cases_by_decreasing_time() {
        let mut r = sample();
        for (i, c) in r.results.iter_mut().enumerate() {
            c.elapsed = Duration::from_millis([30, 10, 50, 20, 40][i]);
        }
        let text = render_slowest(&r, 2);
        let ids: Vec<&str> = text
            .lines()
            .map(|l| l.split_whitespace().nth(1).unwrap())
            .collect();
        assert_eq!(ids, ["scope/c", "scope/e"]);
        assert!(text.starts_with("   0.050s"), "{text}");
    }

    #[test]
    fn baseline_round_trips_through_json_and_reports_changes() {
        let old = read_case_statuses(&render_json(&sample()));
        assert_eq!(old.len(), 5);
        assert_eq!(old["scope/c"], "crash");
        let mut now = sample();
        now.results[1].verdict = Verdict::Pass;
        now.results.remove(4);
        now.results
            .push(result("zeta/new", Verdict::Timeout, false));
        let changes = render_changes(&old, &now);
        assert_eq!(
            changes,
            "grammar/b: fail -> pass\nzeta/new: (new case) -> timeout\nscope/e: xpass -> (not run)\n"
        );
    }

    #[test]
    fn comparison_puts_interpreters_side_by_side() {
        let mut other = sample();
        other.interpreter = "other".into();
        other.results[1].verdict = Verdict::Pass;
        let table = render_comparison(&[sample(), other]);
        let grammar = table.lines().find(|l| l.starts_with("| grammar")).unwrap();
        let cells: Vec<&str> = grammar.split('|').map(str::trim).collect();
        assert_eq!(cells[1..5], ["grammar", "2", "1", "2"]);
        assert!(table.lines().next().unwrap().contains("other"));
    }
}
