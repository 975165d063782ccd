//! CPython's iteration order for sets.
//!
//! pyvm stores a set as an insertion-ordered objmodel dict, but CPython
//! iterates a set in hash-table order, and programs print sets
//! (`print({3, 1, 2})` shows `{1, 2, 3}`). Before a set is iterated or
//! printed, its entries are put in the order CPython's table would have
//! after inserting the same elements one by one (`set_add_entry`: linear
//! probes, then perturbed probing; growth to `used * 4` when 3/5 full),
//! which is CPython's order whenever the set was built by adding (literals,
//! comprehensions, `set(iterable)`, `add`) and nothing was removed. Sets
//! holding instances of user classes keep insertion order (their hashes may
//! run Python code).

use pyvm_objmodel::{Dict, Value};

use super::heap::Vm;
use super::layout::Kind;

/// Linear probes before perturbation (CPython's `LINEAR_PROBES`).
const LINEAR_PROBES: usize = 9;
/// CPython's `PERTURB_SHIFT`.
const PERTURB_SHIFT: u32 = 5;
/// CPython's `PySet_MINSIZE`.
const MIN_SIZE: usize = 8;

/// A simulated CPython set table of item indices.
struct Table {
    slots: Vec<Option<usize>>,
    fill: usize,
}

impl Table {
    fn new(size: usize) -> Table {
        Table {
            slots: vec![None; size],
            fill: 0,
        }
    }

    fn mask(&self) -> usize {
        self.slots.len() - 1
    }

    /// Places item `ix` of hash `h` in the first free slot of its probe sequence.
    fn insert_clean(&mut self, ix: usize, h: u64) {
        let mask = self.mask();
        let mut i = h as usize & mask;
        let mut perturb = h;
        loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for j in 0..=probes {
                if self.slots[i + j].is_none() {
                    self.slots[i + j] = Some(ix);
                    self.fill += 1;
                    return;
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }

    fn resize(&mut self, minused: usize, hashes: &[u64]) {
        let mut size = MIN_SIZE;
        while size <= minused {
            size <<= 1;
        }
        let old = std::mem::replace(self, Table::new(size));
        for ix in old.slots.into_iter().flatten() {
            self.insert_clean(ix, hashes[ix]);
        }
    }
}

/// The order CPython's set would iterate items with these hashes (given in
/// insertion order, all distinct items): a permutation of their indices.
pub fn cpython_set_order(hashes: &[u64]) -> Vec<usize> {
    let mut t = Table::new(MIN_SIZE);
    for (ix, &h) in hashes.iter().enumerate() {
        t.insert_clean(ix, h);
        let used = ix + 1;
        if t.fill * 5 >= t.mask() * 3 {
            let minused = if used > 50_000 { used * 2 } else { used * 4 };
            t.resize(minused, hashes);
        }
    }
    t.slots.into_iter().flatten().collect()
}

impl Vm {
    /// Puts the entries of set `s` in CPython's iteration order (see the
    /// module docs); a no-op when they already are, or when an element's
    /// hash is not a builtin one.
    pub fn set_canonicalize(&self, s: Value) {
        let keys: Vec<Value> = self.dict_mut(s).items(&self.keys()).map(|p| p.0).collect();
        if keys.len() < 2 {
            return;
        }
        let mut hashes = Vec::with_capacity(keys.len());
        for &k in &keys {
            let builtin = match self.kind_of(k) {
                None => true,
                Some(kind) => {
                    matches!(
                        kind,
                        Kind::Str | Kind::BigInt | Kind::Tuple | Kind::FrozenSet
                    ) && self.is_builtin_type(self.class_of(k))
                }
            };
            if !builtin || (self.kind_of(k) == Some(Kind::Tuple) && !self.tuple_builtin(k)) {
                return;
            }
            match self.keys().py_hash(k) {
                Ok(h) => hashes.push(h as u64),
                Err(_) => return,
            }
        }
        let order = cpython_set_order(&hashes);
        if order.iter().enumerate().all(|(i, &j)| i == j) {
            return;
        }
        let mut d = Dict::with_capacity(keys.len());
        for &ix in &order {
            if d.insert(&mut self.keys(), keys[ix], Value::NONE).is_err() {
                return;
            }
        }
        *self.dict_mut(s) = d;
        // SAFETY: `s` is the caller's live set (nothing allocated since).
        unsafe { self.barrier(s) };
    }

    /// Whether a tuple holds only values with builtin hashes (recursively).
    fn tuple_builtin(&self, t: Value) -> bool {
        self.tuple_items(t).iter().all(|&x| match self.kind_of(x) {
            None => true,
            Some(Kind::Str | Kind::BigInt | Kind::FrozenSet) => {
                self.is_builtin_type(self.class_of(x))
            }
            Some(Kind::Tuple) => self.tuple_builtin(x),
            _ => false,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::cpython_set_order;

    #[test]
    fn small_ints_come_out_sorted() {
        assert_eq!(cpython_set_order(&[3, 1, 2]), vec![1, 2, 0]);
    }

    #[test]
    fn growth_reorders_by_the_bigger_table() {
        // {9, 1}: 9 & 7 == 1 collides with nothing at first (slot 1), then 1
        // goes to slot 2 (linear probe); CPython prints {9, 1}.
        assert_eq!(cpython_set_order(&[9, 1]), vec![0, 1]);
        // Five items grow the table to 32: 9 then lands after 1..4.
        assert_eq!(cpython_set_order(&[9, 1, 2, 3, 4]), vec![1, 2, 3, 4, 0]);
    }
}
