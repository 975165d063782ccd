# Membership and equality across numeric types and hash-compatible objects in sets; unhashable probes raise.
s = {1, 2.5, "1", (1, 2), frozenset({3}), None, True}
print("len (1 and True collide):", len(s))
probes = [1, 1.0, True, 1 + 0j, "1", b"1", 2.5, __import__("fractions").Fraction(5, 2), (1, 2), (1.0, 2.0), frozenset([3]), None, 0]
print([p in s for p in probes])
for bad in ([1], {1}, {1: 2}):
    try:
        bad in s
    except TypeError as e:
        print(f"{type(bad).__name__} probe:", e)
print("set probe converted to frozenset for lookup:", {1} in {frozenset({1})}, {3} in s)
print("discard/remove with set argument:", (lambda t: (t.discard({3}), sorted(map(str, t)))[1])(set(s)))
print("mixed numeric equality set ops:", {1, 2} == {1.0, 2.0}, ({1, 2} & {2.0, 3.0}) == {2}, {0} | {False} == {0})
