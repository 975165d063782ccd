# gc-stress-interval: 500
# Runtime pieces inspect, tokenize and typing need.
import re

p = re.compile(br'^[ \t\f]*(?:[#\r\n]|$)', re.ASCII)
print(p.match(b'  # x'), p.match(b'x'))
m = re.match(rb'(\w+)=(\d+)', b'abc=12;')
print(m.group(0), m.groups(), m.span(2), m.string)
print(re.sub(rb'\d', b'#', b'a1b22'), re.sub(rb'(\d)', rb'<\1>', b'a1b2'), re.split(rb',', b'a,b,,c'))
print(re.findall(rb'[a-z]+', b'ab cd'), re.sub(rb'x', lambda m: b'y', b'axb'))
for pat, s in [('a', b'a'), (b'a', 'a')]:
    try:
        re.match(pat, s)
    except TypeError as e:
        print(e)
try:
    re.sub(rb'x', lambda m: 'y', b'axb')
except TypeError as e:
    print(e)

it = iter([1, 2])
print(it.__next__(), next(it), it.__iter__() is it)
try:
    it.__next__()
except StopIteration:
    print("StopIteration")
print(iter("ab").__next__(), iter((3,)).__next__(), iter(range(4, 5)).__next__(), iter({7: 1}).__next__())
print(iter({8}).__next__(), enumerate("x").__next__(), zip("a", "b").__next__(), map(str, [9]).__next__())

import functools
print(callable(functools.partial(print, 1)), callable(functools.partial), callable(3))


import abc


class Abstract(abc.ABC):
    @abc.abstractmethod
    def f(self):
        pass


class Concrete(Abstract):
    def f(self):
        pass


print(bool(Abstract.__flags__ & (1 << 20)), bool(Concrete.__flags__ & (1 << 20)))
import inspect
print(inspect.isabstract(Abstract), inspect.isabstract(Concrete), inspect.isabstract(int))
print(bool(list.__flags__ & (1 << 25)), bool(type("L", (list,), {}).__flags__ & (1 << 25)))
print(object.__text_signature__, type("K", (), {}).__text_signature__)


def f(a):
    pass


f.__qualname__ = "X.g"
for call in (lambda: f(), lambda: f(1, 2), lambda: f(b=1)):
    try:
        call()
    except TypeError as e:
        print(e)


class Slotted:
    __slots__ = ("__doc__", "x")


s = Slotted()
s.__doc__ = "doc"
print(s.__doc__)
try:
    class Conflict:
        __slots__ = ("__doc__",)
        __doc__ = "x"
except ValueError as e:
    print(e)

import typing
print(typing.Optional[int], typing.List[str])


class NotIterable:
    pass


class ByIndex:
    def __getitem__(self, i):
        if i < 2:
            return i
        raise IndexError


try:
    a, b = NotIterable()
except TypeError as e:
    print(e)
a, b = ByIndex()
print(a, b)


def posonly(a, b, /, c):
    pass


for kw in [dict(a=1, b=2, c=3), dict(z=1, a=1), dict(c=1, z=2)]:
    try:
        posonly(**kw)
    except TypeError as e:
        print(e)

print(eval(b"1 + 2"), eval(compile(b"# coding: latin-1\n'\xe9'", "<b>", "eval")))
exec(b"print('bytes source')")
for bad in [lambda: compile("x", "<f>", "exec", flags=1 << 30), lambda: compile("x\0", "<n>", "exec"),
            lambda: eval("1\0")]:
    try:
        bad()
    except (ValueError, SyntaxError) as e:
        print(type(e).__name__, e, e.args)
