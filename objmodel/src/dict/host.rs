//! What a dict needs from the VM: hashing, equality, interning and symbols.

use super::Dict;
use crate::shape::Symbol;
use crate::value::Value;

/// How the VM names string keys that can live in a shape: equal strings must
/// map to the same [`Symbol`], and a symbol back to one interned string.
/// Shapes store only symbols, so the VM's table of interned names must keep
/// those strings alive (as GC roots); if they move, `symbol_key` returns the
/// current address.
pub trait Symbols {
    /// The symbol of `key` if it is an exact `str` (the VM may intern it on
    /// the way), `None` for every other key. Must not touch any dict.
    /// The default has no symbols (every key is "not a string").
    fn symbol_of(&mut self, key: Value) -> Option<Symbol> {
        let _ = key;
        None
    }

    /// The interned string of `sym`. Only called for symbols that
    /// [`symbol_of`](Self::symbol_of) returned.
    fn symbol_key(&self, sym: Symbol) -> Value {
        panic!("symbol_key({sym:?}) called on a VM without symbols")
    }
}

/// Hash and equality of keys, supplied by the VM. Both may fail (the error
/// propagates and the dict stays valid), and equality may run arbitrary code
/// that mutates dicts: operations that can be re-entered take a
/// [`DictHost`], never a borrow of the dict, while calling back.
///
/// # Collection during a callback
///
/// The dict itself is safe against anything a callback does (it is fetched
/// again afterwards, and its contents are what [`Dict::update_refs`]
/// updates). The values an operation was *given* are not: `insert_in`
/// keeps `key` and `value`, lookups keep `key`, [`Dict::equals_in`] keeps
/// the left dict's current key and value, and a split-dict lookup keeps the
/// slot key it is comparing, in Rust locals across [`hash`](Self::hash),
/// [`eq`](Self::eq) and [`symbol_of`](Symbols::symbol_of). A collector that
/// moves (or frees) one of those objects during the callback leaves the
/// operation holding a stale address, which it may store in the dict or pass
/// back to `eq`. Operations therefore announce those values with
/// [`hold_value`](Self::hold_value) and re-read them with
/// [`held_value`](Self::held_value) after each callback: a VM whose
/// callbacks can collect implements the three methods over a root stack
/// (or pins the objects). Slot keys of split dicts are re-read through
/// [`symbol_key`](Symbols::symbol_key) instead. Callbacks that cannot
/// collect (as for builtin key types) keep the no-op defaults.
pub trait KeyOps: Symbols {
    /// What hashing or equality can raise.
    type Error;

    /// `hash(key)`. Must be stable for a key while it is in a dict.
    fn hash(&mut self, key: Value) -> Result<u64, Self::Error>;

    /// `a == b` for two keys (or two values) that are not identical
    /// (identity is checked before calling this).
    fn eq(&mut self, a: Value, b: Value) -> Result<bool, Self::Error>;

    /// The error to return when the dict cannot allocate (the dict is left
    /// unchanged). A VM returns its `MemoryError`; the default aborts the
    /// process as a failed Rust allocation does.
    fn out_of_memory(&mut self) -> Self::Error {
        std::alloc::handle_alloc_error(std::alloc::Layout::new::<[u64; 3]>())
    }

    /// Root `v` until the matching [`release_values`](Self::release_values):
    /// an operation calls this for each value it keeps in a Rust local
    /// across calls back into VM code (its key and value; in
    /// [`Dict::equals_in`], the left dict's current value and key), and
    /// reads the current address back with [`held_value`](Self::held_value)
    /// after every callback. A VM with a moving collector pushes `v` on a
    /// root stack it updates when objects move. Default: nothing (for
    /// callbacks that cannot collect).
    fn hold_value(&mut self, v: Value) {
        let _ = v;
    }

    /// The current address of the value held `depth` holds ago (0 = the
    /// most recent), which was `v` when held. Default: `v`.
    fn held_value(&self, depth: usize, v: Value) -> Value {
        let _ = depth;
        v
    }

    /// Unroot the `n` most recently held values. Every operation releases
    /// what it held before returning, on success and on error. Default:
    /// nothing.
    fn release_values(&mut self, n: usize) {
        let _ = n;
    }

    /// Whether `key` is an interned string. Two interned strings are equal
    /// exactly when identical, so a dict compares them by identity only and
    /// never calls [`eq`](Self::eq) for such a pair. Default: `false`.
    fn is_interned(&self, key: Value) -> bool {
        let _ = key;
        false
    }
}

