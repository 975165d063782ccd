//! One instruction: the single definition of each bytecode's semantics.

use pyvm_bytecode::Instruction as I;
use pyvm_bytecode::opcode::{Count, Reg};
use pyvm_objmodel::Value;

use super::super::call::{Args, Invoked};
use super::super::exception::{PyResult, Raised};
use super::super::frame::ReturnTo;
use super::super::generator::{FromStep, NO_SEND_REG};
use super::super::heap::Vm;
use super::super::layout::{CodeField, ExcField, FUNC_FIELDS, FuncField, Kind};
use super::super::ops::{BinOp, CmpOp};
use super::super::types::{GlobalSlot, TypeId};
use super::{Executor, Flow};

pub(super) fn binop(i: &I) -> Option<(Reg, Reg, Reg, BinOp, bool)> {
    use BinOp::*;
    Some(match *i {
        I::Add { dst, lhs, rhs, .. } => (dst, lhs, rhs, Add, false),
        I::Sub { dst, lhs, rhs, .. } => (dst, lhs, rhs, Sub, false),
        I::Mul { dst, lhs, rhs, .. } => (dst, lhs, rhs, Mul, false),
        I::MatMul { dst, lhs, rhs, .. } => (dst, lhs, rhs, MatMul, false),
        I::TrueDiv { dst, lhs, rhs, .. } => (dst, lhs, rhs, TrueDiv, false),
        I::FloorDiv { dst, lhs, rhs, .. } => (dst, lhs, rhs, FloorDiv, false),
        I::Mod { dst, lhs, rhs, .. } => (dst, lhs, rhs, Mod, false),
        I::Pow { dst, lhs, rhs, .. } => (dst, lhs, rhs, Pow, false),
        I::LShift { dst, lhs, rhs, .. } => (dst, lhs, rhs, LShift, false),
        I::RShift { dst, lhs, rhs, .. } => (dst, lhs, rhs, RShift, false),
        I::BitAnd { dst, lhs, rhs, .. } => (dst, lhs, rhs, And, false),
        I::BitOr { dst, lhs, rhs, .. } => (dst, lhs, rhs, Or, false),
        I::BitXor { dst, lhs, rhs, .. } => (dst, lhs, rhs, Xor, false),
        I::InplaceAdd { dst, lhs, rhs, .. } => (dst, lhs, rhs, Add, true),
        I::InplaceSub { dst, lhs, rhs, .. } => (dst, lhs, rhs, Sub, true),
        I::InplaceMul { dst, lhs, rhs, .. } => (dst, lhs, rhs, Mul, true),
        I::InplaceMatMul { dst, lhs, rhs, .. } => (dst, lhs, rhs, MatMul, true),
        I::InplaceTrueDiv { dst, lhs, rhs, .. } => (dst, lhs, rhs, TrueDiv, true),
        I::InplaceFloorDiv { dst, lhs, rhs, .. } => (dst, lhs, rhs, FloorDiv, true),
        I::InplaceMod { dst, lhs, rhs, .. } => (dst, lhs, rhs, Mod, true),
        I::InplacePow { dst, lhs, rhs, .. } => (dst, lhs, rhs, Pow, true),
        I::InplaceLShift { dst, lhs, rhs, .. } => (dst, lhs, rhs, LShift, true),
        I::InplaceRShift { dst, lhs, rhs, .. } => (dst, lhs, rhs, RShift, true),
        I::InplaceBitAnd { dst, lhs, rhs, .. } => (dst, lhs, rhs, And, true),
        I::InplaceBitOr { dst, lhs, rhs, .. } => (dst, lhs, rhs, Or, true),
        I::InplaceBitXor { dst, lhs, rhs, .. } => (dst, lhs, rhs, Xor, true),
        _ => return None,
    })
}

fn cmpop(i: &I) -> Option<(Reg, Reg, Reg, CmpOp)> {
    Some(match *i {
        I::Lt { dst, lhs, rhs, .. } => (dst, lhs, rhs, CmpOp::Lt),
        I::Le { dst, lhs, rhs, .. } => (dst, lhs, rhs, CmpOp::Le),
        I::Eq { dst, lhs, rhs, .. } => (dst, lhs, rhs, CmpOp::Eq),
        I::Ne { dst, lhs, rhs, .. } => (dst, lhs, rhs, CmpOp::Ne),
        I::Gt { dst, lhs, rhs, .. } => (dst, lhs, rhs, CmpOp::Gt),
        I::Ge { dst, lhs, rhs, .. } => (dst, lhs, rhs, CmpOp::Ge),
        _ => return None,
    })
}

impl Vm {
    #[inline]
    fn base(&self) -> usize {
        self.cur_base
    }

    #[inline]
    fn r(&self, reg: Reg) -> Value {
        self.m.roots().stack[self.base() + reg.0 as usize]
    }

    #[inline]
    fn set_r(&mut self, reg: Reg, v: Value) {
        let i = self.base() + reg.0 as usize;
        self.roots().stack[i] = v;
    }

    pub(super) fn name_val(&self, idx: u32) -> Value {
        let f = self.m.roots().frames.last().expect("frame");
        let names = self.field(f.code_obj, CodeField::Names as usize);
        self.tuple_items(names)[idx as usize]
    }

    fn const_val(&self, idx: u32) -> Value {
        let f = self.m.roots().frames.last().expect("frame");
        let consts = self.field(f.code_obj, CodeField::Consts as usize);
        self.tuple_items(consts)[idx as usize]
    }

    fn cell(&self, idx: u32) -> Value {
        let cells = self.m.roots().frames.last().expect("frame").cells;
        self.tuple_items(cells)[idx as usize]
    }

