# Importing pure-Python and built-in standard library modules and using one function of each.
import collections, dataclasses, enum, fractions, functools, heapq, itertools, json, math
import operator, re, string, textwrap, types, typing
print(collections.Counter("abca").most_common(1), fractions.Fraction(3, 6), math.gcd(12, 18))
print(json.dumps({"b": [1, 2], "a": None}, sort_keys=True), re.findall(r"\d+", "a1b22c333"))
print(string.ascii_lowercase[:5], textwrap.shorten("the quick brown fox", 12), operator.itemgetter(1)("xyz"))
print(heapq.nsmallest(2, [5, 1, 4]), list(itertools.accumulate([1, 2, 3])), functools.reduce(operator.mul, range(1, 6)))
Color = enum.Enum("Color", "RED GREEN")
print(Color.GREEN, Color(1).name, types.SimpleNamespace(a=1), typing.get_type_hints(lambda: None))
@dataclasses.dataclass(frozen=True)
class P:
    x: int
print(P(1), dataclasses.asdict(P(2)))
import sys
print(all(m in sys.modules for m in ["json", "re", "enum"]))
