//! `types.CellType`: `cell_contents` (get, set, delete; "Cell is empty"),
//! the constructor `CellType([contents])`, and comparisons by contents
//! (an empty cell sorts before any full one, as CPython's).

use pyvm_objmodel::Value;

use super::{NativeTable, Place};
use crate::runtime::call::Args;
use crate::runtime::exception::PyResult;
use crate::runtime::heap::Vm;
use crate::runtime::layout::Kind;
use crate::runtime::ops::CmpOp;
use crate::runtime::types::TypeId;

pub(crate) const CELL_NATIVES: NativeTable = &[
    ("cell", Place::Constructor(TypeId::Cell), cell_new),
    ("__eq__", Place::Method(TypeId::Cell), cell_eq),
    ("__ne__", Place::Method(TypeId::Cell), cell_ne),
    ("__lt__", Place::Method(TypeId::Cell), cell_lt),
    ("__le__", Place::Method(TypeId::Cell), cell_le),
    ("__gt__", Place::Method(TypeId::Cell), cell_gt),
    ("__ge__", Place::Method(TypeId::Cell), cell_ge),
];

fn cell_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if a.nkw(vm) > 0 {
        return Err(vm.type_error("cell() takes no keyword arguments"));
    }
    let n = a.npos(vm);
    if n > 1 {
        return Err(vm.type_error(&format!("cell expected at most 1 argument, got {n}")));
    }
    let v = if n == 1 { a.get(vm, 0) } else { Value::EMPTY };
    let class = vm.ty(TypeId::Cell);
    vm.alloc_record(Kind::Cell, class, &[v], 0)
}

fn cmp(vm: &mut Vm, a: Args, op: CmpOp) -> PyResult<Value> {
    let (x, y) = (a.get(vm, 0), a.get(vm, 1));
    if vm.kind_of(x) != Some(Kind::Cell) || vm.kind_of(y) != Some(Kind::Cell) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    vm.cell_compare(op, x, y)
}

impl Vm {
    /// Two cells compared by their contents.
    pub(crate) fn cell_compare(&mut self, op: CmpOp, x: Value, y: Value) -> PyResult<Value> {
        let vm = self;
        let (cx, cy) = (vm.field(x, 0), vm.field(y, 0));
        match (cx.is_empty(), cy.is_empty()) {
            (false, false) => vm.compare(op, cx, cy),
            (ex, ey) => {
                // Empty cells compare as a smaller value than full ones.
                let o = (!ex as i32).cmp(&(!ey as i32));
                Ok(Value::from_bool(match op {
                    CmpOp::Eq => o.is_eq(),
                    CmpOp::Ne => o.is_ne(),
                    CmpOp::Lt => o.is_lt(),
                    CmpOp::Le => o.is_le(),
                    CmpOp::Gt => o.is_gt(),
                    _ => o.is_ge(),
                }))
            }
        }
    }
}

fn cell_eq(vm: &mut Vm, a: Args) -> PyResult<Value> {
    cmp(vm, a, CmpOp::Eq)
}
fn cell_ne(vm: &mut Vm, a: Args) -> PyResult<Value> {
    cmp(vm, a, CmpOp::Ne)
}
fn cell_lt(vm: &mut Vm, a: Args) -> PyResult<Value> {
    cmp(vm, a, CmpOp::Lt)
}
fn cell_le(vm: &mut Vm, a: Args) -> PyResult<Value> {
    cmp(vm, a, CmpOp::Le)
}
fn cell_gt(vm: &mut Vm, a: Args) -> PyResult<Value> {
    cmp(vm, a, CmpOp::Gt)
}
fn cell_ge(vm: &mut Vm, a: Args) -> PyResult<Value> {
    cmp(vm, a, CmpOp::Ge)
}

impl Vm {
    /// `cell.cell_contents`.
    pub(crate) fn cell_contents(&mut self, c: Value) -> PyResult<Value> {
        let v = self.field(c, 0);
        if v.is_empty() {
            return Err(self.raise_msg(TypeId::ValueError, "Cell is empty"));
        }
        Ok(v)
    }
}
