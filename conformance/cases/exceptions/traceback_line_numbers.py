# Traceback line numbers for multi-line statements, decorators, comprehensions and re-raises.
import traceback
def lines_of(exc):
    return [(f.name, f.lineno) for f in traceback.extract_tb(exc.__traceback__)]
def multi_line_call():
    return int(
        "not a number"
    )
try:
    multi_line_call()
except ValueError as e:
    print(lines_of(e))
def raiser():
    raise KeyError("k")
def reraiser():
    try:
        raiser()
    except KeyError:
        raise
try:
    reraiser()
except KeyError as e:
    print(lines_of(e))
def in_comprehension():
    return [1 // x for x in (1, 0)]
try:
    in_comprehension()
except ZeroDivisionError as e:
    print(lines_of(e))
def deco(f):
    def wrapper():
        return f()
    return wrapper
@deco
def decorated():
    raise TypeError("inside decorated")
try:
    decorated()
except TypeError as e:
    print(lines_of(e))
