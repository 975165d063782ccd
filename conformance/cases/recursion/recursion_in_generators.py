# Recursive generators and recursion errors crossing generator frames.
def walk(tree, depth=0):
    name, children = tree
    yield "  " * depth + name
    for c in children:
        yield from walk(c, depth + 1)
tree = ("root", [("a", [("a1", []), ("a2", [])]), ("b", [])])
print("\n".join(walk(tree)))
def infinite():
    yield from infinite()
try:
    next(infinite())
except RecursionError:
    print("recursive yield from raised RecursionError")
def permutations(xs):
    if len(xs) <= 1:
        yield xs
        return
    for i, x in enumerate(xs):
        for rest in permutations(xs[:i] + xs[i + 1:]):
            yield [x] + rest
print(list(permutations([1, 2, 3])))
