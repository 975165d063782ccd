//! A dict that cannot grow returns the VM's `MemoryError` (through
//! `KeyOps::out_of_memory`) and stays unchanged, instead of aborting.
//!
//! This binary installs a global allocator that refuses allocations above a
//! limit the test sets, so it holds a single test.

use pyvm_objmodel::{Dict, KeyOps, ShapeTree, Symbol, Symbols, Value};
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Allocations larger than this many bytes fail.
static LIMIT: AtomicUsize = AtomicUsize::new(usize::MAX);

struct Refusing;

// SAFETY: every method forwards to `System` with the caller's arguments, or
// returns null (allowed: it reports allocation failure).
unsafe impl GlobalAlloc for Refusing {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if layout.size() > LIMIT.load(Ordering::Relaxed) {
            return std::ptr::null_mut();
        }
        // SAFETY: forwarded unchanged from our caller's contract.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` was allocated by `System` with `layout`.
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if new_size > LIMIT.load(Ordering::Relaxed) {
            return std::ptr::null_mut();
        }
        // SAFETY: forwarded unchanged from our caller's contract.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Refusing = Refusing;

#[derive(Debug, PartialEq)]
enum PyErr {
    MemoryError,
}

/// Ints, and names at fake addresses `0x1000 + 8*i`.
struct Vm;
impl Symbols for Vm {
    fn symbol_of(&mut self, key: Value) -> Option<Symbol> {
        Some(Symbol::new(((key.heap_addr()? - 0x1000) / 8) as u32))
    }
    fn symbol_key(&self, sym: Symbol) -> Value {
        name(sym.index())
    }
}
impl KeyOps for Vm {
    type Error = PyErr;
    fn hash(&mut self, key: Value) -> Result<u64, PyErr> {
        Ok(key.to_bits())
    }
    fn eq(&mut self, _: Value, _: Value) -> Result<bool, PyErr> {
        Ok(false)
    }
    fn out_of_memory(&mut self) -> PyErr {
        PyErr::MemoryError
    }
}

fn name(i: u32) -> Value {
    Value::from_heap_addr(0x1000 + 8 * i as usize).unwrap()
}
fn int(i: i64) -> Value {
    Value::from_int(i).unwrap()
}

#[test]
fn growth_failure_is_a_memory_error_and_changes_nothing() {
    // A combined dict: fill it, then forbid anything but small allocations.
    let mut d = Dict::new();
    for i in 0..1000 {
        d.insert(&mut Vm, int(i), int(i)).unwrap();
    }
    LIMIT.store(4096, Ordering::Relaxed);
    let mut next = 1000;
    let err = loop {
        match d.insert(&mut Vm, int(next), int(next)) {
            Ok(_) => next += 1,
            Err(e) => break e,
        }
        assert!(next < 100_000, "the dict never needed to grow");
    };
    LIMIT.store(usize::MAX, Ordering::Relaxed);
    assert_eq!(err, PyErr::MemoryError);
    assert_eq!(d.len(), next as usize);
    assert_eq!(d.get(&mut Vm, int(next)), Ok(None));
    for i in 0..next {
        assert_eq!(d.get(&mut Vm, int(i)), Ok(Some(int(i))));
    }
    d.check_invariants().unwrap();
    // With memory back, the same insertion succeeds.
    assert_eq!(d.insert(&mut Vm, int(next), int(next)), Ok(None));

    // A split dict whose slot vector cannot grow.
    let tree = Arc::new(ShapeTree::new());
    let mut obj = Dict::new_split(tree.clone(), tree.root());
    for i in 0..4 {
        obj.insert(&mut Vm, name(i), int(i.into())).unwrap();
    }
    // The transition exists already, so only the slot vector must grow.
    tree.add_key(obj.shape(), Symbol::new(4)).unwrap();
    let shape = obj.shape();
    LIMIT.store(16, Ordering::Relaxed);
    let r = obj.insert(&mut Vm, name(4), int(4));
    LIMIT.store(usize::MAX, Ordering::Relaxed);
    assert_eq!(r, Err(PyErr::MemoryError));
    assert_eq!((obj.shape(), obj.len()), (shape, 4));
    obj.check_invariants().unwrap();
    assert_eq!(obj.insert(&mut Vm, name(4), int(4)), Ok(None));
    assert_eq!(obj.len(), 5);
}
