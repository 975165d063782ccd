//! The [`Vm`]: allocation of pyvm objects and access to their fields.
//!
//! **Rooting rule.** A [`Value`] read from a register, field or root is a
//! raw word: after anything that may allocate (every `alloc_*`, every call
//! into Python) it must be read again from where it is rooted. Allocation
//! functions take their inputs by value and root them (on
//! [`Roots::temps`]) while they allocate, so passing values *into* them is
//! safe. Borrowed views of object contents (`str_bytes`, `tuple_items`)
//! borrow the `Vm`, so the compiler rejects holding them across an
//! allocation.

use num_bigint::BigInt;
use pyvm_gc::{Config, Heap, Mutator, ObjectRef};
use pyvm_objmodel::{Dict, Value};

use super::binding::{Binding, Roots};
use super::exception::{PyResult, Raised};
use super::layout::{
    Kind, RECORD_PREFIX_WORDS, STR_HASH_UNSET, STR_PREFIX_WORDS, kind_word, split_kind_word,
};
use super::types::{GLOBAL_COUNT, GlobalSlot, TypeId};
use crate::str_hash::HashSecret;

/// One interpreter: a heap mutator with its roots, and VM settings.
pub struct Vm {
    /// The mutator (owns [`Roots`]).
    pub m: Mutator<Binding>,
    /// The str hash key (`PYTHONHASHSEED`).
    pub secret: HashSecret,
    /// `sys.getrecursionlimit()`.
    pub recursion_limit: usize,
    /// Nesting of native → Python re-entries (bounded).
    pub reentry_depth: usize,
    /// Nesting of generator resumes (bounded by [`MAX_GEN_NESTING`]).
    pub gen_nesting: usize,
    /// Nesting of native recursion (comparison, repr) counted against
    /// `recursion_limit`; see `recursion.rs`.
    pub native_depth: usize,
    /// Text written by `print`, flushed at exit and when large.
    pub out: Vec<u8>,
    /// Set when the last frame left by the dispatch loop was a generator
    /// suspending (a yield) rather than returning.
    pub yielded: bool,
    /// Temp indices of containers whose repr is in progress (cycles print `[...]`).
    pub repr_guard: Vec<usize>,
    /// `sys.get_int_max_str_digits()`: the int<->decimal str digit limit (0: none).
    pub int_max_str_digits: usize,
    /// Register base of the frame whose instruction is executing (set by
    /// the dispatch loop before each instruction, restored when a nested
    /// loop returns), so register access is one indexed load.
    pub cur_base: usize,
    /// The import system's Rust-side state (`sys.path[0]`, flags).
    pub import: super::import::ImportState,
    /// The type attribute cache (`type_cache.rs`).
    pub type_cache: super::type_cache::TypeCache,
    /// What `sys`, `_io` and the command line keep outside the heap.
    pub sysio: super::sysstate::SysIo,
    /// The shape tree of instance dicts (`instance_shapes.rs`).
    pub shapes: std::sync::Arc<pyvm_objmodel::ShapeTree>,
    /// What instantiating a plain class needs (`interp/init_cache.rs`).
    pub init_cache: super::interp::InitCache,
    /// Memoryviews exporting a resizable buffer (`buffer_exports.rs`).
    pub buffer_exports: super::buffer_exports::Exports,
}

/// Maximum nesting of native code calling back into Python. Each nested
/// dispatch loop runs through `recursion::with_stack`, so the Rust stack
/// does not limit this; what bounds recursion is CPython's rule, the frame
/// count against the recursion limit (a resumed generator's frame counts,
/// as in CPython). This cap only bounds the memory of the stack segments
/// (~15 KiB per level in a debug build) when a program raises the limit.
pub const MAX_REENTRY: usize = 20_000;

/// Maximum nesting of generator resumes (`yield from` chains, generator
/// expressions consumed by natives inside recursive code). A value a deep
/// chain yields passes through every level in Rust, so a chain of depth d
/// costs O(d) per item; CPython allows about the recursion limit, pyvm
/// half of it until delegated generators resume without Rust recursion
/// (`recursion/deep_data_structures` encodes a 100000-deep list with the
/// pure-Python `json` encoder, O(d²) until RecursionError).
pub const MAX_GEN_NESTING: usize = 500;

