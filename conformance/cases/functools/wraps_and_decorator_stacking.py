# Decorators built with functools.wraps stacked in order; __wrapped__ chain; inspect.unwrap and signature follow it.
import functools, inspect
def trace(tag):
    def deco(fn):
        @functools.wraps(fn)
        def wrapper(*a, **k):
            print(f"  enter {tag}")
            try:
                return fn(*a, **k)
            finally:
                print(f"  exit {tag}")
        wrapper.tag = tag
        return wrapper
    return deco
@trace("outer")
@trace("inner")
def add(a: int, b: int = 2) -> int:
    "Add numbers."
    return a + b
print("call:", add(1))
print("metadata:", add.__name__, add.__doc__, add.__annotations__, add.tag)
print("__wrapped__ chain:", add.__wrapped__.tag, add.__wrapped__.__wrapped__.__name__, hasattr(add.__wrapped__.__wrapped__, "tag"))
print("unwrap:", inspect.unwrap(add) is add.__wrapped__.__wrapped__)
print("signature follows __wrapped__:", inspect.signature(add))
print("WRAPPER_ASSIGNMENTS:", functools.WRAPPER_ASSIGNMENTS, functools.WRAPPER_UPDATES)
def no_wraps(fn):
    def wrapper(*a):
        return fn(*a)
    return wrapper
@no_wraps
def named(): pass
print("without wraps:", named.__name__, hasattr(named, "__wrapped__"))
