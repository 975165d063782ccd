//! A tiny VM binding used by the integration tests: the best documentation
//! of how a VM plugs into `pyvm-gc`.
//!
//! Object payload layout (all 8-byte words):
//!
//! ```text
//! word 0: descriptor = slots | NATIVE flag (bit 63) | blob bytes << 32
//! word 1..=slots: tagged values (0 = nil, odd = small int, addr|0b010 = reference)
//! then `blob bytes` (rounded up to 8) of untraced data
//! ```
//!
//! With the NATIVE flag, the first blob word holds a `Box<Arc<AtomicUsize>>`
//! raw pointer that the drop hook releases (standing in for memory a VM
//! object owns outside the heap, like a dict's hash table).

#![allow(dead_code)]

use std::sync::Arc;
use std::sync::atomic::AtomicUsize;

use pyvm_gc::{AllocError, Mutator, ObjectRef, Tracer, VMBinding};

/// The binding (a zero-sized type).
pub struct Dummy;

/// A tagged value.
pub type Value = u64;
pub const NIL: Value = 0;
const REF_TAG: u64 = 0b010;
const NATIVE: u64 = 1 << 63;

pub fn int(i: i64) -> Value {
    ((i as u64) << 1) | 1
}
pub fn as_int(v: Value) -> Option<i64> {
    (v & 1 == 1).then_some((v as i64) >> 1)
}
pub fn val(o: ObjectRef) -> Value {
    o.address() as u64 | REF_TAG
}
pub fn as_obj(v: Value) -> Option<ObjectRef> {
    if v & 0b111 == REF_TAG {
        ObjectRef::from_address((v & !0b111) as usize)
    } else {
        None
    }
}

fn desc(o: ObjectRef) -> u64 {
    // SAFETY: every object starts with its descriptor.
    unsafe { *(o.payload() as *const u64) }
}
pub fn slot_count(o: ObjectRef) -> usize {
    (desc(o) & 0xFFFF_FFFF) as usize
}
fn blob_bytes(o: ObjectRef) -> usize {
    ((desc(o) >> 32) & 0x7FFF_FFFF) as usize
}
fn slot_ptr(o: ObjectRef, i: usize) -> *mut u64 {
    assert!(i < slot_count(o), "slot {i} out of range");
    // SAFETY: in bounds of the payload.
    unsafe { (o.payload() as *mut u64).add(1 + i) }
}

// SAFETY: sizes come from the descriptor written at allocation and never
// changed; tracing visits each reference slot once and writes it back.
unsafe impl VMBinding for Dummy {
    type MutatorRoots = Vec<Value>;

    fn object_size(o: ObjectRef) -> usize {
        8 + 8 * slot_count(o) + ((blob_bytes(o) + 7) & !7)
    }

    fn trace_object<T: Tracer>(o: ObjectRef, t: &mut T) {
        for i in 0..slot_count(o) {
            let p = slot_ptr(o, i);
            // SAFETY: in-bounds slot of a live object.
            unsafe {
                if let Some(r) = as_obj(*p) {
                    *p = val(t.trace(r));
                }
            }
        }
    }

    fn scan_roots<T: Tracer>(roots: &mut Vec<Value>, t: &mut T) {
        for v in roots.iter_mut() {
            if let Some(r) = as_obj(*v) {
                *v = val(t.trace(r));
            }
        }
    }

    fn drop_object(o: ObjectRef) {
        if desc(o) & NATIVE != 0 {
            // SAFETY: the first blob word holds the pointer made in `alloc_native`.
            unsafe {
                let p = (o.payload() as *mut u64).add(1 + slot_count(o));
                drop(Box::from_raw(*p as *mut Arc<AtomicUsize>));
                *p = 0;
            }
        }
    }
}

/// Allocates a node with `slots` nil slots and `blob` untraced bytes.
pub fn alloc(m: &mut Mutator<Dummy>, slots: usize, blob: usize) -> Result<ObjectRef, AllocError> {
    let g = m.alloc(8 + 8 * slots + ((blob + 7) & !7))?;
    // SAFETY: the payload is at least one word.
    unsafe { *(g.payload() as *mut u64) = slots as u64 | ((blob as u64) << 32) };
    Ok(g.object_ref())
}

/// Allocates a node with `slots` nil slots that never moves.
pub fn alloc_pinned(m: &mut Mutator<Dummy>, slots: usize) -> Result<ObjectRef, AllocError> {
    let g = m.alloc_pinned(8 + 8 * slots)?;
    // SAFETY: the payload is at least one word.
    unsafe { *(g.payload() as *mut u64) = slots as u64 };
    Ok(g.object_ref())
}

/// Allocates a node owning native memory (a clone of `token`), registered
/// for the drop hook.
pub fn alloc_native(
    m: &mut Mutator<Dummy>,
    slots: usize,
    token: &Arc<AtomicUsize>,
) -> Result<ObjectRef, AllocError> {
    let o = alloc(m, slots, 8)?;
    // SAFETY: the object has `slots` slots then one blob word.
    unsafe {
        *(o.payload() as *mut u64) |= NATIVE;
        *(o.payload() as *mut u64).add(1 + slots) = Box::into_raw(Box::new(token.clone())) as u64;
    }
    // SAFETY: a live object of this heap (fresh or just read from a root).
    unsafe { m.register_drop(o) };
    Ok(o)
}

pub fn get(o: ObjectRef, i: usize) -> Value {
    // SAFETY: bounds checked by `slot_ptr`; callers only pass live objects.
    unsafe { *slot_ptr(o, i) }
}

/// Stores with the write barrier.
pub fn set(m: &Mutator<Dummy>, o: ObjectRef, i: usize, v: Value) {
    // SAFETY: a live object of this heap (fresh or just read from a root).
    unsafe { m.write_barrier(o) };
    // SAFETY: bounds checked by `slot_ptr`.
    unsafe { *slot_ptr(o, i) = v };
}
