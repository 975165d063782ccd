# Right side is evaluated fully before targets are assigned left to right.
log = []
class Rec:
    def __setitem__(self, k, v):
        log.append(("set", k, v))
def val(x):
    log.append(("eval", x))
    return x
r = Rec()
r[val("k1")], r[val("k2")] = val(1), val(2)
print(log)
a = [1, 2, 3]
i = 0
i, a[i] = 1, "x"
print(i, a)
x = [0, 1]
x[0], x[x[0]] = 1, "y"
print(x)
a, b = b, a = 1, 2
print(a, b)
p = q = []
p.append(1)
print(q, p is q)
u, v = v, u = "uv"
print(u, v)
