# globals(), locals(), vars(), dir() in module, function and class scopes.
top = 1
g = globals()
print("module globals has names:", "top" in g, g["__name__"], g is globals())
print("module locals is globals:", locals() is globals())
def f(a, b=2):
    c = a + b
    return sorted(locals())
print("function locals:", f(1))
def writes():
    x = 1
    locals()["x"] = 99
    return x
print("writing locals() does not change function variable:", writes())
class K:
    attr = 1
    names = sorted(n for n in locals() if not n.startswith("__"))
print("class body locals:", K.names)
print("vars(obj):", vars(type("T", (), {"q": 1})()), sorted(k for k in vars(K) if not k.startswith("__")))
print("vars() == locals() at module:", vars() is locals())
try:
    vars(1)
except TypeError as e:
    print("vars(1):", e)
try:
    vars(1, 2)
except TypeError as e:
    print("vars(1, 2):", e)
def d():
    y = 1
    return dir()
print("dir() in function:", d())
print("dir(module-like) sorted:", dir(type("M", (), {"b": 1, "a": 2}))[-2:])
print("dir(int) contains:", all(n in dir(int) for n in ("__add__", "bit_length", "real")))
globals()["injected"] = "yes"
print("globals() is writable:", injected)
