# assert raises AssertionError with its message; __debug__ is True without -O.
print(__debug__)
def check(x):
    assert x > 0, f"expected positive, got {x}"
    return x
print(check(5))
try:
    check(-1)
except AssertionError as e:
    print("AssertionError:", e)
try:
    assert (1, 2) == (1, 3)
except AssertionError as e:
    print("no message:", repr(e))
class Msg:
    def __str__(self):
        return "object as message"
try:
    assert False, Msg()
except AssertionError as e:
    print(e, type(e.args[0]).__name__)
