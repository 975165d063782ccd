# Error messages for failing string <-> number conversions.
tests = [
    (int, ("12a",)), (int, ("",)), (int, ("0x1g", 16)), (int, ("1" * 5, 2)), (int, (b"\xff",)),
    (float, ("1.2.3",)), (float, ("",)), (float, ("0x1p3",)), (float, (b"abc",)), (float, ("infinit",)),
    (complex, ("1+2k",)), (complex, ("1 +2j",)), (int, (None,)), (float, ([1],)), (complex, ({},)),
    (int, (float("inf"),)), (int, (float("nan"),)), (float, (10**400,)), (str, (b"\xff", "utf-8")),
]
for fn, args in tests:
    try:
        print(fn.__name__, args, "->", fn(*args))
    except (ValueError, TypeError, OverflowError, UnicodeDecodeError) as e:
        shown = args if len(repr(args)) < 30 else "(...)"
        print(fn.__name__, shown, "->", type(e).__name__ + ":", e)
from decimal import Decimal, InvalidOperation
try:
    Decimal("1.2.3")
except InvalidOperation as e:
    print("Decimal invalid:", type(e).__name__)
print("Decimal special strings:", Decimal("NaN"), Decimal("-Infinity"), Decimal("1e500"))
