# Which built-in types count as sequences and mappings for pattern matching.
import array
import collections
def kind(v):
    match v:
        case {}:
            return "mapping"
        case []:
            return "empty sequence"
        case [_, *_]:
            return "non-empty sequence"
        case _:
            return "neither"
samples = [[], (), [1], (1,), range(0), range(2), "", "ab", b"", bytearray(b"x"), memoryview(b"ab"),
           array.array("b", [1]), collections.deque(), {}, {"k": 1}, collections.OrderedDict(a=1),
           set(), frozenset([1]), iter([1]), None, 0]
for v in samples:
    print(type(v).__name__, kind(v))
