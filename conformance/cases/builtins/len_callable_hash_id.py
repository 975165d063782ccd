# len, callable, hash (of non-str objects), id (only comparisons) and their errors.
print("len:", len("abc"), len([1]), len({}), len(range(10)), len(b"xy"), len({1, 2}))
for obj in (5, None, iter([1]), (x for x in [])):
    try:
        len(obj)
    except TypeError as e:
        print("len:", e)
print("callable:", callable(len), callable(int), callable(lambda: 0), callable(1), callable("s"), callable(type), callable(object()))
class C:
    def m(self): pass
print("callable methods/classes:", callable(C), callable(C()), callable(C().m))
print("hash of ints/tuples/frozensets is stable:", hash(42), hash((1, 2)) == hash((1, 2)), hash(frozenset()) == hash(frozenset()))
print("hash of None/True:", hash(True), hash(None) == hash(None))
for obj in ([], {}, set(), bytearray()):
    try:
        hash(obj)
    except TypeError as e:
        print("hash:", e)
a = object()
b = object()
print("id distinct for live objects:", id(a) != id(b), id(a) == id(a), isinstance(id(a), int))
try:
    len()
except TypeError as e:
    print("len():", e)
try:
    callable()
except TypeError as e:
    print("callable():", e)
try:
    hash(1, 2)
except TypeError as e:
    print("hash(1, 2):", e)
