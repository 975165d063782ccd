//! Dict operations that call back into the VM (hash, `__eq__`).
//!
//! Every operation here is written as steps: a step borrows the dict through
//! the host, looks, and releases it before the next call into the VM. After
//! an `eq` call the dict's layout epoch is compared with the one the step saw;
//! if the key set changed, the lookup restarts from the top (CPython's
//! behaviour). No borrow of the dict is ever held while VM code runs, so the
//! borrow checker itself proves that mutation during `eq` is memory-safe.

use super::host::{Pick, Right, Single, Solo, SoloPair};
use super::{Dict, DictHost, DictPairHost, EntryIndex, KeyOps, RawKey};
use crate::shape::{SlotIndex, Symbol};
use crate::value::Value;

/// Where a key was found.
#[derive(Clone, Copy, Debug)]
enum Place {
    /// Entry number and index-table bucket.
    Entry(usize, usize),
    Slot(SlotIndex),
    Missing,
}

/// The outcome of a lookup, with what was computed on the way.
struct Found {
    place: Place,
    /// The key's hash, when the lookup needed it.
    hash: Option<u64>,
    /// The key's symbol, when the dict was split and the key is a string.
    sym: Option<Symbol>,
}

/// One step of probing a combined dict.
enum Step {
    Hit(usize, usize),
    Candidate(usize, usize, Value),
    Miss,
}

/// Find `key` in the dict `P` picks out of `host` (`hash` is the key's hash
/// if already known: the VM's `__hash__` runs at most once per operation).
/// The common case (a
/// combined dict, and the key identical to a stored one or absent) is
/// inlined; everything that may call `eq` is in [`find_slow`].
#[inline]
fn find<H: KeyOps + ?Sized, P: Pick<H>>(
    host: &mut H,
    key: Value,
    hash: Option<u64>,
) -> Result<Found, H::Error> {
    if P::pick(host).is_split() {
        return find_slow::<H, P>(host, key, hash);
    }
    let h = match hash {
        Some(h) => h,
        None => host.hash(key)?,
    };
    let key = host.held_value(0, key);
    let d = P::pick(host);
    if !d.is_split() {
        let place = match probe(d, h, key, 0) {
            Step::Hit(ix, bi) => Place::Entry(ix, bi),
            Step::Miss => Place::Missing,
            Step::Candidate(..) => return find_slow::<H, P>(host, key, Some(h)),
        };
        return Ok(Found {
            place,
            hash: Some(h),
            sym: None,
        });
    }
    find_slow::<H, P>(host, key, Some(h))
}

/// The general lookup: split dicts, and candidates that need `eq` (with
/// restarts). `hash` is the key's hash if already computed.
#[inline(never)]
fn find_slow<H: KeyOps + ?Sized, P: Pick<H>>(
    host: &mut H,
    mut key: Value,
    mut hash: Option<u64>,
) -> Result<Found, H::Error> {
    'restart: loop {
        if P::pick(host).is_split() {
            if let Some(sym) = host.symbol_of(key) {
                let d = P::pick(host);
                let Some(tree) = d.tree.as_ref().filter(|_| d.is_split()) else {
                    continue 'restart;
                };
                let place = match tree.get(d.shape).slot_of(sym) {
                    Some(s) => Place::Slot(s),
                    None => Place::Missing,
                };
                return Ok(Found {
                    place,
                    hash,
                    sym: Some(sym),
                });
            }
            key = host.held_value(0, key);
            // A key that is not an exact string can still equal one (a str
            // subclass, or any __eq__): compare it with each slot's key.
            let h = match hash {
                Some(h) => h,
                None => *hash.insert(host.hash(key)?),
            };
            key = host.held_value(0, key);
            let epoch = P::pick(host).layout;
            let mut pos = 0;
            loop {
                let d = P::pick(host);
                if d.layout != epoch || !d.is_split() {
                    continue 'restart;
                }
                let Some(sym) = d.split_key_at(pos) else {
                    return Ok(Found {
                        place: Place::Missing,
                        hash,
                        sym: None,
                    });
                };
                let k = host.symbol_key(sym);
                let slot = Place::Slot(SlotIndex::new(pos as u32));
                pos += 1;
                if k == key {
                    return Ok(Found {
                        place: slot,
                        hash,
                        sym: None,
                    });
                }
                let hk = host.hash(k)?;
                // Both may have moved while `hash` ran.
                key = host.held_value(0, key);
                let k = host.symbol_key(sym);
                if hk != h || (host.is_interned(k) && host.is_interned(key)) {
                    continue;
                }
                let eq = host.eq(k, key)?;
                key = host.held_value(0, key);
                if P::pick(host).layout != epoch {
                    continue 'restart;
                }
                if eq {
                    return Ok(Found {
                        place: slot,
                        hash,
                        sym: None,
                    });
                }
            }
        }
        let h = match hash {
            Some(h) => h,
            None => *hash.insert(host.hash(key)?),
        };
        key = host.held_value(0, key);
        let key_interned = host.is_interned(key);
        let epoch = P::pick(host).layout;
        // Candidates (equal hash, not identical) already compared and unequal.
        let mut skip = 0;
        loop {
            let step = {
                let d = P::pick(host);
                if d.layout != epoch || d.is_split() {
                    continue 'restart;
                }
                probe(d, h, key, skip)
            };
            match step {
                Step::Hit(ix, bi) => {
                    return Ok(Found {
                        place: Place::Entry(ix, bi),
                        hash,
                        sym: None,
                    });
                }
                Step::Miss => {
                    return Ok(Found {
                        place: Place::Missing,
                        hash,
                        sym: None,
                    });
                }
                Step::Candidate(ix, bi, k) => {
                    skip += 1;
                    if key_interned && host.is_interned(k) {
                        continue;
                    }
                    let eq = host.eq(k, key)?;
                    key = host.held_value(0, key);
                    if P::pick(host).layout != epoch {
                        continue 'restart;
                    }
                    if eq {
                        return Ok(Found {
                            place: Place::Entry(ix, bi),
                            hash,
                            sym: None,
                        });
                    }
                }
            }
        }
    }
}

