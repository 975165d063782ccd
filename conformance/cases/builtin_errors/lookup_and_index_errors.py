# IndexError, KeyError, AttributeError and ValueError messages from containers.
tries = [
    lambda: [][0], lambda: [1, 2][5], lambda: (1,)[-2], lambda: "abc"[10], lambda: range(3)[3],
    lambda: {}["k"], lambda: {"a": 1}[("t", 1)], lambda: [].pop(), lambda: {}.popitem(),
    lambda: set().pop(), lambda: [1].remove(2), lambda: [1, 2].index(3), lambda: "abc".index("z"),
    lambda: (1, 2).index(3), lambda: "x".attr, lambda: None.thing, lambda: int.nothing,
    lambda: object().__dict__, lambda: [].pop(3), lambda: b"ab"[2], lambda: "abc".rindex("q"),
    lambda: {1, 2}.remove(3), lambda: bytearray().pop(),
]
for t in tries:
    try:
        print("ok:", repr(t()))
    except (IndexError, KeyError, AttributeError, ValueError) as e:
        print(f"{type(e).__name__}: {e}")
