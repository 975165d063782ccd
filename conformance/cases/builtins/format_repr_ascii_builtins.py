# format(), repr(), ascii() builtins and errors.
print("format:", format(3.14159, ".2f"), format(42), format("x", "^5"), format(255, "#x"), repr(format(None)))
print("repr:", repr("a'b"), repr([1, "x"]), repr(1.0), repr(None), repr(type), repr(len))
print("ascii:", ascii("naïve"), ascii(["ü", 1]), ascii("plain"))
class R:
    def __repr__(self):
        return "R<é>"
print("ascii escapes repr:", ascii(R()), repr(R()))
for label, fn in [
    ("format(1, 2)", lambda: format(1, 2)),
    ("format()", lambda: format()),
    ("format(object(), 'x')", lambda: format(object(), "x")),
    ("format([], 'd')", lambda: format([], "d")),
    ("repr()", lambda: repr()),
    ("ascii(1, 2)", lambda: ascii(1, 2)),
]:
    try:
        print(label, "->", fn())
    except (TypeError, ValueError) as e:
        print(label, "->", type(e).__name__ + ":", e)
class F:
    def __format__(self, spec):
        return 5
try:
    format(F(), "")
except TypeError as e:
    print("non-str __format__:", e)
print("format of bool/int subclass:", format(True, ""), format(True, "d"), format(False, "5"))
