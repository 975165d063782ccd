# gc-stress-interval: 500
import ast

def d(src, mode='exec'):
    print(ast.dump(ast.parse(src, mode=mode), include_attributes=True))

d('''
@dec(1)
@other
class C(B, metaclass=M, **kw):
    """Doc."""
    x: int = 3
    y: "str"
    (z): int
    def m(self, *args, k=1, **kws): return super().m()
''')
d('''
match p:
    case 1 | 2 if x: pass
    case [a, *rest]: pass
    case {"k": v, **others}: pass
    case Point(x=0, y=yy) | Point(1, 2): pass
    case None: pass
    case (a as b): pass
    case -1 | 1+2j | "s" "t" | b"x": pass
    case _: pass
''')
d('''
try:
    pass
except* ValueError as e:
    raise X from e
else:
    pass
finally:
    del a, b[0], c.d
if a: pass
elif b:
    pass
elif c: pass
else:
    pass
''')
d('''
async def f():
    async with a as b, c:
        async for x in y:
            await z
    return [i async for i in g() if i]
global q
lambda: 0
lambda a, /, b=2, *, c: (yield)
''')
d('x = 10**30 + 0x1f + 1.5e3 + 3j + ... ; y = -x; del y')
d('a[1:2, ::3, ...], {1, 2}, {k: v for k, v in d if k}, {**a, "b": 1}, (*a, *b)')
d('z = (n := 10) > 5 >= 3 != 2 is not None in x not in y')
d('s = "é" + "\\u00e9" + r"\\n" + b"\\x00" b"b" + """a\nb"""')
d('print(é, "ü"); café = 1')
d('from .. import a as b, c\nfrom m import *\nimport os.path as p, sys')
d('x = \\\n  1 + \\\n  2')
d('1 + 2', mode='eval')
d('x = 1; y = 2', mode='exec')
d('if x:\n    y\n', mode='single')
d('f(a, *b, c=1, **d)(g)[h].i')
d('nonlocal_ = not a and b or c')
d('with (open(f) as g, open(h)): pass')
d('assert x, "m"\nwhile 1:\n    break\nelse:\n    continue')
d('def f():\n    x = 1; del x;\nif a: b;\nelif c: d ;\ntry: pass;\nexcept E: pass;')
d('f"{3,}" f"{a, b!r:>4}"')

for bad in ['x = = 1', 'def f(:', 'f(**x, *y)', 'x +', '  x']:
    try:
        ast.parse(bad)
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.lineno, e.offset)

# Nodes made by hand.
n = ast.Name('x', ast.Load())
print(n.id, n._fields, ast.Name.__match_args__, ast.Name._attributes)
print(ast.dump(ast.BinOp(left=ast.Constant(1), op=ast.Add(), right=n)))
try:
    ast.Name('x', ast.Load(), 3)
except TypeError as e:
    print(e)
try:
    ast.Name('x', id='y')
except TypeError as e:
    print(e)
print(ast.Return().value, ast.Constant(1).kind, ast.Name(foo=3).foo)
print(ast.Name.__doc__)
print(ast.expr_context.__doc__)
print(ast.Load().__reduce__()[0].__name__, ast.Name('a').__reduce__()[2])
print(issubclass(ast.Name, ast.expr), ast.Name.__mro__[1:])
print(ast.Num(3).value, isinstance(ast.Constant('s'), ast.Str))
print(ast.PyCF_ONLY_AST, ast.PyCF_TYPE_COMMENTS, ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
match ast.parse('x + 1', mode='eval').body:
    case ast.BinOp(ast.Name(id), ast.Add(), ast.Constant(v)):
        print('matched', id, v)
