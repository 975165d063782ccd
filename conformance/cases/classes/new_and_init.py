# __new__ and __init__ interplay.
log = []
class A:
    def __new__(cls, *args, **kw):
        log.append(("new", cls.__name__, args))
        return super().__new__(cls)
    def __init__(self, x):
        log.append(("init", x))
        self.x = x

a = A(3)
print(log, a.x)
log.clear()

class ReturnsOther:
    def __new__(cls):
        return 42
    def __init__(self):
        print("never printed")
print("__new__ returning other type skips __init__:", ReturnsOther())

class Singleton:
    _inst = None
    def __new__(cls):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst
    def __init__(self):
        log.append("init again")
s1, s2 = Singleton(), Singleton()
print("singleton same:", s1 is s2, "init count:", log.count("init again"))

class BadInit:
    def __init__(self):
        return 5
try:
    BadInit()
except TypeError as e:
    print("init returns value:", e)

class NoArgs:
    pass
try:
    NoArgs(1)
except TypeError as e:
    print("object takes no args:", e)
try:
    object(1)
except TypeError as e:
    print("object(1):", e)

class OnlyInit:
    def __init__(self, a):
        self.a = a
print("object.__new__ tolerates args when __init__ overridden:", OnlyInit(5).a)

class IntSub(int):
    def __new__(cls, v):
        return super().__new__(cls, v * 2)
print("immutable subclass via __new__:", IntSub(21), type(IntSub(1)).__name__)

class TupleSub(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))
t = TupleSub(1, 2)
print("tuple subclass:", t, len(t), isinstance(t, tuple))
try:
    A.__new__(int)
except TypeError as e:
    print("__new__ wrong class:", type(e).__name__)
