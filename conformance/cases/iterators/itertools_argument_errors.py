# itertools constructors with bad arguments: CPython's messages.
import itertools as it
calls = [
    ("chain(1)", lambda: list(it.chain(1))),
    ("chain.from_iterable(5)", lambda: it.chain.from_iterable(5)),
    ("islice()", lambda: it.islice()),
    ("islice('a', 1.5)", lambda: it.islice("a", 1.5)),
    ("accumulate()", lambda: it.accumulate()),
    ("accumulate([1, 'a'])", lambda: list(it.accumulate([1, "a"]))),
    ("compress('a')", lambda: it.compress("a")),
    ("groupby(5)", lambda: it.groupby(5)),
    ("starmap(pow, [1])", lambda: list(it.starmap(pow, [1]))),
    ("tee([], -1)", lambda: it.tee([], -1)),
    ("zip_longest(1)", lambda: it.zip_longest(1)),
    ("zip_longest([], x=1)", lambda: it.zip_longest([], x=1)),
    ("pairwise()", lambda: it.pairwise()),
    ("product(1)", lambda: it.product(1)),
    ("takewhile(None, [1])", lambda: list(it.takewhile(None, [1]))),
    ("dropwhile(len)", lambda: it.dropwhile(len)),
    ("filterfalse(1, [1])", lambda: list(it.filterfalse(1, [1]))),
    ("cycle()", lambda: it.cycle()),
    ("count(1, 'a')", lambda: it.count(1, "a")),
]
for label, fn in calls:
    try:
        print(label, "->", fn())
    except (TypeError, ValueError) as e:
        print(label, "->", type(e).__name__ + ":", e)
