# Errors from list, dict and set methods with bad arguments.
tries = [
    lambda: [].insert(), lambda: [].insert("0", 1), lambda: [1].index(1, "a"), lambda: [].extend(5),
    lambda: [1, 2].count(), lambda: {}.update(5), lambda: {}.update([1]), lambda: {}.fromkeys(),
    lambda: {}.setdefault(), lambda: {"a": 1}.pop("b"), lambda: {}.pop(), lambda: set().add([]),
    lambda: set().update(5), lambda: {1}.issubset(5), lambda: frozenset().add, lambda: frozenset().add(1),
    lambda: [3, 1].sort(key=lambda x, y: 0), lambda: list.append(5, 1), lambda: dict.get({}, ),
    lambda: [].__getitem__("x"), lambda: (1,).count(), lambda: {}.keys(1), lambda: [][::0],
]
for t in tries:
    try:
        print("ok:", repr(t()))
    except (TypeError, ValueError, KeyError, AttributeError) as e:
        print(f"{type(e).__name__}: {e}")
