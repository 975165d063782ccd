//! Robustness: damaged versions of the filetest programs (a character
//! deleted, a token inserted, at many positions) never make the compiler
//! panic, and whatever still compiles passes the verifier.

use std::path::Path;

use pyvm_bytecode::{Mode, compile, verify::verify};

const INSERTS: [&str; 8] = ["(", ")", ":", "*", "yield ", "lambda", "\"", "\n    "];

#[test]
fn damaged_programs_fail_cleanly_or_verify() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/filetests");
    let mut sources: Vec<String> = std::fs::read_dir(&dir)
        .expect("filetests dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .map(|p| std::fs::read_to_string(p).expect("read"))
        .collect();
    sources.sort();
    let (mut compiled, mut rejected) = (0, 0);
    for src in &sources {
        let cuts: Vec<usize> = src.char_indices().map(|(i, _)| i).step_by(5).collect();
        for (k, &i) in cuts.iter().enumerate() {
            let next = src[i..].chars().next().map_or(i, |c| i + c.len_utf8());
            let deleted = format!("{}{}", &src[..i], &src[next..]);
            let inserted = format!("{}{}{}", &src[..i], INSERTS[k % INSERTS.len()], &src[i..]);
            for variant in [deleted, inserted] {
                match compile(&variant, "mutant", Mode::Exec) {
                    Ok(code) => {
                        compiled += 1;
                        if let Err(e) = verify(&code) {
                            panic!("verifier rejected compiled mutant: {e}\n{variant}");
                        }
                    }
                    Err(e) => {
                        rejected += 1;
                        assert!(
                            e.line >= 1 || e.msg.contains("encoding"),
                            "error without a line: {e}\n{variant}"
                        );
                    }
                }
            }
        }
    }
    assert!(
        compiled > 100 && rejected > 100,
        "{compiled} compiled, {rejected} rejected"
    );
}
