//! The VM-independent parts of an object model for a dynamic language:
//! tagged 64-bit [`Value`]s, hidden classes ([`Shape`]s in a [`ShapeTree`])
//! and insertion-ordered, version-tagged [`Dict`]s whose split mode stores an
//! instance's attributes in shape slots.
//!
//! # Example: an object with a shape, an attribute cache hit, and a dict
//!
//! ```
//! use std::convert::Infallible;
//! use std::sync::Arc;
//! use pyvm_objmodel::{Dict, KeyOps, ShapeId, ShapeTree, Symbol, Symbols, Value};
//!
//! /// A toy VM: names are interned strings living at fake heap addresses.
//! struct Vm { names: Vec<&'static str> }
//! const NAMES_AT: usize = 0x1000;
//! impl Vm {
//!     fn intern(&mut self, s: &'static str) -> Value {
//!         let i = self.names.iter().position(|n| *n == s).unwrap_or_else(|| {
//!             self.names.push(s);
//!             self.names.len() - 1
//!         });
//!         Value::from_heap_addr(NAMES_AT + 8 * i).unwrap()
//!     }
//!     fn name_index(&self, v: Value) -> Option<usize> {
//!         let i = v.heap_addr()?.checked_sub(NAMES_AT)? / 8;
//!         (i < self.names.len()).then_some(i)
//!     }
//! }
//! impl Symbols for Vm {
//!     fn symbol_of(&mut self, key: Value) -> Option<Symbol> {
//!         self.name_index(key).map(|i| Symbol::new(i as u32))
//!     }
//!     fn symbol_key(&self, sym: Symbol) -> Value {
//!         Value::from_heap_addr(NAMES_AT + 8 * sym.index() as usize).unwrap()
//!     }
//! }
//! impl KeyOps for Vm {
//!     type Error = Infallible;
//!     fn hash(&mut self, key: Value) -> Result<u64, Infallible> { Ok(key.to_bits()) }
//!     // Every key of this toy VM is equal only to itself (checked before eq).
//!     fn eq(&mut self, _: Value, _: Value) -> Result<bool, Infallible> { Ok(false) }
//!     fn is_interned(&self, key: Value) -> bool { self.name_index(key).is_some() }
//! }
//!
//! # fn main() -> Result<(), Infallible> {
//! let tree = Arc::new(ShapeTree::new());
//! let mut vm = Vm { names: Vec::new() };
//! let (x, y) = (vm.intern("x"), vm.intern("y"));
//!
//! // Two instances whose attributes are added in the same order share a shape.
//! let mut p = Dict::new_split(tree.clone(), tree.root());
//! p.insert(&mut vm, x, Value::from_int(1).unwrap())?;
//! p.insert(&mut vm, y, Value::from_int(2).unwrap())?;
//! let mut q = Dict::new_split(tree.clone(), tree.root());
//! q.insert(&mut vm, x, Value::from_float(0.5))?;
//! q.insert(&mut vm, y, Value::NONE)?;
//! assert_eq!(p.shape(), q.shape());
//!
//! // An inline cache for `obj.y`, filled on the first (slow) access...
//! let sym_y = vm.symbol_of(y).unwrap();
//! let cache = (p.shape(), tree.get(p.shape()).slot_of(sym_y).unwrap());
//! // ...and a hit on another object: compare the shape id, load the slot.
//! assert_eq!(q.shape(), cache.0);
//! assert_eq!(q.slot(cache.1), Some(Value::NONE));
//!
//! // `q.__dict__` is a real dict over those slots.
//! assert_eq!(q.get(&mut vm, y)?, Some(Value::NONE));
//! assert_eq!(q.len(), 2);
//!
//! // A non-string key moves it to dictionary mode: the version changes and
//! // the shape guard of the cache now fails.
//! let seen = q.version();
//! let seven = Value::from_int(7).unwrap();
//! q.insert(&mut vm, seven, Value::TRUE)?;
//! assert_ne!(q.version(), seen);
//! assert_eq!(q.shape(), ShapeId::DICT_MODE);
//! let keys: Vec<Value> = q.items(&vm).map(|(k, _)| k).collect();
//! assert_eq!(keys, [x, y, seven]);
//! # Ok(())
//! # }
//! ```
//!
//! # The pieces
//!
//! - [`value`]: the encoding of a [`Value`] (drawn there), with the constants
//!   a JIT needs to emit the same type tests inline.
//! - [`shape`]: shapes, transitions shared between threads (lock-free reads,
//!   crossbeam-epoch reclamation), dictionary mode.
//! - [`dict`]: the dict layout, split tables, version and keys-version tags,
//!   cached entry indexes, and the protocol for VM callbacks
//!   (`__hash__`/`__eq__`) that may fail or mutate the dict.
//! - [`version`]: process-unique version tags for types, and
//!   [`WatchedVersion`], which tells its dependents when it changes.
//!
//! # For a garbage collector
//!
//! A heap reference in a `Value` is the object's address ([`Value::is_heap`],
//! [`Value::heap_addr`], [`Value::from_heap_addr`]), so a collector can scan a
//! slot without type information and write a moved address back. Shapes hold
//! no heap references ([`Symbol`]s are the VM's numbers for interned names).
//! [`Dict::update_refs`] visits and updates every reference a dict holds;
//! dicts store key hashes, so moving keys never disturbs their tables.

#![warn(missing_docs)]

mod arena;
pub mod dict;
pub mod shape;
mod symmap;
mod sync;
pub mod value;
pub mod version;

pub use dict::{Dict, DictHost, DictIter, DictPairHost, EntryIndex, IterError, KeyOps, Symbols};
pub use shape::{MAX_SLOTS, MAX_TRANSITIONS, Shape, ShapeId, ShapeTree, SlotIndex, Symbol};
pub use value::{Value, ValueKind};
pub use version::{DependentId, VersionTag, WatchedVersion};

/// The README's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
