# Unsupported operand types, unhashable keys, non-callables, non-subscriptables.
one, five, text, nothing = 1, 5, "s", None
tries = [
    lambda: 1 + "a", lambda: "a" + 1, lambda: [1] + (2,), lambda: {} + {},
    lambda: 1 < "a", lambda: None > None, lambda: -"a", lambda: ~1.5, lambda: "a" * "b",
    lambda: "a" * 1.5, lambda: [1] * [2], lambda: 5 @ 5, lambda: {[1]: 2},
    lambda: {1, []}, lambda: hash({}), lambda: one(), lambda: text(), lambda: nothing[0],
    lambda: five[0], lambda: len(5), lambda: iter(5), lambda: next([1]), lambda: 1 in 5,
    lambda: "a" in ["a"], lambda: 1 in "abc", lambda: 2 ** "x", lambda: divmod("a", 1),
]
for t in tries:
    try:
        print("ok:", repr(t()))
    except TypeError as e:
        print("TypeError:", e)