    fn name_error(&mut self, key: Value) -> Raised {
        let n = self.str_text(key).into_owned();
        self.raise_msg(TypeId::NameError, &format!("name '{n}' is not defined"))
    }

    /// `globals[key]`, then builtins.
    pub fn load_global(&mut self, key: Value) -> PyResult<Value> {
        let g = self.m.roots().frames.last().expect("frame").globals;
        let ki = self.push_temp(key);
        let r = (|| {
            if let Some(v) = self.dict_get(g, self.temp(ki))? {
                return Ok(v);
            }
            let g = self.m.roots().frames.last().expect("frame").globals;
            let b = self.builtins_of(g);
            if let Some(v) = self.dict_get(b, self.temp(ki))? {
                return Ok(v);
            }
            Err(self.name_error(self.temp(ki)))
        })();
        self.pop_temps(ki);
        r
    }

    fn unbound_local(&mut self, reg: Reg) -> Raised {
        let f = self.m.roots().frames.last().expect("frame");
        let name = f
            .code
            .local_names
            .get(reg.0 as usize)
            .cloned()
            .unwrap_or_default();
        self.raise_msg(
            TypeId::UnboundLocalError,
            &format!(
                "cannot access local variable '{name}' where it is not associated with a value"
            ),
        )
    }

    fn unbound_cell(&mut self, idx: u32) -> Raised {
        let f = self.m.roots().frames.last().expect("frame");
        let name = f
            .code
            .cell_name(pyvm_bytecode::opcode::CellIdx(idx))
            .unwrap_or("")
            .to_string();
        if (idx as usize) < f.code.cell_names.len() {
            self.raise_msg(
                TypeId::UnboundLocalError,
                &format!(
                    "cannot access local variable '{name}' where it is not associated with a value"
                ),
            )
        } else {
            self.raise_msg(
                TypeId::NameError,
                &format!("cannot access free variable '{name}' where it is not associated with a value in enclosing scope"),
            )
        }
    }

    /// Copies registers `first..first+n` to the temps; returns the Args.
    fn args_from_regs(&mut self, first: usize, n: usize) -> Args {
        let start = self.temps_len();
        let b = self.base();
        let roots = self.roots();
        roots
            .temps
            .extend_from_slice(&roots.stack[b + first..b + first + n]);
        let kwn = std::mem::replace(
            &mut self.roots().frames.last_mut().expect("frame").kwnames,
            Value::EMPTY,
        );
        let kw = (!kwn.is_empty()).then(|| self.push_temp(kwn));
        Args { start, n, kw }
    }

    /// A call from the dispatch loop: Python callees get a frame (no Rust
    /// recursion), natives run to completion.
    fn call_from_loop<E: Executor>(
        &mut self,
        e: &mut E,
        dst: Reg,
        callee: Value,
        first: usize,
        n: usize,
    ) -> PyResult<()> {
        e.on_call(callee);
        let mark = self.push_temp(callee);
        let args = self.args_from_regs(first, n);
        // The call window is the compiler's temporaries and its values now
        // live on the temps: clear it, so that an argument dies when the
        // callee lets it go (what `__del__` and weak references observe).
        let b = self.base();
        self.roots().stack[b + first - 1..b + first + n].fill(Value::EMPTY);
        let ret = ReturnTo::Register(self.base() + dst.0 as usize);
        if self.kind_of(callee) == Some(Kind::Type) {
            match self.instantiate_direct(mark, args, self.base() + dst.0 as usize) {
                Ok(false) => {}
                r => {
                    self.pop_temps(mark);
                    return r.map(|_| ());
                }
            }
        }
        let r = self.invoke(mark, args, ret);
        self.pop_temps(mark);
        match r? {
            Invoked::Pushed => {}
            Invoked::Done(v) => self.set_r(dst, v),
        }
        Ok(())
    }

    fn instantiate_exc(&mut self, v: Value, what: &str) -> PyResult<Value> {
        let exc = if self.is_exception_class(v) {
            self.call_value(v, &[])?
        } else {
            v
        };
        if self.kind_of(exc) != Some(Kind::Exception) {
            return Err(self.type_error(&format!("{what} must derive from BaseException")));
        }
        Ok(exc)
    }

    fn raise_from_value(&mut self, v: Value, cause: Option<Value>) -> Raised {
        let mark = self.temps_len();
        self.push_temp(v);
        self.push_temp(cause.unwrap_or(Value::EMPTY));
        let r = (|| -> PyResult<Value> {
            let exc = self.instantiate_exc(self.temp(mark), "exceptions")?;
            self.roots().temps[mark] = exc;
            if cause.is_some() {
                let c = self.temp(mark + 1);
                let c = if c.is_none() {
                    c
                } else {
                    self.instantiate_exc(c, "exception causes")?
                };
                let exc = self.temp(mark);
                self.set_field(exc, ExcField::Cause as usize, c);
                self.set_field(exc, ExcField::SuppressContext as usize, Value::TRUE);
            }
            Ok(self.temp(mark))
        })();
        self.pop_temps(mark);
        match r {
            Ok(exc) => self.raise_value(exc),
            Err(r) => r,
        }
    }

