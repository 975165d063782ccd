# After a RecursionError the full depth is available again; limits around the current depth.
import sys
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
def runaway():
    return runaway()
for attempt in range(3):
    try:
        runaway()
    except RecursionError:
        pass
    print("attempt", attempt, "then depth 800 ok:", depth(800))
def nested_catch(n):
    try:
        return nested_catch(n + 1)
    except RecursionError:
        return n
reached = nested_catch(0)
print("caught at some depth below the limit:", 50 < reached <= 1000)
old = sys.getrecursionlimit()
sys.setrecursionlimit(100)
def measure(n=0):
    try:
        return measure(n + 1)
    except RecursionError:
        return n
print("depth under limit 100 is at most 100:", measure() < 100)
sys.setrecursionlimit(old)
