import _random
r = _random.Random(42)
print(r.random(), r.random(), r.getrandbits(70), r.getrandbits(0))
s = r.getstate()
print(len(s), s[-1])
a = r.random()
r.setstate(s)
print(a == r.random())
r.seed(12345678901234567890)
print(r.random())
r.seed(-5)
print(r.random())
r.seed(3.5)
print(r.random())
class R(_random.Random):
    def __init__(self, x):
        self.seed(x)
        self.gauss_next = None
    def double(self):
        return 2 * self.random()
q = R(42)
print(q.double(), q.gauss_next, type(q).__name__, isinstance(q, _random.Random))
try:
    r.getrandbits(-1)
except ValueError as e:
    print(e)
try:
    r.setstate((1, 2))
except ValueError as e:
    print(e)
try:
    r.seed([])
except TypeError as e:
    print(e)
print(0 <= _random.Random().random() < 1)
