# Aliasing vs copying sets; sets of frozensets mutation safety; set() of a set copies; in-place ops affect aliases.
a = {1, 2}
alias = a
copy1, copy2, copy3 = a.copy(), set(a), {*a}
a.add(3)
print("alias sees change:", sorted(alias), "copies don't:", sorted(copy1), sorted(copy2), sorted(copy3))
a |= {4}
print("in-place union visible through alias:", sorted(alias))
a = a | {5}
print("rebinding with | creates new set:", sorted(alias), sorted(a))
f = frozenset({1})
outer = {f}
print("frozenset member is immutable, safe as element:", f in outer)
inner = [1]
try:
    {tuple(inner)}.add(inner)
except TypeError as e:
    print("mutable element rejected:", e)
key = (1, 2)
d = {key: "v"}
st = {key}
print("tuples keyed by value:", (1, 2) in st, d[(1, 2)])
import copy
nested = {frozenset({1, 2}), frozenset({3})}
dc = copy.deepcopy(nested)
print("deepcopy of set of frozensets equal:", dc == nested, sorted(sorted(x) for x in dc))
