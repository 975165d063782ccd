# __init__ is an ordinary method: calling it again re-initialises; object.__new__ without __init__; __init__ inheritance.
class Counter:
    def __init__(self, start=0):
        self.value = start
        self.inits = getattr(self, "inits", 0) + 1
c = Counter(5)
c.__init__(10)
print("re-init:", c.value, c.inits)
bare = Counter.__new__(Counter)
print("__new__ without __init__:", vars(bare), hasattr(bare, "value"))
Counter.__init__(bare, 3)
print("manual __init__:", bare.value, bare.inits)
class Child(Counter):
    pass
print("inherited __init__:", Child(7).value)
class NoSuper(Counter):
    def __init__(self):
        self.extra = True
n = NoSuper()
print("overriding without super() skips parent init:", vars(n))
class WithSuper(Counter):
    def __init__(self):
        super().__init__(42)
        self.extra = True
print("with super():", sorted(vars(WithSuper()).items()))
l = [1, 2]
list.__init__(l, "ab")
print("list.__init__ re-initialises contents:", l)
d = {"x": 1}
dict.__init__(d, y=2)
print("dict.__init__ updates:", d)
try:
    object.__init__(c, 1)
except TypeError as e:
    print("object.__init__ with args:", e)
