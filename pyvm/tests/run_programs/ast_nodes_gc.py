# gc-stress-interval: 10
# _ast without the ast module (so every allocation can move objects under
# GC stress): compile(..., PyCF_ONLY_AST) trees printed by a small walker.
import _ast


def show(node, depth=0):
    if isinstance(node, list):
        return "[" + ", ".join(show(n, depth + 1) for n in node) + "]"
    if not isinstance(node, _ast.AST):
        return repr(node)
    parts = [f"{name}={show(getattr(node, name, None), depth + 1)}" for name in node._fields]
    pos = [getattr(node, a, None) for a in node._attributes]
    where = "@" + ":".join(str(p) for p in pos) if pos else ""
    return f"{type(node).__name__}{where}(" + ", ".join(parts) + ")"


src = '''
@deco
def f(a, /, b=1, *c, d: int, **e) -> "r":
    """doc"""
    x = [i * 2 for i in range(3) if i]
    y = {k: v for k, v in e.items()}
    return f"{x!r:>{b}} é" + b"\\x00".decode()
class C(B, m=1):
    async def g(self):
        async with a as (b, c):
            await d
match z:
    case [1, *r] | {"k": _} if r: pass
    case P(x=0): pass
try:
    pass
except (A, B) as err:
    raise
finally:
    del q[1:2, ::3]
'''
tree = compile(src, "<gc>", "exec", _ast.PyCF_ONLY_AST)
print(show(tree))
print(show(compile("lambda x: (yield)", "<gc>", "eval", _ast.PyCF_ONLY_AST)))
print(show(compile("if a:\n  b\n", "<gc>", "single", _ast.PyCF_ONLY_AST)))
try:
    compile("x = = 1", "<gc>", "exec", _ast.PyCF_ONLY_AST)
except SyntaxError as e:
    print(e.msg, e.lineno, e.offset)
n = _ast.BinOp(_ast.Constant(1), _ast.Add(), right=_ast.Name("x", _ast.Load()))
print(show(n), n.__reduce__()[0].__name__)
