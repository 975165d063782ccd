# LEGB lookup: local, enclosing, global, builtin; shadowing builtins.
x = "global"
def f():
    x = "local"
    return x
def g():
    return x
print(f(), g())
len = lambda s: "shadowed"
print(len("abc"))
del len
print(len("abc"))
import builtins
print(builtins.len is len)
def h():
    return max([1, 5, 3])
max = min
print(h())
del max
print(h())
def unbound():
    print(y)
    y = 1
try:
    unbound()
except UnboundLocalError as e:
    print(type(e).__name__, isinstance(e, NameError), e)
def undefined():
    return zzz
try:
    undefined()
except NameError as e:
    print(type(e).__name__, e)
