# Dict equality semantics: order-insensitive, value equality (1 == 1.0), nan values, no ordering.
print({"a": 1, "b": 2} == {"b": 2, "a": 1}, {"a": 1} == {"a": 1.0}, {1: "x"} == {1.0: "x"}, {} == dict())
nan = float("nan")
d1 = {"k": nan}
print("same nan object equal by identity:", d1 == {"k": nan}, d1 == {"k": float("nan")})
try:
    {"a": 1} < {"a": 2}
except TypeError as e:
    print("ordering:", e)
print("views equality:", {"a": 1}.keys() == {"a"}, {"a": 1}.items() == {("a", 1)}, {"a": 1}.values() == {"a": 1}.values())
from collections import OrderedDict, Counter, defaultdict
print("subclass equality:", defaultdict(int, a=1) == {"a": 1}, Counter(a=1) == {"a": 1}, OrderedDict(a=1) == {"a": 1})
print("Counter missing vs zero (3.10+):", Counter(a=1, b=0) == Counter(a=1))
class AlwaysEq:
    def __eq__(self, o):
        return True
    __hash__ = object.__hash__
print("values compared with ==:", {"k": AlwaysEq()} == {"k": 5}, {"k": 5} == {"k": AlwaysEq()})
print("different lengths short-circuit:", {"a": 1} == {"a": 1, "b": 2})
print("nested:", {"a": [1, {"b": (2,)}]} == {"a": [1, {"b": (2,)}]}, {"a": [1]} != {"a": (1,)})
print("in compares keys only:", 1 in {1: "x"}, "x" in {1: "x"})
