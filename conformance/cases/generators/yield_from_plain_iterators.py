# yield from over plain iterators: send(None) advances, other values and throw() behave specially.
def over_list():
    result = yield from [1, 2, 3]
    yield f"list iterator returned {result}"
g = over_list()
print(next(g), g.send(None))
try:
    g.send("value")
except AttributeError as e:
    print("AttributeError:", e)
g2 = over_list()
next(g2)
try:
    g2.throw(KeyError("thrown"))
except KeyError as e:
    print("throw goes straight to the delegating frame:", repr(e))
g3 = over_list()
print(list(g3))
def over_range_then_close():
    try:
        yield from range(5)
    finally:
        print("delegating generator finally")
g4 = over_range_then_close()
next(g4)
g4.close()
