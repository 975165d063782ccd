def f():
    raise ValueError("first")
try:
    f()
except ValueError as e:
    v = e
try:
    raise KeyError("ctx")
except KeyError:
    inner = ExceptionGroup("inner", [TypeError("t"), v])
raise ExceptionGroup("several failures", [inner, OSError(2, "nope")])
