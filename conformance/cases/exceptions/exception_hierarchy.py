# The built-in exception hierarchy, as seen through __mro__ and issubclass.
pairs = [
    (ZeroDivisionError, ArithmeticError), (OverflowError, ArithmeticError),
    (KeyError, LookupError), (IndexError, LookupError), (UnicodeDecodeError, ValueError),
    (FileNotFoundError, OSError), (IOError, OSError), (EnvironmentError, OSError),
    (RecursionError, RuntimeError), (NotImplementedError, RuntimeError),
    (StopIteration, Exception), (GeneratorExit, Exception), (KeyboardInterrupt, Exception),
    (SystemExit, BaseException), (ModuleNotFoundError, ImportError),
    (UnboundLocalError, NameError), (TabError, IndentationError), (IndentationError, SyntaxError),
    (BrokenPipeError, ConnectionError), (TimeoutError, OSError), (DeprecationWarning, Warning),
    (BaseExceptionGroup, BaseException), (ExceptionGroup, Exception),
]
for sub, sup in pairs:
    print(sub.__name__, sup.__name__, issubclass(sub, sup))
print([c.__name__ for c in KeyError.__mro__])
print([c.__name__ for c in UnicodeDecodeError.__mro__])
print(IOError is OSError, EnvironmentError is OSError)
