# Unbounded recursion raises RecursionError, which can be caught and recovered from.
import sys
def forever(n):
    return forever(n + 1)
try:
    forever(0)
except RecursionError as e:
    print("RecursionError:", e)
print(issubclass(RecursionError, RuntimeError))
def depth_ok(n):
    return 0 if n == 0 else 1 + depth_ok(n - 1)
print(depth_ok(500))
try:
    forever(0)
except RecursionError:
    print("raised again after recovery")
print(sys.getrecursionlimit())
