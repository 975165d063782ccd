# bin/hex/oct vs format(): prefixes, negatives, and int(x, 0) round trips; __index__ objects accepted.
for n in [0, 1, -1, 255, -256, 2**64, -(2**100) + 1]:
    forms = [bin(n), oct(n), hex(n)]
    print(n if abs(n) < 10**6 else "big", forms if abs(n) < 10**6 else [f[:10] for f in forms],
          all(int(f, 0) == n for f in forms), format(n, "b") == bin(n).replace("0b", ""), format(n, "#x") == hex(n))
class Idx:
    def __index__(self):
        return 42
print("__index__:", bin(Idx()), oct(Idx()), hex(Idx()))
try:
    format(Idx(), "x")
except TypeError as e:
    print("format() does not use __index__:", e)
print("bool:", bin(True), hex(False))
print("upper-case hex via format:", format(3054, "X"), format(3054, "#X"), "%X" % 3054, "%#X" % 3054)
for bad in (1.0, "10", None):
    try:
        hex(bad)
    except TypeError as e:
        print(f"hex({bad!r}):", e)
