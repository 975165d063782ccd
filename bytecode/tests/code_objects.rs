//! Properties of compiled code objects that the interpreter relies on.

use pyvm_bytecode::encode::decode_all;
use pyvm_bytecode::{CodeFlags, CodeObject, Constant, Instruction, Mode, Opcode, compile};

fn nested<'a>(code: &'a CodeObject, name: &str) -> &'a CodeObject {
    code.nested()
        .find(|c| c.name == name)
        .unwrap_or_else(|| panic!("no nested code {name}"))
}

fn ops(code: &CodeObject) -> Vec<Opcode> {
    pyvm_bytecode::verify::verify(code).expect("verifies");
    decode_all(&code.code)
        .expect("decodes")
        .into_iter()
        .map(|(_, i)| i.opcode())
        .collect()
}

#[test]
fn lone_surrogates_survive_in_constants() {
    let code = compile("x = '\\udc80a'\n", "t", Mode::Exec).expect("compiles");
    let s = code
        .consts
        .iter()
        .find_map(|c| match c {
            Constant::Str(s) => Some(s.clone()),
            _ => None,
        })
        .expect("str constant");
    assert_eq!(s.code_points().collect::<Vec<_>>(), vec![0xdc80, 0x61]);
}

#[test]
fn big_ints_and_floats_are_exact() {
    let code = compile(
        "x = 123456789012345678901234567890, 0x10, 1e16\n",
        "t",
        Mode::Exec,
    )
    .expect("compiles");
    let reprs: Vec<String> = code.consts.iter().map(Constant::repr).collect();
    assert!(
        reprs.contains(&"(123456789012345678901234567890, 16, 1e+16)".to_string()),
        "{reprs:?}"
    );
}

#[test]
fn columns_are_utf8_byte_offsets() {
    let code = compile("é = f(1)\n", "t", Mode::Exec).expect("compiles");
    let instrs = decode_all(&code.code).expect("decodes");
    let call = instrs
        .iter()
        .find(|(_, i)| i.opcode() == Opcode::Call)
        .expect("call")
        .0;
    let loc = code.locations[call];
    // `é` is two bytes, so `f(1)` starts at byte 5 and ends at byte 9.
    assert_eq!((loc.line, loc.col, loc.end_line, loc.end_col), (1, 5, 1, 9));
}

#[test]
fn generator_and_coroutine_flags() {
    let src =
        "def g(): yield 1\nasync def c(): await x\nasync def ag(): yield 1\ndef f(): return 1\n";
    let code = compile(src, "t", Mode::Exec).expect("compiles");
    assert!(nested(&code, "g").flags.contains(CodeFlags::GENERATOR));
    assert!(nested(&code, "c").flags.contains(CodeFlags::COROUTINE));
    assert!(
        nested(&code, "ag")
            .flags
            .contains(CodeFlags::ASYNC_GENERATOR)
    );
    let f = nested(&code, "f").flags;
    assert!(!f.contains(CodeFlags::GENERATOR) && !f.contains(CodeFlags::COROUTINE));
    assert!(f.contains(CodeFlags::OPTIMIZED));
}

#[test]
fn super_gets_a_class_cell() {
    let code = compile(
        "class C:\n    def m(self):\n        return super().m()\n",
        "t",
        Mode::Exec,
    )
    .expect("compiles");
    let class = nested(&code, "C");
    assert_eq!(class.cell_names, ["__class__"]);
    let m = nested(class, "m");
    assert_eq!(m.free_names, ["__class__"]);
    assert_eq!(m.qualname, "C.m");
    assert!(ops(class).contains(&Opcode::LoadClosure));
}

#[test]
fn closures_share_cells_and_parameters_are_copied_in() {
    let src = "def f(a):\n    def g():\n        return a\n    return g\n";
    let code = compile(src, "t", Mode::Exec).expect("compiles");
    let f = nested(&code, "f");
    assert_eq!(f.cell_names, ["a"]);
    assert_eq!(f.cell_args.len(), 1);
    let g = nested(f, "g");
    assert_eq!(g.free_names, ["a"]);
    assert_eq!(g.qualname, "f.<locals>.g");
}

