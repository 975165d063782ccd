# Interaction of return, yield and finally inside generators.
def g1():
    try:
        yield 1
        return "normal"
    finally:
        print("g1 finally")
print(list(g1()))
def g2():
    try:
        yield 1
    finally:
        return "from finally"
gen = g2()
next(gen)
try:
    gen.throw(ValueError("dropped"))
except StopIteration as e:
    print("finally return swallowed the exception:", e.value)
def g3():
    for i in range(3):
        try:
            yield i
        finally:
            print("cleanup", i)
for x in g3():
    print("value", x)
def g4():
    x = yield
    return x * 2
gen = g4()
next(gen)
try:
    gen.send(21)
except StopIteration as e:
    print("returned", e.value)
