# WeakValueDictionary, WeakKeyDictionary and WeakSet drop entries when objects die.
import gc
import weakref
class Item:
    def __init__(self, n):
        self.n = n
    def __repr__(self):
        return f"Item({self.n})"
items = [Item(i) for i in range(4)]
wvd = weakref.WeakValueDictionary((i, it) for i, it in enumerate(items))
wkd = weakref.WeakKeyDictionary((it, it.n * 10) for it in items)
ws = weakref.WeakSet(items)
print(len(wvd), len(wkd), len(ws))
del items[1:3]
gc.collect()
print(sorted(wvd.keys()), sorted(v for v in wkd.values()), sorted(x.n for x in ws))
print(wvd.get(1), 0 in wvd)
extra = Item(9)
wvd["extra"] = extra
print(wvd["extra"])
del extra
gc.collect()
print("extra" in wvd)
items.clear()
gc.collect()
print(len(wvd), len(wkd), len(ws))
