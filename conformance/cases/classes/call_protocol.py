# __call__ and argument passing into callables of many kinds.
class Adder:
    def __init__(self, base):
        self.base = base
    def __call__(self, *args, scale=1, **kw):
        return (self.base + sum(args)) * scale, sorted(kw.items())

add = Adder(10)
print("call:", add(1, 2))
print("kwargs:", add(1, scale=2, z=0, a=1))
print("star args:", add(*[1, 2, 3], **{"scale": 3}))

class Meta(type):
    def __call__(cls, *a, **k):
        return ("intercepted", cls.__name__, a, k)
class C(metaclass=Meta):
    pass
print("metaclass __call__:", C(1, k=2))

def kwonly(a, /, b, *, c):
    return a, b, c
print("pos-only/kw-only:", kwonly(1, 2, c=3), kwonly(1, b=2, c=3))
for bad in [lambda: kwonly(a=1, b=2, c=3), lambda: kwonly(1, 2, 3), lambda: kwonly(1, 2)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
def f(a, b):
    return a, b
try:
    f(1, a=2)
except TypeError as e:
    print("multiple values:", e)
try:
    f(1, 2, **{"c": 3})
except TypeError as e:
    print("unexpected kw:", e)
try:
    f(**{1: 2})
except TypeError as e:
    print("non-str key:", e)
try:
    f(*5)
except TypeError as e:
    print("star non-iterable:", e)
try:
    f(**[1])
except TypeError as e:
    print("double-star non-mapping:", e)
class Mapping:
    def keys(self):
        return ["a", "b"]
    def __getitem__(self, k):
        return k.upper()
print("custom mapping as **:", f(**Mapping()))
try:
    f(**{"a": 1}, **{"a": 2})
except TypeError as e:
    print("duplicate **:", e)
