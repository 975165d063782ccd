# getattr/setattr/hasattr/delattr builtins on various objects, with CPython's errors.
class C:
    x = 1
c = C()
print("getattr:", getattr(c, "x"), getattr(c, "y", "default"), getattr(C, "x"), getattr(1, "real"), getattr("s", "upper")())
setattr(c, "y", 2)
print("setattr/hasattr:", c.y, hasattr(c, "y"), hasattr(c, "zz"), hasattr(C, "y"))
delattr(c, "y")
print("after delattr:", hasattr(c, "y"))
for label, fn in [
    ("getattr(c, 'missing')", lambda: getattr(c, "missing")),
    ("getattr(c)", lambda: getattr(c)),
    ("getattr(c, 1)", lambda: getattr(c, 1)),
    ("getattr(c, 'a', 'b', 'c')", lambda: getattr(c, "a", "b", "c")),
    ("setattr(c, 'a')", lambda: setattr(c, "a")),
    ("setattr(1, 'a', 2)", lambda: setattr(1, "a", 2)),
    ("setattr(c, b'a', 2)", lambda: setattr(c, b"a", 2)),
    ("hasattr(c)", lambda: hasattr(c)),
    ("hasattr(c, None)", lambda: hasattr(c, None)),
    ("delattr(c, 'x')", lambda: delattr(c, "x")),
    ("delattr(str, 'upper')", lambda: delattr(str, "upper")),
    ("getattr(None, 'x')", lambda: getattr(None, "x")),
]:
    try:
        print(label, "->", fn())
    except (TypeError, AttributeError) as e:
        print(label, "->", type(e).__name__ + ":", e)
class S(str):
    pass
setattr(c, S("sub"), "ok")
print("str subclass name:", getattr(c, "sub"))
