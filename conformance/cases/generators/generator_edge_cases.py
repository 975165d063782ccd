# Generators: empty generators, yield in try/except, return in the middle, throw after finish.
def empty():
    return
    yield
print(list(empty()))
def catches():
    for i in range(3):
        try:
            yield i
        except ValueError:
            yield "caught"
g = catches()
print(next(g), g.throw(ValueError), next(g), next(g))
def finished():
    yield 1
f = finished()
list(f)
try:
    f.throw(KeyError("after end"))
except KeyError as e:
    print("throw into finished generator re-raises:", repr(e))
def throw_type_only():
    try:
        yield
    except Exception as e:
        yield type(e).__name__, e.args
t = throw_type_only()
next(t)
print(t.throw(TypeError))
t2 = throw_type_only()
next(t2)
print(t2.throw(IndexError("with", "args")))
def yields_none():
    yield
    yield None
print(list(yields_none()))
