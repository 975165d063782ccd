# Errors from numeric builtins: round, divmod, pow, abs, int.bit_length, math functions.
import math
tries = [
    lambda: round("1"), lambda: round(1, 1.5), lambda: abs("x"), lambda: pow(2, 3, 4.0), lambda: pow(2.0, 3, 4),
    lambda: divmod(1, 0.0), lambda: math.gcd(1.5, 2), lambda: math.isqrt(-1), lambda: math.comb(-1, 2),
    lambda: math.perm(5, -1), lambda: math.log(10, 1), lambda: math.log(10, 0), lambda: math.ceil("x"),
    lambda: math.floor(float("nan")), lambda: math.trunc(None), lambda: int.from_bytes(b"\x01", "sideways"),
    lambda: (1).to_bytes(-1, "big"), lambda: (-1).to_bytes(1, "big"), lambda: float("nan").as_integer_ratio(),
    lambda: (1.5).hex(1), lambda: complex(1, "x"), lambda: sum([1], start="x"), lambda: math.prod([1], start=[]),
]
for t in tries:
    try:
        print("ok:", repr(t()))
    except (TypeError, ValueError, ZeroDivisionError, OverflowError) as e:
        print(f"{type(e).__name__}: {e}")
