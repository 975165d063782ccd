//! Methods of `BaseException` and `BaseExceptionGroup`, and traceback
//! object attributes.

use pyvm_objmodel::Value;

use super::super::call::Args;
use super::super::exception::PyResult;
use super::super::heap::Vm;
use super::super::layout::{ExcField, Kind, TbField};
use super::super::types::TypeId;
use super::{NativeTable, Place};

/// The natives of this file.
pub(crate) const EXC_NATIVES: NativeTable = &[
    (
        "__init__",
        Place::Method(TypeId::BaseException),
        base_exception_init,
    ),
    (
        "with_traceback",
        Place::Method(TypeId::BaseException),
        with_traceback,
    ),
    ("add_note", Place::Method(TypeId::BaseException), add_note),
    (
        "split",
        Place::Method(TypeId::BaseExceptionGroup),
        group_split,
    ),
    (
        "subgroup",
        Place::Method(TypeId::BaseExceptionGroup),
        group_subgroup,
    ),
    (
        "derive",
        Place::Method(TypeId::BaseExceptionGroup),
        group_derive,
    ),
];

fn receiver(vm: &mut Vm, a: &Args, meth: &str) -> PyResult<Value> {
    if a.n == 0 || vm.kind_of(a.get(vm, 0)) != Some(Kind::Exception) {
        return Err(vm.type_error(&format!(
            "descriptor '{meth}' requires a 'BaseException' object"
        )));
    }
    Ok(a.get(vm, 0))
}

/// `BaseException.__init__(self, *args)`: sets `args`.
fn base_exception_init(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let e = receiver(vm, &a, "__init__")?;
    if a.nkw(vm) > 0 {
        let n = vm.type_name(e);
        return Err(vm.type_error(&format!("{n}() takes no keyword arguments")));
    }
    let items: Vec<Value> = (1..a.npos(vm)).map(|i| a.get(vm, i)).collect();
    let t = vm.new_tuple(&items)?;
    let e = a.get(vm, 0);
    vm.set_field(e, ExcField::Args as usize, t);
    Ok(Value::NONE)
}

/// `exc.with_traceback(tb)`.
fn with_traceback(vm: &mut Vm, a: Args) -> PyResult<Value> {
    super::arity(vm, &a, "with_traceback", 2, 2)
        .map_err(|_| vm.type_error("BaseException.with_traceback() takes exactly one argument"))?;
    let e = receiver(vm, &a, "with_traceback")?;
    let tb = a.get(vm, 1);
    if !tb.is_none() && vm.kind_of(tb) != Some(Kind::Traceback) {
        return Err(vm.type_error("__traceback__ must be a traceback or None"));
    }
    vm.set_field(e, ExcField::Traceback as usize, tb);
    Ok(a.get(vm, 0))
}

/// `exc.add_note(note)`.
fn add_note(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if a.npos(vm) != 2 {
        return Err(vm.type_error(&format!(
            "BaseException.add_note() takes exactly one argument ({} given)",
            a.npos(vm).saturating_sub(1)
        )));
    }
    receiver(vm, &a, "add_note")?;
    let note = a.get(vm, 1);
    if !vm.is_str(note) {
        let t = vm.type_name(note);
        return Err(vm.type_error(&format!("note must be a str, not '{t}'")));
    }
    let ei = a.start;
    let notes = match vm.exc_dict_get(a.get(vm, 0), "__notes__")? {
        Some(n) => n,
        None => {
            let l = vm.new_list(&[])?;
            let li = vm.push_temp(l);
            let r = vm.exc_dict_set(ei, "__notes__", l);
            let l = vm.temp(li);
            vm.pop_temps(li);
            r?;
            l
        }
    };
    if vm.kind_of(notes) != Some(Kind::List) {
        return Err(vm.type_error("Cannot add note: __notes__ is not a list"));
    }
    let note = a.get(vm, 1);
    vm.list_vec(notes).push(note);
    // SAFETY: `notes` was read from the exception's dict with no
    // allocation since.
    unsafe { vm.barrier(notes) };
    Ok(Value::NONE)
}

/// How a `split`/`subgroup` condition matches.
enum Cond {
    /// An exception class or tuple of classes (at temp index).
    Types(usize),
    /// A predicate (at temp index).
    Pred(usize),
}

impl Vm {
    fn cond_matches(&mut self, cond: &Cond, exc: Value) -> PyResult<bool> {
        match *cond {
            Cond::Types(t) => {
                let t = self.temp(t);
                self.exception_matches(exc, t)
            }
            Cond::Pred(p) => {
                let f = self.temp(p);
                let r = self.call_value(f, &[exc])?;
                self.truthy(r)
            }
        }
    }

