# copy.copy / copy.deepcopy for sequences and custom objects, including cycles.
import copy
nested = [1, [2, 3], (4, [5])]
sh = copy.copy(nested)
dp = copy.deepcopy(nested)
nested[1].append("x")
nested[2][1].append("y")
print("original:", nested)
print("shallow shares:", sh)
print("deep independent:", dp)
t = (1, 2)
print("immutable copy returns same:", copy.copy(t) is t, copy.deepcopy(t) is t, copy.deepcopy((1, [2])) is not None)
cyc = [1]
cyc.append(cyc)
d = copy.deepcopy(cyc)
print("cycle preserved:", d[1] is d, d is not cyc)
shared = [0]
pair = [shared, shared]
dpair = copy.deepcopy(pair)
print("shared refs stay shared:", dpair[0] is dpair[1])
class C:
    def __init__(self):
        self.items = [1]
    def __copy__(self):
        print("  __copy__ called")
        n = C.__new__(C)
        n.items = self.items
        return n
    def __deepcopy__(self, memo):
        print("  __deepcopy__ called")
        n = C.__new__(C)
        n.items = copy.deepcopy(self.items, memo)
        return n
c = C()
c2 = copy.copy(c)
c3 = copy.deepcopy(c)
print("custom hooks:", c2.items is c.items, c3.items is not c.items)
class Plain:
    pass
p = Plain()
p.v = [1]
pc = copy.copy(p)
print("default copy shares attrs:", pc.v is p.v, type(pc).__name__)
print("copy of dict/set:", copy.copy({"a": [1]})["a"] is not None, copy.copy({1, 2}) == {1, 2})
print("list slice vs copy:", [1, 2][:] == copy.copy([1, 2]))
