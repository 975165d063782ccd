//! Comparisons of `slice` objects: as the tuples `(start, stop, step)`,
//! with every operator (CPython 3.11 orders slices, but does not hash them).

use pyvm_objmodel::Value;

use super::exception::PyResult;
use super::heap::Vm;
use super::layout::Kind;
use super::ops::CmpOp;

impl Vm {
    /// `a <op> b` when both are slices (`None` otherwise).
    pub(crate) fn slice_compare(
        &mut self,
        op: CmpOp,
        a: Value,
        b: Value,
    ) -> PyResult<Option<Value>> {
        if self.kind_of(a) != Some(Kind::Slice) || self.kind_of(b) != Some(Kind::Slice) {
            return Ok(None);
        }
        if a == b && matches!(op, CmpOp::Eq | CmpOp::Ne) {
            return Ok(Some(Value::from_bool(op == CmpOp::Eq)));
        }
        let bi = self.push_temp(b);
        let r = (|| {
            let ta = self.slice_as_tuple(a)?;
            let ti = self.push_temp(ta);
            let tb = self.slice_as_tuple(self.temp(bi))?;
            self.compare(op, self.temp(ti), tb)
        })();
        self.pop_temps(bi);
        r.map(Some)
    }

    fn slice_as_tuple(&mut self, s: Value) -> PyResult<Value> {
        let parts = [self.field(s, 0), self.field(s, 1), self.field(s, 2)];
        self.new_tuple(&parts)
    }
}
