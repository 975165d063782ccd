# PEP 479: StopIteration raised inside a generator becomes RuntimeError.
def g():
    yield 1
    raise StopIteration("escaped")
it = g()
print(next(it))
try:
    next(it)
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__))
def ret():
    yield 1
    return "value"
it = ret()
next(it)
try:
    next(it)
except StopIteration as e:
    print("StopIteration value:", e.value, e.args)
def nested_next():
    it = iter([])
    yield next(it)
try:
    list(nested_next())
except RuntimeError as e:
    print("RuntimeError:", e)
print(list(x for x in [1, 2] if x))