#[test]
fn try_body_is_covered_by_the_exception_table() {
    let src = "def f():\n    try:\n        g()\n    except E:\n        pass\n";
    let code = compile(src, "t", Mode::Exec).expect("compiles");
    let f = nested(&code, "f");
    let instrs = decode_all(&f.code).expect("decodes");
    let call = instrs
        .iter()
        .find(|(_, i)| i.opcode() == Opcode::Call)
        .expect("call")
        .0 as u32;
    let entry = f.find_handler(call).expect("call is covered");
    let (_, first) = instrs
        .iter()
        .find(|(pc, _)| *pc as u32 == entry.handler)
        .expect("handler");
    assert!(matches!(first, Instruction::PushExcInfo { exc, .. } if *exc == entry.exc));
    // Entering the try runs nothing: the first instruction is the call's setup.
    assert_ne!(instrs[0].1.opcode(), Opcode::Nop);
}

#[test]
fn eval_mode_returns_the_value() {
    let code = compile("1 + x", "t", Mode::Eval).expect("compiles");
    assert_eq!(ops(&code).last(), Some(&Opcode::Return));
    assert!(compile("x = 1", "t", Mode::Eval).is_err());
}

#[test]
fn large_functions_use_extended_args() {
    let mut src = String::from("def f():\n");
    for i in 0..17000 {
        src.push_str(&format!("    x{i} = {i}\n"));
    }
    src.push_str("    while x0:\n        x0 = x16999\n");
    let code = compile(&src, "t", Mode::Exec).expect("compiles");
    let f = nested(&code, "f");
    assert!(f.nregs > 17000);
    let instrs = decode_all(&f.code).expect("decodes");
    let starts: std::collections::HashSet<usize> = instrs.iter().map(|(pc, _)| *pc).collect();
    assert!(
        ops(f).len() < f.code.len(),
        "some instructions have prefixes"
    );
    for (_, ins) in &instrs {
        let op = ins.opcode();
        for (i, (_, kind)) in op.operands().iter().enumerate() {
            if *kind == pyvm_bytecode::OperandKind::Target {
                let t = ins.raw_operands()[i] as usize;
                assert!(
                    starts.contains(&t),
                    "{op} jumps into the middle of an instruction"
                );
            }
        }
    }
}

#[test]
fn deep_nesting_does_not_overflow_a_small_stack() {
    let src = format!(
        "x = {}1{}\ny = {}\nz = {}1\n",
        "(".repeat(150),
        ")".repeat(150),
        vec!["a"; 30000].join(" + "),
        "-".repeat(10000)
    );
    let handle = std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(move || compile(&src, "deep", Mode::Exec).map(|c| c.code.len()))
        .expect("spawn");
    let words = handle.join().expect("no stack overflow").expect("compiles");
    assert!(words > 30000);
}

#[test]
fn optimize_levels_drop_asserts_and_docstrings() {
    use pyvm_bytecode::{CompileOptions, compile_with};
    let src = "def f(x):\n    \"doc\"\n    assert x, 'no'\n    return __debug__\n";
    let plain = compile(src, "t", Mode::Exec).expect("compiles");
    let f = nested(&plain, "f");
    assert!(f.docstring.is_some());
    assert!(ops(f).contains(&Opcode::LoadAssertionError));
    assert!(f.consts.iter().any(|c| matches!(c, Constant::Bool(true))));
    let opts = CompileOptions {
        optimize: 2,
        ..CompileOptions::default()
    };
    let optimized = compile_with(src, "t", Mode::Exec, &opts).expect("compiles");
    let f = nested(&optimized, "f");
    assert!(f.docstring.is_none());
    assert!(!ops(f).contains(&Opcode::LoadAssertionError));
    assert!(f.consts.iter().any(|c| matches!(c, Constant::Bool(false))));
}

#[test]
fn inherited_future_annotations_stringify() {
    use pyvm_bytecode::{CompileOptions, compile_with};
    let opts = CompileOptions {
        future_annotations: true,
        ..CompileOptions::default()
    };
    let code = compile_with("x: List[int] = 1\n", "t", Mode::Exec, &opts).expect("compiles");
    assert!(
        code.consts
            .iter()
            .any(|c| matches!(c, Constant::Str(s) if s.as_str() == Some("List[int]")))
    );
    assert!(code.flags.contains(CodeFlags::FUTURE_ANNOTATIONS));
}

#[test]
fn single_mode_takes_one_statement_and_prints_expressions() {
    let code = compile("x = 1; x\n", "t", Mode::Single).expect("one logical line");
    assert!(ops(&code).contains(&Opcode::PrintExpr));
    let err = compile("x = 1\ny = 2\n", "t", Mode::Single).expect_err("two lines");
    assert_eq!(
        err.msg,
        "multiple statements found while compiling a single statement"
    );
    assert_eq!((err.line, err.col), (1, 6));
    assert!(compile("if x:\n    y\n", "t", Mode::Single).is_ok());
}
