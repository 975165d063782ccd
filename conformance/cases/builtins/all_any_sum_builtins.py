# all, any, sum: short-circuiting, start values, and errors.
log = []
def gen(values):
    for v in values:
        log.append(v)
        yield v
print("all short-circuits:", all(gen([1, 0, 2])), log)
log.clear()
print("any short-circuits:", any(gen([0, 3, 0])), log)
print("empty:", all([]), any([]), all(""), any({}))
print("truthiness:", all([1, "a", [0]]), any([0, "", None, []]))
print("sum:", sum([1, 2, 3]), sum([1, 2], 10), sum([0.1, 0.2]), sum([[1], [2]], []), sum([], 5), sum(range(101)))
print("sum start kw:", sum([1, 2], start=100))
print("sum of bools:", sum([True, True, False]), type(sum([True])).__name__)
print("sum of fractions:", sum([__import__("fractions").Fraction(1, 3)] * 3))
for label, fn in [
    ("sum(['a', 'b'], '')", lambda: sum(["a", "b"], "")),
    ("sum([b'a'], b'')", lambda: sum([b"a"], b"")),
    ("sum([bytearray()], bytearray())", lambda: sum([bytearray()], bytearray())),
    ("sum(['a'])", lambda: sum(["a"])),
    ("sum(1)", lambda: sum(1)),
    ("sum()", lambda: sum()),
    ("all(1)", lambda: all(1)),
    ("any()", lambda: any()),
    ("all([], [])", lambda: all([], [])),
]:
    try:
        print(label, "->", fn())
    except TypeError as e:
        print(label, "-> TypeError:", e)
class Boom:
    def __bool__(self):
        raise ValueError("no truth")
try:
    any([Boom()])
except ValueError as e:
    print("__bool__ error propagates:", e)
