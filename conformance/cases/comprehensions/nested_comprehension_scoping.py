# Name binding inside nested comprehensions and their interaction with classes and lambdas.
x = "outer"
res = [[x for x in range(2)] for _ in range(2)]
print(res, x)
def f():
    y = 3
    return [[y * i for i in range(j)] for j in range(3)]
print(f())
class C:
    n = 2
    vals = [i for i in range(3)]
    try:
        bad = [n * i for i in range(3)]
    except NameError as e:
        bad = str(e)
    ok = (lambda n=n: [n * i for i in range(3)])()
print(C.vals, C.bad, C.ok)
fs = [(lambda: i) for i in range(3)]
print([f() for f in fs])
fs2 = [(lambda i=i: i) for i in range(3)]
print([f() for f in fs2])
print([(a, b) for a, b in [(1, 2), (3, 4)]], [a for a, *rest in [(1, 2, 3)]])
try:
    [undefined_in_comp for _ in range(1)]
except NameError as e:
    print("NameError:", e)
