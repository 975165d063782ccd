# Wrong argument counts and keyword arguments for many builtins: CPython's exact messages.
import builtins
calls = [
    ("len", (), {}), ("len", (1, 2), {}), ("abs", (), {}), ("chr", (), {}), ("ord", (), {}),
    ("callable", (1, 2), {}), ("isinstance", (1,), {}), ("issubclass", (), {}), ("hash", (), {}),
    ("id", (), {}), ("iter", (), {}), ("next", (), {}), ("divmod", (1, 2, 3), {}), ("round", (), {}),
    ("round", (1, 2, 3), {}), ("sorted", (), {}), ("sum", (), {}), ("min", (), {}), ("max", (), {}),
    ("zip", (), {"strict": True, "extra": 1}), ("getattr", ("x",), {}), ("setattr", (), {}),
    ("delattr", (1,), {}), ("hasattr", (), {}), ("vars", (1, 2), {}), ("dir", (1, 2), {}),
    ("repr", (1, 2), {}), ("ascii", (), {}), ("format", (1, 2, 3), {}), ("bin", (1, 2), {}),
    ("oct", (), {}), ("hex", (), {}), ("pow", (1,), {}), ("any", (1, 2), {}), ("all", (), {}),
    ("enumerate", (), {}), ("filter", (), {}), ("map", (), {}), ("reversed", (), {}),
    ("len", (), {"obj": 1}), ("abs", (), {"x": 1}), ("sorted", ([],), {"key": None, "reverse": False, "x": 1}),
    ("print", (), {"sep": 1}), ("input", (1, 2), {}), ("compile", (), {}), ("eval", (), {}),
    ("exec", (), {}), ("globals", (1,), {}), ("locals", (1,), {}), ("bool", (1, 2), {}),
    ("int", (1, 2, 3), {}), ("float", (1, 2), {}), ("str", (1, 2, 3, 4), {}), ("list", (1, 2), {}),
    ("tuple", (), {"x": 1}), ("dict", (1, 2), {}), ("set", (), {"x": 1}), ("range", (), {}),
    ("range", (1, 2, 3, 4), {}), ("slice", (), {}), ("object", (1,), {}), ("type", (1, 2), {}),
    ("super", (1, 2, 3), {}),
]
for name, args, kw in calls:
    try:
        r = getattr(builtins, name)(*args, **kw)
        print(name, args, kw, "-> ok", type(r).__name__)
    except TypeError as e:
        print(name, args, kw, "-> TypeError:", e)
