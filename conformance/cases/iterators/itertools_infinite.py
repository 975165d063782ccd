# count, cycle, repeat (bounded with islice).
from itertools import count, cycle, repeat, islice
print("count:", list(islice(count(), 5)), list(islice(count(10, 3), 4)), list(islice(count(1, -0.5), 4)))
print("count floats/fractions:", list(islice(count(0.1, 0.1), 3)), list(islice(count(__import__("fractions").Fraction(1, 3)), 2)))
print("count repr:", repr(count(5)), repr(count(5, 2)), repr(count(1.5)))
c = count(3)
next(c)
print("count repr after next:", repr(c))
print("cycle:", list(islice(cycle("abc"), 7)), list(cycle([])))
src = iter([1, 2])
cy = cycle(src)
print("cycle saves items:", list(islice(cy, 5)))
print("repeat:", list(repeat("x", 3)), list(repeat(1, 0)), list(repeat(1, -2)), list(islice(repeat(7), 2)))
print("repeat repr/len hint:", repr(repeat("a", 2)), __import__("operator").length_hint(repeat("a", 5)))
for label, fn in [
    ("count('a')", lambda: count("a")),
    ("cycle(5)", lambda: cycle(5)),
    ("repeat()", lambda: repeat()),
    ("repeat(1, 'x')", lambda: repeat(1, "x")),
]:
    try:
        fn()
    except TypeError as e:
        print(label, "-> TypeError:", e)
print("zip with count:", list(zip("abc", count(1))))
