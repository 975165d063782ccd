# Default behaviour inherited from object: __eq__, __ne__, __str__, __format__, __dir__, __reduce__.
class Plain:
    pass
p = Plain()
print("str falls back to repr:", str(p) == repr(p))
print("repr format:", repr(p).startswith("<__main__.Plain object at "))
print("format empty spec:", format(p, "") == str(p))
try:
    format(p, "d")
except TypeError as e:
    print("format nonempty spec:", e)
print("eq NotImplemented:", p.__eq__(Plain()), p.__eq__(p))
print("ne:", p.__ne__(p), p.__ne__(Plain()))
print("lt NotImplemented:", p.__lt__(p))

class WithDir:
    def __dir__(self):
        return ["b", "a", "c"]
print("custom __dir__ sorted:", dir(WithDir()))
class BadDir:
    def __dir__(self):
        return 5
try:
    dir(BadDir())
except TypeError as e:
    print("bad __dir__:", type(e).__name__)
print("dir of instance includes attrs:", all(n in dir(p) for n in ["__eq__", "__class__", "__init__"]))

class Attrs:
    cls_attr = 1
    def __init__(self):
        self.inst_attr = 2
names = dir(Attrs())
print("dir has class & instance attr:", "cls_attr" in names, "inst_attr" in names, names == sorted(names))
print("vars:", vars(Attrs()))
try:
    vars(5)
except TypeError as e:
    print("vars(int):", e)

class S:
    def __str__(self):
        return "S!"
print("print uses __str__:", S(), [S()][0].__str__(), "list uses repr:", "S!" not in repr([S()]))
class BadStr:
    def __str__(self):
        return 3
try:
    str(BadStr())
except TypeError as e:
    print("bad __str__:", e)
class BadRepr:
    def __repr__(self):
        return None
try:
    repr(BadRepr())
except TypeError as e:
    print("bad __repr__:", e)
print("object attrs:", object().__class__.__name__, hasattr(object(), "__dict__"))
try:
    object().x = 1
except AttributeError as e:
    print("object() setattr:", e)
