# callable() and calling different callable kinds: functions, lambdas, methods, classes, instances, builtins, partials.
import functools, operator
class WithCall:
    def __call__(self, x):
        return x * 2
class NoCall:
    pass
items = {
    "function": len, "lambda": lambda: 1, "bound method": "abc".upper, "class": int, "instance with __call__": WithCall(),
    "instance without": NoCall(), "builtin type method": str.join, "partial": functools.partial(max, 0),
    "itemgetter": operator.itemgetter(0), "staticmethod obj (3.10+)": staticmethod(len), "classmethod obj": classmethod(len),
    "generator": (x for x in ()), "module": functools, "None": None, "type": type,
}
for name, obj in items.items():
    print(f"{name:26} callable={callable(obj)}")
print("calls:", WithCall()(21), functools.partial(max, 0)(-5, -3), operator.itemgetter(0)("xy"), staticmethod(len)("abc"))
try:
    NoCall()()
except TypeError as e:
    print("call non-callable:", e)
nothing = None
try:
    nothing()
except TypeError as e:
    print("call None:", e)
try:
    classmethod(len)()
except TypeError as e:
    print("call classmethod object:", e)
class Dyn:
    pass
d = Dyn()
d.__call__ = lambda: "instance attr"
print("instance __call__ attribute does not make it callable:", callable(d))
Dyn.__call__ = lambda self: "class attr"
print("class __call__ does:", callable(d), d())
