# with_traceback returns the same exception; args is a tuple you can replace; __traceback__ is writable.
def fail():
    raise ValueError("original", 1)
try:
    fail()
except ValueError as e:
    tb = e.__traceback__
    same = e.with_traceback(tb)
    print(same is e, e.args, tb is e.__traceback__)
    e.__traceback__ = None
    print(e.__traceback__)
    try:
        e.__traceback__ = "not a traceback"
    except TypeError as err:
        print("TypeError:", err)
err = KeyError("a", "b")
err.args = ["converted", "to", "tuple"]
print(err.args, type(err.args).__name__)
try:
    raise ValueError("x").with_traceback(None)
except ValueError as e:
    print(e.__traceback__.tb_next is None)
