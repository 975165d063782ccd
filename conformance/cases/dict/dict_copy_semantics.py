# dict.copy/dict()/{**d}/copy.deepcopy: shallow vs deep, shared mutable values, and copying subclasses.
import copy
from collections import defaultdict, OrderedDict
orig = {"list": [1], "nested": {"k": [2]}, "num": 3}
shallow = [orig.copy(), dict(orig), {**orig}, copy.copy(orig)]
deep = copy.deepcopy(orig)
orig["list"].append(99)
orig["nested"]["k"].append(98)
orig["num"] = 0
print("shallow copies share values:", [c["list"] for c in shallow], [c["num"] for c in shallow])
print("deep copy independent:", deep)
dd = defaultdict(list, a=[1])
print("copy keeps subclass & factory:", type(dd.copy()).__name__, dd.copy().default_factory is list, type(copy.copy(dd)).__name__)
print("dict() of subclass is plain dict:", type(dict(dd)).__name__, type({**dd}).__name__)
od = OrderedDict(b=1, a=2)
print("OrderedDict copy keeps order/type:", od.copy(), type(od.copy()).__name__)
class MyDict(dict):
    pass
md = MyDict(x=1)
print("dict subclass .copy() returns plain dict:", type(md.copy()).__name__, type(copy.copy(md)).__name__)
cyc = {}
cyc["self"] = cyc
dc = copy.deepcopy(cyc)
print("deepcopy keeps cycles:", dc["self"] is dc, dc is not cyc)