/// A [`KeyOps`] that also reaches the dict being operated on. The dict is
/// borrowed through [`dict`](Self::dict) only between calls back into the
/// VM, so `eq` may itself call `dict()` and mutate it: a lookup notices (by
/// the dict's layout epoch) and restarts, as CPython's does.
pub trait DictHost: KeyOps {
    /// The dict the operation is about.
    fn dict(&mut self) -> &mut Dict;
}

/// A [`KeyOps`] that reaches two dicts, for [`Dict::equals_in`]. `left`
/// and `right` may be the same dict.
pub trait DictPairHost: KeyOps {
    /// The left operand of `==`.
    fn left(&mut self) -> &mut Dict;
    /// The right operand of `==`.
    fn right(&mut self) -> &mut Dict;
}

/// Which dict of a host an internal operation works on.
pub(crate) trait Pick<H: ?Sized> {
    fn pick(host: &mut H) -> &mut Dict;
}

/// The only dict of a [`DictHost`].
pub(crate) struct Single;
/// The right dict of a [`DictPairHost`].
pub(crate) struct Right;

impl<H: DictHost + ?Sized> Pick<H> for Single {
    #[inline]
    fn pick(host: &mut H) -> &mut Dict {
        host.dict()
    }
}

impl<H: DictPairHost + ?Sized> Pick<H> for Right {
    #[inline]
    fn pick(host: &mut H) -> &mut Dict {
        host.right()
    }
}

/// A host for the non-re-entrant convenience methods: a dict and key
/// operations that cannot reach it.
pub(crate) struct Solo<'a, K> {
    pub(crate) dict: &'a mut Dict,
    pub(crate) ops: &'a mut K,
}

impl<K: Symbols> Symbols for Solo<'_, K> {
    fn symbol_of(&mut self, key: Value) -> Option<Symbol> {
        self.ops.symbol_of(key)
    }
    fn symbol_key(&self, sym: Symbol) -> Value {
        self.ops.symbol_key(sym)
    }
}

impl<K: KeyOps> KeyOps for Solo<'_, K> {
    type Error = K::Error;
    fn hash(&mut self, key: Value) -> Result<u64, K::Error> {
        self.ops.hash(key)
    }
    fn eq(&mut self, a: Value, b: Value) -> Result<bool, K::Error> {
        self.ops.eq(a, b)
    }
    fn is_interned(&self, key: Value) -> bool {
        self.ops.is_interned(key)
    }
    fn out_of_memory(&mut self) -> K::Error {
        self.ops.out_of_memory()
    }
    fn hold_value(&mut self, v: Value) {
        self.ops.hold_value(v)
    }
    fn held_value(&self, depth: usize, v: Value) -> Value {
        self.ops.held_value(depth, v)
    }
    fn release_values(&mut self, n: usize) {
        self.ops.release_values(n)
    }
}

impl<K: KeyOps> DictHost for Solo<'_, K> {
    fn dict(&mut self) -> &mut Dict {
        self.dict
    }
}

/// Two dicts and key operations that cannot reach them.
pub(crate) struct SoloPair<'a, K> {
    pub(crate) left: &'a mut Dict,
    pub(crate) right: &'a mut Dict,
    pub(crate) ops: &'a mut K,
}

impl<K: Symbols> Symbols for SoloPair<'_, K> {
    fn symbol_of(&mut self, key: Value) -> Option<Symbol> {
        self.ops.symbol_of(key)
    }
    fn symbol_key(&self, sym: Symbol) -> Value {
        self.ops.symbol_key(sym)
    }
}

impl<K: KeyOps> KeyOps for SoloPair<'_, K> {
    type Error = K::Error;
    fn hash(&mut self, key: Value) -> Result<u64, K::Error> {
        self.ops.hash(key)
    }
    fn eq(&mut self, a: Value, b: Value) -> Result<bool, K::Error> {
        self.ops.eq(a, b)
    }
    fn is_interned(&self, key: Value) -> bool {
        self.ops.is_interned(key)
    }
    fn out_of_memory(&mut self) -> K::Error {
        self.ops.out_of_memory()
    }
    fn hold_value(&mut self, v: Value) {
        self.ops.hold_value(v)
    }
    fn held_value(&self, depth: usize, v: Value) -> Value {
        self.ops.held_value(depth, v)
    }
    fn release_values(&mut self, n: usize) {
        self.ops.release_values(n)
    }
}

impl<K: KeyOps> DictPairHost for SoloPair<'_, K> {
    fn left(&mut self) -> &mut Dict {
        self.left
    }
    fn right(&mut self) -> &mut Dict {
        self.right
    }
}
