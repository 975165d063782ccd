# send and throw forwarded through several levels of yield from; return values bubble up.
def leaf(name):
    total = 0
    while True:
        try:
            v = yield f"{name} total={total}"
        except ValueError as e:
            total = 0
            v = None
            print(f"{name} reset by {e}")
        if v is None:
            return total
        total += v
def middle():
    a = yield from leaf("A")
    b = yield from leaf("B")
    return a + b
def top():
    result = yield from middle()
    yield f"top got {result}"
g = top()
print(next(g))
print(g.send(5))
print(g.send(7))
print(g.throw(ValueError("throw-1")))
print(g.send(3))
print(g.send(None))
try:
    g.send(4)
except StopIteration as e:
    print("top finished, value:", e.value)
