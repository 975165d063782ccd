//! An immutable map from [`Symbol`] to a small `Copy` value: a linear scan
//! up to [`LINEAR_MAX`] entries, an open-addressing index above. Used for a
//! shape's name → slot table and for transition tables (copied on write).

use crate::shape::Symbol;

/// Entries searched linearly before an index is built.
pub(crate) const LINEAR_MAX: usize = 8;

/// See the module docs. Entries keep insertion order.
#[derive(Clone, Debug)]
pub(crate) struct SymbolMap<V> {
    entries: Vec<(Symbol, V)>,
    /// `entry index + 1`, 0 for an empty bucket; empty when linear.
    index: Box<[u32]>,
}

#[inline]
fn bucket_of(sym: Symbol, mask: usize) -> usize {
    ((sym.index() as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32) as usize & mask
}

impl<V: Copy> SymbolMap<V> {
    /// An empty map.
    pub(crate) fn new() -> SymbolMap<V> {
        SymbolMap {
            entries: Vec::new(),
            index: Box::new([]),
        }
    }

    /// Number of entries.
    pub(crate) fn len(&self) -> usize {
        self.entries.len()
    }

    /// Entries in insertion order.
    pub(crate) fn entries(&self) -> &[(Symbol, V)] {
        &self.entries
    }

    /// The value for `sym`.
    #[inline]
    pub(crate) fn get(&self, sym: Symbol) -> Option<V> {
        if self.index.is_empty() {
            return self.entries.iter().find(|e| e.0 == sym).map(|e| e.1);
        }
        let mask = self.index.len() - 1;
        let mut b = bucket_of(sym, mask);
        loop {
            let e = self.index[b];
            if e == 0 {
                return None;
            }
            let (s, v) = self.entries[e as usize - 1];
            if s == sym {
                return Some(v);
            }
            b = (b + 1) & mask;
        }
    }

    /// A copy with `sym → v` appended (`sym` must not be present).
    pub(crate) fn with(&self, sym: Symbol, v: V) -> SymbolMap<V> {
        let mut entries = Vec::with_capacity(self.entries.len() + 1);
        entries.extend_from_slice(&self.entries);
        entries.push((sym, v));
        let index = if entries.len() <= LINEAR_MAX {
            Box::new([]) as Box<[u32]>
        } else {
            let size = (entries.len() * 2).next_power_of_two();
            let mut index = vec![0u32; size].into_boxed_slice();
            for (i, (s, _)) in entries.iter().enumerate() {
                let mut b = bucket_of(*s, size - 1);
                while index[b] != 0 {
                    b = (b + 1) & (size - 1);
                }
                index[b] = i as u32 + 1;
            }
            index
        };
        SymbolMap { entries, index }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_key_linear_and_indexed() {
        let mut m = SymbolMap::new();
        for i in 0..100u32 {
            m = m.with(Symbol::new(i * 7), i);
            for j in 0..=i {
                assert_eq!(m.get(Symbol::new(j * 7)), Some(j));
            }
            assert_eq!(m.get(Symbol::new(1)), None);
        }
        assert_eq!(m.len(), 100);
    }
}
