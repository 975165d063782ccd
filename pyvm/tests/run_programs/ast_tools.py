# gc-stress-interval: 500
import ast

print(ast.literal_eval("{'a': [1, 2.5, -3, 1+2j], 'b': (None, True, b'x'), 'c': {1, 2}, 'd': set()}"))
print(ast.literal_eval(" -1 - 2j"))
for bad in ["f(x)", "a + b", "[1, x]"]:
    try:
        ast.literal_eval(bad)
    except ValueError as e:
        print("ValueError", str(e).split(" at ")[0])

src = '''
def f(a, b=2):
    """Docstring of f.

    More text.
    """
    return a + b  # comment

class K:
    "K doc"
    def g(self): ...
'''
tree = ast.parse(src)
print(ast.get_docstring(tree.body[0]))
print(ast.get_docstring(tree.body[1]), ast.get_docstring(tree))
print(sorted({type(n).__name__ for n in ast.walk(tree)}))
print([n.name for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.ClassDef))])
print(ast.unparse(tree))
print(ast.unparse(ast.parse("x = (1 if a else 2, f'{b!r:>{w}}', lambda *a, **k: -a ** 2, [*c], {**d})")))
print(ast.get_source_segment(src, tree.body[0].body[1].value))

class Names(ast.NodeVisitor):
    def __init__(self):
        self.names = []
    def visit_Name(self, node):
        self.names.append((node.id, type(node.ctx).__name__))
        self.generic_visit(node)

v = Names()
v.visit(ast.parse("a = b + c[d]; del e"))
print(v.names)

class Double(ast.NodeTransformer):
    def visit_Constant(self, node):
        if isinstance(node.value, int):
            return ast.copy_location(ast.Constant(node.value * 2), node)
        return node

t = Double().visit(ast.parse("x = 1 + 2 * y", mode="exec"))
t = ast.fix_missing_locations(t)
print(ast.unparse(t))
ns = {"y": 5}
exec(compile(t, "<ast>", "exec"), ns)
print(ns["x"])
e = ast.Expression(body=ast.BinOp(ast.Constant(6), ast.Mult(), ast.Constant(7)))
print(eval(compile(ast.fix_missing_locations(e), "<e>", "eval")))
print(compile(t, "<ast>", "exec", ast.PyCF_ONLY_AST) is t)
try:
    compile(e, "<e>", "exec")
except TypeError as err:
    print("TypeError", err)
t2 = ast.parse("a\nb")
ast.increment_lineno(t2, 3)
print([n.lineno for n in t2.body])
print(ast.dump(ast.parse("x"), annotate_fields=False))
print(repr(ast.dump(ast.parse("x = 1"), indent=2)))
r = ast.parse("[1, 'x']").body[0].__reduce__()
print(r[0].__name__, r[1], sorted(r[2]))

# Code compiled from a tree keeps the statements' line numbers.
src = """
x = 1

def f(a):
    y = a + 1

    return 1 / 0

@staticmethod
def g(): pass
"""
ns = {}
exec(compile(ast.parse(src), "<tree>", "exec"), ns)
print(ns["f"].__code__.co_firstlineno)
try:
    ns["f"](1)
except ZeroDivisionError as e:
    tb = e.__traceback__
    while tb.tb_next:
        tb = tb.tb_next
    print("line", tb.tb_lineno)
for bad, mode in [(ast.Expression(body=ast.Constant(1)), "eval"),
                  (ast.fix_missing_locations(ast.Expression(ast.Name("x", ast.Store()))), "eval"),
                  (ast.Module(body=[]), "eval"), (ast.fix_missing_locations(ast.Module([ast.Pass()])), "exec")]:
    try:
        compile(bad, "<bad>", mode)
        print("compiled")
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
