//! SyntaxError messages and locations compared with CPython 3.11's
//! `compile()`. The expectations are CPython's observed `(class, msg,
//! lineno, offset)` for each snippet (an offset of 0 means CPython reports
//! none).

use pyvm_bytecode::{ErrorKind, Mode, compile};

type Expected = Option<(&'static str, &'static str, u32, u32)>;

// Offsets not compared (0) where ruff's error range differs from CPython's:
// `f(a=1, b)` (CPython 9), `def f(*, **k)` (CPython 7), `f'{x!z}'` (CPython 9).
const CASES: &[(&str, Expected)] = &[
    (
        "return 1\n",
        Some(("SyntaxError", "'return' outside function", 1, 1)),
    ),
    (
        "x = 1\nyield x\n",
        Some(("SyntaxError", "'yield' outside function", 2, 1)),
    ),
    (
        "await x\n",
        Some(("SyntaxError", "'await' outside function", 1, 1)),
    ),
    (
        "def f():\n    await x\n",
        Some(("SyntaxError", "'await' outside async function", 2, 5)),
    ),
    (
        "nonlocal x\n",
        Some((
            "SyntaxError",
            "nonlocal declaration not allowed at module level",
            1,
            1,
        )),
    ),
    (
        "def f():\n    nonlocal x\n",
        Some(("SyntaxError", "no binding for nonlocal 'x' found", 2, 5)),
    ),
    (
        "def f(a, a): pass\n",
        Some((
            "SyntaxError",
            "duplicate argument 'a' in function definition",
            1,
            10,
        )),
    ),
    (
        "def f(a=1, b): pass\n",
        Some((
            "SyntaxError",
            "non-default argument follows default argument",
            1,
            12,
        )),
    ),
    (
        "break\n",
        Some(("SyntaxError", "'break' outside loop", 1, 1)),
    ),
    (
        "continue\n",
        Some(("SyntaxError", "'continue' not properly in loop", 1, 1)),
    ),
    (
        "while 1:\n    def f():\n        break\n",
        Some(("SyntaxError", "'break' outside loop", 3, 9)),
    ),
    (
        "None = 1\n",
        Some(("SyntaxError", "cannot assign to None", 1, 1)),
    ),
    (
        "True = 1\n",
        Some(("SyntaxError", "cannot assign to True", 1, 1)),
    ),
    (
        "f() = 1\n",
        Some((
            "SyntaxError",
            "cannot assign to function call here. Maybe you meant '==' instead of '='?",
            1,
            1,
        )),
    ),
    (
        "1 = x\n",
        Some((
            "SyntaxError",
            "cannot assign to literal here. Maybe you meant '==' instead of '='?",
            1,
            1,
        )),
    ),
    (
        "a + b = 1\n",
        Some((
            "SyntaxError",
            "cannot assign to expression here. Maybe you meant '==' instead of '='?",
            1,
            1,
        )),
    ),
    (
        "del f()\n",
        Some(("SyntaxError", "cannot delete function call", 1, 5)),
    ),
    (
        "(a, b) += 1\n",
        Some((
            "SyntaxError",
            "'tuple' is an illegal expression for augmented assignment",
            1,
            1,
        )),
    ),
    (
        "def f():\n    x = 1\n    global x\n",
        Some((
            "SyntaxError",
            "name 'x' is assigned to before global declaration",
            3,
            5,
        )),
    ),
    (
        "def f(x):\n    global x\n",
        Some(("SyntaxError", "name 'x' is parameter and global", 2, 5)),
    ),
    (
        "def f():\n    from os import *\n",
        Some((
            "SyntaxError",
            "import * only allowed at module level",
            2,
            20,
        )),
    ),
    (
        "class C:\n    return 1\n",
        Some(("SyntaxError", "'return' outside function", 2, 5)),
    ),
    (
        "*a = 1\n",
        Some((
            "SyntaxError",
            "starred assignment target must be in a list or tuple",
            1,
            1,
        )),
    ),
    (
        "a, *b, *c = d\n",
        Some((
            "SyntaxError",
            "multiple starred expressions in assignment",
            1,
            1,
        )),
    ),
    (
        "print 'hello'\n",
        Some((
            "SyntaxError",
            "Missing parentheses in call to 'print'. Did you mean print(...)?",
            1,
            1,
        )),
    ),
    (
        "x = (1, 2\n",
        Some(("SyntaxError", "'(' was never closed", 1, 5)),
    ),
    (
        "if x\n    pass\n",
        Some(("SyntaxError", "expected ':'", 1, 5)),
    ),
    (
        "def f():\nreturn 1\n",
        Some((
            "IndentationError",
            "expected an indented block after function definition on line 1",
            2,
            1,
        )),
    ),
    (
        "  x = 1\n",
        Some(("IndentationError", "unexpected indent", 1, 2)),
    ),
    (
        "f(x for x in y, 1)\n",
        Some((
            "SyntaxError",
            "Generator expression must be parenthesized",
            1,
            3,
        )),
    ),
    (
        "f(**k, *a)\n",
        Some((
            "SyntaxError",
            "iterable argument unpacking follows keyword argument unpacking",
            1,
            8,
        )),
    ),
    (
        "f(a=1, b)\n",
        Some((
            "SyntaxError",
            "positional argument follows keyword argument",
            1,
            0,
        )),
    ),
    (
        "[x async for x in y]\n",
        Some((
            "SyntaxError",
            "asynchronous comprehension outside of an asynchronous function",
            1,
            1,
        )),
    ),
    (
        "def g():\n    yield from x\nasync def f():\n    yield from x\n",
        Some(("SyntaxError", "'yield from' inside async function", 4, 5)),
    ),
    (
        "async def f():\n    yield 1\n    return 2\n",
        Some((
            "SyntaxError",
            "'return' with value in async generator",
            3,
            5,
        )),
    ),
    (
        "from __future__ import braces\n",
        Some(("SyntaxError", "not a chance", 1, 1)),
    ),
    (
        "x = 1\nfrom __future__ import annotations\n",
        Some((
            "SyntaxError",
            "from __future__ imports must occur at the beginning of the file",
            2,
            1,
        )),
    ),
    (
        "from __future__ import nope\n",
        Some(("SyntaxError", "future feature nope is not defined", 1, 1)),
    ),
    (
        "match x:\n    case y:\n        pass\n    case 1:\n        pass\n",
        Some((
            "SyntaxError",
            "name capture 'y' makes remaining patterns unreachable",
            2,
            10,
        )),
    ),
    (
        "match x:\n    case [a, a]:\n        pass\n",
        Some((
            "SyntaxError",
            "multiple assignments to name 'a' in pattern",
            2,
            14,
        )),
    ),
    (
        "match x:\n    case {'a': 1, 'a': 2}:\n        pass\n",
        Some((
            "SyntaxError",
            "mapping pattern checks duplicate key ('a')",
            2,
            10,
        )),
    ),
    (
        "match x:\n    case 1 | y:\n        pass\n",
        Some((
            "SyntaxError",
            "alternative patterns bind different names",
            2,
            14,
        )),
    ),
    (
        "try:\n    pass\nexcept* ValueError:\n    break\n",
        Some((
            "SyntaxError",
            "'break', 'continue' and 'return' cannot appear in an except* block",
            4,
            5,
        )),
    ),
    (
        "try:\n    pass\nexcept:\n    pass\nexcept ValueError:\n    pass\n",
        Some(("SyntaxError", "default 'except:' must be last", 3, 1)),
    ),
    (
        "[(y := 1) for y in z]\n",
        Some((
            "SyntaxError",
            "assignment expression cannot rebind comprehension iteration variable 'y'",
            1,
            3,
        )),
    ),
    (
        "class C:\n    [(y := 1) for x in z]\n",
        Some((
            "SyntaxError",
            "assignment expression within a comprehension cannot be used in a class body",
            2,
            7,
        )),
    ),
    (
        "x: int = 1\ndef f():\n    global x\n    x: int\n",
        Some(("SyntaxError", "annotated name 'x' can't be global", 4, 5)),
    ),
    ("lambda: (yield)\n", None),
    (
        "f(x=1, x=2)\n",
        Some(("SyntaxError", "keyword argument repeated: x", 1, 8)),
    ),
    (
        "def f(*, **k): pass\n",
        Some(("SyntaxError", "named arguments must follow bare *", 1, 0)),
    ),
    (
        "'abc\n",
        Some((
            "SyntaxError",
            "unterminated string literal (detected at line 1)",
            1,
            1,
        )),
    ),
    ("x = 1 +\n", Some(("SyntaxError", "invalid syntax", 1, 8))),
    (
        "for x in range(3):\n    pass\nelse:\n    continue\n",
        Some(("SyntaxError", "'continue' not properly in loop", 4, 5)),
    ),
    (
        "a.b += (yield)\n",
        Some(("SyntaxError", "'yield' outside function", 1, 9)),
    ),
    (
        "(x for x in y) = 1\n",
        Some(("SyntaxError", "cannot assign to generator expression", 1, 1)),
    ),
    (
        "f'{x!z}'\n",
        Some((
            "SyntaxError",
            "f-string: invalid conversion character: expected 's', 'r', or 'a'",
            1,
            0,
        )),
    ),
    ("del (a, b), [c], d.e, f[0]\nx = 1\n", None),
    ("x = '\\udc80'\n", None),
    ("}\n", Some(("SyntaxError", "unmatched '}'", 1, 1))),
    (
        "x = [1, 2)\n",
        Some((
            "SyntaxError",
            "closing parenthesis ')' does not match opening parenthesis '['",
            1,
            10,
        )),
    ),
    (
        "f(a,\n  b]\n",
        Some((
            "SyntaxError",
            "closing parenthesis ']' does not match opening parenthesis '(' on line 1",
            2,
            4,
        )),
    ),
    (
        "x = ((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((()))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))\n",
        Some(("SyntaxError", "too many nested parentheses", 1, 205)),
    ),
    (
        "for i0 in x:\n    for i1 in x:\n        for i2 in x:\n            for i3 in x:\n                for i4 in x:\n                    for i5 in x:\n                        for i6 in x:\n                            for i7 in x:\n                                for i8 in x:\n                                    for i9 in x:\n                                        for i10 in x:\n                                            for i11 in x:\n                                                for i12 in x:\n                                                    for i13 in x:\n                                                        for i14 in x:\n                                                            for i15 in x:\n                                                                for i16 in x:\n                                                                    for i17 in x:\n                                                                        for i18 in x:\n                                                                            for i19 in x:\n                                                                                for i20 in x:\n                                                                                    pass\n",
        Some(("SyntaxError", "too many statically nested blocks", 21, 81)),
    ),
    (
        "(a.b := 1)\n",
        Some((
            "SyntaxError",
            "cannot use assignment expressions with attribute",
            1,
            2,
        )),
    ),
    (
        "del (x := 1)\n",
        Some(("SyntaxError", "cannot delete named expression", 1, 6)),
    ),
    (
        "lambda: 1 = 2\n",
        Some(("SyntaxError", "cannot assign to lambda", 1, 1)),
    ),
    (
        "x = 1\u{00a0}+ 2\n",
        Some((
            "SyntaxError",
            "invalid non-printable character U+00A0",
            1,
            6,
        )),
    ),
    (
        "x = (1,\ny = 2\n",
        Some(("SyntaxError", "'(' was never closed", 1, 5)),
    ),
    (
        "a if b else c = 1\n",
        Some((
            "SyntaxError",
            "cannot assign to conditional expression",
            1,
            1,
        )),
    ),
    (
        "x = '''abc\n\n",
        Some((
            "SyntaxError",
            "unterminated triple-quoted string literal (detected at line 2)",
            1,
            5,
        )),
    ),
    ("x = $\n", Some(("SyntaxError", "invalid syntax", 1, 5))),
    // Messages only (offsets not compared):
    (
        "f(a b)\n",
        Some((
            "SyntaxError",
            "invalid syntax. Perhaps you forgot a comma?",
            1,
            0,
        )),
    ),
    (
        "x = 1 if y\n",
        Some(("SyntaxError", "expected 'else' after 'if' expression", 1, 0)),
    ),
    (
        "0777\n",
        Some((
            "SyntaxError",
            "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
            1,
            0,
        )),
    ),
    (
        "x = 5abc\n",
        Some(("SyntaxError", "invalid decimal literal", 1, 0)),
    ),
    (
        "0x1g\n",
        Some(("SyntaxError", "invalid hexadecimal literal", 1, 0)),
    ),
    (
        "def f(x=): pass\n",
        Some(("SyntaxError", "expected default value expression", 1, 0)),
    ),
    (
        "def f(*a, *b): pass\n",
        Some(("SyntaxError", "* argument may appear only once", 1, 0)),
    ),
    (
        "def f(x, /, y, /): pass\n",
        Some(("SyntaxError", "/ may appear only once", 1, 0)),
    ),
    (
        "def f(/, x): pass\n",
        Some(("SyntaxError", "at least one argument must precede /", 1, 0)),
    ),
    (
        "match x:\n    case x as _: pass\n",
        Some(("SyntaxError", "cannot use '_' as a target", 2, 0)),
    ),
    (
        "x = {1: 2, 3: }\n",
        Some((
            "SyntaxError",
            "expression expected after dictionary key and ':'",
            1,
            0,
        )),
    ),
    (
        "b'\u{00e9}'\n",
        Some((
            "SyntaxError",
            "bytes can only contain ASCII literal characters",
            1,
            0,
        )),
    ),
    (
        "if True:\n        a = 1\n\tb = 2\n",
        Some((
            "TabError",
            "inconsistent use of tabs and spaces in indentation",
            3,
            0,
        )),
    ),
    ("try:\n    pass\nexcept* ValueError:\n    pass\n", None),
];

#[test]
fn syntax_errors_match_cpython() {
    let mut mismatches = Vec::new();
    for (src, want) in CASES {
        let got = compile(src, "<t>", Mode::Exec).err().map(|e| {
            let kind = match e.kind {
                ErrorKind::Syntax => "SyntaxError",
                ErrorKind::Indentation => "IndentationError",
                ErrorKind::Tab => "TabError",
            };
            (kind, e.msg.clone(), e.line, e.col)
        });
        let same = match (&got, want) {
            (None, None) => true,
            (Some((k, m, l, c)), Some((wk, wm, wl, wc))) => {
                k == wk && m == wm && l == wl && (*wc == 0 || c == wc)
            }
            _ => false,
        };
        if !same {
            mismatches.push(format!("{src:?}\n   want {want:?}\n   got  {got:?}"));
        }
    }
    assert!(
        mismatches.is_empty(),
        "{} of {} differ:\n{}",
        mismatches.len(),
        CASES.len(),
        mismatches.join("\n")
    );
}
