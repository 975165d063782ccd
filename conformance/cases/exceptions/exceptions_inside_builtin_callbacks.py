# Exceptions raised by user code called from builtins propagate unchanged.
class BadEq:
    def __eq__(self, other):
        raise ArithmeticError("eq exploded")
    __hash__ = object.__hash__
class BadHash:
    def __hash__(self):
        raise LookupError("hash exploded")
class BadLen:
    def __len__(self):
        raise IOError("len exploded")
class BadIter:
    def __iter__(self):
        raise PermissionError("iter exploded")
tries = [
    lambda: BadEq() in [1, 2], lambda: [BadEq()].index(3), lambda: {BadHash()}, lambda: {1: 2}.get(BadHash()),
    lambda: len(BadLen()), lambda: bool(BadLen()), lambda: list(BadIter()), lambda: sorted([3, 1], key=lambda v: 1 / (v - 1)),
    lambda: list(map(int, ["1", "x"])), lambda: max([1, 2], key=lambda v: v.missing), lambda: "".join(map(str.upper, [1])),
]
for t in tries:
    try:
        print("ok:", t())
    except Exception as e:
        print(f"{type(e).__name__}: {e}")
