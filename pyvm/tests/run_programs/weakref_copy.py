# gc-stress-interval: 100
import copy
import weakref


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point({self.x!r}, {self.y!r})"


class WithHooks:
    def __init__(self, items):
        self.items = items
        self.log = []

    def __copy__(self):
        new = WithHooks(self.items)
        new.log = ["copied"]
        return new

    def __deepcopy__(self, memo):
        new = WithHooks(copy.deepcopy(self.items, memo))
        new.log = ["deep-copied"]
        return new


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self):
        self.a = [1]
        self.b = "b"


class State:
    def __init__(self):
        self.data = [1, 2]

    def __getstate__(self):
        return {"data": self.data, "extra": "from getstate"}

    def __setstate__(self, state):
        self.__dict__.update(state)


p = Point([1, 2], {"k": (3, 4)})
s = copy.copy(p)
d = copy.deepcopy(p)
print(s, d, s.x is p.x, d.x is p.x, d.y == p.y, d.y["k"] is p.y["k"])

nested = [[1, 2], {"a": [3]}, (4, [5]), "s", 6.5, None, frozenset({7})]
dc = copy.deepcopy(nested)
print(dc == nested, dc[0] is nested[0], dc[2] is nested[2], dc[3] is nested[3], dc[6] is nested[6])
sc = copy.copy(nested)
print(sc == nested, sc is nested, sc[0] is nested[0])

# memo: shared and cyclic structures keep their shape
shared = [1]
pair = [shared, shared]
pc = copy.deepcopy(pair)
print(pc[0] is pc[1], pc[0] is shared)
cyc = [1]
cyc.append(cyc)
cc = copy.deepcopy(cyc)
print(cc[1] is cc, cc is not cyc)
dcyc = {"self": None}
dcyc["self"] = dcyc
dd = copy.deepcopy(dcyc)
print(dd["self"] is dd)

h = WithHooks([1, [2]])
print(copy.copy(h).log, copy.deepcopy(h).log, copy.deepcopy(h).items == h.items)

sl = copy.deepcopy(Slotted())
print(sl.a, sl.b)
st = copy.deepcopy(State())
print(st.data, st.extra)

# builtins and other objects
print(copy.copy(3) == 3, copy.deepcopy("text"), copy.copy((1, 2)))
print(copy.deepcopy(range(3)), copy.copy({1, 2}) == {1, 2}, copy.deepcopy(bytearray(b"ab")))
f = lambda: 1
print(copy.deepcopy(f) is f, copy.copy(len) is len, copy.deepcopy(Point) is Point)


class Node:
    pass


n = Node()
r = weakref.ref(n)
print(copy.copy(r) is r, copy.deepcopy(r) is r)

import collections

od = collections.OrderedDict(a=1, b=[2])
odc = copy.deepcopy(od)
print(odc, odc["b"] is od["b"])
dq = collections.deque([1, [2]], maxlen=5)
dqc = copy.deepcopy(dq)
print(dqc, dqc.maxlen, dqc[1] is dq[1])
dfd = collections.defaultdict(list, {"x": [1]})
dfc = copy.deepcopy(dfd)
print(dfc, dfc["x"] is dfd["x"])


class Unpicklable:
    def __reduce_ex__(self, proto):
        raise TypeError("cannot copy this")


try:
    copy.deepcopy(Unpicklable())
except TypeError as e:
    print("TypeError:", e)
