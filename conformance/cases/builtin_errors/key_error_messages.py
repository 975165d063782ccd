# KeyError reprs its key; tuples, strings with quotes and custom objects as missing keys.
class K:
    def __repr__(self):
        return "K()"
    def __hash__(self):
        return 1
for key in ["plain", "it's", 'say "hi"', (1, 2), (), 3.5, None, K(), frozenset([1]), b"b"]:
    try:
        {}[key]
    except KeyError as e:
        print(repr(str(e)), e.args)
import collections
try:
    collections.OrderedDict().popitem()
except KeyError as e:
    print("KeyError:", e)
try:
    collections.ChainMap({}).pop("x")
except KeyError as e:
    print("KeyError:", e)
