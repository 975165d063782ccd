# Errors and messages from set/frozenset misuse.
calls = [
    lambda: set(5),
    lambda: set([1], [2]),
    lambda: {1} + {2},
    lambda: {1} * 2,
    lambda: {1} < [1],
    lambda: (lambda s: s[0])({1}),
    lambda: {1}.union(5),
    lambda: {1}.issubset(5),
    lambda: frozenset(5),
    lambda: {1}.add(),
    lambda: {1}.remove(2),
    lambda: set().pop(),
    lambda: sorted([1, "a"]),
    lambda: {[1, 2]},
    lambda: {1}.update(3),
    lambda: {1} - None,
    lambda: set(x=1),
]
for i, fn in enumerate(calls):
    try:
        r = fn()
        print(i, "ok", r)
    except (TypeError, KeyError, ValueError) as e:
        print(i, type(e).__name__ + ":", e)
