//! Calling special methods found on a class (`__add__`, `__len__`, ...)
//! whatever they are: plain functions get the object first, other
//! descriptors (`staticmethod`, `classmethod`, user `__get__`) are bound
//! first, as CPython's slot wrappers do.

use pyvm_objmodel::Value;

use super::exception::PyResult;
use super::heap::Vm;
use super::layout::{FuncField, Kind};

impl Vm {
    /// Calls the special method `m` (found on `type(obj)`) with `obj` and `args`.
    pub fn call_special_method(&mut self, m: Value, obj: Value, args: &[Value]) -> PyResult<Value> {
        match self.kind_of(m) {
            Some(Kind::Function | Kind::Builtin) => {
                let mut all = Vec::with_capacity(args.len() + 1);
                all.push(obj);
                all.extend_from_slice(args);
                self.call_value(m, &all)
            }
            _ => {
                let mark = self.temps_len();
                self.push_temp(obj);
                self.roots().temps.extend_from_slice(args);
                let r = (|| {
                    let obj = self.temp(mark);
                    let class = self.class_of(obj);
                    let f = self.descr_get(m, obj, class)?;
                    let args = self.m.roots().temps[mark + 1..].to_vec();
                    self.call_value(f, &args)
                })();
                self.pop_temps(mark);
                r
            }
        }
    }

    /// `<bound method A.f of <A object>>`.
    pub fn bound_method_repr(&mut self, v: Value) -> PyResult<String> {
        let vi = self.push_temp(v);
        let r = (|| {
            let f = self.field(self.temp(vi), 0);
            let name = match self.kind_of(f) {
                Some(Kind::Function) => {
                    let q = self.field(f, FuncField::Qualname as usize);
                    self.str_text(q).into_owned()
                }
                _ => {
                    let key = self.name(super::names::Name::Qualname);
                    match self.get_attr_opt(f, key)? {
                        Some(q) if self.is_str(q) => self.str_text(q).into_owned(),
                        _ => "?".into(),
                    }
                }
            };
            let me = self.field(self.temp(vi), 1);
            let s = self.repr_value(me)?;
            Ok(format!("<bound method {name} of {}>", self.str_text(s)))
        })();
        self.pop_temps(vi);
        r
    }
}

impl Vm {
    /// Whether the right operand (temp `mark + 1`) goes first: its class
    /// is a proper subclass of the left's and (for arithmetic, `rname`
    /// non-empty) overrides the reflected method.
    pub fn reflected_first(&mut self, mark: usize, rname: &str) -> PyResult<bool> {
        let (a, b) = (self.temp(mark), self.temp(mark + 1));
        if !matches!(self.kind_of(b), Some(Kind::Instance | Kind::Exception)) {
            return Ok(false);
        }
        let (ca, cb) = (self.class_of(a), self.class_of(b));
        if ca == cb || !self.is_subclass(cb, ca) {
            return Ok(false);
        }
        if rname.is_empty() {
            return Ok(true);
        }
        let rb = self.lookup_type_attr(cb, rname)?;
        let ca = self.class_of(self.temp(mark));
        let ra = self.lookup_type_attr(ca, rname)?;
        Ok(rb.is_some() && rb != ra)
    }

    /// `a op= b` for an instance `a`: `__iop__`, else the binary operator.
    pub fn inplace_op(&mut self, op: super::ops::BinOp, a: Value, b: Value) -> PyResult<Value> {
        let (l, _) = op.dunders();
        let iname = format!("__i{}", &l[2..]);
        let mark = self.temps_len();
        self.push_temp(a);
        self.push_temp(b);
        let r = (|| {
            if let Some(v) = self.call_special(mark, &iname, mark + 1)? {
                return Ok(v);
            }
            let (a, b) = (self.temp(mark), self.temp(mark + 1));
            self.inplace_fallback(op, a, b)
        })();
        self.pop_temps(mark);
        r
    }

