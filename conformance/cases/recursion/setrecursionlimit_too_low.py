# Setting the recursion limit below the current depth is refused with RecursionError.
import sys
def at_depth(n, action):
    if n == 0:
        return action()
    return at_depth(n - 1, action)
def lower_to(limit):
    try:
        sys.setrecursionlimit(limit)
        return f"limit set to {limit}"
    except RecursionError as e:
        return "RecursionError: " + ("limit is too low" if "too low" in str(e) else str(e))
old = sys.getrecursionlimit()
print(at_depth(100, lambda: lower_to(50)))
print(sys.getrecursionlimit() == old)
print(at_depth(10, lambda: lower_to(500)))
print(sys.getrecursionlimit())
sys.setrecursionlimit(old)
print(sys.getrecursionlimit() == old)
