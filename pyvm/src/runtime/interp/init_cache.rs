//! What `C(args)` needs to know about a plain class `C`, remembered per
//! class: whether it can be instantiated directly (`instantiate.rs`), its
//! `__init__` function, and whether it has a `__del__`.
//!
//! Answering that from scratch costs several type-attribute-cache lookups
//! per instantiation (`__new__` on the class and on `object`, `__init__`,
//! `__del__`, each hashing and comparing the name). An entry here is
//! keyed and guarded by the PEP 509 `version()` of every class dict along
//! `C`'s MRO (process-unique tags: equal versions are the same dicts with
//! the same contents, so the same class and the same lookups); the
//! `__init__` function is re-read from its dict entry, never kept (objects
//! move). The checks that do not depend on the dicts (the class's kind,
//! metaclass, layout, and the function's current code) are repeated at
//! each hit.

use pyvm_bytecode::CodeFlags;
use pyvm_objmodel::{EntryIndex, Value};

use super::super::heap::Vm;
use super::super::layout::{FuncField, Kind, TypeField};
use super::super::types::TypeId;

/// Entries in the direct-mapped table.
const SIZE: usize = 64;
/// Longest MRO remembered.
const MAX_MRO: usize = 6;

#[derive(Clone, Copy)]
struct Entry {
    versions: [u64; MAX_MRO],
    mro_len: u8,
    /// MRO index of the class whose dict holds `__init__`, and the entry.
    init_depth: u8,
    init_at: EntryIndex,
    has_del: bool,
}

/// The table (allocated at its first use).
#[derive(Default)]
pub struct InitCache {
    entries: Vec<Option<Entry>>,
}

fn slot_of(first_version: u64) -> usize {
    (first_version.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 50) as usize & (SIZE - 1)
}

impl Vm {
    /// The dicts of `t`'s MRO (if it is short enough and well formed).
    fn init_mro_dicts(&self, t: Value, out: &mut [Value; MAX_MRO]) -> Option<usize> {
        let mro = self.field(t, TypeField::Mro as usize);
        if self.kind_of(mro) != Some(Kind::Tuple) {
            return None;
        }
        let items = self.tuple_items(mro);
        if items.is_empty() || items.len() > MAX_MRO {
            return None;
        }
        for (i, &c) in items.iter().enumerate() {
            if self.kind_of(c) != Some(Kind::Type) {
                return None;
            }
            let d = self.field(c, TypeField::Dict as usize);
            if self.kind_of(d) != Some(Kind::Dict) {
                return None;
            }
            out[i] = d;
        }
        Some(items.len())
    }

    /// Whether `t` is a class statement's class with metaclass `type`
    /// whose instances are plain `Instance` records.
    #[inline]
    fn plain_class(&self, t: Value) -> bool {
        self.kind_of(t) == Some(Kind::Type)
            && self.is_heap_type(t)
            && self.class_of(t) == self.ty(TypeId::Type)
            && self.field(t, TypeField::InstanceKind as usize).as_int()
                == Some(Kind::Instance as i64)
    }

    /// Whether `f` is a Python function that is not a generator or
    /// coroutine function (its code now).
    #[inline]
    fn plain_function(&self, f: Value) -> bool {
        if self.kind_of(f) != Some(Kind::Function) {
            return false;
        }
        let code = self.field(f, FuncField::Code as usize);
        let fl = self.code_arc(code).flags;
        !(fl.contains(CodeFlags::GENERATOR)
            || fl.contains(CodeFlags::COROUTINE)
            || fl.contains(CodeFlags::ASYNC_GENERATOR))
    }

    /// `(__init__, has __del__)` of class `t` when `t(...)` can be set up
    /// directly, from the table; `None` on a miss (the caller decides
    /// generically and may [`Vm::init_plan_fill`]).
    pub(super) fn init_plan_cached(&self, t: Value) -> Option<(Value, bool)> {
        if !self.plain_class(t) {
            return None;
        }
        let e = (*self.init_cache.entries.get(slot_of(
            self.dict_mut(self.field(t, TypeField::Dict as usize))
                .version(),
        ))?)?;
        let mut dicts = [Value::EMPTY; MAX_MRO];
        let n = self.init_mro_dicts(t, &mut dicts)?;
        if n != e.mro_len as usize
            || (0..n).any(|i| self.dict_mut(dicts[i]).version() != e.versions[i])
        {
            return None;
        }
        let init = self
            .dict_mut(dicts[e.init_depth as usize])
            .value_at(e.init_at)?;
        self.plain_function(init).then_some((init, e.has_del))
    }

    /// Remembers that `t(...)` goes directly to `init` (found by the
    /// generic decision just now).
    pub(super) fn init_plan_fill(&mut self, t: Value, init: Value, del_key: Value) {
        let mut dicts = [Value::EMPTY; MAX_MRO];
        let Some(n) = self.init_mro_dicts(t, &mut dicts) else {
            return;
        };
        let init_key = self.name(super::super::names::Name::Init);
        let mut found = None;
        for (i, &d) in dicts[..n].iter().enumerate() {
            match self.dict_mut(d).index_of(&mut self.keys(), init_key) {
                Ok(Some(at)) => {
                    found = Some((i, at));
                    break;
                }
                Ok(None) => {}
                Err(_) => return,
            }
        }
        let Some((depth, at)) = found else { return };
        if self.dict_mut(dicts[depth]).value_at(at) != Some(init) {
            return;
        }
        // `__del__` anywhere on the MRO (an unknown name: assume there is).
        let mut has_del = del_key.is_empty() || self.kind_of(del_key) != Some(Kind::Str);
        for &d in &dicts[..n] {
            if has_del {
                break;
            }
            match self.dict_mut(d).index_of(&mut self.keys(), del_key) {
                Ok(None) => {}
                _ => has_del = true,
            }
        }
        let mut e = Entry {
            versions: [0; MAX_MRO],
            mro_len: n as u8,
            init_depth: depth as u8,
            init_at: at,
            has_del,
        };
        for (i, &d) in dicts[..n].iter().enumerate() {
            e.versions[i] = self.dict_mut(d).version();
        }
        if self.init_cache.entries.is_empty() {
            self.init_cache.entries = vec![None; SIZE];
        }
        self.init_cache.entries[slot_of(e.versions[0])] = Some(e);
    }
}
