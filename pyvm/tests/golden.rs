//! Replays the golden files under `tests/golden/` (CPython 3.11's answers,
//! written by `tests/golden/gen_golden.py`) against the library.

mod common;

use common::{esc, run_case, unesc};

fn check_file(name: &str) {
    let path = format!("{}/tests/golden/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("golden file");
    let mut failures = Vec::new();
    let mut count = 0;
    for line in text.lines().filter(|l| !l.is_empty()) {
        let fields: Vec<String> = line.split('\t').map(unesc).collect();
        let arrow = fields.iter().position(|f| f == "=>").expect("=> field");
        let want = &fields[arrow + 1];
        let got = run_case(&fields[..arrow]);
        count += 1;
        if &got != want {
            let cut = |s: String| s.chars().take(300).collect::<String>();
            failures.push(format!(
                "{}\n   want {}\n   got  {}",
                cut(esc(&fields[..arrow].join(" | "))),
                cut(esc(want)),
                cut(esc(&got))
            ));
        }
    }
    assert!(count > 0, "{name} has no cases");
    assert!(
        failures.is_empty(),
        "{name}: {} of {count} cases differ from CPython:\n{}",
        failures.len(),
        failures
            .iter()
            .take(25)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn float_repr() {
    check_file("float_repr.txt");
}

#[test]
fn float_format() {
    check_file("float_format.txt");
}

#[test]
fn float_printf() {
    check_file("float_printf.txt");
}

#[test]
fn float_parse() {
    check_file("float_parse.txt");
}

#[test]
fn float_ops() {
    check_file("float_ops.txt");
}

#[test]
fn complex_format() {
    check_file("complex_format.txt");
}

#[test]
fn float_arith() {
    check_file("float_arith.txt");
}

#[test]
fn int_parse() {
    check_file("int_parse.txt");
}

#[test]
fn int_format() {
    check_file("int_format.txt");
}

#[test]
fn int_ops() {
    check_file("int_ops.txt");
}

#[test]
fn str_format() {
    check_file("str_format.txt");
}

#[test]
fn hash() {
    check_file("hash.txt");
}

#[test]
fn math() {
    check_file("math.txt");
}

#[test]
fn mt() {
    check_file("mt.txt");
}
