//! The layout of pyvm objects on the gc heap.
//!
//! Every object is `[gc header][kind word][class][fields...][off-heap word?]`
//! (the gc header is the collector's; the payload starts at the kind word):
//!
//! - the **kind word** holds the [`Kind`] in its low byte and a 32-bit
//!   length in its high half: the number of traced [`Value`] fields for
//!   records, the byte length for `str`;
//! - the **class** is a traced [`Value`] pointing at the object's type;
//! - **records** (everything but `str`) then hold `len` traced fields, and
//!   kinds that own memory outside the heap ([`Kind::has_offheap`]) one more
//!   word: a `Box` pointer released by the drop hook;
//! - **`str`** holds a cached hash word, the length in code points, then the
//!   bytes (generalized UTF-8, so lone surrogates are representable), padded
//!   to 8 bytes. Strings hold no references.
//!
//! `object_size` and `trace_object` need nothing but these words.

use pyvm_objmodel::Value;

/// What an object is, independent of its (possibly user-defined) class.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Kind {
    /// A type object: fields [`TypeField`].
    Type = 1,
    /// An instance of a user class: field 0 is its attribute dict.
    Instance,
    /// A `str`: bytes inline.
    Str,
    /// A `tuple`: its items are the fields.
    Tuple,
    /// A `list`: items in an off-heap `Vec<Value>`.
    List,
    /// A `dict`: an off-heap objmodel `Dict`.
    Dict,
    /// An `int` beyond the immediate range: an off-heap `BigInt`.
    BigInt,
    /// A Python function: fields [`FuncField`].
    Function,
    /// A builtin function or method: fields [`BuiltinField`].
    Builtin,
    /// A code object: fields [`CodeField`], off-heap `Arc<CodeObject>`.
    Code,
    /// A closure cell: field 0 is its contents (EMPTY when unbound).
    Cell,
    /// A module: field 0 is its dict, field 1 its name.
    Module,
    /// An exception instance: fields [`ExcField`].
    Exception,
    /// A bound method: field 0 the function, field 1 `self`.
    BoundMethod,
    /// A `range`: fields start, stop, step (ints).
    Range,
    /// An iterator over a sequence or range: field 0 the sequence (or range),
    /// field 1 the next index (an int).
    SeqIter,
    /// An iterator over a dict (or set): field 0 the dict, field 1 a
    /// [`ViewKind`] as an int (what it yields); off-heap, the objmodel
    /// `DictIter` state.
    DictKeyIter,
    /// A generator: fields [`GenField`] (its suspended frame, on the heap).
    Generator,
    /// A `slice`: fields start, stop, step (any values).
    Slice,
    /// `enumerate`: field 0 the iterator, field 1 the next count.
    Enumerate,
    /// `zip`: field 0 a tuple of iterators, field 1 `strict` (a bool).
    Zip,
    /// A `set`: an off-heap objmodel `Dict` whose keys are the elements.
    Set,
    /// A `frozenset`: as `Set`, immutable and hashable.
    FrozenSet,
    /// A dict view (`keys()`, `values()`, `items()`): field 0 the dict,
    /// field 1 which view ([`ViewKind`] as an int).
    DictView,
    /// `map`: field 0 the function, field 1 a tuple of iterators.
    Map,
    /// `filter`: field 0 the predicate (None for truth), field 1 the iterator.
    Filter,
    /// `reversed` over a sequence: field 0 the sequence, field 1 the next
    /// index (an int, -1 when exhausted).
    Reversed,
    /// `iter(callable, sentinel)`: field 0 the callable (EMPTY when
    /// exhausted), field 1 the sentinel.
    CallIter,
    /// A `property`: fields [`PropField`].
    Property,
    /// A `classmethod` (field 0 the function, field 1 its dict or EMPTY).
    ClassMethod,
    /// A `staticmethod` (field 0 the function, field 1 its dict or EMPTY).
    StaticMethod,
    /// A `super` object: fields [`SuperField`].
    Super,
    /// A slot of a `__slots__` class: field 0 the name, field 1 the
    /// instance field index (an int), field 2 the owning class.
    MemberDescr,
    /// A traceback entry: fields [`TbField`].
    Traceback,
    /// A `complex`: field 0 the real part, field 1 the imaginary part (floats).
    Complex,
    /// A compiled regular expression (`re.Pattern`, `modules/sre`).
    SrePattern,
    /// A regular-expression match (`re.Match`).
    SreMatch,
    /// The `_sre` scanner behind `finditer`.
    SreScanner,
    /// An awaitable of an async generator (`asend`, `athrow`, `aclose`):
    /// fields [`AsyncOpField`].
    AsyncGenOp,
    /// An object of a native type with Rust state (`_random.Random`): field
    /// 0 its attribute dict; off-heap, a `NativeCell` (state without heap
    /// references). User subclasses of such types get this kind too.
    NativeState,
    /// An object of a type defined by a native module: field 0 is its
    /// native type's index (`modules/native_types.rs`), the rest its state.
    Native,
    /// An `_io` object (file, buffer, text wrapper, StringIO, BytesIO):
    /// field 0 its attribute dict, field 1 the wrapped object (`buffer`,
    /// `raw`) or None; off-heap, its `modules::io::IoBox`.
    Io,
    /// A `bytes`: laid out like a `str` (hash word, unused count word,
    /// then the bytes inline).
    Bytes,
    /// A `bytearray`: an off-heap `Vec<u8>`.
    ByteArray,
    /// A `memoryview`: fields [`crate::runtime::bytes_obj::ViewField`].
    MemoryView,
}

