# Evaluation order of subscript assignment and augmented assignment: value first, then container, then key.
log = []
def t(label, value):
    log.append(label)
    return value
d = {}
t("container", d)[t("key", "k")] = t("value", 1)
print("d[k] = v:", log); log.clear()
t("container", d)[t("key", "k")] += t("value", 5)
print("d[k] += v:", log, d); log.clear()
x = y = t("chained value", [])
print("chained assignment evaluates once:", log, x is y); log.clear()
a, b = t("rhs", (1, 2))
print("unpacking:", log); log.clear()
lst = [0, 0]
i = 0
i, lst[i] = 1, 9
print("targets assigned left to right:", i, lst)
class Tracking(dict):
    def __getitem__(self, k):
        log.append(f"get {k}"); return super().__getitem__(k)
    def __setitem__(self, k, v):
        log.append(f"set {k}={v}"); super().__setitem__(k, v)
tr = Tracking(n=1)
tr["n"] += 10
print("augmented on mapping calls get then set:", log, dict(tr)); log.clear()
tr.setdefault("m", 5)
print("setdefault bypasses overridden __setitem__:", log, dict(tr)); log.clear()
try:
    t("container", {})[t("key", "missing")] += t("value", 1)
except KeyError as e:
    print("augmented on missing key:", repr(e), log)
