//! `code.co_positions()` and `code.co_lines()`: the location table of a
//! code object as CPython 3.11 exposes it, one entry per instruction word
//! (`tb_lasti // 2` indexes `co_positions()`; the stdlib's `traceback`
//! reads its columns for the carets). Columns are UTF-8 byte offsets, as
//! the compiler records them.

use pyvm_objmodel::Value;

use super::builtins::{NativeTable, Place, arity};
use super::call::Args;
use super::exception::PyResult;
use super::heap::Vm;
use super::layout::Kind;
use super::modules::native_types::NativeType;
use super::types::TypeId;

/// The methods of `code`.
pub(crate) const CODE_NATIVES: NativeTable = &[
    ("co_positions", Place::Method(TypeId::Code), co_positions),
    ("co_lines", Place::Method(TypeId::Code), co_lines),
];

/// The iterator `co_positions()` returns: state [code, next word index].
pub(crate) static POSITIONS: NativeType = NativeType {
    module: "builtins",
    name: "positions_iterator",
    next: Some(positions_next),
    ..NativeType::EMPTY
};

/// The iterator `co_lines()` returns: state [code, next word index].
pub(crate) static LINES: NativeType = NativeType {
    module: "builtins",
    name: "line_iterator",
    next: Some(lines_next),
    ..NativeType::EMPTY
};

fn int(i: i64) -> Value {
    Value::from_int(i).unwrap_or(Value::NONE)
}

fn code_receiver(vm: &mut Vm, a: &Args, name: &str) -> PyResult<Value> {
    arity(vm, a, name, 1, 1)?;
    let c = a.get(vm, 0);
    if vm.kind_of(c) != Some(Kind::Code) {
        let t = vm.type_name(c);
        return Err(vm.type_error(&format!(
            "descriptor '{name}' for 'code' objects doesn't apply to a '{t}' object"
        )));
    }
    Ok(c)
}

fn co_positions(vm: &mut Vm, a: Args) -> PyResult<Value> {
    code_receiver(vm, &a, "co_positions")?;
    let class = vm.native_class(&POSITIONS)?;
    let c = a.get(vm, 0);
    vm.new_native_of(&POSITIONS, class, &[c, int(0)])
}

fn co_lines(vm: &mut Vm, a: Args) -> PyResult<Value> {
    code_receiver(vm, &a, "co_lines")?;
    let class = vm.native_class(&LINES)?;
    let c = a.get(vm, 0);
    vm.new_native_of(&LINES, class, &[c, int(0)])
}

/// `(line, end_line, col, end_col)` of the next word; all None where the
/// word has no location.
fn positions_next(vm: &mut Vm, s: usize) -> PyResult<Option<Value>> {
    let (code, i) = (vm.st(s, 0), vm.st(s, 1).as_int().unwrap_or(0) as usize);
    let c = vm.code_arc(code);
    if i >= c.code.len() {
        return Ok(None);
    }
    let loc = c.locations.get(i).copied();
    vm.set_st(s, 1, int(i as i64 + 1));
    let items = match loc {
        Some(l) if l.line != 0 => [
            int(l.line as i64),
            int(l.end_line as i64),
            int(l.col as i64),
            int(l.end_col as i64),
        ],
        _ => [Value::NONE; 4],
    };
    vm.new_tuple(&items).map(Some)
}

/// `(start, end, line)`: byte offsets of the next run of words on one
/// line (`line` None where they have no location).
fn lines_next(vm: &mut Vm, s: usize) -> PyResult<Option<Value>> {
    let (code, i) = (vm.st(s, 0), vm.st(s, 1).as_int().unwrap_or(0) as usize);
    let c = vm.code_arc(code);
    let n = c.code.len();
    if i >= n {
        return Ok(None);
    }
    let line_of = |k: usize| c.locations.get(k).map(|l| l.line).unwrap_or(0);
    let line = line_of(i);
    let mut j = i + 1;
    while j < n && line_of(j) == line {
        j += 1;
    }
    vm.set_st(s, 1, int(j as i64));
    let line = if line == 0 {
        Value::NONE
    } else {
        int(line as i64)
    };
    vm.new_tuple(&[int(2 * i as i64), int(2 * j as i64), line])
        .map(Some)
}
