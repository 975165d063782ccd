# Builtins that accept or reject keyword arguments.
tries = [
    lambda: sorted([3, 1], reverse=True), lambda: len(obj=[]), lambda: int("10", base=2),
    lambda: str(object=5), lambda: print("x", sep="", end="\n", flush=True) or "printed",
    lambda: max([1, 2], key=lambda v: -v), lambda: min(1, 2, key=None), lambda: range(stop=3),
    lambda: enumerate([1], start=5).__next__(), lambda: round(number=2.5), lambda: pow(base=2, exp=3),
    lambda: divmod(a=1, b=2), lambda: getattr(object=1, name="real"), lambda: isinstance(obj=1, class_or_tuple=int),
    lambda: dict(a=1, b=2), lambda: "a,b".split(sep=","), lambda: "x".encode(encoding="ascii"),
    lambda: [].sort(key=None, reverse=False), lambda: bytes(source=b"x"),
]
for t in tries:
    try:
        print("ok:", repr(t()))
    except TypeError as e:
        print("TypeError:", e)
