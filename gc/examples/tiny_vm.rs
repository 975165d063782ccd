//! A complete small VM on `pyvm-gc`: NaN-boxed values, pairs, strings, and
//! tables that own a Rust `HashMap` outside the heap (freed by the drop
//! hook), with a frame stack as the mutator's roots.
//!
//! ```sh
//! cargo run -p pyvm-gc --example tiny_vm            # default configuration
//! PYVM_GC_STRESS=1 cargo run -p pyvm-gc --example tiny_vm   # collect at every allocation
//! ```

use std::collections::HashMap;

use pyvm_gc::{CollectionKind, Config, Heap, Mutator, ObjectRef, Tracer, VMBinding};

/// A NaN-boxed value: a double, or a heap reference in the low 48 bits of a
/// NaN pattern no arithmetic produces.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Value(u64);

const REF_TAG: u64 = 0xFFFC_0000_0000_0000;
const CANONICAL_NAN: u64 = 0x7FF8_0000_0000_0000;

impl Value {
    const NIL: Value = Value(REF_TAG); // a reference tag with address 0
    fn num(x: f64) -> Value {
        Value(if x.is_nan() {
            CANONICAL_NAN
        } else {
            x.to_bits()
        })
    }
    fn obj(o: ObjectRef) -> Value {
        Value(REF_TAG | o.address() as u64)
    }
    fn as_num(self) -> Option<f64> {
        (self.0 & REF_TAG != REF_TAG).then(|| f64::from_bits(self.0))
    }
    fn as_obj(self) -> Option<ObjectRef> {
        if self.0 & REF_TAG == REF_TAG {
            ObjectRef::from_address((self.0 & !REF_TAG) as usize)
        } else {
            None
        }
    }
}

/// Object kinds, in the low byte of the first payload word.
const PAIR: u64 = 1; // [kind][car][cdr]
const STR: u64 = 2; // [kind | len << 8][bytes...]
const TABLE: u64 = 3; // [kind][Box<HashMap<String, f64>>]

fn word(o: ObjectRef, i: usize) -> *mut u64 {
    // SAFETY: callers stay inside the payload of the object's kind.
    unsafe { (o.payload() as *mut u64).add(i) }
}
fn kind(o: ObjectRef) -> u64 {
    // SAFETY: every object starts with its kind word.
    unsafe { *word(o, 0) & 0xFF }
}

/// The binding: a zero-sized type.
struct Tiny;

// SAFETY: sizes derive from the kind word written at allocation; the two
// value slots of a pair are the only references; drop frees the table box.
unsafe impl VMBinding for Tiny {
    /// The frame stack.
    type MutatorRoots = Vec<Value>;

    fn object_size(o: ObjectRef) -> usize {
        match kind(o) {
            PAIR => 24,
            // SAFETY: the first word holds the length.
            STR => 8 + ((unsafe { *word(o, 0) } >> 8) as usize).div_ceil(8) * 8,
            _ => 16,
        }
    }

    fn trace_object<T: Tracer>(o: ObjectRef, t: &mut T) {
        if kind(o) == PAIR {
            for i in 1..=2 {
                // SAFETY: pairs have two value slots.
                unsafe {
                    if let Some(r) = Value(*word(o, i)).as_obj() {
                        *word(o, i) = Value::obj(t.trace(r)).0;
                    }
                }
            }
        }
    }

    fn scan_roots<T: Tracer>(stack: &mut Vec<Value>, t: &mut T) {
        for v in stack.iter_mut() {
            if let Some(r) = v.as_obj() {
                *v = Value::obj(t.trace(r));
            }
        }
    }

    fn drop_object(o: ObjectRef) {
        if kind(o) == TABLE {
            // SAFETY: word 1 holds the box made by `new_table`.
            unsafe { drop(Box::from_raw(*word(o, 1) as *mut HashMap<String, f64>)) };
        }
    }
}

type Vm = Mutator<Tiny>;

/// cons(stack[-2], stack[-1]): pops both, pushes the pair. Operands live on
/// the frame stack, so they survive the allocation even if it moves them.
fn cons(vm: &mut Vm) -> Result<(), pyvm_gc::AllocError> {
    let o = vm.alloc(24)?.object_ref();
    let stack = vm.roots_mut();
    let cdr = stack.pop().unwrap();
    let car = stack.pop().unwrap();
    // SAFETY: a fresh (young) pair; no barrier needed before the next safepoint.
    unsafe {
        *word(o, 0) = PAIR;
        *word(o, 1) = car.0;
        *word(o, 2) = cdr.0;
    }
    vm.roots_mut().push(Value::obj(o));
    Ok(())
}

