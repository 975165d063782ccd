# Errors from int(), float(), complex(), chr(), ord() and bool-like conversions.
tries = [
    lambda: int("12x"), lambda: int(""), lambda: int("1.5"), lambda: int("ff", 16),
    lambda: int("z", 37), lambda: int("10", 1), lambda: int(None), lambda: int([1]),
    lambda: int(float("inf")), lambda: int(float("nan")), lambda: int("  42  "),
    lambda: int("4_2"), lambda: int("_42"), lambda: float("abc"), lambda: float(""),
    lambda: float("1e500"), lambda: float([]), lambda: complex("1+"), lambda: complex("1", 2),
    lambda: chr(-1), lambda: chr(0x110000), lambda: chr("a"), lambda: ord(""), lambda: ord("ab"),
    lambda: ord(5),
]
for t in tries:
    try:
        print("ok:", repr(t()))
    except (ValueError, TypeError, OverflowError) as e:
        print(f"{type(e).__name__}: {e}")