/// Probe a combined dict for `key` with hash `h`: an identical key is a hit;
/// the `skip`-th equal-hash, non-identical key is a candidate for `eq`.
#[inline]
fn probe(d: &Dict, h: u64, key: Value, skip: usize) -> Step {
    let mut n = 0;
    let tag = super::tag_of(h);
    let entries = &d.comb.entries;
    let found = d.comb.index.find_bucket_index(super::table_hash(tag), |b| {
        if b.tag != tag {
            return false;
        }
        let e = &entries[b.ix as usize];
        if e.hash != h {
            return false;
        }
        if e.key == key {
            return true;
        }
        n += 1;
        n == skip + 1
    });
    let Some((bi, b)) = found.and_then(|bi| Some((bi, *d.comb.index.get_bucket(bi)?))) else {
        return Step::Miss;
    };
    let ix = b.ix as usize;
    match entries[ix].key {
        k if k == key => Step::Hit(ix, bi),
        k => Step::Candidate(ix, bi, k),
    }
}

/// Convert the picked dict from split to combined (asks the VM for the hash
/// of every key); no-op if already combined.
fn make_combined<H: KeyOps + ?Sized, P: Pick<H>>(host: &mut H) -> Result<(), H::Error> {
    loop {
        let d = P::pick(host);
        if !d.is_split() {
            return Ok(());
        }
        let epoch = d.layout;
        let syms: Vec<Symbol> = match &d.tree {
            Some(t) => t.get(d.shape).keys().collect(),
            None => Vec::new(),
        };
        let mut keys = Vec::with_capacity(syms.len());
        for &sym in &syms {
            let k = host.symbol_key(sym);
            keys.push((k, host.hash(k)?));
        }
        // Keys may have moved while `hash` ran: take their current addresses.
        for (k, &sym) in keys.iter_mut().zip(&syms) {
            k.0 = host.symbol_key(sym);
        }
        let d = P::pick(host);
        if d.layout == epoch && d.is_split() {
            return match d.become_combined(&keys) {
                Ok(()) => Ok(()),
                Err(_) => Err(host.out_of_memory()),
            };
        }
    }
}

#[inline]
fn get_in<H: KeyOps + ?Sized, P: Pick<H>>(
    host: &mut H,
    mut key: Value,
) -> Result<Option<Value>, H::Error> {
    let mut hash = None;
    if P::pick(host).is_split() {
        // An attribute-name key of an instance dict: symbol, then the shape's table.
        if let Some(sym) = host.symbol_of(key) {
            let d = P::pick(host);
            if let (true, Some(tree)) = (d.is_split(), d.tree.as_ref()) {
                let slot = tree.get(d.shape).slot_of(sym);
                return Ok(slot.and_then(|s| d.slot(s)));
            }
        }
        key = host.held_value(0, key);
    } else {
        let h = host.hash(key)?;
        hash = Some(h);
        key = host.held_value(0, key);
        let d = P::pick(host);
        if !d.is_split() {
            // One probe decides unless an equal-hash, non-identical key needs `eq`.
            let tag = super::tag_of(h);
            let entries = &d.comb.entries;
            let found = d.comb.index.find(super::table_hash(tag), |b| {
                b.tag == tag && entries[b.ix as usize].hash == h
            });
            match found {
                None => return Ok(None),
                Some(b) if entries[b.ix as usize].key == key => {
                    return Ok(Some(entries[b.ix as usize].value));
                }
                Some(_) => {}
            }
        }
    }
    let f = find::<H, P>(host, key, hash)?;
    let d = P::pick(host);
    Ok(match f.place {
        Place::Entry(ix, _) => Some(d.comb.entries[ix].value),
        Place::Slot(s) => d.slot(s),
        Place::Missing => None,
    })
}

