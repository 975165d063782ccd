# gc-stress-interval: 200
# Containers: deque iterators, unhashable natives, NaN identity, in-place operators, pickling.
from collections import deque
import array, functools, operator, pickle, copy, struct, math

# deque iterators detect mutation; reversed and length hints
d = deque([1, 2, 3])
it = iter(d)
print(type(it).__name__, operator.length_hint(it), next(it), operator.length_hint(it))
d.append(4)
try:
    next(it)
except RuntimeError as e:
    print("RuntimeError:", e)
d2 = deque("ab")
it = iter(d2)
next(it)
d2.append("c")
d2.popleft()
try:
    next(it)
except RuntimeError as e:
    print("same length, still mutated:", e)
r = reversed(deque([1, 2, 3]))
print(type(r).__name__, operator.length_hint(r), list(r), operator.length_hint(r))
print("reversed list hint:", operator.length_hint(reversed([1, 2, 3])), operator.length_hint(reversed(range(4))))

# unhashable native types
for x in [deque(), array.array("i"), functools.cmp_to_key(lambda a, b: 0)(1), slice(1, 2)]:
    try:
        hash(x)
    except TypeError as e:
        print("hash:", e)
print("slices order:", slice(1, 2) < slice(1, 3), slice(1, 2) == slice(1, 2), sorted([slice(2), slice(1)]))

# NaN identity
nan = float("nan")
print("nan:", nan in [nan], float("nan") in [nan], {"k": nan} == {"k": nan}, nan is nan)
print("nan bytes:", struct.pack("<d", float("nan")), struct.pack("<f", float("-nan")), array.array("d", [nan]).tobytes())
print("nan keys:", len({float("nan"): 1, float("nan"): 2, nan: 3}))

# in-place operators keep identity
s = {1}
print("ior:", operator.ior(s, {2}) is s, sorted(s))
dd = {"a": 1}
print("dict ior:", operator.ior(dd, {"b": 2}) is dd, dd)
ba = bytearray(b"xy")
ref = ba
ba *= 3
ba += b"!"
print("bytearray:", ba, ba is ref)
try:
    operator.iadd(1, "a")
except TypeError as e:
    print("iadd:", e)

# pickling and copying
print(pickle.loads(pickle.dumps(functools.partial(pow, 2)))(5))
print(pickle.loads(pickle.dumps(operator.methodcaller("split", ",", maxsplit=1)))("a,b,c"))
print(pickle.loads(pickle.dumps(len)) is len, pow.__reduce__(), [].append.__reduce__()[1][1])
p = functools.partial(max, 1, key=abs)
p.__setstate__((min, (3,), None, None))
print(p, p(1))
try:
    p.__setstate__((1, 2))
except TypeError as e:
    print("setstate:", e)
o = pickle.loads(pickle.dumps(OSError(2, "No such file", "f.txt")))
print(type(o).__name__, o.errno, o.strerror, o.filename)
e = ValueError("m", 1)
e.note = "n"
c = copy.deepcopy(e)
print(repr(c), c.note, e.__reduce__())
try:
    e.__setstate__(5)
except TypeError as err:
    print("exc setstate:", err)

# big range slicing
big = range(10**20)
print(big[10**19:][:3], big[::-10**19], big[-3:])
