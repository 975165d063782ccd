# Errors from min/max/sum/zip/map/sorted and friends on bad input.
tries = [
    lambda: min([]), lambda: max(()), lambda: min([], default="d"), lambda: max(1, 2, default=0),
    lambda: sum(["a", "b"]), lambda: sum(["a"], ""), lambda: sum([[1]], []),
    lambda: list(zip([1, 2], [3], strict=True)), lambda: list(zip([1], [2, 3], strict=True)),
    lambda: list(map(None, [1])), lambda: sorted([1, "a"], key=lambda v: (isinstance(v, str), v)), lambda: sorted([3, 1], key=5),
    lambda: list(enumerate([1], start="x")), lambda: list(reversed({1: 2}.items())),
    lambda: reversed(5), lambda: list(filter(5, [1])), lambda: all(5), lambda: any(None),
    lambda: list(range(0, 10, 0)), lambda: range(1.5), lambda: next(iter([]), ),
    lambda: dict([(1, 2, 3)]), lambda: dict([1]), lambda: frozenset(5),
]
for t in tries:
    try:
        print("ok:", repr(t()))
    except (TypeError, ValueError, StopIteration) as e:
        print(f"{type(e).__name__}: {e}")
