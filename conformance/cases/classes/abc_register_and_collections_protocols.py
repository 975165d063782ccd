# Implementing collections.abc interfaces gives mixin methods; missing abstract methods block instantiation.
from collections.abc import Sequence, MutableMapping, Set, Iterator
class Squares(Sequence):
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(self.n))]
        if not -self.n <= i < self.n:
            raise IndexError(i)
        return (i % self.n) ** 2
s = Squares(5)
print("Sequence mixins:", list(s), 9 in s, s.index(16), s.count(4), list(reversed(s)), s[1:4])
class Store(MutableMapping):
    def __init__(self):
        self.d = {}
    def __getitem__(self, k): return self.d[k.lower()]
    def __setitem__(self, k, v): self.d[k.lower()] = v
    def __delitem__(self, k): del self.d[k.lower()]
    def __iter__(self): return iter(self.d)
    def __len__(self): return len(self.d)
st = Store()
st["A"] = 1
st.update(B=2)
print("MutableMapping mixins:", dict(st.items()), st.get("a"), st.setdefault("C", 3), st.pop("b"), "c" in st, len(st))
class Evens(Set):
    def __init__(self, it): self.items = {x for x in it if x % 2 == 0}
    def __contains__(self, x): return x in self.items
    def __iter__(self): return iter(sorted(self.items))
    def __len__(self): return len(self.items)
e = Evens(range(10))
print("Set mixins:", sorted(e & {2, 3, 4}), e <= Evens(range(20)), e.isdisjoint([1, 3]), type(e | Evens([12])).__name__)
class Countdown(Iterator):
    def __init__(self, n): self.n = n
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n
print("Iterator mixin __iter__:", list(Countdown(3)))
class Incomplete(Sequence):
    def __len__(self): return 0
try:
    Incomplete()
except TypeError as e:
    print("missing abstract:", e)
