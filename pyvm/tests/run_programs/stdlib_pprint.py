# gc-stress-interval: 200
# pprint over the container types it dispatches on by their __repr__.
import collections
import pprint

data = {
    "numbers": list(range(25)),
    "nested": {"key %d" % i: ("value", i, [i] * 3) for i in range(4)},
    "text": "x" * 70,
}
pprint.pprint(data)
pprint.pprint(collections.defaultdict(list, {"a": [1, 2], "b": list(range(30))}))
pprint.pprint(collections.OrderedDict((str(i), i * 1.5) for i in range(12)), width=40)
pprint.pprint(collections.Counter("mississippi"))
pprint.pprint(collections.deque(range(40), maxlen=50))
print(pprint.pformat({"a": 1, "b": [1, 2]}, indent=2, width=10))
print(pprint.saferecursive({}) if hasattr(pprint, "saferecursive") else pprint.isrecursive([1]))
r = [1, 2]
r.append(r)
print(pprint.pformat(r).replace(str(id(r)), "ID"), pprint.isreadable(r), pprint.isrecursive(r))
print(collections.defaultdict.__repr__ is dict.__repr__)
