# collections mappings: defaultdict, Counter, OrderedDict, ChainMap.
from collections import defaultdict, Counter, OrderedDict, ChainMap
dd = defaultdict(list)
dd["a"].append(1)
dd["b"]
print("defaultdict:", dict(dd), dd.default_factory is list, "c" in dd, dd.get("c"))
nofactory = defaultdict()
try:
    nofactory["x"]
except KeyError as e:
    print("no factory:", repr(e))
print("repr:", repr(defaultdict(int, {"k": 1})))
c = Counter("abracadabra")
print("counter:", c.most_common(3), c["z"], sorted(c.elements())[:6])
c.update("aaz")
c.subtract({"a": 10})
print("update/subtract:", c["a"], c["z"], +c == Counter({k: v for k, v in c.items() if v > 0}))
print("counter arithmetic:", Counter(a=3, b=1) + Counter(a=1, c=2), Counter(a=3) - Counter(a=5), Counter(a=2) & Counter(a=1, b=1), Counter(a=1) | Counter(a=3))
print("total:", Counter(a=2, b=3).total())
od = OrderedDict.fromkeys("abcd")
od.move_to_end("a")
od.move_to_end("d", last=False)
print("OrderedDict:", list(od), od.popitem(), od.popitem(last=False))
print("OrderedDict equality is order-sensitive:", OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), OrderedDict(a=1, b=2) == {"b": 2, "a": 1})
cm = ChainMap({"a": 1}, {"a": 2, "b": 3})
cm["c"] = 4
print("ChainMap:", cm["a"], cm["b"], sorted(cm), cm.maps[0], cm.parents["a"])
try:
    del cm["b"]
except KeyError as e:
    print("ChainMap delete from parent:", e)
