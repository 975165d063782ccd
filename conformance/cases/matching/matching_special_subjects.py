# Subjects with unusual types: None, booleans vs ints, strings vs sequences, dict subclasses.
import collections
class MyDict(dict):
    pass
def kind(v):
    match v:
        case None:
            return "None"
        case bool():
            return "bool"
        case int():
            return "int"
        case str() | bytes():
            return "text"
        case {"k": _}:
            return "mapping with k"
        case {}:
            return "other mapping"
        case [_, _]:
            return "pair"
        case _:
            return "other"
for v in [None, True, 0, "ab", b"ab", MyDict(k=1), collections.OrderedDict(), collections.Counter("k"), (1, 2), [1], {1, 2}]:
    print(type(v).__name__, kind(v))
match 1:
    case True:
        print("1 matches True? (literal True uses 'is')")
    case 1:
        print("1 matches literal 1")
