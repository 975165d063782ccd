# TypeErrors from calling builtins with wrong argument counts and keywords.
tries = [
    lambda: len(), lambda: len([], []), lambda: abs(), lambda: divmod(1),
    lambda: isinstance(1), lambda: sorted([], cmp=None), lambda: print(end=1),
    lambda: "a".split(1), lambda: [].append(), lambda: {}.get(), lambda: range(),
    lambda: range(1, 2, 3, 4), lambda: max(), lambda: min(1), lambda: getattr(1),
    lambda: int(x=1), lambda: str(1, 2, 3, 4), lambda: zip(strict=1, x=2),
    lambda: enumerate(), lambda: dict(1), lambda: list(1, 2), lambda: pow(1),
]
for t in tries:
    try:
        print("ok:", repr(t()))
    except TypeError as e:
        print("TypeError:", e)