    fn is_group(&self, v: Value) -> bool {
        self.kind_of(v) == Some(Kind::Exception)
            && self.isinstance_of(v, TypeId::BaseExceptionGroup)
    }

    /// The sub-exceptions of a group, as a Vec (callers root them).
    pub(crate) fn group_items(&mut self, eg: Value) -> Vec<Value> {
        let args = self.field(eg, ExcField::Args as usize);
        let seq = self
            .tuple_items(args)
            .get(1)
            .copied()
            .unwrap_or(Value::NONE);
        match self.kind_of(seq) {
            Some(Kind::List) => self.list_vec(seq).clone(),
            Some(Kind::Tuple) => self.tuple_items(seq).to_vec(),
            _ => Vec::new(),
        }
    }

    /// `eg.derive(items)` with `__traceback__`, `__cause__`, `__context__`
    /// and `__notes__` copied from `eg` (the group at temp `gi`).
    pub(crate) fn derive_group(&mut self, gi: usize, items: &[Value]) -> PyResult<Value> {
        let mark = self.temps_len();
        let r = (|| {
            let l = self.new_list(items)?;
            let li = self.push_temp(l);
            let key = self.new_str("derive")?;
            let m = self.get_attr(self.temp(gi), key)?;
            let ng = self.call_value(m, &[self.temp(li)])?;
            let ni = self.push_temp(ng);
            if self.kind_of(ng) != Some(Kind::Exception) {
                return Err(self.type_error("derive must return an instance of BaseExceptionGroup"));
            }
            let g = self.temp(gi);
            for f in [ExcField::Traceback, ExcField::Cause, ExcField::Context] {
                let v = self.field(g, f as usize);
                let ng = self.temp(ni);
                self.set_field(ng, f as usize, v);
            }
            if let Some(notes) = self.exc_dict_get(self.temp(gi), "__notes__")? {
                self.exc_dict_set(ni, "__notes__", notes)?;
            }
            Ok(self.temp(ni))
        })();
        self.pop_temps(mark);
        r
    }

    /// Splits the exception at temp `ei` by `cond`: (matching, rest), each
    /// EMPTY when nothing is left.
    fn split_exc(&mut self, ei: usize, cond: &Cond, want_rest: bool) -> PyResult<(Value, Value)> {
        let e = self.temp(ei);
        if self.cond_matches(cond, e)? {
            return Ok((self.temp(ei), Value::EMPTY));
        }
        if !self.is_group(self.temp(ei)) {
            return Ok((Value::EMPTY, self.temp(ei)));
        }
        let items = self.group_items(self.temp(ei));
        let mark = self.temps_len();
        self.roots().temps.extend_from_slice(&items);
        let n = items.len();
        let mut matched = Vec::new();
        let mut rest = Vec::new();
        let r = (|| {
            for i in 0..n {
                let (m, r) = self.split_exc(mark + i, cond, want_rest)?;
                // Keep the parts rooted in slots of their own.
                matched.push(self.push_temp(m));
                rest.push(self.push_temp(r));
            }
            let pick = |vm: &Vm, idx: &[usize]| -> Vec<Value> {
                idx.iter()
                    .map(|&i| vm.temp(i))
                    .filter(|v| !v.is_empty())
                    .collect()
            };
            let m_items = pick(self, &matched);
            let m = if m_items.is_empty() {
                Value::EMPTY
            } else {
                self.derive_group(ei, &m_items)?
            };
            let mi = self.push_temp(m);
            let r_items = pick(self, &rest);
            let r = if r_items.is_empty() || !want_rest {
                Value::EMPTY
            } else {
                self.derive_group(ei, &r_items)?
            };
            Ok((self.temp(mi), r))
        })();
        self.pop_temps(mark);
        r
    }

    /// Parses a `split`/`subgroup` condition at temp `ci`.
    fn parse_cond(&mut self, ci: usize, meth: &str) -> PyResult<Cond> {
        let c = self.temp(ci);
        let ok_types = if self.kind_of(c) == Some(Kind::Tuple) {
            let items = self.tuple_items(c).to_vec();
            !items.is_empty() && items.iter().all(|&t| self.is_exception_class(t))
        } else {
            self.is_exception_class(c)
        };
        if ok_types {
            return Ok(Cond::Types(ci));
        }
        if self.kind_of(c) != Some(Kind::Type) && self.callable_value(c) {
            return Ok(Cond::Pred(ci));
        }
        let _ = meth;
        Err(self.type_error(
            "expected an exception type, a tuple of exception types, or a callable (other than a class)",
        ))
    }

    fn callable_value(&mut self, v: Value) -> bool {
        matches!(
            self.kind_of(v),
            Some(Kind::Function | Kind::Builtin | Kind::BoundMethod | Kind::Type)
        ) || self
            .lookup_type_attr(self.class_of(v), "__call__")
            .ok()
            .flatten()
            .is_some()
    }

