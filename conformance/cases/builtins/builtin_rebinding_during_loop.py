# Global and builtins-module rebinding while a loop runs must be seen on the next iteration (no stale lookups).
import builtins
def measure(items):
    return [len(x) for x in items]
out = []
for i in range(8):
    if i == 2:
        globals()["len"] = lambda x: -1
    if i == 4:
        del globals()["len"]
    if i == 5:
        builtins.len, saved = (lambda x: 100), builtins.len
    if i == 7:
        builtins.len = saved
    out.append(measure(["ab"])[0])
print("len seen by a function per iteration:", out)
def use_abs(v):
    return abs(v)
res = []
for i in range(4):
    if i == 2:
        abs_saved = builtins.abs
        builtins.abs = lambda v: "patched"
    res.append(use_abs(-3))
builtins.abs = abs_saved
print("abs via builtins module:", res, abs(-3))
counter = 0
def bump():
    global counter
    counter += 1
    return counter
vals = [bump() for _ in range(3)]
counter = 100
vals.append(bump())
print("global rebinding observed:", vals)
