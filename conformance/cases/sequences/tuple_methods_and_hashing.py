# Tuples as records: count/index, comparison laziness, hash requirements, namedtuple interplay, tuple() reuse.
t = (3, 1, 4, 1, 5, 9, 2, 6)
print("count/index:", t.count(1), t.index(1), t.index(1, 2), t.index(9, -3))
try:
    t.index(1, 4, 6)
except ValueError as e:
    print("index range miss:", e)
class Loud:
    def __init__(self, v): self.v = v
    def __eq__(self, o):
        print(f"  eq({self.v},{o.v})"); return self.v == o.v
    def __lt__(self, o):
        print(f"  lt({self.v},{o.v})"); return self.v < o.v
print("tuple < compares until first difference:", (Loud(1), Loud(2)) < (Loud(1), Loud(3)))
print("hash of nested tuples:", hash((1, (2, (3,)))) == hash((1, (2, (3,)))))
for bad in [([],), (1, {2: 3}), ((1, [2]),)]:
    try:
        hash(bad)
    except TypeError as e:
        print("unhashable tuple:", e)
print("empty tuple singleton-like equality:", () == tuple(), tuple([]) == ())
print("sorting tuples:", sorted([(1, "b"), (0, "z"), (1, "a")]))
print("max of tuples by second:", max([(1, 9), (2, 3)], key=lambda p: p[1]))
