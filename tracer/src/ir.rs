//! The trace IR: value types, references, the op table and instructions.
//!
//! Every op is declared once, in the `ir_ops!` table at the bottom of this
//! file: its text name, operand kinds, result type and flags. The [`Op`]
//! enum, [`Op::name`], [`Op::from_name`] and [`Op::info`] are all generated
//! from that table, so an op cannot exist in one of them and not the others.
//!
//! An [`IrRef`] names either an instruction or an interned constant:
//!
//! ```text
//!  31 30                                   0
//! +--+--------------------------------------+
//! |K |               index                  |   K = 0: instruction `v<index>`
//! +--+--------------------------------------+   K = 1: constant pool entry
//! ```

use std::fmt;

/// The type of an IR value. Every value is at most 64 bits wide.
///
/// `Ref` is a word the garbage collector can see and update: a reference to a
/// GC object in the VM's own encoding (possibly tagged). It may move at any op
/// flagged [`Flags::COLLECT`]; backends must keep every live `Ref` visible to
/// the collector across such ops. `I64` values are never treated as
/// references, so a VM must not keep an object address in an `I64` across a
/// collecting op.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
pub enum Type {
    /// No value (stores, guards, markers).
    Void,
    /// A 64-bit two's complement integer, or a raw 64-bit word.
    I64,
    /// An IEEE 754 double.
    F64,
    /// A truth value (`0` or `1` when stored in a word).
    Bool,
    /// A GC reference (may move at collecting ops).
    Ref,
    /// A raw machine pointer (never moves, never scanned).
    Ptr,
}

impl Type {
    /// Every type, in declaration order.
    pub const ALL: [Type; 6] = [
        Type::Void,
        Type::I64,
        Type::F64,
        Type::Bool,
        Type::Ref,
        Type::Ptr,
    ];

    /// The type's name in the text format.
    pub fn name(self) -> &'static str {
        match self {
            Type::Void => "void",
            Type::I64 => "i64",
            Type::F64 => "f64",
            Type::Bool => "bool",
            Type::Ref => "ref",
            Type::Ptr => "ptr",
        }
    }

    /// Parses a type name of the text format.
    pub fn from_name(s: &str) -> Option<Type> {
        Type::ALL.into_iter().find(|t| t.name() == s)
    }
}

impl fmt::Display for Type {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A reference to an instruction (`v12`) or an interned constant.
///
/// The encoding is drawn in the module docs. Instruction references are
/// ordered by position in the trace, so `a < b` means `a` comes first.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct IrRef(u32);

impl IrRef {
    const CONST_BIT: u32 = 1 << 31;

    /// The reference to the instruction at `index`.
    pub fn inst(index: usize) -> IrRef {
        assert!(index < Self::CONST_BIT as usize, "trace too long");
        IrRef(index as u32)
    }

    /// The reference to constant pool entry `index`.
    pub fn konst(index: usize) -> IrRef {
        assert!(index < Self::CONST_BIT as usize, "too many constants");
        IrRef(index as u32 | Self::CONST_BIT)
    }

    /// Whether this names a constant.
    pub fn is_const(self) -> bool {
        self.0 & Self::CONST_BIT != 0
    }

    /// The instruction index or constant pool index.
    pub fn index(self) -> usize {
        (self.0 & !Self::CONST_BIT) as usize
    }

    /// The raw encoded bits (stable; useful as a map key in backends).
    pub fn to_bits(self) -> u32 {
        self.0
    }
}

impl fmt::Debug for IrRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_const() {
            write!(f, "k{}", self.index())
        } else {
            write!(f, "v{}", self.index())
        }
    }
}

macro_rules! index_newtype {
    ($(#[$meta:meta])* $name:ident, $prefix:literal) => {
        $(#[$meta])*
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
        pub struct $name(pub u32);

        impl $name {
            /// The index as a `usize`.
            pub fn index(self) -> usize {
                self.0 as usize
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, concat!($prefix, "{}"), self.0)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, concat!($prefix, "{}"), self.0)
            }
        }
    };
}

index_newtype!(
    /// A VM frame slot, counted from the base of the frame the trace started
    /// in (slots of inlined frames are `base + local`).
    SlotIdx,
    "s"
);
index_newtype!(
    /// A VM helper declared in the trace's helper table.
    HelperId,
    "h"
);
index_newtype!(
    /// An argument list of a `call` or `new`, in the trace's argument pool.
    ArgsId,
    "a"
);
index_newtype!(
    /// A snapshot of the trace. The exit number of a guard is the index of
    /// its snapshot.
    SnapId,
    "snap"
);
index_newtype!(
    /// A trace, as numbered by the trace manager.
    TraceId,
    "t"
);

