# Specialized paths (name caches, the type attribute cache, int/float
# arithmetic) must fall back when their guards fail: each site below is
# warmed in a loop, then its guard is invalidated and the site runs again.

# Module-level names (LoadName/StoreName caches).
total = 0
for i in range(5):
    total += i
print("total", total)
total = "reset"
for i in range(2):
    total = total + "!"
print(total)
newname = 1           # adds a key: every cached site must revalidate
print(total, newname)
del newname
try:
    print(newname)
except NameError as e:
    print("NameError:", e)

# A builtin shadowed by a module global, then unshadowed.
out = []
for k in range(3):
    if k == 1:
        len = lambda s: -1
    if k == 2:
        del len
    out.append(len("abc"))
print(out)

# Class attribute reassigned after warm-up.
class C:
    scale = 2
    def f(self, x):
        return x * self.scale
c = C()
r = []
for k in range(4):
    if k == 2:
        C.scale = 10
    r.append(c.f(k))
print(r)

# Method monkeypatched on the class, then shadowed on the instance.
r = []
for k in range(6):
    if k == 2:
        C.f = lambda self, x: ("patched", x)
    if k == 4:
        c.f = lambda x: ("instance", x)
    r.append(c.f(k))
print(r)

# A property added after warm-up wins over the instance dict.
class P:
    def __init__(self):
        self.v = 1
p = P()
r = []
for k in range(4):
    if k == 2:
        P.v = property(lambda self: "prop")
    r.append(p.v)
print(r)

# A method inherited, then overridden in the subclass, then in the base.
class Base:
    def who(self):
        return "base"
class Sub(Base):
    pass
s = Sub()
r = []
for k in range(6):
    if k == 2:
        Sub.who = lambda self: "sub"
    if k == 4:
        del Sub.who
        Base.who = lambda self: "base2"
    r.append(s.who())
print(r)

# __bases__ changed after warm-up.
class A1:
    def m(self):
        return "A1"
class A2:
    def m(self):
        return "A2"
class D(A1):
    pass
d = D()
r = []
for k in range(4):
    if k == 2:
        D.__bases__ = (A2,)
    r.append(d.m())
print(r)

# __class__ assignment after warm-up.
class E1:
    def m(self):
        return "E1"
class E2:
    def m(self):
        return "E2"
e = E1()
r = []
for k in range(4):
    if k == 2:
        e.__class__ = E2
    r.append(e.m())
print(r)

# __getattribute__ added after warm-up.
class G:
    def __init__(self):
        self.a = "a"
g = G()
r = []
for k in range(4):
    if k == 2:
        G.__getattribute__ = lambda self, n: "hooked " + n
    r.append(g.a)
print(r)

# int -> float -> big int -> user type at one arithmetic site.
class Num:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        return Num(self.v + o)
    def __lt__(self, o):
        return self.v < o
    def __repr__(self):
        return f"Num({self.v})"
def add1(x):
    return x + 1
def less(x):
    return x < 3
vals = [1, 2, 2.5, 2 ** 60, -7, Num(1), True, 1.5]
print([add1(v) for v in vals])
print([less(v) for v in vals])
acc = 0
for v in [1, 2.0, 3, 10 ** 20, Num(0)]:
    acc += 1
    acc = acc + v if not isinstance(v, Num) else v + acc
print(acc)
try:
    add1("s")
except TypeError as e:
    print("TypeError:", e)
x = 2 ** 48
for k in range(4):
    x = x + x           # leaves the immediate range
print(x, 7 // 2, -7 // 2, 7 % -3, 1 / 4, 2 ** -1)

# A global function swapped after warm-up (LoadGlobal in a function).
def helper():
    return "one"
def call_helper():
    return helper()
r = []
for k in range(4):
    if k == 2:
        def helper():
            return "two"
    r.append(call_helper())
print(r)

# Class body names (LoadName with locals != globals).
y = "global y"
class Body:
    y = "class y"
    seen = []
    for k in range(3):
        seen.append(y)
        if k == 1:
            del y
print(Body.seen)

# Class calls whose __init__ runs in a frame of the dispatch loop.
class Pt:
    def __init__(self, x, y=0):
        self.x = x
        self.y = y
pts = [Pt(i) for i in range(3)] + [Pt(1, 2), Pt(x=5), Pt(*(7, 8))]
print([(p.x, p.y) for p in pts])
try:
    Pt()
except TypeError as e:
    print("TypeError:", e)
try:
    Pt(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)
class BadInit:
    def __init__(self, r):
        return r
for r in (None, 0, "x"):
    try:
        print(type(BadInit(r)).__name__)
    except TypeError as e:
        print("TypeError:", e)
class Raises:
    def __init__(self, fail):
        if fail:
            raise ValueError("init failed")
        self.ok = True
for fail in (False, True, False):
    try:
        print(Raises(fail).ok)
    except ValueError as e:
        print("ValueError:", e)
# __new__ and __init__ replaced after warm-up; a metaclass __call__.
class Late:
    def __init__(self):
        self.tag = "init"
r = []
for k in range(6):
    if k == 2:
        Late.__init__ = lambda self: setattr(self, "tag", "init2")
    if k == 4:
        def new(cls):
            o = object.__new__(cls)
            o.tag = "new"
            return o
        Late.__new__ = new
        del Late.__init__
    r.append(Late().tag)
print(r)
class Meta(type):
    def __call__(cls, *a):
        return ("meta", a)
class WithMeta(metaclass=Meta):
    def __init__(self, a):
        self.a = a
print(WithMeta(1))
class GenInit:
    def __init__(self):
        yield 1
try:
    GenInit()
except TypeError as e:
    print("TypeError:", e)
class Deep:
    def __init__(self, n):
        self.child = Deep(n - 1) if n else None
d = Deep(50)
depth = 0
while d is not None:
    depth += 1
    d = d.child
print("depth", depth)
def one_default(a=1):
    return a
try:
    one_default(1, 2)
except TypeError as e:
    print("TypeError:", e)

# Attribute stores after warm-up: __setattr__ added, a property with a
# setter added, __slots__ instances, names stored through __dict__.
class S:
    pass
s = S()
log = []
for k in range(4):
    if k == 2:
        S.__setattr__ = lambda self, n, v: log.append((n, v))
    s.val = k
print(s.val, log)
class Q:
    pass
q = Q()
for k in range(4):
    if k == 2:
        Q.val = property(lambda self: "got", lambda self, v: log.append(("prop", v)))
    q.val = k
    log.append(q.val)
print(log[-4:])
class Slotted:
    __slots__ = ("a",)
sl = Slotted()
for k in range(3):
    sl.a = k
print(sl.a)
try:
    sl.b = 1
except AttributeError as e:
    print("AttributeError:", e)
class W:
    def m(self):
        return "class m"
w = W()
r = []
for k in range(4):
    if k == 2:
        w.__dict__["m"] = lambda: "dict m"
    r.append(w.m())
print(r)
try:
    w.missing
except AttributeError as e:
    print("AttributeError:", e)
class GA:
    def __getattr__(self, n):
        return "fallback " + n
ga = GA()
print(ga.x, ga.y)
ga.x = 1
print(ga.x)
