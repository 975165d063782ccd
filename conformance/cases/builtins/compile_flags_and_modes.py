# compile(): modes, dont_inherit, optimize levels affecting assert and __debug__, ast flag.
import ast
code = compile("assert False, 'boom'\nresult = __debug__", "<opt>", "exec", optimize=0)
ns = {}
try:
    exec(code, ns)
except AssertionError as e:
    print("optimize=0 keeps asserts:", e)
code2 = compile("assert False, 'boom'\nresult = __debug__", "<opt>", "exec", optimize=1)
ns2 = {}
exec(code2, ns2)
print("optimize=1 strips asserts, __debug__ is False:", ns2["result"])
tree = compile("x = 1 + 2", "<ast>", "exec", flags=ast.PyCF_ONLY_AST)
print("ast flag:", type(tree).__name__, ast.dump(tree.body[0].value))
print("compile an AST:", eval(compile(ast.fix_missing_locations(ast.Expression(body=ast.Constant(42))), "<a>", "eval")))
c = compile("a + b", "<e>", "eval")
print("code object attrs:", c.co_filename, c.co_name, sorted(c.co_names))
for src, mode in [("x =", "exec"), ("def f(:", "exec"), ("1; 2", "eval"), ("pass\npass", "single")]:
    try:
        compile(src, "<bad>", mode)
    except SyntaxError as e:
        print(repr(src), mode, "->", type(e).__name__, e.msg, e.lineno)
try:
    compile("x", "<f>", "exec", flags=1 << 30)
except ValueError as e:
    print("bad flags:", e)
print("source with null byte:", end=" ")
try:
    compile("x\0", "<n>", "exec")
except (SyntaxError, ValueError) as e:
    print(type(e).__name__, e)
