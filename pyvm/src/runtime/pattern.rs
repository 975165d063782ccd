//! The runtime half of `match` statements: the tests behind
//! `MatchSequence`, `MatchMapping`, `MatchKeys`, `MatchClass` and
//! `CopyDictWithoutKeys` (the compiler does the rest with ordinary
//! comparisons, unpacking and jumps).

use pyvm_objmodel::Value;

use super::exception::PyResult;
use super::heap::Vm;
use super::layout::{Kind, TypeField};
use super::types::TypeId;

/// `collections.abc` marks `Sequence` and `Mapping` with this class
/// attribute (CPython's `Py_TPFLAGS_SEQUENCE` / `Py_TPFLAGS_MAPPING`).
const ABC_TPFLAGS: &str = "__abc_tpflags__";
const TPFLAGS_SEQUENCE: i64 = 1 << 5;
const TPFLAGS_MAPPING: i64 = 1 << 6;

/// Builtin types whose class pattern `C(x)` matches the subject itself.
const MATCH_SELF: &[&str] = &[
    "bool",
    "bytearray",
    "bytes",
    "dict",
    "float",
    "frozenset",
    "int",
    "list",
    "set",
    "str",
    "tuple",
];

impl Vm {
    /// The `__abc_tpflags__` bits along the MRO of `v`'s class, and whether
    /// a builtin type named in `names` is in it.
    fn class_flags(&mut self, v: Value, names: &[&str]) -> PyResult<(i64, bool)> {
        let class = self.class_of(v);
        if self.kind_of(class) != Some(Kind::Type) {
            return Ok((0, false));
        }
        let mro = self.field(class, TypeField::Mro as usize);
        let mro = self.tuple_items(mro).to_vec();
        let mark = self.temps_len();
        self.roots().temps.extend_from_slice(&mro);
        let mut flags = 0;
        let mut named = false;
        for i in 0..mro.len() {
            let t = self.temp(mark + i);
            if self.is_builtin_type(t) {
                named |= names.contains(&self.class_name(t).as_str());
                continue;
            }
            let d = self.field(t, TypeField::Dict as usize);
            if let Some(f) = self.dict_get_str(d, ABC_TPFLAGS)?
                && let Some(f) = f.as_int()
            {
                flags |= f;
            }
        }
        self.pop_temps(mark);
        Ok((flags, named))
    }

    /// `MatchSequence`: whether `v` is a sequence for `match`.
    pub(crate) fn match_is_sequence(&mut self, v: Value) -> PyResult<bool> {
        match self.kind_of(v) {
            Some(Kind::List | Kind::Tuple | Kind::Range) => return Ok(true),
            Some(Kind::Str | Kind::Dict | Kind::Set) => return Ok(false),
            None => return Ok(false),
            _ => {}
        }
        let (flags, named) = self.class_flags(v, &["deque", "memoryview", "array"])?;
        Ok(named || flags & TPFLAGS_SEQUENCE != 0)
    }

    /// `MatchMapping`: whether `v` is a mapping for `match`.
    pub(crate) fn match_is_mapping(&mut self, v: Value) -> PyResult<bool> {
        match self.kind_of(v) {
            Some(Kind::Dict) => return Ok(true),
            Some(Kind::List | Kind::Tuple | Kind::Str | Kind::Set | Kind::Range) | None => {
                return Ok(false);
            }
            _ => {}
        }
        let (flags, named) = self.class_flags(v, &["mappingproxy"])?;
        Ok(named || flags & TPFLAGS_MAPPING != 0)
    }

    /// `MatchKeys`: the values of `keys` (a tuple) in `subject`, or None
    /// when one is missing.
    pub(crate) fn match_keys(&mut self, subject: Value, keys: Value) -> PyResult<Value> {
        let keys_v = self.tuple_items(keys).to_vec();
        if keys_v.is_empty() {
            return self.new_tuple(&[]);
        }
        let mark = self.temps_len();
        let si = self.push_temp(subject);
        let ki = self.push_temp(keys);
        let r = (|| {
            let is_dict = self.kind_of(self.temp(si)) == Some(Kind::Dict);
            // `get` with a private default tells "missing" from any value.
            let (get, dummy) = if is_dict {
                (Value::EMPTY, Value::EMPTY)
            } else {
                let key = self.new_str("get")?;
                let g = self.get_attr(self.temp(si), key)?;
                let gi = self.push_temp(g);
                let d = self.new_list(&[])?;
                (self.temp(gi), d)
            };
            let gi = self.push_temp(get);
            let di = self.push_temp(dummy);
            let seen = self.new_list(&[])?;
            let seen_i = self.push_temp(seen);
            let vals = self.temps_len();
            let n = self.tuple_items(self.temp(ki)).len();
            for i in 0..n {
                let k = self.tuple_items(self.temp(ki))[i];
                if self.contains(self.temp(seen_i), k)? {
                    let k = self.tuple_items(self.temp(ki))[i];
                    let r = self.repr_string(k)?;
                    return Err(self.raise_msg(
                        TypeId::ValueError,
                        &format!("mapping pattern checks duplicate key ({r})"),
                    ));
                }
                let k = self.tuple_items(self.temp(ki))[i];
                let seen = self.temp(seen_i);
                self.list_vec(seen).push(k);
                // SAFETY: `seen` was just read from a temp (live).
                unsafe { self.barrier(seen) };
                let k = self.tuple_items(self.temp(ki))[i];
                let v = if is_dict {
                    self.dict_get(self.temp(si), k)?
                } else {
                    let v = self.call_value(self.temp(gi), &[k, self.temp(di)])?;
                    (v != self.temp(di)).then_some(v)
                };
                match v {
                    Some(v) => {
                        self.push_temp(v);
                    }
                    None => return Ok(Value::NONE),
                }
            }
            let items = self.m.roots().temps[vals..].to_vec();
            self.new_tuple(&items)
        })();
        self.pop_temps(mark);
        r
    }

