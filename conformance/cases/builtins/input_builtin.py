# input() reads a line from sys.stdin (replaced here by a StringIO); EOF raises EOFError.
import io, sys
sys.stdin = io.StringIO("first line\nsecond\n")
a = input()
b = input("prompt> ")
print()
print("got:", repr(a), repr(b))
try:
    input()
except EOFError as e:
    print("EOFError:", repr(str(e)))
sys.stdin = io.StringIO("no newline at end")
print("last line without newline:", repr(input()))
try:
    input("a", "b")
except TypeError as e:
    print("two args:", e)
sys.stdin = None
try:
    input()
except RuntimeError as e:
    print("stdin None:", e)
