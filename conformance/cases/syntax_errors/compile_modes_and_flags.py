# compile() modes and flags: single mode prints expression values, dont_inherit, PyCF_ONLY_AST.
import ast
code = compile("1 + 1\n", "<single>", "single")
exec(code)
exec(compile("None\n", "<single>", "single"))
tree = compile("x = 1 + 2", "<ast>", "exec", flags=ast.PyCF_ONLY_AST)
print(type(tree).__name__, ast.dump(tree.body[0].value))
print(eval(compile(ast.fix_missing_locations(ast.Expression(body=ast.Constant(value=42))), "<ast>", "eval")))
try:
    compile(ast.Expression(body=ast.Constant(value=42)), "<ast>", "eval")
except TypeError as e:
    print("TypeError:", e)
try:
    compile(ast.fix_missing_locations(ast.Expression(body=ast.Name(id="x", ctx=ast.Store()))), "<bad>", "eval")
except (ValueError, SyntaxError, TypeError) as e:
    print(type(e).__name__ + ":", e)
try:
    compile("await x", "<top>", "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
    print("top-level await allowed with the flag")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
print(compile("pass", "<f>", "exec").co_filename, compile("pass", "name.py", "exec").co_name)
