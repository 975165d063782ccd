# Code runs with the builtins its globals' __builtins__ names.
import builtins

ns = {"__builtins__": {"len": lambda x: 42}}
exec("result = len('abc')", ns)
print(ns["result"])
for src in ["open", "len('x')", "print"]:
    try:
        eval(src, {"__builtins__": {}})
    except NameError as e:
        print("NameError:", e)
# A module as __builtins__, and functions defined by the exec'd code keep
# their globals' builtins when called later.
g = {"__builtins__": builtins}
exec("def f(): return len([1, 2])", g)
print(g["f"]())
h = {"__builtins__": {"len": lambda x: -1}}
exec("def f():\n    return len([1, 2])\n", h)
print(h["f"]())
# Repeated calls go through the caches and stay right.
print([h["f"]() for _ in range(3)], [g["f"]() for _ in range(3)])
print(len("ok"), "__builtins__" in g)
