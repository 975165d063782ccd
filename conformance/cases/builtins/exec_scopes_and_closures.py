# exec/eval with separate globals/locals: where assignments go, functions defined in exec, closures.
g = {"x": 10}
l = {}
exec("y = x + 1\ndef f():\n    return x\nz = f()", g, l)
print("locals got assignments:", sorted(l), "globals unchanged keys:", sorted(k for k in g if k != "__builtins__"))
print("function defined in exec sees globals:", l["f"](), l["z"])
code = "def adder(n):\n    def add(m):\n        return n + m\n    return add\nresult = adder(5)(6)"
ns = {}
exec(code, ns)
print("closure inside exec:", ns["result"])
try:
    exec("def g():\n    return y\nout = g()", {}, {"y": 1})
except NameError as e:
    print("function body can't see exec locals:", e)
print("eval expression with locals mapping:", eval("a * b", {}, {"a": 6, "b": 7}))
class Mapping:
    def __getitem__(self, k):
        if k == "magic":
            return 99
        raise KeyError(k)
print("custom mapping as locals:", eval("magic + 1", {}, Mapping()))
def run():
    v = 1
    exec("v = 2")
    return v
print("exec cannot rebind function locals:", run())
print("exec returns None even for expression:", exec("1 + 1"))
try:
    print("comprehension in eval sees separate locals:", eval("[n * k for n in range(3)]", {}, {"k": 10}))
except NameError as e:
    print("comprehension in eval cannot see separate locals (3.11):", e)
print("but it sees globals:", eval("[n * k for n in range(3)]", {"k": 10}))
