//! Objects on the `pyvm-gc` heap, the VM state traces get as context,
//! and the helpers traces call.

use super::*;

/// The VM helper traces call for `%` (the IR has no division).
pub extern "C" fn vm_rem(_vm: *mut VmCtx, a: i64, b: i64) -> i64 {
    a.wrapping_rem(b)
}

pub(crate) fn rem_helper() -> HelperDecl {
    let mut h = HelperDecl::new("vm_rem", &[Type::I64, Type::I64], Type::I64, Flags::PURE);
    h.addr = vm_rem as *const () as usize;
    h
}

/// The VM helper traces call to allocate an object (may collect).
pub extern "C" fn vm_new(vm: *mut VmCtx) -> u64 {
    // SAFETY: traces get the running `Vm` as their context, and no Rust
    // borrow of it is active while native code runs.
    let vm = unsafe { &mut *vm.cast::<Vm>() };
    vm.new_object()
}

pub(crate) fn new_helper() -> HelperDecl {
    let mut h = HelperDecl::new(
        "vm_new",
        &[],
        Type::Ref,
        Flags(Flags::ALLOC.0 | Flags::COLLECT.0),
    );
    h.addr = vm_new as *const () as usize;
    h
}

/// The GC binding: objects as described in the module docs; roots are the
/// register file (every object word in it).
pub struct MiniGc;

/// Where the register file is, for root scanning.
pub struct Regs {
    pub(crate) ptr: usize,
    pub(crate) len: usize,
}

pub(crate) fn trace_value<T: Tracer>(slot: *mut u64, t: &mut T) {
    // SAFETY: callers pass words of live objects or of the register file.
    unsafe {
        let w = *slot;
        if is_obj(w)
            && let Some(r) = ObjectRef::from_address((w & ADDR_MASK) as usize)
        {
            *slot = OBJ_TAG | t.trace(r).address() as u64;
        }
    }
}

// SAFETY: every object has the payload layout of the module docs.
unsafe impl VMBinding for MiniGc {
    type MutatorRoots = Regs;

    fn object_size(_o: ObjectRef) -> usize {
        8 * (2 + OBJ_SLOTS)
    }

    fn trace_object<T: Tracer>(o: ObjectRef, t: &mut T) {
        let p = o.payload() as *mut u64;
        for k in 0..OBJ_SLOTS {
            // SAFETY: within the payload.
            trace_value(unsafe { p.add(2 + k) }, t);
        }
    }

    fn scan_roots<T: Tracer>(roots: &mut Regs, t: &mut T) {
        for i in 0..roots.len {
            trace_value((roots.ptr as *mut u64).wrapping_add(i), t);
        }
    }
}

/// Registers a called function may use.
pub const FRAME_REGS: usize = 16;
/// Deepest call stack.
pub const MAX_FRAMES: usize = 1000;

/// A called function's frame (the main program has none).
#[derive(Clone, Copy, Debug)]
pub struct Frame {
    pub(crate) base: usize,
    pub(crate) ret_pc: Pc,
    pub(crate) dest: Reg,
}

/// The running VM: what traces get as their context. The first field is
/// the mutator state the write barrier's slow path needs.
#[repr(C)]
pub struct Vm {
    pub(crate) barrier_state: *mut u8,
    pub(crate) mutator: Mutator<MiniGc>,
    pub(crate) shapes: ShapeTree,
    /// The register file (plus spill slots of traces).
    pub regs: Vec<u64>,
    pub(crate) frames: Vec<Frame>,
}

impl Vm {
    pub(crate) fn new(regs: usize, gc: Config) -> Box<Vm> {
        let heap = Heap::<MiniGc>::new(gc).expect("heap");
        let mutator = heap.mutator(Regs { ptr: 0, len: 0 }).expect("mutator");
        let mut vm = Box::new(Vm {
            barrier_state: std::ptr::null_mut(),
            mutator,
            shapes: ShapeTree::new(),
            regs: vec![int(0); regs],
            frames: Vec::new(),
        });
        vm.barrier_state = vm.mutator.state_ptr();
        vm.sync_roots();
        vm
    }

    /// Tells the collector where the register file is now.
    pub(crate) fn sync_roots(&mut self) {
        let roots = self.mutator.roots_mut();
        roots.ptr = self.regs.as_mut_ptr() as usize;
        roots.len = self.regs.len();
    }

    pub(crate) fn grow_regs(&mut self, len: usize) {
        if self.regs.len() < len {
            self.regs.resize(len, int(0));
            self.sync_roots();
        }
    }

    /// Allocates an empty object (may collect: registers are roots).
    pub(crate) fn new_object(&mut self) -> u64 {
        let o = self
            .mutator
            .alloc(8 * (2 + OBJ_SLOTS))
            .expect("heap")
            .object_ref();
        let p = o.payload() as *mut u64;
        // SAFETY: the payload was just allocated with this size.
        unsafe {
            p.write(self.shapes.root().as_u32() as u64);
            p.add(1).write(OBJ_SLOTS as u64);
            for k in 0..OBJ_SLOTS {
                p.add(2 + k).write(int(0));
            }
        }
        OBJ_TAG | o.address() as u64
    }
}

pub(crate) fn payload_of(obj: u64) -> *mut u64 {
    ((obj & ADDR_MASK) as usize + 8) as *mut u64
}

pub(crate) fn shape_of(obj: u64) -> ShapeId {
    // SAFETY: `obj` is a live object word (checked by callers).
    ShapeId::from_u32(unsafe { *payload_of(obj) } as u32)
}

pub(crate) fn slot_ptr(obj: u64, slot: SlotIndex) -> *mut u64 {
    payload_of(obj).wrapping_add(2 + slot.as_usize())
}
