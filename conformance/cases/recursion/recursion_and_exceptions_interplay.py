# RecursionError inside except/finally blocks and during exception chaining.
import sys
def recurse_in_handler(n):
    try:
        raise ValueError(n)
    except ValueError:
        return recurse_in_handler(n + 1)
try:
    recurse_in_handler(0)
except RecursionError as e:
    print("RecursionError from handler recursion; context is ValueError:", type(e.__context__).__name__)
cleanups = 0
def recurse_with_finally(n):
    global cleanups
    try:
        return recurse_with_finally(n + 1)
    finally:
        cleanups += 1
try:
    recurse_with_finally(0)
except RecursionError:
    print("every finally ran once per frame:", cleanups > 100)
def deep_then_ok(n):
    if n == 0:
        return "bottom"
    return deep_then_ok(n - 1)
print(deep_then_ok(sys.getrecursionlimit() - 50))
