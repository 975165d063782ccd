# %-formatting, str.format, format(), ascii() and f-string conversions.
print("%s and %r, %5.2f|%-4d|%x %c %%" % ("a", "b", 3.14159, 42, 255, 65))
print("%(name)s is %(age)03d" % {"name": "Bob", "age": 3}, "%*d|%-*s|" % (5, 42, 3, "x"))
print("%.2s|%5r|%e|%g|%#o|%+d" % ("abc", 1, 12345.678, 0.00001, 8, 5))
print("{0} {1:>5} {x} {0!r} {1:{w}}".format("a", "b", x=1, w=4), "{} {}".format(1, 2))
print("{0[k]} {0[1]}".format({"k": 9, 1: "one"}), "{a}-{b}".format_map({"a": 1, "b": 2}))
print(format(3.5, ".3f"), format("x", "^5"), format(1234567, ","), format(True), format(True, "d"))
print(ascii("héllo"), ascii([1, "é"]), f"{'é'!a} {3.0:>6} {None} {'x'!r:>5}")
class P:
    def __format__(self, spec):
        return "P<" + spec + ">"
class Q:
    def __repr__(self):
        return "Q!"
print(f"{P():abc}", format(P(), "x"), "{:q}".format(P()), f"{Q()}", f"{Q()!r}", "%s" % Q())
x = 41
print(f"{x + 1=}", f"{x=:>5}")
print(repr("\udc80a"), ascii("\udc80"), repr("a'b"), repr('a"b\'c'), repr("\t\x7f\u200b"))
errors = [
    lambda: "%d" % "a",
    lambda: "%s %s" % (1,),
    lambda: "%s" % (1, 2),
    lambda: "%(a)s" % 1,
    lambda: "%*d" % ("a", 1),
    lambda: "%y" % 1,
    lambda: "%c" % "ab",
    lambda: "hello" % 5,
    lambda: "{1}".format(1),
    lambda: "{a}".format(1),
    lambda: "{!x}".format(1),
    lambda: "{:{:{}}}".format(1, 2, 3),
    lambda: "{0}".format_map({}),
    lambda: "{".format(),
    lambda: format(None, "x"),
    lambda: format(1, 5),
    lambda: format(1.5, "d"),
    lambda: f"{P():x}" + f"{object():x}",
]
for i, f in enumerate(errors):
    try:
        print(i, "ok", repr(f()))
    except (TypeError, ValueError, LookupError) as e:
        print(i, type(e).__name__ + ":", e)