    /// `except*` matching (`CheckEgMatch`): (matched, rest), None when empty.
    pub(crate) fn except_star_match(&mut self, exc: Value, ty: Value) -> PyResult<(Value, Value)> {
        let mark = self.temps_len();
        let ei = self.push_temp(exc);
        let ti = self.push_temp(ty);
        let r = (|| {
            let t = self.temp(ti);
            let classes: Vec<Value> = if self.kind_of(t) == Some(Kind::Tuple) {
                self.tuple_items(t).to_vec()
            } else {
                vec![t]
            };
            for &c in &classes {
                if !self.is_exception_class(c) {
                    return Err(self.type_error(
                        "catching classes that do not inherit from BaseException is not allowed",
                    ));
                }
                if self.is_subclass(c, self.ty(TypeId::BaseExceptionGroup)) {
                    return Err(self.type_error(
                        "catching ExceptionGroup with except* is not allowed. Use except instead.",
                    ));
                }
            }
            let e = self.temp(ei);
            if !self.is_group(e) {
                if self.exception_matches(e, self.temp(ti))? {
                    // A naked exception is wrapped in a group.
                    let msg = self.new_str("")?;
                    let mi = self.push_temp(msg);
                    let l = self.new_tuple(&[self.temp(ei)])?;
                    let args = self.new_tuple(&[self.temp(mi), l])?;
                    let class = self.ty(TypeId::ExceptionGroup);
                    let g = self.new_exception(class, args)?;
                    let tb = self.field(self.temp(ei), ExcField::Traceback as usize);
                    self.set_field(g, ExcField::Traceback as usize, tb);
                    return Ok((g, Value::NONE));
                }
                return Ok((Value::NONE, self.temp(ei)));
            }
            let (m, r) = self.split_exc(ei, &Cond::Types(ti), true)?;
            let none = |v: Value| if v.is_empty() { Value::NONE } else { v };
            Ok((none(m), none(r)))
        })();
        self.pop_temps(mark);
        r
    }

    /// Identities of the leaf exceptions of `e`.
    fn leaf_ids(&mut self, e: Value, out: &mut Vec<u64>) {
        if self.is_group(e) {
            for x in self.group_items(e) {
                self.leaf_ids(x, out);
            }
        } else {
            out.push(self.id_of(e));
        }
    }

    /// The part of the group at temp `gi` whose leaves are in `keep`.
    fn project_group(&mut self, gi: usize, keep: &[u64]) -> PyResult<Value> {
        let e = self.temp(gi);
        if !self.is_group(e) {
            let id = self.id_of(e);
            return Ok(if keep.contains(&id) { e } else { Value::EMPTY });
        }
        let items = self.group_items(e);
        let mark = self.temps_len();
        self.roots().temps.extend_from_slice(&items);
        let n = items.len();
        let r = (|| {
            let mut parts = Vec::new();
            for i in 0..n {
                let p = self.project_group(mark + i, keep)?;
                parts.push(self.push_temp(p));
            }
            let kept: Vec<Value> = parts
                .iter()
                .map(|&i| self.temp(i))
                .filter(|v| !v.is_empty())
                .collect();
            if kept.is_empty() {
                return Ok(Value::EMPTY);
            }
            if kept.len() == n {
                return Ok(self.temp(gi));
            }
            self.derive_group(gi, &kept)
        })();
        self.pop_temps(mark);
        r
    }

    /// `PrepReraiseStar`: what a `try ... except*` re-raises, from the
    /// original exception and the list of raised/unhandled parts.
    pub(crate) fn prep_reraise_star(&mut self, orig: Value, list: Value) -> PyResult<Value> {
        let raised: Vec<Value> = if self.kind_of(list) == Some(Kind::List) {
            self.list_vec(list)
                .iter()
                .copied()
                .filter(|v| !v.is_none() && !v.is_empty())
                .collect()
        } else {
            Vec::new()
        };
        if raised.is_empty() {
            return Ok(Value::NONE);
        }
        if !self.is_group(orig) {
            return Ok(raised[0]);
        }
        let mark = self.temps_len();
        let oi = self.push_temp(orig);
        let ri = self.temps_len();
        self.roots().temps.extend_from_slice(&raised);
        let r = (|| {
            let mut orig_leaves = Vec::new();
            self.leaf_ids(self.temp(oi), &mut orig_leaves);
            let mut keep = Vec::new();
            let mut new_raised = Vec::new();
            for i in 0..raised.len() {
                let e = self.temp(ri + i);
                let mut leaves = Vec::new();
                self.leaf_ids(e, &mut leaves);
                if !leaves.is_empty() && leaves.iter().all(|l| orig_leaves.contains(l)) {
                    keep.extend(leaves);
                } else {
                    new_raised.push(ri + i);
                }
            }
            let re = self.project_group(oi, &keep)?;
            let mut result = Vec::new();
            if !re.is_empty() {
                result.push(self.push_temp(re));
            }
            result.extend(new_raised);
            if result.len() == 1 {
                return Ok(self.temp(result[0]));
            }
            let items: Vec<Value> = result.iter().map(|&i| self.temp(i)).collect();
            let l = self.new_list(&items)?;
            let li = self.push_temp(l);
            let msg = self.new_str("")?;
            let args = self.new_tuple(&[msg, self.temp(li)])?;
            let class = self.ty(TypeId::ExceptionGroup);
            self.new_exception(class, args)
        })();
        self.pop_temps(mark);
        r
    }

