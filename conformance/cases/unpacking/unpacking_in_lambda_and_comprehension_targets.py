# Unpacking where parameters cannot: lambdas take tuples whole; comprehensions unpack targets.
pairs = [(1, "one"), (2, "two"), (3, "three")]
print(sorted(pairs, key=lambda p: p[1]))
print([n * 2 for n, _ in pairs], {name: n for n, name in pairs})
print(list(map(lambda p: f"{p[0]}={p[1]}", pairs)))
import itertools
print(list(itertools.starmap(lambda n, name: name * n, pairs)))
try:
    compile("lambda (a, b): a + b", "<l>", "eval")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
try:
    compile("def f((a, b)): pass", "<d>", "exec")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
matrix = [[1, 2], [3, 4]]
print([a * d - b * c for (a, b), (c, d) in [matrix]])
