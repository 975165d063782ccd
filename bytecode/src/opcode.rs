//! The instruction table: every pyvm bytecode instruction is defined once, in
//! the [`define_instructions!`] invocation below, with its operands (each of a
//! typed [`OperandKind`]) and its [`Flags`]. The [`Opcode`] enum, the typed
//! [`Instruction`] enum, the encoder and decoder in [`crate::encode`], the
//! disassembler and `INSTRUCTIONS.md` are all derived from that table, so an
//! instruction cannot be added to one of them and forgotten in the others.
//!
//! Conventions shared by all instructions:
//! - a [`Reg`] operand names a frame register; registers `0..nlocals` are the
//!   parameters and named locals of the code object, the rest are temporaries;
//! - "window" operands (`base` + `count`) name `count` consecutive registers
//!   starting at `base`;
//! - a [`Target`] is the index of the first word of the destination
//!   instruction in [`crate::CodeObject::code`];
//! - instructions flagged [`Flags::CACHE`] own the inline-cache slot named by
//!   their `cache` operand (dense, `0..CodeObject::ncaches`).

use std::fmt;

/// A frame register (parameters and named locals first, then temporaries).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Reg(pub u32);
/// An index into [`crate::CodeObject::consts`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ConstIdx(pub u32);
/// An index into [`crate::CodeObject::names`] (globals, attributes, imports).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NameIdx(pub u32);
/// An index into the frame's cells: `cell_names` first, then `free_names`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CellIdx(pub u32);
/// A jump destination: a word index into [`crate::CodeObject::code`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Target(pub u32);
/// An inline-cache slot owned by one instruction (`0..ncaches`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CacheIdx(pub u32);
/// A count of registers, arguments or items.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Count(pub u32);
/// A small immediate whose meaning is given by the instruction's doc.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Imm(pub u32);

/// What an operand field holds; lets the disassembler resolve it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OperandKind {
    /// A frame register ([`Reg`]).
    Reg,
    /// A constant index ([`ConstIdx`]).
    Const,
    /// A name index ([`NameIdx`]).
    Name,
    /// A cell or free variable index ([`CellIdx`]).
    Cell,
    /// A jump target ([`Target`]).
    Target,
    /// An inline cache slot ([`CacheIdx`]).
    Cache,
    /// A count ([`Count`]).
    Count,
    /// An immediate ([`Imm`]).
    Imm,
}

/// Conversion between a typed operand and its raw field value.
pub trait Operand: Copy {
    /// The kind recorded in the instruction table.
    const KIND: OperandKind;
    /// The raw value stored in the instruction word(s).
    fn to_raw(self) -> u32;
    /// Rebuilds the operand from its raw value.
    fn from_raw(raw: u32) -> Self;
}

macro_rules! impl_operand {
    ($($ty:ident => $kind:ident),* $(,)?) => {$(
        impl Operand for $ty {
            const KIND: OperandKind = OperandKind::$kind;
            #[inline]
            fn to_raw(self) -> u32 { self.0 }
            #[inline]
            fn from_raw(raw: u32) -> Self { $ty(raw) }
        }
    )*};
}
impl_operand!(Reg => Reg, ConstIdx => Const, NameIdx => Name, CellIdx => Cell,
    Target => Target, CacheIdx => Cache, Count => Count, Imm => Imm);

/// Instruction properties used by the interpreter, specializer and tracer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct Flags(pub u16);

impl Flags {
    /// May raise a Python exception.
    pub const RAISE: Flags = Flags(1 << 0);
    /// May run arbitrary Python code (a call, a dunder method, a descriptor).
    pub const CALL: Flags = Flags(1 << 1);
    /// May allocate on the heap and therefore trigger a collection.
    pub const COLLECT: Flags = Flags(1 << 2);
    /// Conditional branch: has a `Target` operand and may fall through.
    pub const BRANCH: Flags = Flags(1 << 3);
    /// Unconditional jump: never falls through.
    pub const JUMP: Flags = Flags(1 << 4);
    /// Leaves the frame (return, raise): never falls through.
    pub const EXIT: Flags = Flags(1 << 5);
    /// Suspends a generator or coroutine frame; execution resumes here.
    pub const SUSPEND: Flags = Flags(1 << 6);
    /// Owns an inline-cache slot (its `cache` operand).
    pub const CACHE: Flags = Flags(1 << 7);
    /// A prefix that modifies the next instruction.
    pub const PREFIX: Flags = Flags(1 << 8);

