# lambda: defaults, closures, immediately invoked, in sort keys.
add = lambda a, b=10: a + b
print(add(1), add(1, 2), add.__name__)
print((lambda: 'no args')())
print((lambda *a: sum(a))(1, 2, 3), (lambda **k: sorted(k))(b=1, a=2))
fs = [lambda x, i=i: x + i for i in range(3)]
print([f(10) for f in fs])
late = [lambda x: x + i for i in range(3)]
print([f(10) for f in late])
print(sorted(['bb', 'a', 'ccc'], key=lambda s: -len(s)))
compose = lambda f, g: lambda x: f(g(x))
print(compose(str, lambda x: x * 2)(21))
print((lambda x: (lambda y: x * y))(6)(7))
print(type(add).__name__, add.__code__.co_argcount)
print((lambda: (yield 1))().__class__.__name__)
