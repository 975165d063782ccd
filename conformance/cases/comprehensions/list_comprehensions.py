# List comprehensions: filters, nesting, conditional expressions, evaluation order.
print([x * x for x in range(6)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([x if x % 2 else -x for x in range(5)])
print([(i, j) for i in range(3) for j in range(i, 3)])
matrix = [[1, 2, 3], [4, 5, 6]]
print([[row[c] for row in matrix] for c in range(3)])
print([v for row in matrix for v in row if v != 3])
order = []
def tag(name, value):
    order.append(name)
    return value
print([tag("elem", i) for i in tag("iter", range(2)) if tag("cond", True)])
print(order)
print([c.upper() for c in "abc"], [len(w) for w in "the quick fox".split()])
print([[] for _ in range(3)], [0] * 0 == [x for x in []])
print([i for i in range(3) for i in range(i)])
