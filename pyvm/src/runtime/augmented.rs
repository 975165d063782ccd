//! `a op= b` as a function (`operator.iadd` and friends): the steps of the
//! in-place arm of the binary-operator instruction in `interp/step.rs`, in
//! the same order, so `operator.ior(s, t) is s` for a set as `s |= t` is.

use pyvm_objmodel::Value;

use super::exception::PyResult;
use super::heap::Vm;
use super::layout::Kind;
use super::ops::BinOp;

impl Vm {
    /// `a op= b`: the result to bind (`a` itself when updated in place).
    pub(crate) fn augmented_op(&mut self, op: BinOp, a: Value, b: Value) -> PyResult<Value> {
        if (a.is_int() || a.is_float()) && (b.is_int() || b.is_float()) {
            return self.binary_op(op, a, b);
        }
        let mark = self.temps_len();
        self.push_temp(a);
        self.push_temp(b);
        let r = (|| {
            if let Some(v) = self.sub_inplace(op, a, b)? {
                return Ok(v);
            }
            let (a, b) = (self.temp(mark), self.temp(mark + 1));
            if op == BinOp::Add && self.kind_of(a) == Some(Kind::List) {
                self.list_extend(a, b)?;
                return Ok(self.temp(mark));
            }
            if matches!(self.kind_of(a), Some(Kind::Instance | Kind::Native)) || self.heap_meta(a) {
                return self.inplace_op(op, a, b);
            }
            if let Some(v) = self.container_inplace(op, a, b)? {
                return Ok(v);
            }
            let (a, b) = (self.temp(mark), self.temp(mark + 1));
            self.inplace_fallback(op, a, b)
        })();
        self.pop_temps(mark);
        r
    }
}
