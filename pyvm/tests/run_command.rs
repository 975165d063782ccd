//! The `pyvm` command line: `-c`, exit statuses, syntax errors, deep
//! recursion, unsupported features, and the repository's example.

use std::process::{Command, Output};

fn pyvm(args: &[&str], stress: bool) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_pyvm"));
    c.args(args).env_remove("PYVM_GC_STRESS");
    if stress {
        c.env("PYVM_GC_STRESS", "1");
    }
    c.output().expect("run pyvm")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn dash_c_runs_code_and_exits_zero() {
    let out = pyvm(&["-c", "print(sum(range(10)), 'ok')"], false);
    assert_eq!(text(&out.stdout), "45 ok\n");
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn uncaught_exception_prints_traceback_and_exits_one() {
    let out = pyvm(&["-c", "print('partial')\n1/0"], false);
    // Output printed before the error is flushed.
    assert_eq!(text(&out.stdout), "partial\n");
    assert_eq!(
        text(&out.stderr),
        "Traceback (most recent call last):\n  File \"<string>\", line 2, in <module>\nZeroDivisionError: division by zero\n"
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn syntax_error_is_reported_like_cpython() {
    let out = pyvm(&["-c", "x = 1 +"], false);
    assert_eq!(
        text(&out.stderr),
        "  File \"<string>\", line 1\n    x = 1 +\n           ^\nSyntaxError: invalid syntax\n"
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn system_exit_sets_the_status() {
    let out = pyvm(&["-c", "raise SystemExit(3)"], false);
    assert_eq!(out.status.code(), Some(3));
    assert!(out.stderr.is_empty());
}

#[test]
fn deep_recursion_raises_recursion_error_not_a_crash() {
    for stress in [false, true] {
        let code = "def f(n): return f(n + 1)\nf(0)";
        let out = pyvm(&["-c", code], stress);
        let err = text(&out.stderr);
        assert!(
            err.ends_with("RecursionError: maximum recursion depth exceeded\n"),
            "{err}"
        );
        assert!(err.contains("[Previous line repeated"), "{err}");
        assert_eq!(out.status.code(), Some(1));
    }
}

#[test]
fn recursion_through_natives_is_bounded() {
    // __init__ and __repr__ re-enter the interpreter from native code.
    let code = "class A:\n    def __repr__(self): return repr(A())\nrepr(A())";
    let out = pyvm(&["-c", code], false);
    assert!(text(&out.stderr).ends_with("RecursionError: maximum recursion depth exceeded\n"));
    assert_eq!(out.status.code(), Some(1));
}

/// Comparing, printing and hashing deeply nested or self-containing
/// containers recurses in native code: it must give CPython's
/// RecursionError (or, for hashing, CPython's answer), never overflow the
/// Rust stack.
#[test]
fn native_recursion_over_nested_containers_is_bounded() {
    let program = r#"
x = []; y = []
for i in range(N): x = [x]; y = [y]
for label, f in (("cmp", lambda: x == y), ("repr", lambda: repr(x)), ("str", lambda: str(x))):
    try:
        f()
        print(label, "no error")
    except RecursionError as e:
        print(label, e)
t = ()
for i in range(N): t = (t,)
print("hash", hash(t) == hash(t), {t: 1}[t])
a = []; a.append(a); b = []; b.append(b)
try:
    a == b
except RecursionError as e:
    print("self", e)
print(a, a == a)
"#;
    let expected = "cmp maximum recursion depth exceeded in comparison\n\
         repr maximum recursion depth exceeded while getting the repr of an object\n\
         str maximum recursion depth exceeded while getting the repr of an object\n\
         hash True 1\n\
         self maximum recursion depth exceeded in comparison\n\
         [[...]] True\n";
    // Collecting at every allocation makes building 100000 levels slow; 2000
    // still crosses the recursion limit of 1000.
    for (stress, depth) in [(false, 100_000), (true, 2_000)] {
        let program = format!("N = {depth}\n{program}");
        let out = pyvm(&["-c", &program], stress);
        assert_eq!(text(&out.stderr), "", "stress={stress}");
        assert_eq!(text(&out.stdout), expected, "stress={stress}");
        assert_eq!(out.status.code(), Some(0));
    }
}

#[test]
fn unsupported_features_raise_python_exceptions() {
    // Function-type comments are not parsed yet; pyexpat has no external
    // entity parsers yet.
    for (code, message) in [
        (
            "compile('(int) -> str', 'f', 'func_type', 0x400)",
            "NotImplementedError: compile() mode 'func_type' is not supported yet by pyvm",
        ),
        (
            "import pyexpat; pyexpat.ParserCreate().ExternalEntityParserCreate('e')",
            "NotImplementedError: pyexpat ExternalEntityParserCreate is not supported yet by pyvm",
        ),
    ] {
        let out = pyvm(&["-c", code], false);
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{code}: {err}");
        assert!(err.contains(message), "{code}: {err}");
        assert!(!err.contains("panicked"), "{code}: {err}");
    }
}

#[test]
fn missing_file_is_reported() {
    let out = pyvm(&["/nonexistent/prog.py"], false);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("can't open file '/nonexistent/prog.py'"));
}

#[test]
fn wordstats_example_runs() {
    // The README's example program: re, collections, statistics, open().
    let prog = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/wordstats.py");
    let dir = std::env::temp_dir().join(format!("pyvm-wordstats-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let input = dir.join("text.txt");
    std::fs::write(&input, "the cat and the hat\nThe end\n").unwrap();
    let out = pyvm(&[prog, input.to_str().unwrap(), "--top", "3"], false);
    let missing = pyvm(&[prog, "/nonexistent/words.txt"], false);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(
        text(&out.stdout),
        "         file: text.txt\n        lines: 2\n        words: 7\n     distinct: 5\n  \
         mean_length: 3\nmedian_length: 3\n      longest: the\n\nword  count  share\n\
         the      3   42.9%\ncat      1   14.3%\nand      1   14.3%\n",
        "{}",
        text(&out.stderr)
    );
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        text(&missing.stderr),
        "wordstats: No such file or directory: /nonexistent/words.txt\n"
    );
    assert_eq!(missing.status.code(), Some(1));
}

#[test]
fn hello_example_runs() {
    let hello = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/hello.py");
    let out = pyvm(&[hello], false);
    assert_eq!(text(&out.stdout), "hello from pyvm\n");
    assert_eq!(out.status.code(), Some(0));
}