/// Which items a dict view or dict iterator produces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(i64)]
pub enum ViewKind {
    /// The keys.
    Keys = 0,
    /// The values.
    Values,
    /// `(key, value)` tuples.
    Items,
}

impl Kind {
    /// Every kind, indexed by its byte value minus one.
    const ALL: &[Kind] = &[
        Kind::Type,
        Kind::Instance,
        Kind::Str,
        Kind::Tuple,
        Kind::List,
        Kind::Dict,
        Kind::BigInt,
        Kind::Function,
        Kind::Builtin,
        Kind::Code,
        Kind::Cell,
        Kind::Module,
        Kind::Exception,
        Kind::BoundMethod,
        Kind::Range,
        Kind::SeqIter,
        Kind::DictKeyIter,
        Kind::Generator,
        Kind::Slice,
        Kind::Enumerate,
        Kind::Zip,
        Kind::Set,
        Kind::FrozenSet,
        Kind::DictView,
        Kind::Map,
        Kind::Filter,
        Kind::Reversed,
        Kind::CallIter,
        Kind::Property,
        Kind::ClassMethod,
        Kind::StaticMethod,
        Kind::Super,
        Kind::MemberDescr,
        Kind::Traceback,
        Kind::Complex,
        Kind::SrePattern,
        Kind::SreMatch,
        Kind::SreScanner,
        Kind::AsyncGenOp,
        Kind::NativeState,
        Kind::Native,
        Kind::Io,
        Kind::Bytes,
        Kind::ByteArray,
        Kind::MemoryView,
    ];

    /// The kind with this byte value.
    pub fn from_byte(b: u8) -> Option<Kind> {
        Kind::ALL.get((b as usize).wrapping_sub(1)).copied()
    }

    /// Whether the object carries an off-heap pointer after its fields.
    pub fn has_offheap(self) -> bool {
        matches!(
            self,
            Kind::List
                | Kind::Dict
                | Kind::BigInt
                | Kind::Code
                | Kind::DictKeyIter
                | Kind::Set
                | Kind::FrozenSet
                | Kind::NativeState
                | Kind::Io
                | Kind::ByteArray
                | Kind::Native
        )
    }
}

/// Fields of a type object.
#[derive(Clone, Copy, Debug)]
#[repr(usize)]
pub enum TypeField {
    /// `__name__` (a str).
    Name = 0,
    /// `__bases__` (a tuple).
    Bases,
    /// `__mro__` (a tuple, starting with the type itself).
    Mro,
    /// The type's namespace (a dict).
    Dict,
    /// The [`Kind`] its instances get (an int).
    InstanceKind,
    /// `__qualname__` (a str).
    Qualname,
    /// Layout and lookup flags (an int, see `class_create::flags`).
    Flags,
    /// `__subclasses__()`: a list of the direct subclasses, or None.
    Subclasses,
}
/// Number of type fields.
pub const TYPE_FIELDS: usize = 8;

