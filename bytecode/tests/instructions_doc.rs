//! `INSTRUCTIONS.md` must match the instruction table; `BLESS=1` rewrites it.

#[test]
fn instructions_md_is_up_to_date() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/INSTRUCTIONS.md");
    let want = pyvm_bytecode::doc::instructions_markdown();
    if std::env::var_os("BLESS").is_some_and(|v| v == "1") {
        std::fs::write(path, &want).expect("write INSTRUCTIONS.md");
        return;
    }
    let have = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        have == want,
        "INSTRUCTIONS.md is stale: run `BLESS=1 cargo test -p pyvm-bytecode --test instructions_doc`"
    );
}
