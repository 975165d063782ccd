# Setting a special method to None blocks the fallback protocol (iteration, reversal, containment, hashing, calls).
class NoIter:
    __iter__ = None
    def __getitem__(self, i):
        if i < 3:
            return i
        raise IndexError
class NoReversed:
    __reversed__ = None
    def __len__(self):
        return 2
    def __getitem__(self, i):
        return i
class NoContains:
    __contains__ = None
    def __iter__(self):
        return iter([1, 2])
class NoHash:
    __hash__ = None
class NoCall:
    __call__ = None
checks = [
    ("iter(NoIter())", lambda: iter(NoIter())),
    ("list(NoIter())", lambda: list(NoIter())),
    ("reversed(NoReversed())", lambda: reversed(NoReversed())),
    ("1 in NoContains()", lambda: 1 in NoContains()),
    ("hash(NoHash())", lambda: hash(NoHash())),
    ("NoCall()()", lambda: NoCall()()),
]
for label, fn in checks:
    try:
        print(label, "->", fn())
    except TypeError as e:
        print(label, "-> TypeError:", e)
print("getitem still works directly:", NoIter()[1], "iteration of NoContains still works:", list(NoContains()))
import collections.abc as abc
print("ABC checks honour None:", isinstance(NoIter(), abc.Iterable), isinstance(NoHash(), abc.Hashable), isinstance(NoContains(), abc.Container))
