# ** and * in calls and displays: merging order, duplicates, non-mapping errors.
d1 = {"a": 1, "b": 2}
d2 = {"b": 20, "c": 30}
print({**d1, **d2}, {**d2, **d1}, {**d1, "b": 0})
print(d1 | d2, d2 | d1)
def f(**kw):
    return kw
try:
    f(**d1, **d2)
except TypeError as e:
    print("TypeError:", e)
try:
    f(**[1, 2])
except TypeError as e:
    print("TypeError:", e)
try:
    print(*5)
except TypeError as e:
    print("TypeError:", e)
class Keys:
    def keys(self):
        return ["x", "y"]
    def __getitem__(self, k):
        return k.upper()
print(f(**Keys()), {**Keys()})
def pos(a, b, c):
    return a + b + c
print(pos(*"ab", "c"), pos(*[1], *[2, 3]))
args = (1, 2)
kwargs = {"c": 3}
print(pos(*args, **kwargs))
