# functools.partial: argument merging, attributes, nesting, repr, partialmethod.
from functools import partial, partialmethod
def f(a, b, c=3, *rest, **kw):
    return (a, b, c, rest, sorted(kw.items()))
p = partial(f, 1, c=30)
print("call:", p(2), p(2, c=99), p(2, z=1))
try:
    p(2, 3)
except TypeError as e:
    print("positional clash with stored keyword:", e)
print("attrs:", p.func is f, p.args, p.keywords)
pp = partial(p, 2, d=4)
print("nested flattens:", pp.func is f, pp.args, pp.keywords, pp())
print("repr:", repr(partial(max, 1, key=None)))
try:
    partial()
except TypeError as e:
    print("no func:", e)
try:
    partial(5)
except TypeError as e:
    print("not callable:", e)
class Cell:
    def __init__(self):
        self.alive = False
    def set_state(self, state):
        self.alive = state
    set_alive = partialmethod(set_state, True)
c = Cell()
c.set_alive()
print("partialmethod:", c.alive)
pk = partial(int, base=2)
print("keyword override:", pk("101"), pk("101", base=10))
class Meth:
    p = partial(lambda *a: a, "bound?")
print("partial is not a descriptor:", Meth().p(1))
import pickle
print("picklable:", pickle.loads(pickle.dumps(partial(pow, 2)))(10))
