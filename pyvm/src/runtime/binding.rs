//! The collector binding: object sizes, tracing, roots and drop hooks.

use num_bigint::BigInt;
use pyvm_gc::{ObjectRef, Tracer, VMBinding};
use pyvm_objmodel::{Dict, Value};

use super::frame::Frame;
use super::layout::{Kind, RECORD_PREFIX_WORDS, payload_bytes, split_kind_word};

/// Zero-sized collector binding for pyvm objects (see [`super::layout`]).
pub struct Binding;

/// Everything one interpreter thread keeps outside the heap that refers to
/// heap objects: the register stack, the frames, native temporaries, the
/// builtin types and other VM-wide objects. Scanned at every collection.
#[derive(Default)]
pub struct Roots {
    /// The VM register stack: each frame's window is a slice of it.
    pub stack: Vec<Value>,
    /// The frame stack (innermost last).
    pub frames: Vec<Frame>,
    /// Values native code keeps alive across allocations (a LIFO).
    pub temps: Vec<Value>,
    /// VM-wide objects: builtin types, the builtins dict, singletons.
    pub globals: Vec<Value>,
    /// The exception being raised (set while a `Raised` propagates).
    pub raised: Value,
    /// The exception being handled (`sys.exc_info()`).
    pub handled: Value,
    /// The states of the threads waiting for the GIL (`gil.rs`).
    pub parked: Vec<super::gil::ThreadState>,
}

/// Traces one value slot, writing back the moved address.
#[inline]
pub fn trace_value<T: Tracer>(slot: &mut Value, t: &mut T) {
    if let Some(addr) = slot.heap_addr()
        && let Some(r) = ObjectRef::from_address(addr)
    {
        let moved = t.trace(r);
        *slot = Value::from_heap_addr(moved.address()).unwrap_or(*slot);
    }
}

/// The payload of an object as words.
#[inline]
fn words(o: ObjectRef) -> *mut u64 {
    o.payload() as *mut u64
}

// SAFETY: object sizes come from the kind word alone (rule 1); tracing
// visits the class and every field exactly once, plus the values of the
// off-heap list/dict owned by the object, writing back moved addresses
// (rule 2); roots cover the register stack, frames, temporaries and VM
// globals (rule 3); drop hooks free only the off-heap box (rule 4); objects
// are initialised right after allocation, before any other allocation
// (rule 5, see `heap.rs`).
unsafe impl VMBinding for Binding {
    type MutatorRoots = Roots;

    fn object_size(o: ObjectRef) -> usize {
        // SAFETY: every payload starts with the kind word (or zero).
        payload_bytes(unsafe { *words(o) })
    }

    fn trace_object<T: Tracer>(o: ObjectRef, t: &mut T) {
        let w = words(o);
        // SAFETY: `o` is a live object handed to us by the collector; its
        // payload has the layout its kind word describes.
        unsafe {
            let (kind, len) = split_kind_word(*w);
            let Some(kind) = kind else { return };
            trace_value(&mut *(w.add(1) as *mut Value), t);
            let extra = super::layout::extra_words(*w);
            if extra > 0 {
                let end = payload_bytes(*w) / 8;
                for i in end - extra..end {
                    trace_value(&mut *(w.add(i) as *mut Value), t);
                }
            }
            if kind == Kind::Str || kind == Kind::Bytes {
                return;
            }
            for i in 0..len as usize {
                trace_value(&mut *(w.add(RECORD_PREFIX_WORDS + i) as *mut Value), t);
            }
            let off = *w.add(RECORD_PREFIX_WORDS + len as usize);
            if off == 0 {
                return;
            }
            match kind {
                Kind::List => {
                    let v = &mut *(off as *mut Vec<Value>);
                    v.iter_mut().for_each(|s| trace_value(s, t));
                }
                Kind::Dict | Kind::Set | Kind::FrozenSet => {
                    let d = &mut *(off as *mut Dict);
                    d.update_refs(|v| {
                        let mut v = v;
                        trace_value(&mut v, t);
                        v
                    });
                }
                _ => {}
            }
        }
    }

    fn scan_roots<T: Tracer>(roots: &mut Roots, t: &mut T) {
        roots.stack.iter_mut().for_each(|s| trace_value(s, t));
        roots.temps.iter_mut().for_each(|s| trace_value(s, t));
        roots.globals.iter_mut().for_each(|s| trace_value(s, t));
        trace_value(&mut roots.raised, t);
        trace_value(&mut roots.handled, t);
        for f in &mut roots.frames {
            f.trace_values(|s| trace_value(s, t));
        }
        for th in &mut roots.parked {
            th.trace_values(|s| trace_value(s, t));
        }
    }

    fn drop_object(o: ObjectRef) {
        let w = words(o);
        // SAFETY: only objects whose kind has an off-heap box are registered
        // for drop; the box pointer was made by `Box::into_raw` of the type
        // the kind names and is freed exactly once, here.
        unsafe {
            let (kind, len) = split_kind_word(*w);
            let slot = w.add(RECORD_PREFIX_WORDS + len as usize);
            let off = *slot;
            if off == 0 {
                return;
            }
            *slot = 0;
            match kind {
                Some(Kind::List) => drop(Box::from_raw(off as *mut Vec<Value>)),
                Some(Kind::Dict | Kind::Set | Kind::FrozenSet) => {
                    drop(Box::from_raw(off as *mut Dict))
                }
                Some(Kind::BigInt) => drop(Box::from_raw(off as *mut BigInt)),
                Some(Kind::Code) => drop(Box::from_raw(off as *mut super::code::CodeBox)),
                Some(Kind::DictKeyIter) => drop(Box::from_raw(off as *mut pyvm_objmodel::DictIter)),
                Some(Kind::NativeState | Kind::Native) => {
                    drop(Box::from_raw(off as *mut super::native_state::NativeCell))
                }
                Some(Kind::Io) => drop(Box::from_raw(off as *mut super::modules::io::IoBox)),
                Some(Kind::ByteArray) => drop(Box::from_raw(off as *mut Vec<u8>)),
                _ => {}
            }
        }
    }
}