    fn make_function(&mut self, dst: Reg, code: u32, flags: u32, base: Reg) -> PyResult<()> {
        let (consts, globals) = {
            let f = self.m.roots().frames.last().expect("frame");
            (
                self.field(f.code_obj, CodeField::Consts as usize),
                f.globals,
            )
        };
        let code_obj = self.tuple_items(consts)[code as usize];
        let c = self.code_arc(code_obj).clone();
        let mut fields = [Value::NONE; FUNC_FIELDS];
        fields[FuncField::Code as usize] = code_obj;
        fields[FuncField::Globals as usize] = globals;
        let mut reg = base.0;
        for (bit, field) in [
            (1, FuncField::Defaults),
            (2, FuncField::KwDefaults),
            (4, FuncField::Annotations),
            (8, FuncField::Closure),
        ] {
            if flags & bit != 0 {
                fields[field as usize] = self.r(Reg(reg));
                reg += 1;
            }
        }
        let mark = self.temps_len();
        self.roots().temps.extend_from_slice(&fields);
        let r = (|| {
            let n = self.new_str(&c.name)?;
            self.roots().temps[mark + FuncField::Name as usize] = n;
            let q = self.new_str(&c.qualname)?;
            self.roots().temps[mark + FuncField::Qualname as usize] = q;
            let fields = self.m.roots().temps[mark..].to_vec();
            let class = self.ty(TypeId::Function);
            self.alloc_record(Kind::Function, class, &fields, 0)
        })();
        self.pop_temps(mark);
        self.set_r(dst, r?);
        Ok(())
    }

    fn build_from_regs(&mut self, base: Reg, count: Count) -> Vec<Value> {
        let b = self.base() + base.0 as usize;
        self.m.roots().stack[b..b + count.0 as usize].to_vec()
    }