impl Vm {
    /// A VM on a new heap with the given collector configuration.
    pub fn new(config: Config, secret: HashSecret) -> Result<Vm, String> {
        let heap = Heap::<Binding>::new(config).map_err(|e| e.to_string())?;
        let roots = Roots {
            globals: vec![Value::EMPTY; GLOBAL_COUNT],
            ..Roots::default()
        };
        let m = heap.mutator(roots).map_err(|e| e.to_string())?;
        let mut vm = Vm {
            m,
            secret,
            recursion_limit: 1000,
            reentry_depth: 0,
            gen_nesting: 0,
            native_depth: 0,
            out: Vec::new(),
            repr_guard: Vec::new(),
            yielded: false,
            int_max_str_digits: crate::int_parse::DEFAULT_MAX_STR_DIGITS,
            cur_base: 0,
            import: Default::default(),
            type_cache: Default::default(),
            sysio: Default::default(),
            shapes: std::sync::Arc::new(pyvm_objmodel::ShapeTree::new()),
            init_cache: Default::default(),
            buffer_exports: Default::default(),
        };
        super::bootstrap::create_types(&mut vm).map_err(|_| "cannot create types".to_string())?;
        Ok(vm)
    }

    /// The roots.
    #[inline]
    pub fn roots(&mut self) -> &mut Roots {
        self.m.roots_mut()
    }

    /// A builtin type object.
    #[inline]
    pub fn ty(&self, t: TypeId) -> Value {
        self.m.roots().globals[t as usize]
    }

    /// A VM global object.
    #[inline]
    pub fn global(&self, g: GlobalSlot) -> Value {
        self.m.roots().globals[g as usize]
    }

    /// Pushes a temporary root; returns its index.
    #[inline]
    pub fn push_temp(&mut self, v: Value) -> usize {
        let t = &mut self.roots().temps;
        t.push(v);
        t.len() - 1
    }

    /// Reads a temporary root.
    #[inline]
    pub fn temp(&self, i: usize) -> Value {
        self.m.roots().temps[i]
    }

    /// Drops temporaries down to `len`.
    #[inline]
    pub fn pop_temps(&mut self, len: usize) {
        self.roots().temps.truncate(len);
    }

    /// Current number of temporaries.
    #[inline]
    pub fn temps_len(&self) -> usize {
        self.m.roots().temps.len()
    }

    pub(crate) fn alloc_raw(&mut self, payload: usize) -> PyResult<ObjectRef> {
        match self.m.alloc(payload) {
            Ok(g) => Ok(g.object_ref()),
            Err(_) => {
                let e = self.global(GlobalSlot::MemoryError);
                self.roots().raised = e;
                Err(Raised)
            }
        }
    }

    /// Allocates a record of `kind` with class `class` and `fields`, and an
    /// off-heap word (0 for none). Inputs are rooted during allocation.
    pub fn alloc_record(
        &mut self,
        kind: Kind,
        class: Value,
        fields: &[Value],
        offheap: u64,
    ) -> PyResult<Value> {
        let mark = self.temps_len();
        self.roots().temps.push(class);
        self.roots().temps.extend_from_slice(fields);
        let n = fields.len();
        let payload = 8 * (RECORD_PREFIX_WORDS + n + usize::from(kind.has_offheap()));
        let r = match self.alloc_raw(payload) {
            Ok(r) => r,
            Err(e) => {
                self.pop_temps(mark);
                return Err(e);
            }
        };
        let p = r.payload() as *mut u64;
        let temps = &self.m.roots().temps[mark..];
        // SAFETY: `r` was just allocated with room for the prefix, `n`
        // fields and the off-heap word; nothing has run since.
        unsafe {
            *p = kind_word(kind, n as u32);
            *p.add(1) = temps[0].to_bits();
            for (i, v) in temps[1..].iter().enumerate() {
                *p.add(RECORD_PREFIX_WORDS + i) = v.to_bits();
            }
            if kind.has_offheap() {
                *p.add(RECORD_PREFIX_WORDS + n) = offheap;
                if offheap != 0 {
                    self.m.register_drop(r);
                }
            }
        }
        self.pop_temps(mark);
        Ok(Value::from_heap_addr(r.address()).expect("gc addresses are heap values"))
    }

