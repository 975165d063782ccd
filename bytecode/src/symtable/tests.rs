use super::*;

fn table(src: &str) -> SymbolTable {
    let parsed = ruff_python_parser::parse_module(src).expect("parses");
    build_module(&parsed.syntax().body, false).expect("scopes")
}

fn scope_of(t: &SymbolTable, scope: &str, name: &str) -> SymScope {
    let s = t.scopes.iter().find(|s| s.name == scope).expect("scope");
    s.lookup(name).expect("symbol").scope
}

#[test]
fn closures_make_cells_and_frees() {
    let t = table("def f(a):\n    b = 1\n    def g():\n        return a + b + c\n    return g\n");
    assert_eq!(scope_of(&t, "f", "a"), SymScope::Cell);
    assert_eq!(scope_of(&t, "f", "b"), SymScope::Cell);
    assert_eq!(scope_of(&t, "g", "a"), SymScope::Free);
    assert_eq!(scope_of(&t, "g", "c"), SymScope::GlobalImplicit);
}

#[test]
fn class_scope_is_invisible_to_methods() {
    let t = table("class C:\n    x = 1\n    def m(self):\n        return x\n");
    assert_eq!(scope_of(&t, "m", "x"), SymScope::GlobalImplicit);
    assert_eq!(scope_of(&t, "C", "x"), SymScope::Local);
}

#[test]
fn super_creates_class_cell() {
    let t = table("class C:\n    def m(self):\n        return super().m()\n");
    assert_eq!(scope_of(&t, "m", "__class__"), SymScope::Free);
    assert!(
        t.scopes
            .iter()
            .find(|s| s.name == "C")
            .expect("C")
            .needs_class_closure
    );
}

#[test]
fn walrus_in_comprehension_binds_outside() {
    let t = table("def f(xs):\n    [y := x for x in xs]\n    return y\n");
    assert_eq!(scope_of(&t, "f", "y"), SymScope::Cell);
    assert_eq!(scope_of(&t, "<listcomp>", "y"), SymScope::Free);
}

#[test]
fn scoping_errors_have_cpython_messages() {
    let e = |src: &str| {
        let parsed = ruff_python_parser::parse_module(src).expect("parses");
        build_module(&parsed.syntax().body, false)
            .expect_err("error")
            .msg
    };
    assert_eq!(
        e("nonlocal x\n"),
        "nonlocal declaration not allowed at module level"
    );
    assert_eq!(
        e("def f():\n    nonlocal x\n"),
        "no binding for nonlocal 'x' found"
    );
    assert_eq!(
        e("def f(a, a): pass\n"),
        "duplicate argument 'a' in function definition"
    );
    assert_eq!(
        e("def f(a):\n    global a\n"),
        "name 'a' is parameter and global"
    );
    assert_eq!(
        e("def f():\n    x = 1\n    global x\n"),
        "name 'x' is assigned to before global declaration"
    );
    assert_eq!(e("return 1\n"), "'return' outside function");
    assert_eq!(e("class C:\n    yield 1\n"), "'yield' outside function");
    assert_eq!(
        e("def f():\n    from m import *\n"),
        "import * only allowed at module level"
    );
}
