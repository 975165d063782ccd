# del on names, attributes, items, slices, tuples of targets, and its errors.
a, b, c = 1, 2, 3
del a, b
print("a" in dir(), "c" in dir())
lst = list(range(10))
del lst[::3], lst[0]
print(lst)
d = {"x": 1, "y": 2, "z": 3}
del d["x"], d["y"]
print(d)
class O:
    pass
o = O()
o.p = o.q = 1
del o.p
print(vars(o))
(e, f) = (4, 5)
del (e, f)
print("e" in dir())
[g, h] = [6, 7]
del [g, h]
print("g" in dir())
for target in ["d['missing']", "o.missing", "lst[100]", "never_defined"]:
    try:
        exec(f"del {target}")
    except (KeyError, AttributeError, IndexError, NameError) as err:
        print(type(err).__name__, err)
