# Builtins are looked up after globals: shadowing, restoring, and the builtins module.
import builtins
print("len is builtins.len:", len is builtins.len)
def len(x):
    return "shadowed"
print("global shadow wins:", len([1, 2]))
del len
print("after del, builtin again:", len([1, 2]))
def local_shadow():
    list = tuple
    return list("ab")
print("local shadow:", local_shadow(), list("ab"))
original_print = builtins.print
calls = []
def spy(*args, **kw):
    calls.append(args)
    original_print(*args, **kw)
builtins.print = spy
print("through patched builtins.print")
builtins.print = original_print
print("spy saw:", calls)
print("builtins attrs exist:", all(hasattr(builtins, n) for n in ["abs", "min", "zip", "Exception", "True", "None", "__import__"]))
ns = {"__builtins__": {"len": lambda x: 42}}
exec("result = len('abc')", ns)
print("exec with custom __builtins__:", ns["result"])
try:
    exec("open", {"__builtins__": {}})
except NameError as e:
    print("no builtins:", e)
True_ = True
print("True is a keyword, cannot shadow; builtins.True:", getattr(builtins, "True"), True_)
print("__builtins__ in module is the module or its dict:", type(__builtins__).__name__ in ("module", "dict"))
