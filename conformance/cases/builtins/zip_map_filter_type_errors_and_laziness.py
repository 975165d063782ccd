# Errors in map/filter/zip arguments are raised lazily (on iteration) when they come from the elements.
m = map(int, ["1", "x", "3"])
print("map created without error; first:", next(m))
try:
    next(m)
except ValueError as e:
    print("error on second element:", e)
print("map continues after error:", next(m))
f = filter(lambda s: s.startswith("a"), ["ab", 5, "ac"])
print("filter first:", next(f))
try:
    next(f)
except AttributeError as e:
    print("filter predicate error:", e)
print("filter continues:", next(f))
z = zip([1, 2], map(lambda x: 10 // x, [1, 0]))
print("zip first:", next(z))
try:
    next(z)
except ZeroDivisionError as e:
    print("zip propagates:", e)
print("zip after error:", next(z, "exhausted"))
try:
    map(int, 5)
except TypeError as e:
    print("non-iterable detected eagerly:", e)
s = sorted
try:
    s(["b", 1])
except TypeError as e:
    print("sorted compares eagerly:", e)
