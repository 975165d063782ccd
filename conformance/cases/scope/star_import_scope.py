# Module-level names from builtins, globals() mutation, and __builtins__ fallback order.
import builtins
def uses_print():
    return print.__name__
print(uses_print())
globals()["print"] = lambda *a: builtins.print("shadowed:", *a)
print("hello")
del globals()["print"]
print("restored")
def local_shadow():
    len = 5
    return len
print(local_shadow(), len("abc"))
def uses_builtin_after_global():
    global len
    len = lambda x: "global len"
    return len([])
print(uses_builtin_after_global())
del len
print(len([1, 2]))
