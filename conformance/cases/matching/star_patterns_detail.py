# Star patterns in sequences: positions, wildcard star, collections.abc.Sequence subjects.
import collections
import collections.abc  # explicit: only site-packages side effects make it an attribute otherwise
import array
def split(v):
    match v:
        case [*_, 0]:
            return "ends with zero"
        case [0, *_]:
            return "starts with zero"
        case [a, *mid, b] if len(mid) > 2:
            return f"long {a}..{b} ({len(mid)} inside)"
        case [*all_items]:
            return f"any sequence {all_items}"
print(split([1, 2, 0]), split((0, 5)), split(range(1, 7)), split([1, 2]))
print(split(collections.deque([1, 0])), split(array.array("i", [0, 1])))
class MySeq(collections.abc.Sequence):
    def __len__(self):
        return 3
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 10
print(split(MySeq()))
match "abc":
    case [*chars]:
        print("str matched as sequence", chars)
    case str():
        print("str is never a sequence pattern subject")
match iter([1, 2]):
    case [a, b]:
        print("iterator matched")
    case _:
        print("iterators are not sequences")
