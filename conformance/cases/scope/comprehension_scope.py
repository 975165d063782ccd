# Comprehensions have their own scope; the first iterable is evaluated outside.
x = 10
print([x for x in range(3)], x)
print({x: x for x in 'ab'}, x)
y = [1, 2]
print(list(i * 2 for i in y))
def f():
    n = 5
    return [n * i for i in range(3)]
print(f())
class A:
    data = [1, 2, 3]
    doubled = [v * 2 for v in data]
print(A.doubled)
gen = (i for i in range(3))
print(next(gen), list(gen))
z = 'outer'
res = [[z for _ in range(1)] for z in 'ab']
print(res, z)
print([(a, b) for a in range(3) for b in range(a)])
funcs = [lambda: i for i in range(3)]
print([f() for f in funcs])
print('i' in dir())
