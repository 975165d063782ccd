# ZeroDivisionError, OverflowError and ValueError from arithmetic and math.
import math
tries = [
    lambda: 1 / 0, lambda: 1 // 0, lambda: 1 % 0, lambda: 1.0 / 0, lambda: 1.0 // 0.0,
    lambda: divmod(1, 0), lambda: 0 ** -1, lambda: 0.0 ** -1, lambda: pow(2, -1, 4),
    lambda: pow(3, -1, 7), lambda: pow(2, 3, 0), lambda: 10.0 ** 400, lambda: math.exp(1000),
    lambda: math.sqrt(-1), lambda: math.log(0), lambda: math.log(-1), lambda: math.factorial(-1),
    lambda: math.factorial(2.5), lambda: 1 << -1, lambda: 2 ** 0.5, lambda: (-8) ** (1 / 3),
    lambda: round(float("inf")), lambda: round(1.5, "x"), lambda: int(1e308 * 10),
    lambda: math.fsum([float("inf"), -float("inf")]), lambda: float.fromhex("zz"),
]
for t in tries:
    try:
        r = t()
        print("ok:", repr(r) if not isinstance(r, complex) else "complex")
    except (ZeroDivisionError, OverflowError, ValueError, TypeError) as e:
        print(f"{type(e).__name__}: {e}")
