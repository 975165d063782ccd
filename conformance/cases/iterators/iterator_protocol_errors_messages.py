# Messages for iterator protocol misuse: non-iterables in for/unpacking/star, __next__ missing, __iter__ returning non-iterator.
class NoIter:
    pass
class IterReturnsList:
    def __iter__(self):
        return [1, 2]
class OnlyNext:
    def __next__(self):
        return 1
checks = [
    ("for over int", lambda: [x for x in 5]),
    ("unpack None", lambda: (lambda: [a for a, b in [None]])()),
    ("star-unpack float", lambda: [*1.5]),
    ("for over object", lambda: list(NoIter())),
    ("__iter__ returns list", lambda: list(IterReturnsList())),
    ("object with only __next__", lambda: list(OnlyNext())),
    ("next on generator function (not called)", lambda: next((lambda: (yield))) ),
    ("in on int", lambda: 1 in 5),
    ("dict(int)", lambda: dict(3)),
    ("zip(None)", lambda: zip(None)),
]
for label, fn in checks:
    try:
        fn()
    except TypeError as e:
        print(f"{label}: {e}")
