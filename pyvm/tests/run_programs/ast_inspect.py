# gc-stress-interval: 500
import inspect
import functools


def f(a, b: int = 2, /, c=3, *args, d, e: "str" = "x", **kw) -> str:
    """Doc of f.

        Indented more.
    """
    return "x"


class Base:
    """Base doc."""
    attr = 1

    def method(self, x, y=None):
        return x

    @classmethod
    def cm(cls, z):
        pass

    @staticmethod
    def sm(*, k):
        pass

    @property
    def prop(self):
        return 1


class Child(Base):
    def method(self, x, y=None):
        return super().method(x, y)


async def co():
    pass


def gen():
    yield 1


lam = lambda x, *, y=1: x + y

sig = inspect.signature(f)
print(sig)
for p in sig.parameters.values():
    print(p.name, p.kind, p.default is p.empty, p.annotation)
print(sig.return_annotation)
print(inspect.signature(Base.method), inspect.signature(Base().method))
print(inspect.signature(Base.cm), inspect.signature(Base.sm), inspect.signature(lam))
print(inspect.signature(Child))
print(inspect.signature(functools.partial(f, 1, d=4)))
b = sig.bind(1, 2, 3, 4, d=5, z=6)
print(b.arguments, b.args, b.kwargs)
try:
    sig.bind(1)
except TypeError as e:
    print("TypeError", e)
print(inspect.getfullargspec(f))
print(inspect.getsource(f), end="")
print(inspect.getsource(Base.method), end="")
print(inspect.getsource(Child), end="")
print(inspect.getsourcelines(lam)[1])
print(inspect.getdoc(f))
print(inspect.getdoc(Child.method))
print(inspect.cleandoc("  a\n    b\n  c"))
print(inspect.isfunction(f), inspect.isfunction(len), inspect.isbuiltin(len))
print(inspect.isclass(Base), inspect.ismethod(Base().method), inspect.ismodule(inspect))
print(inspect.iscoroutinefunction(co), inspect.isgeneratorfunction(gen), inspect.isgenerator(gen()))
print(inspect.isabstract(Base), inspect.isroutine(len), inspect.isdatadescriptor(Base.__dict__["prop"]))
print([n for n, _ in inspect.getmembers(Child) if not n.startswith("__")])
print([n for n, v in inspect.getmembers(Child, inspect.isfunction)])
print(inspect.getmro(Child))
print(inspect.getmodule(f).__name__, inspect.getfile(f) == __file__)
print(type(inspect.getattr_static(Child, "attr")) if False else "")
print(inspect.unwrap(functools.wraps(f)(lambda: 0)) is f)
print(inspect.Parameter("x", inspect.Parameter.KEYWORD_ONLY, default=3))
print(inspect.Signature([inspect.Parameter("a", inspect.Parameter.POSITIONAL_ONLY)]))
print(inspect.formatannotation(int), inspect.getclosurevars(f).builtins if False else "")