    /// `CopyDictWithoutKeys`: `dict(subject)` without `keys`.
    pub(crate) fn copy_dict_without_keys(
        &mut self,
        subject: Value,
        keys: Value,
    ) -> PyResult<Value> {
        let mark = self.temps_len();
        let si = self.push_temp(subject);
        let ki = self.push_temp(keys);
        let r = (|| {
            let d = if self.kind_of(self.temp(si)) == Some(Kind::Dict) {
                let items: Vec<(Value, Value)> = {
                    let s = self.temp(si);
                    self.dict_mut(s).items(&self.keys()).collect()
                };
                let im = self.temps_len();
                for &(k, v) in &items {
                    self.push_temp(k);
                    self.push_temp(v);
                }
                let d = self.new_dict()?;
                let di = self.push_temp(d);
                for j in 0..items.len() {
                    let (k, v) = (self.temp(im + 2 * j), self.temp(im + 2 * j + 1));
                    self.dict_set(self.temp(di), k, v)?;
                }
                self.temp(di)
            } else {
                let dict = self.ty(TypeId::Dict);
                self.call_value(dict, &[self.temp(si)])?
            };
            let di = self.push_temp(d);
            let n = self.tuple_items(self.temp(ki)).len();
            for i in 0..n {
                let k = self.tuple_items(self.temp(ki))[i];
                self.dict_del(self.temp(di), k)?;
            }
            Ok(self.temp(di))
        })();
        self.pop_temps(mark);
        r
    }

    /// `MatchClass`: the attributes a class pattern extracts from
    /// `subject` (`npos` positional ones via `__match_args__`, then those
    /// named by the tuple `names`), or None when it does not match.
    pub(crate) fn match_class(
        &mut self,
        cls: Value,
        subject: Value,
        npos: usize,
        names: Value,
    ) -> PyResult<Value> {
        if self.kind_of(cls) != Some(Kind::Type) {
            return Err(self.type_error("called match pattern must be a class"));
        }
        if !self.is_subclass(self.class_of(subject), cls) {
            return Ok(Value::NONE);
        }
        let mark = self.temps_len();
        let ci = self.push_temp(cls);
        let si = self.push_temp(subject);
        let ni = self.push_temp(names);
        let r = (|| {
            let cname = self.class_name(self.temp(ci));
            // Attribute names to read; EMPTY means "the subject itself".
            let attrs = self.temps_len();
            if npos > 0 {
                let ma = self.lookup_type_attr(self.temp(ci), "__match_args__")?;
                match ma {
                    Some(t) if self.kind_of(t) == Some(Kind::Tuple) => {
                        let items = self.tuple_items(t).to_vec();
                        if npos > items.len() {
                            let s = if items.len() == 1 { "" } else { "s" };
                            return Err(self.type_error(&format!(
                                "{cname}() accepts {} positional sub-pattern{s} ({npos} given)",
                                items.len()
                            )));
                        }
                        for &a in &items[..npos] {
                            if !self.is_str(a) {
                                let t = self.type_name(a);
                                return Err(self.type_error(&format!(
                                    "__match_args__ elements must be strings (got {t})"
                                )));
                            }
                        }
                        self.roots().temps.extend_from_slice(&items[..npos]);
                    }
                    Some(t) => {
                        let tn = self.type_name(t);
                        return Err(self.type_error(&format!(
                            "{cname}.__match_args__ must be a tuple (got {tn})"
                        )));
                    }
                    None => {
                        let (_, match_self) = {
                            let c = self.temp(ci);
                            let mro = self.field(c, TypeField::Mro as usize);
                            let mro = self.tuple_items(mro).to_vec();
                            let named = mro.iter().any(|&t| {
                                self.is_builtin_type(t)
                                    && MATCH_SELF.contains(&self.class_name(t).as_str())
                            });
                            (0, named)
                        };
                        if !match_self || npos > 1 {
                            let (n, s) = if match_self { (1, "") } else { (0, "s") };
                            return Err(self.type_error(&format!(
                                "{cname}() accepts {n} positional sub-pattern{s} ({npos} given)"
                            )));
                        }
                        self.push_temp(Value::EMPTY);
                    }
                }
            }
            let kw = self.tuple_items(self.temp(ni)).to_vec();
            self.roots().temps.extend_from_slice(&kw);
            let total = self.temps_len() - attrs;
            // Duplicate attribute names.
            for i in 0..total {
                let a = self.temp(attrs + i);
                if a.is_empty() {
                    continue;
                }
                for j in 0..i {
                    let b = self.temp(attrs + j);
                    if !b.is_empty() && self.str_bytes(a) == self.str_bytes(b) {
                        let n = self.str_text(a).into_owned();
                        return Err(self.type_error(&format!(
                            "{cname}() got multiple sub-patterns for attribute '{n}'"
                        )));
                    }
                }
            }
            let vals = self.temps_len();
            for i in 0..total {
                let a = self.temp(attrs + i);
                if a.is_empty() {
                    let s = self.temp(si);
                    self.push_temp(s);
                    continue;
                }
                match self.get_attr(self.temp(si), a) {
                    Ok(v) => {
                        self.push_temp(v);
                    }
                    Err(e) => {
                        let x = self.raised();
                        if self.exc_matches(x, TypeId::AttributeError) {
                            self.take_raised();
                            return Ok(Value::NONE);
                        }
                        return Err(e);
                    }
                }
            }
            let items = self.m.roots().temps[vals..].to_vec();
            self.new_tuple(&items)
        })();
        self.pop_temps(mark);
        r
    }
}
