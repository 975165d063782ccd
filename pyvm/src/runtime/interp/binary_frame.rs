//! Binary operators whose left operand is an instance of a Python class
//! with a Python `__op__` method, run as a frame of the dispatch loop (as
//! CPython 3.11 does for calls) instead of a nested loop through
//! `call_value`.
//!
//! The generic path (`binary_op` → `dunder_binary`) first lets the right
//! operand go first when its class is a proper subclass of the left's
//! (and overrides the reflected method), then calls the left operand's
//! `__op__`, then, on NotImplemented, the right operand's `__rop__` and the
//! errors. The fast path applies when that order starts with the left
//! operand's `__op__` for certain: the left operand has kind `Instance`
//! (no builtin base), the right one is an immediate or an `Instance` whose
//! class is the left's or not a subclass of it, and (for `op=`) the class
//! has no `__iop__`. The method must be a plain Python function taking
//! exactly `(self, other)` (`push_direct_frame`'s conditions), found by a
//! hit of the type attribute cache (a miss takes the generic path, which
//! fills the cache). Its frame returns with [`ReturnTo::Binary`]: a result
//! other than NotImplemented goes to the destination register; for
//! NotImplemented, `binary_not_implemented` re-reads the operands from the
//! instruction's registers (untouched meanwhile) and runs the rest of the
//! generic operation (`binary_after_forward`). An exception inside the
//! method unwinds through the caller like any call's.

use pyvm_bytecode::opcode::Reg;
use pyvm_objmodel::Value;

use super::super::exception::PyResult;
use super::super::frame::ReturnTo;
use super::super::heap::Vm;
use super::super::layout::Kind;
use super::super::ops::BinOp;
use super::super::types::TypeId;

/// `__iop__` of each operator (in the order of `BinOp::dunders`).
fn inplace_name(op: BinOp) -> &'static str {
    match op {
        BinOp::Add => "__iadd__",
        BinOp::Sub => "__isub__",
        BinOp::Mul => "__imul__",
        BinOp::MatMul => "__imatmul__",
        BinOp::TrueDiv => "__itruediv__",
        BinOp::FloorDiv => "__ifloordiv__",
        BinOp::Mod => "__imod__",
        BinOp::Pow => "__ipow__",
        BinOp::LShift => "__ilshift__",
        BinOp::RShift => "__irshift__",
        BinOp::And => "__iand__",
        BinOp::Or => "__ior__",
        BinOp::Xor => "__ixor__",
    }
}

impl Vm {
    /// Pushes the frame of `type(a).__op__(a, b)` for the binary operation
    /// `dst = lhs <op> rhs`; `false` (nothing done) when the fast path does
    /// not apply (see the module documentation).
    #[inline]
    pub(super) fn binary_frame(
        &mut self,
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
        op: BinOp,
        inplace: bool,
    ) -> Option<Value> {
        let b0 = self.cur_base;
        let (a, b) = {
            let s = &self.m.roots().stack;
            (s[b0 + lhs.0 as usize], s[b0 + rhs.0 as usize])
        };
        if self.kind_of(a) != Some(Kind::Instance) {
            return None;
        }
        let ca = self.class_of(a);
        match self.kind_of(b) {
            None => {}
            Some(Kind::Instance) => {
                let cb = self.class_of(b);
                if cb != ca && self.is_subclass(cb, ca) {
                    return None;
                }
            }
            _ => return None,
        }
        if inplace && self.lookup_type_str_hit(ca, inplace_name(op)) != Some(None) {
            return None;
        }
        let Some(Some(m)) = self.lookup_type_str_hit(ca, op.dunders().0) else {
            return None;
        };
        let base = self.push_direct_frame(m, 2, ReturnTo::Binary(b0 + dst.0 as usize))?;
        let s = &mut self.roots().stack;
        s[base] = a;
        s[base + 1] = b;
        Some(m)
    }

    /// The rest of the binary operation at the caller's current
    /// instruction after the left operand's `__op__` (run as a frame by
    /// [`Vm::binary_frame`]) returned NotImplemented; the result goes to
    /// the absolute register `dst`.
    pub(super) fn binary_not_implemented(&mut self, dst: usize) -> PyResult<()> {
        let (base, instr) = {
            let f = self.m.roots().frames.last().expect("frame");
            (f.base, f.decoded.get(f.last_pc).map(|d| d.0))
        };
        self.cur_base = base;
        let Some((_, lhs, rhs, op, inplace)) = instr.as_ref().and_then(super::step::binop) else {
            return Err(self.raise_msg(
                TypeId::SystemError,
                "binary operator frame returned to another instruction",
            ));
        };
        let (a, b) = {
            let s = &self.m.roots().stack;
            (s[base + lhs.0 as usize], s[base + rhs.0 as usize])
        };
        let v = self.binary_after_forward(op, a, b, inplace)?;
        self.roots().stack[dst] = v;
        Ok(())
    }
}
