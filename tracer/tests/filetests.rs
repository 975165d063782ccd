//! Filetests: every `tests/filetests/<pass>/*.tir` file holds a trace, a
//! header line `test optimize <passes>` and `; check:` lines (each must
//! match part of an output line, in order) or `; not:` lines (before the
//! first check: must match no output line; after: must not occur between
//! the surrounding checks). The output must also parse back
//! and behave like the input in the reference interpreter on a set of slot
//! inputs (objects the trace allocates are compared by contents).
//!
//! `BLESS=1 cargo test -p pyvm-tracer --test filetests` rewrites the
//! expectations from the current output.

use std::fs;
use std::path::{Path, PathBuf};

use pyvm_tracer::interp::{FakeHeap, Outcome, run};
use pyvm_tracer::opt::run_passes;
use pyvm_tracer::{Flags, Trace};

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            collect(&p, out);
        } else if p.extension().is_some_and(|x| x == "tir") {
            out.push(p);
        }
    }
}

fn fake_heap(trace: &Trace) -> FakeHeap {
    let mut heap = FakeHeap::new();
    for h in trace.helpers() {
        if h.effects.contains(Flags::ALLOC) {
            heap.define(&h.name, |heap, _| heap.alloc(4));
        } else {
            // Deterministic and argument-dependent, never the error value 0
            // unless the arguments sum to zero.
            heap.define(&h.name, |_, args| {
                args.iter().fold(0u64, |a, x| a.wrapping_add(*x))
            });
        }
    }
    heap
}

const INPUTS: [u64; 8] = [0, 1, 7, 42, 99, 1000, u64::MAX, i64::MAX as u64];

fn compare_behaviour(before: &Trace, after: &Trace, name: &str) -> Result<(), String> {
    let nslots = 6;
    for (k, &seed) in INPUTS.iter().enumerate() {
        let mut a: Vec<u64> = (0..nslots)
            .map(|s| seed.wrapping_add(s as u64 * (k as u64 + 1)))
            .collect();
        let mut b = a.clone();
        let (mut ha, mut hb) = (fake_heap(before), fake_heap(after));
        let ra = run(before, &mut a, &mut ha, 50);
        let rb = run(after, &mut b, &mut hb, 50);
        // Objects allocated by the trace may sit at other addresses after
        // sinking: compare their contents instead.
        fn canon(v: u64, h: &FakeHeap, depth: u32) -> u64 {
            if depth == 0 || v < 0x1000 || !h.mem.contains_key(&v) {
                return v;
            }
            (0..4).fold(0x5eed, |acc: u64, k| {
                let w = h.mem.get(&(v + 8 * k)).copied().unwrap_or(0);
                acc.rotate_left(17) ^ canon(w, h, depth - 1)
            })
        }
        let canon = |slots: &mut Vec<u64>, h: &FakeHeap| {
            slots.iter_mut().for_each(|v| *v = canon(*v, h, 3))
        };
        canon(&mut a, &ha);
        canon(&mut b, &hb);
        let kind = |o: Outcome| match o {
            Outcome::Exit(_) => "exit".to_string(),
            Outcome::Link(t) => format!("link {t}"),
            Outcome::OutOfFuel => "fuel".to_string(),
        };
        // A loop that runs out of fuel may have done a different number of
        // iterations per unit of fuel after peeling: only compare exits.
        if kind(ra) == "fuel" || kind(rb) == "fuel" {
            continue;
        }
        if kind(ra) != kind(rb) || a != b {
            return Err(format!(
                "{name}: behaviour differs on input {seed}: {} {a:?} vs {} {b:?}",
                kind(ra),
                kind(rb)
            ));
        }
    }
    Ok(())
}

