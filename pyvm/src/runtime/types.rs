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
    IOBase,
    RawIOBase,
    BufferedIOBase,
    TextIOBase,
    FileIO,
    BufferedReader,
    BufferedWriter,
    BufferedRandom,
    TextIOWrapper,
    StringIO,
    BytesIO,
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
    SyntaxError,
    IndentationError,
    TabError,
    EOFError,
    OSError,
    FileNotFoundError,
    FileExistsError,
    PermissionError,
    IsADirectoryError,
    NotADirectoryError,
    InterruptedError,
    BlockingIOError,
    TimeoutError,
    ProcessLookupError,
    ChildProcessError,
    ConnectionError,
    BrokenPipeError,
    UnsupportedOperation,
}

/// Number of builtin types (the first `Roots::globals` slots).
pub const TYPE_COUNT: usize = TypeId::UnsupportedOperation as usize + 1;

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
        (IOBase, "_IOBase", Some(Object)),
        (RawIOBase, "_RawIOBase", Some(IOBase)),
        (BufferedIOBase, "_BufferedIOBase", Some(IOBase)),
        (TextIOBase, "_TextIOBase", Some(IOBase)),
        (FileIO, "FileIO", Some(RawIOBase)),
        (BufferedReader, "BufferedReader", Some(BufferedIOBase)),
        (BufferedWriter, "BufferedWriter", Some(BufferedIOBase)),
        (BufferedRandom, "BufferedRandom", Some(BufferedIOBase)),
        (TextIOWrapper, "TextIOWrapper", Some(TextIOBase)),
        (StringIO, "StringIO", Some(TextIOBase)),
        (BytesIO, "BytesIO", Some(BufferedIOBase)),
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
        (SyntaxError, "SyntaxError", Some(Exception)),
        (IndentationError, "IndentationError", Some(SyntaxError)),
        (TabError, "TabError", Some(IndentationError)),
        (EOFError, "EOFError", Some(Exception)),
        (OSError, "OSError", Some(Exception)),
        (FileNotFoundError, "FileNotFoundError", Some(OSError)),
        (FileExistsError, "FileExistsError", Some(OSError)),
        (PermissionError, "PermissionError", Some(OSError)),
        (IsADirectoryError, "IsADirectoryError", Some(OSError)),
        (NotADirectoryError, "NotADirectoryError", Some(OSError)),
        (InterruptedError, "InterruptedError", Some(OSError)),
        (BlockingIOError, "BlockingIOError", Some(OSError)),
        (TimeoutError, "TimeoutError", Some(OSError)),
        (ProcessLookupError, "ProcessLookupError", Some(OSError)),
        (ChildProcessError, "ChildProcessError", Some(OSError)),
        (ConnectionError, "ConnectionError", Some(OSError)),
        (BrokenPipeError, "BrokenPipeError", Some(ConnectionError)),
        (UnsupportedOperation, "UnsupportedOperation", Some(OSError)),
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
    /// The `sys` module (EMPTY until first imported).
    Sys,
    /// `atexit` callbacks: a list of `(func, args, kwargs)` (EMPTY until used).
    AtExit,
}

/// Number of `Roots::globals` slots.
pub const GLOBAL_COUNT: usize = GlobalSlot::AtExit as usize + 1;
