# yield from with non-iterables, iterators that raise, and StopIteration values.
def delegate(x):
    yield from x
try:
    list(delegate(5))
except TypeError as e:
    print("TypeError:", e)
class Raises:
    def __iter__(self):
        return self
    def __next__(self):
        raise OSError("iterator failed")
try:
    list(delegate(Raises()))
except OSError as e:
    print("OSError:", e)
def returns_value():
    yield 1
    return "final"
def outer():
    v = yield from returns_value()
    yield f"outer saw {v}"
print(list(outer()))
class IterWithSend:
    def __init__(self):
        self.sent = []
    def __iter__(self):
        return self
    def __next__(self):
        return "next"
    def send(self, v):
        self.sent.append(v)
        if len(self.sent) >= 2:
            raise StopIteration("done sending")
        return f"sent {v}"
it = IterWithSend()
def uses_send():
    r = yield from it
    yield f"result {r}"
g = uses_send()
print(next(g), g.send("a"), g.send("b"), it.sent)
