# A comprehension equals list() of the same generator expression, including filters and nesting.
data = [3, -1, 4, -1, 5, -9, 2, 6]
pairs = [
    ([x * x for x in data if x > 0], list(x * x for x in data if x > 0)),
    ({x % 3 for x in data}, set(x % 3 for x in data)),
    ({x: data.count(x) for x in data}, dict((x, data.count(x)) for x in data)),
    ([(i, j) for i in range(3) for j in range(i)], list((i, j) for i in range(3) for j in range(i))),
]
for comp, gen in pairs:
    print(comp == gen, comp)
def loop_version():
    out = []
    for i in range(4):
        if i % 2:
            for c in "ab":
                out.append(c * i)
    return out
print(loop_version() == [c * i for i in range(4) if i % 2 for c in "ab"])
