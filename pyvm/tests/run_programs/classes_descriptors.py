class A:
    x = 1
    def __init__(self, v):
        self.v = v
    def get(self):
        return self.v
    @property
    def p(self):
        return self.v * 2
    @p.setter
    def p(self, val):
        self.v = val
    @classmethod
    def cm(cls):
        return cls.__name__
    @staticmethod
    def sm(a, b):
        return a + b
class B(A):
    def get(self):
        return super().get() + 100
a = A(3)
print(a.get(), a.p, a.x, A.cm(), a.cm(), a.sm(1, 2), A.sm(3, 4))
a.p = 10
print(a.v, a.p)
b = B(5)
print(b.get(), B.cm(), isinstance(b, A), type(b).__mro__)
print(A, A.__qualname__, B.__module__, type(b).__name__)
class Meta(type):
    def __new__(mcs, name, bases, ns, **kw):
        ns['added'] = 42
        return super().__new__(mcs, name, bases, ns)
    def __call__(cls, *a, **k):
        print("meta call", a, k)
        return super().__call__(*a, **k)
class C(metaclass=Meta):
    def __init__(self, q=0):
        self.q = q
c = C(5)
print(C.added, type(C), c.q)
class E(Exception):
    def __init__(self, msg, code):
        super().__init__(msg)
        self.code = code
try:
    raise E("bad", 3)
except E as e:
    print(e, e.code, e.args)
class P:
    def __init__(self, x): self.x = x
    def __eq__(self, o): return isinstance(o, P) and o.x == self.x
    def __hash__(self): return hash(self.x)
d = {P(1): 'one'}
print(d[P(1)], P(1) in {P(1), P(2)})
class S:
    __slots__ = ('a', 'b')
s = S()
s.a = 1
try:
    s.c = 3
except AttributeError as e:
    print(e)
try:
    s.b
except AttributeError as e:
    print(e)
print(s.a, hasattr(s, '__dict__'))
class G:
    def __getattr__(self, n): return n * 2
print(G().abc)
X = type('X', (A,), {'y': 5})
print(X(1).y, X.__name__, X(2).get())
