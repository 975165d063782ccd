# dict methods: get, setdefault, pop, popitem (LIFO), update forms, copy, clear, |, |=.
d = {"a": 1, "b": 2}
print("get:", d.get("a"), d.get("z"), d.get("z", 0))
print("setdefault:", d.setdefault("a", 99), d.setdefault("c", 3), d.setdefault("n"), d)
print("pop:", d.pop("n"), d.pop("zz", "default"), d)
try:
    d.pop("zz")
except KeyError as e:
    print("pop missing:", repr(e))
print("popitem LIFO:", d.popitem(), d.popitem(), d)
try:
    {}.popitem()
except KeyError as e:
    print("popitem empty:", e)
d.update({"x": 1}, y=2)
d.update([("z", 3)])
d.update(x=10)
print("update:", d)
try:
    d.update([1])
except TypeError as e:
    print("update bad:", e)
try:
    d.update(1, 2)
except TypeError as e:
    print("update two args:", e)
c = d.copy()
c["new"] = 1
print("copy independent:", "new" in d, len(c))
print("merge |:", {"a": 1, "b": 2} | {"b": 3, "c": 4})
m = {"a": 1}
m |= [("b", 2)]
print("|= accepts iterable of pairs:", m)
try:
    {"a": 1} | [("b", 2)]
except TypeError as e:
    print("| with list:", e)
c.clear()
print("clear:", c)
print("keys/values/items lists:", list(d.keys()), list(d.values()), list(d.items()))
print("get with no default kw:", d.get("x", None))
try:
    d.get()
except TypeError as e:
    print("get no args:", e)
print("reversed dict:", list(reversed({"a": 1, "b": 2, "c": 3})), list(reversed({"a": 1}.items())))