    /// Attributes of traceback objects.
    pub(crate) fn traceback_attr(&self, tb: Value, name: &[u8]) -> Option<Value> {
        Some(match name {
            b"tb_next" => self.field(tb, TbField::Next as usize),
            b"tb_lineno" => self.field(tb, TbField::Lineno as usize),
            b"tb_lasti" => {
                let i = self
                    .field(tb, TbField::Lasti as usize)
                    .as_int()
                    .unwrap_or(0);
                Value::from_int(i * 2).unwrap_or(Value::NONE)
            }
            b"tb_frame" => self.field(tb, TbField::Frame as usize),
            _ => return None,
        })
    }

    /// Assignment to the exception attributes kept in fields; false when
    /// `key` is an ordinary attribute.
    pub(crate) fn set_exception_slot(
        &mut self,
        exc: Value,
        key: Value,
        value: Value,
    ) -> PyResult<bool> {
        let field = match self.str_bytes(key) {
            b"__traceback__" => {
                if !value.is_none() && self.kind_of(value) != Some(Kind::Traceback) {
                    return Err(self.type_error("__traceback__ must be a traceback or None"));
                }
                ExcField::Traceback
            }
            b"__cause__" => {
                if !value.is_none() && self.kind_of(value) != Some(Kind::Exception) {
                    return Err(self
                        .type_error("exception cause must be None or derive from BaseException"));
                }
                self.set_field(exc, ExcField::SuppressContext as usize, Value::TRUE);
                ExcField::Cause
            }
            b"__context__" => {
                if !value.is_none() && self.kind_of(value) != Some(Kind::Exception) {
                    return Err(self.type_error(
                        "exception context must be None or derive from BaseException",
                    ));
                }
                ExcField::Context
            }
            b"__suppress_context__" => {
                let t = self.truthy(value)?;
                self.set_field(exc, ExcField::SuppressContext as usize, Value::from_bool(t));
                return Ok(true);
            }
            b"args" => {
                let ei = self.push_temp(exc);
                let r = (|| {
                    let items = self.collect_iterable(value)?;
                    let t = self.new_tuple(&items)?;
                    self.set_field(self.temp(ei), ExcField::Args as usize, t);
                    Ok(true)
                })();
                self.pop_temps(ei);
                return r;
            }
            _ => return Ok(false),
        };
        self.set_field(exc, field as usize, value);
        Ok(true)
    }
}

/// `eg.split(cond)`.
fn group_split(vm: &mut Vm, a: Args) -> PyResult<Value> {
    super::arity(vm, &a, "split", 2, 2)?;
    receiver(vm, &a, "split")?;
    let cond = vm.parse_cond(a.start + 1, "split")?;
    let (m, r) = vm.split_exc(a.start, &cond, true)?;
    let none = |v: Value| if v.is_empty() { Value::NONE } else { v };
    vm.new_tuple(&[none(m), none(r)])
}

/// `eg.subgroup(cond)`.
fn group_subgroup(vm: &mut Vm, a: Args) -> PyResult<Value> {
    super::arity(vm, &a, "subgroup", 2, 2)?;
    receiver(vm, &a, "subgroup")?;
    let cond = vm.parse_cond(a.start + 1, "subgroup")?;
    let (m, _) = vm.split_exc(a.start, &cond, false)?;
    Ok(if m.is_empty() { Value::NONE } else { m })
}

/// `eg.derive(excs)`: a new `BaseExceptionGroup` with the same message.
fn group_derive(vm: &mut Vm, a: Args) -> PyResult<Value> {
    super::arity(vm, &a, "derive", 2, 2)?;
    let e = receiver(vm, &a, "derive")?;
    let args = vm.field(e, ExcField::Args as usize);
    let msg = vm.tuple_items(args).first().copied().unwrap_or(Value::NONE);
    let class = vm.ty(TypeId::BaseExceptionGroup);
    vm.call_value(class, &[msg, a.get(vm, 1)])
}
