//! The `_ast` native module and `compile(..., PyCF_ONLY_AST)`.
//!
//! The node classes are ordinary Python classes made from one table of
//! Python 3.11's abstract grammar (`py/ast_nodes.py`, run in the module's
//! namespace when `_ast` is first imported): `_fields`, `_attributes`,
//! `__match_args__`, optional fields defaulting to None, the `AST`
//! constructor and `__reduce__`. A parse runs `pyvm-bytecode`'s parser
//! (same syntax errors as `compile`) and converts ruff's tree into
//! instances of those classes (`build.rs`, `expr.rs`, `stmt.rs`), with
//! CPython's positions: 1-based lines, UTF-8 byte columns.
//!
//! `compile(tree, ...)` compiles `ast.unparse(tree)`: the code runs as the
//! tree says, but its line numbers are those of the unparsed text.

mod build;
mod expr;
mod stmt;

use pyvm_bytecode::Mode;
use pyvm_objmodel::Value;

use super::exception::PyResult;
use super::heap::Vm;
use super::modules::{ModuleRef, NativeModule};
use super::types::TypeId;

/// The node classes' table and the `AST` base class.
const SRC: &str = include_str!("../py/ast_nodes.py");

/// `_ast`.
pub(crate) const MODULE: NativeModule = NativeModule {
    name: "_ast",
    functions: &[],
    init: Some(init),
};

fn init(vm: &mut Vm, m: ModuleRef) -> PyResult<()> {
    let code = match pyvm_bytecode::compile(SRC, "<pyvm _ast>", Mode::Exec) {
        Ok(c) => c,
        Err(e) => {
            return Err(vm.raise_msg(TypeId::SystemError, &format!("cannot compile _ast: {e:?}")));
        }
    };
    let code = vm.new_code(code)?;
    let ci = vm.push_temp(code);
    let globals = vm.field(m.get(vm), 0);
    let depth = vm.m.roots().frames.len();
    let r = vm
        .push_code_frame(vm.temp(ci), globals, globals, Value::EMPTY)
        .and_then(|_| vm.run_frames(depth));
    vm.pop_temps(ci);
    r.map(|_| ())
}

/// `compile(src, filename, mode, PyCF_ONLY_AST)`: the tree of `src`.
pub(crate) fn parse_to_tree(vm: &mut Vm, src: &str, filename: &str, mode: Mode) -> PyResult<Value> {
    let parsed = match pyvm_bytecode::parse_tree::parse(src, filename, mode) {
        Ok(p) => p,
        Err(e) => return Err(vm.raise_syntax_error(&e)),
    };
    let module = vm.import_module("_ast")?;
    let mark = vm.temps_len();
    let r = stacker::maybe_grow(16 * 1024 * 1024, 64 * 1024 * 1024, || {
        let mut b = build::Builder::new(vm, module, src)?;
        b.module(vm, parsed.syntax(), mode)?;
        Ok(vm.temp(vm.temps_len() - 1))
    });
    vm.pop_temps(mark);
    r
}

/// Whether `v` is an instance of `_ast.AST` (false when `_ast` was never
/// imported: no tree can exist then).
pub(crate) fn is_ast_node(vm: &mut Vm, v: Value) -> PyResult<bool> {
    let modules = vm.global(super::types::GlobalSlot::Modules);
    let vi = vm.push_temp(v);
    let m = vm.dict_get_str(modules, "_ast");
    let r = match m {
        Ok(Some(m)) => match vm.get_attr_str(m, "AST") {
            Ok(ast) => {
                let cls = vm.class_of(vm.temp(vi));
                Ok(vm.is_subclass(cls, ast))
            }
            Err(e) => Err(e),
        },
        Ok(None) => Ok(false),
        Err(e) => Err(e),
    };
    vm.pop_temps(vi);
    r
}

/// The source text `compile()` compiles for an AST object: the tree is
/// checked as CPython's validator does (required fields and positions,
/// expression contexts, the node matching `mode`), then unparsed.
pub(crate) fn tree_source(vm: &mut Vm, tree: Value, mode: Mode) -> PyResult<String> {
    let ti = vm.push_temp(tree);
    let r = (|| {
        let mode = match mode {
            Mode::Exec => "exec",
            Mode::Eval => "eval",
            Mode::Single => "single",
        };
        let m = vm.import_module("_ast")?;
        let f = vm.get_attr_str(m, "_pyvm_compile_source")?;
        let fi = vm.push_temp(f);
        let mode = vm.new_str(mode)?;
        let text = vm.call_value(vm.temp(fi), &[vm.temp(ti), mode])?;
        if !vm.is_str(text) {
            return Err(vm.type_error("ast.unparse() did not return a str"));
        }
        Ok(vm.str_text(text).into_owned())
    })();
    vm.pop_temps(ti);
    r
}
