# str() and repr() of exceptions with zero, one and several arguments.
samples = [
    Exception(), Exception("one"), Exception("a", "b"), Exception(None), Exception(""),
    ValueError(42), KeyError("key"), KeyError(), KeyError("a", "b"), IndexError([1, 2]),
    OSError("plain"), OSError(1, "two"), OSError(1, "two", "three"), StopIteration(1, 2),
    SystemExit(), UnicodeError("u"), BaseExceptionGroup("msg", [ValueError()]),
]
for e in samples:
    print(type(e).__name__, repr(str(e)), repr(e))
class WithRepr(Exception):
    def __repr__(self):
        return "custom repr"
print(str(WithRepr("x")), repr(WithRepr("x")))
e = ValueError("changed")
e.args = ("new", "args")
print(str(e), repr(e))