    /// Allocates a `str` from generalized UTF-8 bytes with `chars` code points.
    pub fn alloc_str_bytes(&mut self, bytes: &[u8], chars: usize) -> PyResult<Value> {
        let payload = 8 * STR_PREFIX_WORDS + bytes.len().div_ceil(8) * 8;
        let r = self.alloc_raw(payload)?;
        let class = self.ty(TypeId::Str);
        let p = r.payload() as *mut u64;
        // SAFETY: freshly allocated with room for the prefix and the bytes.
        unsafe {
            *p = kind_word(Kind::Str, bytes.len() as u32);
            *p.add(1) = class.to_bits();
            *p.add(2) = STR_HASH_UNSET;
            *p.add(3) = chars as u64;
            std::ptr::copy_nonoverlapping(
                bytes.as_ptr(),
                p.add(STR_PREFIX_WORDS) as *mut u8,
                bytes.len(),
            );
        }
        Ok(Value::from_heap_addr(r.address()).expect("gc addresses are heap values"))
    }

    /// Allocates a `str`.
    pub fn new_str(&mut self, s: &str) -> PyResult<Value> {
        self.alloc_str_bytes(s.as_bytes(), s.chars().count())
    }

    /// Allocates a tuple of `items`.
    pub fn new_tuple(&mut self, items: &[Value]) -> PyResult<Value> {
        if items.is_empty() {
            let e = self.global(GlobalSlot::EmptyTuple);
            if !e.is_empty() {
                return Ok(e);
            }
        }
        let class = self.ty(TypeId::Tuple);
        self.alloc_record(Kind::Tuple, class, items, 0)
    }

    /// Allocates a list holding `items`.
    pub fn new_list(&mut self, items: &[Value]) -> PyResult<Value> {
        let mark = self.temps_len();
        self.roots().temps.extend_from_slice(items);
        let class = self.ty(TypeId::List);
        let boxed = Box::into_raw(Box::new(Vec::<Value>::with_capacity(items.len())));
        let r = self.alloc_record(Kind::List, class, &[], boxed as u64);
        let Ok(list) = r else {
            // SAFETY: the box was not handed to any object.
            drop(unsafe { Box::from_raw(boxed) });
            self.pop_temps(mark);
            return r;
        };
        let items: Vec<Value> = self.m.roots().temps[mark..].to_vec();
        self.list_vec(list).extend(items);
        self.pop_temps(mark);
        Ok(list)
    }

    /// Allocates an empty dict.
    pub fn new_dict(&mut self) -> PyResult<Value> {
        let class = self.ty(TypeId::Dict);
        let boxed = Box::into_raw(Box::new(Dict::new()));
        let r = self.alloc_record(Kind::Dict, class, &[], boxed as u64);
        if r.is_err() {
            // SAFETY: the box was not handed to any object.
            drop(unsafe { Box::from_raw(boxed) });
        }
        r
    }

    /// Allocates an empty set.
    pub fn new_set(&mut self) -> PyResult<Value> {
        let class = self.ty(TypeId::Set);
        let boxed = Box::into_raw(Box::new(Dict::new()));
        let r = self.alloc_record(Kind::Set, class, &[], boxed as u64);
        if r.is_err() {
            // SAFETY: the box was not handed to any object.
            drop(unsafe { Box::from_raw(boxed) });
        }
        r
    }

    /// An `int` value: immediate when it fits, else a heap big integer.
    pub fn new_int(&mut self, n: BigInt) -> PyResult<Value> {
        use num_traits::ToPrimitive;
        if let Some(v) = n.to_i64().and_then(Value::from_int) {
            return Ok(v);
        }
        let class = self.ty(TypeId::Int);
        let boxed = Box::into_raw(Box::new(n));
        let r = self.alloc_record(Kind::BigInt, class, &[], boxed as u64);
        if r.is_err() {
            // SAFETY: the box was not handed to any object.
            drop(unsafe { Box::from_raw(boxed) });
        }
        r
    }

