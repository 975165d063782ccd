# exec/eval with explicit globals and locals dictionaries.
g = {'a': 1}
exec("b = a + 1", g)
print(g['b'], '__builtins__' in g)
l = {}
exec("c = 10\nd = c * 2", {}, l)
print(sorted(l.items()))
print(eval("x * y", {'x': 3}, {'y': 4}))
print(eval("len('abc')", {}))
try:
    eval("open", {'__builtins__': {}})
except NameError as e:
    print("NameError:", e)
ns = {}
exec("def f():\n    return secret\nsecret = 'found'", ns)
print(ns['f']())
def func():
    local_v = 5
    return eval("local_v + 1")
print(func())
code = compile("q = 2 ** 10", "<str>", "exec")
space = {}
exec(code, space)
print(space['q'])
print(eval(compile("1 + 2", "<e>", "eval")))
try:
    eval("x = 1")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
