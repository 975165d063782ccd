# Writing to locals() or exec() inside a function does not create or change fast locals.
def f():
    x = 1
    locals()["x"] = 2
    locals()["new_name"] = 3
    return x, "new_name" in locals()
print(f())
def g():
    exec("y = 10")
    try:
        return y
    except NameError as e:
        return "NameError: " + str(e)
print(g())
def h():
    ns = {}
    exec("z = 5", globals(), ns)
    return ns["z"]
print(h())
def k():
    v = "local"
    return eval("v"), eval("v", {"v": "from globals"}), eval("v", {}, {"v": "from locals"})
print(k())
class C:
    locals()["injected"] = "class namespace is a real dict"
print(C.injected)
