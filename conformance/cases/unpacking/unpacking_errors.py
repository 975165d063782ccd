# Errors from unpacking: too many, too few, non-iterables, and partial assignment.
cases = [
    "a, b = [1, 2, 3]",
    "a, b, c = (1, 2)",
    "a, *b, c = [1]",
    "a, b = 5",
    "a, b = None",
    "a, = []",
    "(a, b), c = [1, 2], 3",
]
for src in cases:
    try:
        exec(src, {})
        print("ok:", src)
    except (ValueError, TypeError) as e:
        print(f"{type(e).__name__}: {e} | {src}")
def gen():
    yield 1
    yield 2
    print("third item requested")
    yield 3
try:
    a, b = gen()
except ValueError as e:
    print("ValueError:", e)
partial = [0, 0]
try:
    partial[0], partial[5] = 1, 2
except IndexError as e:
    print("IndexError:", e, partial)
