//! Caches of `LoadName` and `StoreName` (module and class bodies, where the
//! benchmarks' loops run): the entry where the name was found, guarded by
//! the keys-versions (process-unique PEP 509 tags, so they also identify
//! the dicts) of every dict searched. Rebinding a name keeps a cache valid;
//! adding or deleting any key of a searched dict, or running the code with
//! other namespaces, makes it miss and the generic path refill it.
//!
//! The instructions have no `CacheIdx`, so the caches are a side table of
//! the code object indexed by instruction word, allocated the first time
//! such an instruction runs.

use std::cell::Cell;

use pyvm_objmodel::{EntryIndex, Value};

use super::super::code::NameCache;
use super::super::heap::Vm;
use super::super::layout::Kind;
use super::super::types::GlobalSlot;

const IN_LOCALS: u8 = 0;
const IN_GLOBALS: u8 = 1;
const IN_BUILTINS: u8 = 2;

impl Vm {
    /// The cache cell of the instruction being run (allocating the table).
    fn name_cache_cell(&self) -> &Cell<Option<NameCache>> {
        let f = self.m.roots().frames.last().expect("frame");
        let (code_obj, pc, len) = (f.code_obj, f.last_pc, f.decoded.len());
        let table = self
            .code_box(code_obj)
            .name_caches
            .get_or_init(|| (0..len).map(|_| Cell::new(None)).collect());
        &table[pc]
    }

    /// A cached entry of dict `d` if its keys-version is `version`.
    #[inline]
    fn entry_if(&self, d: Value, version: u64, at: EntryIndex) -> Option<Value> {
        let dict = self.dict_mut(d);
        if dict.keys_version() != version {
            return None;
        }
        dict.value_at(at).filter(|v| !v.is_empty())
    }

    /// `LoadName` through its cache; on a miss, the generic lookup (the
    /// caller's) runs after this fills the cache.
    pub(super) fn load_name_cached(&self, locals: Value, globals: Value) -> Option<Value> {
        let c = self.name_cache_cell().get()?;
        if self.kind_of(locals) != Some(Kind::Dict) {
            return None;
        }
        match c.place {
            IN_LOCALS => self.entry_if(locals, c.locals_version, c.at),
            _ if self.dict_mut(locals).keys_version() != c.locals_version => None,
            IN_GLOBALS => self.entry_if(globals, c.globals_version, c.at),
            _ if self.dict_mut(globals).keys_version() != c.globals_version => None,
            _ => self.entry_if(self.global(GlobalSlot::Builtins), c.builtins_version, c.at),
        }
    }

    /// Fills the `LoadName` cache for `key` (no Python code runs: only
    /// exact-str names are cached and only plain lookups are made).
    pub(super) fn fill_name_cache(&mut self, locals: Value, globals: Value, key: Value) {
        if self.kind_of(locals) != Some(Kind::Dict)
            || self.kind_of(key) != Some(Kind::Str)
            || self.custom_builtins(globals).is_some()
        {
            return;
        }
        let builtins = self.global(GlobalSlot::Builtins);
        let lv = self.dict_mut(locals).keys_version();
        let mut c = match self.dict_mut(locals).index_of(&mut self.keys(), key) {
            Ok(Some(at)) => NameCache {
                locals_version: lv,
                globals_version: 0,
                builtins_version: 0,
                at,
                place: IN_LOCALS,
            },
            Ok(None) => match self.dict_mut(globals).index_of(&mut self.keys(), key) {
                Ok(Some(at)) => NameCache {
                    locals_version: lv,
                    globals_version: self.dict_mut(globals).keys_version(),
                    builtins_version: 0,
                    at,
                    place: IN_GLOBALS,
                },
                Ok(None) => match self.dict_mut(builtins).index_of(&mut self.keys(), key) {
                    Ok(Some(at)) => NameCache {
                        locals_version: lv,
                        globals_version: self.dict_mut(globals).keys_version(),
                        builtins_version: self.dict_mut(builtins).keys_version(),
                        at,
                        place: IN_BUILTINS,
                    },
                    _ => return,
                },
                Err(_) => return,
            },
            Err(_) => return,
        };
        if c.place != IN_LOCALS && locals == globals {
            // Searched once: the globals check is the locals check.
            c.globals_version = lv;
        }
        self.name_cache_cell().set(Some(c));
    }

    /// `StoreName` into the dict `ns` through its cache: `true` if the
    /// cached entry was rebound.
    pub(super) fn store_name_cached(&mut self, ns: Value, v: Value) -> bool {
        let Some(c) = self.name_cache_cell().get() else {
            return false;
        };
        if self.kind_of(ns) != Some(Kind::Dict) {
            return false;
        }
        let d = self.dict_mut(ns);
        if d.keys_version() != c.locals_version || !d.set_value_at(c.at, v) {
            return false;
        }
        // SAFETY: `ns` was read from the frame record, no allocation since.
        unsafe { self.barrier(ns) };
        true
    }

    /// Fills the `StoreName` cache after the generic store of `key`.
    pub(super) fn fill_store_cache(&mut self, ns: Value, key: Value) {
        if self.kind_of(ns) != Some(Kind::Dict) || self.kind_of(key) != Some(Kind::Str) {
            return;
        }
        let d = self.dict_mut(ns);
        if let Ok(Some(at)) = d.index_of(&mut self.keys(), key) {
            let c = NameCache {
                locals_version: self.dict_mut(ns).keys_version(),
                globals_version: 0,
                builtins_version: 0,
                at,
                place: IN_LOCALS,
            };
            self.name_cache_cell().set(Some(c));
        }
    }
}