/// Fields of a `property`.
#[derive(Clone, Copy, Debug)]
#[repr(usize)]
pub enum PropField {
    /// The getter (or None).
    Get = 0,
    /// The setter (or None).
    Set,
    /// The deleter (or None).
    Del,
    /// `__doc__`.
    Doc,
    /// The attribute name it was assigned to (from `__set_name__`), or None.
    Name,
}
/// Number of property fields.
pub const PROP_FIELDS: usize = 5;

/// Fields of a `super` object.
#[derive(Clone, Copy, Debug)]
#[repr(usize)]
pub enum SuperField {
    /// `__thisclass__`: the class whose successor in the MRO starts the search.
    ThisClass = 0,
    /// `__self__`: the bound object (or None for an unbound super).
    Obj,
    /// `__self_class__`: the class whose MRO is searched (or None).
    ObjType,
}
/// Number of super fields.
pub const SUPER_FIELDS: usize = 3;

/// Fields of a function.
#[derive(Clone, Copy, Debug)]
#[repr(usize)]
pub enum FuncField {
    /// The code object.
    Code = 0,
    /// The globals dict.
    Globals,
    /// `__name__`.
    Name,
    /// `__qualname__`.
    Qualname,
    /// `__defaults__` (tuple or None).
    Defaults,
    /// `__kwdefaults__` (dict or None).
    KwDefaults,
    /// The closure (tuple of cells or None).
    Closure,
    /// `__dict__` (a dict, or None until an attribute is set).
    Dict,
    /// `__annotations__`: a dict, or the flat (name, value, ...) tuple the
    /// code made (converted on first access), or None.
    Annotations,
}
/// Number of function fields.
pub const FUNC_FIELDS: usize = 9;

/// Fields of a builtin function.
#[derive(Clone, Copy, Debug)]
#[repr(usize)]
pub enum BuiltinField {
    /// Index into the native table (an int).
    Native = 0,
    /// `__name__`.
    Name,
    /// The bound receiver, or EMPTY.
    SelfValue,
}
/// Number of builtin fields.
pub const BUILTIN_FIELDS: usize = 3;

/// Fields of a code object.
#[derive(Clone, Copy, Debug)]
#[repr(usize)]
pub enum CodeField {
    /// The constants, materialized (a tuple).
    Consts = 0,
    /// The names, as str objects (a tuple).
    Names,
}
/// Number of code fields.
pub const CODE_FIELDS: usize = 2;

/// Fields of an exception.
#[derive(Clone, Copy, Debug)]
#[repr(usize)]
pub enum ExcField {
    /// `args` (a tuple).
    Args = 0,
    /// `__traceback__`: the outermost traceback object (see [`TbField`]) or None.
    Traceback,
    /// `__cause__`.
    Cause,
    /// `__context__`.
    Context,
    /// `__suppress_context__` (a bool).
    SuppressContext,
    /// Instance attributes (a dict or EMPTY).
    Dict,
}
/// Number of exception fields.
pub const EXC_FIELDS: usize = 6;

/// Fields of a traceback object (one frame an exception passed through).
#[derive(Clone, Copy, Debug)]
#[repr(usize)]
pub enum TbField {
    /// `tb_next` (the next inner entry, or None).
    Next = 0,
    /// The code object of the frame.
    Code,
    /// `tb_lasti`: word index of the instruction that raised (an int).
    Lasti,
    /// `tb_lineno` (an int).
    Lineno,
    /// `tb_frame`: the frame object (`frame_obj.rs`).
    Frame,
    /// The frame's globals dict (for "Did you mean" on NameErrors).
    Globals,
}
/// Number of traceback fields.
pub const TB_FIELDS: usize = 6;

