# Constructors of built-in containers given bad arguments.
tries = [
    lambda: list(5), lambda: tuple(None), lambda: set([[]]), lambda: dict(a=1, **{"a": 2}),
    lambda: dict({1: 2}, {3: 4}), lambda: bytearray(-1), lambda: bytearray("x"),
    lambda: memoryview("x"), lambda: range("1"), lambda: slice(1, 2, 3, 4), lambda: bool(1, 2),
    lambda: object(1), lambda: frozenset([{}]), lambda: complex("1+2j", 1), lambda: str(b"x", "zz"),
    lambda: int("1", base="x"), lambda: float("0x10"), lambda: bytes.fromhex("zz"),
    lambda: bytes.fromhex("a"), lambda: int.from_bytes("ab", "big"), lambda: (5).to_bytes(1, "middle"),
    lambda: (300).to_bytes(1, "big"),
]
for t in tries:
    try:
        print("ok:", repr(t()))
    except (TypeError, ValueError, LookupError, OverflowError) as e:
        print(f"{type(e).__name__}: {e}")
