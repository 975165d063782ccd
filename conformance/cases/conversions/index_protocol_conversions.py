# __index__ makes objects usable wherever Python needs an exact integer: bases, bin/hex, slicing, repetition, range, int().
class I:
    def __init__(self, v):
        self.v = v
    def __index__(self):
        return self.v
print("int(str, base=I):", int("11", I(2)), int("z", base=I(36)))
print("bin/oct/hex:", bin(I(5)), oct(I(8)), hex(I(255)))
print("slicing:", "abcdef"[I(1):I(4)], [0, 1, 2, 3][I(-1)], (1, 2, 3)[::I(2)])
print("repetition:", "ab" * I(3), [0] * I(2), I(2) * "x")
print("range/len-like:", list(range(I(3))), bytes(I(2)), bytearray(I(1)))
print("int()/float()/complex():", int(I(7)), float(I(7)), complex(I(7)))
print("operator.index and math:", __import__("operator").index(I(9)), __import__("math").comb(I(5), I(2)), __import__("math").factorial(I(4)))
print("round ndigits:", round(3.14159, I(2)), "chr:", chr(I(65)))
try:
    pow(2, I(10))
except TypeError as e:
    print("arithmetic does not use __index__:", e)
class Bad:
    def __index__(self):
        return "no"
for label, fn in [("slice", lambda: [1][Bad():]), ("hex", lambda: hex(Bad())), ("repeat", lambda: "a" * Bad())]:
    try:
        fn()
    except TypeError as e:
        print(label, "->", e)
class BoolIndex:
    def __index__(self):
        return True
import warnings
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    item = [10, 20][BoolIndex()]
print("__index__ returning bool:", item, [w.category.__name__ for w in caught])
