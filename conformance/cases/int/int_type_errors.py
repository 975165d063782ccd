# Type errors from int operators with unsupported operand types (CPython messages).
ops = {
    "+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b,
    "/": lambda a, b: a / b, "//": lambda a, b: a // b, "%": lambda a, b: a % b,
    "**": lambda a, b: a ** b, "<<": lambda a, b: a << b, ">>": lambda a, b: a >> b,
    "&": lambda a, b: a & b, "|": lambda a, b: a | b, "^": lambda a, b: a ^ b,
    "@": lambda a, b: a @ b,
}
for sym, fn in ops.items():
    for other in ("x", None, [1]):
        try:
            fn(1, other)
        except TypeError as e:
            print(f"1 {sym} {type(other).__name__}: {e}")
print("int * str repeats:", 3 * "ab", "ab" * 2, [0] * 3, 2 * (1,))
try:
    "ab" * 2.0
except TypeError as e:
    print("str * float:", e)
try:
    [1] * (10**20)
except (OverflowError, MemoryError) as e:
    print("huge repeat:", type(e).__name__, e)
print("negative repeat:", "ab" * -3, [1] * -1)
try:
    -"x"
except TypeError as e:
    print("unary minus str:", e)
try:
    1 < None
except TypeError as e:
    print("compare None:", e)
