//! Compile-fail tests: misuse of raw references and handles is rejected by
//! the type checker (see `tests/ui/*.rs` and the expected errors next to
//! them).

#[test]
fn misuse_does_not_compile() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/*.rs");
}
