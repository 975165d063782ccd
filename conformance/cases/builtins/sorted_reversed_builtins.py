# sorted() and reversed() builtins: arguments, return types and errors.
print("sorted returns new list:", sorted((3, 1, 2)), type(sorted("ba")).__name__, sorted({"b": 1, "a": 2}))
print("sorted key/reverse:", sorted([-2, 1, -3], key=abs), sorted("abc", reverse=True), sorted([1, 2], reverse=0))
print("reversed:", list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(3))), list(reversed((1, 2))))
print("reversed dict:", list(reversed({"a": 1, "b": 2})))
class Rev:
    def __reversed__(self):
        return iter(["custom"])
class SeqOnly:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        return i * 2
print("__reversed__ hook:", list(reversed(Rev())), "sequence protocol:", list(reversed(SeqOnly())))
for label, fn in [
    ("sorted()", lambda: sorted()),
    ("sorted(1)", lambda: sorted(1)),
    ("sorted([], None)", lambda: sorted([], None)),
    ("sorted([], cmp=1)", lambda: sorted([], cmp=1)),
    ("reversed({1})", lambda: reversed({1})),
    ("reversed(iter([]))", lambda: reversed(iter([]))),
    ("reversed(5)", lambda: reversed(5)),
    ("reversed([], [])", lambda: reversed([], [])),
]:
    try:
        print(label, "->", fn())
    except TypeError as e:
        print(label, "-> TypeError:", e)
class NoRev:
    __reversed__ = None
    def __len__(self): return 1
    def __getitem__(self, i): return i
try:
    reversed(NoRev())
except TypeError as e:
    print("__reversed__ = None:", e)
