//! The type attribute cache: the result of an MRO walk (`lookup_type_key`)
//! remembered per (class, name), in the spirit of CPython's method cache.
//!
//! An entry holds the PEP 509 `version()` of every class dict along the MRO
//! at the time of the walk, and where the name was found (MRO position and
//! dict entry) or that it was not found. Versions are process-unique and
//! change at any mutation of a dict, so equal versions at equal MRO
//! positions mean the same dicts with the same contents: the walk would
//! find the same thing. Assigning a class attribute, adding a method or a
//! property, `del C.x`, and changing `__bases__` (a new MRO) all miss. The
//! value is re-read from the dict entry, never kept here, because the
//! moving collector may relocate it. Only exact-str names of up to
//! [`MAX_NAME`] bytes and MROs of up to [`MAX_MRO`] classes are cached.

use pyvm_objmodel::{EntryIndex, Value};

use super::heap::Vm;
use super::layout::{Kind, TypeField};

/// Entries in the (direct-mapped) cache.
const SIZE: usize = 512;
/// Longest MRO cached.
const MAX_MRO: usize = 6;
/// Longest name cached.
const MAX_NAME: usize = 24;
/// `found` of an entry for a name that is on no class of the MRO.
const NOT_FOUND: u8 = u8::MAX;

#[derive(Clone, Copy)]
struct Entry {
    versions: [u64; MAX_MRO],
    hash: u64,
    mro_len: u8,
    name_len: u8,
    name: [u8; MAX_NAME],
    found: u8,
    at: Option<EntryIndex>,
}

/// The cache (allocated at its first use).
#[derive(Default)]
pub struct TypeCache {
    entries: Vec<Option<Entry>>,
}

/// The cache's own hash of a name's bytes (FNV-1a): computed from the
/// bytes alone, so a `&str` name finds its entry without a str object.
fn name_hash(name: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in name {
        h = (h ^ b as u64).wrapping_mul(0x0100_0000_01b3);
    }
    h
}

fn slot_of(name_hash: u64, first_version: u64) -> usize {
    let h = (name_hash ^ first_version).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    (h >> 40) as usize & (SIZE - 1)
}

impl Vm {
    /// The class dicts along `class`'s MRO, if the MRO is cacheable.
    fn mro_dicts(&self, class: Value, out: &mut [Value; MAX_MRO]) -> Option<usize> {
        let mro = self.field(class, TypeField::Mro as usize);
        if self.kind_of(mro) != Some(Kind::Tuple) {
            return None;
        }
        let items = self.tuple_items(mro);
        if items.len() > MAX_MRO {
            return None;
        }
        for (i, &t) in items.iter().enumerate() {
            if self.kind_of(t) != Some(Kind::Type) {
                return None;
            }
            let d = self.field(t, TypeField::Dict as usize);
            if self.kind_of(d) != Some(Kind::Dict) {
                return None;
            }
            out[i] = d;
        }
        Some(items.len())
    }

    /// `lookup_type_key(class, key)` through the cache: `None` when the
    /// lookup is not cacheable (the caller walks the MRO itself), else the
    /// result, from the cache or from a walk that fills it. Runs no Python
    /// code and does not allocate (the class is known to be a type).
    pub fn lookup_type_cached(&mut self, class: Value, key: Value) -> Option<Option<Value>> {
        self.lookup_cached_at(class, key).map(|r| r.map(|(_, v)| v))
    }

    /// `class.__dict__.get(key)` (the class's own namespace only) through
    /// the cache; `None` when not cacheable.
    pub fn own_attr_cached(&mut self, class: Value, key: Value) -> Option<Option<Value>> {
        self.lookup_cached_at(class, key)
            .map(|r| r.and_then(|(i, v)| (i == 0).then_some(v)))
    }

    /// `lookup_type_key(class, name)` when the cache holds the answer:
    /// no str is made, nothing allocates; `None` on a miss (the caller
    /// takes the allocating path, which fills the cache).
    pub fn lookup_type_str_hit(&mut self, class: Value, name: &str) -> Option<Option<Value>> {
        let name = name.as_bytes();
        if name.len() > MAX_NAME || self.kind_of(class) != Some(Kind::Type) {
            return None;
        }
        let mut dicts = [Value::EMPTY; MAX_MRO];
        let n = self.mro_dicts(class, &mut dicts)?;
        if n == 0 {
            return None;
        }
        let hash = name_hash(name);
        let first = self.dict_mut(dicts[0]).version();
        let e = (*self.type_cache.entries.get(slot_of(hash, first))?)?;
        if e.hash != hash
            || e.mro_len as usize != n
            || &e.name[..e.name_len as usize] != name
            || !(0..n).all(|i| self.dict_mut(dicts[i]).version() == e.versions[i])
        {
            return None;
        }
        if e.found == NOT_FOUND {
            return Some(None);
        }
        let v = self
            .dict_mut(dicts[e.found as usize])
            .value_at(e.at?)
            .filter(|v| !v.is_empty())?;
        Some(Some(v))
    }

    /// The cached walk: where along the MRO `key` was found, and its value.
    fn lookup_cached_at(&mut self, class: Value, key: Value) -> Option<Option<(u8, Value)>> {
        if self.kind_of(key) != Some(Kind::Str) {
            return None;
        }
        let mut dicts = [Value::EMPTY; MAX_MRO];
        let n = self.mro_dicts(class, &mut dicts)?;
        if self.str_bytes(key).len() > MAX_NAME || n == 0 {
            return None;
        }
        let name = self.str_bytes(key);
        let hash = name_hash(name);
        let first = self.dict_mut(dicts[0]).version();
        let slot = slot_of(hash, first);
        if let Some(Some(e)) = self.type_cache.entries.get(slot)
            && e.hash == hash
            && e.mro_len as usize == n
            && &e.name[..e.name_len as usize] == name
            && (0..n).all(|i| self.dict_mut(dicts[i]).version() == e.versions[i])
        {
            if e.found == NOT_FOUND {
                return Some(None);
            }
            let v =
                e.at.and_then(|at| self.dict_mut(dicts[e.found as usize]).value_at(at))
                    .filter(|v| !v.is_empty());
            if let Some(v) = v {
                return Some(Some((e.found, v)));
            }
        }
        // Miss: walk the MRO with plain lookups (an exact str key runs no
        // Python code), then remember the walk.
        let mut found = NOT_FOUND;
        let mut at = None;
        for (i, &d) in dicts[..n].iter().enumerate() {
            match self.dict_mut(d).index_of(&mut self.keys(), key) {
                Ok(Some(a)) => {
                    found = i as u8;
                    at = Some(a);
                    break;
                }
                Ok(None) => {}
                Err(_) => return None,
            }
        }
        let mut e = Entry {
            versions: [0; MAX_MRO],
            hash,
            mro_len: n as u8,
            name_len: 0,
            name: [0; MAX_NAME],
            found,
            at,
        };
        for (i, &d) in dicts[..n].iter().enumerate() {
            e.versions[i] = self.dict_mut(d).version();
        }
        let name = self.str_bytes(key);
        e.name_len = name.len() as u8;
        e.name[..name.len()].copy_from_slice(name);
        let v = match at {
            Some(a) => Some((found, self.dict_mut(dicts[found as usize]).value_at(a)?)),
            None => None,
        };
        if self.type_cache.entries.is_empty() {
            self.type_cache.entries = vec![None; SIZE];
        }
        self.type_cache.entries[slot] = Some(e);
        Some(v)
    }
}