fn check_output(output: &str, checks: &[(bool, String)]) -> Result<(), String> {
    let lines: Vec<&str> = output.lines().collect();
    // `not:` lines before the first `check:` apply to the whole output.
    let leading = checks.iter().take_while(|(positive, _)| !positive);
    for (_, n) in leading {
        if let Some(l) = lines.iter().find(|l| l.contains(n.as_str())) {
            return Err(format!("`not: {n}` matched `{l}`"));
        }
    }
    let checks = &checks[checks.iter().take_while(|(p, _)| !p).count()..];
    let mut pos = 0;
    let mut pending_not: Vec<&str> = Vec::new();
    for (positive, pat) in checks {
        if !*positive {
            pending_not.push(pat);
            continue;
        }
        let Some(found) = (pos..lines.len()).find(|&i| lines[i].contains(pat.as_str())) else {
            return Err(format!("check not found after line {pos}: `{pat}`"));
        };
        for n in pending_not.drain(..) {
            if let Some(l) = lines[pos..found].iter().find(|l| l.contains(n)) {
                return Err(format!("`not: {n}` matched `{l}`"));
            }
        }
        pos = found + 1;
    }
    for n in pending_not {
        if let Some(l) = lines[pos..].iter().find(|l| l.contains(n)) {
            return Err(format!("`not: {n}` matched `{l}`"));
        }
    }
    Ok(())
}

fn run_file(path: &Path, bless: bool) -> Result<(), String> {
    let text = fs::read_to_string(path).unwrap();
    let name = path.display().to_string();
    let header = text
        .lines()
        .find(|l| l.starts_with("test "))
        .ok_or(format!("{name}: no `test` line"))?;
    let passes: Vec<&str> = match header.strip_prefix("test optimize") {
        Some(rest) => rest.split_whitespace().collect(),
        None => return Err(format!("{name}: unknown test kind `{header}`")),
    };
    let body: String = text
        .lines()
        .filter(|l| !l.starts_with("test "))
        .collect::<Vec<_>>()
        .join("\n");
    let input = Trace::parse(&body).map_err(|e| format!("{name}: {e}"))?;
    let output = run_passes(&input, &passes);
    output
        .verify()
        .map_err(|e| format!("{name}: output invalid: {e}\n{output}"))?;
    let printed = output.to_string();
    let reparsed =
        Trace::parse(&printed).map_err(|e| format!("{name}: output does not parse: {e}"))?;
    if reparsed.to_string() != printed {
        return Err(format!("{name}: output does not round-trip"));
    }
    compare_behaviour(&input, &output, &name)?;
    if bless {
        // Keep the input and the whole-output `not:` lines (those before
        // the first check); regenerate the checks.
        let first_check = text.lines().position(|l| l.starts_with("; check:"));
        let kept: Vec<&str> = text
            .lines()
            .enumerate()
            .filter(|(i, l)| {
                let late_not = l.starts_with("; not:") && first_check.is_some_and(|f| *i > f);
                !(l.starts_with("; check:") || late_not)
            })
            .map(|(_, l)| l)
            .collect();
        let mut new = kept.join("\n").trim_end().to_string();
        new.push('\n');
        for l in printed.lines() {
            new.push_str(&format!("; check: {l}\n"));
        }
        fs::write(path, new).unwrap();
        return Ok(());
    }
    let checks: Vec<(bool, String)> = text
        .lines()
        .filter_map(|l| {
            l.strip_prefix("; check:")
                .map(|c| (true, c.trim().to_string()))
                .or_else(|| {
                    l.strip_prefix("; not:")
                        .map(|c| (false, c.trim().to_string()))
                })
        })
        .collect();
    if checks.is_empty() {
        return Err(format!("{name}: no checks"));
    }
    check_output(&printed, &checks).map_err(|e| format!("{name}: {e}\noutput:\n{printed}"))
}

#[test]
fn filetests() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/filetests");
    let mut files = Vec::new();
    collect(&root, &mut files);
    files.sort();
    assert!(files.len() >= 8, "filetests missing");
    let bless = std::env::var_os("BLESS").is_some();
    let failures: Vec<String> = files
        .iter()
        .filter_map(|f| run_file(f, bless).err())
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} filetests failed:\n{}",
        failures.len(),
        files.len(),
        failures.join("\n\n")
    );
}