    /// True when every flag of `other` is set.
    pub const fn contains(self, other: Flags) -> bool {
        self.0 & other.0 == other.0
    }
    /// The union of two flag sets.
    pub const fn union(self, other: Flags) -> Flags {
        Flags(self.0 | other.0)
    }
    /// Flag names, in declaration order, for documentation.
    pub fn names(self) -> Vec<&'static str> {
        const ALL: [(&str, Flags); 9] = [
            ("raise", Flags::RAISE),
            ("call", Flags::CALL),
            ("collect", Flags::COLLECT),
            ("branch", Flags::BRANCH),
            ("jump", Flags::JUMP),
            ("exit", Flags::EXIT),
            ("suspend", Flags::SUSPEND),
            ("cache", Flags::CACHE),
            ("prefix", Flags::PREFIX),
        ];
        ALL.iter()
            .filter(|(_, f)| self.contains(*f))
            .map(|(n, _)| *n)
            .collect()
    }
}

/// Shorthand used in the table: `RCC` = raise + call + collect.
const RCC: Flags = Flags(Flags::RAISE.0 | Flags::CALL.0 | Flags::COLLECT.0);
/// Raise + call + collect + cache.
const RCCK: Flags = Flags(RCC.0 | Flags::CACHE.0);
/// Raise + collect (allocates, may fail, runs no Python code).
const RC: Flags = Flags(Flags::RAISE.0 | Flags::COLLECT.0);
const NONE: Flags = Flags(0);

