# Explicit chaining with raise ... from ...; from None suppresses the context.
def chain(e):
    out = []
    while e is not None:
        out.append(type(e).__name__)
        e = e.__cause__ or (None if e.__suppress_context__ else e.__context__)
    return out
try:
    try:
        int("x")
    except ValueError as exc:
        raise RuntimeError("conversion failed") from exc
except RuntimeError as e:
    print(chain(e), type(e.__cause__).__name__, e.__suppress_context__)
try:
    try:
        {}["missing"]
    except KeyError:
        raise AttributeError("clean") from None
except AttributeError as e:
    print(chain(e), e.__cause__, e.__suppress_context__, type(e.__context__).__name__)
try:
    raise ValueError("v") from TypeError("t")
except ValueError as e:
    print(chain(e), e.__cause__.args)
try:
    raise ValueError from KeyError
except ValueError as e:
    print(type(e.__cause__).__name__, e.__cause__.args)
try:
    raise ValueError from 5
except TypeError as e:
    print("TypeError:", e)
ex = Exception("manual")
ex.__cause__ = OSError("set by hand")
print(ex.__suppress_context__, type(ex.__cause__).__name__)