/// Insert `key → value` if absent; if present, return the old value and
/// replace it only when `replace`.
fn upsert<H: DictHost + ?Sized>(
    host: &mut H,
    key: Value,
    value: Value,
    replace: bool,
) -> Result<Option<Value>, H::Error> {
    let mut hash = None;
    loop {
        // `key` and `value` are held (at depths 0 and 1) by the caller; take
        // their current addresses after every call back into the VM.
        let f = find::<H, Single>(host, host.held_value(0, key), hash)?;
        let key = host.held_value(0, key);
        let value = host.held_value(1, value);
        hash = f.hash;
        let d = host.dict();
        match f.place {
            Place::Entry(ix, _) => {
                let old = d.comb.entries[ix].value;
                if replace {
                    d.comb.entries[ix].value = value;
                    d.version = crate::version::next_version();
                }
                return Ok(Some(old));
            }
            Place::Slot(s) => {
                let old = d.slot(s);
                if replace {
                    d.set_slot(s, value);
                }
                return Ok(old);
            }
            Place::Missing if !d.is_split() => {
                let h = f.hash.expect("combined lookups hash the key");
                return match d.push_entry(h, key, value) {
                    Ok(()) => Ok(None),
                    Err(_) => Err(host.out_of_memory()),
                };
            }
            Place::Missing => {
                if let (Some(sym), Some(tree)) = (f.sym, d.tree.as_ref())
                    && let Some(child) = tree.add_key(d.shape, sym)
                {
                    if d.push_slot(value).is_err() {
                        return Err(host.out_of_memory());
                    }
                    d.shape = child;
                    d.touch_layout();
                    return Ok(None);
                }
                // Non-string key or too many attributes: dictionary mode.
                make_combined::<H, Single>(host)?;
            }
        }
    }
}

/// `del d[key]` with `key` held by the caller (at depth 0).
fn remove_held<H: DictHost + ?Sized>(host: &mut H, key: Value) -> Result<Option<Value>, H::Error> {
    let mut hash = None;
    loop {
        let f = find::<H, Single>(host, host.held_value(0, key), hash)?;
        hash = f.hash;
        let d = host.dict();
        match f.place {
            Place::Missing => return Ok(None),
            Place::Entry(ix, bi) => return Ok(Some(d.unlink_entry(ix, Some(bi)))),
            Place::Slot(s) if s.as_usize() + 1 == d.values.len() => {
                let tree = d.tree.as_ref().expect("split dicts have a tree");
                let parent = tree
                    .get(d.shape)
                    .parent()
                    .expect("a non-empty shape has a parent");
                d.shape = parent;
                let old = d.values.pop();
                d.touch_layout();
                return Ok(old);
            }
            Place::Slot(_) => make_combined::<H, Single>(host)?,
        }
    }
}

impl Dict {
    /// `d[key]` for a dict the VM's `eq` may reach through `host`:
    /// `Ok(None)` if absent.
    #[inline]
    pub fn get_in<H: DictHost + ?Sized>(
        host: &mut H,
        key: Value,
    ) -> Result<Option<Value>, H::Error> {
        host.hold_value(key);
        let r = get_in::<H, Single>(host, key);
        host.release_values(1);
        r
    }

    /// Where `key` lives, for re-reading it with [`Dict::value_at`] while
    /// [`Dict::keys_version`] is unchanged; `Ok(None)` if absent.
    pub fn index_of_in<H: DictHost + ?Sized>(
        host: &mut H,
        key: Value,
    ) -> Result<Option<EntryIndex>, H::Error> {
        host.hold_value(key);
        let f = find::<H, Single>(host, key, None);
        host.release_values(1);
        Ok(match f?.place {
            Place::Entry(ix, _) => Some(EntryIndex(ix as u32)),
            Place::Slot(s) => Some(EntryIndex(s.as_usize() as u32)),
            Place::Missing => None,
        })
    }

