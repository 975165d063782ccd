# yield as an expression: precedence, yield in arguments, bare yield, yield inside lambdas.
def g():
    x = yield
    print("received", x)
    y = (yield x) + 1
    print("y =", y)
    z = yield y, "pair"
    print("z =", z)
    print("nested", (yield (yield "inner")))
gen = g()
print(next(gen))
print(gen.send("first"))
print(gen.send(10))
print(gen.send("third"))
print(gen.send("to inner"))
try:
    gen.send("to outer")
except StopIteration:
    print("finished")
def args_gen():
    print("sum is", sum([(yield 1), (yield 2)]))
a = args_gen()
print(next(a), a.send(10))
try:
    a.send(20)
except StopIteration:
    pass
lam = lambda: (yield "from lambda")
print(list(lam()))
