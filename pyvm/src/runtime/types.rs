//! The builtin types, identified by [`TypeId`], and their hierarchy.

/// A builtin type; its type object lives at `Roots::globals[id as usize]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(usize)]
#[allow(missing_docs)]
pub enum TypeId {
    Object = 0,
    Type,
    Int,
    Bool,
    Float,
    NoneType,
    NotImplementedType,
    Ellipsis,
    Str,
    Tuple,
    List,
    Dict,
    Function,
    BuiltinFunction,
    Code,
    Cell,
    Module,
    Method,
    Range,
    Iterator,
    DictKeyIterator,
    Generator,
    Slice,
    Enumerate,
    Zip,
    Set,
    Property,
    ClassMethod,
    StaticMethod,
    Super,
    MemberDescriptor,
    Complex,
    SrePattern,
    SreMatch,
    SreScanner,
    BaseException,
    SystemExit,
    KeyboardInterrupt,
    GeneratorExit,
    Exception,
    StopIteration,
    ArithmeticError,
    ZeroDivisionError,
    OverflowError,
    AssertionError,
    AttributeError,
    LookupError,
    IndexError,
    KeyError,
    NameError,
    UnboundLocalError,
    RuntimeError,
    RecursionError,
    NotImplementedError,
    TypeError,
    ValueError,
    MemoryError,
    SystemError,
    ImportError,
    ModuleNotFoundError,
}

/// Number of builtin types (the first `Roots::globals` slots).
pub const TYPE_COUNT: usize = TypeId::ModuleNotFoundError as usize + 1;

/// Name and base of each builtin type, in [`TypeId`] order.
pub const TYPE_TABLE: [(TypeId, &str, Option<TypeId>); TYPE_COUNT] = {
    use TypeId::*;
    [
        (Object, "object", None),
        (Type, "type", Some(Object)),
        (Int, "int", Some(Object)),
        (Bool, "bool", Some(Int)),
        (Float, "float", Some(Object)),
        (NoneType, "NoneType", Some(Object)),
        (NotImplementedType, "NotImplementedType", Some(Object)),
        (Ellipsis, "ellipsis", Some(Object)),
        (Str, "str", Some(Object)),
        (Tuple, "tuple", Some(Object)),
        (List, "list", Some(Object)),
        (Dict, "dict", Some(Object)),
        (Function, "function", Some(Object)),
        (BuiltinFunction, "builtin_function_or_method", Some(Object)),
        (Code, "code", Some(Object)),
        (Cell, "cell", Some(Object)),
        (Module, "module", Some(Object)),
        (Method, "method", Some(Object)),
        (Range, "range", Some(Object)),
        (Iterator, "iterator", Some(Object)),
        (DictKeyIterator, "dict_keyiterator", Some(Object)),
        (Generator, "generator", Some(Object)),
        (Slice, "slice", Some(Object)),
        (Enumerate, "enumerate", Some(Object)),
        (Zip, "zip", Some(Object)),
        (Set, "set", Some(Object)),
        (Property, "property", Some(Object)),
        (ClassMethod, "classmethod", Some(Object)),
        (StaticMethod, "staticmethod", Some(Object)),
        (Super, "super", Some(Object)),
        (MemberDescriptor, "member_descriptor", Some(Object)),
        (Complex, "complex", Some(Object)),
        (SrePattern, "Pattern", Some(Object)),
        (SreMatch, "Match", Some(Object)),
        (SreScanner, "SRE_Scanner", Some(Object)),
        (BaseException, "BaseException", Some(Object)),
        (SystemExit, "SystemExit", Some(BaseException)),
        (KeyboardInterrupt, "KeyboardInterrupt", Some(BaseException)),
        (GeneratorExit, "GeneratorExit", Some(BaseException)),
        (Exception, "Exception", Some(BaseException)),
        (StopIteration, "StopIteration", Some(Exception)),
        (ArithmeticError, "ArithmeticError", Some(Exception)),
        (
            ZeroDivisionError,
            "ZeroDivisionError",
            Some(ArithmeticError),
        ),
        (OverflowError, "OverflowError", Some(ArithmeticError)),
        (AssertionError, "AssertionError", Some(Exception)),
        (AttributeError, "AttributeError", Some(Exception)),
        (LookupError, "LookupError", Some(Exception)),
        (IndexError, "IndexError", Some(LookupError)),
        (KeyError, "KeyError", Some(LookupError)),
        (NameError, "NameError", Some(Exception)),
        (UnboundLocalError, "UnboundLocalError", Some(NameError)),
        (RuntimeError, "RuntimeError", Some(Exception)),
        (RecursionError, "RecursionError", Some(RuntimeError)),
        (
            NotImplementedError,
            "NotImplementedError",
            Some(RuntimeError),
        ),
        (TypeError, "TypeError", Some(Exception)),
        (ValueError, "ValueError", Some(Exception)),
        (MemoryError, "MemoryError", Some(Exception)),
        (SystemError, "SystemError", Some(Exception)),
        (ImportError, "ImportError", Some(Exception)),
        (
            ModuleNotFoundError,
            "ModuleNotFoundError",
            Some(ImportError),
        ),
    ]
};

impl TypeId {
    /// Whether instances of this type are exceptions.
    pub fn is_exception(self) -> bool {
        self as usize >= TypeId::BaseException as usize
    }
}

/// Slots of `Roots::globals` after the types.
#[derive(Clone, Copy, Debug)]
#[repr(usize)]
pub enum GlobalSlot {
    /// The `builtins` namespace dict.
    Builtins = TYPE_COUNT,
    /// A preallocated `MemoryError` instance (raised when allocation fails).
    MemoryError,
    /// The empty tuple.
    EmptyTuple,
    /// `sys.modules`: module name → module (a dict).
    Modules,
    /// Preallocated special-method names (a tuple, see `names::Name`).
    Names,
}

/// Number of `Roots::globals` slots.
pub const GLOBAL_COUNT: usize = GlobalSlot::Names as usize + 1;
