# Augmented assignment evaluates the target once, then the right side, then the operation.
log = []
def L(tag, value):
    log.append(tag)
    return value
class Obj:
    pass
o = Obj()
o.x = 1
L("target", o).x += L("value", 5)
print(o.x, log)
log.clear()
d = {"k": [1]}
L("dict", d)[L("key", "k")] += L("rhs", [2])
print(d, log)
log.clear()
lst = [10, 20]
i = 0
lst[i] += (i := 1) * 100
print(lst, i)
x = 5
x += x * 2
print(x)
s = "ab"
s *= 3
s += s[:1]
print(s)