    /// `d[key] = value`; returns the previous value. Keeps the first key
    /// object when the key was present (as Python does).
    pub fn insert_in<H: DictHost + ?Sized>(
        host: &mut H,
        key: Value,
        value: Value,
    ) -> Result<Option<Value>, H::Error> {
        host.hold_value(value);
        host.hold_value(key);
        let r = upsert(host, key, value, true);
        host.release_values(2);
        r
    }

    /// `d.setdefault(key, default)`: the value of `key`, or `default` after
    /// inserting it when absent; one lookup.
    pub fn set_default_in<H: DictHost + ?Sized>(
        host: &mut H,
        key: Value,
        default: Value,
    ) -> Result<Value, H::Error> {
        host.hold_value(default);
        host.hold_value(key);
        let r = upsert(host, key, default, false);
        let default = host.held_value(1, default);
        host.release_values(2);
        Ok(r?.unwrap_or(default))
    }

    /// `del d[key]`: the removed value, `Ok(None)` if absent.
    pub fn remove_in<H: DictHost + ?Sized>(
        host: &mut H,
        key: Value,
    ) -> Result<Option<Value>, H::Error> {
        host.hold_value(key);
        let r = remove_held(host, key);
        host.release_values(1);
        r
    }

    /// Convert a split dict to dictionary mode now (e.g. before the VM
    /// stores a non-string attribute key). Asks the VM for key hashes.
    pub fn make_combined_in<H: DictHost + ?Sized>(host: &mut H) -> Result<(), H::Error> {
        make_combined::<H, Single>(host)
    }

    /// `left == right` with Python's semantics (same length, every key of
    /// `left` in `right` with an equal value); `eq` may mutate either dict.
    pub fn equals_in<H: DictPairHost + ?Sized>(host: &mut H) -> Result<bool, H::Error> {
        if host.left().len() != host.right().len() {
            return Ok(false);
        }
        let mut pos = 0;
        loop {
            let next = host.left().raw_item_from(pos);
            let Some((i, raw, aval)) = next else {
                return Ok(true);
            };
            pos = i + 1;
            let key = match raw {
                RawKey::Value(k) => k,
                RawKey::Symbol(s) => host.symbol_key(s),
            };
            host.hold_value(aval);
            host.hold_value(key);
            let found = get_in::<H, Right>(host, key);
            let aval = host.held_value(1, aval);
            host.release_values(2);
            let Some(bval) = found? else {
                return Ok(false);
            };
            if aval != bval && !host.eq(aval, bval)? {
                return Ok(false);
            }
        }
    }

    /// `self[key]`, with key operations that cannot reach this dict.
    #[inline]
    pub fn get<K: KeyOps>(&mut self, ops: &mut K, key: Value) -> Result<Option<Value>, K::Error> {
        Dict::get_in(&mut Solo { dict: self, ops }, key)
    }

    /// Where `key` lives in this dict (see [`Dict::index_of_in`]).
    pub fn index_of<K: KeyOps>(
        &mut self,
        ops: &mut K,
        key: Value,
    ) -> Result<Option<EntryIndex>, K::Error> {
        Dict::index_of_in(&mut Solo { dict: self, ops }, key)
    }

    /// `key in self`.
    pub fn contains_key<K: KeyOps>(&mut self, ops: &mut K, key: Value) -> Result<bool, K::Error> {
        Ok(self.get(ops, key)?.is_some())
    }

    /// `self.setdefault(key, default)` (see [`Dict::set_default_in`]).
    pub fn set_default<K: KeyOps>(
        &mut self,
        ops: &mut K,
        key: Value,
        default: Value,
    ) -> Result<Value, K::Error> {
        Dict::set_default_in(&mut Solo { dict: self, ops }, key, default)
    }

    /// `self[key] = value`; returns the previous value.
    pub fn insert<K: KeyOps>(
        &mut self,
        ops: &mut K,
        key: Value,
        value: Value,
    ) -> Result<Option<Value>, K::Error> {
        Dict::insert_in(&mut Solo { dict: self, ops }, key, value)
    }

    /// `del self[key]`; returns the removed value, `None` if absent.
    pub fn remove<K: KeyOps>(
        &mut self,
        ops: &mut K,
        key: Value,
    ) -> Result<Option<Value>, K::Error> {
        Dict::remove_in(&mut Solo { dict: self, ops }, key)
    }

    /// `self == other`.
    pub fn equals<K: KeyOps>(&mut self, other: &mut Dict, ops: &mut K) -> Result<bool, K::Error> {
        Dict::equals_in(&mut SoloPair {
            left: self,
            right: other,
            ops,
        })
    }
}