    /// Runs one instruction.
    #[inline(always)]
    pub(super) fn step<E: Executor>(&mut self, e: &mut E, instr: I) -> PyResult<Flow> {
        if let Some((dst, lhs, rhs, op, inplace)) = binop(&instr) {
            let (a, b) = (self.r(lhs), self.r(rhs));
            e.on_operands(a, b);
            // Immediate ints and floats: no dunder dispatch, no allocation
            // (the generic operation's own first cases, reached directly).
            if (a.is_int() || a.is_float()) && (b.is_int() || b.is_float()) {
                let v = self.binary_op(op, a, b)?;
                self.set_r(dst, v);
                return Ok(Flow::Next);
            }
            if let Some(m) = self.binary_frame(dst, lhs, rhs, op, inplace) {
                e.on_call(m);
                return Ok(Flow::Next);
            }
            if inplace && let Some(v) = self.sub_inplace(op, a, b)? {
                self.set_r(dst, v);
                return Ok(Flow::Next);
            }
            let (a, b) = (self.r(lhs), self.r(rhs));
            let v = if inplace && op == BinOp::Add && self.kind_of(a) == Some(Kind::List) {
                self.list_extend(a, b)?;
                self.r(lhs)
            } else if inplace
                && (matches!(self.kind_of(a), Some(Kind::Instance | Kind::Native))
                    || self.heap_meta(a))
            {
                self.inplace_op(op, a, b)?
            } else if let Some(v) = inplace
                .then(|| self.container_inplace(op, a, b))
                .transpose()?
                .flatten()
            {
                v
            } else if inplace {
                let (a, b) = (self.r(lhs), self.r(rhs));
                self.inplace_fallback(op, a, b)?
            } else {
                self.binary_op(op, a, b)?
            };
            self.set_r(dst, v);
            return Ok(Flow::Next);
        }
        if let Some((dst, lhs, rhs, op)) = cmpop(&instr) {
            let (a, b) = (self.r(lhs), self.r(rhs));
            e.on_operands(a, b);
            let v = self.compare(op, a, b)?;
            self.set_r(dst, v);
            return Ok(Flow::Next);
        }
        match instr {
            I::Nop {} | I::ExtendedArg { .. } => {}
            I::Move { dst, src } => {
                let v = self.r(src);
                self.set_r(dst, v);
            }
            I::LoadConst { dst, value } => {
                let f = self.m.roots().frames.last().expect("frame");
                let consts = self.field(f.code_obj, CodeField::Consts as usize);
                let v = self.tuple_items(consts)[value.0 as usize];
                self.set_r(dst, v);
            }
            I::LoadGlobal { dst, name, cache } => {
                let v = self.load_global_cached(name.0, cache.0 as usize)?;
                self.set_r(dst, v);
            }
            I::StoreGlobal { name, src } => {
                let g = self.m.roots().frames.last().expect("frame").globals;
                self.dict_set(g, self.name_val(name.0), self.r(src))?;
            }
            I::DeleteGlobal { name } => {
                let g = self.m.roots().frames.last().expect("frame").globals;
                let key = self.name_val(name.0);
                if !self.dict_del(g, key)? {
                    return Err(self.name_error(self.name_val(name.0)));
                }
            }
            I::LoadName { dst, name } => {
                let f = self.m.roots().frames.last().expect("frame");
                let (locals, globals) = (f.locals, f.globals);
                // A dict subclass namespace (enum's `_EnumDict`) may
                // override item access: no cache.
                let plain = !self.builtin_sub(locals);
                if plain && let Some(v) = self.load_name_cached(locals, globals) {
                    self.set_r(dst, v);
                    return Ok(Flow::Next);
                }
                if plain {
                    self.fill_name_cache(locals, globals, self.name_val(name.0));
                }
                let key = self.name_val(name.0);
                let v = match self.kind_of(locals) {
                    Some(Kind::Dict) => self.ns_get(locals, key)?,
                    Some(Kind::Instance) => self.mapping_lookup(locals, key)?,
                    _ => None,
                };
                let v = match v {
                    Some(v) => v,
                    None => self.load_global(self.name_val(name.0))?,
                };
                self.set_r(dst, v);
            }
            I::StoreName { name, src } => {
                let f = self.m.roots().frames.last().expect("frame");
                let ns = if f.locals.is_empty() {
                    f.globals
                } else {
                    f.locals
                };
                if self.kind_of(ns) == Some(Kind::Instance) {
                    self.set_item(ns, self.name_val(name.0), self.r(src))?;
                } else if self.builtin_sub(ns) {
                    self.ns_set(ns, self.name_val(name.0), self.r(src))?;
                } else if !self.store_name_cached(ns, self.r(src)) {
                    self.dict_set(ns, self.name_val(name.0), self.r(src))?;
                    let f = self.m.roots().frames.last().expect("frame");
                    let ns = if f.locals.is_empty() {
                        f.globals
                    } else {
                        f.locals
                    };
                    self.fill_store_cache(ns, self.name_val(name.0));
                }
            }
            I::SetupAnnotations {} => {
                // `__annotations__ = {}` in the namespace unless it has one.
                let f = self.m.roots().frames.last().expect("frame");
                let ns = if f.locals.is_empty() {
                    f.globals
                } else {
                    f.locals
                };
                let ni = self.push_temp(ns);
                let r = (|| {
                    let key = self.new_str("__annotations__")?;
                    let ki = self.push_temp(key);
                    if self.dict_get(self.temp(ni), key)?.is_none() {
                        let d = self.new_dict()?;
                        self.dict_set(self.temp(ni), self.temp(ki), d)?;
                    }
                    Ok(())
                })();
                self.pop_temps(ni);
                r?;
            }
            I::DeleteName { name } => {
                let f = self.m.roots().frames.last().expect("frame");
                let ns = if f.locals.is_empty() {
                    f.globals
                } else {
                    f.locals
                };
                if !self.ns_del(ns, self.name_val(name.0))? {
                    return Err(self.name_error(self.name_val(name.0)));
                }
            }
            I::LoadDeref { dst, cell } => {
                let v = self.field(self.cell(cell.0), 0);
                if v.is_empty() {
                    return Err(self.unbound_cell(cell.0));
                }
                self.set_r(dst, v);
            }
            I::LoadClassDeref { dst, cell } => {
                let locals = self.m.roots().frames.last().expect("frame").locals;
                let name = {
                    let f = self.m.roots().frames.last().expect("frame");
                    f.code.cell_name(cell).unwrap_or("").to_string()
                };
                let found = if self.kind_of(locals) == Some(Kind::Dict) {
                    self.dict_get_str(locals, &name)?
                } else {
                    None
                };
                let v = match found {
                    Some(v) => v,
                    None => {
                        let v = self.field(self.cell(cell.0), 0);
                        if v.is_empty() {
                            return Err(self.unbound_cell(cell.0));
                        }
                        v
                    }
                };
                self.set_r(dst, v);
            }
            I::StoreDeref { cell, src } => {
                let v = self.r(src);
                self.set_field(self.cell(cell.0), 0, v);
            }
            I::DeleteDeref { cell } => {
                let c = self.cell(cell.0);
                if self.field(c, 0).is_empty() {
                    return Err(self.unbound_cell(cell.0));
                }
                self.set_field(c, 0, Value::EMPTY);
            }
            I::LoadClosure { dst, cell } => {
                let c = self.cell(cell.0);
                self.set_r(dst, c);
            }
            I::CheckBound { reg } => {
                if self.r(reg).is_empty() {
                    return Err(self.unbound_local(reg));
                }
            }
            I::DeleteFast { reg } => {
                if self.r(reg).is_empty() {
                    return Err(self.unbound_local(reg));
                }
                self.set_r(reg, Value::EMPTY);
            }
            I::LoadAttr {
                dst,
                obj,
                name,
                cache,
            } => {
                if let Some(v) = self.load_attr_cached(self.r(obj), cache.0 as usize) {
                    self.set_r(dst, v);
                    return Ok(Flow::Next);
                }
                if let Some(v) = self.load_attr_fast(self.r(obj), self.name_val(name.0))? {
                    self.set_r(dst, v);
                    self.specialize_load_attr(self.r(obj), self.name_val(name.0), cache.0 as usize);
                    return Ok(Flow::Next);
                }
                let v = self.get_attr(self.r(obj), self.name_val(name.0))?;
                self.set_r(dst, v);
                let (o, k) = (self.r(obj), self.name_val(name.0));
                self.specialize_slot_attr(o, k, false, cache.0 as usize);
            }
            I::StoreAttr {
                obj,
                name,
                src,
                cache,
            } => {
                if self.store_attr_cached(self.r(obj), self.r(src), cache.0 as usize) {
                    return Ok(Flow::Next);
                }
                let before = self.store_shape_before(self.r(obj));
                if self.store_attr_fast(self.r(obj), self.name_val(name.0), self.r(src))? {
                    let (o, k) = (self.r(obj), self.name_val(name.0));
                    self.specialize_store_attr(o, k, before, cache.0 as usize);
                } else {
                    self.set_attr(self.r(obj), self.name_val(name.0), self.r(src))?;
                    let (o, k) = (self.r(obj), self.name_val(name.0));
                    self.specialize_slot_attr(o, k, true, cache.0 as usize);
                }
            }
            I::DeleteAttr { obj, name } => {
                self.del_attr(self.r(obj), self.name_val(name.0))?;
            }
            I::LoadMethod {
                dst,
                obj,
                name,
                cache,
            } => {
                if let Some(f) = self.load_method_cached(self.r(obj), cache.0 as usize) {
                    let o = self.r(obj);
                    self.set_r(dst, f);
                    self.set_r(Reg(dst.0 + 1), o);
                    return Ok(Flow::Next);
                }
                if let Some(f) = self.load_method_fast(self.r(obj), self.name_val(name.0))? {
                    let (o, k) = (self.r(obj), self.name_val(name.0));
                    self.specialize_load_method(o, k, cache.0 as usize);
                    let o = self.r(obj);
                    self.set_r(dst, f);
                    self.set_r(Reg(dst.0 + 1), o);
                    return Ok(Flow::Next);
                }
                let o = self.r(obj);
                let m = self.load_method(o, self.name_val(name.0))?;
                let next = Reg(dst.0 + 1);
                match m {
                    super::super::attr::Method::Unbound(f) => {
                        let o = self.r(obj);
                        self.set_r(dst, f);
                        self.set_r(next, o);
                        self.specialize_no_dict_method(o, self.name_val(name.0), cache.0 as usize);
                    }
                    super::super::attr::Method::Attr(v) => {
                        self.set_r(dst, v);
                        self.set_r(next, Value::EMPTY);
                    }
                }
            }
            I::GetItem { dst, obj, key, .. } => {
                let v = self.get_item(self.r(obj), self.r(key))?;
                self.set_r(dst, v);
            }
            I::StoreItem { obj, key, src } => {
                self.set_item(self.r(obj), self.r(key), self.r(src))?;
            }
            I::DeleteItem { obj, key } => {
                self.del_item(self.r(obj), self.r(key))?;
            }
            I::Neg { dst, src } | I::Pos { dst, src } | I::Invert { dst, src } => {
                let op = match instr {
                    I::Neg { .. } => "-",
                    I::Pos { .. } => "+",
                    _ => "~",
                };
                let v = self.unary_op(op, self.r(src))?;
                self.set_r(dst, v);
            }
            I::Not { dst, src } => {
                let t = self.truthy(self.r(src))?;
                self.set_r(dst, Value::from_bool(!t));
            }
            I::Is { dst, lhs, rhs } => {
                let v = self.r(lhs) == self.r(rhs);
                self.set_r(dst, Value::from_bool(v));
            }
            I::IsNot { dst, lhs, rhs } => {
                let v = self.r(lhs) != self.r(rhs);
                self.set_r(dst, Value::from_bool(v));
            }
            I::Contains {
                dst,
                item,
                container,
            }
            | I::NotContains {
                dst,
                item,
                container,
            } => {
                let c = self.contains(self.r(container), self.r(item))?;
                let neg = matches!(instr, I::NotContains { .. });
                self.set_r(dst, Value::from_bool(c != neg));
            }
            I::Jump { target } => {
                let f = self.roots().frames.last_mut().expect("frame");
                if (target.0 as usize) < f.last_pc {
                    e.on_back_edge(target.0 as usize);
                }
                f.pc = target.0 as usize;
            }
            I::JumpIfTrue { cond, target } | I::JumpIfFalse { cond, target } => {
                let c = self.r(cond);
                // A bool (what comparisons give) without the call.
                let t = match c.as_bool() {
                    Some(t) => t,
                    None => self.truthy(c)?,
                };
                let take = t == matches!(instr, I::JumpIfTrue { .. });
                e.on_branch(take);
                if take {
                    self.roots().frames.last_mut().expect("frame").pc = target.0 as usize;
                }
            }
            I::JumpIfNone { src, target } | I::JumpIfNotNone { src, target } => {
                let take = self.r(src).is_none() == matches!(instr, I::JumpIfNone { .. });
                e.on_branch(take);
                if take {
                    self.roots().frames.last_mut().expect("frame").pc = target.0 as usize;
                }
            }
            I::GetIter { dst, src } => {
                let it = self.get_iter(self.r(src))?;
                self.set_r(dst, it);
            }
            I::ForIter { dst, iter, target } => match self.iter_next(self.r(iter))? {
                Some(v) => {
                    e.on_branch(false);
                    self.set_r(dst, v);
                }
                None => {
                    e.on_branch(true);
                    self.roots().frames.last_mut().expect("frame").pc = target.0 as usize;
                }
            },
            I::Return { src } => return Ok(Flow::Return(self.r(src))),
            I::YieldValue { dst, src } => return Ok(Flow::Yield(self.r(src), dst.0)),
            I::YieldFrom { dst, iter } => match self.yield_from_step(self.r(iter))? {
                FromStep::Yield(v) => {
                    // The pc stays on this instruction until the delegate returns.
                    let f = self.roots().frames.last_mut().expect("frame");
                    f.pc = f.last_pc;
                    return Ok(Flow::Yield(v, NO_SEND_REG));
                }
                FromStep::Done(v) => self.set_r(dst, v),
            },
            I::GetYieldFromIter { dst, src } => {
                let v = self.yield_from_iter(self.r(src))?;
                self.set_r(dst, v);
            }
            I::GetAwaitable { dst, src, kind } => {
                let v = self.get_awaitable(self.r(src), kind.0)?;
                self.set_r(dst, v);
            }
            I::GetAIter { dst, src } => {
                let v = self.get_aiter(self.r(src))?;
                self.set_r(dst, v);
            }
            I::GetANext { dst, aiter } => {
                let v = self.get_anext(self.r(aiter))?;
                self.set_r(dst, v);
            }
            I::EndAsyncFor { exc } => {
                let x = self.r(exc);
                if !self.exc_matches(x, TypeId::StopAsyncIteration) {
                    return Err(self.raise_value(x));
                }
            }
            I::AsyncWithEnter { exit, dst, mgr } => {
                let (x, v) = self.async_with_enter(self.r(mgr))?;
                self.set_r(exit, x);
                self.set_r(dst, v);
            }
            I::Call {
                dst, base, argc, ..
            } => {
                let callee = self.r(base);
                if self.call_direct(dst.0 as usize, callee, base.0 as usize + 1, argc.0 as usize) {
                    e.on_call(callee);
                    return Ok(Flow::Next);
                }
                self.call_from_loop(e, dst, callee, base.0 as usize + 1, argc.0 as usize)?;
            }
            I::CallMethod {
                dst, base, argc, ..
            } => {
                let callee = self.r(base);
                let has_self = !self.r(Reg(base.0 + 1)).is_empty();
                let (first, n) = if has_self {
                    (base.0 as usize + 1, argc.0 as usize + 1)
                } else {
                    (base.0 as usize + 2, argc.0 as usize)
                };
                if self.call_direct(dst.0 as usize, callee, first, n) {
                    e.on_call(callee);
                    return Ok(Flow::Next);
                }
                self.call_from_loop(e, dst, callee, first, n)?;
            }
            I::KwNames { names } => {
                let f = self.m.roots().frames.last().expect("frame");
                let consts = self.field(f.code_obj, CodeField::Consts as usize);
                let v = self.tuple_items(consts)[names.0 as usize];
                self.roots().frames.last_mut().expect("frame").kwnames = v;
            }
            I::CallEx { dst, func, args }
            | I::CallExKw {
                dst, func, args, ..
            } => {
                let t = self.r(args);
                if self.kind_of(t) != Some(Kind::Tuple) {
                    let tup = self.star_args_tuple(self.r(func), t)?;
                    self.set_r(args, tup);
                }
                let kwdict = match instr {
                    I::CallExKw { kwargs, .. } => {
                        let mut kw = self.r(kwargs);
                        if self.kind_of(kw) != Some(Kind::Dict) {
                            match self.mapping_to_dict(kw)? {
                                Some(d) => kw = d,
                                None => {
                                    let t = self.type_name(self.r(kwargs));
                                    let who = self.callable_name(self.r(func))?;
                                    return Err(self.type_error(&format!(
                                        "{who}() argument after ** must be a mapping, not {t}"
                                    )));
                                }
                            }
                        }
                        Some(kw)
                    }
                    _ => None,
                };
                let t = self.r(args);
                let callee = self.r(func);
                e.on_call(callee);
                let mark = self.push_temp(callee);
                let items = self.tuple_items(t).to_vec();
                let npos = items.len();
                self.roots().temps.extend(items);
                // Keyword arguments follow the positional ones, their names
                // in a tuple (the layout a KwNames prefix gives a call).
                let pairs: Vec<(Value, Value)> = match kwdict {
                    Some(kw) => self.dict_mut(kw).items(&self.keys()).collect(),
                    None => Vec::new(),
                };
                for &(k, _) in &pairs {
                    if !self.is_str(k) {
                        self.pop_temps(mark);
                        return Err(self.type_error("keywords must be strings"));
                    }
                }
                let names: Vec<Value> = pairs.iter().map(|p| p.0).collect();
                self.roots().temps.extend(pairs.iter().map(|p| p.1));
                let kw = if names.is_empty() {
                    None
                } else {
                    let nm = self.temps_len();
                    self.roots().temps.extend_from_slice(&names);
                    let t = self.new_tuple(&names);
                    let t = match t {
                        Ok(t) => t,
                        Err(r) => {
                            self.pop_temps(mark);
                            return Err(r);
                        }
                    };
                    self.pop_temps(nm);
                    Some(self.push_temp(t))
                };
                let a = Args {
                    start: mark + 1,
                    n: npos + names.len(),
                    kw,
                };
                let ret = ReturnTo::Register(self.base() + dst.0 as usize);
                let r = self.invoke(mark, a, ret);
                self.pop_temps(mark);
                if let Invoked::Done(v) = r? {
                    self.set_r(dst, v);
                }
            }
            I::MakeFunction {
                dst,
                code,
                flags,
                base,
            } => {
                self.make_function(dst, code.0, flags.0, base)?;
            }
            I::BuildTuple { dst, base, count } => {
                let items = self.build_from_regs(base, count);
                let t = self.new_tuple(&items)?;
                self.set_r(dst, t);
            }
            I::BuildList { dst, base, count } => {
                let items = self.build_from_regs(base, count);
                let l = self.new_list(&items)?;
                self.set_r(dst, l);
            }
            I::BuildMap { dst, base, count } => {
                let d = self.new_dict()?;
                let b = base.0;
                for i in 0..count.0 {
                    let (k, v) = (self.r(Reg(b + 2 * i)), self.r(Reg(b + 2 * i + 1)));
                    self.dict_set(d, k, v)?;
                }
                self.set_r(dst, d);
            }
            I::BuildString { dst, base, count } => {
                let items = self.build_from_regs(base, count);
                let mut bytes = Vec::new();
                let mut chars = 0;
                for v in items {
                    bytes.extend_from_slice(self.str_bytes(v));
                    chars += self.str_chars(v);
                }
                let s = self.alloc_str_bytes(&bytes, chars)?;
                self.set_r(dst, s);
            }
            I::ListAppend { list, src } => {
                let l = self.r(list);
                let v = self.r(src);
                self.list_vec(l).push(v);
                // SAFETY: `l` was just read from a register (rooted, live).
                unsafe { self.barrier(l) };
            }
            I::ListExtend { list, src } => {
                if !self.iterable_kind(self.r(src)) {
                    let t = self.type_name(self.r(src));
                    let msg = format!("Value after * must be an iterable, not {t}");
                    return Err(self.type_error(&msg));
                }
                self.list_extend(self.r(list), self.r(src))?
            }
            I::MapAdd { map, key, value } => {
                self.dict_set(self.r(map), self.r(key), self.r(value))?;
            }
            I::DictUpdate { dict, src } | I::DictMerge { dict, src, .. } => {
                let mut s = self.r(src);
                if self.kind_of(s) != Some(Kind::Dict) {
                    match self.mapping_to_dict(s)? {
                        Some(d) => s = d,
                        None => {
                            let t = self.type_name(self.r(src));
                            let msg = match instr {
                                I::DictMerge { func, .. } => {
                                    let who = self.callable_name(self.r(func))?;
                                    format!("{who}() argument after ** must be a mapping, not {t}")
                                }
                                _ => format!("'{t}' object is not a mapping"),
                            };
                            return Err(self.type_error(&msg));
                        }
                    }
                }
                let items: Vec<(Value, Value)> = self.dict_mut(s).items(&self.keys()).collect();
                let mark = self.temps_len();
                for (k, v) in items {
                    self.push_temp(k);
                    self.push_temp(v);
                }
                let n = (self.temps_len() - mark) / 2;
                let merge_func = match instr {
                    I::DictMerge { func, .. } => Some(func),
                    _ => None,
                };
                let r = (|| {
                    for i in 0..n {
                        let (k, v) = (self.temp(mark + 2 * i), self.temp(mark + 2 * i + 1));
                        if let Some(func) = merge_func
                            && self.dict_get(self.r(dict), k)?.is_some()
                        {
                            let who = self.callable_name(self.r(func))?;
                            let key = self.str_text(self.temp(mark + 2 * i)).into_owned();
                            return Err(self.type_error(&format!(
                                "{who}() got multiple values for keyword argument '{key}'"
                            )));
                        }
                        self.dict_set(self.r(dict), k, v)?;
                    }
                    Ok(())
                })();
                self.pop_temps(mark);
                r?;
            }
            I::ListToTuple { dst, src } => {
                let items = self.list_vec(self.r(src)).clone();
                let t = self.new_tuple(&items)?;
                self.set_r(dst, t);
            }
            I::UnpackSequence { base, src, count } => {
                if self.unpack_exact(base, src, count.0 as usize) {
                    return Ok(Flow::Next);
                }
                let items = self.unpack(self.r(src), count.0 as usize)?;
                for (i, v) in items.into_iter().enumerate() {
                    self.set_r(Reg(base.0 + i as u32), v);
                }
            }
            I::FormatValue { dst, src, conv } | I::ConvertValue { dst, src, conv } => {
                let format = matches!(instr, I::FormatValue { .. });
                let s = self.format_convert(self.r(src), conv.0, format)?;
                self.set_r(dst, s);
            }
            I::BuildSet { dst, base, count } => {
                let s = self.new_set()?;
                for i in 0..count.0 {
                    let v = self.r(Reg(base.0 + i));
                    self.dict_set(s, v, Value::NONE)?;
                }
                self.set_r(dst, s);
            }
            I::SetAdd { set, src } => {
                self.dict_set(self.r(set), self.r(src), Value::NONE)?;
            }
            I::SetUpdate { set, src } => {
                let items = self.collect_iterable(self.r(src))?;
                for v in items {
                    self.dict_set(self.r(set), v, Value::NONE)?;
                }
            }
            I::FormatWithSpec { dst, src, spec } => {
                let s = self.format_value(self.r(src), self.r(spec))?;
                self.set_r(dst, s);
            }
            I::UnpackEx {
                base,
                src,
                before,
                after,
            } => {
                let items = self.collect_iterable(self.r(src))?;
                let (b, a) = (before.0 as usize, after.0 as usize);
                if items.len() < b + a {
                    return Err(self.raise_msg(
                        TypeId::ValueError,
                        &format!(
                            "not enough values to unpack (expected at least {}, got {})",
                            b + a,
                            items.len()
                        ),
                    ));
                }
                let mark = self.temps_len();
                self.roots().temps.extend_from_slice(&items);
                let middle = self.new_list(&items[b..items.len() - a]);
                let items = self.m.roots().temps[mark..].to_vec();
                self.pop_temps(mark);
                let middle = middle?;
                for (i, &v) in items[..b].iter().enumerate() {
                    self.set_r(Reg(base.0 + i as u32), v);
                }
                self.set_r(Reg(base.0 + b as u32), middle);
                for (i, &v) in items[items.len() - a..].iter().enumerate() {
                    self.set_r(Reg(base.0 + (b + 1 + i) as u32), v);
                }
            }
            I::GetLen { dst, src } => {
                let n = self.len_of(self.r(src))?;
                let v = self.new_i64(n as i64)?;
                self.set_r(dst, v);
            }
            I::LoadBuildClass { dst } => {
                let b = self.global(GlobalSlot::Builtins);
                let v = self.dict_get_str(b, "__build_class__")?;
                match v {
                    Some(v) => self.set_r(dst, v),
                    None => {
                        return Err(self.raise_msg(TypeId::NameError, "__build_class__ not found"));
                    }
                }
            }
            I::LoadAssertionError { dst } => {
                let t = self.ty(TypeId::AssertionError);
                self.set_r(dst, t);
            }
            I::Raise { exc } => return Err(self.raise_from_value(self.r(exc), None)),
            I::RaiseFrom { exc, cause } => {
                return Err(self.raise_from_value(self.r(exc), Some(self.r(cause))));
            }
            I::Reraise { exc } => {
                let v = self.r(exc);
                return Err(self.raise_value(v));
            }
            I::ReraiseCurrent {} => {
                let h = self.m.roots().handled;
                if h.is_empty() {
                    return Err(
                        self.raise_msg(TypeId::RuntimeError, "No active exception to reraise")
                    );
                }
                return Err(self.raise_value(h));
            }
            I::PushExcInfo { saved, exc } => {
                let prev = self.m.roots().handled;
                self.set_r(saved, if prev.is_empty() { Value::NONE } else { prev });
                let v = self.r(exc);
                self.roots().handled = v;
            }
            I::PopExcInfo { saved } => {
                let v = self.r(saved);
                self.roots().handled = if v.is_none() { Value::EMPTY } else { v };
            }
            I::CheckExcMatch { dst, exc, ty } => {
                let (x, t) = (self.r(exc), self.r(ty));
                let m = self.exception_matches(x, t)?;
                self.set_r(dst, Value::from_bool(m));
            }
            I::MatchSequence { dst, subject } => {
                let b = self.match_is_sequence(self.r(subject))?;
                self.set_r(dst, Value::from_bool(b));
            }
            I::MatchMapping { dst, subject } => {
                let b = self.match_is_mapping(self.r(subject))?;
                self.set_r(dst, Value::from_bool(b));
            }
            I::MatchKeys { dst, subject, keys } => {
                let v = self.match_keys(self.r(subject), self.r(keys))?;
                self.set_r(dst, v);
            }
            I::CopyDictWithoutKeys { dst, subject, keys } => {
                let v = self.copy_dict_without_keys(self.r(subject), self.r(keys))?;
                self.set_r(dst, v);
            }
            I::MatchClass {
                dst_cls,
                subject,
                npos,
                names,
            } => {
                let n = self.const_val(names.0);
                let v = self.match_class(self.r(dst_cls), self.r(subject), npos.0 as usize, n)?;
                self.set_r(dst_cls, v);
            }
            I::CheckEgMatch {
                matched,
                rest,
                exc,
                ty,
            } => {
                let (m, r) = self.except_star_match(self.r(exc), self.r(ty))?;
                self.set_r(matched, m);
                self.set_r(rest, r);
            }
            I::PrepReraiseStar { dst, orig, raised } => {
                let v = self.prep_reraise_star(self.r(orig), self.r(raised))?;
                self.set_r(dst, v);
            }
            I::BuildSlice { dst, base, count } => {
                let items = self.build_from_regs(base, count);
                let step = items.get(2).copied().unwrap_or(Value::NONE);
                let class = self.ty(TypeId::Slice);
                let s = self.alloc_record(Kind::Slice, class, &[items[0], items[1], step], 0)?;
                self.set_r(dst, s);
            }
            I::WithEnter { exit, dst, mgr } => {
                self.check_context_manager(self.r(mgr))?;
                let key = self.new_str("__exit__")?;
                let exit_fn = self.get_attr(self.r(mgr), key)?;
                self.set_r(exit, exit_fn);
                let key = self.new_str("__enter__")?;
                let enter = self.get_attr(self.r(mgr), key)?;
                let v = self.call_value(enter, &[])?;
                self.set_r(dst, v);
            }
            I::WithExit { dst, exit, exc } => {
                let e = self.r(exc);
                let args = if e.is_none() {
                    [Value::NONE, Value::NONE, Value::NONE]
                } else {
                    let tb = self.field(e, ExcField::Traceback as usize);
                    [
                        self.class_of(e),
                        e,
                        if tb.is_empty() { Value::NONE } else { tb },
                    ]
                };
                let v = self.call_value(self.r(exit), &args)?;
                self.set_r(dst, v);
            }
            I::ImportName {
                dst,
                name,
                fromlist,
                level,
            } => {
                let n = self.str_text(self.name_val(name.0)).into_owned();
                let fl = self.const_val(fromlist.0);
                let m = self.import_name(&n, fl, level.0 as usize)?;
                self.set_r(dst, m);
            }
            I::ImportStar { module } => {
                self.import_star(self.r(module))?;
            }
            I::ImportFrom { dst, module, name } => {
                let n = self.name_val(name.0);
                let v = self.import_from(self.r(module), n)?;
                self.set_r(dst, v);
            }
            I::PrintExpr { src } => {
                let v = self.r(src);
                crate::runtime::repl::print_expr(self, v)?;
            }
            other => {
                return Err(
                    self.not_supported(&format!("the {} instruction", other.opcode().name()))
                );
            }
        }
        Ok(Flow::Next)
    }

