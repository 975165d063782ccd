# Changing a dict's size during iteration raises RuntimeError; value updates are allowed.
d = {"a": 1, "b": 2, "c": 3}
try:
    for k in d:
        d["new"] = 0
except RuntimeError as e:
    print("add during iteration:", e)
d = {"a": 1, "b": 2, "c": 3}
try:
    for k in d:
        del d[k]
except RuntimeError as e:
    print("delete during iteration:", e, "left:", d)
d = {"a": 1, "b": 2}
for k in d:
    d[k] *= 10
print("value update ok:", d)
d = {"a": 1}
try:
    for v in d.values():
        d.clear()
except RuntimeError as e:
    print("values view after clear:", e)
d = {i: i for i in range(5)}
for k in list(d):
    if k % 2:
        del d[k]
print("iterate over copy of keys:", d)
d = {"x": 1}
it = iter(d)
d["y"] = 2
try:
    next(it)
except RuntimeError as e:
    print("stale iterator:", e)
# (Same-size changes during iteration are left out: the language leaves them undefined.)
