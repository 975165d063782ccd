//! Code objects on the heap: bytecode plus materialized constants and names.

use std::sync::Arc;

use pyvm_bytecode::{CodeObject, Constant};
use pyvm_objmodel::Value;

use super::exception::PyResult;
use super::heap::Vm;
use super::layout::Kind;
use super::types::TypeId;

impl Vm {
    /// Wraps a compiled code object (and, recursively, its nested ones).
    pub fn new_code(&mut self, code: Arc<CodeObject>) -> PyResult<Value> {
        let mark = self.temps_len();
        let r = self.new_code_inner(&code, mark);
        self.pop_temps(mark);
        r
    }

    fn new_code_inner(&mut self, code: &Arc<CodeObject>, mark: usize) -> PyResult<Value> {
        for c in &code.consts {
            let v = self.new_constant(c)?;
            self.push_temp(v);
        }
        let items = self.m.roots().temps[mark..].to_vec();
        let consts = self.new_tuple(&items)?;
        self.pop_temps(mark);
        self.push_temp(consts);
        for n in &code.names {
            let v = self.new_str(n)?;
            self.push_temp(v);
        }
        let items = self.m.roots().temps[mark + 1..].to_vec();
        let names = self.new_tuple(&items)?;
        let consts = self.temp(mark);
        let class = self.ty(TypeId::Code);
        let boxed = Box::into_raw(Box::new(code.clone()));
        let r = self.alloc_record(Kind::Code, class, &[consts, names], boxed as u64);
        if r.is_err() {
            // SAFETY: the box was not handed to any object.
            drop(unsafe { Box::from_raw(boxed) });
        }
        r
    }

    /// The value of one constant.
    pub fn new_constant(&mut self, c: &Constant) -> PyResult<Value> {
        Ok(match c {
            Constant::None => Value::NONE,
            Constant::Bool(b) => Value::from_bool(*b),
            Constant::Int(i) => self.new_i64(*i)?,
            Constant::BigInt(b) => self.new_int((**b).clone())?,
            Constant::Float(f) => Value::from_float(*f),
            Constant::Ellipsis => Value::ELLIPSIS,
            Constant::Str(s) => self.alloc_str_bytes(s.as_bytes(), s.char_len())?,
            Constant::Tuple(items) => {
                let mark = self.temps_len();
                for it in items.iter() {
                    let v = match self.new_constant(it) {
                        Ok(v) => v,
                        Err(e) => {
                            self.pop_temps(mark);
                            return Err(e);
                        }
                    };
                    self.push_temp(v);
                }
                let vals = self.m.roots().temps[mark..].to_vec();
                let t = self.new_tuple(&vals);
                self.pop_temps(mark);
                t?
            }
            Constant::Code(code) => self.new_code(code.clone())?,
            Constant::Complex { .. } => return Err(self.not_supported("complex numbers")),
            Constant::Bytes(_) => return Err(self.not_supported("bytes")),
            Constant::FrozenSet(_) => return Err(self.not_supported("frozenset")),
        })
    }
}
