# with blocks inside except and finally: __exit__ sees its own exceptions; context chains are kept.
class CM:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        print(f"{self.name} exit sees {et.__name__ if et else None}")
        return False
try:
    try:
        raise KeyError("original")
    except KeyError:
        with CM("in-except"):
            raise ValueError("raised inside with inside except")
except ValueError as e:
    print(repr(e), "context:", repr(e.__context__))
try:
    try:
        raise IndexError("first")
    finally:
        with CM("in-finally"):
            print("finally body runs while IndexError is in flight")
except IndexError as e:
    print("still IndexError:", repr(e))
def returns_from_with():
    with CM("returning"):
        try:
            return "from try"
        finally:
            print("inner finally before __exit__")
print(returns_from_with())
