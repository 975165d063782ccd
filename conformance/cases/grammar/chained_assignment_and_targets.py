# Chained assignment evaluates the right side once and assigns targets left to right.
calls = []
def value():
    calls.append("value")
    return [1, 2]
a = b = c = value()
print(a is b is c, calls)
class Rec:
    def __setattr__(self, name, v):
        calls.append(f"set {name}")
        object.__setattr__(self, name, v)
r = Rec()
calls.clear()
r.x = r.y = 5
print(calls)
d = {}
d["a"] = d["b"] = len(d)
print(d)
lst = [0, 0, 0]
i = lst[i] = 1 if False else 2
print(i, lst)
x, y = z = 1, 2
print(x, y, z)
