# The except clause's expression is evaluated lazily, only when an exception reaches it.
evaluated = []
def types(name, t):
    evaluated.append(name)
    return t
try:
    raise KeyError
except types("first", ValueError):
    pass
except types("second", KeyError):
    print("caught by second clause")
except types("third", Exception):
    pass
print(evaluated)
evaluated.clear()
try:
    pass
except types("never", Exception):
    pass
print(evaluated)
handlers = (TypeError, (KeyError, IndexError))
try:
    try:
        raise IndexError("nested tuple")
    except handlers as e:
        print("nested tuples of classes match:", repr(e))
except TypeError as e:
    print("TypeError:", e)
flat = (TypeError, KeyError, IndexError)
try:
    raise IndexError("flat tuple")
except flat as e:
    print("flat tuple matches:", repr(e))
try:
    raise ValueError
except ():
    print("empty tuple never matches")
except ValueError:
    print("fell through the empty tuple")
