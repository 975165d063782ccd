# exec, eval, compile, globals, locals, vars
import builtins

x = 10
print(eval("x * 2"), eval("  x + 1"))
print(eval("a + b", {"a": 1, "b": 2}))
print(eval("a + b", {"a": 1}, {"b": 5}))
ns = {}
exec("y = 3\ndef g(n):\n    return n + y\nz = g(4)", ns)
print(ns["y"], ns["z"], "__builtins__" in ns)
exec("w = x + 1")
print(w)

code = compile("q = 6 * 7", "<mine>", "exec")
exec(code)
print(q)
print(eval(compile("x - 1", "<e>", "eval")))
c = compile("1 + 1", "f.py", "single")
print(type(c).__name__)


def f(a, b=2):
    c = a + b
    return sorted(locals().items())


print(f(1))


def outer():
    v = 1

    def inner():
        return v + 1

    return sorted(locals())


print(outer())
print(globals()["x"], globals() is vars())
print(vars(builtins) is builtins.__dict__)
print(builtins.len("abc"), builtins is __builtins__)


class K:
    a = 1

    def m(self):
        pass


print(sorted(k for k in vars(K) if not k.startswith("__")))
k = K()
k.z = 5
print(vars(k))

for src, kind in [
    ("exec(1)", "exec"),
    ("eval(1)", "eval"),
    ("exec('x', [])", "exec"),
    ("eval('x', [])", "eval"),
    ("eval('x', {}, 1)", "eval"),
    ("compile('x', 'f', 'bad')", "compile"),
    ("compile(1, 'f', 'exec')", "compile"),
    ("vars(1)", "vars"),
    ("locals(1)", "locals"),
    ("eval()", "eval"),
    ("eval('undefined_name')", "eval"),
]:
    try:
        eval(src)
    except Exception as e:
        print(kind, type(e).__name__, e)

for bad in ["1 +", "def", "a b", "x = (1,\n 2 +"]:
    try:
        compile(bad, "fn.py", "exec")
    except SyntaxError as e:
        print(type(e).__name__, e, "|", e.msg, e.filename, e.lineno, e.offset)

try:
    exec("if True:\nprint(1)")
except IndentationError as e:
    print("IndentationError", e.msg, e.lineno)
try:
    eval("1/0")
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)


class Mapping:
    def __getitem__(self, k):
        if k == "magic":
            return 99
        raise KeyError(k)


print(eval("magic + 1", {}, Mapping()))


def scope():
    a = 1
    b = 2
    return dir()


print(scope(), __file__.endswith("sysio_exec_eval.py"), __name__)
print([n for n in dir(K) if not n.startswith("__")], "z" in dir(k))
try:
    input("a", "b")
except TypeError as e:
    print(e)
