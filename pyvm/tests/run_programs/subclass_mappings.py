# Subclasses of dict, set and frozenset.

class D(dict):
    pass

d = D(a=1, b=2)
d["c"] = 3
d.tag = "t"
print(d, len(d), d["a"], "b" in d, list(d), d.keys(), d.get("z", 0), d.tag)
print(isinstance(d, dict), type(d).__name__, dict(d), dict(**d), {**d, "e": 5}, d == {"a": 1, "b": 2, "c": 3})
print(sorted(d.items()), d.pop("a"), d, d.setdefault("q", 9), d.copy(), type(d.copy()).__name__)
d.update({"z": 26}, y=25)
print(d, repr(d), str(d))


class Counter(dict):
    def __missing__(self, key):
        return 0

    def update(self, iterable):
        for x in iterable:
            self[x] += 1

    def most_common(self):
        return sorted(self.items(), key=lambda kv: (-kv[1], kv[0]))

    def __repr__(self):
        return "Counter(" + dict.__repr__(self) + ")"


c = Counter()
c.update("abracadabra")
print(c, c["a"], c["zzz"], "zzz" in c, c.most_common()[:3], len(c))


class OrderedDict(dict):
    def __init__(self, *args, **kw):
        self._order = []
        super().__init__()
        self.update(*args, **kw)

    def __setitem__(self, key, value):
        if key not in self:
            self._order.append(key)
        super().__setitem__(key, value)

    def __delitem__(self, key):
        super().__delitem__(key)
        self._order.remove(key)

    def __iter__(self):
        return iter(self._order)

    def update(self, *args, **kw):
        for k, v in dict(*args, **kw).items():
            self[k] = v

    def keys(self):
        return list(self)

    def move_to_end(self, key):
        self._order.remove(key)
        self._order.append(key)

    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            return dict.__eq__(self, other) and list(self) == list(other)
        return dict.__eq__(self, other)

    def __repr__(self):
        return "OrderedDict(%r)" % ([(k, self[k]) for k in self],)


od = OrderedDict(b=2, a=1)
od["c"] = 3
od.move_to_end("b")
print(od, list(od), od.keys(), len(od), od["a"])
del od["a"]
print(od, od == {"c": 3, "b": 2}, od == OrderedDict(c=3, b=2), od == OrderedDict(b=2, c=3))
print(dict(od), sorted(od))


class AttrDict(dict):
    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name)

    def __setattr__(self, name, value):
        self[name] = value


ad = AttrDict(x=1)
ad.y = 2
print(ad, ad.x, ad.y, ad.__dict__)
try:
    ad.nope
except AttributeError as e:
    print("AttributeError:", e)


class Registry(dict):
    def __init__(self, name):
        super().__init__()
        self.name = name

    def register(self, f):
        self[f.__name__] = f
        return f


reg = Registry("r")


@reg.register
def hello():
    return "hi"


print(reg.name, list(reg), reg["hello"]())


class S(set):
    def add_all(self, *xs):
        for x in xs:
            self.add(x)


s = S([3, 1])
s.add_all(2, 3)
s.note = "n"
print(sorted(s), len(s), 2 in s, s == {1, 2, 3}, s | {9}, type(s | {9}).__name__, s.note, isinstance(s, set))
print(sorted(s & {1, 2}), s.issubset({1, 2, 3, 4}), S(), bool(S()))


class FS(frozenset):
    def __new__(cls, *items):
        return super().__new__(cls, items)


f = FS(1, 2, 2)
print(sorted(f), len(f), f == frozenset({1, 2}), hash(f) == hash(frozenset({1, 2})), {f: 1}[frozenset({1, 2})])
print(type(f).__name__, isinstance(f, frozenset), FS())


class Hashed(dict):
    def __hash__(self):
        return 42


print(hash(Hashed()), {Hashed(): 1} != {}, Hashed(a=1) == {"a": 1})
try:
    hash(D())
except TypeError as e:
    print("TypeError:", e)


class RevDict(dict):
    def __reversed__(self):
        return iter(["custom"])


print(list(reversed(RevDict(a=1))), list(reversed(D(a=1, b=2))), list(reversed(OrderedCollection_like := [1, 2])))
print(list(reversed(od)), list(reversed(Counter(x=1))))