macro_rules! define_instructions {
    ($(
        $(#[doc = $doc:literal])*
        $name:ident { $($field:ident : $ty:ident),* } = $flags:expr;
    )*) => {
        /// The operation of an instruction (the low byte of its first word).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[repr(u8)]
        pub enum Opcode {
            $( $(#[doc = $doc])* $name, )*
        }

        impl Opcode {
            /// Every opcode, in table order (`ALL[op as usize] == op`).
            pub const ALL: &'static [Opcode] = &[$(Opcode::$name),*];

            /// The instruction's name as printed by the disassembler.
            pub const fn name(self) -> &'static str {
                match self { $(Opcode::$name => stringify!($name),)* }
            }

            /// The instruction's flags.
            pub const fn flags(self) -> Flags {
                match self { $(Opcode::$name => $flags,)* }
            }

            /// Operand names and kinds, in encoding order.
            pub const fn operands(self) -> &'static [(&'static str, OperandKind)] {
                match self {
                    $(Opcode::$name => &[$((stringify!($field), <$ty as Operand>::KIND)),*],)*
                }
            }

            /// The documentation line of the instruction.
            pub const fn doc(self) -> &'static str {
                match self { $(Opcode::$name => concat!($($doc, "\n"),*),)* }
            }

            /// The opcode with this byte value, if any.
            pub fn from_u8(byte: u8) -> Option<Opcode> {
                Opcode::ALL.get(byte as usize).copied()
            }
        }

        /// A decoded instruction with typed operands.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        #[allow(missing_docs)]
        pub enum Instruction {
            $( $(#[doc = $doc])* $name { $($field: $ty),* }, )*
        }

        impl Instruction {
            /// The instruction's opcode.
            #[inline]
            pub const fn opcode(&self) -> Opcode {
                match self { $(Instruction::$name { .. } => Opcode::$name,)* }
            }

            /// Raw operand values in encoding order (unused fields are 0).
            pub fn raw_operands(&self) -> [u32; 4] {
                #[allow(unused_mut, unused_assignments, unused_variables)]
                match *self {
                    $(Instruction::$name { $($field),* } => {
                        let mut out = [0u32; 4];
                        let mut i = 0;
                        $( out[i] = $field.to_raw(); i += 1; )*
                        out
                    })*
                }
            }

            /// Rebuilds an instruction from its opcode and raw operand values.
            pub fn from_raw(op: Opcode, raw: [u32; 4]) -> Instruction {
                #[allow(unused_mut, unused_assignments, unused_variables)]
                match op {
                    $(Opcode::$name => {
                        let mut i = 0;
                        $( let $field = <$ty as Operand>::from_raw(raw[i]); i += 1; )*
                        Instruction::$name { $($field),* }
                    })*
                }
            }
        }
    };
}

define_instructions! {
    /// Does nothing (left where an instruction was folded away).
    Nop {} = NONE;
    /// Supplies 14 more high bits for each operand of the next instruction.
    ExtendedArg { a: Imm, b: Imm, c: Imm, d: Imm } = Flags::PREFIX;
    /// `dst = src` (a register copy; no reference counting).
    Move { dst: Reg, src: Reg } = NONE;
    /// `dst = consts[value]`.
    LoadConst { dst: Reg, value: ConstIdx } = NONE;
    /// `dst = globals[name]`, falling back to builtins; NameError if absent.
    LoadGlobal { dst: Reg, name: NameIdx, cache: CacheIdx } = Flags(RC.0 | Flags::CACHE.0);
    /// `globals[name] = src`.
    StoreGlobal { name: NameIdx, src: Reg } = RC;
    /// `del globals[name]`; NameError if absent.
    DeleteGlobal { name: NameIdx } = RC;
    /// `dst = name` looked up in locals mapping, globals, builtins (module and class bodies).
    LoadName { dst: Reg, name: NameIdx } = RCC;
    /// `locals[name] = src` (module and class bodies).
    StoreName { name: NameIdx, src: Reg } = RCC;
    /// `del locals[name]`; NameError if absent.
    DeleteName { name: NameIdx } = RCC;
    /// `dst = cells[cell].contents`; NameError/UnboundLocalError if empty.
    LoadDeref { dst: Reg, cell: CellIdx } = Flags::RAISE.union(Flags::COLLECT);
    /// `cells[cell].contents = src`.
    StoreDeref { cell: CellIdx, src: Reg } = NONE;
    /// Empties `cells[cell]`; error if already empty.
    DeleteDeref { cell: CellIdx } = Flags::RAISE.union(Flags::COLLECT);
    /// Class body read of a free variable: the class namespace first, then the cell.
    LoadClassDeref { dst: Reg, cell: CellIdx } = RCC;
    /// `dst = cells[cell]` (the cell object itself, for building closures).
    LoadClosure { dst: Reg, cell: CellIdx } = NONE;
    /// Raises UnboundLocalError naming `local_names[reg]` if `reg` is empty.
    CheckBound { reg: Reg } = Flags::RAISE.union(Flags::COLLECT);
    /// `del` of a local: UnboundLocalError if `reg` is empty, else empties it.
    DeleteFast { reg: Reg } = Flags::RAISE.union(Flags::COLLECT);
    /// `dst = obj.<names[name]>`.
    LoadAttr { dst: Reg, obj: Reg, name: NameIdx, cache: CacheIdx } = RCCK;
    /// `obj.<names[name]> = src`.
    StoreAttr { obj: Reg, name: NameIdx, src: Reg, cache: CacheIdx } = RCCK;
    /// `del obj.<names[name]>`.
    DeleteAttr { obj: Reg, name: NameIdx } = RCC;
    /// Method lookup for [`Opcode::CallMethod`]: `dst` = function and `dst+1` = `obj`
    /// when an unbound method was found; otherwise `dst` = bound attribute, `dst+1` emptied.
    LoadMethod { dst: Reg, obj: Reg, name: NameIdx, cache: CacheIdx } = RCCK;
    /// `dst = obj[key]`.
    GetItem { dst: Reg, obj: Reg, key: Reg, cache: CacheIdx } = RCCK;
    /// `obj[key] = src`.
    StoreItem { obj: Reg, key: Reg, src: Reg } = RCC;
    /// `del obj[key]`.
    DeleteItem { obj: Reg, key: Reg } = RCC;
    /// `dst = lhs + rhs`.
    Add { dst: Reg, lhs: Reg, rhs: Reg, cache: CacheIdx } = RCCK;
    /// `dst = lhs - rhs`.
    Sub { dst: Reg, lhs: Reg, rhs: Reg, cache: CacheIdx } = RCCK;
    /// `dst = lhs * rhs`.
    Mul { dst: Reg, lhs: Reg, rhs: Reg, cache: CacheIdx } = RCCK;
    /// `dst = lhs @ rhs`.
    MatMul { dst: Reg, lhs: Reg, rhs: Reg, cache: CacheIdx } = RCCK;
    /// `dst = lhs / rhs`.
    TrueDiv { dst: Reg, lhs: Reg, rhs: Reg, cache: CacheIdx } = RCCK;
    /// `dst = lhs // rhs`.
    FloorDiv { dst: Reg, lhs: Reg, rhs: Reg, cache: CacheIdx } = RCCK;
    /// `dst = lhs % rhs`.
    Mod { dst: Reg, lhs: Reg, rhs: Reg, cache: CacheIdx } = RCCK;
    /// `dst = lhs ** rhs`.
    Pow { dst: Reg, lhs: Reg, rhs: Reg, cache: CacheIdx } = RCCK;
    /// `dst = lhs << rhs`.
    LShift { dst: Reg, lhs: Reg, rhs: Reg, cache: CacheIdx } = RCCK;
    /// `dst = lhs >> rhs`.
    RShift { dst: Reg, lhs: Reg, rhs: Reg, cache: CacheIdx } = RCCK;
    /// `dst = lhs & rhs`.
    BitAnd { dst: Reg, lhs: Reg, rhs: Reg, cache: CacheIdx } = RCCK;
    /// `dst = lhs | rhs`.
    BitOr { dst: Reg, lhs: Reg, rhs: Reg, cache: CacheIdx } = RCCK;
    /// `dst = lhs ^ rhs`.
    BitXor { dst: Reg, lhs: Reg, rhs: Reg, cache: CacheIdx } = RCCK;
    /// `dst = lhs; dst += rhs` (tries `__iadd__` first).
    InplaceAdd { dst: Reg, lhs: Reg, rhs: Reg, cache: CacheIdx } = RCCK;
    /// In-place `-=`.
    InplaceSub { dst: Reg, lhs: Reg, rhs: Reg, cache: CacheIdx } = RCCK;
    /// In-place `*=`.
    InplaceMul { dst: Reg, lhs: Reg, rhs: Reg, cache: CacheIdx } = RCCK;
    /// In-place `@=`.
    InplaceMatMul { dst: Reg, lhs: Reg, rhs: Reg, cache: CacheIdx } = RCCK;
    /// In-place `/=`.
    InplaceTrueDiv { dst: Reg, lhs: Reg, rhs: Reg, cache: CacheIdx } = RCCK;
    /// In-place `//=`.
    InplaceFloorDiv { dst: Reg, lhs: Reg, rhs: Reg, cache: CacheIdx } = RCCK;
    /// In-place `%=`.
    InplaceMod { dst: Reg, lhs: Reg, rhs: Reg, cache: CacheIdx } = RCCK;
    /// In-place `**=`.
    InplacePow { dst: Reg, lhs: Reg, rhs: Reg, cache: CacheIdx } = RCCK;
    /// In-place `<<=`.
    InplaceLShift { dst: Reg, lhs: Reg, rhs: Reg, cache: CacheIdx } = RCCK;
    /// In-place `>>=`.
    InplaceRShift { dst: Reg, lhs: Reg, rhs: Reg, cache: CacheIdx } = RCCK;
    /// In-place `&=`.
    InplaceBitAnd { dst: Reg, lhs: Reg, rhs: Reg, cache: CacheIdx } = RCCK;
    /// In-place `|=`.
    InplaceBitOr { dst: Reg, lhs: Reg, rhs: Reg, cache: CacheIdx } = RCCK;
    /// In-place `^=`.
    InplaceBitXor { dst: Reg, lhs: Reg, rhs: Reg, cache: CacheIdx } = RCCK;
    /// `dst = -src`.
    Neg { dst: Reg, src: Reg } = RCC;
    /// `dst = +src`.
    Pos { dst: Reg, src: Reg } = RCC;
    /// `dst = ~src`.
    Invert { dst: Reg, src: Reg } = RCC;
    /// `dst = not src` (a bool).
    Not { dst: Reg, src: Reg } = RCC;
    /// `dst = lhs < rhs`.
    Lt { dst: Reg, lhs: Reg, rhs: Reg, cache: CacheIdx } = RCCK;
    /// `dst = lhs <= rhs`.
    Le { dst: Reg, lhs: Reg, rhs: Reg, cache: CacheIdx } = RCCK;
    /// `dst = lhs == rhs`.
    Eq { dst: Reg, lhs: Reg, rhs: Reg, cache: CacheIdx } = RCCK;
    /// `dst = lhs != rhs`.
    Ne { dst: Reg, lhs: Reg, rhs: Reg, cache: CacheIdx } = RCCK;
    /// `dst = lhs > rhs`.
    Gt { dst: Reg, lhs: Reg, rhs: Reg, cache: CacheIdx } = RCCK;
    /// `dst = lhs >= rhs`.
    Ge { dst: Reg, lhs: Reg, rhs: Reg, cache: CacheIdx } = RCCK;
    /// `dst = lhs is rhs`.
    Is { dst: Reg, lhs: Reg, rhs: Reg } = NONE;
    /// `dst = lhs is not rhs`.
    IsNot { dst: Reg, lhs: Reg, rhs: Reg } = NONE;
    /// `dst = item in container`.
    Contains { dst: Reg, item: Reg, container: Reg } = RCC;
    /// `dst = item not in container`.
    NotContains { dst: Reg, item: Reg, container: Reg } = RCC;
    /// Unconditional jump.
    Jump { target: Target } = Flags::JUMP;
    /// Jumps when `cond` is true (`bool(cond)`, which may call `__bool__`).
    JumpIfTrue { cond: Reg, target: Target } = Flags(RCC.0 | Flags::BRANCH.0);
    /// Jumps when `cond` is false.
    JumpIfFalse { cond: Reg, target: Target } = Flags(RCC.0 | Flags::BRANCH.0);
    /// Jumps when `src is None`.
    JumpIfNone { src: Reg, target: Target } = Flags::BRANCH;
    /// Jumps when `src is not None`.
    JumpIfNotNone { src: Reg, target: Target } = Flags::BRANCH;
    /// `dst = iter(src)`.
    GetIter { dst: Reg, src: Reg } = RCC;
    /// `dst = next(iter)`; when the iterator is exhausted, jumps to `target`.
    ForIter { dst: Reg, iter: Reg, target: Target } = Flags(RCC.0 | Flags::BRANCH.0);
    /// `dst = aiter(src)` (`__aiter__`).
    GetAIter { dst: Reg, src: Reg } = RCC;
    /// `dst = awaitable of anext(aiter)` (`__anext__`), ready for [`Opcode::YieldFrom`].
    GetANext { dst: Reg, aiter: Reg } = RCC;
    /// Exception handler of `async for`: falls through if `exc` is a
    /// StopAsyncIteration, otherwise re-raises it.
    EndAsyncFor { exc: Reg } = Flags::RAISE;
    /// `dst = awaitable iterator of src` (`__await__`); `kind` 0 = `await`,
    /// 1 = after `__aenter__`, 2 = after `__aexit__` (for error messages).
    GetAwaitable { dst: Reg, src: Reg, kind: Imm } = RCC;
    /// `dst = iter(src)` for `yield from` (coroutines pass through unchanged).
    GetYieldFromIter { dst: Reg, src: Reg } = RCC;
    /// Suspends the frame yielding `src`; on resumption `dst` = the sent value
    /// (or the thrown exception is raised here).
    YieldValue { dst: Reg, src: Reg } = Flags(RCC.0 | Flags::SUSPEND.0);
    /// Delegates to the iterator in `iter` (`yield from` / `await`): sends the
    /// value the frame was resumed with (None at first), suspends with each
    /// value the iterator yields (pc stays here, throw/close are forwarded to
    /// `iter`), and when it returns sets `dst` to its return value and goes on.
    YieldFrom { dst: Reg, iter: Reg } = Flags(RCC.0 | Flags::SUSPEND.0);
    /// Returns `src` from the frame (ends a generator with StopIteration(src)).
    Return { src: Reg } = Flags::EXIT;
    /// `dst = base(base+1, ..., base+argc)`; the last `len(kwnames)` arguments
    /// are keyword arguments when a [`Opcode::KwNames`] prefix precedes.
    Call { dst: Reg, base: Reg, argc: Count, cache: CacheIdx } = RCCK;
    /// Like `Call`, after [`Opcode::LoadMethod`]: `base` = function, `base+1` = self
    /// or empty, arguments from `base+2`.
    CallMethod { dst: Reg, base: Reg, argc: Count, cache: CacheIdx } = RCCK;
    /// Prefix: the next call's last arguments are keywords named by the const tuple `names`.
    KwNames { names: ConstIdx } = Flags::PREFIX;
    /// `dst = func(*args)` where `args` holds a tuple.
    CallEx { dst: Reg, func: Reg, args: Reg } = RCC;
    /// `dst = func(*args, **kwargs)` where `args` is a tuple and `kwargs` a dict.
    CallExKw { dst: Reg, func: Reg, args: Reg, kwargs: Reg } = RCC;
    /// `dst = new function from consts[code]`; `flags` bits say which registers
    /// follow from `base`, in this order: 1 = defaults tuple, 2 = keyword-only
    /// defaults dict, 4 = annotations tuple (name, value, ...), 8 = closure tuple of cells.
    MakeFunction { dst: Reg, code: ConstIdx, flags: Imm, base: Reg } = RC;
    /// `dst = (base, ..., base+count-1)`.
    BuildTuple { dst: Reg, base: Reg, count: Count } = RC;
    /// `dst = [base, ..., base+count-1]`.
    BuildList { dst: Reg, base: Reg, count: Count } = RC;
    /// `dst = {base, ..., base+count-1}`.
    BuildSet { dst: Reg, base: Reg, count: Count } = RCC;
    /// `dst = {base: base+1, ...}` from `count` key/value pairs.
    BuildMap { dst: Reg, base: Reg, count: Count } = RCC;
    /// `dst = "".join(base, ..., base+count-1)` (all str).
    BuildString { dst: Reg, base: Reg, count: Count } = RC;
    /// `dst = slice(base, base+1[, base+2])`, `count` is 2 or 3.
    BuildSlice { dst: Reg, base: Reg, count: Count } = RC;
    /// `list.append(src)`.
    ListAppend { list: Reg, src: Reg } = RC;
    /// `set.add(src)`.
    SetAdd { set: Reg, src: Reg } = RCC;
    /// `map[key] = value`.
    MapAdd { map: Reg, key: Reg, value: Reg } = RCC;
    /// `list.extend(src)`.
    ListExtend { list: Reg, src: Reg } = RCC;
    /// `set.update(src)`.
    SetUpdate { set: Reg, src: Reg } = RCC;
    /// `dict.update(src)` (`{**src}`).
    DictUpdate { dict: Reg, src: Reg } = RCC;
    /// `dict.update(src)` for `f(**src)`: TypeError naming `func` on a repeated key.
    DictMerge { dict: Reg, src: Reg, func: Reg } = RCC;
    /// `dst = tuple(src)` where `src` is a list.
    ListToTuple { dst: Reg, src: Reg } = RC;
    /// Unpacks exactly `count` items of `src` into `base..base+count`.
    UnpackSequence { base: Reg, src: Reg, count: Count } = RCC;
    /// Starred unpacking: `before` items, a list of the middle, `after` items
    /// into `base..base+before+1+after`.
    UnpackEx { base: Reg, src: Reg, before: Count, after: Count } = RCC;
    /// `dst = format(src, "")`, after conversion `conv` (0 none, 1 `!s`, 2 `!r`, 3 `!a`).
    FormatValue { dst: Reg, src: Reg, conv: Imm } = RCC;
    /// `dst = format(src, spec)`.
    FormatWithSpec { dst: Reg, src: Reg, spec: Reg } = RCC;
    /// `dst = str(src)`, `repr(src)` or `ascii(src)` for `conv` 1, 2, 3.
    ConvertValue { dst: Reg, src: Reg, conv: Imm } = RCC;
    /// `dst = __import__(names[name], globals, None, consts[fromlist], level)`.
    ImportName { dst: Reg, name: NameIdx, fromlist: ConstIdx, level: Imm } = RCC;
    /// `dst = module.<names[name]>` for `from ... import name` (ImportError if absent).
    ImportFrom { dst: Reg, module: Reg, name: NameIdx } = RCC;
    /// `from module import *` into the locals mapping.
    ImportStar { module: Reg } = RCC;
    /// `dst = builtins.__build_class__`.
    LoadBuildClass { dst: Reg } = Flags::RAISE;
    /// Creates `__annotations__` in the locals mapping if absent.
    SetupAnnotations {} = RCC;
    /// `dst = AssertionError`.
    LoadAssertionError { dst: Reg } = NONE;
    /// Bare `raise`: re-raises the exception being handled (RuntimeError if none).
    ReraiseCurrent {} = Flags(RC.0 | Flags::EXIT.0);
    /// `raise exc` (a class is instantiated first).
    Raise { exc: Reg } = Flags(RCC.0 | Flags::EXIT.0);
    /// `raise exc from cause`.
    RaiseFrom { exc: Reg, cause: Reg } = Flags(RCC.0 | Flags::EXIT.0);
    /// Re-raises the exception object `exc` keeping its traceback (end of
    /// `finally` and cleanup handlers).
    Reraise { exc: Reg } = Flags(Flags::RAISE.0 | Flags::EXIT.0);
    /// Entering an `except` body: `saved` = the previously handled exception,
    /// then `exc` becomes the handled exception (`sys.exc_info()`).
    PushExcInfo { saved: Reg, exc: Reg } = NONE;
    /// Leaving an `except` body: the handled exception becomes `saved` again.
    PopExcInfo { saved: Reg } = NONE;
    /// `dst = isinstance(exc, ty)` with `except` rules (TypeError if `ty` is not
    /// an exception class or tuple of them).
    CheckExcMatch { dst: Reg, exc: Reg, ty: Reg } = RCC;
    /// `except*` split: `matched` = the subgroup of `exc` matching `ty` (None if
    /// none), `rest` = the remainder (None if none).
    CheckEgMatch { matched: Reg, rest: Reg, exc: Reg, ty: Reg } = RCC;
    /// End of `try ... except*`: `dst` = the exception group to re-raise built
    /// from the original `orig` and the list `raised` of raised/unhandled parts
    /// (None when nothing is left).
    PrepReraiseStar { dst: Reg, orig: Reg, raised: Reg } = RCC;
    /// `with` entry: `exit` = bound `mgr.__exit__`, `dst` = `mgr.__enter__()`.
    WithEnter { exit: Reg, dst: Reg, mgr: Reg } = RCC;
    /// `async with` entry: `exit` = bound `mgr.__aexit__`, `dst` = `mgr.__aenter__()` (an awaitable).
    AsyncWithEnter { exit: Reg, dst: Reg, mgr: Reg } = RCC;
    /// `dst = exit(type(exc), exc, exc.__traceback__)`, or `exit(None, None, None)`
    /// when `exc` is None.
    WithExit { dst: Reg, exit: Reg, exc: Reg } = RCC;
    /// `dst` = whether `subject` is a mapping for `match`.
    MatchMapping { dst: Reg, subject: Reg } = NONE;
    /// `dst` = whether `subject` is a sequence for `match` (not str/bytes/bytearray).
    MatchSequence { dst: Reg, subject: Reg } = NONE;
    /// `dst` = tuple of `subject[k]` for the keys in tuple `keys`, or None if one is missing.
    MatchKeys { dst: Reg, subject: Reg, keys: Reg } = RCC;
    /// Class pattern: reads the class from `dst_cls`; writes into it the tuple of
    /// `npos` positional (via `__match_args__`) then keyword attributes named by
    /// const tuple `names`, or None if `subject` does not match.
    MatchClass { dst_cls: Reg, subject: Reg, npos: Count, names: ConstIdx } = RCC;
    /// `dst = len(src)`.
    GetLen { dst: Reg, src: Reg } = RCC;
    /// `dst` = a dict copy of `subject` without the keys in tuple `keys` (`**rest`).
    CopyDictWithoutKeys { dst: Reg, subject: Reg, keys: Reg } = RCC;
    /// Interactive mode: `sys.displayhook(src)`.
    PrintExpr { src: Reg } = RCC;
}

impl fmt::Display for Opcode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_is_indexed_by_opcode_value() {
        for (i, op) in Opcode::ALL.iter().enumerate() {
            assert_eq!(*op as usize, i);
            assert_eq!(Opcode::from_u8(i as u8), Some(*op));
        }
        assert!(Opcode::ALL.len() < 256);
        assert_eq!(Opcode::from_u8(Opcode::ALL.len() as u8), None);
    }

    #[test]
    fn cache_flag_matches_cache_operand() {
        for op in Opcode::ALL {
            let has_cache = op.operands().iter().any(|(_, k)| *k == OperandKind::Cache);
            assert_eq!(op.flags().contains(Flags::CACHE), has_cache, "{op}");
            let has_target = op.operands().iter().any(|(_, k)| *k == OperandKind::Target);
            let jumps = op.flags().contains(Flags::BRANCH) || op.flags().contains(Flags::JUMP);
            assert_eq!(jumps, has_target, "{op}");
            assert!(op.operands().len() <= 4, "{op}");
        }
    }

    #[test]
    fn raw_round_trip() {
        let i = Instruction::Add {
            dst: Reg(1),
            lhs: Reg(2),
            rhs: Reg(3),
            cache: CacheIdx(4),
        };
        assert_eq!(i.raw_operands(), [1, 2, 3, 4]);
        assert_eq!(Instruction::from_raw(Opcode::Add, [1, 2, 3, 4]), i);
    }
}