    /// How CPython names a callable in argument errors (`module.qualname`
    /// for functions).
    pub(crate) fn callable_name(&mut self, f: Value) -> PyResult<String> {
        match self.kind_of(f) {
            Some(Kind::Function) => {
                let q = self.field(f, FuncField::Qualname as usize);
                let q = self.str_text(q).into_owned();
                let g = self.field(f, FuncField::Globals as usize);
                let module = match self.dict_get_str(g, "__name__")? {
                    Some(m) if self.is_str(m) => format!("{}.", self.str_text(m)),
                    _ => String::new(),
                };
                Ok(format!("{module}{q}"))
            }
            Some(Kind::Type) => Ok(self.class_name(f)),
            Some(Kind::Builtin) => {
                let n = self.field(f, super::super::layout::BuiltinField::Name as usize);
                Ok(self.str_text(n).into_owned())
            }
            _ => Ok(self.type_name(f) + " object"),
        }
    }

    /// `except T` matching: `t` is an exception class or a tuple of them.
    pub fn exception_matches(&mut self, exc: Value, t: Value) -> PyResult<bool> {
        let classes: Vec<Value> = if self.kind_of(t) == Some(Kind::Tuple) {
            self.tuple_items(t).to_vec()
        } else {
            vec![t]
        };
        for c in &classes {
            if !self.is_exception_class(*c) {
                return Err(self.type_error(
                    "catching classes that do not inherit from BaseException is not allowed",
                ));
            }
        }
        let ec = self.class_of(exc);
        Ok(classes.iter().any(|&c| self.is_subclass(ec, c)))
    }
}
