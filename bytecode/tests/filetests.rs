//! Filetests: every `filetests/NAME.py` is compiled and its disassembly (or
//! its SyntaxError) compared with `filetests/NAME.dis`. Run with `BLESS=1`
//! to rewrite the expectations after an intended change.

use std::path::Path;

use pyvm_bytecode::{Mode, compile, disassemble};

fn render(source: &str, name: &str) -> String {
    match compile(source, name, Mode::Exec) {
        Ok(code) => {
            if let Err(e) = pyvm_bytecode::verify::verify(&code) {
                return format!("VERIFY FAILED: {e}\n{}", disassemble(&code));
            }
            disassemble(&code)
        }
        Err(e) => format!(
            "{:?}: {}\n  line {}, offset {}, end line {}, end offset {}\n  text: {:?}\n",
            e.kind, e.msg, e.line, e.col, e.end_line, e.end_col, e.text
        ),
    }
}

#[test]
fn filetests() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/filetests");
    let bless = std::env::var_os("BLESS").is_some_and(|v| v == "1");
    let mut entries: Vec<_> = std::fs::read_dir(&dir)
        .expect("filetests dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    entries.sort();
    assert!(entries.len() >= 10, "filetests are missing");
    let mut failures = Vec::new();
    for py in entries {
        let name = py
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("?")
            .to_string();
        let source = std::fs::read_to_string(&py).expect("read source");
        let got = render(&source, &name);
        let expected_path = py.with_extension("dis");
        if bless {
            std::fs::write(&expected_path, &got).expect("write expectation");
            continue;
        }
        match std::fs::read_to_string(&expected_path) {
            Ok(want) if want == got => {}
            Ok(want) => failures.push(format!(
                "{name}: disassembly differs\n--- expected\n{want}\n--- got\n{got}"
            )),
            Err(_) => failures.push(format!(
                "{name}: no {} (run with BLESS=1)",
                expected_path.display()
            )),
        }
    }
    assert!(
        failures.is_empty(),
        "{} filetest(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
