# __suppress_context__, manual __context__ assignment, and cycles in the context chain.
try:
    try:
        raise KeyError("k")
    except KeyError as err:
        new = ValueError("v")
        new.__suppress_context__ = True
        raise new
except ValueError as e:
    print(repr(e.__context__), e.__suppress_context__, e.__cause__)
a = ValueError("a")
b = TypeError("b")
a.__context__ = b
print(repr(a.__context__))
try:
    a.__context__ = "not an exception"
except TypeError as e:
    print("TypeError:", e)
try:
    try:
        raise a
    except ValueError:
        raise b
except TypeError as e:
    print("context chain cycle broken:", repr(e.__context__), repr(e.__context__.__context__))
def raise_in_finally_context():
    try:
        try:
            raise IndexError("i")
        finally:
            raise KeyError("k")
    except KeyError as e:
        return repr(e.__context__)
print(raise_in_finally_context())