/// Exit numbers are snapshot numbers: a guard exits through its snapshot.
pub type ExitId = SnapId;

/// Properties of an op (or of a helper, for `call` and `new`).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Flags(pub u16);

impl Flags {
    /// No flags.
    pub const NONE: Flags = Flags(0);
    /// Exits the trace through its snapshot when a condition fails.
    pub const GUARD: Flags = Flags(1 << 0);
    /// Result depends only on operands; no memory access, no effect.
    pub const PURE: Flags = Flags(1 << 1);
    /// Has an effect that must not be removed or reordered.
    pub const EFFECT: Flags = Flags(1 << 2);
    /// May run the garbage collector (references may move).
    pub const COLLECT: Flags = Flags(1 << 3);
    /// May raise a VM error (exits through its snapshot when it does).
    pub const RAISE: Flags = Flags(1 << 4);
    /// Operands may be swapped.
    pub const COMM: Flags = Flags(1 << 5);
    /// Reads VM memory (object fields or raw memory).
    pub const LOAD: Flags = Flags(1 << 6);
    /// Writes VM memory.
    pub const STORE: Flags = Flags(1 << 7);
    /// Returns a fresh object nothing else references.
    pub const ALLOC: Flags = Flags(1 << 8);
    /// Ends the trace.
    pub const TERM: Flags = Flags(1 << 9);
    /// The effects come from the helper operand's declaration.
    pub const HELPER: Flags = Flags(1 << 10);

    const NAMES: [(Flags, &'static str); 11] = [
        (Flags::GUARD, "guard"),
        (Flags::PURE, "pure"),
        (Flags::EFFECT, "effect"),
        (Flags::COLLECT, "collect"),
        (Flags::RAISE, "raise"),
        (Flags::COMM, "comm"),
        (Flags::LOAD, "load"),
        (Flags::STORE, "store"),
        (Flags::ALLOC, "alloc"),
        (Flags::TERM, "term"),
        (Flags::HELPER, "helper"),
    ];

    /// Whether every flag of `other` is set.
    pub fn contains(self, other: Flags) -> bool {
        self.0 & other.0 == other.0
    }

    /// Whether any flag of `other` is set.
    pub fn intersects(self, other: Flags) -> bool {
        self.0 & other.0 != 0
    }

    /// The flag with the given text name.
    pub fn from_name(s: &str) -> Option<Flags> {
        Flags::NAMES.iter().find(|(_, n)| *n == s).map(|(f, _)| *f)
    }

    /// The text names of the set flags.
    pub fn names(self) -> impl Iterator<Item = &'static str> {
        Flags::NAMES
            .into_iter()
            .filter(move |(f, _)| self.contains(*f))
            .map(|(_, n)| n)
    }
}

impl std::ops::BitOr for Flags {
    type Output = Flags;
    fn bitor(self, rhs: Flags) -> Flags {
        Flags(self.0 | rhs.0)
    }
}

impl std::ops::BitOrAssign for Flags {
    fn bitor_assign(&mut self, rhs: Flags) {
        self.0 |= rhs.0;
    }
}

impl fmt::Debug for Flags {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<_> = self.names().collect();
        write!(f, "[{}]", names.join(" "))
    }
}

/// What an operand position of an op holds.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    /// A value of type `i64`.
    I64,
    /// A value of type `f64`.
    F64,
    /// A value of type `bool`.
    Bool,
    /// A value of type `ref`.
    Ref,
    /// A value of type `ptr`.
    Ptr,
    /// A value of any non-void type.
    Any,
    /// A 64-bit word: a value of type `i64` or `ref`.
    Word,
    /// A frame slot immediate.
    Slot,
    /// A signed byte offset immediate.
    Off,
    /// A helper immediate.
    Helper,
    /// An argument list immediate.
    Args,
    /// A trace number immediate.
    Trace,
}

impl Kind {
    /// Whether the operand is an IR value (an [`IrRef`]) rather than an immediate.
    pub fn is_value(self) -> bool {
        matches!(
            self,
            Kind::I64 | Kind::F64 | Kind::Bool | Kind::Ref | Kind::Ptr | Kind::Any | Kind::Word
        )
    }