    /// The binary operation behind `a op= b` when no `__iop__` applies; its
    /// "unsupported operand" TypeError names the augmented operator
    /// (`for |=:`), as CPython's does.
    pub fn inplace_fallback(
        &mut self,
        op: super::ops::BinOp,
        a: Value,
        b: Value,
    ) -> PyResult<Value> {
        self.inplace_fallback_from(op, a, b, false)
    }

    /// [`Vm::inplace_fallback`]; with `after_forward`, the left operand's
    /// `__op__` already returned NotImplemented (the binary operator
    /// frame's continuation) and the operation goes on from there.
    pub fn inplace_fallback_from(
        &mut self,
        op: super::ops::BinOp,
        a: Value,
        b: Value,
        after_forward: bool,
    ) -> PyResult<Value> {
        let (ta, tb) = (self.type_name(a), self.type_name(b));
        let r = if after_forward {
            self.binary_after_forward(op, a, b, false)
        } else {
            self.binary_op(op, a, b)
        };
        let Err(e) = r else {
            return r;
        };
        let exc = self.raised();
        if !self.exc_matches(exc, super::types::TypeId::TypeError) {
            return Err(e);
        }
        let plain = format!(
            "unsupported operand type(s) for {}: '{ta}' and '{tb}'",
            op.symbol()
        );
        let args = self.field(exc, super::layout::ExcField::Args as usize);
        let same = self.tuple_items(args).len() == 1 && {
            let m = self.tuple_items(args)[0];
            self.is_str(m) && self.str_bytes(m) == plain.as_bytes()
        };
        if !same {
            return Err(e);
        }
        self.take_raised();
        let sym = match op {
            super::ops::BinOp::Pow => "**",
            other => other.symbol(),
        };
        Err(self.type_error(&format!(
            "unsupported operand type(s) for {sym}=: '{ta}' and '{tb}'"
        )))
    }
}

impl Vm {
    /// `iter(obj)` for an object without `__iter__`: the `__getitem__`
    /// sequence protocol, or TypeError.
    pub fn getitem_iter(&mut self, obj: Value) -> PyResult<Value> {
        let oi = self.push_temp(obj);
        let class = self.class_of(obj);
        let gi = self.lookup_name(class, super::names::Name::Getitem);
        let obj = self.temp(oi);
        self.pop_temps(oi);
        match gi? {
            Some(g) if !g.is_none() => {
                let class = self.ty(super::types::TypeId::Iterator);
                self.alloc_record(
                    Kind::SeqIter,
                    class,
                    &[obj, Value::from_int(0).unwrap_or(Value::NONE)],
                    0,
                )
            }
            _ => {
                let n = self.type_name(obj);
                Err(self.type_error(&format!("'{n}' object is not iterable")))
            }
        }
    }

    /// Next item of a `__getitem__` iterator; IndexError or StopIteration end it.
    pub fn getitem_iter_next(&mut self, it: Value) -> PyResult<Option<Value>> {
        let ii = self.push_temp(it);
        let r = (|| {
            let i = self.field(self.temp(ii), 1);
            if i.is_none() {
                return Ok(None);
            }
            let seq = self.field(self.temp(ii), 0);
            match self.get_item(seq, i) {
                Ok(v) => {
                    let vi = self.push_temp(v);
                    let i = self.field(self.temp(ii), 1);
                    let next = self.binary_op(
                        super::ops::BinOp::Add,
                        i,
                        Value::from_int(1).unwrap_or(Value::NONE),
                    )?;
                    self.set_field(self.temp(ii), 1, next);
                    Ok(Some(self.temp(vi)))
                }
                Err(e) => {
                    let exc = self.raised();
                    if self.exc_matches(exc, super::types::TypeId::IndexError)
                        || self.exc_matches(exc, super::types::TypeId::StopIteration)
                    {
                        self.take_raised();
                        self.set_field(self.temp(ii), 1, Value::NONE);
                        Ok(None)
                    } else {
                        Err(e)
                    }
                }
            }
        })();
        self.pop_temps(ii);
        r
    }

