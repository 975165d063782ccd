# min and max: iterable vs positional forms, key, default, ties, errors.
print("positional:", min(3, 1, 2), max(3, 1, 2), max("b", "a"), min(2.5, 2))
print("iterable:", min([4, 2, 8]), max("hello"), max({3: "x", 7: "y"}), min(range(5, 10)))
print("key:", min(["ccc", "a", "bb"], key=len), max(["ccc", "a", "bb"], key=len), max([-3, 2], key=abs))
print("default:", min([], default="empty"), max((), default=None), max([1], default=0))
print("ties return first:", max([(1, "a"), (1, "b")], key=lambda t: t[0]), min(["x", "y"], key=lambda s: 0))
print("key=None:", max([1, 3, 2], key=None))
for label, fn in [
    ("min()", lambda: min()),
    ("max([])", lambda: max([])),
    ("min(1)", lambda: min(1)),
    ("max(1, 2, default=0)", lambda: max(1, 2, default=0)),
    ("min([1, 'a'])", lambda: min([1, "a"])),
    ("max(1, 2, key=1)", lambda: max(1, 2, key=1)),
    ("max(1, 2, foo=1)", lambda: max(1, 2, foo=1)),
    ("min([], key=len)", lambda: min([], key=len)),
]:
    try:
        print(label, "->", fn())
    except (TypeError, ValueError) as e:
        print(label, "->", type(e).__name__ + ":", e)
nan = float("nan")
print("nan position matters:", max([nan, 1, 2]), max([1, nan, 2]), min([2, nan, 1]))
class Ordered:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v < o.v
    def __gt__(self, o): return self.v > o.v
    def __repr__(self): return f"O{self.v}"
print("custom ordering:", min(Ordered(2), Ordered(1)), max([Ordered(2), Ordered(5)]))