    /// Whether a value of type `ty` fits this operand kind.
    pub fn accepts(self, ty: Type) -> bool {
        match self {
            Kind::I64 => ty == Type::I64,
            Kind::F64 => ty == Type::F64,
            Kind::Bool => ty == Type::Bool,
            Kind::Ref => ty == Type::Ref,
            Kind::Ptr => ty == Type::Ptr,
            Kind::Any => ty != Type::Void,
            Kind::Word => ty == Type::I64 || ty == Type::Ref,
            _ => false,
        }
    }
}

/// The result type of an op: fixed by the table, or chosen per instruction.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Ret {
    /// No result.
    Void,
    /// Always `i64`.
    I64,
    /// Always `f64`.
    F64,
    /// Always `bool`.
    Bool,
    /// Always `ref`.
    Ref,
    /// Always `ptr`.
    Ptr,
    /// The instruction's `ty` field says (loads, calls, phis).
    Any,
}

impl Ret {
    /// The fixed type, if the table fixes one.
    pub fn fixed(self) -> Option<Type> {
        match self {
            Ret::Void => Some(Type::Void),
            Ret::I64 => Some(Type::I64),
            Ret::F64 => Some(Type::F64),
            Ret::Bool => Some(Type::Bool),
            Ret::Ref => Some(Type::Ref),
            Ret::Ptr => Some(Type::Ptr),
            Ret::Any => None,
        }
    }
}

/// The table entry of an op.
#[derive(Debug)]
pub struct OpInfo {
    /// The op's name in the text format.
    pub name: &'static str,
    /// Operand kinds, in order.
    pub operands: &'static [Kind],
    /// The result type.
    pub ret: Ret,
    /// The op's flags.
    pub flags: Flags,
}