    /// An `int` from an `i64`.
    pub fn new_i64(&mut self, n: i64) -> PyResult<Value> {
        match Value::from_int(n) {
            Some(v) => Ok(v),
            None => self.new_int(BigInt::from(n)),
        }
    }

    // ---- reading objects ------------------------------------------------

    #[inline]
    pub(crate) fn words(v: Value) -> Option<*mut u64> {
        let a = v.heap_addr()?;
        if a == 0 {
            return None;
        }
        ObjectRef::from_address(a).map(|r| r.payload() as *mut u64)
    }

    /// The kind of a heap object (None for immediates).
    #[inline]
    pub fn kind_of(&self, v: Value) -> Option<Kind> {
        let p = Self::words(v)?;
        // SAFETY: `v` is a live heap value (read from a root since the last
        // allocation, by the rooting rule); its first payload word is the
        // kind word.
        split_kind_word(unsafe { *p }).0
    }

    /// Number of fields of a record (bytes of a str).
    #[inline]
    pub fn len_word(&self, v: Value) -> usize {
        match Self::words(v) {
            // SAFETY: as in `kind_of`.
            Some(p) => split_kind_word(unsafe { *p }).1 as usize,
            None => 0,
        }
    }

    /// The class of any value.
    #[inline]
    pub fn class_of(&self, v: Value) -> Value {
        // Heap objects (the common case) first: one load of the class word.
        if v.is_heap()
            && let Some(p) = Self::words(v)
        {
            // SAFETY: as in `kind_of`; word 1 is the class.
            return Value::from_bits(unsafe { *p.add(1) });
        }
        self.class_of_immediate(v)
    }

    /// The class of a value that is not a heap object.
    #[inline(never)]
    fn class_of_immediate(&self, v: Value) -> Value {
        if v.is_int() {
            return self.ty(TypeId::Int);
        }
        if v.is_float() {
            return self.ty(TypeId::Float);
        }
        if v.is_bool() {
            return self.ty(TypeId::Bool);
        }
        if v.is_none() {
            return self.ty(TypeId::NoneType);
        }
        if v == Value::NOT_IMPLEMENTED {
            return self.ty(TypeId::NotImplementedType);
        }
        if v == Value::ELLIPSIS {
            return self.ty(TypeId::Ellipsis);
        }
        match Self::words(v) {
            // SAFETY: as in `kind_of`; word 1 is the class.
            Some(p) => Value::from_bits(unsafe { *p.add(1) }),
            None => self.ty(TypeId::NoneType),
        }
    }

    /// Field `i` of a record.
    #[inline]
    pub fn field(&self, v: Value, i: usize) -> Value {
        let p = Self::words(v).expect("field of a heap object");
        debug_assert!(i < self.len_word(v));
        // SAFETY: `i` is below the record's field count (callers index
        // fields of the kind they checked).
        Value::from_bits(unsafe { *p.add(RECORD_PREFIX_WORDS + i) })
    }

    /// Stores field `i` of a record, with the write barrier.
    #[inline]
    pub fn set_field(&mut self, v: Value, i: usize, x: Value) {
        let p = Self::words(v).expect("field of a heap object");
        debug_assert!(i < self.len_word(v));
        // SAFETY: as in `field`; `v` is live so the barrier may log it.
        unsafe {
            *p.add(RECORD_PREFIX_WORDS + i) = x.to_bits();
            self.barrier(v);
        }
    }

    /// Runs the write barrier on a live heap object.
    ///
    /// # Safety
    /// `v` must be a live heap object.
    #[inline]
    pub unsafe fn barrier(&self, v: Value) {
        if let Some(r) = v.heap_addr().and_then(ObjectRef::from_address) {
            // SAFETY: the caller promises `v` is live.
            unsafe { self.m.write_barrier(r) };
        }
    }

