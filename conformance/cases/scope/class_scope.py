# Class bodies: their names are not visible in methods or nested comprehensions.
x = "module"
class C:
    x = "class"
    y = x + "!"
    def method(self):
        return x
    names = [x for _ in range(1)]
    lens = [len(n) for n in ("a", "bb")]
print(C.y, C().method(), C.names, C.lens)
def f():
    z = "function"
    class D:
        # z is assigned in this class body, so this lookup skips f's scope.
        try:
            w = z
        except NameError as e:
            w = "NameError: " + str(e)
        z = "class attr"
        def m(self):
            return z
    return D.w, D.z, D().m()
print(f())
class E:
    a = 1
    b = [a * i for i in range(3)] if False else None
    try:
        c = [a for _ in range(1)]
    except NameError as e:
        c = "NameError: " + str(e)
print(E.c)
class F:
    def __init__(self):
        self.v = 1
    def get(self):
        return self.v
    alias = get
print(F().alias())
print(sorted(k for k in vars(C) if not k.startswith('__')))
