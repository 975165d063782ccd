# functools.singledispatch and singledispatchmethod: MRO-based dispatch, ABCs, unions (3.11), registry.
from functools import singledispatch, singledispatchmethod
from collections.abc import Sequence, Mapping
@singledispatch
def kind(x):
    return "default"
@kind.register
def _(x: int | float):
    return "number"
@kind.register(Sequence)
def _(x):
    return "sequence"
@kind.register(Mapping)
def _(x):
    return "mapping"
@kind.register(str)
def _(x):
    return "string"
class MyList(list):
    pass
print([kind(v) for v in (1, 2.5, True, [1], (1,), "s", {}, MyList(), None, b"b", range(2))])
print("dispatch() resolves:", kind.dispatch(bool) is kind.dispatch(int), kind.dispatch(object) is kind.registry[object])
try:
    @kind.register
    def _(x):
        return "no annotation"
except TypeError as e:
    print("register without type:", type(e).__name__)
class Formatter:
    @singledispatchmethod
    def fmt(self, arg):
        return f"obj:{arg!r}"
    @fmt.register
    def _(self, arg: int):
        return f"int:{arg:04d}"
    @fmt.register
    def _(self, arg: list):
        return "list:" + ",".join(self.fmt(a) for a in arg)
f = Formatter()
print("method dispatch:", f.fmt(7), f.fmt("x"), f.fmt([1, "y"]))
@singledispatch
def size(x):
    raise NotImplementedError(type(x).__name__)
size.register(str, len)
try:
    size(1)
except NotImplementedError as e:
    print("default raising:", e, "| registered builtin:", size("abcd"))
