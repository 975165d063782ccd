# Exceptions from comprehension elements, conditions and iterables, with tracebacks' names.
import traceback
def broken(x):
    if x == 2:
        raise ValueError(f"cannot handle {x}")
    return x
try:
    [broken(x) for x in range(5)]
except ValueError as e:
    names = [f.name for f in traceback.extract_tb(e.__traceback__)]
    print("ValueError:", e, names)
try:
    {k: 1 / k for k in [1, 0]}
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e, [f.name for f in traceback.extract_tb(e.__traceback__)])
try:
    list(int(s) for s in ["1", "x"])
except ValueError as e:
    print("ValueError:", e, [f.name for f in traceback.extract_tb(e.__traceback__)])
try:
    [x for x in None]
except TypeError as e:
    print("TypeError:", e)
try:
    [x for x in range(3) if x.missing]
except AttributeError as e:
    print("AttributeError:", e)
