# __len__, __getitem__, __contains__, __iter__, __reversed__, __bool__ and fallbacks.
class Seq:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
    def __getitem__(self, i):
        if isinstance(i, slice):
            return ("slice", i.start, i.stop, i.step)
        if i >= self.n:
            raise IndexError(i)
        return i * i

s = Seq(4)
print("len:", len(s))
print("iter via getitem:", list(s))
print("in via iteration:", 9 in s, 10 in s)
print("reversed via len+getitem:", list(reversed(s)))
print("slice:", s[1:3], s[::2], s[:])
print("bool via len:", bool(Seq(0)), bool(Seq(1)))

class BadLen:
    def __len__(self):
        return -1
try:
    len(BadLen())
except ValueError as e:
    print("negative len:", e)
class FloatLen:
    def __len__(self):
        return 1.5
try:
    len(FloatLen())
except TypeError as e:
    print("float len:", e)

class Box:
    def __contains__(self, x):
        return x == "key"
print("contains:", "key" in Box(), "no" in Box(), "no" not in Box())

class Truth:
    def __bool__(self):
        return 0
try:
    bool(Truth())
except TypeError as e:
    print("bool returns int:", e)

class Both:
    def __bool__(self):
        return True
    def __len__(self):
        return 0
print("__bool__ wins over __len__:", bool(Both()))

class NotIter:
    __iter__ = None
try:
    iter(NotIter())
except TypeError as e:
    print("__iter__ = None:", e)
try:
    iter(5)
except TypeError as e:
    print("iter int:", e)

class Map:
    def __getitem__(self, k):
        raise KeyError(k)
try:
    list(Map())
except KeyError as e:
    print("KeyError during iteration propagates:", repr(e))
