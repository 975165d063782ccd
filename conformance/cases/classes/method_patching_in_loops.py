# Behaviour changes while a loop runs: method replacement, __class__ change, new class attrs, deleting overrides.
class A:
    def f(self):
        return "A.f"
class B:
    def f(self):
        return "B.f"
obj = A()
seen = []
for i in range(12):
    if i == 3:
        A.f = lambda self: "patched"
    if i == 6:
        obj.__class__ = B
    if i == 8:
        obj.f = lambda: "instance attr (not bound)"
    if i == 10:
        del obj.f
    seen.append(obj.f())
print(seen)
class Counter:
    step = 1
c = Counter()
total = 0
for i in range(10):
    if i == 5:
        Counter.step = 10
    total += c.step
print("class attribute changed mid-loop:", total)
class P:
    @property
    def v(self):
        return 1
p = P()
vals = []
for i in range(6):
    if i == 3:
        P.v = property(lambda self: 2)
    if i == 5:
        del P.v
        P.v = 3
    vals.append(p.v)
print("property replaced, then plain attr:", vals)
class Base:
    def g(self):
        return "Base.g"
class Sub(Base):
    def g(self):
        return "Sub.g"
s = Sub()
out = []
for i in range(4):
    if i == 2:
        del Sub.g
    out.append(s.g())
print("deleting override falls back to base:", out)
