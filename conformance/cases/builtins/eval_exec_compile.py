# eval, exec, compile: namespaces, modes, return values and errors.
print("eval:", eval("1 + 2"), eval("x * 2", {"x": 21}), eval("y", {}, {"y": "local"}))
ns = {}
print("exec returns None:", exec("a = 5\ndef f(): return a + 1", ns))
print("exec namespace:", ns["a"], ns["f"](), "__builtins__" in ns)
code = compile("3 * 7", "<expr>", "eval")
print("compile eval:", eval(code), code.co_filename)
code2 = compile("z = 10\nw = z + 1", "<block>", "exec")
g = {}
exec(code2, g)
print("compile exec:", g["z"], g["w"])
single = compile("1 + 1", "<single>", "single")
print("single mode prints repr:")
exec(single)
print("eval with builtins removed:", end=" ")
try:
    eval("len('x')", {"__builtins__": {}})
except NameError as e:
    print("NameError:", e)
for label, fn in [
    ("eval('1 +')", lambda: eval("1 +")),
    ("eval('x = 1')", lambda: eval("x = 1")),
    ("eval(5)", lambda: eval(5)),
    ("exec('raise ValueError(1)')", lambda: exec("raise ValueError('from exec')")),
    ("compile('x', 'f', 'bad')", lambda: compile("x", "f", "bad")),
    ("eval('undefined_name')", lambda: eval("undefined_name")),
    ("eval('1', [])", lambda: eval("1", [])),
    ("exec('1', {}, 5)", lambda: exec("1", {}, 5)),
]:
    try:
        print(label, "->", fn())
    except (SyntaxError, TypeError, ValueError, NameError) as e:
        print(label, "->", type(e).__name__ + ":", e)
print("eval sees enclosing globals by default:", eval("__name__"))
def scope():
    local_v = 3
    return eval("local_v + 1")
print("eval sees caller locals:", scope())
print("eval bytes source:", eval(b"2 ** 5"))