/// Fields of a generator: its frame, saved while suspended.
#[derive(Clone, Copy, Debug)]
#[repr(usize)]
pub enum GenField {
    /// The code object.
    Code = 0,
    /// The function (for the frame record).
    Func,
    /// The globals dict.
    Globals,
    /// The frame's cells (tuple or EMPTY).
    Cells,
    /// The saved register window (a list; empty while running).
    Regs,
    /// Word index to resume at (an int).
    Pc,
    /// [`GenState`] as an int.
    State,
    /// Register receiving the value sent at resumption (an int, -1 if none).
    SendReg,
    /// `__qualname__` of the function.
    Name,
    /// The value sent at the last resumption, for a `YieldFrom` (EMPTY: none).
    Sent,
    /// An exception to throw into the `YieldFrom` delegate (EMPTY: none).
    Throw,
    /// The iterator a suspended `YieldFrom` delegates to (`gi_yieldfrom`), or EMPTY.
    Delegate,
    /// Word index of the instruction the frame suspended at (an int).
    LastPc,
    /// The frame object of the generator's frame (`gi_frame`, see
    /// `frame_obj.rs`), or None until one is asked for.
    Frame,
    /// The exception the suspended frame is handling (it yielded inside an
    /// `except` or `finally` block), or EMPTY: restored into
    /// `Roots::handled` on resumption, as CPython's `gi_exc_state`.
    ExcState,
}
/// Number of generator fields.
pub const GEN_FIELDS: usize = 15;

/// Fields of an async generator awaitable (`asend`/`athrow`/`aclose`).
#[derive(Clone, Copy, Debug)]
#[repr(usize)]
pub enum AsyncOpField {
    /// The async generator.
    Agen = 0,
    /// The value to send or the exception to throw first.
    Arg,
    /// `coroutine::AsyncOpMode` as an int.
    Mode,
    /// 0 not started, 1 running, 2 finished (an int).
    State,
}
/// Number of async generator awaitable fields.
pub const ASYNC_OP_FIELDS: usize = 4;

/// Life cycle of a generator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(i64)]
pub enum GenState {
    /// Created, not started.
    Created = 0,
    /// Suspended at a `yield`.
    Suspended,
    /// Running (resuming it again raises ValueError).
    Running,
    /// Finished (returned or raised).
    Done,
}

/// Words before the fields: kind word and class.
pub const RECORD_PREFIX_WORDS: usize = 2;
/// Words before a str's bytes: kind word, class, hash, code-point length.
pub const STR_PREFIX_WORDS: usize = 4;
/// The str hash word's "computed" flag (hashes are 64-bit signed; stored
/// with this flag in a separate word would cost a word, so a hash equal to
/// the flag value is recomputed each time, which is only slower).
pub const STR_HASH_UNSET: u64 = 0;

/// Packs a kind word.
pub fn kind_word(kind: Kind, len: u32) -> u64 {
    kind as u64 | (len as u64) << 32
}

/// Unpacks a kind word.
pub fn split_kind_word(word: u64) -> (Option<Kind>, u32) {
    (Kind::from_byte(word as u8), (word >> 32) as u32)
}

/// Bit position of the extra-word count in a kind word: instances of user
/// subclasses of builtin types (`class L(list)`) keep the base's layout and
/// append this many traced words at the very end of the payload (after the
/// fields, the str bytes or the off-heap word): word 0 is the instance
/// `__dict__` (EMPTY without one), then the `__slots__` (see `subclass.rs`).
pub const EXTRA_SHIFT: u32 = 8;

/// Number of extra words (see [`EXTRA_SHIFT`]) of the object whose kind
/// word is `word`.
#[inline]
pub fn extra_words(word: u64) -> usize {
    ((word >> EXTRA_SHIFT) & 0xff) as usize
}

/// Payload bytes of an object whose kind word is `word`.
pub fn payload_bytes(word: u64) -> usize {
    let (kind, len) = split_kind_word(word);
    match kind {
        Some(Kind::Str | Kind::Bytes) => {
            8 * STR_PREFIX_WORDS + (len as usize).div_ceil(8) * 8 + 8 * extra_words(word)
        }
        Some(k) => {
            8 * (RECORD_PREFIX_WORDS + len as usize + usize::from(k.has_offheap()))
                + 8 * extra_words(word)
        }
        // A zeroed payload (allocated, not yet initialised): the caller
        // never lets this reach a collection, but the size stays sane.
        None => 8 * RECORD_PREFIX_WORDS,
    }
}

/// Whether a value is a heap reference worth tracing.
#[inline]
pub fn is_ref(v: Value) -> bool {
    v.is_heap()
}
