# Conditional expressions: laziness, nesting, precedence with lambda and comprehensions.
def side(tag, v):
    print("evaluated", tag)
    return v
print(side("a", 1) if side("cond", True) else side("b", 2))
print(side("a", 1) if side("cond", False) else side("b", 2))
x = 5
print("big" if x > 10 else "medium" if x > 3 else "small")
print([v if v % 2 else -v for v in range(5)])
f = lambda n: "even" if n % 2 == 0 else "odd"
print(f(3), f(4))
print((1 if True else 2) + 10, 1 if True else 2 + 10)
print(not x if x else "falsy", x if not x else "truthy")
y = None
print(y.attr if y is not None else "y is None")
