# Building dicts from many sources: zip, enumerate, comprehension, fromkeys, kwargs, mapping protocol objects.
class KV:
    def keys(self):
        return ["x", "y"]
    def __getitem__(self, k):
        return k * 2
print("mapping protocol:", dict(KV()), {**KV()})
print("kwargs + mapping:", dict({"a": 1}, b=2), dict([("a", 1)], a=9))
print("enumerate:", dict(enumerate("ab", 1)))
print("generator of pairs:", dict((c, ord(c)) for c in "ab"))
print("list of lists / strings:", dict([[1, 2], "xy"]))
print("fromkeys with iterable of tuples:", dict.fromkeys([(1, 2), (3,)], "t"))
print("nested dict from paths:", (lambda rows: {k: dict(v) for k, v in rows})([("u1", [("age", 3)]), ("u2", [])]))
print("inverting with zip:", dict(zip(*zip(*[("a", 1), ("b", 2)]))), dict(zip([1, 2], ["a", "b"])))
import collections
print("Counter/OrderedDict into dict:", dict(collections.Counter("aab")), dict(collections.OrderedDict(b=1, a=2)))
print("dict() of dict subclass keeps items:", dict(collections.defaultdict(int, k=5)))
try:
    dict([("a", 1, 2)])
except ValueError as e:
    print("bad pair:", e)
try:
    dict(KV(), KV())
except TypeError as e:
    print("two positional:", e)