fn new_str(vm: &mut Vm, s: &str) -> Result<ObjectRef, pyvm_gc::AllocError> {
    let o = vm.alloc(8 + s.len())?.object_ref();
    // SAFETY: the payload holds the header word then `s.len()` bytes.
    unsafe {
        *word(o, 0) = STR | (s.len() as u64) << 8;
        std::ptr::copy_nonoverlapping(s.as_ptr(), word(o, 1) as *mut u8, s.len());
    }
    Ok(o)
}

fn new_table(vm: &mut Vm) -> Result<ObjectRef, pyvm_gc::AllocError> {
    let o = vm.alloc(16)?.object_ref();
    // SAFETY: two payload words.
    unsafe {
        *word(o, 0) = TABLE;
        *word(o, 1) = Box::into_raw(Box::new(HashMap::<String, f64>::new())) as u64;
    }
    // SAFETY: a live object of this heap (fresh or just read from a root).
    unsafe { vm.register_drop(o) };
    Ok(o)
}

fn table(o: ObjectRef) -> &'static mut HashMap<String, f64> {
    // SAFETY: word 1 of a live table holds its box (the example never keeps
    // the reference across an allocation).
    unsafe { &mut *(*word(o, 1) as *mut HashMap<String, f64>) }
}

fn main() -> Result<(), pyvm_gc::AllocError> {
    let config = Config::from_stress_setting(&std::env::var("PYVM_GC_STRESS").unwrap_or_default());
    let heap = Heap::<Tiny>::new(config)?;
    let mut vm = heap.mutator(Vec::new())?;
    let n = if heap.config().stress.is_some() {
        2_000
    } else {
        200_000
    };

    // Build the list (n-1 ... 0) on the frame stack.
    vm.roots_mut().push(Value::NIL);
    for i in 0..n {
        let tail = vm.roots_mut().pop().unwrap();
        vm.roots_mut().extend([Value::num(i as f64), tail]);
        cons(&mut vm)?;
    }
    let head = vm.roots()[0].as_obj().unwrap();
    // SAFETY: a live object of this heap (fresh or just read from a root).
    let id_before = unsafe { vm.object_id(head) };

    // Lots of short-lived tables (native memory freed by the drop hook) and
    // strings; one table and one string are kept.
    for i in 0..n / 10 {
        let t = new_table(&mut vm)?;
        table(t).insert(format!("k{i}"), i as f64);
        if i == 0 {
            vm.roots_mut().push(Value::obj(t));
        }
        new_str(&mut vm, "garbage")?;
    }
    let keep = new_str(&mut vm, "hello, heap")?;
    vm.roots_mut().push(Value::obj(keep));
    let doomed = new_str(&mut vm, "soon gone")?;
    // SAFETY: a live object of this heap (fresh or just read from a root).
    let weak = unsafe { vm.new_weak(doomed, true) };

    vm.collect(CollectionKind::Major);
    let head = vm.roots()[0].as_obj().unwrap();
    // SAFETY: a live object of this heap (fresh or just read from a root).
    let id_after = unsafe { vm.object_id(head) };
    assert_eq!(id_after, id_before, "identity survives the moves");
    assert!(vm.weak_get(weak).is_none(), "unreachable string collected");

    // Sum the list.
    let mut sum = 0.0;
    let mut v = vm.roots()[0];
    while let Some(o) = v.as_obj() {
        // SAFETY: every object on the list is a pair; no allocation here.
        unsafe {
            sum += Value(*word(o, 1)).as_num().unwrap();
            v = Value(*word(o, 2));
        }
    }
    let t = vm.roots()[1].as_obj().unwrap();
    let s = vm.roots()[2].as_obj().unwrap();
    // SAFETY: a string of 11 bytes.
    let text = unsafe { std::slice::from_raw_parts(word(s, 1) as *const u8, 11) };
    println!("sum of 0..{n} = {sum}");
    println!("kept table: {:?}", table(t));
    println!("kept string: {}", String::from_utf8_lossy(text));
    println!(
        "weak ref to the dropped string cleared: {:?}",
        vm.pop_cleared_weak() == Some(weak)
    );
    assert_eq!(sum, (n as f64 - 1.0) * n as f64 / 2.0);

    let st = vm.stats();
    println!(
        "collections: {} minor, {} major; allocated {} KiB, promoted {} KiB, freed {} KiB; \
         heap {} KiB; tables dropped {}; max minor pause {:?}",
        st.minor_collections,
        st.major_collections,
        st.bytes_allocated / 1024,
        st.bytes_promoted / 1024,
        st.bytes_freed / 1024,
        st.heap_bytes / 1024,
        st.objects_dropped,
        st.max_minor_pause
    );
    Ok(())
}
