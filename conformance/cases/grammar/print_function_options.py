# print(): sep, end, file, flush, and printing of various objects.
import io
import sys
print("a", "b", "c", sep="-", end="!\n")
print("no newline", end="")
print(" <- continued")
print()
print(*range(5), sep=", ")
print("x", "y", sep="")
buf = io.StringIO()
print("to buffer", 42, file=buf)
print(repr(buf.getvalue()))
print("to stderr", file=sys.stderr)
print(None, True, 1.5, [1, "two"], {"k": (3,)}, b"bytes", sep=" | ")
print("flushed", flush=True)
print(sep="ignored", end="only end\n")
try:
    print("x", sep=5)
except TypeError as e:
    print("TypeError:", e)
try:
    print("x", file=42)
except AttributeError as e:
    print("AttributeError:", e)
