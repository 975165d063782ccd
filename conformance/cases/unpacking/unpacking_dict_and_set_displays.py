# Unpacking into set/dict/list/tuple displays and the order of evaluation and overriding.
log = []
def v(x):
    log.append(x)
    return x
print({**{v("a"): 1}, v("b"): 2, **{v("a"): 3}})
print(log)
print({*v([1, 2]), *v((2, 3))} == {1, 2, 3})
print([*range(2), *"ab", *{"k": 0}], (*[1], *[2]))
defaults = {"color": "red", "size": 1}
override = {"size": 3}
print({**defaults, **override, "extra": True})
print(dict(**defaults, shape="round"))
class Mapping:
    def keys(self):
        return ["x"]
    def __getitem__(self, k):
        return 42
print({**Mapping()}, dict(Mapping()))
try:
    {**[1]}
except TypeError as e:
    print("TypeError:", e)
