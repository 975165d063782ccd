# Implicit chaining: __context__ is set when raising inside except/finally.
def show(e):
    chain = []
    while e is not None:
        chain.append(f"{type(e).__name__}({e})")
        e = e.__context__
    return " <- ".join(chain)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("while handling")
except ValueError as e:
    print(show(e), e.__cause__, e.__suppress_context__)
try:
    try:
        raise KeyError("a")
    finally:
        raise RuntimeError("in finally")
except RuntimeError as e:
    print(show(e))
try:
    try:
        raise TypeError("first")
    except TypeError:
        try:
            raise ValueError("second")
        except ValueError:
            raise IndexError("third")
except IndexError as e:
    print(show(e))
e = ValueError("standalone")
print(e.__context__, e.__cause__, e.__traceback__)
try:
    try:
        raise ValueError("x")
    except ValueError as inner:
        raise inner
except ValueError as e:
    print("re-raise same object keeps no self-context:", e.__context__)
