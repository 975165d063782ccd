# Errors at integer limits: huge repetition counts, index-sized conversions, str conversion limit.
import sys
tries = [
    lambda: [0] * (2 ** 100), lambda: "x" * (2 ** 70), lambda: range(2 ** 100)[2 ** 99],
    lambda: len(range(2 ** 100)), lambda: [1, 2][2 ** 80], lambda: "abc"[-(2 ** 70)],
    lambda: chr(2 ** 40), lambda: bytes(2 ** 70), lambda: (1).to_bytes(2 ** 70, "big"),
    lambda: int("9" * 5000), lambda: str(10 ** 5000), lambda: sys.set_int_max_str_digits(-1),
]
for t in tries:
    try:
        r = t()
        print("ok:", r if isinstance(r, int) and r.bit_length() < 128 else type(r).__name__)
    except (OverflowError, IndexError, MemoryError, ValueError) as e:
        print(f"{type(e).__name__}: {e}")
sys.set_int_max_str_digits(0)
print(len(str(10 ** 5000)))
