# setattr/delattr on built-in types and instances, isinstance misuse, super misuse.
tries = [
    lambda: setattr(1, "x", 2), lambda: setattr(int, "x", 2), lambda: delattr([], "append"),
    lambda: setattr(object(), "a", 1), lambda: isinstance(1, 5), lambda: issubclass(1, int),
    lambda: isinstance(1, (int, "x")), lambda: type("X", 5, {}), lambda: type(1, 2),
    lambda: object.__new__(5), lambda: int.__new__(str), lambda: super(int, "s"),
    lambda: getattr(1, 5), lambda: hasattr(1, None), lambda: vars(5), lambda: callable(),
    lambda: property(1, 2, 3, 4, 5), lambda: staticmethod(), lambda: slice(),
]
for t in tries:
    try:
        print("ok:", repr(t()))
    except (TypeError, AttributeError) as e:
        print(f"{type(e).__name__}: {e}")