/// Generates [`Op`] and its tables from the op list below.
///
/// Each line: `Variant "name" (operand kinds) -> result [flags];`
macro_rules! ir_ops {
    ($(
        $(#[doc = $doc:literal])*
        $variant:ident $name:literal ($($kind:ident),*) -> $ret:ident [$($flag:ident)*];
    )*) => {
        /// An IR opcode. Generated from the op table; see [`OpInfo`].
        #[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
        #[repr(u8)]
        pub enum Op {
            $( $(#[doc = $doc])* $variant, )*
        }

        static OP_INFO: &[OpInfo] = &[
            $( OpInfo {
                name: $name,
                operands: &[$(Kind::$kind),*],
                ret: Ret::$ret,
                flags: Flags(0 $(| Flags::$flag.0)*),
            }, )*
        ];

        impl Op {
            /// Every op, in table order.
            pub const ALL: &'static [Op] = &[$(Op::$variant),*];

            /// The op's name in the text format.
            pub fn name(self) -> &'static str {
                self.info().name
            }

            /// Looks an op up by its text name.
            pub fn from_name(s: &str) -> Option<Op> {
                match s {
                    $( $name => Some(Op::$variant), )*
                    _ => None,
                }
            }
        }
    };
}

impl Op {
    /// The op's table entry.
    pub fn info(self) -> &'static OpInfo {
        &OP_INFO[self as usize]
    }

    /// The op's flags (for `call`/`new`, see [`crate::Trace::flags_of`]).
    pub fn flags(self) -> Flags {
        self.info().flags
    }

    /// Whether the op is a guard (it carries a snapshot and may exit).
    pub fn is_guard(self) -> bool {
        self.flags().contains(Flags::GUARD)
    }
}

impl fmt::Display for Op {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

ir_ops! {
    /// Does nothing (left behind by passes; never emitted by the recorder).
    Nop "nop" () -> Void [PURE];
    /// Reads frame slot `s` as it was when the trace was entered.
    SLoad "sload" (Slot) -> Any [PURE];
    /// The loop header: the back edge (`again`) jumps here.
    Loop "loop" () -> Void [EFFECT];
    /// At the loop header: the first operand on entry, the second (a
    /// forward reference) on each back edge.
    Phi "phi" (Any, Any) -> Any [];
    /// Back edge: jump to `loop`, passing the phis' second operands.
    Again "again" () -> Void [EFFECT TERM];
    /// Write the snapshot back to the frame and enter trace `t` at its start
    /// (`t` may be this trace: an unpeeled loop).
    Link "link" (Trace) -> Void [EFFECT TERM];
    /// Exit unconditionally through the snapshot.
    Exit "exit" () -> Void [GUARD EFFECT TERM];
    /// Wrapping integer addition.
    Add "add" (I64, I64) -> I64 [PURE COMM];
    /// Wrapping integer subtraction.
    Sub "sub" (I64, I64) -> I64 [PURE];
    /// Wrapping integer multiplication.
    Mul "mul" (I64, I64) -> I64 [PURE COMM];
    /// Bitwise and.
    And "and" (I64, I64) -> I64 [PURE COMM];
    /// Bitwise or.
    Or "or" (I64, I64) -> I64 [PURE COMM];
    /// Bitwise exclusive or.
    Xor "xor" (I64, I64) -> I64 [PURE COMM];
    /// Shift left (count taken modulo 64).
    Shl "shl" (I64, I64) -> I64 [PURE];
    /// Logical shift right (count taken modulo 64).
    Shr "shr" (I64, I64) -> I64 [PURE];
    /// Arithmetic shift right (count taken modulo 64).
    Sar "sar" (I64, I64) -> I64 [PURE];
    /// Wrapping negation.
    Neg "neg" (I64) -> I64 [PURE];
    /// Addition; exits if it overflows i64.
    AddOv "addov" (I64, I64) -> I64 [GUARD COMM];
    /// Subtraction; exits if it overflows i64.
    SubOv "subov" (I64, I64) -> I64 [GUARD];
    /// Multiplication; exits if it overflows i64.
    MulOv "mulov" (I64, I64) -> I64 [GUARD COMM];
    /// Equality of two values of the same type (bitwise for f64: use `feq`).
    Eq "eq" (Any, Any) -> Bool [PURE COMM];
    /// Inequality of two values of the same type.
    Ne "ne" (Any, Any) -> Bool [PURE COMM];
    /// Signed less-than.
    Lt "lt" (I64, I64) -> Bool [PURE];
    /// Signed less-or-equal.
    Le "le" (I64, I64) -> Bool [PURE];
    /// Signed greater-than.
    Gt "gt" (I64, I64) -> Bool [PURE];
    /// Signed greater-or-equal.
    Ge "ge" (I64, I64) -> Bool [PURE];
    /// Boolean negation.
    Not "not" (Bool) -> Bool [PURE];
    /// Float addition.
    FAdd "fadd" (F64, F64) -> F64 [PURE COMM];
    /// Float subtraction.
    FSub "fsub" (F64, F64) -> F64 [PURE];
    /// Float multiplication.
    FMul "fmul" (F64, F64) -> F64 [PURE COMM];
    /// Float division (IEEE: division by zero gives inf or NaN).
    FDiv "fdiv" (F64, F64) -> F64 [PURE];
    /// Float negation.
    FNeg "fneg" (F64) -> F64 [PURE];
    /// Float equality (false for NaN).
    FEq "feq" (F64, F64) -> Bool [PURE COMM];
    /// Float inequality (true for NaN).
    FNe "fne" (F64, F64) -> Bool [PURE COMM];
    /// Float less-than (false for NaN).
    FLt "flt" (F64, F64) -> Bool [PURE];
    /// Float less-or-equal (false for NaN).
    FLe "fle" (F64, F64) -> Bool [PURE];
    /// Float greater-than (false for NaN).
    FGt "fgt" (F64, F64) -> Bool [PURE];
    /// Float greater-or-equal (false for NaN).
    FGe "fge" (F64, F64) -> Bool [PURE];
    /// Integer to float (round to nearest).
    I2F "i2f" (I64) -> F64 [PURE];
    /// Float to integer, truncating toward zero, saturating; NaN gives 0.
    F2I "f2i" (F64) -> I64 [PURE];
    /// The bits of a float as an integer.
    F2Bits "f2bits" (F64) -> I64 [PURE];
    /// An integer's bits as a float.
    Bits2F "bits2f" (I64) -> F64 [PURE];
    /// The bits of a reference word (only for tag tests and unboxing; the
    /// result is not updated if the object moves).
    Ref2I "ref2i" (Ref) -> I64 [PURE];
    /// A word the VM knows to be a valid reference (or immediate) value.
    I2Ref "i2ref" (I64) -> Ref [PURE];
    /// The bits of a raw pointer.
    Ptr2I "ptr2i" (Ptr) -> I64 [PURE];
    /// An integer as a raw pointer.
    I2Ptr "i2ptr" (I64) -> Ptr [PURE];
    /// `false` as 0, `true` as 1.
    B2I "b2i" (Bool) -> I64 [PURE];
    /// Exits unless the operand is true.
    GTrue "gtrue" (Bool) -> Void [GUARD];
    /// Exits unless the operand is false.
    GFalse "gfalse" (Bool) -> Void [GUARD];
    /// Type tag check: exits unless `(word & mask) == tag`.
    GTag "gtag" (Word, I64, I64) -> Void [GUARD];
    /// Exits unless the operands are equal (value, shape identity).
    GEq "geq" (Any, Any) -> Void [GUARD COMM];
    /// Exits if the operands are equal.
    GNe "gne" (Any, Any) -> Void [GUARD COMM];
    /// Version tag check: exits unless the word at `addr` equals `expected`.
    GVer "gver" (Ptr, I64) -> Void [GUARD LOAD];
    /// Loads the field at byte offset `off` of object `obj`.
    FLoad "fload" (Ref, Off) -> Any [LOAD];
    /// Stores `val` to the field at byte offset `off` of object `obj`.
    FStore "fstore" (Ref, Off, Any) -> Void [EFFECT STORE];
    /// Loads the word at `ptr + off`.
    PLoad "pload" (Ptr, Off) -> Any [LOAD];
    /// Stores `val` to `ptr + off`.
    PStore "pstore" (Ptr, Off, Any) -> Void [EFFECT STORE];
    /// Allocates through a VM allocation helper (fields then set by `fstore`).
    New "new" (Helper, Args) -> Ref [ALLOC COLLECT HELPER];
    /// Calls a VM helper (C ABI); effects come from its declaration.
    Call "call" (Helper, Args) -> Any [HELPER];
}

/// An operand of an instruction, typed by the op table's [`Kind`].
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Operand {
    /// Unused position.
    None,
    /// An IR value.
    Ref(IrRef),
    /// A frame slot.
    Slot(SlotIdx),
    /// A byte offset.
    Off(i32),
    /// A helper.
    Helper(HelperId),
    /// An argument list.
    Args(ArgsId),
    /// A trace.
    Trace(TraceId),
}

impl Operand {
    /// The value reference, if this operand is one.
    pub fn as_ref(self) -> Option<IrRef> {
        match self {
            Operand::Ref(r) => Some(r),
            _ => None,
        }
    }
}

/// One instruction of a trace.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub struct Inst {
    /// The opcode.
    pub op: Op,
    /// The result type (`Void` for ops without a result).
    pub ty: Type,
    /// Operands in the order of the op table; unused positions are `None`.
    pub args: [Operand; 3],
    /// The snapshot (exit) of a guard, a `link` or a raising call.
    pub snap: Option<SnapId>,
    /// Set by allocation sinking on `new` and `fstore` instructions that
    /// are not executed: the allocation is rebuilt only on exit.
    pub sunk: bool,
}

impl Inst {
    /// An instruction with the given operands and no snapshot.
    pub fn new(op: Op, ty: Type, args: &[Operand]) -> Inst {
        let mut a = [Operand::None; 3];
        a[..args.len()].copy_from_slice(args);
        Inst {
            op,
            ty,
            args: a,
            snap: None,
            sunk: false,
        }
    }

    /// Value operand `i` (panics if operand `i` is not a value).
    pub fn arg(&self, i: usize) -> IrRef {
        self.args[i]
            .as_ref()
            .unwrap_or_else(|| panic!("operand {i} of {} is not a value", self.op))
    }

    /// The value operands, in order.
    pub fn value_args(&self) -> impl Iterator<Item = IrRef> + '_ {
        self.args.iter().filter_map(|a| a.as_ref())
    }

    /// Byte offset immediate (for loads and stores).
    pub fn off(&self) -> i32 {
        match self.args[1] {
            Operand::Off(o) => o,
            _ => panic!("{} has no offset", self.op),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_names_round_trip() {
        for &op in Op::ALL {
            assert_eq!(Op::from_name(op.name()), Some(op));
        }
        assert_eq!(Op::from_name("nonsense"), None);
    }

    #[test]
    fn ref_encoding_separates_consts() {
        let v = IrRef::inst(7);
        let k = IrRef::konst(7);
        assert!(!v.is_const() && k.is_const());
        assert_eq!((v.index(), k.index()), (7, 7));
        assert_ne!(v, k);
        assert!(IrRef::inst(3) < IrRef::inst(4));
    }

    #[test]
    fn guards_and_pure_ops_are_disjoint() {
        for &op in Op::ALL {
            let f = op.flags();
            assert!(
                !(f.contains(Flags::GUARD) && f.contains(Flags::PURE)),
                "{op}"
            );
            assert!(op.info().operands.len() <= 3, "{op}");
        }
    }
}
