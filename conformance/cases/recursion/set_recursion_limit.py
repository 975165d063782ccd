# sys.setrecursionlimit raises and lowers the limit; deep recursion then works or fails.
import sys
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
old = sys.getrecursionlimit()
sys.setrecursionlimit(5000)
print(sys.getrecursionlimit(), depth(4000))
sys.setrecursionlimit(200)
try:
    depth(1000)
except RecursionError:
    print("RecursionError at limit 200")
print(depth(100))
sys.setrecursionlimit(old)
for bad in [0, -5]:
    try:
        sys.setrecursionlimit(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    sys.setrecursionlimit("10")
except TypeError as e:
    print("TypeError:", e)
print(sys.getrecursionlimit() == old)
