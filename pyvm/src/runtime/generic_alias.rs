//! `list[int]` and `int | None`: `types.GenericAlias` and `types.UnionType`.
//!
//! Both are small Python classes (`py/generic_alias.py`, pyvm's own code)
//! compiled the first time one is needed and kept in
//! `GlobalSlot::GenericTypes` as the tuple `(GenericAlias, UnionType)`:
//! their behaviour (repr, equality, substitution of type variables,
//! attribute forwarding to the origin) is ordinary Python and not on any
//! fast path.

use pyvm_objmodel::Value;

use super::exception::PyResult;
use super::heap::Vm;
use super::layout::Kind;
use super::types::{GlobalSlot, TypeId};

const SRC: &str = include_str!("py/generic_alias.py");

/// The builtin types whose subscription makes a GenericAlias (they have
/// `__class_getitem__` in CPython).
const GENERIC_BUILTINS: &[TypeId] = &[
    TypeId::List,
    TypeId::Dict,
    TypeId::Tuple,
    TypeId::Set,
    TypeId::FrozenSet,
    TypeId::Type,
    TypeId::Enumerate,
    TypeId::BaseExceptionGroup,
    TypeId::ExceptionGroup,
];

impl Vm {
    /// `(GenericAlias, UnionType)`, compiled on first use.
    fn generic_types(&mut self) -> PyResult<Value> {
        let t = self.global(GlobalSlot::GenericTypes);
        if !t.is_empty() {
            return Ok(t);
        }
        let g = self.run_embedded(SRC, "<pyvm generic_alias>", "types")?;
        let gi = self.push_temp(g);
        let r = (|| {
            let ga = self.dict_get_str(self.temp(gi), "GenericAlias")?;
            let ga = ga.unwrap_or(Value::NONE);
            let gai = self.push_temp(ga);
            let un = self.dict_get_str(self.temp(gi), "UnionType")?;
            let t = self.new_tuple(&[self.temp(gai), un.unwrap_or(Value::NONE)])?;
            self.roots().globals[GlobalSlot::GenericTypes as usize] = t;
            Ok(t)
        })();
        self.pop_temps(gi);
        r
    }

    /// `GenericAlias(origin, args)`.
    pub(crate) fn generic_alias(&mut self, origin: Value, args: Value) -> PyResult<Value> {
        let mark = self.temps_len();
        self.push_temp(origin);
        self.push_temp(args);
        let r = (|| {
            let t = self.generic_types()?;
            let ga = self.tuple_items(t)[0];
            self.call_value(ga, &[self.temp(mark), self.temp(mark + 1)])
        })();
        self.pop_temps(mark);
        r
    }

    /// `t[args]` for a builtin type that is generic in CPython (`list[int]`);
    /// `None` for the other builtin types.
    pub(crate) fn builtin_class_getitem(
        &mut self,
        t: Value,
        args: Value,
    ) -> PyResult<Option<Value>> {
        if !GENERIC_BUILTINS.iter().any(|&id| self.ty(id) == t) {
            return Ok(None);
        }
        self.generic_alias(t, args).map(Some)
    }

    /// Whether `v` may be an operand of `X | Y` between types.
    fn unionable(&mut self, v: Value) -> bool {
        if v.is_none() || self.kind_of(v) == Some(Kind::Type) {
            return true;
        }
        let t = self.global(GlobalSlot::GenericTypes);
        if t.is_empty() {
            return false;
        }
        let class = self.class_of(v);
        self.tuple_items(t).contains(&class)
    }

    /// `a | b` for types (`int | None`): a `types.UnionType`; `None` if
    /// the operands are not types.
    pub(crate) fn type_union(&mut self, a: Value, b: Value) -> PyResult<Option<Value>> {
        if !(self.unionable(a) && self.unionable(b)) || (a.is_none() && b.is_none()) {
            return Ok(None);
        }
        let mark = self.temps_len();
        self.push_temp(a);
        self.push_temp(b);
        let r = (|| {
            let key = self.new_str("__or__")?;
            let ki = self.push_temp(key);
            let t = self.generic_types()?;
            let ga = self.tuple_items(t)[0];
            let f = self.get_attr(ga, self.temp(ki))?;
            let v = self.call_value(f, &[self.temp(mark), self.temp(mark + 1)])?;
            Ok((v != Value::NOT_IMPLEMENTED).then_some(v))
        })();
        self.pop_temps(mark);
        r
    }
}
