# Builtins given huge, negative or odd-typed numeric arguments respond with the right error or value.
tries = [
    lambda: "{:99999999999999999999}".format(1), lambda: format(1, "9999999999999999999999d"),
    lambda: "ab" * -3, lambda: [1] * -1, lambda: [].pop(2 ** 100), lambda: round(1.5, 2 ** 100),
    lambda: float.fromhex("0x1p99999"), lambda: pow(10, 10 ** 100, 7),
    lambda: (2 ** 100).bit_length(), lambda: (-1) ** 0.5 == 1j, lambda: divmod(-(2 ** 100), 7),
    lambda: "x".ljust(-5), lambda: "abc"[2 ** 100:], lambda: "abc"[-2 ** 100:2], lambda: range(10)[::2 ** 100],
    lambda: list(range(0, 2 ** 100, 2 ** 99)), lambda: (1.5).__round__(None), lambda: int("0" * 1000),
    lambda: int("-0x10", 0), lambda: int("0o17", 0), lambda: int("017", 0),
]
for t in tries:
    try:
        r = t()
        print("ok:", repr(r))
    except (ValueError, OverflowError, IndexError, TypeError, MemoryError) as e:
        print(f"{type(e).__name__}: {e}")
