# Ellipsis, docstrings of modules, functions and classes, and __doc__ defaults.
"""Module docstring for this case."""
def f():
    """Function docstring."""
def g():
    ...
class C:
    """Class docstring."""
    def m(self):
        "Method docstring with plain quotes."
class D:
    x = 1
    """not a docstring: first statement is an assignment"""
print(__doc__)
print(f.__doc__, g.__doc__, C.__doc__, C.m.__doc__, D.__doc__)
print(..., Ellipsis is ..., type(...).__name__, repr(...))
print(g(), f())
def only_ellipsis(): ...
print(only_ellipsis())
print(bool(...), [...][0] is Ellipsis)
