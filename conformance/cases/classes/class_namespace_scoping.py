# Class body scoping: class variables are not visible in nested function scopes.
x = "global"
class C:
    x = "class"
    y = x + "-derived"
    def method(self):
        return x
    comp = [x for _ in range(1)]
    lam = (lambda: x)()
print("class body sees class var:", C.y)
print("method sees global:", C().method())
print("comprehension sees global:", C.comp)
print("lambda sees global:", C.lam)

def outer():
    v = "enclosing"
    class K:
        w = v
        def m(self):
            return v
    return K
K = outer()
print("class body reads enclosing:", K.w, K().m())

def outer2():
    v = "enclosing"
    class K2:
        v = "class-level"
        def m(self):
            return v
    return K2
print("method skips class scope:", outer2()().m(), outer2().v)

class Order:
    b = 1
    a = 2
    def z(self): pass
    c = 3
print("definition order kept:", [k for k in Order.__dict__ if not k.startswith("__")])

class Counter:
    n = 0
    def inc(self):
        self.n += 1
c1, c2 = Counter(), Counter()
c1.inc(); c1.inc()
print("instance shadowing class attr:", c1.n, c2.n, Counter.n)

class Shared:
    items = []
s1, s2 = Shared(), Shared()
s1.items.append(1)
print("mutable class attr shared:", s2.items)

class Mangle:
    __secret = 1
    def get(self):
        return self.__secret
print("name mangling:", Mangle().get(), hasattr(Mangle, "_Mangle__secret"), hasattr(Mangle, "__secret"))
class Sub(Mangle):
    def peek(self):
        try:
            return self.__secret
        except AttributeError as e:
            return "AttributeError: " + str(e)
print("subclass mangles own name:", Sub().peek())