    fn offheap(&self, v: Value) -> u64 {
        let p = Self::words(v).expect("off-heap of a heap object");
        // SAFETY: the off-heap word follows the fields.
        unsafe { *p.add(RECORD_PREFIX_WORDS + self.len_word(v)) }
    }

    /// The items of a list (the list's off-heap vector). Storing into it
    /// must be followed by [`Vm::barrier`] on the list.
    #[allow(clippy::mut_from_ref)]
    pub fn list_vec(&self, v: Value) -> &mut Vec<Value> {
        debug_assert_eq!(self.kind_of(v), Some(Kind::List));
        // SAFETY: a list's off-heap word is a live `Box<Vec<Value>>` owned by
        // the object; the interpreter is single-threaded and never holds two
        // of these borrows at once (each use is a short statement).
        unsafe { &mut *(self.offheap(v) as *mut Vec<Value>) }
    }

    /// The dict of a dict object. See [`Vm::list_vec`] for the rules.
    #[allow(clippy::mut_from_ref)]
    pub fn dict_mut(&self, v: Value) -> &mut Dict {
        debug_assert!(matches!(
            self.kind_of(v),
            Some(Kind::Dict | Kind::Set | Kind::FrozenSet)
        ));
        // SAFETY: as in `list_vec`, for `Box<Dict>` (sets keep one too).
        unsafe { &mut *(self.offheap(v) as *mut Dict) }
    }

    /// The value of a heap big integer.
    pub fn bigint(&self, v: Value) -> &BigInt {
        debug_assert_eq!(self.kind_of(v), Some(Kind::BigInt));
        // SAFETY: as in `list_vec`, for `Box<BigInt>` (never mutated).
        unsafe { &*(self.offheap(v) as *const BigInt) }
    }

    /// The bytecode of a code object.
    pub fn code_arc(&self, v: Value) -> &std::sync::Arc<pyvm_bytecode::CodeObject> {
        &self.code_box(v).code
    }

    /// The off-heap part of a code object (bytecode and decoded instructions).
    pub fn code_box(&self, v: Value) -> &super::code::CodeBox {
        debug_assert_eq!(self.kind_of(v), Some(Kind::Code));
        // SAFETY: as in `list_vec`, for `Box<CodeBox>` (never mutated).
        unsafe { &*(self.offheap(v) as *const super::code::CodeBox) }
    }

    /// The bytes of a str.
    pub fn str_bytes(&self, v: Value) -> &[u8] {
        let p = Self::words(v).expect("str");
        let len = self.len_word(v);
        // SAFETY: a str's bytes follow its prefix; the borrow of `self`
        // prevents allocation (and so moves) while the slice lives.
        unsafe { std::slice::from_raw_parts(p.add(STR_PREFIX_WORDS) as *const u8, len) }
    }

    /// The text of a str (lossy for lone surrogates).
    pub fn str_text(&self, v: Value) -> std::borrow::Cow<'_, str> {
        String::from_utf8_lossy(self.str_bytes(v))
    }

    /// Number of code points of a str.
    pub fn str_chars(&self, v: Value) -> usize {
        let p = Self::words(v).expect("str");
        // SAFETY: word 3 of a str is its code-point count.
        unsafe { *p.add(3) as usize }
    }

    /// The cached hash word of a str.
    pub fn str_hash_cell(&self, v: Value) -> *mut u64 {
        let p = Self::words(v).expect("str");
        // SAFETY: word 2 of a str is its hash cache (not a reference).
        unsafe { p.add(2) }
    }

    /// The items of a tuple.
    pub fn tuple_items(&self, v: Value) -> &[Value] {
        let p = Self::words(v).expect("tuple");
        let len = self.len_word(v);
        // SAFETY: a tuple's fields are its items; `Value` is a transparent
        // 64-bit word; the borrow of `self` prevents moves while it lives.
        unsafe { std::slice::from_raw_parts(p.add(RECORD_PREFIX_WORDS) as *const Value, len) }
    }

    /// Whether `v` is a `str` (exact or subclass instance kind).
    #[inline]
    pub fn is_str(&self, v: Value) -> bool {
        self.kind_of(v) == Some(Kind::Str)
    }
}
