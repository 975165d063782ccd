# print(): sep, end, file, flush, and argument errors.
import io, sys
print("a", "b", 3)
print("a", "b", sep="-")
print("x", end="|\n")
print()
print(sep="ignored")
print("multi", "sep", sep="")
print(1, 2, sep=None, end=None)
buf = io.StringIO()
print("to buffer", 42, file=buf, sep=":")
print("buffer contents:", repr(buf.getvalue()))
print("file=None uses stdout", file=None)
print("flush", flush=True)
class W:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
w = W()
print("x", "y", file=w, end="!")
print("write calls:", w.parts)
for label, fn in [
    ("sep=1", lambda: print("a", sep=1)),
    ("end=2", lambda: print("a", end=2)),
    ("file=5", lambda: print("a", file=5)),
    ("bogus kw", lambda: print("a", bogus=1)),
]:
    try:
        fn()
    except (TypeError, AttributeError) as e:
        print(label, "->", type(e).__name__ + ":", e)
class BadStr:
    def __str__(self):
        raise ValueError("cannot str")
try:
    print("before", BadStr())
except ValueError as e:
    print("str error:", e)
print("objects:", None, [1, "a"], {"k": (1,)}, 1.5, b"b")
sys.stdout.write("direct write\n")