    /// `item in obj` for objects of user classes: `__contains__`, else
    /// iteration.
    pub fn special_contains(&mut self, obj: Value, item: Value) -> PyResult<bool> {
        let mark = self.temps_len();
        self.push_temp(obj);
        self.push_temp(item);
        let r = (|| {
            let class = self.class_of(obj);
            let has_iter = self.lookup_name(class, super::names::Name::Iter)?;
            let has_gi = self.lookup_name(class, super::names::Name::Getitem)?;
            match self.lookup_name(class, super::names::Name::Contains)? {
                Some(c) if c.is_none() => {
                    let n = self.type_name(self.temp(mark));
                    return Err(self.type_error(&format!("'{n}' object is not a container")));
                }
                Some(c) => {
                    let (o, x) = (self.temp(mark), self.temp(mark + 1));
                    let r = self.call_special_method(c, o, &[x])?;
                    return self.truthy(r);
                }
                None => {}
            }
            if has_iter.is_none_or(|v| v.is_none()) && has_gi.is_none_or(|v| v.is_none()) {
                let n = self.type_name(self.temp(mark));
                return Err(self.type_error(&format!("argument of type '{n}' is not iterable")));
            }
            let it = self.get_iter(self.temp(mark))?;
            let ii = self.push_temp(it);
            while let Some(v) = self.iter_next(self.temp(ii))? {
                if self.eq_values(v, self.temp(mark + 1))? {
                    return Ok(true);
                }
            }
            Ok(false)
        })();
        self.pop_temps(mark);
        r
    }

    /// `cls[key]` on a class: the metaclass's `__getitem__`, else
    /// `__class_getitem__`.
    pub fn type_getitem(&mut self, t: Value, key: Value) -> PyResult<Value> {
        let mark = self.temps_len();
        self.push_temp(t);
        self.push_temp(key);
        let r = (|| {
            let meta = self.class_of(t);
            if let Some(g) = self.lookup_name(meta, super::names::Name::Getitem)? {
                let (t, k) = (self.temp(mark), self.temp(mark + 1));
                return self.call_special_method(g, t, &[k]);
            }
            let cg = self.name(super::names::Name::ClassGetitem);
            let t = self.temp(mark);
            if let Some(f) = self.lookup_type_key(t, cg)? {
                let t = self.temp(mark);
                let b = self.descr_get(f, Value::EMPTY, t)?;
                return self.call_value(b, &[self.temp(mark + 1)]);
            }
            let (t, k) = (self.temp(mark), self.temp(mark + 1));
            if let Some(g) = self.builtin_class_getitem(t, k)? {
                return Ok(g);
            }
            let n = self.class_name(self.temp(mark));
            Err(self.type_error(&format!("type '{n}' is not subscriptable")))
        })();
        self.pop_temps(mark);
        r
    }

    /// `obj[key]`, `obj[key] = value`, `del obj[key]` (`value` EMPTY) for
    /// objects of user classes.
    pub fn special_item(
        &mut self,
        obj: Value,
        key: Value,
        value: Option<Value>,
    ) -> PyResult<Value> {
        use super::names::Name;
        let (hook, what) = match value {
            None => (Name::Getitem, "is not subscriptable"),
            Some(v) if v.is_empty() => (Name::Delitem, "doesn't support item deletion"),
            Some(_) => (Name::Setitem, "does not support item assignment"),
        };
        let mark = self.temps_len();
        self.push_temp(obj);
        self.push_temp(key);
        self.push_temp(value.unwrap_or(Value::EMPTY));
        let r = (|| {
            let class = self.class_of(obj);
            match self.lookup_name(class, hook)? {
                Some(m) if !m.is_none() => {
                    let (o, k, v) = (self.temp(mark), self.temp(mark + 1), self.temp(mark + 2));
                    let args: &[Value] = if v.is_empty() { &[k] } else { &[k, v] };
                    self.call_special_method(m, o, args)
                }
                _ => {
                    let n = self.type_name(self.temp(mark));
                    Err(self.type_error(&format!("'{n}' object {what}")))
                }
            }
        })();
        self.pop_temps(mark);
        r
    }
}
