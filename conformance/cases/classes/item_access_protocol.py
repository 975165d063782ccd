# __getitem__/__setitem__/__delitem__ with ints, slices, tuples and Ellipsis; __missing__.
class Rec:
    def __init__(self):
        self.log = []
    def __getitem__(self, k):
        self.log.append(("get", k))
        return k
    def __setitem__(self, k, v):
        self.log.append(("set", k, v))
    def __delitem__(self, k):
        self.log.append(("del", k))

r = Rec()
r[1]
r[1:2]
r[::3]
r[1, 2]
r[1:2, ...]
r[...]
r["k"] = 5
r[:] = [1]
del r[0]
del r[::2]
for entry in r.log:
    print(entry)
s = slice(1, 10, 2)
print("slice attrs:", s.start, s.stop, s.step, s.indices(5), slice(None).indices(3))
print("slice negative indices:", slice(-3, None).indices(10), slice(None, None, -1).indices(4))
try:
    slice(0, 1, 0).indices(3)
except ValueError as e:
    print("zero step:", e)

class RO:
    def __getitem__(self, k):
        return k
try:
    RO()[0] = 1
except TypeError as e:
    print("no __setitem__:", e)
try:
    del RO()[0]
except TypeError as e:
    print("no __delitem__:", e)
try:
    object()[0]
except TypeError as e:
    print("not subscriptable:", e)

class Defaulting(dict):
    def __missing__(self, key):
        return f"missing {key}"
d = Defaulting(a=1)
print("__missing__:", d["a"], d["zz"], d.get("zz"), "zz" in d)

class KeyErrorIsFine(dict):
    def __missing__(self, key):
        raise KeyError("custom " + key)
try:
    KeyErrorIsFine()["x"]
except KeyError as e:
    print("raising from __missing__:", e)
