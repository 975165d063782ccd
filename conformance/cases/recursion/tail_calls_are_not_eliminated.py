# Python does not eliminate tail calls: tail-recursive functions still hit the recursion limit.
import sys
def countdown(n):
    if n == 0:
        return "done"
    return countdown(n - 1)
print(countdown(500))
try:
    countdown(sys.getrecursionlimit() * 2)
except RecursionError:
    print("tail recursion beyond the limit raises RecursionError")
def loop_version(n):
    while n:
        n -= 1
    return "done iteratively"
print(loop_version(10 ** 5))
def accumulate(n, acc=0):
    return acc if n == 0 else accumulate(n - 1, acc + n)
print(accumulate(800))
